//! `fnox daemon` and the daemon-backed reads, with the real binary and a real daemon per test
//! (its socket under the sandbox: XDG_RUNTIME_DIR points there). That a value came from the
//! daemon is proven by taking away what a direct read needs: the age identity is deleted after
//! the first read, so only the cache can still answer.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixListener;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::support::{age_config, Output, Sandbox};

struct Daemon {
    sb: Sandbox,
    run: PathBuf,
}

impl Daemon {
    /// An age sandbox whose fnox.toml has `[daemon]` with `daemon_table` and secret A sealed to
    /// the test identity (plus `extra` before the secrets).
    fn new(daemon_table: &str, extra: &str) -> Daemon {
        let sb = Sandbox::new();
        let run = sb.root.path().join("run");
        std::fs::create_dir(&run).unwrap();
        std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
        sb.write(
            "fnox.toml",
            &format!("[daemon]\n{daemon_table}\n\n{extra}\n{}", age_config()),
        );
        let d = Daemon { sb, run };
        d.run(&["set", "A", "alpha-value"]).ok();
        d
    }

    fn cmd(&self, args: &[&str]) -> assert_cmd::Command {
        let mut c = self.sb.fnox();
        c.env("XDG_RUNTIME_DIR", &self.run).args(args);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.sb.output(&mut self.cmd(args))
    }

    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut c = self.cmd(args);
        for (k, v) in env {
            c.env(k, v);
        }
        self.sb.output(&mut c)
    }

    fn socket_dir(&self) -> PathBuf {
        self.run.join("fnox")
    }

    fn entries(&self) -> u64 {
        let out = self.run(&["daemon", "status", "--json"]);
        let v: serde_json::Value = serde_json::from_str(out.ok()).unwrap();
        v["entries"].as_u64().unwrap()
    }

    /// Takes the identity away: a direct read of A now fails.
    fn drop_identity(&self) {
        std::fs::remove_file(self.sb.home.join(".config/fnox/age.txt")).unwrap();
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.cmd(&["daemon", "stop"]).output();
    }
}

#[test]
fn start_status_clear_stop() {
    let d = Daemon::new("enabled = true", "");
    let out = d.run(&["daemon", "status"]);
    assert_eq!(out.code, 1, "{}", out.all());
    assert_eq!(out.stdout, "not running\n");
    assert!(d
        .run(&["daemon", "start"])
        .stderr
        .contains("fnox daemon started (pid "));
    assert!(d
        .run(&["daemon", "start"])
        .stderr
        .contains("already running"));
    let status = d.run(&["daemon", "status"]);
    assert!(status.ok().starts_with("running (pid "), "{}", status.all());
    assert_eq!(d.entries(), 0);
    assert_eq!(d.run(&["get", "A"]).ok(), "alpha-value\n");
    // A's value and the MAC key of its provider (for the integrity check).
    assert_eq!(d.entries(), 2);
    assert!(d.run(&["daemon", "clear"]).stderr.contains("cleared"));
    assert_eq!(d.entries(), 0);
    assert!(d
        .run(&["daemon", "stop"])
        .stderr
        .contains("fnox daemon stopped"));
    assert_eq!(d.run(&["daemon", "status"]).code, 1);
    assert!(!d.socket_dir().join("fnoxd.sock").exists());
}

#[test]
fn get_is_served_from_the_daemon_and_bypassed_on_request() {
    let d = Daemon::new("enabled = true", "");
    d.run(&["daemon", "start"]).ok();
    assert_eq!(d.run(&["get", "A"]).ok(), "alpha-value\n");
    d.drop_identity();
    // Only the daemon's memory can answer now.
    assert_eq!(d.run(&["get", "A"]).ok(), "alpha-value\n");
    let out = d.run(&["exec", "--", "sh", "-c", "printf %s \"$A\""]);
    assert_eq!(out.ok(), "alpha-value");
    assert!(d.run(&["export"]).ok().contains("alpha-value"));
    // A direct read fails without the identity.
    let direct = d.run(&["--no-daemon", "get", "A"]);
    assert!(direct.fails(1).contains("identity"), "{}", direct.all());
    assert_eq!(d.run_env(&["get", "A"], &[("FNOX_DAEMON", "off")]).code, 1);
}

#[test]
fn fnox_daemon_on_uses_it_without_the_config_and_starts_it() {
    let d = Daemon::new("", "");
    // Not enabled: nothing is started.
    d.run(&["get", "A"]).ok();
    assert_eq!(d.run(&["daemon", "status"]).code, 1);
    // FNOX_DAEMON=on starts it on demand (the command resolves directly meanwhile).
    let out = d.run_env(&["get", "A"], &[("FNOX_DAEMON", "on")]);
    assert_eq!(out.ok(), "alpha-value\n");
    assert_eq!(
        out.stderr, "",
        "no warning when the daemon is merely started"
    );
    let until = Instant::now() + Duration::from_secs(5);
    while d.run(&["daemon", "status"]).code != 0 {
        assert!(Instant::now() < until, "the daemon did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    d.run_env(&["get", "A"], &[("FNOX_DAEMON", "on")]).ok();
    assert_eq!(d.entries(), 2);
    d.drop_identity();
    assert_eq!(
        d.run_env(&["get", "A"], &[("FNOX_DAEMON", "on")]).ok(),
        "alpha-value\n"
    );
}

#[test]
fn a_changed_config_file_or_profile_or_environment_is_a_fresh_read() {
    let d = Daemon::new("enabled = true", "[profiles.other]\n");
    d.run(&["daemon", "start"]).ok();
    d.run(&["get", "A"]).ok();
    d.drop_identity();
    assert_eq!(d.run(&["get", "A"]).ok(), "alpha-value\n");
    // Another profile, another key: read afresh (and fails without the identity).
    assert_eq!(d.run(&["-P", "other", "get", "A"]).code, 1);
    // So does a provider variable of the environment.
    assert_eq!(d.run_env(&["get", "A"], &[("AWS_PROFILE", "x")]).code, 1);
    assert_eq!(d.run(&["get", "A"]).ok(), "alpha-value\n");
    // Any edit of fnox.toml, even a comment.
    let text = d.sb.read("fnox.toml");
    d.sb.write("fnox.toml", &format!("{text}# edited\n"));
    assert_eq!(d.run(&["get", "A"]).code, 1);
}

#[test]
fn daemon_cache_false_is_never_kept() {
    let d = Daemon::new("enabled = true", "");
    d.run(&["set", "B", "beta-value"]).ok();
    let text = d.sb.read("fnox.toml");
    let text = text.replacen("B= { ", "B= { daemon_cache = false, ", 1);
    assert!(text.contains("daemon_cache = false"), "{text}");
    d.sb.write("fnox.toml", &text);
    d.run(&["daemon", "start"]).ok();
    assert_eq!(d.run(&["get", "B"]).ok(), "beta-value\n");
    // Only the provider's MAC key, not B.
    assert_eq!(d.entries(), 1);
    assert_eq!(d.run(&["get", "A"]).ok(), "alpha-value\n");
    assert_eq!(d.entries(), 2);
    d.drop_identity();
    assert_eq!(d.run(&["get", "A"]).ok(), "alpha-value\n");
    assert_eq!(d.run(&["get", "B"]).code, 1);
}

#[test]
fn a_provider_with_daemon_cache_false_is_never_kept() {
    let d = Daemon::new("enabled = true", "");
    let text = d.sb.read("fnox.toml").replacen(
        "type = \"age\",",
        "type = \"age\", daemon_cache = false,",
        1,
    );
    d.sb.write("fnox.toml", &text);
    d.run(&["daemon", "start"]).ok();
    assert_eq!(d.run(&["get", "A"]).ok(), "alpha-value\n");
    assert_eq!(d.entries(), 0);
}

#[test]
fn a_wedged_daemon_falls_back_within_the_deadline_with_a_warning() {
    let d = Daemon::new("enabled = true", "");
    std::fs::create_dir(d.socket_dir()).unwrap();
    std::fs::set_permissions(d.socket_dir(), std::fs::Permissions::from_mode(0o700)).unwrap();
    // Accepts connections (the kernel's backlog) and never answers.
    let _wedged = UnixListener::bind(d.socket_dir().join("fnoxd.sock")).unwrap();
    let started = Instant::now();
    let out = d.run(&["get", "A"]);
    let took = started.elapsed();
    assert_eq!(out.ok(), "alpha-value\n");
    assert!(took < Duration::from_secs(4), "took {took:?}");
    assert!(
        out.stderr
            .contains("warning: the fnox daemon did not answer"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("fnox::daemon::unavailable"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.matches("warning").count(), 1, "{}", out.stderr);
}

#[test]
fn the_socket_directory_is_0700_and_an_unsafe_one_is_refused() {
    let d = Daemon::new("enabled = true", "");
    d.run(&["daemon", "start"]).ok();
    let mode = std::fs::metadata(d.socket_dir())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
    d.run(&["daemon", "stop"]).ok();
    std::fs::set_permissions(d.socket_dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = d.run(&["get", "A"]);
    assert_eq!(out.ok(), "alpha-value\n");
    assert!(
        out.stderr.contains("fnox::daemon::unsafe_dir"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("its mode is 0755"), "{}", out.stderr);
    let start = d.run(&["daemon", "start"]);
    assert!(
        start.fails(1).contains("fnox::daemon::unsafe_dir"),
        "{}",
        start.all()
    );
}

/// Running as another user needs root and a second account; instead the debug-build hook
/// FNOX_DAEMON_TEST_PEER_UID makes one side expect another uid, so each refusal runs for real.
#[test]
fn a_peer_of_another_uid_is_refused_both_ways() {
    let d = Daemon::new("enabled = true", "");
    d.run(&["daemon", "start"]).ok();
    // The client expects someone else at the socket: it sends nothing and resolves directly.
    let out = d.run_env(&["get", "A"], &[("FNOX_DAEMON_TEST_PEER_UID", "4242")]);
    assert_eq!(out.ok(), "alpha-value\n");
    assert!(
        out.stderr.contains("fnox::daemon::foreign_peer"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("belongs to uid"), "{}", out.stderr);
    assert_eq!(d.entries(), 0);
    d.run(&["daemon", "stop"]).ok();
    // A daemon that expects another uid closes our connection unanswered.
    let mut serve = std::process::Command::new(assert_cmd::cargo::cargo_bin("fnox"));
    serve
        .args(["daemon", "serve"])
        .env("XDG_RUNTIME_DIR", &d.run)
        .env("FNOX_DAEMON_TEST_PEER_UID", "4242")
        .stderr(std::process::Stdio::null());
    let mut child = serve.spawn().unwrap();
    let until = Instant::now() + Duration::from_secs(5);
    while !d.socket_dir().join("fnoxd.sock").exists() {
        assert!(Instant::now() < until);
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = d.run(&["daemon", "status"]);
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        status.fails(1).contains("fnox::daemon::unavailable"),
        "{}",
        status.all()
    );
}

#[test]
fn the_daemon_exits_after_its_idle_timeout() {
    let d = Daemon::new("enabled = true\nidle_timeout = \"1s\"", "");
    d.run(&["daemon", "start"]).ok();
    let status = d.run(&["daemon", "status", "--json"]);
    assert!(
        status.ok().contains("\"idle_timeout_secs\":1"),
        "{}",
        status.all()
    );
    let until = Instant::now() + Duration::from_secs(6);
    while d.run(&["daemon", "status"]).code == 0 {
        assert!(
            Instant::now() < until,
            "still running after its idle timeout"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(!d.socket_dir().join("fnoxd.sock").exists());
    // FNOX_DAEMON_IDLE_TIMEOUT wins over the file.
    d.run_env(&["daemon", "start"], &[("FNOX_DAEMON_IDLE_TIMEOUT", "1h")])
        .ok();
    assert!(d
        .run(&["daemon", "status", "--json"])
        .ok()
        .contains("\"idle_timeout_secs\":3600"));
    let bad = d.run_env(
        &["daemon", "start"],
        &[("FNOX_DAEMON_IDLE_TIMEOUT", "soon")],
    );
    assert!(bad.fails(1).contains("fnox::daemon::invalid_timeout"));
}
