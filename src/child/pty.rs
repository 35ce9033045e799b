//! A pseudo-terminal between the command and fnox's own terminal, so that output can be masked
//! without the command losing its terminal: it still sees a tty on the streams that were one
//! (colours, prompts, line editing, job control keys), with the window size of the real one.
//!
//! The command's terminal streams are the pty's slave side, and the command leads a session
//! whose controlling terminal it is. fnox copies its own stdin to the master (its terminal in
//! raw mode meanwhile, so keys such as Ctrl-C reach the command's line discipline as bytes and
//! become the command's signals there), and the master's output, masked, to its terminal.
//! A resize of fnox's terminal is copied to the pty, which the kernel tells the command about.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

/// The pty, and which of fnox's streams (stdin, stdout, stderr) are terminals it stands in for.
pub struct Pty {
    master: File,
    slave: OwnedFd,
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// fnox's terminal: the window size is read from it.
    terminal: RawFd,
}

fn is_terminal(fd: RawFd) -> bool {
    // SAFETY: isatty(3) only inspects the descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

fn last_error(what: &str) -> io::Error {
    let e = io::Error::last_os_error();
    io::Error::new(e.kind(), format!("{what}: {e}"))
}

impl Pty {
    /// A pty like fnox's terminal (its settings and size) when fnox's stdout or stderr is one;
    /// None when neither is (pipes are masked without one).
    pub fn for_terminal_streams() -> io::Result<Option<Pty>> {
        let (stdin, stdout, stderr) = (is_terminal(0), is_terminal(1), is_terminal(2));
        if !stdout && !stderr {
            return Ok(None);
        }
        let terminal = if stdout { 1 } else { 2 };
        // SAFETY: all-zero termios and winsize are valid buffers for the calls to fill.
        let mut settings: libc::termios = unsafe { std::mem::zeroed() };
        let mut size: libc::winsize = unsafe { std::mem::zeroed() };
        // SAFETY: `terminal` is a terminal descriptor; the buffers are owned and writable.
        unsafe {
            if libc::tcgetattr(terminal, &mut settings) != 0 {
                return Err(last_error("cannot read the terminal's settings"));
            }
            // A terminal that reports no size (0x0) is passed on as such.
            libc::ioctl(terminal, libc::TIOCGWINSZ, &mut size);
        }
        let (mut master, mut slave) = (-1, -1);
        // SAFETY: openpty writes two new descriptors; settings and size are read only.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                &settings,
                &size,
            )
        };
        if rc != 0 {
            return Err(last_error("cannot open a pseudo-terminal"));
        }
        // SAFETY: both descriptors are fresh and owned from here on.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        for fd in [master.as_raw_fd(), slave.as_raw_fd()] {
            // Neither may leak into the command (or anything else fnox starts) by number.
            // SAFETY: fcntl(2) on descriptors owned here.
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
        }
        Ok(Some(Pty {
            master,
            slave,
            stdin,
            stdout,
            stderr,
            terminal,
        }))
    }

    /// The slave side, for one of the command's streams.
    pub fn slave(&self) -> io::Result<Stdio> {
        Ok(Stdio::from(self.slave.try_clone()?))
    }

    /// Makes the command a session leader with the pty as its controlling terminal.
    pub fn control(&self, cmd: &mut Command) {
        // SAFETY: only async-signal-safe calls between fork and exec. The slave is one of the
        // command's standard streams by then (they are set up before these hooks run).
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(io::Error::last_os_error());
                }
                for fd in 0..3 {
                    if libc::isatty(fd) == 1 {
                        if libc::ioctl(fd, libc::TIOCSCTTY, 0) < 0 {
                            return Err(io::Error::last_os_error());
                        }
                        break;
                    }
                }
                Ok(())
            });
        }
    }

    /// Drops fnox's copy of the slave side, once the command has it: the master's output ends
    /// (EIO) when the last process holding the slave is gone.
    pub fn into_master(self) -> File {
        self.master
    }

    /// Gives the pty fnox's terminal's current size.
    pub fn resize_from(terminal: RawFd, master: &File) {
        // SAFETY: an all-zero winsize is a valid buffer; both calls only read or write it.
        unsafe {
            let mut size: libc::winsize = std::mem::zeroed();
            if libc::ioctl(terminal, libc::TIOCGWINSZ, &mut size) == 0 {
                libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size);
            }
        }
    }

    /// fnox's terminal descriptor, for [`Pty::resize_from`].
    pub fn terminal(&self) -> RawFd {
        self.terminal
    }
}

/// The master side read as a stream: the EIO Linux answers once no process holds the slave
/// any more is its end.
pub struct Output(pub File);

impl Read for Output {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.0.read(buf) {
            Err(e) if e.raw_os_error() == Some(libc::EIO) => Ok(0),
            other => other,
        }
    }
}

/// fnox's terminal in raw mode while the command runs; restored when dropped.
pub struct RawMode {
    saved: libc::termios,
}

impl RawMode {
    /// Raw mode on fnox's stdin (a terminal): keys go to the command's pty as typed, unechoed
    /// here (the pty echoes), and without signals made here.
    pub fn enter() -> io::Result<RawMode> {
        // SAFETY: an all-zero termios is a valid buffer for tcgetattr to fill; stdin is open.
        unsafe {
            let mut saved: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut saved) != 0 {
                return Err(last_error("cannot read the terminal's settings"));
            }
            let mut raw = saved;
            libc::cfmakeraw(&mut raw);
            if libc::tcsetattr(0, libc::TCSANOW, &raw) != 0 {
                return Err(last_error("cannot put the terminal in raw mode"));
            }
            Ok(RawMode { saved })
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the settings read from the same descriptor.
        unsafe { libc::tcsetattr(0, libc::TCSADRAIN, &self.saved) };
    }
}

/// Copies fnox's stdin to the pty as it arrives, until either side closes. The thread is not
/// joined: when the command exits, fnox exits with it while this still waits for a key.
pub fn forward_input(mut master: File) {
    use std::io::Write;
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        let mut stdin = io::stdin().lock();
        loop {
            let n = match stdin.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            };
            if master.write_all(&buf[..n]).is_err() {
                break;
            }
        }
    });
}
