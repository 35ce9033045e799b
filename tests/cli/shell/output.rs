//! What `hook-env` writes: plain values as upstream writes them, the summary line, the shells
//! fnox knows.

use insta::assert_snapshot;

use super::*;
use crate::support::Sandbox;

/// Values of characters no shell treats specially, and a few that need quoting, as defaults.
const PLAIN_AND_NOT: &[(&str, &str)] = &[
    ("PLAIN", "abc-1.2/x:y@z]_+"),
    ("DASHED", "-x"),
    ("LONG_OPT", "--help"),
    ("EMPTY", ""),
    ("SPACED", "a b"),
    ("COMMA", "a,b=c"),
    ("QUOTED", "it's"),
];

fn defaults_config(values: &[(&str, &str)]) -> String {
    let mut config = String::from("[secrets]\n");
    for (name, value) in values {
        config.push_str(&format!("{name} = {{ default = {value:?} }}\n"));
    }
    config
}

/// The hook's code without its `__FNOX_SESSION` line.
fn without_session(code: &str) -> String {
    code.lines()
        .filter(|l| !l.contains("__FNOX_SESSION"))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn hook_env_writes_plain_values_as_upstream_does_and_quotes_the_rest() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &defaults_config(PLAIN_AND_NOT));
    let code = |shell: &str| {
        let out = sb.run(&["hook-env", "-s", shell]);
        without_session(out.ok())
    };
    let bash = code("bash");
    assert_eq!(bash, code("zsh"));
    assert_snapshot!(bash, @r"
    export PLAIN=abc-1.2/x:y@z]_+
    export DASHED=-x
    export LONG_OPT=--help
    export EMPTY=''
    export SPACED='a b'
    export COMMA='a,b=c'
    export QUOTED='it'\''s'
    ");
    assert_snapshot!(code("fish"), @r#"
    set -gx PLAIN "abc-1.2/x:y@z]_+"
    set -gx DASHED "-x"
    set -gx LONG_OPT "--help"
    set -gx EMPTY ""
    set -gx SPACED 'a b'
    set -gx COMMA 'a,b=c'
    set -gx QUOTED 'it\'s'
    "#);
    let session = sb.run(&["hook-env", "-s", "bash"]);
    let line = session.ok().lines().last().unwrap();
    assert!(
        line.starts_with("export __FNOX_SESSION=") && !line.contains('\''),
        "the state is base64url, written bare: {line}"
    );
}

#[test]
fn plain_values_written_bare_arrive_exact_in_every_shell() {
    let sb = Sandbox::new();
    sb.write("proj/fnox.toml", &defaults_config(PLAIN_AND_NOT));
    let proj = sb.path("proj");
    for sh in SHELLS {
        let script = [sh.activate(), sh.enter(&proj), sh.dump(&sb, "inside")].concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        let env = env_at(&sb, "inside");
        for (name, value) in PLAIN_AND_NOT {
            assert_eq!(
                env.get(*name).map(String::as_str),
                Some(*value),
                "{} {name}",
                sh.name
            );
        }
    }
}

#[test]
fn the_hook_summary_is_cut_to_columns_as_upstream_cuts_it() {
    let sb = Sandbox::new();
    let names = ["ALPHA_KEY", "BETA_KEY", "GAMMA_KEY", "DELTA_KEY"];
    let values: Vec<(&str, &str)> = names.iter().map(|n| (*n, "v")).collect();
    sb.write("fnox.toml", &defaults_config(&values));
    let summary = |columns: Option<&str>| {
        let mut cmd = sb.fnox();
        cmd.args(["hook-env", "-s", "bash"]);
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        let out = sb.output(&mut cmd);
        out.ok();
        out.stderr
    };
    let full = "fnox: +4 ALPHA_KEY, BETA_KEY, GAMMA_KEY, DELTA_KEY\n";
    assert_eq!(summary(None), full, "80 columns by default");
    assert_eq!(summary(Some("not-a-number")), full);
    // 9 columns of prefix, 4 kept free: 54 is the narrowest that holds all 41 of the names.
    assert_eq!(summary(Some("54")), full);
    assert_eq!(
        summary(Some("53")),
        "fnox: +4 ALPHA_KEY, BETA_KEY, GAMMA_KEY, ...\n"
    );
    assert_eq!(summary(Some("30")), "fnox: +4 ALPHA_KEY, ...\n");
    assert_eq!(summary(Some("20")), "fnox: +4 ...\n");
    // Narrower than the prefix and ten columns: cut at 40 columns of names instead.
    assert_eq!(
        summary(Some("19")),
        "fnox: +4 ALPHA_KEY, BETA_KEY, GAMMA_KEY, ...\n"
    );
}

#[test]
fn activate_with_an_unknown_shell_says_unsupported_shell() {
    let sb = Sandbox::new();
    assert_snapshot!(sb.run(&["activate", "elvish"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::shell::error]: unsupported shell: elvish
      hint: fnox hooks into bash, zsh, fish, nu and pwsh: fnox activate bash | zsh | fish | nu | pwsh
    ");
    assert_eq!(sb.run(&["hook-env", "-s", "tcsh"]).code, 1);
    let help = sb.run(&["activate", "--help"]);
    assert!(
        help.ok()
            .contains("[possible values: bash, zsh, fish, nu, pwsh]"),
        "{}",
        help.stdout
    );
}

#[test]
fn hook_env_for_nu_prints_one_json_object() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &defaults_config(&[("QUOTED", "it's \"x\"\n"), ("PLAIN", "p")]),
    );
    let out = sb.run(&["hook-env", "-s", "nu"]);
    let json: serde_json::Value = serde_json::from_str(out.ok()).expect("JSON");
    assert_eq!(json["set"]["QUOTED"], "it's \"x\"\n");
    assert_eq!(json["set"]["PLAIN"], "p");
    assert!(json["set"]["__FNOX_SESSION"].is_string());
    assert_eq!(json["unset"], serde_json::json!([]));
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert_eq!(out.stderr, "fnox: +2 QUOTED, PLAIN\n");
    // Leaving: the variables go and the state with them.
    let session = json["set"]["__FNOX_SESSION"].as_str().unwrap().to_owned();
    let out = sb.output(
        sb.fnox_in(&sb.home)
            .args(["hook-env", "-s", "nu"])
            .env("__FNOX_SESSION", &session)
            .env("FNOX_SHELL_OUTPUT", "none"),
    );
    assert_eq!(
        out.ok(),
        "{\"set\":{},\"unset\":[\"QUOTED\",\"PLAIN\",\"__FNOX_SESSION\"]}\n"
    );
}
