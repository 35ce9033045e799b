//! What the Google Cloud providers (`gcp-sm` for Secret Manager, `gcp-kms` for Cloud KMS) share:
//! the REST (JSON over HTTPS, rustls) connection to one service, one token per provider from
//! the Application Default Credentials in `credential.rs`, one small tokio runtime made on first
//! use, and the mapping of Google's errors to ones a person can act on.
//!
//! The service addresses are Google's (`https://secretmanager.googleapis.com`,
//! `https://cloudkms.googleapis.com`); FNOX_GCP_SECRETMANAGER_ENDPOINT and FNOX_GCP_KMS_ENDPOINT
//! put others in their place (a private endpoint, a regional endpoint, a test server), as the
//! official clients' `api_endpoint` option does. No fnox.toml field names an address.

pub mod credential;
pub mod kms;
pub mod sm;

use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use super::{http, ErrorKind, ProviderError};
use crate::env_vars;

/// Secret Manager's address instead of https://secretmanager.googleapis.com.
pub const FNOX_GCP_SECRETMANAGER_ENDPOINT: &str = "FNOX_GCP_SECRETMANAGER_ENDPOINT";
/// Cloud KMS's address instead of https://cloudkms.googleapis.com.
pub const FNOX_GCP_KMS_ENDPOINT: &str = "FNOX_GCP_KMS_ENDPOINT";

/// Requests in flight at once per provider.
pub const CONCURRENCY: usize = 16;
/// How many times a throttled or unavailable request (429, 503) is sent in all.
const ATTEMPTS: u32 = 3;

/// One Google Cloud API: its label for messages, the variable that moves it, its address.
#[derive(Clone, Copy)]
pub struct Api {
    pub service: &'static str,
    pub endpoint_var: &'static str,
    pub default_endpoint: &'static str,
}

/// A token and who it stands for, worked out on first use. No Debug: it holds the token.
struct Session {
    http: reqwest::Client,
    token: credential::Token,
}

/// A Google API reply: the HTTP status and the JSON body (Null when there was none).
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Reply {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Google's `error.status` (NOT_FOUND, PERMISSION_DENIED, INVALID_ARGUMENT, ...).
    pub fn code(&self) -> &str {
        self.body["error"]["status"].as_str().unwrap_or("")
    }

    /// `STATUS: message`, or `HTTP status` when the body says nothing.
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

/// A provider's connection to one API: its runtime and session, both made on first use.
pub struct Connection {
    api: Api,
    endpoint: Result<String, ProviderError>,
    runtime: OnceLock<Result<tokio::runtime::Runtime, ProviderError>>,
    session: OnceLock<Result<Session, ProviderError>>,
}

/// The API's address: the variable's (an https URL, without a trailing slash) or Google's.
fn endpoint(api: Api) -> Result<String, ProviderError> {
    let Some(value) = env_vars::non_empty(api.endpoint_var) else {
        return Ok(api.default_endpoint.to_owned());
    };
    let trimmed = value.trim().trim_end_matches('/').to_owned();
    let ok = reqwest::Url::parse(&trimmed).is_ok_and(|u| {
        u.scheme() == "https"
            && u.host_str().is_some()
            && u.query().is_none()
            && u.username().is_empty()
    });
    if !ok {
        return Err(ProviderError::new(
            ErrorKind::Config,
            format!(
                "{}: {} is not an https URL ({trimmed})",
                api.service, api.endpoint_var
            ),
        )
        .hint(format!(
            "unset it for Google's own address ({}), or set an https URL such as https://HOST:PORT",
            api.default_endpoint
        )));
    }
    Ok(trimmed)
}

impl Connection {
    pub fn new(api: Api) -> Connection {
        Connection {
            api,
            endpoint: endpoint(api),
            runtime: OnceLock::new(),
            session: OnceLock::new(),
        }
    }

    /// The API's address, for messages ("" when the variable is wrong: requests say so).
    pub fn endpoint(&self) -> &str {
        self.endpoint.as_deref().unwrap_or("")
    }

    /// `{endpoint}/v1/{path}`; the path's names are already valid.
    pub fn url(&self, path: &str) -> String {
        format!("{}/v1/{path}", self.endpoint())
    }

    /// Runs a future on this provider's runtime, with the session (HTTP client and token) made
    /// first, once for every request of the provider.
    pub fn run<T, Fut>(&self, fut: Fut) -> Result<T, ProviderError>
    where
        Fut: Future<Output = Result<T, ProviderError>>,
    {
        self.endpoint.as_ref().map_err(Clone::clone)?;
        let rt = self
            .runtime
            .get_or_init(|| super::network_runtime(self.api.service))
            .as_ref()
            .map_err(Clone::clone)?;
        if self.session.get().is_none() {
            let service = self.api.service;
            let waited = || format!("{service}: the access token request");
            let s = rt.block_on(crate::deadline::bounded(waited, async {
                let http = http::client(service)?;
                let token = credential::token(service, &http).await?;
                Ok(Session { http, token })
            }));
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
                format!("{}: no session (a request outside `run`)", self.api.service),
            )),
        }
    }

    /// Who the requests go as, for messages ("" before the session exists).
    pub fn identity(&self) -> String {
        self.session()
            .map(|s| s.token.identity.clone())
            .unwrap_or_default()
    }

    /// One API call. `what` names the object in errors. Transport failures, a rejected token
    /// (401) and a refusal (403) are errors; other statuses are returned. A throttled or
    /// briefly unavailable request (429, 503) is sent again.
    pub async fn call(
        &self,
        method: reqwest::Method,
        url: &str,
        body: Option<&Value>,
        what: &str,
    ) -> Result<Reply, ProviderError> {
        let s = self.session()?;
        let service = self.api.service;
        let mut attempt = 1;
        let reply = loop {
            let mut req = s
                .http
                .request(method.clone(), url)
                .bearer_auth(&s.token.token)
                .header(reqwest::header::ACCEPT, "application/json");
            if let Some(project) = &s.token.quota_project {
                req = req.header("x-goog-user-project", project);
            }
            if let Some(body) = body {
                req = req.json(body);
            }
            let exchange = async {
                let resp = req.send().await.map_err(|e| self.transport(what, &e))?;
                let status = resp.status().as_u16();
                let bytes = resp.bytes().await.map_err(|e| self.transport(what, &e))?;
                Ok((status, bytes))
            };
            let waited = || format!("{service}: {method} {url} for {what}");
            let (status, bytes) = crate::deadline::bounded(waited, exchange).await?;
            if matches!(status, 429 | 503) && attempt < ATTEMPTS {
                tokio::time::sleep(Duration::from_millis(300) * 2u32.pow(attempt - 1)).await;
                attempt += 1;
                continue;
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
                    "{service}: {} rejected the token of {} for {what} ({})",
                    self.endpoint(),
                    s.token.identity,
                    reply.detail()
                ),
            )
            .hint(format!(
                "the credentials have expired or been revoked: {}",
                credential::CREDENTIALS_HINT
            ))),
            403 => Err(ProviderError::new(
                ErrorKind::AccessDenied,
                format!(
                    "{service}: access denied to {what} for {} ({})",
                    s.token.identity,
                    reply.detail()
                ),
            )
            .hint(format!(
                "grant that identity a role on the project or resource (Secret Manager Secret Accessor / Version Adder for secrets, Cloud KMS CryptoKey Encrypter/Decrypter for keys), or use another one: {}",
                credential::CREDENTIALS_HINT
            ))),
            429 | 503 => Err(ProviderError::new(
                ErrorKind::Unreachable,
                format!(
                    "{service}: {what} kept failing with {} ({ATTEMPTS} attempts)",
                    reply.detail()
                ),
            )
            .hint("try again shortly")),
            _ => Ok(reply),
        }
    }

    fn transport(&self, what: &str, e: &reqwest::Error) -> ProviderError {
        http::transport(
            self.api.service,
            self.endpoint(),
            what,
            e,
            &format!(
                "check the network, and {} if it is set (unset, fnox uses {})",
                self.api.endpoint_var, self.api.default_endpoint
            ),
        )
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
                self.api.service,
                reply.detail()
            ),
        )
    }
}

/// A resource id segment as Google allows it: 1-`max` letters, digits, `-` and `_`.
pub fn valid_id(id: &str, max: usize) -> bool {
    (1..=max).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A project id or number, or a domain-scoped one (`example.com:my-project`).
pub fn valid_project(project: &str) -> bool {
    (1..=100).contains(&project.len())
        && project
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':'))
}

/// The error for a project field that is not a project id.
pub fn bad_project(service: &str, project: &str) -> ProviderError {
    ProviderError::new(
        ErrorKind::Config,
        format!("{service}: `project` '{project}' is not a Google Cloud project id"),
    )
    .hint("set `project` to the project's id (e.g. my-project-123), as `gcloud projects list` shows it")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_google_rules() {
        assert!(valid_id("database-url_1", 255));
        for bad in ["", "a/b", "a.b", "a b", "a?x"] {
            assert!(!valid_id(bad, 255), "{bad}");
        }
        assert!(!valid_id(&"a".repeat(64), 63));
        assert!(valid_project("my-project-123"));
        assert!(valid_project("example.com:my-project"));
        for bad in ["", "a/b", "p?x", "p#x", "a b"] {
            assert!(!valid_project(bad), "{bad}");
        }
    }
}
