//! `fnox set KEY [VALUE]`

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use super::Ctx;
use crate::config::set::{set_secret, SetRequest};
use crate::error::{Error, Result};
use crate::secret::SecretValue;
use base64::Engine;

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

    let outcome = set_secret(
        &config,
        &SetRequest {
            key: &args.key,
            value: value.as_ref(),
            provider: args.provider.as_deref(),
            key_name: args.key_name.as_deref(),
            description: args.description.as_deref(),
            default: args.default.as_deref(),
            if_missing: ctx.global.if_missing,
            profile: &profile,
            global: args.global,
            dry_run: args.dry_run,
            force: args.force,
        },
    )?;
    let path = outcome.path;
    let shown = config.display(&path);
    let where_ = super::write_place(&profile, args.global, &shown);
    if args.dry_run {
        let mut out = format!("[dry-run] Would set secret {}{where_}\n", args.key);
        if let Some(p) = &outcome.provider {
            out.push_str(&format!("  provider: {p}\n"));
        }
        if let Some(v) = &outcome.stored {
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
    if args.generate {
        let (len, format) = generated_shape(&args);
        ctx.say(format!(
            "✓ Generated {} with provider {}: {}",
            args.key,
            outcome.provider.as_deref().unwrap_or("?"),
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
