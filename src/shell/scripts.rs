//! The code `fnox activate` prints for each shell, and the hook removal `fnox deactivate` prints.
//!
//! Every shell gets the same three parts: `FNOX_SHELL`, a `fnox` wrapper function (so that
//! `fnox deactivate` can change the shell it runs in; any other command runs fnox as it is and
//! returns its status), and a hook that runs `fnox hook-env` before each prompt and applies what
//! it prints. The names follow upstream fnox (`_fnox_hook`, `__fnox_env_eval`, ...).

use super::Shell;

/// The activation code; `exe` is the fnox executable, already quoted for the shell.
pub fn activate(shell: Shell, exe: &str, hook: bool) -> String {
    let mut out = wrapper(shell, exe);
    if hook {
        out.push_str(&prompt_hook(shell, exe));
    }
    out
}

/// `exe` as a command word: PowerShell's call operator needs a plain string or a parenthesised
/// expression (a path with a line break is quoted as one).
fn pwsh_command(exe: &str) -> String {
    if exe.contains('+') && exe.contains('`') {
        format!("& ({exe})")
    } else {
        format!("& {exe}")
    }
}

fn wrapper(shell: Shell, exe: &str) -> String {
    match shell {
        // `fnox deactivate` has to change this shell, so its output is evaluated here; a
        // failure (nothing to evaluate) returns fnox's status.
        Shell::Bash => format!(
            r#"export FNOX_SHELL=bash
fnox() {{
  case "${{1:-}}" in
  deactivate)
    local _fnox_code _fnox_status
    _fnox_code="$({exe} "$@")"
    _fnox_status=$?
    if [ "$_fnox_status" -ne 0 ]; then return "$_fnox_status"; fi
    eval "$_fnox_code"
    ;;
  *) {exe} "$@" ;;
  esac
}}
"#
        ),
        // A nested zsh inherits the parent's __FNOX_SESSION, which describes the parent's
        // variables and files: it starts a session of its own instead.
        Shell::Zsh => format!(
            r#"export FNOX_SHELL=zsh
if [[ -n "${{__FNOX_SESSION:-}}" && "${{__FNOX_ZSH_PID:-}}" != "$$" ]]; then
  unset __FNOX_SESSION
fi
export __FNOX_ZSH_PID=$$
fnox() {{
  case "${{1:-}}" in
  deactivate)
    local _fnox_code _fnox_status
    _fnox_code="$({exe} "$@")"
    _fnox_status=$?
    if (( _fnox_status != 0 )); then return $_fnox_status; fi
    eval "$_fnox_code"
    ;;
  *) {exe} "$@" ;;
  esac
}}
"#
        ),
        Shell::Fish => format!(
            r#"set -gx FNOX_SHELL fish
function fnox
    switch "$argv[1]"
        case deactivate
            {exe} $argv | source
            return $pipestatus[1]
        case '*'
            {exe} $argv
    end
end
"#
        ),
        // Nushell cannot evaluate code: `deactivate` prints JSON (as hook-env does) that the
        // wrapper applies, then the wrapper removes the hook itself.
        Shell::Nu => format!(
            r#"$env.FNOX_SHELL = "nu"
def --env _fnox_apply [changes: string] {{
    let changes = ($changes | from json)
    load-env ($changes.set? | default {{}})
    for name in ($changes.unset? | default []) {{
        hide-env -i $name
    }}
}}
def --env --wrapped fnox [...args: string] {{
    if ($args | first | default "") == "deactivate" {{
        let out = (do -i {{ ^{exe} ...$args }} | complete)
        print -e -n $out.stderr
        if $out.exit_code == 0 {{
            _fnox_apply $out.stdout
            $env.config = ($env.config | upsert hooks.pre_prompt (
                $env.config.hooks.pre_prompt? | default [] | where {{|h|
                    ($h | describe) != "closure" or not ((view source $h) =~ "_fnox_hook")
                }}
            ))
        }}
        $env.LAST_EXIT_CODE = $out.exit_code
    }} else {{
        ^{exe} ...$args
    }}
}}
"#
        ),
        // `$args` passes every word through, options included; $LASTEXITCODE is fnox's.
        Shell::Pwsh => {
            let run = pwsh_command(exe);
            format!(
                r#"$Env:FNOX_SHELL='pwsh'
function global:fnox {{
    if ($args.Count -gt 0 -and $args[0] -eq 'deactivate') {{
        $fnoxCode = {run} @args | Out-String
        $fnoxStatus = $LASTEXITCODE
        if ($fnoxStatus -eq 0 -and $fnoxCode) {{
            Invoke-Expression $fnoxCode
        }}
        $global:LASTEXITCODE = $fnoxStatus
    }} else {{
        {run} @args
    }}
}}
"#
            )
        }
    }
}

/// Ctrl-C while the hook runs must not leave a half-applied environment: where the shell allows
/// it, SIGINT is ignored until the output is applied (fnox writes it in one piece at the end).
fn prompt_hook(shell: Shell, exe: &str) -> String {
    match shell {
        Shell::Bash => format!(
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
        ),
        // On exit, `deactivate` removes this shell's as_file secret files.
        Shell::Zsh => format!(
            r#"_fnox_hook() {{
  setopt localoptions localtraps
  trap -- '' INT
  eval "$({exe} hook-env -s zsh)"
}}
_fnox_cleanup() {{
  {exe} deactivate >/dev/null 2>&1
}}
typeset -ag precmd_functions chpwd_functions
if (( ! ${{precmd_functions[(I)_fnox_hook]}} )); then
  precmd_functions=(_fnox_hook $precmd_functions)
fi
if (( ! ${{chpwd_functions[(I)_fnox_hook]}} )); then
  chpwd_functions=(_fnox_hook $chpwd_functions)
fi
autoload -Uz add-zsh-hook
add-zsh-hook zshexit _fnox_cleanup
"#
        ),
        Shell::Fish => format!(
            r#"function __fnox_env_eval --on-event fish_prompt
    {exe} hook-env -s fish | source
end
function __fnox_cd_hook --on-variable PWD
    __fnox_env_eval
end
function __fnox_exit_hook --on-event fish_exit
    {exe} deactivate >/dev/null 2>&1
end
__fnox_env_eval
"#
        ),
        // pre_prompt runs after every `cd` too (the prompt is drawn again). Activating twice
        // leaves one hook.
        Shell::Nu => format!(
            r#"def --env _fnox_hook [] {{
    if ($env.FNOX_SHELL? | default "") != "nu" {{ return }}
    let out = (do -i {{ ^{exe} hook-env -s nu }} | complete)
    print -e -n $out.stderr
    if $out.exit_code == 0 and ($out.stdout | str trim | is-not-empty) {{
        _fnox_apply $out.stdout
    }}
}}
$env.config = ($env.config | upsert hooks.pre_prompt (
    $env.config.hooks.pre_prompt? | default [] | where {{|h|
        ($h | describe) != "closure" or not ((view source $h) =~ "_fnox_hook")
    }} | append {{|| _fnox_hook }}
))
_fnox_hook
"#
        ),
        // The prompt function is wrapped once; after `deactivate` the wrapper finds no
        // _fnox_hook and only draws the previous prompt. fnox's output is read as UTF-8, and
        // the user's $LASTEXITCODE survives the hook.
        Shell::Pwsh => {
            let run = pwsh_command(exe);
            format!(
                r#"function global:_fnox_hook {{
    $fnoxStatus = $global:LASTEXITCODE
    $fnoxEncoding = [Console]::OutputEncoding
    try {{ [Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false) }} catch {{ }}
    try {{
        $fnoxCode = {run} hook-env -s pwsh | Out-String
    }} finally {{
        try {{ [Console]::OutputEncoding = $fnoxEncoding }} catch {{ }}
    }}
    if ($fnoxCode -and $fnoxCode.Trim()) {{
        Invoke-Expression $fnoxCode
    }}
    $global:LASTEXITCODE = $fnoxStatus
}}
if (-not $global:__fnox_previous_prompt) {{
    $global:__fnox_previous_prompt = $function:prompt
    function global:prompt {{
        if (Test-Path -Path Function:\_fnox_hook) {{
            _fnox_hook
        }}
        & $global:__fnox_previous_prompt
    }}
}}
_fnox_hook
"#
            )
        }
    }
}

/// What `deactivate` prints first: the hook goes, so nothing reloads while the rest runs.
/// (Nushell's wrapper removes its hook itself.)
pub fn remove_hook(shell: Shell) -> &'static str {
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
autoload -Uz add-zsh-hook
add-zsh-hook -d zshexit _fnox_cleanup
unfunction _fnox_hook _fnox_cleanup 2>/dev/null
"#
        }
        Shell::Fish => "functions -e __fnox_env_eval __fnox_cd_hook __fnox_exit_hook\n",
        Shell::Nu => "",
        Shell::Pwsh => "Remove-Item -ErrorAction SilentlyContinue -Path Function:\\_fnox_hook\n",
    }
}

/// What `deactivate` prints last: the `fnox` function goes (the code runs inside it).
/// fnox's own variables are unset before, as changes.
pub fn remove_wrapper(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash | Shell::Zsh => "unset -f fnox\n",
        Shell::Fish => "functions -e fnox\n",
        Shell::Nu => "",
        Shell::Pwsh => "Remove-Item -ErrorAction SilentlyContinue -Path Function:\\fnox\n",
    }
}
