//! `gcp-kms`: values encrypted by a Cloud KMS symmetric key (`project`, `location`, `keyring`,
//! `key`), the value being the standard base64 of the ciphertext Cloud KMS returns, as upstream
//! fnox stores it (no envelope: at most 64 KiB of plaintext).
//!
//! Encryption uses the key's primary version; the ciphertext says which version made it, so
//! decryption names only the key, and a value made by an older version still decrypts after a
//! rotation: Cloud KMS reports it (`usedPrimary: false`), and `fnox list --stale` / `reencrypt`
//! name it. A batch is decrypted concurrently (16 at a time) on one token.

use base64::Engine;
use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use serde_json::json;

use super::{bad_project, valid_id, valid_project, Api, Connection, CONCURRENCY};
use crate::provider::{Cipher, ErrorKind, ItemResult, ProviderError};
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KmsConfig {
    pub project: String,
    pub location: String,
    pub keyring: String,
    pub key: String,
}

const API: Api = Api {
    service: "GCP KMS",
    endpoint_var: super::FNOX_GCP_KMS_ENDPOINT,
    default_endpoint: "https://cloudkms.googleapis.com",
};
const STANDARD: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;
/// The most plaintext Cloud KMS encrypts in one request.
const MAX_PLAINTEXT: usize = 64 * 1024;

pub struct KeyCipher {
    /// `projects/P/locations/L/keyRings/R/cryptoKeys/K`.
    name: String,
    conn: Connection,
}

fn bad_ciphertext(text: String) -> ProviderError {
    ProviderError::new(ErrorKind::BadCiphertext, text)
        .hint("check that the value was encrypted with this key (`project`, `location`, `keyring`, `key`), or set it again with `fnox set`")
}

impl KeyCipher {
    pub fn new(config: KmsConfig) -> Result<KeyCipher, ProviderError> {
        if !valid_project(&config.project) {
            return Err(bad_project(API.service, &config.project));
        }
        for (field, value) in [
            ("location", &config.location),
            ("keyring", &config.keyring),
            ("key", &config.key),
        ] {
            if !valid_id(value, 63) {
                return Err(ProviderError::new(
                    ErrorKind::Config,
                    format!("{}: `{field}` '{value}' is not a Cloud KMS name (1-63 letters, digits, '-' and '_')", API.service),
                )
                .hint("set `location` (e.g. global, us-east1), `keyring` and `key` to the names alone, as `gcloud kms keys list` shows them"));
            }
        }
        Ok(KeyCipher {
            name: format!(
                "projects/{}/locations/{}/keyRings/{}/cryptoKeys/{}",
                config.project, config.location, config.keyring, config.key
            ),
            conn: Connection::new(API),
        })
    }

    fn desc(&self) -> String {
        format!("key {}", self.name)
    }

    fn missing_key(&self, detail: String) -> ProviderError {
        ProviderError::new(
            ErrorKind::Config,
            format!("{}: {} does not exist ({detail})", API.service, self.desc()),
        )
        .hint("check the provider's `project`, `location`, `keyring` and `key`, or create it with `gcloud kms keys create KEY --keyring KEYRING --location LOCATION --purpose encryption`")
    }

    /// POST :decrypt; the plaintext and whether the primary version made the value.
    async fn decrypt_one(&self, blob: &[u8]) -> Result<(SecretValue, bool), ProviderError> {
        let what = self.desc();
        let body = json!({ "ciphertext": STANDARD.encode(blob) });
        let url = self.conn.url(&format!("{}:decrypt", self.name));
        let reply = self
            .conn
            .call(reqwest::Method::POST, &url, Some(&body), &what)
            .await?;
        match reply.status {
            404 => return Err(self.missing_key(reply.detail())),
            400 => {
                return Err(bad_ciphertext(format!(
                    "{}: {what} could not decrypt the value ({})",
                    API.service,
                    reply.detail()
                )))
            }
            s if !(200..300).contains(&s) => return Err(self.conn.unexpected(&reply, &what)),
            _ => {}
        }
        // An empty plaintext is left out of the JSON reply.
        let plain = STANDARD
            .decode(reply.body["plaintext"].as_str().unwrap_or(""))
            .map_err(|_| {
                ProviderError::new(
                    ErrorKind::Other,
                    format!("{}: the reply held no plaintext", API.service),
                )
            })?;
        let primary = reply.body["usedPrimary"].as_bool().unwrap_or(true);
        let plain = String::from_utf8(plain).map_err(|_| {
            ProviderError::new(
                ErrorKind::BadCiphertext,
                format!("{}: Decrypted value is not valid UTF-8", API.service),
            )
            .hint("binary values need `fnox set --base64-encode`")
        })?;
        Ok((SecretValue::new(plain), primary))
    }

    /// Decrypts every value in input order, concurrently; a value that is not base64 fails
    /// alone, before any request.
    fn decrypt_all(&self, values: &[&str]) -> Vec<Result<(SecretValue, bool), ProviderError>> {
        let blobs: Vec<Result<Vec<u8>, ProviderError>> = values
            .iter()
            .map(|v| {
                STANDARD.decode(v.trim()).map_err(|_| {
                    bad_ciphertext(format!(
                        "{}: Failed to decode base64 ciphertext",
                        API.service
                    ))
                })
            })
            .collect();
        if blobs.iter().all(Result::is_err) {
            return blobs
                .into_iter()
                .map(|b| Err(b.expect_err("every value failed to decode")))
                .collect();
        }
        let outcome = self.conn.run(async {
            Ok(stream::iter(blobs.iter())
                .map(|blob| async move {
                    let blob = blob.as_ref().map_err(Clone::clone)?;
                    self.decrypt_one(blob).await
                })
                .buffered(CONCURRENCY)
                .collect::<Vec<_>>()
                .await)
        });
        match outcome {
            Ok(all) => all,
            Err(e) => blobs.into_iter().map(|b| b.and(Err(e.clone()))).collect(),
        }
    }
}

impl Cipher for KeyCipher {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError> {
        if plaintext.len() > MAX_PLAINTEXT {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!(
                    "{}: the value is {} bytes; Cloud KMS encrypts at most {MAX_PLAINTEXT}",
                    API.service,
                    plaintext.len()
                ),
            )
            .hint("store large values in gcp-sm (Secret Manager) or with an age provider"));
        }
        let what = format!("encryption with {}", self.desc());
        let body = json!({ "plaintext": STANDARD.encode(plaintext.as_bytes()) });
        let url = self.conn.url(&format!("{}:encrypt", self.name));
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::POST, &url, Some(&body), &what)
                .await?;
            match reply.status {
                404 => return Err(self.missing_key(reply.detail())),
                s if !(200..300).contains(&s) => return Err(self.conn.unexpected(&reply, &what)),
                _ => {}
            }
            let blob = reply.body["ciphertext"]
                .as_str()
                .and_then(|c| STANDARD.decode(c).ok())
                .filter(|b| !b.is_empty())
                .ok_or_else(|| {
                    ProviderError::new(
                        ErrorKind::Other,
                        format!("{}: the reply held no ciphertext", API.service),
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
                Ok((_, false)) => Some(format!(
                    "encrypted under an older version of {}: run `fnox reencrypt`",
                    self.desc()
                )),
                _ => None,
            })
            .collect()
    }

    /// Reads the key: it must exist, be for encryption, and have an enabled primary version.
    fn check(&self) -> Result<String, ProviderError> {
        let what = self.desc();
        let url = self.conn.url(&self.name);
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::GET, &url, None, &what)
                .await?;
            if reply.status == 404 {
                return Err(self.missing_key(reply.detail()));
            }
            if !reply.ok() {
                return Err(self.conn.unexpected(&reply, &what));
            }
            let purpose = reply.body["purpose"].as_str().unwrap_or("");
            if purpose != "ENCRYPT_DECRYPT" {
                return Err(ProviderError::new(
                    ErrorKind::Config,
                    format!("{}: {what} is a {purpose} key; fnox needs a symmetric ENCRYPT_DECRYPT key", API.service),
                )
                .hint("create one with `gcloud kms keys create KEY --purpose encryption` and point `key` at it"));
            }
            let primary = &reply.body["primary"];
            let state = primary["state"].as_str().unwrap_or("");
            if state != "ENABLED" {
                return Err(ProviderError::new(
                    ErrorKind::AccessDenied,
                    format!("{}: the primary version of {what} is {}", API.service, if state.is_empty() { "missing" } else { state }),
                )
                .hint("enable the primary version or make an enabled one primary (`gcloud kms keys update KEY --primary-version N`)"));
            }
            let version = primary["name"]
                .as_str()
                .and_then(|n| n.rsplit('/').next())
                .unwrap_or("?");
            Ok(format!(
                "{what} at {} is an enabled symmetric key (primary version {version}), used by {}",
                self.conn.endpoint(),
                self.conn.identity()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(location: &str, key: &str) -> KmsConfig {
        KmsConfig {
            project: "my-project".into(),
            location: location.into(),
            keyring: "ring".into(),
            key: key.into(),
        }
    }

    #[test]
    fn the_key_name_is_built_from_the_four_fields() {
        let c = KeyCipher::new(config("global", "my-key")).unwrap();
        assert_eq!(
            c.name,
            "projects/my-project/locations/global/keyRings/ring/cryptoKeys/my-key"
        );
        for (location, key) in [("us/east", "k"), ("global", "projects/x/k"), ("", "k")] {
            assert!(
                KeyCipher::new(config(location, key)).is_err(),
                "{location} {key}"
            );
        }
    }
}
