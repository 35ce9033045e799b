//! `fnox tui`, the real binary in a real terminal: a detached tmux session (Debian's tmux) of
//! 120x40 running a shell, driven with `send-keys` and read with `capture-pane`. Each test has
//! its own tmux server (a socket in its sandbox), killed when the test ends.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use insta::assert_snapshot;

use crate::support::{age_sandbox, require_tool, Sandbox};

/// How long a screen may take to show what a test waits for (a loaded machine is slow; a test
/// that passes never waits this long).
const DEADLINE: Duration = Duration::from_secs(60);
const PROMPT: &str = "tui-test$ ";

struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    /// A tmux server of its own with one 120x40 session running `sh` in the sandbox's cwd, with
    /// the sandbox's environment; clipboard sequences from programs land in tmux's buffer.
    fn start(sb: &Sandbox) -> Option<Tmux> {
        if !require_tool("tmux", "tmux") {
            return None;
        }
        let tmux = Tmux {
            socket: sb.root.path().join("tmux.sock"),
        };
        let cwd = sb.cwd.to_str().expect("a UTF-8 temp path");
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "-c",
            cwd,
            "sh",
        ]);
        tmux.run(&["set-option", "-s", "set-clipboard", "on"]);
        // A prompt of its own (dash keeps root's `# ` whatever PS1 the environment has).
        tmux.type_text(&format!("PS1='{PROMPT}'"));
        tmux.keys(&["Enter"]);
        tmux.wait_for(PROMPT.trim_end());
        Some(tmux)
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.arg("-S").arg(&self.socket);
        cmd
    }

    /// Runs a tmux command (the first one starts the server with this environment).
    fn run(&self, args: &[&str]) -> String {
        let home = self.socket.parent().unwrap().join("home");
        let out = self
            .command()
            .args(args)
            .env_clear()
            .env("HOME", home)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("LANG", "C.UTF-8")
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Keys by tmux's names (`Enter`, `Escape`, `j`, ...).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Text typed as it is.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p"])
    }

    /// Polls the screen until `done` holds on two captures in a row that are
    /// the same, so a frame still being drawn is never what a test reads;
    /// panics with the screen at the deadline.
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last: Option<String> = None;
        loop {
            let screen = self.screen();
            if done(&screen) {
                if last.as_deref() == Some(screen.as_str()) {
                    return screen;
                }
                if start.elapsed() > DEADLINE {
                    return screen;
                }
                last = Some(screen);
                std::thread::sleep(Duration::from_millis(30));
                continue;
            }
            last = None;
            if start.elapsed() > DEADLINE {
                panic!("waited {DEADLINE:?} for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Starts `fnox tui` (with `args` before `tui`) at the shell prompt and waits for its header.
    fn open_tui(&self, args: &str) -> String {
        let bin = env!("CARGO_BIN_EXE_fnox");
        self.type_text(&format!("'{bin}' {args} tui"));
        self.keys(&["Enter"]);
        self.wait_for("secrets")
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
    }
}

/// An age-encrypted fnox.toml with these secrets set through `fnox set`.
fn sandbox_with(secrets: &[(&str, &str)]) -> Sandbox {
    let sb = age_sandbox();
    for (name, value) in secrets {
        sb.run(&["set", name, value]).ok();
    }
    sb
}

/// The table row naming `name`.
fn row<'s>(screen: &'s str, name: &str) -> &'s str {
    screen
        .lines()
        .find(|l| l.contains(&format!(" {name} ")))
        .unwrap_or_else(|| panic!("no row for {name} on the screen:\n{screen}"))
}

#[test]
fn tui_lists_the_secrets_with_values_hidden() {
    let sb = sandbox_with(&[
        ("DB_URL", "postgres://db-secret"),
        ("API_TOKEN", "tok-secret"),
    ]);
    let Some(tmux) = Tmux::start(&sb) else { return };
    let screen = tmux.open_tui("");
    let screen = if screen.contains("API_TOKEN") {
        screen
    } else {
        tmux.wait_for("API_TOKEN")
    };
    assert!(screen.contains("profile: default"), "{screen}");
    assert!(screen.contains("2 of 2 secrets"), "{screen}");
    for name in ["DB_URL", "API_TOKEN"] {
        let line = row(&screen, name);
        assert!(line.contains("age"), "{line}");
        assert!(line.contains("••••••••"), "{line}");
    }
    assert!(
        !screen.contains("db-secret") && !screen.contains("tok-secret"),
        "{screen}"
    );
}

#[test]
fn tui_reveal_shows_the_selected_value_only() {
    let sb = sandbox_with(&[
        ("DB_URL", "postgres://db-secret"),
        ("API_TOKEN", "tok-secret"),
    ]);
    let Some(tmux) = Tmux::start(&sb) else { return };
    tmux.open_tui("");
    tmux.wait_for("API_TOKEN");
    tmux.keys(&["V"]);
    let screen = tmux.wait_for("postgres://db-secret");
    assert!(
        row(&screen, "DB_URL").contains("postgres://db-secret"),
        "{screen}"
    );
    assert!(!screen.contains("tok-secret"), "{screen}");
    // Moving on hides it again; the next one is revealed only when asked.
    tmux.keys(&["j"]);
    let screen = tmux.wait_until("the value hidden again", |s| !s.contains("db-secret"));
    assert!(!screen.contains("tok-secret"), "{screen}");
    tmux.keys(&["V"]);
    let screen = tmux.wait_for("tok-secret");
    assert!(row(&screen, "API_TOKEN").contains("tok-secret"), "{screen}");
    assert!(!screen.contains("db-secret"), "{screen}");
    // V again hides it.
    tmux.keys(&["V"]);
    tmux.wait_until("the value hidden", |s| !s.contains("tok-secret"));
}

#[test]
fn tui_search_filters_by_name() {
    let sb = sandbox_with(&[("DB_URL", "u"), ("DB_PASSWORD", "p"), ("API_TOKEN", "t")]);
    let Some(tmux) = Tmux::start(&sb) else { return };
    tmux.open_tui("");
    tmux.wait_for("3 of 3 secrets");
    tmux.keys(&["/"]);
    tmux.type_text("db");
    // "d" alone already matches the same two, so wait for the whole query.
    let screen = tmux.wait_until("the query typed and applied", |s| {
        s.contains("Search: db") && s.contains("2 of 3 secrets")
    });
    assert!(
        screen.contains("DB_URL") && screen.contains("DB_PASSWORD"),
        "{screen}"
    );
    assert!(!screen.contains("API_TOKEN"), "{screen}");
    // Enter keeps the filter and leaves search mode; `/` then Escape clears it.
    tmux.keys(&["Enter"]);
    tmux.wait_for("j/k move");
    tmux.keys(&["/", "Escape"]);
    let screen = tmux.wait_for("3 of 3 secrets");
    assert!(screen.contains("API_TOKEN"), "{screen}");
}

#[test]
fn tui_profile_picker_switches_the_list() {
    let sb = sandbox_with(&[("SHARED", "s")]);
    sb.run(&["-P", "prod", "set", "PROD_ONLY", "p"]).ok();
    let Some(tmux) = Tmux::start(&sb) else { return };
    let screen = tmux.open_tui("");
    assert!(!tmux.wait_for("SHARED").contains("PROD_ONLY"), "{screen}");
    tmux.keys(&["P"]);
    let picker = tmux.wait_for("Profile");
    assert!(
        picker.contains("default (active)") && picker.contains("prod"),
        "{picker}"
    );
    tmux.keys(&["j", "Enter"]);
    let screen = tmux.wait_for("profile: prod");
    assert!(screen.contains("PROD_ONLY"), "{screen}");
    assert!(
        screen.contains("SHARED"),
        "top-level secrets are inherited: {screen}"
    );
    assert!(screen.contains("2 of 2 secrets"), "{screen}");
}

#[test]
fn tui_details_show_provider_source_and_description() {
    let sb = age_sandbox();
    sb.run(&[
        "set",
        "API_TOKEN",
        "tok-secret",
        "-d",
        "the token for the API",
    ])
    .ok();
    let Some(tmux) = Tmux::start(&sb) else { return };
    tmux.open_tui("");
    tmux.wait_for("API_TOKEN");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Secret details");
    for expected in [
        "Provider      age",
        "Description   the token for the API",
        "Source        ./fnox.toml:5 (secrets.API_TOKEN)",
        "Provider key  YWdlLWVuY3J5cHRpb24ub3JnL3Yx",
        "Value         hidden",
    ] {
        assert!(screen.contains(expected), "{expected:?} in:\n{screen}");
    }
    assert!(!screen.contains("tok-secret"), "{screen}");
    // Any other key closes the details.
    tmux.keys(&["x"]);
    tmux.wait_until("the details closed", |s| !s.contains("Secret details"));
}

#[test]
fn tui_copy_sends_the_value_to_the_clipboard() {
    let value = "s3cr3t wörd; with=symbols";
    let sb = sandbox_with(&[("FIRST", "not this one"), ("TOKEN", value)]);
    let Some(tmux) = Tmux::start(&sb) else { return };
    tmux.open_tui("");
    tmux.wait_for("TOKEN");
    tmux.keys(&["j", "c"]);
    let screen = tmux.wait_for("Copied TOKEN to the clipboard");
    // Copied, not shown.
    assert!(!screen.contains("s3cr3t"), "{screen}");
    let start = Instant::now();
    loop {
        let buffer = tmux.command().arg("show-buffer").output().expect("tmux");
        if buffer.stdout == value.as_bytes() {
            break;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "tmux's buffer: {:?}",
            String::from_utf8_lossy(&buffer.stdout)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn tui_edit_sets_the_value_as_fnox_set_does() {
    let sb = sandbox_with(&[("DB_URL", "old-value"), ("OTHER", "kept")]);
    let before = sb.read("fnox.toml");
    let Some(tmux) = Tmux::start(&sb) else { return };
    tmux.open_tui("");
    tmux.wait_for("DB_URL");
    tmux.keys(&["e"]);
    tmux.wait_for("New value for DB_URL");
    tmux.type_text("brand-new-value");
    // Typed characters are masked.
    let screen = tmux.wait_for("•••••••••••••••_");
    assert!(!screen.contains("brand-new"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("✓ Set secret DB_URL in ./fnox.toml");
    tmux.keys(&["q"]);
    tmux.wait_for(PROMPT.trim_end());
    assert_eq!(sb.run(&["get", "DB_URL"]).ok(), "brand-new-value\n");
    assert_eq!(sb.run(&["get", "OTHER"]).ok(), "kept\n");
    // Encrypted with age, only that entry changed, and its integrity tag renewed.
    let after = sb.read("fnox.toml");
    assert!(!after.contains("brand-new-value"));
    let changed: Vec<_> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].1.starts_with("DB_URL") && changed[0].1.contains("YWdlLWVuY3J5cHRpb24"));
    let lock = sb.read("fnox.lock");
    assert!(lock.contains("tag - DB_URL age "), "{lock}");
    sb.run(&["check"]).ok();
}

#[test]
fn tui_quit_restores_the_terminal() {
    let sb = sandbox_with(&[("DB_URL", "v")]);
    let Some(tmux) = Tmux::start(&sb) else { return };
    tmux.open_tui("");
    assert_eq!(
        tmux.run(&["display-message", "-p", "#{alternate_on}"])
            .trim(),
        "1"
    );
    tmux.keys(&["q"]);
    tmux.wait_until("the alternate screen left", |_| {
        tmux.run(&["display-message", "-p", "#{alternate_on}"])
            .trim()
            == "0"
    });
    // The shell reads lines again: echo on, Enter ends a line (raw mode is off).
    tmux.type_text("echo restored-$((6*7))");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("restored-42\n");
    assert!(screen.contains("echo restored-$((6*7))"), "{screen}");
}

#[test]
fn tui_refuses_without_a_terminal() {
    let sb = sandbox_with(&[("DB_URL", "v")]);
    assert_snapshot!(sb.run(&["tui"]).all(), @r"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::tui::not_a_terminal]: fnox tui needs a terminal: stdin and stdout must both be one
      hint: run it in a terminal; scripts read secrets with `fnox list` and `fnox get KEY`
    ");
    // A terminal on stdin is not enough: stdout into a pipe is refused too, leaving the
    // terminal as it was.
    let Some(tmux) = Tmux::start(&sb) else { return };
    let bin = env!("CARGO_BIN_EXE_fnox");
    tmux.type_text(&format!("'{bin}' tui | cat; echo exit=$?"));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("exit=0");
    assert!(
        screen.contains("error[fnox::tui::not_a_terminal]"),
        "{screen}"
    );
    assert_eq!(
        tmux.run(&["display-message", "-p", "#{alternate_on}"])
            .trim(),
        "0"
    );
}

#[test]
fn tui_shows_a_value_it_cannot_read_as_an_error_and_keeps_running() {
    let sb = sandbox_with(&[("DB_URL", "postgres://db-secret")]);
    std::fs::remove_file(sb.home.join(".config/fnox/age.txt")).unwrap();
    let Some(tmux) = Tmux::start(&sb) else { return };
    tmux.open_tui("");
    tmux.wait_for("DB_URL");
    tmux.keys(&["V"]);
    let screen = tmux.wait_for("cannot decrypt DB_URL");
    assert!(row(&screen, "DB_URL").contains("••••••••"), "{screen}");
    assert!(screen.contains("profile: default"), "{screen}");
    // The next key clears the message; the dashboard goes on.
    tmux.keys(&["j"]);
    tmux.wait_for("j/k move");
}
