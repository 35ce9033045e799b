//! The spinner on stderr while providers are slow to answer: it appears only once resolving has
//! taken ~300 ms (remote stores), only when stderr is a terminal, and never with `--quiet`.
//! stdout is never touched, so `eval "$(fnox export -f shell)"` stays clean. A provider that asks
//! the person something (a database password) does it inside `suspend`, so the spinner does not
//! draw over the question.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long work may take before a spinner is worth showing.
const DELAY: Duration = Duration::from_millis(300);
const TICK: Duration = Duration::from_millis(100);

static QUIET: AtomicBool = AtomicBool::new(false);
/// How many `suspend`s are running: the spinner draws nothing while any is.
static SUSPENDED: AtomicUsize = AtomicUsize::new(0);
/// The spinner on screen, if any, for `suspend` to clear.
static BAR: Mutex<Option<indicatif::ProgressBar>> = Mutex::new(None);

/// `--quiet`: no progress at all for the rest of the process.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// A running "N of TOTAL done" spinner; cleared from the terminal when dropped.
pub struct Progress {
    running: Option<(Arc<Shared>, JoinHandle<()>)>,
}

struct Shared {
    done: AtomicUsize,
    finished: Mutex<bool>,
    wake: Condvar,
}

impl Progress {
    /// Starts counting `total` units of work (provider batches); draws nothing until [`DELAY`] has passed.
    pub fn start(what: &'static str, total: usize) -> Progress {
        if total == 0 || QUIET.load(Ordering::Relaxed) || !std::io::stderr().is_terminal() {
            return Progress { running: None };
        }
        let shared = Arc::new(Shared {
            done: AtomicUsize::new(0),
            finished: Mutex::new(false),
            wake: Condvar::new(),
        });
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || spin(&shared, what, total))
        };
        Progress {
            running: Some((shared, thread)),
        }
    }

    /// One unit of work is done.
    pub fn inc(&self) {
        if let Some((shared, _)) = &self.running {
            shared.done.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some((shared, thread)) = self.running.take() {
            *shared.finished.lock().unwrap_or_else(|e| e.into_inner()) = true;
            shared.wake.notify_all();
            let _ = thread.join();
        }
    }
}

/// Runs `f` (a prompt) with the spinner off the screen; it comes back afterwards.
pub fn suspend<R>(f: impl FnOnce() -> R) -> R {
    SUSPENDED.fetch_add(1, Ordering::SeqCst);
    let bar = BAR.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let r = match bar {
        Some(bar) => bar.suspend(f),
        None => f(),
    };
    SUSPENDED.fetch_sub(1, Ordering::SeqCst);
    r
}

/// Waits `timeout` for the work to finish; true when it has.
fn wait(shared: &Shared, timeout: Duration) -> bool {
    let finished = shared.finished.lock().unwrap_or_else(|e| e.into_inner());
    let (finished, _) = shared
        .wake
        .wait_timeout_while(finished, timeout, |f| !*f)
        .unwrap_or_else(|e| e.into_inner());
    *finished
}

fn spin(shared: &Shared, what: &'static str, total: usize) {
    if wait(shared, DELAY) {
        return;
    }
    // Hidden until the first tick outside a `suspend`, so that it never appears over a prompt.
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total as u64),
        indicatif::ProgressDrawTarget::hidden(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {msg}: {pos} of {len} providers done ({elapsed})",
        )
        .expect("a valid template"),
    );
    bar.set_message(what);
    *BAR.lock().unwrap_or_else(|e| e.into_inner()) = Some(bar.clone());
    loop {
        if SUSPENDED.load(Ordering::SeqCst) == 0 {
            if bar.is_hidden() {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.set_position(shared.done.load(Ordering::Relaxed) as u64);
            bar.tick();
        }
        if wait(shared, TICK) {
            break;
        }
    }
    *BAR.lock().unwrap_or_else(|e| e.into_inner()) = None;
    bar.finish_and_clear();
}
