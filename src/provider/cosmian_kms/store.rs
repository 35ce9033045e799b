//! The store: fnox.toml holds KMIP object ids; values are SecretData (or OpaqueObject) bytes.

use serde_json::Value;

use super::ttlv::{
    bytes, child, child_bytes, child_str, children, enumeration, node, structure, text,
};
use super::{object_failure, Connection, SERVICE};
use crate::provider::{ErrorKind, ItemResult, ProviderError, Store};
use crate::secret::SecretValue;

/// The store: fnox.toml holds object ids.
pub struct CosmianStore {
    pub(super) conn: Connection,
}

impl CosmianStore {
    /// The UTF-8 value of a Get response's object (tagged with its type).
    fn value(payload: &Value, id: &str) -> ItemResult {
        let kind = child_str(payload, "ObjectType").unwrap_or("unknown");
        let object = child(payload, kind);
        let raw = match kind {
            "SecretData" => object.and_then(|o| {
                let block = child(o, "KeyBlock")?;
                if child(block, "KeyWrappingData").is_some() {
                    return None;
                }
                child_bytes(child(block, "KeyValue")?, "KeyMaterial")
            }),
            "OpaqueObject" => object.and_then(|o| child_bytes(o, "OpaqueDataValue")),
            other => {
                return Err(ProviderError::new(
                    ErrorKind::Config,
                    format!("{SERVICE}: object '{id}' is a {other}, not a SecretData or OpaqueObject"),
                )
                .hint("a store reference names a secret data object; to encrypt with a key, set `key_id` on the provider instead"));
            }
        };
        let raw = raw.ok_or_else(|| {
            ProviderError::new(
                ErrorKind::Other,
                format!("{SERVICE}: the server returned no readable bytes for {kind} '{id}' (is it wrapped?)"),
            )
        })?;
        String::from_utf8(raw).map(SecretValue::new).map_err(|_| {
            ProviderError::new(
                ErrorKind::BadCiphertext,
                format!("{SERVICE}: the value of object '{id}' is not UTF-8 text"),
            )
            .hint("binary values need `fnox set --base64-encode`")
        })
    }
}

impl Store for CosmianStore {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let payloads = references
            .iter()
            .map(|id| vec![text("UniqueIdentifier", id.trim())])
            .collect();
        let what = if references.len() == 1 {
            format!("object '{}'", references[0].trim())
        } else {
            format!("{} objects", references.len())
        };
        let replies = self.conn.many("Get", payloads, &what);
        let base = self.conn.base();
        references
            .iter()
            .zip(replies)
            .map(|(id, reply)| {
                let id = id.trim();
                match reply? {
                    Ok(payload) => Self::value(&payload, id),
                    Err(f) => Err(object_failure(&f, id, false, &base)),
                }
            })
            .collect()
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        let id = reference.trim();
        let payload = vec![
            text("UniqueIdentifier", id),
            enumeration("ObjectType", "SecretData"),
            node("ReplaceExisting", "Boolean", Value::Bool(true)),
            structure("Attributes", vec![enumeration("ObjectType", "SecretData")]),
            // The object's tag is its type.
            structure(
                "SecretData",
                vec![
                    enumeration("SecretDataType", "Password"),
                    structure(
                        "KeyBlock",
                        vec![
                            enumeration("KeyFormatType", "Opaque"),
                            structure("KeyValue", vec![bytes("KeyMaterial", value.as_bytes())]),
                        ],
                    ),
                ],
            ),
        ];
        let what = format!("object '{id}'");
        let base = self.conn.base();
        self.conn
            .one("Import", payload, &what, |f| {
                object_failure(&f, id, false, &base)
            })
            .map(drop)
    }

    fn check(&self) -> Result<String, ProviderError> {
        let payload = self
            .conn
            .one("DiscoverVersions", Vec::new(), "a version check", |f| {
                ProviderError::new(
                    ErrorKind::Other,
                    format!(
                        "{SERVICE}: the server refused a version check: {}",
                        f.message
                    ),
                )
            })?;
        let versions: Vec<String> = children(&payload, "ProtocolVersion")
            .filter_map(|v| {
                Some(format!(
                    "{}.{}",
                    child(v, "ProtocolVersionMajor")?["value"],
                    child(v, "ProtocolVersionMinor")?["value"]
                ))
            })
            .collect();
        if !versions.is_empty() && !versions.iter().any(|v| v == "2.1") {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!(
                    "{SERVICE}: the server at {} does not speak KMIP 2.1 (only {})",
                    self.conn.base(),
                    versions.join(", ")
                ),
            ));
        }
        let server = self
            .conn
            .run(self.conn.version())
            .ok()
            .flatten()
            .map(|v| format!(", server {v}"))
            .unwrap_or_default();
        Ok(format!(
            "the Cosmian KMS at {} answers (KMIP 2.1{server})",
            self.conn.base()
        ))
    }
}
