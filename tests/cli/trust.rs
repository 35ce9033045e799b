//! Trust: a fnox.toml the user did not approve runs nothing, sends no credential to an address
//! only it names, pulls in no file from outside its directory, and loads nothing into the shell;
//! `fnox trust` / `untrust`; the ownership rule; names that change how programs run.

use std::io::Read;
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use crate::shell::{env_at, run, SHELLS};
use crate::support::{Sandbox, TEST_PUBLIC_KEY};

/// An age recipient whose identity no test holds.
pub(crate) const STRANGER: &str = "age1ne2m47v43nmgct5kjyes5xh03dghcjed2yzyewawr5jy6za4mehqwgfcmm";

#[test]
fn the_hook_loads_nothing_from_an_untrusted_file_until_fnox_trust() {
    for sh in SHELLS {
        let sb = Sandbox::untrusted();
        // A hostile file in a parent directory (a shared /tmp, a cloned repository): a name the
        // shell runs, and a provider whose credential command would run at the first prompt.
        let ran_marker = sb.root.path().join("CREDENTIAL_COMMAND_RAN");
        sb.write(
            "fnox.toml",
            &format!(
                "[secrets]\nPROMPT_COMMAND = {{ default = \"touch PWNED\" }}\nTOKEN = {{ default = \"t-1\" }}\n\
                 V = {{ provider = \"vault\", value = \"secret/v\", if_missing = \"ignore\" }}\n\n\
                 [providers]\nvault = {{ type = \"vault\", address = \"http://127.0.0.1:9\", credential_command = \"touch {}\" }}\n",
                ran_marker.display()
            ),
        );
        let proj = sb.path("proj");
        std::fs::create_dir_all(&proj).unwrap();
        let first = format!(
            "{}{}{}",
            sh.activate(),
            sh.enter(&proj),
            sh.dump(&sb, "before.env")
        );
        let Some(ran) = run(&sb, sh, &first) else {
            return;
        };
        ran.ok(sh);
        let before = env_at(&sb, "before.env");
        assert!(!before.contains_key("TOKEN"), "{}: {:?}", sh.name, before);
        assert!(!before.contains_key("PROMPT_COMMAND"), "{}", sh.name);
        assert!(
            !ran_marker.exists(),
            "{}: the credential command ran",
            sh.name
        );
        assert!(
            ran.stderr
                .contains("fnox.toml is not trusted; run 'fnox trust' to load it"),
            "{}: {}",
            sh.name,
            ran.stderr
        );
        let second = format!(
            "{}{}fnox trust\n{}{}",
            sh.activate(),
            sh.enter(&proj),
            sh.prompt(),
            sh.dump(&sb, "after.env"),
        );
        let ran = run(&sb, sh, &second).expect("the shell ran before");
        ran.ok(sh);
        assert!(
            ran.stderr.contains("✓ Trusted [CWD]/fnox.toml"),
            "{}",
            ran.stderr
        );
        assert!(
            ran_marker.exists(),
            "{}: once trusted, its command runs",
            sh.name
        );
        let after = env_at(&sb, "after.env");
        assert_eq!(
            after.get("TOKEN").map(String::as_str),
            Some("t-1"),
            "{}",
            sh.name
        );
        // Trusted or not, a name that changes how the shell runs is never set from a secret.
        assert!(!after.contains_key("PROMPT_COMMAND"), "{}", sh.name);
        assert!(
            ran.stderr.contains(
                "PROMPT_COMMAND is not loaded into the shell (secrets.PROMPT_COMMAND in [CWD]/fnox.toml:2): PROMPT_COMMAND changes how programs or shells run"
            ),
            "{}: {}",
            sh.name,
            ran.stderr
        );
        assert!(!proj.join("PWNED").exists() && !sb.path("PWNED").exists());
    }
}

#[test]
fn an_untrusted_credential_command_never_runs() {
    let sb = Sandbox::untrusted();
    let marker = sb.root.path().join("RAN");
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nvault = {{ type = \"vault\", credential_command = \"touch {}; echo tok\" }}\n\n[secrets]\nX = {{ provider = \"vault\", value = \"secret/x\" }}\n",
            marker.display()
        ),
    );
    let get = || {
        sb.output(
            sb.fnox()
                .env("VAULT_ADDR", "http://127.0.0.1:9")
                .args(["get", "X"]),
        )
    };
    let out = get();
    insta::assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::trust::untrusted]: cannot resolve X (secrets.X in ./fnox.toml:5)
      caused by: ./fnox.toml is not trusted: it would run the `credential_command` of provider 'vault'
      caused by: a config file you have not approved may not run commands, send your credentials to an address it names, or import files from outside its directory
      hint: read it, then run 'fnox trust' to allow it (fnox trust ./fnox.toml)
    ");
    assert!(!marker.exists(), "the command ran");
    sb.run(&["trust"]).ok();
    get().fails(1);
    assert!(marker.exists(), "once trusted, it runs");
}

#[test]
fn untrusted_gpg_opts_never_reach_gpg() {
    let sb = Sandbox::untrusted();
    let marker = sb.root.path().join("AGENT");
    let agent = sb.write(
        "agent.sh",
        &format!("#!/bin/sh\ntouch {}\n", marker.display()),
    );
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\npass = {{ type = \"password-store\", gpg_opts = \"--agent-program {}\" }}\n\n[secrets]\nX = {{ provider = \"pass\", value = \"x\" }}\n",
            agent.display()
        ),
    );
    let err = sb.run(&["get", "X"]).fails(1).to_owned();
    assert!(
        err.contains("it would run the `gpg_opts` of provider 'pass'"),
        "{err}"
    );
    assert!(!marker.exists());
}

/// A loopback server that records whether anything connected, and the first request's bytes.
pub(crate) fn listener() -> (String, mpsc::Receiver<String>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", l.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for conn in l.incoming() {
            let Ok(mut conn) = conn else { continue };
            conn.set_read_timeout(Some(Duration::from_millis(500))).ok();
            let mut buf = vec![0; 4096];
            let n = conn.read(&mut buf).unwrap_or(0);
            let _ = tx.send(String::from_utf8_lossy(&buf[..n]).into_owned());
        }
    });
    (addr, rx)
}

#[test]
fn a_vault_address_only_the_file_names_never_receives_your_token() {
    let sb = Sandbox::untrusted();
    sb.write_home(".vault-token", "s.my-own-token\n");
    let (addr, seen) = listener();
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nvault = {{ type = \"vault\", address = \"{addr}\" }}\n\n[secrets]\nX = {{ provider = \"vault\", value = \"secret/x\" }}\n"
        ),
    );
    let err = sb.run(&["get", "X"]).fails(1).to_owned();
    assert!(
        err.contains(&format!(
            "it would send your credentials for provider 'vault' to {addr} (its `address`)"
        )),
        "{err}"
    );
    assert!(
        seen.recv_timeout(Duration::from_millis(300)).is_err(),
        "nothing may connect"
    );
    // The environment's own address is the user's choice, not the file's.
    let out = sb.output(sb.fnox().env("VAULT_ADDR", &addr).args(["get", "X"]));
    out.fails(1);
    let request = seen
        .recv_timeout(Duration::from_secs(5))
        .expect("a request");
    assert!(request.contains("s.my-own-token"), "{request}");
}

#[test]
fn set_never_encrypts_to_recipients_an_untrusted_parent_file_names() {
    let sb = Sandbox::untrusted();
    sb.write_home(
        ".config/fnox/config.toml",
        &format!("[providers]\nage = {{ type = \"age\", recipients = [\"{TEST_PUBLIC_KEY}\"] }}\n"),
    );
    // The parent's age provider outranks the global one: it would get every new value.
    let hostile =
        format!("[providers]\nage = {{ type = \"age\", recipients = [\"{STRANGER}\"] }}\n");
    sb.write("fnox.toml", &hostile);
    let sub = sb.path("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let out = sb.output(sb.fnox_in(&sub).args(["set", "NEW", "my-secret"]));
    let err = out.fails(1);
    assert!(
        err.contains("is not trusted: it would write NEW with provider 'age', which it defines"),
        "{err}"
    );
    assert!(!err.contains("my-secret"));
    assert!(!sub.join("fnox.toml").exists(), "nothing written");
    assert_eq!(sb.read("fnox.toml"), hostile);
}

#[test]
fn an_untrusted_file_may_not_import_from_outside_its_directory() {
    let sb = Sandbox::untrusted();
    sb.write(
        "other/private.toml",
        "[secrets]\nP = { default = \"private\" }\n",
    );
    sb.write(
        "proj/fnox.toml",
        "import = [\"../other/private.toml\", \"./shared.toml\"]\n",
    );
    sb.write(
        "proj/shared.toml",
        "[secrets]\nS = { default = \"shared\" }\n",
    );
    let proj = sb.path("proj");
    let out = sb.output(sb.fnox_in(&proj).args(["get", "S"]));
    assert!(
        out.fails(1)
            .contains("it would import ../other/private.toml, which is outside its directory"),
        "{}",
        out.stderr
    );
    sb.output(sb.fnox_in(&proj).args(["trust", "fnox.toml"]))
        .ok();
    assert_eq!(
        sb.output(sb.fnox_in(&proj).args(["get", "P"])).ok(),
        "private\n"
    );
    // Inside its own directory an import needs nothing.
    sb.write("proj/fnox.toml", "import = [\"./shared.toml\"]\n");
    assert_eq!(
        sb.output(sb.fnox_in(&proj).args(["get", "S"])).ok(),
        "shared\n"
    );
}

#[test]
fn data_from_an_untrusted_file_still_works_for_commands_you_type() {
    let sb = Sandbox::untrusted();
    let text = std::fs::read_to_string(crate::support::fixture("upstream/before.toml")).unwrap();
    sb.write("fnox.toml", &text);
    assert_eq!(sb.run(&["get", "EXISTING"]).ok(), "existing-value\n");
}

#[test]
fn trust_list_untrust_and_a_change_by_someone_else() {
    let sb = Sandbox::untrusted();
    let path = sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    let real = std::fs::canonicalize(&path).unwrap();
    assert_eq!(
        sb.run(&["trust", "--list"]).stderr,
        "No config files are trusted (fnox trust PATH adds one)\n"
    );
    sb.run(&["trust", "fnox.toml"]).ok();
    assert_eq!(
        sb.run(&["trust", "--list"]).ok(),
        format!("{}  (trusted)\n", sb.redact(&real.display().to_string()))
    );
    // fnox's own edits keep it trusted...
    sb.run(&["set", "B", "--default", "b"]).ok();
    assert!(sb.run(&["trust", "--list"]).ok().contains("(trusted)"));
    // ...an edit by anyone else needs approval again.
    sb.write(
        "fnox.toml",
        &format!("{}C = {{ default = \"c\" }}\n", sb.read("fnox.toml")),
    );
    assert!(sb
        .run(&["trust", "--list"])
        .ok()
        .contains("(changed since trusted)"));
    sb.run(&["untrust", "fnox.toml"]).ok();
    let err = sb.run(&["untrust", "fnox.toml"]).fails(1).to_owned();
    assert!(err.contains("was not trusted"), "{err}");
}

#[test]
fn files_owned_by_someone_else_or_writable_by_all_are_ignored() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::untrusted();
    let path = sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = sb.run(&["get", "A"]);
    assert!(
        out.fails(1).starts_with(
            "warning: ignoring ./fnox.toml: everyone can write to it; fnox loads only config files you own that others cannot write\n"
        ),
        "{}",
        out.stderr
    );
    let err = sb.run(&["trust", "fnox.toml"]).fails(1).to_owned();
    assert!(
        err.contains("cannot trust ./fnox.toml: everyone can write to it"),
        "{err}"
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    // SAFETY: chown on a file of this test's own sandbox.
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    if unsafe { libc::geteuid() } == 0 {
        assert_eq!(unsafe { libc::chown(c.as_ptr(), 4242, 4242) }, 0);
        let err = sb.run(&["get", "A"]).fails(1).to_owned();
        assert!(err.contains("it is owned by uid 4242, not by you"), "{err}");
    }
}

#[test]
fn ci_trusts_the_work_tree_of_the_job_and_nothing_above_it() {
    let sb = Sandbox::untrusted();
    let marker = sb.root.path().join("RAN");
    let config = format!(
        "[providers]\nvault = {{ type = \"vault\", credential_command = \"touch {}; echo tok\" }}\n\n[secrets]\nX = {{ provider = \"vault\", value = \"secret/x\" }}\n",
        marker.display()
    );
    sb.write("repo/fnox.toml", &config);
    std::fs::create_dir_all(sb.path("repo/.git")).unwrap();
    let repo = sb.path("repo");
    let get = |dir: &std::path::Path| {
        sb.output(
            sb.fnox_in(dir)
                .env("CI", "true")
                .env("VAULT_ADDR", "http://127.0.0.1:9")
                .args(["get", "X"]),
        )
    };
    get(&repo).fails(1);
    assert!(marker.exists(), "inside the job's checkout: trusted");
    std::fs::remove_file(&marker).unwrap();
    // A file above the work tree is not part of the job's code.
    std::fs::remove_file(sb.path("repo/fnox.toml")).unwrap();
    sb.write("fnox.toml", &config);
    let err = get(&repo).fails(1).to_owned();
    assert!(err.contains("fnox::trust::untrusted"), "{err}");
    assert!(!marker.exists());
    // FNOX_TRUST_ALL trusts everything.
    sb.output(
        sb.fnox_in(&repo)
            .env("FNOX_TRUST_ALL", "1")
            .env("VAULT_ADDR", "http://127.0.0.1:9")
            .args(["get", "X"]),
    )
    .fails(1);
    assert!(marker.exists());
}

#[test]
fn exec_never_sets_a_name_that_changes_how_programs_run_unless_the_secret_opts_in() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nPATH = { default = \"/nowhere\" }\nLD_PRELOAD = { default = \"/tmp/evil.so\" }\nOK = { default = \"fine\" }\n",
    );
    let out = sb.run(&[
        "exec",
        "--",
        "sh",
        "-c",
        "echo \"$PATH|${LD_PRELOAD-unset}|$OK\"",
    ]);
    let path = std::env::var("PATH").unwrap();
    assert_eq!(out.ok(), format!("{path}|unset|fine\n"));
    assert!(
        out.stderr.contains("PATH is not passed to the command (secrets.PATH in ./fnox.toml:2): PATH changes how programs or shells run; set `allow_dangerous_name = true` on the secret to set it anyway"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("LD_PRELOAD is not passed"),
        "{}",
        out.stderr
    );
    sb.write(
        "fnox.toml",
        "[secrets]\nLD_PRELOAD = { default = \"\", allow_dangerous_name = true }\n",
    );
    let out = sb.run(&["exec", "--", "sh", "-c", "echo \"[${LD_PRELOAD-unset}]\""]);
    assert_eq!(out.ok(), "[]\n");
}

#[test]
fn set_refuses_a_name_that_cannot_be_an_environment_variable() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &crate::support::age_config());
    for bad in ["A=B", "", "LINE\nBREAK"] {
        let out = sb.run(&["set", bad, "v"]);
        let err = out.fails(2);
        assert!(
            err.starts_with("error[fnox::secret::invalid_key]: invalid secret name"),
            "{bad:?}: {err}"
        );
    }
    assert_eq!(sb.read("fnox.toml"), crate::support::age_config());
}

#[test]
fn inherited_references_honour_env_false_and_reach_only_configured_providers() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\nHIDDEN = { default = \"keep-out\", env = false }\nSHOWN = { default = \"shown\" }\n",
    );
    let printenv = |extra: &[&str], var: &str| {
        let mut args = vec!["exec"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--", "printenv", var]);
        sb.output(
            sb.fnox()
                .env("LEAK", "fnox://HIDDEN")
                .env("OK_REF", "fnox://SHOWN")
                .env("ELSEWHERE", "secret://password-store/some/entry")
                .env("PASSWORD_STORE_DIR", sb.path("no-store"))
                .args(&args),
        )
    };
    let out = printenv(&[], "LEAK");
    assert_eq!(out.ok(), "fnox://HIDDEN\n", "left as it is, never resolved");
    assert!(
        out.stderr.contains("LEAK from the environment is left as it is: it refers to fnox://HIDDEN, and HIDDEN has env = false"),
        "{}",
        out.stderr
    );
    assert_eq!(printenv(&[], "OK_REF").ok(), "shown\n");
    let out = printenv(&[], "ELSEWHERE");
    assert_eq!(out.ok(), "secret://password-store/some/entry\n");
    assert!(
        out.stderr.contains(
            "this project configures no provider 'password-store'; pass --env-references"
        ),
        "{}",
        out.stderr
    );
    // Asked for, the reference is read with the type's defaults (here: a store that is not there).
    let out = printenv(&["--env-references"], "ELSEWHERE");
    assert!(
        out.fails(1)
            .contains("cannot set ELSEWHERE (from the environment)"),
        "{}",
        out.stderr
    );
}

#[test]
fn exec_names_a_variable_too_large_for_the_kernel_and_exits_126() {
    let sb = Sandbox::new();
    let big = "x".repeat(200 * 1024);
    sb.write(
        "fnox.toml",
        &format!("[secrets]\nHUGE = {{ default = \"{big}\" }}\n"),
    );
    let out = sb.run(&["exec", "--", "true"]);
    let err = out.fails(126);
    assert!(
        err.starts_with("error[fnox::command::environment_too_large]: cannot pass HUGE to true\n"),
        "{err}"
    );
    assert!(err.contains("its value is 204800 bytes"), "{err}");
}

#[test]
fn the_hook_leaves_out_a_value_too_large_for_every_program_the_shell_starts() {
    let sb = Sandbox::new();
    let big = "y".repeat(110 * 1024);
    sb.write(
        "fnox.toml",
        &format!("[secrets]\nHUGE = {{ default = \"{big}\" }}\nSMALL = {{ default = \"s\" }}\n"),
    );
    let out = sb.output(sb.fnox().args(["hook-env", "-s", "bash"]));
    let code = out.ok();
    assert!(code.contains("export SMALL=s"), "{code}");
    assert!(!code.contains("HUGE"), "left out");
    assert!(
        out.stderr.contains("HUGE is not loaded into the shell: its value is 112640 bytes, over the 100 KiB the hook exports"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_untrusted_file_cannot_opt_its_own_dangerous_names_in_nor_write_plaintext_through_set() {
    let sb = Sandbox::untrusted();
    sb.write(
        "fnox.toml",
        "[providers]\np = { type = \"plain\" }\n\n[secrets]\nPATH = { default = \"/evil\", allow_dangerous_name = true }\nAPI_KEY = { provider = \"p\" }\n",
    );
    let sub = sb.path("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let out = sb.output(
        sb.fnox_in(&sub)
            .args(["exec", "--", "sh", "-c", "echo $PATH"]),
    );
    assert_eq!(out.ok(), format!("{}\n", std::env::var("PATH").unwrap()));
    let out = sb.output(sb.fnox_in(&sub).args(["set", "API_KEY", "sup3rs3cret"]));
    assert!(
        out.fails(1).contains("fnox::trust::untrusted"),
        "{}",
        out.stderr
    );
    assert!(!sub.join("fnox.toml").exists());
}
