//! Writes to fnox.toml: concurrent writers lose nothing, a file that does not parse is never
//! touched, modes survive, and no temporary files are left behind.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::reliability::temp_files;
use crate::support::process::parallel_sets;
use crate::support::{age_config, age_sandbox, Sandbox};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn parallel_sets_of_distinct_keys_all_land() {
    let sb = age_sandbox();
    parallel_sets(&sb, 16);
    let doc: toml::Table = toml::from_str(&sb.read("fnox.toml")).unwrap();
    assert_eq!(doc["secrets"].as_table().unwrap().len(), 16, "{doc:#?}");
    let exported: serde_json::Value =
        serde_json::from_str(sb.run(&["export", "-f", "json"]).ok()).unwrap();
    for i in 0..16 {
        assert_eq!(
            exported["secrets"][format!("KEY_{i:02}")],
            format!("value {i}"),
            "KEY_{i:02}"
        );
    }
    assert_eq!(temp_files(sb.root.path()), Vec::<PathBuf>::new());
}

#[test]
fn parallel_sets_into_a_file_that_does_not_exist_yet_all_land() {
    let sb = Sandbox::new();
    sb.write_home(".config/fnox/config.toml", &age_config());
    parallel_sets(&sb, 8);
    let doc: toml::Table = toml::from_str(&sb.read("fnox.toml")).unwrap();
    assert_eq!(doc["secrets"].as_table().unwrap().len(), 8, "{doc:#?}");
    for i in 0..8 {
        assert_eq!(
            sb.run(&["get", &format!("KEY_{i:02}")]).ok(),
            format!("value {i}\n")
        );
    }
}

const MALFORMED: &str =
    "[providers]\nage = { type = \"age\", recipients = [] }\n[secrets\nA = { default = \"a\" }\n";

#[test]
fn set_refuses_a_malformed_file_and_leaves_it_byte_identical() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", MALFORMED);
    let out = sb.run(&["set", "B", "b"]);
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::invalid_toml]: Invalid TOML in configuration file [CWD]/fnox.toml:3:9
      caused by: unclosed table, expected `]`
      hint: fix the TOML at the line and column shown; the file was not changed
    ");
    assert_eq!(out.code, 1);
    assert_eq!(sb.read("fnox.toml"), MALFORMED);
    assert_eq!(temp_files(sb.root.path()), Vec::<PathBuf>::new());
}

#[test]
fn remove_refuses_a_malformed_file_and_leaves_it_byte_identical() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", MALFORMED);
    let out = sb.run(&["remove", "A"]);
    let stderr = out.fails(1);
    let re = regex::Regex::new(r"\[CWD\]/fnox\.toml:3:\d+").unwrap();
    assert!(
        re.is_match(stderr),
        "names the file, line and column:\n{stderr}"
    );
    assert_eq!(sb.read("fnox.toml"), MALFORMED);
}

#[test]
fn set_refuses_a_malformed_parent_file_naming_it() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", MALFORMED);
    let sub = sb.path("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let out = sb.output(sb.fnox_in(&sub).args(["set", "B", "b"]));
    let stderr = out.fails(1);
    let re = regex::Regex::new(r"\[CWD\]/fnox\.toml:3:\d+").unwrap();
    assert!(
        re.is_match(stderr),
        "names the parent file, line and column:\n{stderr}"
    );
    assert_eq!(sb.read("fnox.toml"), MALFORMED);
    assert!(!sub.join("fnox.toml").exists());
}

#[test]
fn set_and_remove_keep_an_existing_files_mode() {
    let sb = age_sandbox();
    let path = sb.path("fnox.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    sb.run(&["set", "A", "a"]).ok();
    assert_eq!(mode(&path), 0o640, "after set");
    sb.run(&["remove", "A"]).ok();
    assert_eq!(mode(&path), 0o640, "after remove");
}

#[test]
fn set_creates_a_new_fnox_toml_with_mode_0600() {
    let sb = Sandbox::new();
    // The provider comes from the global file, so the project file is new.
    sb.write_home(".config/fnox/config.toml", &age_config());
    sb.run(&["set", "A", "new file"]).ok();
    let path = sb.path("fnox.toml");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(sb.run(&["get", "A"]).ok(), "new file\n");

    let sb = Sandbox::new();
    sb.run(&["set", "B", "--default", "d"]).ok();
    assert_eq!(
        mode(&sb.path("fnox.toml")),
        0o600,
        "without any provider too"
    );
}

#[test]
fn no_temporary_files_are_left_after_writes_that_succeed_or_fail() {
    let sb = age_sandbox();
    sb.run(&["set", "A", "a"]).ok();
    sb.run(&["set", "A", "--description", "d"]).ok();
    sb.write("in.env", "B=b\n");
    sb.run(&["import", "-i", "in.env", "--force"]).ok();
    sb.run(&["remove", "B"]).ok();
    sb.run(&["export", "-o", "out.env"]).ok();
    // Fails after the temporary file exists: it cannot be renamed over a directory.
    std::fs::create_dir(sb.path("out-dir")).unwrap();
    sb.run(&["export", "-o", "out-dir"]).fails(1);
    sb.write("sub/fnox.toml", MALFORMED);
    sb.output(sb.fnox_in(&sb.path("sub")).args(["set", "C", "c"]))
        .fails(1);
    assert_eq!(temp_files(sb.root.path()), Vec::<PathBuf>::new());
}

#[test]
fn set_into_a_read_only_directory_fails_and_leaves_the_file_alone() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipping: root ignores directory permissions");
        return;
    }
    let sb = age_sandbox();
    sb.run(&["set", "A", "a"]).ok();
    let before = sb.read("fnox.toml");
    std::fs::set_permissions(&sb.cwd, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = sb.run(&["set", "B", "b"]);
    std::fs::set_permissions(&sb.cwd, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = out.fails(1);
    assert!(stderr.contains("cannot write [CWD]/fnox.toml"), "{stderr}");
    assert!(stderr.contains("Permission denied"), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
    assert_eq!(sb.read("fnox.toml"), before);
    assert_eq!(temp_files(sb.root.path()), Vec::<PathBuf>::new());
}
