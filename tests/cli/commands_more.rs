//! check, doctor, config-files, ci-redact, exec --replace and as_file, edit, sync, scan.

use std::path::{Path, PathBuf};

use insta::assert_snapshot;

use crate::support::gpg::PassStore;
use crate::support::process::Running;
use crate::support::{age_config, age_sandbox, Sandbox};

fn append(sb: &Sandbox, line: &str) {
    let text = sb.read("fnox.toml");
    sb.write("fnox.toml", &format!("{text}{line}\n"));
}

/// A shell script in the sandbox root, made executable; returns its path.
fn script(sb: &Sandbox, name: &str, body: &str) -> PathBuf {
    let path = sb.root.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

/// A sandbox-private TMPDIR, so a test can see that fnox leaves nothing behind in it.
fn tmpdir(sb: &Sandbox) -> PathBuf {
    let dir = sb.root.path().join("tmp");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------- check

#[test]
fn check_passes_when_every_secret_resolves() {
    let sb = age_sandbox();
    sb.run(&["set", "A", "alpha"]).ok();
    append(&sb, "B = { default = \"bee\" }");
    assert_snapshot!(sb.run(&["check"]).all(), @r"
    exit: 0
    --- stdout
    ✓ 2 of 2 secret(s) resolve in profile 'default'
    --- stderr
    ");
    assert_snapshot!(sb.run(&["c"]).all(), @r"
    exit: 0
    --- stdout
    ✓ 2 of 2 secret(s) resolve in profile 'default'
    --- stderr
    ");
}

#[test]
fn check_reports_required_failures_and_all_counts_the_rest() {
    let sb = age_sandbox();
    sb.run(&["set", "GOOD", "s3cret-value"]).ok();
    append(&sb, "BROKEN = { provider = \"age\", value = \"not-age\" }");
    append(&sb, "REQUIRED = { if_missing = \"error\" }");
    let out = sb.run(&["check"]);
    assert!(!out.all().contains("s3cret-value"));
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    warning: BROKEN not resolved; not required (if_missing is warn or ignore), so not counted; `fnox check --all` counts them
    error[fnox::check::error]: 1 of 3 secret(s) do not resolve in profile 'default'
      caused by: REQUIRED: Secret 'REQUIRED' not found and no default provided (secrets.REQUIRED in ./fnox.toml:7): no provider value, no default, and no REQUIRED in the environment
      hint: set it with `fnox set REQUIRED`, or give it a `default`
    ");
    assert_snapshot!(sb.run(&["check", "--all"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::check::error]: 2 of 3 secret(s) do not resolve in profile 'default'
      caused by: BROKEN: cannot decrypt BROKEN (secrets.BROKEN in ./fnox.toml:6, provider 'age'): Age decryption failed: the value is not an age ciphertext (bad header)
      caused by: REQUIRED: Secret 'REQUIRED' not found and no default provided (secrets.REQUIRED in ./fnox.toml:7): no provider value, no default, and no REQUIRED in the environment
      hint: the value was damaged or is not encrypted; set it again with `fnox set`
    ");
    // Only optional failures: check passes and says what it left out.
    let sb = age_sandbox();
    append(&sb, "OPTIONAL = { if_missing = \"warn\" }");
    let out = sb.run(&["check"]);
    assert_eq!(out.code, 0, "{}", out.all());
    assert!(
        out.stderr.contains("OPTIONAL not resolved"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------- doctor

#[test]
fn doctor_shows_files_profile_providers_and_env_names_only() {
    let sb = age_sandbox();
    sb.run(&["set", "A", "alpha"]).ok();
    append(&sb, "B = { default = \"bee\" }");
    append(&sb, "C = { provider = \"gone\", value = \"x\" }");
    sb.write_home(
        ".config/fnox/config.toml",
        "[secrets]\nG = { default = \"g\" }\n",
    );
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY", "AGE-SECRET-KEY-1SHOULDNEVERBEPRINTED")
            .args(["dr"]),
    );
    assert!(!out.all().contains("SHOULDNEVERBEPRINTED"));
    assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    Config files (lowest priority first):
      [HOME]/.config/fnox/config.toml (global)
      ./fnox.toml
    Profiles: default
    Default provider: age
    Providers: 1
      age  age  ./fnox.toml:2
    Secrets: 4 (2 from providers, 2 from defaults, 0 from the environment only)
    Environment variables set (names only):
      FNOX_AGE_KEY
    Provider health:
      ✗ age: provider 'age' failed its test: FNOX_AGE_KEY does not hold an age identity: identity file contains non-identity data on line 1
    Tips:
      - secret C uses provider 'gone', which is not defined (secrets.C in ./fnox.toml:7)
      - provider age: set FNOX_AGE_KEY to the AGE-SECRET-KEY-1... line of your key, or unset it
      - run `fnox check` to validate your configuration: it resolves every secret
    --- stderr
    ");
}

#[test]
fn doctor_without_config_suggests_init() {
    let sb = Sandbox::new();
    assert_snapshot!(sb.run(&["doctor"]).all(), @"
    exit: 0
    --- stdout
    Config files (lowest priority first):
      (none found)
    Profiles: default
    Default provider: (none)
    Providers: 0
      No providers configured
    Secrets: 0 (0 from providers, 0 from defaults, 0 from the environment only)
    Environment variables set (names only):
      (none)
    Tips:
      - no fnox.toml here or above: run `fnox init` to create one
    --- stderr
    ");
}

// ---------------------------------------------------------------- config-files

#[test]
fn config_files_lists_what_loads_in_load_order() {
    let sb = Sandbox::new();
    sb.write_home(".config/fnox/config.toml", "");
    sb.write("fnox.toml", "[profiles.prod]\n");
    sb.write("fnox.local.toml", "");
    sb.write("fnox.prod.toml", "");
    sb.write("sub/fnox.toml", "import = [\"shared.toml\"]\n");
    sb.write("sub/shared.toml", "");
    let out = sb.output(
        sb.fnox_in(&sb.path("sub"))
            .args(["-P", "prod", "config-files"]),
    );
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    [HOME]/.config/fnox/config.toml
    [CWD]/fnox.toml
    [CWD]/fnox.prod.toml
    [CWD]/fnox.local.toml
    [CWD]/sub/shared.toml
    [CWD]/sub/fnox.toml
    --- stderr
    ");
    // Without the profile, and with root = true in sub, the parent stops loading.
    sb.write("sub/fnox.toml", "root = true\n");
    let out = sb.output(sb.fnox_in(&sb.path("sub")).args(["config-files"]));
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    [HOME]/.config/fnox/config.toml
    [CWD]/sub/fnox.toml
    --- stderr
    ");
    // An explicit -c: that file and the global one.
    assert_snapshot!(sb.run(&["-c", "fnox.prod.toml", "config-files"]).all(), @r"
    exit: 0
    --- stdout
    [HOME]/.config/fnox/config.toml
    [CWD]/fnox.prod.toml
    --- stderr
    ");
    let empty = Sandbox::new();
    assert_snapshot!(empty.run(&["config-files"]).all(), @r"
    exit: 0
    --- stdout
    --- stderr
    No config files load in [CWD] (run `fnox init` to create one)
    ");
}

// ---------------------------------------------------------------- ci-redact

#[test]
fn ci_redact_prints_one_github_mask_per_line() {
    let sb = age_sandbox();
    sb.run(&["set", "TOKEN", "tok-123"]).ok();
    sb.run(&["set", "PEM", "line one\nline two\n"]).ok();
    sb.run(&["set", "PCT", "50%0Aoff"]).ok();
    append(&sb, "DEF = { default = \"from-default\" }");
    let out = sb.output(
        sb.fnox()
            .env("GITHUB_ACTIONS", "true")
            .env("CI", "true")
            .arg("ci-redact"),
    );
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    ::add-mask::tok-123
    ::add-mask::line one
    ::add-mask::line two
    ::add-mask::50%250Aoff
    ::add-mask::from-default
    --- stderr
    ");
}

#[test]
fn ci_redact_outside_github_actions_is_an_error() {
    let sb = age_sandbox();
    sb.run(&["set", "TOKEN", "tok-123"]).ok();
    assert_snapshot!(sb.run(&["ci-redact"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::ci_redact::error]: not running in a supported CI
      caused by: neither GITHUB_ACTIONS nor CI is set
      hint: run `fnox ci-redact` as a step of a GitHub Actions job; elsewhere, use your CI's own secret masking
    ");
    let out = sb.output(
        sb.fnox()
            .env("GITLAB_CI", "true")
            .env("CI", "true")
            .arg("ci-redact"),
    );
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::ci_redact::error]: GitLab CI cannot mask a value at runtime
      caused by: GitLab masks only CI/CD variables declared as masked in the project settings; a job has no command to add one
      hint: declare the secrets as masked CI/CD variables (Settings > CI/CD > Variables), or keep values out of job logs
    ");
    let out = sb.output(
        sb.fnox()
            .env("CIRCLECI", "true")
            .env("CI", "true")
            .arg("ci-redact"),
    );
    assert_snapshot!(out.all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::ci_redact::error]: not running in a supported CI
      caused by: CI is set, but GITHUB_ACTIONS is not "true"; only GitHub Actions has a masking command fnox can print
      hint: run `fnox ci-redact` as a step of a GitHub Actions job; elsewhere, use your CI's own secret masking
    "#);
    assert!(!sb.run(&["--help"]).stdout.contains("ci-redact"), "hidden");
}

// ---------------------------------------------------------------- exec: as_file, --replace

fn as_file_sandbox() -> Sandbox {
    let sb = age_sandbox();
    sb.run(&["set", "PLAIN", "plain-value"]).ok();
    sb.run(&["set", "CERT", "--", "-----cert-----\nbody\n"])
        .ok();
    let text = sb.read("fnox.toml").replace(
        "\nCERT= { provider = \"age\", value = \"",
        "\nCERT= { as_file = true, provider = \"age\", value = \"",
    );
    sb.write("fnox.toml", &text);
    sb
}

/// On Linux the file is a memfd: the path opens it (again and again, from the start), the
/// value is nowhere on disk, and TMPDIR stays empty throughout.
#[cfg(target_os = "linux")]
#[test]
fn exec_as_file_passes_a_memory_file_that_never_touches_a_disk() {
    let sb = as_file_sandbox();
    let tmp = tmpdir(&sb);
    let probe = "printf '%s\\n' \"$CERT\" > seen; cat \"$CERT\" > content; cat \"$CERT\" > again; \
                 stat -L -c %a \"$CERT\" > mode; readlink \"$CERT\" > target; \
                 ls -A \"$TMPDIR\" > during; printf %s \"$PLAIN\" > plain";
    let out = sb.output(
        sb.fnox()
            .env("TMPDIR", &tmp)
            .args(["exec", "--", "sh", "-c", probe]),
    );
    out.ok();
    let seen = sb.read("seen");
    assert!(seen.starts_with("/proc/self/fd/"), "{seen}");
    assert_eq!(sb.read("content"), "-----cert-----\nbody\n");
    assert_eq!(sb.read("again"), "-----cert-----\nbody\n");
    assert_eq!(sb.read("mode").trim(), "600");
    let target = sb.read("target");
    assert!(target.starts_with("/memfd:fnox-CERT"), "{target}");
    assert_eq!(
        sb.read("during"),
        "",
        "nothing in TMPDIR while the command runs"
    );
    assert_eq!(sb.read("plain"), "plain-value", "other secrets stay values");
    assert!(entries(&tmp).is_empty(), "{:?}", entries(&tmp));
}

#[cfg(all(unix, not(target_os = "linux")))]
#[test]
fn exec_as_file_passes_a_private_file_removed_after_the_command() {
    let sb = as_file_sandbox();
    let tmp = tmpdir(&sb);
    let probe = "printf '%s\\n' \"$CERT\" > seen; cat \"$CERT\" > content; \
                 stat -c %a \"$CERT\" > mode; stat -c %a \"$(dirname \"$CERT\")\" > dirmode; \
                 printf %s \"$PLAIN\" > plain";
    let out = sb.output(
        sb.fnox()
            .env("TMPDIR", &tmp)
            .args(["exec", "--", "sh", "-c", probe]),
    );
    out.ok();
    let path = PathBuf::from(sb.read("seen").trim());
    assert!(path.starts_with(&tmp), "{}", path.display());
    assert_eq!(sb.read("content"), "-----cert-----\nbody\n");
    assert_eq!(sb.read("mode").trim(), "600");
    assert_eq!(sb.read("dirmode").trim(), "700");
    assert_eq!(sb.read("plain"), "plain-value", "other secrets stay values");
    assert!(!path.exists(), "the file is removed after the command");
    assert!(
        entries(&tmp).is_empty(),
        "nothing left: {:?}",
        entries(&tmp)
    );
    // Removed after a failing command too.
    let out = sb.output(
        sb.fnox()
            .env("TMPDIR", &tmp)
            .args(["exec", "--", "sh", "-c", "exit 3"]),
    );
    assert_eq!(out.code, 3);
    assert!(entries(&tmp).is_empty());
}

#[cfg(unix)]
#[test]
fn exec_as_file_is_removed_when_a_forwarded_signal_ends_the_command() {
    let sb = as_file_sandbox();
    let tmp = tmpdir(&sb);
    let mut fnox = Running::spawn(
        &sb,
        &[("TMPDIR", &tmp)],
        &[
            "exec",
            "--",
            "sh",
            "-c",
            "printf '%s' \"$CERT\" > seen; while :; do sleep 0.05; done",
        ],
    );
    fnox.wait_for_content(&sb.path("seen"));
    // On Linux the path names the command's own memfd; elsewhere a file in TMPDIR.
    let on_disk = !cfg!(target_os = "linux");
    let path = PathBuf::from(sb.read("seen"));
    if on_disk {
        assert!(path.exists());
    } else {
        assert!(path.starts_with("/proc/self/fd/"), "{}", path.display());
    }
    fnox.signal(libc::SIGTERM);
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 143, "{stderr}");
    if on_disk {
        assert!(!path.exists(), "the file went with the command");
    }
    assert!(entries(&tmp).is_empty(), "{:?}", entries(&tmp));
}

/// `kill -9` of fnox while the command runs leaves no plaintext in TMPDIR (on Linux none was
/// ever there); elsewhere the next run removes what the killed fnox left.
#[cfg(unix)]
#[test]
fn exec_as_file_leaves_nothing_in_tmpdir_when_fnox_is_killed() {
    let sb = as_file_sandbox();
    let tmp = tmpdir(&sb);
    let mut fnox = Running::spawn(
        &sb,
        &[("TMPDIR", &tmp)],
        &[
            "exec",
            "--",
            "sh",
            "-c",
            "cat \"$CERT\" > content; printf %s $$ > pid; while :; do sleep 0.05; done",
        ],
    );
    fnox.wait_for_content(&sb.path("pid"));
    let child: libc::pid_t = sb.read("pid").parse().unwrap();
    fnox.signal(libc::SIGKILL);
    // SAFETY: kill(2); the looping command would otherwise outlive the test and hold fnox's
    // stderr open (on Linux it gets SIGTERM anyway when fnox dies).
    unsafe { libc::kill(child, libc::SIGKILL) };
    let (code, _) = fnox.finish();
    assert_eq!(code, -1, "fnox itself was killed");
    assert_eq!(sb.read("content"), "-----cert-----\nbody\n");
    if cfg!(target_os = "linux") {
        assert!(entries(&tmp).is_empty(), "{:?}", entries(&tmp));
    }
    sb.output(sb.fnox().env("TMPDIR", &tmp).args(["exec", "--", "true"]))
        .ok();
    assert!(entries(&tmp).is_empty(), "{:?}", entries(&tmp));
}

#[test]
fn get_of_an_as_file_secret_prints_the_value_and_writes_no_file() {
    let sb = as_file_sandbox();
    let tmp = tmpdir(&sb);
    let out = sb.output(sb.fnox().env("TMPDIR", &tmp).args(["get", "CERT"]));
    assert_eq!(out.ok(), "-----cert-----\nbody\n\n");
    assert!(entries(&tmp).is_empty());
}

#[cfg(unix)]
#[test]
fn exec_replace_runs_the_command_in_place_without_key_material() {
    let sb = age_sandbox();
    sb.run(&["set", "A", "alpha"]).ok();
    let key = sb.home.join(".config/fnox/age.txt");
    let mut fnox = Running::spawn(
        &sb,
        &[("FNOX_AGE_KEY_FILE", &key)],
        &[
            "exec",
            "--replace",
            "--",
            "sh",
            "-c",
            "printf '%s %s [%s]' \"$$\" \"$A\" \"${FNOX_AGE_KEY_FILE-unset}\"",
        ],
    );
    let pid = fnox.0.id();
    let mut stdout = String::new();
    {
        use std::io::Read;
        fnox.0
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut stdout)
            .unwrap();
    }
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!("{pid} alpha [unset]"),
        "same PID, no key material"
    );
}

/// The memfds survive the exec in place: the command (same PID) reads them, and they go when
/// it exits.
#[cfg(target_os = "linux")]
#[test]
fn exec_replace_keeps_as_file_secrets_in_memory_with_the_command() {
    let sb = as_file_sandbox();
    let tmp = tmpdir(&sb);
    let mut fnox = Running::spawn(
        &sb,
        &[("TMPDIR", &tmp)],
        &[
            "exec",
            "--replace",
            "--",
            "sh",
            "-c",
            "printf '%s\\n' \"$$\"; cat \"$CERT\"",
        ],
    );
    let pid = fnox.0.id();
    let mut stdout = String::new();
    {
        use std::io::Read;
        fnox.0
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut stdout)
            .unwrap();
    }
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, format!("{pid}\n-----cert-----\nbody\n"), "same PID");
    assert!(entries(&tmp).is_empty(), "{:?}", entries(&tmp));
}

#[cfg(not(target_os = "linux"))]
#[test]
fn exec_replace_is_refused_with_as_file_secrets() {
    let sb = as_file_sandbox();
    assert_snapshot!(sb.run(&["exec", "--replace", "--", "true"]).all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::usage]: cannot use --replace: CERT is as_file
      caused by: fnox must stay to remove the secret files when the command exits
      hint: drop --replace, or set as_file = false on those secrets
    ");
}

// ---------------------------------------------------------------- edit

const EDITED: &str = "# the team's secrets\n";

fn edit_sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &format!("{EDITED}{}", age_config()));
    sb.run(&["set", "KEEP", "unchanged"]).ok();
    sb.run(&["set", "CHANGE", "old value"]).ok();
    sb.run(&["set", "DROP", "going"]).ok();
    sb.run(&["set", "MULTI", "line 1\nline \"2\"\n"]).ok();
    append(&sb, "# a comment that stays\nDEF = { default = \"d\" }");
    sb
}

#[cfg(unix)]
#[test]
fn edit_writes_back_only_what_changed_and_keeps_the_layout() {
    let sb = edit_sandbox();
    let tmp = tmpdir(&sb);
    let before = sb.read("fnox.toml");
    let keep_line = before
        .lines()
        .find(|l| l.starts_with("KEEP="))
        .unwrap()
        .to_owned();
    let multi_line = before
        .lines()
        .find(|l| l.starts_with("MULTI="))
        .unwrap()
        .to_owned();
    let editor = script(
        &sb,
        "editor.sh",
        "cp \"$1\" \"$FNOX_TEST_DIR/seen.toml\"; stat -c %a \"$1\" \"$(dirname \"$1\")\" > \"$FNOX_TEST_DIR/modes\"\n\
         printf '%s' \"$1\" > \"$FNOX_TEST_DIR/path\"\n\
         sed -i -e 's/^CHANGE = .*/CHANGE = \"new value\"/' -e '/^DROP = /d' \"$1\"\n\
         printf 'ADDED = \"brand new\"\\n' >> \"$1\"",
    );
    let out = sb.output(
        sb.fnox()
            .env("EDITOR", &editor)
            .env("TMPDIR", &tmp)
            .env("FNOX_TEST_DIR", sb.root.path())
            .arg("edit"),
    );
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    --- stderr
    ✓ updated CHANGE; added ADDED; removed DROP in ./fnox.toml
    ");
    let seen = std::fs::read_to_string(sb.root.path().join("seen.toml")).unwrap();
    assert_snapshot!(seen, @r#"
    # fnox edit: the secrets of profile 'default', in plaintext.
    # This file is private (0600) and is deleted as soon as the editor exits.
    # Change a value to re-encrypt it, delete a line to remove that secret, or add
    # NAME = "value" to add one (encrypted with provider 'age'). Comments here are not kept.
    # Not editable here: DEF (no provider value)

    [secrets]
    KEEP = "unchanged"
    CHANGE = "old value"
    DROP = "going"
    MULTI = """
    line 1
    line "2"
    """
    "#);
    let modes = std::fs::read_to_string(sb.root.path().join("modes")).unwrap();
    assert_eq!(modes, "600\n700\n");
    let temp = PathBuf::from(std::fs::read_to_string(sb.root.path().join("path")).unwrap());
    assert!(
        !temp.parent().unwrap().exists(),
        "the temp directory is gone"
    );
    assert!(entries(&tmp).is_empty());

    let after = sb.read("fnox.toml");
    assert!(
        after.contains(&keep_line),
        "unchanged entries keep their ciphertext"
    );
    assert!(after.contains(&multi_line));
    assert_snapshot!(sb.redact(&after), @r#"
    # the team's secrets
    [providers]
    age = { type = "age", recipients = ["age15e8t6sw6luu6ktzup4jhwl0qy8zds56dv4hzc4fja5kpzaaujvassnuyzd"] }

    [secrets]
    KEEP= { provider = "age", value = "[AGE]" }
    CHANGE= { provider = "age", value = "[AGE]" }
    MULTI= { provider = "age", value = "[AGE]" }
    # a comment that stays
    DEF = { default = "d" }
    ADDED= { provider = "age", value = "[AGE]" }
    "#);
    assert_eq!(sb.run(&["get", "CHANGE"]).ok(), "new value\n");
    assert_eq!(sb.run(&["get", "ADDED"]).ok(), "brand new\n");
    assert_eq!(sb.run(&["get", "MULTI"]).ok(), "line 1\nline \"2\"\n\n");

    // Saving without changes changes nothing.
    let noop = script(&sb, "noop.sh", "true");
    let out = sb.output(sb.fnox().env("VISUAL", &noop).arg("edit"));
    assert_eq!(out.ok(), "");
    assert_eq!(out.stderr, "No changes\n");
    assert_eq!(sb.read("fnox.toml"), after);
}

#[cfg(unix)]
#[test]
fn edit_changes_nothing_when_the_editor_fails_or_the_file_is_broken() {
    let sb = edit_sandbox();
    let tmp = tmpdir(&sb);
    let before = sb.read("fnox.toml");
    let failing = script(
        &sb,
        "fail.sh",
        "sed -i 's/^CHANGE = .*/CHANGE = \"x\"/' \"$1\"; exit 4",
    );
    let out = sb.output(
        sb.fnox()
            .env("EDITOR", &failing)
            .env("TMPDIR", &tmp)
            .arg("edit"),
    );
    assert_snapshot!(sb.redact(&out.all()).replace(failing.to_str().unwrap(), "[EDITOR]"), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::edit::error]: the editor `[SANDBOX]/fail.sh` exited with 4; nothing was changed
      caused by: the temporary file was removed
      hint: set VISUAL or EDITOR to an editor that waits until you close the file (e.g. `code --wait`)
    ");
    assert_eq!(sb.read("fnox.toml"), before);
    assert!(entries(&tmp).is_empty());

    let broken = script(&sb, "broken.sh", "printf '[secrets\\n' >> \"$1\"");
    let out = sb.output(
        sb.fnox()
            .env("EDITOR", &broken)
            .env("TMPDIR", &tmp)
            .arg("edit"),
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("the edited file is not valid TOML; nothing was changed"),
        "{}",
        out.stderr
    );
    assert!(!out.all().contains("old value"), "values never in errors");
    assert_eq!(sb.read("fnox.toml"), before);
    assert!(entries(&tmp).is_empty());
}

#[cfg(unix)]
#[test]
fn edit_removes_the_plaintext_when_terminated() {
    let sb = edit_sandbox();
    let tmp = tmpdir(&sb);
    let before = sb.read("fnox.toml");
    let editor = script(
        &sb,
        "slow.sh",
        "printf '%s' \"$1\" > \"$FNOX_TEST_DIR/path\"; while :; do sleep 0.05; done",
    );
    let mut fnox = Running::spawn(
        &sb,
        &[
            ("EDITOR", &editor),
            ("FNOX_TEST_DIR", sb.root.path()),
            ("TMPDIR", &tmp),
        ],
        &["edit"],
    );
    let marker = sb.root.path().join("path");
    fnox.wait_for_content(&marker);
    let temp = PathBuf::from(std::fs::read_to_string(&marker).unwrap());
    assert!(temp.exists());
    fnox.signal(libc::SIGTERM);
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 143, "{stderr}");
    assert!(
        stderr.contains("Interrupted: nothing was changed"),
        "{stderr}"
    );
    assert!(!temp.parent().unwrap().exists(), "the plaintext is gone");
    assert!(entries(&tmp).is_empty());
    assert_eq!(sb.read("fnox.toml"), before);
}

/// The plaintext a `kill -9`ed fnox edit left is removed by the next run; that of a fnox edit
/// still running stays.
#[cfg(unix)]
#[test]
fn edit_removes_the_plaintext_a_killed_fnox_left_on_the_next_run() {
    let sb = edit_sandbox();
    let tmp = tmpdir(&sb);
    let editor = script(
        &sb,
        "slow.sh",
        "printf '%s %s' $$ \"$1\" > \"$FNOX_TEST_DIR/$FNOX_TEST_MARK\"; while :; do sleep 0.05; done",
    );
    let start = |mark: &str| {
        let mark_path = sb.root.path().join(mark);
        let mut fnox = Running::spawn(
            &sb,
            &[
                ("EDITOR", &editor),
                ("FNOX_TEST_DIR", sb.root.path()),
                ("FNOX_TEST_MARK", Path::new(mark)),
                ("TMPDIR", &tmp),
            ],
            &["edit"],
        );
        fnox.wait_for_content(&mark_path);
        let text = std::fs::read_to_string(&mark_path).unwrap();
        let (pid, file) = text.split_once(' ').unwrap();
        (
            fnox,
            pid.parse::<libc::pid_t>().unwrap(),
            PathBuf::from(file),
        )
    };
    let (killed, killed_editor, killed_file) = start("killed");
    killed.signal(libc::SIGKILL);
    // SAFETY: kill(2) on the orphaned editor script, which would loop forever (and hold
    // fnox's stderr open).
    unsafe { libc::kill(killed_editor, libc::SIGKILL) };
    assert_eq!(killed.finish().0, -1);
    assert!(killed_file.exists(), "SIGKILL leaves the plaintext behind");
    let (live, _, live_file) = start("live");

    let noop = script(&sb, "noop.sh", "true");
    let out = sb.output(
        sb.fnox()
            .env("EDITOR", &noop)
            .env("TMPDIR", &tmp)
            .arg("edit"),
    );
    assert_eq!(out.stderr, "No changes\n");
    assert!(
        !killed_file.parent().unwrap().exists(),
        "the killed fnox's plaintext is gone"
    );
    assert!(live_file.exists(), "a running edit keeps its file");
    live.signal(libc::SIGTERM);
    assert_eq!(live.finish().0, 143);
    assert!(entries(&tmp).is_empty(), "{:?}", entries(&tmp));
}

/// The real vim, with a vimrc that keeps undo, swap and backup files in HOME and a viminfo
/// (registers, search history): after `fnox edit` none of them holds the plaintext. The edit
/// yanks the line (a register), substitutes (search history), `:preserve`s the swap file and
/// copies the swap directory while vim runs, then writes.
#[cfg(unix)]
#[test]
fn edit_runs_vim_without_viminfo_swap_undo_or_backup_files() {
    if !crate::support::require_tool("vim", "vim") {
        return;
    }
    let sb = Sandbox::new();
    sb.write("fnox.toml", &age_config());
    sb.run(&["set", "TOKEN", "canary-1f3a9c"]).ok();
    for dir in ["swap", "undo", "backup"] {
        std::fs::create_dir_all(sb.home.join(dir)).unwrap();
    }
    sb.write_home(
        ".vimrc",
        "set undofile undodir=~/undo// directory=~/swap// backup writebackup backupdir=~/backup// backupskip=\n",
    );
    let vim = "vim -c '%s/canary-1f3a9c/canary-2b7d0e/' -c 'g/canary/yank' -c preserve \
               -c 'silent !cp -r ~/swap ~/swap-while-open' -c wq";
    // A vim named by its alternatives link too (Debian's vi -> vim.basic), when there is one.
    let vi_is_vim = std::fs::canonicalize("/usr/bin/vi")
        .is_ok_and(|p| p.file_name().unwrap().to_string_lossy().starts_with("vim"));
    let mut editors = vec![vim.to_owned()];
    if vi_is_vim {
        editors.push(vim.replacen("vim", "vi", 1));
    }
    for editor in editors {
        let out = sb.output(
            sb.fnox()
                .env("EDITOR", &editor)
                .env("TERM", "dumb")
                .arg("edit"),
        );
        assert!(
            out.stderr.contains("✓ updated TOKEN"),
            "{editor}: {}",
            out.stderr
        );
        assert_eq!(
            sb.run(&["get", "TOKEN"]).ok(),
            "canary-2b7d0e\n",
            "{editor}"
        );
        let mut holding = Vec::new();
        let mut stack = vec![sb.home.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if std::fs::read(&path)
                    .unwrap()
                    .windows(7)
                    .any(|w| w == b"canary-")
                {
                    holding.push(path.strip_prefix(&sb.home).unwrap().display().to_string());
                }
            }
        }
        holding.sort();
        assert!(
            holding.is_empty(),
            "{editor} left the plaintext in ~/{holding:?}"
        );
        assert!(
            sb.home.join("swap-while-open").exists(),
            "{editor} ran the -c commands"
        );
        std::fs::remove_dir_all(sb.home.join("swap-while-open")).unwrap();
        sb.run(&["set", "TOKEN", "canary-1f3a9c"]).ok();
    }
}

/// `nohup fnox edit`: a hangup neither ends the edit nor removes the file under the editor.
#[cfg(unix)]
#[test]
fn edit_keeps_a_hangup_the_caller_ignored() {
    let sb = edit_sandbox();
    let editor = script(
        &sb,
        "waiting.sh",
        "printf %s $$ > \"$FNOX_TEST_DIR/pid\"\n\
         while [ ! -e \"$FNOX_TEST_DIR/go\" ]; do sleep 0.05; done\n\
         sed -i 's/^CHANGE = .*/CHANGE = \"after the hangup\"/' \"$1\"",
    );
    let mut fnox = Running::spawn_under(
        &sb,
        &["nohup"],
        &[("EDITOR", &editor), ("FNOX_TEST_DIR", sb.root.path())],
        &["edit"],
    );
    let marker = sb.root.path().join("pid");
    fnox.wait_for_content(&marker);
    let editor_pid: libc::pid_t = std::fs::read_to_string(&marker).unwrap().parse().unwrap();
    fnox.signal(libc::SIGHUP);
    // SAFETY: kill(2) on the editor, a child of fnox that is still running.
    assert_eq!(unsafe { libc::kill(editor_pid, libc::SIGHUP) }, 0);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(fnox.running(), "fnox died of an ignored SIGHUP");
    std::fs::write(sb.root.path().join("go"), "").unwrap();
    let (code, stderr) = fnox.finish();
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("✓ updated CHANGE in ./fnox.toml"),
        "{stderr}"
    );
    assert_eq!(sb.run(&["get", "CHANGE"]).ok(), "after the hangup\n");
}

#[test]
fn edit_help_warns_that_plaintext_is_on_disk() {
    let sb = Sandbox::new();
    let help = sb.run(&["edit", "--help"]);
    assert!(
        help.ok()
            .contains("the plaintext of every secret is on disk"),
        "{}",
        help.stdout
    );
    let words = help.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("vim and neovim") && words.contains("Other editors may keep their own"),
        "{}",
        help.stdout
    );
}

// ---------------------------------------------------------------- sync

#[test]
fn sync_copies_remote_values_into_an_age_sync_entry() {
    let sb = Sandbox::new();
    let Some(ps) = PassStore::new(&sb) else {
        return;
    };
    sb.write(
        "fnox.toml",
        &format!(
            "{}\n# from the team store\nDB = {{ provider = \"pass\", value = \"db\" }}\nLOCAL = {{ provider = \"age\", value = \"x\" }}\n",
            age_config().replace("[secrets]\n", "pass = { type = \"password-store\" }\n\n[secrets]")
        ),
    );
    ps.insert("db", "postgres://remote");
    let run = |args: &[&str]| sb.output(sb.fnox().envs(ps.env()).args(args));
    assert_snapshot!(run(&["sync", "-p", "age", "-n"]).all(), @"
    exit: 0
    --- stdout
    [dry-run] Would sync 1 secrets in profile default to provider age:
      DB (from pass) -> secrets.DB in ./fnox.toml
    --- stderr
    ");
    assert_snapshot!(run(&["sync", "-p", "age"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    Ready to sync 1 secrets to provider 'age' in ./fnox.toml:
      DB (from pass)
    Continue? [y/N] n (no answer: stdin is at its end)
    Sync cancelled
    ");
    assert_snapshot!(run(&["sync", "-p", "age", "--force"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Synced 1 secrets to provider 'age' in ./fnox.toml
    ");
    assert_snapshot!(sb.redact(&sb.read("fnox.toml")), @r#"
    [providers]
    age = { type = "age", recipients = ["age15e8t6sw6luu6ktzup4jhwl0qy8zds56dv4hzc4fja5kpzaaujvassnuyzd"] }

    pass = { type = "password-store" }

    [secrets]
    # from the team store
    DB = { provider = "pass", value = "db", sync = { provider = "age", value = "[AGE]" } }
    LOCAL = { provider = "age", value = "x" }
    "#);
    // Offline: the store is gone, the synced copy still resolves.
    std::fs::remove_dir_all(&ps.store).unwrap();
    assert_eq!(run(&["get", "DB"]).ok(), "postgres://remote\n");
}

#[test]
fn sync_local_file_writes_the_whole_entry_to_fnox_local_toml() {
    let sb = Sandbox::new();
    let Some(ps) = PassStore::new(&sb) else {
        return;
    };
    let config = format!(
        "{}\nDB = {{ provider = \"pass\", value = \"db\", description = \"main db\" }}\n",
        age_config().replace(
            "[secrets]\n",
            "pass = { type = \"password-store\" }\n\n[secrets]"
        )
    );
    sb.write("fnox.toml", &config);
    ps.insert("db", "postgres://remote");
    let out =
        sb.output(
            sb.fnox()
                .envs(ps.env())
                .args(["sync", "--local-file", "-f", "-p", "age", "DB"]),
        );
    assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Synced 1 secrets to provider 'age' (local-file) in ./fnox.local.toml
    ");
    assert_eq!(sb.read("fnox.toml"), config, "fnox.toml untouched");
    assert_snapshot!(sb.redact(&sb.read("fnox.local.toml")), @r#"
    [secrets]
    DB= { provider = "pass", value = "db", description = "main db", sync = { provider = "age", value = "[AGE]" } }
    "#);
    std::fs::remove_dir_all(&ps.store).unwrap();
    assert_eq!(sb.run(&["get", "DB"]).ok(), "postgres://remote\n");
}

#[test]
fn sync_errors() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "{}LOCAL = {{ provider = \"age\", value = \"x\" }}\n",
            age_config().replace(
                "[secrets]\n",
                "pass = { type = \"password-store\" }\n\n[secrets]\n"
            )
        ),
    );
    assert_snapshot!(sb.run(&["sync", "-p", "pass"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::sync::target_unsupported]: cannot sync into provider 'pass': it is a remote store
      caused by: sync encrypts values into fnox.toml, which needs a cipher (age, plain, aws-kms, vault-transit)
      hint: pass --provider with a cipher provider, e.g. --provider age
    ");
    assert_snapshot!(sb.run(&["sync", "-p", "age", "LOCAL"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    No secrets to sync
    ");
    assert_snapshot!(sb.run(&["sync", "-p", "age"]).all(), @r"
    exit: 0
    --- stdout
    --- stderr
    No secrets to sync
    ");
}

// ---------------------------------------------------------------- scan

/// Token-shaped strings built at run time, so this file itself holds none.
fn fake_tokens() -> (String, String) {
    let aws = format!("AKIA{}", "QWERTYUIOPASDFGH");
    let gh = format!("ghp_{}", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8");
    (aws, gh)
}

#[test]
fn scan_reports_token_shapes_and_project_values_redacted() {
    let sb = age_sandbox();
    sb.run(&["set", "API_KEY", "project-secret-value-42"]).ok();
    let (aws, gh) = fake_tokens();
    sb.write(
        "app/config.env",
        &format!("REGION=eu\nAWS_ACCESS_KEY_ID={aws}\nTOKEN={gh}\n"),
    );
    sb.write("app/main.py", "key = 'project-secret-value-42'\npassword = \"Xq9#mT2$vL8pR4wZ\"\npassword = \"changeme-please-123\"\n");
    sb.write("keys/id.pem", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n");
    sb.write("ignored/leak.env", &format!("{aws}\n"));
    sb.write(".gitignore", "ignored/\n");
    sb.write("clean.txt", "nothing to see\n");
    let out = sb.run(&["scan"]);
    assert!(!out.all().contains(&aws) && !out.all().contains("project-secret-value-42"));
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    ./app/config.env:2: aws-access-key-id (high) AKIA…
    ./app/config.env:3: github-token (high) ghp_…
    ./app/main.py:1: fnox-secret (high) proj… (value of API_KEY)
    ./app/main.py:2: generic-secret (medium) Xq9#…
    ./keys/id.pem:1: private-key (high) -----BEGIN OPENSSH PRIVATE KEY-----
    --- stderr
    Found 5 potential secret(s) in 3 file(s) (6 file(s) scanned)
    ");
    let out = sb.run(&["scan", "-q"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.all(),
        "exit: 1\n--- stdout\n./app/config.env\n./app/main.py\n./keys/id.pem\n--- stderr\n"
    );
    let out = sb.run(&["scan", "--format", "json", "-i", "*.pem", "app"]);
    assert_eq!(out.code, 1);
    assert_snapshot!(out.stdout, @r#"
    {
      "findings": [
        {
          "file": "./app/config.env",
          "line": 2,
          "detector": "aws-access-key-id",
          "severity": "high",
          "preview": "AKIA…"
        },
        {
          "file": "./app/config.env",
          "line": 3,
          "detector": "github-token",
          "severity": "high",
          "preview": "ghp_…"
        },
        {
          "file": "./app/main.py",
          "line": 1,
          "detector": "fnox-secret",
          "severity": "high",
          "preview": "proj… (value of API_KEY)",
          "secret": "API_KEY"
        },
        {
          "file": "./app/main.py",
          "line": 2,
          "detector": "generic-secret",
          "severity": "medium",
          "preview": "Xq9#…"
        }
      ],
      "files_scanned": 2
    }
    "#);
}

#[test]
fn scan_of_a_clean_tree_exits_0() {
    let sb = age_sandbox();
    sb.run(&["set", "API_KEY", "project-secret-value-42"]).ok();
    sb.write(
        "src/lib.rs",
        "fn main() { let password = std::env::var(\"PASSWORD\"); }\n",
    );
    assert_snapshot!(sb.run(&["scan"]).all(), @r"
    exit: 0
    --- stdout
    --- stderr
    No secrets found (2 file(s) scanned)
    ");
    assert_snapshot!(sb.run(&["scan", "missing"]).all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::usage]: cannot scan missing: not a directory
      hint: give a directory: fnox scan [DIR]
    ");
}
