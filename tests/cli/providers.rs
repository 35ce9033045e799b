//! `provider add` templates for every upstream type, and how `provider test` and `doctor` report
//! provider health.

use insta::assert_snapshot;

use crate::support::{age_config, Sandbox};

/// The TYPE arguments upstream fnox's `provider add` takes, in its --help order.
const UPSTREAM_TYPES: [&str; 23] = [
    "1password",
    "age",
    "aws",
    "aws-kms",
    "aws-ps",
    "azure-kms",
    "azure-sm",
    "gcp",
    "gcp-kms",
    "fido2",
    "bitwarden",
    "doppler",
    "foks",
    "bitwarden-sm",
    "infisical",
    "keepass",
    "keychain",
    "password-store",
    "passwordstate",
    "plain",
    "proton-pass",
    "vault",
    "yubikey",
];

#[test]
fn provider_add_writes_upstreams_template_for_every_upstream_type() {
    // No identity on this machine: the age template keeps upstream's placeholder.
    let sb = Sandbox::bare();
    sb.write("fnox.toml", "");
    for kind in UPSTREAM_TYPES {
        let out = sb.run(&["provider", "add", &format!("p-{kind}"), kind]);
        assert_eq!(out.code, 0, "{kind}: {}", out.all());
    }
    assert_snapshot!(sb.read("fnox.toml"), @r#"
    [providers.p-1password]
    type = "1password"
    vault = "default"

    [providers.p-age]
    type = "age"
    recipients = ["age1..."]

    [providers.p-aws]
    type = "aws-sm"
    region = "us-east-1"

    [providers.p-aws-kms]
    type = "aws-kms"
    key_id = "alias/my-key"
    region = "us-east-1"

    [providers.p-aws-ps]
    type = "aws-ps"
    region = "us-east-1"
    prefix = "/myapp/prod/"

    [providers.p-azure-kms]
    type = "azure-kms"
    vault_url = "https://my-vault.vault.azure.net/"
    key_name = "my-key"

    [providers.p-azure-sm]
    type = "azure-sm"
    vault_url = "https://my-vault.vault.azure.net/"

    [providers.p-gcp]
    type = "gcp-sm"
    project = "my-project"

    [providers.p-gcp-kms]
    type = "gcp-kms"
    project = "my-project"
    location = "global"
    keyring = "my-keyring"
    key = "my-key"

    [providers.p-fido2]
    type = "fido2"
    credential_id = "a1b2c3..."
    salt = "d4e5f6..."
    rp_id = "fnox.p-fido2"

    [providers.p-bitwarden]
    type = "bitwarden"

    [providers.p-doppler]
    type = "doppler"
    project = "my-project"
    config = "prd"

    [providers.p-foks]
    type = "foks"
    prefix = "/fnox/"

    [providers.p-bitwarden-sm]
    type = "bitwarden-sm"

    [providers.p-infisical]
    type = "infisical"
    project_id = "your-project-id"
    environment = "dev"
    path = "/"

    [providers.p-keepass]
    type = "keepass"
    database = "~/secrets.kdbx"

    [providers.p-keychain]
    type = "keychain"
    service = "fnox"

    [providers.p-password-store]
    type = "password-store"
    prefix = "fnox/"

    [providers.p-passwordstate]
    type = "passwordstate"
    base_url = "https://passwordstate.example.com"
    password_list_id = "123"

    [providers.p-plain]
    type = "plain"

    [providers.p-proton-pass]
    type = "proton-pass"

    [providers.p-vault]
    type = "vault"
    address = "http://localhost:8200"
    path = "secret"

    [providers.p-yubikey]
    type = "yubikey"
    challenge = "a1b2c3..."
    slot = "2"
    "#);
    // The file still loads with every one of them in it.
    let listed = sb.run(&["provider", "list"]);
    assert_eq!(listed.ok().lines().count(), UPSTREAM_TYPES.len());
}

#[test]
fn provider_add_of_a_type_this_fnox_does_not_build_writes_it_and_says_so() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &age_config());
    assert_snapshot!(sb.run(&["provider", "add", "dp", "doppler"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Added provider 'dp' (doppler) to ./fnox.toml
    Note: Please edit './fnox.toml' to configure the provider settings.
    note: provider type 'doppler' is not supported by this version of fnox yet: secrets that use 'dp' cannot be read or written until it is
    ");
    assert_snapshot!(sb.run(&["provider", "add", "kv", "vault"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Added provider 'kv' (vault) to ./fnox.toml
    Note: Please edit './fnox.toml' to configure the provider settings.
    ");
    // Secrets of the providers this fnox does build still work beside it.
    sb.run(&["set", "--provider", "age", "K", "v"]).ok();
    assert_eq!(sb.run(&["get", "K"]).ok(), "v\n");
}

#[test]
fn provider_add_vault_names_the_proton_pass_vault_and_only_that() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "");
    sb.run(&["provider", "add", "pp", "proton-pass", "--vault", "Work"])
        .ok();
    assert_eq!(
        sb.read("fnox.toml"),
        "[providers.pp]\ntype = \"proton-pass\"\nvault = \"Work\"\n"
    );
    assert_snapshot!(sb.run(&["provider", "add", "x", "plain", "--vault", "Work"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::error]: --vault is only supported for provider type 'proton-pass'
    ");
}

#[test]
fn provider_add_help_lists_every_type() {
    let sb = Sandbox::new();
    let help = sb.run(&["provider", "add", "--help"]);
    let text = help.ok().replace('\n', " ");
    for kind in UPSTREAM_TYPES {
        assert!(text.contains(kind), "{kind} missing from:\n{}", help.stdout);
    }
}

/// A config with two providers that pass and two that fail (one this fnox does not build, one
/// Vault without a token), so both outcomes show.
fn mixed_providers(sb: &Sandbox) {
    sb.write(
        "fnox.toml",
        &format!(
            "{}\n[providers.clear]\ntype = \"plain\"\n\n[providers.dp]\ntype = \"doppler\"\n\n[providers.kv]\ntype = \"vault\"\naddress = \"http://127.0.0.1:9\"\npath = \"secret\"\n",
            age_config().replace("\n\n[secrets]\n", "\n")
        ),
    );
}

#[test]
fn provider_test_all_reports_each_provider_then_the_tally() {
    let sb = Sandbox::new();
    mixed_providers(&sb);
    assert_snapshot!(sb.run(&["provider", "test", "--all"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    Testing 4 providers...

      ✓ age: 1 recipient(s), 1 identity(ies) available on this machine
      ✓ clear: plain values need no keys
      ✗ dp
      ✗ kv

    error[fnox::provider::not_implemented]: cannot use provider 'dp' (providers.dp in ./fnox.toml:7)
      caused by: provider type 'doppler' is not supported by this version of fnox
      hint: supported types: age, plain, aws-kms, aws-sm, aws-ps, azure-kms, azure-sm, gcp-kms, gcp-sm, password-store, keychain, keepass, vault, vault-transit, cosmian-kms
    error[fnox::provider::auth_failed]: provider 'kv' failed its test
      caused by: HashiCorp Vault: no Vault token found
      hint: set VAULT_TOKEN (or the provider's `token`), or run `vault login`, which writes ~/.vault-token

    ✗ 2 passed, 2 failed
    ");
}

#[test]
fn provider_test_all_says_when_all_pass_or_there_are_none() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &age_config());
    assert_snapshot!(sb.run(&["provider", "test", "-a"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    Testing 1 provider...

      ✓ age: 1 recipient(s), 1 identity(ies) available on this machine

    ✓ All 1 provider passed
    ");
    sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    assert_snapshot!(sb.run(&["provider", "test", "--all"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    No providers configured
    ");
    assert_snapshot!(sb.run(&["provider", "test"]).all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::usage]: Please specify a provider name or use --all to test all providers
      hint: fnox provider test NAME, or fnox provider test --all
    ");
}

#[test]
fn doctor_reports_each_providers_health() {
    let sb = Sandbox::new();
    mixed_providers(&sb);
    let out = sb.run(&["doctor"]);
    let health: String = out
        .ok()
        .lines()
        .skip_while(|l| *l != "Provider health:")
        .map(|l| format!("{l}\n"))
        .collect();
    assert_snapshot!(health, @r#"
    Provider health:
      ✓ age: 1 recipient(s), 1 identity(ies) available on this machine
      ✓ clear: plain values need no keys
      ✗ dp: cannot use provider 'dp' (providers.dp in ./fnox.toml:7): provider type 'doppler' is not supported by this version of fnox
      ✗ kv: provider 'kv' failed its test: HashiCorp Vault: no Vault token found
    Tips:
      - several providers and no default_provider: secrets without `provider` cannot be resolved and `fnox set` needs --provider; add default_provider = "NAME"
      - provider dp: supported types: age, plain, aws-kms, aws-sm, aws-ps, azure-kms, azure-sm, gcp-kms, gcp-sm, password-store, keychain, keepass, vault, vault-transit, cosmian-kms
      - provider kv: set VAULT_TOKEN (or the provider's `token`), or run `vault login`, which writes ~/.vault-token
      - run `fnox check` to validate your configuration: it resolves every secret
    "#);
    assert_eq!(out.code, 0, "doctor reports; it does not fail");
}

#[test]
fn doctor_json_adds_health_to_each_provider_and_keeps_its_keys() {
    let sb = Sandbox::new();
    mixed_providers(&sb);
    let out = sb.run(&["doctor", "--json"]);
    let json: serde_json::Value = serde_json::from_str(out.ok()).unwrap();
    let providers = json["providers"].as_array().unwrap();
    let names: Vec<&str> = providers
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["age", "clear", "dp", "kv"]);
    for p in providers {
        let keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["name", "type", "source", "health"]);
    }
    assert_eq!(
        providers[1]["health"],
        serde_json::json!({ "ok": true, "detail": "plain values need no keys" })
    );
    assert_eq!(providers[3]["health"]["ok"], false);
    assert_eq!(
        providers[3]["health"]["error"],
        "provider 'kv' failed its test: HashiCorp Vault: no Vault token found"
    );
    assert!(providers[3]["health"]["hint"]
        .as_str()
        .unwrap()
        .contains("VAULT_TOKEN"));
}
