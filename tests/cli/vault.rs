//! vault (KV) and vault-transit against an OpenBao dev server on loopback. The server is shared
//! by every test, so each test works under names unique to it.

use insta::assert_snapshot;
use serde_json::{json, Value};

use crate::support::openbao::{openbao, openbao_sealed, openbao_tls, Bao, ROOT_TOKEN};
use crate::support::{Output, Sandbox};

/// A sandbox whose fnox talks to the shared OpenBao, plus a name unique to this test.
struct Vault {
    sb: Sandbox,
    bao: &'static Bao,
    unique: String,
}

impl Vault {
    fn new() -> Option<Vault> {
        let bao = openbao()?;
        let sb = Sandbox::new();
        let unique = sb.unique();
        Some(Vault { sb, bao, unique })
    }

    /// fnox with VAULT_ADDR and VAULT_TOKEN pointing at the server.
    fn run(&self, args: &[&str]) -> Output {
        self.run_env(
            &[("VAULT_ADDR", &self.bao.addr), ("VAULT_TOKEN", ROOT_TOKEN)],
            args,
        )
    }

    fn run_env(&self, env: &[(&str, &str)], args: &[&str]) -> Output {
        let mut cmd = self.sb.fnox();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut out = self.sb.output(cmd.args(args));
        for text in [&mut out.stdout, &mut out.stderr] {
            *text = text
                .replace(&self.bao.addr, "[BAO]")
                .replace(&self.unique, "[U]");
        }
        out
    }

    /// A transit key unique to this test.
    fn transit_key(&self, label: &str) -> String {
        let key = format!("{}-{label}", self.unique);
        self.bao
            .api("POST", &format!("transit/keys/{key}"), Some(json!({})));
        key
    }

    /// Encrypts many values with Transit's API (not fnox) in one call.
    fn transit_encrypt(&self, key: &str, plaintexts: &[String]) -> Vec<String> {
        use base64::Engine;
        let input: Vec<Value> = plaintexts
            .iter()
            .map(|p| json!({"plaintext": base64::engine::general_purpose::STANDARD.encode(p)}))
            .collect();
        let reply = self.bao.api(
            "POST",
            &format!("transit/encrypt/{key}"),
            Some(json!({ "batch_input": input })),
        );
        reply["data"]["batch_results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["ciphertext"].as_str().unwrap().to_owned())
            .collect()
    }
}

fn kv_provider(path: &str) -> String {
    format!("[providers]\nvault = {{ type = \"vault\", path = \"{path}\" }}\n\n[secrets]\n")
}

/// The `value = "…"` of the only secret in a config.
fn stored_value(text: &str) -> String {
    text.rsplit("value = \"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn kv_reads_the_default_field_the_upstream_field_form_and_hash_fields() {
    let Some(v) = Vault::new() else { return };
    let u = &v.unique;
    v.bao
        .kv_put(&format!("{u}/api-key"), json!({"value": "sk_live_1"}));
    v.bao.kv_put(
        &format!("{u}/database"),
        json!({"url": "postgres://h/db", "password": "pw 1"}),
    );
    v.bao.kv_put(
        &format!("{u}/nested/db"),
        json!({"password": "deep", "port": 5432}),
    );
    v.sb.write(
        "fnox.toml",
        &format!(
            "{}API_KEY = {{ provider = \"vault\", value = \"api-key\" }}\n\
             DATABASE_URL = {{ provider = \"vault\", value = \"database/url\" }}\n\
             DB_PASSWORD = {{ provider = \"vault\", value = \"database#password\" }}\n\
             DEEP = {{ provider = \"vault\", value = \"nested/db#password\" }}\n\
             PORT = {{ provider = \"vault\", value = \"nested/db#port\" }}\n",
            kv_provider(&format!("secret/{u}"))
        ),
    );
    assert_eq!(v.run(&["get", "API_KEY"]).ok(), "sk_live_1\n");
    assert_eq!(v.run(&["get", "DATABASE_URL"]).ok(), "postgres://h/db\n");
    let env = v.run(&["exec", "--", "env"]);
    let env = env.ok();
    for line in [
        "API_KEY=sk_live_1\n",
        "DATABASE_URL=postgres://h/db\n",
        "DB_PASSWORD=pw 1\n",
        "DEEP=deep\n",
        "PORT=5432\n",
    ] {
        assert!(env.contains(line), "{line}");
    }
}

#[test]
fn kv_token_comes_from_the_provider_fnox_variable_or_vault_token_file() {
    let Some(v) = Vault::new() else { return };
    let u = &v.unique;
    v.bao.kv_put(&format!("{u}/t"), json!({"value": "tok-ok"}));
    let base = format!("secret/{u}");
    v.sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nvault = {{ type = \"vault\", address = \"{}\", path = \"{base}\", token = \"{ROOT_TOKEN}\" }}\n[secrets]\nT = {{ provider = \"vault\", value = \"t\" }}\n",
            v.bao.addr
        ),
    );
    // The provider's token wins over a bad VAULT_TOKEN.
    assert_eq!(
        v.run_env(&[("VAULT_TOKEN", "bad")], &["get", "T"]).ok(),
        "tok-ok\n"
    );
    v.sb.write(
        "fnox.toml",
        &format!(
            "{}T = {{ provider = \"vault\", value = \"t\" }}\n",
            kv_provider(&base)
        ),
    );
    let addr = v.bao.addr.as_str();
    // FNOX_VAULT_TOKEN wins over VAULT_TOKEN, FNOX_VAULT_ADDR over VAULT_ADDR.
    let out = v.run_env(
        &[
            ("FNOX_VAULT_ADDR", addr),
            ("VAULT_ADDR", "http://127.0.0.1:9"),
            ("FNOX_VAULT_TOKEN", ROOT_TOKEN),
            ("VAULT_TOKEN", "bad"),
        ],
        &["get", "T"],
    );
    assert_eq!(out.ok(), "tok-ok\n");
    // A provider-scoped login command, given the address.
    v.sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nvault = {{ type = \"vault\", address = \"{addr}\", path = \"{base}\", credential_command = \"test \\\"$VAULT_ADDR\\\" = '{{{{ address }}}}' && echo {ROOT_TOKEN}\" }}\n[secrets]\nT = {{ provider = \"vault\", value = \"t\" }}\n"
        ),
    );
    assert_eq!(v.run_env(&[], &["get", "T"]).ok(), "tok-ok\n");
    v.sb.write(
        "fnox.toml",
        &format!(
            "{}T = {{ provider = \"vault\", value = \"t\" }}\n",
            kv_provider(&base)
        ),
    );
    // `vault login` leaves the token in ~/.vault-token.
    v.sb.write_home(".vault-token", &format!("{ROOT_TOKEN}\n"));
    assert_eq!(
        v.run_env(&[("VAULT_ADDR", addr)], &["get", "T"]).ok(),
        "tok-ok\n"
    );
}

#[test]
fn kv_set_writes_a_new_version_and_keeps_the_other_fields() {
    let Some(v) = Vault::new() else { return };
    let u = &v.unique;
    v.bao.kv_put(
        &format!("{u}/db"),
        json!({"user": "app", "password": "old"}),
    );
    v.sb.write("fnox.toml", &kv_provider(&format!("secret/{u}")));
    v.run(&[
        "set",
        "DB_PASSWORD",
        "new pw",
        "-p",
        "vault",
        "--key-name",
        "db#password",
    ])
    .ok();
    let (data, version) = v.bao.kv_get(&format!("{u}/db"));
    assert_eq!(data, json!({"user": "app", "password": "new pw"}));
    assert_eq!(version, 2);
    assert!(v
        .sb
        .read("fnox.toml")
        .contains("DB_PASSWORD= { provider = \"vault\", value = \"db#password\" }"));
    assert_eq!(v.run(&["get", "DB_PASSWORD"]).ok(), "new pw\n");

    // A new secret: the whole value under `value`, readable by the bao CLI.
    v.run(&["set", "STRIPE_KEY", "sk_1", "-p", "vault"]).ok();
    let path = format!("secret/{u}/STRIPE_KEY");
    assert_eq!(v.bao.cli(&["kv", "get", "-field=value", &path]), "sk_1");
    v.run(&["set", "STRIPE_KEY", "sk_2", "-p", "vault"]).ok();
    let (data, version) = v.bao.kv_get(&format!("{u}/STRIPE_KEY"));
    assert_eq!((data, version), (json!({"value": "sk_2"}), 2));
    assert_eq!(v.run(&["get", "STRIPE_KEY"]).ok(), "sk_2\n");
}

#[test]
fn kv_v1_mounts_read_and_write_too() {
    let Some(v) = Vault::new() else { return };
    let u = &v.unique;
    v.bao.api(
        "POST",
        &format!("kv1/{u}/a"),
        Some(json!({"value": "one", "x": "y"})),
    );
    v.sb.write(
        "fnox.toml",
        &format!(
            "{}A = {{ provider = \"vault\", value = \"a\" }}\n",
            kv_provider(&format!("kv1/{u}"))
        ),
    );
    assert_eq!(v.run(&["get", "A"]).ok(), "one\n");
    v.run(&["set", "A", "two", "-p", "vault", "--key-name", "a"])
        .ok();
    let reply = v.bao.api("GET", &format!("kv1/{u}/a"), None);
    assert_eq!(reply["data"], json!({"value": "two", "x": "y"}));
    assert!(v
        .run(&["provider", "test", "vault"])
        .stderr
        .contains("KV v1 mount kv1/"));
}

#[test]
fn kv_missing_secret_is_not_found_and_names_the_path() {
    let Some(v) = Vault::new() else { return };
    let u = &v.unique;
    v.bao.kv_put(&format!("{u}/here"), json!({"value": "here"}));
    v.sb.write(
        "fnox.toml",
        &format!(
            "{}GONE = {{ provider = \"vault\", value = \"gone#password\" }}\nHERE = {{ provider = \"vault\", value = \"here\" }}\n",
            kv_provider(&format!("secret/{u}"))
        ),
    );
    assert_snapshot!(v.run(&["get", "GONE"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::secret_not_found]: cannot fetch GONE (secrets.GONE in ./fnox.toml:5, provider 'vault')
      caused by: HashiCorp Vault: secret 'secret/[U]/gone' not found
      hint: check the reference and the provider's `path` (secret/[U]), or create it with `fnox set`
    ");
    // The others still resolve.
    let out = v.run(&["exec", "--", "sh", "-c", "printf %s \"$HERE\""]);
    assert_eq!(out.ok(), "here");
    assert!(out.stderr.contains("GONE"), "{}", out.stderr);
}

#[test]
fn kv_missing_field_lists_the_field_names_never_their_values() {
    let Some(v) = Vault::new() else { return };
    let u = &v.unique;
    v.bao.kv_put(
        &format!("{u}/db"),
        json!({"user": "app-user", "password": "hunter2"}),
    );
    v.sb.write(
        "fnox.toml",
        &format!(
            "{}PW = {{ provider = \"vault\", value = \"db#pasword\" }}\n",
            kv_provider(&format!("secret/{u}"))
        ),
    );
    let out = v.run(&["get", "PW"]).all();
    assert!(
        !out.contains("hunter2") && !out.contains("app-user"),
        "{out}"
    );
    assert_snapshot!(out, @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::secret_not_found]: cannot fetch PW (secrets.PW in ./fnox.toml:5, provider 'vault')
      caused by: HashiCorp Vault: secret secret/[U]/db has no field 'pasword'; its fields: password, user
      hint: select a field with `value = "NAME#FIELD"`
    "#);
}

#[test]
fn kv_bad_or_missing_token_is_access_denied_with_a_login_hint() {
    let Some(v) = Vault::new() else { return };
    let u = &v.unique;
    v.sb.write(
        "fnox.toml",
        &format!(
            "{}X = {{ provider = \"vault\", value = \"x\" }}\n",
            kv_provider(&format!("secret/{u}"))
        ),
    );
    let addr = v.bao.addr.as_str();
    let out = v.run_env(
        &[("VAULT_ADDR", addr), ("VAULT_TOKEN", "not-a-token")],
        &["get", "X"],
    );
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot fetch X (secrets.X in ./fnox.toml:5, provider 'vault')
      caused by: HashiCorp Vault: Vault denied access to secret secret/[U]/x (permission denied): the token is invalid or expired, or its policies do not allow this
      hint: set VAULT_TOKEN (or the provider's `token`), or run `vault login`, which writes ~/.vault-token
    ");
    let out = v.run_env(&[("VAULT_ADDR", addr)], &["get", "X"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot fetch X (secrets.X in ./fnox.toml:5, provider 'vault')
      caused by: HashiCorp Vault: no Vault token found
      hint: set VAULT_TOKEN (or the provider's `token`), or run `vault login`, which writes ~/.vault-token
    ");
    let out = v.run_env(
        &[("VAULT_ADDR", addr), ("VAULT_TOKEN", "not-a-token")],
        &["provider", "test", "vault"],
    );
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: provider 'vault' failed its test
      caused by: HashiCorp Vault: Vault denied access to the token's own details (auth/token/lookup-self) (permission denied): the token is invalid or expired, or its policies do not allow this
      hint: set VAULT_TOKEN (or the provider's `token`), or run `vault login`, which writes ~/.vault-token
    ");
}

#[test]
fn kv_unreachable_address_and_no_address_say_what_to_check() {
    let Some(v) = Vault::new() else { return };
    v.sb.write(
        "fnox.toml",
        "[providers]\nvault = { type = \"vault\", address = \"http://127.0.0.1:9\", path = \"secret/x\" }\n[secrets]\nX = { provider = \"vault\", value = \"x\" }\n",
    );
    assert_snapshot!(v.run(&["get", "X"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::api_error]: cannot fetch X (secrets.X in ./fnox.toml:4, provider 'vault')
      caused by: HashiCorp Vault: cannot reach Vault at http://127.0.0.1:9 for secrets under secret/x (Connection refused (os error 111))
      hint: check the provider's `address` / VAULT_ADDR, the network, and that the Vault server is running
    ");
    v.sb.write(
        "fnox.toml",
        &format!(
            "{}X = {{ provider = \"vault\", value = \"x\" }}\n",
            kv_provider("secret/x")
        ),
    );
    let out = v.run_env(&[("VAULT_TOKEN", ROOT_TOKEN)], &["get", "X"]);
    assert_snapshot!(out.all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot fetch X (secrets.X in ./fnox.toml:5, provider 'vault')
      caused by: HashiCorp Vault: no Vault address is set
      hint: set `address = "https://vault.example.com:8200"` on the provider, or VAULT_ADDR
    "#);
}

#[test]
fn kv_sealed_vault_says_it_is_sealed() {
    let Some(sealed) = openbao_sealed() else {
        return;
    };
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nvault = {{ type = \"vault\", address = \"{}\", token = \"{ROOT_TOKEN}\" }}\n[secrets]\nX = {{ provider = \"vault\", value = \"x\" }}\n",
            sealed.addr
        ),
    );
    let out = sb.run(&["get", "X"]);
    let err = out.fails(1).replace(&sealed.addr, "[SEALED]");
    assert_snapshot!(err, @"
    error[fnox::provider::api_error]: cannot fetch X (secrets.X in ./fnox.toml:4, provider 'vault')
      caused by: HashiCorp Vault: the Vault at [SEALED] is sealed
      hint: unseal it (`vault operator unseal`), or ask its operators to
    ");
}

#[test]
fn kv_tls_trusts_vault_cacert_or_skips_verification_when_asked() {
    let Some(tls) = openbao_tls() else { return };
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nvault = {{ type = \"vault\", address = \"{}\", token = \"{ROOT_TOKEN}\" }}\n[secrets]\n",
            tls.addr
        ),
    );
    let ca = tls.ca.as_ref().unwrap().display().to_string();
    let out = sb.output(sb.fnox().args(["provider", "test", "vault"]));
    let err = out.fails(1);
    assert!(err.contains("VAULT_CACERT"), "{err}");
    let out = sb.output(
        sb.fnox()
            .env("VAULT_CACERT", &ca)
            .args(["set", "A", "over tls", "-p", "vault"]),
    );
    out.ok();
    let out = sb.output(
        sb.fnox()
            .env("VAULT_SKIP_VERIFY", "true")
            .args(["get", "A"]),
    );
    assert_eq!(out.ok(), "over tls\n");
}

#[test]
fn kv_exec_fetches_many_references_and_duplicates_once() {
    let Some(v) = Vault::new() else { return };
    let u = &v.unique;
    let mut config = kv_provider(&format!("secret/{u}"));
    for i in 0..40 {
        v.bao.kv_put(
            &format!("{u}/s{i}"),
            json!({"value": format!("v{i}"), "alt": format!("a{i}")}),
        );
        config.push_str(&format!(
            "S{i} = {{ provider = \"vault\", value = \"s{i}\" }}\n"
        ));
        config.push_str(&format!(
            "ALT{i} = {{ provider = \"vault\", value = \"s{i}#alt\" }}\n"
        ));
    }
    v.sb.write("fnox.toml", &config);
    let out = v.run(&["exec", "--", "env"]);
    let env = out.ok();
    for i in 0..40 {
        assert!(env.contains(&format!("S{i}=v{i}\n")), "S{i}");
        assert!(env.contains(&format!("ALT{i}=a{i}\n")), "ALT{i}");
    }
}

impl Vault {
    /// A KV v2 mount of this test's own, holding `count` secrets s0.. with values v0..
    fn own_mount_with_secrets(&self, count: usize) -> String {
        let mount = format!("{}-rl", self.unique);
        self.bao.api(
            "POST",
            &format!("sys/mounts/{mount}"),
            Some(json!({"type": "kv", "options": {"version": "2"}})),
        );
        for i in 0..count {
            // A new mount may still be settling: retry its first writes briefly.
            let path = format!("{mount}/data/s{i}");
            let body = json!({"data": {"value": format!("v{i}")}});
            let ok = (0..50).any(|_| {
                let (status, _) = self.bao.api_raw("POST", &path, Some(body.clone()));
                let written = (200..300).contains(&status);
                if !written {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                written
            });
            assert!(ok, "cannot write {path}");
        }
        mount
    }

    /// A real OpenBao rate-limit quota on `mount`: `rate` requests per `interval`.
    fn rate_limit(&self, mount: &str, rate: u32, interval: &str) {
        self.bao.api(
            "POST",
            &format!("sys/quotas/rate-limit/{mount}"),
            Some(json!({"path": format!("{mount}/"), "rate": rate, "interval": interval})),
        );
    }
}

#[test]
fn kv_requests_refused_by_a_rate_limit_quota_are_retried_until_they_pass() {
    let Some(v) = Vault::new() else { return };
    let mount = v.own_mount_with_secrets(6);
    let mut config = kv_provider(&mount);
    for i in 0..6 {
        config.push_str(&format!(
            "S{i} = {{ provider = \"vault\", value = \"s{i}\" }}\n"
        ));
    }
    v.sb.write("fnox.toml", &config);
    // Six concurrent reads against 3 per second: half are refused with HTTP 429 at first.
    v.rate_limit(&mount, 3, "1s");
    let out = v.run(&["exec", "--", "env"]);
    let env = out.ok();
    for i in 0..6 {
        assert!(env.contains(&format!("S{i}=v{i}\n")), "S{i}: {env}");
    }
}

#[test]
fn kv_persistent_rate_limiting_fails_naming_the_secret_and_never_yields_empty() {
    let Some(v) = Vault::new() else { return };
    let mount = v.own_mount_with_secrets(1);
    v.sb.write(
        "fnox.toml",
        &format!(
            "{}S0 = {{ provider = \"vault\", value = \"s0\" }}\n",
            kv_provider(&mount)
        ),
    );
    // One request a minute, already spent.
    v.rate_limit(&mount, 1, "60s");
    v.bao.api_raw("GET", &format!("{mount}/data/s0"), None);
    let out = v.run(&["get", "S0"]);
    let err = out.fails(1);
    assert_eq!(out.stdout, "");
    assert!(
        err.contains("cannot fetch S0 (secrets.S0 in ./fnox.toml:5, provider 'vault')"),
        "{err}"
    );
    assert!(
        err.contains("HashiCorp Vault: Vault kept rate-limiting requests for"),
        "{err}"
    );
    assert!(err.contains("4 attempts"), "{err}");
    assert!(err.contains("hint: try again shortly"), "{err}");
    let probe = "if [ -z \"${S0+set}\" ]; then echo unset; else echo set; fi";
    assert_eq!(v.run(&["exec", "--", "sh", "-c", probe]).ok(), "unset\n");
}

fn transit_provider(key: &str) -> String {
    format!("[providers]\ntransit = {{ type = \"vault-transit\", key = \"{key}\" }}\n\n[secrets]\n")
}

#[test]
fn transit_set_get_round_trip_and_ciphertext_is_vault_v1() {
    let Some(v) = Vault::new() else { return };
    let key = v.transit_key("main");
    v.sb.write("fnox.toml", &transit_provider(&key));
    v.run(&[
        "set",
        "DATABASE_URL",
        "postgres://u:p@h/db",
        "-p",
        "transit",
    ])
    .ok();
    let text = v.sb.read("fnox.toml");
    let ct = stored_value(&text);
    assert!(ct.starts_with("vault:v1:"), "{text}");
    assert!(!text.contains("postgres"), "{text}");
    assert_eq!(
        v.run(&["get", "DATABASE_URL"]).ok(),
        "postgres://u:p@h/db\n"
    );
    // Another Transit client decrypts what fnox wrote.
    let plain = v.bao.api(
        "POST",
        &format!("transit/decrypt/{key}"),
        Some(json!({ "ciphertext": ct })),
    );
    assert_eq!(plain["data"]["plaintext"], "cG9zdGdyZXM6Ly91OnBAaC9kYg==");
}

#[test]
fn transit_exec_decrypts_a_batch_of_30_and_keeps_per_item_errors() {
    let Some(v) = Vault::new() else { return };
    let key = v.transit_key("batch");
    let plaintexts: Vec<String> = (0..30).map(|i| format!("value {i}")).collect();
    let cts = v.transit_encrypt(&key, &plaintexts);
    let mut config = transit_provider(&key);
    for (i, ct) in cts.iter().enumerate() {
        config.push_str(&format!(
            "T{i} = {{ provider = \"transit\", value = \"{ct}\" }}\n"
        ));
    }
    v.sb.write("fnox.toml", &config);
    let out = v.run(&["exec", "--", "env"]);
    let env = out.ok();
    for i in 0..30 {
        assert!(env.contains(&format!("T{i}=value {i}\n")), "T{i}");
    }
    // One broken value fails alone.
    config.push_str(
        "BROKEN = { provider = \"transit\", value = \"vault:v1:bm90IGEgY2lwaGVydGV4dA==\" }\n",
    );
    v.sb.write("fnox.toml", &config);
    let out = v.run(&["exec", "--", "sh", "-c", "printf %s \"$T29\""]);
    assert_eq!(out.ok(), "value 29");
    assert!(out.stderr.contains("BROKEN"), "{}", out.stderr);
    assert_snapshot!(v.run(&["get", "BROKEN"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::encryption::decrypt_failed]: cannot decrypt BROKEN (secrets.BROKEN in ./fnox.toml:35, provider 'transit')
      caused by: HashiCorp Vault Transit: Vault could not decrypt the value with transit key '[U]-batch' on mount transit/: cipher: message authentication failed
      hint: check that the value is a `vault:vN:` ciphertext made with this key, or set it again with `fnox set`
    ");
}

#[test]
fn transit_old_values_decrypt_after_rotation_and_rewrap_moves_them_to_v2() {
    let Some(v) = Vault::new() else { return };
    let key = v.transit_key("rotate");
    let plaintexts: Vec<String> = (0..3).map(|i| format!("secret {i}")).collect();
    let old = v.transit_encrypt(&key, &plaintexts);
    v.bao.api(
        "POST",
        &format!("transit/keys/{key}/rotate"),
        Some(json!({})),
    );
    let mut config = format!(
        "[providers]\ntransit = {{ type = \"vault-transit\", key = \"{key}\", address = \"{}\", token = \"{ROOT_TOKEN}\" }}\n\n[secrets]\n",
        v.bao.addr
    );
    for (i, ct) in old.iter().enumerate() {
        config.push_str(&format!(
            "R{i} = {{ provider = \"transit\", value = \"{ct}\" }}\n"
        ));
    }
    v.sb.write("fnox.toml", &config);
    assert_eq!(v.run(&["get", "R2"]).ok(), "secret 2\n");
    assert!(v
        .run(&["provider", "test", "transit"])
        .stderr
        .contains("latest version 2"));

    // The provider's rewrap, called through the library (whose process has not the sandbox's
    // trust store: the gate stands aside, as for `fnox trust` itself).
    fnox::trust::disable_gate();
    let loaded = fnox::config::load(
        &v.sb.cwd,
        fnox::config::LoadOptions {
            profiles: vec!["default".into()],
            ..Default::default()
        },
    )
    .unwrap();
    let provider = fnox::resolve::build_provider(&loaded, "transit").unwrap();
    let fnox::provider::Provider::Cipher(cipher) = &provider else {
        panic!("vault-transit is a cipher")
    };
    let refs: Vec<&str> = old.iter().map(String::as_str).collect();
    let mut with_bad = refs.clone();
    with_bad.push("vault:v1:AAAA");
    let rewrapped = cipher.rewrap_batch(&with_bad).expect("transit rewraps");
    assert_eq!(rewrapped.len(), 4);
    assert!(rewrapped[3].is_err());
    let new: Vec<String> = rewrapped[..3]
        .iter()
        .map(|r| r.as_ref().unwrap().clone())
        .collect();
    for ct in &new {
        assert!(ct.starts_with("vault:v2:"), "{ct}");
    }
    let new_refs: Vec<&str> = new.iter().map(String::as_str).collect();
    let plain: Vec<String> = cipher
        .decrypt_batch(&new_refs)
        .into_iter()
        .map(|r| r.unwrap().expose().to_owned())
        .collect();
    assert_eq!(plain, plaintexts);
}

#[test]
fn provider_test_checks_kv_and_transit_without_reading_secrets() {
    let Some(v) = Vault::new() else { return };
    let key = v.transit_key("check");
    v.sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nvault = {{ type = \"vault\", path = \"secret/{u}\" }}\ntransit = {{ type = \"vault-transit\", key = \"{key}\" }}\nnokey = {{ type = \"vault-transit\", key = \"{u}-absent\" }}\n",
            u = v.unique
        ),
    );
    assert_snapshot!(v.run(&["provider", "test", "vault"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider vault connection successful: Vault at [BAO] accepts the token; secret/[U] is on the KV v2 mount secret/
    ");
    assert_snapshot!(v.run(&["provider", "test", "transit"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider transit connection successful: transit key '[U]-check' on mount transit/ is usable: latest version 1, type aes256-gcm96
    ");
    assert_snapshot!(v.run(&["provider", "test", "nokey"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: provider 'nokey' failed its test
      caused by: HashiCorp Vault Transit: transit key '[U]-absent' on mount transit/ does not exist
      hint: check the provider's `key` and `mount`, or create it with `vault write -f transit/keys/[U]-absent`
    ");
}
