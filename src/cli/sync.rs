//! `fnox sync [KEYS...]`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml_edit::{InlineTable, Value};

use super::{confirm, print_data, unknown_secret, Ctx};
use crate::config::edit::Editor;
use crate::config::load::{Config, SecretEntry};
use crate::config::Section;
use crate::error::{Error, Result};
use crate::provider::Provider;
use crate::resolve::{build_provider, provider_error, read_stored};

/// Copy secrets from remote stores into fnox.toml, encrypted with a local cipher, so they
/// resolve offline.
///
/// Each selected secret whose provider is a remote store (aws-sm, vault, password-store, ...)
/// is fetched and encrypted with the target provider; the ciphertext is written on the entry as
/// `sync = { provider = "…", value = "…" }`, which resolution prefers over the remote. Run it
/// again to refresh. With --local-file the copy goes to fnox.local.toml beside the file that
/// defines the secret (keep that file out of git).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only these secrets (default: every secret from a remote store)
    #[arg(value_name = "KEYS")]
    pub keys: Vec<String>,
    /// The cipher to encrypt with (default: default_provider)
    #[arg(short = 'p', long)]
    pub provider: Option<String>,
    /// Only secrets from this provider
    #[arg(short = 's', long, value_name = "PROVIDER")]
    pub source: Option<String>,
    /// Only secrets whose name matches this regular expression
    #[arg(long, value_name = "REGEX")]
    pub filter: Option<String>,
    /// Write to fnox.local.toml beside the defining file instead of the defining file
    #[arg(long)]
    pub local_file: bool,
    /// Do not ask for confirmation (required when stdin is not a terminal)
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Show what would be synced without fetching or changing anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load()?;
    let target_name = args
        .provider
        .clone()
        .or_else(|| config.default_provider())
        .ok_or_else(|| {
            Error::usage("no provider to encrypt the synced values with")
                .hint("pass --provider NAME (a cipher such as age), or set default_provider")
        })?;
    let target = build_provider(&config, &target_name)?;
    let Provider::Cipher(cipher) = &target else {
        return Err(Error::usage(format!(
            "cannot sync into provider '{target_name}': it is a remote store"
        ))
        .cause("sync encrypts values into fnox.toml, which needs a cipher (age, plain, aws-kms, vault-transit)")
        .hint("pass --provider with a cipher provider, e.g. --provider age"));
    };
    let filter = args
        .filter
        .as_deref()
        .map(regex::Regex::new)
        .transpose()
        .map_err(|e| Error::usage("invalid --filter regular expression").cause(e))?;
    if let Some(source) = &args.source {
        build_provider(&config, source)?;
    }

    let secrets = config.secrets();
    for key in &args.keys {
        if !secrets.iter().any(|s| s.name == key) {
            return Err(unknown_secret(&config, key));
        }
    }
    let mut kinds: BTreeMap<String, bool> = BTreeMap::new();
    let mut selected: Vec<&SecretEntry> = Vec::new();
    for s in &secrets {
        let named = args.keys.iter().any(|k| k == s.name);
        if !args.keys.is_empty() && !named {
            continue;
        }
        if filter.as_ref().is_some_and(|re| !re.is_match(s.name)) {
            continue;
        }
        let source = match (&s.secret.value, source_of(&config, s)) {
            (Some(_), Some(p)) => p,
            _ if named => {
                return Err(Error::usage(format!(
                    "cannot sync {}: it has no provider value",
                    s.name
                ))
                .hint("sync copies secrets that live in a remote store"))
            }
            _ => continue,
        };
        if args.source.as_ref().is_some_and(|want| *want != source) {
            continue;
        }
        let remote = match kinds.get(&source) {
            Some(remote) => *remote,
            None => {
                let remote = !build_provider(&config, &source)?.is_cipher();
                kinds.insert(source.clone(), remote);
                remote
            }
        };
        if !remote {
            if named {
                return Err(Error::usage(format!(
                    "cannot sync {}: provider '{source}' already keeps it encrypted in fnox.toml",
                    s.name
                ))
                .hint("sync copies secrets that live in a remote store"));
            }
            continue;
        }
        selected.push(s);
    }
    if selected.is_empty() {
        ctx.say("No secrets to sync");
        return Ok(0);
    }

    let mut plan: Vec<(&SecretEntry, PathBuf, Section)> = Vec::new();
    for s in &selected {
        let (path, section) = destination(&config, s, args.local_file);
        plan.push((s, path, section));
    }
    if args.dry_run {
        let mut out = format!(
            "[dry-run] Would sync {} secret(s) into provider '{target_name}':\n",
            plan.len()
        );
        for (s, path, section) in &plan {
            out.push_str(&format!(
                "  {} (from {}) -> {} in {}\n",
                s.name,
                source_of(&config, s).unwrap_or_default(),
                section.key_path("secrets", s.name),
                config.display(path)
            ));
        }
        print_data(&out)?;
        return Ok(0);
    }
    if !args.force {
        ctx.say(format!(
            "Syncing {} secret(s) into provider '{target_name}'.",
            plan.len()
        ));
        if !ctx.interactive() {
            return Err(Error::usage(
                "sync needs confirmation, and there is no terminal to ask on",
            )
            .hint("pass --force to sync without asking, or --dry-run to see what would change"));
        }
        if !confirm(ctx, "Continue?")? {
            ctx.say("Cancelled; nothing was changed");
            return Ok(0);
        }
    }

    // Fetch everything first: one failure and nothing is written.
    let names: Vec<&str> = plan.iter().map(|(s, _, _)| s.name).collect();
    let fetched = read_stored(&config, &names, false);
    let mut failures: Vec<Error> = Vec::new();
    let mut encrypted: Vec<String> = Vec::new();
    for name in &names {
        match &fetched[*name] {
            Err(e) => failures.push(Error {
                message: e.message.clone(),
                causes: e.causes.clone(),
                hint: e.hint.clone(),
                exit: e.exit,
            }),
            Ok(v) => match cipher.encrypt(v.expose()) {
                Ok(ct) => encrypted.push(ct),
                Err(e) => failures.push(provider_error(
                    format!("cannot encrypt {name} with provider '{target_name}'"),
                    e,
                )),
            },
        }
    }
    if let Some(first) = failures.first() {
        if failures.len() == 1 {
            let mut err = Error::new(first.message.clone());
            err.causes = first.causes.clone();
            err.hint = first.hint.clone();
            return Err(err.cause("nothing was changed"));
        }
        let message = format!(
            "{} secrets could not be synced; nothing was changed",
            failures.len()
        );
        return Err(Error::batch(message, failures));
    }

    let mut editors: BTreeMap<PathBuf, Editor> = BTreeMap::new();
    for (_, path, _) in &plan {
        if !editors.contains_key(path) {
            editors.insert(path.clone(), Editor::open(path)?);
        }
    }
    for ((s, path, section), ct) in plan.iter().zip(encrypted) {
        let mut sync = InlineTable::new();
        sync.insert("provider", Value::from(target_name.as_str()));
        sync.insert("value", Value::from(ct));
        sync.fmt();
        let mut fields: Vec<(&str, Value)> = Vec::new();
        if args.local_file {
            // A local entry replaces the whole entry, so it carries the original fields too.
            fields = entry_fields(&config, s);
        }
        fields.push(("sync", Value::InlineTable(sync)));
        let editor = editors.get_mut(path).expect("opened above");
        editor.set_secret(section, s.name, &fields)?;
    }
    let files: Vec<String> = editors.keys().map(|p| config.display(p)).collect();
    for (_, editor) in editors {
        editor.save()?;
    }
    ctx.say(format!(
        "✓ Synced {} secret(s) into provider '{target_name}' in {}",
        plan.len(),
        files.join(", ")
    ));
    Ok(0)
}

/// The provider a secret's `value` is read with (its own, else the default).
fn source_of(config: &Config, s: &SecretEntry) -> Option<String> {
    s.secret
        .provider
        .clone()
        .or_else(|| config.default_provider())
}

/// Where the synced copy is written: the entry itself, or with --local-file the
/// fnox.local.toml beside the defining file (a profile file's entries go under its profile).
fn destination(config: &Config, s: &SecretEntry, local: bool) -> (PathBuf, Section) {
    let layer = &config.layers[s.origin.layer];
    if !local {
        return (layer.path.clone(), s.origin.section.clone());
    }
    let dir = layer.path.parent().unwrap_or(Path::new("."));
    let path = if !dir.join("fnox.local.toml").exists() && dir.join(".fnox.local.toml").exists() {
        dir.join(".fnox.local.toml")
    } else {
        dir.join("fnox.local.toml")
    };
    let section = match &layer.profile {
        Some(p) => Section::Profile(p.clone()),
        None => s.origin.section.clone(),
    };
    (path, section)
}

/// The fields of an entry as fnox.toml has them, for a copy in another file.
fn entry_fields(config: &Config, s: &SecretEntry) -> Vec<(&'static str, Value)> {
    let c = s.secret;
    let mut fields: Vec<(&'static str, Value)> = Vec::new();
    if let Some(p) = source_of(config, s) {
        fields.push(("provider", Value::from(p)));
    }
    if let Some(v) = &c.value {
        fields.push(("value", Value::from(v.as_str())));
    }
    if let Some(v) = &c.json_path {
        fields.push(("json_path", Value::from(v.as_str())));
    }
    if let Some(v) = c.line {
        fields.push(("line", Value::from(v as i64)));
    }
    if let Some(v) = &c.description {
        fields.push(("description", Value::from(v.as_str())));
    }
    if let Some(v) = &c.default {
        fields.push(("default", Value::from(v.as_str())));
    }
    if let Some(v) = c.if_missing {
        fields.push(("if_missing", Value::from(v.as_str())));
    }
    if let Some(v) = c.env {
        use crate::config::model::EnvMode;
        fields.push((
            "env",
            match v {
                EnvMode::All => Value::from(true),
                EnvMode::ExecOnly => Value::from("exec"),
                EnvMode::Never => Value::from(false),
            },
        ));
    }
    if let Some(v) = c.as_file {
        fields.push(("as_file", Value::from(v)));
    }
    fields
}
