//! Key versions (`fnox key status`): for each definition of a cipher provider, the keys it has
//! had, numbered oldest first, and which values each still seals. Three families:
//! - age: the identity files in `retired_key_files`, then this machine's current identity;
//! - a key id (aws-kms, cosmian-kms): the ids in `retired_key_ids`, then `key_id`;
//! - vault-transit: the key's own versions, as Vault reports them.

use std::path::PathBuf;

use serde::Serialize;

use super::{age as agekeys, Candidate};
use crate::config::load::{Config, Section};
use crate::error::{Error, Result};
use crate::provider::{KeyInfo, Provider};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Age,
    KeyId,
    Transit,
}

impl Family {
    pub fn of(kind: &str) -> Option<Family> {
        match kind {
            "age" => Some(Family::Age),
            "aws-kms" | "cosmian-kms" => Some(Family::KeyId),
            "vault-transit" => Some(Family::Transit),
            _ => None,
        }
    }

    /// The field a rotation appends the old key to (Transit keeps its versions itself).
    pub fn retired_field(self) -> Option<&'static str> {
        match self {
            Family::Age => Some("retired_key_files"),
            Family::KeyId => Some("retired_key_ids"),
            Family::Transit => None,
        }
    }
}

/// The provider types `fnox key` manages, for messages.
pub const MANAGED: &str = "age, aws-kms, cosmian-kms, vault-transit";

/// One `[providers.NAME]` table of a loaded file.
#[derive(Debug, Clone)]
pub struct Definition {
    pub name: String,
    pub layer: usize,
    pub section: Section,
    pub kind: String,
    pub fields: toml::Table,
    /// The profile it is looked up in (the default one for the top level).
    pub context: Vec<String>,
}

impl Definition {
    pub fn path<'c>(&self, config: &'c Config) -> &'c std::path::Path {
        &config.layers[self.layer].path
    }

    pub fn location(&self, config: &Config) -> String {
        format!(
            "{} in {}",
            self.section.key_path("providers", &self.name),
            config.display(self.path(config))
        )
    }

    pub fn family(&self) -> Option<Family> {
        Family::of(&self.kind)
    }

    /// A text field, or "" when it is absent or not text.
    pub fn field_str(&self, field: &str) -> &str {
        self.fields
            .get(field)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
    }

    pub fn strings(&self, field: &str) -> Vec<String> {
        match self.fields.get(field) {
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn base_dir(&self, config: &Config) -> PathBuf {
        self.path(config)
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_default()
    }

    /// The config as this definition's file sees it.
    pub fn scope(&self, config: &Config) -> Config {
        config.as_seen_by(self.path(config))
    }

    /// The provider as this definition builds it.
    pub fn build(&self, config: &Config) -> Result<Provider> {
        crate::resolve::build_provider_for(&self.scope(config), &self.name, &self.context)
    }
}

/// Every definition of provider `name` (None: every provider) in the loaded files.
pub fn definitions(config: &Config, name: Option<&str>) -> Vec<Definition> {
    let default = vec![crate::config::load::DEFAULT_PROFILE.to_owned()];
    let mut out = Vec::new();
    for (i, layer) in config.layers.iter().enumerate() {
        let top = layer
            .profile
            .clone()
            .map(|p| vec![p])
            .unwrap_or_else(|| default.clone());
        let mut tables = vec![(Section::Top, top, &layer.file.providers)];
        for (p, pc) in &layer.file.profiles {
            tables.push((Section::Profile(p.clone()), vec![p.clone()], &pc.providers));
        }
        for (section, context, providers) in tables {
            for (n, p) in providers {
                if name.is_some_and(|w| w != n) {
                    continue;
                }
                let p = p.get_ref();
                out.push(Definition {
                    name: n.clone(),
                    layer: i,
                    section: section.clone(),
                    kind: p.kind.clone(),
                    fields: p.fields.clone(),
                    context: context.clone(),
                });
            }
        }
    }
    out
}

/// Every definition of provider `name`, and the family of its keys: an error when no loaded
/// file defines it or its type's keys are not managed.
pub fn named(config: &Config, name: &str) -> Result<(Vec<Definition>, Family)> {
    let defs = definitions(config, Some(name));
    let Some(first) = defs.first() else {
        return Err(Error::usage(format!("no provider '{name}' is defined in the loaded files"))
            .code("fnox::provider::not_configured")
            .hint("see `fnox provider list`; `fnox key status` lists the providers whose keys fnox manages"));
    };
    let family = first.family().ok_or_else(|| unmanaged(config, first))?;
    Ok((defs, family))
}

/// The definition each value's provider comes from, as the value's file sees it (None: none of
/// `defs`). Worked out once per group of values (file, provider, profile), with each file's view
/// of the config built once.
pub fn definitions_of(
    config: &Config,
    defs: &[Definition],
    candidates: &[Candidate],
) -> Vec<Option<usize>> {
    let mut scopes: std::collections::HashMap<usize, Config> = Default::default();
    let mut found: std::collections::HashMap<super::GroupKey, Option<usize>> = Default::default();
    candidates
        .iter()
        .map(|c| {
            *found.entry(c.group()).or_insert_with(|| {
                let scope = scopes
                    .entry(c.layer)
                    .or_insert_with(|| config.as_seen_by(&config.layers[c.layer].path));
                let entry = scope.provider_for(&c.provider, &c.context)?;
                let path = &scope.layers[entry.origin.layer].path;
                defs.iter().position(|d| {
                    d.name == c.provider
                        && crate::config::load::same_file(d.path(config), path)
                        && d.section == entry.origin.section
                })
            })
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// New values are sealed with it.
    Current,
    /// Kept for reading only (age, key ids) or still enabled for decryption (Transit).
    Retired,
    /// Transit: below `min_decryption_version`, it decrypts nothing.
    Disabled,
}

/// One value of a provider, for listings.
#[derive(Debug, Clone, Serialize)]
pub struct Use {
    pub name: String,
    pub profile: String,
    pub file: String,
    pub key_path: String,
}

impl Use {
    pub fn of(config: &Config, c: &Candidate) -> Use {
        Use {
            name: c.name.clone(),
            profile: c.context.join(","),
            file: config.display(&config.layers[c.layer].path),
            key_path: c.section.key_path("secrets", &c.name),
        }
    }
}

impl std::fmt::Display for Use {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({} in {})", self.name, self.key_path, self.file)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Version {
    pub version: u64,
    /// The key: an age public key, a KMS key id, the Transit key name.
    pub key: String,
    pub state: State,
    /// Where the key lives, when fnox knows (an identity file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    pub secrets: Vec<Use>,
}

/// What `fnox key status` shows for one definition.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub provider: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub defined_in: String,
    pub versions: Vec<Version>,
    /// Values whose key is none of the versions (sealed to someone else's key, a key id not on
    /// record) or cannot be told, with what is known of their key.
    pub other: Vec<(Use, Option<String>)>,
}

impl Status {
    pub fn current(&self) -> Option<&Version> {
        self.versions.iter().find(|v| v.state == State::Current)
    }
}

/// The key versions of definition `def` and which of `values` (its values) each seals.
pub fn status(config: &Config, def: &Definition, values: &[&Candidate]) -> Result<Status> {
    let family = def.family().ok_or_else(|| unmanaged(config, def))?;
    let mut versions = Vec::new();
    let mut other = Vec::new();
    let inputs: Vec<&str> = values.iter().map(|c| c.value.as_str()).collect();
    match family {
        Family::Age => {
            let retired = def.strings("retired_key_files");
            let base = def.base_dir(config);
            let mut keys = Vec::new();
            let mut labels = Vec::new();
            for raw in &retired {
                let path = crate::env_vars::expand_path(raw, &base);
                let ids = agekeys::read_identities(&path)
                    .map(|(_, ids)| ids)
                    .unwrap_or_default();
                labels.push((
                    ids.first().map(|i| i.to_public().to_string()),
                    format!(
                        "{raw}{}",
                        if ids.is_empty() {
                            " (not on this machine)"
                        } else {
                            ""
                        }
                    ),
                ));
                keys.push(ids);
            }
            let current =
                agekeys::identity_file(&def.name, &def.fields, &base, config.age_key_file()).ok();
            let recipients = def.strings("recipients");
            let current_ids: Vec<age::x25519::Identity> = current
                .as_ref()
                .and_then(|p| agekeys::read_identities(p).ok())
                .map(|(_, ids)| {
                    ids.into_iter()
                        .filter(|i| recipients.contains(&i.to_public().to_string()))
                        .collect()
                })
                .unwrap_or_default();
            labels.push((
                current_ids.first().map(|i| i.to_public().to_string()),
                current
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ));
            keys.push(current_ids);
            let opened = agekeys::opened_by(&keys, &inputs);
            versions = ladder(labels.into_iter().map(|(public, location)| {
                (
                    public.unwrap_or_else(|| "(unknown)".to_owned()),
                    Some(location),
                )
            }));
            for (c, o) in values.iter().zip(opened) {
                match o {
                    Some(i) => versions[i].secrets.push(Use::of(config, c)),
                    None => other.push((
                        Use::of(config, c),
                        Some("none of this machine's identities opens it".to_owned()),
                    )),
                }
            }
        }
        Family::KeyId => {
            let provider = def.build(config)?;
            let Provider::Cipher(cipher) = &provider else {
                return Err(unmanaged(config, def));
            };
            let configured = def.field_str("key_id");
            let mut ids = def.strings("retired_key_ids");
            ids.push(match cipher.key_info() {
                Ok(KeyInfo {
                    current: Some(k), ..
                }) => k.key,
                _ => configured.to_owned(),
            });
            let n = ids.len();
            versions = ladder(ids.iter().map(|id| (id.clone(), None)));
            for (c, k) in values.iter().zip(cipher.sealed_with(&inputs)) {
                let found = k.as_ref().and_then(|k| {
                    ids.iter().position(|id| same_key(id, &k.key)).or_else(|| {
                        // The configured id (an alias, a bare id) names the current key.
                        same_key(configured, &k.key).then_some(n - 1)
                    })
                });
                match found {
                    Some(i) => versions[i].secrets.push(Use::of(config, c)),
                    None => other.push((Use::of(config, c), k.map(|k| k.key))),
                }
            }
        }
        Family::Transit => {
            let provider = def.build(config)?;
            let Provider::Cipher(cipher) = &provider else {
                return Err(unmanaged(config, def));
            };
            let info = cipher.key_info().map_err(|e| {
                crate::resolve::provider_error(
                    format!("cannot read the key of {}", def.location(config)),
                    e,
                )
            })?;
            let latest = info.current.as_ref().and_then(|k| k.version).unwrap_or(0);
            let key = info
                .current
                .as_ref()
                .map(|k| k.key.clone())
                .unwrap_or_default();
            let min = info.min_decryption_version.unwrap_or(1);
            let mut all: Vec<u64> = info.versions.clone();
            all.extend(1..min);
            all.sort_unstable();
            all.dedup();
            for v in all {
                versions.push(Version {
                    version: v,
                    key: key.clone(),
                    state: if v == latest {
                        State::Current
                    } else if v < min {
                        State::Disabled
                    } else {
                        State::Retired
                    },
                    location: None,
                    secrets: Vec::new(),
                });
            }
            for (c, k) in values.iter().zip(cipher.sealed_with(&inputs)) {
                match k
                    .and_then(|k| k.version)
                    .and_then(|v| versions.iter().position(|x| x.version == v))
                {
                    Some(i) => versions[i].secrets.push(Use::of(config, c)),
                    None => other.push((Use::of(config, c), None)),
                }
            }
        }
    }
    Ok(Status {
        provider: def.name.clone(),
        kind: def.kind.clone(),
        defined_in: def.location(config),
        versions,
        other,
    })
}

/// Versions 1, 2, ... of keys listed oldest first, the last one current: (key, where it lives).
fn ladder(keys: impl ExactSizeIterator<Item = (String, Option<String>)>) -> Vec<Version> {
    let n = keys.len();
    keys.enumerate()
        .map(|(i, (key, location))| Version {
            version: i as u64 + 1,
            key,
            state: if i + 1 == n {
                State::Current
            } else {
                State::Retired
            },
            location,
            secrets: Vec::new(),
        })
        .collect()
}

/// Whether a configured key id and the id a backend reports name the same key (an ARN ends
/// with `key/ID`).
pub fn same_key(configured: &str, reported: &str) -> bool {
    !configured.is_empty()
        && (configured == reported
            || reported.ends_with(&format!("/{configured}"))
            || configured.ends_with(&format!("/{reported}")))
}

pub fn unmanaged(config: &Config, def: &Definition) -> Error {
    Error::usage(format!(
        "provider '{}' ({}) is of type {}, whose keys fnox does not manage",
        def.name,
        def.location(config),
        def.kind
    ))
    .hint(format!(
        "fnox key manages {MANAGED}; rotate other keys in their own console, then run `fnox reencrypt`"
    ))
}

#[cfg(test)]
mod tests {
    use super::same_key;

    #[test]
    fn a_key_id_matches_its_arn_and_nothing_else() {
        let arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd";
        assert!(same_key("1234abcd", arn));
        assert!(same_key(arn, arn));
        assert!(same_key(arn, "1234abcd"));
        assert!(!same_key("234abcd", arn));
        assert!(!same_key("", arn));
    }
}
