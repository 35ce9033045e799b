//! Providers: a **cipher** keeps ciphertext in fnox.toml (age, plain), a **store** keeps the
//! value elsewhere and fnox.toml holds its name. Both are batch-first: results come back in
//! input order and one failure never cancels the others. Providers never see the TOML;
//! the resolver adds secret names, files and profiles to their errors.

pub mod age;
pub mod aws;
pub mod azure;
pub mod bounded;
pub mod cosmian_kms;
pub mod gcp;
pub mod http;
pub mod keepass;
pub mod keychain;
pub mod password_store;
pub mod plain;
pub mod template;
pub mod vault;

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::config::model::ProviderConfig;
use crate::error::did_you_mean;
use crate::secret::SecretValue;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    AccessDenied,
    Unreachable,
    BadCiphertext,
    NoIdentity,
    Config,
    Unsupported,
    /// A provider needs itself to be built or read (through identities or secret fields).
    Cycle,
    /// A file that is not trusted may not decide what the provider reads.
    Untrusted,
    /// Another provider it reads through (age's `identity`) is not configured.
    NotConfigured,
    /// The store did not answer before the command's (or the provider's) deadline.
    TimedOut,
    Other,
}

/// A provider failure, free of secret values.
#[derive(Debug, Clone)]
pub struct ProviderError {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
}

impl ProviderError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ProviderError {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// This error with `value` taken out of its message and hint wherever it appears as is,
    /// JSON- or Debug-escaped or in base64: a backend that echoes its input (a validation error
    /// quoting the request) must not carry a value into fnox's messages. Values under 4 bytes
    /// are left alone (they would blank out ordinary words).
    pub fn without(mut self, value: &str) -> Self {
        use base64::Engine;
        if value.len() < 4 {
            return self;
        }
        let json = serde_json::to_string(value).unwrap_or_default();
        let debug = format!("{value:?}");
        let forms = [
            value.to_owned(),
            json.trim_matches('"').to_owned(),
            debug.trim_matches('"').to_owned(),
            base64::engine::general_purpose::STANDARD.encode(value),
        ];
        let scrub = |text: &mut String| {
            for form in &forms {
                if text.contains(form.as_str()) {
                    *text = text.replace(form.as_str(), "<redacted>");
                }
            }
        };
        scrub(&mut self.message);
        if let Some(hint) = &mut self.hint {
            scrub(hint);
        }
        self
    }
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

pub type ItemResult = Result<SecretValue, ProviderError>;

/// A provider whose ciphertext lives in fnox.toml.
pub trait Cipher: Send + Sync {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError>;
    fn decrypt_batch(&self, ciphertexts: &[&str]) -> Vec<ItemResult>;
    /// Checks configuration and key material without touching any secret.
    fn check(&self) -> Result<String, ProviderError>;

    /// Re-encrypts ciphertexts under the current key without the plaintext leaving the
    /// backend (Vault Transit's rewrap). `None`: not supported, decrypt and encrypt instead.
    fn rewrap_batch(&self, _ciphertexts: &[&str]) -> Option<Vec<Result<String, ProviderError>>> {
        None
    }

    /// For each ciphertext, why it is not under the current settings (sealed to other
    /// recipients, under another key), or None when it is current or this cannot be told.
    fn stale_batch(&self, ciphertexts: &[&str]) -> Vec<Option<String>> {
        vec![None; ciphertexts.len()]
    }

    // The key lifecycle (`fnox key`): what a cipher can say and do about its own keys. The
    // defaults say "cannot tell" / "not supported"; each backend implements what it has.

    /// The key each ciphertext was sealed with, in input order (a KMS blob's key, a Transit
    /// `vault:vN:` version, the age identity that opens it); None where it cannot be told.
    fn sealed_with(&self, ciphertexts: &[&str]) -> Vec<Option<KeyRef>> {
        vec![None; ciphertexts.len()]
    }

    /// The provider's key as its backend reports it (current version, versions still enabled).
    fn key_info(&self) -> Result<KeyInfo, ProviderError> {
        Err(lifecycle_unsupported("report its key's versions"))
    }

    /// Makes a new key version current inside the backend (Transit's `rotate`); returns the new
    /// key state. Old versions stay able to decrypt.
    fn rotate_key(&self) -> Result<KeyInfo, ProviderError> {
        Err(lifecycle_unsupported("rotate its key in place"))
    }

    /// Disables every key version below `version` for decryption (Transit's
    /// `min_decryption_version`); 0 or 1 enables them all again.
    fn retire_below(&self, _version: u64) -> Result<(), ProviderError> {
        Err(lifecycle_unsupported("disable old key versions"))
    }

    /// Creates a new key in the backend and returns the id to put in `key_id`.
    fn create_key(&self) -> Result<String, ProviderError> {
        Err(lifecycle_unsupported("create keys"))
    }
}

/// A key (and, where the backend versions keys, its version) a value was sealed with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyRef {
    /// The key's id: a KMS key id or ARN, a Transit key name, an age recipient.
    pub key: String,
    pub version: Option<u64>,
}

/// A cipher's key as its backend reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyInfo {
    /// The key new values are sealed with (its id and, when versioned, the latest version).
    pub current: Option<KeyRef>,
    /// The oldest version that still decrypts (Transit's `min_decryption_version`).
    pub min_decryption_version: Option<u64>,
    /// Versions the backend still holds, oldest first.
    pub versions: Vec<u64>,
}

fn lifecycle_unsupported(what: &str) -> ProviderError {
    ProviderError::new(
        ErrorKind::Unsupported,
        format!("this provider type cannot {what}"),
    )
}

impl<'a> dyn Cipher + 'a {
    /// `encrypt`, the one way commands encrypt a value: an error never carries the plaintext.
    pub fn seal(&self, plaintext: &str) -> Result<String, ProviderError> {
        self.encrypt(plaintext).map_err(|e| e.without(plaintext))
    }
}

/// A provider that keeps values elsewhere; fnox.toml holds the reference.
pub trait Store: Send + Sync {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult>;
    /// Stores a value under `reference`; read-only stores return an error saying what would work.
    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError>;
    /// Stores many `(reference, value)` pairs, a result each in input order; a store whose every
    /// write rewrites one file (keepass) writes them all at once.
    fn put_batch(&self, items: &[(&str, &str)]) -> Vec<Result<(), ProviderError>> {
        items.iter().map(|(r, v)| self.put(r, v)).collect()
    }
    fn check(&self) -> Result<String, ProviderError>;
}

impl<'a> dyn Store + 'a {
    /// `put`, the one way commands write a value: an error never carries the value.
    pub fn store(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        self.put(reference, value).map_err(|e| e.without(value))
    }

    /// `put_batch`, with the same care: no error carries any of the values.
    pub fn store_batch(&self, items: &[(&str, &str)]) -> Vec<Result<(), ProviderError>> {
        self.put_batch(items)
            .into_iter()
            .map(|r| r.map_err(|e| items.iter().fold(e, |e, (_, v)| e.without(v))))
            .collect()
    }
}

pub enum Provider {
    Cipher(Box<dyn Cipher>),
    Store(Box<dyn Store>),
}

impl Provider {
    /// Reads many values: decrypts for a cipher, fetches for a store.
    pub fn read_batch(&self, values: &[&str]) -> Vec<ItemResult> {
        match self {
            Provider::Cipher(c) => c.decrypt_batch(values),
            Provider::Store(s) => s.fetch_batch(values),
        }
    }

    pub fn check(&self) -> Result<String, ProviderError> {
        match self {
            Provider::Cipher(c) => c.check(),
            Provider::Store(s) => s.check(),
        }
    }

    pub fn is_cipher(&self) -> bool {
        matches!(self, Provider::Cipher(_))
    }
}

/// The small current-thread tokio runtime a network provider builds on first use (so commands
/// that never touch the network never start one).
pub fn network_runtime(service: &str) -> Result<tokio::runtime::Runtime, ProviderError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            ProviderError::new(
                ErrorKind::Other,
                format!("{service}: cannot start the network client: {e}"),
            )
        })
}

/// Reads one value from another provider of the same configuration: (provider name, value).
/// What a field like age's `identity = { provider, value }` is read through, when it is needed.
pub type ReadFrom = Arc<dyn Fn(&str, &str) -> Result<SecretValue, ProviderError> + Send + Sync>;

/// What a provider may need from its surroundings to be built.
pub struct BuildContext<'a> {
    pub name: &'a str,
    /// Directory of the file that declared the provider (relative paths resolve against it).
    pub base_dir: PathBuf,
    /// The legacy top-level `age_key_file`, already resolved.
    pub legacy_age_key_file: Option<PathBuf>,
    /// How to read a value of another provider; None where there is no configuration around.
    pub read_from: Option<ReadFrom>,
}

/// Provider types this fnox builds.
pub const SUPPORTED: [&str; 15] = [
    "age",
    "plain",
    "aws-kms",
    "aws-sm",
    "aws-ps",
    "azure-kms",
    "azure-sm",
    "gcp-kms",
    "gcp-sm",
    "password-store",
    "keychain",
    "keepass",
    "vault",
    "vault-transit",
    "cosmian-kms",
];

/// Whether a provider type's `value` is the secret itself, in the clear (so listings hide it).
pub fn stores_plaintext(kind: &str) -> bool {
    kind == "plain"
}

/// Provider types the fnox.toml format knows but this build does not implement yet.
pub const KNOWN_UNSUPPORTED: [&str; 12] = [
    "azure-ac",
    "yubikey",
    "fido2",
    "bitwarden",
    "bitwarden-sm",
    "1password",
    "doppler",
    "foks",
    "infisical",
    "keeper-sm",
    "passwordstate",
    "proton-pass",
];

/// The one place a provider is built from its config: the backend its `type` names, its reads
/// under the deadline its `timeout` field (or FNOX_TIMEOUT, or the command's default) sets.
pub fn build(ctx: &BuildContext, config: &ProviderConfig) -> Result<Provider, ProviderError> {
    let budget = crate::deadline::budget(ctx.name, timeout_field(config)?);
    Ok(match build_backend(ctx, config)? {
        Provider::Cipher(inner) => {
            Provider::Cipher(Box::new(bounded::BoundedCipher { inner, budget }))
        }
        Provider::Store(inner) => {
            Provider::Store(Box::new(bounded::BoundedStore { inner, budget }))
        }
    })
}

/// A provider's `timeout = "5s"` (or seconds as a number); `0` waits without a limit.
fn timeout_field(config: &ProviderConfig) -> Result<Option<std::time::Duration>, ProviderError> {
    let invalid = || {
        ProviderError::new(
            ErrorKind::Config,
            format!(
                "invalid {} provider settings: `timeout` is not a duration like \"5s\", \"1m\" or a number of seconds",
                config.kind
            ),
        )
        .hint("write it as `timeout = \"10s\"`, or remove it to use FNOX_TIMEOUT or the default (30s)")
    };
    match config.fields.get(TIMEOUT_FIELD) {
        None => Ok(None),
        Some(toml::Value::String(s)) => crate::deadline::parse(s).map(Some).ok_or_else(invalid),
        Some(toml::Value::Integer(n)) if *n >= 0 => {
            Ok(Some(std::time::Duration::from_secs(n.unsigned_abs())))
        }
        Some(toml::Value::Float(f)) if f.is_finite() && *f >= 0.0 => {
            Ok(Some(std::time::Duration::from_secs_f64(*f)))
        }
        Some(_) => Err(invalid()),
    }
}

/// The field of every provider that bounds how long its reads may wait.
const TIMEOUT_FIELD: &str = "timeout";

fn build_backend(ctx: &BuildContext, config: &ProviderConfig) -> Result<Provider, ProviderError> {
    match config.kind.as_str() {
        "age" => Ok(Provider::Cipher(Box::new(age::Age::new(
            ctx,
            parse_fields(config)?,
        )?))),
        "plain" => {
            let _: plain::PlainConfig = parse_fields(config)?;
            Ok(Provider::Cipher(Box::new(plain::Plain)))
        }
        "aws-kms" => Ok(Provider::Cipher(Box::new(aws::kms::Kms::new(
            parse_fields(config)?,
        )?))),
        "aws-sm" => Ok(Provider::Store(Box::new(aws::sm::SecretsManager::new(
            parse_fields(config)?,
        )?))),
        "aws-ps" => Ok(Provider::Store(Box::new(aws::ps::ParameterStore::new(
            parse_fields(config)?,
        )?))),
        "azure-kms" => Ok(Provider::Cipher(Box::new(azure::kms::KeyCipher::new(
            parse_fields(config)?,
        )?))),
        "azure-sm" => Ok(Provider::Store(Box::new(azure::sm::SecretStore::new(
            parse_fields(config)?,
        )?))),
        "gcp-kms" => Ok(Provider::Cipher(Box::new(gcp::kms::KeyCipher::new(
            parse_fields(config)?,
        )?))),
        "gcp-sm" => Ok(Provider::Store(Box::new(gcp::sm::SecretManager::new(
            parse_fields(config)?,
        )?))),
        "password-store" => Ok(Provider::Store(Box::new(
            password_store::PasswordStore::new(ctx, parse_fields(config)?),
        ))),
        "keychain" => Ok(Provider::Store(Box::new(keychain::Keychain::new(
            parse_fields(config)?,
        )?))),
        "keepass" => Ok(Provider::Store(Box::new(keepass::Keepass::new(
            ctx,
            parse_fields(config)?,
        )?))),
        "vault" => Ok(Provider::Store(Box::new(vault::kv::Vault::new(
            parse_fields(config)?,
        )))),
        "vault-transit" => Ok(Provider::Cipher(Box::new(vault::transit::Transit::new(
            parse_fields(config)?,
        )))),
        "cosmian-kms" => Ok(cosmian_kms::build(parse_fields(config)?)),
        other if KNOWN_UNSUPPORTED.contains(&other) => Err(ProviderError::new(
            ErrorKind::Unsupported,
            format!("provider type '{other}' is not supported by this version of fnox"),
        )
        .hint(format!("supported types: {}", SUPPORTED.join(", ")))),
        other => {
            let all = SUPPORTED.iter().chain(KNOWN_UNSUPPORTED.iter()).copied();
            let mut err = ProviderError::new(
                ErrorKind::Config,
                format!("unknown provider type '{other}'"),
            );
            err.hint = Some(match did_you_mean(other, all) {
                Some(dym) => dym,
                None => format!("supported types: {}", SUPPORTED.join(", ")),
            });
            Err(err)
        }
    }
}

/// Fields every provider accepts and this fnox does not act on.
const COMMON_FIELDS: [&str; 2] = ["auth_command", "daemon_cache"];

/// Deserializes a provider's own fields; unknown fields are an error that lists the allowed ones.
fn parse_fields<T: DeserializeOwned>(config: &ProviderConfig) -> Result<T, ProviderError> {
    let mut fields = config.fields.clone();
    for common in COMMON_FIELDS {
        fields.remove(common);
    }
    fields.remove(TIMEOUT_FIELD);
    toml::Value::Table(fields)
        .try_into()
        .map_err(|e: toml::de::Error| {
            ProviderError::new(
                ErrorKind::Config,
                format!(
                    "invalid {} provider settings: {}",
                    config.kind,
                    crate::config::load::redact_literals(e.message().trim_end())
                ),
            )
        })
}
