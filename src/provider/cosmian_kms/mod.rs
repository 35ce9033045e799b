//! `cosmian-kms`: the Cosmian KMS over its KMIP 2.1 JSON TTLV API (`POST /kmip/2_1`).
//!
//! Without `key_id` it is a **store**: fnox.toml holds a KMIP object id, and the value is the raw
//! bytes of that SecretData (or OpaqueObject), read with Get and written with Import (replacing
//! the object of that id, so `fnox set` works again and again). With `key_id` it is a **cipher**:
//! the server encrypts with that symmetric key (AES-GCM) and fnox.toml stores
//! `cosmian-kms:v1:KEY_ID:BASE64`, where BASE64 is nonce (12 bytes) || ciphertext || tag
//! (16 bytes), the layout the Cosmian CLI writes, and KEY_ID is the unique id the server
//! answered with: a value names its own key, so it still decrypts after `key_id` changes.
//!
//! Every request is a KMIP RequestMessage; a batch of reads goes as messages of up to 50 batch
//! items each (the server works through one message's items in order), 4 messages at once.
//! The bearer token is COSMIAN_KMS_SECRET_TOKEN; the address is the provider's `address`, else
//! COSMIAN_KMS_URL.

mod cipher;
mod store;
mod ttlv;

use std::future::Future;
use std::sync::OnceLock;

use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use serde_json::Value;

use super::{ErrorKind, Provider, ProviderError};
use crate::env_vars;
use cipher::CosmianCipher;
use store::CosmianStore;
use ttlv::{child, child_str, children, enumeration, integer, structure};

/// The server's address when the provider sets no `address`.
pub const COSMIAN_KMS_URL: &str = "COSMIAN_KMS_URL";
/// The bearer token sent with every request (the server's API token, or a JWT).
pub const COSMIAN_KMS_SECRET_TOKEN: &str = "COSMIAN_KMS_SECRET_TOKEN";
/// When true, the server's TLS certificate is not verified (self-signed development servers only).
pub const COSMIAN_KMS_INSECURE_CERTS: &str = "COSMIAN_KMS_INSECURE_CERTS";

/// The port of a Cosmian KMS whose address names none.
pub const DEFAULT_PORT: u16 = 9998;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CosmianKmsConfig {
    pub address: Option<String>,
    pub key_id: Option<String>,
    /// Keys this provider used before `fnox key rotate` (a record for `fnox key`; values name
    /// their key, so decryption does not need it).
    #[serde(default)]
    pub retired_key_ids: Vec<String>,
}

/// The provider: a cipher with `key_id`, else a store.
pub fn build(config: CosmianKmsConfig) -> Provider {
    let conn = Connection::new(config.address);
    match config.key_id.filter(|k| !k.trim().is_empty()) {
        Some(key_id) => Provider::Cipher(Box::new(CosmianCipher { key_id, conn })),
        None => Provider::Store(Box::new(CosmianStore { conn })),
    }
}

pub(super) const SERVICE: &str = "Cosmian KMS";
/// Batch items per RequestMessage, and messages in flight at once per provider. The server works
/// through one message's items in order and several messages in parallel (one per worker), and
/// each HTTP request costs more than an item (bench/remote.sh, 100 values against 5.28.0 on two
/// cores: ~11 ms batched, ~30 ms as 100 single-item requests 8-16 at a time).
const ITEMS_PER_MESSAGE: usize = 50;
const CONCURRENCY: usize = 4;

const TOKEN_HINT: &str =
    "set COSMIAN_KMS_SECRET_TOKEN to a token the server accepts (its API token, or a JWT of its identity provider), and check that this user may use the object";

/// `address` as written, else COSMIAN_KMS_URL, made a URL: without a scheme it is http for
/// localhost, 127.0.0.1 and [::1] and https otherwise, and without a port it is 9998.
pub fn base_url(configured: Option<&str>) -> Option<String> {
    let raw = configured
        .map(str::to_owned)
        .filter(|a| !a.trim().is_empty())
        .or_else(|| env_vars::non_empty(COSMIAN_KMS_URL))?;
    Some(normalize_address(&raw))
}

/// `HOST[:PORT]` or a URL, as the URL requests go to (no trailing slash).
pub fn normalize_address(raw: &str) -> String {
    let raw = raw.trim().trim_end_matches('/');
    if raw.contains("://") {
        return raw.to_owned();
    }
    let host = raw.rsplit_once(':').map_or(raw, |(h, p)| {
        if p.chars().all(|c| c.is_ascii_digit()) && !h.ends_with(':') {
            h
        } else {
            raw
        }
    });
    let local = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    let scheme = if local { "http" } else { "https" };
    if host == raw {
        format!("{scheme}://{raw}:{DEFAULT_PORT}")
    } else {
        format!("{scheme}://{raw}")
    }
}

/// One batch item's failure as the server reported it.
#[derive(Debug, Clone)]
pub(super) struct Failure {
    pub(super) reason: String,
    pub(super) message: String,
}

impl Failure {
    pub(super) fn is(&self, reason: &str) -> bool {
        self.reason.eq_ignore_ascii_case(reason)
    }
}

pub(super) type ItemReply = Result<Value, Failure>;

/// Address, token and HTTP client, worked out on first use.
struct Session {
    base: String,
    token: Option<String>,
    http: reqwest::Client,
}

/// A provider's connection: its runtime and session, both made on first use.
pub(super) struct Connection {
    address: Option<String>,
    runtime: OnceLock<Result<tokio::runtime::Runtime, ProviderError>>,
    session: OnceLock<Result<Session, ProviderError>>,
}

impl Connection {
    pub(super) fn new(address: Option<String>) -> Connection {
        Connection {
            address,
            runtime: OnceLock::new(),
            session: OnceLock::new(),
        }
    }

    pub(super) fn run<T>(
        &self,
        fut: impl Future<Output = Result<T, ProviderError>>,
    ) -> Result<T, ProviderError> {
        let rt = self
            .runtime
            .get_or_init(|| super::network_runtime(SERVICE))
            .as_ref()
            .map_err(Clone::clone)?;
        rt.block_on(fut)
    }

    fn session(&self) -> Result<&Session, ProviderError> {
        self.session
            .get_or_init(|| open_session(self.address.as_deref()))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub(super) fn base(&self) -> String {
        self.session().map(|s| s.base.clone()).unwrap_or_default()
    }

    /// Sends one RequestMessage of `items` (operation name, payload items) and returns each
    /// batch item's payload or failure, in order. `what` names the objects in errors.
    async fn message(
        &self,
        items: Vec<(&'static str, Vec<Value>)>,
        what: &str,
    ) -> Result<Vec<ItemReply>, ProviderError> {
        let s = self.session()?;
        let count = items.len();
        let header = structure(
            "RequestHeader",
            vec![
                structure(
                    "ProtocolVersion",
                    vec![
                        integer("ProtocolVersionMajor", 2),
                        integer("ProtocolVersionMinor", 1),
                    ],
                ),
                enumeration("BatchErrorContinuationOption", "Continue"),
                integer("BatchCount", i32::try_from(count).unwrap_or(i32::MAX)),
            ],
        );
        let mut message = vec![header];
        for (operation, payload) in items {
            message.push(structure(
                "BatchItem",
                vec![
                    enumeration("Operation", operation),
                    structure("RequestPayload", payload),
                ],
            ));
        }
        let body = structure("RequestMessage", message);
        let url = format!("{}/kmip/2_1", s.base);
        let mut req = s.http.post(&url).json(&body);
        if let Some(token) = &s.token {
            req = req.bearer_auth(token);
        }
        let exchange = async {
            let resp = req.send().await.map_err(|e| transport(&s.base, what, &e))?;
            let status = resp.status().as_u16();
            let raw = resp
                .bytes()
                .await
                .map_err(|e| transport(&s.base, what, &e))?;
            Ok((status, raw))
        };
        let waited = || format!("{SERVICE}: POST {url} for {what}");
        let (status, raw) = crate::deadline::bounded(waited, exchange).await?;
        let detail = || {
            let t = String::from_utf8_lossy(&raw);
            let t = t.trim();
            if t.is_empty() || t.len() > 300 {
                format!("HTTP {status}")
            } else {
                format!("HTTP {status}: {t}")
            }
        };
        match status {
            200..=299 => {}
            401 | 403 => {
                let why = if s.token.is_some() {
                    "the token in COSMIAN_KMS_SECRET_TOKEN was refused"
                } else {
                    "the server requires a token and COSMIAN_KMS_SECRET_TOKEN is not set"
                };
                return Err(ProviderError::new(
                    ErrorKind::AccessDenied,
                    format!(
                        "{SERVICE}: the server at {} denied access to {what}: {why} ({})",
                        s.base,
                        detail()
                    ),
                )
                .hint(TOKEN_HINT));
            }
            404 => {
                return Err(ProviderError::new(
                    ErrorKind::Unreachable,
                    format!(
                        "{SERVICE}: {} has no KMIP endpoint at /kmip/2_1 ({})",
                        s.base,
                        detail()
                    ),
                )
                .hint("check that `address` points at a Cosmian KMS server"));
            }
            500.. => {
                return Err(ProviderError::new(
                    ErrorKind::Unreachable,
                    format!(
                        "{SERVICE}: the server at {} failed on {what} ({})",
                        s.base,
                        detail()
                    ),
                )
                .hint("see the server's log; try again shortly"));
            }
            _ => {
                return Err(ProviderError::new(
                    ErrorKind::Other,
                    format!(
                        "{SERVICE}: the server at {} refused {what} ({})",
                        s.base,
                        detail()
                    ),
                ));
            }
        }
        let reply: Value = serde_json::from_slice(&raw).map_err(|_| {
            ProviderError::new(
                ErrorKind::Other,
                format!(
                    "{SERVICE}: the server at {} did not answer in JSON TTLV",
                    s.base
                ),
            )
            .hint("check that `address` points at a Cosmian KMS server")
        })?;
        let answers: Vec<ItemReply> = children(&reply, "BatchItem")
            .map(|item| {
                let status = child_str(item, "ResultStatus").unwrap_or_default();
                if status == "Success" {
                    Ok(child(item, "ResponsePayload")
                        .cloned()
                        .unwrap_or(Value::Null))
                } else {
                    Err(Failure {
                        reason: child_str(item, "ResultReason")
                            .unwrap_or("General_Failure")
                            .to_owned(),
                        message: child_str(item, "ResultMessage")
                            .unwrap_or(status)
                            .to_owned(),
                    })
                }
            })
            .collect();
        // A message the server could not read at all comes back as one failed item.
        if answers.len() != count {
            let why = answers
                .iter()
                .find_map(|a| a.as_ref().err().map(|f| f.message.clone()))
                .unwrap_or_else(|| format!("{} answers to {count} requests", answers.len()));
            return Err(ProviderError::new(
                ErrorKind::Other,
                format!(
                    "{SERVICE}: the server at {} rejected the request for {what}: {why}",
                    s.base
                ),
            ));
        }
        Ok(answers)
    }

    /// Sends many single-item requests as messages of ITEMS_PER_MESSAGE items, CONCURRENCY
    /// messages at once; one reply per request, in order. A message that fails as a whole
    /// fails its items, never the others.
    pub(super) fn many(
        &self,
        operation: &'static str,
        payloads: Vec<Vec<Value>>,
        what: &str,
    ) -> Vec<Result<ItemReply, ProviderError>> {
        let n = payloads.len();
        if n == 0 {
            return Vec::new();
        }
        let mut chunks: Vec<Vec<Vec<Value>>> = Vec::new();
        let mut payloads = payloads.into_iter().peekable();
        while payloads.peek().is_some() {
            chunks.push(payloads.by_ref().take(ITEMS_PER_MESSAGE).collect());
        }
        let outcome = self.run(async {
            let replies: Vec<Vec<Result<ItemReply, ProviderError>>> = stream::iter(chunks)
                .map(|chunk| async move {
                    let len = chunk.len();
                    let items = chunk.into_iter().map(|p| (operation, p)).collect();
                    match self.message(items, what).await {
                        Ok(answers) => answers.into_iter().map(Ok).collect(),
                        Err(e) => vec![Err(e); len],
                    }
                })
                .buffered(CONCURRENCY)
                .collect()
                .await;
            Ok(replies.into_iter().flatten().collect::<Vec<_>>())
        });
        match outcome {
            Ok(all) => all,
            Err(e) => vec![Err(e); n],
        }
    }

    /// The server's own account of its version (`GET /version`), when it gives one.
    pub(super) async fn version(&self) -> Result<Option<String>, ProviderError> {
        let s = self.session()?;
        let mut req = s.http.get(format!("{}/version", s.base));
        if let Some(token) = &s.token {
            req = req.bearer_auth(token);
        }
        let Ok(resp) = req.send().await else {
            return Ok(None);
        };
        if !resp.status().is_success() {
            return Ok(None);
        }
        Ok(resp
            .json::<Value>()
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned)))
    }

    /// One request; its payload, or the failure mapped by `failed`.
    pub(super) fn one(
        &self,
        operation: &'static str,
        payload: Vec<Value>,
        what: &str,
        failed: impl FnOnce(Failure) -> ProviderError,
    ) -> Result<Value, ProviderError> {
        let reply = self.run(async {
            let mut answers = self.message(vec![(operation, payload)], what).await?;
            Ok(answers.remove(0))
        })?;
        reply.map_err(failed)
    }
}

fn open_session(address: Option<&str>) -> Result<Session, ProviderError> {
    let base = base_url(address).ok_or_else(|| {
        ProviderError::new(
            ErrorKind::Config,
            format!("{SERVICE}: no server address is set"),
        )
        .hint(format!(
            "set `address = \"https://kms.example.com:{DEFAULT_PORT}\"` on the provider, or {COSMIAN_KMS_URL}"
        ))
    })?;
    // The shared HTTPS client trusts SSL_CERT_FILE's roots (a private CA) besides the built-in
    // ones; COSMIAN_KMS_INSECURE_CERTS trusts any certificate instead.
    let http = if env_vars::flag(COSMIAN_KMS_INSECURE_CERTS) == Some(true) {
        crate::error::warn(format!(
            "{COSMIAN_KMS_INSECURE_CERTS} is set: the certificate of the Cosmian KMS at {base} is not verified (development servers only)"
        ));
        super::http::builder()
            .danger_accept_invalid_certs(true)
            .build()
            .map_err(|e| {
                ProviderError::new(
                    ErrorKind::Other,
                    format!("{SERVICE}: cannot set up the HTTP client: {e}"),
                )
            })?
    } else {
        super::http::client(SERVICE)?
    };
    Ok(Session {
        base,
        token: env_vars::non_empty(COSMIAN_KMS_SECRET_TOKEN),
        http,
    })
}

fn transport(base: &str, what: &str, e: &reqwest::Error) -> ProviderError {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let detail = chain.last().cloned().unwrap_or_default();
    let all = chain.join(": ").to_lowercase();
    let text = if e.is_timeout() {
        format!("{SERVICE}: timed out reaching the server at {base} for {what}")
    } else {
        format!("{SERVICE}: cannot reach the server at {base} for {what} ({detail})")
    };
    let hint = if all.contains("certificate") {
        format!("the server's certificate is not trusted: trust its certificate authority with SSL_CERT_FILE=/path/to/ca.pem (or, for a development server only, {COSMIAN_KMS_INSECURE_CERTS}=true)")
    } else {
        format!("check the provider's `address` (or {COSMIAN_KMS_URL}), the network, and that the server is running")
    };
    ProviderError::new(ErrorKind::Unreachable, text).hint(hint)
}

/// A failure of an operation on object `id` (a stored value, or a key).
pub(super) fn object_failure(f: &Failure, id: &str, key: bool, base: &str) -> ProviderError {
    let noun = if key { "key" } else { "object" };
    let lower = f.message.to_lowercase();
    if f.is("Item_Not_Found") || f.is("Object_Not_Found") {
        let hint = if key {
            "check the provider's `key_id` (the key's unique id or `[\"tag\"]`), or create the key on the server".to_owned()
        } else {
            "check the reference (a KMIP unique id), or store a value there with `fnox set`"
                .to_owned()
        };
        let kind = if key {
            ErrorKind::Config
        } else {
            ErrorKind::NotFound
        };
        return ProviderError::new(
            kind,
            format!("{SERVICE}: {noun} '{id}' not found on the server at {base}"),
        )
        .hint(hint);
    }
    if lower.contains("is in state") || lower.contains("not active") {
        let state = f
            .message
            .split("is in state ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or("not active");
        return ProviderError::new(
            ErrorKind::Config,
            format!("{SERVICE}: {noun} '{id}' is not active (state {state}): {}", f.message),
        )
        .hint(format!("activate it with a KMIP Activate (e.g. from the Cosmian CLI or web UI), or point `key_id` at an active {noun}"));
    }
    if f.is("Permission_Denied") || lower.contains("permission") || lower.contains("access denied")
    {
        return ProviderError::new(
            ErrorKind::AccessDenied,
            format!("{SERVICE}: access to {noun} '{id}' denied: {}", f.message),
        )
        .hint("ask the object's owner to grant this user access, or use the owner's token in COSMIAN_KMS_SECRET_TOKEN");
    }
    ProviderError::new(
        ErrorKind::Other,
        format!(
            "{SERVICE}: the server could not use {noun} '{id}': {} ({})",
            f.message, f.reason
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_get_a_scheme_by_locality_and_the_default_port() {
        for (raw, url) in [
            ("127.0.0.1:9998", "http://127.0.0.1:9998"),
            ("localhost", "http://localhost:9998"),
            ("[::1]:4000", "http://[::1]:4000"),
            ("kms.example.com", "https://kms.example.com:9998"),
            ("kms.example.com:443/", "https://kms.example.com:443"),
            ("http://kms.internal:80/", "http://kms.internal:80"),
            ("https://127.0.0.1:9998", "https://127.0.0.1:9998"),
        ] {
            assert_eq!(normalize_address(raw), url, "{raw}");
        }
    }

    #[test]
    fn a_missing_key_is_a_config_error_and_a_missing_object_not_found() {
        let f = Failure {
            reason: "Item_Not_Found".into(),
            message: "no".into(),
        };
        assert_eq!(object_failure(&f, "k", true, "b").kind, ErrorKind::Config);
        assert_eq!(
            object_failure(&f, "o", false, "b").kind,
            ErrorKind::NotFound
        );
        let pre = Failure {
            reason: "Permission_Denied".into(),
            message: "Encrypt: key k is in state PreActive but operation requires one of [Active]"
                .into(),
        };
        let e = object_failure(&pre, "k", true, "b");
        assert!(
            e.message.contains("not active (state PreActive)"),
            "{}",
            e.message
        );
        let denied = Failure {
            reason: "Permission_Denied".into(),
            message: "user bob does not have permission".into(),
        };
        assert_eq!(
            object_failure(&denied, "k", true, "b").kind,
            ErrorKind::AccessDenied
        );
    }
}
