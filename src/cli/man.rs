//! `fnox __man DIR` (hidden): writes the man pages that scripts/gen-docs.sh commits under man/.

use std::path::PathBuf;

use clap::CommandFactory;

use super::{Cli, Ctx};
use crate::error::{Error, Result};

/// Write fnox.1 and one page per subcommand (fnox-get.1, fnox-provider-add.1, ...) into DIR.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Directory to write the pages into (created if missing)
    pub dir: PathBuf,
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<i32> {
    let fail = |e: std::io::Error| {
        Error::new(format!("cannot write man pages to {}", args.dir.display())).cause(e)
    };
    std::fs::create_dir_all(&args.dir).map_err(fail)?;
    clap_mangen::generate_to(Cli::command(), &args.dir).map_err(fail)?;
    Ok(0)
}
