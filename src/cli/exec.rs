//! `fnox exec -- COMMAND...`

use std::process::Command;

use super::Ctx;
use crate::config::model::EnvMode;
use crate::env_vars;
use crate::error::{Error, Result};
use crate::resolve::resolve;

/// Run a command with the active profile's secrets in its environment.
///
/// No shell is involved: arguments reach the command as given and values byte-exact.
/// Signals sent to fnox (INT, TERM, HUP, QUIT, USR1, USR2, WINCH) are passed on; the exit code
/// is the command's own, or 128+N when signal N killed it (127/126 when it cannot be started).
/// fnox's own key material (FNOX_AGE_KEY, FNOX_AGE_KEY_FILE) is not passed on unless it is
/// itself a secret. Put fnox options before `--`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The command and its arguments
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "COMMAND"
    )]
    pub command: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let Some((program, rest)) = args.command.split_first() else {
        return Err(Error::usage("no command given").hint("fnox exec -- ./app --flag"));
    };
    let config = ctx.load()?;
    let default_env = config.env_default();
    let secrets = config.secrets();
    let mut wanted = Vec::new();
    let mut withheld = Vec::new();
    for s in &secrets {
        match s.secret.env.unwrap_or(default_env) {
            EnvMode::All | EnvMode::ExecOnly => wanted.push(s.name),
            EnvMode::Never => withheld.push(s.name),
        }
    }
    let values = resolve(&config, &wanted, ctx.resolve_options())?;
    if let Some((name, _)) = values.iter().find(|(_, v)| v.expose().contains('\0')) {
        let entry = config.secret(name).expect("resolved secrets are defined");
        return Err(Error::new(format!(
            "cannot pass {name} to {program} ({})",
            config.locate("secrets", name, &entry.origin)
        ))
        .cause("its value contains a NUL byte, which no environment variable can carry")
        .hint(format!(
            "store binary data with `fnox set {name} --base64-encode` and decode it in the program"
        )));
    }
    ctx.verbose(format!("running {program} with {} secret(s)", values.len()));

    let mut cmd = Command::new(program);
    cmd.args(rest);
    for var in env_vars::KEY_MATERIAL {
        if !values.contains_key(var) {
            cmd.env_remove(var);
        }
    }
    for name in withheld {
        cmd.env_remove(name);
    }
    for (name, value) in &values {
        cmd.env(name, value.expose());
    }
    run_child(cmd, program)
}

/// Spawns the child, passes on signals sent to fnox, and returns its exit code.
fn run_child(mut cmd: Command, program: &str) -> Result<i32> {
    #[cfg(unix)]
    {
        use signal_hook::consts::signal::*;
        use signal_hook::iterator::exfiltrator::WithOrigin;
        use signal_hook::iterator::SignalsInfo;
        use signal_hook::low_level::siginfo::Cause;
        use std::os::unix::process::{CommandExt, ExitStatusExt};

        const FORWARDED: [i32; 7] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH];
        // Registered before the child exists, so no signal falls between spawn and forwarding.
        let mut signals = SignalsInfo::<WithOrigin>::new(FORWARDED)
            .map_err(|e| Error::new("cannot set up signal forwarding").cause(e))?;
        let parent = std::process::id();
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                #[cfg(target_os = "linux")]
                {
                    // If fnox dies without passing a signal on (SIGKILL), the child is told too.
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                    if libc::getppid() as u32 != parent {
                        libc::raise(libc::SIGTERM);
                    }
                }
                let _ = parent;
                Ok(())
            });
        }
        let mut child = cmd.spawn().map_err(|e| spawn_error(program, e))?;
        let pid = child.id() as libc::pid_t;
        let handle = signals.handle();
        let forwarder = std::thread::spawn(move || {
            for info in signals.forever() {
                // Signals from the terminal already reached the child (same process group);
                // those sent to fnox by another process are passed on.
                if !matches!(info.cause, Cause::Kernel) {
                    // SAFETY: plain kill(2) on the child's pid, which we have not reaped yet.
                    unsafe { libc::kill(pid, info.signal) };
                }
            }
        });
        let status = child
            .wait()
            .map_err(|e| Error::new(format!("cannot wait for {program}")).cause(e))?;
        handle.close();
        let _ = forwarder.join();
        Ok(status
            .code()
            .or_else(|| status.signal().map(|s| 128 + s))
            .unwrap_or(1))
    }
    #[cfg(not(unix))]
    {
        let status = cmd.status().map_err(|e| spawn_error(program, e))?;
        Ok(status.code().unwrap_or(1))
    }
}

/// Why the command could not start; exit 127 (not found) or 126 (not runnable), as shells do.
fn spawn_error(program: &str, e: std::io::Error) -> Error {
    let mut err = Error::new(format!("cannot run '{program}'")).cause(&e);
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            err.exit = crate::error::Exit::NotFound;
            err.hint("check the program name and PATH")
        }
        std::io::ErrorKind::PermissionDenied => {
            err.exit = crate::error::Exit::NotExecutable;
            err.hint(format!("make it executable: chmod +x {program}"))
        }
        std::io::ErrorKind::InvalidInput => err
            .hint("a secret value or argument contains a NUL byte, which no environment can carry"),
        _ => err,
    }
}
