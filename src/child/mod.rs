//! Running a command as fnox's child: spawned with signals passed on, waited for, its exit code
//! as a shell reports it; optionally with its output masked (pipes, or a pseudo-terminal when
//! fnox's own output is a terminal: [`pty`]).

use std::process::Command;

use crate::env_vars;
use crate::error::{Error, Result};
use crate::mask::Masker;

#[cfg(unix)]
pub mod pty;

/// Execs the command in place of fnox (same PID); returns only when that fails.
#[cfg(unix)]
pub fn replace(mut cmd: Command, program: &str) -> Result<i32> {
    use std::os::unix::process::CommandExt;
    Err(spawn_error(program, cmd.exec()))
}

#[cfg(not(unix))]
pub fn replace(_cmd: Command, _program: &str) -> Result<i32> {
    Err(Error::usage("--replace is only available on Unix")
        .hint("drop --replace; fnox runs the command and returns its exit code"))
}

/// The command's stdout and stderr, copied masked to fnox's own on a thread each.
fn start_masking(
    child: &mut std::process::Child,
    masker: &std::sync::Arc<Masker>,
) -> Vec<std::thread::JoinHandle<()>> {
    let mut threads = Vec::new();
    if let Some(out) = child.stdout.take() {
        let m = masker.clone();
        // A write error (fnox's stdout closed) ends the copy and closes the pipe, so the
        // command gets EPIPE as it would have writing there itself.
        threads.push(std::thread::spawn(move || {
            let _ = crate::mask::copy(&m, out, std::io::stdout());
        }));
    }
    if let Some(err) = child.stderr.take() {
        let m = masker.clone();
        threads.push(std::thread::spawn(move || {
            let _ = crate::mask::copy(&m, err, std::io::stderr());
        }));
    }
    threads
}

/// Spawns the child, passes on signals sent to fnox, and returns its exit code. With a masker,
/// the child's stdout and stderr are copied masked: through pipes, or, for those of fnox's
/// streams that are a terminal, through a pseudo-terminal of the child's own ([`pty`]).
pub fn run_child(
    mut cmd: Command,
    program: &str,
    masker: Option<std::sync::Arc<Masker>>,
) -> Result<i32> {
    #[cfg(unix)]
    {
        let pty = match &masker {
            Some(_) => pty::Pty::for_terminal_streams().map_err(|e| {
                Error::new("cannot set up a terminal for the masked command")
                    .cause(e)
                    .hint("redirect the output to a pipe or file, or drop --mask")
            })?,
            None => None,
        };
        if masker.is_some() {
            let piped = std::process::Stdio::piped;
            let stream = |is_pty: bool| -> Result<std::process::Stdio> {
                match (&pty, is_pty) {
                    (Some(p), true) => p.slave().map_err(|e| {
                        Error::new("cannot set up a terminal for the masked command").cause(e)
                    }),
                    _ => Ok(piped()),
                }
            };
            let on = |f: fn(&pty::Pty) -> bool| pty.as_ref().is_some_and(f);
            cmd.stdout(stream(on(|p| p.stdout))?)
                .stderr(stream(on(|p| p.stderr))?);
            if on(|p| p.stdin) {
                cmd.stdin(stream(true)?);
            }
        }
        run_unix(cmd, program, masker, pty)
    }
    #[cfg(not(unix))]
    {
        if masker.is_some() {
            cmd.stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
        }
        let mut child = cmd.spawn().map_err(|e| spawn_error(program, e))?;
        let copies = masker.map(|m| start_masking(&mut child, &m));
        let status = child
            .wait()
            .map_err(|e| Error::new(format!("cannot wait for {program}")).cause(e))?;
        for t in copies.into_iter().flatten() {
            let _ = t.join();
        }
        Ok(status.code().unwrap_or(1))
    }
}

#[cfg(unix)]
fn run_unix(
    mut cmd: Command,
    program: &str,
    masker: Option<std::sync::Arc<Masker>>,
    pty: Option<pty::Pty>,
) -> Result<i32> {
    use signal_hook::consts::signal::*;
    use signal_hook::iterator::exfiltrator::WithOrigin;
    use signal_hook::iterator::SignalsInfo;
    use signal_hook::low_level::siginfo::Cause;
    use std::os::unix::process::{CommandExt, ExitStatusExt};

    const FORWARDED: [i32; 7] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH];
    // Registered before the child exists, so no signal falls between spawn and forwarding.
    // A signal the caller ignored (nohup) stays ignored, for fnox and the child alike.
    let mut signals = SignalsInfo::<WithOrigin>::new(crate::signals::not_ignored(&FORWARDED))
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
    if let Some(p) = &pty {
        p.control(&mut cmd);
    }
    // Keys go to the child's terminal as typed (set before the child can read its terminal).
    let raw =
        match &pty {
            Some(p) if p.stdin => Some(pty::RawMode::enter().map_err(|e| {
                Error::new("cannot set up a terminal for the masked command").cause(e)
            })?),
            _ => None,
        };
    let mut child = cmd.spawn().map_err(|e| spawn_error(program, e))?;
    // fnox's copies of the child's streams go, so that their ends are the child's.
    drop(cmd);
    let mut copies = masker
        .as_ref()
        .map(|m| start_masking(&mut child, m))
        .unwrap_or_default();
    let mut resize = None;
    if let (Some(p), Some(m)) = (pty, &masker) {
        let (to_stdout, forward_stdin, terminal) = (p.stdout, p.stdin, p.terminal());
        let master = p.into_master();
        let reader = master.try_clone();
        let resizer = master.try_clone();
        let (Ok(reader), Ok(resizer)) = (reader, resizer) else {
            let _ = child.kill();
            return Err(
                Error::new("cannot set up a terminal for the masked command")
                    .cause(std::io::Error::last_os_error()),
            );
        };
        if forward_stdin {
            pty::forward_input(master);
        }
        let m = m.clone();
        copies.push(std::thread::spawn(move || {
            let input = pty::Output(reader);
            let _ = if to_stdout {
                crate::mask::copy(&m, input, std::io::stdout())
            } else {
                crate::mask::copy(&m, input, std::io::stderr())
            };
        }));
        resize = Some((terminal, resizer));
    }
    let pid = child.id() as libc::pid_t;
    let handle = signals.handle();
    let forwarder = std::thread::spawn(move || {
        for info in signals.forever() {
            match &resize {
                // The child has a terminal of its own: a resize of fnox's is copied to it
                // (the kernel tells the child), and every other signal is passed on, since
                // none reaches the child from fnox's terminal directly.
                Some((terminal, master)) if info.signal == SIGWINCH => {
                    pty::Pty::resize_from(*terminal, master)
                }
                Some(_) => {
                    // SAFETY: plain kill(2) on the child's pid, which we have not reaped yet.
                    unsafe { libc::kill(pid, info.signal) };
                }
                // Signals from the terminal already reached the child (same process group);
                // those sent to fnox by another process are passed on.
                None if !matches!(info.cause, Cause::Kernel) => {
                    // SAFETY: as above.
                    unsafe { libc::kill(pid, info.signal) };
                }
                None => {}
            }
        }
    });
    let status = child
        .wait()
        .map_err(|e| Error::new(format!("cannot wait for {program}")).cause(e));
    handle.close();
    let _ = forwarder.join();
    // The rest of the output: the copies end when every writer of the pipes (or holder of the
    // terminal) is gone.
    for t in copies {
        let _ = t.join();
    }
    drop(raw);
    let status = status?;
    Ok(status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(1))
}

/// The kernel refuses a program whose environment has a variable over MAX_VAR_BYTES or whose
/// arguments and environment exceed ARG_MAX ("Argument list too long"): say which variable, with
/// exit 126, before trying.
#[cfg(not(unix))]
pub fn check_sizes(_cmd: &Command, _program: &str) -> Result<()> {
    Ok(())
}

#[cfg(unix)]
pub fn check_sizes(cmd: &Command, program: &str) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let too_long = |name: &std::ffi::OsStr, size: usize, why: String| {
        let mut err = Error::new(format!(
            "cannot pass {} to {program}",
            name.to_string_lossy()
        ))
        .code("fnox::command::environment_too_large")
        .cause(why)
        .cause(format!("its value is {size} bytes"))
        .hint("keep large values in a file (as_file = true) and pass its path");
        err.exit = crate::error::Exit::NotExecutable;
        err
    };
    let mut set: Vec<(&std::ffi::OsStr, usize)> = Vec::new();
    for (name, value) in cmd.get_envs() {
        let Some(value) = value else { continue };
        let size = name.len() + 1 + value.len();
        // The kernel's count includes the terminating NUL.
        if size + 1 > env_vars::MAX_VAR_BYTES {
            return Err(too_long(
                name,
                value.len(),
                format!(
                    "one variable may hold at most {} KiB on this system",
                    env_vars::MAX_VAR_BYTES / 1024
                ),
            ));
        }
        set.push((name, env_vars::env_cost(name.as_bytes(), value.as_bytes())));
    }
    let changed: std::collections::HashSet<&std::ffi::OsStr> =
        cmd.get_envs().map(|(k, _)| k).collect();
    let inherited: usize = std::env::vars_os()
        .filter(|(k, _)| !changed.contains(k.as_os_str()))
        .map(|(k, v)| env_vars::env_cost(k.as_bytes(), v.as_bytes()))
        .sum();
    let args: usize = std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|a| a.len() + 1 + std::mem::size_of::<usize>())
        .sum();
    let total = inherited + args + set.iter().map(|(_, c)| c).sum::<usize>();
    if total > env_vars::arg_max() {
        let (name, size) = set
            .iter()
            .max_by_key(|(_, c)| *c)
            .copied()
            .unwrap_or_default();
        return Err(too_long(
            name,
            size,
            format!(
                "the command's arguments and environment would be {total} bytes, over this system's limit of {} (ARG_MAX); this is the largest secret",
                env_vars::arg_max()
            ),
        ));
    }
    Ok(())
}

/// Why the command could not start; exit 127 (not found) or 126 (not runnable), as shells do.
pub fn spawn_error(program: &str, e: std::io::Error) -> Error {
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
