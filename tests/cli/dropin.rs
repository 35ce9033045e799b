//! What a team switching from the upstream fnox relies on: where writes go and with which
//! provider, profiles a write may create, load order and `-c`, `sync`, and the messages they see.

use crate::support::{age_config, age_sandbox, Sandbox, TEST_PUBLIC_KEY};

/// An age recipient whose identity no test holds: a value sealed only to it cannot be read here.
const STRANGER: &str = "age1ne2m47v43nmgct5kjyes5xh03dghcjed2yzyewawr5jy6za4mehqwgfcmm";

fn two_age_providers() -> String {
    format!(
        "default_provider = \"age\"\n\n[providers]\nage = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\"] }}\nage2 = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\"] }}\n\n[secrets]\n"
    )
}

#[test]
fn set_encrypts_with_the_providers_the_written_file_sees_not_a_local_override() {
    let sb = age_sandbox();
    // A local override seals to someone else; fnox.toml (shared in git) must not get that.
    sb.write(
        "fnox.local.toml",
        &format!("[providers]\nage = {{ type = \"age\", recipients = [\"{STRANGER}\"] }}\n"),
    );
    sb.run(&["set", "SHARED", "v1"]).ok();
    assert!(sb
        .read("fnox.toml")
        .contains("SHARED= { provider = \"age\""));
    assert!(!sb.read("fnox.local.toml").contains("SHARED"));
    std::fs::remove_file(sb.path("fnox.local.toml")).unwrap();
    assert_eq!(
        sb.run(&["get", "SHARED"]).ok(),
        "v1\n",
        "sealed to fnox.toml's recipients"
    );
}

#[test]
fn set_in_a_subdirectory_encrypts_with_that_directory_s_provider() {
    let sb = Sandbox::new();
    // The parent seals to a stranger only; the subdirectory redefines age for this team.
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nage = {{ type = \"age\", recipients = [\"{STRANGER}\"] }}\n\n[secrets]\n"
        ),
    );
    let parent_before = sb.read("fnox.toml");
    sb.write("sub/fnox.toml", &age_config());
    let sub = sb.path("sub");
    sb.output(sb.fnox_in(&sub).args(["set", "A", "mine"])).ok();
    assert_eq!(sb.read("fnox.toml"), parent_before);
    assert_eq!(
        sb.output(sb.fnox_in(&sub).args(["get", "A"])).ok(),
        "mine\n"
    );
}

#[test]
fn set_writes_the_local_file_when_it_is_the_only_config_here() {
    let sb = Sandbox::new();
    sb.write("fnox.local.toml", &age_config());
    sb.run(&["set", "L", "local"]).ok();
    assert!(!sb.path("fnox.toml").exists(), "no new fnox.toml");
    assert!(sb
        .read("fnox.local.toml")
        .contains("L= { provider = \"age\""));
    // Dot-style families likewise.
    let sb = Sandbox::new();
    sb.write(".fnox.toml", &age_config());
    sb.run(&["set", "D", "dot"]).ok();
    assert!(!sb.path("fnox.toml").exists());
    assert!(sb.read(".fnox.toml").contains("D= { provider = \"age\""));
}

#[test]
fn set_warns_when_a_local_file_here_shadows_what_it_wrote() {
    let sb = age_sandbox();
    sb.write(
        "fnox.local.toml",
        "[secrets]\nX = { default = \"local\" }\n",
    );
    let out = sb.run(&["set", "X", "shared"]);
    insta::assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Set secret X in ./fnox.toml
    warning: X is also defined in ./fnox.local.toml, which takes precedence over ./fnox.toml: reads still get that entry
    ");
}

#[test]
fn writes_with_several_profiles_and_no_write_profile_fail_naming_them() {
    let sb = age_sandbox();
    sb.write(
        "fnox.toml",
        &format!("{}\n[profiles.a]\n[profiles.b]\n", age_config()),
    );
    let out = sb.run(&["-P", "a,b", "set", "X", "v"]);
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::error]: Multiple profiles are active (a,b); a write needs one
      hint: Specify --write-profile <NAME> to choose the write target
    ");
    sb.run(&["-P", "a,b", "remove", "X"]).fails(1);
    sb.run(&["-P", "a,b", "--write-profile", "b", "set", "X", "v"])
        .ok();
    assert_eq!(sb.run(&["-P", "b", "get", "X"]).ok(), "v\n");
}

#[test]
fn a_write_may_create_a_profile_but_a_read_of_an_unknown_one_fails() {
    let sb = age_sandbox();
    let out = sb.run(&["-P", "staging", "set", "DB", "stage-db"]);
    assert_eq!(
        out.stderr, "✓ Set secret DB in profile staging in ./fnox.toml\n",
        "{}",
        out.stderr
    );
    let written = sb.read("fnox.toml");
    assert!(
        written.contains("[profiles.staging.secrets]\nDB= { provider = \"age\""),
        "{written}"
    );
    assert_eq!(sb.run(&["-P", "staging", "get", "DB"]).ok(), "stage-db\n");
    sb.run(&["-P", "qa", "provider", "add", "qa-age", "age"])
        .ok();
    assert!(sb
        .read("fnox.toml")
        .contains("[profiles.qa.providers.qa-age]"));
    let err = sb.run(&["-P", "nope", "get", "DB"]).fails(1).to_owned();
    assert!(err.contains("unknown profile 'nope'"), "{err}");
    // A profile file is enough to make the profile known.
    sb.write("fnox.ci.toml", "[secrets]\nCI = { default = \"yes\" }\n");
    assert_eq!(sb.run(&["-P", "ci", "get", "CI"]).ok(), "yes\n");
    // A write into an existing profile file goes there, at its top level.
    sb.run(&["-P", "ci", "set", "TOKEN", "t"]).ok();
    assert!(sb
        .read("fnox.ci.toml")
        .contains("\nTOKEN= { provider = \"age\""));
}

#[test]
fn within_a_directory_the_local_file_beats_the_profile_file_which_beats_fnox_toml() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nA = { default = \"base\" }\nB = { default = \"base\" }\nC = { default = \"base\" }\n",
    );
    sb.write(
        "fnox.prod.toml",
        "[secrets]\nA = { default = \"prod\" }\nB = { default = \"prod\" }\n",
    );
    sb.write(
        "fnox.local.toml",
        "[secrets]\nA = { default = \"local\" }\n",
    );
    let get = |name: &str| sb.run(&["-P", "prod", "get", name]).ok().to_owned();
    assert_eq!(get("A"), "local\n");
    assert_eq!(get("B"), "prod\n");
    assert_eq!(get("C"), "base\n");
    // A [profiles.prod] table still overlays every top level.
    sb.write(
        "fnox.toml",
        "[secrets]\nC = { default = \"base\" }\n\n[profiles.prod.secrets]\nA = { default = \"table\" }\n",
    );
    assert_eq!(get("A"), "table\n");
}

#[test]
fn explicit_dot_fnox_toml_loads_the_local_file_beside_it() {
    let sb = Sandbox::new();
    sb.write(".fnox.toml", "[secrets]\nA = { default = \"shared\" }\n");
    sb.write(
        ".fnox.local.toml",
        "[secrets]\nA = { default = \"mine\" }\n",
    );
    let other = sb.path("elsewhere");
    std::fs::create_dir_all(&other).unwrap();
    let cfg = sb.path(".fnox.toml");
    let out = sb.output(
        sb.fnox_in(&other)
            .args(["-c", cfg.to_str().unwrap(), "get", "A"]),
    );
    assert_eq!(out.ok(), "mine\n");
    // A file of another name loads alone.
    sb.write("custom.toml", "[secrets]\nA = { default = \"custom\" }\n");
    sb.write(
        "fnox.local.toml",
        "[secrets]\nA = { default = \"local\" }\n",
    );
    assert_eq!(sb.run(&["-c", "custom.toml", "get", "A"]).ok(), "custom\n");
}

#[test]
fn a_missing_config_file_given_with_c_is_an_error_for_every_reading_command() {
    let sb = age_sandbox();
    for cmd in [
        &["doctor"][..],
        &["config-files"],
        &["list"],
        &["get", "X"],
        &["export"],
        &["check"],
    ] {
        let mut args = vec!["-c", "missing.toml"];
        args.extend_from_slice(cmd);
        let out = sb.run(&args);
        let err = out.fails(1);
        assert!(
            err.starts_with(
                "error[fnox::config::read_failed]: Failed to read configuration file: ./missing.toml\n"
            ),
            "{cmd:?}: {err}"
        );
    }
    // Commands that create the file still do.
    sb.run(&["-c", "new.toml", "init", "--skip-wizard"]).ok();
    assert!(sb.path("new.toml").exists());
}

#[test]
fn a_default_provider_that_does_not_exist_fails_when_the_config_loads() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "default_provider = \"agee\"\n\n[providers]\nage = { type = \"plain\" }\n\n[secrets]\nA = { default = \"a\" }\n",
    );
    let out = sb.run(&["list"]);
    insta::assert_snapshot!(out.all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::config::default_provider_not_found]: Default provider 'agee' not found in profile 'default'
      caused by: default_provider = "agee" is set in ./fnox.toml
      caused by: Did you mean 'age'?
      caused by: configured providers: age
      hint: add a [providers.agee] table, or set default_provider to one of the configured providers
    "#);
}

#[test]
fn no_defaults_drops_inherited_secrets_but_keeps_the_providers() {
    let sb = age_sandbox();
    sb.run(&["set", "TOP", "top"]).ok();
    sb.run(&["-P", "prod", "set", "P", "prod-value"]).ok();
    assert_eq!(
        sb.run(&["--no-defaults", "-P", "prod", "get", "P"]).ok(),
        "prod-value\n",
        "the top-level age provider still decrypts"
    );
    sb.run(&["--no-defaults", "-P", "prod", "get", "TOP"])
        .fails(1);
    let list = sb.run(&["--no-defaults", "-P", "prod", "provider", "list"]);
    assert!(list.ok().contains("age"), "{}", list.stdout);
}

#[test]
fn set_with_several_providers_and_no_default_names_the_real_cause() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &two_age_providers().replace("default_provider = \"age\"\n\n", ""),
    );
    let out = sb.run(&["set", "X", "v"]);
    insta::assert_snapshot!(out.all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::not_configured]: cannot set X (secrets.X in ./fnox.toml): no provider to encrypt it with
      caused by: several providers are configured (age, age2) and no default_provider says which one to use
      hint: pass --provider age, or set default_provider = "age" in the config
    "#);
    assert!(
        !sb.read("fnox.toml").contains("X="),
        "nothing written, no plaintext"
    );
}

#[test]
fn remove_edits_only_a_file_here() {
    let sb = age_sandbox();
    sb.run(&["set", "P", "parent"]).ok();
    let sub = sb.path("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let out = sb.output(sb.fnox_in(&sub).args(["remove", "P"]));
    let err = out.fails(1);
    assert!(err.contains("it is inherited from secrets.P in"), "{err}");
    assert!(sb.read("fnox.toml").contains("P= "), "the parent keeps it");
    sb.write(
        "sub/fnox.local.toml",
        "[secrets]\nL = { default = \"l\" }\n",
    );
    let out = sb.output(sb.fnox_in(&sub).args(["remove", "L"]));
    assert_eq!(out.stderr, "✓ Removed secret L from ./fnox.local.toml\n");
}

#[test]
fn json_path_applies_to_the_environment_fallback_too() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nDB_HOST = { json_path = \"db.host\" }\n",
    );
    let out = sb.output(
        sb.fnox()
            .env("DB_HOST", r#"{"db":{"host":"db.internal","port":5432}}"#)
            .args(["exec", "--", "printenv", "DB_HOST"]),
    );
    assert_eq!(out.ok(), "db.internal\n");
    let out = sb.output(
        sb.fnox()
            .env("DB_HOST", "not json")
            .args(["get", "DB_HOST"]),
    );
    assert!(
        out.fails(1).contains("Failed to parse JSON secret"),
        "{}",
        out.stderr
    );
    sb.write("fnox.toml", "[secrets]\nDB_HOST = { json_path = \"\" }\n");
    let out = sb.output(sb.fnox().env("DB_HOST", "{}").args(["get", "DB_HOST"]));
    assert!(
        out.fails(1).contains("json_path must not be empty"),
        "{}",
        out.stderr
    );
}

#[test]
fn check_counts_a_secret_naming_an_undefined_provider_even_when_not_required() {
    let sb = age_sandbox();
    sb.add_secret_line("LOOSE = { provider = \"vaultt\", value = \"x\", if_missing = \"ignore\" }");
    let out = sb.run(&["check"]);
    let err = out.fails(1);
    assert!(
        err.contains("caused by: LOOSE: ")
            && err.contains("Provider 'vaultt' not configured in profile 'default'"),
        "{err}"
    );
}

#[test]
fn sync_reencrypts_every_provider_value_into_the_target_and_skips_defaults() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &two_age_providers());
    sb.run(&["set", "A", "alpha"]).ok();
    sb.run(&["set", "B", "beta", "-p", "age2"]).ok();
    // Cannot be read, but reads fall back to its default: skipped and counted.
    sb.add_secret_line(
        "BROKEN = { provider = \"age\", value = \"bm90IGFnZQ==\", default = \"d\" }",
    );
    sb.add_secret_line("ONLY_DEFAULT = { default = \"x\" }");
    let dry = sb.run(&["sync", "-p", "age2", "--dry-run"]);
    insta::assert_snapshot!(dry.all(), @"
    exit: 0
    --- stdout
    [dry-run] Would sync 2 secrets in profile default to provider age2:
      A (from age) -> secrets.A in ./fnox.toml
      BROKEN (from age) -> secrets.BROKEN in ./fnox.toml
    --- stderr
    ");
    let out = sb.run(&["sync", "-p", "age2", "--force"]);
    insta::assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Synced 1 secrets to provider 'age2' in ./fnox.toml
    Skipped 1 secrets (could not resolve; reads fall back to their default): BROKEN
    ");
    let text = sb.read("fnox.toml");
    let a = text.lines().find(|l| l.starts_with("A=")).unwrap();
    assert!(
        a.contains("sync = { provider = \"age2\", value = \"YWdl"),
        "{a}"
    );
    assert!(!text
        .lines()
        .any(|l| l.starts_with("B=") && l.contains("sync")));
    assert_eq!(sb.run(&["get", "A"]).ok(), "alpha\n");
}

#[test]
fn sync_local_file_goes_beside_the_dot_style_file_and_refuses_other_names() {
    let sb = Sandbox::new();
    sb.write(".fnox.toml", &two_age_providers());
    sb.run(&["set", "A", "alpha"]).ok();
    let dry = sb.run(&["sync", "-p", "age2", "--local-file", "-n"]);
    assert!(
        dry.ok().starts_with(
            "[dry-run] Would sync 1 secrets in profile default to provider age2 (local-file):\n"
        ),
        "{}",
        dry.stdout
    );
    sb.run(&["sync", "-p", "age2", "--local-file", "-f"]).ok();
    let local = sb.read(".fnox.local.toml");
    assert!(
        local.contains("A= { provider = \"age\", value = \"YWdl") && local.contains("sync = {"),
        "{local}"
    );
    assert!(!sb.path("fnox.local.toml").exists());
    assert!(!sb.read(".fnox.toml").contains("sync"));
    assert_eq!(sb.run(&["get", "A"]).ok(), "alpha\n");

    sb.write("custom.toml", &two_age_providers());
    let out = sb.run(&[
        "-c",
        "custom.toml",
        "sync",
        "-p",
        "age2",
        "--local-file",
        "-f",
    ]);
    assert!(
        out.fails(2)
            .contains("--local-file requires --config to be 'fnox.toml' or '.fnox.toml'"),
        "{}",
        out.stderr
    );
    sb.run(&["sync", "--local-file", "-g"]).fails(2);
}

#[test]
fn sync_global_writes_the_global_config() {
    let sb = Sandbox::new();
    sb.write_home(".config/fnox/config.toml", &two_age_providers());
    sb.write("fnox.toml", "[secrets]\n");
    sb.run(&["set", "G", "global-value", "-g"]).ok();
    let out = sb.run(&["sync", "-p", "age2", "-g", "-f"]);
    assert!(
        out.ok().is_empty()
            && out
                .stderr
                .starts_with("✓ Synced 1 secrets to provider 'age2' (global) in"),
        "{}",
        out.stderr
    );
    let global = std::fs::read_to_string(sb.home.join(".config/fnox/config.toml")).unwrap();
    assert!(global.contains("sync = { provider = \"age2\""), "{global}");
    assert_eq!(sb.read("fnox.toml"), "[secrets]\n");
}

#[test]
fn sync_reads_its_confirmation_from_stdin_when_stdin_is_not_a_terminal() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &two_age_providers());
    sb.run(&["set", "A", "alpha"]).ok();
    let before = sb.read("fnox.toml");
    let out = sb.output(sb.fnox().args(["sync", "-p", "age2"]).write_stdin("n\n"));
    assert_eq!(out.ok(), "");
    assert!(
        out.stderr.ends_with("Continue? [y/N] n\nSync cancelled\n"),
        "{}",
        out.stderr
    );
    assert_eq!(sb.read("fnox.toml"), before, "nothing written on no");
    let out = sb.output(sb.fnox().args(["sync", "-p", "age2"]).write_stdin("y\n"));
    assert!(
        out.ok().is_empty() && out.stderr.contains("✓ Synced 1 secrets to provider 'age2'"),
        "{}",
        out.stderr
    );
    let out = sb.output(sb.fnox().args(["--non-interactive", "sync", "-p", "age2"]));
    assert!(out.fails(2).contains("pass --force"), "{}", out.stderr);
}
