//! Config text printed to a terminal has its control characters escaped (issue 16, item 12): a
//! hostile fnox.toml cannot write the clipboard (OSC 52), clear lines or reorder text through
//! names, descriptions, provider names or profile names shown by list, doctor, check, profiles,
//! provider list, errors, warnings and the hook's summary.

use insta::assert_snapshot;

use crate::support::{age_config, Output, Sandbox};

/// OSC 52 (set the clipboard to "evil"), erase line, carriage return, C1 CSI, a bidi override.
const OSC52: &str = "\\u001b]52;c;ZXZpbA==\\u0007";
const HOSTILE: &str = "\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2K\\r\\u009b1A\\u202e";

fn hostile_sandbox() -> Sandbox {
    let sb = Sandbox::new();
    let text = age_config().replace(
        "[secrets]\n",
        &format!(
            "\"evil{OSC52}\" = {{ type = \"plain\" }}\n\n[secrets]\n\
             \"NAME{HOSTILE}\" = {{ default = \"v\", description = \"desc{HOSTILE}\" }}\n\
             GONE = {{ description = \"gone{OSC52}\", if_missing = \"warn\" }}\n\
             BROKEN = {{ provider = \"nope{OSC52}\", value = \"x\", if_missing = \"error\" }}\n\n\
             [profiles.\"p{OSC52}\".secrets]\nP = {{ default = \"p\" }}\n"
        ),
    );
    sb.write("fnox.toml", &text);
    sb
}

/// No raw ESC, BEL, CR, C1 CSI or bidi override reached the terminal.
#[track_caller]
fn assert_clean(what: &str, out: &Output) {
    let text = format!("{}{}", out.stdout, out.stderr);
    for bad in ['\u{1b}', '\u{7}', '\r', '\u{9b}', '\u{202e}'] {
        assert!(
            !text.contains(bad),
            "{what}: a raw {:?} reached the terminal:\n{text}",
            bad
        );
    }
}

#[test]
fn listings_escape_control_characters_from_fnox_toml() {
    let sb = hostile_sandbox();
    for args in [
        &["list"][..],
        &["list", "--values"],
        &["list", "--complete"],
        &["list", "--sources"],
        &["doctor"],
        &["check"],
        &["check", "--all"],
        &["profiles"],
        &["provider", "list"],
        &["provider", "test", "--all"],
        &["config-files"],
        &["export"],
        &["get", "NAME"],
        &["set", "--dry-run", "NAME\u{1b}]52;c;eA==\u{7}", "v"],
        &["remove", "--dry-run", "GONE"],
    ] {
        let out = sb.run(args);
        assert_clean(&args.join(" "), &out);
    }
    let out = sb.run(&["list"]);
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    Key                                                       Type                                      Provider Key  Description
    NAME\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2K\r\u{9b}1A\u{202e}  default value                                           desc\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2K\r\u{9b}1A\u{202e}
    GONE                                                      env var                                                 gone\u{1b}]52;c;ZXZpbA==\u{7}
    BROKEN                                                    provider (nope\u{1b}]52;c;ZXZpbA==\u{7})  x
    --- stderr
    ");
}

#[test]
fn errors_and_warnings_escape_control_characters_from_fnox_toml() {
    let sb = hostile_sandbox();
    let out = sb.run(&["get", "BROKEN"]);
    assert_clean("get BROKEN", &out);
    assert!(
        out.stderr.contains("nope\\u{1b}]52;c;ZXZpbA==\\u{7}"),
        "{}",
        out.stderr
    );
    // A name typed with control characters is echoed escaped too.
    let out = sb.run(&["get", "NAMEX\u{1b}[2K"]);
    assert_clean("get unknown", &out);
    assert_eq!(out.code, 1);
    let out = sb.run(&["exec", "--", "true"]);
    assert_clean("exec", &out);
    let out = sb.run(&["-P", "p\u{1b}]52;c;ZXZpbA==\u{7}", "list"]);
    assert_clean("-P", &out);
}

#[test]
fn the_hook_summary_escapes_control_characters_in_names() {
    let sb = hostile_sandbox();
    for output in ["normal", "debug"] {
        let out = sb.output(
            sb.fnox()
                .env("FNOX_SHELL_OUTPUT", output)
                .args(["hook-env", "-s", "bash"]),
        );
        // stdout is code for the shell to eval, quoted by the shell module; stderr is for people.
        let stderr = Output {
            stdout: String::new(),
            ..out
        };
        assert_clean(&format!("hook-env ({output})"), &stderr);
    }
}
