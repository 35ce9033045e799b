//! fnox started as a plain process (to signal, kill or read while it runs) rather than through
//! assert_cmd, with the sandbox's cleared environment.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use super::Sandbox;

/// fnox as a `std::process::Command` in the sandbox: cleared environment, stdin from /dev/null.
pub fn fnox_command(sb: &Sandbox, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_fnox"));
    cmd.env_clear()
        .env("HOME", &sb.home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .current_dir(&sb.cwd)
        .args(args)
        .stdin(Stdio::null());
    cmd
}

/// Runs `cmd` with `stdin` written to its standard input (then closed), capturing its output.
pub fn output_with_stdin(cmd: &mut std::process::Command, stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {:?}: {e}", cmd.get_program()));
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Runs `fnox set KEY_NN "value NN"` for 0..n all at once; asserts each succeeded.
pub fn parallel_sets(sb: &Sandbox, n: usize) {
    let children: Vec<_> = (0..n)
        .map(|i| {
            fnox_command(sb, &["set", &format!("KEY_{i:02}"), &format!("value {i}")])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn fnox")
        })
        .collect();
    for (i, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "set {i}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A running fnox, killed and reaped if the test ends early.
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

impl Running {
    /// Starts fnox with `envs` added, stdout and stderr piped.
    pub fn spawn(sb: &Sandbox, envs: &[(&str, &Path)], args: &[&str]) -> Running {
        let mut cmd = fnox_command(sb, args);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        Running(cmd.spawn().expect("spawn fnox"))
    }

    /// Starts `wrapper... fnox args...` (e.g. `nohup`), which is expected to exec fnox, with
    /// `envs` added, stdout and stderr piped.
    pub fn spawn_under(
        sb: &Sandbox,
        wrapper: &[&str],
        envs: &[(&str, &Path)],
        args: &[&str],
    ) -> Running {
        let fnox = fnox_command(sb, args);
        let mut cmd = std::process::Command::new(wrapper[0]);
        cmd.args(&wrapper[1..])
            .arg(fnox.get_program())
            .args(fnox.get_args())
            .env_clear()
            .envs(fnox.get_envs().filter_map(|(k, v)| Some((k, v?))))
            .current_dir(&sb.cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        Running(cmd.spawn().expect("spawn fnox"))
    }

    /// Whether fnox is still running (not reaped).
    pub fn running(&mut self) -> bool {
        self.0.try_wait().unwrap().is_none()
    }

    /// Waits (bounded, as a hang guard) until `path` exists; panics if fnox exits first.
    pub fn wait_for_file(&mut self, path: &Path) {
        self.wait_until(path, || path.exists());
    }

    /// Waits (bounded) until `path` exists and is not empty; panics if fnox exits first.
    pub fn wait_for_content(&mut self, path: &Path) {
        self.wait_until(path, || std::fs::metadata(path).is_ok_and(|m| m.len() > 0));
    }

    fn wait_until(&mut self, path: &Path, done: impl Fn() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !done() {
            if let Some(status) = self.0.try_wait().unwrap() {
                panic!("fnox exited ({status}) before {} appeared", path.display());
            }
            assert!(
                Instant::now() < deadline,
                "{} never appeared",
                path.display()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: kill(2) on our own child, which has not been reaped.
        let rc = unsafe { libc::kill(self.0.id() as libc::pid_t, signal) };
        assert_eq!(rc, 0, "kill failed");
    }

    /// Waits (bounded, as a hang guard) for fnox to exit; returns its exit code and stderr.
    pub fn finish(mut self) -> (i32, String) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.0.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "fnox did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut stderr = String::new();
        if let Some(mut err) = self.0.stderr.take() {
            err.read_to_string(&mut stderr).unwrap();
        }
        let status = self.0.wait().unwrap();
        (status.code().unwrap_or(-1), stderr)
    }
}
