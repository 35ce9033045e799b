//! The resolver behind `resolve` and friends: collects every provider read a run needs (secrets,
//! the secrets their defaults and templates refer to, `secret://` references), reads them one batch
//! per provider with the providers concurrently, then works out each secret's final value from its
//! provider result, template, default or the environment, catching reference cycles.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use indexmap::IndexMap;

use crate::config::load::{Config, SecretEntry};
use crate::error::{warn, Error, Result};
use crate::provider::{ItemResult, Provider};
use crate::reference::{self, Reference, Source};
use crate::secret::SecretValue;

mod integrity;

use super::limits::{self, Link};
use super::provider_error;
use super::providers::{build_provider, provider_input};
use super::values::{is_var_name, post_process, references, template};

/// What a batch item is read for: a secret, or a `secret://` reference (and the JSON key to
/// select from its value).
enum Item<'a> {
    Secret(&'a str),
    Reference(Reference, Option<String>),
    /// The MAC key of a layer's sidecar, for the integrity check of the secrets it tags.
    MacKey(usize, String),
}

/// The secrets of a run by name.
pub(super) type Entries<'c> = HashMap<&'c str, SecretEntry<'c>>;

/// One provider's batch: its source, the (item, input) pairs, and the provider (or why it could not be built).
type BuiltGroup<'a> = (Source, Vec<(Item<'a>, String)>, Result<Provider>);

pub(super) struct Resolver<'c> {
    config: &'c Config,
    entries: &'c Entries<'c>,
    /// By secret name, and by the canonical text of each `secret://` reference.
    provider_results: HashMap<String, Result<SecretValue>>,
    done: HashMap<String, Result<SecretValue>>,
    visiting: HashSet<String>,
    /// Bytes interpolation has built so far (bounded by `limits::MAX_TOTAL_BYTES`).
    built: usize,
    /// The integrity check of every value read through a provider.
    checks: crate::integrity::verify::Checks,
}

impl<'c> Resolver<'c> {
    pub(super) fn new(config: &'c Config, entries: &'c Entries<'c>) -> Self {
        Resolver {
            config,
            entries,
            provider_results: HashMap::default(),
            done: HashMap::default(),
            visiting: HashSet::default(),
            built: 0,
            checks: crate::integrity::verify::Checks::new(crate::integrity::tags_required()),
        }
    }

    /// Reads every provider value that `names` (and the secrets their defaults refer to) need,
    /// one batch per provider, the providers concurrently.
    pub(super) fn fetch(&mut self, names: &[&str]) {
        self.fetch_with(names, &[]);
    }

    /// `fetch`, plus every `secret://` reference in `extra`, in the secrets' templates and
    /// defaults, de-duplicated, in the same batches; `fnox://` references add their secrets.
    pub(super) fn fetch_with(&mut self, names: &[&str], extra: &[Reference]) {
        // Every read below (and those building the providers needs) shares one deadline.
        let _epoch = crate::deadline::Epoch::start();
        let mut wanted: Vec<&str> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::default();
        let mut stores: Vec<Reference> = Vec::new();
        // The files whose secrets use each reference (none for those in `extra`: the user's own).
        let mut used_by: HashMap<Reference, Vec<usize>> = HashMap::default();
        let mut queue: Vec<&str> = names.to_vec();
        let mut found: Vec<(Reference, Option<usize>)> =
            extra.iter().map(|r| (r.clone(), None)).collect();
        loop {
            for (r, layer) in found.drain(..) {
                if let (Reference::Store { .. }, Some(layer)) = (&r, layer) {
                    let layers = used_by.entry(r.clone()).or_default();
                    if !layers.contains(&layer) {
                        layers.push(layer);
                    }
                }
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
            if seen.contains(name) {
                continue;
            }
            let Some(entry) = self.entries.get(name) else {
                continue;
            };
            seen.insert(name);
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
                        .filter_map(|f| f.reference.ok())
                        .map(|r| (r, Some(entry.origin.layer))),
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
            let target =
                reference::target(self.config, provider, path, field.as_deref()).and_then(|t| {
                    // A reference that names the address its provider type sends credentials to
                    // (secret://cosmian-kms/HOST/...) is such an address only its file names.
                    for layer in used_by.get(&r).into_iter().flatten() {
                        if let Some(what) = t.source.risk() {
                            self.config.require_trusted(*layer, &what)?;
                        }
                    }
                    Ok(t)
                });
            match target {
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
        self.add_integrity_keys(&mut built);
        // A spinner on stderr if the batches take a while (remote stores); cleared when dropped.
        let progress = crate::progress::Progress::start("fetching secrets", built.len());
        let config = self.config;
        let entries = self.entries;
        let daemon = crate::daemon::in_use(config);
        let read = |(source, items, p): &BuiltGroup| {
            let inputs: Vec<&str> = items.iter().map(|(_, v)| v.as_str()).collect();
            let r = match p {
                // Only a provider that could be built (trusted, configured) is asked of the cache.
                #[cfg(unix)]
                Ok(p) if daemon => {
                    let cacheable = cacheable(config, entries, source, items);
                    let source = format!("{source:?}");
                    crate::daemon::client::cached_read(config, &source, &cacheable, &inputs, |i| {
                        p.read_batch(i)
                    })
                }
                Ok(p) => p.read_batch(&inputs),
                Err(_) => Vec::new(),
            };
            progress.inc();
            r
        };
        // One provider (the usual `get`): no thread to start. Several: each on its own thread.
        let results: Vec<Vec<ItemResult>> = if built.len() <= 1 {
            built.iter().map(read).collect()
        } else {
            // Each thread carries on this one's chains of references and providers being built,
            // so that a cycle or a chain too long is still caught there (an age identity read
            // while a provider's `{ secret = ... }` field resolves on another thread).
            let chains = (limits::snapshot(), super::providers::building());
            std::thread::scope(|scope| {
                let handles: Vec<_> = built
                    .iter()
                    .map(|group| {
                        let chains = chains.clone();
                        scope.spawn(move || {
                            limits::adopt(chains.0);
                            super::providers::adopt_building(chains.1);
                            read(group)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_default())
                    .collect()
            })
        };
        drop(progress);
        for ((source, items, p), res) in built.into_iter().zip(results) {
            match p {
                Err(e) => {
                    for (item, _) in items {
                        if limits::is_limit(&e) {
                            let key = match item {
                                Item::Secret(name) => name.to_owned(),
                                Item::Reference(r, _) => r.to_string(),
                                Item::MacKey(layer, provider) => {
                                    self.checks.key_result(
                                        layer,
                                        &provider,
                                        Err(e.message.clone()),
                                    );
                                    continue;
                                }
                            };
                            self.provider_results.insert(key, Err(e.clone()));
                            continue;
                        }
                        let (key, what) = match item {
                            Item::Secret(name) => {
                                let entry = &self.entries[name];
                                (name.to_owned(), format!("{name} ({})", self.locate(entry)))
                            }
                            Item::Reference(r, _) => (r.to_string(), r.to_string()),
                            Item::MacKey(layer, provider) => {
                                self.checks
                                    .key_result(layer, &provider, Err(e.message.clone()));
                                continue;
                            }
                        };
                        let mut err = Error::new(format!("cannot resolve {what}")).code(e.code);
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
                            Item::MacKey(layer, provider) => {
                                let r = r
                                    .as_ref()
                                    .map(|v| v.expose())
                                    .map_err(|e| e.message.clone());
                                self.checks.key_result(layer, &provider, r);
                                continue;
                            }
                        };
                        self.provider_results.insert(key, r);
                    }
                }
            }
        }
        self.apply_integrity();
    }

    /// `json_path` / `line` could not select from a value.
    fn selection_error(&self, entry: &SecretEntry, cause: impl std::fmt::Display) -> Error {
        Error::new(format!(
            "cannot resolve {} ({})",
            entry.name,
            self.locate(entry)
        ))
        .code("fnox::secret::decode_failed")
        .cause(cause)
    }

    fn locate(&self, entry: &SecretEntry) -> String {
        let mut loc = self.config.locate("secrets", entry.name, &entry.origin);
        if !self.config.is_default_profile() {
            loc.push_str(&format!(", profile {}", self.config.profiles.join(",")));
        }
        loc
    }

    /// The final value of one secret: provider value, else default, else the environment.
    pub(super) fn value(&mut self, name: &str) -> Result<SecretValue> {
        // Already worked out (as another secret's `${NAME}` or `fnox://NAME`): its provider
        // result has been taken, so it must not be worked out again.
        match self.done.get(name) {
            Some(Ok(v)) => return Ok(v.clone()),
            Some(Err(e)) => return Err(e.clone()),
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
                    let v = post_process(entry, v).map_err(|c| self.selection_error(entry, c));
                    self.done.insert(name.to_owned(), v.clone());
                    return v;
                }
                // A refused value is never replaced by the default.
                Err(e) if entry.secret.default.is_none() || crate::integrity::is_refusal(&e) => {
                    self.done.insert(name.to_owned(), Err(e.clone()));
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
            let r =
                r.and_then(|v| post_process(entry, v).map_err(|c| self.selection_error(entry, c)));
            self.done.insert(name.to_owned(), r.clone());
            return r;
        }
        if let Some(v) = std::env::var_os(name) {
            if let Ok(v) = v.into_string() {
                // json_path / line select from the environment's value too, as from any source.
                return post_process(entry, SecretValue::new(v)).map_err(|c| {
                    self.selection_error(
                        entry,
                        format!("from the environment variable {name}: {c}"),
                    )
                });
            }
        }
        Err(Error::new(format!(
            "Secret '{name}' not found and no default provided ({})",
            self.locate(entry)
        ))
        .code("fnox::secret::no_value")
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
        let r = limits::enter(self.config, Link::Secret(owner.to_owned()))
            .and_then(|_entered| self.interpolate(owner, template, what));
        self.visiting.remove(owner);
        let v = r?;
        self.built += v.expose().len();
        if self.built > limits::MAX_TOTAL_BYTES {
            return Err(limits::too_large(self.config, owner, what, true));
        }
        Ok(v)
    }

    /// A value being built may not pass `limits::MAX_VALUE_BYTES`.
    fn bounded(&self, owner: &str, what: &str, out: &str) -> Result<()> {
        if out.len() > limits::MAX_VALUE_BYTES {
            return Err(limits::too_large(self.config, owner, what, false));
        }
        Ok(())
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
                Ok(v) => {
                    out.push_str(v.expose());
                    self.bounded(owner, what, &out)?;
                }
                Err(e) if limits::is_limit(&e) => return Err(e),
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
    pub(super) fn reference_value(&mut self, r: &Reference) -> Result<SecretValue> {
        let (name, field) = match r {
            Reference::Store { .. } => {
                return match self.provider_results.get(&r.to_string()) {
                    Some(Ok(v)) => Ok(v.clone()),
                    Some(Err(e)) => Err(e.clone()),
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
                            // A cycle found deeper down is this secret's cycle too: pass it up as
                            // it is, as the limits' errors, which name the whole chain.
                            Err(e)
                                if limits::is_limit(&e)
                                    || e.causes.iter().any(|c| c.ends_with("(a cycle)")) =>
                            {
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
                        Some(v) => {
                            out.push_str(v.expose());
                            self.bounded(owner, "default", out)?;
                        }
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

/// Which items of a batch the daemon may keep: not a secret or provider with
/// `daemon_cache = false`.
fn cacheable(
    config: &Config,
    entries: &Entries,
    source: &Source,
    items: &[(Item, String)],
) -> Vec<bool> {
    let provider_ok = match source {
        Source::Named(name) => crate::daemon::provider_cacheable(config, name),
        Source::Default { .. } => true,
    };
    items
        .iter()
        .map(|(item, _)| {
            provider_ok
                && match item {
                    Item::Secret(name) => {
                        entries.get(name).and_then(|e| e.secret.daemon_cache) != Some(false)
                    }
                    // The MAC key the integrity check needs, read through the same provider.
                    Item::Reference(..) | Item::MacKey(..) => true,
                }
        })
        .collect()
}
