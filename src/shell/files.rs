//! The files that hold the shell hook's `as_file` secrets while the shell that loaded them lives.
//!
//! The shell's variable holds a path; the value is in a 0600 file in a 0700 directory of that
//! shell's own, `BASE/PID-START` (PID and start time of the shell, so a reused PID is not taken
//! for it), where BASE is `$XDG_RUNTIME_DIR/fnox-hook` (a per-user tmpfs on most Linux systems)
//! or else `fnox-hook-UID` in the temp dir, 0700 and owned by the user. The hook removes a file
//! when its secret leaves the shell, and the directory with the last one; `deactivate` removes
//! the directory; and every hook, of any shell, first removes the directories of shells that are
//! gone (killed, or closed without `deactivate`). A memfd cannot serve here: fnox exits after
//! each prompt, and the memory would go with it.
//!
//! The hook runs as a child of the shell (`$(...)`, `| source`, `^fnox`), so the shell is fnox's
//! parent process.

use std::io;
use std::path::{Path, PathBuf};

use crate::env_vars;

/// The directory all shells' directories live in.
pub fn base() -> PathBuf {
    if let Some(dir) = std::env::var_os(env_vars::XDG_RUNTIME_DIR)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        return dir.join("fnox-hook");
    }
    std::env::temp_dir().join(format!("fnox-hook-{}", uid()))
}

/// A process, told apart from a later one with the same PID by its start time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Process {
    pid: u32,
    start: u64,
}

impl Process {
    fn of(pid: u32) -> Option<Process> {
        Some(Process {
            pid,
            start: start_time(pid)?,
        })
    }

    fn dir_name(self) -> String {
        format!("{}-{}", self.pid, self.start)
    }

    fn parse(name: &str) -> Option<Process> {
        let (pid, start) = name.split_once('-')?;
        Some(Process {
            pid: pid.parse().ok()?,
            start: start.parse().ok()?,
        })
    }

    fn alive(self) -> bool {
        start_time(self.pid) == Some(self.start)
    }
}

/// The shell this hook runs for: fnox's parent.
fn shell() -> Option<Process> {
    Process::of(std::os::unix::process::parent_id())
}

/// The directory for the `as_file` secrets of the shell this hook runs for (not created).
pub fn shell_dir() -> Option<PathBuf> {
    Some(base().join(shell()?.dir_name()))
}

/// Whether `dir` is the directory of the shell fnox runs for (its parent, or fnox itself when
/// the shell replaced itself with it, as a shell may for its last command).
pub fn is_this_shells(dir: &Path) -> bool {
    if dir.parent() != Some(base().as_path()) {
        return false;
    }
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    [shell(), Process::of(std::process::id())]
        .into_iter()
        .flatten()
        .any(|p| p.dir_name() == name)
}

/// Creates `dir` (and the base) private to the user, refusing a base that is not a real
/// directory of this user's with no access for others.
fn ensure(dir: &Path) -> io::Result<()> {
    let base = dir.parent().expect("a shell's directory is in the base");
    private_dir(base)?;
    private_dir(dir)
}

fn private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = std::fs::symlink_metadata(dir)?;
    if !meta.is_dir() || meta.uid() != uid() {
        return Err(io::Error::other(format!(
            "{} is not a directory of this user's",
            dir.display()
        )));
    }
    if meta.permissions().mode() & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Writes `value` to the file for secret `name` (a variable name, so a safe file name) in `dir`,
/// replacing it whole, and returns its path. The file is 0600 from the start.
pub fn write(dir: &Path, name: &str, value: &[u8]) -> io::Result<PathBuf> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    debug_assert!(super::is_var_name(name));
    ensure(dir)?;
    let path = dir.join(name);
    let staging = dir.join(format!(".{name}.new"));
    let _ = std::fs::remove_file(&staging);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&staging)?;
    file.write_all(value)?;
    drop(file);
    std::fs::rename(&staging, &path)?;
    Ok(path)
}

/// Removes every file in `dir` but those of `keep`, and `dir` itself when none is kept.
/// Best effort; a directory that is not this shell's is left alone.
pub fn retain(dir: &Path, keep: &[&str]) {
    if !is_this_shells(dir) {
        return;
    }
    if keep.is_empty() {
        let _ = std::fs::remove_dir_all(dir);
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !keep.iter().any(|k| name.to_str() == Some(k)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes the directories of shells that are gone. A few syscalls when there are none.
pub fn reap() {
    let base = base();
    let Ok(entries) = std::fs::read_dir(&base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(process) = name.to_str().and_then(Process::parse) else {
            continue;
        };
        if !process.alive() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn uid() -> u32 {
    // SAFETY: getuid(2) cannot fail and has no preconditions.
    unsafe { libc::getuid() }
}

/// When the process started (clock ticks since boot), from /proc/PID/stat; None when there is
/// no such process.
#[cfg(target_os = "linux")]
fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold anything: count after the last ')'.
    let (_, rest) = stat.rsplit_once(')')?;
    // Field 22 (starttime) is the 20th after the name.
    rest.split_whitespace().nth(19)?.parse().ok()
}

/// Elsewhere only whether the PID is in use (0 as the start time).
#[cfg(not(target_os = "linux"))]
fn start_time(pid: u32) -> Option<u64> {
    let pid = libc::pid_t::try_from(pid).ok()?;
    // SAFETY: kill(2) with signal 0 only checks that the process exists.
    let alive = unsafe { libc::kill(pid, 0) } == 0
        || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    alive.then_some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_and_a_finished_one_is_not() {
        let me = Process::of(std::process::id()).unwrap();
        assert!(me.alive());
        assert_eq!(Process::parse(&me.dir_name()), Some(me));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(Process::of(pid).is_none());
        assert!(!Process {
            start: me.start + 1,
            ..me
        }
        .alive());
        assert_eq!(Process::parse("12-x"), None);
        assert_eq!(Process::parse(".A.new"), None);
    }
}
