//! gcp-sm (Secret Manager) and gcp-kms (Cloud KMS) against the Google Cloud stand-in, which
//! Google's official Python clients have checked first (support/gcp.rs). Each test uses a project
//! of its own on the stand-in, so counters and names never mix.

use insta::assert_snapshot;

use crate::support::gcp::{gcp, Gcp};
use crate::support::services::free_port;
use crate::support::{Output, Sandbox};

struct G {
    sb: Sandbox,
    gcp: &'static Gcp,
    /// This test's project id.
    project: String,
}

impl G {
    fn new() -> Option<G> {
        let gcp = gcp()?;
        let sb = Sandbox::new();
        let project = format!("p-{}", sb.unique().to_lowercase());
        Some(G { sb, gcp, project })
    }

    /// fnox as the service account with every permission.
    fn run(&self, args: &[&str]) -> Output {
        self.run_env(&self.gcp.env(), args)
    }

    /// fnox with exactly these Google settings (HOME, PATH and LANG come from the sandbox).
    fn run_env(&self, env: &[(&str, String)], args: &[&str]) -> Output {
        let mut cmd = self.sb.fnox();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut out = self.sb.output(cmd.args(args));
        for text in [&mut out.stdout, &mut out.stderr] {
            let mut t = text.replace(&self.project, "[P]");
            for (path, label) in [
                (&self.gcp.sa_no_access, "[SA_NO_ACCESS]"),
                (&self.gcp.sa, "[SA]"),
            ] {
                t = t.replace(&path.display().to_string(), label);
            }
            *text = t.replace(&self.gcp.url, "[GCP]");
        }
        out
    }

    fn sdk(&self, args: &[&str]) -> String {
        self.gcp.sdk(args, &[])
    }

    fn providers(&self, extra: &str) -> String {
        format!(
            "[providers]\ngsm = {{ type = \"gcp-sm\", project = \"{p}\" }}\n{extra}\n[secrets]\n",
            p = self.project
        )
    }
}

#[test]
fn the_official_sdk_works_against_the_standin() {
    let Some(g) = gcp() else { return };
    assert_eq!(
        g.sdk_selftest,
        "ok secret-manager kms jwt-bearer authorized-user"
    );
}

#[test]
fn sm_reads_the_latest_version_the_sdk_wrote_with_a_prefix() {
    let Some(g) = G::new() else { return };
    g.sdk(&["sm-add", &g.project, "app-db", "first"]);
    g.sdk(&["sm-add", &g.project, "app-db", "second"]);
    g.sdk(&["sm-add", &g.project, "API_KEY", "sk_live_1"]);
    g.sb.write(
        "fnox.toml",
        &format!(
            "{}DB = {{ provider = \"app\", value = \"db\" }}\nKEY = {{ provider = \"gsm\", value = \"API_KEY\" }}\n",
            g.providers(&format!(
                "app = {{ type = \"gcp-sm\", project = \"{}\", prefix = \"app-\" }}",
                g.project
            ))
        ),
    );
    assert_eq!(g.run(&["get", "DB"]).ok(), "second\n");
    let env = g.run(&["exec", "--", "env"]);
    assert!(env.ok().contains("DB=second\n"));
    assert!(env.ok().contains("KEY=sk_live_1\n"));
}

#[test]
fn sm_reads_a_pinned_version_and_refuses_to_write_one() {
    let Some(g) = G::new() else { return };
    g.sdk(&["sm-add", &g.project, "token", "v-one"]);
    g.sdk(&["sm-add", &g.project, "token", "v-two"]);
    g.sb.write(
        "fnox.toml",
        &format!(
            "{}OLD = {{ provider = \"gsm\", value = \"token/1\" }}\nNEW = {{ provider = \"gsm\", value = \"token/latest\" }}\nGONE = {{ provider = \"gsm\", value = \"token/9\" }}\nBAD = {{ provider = \"gsm\", value = \"token/v1\" }}\n",
            g.providers("")
        ),
    );
    assert_eq!(g.run(&["get", "OLD"]).ok(), "v-one\n");
    assert_eq!(g.run(&["get", "NEW"]).ok(), "v-two\n");
    assert_snapshot!(g.run(&["get", "GONE"]).fails(1), @"
    error[fnox::provider::secret_not_found]: cannot fetch GONE (secrets.GONE in ./fnox.toml:7, provider 'gsm')
      caused by: GCP Secret Manager: version 9 of secret 'token' not found in project '[P]'
      hint: check the version (`gcloud secrets versions list ID`), or drop `/VERSION` to read the latest
    ");
    assert_snapshot!(g.run(&["get", "BAD"]).fails(1), @"
    error[fnox::provider::invalid_config]: cannot fetch BAD (secrets.BAD in ./fnox.toml:8, provider 'gsm')
      caused by: GCP Secret Manager: 'v1' in 'token/v1' is not a secret version (a number, or `latest`)
      hint: write the reference as `ID` (the latest version) or `ID/VERSION`, e.g. `database-url/3`
    ");
    assert_snapshot!(g.run(&["set", "-p", "gsm", "X", "x", "-k", "token/1"]).fails(1), @"
    error[fnox::provider::invalid_config]: cannot store X in provider 'gsm'
      caused by: GCP Secret Manager: 'token/1' pins a version, and a version cannot be written
      caused by: writing secrets.X in ./fnox.toml
      hint: set the secret by its id alone (`token`): `set` adds a new version
    ");
    assert_eq!(g.sdk(&["sm-get", &g.project, "token"]), "v-two");
}

#[test]
fn sm_set_creates_the_secret_then_adds_versions_the_sdk_reads() {
    let Some(g) = G::new() else { return };
    g.sb.write("fnox.toml", &g.providers(""));
    g.run(&["set", "-p", "gsm", "DATABASE_URL", "postgres://one"])
        .ok();
    assert_eq!(
        g.sdk(&["sm-get", &g.project, "DATABASE_URL"]),
        "postgres://one"
    );
    g.run(&["set", "DATABASE_URL", "postgres://two"]).ok();
    assert_eq!(
        g.sdk(&["sm-get", &g.project, "DATABASE_URL"]),
        "postgres://two"
    );
    assert_eq!(g.run(&["get", "DATABASE_URL"]).ok(), "postgres://two\n");
    assert_snapshot!(g.sb.read("fnox.toml").lines().last().unwrap(), @r#"DATABASE_URL= { provider = "gsm", value = "DATABASE_URL" }"#);
    // An id Secret Manager would refuse is refused before any request.
    let out = g.run(&["set", "-p", "gsm", "A", "x", "-k", "a.b"]);
    assert_snapshot!(out.fails(1), @"
    error[fnox::provider::invalid_config]: cannot store A in provider 'gsm'
      caused by: GCP Secret Manager: 'a.b' is not a Secret Manager secret id (1-255 letters, digits, '-' and '_')
      caused by: writing secrets.A in ./fnox.toml
      hint: name the secret with letters, digits, '-' and '_', e.g. `fnox set DATABASE_URL --key-name database-url`
    ");
}

#[test]
fn sm_batch_reads_each_secret_once_concurrently_on_one_token() {
    let Some(g) = G::new() else { return };
    let mut config = g.providers("");
    let pairs: Vec<String> = (0..30).map(|i| format!("s{i}=value {i}")).collect();
    let mut args = vec!["sm-add-many", g.project.as_str()];
    args.extend(pairs.iter().map(String::as_str));
    g.sdk(&args);
    for i in 0..30 {
        config.push_str(&format!(
            "S{i} = {{ provider = \"gsm\", value = \"s{i}\" }}\n"
        ));
    }
    config.push_str("AGAIN = { provider = \"gsm\", value = \"s7\" }\n");
    g.sb.write("fnox.toml", &config);
    let before = g.gcp.stats(&g.project);
    let out = g.run(&["exec", "--", "env"]);
    for i in 0..30 {
        assert!(out.ok().contains(&format!("S{i}=value {i}\n")), "S{i}");
    }
    assert!(out.ok().contains("AGAIN=value 7\n"));
    let stats = g.gcp.stats(&g.project);
    let count = |s: &serde_json::Value, k: &str| s[k].as_u64().unwrap();
    assert_eq!(
        count(&stats, "requests") - count(&before, "requests"),
        30,
        "{stats}"
    );
    assert_eq!(
        count(&stats, "tokens") - count(&before, "tokens"),
        1,
        "{stats}"
    );
    let most = count(&stats, "max_in_flight");
    assert!((2..=16).contains(&most), "{stats}");
}

#[test]
fn sm_missing_secret_is_not_found_and_the_others_still_resolve() {
    let Some(g) = G::new() else { return };
    g.sdk(&["sm-add", &g.project, "present", "here"]);
    g.sb.write(
        "fnox.toml",
        &format!(
            "{}HERE = {{ provider = \"gsm\", value = \"present\" }}\nGONE = {{ provider = \"gsm\", value = \"absent\" }}\n",
            g.providers("")
        ),
    );
    assert_snapshot!(g.run(&["get", "GONE"]).fails(1), @"
    error[fnox::provider::secret_not_found]: cannot fetch GONE (secrets.GONE in ./fnox.toml:6, provider 'gsm')
      caused by: GCP Secret Manager: secret 'absent' not found in project '[P]'
      hint: check the name, the provider's `project` and `prefix`, or create it with `fnox set`
    ");
    assert_eq!(g.run(&["get", "HERE"]).ok(), "here\n");
}

#[test]
fn sm_access_denied_names_the_identity_and_the_credential_settings() {
    let Some(g) = G::new() else { return };
    g.sb.write(
        "fnox.toml",
        &format!(
            "{}A = {{ provider = \"gsm\", value = \"a\" }}\n",
            g.providers("")
        ),
    );
    let out = g.run_env(&g.gcp.env_with(&g.gcp.sa_no_access), &["get", "A"]);
    assert_snapshot!(out.fails(1), @"
    error[fnox::provider::auth_failed]: cannot fetch A (secrets.A in ./fnox.toml:5, provider 'gsm')
      caused by: GCP Secret Manager: access denied to secret 'a' for service account fnox-no-access@fnox-test.iam.gserviceaccount.com (GOOGLE_APPLICATION_CREDENTIALS) (PERMISSION_DENIED: Permission 'secretmanager.versions.access' denied for resource 'projects/[P]/secrets/a/versions/latest' (or it may not exist).)
      hint: grant that identity a role on the project or resource (Secret Manager Secret Accessor / Version Adder for secrets, Cloud KMS CryptoKey Encrypter/Decrypter for keys), or use another one: point GOOGLE_APPLICATION_CREDENTIALS at a service account key file, or run `gcloud auth application-default login`
    ");
}

#[test]
fn sm_unreachable_endpoint_says_which_setting_names_it() {
    let Some(g) = G::new() else { return };
    g.sb.write(
        "fnox.toml",
        &format!(
            "{}A = {{ provider = \"gsm\", value = \"a\" }}\n",
            g.providers("")
        ),
    );
    let mut env = g.gcp.env();
    let closed = format!("https://127.0.0.1:{}", free_port());
    env.retain(|(k, _)| *k != "FNOX_GCP_SECRETMANAGER_ENDPOINT");
    env.push(("FNOX_GCP_SECRETMANAGER_ENDPOINT", closed.clone()));
    let out = g.run_env(&env, &["get", "A"]);
    assert_snapshot!(out.fails(1).replace(&closed, "[CLOSED]"), @"
    error[fnox::provider::api_error]: cannot fetch A (secrets.A in ./fnox.toml:5, provider 'gsm')
      caused by: GCP Secret Manager: cannot reach [CLOSED] for secret 'a' (Connection refused (os error 111))
      hint: check the network, and FNOX_GCP_SECRETMANAGER_ENDPOINT if it is set (unset, fnox uses https://secretmanager.googleapis.com)
    ");
}

#[test]
fn sm_reads_with_the_gcloud_application_default_login() {
    let Some(g) = G::new() else { return };
    g.sdk(&["sm-add", &g.project, "adc", "from the user login"]);
    g.sb.write(
        "fnox.toml",
        &format!(
            "{}A = {{ provider = \"gsm\", value = \"adc\" }}\n",
            g.providers("")
        ),
    );
    let mut env = g.gcp.env();
    env.retain(|(k, _)| *k != "GOOGLE_APPLICATION_CREDENTIALS");
    // Without gcloud's file there are no credentials at all.
    assert_snapshot!(g.run_env(&env, &["get", "A"]).fails(1), @"
    error[fnox::provider::auth_failed]: cannot fetch A (secrets.A in ./fnox.toml:5, provider 'gsm')
      caused by: GCP Secret Manager: no Google Cloud credentials (GOOGLE_APPLICATION_CREDENTIALS is not set and there is no [HOME]/.config/gcloud/application_default_credentials.json)
      hint: point GOOGLE_APPLICATION_CREDENTIALS at a service account key file, or run `gcloud auth application-default login`
    ");
    g.sb.write_home(
        ".config/gcloud/application_default_credentials.json",
        &std::fs::read_to_string(&g.gcp.adc).unwrap(),
    );
    assert_eq!(g.run_env(&env, &["get", "A"]).ok(), "from the user login\n");
    let test = g.run_env(&env, &["provider", "test", "gsm"]);
    assert_snapshot!(test.all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider gsm connection successful: Secret Manager at [GCP] lets the gcloud application-default login read the secrets of project '[P]'
    ");
}

#[test]
fn sm_provider_test_and_doctor_use_the_check() {
    let Some(g) = G::new() else { return };
    g.sb.write("fnox.toml", &g.providers(""));
    assert_snapshot!(g.run(&["provider", "test", "gsm"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider gsm connection successful: Secret Manager at [GCP] lets service account fnox-tests@fnox-test.iam.gserviceaccount.com (GOOGLE_APPLICATION_CREDENTIALS) read the secrets of project '[P]'
    ");
    let doctor = g.run(&["doctor"]);
    let health: Vec<&str> = doctor
        .stdout
        .lines()
        .skip_while(|l| *l != "Provider health:")
        .take(2)
        .collect();
    assert_snapshot!(health.join("\n"), @"
    Provider health:
      ✓ gsm: Secret Manager at [GCP] lets service account fnox-tests@fnox-test.iam.gserviceaccount.com (GOOGLE_APPLICATION_CREDENTIALS) read the secrets of project '[P]'
    ");
    let denied = g.run_env(
        &g.gcp.env_with(&g.gcp.sa_no_access),
        &["provider", "test", "gsm"],
    );
    assert_snapshot!(denied.fails(1), @"
    error[fnox::provider::auth_failed]: provider 'gsm' failed its test
      caused by: GCP Secret Manager: access denied to a probe secret (fnox-connection-check) for service account fnox-no-access@fnox-test.iam.gserviceaccount.com (GOOGLE_APPLICATION_CREDENTIALS) (PERMISSION_DENIED: Permission 'secretmanager.versions.access' denied for resource 'projects/[P]/secrets/fnox-connection-check/versions/latest' (or it may not exist).)
      hint: grant that identity a role on the project or resource (Secret Manager Secret Accessor / Version Adder for secrets, Cloud KMS CryptoKey Encrypter/Decrypter for keys), or use another one: point GOOGLE_APPLICATION_CREDENTIALS at a service account key file, or run `gcloud auth application-default login`
    ");
}

impl G {
    /// Creates this test's key ring and key with the SDK; returns the key's resource name.
    fn create_key(&self) -> String {
        self.sdk(&["kms-create", &self.project, "global", "ring", "fnox-key"])
            .trim()
            .to_owned()
    }

    fn kms_providers(&self) -> String {
        self.providers(&format!(
            "kms = {{ type = \"gcp-kms\", project = \"{}\", location = \"global\", keyring = \"ring\", key = \"fnox-key\" }}",
            self.project
        ))
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
fn kms_values_interoperate_with_the_official_sdk_both_ways() {
    let Some(g) = G::new() else { return };
    let key = g.create_key();
    g.sb.write("fnox.toml", &g.kms_providers());
    g.run(&["set", "-p", "kms", "TOKEN", "s3cr3t value ✓"]).ok();
    let stored = value_of(&g.sb.read("fnox.toml"), "TOKEN");
    assert!(!stored.contains("s3cr3t"));
    assert_eq!(g.run(&["get", "TOKEN"]).ok(), "s3cr3t value ✓\n");
    // What fnox encrypted, the SDK decrypts; what the SDK encrypted (standard base64 of the
    // ciphertext, as upstream stores it), fnox decrypts.
    assert_eq!(g.sdk(&["kms-decrypt", &key, &stored]), "s3cr3t value ✓");
    let from_sdk = g.sdk(&["kms-encrypt", &key, "from the SDK"]);
    g.sb.add_secret_line(&format!(
        "SDK = {{ provider = \"kms\", value = \"{}\" }}",
        from_sdk.trim()
    ));
    assert_eq!(g.run(&["get", "SDK"]).ok(), "from the SDK\n");
    let doctor = g.run(&["doctor"]);
    let health: Vec<&str> = doctor
        .stdout
        .lines()
        .skip_while(|l| *l != "Provider health:")
        .take(3)
        .collect();
    assert_snapshot!(health.join("\n"), @"
    Provider health:
      ✓ gsm: Secret Manager at [GCP] lets service account fnox-tests@fnox-test.iam.gserviceaccount.com (GOOGLE_APPLICATION_CREDENTIALS) read the secrets of project '[P]'
      ✓ kms: key projects/[P]/locations/global/keyRings/ring/cryptoKeys/fnox-key at [GCP] is an enabled symmetric key (primary version 1), used by service account fnox-tests@fnox-test.iam.gserviceaccount.com (GOOGLE_APPLICATION_CREDENTIALS)
    ");
}

#[test]
fn kms_batch_decrypts_concurrently_on_one_token_and_a_bad_value_fails_alone() {
    let Some(g) = G::new() else { return };
    let key = g.create_key();
    let mut config = g.kms_providers();
    for i in 0..20 {
        let ct = g.sdk(&["kms-encrypt", &key, &format!("value {i}")]);
        config.push_str(&format!(
            "S{i} = {{ provider = \"kms\", value = \"{}\" }}\n",
            ct.trim()
        ));
    }
    // Valid base64 that is no ciphertext of this key, and a value that is not base64 at all.
    config.push_str(
        "FORGED = { provider = \"kms\", value = \"bm90IGEgY2lwaGVydGV4dCBvZiB0aGlzIGtleQ==\" }\n",
    );
    config.push_str("MANGLED = { provider = \"kms\", value = \"not base64!\" }\n");
    g.sb.write("fnox.toml", &config);
    let before = g.gcp.stats(&g.project);
    let out = g.run(&["exec", "--", "env"]);
    for i in 0..20 {
        assert!(out.ok().contains(&format!("S{i}=value {i}\n")), "S{i}");
    }
    // The bad values are left out with a warning each; the others all resolve.
    assert_snapshot!(out.stderr, @r#"
    warning: cannot decrypt FORGED (secrets.FORGED in ./fnox.toml:25, provider 'kms'): GCP KMS: key projects/[P]/locations/global/keyRings/ring/cryptoKeys/fnox-key could not decrypt the value (INVALID_ARGUMENT: Decryption failed: the ciphertext is invalid.) (left out; if_missing = "warn")
    warning: cannot decrypt MANGLED (secrets.MANGLED in ./fnox.toml:26, provider 'kms'): GCP KMS: Failed to decode base64 ciphertext (left out; if_missing = "warn")
    "#);
    let stats = g.gcp.stats(&g.project);
    let count = |s: &serde_json::Value, k: &str| s[k].as_u64().unwrap();
    assert_eq!(
        count(&stats, "requests") - count(&before, "requests"),
        21,
        "{stats}"
    );
    assert_eq!(
        count(&stats, "tokens") - count(&before, "tokens"),
        1,
        "{stats}"
    );
    assert!(
        (2..=16).contains(&count(&stats, "max_in_flight")),
        "{stats}"
    );
    assert_snapshot!(g.run(&["get", "MANGLED"]).fails(1), @"
    error[fnox::encryption::decrypt_failed]: cannot decrypt MANGLED (secrets.MANGLED in ./fnox.toml:26, provider 'kms')
      caused by: GCP KMS: Failed to decode base64 ciphertext
      hint: check that the value was encrypted with this key (`project`, `location`, `keyring`, `key`), or set it again with `fnox set`
    ");
}

#[test]
fn kms_values_survive_key_rotation_and_reencrypt_moves_them_to_the_new_primary() {
    let Some(g) = G::new() else { return };
    let key = g.create_key();
    g.sb.write("fnox.toml", &g.kms_providers());
    g.run(&["set", "-p", "kms", "OLD", "sealed before rotation"])
        .ok();
    g.sdk(&["kms-rotate", &key]);
    g.run(&["set", "-p", "kms", "NEW", "sealed after"]).ok();
    assert_eq!(g.run(&["get", "OLD"]).ok(), "sealed before rotation\n");
    assert_eq!(g.run(&["get", "NEW"]).ok(), "sealed after\n");
    let stale = g.run(&["list", "--stale"]);
    assert!(
        stale.all().contains("OLD") && !stale.all().contains("NEW"),
        "{}",
        stale.all()
    );
    g.run(&["reencrypt", "--force"]).ok();
    let stale = g.run(&["list", "--stale"]);
    assert!(!stale.all().contains("OLD"), "{}", stale.all());
    assert_eq!(g.run(&["get", "OLD"]).ok(), "sealed before rotation\n");
}

#[test]
fn reencrypt_moves_values_between_gcp_kms_and_age_both_ways() {
    let Some(g) = G::new() else { return };
    g.create_key();
    let age = format!(
        "age = {{ type = \"age\", recipients = [\"{}\"] }}\n{}",
        crate::support::TEST_PUBLIC_KEY,
        g.kms_providers().trim_start_matches("[providers]\n")
    );
    g.sb.write("fnox.toml", &format!("[providers]\n{age}"));
    g.run(&["set", "-p", "age", "A", "alpha"]).ok();
    g.run(&["set", "-p", "kms", "B", "beta"]).ok();
    g.run(&["reencrypt", "--force", "--to", "kms", "A"]).ok();
    g.run(&["reencrypt", "--force", "--to", "age", "B"]).ok();
    let text = g.sb.read("fnox.toml");
    assert!(text.contains("A= { provider = \"kms\""), "{text}");
    assert!(text.contains("B= { provider = \"age\""), "{text}");
    // Google's client decrypts what fnox moved to Cloud KMS.
    let key = format!(
        "projects/{}/locations/global/keyRings/ring/cryptoKeys/fnox-key",
        g.project
    );
    assert_eq!(
        g.sdk(&["kms-decrypt", &key, &value_of(&text, "A")]),
        "alpha"
    );
    assert_eq!(g.run(&["get", "A"]).ok(), "alpha\n");
    assert_eq!(g.run(&["get", "B"]).ok(), "beta\n");
}

#[test]
fn kms_missing_key_and_access_denied_say_what_to_fix() {
    let Some(g) = G::new() else { return };
    g.sb.write("fnox.toml", &g.kms_providers());
    assert_snapshot!(g.run(&["set", "-p", "kms", "A", "x"]).fails(1), @"
    error[fnox::provider::invalid_config]: cannot encrypt A with provider 'kms'
      caused by: GCP KMS: key projects/[P]/locations/global/keyRings/ring/cryptoKeys/fnox-key does not exist (NOT_FOUND: CryptoKey projects/[P]/locations/global/keyRings/ring/cryptoKeys/fnox-key not found.)
      caused by: writing secrets.A in ./fnox.toml
      hint: check the provider's `project`, `location`, `keyring` and `key`, or create it with `gcloud kms keys create KEY --keyring KEYRING --location LOCATION --purpose encryption`
    ");
    assert_snapshot!(g.run(&["provider", "test", "kms"]).fails(1), @"
    error[fnox::provider::invalid_config]: provider 'kms' failed its test
      caused by: GCP KMS: key projects/[P]/locations/global/keyRings/ring/cryptoKeys/fnox-key does not exist (NOT_FOUND: CryptoKey projects/[P]/locations/global/keyRings/ring/cryptoKeys/fnox-key not found.)
      hint: check the provider's `project`, `location`, `keyring` and `key`, or create it with `gcloud kms keys create KEY --keyring KEYRING --location LOCATION --purpose encryption`
    ");
    g.create_key();
    let denied = g.run_env(
        &g.gcp.env_with(&g.gcp.sa_no_access),
        &["set", "-p", "kms", "A", "x"],
    );
    assert_snapshot!(denied.fails(1), @"
    error[fnox::provider::auth_failed]: cannot encrypt A with provider 'kms'
      caused by: GCP KMS: access denied to encryption with key projects/[P]/locations/global/keyRings/ring/cryptoKeys/fnox-key for service account fnox-no-access@fnox-test.iam.gserviceaccount.com (GOOGLE_APPLICATION_CREDENTIALS) (PERMISSION_DENIED: Permission 'cloudkms.cryptoKeyVersions.useToEncrypt' denied for resource 'projects/[P]/locations/global/keyRings/ring/cryptoKeys/fnox-key' (or it may not exist).)
      caused by: writing secrets.A in ./fnox.toml
      hint: grant that identity a role on the project or resource (Secret Manager Secret Accessor / Version Adder for secrets, Cloud KMS CryptoKey Encrypter/Decrypter for keys), or use another one: point GOOGLE_APPLICATION_CREDENTIALS at a service account key file, or run `gcloud auth application-default login`
    ");
}

#[test]
fn kms_unreachable_endpoint_says_which_setting_names_it() {
    let Some(g) = G::new() else { return };
    g.sb.write("fnox.toml", &g.kms_providers());
    let closed = format!("https://127.0.0.1:{}", free_port());
    let mut env = g.gcp.env();
    env.retain(|(k, _)| *k != "FNOX_GCP_KMS_ENDPOINT");
    env.push(("FNOX_GCP_KMS_ENDPOINT", closed.clone()));
    let out = g.run_env(&env, &["set", "-p", "kms", "A", "x"]);
    assert_snapshot!(out.fails(1).replace(&closed, "[CLOSED]"), @"
    error[fnox::provider::api_error]: cannot encrypt A with provider 'kms'
      caused by: GCP KMS: cannot reach [CLOSED] for encryption with key projects/[P]/locations/global/keyRings/ring/cryptoKeys/fnox-key (Connection refused (os error 111))
      caused by: writing secrets.A in ./fnox.toml
      hint: check the network, and FNOX_GCP_KMS_ENDPOINT if it is set (unset, fnox uses https://cloudkms.googleapis.com)
    ");
    // An address that is not https is refused before any request.
    env.push(("FNOX_GCP_KMS_ENDPOINT", "http://127.0.0.1:1".to_owned()));
    let out = g.run_env(&env, &["set", "-p", "kms", "A", "x"]);
    assert_snapshot!(out.fails(1), @"
    error[fnox::provider::invalid_config]: cannot encrypt A with provider 'kms'
      caused by: GCP KMS: FNOX_GCP_KMS_ENDPOINT is not an https URL (http://127.0.0.1:1)
      caused by: writing secrets.A in ./fnox.toml
      hint: unset it for Google's own address (https://cloudkms.googleapis.com), or set an https URL such as https://HOST:PORT
    ");
}
