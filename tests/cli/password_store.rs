//! password-store against Debian's `pass` and `gpg`: a throw-away key and store per test.

use insta::assert_snapshot;

use crate::support::gpg::PassStore;
use crate::support::{Output, Sandbox};

const CONFIG: &str = "[providers]\npass = { type = \"password-store\" }\n";

/// A sandbox with a fresh key and store; fnox and `pass` both see it through the environment.
struct Pass {
    sb: Sandbox,
    ps: PassStore,
}

impl Pass {
    fn new(config: &str) -> Option<Pass> {
        let sb = Sandbox::new();
        let ps = PassStore::new(&sb)?;
        sb.write("fnox.toml", config);
        Some(Pass { sb, ps })
    }

    fn run(&self, args: &[&str]) -> Output {
        self.sb
            .output(self.sb.fnox().envs(self.ps.env()).args(args))
    }

    fn add(&self, line: &str) {
        self.sb.add_secret_line(line);
    }
}

#[test]
fn set_encrypts_with_pass_insert_and_get_decrypts_it() {
    let Some(p) = Pass::new(CONFIG) else { return };
    p.run(&["set", "DATABASE_URL", "postgres://u:p@h/db", "-p", "pass"])
        .ok();
    assert!(p.ps.store.join("DATABASE_URL.gpg").is_file());
    assert!(p
        .sb
        .read("fnox.toml")
        .contains("{ provider = \"pass\", value = \"DATABASE_URL\" }"));
    // `pass show` reads what fnox wrote, byte for byte (no newline added).
    assert_eq!(p.ps.show("DATABASE_URL"), "postgres://u:p@h/db");
    assert_eq!(
        p.run(&["get", "DATABASE_URL"]).ok(),
        "postgres://u:p@h/db\n"
    );
    // Setting again overwrites the entry (pass insert --force).
    p.run(&["set", "DATABASE_URL", "postgres://new", "-p", "pass"])
        .ok();
    assert_eq!(p.run(&["get", "DATABASE_URL"]).ok(), "postgres://new\n");
    let out = p.run(&["provider", "test", "pass"]);
    assert!(
        out.ok().is_empty() && out.stderr.contains("is initialised for"),
        "{}",
        out.stderr
    );
}

#[test]
fn reads_entries_written_by_pass_insert() {
    let Some(p) = Pass::new(CONFIG) else { return };
    // `pass insert` and `pass generate` end entries with a newline; fnox drops trailing line breaks.
    p.ps.insert("web/api-token", "tok-123\n");
    p.add("API_TOKEN = { provider = \"pass\", value = \"web/api-token\" }");
    assert_eq!(p.run(&["get", "API_TOKEN"]).ok(), "tok-123\n");
    let out = p.run(&["exec", "--", "sh", "-c", "printf '[%s]' \"$API_TOKEN\""]);
    assert_eq!(out.ok(), "[tok-123]");
}

#[test]
fn multi_line_entry_is_returned_whole_and_line_selects_one() {
    let Some(p) = Pass::new(CONFIG) else { return };
    p.ps.insert("db/prod", "s3cr3t pw\nuser: app\nurl: postgres://h/db\n");
    p.add("DB_ENTRY = { provider = \"pass\", value = \"db/prod\" }");
    p.add("DB_PASSWORD = { provider = \"pass\", value = \"db/prod\", line = 1 }");
    p.add("DB_USER = { provider = \"pass\", value = \"db/prod\", line = 2 }");
    // Upstream returns the whole entry; `line` (1-based) picks one line of it.
    assert_eq!(
        p.run(&["get", "DB_ENTRY"]).ok(),
        "s3cr3t pw\nuser: app\nurl: postgres://h/db\n"
    );
    assert_eq!(p.run(&["get", "DB_PASSWORD"]).ok(), "s3cr3t pw\n");
    assert_eq!(p.run(&["get", "DB_USER"]).ok(), "user: app\n");
    // A multi-line value set through fnox comes back from `pass show` unchanged.
    p.run(&[
        "set",
        "-p",
        "pass",
        "KEY",
        "--",
        "-----BEGIN-----\nAAAA\n-----END-----",
    ])
    .ok();
    assert_eq!(p.ps.show("KEY"), "-----BEGIN-----\nAAAA\n-----END-----");
}

#[test]
fn missing_entry_is_a_not_found_error_naming_it() {
    let Some(p) = Pass::new(CONFIG) else { return };
    p.ps.insert("here", "v\n");
    p.add("HERE = { provider = \"pass\", value = \"here\" }");
    p.add("GONE = { provider = \"pass\", value = \"team/gone\", if_missing = \"error\" }");
    assert_snapshot!(p.run(&["get", "GONE"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::secret_not_found]: cannot fetch GONE (secrets.GONE in ./fnox.toml:5, provider 'pass')
      caused by: password-store: secret 'team/gone' not found in the password store at [SANDBOX]/store
      hint: create it with `fnox set` or `pass insert team/gone`, or check the provider's prefix
    ");
    // The other secrets of a batch still resolve.
    let out = p.run(&[
        "exec",
        "--if-missing",
        "warn",
        "--",
        "sh",
        "-c",
        "printf %s \"$HERE\"",
    ]);
    assert_eq!(out.ok(), "v");
    assert!(out.stderr.contains("team/gone"), "{}", out.stderr);
}

#[test]
fn prefix_and_store_dir_relative_to_the_declaring_file() {
    let sb = Sandbox::new();
    let Some(ps) = PassStore::new(&sb) else {
        return;
    };
    // store_dir is relative to fnox.toml, not to the directory fnox runs in.
    sb.write(
        "fnox.toml",
        "[providers]\npass = { type = \"password-store\", prefix = \"fnox/dev/\", store_dir = \"../store\" }\n",
    );
    std::fs::create_dir_all(sb.path("sub/dir")).unwrap();
    let fnox = |args: &[&str]| {
        let mut cmd = sb.fnox_in(&sb.path("sub/dir"));
        cmd.env("GNUPGHOME", &ps.gnupg_home).args(args);
        sb.output(&mut cmd)
    };
    fnox(&["set", "API_KEY", "k-1", "-p", "pass"]).ok();
    assert!(ps.store.join("fnox/dev/API_KEY.gpg").is_file());
    assert_eq!(ps.show("fnox/dev/API_KEY"), "k-1");
    assert!(sb
        .read("sub/dir/fnox.toml")
        .contains("{ provider = \"pass\", value = \"API_KEY\" }"));
    ps.insert("fnox/dev/nested/token", "t\n");
    sb.add_secret_line("TOKEN = { provider = \"pass\", value = \"nested/token\" }");
    assert_eq!(fnox(&["get", "API_KEY"]).ok(), "k-1\n");
    assert_eq!(fnox(&["get", "TOKEN"]).ok(), "t\n");
    // A folder is not an entry: `pass show FOLDER` would print the tree.
    sb.add_secret_line("DIR = { provider = \"pass\", value = \"nested\" }");
    let out = fnox(&["get", "DIR"]);
    assert!(
        out.fails(1).contains("fnox/dev/nested is a folder"),
        "{}",
        out.stderr
    );
}

#[test]
fn exec_decrypts_a_batch_of_twenty_concurrently() {
    let Some(p) = Pass::new(CONFIG) else { return };
    let mut secrets = String::from("[secrets]\n");
    for i in 0..20 {
        p.ps.insert(&format!("batch/s{i}"), &format!("value-{i}\n"));
        secrets.push_str(&format!(
            "S_{i} = {{ provider = \"pass\", value = \"batch/s{i}\" }}\n"
        ));
    }
    // Two secrets naming one entry: decrypted once, given to both.
    secrets.push_str("SAME = { provider = \"pass\", value = \"batch/s7\" }\n");
    p.sb.write("fnox.toml", &format!("{CONFIG}{secrets}"));
    let out = p.run(&["exec", "--", "env"]);
    let env = out.ok();
    for i in 0..20 {
        assert!(
            env.contains(&format!("\nS_{i}=value-{i}\n")),
            "S_{i}: {env}"
        );
    }
    assert!(env.contains("\nSAME=value-7\n"), "{env}");
}

#[test]
fn the_value_reaches_pass_on_stdin_never_in_its_arguments() {
    let Some(p) = Pass::new(CONFIG) else { return };
    // A `pass` on PATH that logs its arguments, then runs the real one.
    let real = std::process::Command::new("sh")
        .args(["-c", "command -v pass"])
        .output()
        .unwrap();
    let real = String::from_utf8(real.stdout).unwrap();
    let bin = p.sb.root.path().join("bin");
    let log = p.sb.root.path().join("pass-argv.log");
    std::fs::create_dir_all(&bin).unwrap();
    let wrapper = bin.join("pass");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            real.trim()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // Leading dashes and newlines: an option to pass if it ever were an argument.
    let value = "--force -m\n--\n-e multi line\n  indented";
    let out = p.sb.output(
        p.sb.fnox()
            .envs(p.ps.env())
            .env("PATH", &path)
            .args(["set", "TRICKY", "-p", "pass"])
            .write_stdin(format!("{value}\n")),
    );
    out.ok();
    let out = p.sb.output(
        p.sb.fnox()
            .envs(p.ps.env())
            .env("PATH", &path)
            .args(["get", "TRICKY"]),
    );
    assert_eq!(out.ok(), format!("{value}\n"));
    assert_eq!(p.ps.show("TRICKY"), value);
    let argv = std::fs::read_to_string(&log).unwrap();
    assert!(argv.contains("insert\n"), "{argv}");
    assert!(argv.contains("show\n"), "{argv}");
    for fragment in ["--force -m", "multi line", "indented"] {
        assert!(!argv.contains(fragment), "value in pass's argv: {argv}");
    }
}

#[test]
fn uninitialised_store_says_to_run_pass_init() {
    let Some(p) = Pass::new(
        "[providers]\npass = { type = \"password-store\", store_dir = \"empty-store\" }\n[secrets]\nA = { provider = \"pass\", value = \"a\", if_missing = \"error\" }\n",
    ) else {
        return;
    };
    std::fs::create_dir_all(p.sb.path("empty-store")).unwrap();
    assert_snapshot!(p.run(&["get", "A"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot fetch A (secrets.A in ./fnox.toml:4, provider 'pass')
      caused by: password-store: the password store at [CWD]/empty-store is not initialised
      hint: create it with `PASSWORD_STORE_DIR=[CWD]/empty-store pass init KEYID` (your GPG key id or email), or point store_dir / PASSWORD_STORE_DIR at an existing store
    ");
    assert_snapshot!(p.run(&["set", "B", "v", "-p", "pass"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot store B in provider 'pass'
      caused by: password-store: the password store at [CWD]/empty-store is not initialised
      caused by: writing secrets.B in ./fnox.toml
      hint: create it with `PASSWORD_STORE_DIR=[CWD]/empty-store pass init KEYID` (your GPG key id or email), or point store_dir / PASSWORD_STORE_DIR at an existing store
    ");
    // pass's default store, ~/.password-store, which plain `pass init` creates.
    p.sb.write("default.toml", CONFIG);
    let out =
        p.sb.output(p.sb.fnox().env("GNUPGHOME", &p.ps.gnupg_home).args([
            "-c",
            "default.toml",
            "set",
            "B",
            "v",
            "-p",
            "pass",
        ]));
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot store B in provider 'pass'
      caused by: password-store: the password store at [HOME]/.password-store is not initialised
      caused by: writing secrets.B in ./default.toml
      hint: create it with `pass init KEYID` (your GPG key id or email), or point store_dir / PASSWORD_STORE_DIR at an existing store
    ");
}

#[test]
fn gpg_without_the_secret_key_cannot_decrypt() {
    let Some(p) = Pass::new(CONFIG) else { return };
    p.ps.insert("a", "v\n");
    p.add("A = { provider = \"pass\", value = \"a\", if_missing = \"error\" }");
    let other = p.sb.root.path().join("other-gnupg");
    std::fs::create_dir_all(&other).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o700)).unwrap();
    let out = p.sb.output(
        p.sb.fnox()
            .envs(p.ps.env())
            .env("GNUPGHOME", &other)
            .args(["get", "A"]),
    );
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::encryption::age::identity_not_found]: cannot fetch A (secrets.A in ./fnox.toml:4, provider 'pass')
      caused by: password-store: gpg cannot decrypt a: no usable secret key
      hint: import a secret key listed in [SANDBOX]/store/.gpg-id (gpg --import KEYFILE) or check GNUPGHOME (`gpg --list-secret-keys`); if the key has a passphrase, unlock it once in a terminal (`export GPG_TTY=$(tty); pass show a`) so gpg-agent remembers it
    ");
    let _ = std::process::Command::new("gpgconf")
        .args(["--kill", "gpg-agent"])
        .env("GNUPGHOME", &other)
        .status();
}

#[test]
fn missing_pass_command_says_how_to_install_it() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!("{CONFIG}[secrets]\nA = {{ provider = \"pass\", value = \"a\", if_missing = \"error\" }}\n"),
    );
    let empty = sb.root.path().join("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let out = sb.output(sb.fnox().env("PATH", &empty).args(["get", "A"]));
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot fetch A (secrets.A in ./fnox.toml:4, provider 'pass')
      caused by: password-store: the `pass` command is not installed
      hint: install it: apt-get install pass (Debian/Ubuntu), brew install pass (macOS)
    ");
}
