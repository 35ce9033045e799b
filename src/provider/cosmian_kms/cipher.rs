//! The cipher: the server's AES-GCM under `key_id`; fnox.toml stores
//! `cosmian-kms:v1:KEY_ID:BASE64(nonce || ciphertext || tag)`.

use base64::Engine;
use serde_json::Value;

use super::ttlv::{
    aes_gcm, bytes, child, child_bytes, child_str, enumeration, integer, structure, text,
};
use super::{object_failure, Connection, Failure, SERVICE};
use crate::provider::{Cipher, ErrorKind, ItemResult, KeyInfo, KeyRef, ProviderError};
use crate::secret::SecretValue;

/// What the cipher stores: `cosmian-kms:v1:KEY_ID:BASE64`.
const PREFIX: &str = "cosmian-kms:v1:";
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// The cipher: values are encrypted by the server with `key_id`.
pub struct CosmianCipher {
    pub(super) key_id: String,
    pub(super) conn: Connection,
}

/// A stored value taken apart: (key id, nonce || ciphertext || tag).
fn parse_value(value: &str) -> Result<(String, Vec<u8>), ProviderError> {
    let bad = |why: &str| {
        ProviderError::new(
            ErrorKind::BadCiphertext,
            format!("{SERVICE}: the value is not a cosmian-kms ciphertext ({why})"),
        )
        .hint("a cosmian-kms value reads `cosmian-kms:v1:KEY_ID:BASE64`; set it again with `fnox set`")
    };
    let rest = value
        .trim()
        .strip_prefix(PREFIX)
        .ok_or_else(|| bad("it does not start with `cosmian-kms:v1:`"))?;
    let (key, data) = rest
        .rsplit_once(':')
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| bad("no KEY_ID:BASE64 after the prefix"))?;
    let blob = B64
        .decode(data)
        .map_err(|_| bad("its data is not base64"))?;
    if blob.len() < NONCE_LEN + TAG_LEN {
        return Err(bad("its data is shorter than a nonce and a tag"));
    }
    Ok((key.to_owned(), blob))
}

/// Whether `key_id` names one key by its unique id (not a `["tag", ...]` selection).
fn is_unique_id(key_id: &str) -> bool {
    !key_id.trim_start().starts_with('[')
}

impl CosmianCipher {
    fn key_failure(&self, f: &Failure, key: &str) -> ProviderError {
        object_failure(f, key, true, &self.conn.base())
    }

    /// Key `id`'s attributes: (its unique id as the server answers, the Attributes node).
    fn attributes(&self, id: &str) -> Result<(String, Value), ProviderError> {
        let what = format!("key '{id}'");
        let payload = self.conn.one(
            "GetAttributes",
            vec![text("UniqueIdentifier", id)],
            &what,
            |f| self.key_failure(&f, id),
        )?;
        let attributes = child(&payload, "Attributes")
            .cloned()
            .unwrap_or(Value::Null);
        let uid = child_str(&payload, "UniqueIdentifier")
            .unwrap_or(id)
            .to_owned();
        Ok((uid, attributes))
    }

    /// The configured key, checked to be an active AES key: (its unique id, its attributes).
    fn usable_key(&self) -> Result<(String, Value), ProviderError> {
        let (id, attributes) = self.attributes(&self.key_id)?;
        let get = |tag: &str| child_str(&attributes, tag).unwrap_or("unknown").to_owned();
        let (kind, algorithm, state) = (
            get("ObjectType"),
            get("CryptographicAlgorithm"),
            get("State"),
        );
        if kind != "SymmetricKey" || algorithm != "AES" {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!(
                    "{SERVICE}: key '{id}' is a {kind} ({algorithm}), not an AES symmetric key"
                ),
            )
            .hint("point `key_id` at an AES symmetric key"));
        }
        if state != "Active" {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!("{SERVICE}: key '{id}' is not active (state {state})"),
            )
            .hint("activate it with a KMIP Activate (e.g. from the Cosmian CLI or web UI), or point `key_id` at an active key"));
        }
        Ok((id, attributes))
    }
}

impl Cipher for CosmianCipher {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError> {
        let payload = vec![
            text("UniqueIdentifier", &self.key_id),
            aes_gcm(),
            bytes("Data", plaintext.as_bytes()),
        ];
        let what = format!("encryption with key '{}'", self.key_id);
        let reply = self.conn.one("Encrypt", payload, &what, |f| {
            self.key_failure(&f, &self.key_id)
        })?;
        let missing = |field: &str| {
            ProviderError::new(
                ErrorKind::Other,
                format!(
                    "{SERVICE}: Encrypt returned no {field} (is key '{}' an AES key?)",
                    self.key_id
                ),
            )
            .hint("use an AES symmetric key for `key_id`")
        };
        let data = child_bytes(&reply, "Data").ok_or_else(|| missing("Data"))?;
        let nonce = child_bytes(&reply, "IVCounterNonce").ok_or_else(|| missing("nonce"))?;
        let tag =
            child_bytes(&reply, "AuthenticatedEncryptionTag").ok_or_else(|| missing("tag"))?;
        if nonce.len() != NONCE_LEN || tag.len() != TAG_LEN {
            return Err(missing("AES-GCM nonce and tag"));
        }
        let key = child_str(&reply, "UniqueIdentifier").unwrap_or(&self.key_id);
        let mut blob = nonce;
        blob.extend_from_slice(&data);
        blob.extend_from_slice(&tag);
        Ok(format!("{PREFIX}{key}:{}", B64.encode(blob)))
    }

    fn decrypt_batch(&self, ciphertexts: &[&str]) -> Vec<ItemResult> {
        let parsed: Vec<Result<(String, Vec<u8>), ProviderError>> =
            ciphertexts.iter().map(|c| parse_value(c)).collect();
        let payloads: Vec<Vec<Value>> = parsed
            .iter()
            .filter_map(|p| p.as_ref().ok())
            .map(|(key, blob)| {
                let (nonce, rest) = blob.split_at(NONCE_LEN);
                let (data, tag) = rest.split_at(rest.len() - TAG_LEN);
                vec![
                    text("UniqueIdentifier", key),
                    aes_gcm(),
                    bytes("Data", data),
                    bytes("IVCounterNonce", nonce),
                    bytes("AuthenticatedEncryptionTag", tag),
                ]
            })
            .collect();
        let what = if payloads.len() == 1 {
            "a value".to_owned()
        } else {
            format!("{} values", payloads.len())
        };
        let mut replies = self.conn.many("Decrypt", payloads, &what).into_iter();
        parsed
            .into_iter()
            .map(|p| {
                let (key, _) = p?;
                let reply = replies.next().unwrap_or_else(|| {
                    Err(ProviderError::new(ErrorKind::Other, format!("{SERVICE}: no reply")))
                })?;
                let payload = reply.map_err(|f| {
                    if f.is("Cryptographic_Failure") {
                        ProviderError::new(
                            ErrorKind::BadCiphertext,
                            format!("{SERVICE}: the value does not decrypt with key '{key}': it was changed, or made with another key of that id (the server: {})", f.message),
                        )
                        .hint("set it again with `fnox set`")
                    } else {
                        self.key_failure(&f, &key)
                    }
                })?;
                let plain = child_bytes(&payload, "Data").ok_or_else(|| {
                    ProviderError::new(
                        ErrorKind::Other,
                        format!("{SERVICE}: Decrypt returned no data"),
                    )
                })?;
                String::from_utf8(plain).map(SecretValue::new).map_err(|_| {
                    ProviderError::new(
                        ErrorKind::BadCiphertext,
                        format!("{SERVICE}: the decrypted value is not UTF-8 text"),
                    )
                    .hint("binary values need `fnox set --base64-encode`")
                })
            })
            .collect()
    }

    fn stale_batch(&self, ciphertexts: &[&str]) -> Vec<Option<String>> {
        ciphertexts
            .iter()
            .map(|c| {
                let (key, _) = parse_value(c).ok()?;
                (is_unique_id(&self.key_id) && key != self.key_id).then(|| {
                    format!(
                        "encrypted under key {key}, not the configured {}: run `fnox reencrypt`",
                        self.key_id
                    )
                })
            })
            .collect()
    }

    fn check(&self) -> Result<String, ProviderError> {
        let (id, attributes) = self.usable_key()?;
        let length = child(&attributes, "CryptographicLength")
            .map(|l| format!("-{}", l["value"]))
            .unwrap_or_default();
        Ok(format!(
            "key '{id}' (AES{length}) is active on the Cosmian KMS at {}",
            self.conn.base()
        ))
    }

    fn sealed_with(&self, ciphertexts: &[&str]) -> Vec<Option<KeyRef>> {
        ciphertexts
            .iter()
            .map(|c| {
                let (key, _) = parse_value(c).ok()?;
                Some(KeyRef { key, version: None })
            })
            .collect()
    }

    fn key_info(&self) -> Result<KeyInfo, ProviderError> {
        let (key, _) = self.usable_key()?;
        Ok(KeyInfo {
            current: Some(KeyRef { key, version: None }),
            ..KeyInfo::default()
        })
    }

    fn create_key(&self) -> Result<String, ProviderError> {
        let what = "a new AES-256 key".to_owned();
        let created = self.conn.one(
            "Create",
            vec![
                enumeration("ObjectType", "SymmetricKey"),
                structure(
                    "Attributes",
                    vec![
                        enumeration("CryptographicAlgorithm", "AES"),
                        integer("CryptographicLength", 256),
                        // Encrypt (4) | Decrypt (8).
                        integer("CryptographicUsageMask", 12),
                        enumeration("KeyFormatType", "TransparentSymmetricKey"),
                        enumeration("ObjectType", "SymmetricKey"),
                    ],
                ),
            ],
            &what,
            |f| {
                ProviderError::new(
                    ErrorKind::Other,
                    format!(
                        "{SERVICE}: the server at {} could not create {what}: {} ({})",
                        self.conn.base(),
                        f.message,
                        f.reason
                    ),
                )
                .hint("check that this user may create keys on the server (its access rights, COSMIAN_KMS_SECRET_TOKEN)")
            },
        )?;
        let id = child_str(&created, "UniqueIdentifier")
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| {
                ProviderError::new(
                    ErrorKind::Other,
                    format!("{SERVICE}: Create returned no key id"),
                )
            })?;
        // Servers that follow KMIP make keys pre-active; Encrypt needs an active one.
        let (_, attributes) = self.attributes(&id)?;
        if child_str(&attributes, "State") != Some("Active") {
            self.conn.one(
                "Activate",
                vec![text("UniqueIdentifier", &id)],
                &format!("activating key '{id}'"),
                |f| self.key_failure(&f, &id),
            )?;
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_name_their_key_and_keep_nonce_ciphertext_and_tag() {
        let blob: Vec<u8> = (0u8..40).collect();
        let value = format!("{PREFIX}my:key:{}", B64.encode(&blob));
        let (key, data) = parse_value(&value).unwrap();
        assert_eq!(
            key, "my:key",
            "a key id may hold colons: the data is after the last"
        );
        assert_eq!(data, blob);
        for bad in [
            "vault:v1:abc",
            "cosmian-kms:v1:",
            "cosmian-kms:v1:AAAA",
            "cosmian-kms:v1::AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "cosmian-kms:v1:k:not base64!",
            "cosmian-kms:v1:k:AAAA",
        ] {
            let e = parse_value(bad).unwrap_err();
            assert_eq!(e.kind, ErrorKind::BadCiphertext, "{bad}");
        }
    }
}
