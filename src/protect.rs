//! Keeping plaintext in memory only: every fnox process turns core dumps off and, where it may,
//! locks its memory so that values are never swapped to disk. Done first thing in `cli::main`,
//! for every command (values can arrive on the command line itself, as `fnox set KEY VALUE`),
//! with two exceptions that handle no value of their own: `fnox --version` alone does none of it,
//! and the shell hook locks memory (`lock`) only once it finds something changed, before it
//! reads a config file (when nothing changed it decodes its own state and exits; locking was a
//! quarter of that prompt's time, and the environment it inherits is the shell's, unlocked there).
//!
//! - `RLIMIT_CORE` soft limit 0 (the hard limit is kept): no core file. Limits are inherited, so
//!   the programs fnox starts (`exec`'s command, `edit`'s editor, gpg, ...) start with it too;
//!   they hold the same values. A program may raise it again (`ulimit -c unlimited`).
//! - Linux: `prctl(PR_SET_DUMPABLE, 0)`: no core dump even where `core_pattern` pipes to a
//!   collector, no ptrace attach and no `/proc/PID/environ`, `mem`, `maps` for other processes of
//!   the same user. The kernel resets it when a process executes another program (execve), so
//!   children of `exec` and `edit` are ordinary dumpable processes again (gdb and /proc/self work).
//! - Linux: memory locked when that cannot fail later: with an unlimited `RLIMIT_MEMLOCK` or the
//!   CAP_IPC_LOCK capability. Under a finite limit, `MCL_FUTURE` would make an allocation past the
//!   limit fail, so fnox does not lock and says so with `-v`. What is locked: every mapping made
//!   from then on (`mlockall(MCL_FUTURE | MCL_ONFAULT)`: heap growth, thread stacks, arenas, files
//!   read), and of the mappings already there, each that can hold a value, i.e. every writable or
//!   anonymous one (heap, stack, the programs' data), with `mlock2(MLOCK_ONFAULT)`. Read-only file
//!   mappings (the programs' code and constants) are left out: they never hold a value, are never
//!   swapped (only dropped and read again), and locking their pages was most of the lock's cost.
//!   The same goes for a large fnox.toml that `get` maps in place (`config::text`), which is
//!   unlocked as soon as it is mapped: its pages are the file's, on disk already.
//!   Memory locks are not inherited across fork and end at execve.
//! - A panic prints where it happened, never its message: the message of a failed slice or
//!   `expect` may quote the text it was working on, which may be a value.

/// What became of the memory lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    Locked,
    /// `RLIMIT_MEMLOCK` is this many bytes and fnox may not exceed it.
    Limited(u64),
    /// mlockall failed with this errno.
    Failed(i32),
    /// Not done on this system.
    Unsupported,
}

/// Turns core dumps off and keeps panic messages off stderr.
pub fn harden() {
    no_core_dumps();
    std::panic::set_hook(Box::new(|info| {
        eprint!("{}", panic_report(info.location()))
    }));
}

/// Locks memory where possible (once per process); returns what became of the lock.
pub fn lock() -> Lock {
    *LOCK_STATE.get_or_init(lock_memory)
}

/// What `lock` made of the memory lock (None before it ran), for `fnox daemon status`.
static LOCK_STATE: std::sync::OnceLock<Lock> = std::sync::OnceLock::new();

pub fn lock_state() -> Option<Lock> {
    LOCK_STATE.get().copied()
}

/// What a panic prints: the place, and a backtrace with RUST_BACKTRACE (function names only).
pub fn panic_report(location: Option<&std::panic::Location>) -> String {
    let place = location.map_or_else(
        || "an unknown place".to_owned(),
        |l| format!("{}:{}:{}", l.file(), l.line(), l.column()),
    );
    let mut out = format!(
        "fnox panicked at {place} (an internal error; its message is not shown, as it may hold a \
         secret value): please report it\n"
    );
    let backtrace = std::backtrace::Backtrace::capture();
    if backtrace.status() == std::backtrace::BacktraceStatus::Captured {
        out.push_str(&format!("{backtrace}\n"));
    } else {
        out.push_str("note: run with `RUST_BACKTRACE=1` to show a backtrace\n");
    }
    out
}

/// The `-v` line for a lock that was not taken, or None when there is nothing to say.
pub fn lock_note(lock: Lock) -> Option<String> {
    match lock {
        Lock::Locked | Lock::Unsupported => None,
        Lock::Limited(bytes) => Some(format!(
            "memory not locked: RLIMIT_MEMLOCK is {} KiB, not unlimited, so values could be \
             swapped to disk (`ulimit -l unlimited` or LimitMEMLOCK=infinity lets fnox lock it)",
            bytes / 1024
        )),
        Lock::Failed(errno) => Some(format!(
            "memory not locked: mlockall failed ({}), so values could be swapped to disk",
            std::io::Error::from_raw_os_error(errno)
        )),
    }
}

#[cfg(unix)]
fn no_core_dumps() {
    // SAFETY: getrlimit/setrlimit write to and read from the struct given, nothing else.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_CORE, &mut limit) == 0 {
            limit.rlim_cur = 0;
            libc::setrlimit(libc::RLIMIT_CORE, &limit);
        }
    }
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_DUMPABLE takes one integer argument and changes only this process's flag.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

#[cfg(not(unix))]
fn no_core_dumps() {}

#[cfg(target_os = "linux")]
fn lock_memory() -> Lock {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct given.
    if unsafe { libc::getrlimit(libc::RLIMIT_MEMLOCK, &mut limit) } != 0 {
        return Lock::Failed(std::io::Error::last_os_error().raw_os_error().unwrap_or(0));
    }
    if limit.rlim_cur != libc::RLIM_INFINITY && !has_ipc_lock() {
        return Lock::Limited(limit.rlim_cur);
    }
    // SAFETY: mlockall takes flags only. MCL_ONFAULT (Linux 4.4) locks pages as they are first
    // touched instead of faulting in every new mapping (thread stacks, arenas) at once.
    if unsafe { libc::mlockall(libc::MCL_FUTURE | libc::MCL_ONFAULT) } != 0 {
        let first = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if first != libc::EINVAL || unsafe { libc::mlockall(libc::MCL_FUTURE) } != 0 {
            return Lock::Failed(first);
        }
    }
    let Ok(maps) = read_maps() else {
        // Without the list, lock everything there is (the slower way).
        return lock_all();
    };
    for (start, end) in lockable(&maps) {
        let (addr, len) = (start as *const libc::c_void, (end - start) as usize);
        // SAFETY: mlock2/mlock change the flags of this process's own mappings in the range, which
        // /proc/self/maps just listed; they neither read nor write memory.
        let locked = unsafe {
            libc::syscall(libc::SYS_mlock2, addr, len, libc::MLOCK_ONFAULT) == 0
                || libc::mlock(addr, len) == 0
        };
        if !locked {
            return Lock::Failed(std::io::Error::last_os_error().raw_os_error().unwrap_or(0));
        }
    }
    Lock::Locked
}

/// /proc/self/maps, read with room for a typical process's 4-8 KiB at once: the file's size says
/// 0, so an unsized read starts at 32 bytes and doubles, one system call each (nine here).
#[cfg(target_os = "linux")]
fn read_maps() -> std::io::Result<String> {
    use std::io::Read;
    let mut maps = String::with_capacity(16 << 10);
    // Through `take`: a File's own read_to_string would ask its size first (fstat, lseek).
    std::fs::File::open("/proc/self/maps")?
        .take(u64::MAX)
        .read_to_string(&mut maps)?;
    Ok(maps)
}

#[cfg(target_os = "linux")]
fn lock_all() -> Lock {
    let flags = libc::MCL_CURRENT | libc::MCL_FUTURE;
    // SAFETY: mlockall takes flags only.
    if unsafe { libc::mlockall(flags | libc::MCL_ONFAULT) } == 0 {
        return Lock::Locked;
    }
    let first = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    if first == libc::EINVAL && unsafe { libc::mlockall(flags) } == 0 {
        return Lock::Locked;
    }
    Lock::Failed(first)
}

/// The address ranges of /proc/self/maps that can hold a value: every mapping that is writable or
/// not backed by a file, except the kernel's own ([vdso], [vvar], [vsyscall]); neighbours joined.
#[cfg(any(target_os = "linux", test))]
fn lockable(maps: &str) -> Vec<(u64, u64)> {
    let mut ranges: Vec<(u64, u64)> = Vec::new();
    for line in maps.lines() {
        let mut fields = line.split_ascii_whitespace();
        let (Some(range), Some(perms), Some(_offset), Some(_dev), Some(inode)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            continue;
        };
        let name = fields.next().unwrap_or("");
        let writable = perms.as_bytes().get(1) == Some(&b'w');
        let anonymous = inode == "0" && !name.starts_with("[v");
        if !(writable || anonymous) {
            continue;
        }
        let Some((start, end)) = range.split_once('-') else {
            continue;
        };
        let (Ok(start), Ok(end)) = (u64::from_str_radix(start, 16), u64::from_str_radix(end, 16))
        else {
            continue;
        };
        match ranges.last_mut() {
            Some(last) if last.1 == start => last.1 = end,
            _ => ranges.push((start, end)),
        }
    }
    ranges
}

#[cfg(not(target_os = "linux"))]
fn lock_memory() -> Lock {
    Lock::Unsupported
}

/// Whether this process has CAP_IPC_LOCK (then RLIMIT_MEMLOCK does not bind it).
#[cfg(target_os = "linux")]
fn has_ipc_lock() -> bool {
    const CAP_IPC_LOCK: u32 = 14;
    const VERSION_3: u32 = 0x2008_0522;
    #[repr(C)]
    struct Header {
        version: u32,
        pid: i32,
    }
    #[repr(C)]
    #[derive(Clone, Copy)]
    struct Data {
        effective: u32,
        permitted: u32,
        inheritable: u32,
    }
    let mut header = Header {
        version: VERSION_3,
        pid: 0,
    };
    let mut data = [Data {
        effective: 0,
        permitted: 0,
        inheritable: 0,
    }; 2];
    // SAFETY: capget reads the header and writes two data structs (version 3) for this process.
    let ok = unsafe { libc::syscall(libc::SYS_capget, &mut header, data.as_mut_ptr()) } == 0;
    ok && data[0].effective & (1 << CAP_IPC_LOCK) != 0
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    #[test]
    fn the_lock_takes_writable_and_anonymous_mappings_and_leaves_read_only_files() {
        let maps = "\
5600-5700 r--p 00000000 fe:00 42   /usr/bin/fnox
5700-5900 r-xp 00100000 fe:00 42   /usr/bin/fnox
5900-5a00 r--p 00300000 fe:00 42   /usr/bin/fnox
5a00-5b00 rw-p 00400000 fe:00 42   /usr/bin/fnox
5b00-5c00 rw-p 00000000 00:00 0 
6000-7000 rw-p 00000000 00:00 0    [heap]
7f00-7f10 ---p 00000000 00:00 0 
7f10-7f20 rw-p 00000000 00:00 0 
7f30-7f40 r-xp 00000000 fe:00 7    /usr/lib/libc.so.6
7f40-7f50 rw-p 00010000 fe:00 7    /usr/lib/libc.so.6
7ff0-7ff8 rw-p 00000000 00:00 0    [stack]
7ff8-7ffa r--p 00000000 00:00 0    [vvar]
7ffa-7ffc r-xp 00000000 00:00 0    [vdso]
ff60-ff61 --xp 00000000 00:00 0    [vsyscall]
";
        assert_eq!(
            super::lockable(maps),
            [
                (0x5a00, 0x5c00),
                (0x6000, 0x7000),
                (0x7f00, 0x7f20),
                (0x7f40, 0x7f50),
                (0x7ff0, 0x7ff8)
            ]
        );
    }

    #[test]
    fn a_panic_report_never_carries_the_panic_message() {
        static REPORT: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(|info| {
            let payload = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_default();
            let report = super::panic_report(info.location());
            REPORT.lock().unwrap().push((payload, report));
        }));
        // A real panic whose message quotes the text it was slicing.
        let value = String::from("cAnArY-panic-é");
        let cut = value.len() - 1;
        let caught = std::panic::catch_unwind(|| value[..cut].len());
        std::panic::set_hook(previous);
        assert!(caught.is_err());
        let reports = REPORT.lock().unwrap();
        let (payload, report) = reports
            .iter()
            .find(|(p, _)| p.contains("char boundary"))
            .expect("the slice panicked");
        assert!(payload.contains("cAnArY"), "the control: {payload}");
        assert!(!report.contains("cAnArY"), "{report}");
        assert!(
            report.starts_with("fnox panicked at src/protect.rs:"),
            "{report}"
        );
    }
}
