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
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
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
