//! Turns "these secrets of the active profiles" into values: groups provider reads by provider,
//! runs each group as one batch (the groups concurrently), then applies defaults, the process
//! environment and `if_missing`, keeping every failure with its secret's name and location.

mod identity;
mod limits;
mod providers;
mod resolver;
mod values;

use indexmap::IndexMap;

use crate::config::load::{Config, SecretEntry};
use crate::config::model::IfMissing;
use crate::env_vars;
use crate::error::{warn, Error, Result};
use crate::provider::ProviderError;
use crate::reference::Reference;
use crate::secret::SecretValue;

pub use providers::{
    build_provider, build_provider_for, build_provider_with, build_writer, require_trusted_target,
    test_provider,
};

use resolver::{Entries, Resolver};

#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions {
    /// `--if-missing` from the command line.
    pub if_missing: Option<IfMissing>,
    /// Every failure is an error whatever `if_missing` says (`get`).
    pub strict: bool,
}

/// One secret that could not be resolved.
pub struct Failure {
    pub name: String,
    pub error: Error,
}

/// Resolves `names` (which must be defined) in the given order. Failures follow `if_missing`:
/// `error` aborts after listing every failure, `warn` prints them and leaves the secret out,
/// `ignore` leaves it out silently.
pub fn resolve(
    config: &Config,
    names: &[&str],
    opts: ResolveOptions,
) -> Result<IndexMap<String, SecretValue>> {
    resolve_with_references(config, names, &[], opts).map(|(values, _)| values)
}

/// The secrets' values by name, and the outcome of each reference in input order.
pub type Resolved = (IndexMap<String, SecretValue>, Vec<Result<SecretValue>>);

/// `resolve`, plus the values of `references` (as `reference::find` parsed them) in input
/// order, read in the same batches: every `secret://` reference of the run de-duplicated, one
/// batch per provider, the providers concurrently. A reference that cannot be resolved is an
/// error in its place, whatever `if_missing` says.
pub fn resolve_with_references(
    config: &Config,
    names: &[&str],
    references: &[Reference],
    opts: ResolveOptions,
) -> Result<Resolved> {
    let entries: Entries = config.secrets().into_iter().map(|e| (e.name, e)).collect();
    let mut resolver = Resolver::new(config, &entries);
    resolver.fetch_with(names, references);
    let mut values = IndexMap::new();
    let mut fatal: Vec<Failure> = Vec::new();
    for name in names {
        match resolver.value(name) {
            Ok(v) => {
                values.insert((*name).to_owned(), v);
            }
            Err(error) => {
                let entry = &entries[name];
                // A refusal for want of trust is never a missing value to skip quietly.
                let mode = if opts.strict
                    || error.code == crate::trust::UNTRUSTED
                    || crate::integrity::is_refusal(&error)
                {
                    IfMissing::Error
                } else {
                    if_missing_for(config, entry, opts.if_missing)
                };
                match mode {
                    IfMissing::Error => fatal.push(Failure {
                        name: (*name).to_owned(),
                        error,
                    }),
                    IfMissing::Warn => {
                        warn(format!(
                            "{} (left out; if_missing = \"warn\")",
                            error.one_line()
                        ));
                    }
                    IfMissing::Ignore => {}
                }
            }
        }
    }
    match fatal.len() {
        0 => {
            let refs = references
                .iter()
                .map(|r| resolver.reference_value(r))
                .collect();
            Ok((values, refs))
        }
        1 => Err(fatal.pop().expect("one failure").error),
        n => {
            let named = fatal.into_iter().map(|f| {
                let mut e = f.error;
                e.message = format!("{}: {}", f.name, e.message);
                e
            });
            Err(Error::batch(
                format!("{n} secrets could not be resolved"),
                named,
            ))
        }
    }
}

/// Resolves `names` (which must be defined) and returns each one's own outcome, whatever
/// `if_missing` says: for commands that judge failures themselves (`check`, `scan`).
pub fn resolve_each(config: &Config, names: &[&str]) -> IndexMap<String, Result<SecretValue>> {
    let entries: Entries = config.secrets().into_iter().map(|e| (e.name, e)).collect();
    let mut resolver = Resolver::new(config, &entries);
    resolver.fetch(names);
    names
        .iter()
        .map(|name| ((*name).to_owned(), resolver.value(name)))
        .collect()
}

/// The value each secret's provider holds, as stored: no default, environment, `json_path` or
/// `line`. With `use_sync` a synced copy is read where there is one (`edit`); without, the
/// original provider is asked (`sync`). Secrets without a provider value are left out.
pub fn read_stored(
    config: &Config,
    names: &[&str],
    use_sync: bool,
) -> IndexMap<String, Result<SecretValue>> {
    let _epoch = crate::deadline::Epoch::start();
    let entries: Entries = config.secrets().into_iter().map(|e| (e.name, e)).collect();
    let mut groups: IndexMap<Option<String>, Vec<(&str, &str)>> = IndexMap::new();
    for name in names {
        let Some(entry) = entries.get(name) else {
            continue;
        };
        let input = match (&entry.secret.sync, &entry.secret.value) {
            (Some(sync), _) if use_sync => Some((Some(sync.provider.clone()), sync.value.as_str())),
            (_, Some(value)) => Some((
                entry
                    .secret
                    .provider
                    .clone()
                    .or_else(|| config.default_provider()),
                value.as_str(),
            )),
            _ => None,
        };
        if let Some((provider, input)) = input {
            groups.entry(provider).or_default().push((name, input));
        }
    }
    let mut out = IndexMap::new();
    for (provider, items) in groups {
        let Some(provider) = provider else {
            for (name, _) in items {
                let loc = config.locate("secrets", name, &entries[name].origin);
                out.insert(
                    name.to_owned(),
                    Err(Error::new(format!("cannot read {name} ({loc})"))
                        .cause("it has a value but no provider, and no default_provider is set")
                        .hint(format!(
                            "add `provider = \"NAME\"` to {name}, or set default_provider"
                        ))),
                );
            }
            continue;
        };
        match build_provider(config, &provider) {
            Err(e) => {
                for (name, _) in items {
                    let mut err = Error::new(format!("cannot read {name}"));
                    err.causes.push(e.message.clone());
                    err.causes.extend(e.causes.iter().cloned());
                    err.hint = e.hint.clone();
                    out.insert(name.to_owned(), Err(err));
                }
            }
            Ok(built) => {
                let inputs: Vec<&str> = items.iter().map(|(_, v)| *v).collect();
                let verb = if built.is_cipher() {
                    "decrypt"
                } else {
                    "fetch"
                };
                for ((name, _), r) in items.iter().zip(built.read_batch(&inputs)) {
                    let loc = config.locate("secrets", name, &entries[name].origin);
                    out.insert(
                        (*name).to_owned(),
                        r.map_err(|e| {
                            provider_error(
                                format!("cannot {verb} {name} ({loc}, provider '{provider}')"),
                                e,
                            )
                        }),
                    );
                }
            }
        }
    }
    // Input order, as every batch call promises.
    let mut ordered = IndexMap::new();
    for name in names {
        if let Some(r) = out.shift_remove(*name) {
            ordered.insert((*name).to_owned(), r);
        }
    }
    ordered
}

/// The `if_missing` in force for one secret: flag > FNOX_IF_MISSING > the secret's >
/// the file's > FNOX_IF_MISSING_DEFAULT > warn.
pub fn if_missing_for(config: &Config, entry: &SecretEntry, flag: Option<IfMissing>) -> IfMissing {
    explicit_if_missing_for(config, entry, flag)
        .or_else(|| if_missing_env(env_vars::FNOX_IF_MISSING_DEFAULT))
        .unwrap_or(IfMissing::Warn)
}

/// The `if_missing` someone chose for this secret (flag, FNOX_IF_MISSING, the secret's own, its
/// file's), or None when only a default applies.
pub fn explicit_if_missing_for(
    config: &Config,
    entry: &SecretEntry,
    flag: Option<IfMissing>,
) -> Option<IfMissing> {
    let file = config.layers[entry.origin.layer].file.if_missing;
    flag.or_else(|| if_missing_env(env_vars::FNOX_IF_MISSING))
        .or(entry.secret.if_missing)
        .or(file)
        .or(config.if_missing())
}

fn if_missing_env(var: &str) -> Option<IfMissing> {
    let raw = env_vars::non_empty(var)?;
    let parsed = IfMissing::parse(&raw);
    if parsed.is_none() {
        warn(format!(
            "{var}='{raw}' is not error, warn or ignore; ignoring it"
        ));
    }
    parsed
}

/// Upstream's code for a provider that needs itself (`Circular dependency detected ...`).
pub const CONFIG_CYCLE: &str = "fnox::provider::config_cycle";

/// The kind of provider failure a code stands for (`provider_error`'s mapping read back);
/// `Config` for codes of configuration errors and any other.
pub(super) fn kind_of(code: &str) -> crate::provider::ErrorKind {
    use crate::provider::ErrorKind;
    match code {
        "fnox::provider::secret_not_found" => ErrorKind::NotFound,
        "fnox::provider::auth_failed" => ErrorKind::AccessDenied,
        "fnox::provider::api_error" => ErrorKind::Unreachable,
        "fnox::encryption::decrypt_failed" => ErrorKind::BadCiphertext,
        "fnox::encryption::age::identity_not_found" => ErrorKind::NoIdentity,
        "fnox::provider::not_implemented" => ErrorKind::Unsupported,
        "fnox::provider::error" => ErrorKind::Other,
        CONFIG_CYCLE => ErrorKind::Cycle,
        crate::trust::UNTRUSTED => ErrorKind::Untrusted,
        "fnox::provider::not_configured" => ErrorKind::NotConfigured,
        crate::deadline::TIMEOUT => ErrorKind::TimedOut,
        _ => ErrorKind::Config,
    }
}

pub fn provider_error(message: String, e: ProviderError) -> Error {
    use crate::provider::ErrorKind;
    let code = match e.kind {
        ErrorKind::NotFound => "fnox::provider::secret_not_found",
        ErrorKind::AccessDenied => "fnox::provider::auth_failed",
        ErrorKind::Unreachable => "fnox::provider::api_error",
        ErrorKind::BadCiphertext => "fnox::encryption::decrypt_failed",
        ErrorKind::NoIdentity => "fnox::encryption::age::identity_not_found",
        ErrorKind::Config => "fnox::provider::invalid_config",
        ErrorKind::Unsupported => "fnox::provider::not_implemented",
        ErrorKind::Cycle => CONFIG_CYCLE,
        ErrorKind::Untrusted => crate::trust::UNTRUSTED,
        ErrorKind::NotConfigured => "fnox::provider::not_configured",
        ErrorKind::TimedOut => crate::deadline::TIMEOUT,
        ErrorKind::Other => "fnox::provider::error",
    };
    let mut err = Error::new(message).code(code).cause(&e.message);
    err.hint = e.hint;
    err
}
