//! `as_file` secrets in the hook, in real bash: the shell gets the path of a private file that
//! holds the value while the shell lives; never the value itself.

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use super::*;
use crate::support::Sandbox;

const BASH: Sh = Sh { name: "bash" };

const CERT: &str = "-----BEGIN CERT-----\nbody\n";

/// A project with an as_file secret CERT and a plain one.
pub(crate) fn as_file_project(sb: &Sandbox) -> PathBuf {
    sb.write(
        "proj/fnox.toml",
        "[secrets]\nCERT = { default = \"-----BEGIN CERT-----\\nbody\\n\", as_file = true }\nPLAIN = { default = \"p\" }\n",
    );
    sb.path("proj")
}

/// A private XDG_RUNTIME_DIR of the test's own, where the hook's files go.
pub(crate) fn runtime_dir(sb: &Sandbox) -> String {
    let dir = sb.root.path().join("run");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    dir.display().to_string()
}

#[test]
fn an_as_file_secret_is_the_path_of_a_private_file_while_the_shell_is_in_the_project() {
    let sb = Sandbox::new();
    let proj = as_file_project(&sb);
    let runtime = runtime_dir(&sb);
    let o = |name: &str| out_file(&sb, name).display().to_string();
    let script = [
        BASH.activate(),
        BASH.enter(&proj),
        BASH.dump(&sb, "inside"),
        format!("cp \"$CERT\" '{}'\n", o("content")),
        format!(
            "stat -c '%a' \"$CERT\" \"$(dirname \"$CERT\")\" > '{}'\n",
            o("modes")
        ),
        "kept=$CERT\n".into(),
        // A change to the config rewrites the file under the same path.
        "sed -i 's/body/new body/' fnox.toml\n".into(),
        BASH.prompt().into(),
        format!(
            "[ \"$CERT\" = \"$kept\" ] && cp \"$CERT\" '{}'\n",
            o("changed")
        ),
        BASH.enter(&sb.cwd),
        BASH.dump(&sb, "after"),
        format!(
            "[ -e \"$kept\" ] && echo left > '{}' || echo gone > '{}'\n",
            o("leave"),
            o("leave")
        ),
        BASH.enter(&proj),
        "again=$CERT\nfnox deactivate\n".into(),
        format!(
            "[ -e \"$again\" ] && echo left > '{}' || echo gone > '{}'\n",
            o("deactivate"),
            o("deactivate")
        ),
    ]
    .concat();
    let Some(ran) = run_with(&sb, BASH, &script, &[("XDG_RUNTIME_DIR", &runtime)]) else {
        return;
    };
    ran.ok(BASH);
    let inside = env_at(&sb, "inside");
    let path = PathBuf::from(&inside["CERT"]);
    assert!(
        path.starts_with(Path::new(&runtime).join("fnox-hook")),
        "{}",
        path.display()
    );
    assert_eq!(inside["PLAIN"], "p");
    assert_eq!(read_out(&sb, "content"), CERT);
    assert_eq!(read_out(&sb, "modes"), "600\n700\n");
    assert!(
        !inside.values().any(|v| v.contains("BEGIN CERT")),
        "the value is in no variable"
    );
    assert_eq!(read_out(&sb, "changed"), "-----BEGIN CERT-----\nnew body\n");
    assert!(!env_at(&sb, "after").contains_key("CERT"));
    assert_eq!(read_out(&sb, "leave"), "gone\n", "removed on leaving");
    assert_eq!(
        read_out(&sb, "deactivate"),
        "gone\n",
        "removed by deactivate"
    );
    assert_eq!(
        std::fs::read_dir(Path::new(&runtime).join("fnox-hook"))
            .unwrap()
            .count(),
        0,
        "no shell's directory is left"
    );
}

#[test]
fn a_killed_shells_files_are_reaped_by_the_next_hook_and_a_live_ones_stay() {
    let sb = Sandbox::new();
    let proj = as_file_project(&sb);
    let runtime = runtime_dir(&sb);
    let bin = assert_cmd::cargo::cargo_bin("fnox");
    let path_var = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // A shell that loads the project, says where its file is, and waits (bounded) to be killed.
    let start = |name: &str| {
        let script = [
            BASH.activate(),
            BASH.enter(&proj),
            format!("echo \"$CERT\" > '{}'\n", out_file(&sb, name).display()),
            "exec sleep 60\n".into(),
        ]
        .concat();
        let child = Command::new("bash")
            .args(["--norc", "--noprofile", "-c", &script])
            .env_clear()
            .env("HOME", &sb.home)
            .env("PATH", &path_var)
            .env("XDG_RUNTIME_DIR", &runtime)
            .current_dir(&sb.cwd)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("bash");
        let file = out_file(&sb, name);
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::fs::read_to_string(&file).map_or(true, |s| !s.ends_with('\n')) {
            assert!(Instant::now() < deadline, "the shell did not load");
            std::thread::sleep(Duration::from_millis(50));
        }
        (child, PathBuf::from(read_out(&sb, name).trim()))
    };
    if !require_tool("bash", "bash") {
        return;
    }
    let (mut killed, killed_file) = start("killed");
    let (mut live, live_file) = start("live");
    assert!(killed_file.exists() && live_file.exists());
    killed.kill().unwrap();
    killed.wait().unwrap();
    assert!(
        killed_file.exists(),
        "nothing cleans up after SIGKILL itself"
    );
    // The next hook of any shell, anywhere (here: outside any project).
    let hook = sb.output(
        sb.fnox_in(&sb.home)
            .args(["hook-env", "-s", "bash"])
            .env("XDG_RUNTIME_DIR", &runtime),
    );
    hook.ok();
    assert!(!killed_file.exists(), "reaped");
    assert!(
        !killed_file.parent().unwrap().exists(),
        "with its directory"
    );
    assert!(live_file.exists(), "a live shell's file stays");
    assert_eq!(std::fs::read_to_string(&live_file).unwrap(), CERT);
    live.kill().unwrap();
    live.wait().unwrap();
}

#[test]
fn nushell_gets_the_path_too_and_leaving_removes_the_file() {
    let sb = Sandbox::new();
    let proj = as_file_project(&sb);
    let runtime = runtime_dir(&sb);
    let nu = Sh { name: "nu" };
    let o = |name: &str| out_file(&sb, name).display().to_string();
    let script = [
        nu.activate(),
        nu.enter(&proj),
        format!("$env.CERT | save -f '{}'\n", o("path")),
        format!("open --raw $env.CERT | save -f '{}'\n", o("content")),
        nu.enter(&sb.cwd),
        format!("('CERT' in $env) | save -f '{}'\n", o("after")),
    ]
    .concat();
    let Some(ran) = run_with(&sb, nu, &script, &[("XDG_RUNTIME_DIR", &runtime)]) else {
        return;
    };
    ran.ok(nu);
    let path = PathBuf::from(read_out(&sb, "path"));
    assert!(path.starts_with(&runtime), "{}", path.display());
    assert_eq!(read_out(&sb, "content"), CERT);
    assert_eq!(read_out(&sb, "after"), "false");
    assert!(!path.exists(), "removed on leaving: {}", path.display());
}
