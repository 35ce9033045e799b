//! Integrity tags (fnox.lock beside fnox.toml): values forged with the public recipients, values
//! swapped between entries and store references pointed elsewhere are refused; entries without a
//! tag are reported; every writer keeps the sidecar in step.

use insta::assert_snapshot;

use crate::support::{require_tool, Sandbox, TEST_PUBLIC_KEY};

const AGE: &str =
    "[providers]\nage = { type = \"age\", recipients = [\"RECIPIENT\"] }\n\n[secrets]\n";

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &AGE.replace("RECIPIENT", TEST_PUBLIC_KEY));
    sb
}

/// The `value = "…"` of secret `name`.
fn value_of(text: &str, name: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} in {text}"));
    let start = line.find("value = \"").unwrap() + 9;
    line[start..line[start..].find('"').unwrap() + start].to_owned()
}

fn replace_value(sb: &Sandbox, name: &str, new: &str) {
    let text = sb.read("fnox.toml");
    let old = value_of(&text, name);
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{name}=")))
        .unwrap()
        .to_owned();
    sb.write("fnox.toml", &text.replace(&line, &line.replace(&old, new)));
}

/// What anyone with the public recipient can write: `age -r RECIPIENT | base64`.
fn forge(plaintext: &str) -> String {
    use base64::Engine;
    let out = crate::support::process::output_with_stdin(
        std::process::Command::new("age").args(["-r", TEST_PUBLIC_KEY]),
        plaintext.as_bytes(),
    );
    assert!(out.status.success());
    base64::engine::general_purpose::STANDARD.encode(out.stdout)
}

#[test]
fn set_writes_a_sorted_sidecar_and_reads_verify_quietly() {
    let sb = sandbox();
    sb.run(&["set", "B_SECRET", "two"]).ok();
    sb.run(&["set", "A_SECRET", "one"]).ok();
    sb.run(&["-P", "prod", "set", "A_SECRET", "prod one"]).ok();
    let lock = sb.read("fnox.lock");
    // A comment, the age provider's sealed MAC key, then a tag per secret (SECTION NAME KEY
    // MAC), sorted.
    let lines: Vec<&str> = lock.lines().collect();
    assert!(lines[0].starts_with("# fnox integrity"), "{lock}");
    assert!(lines[1].starts_with("key age YWdl"), "{lock}");
    let tags: Vec<&str> = lines[2..]
        .iter()
        .map(|l| l.rsplit_once(' ').unwrap().0)
        .collect();
    assert_eq!(
        tags,
        [
            "tag - A_SECRET age",
            "tag - B_SECRET age",
            "tag prod A_SECRET age"
        ]
    );
    let out = sb.run(&["get", "A_SECRET"]);
    assert_eq!(out.ok(), "one\n");
    assert_eq!(out.stderr, "");
    let out = sb.run(&[
        "-P",
        "prod",
        "exec",
        "--",
        "sh",
        "-c",
        "echo $A_SECRET,$B_SECRET",
    ]);
    assert_eq!(out.ok(), "prod one,two\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn a_value_forged_with_the_public_recipient_is_refused() {
    if !require_tool("age", "age") {
        return;
    }
    let sb = sandbox();
    sb.run(&["set", "DATABASE_URL", "postgres://app@db/app"])
        .ok();
    sb.run(&["set", "OTHER", "fine"]).ok();
    replace_value(
        &sb,
        "DATABASE_URL",
        &forge("postgres://attacker.example/db"),
    );
    // The forgery decrypts: only its tag gives it away.
    assert_snapshot!(sb.run(&["get", "DATABASE_URL"]).fails(1), @r"
    error[fnox::integrity::mismatch]: DATABASE_URL (secrets.DATABASE_URL in ./fnox.toml:5) was changed outside fnox or by someone without the key; its value is refused
      caused by: its integrity tag in ./fnox.lock does not match its provider and value
      hint: compare it with the history (`git log -p` of the file and ./fnox.lock); if the value is right, write it again with `fnox set DATABASE_URL`
    ");
    let exec = sb.run(&["exec", "--", "sh", "-c", "echo ran"]);
    assert!(!exec.stdout.contains("ran"), "{}", exec.all());
    assert!(
        exec.stderr.contains("fnox::integrity::mismatch"),
        "{}",
        exec.stderr
    );
    // Neither if_missing nor a default lets it through.
    let out = sb.run(&["--if-missing", "ignore", "export"]);
    assert_eq!(out.code, 1, "{}", out.all());
    assert!(!out.stdout.contains("attacker"));
    assert_eq!(sb.run(&["get", "OTHER"]).ok(), "fine\n");
    // Whoever holds the key writes it again: tagged, read.
    sb.run(&["set", "DATABASE_URL", "postgres://app@db/app2"])
        .ok();
    assert_eq!(
        sb.run(&["get", "DATABASE_URL"]).ok(),
        "postgres://app@db/app2\n"
    );
}

#[test]
fn swapped_values_are_refused_both_ways() {
    let sb = sandbox();
    sb.run(&["set", "PUBLIC_ID", "pk_123"]).ok();
    sb.run(&["set", "PRIVATE_KEY", "sk_secret"]).ok();
    let text = sb.read("fnox.toml");
    let (a, b) = (value_of(&text, "PUBLIC_ID"), value_of(&text, "PRIVATE_KEY"));
    sb.write(
        "fnox.toml",
        &text.replace(&a, "SWAP").replace(&b, &a).replace("SWAP", &b),
    );
    for name in ["PUBLIC_ID", "PRIVATE_KEY"] {
        let out = sb.run(&["get", name]);
        assert!(
            out.fails(1).contains("fnox::integrity::mismatch"),
            "{name}: {}",
            out.all()
        );
        assert!(!out.stdout.contains("sk_secret") && !out.stdout.contains("pk_123"));
    }
}

#[test]
fn a_store_reference_pointed_at_another_entry_is_refused() {
    let sb = sandbox();
    let Some(store) = crate::support::gpg::PassStore::new(&sb) else {
        return;
    };
    let config = sb.read("fnox.toml").replace(
        "\n\n[secrets]\n",
        "\npw = { type = \"password-store\" }\n\n[secrets]\n",
    );
    sb.write("fnox.toml", &config);
    // The age key exists once the first cipher value is set; references are tagged with it.
    sb.run(&["set", "-p", "age", "SEED", "x"]).ok();
    let run = |args: &[&str]| sb.output(sb.fnox().envs(store.env()).args(args));
    run(&[
        "set",
        "-p",
        "pw",
        "DB_PASSWORD",
        "prod-password",
        "-k",
        "prod/db",
    ])
    .ok();
    run(&[
        "set",
        "-p",
        "pw",
        "DEBUG_TOKEN",
        "not-secret",
        "-k",
        "dev/debug",
    ])
    .ok();
    assert_eq!(run(&["get", "DB_PASSWORD"]).ok(), "prod-password\n");
    // Point the logged debug token at the production password.
    replace_value(&sb, "DEBUG_TOKEN", "prod/db");
    let out = run(&["get", "DEBUG_TOKEN"]);
    assert!(
        out.fails(1).contains("fnox::integrity::mismatch"),
        "{}",
        out.all()
    );
    assert!(!out.stdout.contains("prod-password"));
}

#[test]
fn an_entry_without_a_tag_warns_and_strict_refuses_it() {
    let sb = sandbox();
    sb.run(&["set", "TAGGED", "yes"]).ok();
    // An entry written by hand (or by upstream fnox): a valid value, no tag.
    let text = sb.read("fnox.toml");
    sb.write(
        "fnox.toml",
        &format!(
            "{text}BY_HAND= {{ provider = \"age\", value = \"{}\" }}\n",
            value_of(&text, "TAGGED")
        ),
    );
    let out = sb.run(&["get", "BY_HAND"]);
    assert_eq!(out.ok(), "yes\n");
    assert_snapshot!(out.stderr, @"warning: no integrity tag for BY_HAND: written by hand or by upstream fnox; `fnox set NAME VALUE` writes one tagged");
    let strict = sb.output(
        sb.fnox()
            .env("FNOX_INTEGRITY", "strict")
            .args(["get", "BY_HAND"]),
    );
    assert_snapshot!(strict.fails(1), @r"
    error[fnox::integrity::untagged]: BY_HAND (secrets.BY_HAND in ./fnox.toml:6) has no integrity tag
      caused by: ./fnox.lock holds no tag for it: it was written by hand, by upstream fnox, or by someone who cannot decrypt the file's MAC key
      hint: if its value is the one you expect, write it again with `fnox set BY_HAND`, which tags it
    ");
    // `check` passes (untagged is a warning); `check --integrity`, for CI, counts it.
    sb.run(&["check"]).ok();
    assert_snapshot!(sb.run(&["check", "--integrity"]).fails(1), @"
    error[fnox::check::error]: 1 of 2 secret(s) do not resolve in profile 'default'
      caused by: BY_HAND: BY_HAND (secrets.BY_HAND in ./fnox.toml:6) has no integrity tag: ./fnox.lock holds no tag for it: it was written by hand, by upstream fnox, or by someone who cannot decrypt the file's MAC key
      hint: if its value is the one you expect, write it again with `fnox set BY_HAND`, which tags it
    ");
    // A file that has never had a sidecar stays quiet (a repository that does not use them).
    std::fs::remove_file(sb.cwd.join("fnox.lock")).unwrap();
    let out = sb.run(&["get", "BY_HAND"]);
    assert_eq!(out.ok(), "yes\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn remove_import_and_reencrypt_keep_the_sidecar_in_step() {
    let sb = sandbox();
    sb.run(&["set", "GONE", "bye"]).ok();
    sb.write("in.env", "A=1\nB=two words\n");
    sb.run(&["import", "-i", "in.env", "--force"]).ok();
    sb.run(&["remove", "GONE"]).ok();
    let lock = sb.read("fnox.lock");
    assert!(!lock.contains(" GONE "), "{lock}");
    assert!(
        lock.contains("tag - A age ") && lock.contains("tag - B age "),
        "{lock}"
    );
    sb.run(&["reencrypt", "--force"]).ok();
    let out = sb.run(&["export"]);
    assert_eq!(out.ok(), "A=1\nB=\"two words\"\n");
    assert_eq!(out.stderr, "");
    assert_ne!(
        sb.read("fnox.lock"),
        lock,
        "reencrypt re-tags the new ciphertexts"
    );
}

#[test]
fn a_plain_provider_holds_no_integrity_key() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[providers]\nplain = { type = \"plain\" }\n\n[secrets]\n",
    );
    let out = sb.run(&["set", "A", "x"]);
    out.ok();
    assert!(!sb.cwd.join("fnox.lock").exists(), "{}", out.all());
    assert!(!out.stderr.contains("integrity"), "{}", out.all());
    assert_eq!(sb.run(&["get", "A"]).ok(), "x\n");
}
