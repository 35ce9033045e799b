//! Shell integration shared by `activate`, `hook-env` and `deactivate`: quoting for each shell, and
//! the session state the hook keeps in one shell variable (`__FNOX_SESSION`).
//!
//! The state holds a fingerprint of what the loaded secrets were computed from (the config files
//! discovery would find, by path and stat; the active profile; a few settings), and, for every
//! variable fnox set, the value the user had before (to restore it on leaving). It never holds a
//! secret: a variable whose value already equals the secret is left alone rather than recorded.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::config::load::{candidate_paths, global_config_path};
use crate::env_vars;
use crate::error::{Error, Result};

/// The shells fnox can hook into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Shell {
    /// The names `activate` and `hook-env -s` take, as --help lists them.
    pub const NAMES: [&'static str; 3] = ["bash", "zsh", "fish"];

    pub fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
        }
    }

    pub fn parse(name: &str) -> Option<Shell> {
        match name {
            "bash" => Some(Shell::Bash),
            "zsh" => Some(Shell::Zsh),
            "fish" => Some(Shell::Fish),
            _ => None,
        }
    }

    /// The shell a person named; any other name is an error that says which ones fnox knows.
    pub fn named(name: &str) -> Result<Shell> {
        Shell::parse(name).ok_or_else(|| {
            Error::new(format!("unsupported shell: {name}"))
                .hint("fnox hooks into bash, zsh and fish: fnox activate bash | zsh | fish")
        })
    }

    /// The shell `activate` hooked into, from FNOX_SHELL.
    pub fn from_env() -> Option<Shell> {
        Shell::parse(&env_vars::non_empty(env_vars::FNOX_SHELL)?)
    }

    /// The login shell, from the file name in $SHELL: None when $SHELL is not set, an error when
    /// it names a shell fnox does not hook into.
    pub fn from_login_shell() -> Result<Option<Shell>> {
        let Some(path) = env_vars::non_empty(env_vars::SHELL) else {
            return Ok(None);
        };
        let name = match Path::new(&path).file_name() {
            Some(file) => file.to_string_lossy().into_owned(),
            None => path.clone(),
        };
        Shell::named(&name).map(Some)
    }

    /// A word the shell reads back as exactly `value`, never expanding anything in it.
    /// bash/zsh: single quotes, a quote as `'\''`; fish: single quotes with `\'` and `\\`.
    pub fn quote(self, value: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(value.len() + 2);
        out.push(b'\'');
        for &b in value {
            match (self, b) {
                (Shell::Bash | Shell::Zsh, b'\'') => out.extend_from_slice(b"'\\''"),
                (Shell::Fish, b'\'' | b'\\') => out.extend_from_slice(&[b'\\', b]),
                _ => out.push(b),
            }
        }
        out.push(b'\'');
        out
    }

    /// Appends the code that exports `name` with `value`. `name` must pass [`is_var_name`].
    ///
    /// A value of [`needs_no_quoting`] characters is written as upstream fnox writes it (bash/zsh
    /// bare, `export K=v`; fish in double quotes, `set -gx K "v"`), so the hook's output reads
    /// the same with either; every other value gets the byte-exact [`Shell::quote`].
    pub fn set(self, out: &mut Vec<u8>, name: &str, value: &[u8]) {
        debug_assert!(is_var_name(name));
        match self {
            Shell::Bash | Shell::Zsh => out.extend_from_slice(format!("export {name}=").as_bytes()),
            Shell::Fish => out.extend_from_slice(format!("set -gx {name} ").as_bytes()),
        }
        match self {
            Shell::Bash | Shell::Zsh if !value.is_empty() && needs_no_quoting(value) => {
                out.extend_from_slice(value);
            }
            Shell::Fish if needs_no_quoting(value) => {
                out.push(b'"');
                out.extend_from_slice(value);
                out.push(b'"');
            }
            _ => out.extend_from_slice(&self.quote(value)),
        }
        out.push(b'\n');
    }

    /// Appends the code that removes `name` from the environment.
    pub fn unset(self, out: &mut Vec<u8>, name: &str) {
        debug_assert!(is_var_name(name));
        let line = match self {
            Shell::Bash | Shell::Zsh => format!("unset {name}\n"),
            Shell::Fish => format!("set -e -g {name}\n"),
        };
        out.extend_from_slice(line.as_bytes());
    }
}

/// Whether every byte of `value` is one no supported shell treats specially, bare or inside
/// double quotes: ASCII letters and digits and `+ - . / : @ ] _` (the set upstream fnox leaves
/// unquoted).
pub fn needs_no_quoting(value: &[u8]) -> bool {
    value
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b"+-./:@]_".contains(&b))
}

/// A name every supported shell accepts as a variable: letters, digits and `_`, not starting
/// with a digit.
pub fn is_var_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// One variable fnox set in the shell, and what the user had there before.
#[derive(Clone, Serialize, Deserialize)]
pub struct Managed {
    #[serde(rename = "n")]
    pub name: String,
    /// The user's own previous value (base64 of its bytes), or None when it was not set.
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    previous: Option<String>,
}

impl Managed {
    pub fn new(name: &str, previous: Option<&[u8]>) -> Managed {
        Managed {
            name: name.to_owned(),
            previous: previous.map(|p| B64.encode(p)),
        }
    }

    pub fn previous(&self) -> Option<Vec<u8>> {
        self.previous.as_ref().and_then(|p| B64.decode(p).ok())
    }

    /// Appends the code that puts back what the user had: their value, or no variable at all.
    pub fn restore(&self, shell: Shell, out: &mut Vec<u8>) {
        match self.previous() {
            Some(value) => shell.set(out, &self.name, &value),
            None => shell.unset(out, &self.name),
        }
    }
}

/// What the hook remembers between prompts, in `__FNOX_SESSION` (base64 of a small JSON object).
/// No `Debug`: it holds the user's own previous values.
#[derive(Default, Serialize, Deserialize)]
pub struct Session {
    /// The [`fingerprint`] the current environment was computed from.
    #[serde(rename = "f")]
    pub fingerprint: String,
    /// Files loaded through `import` (discovery finds the others by name, these it cannot).
    #[serde(rename = "i", default, skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<String>,
    /// The variables fnox set, in the order it set them.
    #[serde(rename = "v", default, skip_serializing_if = "Vec::is_empty")]
    pub vars: Vec<Managed>,
}

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

impl Session {
    /// The state left by the previous prompt: None when there is none, an error when it is damaged.
    pub fn from_env() -> Result<Option<Session>> {
        let Some(raw) = env_vars::non_empty(env_vars::FNOX_SESSION) else {
            return Ok(None);
        };
        Session::decode(&raw).map(Some)
    }

    pub fn decode(raw: &str) -> Result<Session> {
        let damaged = |cause: String| {
            Error::new(format!("{} is damaged", env_vars::FNOX_SESSION))
                .cause(cause)
                .hint("leave it to fnox; `fnox deactivate` and activate again to start afresh")
        };
        let json = B64.decode(raw.trim()).map_err(|e| damaged(e.to_string()))?;
        let session: Session = serde_json::from_slice(&json).map_err(|e| damaged(e.to_string()))?;
        if let Some(bad) = session.vars.iter().find(|v| !is_var_name(&v.name)) {
            return Err(damaged(format!("'{}' is not a variable name", bad.name)));
        }
        Ok(session)
    }

    pub fn encode(&self) -> String {
        B64.encode(serde_json::to_vec(self).expect("a session serializes"))
    }

    pub fn managed(&self, name: &str) -> Option<&Managed> {
        self.vars.iter().find(|v| v.name == name)
    }

    /// Appends the code that restores every variable fnox set.
    pub fn unload(&self, shell: Shell, out: &mut Vec<u8>) {
        for var in &self.vars {
            var.restore(shell, out);
        }
    }
}

/// What decides the shell's secrets, cheaply: only `stat`s, nothing is read or parsed.
pub struct Fingerprint {
    /// A hash of every input below, as hex.
    pub hash: String,
    /// Whether some project config file (not only the global one) exists from here upward.
    pub project: bool,
    /// The candidate paths that exist (imports are told apart from these after a load).
    pub found: HashSet<PathBuf>,
}

/// Hashes the config files discovery would find from `cwd` upward (path, size, mtime, ctime,
/// inode), the given imports, the global file, the default age identity file, the active
/// profiles and the settings that change what resolves. Independent of `cwd` itself: moving
/// between directories that see the same files changes nothing.
pub fn fingerprint(
    cwd: &Path,
    profiles: &[String],
    no_defaults: bool,
    imports: &[String],
) -> Fingerprint {
    let mut h = std::hash::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    profiles.hash(&mut h);
    no_defaults.hash(&mut h);
    let mut found = HashSet::new();
    for path in candidate_paths(cwd, profiles) {
        if let Ok(meta) = std::fs::metadata(&path) {
            path.hash(&mut h);
            stat_hash(&meta, &mut h);
            found.insert(path);
        }
    }
    let project = !found.is_empty();
    0xff_u8.hash(&mut h);
    let global = global_config_path();
    let identity = env_vars::config_dir().map(|d| d.join("age.txt"));
    // `fnox trust` / `untrust` change what loads.
    let trust = crate::trust::store_path();
    let others = imports
        .iter()
        .map(PathBuf::from)
        .chain(global)
        .chain(identity)
        .chain(trust);
    for path in others {
        path.hash(&mut h);
        match std::fs::metadata(&path) {
            Ok(meta) => stat_hash(&meta, &mut h),
            Err(_) => 0_u8.hash(&mut h),
        }
    }
    for var in [
        env_vars::FNOX_NO_DEFAULTS,
        env_vars::FNOX_IF_MISSING,
        env_vars::FNOX_IF_MISSING_DEFAULT,
        env_vars::FNOX_AGE_KEY_FILE,
        env_vars::FNOX_TRUST_ALL,
        env_vars::CI,
    ] {
        std::env::var_os(var).hash(&mut h);
    }
    // Key material itself stays out of the state, even hashed; whether it is set counts.
    std::env::var_os(env_vars::FNOX_AGE_KEY)
        .is_some()
        .hash(&mut h);
    Fingerprint {
        hash: format!("{:016x}", h.finish()),
        project,
        found,
    }
}

fn stat_hash(meta: &std::fs::Metadata, h: &mut impl Hasher) {
    meta.len().hash(h);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino(), meta.mtime(), meta.mtime_nsec()).hash(h);
        (meta.ctime(), meta.ctime_nsec()).hash(h);
    }
    #[cfg(not(unix))]
    meta.modified().ok().hash(h);
}

/// Writes shell code to stdout; a closed pipe ends the program quietly.
pub fn emit(code: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(code).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::new("cannot write to stdout").cause(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_quote_closes_and_reopens_around_single_quotes() {
        assert_eq!(Shell::Bash.quote(b"it's"), b"'it'\\''s'");
        assert_eq!(Shell::Zsh.quote(b"$(x) `y` \\n"), b"'$(x) `y` \\n'");
        assert_eq!(Shell::Bash.quote(b""), b"''");
    }

    #[test]
    fn fish_quote_escapes_quote_and_backslash_only() {
        assert_eq!(Shell::Fish.quote(b"it's \\ $x\n"), b"'it\\'s \\\\ $x\n'");
    }

    #[test]
    fn set_writes_plain_values_as_upstream_and_quotes_the_rest() {
        let set = |shell: Shell, value: &[u8]| {
            let mut out = Vec::new();
            shell.set(&mut out, "K", value);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            set(Shell::Bash, b"abc-1.2/x:y@z]_+"),
            "export K=abc-1.2/x:y@z]_+\n"
        );
        assert_eq!(set(Shell::Zsh, b"-x"), "export K=-x\n");
        assert_eq!(set(Shell::Bash, b""), "export K=''\n");
        assert_eq!(set(Shell::Bash, b"a,b"), "export K='a,b'\n");
        assert_eq!(set(Shell::Bash, b"a=b"), "export K='a=b'\n");
        assert_eq!(set(Shell::Zsh, "é".as_bytes()), "export K='é'\n");
        assert_eq!(set(Shell::Fish, b"abc123"), "set -gx K \"abc123\"\n");
        assert_eq!(set(Shell::Fish, b""), "set -gx K \"\"\n");
        assert_eq!(set(Shell::Fish, b"a$b"), "set -gx K 'a$b'\n");
    }

    #[test]
    fn session_round_trips_and_rejects_bad_names() {
        let s = Session {
            fingerprint: "abc".into(),
            imports: vec!["/x/shared.toml".into()],
            vars: vec![Managed::new("A", None), Managed::new("B", Some(b"old\n'v"))],
        };
        let back = Session::decode(&s.encode()).unwrap();
        assert_eq!(back.fingerprint, "abc");
        assert_eq!(back.vars[1].previous().unwrap(), b"old\n'v");
        assert!(back.vars[0].previous().is_none());
        let bad = Session {
            vars: vec![Managed::new("A;rm", None)],
            ..Session::default()
        };
        assert!(Session::decode(&bad.encode()).is_err());
        assert!(Session::decode("%%%").is_err());
    }
}
