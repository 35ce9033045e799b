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

/// Runs git in the sandbox's directory with fnox on PATH (the merge driver runs it) and a
/// fixed identity; returns whether it succeeded, and stdout+stderr.
pub(crate) fn git(sb: &Sandbox, args: &[&str]) -> (bool, String) {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_fnox"))
        .parent()
        .unwrap()
        .to_owned();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(&sb.cwd)
        .env_clear()
        .env("HOME", &sb.home)
        .env("PATH", path)
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// A repository with A committed on main, then X set on branch `feature` and Y on main.
fn diverged(install: bool) -> Sandbox {
    let sb = sandbox();
    git(&sb, &["init", "-q"]);
    if install {
        let out = sb.run(&["merge-driver", "--install"]);
        out.ok();
        assert!(sb.read(".gitattributes").contains("fnox.lock merge=fnox"));
    }
    sb.run(&["set", "A", "one"]).ok();
    assert!(git(&sb, &["add", "-A"]).0);
    assert!(git(&sb, &["commit", "-qm", "base"]).0);
    assert!(git(&sb, &["checkout", "-qb", "feature"]).0);
    sb.run(&["set", "X", "from feature"]).ok();
    assert!(git(&sb, &["commit", "-qam", "X"]).0);
    assert!(git(&sb, &["checkout", "-q", "main"]).0);
    sb.run(&["set", "Y", "from main"]).ok();
    assert!(git(&sb, &["commit", "-qam", "Y"]).0);
    sb
}

#[test]
fn the_merge_driver_merges_two_branches_that_each_add_a_secret_and_they_verify() {
    if !require_tool("git", "git") {
        return;
    }
    // Without the driver, git's line merge conflicts on both files (the additions are adjacent).
    let plain = diverged(false);
    let (merged, out) = git(&plain, &["merge", "-q", "--no-edit", "feature"]);
    assert!(!merged, "{out}");
    assert!(
        out.contains("fnox.toml") && out.contains("fnox.lock"),
        "{out}"
    );

    let sb = diverged(true);
    let (merged, out) = git(&sb, &["merge", "-q", "--no-edit", "feature"]);
    assert!(merged, "{out}");
    let out = sb.run(&["export"]);
    assert_eq!(out.ok(), "A=one\nY=\"from main\"\nX=\"from feature\"\n");
    assert_eq!(out.stderr, "", "every value verifies, none untagged");
    sb.run(&["check", "--integrity"]).ok();
}

#[test]
fn the_merge_driver_leaves_a_secret_changed_on_both_sides_a_conflict() {
    if !require_tool("git", "git") {
        return;
    }
    let sb = sandbox();
    git(&sb, &["init", "-q"]);
    sb.run(&["merge-driver", "--install"]).ok();
    sb.run(&["set", "A", "one"]).ok();
    git(&sb, &["add", "-A"]);
    git(&sb, &["commit", "-qm", "base"]);
    git(&sb, &["checkout", "-qb", "feature"]);
    sb.run(&["set", "A", "theirs"]).ok();
    git(&sb, &["commit", "-qam", "theirs"]);
    git(&sb, &["checkout", "-q", "main"]);
    sb.run(&["set", "A", "ours"]).ok();
    git(&sb, &["commit", "-qam", "ours"]);
    let (merged, out) = git(&sb, &["merge", "-q", "--no-edit", "feature"]);
    assert!(!merged, "{out}");
    assert!(
        out.contains("merge-driver: fnox.toml: secrets.A was changed on both sides"),
        "{out}"
    );
    assert!(
        out.contains("the tag of secrets.A differs on the two sides"),
        "{out}"
    );
    let (_, status) = git(&sb, &["status", "--porcelain"]);
    assert!(
        status.contains("UU fnox.toml") && status.contains("UU fnox.lock"),
        "{status}"
    );
}

#[test]
fn after_reencrypt_a_kept_copy_of_the_old_key_no_longer_tags() {
    let sb = sandbox();
    sb.run(&["set", "DB", "postgres://good"]).ok();
    sb.run(&["set", "OTHER", "kept"]).ok();
    // A member who is about to be removed keeps the sidecar, and with it the MAC key.
    let old_lock = sb.read("fnox.lock");
    sb.run(&["reencrypt", "--force"]).ok();
    let new_lock = sb.read("fnox.lock");
    let key_line = |t: &str| {
        t.lines()
            .find(|l| l.starts_with("key age "))
            .unwrap()
            .to_owned()
    };
    assert_ne!(
        key_line(&old_lock),
        key_line(&new_lock),
        "reencrypt replaces the key"
    );
    assert_eq!(sb.run(&["get", "OTHER"]).ok(), "kept\n");
    // Re-encrypting one value replaces the key again; the value left as it is moves to the
    // new key too (checked with the old one first).
    sb.run(&["reencrypt", "--force", "OTHER"]).ok();
    let out = sb.run(&["get", "DB"]);
    assert_eq!(out.ok(), "postgres://good\n");
    assert_eq!(out.stderr, "");
    let new_lock = sb.read("fnox.lock");
    // They tag a value of their own with the old key, in a checkout of their own...
    sb.write("forger/fnox.toml", &sb.read("fnox.toml"));
    sb.write("forger/fnox.lock", &old_lock);
    sb.output(
        sb.fnox_in(&sb.cwd.join("forger"))
            .args(["set", "DB", "postgres://evil"]),
    )
    .ok();
    let forged_toml = sb.read("forger/fnox.toml");
    let forged_lock = sb.read("forger/fnox.lock");
    let line = |t: &str, prefix: &str| {
        t.lines()
            .find(|l| l.starts_with(prefix))
            .unwrap()
            .to_owned()
    };
    // ... and propose exactly those two lines.
    let toml = sb.read("fnox.toml");
    sb.write(
        "fnox.toml",
        &toml.replace(&line(&toml, "DB="), &line(&forged_toml, "DB=")),
    );
    sb.write(
        "fnox.lock",
        &new_lock.replace(
            &line(&new_lock, "tag - DB "),
            &line(&forged_lock, "tag - DB "),
        ),
    );
    let out = sb.run(&["get", "DB"]);
    assert!(
        out.fails(1).contains("fnox::integrity::mismatch"),
        "{}",
        out.all()
    );
    // Control: with the old key line put back too, the same forgery verifies, so it is the
    // replaced key that refuses it (a replaced key line is what review has to catch).
    let lock = sb.read("fnox.lock");
    sb.write(
        "fnox.lock",
        &lock.replace(&key_line(&lock), &key_line(&old_lock)),
    );
    assert_eq!(sb.run(&["get", "DB"]).ok(), "postgres://evil\n");
}

#[test]
fn edit_and_sync_tag_what_they_write() {
    let sb = sandbox();
    sb.run(&["set", "CHANGE", "old value"]).ok();
    sb.run(&["set", "KEEP", "unchanged"]).ok();
    let editor = sb.write(
        "editor.sh",
        "#!/bin/sh\nsed -i -e 's/^CHANGE = .*/CHANGE = \"new value\"/' \"$1\"\nprintf 'ADDED = \"brand new\"\\n' >> \"$1\"\n",
    );
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = sb.output(sb.fnox().env("EDITOR", &editor).arg("edit"));
    assert!(out.ok().is_empty(), "{}", out.all());
    let out = sb.run(&["export"]);
    assert_eq!(
        out.ok(),
        "CHANGE=\"new value\"\nKEEP=unchanged\nADDED=\"brand new\"\n"
    );
    assert_eq!(out.stderr, "", "edited and added values are tagged");

    let Some(store) = crate::support::gpg::PassStore::new(&sb) else {
        return;
    };
    let config = sb.read("fnox.toml").replace(
        "\n\n[secrets]\n",
        "\npw = { type = \"password-store\" }\n\n[secrets]\n",
    );
    sb.write("fnox.toml", &config);
    let run = |args: &[&str]| sb.output(sb.fnox().envs(store.env()).args(args));
    run(&["set", "-p", "pw", "REMOTE", "from the store"]).ok();
    run(&["sync", "-p", "age", "--force"]).ok();
    assert!(
        sb.read("fnox.toml").contains("sync = {"),
        "{}",
        sb.read("fnox.toml")
    );
    let out = run(&["get", "REMOTE"]);
    assert_eq!(out.ok(), "from the store\n");
    assert_eq!(out.stderr, "", "the synced copy is tagged");
}

#[test]
fn diff_names_what_changed_without_values_and_works_as_gits_textconv() {
    let sb = sandbox();
    sb.run(&["set", "SAME", "same"]).ok();
    sb.run(&["set", "CHANGED", "before"]).ok();
    sb.run(&["set", "GONE", "bye"]).ok();
    let old = sb.read("fnox.toml");
    sb.write("old.toml", &old);
    sb.run(&["set", "CHANGED", "after"]).ok();
    sb.run(&["remove", "GONE"]).ok();
    sb.run(&["-P", "prod", "set", "ADDED", "new"]).ok();
    let out = sb.run(&["diff", "old.toml", "fnox.toml"]);
    assert_eq!(out.code, 1, "{}", out.all());
    assert_snapshot!(out.stdout, @"
    ~ CHANGED (age)
    + ADDED (profile prod) (age)
    - GONE (age)
    ");
    assert_eq!(sb.run(&["diff", "fnox.toml", "fnox.toml"]).ok(), "");
    if !require_tool("git", "git") {
        return;
    }
    sb.write("fnox.toml", &old);
    git(&sb, &["init", "-q"]);
    sb.write(".gitattributes", "fnox.toml diff=fnox\n");
    git(
        &sb,
        &["config", "diff.fnox.textconv", "fnox diff --textconv"],
    );
    git(&sb, &["add", "fnox.toml", ".gitattributes"]);
    git(&sb, &["commit", "-qm", "base"]);
    sb.run(&["set", "CHANGED", "again"]).ok();
    let (ok, diff) = git(&sb, &["diff", "--no-color", "-U0", "fnox.toml"]);
    assert!(ok, "{diff}");
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .map(|l| l.split(" value=").next().unwrap())
        .collect();
    assert_eq!(
        changed,
        ["-- CHANGED provider=age", "+- CHANGED provider=age"],
        "{diff}"
    );
}
