//! `fnox ci-redact` (hidden)

use super::{print_data, Ctx};
use crate::env_vars;
use crate::error::{Error, Result};
use crate::resolve::resolve;

/// Tell the CI to mask every resolved secret value in its logs.
///
/// In GitHub Actions this prints one `::add-mask::VALUE` workflow command per value (one per
/// line of a multi-line value) on stdout, which the runner reads and never shows. Run it as an
/// early step: `fnox ci-redact`. This is the one command besides get/export/exec that prints
/// values, and it refuses to run outside a CI that consumes them.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<i32> {
    if env_vars::non_empty(env_vars::GITHUB_ACTIONS).as_deref() != Some("true") {
        return Err(not_supported());
    }
    let config = ctx.load()?;
    let secrets = config.secrets();
    let names: Vec<&str> = secrets.iter().map(|s| s.name).collect();
    let values = resolve(&config, &names, ctx.resolve_options())?;
    let mut out = zeroize::Zeroizing::new(String::new());
    let mut masked = 0;
    for value in values.values() {
        for line in value.expose().split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            // Workflow command data is unescaped by the runner: %25 → %, %0D → CR, %0A → LF.
            out.push_str("::add-mask::");
            out.push_str(&line.replace('%', "%25").replace('\r', "%0D"));
            out.push('\n');
            masked += 1;
        }
    }
    print_data(&out)?;
    ctx.verbose(format!(
        "asked GitHub Actions to mask {masked} value(s) of {} secret(s)",
        values.len()
    ));
    Ok(0)
}

fn not_supported() -> Error {
    if env_vars::non_empty(env_vars::GITLAB_CI).is_some() {
        return Error::new("GitLab CI cannot mask a value at runtime")
            .cause("GitLab masks only CI/CD variables declared as masked in the project settings; a job has no command to add one")
            .hint("declare the secrets as masked CI/CD variables (Settings > CI/CD > Variables), or keep values out of job logs");
    }
    let in_ci = env_vars::non_empty(env_vars::CI).is_some();
    let err = Error::new("not running in a supported CI");
    let err = if in_ci {
        err.cause("CI is set, but GITHUB_ACTIONS is not \"true\"; only GitHub Actions has a masking command fnox can print")
    } else {
        err.cause("neither GITHUB_ACTIONS nor CI is set")
    };
    err.hint("run `fnox ci-redact` as a step of a GitHub Actions job; elsewhere, use your CI's own secret masking")
}
