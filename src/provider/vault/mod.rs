//! What the Vault providers (`vault`, `vault-transit`) share: the connection to HashiCorp Vault
//! (or OpenBao) over Vault's HTTP API (address, token and namespace from the provider or the
//! standard Vault variables, TLS settings, and one small tokio runtime per provider made on first
//! use), and the mapping of its failures to errors a person can act on.

pub mod kv;
pub mod transit;

use std::future::Future;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use super::{ErrorKind, ProviderError};
use crate::env_vars;

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

/// Where and as whom to reach Vault, as configured on the provider. Debug hides the token.
#[derive(Clone, Default)]
pub struct Target {
    pub address: Option<String>,
    pub token: Option<String>,
    pub namespace: Option<String>,
    pub credential_command: Option<String>,
    /// Passed to `credential_command` as `{{ path }}`.
    pub path: Option<String>,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Target")
            .field("address", &self.address)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("namespace", &self.namespace)
            .field("credential_command", &self.credential_command)
            .field("path", &self.path)
            .finish()
    }
}

/// A configured mount or path without its surrounding slashes; `default` when unset or empty.
fn mount_path(configured: Option<&str>, default: &str) -> String {
    match configured.map(|p| p.trim_matches('/')) {
        Some(p) if !p.is_empty() => p.to_owned(),
        _ => default.to_owned(),
    }
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

    /// Vault's `errors` list, joined on one line (a multi-error's `N error(s) occurred:` list
    /// becomes its items).
    pub fn errors(&self) -> String {
        self.body["errors"]
            .as_array()
            .map(|e| {
                e.iter()
                    .filter_map(Value::as_str)
                    .map(one_line)
                    .filter(|e| !e.is_empty())
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
        let waited = || format!("{}: {method} {url} for {what}", self.service);
        let exchange = async {
            let mut attempt = 1;
            loop {
                let mut req = s
                    .http
                    .request(method.clone(), &url)
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
                let retry_after = resp
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
                let bytes = resp
                    .bytes()
                    .await
                    .map_err(|e| self.transport(&s.address, what, &e))?;
                // A rate-limit quota refuses the request before Vault acts on it: safe to send again.
                if status == 429 && attempt < RATE_LIMIT_ATTEMPTS {
                    if let Some(wait) = rate_limit_wait(attempt, retry_after) {
                        tokio::time::sleep(wait).await;
                        attempt += 1;
                        continue;
                    }
                }
                break Ok((
                    status,
                    serde_json::from_slice(&bytes).unwrap_or(Value::Null),
                    attempt,
                ));
            }
        };
        let (status, body, attempt) = crate::deadline::bounded(waited, exchange).await?;
        let reply = Reply { status, body };
        let errors = reply.errors();
        let service = self.service;
        match status {
            429 => Err(ProviderError::new(
                ErrorKind::Unreachable,
                format!(
                    "{service}: Vault kept rate-limiting requests for {what} ({attempt} attempts; {})",
                    if errors.is_empty() { "HTTP 429".to_owned() } else { errors }
                ),
            )
            .hint("try again shortly, or ask Vault's operators to raise the rate-limit quota on this path")),
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
        let kind = if reply.status >= 500 {
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

/// One Vault error on one line: the items of a Go multi-error ("1 error occurred:\n\t* permission
/// denied\n\n"), joined with "; ".
fn one_line(error: &str) -> String {
    let trimmed = error.trim();
    let first = trimmed.lines().next().unwrap_or_default();
    if first.ends_with("occurred:") {
        return trimmed
            .lines()
            .skip(1)
            .filter_map(|l| l.trim().strip_prefix("* "))
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("; ");
    }
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many times a request refused by a rate-limit quota (HTTP 429) is sent in all.
const RATE_LIMIT_ATTEMPTS: u32 = 4;
/// The longest Retry-After worth waiting for inside one command.
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(10);

/// The pause before attempt `attempt + 1`: Vault's Retry-After when it sends one (None when that
/// is too long to wait), else 0.5 s doubling per attempt with jitter (50-100%), so concurrent
/// requests refused together do not come back together.
fn rate_limit_wait(attempt: u32, retry_after: Option<u64>) -> Option<Duration> {
    if let Some(seconds) = retry_after {
        let wait = Duration::from_secs(seconds);
        return (wait <= LONGEST_RETRY_AFTER).then_some(wait);
    }
    let full = Duration::from_millis(500) * 2u32.pow(attempt - 1);
    let mut noise = [0u8; 2];
    let _ = aws_lc_rs::rand::fill(&mut noise);
    let fraction = 0.5 + f64::from(u16::from_le_bytes(noise)) / f64::from(u16::MAX) / 2.0;
    Some(full.mul_f64(fraction))
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
    let mut builder = super::http::builder();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vault_multi_errors_read_as_one_line() {
        let reply = Reply {
            status: 403,
            body: serde_json::json!({"errors": [
                "1 error occurred:\n\t* permission denied\n\n",
                "2 errors occurred:\n\t* a\n\t* b\n\n",
                "plain\nerror",
            ]}),
        };
        assert_eq!(reply.errors(), "permission denied; a; b; plain error");
    }

    #[test]
    fn rate_limited_requests_back_off_with_jitter_or_as_vault_asks() {
        for _ in 0..200 {
            for (attempt, low, high) in [(1, 250, 500), (2, 500, 1000), (3, 1000, 2000)] {
                let wait = rate_limit_wait(attempt, None).unwrap().as_millis();
                assert!((low..=high).contains(&wait), "attempt {attempt}: {wait} ms");
            }
        }
        let waits: std::collections::HashSet<_> =
            (0..50).map(|_| rate_limit_wait(1, None)).collect();
        assert!(waits.len() > 10, "the pause is jittered");
        assert_eq!(rate_limit_wait(2, Some(3)), Some(Duration::from_secs(3)));
        assert_eq!(
            rate_limit_wait(1, Some(60)),
            None,
            "too long to wait inside a command"
        );
    }
}
