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

use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;

use base64::Engine;
use futures_util::stream::{self, StreamExt};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{Cipher, ErrorKind, ItemResult, Provider, ProviderError, Store};
use crate::env_vars;
use crate::secret::SecretValue;

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
}

/// The provider: a cipher with `key_id`, else a store.
pub fn build(config: CosmianKmsConfig) -> Provider {
    let conn = Connection::new(config.address);
    match config.key_id.filter(|k| !k.trim().is_empty()) {
        Some(key_id) => Provider::Cipher(Box::new(CosmianCipher { key_id, conn })),
        None => Provider::Store(Box::new(CosmianStore { conn })),
    }
}

const SERVICE: &str = "Cosmian KMS";
/// Batch items per RequestMessage, and messages in flight at once per provider. The server works
/// through one message's items in order and several messages in parallel (one per worker), and
/// each HTTP request costs more than an item (bench/remote.sh, 100 values against 5.28.0 on two
/// cores: ~11 ms batched, ~30 ms as 100 single-item requests 8-16 at a time).
const ITEMS_PER_MESSAGE: usize = 50;
const CONCURRENCY: usize = 4;
/// What the cipher stores: `cosmian-kms:v1:KEY_ID:BASE64`.
const PREFIX: &str = "cosmian-kms:v1:";
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

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

// ---------------------------------------------------------------------------------------------
// JSON TTLV: every node is {"tag", "type", "value"}; a Structure's value is a list of nodes
// (the server leaves out "type" for structures), byte strings are upper-case hex.

fn node(tag: &str, kind: &str, value: Value) -> Value {
    json!({ "tag": tag, "type": kind, "value": value })
}

fn structure(tag: &str, items: Vec<Value>) -> Value {
    node(tag, "Structure", Value::Array(items))
}

fn text(tag: &str, value: &str) -> Value {
    node(tag, "TextString", Value::from(value))
}

fn bytes(tag: &str, value: &[u8]) -> Value {
    node(tag, "ByteString", Value::from(hex::encode_upper(value)))
}

fn enumeration(tag: &str, name: &str) -> Value {
    node(tag, "Enumeration", Value::from(name))
}

fn integer(tag: &str, value: i32) -> Value {
    node(tag, "Integer", Value::from(value))
}

/// The first child of structure `node` tagged `tag`.
fn child<'a>(node: &'a Value, tag: &str) -> Option<&'a Value> {
    node["value"].as_array()?.iter().find(|c| c["tag"] == tag)
}

/// Every child of structure `node` tagged `tag`.
fn children<'a>(node: &'a Value, tag: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    node["value"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(move |c| c["tag"] == tag)
}

fn child_str<'a>(node: &'a Value, tag: &str) -> Option<&'a str> {
    child(node, tag)?["value"].as_str()
}

fn child_bytes(node: &Value, tag: &str) -> Option<Vec<u8>> {
    hex::decode(child_str(node, tag)?).ok()
}

/// The KMIP protection of AES-GCM, asked for explicitly so the layout of a value is fixed.
fn aes_gcm() -> Value {
    structure(
        "CryptographicParameters",
        vec![
            enumeration("BlockCipherMode", "GCM"),
            enumeration("CryptographicAlgorithm", "AES"),
        ],
    )
}

/// One batch item's failure as the server reported it.
#[derive(Debug, Clone)]
struct Failure {
    reason: String,
    message: String,
}

impl Failure {
    fn is(&self, reason: &str) -> bool {
        self.reason.eq_ignore_ascii_case(reason)
    }
}

type ItemReply = Result<Value, Failure>;

// ---------------------------------------------------------------------------------------------

/// Address, token and HTTP client, worked out on first use.
struct Session {
    base: String,
    token: Option<String>,
    http: reqwest::Client,
}

/// A provider's connection: its runtime and session, both made on first use.
struct Connection {
    address: Option<String>,
    runtime: OnceLock<Result<tokio::runtime::Runtime, ProviderError>>,
    session: OnceLock<Result<Session, ProviderError>>,
}

impl Connection {
    fn new(address: Option<String>) -> Connection {
        Connection {
            address,
            runtime: OnceLock::new(),
            session: OnceLock::new(),
        }
    }

    fn run<T>(
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

    fn base(&self) -> String {
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
        let resp = req.send().await.map_err(|e| transport(&s.base, what, &e))?;
        let status = resp.status().as_u16();
        let raw = resp
            .bytes()
            .await
            .map_err(|e| transport(&s.base, what, &e))?;
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
    fn many(
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
    async fn version(&self) -> Result<Option<String>, ProviderError> {
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
    fn one(
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
    let mut builder = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(60));
    if env_vars::flag(COSMIAN_KMS_INSECURE_CERTS) == Some(true) {
        crate::error::warn(format!(
            "{COSMIAN_KMS_INSECURE_CERTS} is set: the certificate of the Cosmian KMS at {base} is not verified (development servers only)"
        ));
        builder = builder.danger_accept_invalid_certs(true);
    }
    let http = builder.build().map_err(|e| {
        ProviderError::new(
            ErrorKind::Other,
            format!("{SERVICE}: cannot set up the HTTP client: {e}"),
        )
    })?;
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
        format!("the server's certificate is not trusted: use a certificate from a CA this machine trusts (or, for a development server only, {COSMIAN_KMS_INSECURE_CERTS}=true)")
    } else {
        format!("check the provider's `address` (or {COSMIAN_KMS_URL}), the network, and that the server is running")
    };
    ProviderError::new(ErrorKind::Unreachable, text).hint(hint)
}

/// A failure of an operation on object `id` (a stored value, or a key).
fn object_failure(f: &Failure, id: &str, key: bool, base: &str) -> ProviderError {
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

// ---------------------------------------------------------------------------------------------

/// The store: fnox.toml holds object ids.
pub struct CosmianStore {
    conn: Connection,
}

impl CosmianStore {
    /// The UTF-8 value of a Get response's object (tagged with its type).
    fn value(payload: &Value, id: &str) -> ItemResult {
        let kind = child_str(payload, "ObjectType").unwrap_or("unknown");
        let object = child(payload, kind);
        let raw = match kind {
            "SecretData" => object.and_then(|o| {
                let block = child(o, "KeyBlock")?;
                if child(block, "KeyWrappingData").is_some() {
                    return None;
                }
                child_bytes(child(block, "KeyValue")?, "KeyMaterial")
            }),
            "OpaqueObject" => object.and_then(|o| child_bytes(o, "OpaqueDataValue")),
            other => {
                return Err(ProviderError::new(
                    ErrorKind::Config,
                    format!("{SERVICE}: object '{id}' is a {other}, not a SecretData or OpaqueObject"),
                )
                .hint("a store reference names a secret data object; to encrypt with a key, set `key_id` on the provider instead"));
            }
        };
        let raw = raw.ok_or_else(|| {
            ProviderError::new(
                ErrorKind::Other,
                format!("{SERVICE}: the server returned no readable bytes for {kind} '{id}' (is it wrapped?)"),
            )
        })?;
        String::from_utf8(raw).map(SecretValue::new).map_err(|_| {
            ProviderError::new(
                ErrorKind::BadCiphertext,
                format!("{SERVICE}: the value of object '{id}' is not UTF-8 text"),
            )
            .hint("binary values need `fnox set --base64-encode`")
        })
    }
}

impl Store for CosmianStore {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let payloads = references
            .iter()
            .map(|id| vec![text("UniqueIdentifier", id.trim())])
            .collect();
        let what = if references.len() == 1 {
            format!("object '{}'", references[0].trim())
        } else {
            format!("{} objects", references.len())
        };
        let replies = self.conn.many("Get", payloads, &what);
        let base = self.conn.base();
        references
            .iter()
            .zip(replies)
            .map(|(id, reply)| {
                let id = id.trim();
                match reply? {
                    Ok(payload) => Self::value(&payload, id),
                    Err(f) => Err(object_failure(&f, id, false, &base)),
                }
            })
            .collect()
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        let id = reference.trim();
        let payload = vec![
            text("UniqueIdentifier", id),
            enumeration("ObjectType", "SecretData"),
            node("ReplaceExisting", "Boolean", Value::Bool(true)),
            structure("Attributes", vec![enumeration("ObjectType", "SecretData")]),
            // The object's tag is its type.
            structure(
                "SecretData",
                vec![
                    enumeration("SecretDataType", "Password"),
                    structure(
                        "KeyBlock",
                        vec![
                            enumeration("KeyFormatType", "Opaque"),
                            structure("KeyValue", vec![bytes("KeyMaterial", value.as_bytes())]),
                        ],
                    ),
                ],
            ),
        ];
        let what = format!("object '{id}'");
        let base = self.conn.base();
        self.conn
            .one("Import", payload, &what, |f| {
                object_failure(&f, id, false, &base)
            })
            .map(drop)
    }

    fn check(&self) -> Result<String, ProviderError> {
        let payload = self
            .conn
            .one("DiscoverVersions", Vec::new(), "a version check", |f| {
                ProviderError::new(
                    ErrorKind::Other,
                    format!(
                        "{SERVICE}: the server refused a version check: {}",
                        f.message
                    ),
                )
            })?;
        let versions: Vec<String> = children(&payload, "ProtocolVersion")
            .filter_map(|v| {
                Some(format!(
                    "{}.{}",
                    child(v, "ProtocolVersionMajor")?["value"],
                    child(v, "ProtocolVersionMinor")?["value"]
                ))
            })
            .collect();
        if !versions.is_empty() && !versions.iter().any(|v| v == "2.1") {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!(
                    "{SERVICE}: the server at {} does not speak KMIP 2.1 (only {})",
                    self.conn.base(),
                    versions.join(", ")
                ),
            ));
        }
        let server = self
            .conn
            .run(self.conn.version())
            .ok()
            .flatten()
            .map(|v| format!(", server {v}"))
            .unwrap_or_default();
        Ok(format!(
            "the Cosmian KMS at {} answers (KMIP 2.1{server})",
            self.conn.base()
        ))
    }
}

// ---------------------------------------------------------------------------------------------

/// The cipher: values are encrypted by the server with `key_id`.
pub struct CosmianCipher {
    key_id: String,
    conn: Connection,
}

/// A stored value taken apart: (key id, nonce || ciphertext || tag).
fn parse_value(value: &str) -> Result<(String, Vec<u8>), ProviderError> {
    let bad = |why: &str| {
        ProviderError::new(
            ErrorKind::BadCiphertext,
            format!("{SERVICE}: the value is not a cosmian-kms ciphertext ({why})"),
        )
        .hint("a cosmian-kms value reads `cosmian-kms:v1:KEY_ID:BASE64`; set it again with `fnox set`")
    };
    let rest = value
        .trim()
        .strip_prefix(PREFIX)
        .ok_or_else(|| bad("it does not start with `cosmian-kms:v1:`"))?;
    let (key, data) = rest
        .rsplit_once(':')
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| bad("no KEY_ID:BASE64 after the prefix"))?;
    let blob = B64
        .decode(data)
        .map_err(|_| bad("its data is not base64"))?;
    if blob.len() < NONCE_LEN + TAG_LEN {
        return Err(bad("its data is shorter than a nonce and a tag"));
    }
    Ok((key.to_owned(), blob))
}

/// Whether `key_id` names one key by its unique id (not a `["tag", ...]` selection).
fn is_unique_id(key_id: &str) -> bool {
    !key_id.trim_start().starts_with('[')
}

impl CosmianCipher {
    fn key_failure(&self, f: &Failure, key: &str) -> ProviderError {
        object_failure(f, key, true, &self.conn.base())
    }
}

impl Cipher for CosmianCipher {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError> {
        let payload = vec![
            text("UniqueIdentifier", &self.key_id),
            aes_gcm(),
            bytes("Data", plaintext.as_bytes()),
        ];
        let what = format!("encryption with key '{}'", self.key_id);
        let reply = self.conn.one("Encrypt", payload, &what, |f| {
            self.key_failure(&f, &self.key_id)
        })?;
        let missing = |field: &str| {
            ProviderError::new(
                ErrorKind::Other,
                format!(
                    "{SERVICE}: Encrypt returned no {field} (is key '{}' an AES key?)",
                    self.key_id
                ),
            )
            .hint("use an AES symmetric key for `key_id`")
        };
        let data = child_bytes(&reply, "Data").ok_or_else(|| missing("Data"))?;
        let nonce = child_bytes(&reply, "IVCounterNonce").ok_or_else(|| missing("nonce"))?;
        let tag =
            child_bytes(&reply, "AuthenticatedEncryptionTag").ok_or_else(|| missing("tag"))?;
        if nonce.len() != NONCE_LEN || tag.len() != TAG_LEN {
            return Err(missing("AES-GCM nonce and tag"));
        }
        let key = child_str(&reply, "UniqueIdentifier").unwrap_or(&self.key_id);
        let mut blob = nonce;
        blob.extend_from_slice(&data);
        blob.extend_from_slice(&tag);
        Ok(format!("{PREFIX}{key}:{}", B64.encode(blob)))
    }

    fn decrypt_batch(&self, ciphertexts: &[&str]) -> Vec<ItemResult> {
        let parsed: Vec<Result<(String, Vec<u8>), ProviderError>> =
            ciphertexts.iter().map(|c| parse_value(c)).collect();
        let payloads: Vec<Vec<Value>> = parsed
            .iter()
            .filter_map(|p| p.as_ref().ok())
            .map(|(key, blob)| {
                let (nonce, rest) = blob.split_at(NONCE_LEN);
                let (data, tag) = rest.split_at(rest.len() - TAG_LEN);
                vec![
                    text("UniqueIdentifier", key),
                    aes_gcm(),
                    bytes("Data", data),
                    bytes("IVCounterNonce", nonce),
                    bytes("AuthenticatedEncryptionTag", tag),
                ]
            })
            .collect();
        let what = if payloads.len() == 1 {
            "a value".to_owned()
        } else {
            format!("{} values", payloads.len())
        };
        let mut replies = self.conn.many("Decrypt", payloads, &what).into_iter();
        parsed
            .into_iter()
            .map(|p| {
                let (key, _) = p?;
                let reply = replies.next().unwrap_or_else(|| {
                    Err(ProviderError::new(ErrorKind::Other, format!("{SERVICE}: no reply")))
                })?;
                let payload = reply.map_err(|f| {
                    if f.is("Cryptographic_Failure") {
                        ProviderError::new(
                            ErrorKind::BadCiphertext,
                            format!("{SERVICE}: the value does not decrypt with key '{key}': it was changed, or made with another key of that id (the server: {})", f.message),
                        )
                        .hint("set it again with `fnox set`")
                    } else {
                        self.key_failure(&f, &key)
                    }
                })?;
                let plain = child_bytes(&payload, "Data").ok_or_else(|| {
                    ProviderError::new(
                        ErrorKind::Other,
                        format!("{SERVICE}: Decrypt returned no data"),
                    )
                })?;
                String::from_utf8(plain).map(SecretValue::new).map_err(|_| {
                    ProviderError::new(
                        ErrorKind::BadCiphertext,
                        format!("{SERVICE}: the decrypted value is not UTF-8 text"),
                    )
                    .hint("binary values need `fnox set --base64-encode`")
                })
            })
            .collect()
    }

    fn stale_batch(&self, ciphertexts: &[&str]) -> Vec<Option<String>> {
        ciphertexts
            .iter()
            .map(|c| {
                let (key, _) = parse_value(c).ok()?;
                (is_unique_id(&self.key_id) && key != self.key_id).then(|| {
                    format!(
                        "encrypted under key {key}, not the configured {}: run `fnox reencrypt`",
                        self.key_id
                    )
                })
            })
            .collect()
    }

    fn check(&self) -> Result<String, ProviderError> {
        let what = format!("key '{}'", self.key_id);
        let payload = self.conn.one(
            "GetAttributes",
            vec![text("UniqueIdentifier", &self.key_id)],
            &what,
            |f| self.key_failure(&f, &self.key_id),
        )?;
        let attributes = child(&payload, "Attributes")
            .cloned()
            .unwrap_or(Value::Null);
        let get = |tag: &str| child_str(&attributes, tag).unwrap_or("unknown").to_owned();
        let (kind, algorithm, state) = (
            get("ObjectType"),
            get("CryptographicAlgorithm"),
            get("State"),
        );
        let id = child_str(&payload, "UniqueIdentifier").unwrap_or(&self.key_id);
        if kind != "SymmetricKey" || algorithm != "AES" {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!(
                    "{SERVICE}: key '{id}' is a {kind} ({algorithm}), not an AES symmetric key"
                ),
            )
            .hint("point `key_id` at an AES symmetric key"));
        }
        if state != "Active" {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!("{SERVICE}: key '{id}' is not active (state {state})"),
            )
            .hint("activate it with a KMIP Activate (e.g. from the Cosmian CLI or web UI), or point `key_id` at an active key"));
        }
        let length = child(&attributes, "CryptographicLength")
            .map(|l| format!("-{}", l["value"]))
            .unwrap_or_default();
        Ok(format!(
            "key '{id}' (AES{length}) is active on the Cosmian KMS at {}",
            self.conn.base()
        ))
    }
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
    fn values_name_their_key_and_keep_nonce_ciphertext_and_tag() {
        let blob: Vec<u8> = (0u8..40).collect();
        let value = format!("{PREFIX}my:key:{}", B64.encode(&blob));
        let (key, data) = parse_value(&value).unwrap();
        assert_eq!(
            key, "my:key",
            "a key id may hold colons: the data is after the last"
        );
        assert_eq!(data, blob);
        for bad in [
            "vault:v1:abc",
            "cosmian-kms:v1:",
            "cosmian-kms:v1:AAAA",
            "cosmian-kms:v1::AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "cosmian-kms:v1:k:not base64!",
            "cosmian-kms:v1:k:AAAA",
        ] {
            let e = parse_value(bad).unwrap_err();
            assert_eq!(e.kind, ErrorKind::BadCiphertext, "{bad}");
        }
    }

    #[test]
    fn ttlv_nodes_read_back() {
        let n = structure(
            "GetResponse",
            vec![
                text("UniqueIdentifier", "abc"),
                bytes("Data", b"\x00\xffhi"),
            ],
        );
        assert_eq!(n["value"][1]["value"], "00FF6869");
        assert_eq!(child_str(&n, "UniqueIdentifier"), Some("abc"));
        assert_eq!(child_bytes(&n, "Data").unwrap(), b"\x00\xffhi");
        assert!(child(&n, "Nope").is_none());
        // The server leaves out the type of a structure.
        let reply: Value = serde_json::from_str(
            r#"{"tag":"R","value":[{"tag":"BatchItem","value":[]},{"tag":"BatchItem","value":[]}]}"#,
        )
        .unwrap();
        assert_eq!(children(&reply, "BatchItem").count(), 2);
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
