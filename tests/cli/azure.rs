//! azure-sm (Key Vault secrets) and azure-kms (Key Vault keys) against the Key Vault stand-in, which
//! Microsoft's official Python clients have checked first (support/azure.rs). Each test uses a vault
//! of its own on the stand-in (`https://127.0.0.1:PORT/VAULT`), so counters and names never mix.

use base64::Engine;
use insta::assert_snapshot;

use crate::support::azure::{
    keyvault, KeyVault, CLIENT, FEDERATED_ASSERTION, IDENTITY_HEADER, NO_ACCESS_CLIENT, TENANT,
};
use crate::support::services::free_port;
use crate::support::{age_config, Output, Sandbox};

struct Az {
    sb: Sandbox,
    kv: &'static KeyVault,
    /// This test's vault name on the stand-in (also a valid Key Vault name).
    vault: String,
    /// Its URL (a listener of its own).
    url: String,
}

impl Az {
    fn new() -> Option<Az> {
        Az::with(Sandbox::new())
    }

    fn with(sb: Sandbox) -> Option<Az> {
        let kv = keyvault()?;
        let vault = sb.unique().to_lowercase();
        let url = kv.vault(&vault);
        Some(Az { sb, kv, vault, url })
    }

    /// This test's vault URL.
    fn url(&self) -> String {
        self.url.clone()
    }

    /// fnox as the service principal `fnox-tests`.
    fn run(&self, args: &[&str]) -> Output {
        self.run_env(&self.kv.env(), args)
    }

    /// fnox with exactly these Azure settings (HOME, PATH and LANG come from the sandbox).
    fn run_env(&self, env: &[(&str, String)], args: &[&str]) -> Output {
        let mut cmd = self.sb.fnox();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut out = self.sb.output(cmd.args(args));
        let version = regex::Regex::new(r"\b[0-9a-f]{32}\b").unwrap();
        for text in [&mut out.stdout, &mut out.stderr] {
            let mut t = text.replace(&self.vault, "[V]");
            for (url, label) in [(self.url(), "[VAULT]"), (self.kv.url.clone(), "[KV]")] {
                let re = regex::Regex::new(&format!(r"{}\b", regex::escape(&url))).unwrap();
                t = re.replace_all(&t, label).into_owned();
            }
            *text = version.replace_all(&t, "[VERSION]").into_owned();
        }
        out
    }

    fn sdk(&self, args: &[&str]) -> String {
        self.kv.sdk_at(&self.url(), args, &[])
    }

    /// Creates an RSA key (or a new version of it) with the SDK; returns its version.
    fn create_key(&self, name: &str) -> String {
        let kid = self.sdk(&["create-key", name]);
        kid.trim().rsplit('/').next().unwrap().to_owned()
    }

    fn providers(&self, extra: &str) -> String {
        format!(
            "[providers]\nkv = {{ type = \"azure-sm\", vault_url = \"{url}/\" }}\nkms = {{ type = \"azure-kms\", vault_url = \"{url}\", key_name = \"fnox-key\" }}\n{extra}\n[secrets]\n",
            url = self.url()
        )
    }
}

/// The `value = "…"` of secret `name` in a config.
fn value_of(text: &str, name: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{name}=")) || l.starts_with(&format!("{name} =")))
        .unwrap_or_else(|| panic!("no {name} in {text}"));
    line.split("value = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn the_official_sdk_works_against_the_standin_with_every_credential_kind() {
    let Some(kv) = keyvault() else { return };
    assert_eq!(
        kv.sdk_selftest,
        "ok client-secret imds app-service workload az"
    );
}

#[test]
fn sm_reads_the_latest_or_a_pinned_version_with_a_prefix() {
    let Some(az) = Az::new() else { return };
    let v1 = az.sdk(&["set-secret", "app-db", "first"]).trim().to_owned();
    az.sdk(&["set-secret", "app-db", "second"]);
    az.sdk(&["set-secret", "api-key", "sk_live_1"]);
    az.sb.write(
        "fnox.toml",
        &format!(
            "{}DB = {{ provider = \"kv\", value = \"app-db\" }}\nDB_V1 = {{ provider = \"kv\", value = \"app-db/{v1}\" }}\nAPI = {{ provider = \"app\", value = \"db\" }}\nKEY = {{ provider = \"kv\", value = \"api-key\" }}\n",
            az.providers(&format!(
                "app = {{ type = \"azure-sm\", vault_url = \"{}\", prefix = \"app-\" }}",
                az.url()
            ))
        ),
    );
    assert_eq!(az.run(&["get", "DB"]).ok(), "second\n");
    assert_eq!(az.run(&["get", "DB_V1"]).ok(), "first\n");
    let env = az.run(&["exec", "--", "env"]);
    for line in [
        "DB=second\n",
        "DB_V1=first\n",
        "API=second\n",
        "KEY=sk_live_1\n",
    ] {
        assert!(env.ok().contains(line), "{line}");
    }
}

#[test]
fn sm_set_adds_a_version_the_sdk_reads() {
    let Some(az) = Az::new() else { return };
    az.sb.write("fnox.toml", &az.providers(""));
    az.run(&[
        "set",
        "-p",
        "kv",
        "DATABASE_URL",
        "postgres://one",
        "-k",
        "database-url",
    ])
    .ok();
    assert_eq!(az.sdk(&["get-secret", "database-url"]), "postgres://one");
    az.run(&["set", "DATABASE_URL", "postgres://two"]).ok();
    assert_eq!(az.sdk(&["get-secret", "database-url"]), "postgres://two");
    assert_eq!(az.run(&["get", "DATABASE_URL"]).ok(), "postgres://two\n");
    assert_snapshot!(az.sb.read("fnox.toml").lines().last().unwrap(), @r#"DATABASE_URL= { provider = "kv", value = "database-url" }"#);
    // A name Key Vault would refuse is refused before any request.
    let out = az.run(&["set", "-p", "kv", "API_KEY", "x"]);
    assert_snapshot!(out.fails(1), @r"
    error[fnox::provider::invalid_config]: cannot store API_KEY in provider 'kv'
      caused by: Azure Key Vault: 'API_KEY' is not a Key Vault secret name (1-127 letters, digits and hyphens)
      caused by: writing secrets.API_KEY in ./fnox.toml
      hint: name the secret in the vault with hyphens, e.g. `fnox set DATABASE_URL --key-name database-url`
    ");
}

#[test]
fn sm_batch_reads_each_secret_once_concurrently_on_one_token() {
    let Some(az) = Az::new() else { return };
    let pairs: Vec<String> = (0..40).map(|i| format!("s{i}=value {i}")).collect();
    let mut args = vec!["set-secrets"];
    args.extend(pairs.iter().map(String::as_str));
    az.sdk(&args);
    let before = az.kv.stats(&az.vault);
    let count = |stats: &serde_json::Value, what: &str| stats[what].as_u64().unwrap();
    let mut config = az.providers("");
    for i in 0..40 {
        config.push_str(&format!(
            "S{i} = {{ provider = \"kv\", value = \"s{i}\" }}\n"
        ));
    }
    // The same secret under a second name is read once.
    config.push_str("AGAIN = { provider = \"kv\", value = \"s7\" }\n");
    az.sb.write("fnox.toml", &config);
    let out = az.run(&["exec", "--", "env"]);
    for i in 0..40 {
        assert!(out.ok().contains(&format!("S{i}=value {i}\n")), "S{i}");
    }
    assert!(out.ok().contains("AGAIN=value 7\n"));
    let stats = az.kv.stats(&az.vault);
    assert_eq!(
        count(&stats, "requests") - count(&before, "requests"),
        40,
        "{stats}"
    );
    assert_eq!(
        count(&stats, "tokens") - count(&before, "tokens"),
        1,
        "{stats}"
    );
    let most = stats["max_in_flight"].as_u64().unwrap();
    assert!((2..=16).contains(&most), "{stats}");
}

#[test]
fn sm_errors_say_not_found_access_denied_and_unreachable() {
    let Some(az) = Az::new() else { return };
    az.sdk(&["set-secret", "present", "x"]);
    let closed = free_port();
    az.sb.write(
        "fnox.toml",
        &format!(
            "{}MISSING = {{ provider = \"kv\", value = \"absent\" }}\nOLD = {{ provider = \"kv\", value = \"present/0123456789abcdef0123456789abcdef\" }}\nHERE = {{ provider = \"kv\", value = \"present\" }}\nDOWN = {{ provider = \"down\", value = \"x\" }}\n",
            az.providers(&format!(
                "down = {{ type = \"azure-sm\", vault_url = \"https://127.0.0.1:{closed}\" }}"
            ))
        ),
    );
    let out = az.run(&["get", "MISSING"]);
    assert_snapshot!(out.fails(1), @"
    error[fnox::provider::secret_not_found]: cannot fetch MISSING (secrets.MISSING in ./fnox.toml:6, provider 'kv')
      caused by: Azure Key Vault: secret 'absent' not found
      hint: check the name, the provider's `prefix` and `vault_url` ([VAULT]), or create it with `fnox set`
    ");
    let out = az.run(&["get", "OLD"]);
    assert_snapshot!(out.fails(1), @"
    error[fnox::provider::secret_not_found]: cannot fetch OLD (secrets.OLD in ./fnox.toml:7, provider 'kv')
      caused by: Azure Key Vault: secret 'present' has no version [VERSION]
      hint: check the name, the provider's `prefix` and `vault_url` ([VAULT]), or create it with `fnox set`
    ");
    let out = az.run_env(&az.kv.env_for(NO_ACCESS_CLIENT), &["get", "HERE"]);
    assert_snapshot!(out.fails(1), @"
    error[fnox::provider::auth_failed]: cannot fetch HERE (secrets.HERE in ./fnox.toml:8, provider 'kv')
      caused by: Azure Key Vault: access denied to secret 'present' for service principal fnox-no-access (AZURE_CLIENT_ID) (Forbidden: Caller is not authorized to perform action on resource. If role assignments, deny assignments or role definitions were changed recently, please observe propagation time. Caller: appid=fnox-no-access; Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action')
      hint: give that identity a role on the vault (Key Vault Secrets User for secrets, Key Vault Crypto User for keys) or an access policy, or use another one: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (a service principal), or run `az login`
    ");
    let mut wrong = az.kv.env();
    wrong.retain(|(k, _)| *k != "AZURE_CLIENT_SECRET");
    wrong.push(("AZURE_CLIENT_SECRET", "not-the-secret".to_owned()));
    let out = az.run_env(&wrong, &["get", "HERE"]);
    assert_snapshot!(out.fails(1), @"
    error[fnox::provider::auth_failed]: cannot fetch HERE (secrets.HERE in ./fnox.toml:8, provider 'kv')
      caused by: Azure Key Vault: Microsoft Entra ID refused a token to service principal fnox-tests (AZURE_CLIENT_ID) (invalid_client: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'fnox-tests'.)
      hint: check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or unset them to use `az login`
    ");
    let out = az.run(&["get", "DOWN"]);
    let err = out.fails(1).replace(&closed.to_string(), "[PORT]");
    assert_snapshot!(err, @"
    error[fnox::provider::api_error]: cannot fetch DOWN (secrets.DOWN in ./fnox.toml:9, provider 'down')
      caused by: Azure Key Vault: cannot reach https://127.0.0.1:[PORT] for secret 'x' (Connection refused (os error 111))
      hint: check the provider's `vault_url` (https://NAME.vault.azure.net), the network, and any firewall in front of the vault
    ");
}

#[test]
fn without_credentials_the_error_lists_what_was_tried() {
    let Some(az) = Az::new() else { return };
    az.sb.write(
        "fnox.toml",
        &format!(
            "{}HERE = {{ provider = \"kv\", value = \"x\" }}\n",
            az.providers("")
        ),
    );
    let env = [
        ("SSL_CERT_FILE", az.kv.ca.display().to_string()),
        (
            "AZURE_POD_IDENTITY_AUTHORITY_HOST",
            format!("https://127.0.0.1:{}", free_port()),
        ),
        ("PATH", "/nonexistent".to_owned()),
    ];
    let out = az.run_env(&env, &["get", "HERE"]);
    let err = regex::Regex::new(r"127\.0\.0\.1:\d+")
        .unwrap()
        .replace_all(out.fails(1), "127.0.0.1:[PORT]")
        .into_owned();
    assert_snapshot!(err, @"
    error[fnox::provider::auth_failed]: cannot fetch HERE (secrets.HERE in ./fnox.toml:6, provider 'kv')
      caused by: Azure Key Vault: no Azure credentials found (tried client secret: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET not set; workload identity: AZURE_FEDERATED_TOKEN_FILE not set; App Service managed identity: IDENTITY_ENDPOINT not set; Azure CLI: `az` not found on PATH; managed identity: no instance metadata service at https://127.0.0.1:[PORT])
      hint: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (a service principal), or run `az login`
    ");
}

#[test]
fn every_credential_kind_reads_a_secret() {
    let Some(az) = Az::new() else { return };
    az.sdk(&["set-secret", "who", "anyone"]);
    az.sb.write(
        "fnox.toml",
        &format!(
            "{}WHO = {{ provider = \"kv\", value = \"who\" }}\n",
            az.providers("")
        ),
    );
    let ca = ("SSL_CERT_FILE", az.kv.ca.display().to_string());
    let dead_imds = (
        "AZURE_POD_IDENTITY_AUTHORITY_HOST",
        format!("https://127.0.0.1:{}", free_port()),
    );
    let base = |extra: Vec<(&'static str, String)>| {
        let mut env = vec![ca.clone(), ("PATH", "/usr/bin:/bin".to_owned())];
        env.extend(extra);
        if !env
            .iter()
            .any(|(k, _)| *k == "AZURE_POD_IDENTITY_AUTHORITY_HOST")
        {
            env.push(dead_imds.clone());
        }
        env
    };
    let check = |label: &str, env: Vec<(&'static str, String)>, identity: &str| {
        let out = az.run_env(&env, &["get", "WHO"]);
        assert_eq!(out.ok(), "anyone\n", "{label}: {}", out.all());
        let test = az.run_env(&env, &["provider", "test", "kv"]);
        assert!(test.stderr.contains(identity), "{label}: {}", test.all());
    };
    check(
        "client secret",
        base(az.kv.env()),
        "service principal fnox-tests (AZURE_CLIENT_ID)",
    );
    let token_file = az.sb.write("federated-token", FEDERATED_ASSERTION);
    check(
        "workload identity",
        base(vec![
            ("AZURE_TENANT_ID", TENANT.to_owned()),
            ("AZURE_CLIENT_ID", CLIENT.to_owned()),
            ("AZURE_AUTHORITY_HOST", az.kv.url.clone()),
            (
                "AZURE_FEDERATED_TOKEN_FILE",
                token_file.display().to_string(),
            ),
        ]),
        "workload identity fnox-tests (AZURE_FEDERATED_TOKEN_FILE)",
    );
    check(
        "App Service",
        base(vec![
            ("IDENTITY_ENDPOINT", format!("{}/msi/token", az.kv.url)),
            ("IDENTITY_HEADER", IDENTITY_HEADER.to_owned()),
        ]),
        "the App Service managed identity (IDENTITY_ENDPOINT)",
    );
    check(
        "IMDS",
        base(vec![(
            "AZURE_POD_IDENTITY_AUTHORITY_HOST",
            az.kv.url.clone(),
        )]),
        "the managed identity (IMDS)",
    );
    // The Azure CLI (the stand-in's `az`, which the SDK's AzureCliCredential also used) once
    // logged in; before that, the chain says so.
    let az_config = az.sb.root.path().join("azure-config");
    let cli = |env_extra: Vec<(&'static str, String)>| {
        let mut env = base(env_extra);
        env.retain(|(k, _)| *k != "PATH");
        env.push(("PATH", format!("{}:/usr/bin:/bin", az.kv.az_dir.display())));
        env.push(("AZURE_CONFIG_DIR", az_config.display().to_string()));
        env
    };
    let out = az.run_env(&cli(vec![]), &["get", "WHO"]);
    assert!(
        out.fails(1)
            .contains("Azure CLI: not logged in (run `az login`)"),
        "{}",
        out.all()
    );
    std::fs::create_dir_all(&az_config).unwrap();
    std::fs::write(az_config.join("standin-login"), "").unwrap();
    check("Azure CLI", cli(vec![]), "your Azure CLI login (`az`)");
}

#[test]
fn kms_values_are_upstreams_base64_and_interoperate_with_the_sdk() {
    let Some(az) = Az::new() else { return };
    az.create_key("fnox-key");
    az.sb.write("fnox.toml", &az.providers(""));
    az.run(&["set", "-p", "kms", "TOKEN", "s3cr3t value ✓"])
        .ok();
    let stored = value_of(&az.sb.read("fnox.toml"), "TOKEN");
    let raw = base64::engine::general_purpose::STANDARD
        .decode(&stored)
        .expect("standard base64 with padding");
    assert_eq!(raw.len(), 256, "one RSA-2048 block");
    assert_eq!(az.run(&["get", "TOKEN"]).ok(), "s3cr3t value ✓\n");
    // What fnox encrypted, the SDK decrypts; what the SDK encrypted (as upstream stores it),
    // fnox decrypts.
    assert_eq!(az.sdk(&["decrypt", "fnox-key", &stored]), "s3cr3t value ✓");
    let from_sdk = az.sdk(&["encrypt", "fnox-key", "from the SDK"]);
    az.sb.add_secret_line(&format!(
        "SDK = {{ provider = \"kms\", value = \"{}\" }}",
        from_sdk.trim()
    ));
    assert_eq!(az.run(&["get", "SDK"]).ok(), "from the SDK\n");
    let doctor = az.run(&["doctor"]);
    let health: Vec<&str> = doctor
        .stdout
        .lines()
        .skip_while(|l| *l != "Provider health:")
        .take(3)
        .collect();
    assert_snapshot!(health.join("\n"), @"
    Provider health:
      ✓ kv: Key Vault at [VAULT] lets service principal fnox-tests (AZURE_CLIENT_ID) read secrets
      ✓ kms: key 'fnox-key' in [VAULT] is an enabled RSA key of 2048 bits (version [VERSION]), used by service principal fnox-tests (AZURE_CLIENT_ID)
    ");
    let out = az.run(&["provider", "test", "kms"]);
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider kms connection successful: key 'fnox-key' in [VAULT] is an enabled RSA key of 2048 bits (version [VERSION]), used by service principal fnox-tests (AZURE_CLIENT_ID)
    ");
}

#[test]
fn kms_errors_say_bad_ciphertext_missing_key_and_too_long() {
    let Some(az) = Az::new() else { return };
    az.create_key("fnox-key");
    az.sb.write(
        "fnox.toml",
        &format!(
            "{}NOT_B64 = {{ provider = \"kms\", value = \"%%%\" }}\nWRONG = {{ provider = \"kms\", value = \"bm90IGEgY2lwaGVydGV4dA==\" }}\nNOKEY = {{ provider = \"gone\", value = \"bm90IGEgY2lwaGVydGV4dA==\" }}\n",
            az.providers(&format!(
                "gone = {{ type = \"azure-kms\", vault_url = \"{}\", key_name = \"no-such-key\" }}",
                az.url()
            ))
        ),
    );
    assert_snapshot!(az.run(&["get", "NOT_B64"]).fails(1), @"
    error[fnox::encryption::decrypt_failed]: cannot decrypt NOT_B64 (secrets.NOT_B64 in ./fnox.toml:6, provider 'kms')
      caused by: Azure Key Vault: Failed to decode base64 ciphertext
      hint: check that the value was encrypted with this key (`vault_url`, `key_name`), or set it again with `fnox set`
    ");
    assert_snapshot!(az.run(&["get", "WRONG"]).fails(1), @"
    error[fnox::encryption::decrypt_failed]: cannot decrypt WRONG (secrets.WRONG in ./fnox.toml:7, provider 'kms')
      caused by: Azure Key Vault: key 'fnox-key' could not decrypt the value (BadParameter: Unable to decrypt the specified data with the key.)
      hint: check that the value was encrypted with this key (`vault_url`, `key_name`), or set it again with `fnox set`
    ");
    assert_snapshot!(az.run(&["get", "NOKEY"]).fails(1), @"
    error[fnox::provider::invalid_config]: cannot decrypt NOKEY (secrets.NOKEY in ./fnox.toml:8, provider 'gone')
      caused by: Azure Key Vault: key 'no-such-key' does not exist in [VAULT]
      hint: check the provider's `key_name` and `vault_url`, or create it with `az keyvault key create --vault-name VAULT --name no-such-key --kty RSA`
    ");
    let long = "x".repeat(191);
    assert_snapshot!(az.run(&["set", "-p", "kms", "LONG", &long]).fails(1), @"
    error[fnox::provider::invalid_config]: cannot encrypt LONG with provider 'kms'
      caused by: Azure Key Vault: the value is 191 bytes; RSA-OAEP-256 with this 2048-bit key encrypts at most 190
      caused by: writing secrets.LONG in ./fnox.toml
      hint: store large values in azure-sm (Key Vault secrets) or with an age provider
    ");
    az.run(&["set", "-p", "kms", "LONGEST", &"y".repeat(190)])
        .ok();
    assert_eq!(az.run(&["get", "LONGEST"]).ok().trim_end(), "y".repeat(190));
}

#[test]
fn kms_values_survive_key_rotation_and_reencrypt_moves_them_to_the_new_version() {
    let Some(az) = Az::new() else { return };
    az.create_key("fnox-key");
    az.sb.write("fnox.toml", &az.providers(""));
    az.run(&["set", "-p", "kms", "OLD", "sealed before rotation"])
        .ok();
    // Rotation: a new version becomes current; the old one stays enabled.
    az.create_key("fnox-key");
    az.run(&["set", "-p", "kms", "NEW", "sealed after"]).ok();
    assert_eq!(az.run(&["get", "OLD"]).ok(), "sealed before rotation\n");
    assert_eq!(az.run(&["get", "NEW"]).ok(), "sealed after\n");
    let stale = az.run(&["list", "--stale"]);
    assert!(
        stale.all().contains("OLD") && !stale.all().contains("NEW"),
        "{}",
        stale.all()
    );
    assert!(
        stale
            .all()
            .contains("encrypted under an older version ([VERSION]) of key 'fnox-key'"),
        "{}",
        stale.all()
    );
    az.run(&["reencrypt", "--force"]).ok();
    let stale = az.run(&["list", "--stale"]);
    assert!(!stale.all().contains("OLD"), "{}", stale.all());
    assert_eq!(az.run(&["get", "OLD"]).ok(), "sealed before rotation\n");
}

#[test]
fn reencrypt_moves_age_values_to_azure_kms() {
    let Some(az) = Az::new() else { return };
    az.create_key("fnox-key");
    az.sb.write("fnox.toml", &age_config());
    az.run(&["set", "-p", "age", "A", "alpha"]).ok();
    az.run(&["set", "-p", "age", "B", "beta"]).ok();
    let text = az.sb.read("fnox.toml").replacen(
        "[providers]\n",
        &format!(
            "[providers]\nkms = {{ type = \"azure-kms\", vault_url = \"{}\", key_name = \"fnox-key\" }}\n",
            az.url()
        ),
        1,
    );
    az.sb.write("fnox.toml", &text);
    az.run(&["reencrypt", "--to", "kms", "--force"]).ok();
    let text = az.sb.read("fnox.toml");
    for (name, plain) in [("A", "alpha"), ("B", "beta")] {
        assert!(
            text.contains(&format!("{name}= {{ provider = \"kms\"")),
            "{text}"
        );
        let stored = value_of(&text, name);
        assert_eq!(az.sdk(&["decrypt", "fnox-key", &stored]), plain);
        assert_eq!(az.run(&["get", name]).ok(), format!("{plain}\n"));
    }
}

#[test]
fn an_untrusted_config_does_not_get_the_token_sent_to_its_vault_url() {
    let Some(az) = Az::with(Sandbox::untrusted()) else {
        return;
    };
    az.sb.write(
        "fnox.toml",
        &format!(
            "{}X = {{ provider = \"kv\", value = \"x\" }}\n",
            az.providers("")
        ),
    );
    let out = az.run(&["get", "X"]);
    assert_snapshot!(out.fails(1), @"
    error[fnox::trust::untrusted]: cannot resolve X (secrets.X in ./fnox.toml:6)
      caused by: ./fnox.toml is not trusted: it would send your credentials for provider 'kv' to [VAULT]/ (its `vault_url`), an address only this file names
      caused by: a config file you have not approved may not run commands, send your credentials to an address it names, or import files from outside its directory
      hint: read it, then run 'fnox trust' to allow it (fnox trust ./fnox.toml)
    ");
    assert_eq!(
        az.kv.stats(&az.vault)["requests"],
        0,
        "nothing reached the vault"
    );
}

#[test]
fn azure_kv_references_read_a_vault_by_name_and_version() {
    let Some(az) = Az::new() else { return };
    let v1 = az
        .sdk(&["set-secret", "db-password", "pw one"])
        .trim()
        .to_owned();
    az.sdk(&["set-secret", "db-password", "pw two"]);
    let vault = &az.vault;
    az.sb.write(
        "fnox.toml",
        &format!(
            "[secrets]\nURL = {{ default = \"postgres://app:secret://azure-kv/{vault}/secrets/db-password@db/app\" }}\nPINNED = {{ default = \"secret://azure-kv/{vault}/secrets/db-password/{v1}\" }}\nBAD = {{ default = \"secret://azure-kv/no_such_vault/secrets/x\" }}\nKEYS = {{ default = \"secret://azure-kv/{vault}/keys/x\" }}\n"
        ),
    );
    let mut env = az.kv.env();
    env.push((
        "FNOX_AZURE_KEYVAULT_URL",
        format!("{}/{{vault}}", az.kv.url),
    ));
    assert_eq!(
        az.run_env(&env, &["get", "URL"]).ok(),
        "postgres://app:pw two@db/app\n"
    );
    assert_eq!(az.run_env(&env, &["get", "PINNED"]).ok(), "pw one\n");
    assert_snapshot!(az.run_env(&env, &["get", "BAD"]).fails(1), @"
    error[fnox::secret::error]: cannot resolve BAD (secrets.BAD in ./fnox.toml:4)
      caused by: its default refers to secret://azure-kv/no_such_vault/secrets/x, which could not be resolved
      caused by: cannot resolve secret://azure-kv/no_such_vault/secrets/x
      caused by: 'no_such_vault' is not a Key Vault name (3-24 letters, digits and hyphens, starting with a letter)
      hint: write it as secret://azure-kv/VAULT/secrets/NAME[/VERSION]
    ");
    assert_snapshot!(az.run_env(&env, &["get", "KEYS"]).fails(1), @"
    error[fnox::secret::error]: cannot resolve KEYS (secrets.KEYS in ./fnox.toml:5)
      caused by: its default refers to secret://azure-kv/[V]/keys/x, which could not be resolved
      caused by: cannot resolve secret://azure-kv/[V]/keys/x
      caused by: an azure-kv reference without configuration has the form secret://azure-kv/VAULT/secrets/NAME[/VERSION]
      hint: write it as secret://azure-kv/VAULT/secrets/NAME[/VERSION]
    ");
}

#[test]
fn provider_add_writes_the_azure_templates_as_supported_types() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "");
    for (name, kind) in [("kv", "azure-sm"), ("kms", "azure-kms")] {
        let out = sb.run(&["provider", "add", name, kind]);
        assert!(!out.stderr.contains("not supported"), "{}", out.all());
        out.ok();
    }
    assert_snapshot!(sb.read("fnox.toml"), @r#"
    [providers.kv]
    type = "azure-sm"
    vault_url = "https://my-vault.vault.azure.net/"

    [providers.kms]
    type = "azure-kms"
    vault_url = "https://my-vault.vault.azure.net/"
    key_name = "my-key"
    "#);
}
