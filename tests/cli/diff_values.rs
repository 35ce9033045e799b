//! `fnox diff --values OLD NEW`: the old and new values of what changed, on a terminal only.

use insta::assert_snapshot;

use crate::support::pty::Terminal;
use crate::support::{age_sandbox, Sandbox};

/// fnox.toml and old.toml (a copy without its sidecar) after SAME, CHANGED, GONE, MOVED and
/// PROD_ONLY are set; then fnox.toml changes CHANGED, removes GONE, adds ADDED and a prod
/// NEW_PROD, and gets a BROKEN entry that is no age ciphertext.
fn two_versions() -> Sandbox {
    let sb = age_sandbox();
    sb.run(&["set", "SAME", "same"]).ok();
    sb.run(&["set", "CHANGED", "before"]).ok();
    sb.run(&["set", "GONE", "bye"]).ok();
    sb.run(&["set", "BROKEN", "was fine"]).ok();
    // As `git show HEAD:fnox.toml > old.toml` leaves it: no sidecar beside it, so not checked
    // (a copy of fnox.lock would not verify there: tags bind the file's path).
    sb.write("old.toml", &sb.read("fnox.toml"));
    sb.run(&["set", "CHANGED", "after\nsecond line"]).ok();
    sb.run(&["remove", "GONE"]).ok();
    sb.run(&["set", "ADDED", "hello"]).ok();
    sb.run(&["-P", "prod", "set", "NEW_PROD", "prod value"])
        .ok();
    // A value no provider can read (base64 of "not an age file").
    let text = sb.read("fnox.toml");
    let broken = text
        .lines()
        .find(|l| l.starts_with("BROKEN="))
        .unwrap()
        .to_owned();
    sb.write(
        "fnox.toml",
        &text.replace(
            &broken,
            "BROKEN= { provider = \"age\", value = \"bm90IGFuIGFnZSBmaWxl\" }",
        ),
    );
    sb
}

#[test]
fn diff_values_on_a_terminal_shows_old_and_new_values() {
    let sb = two_versions();
    let term = Terminal::spawn(&sb, &[], &["diff", "--values", "old.toml", "fnox.toml"]);
    let (code, seen) = term.finish();
    let seen = sb.redact(&seen.replace("\r\n", "\n"));
    assert_eq!(code, 1, "{seen}");
    assert_snapshot!(seen, @r"
    + ADDED (age)
        new: hello
    ~ BROKEN (age)
        old: was fine
        new: <cannot read: cannot decrypt BROKEN (secrets.BROKEN in ./fnox.toml:7, provider 'age'): Age decryption failed: the value is not an age ciphertext (bad header)>
    ~ CHANGED (age)
        old: before
        new: after\nsecond line
    + NEW_PROD (profile prod) (age)
        new: prod value
    - GONE (age)
        old: bye
    ");
}

#[test]
fn diff_values_refuses_when_stdout_is_not_a_terminal() {
    let sb = two_versions();
    let out = sb.run(&["diff", "--values", "old.toml", "fnox.toml"]);
    assert_eq!(out.stdout, "");
    assert_snapshot!(out.fails(2), @"
    error[fnox::usage]: diff --values shows secret values, and stdout is not a terminal
      caused by: values must not land in pipes, log files, CI output or git's pager caches, where they outlive the screen
      hint: run `fnox diff --values OLD NEW` in a terminal without a pipe, redirect or pager; without --values the diff names what changed and can go anywhere
    ");
    // Without --values the same diff goes anywhere.
    let out = sb.run(&["diff", "old.toml", "fnox.toml"]);
    assert_eq!(out.code, 1);
    assert!(!out.stdout.contains("before") && !out.stdout.contains("hello"));
}

#[test]
fn diff_values_refuses_textconv() {
    let sb = two_versions();
    let out = sb.run(&["diff", "--values", "--textconv", "fnox.toml"]);
    assert_snapshot!(out.fails(2), @"
    error: the argument '--values' cannot be used with '--textconv <FILE>'

    Usage: fnox diff --values [OLD] [NEW]

    For more information, try '--help'.
    ");
    assert_eq!(out.stdout, "");
}

/// Runs `fnox diff --values old.toml fnox.toml` on a terminal: its exit code and what it showed.
fn on_terminal(sb: &Sandbox) -> (i32, String) {
    let term = Terminal::spawn(sb, &[], &["diff", "--values", "old.toml", "fnox.toml"]);
    let (code, seen) = term.finish();
    (code, sb.redact(&seen.replace("\r\n", "\n")))
}

#[test]
fn diff_values_reads_each_version_with_the_providers_it_defines() {
    let sb = Sandbox::new();
    let key = crate::support::TEST_PUBLIC_KEY;
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nlegacy = {{ type = \"age\", recipients = [\"{key}\"] }}\n\n[secrets]\n"
        ),
    );
    sb.run(&["set", "TOKEN", "old token"]).ok();
    sb.write("old.toml", &sb.read("fnox.toml"));
    std::fs::remove_file(sb.path("fnox.lock")).unwrap();
    // The new version knows no `legacy` provider: only the old one can read the old value.
    sb.write("fnox.toml", &crate::support::age_config());
    sb.run(&["set", "TOKEN", "new token"]).ok();
    let (code, seen) = on_terminal(&sb);
    assert_eq!(code, 1, "{seen}");
    assert_snapshot!(seen, @"
    ~ TOKEN (legacy -> age)
        old: old token
        new: new token
    ");
}

#[test]
fn diff_values_shows_a_forged_new_value_as_refused() {
    use base64::Engine;
    if !crate::support::require_tool("age", "age") {
        return;
    }
    let sb = age_sandbox();
    sb.run(&["set", "DATABASE_URL", "postgres://real"]).ok();
    sb.write("old.toml", &sb.read("fnox.toml"));
    // What anyone with the public recipient can write.
    let out = crate::support::process::output_with_stdin(
        std::process::Command::new("age").args(["-r", crate::support::TEST_PUBLIC_KEY]),
        b"postgres://attacker",
    );
    assert!(out.status.success());
    let forged = base64::engine::general_purpose::STANDARD.encode(out.stdout);
    let text = sb.read("fnox.toml");
    let line = text
        .lines()
        .find(|l| l.starts_with("DATABASE_URL="))
        .unwrap()
        .to_owned();
    sb.write(
        "fnox.toml",
        &text.replace(
            &line,
            &format!("DATABASE_URL= {{ provider = \"age\", value = \"{forged}\" }}"),
        ),
    );
    let (code, seen) = on_terminal(&sb);
    assert_eq!(code, 1, "{seen}");
    assert!(!seen.contains("attacker"), "{seen}");
    assert_snapshot!(seen, @"
    ~ DATABASE_URL (age)
        old: postgres://real
        new: <cannot read: DATABASE_URL (secrets.DATABASE_URL in ./fnox.toml:5) was changed outside fnox or by someone without the key; its value is refused: its integrity tag in ./fnox.lock does not match its provider and value>
    ");
}
