//! `fnox export` in every format, parsed back; `fnox import` of flat maps and what it refuses.

use crate::support::{age_sandbox, Sandbox};

/// Values that break naive quoting in every format.
const AWKWARD: &[(&str, &str)] = &[
    ("DOLLAR", "$HOME ${HOME} $(id)"),
    ("BACKTICK", "`id` `whoami`"),
    ("SINGLE", "it's 'single'"),
    ("DOUBLE", "say \"double\""),
    ("BACKSLASH", "C:\\dir\\n\\t \\\\ \\\" end\\"),
    ("NEWLINE", "line one\nline two\n"),
    ("TAB", "col1\tcol2"),
    ("CRLF", "dos\r\nline"),
    ("EQUALS", "a=b==c="),
    ("UNICODE", "ünïcødé ✓ 🔑 日本"),
    ("SPACES", "  lead and trail  "),
    ("HASH", "value # not a comment"),
    ("EMPTY", ""),
];

fn awkward_sandbox() -> Sandbox {
    let sb = age_sandbox();
    for (name, value) in AWKWARD {
        sb.run(&["set", name, value]).ok();
    }
    sb
}

fn export(sb: &Sandbox, format: &str) -> String {
    sb.run(&["export", "-f", format]).ok().to_owned()
}

/// The AWKWARD values no .env form carries through every reader (`export -f env` refuses them).
const NOT_PORTABLE_ENV: &[&str] = &["DOLLAR", "BACKSLASH", "CRLF"];

#[test]
fn export_env_round_trips_awkward_values_through_import() {
    let sb = awkward_sandbox();
    for name in NOT_PORTABLE_ENV {
        sb.run(&["remove", name]).ok();
    }
    sb.run(&["export", "-f", "env", "-o", "out.env"]).ok();
    let fresh = age_sandbox();
    let input = sb.path("out.env");
    fresh
        .run(&["import", "env", "-i", input.to_str().unwrap(), "--force"])
        .ok();
    for (name, value) in AWKWARD
        .iter()
        .filter(|(n, _)| !NOT_PORTABLE_ENV.contains(n))
    {
        assert_eq!(
            fresh.run(&["get", name]).ok(),
            format!("{value}\n"),
            "{name}"
        );
    }
}

#[test]
fn export_shell_output_sources_back_to_the_same_values() {
    let sb = awkward_sandbox();
    sb.run(&["export", "-f", "shell", "-o", "out.sh"]).ok();
    for (name, value) in AWKWARD {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(". ./out.sh; printf %s \"${name}\""))
            .env_clear()
            .env("HOME", "/should/not/expand")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(&sb.cwd)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stderr, b"", "sourcing runs nothing: {name}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), *value, "{name}");
    }
}

#[test]
fn export_json_parses_back_to_the_same_values() {
    let sb = awkward_sandbox();
    let doc: serde_json::Value = serde_json::from_str(&export(&sb, "json")).unwrap();
    for (name, value) in AWKWARD {
        assert_eq!(doc["secrets"][name].as_str(), Some(*value), "{name}");
    }
    assert_eq!(doc["secrets"].as_object().unwrap().len(), AWKWARD.len());
    assert_eq!(doc["metadata"]["profile"], "default");
    assert_eq!(doc["metadata"]["total_secrets"], AWKWARD.len());
}

#[test]
fn export_yaml_parses_back_to_the_same_values() {
    let sb = awkward_sandbox();
    let doc: serde_yaml_ng::Value = serde_yaml_ng::from_str(&export(&sb, "yaml")).unwrap();
    for (name, value) in AWKWARD {
        assert_eq!(doc["secrets"][name].as_str(), Some(*value), "{name}");
    }
    assert_eq!(doc["secrets"].as_mapping().unwrap().len(), AWKWARD.len());
}

#[test]
fn export_yaml_reads_back_as_text_in_a_yaml_1_1_reader() {
    // PyYAML implements YAML 1.1, where a bare yes, on, 1_000 or 2001-12-14 is not a string.
    let Some(python) = crate::support::services::find_tool("python3") else {
        panic!(
            "python3 is needed (scripts/test.sh installs PyYAML with moto into target/test-tools)"
        );
    };
    let probe = std::process::Command::new(&python)
        .args(["-c", "import yaml"])
        .status()
        .unwrap();
    if !probe.success() {
        assert!(
            std::env::var_os("CI").is_none(),
            "PyYAML is required in CI: scripts/test.sh installs it with moto"
        );
        eprintln!("skipping: PyYAML not installed (run scripts/test.sh)");
        return;
    }
    let sb = awkward_sandbox();
    let yaml_1_1: &[(&str, &str)] = &[
        ("YES", "yes"),
        ("ON", "On"),
        ("N", "n"),
        ("UNDERSCORE", "1_000"),
        ("DATE", "2001-12-14"),
        ("SEXAGESIMAL", "1:20"),
        ("NULL", "~"),
        (
            "CONTROLS",
            "bell\u{7} del\u{7f} nel\u{85} ls\u{2028} bom\u{feff}",
        ),
    ];
    for (name, value) in yaml_1_1 {
        sb.run(&["set", name, value]).ok();
    }
    sb.run(&["export", "-f", "yaml", "-o", "out.yaml"]).ok();
    let read = std::process::Command::new(&python)
        .args([
            "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))",
        ])
        .arg(sb.path("out.yaml"))
        .output()
        .unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    for (name, value) in AWKWARD.iter().chain(yaml_1_1) {
        assert_eq!(doc["secrets"][name], *value, "{name}");
    }
    assert_eq!(
        doc["metadata"]["total_secrets"],
        AWKWARD.len() + yaml_1_1.len()
    );
}

#[test]
fn export_toml_parses_back_to_the_same_values() {
    let sb = awkward_sandbox();
    let doc: toml::Table = toml::from_str(&export(&sb, "toml")).unwrap();
    let secrets = doc["secrets"].as_table().unwrap();
    for (name, value) in AWKWARD {
        assert_eq!(
            secrets.get(*name).and_then(|v| v.as_str()),
            Some(*value),
            "{name}"
        );
    }
    assert_eq!(secrets.len(), AWKWARD.len());
}

#[test]
fn export_keeps_definition_order() {
    let sb = awkward_sandbox();
    let doc: serde_json::Value = serde_json::from_str(&export(&sb, "json")).unwrap();
    let names: Vec<&str> = doc["secrets"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let want: Vec<&str> = AWKWARD.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, want);
}

#[test]

fn export_shell_never_emits_a_line_the_shell_rejects() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nGOOD = { default = \"g\" }\n\"MY-KEY\" = { default = \"v\" }\n\"has space\" = { default = \"s\" }\nLATER = { default = \"l\" }\n",
    );
    let out = sb.run(&["export", "-f", "shell", "-o", "out.sh"]);
    if out.code != 0 {
        // Refusing is fine too, as long as the error names the offending secret.
        assert!(out.fails(1).contains("MY-KEY"), "{}", out.stderr);
        return;
    }
    let sourced = std::process::Command::new("sh")
        .args(["-c", ". ./out.sh; printf %s \"$GOOD|$LATER\""])
        .env_clear()
        .current_dir(&sb.cwd)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&sourced.stderr),
        "",
        "{}",
        sb.read("out.sh")
    );
    assert!(sourced.status.success());
    assert_eq!(sourced.stdout, b"g|l");
}

#[test]
fn export_to_file_creates_it_with_mode_0600() {
    use std::os::unix::fs::PermissionsExt;
    let sb = age_sandbox();
    sb.run(&["set", "A", "a"]).ok();
    for format in ["env", "json"] {
        let name = format!("out.{format}");
        let out = sb.run(&["export", "-f", format, "-o", &name]);
        assert_eq!(out.ok(), "", "nothing on stdout when writing a file");
        let mode = std::fs::metadata(sb.path(&name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}: {mode:o}");
        assert!(sb.read(&name).contains('a'));
    }
}

#[test]
fn export_leaves_out_env_false_and_exec_only_secrets_unless_all() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nSHOWN = { default = \"s\" }\nHIDDEN = { default = \"h\", env = false }\nEXEC_ONLY = { default = \"e\", env = \"exec\" }\n",
    );
    assert_eq!(export(&sb, "env"), "SHOWN=s\n");
    assert_eq!(
        sb.run(&["export", "--all"]).ok(),
        "SHOWN=s\nHIDDEN=h\nEXEC_ONLY=e\n"
    );
}

#[test]
fn export_into_a_closed_pipe_exits_quietly() {
    let sb = Sandbox::new();
    // Far more than a pipe buffer holds, so fnox is still writing when `head` goes away.
    let big = "x".repeat(32 * 1024);
    let mut toml = String::from("[secrets]\n");
    for i in 0..12 {
        toml.push_str(&format!("BIG_{i:02} = {{ default = \"{big}\" }}\n"));
    }
    sb.write("fnox.toml", &toml);
    let fnox = env!("CARGO_BIN_EXE_fnox");
    let script = r#"{ "$1" export 2>err; echo $? > status; } | head -1"#;
    let out = std::process::Command::new("sh")
        .args(["-c", script, "sh", fnox])
        .env_clear()
        .env("HOME", &sb.home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .current_dir(&sb.cwd)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("BIG_00={big}\n")
    );
    assert_eq!(sb.read("status"), "0\n", "stderr: {}", sb.read("err"));
    assert_eq!(sb.read("err"), "");
}

#[test]
fn import_reads_flat_json_maps() {
    let sb = age_sandbox();
    sb.write(
        "in.json",
        r#"{"J_STR": "a \"quoted\" $value\nnext", "J_NUM": 42, "J_BOOL": true, "J_UNI": "ünï ✓"}"#,
    );
    sb.run(&["import", "json", "-i", "in.json", "--force"]).ok();
    assert_eq!(
        sb.run(&["get", "J_STR"]).ok(),
        "a \"quoted\" $value\nnext\n"
    );
    assert_eq!(sb.run(&["get", "J_NUM"]).ok(), "42\n");
    assert_eq!(sb.run(&["get", "J_BOOL"]).ok(), "true\n");
    assert_eq!(sb.run(&["get", "J_UNI"]).ok(), "ünï ✓\n");
}

#[test]
fn import_reads_flat_yaml_maps() {
    let sb = age_sandbox();
    sb.write(
        "in.yaml",
        "Y_STR: 'it''s $HOME'\nY_NUM: 7\nY_BLOCK: |\n  one\n  two\n",
    );
    sb.run(&["import", "yaml", "-i", "in.yaml", "--force"]).ok();
    assert_eq!(sb.run(&["get", "Y_STR"]).ok(), "it's $HOME\n");
    assert_eq!(sb.run(&["get", "Y_NUM"]).ok(), "7\n");
    assert_eq!(sb.run(&["get", "Y_BLOCK"]).ok(), "one\ntwo\n\n");
}

#[test]
fn import_reads_flat_toml_maps() {
    let sb = age_sandbox();
    sb.write(
        "in.toml",
        "T_STR = 'C:\\raw\\path'\nT_INT = 3\nT_BOOL = false\nT_ML = \"\"\"\na\tb\"\"\"\n",
    );
    sb.run(&["import", "toml", "-i", "in.toml", "--force"]).ok();
    assert_eq!(sb.run(&["get", "T_STR"]).ok(), "C:\\raw\\path\n");
    assert_eq!(sb.run(&["get", "T_INT"]).ok(), "3\n");
    assert_eq!(sb.run(&["get", "T_BOOL"]).ok(), "false\n");
    assert_eq!(sb.run(&["get", "T_ML"]).ok(), "a\tb\n");
}

#[test]
fn import_filter_selects_names_and_prefix_renames_them() {
    let sb = age_sandbox();
    sb.write("in.env", "DB_HOST=db.local\nDB_PORT=5432\nOTHER=nope\n");
    sb.run(&[
        "import", "-i", "in.env", "--force", "--filter", "^DB_", "--prefix", "APP_",
    ])
    .ok();
    assert_eq!(sb.run(&["get", "APP_DB_HOST"]).ok(), "db.local\n");
    assert_eq!(sb.run(&["get", "APP_DB_PORT"]).ok(), "5432\n");
    for absent in ["OTHER", "APP_OTHER", "DB_HOST"] {
        sb.run(&["get", absent]).fails(1);
    }
    let text = sb.read("fnox.toml");
    assert!(!text.contains("OTHER"), "{text}");
}

#[test]
fn import_from_stdin_without_force_is_refused_and_changes_nothing() {
    let sb = age_sandbox();
    let before = sb.read("fnox.toml");
    let out = sb.output(sb.fnox().args(["import"]).write_stdin("A=1\n"));
    insta::assert_snapshot!(out.all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::import::stdin_requires_force]: When importing from stdin, --force or --dry-run is required
      hint: stdin carries the data, so fnox cannot ask for confirmation: pass --force, or use -i FILE
    ");
    assert_eq!(out.code, 2);
    assert_eq!(sb.read("fnox.toml"), before);
}

#[test]
fn import_from_stdin_with_force_reads_the_values() {
    let sb = age_sandbox();
    sb.output(
        sb.fnox()
            .args(["import", "--force"])
            .write_stdin("export A='x y'\n# c\nB=\"q\\\"\"\n"),
    )
    .ok();
    assert_eq!(sb.run(&["get", "A"]).ok(), "x y\n");
    assert_eq!(sb.run(&["get", "B"]).ok(), "q\"\n");
}

#[test]
fn import_of_a_nested_json_object_is_refused_and_changes_nothing() {
    let sb = age_sandbox();
    sb.run(&["set", "KEEP", "k"]).ok();
    let before = sb.read("fnox.toml");
    sb.write("in.json", r#"{"FLAT": "ok", "NESTED": {"inner": "x"}}"#);
    let out = sb.run(&["import", "json", "-i", "in.json", "--force"]);
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::import::parse_failed]: Failed to parse json input from in.json
      caused by: the value of NESTED is not a string, number or boolean
      hint: the input must be a flat map of names to values
    ");
    assert_eq!(out.code, 1);
    assert_eq!(sb.read("fnox.toml"), before);
}

#[test]
fn import_dry_run_changes_nothing() {
    let sb = age_sandbox();
    let before = sb.read("fnox.toml");
    sb.write("in.env", "A=1\nB=2\n");
    let out = sb.run(&["import", "-i", "in.env", "--force", "--dry-run"]);
    assert!(out.ok().ends_with(":\n  A\n  B\n"), "{}", out.stdout);
    assert_eq!(sb.read("fnox.toml"), before);
    let out = sb.output(sb.fnox().args(["import", "--dry-run"]).write_stdin("C=3\n"));
    assert!(out.ok().contains('C'), "{}", out.stdout);
    assert_eq!(sb.read("fnox.toml"), before);
    sb.run(&["get", "A"]).fails(1);
}

#[test]
fn import_dry_run_fails_where_the_import_would_and_names_profile_and_provider() {
    let sb = age_sandbox();
    sb.write("in.env", "A=1\nB=2\n");
    let before = sb.read("fnox.toml");
    let real = sb.run(&["import", "-i", "in.env", "-p", "nope", "--force"]);
    let dry = sb.run(&["import", "-i", "in.env", "-p", "nope", "--dry-run"]);
    assert_eq!(real.fails(1), dry.fails(1));
    assert!(dry.stderr.contains("'nope'"), "{}", dry.stderr);
    assert_eq!(dry.stdout, "");
    let before = format!("{before}[profiles.staging]\n");
    sb.write("fnox.toml", &before);
    let out = sb.run(&[
        "-P",
        "staging",
        "import",
        "-i",
        "in.env",
        "-p",
        "age",
        "--dry-run",
    ]);
    insta::assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    [dry-run] Would import 2 secret(s) into profile 'staging' using provider 'age', in ./fnox.toml:
      A
      B
    --- stderr
    ");
    assert_eq!(sb.read("fnox.toml"), before);
}

#[test]
fn import_reads_the_answer_from_stdin_when_stdin_is_not_the_data() {
    use std::process::{Command, Stdio};
    let sb = age_sandbox();
    sb.write("in.env", "A=1\nB=2\n");
    let before = sb.read("fnox.toml");
    let ask = |stdin: &str, extra: &[(&str, &str)], flags: &[&str]| {
        let mut cmd = sb.fnox();
        cmd.envs(extra.iter().copied()).args(flags);
        sb.output(
            cmd.args(["import", "-i", "in.env", "-p", "age"])
                .write_stdin(stdin),
        )
    };
    let out = ask("n\n", &[], &[]);
    insta::assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    --- stderr
    Importing 2 secret(s) into ./fnox.toml: A, B
    Continue? [y/N] n
    Import cancelled
    ");
    assert_eq!(sb.read("fnox.toml"), before);
    // No answer at all (stdin at its end) is a no.
    let out = ask("", &[], &[]);
    assert!(out.ok().is_empty());
    assert!(
        out.stderr
            .ends_with("Continue? [y/N] n (no answer: stdin is at its end)\nImport cancelled\n"),
        "{}",
        out.stderr
    );
    assert_eq!(sb.read("fnox.toml"), before);
    // Prompts turned off: no question, as before (--force needed).
    for out in [
        ask("y\n", &[], &["--non-interactive"]),
        ask("y\n", &[("FNOX_NON_INTERACTIVE", "true")], &[]),
    ] {
        assert!(out.fails(2).contains("pass --force"), "{}", out.stderr);
    }
    assert_eq!(sb.read("fnox.toml"), before);

    // `yes | fnox import -i in.env -p age`, through a real pipe from yes(1).
    let mut yes = Command::new("yes")
        .stdout(Stdio::piped())
        .spawn()
        .expect("yes(1)");
    let out = crate::support::process::fnox_command(&sb, &["import", "-i", "in.env", "-p", "age"])
        .stdin(yes.stdout.take().unwrap())
        .output()
        .unwrap();
    let _ = yes.kill();
    let _ = yes.wait();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("Continue? [y/N]"), "{stderr}");
    assert!(
        stderr.contains("Imported 2 secrets into profile 'default' using provider"),
        "{stderr}"
    );
    assert_eq!(sb.run(&["get", "A"]).ok(), "1\n");
    assert_eq!(sb.run(&["get", "B"]).ok(), "2\n");
}

#[test]
fn export_to_an_existing_file_makes_it_0600() {
    use std::os::unix::fs::PermissionsExt;
    let sb = age_sandbox();
    sb.run(&["set", "A", "a"]).ok();
    let out = sb.write("out.env", "old\n");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    sb.run(&["export", "-o", "out.env"]).ok();
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(sb.read("out.env"), "A=a\n");
}

/// Values every .env reader must take byte-exact, none of which may run or expand anything.
const PORTABLE_ENV: &[(&str, &str)] = &[
    ("PLAIN", "abc-1.2/x:y_z"),
    ("SPACES", "  lead and trail  "),
    ("DOLLAR", "$HOME $OTHER $$ $1"),
    ("UNCLOSED", "${HOME and ${a:b} and $"),
    ("SUBST", "$(touch ran-dollar) `touch ran-backtick`"),
    ("SINGLE", "it's 'single'"),
    ("DOUBLE", "say \"double\""),
    ("BACKSLASH", "C:\\dir\\n\\t \\$HOME \\\" x"),
    ("NEWLINES", "line one\nline two\n\nOTHER=x\n"),
    ("QUOTE_NEWLINE", "it's\nsplit"),
    ("TAB", "col1\tcol2"),
    ("HASH", "value # not a comment"),
    ("EQUALS", "a=b==c="),
    ("UNICODE", "ünïcødé ✓ 🔑 日本 \u{85}\u{2028}\u{feff}"),
    ("CONTROLS", "bell\u{7} esc\u{1b}[0m vt\u{b} ff\u{c}"),
    ("EXPORT", "export X=1"),
    ("EMPTY", ""),
];

/// A fnox.toml whose secrets hold these values verbatim (the plain provider; a default would
/// interpolate `${...}`).
fn plain_config(values: &[(&str, &str)]) -> String {
    let mut toml = String::from("[providers]\nplain = { type = \"plain\" }\n\n[secrets]\n");
    for (name, value) in values {
        toml.push_str(&format!(
            "{name} = {{ provider = \"plain\", value = {} }}\n",
            toml::Value::String((*value).to_owned())
        ));
    }
    toml
}

#[test]
fn export_env_is_read_byte_exact_by_bash_python_dotenv_and_dotenvx() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &plain_config(PORTABLE_ENV));
    sb.run(&["export", "-f", "env", "-o", "out.env"]).ok();
    let want: std::collections::BTreeMap<String, String> = PORTABLE_ENV
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let reader = |program: &std::path::Path, args: &[&str]| {
        let out = std::process::Command::new(program)
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", "/should/not/expand")
            .env("OTHER", "should-not-expand")
            .current_dir(&sb.cwd)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            program.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    let only_ours = |env: std::collections::BTreeMap<String, String>| {
        env.into_iter()
            .filter(|(k, _)| want.contains_key(k))
            .collect::<std::collections::BTreeMap<_, _>>()
    };

    let bash = reader(
        std::path::Path::new("bash"),
        &["-c", "set -a; . ./out.env; exec env -0"],
    );
    assert_eq!(
        String::from_utf8_lossy(&bash.stderr),
        "",
        "bash ran nothing"
    );
    assert_eq!(
        only_ours(crate::support::parse_env0(&bash.stdout)),
        want,
        "bash"
    );

    let python = crate::support::services::tools_venv().join("bin/python3");
    let probe = python.is_file()
        && std::process::Command::new(&python)
            .args(["-c", "import dotenv"])
            .status()
            .is_ok_and(|s| s.success());
    if probe {
        let py = reader(
            &python,
            &[
                "-c",
                "import dotenv, json, sys; json.dump(dotenv.dotenv_values('out.env'), sys.stdout)",
            ],
        );
        let got: std::collections::BTreeMap<String, String> =
            serde_json::from_slice(&py.stdout).unwrap();
        assert_eq!(got, want, "python-dotenv");
    } else {
        crate::support::services::missing("python-dotenv");
    }

    match crate::support::services::dotenvx() {
        Some(dotenvx) => {
            let dx = reader(&dotenvx, &["run", "-q", "-f", "out.env", "--", "env", "-0"]);
            assert_eq!(
                only_ours(crate::support::parse_env0(&dx.stdout)),
                want,
                "dotenvx"
            );
        }
        None => {
            crate::support::services::missing("dotenvx");
        }
    }
    assert!(!sb.path("ran-dollar").exists(), "a reader ran $(...)");
    assert!(!sb.path("ran-backtick").exists(), "a reader ran `...`");
}

#[test]
fn export_env_keeps_upstreams_form_for_simple_values() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &plain_config(&[
            ("PLAIN", "abc-1.2/x:y_z"),
            ("SPACED", "value with spaces"),
            ("QUOTE", "it's"),
            ("DOLLAR", "secret$value"),
        ]),
    );
    insta::assert_snapshot!(export(&sb, "env"), @r#"
    PLAIN=abc-1.2/x:y_z
    SPACED="value with spaces"
    QUOTE="it's"
    DOLLAR='secret$value'
    "#);
}

#[test]
fn export_env_refuses_values_no_reader_agrees_on_and_writes_nothing() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &plain_config(&[
            ("FINE", "ok"),
            ("CR", "dos\r\nline"),
            ("BRACES", "pre${HOME}post"),
            ("MIXED", "it's $5"),
            ("BACKSLASHES", "a\\\\b"),
        ]),
    );
    let out = sb.run(&["export", "-f", "env", "-o", "out.env"]);
    insta::assert_snapshot!(out.all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::export::unportable_value]: cannot export 4 secret(s) as .env: no quoting reads back the same in every .env reader (bash, python-dotenv, docker compose, dotenvx)
      caused by: CR (secrets.CR in ./fnox.toml:6): it holds a carriage return (python-dotenv and dotenvx read it as a line feed, bash has no escape for it)
      caused by: BRACES (secrets.BRACES in ./fnox.toml:9): it holds ${...}, which python-dotenv expands inside any quotes
      caused by: MIXED (secrets.MIXED in ./fnox.toml:10): it holds a single quote together with $, `, \ or " (in double quotes bash and dotenvx expand $ and `, and the readers disagree about backslashes)
      caused by: BACKSLASHES (secrets.BACKSLASHES in ./fnox.toml:11): it holds two backslashes in a row or ends with one (python-dotenv reads those differently inside single quotes)
      caused by: nothing was written
      hint: use `--format shell` to source them in a shell, `--format json` for programs, or `fnox exec` to pass them to a command unchanged
    "#);
    assert!(!sb.path("out.env").exists());
    for value in ["dos", "pre", "$5", "a\\"] {
        assert!(!out.stderr.contains(value), "the error shows no value");
    }
}

#[test]
fn export_env_refuses_a_name_bash_would_run_as_a_command() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nGOOD = { default = \"g\" }\n\"$(touch ran)\" = { default = \"x\" }\n",
    );
    let out = sb.run(&["export", "-f", "env"]);
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::export::bad_name]: cannot export $(touch ran) as .env (secrets.$(touch ran) in ./fnox.toml:3)
      caused by: variable names are letters, digits and _, not starting with a digit (bash runs any other `NAME=value` line as a command)
      hint: rename the secret, or use `--format json`
    ");
}
