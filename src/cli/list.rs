//! `fnox list`

use super::{print_data, Ctx};
use crate::config::load::Config;
use crate::error::{Error, Result};

/// List the secrets of the active profile(s): name, where the value comes from, description.
/// Never prints values (use `fnox get` or `fnox export` for those).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Show provider keys (ciphertexts, remote names) without shortening them
    #[arg(short = 'f', long)]
    pub full: bool,
    /// Show the file and line that define each secret
    #[arg(short = 's', long)]
    pub sources: bool,
    /// Not supported: `list` never prints values
    #[arg(short = 'V', long, hide = true)]
    pub values: bool,
}

const KEY_WIDTH_LIMIT: usize = 40;

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    if args.values {
        return Err(Error::usage("`fnox list` never prints secret values")
            .hint("use `fnox get KEY` for one value or `fnox export` for all of them"));
    }
    let config = ctx.load()?;
    let secrets = config.secrets();
    if secrets.is_empty() {
        ctx.say(format!(
            "No secrets defined in profiles '{}'",
            config.profiles.join(",")
        ));
        return Ok(0);
    }
    let mut header = vec!["Key", "Type"];
    if args.sources {
        header.push("Source");
    }
    header.extend(["Provider Key", "Description"]);
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|s| s.to_string()).collect()];
    for s in &secrets {
        let mut row = vec![s.name.to_owned(), kind(&config, s.secret)];
        if args.sources {
            let loc = config.locate("secrets", s.name, &s.origin);
            row.push(loc.rsplit(" in ").next().unwrap_or_default().to_owned());
        }
        let key = s.secret.value.clone().unwrap_or_default();
        row.push(if args.full || key.chars().count() <= KEY_WIDTH_LIMIT {
            key
        } else {
            format!(
                "{}...",
                key.chars().take(KEY_WIDTH_LIMIT - 3).collect::<String>()
            )
        });
        row.push(s.secret.description.clone().unwrap_or_default());
        rows.push(row);
    }
    print_data(&table(&rows))?;
    Ok(0)
}

/// "provider (age)", "default value" or "environment".
fn kind(config: &Config, secret: &crate::config::model::SecretConfig) -> String {
    if secret.value.is_some() || secret.sync.is_some() {
        let provider = secret
            .provider
            .clone()
            .or_else(|| config.default_provider());
        match provider {
            Some(p) => format!("provider ({p})"),
            None => "provider (none)".to_owned(),
        }
    } else if secret.default.is_some() {
        "default value".to_owned()
    } else {
        "environment".to_owned()
    }
}

/// Left-aligned columns, two spaces apart, no trailing spaces.
pub fn table(rows: &[Vec<String>]) -> String {
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
    for row in rows {
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
