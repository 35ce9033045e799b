//! `aws-ps`: SSM Parameter Store. fnox.toml holds the parameter name (after `prefix`); values are
//! read with GetParameters, 10 names per call, the calls concurrently, SecureStrings decrypted.
//! `set` writes a SecureString (overwriting), with `kms_key_id` when given.

use super::{classify, classify_code, Connection, StoreConfig};
use crate::provider::{ErrorKind, ItemResult, ProviderError, Store};
use crate::secret::SecretValue;

pub struct ParameterStore {
    prefix: String,
    kms_key_id: Option<String>,
    conn: Connection,
}

/// The label upstream uses in its messages.
const SERVICE: &str = "AWS Parameter Store";
/// GetParameters takes at most this many names.
const BATCH: usize = 10;

impl ParameterStore {
    pub fn new(config: StoreConfig) -> Result<ParameterStore, ProviderError> {
        let (prefix, kms_key_id, conn) = config.into_parts(SERVICE)?;
        Ok(ParameterStore {
            prefix,
            kms_key_id,
            conn,
        })
    }

    fn name(&self, reference: &str) -> String {
        format!("{}{}", self.prefix, reference)
    }
}

impl Store for ParameterStore {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let names: Vec<String> = references.iter().map(|r| self.name(r)).collect();
        self.conn.fetch_chunked(
            "GetParameters",
            &names,
            BATCH,
            aws_sdk_ssm::Client::new,
            |client, chunk| async move { fetch_chunk(&client, chunk).await },
            |n| {
                ProviderError::new(
                    ErrorKind::NotFound,
                    format!("{SERVICE}: parameter {n} was not returned"),
                )
            },
        )
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        let name = self.name(reference);
        let value = value.to_owned();
        let key = self.kms_key_id.clone();
        self.conn.run("PutParameter", |config| async move {
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
        self.conn.run("DescribeParameters", |config| async move {
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

/// One GetParameters call; names it reports invalid come back as not found, one by one.
async fn fetch_chunk(
    client: &aws_sdk_ssm::Client,
    chunk: Vec<String>,
) -> Vec<(String, ItemResult)> {
    let reply = client
        .get_parameters()
        .set_names(Some(chunk.clone()))
        .with_decryption(true)
        .send()
        .await;
    let out = match reply {
        Ok(out) => out,
        Err(e) => {
            let err = classify(SERVICE, &format!("parameters {}", chunk.join(", ")), e);
            return chunk.into_iter().map(|n| (n, Err(err.clone()))).collect();
        }
    };
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
