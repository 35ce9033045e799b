//! `fnox export`

use std::path::PathBuf;

use indexmap::IndexMap;
use serde::Serialize;

use super::{print_data, Ctx};
use crate::config::edit::{atomic_write, FileMode};
use crate::config::model::EnvMode;
use crate::dotenv;
use crate::error::{Error, Result};
use crate::resolve::resolve;

/// Print every secret of the active profile(s) for other tools: .env lines, shell `export`s,
/// JSON, YAML or TOML. Secrets with env = false or "exec" are left out unless --all.
///
/// The env format writes each value so that bash (`set -a; . ./.env`), python-dotenv, docker
/// compose and dotenvx all read it back unchanged, with nothing expanded or run; a value no such
/// form can carry (a carriage return, `${...}`, a single quote together with $ ` \ or ") is
/// refused, naming the secret, and nothing is written.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format
    #[arg(short = 'f', long, value_enum, default_value_t = Format::Env)]
    pub format: Format,
    /// Write to this file (mode 0600, replaced atomically) instead of stdout
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Include secrets whose env setting is false or "exec"
    #[arg(long)]
    pub all: bool,
    /// Start env and shell output with a comment naming the profile
    #[arg(long)]
    pub header: bool,
    /// List what would be exported (names only) without resolving anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Fail if any secret cannot be resolved (if_missing = "error" for this run, whatever the
    /// config or FNOX_IF_MISSING say)
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Env,
    Shell,
    Json,
    Yaml,
    Toml,
}

#[derive(Serialize)]
struct Document<'a> {
    secrets: IndexMap<&'a str, &'a str>,
    metadata: Metadata,
}

#[derive(Serialize)]
struct Metadata {
    profile: String,
    exported_at: String,
    total_secrets: usize,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load()?;
    let default_env = config.env_default();
    let names: Vec<&str> = config
        .secrets()
        .into_iter()
        .filter(|s| args.all || s.secret.env.unwrap_or(default_env) == EnvMode::All)
        .map(|s| s.name)
        .collect();
    if args.dry_run {
        let mut out = format!("[dry-run] Would export {} secret(s):\n", names.len());
        for n in &names {
            out.push_str(&format!("  {n}\n"));
        }
        print_data(&out)?;
        return Ok(0);
    }
    if matches!(args.format, Format::Shell | Format::Env) {
        if let Some(bad) = names.iter().find(|n| !dotenv::is_portable_name(n)) {
            let entry = config.secret(bad).expect("listed secrets are defined");
            let (what, other) = match args.format {
                Format::Shell => ("a shell variable", "`--format json`"),
                _ => (".env", "`--format json`"),
            };
            return Err(Error::new(format!(
                "cannot export {bad} as {what} ({})",
                config.locate("secrets", bad, &entry.origin)
            ))
            .code("fnox::export::bad_name")
            .cause("variable names are letters, digits and _, not starting with a digit (bash runs any other `NAME=value` line as a command)")
            .hint(format!("rename the secret, or use {other}")));
        }
    }
    let mut opts = ctx.resolve_options();
    if args.strict {
        opts.if_missing = Some(crate::config::model::IfMissing::Error);
    }
    let values = resolve(&config, &names, opts)?;
    let pairs: IndexMap<&str, &str> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.expose()))
        .collect();
    if args.format == Format::Env {
        let unportable: Vec<String> = pairs
            .iter()
            .filter_map(|(k, v)| dotenv::quote(v).err().map(|why| (k, why)))
            .map(|(k, why)| {
                let entry = config.secret(k).expect("resolved secrets are defined");
                format!(
                    "{k} ({}): {}",
                    config.locate("secrets", k, &entry.origin),
                    why.reason()
                )
            })
            .collect();
        if !unportable.is_empty() {
            let mut err = Error::new(format!(
                "cannot export {} secret(s) as .env: no quoting reads back the same in every .env reader (bash, python-dotenv, docker compose, dotenvx)",
                unportable.len()
            ))
            .code("fnox::export::unportable_value");
            for line in unportable {
                err = err.cause(line);
            }
            return Err(err.cause("nothing was written").hint(
                "use `--format shell` to source them in a shell, `--format json` for programs, or `fnox exec` to pass them to a command unchanged",
            ));
        }
    }
    let profile = config.profiles.join(",");
    let text = zeroize::Zeroizing::new(render(args.format, &pairs, &profile, args.header)?);
    match &args.output {
        Some(path) => {
            atomic_write(
                &ctx.cwd.join(path),
                text.as_bytes(),
                FileMode::Exactly(0o600),
            )?;
            ctx.say(format!(
                "✓ Exported {} secret(s) to {}",
                pairs.len(),
                path.display()
            ));
        }
        None => print_data(&text)?,
    }
    Ok(0)
}

pub fn render(
    format: Format,
    pairs: &IndexMap<&str, &str>,
    profile: &str,
    header: bool,
) -> Result<String> {
    let mut out = String::new();
    match format {
        Format::Env | Format::Shell => {
            if header {
                out.push_str(&format!("# fnox export, profile {profile}\n"));
            }
            for (k, v) in pairs {
                let line = match format {
                    Format::Env => {
                        let quoted = dotenv::quote(v).map_err(|why| {
                            Error::new(format!("cannot export {k} as .env")).cause(why.reason())
                        })?;
                        format!("{k}={quoted}\n")
                    }
                    _ => format!("export {k}={}\n", shell_quote(v)),
                };
                out.push_str(&line);
            }
        }
        Format::Json | Format::Yaml | Format::Toml => {
            let doc = Document {
                secrets: pairs.clone(),
                metadata: Metadata {
                    profile: profile.to_owned(),
                    exported_at: humantime::format_rfc3339(std::time::SystemTime::now())
                        .to_string(),
                    total_secrets: pairs.len(),
                },
            };
            let fail = |e: String| Error::new("cannot format the export").cause(e);
            out = match format {
                Format::Json => {
                    serde_json::to_string_pretty(&doc).map_err(|e| fail(e.to_string()))? + "\n"
                }
                Format::Yaml => yaml_document(&doc),
                _ => toml::to_string(&doc).map_err(|e| fail(e.to_string()))?,
            };
        }
    }
    Ok(out)
}

/// The export as YAML whose every key and value is a double-quoted string, so that YAML 1.1
/// readers (PyYAML, Ruby's Psych) also read `yes`, `on`, `1_000` or `2001-12-14` back as text.
fn yaml_document(doc: &Document) -> String {
    let mut out = String::from(if doc.secrets.is_empty() {
        "secrets: {}\n"
    } else {
        "secrets:\n"
    });
    for (k, v) in &doc.secrets {
        out.push_str(&format!("  {}: {}\n", yaml_quote(k), yaml_quote(v)));
    }
    let m = &doc.metadata;
    out.push_str(&format!(
        "metadata:\n  profile: {}\n  exported_at: {}\n  total_secrets: {}\n",
        yaml_quote(&m.profile),
        yaml_quote(&m.exported_at),
        m.total_secrets
    ));
    out
}

/// A YAML double-quoted scalar, read the same by YAML 1.1 and 1.2: `\uXXXX` for every character
/// YAML does not allow raw or treats as a line break (C0/C1 controls, DEL, U+0085, U+2028, U+2029,
/// U+FEFF, U+FFFE, U+FFFF).
fn yaml_quote(v: &str) -> String {
    double_quote(v, |c| {
        matches!(c, ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
            && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
    })
}

/// `"..."` with `\\ \" \n \r \t` escapes, and `\uXXXX` for the other characters `raw` refuses.
fn double_quote(v: &str, raw: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    out.push('"');
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if raw(c) => out.push(c),
            c => out.push_str(&format!("\\u{:04X}", c as u32)),
        }
    }
    out.push('"');
    out
}

fn is_plain(v: &str) -> bool {
    !v.is_empty()
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'/' | b':' | b'-'))
}

/// A POSIX shell word that the shell never expands: bare when plain, else single-quoted.
pub fn shell_quote(v: &str) -> String {
    if is_plain(v) {
        return v.to_owned();
    }
    format!("'{}'", v.replace('\'', "'\\''"))
}
