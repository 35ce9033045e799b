//! `azure-kms`: values encrypted by an Azure Key Vault RSA key with RSA-OAEP-256, the value
//! being the standard base64 of the raw ciphertext, as upstream fnox stores it (no envelope, so at
//! most 190 bytes of plaintext with a 2048-bit key, 318 with 3072, 446 with 4096).
//!
//! The key is looked up once per provider (its current version and size); values are encrypted
//! and decrypted by the vault with that version, a batch concurrently on one token. The stored
//! value does not say which version made it, so a value that the current version cannot decrypt
//! (the key was rotated since) is tried with the key's other enabled versions, newest first, and
//! `fnox list --stale` / `reencrypt` name it. When the identity may not read the key (only use
//! it), requests go to the versionless key, as the official SDKs do then.

use std::sync::OnceLock;

use base64::Engine;
use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{valid_object_name, Connection, Reply, Vault, CONCURRENCY};
use crate::provider::{Cipher, ErrorKind, ItemResult, ProviderError};
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KmsConfig {
    pub vault_url: String,
    pub key_name: String,
}

/// The algorithm upstream fnox uses.
const ALGORITHM: &str = "RSA-OAEP-256";
const SERVICE: &str = "Azure Key Vault";
const STANDARD: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;
const URL_SAFE: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The key as the vault described it.
#[derive(Clone)]
struct Key {
    /// The current version; None when the identity may not read the key.
    version: Option<String>,
    /// Modulus length in bytes (0 when unknown).
    modulus: usize,
}

pub struct KeyCipher {
    key_name: String,
    conn: Connection,
    key: OnceLock<Result<Key, ProviderError>>,
}

/// The version id at the end of a key id (`https://v.vault.azure.net/keys/NAME/VERSION`).
fn version_of(kid: &str) -> Option<String> {
    let v = kid.trim_end_matches('/').rsplit('/').next()?;
    (!v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric())).then(|| v.to_owned())
}

fn bad_ciphertext(text: String) -> ProviderError {
    ProviderError::new(ErrorKind::BadCiphertext, text)
        .hint("check that the value was encrypted with this key (`vault_url`, `key_name`), or set it again with `fnox set`")
}

impl KeyCipher {
    pub fn new(config: KmsConfig) -> Result<KeyCipher, ProviderError> {
        if !valid_object_name(&config.key_name) {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!("{SERVICE}: `key_name` '{}' is not a Key Vault key name (1-127 letters, digits and hyphens)", config.key_name),
            )
            .hint("set `key_name` to the key's name in the vault, not its URL"));
        }
        Ok(KeyCipher {
            key_name: config.key_name,
            conn: Connection::new(SERVICE, Vault::parse(SERVICE, &config.vault_url)?),
            key: OnceLock::new(),
        })
    }

    fn desc(&self) -> String {
        format!("key '{}'", self.key_name)
    }

    fn missing_key(&self) -> ProviderError {
        ProviderError::new(
            ErrorKind::Config,
            format!(
                "{SERVICE}: key '{}' does not exist in {}",
                self.key_name,
                self.conn.vault_url()
            ),
        )
        .hint(format!(
            "check the provider's `key_name` and `vault_url`, or create it with `az keyvault key create --vault-name VAULT --name {} --kty RSA`",
            self.key_name
        ))
    }

    /// GET keys/NAME: the current version and size, once per provider.
    fn key(&self) -> Result<Key, ProviderError> {
        if let Some(k) = self.key.get() {
            return k.clone();
        }
        let what = self.desc();
        let url = self.conn.url(&format!("keys/{}", self.key_name));
        let k = self.conn.run(async {
            let reply = self
                .conn
                .send(reqwest::Method::GET, &url, None, &what)
                .await?;
            self.describe(&reply, &what)
        });
        self.key.get_or_init(|| k).clone()
    }

    fn describe(&self, reply: &Reply, what: &str) -> Result<Key, ProviderError> {
        match reply.status {
            // May use the key but not read it: the versionless key, as the SDKs do.
            403 => {
                return Ok(Key {
                    version: None,
                    modulus: 0,
                })
            }
            404 => return Err(self.missing_key()),
            s if !(200..300).contains(&s) => return Err(self.conn.unexpected(reply, what)),
            _ => {}
        }
        let key = &reply.body["key"];
        if reply.body["attributes"]["enabled"] == false {
            return Err(ProviderError::new(
                ErrorKind::AccessDenied,
                format!("{SERVICE}: {what} is disabled"),
            )
            .hint("enable it (`az keyvault key set-attributes --enabled true`), or point `key_name` at another key"));
        }
        let kty = key["kty"].as_str().unwrap_or("");
        if !kty.starts_with("RSA") {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!("{SERVICE}: {what} is a {kty} key; {ALGORITHM} needs an RSA key"),
            )
            .hint(
                "create an RSA key (`az keyvault key create --kty RSA`) and point `key_name` at it",
            ));
        }
        let modulus = key["n"]
            .as_str()
            .and_then(|n| URL_SAFE.decode(n.trim_end_matches('=')).ok())
            .map(|n| n.iter().skip_while(|b| **b == 0).count())
            .unwrap_or(0);
        let version = key["kid"].as_str().and_then(version_of).ok_or_else(|| {
            ProviderError::new(
                ErrorKind::Other,
                format!("{SERVICE}: the vault described {what} without a key id"),
            )
        })?;
        Ok(Key {
            version: Some(version),
            modulus,
        })
    }

    fn op_url(&self, version: Option<&str>, op: &str) -> String {
        self.conn.url(&format!(
            "keys/{}/{}/{op}",
            self.key_name,
            version.unwrap_or("")
        ))
    }

    /// One decrypt request with one version (None: the versionless key).
    async fn decrypt_one(&self, version: Option<&str>, blob: &[u8]) -> ItemResult {
        let what = self.desc();
        let body = json!({ "alg": ALGORITHM, "value": URL_SAFE.encode(blob) });
        let reply = self
            .conn
            .call(
                reqwest::Method::POST,
                &self.op_url(version, "decrypt"),
                Some(&body),
                &what,
            )
            .await?;
        match reply.status {
            404 => return Err(self.missing_key()),
            400 => {
                return Err(bad_ciphertext(format!(
                    "{SERVICE}: {what} could not decrypt the value ({})",
                    reply.detail()
                )))
            }
            s if !(200..300).contains(&s) => return Err(self.conn.unexpected(&reply, &what)),
            _ => {}
        }
        let plain = reply.body["value"]
            .as_str()
            .and_then(|v| URL_SAFE.decode(v.trim_end_matches('=')).ok())
            .ok_or_else(|| {
                ProviderError::new(
                    ErrorKind::Other,
                    format!("{SERVICE}: the vault returned no plaintext"),
                )
            })?;
        String::from_utf8(plain).map(SecretValue::new).map_err(|_| {
            ProviderError::new(
                ErrorKind::BadCiphertext,
                format!("{SERVICE}: Decrypted value is not valid UTF-8"),
            )
            .hint("binary values need `fnox set --base64-encode`")
        })
    }

    /// The key's other enabled versions, newest first (empty when they cannot be listed).
    async fn older_versions(&self, current: &str) -> Vec<String> {
        let what = format!("the versions of {}", self.desc());
        let mut url = self.conn.url(&format!("keys/{}/versions", self.key_name));
        let mut found: Vec<(i64, String)> = Vec::new();
        for _ in 0..20 {
            let Ok(reply) = self
                .conn
                .call(reqwest::Method::GET, &url, None, &what)
                .await
            else {
                break;
            };
            if !reply.ok() {
                break;
            }
            for item in reply.body["value"].as_array().into_iter().flatten() {
                let enabled = item["attributes"]["enabled"] != false;
                let created = item["attributes"]["created"].as_i64().unwrap_or(0);
                if let Some(v) = item["kid"].as_str().and_then(version_of) {
                    if enabled && v != current {
                        found.push((created, v));
                    }
                }
            }
            // Follow nextLink only within this vault: the token goes nowhere else.
            match reply.body["nextLink"].as_str() {
                Some(next) if next.starts_with(&format!("{}/", self.conn.vault_url())) => {
                    url = next.to_owned()
                }
                _ => break,
            }
        }
        found.sort_by(|a, b| b.cmp(a));
        found.into_iter().map(|(_, v)| v).collect()
    }

    /// Decrypts every value: with the current version, then the failures with older versions.
    /// Each result says whether an older version was needed (its id).
    fn decrypt_all(
        &self,
        values: &[&str],
    ) -> Vec<Result<(SecretValue, Option<String>), ProviderError>> {
        let blobs: Vec<Result<Vec<u8>, ProviderError>> = values
            .iter()
            .map(|v| {
                STANDARD.decode(v.trim()).map_err(|_| {
                    bad_ciphertext(format!("{SERVICE}: Failed to decode base64 ciphertext"))
                })
            })
            .collect();
        if blobs.iter().all(Result::is_err) {
            return blobs
                .into_iter()
                .map(|b| Err(b.expect_err("every value failed to decode")))
                .collect();
        }
        let key = match self.key() {
            Ok(k) => k,
            Err(e) => return values.iter().map(|_| Err(e.clone())).collect(),
        };
        let outcome = self.conn.run(async {
            let first: Vec<Result<(SecretValue, Option<String>), ProviderError>> =
                stream::iter(blobs.iter())
                    .map(|blob| {
                        let version = key.version.as_deref();
                        async move {
                            let blob = blob.as_ref().map_err(Clone::clone)?;
                            self.decrypt_one(version, blob).await.map(|v| (v, None))
                        }
                    })
                    .buffered(CONCURRENCY)
                    .collect()
                    .await;
            let Some(current) = &key.version else {
                return Ok(first);
            };
            let retry: Vec<usize> = first
                .iter()
                .enumerate()
                .filter(|(i, r)| {
                    blobs[*i].is_ok() && matches!(r, Err(e) if e.kind == ErrorKind::BadCiphertext)
                })
                .map(|(i, _)| i)
                .collect();
            if retry.is_empty() {
                return Ok(first);
            }
            let older = self.older_versions(current).await;
            if older.is_empty() {
                return Ok(first);
            }
            let older = &older;
            let blobs = &blobs;
            let second: Vec<(usize, Option<(SecretValue, String)>)> = stream::iter(retry)
                .map(|i| async move {
                    let blob = blobs[i]
                        .as_ref()
                        .expect("only decodable values are retried");
                    for v in older {
                        if let Ok(plain) = self.decrypt_one(Some(v), blob).await {
                            return (i, Some((plain, v.clone())));
                        }
                    }
                    (i, None)
                })
                .buffered(CONCURRENCY)
                .collect()
                .await;
            let mut all = first;
            for (i, found) in second {
                if let Some((plain, v)) = found {
                    all[i] = Ok((plain, Some(v)));
                }
            }
            Ok(all)
        });
        match outcome {
            Ok(all) => all,
            Err(e) => values.iter().map(|_| Err(e.clone())).collect(),
        }
    }
}

impl Cipher for KeyCipher {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError> {
        let key = self.key()?;
        let limit = key.modulus.saturating_sub(2 * 32 + 2);
        if key.modulus > 0 && plaintext.len() > limit {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!(
                    "{SERVICE}: the value is {} bytes; {ALGORITHM} with this {}-bit key encrypts at most {limit}",
                    plaintext.len(),
                    key.modulus * 8
                ),
            )
            .hint("store large values in azure-sm (Key Vault secrets) or with an age provider"));
        }
        let what = self.desc();
        let body = json!({ "alg": ALGORITHM, "value": URL_SAFE.encode(plaintext.as_bytes()) });
        let url = self.op_url(key.version.as_deref(), "encrypt");
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::POST, &url, Some(&body), &what)
                .await?;
            match reply.status {
                404 => return Err(self.missing_key()),
                s if !(200..300).contains(&s) => {
                    return Err(self
                        .conn
                        .unexpected(&reply, &format!("encryption with {what}")))
                }
                _ => {}
            }
            let blob: Value = reply.body["value"].clone();
            let blob = blob
                .as_str()
                .and_then(|v| URL_SAFE.decode(v.trim_end_matches('=')).ok())
                .ok_or_else(|| {
                    ProviderError::new(
                        ErrorKind::Other,
                        format!("{SERVICE}: the vault returned no ciphertext"),
                    )
                })?;
            Ok(STANDARD.encode(blob))
        })
    }

    fn decrypt_batch(&self, values: &[&str]) -> Vec<ItemResult> {
        self.decrypt_all(values)
            .into_iter()
            .map(|r| r.map(|(v, _)| v))
            .collect()
    }

    fn stale_batch(&self, values: &[&str]) -> Vec<Option<String>> {
        self.decrypt_all(values)
            .into_iter()
            .map(|r| match r {
                Ok((_, Some(v))) => Some(format!(
                    "encrypted under an older version ({v}) of key '{}': run `fnox reencrypt`",
                    self.key_name
                )),
                _ => None,
            })
            .collect()
    }

    fn check(&self) -> Result<String, ProviderError> {
        let key = self.key()?;
        match key.version {
            Some(v) => Ok(format!(
                "key '{}' in {} is an enabled RSA key of {} bits (version {v}), used by {}",
                self.key_name,
                self.conn.vault_url(),
                key.modulus * 8,
                self.conn.identity()
            )),
            None => Ok(format!(
                "key '{}' in {}: {} may not read the key; encryption will show whether it may use it",
                self.key_name,
                self.conn.vault_url(),
                self.conn.identity()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_come_from_the_end_of_a_key_id() {
        assert_eq!(
            version_of("https://v.vault.azure.net/keys/k/0123abcd").as_deref(),
            Some("0123abcd")
        );
        assert_eq!(version_of("https://v.vault.azure.net/keys/k/../x?y"), None);
    }
}
