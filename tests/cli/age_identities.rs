//! Every age identity source is tried (issue 16, item 13): a stale FNOX_AGE_KEY_FILE or
//! key_file (a file that does not exist) is a warning, and the other identities still decrypt.

use insta::assert_snapshot;

use crate::support::{age_config, read_fixture, Sandbox};

/// A sandbox with no identity anywhere, whose fnox.toml holds A = "hello" sealed to the test key.
fn sealed(sb: &Sandbox, config: &str) {
    sb.write("fnox.toml", config);
    let key = read_fixture("upstream/test-key.txt");
    sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY", key.trim())
            .args(["set", "A", "hello"]),
    )
    .ok();
}

#[test]
fn a_missing_fnox_age_key_file_does_not_block_fnox_age_key() {
    let sb = Sandbox::bare();
    sealed(&sb, &age_config());
    let key = read_fixture("upstream/test-key.txt");
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY", key.trim())
            .env("FNOX_AGE_KEY_FILE", "/nonexistent/fnox-key.txt")
            .args(["get", "A"]),
    );
    assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    hello
    --- stderr
    warning: cannot read age identity /nonexistent/fnox-key.txt (FNOX_AGE_KEY_FILE): No such file or directory (os error 2); using the other age identities
    ");
}

#[test]
fn a_missing_fnox_age_key_file_does_not_block_the_default_identity() {
    let sb = Sandbox::new();
    sealed(&sb, &age_config());
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY_FILE", sb.path("moved-away.txt"))
            .args(["export"]),
    );
    assert_eq!(out.ok(), "A=hello\n");
    assert!(
        out.stderr
            .contains("cannot read age identity [CWD]/moved-away.txt (FNOX_AGE_KEY_FILE)"),
        "{}",
        out.stderr
    );
    // `provider test` passes too: the file is absent, not broken.
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY_FILE", sb.path("moved-away.txt"))
            .args(["provider", "test", "age"]),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_missing_key_file_of_the_provider_does_not_block_the_default_identity() {
    let sb = Sandbox::new();
    let config = age_config().replace(
        "recipients = [",
        "key_file = \"./keys/gone.txt\", recipients = [",
    );
    sealed(&sb, &config);
    let out = sb.run(&["get", "A"]);
    assert_eq!(out.ok(), "hello\n");
    assert!(
        out.stderr.contains("(key_file of provider 'age')"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bad_fnox_age_key_does_not_block_the_default_identity_but_fails_the_provider_test() {
    let sb = Sandbox::new();
    sealed(&sb, &age_config());
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY", "AGE-SECRET-KEY-1NOTAKEY")
            .args(["get", "A"]),
    );
    assert_eq!(out.ok(), "hello\n");
    assert!(
        out.stderr
            .starts_with("warning: FNOX_AGE_KEY does not hold an age identity"),
        "{}",
        out.stderr
    );
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY", "AGE-SECRET-KEY-1NOTAKEY")
            .args(["provider", "test", "age"]),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn with_no_other_identity_the_missing_file_is_the_error() {
    let sb = Sandbox::bare();
    sealed(&sb, &age_config());
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY_FILE", "/nonexistent/fnox-key.txt")
            .args(["get", "A"]),
    );
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::encryption::age::identity_not_found]: cannot decrypt A (secrets.A in ./fnox.toml:5, provider 'age')
      caused by: cannot read age identity /nonexistent/fnox-key.txt (FNOX_AGE_KEY_FILE): No such file or directory (os error 2)
      hint: fix the path in FNOX_AGE_KEY_FILE, or run `fnox init` to create a key
    ");
}
