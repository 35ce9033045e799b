//! The fnox binary.
//!
//! On Unix, fnox starts from C's `main` (`no_main`) instead of Rust's runtime start-up. That
//! start-up asks glibc for the main thread's stack bounds, which glibc finds by reading and
//! parsing /proc/self/maps (~100,000 instructions, and the kernel's listing of every mapping),
//! only to place a guard for the "has overflowed its stack" message; it was 5-7% of
//! `fnox --version` (1.93 to 1.82 ms). Of the rest of that start-up, fnox needs, and does here,
//! what keeps files and pipes safe: a closed standard descriptor opened on /dev/null (so that no
//! file fnox opens takes its number and receives output meant for it), and SIGPIPE ignored, so a
//! closed pipe is an error fnox handles, as under Rust's start-up. Programs fnox starts get the
//! default SIGPIPE back, as before (std's process spawning resets it). A stack overflow still ends
//! the process, by SIGSEGV, without that message. Arguments, the environment and the exit flush
//! of stdout (`std::process::exit`) are as under Rust's start-up.

// The test harness brings its own `main` (this crate has no tests of its own, but `cargo test`
// builds it), so it is left alone there.
#![cfg_attr(all(unix, not(test)), no_main)]

#[cfg(all(unix, not(test)))]
#[no_mangle]
extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    standard_descriptors();
    // SAFETY: sets the disposition of one signal; no handler runs.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    std::process::exit(fnox::cli::main())
}

#[cfg(not(all(unix, not(test))))]
fn main() {
    std::process::exit(fnox::cli::main());
}

/// Opens /dev/null on each of descriptors 0, 1 and 2 that is closed.
#[cfg(all(unix, not(test)))]
fn standard_descriptors() {
    let mut fds = [0, 1, 2].map(|fd| libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    });
    // SAFETY: poll reads and writes the three structs given; a timeout of 0 never blocks.
    let polled = unsafe { libc::poll(fds.as_mut_ptr(), 3, 0) } != -1;
    for f in fds {
        let closed = if polled {
            f.revents & libc::POLLNVAL != 0
        } else {
            // SAFETY: F_GETFD only reads the descriptor's flags.
            let flags = unsafe { libc::fcntl(f.fd, libc::F_GETFD) };
            flags == -1 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF)
        };
        // The lowest free number is this one: the ones before it are open or were just opened.
        // SAFETY: opens a path given as a C string; the descriptor stays open for the process.
        if closed && unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) } == -1 {
            std::process::abort();
        }
    }
}
