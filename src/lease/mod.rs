//! Credential leases: short-lived credentials made on demand from a `[leases.NAME]` table (a
//! command, AWS STS AssumeRole, a Vault dynamic secret or token), put into `fnox exec`'s child,
//! remembered in the ledger (`ledger.rs`) and reused while they are valid, revoked by `fnox lease
//! revoke` / `cleanup`. One file per backend, as providers are.

pub mod aws_sts;
pub mod command;
pub mod ledger;
pub mod time;
pub mod vault;

use std::path::PathBuf;
use std::time::Duration;

use crate::config::load::{Config, LeaseEntry};
use crate::config::model::IfMissing;
use crate::error::{did_you_mean, Error, Result};
use crate::resolve::{resolve, ResolveOptions};
use crate::secret::SecretValue;
use ledger::{Ledger, Record};

/// Every lease type upstream fnox knows (those after `vault` parse but are not built here yet).
pub const TYPES: &[&str] = &[
    "command",
    "aws-sts",
    "vault",
    "gcp-iam",
    "azure-token",
    "cloudflare",
    "github-app",
    "github-oauth",
];

/// Without `duration` (upstream's default).
pub const DEFAULT_DURATION: Duration = Duration::from_secs(15 * 60);
/// The label a lease gets without `--label`.
pub const DEFAULT_LABEL: &str = "fnox-lease";
/// A cached lease is made anew when it has less than this left (or half its configured
/// duration, if shorter).
const RENEW_MARGIN_SECS: u64 = 5 * 60;

/// Credentials a backend made.
pub struct Issued {
    pub lease_id: String,
    /// Variable name → value, in the order the backend gives them.
    pub credentials: Vec<(String, SecretValue)>,
    /// Unix seconds; None when the lease does not expire.
    pub expires_at: Option<u64>,
}

/// A lease backend: makes (and, where the service can, revokes) short-lived credentials.
pub trait LeaseBackend {
    fn create(&self, duration: Duration, label: &str) -> Result<Issued>;

    /// Revokes a lease this backend made; a no-op for credentials that only expire.
    fn revoke(&self, _lease_id: &str) -> Result<()> {
        Ok(())
    }

    /// The longest lease this backend makes.
    fn max_duration(&self) -> Duration;
}

/// What a backend is built with besides its own fields. Master credentials are read through it
/// only when a lease is made, never for a lease the ledger already holds.
#[derive(Clone)]
pub struct BuildContext<'a> {
    pub name: &'a str,
    /// The directory of the file that defines the lease (commands run there).
    pub base_dir: PathBuf,
    /// Prompt for master credentials that are missing (`lease create -i`).
    pub interactive: bool,
    config: &'a Config,
}

impl BuildContext<'_> {
    /// A master credential by variable name: the project's secret of that name when one is
    /// defined (whatever its `env` says: `env = false` keeps it from programs, not from fnox),
    /// else the environment's.
    pub fn master(&self, name: &str) -> Result<Option<SecretValue>> {
        if self.config.secret(name).is_some() {
            let opts = ResolveOptions {
                if_missing: Some(IfMissing::Ignore),
                strict: false,
            };
            let mut values = resolve(self.config, &[name], opts)?;
            return Ok(values.shift_remove(name));
        }
        Ok(crate::env_vars::non_empty(name).map(SecretValue::new))
    }
}

/// A lease table ready to use: its backend and what the ledger knows it by.
pub struct Prepared<'a> {
    pub entry: LeaseEntry<'a>,
    pub backend: Box<dyn LeaseBackend + 'a>,
    /// The configured duration (or the default).
    pub duration: Duration,
    pub fingerprint: String,
    pub config_file: String,
    /// "leases.NAME in ./fnox.toml:3"
    pub location: String,
}

impl Prepared<'_> {
    pub fn name(&self) -> &str {
        self.entry.name
    }

    pub fn kind(&self) -> &str {
        &self.entry.config.kind
    }

    /// Makes a lease (`duration` already checked against the backend's limit); an error names
    /// the lease, its backend and its table.
    pub fn create(&self, duration: Duration, label: &str) -> Result<Issued> {
        self.backend.create(duration, label).map_err(|e| {
            let mut err = Error::new(format!(
                "cannot create lease '{}' (backend {}, {})",
                self.name(),
                self.kind(),
                self.location
            ))
            .code("fnox::lease::create_failed")
            .cause(e.message);
            err.causes.extend(e.causes);
            err.hint = e.hint;
            err
        })
    }

    /// `duration` (from `-d` or the config) within the backend's limit.
    pub fn check_duration(&self, duration: Duration) -> Result<Duration> {
        let max = self.backend.max_duration();
        if duration > max {
            return Err(Error::new(format!(
                "lease '{}' ({}): a duration of {} is longer than the {} a {} lease may last",
                self.name(),
                self.location,
                time::format_duration(duration),
                time::format_duration(max),
                self.kind()
            ))
            .code("fnox::lease::duration_too_long")
            .hint(format!(
                "set `duration` (or -d) to {} or less",
                time::format_duration(max)
            )));
        }
        Ok(duration)
    }

    /// A ledger record of a lease just made.
    pub fn record(&self, issued: &Issued, label: &str, now: u64) -> Record {
        Record {
            lease_id: issued.lease_id.clone(),
            backend_name: self.name().to_owned(),
            kind: self.kind().to_owned(),
            label: label.to_owned(),
            created_at: now,
            expires_at: issued.expires_at,
            revoked: false,
            revoked_at: None,
            config_hash: self.fingerprint.clone(),
            config_file: self.config_file.clone(),
            credentials: issued
                .credentials
                .iter()
                .map(|(k, v)| (k.clone(), v.expose().to_owned()))
                .collect(),
        }
    }

    /// A record of this lease's current config that is still good for a while.
    fn reusable<'r>(&self, ledger: &'r Ledger, now: u64) -> Option<&'r Record> {
        let margin = (self.duration.as_secs() / 2).min(RENEW_MARGIN_SECS);
        ledger.records.iter().rev().find(|r| {
            !r.revoked
                && r.backend_name == self.name()
                && r.config_file == self.config_file
                && r.config_hash == self.fingerprint
                && r.expires_at.is_none_or(|t| t > now + margin)
        })
    }
}

/// The path string the ledger records for the file of `entry`.
fn file_key(config: &Config, layer: usize) -> String {
    let path = &config.layers[layer].path;
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.clone())
        .to_string_lossy()
        .into_owned()
}

/// The files of this project (the loaded layers), as the ledger records them.
pub fn project_files(config: &Config) -> Vec<String> {
    (0..config.layers.len())
        .map(|i| file_key(config, i))
        .collect()
}

/// The SHA-256 (first 16 hex digits) of a lease table's type and fields: a changed table makes
/// a new lease.
pub fn fingerprint(kind: &str, fields: &toml::Table) -> String {
    let mut text = format!("type = {kind:?}\n");
    text.push_str(&toml::to_string(fields).unwrap_or_default());
    crate::trust::digest(&text)[..16].to_owned()
}

/// Builds the backend of a lease table, after the trust gate (a table that runs a command or
/// sends credentials to an address only its file names needs that file trusted).
pub fn prepare<'a>(
    config: &'a Config,
    entry: LeaseEntry<'a>,
    interactive: bool,
) -> Result<Prepared<'a>> {
    let location = config.locate("leases", entry.name, &entry.origin);
    let kind = entry.config.kind.as_str();
    let mut fields = entry.config.fields.clone();
    let invalid = |why: String| {
        Error::new(format!("invalid lease '{}' ({location})", entry.name))
            .code("fnox::lease::invalid_config")
            .cause(why)
    };
    let duration = match fields.remove("duration") {
        None => DEFAULT_DURATION,
        Some(toml::Value::String(s)) => time::parse_duration(&s).ok_or_else(|| {
            invalid(format!("`duration = {s:?}` is not a duration"))
                .hint("write it as \"15m\", \"1h\" or \"2h30m\"")
        })?,
        Some(other) => {
            return Err(invalid(format!(
                "`duration` must be a string, found {}",
                other.type_str()
            ))
            .hint("write it as \"15m\", \"1h\" or \"2h30m\""))
        }
    };
    if let Some(what) = crate::trust::table_risk("lease", entry.name, kind, &fields) {
        config.require_trusted(entry.origin.layer, &what)?;
    }
    let ctx = BuildContext {
        name: entry.name,
        base_dir: config.base_dir(&entry.origin),
        interactive,
        config,
    };
    let built: std::result::Result<Box<dyn LeaseBackend + 'a>, String> = match kind {
        "command" => command::CommandLease::new(&ctx, fields).map(|b| Box::new(b) as _),
        "aws-sts" => aws_sts::AwsSts::new(&ctx, fields).map(|b| Box::new(b) as _),
        "vault" => vault::VaultLease::new(&ctx, fields).map(|b| Box::new(b) as _),
        k if TYPES.contains(&k) => {
            return Err(Error::new(format!(
                "lease '{}' ({location}): the {k} lease backend is not built in this version of fnox yet",
                entry.name
            ))
            .code("fnox::lease::not_built")
            .hint("use a `command` lease that runs your own script for it, or one of: command, aws-sts, vault"));
        }
        k => {
            let mut err = Error::new(format!(
                "lease '{}' ({location}): unknown lease type '{k}'",
                entry.name
            ))
            .code("fnox::lease::unknown_type");
            if let Some(dym) = did_you_mean(k, TYPES.iter().copied()) {
                err = err.cause(dym);
            }
            return Err(err.hint(format!("set `type` to one of: {}", TYPES.join(", "))));
        }
    };
    let backend = built.map_err(invalid)?;
    Ok(Prepared {
        fingerprint: fingerprint(kind, &entry.config.fields),
        config_file: file_key(config, entry.origin.layer),
        entry,
        backend,
        duration,
        location,
    })
}

/// A lease by name among the effective ones, or an error listing those there are.
pub fn find<'a>(config: &'a Config, name: &str) -> Result<LeaseEntry<'a>> {
    let mut leases = config.leases();
    match leases.iter().position(|l| l.name == name) {
        Some(i) => Ok(leases.swap_remove(i)),
        None => {
            let names: Vec<&str> = leases.iter().map(|l| l.name).collect();
            let mut err =
                Error::new(format!("Lease '{name}' not found")).code("fnox::lease::not_found");
            if let Some(dym) = did_you_mean(name, names.iter().copied()) {
                err = err.cause(dym);
            }
            let known = if names.is_empty() {
                "no leases are configured".to_owned()
            } else {
                format!("configured leases: {}", names.join(", "))
            };
            Err(err
                .cause(known)
                .hint(format!("add a [leases.{name}] table to fnox.toml")))
        }
    }
}

/// `fnox exec`: the credentials of every lease of the active profiles, reusing the ledger's
/// leases that are still valid for the same config and making the others, all under the
/// ledger's lock (concurrent runs make one lease). Empty, without touching the ledger, when no
/// lease is configured.
pub fn for_exec(config: &Config) -> Result<Vec<(String, SecretValue, usize)>> {
    let entries = config.leases();
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let prepared = entries
        .into_iter()
        .map(|e| prepare(config, e, false))
        .collect::<Result<Vec<_>>>()?;
    let mut ledger = Ledger::open()?;
    if let Some(why) = ledger::why_memory() {
        crate::error::warn(format!("leases are made anew for every run: {why}"));
    }
    let now = time::now();
    let mut out = Vec::new();
    let mut changed = false;
    for p in &prepared {
        let layer = p.entry.origin.layer;
        if let Some(r) = p.reusable(&ledger, now) {
            for (k, v) in &r.credentials {
                out.push((k.clone(), SecretValue::new(v.clone()), layer));
            }
            continue;
        }
        let duration = p.check_duration(p.duration)?;
        let issued = p.create(duration, DEFAULT_LABEL)?;
        ledger.records.push(p.record(&issued, DEFAULT_LABEL, now));
        changed = true;
        for (k, v) in issued.credentials {
            out.push((k, v, layer));
        }
    }
    if changed {
        ledger.save(now)?;
    }
    Ok(out)
}

/// A fresh id for a lease whose backend gives none.
pub fn new_lease_id(kind: &str) -> String {
    let mut bytes = [0u8; 8];
    let _ = aws_lc_rs::rand::fill(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{kind}-{hex}")
}

/// A backend's string field (`what` names it in errors).
pub fn string_field(
    fields: &toml::Table,
    key: &str,
) -> std::result::Result<Option<String>, String> {
    match fields.get(key) {
        None => Ok(None),
        Some(toml::Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "`{key}` must be a string, found {}",
            other.type_str()
        )),
    }
}

/// Fields a backend does not know: an error naming them and those it knows.
pub fn check_fields(fields: &toml::Table, known: &[&str]) -> std::result::Result<(), String> {
    let unknown: Vec<&str> = fields
        .keys()
        .map(String::as_str)
        .filter(|k| !known.contains(k))
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    Err(format!(
        "unknown field(s) {}; this backend reads: duration, {}",
        unknown.join(", "),
        known.join(", ")
    ))
}
