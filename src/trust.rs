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
/// The store as read once per process for lookups (every change re-reads it from disk under a
/// lock, so two fnox processes never undo each other's `trust` / `untrust`).
static CACHE: Mutex<Option<Store>> = Mutex::new(None);

/// For `fnox trust` / `untrust`, which read config files without using them.
pub fn disable_gate() {
    GATE_OFF.store(true, Ordering::Relaxed);
}

/// `$FNOX_STATE_DIR/trust.json` (else `$XDG_STATE_HOME/fnox`, else `~/.local/state/fnox`).
pub fn store_path() -> Option<PathBuf> {
    env_vars::state_dir().map(|d| d.join("trust.json"))
}

/// The store, for lookups. A store someone else could have written (owned by another user, or
/// writable by others, or in such a directory) counts as empty: it could approve anything.
pub fn load_store() -> Store {
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(store) = cache.as_ref() {
        return store.clone();
    }
    let store = match store_path() {
        Some(path) => match store_unsafe(&path) {
            Some(why) => {
                crate::error::warn(format!(
                    "ignoring the trust store {}: {why}",
                    path.display()
                ));
                Store::default()
            }
            None => read_store(&path).unwrap_or_default(),
        },
        None => Store::default(),
    };
    *cache = Some(store.clone());
    store
}

/// Why the store at `path` (or its directory) must not be believed, if it must not.
fn store_unsafe(path: &Path) -> Option<String> {
    let dir = path.parent()?;
    let in_dir = |why: String| format!("its directory {}: {why}", dir.display());
    unsafe_reason(dir)
        .map(in_dir)
        .or_else(|| path.exists().then(|| unsafe_reason(path)).flatten())
}

/// The store as it is on disk now: None when there is none, an error when it cannot be read.
fn read_store(path: &Path) -> Result<Store> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Store::default()),
        Err(e) => return Err(store_error(path, "cannot read").cause(e)),
    };
    serde_json::from_slice(&bytes).map_err(|e| {
        store_error(path, "cannot parse").cause(e).hint(format!(
            "fix or remove {} (then trust your files again)",
            path.display()
        ))
    })
}

fn store_error(path: &Path, what: &str) -> Error {
    Error::new(format!("{what} the trust store {}", path.display())).code("fnox::trust::error")
}

/// Changes the store: under a lock on its directory, read from disk, changed by `change`
/// (which says whether it changed anything), written atomically (0600). A new state directory is
/// created 0700; an existing one keeps its mode.
fn update_store(change: impl FnOnce(&mut Store) -> bool) -> Result<bool> {
    let path = store_path().ok_or_else(|| {
        Error::new("cannot record trust: no state directory")
            .code("fnox::trust::error")
            .hint("set FNOX_STATE_DIR (or HOME) to a directory of yours")
    })?;
    let dir = path.parent().expect("the store is in a directory");
    if !dir.exists() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir).map_err(|e| {
            Error::new(format!("cannot create {}", dir.display()))
                .code("fnox::trust::error")
                .cause(e)
        })?;
    }
    if let Some(why) = store_unsafe(&path) {
        return Err(store_error(&path, "cannot use")
            .cause(why)
            .hint("make the state directory and trust.json yours and not writable by others, or point FNOX_STATE_DIR elsewhere"));
    }
    let _lock = crate::config::edit::lock_dir(dir)?;
    let mut store = read_store(&path)?;
    let changed = change(&mut store);
    if changed {
        let mut text = serde_json::to_string_pretty(&store).expect("the trust store serialises");
        text.push('\n');
        crate::config::edit::atomic_write(
            &path,
            text.as_bytes(),
            crate::config::edit::FileMode::Exactly(0o600),
        )?;
    }
    *CACHE.lock().unwrap_or_else(|e| e.into_inner()) = Some(store);
    Ok(changed)
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
    let (k, hash) = (key(path), digest(text));
    update_store(|store| store.files.insert(k, hash.clone()).as_ref() != Some(&hash)).map(drop)
}

/// Forgets an approval (and a tree of that exact path). False when there was none.
pub fn revoke(path: &Path) -> Result<bool> {
    let k = key(path);
    update_store(|store| {
        let had = store.files.remove(&k).is_some();
        let before = store.trees.len();
        store.trees.retain(|t| *t != k);
        had || store.trees.len() != before
    })
}

pub fn add_tree(dir: &Path) -> Result<()> {
    let k = key(dir);
    update_store(|store| {
        let new = !store.trees.contains(&k);
        if new {
            store.trees.push(k);
            store.trees.sort();
        }
        new
    })
    .map(drop)
}

/// After fnox itself rewrote `path`: a file that was approved (or new, written by a command the
/// user typed) stays trusted with its new content. Errors here never fail the write.
pub fn after_write(path: &Path, before: Option<&str>, after: &str) {
    let (k, old, new) = (key(path), before.map(digest), digest(after));
    let recorded = update_store(|store| {
        let was_approved = old.as_ref().is_none_or(|h| store.files.get(&k) == Some(h));
        was_approved && store.files.insert(k, new.clone()).as_ref() != Some(&new)
    });
    if let Err(e) = recorded {
        crate::error::warn(format!(
            "{} was written but its trust could not be recorded: {}",
            path.display(),
            e.one_line()
        ));
    }
}

/// Why discovery must not load `path`: owned by another user, or writable by everyone.
#[cfg(unix)]
pub fn unsafe_reason(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid and getegid have no preconditions.
    let (me, my_group) = unsafe { (libc::geteuid(), libc::getegid()) };
    // As git does: root acting through sudo may use the files of the user who ran sudo.
    let sudo_user = (me == 0)
        .then(|| env_vars::non_empty("SUDO_UID")?.parse::<u32>().ok())
        .flatten();
    let foreign = |uid: u32| uid != me && Some(uid) != sudo_user;
    // A symbolic link someone else made decides which file loads here (and where its relative
    // paths point): the link must be ours too, not only its target.
    let link = std::fs::symlink_metadata(path).ok()?;
    if link.file_type().is_symlink() && foreign(link.uid()) {
        return Some(format!(
            "it is a symbolic link made by uid {}, not by you (uid {me})",
            link.uid()
        ));
    }
    // A file that is no link: the lstat described the file itself.
    let meta = if link.file_type().is_symlink() {
        std::fs::metadata(path).ok()?
    } else {
        link
    };
    if foreign(meta.uid()) {
        return Some(format!(
            "it is owned by uid {}, not by you (uid {me})",
            meta.uid()
        ));
    }
    if meta.mode() & 0o002 != 0 {
        return Some("everyone can write to it".to_owned());
    }
    // Group-writable is fine for your own (user-private) group, not for a group of others.
    if meta.mode() & 0o020 != 0 && meta.gid() != my_group {
        return Some(format!(
            "group {} (not your own group) can write to it",
            meta.gid()
        ));
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
        let message = format!("fnox: {shown} would {what}, and you have not trusted it");
        eprintln!("{}", crate::term::escape(&message));
        let yes = dialoguer::Confirm::new()
            .with_prompt(format!("trust {}?", crate::term::escape(shown)))
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

/// What a provider table (of type `kind`) would do that needs its file to be trusted: run a
/// command it names, or send credentials to an address only it names (the environment's own
/// address for that type is fine: VAULT_ADDR for the Vault types, COSMIAN_KMS_URL for
/// cosmian-kms, AWS_ENDPOINT_URL for an `endpoint`).
pub fn provider_risk(name: &str, kind: &str, fields: &toml::Table) -> Option<String> {
    table_risk("provider", name, kind, fields)
}

/// `provider_risk` for a table of another kind (`noun`: "provider", "lease"); the lease types
/// share the providers' field names (`*_command`, a vault `address`, an aws `endpoint`).
pub fn table_risk(noun: &str, name: &str, kind: &str, fields: &toml::Table) -> Option<String> {
    for (k, v) in fields {
        let set = !matches!(v, toml::Value::String(s) if s.trim().is_empty());
        if set && (k.ends_with("_command") || k == "gpg_opts") {
            return Some(format!("run the `{k}` of {noun} '{name}'"));
        }
    }
    let cosmian = kind == "cosmian-kms";
    let norm = |s: &str| {
        if cosmian {
            crate::provider::cosmian_kms::normalize_address(s)
        } else {
            s.trim().trim_end_matches('/').to_owned()
        }
    };
    let same = |value: &toml::Value, vars: &[&str]| {
        let toml::Value::String(value) = value else {
            return false;
        };
        vars.iter()
            .filter_map(|v| env_vars::non_empty(v))
            .any(|env| norm(&env) == norm(value))
    };
    for (k, v) in fields {
        let env: &[&str] = match k.as_str() {
            "address" if cosmian => &[crate::provider::cosmian_kms::COSMIAN_KMS_URL],
            "address" if kind.starts_with("vault") => &["FNOX_VAULT_ADDR", "VAULT_ADDR"],
            "address" => &[],
            "endpoint" => &["AWS_ENDPOINT_URL"],
            // Any other field naming an endpoint (`api_endpoint`, `token_endpoint`, ...) has no
            // environment counterpart fnox compares; the Google Cloud providers take theirs from
            // FNOX_GCP_*_ENDPOINT only, never from a file.
            k if k == "url" || k == "host" || k.ends_with("_url") || k.contains("endpoint") => &[],
            _ => continue,
        };
        if !same(v, env) {
            let shown = match v {
                toml::Value::String(s) => s.clone(),
                _ => "an address computed from another secret".to_owned(),
            };
            return Some(format!(
                "send your credentials for {noun} '{name}' to {shown} (its `{k}`), an address only this file names"
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
    "__FNOX_ZSH_PID",
    // Where the shell hook keeps its as_file secrets.
    "XDG_RUNTIME_DIR",
    // Nushell's own configuration and module search paths, PowerShell's module path.
    "config",
    "ENV_CONVERSIONS",
    "NU_LIB_DIRS",
    "NU_PLUGIN_DIRS",
    "PSModulePath",
    // Your age key: `exec` keeps it from the program unless a secret opts in.
    "FNOX_AGE_KEY",
    "FNOX_AGE_KEY_FILE",
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

/// Variables that send a program's traffic, or its credentials, somewhere else: proxies, the CA
/// bundles that decide whom TLS believes, service addresses and package indexes. A file that is
/// not trusted may not set them (`${AWS_SECRET_ACCESS_KEY}` interpolated into a proxy URL would
/// hand your key to its proxy); a trusted file may.
pub const REDIRECTING_NAMES: &[&str] = &[
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "FTP_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "ftp_proxy",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "NODE_EXTRA_CA_CERTS",
    "GIT_SSL_CAINFO",
    "VAULT_ADDR",
    "FNOX_VAULT_ADDR",
    "COSMIAN_KMS_URL",
    "VAULT_CACERT",
    "VAULT_CAPATH",
    "AZURE_AUTHORITY_HOST",
    "IDENTITY_ENDPOINT",
    "FNOX_GCP_SECRETMANAGER_ENDPOINT",
    "FNOX_GCP_KMS_ENDPOINT",
    "FNOX_GCP_TOKEN_ENDPOINT",
    "PIP_INDEX_URL",
    "PIP_EXTRA_INDEX_URL",
    "GOPROXY",
    "DOCKER_HOST",
];

/// Prefixes and suffixes of the same kind: `AWS_ENDPOINT_URL*`, `*_CA_BUNDLE`.
const REDIRECTING_PREFIXES: &[&str] = &["AWS_ENDPOINT_URL"];
const REDIRECTING_SUFFIXES: &[&str] = &["_CA_BUNDLE"];

/// Why setting `name` from a secret would change how programs or shells run, if it would.
pub fn dangerous_name(name: &str) -> bool {
    DANGEROUS_NAMES.contains(&name) || DANGEROUS_PREFIXES.iter().any(|p| name.starts_with(p))
}

/// Whether `name` redirects traffic or trust (see `REDIRECTING_NAMES`).
pub fn redirecting_name(name: &str) -> bool {
    REDIRECTING_NAMES.contains(&name)
        || REDIRECTING_PREFIXES.iter().any(|p| name.starts_with(p))
        || REDIRECTING_SUFFIXES.iter().any(|s| name.ends_with(s))
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

/// A secret's name, as `set` and `import` write it: it must be able to become a variable.
pub fn require_env_name(name: &str) -> Result<()> {
    match invalid_env_name(name) {
        None => Ok(()),
        Some(why) => Err(Error::usage(format!("invalid secret name {name:?}: {why}"))
            .code("fnox::secret::invalid_key")
            .hint("a secret's name is the environment variable it becomes: letters, digits and _ (e.g. DATABASE_URL)")),
    }
}

/// Why `exec` / the hook must not set a secret's variable, if they must not: its name is not a
/// variable name at all, or is dangerous and the secret does not opt in (an opt-in counts only
/// from a trusted file), or it redirects traffic and its file is not trusted.
pub fn env_name_refusal(
    name: &str,
    allow_dangerous: Option<bool>,
    trusted: bool,
) -> Option<String> {
    if let Some(why) = invalid_env_name(name) {
        return Some(format!("not a valid environment variable name: {why}"));
    }
    let opted_in = trusted && allow_dangerous == Some(true);
    if dangerous_name(name) && !opted_in {
        let fix = if trusted {
            "set `allow_dangerous_name = true` on the secret to set it anyway"
        } else {
            "its file is not trusted, so `allow_dangerous_name` does not count; run 'fnox trust' after reading it"
        };
        return Some(format!("{name} changes how programs or shells run; {fix}"));
    }
    if redirecting_name(name) && !trusted {
        return Some(format!(
            "{name} decides where programs send their traffic, and its file is not trusted; run 'fnox trust' after reading it"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> toml::Table {
        text.parse().unwrap()
    }

    #[test]
    fn a_vault_url_only_the_file_names_is_a_risk() {
        // Azure Key Vault's `vault_url` has no environment counterpart: from an untrusted file,
        // the Azure token must not go there.
        let risk = provider_risk(
            "kv",
            "azure-sm",
            &table("vault_url = \"https://evil.example.com/\"\nprefix = \"x-\""),
        )
        .unwrap();
        assert!(risk.contains("its `vault_url`"), "{risk}");
        assert!(provider_risk("kms", "azure-kms", &table("key_name = \"k\"")).is_none());
    }

    #[test]
    fn any_field_naming_an_endpoint_is_a_risk() {
        for field in ["api_endpoint", "token_endpoint", "kms_endpoint"] {
            let risk = provider_risk(
                "gsm",
                "gcp-sm",
                &table(&format!(
                    "project = \"p\"\n{field} = \"https://evil.example.com\""
                )),
            )
            .unwrap();
            assert!(risk.contains(&format!("its `{field}`")), "{risk}");
        }
        assert!(
            provider_risk("gsm", "gcp-sm", &table("project = \"p\"\nprefix = \"x-\"")).is_none()
        );
    }

    #[test]
    fn an_address_is_the_environment_s_own_only_for_its_provider_type() {
        let vault = table("address = \"http://127.0.0.1:8200/\"");
        let cosmian = table("address = \"127.0.0.1:9998\"");
        // Neither variable is set in the unit tests' environment: both are the file's own.
        assert!(provider_risk("v", "vault", &vault).is_some());
        assert!(provider_risk("c", "cosmian-kms", &cosmian).is_some());
        let risk = provider_risk("x", "some-type", &vault).unwrap();
        assert!(risk.contains("its `address`"), "{risk}");
    }
}
