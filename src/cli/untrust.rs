//! `fnox untrust PATH`

use std::path::PathBuf;

use super::Ctx;
use crate::error::{Error, Result};
use crate::trust;

/// Withdraw trust from a config file (or a tree given to `fnox trust --tree`): it may no longer run
/// commands or send credentials, and the shell hook stops loading it.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The config file or tree
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    trust::disable_gate();
    let path = super::trust::absolute(ctx, &args.path);
    if trust::revoke(&path)? {
        ctx.say(format!("✓ {} is no longer trusted", path.display()));
        Ok(0)
    } else {
        Err(Error::new(format!("{} was not trusted", path.display()))
            .code("fnox::trust::error")
            .hint("see what is trusted with `fnox trust --list`"))
    }
}
