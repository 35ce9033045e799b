//! `vault-transit`: encryption as a service with Vault's (or OpenBao's) Transit engine. The
//! `vault:vN:…` ciphertext Transit returns is what fnox.toml stores; the key never leaves Vault.
//! A batch is decrypted in one request (`batch_input`), each item keeping its own error, and
//! `fnox reencrypt` can rewrap values under the key's latest version without seeing them.

use serde::Deserialize;
use serde_json::{json, Value};

use base64::Engine;

use super::{mount_path, Connection, Reply, Target};
use crate::provider::{Cipher, ErrorKind, ItemResult, KeyInfo, KeyRef, ProviderError};
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransitConfig {
    pub address: Option<String>,
    pub key: String,
    pub mount: Option<String>,
    pub token: Option<String>,
    pub namespace: Option<String>,
    pub credential_command: Option<String>,
}

pub struct Transit {
    key: String,
    mount: String,
    conn: Connection,
}

const SERVICE: &str = "HashiCorp Vault Transit";

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

impl Transit {
    pub fn new(config: TransitConfig) -> Transit {
        let mount = mount_path(config.mount.as_deref(), "transit");
        Transit {
            key: config.key,
            conn: Connection::new(
                SERVICE,
                Target {
                    address: config.address,
                    token: config.token,
                    namespace: config.namespace,
                    credential_command: config.credential_command,
                    path: Some(mount.clone()),
                },
            ),
            mount,
        }
    }

    /// The key's description (`GET keys/NAME`, its `data`); `lifecycle`: a refused request
    /// names the policy `fnox key` needs.
    fn key_data(&self, lifecycle: bool) -> Result<Value, ProviderError> {
        let what = self.key_desc();
        let path = format!("{}/keys/{}", self.mount, self.key);
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::GET, &path, None, &what)
                .await
                .map_err(|e| {
                    if lifecycle {
                        self.lifecycle_error(e, "read")
                    } else {
                        e
                    }
                })?;
            if !reply.ok() {
                return Err(self.refused(&reply, &what));
            }
            Ok(reply.body["data"].clone())
        })
    }

    fn key_desc(&self) -> String {
        format!("transit key '{}' on mount {}/", self.key, self.mount)
    }

    /// An error for a whole request that Transit refused.
    fn refused(&self, reply: &Reply, what: &str) -> ProviderError {
        let errors = reply.errors();
        if reply.status == 404 || errors.contains("key not found") {
            return ProviderError::new(
                ErrorKind::Config,
                format!("{SERVICE}: {} does not exist", self.key_desc()),
            )
            .hint(format!(
                "check the provider's `key` and `mount`, or create it with `vault write -f {}/keys/{}`",
                self.mount, self.key
            ));
        }
        self.conn.unexpected(reply, what)
    }

    /// A refusal of a key-lifecycle request (`op`: rotate or config) that names the key and
    /// the policy the token needs; other failures as `refused`.
    fn lifecycle_error(&self, e: ProviderError, op: &str) -> ProviderError {
        if e.kind != ErrorKind::AccessDenied {
            return e;
        }
        let (m, k) = (&self.mount, &self.key);
        let (capability, path) = match op {
            "read" => ("read", format!("{m}/keys/{k}")),
            other => ("update", format!("{m}/keys/{k}/{other}")),
        };
        e.hint(format!(
            "give the token's policy `{capability}` on {path}, or use a token that has it (`fnox key` needs `read` on {m}/keys/{k} and `update` on {m}/keys/{k}/rotate, {m}/keys/{k}/config and {m}/rewrap/{k})"
        ))
    }

    /// Sends one batch request (`op` is decrypt or rewrap) and returns each item's result
    /// field, or its error, in input order.
    fn batch(&self, op: &str, ciphertexts: &[&str]) -> Vec<Result<String, ProviderError>> {
        if ciphertexts.is_empty() {
            return Vec::new();
        }
        let what = format!(
            "{} values ({op} with {})",
            ciphertexts.len(),
            self.key_desc()
        );
        let input: Vec<Value> = ciphertexts
            .iter()
            .map(|c| json!({ "ciphertext": c.trim() }))
            .collect();
        let body = json!({ "batch_input": input });
        let path = format!("{}/{op}/{}", self.mount, self.key);
        let field = if op == "decrypt" {
            "plaintext"
        } else {
            "ciphertext"
        };
        let outcome = self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::POST, &path, Some(&body), &what)
                .await?;
            // Transit answers 400 when any item failed, still with every item's result.
            match reply.body["data"]["batch_results"].as_array() {
                Some(items) if items.len() == ciphertexts.len() => Ok(items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| match item["error"].as_str().filter(|e| !e.is_empty()) {
                        Some(err) => Err(ProviderError::new(
                            ErrorKind::BadCiphertext,
                            format!("{SERVICE}: Vault could not {op} the value with {}: {err}", self.key_desc()),
                        )
                        .hint("check that the value is a `vault:vN:` ciphertext made with this key, or set it again with `fnox set`")),
                        None => item[field].as_str().map(str::to_owned).ok_or_else(|| {
                            ProviderError::new(
                                ErrorKind::Other,
                                format!("{SERVICE}: Vault returned no {field} for item {}", i + 1),
                            )
                        }),
                    })
                    .collect::<Vec<_>>()),
                _ => Err(self.refused(&reply, &what)),
            }
        });
        match outcome {
            Ok(items) => items,
            Err(e) => ciphertexts.iter().map(|_| Err(e.clone())).collect(),
        }
    }
}

impl Cipher for Transit {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError> {
        let what = format!("encryption with {}", self.key_desc());
        let body = json!({ "plaintext": B64.encode(plaintext) });
        let path = format!("{}/encrypt/{}", self.mount, self.key);
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::POST, &path, Some(&body), &what)
                .await?;
            if !reply.ok() {
                return Err(self.refused(&reply, &what));
            }
            reply.body["data"]["ciphertext"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| {
                    ProviderError::new(
                        ErrorKind::Other,
                        format!("{SERVICE}: Vault returned no ciphertext"),
                    )
                })
        })
    }

    fn decrypt_batch(&self, ciphertexts: &[&str]) -> Vec<ItemResult> {
        self.batch("decrypt", ciphertexts)
            .into_iter()
            .map(|r| {
                let b64 = r?;
                let bytes = B64.decode(b64.as_bytes()).map_err(|_| {
                    ProviderError::new(
                        ErrorKind::BadCiphertext,
                        format!("{SERVICE}: Vault returned a plaintext that is not base64"),
                    )
                })?;
                String::from_utf8(bytes).map(SecretValue::new).map_err(|_| {
                    ProviderError::new(
                        ErrorKind::BadCiphertext,
                        format!("{SERVICE}: the decrypted value is not UTF-8 text"),
                    )
                    .hint("binary values need `fnox set --base64`")
                })
            })
            .collect()
    }

    fn check(&self) -> Result<String, ProviderError> {
        let what = self.key_desc();
        let data = self.key_data(false)?;
        if data["supports_encryption"] == false || data["supports_decryption"] == false {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!(
                    "{SERVICE}: {what} (type {}) cannot encrypt and decrypt",
                    data["type"].as_str().unwrap_or("unknown")
                ),
            )
            .hint("use a symmetric key such as aes256-gcm96"));
        }
        Ok(format!(
            "{what} is usable: latest version {}, type {}",
            data["latest_version"],
            data["type"].as_str().unwrap_or("unknown")
        ))
    }

    fn rewrap_batch(&self, ciphertexts: &[&str]) -> Option<Vec<Result<String, ProviderError>>> {
        Some(self.batch("rewrap", ciphertexts))
    }

    fn sealed_with(&self, ciphertexts: &[&str]) -> Vec<Option<KeyRef>> {
        ciphertexts
            .iter()
            .map(|c| {
                Some(KeyRef {
                    key: self.key.clone(),
                    version: Some(ciphertext_version(c)?),
                })
            })
            .collect()
    }

    fn key_info(&self) -> Result<KeyInfo, ProviderError> {
        Ok(key_info_of(&self.key, &self.key_data(true)?))
    }

    fn rotate_key(&self) -> Result<KeyInfo, ProviderError> {
        let what = format!("rotating {}", self.key_desc());
        let path = format!("{}/keys/{}/rotate", self.mount, self.key);
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::POST, &path, None, &what)
                .await
                .map_err(|e| self.lifecycle_error(e, "rotate"))?;
            if !reply.ok() {
                return Err(self.refused(&reply, &what));
            }
            Ok(())
        })?;
        self.key_info()
    }

    fn retire_below(&self, version: u64) -> Result<(), ProviderError> {
        // Transit counts from 1; 0 would be forced to 1 by Vault anyway.
        let version = version.max(1);
        let what = format!(
            "setting min_decryption_version {version} on {}",
            self.key_desc()
        );
        let path = format!("{}/keys/{}/config", self.mount, self.key);
        let body = json!({ "min_decryption_version": version });
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::POST, &path, Some(&body), &what)
                .await
                .map_err(|e| self.lifecycle_error(e, "config"))?;
            if reply.ok() {
                return Ok(());
            }
            let errors = reply.errors();
            if reply.status == 400 && !errors.is_empty() {
                return Err(ProviderError::new(
                    ErrorKind::Config,
                    format!(
                        "{SERVICE}: Vault refused min_decryption_version {version} for {}: {errors}",
                        self.key_desc()
                    ),
                )
                .hint("the version must be between 1 and the key's latest version; `fnox key status` shows them"));
            }
            Err(self.refused(&reply, &what))
        })
    }
}

/// N of a `vault:vN:…` ciphertext.
fn ciphertext_version(ciphertext: &str) -> Option<u64> {
    let rest = ciphertext.trim().strip_prefix("vault:v")?;
    let (n, data) = rest.split_once(':')?;
    if data.is_empty() || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// The `data` of `GET {mount}/keys/{key}` as a KeyInfo.
fn key_info_of(key: &str, data: &Value) -> KeyInfo {
    let mut versions: Vec<u64> = data["keys"]
        .as_object()
        .map(|keys| keys.keys().filter_map(|v| v.parse().ok()).collect())
        .unwrap_or_default();
    versions.sort_unstable();
    KeyInfo {
        current: Some(KeyRef {
            key: key.to_owned(),
            version: data["latest_version"].as_u64(),
        }),
        min_decryption_version: data["min_decryption_version"].as_u64(),
        versions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ciphertexts_name_their_key_version() {
        assert_eq!(ciphertext_version("vault:v1:abcd"), Some(1));
        assert_eq!(ciphertext_version(" vault:v12:abcd\n"), Some(12));
        for other in [
            "vault:v:abcd",
            "vault:vx:abcd",
            "vault:v2:",
            "age1...",
            "vault:v2",
        ] {
            assert_eq!(ciphertext_version(other), None, "{other}");
        }
    }

    #[test]
    fn key_info_lists_versions_in_numeric_order() {
        let data = json!({
            "latest_version": 10,
            "min_decryption_version": 9,
            "keys": { "10": 1, "9": 1, "11x": 1 }
        });
        let info = key_info_of("app", &data);
        assert_eq!(info.versions, vec![9, 10]);
        assert_eq!(info.min_decryption_version, Some(9));
        assert_eq!(
            info.current,
            Some(KeyRef {
                key: "app".into(),
                version: Some(10)
            })
        );
    }
}
