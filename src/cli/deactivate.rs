//! `fnox deactivate`

use super::Ctx;
use crate::env_vars;
use crate::error::{Error, Result};
use crate::shell::{self, files, scripts, Changes, Session, Shell};

/// Remove fnox's shell hook and unload what it loaded, restoring variables you had set before.
///
/// Prints shell code (JSON for Nushell); the `fnox` function that `fnox activate` defines applies
/// it in your shell. Removes the files of the shell's as_file secrets. Affects the current shell
/// only; activate again to re-enable.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_ctx: &Ctx, _args: Args) -> Result<i32> {
    let shell = Shell::from_env().ok_or_else(|| {
        Error::new("fnox is not activated in this shell (FNOX_SHELL is not set)")
            .hint("activate it with: eval \"$(fnox activate bash)\" (or zsh; fish: fnox activate fish | source)")
    })?;
    let mut code = zeroize::Zeroizing::new(Vec::new());
    code.extend_from_slice(scripts::remove_hook(shell).as_bytes());
    let mut changes = Changes::default();
    match Session::from_env() {
        Ok(Some(session)) => {
            session.unload(&mut changes);
            if let Some(dir) = &session.files {
                files::retain(std::path::Path::new(dir), &[]);
            }
        }
        Ok(None) => {}
        // Nothing to restore from; still remove the hook.
        Err(e) => eprint!("{}", e.escaped().render()),
    }
    files::reap();
    changes.unset(env_vars::FNOX_SHELL);
    changes.unset(env_vars::FNOX_SESSION);
    if shell == Shell::Zsh {
        changes.unset(ZSH_PID);
    }
    changes.render(shell, &mut code);
    code.extend_from_slice(scripts::remove_wrapper(shell).as_bytes());
    shell::emit(&code)?;
    Ok(0)
}

/// The zsh that owns the session (a nested zsh starts its own).
const ZSH_PID: &str = "__FNOX_ZSH_PID";
