//! `fnox key rotate --create` and `fnox key retire` with cosmian-kms against the real Cosmian
//! server: the new key is made (and activated) in the KMS, every value moves to it, and the old
//! key id waits in `retired_key_ids` until retired. The server is read through its own KMIP API.

use serde_json::json;

use crate::support::cosmian::{cosmian_kms, find, Kms};
use crate::support::Sandbox;

/// The key id a stored `cosmian-kms:v1:KEY_ID:BASE64` value names.
fn sealed_with(sb: &Sandbox, name: &str) -> String {
    let text = sb.read("fnox.toml");
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{name} ")) || l.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} in {text}"));
    let value = line
        .split("value = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let rest = value.strip_prefix("cosmian-kms:v1:").expect(value);
    rest.rsplit_once(':').unwrap().0.to_owned()
}

fn state(kms: &Kms, id: &str) -> String {
    let reply = kms.op(
        json!({"tag": "GetAttributes", "type": "Structure", "value": [
            {"tag": "UniqueIdentifier", "type": "TextString", "value": id}
        ]}),
    );
    find(&reply, "State").unwrap()["value"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn rotate_create_moves_every_value_to_a_new_active_key_and_retire_drops_the_old_id() {
    let Some(kms) = cosmian_kms() else { return };
    let sb = Sandbox::new();
    let first = kms.create_aes_key(&format!("{}-first", sb.unique()), true);
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nenc = {{ type = \"cosmian-kms\", address = \"{}\", key_id = \"{first}\" }}\n\n[secrets]\n",
            kms.addr
        ),
    );
    sb.run(&["set", "A", "alpha"]).ok();
    sb.run(&["set", "B", "beta"]).ok();

    sb.run(&["key", "rotate", "enc", "--create", "-f"]).ok();
    let text = sb.read("fnox.toml");
    let new_id = text
        .split("key_id = \"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    assert_ne!(new_id, first, "{text}");
    assert!(
        text.contains(&format!("retired_key_ids = [\"{first}\"]")),
        "{text}"
    );
    assert_eq!(state(kms, &new_id), "Active");
    for (name, plain) in [("A", "alpha\n"), ("B", "beta\n")] {
        assert_eq!(sealed_with(&sb, name), new_id, "{name}");
        assert_eq!(sb.run(&["get", name]).ok(), plain);
    }
    let status = sb.run(&["key", "status"]);
    assert!(
        status
            .ok()
            .contains(&format!("current  {new_id}: 2 secret(s)")),
        "{}",
        status.stdout
    );

    sb.run(&["key", "retire", "enc", "--below", "2", "-f"]).ok();
    assert!(!sb.read("fnox.toml").contains("retired_key_ids"));
    assert_eq!(
        state(kms, &first),
        "Active",
        "fnox disables nothing in the KMS"
    );
}
