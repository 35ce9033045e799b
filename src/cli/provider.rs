//! `fnox provider add|list|remove|test`

use toml_edit::Value;

use super::{print_data, print_json, Ctx};
use crate::config::edit::Editor;
use crate::error::{Error, Result};
use crate::resolve::build_provider;

/// Manage providers: add a template, list, remove, test a connection.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
}

#[derive(clap::Subcommand, Debug)]
pub enum Sub {
    /// Add a provider table to the config (filled in where fnox knows the values)
    #[command(visible_aliases = ["a", "set"])]
    Add {
        /// Name of the new provider
        name: String,
        /// Its type (age, plain, aws-kms, aws-sm, aws-ps, vault, password-store, keychain, ...)
        #[arg(value_name = "TYPE")]
        kind: String,
        /// Write to the global config file
        #[arg(short = 'g', long)]
        global: bool,
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
        Sub::Add { name, kind, global } => add(ctx, &name, &kind, global),
        Sub::List { json } => list(ctx, json),
        Sub::Remove { name, global } => remove(ctx, &name, global),
        Sub::Test { name, all } => test(ctx, name, all),
    }
}

/// `provider add` type names that are aliases of config types.
fn canonical_type(kind: &str) -> &str {
    match kind {
        "aws" => "aws-sm",
        "gcp" => "gcp-sm",
        other => other,
    }
}

fn template(kind: &str) -> Result<Vec<(&'static str, Value)>> {
    let mut fields: Vec<(&'static str, Value)> = vec![("type", Value::from(kind))];
    match kind {
        "age" => {
            let recipients = local_public_key().unwrap_or_else(|| "age1...".to_owned());
            let mut arr = toml_edit::Array::new();
            arr.push(recipients);
            fields.push(("recipients", Value::Array(arr)));
        }
        "aws-kms" => {
            fields.push(("key_id", Value::from("alias/my-key")));
            fields.push(("region", Value::from("us-east-1")));
        }
        "aws-sm" | "aws-ps" => fields.push(("region", Value::from("us-east-1"))),
        "vault" => {
            fields.push(("address", Value::from("http://127.0.0.1:8200")));
            fields.push(("path", Value::from("secret")));
        }
        "keychain" => fields.push(("service", Value::from("fnox"))),
        _ => {}
    }
    let known = crate::provider::SUPPORTED
        .iter()
        .chain(crate::provider::KNOWN_UNSUPPORTED.iter())
        .any(|k| *k == kind);
    if !known {
        let all = crate::provider::SUPPORTED
            .iter()
            .chain(crate::provider::KNOWN_UNSUPPORTED.iter())
            .copied();
        let mut err = Error::usage(format!("unknown provider type '{kind}'"));
        if let Some(dym) = crate::error::did_you_mean(kind, all) {
            err = err.cause(dym);
        }
        return Err(err.hint(format!(
            "supported types: {}",
            crate::provider::SUPPORTED.join(", ")
        )));
    }
    Ok(fields)
}

/// The public key of this machine's default age identity, when there is one.
fn local_public_key() -> Option<String> {
    let path = crate::provider::age::default_identity_path()?;
    let text = crate::provider::age::read_identity_file(&path)?;
    crate::provider::age::public_keys(&text).into_iter().next()
}

fn add(ctx: &Ctx, name: &str, kind: &str, global: bool) -> Result<i32> {
    let kind = canonical_type(kind);
    let fields = template(kind)?;
    let config = ctx.load_for_write()?;
    let profile = ctx.write_profile()?;
    let (path, section) = config.write_target(global, &profile);
    let mut editor = Editor::open(&path)?;
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
    ctx.say(format!(
        "✓ Added provider '{name}' ({kind}) to {}",
        config.display(&path)
    ));
    if fields
        .iter()
        .any(|(_, v)| v.to_string().contains("...") || v.to_string().contains("my-key"))
    {
        ctx.say("  edit its placeholder values before use");
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
    print_data(&out)?;
    Ok(0)
}

fn remove(ctx: &Ctx, name: &str, global: bool) -> Result<i32> {
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
    let mut editor = Editor::open(&path)?;
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
    let names: Vec<String> = match (name, all) {
        (Some(n), false) => vec![n],
        (None, true) => config
            .providers()
            .iter()
            .map(|p| p.name.to_owned())
            .collect(),
        _ => {
            return Err(Error::usage("name one provider or pass --all")
                .hint("fnox provider test NAME, or fnox provider test --all"))
        }
    };
    let mut failed = 0;
    for name in &names {
        let outcome = build_provider(&config, name).and_then(|p| {
            p.check().map_err(|e| {
                crate::resolve::provider_error(format!("provider '{name}' failed its test"), e)
            })
        });
        match outcome {
            Ok(detail) => ctx.say(format!("✓ {name}: {detail}")),
            Err(e) => {
                failed += 1;
                eprint!("{}", e.render());
            }
        }
    }
    Ok(if failed == 0 { 0 } else { 1 })
}
