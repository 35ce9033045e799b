//! `fnox exec --mask`: secret values replaced by `[REDACTED]` in the command's output when it
//! goes to pipes or, through a pseudo-terminal of the command's own, to a terminal; the rest of
//! exec unchanged.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use crate::support::process::{fnox_command, Running};
use crate::support::pty::Terminal;
use crate::support::{age_sandbox, Sandbox};

const VALUE: &str = "hunter2-s3cret";

fn sandbox() -> Sandbox {
    let sb = age_sandbox();
    sb.run(&["set", "TOKEN", VALUE]).ok();
    sb
}

#[test]
fn mask_replaces_the_value_on_stdout_and_stderr() {
    let sb = sandbox();
    let script = r#"printf 'out:%s\n' "$TOKEN"; printf 'err:%s\n' "$TOKEN" >&2"#;
    let out = sb.run(&["exec", "--mask", "--", "sh", "-c", script]);
    assert_eq!(out.ok(), "out:[REDACTED]\n");
    assert_eq!(out.stderr, "err:[REDACTED]\n");
    // FNOX_MASK=1 does the same.
    let out = sb.output(
        sb.fnox()
            .env("FNOX_MASK", "1")
            .args(["exec", "--", "sh", "-c", script]),
    );
    assert_eq!(out.ok(), "out:[REDACTED]\n");
    assert_eq!(out.stderr, "err:[REDACTED]\n");
    // Without --mask the output is the command's own, byte for byte.
    let out = sb.run(&["exec", "--", "sh", "-c", script]);
    assert_eq!(out.ok(), format!("out:{VALUE}\n"));
    assert_eq!(out.stderr, format!("err:{VALUE}\n"));
}

#[test]
fn mask_catches_a_value_split_across_writes() {
    let sb = sandbox();
    let script = r#"printf 'a %s' "${TOKEN%%s3cret}"; sleep 0.3; printf '%s b\n' s3cret
        printf '%s' "${TOKEN%%-s3cret}" >&2; sleep 0.2; printf '%s\n' -s3cret >&2"#;
    let out = sb.run(&["exec", "--mask", "--", "sh", "-c", script]);
    assert_eq!(out.ok(), "a [REDACTED] b\n");
    assert_eq!(out.stderr, "[REDACTED]\n");
    assert!(!out.raw_stdout.windows(6).any(|w| w == b"s3cret"));
}

#[test]
fn mask_streams_output_while_the_command_runs() {
    let sb = sandbox();
    let script =
        r#"printf 'first %s\n' "$TOKEN"; while [ ! -e go ]; do sleep 0.05; done; echo done"#;
    let mut child = fnox_command(&sb, &["exec", "--mask", "--", "sh", "-c", script])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 256];
        while let Ok(n @ 1..) = stdout.read(&mut buf) {
            if tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    while !seen.ends_with(b"first [REDACTED]\n") {
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(chunk) => seen.extend(chunk),
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "no output while the command ran: {:?}",
                    String::from_utf8_lossy(&seen)
                );
            }
        }
    }
    sb.write("go", "");
    let status = child.wait().unwrap();
    while let Ok(chunk) = rx.recv_timeout(Duration::from_secs(5)) {
        seen.extend(chunk);
    }
    assert_eq!(status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&seen), "first [REDACTED]\ndone\n");
}

#[test]
fn mask_keeps_exit_codes_and_signal_deaths() {
    let sb = sandbox();
    let out = sb.run(&[
        "exec",
        "--mask",
        "--",
        "sh",
        "-c",
        r#"echo "$TOKEN"; exit 7"#,
    ]);
    assert_eq!(out.code, 7, "{}", out.stderr);
    assert_eq!(out.stdout, "[REDACTED]\n");
    let out = sb.run(&[
        "exec",
        "--mask",
        "--",
        "sh",
        "-c",
        r#"echo "$TOKEN"; kill -TERM $$"#,
    ]);
    assert_eq!(out.code, 143, "{}", out.stderr);
    assert_eq!(out.stdout, "[REDACTED]\n");
    // A command that cannot start still exits 127.
    let out = sb.run(&["exec", "--mask", "--", "no-such-program-fnox"]);
    assert_eq!(out.code, 127, "{}", out.stderr);
}

#[test]
fn mask_forwards_signals_sent_to_fnox() {
    let sb = sandbox();
    let script =
        r#"trap 'echo "got $TOKEN"; exit 0' TERM; : > ready; while :; do sleep 0.05; done"#;
    let mut fnox = Running::spawn(&sb, &[], &["exec", "--mask", "--", "sh", "-c", script]);
    fnox.wait_for_file(&sb.path("ready"));
    fnox.signal(libc::SIGTERM);
    let mut stdout = fnox.0.stdout.take().unwrap();
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 0, "the child exits 0 from its trap; stderr: {stderr}");
    let mut out = String::new();
    stdout.read_to_string(&mut out).unwrap();
    assert_eq!(out, "got [REDACTED]\n");
}

#[test]
fn mask_passes_stdin_through() {
    let sb = sandbox();
    let mut cmd = fnox_command(
        &sb,
        &["exec", "--mask", "--", "sh", "-c", "read l; echo \"[$l]\""],
    );
    let out = crate::support::process::output_with_stdin(&mut cmd, format!("{VALUE}\n").as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[[REDACTED]]\n");
}

/// Through a terminal the command gets a terminal of its own (every stream that was a tty still
/// is one), and what it writes there is masked, from the flag and from FNOX_MASK alike.
#[test]
fn mask_through_a_terminal_keeps_the_command_on_a_terminal() {
    let sb = sandbox();
    let script = r#"printf 'v=%s\n' "$TOKEN"; printf 'e=%s\n' "$TOKEN" >&2
[ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo all-three-ttys"#;
    for envs in [&[][..], &[("FNOX_MASK", Path::new("1"))][..]] {
        let args: &[&str] = if envs.is_empty() {
            &["exec", "--mask", "--", "sh", "-c", script]
        } else {
            &["exec", "--", "sh", "-c", script]
        };
        let term = Terminal::spawn(&sb, envs, args);
        let (code, seen) = term.finish();
        assert_eq!(code, 0, "{seen}");
        assert!(seen.contains("v=[REDACTED]"), "{seen}");
        assert!(seen.contains("e=[REDACTED]"), "{seen}");
        assert!(seen.contains("all-three-ttys"), "{seen}");
        assert!(!seen.contains(VALUE), "{seen}");
    }
    // --no-mask wins over FNOX_MASK.
    let term = Terminal::spawn(
        &sb,
        &[("FNOX_MASK", Path::new("1"))],
        &["exec", "--no-mask", "--", "sh", "-c", script],
    );
    let (code, seen) = term.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(seen.contains(&format!("v={VALUE}")), "{seen}");
}

/// Typing reaches the masked command through its terminal (line editing by its line
/// discipline), and Ctrl-C becomes the command's SIGINT there.
#[test]
fn mask_through_a_terminal_passes_keys_and_ctrl_c() {
    let sb = sandbox();
    let script = r#"echo ready; read line; echo "got:$line"; echo again; exec sleep 30"#;
    let mut term = Terminal::spawn(&sb, &[], &["exec", "--mask", "--", "sh", "-c", script]);
    term.expect("ready");
    // A typo erased with backspace: the command reads the line as edited.
    term.send(b"helx\x7fo s3cret\r");
    term.expect("got:helo s3cret");
    term.expect("again");
    term.send(b"\x03");
    let (code, seen) = term.finish();
    assert_eq!(code, 130, "Ctrl-C ended the command with SIGINT: {seen}");
}

/// The command's terminal has the size of fnox's, and follows it when it is resized.
#[test]
fn mask_through_a_terminal_keeps_the_window_size() {
    let sb = sandbox();
    let script = r#"stty size; trap 'stty size' WINCH; echo ready; while :; do sleep 0.05; done"#;
    let mut term = Terminal::spawn_sized(
        &sb,
        &[],
        &["exec", "--mask", "--", "sh", "-c", script],
        33,
        111,
    );
    term.expect("33 111");
    term.expect("ready");
    term.resize(44, 99);
    term.expect("44 99");
    term.send(b"\x03");
    let (code, seen) = term.finish();
    assert_eq!(code, 130, "{seen}");
}

/// `[settings] mask = true` makes masking the default; FNOX_MASK=0 and --no-mask turn it off.
#[test]
fn mask_setting_makes_masking_the_default() {
    let sb = sandbox();
    let config = sb.read("fnox.toml");
    sb.write("fnox.toml", &format!("{config}\n[settings]\nmask = true\n"));
    let script = r#"printf 'out:%s\n' "$TOKEN""#;
    let out = sb.run(&["exec", "--", "sh", "-c", script]);
    assert_eq!(out.ok(), "out:[REDACTED]\n");
    let out = sb.run(&["exec", "--no-mask", "--", "sh", "-c", script]);
    assert_eq!(out.ok(), format!("out:{VALUE}\n"));
    let out = sb.output(
        sb.fnox()
            .env("FNOX_MASK", "0")
            .args(["exec", "--", "sh", "-c", script]),
    );
    assert_eq!(out.ok(), format!("out:{VALUE}\n"));
    // The setting is refused with --replace, as the flag is, naming where it came from.
    let out = sb.run(&["exec", "--replace", "--", "true"]);
    assert!(out.fails(2).contains("[settings] mask"), "{}", out.stderr);
}

#[test]
fn mask_is_refused_with_replace() {
    let sb = sandbox();
    let out = sb.run(&["exec", "--mask", "--replace", "--", "true"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let out = sb.output(
        sb.fnox()
            .env("FNOX_MASK", "1")
            .args(["exec", "--replace", "--", "true"]),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("fnox::command::mask_replace"),
        "{}",
        out.stderr
    );
}

/// A reader that goes away (`| head -1`) ends the command with SIGPIPE as without fnox, rather
/// than leaving it blocked on a pipe nobody reads.
#[test]
fn mask_passes_a_closed_reader_on_as_sigpipe() {
    let sb = sandbox();
    let mut fnox = Running::spawn(
        &sb,
        &[],
        &["exec", "--mask", "--", "sh", "-c", r#"yes "$TOKEN""#],
    );
    let mut stdout = fnox.0.stdout.take().unwrap();
    let mut first = [0u8; 11];
    stdout.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"[REDACTED]\n");
    drop(stdout);
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 128 + libc::SIGPIPE, "stderr: {stderr}");
}
