//! `fnox key rotate|retire|status`

use super::{confirm, Ctx};
use crate::error::{Error, Result};
use crate::keys::lifecycle::{self, definitions_of, State};
use crate::keys::{self, retire, rotate};

/// Key lifecycle of the encryption providers (age, aws-kms, cosmian-kms, vault-transit):
/// which key versions seal which values, rotation to a new key, retirement of old ones.
///
/// Covers every value of every profile in every config file loaded from here (-P narrows it).
/// Rotation and retirement are all or nothing: nothing is written unless every value was
/// re-encrypted and checked, and every file is saved at once. Rotating does not revoke what git
/// history holds: to cut someone off, change the secret at its source.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Sub,
}

#[derive(clap::Subcommand, Debug)]
pub enum Sub {
    /// Make a new key current and re-encrypt every value of the provider under it
    ///
    /// age: a new identity replaces this machine's (same file, 0600), its public key replaces the
    /// old one in `recipients`, and the old identity moves to `FILE.retired-TIMESTAMP`, listed in
    /// `retired_key_files`. vault-transit: the key is rotated in Vault and every value rewrapped
    /// there (the plaintext never leaves it). aws-kms, cosmian-kms: `key_id` becomes --key-id (or
    /// a key --create makes) and the old id is listed in `retired_key_ids`.
    Rotate(RotateArgs),
    /// Retire the key versions below VERSION, once no value needs them
    ///
    /// Refuses, listing the values, while any loaded value is still sealed with an older version.
    /// vault-transit: sets the key's min_decryption_version (1 enables every version again).
    /// age: drops the retired identities from `retired_key_files` and deletes their files.
    /// aws-kms, cosmian-kms: drops them from `retired_key_ids` and says which keys may now be
    /// disabled in the KMS (fnox schedules nothing there).
    Retire(RetireArgs),
    /// Show each provider's key versions and which secrets each still seals
    Status(StatusArgs),
}

#[derive(clap::Args, Debug)]
pub struct RotateArgs {
    /// The provider whose key is rotated
    pub provider: String,
    /// aws-kms, cosmian-kms: the new key's id (or ARN / alias)
    #[arg(long, value_name = "ID", conflicts_with = "create")]
    pub key_id: Option<String>,
    /// aws-kms, cosmian-kms: create the new key in the KMS
    #[arg(long)]
    pub create: bool,
    /// List what would change without changing anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Do not ask for confirmation; also writes read-only config files
    #[arg(short = 'f', long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct RetireArgs {
    /// The provider whose old key versions are retired
    pub provider: String,
    /// Retire every version below this one (see `fnox key status`)
    #[arg(long, value_name = "VERSION")]
    pub below: u64,
    /// Say what would be retired without changing anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Do not ask for confirmation; also writes read-only config files
    #[arg(short = 'f', long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct StatusArgs {
    /// Only this provider
    pub provider: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let (config, only) = ctx.load_for_rewrite()?;
    match args.command {
        Sub::Status(a) => status(&config, only.as_deref(), a),
        Sub::Rotate(a) => {
            let plan = rotate::plan(&config, &a.provider, only.as_deref())?;
            if a.dry_run {
                let mut out = format!(
                    "[dry-run] Would rotate the key of provider '{}' ({} definition(s)) and re-encrypt {} value(s):\n",
                    plan.name,
                    plan.defs.len(),
                    plan.candidates.len()
                );
                for d in &plan.defs {
                    out.push_str(&format!("  {}\n", d.location(&config)));
                }
                for (file, profile, n) in plan.counts(&config) {
                    out.push_str(&format!("  {file} (profile {profile}): {n} value(s)\n"));
                }
                super::print_text(&out)?;
                return Ok(0);
            }
            if !ask(
                ctx,
                a.force,
                &format!(
                    "Rotating the key of provider '{}' and re-encrypting {} value(s).",
                    plan.name,
                    plan.candidates.len()
                ),
            )? {
                ctx.say("Rotation cancelled; nothing was changed");
                return Ok(0);
            }
            let new_key = rotate::NewKey {
                key_id: a.key_id,
                create: a.create,
            };
            let counts = plan.counts(&config);
            let done = rotate::rotate(&config, plan, &new_key, a.force)?;
            ctx.say(format!(
                "✓ Rotated provider '{}' to {}: re-encrypted {} value(s) in {} file(s)",
                a.provider,
                done.new_key,
                done.values,
                done.files.len()
            ));
            for (file, profile, n) in counts {
                ctx.say(format!("  {file} (profile {profile}): {n}"));
            }
            for note in done.notes {
                ctx.say(format!("  note: {note}"));
            }
            ctx.say(
                "  note: rotation does not revoke what git history holds: anyone who could read the old values still can; change them at their source to cut access",
            );
            Ok(0)
        }
        Sub::Retire(a) => {
            let plan = rotate::plan(&config, &a.provider, only.as_deref())?;
            let retirements = retire::prepare(&config, &plan, a.below)?;
            let what: Vec<String> = retirements
                .iter()
                .filter(|r| !r.versions.is_empty() || plan.family == lifecycle::Family::Transit)
                .map(|r| {
                    let v: Vec<String> = r.versions.iter().map(|v| format!("v{v}")).collect();
                    format!(
                        "  {}: {}\n",
                        r.def.location(&config),
                        if v.is_empty() {
                            format!("min_decryption_version = {}", a.below)
                        } else {
                            v.join(", ")
                        }
                    )
                })
                .collect();
            if what.is_empty() {
                ctx.say(format!(
                    "Nothing to retire: provider '{}' has no retired key below version {}",
                    a.provider, a.below
                ));
                return Ok(0);
            }
            if a.dry_run {
                super::print_text(&format!(
                    "[dry-run] Would retire (no value needs them):\n{}",
                    what.concat()
                ))?;
                return Ok(0);
            }
            if !ask(
                ctx,
                a.force,
                &format!(
                    "Retiring (no value needs them):\n{}",
                    what.concat().trim_end()
                ),
            )? {
                ctx.say("Retirement cancelled; nothing was changed");
                return Ok(0);
            }
            let notes = retire::retire(&config, &plan, a.below, retirements, a.force)?;
            ctx.say(format!(
                "✓ Retired the key versions below {} of provider '{}'",
                a.below, a.provider
            ));
            for note in notes {
                ctx.say(format!("  note: {note}"));
            }
            Ok(0)
        }
    }
}

/// The confirmation every changing subcommand asks (or --force skips).
fn ask(ctx: &Ctx, force: bool, what: &str) -> Result<bool> {
    if force {
        return Ok(true);
    }
    ctx.say(what);
    if !ctx.may_ask() {
        return Err(Error::usage(
            "this needs confirmation, and prompts are turned off (--non-interactive / FNOX_NON_INTERACTIVE)",
        )
        .hint("pass --force to go ahead without asking, or --dry-run to see what would change"));
    }
    confirm(ctx, "Continue?")
}

fn status(
    config: &crate::config::Config,
    only: Option<&[String]>,
    args: StatusArgs,
) -> Result<i32> {
    let mut defs = match &args.provider {
        Some(name) => lifecycle::named(config, name)?.0,
        None => lifecycle::definitions(config, None),
    };
    defs.retain(|d| d.family().is_some());
    let candidates = keys::enumerate(config, only);
    let uses = definitions_of(config, &defs, &candidates);
    let mut all = Vec::new();
    for (i, d) in defs.iter().enumerate() {
        let values: Vec<&keys::Candidate> = candidates
            .iter()
            .zip(&uses)
            .filter(|(_, u)| **u == Some(i))
            .map(|(c, _)| c)
            .collect();
        all.push(lifecycle::status(config, d, &values)?);
    }
    if args.json {
        super::print_json(&serde_json::json!({ "providers": all }))?;
        return Ok(0);
    }
    if all.is_empty() {
        super::print_text(&format!(
            "No providers whose keys fnox manages ({})\n",
            lifecycle::MANAGED
        ))?;
        return Ok(0);
    }
    let mut out = String::new();
    for s in &all {
        out.push_str(&format!("{} ({}), {}\n", s.provider, s.kind, s.defined_in));
        for v in &s.versions {
            let state = match v.state {
                State::Current => "current",
                State::Retired => "retired",
                State::Disabled => "disabled",
            };
            let loc = v
                .location
                .as_ref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            out.push_str(&format!(
                "  v{} {state:<8} {}{loc}: {} secret(s)\n",
                v.version,
                v.key,
                v.secrets.len()
            ));
            if v.state != State::Current {
                for u in &v.secrets {
                    out.push_str(&format!("      {u}\n"));
                }
            }
        }
        for (u, key) in &s.other {
            let why = key.as_deref().unwrap_or("its key cannot be told");
            out.push_str(&format!("  other: {u}: {why}\n"));
        }
    }
    super::print_text(&out)?;
    Ok(0)
}
