//! `fnox reencrypt [KEYS...]`

use indexmap::IndexMap;

use super::{confirm, Ctx};
use crate::error::{Error, Result};
use crate::keys::{self, GroupKey, Recipe};
use crate::provider::Provider;
use crate::resolve::{build_provider_for, require_trusted_target};

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

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let (config, only_profiles) = ctx.load_for_rewrite()?;
    let mut candidates = keys::enumerate(&config, only_profiles.as_deref());

    if let Some(p) = &args.provider {
        candidates.retain(|c| &c.provider == p);
    }
    if let Some(re) = super::filter_regex(args.filter.as_deref())? {
        candidates.retain(|c| re.is_match(&c.name));
    }
    // Only cipher providers hold values fnox can re-encrypt. Each value is re-encrypted with the
    // provider as the file that holds it sees it (a later file's redefinition is not its readers').
    let providers = keys::build_providers(&config, &candidates)?;
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

    let files = keys::files_of(&config, &candidates);
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
    let recipe = Recipe {
        targets: build_targets(&config, &providers, args.to.as_deref())?,
        rewrap: args.to.is_none(),
        check: None,
    };
    let new_values = keys::reencrypt_all(&config, &candidates, &providers, &recipe)?;

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

    keys::write_all(
        &config,
        &candidates,
        &providers,
        new_values,
        args.to.as_deref(),
        args.force,
        &[],
        Default::default(),
    )?;
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

/// `--to`: each group's target cipher, as the file holding the values defines it.
fn build_targets(
    config: &crate::config::load::Config,
    providers: &IndexMap<GroupKey, Provider>,
    to: Option<&str>,
) -> Result<IndexMap<GroupKey, Provider>> {
    let mut targets = IndexMap::new();
    let Some(target_name) = to else {
        return Ok(targets);
    };
    for (name, context, layer) in providers.keys() {
        let scope = config.as_seen_by(&config.layers[*layer].path);
        let t = build_provider_for(&scope, target_name, context)?;
        if !t.is_cipher() {
            return Err(Error::usage(format!(
                "--to {target_name}: it is not an encryption provider"
            ))
            .hint(
                "move values to a provider that keeps ciphertext in fnox.toml (age, aws-kms, ...)",
            ));
        }
        targets.insert((name.clone(), context.clone(), *layer), t);
    }
    Ok(targets)
}
