//! `fnox get KEY`

use base64::Engine;

use super::{print_data, unknown_secret, Ctx};
use crate::config::model::IfMissing;
use crate::error::{Error, Result};
use crate::resolve::{explicit_if_missing_for, resolve, ResolveOptions};

/// Print one secret's value (decrypted or fetched) followed by a newline.
///
/// Fails when the value cannot be produced, unless `if_missing` was set to `warn` or `ignore`
/// (on the secret, its file, --if-missing or FNOX_IF_MISSING): then it prints nothing and exits 0.
/// Never an empty line in place of a secret it could not read.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The secret's name
    pub key: String,
    /// Decode a base64 value and print the raw bytes (no newline added)
    #[arg(long)]
    pub base64_decode: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load_only(&[args.key.as_str()])?;
    let Some(entry) = config.secret(&args.key) else {
        // The suggestions come from every secret: read them all.
        return Err(unknown_secret(&ctx.load()?, &args.key));
    };
    let opts = ResolveOptions {
        strict: true,
        ..ctx.resolve_options()
    };
    let values = match resolve(&config, &[args.key.as_str()], opts) {
        Ok(values) => values,
        // A secret someone marked `ignore` or `warn` (on it, its file, --if-missing or
        // FNOX_IF_MISSING) prints nothing and succeeds; with only the implicit default it fails.
        Err(e) => match explicit_if_missing_for(&config, &entry, ctx.global.if_missing) {
            Some(IfMissing::Ignore) => return Ok(0),
            Some(IfMissing::Warn) => {
                crate::error::warn(format!(
                    "{} (if_missing = \"warn\": nothing printed)",
                    e.one_line()
                ));
                return Ok(0);
            }
            _ => return Err(e),
        },
    };
    let value = &values[args.key.as_str()];
    if args.base64_decode {
        let bytes = zeroize::Zeroizing::new(
            base64::engine::general_purpose::STANDARD
                .decode(value.expose().trim())
                .map_err(|e| {
                    Error::new(format!("cannot base64-decode {}", args.key))
                        .cause(e)
                        .hint("the value was not stored with `fnox set --base64-encode`; drop --base64-decode")
                })?,
        );
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        return match out.write_all(&bytes).and_then(|_| out.flush()) {
            Ok(()) => Ok(0),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
            Err(e) => Err(Error::new("cannot write to stdout").cause(e)),
        };
    }
    let mut line = zeroize::Zeroizing::new(String::with_capacity(value.expose().len() + 1));
    line.push_str(value.expose());
    line.push('\n');
    print_data(&line)?;
    Ok(0)
}
