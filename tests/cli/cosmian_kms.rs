//! cosmian-kms against the real Cosmian KMS server on loopback: as a store (SecretData objects
//! read with Get, written with Import), as a cipher (the server's AES-GCM under `key_id`), in
//! `secret://cosmian-kms/HOST:PORT/ID` references, and its errors. The servers are shared by every
//! test, so each test works under object and key ids unique to it.

use std::time::Duration;

use insta::assert_snapshot;
use serde_json::json;

use crate::support::cosmian::{
    cosmian_kms, cosmian_kms_tls, cosmian_kms_with_token, find_bytes, Kms,
};
use crate::support::{Output, Sandbox, TEST_PUBLIC_KEY};

/// A sandbox whose fnox talks to a Cosmian KMS, plus a name unique to this test.
struct Ckms {
    sb: Sandbox,
    kms: &'static Kms,
    unique: String,
}

impl Ckms {
    fn new() -> Option<Ckms> {
        Self::on(cosmian_kms()?)
    }

    fn on(kms: &'static Kms) -> Option<Ckms> {
        let sb = Sandbox::new();
        let unique = sb.unique();
        Some(Ckms { sb, kms, unique })
    }

    /// An id unique to this test.
    fn id(&self, label: &str) -> String {
        format!("{}-{label}", self.unique)
    }

    /// fnox.toml with a store `ckms` and, when `key` is given, a cipher `enc` with that key.
    fn config(&self, key: Option<&str>) -> String {
        let mut text = format!(
            "[providers]\nckms = {{ type = \"cosmian-kms\", address = \"{}\" }}\n",
            self.kms.addr
        );
        if let Some(key) = key {
            text.push_str(&format!(
                "enc = {{ type = \"cosmian-kms\", address = \"{}\", key_id = \"{key}\" }}\n",
                self.kms.addr
            ));
        }
        text.push_str(&format!(
            "age = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\"] }}\n\n[secrets]\n"
        ));
        text
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_env(&[], args)
    }

    fn run_env(&self, env: &[(&str, &str)], args: &[&str]) -> Output {
        let mut cmd = self.sb.fnox();
        if let Some(token) = &self.kms.token {
            cmd.env("COSMIAN_KMS_SECRET_TOKEN", token);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut out = self.sb.output(cmd.args(args));
        for text in [&mut out.stdout, &mut out.stderr] {
            *text = text
                .replace(&self.kms.addr, "[KMS]")
                .replace(&self.unique, "[U]");
        }
        out
    }

    /// The `value` fnox.toml records for `name`.
    fn stored(&self, name: &str) -> String {
        let text = self.sb.read("fnox.toml");
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{name} ")) || l.starts_with(&format!("{name}=")))
            .unwrap_or_else(|| panic!("no {name} in {text}"));
        line.split("value = \"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned()
    }
}

/// (key id, nonce || ciphertext || tag) of a stored cipher value.
fn split_value(value: &str) -> (String, Vec<u8>) {
    use base64::Engine;
    let rest = value.strip_prefix("cosmian-kms:v1:").expect(value);
    let (key, data) = rest.rsplit_once(':').unwrap();
    let blob = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    (key.to_owned(), blob)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

#[test]
fn store_set_imports_secret_data_and_get_reads_it_back() {
    let Some(c) = Ckms::new() else { return };
    c.sb.write("fnox.toml", &c.config(None));
    let id = c.id("db-password");
    let value = "p@ss w0rd, ü ✓";
    c.run(&["set", "DB_PASSWORD", value, "-p", "ckms", "--key-name", &id])
        .ok();
    assert_eq!(c.stored("DB_PASSWORD"), id, "fnox.toml holds the object id");
    assert_eq!(
        c.kms.get_secret(&id),
        value.as_bytes(),
        "the server holds the value's bytes"
    );
    assert_eq!(c.run(&["get", "DB_PASSWORD"]).ok(), format!("{value}\n"));
    // Setting it again replaces the object of that id.
    c.run(&["set", "DB_PASSWORD", "second", "-p", "ckms"]).ok();
    assert_eq!(c.stored("DB_PASSWORD"), id);
    assert_eq!(c.kms.get_secret(&id), b"second");
    assert_eq!(c.run(&["get", "DB_PASSWORD"]).ok(), "second\n");
}

#[test]
fn store_reads_objects_made_outside_fnox_secret_data_and_opaque() {
    let Some(c) = Ckms::new() else { return };
    let (secret, opaque) = (c.id("made-elsewhere"), c.id("opaque"));
    c.kms.put_secret(&secret, b"from the server");
    c.kms.op(json!({
        "tag": "Import", "type": "Structure", "value": [
            {"tag": "UniqueIdentifier", "type": "TextString", "value": opaque},
            {"tag": "ObjectType", "type": "Enumeration", "value": "OpaqueObject"},
            {"tag": "ReplaceExisting", "type": "Boolean", "value": true},
            {"tag": "Attributes", "type": "Structure", "value": [
                {"tag": "ObjectType", "type": "Enumeration", "value": "OpaqueObject"}
            ]},
            {"tag": "OpaqueObject", "type": "Structure", "value": [
                {"tag": "OpaqueDataType", "type": "Enumeration", "value": "Unknown"},
                {"tag": "OpaqueDataValue", "type": "ByteString", "value": hex(b"opaque bytes")}
            ]}
        ]
    }));
    c.sb.write(
        "fnox.toml",
        &format!(
            "{}A = {{ provider = \"ckms\", value = \"{secret}\" }}\nB = {{ provider = \"ckms\", value = \"{opaque}\" }}\n",
            c.config(None)
        ),
    );
    let out = c.run(&["exec", "--", "sh", "-c", "printf '%s|%s' \"$A\" \"$B\""]);
    assert_eq!(out.ok(), "from the server|opaque bytes");
}

#[test]
fn store_batch_reads_many_objects_in_order_and_one_missing_fails_alone() {
    let Some(c) = Ckms::new() else { return };
    let mut config = c.config(None);
    for i in 0..40 {
        let id = c.id(&format!("many-{i}"));
        c.kms.put_secret(&id, format!("value-{i}").as_bytes());
        config.push_str(&format!(
            "S{i} = {{ provider = \"ckms\", value = \"{id}\" }}\n"
        ));
    }
    c.sb.write("fnox.toml", &config);
    let out = c.run(&["export", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_str(out.ok()).unwrap();
    let secrets = all.get("secrets").unwrap_or(&all);
    for i in 0..40 {
        assert_eq!(secrets[format!("S{i}")], format!("value-{i}"), "S{i}");
    }
    config.push_str(&format!(
        "GONE = {{ provider = \"ckms\", value = \"{}\" }}\n",
        c.id("never-made")
    ));
    c.sb.write("fnox.toml", &config);
    let out = c.run(&["get", "S7"]);
    assert_eq!(
        out.ok(),
        "value-7\n",
        "a missing object fails only its own secret"
    );
    let out = c.run(&["exec", "--", "sh", "-c", "printf %s \"$S39\""]);
    assert_eq!(out.ok(), "value-39");
    assert!(out.stderr.contains("cannot fetch GONE"), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

#[test]
fn cipher_set_get_stores_the_server_s_aes_gcm_ciphertext_naming_its_key() {
    let Some(c) = Ckms::new() else { return };
    let key = c.kms.create_aes_key(&c.id("key"), true);
    c.sb.write("fnox.toml", &c.config(Some(&key)));
    c.run(&["set", "API_TOKEN", "sk_live_123 ✓", "-p", "enc"])
        .ok();
    let stored = c.stored("API_TOKEN");
    let (named, blob) = split_value(&stored);
    assert_eq!(named, key, "the value names the key it was made with");
    assert!(!stored.contains("sk_live"), "{stored}");
    assert_eq!(
        blob.len(),
        12 + "sk_live_123 ✓".len() + 16,
        "nonce || ciphertext || tag"
    );
    // The server itself decrypts what fnox stored, laid out as nonce || ciphertext || tag.
    let (nonce, rest) = blob.split_at(12);
    let (data, tag) = rest.split_at(rest.len() - 16);
    let reply = c
        .kms
        .op(json!({"tag": "Decrypt", "type": "Structure", "value": [
            {"tag": "UniqueIdentifier", "type": "TextString", "value": key},
            {"tag": "Data", "type": "ByteString", "value": hex(data)},
            {"tag": "IVCounterNonce", "type": "ByteString", "value": hex(nonce)},
            {"tag": "AuthenticatedEncryptionTag", "type": "ByteString", "value": hex(tag)}
        ]}));
    assert_eq!(
        find_bytes(&reply, "Data").unwrap(),
        "sk_live_123 ✓".as_bytes()
    );
    assert_eq!(c.run(&["get", "API_TOKEN"]).ok(), "sk_live_123 ✓\n");
    // Encryption is randomised: the same value twice gives two ciphertexts.
    c.run(&["set", "OTHER", "sk_live_123 ✓", "-p", "enc"]).ok();
    assert_ne!(c.stored("OTHER"), stored);
}

#[test]
fn cipher_batch_decrypts_many_values_and_a_damaged_one_fails_alone() {
    let Some(c) = Ckms::new() else { return };
    let key = c.kms.create_aes_key(&c.id("key"), true);
    c.sb.write("fnox.toml", &c.config(Some(&key)));
    for i in 0..30 {
        c.run(&["set", &format!("V{i}"), &format!("v-{i}"), "-p", "enc"])
            .ok();
    }
    let out = c.run(&["export", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_str(out.ok()).unwrap();
    let secrets = all.get("secrets").unwrap_or(&all);
    for i in 0..30 {
        assert_eq!(secrets[format!("V{i}")], format!("v-{i}"), "V{i}");
    }
    // Flip one byte of V3's ciphertext: AES-GCM's tag no longer matches.
    use base64::Engine;
    let (k, mut blob) = split_value(&c.stored("V3"));
    blob[14] ^= 1;
    let damaged = format!(
        "cosmian-kms:v1:{k}:{}",
        base64::engine::general_purpose::STANDARD.encode(&blob)
    );
    let text = c.sb.read("fnox.toml").replace(&c.stored("V3"), &damaged);
    c.sb.write("fnox.toml", &text);
    let out = c.run(&["exec", "--", "sh", "-c", "printf %s \"$V29\""]);
    assert_eq!(out.ok(), "v-29", "the others still decrypt");
    assert!(out.stderr.contains("cannot decrypt V3"), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert_snapshot!(c.run(&["get", "V3"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::encryption::decrypt_failed]: cannot decrypt V3 (secrets.V3 in ./fnox.toml:10, provider 'enc')
      caused by: Cosmian KMS: the value does not decrypt with key '[U]-key': it was changed, or made with another key of that id (the server: CRYPTO: error: Error: OpenSSL error. Details: ErrorStack([]))
      hint: set it again with `fnox set`
    ");
}

#[test]
fn old_values_decrypt_after_key_id_changes_until_reencrypt_moves_them() {
    let Some(c) = Ckms::new() else { return };
    let old = c.kms.create_aes_key(&c.id("old"), true);
    let new = c.kms.create_aes_key(&c.id("new"), true);
    c.sb.write("fnox.toml", &c.config(Some(&old)));
    c.run(&["set", "A", "a-value", "-p", "enc"]).ok();
    c.run(&["set", "B", "b-value", "-p", "enc"]).ok();
    let text = c.sb.read("fnox.toml").replace(
        &format!("key_id = \"{old}\""),
        &format!("key_id = \"{new}\""),
    );
    c.sb.write("fnox.toml", &text);
    assert_eq!(split_value(&c.stored("A")).0, old);
    assert_eq!(
        c.run(&["get", "A"]).ok(),
        "a-value\n",
        "decrypts with its own key"
    );
    let stale = c.run(&["list", "--stale"]);
    assert!(
        stale.ok().contains(
            "encrypted under key [U]-old, not the configured [U]-new: run `fnox reencrypt`"
        ),
        "{}",
        stale.stdout
    );
    c.run(&["reencrypt", "--force"]).ok();
    for (name, value) in [("A", "a-value"), ("B", "b-value")] {
        assert_eq!(
            split_value(&c.stored(name)).0,
            new,
            "{name} under the new key"
        );
        assert_eq!(c.run(&["get", name]).ok(), format!("{value}\n"));
    }
    assert_eq!(c.run(&["list", "--stale"]).ok(), "");
}

#[test]
fn reencrypt_to_moves_values_from_age_to_cosmian_kms_and_back() {
    let Some(c) = Ckms::new() else { return };
    let key = c.kms.create_aes_key(&c.id("key"), true);
    c.sb.write("fnox.toml", &c.config(Some(&key)));
    c.run(&["set", "S", "switch-me", "-p", "age"]).ok();
    c.run(&["reencrypt", "--force", "--to", "enc", "S"]).ok();
    let text = c.sb.read("fnox.toml");
    assert!(
        text.contains("S= { provider = \"enc\", value = \"cosmian-kms:v1:"),
        "{text}"
    );
    assert!(
        !text.contains("YWdlLWVuY3J5cHRpb24"),
        "no age ciphertext left: {text}"
    );
    assert_eq!(c.run(&["get", "S"]).ok(), "switch-me\n");
    c.run(&["reencrypt", "--force", "--to", "age", "S"]).ok();
    assert!(c
        .sb
        .read("fnox.toml")
        .contains("S= { provider = \"age\", value = \"YWdlLWVuY3J5cHRpb24"));
    assert_eq!(c.run(&["get", "S"]).ok(), "switch-me\n");
}

#[test]
fn secret_references_name_the_server_and_the_object_id() {
    let Some(c) = Ckms::new() else { return };
    let id = c.id("db");
    c.kms.put_secret(&id, b"p4ss");
    let json_id = c.id("json");
    c.kms
        .put_secret(&json_id, br#"{"user":"app","password":"j50n"}"#);
    let server = c.kms.addr.trim_start_matches("http://");
    c.sb.write(
        "fnox.toml",
        &format!(
            "[secrets]\nDATABASE_URL = {{ value = \"postgresql://app:secret://cosmian-kms/{server}/{id}@db:5432/app\" }}\n\
             DB_USER = {{ value = \"secret://cosmian-kms/{server}/{json_id}#user\" }}\n"
        ),
    );
    let out = c.run(&[
        "exec",
        "--",
        "sh",
        "-c",
        "printf '%s %s' \"$DATABASE_URL\" \"$DB_USER\"",
    ]);
    assert_eq!(out.ok(), "postgresql://app:p4ss@db:5432/app app");
    c.sb.write(
        "app.env.tpl",
        &format!("PASSWORD=secret://cosmian-kms/{server}/{json_id}#password\nDB=secret://cosmian-kms/{server}/{id}\n"),
    );
    let out = c.run(&["inject", "-i", "app.env.tpl"]);
    assert_eq!(out.ok(), "PASSWORD=j50n\nDB=p4ss\n");
}

#[test]
fn errors_not_found_unreachable_not_active_and_damaged() {
    let Some(c) = Ckms::new() else { return };
    let pre = c.kms.create_aes_key(&c.id("pre-active"), false);
    let closed = format!("http://127.0.0.1:{}", crate::support::services::free_port());
    c.sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nckms = {{ type = \"cosmian-kms\", address = \"{addr}\" }}\n\
             down = {{ type = \"cosmian-kms\", address = \"{closed}\" }}\n\
             pre = {{ type = \"cosmian-kms\", address = \"{addr}\", key_id = \"{pre}\" }}\n\
             nokey = {{ type = \"cosmian-kms\", address = \"{addr}\", key_id = \"{nokey}\" }}\n\n\
             [secrets]\nGONE = {{ provider = \"ckms\", value = \"{gone}\" }}\n\
             DOWN = {{ provider = \"down\", value = \"x\" }}\n\
             BAD = {{ provider = \"pre\", value = \"vault:v1:abc\" }}\n",
            addr = c.kms.addr,
            gone = c.id("gone"),
            nokey = c.id("no-such-key"),
        ),
    );
    let closed_port = closed.rsplit(':').next().unwrap().to_owned();
    let redact = |out: Output| out.all().replace(&closed_port, "[PORT]");
    assert_snapshot!(redact(c.run(&["get", "GONE"])), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::secret_not_found]: cannot fetch GONE (secrets.GONE in ./fnox.toml:8, provider 'ckms')
      caused by: Cosmian KMS: object '[U]-gone' not found on the server at [KMS]
      hint: check the reference (a KMIP unique id), or store a value there with `fnox set`
    ");
    assert_snapshot!(redact(c.run(&["get", "DOWN"])), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::api_error]: cannot fetch DOWN (secrets.DOWN in ./fnox.toml:9, provider 'down')
      caused by: Cosmian KMS: cannot reach the server at http://127.0.0.1:[PORT] for object 'x' (Connection refused (os error 111))
      hint: check the provider's `address` (or COSMIAN_KMS_URL), the network, and that the server is running
    ");
    assert_snapshot!(redact(c.run(&["get", "BAD"])), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::encryption::decrypt_failed]: cannot decrypt BAD (secrets.BAD in ./fnox.toml:10, provider 'pre')
      caused by: Cosmian KMS: the value is not a cosmian-kms ciphertext (it does not start with `cosmian-kms:v1:`)
      hint: a cosmian-kms value reads `cosmian-kms:v1:KEY_ID:BASE64`; set it again with `fnox set`
    ");
    assert_snapshot!(redact(c.run(&["set", "NEW", "v", "-p", "pre"])), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot encrypt NEW with provider 'pre'
      caused by: Cosmian KMS: key '[U]-pre-active' is not active (state PreActive): Encrypt: key [U]-pre-active is in state PreActive but operation requires one of [Active]
      caused by: writing secrets.NEW in ./fnox.toml
      hint: activate it with a KMIP Activate (e.g. from the Cosmian CLI or web UI), or point `key_id` at an active key
    ");
    assert_snapshot!(redact(c.run(&["set", "NEW", "v", "-p", "nokey"])), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot encrypt NEW with provider 'nokey'
      caused by: Cosmian KMS: key '[U]-no-such-key' not found on the server at [KMS]
      caused by: writing secrets.NEW in ./fnox.toml
      hint: check the provider's `key_id` (the key's unique id or `["tag"]`), or create the key on the server
    "#);
    assert_snapshot!(redact(c.run(&["provider", "test", "pre"])), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: provider 'pre' failed its test
      caused by: Cosmian KMS: key '[U]-pre-active' is not active (state PreActive)
      hint: activate it with a KMIP Activate (e.g. from the Cosmian CLI or web UI), or point `key_id` at an active key
    ");
}

#[test]
fn a_server_that_requires_a_token_gets_it_from_cosmian_kms_secret_token() {
    let Some(kms) = cosmian_kms_with_token() else {
        return;
    };
    let Some(c) = Ckms::on(kms) else { return };
    let key = kms.create_aes_key(&c.id("key"), true);
    c.sb.write("fnox.toml", &c.config(Some(&key)));
    c.run(&["set", "A", "with-token", "-p", "enc"]).ok();
    c.run(&[
        "set",
        "B",
        "stored-with-token",
        "-p",
        "ckms",
        "--key-name",
        &c.id("b"),
    ])
    .ok();
    assert_eq!(c.run(&["get", "A"]).ok(), "with-token\n");
    assert_eq!(c.run(&["get", "B"]).ok(), "stored-with-token\n");
    // Without the token, and with a wrong one: access denied, with the way out.
    let mut cmd = c.sb.fnox();
    let out = c.sb.output(cmd.args(["get", "B"]));
    let without = out
        .all()
        .replace(&kms.addr, "[KMS]")
        .replace(&c.unique, "[U]");
    assert_snapshot!(without, @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot fetch B (secrets.B in ./fnox.toml:8, provider 'ckms')
      caused by: Cosmian KMS: the server at [KMS] denied access to object '[U]-b': the server requires a token and COSMIAN_KMS_SECRET_TOKEN is not set (HTTP 401: No authentication provided.)
      hint: set COSMIAN_KMS_SECRET_TOKEN to a token the server accepts (its API token, or a JWT of its identity provider), and check that this user may use the object
    ");
    let wrong = c.run_env(
        &[("COSMIAN_KMS_SECRET_TOKEN", "not-the-token")],
        &["get", "A"],
    );
    assert_snapshot!(wrong.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot decrypt A (secrets.A in ./fnox.toml:7, provider 'enc')
      caused by: Cosmian KMS: the server at [KMS] denied access to 2 values: the token in COSMIAN_KMS_SECRET_TOKEN was refused (HTTP 401: No authentication provided.)
      hint: set COSMIAN_KMS_SECRET_TOKEN to a token the server accepts (its API token, or a JWT of its identity provider), and check that this user may use the object
    ");
}

#[test]
fn provider_test_reports_the_server_and_the_key() {
    let Some(c) = Ckms::new() else { return };
    let key = c.kms.create_aes_key(&c.id("key"), true);
    c.sb.write("fnox.toml", &c.config(Some(&key)));
    let store = c.run(&["provider", "test", "ckms"]);
    assert_snapshot!(store.all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider ckms connection successful: the Cosmian KMS at [KMS] answers (KMIP 2.1, server 5.28.0 (OpenSSL 3.0.19 27 Jan 2026-non-FIPS))
    ");
    let cipher = c.run(&["provider", "test", "enc"]);
    assert_snapshot!(cipher.all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider enc connection successful: key '[U]-key' (AES-256) is active on the Cosmian KMS at [KMS]
    ");
}

#[test]
fn provider_add_writes_a_cosmian_kms_store_table() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "");
    sb.run(&["provider", "add", "ckms", "cosmian-kms"]).ok();
    assert_snapshot!(sb.read("fnox.toml"), @r#"
    [providers.ckms]
    type = "cosmian-kms"
    address = "http://localhost:9998"
    "#);
}

#[test]
fn an_untrusted_file_s_cosmian_address_never_receives_your_token() {
    let sb = Sandbox::untrusted();
    let (addr, seen) = crate::trust::listener();
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nckms = {{ type = \"cosmian-kms\", address = \"{addr}\" }}\n\n[secrets]\nX = {{ provider = \"ckms\", value = \"x\" }}\n"
        ),
    );
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = sb.fnox();
        cmd.env("COSMIAN_KMS_SECRET_TOKEN", "my-own-token");
        for (k, v) in env {
            cmd.env(k, v);
        }
        sb.output(cmd.args(args))
    };
    let err = run(&[], &["get", "X"]).fails(1).to_owned();
    assert!(
        err.contains(&format!(
            "it would send your credentials for provider 'ckms' to {addr} (its `address`)"
        )),
        "{err}"
    );
    // Nor through a reference in a secret of that file.
    let server = addr.trim_start_matches("http://");
    sb.write(
        "fnox.toml",
        &format!("[secrets]\nY = {{ value = \"secret://cosmian-kms/{server}/y\" }}\n"),
    );
    let err = run(&[], &["get", "Y"]).fails(1).to_owned();
    assert!(err.contains("is not trusted"), "{err}");
    assert!(
        seen.recv_timeout(Duration::from_millis(300)).is_err(),
        "nothing may connect"
    );
    // The environment's own address is the user's choice, not the file's (written as the file
    // writes it, or as HOST:PORT).
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nckms = {{ type = \"cosmian-kms\", address = \"{addr}\" }}\n\n[secrets]\nX = {{ provider = \"ckms\", value = \"x\" }}\n"
        ),
    );
    run(&[("COSMIAN_KMS_URL", server)], &["get", "X"]).fails(1);
    let request = seen
        .recv_timeout(Duration::from_secs(5))
        .expect("a request");
    assert!(request.contains("Bearer my-own-token"), "{request}");
    assert!(request.starts_with("POST /kmip/2_1 "), "{request}");
}

#[test]
fn a_self_signed_server_is_refused_unless_its_certificate_is_trusted_or_insecure_certs_is_set() {
    let Some(tls) = cosmian_kms_tls() else { return };
    let Some(c) = Ckms::on(tls) else { return };
    c.sb.write(
        "fnox.toml",
        &format!(
            "{}X = {{ provider = \"ckms\", value = \"{}\" }}\n",
            c.config(None),
            c.id("x")
        ),
    );
    assert_snapshot!(c.run(&["get", "X"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::api_error]: cannot fetch X (secrets.X in ./fnox.toml:6, provider 'ckms')
      caused by: Cosmian KMS: cannot reach the server at [KMS] for object '[U]-x' (invalid peer certificate: UnknownIssuer)
      hint: the server's certificate is not trusted: trust its certificate authority with SSL_CERT_FILE=/path/to/ca.pem (or, for a development server only, COSMIAN_KMS_INSECURE_CERTS=true)
    ");
    c.run_env(
        &[("COSMIAN_KMS_INSECURE_CERTS", "true")],
        &["set", "X", "over-tls", "-p", "ckms"],
    )
    .ok();
    let out = c.run_env(&[("COSMIAN_KMS_INSECURE_CERTS", "true")], &["get", "X"]);
    assert_eq!(out.ok(), "over-tls\n");
    assert_snapshot!(out.stderr, @"warning: COSMIAN_KMS_INSECURE_CERTS is set: the certificate of the Cosmian KMS at [KMS] is not verified (development servers only)");
    // Trusting the certificate itself (as a private CA's would be) needs no insecure flag.
    let cert = tls.cert.as_ref().unwrap().to_str().unwrap().to_owned();
    let out = c.run_env(&[("SSL_CERT_FILE", &cert)], &["get", "X"]);
    assert_eq!(out.ok(), "over-tls\n");
    assert_eq!(
        out.stderr, "",
        "no warning when the certificate is verified"
    );
}
