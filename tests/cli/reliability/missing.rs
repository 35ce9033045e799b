//! Issue 7, family 6: Missing is never empty: a secret whose provider is unreachable, or that has
//! no value at all, is left out (never set to ""), stops exec with if_missing = "error", and
//! `--strict` makes that the behaviour of one exec or export.

use crate::support::{Output, Sandbox};

/// One secret behind an unreachable Parameter Store, one with no value, one that resolves.
const CONFIG: &str = r#"[providers]
ps = { type = "aws-ps", region = "us-east-1", endpoint = "http://127.0.0.1:9" }

[secrets]
UNREACHABLE = { provider = "ps", value = "X" }
NO_VALUE = { description = "nothing anywhere" }
GOOD = { default = "good" }
"#;

const PROBE: &str =
    r#": > ran; printf '%s|%s|%s' "${UNREACHABLE-unset}" "${NO_VALUE-unset}" "$GOOD""#;

fn sandbox(config: &str) -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", config);
    sb
}

/// fnox with credentials, so the failure is the connection, not the credential chain.
fn run(sb: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> Output {
    sb.output(
        sb.fnox()
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            // One attempt: refused connections are not retried with back-off.
            .env("AWS_MAX_ATTEMPTS", "1")
            .envs(env.iter().copied())
            .args(args),
    )
}

#[test]
fn exec_leaves_missing_secrets_unset_not_empty() {
    let sb = sandbox(CONFIG);
    let out = run(&sb, &["exec", "--", "sh", "-c", PROBE], &[]);
    assert_eq!(out.ok(), "unset|unset|good");
    assert!(out.stderr.contains("UNREACHABLE"), "{}", out.stderr);
    assert!(out.stderr.contains("NO_VALUE"), "{}", out.stderr);
}

#[test]
fn export_leaves_missing_secrets_out_not_empty() {
    let sb = sandbox(CONFIG);
    let out = run(&sb, &["export"], &[]);
    assert_eq!(out.ok(), "GOOD=good\n");
}

#[test]
fn exec_with_if_missing_error_on_the_secret_refuses_to_start() {
    let sb = sandbox(&CONFIG.replace("value = \"X\" }", "value = \"X\", if_missing = \"error\" }"));
    let out = run(&sb, &["exec", "--", "sh", "-c", PROBE], &[]);
    let stderr = out.fails(1);
    assert!(stderr.contains("UNREACHABLE"), "{stderr}");
    assert!(!sb.path("ran").exists(), "the command must not run");
    assert_eq!(out.stdout, "");
}

#[test]
fn get_of_a_missing_secret_prints_nothing_and_fails() {
    let sb = sandbox(CONFIG);
    for name in ["UNREACHABLE", "NO_VALUE"] {
        let out = run(&sb, &["get", name], &[]);
        out.fails(1);
        assert_eq!(out.raw_stdout, b"", "{name}");
    }
}

#[test]
fn strict_exec_refuses_to_start_when_anything_is_missing() {
    let sb = sandbox(CONFIG);
    // --strict wins over a lenient FNOX_IF_MISSING, and over the file's own if_missing.
    let lenient = CONFIG.replace("[providers]", "if_missing = \"ignore\"\n\n[providers]");
    sb.write("fnox.toml", &lenient);
    let out = run(
        &sb,
        &["exec", "--strict", "--", "sh", "-c", PROBE],
        &[("FNOX_IF_MISSING", "ignore")],
    );
    let stderr = out.fails(1);
    assert!(stderr.contains("UNREACHABLE"), "{stderr}");
    assert!(stderr.contains("NO_VALUE"), "{stderr}");
    assert!(!sb.path("ran").exists(), "the command must not run");
    assert_eq!(out.stdout, "");
}

#[test]
fn strict_export_fails_and_prints_nothing() {
    let sb = sandbox(CONFIG);
    let out = run(&sb, &["export", "--strict", "-f", "json"], &[]);
    let stderr = out.fails(1);
    assert!(stderr.contains("UNREACHABLE"), "{stderr}");
    assert_eq!(out.stdout, "");
    // Without anything missing, --strict changes nothing.
    let fine = sandbox("[secrets]\nGOOD = { default = \"good\" }\n");
    assert_eq!(fine.run(&["export", "--strict"]).ok(), "GOOD=good\n");
    assert_eq!(
        fine.run(&["exec", "--strict", "--", "sh", "-c", "printf %s \"$GOOD\""])
            .ok(),
        "good"
    );
}
