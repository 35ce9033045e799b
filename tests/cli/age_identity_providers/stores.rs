//! Identities kept in stores: a password store (`pass` + `gpg`), Vault KV (OpenBao), AWS Secrets
//! Manager (moto).

use std::path::Path;
use std::process::Command;

use insta::assert_snapshot;
use serde_json::json;

use super::{hidden_key, tools};
use crate::support::gpg::PassStore;
use crate::support::openbao::{openbao, ROOT_TOKEN};
use crate::support::services::{aws_env, boto3, moto};
use crate::support::{Output, Sandbox};

/// A PATH whose `pass` logs each call to `log` and then runs the real one: how often fnox reads
/// the store.
fn counting_pass(sb: &Sandbox, log: &Path) -> std::ffi::OsString {
    let bin = sb.root.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let real = String::from_utf8(
        Command::new("sh")
            .args(["-c", "command -v pass"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let script = bin.join("pass");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            real.trim()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut joined = bin.into_os_string();
    joined.push(":");
    joined.push(path);
    joined
}

/// A sandbox with a fresh gpg key and password store, the test identity's fnox.toml replaced.
fn with_pass() -> Option<(Sandbox, PassStore)> {
    if !tools() {
        return None;
    }
    let sb = Sandbox::bare();
    let ps = PassStore::new(&sb)?;
    Some((sb, ps))
}

fn run_with(sb: &Sandbox, ps: &PassStore, path: Option<&std::ffi::OsStr>, args: &[&str]) -> Output {
    let mut cmd = sb.fnox();
    cmd.envs(ps.env());
    if let Some(path) = path {
        cmd.env("PATH", path);
    }
    sb.output(cmd.args(args))
}

#[test]
fn an_identity_in_a_password_store_is_read_once_per_run_and_only_to_decrypt() {
    let Some((sb, ps)) = with_pass() else { return };
    let (key_a, pub_a) = hidden_key(&sb);
    // The whole identity file, comments included, as `pass insert -m` stores it.
    ps.insert("fnox/age-key", &key_a);
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             keys = {{ type = \"password-store\" }}\n\
             age = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"keys\", value = \"fnox/age-key\" }} }}\n\
             [secrets]\n"
        ),
    );
    let log = sb.root.path().join("pass.log");
    let path = counting_pass(&sb, &log);
    // The first `set` only encrypts (the value, and the file's new integrity key). The later
    // ones unseal that key once each, to tag their value; nothing else reads the identity.
    for (k, v) in [("A", "one"), ("B", "two"), ("C", "three")] {
        run_with(&sb, &ps, Some(&path), &["set", k, v, "-p", "age"]).ok();
        if k == "A" {
            assert!(
                !log.exists(),
                "set read the store: {:?}",
                std::fs::read_to_string(&log)
            );
        }
    }
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "show -- fnox/age-key\nshow -- fnox/age-key\n"
    );
    std::fs::remove_file(&log).unwrap();
    let out = run_with(
        &sb,
        &ps,
        Some(&path),
        &[
            "exec",
            "--",
            "sh",
            "-c",
            "printf '%s %s %s' \"$A\" \"$B\" \"$C\"",
        ],
    );
    assert_eq!(out.ok(), "one two three");
    // Three values, one read of the identity.
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "show -- fnox/age-key\n"
    );
    // Still one when the age provider is built a second time in the run: here for another
    // provider's `{ secret = ... }` field, whose secret it encrypts.
    let store = ps.store.display().to_string();
    run_with(
        &sb,
        &ps,
        Some(&path),
        &["set", "STORE", &store, "-p", "age"],
    )
    .ok();
    ps.insert("token", "tok\n");
    let text = sb.read("fnox.toml").replace(
        "[secrets]\n",
        "store = { type = \"password-store\", store_dir = { secret = \"STORE\" } }\n[secrets]\nT = { provider = \"store\", value = \"token\" }\n",
    );
    sb.write("fnox.toml", &text);
    std::fs::remove_file(&log).unwrap();
    let out = run_with(&sb, &ps, Some(&path), &["export"]);
    assert!(out.ok().starts_with("T=tok\nA=one\n"), "{}", out.stdout);
    let log = std::fs::read_to_string(&log).unwrap();
    assert_eq!(log.matches("show -- fnox/age-key").count(), 1, "{log}");
}

#[test]
fn an_identity_that_is_not_a_key_is_an_error_that_never_shows_it() {
    let Some((sb, ps)) = with_pass() else { return };
    let (_, pub_a) = hidden_key(&sb);
    ps.insert("fnox/age-key", "hunter2-not-a-key\n");
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             keys = {{ type = \"password-store\" }}\n\
             age = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"keys\", value = \"fnox/age-key\" }} }}\n\
             [secrets]\n"
        ),
    );
    run_with(&sb, &ps, None, &["set", "A", "hello", "-p", "age"]).ok();
    let out = run_with(&sb, &ps, None, &["get", "A"]);
    assert!(!out.stderr.contains("hunter2"), "{}", out.stderr);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::encryption::age::identity_not_found]: cannot decrypt A (secrets.A in ./fnox.toml:5, provider 'age')
      caused by: the age identity of provider 'age' (the value 'fnox/age-key' of provider 'keys') is not a usable age identity: identity file contains non-identity data on line 1
      hint: store the AGE-SECRET-KEY-1... line (or the whole identity file) as 'fnox/age-key' in provider 'keys'
    ");
}

#[test]
fn an_identity_in_vault_kv_decrypts() {
    if !tools() {
        return;
    }
    let Some(bao) = openbao() else { return };
    let sb = Sandbox::bare();
    let u = sb.unique();
    let (key_a, pub_a) = hidden_key(&sb);
    bao.kv_put(&format!("{u}/fnox"), json!({ "age_key": key_a }));
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             vault = {{ type = \"vault\", path = \"secret/{u}\" }}\n\
             age = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"vault\", value = \"fnox/age_key\" }} }}\n\
             [secrets]\n"
        ),
    );
    let vault = |args: &[&str]| {
        sb.output(
            sb.fnox()
                .env("VAULT_ADDR", &bao.addr)
                .env("VAULT_TOKEN", ROOT_TOKEN)
                .args(args),
        )
    };
    vault(&["set", "A", "hello", "-p", "age"]).ok();
    assert_eq!(vault(&["get", "A"]).ok(), "hello\n");
    // Without a token the identity cannot be read, and the error says from where.
    let out = sb.output(
        sb.fnox()
            .env("VAULT_ADDR", &bao.addr)
            .env("VAULT_TOKEN", "wrong")
            .args(["get", "A"]),
    );
    let stderr = out.fails(1).replace(&bao.addr, "[BAO]").replace(&u, "[U]");
    assert_snapshot!(stderr, @"
    error[fnox::provider::auth_failed]: cannot decrypt A (secrets.A in ./fnox.toml:5, provider 'age')
      caused by: cannot read the age identity of provider 'age' from provider 'vault' (value 'fnox/age_key'): HashiCorp Vault: Vault denied access to secret secret/[U]/fnox (permission denied): the token is invalid or expired, or its policies do not allow this
      hint: set VAULT_TOKEN (or the provider's `token`), or run `vault login`, which writes ~/.vault-token
    ");
}

#[test]
fn a_cycle_through_a_secret_field_of_the_identity_provider_names_the_chain() {
    let Some((sb, ps)) = with_pass() else { return };
    let (key_a, pub_a) = hidden_key(&sb);
    ps.insert("fnox/age-key", &key_a);
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             keys = {{ type = \"password-store\", store_dir = {{ secret = \"STORE\" }} }}\n\
             age = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"keys\", value = \"fnox/age-key\" }} }}\n\
             [secrets]\n"
        ),
    );
    // The store's directory is itself sealed by `age`: reading the identity needs the identity.
    let store = ps.store.display().to_string();
    run_with(&sb, &ps, None, &["set", "STORE", &store, "-p", "age"]).ok();
    run_with(&sb, &ps, None, &["set", "A", "hello", "-p", "age"]).ok();
    let out = run_with(&sb, &ps, None, &["get", "A"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::config_cycle]: cannot decrypt A (secrets.A in ./fnox.toml:6, provider 'age')
      caused by: Circular dependency detected in provider configuration for 'age' (resolution path: age -> keys -> age)
      hint: break the cycle: give one of these providers a key_file (or a literal value or environment variable) instead of a value read from another provider
    ");
}

#[test]
fn an_identity_in_aws_secrets_manager_decrypts_in_a_profile() {
    if !tools() {
        return;
    }
    let Some(endpoint) = moto() else { return };
    let sb = Sandbox::bare();
    let (key_a, pub_a) = hidden_key(&sb);
    let name = format!("{}/fnox-age-key", sb.unique());
    boto3(
        endpoint,
        "secretsmanager",
        "create_secret",
        json!({ "Name": name, "SecretString": key_a }),
    );
    // The identity's provider and the age provider both belong to the profile.
    sb.write(
        "fnox.toml",
        &format!(
            "[profiles.ci.providers]\n\
             sm = {{ type = \"aws-sm\", region = \"us-east-1\" }}\n\
             age = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"sm\", value = \"{name}\" }} }}\n"
        ),
    );
    let run = |args: &[&str]| sb.output(sb.fnox().envs(aws_env(endpoint)).args(args));
    run(&["-P", "ci", "set", "A", "hello", "-p", "age"]).ok();
    assert_eq!(run(&["-P", "ci", "get", "A"]).ok(), "hello\n");
}

#[test]
fn a_cycle_met_on_another_thread_is_still_caught() {
    let Some((sb, ps)) = with_pass() else { return };
    let (key_a, pub_a) = hidden_key(&sb);
    ps.insert("fnox/age-key", &key_a);
    // STORE's default needs two providers, read on two threads: the cycle closes on one of them.
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             keys = {{ type = \"password-store\", store_dir = {{ secret = \"STORE\" }} }}\n\
             text = {{ type = \"plain\" }}\n\
             age = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"keys\", value = \"fnox/age-key\" }} }}\n\
             [secrets]\n\
             TAIL = {{ provider = \"text\", value = \"/\" }}\n\
             STORE = {{ default = \"${{HEAD}}${{TAIL}}\" }}\n"
        ),
    );
    let store = ps.store.display().to_string();
    run_with(&sb, &ps, None, &["set", "HEAD", &store, "-p", "age"]).ok();
    run_with(&sb, &ps, None, &["set", "A", "hello", "-p", "age"]).ok();
    let out = run_with(&sb, &ps, None, &["get", "A"]);
    assert!(
        out.fails(1)
            .contains("caused by: Circular dependency detected in provider configuration for 'age' (resolution path: age -> keys -> age)"),
        "{}",
        out.stderr
    );
}
