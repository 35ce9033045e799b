//! Re-encryption and the key lifecycle: every encrypted value of every profile in every loaded
//! file, re-encrypted (or rewrapped) in memory, checked, and written all or nothing together with
//! the provider settings that changed. `fnox reencrypt` and `fnox key` are thin commands over it.

pub mod age;
pub mod lifecycle;
pub mod retire;
pub mod rotate;

use std::collections::HashMap;
use std::path::PathBuf;

use indexmap::IndexMap;
use toml_edit::Value;

use crate::config::edit::{ReadOnly, Transaction};
use crate::config::load::{Config, Section, DEFAULT_PROFILE};
use crate::config::{self, LoadOptions};
use crate::error::{warn, Error, Result};
use crate::integrity::write::Signer;
use crate::provider::{ErrorKind, ItemResult, Provider};
use crate::secret::SecretValue;

/// One encrypted value, where it is written, and the profile its provider is looked up in.
pub struct Candidate {
    pub layer: usize,
    pub section: Section,
    pub name: String,
    pub provider: String,
    pub value: String,
    pub context: Vec<String>,
}

/// Values re-encrypted together: one provider, in one profile context, in one file.
pub type GroupKey = (String, Vec<String>, usize);

impl Candidate {
    pub fn group(&self) -> GroupKey {
        (self.provider.clone(), self.context.clone(), self.layer)
    }

    pub fn location(&self, config: &Config) -> String {
        format!(
            "{} in {}",
            self.section.key_path("secrets", &self.name),
            config.display(&config.layers[self.layer].path)
        )
    }
}

/// The files candidates are written in, sorted, each once.
pub fn files_of(config: &Config, candidates: &[Candidate]) -> Vec<PathBuf> {
    let mut f: Vec<PathBuf> = candidates
        .iter()
        .map(|c| config.layers[c.layer].path.clone())
        .collect();
    f.sort();
    f.dedup();
    f
}

/// The files a rewrite touches: those holding the candidates and those whose providers it edits.
pub fn touched(config: &Config, candidates: &[Candidate], edits: &[ProviderEdit]) -> Vec<PathBuf> {
    let mut files = files_of(config, candidates);
    files.extend(edits.iter().map(|e| e.path.clone()));
    files.sort();
    files.dedup();
    files
}

/// Each candidate group's provider, as the file holding the values sees it.
pub fn build_providers(
    config: &Config,
    candidates: &[Candidate],
) -> Result<IndexMap<GroupKey, Provider>> {
    let mut providers: IndexMap<GroupKey, Provider> = IndexMap::new();
    for c in candidates {
        let key = c.group();
        if providers.contains_key(&key) {
            continue;
        }
        let scope = config.as_seen_by(&config.layers[c.layer].path);
        let p = crate::resolve::build_provider_for(&scope, &c.provider, &c.context)
            .map_err(|e| e.cause(format!("needed by {}", c.location(config))))?;
        providers.insert(key, p);
    }
    Ok(providers)
}

/// A check of new ciphertexts: decrypts them with what must be able to read them.
pub type CheckFn<'a> = &'a (dyn Fn(&[&str]) -> Vec<ItemResult> + Sync);

/// The cipher a file's integrity MAC key is sealed with, by (layer, profile context): the
/// provider's name and the provider with its new settings.
pub type Signing = HashMap<(usize, Vec<String>), (String, Provider)>;

/// How the new ciphertexts are made and checked.
#[derive(Default)]
pub struct Recipe<'a> {
    /// The cipher each group's values move to (`--to`, a rotated key); absent: the group's own.
    pub targets: IndexMap<GroupKey, Provider>,
    /// Let a cipher rewrap inside its backend (Transit) instead of decrypting here.
    pub rewrap: bool,
    /// What the new ciphertexts must decrypt with before anything is written (the new age
    /// identity); absent: the target cipher as configured.
    pub check: Option<CheckFn<'a>>,
}

/// Decrypts (or rewraps) and re-encrypts every candidate in memory; any failure aborts with all of them listed.
pub fn reencrypt_all(
    config: &Config,
    candidates: &[Candidate],
    providers: &IndexMap<GroupKey, Provider>,
    recipe: &Recipe,
) -> Result<Vec<String>> {
    let mut out: Vec<Option<String>> = vec![None; candidates.len()];
    let mut failures: Vec<String> = Vec::new();
    let mut hint = None;
    let mut unreadable: Vec<String> = Vec::new();

    for (key, provider) in providers {
        let idx: Vec<usize> = (0..candidates.len())
            .filter(|&i| candidates[i].group() == *key)
            .collect();
        if idx.is_empty() {
            continue;
        }
        let inputs: Vec<&str> = idx.iter().map(|&i| candidates[i].value.as_str()).collect();
        let Provider::Cipher(cipher) = provider else {
            continue;
        };
        let target = match recipe.targets.get(key) {
            Some(Provider::Cipher(t)) => t.as_ref(),
            _ => cipher.as_ref(),
        };
        if recipe.rewrap {
            if let Some(rewrapped) = target.rewrap_batch(&inputs) {
                for (&i, r) in idx.iter().zip(rewrapped) {
                    match r {
                        Ok(v) => out[i] = Some(v),
                        Err(e) => {
                            hint = hint.or(e.hint.clone());
                            failures.push(format!(
                                "{}: {}",
                                candidates[i].location(config),
                                e.message
                            ));
                        }
                    }
                }
                continue;
            }
        }
        let plain = cipher.decrypt_batch(&inputs);
        let mut fresh: Vec<(usize, SecretValue, String)> = Vec::new();
        for (&i, p) in idx.iter().zip(plain) {
            let encrypted = p.and_then(|v| target.seal(v.expose()).map(|c| (v, c)));
            match encrypted {
                Ok((v, c)) => fresh.push((i, v, c)),
                Err(e) => {
                    hint = hint.or(e.hint.clone());
                    failures.push(format!("{}: {}", candidates[i].location(config), e.message));
                }
            }
        }
        // Check that someone here can still read the new values: the silent lock-out.
        let check_inputs: Vec<&str> = fresh.iter().map(|(_, _, c)| c.as_str()).collect();
        let checked = match recipe.check {
            Some(check) => check(&check_inputs),
            None => target.decrypt_batch(&check_inputs),
        };
        for ((i, plain, cipher_text), check) in fresh.iter().zip(checked) {
            match check {
                Ok(v) if v == *plain => {}
                Err(e) if e.kind == ErrorKind::NoIdentity && recipe.check.is_none() => {
                    unreadable.push(candidates[*i].name.clone())
                }
                Ok(_) => failures.push(format!(
                    "{}: the new ciphertext did not decrypt to the same value",
                    candidates[*i].location(config)
                )),
                Err(e) => failures.push(format!(
                    "{}: the new ciphertext could not be checked: {}",
                    candidates[*i].location(config),
                    e.message
                )),
            }
            out[*i] = Some(cipher_text.clone());
        }
    }
    if !failures.is_empty() {
        let mut err = Error::new(format!(
            "cannot re-encrypt {} of {} secret(s); nothing was changed",
            failures.len(),
            candidates.len()
        ));
        for f in failures {
            err = err.cause(f);
        }
        err.hint = hint.or(Some(
            "fix the values listed (or narrow the run with KEYS / --filter) and run it again"
                .into(),
        ));
        return Err(err);
    }
    if !unreadable.is_empty() {
        warn(format!(
            "NOBODY ON THIS MACHINE can decrypt the new values of {}: none of your identities is among the recipients. \
             Make sure each recipient's owner really has their key before you commit this.",
            unreadable.join(", ")
        ));
    }
    Ok(out
        .into_iter()
        .map(|v| v.expect("every candidate was handled"))
        .collect())
}

/// A provider table to rewrite in the same save as the values: `[providers.NAME]` of `section`
/// in the file at `path`, with these fields set (None removes the field).
pub struct ProviderEdit {
    pub path: PathBuf,
    pub section: Section,
    pub name: String,
    pub fields: Vec<(String, Option<Value>)>,
}

/// Writes the new values (and any provider edits) into their files, all or nothing: every file
/// is opened (locked, parsed) before any is written and all are saved at once, with integrity
/// tags checked against the old values and made for the new ones. `to`: the values' new
/// provider name. `signing`: the cipher each group's new MAC key is sealed with, when it is not
/// the provider as the file now says (a rotated key the file will name once saved).
#[allow(clippy::too_many_arguments)]
pub fn write_all(
    config: &Config,
    candidates: &[Candidate],
    providers: &IndexMap<GroupKey, Provider>,
    new_values: Vec<String>,
    to: Option<&str>,
    force: bool,
    edits: &[ProviderEdit],
    signing: Signing,
) -> Result<()> {
    let mut tx = Transaction::new();
    for path in &touched(config, candidates, edits) {
        tx.open(path, ReadOnly::overwrite_if(force))?;
    }
    for e in edits {
        let editor = tx.get_mut(&e.path).expect("opened above");
        editor.set_provider_fields(&e.section, &e.name, &e.fields)?;
    }
    // Each file's view of the providers, for the new values' integrity tags.
    let mut scopes: HashMap<(usize, Vec<String>), Config> = HashMap::new();
    for c in candidates {
        scopes
            .entry((c.layer, c.context.clone()))
            .or_insert_with(|| config.as_seen_by(&config.layers[c.layer].path));
    }
    let signers: HashMap<&(usize, Vec<String>), Signer> = scopes
        .iter()
        .map(|(k, scope)| (k, Signer::new(scope, &k.1, &config.layers[k.0].path)))
        .collect();
    for (k, (name, provider)) in signing {
        if let Some(signer) = signers.get(&k) {
            signer.use_provider(&name, provider);
        }
    }
    let mut forged: Vec<String> = Vec::new();
    for (c, value) in candidates.iter().zip(new_values) {
        let editor = tx
            .get_mut(&config.layers[c.layer].path)
            .expect("opened above");
        let mut fields = vec![("value", Value::from(value.as_str()))];
        if let Some(to) = to {
            fields.insert(0, ("provider", Value::from(to)));
        }
        editor.set_secret(&c.section, &c.name, &fields)?;
        // The new value's integrity tag, by the provider that sealed it, as its file sees it;
        // a value whose old tag does not verify is not re-encrypted into a valid one.
        let Some(Provider::Cipher(old_cipher)) = providers.get(&c.group()) else {
            continue;
        };
        if let Err(why) = signers[&(c.layer, c.context.clone())].retag(
            editor,
            &c.section,
            &c.name,
            (&c.provider, old_cipher.as_ref(), &c.value),
            to.unwrap_or(&c.provider),
            &value,
        ) {
            forged.push(format!("{}: {why}", c.location(config)));
        }
    }
    // The file's other entries tagged with a replaced key move to the new one.
    for ((layer, _), signer) in &signers {
        if let Some(editor) = tx.get_mut(&config.layers[*layer].path) {
            signer.finish(editor);
        }
    }
    if !forged.is_empty() {
        let mut err = Error::new(format!(
            "cannot re-encrypt {} secret(s): their values are refused; nothing was changed",
            forged.len()
        ))
        .code(crate::integrity::MISMATCH);
        for f in forged {
            err = err.cause(f);
        }
        return Err(err.hint(
            "check those values (`git log -p` of the file and its .lock); write the right ones with `fnox set NAME`, then run reencrypt again",
        ));
    }
    tx.commit()?;
    Ok(())
}

/// The secrets of one section of a file, as read.
type SecretTable = IndexMap<String, toml::Spanned<config::model::SecretConfig>>;

/// Every value with a provider, in every section of every loaded file, with the profile its
/// provider resolves in. `only`: restrict to the top level and these profiles.
pub fn enumerate(config: &Config, only: Option<&[String]>) -> Vec<Candidate> {
    let default = vec![DEFAULT_PROFILE.to_owned()];
    let mut out = Vec::new();
    for (i, layer) in config.layers.iter().enumerate() {
        let mut sections: Vec<(Section, Vec<String>, &SecretTable)> = Vec::new();
        let top_context = layer
            .profile
            .clone()
            .map(|p| vec![p])
            .unwrap_or_else(|| default.clone());
        sections.push((Section::Top, top_context, &layer.file.secrets));
        for (p, pc) in &layer.file.profiles {
            sections.push((Section::Profile(p.clone()), vec![p.clone()], &pc.secrets));
        }
        for (section, context, secrets) in sections {
            if let Some(only) = only {
                if context[0] != DEFAULT_PROFILE && !only.contains(&context[0]) {
                    continue;
                }
            }
            for (name, secret) in secrets {
                let secret = secret.get_ref();
                let (Some(value), None) = (&secret.value, &secret.sync) else {
                    continue;
                };
                let Some(provider) = secret
                    .provider
                    .clone()
                    .or_else(|| config.default_provider_for(&context))
                else {
                    continue;
                };
                out.push(Candidate {
                    layer: i,
                    section: section.clone(),
                    name: name.clone(),
                    provider,
                    value: value.clone(),
                    context: context.clone(),
                });
            }
        }
    }
    out
}

/// The config with every profile's files loaded (profiles named in any file, and every
/// fnox.PROFILE.toml beside the files found), from `first`, the config as loaded for `cwd`.
pub fn load_every_profile(cwd: &std::path::Path, first: Config) -> Result<Config> {
    let mut profiles = vec![DEFAULT_PROFILE.to_owned()];
    profiles.extend(first.defined_profiles());
    for dir in &first.searched {
        profiles.extend(config::load::profile_files_in(dir));
    }
    let mut seen = std::collections::HashSet::new();
    profiles.retain(|p| seen.insert(p.clone()));
    config::load(
        cwd,
        LoadOptions {
            explicit: first.explicit.clone(),
            profiles,
            no_defaults: false,
            allow_none: false,
            for_write: false,
            trusted_only: false,
            only: None,
        },
    )
}
