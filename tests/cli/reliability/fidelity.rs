//! Issue 7, family 4: Value fidelity: any UTF-8 value without NUL comes back byte-exact from `get`,
//! from exec's environment, from every export format parsed back (env through `fnox import`, or
//! refused when no .env form carries it through every common reader), and from the shell format
//! sourced by `sh`.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use super::{fixed_runner, FIDELITY_CASES, LARGE_VALUE_BYTES};
use crate::support::{age_sandbox, Sandbox};

/// Pieces that break naive quoting somewhere.
const AWKWARD: &[&str] = &[
    "$VAR",
    "${HOME}",
    "$(id)",
    "`id`",
    "'",
    "\"",
    "=",
    "==",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\\",
    "\\n",
    "#",
    "!",
    "*",
    "?",
    "~",
    ";",
    "&",
    "|",
    "<",
    ">",
    "export ",
    "A=b",
    "ü",
    "🔑",
    "日本",
    "\u{feff}",
    "\u{2028}",
    "\u{7f}",
    "\u{1b}[0m",
    "\u{85}",
    "%s",
    "{{",
    "}}",
    "[",
    "]",
];

/// Any string without NUL, or a mix of awkward pieces and arbitrary text.
fn value() -> impl Strategy<Value = String> {
    let arbitrary = any::<String>().prop_map(|s| s.replace('\0', ""));
    let piece = prop_oneof![
        3 => proptest::sample::select(AWKWARD).prop_map(str::to_owned),
        1 => any::<String>().prop_map(|s| s.replace('\0', "")),
    ];
    let mixed = proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat());
    prop_oneof![1 => arbitrary, 2 => mixed]
}

/// Where the value of V is compared; the first difference found, as a message.
fn round_trips(
    sb: &Sandbox,
    fresh: &Sandbox,
    value: &str,
    via_argument: bool,
) -> Result<(), String> {
    let same = |what: &str, got: &[u8], want: &[u8]| {
        if got == want {
            Ok(())
        } else {
            Err(format!(
                "{what}: got {:?}, want {:?}",
                String::from_utf8_lossy(got),
                String::from_utf8_lossy(want)
            ))
        }
    };
    let ok = |out: crate::support::Output, what: &str| {
        if out.code == 0 {
            Ok(out)
        } else {
            Err(format!("{what}: exit {}: {}", out.code, out.stderr))
        }
    };
    if via_argument {
        ok(sb.run(&["set", "V", "--", value]), "set")?;
    } else {
        std::fs::write(sb.path("value.txt"), value).unwrap();
        ok(
            sb.run(&["set", "V", "--from-file", "value.txt"]),
            "set --from-file",
        )?;
        std::fs::remove_file(sb.path("value.txt")).unwrap();
    }
    let want_line = format!("{value}\n");
    same(
        "get",
        &ok(sb.run(&["get", "V"]), "get")?.raw_stdout,
        want_line.as_bytes(),
    )?;

    if via_argument {
        let env = ok(sb.run(&["exec", "--", "env", "-0"]), "exec")?.raw_stdout;
        let found = env
            .split(|b| *b == 0)
            .find_map(|rec| rec.strip_prefix(b"V="))
            .ok_or("exec: V is not in the environment")?;
        same("exec env", found, value.as_bytes())?;
    }

    // A value no .env form carries through every common reader is refused, and nothing written.
    let env = sb.run(&["export", "-f", "env", "-o", "out.env"]);
    if env.code == 1 && env.stderr.contains("fnox::export::unportable_value") {
        if sb.path("out.env").exists() {
            return Err("export env refused the value but wrote out.env".into());
        }
    } else {
        ok(env, "export env")?;
        let input = sb.path("out.env");
        ok(
            fresh.run(&["import", "env", "-i", input.to_str().unwrap(), "--force"]),
            "import env",
        )?;
        std::fs::remove_file(&input).unwrap();
        same(
            "env → import → get",
            &ok(fresh.run(&["get", "V"]), "get after import")?.raw_stdout,
            want_line.as_bytes(),
        )?;
    }

    let exported = |format: &str| -> Result<String, String> {
        Ok(ok(sb.run(&["export", "-f", format]), format)?.stdout)
    };
    let json: serde_json::Value =
        serde_json::from_str(&exported("json")?).map_err(|e| format!("json: {e}"))?;
    same(
        "json",
        json["secrets"]["V"]
            .as_str()
            .unwrap_or("<absent>")
            .as_bytes(),
        value.as_bytes(),
    )?;
    let yaml: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(&exported("yaml")?).map_err(|e| format!("yaml: {e}"))?;
    same(
        "yaml",
        yaml["secrets"]["V"]
            .as_str()
            .unwrap_or("<absent>")
            .as_bytes(),
        value.as_bytes(),
    )?;
    let toml: toml::Table = toml::from_str(&exported("toml")?).map_err(|e| format!("toml: {e}"))?;
    same(
        "toml",
        toml["secrets"]
            .get("V")
            .and_then(|v| v.as_str())
            .unwrap_or("<absent>")
            .as_bytes(),
        value.as_bytes(),
    )?;

    ok(
        sb.run(&["export", "-f", "shell", "-o", "out.sh"]),
        "export shell",
    )?;
    let sourced = std::process::Command::new("sh")
        .args(["-c", ". ./out.sh; printf %s \"$V\""])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .current_dir(&sb.cwd)
        .output()
        .unwrap();
    same("shell: stderr", &sourced.stderr, b"")?;
    same("shell", &sourced.stdout, value.as_bytes())
}

#[test]
fn any_value_round_trips_through_every_path() {
    let (sb, fresh) = (age_sandbox(), age_sandbox());
    let mut runner = fixed_runner(FIDELITY_CASES);
    let result = runner.run(&value(), |v| {
        round_trips(&sb, &fresh, &v, true).map_err(TestCaseError::fail)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn a_one_mebibyte_value_round_trips() {
    let pattern = "$HOME `id` 'q' \"d\" a=b \\n\\ ü🔑\ttab\n  ";
    let mut value = pattern.repeat(LARGE_VALUE_BYTES / pattern.len() + 1);
    value.truncate(LARGE_VALUE_BYTES);
    let (sb, fresh) = (age_sandbox(), age_sandbox());
    round_trips(&sb, &fresh, &value, false).unwrap();
    // No environment variable can be that large (Linux caps one at 128 KiB): a clear error.
    let out = sb.run(&["exec", "--", "true"]);
    let stderr = out.fails(126);
    assert!(stderr.contains("cannot pass V to true"), "{stderr}");
    assert!(!stderr.contains("$HOME `id`"), "the value is not echoed");
}
