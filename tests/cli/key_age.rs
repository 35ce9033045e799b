//! `fnox key` with age: rotation to a new identity (checked with the age CLI), status, retirement
//! that refuses while a value needs the old key, and rotations killed part-way.

use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;
use std::time::Duration;

use crate::support::process::fnox_command;
use crate::support::{age_sandbox, require_tool, Sandbox, TEST_PUBLIC_KEY};

const IDENTITY: &str = ".config/fnox/age.txt";

/// A project with values in the top level, a profile table and a profile file.
fn project() -> Sandbox {
    let sb = age_sandbox();
    sb.run(&["set", "DB", "db-value"]).ok();
    sb.run(&["set", "API", "api-value"]).ok();
    sb.run(&["--write-profile", "prod", "set", "PROD_DB", "prod-db"])
        .ok();
    sb.write("fnox.ci.toml", "[secrets]\n");
    sb.run(&["-P", "ci", "set", "CI_TOKEN", "ci-token"]).ok();
    sb
}

fn public_key(text: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .expect("a public key comment")
        .to_owned()
}

fn values(sb: &Sandbox) -> Vec<String> {
    vec![
        sb.run(&["get", "DB"]).ok().to_owned(),
        sb.run(&["get", "API"]).ok().to_owned(),
        sb.run(&["-P", "prod", "get", "PROD_DB"]).ok().to_owned(),
        sb.run(&["-P", "ci", "get", "CI_TOKEN"]).ok().to_owned(),
    ]
}

/// The base64 `value` of a secret line in a file.
fn stored(text: &str, name: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{name}=")) || l.starts_with(&format!("{name} =")))
        .unwrap_or_else(|| panic!("{name} in {text}"));
    let start = line.find("value = \"").unwrap() + 9;
    line[start..line[start..].find('"').unwrap() + start].to_owned()
}

/// `age -d -i KEYFILE` of a stored value: what the age CLI makes of it.
fn age_decrypt(sb: &Sandbox, key_file: &std::path::Path, b64: &str) -> std::process::Output {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    let ct = sb.root.path().join("value.age");
    std::fs::write(&ct, bytes).unwrap();
    std::process::Command::new("age")
        .args(["-d", "-i"])
        .arg(key_file)
        .arg(&ct)
        .output()
        .unwrap()
}

#[test]
fn rotate_moves_every_value_of_every_profile_and_file_to_a_new_identity_the_age_cli_reads() {
    if !require_tool("age", "age") {
        return;
    }
    let sb = project();
    let before = values(&sb);

    let dry = sb.run(&["key", "rotate", "age", "--dry-run"]);
    assert!(dry.ok().contains("re-encrypt 4 value(s)"), "{}", dry.stdout);
    assert!(
        dry.stdout.contains("./fnox.ci.toml (profile ci): 1"),
        "{}",
        dry.stdout
    );
    assert_eq!(
        public_key(&sb.read(&format!("../home/{IDENTITY}"))),
        TEST_PUBLIC_KEY
    );

    let out = sb.run(&["key", "rotate", "age", "--force"]);
    out.ok();
    assert!(
        out.stderr.contains("re-encrypted 4 value(s) in 2 file(s)"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("git history"), "{}", out.stderr);
    assert_eq!(values(&sb), before);

    // The identity file holds the new key alone, private; the old one sits beside it.
    let id_path = sb.home.join(IDENTITY);
    let new_text = std::fs::read_to_string(&id_path).unwrap();
    let new_public = public_key(&new_text);
    assert_ne!(new_public, TEST_PUBLIC_KEY);
    assert_eq!(new_text.matches("AGE-SECRET-KEY-1").count(), 1);
    assert_eq!(
        std::fs::metadata(&id_path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let retired: Vec<_> = std::fs::read_dir(id_path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("age.txt.retired-")
        })
        .collect();
    assert_eq!(retired.len(), 1, "{retired:?}");
    assert_eq!(
        public_key(&std::fs::read_to_string(&retired[0]).unwrap()),
        TEST_PUBLIC_KEY
    );
    assert_eq!(
        std::fs::metadata(&retired[0]).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // fnox.toml names the new recipient instead of the old and lists the retired copy.
    let toml = sb.read("fnox.toml");
    assert!(
        toml.contains(&new_public) && !toml.contains(TEST_PUBLIC_KEY),
        "{toml}"
    );
    let name = retired[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        toml.contains(&format!("retired_key_files = [\"~/.config/fnox/{name}\"]")),
        "{toml}"
    );

    // The age CLI opens the new values with the new identity, and not with the old one.
    for (file, name) in [
        ("fnox.toml", "DB"),
        ("fnox.toml", "PROD_DB"),
        ("fnox.ci.toml", "CI_TOKEN"),
    ] {
        let b64 = stored(&sb.read(file), name);
        let with_new = age_decrypt(&sb, &id_path, &b64);
        assert!(
            with_new.status.success(),
            "{}",
            String::from_utf8_lossy(&with_new.stderr)
        );
        let with_old = age_decrypt(&sb, &retired[0], &b64);
        assert!(!with_old.status.success(), "the old key still opens {name}");
    }
    // Integrity tags moved to the new MAC key and verify.
    sb.run(&["check", "--integrity"]).ok();
    sb.run(&["-P", "ci", "check", "--integrity"]).ok();
}

#[test]
fn status_retire_refuse_while_a_value_needs_the_old_key_then_delete_it() {
    if !require_tool("age", "age") {
        return;
    }
    let sb = project();
    // A value sealed to the old key only, as a teammate's stale branch might bring back.
    let old_value = stored(&sb.read("fnox.toml"), "API");
    sb.run(&["key", "rotate", "age", "--force"]).ok();
    let toml = sb.read("fnox.toml").replacen(
        "[secrets]\n",
        &format!("[secrets]\nSTALE = {{ provider = \"age\", value = \"{old_value}\" }}\n"),
        1,
    );
    sb.write("fnox.toml", &toml);

    let status = sb.run(&["key", "status", "age", "--json"]);
    let json: serde_json::Value = serde_json::from_str(status.ok()).unwrap();
    let versions = json["providers"][0]["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "{json}");
    assert_eq!(versions[0]["state"], "retired");
    assert_eq!(versions[0]["key"], TEST_PUBLIC_KEY);
    let v1: Vec<&str> = versions[0]["secrets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(v1, ["STALE"]);
    assert_eq!(versions[1]["state"], "current");
    assert_eq!(versions[1]["secrets"].as_array().unwrap().len(), 4);
    let text = sb.run(&["key", "status"]);
    assert!(text.ok().contains("v1 retired"), "{}", text.stdout);
    assert!(
        text.stdout.contains("STALE (secrets.STALE in ./fnox.toml)"),
        "{}",
        text.stdout
    );

    // The stale value still reads (through the retired copy); retiring is refused, naming it.
    assert_eq!(sb.run(&["get", "STALE"]).ok(), "api-value\n");
    let before = sb.read("fnox.toml");
    let refused = sb.run(&["key", "retire", "age", "--below", "2", "--force"]);
    let err = refused.fails(1);
    assert!(
        err.contains("STALE (secrets.STALE in ./fnox.toml) is sealed with version 1"),
        "{err}"
    );
    assert!(err.contains("fnox::key::in_use"), "{err}");
    assert_eq!(sb.read("fnox.toml"), before);

    // Once it is moved to the current key, the old identity is dropped and deleted.
    sb.run(&["reencrypt", "--force", "STALE"]).ok();
    let retire = sb.run(&["key", "retire", "age", "--below", "2", "--force"]);
    retire.ok();
    assert!(retire.stderr.contains("git history"), "{}", retire.stderr);
    assert!(!sb.read("fnox.toml").contains("retired_key_files"));
    let dir = sb.home.join(".config/fnox");
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["age.txt"]);
    assert_eq!(values(&sb).len(), 4);
    assert_eq!(sb.run(&["get", "STALE"]).ok(), "api-value\n");
    // Retiring the current key is refused.
    let current = sb.run(&["key", "retire", "age", "--below", "3"]);
    assert!(
        current.fails(2).contains("current key"),
        "{}",
        current.stderr
    );
}

#[test]
fn a_rotation_killed_at_any_point_leaves_every_value_readable() {
    let sb = project();
    let expected = values(&sb);
    let mut delays = 0u64;
    for round in 0..24 {
        let mut child = fnox_command(&sb, &["key", "rotate", "age", "--force"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the whole run (a rotation of these values takes 50 to 200 ms
        // in a debug build): some land before anything is written, some between the steps.
        delays = (delays * 7 + 29 + round) % 200;
        std::thread::sleep(Duration::from_millis(delays));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(
            values(&sb),
            expected,
            "after a kill at {delays} ms (round {round})"
        );
    }
    // A rotation that runs to the end still works after all that.
    sb.run(&["key", "rotate", "age", "--force"]).ok();
    assert_eq!(values(&sb), expected);
    sb.run(&["check", "--integrity"]).ok();
}

#[test]
fn an_identity_held_elsewhere_is_not_rotated_and_an_unmanaged_provider_is_named() {
    let sb = project();
    let key = std::fs::read_to_string(sb.home.join(IDENTITY)).unwrap();
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY", key.trim())
            .args(["key", "rotate", "age", "-f"]),
    );
    assert!(out.fails(2).contains("FNOX_AGE_KEY"), "{}", out.stderr);
    let toml = sb.read("fnox.toml").replace(
        "[providers]\n",
        "[providers]\nplainp = { type = \"plain\" }\n",
    );
    sb.write("fnox.toml", &toml);
    let out = sb.run(&["key", "rotate", "plainp"]);
    assert!(
        out.fails(2).contains("whose keys fnox does not manage"),
        "{}",
        out.stderr
    );
    let out = sb.run(&["key", "rotate", "nope"]);
    assert!(
        out.fails(2).contains("no provider 'nope'"),
        "{}",
        out.stderr
    );
    // Without a terminal and without --force, nothing happens.
    let out = sb.output(
        sb.fnox()
            .args(["--non-interactive", "key", "rotate", "age"]),
    );
    out.fails(2);
    assert_eq!(sb.read("fnox.toml"), toml);
}
