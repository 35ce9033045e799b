//! `aws-kms`: values are base64(CiphertextBlob) of a direct KMS Encrypt (no envelope, so at most
//! 4 KiB of plaintext). Decrypt does not pass the configured key: the blob names its own key, so
//! values encrypted under an earlier `key_id` still decrypt until they are re-encrypted.

use base64::Engine;
use futures_util::stream::{self, StreamExt};
use serde::Deserialize;

use super::{classify, Connection, Target, CONCURRENCY};
use crate::provider::{Cipher, ErrorKind, ItemResult, KeyInfo, KeyRef, ProviderError};
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KmsConfig {
    pub key_id: String,
    pub region: Option<String>,
    pub profile: Option<String>,
    pub endpoint: Option<String>,
    pub role_arn: Option<String>,
    /// Keys this provider used before `fnox key rotate` (a record for `fnox key`; the blobs
    /// name their key, so decryption does not need it).
    #[serde(default)]
    pub retired_key_ids: Vec<String>,
}

pub struct Kms {
    key_id: String,
    conn: Connection,
}

/// The label upstream uses in its messages.
const SERVICE: &str = "AWS KMS";
const MAX_PLAINTEXT: usize = 4096;

impl Kms {
    pub fn new(config: KmsConfig) -> Result<Kms, ProviderError> {
        let target = Target {
            region: config.region,
            profile: config.profile,
            endpoint: config.endpoint,
            role_arn: config.role_arn,
        };
        Ok(Kms {
            key_id: config.key_id,
            conn: Connection::new(SERVICE, target)?,
        })
    }
}

impl Cipher for Kms {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError> {
        if plaintext.len() > MAX_PLAINTEXT {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!(
                    "AWS KMS: the value is {} bytes; KMS encrypts at most {MAX_PLAINTEXT}",
                    plaintext.len()
                ),
            )
            .hint("store large values with an age provider or a remote store (aws-sm)"));
        }
        let key_id = self.key_id.clone();
        let bytes = plaintext.as_bytes().to_vec();
        self.conn.run("Encrypt", |config| async move {
            let client = aws_sdk_kms::Client::new(&config);
            let out = client
                .encrypt()
                .key_id(&key_id)
                .plaintext(aws_sdk_kms::primitives::Blob::new(bytes))
                .send()
                .await
                .map_err(|e| classify(SERVICE, &format!("key {key_id}"), e))?;
            let blob = out.ciphertext_blob().ok_or_else(|| {
                ProviderError::new(ErrorKind::Other, "AWS KMS: Encrypt returned no ciphertext")
            })?;
            Ok(base64::engine::general_purpose::STANDARD.encode(blob.as_ref()))
        })
    }

    fn decrypt_batch(&self, values: &[&str]) -> Vec<ItemResult> {
        let decoded: Vec<Result<Vec<u8>, ProviderError>> = values
            .iter()
            .map(|v| {
                base64::engine::general_purpose::STANDARD
                    .decode(v.trim())
                    .map_err(|_| {
                        ProviderError::new(
                            ErrorKind::BadCiphertext,
                            "AWS KMS: Failed to decode base64 ciphertext",
                        )
                        .hint("the value was damaged; set it again with `fnox set`")
                    })
            })
            .collect();
        let outcome = self.conn.run("Decrypt", |config| async move {
            let client = aws_sdk_kms::Client::new(&config);
            let results: Vec<ItemResult> = stream::iter(decoded)
                .map(|blob| {
                    let client = client.clone();
                    async move {
                        let blob = blob?;
                        let out = client
                            .decrypt()
                            .ciphertext_blob(aws_sdk_kms::primitives::Blob::new(blob))
                            .send()
                            .await
                            .map_err(|e| classify(SERVICE, "the value", e))?;
                        let plain = out.plaintext().ok_or_else(|| {
                            ProviderError::new(
                                ErrorKind::Other,
                                "AWS KMS: Decrypt returned no plaintext",
                            )
                        })?;
                        String::from_utf8(plain.as_ref().to_vec())
                            .map(SecretValue::new)
                            .map_err(|_| {
                                ProviderError::new(
                                    ErrorKind::BadCiphertext,
                                    "AWS KMS: the decrypted value is not UTF-8 text",
                                )
                            })
                    }
                })
                .buffered(CONCURRENCY)
                .collect()
                .await;
            Ok(results)
        });
        match outcome {
            Ok(results) => results,
            Err(e) => values.iter().map(|_| Err(e.clone())).collect(),
        }
    }

    fn stale_batch(&self, values: &[&str]) -> Vec<Option<String>> {
        let key_id = self.key_id.clone();
        let blobs = decode_all(values);
        let n = values.len();
        let outcome = self.conn.run("DescribeKey", |config| async move {
            let client = aws_sdk_kms::Client::new(&config);
            let arn = describe_arn(&client, &key_id).await?;
            Ok(key_ids(&client, blobs)
                .await
                .into_iter()
                .map(|k| match k {
                    Some(k) if k != arn => Some(format!(
                        "encrypted under {k}, not the configured {key_id}: run `fnox reencrypt`"
                    )),
                    _ => None,
                })
                .collect())
        });
        outcome.unwrap_or_else(|_| vec![None; n])
    }

    fn sealed_with(&self, values: &[&str]) -> Vec<Option<KeyRef>> {
        let blobs = decode_all(values);
        let n = values.len();
        let outcome = self.conn.run("Decrypt", |config| async move {
            let client = aws_sdk_kms::Client::new(&config);
            Ok(key_ids(&client, blobs).await)
        });
        outcome
            .unwrap_or_else(|_| vec![None; n])
            .into_iter()
            .map(|k| k.map(|key| KeyRef { key, version: None }))
            .collect()
    }

    fn key_info(&self) -> Result<KeyInfo, ProviderError> {
        let key_id = self.key_id.clone();
        let arn = self.conn.run("DescribeKey", |config| async move {
            let client = aws_sdk_kms::Client::new(&config);
            describe_arn(&client, &key_id).await
        })?;
        Ok(KeyInfo {
            current: Some(KeyRef {
                key: arn,
                version: None,
            }),
            ..KeyInfo::default()
        })
    }

    fn create_key(&self) -> Result<String, ProviderError> {
        self.conn.run("CreateKey", |config| async move {
            use aws_sdk_kms::types::{KeySpec, KeyUsageType};
            let client = aws_sdk_kms::Client::new(&config);
            let out = client
                .create_key()
                .key_spec(KeySpec::SymmetricDefault)
                .key_usage(KeyUsageType::EncryptDecrypt)
                .description(CREATED_KEY_DESCRIPTION)
                .send()
                .await
                .map_err(|e| {
                    let err = classify(SERVICE, "a new key", e);
                    if err.kind == ErrorKind::AccessDenied {
                        err.hint("the credentials need `kms:CreateKey` (and `kms:DescribeKey`, `kms:Encrypt`, `kms:Decrypt` on the new key), or create the key yourself and set `key_id`")
                    } else {
                        err
                    }
                })?;
            out.key_metadata()
                .map(|m| m.key_id().to_owned())
                .filter(|id| !id.is_empty())
                .ok_or_else(|| {
                    ProviderError::new(ErrorKind::Other, "AWS KMS: CreateKey returned no key id")
                })
        })
    }

    fn check(&self) -> Result<String, ProviderError> {
        let key_id = self.key_id.clone();
        self.conn.run("DescribeKey", |config| async move {
            let client = aws_sdk_kms::Client::new(&config);
            let out = client
                .describe_key()
                .key_id(&key_id)
                .send()
                .await
                .map_err(|e| classify(SERVICE, &format!("key {key_id}"), e))?;
            let meta = out.key_metadata();
            let state = meta
                .and_then(|m| m.key_state())
                .map(|s| s.as_str().to_owned())
                .unwrap_or_else(|| "unknown".to_owned());
            let arn = meta.and_then(|m| m.arn()).unwrap_or(&key_id).to_owned();
            if state != "Enabled" {
                return Err(ProviderError::new(
                    ErrorKind::AccessDenied,
                    format!("AWS KMS: key {arn} is {state}"),
                )
                .hint("enable the key, or point key_id at an enabled one"));
            }
            Ok(format!("key {arn} is enabled"))
        })
    }
}

/// The description of a key `fnox key rotate` creates.
const CREATED_KEY_DESCRIPTION: &str =
    "created by fnox for `fnox key rotate` (symmetric, encrypts fnox.toml values)";

/// Each value's CiphertextBlob, None where it is not base64.
fn decode_all(values: &[&str]) -> Vec<Option<Vec<u8>>> {
    values
        .iter()
        .map(|v| {
            base64::engine::general_purpose::STANDARD
                .decode(v.trim())
                .ok()
        })
        .collect()
}

/// The ARN of key `key_id` (an id, ARN or alias) as DescribeKey reports it.
async fn describe_arn(client: &aws_sdk_kms::Client, key_id: &str) -> Result<String, ProviderError> {
    let out = client
        .describe_key()
        .key_id(key_id)
        .send()
        .await
        .map_err(|e| classify(SERVICE, &format!("key {key_id}"), e))?;
    out.key_metadata()
        .and_then(|m| m.arn())
        .filter(|arn| !arn.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| {
            ProviderError::new(
                ErrorKind::Other,
                format!("{SERVICE}: DescribeKey returned no ARN for key {key_id}"),
            )
        })
}

/// The key (ARN) KMS reports for each blob, with bounded concurrency, in input order; None
/// where the blob is missing or KMS cannot decrypt it. KMS names the key only in a Decrypt
/// reply, so each blob is decrypted: the plaintext is dropped unread with the reply.
async fn key_ids(client: &aws_sdk_kms::Client, blobs: Vec<Option<Vec<u8>>>) -> Vec<Option<String>> {
    stream::iter(blobs)
        .map(|blob| {
            let client = client.clone();
            async move {
                let out = client
                    .decrypt()
                    .ciphertext_blob(aws_sdk_kms::primitives::Blob::new(blob?))
                    .send()
                    .await
                    .ok()?;
                out.key_id().map(str::to_owned)
            }
        })
        .buffered(CONCURRENCY)
        .collect()
        .await
}
