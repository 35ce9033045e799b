//! `aws-ps`: SSM Parameter Store. fnox.toml holds the parameter name (after `prefix`); values are
//! read with GetParameters, 10 names per call, the calls concurrently, SecureStrings decrypted.
//! `set` writes a SecureString (overwriting), with `kms_key_id` when given.

use std::collections::HashMap;

use futures_util::stream::{self, StreamExt};

use super::{classify, classify_code, Connection, StoreConfig, CONCURRENCY};
use crate::provider::{ErrorKind, ItemResult, ProviderError, Store};
use crate::secret::SecretValue;

pub struct ParameterStore {
    prefix: String,
    kms_key_id: Option<String>,
    conn: Connection,
}

const SERVICE: &str = "aws-ps";
/// GetParameters takes at most this many names.
const BATCH: usize = 10;

impl ParameterStore {
    pub fn new(config: StoreConfig) -> ParameterStore {
        let (prefix, kms_key_id, conn) = config.into_parts();
        ParameterStore {
            prefix,
            kms_key_id,
            conn,
        }
    }

    fn name(&self, reference: &str) -> String {
        format!("{}{}", self.prefix, reference)
    }
}

impl Store for ParameterStore {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let names: Vec<String> = references.iter().map(|r| self.name(r)).collect();
        let mut unique: Vec<String> = names.clone();
        unique.sort();
        unique.dedup();
        let outcome = self.conn.run(|config| async move {
            let client = aws_sdk_ssm::Client::new(&config);
            let chunks: Vec<Vec<String>> = unique.chunks(BATCH).map(<[String]>::to_vec).collect();
            let replies: Vec<Vec<(String, ItemResult)>> = stream::iter(chunks)
                .map(|chunk| {
                    let client = client.clone();
                    async move {
                        match client
                            .get_parameters()
                            .set_names(Some(chunk.clone()))
                            .with_decryption(true)
                            .send()
                            .await
                        {
                            Ok(out) => {
                                let mut found: Vec<(String, ItemResult)> = out
                                    .parameters()
                                    .iter()
                                    .filter_map(|p| {
                                        let name = p.name()?.to_owned();
                                        let value = p.value().unwrap_or_default().to_owned();
                                        Some((name, Ok(SecretValue::new(value))))
                                    })
                                    .collect();
                                for missing in out.invalid_parameters() {
                                    let err = classify_code(
                                        SERVICE,
                                        &format!("parameter {missing}"),
                                        "ParameterNotFound",
                                        "",
                                    );
                                    found.push((missing.clone(), Err(err)));
                                }
                                found
                            }
                            Err(e) => {
                                let err = classify(
                                    SERVICE,
                                    &format!("parameters {}", chunk.join(", ")),
                                    e,
                                );
                                chunk.into_iter().map(|n| (n, Err(err.clone()))).collect()
                            }
                        }
                    }
                })
                .buffer_unordered(CONCURRENCY)
                .collect()
                .await;
            Ok(replies
                .into_iter()
                .flatten()
                .collect::<HashMap<String, ItemResult>>())
        });
        match outcome {
            Ok(by_name) => names
                .iter()
                .map(|n| {
                    by_name.get(n).cloned().unwrap_or_else(|| {
                        Err(ProviderError::new(
                            ErrorKind::NotFound,
                            format!("{SERVICE}: parameter {n} was not returned"),
                        ))
                    })
                })
                .collect(),
            Err(e) => names.iter().map(|_| Err(e.clone())).collect(),
        }
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        let name = self.name(reference);
        let value = value.to_owned();
        let key = self.kms_key_id.clone();
        self.conn.run(|config| async move {
            let client = aws_sdk_ssm::Client::new(&config);
            client
                .put_parameter()
                .name(&name)
                .value(value)
                .r#type(aws_sdk_ssm::types::ParameterType::SecureString)
                .set_key_id(key)
                .overwrite(true)
                .send()
                .await
                .map_err(|e| classify(SERVICE, &format!("parameter {name}"), e))?;
            Ok(())
        })
    }

    fn check(&self) -> Result<String, ProviderError> {
        self.conn.run(|config| async move {
            let client = aws_sdk_ssm::Client::new(&config);
            client
                .describe_parameters()
                .max_results(1)
                .send()
                .await
                .map_err(|e| classify(SERVICE, "the parameter list", e))?;
            let region = config.region().map(|r| r.to_string()).unwrap_or_default();
            Ok(format!(
                "Parameter Store in {region} is reachable with these credentials"
            ))
        })
    }
}
