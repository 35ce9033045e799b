//! Core dumps off and memory locked in every fnox process (issue 16, item 10), observed from
//! outside: `fnox exec` waits for its child, and the child reads fnox's own /proc entries
//! (/proc/PPID/limits, /proc/PPID/status, the owner of /proc/PPID) while fnox is running.
//!
//! Run as root, fnox is started as `nobody` (root's /proc entries are root's whatever fnox does,
//! and root has CAP_IPC_LOCK), with the sandbox handed to that user; the locking case runs as
//! root, which CAP_IPC_LOCK lets lock under any limit.

#![cfg(target_os = "linux")]

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Stdio;

use crate::support::Sandbox;

const NOBODY: u32 = 65534;

/// The child's report on its parent (fnox) and on itself.
const PROBE: &str = "cat /proc/$PPID/status /proc/$PPID/limits; \
    echo \"owner $(stat -c %u /proc/$PPID/environ)\"; echo \"self $(stat -c %u /proc/$$/environ)\"; \
    echo \"uid $(id -u)\"; echo \"child_core $(ulimit -c)\"; \
    awk '/^[0-9a-f]+-/ { m = $0 } /^VmFlags:/ { print \"map\", ($0 ~ / lo/ ? \"locked\" : \"unlocked\"), m }' \
    /proc/$PPID/smaps 2>/dev/null; true";

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn hard_memlock_unlimited() -> bool {
    let mut l = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct given.
    unsafe { libc::getrlimit(libc::RLIMIT_MEMLOCK, &mut l) };
    l.rlim_max == libc::RLIM_INFINITY
}

/// Whether this (test) process has CAP_IPC_LOCK, which fnox run as the same user keeps.
fn has_ipc_lock() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("CapEff:"))
                .and_then(|h| u64::from_str_radix(h.trim(), 16).ok())
        })
        .is_some_and(|caps| caps & (1 << 14) != 0)
}

fn chown_tree(path: &Path, uid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), Some(uid)).unwrap();
    if path.is_dir() && !path.is_symlink() {
        for entry in std::fs::read_dir(path).unwrap() {
            chown_tree(&entry.unwrap().path(), uid);
        }
    }
}

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    if is_root() {
        chown_tree(sb.root.path(), NOBODY);
    }
    sb
}

struct Probe {
    text: String,
    stderr: String,
}

impl Probe {
    fn line(&self, prefix: &str) -> &str {
        self.text
            .lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix} line in:\n{}", self.text))
    }

    fn value(&self, prefix: &str) -> String {
        self.line(prefix)[prefix.len()..].trim().to_owned()
    }

    /// The first number after the label (a soft limit, a size in kB).
    fn number(&self, prefix: &str) -> String {
        self.value(prefix)
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned()
    }
}

/// RLIMIT_MEMLOCK for fnox.
#[derive(Clone, Copy)]
enum Memlock {
    /// Unlimited when the hard limit allows it, else as the test has it (for CAP_IPC_LOCK); as
    /// root, fnox stays root.
    RootOrUnlimited,
    Bytes(u64),
}

/// fnox in the sandbox as a std Command (for `pre_exec` and descriptors of the test's own).
fn fnox_std(sb: &Sandbox, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_fnox"));
    cmd.args(args)
        .env_clear()
        .env("HOME", &sb.home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .current_dir(&sb.cwd);
    cmd
}

/// `fnox [-v] exec -- sh -c PROBE` with a core limit of 1 MiB to start from (as far as the hard
/// limit allows), as `nobody` when the tests run as root (except with `RootOrUnlimited`).
fn probe(sb: &Sandbox, verbose: bool, memlock: Memlock) -> Probe {
    let mut args = Vec::new();
    if verbose {
        args.push("-v");
    }
    args.extend(["exec", "--", "sh", "-c", PROBE]);
    let mut cmd = fnox_std(sb, &args);
    // The sandbox's files belong to `nobody` for the runs that drop to it; the runs that stay
    // root must not ignore them as someone else's (this test is about memory, not trust).
    cmd.env("FNOX_TRUST_ALL", "1").stdin(Stdio::null());
    let root = is_root();
    let drop_to_nobody = root && matches!(memlock, Memlock::Bytes(_));
    let unlimited = hard_memlock_unlimited();
    // SAFETY: only async-signal-safe calls (setrlimit, setgroups, setgid, setuid) in the child.
    unsafe {
        cmd.pre_exec(move || {
            let mut core = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::getrlimit(libc::RLIMIT_CORE, &mut core);
            if root && core.rlim_max == 0 {
                core.rlim_max = 1 << 20;
            }
            core.rlim_cur = core.rlim_max.min(1 << 20);
            if libc::setrlimit(libc::RLIMIT_CORE, &core) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            let lock = match memlock {
                Memlock::RootOrUnlimited if unlimited => Some(libc::RLIM_INFINITY),
                Memlock::RootOrUnlimited => None,
                Memlock::Bytes(n) => Some(n),
            };
            if let Some(lock) = lock {
                let lock = libc::rlimit {
                    rlim_cur: lock,
                    rlim_max: lock,
                };
                if libc::setrlimit(libc::RLIMIT_MEMLOCK, &lock) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            if drop_to_nobody
                && (libc::setgroups(0, std::ptr::null()) != 0
                    || libc::setgid(NOBODY) != 0
                    || libc::setuid(NOBODY) != 0)
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().expect("run fnox");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "fnox exec failed:\n{stderr}");
    Probe {
        text: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    }
}

#[test]
fn fnox_runs_with_core_dumps_off_and_not_dumpable_and_its_child_is_dumpable_again() {
    let sb = sandbox();
    let p = probe(&sb, false, Memlock::Bytes(64 << 10));
    // Started with a soft core limit of 1 MiB (when the hard limit allows one): fnox set it to 0.
    assert_eq!(p.number("Max core file size"), "0", "{}", p.text);
    let uid = p.value("uid");
    if uid != "0" {
        // A non-dumpable process's /proc/PID/environ (and mem, maps, ...) belongs to root.
        assert_eq!(p.value("owner"), "0", "fnox is dumpable:\n{}", p.text);
        // The kernel made the child dumpable again when it executed sh.
        assert_eq!(
            p.value("self"),
            uid,
            "the child is not dumpable:\n{}",
            p.text
        );
    }
    // The child inherits the core limit (it holds the same values); it may raise it again.
    assert_eq!(p.value("child_core"), "0");
}

#[test]
fn fnox_locks_its_memory_when_the_memlock_limit_allows_it() {
    if !hard_memlock_unlimited() && !has_ipc_lock() {
        eprintln!("skipping: neither an unlimited RLIMIT_MEMLOCK nor CAP_IPC_LOCK here");
        return;
    }
    let sb = sandbox();
    let p = probe(&sb, true, Memlock::RootOrUnlimited);
    let locked: u64 = p.number("VmLck:").parse().unwrap();
    assert!(locked > 0, "fnox did not lock its memory:\n{}", p.text);
    // Every mapping that can hold a value is locked: each writable one (heap, stack, thread
    // stacks, arenas, the programs' data) and each not backed by a file. Only read-only file
    // mappings (code, constants) and the kernel's vdso/vvar/vsyscall may be left out.
    let maps: Vec<&str> = p.text.lines().filter(|l| l.starts_with("map ")).collect();
    assert!(maps.iter().any(|l| l.contains("[heap]")), "{}", p.text);
    for line in &maps {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (state, perms, inode) = (fields[1], fields[3], fields[6]);
        let name = fields.get(7).copied().unwrap_or("");
        let must = perms.as_bytes()[1] == b'w' || (inode == "0" && !name.starts_with("[v"));
        assert!(
            !must || state == "locked",
            "a mapping that can hold a value is not locked: {line}\n{}",
            p.text
        );
    }
    assert!(
        maps.iter()
            .any(|l| l.contains("unlocked") && l.contains(" r-xp ")),
        "the code need not be locked (locking it was most of the lock's cost):\n{}",
        p.text
    );
    assert!(!p.stderr.contains("memory not locked"), "{}", p.stderr);
}

#[test]
fn a_memlock_limit_leaves_memory_unlocked_and_says_so_only_with_verbose() {
    let sb = sandbox();
    let quiet = probe(&sb, false, Memlock::Bytes(64 << 10));
    assert!(
        !quiet.stderr.contains("memory not locked"),
        "{}",
        quiet.stderr
    );
    let loud = probe(&sb, true, Memlock::Bytes(64 << 10));
    if loud.value("uid") == "0" {
        // Root keeps CAP_IPC_LOCK: the limit does not bind it and fnox locks anyway.
        return;
    }
    assert_eq!(loud.number("VmLck:"), "0", "{}", loud.text);
    assert!(
        loud.stderr.contains(
            "fnox: memory not locked: RLIMIT_MEMLOCK is 64 KiB, not unlimited, so values could be swapped to disk"
        ),
        "{}",
        loud.stderr
    );
}

/// Started with its standard output closed, fnox has /dev/null there (so a file it opens never
/// takes descriptor 1 and its output), and so does the program it runs.
#[test]
fn a_closed_standard_output_is_dev_null_to_fnox_and_its_child() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    let probe = r#"echo "out=$(readlink /proc/$$/fd/1)" >&2"#;
    // exec's child sees /dev/null there; get writes its value to it and succeeds.
    for args in [&["exec", "--", "sh", "-c", probe][..], &["get", "A"][..]] {
        let mut cmd = fnox_std(&sb, args);
        cmd.stdin(Stdio::null()).stderr(Stdio::piped());
        // SAFETY: close is async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                libc::close(1);
                Ok(())
            });
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: stderr: {stderr}");
        if args[0] == "exec" {
            assert!(stderr.contains("out=/dev/null"), "stderr: {stderr}");
        }
    }
}

/// A reader that is already gone is a broken pipe fnox handles (it stops, exit code 0), not a
/// SIGPIPE that kills it.
#[test]
fn fnox_is_not_killed_by_sigpipe_when_its_reader_is_gone() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    let mut fds = [0; 2];
    // SAFETY: pipe writes two descriptors into the array given.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: the read end is ours and closed once; the write end is handed to the child.
    unsafe { libc::close(fds[0]) };
    let write_end =
        unsafe { <std::os::fd::OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fds[1]) };
    for args in [&["get", "A"][..], &["export"][..]] {
        let out = fnox_std(&sb, args)
            .stdin(Stdio::null())
            .stdout(Stdio::from(write_end.try_clone().unwrap()))
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {:?}, stderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
