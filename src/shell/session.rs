//! The hook's state between prompts, in `__FNOX_SESSION`.
//!
//! The state holds a fingerprint of what the loaded secrets were computed from (the config files
//! discovery would find, by path and stat; the active profile; a few settings), and, for every
//! variable fnox set, the value the user had before (to restore it on leaving). It never holds a
//! secret: a variable whose value already equals the secret is left alone rather than recorded.
//! An `as_file` secret's variable holds a path; the state names the directory of those files and
//! the shell that owns it (see [`super::files`]).

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use base64::Engine;
use serde::{Deserialize, Serialize};

use super::{is_var_name, Changes};
use crate::config::load::{candidate_paths, global_config_path};
use crate::env_vars;
use crate::error::{Error, Result};

/// One variable fnox set in the shell, and what the user had there before.
#[derive(Clone, Serialize, Deserialize)]
pub struct Managed {
    #[serde(rename = "n")]
    pub name: String,
    /// The user's own previous value (base64 of its bytes), or None when it was not set.
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    previous: Option<String>,
    /// An `as_file` secret: the variable holds the path of a file in the session's directory.
    #[serde(rename = "a", default, skip_serializing_if = "std::ops::Not::not")]
    pub file: bool,
}

impl Managed {
    pub fn new(name: &str, previous: Option<&[u8]>) -> Managed {
        Managed {
            name: name.to_owned(),
            previous: previous.map(|p| B64.encode(p)),
            file: false,
        }
    }

    pub fn previous(&self) -> Option<Vec<u8>> {
        self.previous.as_ref().and_then(|p| B64.decode(p).ok())
    }

    /// Appends the code that puts back what the user had: their value, or no variable at all.
    pub fn restore(&self, changes: &mut Changes) {
        match self.previous() {
            Some(value) => changes.set(&self.name, &value),
            None => changes.unset(&self.name),
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
    /// The directory of this shell's `as_file` secrets, when it has any.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub files: Option<String>,
}

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The part of a [`Session`] that says whether anything changed: read alone at every prompt,
/// the variables (and their previous values) only once something did.
#[derive(Deserialize)]
pub struct Head {
    #[serde(rename = "f")]
    pub fingerprint: String,
    #[serde(rename = "i", default)]
    pub imports: Vec<String>,
}

impl Session {
    /// The state left by the previous prompt: None when there is none, an error when it is damaged.
    pub fn from_env() -> Result<Option<Session>> {
        let Some(raw) = env_vars::non_empty(env_vars::FNOX_SESSION) else {
            return Ok(None);
        };
        Session::decode(&raw).map(Some)
    }

    /// The fingerprint and imports of the state left by the previous prompt: None when there is
    /// none or it cannot be read (`from_env` then says what is wrong with it).
    pub fn head_from_env() -> Option<Head> {
        Session::head(env_vars::non_empty(env_vars::FNOX_SESSION)?.trim())
    }

    /// `head_from_env` of one encoded session. The fingerprint is serialized first
    /// (`{"f":"…"`): when no imports follow it, it is read from the first bytes alone, not from
    /// the whole state (with every variable's previous value).
    fn head(raw: &str) -> Option<Head> {
        let prefix = &raw.as_bytes()[..raw.len().min(128) & !3];
        if let Ok(start) = B64.decode(prefix) {
            if let Some(rest) = start.strip_prefix(br#"{"f":""#) {
                if let Some(end) = rest.iter().position(|&b| b == b'"' || b == b'\\') {
                    let after = &rest[end..];
                    let alone = [&b"\"}"[..], b"\",\"v\":", b"\",\"d\":"];
                    if alone.iter().any(|a| after.starts_with(a)) {
                        return Some(Head {
                            fingerprint: String::from_utf8(rest[..end].to_vec()).ok()?,
                            imports: Vec::new(),
                        });
                    }
                }
            }
        }
        serde_json::from_slice(&B64.decode(raw).ok()?).ok()
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
    pub fn unload(&self, changes: &mut Changes) {
        for var in &self.vars {
            var.restore(changes);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_round_trips_and_rejects_bad_names() {
        let s = Session {
            fingerprint: "abc".into(),
            imports: vec!["/x/shared.toml".into()],
            vars: vec![Managed::new("A", None), Managed::new("B", Some(b"old\n'v"))],
            files: None,
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

    #[test]
    fn the_head_is_what_the_whole_session_says() {
        let many: Vec<Managed> = (0..200)
            .map(|i| Managed::new(&format!("V{i}"), Some(b"previous value")))
            .collect();
        for (imports, vars, files) in [
            (vec![], vec![], None),
            (vec![], many.clone(), None),
            (vec![], vec![], Some("/run/x".to_owned())),
            (vec!["/x/shared.toml".to_owned()], many.clone(), None),
            (vec!["/a".to_owned(), "/b".to_owned()], vec![], None),
        ] {
            for fingerprint in ["", "00ff00ff00ff00ff", &"f".repeat(200)] {
                let s = Session {
                    fingerprint: fingerprint.to_owned(),
                    imports: imports.clone(),
                    vars: vars.clone(),
                    files: files.clone(),
                };
                let head = Session::head(&s.encode()).expect("a head");
                assert_eq!(head.fingerprint, fingerprint);
                assert_eq!(head.imports, imports);
            }
        }
        assert!(Session::head("%%%").is_none());
        assert!(Session::head("").is_none());
    }
}
