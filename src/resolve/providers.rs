//! Building providers from the effective config: a provider looked up by name (under the active
//! profiles or given ones), its `{ secret = "NAME" }` fields filled in from other secrets with
//! provider cycles caught, and which provider (and input) a secret reads from.

use crate::config::load::{Config, SecretEntry};
use crate::error::{Error, Result};
use crate::provider::{self, BuildContext, Provider};
use crate::secret::SecretValue;

use super::limits::{self, Link};
use super::values::template;
use super::{provider_error, resolve, ResolveOptions};

/// The provider a secret reads from, and the input it gives that provider.
pub(super) fn provider_input<'a>(
    config: &Config,
    entry: &'a SecretEntry,
) -> Option<(Option<String>, &'a str)> {
    if let Some(sync) = &entry.secret.sync {
        return Some((Some(sync.provider.clone()), sync.value.as_str()));
    }
    if template(config, entry).is_some() {
        return None;
    }
    let value = entry.secret.value.as_deref()?;
    let provider = entry
        .secret
        .provider
        .clone()
        .or_else(|| config.default_provider());
    Some((provider, value))
}

/// Builds a provider by name from the effective config, with errors that name the secret's context.
pub fn build_provider(config: &Config, name: &str) -> Result<Provider> {
    build_provider_for(config, name, &config.profiles)
}

/// Builds a provider and runs its check (keys, credentials, reachability; no secret is read):
/// what it found on success, or why it cannot be used. `provider test` and `doctor` report this.
pub fn test_provider(config: &Config, name: &str) -> Result<String> {
    build_provider(config, name)?
        .check()
        .map_err(|e| provider_error(format!("provider '{name}' failed its test"), e))
}

/// The provider a value is written with (encrypted or stored), as `scope` (the written file's view,
/// `Config::as_seen_by`) defines it, after the trust gate for its defining file.
pub fn build_writer(
    scope: &Config,
    name: &str,
    profiles: &[String],
    what: &str,
) -> Result<Provider> {
    require_trusted_target(scope, name, profiles, what)?;
    build_provider_for(scope, name, profiles)
}

/// A value is about to be written with provider `name` (encrypted to the recipients or key its
/// table names, or stored where it points): the file that defines the table must be trusted, or a
/// hostile fnox.toml in a parent directory could collect what you set.
pub fn require_trusted_target(
    config: &Config,
    name: &str,
    profiles: &[String],
    what: &str,
) -> Result<()> {
    let Some(entry) = config.provider_for(name, profiles) else {
        return Ok(());
    };
    // `plain` keeps the value as it is: fine when the user chose it, never on a stranger's say.
    if entry.config.kind == "plain" && config.layer_trusted(entry.origin.layer) {
        return Ok(());
    }
    config.require_trusted(
        entry.origin.layer,
        &format!("{what} with provider '{name}', which it defines"),
    )
}

/// Builds a provider as it is configured with `profiles` active.
pub fn build_provider_for(config: &Config, name: &str, profiles: &[String]) -> Result<Provider> {
    build_provider_with(config, name, profiles, &toml::Table::new())
}

/// `build_provider_for` with some fields replaced: a rotation's new settings, before the file
/// holds them.
pub fn build_provider_with(
    config: &Config,
    name: &str,
    profiles: &[String],
    overrides: &toml::Table,
) -> Result<Provider> {
    let entry = config.provider_for(name, profiles).ok_or_else(|| {
        let names: Vec<&str> = config
            .providers_for(profiles)
            .iter()
            .map(|p| p.name)
            .collect();
        let mut err = Error::new(format!(
            "Provider '{name}' not configured in profile '{}'",
            profiles.join(",")
        ))
        .code("fnox::provider::not_configured");
        if let Some(dym) = crate::error::did_you_mean(name, names.iter().copied()) {
            err = err.cause(dym);
        }
        let known = if names.is_empty() {
            "no providers are configured".to_owned()
        } else {
            format!("configured providers: {}", names.join(", "))
        };
        err.cause(known).hint(format!(
            "add it with `fnox provider add {name} age`, or use one of the configured providers"
        ))
    })?;
    // A table from a file the user has not trusted may not run commands or send credentials to
    // an address only it names.
    if let Some(what) = crate::trust::provider_risk(name, &entry.config.kind, &entry.config.fields)
    {
        config.require_trusted(entry.origin.layer, &what)?;
    }
    // An age identity held by another provider is read through the config, and only on demand.
    let read_from = (entry.config.kind == "age" && entry.config.fields.contains_key("identity"))
        .then(|| super::identity::reader(config, name, entry.origin.layer, profiles));
    let ctx = BuildContext {
        name,
        base_dir: config.base_dir(&entry.origin),
        legacy_age_key_file: config.age_key_file(),
        read_from,
    };
    let loc = config.locate("providers", name, &entry.origin);
    let mut resolved_fields = secret_fields(config, name, &loc, entry.config)?;
    if !overrides.is_empty() {
        let mut fields = resolved_fields.unwrap_or_else(|| entry.config.clone());
        fields
            .fields
            .extend(overrides.iter().map(|(k, v)| (k.clone(), v.clone())));
        resolved_fields = Some(fields);
    }
    provider::build(&ctx, resolved_fields.as_ref().unwrap_or(entry.config))
        .map_err(|e| provider_error(format!("cannot use provider '{name}' ({loc})"), e))
}

thread_local! {
    /// Providers whose `{ secret = "NAME" }` fields or age identity are being resolved: a provider
    /// met again is a cycle.
    pub(super) static BUILDING: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// This thread's providers being built, for a thread it starts to carry on (`adopt_building`).
pub(super) fn building() -> Vec<String> {
    BUILDING.with(|b| b.borrow().clone())
}

/// Makes `chain` this (newly started) thread's providers being built.
pub(super) fn adopt_building(chain: Vec<String>) {
    BUILDING.with(|b| *b.borrow_mut() = chain);
}

/// A provider field written `{ secret = "NAME" }` takes the value of secret NAME (else of the
/// environment variable NAME). Returns the config with those fields filled in, or None when it has none.
fn secret_fields(
    config: &Config,
    name: &str,
    loc: &str,
    provider: &crate::config::model::ProviderConfig,
) -> Result<Option<crate::config::model::ProviderConfig>> {
    let refs: Vec<(String, String)> = provider
        .fields
        .iter()
        // An age `identity` names a provider and a value, read only on demand (identity.rs).
        .filter(|(field, _)| !(provider.kind == "age" && *field == "identity"))
        .filter_map(|(field, v)| match v {
            toml::Value::Table(t) if t.len() == 1 => t
                .get("secret")?
                .as_str()
                .map(|s| (field.clone(), s.to_owned())),
            _ => None,
        })
        .collect();
    if refs.is_empty() {
        return Ok(None);
    }
    let chain = BUILDING.with(|b| b.borrow().clone());
    if chain.iter().any(|p| p == name) {
        return Err(Error::new(format!("cannot use provider '{name}' ({loc})"))
            .cause(format!(
                "its `{{ secret = ... }}` fields need provider '{name}' again ({} -> {name}: a cycle)",
                chain.join(" -> ")
            ))
            .hint("give one of these fields a literal value or an environment variable"));
    }
    let _entered = limits::enter(config, Link::Provider(name.to_owned()))?;
    BUILDING.with(|b| b.borrow_mut().push(name.to_owned()));
    let mut filled = provider.clone();
    let mut outcome = Ok(());
    for (field, secret) in refs {
        let supplier = config.secret(&secret).map(|s| s.origin.layer);
        let value = if supplier.is_some() {
            let _entered = match limits::enter(config, Link::Secret(secret.clone())) {
                Ok(entered) => entered,
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            };
            let opts = ResolveOptions {
                strict: true,
                ..ResolveOptions::default()
            };
            resolve(config, &[secret.as_str()], opts).map(|mut m| {
                m.swap_remove(secret.as_str())
                    .expect("a resolved secret has a value")
            })
        } else {
            std::env::var(&secret).map(SecretValue::new).map_err(|_| {
                Error::new(format!("cannot use provider '{name}' ({loc})"))
                    .cause(format!("its field `{field}` takes secret {secret}, which is neither a secret nor set in the environment"))
                    .hint(format!("define {secret} in fnox.toml or export it"))
            })
        };
        // A field that runs a command or names an address, filled from a secret: the file that
        // defines that secret decides what runs or where credentials go, so it must be trusted
        // too (else a stranger's fnox.toml could point your trusted provider at its server).
        let value = value.and_then(|v| {
            let one = toml::Table::from_iter([(
                field.clone(),
                toml::Value::String(v.expose().to_owned()),
            )]);
            match (supplier, crate::trust::provider_risk(name, &provider.kind, &one)) {
                (Some(layer), Some(_)) => config
                    .require_trusted(
                        layer,
                        &format!("set the `{field}` of provider '{name}' (through secret {secret}, which it defines)"),
                    )
                    .map(|()| v),
                _ => Ok(v),
            }
        });
        match value {
            Ok(v) => {
                filled
                    .fields
                    .insert(field, toml::Value::String(v.expose().to_owned()));
            }
            Err(e) if e.code == crate::trust::UNTRUSTED => {
                outcome = Err(e);
                break;
            }
            Err(e) if limits::is_limit(&e) => {
                outcome = Err(e);
                break;
            }
            Err(e) => {
                outcome = Err(e.cause(format!(
                    "needed by field `{field}` of provider '{name}' ({loc})"
                )));
                break;
            }
        }
    }
    BUILDING.with(|b| b.borrow_mut().pop());
    outcome.map(|()| Some(filled))
}
