//! What a fnox.toml means: the serde read model. Read-only; edits go through `edit.rs`.
//! Unknown keys are ignored here (and kept byte-for-byte by the editor).

use std::borrow::Cow;

use indexmap::IndexMap;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// fnox.toml: a project's secrets and the providers that decrypt or fetch them.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(title = "fnox.toml")]
pub struct ConfigFile {
    /// Other config files to load before this one (this file wins over them); relative to this file.
    #[serde(default, alias = "imports")]
    pub import: Vec<String>,
    /// Stop looking for fnox.toml in parent directories.
    pub root: Option<bool>,
    /// The provider of secrets that name none (needed when there are several providers).
    pub default_provider: Option<String>,
    /// What to do with a secret that cannot be resolved.
    pub if_missing: Option<IfMissing>,
    /// Where secrets go: true (everywhere), "exec" (only `fnox exec` children), false (nowhere).
    pub env: Option<EnvMode>,
    /// Deprecated: an age identity file; use the age provider's `key_file`.
    pub age_key_file: Option<String>,
    /// Providers by name.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, ProviderConfig>")]
    pub providers: IndexMap<String, Spanned<ProviderConfig>>,
    /// Secrets by environment variable name.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, SecretConfig>")]
    pub secrets: IndexMap<String, Spanned<SecretConfig>>,
    /// Credential leases by name: short-lived credentials `fnox exec` puts in the command's
    /// environment (see `fnox lease`).
    #[serde(default)]
    #[schemars(with = "IndexMap<String, LeaseConfig>")]
    pub leases: IndexMap<String, Spanned<LeaseConfig>>,
    /// Profiles by name (`fnox -P NAME`); each overlays the top level.
    #[serde(default)]
    pub profiles: IndexMap<String, ProfileConfig>,
    /// fnox's own settings, beyond upstream fnox (which refuses a file with this table: keep it
    /// in fnox.local.toml or the global config.toml where the project's files must stay
    /// readable by both).
    pub settings: Option<Settings>,
    /// `fnox mcp`, the MCP server for agents: which tools it offers and which secrets it may
    /// resolve. Merged field by field across files (a later file wins per field).
    pub mcp: Option<McpConfig>,
    /// `fnox proxy run`: which HTTPS destinations may receive which secrets, substituted for
    /// placeholders in request headers. The table of the highest-priority file that has one is
    /// used whole (tables are not merged across files).
    pub proxy: Option<ProxyConfig>,
    /// The per-user daemon that keeps resolved values in memory (see `fnox daemon`).
    pub daemon: Option<DaemonConfig>,
}

/// The `[proxy]` table: the credential proxy's egress mode and rules.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct ProxyConfig {
    /// "strict" (default): a destination no rule names is refused. "permissive": it is tunnelled
    /// untouched (no inspection, no substitution).
    #[serde(default)]
    pub egress: ProxyEgress,
    /// Print a line per intercepted request to stderr: method, domain, path and the names of
    /// the secrets substituted (never headers, bodies or values).
    #[serde(default)]
    pub audit: bool,
    /// The destinations and the secret each may receive.
    #[serde(default)]
    pub rules: Vec<ProxyRule>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ProxyEgress {
    #[default]
    Strict,
    Permissive,
}

/// One `[[proxy.rules]]` entry: where one secret may be sent.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct ProxyRule {
    /// The secret (of the active profiles) whose value replaces the placeholder.
    pub secret: String,
    /// The exact host name (no wildcard, no port: HTTPS on 443 only).
    #[schemars(extend("examples" = ["api.github.com"]))]
    pub domain: String,
    /// The environment variable that carries the placeholder to the command; default: `secret`.
    pub env: Option<String>,
    /// The request header the placeholder is substituted in; default "authorization".
    #[serde(default = "default_proxy_header")]
    pub header: String,
    /// The HTTP methods allowed; default: any.
    #[serde(default)]
    pub methods: Vec<String>,
    /// Path globs (`*` within a segment, `**` across), starting with `/`; default: any path.
    #[serde(default)]
    #[schemars(extend("examples" = [["/repos/example/**"]]))]
    pub paths: Vec<String>,
    /// The placeholder the command sees (for SDKs that check a credential's format); default:
    /// one made up for the run.
    pub placeholder: Option<String>,
}

fn default_proxy_header() -> String {
    "authorization".to_string()
}

/// `[daemon]`: each field from the highest-priority file that sets it.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct DaemonConfig {
    /// Read commands (get, exec, export, hook-env, ...) use the daemon, starting it on demand;
    /// default false. FNOX_DAEMON=on|off and `--no-daemon` override it.
    pub enabled: Option<bool>,
    /// How long the daemon waits without a request before it exits, e.g. "8h" (the default),
    /// "30m"; FNOX_DAEMON_IDLE_TIMEOUT overrides it.
    pub idle_timeout: Option<String>,
}

/// `[settings]`: each field from the highest-priority file that sets it.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct Settings {
    /// Mask secret values in the output of `fnox exec` by default (as `--mask`; FNOX_MASK and
    /// `--no-mask` override it).
    pub mask: Option<bool>,
}

/// The `[mcp]` table: what `fnox mcp` offers an agent.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct McpConfig {
    /// The tools offered: "get_secret" (a value by name) and "exec" (run a command with the
    /// secrets in its environment). Default: both. A tool left out is not listed, and refused.
    #[schemars(extend("examples" = [["exec"], ["get_secret", "exec"]]))]
    pub tools: Option<Vec<String>>,
    /// The only secrets the server may resolve, for either tool; default: every secret of the
    /// active profiles. A secret not listed is never resolved.
    pub secrets: Option<Vec<String>>,
    /// Seconds an `exec` command may run before it (and its process group) is killed; default 300.
    pub exec_timeout_secs: Option<u64>,
    /// Replace every resolved value in `exec`'s output with [REDACTED]; default true. Turning it
    /// off counts only in a trusted file.
    pub redact_output: Option<bool>,
}

/// A profile: providers and secrets that overlay the top level's when the profile is active.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct ProfileConfig {
    /// The provider of this profile's secrets that name none.
    pub default_provider: Option<String>,
    /// Providers by name; an entry replaces the top-level entry of the same name.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, ProviderConfig>")]
    pub providers: IndexMap<String, Spanned<ProviderConfig>>,
    /// Secrets by name; an entry replaces the top-level entry of the same name.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, SecretConfig>")]
    pub secrets: IndexMap<String, Spanned<SecretConfig>>,
    /// Leases by name; an entry replaces the top-level entry of the same name.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, LeaseConfig>")]
    pub leases: IndexMap<String, Spanned<LeaseConfig>>,
}

/// A lease table: its backend `type` plus fields only that backend interprets (as a provider's).
#[derive(Clone)]
pub struct LeaseConfig {
    pub kind: String,
    pub fields: toml::Table,
}

/// Debug shows field names only: a field may hold a token.
impl std::fmt::Debug for LeaseConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LeaseConfig")
            .field("kind", &self.kind)
            .field("fields", &self.fields.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl<'de> Deserialize<'de> for LeaseConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut fields = toml::Table::deserialize(d)?;
        match fields.remove("type") {
            Some(toml::Value::String(kind)) => Ok(LeaseConfig { kind, fields }),
            Some(other) => Err(serde::de::Error::custom(format!(
                "lease `type` must be a string, found {}",
                other.type_str()
            ))),
            None => Err(serde::de::Error::custom(
                "lease has no `type` (e.g. type = \"command\")",
            )),
        }
    }
}

impl JsonSchema for LeaseConfig {
    fn schema_name() -> Cow<'static, str> {
        "LeaseConfig".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A credential lease: its backend `type` plus the fields that backend reads (create_command, role_arn, secret_path, duration, ...).",
            "type": "object",
            "required": ["type"],
            "properties": {
                "type": {
                    "description": "The lease backend.",
                    "type": "string",
                    "examples": crate::lease::TYPES,
                },
                "duration": {
                    "description": "How long a lease lasts (e.g. \"15m\", \"1h\", \"2h30m\"; default 15m).",
                    "type": "string",
                }
            },
            "additionalProperties": true,
        })
    }
}

/// A provider table: its `type` plus fields that only the provider itself interprets,
/// so a provider the command never touches is never validated or built.
#[derive(Clone)]
pub struct ProviderConfig {
    pub kind: String,
    pub fields: toml::Table,
}

/// Debug shows field names only: a field may hold a token, or a value filled in from a secret.
impl std::fmt::Debug for ProviderConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("kind", &self.kind)
            .field("fields", &self.fields.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// `Some(<redacted>)` or `None`: whether a value is there, never what it is.
struct Redacted(bool);

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0 { "Some(<redacted>)" } else { "None" })
    }
}

impl<'de> Deserialize<'de> for ProviderConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut fields = toml::Table::deserialize(d)?;
        match fields.remove("type") {
            Some(toml::Value::String(kind)) => Ok(ProviderConfig { kind, fields }),
            Some(other) => Err(serde::de::Error::custom(format!(
                "provider `type` must be a string, found {}",
                other.type_str()
            ))),
            None => Err(serde::de::Error::custom(
                "provider has no `type` (e.g. type = \"age\")",
            )),
        }
    }
}

/// Written by hand like the Deserialize: a string `type`, and fields the provider interprets.
impl JsonSchema for ProviderConfig {
    fn schema_name() -> Cow<'static, str> {
        "ProviderConfig".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A provider: its `type` plus the fields that provider reads (recipients, region, path, ...).",
            "type": "object",
            "required": ["type"],
            "properties": {
                "type": {
                    "description": "The provider type.",
                    "type": "string",
                    "examples": crate::provider::SUPPORTED,
                },
                "timeout": {
                    "description": "How long this provider's reads may wait for an answer (\"5s\", \"1m\", or seconds; 0: no limit); else FNOX_TIMEOUT, else 30s (5s in the shell hook). Not an upstream field.",
                    "type": ["string", "number"],
                    "examples": ["5s", "1m"],
                }
            },
            "additionalProperties": true,
        })
    }
}

/// A secret: a provider value (ciphertext or reference), a default, or neither (the environment).
#[derive(Clone, Default, Deserialize, JsonSchema)]
pub struct SecretConfig {
    /// The provider that decrypts or fetches `value` (else `default_provider`).
    pub provider: Option<String>,
    /// Ciphertext (age, ...) or a reference into a remote store; never plaintext except with `plain`.
    pub value: Option<String>,
    /// Used when there is no provider value or the provider fails; `${NAME}` is another secret or env var.
    pub default: Option<String>,
    /// Shown by `fnox list`.
    pub description: Option<String>,
    /// What to do when this secret cannot be resolved.
    pub if_missing: Option<IfMissing>,
    /// Where this secret goes: true, "exec" or false.
    pub env: Option<EnvMode>,
    /// Upstream: hand the value over as a temporary file path (not used by this version yet).
    pub as_file: Option<bool>,
    /// Select a field of a JSON value (dot path; `\.` for a literal dot).
    pub json_path: Option<String>,
    /// Select one line of the value (1-based).
    pub line: Option<usize>,
    /// A copy of the value held by another provider.
    pub sync: Option<SyncConfig>,
    /// Let `exec` and the shell hook set this secret although its name changes how programs or
    /// shells run (PATH, LD_PRELOAD, PROMPT_COMMAND, ...; see the README's Safety section).
    pub allow_dangerous_name: Option<bool>,
    /// false: the daemon never keeps this secret's value (it is read afresh every time).
    pub daemon_cache: Option<bool>,
}

/// `value` (a `plain` provider's is the secret itself) and `default` are redacted.
impl std::fmt::Debug for SecretConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretConfig")
            .field("provider", &self.provider)
            .field("value", &Redacted(self.value.is_some()))
            .field("default", &Redacted(self.default.is_some()))
            .field("description", &self.description)
            .field("if_missing", &self.if_missing)
            .field("env", &self.env)
            .field("as_file", &self.as_file)
            .field("json_path", &self.json_path)
            .field("line", &self.line)
            .field("sync", &self.sync)
            .finish()
    }
}

/// A copy of a secret kept in another provider.
#[derive(Clone, Deserialize, JsonSchema)]
pub struct SyncConfig {
    /// The provider holding the copy.
    pub provider: String,
    /// Its ciphertext or reference.
    pub value: String,
}

impl std::fmt::Debug for SyncConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncConfig")
            .field("provider", &self.provider)
            .field("value", &Redacted(true))
            .finish()
    }
}

/// error (fail), warn (leave the secret out and say so) or ignore (leave it out silently).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum IfMissing {
    Error,
    Warn,
    Ignore,
}

impl IfMissing {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(IfMissing::Error),
            "warn" => Some(IfMissing::Warn),
            "ignore" => Some(IfMissing::Ignore),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            IfMissing::Error => "error",
            IfMissing::Warn => "warn",
            IfMissing::Ignore => "ignore",
        }
    }
}

/// Where a secret goes: `true` (everywhere), `"exec"` (only into `fnox exec` children), `false` (nowhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvMode {
    All,
    ExecOnly,
    Never,
}

impl JsonSchema for EnvMode {
    fn schema_name() -> Cow<'static, str> {
        "EnvMode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Where a secret goes: true (everywhere), \"exec\" (only into `fnox exec` children), false (nowhere).",
            "anyOf": [{ "type": "boolean" }, { "const": "exec" }],
        })
    }
}

impl<'de> Deserialize<'de> for EnvMode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Str(String),
        }
        match Raw::deserialize(d)? {
            Raw::Bool(true) => Ok(EnvMode::All),
            Raw::Bool(false) => Ok(EnvMode::Never),
            Raw::Str(s) if s == "exec" => Ok(EnvMode::ExecOnly),
            // The string itself is not quoted: it may be a value written in the wrong place.
            Raw::Str(_) => Err(serde::de::Error::custom(
                "env must be true, false or \"exec\"",
            )),
        }
    }
}

/// Parses one config file's text.
pub fn parse(text: &str) -> Result<ConfigFile, toml::de::Error> {
    toml::from_str(text)
}
