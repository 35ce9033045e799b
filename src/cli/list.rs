//! `fnox list`

use serde_json::{json, Value};

use super::{print_data, print_json, Ctx};
use crate::config::load::{line_col, Config, Origin};
use crate::config::model::{IfMissing, SecretConfig};
use crate::error::{warn, Result};
use crate::resolve::if_missing_for;

/// List the secrets of the active profile(s): name, where the value comes from, description.
/// Values only with --values (an explicit request, like `fnox get`).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Show provider keys (ciphertexts, remote names) without shortening them
    #[arg(short = 'f', long)]
    pub full: bool,
    /// Show the file (absolute path) and line that define each secret
    #[arg(short = 's', long)]
    pub sources: bool,
    /// Resolve every secret and show its value in a last column (`<not available>` when it
    /// cannot be resolved)
    #[arg(short = 'V', long)]
    pub values: bool,
    /// Print a JSON array (name, type, provider, description, source); never values or ciphertexts
    #[arg(long, conflicts_with_all = ["full", "sources", "values"])]
    pub json: bool,
    /// Only values not under their provider's current settings (other recipients, another KMS
    /// key), with the reason: what `fnox reencrypt` would change
    #[arg(long, conflicts_with_all = ["full", "json", "values"])]
    pub stale: bool,
    /// Secret names only, one per line, in file order (for shell completion)
    #[arg(long, hide = true)]
    pub complete: bool,
}

const KEY_WIDTH_LIMIT: usize = 40;

/// What the Provider Key column shows instead of a value stored in the clear (`plain`).
const HIDDEN: &str = "<hidden>";
/// The Value column of a secret that cannot be resolved.
const NOT_AVAILABLE: &str = "<not available>";

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load()?;
    if args.complete {
        let names: String = config
            .secrets()
            .iter()
            .map(|s| format!("{}\n", s.name))
            .collect();
        super::print_text(&names)?;
        return Ok(0);
    }
    if args.stale {
        return stale(ctx, &config);
    }
    let secrets = config.secrets();
    if args.json {
        let items: Vec<Value> = secrets
            .iter()
            .map(|s| {
                let (kind, provider) = source_of(&config, s.secret);
                json!({
                    "name": s.name,
                    "type": kind,
                    "provider": provider,
                    "description": s.secret.description,
                    "source": source_json(&config, "secrets", s.name, &s.origin),
                })
            })
            .collect();
        print_json(&items)?;
        return Ok(0);
    }
    if secrets.is_empty() {
        ctx.say(format!(
            "No secrets defined in profiles '{}'",
            config.profiles.join(",")
        ));
        return Ok(0);
    }
    let values = if args.values {
        let names: Vec<&str> = secrets.iter().map(|s| s.name).collect();
        Some(crate::resolve::resolve_each(&config, &names))
    } else {
        None
    };
    let mut header = vec!["Key", "Type"];
    if args.sources {
        header.push("Source File");
    }
    header.extend(["Provider Key", "Description"]);
    if values.is_some() {
        header.push("Value");
    }
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|s| s.to_string()).collect()];
    for s in &secrets {
        let mut row = vec![s.name.to_owned(), kind(&config, s.secret)];
        if args.sources {
            row.push(source_file(&config, &s.origin));
        }
        row.push(provider_key(&config, s.secret, args.full));
        row.push(s.secret.description.clone().unwrap_or_default());
        if let Some(values) = &values {
            row.push(match &values[s.name] {
                Ok(v) => v.expose().replace('\n', "\\n"),
                Err(e) => {
                    if if_missing_for(&config, s, ctx.global.if_missing) != IfMissing::Ignore {
                        warn(format!("{} (shown as {NOT_AVAILABLE})", e.one_line()));
                    }
                    NOT_AVAILABLE.to_owned()
                }
            });
        }
        rows.push(row);
    }
    print_data(&table(&rows))?;
    Ok(0)
}

/// The Provider Key column: the ciphertext or remote name, shortened unless `full`; never a
/// value kept in the clear (a `plain` provider's "key" is the secret itself).
fn provider_key(config: &Config, secret: &SecretConfig, full: bool) -> String {
    let Some(key) = secret.value.clone() else {
        return String::new();
    };
    let provider = secret
        .provider
        .clone()
        .or_else(|| config.default_provider());
    let holds_plaintext = provider
        .and_then(|p| config.provider(&p))
        .is_some_and(|p| crate::provider::stores_plaintext(&p.config.kind));
    if holds_plaintext {
        HIDDEN.to_owned()
    } else if full || key.chars().count() <= KEY_WIDTH_LIMIT {
        key
    } else {
        format!(
            "{}...",
            key.chars().take(KEY_WIDTH_LIMIT - 3).collect::<String>()
        )
    }
}

/// The defining file as an absolute path, with the line: `/home/me/app/fnox.toml:14`.
fn source_file(config: &Config, origin: &Origin) -> String {
    let layer = &config.layers[origin.layer];
    let (line, _) = line_col(&layer.text, origin.offset);
    format!("{}:{line}", config.cwd.join(&layer.path).display())
}

/// "provider (age)", "default value" or "env var" (upstream's words), with " [file]" for
/// `as_file` secrets.
fn kind(config: &Config, secret: &SecretConfig) -> String {
    let base = match source_of(config, secret) {
        ("provider", Some(p)) => format!("provider ({p})"),
        ("provider", None) => "provider (none)".to_owned(),
        ("default", _) => "default value".to_owned(),
        _ => "env var".to_owned(),
    };
    if secret.as_file == Some(true) {
        format!("{base} [file]")
    } else {
        base
    }
}

/// Where a secret's value comes from: ("provider", its provider), ("default", None) or ("environment", None).
fn source_of(config: &Config, secret: &SecretConfig) -> (&'static str, Option<String>) {
    if secret.value.is_some() || secret.sync.is_some() {
        let provider = secret
            .provider
            .clone()
            .or_else(|| config.default_provider());
        ("provider", provider)
    } else if secret.default.is_some() {
        ("default", None)
    } else {
        ("environment", None)
    }
}

/// `{"file": "./fnox.toml", "line": 14, "key": "secrets.NAME"}` for the `--json` outputs.
pub fn source_json(config: &Config, table: &str, name: &str, origin: &Origin) -> Value {
    let layer = &config.layers[origin.layer];
    let (line, _) = line_col(&layer.text, origin.offset);
    json!({
        "file": config.display(&layer.path),
        "line": line,
        "key": origin.section.key_path(table, name),
    })
}

/// Left-aligned columns, two spaces apart, no trailing spaces; control characters in a cell
/// are escaped (a cell is one line of config text).
pub fn table(rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| crate::term::escape(c).into_owned())
                .collect()
        })
        .collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - cell.chars().count() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `list --stale`: asks each encryption provider which of its values predate its settings.
fn stale(ctx: &Ctx, config: &Config) -> Result<i32> {
    let mut groups: indexmap::IndexMap<String, Vec<(&str, &str, String)>> =
        indexmap::IndexMap::new();
    for s in config.secrets() {
        let (Some(value), None) = (&s.secret.value, &s.secret.sync) else {
            continue;
        };
        let Some(provider) = s
            .secret
            .provider
            .clone()
            .or_else(|| config.default_provider())
        else {
            continue;
        };
        let loc = config.locate("secrets", s.name, &s.origin);
        groups
            .entry(provider)
            .or_default()
            .push((s.name, value.as_str(), loc));
    }
    let mut rows = vec![vec![
        "Key".to_owned(),
        "Provider".to_owned(),
        "Why".to_owned(),
        "Source".to_owned(),
    ]];
    for (provider, items) in &groups {
        let Ok(crate::provider::Provider::Cipher(cipher)) =
            crate::resolve::build_provider(config, provider)
        else {
            continue;
        };
        let values: Vec<&str> = items.iter().map(|(_, v, _)| *v).collect();
        for ((name, _, loc), why) in items.iter().zip(cipher.stale_batch(&values)) {
            if let Some(why) = why {
                let source = loc.rsplit(" in ").next().unwrap_or_default().to_owned();
                rows.push(vec![name.to_string(), provider.clone(), why, source]);
            }
        }
    }
    if rows.len() == 1 {
        ctx.say("No stale values: every encrypted value is under its provider's current settings (as far as fnox can tell)");
        return Ok(0);
    }
    print_data(&table(&rows))?;
    Ok(0)
}

/// One provider in `--json` output (`provider list`, `doctor`).
pub fn provider_json(config: &Config, p: &crate::config::load::ProviderEntry) -> Value {
    json!({
        "name": p.name,
        "type": p.config.kind,
        "source": source_json(config, "providers", p.name, &p.origin),
    })
}
