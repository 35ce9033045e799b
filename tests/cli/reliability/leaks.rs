//! Issue 16, items 15 and 16: values stay out of `Debug`, `--verbose`, `RUST_LOG=trace` and
//! `FNOX_SHELL_OUTPUT=debug` output, and out of every failure: a unique canary goes through
//! `set`, `edit`, `sync`, `import` and `reencrypt --to` against providers that cannot take it (an
//! age provider without or with bad recipients, KMS refusing the key or the size, a Vault token
//! that may only read), and must appear in neither stdout nor stderr nor fnox.toml.

use std::path::PathBuf;

use serde_json::json;

use super::contains_bytes;
use crate::support::fake_echoing_aws::FakeEchoingAws;
use crate::support::openbao::{openbao, Bao};
use crate::support::services::{aws_env, boto3, moto};
use crate::support::{Output, Sandbox, TEST_PUBLIC_KEY};

/// A value that occurs nowhere else.
fn canary(label: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("cAnArY-{label}-{}-{nanos:x}-end", std::process::id())
}

/// Where the canary was seen, as is or in base64 (as a request body carries it): "stdout",
/// "stderr", or nothing.
fn seen_in(out: &Output, canary: &str) -> Vec<&'static str> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(canary);
    let holds = |text: &str| text.contains(canary) || text.contains(&b64);
    let mut seen = Vec::new();
    if contains_bytes(&out.raw_stdout, canary.as_bytes()) || holds(&out.stdout) {
        seen.push("stdout");
    }
    if holds(&out.stderr) {
        seen.push("stderr");
    }
    seen
}

fn script(sb: &Sandbox, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = sb.root.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// A sandbox with a working `age` provider and a `bad` one that cannot take a value.
struct Failing {
    sb: Sandbox,
    env: Vec<(String, String)>,
    canary: String,
}

impl Failing {
    fn new(label: &str, bad: &str, env: Vec<(&'static str, String)>) -> Failing {
        let sb = Sandbox::new();
        sb.write(
            "fnox.toml",
            &format!(
                "default_provider = \"age\"\n\n[providers]\nage = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\"] }}\nbad = {bad}\n\n[secrets]\n"
            ),
        );
        let f = Failing {
            sb,
            env: env.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            canary: canary(label),
        };
        let existing = f.canary.clone();
        f.run(&["set", "-p", "age", "EXISTING", &existing], &[])
            .ok();
        f
    }

    fn run(&self, args: &[&str], extra: &[(&str, &str)]) -> Output {
        let mut cmd = self.sb.fnox();
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        for (k, v) in extra {
            cmd.env(k, v);
        }
        self.sb.output(cmd.args(args))
    }

    /// Runs a write that must fail, as is and loudly; neither run may show the canary.
    fn must_fail_quietly(&self, label: &str, args: &[&str], extra: &[(&str, &str)]) {
        let mut loud = vec!["--verbose"];
        loud.extend_from_slice(args);
        let mut env = extra.to_vec();
        env.extend([("RUST_LOG", "trace"), ("RUST_BACKTRACE", "1")]);
        for (how, out) in [
            ("", self.run(args, extra)),
            (" --verbose", self.run(&loud, &env)),
        ] {
            assert_ne!(out.code, 0, "{label}{how}: it should fail:\n{}", out.all());
            let seen = seen_in(&out, &self.canary);
            assert!(
                seen.is_empty(),
                "{label}{how}: the value is in {seen:?}:\n{}",
                out.all()
            );
        }
        assert!(
            !self.sb.read("fnox.toml").contains(&self.canary),
            "{label}: fnox.toml holds the plaintext"
        );
    }

    /// `set`, `import`, `sync`, `reencrypt --to` and `edit`, each writing to `bad`.
    fn check_every_write(&self) {
        let c = &self.canary;
        self.must_fail_quietly("set", &["set", "-p", "bad", "NEW", c], &[]);
        self.sb.write("in.env", &format!("IMPORTED={c}\n"));
        self.must_fail_quietly(
            "import",
            &["import", "-p", "bad", "-i", "in.env", "--force"],
            &[],
        );
        std::fs::remove_file(self.sb.path("in.env")).unwrap();
        self.must_fail_quietly("sync", &["sync", "-p", "bad", "--force"], &[]);
        self.must_fail_quietly(
            "reencrypt --to",
            &["reencrypt", "--to", "bad", "--force"],
            &[],
        );
        // `edit`: a secret added in the editor goes to the default provider, here `bad`.
        let text = self.sb.read("fnox.toml");
        self.sb.write(
            "fnox.toml",
            &text.replace("default_provider = \"age\"", "default_provider = \"bad\""),
        );
        let editor = script(
            &self.sb,
            "editor.sh",
            &format!("printf 'ADDED = \"{c}\"\\n' >> \"$1\""),
        );
        let editor = editor.to_str().unwrap();
        self.must_fail_quietly("edit", &["edit"], &[("EDITOR", editor)]);
        self.sb.write("fnox.toml", &text);
    }
}

#[test]
fn the_canary_check_would_see_a_leak() {
    // The control: `set --dry-run` shows the default it was given on stdout.
    let f = Failing::new("control", "{ type = \"plain\" }", vec![]);
    let out = f.run(&["set", "--dry-run", "X", "--default", &f.canary], &[]);
    assert_eq!(seen_in(&out, &f.canary), ["stdout"]);
    let out = f.run(&["get", "EXISTING"], &[]);
    assert_eq!(seen_in(&out, &f.canary), ["stdout"]);
}

#[test]
fn failed_writes_to_an_age_provider_without_recipients_never_show_the_value() {
    Failing::new(
        "no-recipients",
        "{ type = \"age\", recipients = [] }",
        vec![],
    )
    .check_every_write();
}

#[test]
fn failed_writes_to_an_age_provider_with_bad_recipients_never_show_the_value() {
    Failing::new(
        "bad-recipients",
        "{ type = \"age\", recipients = [\"age1notarecipient\", \"ssh-ed25519 AAAAnotakey\"] }",
        vec![],
    )
    .check_every_write();
}

#[test]
fn failed_writes_to_kms_never_show_the_value() {
    let Some(endpoint) = moto() else { return };
    // A key that does not exist.
    Failing::new(
        "kms-no-key",
        "{ type = \"aws-kms\", key_id = \"alias/fnox-no-such-key\", region = \"us-east-1\" }",
        aws_env(endpoint),
    )
    .check_every_write();
    // A key that exists, and a value over KMS's 4096 bytes: a validation error about the value.
    let key = boto3(endpoint, "kms", "create_key", json!({}));
    let key_id = key["KeyMetadata"]["KeyId"].as_str().unwrap();
    let mut f = Failing::new(
        "kms-too-large",
        &format!("{{ type = \"aws-kms\", key_id = \"{key_id}\", region = \"us-east-1\" }}"),
        aws_env(endpoint),
    );
    f.canary = f.canary.repeat(200);
    let existing = f.canary.clone();
    f.run(&["set", "-p", "age", "EXISTING", &existing], &[])
        .ok();
    f.check_every_write();
}

#[test]
fn failed_writes_to_aws_that_echoes_the_value_in_its_error_never_show_it() {
    let fake = FakeEchoingAws::start();
    for (label, bad) in [
        (
            "echo-kms",
            "{ type = \"aws-kms\", key_id = \"alias/k\", region = \"us-east-1\" }",
        ),
        ("echo-sm", "{ type = \"aws-sm\", region = \"us-east-1\" }"),
        ("echo-ps", "{ type = \"aws-ps\", region = \"us-east-1\" }"),
    ] {
        let f = Failing::new(label, bad, aws_env(&fake.endpoint));
        let c = f.canary.clone();
        // The control: the value reached the backend, came back in its error, and was taken out.
        let out = f.run(&["set", "-p", "bad", "NEW", &c], &[]);
        assert!(
            fake.received(&c) > 0,
            "{label}: the value never reached the fake"
        );
        assert!(out.stderr.contains("<redacted>"), "{label}: {}", out.stderr);
        f.check_every_write();
    }
}

/// A token of `bao` that may only read (a policy with read on everything).
fn read_only_token(bao: &Bao, unique: &str) -> String {
    let policy = format!("read-only-{unique}");
    bao.api(
        "PUT",
        &format!("sys/policies/acl/{policy}"),
        Some(json!({"policy": "path \"*\" { capabilities = [\"read\", \"list\"] }"})),
    );
    let reply = bao.api(
        "POST",
        "auth/token/create",
        Some(json!({"policies": [policy], "ttl": "1h"})),
    );
    reply["auth"]["client_token"].as_str().unwrap().to_owned()
}

#[test]
fn failed_writes_to_vault_that_refuses_them_never_show_the_value() {
    let Some(bao) = openbao() else { return };
    let probe = Sandbox::bare();
    let token = read_only_token(bao, &probe.unique());
    let env = || {
        vec![
            ("VAULT_ADDR", bao.addr.clone()),
            ("VAULT_TOKEN", token.clone()),
        ]
    };
    Failing::new(
        "vault-kv",
        "{ type = \"vault\", path = \"secret/fnox-leaks\" }",
        env(),
    )
    .check_every_write();
    let key = format!("{}-leaks", probe.unique());
    bao.api("POST", &format!("transit/keys/{key}"), Some(json!({})));
    Failing::new(
        "vault-transit",
        &format!("{{ type = \"vault-transit\", key = \"{key}\" }}"),
        env(),
    )
    .check_every_write();
}

#[test]
fn verbose_trace_and_debug_output_of_every_command_never_show_the_value() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nage = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\"] }}\nage2 = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\"] }}\n\n[secrets]\n"
        ),
    );
    let c = canary("verbose");
    sb.run(&["set", "-p", "age", "SECRET", &c]).ok();
    sb.write("tpl.txt", "value: fnox://SECRET\n");
    let editor = script(
        &sb,
        "editor.sh",
        &format!("sed -i 's/^SECRET = .*/SECRET = \"{c}-edited\"/' \"$1\""),
    );
    let loud = [
        ("RUST_LOG", "trace"),
        ("RUST_BACKTRACE", "1"),
        ("FNOX_SHELL_OUTPUT", "debug"),
        ("FNOX_SHELL", "bash"),
    ];
    // (command, whether its job is to print the value on stdout)
    let runs: &[(&[&str], bool)] = &[
        (&["list"], false),
        (&["list", "--json"], false),
        (&["list", "--stale"], false),
        (&["check", "--all"], false),
        (&["check", "--json"], false),
        (&["doctor"], false),
        (&["doctor", "--json"], false),
        (&["provider", "test", "--all"], false),
        (&["inject", "-i", "tpl.txt", "--check"], false),
        (&["inject", "-i", "tpl.txt"], true),
        (&["get", "SECRET"], true),
        (&["export"], true),
        (&["exec", "--", "sh", "-c", "test -n \"$SECRET\""], false),
        (&["hook-env", "-s", "bash"], true),
        (&["sync", "-p", "age2", "--force", "--dry-run"], false),
        (&["sync", "-p", "age2", "--force"], false),
        (&["reencrypt", "--force"], false),
        (&["reencrypt", "--to", "age", "--force"], false),
        (&["edit"], false),
    ];
    for (args, prints) in runs {
        let mut cmd = sb.fnox();
        cmd.envs(loud)
            .env("EDITOR", &editor)
            .arg("--verbose")
            .args(*args);
        let out = sb.output(&mut cmd);
        assert_eq!(out.code, 0, "{args:?}:\n{}", out.all());
        let seen = seen_in(&out, &c);
        let allowed: &[&str] = if *prints { &["stdout"] } else { &[] };
        assert!(
            seen.iter().all(|s| allowed.contains(s)),
            "fnox --verbose {}: the value is in {seen:?}:\n{}",
            args.join(" "),
            out.all()
        );
    }
}

#[test]
fn debug_output_of_config_command_line_and_provider_types_holds_no_value() {
    let c = canary("debug");
    let text = format!(
        "[providers]\nplain = {{ type = \"plain\" }}\nvault = {{ type = \"vault\", token = \"{c}-token\" }}\n\n\
         [secrets]\nA = {{ provider = \"plain\", value = \"{c}-plain\" }}\nB = {{ default = \"{c}-default\" }}\n\
         C = {{ provider = \"vault\", value = \"x\", sync = {{ provider = \"plain\", value = \"{c}-sync\" }} }}\n"
    );
    let file = fnox::config::model::parse(&text).unwrap();
    let shown = format!("{file:?}");
    assert!(shown.contains("SecretConfig"), "{shown}");
    assert!(!shown.contains(&c), "ConfigFile: {shown}");

    let sb = Sandbox::bare();
    let path = sb.write("fnox.toml", &text);
    let config = fnox::config::load(
        &sb.cwd,
        fnox::config::LoadOptions {
            explicit: Some(path),
            profiles: vec!["default".to_owned()],
            ..Default::default()
        },
    )
    .unwrap();
    let shown = format!("{config:?}");
    assert!(shown.contains("Layer"), "{shown}");
    assert!(!shown.contains(&c), "Config: {shown}");

    let cli = <fnox::cli::Cli as clap::Parser>::try_parse_from([
        "fnox",
        "set",
        "KEY",
        &format!("{c}-argv"),
        "--default",
        &format!("{c}-argv-default"),
    ])
    .unwrap();
    let shown = format!("{cli:?}");
    assert!(shown.contains("KEY"), "{shown}");
    assert!(!shown.contains(&c), "Cli: {shown}");

    let target = fnox::provider::vault::Target {
        token: Some(format!("{c}-token")),
        ..Default::default()
    };
    assert!(!format!("{target:?}").contains(&c));
    let value = fnox::secret::SecretValue::new(c.clone());
    assert!(!format!("{value:?}").contains(&c));
}
