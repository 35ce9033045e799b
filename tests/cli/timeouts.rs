//! Bounded waits: a store that accepts the connection and then never answers (a loopback server
//! that holds every connection open without a byte) ends `get` at the deadline with
//! `fnox::provider::timeout` naming the provider, what it waited for and the deadline; the shell
//! hook gives up within its own deadline, keeps the shell usable and tries again at the next prompt.
//! The bounds asserted are functional (far below the 60-92 s of the clients' own timeouts), not
//! performance measurements.

use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use insta::assert_snapshot;

use crate::support::{age_config, Output, Sandbox};

/// Far below the old 60-92 s, far above the deadlines under test.
const WELL_BEFORE: Duration = Duration::from_secs(25);

/// A loopback server that accepts every connection and never answers, holding each open; its
/// address as `http://127.0.0.1:PORT`.
fn silent_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut held: Vec<TcpStream> = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    format!("http://{addr}")
}

/// Credentials the AWS SDK signs with (nothing checks them: the server never answers).
const AWS_ENV: [(&str, &str); 4] = [
    ("AWS_ACCESS_KEY_ID", "testing"),
    ("AWS_SECRET_ACCESS_KEY", "testing"),
    ("AWS_EC2_METADATA_DISABLED", "true"),
    ("VAULT_TOKEN", "root"),
];

/// A sandbox whose fnox.toml has the age provider, `extra` providers and `secrets` lines.
fn project(extra: &str, secrets: &str) -> Sandbox {
    let sb = Sandbox::new();
    let config = age_config().replace("\n\n[secrets]\n", &format!("\n{extra}\n[secrets]\n"));
    sb.write("fnox.toml", &format!("{config}{secrets}"));
    sb
}

/// Runs fnox with the AWS credentials and `env`; the output (the server's address shown as
/// [SILENT]) and how long it took.
fn timed(sb: &Sandbox, server: &str, env: &[(&str, &str)], args: &[&str]) -> (Output, Duration) {
    let mut cmd = sb.fnox();
    cmd.envs(AWS_ENV).envs(env.iter().copied()).args(args);
    let started = Instant::now();
    let mut out = sb.output(&mut cmd);
    let took = started.elapsed();
    for text in [&mut out.stdout, &mut out.stderr] {
        *text = text.replace(server, "[SILENT]");
    }
    (out, took)
}

#[test]
fn get_from_a_silent_secrets_manager_times_out_naming_provider_and_endpoint() {
    let server = silent_server();
    let sb = project(
        &format!("sm = {{ type = \"aws-sm\", region = \"us-east-1\", endpoint = \"{server}\" }}\n"),
        "DB = { provider = \"sm\", value = \"db-password\" }\n",
    );
    let (out, took) = timed(&sb, &server, &[("FNOX_TIMEOUT", "2s")], &["get", "DB"]);
    assert!(took < WELL_BEFORE, "took {took:?}");
    assert!(took >= Duration::from_secs(2), "gave up early: {took:?}");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert_snapshot!(out.stderr, @r#"
    error[fnox::provider::timeout]: cannot fetch DB (secrets.DB in ./fnox.toml:6, provider 'sm')
      caused by: AWS Secrets Manager: BatchGetSecretValue at [SILENT]: no answer within the 2s deadline (FNOX_TIMEOUT)
      hint: check that the store is up and answering; to wait longer set FNOX_TIMEOUT=1m, or `timeout = "1m"` on provider 'sm'
    "#);
}

#[test]
fn parameter_store_and_vault_and_cosmian_kms_time_out_too() {
    let server = silent_server();
    let cases = [
        (
            format!(
                "ps = {{ type = \"aws-ps\", region = \"us-east-1\", endpoint = \"{server}\" }}\n"
            ),
            "P = { provider = \"ps\", value = \"app/token\" }\n",
            "P",
            "AWS Parameter Store: GetParameters at [SILENT]",
        ),
        (
            format!("kv = {{ type = \"vault\", address = \"{server}\" }}\n"),
            "V = { provider = \"kv\", value = \"app/db#password\" }\n",
            "V",
            "[SILENT]/v1/",
        ),
        (
            format!("ck = {{ type = \"cosmian-kms\", address = \"{server}\" }}\n"),
            "C = { provider = \"ck\", value = \"db-password\" }\n",
            "C",
            "Cosmian KMS: POST [SILENT]/kmip/2_1",
        ),
    ];
    for (provider, secret, name, waited) in cases {
        let sb = project(&provider, secret);
        let (out, took) = timed(&sb, &server, &[("FNOX_TIMEOUT", "2")], &["get", name]);
        assert!(took < WELL_BEFORE, "{name} took {took:?}");
        assert_eq!(out.code, 1, "{name}: {}", out.stderr);
        let first = out.stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!(
                "error[fnox::provider::timeout]: cannot fetch {name} "
            )),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains(waited), "{name}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("no answer within the 2s deadline (FNOX_TIMEOUT)"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_providers_timeout_beats_fnox_timeout() {
    let server = silent_server();
    let sb = project(
        &format!(
            "sm = {{ type = \"aws-sm\", region = \"us-east-1\", endpoint = \"{server}\", timeout = \"1s\" }}\n"
        ),
        "DB = { provider = \"sm\", value = \"db-password\" }\n",
    );
    // FNOX_TIMEOUT alone would wait a minute: the provider's own second ends it.
    let (out, took) = timed(&sb, &server, &[("FNOX_TIMEOUT", "60s")], &["get", "DB"]);
    assert!(took < WELL_BEFORE, "took {took:?}");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("no answer within the 1s deadline (the `timeout` of provider 'sm')"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_malformed_provider_timeout_is_a_config_error() {
    let sb = project(
        "sm = { type = \"aws-sm\", region = \"us-east-1\", timeout = \"soon\" }\n",
        "DB = { provider = \"sm\", value = \"db-password\" }\n",
    );
    let out = sb.run(&["get", "DB"]);
    assert_eq!(out.code, 1);
    assert_snapshot!(out.stderr, @r#"
    error[fnox::provider::invalid_config]: cannot resolve DB (secrets.DB in ./fnox.toml:6)
      caused by: cannot use provider 'sm' (providers.sm in ./fnox.toml:3)
      caused by: invalid aws-sm provider settings: `timeout` is not a duration like "5s", "1m" or a number of seconds
      hint: write it as `timeout = "10s"`, or remove it to use FNOX_TIMEOUT or the default (30s)
    "#);
}

#[test]
fn exec_passes_what_resolved_and_reports_the_store_that_did_not_answer() {
    let server = silent_server();
    let sb = project(
        &format!("sm = {{ type = \"aws-sm\", region = \"us-east-1\", endpoint = \"{server}\" }}\n"),
        "REMOTE = { provider = \"sm\", value = \"remote-one\" }\n",
    );
    sb.run(&["set", "--provider", "age", "LOCAL", "local-value"])
        .ok();
    let probe = [
        "exec",
        "--",
        "sh",
        "-c",
        "echo \"LOCAL=$LOCAL REMOTE=${REMOTE-unset}\"",
    ];
    let (out, took) = timed(&sb, &server, &[("FNOX_TIMEOUT", "2s")], &probe);
    assert!(took < WELL_BEFORE, "took {took:?}");
    assert_eq!(out.ok(), "LOCAL=local-value REMOTE=unset\n");
    assert!(
        out.stderr.starts_with("warning: cannot fetch REMOTE")
            && out
                .stderr
                .contains("BatchGetSecretValue at [SILENT]: no answer within the 2s deadline"),
        "{}",
        out.stderr
    );
    // Where a missing value is an error, exec runs nothing and says why, with the code.
    let (out, _) = timed(
        &sb,
        &server,
        &[("FNOX_TIMEOUT", "2s"), ("FNOX_IF_MISSING", "error")],
        &probe,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("error[fnox::provider::timeout]: cannot fetch REMOTE"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_hook_gives_up_within_its_deadline_and_tries_again_at_the_next_prompt() {
    let server = silent_server();
    let sb = project(
        &format!("sm = {{ type = \"aws-sm\", region = \"us-east-1\", endpoint = \"{server}\" }}\n"),
        "REMOTE = { provider = \"sm\", value = \"remote-one\" }\n",
    );
    sb.run(&["set", "--provider", "age", "LOCAL", "local-value"])
        .ok();
    let hook = |session: Option<&str>| {
        let mut env = vec![];
        if let Some(s) = session {
            env.push(("__FNOX_SESSION", s));
        }
        timed(&sb, &server, &env, &["hook-env", "-s", "bash"])
    };
    // No FNOX_TIMEOUT: the hook's own 5 s.
    let (first, took) = hook(None);
    assert!(took < WELL_BEFORE, "the prompt waited {took:?}");
    assert!(took >= Duration::from_secs(5), "gave up early: {took:?}");
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.starts_with("export LOCAL=local-value\n"),
        "{}",
        first.stdout
    );
    assert!(
        first
            .stderr
            .contains("no answer within the 5s deadline (the shell hook's default)"),
        "{}",
        first.stderr
    );
    assert!(
        first.stderr.contains(
            "warning: a secret store did not answer in time; the shell hook tries again at the next prompt"
        ),
        "{}",
        first.stderr
    );
    // The next prompt loads again (an unchanged directory after a full load prints nothing).
    let session = first
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("export __FNOX_SESSION="))
        .expect("a session")
        .trim_matches('\'')
        .to_owned();
    let (second, took) = hook(Some(&session));
    assert!(
        took >= Duration::from_secs(5),
        "did not try again: {took:?}"
    );
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second.stderr.contains("tries again at the next prompt"),
        "{}",
        second.stderr
    );
}
