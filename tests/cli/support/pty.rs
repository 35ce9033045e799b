//! fnox on a pseudo-terminal, as a person runs it: stdin, stdout and stderr are the terminal and
//! it is the controlling one, for the prompts that only appear there.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::process::fnox_command;
use super::Sandbox;

pub struct Terminal {
    master: File,
    child: Child,
    output: Receiver<Vec<u8>>,
    /// Everything the terminal showed so far.
    pub seen: String,
}

impl Terminal {
    /// Starts `fnox ARGS` with `envs` on a new terminal.
    pub fn spawn(sb: &Sandbox, envs: &[(&str, &Path)], args: &[&str]) -> Terminal {
        Terminal::spawn_sized(sb, envs, args, 24, 80)
    }

    /// Starts `fnox ARGS` with `envs` on a new terminal of `rows` x `cols`.
    pub fn spawn_sized(
        sb: &Sandbox,
        envs: &[(&str, &Path)],
        args: &[&str],
        rows: u16,
        cols: u16,
    ) -> Terminal {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two new descriptors; no name or termios is passed, the size is
        // only read.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors are fresh and owned here.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut cmd = fnox_command(sb, args);
        for (k, v) in envs {
            cmd.env(k, v);
        }
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn fnox on a terminal");
        drop(cmd);
        let mut reader = master.try_clone().unwrap();
        let (tx, output) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // EIO once the last process holding the terminal has exited.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Terminal {
            master,
            child,
            output,
            seen: String::new(),
        }
    }

    /// Waits (up to a minute) until the terminal has shown `text`.
    #[track_caller]
    pub fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !self.seen.contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.seen.push_str(&String::from_utf8_lossy(&chunk)),
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "the terminal never showed {text:?}; it showed: {:?}",
                        self.seen
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "fnox ended without showing {text:?}; it showed: {:?}",
                        self.seen
                    )
                }
            }
        }
    }

    /// Types `line` and Enter once the program reading it has turned echo off (a password
    /// prompt flushes what was typed before it did).
    pub fn type_secret(&mut self, line: &str) {
        use std::os::fd::AsRawFd;
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            // SAFETY: a zeroed termios is a valid buffer for tcgetattr to fill.
            let mut t: libc::termios = unsafe { std::mem::zeroed() };
            // SAFETY: the master descriptor is open; Linux answers with the terminal's settings.
            let rc = unsafe { libc::tcgetattr(self.master.as_raw_fd(), &mut t) };
            assert_eq!(rc, 0, "tcgetattr: {}", std::io::Error::last_os_error());
            if t.c_lflag & libc::ECHO == 0 {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "echo never went off; the terminal showed: {:?}",
                self.seen
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        self.type_line(line);
    }

    /// Types `line` and Enter.
    pub fn type_line(&mut self, line: &str) {
        self.master
            .write_all(format!("{line}\r").as_bytes())
            .unwrap();
    }

    /// Sends `bytes` as typed (e.g. "\x03" for Ctrl-C).
    pub fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).unwrap();
    }

    /// Resizes the terminal (the kernel sends SIGWINCH to its foreground process group).
    pub fn resize(&mut self, rows: u16, cols: u16) {
        use std::os::fd::AsRawFd;
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: TIOCSWINSZ reads the winsize given; the master descriptor is open.
        let rc = unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
        assert_eq!(rc, 0, "TIOCSWINSZ: {}", std::io::Error::last_os_error());
    }

    /// Waits for fnox to exit; its exit code and everything the terminal showed.
    pub fn finish(mut self) -> (i32, String) {
        let status = self.child.wait().unwrap();
        while let Ok(chunk) = self.output.recv_timeout(Duration::from_secs(5)) {
            self.seen.push_str(&String::from_utf8_lossy(&chunk));
        }
        (status.code().unwrap_or(-1), std::mem::take(&mut self.seen))
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
