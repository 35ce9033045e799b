//! The one error type: a message that names what failed and where, the chain of causes,
//! an optional hint (rendered last), and the exit code.

use std::fmt;
use std::io::IsTerminal;

/// Process exit codes. `exec` returns the child's own code instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// A user, config or provider error.
    Failure = 1,
    /// The command line itself was wrong.
    Usage = 2,
    /// `exec`: the command exists but cannot be run.
    NotExecutable = 126,
    /// `exec`: the command was not found.
    NotFound = 127,
}

#[derive(Debug, Clone)]
pub struct Error {
    /// A stable name for the kind of failure (upstream's diagnostic code where it has one, e.g.
    /// `fnox::config::invalid_toml`), printed with the message for scripts and searches. Errors
    /// not given one get their area's (`fnox::<command>::error`, see `area_code`).
    pub code: &'static str,
    pub message: String,
    pub causes: Vec<String>,
    pub hint: Option<String>,
    pub exit: Exit,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    #[track_caller]
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            code: area_code(std::panic::Location::caller().file()),
            message: message.into(),
            causes: Vec::new(),
            hint: None,
            exit: Exit::Failure,
        }
    }

    /// A command line that cannot work as given (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Error {
            code: USAGE,
            exit: Exit::Usage,
            ..Error::new(message)
        }
    }

    /// Sets the stable code of this kind of failure (see the README's list of error codes).
    pub fn code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    pub fn cause(mut self, cause: impl fmt::Display) -> Self {
        self.causes.push(cause.to_string());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint only when none was set by someone closer to the failure.
    pub fn or_hint(mut self, hint: impl Into<String>) -> Self {
        if self.hint.is_none() {
            self.hint = Some(hint.into());
        }
        self
    }

    /// Every failure of a batch as one error: a cause line per failure (its message and causes),
    /// then the first hint any of them had.
    /// The code is the first failure's.
    #[track_caller]
    pub fn batch(message: impl Into<String>, failures: impl IntoIterator<Item = Error>) -> Error {
        let mut err = Error::new(message);
        for (i, f) in failures.into_iter().enumerate() {
            if i == 0 {
                err.code = f.code;
            }
            err.causes.push(f.one_line());
            err.hint = err.hint.or(f.hint);
        }
        err
    }

    /// The message and its causes on one line.
    pub fn one_line(&self) -> String {
        let mut line = self.message.clone();
        for c in &self.causes {
            line.push_str(": ");
            line.push_str(c);
        }
        line
    }

    /// The error with control characters in its text escaped (names and paths from a config
    /// file may carry them), for a terminal: `e.escaped().render()`.
    pub fn escaped(&self) -> Error {
        use crate::term::escape_text;
        Error {
            message: escape_text(&self.message).into_owned(),
            causes: self
                .causes
                .iter()
                .map(|c| escape_text(c).into_owned())
                .collect(),
            hint: self.hint.as_deref().map(|h| escape_text(h).into_owned()),
            ..self.clone()
        }
    }

    /// Renders the error for stderr; colour only when stderr is a terminal and colour is allowed.
    pub fn render(&self) -> String {
        let color = stderr_color();
        let (red, yellow, bold, reset) = if color {
            ("\x1b[1;31m", "\x1b[33m", "\x1b[1m", "\x1b[0m")
        } else {
            ("", "", "", "")
        };
        let mut out = format!(
            "{red}error[{}]{reset}: {bold}{}{reset}\n",
            self.code, self.message
        );
        for cause in &self.causes {
            for (i, line) in cause.lines().enumerate() {
                if i == 0 {
                    out.push_str(&format!("  caused by: {line}\n"));
                } else {
                    out.push_str(&format!("    {line}\n"));
                }
            }
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("  {yellow}hint{reset}: {hint}\n"));
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        for cause in &self.causes {
            write!(f, ": {cause}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// The code of a command line that cannot work as given.
pub const USAGE: &str = "fnox::usage";

/// The code of an error that was not given one: its area's, from the source file that raised it
/// (`src/cli/edit.rs` → `fnox::edit::error`, `src/provider/…` → `fnox::provider::error`).
pub fn area_code(file: &str) -> &'static str {
    let file = file.replace('\\', "/");
    let rest = file.rsplit_once("src/").map_or(file.as_str(), |(_, r)| r);
    let area = match rest.split_once('/') {
        Some(("cli", f)) => f.trim_end_matches(".rs"),
        Some((dir, _)) => dir,
        None => rest.trim_end_matches(".rs"),
    };
    const AREAS: &[(&str, &str)] = &[
        ("config", "fnox::config::error"),
        ("provider", "fnox::provider::error"),
        ("resolve", "fnox::secret::error"),
        ("secret", "fnox::secret::error"),
        ("reference", "fnox::reference::error"),
        ("dotenv", "fnox::import::parse_failed"),
        ("shell", "fnox::shell::error"),
        ("activate", "fnox::shell::error"),
        ("deactivate", "fnox::shell::error"),
        ("hook_env", "fnox::shell::error"),
        ("exec", "fnox::command::error"),
        ("child", "fnox::command::error"),
        ("check", "fnox::check::error"),
        ("ci_redact", "fnox::ci_redact::error"),
        ("completion", "fnox::completion::error"),
        ("config_files", "fnox::config::error"),
        ("doctor", "fnox::doctor::error"),
        ("edit", "fnox::edit::error"),
        ("export", "fnox::export::error"),
        ("get", "fnox::get::error"),
        ("import", "fnox::import::error"),
        ("init", "fnox::init::error"),
        ("inject", "fnox::inject::error"),
        ("key", "fnox::key::error"),
        ("lease", "fnox::lease::error"),
        ("list", "fnox::list::error"),
        ("profiles", "fnox::profiles::error"),
        ("proxy", "fnox::proxy::error"),
        ("reencrypt", "fnox::reencrypt::error"),
        ("remove", "fnox::remove::error"),
        ("scan", "fnox::scan::error"),
        ("set", "fnox::set::error"),
        ("sync", "fnox::sync::error"),
        ("trust", "fnox::trust::error"),
        ("untrust", "fnox::trust::error"),
    ];
    AREAS
        .iter()
        .find(|(name, _)| *name == area)
        .map_or("fnox::error", |(_, code)| code)
}

static NO_COLOR_FLAG: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--no-color`: kept in the process (not in NO_COLOR, which `exec` children would inherit).
pub fn disable_color() {
    NO_COLOR_FLAG.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether stderr may carry ANSI colour: a terminal, no NO_COLOR, no --no-color;
/// CLICOLOR_FORCE forces it on.
pub fn stderr_color() -> bool {
    use crate::env_vars;
    if NO_COLOR_FLAG.load(std::sync::atomic::Ordering::Relaxed)
        || env_vars::non_empty("NO_COLOR").is_some()
    {
        return false;
    }
    if env_vars::non_empty("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        return true;
    }
    std::io::stderr().is_terminal()
}

/// Prints a warning line to stderr (control characters escaped).
pub fn warn(message: impl fmt::Display) {
    let (yellow, reset) = if stderr_color() {
        ("\x1b[33m", "\x1b[0m")
    } else {
        ("", "")
    };
    let message = message.to_string();
    eprintln!(
        "{yellow}warning{reset}: {}",
        crate::term::escape_text(&message)
    );
}

/// "Did you mean 'X'?" for a name typed wrong, or None when nothing is close.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&wrong.to_lowercase(), &c.to_lowercase());
        if score > 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| format!("Did you mean '{c}'?"))
}
