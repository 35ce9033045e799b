//! `fnox deactivate`

use super::Ctx;
use crate::error::{Error, Result};
use crate::shell::{self, Session, Shell};

/// Remove fnox's shell hook and unload what it loaded, restoring variables you had set before.
///
/// Prints shell code; the `fnox` function that `fnox activate` defines runs it in your shell.
/// Affects the current shell only; activate again to re-enable.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_ctx: &Ctx, _args: Args) -> Result<i32> {
    let shell = Shell::from_env().ok_or_else(|| {
        Error::new("fnox is not activated in this shell (FNOX_SHELL is not set)")
            .hint("activate it with: eval \"$(fnox activate bash)\" (or zsh; fish: fnox activate fish | source)")
    })?;
    let mut code = zeroize::Zeroizing::new(Vec::new());
    // The hook goes first, so nothing reloads while the rest runs.
    code.extend_from_slice(remove_hook(shell).as_bytes());
    match Session::from_env() {
        Ok(Some(session)) => session.unload(shell, &mut code),
        Ok(None) => {}
        // Nothing to restore from; still remove the hook.
        Err(e) => eprint!("{}", e.escaped().render()),
    }
    code.extend_from_slice(forget(shell).as_bytes());
    shell::emit(&code)?;
    Ok(0)
}

fn remove_hook(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => {
            r#"PROMPT_COMMAND="${PROMPT_COMMAND//_fnox_hook;/}"
PROMPT_COMMAND="${PROMPT_COMMAND//_fnox_hook/}"
unset -f _fnox_hook
"#
        }
        Shell::Zsh => {
            r#"precmd_functions=(${precmd_functions:#_fnox_hook})
chpwd_functions=(${chpwd_functions:#_fnox_hook})
unfunction _fnox_hook 2>/dev/null
"#
        }
        Shell::Fish => "functions -e __fnox_env_eval __fnox_cd_hook\n",
    }
}

/// Drops fnox's own variables and, last (the code runs inside it), the `fnox` function.
fn forget(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash | Shell::Zsh => "unset FNOX_SHELL __FNOX_SESSION\nunset -f fnox\n",
        Shell::Fish => "set -e -g FNOX_SHELL\nset -e -g __FNOX_SESSION\nfunctions -e fnox\n",
    }
}
