//! What the Azure Key Vault providers (`azure-sm` for secrets, `azure-kms` for keys) share: the
//! connection to a vault over the Key Vault REST API (version 7.4, HTTPS only, rustls), one token
//! per provider from the credential chain in `credential.rs`, one small tokio runtime made on first
//! use, and the mapping of Key Vault's failures to errors a person can act on.
//!
//! fnox asks for a token for the vault's resource (`https://vault.azure.net`, or the sovereign
//! cloud's `https://vault.azure.cn`, ... read off the vault's host) up front, rather than sending
//! an unauthenticated request first and taking the resource from the 401 challenge as the official
//! SDKs do: one round trip less, and the address never chooses what token it gets.

pub mod credential;
pub mod kms;
pub mod sm;

use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use super::{http, ErrorKind, ProviderError};
use crate::env_vars;

/// The Key Vault REST API version fnox speaks.
pub const API_VERSION: &str = "7.4";
/// Requests in flight at once per provider.
pub const CONCURRENCY: usize = 16;
/// The vault URL of `secret://azure-kv/VAULT/...` references, `{vault}` standing for VAULT
/// (default `https://{vault}.vault.azure.net`; e.g. `https://{vault}.vault.azure.cn` for Azure
/// China). Without `{vault}`, every VAULT maps to this one URL.
pub const FNOX_AZURE_KEYVAULT_URL: &str = "FNOX_AZURE_KEYVAULT_URL";
const DEFAULT_VAULT_URL: &str = "https://{vault}.vault.azure.net";

/// Who to ask when the vault refuses the credentials.
const CREDENTIALS_HINT: &str = "set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (a service principal), or run `az login`";

/// The vault a provider talks to, and the token resource its host belongs to.
#[derive(Debug, Clone)]
pub struct Vault {
    /// `https://NAME.vault.azure.net`, without a trailing slash.
    pub url: String,
    /// `https://vault.azure.net` (or the sovereign cloud's / Managed HSM's).
    pub resource: String,
}

impl Vault {
    /// Checks a `vault_url`: an https URL with a host and no query.
    pub fn parse(service: &str, vault_url: &str) -> Result<Vault, ProviderError> {
        let bad = |why: &str| {
            ProviderError::new(
                ErrorKind::Config,
                format!("{service}: `vault_url` is not a Key Vault URL ({why})"),
            )
            .hint("write it as `vault_url = \"https://NAME.vault.azure.net/\"` (the vault's URI in the Azure portal)")
        };
        let trimmed = vault_url.trim().trim_end_matches('/');
        let url = reqwest::Url::parse(trimmed).map_err(|_| bad("it does not parse as a URL"))?;
        if url.scheme() != "https" {
            return Err(bad(
                "Key Vault takes tokens over https only, and so does fnox",
            ));
        }
        let Some(host) = url.host_str() else {
            return Err(bad("it has no host"));
        };
        if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
            return Err(bad("it has a query, fragment or user name"));
        }
        Ok(Vault {
            url: trimmed.to_owned(),
            resource: resource_for_host(host),
        })
    }
}

/// `NAME.vault.SUFFIX` → `https://vault.SUFFIX`, `NAME.managedhsm.SUFFIX` → `https://managedhsm.SUFFIX`,
/// anything else (a private endpoint's own name, a loopback test server) → Azure's public cloud.
fn resource_for_host(host: &str) -> String {
    let host = host.to_ascii_lowercase();
    if let Some((_, rest)) = host.split_once('.') {
        if rest.starts_with("vault.") || rest.starts_with("managedhsm.") {
            return format!("https://{rest}");
        }
    }
    "https://vault.azure.net".to_owned()
}

/// A Key Vault name as Azure allows it: 3-24 letters, digits and hyphens, starting with a letter.
pub fn valid_vault_name(name: &str) -> bool {
    (3..=24).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The vault URL of vault `name` in a `secret://azure-kv/NAME/...` reference (see
/// FNOX_AZURE_KEYVAULT_URL). `name` must have passed `valid_vault_name`.
pub fn reference_vault_url(name: &str) -> String {
    let template =
        env_vars::non_empty(FNOX_AZURE_KEYVAULT_URL).unwrap_or_else(|| DEFAULT_VAULT_URL.into());
    template.replace("{vault}", name)
}

/// An object name as Key Vault allows it (secrets, keys, versions): 1-127 letters, digits, hyphens.
pub fn valid_object_name(name: &str) -> bool {
    (1..=127).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A token and what it was had from, worked out on first use. No Debug: it holds the token.
struct Session {
    http: reqwest::Client,
    token: String,
    /// "service principal ID (AZURE_CLIENT_ID)", "Azure CLI login", ...: for messages.
    identity: String,
}

/// A provider's connection to one vault: its runtime and session, both made on first use.
pub struct Connection {
    service: &'static str,
    vault: Vault,
    runtime: OnceLock<Result<tokio::runtime::Runtime, ProviderError>>,
    session: OnceLock<Result<Session, ProviderError>>,
}

/// A Key Vault reply: the HTTP status and the JSON body (Null when there was none).
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Reply {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Key Vault's `error.code` (the inner code when there is one, e.g. ForbiddenByRbac).
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or("")
    }

    /// `Code: message`, or `HTTP status` when the body says nothing.
    pub fn detail(&self) -> String {
        let code = self.code();
        let message = self.body["error"]["message"].as_str().unwrap_or("");
        match (code.is_empty(), message.is_empty()) {
            (true, true) => format!("HTTP {}", self.status),
            (false, true) => code.to_owned(),
            (true, false) => message.to_owned(),
            (false, false) => format!("{code}: {message}"),
        }
    }
}

impl Connection {
    pub fn new(service: &'static str, vault: Vault) -> Connection {
        Connection {
            service,
            vault,
            runtime: OnceLock::new(),
            session: OnceLock::new(),
        }
    }

    pub fn vault_url(&self) -> &str {
        &self.vault.url
    }

    /// `{vault_url}/{path}?api-version=7.4`; `path` segments are already valid names.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{path}?api-version={API_VERSION}", self.vault.url)
    }

    fn runtime(&self) -> Result<&tokio::runtime::Runtime, ProviderError> {
        self.runtime
            .get_or_init(|| super::network_runtime(self.service))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Runs a future on this provider's runtime, with the session (HTTP client and token) made
    /// first, once for every request of the provider.
    pub fn run<T, Fut>(&self, fut: Fut) -> Result<T, ProviderError>
    where
        Fut: Future<Output = Result<T, ProviderError>>,
    {
        let rt = self.runtime()?;
        if self.session.get().is_none() {
            let service = self.service;
            let waited = || format!("{service}: the access token request");
            let s = rt.block_on(crate::deadline::bounded(
                waited,
                open_session(self.service, &self.vault),
            ));
            let _ = self.session.set(s);
        }
        self.session()?;
        rt.block_on(fut)
    }

    fn session(&self) -> Result<&Session, ProviderError> {
        match self.session.get() {
            Some(s) => s.as_ref().map_err(Clone::clone),
            None => Err(ProviderError::new(
                ErrorKind::Other,
                format!("{}: no session (a request outside `run`)", self.service),
            )),
        }
    }

    /// Who the requests go as, for messages ("" before the session exists).
    pub fn identity(&self) -> String {
        self.session()
            .map(|s| s.identity.clone())
            .unwrap_or_default()
    }

    /// One API call to `url` (from `Self::url`). `what` names the object in errors. Transport
    /// failures, a rejected token (401) and a refusal (403) are errors; other statuses are
    /// returned. A throttled request (429) is sent again, as Key Vault asks.
    pub async fn call(
        &self,
        method: reqwest::Method,
        url: &str,
        body: Option<&Value>,
        what: &str,
    ) -> Result<Reply, ProviderError> {
        let reply = self.send(method, url, body, what).await?;
        if reply.status == 403 {
            return Err(self.denied(&reply, what));
        }
        Ok(reply)
    }

    /// The error for a 403: the identity lacks a permission (or the object is disabled).
    pub fn denied(&self, reply: &Reply, what: &str) -> ProviderError {
        ProviderError::new(
            ErrorKind::AccessDenied,
            format!(
                "{}: access denied to {what} for {} ({})",
                self.service,
                self.identity(),
                reply.detail()
            ),
        )
        .hint(format!(
            "give that identity a role on the vault (Key Vault Secrets User for secrets, Key Vault Crypto User for keys) or an access policy, or use another one: {CREDENTIALS_HINT}"
        ))
    }

    /// `call`, with a 403 returned as a reply.
    pub async fn send(
        &self,
        method: reqwest::Method,
        url: &str,
        body: Option<&Value>,
        what: &str,
    ) -> Result<Reply, ProviderError> {
        let s = self.session()?;
        let service = self.service;
        let mut attempt = 1;
        let reply = loop {
            let mut req = s
                .http
                .request(method.clone(), url)
                .bearer_auth(&s.token)
                .header(reqwest::header::ACCEPT, "application/json");
            if let Some(body) = body {
                req = req.json(body);
            }
            let exchange = async {
                let resp = req
                    .send()
                    .await
                    .map_err(|e| transport(service, &self.vault.url, what, &e))?;
                let status = resp.status().as_u16();
                let retry_after = resp
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
                let bytes = resp
                    .bytes()
                    .await
                    .map_err(|e| transport(service, &self.vault.url, what, &e))?;
                Ok((status, retry_after, bytes))
            };
            let waited = || format!("{service}: {method} {url} for {what}");
            let (status, retry_after, bytes) = crate::deadline::bounded(waited, exchange).await?;
            if status == 429 && attempt < THROTTLE_ATTEMPTS {
                let wait = retry_after
                    .map(Duration::from_secs)
                    .unwrap_or(Duration::from_millis(500) * 2u32.pow(attempt - 1));
                if wait <= LONGEST_RETRY_AFTER {
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                    continue;
                }
            }
            break Reply {
                status,
                body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            };
        };
        match reply.status {
            401 => Err(ProviderError::new(
                ErrorKind::AccessDenied,
                format!(
                    "{service}: the vault at {} rejected the token of {} for {what} ({})",
                    self.vault.url,
                    s.identity,
                    reply.detail()
                ),
            )
            .hint(format!("the token is for another tenant or has expired: {CREDENTIALS_HINT}"))),
            429 => Err(ProviderError::new(
                ErrorKind::Unreachable,
                format!(
                    "{service}: Key Vault kept throttling requests for {what} ({attempt} attempts; {})",
                    reply.detail()
                ),
            )
            .hint("try again shortly; Key Vault limits requests per vault and per identity")),
            _ => Ok(reply),
        }
    }

    /// An error for a reply the provider did not expect.
    pub fn unexpected(&self, reply: &Reply, what: &str) -> ProviderError {
        let kind = if reply.status >= 500 {
            ErrorKind::Unreachable
        } else {
            ErrorKind::Other
        };
        ProviderError::new(
            kind,
            format!(
                "{}: request for {what} failed ({})",
                self.service,
                reply.detail()
            ),
        )
    }
}

/// How many times a throttled request (HTTP 429) is sent in all.
const THROTTLE_ATTEMPTS: u32 = 4;
/// The longest Retry-After worth waiting for inside one command.
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(10);

/// The error for a request that got no HTTP answer.
pub fn transport(service: &str, address: &str, what: &str, e: &reqwest::Error) -> ProviderError {
    http::transport(
        service,
        address,
        what,
        e,
        "check the provider's `vault_url` (https://NAME.vault.azure.net), the network, and any firewall in front of the vault",
    )
}

async fn open_session(service: &str, vault: &Vault) -> Result<Session, ProviderError> {
    let http = http::client(service)?;
    let token = credential::token(service, &http, &vault.resource).await?;
    Ok(Session {
        http,
        token: token.token,
        identity: token.identity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_resource_follows_the_vault_host() {
        for (url, resource) in [
            (
                "https://my-vault.vault.azure.net/",
                "https://vault.azure.net",
            ),
            ("https://MY-vault.Vault.Azure.CN", "https://vault.azure.cn"),
            (
                "https://v.vault.usgovcloudapi.net",
                "https://vault.usgovcloudapi.net",
            ),
            (
                "https://h.managedhsm.azure.net",
                "https://managedhsm.azure.net",
            ),
            ("https://127.0.0.1:8443", "https://vault.azure.net"),
            ("https://kv.internal.example.com", "https://vault.azure.net"),
        ] {
            let v = Vault::parse("t", url).unwrap();
            assert_eq!(v.resource, resource, "{url}");
            assert!(!v.url.ends_with('/'));
        }
        for bad in [
            "http://my-vault.vault.azure.net",
            "my-vault",
            "https://v.vault.azure.net/?x=1",
            "https://user@v.vault.azure.net",
        ] {
            assert_eq!(
                Vault::parse("t", bad).unwrap_err().kind,
                ErrorKind::Config,
                "{bad}"
            );
        }
    }

    #[test]
    fn names_follow_azure_rules() {
        assert!(valid_vault_name("my-vault1"));
        for bad in [
            "ab",
            "1vault",
            "my_vault",
            "a.b.c",
            "evil.com?",
            &"a".repeat(25),
        ] {
            assert!(!valid_vault_name(bad), "{bad}");
        }
        assert!(valid_object_name("database-url"));
        assert!(valid_object_name("A1"));
        for bad in ["", "DATABASE_URL", "a/b", "a.b", &"a".repeat(128)] {
            assert!(!valid_object_name(bad), "{bad}");
        }
    }
}
