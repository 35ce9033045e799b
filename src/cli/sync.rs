//! `fnox sync [KEYS...]`

use std::path::{Path, PathBuf};

use toml_edit::{InlineTable, Value};

use super::{confirm, unknown_secret, Ctx};
use crate::config::edit::{override_fields, Editor, ReadOnly};
use crate::config::load::{same_file, Config, SecretEntry};
use crate::config::Section;
use crate::error::{Error, Result};
use crate::provider::Provider;
use crate::resolve::{build_provider, build_writer, provider_error, read_stored};

/// Copy secrets into fnox.toml, re-encrypted with a local cipher, so they resolve offline.
///
/// Every selected secret whose provider is not the target and that has a provider value (remote
/// stores, aws-kms, vault-transit, another age provider, ...) is read from its provider and
/// encrypted with the target; the ciphertext is written on the entry as
/// `sync = { provider = "…", value = "…" }`, which resolution prefers over the original. Run it
/// again to refresh. Writes go to a file in the current directory (as `set` does; an inherited
/// secret gets a whole override entry there), with --local-file to the local override file beside
/// it (fnox.local.toml, or .fnox.local.toml beside a .fnox.toml; keep it out of git), with -g to
/// the global config. A secret that cannot be read but has a `default` is skipped and counted.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only these secrets (default: every secret with a provider value)
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
    /// Write to the global config file
    #[arg(short = 'g', long)]
    pub global: bool,
    /// Write to the local override file beside the config (fnox.local.toml / .fnox.local.toml)
    #[arg(long, conflicts_with = "global")]
    pub local_file: bool,
    /// Do not ask for confirmation; also writes a read-only config file
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Show what would be synced without fetching or changing anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load()?;
    let profile = ctx.write_profile()?;
    let (mut path, mut section) = config.write_target(args.global, &profile);
    if args.local_file {
        path = local_file_beside(&path, config.explicit.is_some())?;
        section = Section::for_profile(&profile);
    }
    let suffix = if args.local_file {
        " (local-file)"
    } else if args.global {
        " (global)"
    } else {
        ""
    };
    // Encrypted with the target as the written file sees it, under the write profile.
    let scope = config.as_seen_by(&path);
    let profiles = std::slice::from_ref(&profile);
    let target_name = args
        .provider
        .clone()
        .or_else(|| scope.default_provider_for(profiles))
        .ok_or_else(|| {
            Error::new("No target provider specified and no default_provider configured")
                .code("fnox::config::error")
                .hint("pass -p PROVIDER (a cipher such as age), or set default_provider")
        })?;
    let target = build_writer(&scope, &target_name, profiles, "sync secrets")?;
    let Provider::Cipher(cipher) = &target else {
        return Err(Error::new(format!(
            "cannot sync into provider '{target_name}': it is a remote store"
        ))
        .code("fnox::sync::target_unsupported")
        .cause("sync encrypts values into fnox.toml, which needs a cipher (age, plain, aws-kms, vault-transit)")
        .hint("pass --provider with a cipher provider, e.g. --provider age"));
    };
    let filter = super::filter_regex(args.filter.as_deref())?;
    if let Some(source) = &args.source {
        build_provider(&config, source)?;
    }

    let secrets = config.secrets();
    for key in &args.keys {
        if !secrets.iter().any(|s| s.name == key) {
            return Err(unknown_secret(&config, key));
        }
    }
    let mut selected: Vec<(&SecretEntry, String)> = Vec::new();
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
                .hint("sync copies secrets that a provider holds; this one only has a default"))
            }
            _ => continue,
        };
        if source == target_name || args.source.as_ref().is_some_and(|want| *want != source) {
            continue;
        }
        selected.push((s, source));
    }
    if selected.is_empty() {
        ctx.say("No secrets to sync");
        return Ok(0);
    }

    let shown = config.display(&path);
    if args.dry_run {
        let mut out = format!(
            "[dry-run] Would sync {} secrets in profile {profile} to provider {target_name}{suffix}:\n",
            selected.len()
        );
        for (s, source) in &selected {
            out.push_str(&format!(
                "  {} (from {source}) -> {} in {shown}\n",
                s.name,
                section.key_path("secrets", s.name),
            ));
        }
        super::print_text(&out)?;
        return Ok(0);
    }
    if !args.force {
        let mut list = format!(
            "Ready to sync {} secrets to provider '{target_name}'{suffix} in {shown}:",
            selected.len()
        );
        for (s, source) in selected.iter().take(10) {
            list.push_str(&format!("\n  {} (from {source})", s.name));
        }
        if selected.len() > 10 {
            list.push_str(&format!("\n  ... and {} more", selected.len() - 10));
        }
        ctx.say(list);
        if !ctx.may_ask() {
            return Err(Error::usage(
                "sync needs confirmation, and prompts are turned off (--non-interactive / FNOX_NON_INTERACTIVE)",
            )
            .hint("pass --force to sync without asking, or --dry-run to see what would change"));
        }
        if !confirm(ctx, "Continue?")? {
            ctx.say("Sync cancelled");
            return Ok(0);
        }
    }

    // Read everything first: one failure and nothing is written. A secret that cannot be read
    // but has a default is skipped (reads would fall back to the default), and counted.
    let names: Vec<&str> = selected.iter().map(|(s, _)| s.name).collect();
    let fetched = read_stored(&config, &names, false);
    let mut failures: Vec<Error> = Vec::new();
    let mut skipped: Vec<&str> = Vec::new();
    let mut synced: Vec<(&SecretEntry, String)> = Vec::new();
    for (s, _) in &selected {
        match &fetched[s.name] {
            Err(_) if s.secret.default.is_some() => skipped.push(s.name),
            Err(e) => failures.push(e.clone()),
            Ok(v) => match cipher.seal(v.expose()) {
                Ok(ct) => synced.push((s, ct)),
                Err(e) => failures.push(provider_error(
                    format!("cannot encrypt {} with provider '{target_name}'", s.name),
                    e,
                )),
            },
        }
    }
    if let Some(first) = failures.first() {
        if failures.len() == 1 {
            return Err(first.clone().cause("nothing was changed"));
        }
        let message = format!(
            "{} secrets could not be synced; nothing was changed",
            failures.len()
        );
        return Err(Error::batch(message, failures));
    }
    if synced.is_empty() {
        ctx.say(format!(
            "No secrets were synced (all skipped): {} could not be read and fall back to their default",
            skipped.join(", ")
        ));
        return Ok(0);
    }

    let mut editor = Editor::open(&path, ReadOnly::overwrite_if(args.force))?;
    for (s, ct) in &synced {
        let mut sync = InlineTable::new();
        sync.insert("provider", Value::from(target_name.as_str()));
        sync.insert("value", Value::from(ct.as_str()));
        sync.fmt();
        let in_place =
            same_file(&config.layers[s.origin.layer].path, &path) && s.origin.section == section;
        // An entry elsewhere gets a whole override here (a later file replaces the whole entry).
        let mut fields: Vec<(String, Value)> = if in_place {
            Vec::new()
        } else {
            override_fields(&config, s)
        };
        if !in_place && s.secret.provider.is_none() {
            if let Some(p) = source_of(&config, s) {
                fields.insert(0, ("provider".into(), Value::from(p)));
            }
        }
        fields.retain(|(k, _)| k != "sync");
        fields.push(("sync".into(), Value::InlineTable(sync)));
        let fields: Vec<(&str, Value)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        editor.set_secret(&section, s.name, &fields)?;
    }
    // The copies' integrity tags (their values were read, and checked, from their sources).
    let written: Vec<(&Section, &str)> = synced.iter().map(|(s, _)| (&section, s.name)).collect();
    crate::integrity::write::Signer::new(&scope, profiles, &path)
        .tag_written(&mut editor, &written);
    editor.save()?;
    ctx.say(format!(
        "✓ Synced {} secrets to provider '{target_name}'{suffix} in {shown}",
        synced.len()
    ));
    if !skipped.is_empty() {
        ctx.say(format!(
            "Skipped {} secrets (could not resolve; reads fall back to their default): {}",
            skipped.len(),
            skipped.join(", ")
        ));
    }
    Ok(0)
}

/// The local override file beside a config file: `.fnox.local.toml` beside the dot-style files,
/// `fnox.local.toml` beside the others. A `-c` file with another name than fnox.toml /
/// .fnox.toml is refused: a local file beside it would never load.
fn local_file_beside(path: &Path, explicit: bool) -> Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str());
    let loads_local = matches!(name, Some("fnox.toml" | ".fnox.toml"));
    match name.filter(|_| loads_local || !explicit) {
        Some("fnox.toml") => Ok(dir.join("fnox.local.toml")),
        Some(".fnox.toml") => Ok(dir.join(".fnox.local.toml")),
        Some("fnox.local.toml" | ".fnox.local.toml") => Ok(path.to_path_buf()),
        Some(name) if name.starts_with(".fnox.") => Ok(dir.join(".fnox.local.toml")),
        Some(name) if name.starts_with("fnox.") => Ok(dir.join("fnox.local.toml")),
        _ => Err(Error::usage(format!(
            "--local-file requires --config to be 'fnox.toml' or '.fnox.toml'; '{}' would not load the adjacent local override file",
            path.display()
        ))
        .hint("drop --local-file to write the synced copies into that file itself")),
    }
}

/// The provider a secret's `value` is read with (its own, else the default).
fn source_of(config: &Config, s: &SecretEntry) -> Option<String> {
    s.secret
        .provider
        .clone()
        .or_else(|| config.default_provider())
}
