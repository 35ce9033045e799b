//! keychain on Linux: against gnome-keyring's Secret Service in a private D-Bus session per test
//! (Debian packages `dbus-daemon` and `gnome-keyring`); nothing touches the user's own keyring.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use insta::assert_snapshot;

use crate::support::{require_tool, Output, Sandbox};

/// A session bus that offers no activation, so only the keyring started here can answer.
const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=@SOCKET@</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// A sandbox with its own session bus and an unlocked gnome-keyring on it. Dropping it stops
/// the bus, and gnome-keyring-daemon exits with it.
struct Keyring {
    sb: Sandbox,
    bus: Child,
    address: String,
    runtime_dir: PathBuf,
}

impl Keyring {
    /// `config` is the fnox.toml; it must define a keychain provider named `kc`.
    fn new(config: &str) -> Option<Keyring> {
        if !cfg!(target_os = "linux")
            || !require_tool("dbus-daemon", "dbus-daemon")
            || !require_tool("gnome-keyring-daemon", "gnome-keyring")
        {
            return None;
        }
        let sb = Sandbox::new();
        sb.write("fnox.toml", config);
        let runtime_dir = sb.root.path().join("run");
        std::fs::create_dir_all(&runtime_dir).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime_dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        let bus_config = sb.root.path().join("bus.conf");
        let socket = runtime_dir.join("bus");
        std::fs::write(
            &bus_config,
            BUS_CONFIG.replace("@SOCKET@", &socket.display().to_string()),
        )
        .unwrap();
        let mut bus = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", bus_config.display()))
            .args(["--nofork", "--nosyslog", "--print-address=1"])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon");
        let mut address = String::new();
        BufReader::new(bus.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_owned();
        let kr = Keyring {
            sb,
            bus,
            address,
            runtime_dir,
        };
        if kr.address.is_empty() {
            return kr.unavailable("dbus-daemon did not start a session bus");
        }
        // --unlock reads the login keyring's password on stdin and creates that keyring (the
        // default collection) unlocked; with an empty password it would not create one.
        let mut daemon = Command::new("gnome-keyring-daemon")
            .args(["--unlock", "--components=secrets"])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &kr.sb.home)
            .env("XDG_RUNTIME_DIR", &kr.runtime_dir)
            .env("DBUS_SESSION_BUS_ADDRESS", &kr.address)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start gnome-keyring-daemon");
        daemon
            .stdin
            .take()
            .unwrap()
            .write_all(b"fnox-test")
            .unwrap();
        let started = daemon.wait_with_output().unwrap();
        if !started.status.success() {
            let why = format!(
                "gnome-keyring-daemon failed: {}",
                String::from_utf8_lossy(&started.stderr).trim()
            );
            return kr.unavailable(&why);
        }
        // Wait until the Secret Service answers on the bus.
        let start = Instant::now();
        loop {
            let out = kr.run(&["provider", "test", "kc"]);
            if out.code == 0 {
                break;
            }
            if start.elapsed() > Duration::from_secs(10) {
                let why = format!("the Secret Service never answered: {}", out.stderr.trim());
                return kr.unavailable(&why);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(kr)
    }

    /// The tools are installed but the Secret Service cannot run here: fail under CI, else skip
    /// saying why.
    fn unavailable(self, why: &str) -> Option<Keyring> {
        if std::env::var_os("CI").is_some() {
            panic!("keychain tests need a Secret Service in a private D-Bus session: {why}");
        }
        eprintln!("skipping: cannot run gnome-keyring in a private D-Bus session here: {why}");
        None
    }

    fn run(&self, args: &[&str]) -> Output {
        self.sb.output(
            self.sb
                .fnox()
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .env("XDG_RUNTIME_DIR", &self.runtime_dir)
                .args(args),
        )
    }

    fn add(&self, line: &str) {
        self.sb.add_secret_line(line);
    }

    /// How many Secret Service items have exactly these service and username attributes (the
    /// pair upstream fnox and other keyring-crate users look up), through gdbus when installed.
    fn items(&self, service: &str, username: &str) -> Option<usize> {
        let out = Command::new("gdbus")
            .args([
                "call",
                "--session",
                "--dest",
                "org.freedesktop.secrets",
                "--object-path",
                "/org/freedesktop/secrets",
                "--method",
                "org.freedesktop.Secret.Service.SearchItems",
                &format!("{{'service': '{service}', 'username': '{username}'}}"),
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .output()
            .ok()?;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(
            String::from_utf8_lossy(&out.stdout)
                .matches("/org/freedesktop/secrets/collection/")
                .count(),
        )
    }
}

impl Drop for Keyring {
    fn drop(&mut self) {
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

const CONFIG: &str = "[providers]\nkc = { type = \"keychain\", service = \"fnox-test\" }\n";

#[test]
fn set_writes_the_secret_service_and_get_reads_it() {
    let Some(kr) = Keyring::new(CONFIG) else {
        return;
    };
    kr.run(&["set", "DATABASE_URL", "postgres://u:p@h/db", "-p", "kc"])
        .ok();
    assert!(kr
        .sb
        .read("fnox.toml")
        .contains("{ provider = \"kc\", value = \"DATABASE_URL\" }"));
    assert_eq!(
        kr.run(&["get", "DATABASE_URL"]).ok(),
        "postgres://u:p@h/db\n"
    );
    // Stored under service + account name, as upstream fnox does.
    if let Some(n) = kr.items("fnox-test", "DATABASE_URL") {
        assert_eq!(n, 1);
    }
    // `set` again replaces the item instead of adding a second one.
    kr.run(&["set", "DATABASE_URL", "postgres://new", "-p", "kc"])
        .ok();
    assert_eq!(kr.run(&["get", "DATABASE_URL"]).ok(), "postgres://new\n");
    if let Some(n) = kr.items("fnox-test", "DATABASE_URL") {
        assert_eq!(n, 1);
    }
}

#[test]
fn prefix_names_the_account_and_multi_line_values_round_trip() {
    let Some(kr) = Keyring::new(
        "[providers]\nkc = { type = \"keychain\", service = \"fnox-test\", prefix = \"myapp/\" }\n",
    ) else {
        return;
    };
    let value = "-----BEGIN KEY-----\nline two ünïcode\n-----END KEY-----";
    kr.run(&["set", "-p", "kc", "KEY", "--", value]).ok();
    assert_eq!(kr.run(&["get", "KEY"]).ok(), format!("{value}\n"));
    if let Some(n) = kr.items("fnox-test", "myapp/KEY") {
        assert_eq!(n, 1);
    }
    kr.add("SECOND_LINE = { provider = \"kc\", value = \"KEY\", line = 2 }");
    kr.add("AGAIN = { provider = \"kc\", value = \"KEY\" }");
    let out = kr.run(&[
        "exec",
        "--",
        "sh",
        "-c",
        "printf '%s|%s' \"$SECOND_LINE\" \"$AGAIN\"",
    ]);
    assert_eq!(out.ok(), format!("line two ünïcode|{value}"));
}

#[test]
fn missing_entry_is_a_not_found_error_naming_it() {
    let Some(kr) = Keyring::new(CONFIG) else {
        return;
    };
    kr.add("GONE = { provider = \"kc\", value = \"never-set\", if_missing = \"error\" }");
    assert_snapshot!(kr.run(&["get", "GONE"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::secret_not_found]: cannot fetch GONE (secrets.GONE in ./fnox.toml:4, provider 'kc')
      caused by: keychain: secret 'never-set' not found in service fnox-test
      hint: store it with `fnox set` using this provider, or check `service` and `prefix`
    ");
}

#[test]
fn without_a_secret_service_the_error_says_what_to_install() {
    // No session bus at all: this runs everywhere, keyring or not.
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!("{CONFIG}[secrets]\nA = {{ provider = \"kc\", value = \"a\", if_missing = \"error\" }}\n"),
    );
    let out = sb.output(
        sb.fnox()
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                format!("unix:path={}", sb.root.path().join("no-bus").display()),
            )
            .args(["get", "A"]),
    );
    if cfg!(target_os = "linux") {
        assert_snapshot!(out.all(), @"
        exit: 1
        --- stdout
        --- stderr
        error[fnox::provider::api_error]: cannot fetch A (secrets.A in ./fnox.toml:4, provider 'kc')
          caused by: keychain: cannot reach the OS secret store for a: no secret service provider or dbus session found
          hint: a Secret Service must run on the D-Bus session bus: install gnome-keyring (apt-get install gnome-keyring) or KWallet, and run fnox inside your desktop or a `dbus-run-session`
        ");
    }
}

#[test]
fn service_is_required() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[providers]\nkc = { type = \"keychain\" }\n[secrets]\nA = { provider = \"kc\", value = \"a\" }\n",
    );
    assert_snapshot!(sb.run(&["get", "A"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot resolve A (secrets.A in ./fnox.toml:4)
      caused by: cannot use provider 'kc' (providers.kc in ./fnox.toml:2)
      caused by: invalid keychain provider settings: missing field `service`
    ");
}

#[test]
fn an_age_identity_kept_in_the_keychain_decrypts() {
    let Some(kr) = Keyring::new(CONFIG) else {
        return;
    };
    if !crate::age_identity_providers::tools() {
        return;
    }
    let (key, public) = crate::age_identity_providers::keygen(&kr.sb, "a.txt");
    std::fs::remove_file(kr.sb.path("a.txt")).unwrap();
    let line = key
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .unwrap();
    kr.run(&["set", "AGE_KEY", line, "-p", "kc"]).ok();
    let text = kr.sb.read("fnox.toml").replace(
        "[secrets]",
        &format!(
            "[providers.age]\ntype = \"age\"\nrecipients = [\"{public}\"]\nidentity = {{ provider = \"kc\", value = \"AGE_KEY\" }}\n\n[secrets]"
        ),
    );
    kr.sb.write("fnox.toml", &text);
    kr.run(&["set", "A", "hello", "-p", "age"]).ok();
    assert_eq!(kr.run(&["get", "A"]).ok(), "hello\n");
}
