//! init, list, profiles, provider, version, completion: what a person sees.

use insta::assert_snapshot;

use crate::support::{read_fixture, Sandbox, TEST_PUBLIC_KEY};

fn with_before() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &read_fixture("upstream/before.toml"));
    sb
}

#[test]
fn init_creates_identity_and_age_config_then_set_get_work() {
    let sb = Sandbox::bare();
    let out = sb.run(&["init"]);
    out.ok();
    let key = sb.home.join(".config/fnox/age.txt");
    let key_text = std::fs::read_to_string(&key).expect("identity created");
    assert!(key_text.contains("AGE-SECRET-KEY-1"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let public = key_text
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap();
    let config = sb.read("fnox.toml");
    assert!(
        config.contains(&format!(
            "age = {{ type = \"age\", recipients = [\"{public}\"] }}"
        )),
        "{config}"
    );
    sb.run(&["set", "DATABASE_URL", "postgres://u:p@h/db"]).ok();
    assert_eq!(
        sb.run(&["get", "DATABASE_URL"]).ok(),
        "postgres://u:p@h/db\n"
    );
}

#[test]
fn init_reuses_an_existing_identity() {
    let sb = Sandbox::new();
    sb.run(&["init"]).ok();
    assert!(sb.read("fnox.toml").contains(TEST_PUBLIC_KEY));
    assert_eq!(
        std::fs::read_to_string(sb.home.join(".config/fnox/age.txt")).unwrap(),
        read_fixture("upstream/test-key.txt")
    );
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "# mine\n");
    let out = sb.run(&["init"]);
    assert_snapshot!(out.all(), @r"
    exit: 1
    --- stdout
    --- stderr
    error: ./fnox.toml already exists
      hint: pass --force to overwrite it, or edit it with `fnox set` / `fnox provider add`
    ");
    assert_eq!(sb.read("fnox.toml"), "# mine\n");
    sb.run(&["init", "--force", "--skip-wizard"]).ok();
    assert_eq!(sb.read("fnox.toml"), "");
}

#[test]
fn list_shows_names_types_and_descriptions_never_values() {
    let sb = with_before();
    let out = sb.run(&["-P", "prod", "list", "--sources"]);
    assert!(!out.stdout.contains("existing-value"));
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    Key          Type            Source          Provider Key                              Description
    EXISTING     provider (age)  ./fnox.toml:9   [AGE]...  kept
    TABLE_STYLE  provider (age)  ./fnox.toml:11  [AGE]...
    PROD_ONLY    default value   ./fnox.toml:16
    --- stderr
    ");
    let out = sb.run(&["list", "--values"]);
    assert_snapshot!(out.all(), @r"
    exit: 2
    --- stdout
    --- stderr
    error: `fnox list` never prints secret values
      hint: use `fnox get KEY` for one value or `fnox export` for all of them
    ");
}

#[test]
fn profiles_counts_inherited_secrets() {
    let sb = with_before();
    assert_snapshot!(sb.run(&["profiles"]).all(), @r"
    exit: 0
    --- stdout
    Available profiles:
      default (2 secrets)
      prod (3 secrets)
    --- stderr
    ");
}

#[test]
fn provider_add_keeps_comments_and_layout() {
    let sb = with_before();
    sb.run(&["provider", "add", "kms", "aws-kms"]).ok();
    let before = read_fixture("upstream/before.toml");
    let template = "\n[providers.kms]\ntype = \"aws-kms\"\nkey_id = \"alias/my-key\"\nregion = \"us-east-1\"\n";
    let expected = before.replace("# the team key\n", &format!("# the team key\n{template}"));
    assert_eq!(
        sb.read("fnox.toml"),
        expected,
        "only the new table is added, right after [providers]"
    );
    assert_eq!(sb.run(&["provider", "list"]).ok(), "age\nkms\n");
}

#[test]
fn provider_add_age_fills_in_this_machines_public_key() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "");
    sb.run(&["provider", "add", "mine", "age"]).ok();
    assert_eq!(
        sb.read("fnox.toml"),
        format!("[providers.mine]\ntype = \"age\"\nrecipients = [\"{TEST_PUBLIC_KEY}\"]\n")
    );
    sb.run(&["set", "K", "v"]).ok();
    assert_eq!(sb.run(&["get", "K"]).ok(), "v\n");
}

#[test]
fn provider_add_existing_name_and_unknown_type_are_errors() {
    let sb = with_before();
    assert_snapshot!(sb.run(&["provider", "add", "age", "age"]).all(), @r"
    exit: 1
    --- stdout
    --- stderr
    error: provider 'age' already exists in ./fnox.toml
      hint: pick another name, or remove it first with `fnox provider remove age`
    ");
    assert_snapshot!(sb.run(&["provider", "add", "x", "agee"]).all(), @"
    exit: 2
    --- stdout
    --- stderr
    error: unknown provider type 'agee'
      caused by: did you mean 'age'?
      hint: this version of fnox reads age, plain, aws-kms, aws-sm, aws-ps, password-store, keychain, vault, vault-transit; `fnox provider add --help` lists every type
    ");
    assert_eq!(sb.read("fnox.toml"), read_fixture("upstream/before.toml"));
}

#[test]
fn provider_remove_and_test() {
    let sb = with_before();
    let out = sb.run(&["provider", "test", "age"]);
    assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider age connection successful: 1 recipient(s), 1 identity(ies) available on this machine
    ");
    sb.run(&["provider", "add", "extra", "plain"]).ok();
    sb.run(&["provider", "remove", "extra"]).ok();
    assert_eq!(sb.read("fnox.toml"), read_fixture("upstream/before.toml"));
}

#[test]
fn provider_test_fails_without_an_identity() {
    let sb = Sandbox::bare();
    sb.write("fnox.toml", &read_fixture("upstream/before.toml"));
    let out = sb.run(&["provider", "test", "age"]);
    assert_eq!(
        out.code, 0,
        "recipients are fine and no identity is required to encrypt"
    );
    let out = sb.run(&["get", "EXISTING"]);
    assert_snapshot!(out.all(), @r"
    exit: 1
    --- stdout
    --- stderr
    error: cannot decrypt EXISTING (secrets.EXISTING in ./fnox.toml:9, provider 'age')
      caused by: age: no identity found on this machine
      hint: run `fnox init` to create ~/.config/fnox/age.txt, or set FNOX_AGE_KEY_FILE / FNOX_AGE_KEY
    ");
}

#[test]
fn version_prints_name_and_version() {
    let sb = Sandbox::bare();
    let want = format!("fnox {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(sb.run(&["version"]).ok(), want);
    assert_eq!(sb.run(&["--version"]).ok(), want);
}

#[test]
fn committed_completions_match_the_cli() {
    let sb = Sandbox::bare();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [
        ("bash", "fnox.bash"),
        ("zsh", "_fnox"),
        ("fish", "fnox.fish"),
        ("elvish", "fnox.elvish"),
        ("powershell", "_fnox.ps1"),
    ] {
        let generated = sb.run(&["completion", shell]).ok().to_owned();
        let committed = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        assert!(
            generated == committed,
            "completions/{file} is out of date with the CLI: run scripts/gen-completions.sh"
        );
    }
}

#[test]
fn annotated_example_config_loads() {
    let sb = Sandbox::new();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fnox.toml.example");
    let out = sb.run(&["-c", example.to_str().unwrap(), "list"]);
    for name in [
        "DATABASE_URL",
        "LOG_LEVEL",
        "API_URL",
        "DB_PASSWORD",
        "DEBUG_TOKEN",
        "TLS_KEY",
    ] {
        assert!(
            out.ok().contains(name),
            "{name} missing from:\n{}",
            out.stdout
        );
    }
    sb.run(&["-c", example.to_str().unwrap(), "-P", "production", "list"])
        .ok();
}
