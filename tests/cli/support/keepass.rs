//! KeePass databases made and read by two other implementations, for the keepass tests:
//! Debian's `keepassxc-cli` (KeePassXC, headless) and PyPI's pykeepass (in the tools venv).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::process::output_with_stdin;
use super::services::{missing, tools_venv};
use super::{require_tool, Sandbox};

/// The password of every test database.
pub const PASSWORD: &str = "correct horse battery";

/// keepassxc-cli is installed (else the test is skipped, or fails under CI).
pub fn have_keepassxc() -> bool {
    require_tool("keepassxc-cli", "keepassxc")
}

/// Runs `keepassxc-cli ARGS` in the sandbox's cwd with `stdin` (its password prompts read it);
/// panics on failure, returns stdout.
pub fn kxc(sb: &Sandbox, args: &[&str], stdin: &str) -> String {
    let (code, stdout, stderr) = kxc_status(sb, args, stdin);
    assert_eq!(code, 0, "keepassxc-cli {args:?} failed: {stderr}");
    stdout
}

/// `kxc`, returning the exit code, stdout and stderr whatever happened.
pub fn kxc_status(sb: &Sandbox, args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = output_with_stdin(
        Command::new("keepassxc-cli")
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &sb.home)
            .env("LANG", "C.UTF-8")
            .current_dir(&sb.cwd),
        stdin.as_bytes(),
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `PASSWORD` once per prompt, `n` times, as keepassxc-cli's stdin.
pub fn passwords(n: usize) -> String {
    format!("{PASSWORD}\n").repeat(n)
}

/// The venv's python when pykeepass is installed there (else skipped, or failing under CI).
pub fn pykeepass_python() -> Option<PathBuf> {
    let python = tools_venv().join("bin/python3");
    let ok = python.is_file()
        && Command::new(&python)
            .args(["-c", "import pykeepass"])
            .output()
            .is_ok_and(|o| o.status.success());
    if !ok {
        // Panics under CI; elsewhere says how to install it.
        missing("pykeepass");
        return None;
    }
    Some(python)
}

/// Runs a Python `script` (pykeepass imported as `pk`, `PASSWORD` defined, `sys.argv[1:]` =
/// `args`) in the sandbox's cwd; panics on failure, returns stdout.
pub fn pykeepass(python: &Path, sb: &Sandbox, script: &str, args: &[&str]) -> String {
    let prelude = format!(
        "import sys, pykeepass as pk\nfrom pykeepass import PyKeePass, create_database\nPASSWORD = {PASSWORD:?}\n"
    );
    let out = Command::new(python)
        .arg("-c")
        .arg(format!("{prelude}{script}"))
        .args(args)
        .env_clear()
        .env("HOME", &sb.home)
        .env("LANG", "C.UTF-8")
        .current_dir(&sb.cwd)
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "pykeepass script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The KDBX version in a database file's header: (major, minor).
pub fn kdbx_version(path: &Path) -> (u16, u16) {
    let bytes = std::fs::read(path).unwrap();
    let minor = u16::from_le_bytes([bytes[8], bytes[9]]);
    let major = u16::from_le_bytes([bytes[10], bytes[11]]);
    (major, minor)
}
