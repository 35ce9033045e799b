//! How long a command waits for remote stores: one deadline per command for reading values
//! (30 s, 5 s in the shell hook; `FNOX_TIMEOUT` or a provider's `timeout` field instead), counted
//! from the start of the resolution (every batch, and the secrets providers' fields need), so a store that accepts the connection and never
//! answers cannot hold `fnox get` or the prompt for minutes. Each request is bounded too
//! (`FNOX_HTTP_TIMEOUT`, as upstream).
//!
//! A provider's reads run inside [`within`] (the provider wrapper in `provider/bounded.rs` does
//! that); the network code wraps what it sends in [`bounded`], which cancels it when the deadline
//! passes and says what it waited for.

use std::cell::RefCell;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::env_vars;
use crate::error::warn;
use crate::provider::{ErrorKind, ProviderError};

/// The code of an error for a store that did not answer in time.
pub const TIMEOUT: &str = "fnox::provider::timeout";
/// How long a command waits for its remote reads, unless told otherwise.
pub const DEFAULT: Duration = Duration::from_secs(30);
/// How long the shell hook waits: a prompt must come back quickly.
pub const HOOK_DEFAULT: Duration = Duration::from_secs(5);
/// Upstream's default per-request timeout (`FNOX_HTTP_TIMEOUT`).
pub const HTTP_DEFAULT: Duration = Duration::from_secs(30);

/// Where a deadline came from, for the error's words and hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Default,
    Hook,
    Env,
    Provider,
}

/// How long one provider's reads may take (counted from the run's first read), and why.
#[derive(Debug, Clone)]
pub struct Budget {
    /// None: no deadline (`FNOX_TIMEOUT=0`).
    limit: Option<Duration>,
    origin: Origin,
    provider: String,
}

/// Milliseconds of the command's default (0: not set, use DEFAULT); the hook sets its own.
static COMMAND_DEFAULT_MS: AtomicU64 = AtomicU64::new(0);
/// Whether this command is the shell hook (its deadline caps every provider's).
static HOOK: AtomicBool = AtomicBool::new(false);
/// Set when any read ran out of time, for the hook to try again at the next prompt.
static EXPIRED: AtomicBool = AtomicBool::new(false);
/// When the resolution in progress started (`Epoch`): the deadlines of its reads count from here.
static EPOCH: Mutex<Option<Instant>> = Mutex::new(None);

/// The deadline of the provider read running on this thread.
#[derive(Clone)]
struct Active {
    start: Instant,
    at: Instant,
    limit: Duration,
    origin: Origin,
    provider: String,
}

thread_local! {
    static CURRENT: RefCell<Option<Active>> = const { RefCell::new(None) };
}

/// The shell hook: a short default (`HOOK_DEFAULT`), which also caps a provider's `timeout`.
pub fn set_hook() {
    HOOK.store(true, Ordering::Relaxed);
    COMMAND_DEFAULT_MS.store(HOOK_DEFAULT.as_millis() as u64, Ordering::Relaxed);
}

/// Whether a read of this run ran out of time.
pub fn any_expired() -> bool {
    EXPIRED.load(Ordering::Relaxed)
}

/// "10s", "1m30s" (humantime's units) or plain seconds ("10", "2.5"); `0` means no limit.
pub fn parse(text: &str) -> Option<Duration> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs));
    }
    humantime::parse_duration(text).ok()
}

/// A duration from the environment variable `var`: None when unset; a warning and None when it
/// does not parse.
fn from_env(var: &str) -> Option<Duration> {
    let raw = env_vars::non_empty(var)?;
    let parsed = parse(&raw);
    if parsed.is_none() {
        static WARNED: AtomicBool = AtomicBool::new(false);
        if !WARNED.swap(true, Ordering::Relaxed) {
            warn(format!(
                "{var}='{}' is not a duration like 10s, 1m or 30; ignoring it",
                crate::term::escape_text(&raw)
            ));
        }
    }
    parsed
}

/// The deadline of provider `name`'s reads: its `timeout` field, else FNOX_TIMEOUT, else the
/// command's default. In the hook, no provider may wait past the hook's own deadline.
pub fn budget(name: &str, field: Option<Duration>) -> Budget {
    let command = match COMMAND_DEFAULT_MS.load(Ordering::Relaxed) {
        0 => DEFAULT,
        ms => Duration::from_millis(ms),
    };
    let hook = HOOK.load(Ordering::Relaxed);
    let (command, command_origin) = match from_env(env_vars::FNOX_TIMEOUT) {
        Some(d) if d.is_zero() => (None, Origin::Env),
        Some(d) => (Some(d), Origin::Env),
        None if hook => (Some(command), Origin::Hook),
        None => (Some(command), Origin::Default),
    };
    let (limit, origin) = match (field, command) {
        (Some(f), Some(c)) if hook && c < f => (Some(c), command_origin),
        (Some(f), _) if f.is_zero() && !hook => (None, Origin::Provider),
        (Some(f), _) if !f.is_zero() => (Some(f), Origin::Provider),
        _ => (command, command_origin),
    };
    Budget {
        limit,
        origin,
        provider: name.to_owned(),
    }
}

/// The per-request timeout of the HTTP clients and of each AWS attempt: FNOX_HTTP_TIMEOUT
/// (upstream's), else 30 s; None for `0`.
pub fn http_timeout() -> Option<Duration> {
    match from_env(env_vars::FNOX_HTTP_TIMEOUT) {
        Some(d) if d.is_zero() => None,
        Some(d) => Some(d),
        None => Some(HTTP_DEFAULT),
    }
}

/// One resolution (all its batches, and the secrets its providers' fields need): the deadlines
/// of every read in it count from its start. Nested ones keep the outer start; dropped, it ends.
pub struct Epoch(bool);

impl Epoch {
    pub fn start() -> Epoch {
        let mut epoch = EPOCH.lock().unwrap_or_else(|e| e.into_inner());
        if epoch.is_some() {
            return Epoch(false);
        }
        *epoch = Some(Instant::now());
        Epoch(true)
    }
}

impl Drop for Epoch {
    fn drop(&mut self) {
        if self.0 {
            *EPOCH.lock().unwrap_or_else(|e| e.into_inner()) = None;
        }
    }
}

/// Runs `f` (a provider's read) under `budget`'s deadline on this thread; the deadline counts
/// from the start of the resolution it belongs to (else of this read). The previous deadline comes back afterwards (a provider read
/// through another, age's `identity`).
pub fn within<R>(budget: &Budget, f: impl FnOnce() -> R) -> R {
    // A read inside another (a provider read through another) shares its start; else the
    // resolution's, else its own.
    let start = CURRENT
        .with(|c| c.borrow().as_ref().map(|a| a.start))
        .or_else(|| *EPOCH.lock().unwrap_or_else(|e| e.into_inner()))
        .unwrap_or_else(Instant::now);
    let active = budget.limit.map(|limit| Active {
        start,
        at: start + limit,
        limit,
        origin: budget.origin,
        provider: budget.provider.clone(),
    });
    struct Restore(Option<Active>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| *c.borrow_mut() = self.0.take());
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(active)));
    f()
}

/// `fut`, cancelled when this thread's deadline passes: then an error saying that `what()`
/// (e.g. "aws-sm: GetSecretValue at http://127.0.0.1:4566") got no answer in time. Without a
/// deadline, `fut` as it is.
pub async fn bounded<T>(
    what: impl FnOnce() -> String,
    fut: impl Future<Output = Result<T, ProviderError>>,
) -> Result<T, ProviderError> {
    let Some(active) = CURRENT.with(|c| c.borrow().clone()) else {
        return fut.await;
    };
    match tokio::time::timeout_at(active.at.into(), fut).await {
        Ok(r) => r,
        Err(_) => {
            EXPIRED.store(true, Ordering::Relaxed);
            Err(expired(&what(), &active))
        }
    }
}

fn expired(what: &str, active: &Active) -> ProviderError {
    let provider = &active.provider;
    let shown = humantime::format_duration(Duration::from_millis(active.limit.as_millis() as u64));
    let from = match active.origin {
        Origin::Default => "fnox's default".to_owned(),
        Origin::Hook => "the shell hook's default".to_owned(),
        Origin::Env => "FNOX_TIMEOUT".to_owned(),
        Origin::Provider => format!("the `timeout` of provider '{provider}'"),
    };
    ProviderError::new(
        ErrorKind::TimedOut,
        format!("{what}: no answer within the {shown} deadline ({from})"),
    )
    .hint(format!(
        "check that the store is up and answering; to wait longer set FNOX_TIMEOUT=1m, or `timeout = \"1m\"` on provider '{provider}'"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_as_units_or_seconds() {
        assert_eq!(parse("10s"), Some(Duration::from_secs(10)));
        assert_eq!(parse("1m"), Some(Duration::from_secs(60)));
        assert_eq!(parse("1m30s"), Some(Duration::from_secs(90)));
        assert_eq!(parse(" 7 "), Some(Duration::from_secs(7)));
        assert_eq!(parse("2.5"), Some(Duration::from_millis(2500)));
        assert_eq!(parse("0"), Some(Duration::ZERO));
        assert_eq!(parse("soon"), None);
        assert_eq!(parse("-3"), None);
    }
}
