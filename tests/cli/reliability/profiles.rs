//! Issue 7, family 7: Wrong profile: an unknown profile is an error for every command that reads
//! secrets or changes existing ones (never a silent fallback to the default), from -P and from
//! FNOX_PROFILE alike; `set` into a profile that does not exist yet creates it, as upstream does;
//! the flag beats the variable; top-level secrets are inherited by profiles in every read command.

use crate::support::{age_config, Sandbox};

fn config() -> String {
    age_config()
        + "TOP = { default = \"top\" }\nSHARED = { default = \"top-shared\" }\n\n\
           [profiles.a.secrets]\nSHARED = { default = \"from-a\" }\n\n\
           [profiles.b.secrets]\nSHARED = { default = \"from-b\" }\n"
}

const COMMANDS: &[&[&str]] = &[
    &["get", "TOP"],
    &["list"],
    &["export"],
    &["exec", "--", "sh", "-c", ": > ran"],
    &["remove", "TOP"],
    &["reencrypt", "--force"],
];

#[test]
fn an_unknown_profile_is_an_error_for_every_command() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &config());
    let before = sb.read("fnox.toml");
    for args in COMMANDS {
        for via_env in [false, true] {
            let mut cmd = sb.fnox();
            if via_env {
                cmd.env("FNOX_PROFILE", "nope");
            } else {
                cmd.args(["-P", "nope"]);
            }
            let out = sb.output(cmd.args(*args));
            let stderr = out.fails(1);
            assert!(
                stderr.contains("unknown profile 'nope'") && stderr.contains("hint: "),
                "{args:?} (env: {via_env}): {stderr}"
            );
            assert_eq!(out.stdout, "", "{args:?}");
            assert_eq!(sb.read("fnox.toml"), before, "{args:?}");
            assert!(!sb.path("ran").exists(), "{args:?}");
        }
    }
    // `profiles` lists what exists; it may report the unknown one but must not crash.
    let out = sb.run(&["-P", "nope", "profiles"]);
    assert!(out.code == 0 || out.code == 1, "{}", out.all());
}

#[test]
fn the_flag_beats_fnox_profile_in_every_read_command() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &config());
    let run = |args: &[&str]| {
        sb.output(
            sb.fnox()
                .env("FNOX_PROFILE", "a")
                .args(["-P", "b"])
                .args(args),
        )
    };
    assert_eq!(run(&["get", "SHARED"]).ok(), "from-b\n");
    assert!(run(&["export"]).ok().contains("SHARED=from-b\n"));
    let exec = run(&["exec", "--", "sh", "-c", "printf %s \"$SHARED\""]);
    assert_eq!(exec.ok(), "from-b");
    let listed: serde_json::Value = serde_json::from_str(run(&["list", "--json"]).ok()).unwrap();
    assert!(listed.to_string().contains("SHARED"), "{listed}");
    // And an unknown profile in the variable does not matter when the flag names a good one.
    let out = sb.output(
        sb.fnox()
            .env("FNOX_PROFILE", "nope")
            .args(["-P", "a", "get", "SHARED"]),
    );
    assert_eq!(out.ok(), "from-a\n");
}

#[test]
fn top_level_secrets_are_inherited_by_every_profile() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &config());
    for profile in ["a", "b"] {
        let p = ["-P", profile];
        let run = |args: &[&str]| sb.output(sb.fnox().args(p).args(args));
        assert_eq!(run(&["get", "TOP"]).ok(), "top\n", "{profile}");
        let exported = run(&["export"]);
        assert_eq!(
            exported.ok(),
            format!("TOP=top\nSHARED=from-{profile}\n"),
            "{profile}"
        );
        let exec = run(&["exec", "--", "sh", "-c", "printf %s \"$TOP|$SHARED\""]);
        assert_eq!(exec.ok(), format!("top|from-{profile}"), "{profile}");
    }
}
