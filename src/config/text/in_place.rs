//! A large config file read in place: its pages are mapped from the page cache instead of copied
//! into fresh memory, under a read lease that keeps its bytes what they were when it was opened.
//!
//! Reading a 5 MB fnox.toml with read(2) costs the copy and, before it, the zeroing of the memory
//! it is copied into: a fifth of `fnox get` in a file of 10,000 secrets. A mapping of the file
//! costs neither. But a mapping shows the file as it is now, not as it was: a writer would change a
//! text that was already checked (as UTF-8, by the scanner, against the digest `fnox trust`
//! approved), and a file cut short under a mapping makes a read past its new end fault (SIGBUS).
//!
//! A read lease (`fcntl(F_SETLEASE, F_RDLCK)`) closes that. While it is held, the kernel makes
//! every open of the file for writing, and every truncate, wait, and tells the holder with SIGIO.
//! fnox's handler then puts a copy of the bytes in the mapping's place and lets the lease go; the
//! writer goes on a moment later, and fnox keeps the bytes it read, as with read(2). A lease is given only while no one has the file open for writing, to the
//! file's owner (fnox reads only files you own) or a process with CAP_LEASE, on a file system that
//! has leases; where it is not given, the caller reads the file the ordinary way. (A rename over
//! the file, as every fnox write and `git checkout` make, leaves the open file as it was.)
//!
//! The writer waits as long as the handler takes. If fnox is stopped (Ctrl-Z) while it holds a
//! lease, the signal waits too, and the writer up to `/proc/sys/fs/lease-break-time` (45 s), after
//! which the kernel takes the lease back and fnox, once it goes on, may find the file changed
//! under it. So only a command that holds nothing for long reads in place: `fnox get`
//! (`LoadOptions::only`).
//!
//! The mapping is kept out of the memory lock (`protect`): it holds the file's bytes, which are on
//! disk already, and locking its pages one by one costs more than copying them did.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::sync::atomic::Ordering::{AcqRel, Acquire, Relaxed, Release};
use std::sync::atomic::{AtomicI32, AtomicU8, AtomicUsize};

/// A slot's states. The handler moves HELD to COPYING to OWN, and SETTING to BROKEN; the reader
/// makes every other move.
const FREE: u8 = 0;
/// Being set up or taken down by the reader; the handler only marks that it came.
const SETTING: u8 = 1;
/// The handler came while the slot was being set up: a writer waits for the lease.
const BROKEN: u8 = 2;
/// A mapping under a lease.
const HELD: u8 = 3;
/// The handler is copying the mapping.
const COPYING: u8 = 4;
/// The mapping is a copy and the lease is let go.
const OWN: u8 = 5;

struct Slot {
    state: AtomicU8,
    addr: AtomicUsize,
    len: AtomicUsize,
    fd: AtomicI32,
}

/// The mappings under a lease, where the handler finds them. A command reads one large file, or
/// a few; past four, files are read the ordinary way.
static SLOTS: [Slot; 4] = [const {
    Slot {
        state: AtomicU8::new(FREE),
        addr: AtomicUsize::new(0),
        len: AtomicUsize::new(0),
        fd: AtomicI32::new(-1),
    }
}; 4];

/// A file's bytes, mapped under a read lease.
pub struct InPlace {
    map: Option<memmap2::Mmap>,
    file: Option<File>,
    slot: usize,
}

impl InPlace {
    /// Maps `file` (opened for reading) under a read lease; None where no lease is given.
    pub fn map(file: File) -> Option<InPlace> {
        if !handler_installed() {
            return None;
        }
        let slot = SLOTS.iter().position(|s| {
            s.state
                .compare_exchange(FREE, SETTING, AcqRel, Relaxed)
                .is_ok()
        })?;
        let fd = file.as_raw_fd();
        // SAFETY: fcntl on a descriptor this value owns.
        if unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_RDLCK) } != 0 {
            SLOTS[slot].state.store(FREE, Release);
            return None;
        }
        // From here dropping `held` lets the lease go and frees the slot.
        let mut held = InPlace {
            map: None,
            file: Some(file),
            slot,
        };
        let file = held.file.as_ref()?;
        // The size under the lease: the file cannot shrink or grow while it is held.
        let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
        if len == 0 {
            return None;
        }
        // SAFETY: a private mapping of the file. Its bytes stay as they are while the lease is
        // held, and the lease is let go only once a copy took the mapping's place (`on_signal`).
        let map = unsafe {
            memmap2::MmapOptions::new()
                .len(len)
                .map_copy_read_only(file)
        }
        .ok()?;
        // mlockall's MCL_FUTURE covers new mappings; this one needs no lock (see above). Not yet
        // touched, so nothing was locked; a failure only costs time.
        // SAFETY: changes the lock flag of this mapping only.
        unsafe { libc::munlock(map.as_ptr().cast(), len) };
        let s = &SLOTS[slot];
        s.addr.store(map.as_ptr() as usize, Relaxed);
        s.len.store(len, Relaxed);
        s.fd.store(fd, Relaxed);
        held.map = Some(map);
        // A lease broken while being set up: its writer waits; let it go (drop) and read the
        // ordinary way.
        s.state
            .compare_exchange(SETTING, HELD, AcqRel, Relaxed)
            .ok()?;
        Some(held)
    }

    pub fn bytes(&self) -> &[u8] {
        self.map.as_deref().unwrap_or_default()
    }

    /// Whether the lease is still held (false once a writer made the handler copy the pages).
    #[cfg(test)]
    pub fn leased(&self) -> bool {
        SLOTS[self.slot].state.load(Acquire) == HELD
    }
}

impl Drop for InPlace {
    fn drop(&mut self) {
        let s = &SLOTS[self.slot];
        // Take the slot back from the handler; wait while it copies (on another thread: on this
        // one it would have finished before this code goes on).
        loop {
            match s.state.load(Acquire) {
                COPYING => std::hint::spin_loop(),
                SETTING | BROKEN => break,
                now => {
                    if s.state
                        .compare_exchange(now, SETTING, AcqRel, Relaxed)
                        .is_ok()
                    {
                        break;
                    }
                }
            }
        }
        self.map.take();
        // Closing the descriptor ends its lease.
        self.file.take();
        s.state.store(FREE, Release);
    }
}

/// Installs the SIGIO handler once; false when it could not be.
fn handler_installed() -> bool {
    static INSTALLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *INSTALLED.get_or_init(|| {
        // SAFETY: `on_signal` is async-signal-safe: atomics, mmap, mremap, fcntl and a copy of
        // memory only, no allocation on the heap and no lock.
        unsafe { signal_hook::low_level::register(libc::SIGIO, on_signal) }.is_ok()
    })
}

/// The lease-break signal (SIGIO; fnox uses it for nothing else): every mapping under a lease is
/// replaced by a copy, and its lease let go.
fn on_signal() {
    for s in &SLOTS {
        if s.state
            .compare_exchange(SETTING, BROKEN, AcqRel, Relaxed)
            .is_ok()
            || s.state
                .compare_exchange(HELD, COPYING, AcqRel, Acquire)
                .is_err()
        {
            continue;
        }
        let (addr, len, fd) = (
            s.addr.load(Relaxed),
            s.len.load(Relaxed),
            s.fd.load(Relaxed),
        );
        // SAFETY: `addr..addr + len` is a live mapping (the slot is COPYING, so its owner waits
        // before unmapping it), and what takes its place holds the same bytes.
        if unsafe { make_own(addr, len) } {
            // SAFETY: fcntl on the descriptor the slot's owner keeps open while COPYING.
            unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_UNLCK) };
            s.state.store(OWN, Release);
        } else {
            // No copy, so the lease stays: the writer waits until the kernel takes it back.
            s.state.store(HELD, Release);
        }
    }
}

/// Puts a copy of the file mapping at `addr` in its place: the bytes copied into a new anonymous
/// mapping, which is then moved over the old one (`mremap`), so that a reader on another thread
/// finds the same bytes at the same address throughout. (Making the private mapping's pages
/// copies by writing them is not enough: a truncate drops those copies too.)
unsafe fn make_own(addr: usize, len: usize) -> bool {
    let (rw, anon) = (
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
    );
    let copy = unsafe { libc::mmap(std::ptr::null_mut(), len, rw, anon, -1, 0) };
    if copy == libc::MAP_FAILED {
        return false;
    }
    unsafe { std::ptr::copy_nonoverlapping(addr as *const u8, copy.cast::<u8>(), len) };
    let (flags, to) = (
        libc::MREMAP_MAYMOVE | libc::MREMAP_FIXED,
        addr as *mut libc::c_void,
    );
    if unsafe { libc::mremap(copy, len, len, flags, to) } == libc::MAP_FAILED {
        unsafe { libc::munmap(copy, len) };
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn big_file(dir: &tempfile::TempDir, fill: u8) -> (std::path::PathBuf, Vec<u8>) {
        let path = dir.path().join("fnox.toml");
        let bytes: Vec<u8> = (0..600 * 1024 + 123)
            .map(|i| if i % 64 == 63 { b'\n' } else { fill })
            .collect();
        std::fs::write(&path, &bytes).unwrap();
        (path, bytes)
    }

    #[test]
    fn a_file_is_mapped_under_a_lease_and_reads_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let (path, bytes) = big_file(&dir, b'a');
        let held = InPlace::map(File::open(&path).unwrap()).expect("a lease on our own file");
        assert!(held.leased());
        assert!(held.bytes() == bytes);
        // Dropped, its slot serves again, more often than there are slots.
        drop(held);
        for _ in 0..3 * SLOTS.len() {
            let again = InPlace::map(File::open(&path).unwrap()).unwrap();
            assert!(again.bytes() == bytes);
        }
    }

    /// A writer (here a thread of the same process: the kernel tells the holder all the same)
    /// truncates the file and writes other bytes; it goes on once the handler ran, and the mapped
    /// text is still the file as it was. Without the copy the text would change or fault; without
    /// letting go, the open would wait for the kernel's 45 s.
    #[test]
    fn a_writer_goes_on_and_the_text_keeps_the_bytes_it_had() {
        let dir = tempfile::tempdir().unwrap();
        let (path, bytes) = big_file(&dir, b'a');
        let held = InPlace::map(File::open(&path).unwrap()).unwrap();
        assert!(held.leased());
        let writer = {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut f = File::create(&path).unwrap();
                f.write_all(b"short\n").unwrap();
            })
        };
        writer.join().unwrap();
        assert!(!held.leased(), "the lease was let go");
        assert_eq!(std::fs::read(&path).unwrap(), b"short\n");
        assert!(held.bytes() == bytes, "the text changed with the file");
        // The same from another process, as an editor saving in place would.
        std::fs::write(&path, &bytes).unwrap();
        let again = InPlace::map(File::open(&path).unwrap()).unwrap();
        assert!(again.leased());
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg("printf 'other\\n' > \"$0\"")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        assert!(!again.leased());
        assert_eq!(std::fs::read(&path).unwrap(), b"other\n");
        assert!(again.bytes() == bytes && held.bytes() == bytes);
    }

    /// A file someone has open for writing gets no lease: the caller reads it the ordinary way.
    #[test]
    fn a_file_open_for_writing_is_not_mapped() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = big_file(&dir, b'b');
        let _writer = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        assert!(InPlace::map(File::open(&path).unwrap()).is_none());
    }
}
