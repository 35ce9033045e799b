//! The client side: short deadlines everywhere (a dead or wedged daemon never holds a command
//! up: the command resolves directly and says so once), the peer's uid checked before anything
//! is sent, and the one hook the resolver calls (`cached_read`).

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::{Request, Response, Status};
use crate::config::Config;
use crate::error::{warn, Error, Result};
use crate::provider::ItemResult;
use crate::secret::SecretValue;

/// How long connecting may take.
const CONNECT_TIMEOUT: Duration = Duration::from_millis(200);
/// How long the daemon may take to answer once connected.
const REPLY_TIMEOUT: Duration = Duration::from_secs(1);

/// The daemon failed once in this run: the rest of it resolves directly, without waiting again.
static BROKEN: AtomicBool = AtomicBool::new(false);
/// This run already started a daemon.
static SPAWNED: AtomicBool = AtomicBool::new(false);

/// Why a call did not get an answer.
pub enum CallError {
    /// No daemon is listening (no socket, or nobody behind it).
    NotRunning,
    /// Anything else: an unsafe directory, a foreign peer, a timeout, a broken answer.
    Failed(Error),
}

impl CallError {
    pub fn into_error(self) -> Error {
        match self {
            CallError::NotRunning => Error::new("the fnox daemon is not running")
                .code(super::UNAVAILABLE)
                .hint("`fnox daemon start` starts it"),
            CallError::Failed(e) => e,
        }
    }
}

fn unavailable(what: &str, cause: impl std::fmt::Display) -> CallError {
    CallError::Failed(
        Error::new(format!("the fnox daemon {what}"))
            .code(super::UNAVAILABLE)
            .cause(cause),
    )
}

fn connect() -> std::result::Result<UnixStream, CallError> {
    let path = super::socket_path();
    let dir = path.parent().expect("the socket is in a directory");
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(CallError::NotRunning),
        _ => super::prepare_dir(false).map_err(CallError::Failed)?,
    };
    let addr = socket2::SockAddr::unix(&path).map_err(|e| unavailable("cannot be reached", e))?;
    let socket = socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None)
        .map_err(|e| unavailable("cannot be reached", e))?;
    if let Err(e) = socket.connect_timeout(&addr, CONNECT_TIMEOUT) {
        return match e.kind() {
            std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused => {
                Err(CallError::NotRunning)
            }
            _ => Err(unavailable(
                &format!("at {} did not accept a connection", path.display()),
                e,
            )),
        };
    }
    let stream: UnixStream = socket.into();
    match super::peer_uid(&stream) {
        Ok(uid) if uid == super::expected_peer_uid() => {}
        Ok(uid) => {
            return Err(CallError::Failed(
                Error::new(format!(
                    "the process at {} belongs to uid {uid}, not you: nothing was sent to it",
                    path.display()
                ))
                .code(super::FOREIGN_PEER)
                .hint("remove the socket, or set XDG_RUNTIME_DIR to a directory of yours"),
            ))
        }
        Err(e) => return Err(unavailable("cannot be checked", e)),
    }
    Ok(stream)
}

/// Sends one request and reads its answer, within the deadlines.
pub fn call(request: &Request) -> std::result::Result<Response, CallError> {
    let stream = connect()?;
    let deadline = Instant::now() + REPLY_TIMEOUT;
    let _ = stream.set_write_timeout(Some(REPLY_TIMEOUT));
    let mut text = serde_json::to_string(request).map_err(|e| unavailable("request", e))?;
    text.push('\n');
    let sent = (&stream).write_all(text.as_bytes());
    zeroize::Zeroize::zeroize(&mut text);
    sent.map_err(|e| unavailable("did not take the request", e))?;
    let mut line = String::new();
    let mut reader = BufReader::new(&stream);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(unavailable(
                "did not answer",
                format!("no answer within {} ms", REPLY_TIMEOUT.as_millis()),
            ));
        }
        let _ = reader.get_ref().set_read_timeout(Some(left));
        match reader.read_line(&mut line) {
            Ok(0) => return Err(unavailable("did not answer", "it closed the connection")),
            Ok(_) if line.ends_with('\n') => break,
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(unavailable(
                    "did not answer",
                    format!("no answer within {} ms ({e})", REPLY_TIMEOUT.as_millis()),
                ))
            }
        }
    }
    let response: std::result::Result<Response, _> = serde_json::from_str(&line);
    zeroize::Zeroize::zeroize(&mut line);
    let response = response.map_err(|e| unavailable("answered something else", e))?;
    match &response.error {
        Some(e) => Err(unavailable("refused the request", e)),
        None => Ok(response),
    }
}

/// The daemon's status, or None when none is running.
pub fn status() -> Result<Option<Status>> {
    match call(&Request::Status) {
        Ok(r) => Ok(r.status),
        Err(CallError::NotRunning) => Ok(None),
        Err(e) => Err(e.into_error()),
    }
}

/// Starts a daemon in the background (its own session, no terminal, a bare environment).
pub fn spawn(idle: Duration) -> Result<()> {
    use std::os::unix::process::CommandExt;
    let exe = std::env::current_exe()
        .map_err(|e| Error::new("cannot find the fnox executable").cause(e))?;
    let mut cmd = std::process::Command::new(exe);
    cmd.args(["daemon", "serve"])
        .env_clear()
        .env(
            crate::env_vars::FNOX_DAEMON_IDLE_TIMEOUT,
            format!("{}ms", idle.as_millis()),
        )
        .current_dir("/")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    for var in [
        crate::env_vars::XDG_RUNTIME_DIR,
        "TMPDIR",
        #[cfg(debug_assertions)]
        "FNOX_DAEMON_TEST_PEER_UID",
    ] {
        if let Some(v) = std::env::var_os(var) {
            cmd.env(var, v);
        }
    }
    // SAFETY: setsid is async-signal-safe; it detaches the daemon from the terminal's session.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| Error::new("cannot start the fnox daemon").cause(e))?;
    // Reap it when it exits early (the daemon's own fork is not waited for by anyone else).
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Starts the daemon unless one runs and waits (up to 3 s) until it answers; false when one
/// was already running.
pub fn start(idle: Duration) -> Result<bool> {
    if status()?.is_some() {
        return Ok(false);
    }
    spawn(idle)?;
    let until = Instant::now() + Duration::from_secs(3);
    while Instant::now() < until {
        if status()?.is_some() {
            return Ok(true);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Err(Error::new("the fnox daemon did not start")
        .code(super::UNAVAILABLE)
        .hint("run `fnox daemon serve` in the foreground to see why"))
}

/// Reads `inputs` through `read`, serving the cacheable ones the daemon holds and handing it
/// the cacheable values read afresh. `source` names the provider (part of the key).
pub fn cached_read(
    config: &Config,
    source: &str,
    cacheable: &[bool],
    inputs: &[&str],
    read: impl FnOnce(&[&str]) -> Vec<ItemResult>,
) -> Vec<ItemResult> {
    if BROKEN.load(Ordering::Relaxed) || !cacheable.iter().any(|c| *c) {
        return read(inputs);
    }
    let fp = super::fingerprint(config);
    let keys: Vec<Option<String>> = inputs
        .iter()
        .zip(cacheable)
        .map(|(input, c)| c.then(|| super::item_key(&fp, source, input)))
        .collect();
    let asked: Vec<String> = keys.iter().flatten().cloned().collect();
    let mut found: Vec<Option<String>> = match call(&Request::Get { keys: asked }) {
        Ok(r) => r.values.unwrap_or_default(),
        Err(e) => {
            fail(config, e);
            Vec::new()
        }
    };
    found.resize(keys.iter().flatten().count(), None);
    let mut hits = found.into_iter();
    let mut out: Vec<Option<ItemResult>> = keys
        .iter()
        .map(|k| {
            k.as_ref()
                .and_then(|_| hits.next().flatten())
                .map(|v| Ok(SecretValue::new(v)))
        })
        .collect();
    let missing: Vec<usize> = (0..inputs.len()).filter(|i| out[*i].is_none()).collect();
    if !missing.is_empty() {
        let miss_inputs: Vec<&str> = missing.iter().map(|i| inputs[*i]).collect();
        let results = read(&miss_inputs);
        let mut fresh = Vec::new();
        for (i, r) in missing.iter().zip(results) {
            if let (Some(key), Ok(v)) = (&keys[*i], &r) {
                fresh.push((key.clone(), v.expose().to_owned()));
            }
            out[*i] = Some(r);
        }
        if !fresh.is_empty() && !BROKEN.load(Ordering::Relaxed) {
            let mut request = Request::Put { entries: fresh };
            let stored = call(&request);
            if let Request::Put { entries } = &mut request {
                for (_, v) in entries.iter_mut() {
                    zeroize::Zeroize::zeroize(v);
                }
            }
            if let Err(e) = stored {
                if !SPAWNED.load(Ordering::Relaxed) {
                    fail(config, e);
                }
            }
        }
    }
    out.into_iter()
        .map(|r| {
            r.unwrap_or_else(|| {
                Err(crate::provider::ProviderError::new(
                    crate::provider::ErrorKind::Other,
                    "no result",
                ))
            })
        })
        .collect()
}

/// A call failed: start the daemon when none runs (this run resolves directly meanwhile),
/// otherwise warn once and leave the daemon alone for the rest of the run.
fn fail(config: &Config, e: CallError) {
    match e {
        CallError::NotRunning => {
            if !SPAWNED.swap(true, Ordering::Relaxed) {
                let started = super::idle_timeout(Some(config)).and_then(spawn);
                if let Err(e) = started {
                    BROKEN.store(true, Ordering::Relaxed);
                    warn(format!("{} ({}; resolving directly)", e.one_line(), e.code));
                }
            }
        }
        CallError::Failed(e) => {
            if !BROKEN.swap(true, Ordering::Relaxed) {
                warn(format!(
                    "{} ({}; resolving directly: `--no-daemon` or FNOX_DAEMON=off skips the daemon)",
                    e.one_line(),
                    e.code
                ));
            }
        }
    }
}
