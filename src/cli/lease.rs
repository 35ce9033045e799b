//! `fnox lease create|list|revoke|cleanup`

use std::io::Write;

use super::Ctx;
use crate::error::{Error, Result};
use crate::lease::{self, ledger::Ledger, time, Issued};

/// Short-lived credentials from the `[leases.NAME]` tables: create, list, revoke, clean up.
///
/// `fnox exec` puts every lease's credentials into the command's environment, reusing a lease
/// that is still valid (more than 5 minutes, or half its `duration`, left) and made from the same
/// config, and making a new one otherwise. Leases are remembered in a ledger encrypted to your
/// own age identity ($FNOX_STATE_DIR/leases/ledger.age). Without a subcommand: `create --all`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
}

#[derive(clap::Subcommand, Debug)]
pub enum Sub {
    /// Create a short-lived credential lease from a secret
    Create(CreateArgs),
    /// List tracked leases
    List {
        /// Show only active (non-expired, non-revoked) leases
        #[arg(long, conflicts_with = "expired")]
        active: bool,
        /// Show only expired leases
        #[arg(long)]
        expired: bool,
    },
    /// Revoke a lease by ID
    Revoke {
        /// Lease ID to revoke
        lease_id: String,
    },
    /// Revoke all expired leases that need manual cleanup
    Cleanup,
}

#[derive(clap::Args, Debug, Default)]
pub struct CreateArgs {
    /// Lease backend name (from `[leases.<name>]` config). Creates all backends if omitted
    #[arg(value_name = "BACKEND_NAME")]
    pub backend: Option<String>,
    /// Create leases for all configured backends
    #[arg(short = 'a', long, conflicts_with = "backend")]
    pub all: bool,
    /// Lease duration (e.g., "15m", "1h", "2h30m"); overrides config duration
    #[arg(short = 'd', long, value_name = "DURATION")]
    pub duration: Option<String>,
    /// Output format: shell (a summary on stderr, values masked), json or env (`export K=V`
    /// lines) on stdout
    #[arg(short = 'f', long, value_enum, default_value_t = Format::Shell)]
    pub format: Format,
    /// Prompt interactively for missing credentials
    #[arg(short = 'i', long)]
    pub interactive: bool,
    /// Label for the lease (e.g., session purpose)
    #[arg(short = 'l', long, default_value = lease::DEFAULT_LABEL)]
    pub label: String,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Shell,
    Json,
    Env,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    match args.command {
        None => create(
            ctx,
            CreateArgs {
                all: true,
                label: lease::DEFAULT_LABEL.to_owned(),
                ..CreateArgs::default()
            },
        ),
        Some(Sub::Create(a)) => create(ctx, a),
        Some(Sub::List { active, expired }) => list(ctx, active, expired),
        Some(Sub::Revoke { lease_id }) => revoke(ctx, &lease_id),
        Some(Sub::Cleanup) => cleanup(ctx),
    }
}

fn create(ctx: &Ctx, args: CreateArgs) -> Result<i32> {
    let config = ctx.load()?;
    let entries = match &args.backend {
        Some(name) => vec![lease::find(&config, name)?],
        None => config.leases(),
    };
    if entries.is_empty() {
        return Err(Error::new("No leases configured")
            .code("fnox::lease::not_found")
            .hint("add a [leases.NAME] table to fnox.toml (see `fnox lease create --help`)"));
    }
    let duration = match &args.duration {
        None => None,
        Some(d) => Some(time::parse_duration(d).ok_or_else(|| {
            Error::usage(format!("invalid duration '{d}'"))
                .code("fnox::lease::invalid_config")
                .hint("write it as 15m, 1h or 2h30m")
        })?),
    };
    let total = entries.len();
    let interactive = args.interactive && ctx.interactive();
    let mut made: Vec<(String, Issued)> = Vec::new();
    let mut failures = Vec::new();
    let mut ledger = Ledger::open()?;
    let now = time::now();
    for entry in entries {
        let result = lease::prepare(&config, entry, interactive).and_then(|p| {
            let d = p.check_duration(duration.unwrap_or(p.duration))?;
            let issued = p.create(d, &args.label)?;
            ledger.records.push(p.record(&issued, &args.label, now));
            Ok((p.name().to_owned(), issued))
        });
        match result {
            Ok(m) => made.push(m),
            Err(e) if total == 1 => return Err(e),
            Err(e) => failures.push(e),
        }
    }
    ledger.save(now)?;
    if !ledger.persistent() {
        if let Some(why) = lease::ledger::why_memory() {
            crate::error::warn(format!(
                "the lease is not remembered for `fnox exec`: {why}"
            ));
        }
    }
    print_leases(&made, args.format, now)?;
    if !failures.is_empty() {
        let n = failures.len();
        return Err(Error::batch(
            format!("{n} of {total} lease backends failed"),
            failures,
        ));
    }
    Ok(0)
}

fn print_leases(made: &[(String, Issued)], format: Format, now: u64) -> Result<()> {
    let mut out = Vec::new();
    match format {
        Format::Shell => {
            for (name, issued) in made {
                let expiry = match issued.expires_at {
                    Some(t) => format!(
                        " (expires in {})",
                        time::format_remaining(std::time::Duration::from_secs(
                            t.saturating_sub(now)
                        ))
                    ),
                    None => " (expires never)".to_owned(),
                };
                let mut text = format!("✓ Lease '{name}' created{expiry}\n");
                let mut creds: Vec<&(String, _)> = issued.credentials.iter().collect();
                creds.sort_by(|a, b| a.0.cmp(&b.0));
                for (k, _) in creds {
                    text.push_str(&format!("  {k:<25} ****\n"));
                }
                if let Some(t) = issued.expires_at {
                    text.push_str(&format!(
                        "  {:<25} {}\n",
                        "Expires",
                        time::format_rfc3339(t)
                    ));
                }
                eprint!("{}", crate::term::escape_text(&text));
            }
        }
        Format::Json => {
            let objects: Vec<serde_json::Value> = made
                .iter()
                .map(|(name, issued)| {
                    let mut m = std::collections::BTreeMap::new();
                    for (k, v) in &issued.credentials {
                        m.insert(k.clone(), serde_json::Value::from(v.expose()));
                    }
                    m.insert("backend".into(), name.as_str().into());
                    if let Some(t) = issued.expires_at {
                        m.insert("expires_at".into(), time::format_rfc3339(t).into());
                    }
                    m.insert("lease_id".into(), issued.lease_id.as_str().into());
                    serde_json::Value::Object(m.into_iter().collect())
                })
                .collect();
            let value = match <[_; 1]>::try_from(objects) {
                Ok([one]) => one,
                Err(many) => serde_json::Value::Array(many),
            };
            let text = serde_json::to_string_pretty(&value).expect("JSON serialises");
            out.extend_from_slice(text.as_bytes());
            out.push(b'\n');
        }
        Format::Env => {
            let mut changes = crate::shell::Changes::default();
            for (_, issued) in made {
                let mut creds: Vec<&(String, _)> = issued.credentials.iter().collect();
                creds.sort_by(|a, b| a.0.cmp(&b.0));
                for (k, v) in creds {
                    if !crate::shell::is_var_name(k) {
                        crate::error::warn(format!(
                            "{k} is left out: it is not a variable name a shell accepts"
                        ));
                        continue;
                    }
                    changes.set(k, v.expose().as_bytes());
                }
            }
            changes.render(crate::shell::Shell::Bash, &mut out);
        }
    }
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_all(&out).and_then(|()| stdout.flush());
    // A closed pipe is a quiet end, as everywhere.
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::new("cannot write to stdout").cause(e))
        }
        _ => Ok(()),
    }
}

fn status(r: &lease::ledger::Record, now: u64) -> &'static str {
    if r.revoked {
        "revoked"
    } else if r.expired_at(now) {
        "expired"
    } else {
        "active"
    }
}

fn list(ctx: &Ctx, active: bool, expired: bool) -> Result<i32> {
    let config = ctx.load()?;
    let files = lease::project_files(&config);
    let ledger = Ledger::open()?;
    let now = time::now();
    let rows: Vec<_> = ledger
        .records
        .iter()
        .filter(|r| files.contains(&r.config_file))
        .filter(|r| match (active, expired) {
            (true, _) => status(r, now) == "active",
            (_, true) => status(r, now) == "expired",
            _ => true,
        })
        .collect();
    if rows.is_empty() {
        println!("No leases found.");
        return Ok(0);
    }
    let mut out = format!(
        "{:<20} {:<15} {:<15} {:<8}\n",
        "LEASE ID", "BACKEND", "EXPIRES", "STATUS"
    );
    for r in rows {
        let expires = r.expires_at.map_or("never".to_owned(), time::format_short);
        out.push_str(&format!(
            "{:<20} {:<15} {:<15} {:<8}\n",
            r.lease_id,
            r.backend_name,
            expires,
            status(r, now)
        ));
    }
    print!("{}", crate::term::escape_text(&out));
    Ok(0)
}

/// Revokes the records of `id` (through their lease table's backend) and marks them revoked.
fn revoke_in(
    config: &crate::config::Config,
    ledger: &mut Ledger,
    id: &str,
    files: &[String],
) -> Result<()> {
    let Some(record) = ledger
        .records
        .iter()
        .find(|r| r.lease_id == id && files.contains(&r.config_file) && !r.revoked)
    else {
        return Err(Error::new(format!("Lease '{id}' not found"))
            .code("fnox::lease::not_found")
            .hint("`fnox lease list` shows the leases of this project"));
    };
    let backend_name = record.backend_name.clone();
    match config.leases().into_iter().find(|l| l.name == backend_name) {
        Some(entry) => {
            let p = lease::prepare(config, entry, false)?;
            p.backend.revoke(id).map_err(|e| {
                let mut err = Error::new(format!(
                    "cannot revoke lease '{id}' (lease '{backend_name}', backend {}, {})",
                    p.kind(),
                    p.location
                ))
                .code("fnox::lease::revoke_failed")
                .cause(e.message);
                err.causes.extend(e.causes);
                err.hint = e.hint;
                err
            })?;
        }
        None => crate::error::warn(format!(
            "[leases.{backend_name}] is no longer configured: lease '{id}' is only forgotten, not revoked at its source"
        )),
    }
    let now = time::now();
    for r in ledger.records.iter_mut().filter(|r| r.lease_id == id) {
        r.revoked = true;
        r.revoked_at = Some(now);
    }
    Ok(())
}

fn revoke(ctx: &Ctx, id: &str) -> Result<i32> {
    let config = ctx.load()?;
    let files = lease::project_files(&config);
    let mut ledger = Ledger::open()?;
    revoke_in(&config, &mut ledger, id, &files)?;
    ledger.save(time::now())?;
    eprintln!("Lease '{}' revoked.", crate::term::escape_text(id));
    Ok(0)
}

fn cleanup(ctx: &Ctx) -> Result<i32> {
    let config = ctx.load()?;
    let files = lease::project_files(&config);
    let mut ledger = Ledger::open()?;
    let now = time::now();
    let mut ids: Vec<String> = ledger
        .records
        .iter()
        .filter(|r| files.contains(&r.config_file) && !r.revoked && r.expired_at(now))
        .map(|r| r.lease_id.clone())
        .collect();
    ids.dedup();
    if ids.is_empty() {
        eprintln!("No expired leases to clean up.");
        return Ok(0);
    }
    let mut failures = Vec::new();
    for id in &ids {
        if let Err(e) = revoke_in(&config, &mut ledger, id, &files) {
            failures.push(e);
        }
    }
    ledger.save(now)?;
    let done = ids.len() - failures.len();
    eprintln!("Cleaned up {done} expired lease(s).");
    if !failures.is_empty() {
        let n = failures.len();
        return Err(Error::batch(
            format!("{n} expired lease(s) could not be revoked"),
            failures,
        ));
    }
    Ok(0)
}
