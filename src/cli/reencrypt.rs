//! `fnox reencrypt [KEYS...]`

use std::collections::HashMap;
use std::path::PathBuf;

use indexmap::IndexMap;
use toml_edit::Value;

use super::{confirm, Ctx};
use crate::config::edit::{ReadOnly, Transaction};
use crate::config::load::{Config, Section, DEFAULT_PROFILE};
use crate::config::{self, LoadOptions};
use crate::env_vars;
use crate::error::{warn, Error, Result};
use crate::integrity::write::Signer;
use crate::provider::{ErrorKind, Provider};
use crate::resolve::{build_provider_for, require_trusted_target};
use crate::secret::SecretValue;

/// Re-encrypt values under the providers' current settings: after adding or removing an age
/// recipient, changing a KMS key_id, or to move values to another provider (--to).
///
/// Covers every encrypted value of every profile in every config file loaded from here
/// (parent directories, profile and local files, imports); -P, --provider, --filter and KEYS
/// narrow it. Everything is decrypted and re-encrypted in memory first: if any value fails,
/// nothing is written. The files are then saved all or nothing (every new file is written and
/// synced before any replaces its original), keeping comments and layout.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only these secrets
    pub keys: Vec<String>,
    /// Only values of this provider
    #[arg(short = 'p', long)]
    pub provider: Option<String>,
    /// Move the values to this encryption provider (it must exist where each value is defined)
    #[arg(long, value_name = "PROVIDER")]
    pub to: Option<String>,
    /// Only secrets whose name matches this regular expression
    #[arg(long, value_name = "REGEX")]
    pub filter: Option<String>,
    /// Do not ask for confirmation (without a terminal the answer is read from stdin); also writes
    /// read-only config files
    #[arg(short = 'f', long)]
    pub force: bool,
    /// List what would be re-encrypted without changing anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

/// One encrypted value, where it is written, and the profile its provider is looked up in.
struct Candidate {
    layer: usize,
    section: Section,
    name: String,
    provider: String,
    value: String,
    context: Vec<String>,
}

/// Values re-encrypted together: one provider, in one profile context, in one file.
type GroupKey = (String, Vec<String>, usize);

impl Candidate {
    fn group(&self) -> GroupKey {
        (self.provider.clone(), self.context.clone(), self.layer)
    }

    fn location(&self, config: &Config) -> String {
        format!(
            "{} in {}",
            self.section.key_path("secrets", &self.name),
            config.display(&config.layers[self.layer].path)
        )
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let narrowed =
        !ctx.global.profiles.is_empty() || env_vars::non_empty(env_vars::FNOX_PROFILE).is_some();
    let config = if narrowed {
        ctx.load()?
    } else {
        load_every_profile(ctx)?
    };
    let only_profiles = narrowed.then(|| config.profiles.clone());
    let mut candidates = enumerate(&config, only_profiles.as_deref());

    if let Some(p) = &args.provider {
        candidates.retain(|c| &c.provider == p);
    }
    if let Some(re) = super::filter_regex(args.filter.as_deref())? {
        candidates.retain(|c| re.is_match(&c.name));
    }
    // Only cipher providers hold values fnox can re-encrypt. Each value is re-encrypted with the
    // provider as the file that holds it sees it (a later file's redefinition is not its readers').
    let mut providers: IndexMap<GroupKey, Provider> = IndexMap::new();
    let mut build_errors = Vec::new();
    for c in &candidates {
        let key = c.group();
        if providers.contains_key(&key) {
            continue;
        }
        let scope = config.as_seen_by(&config.layers[c.layer].path);
        match build_provider_for(&scope, &c.provider, &c.context) {
            Ok(p) => {
                providers.insert(key, p);
            }
            Err(e) => build_errors.push(e.cause(format!("needed by {}", c.location(&config)))),
        }
    }
    if let Some(e) = build_errors.into_iter().next() {
        return Err(e);
    }
    candidates.retain(|c| providers[&c.group()].is_cipher());
    if !args.keys.is_empty() {
        for key in &args.keys {
            if !candidates.iter().any(|c| &c.name == key) {
                return Err(
                    Error::usage(format!("{key} has no encrypted value to re-encrypt")).hint(
                        "name secrets whose provider encrypts (age, aws-kms, ...); see `fnox list`",
                    ),
                );
            }
        }
        candidates.retain(|c| args.keys.contains(&c.name));
    }
    if candidates.is_empty() {
        ctx.say("No secrets to re-encrypt");
        return Ok(0);
    }

    let files: Vec<PathBuf> = {
        let mut f: Vec<PathBuf> = candidates
            .iter()
            .map(|c| config.layers[c.layer].path.clone())
            .collect();
        f.dedup();
        f.sort();
        f.dedup();
        f
    };
    if args.dry_run {
        let mut out = format!(
            "[dry-run] Would re-encrypt {} secret(s):\n",
            candidates.len()
        );
        for c in &candidates {
            let target = args.to.as_deref().unwrap_or(&c.provider);
            out.push_str(&format!(
                "  {}  ({} -> {target})\n",
                c.location(&config),
                c.provider
            ));
        }
        super::print_text(&out)?;
        return Ok(0);
    }

    // What the new ciphertexts are encrypted to is decided by the file defining the target.
    for key in providers.keys() {
        let (name, context, layer) = key;
        let target = args.to.as_deref().unwrap_or(name);
        let scope = config.as_seen_by(&config.layers[*layer].path);
        require_trusted_target(&scope, target, context, "re-encrypt values")?;
    }
    let new_values = reencrypt_all(&config, &candidates, &providers, args.to.as_deref())?;

    if !args.force {
        ctx.say(format!(
            "Re-encrypting {} secret(s) in {} file(s).",
            candidates.len(),
            files.len()
        ));
        if !ctx.may_ask() {
            return Err(Error::usage(
                "reencrypt needs confirmation, and prompts are turned off (--non-interactive / FNOX_NON_INTERACTIVE)",
            )
            .hint(
                "pass --force to re-encrypt without asking, or --dry-run to see what would change",
            ));
        }
        if !confirm(ctx, "Continue?")? {
            ctx.say("Re-encryption cancelled; nothing was changed");
            return Ok(0);
        }
    }

    // Every file is opened (locked and parsed) before any is written, and all are saved at once.
    let mut tx = Transaction::new();
    for path in &files {
        tx.open(path, ReadOnly::overwrite_if(args.force))?;
    }
    // Each file's view of the providers, for the new values' integrity tags.
    let mut scopes: HashMap<(usize, Vec<String>), Config> = HashMap::new();
    for c in &candidates {
        scopes
            .entry((c.layer, c.context.clone()))
            .or_insert_with(|| config.as_seen_by(&config.layers[c.layer].path));
    }
    let signers: HashMap<&(usize, Vec<String>), Signer> = scopes
        .iter()
        .map(|(k, scope)| (k, Signer::new(scope, &k.1, &config.layers[k.0].path)))
        .collect();
    let mut forged: Vec<String> = Vec::new();
    for (c, value) in candidates.iter().zip(new_values) {
        let editor = tx
            .get_mut(&config.layers[c.layer].path)
            .expect("opened above");
        let mut fields = vec![("value", Value::from(value.as_str()))];
        if let Some(to) = &args.to {
            fields.insert(0, ("provider", Value::from(to.as_str())));
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
            args.to.as_deref().unwrap_or(&c.provider),
            &value,
        ) {
            forged.push(format!("{}: {why}", c.location(&config)));
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
    ctx.say(format!(
        "✓ Re-encrypted {} secret(s) in {} file(s) (every value gets a fresh ciphertext)",
        candidates.len(),
        files.len()
    ));
    ctx.say(
        "  note: anyone who could read the old values can still read them in version control history; \
         after removing someone's key, change those secrets at their source to truly revoke access",
    );
    Ok(0)
}

/// Decrypts (or rewraps) and re-encrypts every candidate in memory; any failure aborts with all of them listed.
fn reencrypt_all(
    config: &Config,
    candidates: &[Candidate],
    providers: &IndexMap<GroupKey, Provider>,
    to: Option<&str>,
) -> Result<Vec<String>> {
    let mut out: Vec<Option<String>> = vec![None; candidates.len()];
    let mut failures: Vec<String> = Vec::new();
    let mut hint = None;
    let mut unreadable: Vec<String> = Vec::new();
    let mut targets: IndexMap<GroupKey, Provider> = IndexMap::new();

    for (key, provider) in providers {
        let (name, context, layer) = key;
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
        if to.is_none() {
            if let Some(rewrapped) = cipher.rewrap_batch(&inputs) {
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
        let target_name = to.unwrap_or(name);
        let target_key = (target_name.to_owned(), context.clone(), *layer);
        if to.is_some() && !targets.contains_key(&target_key) {
            let scope = config.as_seen_by(&config.layers[*layer].path);
            let t = build_provider_for(&scope, target_name, context)?;
            if !t.is_cipher() {
                return Err(Error::usage(format!("--to {target_name}: it is not an encryption provider"))
                    .hint("move values to a provider that keeps ciphertext in fnox.toml (age, aws-kms, ...)"));
            }
            targets.insert(target_key.clone(), t);
        }
        let target = match targets.get(&target_key) {
            Some(Provider::Cipher(t)) => t.as_ref(),
            _ => cipher.as_ref(),
        };
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
        for ((i, plain, cipher_text), check) in
            fresh.iter().zip(target.decrypt_batch(&check_inputs))
        {
            match check {
                Ok(v) if v == *plain => {}
                Err(e) if e.kind == ErrorKind::NoIdentity => {
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

/// The secrets of one section of a file, as read.
type SecretTable = IndexMap<String, toml::Spanned<config::model::SecretConfig>>;

/// Every value with a provider, in every section of every loaded file, with the profile its
/// provider resolves in. `only`: restrict to the top level and these profiles.
fn enumerate(config: &Config, only: Option<&[String]>) -> Vec<Candidate> {
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
/// fnox.PROFILE.toml beside the files found).
fn load_every_profile(ctx: &Ctx) -> Result<Config> {
    let first = ctx.load()?;
    let mut profiles = vec![DEFAULT_PROFILE.to_owned()];
    profiles.extend(first.defined_profiles());
    for dir in &first.searched {
        profiles.extend(config::load::profile_files_in(dir));
    }
    let mut seen = std::collections::HashSet::new();
    profiles.retain(|p| seen.insert(p.clone()));
    config::load(
        &ctx.cwd,
        LoadOptions {
            explicit: first.explicit.clone(),
            profiles,
            no_defaults: false,
            allow_none: false,
            for_write: false,
            trusted_only: false,
        },
    )
}
