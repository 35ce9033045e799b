//! `fnox daemon serve`: the listening side. One thread per connection, one request per
//! connection; the cache is a map of key to value (zeroed when dropped) behind a mutex.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{Request, Response, Status};
use crate::error::{Error, Result};
use crate::secret::SecretValue;

/// A request larger than this is refused (a value of a few MiB is already unusual).
const MAX_REQUEST: u64 = 64 << 20;
/// Beyond this many entries the cache starts afresh rather than grow without end.
const MAX_ENTRIES: usize = 100_000;
/// A client that sends nothing for this long is dropped.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

struct State {
    cache: HashMap<String, SecretValue>,
    last: Instant,
}

/// Binds the socket (refusing when a live daemon already answers there) and serves until `stop`
/// or until no request came for `idle`.
pub fn serve(idle: Duration) -> Result<()> {
    let dir = super::prepare_dir(true)?;
    let path = super::socket_path();
    if path.exists() {
        if UnixStream::connect(&path).is_ok() {
            return Err(Error::new(format!(
                "a fnox daemon is already running at {}",
                path.display()
            ))
            .code("fnox::daemon::error")
            .hint("`fnox daemon stop` stops it"));
        }
        let _ = std::fs::remove_file(&path);
    }
    let listener = UnixListener::bind(&path).map_err(|e| {
        Error::new(format!("cannot listen at {}", path.display()))
            .code("fnox::daemon::error")
            .cause(e)
    })?;
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
    }
    let ours = inode(&path);
    let state = Arc::new(Mutex::new(State {
        cache: HashMap::new(),
        last: Instant::now(),
    }));
    // The idle watchdog: leaves (and removes the socket, if it is still ours) once idle.
    {
        let state = state.clone();
        let path = path.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep((idle / 4).clamp(Duration::from_millis(50), Duration::from_secs(5)));
            let last = state.lock().unwrap_or_else(|e| e.into_inner()).last;
            if last.elapsed() >= idle {
                leave(&path, ours);
            }
        });
    }
    let _ = dir;
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        // Same user only: anyone else's connection is closed unanswered.
        match super::peer_uid(&stream) {
            Ok(uid) if uid == super::expected_peer_uid() => {}
            _ => continue,
        }
        let state = state.clone();
        let path = path.clone();
        std::thread::spawn(move || {
            if handle(stream, &state, idle) {
                leave(&path, ours);
            }
        });
    }
    Ok(())
}

/// Answers one request; true when it was `stop`.
fn handle(stream: UnixStream, state: &Mutex<State>, idle: Duration) -> bool {
    let _ = stream.set_read_timeout(Some(CLIENT_TIMEOUT));
    let _ = stream.set_write_timeout(Some(CLIENT_TIMEOUT));
    let mut line = String::new();
    let mut reader = BufReader::new((&stream).take(MAX_REQUEST));
    if reader.read_line(&mut line).is_err() {
        return false;
    }
    let request: Request = match serde_json::from_str(&line) {
        Ok(r) => r,
        Err(_) => {
            zero(&mut line);
            reply(
                &stream,
                Response {
                    error: Some("malformed request".into()),
                    ..Default::default()
                },
            );
            return false;
        }
    };
    zero(&mut line);
    let mut stop = false;
    let response = {
        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
        let idle_secs = s.last.elapsed().as_secs();
        // Asking whether it runs does not keep it running.
        if !matches!(request, Request::Status) {
            s.last = Instant::now();
        }
        match request {
            Request::Get { keys } => Response {
                values: Some(
                    keys.iter()
                        .map(|k| s.cache.get(k).map(|v| v.expose().to_owned()))
                        .collect(),
                ),
                ..Default::default()
            },
            Request::Put { entries } => {
                if s.cache.len() + entries.len() > MAX_ENTRIES {
                    s.cache.clear();
                }
                for (k, v) in entries {
                    s.cache.insert(k, SecretValue::new(v));
                }
                Response::default()
            }
            Request::Status => Response {
                status: Some(Status {
                    pid: std::process::id(),
                    entries: s.cache.len(),
                    idle_timeout_secs: idle.as_secs(),
                    idle_secs,
                    memory_locked: crate::protect::lock_state()
                        == Some(crate::protect::Lock::Locked),
                }),
                ..Default::default()
            },
            Request::Clear => {
                s.cache.clear();
                Response::default()
            }
            Request::Stop => {
                s.cache.clear();
                stop = true;
                Response::default()
            }
        }
    };
    reply(&stream, response);
    stop
}

fn reply(mut stream: &UnixStream, mut response: Response) {
    let mut text = serde_json::to_string(&response).unwrap_or_else(|_| "{}".into());
    for v in response.values.iter_mut().flatten().flatten() {
        zero(v);
    }
    text.push('\n');
    let _ = stream.write_all(text.as_bytes());
    zero(&mut text);
}

fn zero(text: &mut String) {
    zeroize::Zeroize::zeroize(text);
}

fn inode(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).ok().map(|m| m.ino())
}

/// Removes the socket when it is still the one this daemon bound, and exits.
fn leave(path: &Path, ours: Option<u64>) -> ! {
    if ours.is_some() && inode(path) == ours {
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(0)
}
