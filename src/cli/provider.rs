//! `fnox provider add|list|remove|test`

use toml_edit::Value;

use super::{print_json, Ctx, Listed};
use crate::config::edit::{Editor, ReadOnly};
use crate::error::{Error, Result};
use crate::provider::{template, KNOWN_UNSUPPORTED, SUPPORTED};
use crate::resolve::test_provider;

/// Manage providers: add a template, list, remove, test a connection.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
}

#[derive(clap::Subcommand, Debug)]
pub enum Sub {
    /// Add a provider table to the config, with placeholders to edit (as upstream fnox writes
    /// them; an age provider gets this machine's public key when there is one)
    #[command(visible_aliases = ["a", "set"])]
    Add {
        /// Name of the new provider
        name: String,
        /// Its type (`aws` is aws-sm and `gcp` gcp-sm, as upstream)
        #[arg(value_name = "TYPE", value_parser = Listed(&template::ADD_TYPES))]
        kind: String,
        /// Write to the global config file
        #[arg(short = 'g', long)]
        global: bool,
        /// Default Proton Pass vault (proton-pass only)
        #[arg(long, value_name = "VAULT")]
        vault: Option<String>,
        /// Write the config file even when it is read-only (as `rm -f`)
        #[arg(short = 'f', long)]
        force: bool,
    },
    /// List the providers of the active profile(s)
    #[command(visible_alias = "ls")]
    List {
        /// Print a JSON array: name, type, source
        #[arg(long)]
        json: bool,
    },
    /// Remove a provider table from the config
    #[command(visible_aliases = ["rm", "delete"])]
    Remove {
        /// Name of the provider
        name: String,
        /// Remove from the global config file
        #[arg(short = 'g', long)]
        global: bool,
        /// Write the config file even when it is read-only (as `rm -f`)
        #[arg(short = 'f', long)]
        force: bool,
    },
    /// Check that a provider is configured and its keys or credentials work (prints no secrets)
    #[command(visible_alias = "t")]
    Test {
        /// Name of the provider
        name: Option<String>,
        /// Test every provider
        #[arg(short = 'a', long)]
        all: bool,
    },
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    match args.command.unwrap_or(Sub::List { json: false }) {
        Sub::Add {
            name,
            kind,
            global,
            vault,
            force,
        } => add(
            ctx,
            &name,
            &kind,
            global,
            vault,
            ReadOnly::overwrite_if(force),
        ),
        Sub::List { json } => list(ctx, json),
        Sub::Remove {
            name,
            global,
            force,
        } => remove(ctx, &name, global, ReadOnly::overwrite_if(force)),
        Sub::Test { name, all } => test(ctx, name, all),
    }
}

/// The table `provider add` writes: `type`, then the template's fields.
fn template(name: &str, kind: &str, vault: Option<String>) -> Result<Vec<(&'static str, Value)>> {
    let Some(mut fields) = template::placeholders(name, kind) else {
        let mut err = Error::usage(format!("unknown provider type '{kind}'"));
        if let Some(dym) = crate::error::did_you_mean(kind, template::ADD_TYPES.iter().copied()) {
            err = err.cause(dym);
        }
        return Err(err.hint(format!(
            "this version of fnox reads {}; `fnox provider add --help` lists every type",
            SUPPORTED.join(", ")
        )));
    };
    match vault {
        Some(vault) if kind == "proton-pass" => fields.push(("vault", Value::from(vault))),
        Some(_) => {
            return Err(Error::new(
                "--vault is only supported for provider type 'proton-pass'",
            ))
        }
        None => {}
    }
    if kind == "age" {
        if let Some(key) = local_public_key() {
            let mut recipients = toml_edit::Array::new();
            recipients.push(key);
            fields = vec![("recipients", Value::Array(recipients))];
        }
    }
    fields.insert(0, ("type", Value::from(kind)));
    Ok(fields)
}

/// Whether a template still holds values to replace (anything but `type` and a real age key).
fn has_placeholders(kind: &str, fields: &[(&str, Value)]) -> bool {
    fields.iter().skip(1).any(|(key, value)| {
        !(kind == "age"
            && *key == "recipients"
            && !value.to_string().contains(template::AGE_RECIPIENT))
    })
}

/// The public key of this machine's default age identity, when there is one.
fn local_public_key() -> Option<String> {
    let path = crate::provider::age::default_identity_path()?;
    let text = crate::provider::age::read_identity_file(&path)?;
    crate::provider::age::public_keys(&text).into_iter().next()
}

fn add(
    ctx: &Ctx,
    name: &str,
    kind: &str,
    global: bool,
    vault: Option<String>,
    read_only: ReadOnly,
) -> Result<i32> {
    let kind = template::config_type(kind);
    let fields = template(name, kind, vault)?;
    let config = ctx.load_for_write()?;
    let profile = ctx.write_profile()?;
    let (path, section) = config.write_target(global, &profile);
    let mut editor = Editor::open(&path, read_only)?;
    if editor.has_provider(&section, name) {
        return Err(Error::new(format!(
            "provider '{name}' already exists in {}",
            config.display(editor.path())
        ))
        .hint(format!(
            "pick another name, or remove it first with `fnox provider remove {name}`"
        )));
    }
    editor.add_provider(&section, name, &fields)?;
    editor.save()?;
    let suffix = super::global_suffix(global);
    ctx.say(format!(
        "✓ Added provider '{name}' ({kind}) to {}{suffix}",
        config.display(&path)
    ));
    if has_placeholders(kind, &fields) {
        ctx.say(format!(
            "Note: Please edit '{}' to configure the provider settings.",
            config.display(&path)
        ));
    }
    if KNOWN_UNSUPPORTED.contains(&kind) {
        ctx.say(format!(
            "note: provider type '{kind}' is not supported by this version of fnox yet: \
             secrets that use '{name}' cannot be read or written until it is"
        ));
    }
    Ok(0)
}

fn list(ctx: &Ctx, json: bool) -> Result<i32> {
    let config = ctx.load()?;
    if json {
        let mut providers = config.providers();
        providers.sort_by_key(|p| p.name);
        let items: Vec<_> = providers
            .iter()
            .map(|p| super::list::provider_json(&config, p))
            .collect();
        print_json(&items)?;
        return Ok(0);
    }
    let mut names: Vec<&str> = config.providers().iter().map(|p| p.name).collect();
    names.sort_unstable();
    let mut out = String::new();
    for name in names {
        out.push_str(name);
        out.push('\n');
    }
    super::print_text(&out)?;
    Ok(0)
}

fn remove(ctx: &Ctx, name: &str, global: bool, read_only: ReadOnly) -> Result<i32> {
    let config = if global {
        ctx.load_for_write()?
    } else {
        ctx.load()?
    };
    let profile = ctx.write_profile()?;
    let section = crate::config::Section::for_profile(&profile);
    let path = if global {
        config.write_target(true, &profile).0
    } else {
        let entry = config
            .provider(name)
            .ok_or_else(|| unknown_provider(&config, name))?;
        config.layers[entry.origin.layer].path.clone()
    };
    let mut editor = Editor::open(&path, read_only)?;
    if !editor.remove_provider(&section, name) {
        return Err(unknown_provider(&config, name));
    }
    editor.save()?;
    ctx.say(format!(
        "✓ Removed provider '{name}' from {}",
        config.display(&path)
    ));
    Ok(0)
}

fn unknown_provider(config: &crate::config::Config, name: &str) -> Error {
    let names: Vec<&str> = config.providers().iter().map(|p| p.name).collect();
    let mut err = Error::new(format!("provider '{name}' is not defined"));
    if let Some(dym) = crate::error::did_you_mean(name, names.iter().copied()) {
        err = err.cause(dym);
    }
    err.hint("see the configured providers with `fnox provider list`")
}

fn test(ctx: &Ctx, name: Option<String>, all: bool) -> Result<i32> {
    let config = ctx.load()?;
    match (name, all) {
        (Some(name), false) => {
            let detail = test_provider(&config, &name)?;
            ctx.say(format!("✓ Provider {name} connection successful: {detail}"));
            Ok(0)
        }
        (None, true) => test_all(ctx, &config),
        _ => Err(
            Error::usage("Please specify a provider name or use --all to test all providers")
                .hint("fnox provider test NAME, or fnox provider test --all"),
        ),
    }
}

/// `provider test --all`, reported as upstream reports it: "Testing N providers...", a line per
/// provider, then "All N providers passed" or "✗ P passed, F failed" (exit 1) after the errors.
fn test_all(ctx: &Ctx, config: &crate::config::Config) -> Result<i32> {
    let names: Vec<&str> = config.providers().iter().map(|p| p.name).collect();
    if names.is_empty() {
        ctx.say("No providers configured");
        return Ok(0);
    }
    ctx.say(format!("Testing {}...\n", count(names.len())));
    let mut failures = Vec::new();
    for name in &names {
        match test_provider(config, name) {
            Ok(detail) => ctx.say(format!("  ✓ {name}: {detail}")),
            Err(e) => {
                ctx.say(format!("  ✗ {name}"));
                failures.push(e);
            }
        }
    }
    let passed = names.len() - failures.len();
    if failures.is_empty() {
        ctx.say(format!("\n✓ All {} passed", count(passed)));
        return Ok(0);
    }
    eprintln!();
    for e in &failures {
        eprint!("{}", e.escaped().render());
    }
    eprintln!("\n✗ {passed} passed, {} failed", failures.len());
    Ok(1)
}

/// "1 provider", "3 providers".
fn count(n: usize) -> String {
    format!("{n} provider{}", if n == 1 { "" } else { "s" })
}
