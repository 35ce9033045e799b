//! `fnox check`

use serde_json::json;

use super::{print_json, Ctx};
use crate::config::model::IfMissing;
use crate::error::{warn, Error, Result};
use crate::resolve::{if_missing_for, resolve_each};

/// Check that every secret of the active profile(s) resolves, without printing any value.
///
/// Each secret is decrypted or fetched as `fnox exec` would. A failure counts when the secret's
/// `if_missing` is `error` (with --all: every failure); then each one is listed and the exit
/// code is 1.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Count every failure, including secrets whose if_missing is warn or ignore
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Print the outcome as JSON on stdout (profiles, total, ok, failed, not_counted); exit code as without
    #[arg(long)]
    pub json: bool,
    /// Also require every value read through a provider to carry a valid integrity tag (an
    /// untagged entry counts as a failure, as with FNOX_INTEGRITY=strict); for CI
    #[arg(long)]
    pub integrity: bool,
    /// Check instead that every stored value of every loaded file (all profiles) carries a
    /// signature by an allowed signer (see --signers). Builds no provider and needs no
    /// decryption key; for CI
    #[arg(long, conflicts_with_all = ["integrity", "all"])]
    pub signatures: bool,
    /// The allowed signers for --signatures: `ssh-ed25519 AAAA… name` lines (or ssh-keygen's
    /// allowed_signers). Keep it outside the repository or on a protected branch [env: FNOX_ALLOWED_SIGNERS]
    #[arg(long, value_name = "FILE", requires = "signatures")]
    pub signers: Option<std::path::PathBuf>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    if args.signatures {
        return signatures(ctx, &args);
    }
    if args.integrity {
        crate::integrity::require_tags();
    }
    let config = ctx.load()?;
    let profiles = config.profiles.join(",");
    let secrets = config.secrets();
    if secrets.is_empty() && !args.json {
        ctx.say(format!("No secrets defined in profiles '{profiles}'"));
        return Ok(0);
    }
    let names: Vec<&str> = secrets.iter().map(|s| s.name).collect();
    let mut results = resolve_each(&config, &names);
    let mut counted: Vec<(String, Error)> = Vec::new();
    let mut optional: Vec<String> = Vec::new();
    for s in &secrets {
        let Some(Err(e)) = results.shift_remove(s.name) else {
            continue;
        };
        let required = if_missing_for(&config, s, ctx.global.if_missing) == IfMissing::Error;
        // A provider that is not configured is a mistake in the config, not a missing value:
        // it counts whatever if_missing says.
        let named = s.secret.sync.as_ref().map(|y| y.provider.as_str());
        let undefined = [s.secret.provider.as_deref(), named]
            .into_iter()
            .flatten()
            .any(|p| config.provider(p).is_none());
        // A refused value (integrity) is never merely missing.
        if args.all || required || undefined || crate::integrity::is_refusal(&e) {
            counted.push((s.name.to_owned(), e));
        } else {
            optional.push(s.name.to_owned());
        }
    }
    if !optional.is_empty() {
        warn(format!(
            "{} not resolved; not required (if_missing is warn or ignore), so not counted; \
             `fnox check --all` counts them",
            optional.join(", ")
        ));
    }
    let total = secrets.len();
    if args.json {
        let failed: Vec<_> = counted
            .iter()
            .map(|(name, e)| json!({ "name": name, "error": e.to_string() }))
            .collect();
        print_json(&json!({
            "profiles": config.profiles,
            "total": total,
            "ok": counted.is_empty(),
            "failed": failed,
            "not_counted": optional,
        }))?;
    }
    if counted.is_empty() && args.json {
        return Ok(0);
    }
    if counted.is_empty() {
        let ok = total - optional.len();
        super::print_text(&format!(
            "✓ {ok} of {total} secret(s) resolve in profile '{profiles}'\n"
        ))?;
        return Ok(0);
    }
    let mut err = Error::new(format!(
        "{} of {total} secret(s) do not resolve in profile '{profiles}'",
        counted.len()
    ));
    for (name, e) in &counted {
        let mut line = format!("{name}: {}", e.message);
        for c in &e.causes {
            line.push_str(&format!(": {c}"));
        }
        err = err.cause(line);
    }
    let hint = counted.iter().find_map(|(_, e)| e.hint.clone());
    Err(err
        .hint(hint.unwrap_or_else(|| "fix the secrets listed, then run `fnox check` again".into())))
}

/// `check --signatures`: every stored value signed by an allowed signer, read from the files
/// alone.
fn signatures(ctx: &Ctx, args: &Args) -> Result<i32> {
    use crate::integrity::sign::{audit, AllowedSigners};
    let cwd = std::env::current_dir().unwrap_or_default();
    let path = match &args.signers {
        Some(p) => cwd.join(p),
        None => match crate::env_vars::non_empty(crate::env_vars::FNOX_ALLOWED_SIGNERS) {
            Some(raw) => crate::env_vars::expand_path(&raw, &cwd),
            None => {
                return Err(Error::usage(
                    "`fnox check --signatures` needs the list of allowed signers",
                )
                .hint("pass --signers FILE or set FNOX_ALLOWED_SIGNERS=FILE: the team's `ssh-ed25519 AAAA… name` lines, kept outside the repository (a list the change under check can edit proves nothing)"))
            }
        },
    };
    let config = ctx.load()?;
    let shown = config.display(&path);
    let signers = AllowedSigners::load(&path, &shown)?;
    let found = audit(&config, &signers);
    if args.json {
        let failed: Vec<_> = found
            .failing
            .iter()
            .map(|f| {
                json!({
                    "file": f.file,
                    "section": f.section,
                    "name": f.name,
                    "code": f.failure.code,
                    "error": f.failure.why,
                })
            })
            .collect();
        print_json(&json!({
            "signers": signers.len(),
            "files": found.files,
            "total": found.checked,
            "ok": found.failing.is_empty(),
            "failed": failed,
        }))?;
    }
    if found.failing.is_empty() {
        if !args.json {
            super::print_text(&format!(
                "✓ {} stored value(s) in {} file(s) are signed by an allowed signer ({} key(s) in {shown})\n",
                found.checked,
                found.files,
                signers.len()
            ))?;
        }
        return Ok(0);
    }
    let mut err = Error::new(format!(
        "{} of {} stored value(s) are not signed by an allowed signer ({shown})",
        found.failing.len(),
        found.checked
    ))
    .code(found.failing[0].failure.code);
    for f in &found.failing {
        err = err.cause(format!(
            "{} ({}): {} [{}]",
            f.place(),
            f.file,
            f.failure.why,
            f.failure.code
        ));
    }
    Err(err.hint(
        "check each listed value (`git log -p` of the file and its .lock); if it is right, an allowed signer writes it again with FNOX_SIGNING_KEY set (`fnox set NAME`); a new team member's key is added to the signers list by whoever guards it",
    ))
}
