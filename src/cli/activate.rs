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
///
/// Before each prompt the hook runs `fnox hook-env`, which does nothing (no parsing, no
/// decryption) unless a config file, FNOX_PROFILE or a setting changed. Secrets with env = "exec"
/// or env = false never enter the shell. Leaving restores any variable you had set before.
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
                .hint("name it: fnox activate bash | zsh | fish")
        })?,
    };
    let exe = std::env::current_exe()
        .map_err(|e| Error::new("cannot find the fnox executable").cause(e))?;
    let exe =
        String::from_utf8_lossy(&shell.quote(exe.as_os_str().as_encoded_bytes())).into_owned();
    print_data(&script(shell, &exe, !args.no_hook_env))?;
    Ok(0)
}

/// The activation code; `exe` is already quoted for the shell.
pub fn script(shell: Shell, exe: &str, hook: bool) -> String {
    let mut out = String::new();
    match shell {
        Shell::Bash | Shell::Zsh => {
            out.push_str(&format!("export FNOX_SHELL={}\n", shell.name()));
            // `fnox deactivate` has to change this shell, so its output is evaluated here.
            out.push_str(&format!(
                r#"fnox() {{
  case "${{1:-}}" in
  deactivate) eval "$({exe} "$@")" ;;
  *) {exe} "$@" ;;
  esac
}}
"#
            ));
        }
        Shell::Fish => {
            out.push_str("set -gx FNOX_SHELL fish\n");
            out.push_str(&format!(
                r#"function fnox
    switch "$argv[1]"
        case deactivate
            {exe} $argv | source
        case '*'
            {exe} $argv
    end
end
"#
            ));
        }
    }
    if !hook {
        return out;
    }
    // Ctrl-C while the hook runs must not leave a half-applied environment: the shell ignores
    // SIGINT until the output is applied (fnox writes it in one piece at the end).
    match shell {
        Shell::Bash => out.push_str(&format!(
            r#"_fnox_hook() {{
  local previous_exit_status=$? previous_int_trap
  previous_int_trap=$(trap -p SIGINT)
  trap -- '' SIGINT
  eval "$({exe} hook-env -s bash)"
  eval "${{previous_int_trap:-trap - SIGINT}}"
  return $previous_exit_status
}}
if [[ ";${{PROMPT_COMMAND:-}};" != *";_fnox_hook;"* ]]; then
  PROMPT_COMMAND="_fnox_hook${{PROMPT_COMMAND:+;$PROMPT_COMMAND}}"
fi
"#
        )),
        Shell::Zsh => out.push_str(&format!(
            r#"_fnox_hook() {{
  setopt localoptions localtraps
  trap -- '' INT
  eval "$({exe} hook-env -s zsh)"
}}
typeset -ag precmd_functions chpwd_functions
if (( ! ${{precmd_functions[(I)_fnox_hook]}} )); then
  precmd_functions=(_fnox_hook $precmd_functions)
fi
if (( ! ${{chpwd_functions[(I)_fnox_hook]}} )); then
  chpwd_functions=(_fnox_hook $chpwd_functions)
fi
"#
        )),
        Shell::Fish => out.push_str(&format!(
            r#"function __fnox_env_eval --on-event fish_prompt
    {exe} hook-env -s fish | source
end
function __fnox_cd_hook --on-variable PWD
    __fnox_env_eval
end
__fnox_env_eval
"#
        )),
    }
    out
}
