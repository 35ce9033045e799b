//! `fnox hook-env -s SHELL` (hidden): what the prompt hook of `fnox activate` runs.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use zeroize::Zeroizing;

use super::{Ctx, Listed};
use crate::config::model::EnvMode;
use crate::env_vars;
use crate::error::{warn, Error, Result};
use crate::resolve::resolve;
use crate::secret::SecretValue;
use crate::shell::{self, files, is_var_name, Changes, Managed, Session, Shell};

/// Print the shell code that brings the environment up to date with this directory's secrets.
///
/// Prints nothing, without reading any config, when the config files (by stat), the profile and
/// the settings are as at the previous prompt. Never fails the prompt: problems are warnings on
/// stderr, and the exit code is 0.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The shell to write code for (default: FNOX_SHELL)
    #[arg(short, long, value_parser = Listed(&Shell::NAMES))]
    pub shell: Option<String>,
}

/// The largest value the hook exports (Linux refuses a single variable over 128 KiB).
const HOOK_MAX_VALUE: usize = 100 * 1024;

/// FNOX_SHELL_OUTPUT: how much the hook says on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    None,
    Normal,
    Debug,
}

impl Output {
    fn from_env() -> Output {
        match env_vars::non_empty(env_vars::FNOX_SHELL_OUTPUT)
            .map(|v| v.to_ascii_lowercase())
            .as_deref()
        {
            Some("none" | "off" | "false" | "0" | "quiet") => Output::None,
            Some("debug" | "verbose") => Output::Debug,
            _ => Output::Normal,
        }
    }

    fn debug(self, message: impl std::fmt::Display) {
        if self == Output::Debug {
            eprintln!("fnox: {}", crate::term::escape_text(&message.to_string()));
        }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    // The prompt must not grow a spinner, nor wait for an answer (a KeePass password).
    crate::progress::set_quiet(true);
    crate::term::set_non_interactive(true);
    // Nor wait long for a store that does not answer (5 s unless FNOX_TIMEOUT says otherwise).
    crate::deadline::set_hook();
    let shell = match &args.shell {
        Some(name) => Shell::named(name)?,
        None => Shell::from_env().ok_or_else(|| {
            Error::usage("which shell? FNOX_SHELL is not set")
                .hint("fnox hook-env -s bash | zsh | fish | nu | pwsh")
        })?,
    };
    let out = Output::from_env();
    out.debug(format!("hook-env in {}", ctx.cwd.display()));
    // The as_file secrets of shells that are gone: a readdir when there are any shells' files.
    files::reap();
    let no_defaults =
        ctx.global.no_defaults || env_vars::flag(env_vars::FNOX_NO_DEFAULTS) == Some(true);
    // Most prompts change nothing: only the fingerprint and imports are read to find that out.
    let head = Session::head_from_env();
    let imports = head.as_ref().map_or(&[][..], |h| &h.imports[..]);
    let mut fp = shell::fingerprint(&ctx.cwd, &ctx.profiles, no_defaults, imports);
    if head.as_ref().is_some_and(|h| h.fingerprint == fp.hash) {
        out.debug("nothing changed");
        return Ok(0);
    }
    let previous = match Session::from_env() {
        Ok(p) => p,
        Err(e) => {
            // Whatever it recorded is lost; start afresh rather than break every prompt.
            eprint!("{}", e.escaped().render());
            Some(Session::default())
        }
    };
    if previous.is_none() && !fp.project {
        out.debug("no fnox config here and nothing loaded");
        return Ok(0);
    }
    out.debug("config files, profile or settings changed: loading");
    // From here on values are read: memory locked first (crate::protect).
    ctx.lock_memory();
    let previous = previous.unwrap_or_default();
    if previous.imports[..] != *imports {
        // The session could not be read in full: its imports count for nothing.
        fp = shell::fingerprint(&ctx.cwd, &ctx.profiles, no_defaults, &previous.imports);
    }

    // What the shell has now, then the environment as the user had it: the resolver's fallback to
    // an environment variable must see the user's value, not a secret loaded for another directory.
    let mut current: HashMap<&str, Zeroizing<Vec<u8>>> = HashMap::new();
    for var in &previous.vars {
        if let Some(v) = std::env::var_os(&var.name) {
            current.insert(&var.name, Zeroizing::new(v.into_encoded_bytes()));
        }
        // SAFETY: hook-env is single-threaded until resolution starts below.
        unsafe {
            match var.previous() {
                Some(p) => std::env::set_var(&var.name, os_string(p)),
                None => std::env::remove_var(&var.name),
            }
        }
    }

    let mut changes = Changes::default();
    let mut session = Session::default();
    let mut loaded: Vec<&str> = Vec::new();
    let mut unloaded: Vec<&str> = Vec::new();
    let (values, as_file) = if fp.project {
        match load(ctx) {
            Ok(l) => {
                session.imports = l.imports;
                (l.values, l.as_file)
            }
            Err(e) => {
                eprint!("{}", e.escaped().render());
                // After a timeout the warning below says when it tries again.
                if !crate::deadline::any_expired() {
                    warn(
                        "fnox loaded no secrets for this directory; the shell hook tries again when a \
                         config file, FNOX_PROFILE or a fnox setting changes",
                    );
                }
                (IndexMap::new(), HashSet::new())
            }
        }
    } else {
        (IndexMap::new(), HashSet::new())
    };
    // Stats taken before the load stand unless the imports changed (a file edited during the load
    // is then seen at the next prompt). A store that did not answer in time: what did load is
    // exported, and no fingerprint is kept, so the next prompt loads again.
    let timed_out = crate::deadline::any_expired();
    if timed_out {
        warn(
            "a secret store did not answer in time; the shell hook tries again at the next prompt \
             (FNOX_TIMEOUT, or a provider's `timeout`, sets how long it waits)",
        );
    }
    session.fingerprint = if timed_out {
        String::new()
    } else if session.imports == previous.imports {
        fp.hash
    } else {
        shell::fingerprint(&ctx.cwd, &ctx.profiles, no_defaults, &session.imports).hash
    };

    // An as_file secret enters the shell as the path of a file in this shell's directory; the
    // file is written afresh at each load, under the same path.
    let dir = if as_file.is_empty() {
        None
    } else {
        files::shell_dir()
    };
    let mut written: Vec<&str> = Vec::new();
    let mut paths: HashMap<&str, Vec<u8>> = HashMap::new();
    for (name, value) in &values {
        if !as_file.contains(name.as_str()) {
            continue;
        }
        let Some(dir) = &dir else {
            warn(format!(
                "{name} is not loaded into the shell: fnox cannot tell which process is the shell, to keep its file only while the shell lives; `fnox exec` passes it"
            ));
            continue;
        };
        match files::write(dir, name, value.expose().as_bytes()) {
            Ok(path) => {
                written.push(name);
                paths.insert(name, path.into_os_string().into_encoded_bytes());
            }
            Err(e) => warn(format!(
                "{name} is not loaded into the shell: cannot write its file in {}: {e}",
                crate::term::escape(&dir.to_string_lossy())
            )),
        }
    }
    if let Some(old) = &previous.files {
        let old = std::path::Path::new(old);
        if dir.as_deref() != Some(old) {
            files::retain(old, &[]);
        }
    }
    if let Some(dir) = &dir {
        files::retain(dir, &written);
        if !written.is_empty() {
            session.files = Some(dir.to_string_lossy().into_owned());
        }
    }

    // Every program the shell starts inherits what the hook exports: keep each variable and the
    // whole environment well inside what execve accepts.
    let mut budget = (env_vars::arg_max() / 4 * 3).saturating_sub(
        std::env::vars_os()
            .filter(|(k, _)| !values.contains_key(k.to_str().unwrap_or("")))
            .map(|(k, v)| env_vars::env_cost(k.as_encoded_bytes(), v.as_encoded_bytes()))
            .sum(),
    );
    for (name, value) in &values {
        let is_file = as_file.contains(name.as_str());
        let value = if is_file {
            match paths.get(name.as_str()) {
                Some(path) => &path[..],
                None => continue,
            }
        } else {
            value.expose().as_bytes()
        };
        if value.len() > HOOK_MAX_VALUE {
            warn(format!(
                "{name} is not loaded into the shell: its value is {} bytes, over the {} KiB the hook exports (a larger variable breaks every program the shell starts); `fnox exec` or as_file passes it",
                value.len(),
                HOOK_MAX_VALUE / 1024
            ));
            continue;
        }
        let cost = env_vars::env_cost(name.as_bytes(), value);
        if cost > budget {
            warn(format!(
                "{name} is not loaded into the shell: the environment would come near the system's limit for a program's arguments and environment (ARG_MAX); `fnox exec` passes it"
            ));
            continue;
        }
        budget -= cost;
        if value.contains(&0) {
            warn(format!(
                "{name} is not loaded: its value contains a NUL byte, which no environment variable can carry"
            ));
            continue;
        }
        let mut prior = match previous.managed(name) {
            Some(var) => {
                if current.get(name.as_str()).map(|v| &v[..]) == Some(value) {
                    let mut var = var.clone();
                    var.file = is_file;
                    session.vars.push(var);
                    continue;
                }
                var.clone()
            }
            None => {
                let user = std::env::var_os(name).map(|v| Zeroizing::new(v.into_encoded_bytes()));
                if user.as_deref().map(|v| &v[..]) == Some(value) {
                    // Already there with this value: nothing to do now or on leaving.
                    continue;
                }
                Managed::new(name, user.as_deref().map(|v| &v[..]))
            }
        };
        prior.file = is_file;
        changes.set(name, value);
        session.vars.push(prior);
        loaded.push(name);
    }
    for var in &previous.vars {
        if session.managed(&var.name).is_none() {
            var.restore(&mut changes);
            unloaded.push(&var.name);
        }
    }
    if session.vars.is_empty() && !fp.project {
        changes.unset(env_vars::FNOX_SESSION);
    } else {
        changes.set(env_vars::FNOX_SESSION, session.encode().as_bytes());
    }
    summary(out, &loaded, &unloaded);
    let mut code = Zeroizing::new(Vec::new());
    changes.render(shell, &mut code);
    shell::emit(&code)?;
    Ok(0)
}

/// What [`load`] found for the shell.
struct Loaded {
    values: IndexMap<String, SecretValue>,
    /// The secrets among them with `as_file = true`.
    as_file: HashSet<String>,
    imports: Vec<String>,
}

/// Resolves the secrets that belong in the shell (env = true), and lists the imported files.
fn load(ctx: &Ctx) -> Result<Loaded> {
    // No command was typed: a file the user has not trusted loads nothing.
    let config = ctx.load_trusted()?;
    for path in &config.untrusted {
        let shown = crate::config::load::display_path(path, &ctx.cwd);
        eprintln!(
            "fnox: {} is not trusted; run 'fnox trust' to load it",
            crate::term::escape(&shown)
        );
    }
    let default_env = config.env_default();
    let mut names = Vec::new();
    let mut as_file = HashSet::new();
    for s in config.secrets() {
        if s.secret.env.unwrap_or(default_env) != EnvMode::All {
            continue;
        }
        // The hook loads trusted files only.
        let opt_in = s.secret.allow_dangerous_name;
        if let Some(why) = crate::trust::env_name_refusal(s.name, opt_in, true) {
            warn(format!(
                "{} is not loaded into the shell ({}): {why}",
                s.name,
                config.locate("secrets", s.name, &s.origin)
            ));
        } else if is_var_name(s.name) {
            names.push(s.name);
            if s.secret.as_file == Some(true) {
                as_file.insert(s.name.to_owned());
            }
        } else {
            warn(format!(
                "{} is not loaded into the shell: not a valid variable name ({})",
                s.name,
                config.locate("secrets", s.name, &s.origin)
            ));
        }
    }
    let found: std::collections::HashSet<_> =
        crate::config::load::candidate_paths(&ctx.cwd, &ctx.profiles)
            .into_iter()
            .collect();
    // Files reached through `import` (the global file's too): not found by name, so listed.
    let global = crate::config::load::global_config_path();
    let imports = config
        .layers
        .iter()
        .filter(|l| !found.contains(&l.path) && Some(&l.path) != global.as_ref())
        .map(|l| l.path.to_string_lossy().into_owned())
        .collect();
    let values = resolve(&config, &names, ctx.resolve_options())?;
    Ok(Loaded {
        values,
        as_file,
        imports,
    })
}

/// "fnox: +2 -1 A, B, C" on stderr (normal), or one line per variable (debug).
fn summary(out: Output, loaded: &[&str], unloaded: &[&str]) {
    match out {
        Output::None => {}
        Output::Normal => {
            let mut counts = Vec::new();
            if !loaded.is_empty() {
                counts.push(format!("+{}", loaded.len()));
            }
            if !unloaded.is_empty() {
                counts.push(format!("-{}", unloaded.len()));
            }
            if !counts.is_empty() {
                let names: Vec<String> = loaded
                    .iter()
                    .chain(unloaded)
                    .map(|n| crate::term::escape(n).into_owned())
                    .collect();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                eprintln!(
                    "{}",
                    summary_line(&counts.join(" "), &names, summary_width())
                );
            }
        }
        Output::Debug => {
            for name in loaded {
                eprintln!("fnox: + {}", crate::term::escape(name));
            }
            for name in unloaded {
                eprintln!("fnox: - {}", crate::term::escape(name));
            }
        }
    }
}

/// "fnox: COUNTS NAMES", cut to `width` columns as upstream fnox cuts it: the names get the
/// width less the prefix and four columns kept for ", ..." (40 when that leaves under ten
/// columns); when they do not all fit, as many whole names as fit, then ", ...".
fn summary_line(counts: &str, names: &[&str], width: usize) -> String {
    let prefix = format!("fnox: {counts} ");
    let room = if width > prefix.len() + 10 {
        width - prefix.len() - 4
    } else {
        40
    };
    let all = names.join(", ");
    if all.len() <= room {
        return prefix + &all;
    }
    let mut used = 0;
    let mut shown = Vec::new();
    for name in names {
        let cost = name.len() + 2;
        if used + cost > room {
            break;
        }
        used += cost;
        shown.push(*name);
    }
    if shown.is_empty() {
        prefix + "..."
    } else {
        format!("{prefix}{}, ...", shown.join(", "))
    }
}

/// The width the summary is cut to: the terminal's when stderr is one, else COLUMNS, else 80.
fn summary_width() -> usize {
    terminal_columns()
        .or_else(|| env_vars::non_empty(env_vars::COLUMNS)?.parse().ok())
        .unwrap_or(80)
}

#[cfg(unix)]
fn terminal_columns() -> Option<usize> {
    // SAFETY: TIOCGWINSZ only writes the winsize struct it is given.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDERR_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(usize::from(size.ws_col))
}

#[cfg(not(unix))]
fn terminal_columns() -> Option<usize> {
    None
}

fn os_string(bytes: Vec<u8>) -> std::ffi::OsString {
    #[cfg(unix)]
    {
        std::os::unix::ffi::OsStringExt::from_vec(bytes)
    }
    #[cfg(not(unix))]
    {
        String::from_utf8_lossy(&bytes).into_owned().into()
    }
}

#[cfg(test)]
mod tests {
    use super::summary_line;

    #[test]
    fn summary_fits_or_is_cut_after_whole_names() {
        assert_eq!(summary_line("+2", &["A", "B"], 80), "fnox: +2 A, B");
        // "fnox: +3 " is 9 columns and 4 stay free: at 43 the 30 columns of names fit.
        let names = ["ALPHA_KEY", "BETA_KEY", "GAMMA_KEY"];
        assert_eq!(
            summary_line("+3", &names, 43),
            "fnox: +3 ALPHA_KEY, BETA_KEY, GAMMA_KEY"
        );
        assert_eq!(
            summary_line("+3", &names, 42),
            "fnox: +3 ALPHA_KEY, BETA_KEY, ..."
        );
        assert_eq!(summary_line("+3", &names, 30), "fnox: +3 ALPHA_KEY, ...");
        // Too narrow to be worth cutting (not over prefix + 10): 40 columns for the names.
        assert_eq!(
            summary_line("+3", &names, 19),
            "fnox: +3 ALPHA_KEY, BETA_KEY, GAMMA_KEY"
        );
        assert_eq!(summary_line("+3", &names, 20), "fnox: +3 ...");
        let long = "L".repeat(50);
        assert_eq!(summary_line("+1", &[&long], 30), "fnox: +1 ...");
    }
}
