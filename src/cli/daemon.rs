//! `fnox daemon`

use clap::Subcommand;

use super::Ctx;
use crate::daemon;
use crate::error::{Error, Result};

/// Manage the per-user daemon that keeps resolved values in memory.
///
/// With `[daemon] enabled = true` in fnox.toml (or FNOX_DAEMON=on), the read commands (get, exec,
/// export, list --values, hook-env, tui, mcp, ci-redact) ask the daemon first and hand it what
/// they read, starting it when none runs; a remote store is then asked once per session. Values
/// live in the daemon's memory only; any change of a config file, the profile or the environment
/// is a fresh read; `daemon_cache = false` on a secret or provider keeps it out. `--no-daemon`
/// or FNOX_DAEMON=off resolves directly. The daemon exits after `idle_timeout` (default 8h).
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Start the daemon in the background (nothing happens when one runs)
    Start,
    /// Stop the daemon and discard its cache
    Stop,
    /// Say whether the daemon runs, its pid and how many values it holds
    Status {
        /// As JSON
        #[arg(long)]
        json: bool,
    },
    /// Discard every cached value (the daemon keeps running)
    Clear,
    /// Run the daemon in the foreground (what `start` runs)
    #[command(hide = true)]
    Serve,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    not_windows()?;
    match args.command {
        Cmd::Start => {
            let config = ctx.load_optional().ok();
            let idle = daemon::idle_timeout(config.as_ref())?;
            daemon::prepare_dir(true)?;
            let started = daemon::client::start(idle)?;
            let status = daemon::client::status()?;
            let pid = status.map(|s| s.pid).unwrap_or_default();
            if started {
                ctx.say(format!("fnox daemon started (pid {pid})"));
            } else {
                ctx.say(format!("fnox daemon already running (pid {pid})"));
            }
        }
        Cmd::Stop => match daemon::client::call(&daemon::Request::Stop) {
            Ok(_) => ctx.say("fnox daemon stopped"),
            Err(daemon::client::CallError::NotRunning) => ctx.say("fnox daemon is not running"),
            Err(e) => return Err(e.into_error()),
        },
        Cmd::Status { json } => {
            let status = daemon::client::status()?;
            if json {
                let value = match &status {
                    Some(s) => serde_json::json!({ "running": true, "pid": s.pid,
                        "entries": s.entries, "idle_timeout_secs": s.idle_timeout_secs,
                        "idle_secs": s.idle_secs, "memory_locked": s.memory_locked,
                        "socket": daemon::socket_path() }),
                    None => {
                        serde_json::json!({ "running": false, "socket": daemon::socket_path() })
                    }
                };
                println!("{value}");
            } else {
                match &status {
                    Some(s) => println!(
                        "running (pid {}): {} cached value{}, idle {}s of {}s, memory {}, socket {}",
                        s.pid,
                        s.entries,
                        if s.entries == 1 { "" } else { "s" },
                        s.idle_secs,
                        s.idle_timeout_secs,
                        if s.memory_locked { "locked" } else { "not locked (raise RLIMIT_MEMLOCK: values could be swapped)" },
                        daemon::socket_path().display()
                    ),
                    None => println!("not running"),
                }
            }
            return Ok(if status.is_some() { 0 } else { 1 });
        }
        Cmd::Clear => match daemon::client::call(&daemon::Request::Clear) {
            Ok(_) => ctx.say("fnox daemon cache cleared"),
            Err(daemon::client::CallError::NotRunning) => ctx.say("fnox daemon is not running"),
            Err(e) => return Err(e.into_error()),
        },
        Cmd::Serve => {
            let config = ctx.load_optional().ok();
            let idle = daemon::idle_timeout(config.as_ref())?;
            daemon::server::serve(idle)?;
        }
    }
    Ok(0)
}

fn not_windows() -> Result<()> {
    if cfg!(unix) {
        Ok(())
    } else {
        Err(Error::new("the fnox daemon needs a Unix system")
            .code(daemon::UNAVAILABLE)
            .hint("use `--no-daemon`, or FNOX_DAEMON=off"))
    }
}
