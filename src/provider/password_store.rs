//! `password-store`: entries of `pass`, the standard Unix password manager, through its CLI.
//! fnox.toml holds the entry name (after `prefix`). A read returns the whole decrypted entry, as
//! upstream does (`line = N` on the secret picks one line), less its trailing line breaks (upstream
//! trims all surrounding whitespace; spaces here are kept). `set` runs `pass insert -m -f` with the
//! value on stdin, so it is never in a process's arguments nor in a file.
//!
//! The store is `store_dir` (relative to the declaring file), else FNOX_PASSWORD_STORE_DIR, else
//! PASSWORD_STORE_DIR, else `~/.password-store`. A batch decrypts the first entry on its own (so
//! that a passphrase prompt happens once and gpg-agent caches it), then the rest concurrently.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::Deserialize;
use zeroize::Zeroizing;

use super::{BuildContext, ErrorKind, ItemResult, ProviderError, Store};
use crate::env_vars;
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassConfig {
    pub prefix: Option<String>,
    pub store_dir: Option<String>,
    pub gpg_opts: Option<String>,
}

pub struct PasswordStore {
    prefix: String,
    store_dir: PathBuf,
    /// The store is pass's default (`~/.password-store`), so plain `pass` commands reach it.
    default_dir: bool,
    gpg_opts: Option<String>,
}

const NAME: &str = "password-store";
/// How many `pass show` processes run at once.
const CONCURRENCY: usize = 8;

impl PasswordStore {
    pub fn new(ctx: &BuildContext, config: PassConfig) -> PasswordStore {
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut default_dir = false;
        let store_dir = if let Some(dir) = &config.store_dir {
            env_vars::expand_path(dir, &ctx.base_dir)
        } else if let Some(dir) = env_vars::non_empty(env_vars::FNOX_PASSWORD_STORE_DIR)
            .or_else(|| env_vars::non_empty(env_vars::PASSWORD_STORE_DIR))
        {
            env_vars::expand_path(&dir, &cwd)
        } else {
            default_dir = true;
            env_vars::home_dir()
                .unwrap_or_default()
                .join(".password-store")
        };
        let gpg_opts = config.gpg_opts.or_else(|| {
            env_vars::non_empty(env_vars::FNOX_PASSWORD_STORE_GPG_OPTS)
                .or_else(|| env_vars::non_empty(env_vars::PASSWORD_STORE_GPG_OPTS))
        });
        PasswordStore {
            prefix: config.prefix.unwrap_or_default(),
            store_dir,
            default_dir,
            gpg_opts,
        }
    }

    fn entry(&self, reference: &str) -> String {
        format!("{}{}", self.prefix, reference)
    }

    /// `pass ARGS`, pointed at this store, with stdout captured.
    fn pass(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("pass");
        cmd.args(args)
            .env("PASSWORD_STORE_DIR", &self.store_dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(opts) = &self.gpg_opts {
            cmd.env("PASSWORD_STORE_GPG_OPTS", opts);
        }
        cmd
    }

    fn show(&self, entry: &str) -> ItemResult {
        // `pass show FOLDER` succeeds and prints the folder's tree: never take that as a value.
        if self.store_dir.join(entry).is_dir()
            && !self.store_dir.join(format!("{entry}.gpg")).is_file()
        {
            return Err(ProviderError::new(
                ErrorKind::NotFound,
                format!("{NAME}: {entry} is a folder of the password store, not an entry"),
            )
            .hint("name an entry inside it, e.g. FOLDER/NAME"));
        }
        let out = self
            .pass(&["show", "--", entry])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| spawn_error(&e))?;
        let stdout = Zeroizing::new(out.stdout);
        if !out.status.success() {
            return Err(self.classify(entry, &out.stderr));
        }
        let mut text = String::from_utf8(stdout.to_vec()).map_err(|e| {
            drop(Zeroizing::new(e.into_bytes()));
            ProviderError::new(
                ErrorKind::Other,
                format!("{NAME}: entry {entry} is not UTF-8 text"),
            )
            .hint("store binary data base64-encoded (fnox set --base64-encode)")
        })?;
        let kept = text.trim_end_matches(['\n', '\r']).len();
        text.truncate(kept);
        Ok(SecretValue::new(text))
    }

    /// Turns what `pass` printed on stderr into an error a person can act on.
    fn classify(&self, entry: &str, stderr: &[u8]) -> ProviderError {
        let text = String::from_utf8_lossy(stderr);
        let lower = text.to_lowercase();
        let dir = self.store_dir.display();
        let initialised = self.store_dir.join(".gpg-id").is_file();
        if lower.contains("you must run") || (!initialised && lower.contains("is not in the")) {
            let env = if self.default_dir {
                String::new()
            } else {
                format!("PASSWORD_STORE_DIR={dir} ")
            };
            return ProviderError::new(
                ErrorKind::Config,
                format!("{NAME}: the password store at {dir} is not initialised"),
            )
            .hint(format!(
                "create it with `{env}pass init KEYID` (your GPG key id or \
                 email), or point store_dir / PASSWORD_STORE_DIR at an existing store"
            ));
        }
        if lower.contains("is not in the password store") {
            return ProviderError::new(
                ErrorKind::NotFound,
                format!("{NAME}: secret '{entry}' not found in the password store at {dir}"),
            )
            .hint(format!(
                "create it with `fnox set` or `pass insert {entry}`, or check the provider's prefix"
            ));
        }
        let unlock = format!(
            "if the key has a passphrase, unlock it once in a terminal \
             (`export GPG_TTY=$(tty); pass show {entry}`) so gpg-agent remembers it"
        );
        if [
            "inappropriate ioctl",
            "pinentry",
            "operation cancelled",
            "bad passphrase",
            "no agent",
            "connect to the agent",
        ]
        .iter()
        .any(|m| lower.contains(m))
        {
            return ProviderError::new(
                ErrorKind::NoIdentity,
                format!("{NAME}: gpg could not unlock the key for {entry}"),
            )
            .hint(format!("{unlock}, then run fnox again"));
        }
        if lower.contains("no secret key") {
            // gpg also says this when the key is there but its passphrase could not be asked for.
            return ProviderError::new(
                ErrorKind::NoIdentity,
                format!("{NAME}: gpg cannot decrypt {entry}: no usable secret key"),
            )
            .hint(format!(
                "import a secret key listed in {dir}/.gpg-id (gpg --import KEYFILE) or check \
                 GNUPGHOME (`gpg --list-secret-keys`); {unlock}"
            ));
        }
        let detail = text.trim();
        ProviderError::new(
            ErrorKind::Other,
            format!(
                "{NAME}: `pass` failed for {entry}: {}",
                if detail.is_empty() {
                    "no error message"
                } else {
                    detail
                }
            ),
        )
    }
}

fn spawn_error(e: &std::io::Error) -> ProviderError {
    if e.kind() == std::io::ErrorKind::NotFound {
        ProviderError::new(
            ErrorKind::Config,
            format!("{NAME}: the `pass` command is not installed"),
        )
        .hint("install it: apt-get install pass (Debian/Ubuntu), brew install pass (macOS)")
    } else {
        ProviderError::new(ErrorKind::Other, format!("{NAME}: cannot run `pass`: {e}"))
    }
}

/// Runs `f` over `items` with at most `limit` at a time; results in input order.
fn bounded<T: Sync, R: Send>(items: &[T], limit: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..limit.min(items.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                slots.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
            });
        }
    });
    slots
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

impl Store for PasswordStore {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let entries: Vec<String> = references.iter().map(|r| self.entry(r)).collect();
        let mut unique: Vec<&str> = Vec::new();
        for e in &entries {
            if !unique.contains(&e.as_str()) {
                unique.push(e);
            }
        }
        let mut results: Vec<ItemResult> = Vec::with_capacity(unique.len());
        if let Some((first, rest)) = unique.split_first() {
            results.push(self.show(first));
            results.extend(bounded(rest, CONCURRENCY, |e| self.show(e)));
        }
        entries
            .iter()
            .map(|e| {
                let i = unique
                    .iter()
                    .position(|u| u == e)
                    .expect("entry is in unique");
                results[i].clone()
            })
            .collect()
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        let entry = self.entry(reference);
        let mut child = self
            .pass(&["insert", "--multiline", "--force", "--", &entry])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| spawn_error(&e))?;
        // The value goes in on stdin only; a write error means pass exited early, and its
        // stderr says why.
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(value.as_bytes());
        }
        let out = child.wait_with_output().map_err(|e| {
            ProviderError::new(
                ErrorKind::Other,
                format!("{NAME}: `pass insert` failed: {e}"),
            )
        })?;
        if out.status.success() {
            Ok(())
        } else {
            Err(self.classify(&entry, &out.stderr))
        }
    }

    fn check(&self) -> Result<String, ProviderError> {
        let out = self
            .pass(&["version"])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| spawn_error(&e))?;
        if !out.status.success() {
            return Err(self.classify("", &out.stderr));
        }
        let ids = read_gpg_ids(&self.store_dir)
            .ok_or_else(|| self.classify("", b"You must run: pass init"))?;
        Ok(format!(
            "password store at {} is initialised for {}",
            self.store_dir.display(),
            ids.join(", ")
        ))
    }
}

/// The key ids in the store's top-level `.gpg-id`, when it has one.
fn read_gpg_ids(store_dir: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(store_dir.join(".gpg-id")).ok()?;
    let ids: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    (!ids.is_empty()).then_some(ids)
}
