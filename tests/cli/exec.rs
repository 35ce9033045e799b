//! `fnox exec`: what reaches the child's environment, exit codes, and signal forwarding.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::support::process::Running;
use crate::support::{age_config, age_sandbox, parse_env0, read_fixture, Output, Sandbox};

/// The child's environment as `env -0` printed it.
fn child_env(out: &Output) -> BTreeMap<String, String> {
    parse_env0(&out.raw_stdout)
}

const AWKWARD: &[(&str, &str)] = &[
    ("DOLLAR", "$HOME ${HOME} $(id)"),
    ("QUOTES", "\"double\" 'single' `back`"),
    ("EQUALS", "a=b==c="),
    ("NEWLINES", "line1\nline2\n\n"),
    ("UNICODE", "ünïcødé ✓ 🔑"),
    ("SPACES", "  lead and trail  "),
    ("BACKSLASH", "C:\\dir\\n \\"),
    ("EMPTY", ""),
];

#[test]
fn exec_passes_secret_values_byte_exact() {
    let sb = age_sandbox();
    for (name, value) in AWKWARD {
        sb.run(&["set", name, value]).ok();
    }
    let env = child_env(&sb.run(&["exec", "--", "env", "-0"]));
    for (name, value) in AWKWARD {
        assert_eq!(env.get(*name).map(String::as_str), Some(*value), "{name}");
    }
    // And through a shell's own expansion of the variable.
    for (name, value) in AWKWARD {
        let script = format!("printf %s \"${name}\"");
        let out = sb.run(&["exec", "--", "sh", "-c", &script]);
        assert_eq!(out.raw_stdout, value.as_bytes(), "{name}");
    }
}

#[test]
fn exec_passes_arguments_verbatim_without_a_shell() {
    let sb = age_sandbox();
    let out = sb.run(&[
        "exec", "--", "printf", "[%s]", "$HOME", "a b", "*", "--flag",
    ]);
    assert_eq!(out.ok(), "[$HOME][a b][*][--flag]");
    // fnox's own flags after the command belong to the command.
    for args in [
        &[
            "exec",
            "--",
            "printf",
            "[%s]",
            "-P",
            "x",
            "--verbose",
            "-c",
            "y",
        ][..],
        &["exec", "printf", "[%s]", "-P", "x", "--verbose", "-c", "y"][..],
    ] {
        assert_eq!(sb.run(args).ok(), "[-P][x][--verbose][-c][y]", "{args:?}");
    }
}

#[test]
fn exec_returns_the_child_exit_code() {
    let sb = age_sandbox();
    for code in [0, 1, 7, 255] {
        let out = sb.run(&["exec", "--", "sh", "-c", &format!("exit {code}")]);
        assert_eq!(out.code, code, "exit {code}: {}", out.stderr);
        assert_eq!(out.stderr, "", "fnox adds nothing to a child's failure");
    }
}

#[test]
fn exec_returns_128_plus_n_when_a_signal_kills_the_child() {
    let sb = age_sandbox();
    for (sig, code) in [("TERM", 143), ("KILL", 137), ("HUP", 129)] {
        let out = sb.run(&["exec", "--", "sh", "-c", &format!("kill -{sig} $$")]);
        assert_eq!(out.code, code, "SIG{sig}: {}", out.stderr);
    }
}

/// Sends `signal` to the fnox process (not the child) once the child is up, and checks that
/// the child's trap for it ran.
fn assert_forwarded(signal: i32, name: &str) {
    let sb = age_sandbox();
    let script = format!(
        "trap 'printf %s {name} > got; exit 0' {name}\n: > ready\nwhile :; do sleep 0.05; done"
    );
    let mut fnox = Running::spawn(&sb, &[], &["exec", "--", "sh", "-c", &script]);
    fnox.wait_for_file(&sb.path("ready"));
    fnox.signal(signal);
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 0, "the child exits 0 from its trap; stderr: {stderr}");
    assert_eq!(sb.read("got"), name, "the child's {name} trap ran");
}

#[test]
fn exec_forwards_sigterm_to_child() {
    assert_forwarded(libc::SIGTERM, "TERM");
}

#[test]
fn exec_forwards_sighup_to_child() {
    assert_forwarded(libc::SIGHUP, "HUP");
}

#[test]
fn exec_forwards_sigusr1_to_child() {
    assert_forwarded(libc::SIGUSR1, "USR1");
}

/// `nohup fnox exec -- job` survives a hangup as `nohup job` does: fnox neither dies of the
/// ignored signal nor passes it on, and the job inherits it ignored.
#[test]
fn exec_keeps_a_hangup_the_caller_ignored() {
    let sb = age_sandbox();
    sb.run(&["set", "A", "alpha"]).ok();
    let script = "printf %s $$ > pid; : > ready\n\
                  while [ ! -e go ]; do sleep 0.05; done\n\
                  printf %s \"$A\" > finished";
    let mut fnox = Running::spawn_under(&sb, &["nohup"], &[], &["exec", "--", "sh", "-c", script]);
    fnox.wait_for_file(&sb.path("ready"));
    let child: libc::pid_t = sb.read("pid").parse().unwrap();
    // A hangup to fnox (as from another process) and to the job itself (as from the terminal).
    fnox.signal(libc::SIGHUP);
    // SAFETY: kill(2) on the job, a child of fnox that is still running.
    assert_eq!(unsafe { libc::kill(child, libc::SIGHUP) }, 0);
    std::thread::sleep(Duration::from_millis(300));
    assert!(fnox.running(), "fnox died of an ignored SIGHUP");
    sb.write("go", "");
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 0, "the job ran to its end; stderr: {stderr}");
    assert_eq!(sb.read("finished"), "alpha");
}

#[test]
fn exec_exits_143_when_a_forwarded_sigterm_kills_the_child() {
    let sb = age_sandbox();
    let mut fnox = Running::spawn(
        &sb,
        &[],
        &[
            "exec",
            "--",
            "sh",
            "-c",
            ": > ready; while :; do sleep 0.05; done",
        ],
    );
    fnox.wait_for_file(&sb.path("ready"));
    fnox.signal(libc::SIGTERM);
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 143, "stderr: {stderr}");
}

#[test]
#[cfg(target_os = "linux")]
fn exec_child_gets_sigterm_when_fnox_is_killed() {
    let sb = age_sandbox();
    let script = "trap 'printf %s TERM > got; exit 0' TERM\nprintf %s $$ > pid\n: > ready\nwhile :; do sleep 0.05; done";
    let mut fnox = Running::spawn(&sb, &[], &["exec", "--", "sh", "-c", script]);
    fnox.wait_for_file(&sb.path("ready"));
    fnox.signal(libc::SIGKILL);
    let (code, _) = fnox.finish();
    assert_eq!(code, -1, "fnox itself was killed");
    // Bounded wait for the orphaned child's trap.
    let got = sb.path("got");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !got.exists() {
        if Instant::now() > deadline {
            let pid: libc::pid_t = sb.read("pid").parse().unwrap();
            // SAFETY: kill(2); the looping child would otherwise outlive the test.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("the child never got SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(sb.read("got"), "TERM");
}

/// A bare sandbox (no default identity) with the key outside HOME and cwd.
fn keyed_sandbox() -> (Sandbox, PathBuf) {
    let sb = Sandbox::bare();
    let key = sb.root.path().join("keys/key.txt");
    std::fs::create_dir_all(key.parent().unwrap()).unwrap();
    std::fs::write(&key, read_fixture("upstream/test-key.txt")).unwrap();
    sb.write("fnox.toml", &age_config());
    sb.run(&["set", "TOKEN", "t0ken"]).ok();
    (sb, key)
}

#[test]
fn exec_does_not_pass_fnox_key_material_to_the_child() {
    let (sb, key) = keyed_sandbox();
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY_FILE", &key)
            .args(["exec", "--", "env", "-0"]),
    );
    let env = child_env(&out);
    assert_eq!(
        env.get("TOKEN").map(String::as_str),
        Some("t0ken"),
        "decrypted with the key file"
    );
    assert!(!env.contains_key("FNOX_AGE_KEY_FILE"), "{env:?}");

    let key_text = read_fixture("upstream/test-key.txt");
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY", &key_text)
            .args(["exec", "--", "env", "-0"]),
    );
    let env = child_env(&out);
    assert_eq!(
        env.get("TOKEN").map(String::as_str),
        Some("t0ken"),
        "decrypted with the key text"
    );
    assert!(!env.contains_key("FNOX_AGE_KEY"), "{env:?}");
}

#[test]
fn exec_passes_key_material_that_is_itself_a_secret_only_when_it_opts_in() {
    let (sb, key) = keyed_sandbox();
    let base = sb.read("fnox.toml");
    let run = |entry: &str| {
        sb.write("fnox.toml", &format!("{base}{entry}\n"));
        let out = sb.output(
            sb.fnox()
                .env("FNOX_AGE_KEY_FILE", &key)
                .args(["exec", "--", "env", "-0"]),
        );
        child_env(&out)
    };
    // A secret with no value would otherwise read the caller's own key path from the environment.
    let env = run("FNOX_AGE_KEY_FILE = {}");
    assert!(!env.contains_key("FNOX_AGE_KEY_FILE"), "{env:?}");
    assert_eq!(env.get("TOKEN").map(String::as_str), Some("t0ken"));
    let env =
        run("FNOX_AGE_KEY_FILE = { default = \"/from/the/secret\", allow_dangerous_name = true }");
    assert_eq!(
        env.get("FNOX_AGE_KEY_FILE").map(String::as_str),
        Some("/from/the/secret")
    );
    assert_eq!(env.get("TOKEN").map(String::as_str), Some("t0ken"));
}

#[test]
fn exec_honours_each_secrets_env_setting() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        r#"[secrets]
HIDDEN = { default = "hidden-value", env = false }
EXEC_ONLY = { default = "exec-value", env = "exec" }
EVERYWHERE = { default = "normal-value", env = true }
"#,
    );
    let out = sb.output(
        sb.fnox()
            .env("HIDDEN", "inherited-from-parent")
            .args(["exec", "--", "env", "-0"]),
    );
    let env = child_env(&out);
    assert!(
        !env.contains_key("HIDDEN"),
        "env = false is neither passed nor inherited: {env:?}"
    );
    assert_eq!(env.get("EXEC_ONLY").map(String::as_str), Some("exec-value"));
    assert_eq!(
        env.get("EVERYWHERE").map(String::as_str),
        Some("normal-value")
    );
}

#[test]
fn exec_file_level_env_false_withholds_secrets_that_do_not_opt_in() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        r#"env = false

[secrets]
QUIET = { default = "q" }
LOUD = { default = "l", env = true }
"#,
    );
    let env = child_env(&sb.run(&["exec", "--", "env", "-0"]));
    assert!(!env.contains_key("QUIET"), "{env:?}");
    assert_eq!(env.get("LOUD").map(String::as_str), Some("l"));
}

#[test]
fn exec_without_a_command_is_a_usage_error() {
    let sb = age_sandbox();
    let out = sb.run(&["exec"]);
    insta::assert_snapshot!(out.all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::command::not_specified]: No command specified
      hint: fnox exec -- ./app --flag
    ");
    sb.run(&["exec", "--"]).fails(2);
}

#[test]
fn exec_of_a_missing_command_exits_127_naming_it() {
    let sb = age_sandbox();
    let out = sb.run(&["exec", "--", "no-such-command-fnox-test", "arg"]);
    insta::assert_snapshot!(out.all(), @"
    exit: 127
    --- stdout
    --- stderr
    error[fnox::command::error]: cannot run 'no-such-command-fnox-test'
      caused by: No such file or directory (os error 2)
      hint: check the program name and PATH
    ");
    assert_eq!(out.code, 127);
}

#[test]
fn exec_of_a_file_that_is_not_executable_exits_126() {
    let sb = age_sandbox();
    sb.write("script.sh", "#!/bin/sh\necho hi\n");
    let out = sb.run(&["exec", "--", "./script.sh"]);
    let stderr = out.fails(126);
    assert!(stderr.contains("cannot run './script.sh'"), "{stderr}");
    assert!(stderr.contains("chmod +x"), "{stderr}");
}

const NUL_CONFIG: &str =
    "[secrets]\nGOOD = { default = \"g\" }\nNUL_BYTE = { default = \"a\\u0000b\" }\n";

#[test]
fn exec_with_a_nul_byte_in_a_value_does_not_run_the_command() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", NUL_CONFIG);
    let out = sb.run(&["exec", "--", "sh", "-c", ": > ran"]);
    let stderr = out.fails(1);
    assert!(stderr.contains("NUL byte"), "{stderr}");
    assert!(!sb.path("ran").exists());
}

#[test]

fn exec_nul_byte_error_names_the_secret() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", NUL_CONFIG);
    let out = sb.run(&["exec", "--", "sh", "-c", ": > ran"]);
    let stderr = out.fails(1);
    assert!(
        stderr.contains("NUL_BYTE"),
        "the error names the secret:\n{stderr}"
    );
    assert!(!stderr.contains("GOOD"), "{stderr}");
}

/// One secret that decrypts and one that never will.
fn broken_sandbox() -> Sandbox {
    let sb = age_sandbox();
    sb.run(&["set", "GOOD", "good-value"]).ok();
    let text = sb.read("fnox.toml") + "BROKEN = { provider = \"age\", value = \"bm90IGFnZQ==\" }\n";
    sb.write("fnox.toml", &text);
    sb
}

#[test]
fn exec_with_if_missing_error_does_not_run_the_command() {
    let sb = broken_sandbox();
    let out = sb.run(&[
        "exec",
        "--if-missing",
        "error",
        "--",
        "sh",
        "-c",
        ": > ran; exit 3",
    ]);
    let stderr = out.fails(1);
    assert!(
        stderr.contains("BROKEN"),
        "the error names the secret: {stderr}"
    );
    assert!(!sb.path("ran").exists(), "the command must not run");
}

#[test]
fn exec_leaves_out_a_failing_secret_with_a_warning_by_default() {
    let sb = broken_sandbox();
    let script = r#": > ran; printf '%s|%s' "${BROKEN-unset}" "$GOOD"; exit 3"#;
    let out = sb.run(&["exec", "--", "sh", "-c", script]);
    assert_eq!(out.code, 3, "the child's code: {}", out.stderr);
    assert_eq!(out.stdout, "unset|good-value");
    assert!(out.stderr.starts_with("warning: "), "{}", out.stderr);
    assert!(
        out.stderr.contains("BROKEN"),
        "the warning names the secret: {}",
        out.stderr
    );
    assert!(!out.stderr.contains("GOOD"), "{}", out.stderr);
}
