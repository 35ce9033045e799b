//! Config parse errors never quote a value (issue 16, item 14): a secret written where another
//! kind of value belongs (`env = "..."`, `if_missing = "..."`, a number for a string) is named by
//! its kind and position only.

use insta::assert_snapshot;

use crate::support::{age_config, Sandbox};

/// Every shape of serde / toml message that quotes the input, with the input a canary.
const CASES: &[(&str, &str)] = &[
    ("env", "A = { env = \"CANARY-env\" }"),
    ("if_missing", "A = { if_missing = \"CANARY-if-missing\" }"),
    ("value as integer", "A = { value = 98765432123 }"),
    ("line negative", "A = { line = -98765432123 }"),
    ("line too large", "A = { line = 98765432123987654321987 }"),
    ("value as float", "A = { value = 98765.432123 }"),
    ("default as boolean", "A = { default = true }"),
    ("line as string", "A = { line = \"CANARY-line\" }"),
    ("as_file as string", "A = { as_file = \"CANARY-as-file\" }"),
    (
        "sync value as integer",
        "A = { sync = { provider = \"p\", value = 98765432123 } }",
    ),
    ("bare string", "A = \"CANARY-bare\""),
    (
        "variant with backticks",
        "A = { if_missing = \"CANARY`-tick`, expected\" }",
    ),
];

fn canary_of(body: &str) -> &'static str {
    if body.contains("CANARY") {
        "CANARY"
    } else if body.contains("98765") {
        "98765"
    } else {
        "true"
    }
}

#[test]
fn type_errors_in_fnox_toml_never_quote_the_value() {
    let sb = Sandbox::new();
    for (what, body) in CASES {
        sb.write("fnox.toml", &format!("[secrets]\n{body}\n"));
        for args in [&["list"][..], &["get", "A"]] {
            let out = sb.run(args);
            let stderr = out.fails(1);
            assert!(
                stderr.starts_with("error[fnox::config::invalid_toml]: Invalid TOML"),
                "{what}: {stderr}"
            );
            let canary = canary_of(body);
            // `true` is also a word of messages: only its quoted form would be the value.
            let leaked = if canary == "true" {
                stderr.contains("`true`")
            } else {
                stderr.contains(canary)
            };
            assert!(
                !leaked && !stderr.contains("-tick"),
                "{what}: the error quotes the value:\n{stderr}"
            );
        }
    }
    // The top level too.
    sb.write("fnox.toml", "if_missing = \"CANARY-top\"\n");
    assert!(!sb.run(&["list"]).fails(1).contains("CANARY"));
}

#[test]
fn a_type_error_names_the_kind_and_place_but_not_the_value() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nA = { env = \"CANARY-env\" }\n");
    assert_snapshot!(sb.run(&["get", "A"]).all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::invalid_toml]: Invalid TOML in configuration file [CWD]/fnox.toml:2:13
      caused by: env must be true, false or "exec"
      hint: fix the TOML at the line and column shown; the file was not changed
    "#);
    sb.write(
        "fnox.toml",
        "[secrets]\nA = { if_missing = \"CANARY-if-missing\" }\nB = { value = 98765432123 }\n",
    );
    assert_snapshot!(sb.run(&["get", "A"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::invalid_toml]: Invalid TOML in configuration file [CWD]/fnox.toml:2:20
      caused by: unknown variant, expected one of `error`, `warn`, `ignore`
      hint: fix the TOML at the line and column shown; the file was not changed
    ");
    sb.write("fnox.toml", "[secrets]\nB = { value = 98765432123 }\n");
    assert_snapshot!(sb.run(&["get", "B"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::invalid_toml]: Invalid TOML in configuration file [CWD]/fnox.toml:2:15
      caused by: invalid type: integer, expected a string
      hint: fix the TOML at the line and column shown; the file was not changed
    ");
}

#[test]
fn provider_setting_errors_never_quote_the_value() {
    let sb = Sandbox::new();
    let text = age_config().replace("[secrets]\n", "")
        + "vault = { type = \"vault\", address = \"http://127.0.0.1:1\", token = 98765432123 }\n\n[secrets]\nA = { provider = \"vault\", value = \"x/y\" }\n";
    sb.write("fnox.toml", &text);
    let out = sb.run(&["get", "A"]);
    let stderr = out.fails(1);
    assert!(
        stderr
            .contains("invalid vault provider settings: invalid type: integer, expected a string"),
        "{stderr}"
    );
    assert!(!stderr.contains("98765"), "{stderr}");
}
