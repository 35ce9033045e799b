//! `aws-sm`: Secrets Manager. fnox.toml holds the secret name (after `prefix`); values are read
//! with BatchGetSecretValue, 20 per call, the calls concurrently. `set` creates the secret (with
//! `kms_key_id` when given) or puts a new version of an existing one.

use base64::Engine;

use super::{classify, classify_code, Connection, StoreConfig};
use crate::provider::{ErrorKind, ItemResult, ProviderError, Store};
use crate::secret::SecretValue;

pub struct SecretsManager {
    prefix: String,
    kms_key_id: Option<String>,
    conn: Connection,
}

/// The label upstream uses in its messages.
const SERVICE: &str = "AWS Secrets Manager";
/// BatchGetSecretValue takes at most this many ids.
const BATCH: usize = 20;

impl SecretsManager {
    pub fn new(config: StoreConfig) -> Result<SecretsManager, ProviderError> {
        let (prefix, kms_key_id, conn) = config.into_parts(SERVICE)?;
        Ok(SecretsManager {
            prefix,
            kms_key_id,
            conn,
        })
    }

    fn name(&self, reference: &str) -> String {
        format!("{}{}", self.prefix, reference)
    }
}

/// A secret's value: its SecretString, or the base64 of its SecretBinary.
fn secret_value(
    string: Option<&str>,
    binary: Option<&aws_sdk_secretsmanager::primitives::Blob>,
) -> ItemResult {
    match (string, binary) {
        (Some(s), _) => Ok(SecretValue::new(s.to_owned())),
        (None, Some(b)) => Ok(SecretValue::new(
            base64::engine::general_purpose::STANDARD.encode(b.as_ref()),
        )),
        (None, None) => Err(ProviderError::new(
            ErrorKind::NotFound,
            format!("{SERVICE}: the secret has no value"),
        )),
    }
}

impl Store for SecretsManager {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let names: Vec<String> = references.iter().map(|r| self.name(r)).collect();
        self.conn.fetch_chunked(
            "BatchGetSecretValue",
            &names,
            BATCH,
            aws_sdk_secretsmanager::Client::new,
            |client, chunk| async move { fetch_chunk(&client, chunk).await },
            |n| {
                classify_code(
                    SERVICE,
                    &format!("secret {n}"),
                    "ResourceNotFoundException",
                    "",
                )
            },
        )
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        let name = self.name(reference);
        let value = value.to_owned();
        let key = self.kms_key_id.clone();
        self.conn.run("CreateSecret", |config| async move {
            let client = aws_sdk_secretsmanager::Client::new(&config);
            let created = client
                .create_secret()
                .name(&name)
                .secret_string(value.clone())
                .set_kms_key_id(key)
                .send()
                .await;
            match created {
                Ok(_) => Ok(()),
                Err(e)
                    if e.as_service_error()
                        .is_some_and(|s| s.is_resource_exists_exception()) =>
                {
                    client
                        .put_secret_value()
                        .secret_id(&name)
                        .secret_string(value)
                        .send()
                        .await
                        .map_err(|e| classify(SERVICE, &format!("secret {name}"), e))?;
                    Ok(())
                }
                Err(e) => Err(classify(SERVICE, &format!("secret {name}"), e)),
            }
        })
    }

    fn check(&self) -> Result<String, ProviderError> {
        self.conn.run("ListSecrets", |config| async move {
            let client = aws_sdk_secretsmanager::Client::new(&config);
            client
                .list_secrets()
                .max_results(1)
                .send()
                .await
                .map_err(|e| classify(SERVICE, "the secret list", e))?;
            let region = config.region().map(|r| r.to_string()).unwrap_or_default();
            Ok(format!(
                "Secrets Manager in {region} is reachable with these credentials"
            ))
        })
    }
}

/// One BatchGetSecretValue call; per-secret errors come back per secret.
async fn fetch_chunk(
    client: &aws_sdk_secretsmanager::Client,
    chunk: Vec<String>,
) -> Vec<(String, ItemResult)> {
    let reply = client
        .batch_get_secret_value()
        .set_secret_id_list(Some(chunk.clone()))
        .send()
        .await;
    let out = match reply {
        Ok(out) => out,
        Err(e) => {
            let err = classify(SERVICE, &format!("secrets {}", chunk.join(", ")), e);
            return chunk.into_iter().map(|n| (n, Err(err.clone()))).collect();
        }
    };
    let mut results: Vec<(String, ItemResult)> = Vec::new();
    for v in out.secret_values() {
        let value = secret_value(v.secret_string(), v.secret_binary());
        // Answers name the secret; a request may have used its ARN.
        for id in chunk
            .iter()
            .filter(|id| Some(id.as_str()) == v.name() || Some(id.as_str()) == v.arn())
        {
            results.push((id.clone(), value.clone()));
        }
    }
    for e in out.errors() {
        let id = e.secret_id().unwrap_or_default().to_owned();
        let err = classify_code(
            SERVICE,
            &format!("secret {id}"),
            e.error_code().unwrap_or("Unknown"),
            e.message().unwrap_or(""),
        );
        results.push((id, Err(err)));
    }
    results
}
