//! `vault`: HashiCorp Vault (or OpenBao) KV secrets over Vault's HTTP API. fnox.toml holds a
//! reference under the provider's `path` (mount plus optional prefix, default `secret`):
//! `NAME#FIELD`, or upstream's `NAME/FIELD` and `NAME` (field `value`). Reads fetch each secret
//! once, concurrently; `set` writes one field as a new KV v2 version and keeps the others
//! (read, then write with check-and-set). KV v1 mounts work too, without versions.

use std::collections::HashMap;
use std::sync::OnceLock;

use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{mount_path, Connection, Target, CONCURRENCY};
use crate::provider::{ErrorKind, ItemResult, ProviderError, Store};
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VaultConfig {
    pub address: Option<String>,
    pub path: Option<String>,
    pub token: Option<String>,
    pub namespace: Option<String>,
    pub credential_command: Option<String>,
}

/// Where the provider's `path` lives: the KV mount, the prefix inside it, and the KV version.
#[derive(Debug, Clone)]
struct Mount {
    mount: String,
    prefix: String,
    v2: bool,
}

pub struct Vault {
    path: String,
    conn: Connection,
    mount: OnceLock<Mount>,
}

/// The label upstream uses in its messages.
const SERVICE: &str = "HashiCorp Vault";

/// A secret's data: field name to value.
type Fields = Map<String, Value>;

impl Vault {
    pub fn new(config: VaultConfig) -> Vault {
        let path = mount_path(config.path.as_deref(), "secret");
        Vault {
            conn: Connection::new(
                SERVICE,
                Target {
                    address: config.address,
                    token: config.token,
                    namespace: config.namespace,
                    credential_command: config.credential_command,
                    path: Some(path.clone()),
                },
            ),
            path,
            mount: OnceLock::new(),
        }
    }

    /// Finds the mount under `path` the way the `vault` CLI does (sys/internal/ui/mounts);
    /// when Vault will not say, the first segment is the mount and it is KV v2.
    async fn mount(&self) -> Result<Mount, ProviderError> {
        if let Some(m) = self.mount.get() {
            return Ok(m.clone());
        }
        let what = format!("secrets under {}", self.path);
        let lookup = self
            .conn
            .call(
                reqwest::Method::GET,
                &format!("sys/internal/ui/mounts/{}", self.path),
                None,
                &what,
            )
            .await;
        let found = match lookup {
            Ok(reply) if reply.ok() => reply.body["data"]["path"].as_str().map(|m| {
                let v1 = reply.body["data"]["type"] == "kv"
                    && reply.body["data"]["options"]["version"].as_str() != Some("2");
                (m.trim_matches('/').to_owned(), !v1)
            }),
            Err(e) if e.kind == ErrorKind::Unreachable => return Err(e),
            _ => None,
        };
        let (mount, v2) = found.unwrap_or_else(|| {
            let first = self.path.split('/').next().unwrap_or_default().to_owned();
            (first, true)
        });
        let prefix = self
            .path
            .strip_prefix(&mount)
            .unwrap_or_default()
            .trim_matches('/')
            .to_owned();
        let m = Mount { mount, prefix, v2 };
        Ok(self.mount.get_or_init(|| m).clone())
    }

    /// The secret's path relative to the mount (prefix included).
    fn relative(m: &Mount, secret: &str) -> String {
        if m.prefix.is_empty() {
            secret.to_owned()
        } else {
            format!("{}/{secret}", m.prefix)
        }
    }

    fn data_url(m: &Mount, secret: &str) -> String {
        let rel = Self::relative(m, secret);
        if m.v2 {
            format!("{}/data/{rel}", m.mount)
        } else {
            format!("{}/{rel}", m.mount)
        }
    }

    fn display(m: &Mount, secret: &str) -> String {
        format!("{}/{}", m.mount, Self::relative(m, secret))
    }

    /// Reads one secret: its fields and (KV v2) current version; Ok(None) when it does not
    /// exist or its latest version is deleted (then with that version, for check-and-set).
    async fn read(&self, m: &Mount, secret: &str) -> Result<(Option<Fields>, u64), ProviderError> {
        let shown = Self::display(m, secret);
        let what = format!("secret {shown}");
        let reply = self
            .conn
            .call(
                reqwest::Method::GET,
                &Self::data_url(m, secret),
                None,
                &what,
            )
            .await?;
        let version = reply.body["data"]["metadata"]["version"]
            .as_u64()
            .unwrap_or(0);
        match reply.status {
            200 => {
                let data = if m.v2 {
                    &reply.body["data"]["data"]
                } else {
                    &reply.body["data"]
                };
                Ok((Some(data.as_object().cloned().unwrap_or_default()), version))
            }
            404 => Ok((None, version)),
            _ => Err(self.conn.unexpected(&reply, &what)),
        }
    }

    async fn fetch(&self, m: &Mount, secret: String) -> (String, Result<Fields, ProviderError>) {
        let r = async {
            match self.read(m, &secret).await? {
                (Some(fields), _) => Ok(fields),
                (None, _) => Err(ProviderError::new(
                    ErrorKind::NotFound,
                    format!(
                        "{SERVICE}: secret '{}' not found",
                        Self::display(m, &secret)
                    ),
                )
                .hint(format!(
                    "check the reference and the provider's `path` ({}), or create it with `fnox set`",
                    self.path
                ))),
            }
        }
        .await;
        (secret, r)
    }

    async fn write(&self, secret: &str, field: &str, value: &str) -> Result<(), ProviderError> {
        let m = self.mount().await?;
        let shown = Self::display(&m, secret);
        let what = format!("secret {shown}");
        // Check-and-set: a write that raced with another one is retried on the new version.
        for _ in 0..3 {
            let (fields, version) = self.read(&m, secret).await?;
            let mut fields = fields.unwrap_or_default();
            fields.insert(field.to_owned(), Value::String(value.to_owned()));
            let body = if m.v2 {
                json!({ "data": fields, "options": { "cas": version } })
            } else {
                Value::Object(fields)
            };
            let reply = self
                .conn
                .call(
                    reqwest::Method::POST,
                    &Self::data_url(&m, secret),
                    Some(&body),
                    &what,
                )
                .await?;
            if reply.ok() {
                return Ok(());
            }
            if !reply.errors().contains("check-and-set") {
                return Err(self.conn.unexpected(&reply, &what));
            }
        }
        Err(ProviderError::new(
            ErrorKind::Other,
            format!("{SERVICE}: {shown} kept changing while fnox wrote to it"),
        )
        .hint("try again"))
    }
}

/// Splits a reference into (secret, field): `NAME#FIELD` (NAME may contain `/`; an empty FIELD
/// is `value`), else upstream's `NAME/FIELD` (the last segment is the field) or `NAME` (field
/// `value`).
pub fn parse_reference(reference: &str) -> Result<(String, String), ProviderError> {
    let (secret, field) = match reference.split_once('#') {
        Some((s, f)) => (s, if f.is_empty() { "value" } else { f }),
        None => match reference.rsplit_once('/') {
            Some((s, f)) => (s, f),
            None => (reference, "value"),
        },
    };
    let secret = secret.trim_matches('/');
    if secret.is_empty() || field.is_empty() {
        return Err(ProviderError::new(
            ErrorKind::Config,
            format!("{SERVICE}: '{reference}' is not a Vault reference"),
        )
        .hint("use NAME (field `value`), NAME/FIELD, or PATH/TO/NAME#FIELD"));
    }
    Ok((secret.to_owned(), field.to_owned()))
}

/// A field's value: strings as they are, anything else as JSON.
fn field_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Store for Vault {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let parsed: Vec<Result<(String, String), ProviderError>> =
            references.iter().map(|r| parse_reference(r)).collect();
        let mut unique: Vec<String> = parsed
            .iter()
            .filter_map(|p| p.as_ref().ok().map(|(s, _)| s.clone()))
            .collect();
        unique.sort();
        unique.dedup();
        let outcome = if unique.is_empty() {
            Ok(HashMap::new())
        } else {
            self.conn.run(async {
                let m = self.mount().await?;
                let replies: Vec<(String, Result<Fields, ProviderError>)> = stream::iter(unique)
                    .map(|secret| self.fetch(&m, secret))
                    .buffer_unordered(CONCURRENCY)
                    .collect()
                    .await;
                Ok(replies.into_iter().collect::<HashMap<_, _>>())
            })
        };
        let by_secret = match outcome {
            Ok(m) => m,
            Err(e) => return parsed.iter().map(|_| Err(e.clone())).collect(),
        };
        parsed
            .into_iter()
            .map(|p| {
                let (secret, field) = p?;
                let fields = by_secret.get(&secret).cloned().unwrap_or_else(|| {
                    Err(ProviderError::new(
                        ErrorKind::Other,
                        format!("{SERVICE}: secret {secret} was not fetched"),
                    ))
                })?;
                match fields.get(&field) {
                    Some(v) => Ok(SecretValue::new(field_text(v))),
                    None => {
                        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
                        let listed = if names.is_empty() {
                            "it has no fields".to_owned()
                        } else {
                            format!("its fields: {}", names.join(", "))
                        };
                        Err(ProviderError::new(
                            ErrorKind::NotFound,
                            format!(
                                "{SERVICE}: secret {}/{secret} has no field '{field}'; {listed}",
                                self.path
                            ),
                        )
                        .hint("select a field with `value = \"NAME#FIELD\"`"))
                    }
                }
            })
            .collect()
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        let (secret, field) = parse_reference(reference)?;
        self.conn.run(self.write(&secret, &field, value))
    }

    fn check(&self) -> Result<String, ProviderError> {
        self.conn.run(async {
            let reply = self
                .conn
                .call(
                    reqwest::Method::GET,
                    "auth/token/lookup-self",
                    None,
                    "the token's own details (auth/token/lookup-self)",
                )
                .await?;
            if !reply.ok() {
                return Err(self.conn.unexpected(&reply, "the token's own details"));
            }
            let m = self.mount().await?;
            Ok(format!(
                "Vault at {} accepts the token; {} is on the KV v{} mount {}/",
                self.conn.address(),
                self.path,
                if m.v2 { 2 } else { 1 },
                m.mount
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_select_secret_and_field() {
        let cases = [
            ("db", ("db", "value")),
            ("db/password", ("db", "password")),
            ("myapp/db#password", ("myapp/db", "password")),
            ("myapp/db#", ("myapp/db", "value")),
            ("a/b/c", ("a/b", "c")),
            ("db#pass#word", ("db", "pass#word")),
        ];
        for (input, (secret, field)) in cases {
            let (s, f) = parse_reference(input).unwrap();
            assert_eq!((s.as_str(), f.as_str()), (secret, field), "{input}");
        }
        for bad in ["", "#x", "db/", "/"] {
            assert_eq!(
                parse_reference(bad).unwrap_err().kind,
                ErrorKind::Config,
                "{bad}"
            );
        }
    }
}
