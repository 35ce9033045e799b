//! Trust: which config files may run commands, send credentials to an address they name, or load
//! into the shell without a command typed.
//!
//! A file is trusted when the user approved it (`fnox trust`: its absolute path and the SHA-256 of
//! its content, kept in `$FNOX_STATE_DIR/trust.json`, 0600), when it lies under a tree the user
//! marked (`fnox trust --tree DIR`), when it is the global config, with `CI` set when it is inside
//! the current git work tree, or with `FNOX_TRUST_ALL=1`. A file changed by someone else needs
//! approval again; fnox's own edits keep it trusted (`after_write`).
//!
//! Independently, discovery ignores a file owned by another user or writable by everyone
//! (`unsafe_reason`), as git's `safe.directory` does.
//!
//! An untrusted file still works as data for the commands a user types (`get`, `exec`, `export`
//! decrypt with the user's own keys), but the gate (`require`) refuses what would run a command or
//! hand a token to an address only the file names, and the shell hook loads nothing from it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::env_vars;
use crate::error::{Error, Result};

/// The code of every refusal for want of trust.
pub const UNTRUSTED: &str = "fnox::trust::untrusted";

/// What `fnox trust` has recorded.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Store {
    /// Absolute path → SHA-256 (hex) of the content the user approved.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    /// Directories under which every config file is trusted.
    #[serde(default)]
    pub trees: Vec<String>,
}

/// `fnox trust` itself loads the files it is asked to approve: the gate stands aside.
static GATE_OFF: AtomicBool = AtomicBool::new(false);
/// The store as read once per process (writes replace it).
static CACHE: Mutex<Option<Store>> = Mutex::new(None);

/// For `fnox trust` / `untrust`, which read config files without using them.
pub fn disable_gate() {
    GATE_OFF.store(true, Ordering::Relaxed);
}

/// `$FNOX_STATE_DIR/trust.json` (else `$XDG_STATE_HOME/fnox`, else `~/.local/state/fnox`).
pub fn store_path() -> Option<PathBuf> {
    env_vars::state_dir().map(|d| d.join("trust.json"))
}

pub fn load_store() -> Store {
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(store) = cache.as_ref() {
        return store.clone();
    }
    let store: Store = store_path()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    *cache = Some(store.clone());
    store
}

fn save_store(store: &Store) -> Result<()> {
    let path = store_path().ok_or_else(|| {
        Error::new("cannot record trust: no state directory")
            .code("fnox::trust::error")
            .hint("set FNOX_STATE_DIR (or HOME) to a directory of yours")
    })?;
    let dir = path.parent().expect("the store is in a directory");
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::new(format!("cannot create {}", dir.display()))
            .code("fnox::trust::error")
            .cause(e)
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    let mut text = serde_json::to_string_pretty(store).expect("the trust store serialises");
    text.push('\n');
    crate::config::edit::atomic_write(
        &path,
        text.as_bytes(),
        crate::config::edit::FileMode::Exactly(0o600),
    )?;
    *CACHE.lock().unwrap_or_else(|e| e.into_inner()) = Some(store.clone());
    Ok(())
}

/// The SHA-256 of a file's content, in hex.
pub fn digest(text: &str) -> String {
    let d = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, text.as_bytes());
    d.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

fn key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// Why a config file is trusted, or None when it is not.
pub fn why_trusted(path: &Path, text: &str, global: bool) -> Option<&'static str> {
    if global {
        return Some("the global config");
    }
    if env_vars::flag(env_vars::FNOX_TRUST_ALL) == Some(true) {
        return Some("FNOX_TRUST_ALL is set");
    }
    if in_ci_work_tree(path) {
        return Some("CI is set and it is inside the current git work tree");
    }
    let store = load_store();
    let k = key(path);
    if store.files.get(&k).is_some_and(|h| *h == digest(text)) {
        return Some("approved with `fnox trust`");
    }
    let under = |tree: &String| Path::new(&k).starts_with(tree);
    if store.trees.iter().any(under) {
        return Some("under a tree marked with `fnox trust --tree`");
    }
    None
}

/// With `CI` set (GitHub Actions, GitLab and the others set it), files inside the git work tree
/// of the current directory: the job runs that checkout's code anyway.
fn in_ci_work_tree(path: &Path) -> bool {
    if env_vars::non_empty(env_vars::CI).is_none_or(|v| v == "0" || v == "false") {
        return false;
    }
    let Ok(cwd) = std::env::current_dir() else {
        return false;
    };
    let Some(root) = cwd.ancestors().find(|d| d.join(".git").exists()) else {
        return false;
    };
    let file = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    file.starts_with(root)
}

/// Records the user's approval of `path` as it is now.
pub fn approve(path: &Path, text: &str) -> Result<()> {
    let mut store = load_store();
    store.files.insert(key(path), digest(text));
    save_store(&store)
}

/// Forgets an approval (and a tree of that exact path). False when there was none.
pub fn revoke(path: &Path) -> Result<bool> {
    let mut store = load_store();
    let k = key(path);
    let had = store.files.remove(&k).is_some();
    let before = store.trees.len();
    store.trees.retain(|t| *t != k);
    if had || store.trees.len() != before {
        save_store(&store)?;
        return Ok(true);
    }
    Ok(false)
}

pub fn add_tree(dir: &Path) -> Result<()> {
    let mut store = load_store();
    let k = key(dir);
    if !store.trees.contains(&k) {
        store.trees.push(k);
        store.trees.sort();
    }
    save_store(&store)
}

/// After fnox itself rewrote `path`: a file that was approved (or new, written by a command the
/// user typed) stays trusted with its new content. Errors here never fail the write.
pub fn after_write(path: &Path, before: Option<&str>, after: &str) {
    let store = load_store();
    let was_approved = match before {
        None => true,
        Some(old) => store
            .files
            .get(&key(path))
            .is_some_and(|h| *h == digest(old)),
    };
    if was_approved {
        if let Err(e) = approve(path, after) {
            crate::error::warn(format!(
                "{} was written but its trust could not be recorded: {}",
                path.display(),
                e.one_line()
            ));
        }
    }
}

/// Why discovery must not load `path`: owned by another user, or writable by everyone.
#[cfg(unix)]
pub fn unsafe_reason(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    // SAFETY: geteuid has no preconditions.
    let me = unsafe { libc::geteuid() };
    // As git does: root acting through sudo may use the files of the user who ran sudo.
    let sudo_user = (me == 0)
        .then(|| env_vars::non_empty("SUDO_UID")?.parse::<u32>().ok())
        .flatten();
    if meta.uid() != me && Some(meta.uid()) != sudo_user {
        return Some(format!(
            "it is owned by uid {}, not by you (uid {me})",
            meta.uid()
        ));
    }
    if meta.mode() & 0o002 != 0 {
        return Some("everyone can write to it".to_owned());
    }
    None
}

#[cfg(not(unix))]
pub fn unsafe_reason(_path: &Path) -> Option<String> {
    None
}

/// Whether the ownership rule is waived: FNOX_TRUST_ALL, or CI inside the job's work tree.
pub fn ownership_waived(path: &Path) -> bool {
    env_vars::flag(env_vars::FNOX_TRUST_ALL) == Some(true) || in_ci_work_tree(path)
}

/// The gate: `what` (e.g. "run credential_command") needs `file` to be trusted. On a terminal it
/// asks `trust ./fnox.toml? [y/N]`; otherwise it refuses with exit 1 and the way out.
pub fn require(file: &Path, shown: &str, text: &str, global: bool, what: &str) -> Result<()> {
    if GATE_OFF.load(Ordering::Relaxed) || why_trusted(file, text, global).is_some() {
        return Ok(());
    }
    if crate::term::can_prompt() {
        eprintln!("fnox: {shown} would {what}, and you have not trusted it");
        let yes = dialoguer::Confirm::new()
            .with_prompt(format!("trust {shown}?"))
            .default(false)
            .interact()
            .unwrap_or(false);
        if yes {
            return approve(file, text);
        }
    }
    Err(
        Error::new(format!("{shown} is not trusted: it would {what}"))
            .code(UNTRUSTED)
            .cause("a config file you have not approved may not run commands, send your credentials to an address it names, or import files from outside its directory")
            .hint(format!("read it, then run 'fnox trust' to allow it (fnox trust {shown})")),
    )
}

/// What a provider table would do that needs its file to be trusted: run a command it names, or
/// send credentials to an address only it names (the environment's own address is fine).
pub fn provider_risk(name: &str, fields: &toml::Table) -> Option<String> {
    for (k, v) in fields {
        let set = !matches!(v, toml::Value::String(s) if s.trim().is_empty());
        if set && (k.ends_with("_command") || k == "gpg_opts") {
            return Some(format!("run the `{k}` of provider '{name}'"));
        }
    }
    let same = |value: &toml::Value, vars: &[&str]| {
        let norm = |s: &str| s.trim().trim_end_matches('/').to_owned();
        let toml::Value::String(value) = value else {
            return false;
        };
        vars.iter()
            .filter_map(|v| env_vars::non_empty(v))
            .any(|env| norm(&env) == norm(value))
    };
    for (k, v) in fields {
        let env: &[&str] = match k.as_str() {
            "address" => &["FNOX_VAULT_ADDR", "VAULT_ADDR"],
            "endpoint" => &["AWS_ENDPOINT_URL"],
            k if k == "url" || k == "host" || k.ends_with("_url") => &[],
            _ => continue,
        };
        if !same(v, env) {
            let shown = match v {
                toml::Value::String(s) => s.clone(),
                _ => "an address computed from another secret".to_owned(),
            };
            return Some(format!(
                "send your credentials for provider '{name}' to {shown} (its `{k}`), an address only this file names"
            ));
        }
    }
    None
}

/// Variables that change how programs or shells run: `exec` and the shell hook never set one
/// from a secret unless the secret says `allow_dangerous_name = true`.
pub const DANGEROUS_NAMES: &[&str] = &[
    "PATH",
    "ENV",
    "BASH_ENV",
    "PROMPT_COMMAND",
    "PS0",
    "PS1",
    "PS2",
    "PS3",
    "PS4",
    "PROMPT",
    "RPROMPT",
    "IFS",
    "SHELLOPTS",
    "BASHOPTS",
    "CDPATH",
    "HISTFILE",
    "ZDOTDIR",
    "FPATH",
    "SHELL",
    "HOME",
    "TMPDIR",
    "EDITOR",
    "VISUAL",
    "PAGER",
    "MANPAGER",
    "BROWSER",
    "LESSOPEN",
    "LESSCLOSE",
    "SSH_ASKPASS",
    "SUDO_ASKPASS",
    "GIT_ASKPASS",
    "PYTHONSTARTUP",
    "PYTHONPATH",
    "PYTHONHOME",
    "NODE_OPTIONS",
    "NODE_PATH",
    "PERL5OPT",
    "PERL5LIB",
    "PERLLIB",
    "RUBYOPT",
    "RUBYLIB",
    "JAVA_TOOL_OPTIONS",
    "_JAVA_OPTIONS",
    "JDK_JAVA_OPTIONS",
    "GCONV_PATH",
    "MALLOC_CHECK_",
    "TERMINFO",
    "CI",
    "FNOX_TRUST_ALL",
    "FNOX_CONFIG_DIR",
    "FNOX_STATE_DIR",
    "FNOX_ENV_REFERENCES",
    "XDG_CONFIG_HOME",
    "XDG_STATE_HOME",
    "KUBECONFIG",
    "GNUPGHOME",
    "VIMINIT",
    "EXINIT",
    "MYVIMRC",
    "LUA_INIT",
    "OPENSSL_CONF",
    "RUSTC_WRAPPER",
    "INPUTRC",
    "FNOX_SHELL",
    "__FNOX_SESSION",
    "GIT_SSH",
    "GIT_SSH_COMMAND",
    "GIT_EXEC_PATH",
    "GIT_EDITOR",
    "GIT_SEQUENCE_EDITOR",
    "GIT_PAGER",
    "GIT_EXTERNAL_DIFF",
    "GIT_PROXY_COMMAND",
    "GIT_TEMPLATE_DIR",
    "GIT_CONFIG",
    "GIT_CONFIG_GLOBAL",
    "GIT_CONFIG_SYSTEM",
    "GIT_CONFIG_COUNT",
    "GIT_DIR",
    "GIT_WORK_TREE",
];

/// Prefixes of the same kind: the dynamic loaders', git's config-by-environment, bash functions.
pub const DANGEROUS_PREFIXES: &[&str] = &[
    "LD_",
    "DYLD_",
    "GIT_CONFIG",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "PASSWORD_STORE_",
    "NPM_CONFIG_",
    "npm_config_",
    "BASH_FUNC_",
];

/// Why setting `name` from a secret would change how programs or shells run, if it would.
pub fn dangerous_name(name: &str) -> bool {
    DANGEROUS_NAMES.contains(&name) || DANGEROUS_PREFIXES.iter().any(|p| name.starts_with(p))
}

/// Why `name` cannot be an environment variable at all (empty, `=`, NUL, a line break or another
/// control character), or None.
pub fn invalid_env_name(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("it is empty");
    }
    if name.contains('=') {
        return Some("it contains `=`, which ends a variable's name");
    }
    if name.contains('\0') {
        return Some("it contains a NUL byte");
    }
    if name.chars().any(|c| c.is_control()) {
        return Some("it contains a line break or another control character");
    }
    None
}

/// Why `exec` / the hook must not set a secret's variable, if they must not: its name is not a
/// variable name at all, or is dangerous and the secret does not opt in.
pub fn env_name_refusal(name: &str, allow_dangerous: Option<bool>) -> Option<String> {
    if let Some(why) = invalid_env_name(name) {
        return Some(format!("not a valid environment variable name: {why}"));
    }
    if dangerous_name(name) && allow_dangerous != Some(true) {
        return Some(format!(
            "{name} changes how programs or shells run; set `allow_dangerous_name = true` on the secret to set it anyway"
        ));
    }
    None
}
