//! `gcp-sm`: Google Cloud Secret Manager. fnox.toml holds the secret's id (after `prefix`) and
//! reads get its latest version, as upstream fnox; `ID/VERSION` (a version number, or `latest`)
//! pins one, as azure-sm's `NAME/VERSION` does. `set` adds a version, creating the secret
//! (automatic replication) when it does not exist yet. A batch is read with one token, the
//! requests concurrently (16 at a time), each distinct secret once.

use std::collections::HashMap;

use base64::Engine;
use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use serde_json::json;

use super::{bad_project, valid_id, valid_project, Api, Connection, CONCURRENCY};
use crate::provider::{ErrorKind, ItemResult, ProviderError, Store};
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmConfig {
    pub project: String,
    /// Prepended to every reference to form the secret's id.
    pub prefix: Option<String>,
}

const API: Api = Api {
    service: "GCP Secret Manager",
    endpoint_var: super::FNOX_GCP_SECRETMANAGER_ENDPOINT,
    default_endpoint: "https://secretmanager.googleapis.com",
};
/// A version number as Secret Manager counts them: 1, 2, ...
fn valid_version(v: &str) -> bool {
    !v.is_empty() && v.len() <= 20 && v.bytes().all(|b| b.is_ascii_digit()) && !v.starts_with('0')
}

const STANDARD: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

pub struct SecretManager {
    project: String,
    prefix: String,
    conn: Connection,
}

impl SecretManager {
    pub fn new(config: SmConfig) -> Result<SecretManager, ProviderError> {
        if !valid_project(&config.project) {
            return Err(bad_project(API.service, &config.project));
        }
        Ok(SecretManager {
            project: config.project,
            prefix: config.prefix.unwrap_or_default(),
            conn: Connection::new(API),
        })
    }

    /// The secret id and version of a reference `ID` or `ID/VERSION` (ids hold no '/').
    fn secret_version(&self, reference: &str) -> Result<(String, String), ProviderError> {
        let (name, version) = match reference.split_once('/') {
            None => (reference, "latest"),
            Some((name, v)) if v == "latest" || valid_version(v) => (name, v),
            Some((_, v)) => {
                return Err(ProviderError::new(
                    ErrorKind::Config,
                    format!("{}: '{v}' in '{reference}' is not a secret version (a number, or `latest`)", API.service),
                )
                .hint("write the reference as `ID` (the latest version) or `ID/VERSION`, e.g. `database-url/3`"))
            }
        };
        Ok((self.secret_id(name)?, version.to_owned()))
    }

    /// The secret id of a reference: the prefix and the reference, as Google allows ids.
    fn secret_id(&self, reference: &str) -> Result<String, ProviderError> {
        let id = format!("{}{reference}", self.prefix);
        if !valid_id(&id, 255) {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!("{}: '{id}' is not a Secret Manager secret id (1-255 letters, digits, '-' and '_')", API.service),
            )
            .hint("name the secret with letters, digits, '-' and '_', e.g. `fnox set DATABASE_URL --key-name database-url`"));
        }
        Ok(id)
    }

    fn secret_path(&self, id: &str) -> String {
        format!("projects/{}/secrets/{id}", self.project)
    }

    fn not_found(&self, id: &str) -> ProviderError {
        ProviderError::new(
            ErrorKind::NotFound,
            format!(
                "{}: secret '{id}' not found in project '{}'",
                API.service, self.project
            ),
        )
        .hint("check the name, the provider's `project` and `prefix`, or create it with `fnox set`")
    }

    async fn fetch(&self, (id, version): (String, String)) -> ((String, String), ItemResult) {
        let what = if version == "latest" {
            format!("secret '{id}'")
        } else {
            format!("version {version} of secret '{id}'")
        };
        let url = self.conn.url(&format!(
            "{}/versions/{version}:access",
            self.secret_path(&id)
        ));
        let r = async {
            let reply = self
                .conn
                .call(reqwest::Method::GET, &url, None, &what)
                .await?;
            if reply.status == 404 && version == "latest" {
                return Err(self.not_found(&id));
            }
            if reply.status == 404 {
                return Err(ProviderError::new(
                    ErrorKind::NotFound,
                    format!("{}: {what} not found in project '{}'", API.service, self.project),
                )
                .hint("check the version (`gcloud secrets versions list ID`), or drop `/VERSION` to read the latest"));
            }
            if reply.status == 400 && reply.code() == "FAILED_PRECONDITION" {
                let which = if version == "latest" {
                    "has no enabled latest version"
                } else {
                    "is not enabled (disabled or destroyed)"
                };
                return Err(ProviderError::new(
                    ErrorKind::NotFound,
                    format!("{}: {what} {which} ({})", API.service, reply.detail()),
                )
                .hint("enable the version (`gcloud secrets versions enable`), or add one with `fnox set`"));
            }
            if !reply.ok() {
                return Err(self.conn.unexpected(&reply, &what));
            }
            let data = reply.body["payload"]["data"]
                .as_str()
                .and_then(|d| STANDARD.decode(d).ok())
                .ok_or_else(|| {
                    ProviderError::new(
                        ErrorKind::Other,
                        format!("{}: {what} came back without a payload", API.service),
                    )
                })?;
            String::from_utf8(data).map(SecretValue::new).map_err(|_| {
                ProviderError::new(
                    ErrorKind::BadCiphertext,
                    format!("{}: Secret value is not valid UTF-8", API.service),
                )
                .hint("fnox reads text secrets; store binary values base64-encoded")
            })
        }
        .await;
        ((id, version), r)
    }

    /// POST :addVersion with the value.
    async fn add_version(&self, id: &str, value: &str) -> Result<super::Reply, ProviderError> {
        let body = json!({ "payload": { "data": STANDARD.encode(value.as_bytes()) } });
        let url = self
            .conn
            .url(&format!("{}:addVersion", self.secret_path(id)));
        self.conn
            .call(
                reqwest::Method::POST,
                &url,
                Some(&body),
                &format!("a new version of secret '{id}'"),
            )
            .await
    }
}

impl Store for SecretManager {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let ids: Vec<Result<(String, String), ProviderError>> =
            references.iter().map(|r| self.secret_version(r)).collect();
        let mut unique: Vec<(String, String)> = ids.iter().filter_map(|t| t.clone().ok()).collect();
        unique.sort();
        unique.dedup();
        let outcome = if unique.is_empty() {
            Ok(HashMap::new())
        } else {
            self.conn.run(async {
                let replies: Vec<((String, String), ItemResult)> = stream::iter(unique)
                    .map(|id| self.fetch(id))
                    .buffer_unordered(CONCURRENCY)
                    .collect()
                    .await;
                Ok(replies.into_iter().collect::<HashMap<_, _>>())
            })
        };
        let by_id = match outcome {
            Ok(m) => m,
            Err(e) => return ids.into_iter().map(|t| t.and(Err(e.clone()))).collect(),
        };
        ids.into_iter()
            .map(|id| {
                let id = id?;
                by_id.get(&id).cloned().unwrap_or_else(|| {
                    Err(ProviderError::new(
                        ErrorKind::Other,
                        format!("{}: secret '{}' was not fetched", API.service, id.0),
                    ))
                })
            })
            .collect()
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        if let Some((name, _)) = reference.split_once('/') {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!(
                    "{}: '{reference}' pins a version, and a version cannot be written",
                    API.service
                ),
            )
            .hint(format!(
                "set the secret by its id alone (`{name}`): `set` adds a new version"
            )));
        }
        let id = self.secret_id(reference)?;
        self.conn.run(async {
            let mut reply = self.add_version(&id, value).await?;
            if reply.status == 404 {
                // No such secret yet: create it, then add the version.
                let what = format!("creating secret '{id}'");
                let url = format!(
                    "{}?secretId={id}",
                    self.conn.url(&format!("projects/{}/secrets", self.project))
                );
                let body = json!({ "replication": { "automatic": {} } });
                let created = self
                    .conn
                    .call(reqwest::Method::POST, &url, Some(&body), &what)
                    .await?;
                if created.status == 404 {
                    return Err(ProviderError::new(
                        ErrorKind::NotFound,
                        format!("{}: project '{}' not found ({})", API.service, self.project, created.detail()),
                    )
                    .hint("check the provider's `project`, and that the Secret Manager API is enabled in it"));
                }
                if !created.ok() && created.status != 409 {
                    return Err(self.conn.unexpected(&created, &what));
                }
                reply = self.add_version(&id, value).await?;
            }
            if !reply.ok() {
                return Err(self
                    .conn
                    .unexpected(&reply, &format!("a new version of secret '{id}'")));
            }
            Ok(())
        })
    }

    /// Reads a secret that need not exist: 200 and 404 both say the service answers and lets
    /// this identity read the project's secrets (a 403 would refuse); nothing is written.
    fn check(&self) -> Result<String, ProviderError> {
        let id = "fnox-connection-check";
        let what = format!("a probe secret ({id})");
        let url = self
            .conn
            .url(&format!("{}/versions/latest:access", self.secret_path(id)));
        self.conn.run(async {
            let reply = self
                .conn
                .call(reqwest::Method::GET, &url, None, &what)
                .await?;
            if !reply.ok() && reply.status != 404 {
                return Err(self.conn.unexpected(&reply, &what));
            }
            Ok(format!(
                "Secret Manager at {} lets {} read the secrets of project '{}'",
                self.conn.endpoint(),
                self.conn.identity(),
                self.project
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_secret_ids_after_the_prefix() {
        let s = SecretManager::new(SmConfig {
            project: "my-project".into(),
            prefix: Some("app-".into()),
        })
        .unwrap();
        assert_eq!(s.secret_id("DB_URL").unwrap(), "app-DB_URL");
        for bad in ["a/b", "a.b", "", "x?y"] {
            let e = SecretManager::new(SmConfig {
                project: "p".into(),
                prefix: None,
            })
            .unwrap()
            .secret_id(bad)
            .unwrap_err();
            assert_eq!(e.kind, ErrorKind::Config, "{bad}");
        }
        assert!(SecretManager::new(SmConfig {
            project: "a/b".into(),
            prefix: None
        })
        .is_err());
    }
}
