//! The age provider against Debian's `age` CLI: each reads what the other wrote, armored
//! values, SSH recipients, and the error for a value meant for someone else.

use std::path::Path;
use std::process::Stdio;

use base64::Engine;

use crate::support::process::output_with_stdin;
use crate::support::{fixture, require_tool, Sandbox, TEST_PUBLIC_KEY};

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// Runs a tool with `input` on stdin; asserts success and returns stdout.
fn tool(program: &str, args: &[&str], input: &[u8]) -> Vec<u8> {
    let out = output_with_stdin(std::process::Command::new(program).args(args), input);
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn config_for(recipient: &str, secrets: &str) -> String {
    format!(
        "[providers]\nage = {{ type = \"age\", recipients = [\"{recipient}\"] }}\n\n[secrets]\n{secrets}"
    )
}

/// The `value` of a secret as fnox.toml records it.
fn recorded_value(sb: &Sandbox, name: &str) -> String {
    let doc: toml::Table = toml::from_str(&sb.read("fnox.toml")).unwrap();
    doc["secrets"][name]["value"].as_str().unwrap().to_owned()
}

const AWKWARD: &str = "pa$$ \"w0rd\" 'x' ünï ✓\nsecond line";

#[test]
fn get_decrypts_a_value_encrypted_by_the_age_cli() {
    if !require_tool("age", "age") {
        return;
    }
    let sb = Sandbox::new();
    let cipher = tool("age", &["-r", TEST_PUBLIC_KEY], AWKWARD.as_bytes());
    let value = B64.encode(cipher);
    sb.write(
        "fnox.toml",
        &config_for(
            TEST_PUBLIC_KEY,
            &format!("FROM_CLI = {{ provider = \"age\", value = \"{value}\" }}\n"),
        ),
    );
    assert_eq!(sb.run(&["get", "FROM_CLI"]).ok(), format!("{AWKWARD}\n"));
}

#[test]
fn age_cli_decrypts_a_value_written_by_set() {
    if !require_tool("age", "age") {
        return;
    }
    let sb = Sandbox::new();
    sb.write("fnox.toml", &config_for(TEST_PUBLIC_KEY, ""));
    sb.run(&["set", "FROM_FNOX", AWKWARD]).ok();
    let cipher = B64
        .decode(recorded_value(&sb, "FROM_FNOX"))
        .expect("standard base64");
    let key = fixture("upstream/test-key.txt");
    let plain = tool("age", &["-d", "-i", key.to_str().unwrap()], &cipher);
    assert_eq!(String::from_utf8(plain).unwrap(), AWKWARD);
}

#[test]
fn get_decrypts_an_ascii_armored_value() {
    if !require_tool("age", "age") {
        return;
    }
    let sb = Sandbox::new();
    let armored = String::from_utf8(tool(
        "age",
        &["-a", "-r", TEST_PUBLIC_KEY],
        b"armored value",
    ))
    .unwrap();
    assert!(armored.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    let base64_of_armor = B64.encode(&armored);
    sb.write(
        "fnox.toml",
        &config_for(
            TEST_PUBLIC_KEY,
            &format!("ARMORED = {{ provider = \"age\", value = \"\"\"\n{armored}\"\"\" }}\nB64_ARMOR = {{ provider = \"age\", value = \"{base64_of_armor}\" }}\nINDENTED = {{ provider = \"age\", value = \"\"\"\n\n  \t{armored}\n\"\"\" }}\n"),
        ),
    );
    assert_eq!(sb.run(&["get", "ARMORED"]).ok(), "armored value\n");
    assert_eq!(sb.run(&["get", "B64_ARMOR"]).ok(), "armored value\n");
    // Whitespace around an armored file is allowed (https://c2sp.org/age#ascii-armor).
    assert_eq!(sb.run(&["get", "INDENTED"]).ok(), "armored value\n");
}

/// An unencrypted ed25519 SSH key pair: (private key path, public key line).
fn ssh_key(dir: &Path) -> (std::path::PathBuf, String) {
    let key = dir.join("id_test");
    let status = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "fnox-test", "-f"])
        .arg(&key)
        .stdin(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public.trim().to_owned())
}

#[test]
fn ssh_ed25519_recipient_round_trips_and_interoperates() {
    if !require_tool("age", "age") || !require_tool("ssh-keygen", "openssh-client") {
        return;
    }
    let sb = Sandbox::bare();
    let (key, public) = ssh_key(sb.root.path());
    sb.write("fnox.toml", &config_for(&public, ""));
    let with_key = |args: &[&str]| sb.output(sb.fnox().env("FNOX_AGE_KEY_FILE", &key).args(args));
    with_key(&["set", "SSH_SECRET", "over ssh"]).ok();
    assert_eq!(with_key(&["get", "SSH_SECRET"]).ok(), "over ssh\n");

    let cipher = B64.decode(recorded_value(&sb, "SSH_SECRET")).unwrap();
    let plain = tool("age", &["-d", "-i", key.to_str().unwrap()], &cipher);
    assert_eq!(
        plain, b"over ssh",
        "the age CLI reads it with the same SSH key"
    );

    let pub_path = key.with_extension("pub");
    let cipher = tool("age", &["-R", pub_path.to_str().unwrap()], b"from the cli");
    let text = sb.read("fnox.toml")
        + &format!(
            "SSH_CLI = {{ provider = \"age\", value = \"{}\" }}\n",
            B64.encode(cipher)
        );
    sb.write("fnox.toml", &text);
    assert_eq!(with_key(&["get", "SSH_CLI"]).ok(), "from the cli\n");
}

/// A sandbox whose secret THEIRS is encrypted to a freshly generated key, not the sandbox's.
fn foreign_value_sandbox() -> Sandbox {
    let sb = Sandbox::new();
    let other_key = sb.root.path().join("other.txt");
    tool("age-keygen", &["-o", other_key.to_str().unwrap()], b"");
    let other_public = String::from_utf8(tool(
        "age-keygen",
        &["-y", other_key.to_str().unwrap()],
        b"",
    ))
    .unwrap();
    let cipher = tool("age", &["-r", other_public.trim()], b"not for you");
    sb.write(
        "fnox.toml",
        &config_for(
            TEST_PUBLIC_KEY,
            &format!(
                "THEIRS = {{ provider = \"age\", value = \"{}\" }}\n",
                B64.encode(cipher)
            ),
        ),
    );
    sb
}

#[test]
fn value_for_another_key_fails_saying_no_identity_matched() {
    if !require_tool("age", "age") || !require_tool("age-keygen", "age") {
        return;
    }
    let sb = foreign_value_sandbox();
    let out = sb.run(&["get", "THEIRS"]);
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::encryption::age::identity_not_found]: cannot decrypt THEIRS (secrets.THEIRS in ./fnox.toml:5, provider 'age')
      caused by: Age decryption failed: no identity matched any of the recipients
      hint: point FNOX_AGE_KEY_FILE at your key, or ask a teammate to add your public key and run `fnox reencrypt`
    ");
    assert_eq!(out.code, 1);
}

#[test]

fn no_identity_hint_names_only_commands_that_exist() {
    if !require_tool("age", "age") || !require_tool("age-keygen", "age") {
        return;
    }
    let sb = foreign_value_sandbox();
    let out = sb.run(&["get", "THEIRS"]);
    let hint = out
        .fails(1)
        .lines()
        .find(|l| l.trim_start().starts_with("hint:"))
        .expect("a hint")
        .to_owned();
    let commands = regex::Regex::new(r"`fnox ([a-z-]+)").unwrap();
    for command in commands.captures_iter(&hint) {
        let help = sb.run(&[&command[1], "--help"]);
        assert_eq!(
            help.code, 0,
            "the hint says `fnox {}`:\n{}",
            &command[1], help.stderr
        );
    }
}
