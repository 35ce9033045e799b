//! Setting one secret: the write `fnox set` and `fnox tui` share. Picks the provider, encrypts
//! (cipher) or stores remotely (store), records the entry through `edit` (the only writer) and
//! tags it in the integrity sidecar, so a value set anywhere is written the same way.

use std::path::PathBuf;

use toml_edit::Value;

use crate::config::edit::{override_fields, Editor, ReadOnly};
use crate::config::load::same_file;
use crate::config::model::IfMissing;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::provider::Provider;
use crate::resolve::{build_writer, provider_error};
use crate::secret::SecretValue;

/// What to set on one secret; every field but `key` and `profile` may be absent.
pub struct SetRequest<'a> {
    pub key: &'a str,
    pub value: Option<&'a SecretValue>,
    /// Provider to encrypt or store with (default: the secret's own, else default_provider).
    pub provider: Option<&'a str>,
    /// Name of the value in a remote store (default: the entry's, else the key).
    pub key_name: Option<&'a str>,
    pub description: Option<&'a str>,
    pub default: Option<&'a str>,
    pub if_missing: Option<IfMissing>,
    /// The profile written to.
    pub profile: &'a str,
    /// Write to the global config file.
    pub global: bool,
    /// Work out what would be written and write nothing.
    pub dry_run: bool,
    /// Write the config file even when it is read-only.
    pub force: bool,
}

/// Where and how the secret was (or, on a dry run, would be) written.
pub struct SetOutcome {
    pub path: PathBuf,
    pub provider: Option<String>,
    /// What fnox.toml records as the value: a ciphertext or a remote key (`<encrypted>` on a
    /// dry run with a cipher).
    pub stored: Option<String>,
}

/// Sets `req.key` in the file the write profile writes to (never a parent directory's: a secret
/// inherited from there gets an override here, encrypted with the providers that file sees).
pub fn set_secret(config: &Config, req: &SetRequest) -> Result<SetOutcome> {
    let (path, section) = config.write_target(req.global, req.profile);
    // Before a remote store is written: a file fnox may not write changes nothing anywhere.
    let read_only = ReadOnly::overwrite_if(req.force || req.dry_run);
    crate::config::edit::ensure_writable(&path, read_only)?;
    // The providers as the written file sees them, under the write profile: the value must be
    // readable by everyone who reads that file.
    let scope = config.as_seen_by(&path);
    let write_profiles = [req.profile.to_owned()];
    let inherited = config
        .secrets_for(&write_profiles)
        .into_iter()
        .find(|s| s.name == req.key);
    let in_place = inherited.as_ref().is_some_and(|e| {
        let layer = &config.layers[e.origin.layer];
        same_file(&layer.path, &path) && e.origin.section == section
    });
    // Where the entry is written, for every message below: "secrets.KEY in ./fnox.toml".
    let target = format!(
        "{} in {}",
        section.key_path("secrets", req.key),
        config.display(&path)
    );
    let mut fields: Vec<(String, Value)> = Vec::new();
    if let (Some(entry), false) = (&inherited, in_place) {
        for (k, v) in override_fields(config, entry) {
            // A new value replaces any synced copy, which would otherwise win over it.
            if !(req.value.is_some() && k == "sync") {
                fields.push((k, v));
            }
        }
    }
    let mut stored_value = None;
    let mut provider_name = None;
    // The provider that wrote the value, for its integrity tag.
    let mut written_with = None;
    if let Some(value) = req.value {
        let existing_provider = inherited.as_ref().and_then(|e| e.secret.provider.clone());
        let name = match req
            .provider
            .map(str::to_owned)
            .or_else(|| existing_provider.clone())
            .or_else(|| scope.default_provider_for(&write_profiles))
        {
            Some(name) => name,
            None => return Err(no_provider(&scope, &write_profiles, req.key, &target)),
        };
        let provider = build_writer(
            &scope,
            &name,
            &write_profiles,
            &format!("write {}", req.key),
        )?;
        // A store writes to the remote key the entry already names (when it is this provider's).
        // An entry inherited from another file does not lend its remote key: the override
        // would overwrite the value that file's readers get.
        let remote_key = req.key_name.map(str::to_owned).or_else(|| {
            inherited
                .as_ref()
                .filter(|_| in_place)
                .filter(|e| e.secret.provider.as_deref().unwrap_or(&name) == name)
                .and_then(|e| e.secret.value.clone())
                .filter(|_| !provider.is_cipher())
        });
        let remote_key = remote_key.unwrap_or_else(|| req.key.to_owned());
        let stored = if req.dry_run {
            if provider.is_cipher() {
                "<encrypted>".to_owned()
            } else {
                remote_key.clone()
            }
        } else {
            store(&provider, &name, req.key, &remote_key, value)
                .map_err(|e| e.cause(format!("writing {target}")))?
        };
        stored_value = Some(stored.clone());
        let had_provider = existing_provider.is_some();
        if req.provider.is_some() || had_provider || inherited.is_none() {
            fields.push(("provider".into(), Value::from(name.as_str())));
        }
        fields.push(("value".into(), Value::from(stored.clone())));
        written_with = Some((provider, stored));
        provider_name = Some(name);
    }
    if let Some(d) = req.description {
        fields.push(("description".into(), Value::from(d)));
    }
    if let Some(d) = req.default {
        fields.push(("default".into(), Value::from(d)));
    }
    if let Some(m) = req.if_missing {
        fields.push(("if_missing".into(), Value::from(m.as_str())));
    }
    let metadata = req.description.is_some() || req.default.is_some();
    if req.value.is_none() && !metadata && req.if_missing.is_none() {
        return Err(Error::usage(format!("nothing to set for {}", req.key))
            .hint("give a value, --default, --description or --if-missing"));
    }
    let outcome = SetOutcome {
        path,
        provider: provider_name,
        stored: stored_value,
    };
    if req.dry_run {
        return Ok(outcome);
    }
    let fields: Vec<(&str, Value)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let mut editor = Editor::open(&outcome.path, read_only)?;
    editor.set_secret(&section, req.key, &fields)?;
    if let (Some((provider, stored)), Some(name)) = (&written_with, &outcome.provider) {
        crate::integrity::write::Signer::new(&scope, &write_profiles, &outcome.path).tag(
            &mut editor,
            &section,
            req.key,
            name,
            provider,
            stored,
        );
    }
    editor.save()?;
    Ok(outcome)
}

/// No provider to encrypt with: say which situation it is.
fn no_provider(scope: &Config, profiles: &[String], key: &str, target: &str) -> Error {
    let names: Vec<&str> = scope
        .providers_for(profiles)
        .iter()
        .map(|p| p.name)
        .collect();
    let err = Error::new(format!(
        "cannot set {key} ({target}): no provider to encrypt it with"
    ))
    .code("fnox::provider::not_configured");
    if names.is_empty() {
        err.cause("No providers configured").hint(
            "run `fnox init` to set up an age key, or add one with `fnox provider add age age`",
        )
    } else {
        err.cause(format!(
            "several providers are configured ({}) and no default_provider says which one to use",
            names.join(", ")
        ))
        .hint(format!(
            "pass --provider {}, or set default_provider = \"{}\" in the config",
            names[0], names[0]
        ))
    }
}

/// Encrypts (cipher) or stores remotely (store) and returns what fnox.toml records.
fn store(
    provider: &Provider,
    name: &str,
    key: &str,
    reference: &str,
    value: &SecretValue,
) -> Result<String> {
    match provider {
        Provider::Cipher(c) => c
            .seal(value.expose())
            .map_err(|e| provider_error(format!("cannot encrypt {key} with provider '{name}'"), e)),
        Provider::Store(s) => {
            s.store(reference, value.expose()).map_err(|e| {
                provider_error(format!("cannot store {key} in provider '{name}'"), e)
            })?;
            Ok(reference.to_owned())
        }
    }
}
