//! Which files are loaded (parents, root, local, profile files, imports, global, -c), how
//! profiles layer, how a value is resolved, which `if_missing` wins, and where writes go.

use std::path::Path;

use crate::support::{age_config, Output, Sandbox};

/// `fnox get NAME` run in `dir`, with extra arguments before `get`.
fn get_in(sb: &Sandbox, dir: &Path, global: &[&str], name: &str) -> Output {
    sb.output(sb.fnox_in(dir).args(global).args(["get", name]))
}

fn get(sb: &Sandbox, global: &[&str], name: &str) -> Output {
    get_in(sb, &sb.cwd, global, name)
}

fn mkdir(sb: &Sandbox, rel: &str) -> std::path::PathBuf {
    let dir = sb.path(rel);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn config_in_a_parent_directory_is_found() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nA = { default = \"from-parent\" }\nB = { default = \"parent-b\" }\n",
    );
    sb.write("a/fnox.toml", "[secrets]\nB = { default = \"nearer-b\" }\n");
    let deep = mkdir(&sb, "a/b/c");
    assert_eq!(get_in(&sb, &deep, &[], "A").ok(), "from-parent\n");
    assert_eq!(
        get_in(&sb, &deep, &[], "B").ok(),
        "nearer-b\n",
        "the nearer file wins"
    );
}

#[test]
fn root_true_stops_the_search_upward() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nGRAND = { default = \"g\" }\n");
    sb.write("mid/fnox.toml", "[secrets]\nMID = { default = \"m\" }\n");
    let leaf = mkdir(&sb, "mid/leaf");
    assert_eq!(
        get_in(&sb, &leaf, &[], "GRAND").ok(),
        "g\n",
        "visible without root"
    );
    sb.write(
        "mid/fnox.toml",
        "root = true\n\n[secrets]\nMID = { default = \"m\" }\n",
    );
    assert_eq!(get_in(&sb, &leaf, &[], "MID").ok(), "m\n");
    let out = get_in(&sb, &leaf, &[], "GRAND");
    assert!(out.fails(1).contains("GRAND"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
}

#[test]
fn fnox_local_toml_overrides_fnox_toml() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nA = { default = \"shared\" }\nB = { default = \"only-main\" }\n",
    );
    sb.write(
        "fnox.local.toml",
        "[secrets]\nA = { default = \"local\" }\n",
    );
    assert_eq!(get(&sb, &[], "A").ok(), "local\n");
    assert_eq!(get(&sb, &[], "B").ok(), "only-main\n");
    // A nearer directory's fnox.toml still beats a parent's local file.
    sb.write("sub/fnox.toml", "[secrets]\nA = { default = \"nearer\" }\n");
    assert_eq!(get_in(&sb, &sb.path("sub"), &[], "A").ok(), "nearer\n");
}

#[test]
fn profile_file_is_loaded_only_with_its_profile() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nA = { default = \"base\" }\n");
    sb.write(
        "fnox.staging.toml",
        "[secrets]\nA = { default = \"staging\" }\nS = { default = \"only-staging\" }\n",
    );
    assert_eq!(get(&sb, &[], "A").ok(), "base\n");
    get(&sb, &[], "S").fails(1);
    assert_eq!(get(&sb, &["-P", "staging"], "A").ok(), "staging\n");
    assert_eq!(get(&sb, &["-P", "staging"], "S").ok(), "only-staging\n");
}

#[test]
fn imported_files_load_and_the_importing_file_wins() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "import = [\"./shared.toml\"]\n\n[secrets]\nA = { default = \"main\" }\n",
    );
    sb.write(
        "shared.toml",
        "[secrets]\nA = { default = \"shared\" }\nS = { default = \"from-shared\" }\n",
    );
    assert_eq!(get(&sb, &[], "A").ok(), "main\n");
    assert_eq!(get(&sb, &[], "S").ok(), "from-shared\n");
}

#[test]
fn import_paths_are_relative_to_the_importing_file() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "import = [\"conf/shared.toml\"]\n");
    sb.write("conf/shared.toml", "[secrets]\nS = { default = \"s\" }\n");
    let sub = mkdir(&sb, "sub");
    assert_eq!(get_in(&sb, &sub, &[], "S").ok(), "s\n");
}

#[test]
fn imports_that_import_each_other_load_once() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "import = [\"./b.toml\"]\n\n[secrets]\nA = { default = \"a\" }\n",
    );
    sb.write("b.toml", "import = [\"./fnox.toml\"]\n\n[secrets]\nA = { default = \"b\" }\nB = { default = \"b\" }\n");
    assert_eq!(get(&sb, &[], "A").ok(), "a\n");
    assert_eq!(get(&sb, &[], "B").ok(), "b\n");
}

#[test]
fn missing_import_is_an_error_naming_both_files() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "import = [\"./nope.toml\"]\n");
    let out = get(&sb, &[], "A");
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::import_not_found]: Import file not found: [CWD]/nope.toml
      caused by: import './nope.toml' is listed in [CWD]/fnox.toml
      hint: fix or remove the path in `import = [...]`; paths are relative to the importing file
    ");
    assert_eq!(out.code, 1);
}

#[test]
fn global_config_has_the_lowest_priority() {
    let sb = Sandbox::new();
    sb.write_home(
        ".config/fnox/config.toml",
        "[secrets]\nA = { default = \"global\" }\nG = { default = \"only-global\" }\n",
    );
    sb.write("fnox.toml", "[secrets]\nA = { default = \"project\" }\n");
    assert_eq!(get(&sb, &[], "A").ok(), "project\n");
    assert_eq!(get(&sb, &[], "G").ok(), "only-global\n");
}

#[test]
fn explicit_config_turns_off_discovery() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nPARENT = { default = \"p\" }\n");
    sb.write("sub/fnox.toml", "[secrets]\nHERE = { default = \"h\" }\n");
    sb.write("sub/other.toml", "[secrets]\nOTHER = { default = \"o\" }\n");
    let sub = sb.path("sub");
    assert_eq!(
        get_in(&sb, &sub, &["-c", "other.toml"], "OTHER").ok(),
        "o\n"
    );
    get_in(&sb, &sub, &["-c", "other.toml"], "PARENT").fails(1);
    get_in(&sb, &sub, &["-c", "other.toml"], "HERE").fails(1);
    assert_eq!(
        get_in(&sb, &sub, &[], "PARENT").ok(),
        "p\n",
        "discovery without -c"
    );
}

const TWO_PROFILES: &str = r#"[secrets]
TOP = { default = "top" }

[profiles.a.secrets]
X = { default = "from-a" }
A_ONLY = { default = "a-only" }

[profiles.b.secrets]
X = { default = "from-b" }
"#;

#[test]
fn later_profiles_overlay_earlier_ones() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", TWO_PROFILES);
    assert_eq!(get(&sb, &["-P", "a,b"], "X").ok(), "from-b\n");
    assert_eq!(get(&sb, &["-P", "a,b"], "A_ONLY").ok(), "a-only\n");
    assert_eq!(get(&sb, &["-P", "a,b"], "TOP").ok(), "top\n");
    assert_eq!(get(&sb, &["-P", "b,a"], "X").ok(), "from-a\n");
    assert_eq!(get(&sb, &["-P", "b", "-P", "a"], "X").ok(), "from-a\n");
}

#[test]
fn fnox_profile_is_used_without_p_and_p_beats_it() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", TWO_PROFILES);
    let with_env = |args: &[&str]| sb.output(sb.fnox().env("FNOX_PROFILE", "a").args(args));
    assert_eq!(with_env(&["get", "X"]).ok(), "from-a\n");
    assert_eq!(with_env(&["-P", "b", "get", "X"]).ok(), "from-b\n");
    let out = sb.output(sb.fnox().env("FNOX_PROFILE", "a,b").args(["get", "X"]));
    assert_eq!(out.ok(), "from-b\n", "FNOX_PROFILE takes a list too");
}

#[test]
fn unknown_profile_fails_and_suggests_a_close_name() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[profiles.staging.secrets]\nA = { default = \"a\" }\n",
    );
    let out = get(&sb, &["-P", "stagign"], "A");
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::unknown_profile]: unknown profile 'stagign'
      caused by: Did you mean 'staging'?
      caused by: defined profiles: staging
      hint: add a [profiles.stagign] table to fnox.toml (or create fnox.stagign.toml), pick another with -P, or write into a new profile with --write-profile stagign
    ");
    assert_eq!(out.code, 1);
    let far = get(&sb, &["-P", "zzzz"], "A");
    assert!(!far.fails(1).contains("did you mean"), "{}", far.stderr);
    assert!(
        far.stderr.contains("unknown profile 'zzzz'"),
        "{}",
        far.stderr
    );
}

#[test]
fn no_defaults_drops_top_level_secrets_from_a_profile() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", TWO_PROFILES);
    assert_eq!(
        get(&sb, &["-P", "a"], "TOP").ok(),
        "top\n",
        "inherited by default"
    );
    get(&sb, &["-P", "a", "--no-defaults"], "TOP").fails(1);
    assert_eq!(
        get(&sb, &["-P", "a", "--no-defaults"], "X").ok(),
        "from-a\n"
    );
    let out = sb.output(
        sb.fnox()
            .env("FNOX_NO_DEFAULTS", "1")
            .args(["-P", "a", "get", "TOP"]),
    );
    out.fails(1);
    assert_eq!(
        get(&sb, &["--no-defaults"], "TOP").ok(),
        "top\n",
        "the default profile keeps its own secrets"
    );
}

#[test]
fn value_comes_from_provider_then_default_then_environment() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &age_config());
    sb.run(&["set", "BOTH", "provider-value"]).ok();
    sb.run(&["set", "BOTH", "--default", "default-value"]).ok();
    let text = sb.read("fnox.toml")
        + "DEFAULT_ONLY = { default = \"default-value\" }\nENV_ONLY = { description = \"from the environment\" }\n";
    sb.write("fnox.toml", &text);
    let get_env = |name: &str| {
        sb.output(
            sb.fnox()
                .env("BOTH", "env-value")
                .env("DEFAULT_ONLY", "env-value")
                .env("ENV_ONLY", "env-value")
                .args(["get", name]),
        )
    };
    assert_eq!(get_env("BOTH").ok(), "provider-value\n");
    assert_eq!(get_env("DEFAULT_ONLY").ok(), "default-value\n");
    assert_eq!(get_env("ENV_ONLY").ok(), "env-value\n");
}

#[test]
fn default_is_used_with_a_warning_when_the_provider_fails() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &(age_config() + "BROKEN = { provider = \"age\", value = \"bm90IGFnZQ==\", default = \"fallback\" }\n"),
    );
    let out = get(&sb, &[], "BROKEN");
    assert_eq!(out.ok(), "fallback\n");
    assert!(out.stderr.starts_with("warning: "), "{}", out.stderr);
    assert!(out.stderr.contains("BROKEN"), "{}", out.stderr);
}

#[test]
fn default_interpolates_other_secrets_and_the_environment() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &age_config());
    sb.run(&["set", "PASSWORD", "pa$$"]).ok();
    let text = sb.read("fnox.toml")
        + "HOST = { default = \"db.local\" }\nURL = { default = \"pg://u:${PASSWORD}@${HOST}/${DB_NAME}?x=${NOT A REF}\" }\n";
    sb.write("fnox.toml", &text);
    let out = sb.output(sb.fnox().env("DB_NAME", "app").args(["get", "URL"]));
    assert_eq!(out.ok(), "pg://u:pa$$@db.local/app?x=${NOT A REF}\n");
}

#[test]
fn default_referring_to_itself_is_a_cycle_error() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nSELF = { default = \"x-${SELF}\" }\n",
    );
    let out = get(&sb, &[], "SELF");
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::secret::error]: cannot resolve SELF (secrets.SELF in ./fnox.toml:2)
      caused by: its default refers to ${SELF}, which refers back to SELF (a cycle)
      hint: break the cycle in the `default` values
    ");
    assert_eq!(out.code, 1);
}

#[test]

fn default_reference_cycle_through_other_secrets_is_reported_as_a_cycle() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nX = { default = \"x-${Y}\" }\nY = { default = \"y-${X}\" }\nA = { default = \"${B}\" }\nB = { default = \"${C}\" }\nC = { default = \"${A}\" }\n",
    );
    for name in ["X", "Y", "A"] {
        let out = get(&sb, &[], name);
        assert_eq!(out.stdout, "");
        let stderr = out.fails(1);
        assert!(
            stderr.contains("refers back"),
            "{name} is in a cycle:\n{stderr}"
        );
        assert!(stderr.contains("hint: break the cycle"), "{stderr}");
        assert!(
            !stderr.contains("has no value"),
            "every secret in the cycle is defined:\n{stderr}"
        );
    }
}

/// What `fnox export` did with a secret that has no value: "error", "warn" or "ignore".
fn if_missing_mode(sb: &Sandbox, env: &[(&str, &str)], flags: &[&str]) -> &'static str {
    let mut cmd = sb.fnox();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = sb.output(cmd.args(flags).arg("export"));
    match out.code {
        1 => {
            assert!(out.stderr.contains("MISSING"), "{}", out.stderr);
            "error"
        }
        0 if out.stderr.starts_with("warning: ") && out.stderr.contains("MISSING") => "warn",
        0 if out.stderr.is_empty() => {
            assert_eq!(out.stdout, "PRESENT=p\n");
            "ignore"
        }
        _ => panic!("unexpected result:\n{}", out.all()),
    }
}

#[test]
fn if_missing_precedence_is_flag_env_secret_file_default_env_then_warn() {
    let sb = Sandbox::new();
    let write = |file_level: &str, secret_level: &str| {
        sb.write(
            "fnox.toml",
            &format!("{file_level}\n[secrets]\nPRESENT = {{ default = \"p\" }}\nMISSING = {{ description = \"no value anywhere\"{secret_level} }}\n"),
        );
    };
    write("", "");
    assert_eq!(
        if_missing_mode(&sb, &[], &[]),
        "warn",
        "the built-in default"
    );
    let dflt = ("FNOX_IF_MISSING_DEFAULT", "error");
    assert_eq!(if_missing_mode(&sb, &[dflt], &[]), "error");
    assert_eq!(
        if_missing_mode(&sb, &[("FNOX_IF_MISSING_DEFAULT", "ignore")], &[]),
        "ignore"
    );
    write("if_missing = \"ignore\"", "");
    assert_eq!(
        if_missing_mode(&sb, &[dflt], &[]),
        "ignore",
        "file beats FNOX_IF_MISSING_DEFAULT"
    );
    write("if_missing = \"ignore\"", ", if_missing = \"warn\"");
    assert_eq!(
        if_missing_mode(&sb, &[dflt], &[]),
        "warn",
        "secret beats file"
    );
    let env = ("FNOX_IF_MISSING", "error");
    assert_eq!(
        if_missing_mode(&sb, &[dflt, env], &[]),
        "error",
        "FNOX_IF_MISSING beats secret"
    );
    assert_eq!(
        if_missing_mode(&sb, &[dflt, env], &["--if-missing", "ignore"]),
        "ignore",
        "the flag beats FNOX_IF_MISSING"
    );
}

#[test]
fn get_of_a_secret_marked_ignore_or_warn_prints_nothing_and_succeeds() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nIGNORED = { if_missing = \"ignore\" }\nWARNED = { if_missing = \"warn\" }\nPLAIN = {}\n",
    );
    let out = get(&sb, &[], "IGNORED");
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let out = get(&sb, &[], "WARNED");
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, ""),
        "never an empty line"
    );
    assert!(
        out.stderr
            .starts_with("warning: Secret 'WARNED' not found and no default provided"),
        "{}",
        out.stderr
    );
    // With only the implicit default, get still fails and says why.
    let out = get(&sb, &[], "PLAIN");
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::secret::no_value]: Secret 'PLAIN' not found and no default provided (secrets.PLAIN in ./fnox.toml:4)
      caused by: no provider value, no default, and no PLAIN in the environment
      hint: set it with `fnox set PLAIN`, or give it a `default`
    ");
    // A file-level setting counts as explicit, and so do the flag and FNOX_IF_MISSING.
    sb.write(
        "fnox.toml",
        "if_missing = \"ignore\"\n\n[secrets]\nPLAIN = {}\n",
    );
    assert_eq!(get(&sb, &[], "PLAIN").ok(), "");
    sb.write("fnox.toml", "[secrets]\nPLAIN = {}\n");
    assert_eq!(get(&sb, &["--if-missing", "ignore"], "PLAIN").ok(), "");
    let out = sb.output(
        sb.fnox()
            .env("FNOX_IF_MISSING", "warn")
            .args(["get", "PLAIN"]),
    );
    assert_eq!(out.ok(), "");
    assert_eq!(
        get(&sb, &["--if-missing", "error"], "PLAIN")
            .fails(1)
            .lines()
            .next(),
        Some("error[fnox::secret::no_value]: Secret 'PLAIN' not found and no default provided (secrets.PLAIN in ./fnox.toml:2)")
    );
}

#[test]
fn set_in_a_subdirectory_writes_an_override_here_and_never_the_parent_file() {
    let sb = Sandbox::new();
    let top = sb.write("fnox.toml", &age_config());
    sb.run(&["set", "S", "old", "-d", "shared"]).ok();
    let top_before = std::fs::read_to_string(&top).unwrap();
    let sub = mkdir(&sb, "sub");
    sb.output(sb.fnox_in(&sub).args(["set", "S", "new"])).ok();
    assert_eq!(
        std::fs::read_to_string(&top).unwrap(),
        top_before,
        "the parent's file is untouched"
    );
    let local = sb.read("sub/fnox.toml");
    assert!(
        local.starts_with("[secrets]\nS= { provider = \"age\", value = \"YWdl")
            && local.contains("description = \"shared\""),
        "a whole override entry here: {local}"
    );
    assert_eq!(sb.output(sb.fnox_in(&sub).args(["get", "S"])).ok(), "new\n");
    assert_eq!(
        sb.run(&["get", "S"]).ok(),
        "old\n",
        "the parent still reads its own"
    );
}

#[test]
fn set_of_a_new_secret_in_a_subdirectory_writes_a_file_there() {
    let sb = Sandbox::new();
    let top = sb.write("fnox.toml", &age_config());
    let top_before = std::fs::read_to_string(&top).unwrap();
    let mid = sb.write("a/fnox.toml", "[secrets]\n");
    let deep = mkdir(&sb, "a/b");
    sb.output(sb.fnox_in(&deep).args(["set", "N", "here"])).ok();
    assert_eq!(std::fs::read_to_string(&top).unwrap(), top_before);
    assert_eq!(std::fs::read_to_string(&mid).unwrap(), "[secrets]\n");
    let written = sb.read("a/b/fnox.toml");
    assert!(
        written.starts_with("[secrets]\nN= { provider = \"age\", value = \"YWdl"),
        "{written}"
    );
    assert_eq!(
        sb.output(sb.fnox_in(&deep).args(["get", "N"])).ok(),
        "here\n"
    );
}
