//! The key lifecycle of the cipher backends (`sealed_with`, `key_info`, `rotate_key`,
//! `retire_below`, `create_key`), through the library against the real services on loopback:
//! Vault Transit on OpenBao, aws-kms on moto, cosmian-kms on the Cosmian server. What fnox did is
//! checked through each service's own API (the support clients), not through fnox.

use serde_json::json;

use fnox::config::model::ProviderConfig;
use fnox::provider::{self, BuildContext, Cipher, ErrorKind, KeyRef, Provider};

use crate::support::cosmian::{cosmian_kms, find};
use crate::support::openbao::{openbao, Bao, ROOT_TOKEN};
use crate::support::services::{aws_env, boto3, moto};

/// Builds the cipher of type `kind` with `fields`, as the resolver would.
fn cipher(kind: &str, fields: &[(&str, &str)]) -> Box<dyn Cipher> {
    let config = ProviderConfig {
        kind: kind.to_owned(),
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), toml::Value::from(*v)))
            .collect(),
    };
    let ctx = BuildContext {
        name: "under-test",
        base_dir: std::env::temp_dir(),
        legacy_age_key_file: None,
        read_from: None,
    };
    match provider::build(&ctx, &config) {
        Ok(Provider::Cipher(c)) => c,
        Ok(Provider::Store(_)) => panic!("{kind} built as a store"),
        Err(e) => panic!("{kind}: {e}"),
    }
}

/// A name no other test (or earlier run on the same server) uses.
fn unique(label: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let tail = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .replace('.', "");
    format!("{label}-{}-{tail}", std::process::id())
}

fn decrypt_one(c: &dyn Cipher, ciphertext: &str) -> Result<String, provider::ProviderError> {
    c.decrypt_batch(&[ciphertext])
        .pop()
        .unwrap()
        .map(|v| v.expose().to_owned())
}

fn transit(bao: &Bao, key: &str, token: &str) -> Box<dyn Cipher> {
    cipher(
        "vault-transit",
        &[("address", &bao.addr), ("token", token), ("key", key)],
    )
}

#[test]
fn transit_versions_rotate_and_retire_as_vault_keeps_them() {
    let Some(bao) = openbao() else { return };
    let key = unique("lifecycle");
    bao.api("POST", &format!("transit/keys/{key}"), Some(json!({})));
    let t = transit(bao, &key, ROOT_TOKEN);
    let v = |n| {
        Some(KeyRef {
            key: key.clone(),
            version: Some(n),
        })
    };

    let first = t.encrypt("first value").unwrap();
    let info = t.rotate_key().unwrap();
    assert_eq!(info.current, v(2));
    let second = t.encrypt("second value").unwrap();
    assert!(first.starts_with("vault:v1:") && second.starts_with("vault:v2:"));
    assert_eq!(
        t.sealed_with(&[&first, &second, "age1notvault", "vault:vX:abc"]),
        vec![v(1), v(2), None, None]
    );

    let info = t.key_info().unwrap();
    assert_eq!(info.current, v(2));
    assert_eq!(info.versions, vec![1, 2]);
    assert_eq!(info.min_decryption_version, Some(1));
    let seen = bao.api("GET", &format!("transit/keys/{key}"), None);
    assert_eq!(seen["data"]["latest_version"], 2, "Vault agrees: {seen}");

    t.retire_below(2).unwrap();
    let seen = bao.api("GET", &format!("transit/keys/{key}"), None);
    assert_eq!(seen["data"]["min_decryption_version"], 2, "{seen}");
    assert_eq!(t.key_info().unwrap().min_decryption_version, Some(2));
    let retired = decrypt_one(&*t, &first).expect_err("a v1 value no longer decrypts");
    assert_eq!(retired.kind, ErrorKind::BadCiphertext, "{retired:?}");
    assert_eq!(decrypt_one(&*t, &second).unwrap(), "second value");

    t.retire_below(1).unwrap();
    assert_eq!(decrypt_one(&*t, &first).unwrap(), "first value");
    assert_eq!(t.key_info().unwrap().min_decryption_version, Some(1));
}

#[test]
fn transit_refusals_name_the_key_and_the_fix() {
    let Some(bao) = openbao() else { return };
    let key = unique("refusals");
    bao.api("POST", &format!("transit/keys/{key}"), Some(json!({})));
    let t = transit(bao, &key, ROOT_TOKEN);

    let above = t.retire_below(5).expect_err("above the latest version");
    assert_eq!(above.kind, ErrorKind::Config, "{above:?}");
    assert!(
        above
            .message
            .contains(&format!("transit key '{key}' on mount transit/")),
        "{}",
        above.message
    );
    assert!(
        above.message.contains("min_decryption_version 5"),
        "{}",
        above.message
    );
    assert!(above.hint.unwrap().contains("latest version"));
    let seen = bao.api("GET", &format!("transit/keys/{key}"), None);
    assert_eq!(
        seen["data"]["min_decryption_version"], 1,
        "unchanged: {seen}"
    );

    let missing = transit(bao, &unique("absent"), ROOT_TOKEN);
    let e = missing.key_info().expect_err("no such key");
    assert_eq!(e.kind, ErrorKind::Config, "{e:?}");
    assert!(e.message.contains("does not exist"), "{}", e.message);

    // A token that may encrypt and read the key, but not rotate or configure it.
    let policy = unique("encrypt-only");
    bao.api(
        "POST",
        &format!("sys/policies/acl/{policy}"),
        Some(json!({ "policy": format!(
            "path \"transit/encrypt/{key}\" {{ capabilities = [\"update\"] }}\n\
             path \"transit/keys/{key}\" {{ capabilities = [\"read\"] }}\n"
        ) })),
    );
    let created = bao.api(
        "POST",
        "auth/token/create",
        Some(json!({ "policies": [policy], "no_default_policy": true })),
    );
    let token = created["auth"]["client_token"].as_str().unwrap();
    let limited = transit(bao, &key, token);
    assert_eq!(
        limited.key_info().unwrap().current.unwrap().version,
        Some(1)
    );
    for (what, e) in [
        ("rotate", limited.rotate_key().map(|_| ()).unwrap_err()),
        ("config", limited.retire_below(1).unwrap_err()),
    ] {
        assert_eq!(e.kind, ErrorKind::AccessDenied, "{what}: {e:?}");
        assert!(e.message.contains(&key), "{what}: {}", e.message);
        let hint = e.hint.unwrap();
        assert!(
            hint.contains(&format!("`update` on transit/keys/{key}/{what}")),
            "{what}: {hint}"
        );
    }
    let seen = bao.api("GET", &format!("transit/keys/{key}"), None);
    assert_eq!(seen["data"]["latest_version"], 1, "not rotated: {seen}");
}

/// Set in the child process `aws_kms_*` tests run in: the AWS SDK reads its credentials from the
/// process environment, which a test must not change under the other threads of this binary.
const CHILD: &str = "FNOX_KEY_BACKENDS_CHILD";

/// Runs test `name` of this binary alone in a child process with the environment of moto.
fn in_child_with_moto(name: &str) {
    let Some(endpoint) = moto() else { return };
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            name,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .envs(aws_env(endpoint))
        .env(CHILD, endpoint)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{text}");
    assert!(text.contains("1 passed"), "the child ran the test: {text}");
}

fn kms(endpoint: &str, key_id: &str) -> Box<dyn Cipher> {
    cipher(
        "aws-kms",
        &[
            ("key_id", key_id),
            ("region", "us-east-1"),
            ("endpoint", endpoint),
        ],
    )
}

#[test]
fn aws_kms_creates_keys_and_names_the_key_of_each_value() {
    in_child_with_moto("key_backends::aws_kms_lifecycle_in_child");
}

#[test]
#[ignore = "run by aws_kms_creates_keys_and_names_the_key_of_each_value in a child process"]
fn aws_kms_lifecycle_in_child() {
    let Ok(endpoint) = std::env::var(CHILD) else {
        return;
    };
    let describe = |id: &str| boto3(&endpoint, "kms", "describe_key", json!({ "KeyId": id }));

    let a = kms(&endpoint, "alias/not-yet").create_key().unwrap();
    let b = kms(&endpoint, "alias/not-yet").create_key().unwrap();
    assert_ne!(a, b);
    let meta = describe(&a)["KeyMetadata"].clone();
    assert_eq!(meta["KeyId"], a.as_str(), "{meta}");
    assert_eq!(meta["KeyUsage"], "ENCRYPT_DECRYPT", "{meta}");
    assert_eq!(meta["KeySpec"], "SYMMETRIC_DEFAULT", "{meta}");
    assert!(
        meta["Description"]
            .as_str()
            .unwrap()
            .contains("fnox key rotate"),
        "{meta}"
    );
    let (arn_a, arn_b) = (
        meta["Arn"].as_str().unwrap().to_owned(),
        describe(&b)["KeyMetadata"]["Arn"]
            .as_str()
            .unwrap()
            .to_owned(),
    );

    let (under_a, under_b) = (kms(&endpoint, &a), kms(&endpoint, &b));
    under_a.check().expect("the new key is usable");
    let one = under_a.encrypt("sealed under a").unwrap();
    let two = under_b.encrypt("sealed under b").unwrap();
    assert_eq!(decrypt_one(&*under_a, &two).unwrap(), "sealed under b");

    let arn = |k: &str| {
        Some(KeyRef {
            key: k.to_owned(),
            version: None,
        })
    };
    assert_eq!(
        under_a.sealed_with(&[&one, &two, "not base64!", "AAAA"]),
        vec![arn(&arn_a), arn(&arn_b), None, None]
    );
    let info = under_b.key_info().unwrap();
    assert_eq!(info.current, arn(&arn_b));
    assert!(info.versions.is_empty() && info.min_decryption_version.is_none());

    let absent = kms(&endpoint, "alias/fnox-no-such-key")
        .key_info()
        .unwrap_err();
    assert!(
        absent.message.contains("alias/fnox-no-such-key"),
        "{}",
        absent.message
    );
}

#[test]
fn cosmian_kms_creates_active_aes_keys_and_names_the_key_of_each_value() {
    let Some(server) = cosmian_kms() else { return };
    let on = |key_id: &str| {
        cipher(
            "cosmian-kms",
            &[("address", &server.addr), ("key_id", key_id)],
        )
    };
    let a = on("not-yet").create_key().unwrap();
    let b = on("not-yet").create_key().unwrap();
    assert_ne!(a, b);
    let attributes = server.op(
        json!({"tag": "GetAttributes", "type": "Structure", "value": [
            {"tag": "UniqueIdentifier", "type": "TextString", "value": a}
        ]}),
    );
    for (tag, value) in [
        ("State", json!("Active")),
        ("CryptographicAlgorithm", json!("AES")),
        ("CryptographicLength", json!(256)),
    ] {
        assert_eq!(
            find(&attributes, tag).unwrap()["value"],
            value,
            "{tag}: {attributes}"
        );
    }

    let (under_a, under_b) = (on(&a), on(&b));
    under_a.check().expect("the new key is usable");
    let one = under_a.encrypt("sealed under a").unwrap();
    let two = under_b.encrypt("sealed under b").unwrap();
    assert_eq!(decrypt_one(&*under_a, &two).unwrap(), "sealed under b");
    let named = |k: &str| {
        Some(KeyRef {
            key: k.to_owned(),
            version: None,
        })
    };
    assert_eq!(
        under_a.sealed_with(&[&one, &two, "vault:v1:abc"]),
        vec![named(&a), named(&b), None]
    );
    assert_eq!(under_b.key_info().unwrap().current, named(&b));
    let absent = on(&unique("absent")).key_info().unwrap_err();
    assert_eq!(absent.kind, ErrorKind::Config, "{absent:?}");
}
