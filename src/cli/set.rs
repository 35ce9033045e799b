//! `fnox set KEY [VALUE]`

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use base64::Engine;
use toml_edit::Value;

use super::Ctx;
use crate::config::edit::Editor;
use crate::error::{Error, Result};
use crate::provider::Provider;
use crate::resolve::{build_provider, provider_error};
use crate::secret::SecretValue;

/// Encrypt or store a secret and record it in fnox.toml (edited in place).
///
/// The value comes from VALUE, --from-file (verbatim), piped stdin (one trailing newline
/// removed), or a hidden prompt on a terminal. An existing secret is updated where it is
/// defined; a new one goes to the nearest fnox.toml.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The secret's name
    pub key: String,
    /// The value; omit to read stdin or be prompted
    pub value: Option<String>,
    /// Provider to encrypt or store with (default: the secret's own, else default_provider)
    #[arg(short = 'p', long)]
    pub provider: Option<String>,
    /// Name of the value in a remote store (default: KEY)
    #[arg(short = 'k', long)]
    pub key_name: Option<String>,
    /// Description stored beside the secret
    #[arg(short = 'd', long)]
    pub description: Option<String>,
    /// Default used when the provider has no value
    #[arg(long)]
    pub default: Option<String>,
    /// Store the base64 of the value (for binary data)
    #[arg(long)]
    pub base64_encode: bool,
    /// Read the value from a file, verbatim
    #[arg(long, value_name = "PATH", conflicts_with = "value")]
    pub from_file: Option<PathBuf>,
    /// Write to the global config file
    #[arg(short = 'g', long)]
    pub global: bool,
    /// Show what would change without changing anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load_for_write()?;
    let profile = ctx.write_profile()?;
    let value = read_value(ctx, &args)?;

    let existing = config.secret(&args.key);
    let (path, section) = match config.defining_file(&args.key, &profile) {
        Some(found) if !args.global => found,
        _ => config.write_target(args.global, &profile),
    };
    // Where the entry is written, for every message below: "secrets.KEY in ./fnox.toml".
    let target = format!(
        "{} in {}",
        section.key_path("secrets", &args.key),
        config.display(&path)
    );
    let mut fields: Vec<(&str, Value)> = Vec::new();
    let mut provider_name = None;
    if let Some(value) = &value {
        let name = args
            .provider
            .clone()
            .or_else(|| existing.as_ref().and_then(|e| e.secret.provider.clone()))
            .or_else(|| config.default_provider())
            .ok_or_else(|| {
                Error::new(format!("cannot set {} ({target}): no provider to encrypt it with", args.key))
                    .cause("no providers are configured")
                    .hint("run `fnox init` to set up an age key, or add one with `fnox provider add age age`")
            })?;
        let stored = if args.dry_run {
            None
        } else {
            let provider = build_provider(&config, &name)?;
            Some(
                store(&provider, &name, &args, value)
                    .map_err(|e| e.cause(format!("writing {target}")))?,
            )
        };
        let had_provider = existing
            .as_ref()
            .is_some_and(|e| e.secret.provider.is_some());
        if args.provider.is_some() || had_provider || existing.is_none() {
            fields.push(("provider", Value::from(name.as_str())));
        }
        if let Some(stored) = stored {
            fields.push(("value", Value::from(stored)));
        }
        provider_name = Some(name);
    }
    if let Some(d) = &args.description {
        fields.push(("description", Value::from(d.as_str())));
    }
    if let Some(d) = &args.default {
        fields.push(("default", Value::from(d.as_str())));
    }
    if let Some(m) = ctx.global.if_missing {
        fields.push(("if_missing", Value::from(m.as_str())));
    }
    if value.is_none() && fields.is_empty() {
        return Err(Error::usage(format!("nothing to set for {}", args.key))
            .hint("give a value, --default, --description or --if-missing"));
    }

    let shown = config.display(&path);
    let where_ = match &section {
        crate::config::Section::Profile(p) => format!("profile {p} in {shown}"),
        crate::config::Section::Top => shown.clone(),
    };
    if args.dry_run {
        let mut out = format!("[dry-run] Would set secret {} in {where_}\n", args.key);
        if let Some(p) = &provider_name {
            out.push_str(&format!("  provider: {p}\n  value: <encrypted>\n"));
        }
        if let Some(d) = &args.description {
            out.push_str(&format!("  description: {d}\n"));
        }
        if let Some(d) = &args.default {
            out.push_str(&format!("  default: {d}\n"));
        }
        super::print_data(&out)?;
        return Ok(0);
    }
    let mut editor = Editor::open(&path)?;
    editor.set_secret(&section, &args.key, &fields)?;
    editor.save()?;
    ctx.say(format!("✓ Set secret {} in {where_}", args.key));
    Ok(0)
}

/// Encrypts (cipher) or stores remotely (store) and returns what fnox.toml records.
fn store(provider: &Provider, name: &str, args: &Args, value: &SecretValue) -> Result<String> {
    match provider {
        Provider::Cipher(c) => c.encrypt(value.expose()).map_err(|e| {
            provider_error(
                format!("cannot encrypt {} with provider '{name}'", args.key),
                e,
            )
        }),
        Provider::Store(s) => {
            let reference = args.key_name.clone().unwrap_or_else(|| args.key.clone());
            s.put(&reference, value.expose()).map_err(|e| {
                provider_error(format!("cannot store {} in provider '{name}'", args.key), e)
            })?;
            Ok(reference)
        }
    }
}

fn read_value(ctx: &Ctx, args: &Args) -> Result<Option<SecretValue>> {
    let raw = if let Some(v) = &args.value {
        Some(v.clone())
    } else if let Some(path) = &args.from_file {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::new(format!(
                "cannot read the value of {} from {}",
                args.key,
                path.display()
            ))
            .cause(e)
        })?;
        Some(if args.base64_encode {
            return Ok(Some(SecretValue::new(
                base64::engine::general_purpose::STANDARD.encode(&bytes),
            )));
        } else {
            String::from_utf8(bytes).map_err(|_| {
                Error::new(format!("{} is not UTF-8 text", path.display()))
                    .hint("store binary files with --base64-encode")
            })?
        })
    } else if args.default.is_some() || args.description.is_some() {
        None
    } else if !std::io::stdin().is_terminal() {
        let mut buf = String::new();
        std::io::stdin().read_to_string(&mut buf).map_err(|e| {
            Error::new(format!("cannot read the value of {} from stdin", args.key)).cause(e)
        })?;
        if buf.ends_with('\n') {
            buf.pop();
            if buf.ends_with('\r') {
                buf.pop();
            }
        }
        if buf.is_empty() {
            return Err(
                Error::usage(format!("no value for {}: stdin was empty", args.key)).hint(format!(
                    "pass the value as an argument: fnox set {} VALUE ('' for an empty value)",
                    args.key
                )),
            );
        }
        Some(buf)
    } else if ctx.interactive() {
        Some(
            dialoguer::Password::new()
                .with_prompt(format!("Value for {}", args.key))
                .allow_empty_password(true)
                .interact()
                .map_err(|e| Error::new("cannot read the value").cause(e))?,
        )
    } else {
        return Err(
            Error::usage(format!("no value for {}", args.key)).hint(format!(
                "pass it as an argument, pipe it in, or use --from-file: fnox set {} VALUE",
                args.key
            )),
        );
    };
    Ok(raw.map(|v| {
        if args.base64_encode {
            SecretValue::new(base64::engine::general_purpose::STANDARD.encode(v.as_bytes()))
        } else {
            SecretValue::new(v)
        }
    }))
}
