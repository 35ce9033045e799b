//! Plaintext that a program reads as a file: the `as_file` secrets of `exec`, and the private
//! temporary directory of `edit`.
//!
//! On Linux an `as_file` value lives in memory only: a memfd the command inherits, named for it
//! by the path `/proc/self/fd/N`. Nothing reaches a disk, and nothing outlives the last process
//! holding it, whatever kills fnox. Elsewhere (or where memfd or /proc is unavailable) it is a
//! 0600 file in a fresh 0700 directory that fnox removes once the command exits.
//!
//! Each such directory (`fnox-exec-…`, `fnox-edit-…` in the temp dir) holds a lock file that
//! its fnox keeps locked while it runs; the next fnox that makes one removes every directory of
//! this user whose lock is free: the remains of a fnox killed by SIGKILL or a crash. A lock,
//! unlike a PID, is not fooled by PID reuse or by a fnox in another PID namespace.

use std::io;
use std::path::{Path, PathBuf};

/// The lock file in each private directory; created under another name, locked, then renamed,
/// so a directory that has it is locked by its fnox for as long as that fnox lives.
const LOCK: &str = ".fnox-lock";

/// The names of the private directories (then a random part).
const PREFIXES: [&str; 2] = ["fnox-exec-", "fnox-edit-"];

/// A fresh private directory (0700) in the temp dir, locked while it lives; removed with all it
/// holds when dropped.
pub struct PrivateDir {
    // Declared first, so dropped (unlocked) first: the directory is gone right after.
    _lock: std::fs::File,
    dir: tempfile::TempDir,
}

impl PrivateDir {
    /// `kind`: "exec" or "edit". Removes the stale directories of killed fnox processes first.
    pub fn new(kind: &str) -> io::Result<PrivateDir> {
        remove_stale();
        let prefix = format!("fnox-{kind}-");
        debug_assert!(PREFIXES.contains(&prefix.as_str()));
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o700));
        }
        let dir = builder.tempdir()?;
        let staging = dir.path().join(".fnox-lock.new");
        let lock = std::fs::File::create_new(&staging)?;
        lock.try_lock().map_err(io::Error::from)?;
        std::fs::rename(&staging, dir.path().join(LOCK))?;
        Ok(PrivateDir { _lock: lock, dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Removes this user's private directories whose lock no live fnox holds. Best effort: what
/// cannot be read or removed is left as it is.
pub fn remove_stale() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !PREFIXES.iter().any(|p| name.starts_with(p)) {
            continue;
        }
        let path = entry.path();
        // Not following a symlink: only a real directory of this user is looked into.
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if !meta.is_dir() || !owned_by_me(&meta) {
            continue;
        }
        let Ok(lock) = std::fs::File::open(path.join(LOCK)) else {
            continue;
        };
        if lock.try_lock().is_ok() {
            drop(lock);
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

#[cfg(unix)]
fn owned_by_me(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid(2) cannot fail and has no preconditions.
    meta.uid() == unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn owned_by_me(_meta: &std::fs::Metadata) -> bool {
    // The temp dir is per user on Windows.
    true
}

/// The `as_file` secrets of one command, each at a path the command can open.
pub struct SecretFiles {
    /// (secret name, path)
    paths: Vec<(String, PathBuf)>,
    backing: Backing,
}

enum Backing {
    /// One memfd per secret, close-on-exec in fnox; `pass_to` lets the command inherit them.
    #[cfg(target_os = "linux")]
    Memory(Vec<std::os::fd::OwnedFd>),
    /// One file per secret in a private directory.
    Disk(#[allow(dead_code)] PrivateDir),
}

impl SecretFiles {
    /// In memory where the system allows it, else in files on disk.
    pub fn new<'a>(secrets: &[(&'a str, &'a str)]) -> io::Result<SecretFiles> {
        #[cfg(target_os = "linux")]
        if let Some(files) = in_memory(secrets) {
            return Ok(files);
        }
        on_disk(secrets)
    }

    /// Whether the values are in memory only, where they also survive an exec in place
    /// (`exec --replace`): the command holds them, and they go when it exits.
    pub fn in_memory(&self) -> bool {
        match self.backing {
            #[cfg(target_os = "linux")]
            Backing::Memory(_) => true,
            Backing::Disk(_) => false,
        }
    }

    pub fn path_of(&self, name: &str) -> Option<&Path> {
        self.paths
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.as_path())
    }

    /// Lets the program `cmd` starts (or execs in place) inherit the memfds; no other program
    /// fnox runs gets them.
    pub fn pass_to(&self, cmd: &mut std::process::Command) {
        #[cfg(target_os = "linux")]
        if let Backing::Memory(fds) = &self.backing {
            use std::os::fd::AsRawFd;
            use std::os::unix::process::CommandExt;
            let fds: Vec<i32> = fds.iter().map(|f| f.as_raw_fd()).collect();
            // SAFETY: only fcntl(2), async-signal-safe, between fork and exec; the Vec is
            // moved into the closure and not allocated there.
            unsafe {
                cmd.pre_exec(move || {
                    for fd in &fds {
                        if libc::fcntl(*fd, libc::F_SETFD, 0) == -1 {
                            return Err(io::Error::last_os_error());
                        }
                    }
                    Ok(())
                });
            }
        }
        let _ = cmd;
    }
}

/// The secrets as memfds; None when the kernel or /proc does not allow it (the caller falls
/// back to files).
#[cfg(target_os = "linux")]
fn in_memory(secrets: &[(&str, &str)]) -> Option<SecretFiles> {
    use std::io::{Seek, Write};
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

    let mut fds = Vec::new();
    let mut paths = Vec::new();
    for (name, value) in secrets {
        // The name shows in /proc/PID/fd/ (as `/memfd:fnox-NAME`); it carries no value.
        let label = std::ffi::CString::new(format!("fnox-{name}"))
            .unwrap_or_else(|_| c"fnox-as_file".to_owned());
        // SAFETY: memfd_create(2) with a valid C string; the fd is owned right after.
        let raw = unsafe { libc::memfd_create(label.as_ptr(), libc::MFD_CLOEXEC) };
        if raw < 0 {
            return None;
        }
        // SAFETY: `raw` is a fresh fd that nothing else owns.
        let fd = unsafe { OwnedFd::from_raw_fd(raw) };
        // SAFETY: fchmod(2) on our own fd. As a file's: only its owner may read it (the path
        // already is, through /proc's own access check); failure changes nothing of that.
        unsafe { libc::fchmod(fd.as_raw_fd(), 0o600) };
        let mut file = std::fs::File::from(fd);
        file.write_all(value.as_bytes()).ok()?;
        // The command may read the inherited fd itself rather than open the path.
        file.rewind().ok()?;
        let path = PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()));
        // The same path opens the same memory in fnox: /proc is mounted and usable.
        std::fs::metadata(&path).ok()?;
        fds.push(OwnedFd::from(file));
        paths.push((name.to_string(), path));
    }
    Some(SecretFiles {
        paths,
        backing: Backing::Memory(fds),
    })
}

/// The secrets as 0600 files in a private directory, each named after its secret.
fn on_disk(secrets: &[(&str, &str)]) -> io::Result<SecretFiles> {
    use std::io::Write;
    let dir = PrivateDir::new("exec")?;
    let mut paths: Vec<(String, PathBuf)> = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for (name, value) in secrets {
        let mut file_name: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if file_name.trim_matches('.').is_empty() || file_name == LOCK || taken.contains(&file_name)
        {
            file_name = format!("{file_name}-{}", taken.len());
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let path = dir.path().join(&file_name);
        let mut file = options.open(&path)?;
        file.write_all(value.as_bytes())?;
        taken.push(file_name);
        paths.push((name.to_string(), path));
    }
    Ok(SecretFiles {
        paths,
        backing: Backing::Disk(dir),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_on_disk_are_private_and_removed_when_dropped() {
        let files = on_disk(&[("CERT", "body\n"), ("A/B", "x"), ("A_B", "y")]).unwrap();
        assert!(!files.in_memory());
        let cert = files.path_of("CERT").unwrap().to_path_buf();
        let dir = cert.parent().unwrap().to_path_buf();
        assert_eq!(std::fs::read_to_string(&cert).unwrap(), "body\n");
        let (ab, a_b) = (files.path_of("A/B").unwrap(), files.path_of("A_B").unwrap());
        assert_ne!(ab, a_b, "names made safe stay distinct");
        assert_eq!(std::fs::read_to_string(a_b).unwrap(), "y");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&cert), 0o600);
            assert_eq!(mode(&dir), 0o700);
        }
        drop(files);
        assert!(!dir.exists());
    }

    #[test]
    fn stale_directories_go_and_live_ones_stay() {
        let live = PrivateDir::new("edit").unwrap();
        // A killed fnox's directory: the lock file is there, nobody holds it.
        let stale = PrivateDir::new("exec").unwrap();
        let stale_path = stale.path().to_path_buf();
        std::fs::write(stale_path.join("secret"), "plaintext").unwrap();
        let PrivateDir { _lock, dir } = stale;
        drop(_lock);
        let stale_path = dir.keep();
        // Another program's directory of the same name, without a lock: not fnox's to remove.
        let foreign = tempfile::Builder::new()
            .prefix("fnox-edit-")
            .tempdir()
            .unwrap();
        remove_stale();
        assert!(!stale_path.exists(), "the stale directory is removed");
        assert!(live.path().join(LOCK).exists(), "a live one stays");
        assert!(foreign.path().exists());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn memfds_are_readable_at_their_path_and_closed_on_exec() {
        let files = SecretFiles::new(&[("CERT", "in memory")]).unwrap();
        assert!(files.in_memory());
        let path = files.path_of("CERT").unwrap();
        assert!(path.starts_with("/proc/self/fd/"), "{}", path.display());
        assert_eq!(std::fs::read_to_string(path).unwrap(), "in memory");
        // Without pass_to, a program started does not get them.
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("cat {} 2>/dev/null || echo closed", path.display()))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), "closed\n");
        let mut cmd = std::process::Command::new("cat");
        cmd.arg(path);
        files.pass_to(&mut cmd);
        let out = cmd.output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), "in memory");
    }
}
