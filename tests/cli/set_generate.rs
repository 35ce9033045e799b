//! `fnox set NAME --generate`: a fresh random value, stored as a given one would be, never shown.

use base64::Engine;
use insta::assert_snapshot;

use crate::support::{age_sandbox, Sandbox};

/// `fnox set NAME --generate ARGS…` succeeds silently on stdout; returns its stderr.
#[track_caller]
fn generate(sb: &Sandbox, name: &str, args: &[&str]) -> String {
    let mut all = vec!["set", name, "--generate"];
    all.extend_from_slice(args);
    let out = sb.run(&all);
    assert_eq!(out.ok(), "", "set --generate printed to stdout");
    out.stderr
}

/// What `fnox get NAME` returns, without its newline.
#[track_caller]
fn get(sb: &Sandbox, name: &str) -> String {
    let out = sb.run(&["get", name]);
    let value = out.ok().strip_suffix('\n').expect("a newline").to_owned();
    assert_eq!(out.stderr, "", "get verifies the generated entry quietly");
    value
}

#[test]
fn set_generate_defaults_to_32_bytes_of_base64() {
    let sb = age_sandbox();
    let stderr = generate(&sb, "DATA_KEY", &[]);
    let value = get(&sb, "DATA_KEY");
    assert_eq!(value.len(), 44);
    let raw = base64::engine::general_purpose::STANDARD
        .decode(&value)
        .expect("standard base64");
    assert_eq!(raw.len(), 32);
    assert!(!stderr.contains(&value));
    assert!(!sb.read("fnox.toml").contains(&value));
    assert_snapshot!(stderr, @r"
    ✓ Generated DATA_KEY with provider age: 32 random bytes as base64 (44 characters)
    ✓ Set secret DATA_KEY in ./fnox.toml
    ");
}

#[test]
fn set_generate_each_format_has_its_length_and_alphabet() {
    let sb = age_sandbox();
    for n in [1usize, 17, 64] {
        let bytes = n.to_string();
        for format in ["base64", "hex", "alnum"] {
            let name = format!("K_{format}_{n}").to_uppercase();
            let stderr = generate(&sb, &name, &["--bytes", &bytes, "--format", format]);
            let value = get(&sb, &name);
            // (A value of a few characters may appear in any text by chance.)
            if value.len() >= 8 {
                assert!(!stderr.contains(&value), "{stderr}");
            }
            match format {
                "base64" => {
                    let raw = base64::engine::general_purpose::STANDARD
                        .decode(&value)
                        .unwrap_or_else(|e| panic!("{name}: {e}"));
                    assert_eq!(raw.len(), n, "{name}");
                    assert_eq!(value.len(), n.div_ceil(3) * 4, "{name}");
                }
                "hex" => {
                    assert_eq!(value.len(), 2 * n, "{name}");
                    assert!(
                        value
                            .bytes()
                            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
                        "{name}: not lowercase hex"
                    );
                }
                _ => {
                    assert_eq!(value.len(), n, "{name}");
                    assert!(
                        value.bytes().all(|b| b.is_ascii_alphanumeric()),
                        "{name}: not alphanumeric"
                    );
                }
            }
        }
    }
}

#[test]
fn set_generate_twice_gives_two_different_values() {
    let sb = age_sandbox();
    generate(&sb, "ONE", &[]);
    generate(&sb, "TWO", &[]);
    let (one, two) = (get(&sb, "ONE"), get(&sb, "TWO"));
    assert_ne!(one, two);
    // Regenerating replaces the value.
    generate(&sb, "ONE", &["--format", "alnum"]);
    let again = get(&sb, "ONE");
    assert_ne!(again, one);
    assert_eq!(again.len(), 32);
}

#[test]
fn set_generate_tags_the_entry_and_respects_dry_run_and_profiles() {
    let sb = age_sandbox();
    let out = sb.run(&["set", "DRY", "--generate", "-n"]);
    assert_snapshot!(out.ok(), @r"
    [dry-run] Would set secret DRY in ./fnox.toml
      provider: age
      value: <encrypted>
    ");
    assert!(!sb.read("fnox.toml").contains("DRY"));

    generate(&sb, "TAGGED", &["--format", "hex"]);
    assert!(sb.read("fnox.lock").contains("tag - TAGGED age"));

    let out = sb.run(&["-P", "prod", "set", "PROD_KEY", "--generate"]);
    assert_eq!(out.ok(), "");
    assert!(sb.read("fnox.lock").contains("tag prod PROD_KEY age"));
    let out = sb.run(&["-P", "prod", "get", "PROD_KEY"]);
    assert_eq!(out.ok().trim_end().len(), 44);
    sb.run(&["get", "PROD_KEY"]).fails(1);
}

#[test]
fn set_generate_never_reads_stdin() {
    let sb = age_sandbox();
    let out = sb.output(
        sb.fnox()
            .args(["set", "PIPED", "--generate", "--format", "hex"])
            .write_stdin("from-stdin\n"),
    );
    assert_eq!(out.ok(), "");
    let value = get(&sb, "PIPED");
    assert_eq!(value.len(), 64);
}

#[test]
fn set_generate_writes_over_a_read_only_file_only_with_force() {
    use std::os::unix::fs::PermissionsExt;
    let sb = age_sandbox();
    let path = sb.path("fnox.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = sb.run(&["set", "RO", "--generate"]);
    out.fails(1);
    assert!(!sb.read("fnox.toml").contains("RO"));
    generate(&sb, "RO", &["--force"]);
    assert_eq!(get(&sb, "RO").len(), 44);
}

#[test]
fn set_generate_conflicts_are_usage_errors() {
    let sb = age_sandbox();
    sb.write("blob.bin", "x");
    let out = sb.run(&["set", "K", "value", "--generate"]);
    assert_snapshot!(out.fails(2), @r"
    error: the argument '[VALUE]' cannot be used with '--generate'

    Usage: fnox set <KEY> <VALUE>

    For more information, try '--help'.
    ");
    let out = sb.run(&["set", "K", "--generate", "--from-file", "blob.bin"]);
    assert!(
        out.fails(2)
            .contains("the argument '--generate' cannot be used with '--from-file <PATH>'"),
        "{}",
        out.stderr
    );
    let out = sb.run(&["set", "K", "--generate", "--base64-encode"]);
    assert!(out
        .fails(2)
        .contains("the argument '--generate' cannot be used with '--base64-encode'"));
    let out = sb.run(&["set", "K", "--bytes", "8"]);
    assert!(
        out.fails(2).contains("--generate"),
        "--bytes without --generate: {}",
        out.stderr
    );
    let out = sb.run(&["set", "K", "v", "--bytes", "8"]);
    assert_snapshot!(out.fails(2), @r"
    error[fnox::usage]: --bytes only applies to a generated value
      hint: fnox set K --generate --bytes …
    ");
    let out = sb.run(&["set", "K", "v", "--format", "hex"]);
    assert!(out
        .fails(2)
        .contains("--format only applies to a generated value"));
    assert!(!sb.read("fnox.toml").contains("K="));
}

#[test]
fn set_generate_bytes_out_of_range_is_a_usage_error() {
    let sb = age_sandbox();
    let out = sb.run(&["set", "K", "--generate", "--bytes", "0"]);
    assert_snapshot!(out.fails(2), @r"
    error: invalid value '0' for '--bytes <N>': 0 is not in 1..=4096

    For more information, try '--help'.
    ");
    sb.run(&["set", "K", "--generate", "--bytes", "4097"])
        .fails(2);
    sb.run(&["set", "K", "--generate", "--bytes", "many"])
        .fails(2);
    sb.run(&["set", "K", "--generate", "--format", "octal"])
        .fails(2);
    generate(&sb, "K", &["--bytes", "4096", "--format", "alnum"]);
    assert_eq!(get(&sb, "K").len(), 4096);
}
