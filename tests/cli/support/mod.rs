//! The sandbox every test runs in: a temp dir as cwd and HOME, a cleared environment, and a
//! fixed age identity at the default location (~/.config/fnox/age.txt).

#![allow(dead_code)]

pub mod azure;
pub mod cosmian;
pub mod fake_echoing_aws;
pub mod fake_throttling_aws;
pub mod gcp;
pub mod gpg;
pub mod keepass;
pub mod openbao;
pub mod process;
pub mod pty;
pub mod services;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The throw-away test identity (also the one the upstream fixtures were encrypted to).
pub const TEST_PUBLIC_KEY: &str = "age15e8t6sw6luu6ktzup4jhwl0qy8zds56dv4hzc4fja5kpzaaujvassnuyzd";

/// fnox.toml with one age provider (`age`, sealed to the test identity) and an empty [secrets].
pub fn age_config() -> String {
    format!(
        "[providers]\nage = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\"] }}\n\n[secrets]\n"
    )
}

/// A sandbox whose fnox.toml is `age_config()`.
pub fn age_sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &age_config());
    sb
}

/// An environment as `env -0` prints it (NAME=value records separated by NUL), as a map.
pub fn parse_env0(raw: &[u8]) -> std::collections::BTreeMap<String, String> {
    std::str::from_utf8(raw)
        .expect("the environment is UTF-8")
        .split('\0')
        .filter(|r| !r.is_empty())
        .map(|r| {
            let (k, v) = r.split_once('=').expect("NAME=value");
            (k.to_owned(), v.to_owned())
        })
        .collect()
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

pub struct Sandbox {
    pub root: tempfile::TempDir,
    pub home: PathBuf,
    pub cwd: PathBuf,
}

impl Sandbox {
    /// A sandbox whose HOME has the test identity at ~/.config/fnox/age.txt, and whose whole tree
    /// the user trusts (`fnox trust --tree`): the files a test writes are the user's own work.
    pub fn new() -> Sandbox {
        let sb = Sandbox::untrusted();
        sb.trust_tree();
        sb
    }

    /// Like `new`, but nothing is trusted: the files a test writes are someone else's (a clone,
    /// a shared directory), for the tests of what an untrusted file may not do.
    pub fn untrusted() -> Sandbox {
        let sb = Sandbox::empty();
        sb.write_home(
            ".config/fnox/age.txt",
            &read_fixture("upstream/test-key.txt"),
        );
        sb
    }

    /// `fnox trust --tree` on the sandbox's root.
    pub fn trust_tree(&self) {
        let root = self
            .root
            .path()
            .to_str()
            .expect("a UTF-8 temp path")
            .to_owned();
        self.run(&["trust", "--tree", &root]).ok();
    }

    /// A sandbox with no identity anywhere (its tree trusted, as `new`'s).
    pub fn bare() -> Sandbox {
        let sb = Sandbox::empty();
        sb.trust_tree();
        sb
    }

    /// No identity, nothing trusted.
    fn empty() -> Sandbox {
        let root = tempfile::Builder::new()
            .prefix("fnox-test-")
            .tempdir()
            .expect("tempdir");
        let home = root.path().join("home");
        let cwd = root.path().join("work");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::create_dir_all(&cwd).unwrap();
        Sandbox { root, home, cwd }
    }

    /// A name unique to this test (its temp dir's), usable in remote paths and names.
    pub fn unique(&self) -> String {
        let dir = self.root.path().file_name().unwrap().to_string_lossy();
        dir.replace('.', "-")
    }

    /// Appends one line to fnox.toml's [secrets] table (adding the table when there is none).
    pub fn add_secret_line(&self, line: &str) {
        let text = self.read("fnox.toml");
        let section = if text.contains("[secrets]") {
            ""
        } else {
            "[secrets]\n"
        };
        self.write("fnox.toml", &format!("{text}{section}{line}\n"));
    }

    /// `fnox` with a cleared environment, run in the sandbox's cwd.
    pub fn fnox(&self) -> Command {
        self.fnox_in(&self.cwd)
    }

    pub fn fnox_in(&self, dir: &Path) -> Command {
        let mut cmd = Command::cargo_bin("fnox").expect("fnox binary");
        cmd.env_clear()
            .env("HOME", &self.home)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("LANG", "C.UTF-8")
            .current_dir(dir)
            .write_stdin("");
        cmd
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.cwd.join(rel)
    }

    pub fn write(&self, rel: &str, content: &str) -> PathBuf {
        let path = self.cwd.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path
    }

    pub fn write_home(&self, rel: &str, content: &str) -> PathBuf {
        let path = self.home.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.cwd.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Replaces sandbox paths and age ciphertexts with placeholders, for snapshots.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.replace(&self.cwd.display().to_string(), "[CWD]");
        out = out.replace(&self.home.display().to_string(), "[HOME]");
        out = out.replace(&self.root.path().display().to_string(), "[SANDBOX]");
        let re = regex::Regex::new(r"YWdlLWVuY3J5cHRpb24ub3JnL3Yx[A-Za-z0-9+/=]*").unwrap();
        re.replace_all(&out, "[AGE]").into_owned()
    }

    /// Runs fnox and returns (stdout, stderr, exit code), redacted.
    pub fn run(&self, args: &[&str]) -> Output {
        self.output(self.fnox().args(args))
    }

    pub fn output(&self, cmd: &mut Command) -> Output {
        let out = cmd.output().expect("run fnox");
        Output {
            stdout: self.redact(&String::from_utf8_lossy(&out.stdout)),
            stderr: self.redact(&String::from_utf8_lossy(&out.stderr)),
            code: out.status.code().unwrap_or(-1),
            raw_stdout: out.stdout,
        }
    }
}

#[derive(Debug)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
    pub raw_stdout: Vec<u8>,
}

impl Output {
    /// Asserts success and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(
            self.code, 0,
            "expected success, got {}:\nstdout: {}\nstderr: {}",
            self.code, self.stdout, self.stderr
        );
        &self.stdout
    }

    /// Asserts failure with this exit code and returns stderr.
    #[track_caller]
    pub fn fails(&self, code: i32) -> &str {
        assert_eq!(
            self.code, code,
            "expected exit {code}, got {}:\nstdout: {}\nstderr: {}",
            self.code, self.stdout, self.stderr
        );
        &self.stderr
    }

    /// stdout, stderr and the exit code in one string, for snapshots.
    pub fn all(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Fails loudly under CI when a tool the test needs is missing; otherwise says how to install it.
/// Returns false when the test should be skipped.
pub fn require_tool(tool: &str, package: &str) -> bool {
    let found = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{tool} is required in CI: run scripts/test.sh, which installs it (Debian package {package})");
    }
    eprintln!("skipping: {tool} not installed (apt-get install {package}, or run scripts/test.sh)");
    false
}
