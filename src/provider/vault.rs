//! `vault`: HashiCorp Vault (or OpenBao) KV secrets over Vault's HTTP API. fnox.toml holds a
//! reference under the provider's `path` (mount plus optional prefix, default `secret`):
//! `NAME#FIELD`, or upstream's `NAME/FIELD` and `NAME` (field `value`). Reads fetch each secret
//! once, concurrently; `set` writes one field as a new KV v2 version and keeps the others
//! (read, then write with check-and-set). KV v1 mounts work too, without versions.
//!
//! Also the connection that `vault-transit` shares: address, token and namespace from the
//! provider or the standard Vault variables, TLS settings, and one small tokio runtime per
//! provider made on first use.

use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{ErrorKind, ItemResult, ProviderError, Store};
use crate::env_vars;
use crate::secret::SecretValue;

/// The Vault address; wins over VAULT_ADDR.
pub const FNOX_VAULT_ADDR: &str = "FNOX_VAULT_ADDR";
/// The Vault address, as the `vault` CLI reads it.
pub const VAULT_ADDR: &str = "VAULT_ADDR";
/// A Vault token; wins over VAULT_TOKEN.
pub const FNOX_VAULT_TOKEN: &str = "FNOX_VAULT_TOKEN";
/// A Vault token, as the `vault` CLI reads it (else ~/.vault-token, written by `vault login`).
pub const VAULT_TOKEN: &str = "VAULT_TOKEN";
/// The Vault Enterprise / HCP namespace; wins over VAULT_NAMESPACE.
pub const FNOX_VAULT_NAMESPACE: &str = "FNOX_VAULT_NAMESPACE";
/// The Vault Enterprise / HCP namespace.
pub const VAULT_NAMESPACE: &str = "VAULT_NAMESPACE";
/// A PEM file of extra root certificates to trust for the Vault server.
pub const VAULT_CACERT: &str = "VAULT_CACERT";
/// When true, the Vault server's TLS certificate is not verified (testing only).
pub const VAULT_SKIP_VERIFY: &str = "VAULT_SKIP_VERIFY";

/// Requests in flight at once per provider.
pub const CONCURRENCY: usize = 16;

const LOGIN_HINT: &str =
    "set VAULT_TOKEN (or the provider's `token`), or run `vault login`, which writes ~/.vault-token";
const ADDR_HINT: &str =
    "check the provider's `address` / VAULT_ADDR, the network, and that the Vault server is running";

/// Where and as whom to reach Vault, as configured on the provider.
#[derive(Debug, Clone, Default)]
pub struct Target {
    pub address: Option<String>,
    pub token: Option<String>,
    pub namespace: Option<String>,
    pub credential_command: Option<String>,
    /// Passed to `credential_command` as `{{ path }}`.
    pub path: Option<String>,
}

/// Address, token and HTTP client, all worked out on first use.
struct Session {
    address: String,
    token: String,
    namespace: Option<String>,
    http: reqwest::Client,
}

/// A provider's connection to Vault: its runtime and session, both made on first use.
pub struct Connection {
    service: &'static str,
    target: Target,
    runtime: OnceLock<Result<tokio::runtime::Runtime, ProviderError>>,
    session: OnceLock<Result<Session, ProviderError>>,
}

/// A Vault reply: the HTTP status and the JSON body (Null when there was none).
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Reply {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Vault's `errors` list, joined.
    pub fn errors(&self) -> String {
        self.body["errors"]
            .as_array()
            .map(|e| {
                e.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default()
    }
}

impl Connection {
    pub fn new(service: &'static str, target: Target) -> Connection {
        Connection {
            service,
            target,
            runtime: OnceLock::new(),
            session: OnceLock::new(),
        }
    }

    /// Runs a future on this provider's runtime.
    pub fn run<T, Fut>(&self, fut: Fut) -> Result<T, ProviderError>
    where
        Fut: Future<Output = Result<T, ProviderError>>,
    {
        let rt = self
            .runtime
            .get_or_init(|| super::network_runtime(self.service))
            .as_ref()
            .map_err(Clone::clone)?;
        rt.block_on(fut)
    }

    fn session(&self) -> Result<&Session, ProviderError> {
        self.session
            .get_or_init(|| open_session(self.service, &self.target))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn address(&self) -> String {
        self.session()
            .map(|s| s.address.clone())
            .unwrap_or_default()
    }

    /// One API call: `path` is relative to /v1/. `what` names the object in errors. Transport
    /// failures, a sealed Vault and a rejected token are errors; other statuses are returned.
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        what: &str,
    ) -> Result<Reply, ProviderError> {
        let s = self.session()?;
        let url = format!("{}/v1/{}", s.address, path.trim_start_matches('/'));
        let mut req = s
            .http
            .request(method, &url)
            .header("X-Vault-Token", &s.token)
            .header("X-Vault-Request", "true");
        if let Some(ns) = &s.namespace {
            req = req.header("X-Vault-Namespace", ns);
        }
        if let Some(body) = body {
            req = req.json(body);
        }
        let resp = req
            .send()
            .await
            .map_err(|e| self.transport(&s.address, what, &e))?;
        let status = resp.status().as_u16();
        let bytes = resp
            .bytes()
            .await
            .map_err(|e| self.transport(&s.address, what, &e))?;
        let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        let reply = Reply { status, body };
        let errors = reply.errors();
        let service = self.service;
        match status {
            503 if errors.to_lowercase().contains("sealed") => Err(ProviderError::new(
                ErrorKind::Unreachable,
                format!("{service}: the Vault at {} is sealed", s.address),
            )
            .hint("unseal it (`vault operator unseal`), or ask its operators to")),
            401 | 403 => Err(ProviderError::new(
                ErrorKind::AccessDenied,
                format!(
                    "{service}: Vault denied access to {what} ({}): the token is invalid or expired, or its policies do not allow this",
                    if errors.is_empty() { format!("HTTP {status}") } else { errors }
                ),
            )
            .hint(LOGIN_HINT)),
            _ => Ok(reply),
        }
    }

    /// An error for a reply this provider did not expect.
    pub fn unexpected(&self, reply: &Reply, what: &str) -> ProviderError {
        let errors = reply.errors();
        let detail = if errors.is_empty() {
            format!("HTTP {}", reply.status)
        } else {
            format!("HTTP {}: {errors}", reply.status)
        };
        let kind = if reply.status >= 500 || reply.status == 429 {
            ErrorKind::Unreachable
        } else {
            ErrorKind::Other
        };
        ProviderError::new(
            kind,
            format!("{}: request for {what} failed ({detail})", self.service),
        )
    }

    fn transport(&self, address: &str, what: &str, e: &reqwest::Error) -> ProviderError {
        let mut chain = vec![e.to_string()];
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            chain.push(s.to_string());
            source = s.source();
        }
        // reqwest's outer messages repeat the URL; the innermost cause says what went wrong.
        let detail = chain.last().cloned().unwrap_or_default();
        let all = chain.join(": ").to_lowercase();
        let text = if e.is_timeout() {
            format!(
                "{}: timed out reaching Vault at {address} for {what}",
                self.service
            )
        } else {
            format!(
                "{}: cannot reach Vault at {address} for {what} ({detail})",
                self.service
            )
        };
        let hint = if all.contains("certificate") {
            "trust the server's CA with VAULT_CACERT=/path/to/ca.pem (or, for testing only, VAULT_SKIP_VERIFY=true)"
        } else {
            ADDR_HINT
        };
        ProviderError::new(ErrorKind::Unreachable, text).hint(hint)
    }
}

fn open_session(service: &str, target: &Target) -> Result<Session, ProviderError> {
    let address = target
        .address
        .clone()
        .filter(|a| !a.is_empty())
        .or_else(|| env_vars::non_empty(FNOX_VAULT_ADDR))
        .or_else(|| env_vars::non_empty(VAULT_ADDR))
        .ok_or_else(|| {
            ProviderError::new(
                ErrorKind::Config,
                format!("{service}: no Vault address is set"),
            )
            .hint(
                "set `address = \"https://vault.example.com:8200\"` on the provider, or VAULT_ADDR",
            )
        })?
        .trim_end_matches('/')
        .to_owned();
    let namespace = target
        .namespace
        .clone()
        .filter(|n| !n.is_empty())
        .or_else(|| env_vars::non_empty(FNOX_VAULT_NAMESPACE))
        .or_else(|| env_vars::non_empty(VAULT_NAMESPACE));
    let token = token(service, target, &address, namespace.as_deref())?;
    let mut builder = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(60));
    if let Some(path) = env_vars::non_empty(VAULT_CACERT) {
        let pem = std::fs::read(&path).map_err(|e| {
            ProviderError::new(
                ErrorKind::Config,
                format!("{service}: cannot read VAULT_CACERT {path}: {e}"),
            )
        })?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
            ProviderError::new(
                ErrorKind::Config,
                format!("{service}: VAULT_CACERT {path} is not a PEM certificate file: {e}"),
            )
        })?;
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    }
    if env_vars::flag(VAULT_SKIP_VERIFY) == Some(true) {
        builder = builder.danger_accept_invalid_certs(true);
    }
    let http = builder.build().map_err(|e| {
        ProviderError::new(
            ErrorKind::Other,
            format!("{service}: cannot set up the HTTP client: {e}"),
        )
    })?;
    Ok(Session {
        address,
        token,
        namespace,
        http,
    })
}

/// The provider's `token`, else FNOX_VAULT_TOKEN / VAULT_TOKEN, else what `credential_command`
/// prints, else ~/.vault-token.
fn token(
    service: &str,
    target: &Target,
    address: &str,
    namespace: Option<&str>,
) -> Result<String, ProviderError> {
    if let Some(t) = target
        .token
        .clone()
        .filter(|t| !t.is_empty())
        .or_else(|| env_vars::non_empty(FNOX_VAULT_TOKEN))
        .or_else(|| env_vars::non_empty(VAULT_TOKEN))
    {
        return Ok(t);
    }
    if let Some(command) = &target.credential_command {
        return credential_command(service, command, target, address, namespace);
    }
    let file: Option<PathBuf> = env_vars::home_dir().map(|h| h.join(".vault-token"));
    if let Some(t) = file
        .and_then(|f| std::fs::read_to_string(f).ok())
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
    {
        return Ok(t);
    }
    Err(ProviderError::new(
        ErrorKind::AccessDenied,
        format!("{service}: no Vault token found"),
    )
    .hint(LOGIN_HINT))
}

/// Runs `credential_command` through `sh -c` with VAULT_ADDR / VAULT_NAMESPACE set; its trimmed
/// stdout is the token. `{{ address }}`, `{{ path }}` and `{{ namespace }}` are filled in.
fn credential_command(
    service: &str,
    command: &str,
    target: &Target,
    address: &str,
    namespace: Option<&str>,
) -> Result<String, ProviderError> {
    let re = regex::Regex::new(r"\{\{\s*(address|path|namespace)\s*\}\}").expect("valid regex");
    let rendered = re.replace_all(command, |c: &regex::Captures| match &c[1] {
        "address" => address.to_owned(),
        "path" => target.path.clone().unwrap_or_default(),
        _ => namespace.unwrap_or_default().to_owned(),
    });
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(rendered.as_ref())
        .env(VAULT_ADDR, address)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit());
    if let Some(ns) = namespace {
        cmd.env(VAULT_NAMESPACE, ns);
    }
    let out = cmd.output().map_err(|e| {
        ProviderError::new(
            ErrorKind::Other,
            format!("{service}: cannot run credential_command: {e}"),
        )
    })?;
    let token = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if !out.status.success() || token.is_empty() {
        return Err(ProviderError::new(
            ErrorKind::AccessDenied,
            format!(
                "{service}: credential_command did not print a token ({})",
                out.status
            ),
        )
        .hint("run the command by hand to see why, or set VAULT_TOKEN"));
    }
    Ok(token)
}

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

const SERVICE: &str = "vault";

/// A secret's data: field name to value.
type Fields = Map<String, Value>;

impl Vault {
    pub fn new(config: VaultConfig) -> Vault {
        let path = config
            .path
            .clone()
            .map(|p| p.trim_matches('/').to_owned())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "secret".to_owned());
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
                        "{SERVICE}: secret {} does not exist",
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
