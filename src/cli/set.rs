//! `fnox set KEY [VALUE]`

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use base64::Engine;
use toml_edit::Value;

use super::Ctx;
use crate::config::edit::{override_fields, Editor, ReadOnly};
use crate::config::load::same_file;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::provider::Provider;
use crate::resolve::{build_writer, provider_error};
use crate::secret::SecretValue;

/// Encrypt or store a secret and record it in fnox.toml (edited in place).
///
/// The value comes from VALUE, --from-file (verbatim), piped stdin (one trailing newline
/// removed), a hidden prompt on a terminal, or --generate (fresh random bytes from the operating
/// system, never shown). The entry is written to a file in the current
/// directory (fnox.PROFILE.toml when it exists, else fnox.toml, else the local file when it is the
/// only one here, else a new fnox.toml), never to a parent directory's file: a secret inherited
/// from there gets an override here, encrypted with the providers that file sees.
#[derive(clap::Args)]
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
    /// Store a fresh random value from the OS's secure random source; it is never printed
    #[arg(long, conflicts_with_all = ["value", "from_file", "base64_encode"])]
    pub generate: bool,
    /// With --generate: random bytes (base64, hex) or characters (alnum), 1 to 4096 [default: 32]
    #[arg(
        long,
        value_name = "N",
        requires = "generate",
        value_parser = clap::value_parser!(u16).range(1..=i64::from(crate::generate::MAX_LEN)),
    )]
    pub bytes: Option<u16>,
    /// With --generate: how the random value is written [default: base64]
    #[arg(long, value_enum, requires = "generate")]
    pub format: Option<crate::generate::Format>,
    /// Write to the global config file
    #[arg(short = 'g', long)]
    pub global: bool,
    /// Show what would change without changing anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Write the config file even when it is read-only (as `rm -f`)
    #[arg(short = 'f', long)]
    pub force: bool,
}

/// The value and the default are plaintext: Debug says whether they were given, not what they are.
impl std::fmt::Debug for Args {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let given = |v: &Option<String>| v.as_ref().map(|_| "<redacted>");
        f.debug_struct("Args")
            .field("key", &self.key)
            .field("value", &given(&self.value))
            .field("provider", &self.provider)
            .field("key_name", &self.key_name)
            .field("description", &self.description)
            .field("default", &given(&self.default))
            .field("base64_encode", &self.base64_encode)
            .field("from_file", &self.from_file)
            .field("generate", &self.generate)
            .field("bytes", &self.bytes)
            .field("format", &self.format)
            .field("global", &self.global)
            .field("dry_run", &self.dry_run)
            .finish()
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    crate::trust::require_env_name(&args.key)?;
    // clap's `requires` lets a flag through when what it requires conflicts with a given
    // argument (`set K v --bytes 8`), so say it here.
    if !args.generate && (args.bytes.is_some() || args.format.is_some()) {
        let flag = if args.bytes.is_some() {
            "--bytes"
        } else {
            "--format"
        };
        return Err(
            Error::usage(format!("{flag} only applies to a generated value"))
                .hint(format!("fnox set {} --generate {flag} …", args.key)),
        );
    }
    let config = ctx.load_for_write()?;
    let profile = ctx.write_profile()?;
    let value = read_value(ctx, &args)?;

    // Always a file here (or -g / -c), never a parent directory's; a secret inherited from
    // elsewhere gets an override entry in that file.
    let (path, section) = config.write_target(args.global, &profile);
    // Before a remote store is written: a file fnox may not write changes nothing anywhere.
    let read_only = ReadOnly::overwrite_if(args.force || args.dry_run);
    crate::config::edit::ensure_writable(&path, read_only)?;
    // The providers as the written file sees them, under the write profile: the value must be
    // readable by everyone who reads that file.
    let scope = config.as_seen_by(&path);
    let write_profiles = [profile.clone()];
    let inherited = config
        .secrets_for(&write_profiles)
        .into_iter()
        .find(|s| s.name == args.key);
    let in_place = inherited.as_ref().is_some_and(|e| {
        let layer = &config.layers[e.origin.layer];
        same_file(&layer.path, &path) && e.origin.section == section
    });
    // Where the entry is written, for every message below: "secrets.KEY in ./fnox.toml".
    let target = format!(
        "{} in {}",
        section.key_path("secrets", &args.key),
        config.display(&path)
    );
    let mut fields: Vec<(String, Value)> = Vec::new();
    if let (Some(entry), false) = (&inherited, in_place) {
        for (k, v) in override_fields(&config, entry) {
            // A new value replaces any synced copy, which would otherwise win over it.
            if !(value.is_some() && k == "sync") {
                fields.push((k, v));
            }
        }
    }
    let mut shown_value = None;
    let mut provider_name = None;
    // The provider that wrote the value, for its integrity tag.
    let mut written_with = None;
    if let Some(value) = &value {
        let existing_provider = inherited.as_ref().and_then(|e| e.secret.provider.clone());
        let name = match args
            .provider
            .clone()
            .or_else(|| existing_provider.clone())
            .or_else(|| scope.default_provider_for(&write_profiles))
        {
            Some(name) => name,
            None => return Err(no_provider(&scope, &write_profiles, &args.key, &target)),
        };
        let provider = build_writer(
            &scope,
            &name,
            &write_profiles,
            &format!("write {}", args.key),
        )?;
        // A store writes to the remote key the entry already names (when it is this provider's).
        // An entry inherited from another file does not lend its remote key: the override
        // would overwrite the value that file's readers get.
        let remote_key = args.key_name.clone().or_else(|| {
            inherited
                .as_ref()
                .filter(|_| in_place)
                .filter(|e| e.secret.provider.as_deref().unwrap_or(&name) == name)
                .and_then(|e| e.secret.value.clone())
                .filter(|_| !provider.is_cipher())
        });
        let remote_key = remote_key.unwrap_or_else(|| args.key.clone());
        let stored = if args.dry_run {
            if provider.is_cipher() {
                "<encrypted>".to_owned()
            } else {
                remote_key.clone()
            }
        } else {
            store(&provider, &name, &args.key, &remote_key, value)
                .map_err(|e| e.cause(format!("writing {target}")))?
        };
        shown_value = Some(stored.clone());
        let had_provider = existing_provider.is_some();
        if args.provider.is_some() || had_provider || inherited.is_none() {
            fields.push(("provider".into(), Value::from(name.as_str())));
        }
        fields.push(("value".into(), Value::from(stored.clone())));
        written_with = Some((provider, stored));
        provider_name = Some(name);
    }
    if let Some(d) = &args.description {
        fields.push(("description".into(), Value::from(d.as_str())));
    }
    if let Some(d) = &args.default {
        fields.push(("default".into(), Value::from(d.as_str())));
    }
    if let Some(m) = ctx.global.if_missing {
        fields.push(("if_missing".into(), Value::from(m.as_str())));
    }
    let metadata = args.description.is_some() || args.default.is_some();
    if value.is_none() && !metadata && ctx.global.if_missing.is_none() {
        return Err(Error::usage(format!("nothing to set for {}", args.key))
            .hint("give a value, --default, --description or --if-missing"));
    }

    let shown = config.display(&path);
    let where_ = super::write_place(&profile, args.global, &shown);
    if args.dry_run {
        let mut out = format!("[dry-run] Would set secret {}{where_}\n", args.key);
        if let Some(p) = &provider_name {
            out.push_str(&format!("  provider: {p}\n"));
        }
        if let Some(v) = &shown_value {
            out.push_str(&format!("  value: {v}\n"));
        }
        if let Some(d) = &args.description {
            out.push_str(&format!("  description: {d}\n"));
        }
        if let Some(d) = &args.default {
            out.push_str(&format!("  default: {d}\n"));
        }
        if let Some(m) = ctx.global.if_missing {
            out.push_str(&format!("  if_missing: {}\n", m.as_str()));
        }
        super::print_text(&out)?;
        return Ok(0);
    }
    let fields: Vec<(&str, Value)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let mut editor = Editor::open(&path, read_only)?;
    editor.set_secret(&section, &args.key, &fields)?;
    if let (Some((provider, stored)), Some(name)) = (&written_with, &provider_name) {
        crate::integrity::write::Signer::new(&scope, &write_profiles, &path).tag(
            &mut editor,
            &section,
            &args.key,
            name,
            provider,
            stored,
        );
    }
    editor.save()?;
    if args.generate {
        let (len, format) = generated_shape(&args);
        ctx.say(format!(
            "✓ Generated {} with provider {}: {}",
            args.key,
            provider_name.as_deref().unwrap_or("?"),
            format.describe(len)
        ));
    }
    ctx.say(format!("✓ Set secret {}{where_}", args.key));
    if let Some(shadow) = config.shadowing_file(&args.key, &profile, &path) {
        crate::error::warn(format!(
            "{} is also defined in {}, which takes precedence over {shown}: reads still get that entry",
            args.key,
            config.display(&shadow)
        ));
    }
    Ok(0)
}

/// No provider to encrypt with: say which situation it is.
fn no_provider(scope: &Config, profiles: &[String], key: &str, target: &str) -> Error {
    let names: Vec<&str> = scope
        .providers_for(profiles)
        .iter()
        .map(|p| p.name)
        .collect();
    let err = Error::new(format!(
        "cannot set {key} ({target}): no provider to encrypt it with"
    ))
    .code("fnox::provider::not_configured");
    if names.is_empty() {
        err.cause("No providers configured").hint(
            "run `fnox init` to set up an age key, or add one with `fnox provider add age age`",
        )
    } else {
        err.cause(format!(
            "several providers are configured ({}) and no default_provider says which one to use",
            names.join(", ")
        ))
        .hint(format!(
            "pass --provider {}, or set default_provider = \"{}\" in the config",
            names[0], names[0]
        ))
    }
}

/// Encrypts (cipher) or stores remotely (store) and returns what fnox.toml records.
fn store(
    provider: &Provider,
    name: &str,
    key: &str,
    reference: &str,
    value: &SecretValue,
) -> Result<String> {
    match provider {
        Provider::Cipher(c) => c
            .seal(value.expose())
            .map_err(|e| provider_error(format!("cannot encrypt {key} with provider '{name}'"), e)),
        Provider::Store(s) => {
            s.store(reference, value.expose()).map_err(|e| {
                provider_error(format!("cannot store {key} in provider '{name}'"), e)
            })?;
            Ok(reference.to_owned())
        }
    }
}

/// --bytes and --format, or their defaults.
fn generated_shape(args: &Args) -> (u16, crate::generate::Format) {
    (
        args.bytes.unwrap_or(crate::generate::DEFAULT_LEN),
        args.format.unwrap_or(crate::generate::Format::Base64),
    )
}

fn read_value(ctx: &Ctx, args: &Args) -> Result<Option<SecretValue>> {
    if args.generate {
        // Never stdin, never a prompt: the value exists only here and in what the provider keeps.
        let (len, format) = generated_shape(args);
        return crate::generate::generate(len, format).map(Some);
    }
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
