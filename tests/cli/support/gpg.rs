//! A throw-away GPG key and an initialised password store inside a sandbox, for the
//! password-store tests: Debian's `gpg` and `pass`, no passphrase, nothing outside the sandbox.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use super::process::output_with_stdin;
use super::{require_tool, Sandbox};

pub struct PassStore {
    /// GNUPGHOME holding the throw-away key (its gpg-agent is stopped on drop).
    pub gnupg_home: PathBuf,
    /// The initialised store (`pass init` with the key).
    pub store: PathBuf,
    pub key_id: String,
}

impl PassStore {
    /// A fresh key and store under the sandbox root, or None (skip) when gpg or pass is missing
    /// outside CI.
    pub fn new(sb: &Sandbox) -> Option<PassStore> {
        if !require_tool("gpg", "gnupg") || !require_tool("pass", "pass") {
            return None;
        }
        let gnupg_home = sb.root.path().join("gnupg");
        std::fs::create_dir_all(&gnupg_home).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&gnupg_home, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let store = sb.root.path().join("store");
        let mut ps = PassStore {
            gnupg_home,
            store,
            key_id: String::new(),
        };
        ps.gpg(&[
            "--batch",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
            "--quick-gen-key",
            "fnox test <fnox-test@example.invalid>",
            "future-default",
            "default",
            "never",
        ]);
        let listing = ps.gpg(&["--batch", "--with-colons", "--list-secret-keys"]);
        ps.key_id = listing
            .lines()
            .find_map(|l| l.strip_prefix("fpr:::::::::"))
            .map(|f| f.trim_end_matches(':').to_owned())
            .expect("the new key's fingerprint");
        let key = ps.key_id.clone();
        ps.pass(&["init", &key], None);
        Some(ps)
    }

    /// GNUPGHOME and PASSWORD_STORE_DIR, for fnox and for `pass`.
    pub fn env(&self) -> Vec<(&'static str, OsString)> {
        vec![
            ("GNUPGHOME", self.gnupg_home.clone().into()),
            ("PASSWORD_STORE_DIR", self.store.clone().into()),
        ]
    }

    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.gnupg_home.parent().unwrap())
            .env("LANG", "C.UTF-8")
            .envs(self.env());
        cmd
    }

    /// Runs gpg in this GNUPGHOME; panics on failure, returns stdout.
    pub fn gpg(&self, args: &[&str]) -> String {
        let out = self.command("gpg").args(args).output().expect("run gpg");
        assert!(
            out.status.success(),
            "gpg {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs pass on this store with optional stdin; panics on failure, returns stdout.
    pub fn pass(&self, args: &[&str], stdin: Option<&str>) -> String {
        let out = output_with_stdin(
            self.command("pass").args(args),
            stdin.unwrap_or("").as_bytes(),
        );
        assert!(
            out.status.success(),
            "pass {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `pass insert -m -f NAME` with `content` on stdin, exactly as given.
    pub fn insert(&self, name: &str, content: &str) {
        self.pass(&["insert", "-m", "-f", name], Some(content));
    }

    /// The whole decrypted entry, as `pass show` prints it.
    pub fn show(&self, name: &str) -> String {
        self.pass(&["show", name], None)
    }
}

impl Drop for PassStore {
    fn drop(&mut self) {
        let _ = self
            .command("gpgconf")
            .args(["--kill", "gpg-agent"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}
