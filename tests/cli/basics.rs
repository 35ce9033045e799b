//! get / set / remove against the files the upstream tool wrote: same values, same layout.

use crate::support::{read_fixture, Sandbox};

/// Masks ciphertexts so two files can be compared for layout.
fn layout(text: &str) -> String {
    regex::Regex::new(r#"value = "[^"]*""#)
        .unwrap()
        .replace_all(text, "value = \"…\"")
        .into_owned()
}

fn with_before() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &read_fixture("upstream/before.toml"));
    sb
}

#[test]
fn get_decrypts_values_written_by_upstream() {
    let sb = with_before();
    assert_eq!(sb.run(&["get", "EXISTING"]).ok(), "existing-value\n");
    assert_eq!(sb.run(&["get", "TABLE_STYLE"]).ok(), "table-value\n");
    for (file, key, want) in [
        ("after-set-new.toml", "NEW_SECRET", "new value"),
        ("after-set-existing.toml", "EXISTING", "changed value"),
        (
            "after-set-no-provider.toml",
            "PLAIN_DEFAULT",
            "just a default",
        ),
        ("after-import.toml", "B_TWO", "two words"),
    ] {
        sb.write("fnox.toml", &read_fixture(&format!("upstream/{file}")));
        assert_eq!(sb.run(&["get", key]).ok(), format!("{want}\n"), "{file}");
    }
    sb.write(
        "fnox.toml",
        &read_fixture("upstream/after-set-profile.toml"),
    );
    assert_eq!(
        sb.run(&["-P", "prod", "get", "PROD_NEW"]).ok(),
        "prod value\n"
    );
}

#[test]
fn set_new_secret_matches_upstream_layout() {
    let sb = with_before();
    sb.run(&["set", "NEW_SECRET", "new value", "--provider", "age"])
        .ok();
    assert_eq!(
        layout(&sb.read("fnox.toml")),
        layout(&read_fixture("upstream/after-set-new.toml"))
    );
    assert_eq!(sb.run(&["get", "NEW_SECRET"]).ok(), "new value\n");
}

#[test]
fn set_with_the_only_provider_matches_upstream_layout() {
    let sb = with_before();
    sb.run(&["set", "PLAIN_DEFAULT", "just a default"]).ok();
    assert_eq!(
        layout(&sb.read("fnox.toml")),
        layout(&read_fixture("upstream/after-set-no-provider.toml"))
    );
}

#[test]
fn set_in_profile_matches_upstream_layout() {
    let sb = with_before();
    sb.run(&[
        "-P",
        "prod",
        "set",
        "PROD_NEW",
        "prod value",
        "--provider",
        "age",
    ])
    .ok();
    assert_eq!(
        layout(&sb.read("fnox.toml")),
        layout(&read_fixture("upstream/after-set-profile.toml"))
    );
    assert_eq!(
        sb.run(&["-P", "prod", "get", "PROD_NEW"]).ok(),
        "prod value\n"
    );
}

#[test]
fn set_existing_changes_only_that_entry_and_keeps_its_fields() {
    let sb = with_before();
    let before = read_fixture("upstream/before.toml");
    sb.run(&["set", "EXISTING", "changed value", "--provider", "age"])
        .ok();
    let after = sb.read("fnox.toml");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "exactly one line changes: {changed:#?}");
    assert!(changed[0]
        .1
        .starts_with("EXISTING = { provider = \"age\", value = \"YWdl"));
    assert!(changed[0].1.ends_with("description = \"kept\" }"));
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(sb.run(&["get", "EXISTING"]).ok(), "changed value\n");
}

#[test]
fn remove_matches_upstream_byte_for_byte() {
    let sb = with_before();
    sb.run(&["remove", "EXISTING"]).ok();
    assert_eq!(
        sb.read("fnox.toml"),
        read_fixture("upstream/after-remove.toml")
    );
    let sb = with_before();
    sb.run(&["rm", "TABLE_STYLE"]).ok();
    assert_eq!(
        sb.read("fnox.toml"),
        read_fixture("upstream/after-remove-table.toml")
    );
}

#[test]
fn import_keeps_input_order() {
    let sb = with_before();
    let input = crate::support::fixture("upstream/import-input.env");
    sb.run(&[
        "import",
        "--provider",
        "age",
        "-i",
        input.to_str().unwrap(),
        "--force",
    ])
    .ok();
    let text = sb.read("fnox.toml");
    let a = text.find("A_ONE= {").expect("A_ONE written");
    let b = text.find("B_TWO= {").expect("B_TWO written");
    let c = text.find("C_THREE= {").expect("C_THREE written");
    assert!(a < b && b < c, "input order A, B, C:\n{text}");
    assert!(c < text.find("[secrets.TABLE_STYLE]").unwrap());
    assert_eq!(sb.run(&["get", "A_ONE"]).ok(), "one\n");
    assert_eq!(sb.run(&["get", "B_TWO"]).ok(), "two words\n");
    assert_eq!(sb.run(&["get", "C_THREE"]).ok(), "three\n");
}

#[test]
fn set_then_get_round_trips_awkward_values() {
    let sb = with_before();
    for value in [
        "$HOME `id` \"q\" 'q' a=b",
        "  lead and trail  ",
        "line1\nline2\n",
        "ünïcødé ✓",
        "",
    ] {
        sb.run(&["set", "V", value]).ok();
        assert_eq!(
            sb.run(&["get", "V"]).ok(),
            format!("{value}\n"),
            "value {value:?}"
        );
    }
}

#[test]
fn set_reads_stdin_and_drops_one_trailing_newline() {
    let sb = with_before();
    sb.output(sb.fnox().args(["set", "API_KEY"]).write_stdin("s3cr3t\n"))
        .ok();
    assert_eq!(sb.run(&["get", "API_KEY"]).ok(), "s3cr3t\n");
    sb.output(
        sb.fnox()
            .args(["set", "API_KEY"])
            .write_stdin("  keep spaces  "),
    )
    .ok();
    assert_eq!(sb.run(&["get", "API_KEY"]).ok(), "  keep spaces  \n");
}

#[test]
fn no_op_edit_leaves_file_byte_identical() {
    let sb = with_before();
    sb.run(&["set", "TABLE_STYLE", "--description", "d"]).ok();
    sb.run(&["set", "TABLE_STYLE", "--description", "d"]).ok();
    let once = sb.read("fnox.toml");
    sb.run(&["set", "TABLE_STYLE", "--description", "d"]).ok();
    assert_eq!(sb.read("fnox.toml"), once);
}

#[test]
fn unknown_keys_load_and_survive_edits() {
    let sb = Sandbox::new();
    let config = format!(
        r#"# header
future_setting = {{ nested = [1, 2] }}   # kept
prompt_auth = true

[providers]
age = {{ type = "age", recipients = ["{}"], daemon_cache = false }}

[secrets]
OLD = {{ default = "d", daemon_cache = true, shiny_new_field = "x" }}

[mcp]
tools = ["get_secret"]

[leases.aws]
type = "aws-sts"
"#,
        crate::support::TEST_PUBLIC_KEY
    );
    sb.write("fnox.toml", &config);
    assert_eq!(sb.run(&["get", "OLD"]).ok(), "d\n");
    sb.run(&["set", "NEW", "v"]).ok();
    sb.run(&["remove", "NEW"]).ok();
    assert_eq!(
        sb.read("fnox.toml"),
        config,
        "set then remove returns the file to its bytes"
    );
}

#[test]
fn provider_fields_can_come_from_other_secrets_or_the_environment() {
    let sb = Sandbox::bare(); // no default identity: the key file must come through the field
    let key = sb.write("keys/me.txt", &read_fixture("upstream/test-key.txt"));
    let before = read_fixture("upstream/before.toml");
    let with_field = |field: &str| {
        before.replacen(
            "recipients = [",
            &format!("key_file = {field}, recipients = ["),
            1,
        )
    };
    sb.write(
        "fnox.toml",
        &format!(
            "{}\n[secrets.KEY_PATH]\ndefault = \"{}\"\n",
            with_field("{ secret = \"KEY_PATH\" }"),
            key.display()
        ),
    );
    assert_eq!(sb.run(&["get", "EXISTING"]).ok(), "existing-value\n");

    sb.write(
        "fnox.toml",
        &with_field("{ secret = \"FNOX_TEST_KEY_PATH\" }"),
    );
    let out = sb.output(
        sb.fnox()
            .env("FNOX_TEST_KEY_PATH", &key)
            .args(["get", "EXISTING"]),
    );
    assert_eq!(out.ok(), "existing-value\n");
    let out = sb.run(&["get", "EXISTING"]);
    assert!(
        out.fails(1)
            .contains("neither a secret nor set in the environment"),
        "{}",
        out.stderr
    );

    // The field's secret needs the very provider it configures.
    sb.write("fnox.toml", &with_field("{ secret = \"EXISTING\" }"));
    let out = sb.run(&["get", "TABLE_STYLE"]);
    let err = out.fails(1);
    assert!(err.contains("a cycle"), "{err}");
    assert!(!err.contains("existing-value"), "{err}");
}
