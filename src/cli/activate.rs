//! `fnox activate SHELL`

use super::{print_data, Ctx, Listed};
use crate::error::{Error, Result};
use crate::shell::Shell;

/// Print the code that hooks fnox into your shell: secrets load when you enter a directory with a
/// fnox.toml and unload when you leave it.
///
///   bash: eval "$(fnox activate bash)"   in ~/.bashrc
///   zsh:  eval "$(fnox activate zsh)"    in ~/.zshrc
///   fish: fnox activate fish | source    in ~/.config/fish/config.fish
///   nu:   fnox activate nu | save -f ($nu.default-config-dir | path join fnox.nu)
///         then `source fnox.nu` in config.nu
///   pwsh: fnox activate pwsh | Out-String | Invoke-Expression   in $PROFILE
///
/// Before each prompt the hook runs `fnox hook-env`, which does nothing (no parsing, no
/// decryption) unless a config file, FNOX_PROFILE or a setting changed. Secrets with env = "exec"
/// or env = false never enter the shell; an as_file secret's variable holds the path of a private
/// file that exists while the shell lives. Leaving restores any variable you had set before.
/// `fnox deactivate` removes the hook and unloads. FNOX_SHELL_OUTPUT=none|normal|debug controls
/// the one-line summary on stderr.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell to hook into (default: the one named by $SHELL)
    #[arg(value_parser = Listed(&Shell::NAMES))]
    pub shell: Option<String>,
    /// Define the `fnox` wrapper only, without the prompt hook (for testing)
    #[arg(long)]
    pub no_hook_env: bool,
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<i32> {
    let shell = match &args.shell {
        Some(name) => Shell::named(name)?,
        None => Shell::from_login_shell()?.ok_or_else(|| {
            Error::usage("which shell? $SHELL is not set")
                .hint("name it: fnox activate bash | zsh | fish | nu | pwsh")
        })?,
    };
    let exe = std::env::current_exe()
        .map_err(|e| Error::new("cannot find the fnox executable").cause(e))?;
    let exe =
        String::from_utf8_lossy(&shell.quote(exe.as_os_str().as_encoded_bytes())).into_owned();
    print_data(&crate::shell::scripts::activate(
        shell,
        &exe,
        !args.no_hook_env,
    ))?;
    Ok(0)
}
