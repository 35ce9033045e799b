//! Every built provider is wrapped here: its reads (decrypt, fetch, check, key state) run under
//! its deadline (`crate::deadline`), which the network code honours. Writes and key changes are
//! bounded per request only (FNOX_HTTP_TIMEOUT): an import of many values may rightly take long.

use super::{Cipher, ItemResult, KeyInfo, KeyRef, ProviderError, Store};
use crate::deadline::{within, Budget};

pub struct BoundedCipher {
    pub inner: Box<dyn Cipher>,
    pub budget: Budget,
}

impl Cipher for BoundedCipher {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError> {
        self.inner.encrypt(plaintext)
    }

    fn decrypt_batch(&self, ciphertexts: &[&str]) -> Vec<ItemResult> {
        within(&self.budget, || self.inner.decrypt_batch(ciphertexts))
    }

    fn check(&self) -> Result<String, ProviderError> {
        within(&self.budget, || self.inner.check())
    }

    fn rewrap_batch(&self, ciphertexts: &[&str]) -> Option<Vec<Result<String, ProviderError>>> {
        self.inner.rewrap_batch(ciphertexts)
    }

    fn stale_batch(&self, ciphertexts: &[&str]) -> Vec<Option<String>> {
        within(&self.budget, || self.inner.stale_batch(ciphertexts))
    }

    fn sealed_with(&self, ciphertexts: &[&str]) -> Vec<Option<KeyRef>> {
        within(&self.budget, || self.inner.sealed_with(ciphertexts))
    }

    fn key_info(&self) -> Result<KeyInfo, ProviderError> {
        within(&self.budget, || self.inner.key_info())
    }

    fn rotate_key(&self) -> Result<KeyInfo, ProviderError> {
        self.inner.rotate_key()
    }

    fn retire_below(&self, version: u64) -> Result<(), ProviderError> {
        self.inner.retire_below(version)
    }

    fn create_key(&self) -> Result<String, ProviderError> {
        self.inner.create_key()
    }
}

pub struct BoundedStore {
    pub inner: Box<dyn Store>,
    pub budget: Budget,
}

impl Store for BoundedStore {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        within(&self.budget, || self.inner.fetch_batch(references))
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        self.inner.put(reference, value)
    }

    fn put_batch(&self, items: &[(&str, &str)]) -> Vec<Result<(), ProviderError>> {
        self.inner.put_batch(items)
    }

    fn check(&self) -> Result<String, ProviderError> {
        within(&self.budget, || self.inner.check())
    }
}
