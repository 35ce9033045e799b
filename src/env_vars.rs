//! Every environment variable fnox reads, each with one doc line.

use std::ffi::OsString;
use std::path::PathBuf;

/// Active profile(s), comma separated; `-P` wins over it.
pub const FNOX_PROFILE: &str = "FNOX_PROFILE";
/// When true, top-level secrets are not inherited by a non-default profile.
pub const FNOX_NO_DEFAULTS: &str = "FNOX_NO_DEFAULTS";
/// Overrides every `if_missing` setting (error | warn | ignore); `--if-missing` wins over it.
pub const FNOX_IF_MISSING: &str = "FNOX_IF_MISSING";
/// The `if_missing` used when neither the secret nor the file sets one.
pub const FNOX_IF_MISSING_DEFAULT: &str = "FNOX_IF_MISSING_DEFAULT";
/// Directory of the global config.toml and the default age identity (absolute path).
pub const FNOX_CONFIG_DIR: &str = "FNOX_CONFIG_DIR";
/// An age identity given as text (AGE-SECRET-KEY-1... or an SSH private key).
pub const FNOX_AGE_KEY: &str = "FNOX_AGE_KEY";
/// Path of an age identity file or SSH private key.
pub const FNOX_AGE_KEY_FILE: &str = "FNOX_AGE_KEY_FILE";
/// Never prompt (1/true); also implied when stdin is not a terminal.
pub const FNOX_NON_INTERACTIVE: &str = "FNOX_NON_INTERACTIVE";
/// password-store directory when the provider sets no `store_dir`; wins over PASSWORD_STORE_DIR.
pub const FNOX_PASSWORD_STORE_DIR: &str = "FNOX_PASSWORD_STORE_DIR";
/// pass's own store directory variable (default `~/.password-store`).
pub const PASSWORD_STORE_DIR: &str = "PASSWORD_STORE_DIR";
/// Extra gpg options for password-store when the provider sets no `gpg_opts`.
pub const FNOX_PASSWORD_STORE_GPG_OPTS: &str = "FNOX_PASSWORD_STORE_GPG_OPTS";
/// pass's own extra-gpg-options variable.
pub const PASSWORD_STORE_GPG_OPTS: &str = "PASSWORD_STORE_GPG_OPTS";
/// The password of a `keepass` provider's database; wins over KEEPASS_PASSWORD and the `password` field.
pub const FNOX_KEEPASS_PASSWORD: &str = "FNOX_KEEPASS_PASSWORD";
/// The `keepass` database password when FNOX_KEEPASS_PASSWORD is not set.
pub const KEEPASS_PASSWORD: &str = "KEEPASS_PASSWORD";
/// The shell `fnox activate` hooked into (bash, zsh, fish, nu, pwsh); set by the activation code.
pub const FNOX_SHELL: &str = "FNOX_SHELL";
/// `strict`: an entry without an integrity tag is an error, not a warning.
pub const FNOX_INTEGRITY: &str = "FNOX_INTEGRITY";
/// Path of an unencrypted OpenSSH ed25519 private key (e.g. ~/.ssh/id_ed25519): every entry fnox writes is also signed with it.
pub const FNOX_SIGNING_KEY: &str = "FNOX_SIGNING_KEY";
/// `fnox check --signatures`: the allowed signers' public keys (`ssh-ed25519 AAAA… name` lines); `--signers` wins over it.
pub const FNOX_ALLOWED_SIGNERS: &str = "FNOX_ALLOWED_SIGNERS";
/// What the shell hook says on stderr when secrets load or unload: none, normal (default), debug.
pub const FNOX_SHELL_OUTPUT: &str = "FNOX_SHELL_OUTPUT";
/// The shell hook's state between prompts (fingerprint and the user's previous values; no secrets).
pub const FNOX_SESSION: &str = "__FNOX_SESSION";
/// The terminal width the shell hook's summary line is cut to when stderr is not a terminal.
pub const COLUMNS: &str = "COLUMNS";
/// The login shell, for `fnox activate` without a SHELL argument.
pub const SHELL: &str = "SHELL";
/// XDG base directory for configuration, used when FNOX_CONFIG_DIR is unset.
pub const XDG_CONFIG_HOME: &str = "XDG_CONFIG_HOME";
/// The user's home directory.
pub const HOME: &str = "HOME";
/// `fnox edit`: the editor command (wins over EDITOR), run through `sh -c` so it may carry arguments.
pub const VISUAL: &str = "VISUAL";
/// `fnox edit`: the editor command when VISUAL is unset (default `vi`).
pub const EDITOR: &str = "EDITOR";
/// `fnox ci-redact`: "true" inside a GitHub Actions job.
pub const GITHUB_ACTIONS: &str = "GITHUB_ACTIONS";
/// `fnox ci-redact`: "true" inside a GitLab CI job (which has no runtime masking command).
pub const GITLAB_CI: &str = "GITLAB_CI";
/// `fnox ci-redact`: set by most CI services.
pub const CI: &str = "CI";
/// Where fnox keeps its state (the trust store, the lease ledger): absolute; else `$XDG_STATE_HOME/fnox`, else
/// `~/.local/state/fnox`.
pub const FNOX_STATE_DIR: &str = "FNOX_STATE_DIR";
/// The user's runtime directory (a per-user tmpfs on most Linux systems): where the shell hook
/// keeps its `as_file` secrets (`fnox-hook/`), else in the temp dir.
pub const XDG_RUNTIME_DIR: &str = "XDG_RUNTIME_DIR";
/// XDG base directory for state, used when FNOX_STATE_DIR is unset.
pub const XDG_STATE_HOME: &str = "XDG_STATE_HOME";
/// Trust every config file (throw-away machines only: any fnox.toml may then run commands).
pub const FNOX_TRUST_ALL: &str = "FNOX_TRUST_ALL";
/// `exec` / the hook: resolve `secret://TYPE/…` references to provider types this project does not
/// configure when they come from the inherited environment (off by default).
pub const FNOX_ENV_REFERENCES: &str = "FNOX_ENV_REFERENCES";
/// `exec`: mask secret values in the command's output (1/true), as `--mask` does; through a
/// terminal, not built yet, it warns and runs unmasked where `--mask` is refused.
pub const FNOX_MASK: &str = "FNOX_MASK";
/// How long a command waits for remote stores to answer its reads (`10s`, `1m`, or seconds; `0`: no
/// limit): default 30s, 5s in the shell hook; a provider's `timeout` field wins for that provider.
pub const FNOX_TIMEOUT: &str = "FNOX_TIMEOUT";
/// Upstream's timeout of one HTTP request (and of one AWS attempt), `30s` unless set; `0`: none.
pub const FNOX_HTTP_TIMEOUT: &str = "FNOX_HTTP_TIMEOUT";
/// `fnox proxy run`: a PEM file of CA certificates trusted for upstream hosts besides the
/// system's (e.g. a private or test CA).
pub const FNOX_PROXY_CA_FILE: &str = "FNOX_PROXY_CA_FILE";
/// `fnox proxy run`: `HOST:PORT:ADDRESS:PORT[,...]`, connect to a loopback ADDRESS:PORT instead
/// of HOST:PORT (as curl's --connect-to; the certificate is still checked for HOST). For tests
/// and local stand-ins of a real API.
pub const FNOX_PROXY_CONNECT_TO: &str = "FNOX_PROXY_CONNECT_TO";
/// The per-user daemon for this run: on (use it, starting it on demand) or off (resolve
/// directly); wins over `[daemon] enabled`, `--no-daemon` wins over it.
pub const FNOX_DAEMON: &str = "FNOX_DAEMON";
/// How long the daemon waits without a request before it exits (`8h`, `30m`, `1s`); wins over
/// `[daemon] idle_timeout`.
pub const FNOX_DAEMON_IDLE_TIMEOUT: &str = "FNOX_DAEMON_IDLE_TIMEOUT";
/// Key material that fnox never hands on to a child process unless it is itself a secret.
pub const KEY_MATERIAL: [&str; 4] = [
    FNOX_AGE_KEY,
    FNOX_AGE_KEY_FILE,
    FNOX_KEEPASS_PASSWORD,
    KEEPASS_PASSWORD,
];

/// The variable's value when it is set and not empty.
pub fn non_empty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// A boolean variable: 1/true/yes/on and 0/false/no/off (any case). Other values are ignored.
pub fn flag(name: &str) -> Option<bool> {
    let v = non_empty(name)?;
    match v.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

pub fn home_dir() -> Option<PathBuf> {
    std::env::var_os(HOME)
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()))
}

/// `$FNOX_CONFIG_DIR`, else `$XDG_CONFIG_HOME/fnox`, else `~/.config/fnox`.
pub fn config_dir() -> Option<PathBuf> {
    let absolute = |v: OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    if let Some(dir) = std::env::var_os(FNOX_CONFIG_DIR).and_then(absolute) {
        return Some(dir);
    }
    if let Some(dir) = std::env::var_os(XDG_CONFIG_HOME).and_then(absolute) {
        return Some(dir.join("fnox"));
    }
    home_dir().map(|h| h.join(".config").join("fnox"))
}

/// The most one `NAME=value` string of an environment may hold on Linux (MAX_ARG_STRLEN, 32
/// pages): a longer one makes execve fail with E2BIG.
pub const MAX_VAR_BYTES: usize = 128 * 1024;

/// The most a new program's arguments and environment may hold together (ARG_MAX).
pub fn arg_max() -> usize {
    #[cfg(unix)]
    {
        // SAFETY: sysconf has no preconditions.
        let n = unsafe { libc::sysconf(libc::_SC_ARG_MAX) };
        if n > 0 {
            return n as usize;
        }
    }
    2 * 1024 * 1024
}

/// What one variable costs in a new program's argument area: the string, its NUL, its pointer.
pub fn env_cost(name: &[u8], value: &[u8]) -> usize {
    name.len() + value.len() + 2 + std::mem::size_of::<usize>()
}

/// `$FNOX_STATE_DIR`, else `$XDG_STATE_HOME/fnox`, else `~/.local/state/fnox`.
pub fn state_dir() -> Option<PathBuf> {
    let absolute = |v: OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    if let Some(dir) = std::env::var_os(FNOX_STATE_DIR).and_then(absolute) {
        return Some(dir);
    }
    if let Some(dir) = std::env::var_os(XDG_STATE_HOME).and_then(absolute) {
        return Some(dir.join("fnox"));
    }
    home_dir().map(|h| h.join(".local").join("state").join("fnox"))
}

/// Expands a leading `~/` and makes a relative path relative to `base`.
pub fn expand_path(raw: &str, base: &std::path::Path) -> PathBuf {
    let path = if let Some(rest) = raw.strip_prefix("~/") {
        home_dir()
            .map(|h| h.join(rest))
            .unwrap_or_else(|| PathBuf::from(raw))
    } else if raw == "~" {
        home_dir().unwrap_or_else(|| PathBuf::from(raw))
    } else {
        PathBuf::from(raw)
    };
    let joined = if path.is_absolute() {
        path
    } else {
        base.join(path)
    };
    // Drop `.` components so paths read cleanly in messages.
    joined.components().collect()
}
