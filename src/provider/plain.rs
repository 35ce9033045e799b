//! `plain`: the value is the plaintext itself. For non-secret defaults only.

use serde::Deserialize;

use super::{Cipher, ItemResult, ProviderError};
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlainConfig {}

pub struct Plain;

impl Cipher for Plain {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError> {
        Ok(plaintext.to_owned())
    }

    fn decrypt_batch(&self, values: &[&str]) -> Vec<ItemResult> {
        values.iter().map(|v| Ok(SecretValue::from(*v))).collect()
    }

    fn check(&self) -> Result<String, ProviderError> {
        Ok("plain values need no keys".to_owned())
    }
}
