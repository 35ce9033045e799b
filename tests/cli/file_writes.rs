//! How fnox writes files: through a symbolic link (the link stays), into a FIFO or a process's
//! stdout directly, never over a link to nothing; read-only config files only with --force; an
//! existing file's owner and group kept.

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;

use crate::support::{age_sandbox, Sandbox};

fn is_root() -> bool {
    crate::reliability::is_root()
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false)
}

/// A sandbox with secret A = "a" (plain defaults need no key) and a template naming it.
fn export_sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    sb.write("app.tpl", "a=fnox://A\n");
    sb
}

#[test]
fn export_and_inject_through_a_symlink_replace_its_target_and_keep_the_link() {
    let sb = export_sandbox();
    let real = sb.write("real/out.txt", "old\n");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink("real/out.txt", sb.path("out.env")).unwrap();

    sb.run(&["export", "-o", "out.env"]).ok();
    assert!(
        is_link(&sb.path("out.env")),
        "the link was replaced by a file"
    );
    assert_eq!(sb.read("real/out.txt"), "A=a\n");
    let mode = std::fs::metadata(&real).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the target gets the export's mode");

    sb.run(&["inject", "-i", "app.tpl", "-o", "out.env"]).ok();
    assert!(is_link(&sb.path("out.env")), "inject replaced the link");
    assert_eq!(sb.read("real/out.txt"), "a=a\n");
    // Only the target's directory got a temp file, and none is left.
    let leftovers: Vec<_> = std::fs::read_dir(sb.path("real"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("out.txt")]);
}

#[test]
fn export_through_a_link_to_nothing_creates_the_file_it_names() {
    let sb = export_sandbox();
    std::fs::create_dir_all(sb.path("real")).unwrap();
    std::os::unix::fs::symlink("real/new.env", sb.path("out.env")).unwrap();
    sb.run(&["export", "-o", "out.env"]).ok();
    assert!(is_link(&sb.path("out.env")));
    assert_eq!(sb.read("real/new.env"), "A=a\n");
}

#[test]
fn export_and_inject_into_a_fifo_write_into_it() {
    let sb = export_sandbox();
    for (args, want) in [
        (&["export", "-o", "pipe"][..], "A=a\n"),
        (&["inject", "-i", "app.tpl", "-o", "pipe"][..], "a=a\n"),
    ] {
        let fifo = sb.path("pipe");
        let _ = std::fs::remove_file(&fifo);
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let reader = std::process::Command::new("cat")
            .arg(&fifo)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let out = sb.run(args);
        let still_fifo = std::fs::symlink_metadata(&fifo)
            .map(|m| m.file_type().is_fifo())
            .unwrap_or(false);
        if !still_fifo {
            // The reader would wait forever on a FIFO nobody opens any more.
            let mut reader = reader;
            let _ = reader.kill();
            let _ = reader.wait();
            panic!("{args:?} replaced the FIFO: {}", out.stderr);
        }
        out.ok();
        let read = reader.wait_with_output().unwrap();
        assert_eq!(String::from_utf8(read.stdout).unwrap(), want, "{args:?}");
    }
}

#[test]
fn export_and_inject_to_dev_fd_1_write_to_stdout() {
    let sb = export_sandbox();
    let out = sb.run(&["export", "-o", "/dev/fd/1"]);
    assert_eq!(out.ok(), "A=a\n");
    let out = sb.run(&["inject", "-i", "app.tpl", "-o", "/dev/fd/1"]);
    assert_eq!(out.ok(), "a=a\n");
}

#[test]
fn export_to_dev_fd_1_redirected_to_a_file_appends_to_it() {
    // As `>>` asks: what the shell opened for appending is not overwritten or replaced.
    // (/dev/fd/1 rather than /dev/stdout: should this regress, root would replace /dev/stdout.)
    let sb = export_sandbox();
    let file = sb.write("log.txt", "before\n");
    let fnox = env!("CARGO_BIN_EXE_fnox");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("'{fnox}' export -o /dev/fd/1 >> log.txt"))
        .env_clear()
        .env("HOME", &sb.home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .current_dir(&sb.cwd)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "before\nA=a\n");
}

#[test]
fn a_dangling_symlinked_fnox_toml_is_refused_on_load_and_on_write() {
    let sb = Sandbox::new();
    std::os::unix::fs::symlink("elsewhere/fnox.toml", sb.path("fnox.toml")).unwrap();
    let read = sb.run(&["list"]);
    insta::assert_snapshot!(read.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::dangling_symlink]: Failed to read configuration file: [CWD]/fnox.toml
      caused by: it is a symbolic link to elsewhere/fnox.toml, which does not exist
      hint: restore the file the link points to, or remove the link
    ");
    let write = sb.run(&["set", "A", "a"]);
    insta::assert_snapshot!(write.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::dangling_symlink]: Failed to read configuration file: [CWD]/fnox.toml
      caused by: it is a symbolic link to elsewhere/fnox.toml, which does not exist
      hint: restore the file the link points to, or remove the link
    ");
    let init = sb.run(&["init", "--skip-wizard"]);
    insta::assert_snapshot!(init.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::dangling_symlink]: Failed to write configuration file: [CWD]/fnox.toml
      caused by: it is a symbolic link to elsewhere/fnox.toml, which does not exist
      hint: restore the file the link points to, or remove the link; fnox does not replace a link with a file
    ");
    let explicit = sb.run(&["-c", "fnox.toml", "set", "A", "a"]);
    assert_eq!(explicit.code, 1, "{}", explicit.stderr);
    assert!(is_link(&sb.path("fnox.toml")), "the link was replaced");
    assert!(!sb.path("elsewhere").exists(), "nothing was created");
}

#[test]
fn a_symlinked_fnox_toml_is_edited_through_the_link() {
    let sb = age_sandbox();
    std::fs::create_dir_all(sb.path("shared")).unwrap();
    std::fs::rename(sb.path("fnox.toml"), sb.path("shared/fnox.toml")).unwrap();
    std::os::unix::fs::symlink("shared/fnox.toml", sb.path("fnox.toml")).unwrap();
    sb.run(&["set", "A", "a"]).ok();
    assert!(is_link(&sb.path("fnox.toml")));
    assert!(sb.read("shared/fnox.toml").contains("A= { provider"));
    assert_eq!(sb.run(&["get", "A"]).ok(), "a\n");
}

/// Every command that saves fnox.toml, with and without --force.
fn writers() -> Vec<(Vec<&'static str>, &'static str)> {
    vec![
        (vec!["set", "NEW", "v"], "set"),
        (vec!["remove", "OLD"], "remove"),
        (vec!["provider", "add", "more", "age"], "provider add"),
        (vec!["import", "-p", "age", "-i", "in.env"], "import"),
        (vec!["reencrypt"], "reencrypt"),
        (vec!["sync", "-p", "age"], "sync"),
        (vec!["provider", "remove", "spare"], "provider remove"),
    ]
}

fn read_only_sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "default_provider = \"age\"\n{}",
            crate::support::age_config()
        ),
    );
    sb.run(&["set", "OLD", "o"]).ok();
    sb.run(&["provider", "add", "spare", "plain"]).ok();
    sb.add_secret_line("PLAIN = { provider = \"spare\", value = \"p\" }");
    sb.write("in.env", "IMPORTED=i\n");
    sb
}

#[test]
fn saves_refuse_a_read_only_fnox_toml_unless_force() {
    for (args, what) in writers() {
        let sb = read_only_sandbox();
        let config = sb.path("fnox.toml");
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o444)).unwrap();
        let before = sb.read("fnox.toml");
        // import, reencrypt and sync ask first: answer yes, so only the mode stops them.
        let refused = sb.output(sb.fnox().args(&args).write_stdin("y\n"));
        assert_eq!(refused.code, 1, "{what}: {}", refused.stderr);
        assert!(
            refused.stderr.contains("error[fnox::config::read_only]"),
            "{what}: {}",
            refused.stderr
        );
        assert_eq!(sb.read("fnox.toml"), before, "{what} changed the file");
        if what == "set" {
            insta::assert_snapshot!(refused.all(), @"
            exit: 1
            --- stdout
            --- stderr
            error[fnox::config::read_only]: Failed to write configuration file: [CWD]/fnox.toml
              caused by: it is not writable by you (mode 0444)
              hint: pass --force to write it anyway, or make it writable first (chmod u+w [CWD]/fnox.toml)
            ");
        }

        let mut forced = args.clone();
        forced.push("--force");
        sb.run(&forced).ok();
        assert_ne!(sb.read("fnox.toml"), before, "{what} --force wrote nothing");
        let mode = std::fs::metadata(&config).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o444, "{what} --force kept the mode");
    }
}

#[test]
fn edit_refuses_a_read_only_fnox_toml_unless_force() {
    let sb = read_only_sandbox();
    let editor = sb.write(
        "editor.sh",
        "#!/bin/sh\nsed -i 's/^OLD = .*/OLD = \"changed\"/' \"$1\"\n",
    );
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = sb.path("fnox.toml");
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = sb.read("fnox.toml");
    let refused = sb.output(sb.fnox().env("EDITOR", &editor).arg("edit"));
    assert!(
        refused.fails(1).contains("error[fnox::config::read_only]"),
        "{}",
        refused.stderr
    );
    assert_eq!(sb.read("fnox.toml"), before);
    sb.output(sb.fnox().env("EDITOR", &editor).args(["edit", "--force"]))
        .ok();
    assert_eq!(sb.run(&["get", "OLD"]).ok(), "changed\n");
}

#[test]
fn a_save_as_root_keeps_the_owner_and_group_of_the_file() {
    if !is_root() {
        eprintln!("skipping: only root can give a file to another user");
        return;
    }
    let sb = read_only_sandbox();
    let (uid, gid) = (4321, 8765);
    for (args, what) in writers() {
        let config = sb.path("fnox.toml");
        std::os::unix::fs::chown(&config, Some(uid), Some(gid)).unwrap();
        let mut args = args.clone();
        args.push("--force");
        let before = sb.read("fnox.toml");
        sb.run(&args).ok();
        assert_ne!(sb.read("fnox.toml"), before, "{what} wrote nothing");
        let meta = std::fs::metadata(&config).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (uid, gid), "{what}");
    }
    let out = sb.write("out.env", "old\n");
    std::os::unix::fs::chown(&out, Some(uid), Some(gid)).unwrap();
    sb.run(&["export", "-o", "out.env"]).ok();
    let meta = std::fs::metadata(&out).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (uid, gid), "export");
}
