//! Every distinct user-facing error: it names the file, the key, the cause and a fix,
//! exits non-zero, and leaves the config file byte-identical.

use insta::assert_snapshot;

use crate::support::{read_fixture, Sandbox};

const AGE: &str = r#"[providers]
age = { type = "age", recipients = ["age15e8t6sw6luu6ktzup4jhwl0qy8zds56dv4hzc4fja5kpzaaujvassnuyzd"] }
"#;

/// Runs fnox on a config and checks the file did not change.
fn run_on(config: &str, args: &[&str]) -> String {
    let sb = Sandbox::new();
    sb.write("fnox.toml", config);
    let out = sb.run(args);
    assert_ne!(out.code, 0, "expected failure:\n{}", out.all());
    assert_eq!(
        sb.read("fnox.toml"),
        config,
        "the file must stay byte-identical"
    );
    out.all()
}

#[test]
fn no_config_anywhere() {
    let sb = Sandbox::new();
    let out = sb.run(&["get", "X"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::not_found]: No configuration file found in [CWD] or any parent directory
      hint: run `fnox init` to create fnox.toml here, or pass -c PATH
    ");
}

#[test]
fn malformed_toml_names_line_and_column() {
    let config = "[secrets]\nA = { provider = \"age\", value = \"x\" }\n[secrets\n";
    assert_snapshot!(run_on(config, &["get", "A"]), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::invalid_toml]: Invalid TOML in configuration file [CWD]/fnox.toml:3:9
      caused by: unclosed table, expected `]`
      hint: fix the TOML at the line and column shown; the file was not changed
    ");
    assert_snapshot!(run_on(config, &["set", "B", "v"]), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::invalid_toml]: Invalid TOML in configuration file [CWD]/fnox.toml:3:9
      caused by: unclosed table, expected `]`
      hint: fix the TOML at the line and column shown; the file was not changed
    ");
}

#[test]
fn bare_string_secret_is_a_type_error_with_location() {
    let config = "[secrets]\nA = \"plaintext\"\n";
    let out = run_on(config, &["list"]);
    assert!(
        !out.contains("plaintext"),
        "the value must not be echoed: {out}"
    );
    assert_snapshot!(out, @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::invalid_toml]: Invalid TOML in configuration file [CWD]/fnox.toml:2:5
      caused by: invalid type: string, expected struct SecretConfig
      hint: fix the TOML at the line and column shown; the file was not changed
    ");
}

#[test]
fn secret_pointing_at_missing_provider() {
    let config = format!("{AGE}[secrets]\nA = {{ provider = \"agee\", value = \"x\" }}\n");
    assert_snapshot!(run_on(&config, &["get", "A"]), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::not_configured]: cannot resolve A (secrets.A in ./fnox.toml:4)
      caused by: Provider 'agee' not configured in profile 'default'
      caused by: Did you mean 'age'?
      caused by: configured providers: age
      hint: add it with `fnox provider add agee age`, or use one of the configured providers
    ");
}

#[test]
fn unknown_provider_type() {
    let config = "[providers]\nx = { type = \"agge\" }\n[secrets]\nA = { provider = \"x\", value = \"v\" }\n";
    assert_snapshot!(run_on(config, &["get", "A"]), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot resolve A (secrets.A in ./fnox.toml:4)
      caused by: cannot use provider 'x' (providers.x in ./fnox.toml:2)
      caused by: unknown provider type 'agge'
      hint: Did you mean 'age'?
    ");
}

#[test]
fn unknown_provider_field_lists_allowed_fields() {
    let config = "[providers]\nage = { type = \"age\", recipient = [] }\n[secrets]\nA = { provider = \"age\", value = \"v\" }\n";
    assert_snapshot!(run_on(config, &["get", "A"]), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot resolve A (secrets.A in ./fnox.toml:4)
      caused by: cannot use provider 'age' (providers.age in ./fnox.toml:2)
      caused by: invalid age provider settings: unknown field `recipient`, expected one of `recipients`, `key_file`, `identity`, `retired_key_files`
    ");
}

#[test]
fn ciphertext_damage_is_named() {
    let good = read_fixture("upstream/before.toml");
    let value = good
        .split("value = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let tampered = {
        let mut v = value.clone().into_bytes();
        let i = v.len() - 10;
        v[i] = if v[i] == b'A' { b'B' } else { b'A' };
        String::from_utf8(v).unwrap()
    };
    for (label, bad) in [
        ("truncated", value[..value.len() / 2].to_owned()),
        ("not base64", "not-base64!".to_owned()),
        ("tampered", tampered),
    ] {
        let config = good.replace(&value, &bad);
        let out = run_on(&config, &["get", "EXISTING"]);
        assert!(
            out.contains(
                "cannot decrypt EXISTING (secrets.EXISTING in ./fnox.toml:9, provider 'age')"
            ),
            "{label}: {out}"
        );
        assert!(out.contains("hint:"), "{label}: {out}");
    }
}

#[test]
fn wrong_recipient() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &read_fixture("upstream/before.toml"));
    // Replace the sandbox identity with an unrelated one, made by `fnox init` elsewhere.
    let other = Sandbox::bare();
    other.run(&["init"]).ok();
    let other_key = std::fs::read_to_string(other.home.join(".config/fnox/age.txt")).unwrap();
    sb.write_home(".config/fnox/age.txt", &other_key);
    let out = sb.run(&["get", "EXISTING"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::encryption::age::identity_not_found]: cannot decrypt EXISTING (secrets.EXISTING in ./fnox.toml:9, provider 'age')
      caused by: Age decryption failed: no identity matched any of the recipients
      hint: point FNOX_AGE_KEY_FILE at your key, or ask a teammate to add your public key and run `fnox reencrypt`
    ");
}

#[test]
fn corrupt_default_identity_is_reported_not_skipped() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &read_fixture("upstream/before.toml"));
    sb.write_home(".config/fnox/age.txt", "AGE-SECRET-KEY-1NOTAKEY\n");
    let out = sb.run(&["get", "EXISTING"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(
            "[HOME]/.config/fnox/age.txt (default identity) is not a usable age identity"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn unknown_secret_suggests_a_close_name() {
    let out = run_on(&read_fixture("upstream/before.toml"), &["get", "EXISTIN"]);
    assert_snapshot!(out, @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::secret::not_found]: Secret 'EXISTIN' not found in profile 'default'
      caused by: Did you mean 'EXISTING'?
      caused by: looked in ./fnox.toml
      hint: see what is defined with `fnox list`, or add it with `fnox set EXISTIN`
    ");
    let out = run_on(&read_fixture("upstream/before.toml"), &["remove", "NOPE"]);
    assert!(
        out.contains("error[fnox::secret::not_found]: Secret 'NOPE' not found"),
        "{out}"
    );
}

#[test]
fn unknown_profile_is_an_error_never_a_fallback() {
    let out = run_on(
        &read_fixture("upstream/before.toml"),
        &["-P", "prdo", "get", "EXISTING"],
    );
    assert_snapshot!(out, @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::unknown_profile]: unknown profile 'prdo'
      caused by: Did you mean 'prod'?
      caused by: defined profiles: prod
      hint: add a [profiles.prdo] table to fnox.toml (or create fnox.prdo.toml), pick another with -P, or write into a new profile with --write-profile prdo
    ");
}

#[test]
fn secret_with_no_value_anywhere_is_not_an_empty_string() {
    let out = run_on(
        "[secrets]\nTOKEN = { description = \"api token\" }\n",
        &["get", "TOKEN"],
    );
    assert_snapshot!(out, @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::secret::no_value]: Secret 'TOKEN' not found and no default provided (secrets.TOKEN in ./fnox.toml:2)
      caused by: no provider value, no default, and no TOKEN in the environment
      hint: set it with `fnox set TOKEN`, or give it a `default`
    ");
}

#[test]
fn set_without_any_provider() {
    let out = run_on("[secrets]\n", &["set", "A", "v"]);
    assert_snapshot!(out, @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::not_configured]: cannot set A (secrets.A in ./fnox.toml): no provider to encrypt it with
      caused by: No providers configured
      hint: run `fnox init` to set up an age key, or add one with `fnox provider add age age`
    ");
}

#[test]
fn set_without_a_value_and_no_terminal() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", AGE);
    let out = sb.run(&["set", "A"]);
    assert_snapshot!(out.all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::usage]: no value for A: stdin was empty
      hint: pass the value as an argument: fnox set A VALUE ('' for an empty value)
    ");
}

#[test]
fn several_profiles_need_write_profile() {
    let config =
        "[profiles.a.secrets]\n[profiles.b.secrets]\n[providers]\nage = { type = \"plain\" }\n";
    assert_snapshot!(run_on(config, &["-P", "a,b", "set", "X", "v"]), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::error]: Multiple profiles are active (a,b); a write needs one
      hint: Specify --write-profile <NAME> to choose the write target
    ");
}

#[test]
fn directory_named_fnox_toml() {
    let sb = Sandbox::new();
    std::fs::create_dir(sb.path("fnox.toml")).unwrap();
    assert_snapshot!(sb.run(&["list"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::read_failed]: Failed to read configuration file: [CWD]/fnox.toml
      caused by: it is a directory, not a file
      hint: rename or remove that directory; fnox.toml must be a TOML file
    ");
}

#[test]
fn binary_file() {
    let sb = Sandbox::new();
    std::fs::write(sb.path("fnox.toml"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let out = sb.run(&["set", "A", "v"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::read_failed]: Failed to read configuration file: [CWD]/fnox.toml
      caused by: it is not UTF-8 text (invalid byte at offset 0)
      hint: a fnox config is a TOML text file; restore it from version control
    ");
    assert_eq!(
        std::fs::read(sb.path("fnox.toml")).unwrap(),
        [0xff, 0xfe, 0x00, 0x41]
    );
}

#[test]
fn missing_import() {
    let out = run_on("import = [\"./shared.toml\"]\n", &["list"]);
    assert_snapshot!(out, @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::import_not_found]: Import file not found: [CWD]/shared.toml
      caused by: import './shared.toml' is listed in [CWD]/fnox.toml
      hint: fix or remove the path in `import = [...]`; paths are relative to the importing file
    ");
}

#[test]
fn exec_without_command() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", AGE);
    assert_snapshot!(sb.run(&["exec"]).all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::command::not_specified]: No command specified
      hint: fnox exec -- ./app --flag
    ");
}
