//! The lease ledger: which leases fnox made, for which lease table (file, name, fingerprint of
//! its config), until when, and their credentials, so that the next `exec` reuses a lease that is
//! still valid instead of making another.
//!
//! Never plaintext on disk: the ledger is one age file (`$FNOX_STATE_DIR/leases/ledger.age`, 0600
//! in a 0700 directory) encrypted to the user's own age identity (FNOX_AGE_KEY, FNOX_AGE_KEY_FILE
//! or ~/.config/fnox/age.txt), the key fnox already reads to decrypt secrets. Without an X25519
//! identity there is no ledger: leases live for one run only (memory only).
//!
//! Every change is made under the lock on the ledger's directory (`config::edit::lock_dir`, as
//! fnox.toml edits): read, change, write atomically. `exec` holds it while it creates a lease, so
//! concurrent runs make one lease, not one each.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::config::edit::{self, DirLock, FileMode};
use crate::env_vars;
use crate::error::{Error, Result};

/// Records revoked longer ago than this are dropped from the ledger.
const PRUNE_AFTER_SECS: u64 = 24 * 3600;

/// One lease fnox made.
#[derive(Clone, Serialize, Deserialize)]
pub struct Record {
    pub lease_id: String,
    /// The `[leases.NAME]` it was made from.
    pub backend_name: String,
    /// The backend type (`command`, `aws-sts`, `vault`).
    #[serde(rename = "type")]
    pub kind: String,
    pub label: String,
    /// Unix seconds.
    pub created_at: u64,
    /// Unix seconds; None for a lease that does not expire.
    pub expires_at: Option<u64>,
    pub revoked: bool,
    /// Unix seconds; when `revoked` was set.
    #[serde(default)]
    pub revoked_at: Option<u64>,
    /// The fingerprint of the lease table's config when it was made.
    pub config_hash: String,
    /// The config file that defines the lease (the project it belongs to).
    pub config_file: String,
    /// The credentials, by variable name.
    pub credentials: BTreeMap<String, String>,
}

/// Names of the credentials only.
impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record")
            .field("lease_id", &self.lease_id)
            .field("backend_name", &self.backend_name)
            .field("kind", &self.kind)
            .field("expires_at", &self.expires_at)
            .field("revoked", &self.revoked)
            .field("credentials", &self.credentials.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Drop for Record {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        for v in self.credentials.values_mut() {
            v.zeroize();
        }
    }
}

impl Record {
    pub fn expired_at(&self, now: u64) -> bool {
        self.expires_at.is_some_and(|t| t <= now)
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Contents {
    #[serde(default)]
    leases: Vec<Record>,
}

/// The ledger, opened (and locked) for reading and changing; `save` writes it back.
pub struct Ledger {
    pub records: Vec<Record>,
    store: Option<Store>,
    _lock: Option<DirLock>,
}

/// Where the ledger lives and the key it is sealed with.
struct Store {
    path: PathBuf,
    identity: age::x25519::Identity,
}

impl Ledger {
    /// Opens the ledger under its lock; a memory-only ledger when there is no state directory or
    /// no X25519 identity to seal it to (`why_memory` says which).
    pub fn open() -> Result<Ledger> {
        let (Some(dir), Some(identity)) = (dir(), identity()) else {
            return Ok(Ledger {
                records: Vec::new(),
                store: None,
                _lock: None,
            });
        };
        create_private_dir(&dir)?;
        if let Some(why) = crate::trust::unsafe_reason(&dir) {
            return Err(ledger_error(&dir, "cannot use")
                .cause(why)
                .hint("make the state directory yours and not writable by others, or point FNOX_STATE_DIR elsewhere"));
        }
        let lock = edit::lock_dir(&dir)?;
        let path = dir.join("ledger.age");
        let records = read(&path, &identity)?;
        Ok(Ledger {
            records,
            store: Some(Store { path, identity }),
            _lock: Some(lock),
        })
    }

    /// Whether the ledger outlives this run (false: memory only).
    pub fn persistent(&self) -> bool {
        self.store.is_some()
    }

    /// Drops records revoked more than a day ago (an expired one stays until `lease cleanup`
    /// has revoked it), then writes the ledger (sealed, 0600).
    pub fn save(&mut self, now: u64) -> Result<()> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        self.records.retain(|r| {
            !r.revoked
                || r.revoked_at
                    .is_none_or(|t| now.saturating_sub(t) < PRUNE_AFTER_SECS)
        });
        let contents = Contents {
            leases: std::mem::take(&mut self.records),
        };
        let json = Zeroizing::new(serde_json::to_vec(&contents).expect("the ledger serialises"));
        self.records = contents.leases;
        let recipient = store.identity.to_public();
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .map_err(|e| ledger_error(&store.path, "cannot seal").cause(e))?;
        let mut sealed = Vec::with_capacity(json.len() + 256);
        let io = |e: std::io::Error| ledger_error(&store.path, "cannot seal").cause(e);
        let mut w = encryptor.wrap_output(&mut sealed).map_err(io)?;
        w.write_all(&json).map_err(io)?;
        w.finish().map_err(io)?;
        edit::atomic_write(&store.path, &sealed, FileMode::Exactly(0o600))
    }
}

/// `$FNOX_STATE_DIR/leases` (else `$XDG_STATE_HOME/fnox/leases`, `~/.local/state/fnox/leases`).
pub fn dir() -> Option<PathBuf> {
    env_vars::state_dir().map(|d| d.join("leases"))
}

/// Why leases are not remembered between runs, when they are not.
pub fn why_memory() -> Option<&'static str> {
    if dir().is_none() {
        Some("there is no state directory (set FNOX_STATE_DIR or HOME)")
    } else if identity().is_none() {
        Some("there is no age identity to encrypt the lease ledger to (FNOX_AGE_KEY, FNOX_AGE_KEY_FILE or ~/.config/fnox/age.txt; run `fnox init`)")
    } else {
        None
    }
}

/// The user's own X25519 age identity: the first `AGE-SECRET-KEY-1…` line of FNOX_AGE_KEY, else
/// of FNOX_AGE_KEY_FILE, else of the default identity file.
fn identity() -> Option<age::x25519::Identity> {
    let from_text = |text: &str| {
        text.lines()
            .map(str::trim)
            .filter(|l| l.starts_with("AGE-SECRET-KEY-1"))
            .find_map(|l| age::x25519::Identity::from_str(l).ok())
    };
    if let Some(text) = env_vars::non_empty(env_vars::FNOX_AGE_KEY) {
        if let Some(id) = from_text(&Zeroizing::new(text)) {
            return Some(id);
        }
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let files = env_vars::non_empty(env_vars::FNOX_AGE_KEY_FILE)
        .map(|raw| env_vars::expand_path(&raw, &cwd))
        .into_iter()
        .chain(crate::provider::age::default_identity_path());
    for path in files {
        if let Ok(text) = std::fs::read_to_string(&path) {
            if let Some(id) = from_text(&Zeroizing::new(text)) {
                return Some(id);
            }
        }
    }
    None
}

fn read(path: &Path, identity: &age::x25519::Identity) -> Result<Vec<Record>> {
    let sealed = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ledger_error(path, "cannot read").cause(e)),
    };
    let unreadable = |e: &dyn std::fmt::Display| {
        ledger_error(path, "cannot decrypt").cause(e.to_string()).hint(format!(
            "it was sealed to another age identity than yours now; remove {} (fnox forgets its leases, which expire on their own)",
            path.display()
        ))
    };
    let decryptor = age::Decryptor::new_buffered(&sealed[..]).map_err(|e| unreadable(&e))?;
    let mut json = Zeroizing::new(Vec::new());
    decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .map_err(|e| unreadable(&e))?
        .read_to_end(&mut json)
        .map_err(|e| unreadable(&e))?;
    let contents: Contents = serde_json::from_slice(&json).map_err(|e| {
        ledger_error(path, "cannot parse")
            .cause(e)
            .hint(format!("remove {}", path.display()))
    })?;
    Ok(contents.leases)
}

fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| ledger_error(dir, "cannot create").cause(e))
}

fn ledger_error(path: &Path, what: &str) -> Error {
    Error::new(format!("{what} the lease ledger {}", path.display())).code("fnox::lease::ledger")
}
