//! `fnox get KEY`

use base64::Engine;

use super::{print_data, unknown_secret, Ctx};
use crate::error::{Error, Result};
use crate::resolve::{resolve, ResolveOptions};

/// Print one secret's value (decrypted or fetched) followed by a newline.
///
/// Fails when the value cannot be produced, whatever `if_missing` says: `get` never prints an
/// empty string in place of a secret it could not read.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The secret's name
    pub key: String,
    /// Decode a base64 value and print the raw bytes (no newline added)
    #[arg(long)]
    pub base64_decode: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load()?;
    if config.secret(&args.key).is_none() {
        return Err(unknown_secret(&config, &args.key));
    }
    let opts = ResolveOptions {
        strict: true,
        ..ctx.resolve_options()
    };
    let values = resolve(&config, &[args.key.as_str()], opts)?;
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
