//! What a well-made CLI owes its surroundings: man pages, the JSON Schema of fnox.toml, `--json`
//! output, the colour policy, `--quiet` and the progress spinner.

use std::path::{Path, PathBuf};

use insta::assert_snapshot;

use crate::support::{read_fixture, require_tool, Sandbox};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn with_before() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &read_fixture("upstream/before.toml"));
    sb
}

// ---- man pages -------------------------------------------------------------------------------

#[test]
fn committed_man_pages_match_the_cli() {
    let sb = Sandbox::bare();
    let out_dir = sb.root.path().join("man");
    sb.run(&["__man", out_dir.to_str().unwrap()]).ok();
    let pages = |dir: &Path| -> Vec<(String, String)> {
        let mut pages: Vec<(String, String)> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "1"))
                    .map(|p| {
                        let name = p.file_name().unwrap().to_string_lossy().into_owned();
                        (name, std::fs::read_to_string(&p).unwrap())
                    })
                    .collect()
            })
            .unwrap_or_default();
        pages.sort();
        pages
    };
    let generated = pages(&out_dir);
    let committed = pages(&repo("man"));
    let names = |p: &[(String, String)]| p.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert!(
        generated.iter().any(|(n, _)| n == "fnox.1")
            && generated.iter().any(|(n, _)| n == "fnox-get.1"),
        "expected fnox.1 and one page per subcommand, got {:?}",
        names(&generated)
    );
    assert!(
        !generated.iter().any(|(n, _)| n.contains("__man")),
        "hidden commands get no page"
    );
    assert_eq!(
        names(&generated),
        names(&committed),
        "man/ is out of date with the CLI: run scripts/gen-docs.sh"
    );
    for ((name, g), (_, c)) in generated.iter().zip(&committed) {
        assert!(
            g == c,
            "man/{name} is out of date with the CLI: run scripts/gen-docs.sh"
        );
    }
}

#[test]
fn man_page_lists_the_global_flags_and_subcommands() {
    let page = std::fs::read_to_string(repo("man/fnox.1")).unwrap();
    for needle in [
        ".TH fnox 1",
        r"\-\-quiet",
        r"\-\-no\-color",
        "fnox\\-get(1)",
    ] {
        assert!(page.contains(needle), "{needle} missing from man/fnox.1");
    }
}

// ---- JSON Schema -----------------------------------------------------------------------------

#[test]
fn committed_schema_matches_the_config_model() {
    let sb = Sandbox::bare();
    let generated = sb.run(&["schema"]).ok().to_owned();
    let committed = std::fs::read_to_string(repo("schema/fnox.schema.json")).unwrap_or_default();
    assert!(
        generated == committed,
        "schema/fnox.schema.json is out of date with src/config/model.rs: run scripts/gen-docs.sh"
    );
    let schema: serde_json::Value = serde_json::from_str(&generated).expect("schema is JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert!(!generated.contains("\"null\""), "TOML has no null");
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo("schema/fnox.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn toml_to_json(text: &str) -> serde_json::Value {
    let value: toml::Value = toml::from_str(text).expect("fixture parses as TOML");
    serde_json::to_value(value).unwrap()
}

/// Every error the schema finds in a TOML text, one per line.
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> String {
    validator
        .iter_errors(&toml_to_json(text))
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn upstream_fixtures_and_the_example_validate_against_the_schema() {
    let validator = validator();
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo("tests/fixtures/upstream"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 9, "fixtures missing: {files:?}");
    files.push(repo("fnox.toml.example"));
    for file in files {
        let errors = schema_errors(&validator, &std::fs::read_to_string(&file).unwrap());
        assert!(
            errors.is_empty(),
            "{} does not validate:\n{errors}",
            file.display()
        );
    }
}

#[test]
fn schema_rejects_what_fnox_rejects() {
    let validator = validator();
    for (toml, why) in [
        (
            "[providers]\nage = { recipients = [] }",
            "provider without type",
        ),
        ("[providers]\nage = { type = 1 }", "type not a string"),
        ("if_missing = \"maybe\"", "unknown if_missing"),
        (
            "[secrets]\nA = { env = \"sometimes\" }",
            "env not true/false/exec",
        ),
        ("[secrets]\nA = { line = -1 }", "negative line"),
        (
            "[mcp]\nexec_timeout_secs = -1",
            "negative exec_timeout_secs",
        ),
        ("[mcp]\ntools = \"exec\"", "mcp.tools not a list"),
        (
            "[mcp]\nredact_output = \"no\"",
            "redact_output not a boolean",
        ),
        (
            "[secrets]\nA = { sync = { provider = \"p\" } }",
            "sync without value",
        ),
    ] {
        assert!(
            !schema_errors(&validator, toml).is_empty(),
            "schema accepted {why}: {toml}"
        );
    }
    // Unknown keys are ignored by fnox, so the schema allows them.
    let ok = "unknown = 1\n[secrets]\nA = { env = \"exec\", whatever = true }\n[providers]\nv = { type = \"vault\", address = \"x\" }";
    assert_eq!(schema_errors(&validator, ok), "");
}

// ---- --json ----------------------------------------------------------------------------------

#[test]
fn list_json_has_a_stable_shape_and_no_values() {
    let sb = with_before();
    sb.write(
        "fnox.local.toml",
        "[providers]\nclear = { type = \"plain\" }\n[secrets]\nPLAIN = { provider = \"clear\", value = \"plain-secret-value\", default = \"the-default\" }\n",
    );
    let out = sb.run(&["-P", "prod", "list", "--json"]);
    for value in [
        "plain-secret-value",
        "the-default",
        "prod-default",
        "YWdl",
        "[AGE]",
    ] {
        assert!(!out.stdout.contains(value), "list --json printed {value}");
    }
    let json: serde_json::Value = serde_json::from_str(out.ok()).expect("list --json is JSON");
    assert_eq!(json.as_array().unwrap().len(), 4);
    assert_snapshot!(out.all(), @r#"
    exit: 0
    --- stdout
    [
      {
        "name": "EXISTING",
        "type": "provider",
        "provider": "age",
        "description": "kept",
        "source": {
          "file": "./fnox.toml",
          "line": 9,
          "key": "secrets.EXISTING"
        }
      },
      {
        "name": "TABLE_STYLE",
        "type": "provider",
        "provider": "age",
        "description": null,
        "source": {
          "file": "./fnox.toml",
          "line": 11,
          "key": "secrets.TABLE_STYLE"
        }
      },
      {
        "name": "PLAIN",
        "type": "provider",
        "provider": "clear",
        "description": null,
        "source": {
          "file": "./fnox.local.toml",
          "line": 4,
          "key": "secrets.PLAIN"
        }
      },
      {
        "name": "PROD_ONLY",
        "type": "default",
        "provider": null,
        "description": null,
        "source": {
          "file": "./fnox.toml",
          "line": 16,
          "key": "profiles.prod.secrets.PROD_ONLY"
        }
      }
    ]
    --- stderr
    "#);
}

#[test]
fn list_json_of_no_secrets_is_an_empty_array() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "");
    assert_snapshot!(sb.run(&["list", "--json"]).all(), @r"
    exit: 0
    --- stdout
    []
    --- stderr
    ");
}

#[test]
fn profiles_json_counts_secrets_and_marks_the_active_one() {
    let sb = with_before();
    assert_snapshot!(sb.run(&["-P", "prod", "profiles", "--json"]).all(), @r#"
    exit: 0
    --- stdout
    [
      {
        "name": "default",
        "secrets": 2,
        "active": false
      },
      {
        "name": "prod",
        "secrets": 3,
        "active": true
      }
    ]
    --- stderr
    "#);
}

#[test]
fn provider_list_json_names_type_and_source() {
    let sb = with_before();
    assert_snapshot!(sb.run(&["provider", "list", "--json"]).all(), @r#"
    exit: 0
    --- stdout
    [
      {
        "name": "age",
        "type": "age",
        "source": {
          "file": "./fnox.toml",
          "line": 5,
          "key": "providers.age"
        }
      }
    ]
    --- stderr
    "#);
}

#[test]
fn check_json_reports_failures_and_keeps_the_exit_code() {
    let sb = with_before();
    assert_snapshot!(sb.run(&["check", "--json"]).all(), @r#"
    exit: 0
    --- stdout
    {
      "profiles": [
        "default"
      ],
      "total": 2,
      "ok": true,
      "failed": [],
      "not_counted": []
    }
    --- stderr
    "#);
    sb.write(
        "fnox.local.toml",
        "[secrets]\nNEEDED = { if_missing = \"error\" }\n",
    );
    let out = sb.run(&["check", "--json"]);
    out.fails(1);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON on failure too");
    assert_eq!(json["ok"], false);
    assert_eq!(json["failed"][0]["name"], "NEEDED");
    assert!(
        out.stdout
            .contains("\"error\": \"Secret 'NEEDED' not found and no default provided"),
        "{}",
        out.stdout
    );
}

#[test]
fn doctor_json_names_environment_variables_never_their_values() {
    let sb = with_before();
    let out = sb.output(
        sb.fnox()
            .env("FNOX_AGE_KEY", "AGE-SECRET-KEY-1NOTAREALKEY")
            .args(["doctor", "--json"]),
    );
    assert!(!out.ok().contains("NOTAREALKEY"));
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "config_files",
            "profiles",
            "default_provider",
            "providers",
            "secrets",
            "env_set",
            "tips"
        ]
    );
    assert_eq!(json["env_set"], serde_json::json!(["FNOX_AGE_KEY"]));
    assert_eq!(json["secrets"]["total"], 2);
    assert_eq!(json["providers"][0]["type"], "age");
}

// ---- colour ----------------------------------------------------------------------------------

const ESC: &str = "\x1b[";

/// An error (unknown secret) and a warning (an unresolvable secret left out by `export`).
fn colour_outputs(sb: &Sandbox, env: &[(&str, &str)], flags: &[&str]) -> (String, String) {
    let mut get = sb.fnox();
    get.envs(env.iter().copied())
        .args(flags)
        .args(["get", "NOPE"]);
    let error = sb.output(&mut get);
    error.fails(1);
    let mut export = sb.fnox();
    export.envs(env.iter().copied()).args(flags).arg("export");
    let warned = sb.output(&mut export);
    warned.ok();
    assert!(warned.stderr.contains("warning"), "{}", warned.stderr);
    (error.stderr, warned.stderr)
}

fn colour_sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nMISSING = {}\n");
    sb
}

#[test]
fn clicolor_force_colours_errors_and_warnings_off_a_terminal() {
    let sb = colour_sandbox();
    let (error, warning) = colour_outputs(&sb, &[("CLICOLOR_FORCE", "1")], &[]);
    assert!(error.contains(ESC), "no colour in: {error:?}");
    assert!(
        warning.contains(&format!("{ESC}33mwarning{ESC}0m")),
        "{warning:?}"
    );
}

#[test]
fn no_colour_off_a_terminal_or_with_no_color() {
    let sb = colour_sandbox();
    for (env, flags) in [
        (vec![], vec![]),
        (vec![("NO_COLOR", "1")], vec![]),
        (vec![("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")], vec![]),
        (vec![("CLICOLOR_FORCE", "1")], vec!["--no-color"]),
        (vec![("CLICOLOR_FORCE", "0")], vec![]),
    ] {
        let (error, warning) = colour_outputs(&sb, &env, &flags);
        assert!(
            !error.contains(ESC),
            "colour with {env:?} {flags:?}: {error:?}"
        );
        assert!(
            !warning.contains(ESC),
            "colour with {env:?} {flags:?}: {warning:?}"
        );
    }
}

// ---- --quiet and progress --------------------------------------------------------------------

#[test]
fn quiet_silences_confirmations_but_not_errors() {
    let sb = Sandbox::new();
    sb.run(&["init", "--skip-wizard"]).ok();
    sb.write("fnox.toml", "[providers]\nclear = { type = \"plain\" }\n");
    let loud = sb.run(&["set", "A", "1"]);
    loud.ok();
    assert!(loud.stderr.contains('✓'), "{}", loud.stderr);
    assert_snapshot!(sb.run(&["-q", "set", "B", "2"]).all(), @r"
    exit: 0
    --- stdout
    --- stderr
    ");
    assert_snapshot!(sb.run(&["remove", "--quiet", "B"]).all(), @r"
    exit: 0
    --- stdout
    --- stderr
    ");
    let err = sb.run(&["-q", "get", "NOPE"]);
    assert!(err
        .fails(1)
        .contains("error[fnox::secret::not_found]: Secret 'NOPE' not found"));
}

/// A password store whose `pass` takes a second to answer: a slow remote store.
fn slow_store() -> (Sandbox, PathBuf) {
    let sb = Sandbox::new();
    let bin = sb.root.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let pass = bin.join("pass");
    std::fs::write(
        &pass,
        "#!/bin/sh\nsleep 1\nprintf 'from-store-%s\\n' \"$3\"\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::create_dir_all(sb.path("store")).unwrap();
    sb.write(
        "fnox.toml",
        "[providers]\nslow = { type = \"password-store\", store_dir = \"store\" }\n\
         [secrets]\nA = { provider = \"slow\", value = \"a\" }\n",
    );
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    (sb, PathBuf::from(path))
}

#[test]
fn no_progress_when_stderr_is_not_a_terminal() {
    let (sb, path) = slow_store();
    let out = sb.output(sb.fnox().env("PATH", &path).args(["export"]));
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    A=from-store-a
    --- stderr
    ");
}

/// Runs fnox under `script`, so that stdin, stdout and stderr are a terminal; returns what the terminal showed.
fn on_a_terminal(sb: &Sandbox, path: &Path, args: &str) -> String {
    let fnox = assert_cmd::cargo::cargo_bin("fnox");
    let out = std::process::Command::new("script")
        .args([
            "-q",
            "-e",
            "-c",
            &format!("{} {args}", fnox.display()),
            "/dev/null",
        ])
        .env_clear()
        .env("HOME", &sb.home)
        .env("PATH", path)
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .current_dir(&sb.cwd)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("util-linux `script` runs (apt-get install bsdutils)");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn progress_shows_on_a_terminal_when_a_store_is_slow_and_never_with_quiet() {
    if !require_tool("script", "bsdutils") {
        return;
    }
    let (sb, path) = slow_store();
    let shown = on_a_terminal(&sb, &path, "export");
    assert!(
        shown.contains("fetching secrets"),
        "no spinner in {shown:?}"
    );
    assert!(shown.contains("A=from-store-a"), "{shown:?}");
    let quiet = on_a_terminal(&sb, &path, "--quiet export");
    assert!(
        !quiet.contains("fetching secrets"),
        "spinner despite --quiet: {quiet:?}"
    );
    assert!(quiet.contains("A=from-store-a"), "{quiet:?}");
}

#[test]
fn no_progress_on_a_terminal_when_resolving_is_fast() {
    if !require_tool("script", "bsdutils") {
        return;
    }
    let sb = with_before();
    let path = PathBuf::from(std::env::var("PATH").unwrap_or_default());
    let shown = on_a_terminal(&sb, &path, "export");
    assert!(shown.contains("EXISTING="), "{shown:?}");
    assert!(
        !shown.contains("fetching secrets"),
        "spinner for a fast resolve: {shown:?}"
    );
}
