//! `fnox key status|rotate|retire` with aws-kms against moto: rotation moves `key_id` to another
//! key (named with --key-id, or made with --create) and re-encrypts every value under it, keeping
//! the old key in `retired_key_ids` until `fnox key retire`. Which key sealed a value is read back
//! with boto3's Decrypt, not through fnox.

use insta::assert_snapshot;
use serde_json::json;

use crate::support::services::{aws_env, boto3, moto};
use crate::support::{Output, Sandbox};

/// A project with an aws-kms provider `kms` over a key of its own, and two secrets under it.
struct Kms {
    sb: Sandbox,
    endpoint: &'static str,
    first: String,
    first_arn: String,
}

impl Kms {
    fn new() -> Option<Kms> {
        let endpoint = moto()?;
        let sb = Sandbox::new();
        let (first, first_arn) = create_key(endpoint);
        sb.write(
            "fnox.toml",
            &format!("[providers]\nkms = {{ type = \"aws-kms\", key_id = \"{first}\", region = \"us-east-1\" }}\n\n[secrets]\n"),
        );
        let kms = Kms {
            sb,
            endpoint,
            first,
            first_arn,
        };
        kms.run(&["set", "A", "alpha"]).ok();
        kms.run(&["set", "B", "beta"]).ok();
        Some(kms)
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut out = self
            .sb
            .output(self.sb.fnox().envs(aws_env(self.endpoint)).args(args));
        for text in [&mut out.stdout, &mut out.stderr] {
            *text = text
                .replace(&self.first_arn, "[ARN1]")
                .replace(&self.first, "[KEY1]");
        }
        out
    }

    /// The ARN of the key KMS says sealed secret `name`, and its plaintext (boto3's Decrypt).
    fn sealed_by(&self, name: &str) -> (String, String) {
        use base64::Engine;
        let b64 = stored(&self.sb.read("fnox.toml"), name);
        let reply = boto3(
            self.endpoint,
            "kms",
            "decrypt",
            json!({ "CiphertextBlob": { "__b64": b64 } }),
        );
        let plain = base64::engine::general_purpose::STANDARD
            .decode(reply["Plaintext"]["__b64"].as_str().unwrap())
            .unwrap();
        (
            reply["KeyId"].as_str().unwrap().to_owned(),
            String::from_utf8(plain).unwrap(),
        )
    }
}

/// The stored value of secret `name` in a fnox.toml's text.
fn stored(text: &str, name: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{name}=")) || l.starts_with(&format!("{name} =")))
        .unwrap_or_else(|| panic!("{name} in {text}"));
    let start = line.find("value = \"").unwrap() + 9;
    line[start..line[start..].find('"').unwrap() + start].to_owned()
}

/// A new KMS key: (key id, ARN).
fn create_key(endpoint: &str) -> (String, String) {
    let meta = boto3(endpoint, "kms", "create_key", json!({}))["KeyMetadata"].clone();
    (
        meta["KeyId"].as_str().unwrap().to_owned(),
        meta["Arn"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn rotate_create_makes_a_key_re_encrypts_under_it_and_retire_drops_the_old_one() {
    let Some(kms) = Kms::new() else { return };
    assert_snapshot!(kms.run(&["key", "status"]).ok(), @r"
    kms (aws-kms), providers.kms in ./fnox.toml
      v1 current  [ARN1]: 2 secret(s)
    ");

    kms.run(&["key", "rotate", "kms", "--create", "-f"]).ok();
    let text = kms.sb.read("fnox.toml");
    let new_id = text
        .split("key_id = \"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    assert_ne!(new_id, kms.first);
    let meta = boto3(
        kms.endpoint,
        "kms",
        "describe_key",
        json!({ "KeyId": new_id }),
    )["KeyMetadata"]
        .clone();
    assert_eq!(meta["KeyUsage"], "ENCRYPT_DECRYPT", "{meta}");
    assert!(
        meta["Description"].as_str().unwrap().contains("fnox"),
        "{meta}"
    );
    let new_arn = meta["Arn"].as_str().unwrap().to_owned();
    assert!(
        text.contains(&format!("retired_key_ids = [\"{}\"]", kms.first_arn)),
        "{text}"
    );
    for (name, plain) in [("A", "alpha"), ("B", "beta")] {
        assert_eq!(
            kms.sealed_by(name),
            (new_arn.clone(), plain.to_owned()),
            "{name}"
        );
    }
    let status = kms.run(&["key", "status"]).ok().replace(&new_arn, "[ARN2]");
    assert_snapshot!(status, @r"
    kms (aws-kms), providers.kms in ./fnox.toml
      v1 retired  [ARN1]: 0 secret(s)
      v2 current  [ARN2]: 2 secret(s)
    ");

    let out = kms.run(&["key", "retire", "kms", "--below", "2", "-f"]);
    out.ok();
    assert!(
        out.stderr
            .contains("no loaded value uses key [ARN1] any more"),
        "{}",
        out.stderr
    );
    let text = kms.sb.read("fnox.toml");
    assert!(!text.contains("retired_key_ids"), "{text}");
    let enabled = boto3(
        kms.endpoint,
        "kms",
        "describe_key",
        json!({ "KeyId": kms.first }),
    );
    assert_eq!(
        enabled["KeyMetadata"]["KeyState"], "Enabled",
        "fnox disables nothing in KMS"
    );
    assert_eq!(kms.run(&["get", "A"]).ok(), "alpha\n");
}

#[test]
fn rotate_to_a_named_key_and_retire_refuses_while_a_value_is_sealed_with_the_old_one() {
    let Some(kms) = Kms::new() else { return };
    let (second, second_arn) = create_key(kms.endpoint);
    let before = kms.sb.read("fnox.toml");
    kms.run(&["key", "rotate", "kms", "--key-id", &second, "-f"])
        .ok();
    assert_eq!(kms.sealed_by("A").0, second_arn);

    // A value sealed with the first key comes back (a merge from a branch that had not rotated).
    let old_b = stored(&before, "B");
    let text = kms.sb.read("fnox.toml").replacen(
        "[secrets]\n",
        &format!("[secrets]\nSTALE = {{ provider = \"kms\", value = \"{old_b}\" }}\n"),
        1,
    );
    kms.sb.write("fnox.toml", &text);
    assert_eq!(kms.sealed_by("STALE").0, kms.first_arn);
    let status = kms
        .run(&["key", "status"])
        .ok()
        .replace(&second_arn, "[ARN2]");
    assert_snapshot!(status, @r"
    kms (aws-kms), providers.kms in ./fnox.toml
      v1 retired  [ARN1]: 1 secret(s)
          STALE (secrets.STALE in ./fnox.toml)
      v2 current  [ARN2]: 2 secret(s)
    ");

    assert_snapshot!(kms.run(&["key", "retire", "kms", "--below", "2", "-f"]).all(), @r"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::key::in_use]: cannot retire the key versions below 2 of provider 'kms': 1 value(s) still need them; nothing was changed
      caused by: STALE (secrets.STALE in ./fnox.toml) is sealed with version 1
      hint: move them to the current key first: `fnox reencrypt --provider kms` (or `fnox key rotate kms`), then retire
    ");
    assert_eq!(kms.sb.read("fnox.toml"), text, "nothing was changed");
    kms.run(&["reencrypt", "-f", "STALE"]).ok();
    assert_eq!(kms.sealed_by("STALE"), (second_arn, "beta".to_owned()));
    kms.run(&["key", "retire", "kms", "--below", "2", "-f"])
        .ok();
    assert!(!kms.sb.read("fnox.toml").contains("retired_key_ids"));
}

#[test]
fn rotate_to_a_key_that_does_not_exist_changes_nothing_and_says_to_check_key_id() {
    let Some(kms) = Kms::new() else { return };
    let before = kms.sb.read("fnox.toml");
    let out = kms.run(&[
        "key",
        "rotate",
        "kms",
        "--key-id",
        "alias/fnox-no-such-key",
        "-f",
    ]);
    let err = out.fails(1);
    assert!(
        err.contains("key alias/fnox-no-such-key was not found"),
        "{err}"
    );
    assert!(err.contains("check `key_id`"), "{err}");
    assert!(!err.contains("fnox set"), "not a store's hint: {err}");
    assert_eq!(kms.sb.read("fnox.toml"), before);
    assert_eq!(kms.sealed_by("A").0, kms.first_arn);

    assert_snapshot!(kms.run(&["key", "rotate", "kms", "-f"]).all(), @r"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::usage]: rotating provider 'kms' (aws-kms) needs the new key: --key-id ID, or --create to have fnox create one
    ");
}
