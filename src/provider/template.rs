//! What `fnox provider add NAME TYPE` writes: a `[providers.NAME]` table for every type upstream
//! fnox's `provider add` takes, with the placeholder values upstream writes, so a team moving
//! between the two gets the same starting table. Types this fnox does not build are written all
//! the same (the config stays readable by upstream); `provider add` says so.

use toml_edit::{Array, Value};

/// Every TYPE `provider add` takes: upstream's list, its aliases `aws` (for aws-sm) and `gcp`
/// (for gcp-sm), and the type names themselves, including this fnox's `vault-transit` and
/// `cosmian-kms`.
pub const ADD_TYPES: [&str; 29] = [
    "1password",
    "age",
    "aws",
    "aws-kms",
    "aws-ps",
    "aws-sm",
    "azure-ac",
    "azure-kms",
    "azure-sm",
    "bitwarden",
    "bitwarden-sm",
    "cosmian-kms",
    "doppler",
    "fido2",
    "foks",
    "gcp",
    "gcp-kms",
    "gcp-sm",
    "infisical",
    "keepass",
    "keeper-sm",
    "keychain",
    "password-store",
    "passwordstate",
    "plain",
    "proton-pass",
    "vault",
    "vault-transit",
    "yubikey",
];

/// The `type` written for a TYPE argument: upstream's `aws` and `gcp` are its Secrets Manager
/// and Secret Manager.
pub fn config_type(kind: &str) -> &str {
    match kind {
        "aws" => "aws-sm",
        "gcp" => "gcp-sm",
        other => other,
    }
}

/// The fields after `type` for a provider called `name` of config type `kind`, in the order
/// upstream writes them; None when `kind` is not a type `provider add` takes.
pub fn placeholders(name: &str, kind: &str) -> Option<Vec<(&'static str, Value)>> {
    let text = |pairs: &[(&'static str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| (*k, Value::from(*v)))
            .collect::<Vec<_>>()
    };
    let fields = match kind {
        "age" => {
            let mut recipients = Array::new();
            recipients.push(AGE_RECIPIENT);
            vec![("recipients", Value::Array(recipients))]
        }
        "1password" => text(&[("vault", "default")]),
        "aws-sm" => text(&[("region", "us-east-1")]),
        "aws-kms" => text(&[("key_id", "alias/my-key"), ("region", "us-east-1")]),
        "aws-ps" => text(&[("region", "us-east-1"), ("prefix", "/myapp/prod/")]),
        "azure-kms" => text(&[("vault_url", AZURE_VAULT_URL), ("key_name", "my-key")]),
        "azure-sm" => text(&[("vault_url", AZURE_VAULT_URL)]),
        "azure-ac" => text(&[("endpoint", "https://my-store.azconfig.io")]),
        "gcp-sm" => text(&[("project", "my-project")]),
        "gcp-kms" => text(&[
            ("project", "my-project"),
            ("location", "global"),
            ("keyring", "my-keyring"),
            ("key", "my-key"),
        ]),
        "doppler" => text(&[("project", "my-project"), ("config", "prd")]),
        "foks" => text(&[("prefix", "/fnox/")]),
        "infisical" => text(&[
            ("project_id", "your-project-id"),
            ("environment", "dev"),
            ("path", "/"),
        ]),
        "keepass" => text(&[("database", "~/secrets.kdbx")]),
        "keychain" => text(&[("service", "fnox")]),
        "password-store" => text(&[("prefix", "fnox/")]),
        "passwordstate" => text(&[
            ("base_url", "https://passwordstate.example.com"),
            ("password_list_id", "123"),
        ]),
        "vault" => text(&[("address", VAULT_ADDRESS), ("path", "secret")]),
        "vault-transit" => text(&[("address", VAULT_ADDRESS), ("key", "my-key")]),
        // A store; adding `key_id = "..."` (an AES key's unique id) makes it a cipher.
        "cosmian-kms" => text(&[("address", COSMIAN_KMS_ADDRESS)]),
        // Upstream fills these in from the device during `provider add`; without one, the
        // fields it would write, with the relying party it would use.
        "yubikey" => text(&[("challenge", "a1b2c3..."), ("slot", "2")]),
        "fido2" => {
            let mut fields = text(&[("credential_id", "a1b2c3..."), ("salt", "d4e5f6...")]);
            fields.push(("rp_id", Value::from(format!("fnox.{name}"))));
            fields
        }
        "plain" | "bitwarden" | "bitwarden-sm" | "keeper-sm" | "proton-pass" => Vec::new(),
        _ => return None,
    };
    Some(fields)
}

/// The placeholder recipient of an age template (`provider add` puts this machine's key instead
/// when it has one).
pub const AGE_RECIPIENT: &str = "age1...";
const AZURE_VAULT_URL: &str = "https://my-vault.vault.azure.net/";
const VAULT_ADDRESS: &str = "http://localhost:8200";
const COSMIAN_KMS_ADDRESS: &str = "http://localhost:9998";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_add_type_has_a_template_of_a_known_config_type() {
        for kind in ADD_TYPES {
            let config = config_type(kind);
            assert!(
                super::super::SUPPORTED.contains(&config)
                    || super::super::KNOWN_UNSUPPORTED.contains(&config),
                "{kind}"
            );
            assert!(placeholders("x", config).is_some(), "{kind}");
        }
        assert!(placeholders("x", "nope").is_none());
    }
}
