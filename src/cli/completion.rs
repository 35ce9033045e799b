//! `fnox completion SHELL`

use clap::CommandFactory;

use super::{print_data, Cli, Ctx};
use crate::error::Result;

/// Print a shell completion script (bash, zsh, fish, elvish, powershell).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

/// The completion script for a shell, as generated from the CLI definition.
pub fn script(shell: clap_complete::Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "fnox", &mut buf);
    String::from_utf8(buf).expect("completion scripts are UTF-8")
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<i32> {
    print_data(&script(args.shell))?;
    Ok(0)
}
