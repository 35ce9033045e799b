//! `fnox key status|rotate|retire` with vault-transit against the shared OpenBao dev server: the
//! key is rotated in Vault and values rewrapped there, retirement sets min_decryption_version, and
//! what Vault holds afterwards is read through its own API, not through fnox.

use insta::assert_snapshot;
use serde_json::{json, Value};

use crate::support::openbao::{openbao, Bao, ROOT_TOKEN};
use crate::support::{Output, Sandbox};

/// A project with a vault-transit provider `vt` over a transit key of its own.
struct Transit {
    sb: Sandbox,
    bao: &'static Bao,
    key: String,
}

impl Transit {
    fn new() -> Option<Transit> {
        let bao = openbao()?;
        let sb = Sandbox::new();
        let key = format!("{}-key", sb.unique());
        bao.api("POST", &format!("transit/keys/{key}"), Some(json!({})));
        sb.write(
            "fnox.toml",
            &format!(
                "[providers]\nvt = {{ type = \"vault-transit\", key = \"{key}\" }}\n\n[secrets]\n"
            ),
        );
        Some(Transit { sb, bao, key })
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_as(ROOT_TOKEN, args)
    }

    fn run_as(&self, token: &str, args: &[&str]) -> Output {
        let mut cmd = self.sb.fnox();
        cmd.env("VAULT_ADDR", &self.bao.addr)
            .env("VAULT_TOKEN", token);
        let mut out = self.sb.output(cmd.args(args));
        for text in [&mut out.stdout, &mut out.stderr] {
            *text = text.replace(&self.key, "[KEY]");
        }
        out
    }

    /// The key as Vault reports it.
    fn vault_key(&self) -> Value {
        self.bao
            .api("GET", &format!("transit/keys/{}", self.key), None)["data"]
            .clone()
    }

    /// Vault's own decryption of a ciphertext: its plaintext, or None when Vault refuses.
    fn vault_decrypt(&self, ciphertext: &str) -> Option<String> {
        use base64::Engine;
        let (status, reply) = self.bao.api_raw(
            "POST",
            &format!("transit/decrypt/{}", self.key),
            Some(json!({ "ciphertext": ciphertext })),
        );
        if status != 200 {
            return None;
        }
        let b64 = reply["data"]["plaintext"].as_str()?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        Some(String::from_utf8(bytes).unwrap())
    }

    /// The stored value of secret `name`.
    fn stored(&self, name: &str) -> String {
        let text = self.sb.read("fnox.toml");
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{name}=")) || l.starts_with(&format!("{name} =")))
            .unwrap_or_else(|| panic!("{name} in {text}"));
        let start = line.find("value = \"").unwrap() + 9;
        line[start..line[start..].find('"').unwrap() + start].to_owned()
    }
}

#[test]
fn rotate_rotates_the_key_in_vault_and_rewraps_every_value_under_the_new_version() {
    let Some(t) = Transit::new() else { return };
    t.run(&["set", "A", "alpha"]).ok();
    t.run(&["set", "B", "beta"]).ok();
    assert_snapshot!(t.run(&["key", "status"]).ok(), @r"
    vt (vault-transit), providers.vt in ./fnox.toml
      v1 current  [KEY]: 2 secret(s)
    ");
    let old_a = t.stored("A");
    assert!(old_a.starts_with("vault:v1:"), "{old_a}");

    let dry = t.run(&["key", "rotate", "vt", "--dry-run"]);
    assert!(dry.ok().contains("re-encrypt 2 value(s)"), "{}", dry.stdout);
    assert_eq!(
        t.vault_key()["latest_version"],
        1,
        "a dry run rotates nothing"
    );

    let out = t.run(&["key", "rotate", "vt", "-f"]);
    out.ok();
    assert!(out.stderr.contains("to [KEY] v2"), "{}", out.stderr);
    assert_eq!(t.vault_key()["latest_version"], 2);
    for (name, plain) in [("A", "alpha"), ("B", "beta")] {
        let now = t.stored(name);
        assert!(now.starts_with("vault:v2:"), "{name}: {now}");
        assert_eq!(
            t.vault_decrypt(&now).as_deref(),
            Some(plain),
            "Vault reads {name}"
        );
        assert_eq!(t.run(&["get", name]).ok(), format!("{plain}\n"));
    }
    assert_eq!(
        t.vault_decrypt(&old_a).as_deref(),
        Some("alpha"),
        "v1 still decrypts until retired"
    );
    assert_snapshot!(t.run(&["key", "status"]).ok(), @r"
    vt (vault-transit), providers.vt in ./fnox.toml
      v1 retired  [KEY]: 0 secret(s)
      v2 current  [KEY]: 2 secret(s)
    ");
    let status: Value = serde_json::from_str(t.run(&["key", "status", "--json"]).ok()).unwrap();
    let versions = &status["providers"][0]["versions"];
    assert_eq!(versions[1]["version"], 2, "{status}");
    assert_eq!(versions[1]["state"], "current", "{status}");
    assert_eq!(
        versions[1]["secrets"].as_array().unwrap().len(),
        2,
        "{status}"
    );
}

#[test]
fn retire_sets_min_decryption_version_once_no_value_needs_the_old_versions() {
    let Some(t) = Transit::new() else { return };
    t.run(&["set", "A", "alpha"]).ok();
    let v1 = t.stored("A");
    // Rotated outside fnox: A is still sealed with v1, which retiring would lock out.
    t.bao
        .api("POST", &format!("transit/keys/{}/rotate", t.key), None);
    assert_snapshot!(t.run(&["key", "retire", "vt", "--below", "2", "-f"]).all(), @r"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::key::in_use]: cannot retire the key versions below 2 of provider 'vt': 1 value(s) still need them; nothing was changed
      caused by: A (secrets.A in ./fnox.toml) is sealed with version 1
      hint: move them to the current key first: `fnox reencrypt --provider vt` (or `fnox key rotate vt`), then retire
    ");
    assert_eq!(t.vault_key()["min_decryption_version"], 1);

    t.run(&["reencrypt", "--provider", "vt", "-f"]).ok();
    assert!(t.stored("A").starts_with("vault:v2:"));
    let out = t.run(&["key", "retire", "vt", "--below", "2", "-f"]);
    out.ok();
    assert!(
        out.stderr.contains("min_decryption_version = 2"),
        "{}",
        out.stderr
    );
    assert_eq!(t.vault_key()["min_decryption_version"], 2);
    assert_eq!(t.vault_decrypt(&v1), None, "Vault no longer decrypts v1");
    assert_eq!(t.run(&["get", "A"]).ok(), "alpha\n");
    assert_snapshot!(t.run(&["key", "status"]).ok(), @r"
    vt (vault-transit), providers.vt in ./fnox.toml
      v1 disabled [KEY]: 0 secret(s)
      v2 current  [KEY]: 1 secret(s)
    ");

    t.run(&["key", "retire", "vt", "--below", "1", "-f"]).ok();
    assert_eq!(t.vault_key()["min_decryption_version"], 1);
    assert_eq!(
        t.vault_decrypt(&v1).as_deref(),
        Some("alpha"),
        "enabled again"
    );
}

#[test]
fn a_token_that_may_not_rotate_gets_the_policy_it_needs_and_nothing_changes() {
    let Some(t) = Transit::new() else { return };
    t.run(&["set", "A", "alpha"]).ok();
    let before = t.sb.read("fnox.toml");
    let policy = format!("{}-no-rotate", t.key);
    let rules: String = ["keys/KEY", "encrypt/KEY", "decrypt/KEY", "rewrap/KEY"]
        .iter()
        .map(|p| {
            let cap = if p.starts_with("keys/") {
                "read"
            } else {
                "update"
            };
            format!(
                "path \"transit/{}\" {{ capabilities = [\"{cap}\"] }}\n",
                p.replace("KEY", &t.key)
            )
        })
        .collect();
    t.bao.api(
        "POST",
        &format!("sys/policies/acl/{policy}"),
        Some(json!({ "policy": rules })),
    );
    let created = t.bao.api(
        "POST",
        "auth/token/create",
        Some(json!({ "policies": [policy], "no_default_policy": true })),
    );
    let token = created["auth"]["client_token"].as_str().unwrap();

    t.run_as(token, &["key", "status"]).ok();
    assert_snapshot!(t.run_as(token, &["key", "rotate", "vt", "-f"]).all(), @r"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot rotate the key of providers.vt in ./fnox.toml
      caused by: HashiCorp Vault Transit: Vault denied access to rotating transit key '[KEY]' on mount transit/ (permission denied): the token is invalid or expired, or its policies do not allow this
      hint: give the token's policy `update` on transit/keys/[KEY]/rotate, or use a token that has it (`fnox key` needs `read` on transit/keys/[KEY] and `update` on transit/keys/[KEY]/rotate, transit/keys/[KEY]/config and transit/rewrap/[KEY])
    ");
    assert_snapshot!(t.run_as(token, &["key", "retire", "vt", "--below", "1", "-f"]).all(), @r"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot retire the old versions of providers.vt in ./fnox.toml
      caused by: HashiCorp Vault Transit: Vault denied access to setting min_decryption_version 1 on transit key '[KEY]' on mount transit/ (permission denied): the token is invalid or expired, or its policies do not allow this
      hint: give the token's policy `update` on transit/keys/[KEY]/config, or use a token that has it (`fnox key` needs `read` on transit/keys/[KEY] and `update` on transit/keys/[KEY]/rotate, transit/keys/[KEY]/config and transit/rewrap/[KEY])
    ");
    assert_eq!(t.vault_key()["latest_version"], 1);
    assert_eq!(t.sb.read("fnox.toml"), before);
}

#[test]
fn retiring_the_current_version_is_refused_before_vault_is_asked() {
    let Some(t) = Transit::new() else { return };
    t.run(&["set", "A", "alpha"]).ok();
    assert_snapshot!(t.run(&["key", "retire", "vt", "--below", "3", "-f"]).all(), @r"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::usage]: --below 3 would retire the current key of providers.vt in ./fnox.toml (version 1)
      hint: rotate first (`fnox key rotate vt`), then retire the versions below the new one
    ");
    assert_eq!(t.vault_key()["min_decryption_version"], 1);
}
