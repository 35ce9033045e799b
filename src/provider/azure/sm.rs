//! `azure-sm`: Azure Key Vault secrets. fnox.toml holds the secret's name (after `prefix`), and
//! `NAME/VERSION` pins one version; without it the latest is read. `set` adds a new version.
//! A batch is read with one token, the requests concurrently (16 at a time), each distinct
//! secret once.

use std::collections::HashMap;

use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use serde_json::json;

use super::{valid_object_name, Connection, Vault, CONCURRENCY};
use crate::provider::{ErrorKind, ItemResult, ProviderError, Store};
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmConfig {
    pub vault_url: String,
    /// Prepended to every reference to form the secret's name.
    pub prefix: Option<String>,
}

pub struct SecretStore {
    prefix: String,
    conn: Connection,
}

/// The label upstream uses in its messages.
const SERVICE: &str = "Azure Key Vault";

/// A secret to read: its name in the vault and the version, if pinned.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Target {
    name: String,
    version: Option<String>,
}

impl Target {
    fn shown(&self) -> String {
        match &self.version {
            Some(v) => format!("secret '{}' version {v}", self.name),
            None => format!("secret '{}'", self.name),
        }
    }
}

impl SecretStore {
    pub fn new(config: SmConfig) -> Result<SecretStore, ProviderError> {
        Ok(SecretStore {
            prefix: config.prefix.unwrap_or_default(),
            conn: Connection::new(SERVICE, Vault::parse(SERVICE, &config.vault_url)?),
        })
    }

    /// `NAME` or `NAME/VERSION`, with the prefix put before NAME; names as Key Vault allows them.
    fn target(&self, reference: &str) -> Result<Target, ProviderError> {
        let (name, version) = match reference.split_once('/') {
            Some((n, v)) => (n, Some(v)),
            None => (reference, None),
        };
        let name = format!("{}{name}", self.prefix);
        if !valid_object_name(&name) {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!("{SERVICE}: '{name}' is not a Key Vault secret name (1-127 letters, digits and hyphens)"),
            )
            .hint("name the secret in the vault with hyphens, e.g. `fnox set DATABASE_URL --key-name database-url`"));
        }
        if let Some(v) = version {
            if v.is_empty() || !v.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(ProviderError::new(
                    ErrorKind::Config,
                    format!("{SERVICE}: '{reference}' is not NAME or NAME/VERSION (a version is 32 hex digits)"),
                )
                .hint("write the secret's name, or its name and a version id from `az keyvault secret list-versions`"));
            }
        }
        Ok(Target {
            name,
            version: version.map(str::to_owned),
        })
    }

    async fn fetch(&self, target: Target) -> (Target, ItemResult) {
        let path = match &target.version {
            Some(v) => format!("secrets/{}/{v}", target.name),
            None => format!("secrets/{}", target.name),
        };
        let what = target.shown();
        let r = async {
            let reply = self
                .conn
                .call(reqwest::Method::GET, &self.conn.url(&path), None, &what)
                .await?;
            if reply.status == 404 {
                let text = match &target.version {
                    Some(v) => format!("{SERVICE}: secret '{}' has no version {v}", target.name),
                    None => format!("{SERVICE}: secret '{}' not found", target.name),
                };
                return Err(ProviderError::new(ErrorKind::NotFound, text).hint(format!(
                    "check the name, the provider's `prefix` and `vault_url` ({}), or create it with `fnox set`",
                    self.conn.vault_url()
                )));
            }
            if !reply.ok() {
                return Err(self.conn.unexpected(&reply, &what));
            }
            match reply.body["value"].as_str() {
                Some(v) => Ok(SecretValue::new(v.to_owned())),
                None => Err(ProviderError::new(
                    ErrorKind::NotFound,
                    format!("{SERVICE}: {what} has no value"),
                )),
            }
        }
        .await;
        (target, r)
    }
}

impl Store for SecretStore {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let targets: Vec<Result<Target, ProviderError>> =
            references.iter().map(|r| self.target(r)).collect();
        let mut unique: Vec<Target> = targets.iter().filter_map(|t| t.clone().ok()).collect();
        unique.sort();
        unique.dedup();
        let outcome = if unique.is_empty() {
            Ok(HashMap::new())
        } else {
            self.conn.run(async {
                let replies: Vec<(Target, ItemResult)> = stream::iter(unique)
                    .map(|t| self.fetch(t))
                    .buffer_unordered(CONCURRENCY)
                    .collect()
                    .await;
                Ok(replies.into_iter().collect::<HashMap<_, _>>())
            })
        };
        let by_target = match outcome {
            Ok(m) => m,
            Err(e) => return targets.into_iter().map(|t| t.and(Err(e.clone()))).collect(),
        };
        targets
            .into_iter()
            .map(|t| {
                let t = t?;
                by_target.get(&t).cloned().unwrap_or_else(|| {
                    Err(ProviderError::new(
                        ErrorKind::Other,
                        format!("{SERVICE}: {} was not fetched", t.shown()),
                    ))
                })
            })
            .collect()
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        let target = self.target(reference)?;
        if let Some(v) = &target.version {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!("{SERVICE}: '{reference}' pins version {v}; a write adds a new version"),
            )
            .hint("write to the name alone (`--key-name NAME`); reads then get the new latest version"));
        }
        let what = target.shown();
        let url = self.conn.url(&format!("secrets/{}", target.name));
        let body = json!({ "value": value });
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::PUT, &url, Some(&body), &what)
                .await?;
            if !reply.ok() {
                return Err(self.conn.unexpected(&reply, &what));
            }
            Ok(())
        })
    }

    /// Reads a secret that need not exist: 200 and 404 both say the vault answers and lets this
    /// identity read secrets (a 403 would refuse); nothing is listed or written.
    fn check(&self) -> Result<String, ProviderError> {
        let what = "a probe secret (fnox-connection-check)";
        let url = self.conn.url("secrets/fnox-connection-check");
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::GET, &url, None, what)
                .await?;
            if !reply.ok() && reply.status != 404 {
                return Err(self.conn.unexpected(&reply, what));
            }
            Ok(format!(
                "Key Vault at {} lets {} read secrets",
                self.conn.vault_url(),
                self.conn.identity()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(prefix: Option<&str>) -> SecretStore {
        SecretStore::new(SmConfig {
            vault_url: "https://v.vault.azure.net/".into(),
            prefix: prefix.map(Into::into),
        })
        .unwrap()
    }

    #[test]
    fn references_are_a_name_and_an_optional_version() {
        let s = store(Some("app-"));
        let t = s.target("db").unwrap();
        assert_eq!((t.name.as_str(), t.version), ("app-db", None));
        let t = s.target("db/0123abcd").unwrap();
        assert_eq!(t.version.as_deref(), Some("0123abcd"));
        for bad in ["DB_URL", "db/", "db/x/y", "a.b", ""] {
            assert_eq!(
                store(None).target(bad).unwrap_err().kind,
                ErrorKind::Config,
                "{bad}"
            );
        }
    }
}
