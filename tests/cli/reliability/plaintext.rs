//! Issue 7, family 3: Plaintext never touches disk: every command that handles a value runs under
//! strace, and the value (a unique canary) may appear only in writes to stdout of the commands
//! whose job is to print it. Afterwards every file in the sandbox (HOME, cwd, TMPDIR) is scanned
//! for it, and stderr is scanned with --verbose and RUST_LOG=trace.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use super::{contains_bytes, files_under};
use crate::support::{age_config, require_tool, Sandbox};

const TRACED: &str = "openat,write,pwrite64,writev,pwritev,rename,renameat,renameat2";

/// A value that occurs nowhere else.
fn canary() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("cAnArY-{}-{nanos:x}-end", std::process::id())
}

/// The canary as `strace -xx` prints it.
fn hex_escaped(s: &str) -> String {
    s.bytes().map(|b| format!("\\x{b:02x}")).collect()
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// fnox in the sandbox with TMPDIR inside it, optionally under strace (trace written to `trace`).
fn fnox(sb: &Sandbox, args: &[&str], trace: Option<&Path>, env: &[(&str, &str)]) -> Run {
    let fnox = env!("CARGO_BIN_EXE_fnox");
    let mut cmd = match trace {
        Some(trace) => {
            let mut c = std::process::Command::new("strace");
            c.args([
                "-f",
                "-e",
                &format!("trace={TRACED}"),
                "-s",
                "1000000",
                "-xx",
                "-o",
            ])
            .arg(trace)
            .arg("--")
            .arg(fnox);
            c
        }
        None => std::process::Command::new(fnox),
    };
    let tmp = sb.root.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    cmd.args(args)
        .env_clear()
        .env("HOME", &sb.home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("TMPDIR", &tmp)
        .envs(env.iter().copied())
        .current_dir(&sb.cwd)
        .stdin(Stdio::null());
    let out = cmd.output().expect("run fnox");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: out.stderr,
    }
}

/// The trace lines that carry the canary anywhere but a write to fd 1 (when stdout is allowed).
fn leaks(trace: &str, canary: &str, stdout_allowed: bool) -> Vec<String> {
    let needle = hex_escaped(canary);
    let call = regex::Regex::new(r"^\d+\s+(\w+)\((\d+)?").unwrap();
    trace
        .lines()
        .filter(|line| line.contains(&needle) || line.contains(canary))
        .filter(|line| {
            let Some(c) = call.captures(line) else {
                return true;
            };
            let to_stdout = matches!(&c[1], "write" | "writev" | "pwrite64" | "pwritev")
                && c.get(2).is_some_and(|fd| fd.as_str() == "1");
            !(stdout_allowed && to_stdout)
        })
        .map(|line| line.chars().take(300).collect())
        .collect()
}

struct Checked<'a> {
    sb: &'a Sandbox,
    canary: String,
    trace_dir: tempfile::TempDir,
    runs: usize,
}

impl Checked<'_> {
    /// Runs `args` under strace and again with --verbose and RUST_LOG=trace; checks both.
    fn run(&mut self, args: &[&str], prints_value: bool, want_ok: bool) -> Run {
        self.runs += 1;
        let trace = self.trace_dir.path().join(format!("trace-{}", self.runs));
        let out = fnox(self.sb, args, Some(&trace), &[]);
        let label = format!("fnox {}", args.join(" "));
        assert_eq!(
            out.code == 0,
            want_ok,
            "{label}: exit {}\n{}",
            out.code,
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&trace).unwrap();
        if prints_value {
            // The control: the trace does show the value going to stdout.
            assert!(
                !leaks(&text, &self.canary, false).is_empty(),
                "{label}: the trace never shows the value"
            );
        }
        let found = leaks(&text, &self.canary, prints_value);
        assert!(
            found.is_empty(),
            "{label} wrote the plaintext:\n{}",
            found.join("\n")
        );
        let canary = self.canary.as_bytes();
        assert!(
            !contains_bytes(&out.stderr, canary),
            "{label}: stderr carries it"
        );
        if !prints_value {
            assert!(
                !contains_bytes(&out.stdout, canary),
                "{label}: stdout carries it"
            );
        }
        let mut loud = vec!["--verbose"];
        loud.extend_from_slice(args);
        let env = [("RUST_LOG", "trace"), ("RUST_BACKTRACE", "1")];
        let verbose = fnox(self.sb, &loud, None, &env);
        assert_eq!(verbose.code, out.code, "{label} --verbose");
        assert!(
            !contains_bytes(&verbose.stderr, canary),
            "{label} --verbose / RUST_LOG=trace: stderr carries it:\n{}",
            String::from_utf8_lossy(&verbose.stderr)
        );
        out
    }

    /// No file in the sandbox holds the canary.
    fn scan(&self, allowed: &[PathBuf]) {
        for file in files_under(self.sb.root.path()) {
            if allowed.contains(&file) {
                continue;
            }
            let bytes = std::fs::read(&file).unwrap_or_default();
            assert!(
                !contains_bytes(&bytes, self.canary.as_bytes()),
                "{} holds the plaintext",
                file.display()
            );
        }
    }
}

#[test]
fn plaintext_never_reaches_a_file_or_stderr() {
    if !require_tool("strace", "strace") {
        return;
    }
    let sb = Sandbox::new();
    sb.write("fnox.toml", &age_config());
    let canary = canary();
    let mut c = Checked {
        sb: &sb,
        canary: canary.clone(),
        trace_dir: tempfile::tempdir().unwrap(),
        runs: 0,
    };

    c.run(&["set", "CANARY", &canary], false, true);
    let got = c.run(&["get", "CANARY"], true, true);
    assert_eq!(got.stdout, format!("{canary}\n").into_bytes());
    let script = "printf %s \"$CANARY\"";
    let got = c.run(&["exec", "--", "sh", "-c", script], true, true);
    assert_eq!(got.stdout, canary.as_bytes());
    for format in ["env", "shell", "json", "yaml", "toml"] {
        let got = c.run(&["export", "-f", format], true, true);
        assert!(contains_bytes(&got.stdout, canary.as_bytes()), "{format}");
    }

    let input = sb.write("in.env", &format!("IMPORTED={canary}\n"));
    c.run(&["import", "-i", "in.env", "--force"], false, true);
    std::fs::remove_file(&input).unwrap();
    let got = c.run(&["get", "IMPORTED"], true, true);
    assert_eq!(got.stdout, format!("{canary}\n").into_bytes());

    // Re-encryption to an extra recipient decrypts and re-encrypts everything.
    let extra = "age1ff7hjpn53a4rhu5t7ct9qmdp4k8d839krumj45r6kqd5226gfdxscey6y7";
    let text = sb.read("fnox.toml").replacen(
        "recipients = [\"",
        &format!("recipients = [\"{extra}\", \""),
        1,
    );
    sb.write("fnox.toml", &text);
    c.run(&["reencrypt", "--force"], false, true);
    c.run(&["set", "CANARY", &format!("{canary}-v2")], false, true);

    // Failing commands that hold the value when they fail.
    let text = sb.read("fnox.toml")
        + "JSON_PICK = { provider = \"age\", value = \"__CT__\", json_path = \"a.b\" }\n"
        + "LINE_PICK = { provider = \"age\", value = \"__CT__\", line = 9 }\n";
    let ciphertext = {
        let doc: toml::Table = toml::from_str(&sb.read("fnox.toml")).unwrap();
        doc["secrets"]["IMPORTED"]["value"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    sb.write("fnox.toml", &text.replace("__CT__", &ciphertext));
    c.run(&["get", "JSON_PICK"], false, false);
    c.run(&["get", "LINE_PICK"], false, false);
    c.run(
        &["exec", "--if-missing", "error", "--", "true"],
        false,
        false,
    );
    c.run(&["exec", "--", "no-such-command-fnox-test"], false, false);
    let bare = sb.write("bad.toml", &format!("[secrets]\nBARE = \"{canary}\"\n"));
    c.run(&["-c", "bad.toml", "list"], false, false);
    c.run(&["-c", "bad.toml", "get", "BARE"], false, false);
    std::fs::remove_file(&bare).unwrap();

    c.scan(&[]);
}

#[test]
fn the_canary_check_would_see_a_leak() {
    // The control for the checks above: a write to a file is seen, one to stdout is not.
    let canary = "cAnArY-control";
    let escaped = hex_escaped(canary);
    let trace = format!(
        "12 write(1, \"{escaped}\", 14) = 14\n13 write(3, \"{escaped}\", 14) = 14\n14 openat(AT_FDCWD, \"/tmp/x\", O_RDONLY) = 3\n"
    );
    assert_eq!(leaks(&trace, canary, true).len(), 1);
    assert_eq!(leaks(&trace, canary, false).len(), 2);
}
