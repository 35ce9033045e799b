//! `fnox import [FORMAT]`

use std::io::Read;
use std::path::PathBuf;

use toml_edit::Value;

use super::{confirm, Ctx};
use crate::config::edit::{Editor, ReadOnly};
use crate::error::{Error, Result};
use crate::provider::Provider;
use crate::resolve::{build_writer, provider_error};

/// Import secrets from a .env, JSON, YAML or TOML file (a flat map of names to values):
/// each is encrypted or stored with the provider and recorded in fnox.toml, in input order,
/// in one atomic write.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input format
    #[arg(value_enum, default_value_t = Format::Env)]
    pub format: Format,
    /// Provider to encrypt or store with (default: default_provider)
    #[arg(short = 'p', long)]
    pub provider: Option<String>,
    /// Read this file instead of stdin
    #[arg(short = 'i', long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Only import names matching this regular expression
    #[arg(long, value_name = "REGEX")]
    pub filter: Option<String>,
    /// Prepend this to every imported name
    #[arg(long)]
    pub prefix: Option<String>,
    /// Do not ask for confirmation (required when reading stdin); also writes a read-only config file
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Write to the global config file
    #[arg(short = 'g', long)]
    pub global: bool,
    /// Show what would be imported without changing anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Env,
    Json,
    Yaml,
    Toml,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let (text, source) = match &args.input {
        Some(path) => (
            std::fs::read_to_string(path).map_err(|e| {
                Error::new(format!("Failed to read import source: {}", path.display()))
                    .code("fnox::import::read_failed")
                    .cause(e)
            })?,
            path.display().to_string(),
        ),
        None => {
            if !args.force && !args.dry_run {
                return Err(Error::usage(
                    "When importing from stdin, --force or --dry-run is required",
                )
                .code("fnox::import::stdin_requires_force")
                .hint("stdin carries the data, so fnox cannot ask for confirmation: pass --force, or use -i FILE"));
            }
            let mut buf = String::new();
            std::io::stdin()
                .read_to_string(&mut buf)
                .map_err(|e| Error::new("cannot read stdin").cause(e))?;
            (buf, "stdin".to_owned())
        }
    };
    let text = zeroize::Zeroizing::new(text);
    let mut pairs = parse(args.format, &text).map_err(|e| {
        Error::new(format!(
            "Failed to parse {} input from {source}",
            format!("{:?}", args.format).to_lowercase()
        ))
        .code("fnox::import::parse_failed")
        .cause(e)
        .hint("the input must be a flat map of names to values")
    })?;
    if let Some(re) = super::filter_regex(args.filter.as_deref())? {
        pairs.retain(|(k, _)| re.is_match(k));
    }
    if let Some(prefix) = &args.prefix {
        for (k, _) in pairs.iter_mut() {
            k.insert_str(0, prefix);
        }
    }
    for (k, _) in &pairs {
        crate::trust::require_env_name(k)?;
    }
    if pairs.is_empty() {
        ctx.say(format!("No secrets to import from {source}"));
        return Ok(0);
    }
    let config = ctx.load_for_write()?;
    let profile = ctx.write_profile()?;
    let (path, section) = config.write_target(args.global, &profile);
    let shown = config.display(&path);
    // The provider is built before anything is shown or asked, so --dry-run fails where the
    // import would. It encrypts with the providers the written file sees, under the write profile.
    let scope = config.as_seen_by(&path);
    let write_profiles = [profile.clone()];
    let provider_name = args
        .provider
        .clone()
        .or_else(|| scope.default_provider_for(&write_profiles))
        .ok_or_else(|| {
            Error::new("cannot import: no provider to encrypt with")
                .hint("pass --provider NAME, or run `fnox init` to set up an age key")
        })?;
    let provider = build_writer(&scope, &provider_name, &write_profiles, "import secrets")?;
    let names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    if args.dry_run {
        let global = super::global_suffix(args.global);
        let mut out = format!(
            "[dry-run] Would import {} secret(s) into profile '{profile}' using provider '{provider_name}'{global}, in {shown}:\n",
            pairs.len(),
        );
        for name in &names {
            out.push_str(&format!("  {name}\n"));
        }
        super::print_text(&out)?;
        return Ok(0);
    }
    if !args.force {
        ctx.say(format!(
            "Importing {} secret(s) into {shown}: {}",
            pairs.len(),
            names.join(", ")
        ));
        if !ctx.may_ask() {
            return Err(Error::usage(
                "import needs confirmation, and prompts are turned off (--non-interactive / FNOX_NON_INTERACTIVE)",
            )
            .hint("pass --force to import without asking"));
        }
        if !confirm(ctx, "Continue?")? {
            ctx.say("Import cancelled");
            return Ok(0);
        }
    }
    // Before a remote store is written: a file fnox may not write changes nothing anywhere.
    let read_only = ReadOnly::overwrite_if(args.force);
    crate::config::edit::ensure_writable(&path, read_only)?;
    let failed = |name: &str, e| {
        provider_error(
            format!("cannot import {name} with provider '{provider_name}'"),
            e,
        )
    };
    let mut stored = Vec::with_capacity(pairs.len());
    match &provider {
        Provider::Cipher(c) => {
            for (name, value) in &pairs {
                let sealed = c.seal(value).map_err(|e| failed(name, e))?;
                stored.push((name.as_str(), sealed));
            }
        }
        // A store takes the whole batch at once (keepass saves its database once).
        Provider::Store(s) => {
            let items: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            for ((name, _), done) in pairs.iter().zip(s.store_batch(&items)) {
                done.map_err(|e| failed(name, e))?;
                stored.push((name.as_str(), name.clone()));
            }
        }
    }
    let mut editor = Editor::open(&path, read_only)?;
    let signer = crate::integrity::write::Signer::new(&scope, &write_profiles, &path);
    for (name, recorded) in stored {
        editor.set_secret(
            &section,
            name,
            &[
                ("provider", Value::from(provider_name.as_str())),
                ("value", Value::from(recorded.as_str())),
            ],
        )?;
        signer.tag(
            &mut editor,
            &section,
            name,
            &provider_name,
            &provider,
            &recorded,
        );
    }
    editor.save()?;
    let global = super::global_suffix(args.global);
    ctx.say(format!(
        "✓ Imported {} secrets into profile '{profile}' using provider '{provider_name}'{global} in {shown}",
        pairs.len()
    ));
    Ok(0)
}

fn parse(format: Format, text: &str) -> Result<Vec<(String, String)>, String> {
    match format {
        Format::Env => crate::dotenv::parse(text),
        Format::Json => {
            let v: serde_json::Value = serde_json::from_str(text)
                .map_err(|e| format!("invalid JSON at line {} column {}", e.line(), e.column()))?;
            let serde_json::Value::Object(map) = v else {
                return Err("the top level is not an object".to_owned());
            };
            map.into_iter()
                .map(|(k, v)| scalar_json(&k, v).map(|v| (k, v)))
                .collect()
        }
        Format::Yaml => {
            let v: serde_yaml_ng::Value =
                serde_yaml_ng::from_str(text).map_err(|e| match e.location() {
                    Some(l) => format!("invalid YAML at line {} column {}", l.line(), l.column()),
                    None => "invalid YAML".to_owned(),
                })?;
            let serde_yaml_ng::Value::Mapping(map) = v else {
                return Err("the top level is not a mapping".to_owned());
            };
            map.into_iter()
                .map(|(k, v)| {
                    let k = match k {
                        serde_yaml_ng::Value::String(s) => s,
                        _ => return Err("a key is not a string".to_owned()),
                    };
                    let v = match v {
                        serde_yaml_ng::Value::String(s) => s,
                        serde_yaml_ng::Value::Number(n) => n.to_string(),
                        serde_yaml_ng::Value::Bool(b) => b.to_string(),
                        _ => {
                            return Err(format!(
                                "the value of {k} is not a string, number or boolean"
                            ))
                        }
                    };
                    Ok((k, v))
                })
                .collect()
        }
        Format::Toml => {
            let table: toml::Table = toml::from_str(text).map_err(|e| match e.span() {
                Some(span) => {
                    let (line, col) = crate::config::load::line_col(text, span.start);
                    format!("invalid TOML at line {line} column {col}")
                }
                None => "invalid TOML".to_owned(),
            })?;
            table
                .into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        toml::Value::String(s) => s,
                        toml::Value::Integer(i) => i.to_string(),
                        toml::Value::Float(f) => f.to_string(),
                        toml::Value::Boolean(b) => b.to_string(),
                        _ => {
                            return Err(format!(
                                "the value of {k} is not a string, number or boolean"
                            ))
                        }
                    };
                    Ok((k, v))
                })
                .collect()
        }
    }
}

fn scalar_json(key: &str, v: serde_json::Value) -> Result<String, String> {
    match v {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        _ => Err(format!(
            "the value of {key} is not a string, number or boolean"
        )),
    }
}
