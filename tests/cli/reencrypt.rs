//! Key rotation: reencrypt across profiles and files, all or nothing, layout kept.

use crate::support::{Sandbox, TEST_PUBLIC_KEY};

/// A second person: their own HOME with their own identity.
struct Teammate {
    sb: Sandbox,
    public: String,
}

fn teammate() -> Teammate {
    let sb = Sandbox::bare();
    sb.run(&["init"]).ok();
    let key = std::fs::read_to_string(sb.home.join(".config/fnox/age.txt")).unwrap();
    let public = key
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap()
        .to_owned();
    Teammate { sb, public }
}

/// `fnox get` run in `sb`'s project but as `who` (their HOME, so their identity).
fn get_as(sb: &Sandbox, who: &Teammate, profile: &str, key: &str) -> crate::support::Output {
    sb.output(
        sb.fnox()
            .env("HOME", &who.sb.home)
            .args(["-P", profile, "get", key]),
    )
}

fn recipients(keys: &[&str]) -> String {
    let list: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
    format!(
        "age = {{ type = \"age\", recipients = [{}] }}",
        list.join(", ")
    )
}

/// A project with values at the top level, in a profile table, a profile file and a local file.
fn project(keys: &[&str]) -> Sandbox {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "# team secrets\n[providers]\n{}   # who can read\n\n[secrets]\n# the database\n",
            recipients(keys)
        ),
    );
    sb.run(&["set", "DB", "db-value"]).ok();
    sb.run(&["set", "API", "api-value", "-d", "kept description"])
        .ok();
    sb.run(&["--write-profile", "prod", "set", "PROD_DB", "prod-db"])
        .ok();
    // A local override: made with `set`, then moved by hand into fnox.local.toml.
    sb.run(&["set", "LOCAL", "local-value"]).ok();
    let text = sb.read("fnox.toml");
    let line = text
        .lines()
        .find(|l| l.starts_with("LOCAL"))
        .unwrap()
        .to_owned();
    sb.write("fnox.toml", &text.replace(&format!("{line}\n"), ""));
    sb.write("fnox.local.toml", &format!("[secrets]\n{line}\n"));
    assert_eq!(sb.run(&["get", "LOCAL"]).ok(), "local-value\n");
    sb
}

fn set_recipients(sb: &Sandbox, old: &[&str], new: &[&str]) {
    let text = sb
        .read("fnox.toml")
        .replace(&recipients(old), &recipients(new));
    sb.write("fnox.toml", &text);
}

const ALL: [(&str, &str, &str); 4] = [
    ("default", "DB", "db-value"),
    ("default", "API", "api-value"),
    ("prod", "PROD_DB", "prod-db"),
    ("default", "LOCAL", "local-value"),
];

#[test]
fn a_teammate_who_joins_can_read_every_value_after_reencrypt() {
    let sb = project(&[TEST_PUBLIC_KEY]);
    let bob = teammate();
    assert_eq!(
        get_as(&sb, &bob, "default", "DB").code,
        1,
        "bob cannot read yet"
    );
    set_recipients(&sb, &[TEST_PUBLIC_KEY], &[TEST_PUBLIC_KEY, &bob.public]);
    let out = sb.run(&["reencrypt", "--force"]);
    out.ok();
    assert!(
        out.stderr.contains("Re-encrypted 4 secret(s) in 2 file(s)"),
        "{}",
        out.stderr
    );
    for (profile, key, value) in ALL {
        assert_eq!(
            get_as(&sb, &bob, profile, key).ok(),
            format!("{value}\n"),
            "bob reads {key}"
        );
        assert_eq!(
            sb.run(&["-P", profile, "get", key]).ok(),
            format!("{value}\n"),
            "we still read {key}"
        );
    }
}

#[test]
fn a_teammate_who_leaves_can_read_nothing_after_reencrypt() {
    let bob = teammate();
    let sb = project(&[TEST_PUBLIC_KEY, &bob.public]);
    for (profile, key, value) in ALL {
        assert_eq!(get_as(&sb, &bob, profile, key).ok(), format!("{value}\n"));
    }
    set_recipients(&sb, &[TEST_PUBLIC_KEY, &bob.public], &[TEST_PUBLIC_KEY]);
    let out = sb.run(&["reencrypt", "--force"]);
    assert!(
        out.stderr.contains("version control history"),
        "says revocation needs rotation at the source: {}",
        out.stderr
    );
    for (profile, key, _) in ALL {
        let denied = get_as(&sb, &bob, profile, key);
        assert!(
            denied.fails(1).contains("no identity matched"),
            "{key}: {}",
            denied.stderr
        );
    }
    for (profile, key, value) in ALL {
        assert_eq!(
            sb.run(&["-P", profile, "get", key]).ok(),
            format!("{value}\n")
        );
    }
}

#[test]
fn reencrypt_changes_only_the_values_and_keeps_layout() {
    let bob = teammate();
    let sb = project(&[TEST_PUBLIC_KEY]);
    set_recipients(&sb, &[TEST_PUBLIC_KEY], &[TEST_PUBLIC_KEY, &bob.public]);
    let before = sb.read("fnox.toml");
    sb.run(&["reencrypt", "--force"]).ok();
    let after = sb.read("fnox.toml");
    let mask = |t: &str| {
        regex::Regex::new(r#"value = "[^"]*""#)
            .unwrap()
            .replace_all(t, "value = \"…\"")
            .into_owned()
    };
    assert_eq!(mask(&after), mask(&before), "only ciphertexts differ");
    assert_ne!(after, before);
    assert!(
        after.contains("# the database") && after.contains("# who can read"),
        "comments survive: {after}"
    );
    assert!(
        after.contains("[profiles.prod.secrets]\nPROD_DB"),
        "profile entries stay in their section: {after}"
    );
    assert_eq!(
        after.matches("DB=").count() + after.matches("DB =").count(),
        before.matches("DB=").count() + before.matches("DB =").count()
    );
}

#[test]
fn one_value_that_fails_aborts_everything_and_lists_it() {
    let sb = project(&[TEST_PUBLIC_KEY]);
    let text = sb.read("fnox.toml") + "BROKEN = { provider = \"age\", value = \"bm90IGFnZQ==\" }\n";
    sb.write("fnox.toml", &text);
    let local = sb.read("fnox.local.toml");
    let out = sb.run(&["reencrypt", "--force"]);
    let err = out.fails(1);
    assert!(
        err.contains("cannot re-encrypt 1 of 5 secret(s); nothing was changed"),
        "{err}"
    );
    assert!(err.contains("secrets.BROKEN in ./fnox.toml"), "{err}");
    assert_eq!(sb.read("fnox.toml"), text, "byte-identical");
    assert_eq!(sb.read("fnox.local.toml"), local);
}

#[test]
fn dry_run_lists_files_sections_and_keys_and_changes_nothing() {
    let sb = project(&[TEST_PUBLIC_KEY]);
    let before = sb.read("fnox.toml");
    let out = sb.run(&["reencrypt", "--dry-run"]);
    insta::assert_snapshot!(out.ok(), @"
    [dry-run] Would re-encrypt 4 secret(s):
      secrets.DB in ./fnox.toml  (age -> age)
      secrets.API in ./fnox.toml  (age -> age)
      profiles.prod.secrets.PROD_DB in ./fnox.toml  (age -> age)
      secrets.LOCAL in ./fnox.local.toml  (age -> age)
    ");
    assert_eq!(sb.read("fnox.toml"), before);
    let out = sb.run(&["reencrypt", "--dry-run", "--filter", "^D", "-P", "prod"]);
    assert_eq!(
        out.ok(),
        "[dry-run] Would re-encrypt 1 secret(s):\n  secrets.DB in ./fnox.toml  (age -> age)\n"
    );
}

#[test]
fn without_a_terminal_reencrypt_reads_the_answer_from_stdin() {
    let sb = project(&[TEST_PUBLIC_KEY]);
    let before = sb.read("fnox.toml");
    let answer = |stdin: &str| sb.output(sb.fnox().arg("reencrypt").write_stdin(stdin));
    for no in ["n\n", "no\n", "", "whatever\n"] {
        let out = answer(no);
        assert!(out.ok().is_empty());
        assert!(
            out.stderr.contains("Re-encryption cancelled"),
            "{}",
            out.stderr
        );
        assert_eq!(sb.read("fnox.toml"), before, "answer {no:?}");
    }
    // Prompts turned off: no question, --force needed.
    let out = sb.output(
        sb.fnox()
            .args(["--non-interactive", "reencrypt"])
            .write_stdin("y\n"),
    );
    assert!(out.fails(2).contains("pass --force"), "{}", out.stderr);
    assert_eq!(sb.read("fnox.toml"), before);
    let out = answer("Y\n");
    out.ok();
    assert!(out.stderr.contains("Continue? [y/N]"), "{}", out.stderr);
    assert_ne!(sb.read("fnox.toml"), before, "re-encrypted");
}

#[test]
fn reencrypt_covers_profile_files_and_parent_directories() {
    let bob = teammate();
    let sb = Sandbox::new();
    let providers = format!("[providers]\n{}\n", recipients(&[TEST_PUBLIC_KEY]));
    sb.write("fnox.toml", &format!("{providers}[secrets]\n"));
    sb.write("fnox.staging.toml", "[secrets]\n");
    std::fs::create_dir_all(sb.path("app")).unwrap();
    sb.run(&["set", "PARENT", "parent-value"]).ok();
    sb.run(&["-P", "staging", "set", "STAGING", "staging-value"])
        .ok();
    assert!(sb.read("fnox.staging.toml").contains("STAGING"));
    sb.write("app/fnox.toml", "[secrets]\n");
    sb.output(
        sb.fnox_in(&sb.path("app"))
            .args(["set", "CHILD", "child-value"]),
    )
    .ok();
    assert!(sb.read("app/fnox.toml").contains("CHILD"));
    set_recipients(&sb, &[TEST_PUBLIC_KEY], &[TEST_PUBLIC_KEY, &bob.public]);
    let out = sb.output(sb.fnox_in(&sb.path("app")).args(["reencrypt", "--force"]));
    assert!(out.ok().is_empty());
    assert!(
        out.stderr.contains("Re-encrypted 3 secret(s) in 3 file(s)"),
        "{}",
        out.stderr
    );
    for (profile, key, value) in [
        ("default", "PARENT", "parent-value"),
        ("default", "CHILD", "child-value"),
        ("staging", "STAGING", "staging-value"),
    ] {
        let out = sb.output(
            sb.fnox_in(&sb.path("app"))
                .env("HOME", &bob.sb.home)
                .args(["-P", profile, "get", key]),
        );
        assert_eq!(out.ok(), format!("{value}\n"), "{key}");
    }
}

#[test]
fn moving_to_another_provider_with_to() {
    let bob = teammate();
    let sb = project(&[TEST_PUBLIC_KEY]);
    let text = sb.read("fnox.toml").replace(
        "   # who can read",
        &format!("   # who can read\nteam = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\", \"{}\"] }}", bob.public),
    );
    sb.write("fnox.toml", &text);
    let out = sb.run(&["reencrypt", "--force", "--to", "team", "DB"]);
    out.ok();
    let after = sb.read("fnox.toml");
    assert!(
        after.contains("DB= { provider = \"team\", value = \"YWdl"),
        "{after}"
    );
    assert!(
        after.contains("API= { provider = \"age\""),
        "only the named key moved: {after}"
    );
    assert_eq!(get_as(&sb, &bob, "default", "DB").ok(), "db-value\n");
    let out = sb.run(&["reencrypt", "--force", "--to", "nope"]);
    assert!(
        out.fails(1)
            .contains("Provider 'nope' not configured in profile 'default'"),
        "{}",
        out.stderr
    );
}

#[test]
fn reencrypting_to_keys_nobody_here_holds_warns_loudly() {
    let bob = teammate();
    let sb = project(&[TEST_PUBLIC_KEY]);
    set_recipients(&sb, &[TEST_PUBLIC_KEY], &[&bob.public]);
    let out = sb.run(&["reencrypt", "--force", "DB"]);
    out.ok();
    assert!(
        out.stderr
            .contains("NOBODY ON THIS MACHINE can decrypt the new values of DB"),
        "{}",
        out.stderr
    );
    assert_eq!(get_as(&sb, &bob, "default", "DB").ok(), "db-value\n");
}

#[test]
fn naming_a_secret_that_is_not_encrypted_is_an_error() {
    let sb = project(&[TEST_PUBLIC_KEY]);
    let text = sb.read("fnox.toml") + "PLAIN = { default = \"x\" }\n";
    sb.write("fnox.toml", &text);
    let out = sb.run(&["reencrypt", "--force", "PLAIN"]);
    assert!(
        out.fails(2)
            .contains("PLAIN has no encrypted value to re-encrypt"),
        "{}",
        out.stderr
    );
}

#[test]
fn list_stale_names_values_sealed_to_other_recipients_until_reencrypt() {
    let bob = teammate();
    let sb = project(&[TEST_PUBLIC_KEY]);
    let out = sb.run(&["list", "--stale"]);
    assert_eq!(out.ok(), "", "nothing is stale yet");
    assert!(out.stderr.contains("No stale values"), "{}", out.stderr);
    set_recipients(&sb, &[TEST_PUBLIC_KEY], &[TEST_PUBLIC_KEY, &bob.public]);
    let out = sb.run(&["list", "--stale"]);
    let listed = out.ok();
    for key in ["DB", "API", "LOCAL"] {
        assert!(listed.contains(key), "{key} is stale:\n{listed}");
    }
    assert!(
        listed.contains("sealed to 1 recipient(s); the provider lists 2: run `fnox reencrypt`"),
        "{listed}"
    );
    let out = sb.run(&["-P", "prod", "list", "--stale"]);
    assert!(out.ok().contains("PROD_DB"), "{}", out.stdout);
    sb.run(&["reencrypt", "--force"]).ok();
    assert_eq!(sb.run(&["list", "--stale"]).ok(), "");
}

#[test]
fn a_retired_key_still_decrypts_until_reencrypt_moves_values_to_the_new_key() {
    // We rotate our own key: the old one is kept as a retired identity, used only to decrypt.
    let sb = project(&[TEST_PUBLIC_KEY]);
    let new_me = teammate();
    let old_key = sb.home.join(".config/fnox/age.txt");
    let retired = sb.path("old-key.txt");
    std::fs::rename(&old_key, &retired).unwrap();
    std::fs::copy(new_me.sb.home.join(".config/fnox/age.txt"), &old_key).unwrap();
    let text = sb.read("fnox.toml").replace(
        &recipients(&[TEST_PUBLIC_KEY]),
        &format!(
            "age = {{ type = \"age\", recipients = [\"{}\"], retired_key_files = [\"old-key.txt\"] }}",
            new_me.public
        ),
    );
    sb.write("fnox.toml", &text);
    assert_eq!(
        sb.run(&["get", "DB"]).ok(),
        "db-value\n",
        "old values open with the retired key"
    );
    sb.run(&["reencrypt", "--force"]).ok();
    std::fs::remove_file(&retired).unwrap();
    let text = sb
        .read("fnox.toml")
        .replace(", retired_key_files = [\"old-key.txt\"]", "");
    sb.write("fnox.toml", &text);
    for (profile, key, value) in ALL {
        assert_eq!(
            sb.run(&["-P", profile, "get", key]).ok(),
            format!("{value}\n"),
            "{key} is under the new key"
        );
    }
}

/// Makes a directory refuse new entries for the life of the guard: immutable (`chattr +i`) for
/// root, whom permissions do not stop; read-only for anyone else. None when neither works.
struct NoNewFiles(std::path::PathBuf);

impl NoNewFiles {
    fn on(dir: &std::path::Path) -> Option<NoNewFiles> {
        use std::os::unix::fs::PermissionsExt;
        if crate::reliability::is_root() {
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success());
            return ok.then(|| NoNewFiles(dir.to_path_buf()));
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).ok()?;
        Some(NoNewFiles(dir.to_path_buf()))
    }
}

impl Drop for NoNewFiles {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if crate::reliability::is_root() {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        } else {
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
        }
    }
}

#[test]
fn reencrypt_writes_no_file_when_a_later_file_cannot_be_written() {
    let bob = teammate();
    let sb = Sandbox::new();
    let providers = format!("[providers]\n{}\n", recipients(&[TEST_PUBLIC_KEY]));
    sb.write("proj/fnox.toml", &format!("{providers}[secrets]\n"));
    sb.write("proj/app/fnox.toml", "[secrets]\n");
    let (proj, app) = (sb.path("proj"), sb.path("proj/app"));
    sb.output(sb.fnox_in(&proj).args(["set", "PARENT", "parent-value"]))
        .ok();
    sb.output(sb.fnox_in(&app).args(["set", "CHILD", "child-value"]))
        .ok();
    let text = sb.read("proj/fnox.toml");
    sb.write(
        "proj/fnox.toml",
        &text.replace(
            &recipients(&[TEST_PUBLIC_KEY]),
            &recipients(&[TEST_PUBLIC_KEY, &bob.public]),
        ),
    );
    let before = (sb.read("proj/fnox.toml"), sb.read("proj/app/fnox.toml"));
    // proj/app/fnox.toml sorts first and can be written; proj/fnox.toml cannot get its temp file.
    let Some(guard) = NoNewFiles::on(&proj) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chattr +i must work in CI (root)"
        );
        eprintln!("skipping: cannot make a directory refuse new files here");
        return;
    };
    let out = sb.output(sb.fnox_in(&app).args(["reencrypt", "--force"]));
    drop(guard);
    assert_eq!(
        (sb.read("proj/fnox.toml"), sb.read("proj/app/fnox.toml")),
        before,
        "every file is byte-identical"
    );
    let os_error =
        regex::Regex::new(r"(Operation not permitted|Permission denied) \(os error \d+\)").unwrap();
    insta::assert_snapshot!(os_error.replace_all(&out.all(), "[OS ERROR]"), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::io::write_failed]: Failed to write [CWD]/proj/fnox.lock
      caused by: creating a temporary file: [OS ERROR]
      caused by: nothing was written: the other 3 file(s) are unchanged too
      hint: make [CWD]/proj writable by you; the original file is unchanged
    ");
    let leftovers: Vec<String> = [&proj, &app]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new(), "no temp file is left");
    // With the directory writable again the same run goes through.
    sb.output(sb.fnox_in(&app).args(["reencrypt", "--force"]))
        .ok();
    let out = sb.output(
        sb.fnox_in(&app)
            .env("HOME", &bob.sb.home)
            .args(["get", "CHILD"]),
    );
    assert_eq!(out.ok(), "child-value\n");
}
