//! Issue 7, family 5: exec semantics beyond tests/cli/exec.rs: every exit code 0–255, SIGINT and
//! SIGQUIT forwarding, 128+N for more signals, and a closed stdout pipe.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::age_sandbox;
use crate::support::process::fnox_command;

#[test]
fn exec_passes_every_exit_code_through() {
    let sb = age_sandbox();
    sb.run(&["set", "A", "a"]).ok();
    let codes: Vec<i32> = (0..=255).collect();
    // Eight at a time: 256 sequential runs would dominate the suite's wall time.
    for batch in codes.chunks(8) {
        let children: Vec<_> = batch
            .iter()
            .map(|code| {
                let script = format!("exit {code}");
                let child = fnox_command(&sb, &["exec", "--", "sh", "-c", &script])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn fnox");
                (*code, child)
            })
            .collect();
        for (code, child) in children {
            let out = child.wait_with_output().unwrap();
            assert_eq!(out.status.code(), Some(code), "exit {code}");
            assert_eq!(out.stderr, b"", "exit {code}: fnox adds nothing");
        }
    }
}

#[test]
fn exec_returns_128_plus_n_for_more_signals() {
    let sb = age_sandbox();
    for (sig, n) in [
        ("INT", libc::SIGINT),
        ("QUIT", libc::SIGQUIT),
        ("USR1", libc::SIGUSR1),
        ("USR2", libc::SIGUSR2),
        ("ABRT", libc::SIGABRT),
        ("SEGV", libc::SIGSEGV),
        ("PIPE", libc::SIGPIPE),
        ("ALRM", libc::SIGALRM),
    ] {
        let out = sb.run(&["exec", "--", "sh", "-c", &format!("kill -{sig} $$")]);
        assert_eq!(out.code, 128 + n, "SIG{sig}: {}", out.stderr);
    }
}

/// Sends `signal` to fnox once its child is ready; the child's trap must run.
fn assert_forwarded(signal: i32, name: &str) {
    let sb = age_sandbox();
    let script = format!(
        "trap 'printf %s {name} > got; exit 0' {name}\n: > ready\nwhile :; do sleep 0.05; done"
    );
    let mut child = fnox_command(&sb, &["exec", "--", "sh", "-c", &script])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn fnox");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !sb.path("ready").exists() {
        if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!("the child never became ready");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    // SAFETY: kill(2) on our own, unreaped child.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("SIG{name} was not passed on: fnox did not exit");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(0), "SIG{name}");
    assert_eq!(sb.read("got"), name);
}

#[test]
fn exec_forwards_sigint_to_child() {
    assert_forwarded(libc::SIGINT, "INT");
}

#[test]
fn exec_forwards_sigquit_to_child() {
    assert_forwarded(libc::SIGQUIT, "QUIT");
}

#[test]
fn exec_into_a_closed_pipe_exits_quietly() {
    let sb = age_sandbox();
    sb.run(&["set", "A", "a"]).ok();
    let fnox = env!("CARGO_BIN_EXE_fnox");
    for child in [
        &["yes"][..],
        &["sh", "-c", "while :; do echo \"$A\"; done"][..],
    ] {
        let script = r#"p="$1"; shift; { "$p" exec -- "$@" 2>err; echo $? > status; } | head -1"#;
        let out = std::process::Command::new("sh")
            .args(["-c", script, "sh", fnox])
            .args(child)
            .env_clear()
            .env("HOME", &sb.home)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(&sb.cwd)
            .output()
            .unwrap();
        assert!(out.status.success(), "{child:?}");
        assert_eq!(out.stdout.iter().filter(|b| **b == b'\n').count(), 1);
        assert_eq!(sb.read("err"), "", "{child:?}: nothing on stderr");
        // The child died of SIGPIPE: 128 + 13, as a shell reports it.
        assert_eq!(sb.read("status"), "141\n", "{child:?}");
    }
}
