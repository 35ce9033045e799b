//! The per-user daemon: a memory-only cache of values read through providers, shared by the
//! read commands of one user (`get`, `exec`, `export`, `list --values`, the shell hook, `tui`,
//! `mcp`, `ci-redact`) so that a remote store is asked once per session, not once per command.
//!
//! Design: the daemon only caches. The client builds providers and resolves every miss itself,
//! then hands the values it read to the daemon. So the trust gate (`trust.rs`), prompts and
//! credentials stay in the process the user started, the daemon never runs a provider, never
//! reads a config file and holds no credentials; a value is only ever served to a client that
//! has already built that provider from the same files (an untrusted file's provider is refused
//! before the cache is asked).
//!
//! A cache key is the SHA-256 of: every loaded config file (path, size, mtime, ctime, inode and
//! the SHA-256 of its text), the active profiles, the environment (every variable but the few
//! that change between prompts, and the secrets' own names, which only override values after the
//! read), the provider (its name or type and setting) and the item read. Any change to one of
//! them is a different key: an edit of fnox.toml, `-P other`, a new AWS_PROFILE or VAULT_TOKEN.
//!
//! The socket lives in `$XDG_RUNTIME_DIR/fnox/` (else `/tmp/fnox-UID/`), a directory that must
//! be the user's own and mode 0700; both ends check the other's uid (SO_PEERCRED / getpeereid).

#[cfg(unix)]
pub mod client;
#[cfg(unix)]
pub mod server;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::env_vars;
use crate::error::{Error, Result};

/// The daemon's socket directory is not the user's own, or others may enter it.
pub const UNSAFE_DIR: &str = "fnox::daemon::unsafe_dir";
/// The daemon could not be reached or did not answer in time (a warning: the command resolves
/// directly).
pub const UNAVAILABLE: &str = "fnox::daemon::unavailable";
/// `[daemon] idle_timeout` or FNOX_DAEMON_IDLE_TIMEOUT is not a duration.
pub const INVALID_TIMEOUT: &str = "fnox::daemon::invalid_timeout";
/// Something other than the user's own process answers at the socket.
pub const FOREIGN_PEER: &str = "fnox::daemon::foreign_peer";

/// The default `idle_timeout`.
pub const DEFAULT_IDLE_TIMEOUT: &str = "8h";
const SOCKET_NAME: &str = "fnoxd.sock";

/// The command reads values the daemon may serve (set by the dispatch for read commands).
static ALLOWED: AtomicBool = AtomicBool::new(false);
/// `--no-daemon`.
static DISABLED: AtomicBool = AtomicBool::new(false);

/// This command may use the daemon (a read command).
pub fn allow() {
    ALLOWED.store(true, Ordering::Relaxed);
}

/// `--no-daemon`: this command resolves directly.
pub fn disable() {
    DISABLED.store(true, Ordering::Relaxed);
}

/// Whether this command uses the daemon: a read command, no `--no-daemon`, then FNOX_DAEMON,
/// then `[daemon] enabled` (default false). Unix only.
pub fn in_use(config: &Config) -> bool {
    if !cfg!(unix) || !ALLOWED.load(Ordering::Relaxed) || DISABLED.load(Ordering::Relaxed) {
        return false;
    }
    env_vars::flag(env_vars::FNOX_DAEMON)
        .or_else(|| config.daemon_enabled())
        .unwrap_or(false)
}

/// The idle timeout: FNOX_DAEMON_IDLE_TIMEOUT, else `[daemon] idle_timeout`, else 8h.
pub fn idle_timeout(config: Option<&Config>) -> Result<Duration> {
    let (text, from) = match env_vars::non_empty(env_vars::FNOX_DAEMON_IDLE_TIMEOUT) {
        Some(t) => (t, env_vars::FNOX_DAEMON_IDLE_TIMEOUT.to_owned()),
        None => match config.and_then(|c| c.daemon_idle_timeout()) {
            Some(t) => (t, "[daemon] idle_timeout".to_owned()),
            None => (DEFAULT_IDLE_TIMEOUT.to_owned(), String::new()),
        },
    };
    match humantime::parse_duration(text.trim()) {
        Ok(d) if !d.is_zero() => Ok(d),
        _ => Err(Error::new(format!("{from} = '{text}' is not a duration"))
            .code(INVALID_TIMEOUT)
            .hint("write a duration such as \"8h\", \"30m\" or \"90s\"")),
    }
}

/// The directory of the socket: `$XDG_RUNTIME_DIR/fnox`, else `/tmp/fnox-UID`.
pub fn socket_dir() -> PathBuf {
    match std::env::var_os(env_vars::XDG_RUNTIME_DIR)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        Some(dir) => dir.join("fnox"),
        None => std::env::temp_dir().join(format!("fnox-{}", uid())),
    }
}

pub fn socket_path() -> PathBuf {
    socket_dir().join(SOCKET_NAME)
}

#[cfg(unix)]
pub fn uid() -> u32 {
    // SAFETY: getuid cannot fail and touches nothing.
    unsafe { libc::getuid() }
}

#[cfg(not(unix))]
pub fn uid() -> u32 {
    0
}

/// Makes the socket directory (0700) when there is none, then checks it: a real directory (not
/// a link), owned by this user, with no access for group or others.
pub fn prepare_dir(create: bool) -> Result<PathBuf> {
    let dir = socket_dir();
    if create && !dir.exists() {
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        if let Err(e) = builder.create(&dir) {
            if e.kind() != std::io::ErrorKind::AlreadyExists {
                return Err(Error::new(format!("cannot create {}", dir.display()))
                    .code(UNSAFE_DIR)
                    .cause(e));
            }
        }
    }
    check_dir(&dir)?;
    Ok(dir)
}

#[cfg(unix)]
fn check_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(dir).map_err(|e| {
        Error::new(format!("cannot use {}", dir.display()))
            .code(UNSAFE_DIR)
            .cause(e)
    })?;
    let why = if !meta.file_type().is_dir() {
        Some("it is not a directory".to_owned())
    } else if meta.uid() != uid() {
        Some(format!("it is owned by uid {}, not you", meta.uid()))
    } else if meta.mode() & 0o077 != 0 {
        Some(format!(
            "its mode is {:04o}; it must be 0700",
            meta.mode() & 0o7777
        ))
    } else {
        None
    };
    match why {
        None => Ok(()),
        Some(why) => Err(
            Error::new(format!("the daemon directory {} is not safe", dir.display()))
                .code(UNSAFE_DIR)
                .cause(why)
                .hint(
                    "remove it (or `chmod 700` it if it is yours), or set XDG_RUNTIME_DIR to a directory of yours; `--no-daemon` resolves directly",
                ),
        ),
    }
}

#[cfg(not(unix))]
fn check_dir(_dir: &Path) -> Result<()> {
    Err(Error::new("the fnox daemon needs a Unix system").code(UNAVAILABLE))
}

/// One request, one JSON line; one answer, one JSON line.
#[derive(Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    /// The values of these keys (hex SHA-256), None where there is none.
    Get {
        keys: Vec<String>,
    },
    /// Keep these (key, value) pairs.
    Put {
        entries: Vec<(String, String)>,
    },
    Status,
    Clear,
    Stop,
}

#[derive(Serialize, Deserialize, Default)]
pub struct Response {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<Option<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What `fnox daemon status` shows.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Status {
    pub pid: u32,
    pub entries: usize,
    pub idle_timeout_secs: u64,
    pub idle_secs: u64,
    pub memory_locked: bool,
}

/// The part of every key that the run shares: config files, profiles, environment.
pub fn fingerprint(config: &Config) -> [u8; 32] {
    use aws_lc_rs::digest::{Context, SHA256};
    let mut h = Context::new(&SHA256);
    let mut field = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(b"fnox-daemon-key-v1");
    field(env!("CARGO_PKG_VERSION").as_bytes());
    for layer in &config.layers {
        field(layer.path.as_os_str().as_encoded_bytes());
        field(crate::trust::digest(&layer.text).as_bytes());
        field(&file_identity(&layer.path));
        field(layer.profile.as_deref().unwrap_or("").as_bytes());
    }
    field(config.profiles.join(",").as_bytes());
    field(&[config.no_defaults as u8]);
    let names = config.secret_names();
    let mut vars: Vec<(std::ffi::OsString, std::ffi::OsString)> = std::env::vars_os()
        .filter(|(k, _)| {
            let k = k.to_string_lossy();
            !VOLATILE_VARS.contains(&k.as_ref()) && !names.contains(k.as_ref())
        })
        .collect();
    vars.sort();
    for (k, v) in vars {
        field(k.as_encoded_bytes());
        field(v.as_encoded_bytes());
    }
    let digest = h.finish();
    let mut out = [0u8; 32];
    out.copy_from_slice(digest.as_ref());
    out
}

/// Variables that change between prompts and say nothing about where values come from.
const VOLATILE_VARS: &[&str] = &[
    "PWD",
    "OLDPWD",
    "SHLVL",
    "_",
    "COLUMNS",
    "LINES",
    env_vars::FNOX_SESSION,
];

#[cfg(unix)]
fn file_identity(path: &Path) -> Vec<u8> {
    use std::os::unix::fs::MetadataExt;
    match std::fs::metadata(path) {
        Ok(m) => [
            m.size() as i64,
            m.mtime(),
            m.mtime_nsec(),
            m.ctime(),
            m.ctime_nsec(),
            m.ino() as i64,
            m.dev() as i64,
        ]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(not(unix))]
fn file_identity(_path: &Path) -> Vec<u8> {
    Vec::new()
}

/// The key of one item read through `source` with this input.
pub fn item_key(fingerprint: &[u8; 32], source: &str, input: &str) -> String {
    use aws_lc_rs::digest::{Context, SHA256};
    let mut h = Context::new(&SHA256);
    h.update(fingerprint);
    for part in [source, input] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finish()
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a provider's values may be kept: its `daemon_cache` field is not false.
pub fn provider_cacheable(config: &Config, provider: &str) -> bool {
    config.provider(provider).is_none_or(|p| {
        p.config
            .fields
            .get("daemon_cache")
            .and_then(|v| v.as_bool())
            != Some(false)
    })
}

/// The uid of the process at the other end of a Unix socket.
#[cfg(target_os = "linux")]
pub fn peer_uid(stream: &std::os::unix::net::UnixStream) -> std::io::Result<u32> {
    use std::os::fd::AsRawFd;
    let mut cred = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: SO_PEERCRED writes at most `len` bytes into the ucred given.
    let rc = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&mut cred as *mut libc::ucred).cast(),
            &mut len,
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(cred.uid)
}

/// The uid of the process at the other end of a Unix socket.
#[cfg(all(unix, not(target_os = "linux")))]
pub fn peer_uid(stream: &std::os::unix::net::UnixStream) -> std::io::Result<u32> {
    use std::os::fd::AsRawFd;
    let mut uid: libc::uid_t = 0;
    let mut gid: libc::gid_t = 0;
    // SAFETY: getpeereid writes the two ids given.
    if unsafe { libc::getpeereid(stream.as_raw_fd(), &mut uid, &mut gid) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(uid)
}

/// Test hook: pretend to be this uid when checking peers (FNOX_DAEMON_TEST_PEER_UID, honoured
/// only in debug builds), so the refusal of a foreign peer can be tested without root.
pub fn expected_peer_uid() -> u32 {
    #[cfg(debug_assertions)]
    if let Some(v) = std::env::var("FNOX_DAEMON_TEST_PEER_UID")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return v;
    }
    uid()
}
