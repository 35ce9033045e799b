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
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::init::error]: ./fnox.toml already exists
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
    // The source is the defining file's absolute path (the sandbox's cwd, redacted) and line.
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    Key          Type            Source File                              Provider Key                              Description
    EXISTING     provider (age)  [CWD]/fnox.toml:9   [AGE]...  kept
    TABLE_STYLE  provider (age)  [CWD]/fnox.toml:11  [AGE]...
    PROD_ONLY    default value   [CWD]/fnox.toml:16
    --- stderr
    ");
}

/// A file with every kind of source, names out of alphabetical order.
fn every_kind() -> Sandbox {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             age = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\"] }}\n\
             clear = {{ type = \"plain\" }}\n\n\
             [secrets]\n\
             ZED = {{ provider = \"clear\", value = \"plain-text-value\", description = \"in the clear\" }}\n\
             MIDDLE = {{ default = \"default-value\" }}\n\
             FROM_ENV = {{ description = \"from the environment\", if_missing = \"warn\" }}\n\
             GONE = {{ provider = \"nope\", value = \"x\", if_missing = \"ignore\" }}\n\
             FILE = {{ default = \"file-value\", as_file = true }}\n"
        ),
    );
    sb.run(&["set", "ALPHA", "age-value", "-p", "age"]).ok();
    sb
}

#[test]
fn list_never_prints_a_value_without_values_not_even_a_plain_one() {
    let sb = every_kind();
    for args in [&["list"][..], &["list", "--full"], &["list", "--sources"]] {
        let out = sb.run(args);
        for value in [
            "plain-text-value",
            "default-value",
            "age-value",
            "file-value",
        ] {
            assert!(!out.ok().contains(value), "{args:?} shows {value}");
        }
    }
    assert_snapshot!(sb.run(&["list"]).all(), @r"
    exit: 0
    --- stdout
    Key       Type                  Provider Key                              Description
    ZED       provider (clear)      <hidden>                                  in the clear
    MIDDLE    default value
    FROM_ENV  env var                                                         from the environment
    GONE      provider (nope)       x
    FILE      default value [file]
    ALPHA     provider (age)        [AGE]...
    --- stderr
    ");
}

#[test]
fn list_values_resolves_every_secret_and_marks_what_cannot_be_resolved() {
    let sb = every_kind();
    let out = sb.output(sb.fnox().env("FROM_ENV", "env-value").args(["list", "-V"]));
    assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    Key       Type                  Provider Key                              Description           Value
    ZED       provider (clear)      <hidden>                                  in the clear          plain-text-value
    MIDDLE    default value                                                                         default-value
    FROM_ENV  env var                                                         from the environment  env-value
    GONE      provider (nope)       x                                                               <not available>
    FILE      default value [file]                                                                  file-value
    ALPHA     provider (age)        [AGE]...                        age-value
    --- stderr
    warning: no integrity tag for ZED: written by hand or by upstream fnox; `fnox set NAME VALUE` writes one tagged
    ");
    // The same through --values, with the sources column before the values.
    let out = sb.run(&["list", "--values", "--sources"]);
    let header = out.ok().lines().next().unwrap().to_owned();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>().join(" "),
        "Key Type Source File Provider Key Description Value"
    );
    assert!(out.stdout.contains("plain-text-value"), "{}", out.stdout);
    assert!(out.stderr.contains("FROM_ENV"), "{}", out.stderr);
    assert!(
        !out.stderr.contains("GONE"),
        "if_missing = ignore: {}",
        out.stderr
    );
}

#[test]
fn list_complete_prints_names_one_per_line_in_file_order() {
    let sb = every_kind();
    sb.add_secret_line(
        "[profiles.prod.secrets]\nMIDDLE = { default = \"prod\" }\nPROD_ONLY = { default = \"p\" }",
    );
    let out = sb.run(&["list", "--complete"]);
    assert_eq!(out.ok(), "ZED\nMIDDLE\nFROM_ENV\nGONE\nFILE\nALPHA\n");
    assert_eq!(out.stderr, "");
    let out = sb.run(&["-P", "prod", "list", "--complete"]);
    assert_eq!(
        out.ok(),
        "ZED\nMIDDLE\nFROM_ENV\nGONE\nFILE\nALPHA\nPROD_ONLY\n"
    );
    // No secrets: nothing at all, not the "No secrets defined" message.
    sb.write("fnox.toml", "");
    let out = sb.run(&["list", "--complete"]);
    assert_eq!((out.ok(), out.stderr.as_str()), ("", ""));
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
    assert_snapshot!(sb.run(&["provider", "add", "age", "age"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::error]: provider 'age' already exists in ./fnox.toml
      hint: pick another name, or remove it first with `fnox provider remove age`
    ");
    assert_snapshot!(sb.run(&["provider", "add", "x", "agee"]).all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::usage]: unknown provider type 'agee'
      caused by: Did you mean 'age'?
      hint: this version of fnox reads age, plain, aws-kms, aws-sm, aws-ps, azure-kms, azure-sm, gcp-kms, gcp-sm, password-store, keychain, keepass, vault, vault-transit, cosmian-kms; `fnox provider add --help` lists every type
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
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::encryption::age::identity_not_found]: cannot decrypt EXISTING (secrets.EXISTING in ./fnox.toml:9, provider 'age')
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
