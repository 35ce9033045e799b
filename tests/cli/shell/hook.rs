//! The hook in every shell: load on enter, unload and restore on leave, byte-exact values,
//! nothing done at an unchanged prompt, `deactivate`.

use base64::Engine;
use insta::assert_snapshot;

use super::*;
use crate::support::Sandbox;

#[test]
fn secrets_load_on_enter_and_unload_on_leave() {
    let sb = Sandbox::new();
    let proj = age_project(
        &sb,
        "proj",
        &[("API_KEY", "k-123"), ("DB_URL", "postgres://x")],
    );
    for sh in ALL_SHELLS {
        let script = [
            sh.activate(),
            sh.prompt().into(),
            sh.dump(&sb, "before"),
            sh.enter(&proj),
            sh.dump(&sb, "inside"),
            sh.enter(&proj.join("..")),
            sh.dump(&sb, "after"),
        ]
        .concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        let (before, inside, after) = (
            env_at(&sb, "before"),
            env_at(&sb, "inside"),
            env_at(&sb, "after"),
        );
        assert_eq!(before.get("FNOX_SHELL").map(String::as_str), Some(sh.name));
        assert!(!before.contains_key("API_KEY"), "{}", sh.name);
        assert_eq!(inside["API_KEY"], "k-123", "{}", sh.name);
        assert_eq!(inside["DB_URL"], "postgres://x", "{}", sh.name);
        assert!(inside.contains_key("__FNOX_SESSION"), "{}", sh.name);
        for gone in ["API_KEY", "DB_URL", "__FNOX_SESSION"] {
            assert!(!after.contains_key(gone), "{}: {gone} left behind", sh.name);
        }
        assert_eq!(
            ran.stderr, "fnox: +2 API_KEY, DB_URL\nfnox: -2 API_KEY, DB_URL\n",
            "{}",
            sh.name
        );
        assert_eq!(ran.stdout, "", "{}", sh.name);
    }
}

#[test]
fn leaving_restores_the_users_own_value_and_the_state_holds_no_secret() {
    let sb = Sandbox::new();
    let proj = age_project(&sb, "proj", &[("API_KEY", "the-secret"), ("NEW_ONE", "s2")]);
    for sh in ALL_SHELLS {
        let script = [
            sh.export("API_KEY", "mine"),
            sh.activate(),
            sh.prompt().into(),
            sh.enter(&proj),
            sh.dump(&sb, "inside"),
            sh.enter(&sb.cwd),
            sh.dump(&sb, "after"),
        ]
        .concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        let inside = env_at(&sb, "inside");
        assert_eq!(inside["API_KEY"], "the-secret", "{}", sh.name);
        let state = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(&inside["__FNOX_SESSION"])
            .expect("base64 state");
        let state = String::from_utf8(state).unwrap();
        assert!(
            !state.contains("the-secret") && !state.contains("s2\""),
            "{state}"
        );
        let after = env_at(&sb, "after");
        assert_eq!(after["API_KEY"], "mine", "{}: restored", sh.name);
        assert!(!after.contains_key("NEW_ONE"), "{}", sh.name);
    }
}

#[test]
fn nested_directories_layer_hierarchical_configs() {
    let sb = Sandbox::new();
    // The child first: `set` in the child would otherwise update the parent's entry.
    let svc = age_project(
        &sb,
        "proj/svc",
        &[("OVERRIDDEN", "svc"), ("ONLY_SVC", "svc")],
    );
    let proj = age_project(&sb, "proj", &[("SHARED", "top"), ("OVERRIDDEN", "top")]);
    std::fs::create_dir_all(svc.join("deeper")).unwrap();
    for sh in ALL_SHELLS {
        let script = [
            sh.activate(),
            sh.enter(&proj),
            sh.dump(&sb, "proj"),
            sh.enter(&svc),
            sh.dump(&sb, "svc"),
            sh.enter(&svc.join("deeper")),
            sh.dump(&sb, "deeper"),
            sh.enter(&proj),
            sh.dump(&sb, "back"),
            sh.enter(&sb.cwd),
            sh.dump(&sb, "out"),
        ]
        .concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        let get = |file: &str, var: &str| env_at(&sb, file).get(var).cloned();
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(get("proj", "SHARED"), s("top"), "{}", sh.name);
        assert_eq!(get("proj", "OVERRIDDEN"), s("top"), "{}", sh.name);
        assert_eq!(get("proj", "ONLY_SVC"), None, "{}", sh.name);
        for file in ["svc", "deeper"] {
            assert_eq!(get(file, "SHARED"), s("top"), "{} {file}", sh.name);
            assert_eq!(get(file, "OVERRIDDEN"), s("svc"), "{} {file}", sh.name);
            assert_eq!(get(file, "ONLY_SVC"), s("svc"), "{} {file}", sh.name);
        }
        assert_eq!(get("back", "OVERRIDDEN"), s("top"), "{}", sh.name);
        assert_eq!(get("back", "ONLY_SVC"), None, "{}", sh.name);
        for var in ["SHARED", "OVERRIDDEN", "ONLY_SVC", "__FNOX_SESSION"] {
            assert_eq!(get("out", var), None, "{} {var}", sh.name);
        }
    }
}

#[test]
fn a_profile_switch_takes_effect_at_the_next_prompt() {
    let sb = Sandbox::new();
    let proj = age_project(&sb, "proj", &[("DB", "dev-db"), ("COMMON", "c")]);
    sb.output(
        sb.fnox_in(&proj)
            .args(["--write-profile", "prod", "set", "DB", "prod-db"]),
    )
    .ok();
    sb.output(
        sb.fnox_in(&proj)
            .args(["--write-profile", "prod", "set", "PROD_ONLY", "p"]),
    )
    .ok();
    for sh in ALL_SHELLS {
        let script = [
            sh.activate(),
            sh.enter(&proj),
            sh.dump(&sb, "dev"),
            sh.export("FNOX_PROFILE", "prod"),
            sh.prompt().into(),
            sh.dump(&sb, "prod"),
            sh.export("FNOX_PROFILE", "default"),
            sh.prompt().into(),
            sh.dump(&sb, "default"),
        ]
        .concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        let (dev, prod, default) = (
            env_at(&sb, "dev"),
            env_at(&sb, "prod"),
            env_at(&sb, "default"),
        );
        assert_eq!(dev["DB"], "dev-db", "{}", sh.name);
        assert!(!dev.contains_key("PROD_ONLY"), "{}", sh.name);
        assert_eq!(prod["DB"], "prod-db", "{}", sh.name);
        assert_eq!(prod["PROD_ONLY"], "p", "{}", sh.name);
        assert_eq!(prod["COMMON"], "c", "{}", sh.name);
        assert_eq!(default["DB"], "dev-db", "{}", sh.name);
        assert!(!default.contains_key("PROD_ONLY"), "{}", sh.name);
    }
}

const AWKWARD: &[(&str, &str)] = &[
    ("SUBST", "$(touch pwned)"),
    ("BACKTICKS", "`touch pwned`"),
    ("DOLLARS", "$HOME ${HOME} $$ $1 $@ %s"),
    ("QUOTES", "\"double\" 'single' '\\'' \\' end'"),
    ("NEWLINES", "line1\nline2\n\n"),
    ("UNICODE", "ünïcødé ✓ 🔑"),
    ("BACKSLASH", "C:\\dir\\n \\ \\\\"),
    ("SPACES", "  lead; trail & | > <  "),
    ("FISH", "(touch pwned) {a,b} ~ * ?"),
    ("EMPTY", ""),
];

#[test]
fn values_full_of_metacharacters_arrive_byte_exact_and_never_run() {
    let sb = Sandbox::new();
    let proj = age_project(&sb, "proj", AWKWARD);
    for sh in ALL_SHELLS {
        let script = [sh.activate(), sh.enter(&proj), sh.dump(&sb, "inside")].concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        let env = env_at(&sb, "inside");
        for (name, value) in AWKWARD {
            assert_eq!(
                env.get(*name).map(String::as_str),
                Some(*value),
                "{} {name}",
                sh.name
            );
        }
        for dir in [&sb.cwd, &proj, &sb.home] {
            assert!(
                !dir.join("pwned").exists(),
                "{}: a value was executed",
                sh.name
            );
        }
    }
}

#[test]
fn an_unchanged_prompt_prints_nothing_and_reads_no_config() {
    let sb = Sandbox::new();
    let proj = age_project(&sb, "proj", &[("API_KEY", "v1")]);
    std::fs::create_dir_all(proj.join("src")).unwrap();
    for sh in SHELLS {
        let hook_env = format!("fnox hook-env -s {}", sh.name);
        let o = |name: &str| out_file(&sb, name).display().to_string();
        let script = [
            sh.activate(),
            sh.enter(&proj),
            format!("{hook_env} > '{}' 2> '{}'\n", o("same"), o("same.err")),
            // Another directory that sees the same config files: still nothing to do.
            format!(
                "cd src\nFNOX_SHELL_OUTPUT=debug {hook_env} > '{}' 2> '{}'\n",
                o("sub"),
                o("sub.err")
            ),
            "cd ..\n".into(),
            format!("{hook_env} > '{}'\n", o("again")),
        ]
        .concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        assert_eq!(read_out(&sb, "same"), "", "{}", sh.name);
        assert_eq!(read_out(&sb, "same.err"), "", "{}", sh.name);
        assert_eq!(read_out(&sb, "sub"), "", "{}", sh.name);
        let debug = read_out(&sb, "sub.err");
        assert!(
            debug.contains("fnox: nothing changed"),
            "{}: {debug}",
            sh.name
        );
        assert_eq!(read_out(&sb, "again"), "", "{}", sh.name);
    }

    // A changed file is noticed at the next prompt.
    for sh in SHELLS {
        let script = [
            sh.activate(),
            sh.enter(&proj),
            format!("fnox set API_KEY v2 2>/dev/null\n{}", sh.prompt()),
            sh.dump(&sb, "changed"),
        ]
        .concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        assert_eq!(env_at(&sb, "changed")["API_KEY"], "v2", "{}", sh.name);
        assert_eq!(
            ran.stderr, "fnox: +1 API_KEY\nfnox: +1 API_KEY\n",
            "{}",
            sh.name
        );
        sb.output(sb.fnox_in(&proj).args(["set", "API_KEY", "v1"]))
            .ok();
    }
}

#[test]
fn env_exec_and_env_false_never_enter_the_shell() {
    let sb = Sandbox::new();
    let proj = age_project(&sb, "proj", &[("IN_SHELL", "yes")]);
    sb.write(
        "proj/fnox.local.toml",
        "[secrets]\nEXEC_ONLY = { default = \"x\", env = \"exec\" }\nNOWHERE = { default = \"n\", env = false }\n",
    );
    let quiet = age_project(&sb, "quiet", &[("HIDDEN", "h")]);
    sb.write("quiet/fnox.local.toml", "env = \"exec\"\n");
    for sh in ALL_SHELLS {
        let script = [
            sh.activate(),
            sh.enter(&proj),
            sh.dump(&sb, "proj.env"),
            sh.enter(&quiet),
            sh.dump(&sb, "quiet.env"),
        ]
        .concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        let env = env_at(&sb, "proj.env");
        assert_eq!(env["IN_SHELL"], "yes", "{}", sh.name);
        assert!(!env.contains_key("EXEC_ONLY"), "{}", sh.name);
        assert!(!env.contains_key("NOWHERE"), "{}", sh.name);
        assert!(
            !env_at(&sb, "quiet.env").contains_key("HIDDEN"),
            "{}",
            sh.name
        );
    }
    // exec still gets the "exec" one.
    let out = sb.output(
        sb.fnox_in(&proj)
            .args(["exec", "--", "printenv", "EXEC_ONLY"]),
    );
    assert_eq!(out.ok(), "x\n");
}

#[test]
fn a_broken_secret_warns_on_stderr_and_the_shell_goes_on() {
    let sb = Sandbox::new();
    let proj = age_project(&sb, "proj", &[("GOOD", "g")]);
    sb.write(
        "proj/fnox.local.toml",
        "[secrets]\nBROKEN = { provider = \"age\", value = \"bm90IGFnZQ==\" }\n",
    );
    let strict = age_project(&sb, "strict", &[("GOOD", "g")]);
    sb.write(
        "strict/fnox.local.toml",
        "[secrets]\nBROKEN = { provider = \"age\", value = \"bm90IGFnZQ==\", if_missing = \"error\" }\n",
    );
    let unparsable = sb.path("unparsable");
    sb.write("unparsable/fnox.toml", "[secrets\n");
    for sh in SHELLS {
        let script = [
            sh.activate(),
            sh.enter(&proj),
            sh.dump(&sb, "warn.env"),
            sh.enter(&strict),
            sh.dump(&sb, "strict.env"),
            sh.prompt().into(),
            sh.enter(&unparsable),
            sh.dump(&sb, "unparsable.env"),
            "echo still-running\n".into(),
        ]
        .concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        assert_eq!(ran.stdout, "still-running\n", "{}", sh.name);
        let warn = env_at(&sb, "warn.env");
        assert_eq!(warn["GOOD"], "g", "{}", sh.name);
        assert!(!warn.contains_key("BROKEN"), "{}", sh.name);
        // Nothing from the previous directory lingers where loading failed.
        assert!(
            !env_at(&sb, "strict.env").contains_key("GOOD"),
            "{}",
            sh.name
        );
        assert!(
            !env_at(&sb, "unparsable.env").contains_key("GOOD"),
            "{}",
            sh.name
        );
        let err = &ran.stderr;
        assert!(err.contains("BROKEN"), "{}: {err}", sh.name);
        assert!(
            err.contains("Invalid TOML in configuration file"),
            "{}: {err}",
            sh.name
        );
        // Once per change, not at every prompt.
        assert_eq!(err.matches("tries again").count(), 2, "{}: {err}", sh.name);
    }
}

#[test]
fn deactivate_unloads_restores_and_removes_the_hook() {
    let sb = Sandbox::new();
    let proj = age_project(&sb, "proj", &[("API_KEY", "s"), ("OTHER", "o")]);
    let other = age_project(&sb, "other", &[("ELSEWHERE", "e")]);
    for sh in ALL_SHELLS {
        let hooked = if sh.nu() {
            "if ($env.config.hooks.pre_prompt | length) > 0 or \"FNOX_SHELL\" in $env { print hooked } else { print unhooked }\n"
        } else if sh.fish() {
            "functions -q __fnox_env_eval fnox; and echo hooked; or echo unhooked\n"
        } else if sh.name == "zsh" {
            "(( ${precmd_functions[(I)_fnox_hook]} + ${+functions[fnox]} + ${+functions[_fnox_hook]} )) && echo hooked || echo unhooked\n"
        } else {
            "if [[ \"$PROMPT_COMMAND\" == *_fnox_hook* ]] || declare -F fnox >/dev/null || declare -F _fnox_hook >/dev/null; then echo hooked; else echo unhooked; fi\n"
        };
        let script = [
            sh.export("API_KEY", "mine"),
            sh.activate(),
            hooked.into(),
            sh.enter(&proj),
            "fnox deactivate\n".into(),
            hooked.into(),
            sh.dump(&sb, "after"),
            format!("cd '{}'\n", other.display()),
            sh.dump(&sb, "elsewhere"),
        ]
        .concat();
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        assert_eq!(
            ran.stdout, "hooked\nunhooked\n",
            "{}: {}",
            sh.name, ran.stderr
        );
        let after = env_at(&sb, "after");
        assert_eq!(after["API_KEY"], "mine", "{}", sh.name);
        for gone in ["OTHER", "FNOX_SHELL", "__FNOX_SESSION"] {
            assert!(!after.contains_key(gone), "{}: {gone}", sh.name);
        }
        assert!(
            !env_at(&sb, "elsewhere").contains_key("ELSEWHERE"),
            "{}",
            sh.name
        );
    }
}

#[test]
fn hook_env_writes_only_code_to_stdout_and_a_summary_to_stderr() {
    let sb = Sandbox::new();
    let proj = age_project(&sb, "proj", &[("API_KEY", "it's")]);
    let out = sb.output(sb.fnox_in(&proj).args(["hook-env", "-s", "bash"]));
    let stdout = out.ok();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "export API_KEY='it'\\''s'");
    assert!(lines[1].starts_with("export __FNOX_SESSION="), "{stdout}");
    assert_eq!(lines.len(), 2);
    assert_eq!(out.stderr, "fnox: +1 API_KEY\n");

    let out = sb.output(
        sb.fnox_in(&proj)
            .args(["hook-env", "-s", "fish"])
            .env("FNOX_SHELL_OUTPUT", "none"),
    );
    assert!(out
        .ok()
        .starts_with("set -gx API_KEY 'it\\'s'\nset -gx __FNOX_SESSION \""));
    assert_eq!(out.stderr, "");

    // No config anywhere and nothing loaded: nothing to say.
    let out = sb.run(&["hook-env", "-s", "zsh"]);
    assert_eq!(out.ok(), "");
    assert_eq!(out.stderr, "");
}

#[test]
fn activate_picks_the_shell_and_deactivate_needs_an_active_hook() {
    let sb = Sandbox::new();
    let out = sb.output(sb.fnox().arg("activate").env("SHELL", "/usr/bin/zsh"));
    assert!(
        out.ok().starts_with("export FNOX_SHELL=zsh\n"),
        "{}",
        out.stdout
    );
    assert_snapshot!(sb.output(sb.fnox().arg("activate").env("SHELL", "/bin/tcsh")).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::shell::error]: unsupported shell: tcsh
      hint: fnox hooks into bash, zsh, fish, nu and pwsh: fnox activate bash | zsh | fish | nu | pwsh
    ");
    assert_snapshot!(sb.output(sb.fnox().arg("activate").env_remove("SHELL")).all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::usage]: which shell? $SHELL is not set
      hint: name it: fnox activate bash | zsh | fish | nu | pwsh
    ");
    // A damaged state is reported and dropped; the prompt goes on.
    let mut damaged = sb.fnox();
    damaged
        .args(["hook-env", "-s", "bash"])
        .env("__FNOX_SESSION", "%%");
    assert_snapshot!(sb.output(&mut damaged).all(), @"
    exit: 0
    --- stdout
    unset __FNOX_SESSION
    --- stderr
    error[fnox::shell::error]: __FNOX_SESSION is damaged
      caused by: Invalid symbol 37, offset 0.
      hint: leave it to fnox; `fnox deactivate` and activate again to start afresh
    ");
}

#[test]
fn a_changed_import_is_noticed_at_the_next_prompt() {
    let sb = Sandbox::new();
    sb.write(
        "shared/common.toml",
        "[secrets]\nFROM_IMPORT = { default = \"v1\" }\n",
    );
    sb.write("proj/fnox.toml", "import = [\"../shared/common.toml\"]\n");
    let proj = sb.path("proj");
    let hook = |session: Option<&str>, value: Option<&str>| {
        let mut cmd = sb.fnox_in(&proj);
        cmd.args(["hook-env", "-s", "bash"]);
        if let Some(s) = session {
            cmd.env("__FNOX_SESSION", s);
        }
        if let Some(v) = value {
            cmd.env("FROM_IMPORT", v);
        }
        sb.output(&mut cmd).ok().to_owned()
    };
    let session_of = |code: &str| {
        let line = code
            .lines()
            .find(|l| l.starts_with("export __FNOX_SESSION="))
            .unwrap();
        line.trim_start_matches("export __FNOX_SESSION=")
            .trim_matches('\'')
            .to_owned()
    };
    let first = hook(None, None);
    assert!(first.starts_with("export FROM_IMPORT=v1\n"), "{first}");
    let session = session_of(&first);
    assert_eq!(hook(Some(&session), Some("v1")), "");
    sb.write(
        "shared/common.toml",
        "[secrets]\nFROM_IMPORT = { default = \"v2\" }\n",
    );
    let changed = hook(Some(&session), Some("v1"));
    assert!(changed.starts_with("export FROM_IMPORT=v2\n"), "{changed}");
}
