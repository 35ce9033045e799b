//! Turns "these secrets of the active profiles" into values: groups provider reads by provider,
//! runs each group as one batch (the groups concurrently), then applies defaults, the process
//! environment and `if_missing`, keeping every failure with its secret's name and location.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use crate::config::load::{Config, SecretEntry};
use crate::config::model::IfMissing;
use crate::env_vars;
use crate::error::{warn, Error, Result};
use crate::provider::{self, BuildContext, ItemResult, Provider, ProviderError};
use crate::reference::{self, Reference, Source};
use crate::secret::SecretValue;

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
    let entries: HashMap<&str, SecretEntry> =
        config.secrets().into_iter().map(|e| (e.name, e)).collect();
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
                let mode = if opts.strict {
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
    let entries: HashMap<&str, SecretEntry> =
        config.secrets().into_iter().map(|e| (e.name, e)).collect();
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
    let entries: HashMap<&str, SecretEntry> =
        config.secrets().into_iter().map(|e| (e.name, e)).collect();
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
    let from_env = |var: &str| {
        let raw = env_vars::non_empty(var)?;
        let parsed = IfMissing::parse(&raw);
        if parsed.is_none() {
            warn(format!(
                "{var}='{raw}' is not error, warn or ignore; ignoring it"
            ));
        }
        parsed
    };
    flag.or_else(|| from_env(env_vars::FNOX_IF_MISSING))
        .or(entry.secret.if_missing)
        .or(config.if_missing())
        .or_else(|| from_env(env_vars::FNOX_IF_MISSING_DEFAULT))
        .unwrap_or(IfMissing::Warn)
}

/// The provider a secret reads from, and the input it gives that provider.
fn provider_input<'a>(
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

/// A `value` with references in it, when its secret has no provider (or a `plain` one): the
/// references are resolved and spliced in instead of asking a provider.
fn template<'a>(config: &Config, entry: &'a SecretEntry) -> Option<&'a str> {
    let value = entry.secret.value.as_deref()?;
    if entry.secret.sync.is_some() || !reference::contains(value) {
        return None;
    }
    let plain = match &entry.secret.provider {
        None => true,
        Some(name) => config
            .provider(name)
            .map_or(name == "plain", |p| p.config.kind == "plain"),
    };
    plain.then_some(value)
}

/// Builds a provider by name from the effective config, with errors that name the secret's context.
pub fn build_provider(config: &Config, name: &str) -> Result<Provider> {
    build_provider_for(config, name, &config.profiles)
}

/// Builds a provider as it is configured with `profiles` active.
pub fn build_provider_for(config: &Config, name: &str, profiles: &[String]) -> Result<Provider> {
    let entry = config.provider_for(name, profiles).ok_or_else(|| {
        let names: Vec<&str> = config
            .providers_for(profiles)
            .iter()
            .map(|p| p.name)
            .collect();
        let mut err = Error::new(format!("provider '{name}' is not defined"));
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
    let ctx = BuildContext {
        name,
        base_dir: config.base_dir(&entry.origin),
        legacy_age_key_file: config.age_key_file(),
    };
    let loc = config.locate("providers", name, &entry.origin);
    let resolved_fields = secret_fields(config, name, &loc, entry.config)?;
    provider::build(&ctx, resolved_fields.as_ref().unwrap_or(entry.config))
        .map_err(|e| provider_error(format!("cannot use provider '{name}' ({loc})"), e))
}

thread_local! {
    /// Providers whose `{ secret = "NAME" }` fields are being resolved: a provider met again is a cycle.
    static BUILDING: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
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
    BUILDING.with(|b| b.borrow_mut().push(name.to_owned()));
    let mut filled = provider.clone();
    let mut outcome = Ok(());
    for (field, secret) in refs {
        let value = if config.secret(&secret).is_some() {
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
        match value {
            Ok(v) => {
                filled
                    .fields
                    .insert(field, toml::Value::String(v.expose().to_owned()));
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

pub fn provider_error(message: String, e: ProviderError) -> Error {
    let mut err = Error::new(message).cause(&e.message);
    err.hint = e.hint;
    err
}

/// What a batch item is read for: a secret, or a `secret://` reference (and the JSON key to
/// select from its value).
enum Item<'a> {
    Secret(&'a str),
    Reference(Reference, Option<String>),
}

/// One provider's batch: its source, the (item, input) pairs, and the provider (or why it could not be built).
type BuiltGroup<'a> = (Source, Vec<(Item<'a>, String)>, Result<Provider>);

/// A copy of an error (the same failure reported for each secret or reference that shares it).
fn copy_error(e: &Error) -> Error {
    Error {
        message: e.message.clone(),
        causes: e.causes.clone(),
        hint: e.hint.clone(),
        exit: e.exit,
    }
}

struct Resolver<'c> {
    config: &'c Config,
    entries: &'c HashMap<&'c str, SecretEntry<'c>>,
    /// By secret name, and by the canonical text of each `secret://` reference.
    provider_results: HashMap<String, Result<SecretValue>>,
    done: HashMap<String, Result<SecretValue>>,
    visiting: HashSet<String>,
}

impl<'c> Resolver<'c> {
    fn new(config: &'c Config, entries: &'c HashMap<&'c str, SecretEntry<'c>>) -> Self {
        Resolver {
            config,
            entries,
            provider_results: HashMap::new(),
            done: HashMap::new(),
            visiting: HashSet::new(),
        }
    }

    /// Reads every provider value that `names` (and the secrets their defaults refer to) need,
    /// one batch per provider, the providers concurrently.
    fn fetch(&mut self, names: &[&str]) {
        self.fetch_with(names, &[]);
    }

    /// `fetch`, plus every `secret://` reference in `extra`, in the secrets' templates and
    /// defaults, de-duplicated, in the same batches; `fnox://` references add their secrets.
    fn fetch_with(&mut self, names: &[&str], extra: &[Reference]) {
        let mut wanted: Vec<&str> = Vec::new();
        let mut stores: Vec<Reference> = Vec::new();
        let mut queue: Vec<&str> = names.to_vec();
        let mut found: Vec<Reference> = extra.to_vec();
        loop {
            for r in found.drain(..) {
                match &r {
                    Reference::Secret { name, .. } => {
                        if let Some((k, _)) = self.entries.get_key_value(name.as_str()) {
                            queue.push(k);
                        }
                    }
                    Reference::Store { .. } if !stores.contains(&r) => stores.push(r),
                    Reference::Store { .. } => {}
                }
            }
            let Some(name) = queue.pop() else { break };
            if wanted.contains(&name) {
                continue;
            }
            let Some(entry) = self.entries.get(name) else {
                continue;
            };
            wanted.push(name);
            if let Some(default) = &entry.secret.default {
                for r in references(default) {
                    if let Some((k, _)) = self.entries.get_key_value(r.as_str()) {
                        queue.push(k);
                    }
                }
            }
            let texts = [
                entry.secret.default.as_deref(),
                template(self.config, entry),
            ];
            for text in texts.into_iter().flatten() {
                found.extend(
                    reference::find(text)
                        .into_iter()
                        .filter_map(|f| f.reference.ok()),
                );
            }
        }
        let mut groups: IndexMap<Source, Vec<(Item, String)>> = IndexMap::new();
        for r in stores {
            let Reference::Store {
                provider,
                path,
                field,
            } = &r
            else {
                continue;
            };
            match reference::target(self.config, provider, path, field.as_deref()) {
                Ok(t) => groups
                    .entry(t.source)
                    .or_default()
                    .push((Item::Reference(r, t.field), t.input)),
                Err(e) => {
                    self.provider_results.insert(r.to_string(), Err(e));
                }
            }
        }
        for name in wanted {
            let entry = &self.entries[name];
            match provider_input(self.config, entry) {
                None => {}
                Some((None, _)) => {
                    let err = Error::new(format!("cannot resolve {name} ({})", self.locate(entry)))
                        .cause("it has a value but no provider, and no default_provider is set")
                        .hint(format!(
                            "add `provider = \"NAME\"` to {name}, or set default_provider"
                        ));
                    self.provider_results.insert(name.to_owned(), Err(err));
                }
                Some((Some(provider), input)) => groups
                    .entry(Source::Named(provider))
                    .or_default()
                    .push((Item::Secret(name), input.to_owned())),
            }
        }
        let mut built: Vec<BuiltGroup> = Vec::new();
        for (source, items) in groups {
            let p = match &source {
                Source::Named(name) => build_provider(self.config, name),
                Source::Default { .. } => source
                    .build_default(self.config)
                    .map_err(|e| provider_error(format!("cannot use {source}"), e)),
            };
            built.push((source, items, p));
        }
        // A spinner on stderr if the batches take a while (remote stores); cleared when dropped.
        let progress = crate::progress::Progress::start("fetching secrets", built.len());
        let results: Vec<Vec<ItemResult>> = std::thread::scope(|scope| {
            let handles: Vec<_> = built
                .iter()
                .map(|(_, items, p)| {
                    let inputs: Vec<&str> = items.iter().map(|(_, v)| v.as_str()).collect();
                    let p = p.as_ref().ok();
                    let progress = &progress;
                    scope.spawn(move || {
                        let r = match p {
                            Some(p) => p.read_batch(&inputs),
                            None => Vec::new(),
                        };
                        progress.inc();
                        r
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        drop(progress);
        for ((source, items, p), res) in built.into_iter().zip(results) {
            match p {
                Err(e) => {
                    for (item, _) in items {
                        let (key, what) = match item {
                            Item::Secret(name) => {
                                let entry = &self.entries[name];
                                (name.to_owned(), format!("{name} ({})", self.locate(entry)))
                            }
                            Item::Reference(r, _) => (r.to_string(), r.to_string()),
                        };
                        let mut err = Error::new(format!("cannot resolve {what}"));
                        err.causes.push(e.message.clone());
                        err.causes.extend(e.causes.iter().cloned());
                        err.hint = e.hint.clone();
                        self.provider_results.insert(key, Err(err));
                    }
                }
                Ok(built) => {
                    let verb = if built.is_cipher() {
                        "decrypt"
                    } else {
                        "fetch"
                    };
                    for ((item, _), r) in items.into_iter().zip(res) {
                        let (key, r) = match item {
                            Item::Secret(name) => {
                                let entry = &self.entries[name];
                                let r = r.map_err(|e| {
                                    provider_error(
                                        format!(
                                            "cannot {verb} {name} ({}, {source})",
                                            self.locate(entry)
                                        ),
                                        e,
                                    )
                                });
                                (name.to_owned(), r)
                            }
                            Item::Reference(reference, field) => {
                                let r = r
                                    .map_err(|e| {
                                        provider_error(
                                            format!("cannot {verb} {reference} ({source})"),
                                            e,
                                        )
                                    })
                                    .and_then(|v| match &field {
                                        Some(f) => reference::select_field(&v, f).map_err(|c| {
                                            Error::new(format!("cannot resolve {reference}"))
                                                .cause(c)
                                        }),
                                        None => Ok(v),
                                    });
                                (reference.to_string(), r)
                            }
                        };
                        self.provider_results.insert(key, r);
                    }
                }
            }
        }
    }

    fn locate(&self, entry: &SecretEntry) -> String {
        let mut loc = self.config.locate("secrets", entry.name, &entry.origin);
        if !self.config.is_default_profile() {
            loc.push_str(&format!(", profile {}", self.config.profiles.join(",")));
        }
        loc
    }

    /// The final value of one secret: provider value, else default, else the environment.
    fn value(&mut self, name: &str) -> Result<SecretValue> {
        // Already worked out (as another secret's `${NAME}` or `fnox://NAME`): its provider
        // result has been taken, so it must not be worked out again.
        match self.done.get(name) {
            Some(Ok(v)) => return Ok(v.clone()),
            Some(Err(e)) => return Err(copy_error(e)),
            None => {}
        }
        let entry = &self.entries[name];
        let stored = match template(self.config, entry) {
            Some(text) => Some(self.expand(name, text, "value")),
            None => self.provider_results.remove(name),
        };
        if let Some(r) = stored {
            match r {
                Ok(v) => {
                    let v = post_process(entry, v).map_err(|cause| {
                        Error::new(format!("cannot resolve {name} ({})", self.locate(entry)))
                            .cause(cause)
                    });
                    self.done.insert(
                        name.to_owned(),
                        v.as_ref().map(Clone::clone).map_err(copy_error),
                    );
                    return v;
                }
                Err(e) if entry.secret.default.is_none() => {
                    self.done.insert(name.to_owned(), Err(copy_error(&e)));
                    return Err(e);
                }
                Err(e) => warn(format!(
                    "{}: {}; using its default instead",
                    e.message,
                    e.causes.join(": ")
                )),
            }
        }
        if let Some(default) = &entry.secret.default {
            let r = self.expand(name, default, "default");
            let r = r.and_then(|v| {
                post_process(entry, v).map_err(|cause| {
                    Error::new(format!("cannot resolve {name} ({})", self.locate(entry)))
                        .cause(cause)
                })
            });
            self.done.insert(
                name.to_owned(),
                r.as_ref().map(Clone::clone).map_err(copy_error),
            );
            return r;
        }
        if let Some(v) = std::env::var_os(name) {
            if let Ok(v) = v.into_string() {
                return Ok(SecretValue::new(v));
            }
        }
        Err(Error::new(format!(
            "secret {name} has no value ({})",
            self.locate(entry)
        ))
        .cause(format!(
            "no provider value, no default, and no {name} in the environment"
        ))
        .hint(format!(
            "set it with `fnox set {name}`, or give it a `default`"
        )))
    }

    /// `interpolate`, guarded against a secret that refers back to itself.
    fn expand(&mut self, owner: &str, template: &str, what: &str) -> Result<SecretValue> {
        if !self.visiting.insert(owner.to_owned()) {
            let entry = &self.entries[owner];
            return Err(
                Error::new(format!("cannot resolve {owner} ({})", self.locate(entry)))
                    .cause(format!(
                        "its {what} refers back to itself through references (a cycle)"
                    ))
                    .hint(format!(
                        "break the cycle in the `{what}` of one of these secrets"
                    )),
            );
        }
        let r = self.interpolate(owner, template, what);
        self.visiting.remove(owner);
        r
    }

    /// Replaces each `secret://` / `fnox://` reference in `owner`'s value or default with its
    /// value, and in a default also `${NAME}` with secret NAME, else environment variable NAME.
    /// Resolved values are never scanned again.
    fn interpolate(&mut self, owner: &str, template: &str, what: &str) -> Result<SecretValue> {
        let mut out = String::with_capacity(template.len());
        let mut last = 0;
        let literal = |s: &mut Self, text: &str, out: &mut String| {
            if what == "default" {
                s.dollar(owner, text, out)
            } else {
                out.push_str(text);
                Ok(())
            }
        };
        for found in reference::find(template) {
            literal(self, &template[last..found.start], &mut out)?;
            last = found.end;
            let fail = |s: &Self| {
                let entry = &s.entries[owner];
                Error::new(format!("cannot resolve {owner} ({})", s.locate(entry)))
            };
            let r = match &found.reference {
                Ok(r) => r,
                Err(why) => {
                    let column = template[..found.start].chars().count() + 1;
                    return Err(fail(self)
                        .cause(format!(
                            "its {what} has a malformed reference at character {column}: {why}"
                        ))
                        .hint("see \"References\" in the README for the grammar; percent-encode other characters"));
                }
            };
            if let Reference::Secret { name, .. } = r {
                if self.visiting.contains(name.as_str()) {
                    return Err(fail(self)
                        .cause(format!(
                            "its {what} refers to {r}, which refers back to {owner} (a cycle)"
                        ))
                        .hint(format!(
                            "break the cycle in the `{what}` of one of these secrets"
                        )));
                }
            }
            match self.reference_value(r) {
                Ok(v) => out.push_str(v.expose()),
                Err(e) if e.causes.iter().any(|c| c.ends_with("(a cycle)")) => return Err(e),
                Err(e) => {
                    let mut err = fail(self).cause(format!(
                        "its {what} refers to {r}, which could not be resolved"
                    ));
                    err.causes.push(e.message);
                    err.causes.extend(e.causes);
                    err.hint = e.hint;
                    return Err(err);
                }
            }
        }
        literal(self, &template[last..], &mut out)?;
        Ok(SecretValue::new(out))
    }

    /// The value of one reference: a `secret://` read from the batches, or a `fnox://` secret.
    fn reference_value(&mut self, r: &Reference) -> Result<SecretValue> {
        let (name, field) = match r {
            Reference::Store { .. } => {
                return match self.provider_results.get(&r.to_string()) {
                    Some(Ok(v)) => Ok(v.clone()),
                    Some(Err(e)) => Err(copy_error(e)),
                    None => Err(Error::new(format!("cannot resolve {r}"))
                        .cause("it was not read (an internal error)")),
                }
            }
            Reference::Secret { name, field } => (name, field),
        };
        if !self.entries.contains_key(name.as_str()) {
            let mut err = Error::new(format!("cannot resolve {r}"))
                .cause(format!("no secret {name} is defined"));
            if let Some(dym) = crate::error::did_you_mean(name, self.entries.keys().copied()) {
                err = err.cause(dym);
            }
            return Err(err.hint("see what is defined with `fnox list`"));
        }
        let v = self.value(name)?;
        match field {
            Some(f) => reference::select_field(&v, f)
                .map_err(|c| Error::new(format!("cannot resolve {r}")).cause(c)),
            None => Ok(v),
        }
    }

    /// Appends `template` to `out` with `${NAME}` replaced (see `interpolate`).
    fn dollar(&mut self, owner: &str, template: &str, out: &mut String) -> Result<()> {
        let mut rest = template;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            match after.find('}') {
                Some(end) if is_var_name(&after[..end]) => {
                    let var = &after[..end];
                    let value = if self.entries.contains_key(var) {
                        if self.visiting.contains(var) {
                            let entry = &self.entries[owner];
                            return Err(Error::new(format!(
                                "cannot resolve {owner} ({})",
                                self.locate(entry)
                            ))
                            .cause(format!(
                                "its default refers to ${{{var}}}, which refers back to {owner} (a cycle)"
                            ))
                            .hint("break the cycle in the `default` values"));
                        }
                        match self.value(var) {
                            Ok(v) => Some(v),
                            // A cycle found deeper down is this secret's cycle too: pass it up as it is.
                            Err(e) if e.causes.iter().any(|c| c.ends_with("(a cycle)")) => {
                                return Err(e)
                            }
                            Err(e) => {
                                let entry = &self.entries[owner];
                                let mut err = Error::new(format!(
                                    "cannot resolve {owner} ({})",
                                    self.locate(entry)
                                ))
                                .cause(format!(
                                    "its default refers to ${{{var}}}, which could not be resolved"
                                ));
                                err.causes.push(e.message);
                                err.causes.extend(e.causes);
                                err.hint = e.hint;
                                return Err(err);
                            }
                        }
                    } else {
                        std::env::var(var).ok().map(SecretValue::new)
                    };
                    match value {
                        Some(v) => out.push_str(v.expose()),
                        None => {
                            let entry = &self.entries[owner];
                            return Err(Error::new(format!(
                                "cannot resolve {owner} ({})",
                                self.locate(entry)
                            ))
                            .cause(format!(
                                "its default refers to ${{{var}}}, which is neither a secret nor set in the environment"
                            ))
                            .hint(format!("define {var} as a secret or in the environment")));
                        }
                    }
                    rest = &after[end + 1..];
                }
                _ => {
                    out.push_str("${");
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        Ok(())
    }
}

fn is_var_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The `${NAME}` references in a default.
fn references(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        match after.find('}') {
            Some(end) if is_var_name(&after[..end]) => {
                out.push(after[..end].to_owned());
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// Applies `json_path` or `line` selection to a value.
fn post_process(entry: &SecretEntry, value: SecretValue) -> Result<SecretValue, String> {
    if let Some(path) = &entry.secret.json_path {
        let json: serde_json::Value = serde_json::from_str(value.expose()).map_err(|e| {
            format!(
                "json_path '{path}': the value is not JSON ({})",
                e.classify_name()
            )
        })?;
        let mut cur = &json;
        for key in split_json_path(path) {
            cur = match cur {
                serde_json::Value::Object(map) => map.get(&key),
                serde_json::Value::Array(items) => {
                    key.parse::<usize>().ok().and_then(|i| items.get(i))
                }
                _ => None,
            }
            .ok_or_else(|| format!("json_path '{path}': no field '{key}' in the value"))?;
        }
        return Ok(SecretValue::new(match cur {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }));
    }
    if let Some(line) = entry.secret.line {
        let text = value.expose();
        return line
            .checked_sub(1)
            .and_then(|i| text.lines().nth(i))
            .map(SecretValue::from)
            .ok_or_else(|| {
                format!(
                    "line {line}: the value has {} line(s)",
                    text.lines().count()
                )
            });
    }
    Ok(value)
}

/// Splits a dot path; `\.` is a literal dot.
fn split_json_path(path: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'.') => {
                parts.last_mut().expect("nonempty").push('.');
                chars.next();
            }
            '.' => parts.push(String::new()),
            c => parts.last_mut().expect("nonempty").push(c),
        }
    }
    parts
}

trait ClassifyName {
    fn classify_name(&self) -> &'static str;
}

impl ClassifyName for serde_json::Error {
    fn classify_name(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "I/O error",
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "unexpected data",
            serde_json::error::Category::Eof => "unexpected end",
        }
    }
}
