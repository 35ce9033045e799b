//! What a fnox.toml means: the serde read model. Read-only; edits go through `edit.rs`.
//! Unknown keys are ignored here (and kept byte-for-byte by the editor).

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
pub struct ConfigFile {
    #[serde(default, alias = "imports")]
    pub import: Vec<String>,
    pub root: Option<bool>,
    pub default_provider: Option<String>,
    pub if_missing: Option<IfMissing>,
    pub env: Option<EnvMode>,
    pub age_key_file: Option<String>,
    #[serde(default)]
    pub providers: IndexMap<String, Spanned<ProviderConfig>>,
    #[serde(default)]
    pub secrets: IndexMap<String, Spanned<SecretConfig>>,
    #[serde(default)]
    pub profiles: IndexMap<String, ProfileConfig>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ProfileConfig {
    pub default_provider: Option<String>,
    #[serde(default)]
    pub providers: IndexMap<String, Spanned<ProviderConfig>>,
    #[serde(default)]
    pub secrets: IndexMap<String, Spanned<SecretConfig>>,
}

/// A provider table: its `type` plus fields that only the provider itself interprets,
/// so a provider the command never touches is never validated or built.
#[derive(Debug, Clone)]
pub struct ProviderConfig {
    pub kind: String,
    pub fields: toml::Table,
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

#[derive(Debug, Clone, Default, Deserialize)]
pub struct SecretConfig {
    pub provider: Option<String>,
    pub value: Option<String>,
    pub default: Option<String>,
    pub description: Option<String>,
    pub if_missing: Option<IfMissing>,
    pub env: Option<EnvMode>,
    pub as_file: Option<bool>,
    pub json_path: Option<String>,
    pub line: Option<usize>,
    pub sync: Option<SyncConfig>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SyncConfig {
    pub provider: String,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
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
            Raw::Str(s) => Err(serde::de::Error::custom(format!(
                "env must be true, false or \"exec\", found \"{s}\""
            ))),
        }
    }
}

/// Parses one config file's text.
pub fn parse(text: &str) -> Result<ConfigFile, toml::de::Error> {
    toml::from_str(text)
}
