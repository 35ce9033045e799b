//! `keychain`: the operating system's secret store through the `keyring` crate: the macOS
//! Keychain, the Windows Credential Manager, and on Linux/BSD the Secret Service over D-Bus
//! (GNOME Keyring, KWallet, KeePassXC). An entry is (`service`, prefix + reference), the same
//! service/account pair upstream fnox uses, so entries written by either are read by both.
//! Nothing connects until a value is read or written; `set` creates or replaces the entry.

use serde::Deserialize;

use super::{ErrorKind, ItemResult, ProviderError, Store};
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeychainConfig {
    pub service: String,
    pub prefix: Option<String>,
}

pub struct Keychain {
    service: String,
    prefix: String,
}

const NAME: &str = "keychain";

/// Platforms where the `keyring` build has a real store (elsewhere it would silently fall back
/// to an in-memory mock, losing every value).
const HAS_STORE: bool = cfg!(any(
    target_os = "macos",
    target_os = "windows",
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd"
));

impl Keychain {
    pub fn new(config: KeychainConfig) -> Result<Keychain, ProviderError> {
        if !HAS_STORE {
            return Err(ProviderError::new(
                ErrorKind::Unsupported,
                format!(
                    "{NAME}: this build of fnox has no OS secret store for {}",
                    std::env::consts::OS
                ),
            )
            .hint("use age or password-store on this platform"));
        }
        if config.service.is_empty() {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!("{NAME}: `service` must not be empty"),
            )
            .hint("set service = \"fnox\" (or a project-specific name)"));
        }
        Ok(Keychain {
            service: config.service,
            prefix: config.prefix.unwrap_or_default(),
        })
    }

    fn account(&self, reference: &str) -> String {
        format!("{}{}", self.prefix, reference)
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry, ProviderError> {
        keyring::Entry::new(&self.service, account).map_err(|e| self.classify(account, e))
    }

    fn get(&self, account: &str) -> ItemResult {
        self.entry(account)?
            .get_password()
            .map(SecretValue::new)
            .map_err(|e| self.classify(account, e))
    }

    fn classify(&self, account: &str, e: keyring::Error) -> ProviderError {
        let service = &self.service;
        match e {
            keyring::Error::NoEntry => ProviderError::new(
                ErrorKind::NotFound,
                format!("{NAME}: secret '{account}' not found in service {service}"),
            )
            .hint("store it with `fnox set` using this provider, or check `service` and `prefix`"),
            keyring::Error::NoStorageAccess(err) => ProviderError::new(
                ErrorKind::AccessDenied,
                format!("{NAME}: cannot open the OS secret store for {account}: {err}"),
            )
            .hint(locked_hint()),
            keyring::Error::PlatformFailure(err) => ProviderError::new(
                ErrorKind::Unreachable,
                format!("{NAME}: cannot reach the OS secret store for {account}: {err}"),
            )
            .hint(unreachable_hint()),
            keyring::Error::BadEncoding(bytes) => {
                drop(zeroize::Zeroizing::new(bytes));
                ProviderError::new(
                    ErrorKind::Other,
                    format!("{NAME}: entry {account} in service {service} is not UTF-8 text"),
                )
            }
            keyring::Error::TooLong(attr, limit) => ProviderError::new(
                ErrorKind::Config,
                format!(
                    "{NAME}: the {attr} of {account} is longer than the store allows ({limit})"
                ),
            ),
            keyring::Error::Invalid(attr, why) => ProviderError::new(
                ErrorKind::Config,
                format!("{NAME}: invalid {attr} for {account}: {why}"),
            ),
            keyring::Error::Ambiguous(found) => ProviderError::new(
                ErrorKind::Other,
                format!(
                    "{NAME}: {} entries match {account} in service {service}",
                    found.len()
                ),
            )
            .hint("remove the duplicates in your keyring manager (e.g. Seahorse)"),
            other => ProviderError::new(ErrorKind::Other, format!("{NAME}: {other}")),
        }
    }
}

fn locked_hint() -> &'static str {
    if cfg!(target_os = "macos") {
        "unlock the login keychain (Keychain Access), and allow fnox when macOS asks"
    } else if cfg!(windows) {
        "check that you are logged in to a desktop session with Credential Manager available"
    } else {
        "unlock your keyring (e.g. `gnome-keyring-daemon --unlock`, or log in to the desktop session)"
    }
}

fn unreachable_hint() -> &'static str {
    if cfg!(any(target_os = "macos", windows)) {
        "check that fnox runs in your logged-in user session"
    } else {
        "a Secret Service must run on the D-Bus session bus: install gnome-keyring (apt-get install \
         gnome-keyring) or KWallet, and run fnox inside your desktop or a `dbus-run-session`"
    }
}

impl Store for Keychain {
    /// Reads one by one: the OS store is meant for a few secrets, and macOS may ask about each.
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        let accounts: Vec<String> = references.iter().map(|r| self.account(r)).collect();
        let mut seen: Vec<(&str, ItemResult)> = Vec::new();
        accounts
            .iter()
            .map(|a| {
                if let Some((_, r)) = seen.iter().find(|(s, _)| *s == a.as_str()) {
                    return r.clone();
                }
                let r = self.get(a);
                seen.push((a, r.clone()));
                r
            })
            .collect()
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        let account = self.account(reference);
        self.entry(&account)?
            .set_password(value)
            .map_err(|e| self.classify(&account, e))
    }

    fn check(&self) -> Result<String, ProviderError> {
        let probe = "fnox provider test";
        match self.get(probe) {
            Ok(_) => Ok(format!(
                "the OS secret store is reachable (service {})",
                self.service
            )),
            Err(e) if e.kind == ErrorKind::NotFound => Ok(format!(
                "the OS secret store is reachable (service {})",
                self.service
            )),
            Err(e) => Err(e),
        }
    }
}
