//! Trust across files: what a trusted file takes from an untrusted one (a provider field filled
//! from a secret, an entry copied by `set` / `sync`), which provider `reencrypt` and `edit`
//! write with, what the global config imports, names that redirect traffic, the trust store
//! itself (locked changes, its own ownership), and the smaller edges of the gate.

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use crate::support::{Sandbox, TEST_PUBLIC_KEY};
use crate::trust::{listener, STRANGER};

fn age_provider(recipient: &str) -> String {
    format!(
        "[providers]\nage = {{ type = \"age\", recipients = [\"{recipient}\"] }}\n\n[secrets]\n"
    )
}

/// A file holding A (a ciphertext this sandbox's key opens) under an age provider that now
/// names STRANGER, changed by "someone else" after the user trusted it: the attack of a file
/// that re-encrypts your values to its key.
fn hostile_with_my_ciphertext(sb: &Sandbox, rel: &str) -> String {
    sb.write(rel, &age_provider(TEST_PUBLIC_KEY));
    let dir = sb.path(rel).parent().unwrap().to_path_buf();
    sb.output(sb.fnox_in(&dir).args(["trust", "fnox.toml"]))
        .ok();
    sb.output(sb.fnox_in(&dir).args(["set", "A", "secret-a"]))
        .ok();
    let hostile = sb.read(rel).replace(TEST_PUBLIC_KEY, STRANGER);
    sb.write(rel, &hostile);
    hostile
}

#[test]
fn a_trusted_provider_takes_no_address_from_a_secret_of_an_untrusted_file() {
    let sb = Sandbox::untrusted();
    sb.write_home(".vault-token", "s.my-own-token\n");
    sb.write_home(
        ".config/fnox/config.toml",
        "[providers]\nvault = { type = \"vault\", address = { secret = \"VAULT_URL\" } }\n",
    );
    let (addr, seen) = listener();
    sb.write(
        "fnox.toml",
        &format!(
            "[secrets]\nVAULT_URL = {{ default = \"{addr}\" }}\nX = {{ provider = \"vault\", value = \"secret/x\" }}\n"
        ),
    );
    let err = sb.run(&["get", "X"]).fails(1).to_owned();
    assert!(
        err.contains("./fnox.toml is not trusted: it would set the `address` of provider 'vault' (through secret VAULT_URL, which it defines)"),
        "{err}"
    );
    assert!(!err.contains(&addr), "the value is not shown: {err}");
    assert!(
        seen.recv_timeout(Duration::from_millis(300)).is_err(),
        "nothing may connect"
    );
    // Once the user trusts the file, the address is theirs to choose.
    sb.run(&["trust"]).ok();
    sb.run(&["get", "X"]).fails(1);
    let request = seen
        .recv_timeout(Duration::from_secs(5))
        .expect("a request");
    assert!(request.contains("s.my-own-token"), "{request}");
}

#[test]
fn reencrypt_writes_each_value_with_the_provider_its_own_file_sees() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &age_provider(TEST_PUBLIC_KEY));
    sb.run(&["set", "A", "secret-a"]).ok();
    // A subdirectory redefines `age` for its own files only.
    sb.write("sub/fnox.toml", &age_provider(STRANGER));
    let sub = sb.path("sub");
    let out = sb.output(sb.fnox_in(&sub).args(["reencrypt", "--force"]));
    out.ok();
    assert_eq!(sb.run(&["get", "A"]).ok(), "secret-a\n", "{}", out.stderr);
}

#[test]
fn reencrypt_never_writes_to_recipients_an_untrusted_file_names() {
    let sb = Sandbox::untrusted();
    let hostile = hostile_with_my_ciphertext(&sb, "fnox.toml");
    let out = sb.run(&["reencrypt", "--force"]);
    let err = out.fails(1);
    assert!(
        err.contains("./fnox.toml is not trusted: it would re-encrypt values with provider 'age', which it defines"),
        "{err}"
    );
    assert_eq!(sb.read("fnox.toml"), hostile, "nothing written");
}

#[test]
fn edit_never_writes_to_recipients_an_untrusted_file_names() {
    let sb = Sandbox::untrusted();
    let hostile = hostile_with_my_ciphertext(&sb, "fnox.toml");
    let editor = sb.write(
        "editor.sh",
        "#!/bin/sh\nsed -i 's/^A = .*/A = \"changed\"/' \"$1\"\n",
    );
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = sb.output(sb.fnox().env("EDITOR", &editor).arg("edit"));
    let err = out.fails(1);
    assert!(
        err.contains(
            "./fnox.toml is not trusted: it would write A with provider 'age', which it defines"
        ),
        "{err}"
    );
    assert!(!err.contains("changed"), "{err}");
    assert_eq!(sb.read("fnox.toml"), hostile, "nothing written");
}

#[test]
fn set_leaves_an_untrusted_files_opt_in_behind_when_it_copies_the_entry() {
    let sb = Sandbox::untrusted();
    sb.write(
        "fnox.toml",
        "[secrets]\nPATH = { default = \"/evil\", allow_dangerous_name = true }\n",
    );
    let sub = sb.path("sub");
    std::fs::create_dir_all(&sub).unwrap();
    // The override written here is the user's own file (new files fnox writes are trusted).
    sb.output(
        sb.fnox_in(&sub)
            .args(["set", "PATH", "--description", "mine"]),
    )
    .ok();
    let written = std::fs::read_to_string(sub.join("fnox.toml")).unwrap();
    assert!(written.contains("default = \"/evil\""), "{written}");
    assert!(!written.contains("allow_dangerous_name"), "{written}");
    let out = sb.output(
        sb.fnox_in(&sub)
            .args(["exec", "--", "sh", "-c", "echo $PATH"]),
    );
    assert_eq!(out.ok(), format!("{}\n", std::env::var("PATH").unwrap()));
}

#[test]
fn what_the_global_config_imports_from_elsewhere_is_judged_as_any_other_file() {
    let sb = Sandbox::untrusted();
    let marker = sb.root.path().join("RAN");
    sb.write(
        "shared/providers.toml",
        &format!(
            "[providers]\nvault = {{ type = \"vault\", credential_command = \"touch {}; echo tok\" }}\n",
            marker.display()
        ),
    );
    sb.write_home(
        ".config/fnox/config.toml",
        &format!(
            "import = [\"{}\"]\n",
            sb.path("shared/providers.toml").display()
        ),
    );
    sb.write(
        "fnox.toml",
        "[secrets]\nX = { provider = \"vault\", value = \"secret/x\" }\n",
    );
    sb.run(&["trust", "fnox.toml"]).ok();
    let out = sb.output(
        sb.fnox()
            .env("VAULT_ADDR", "http://127.0.0.1:9")
            .args(["get", "X"]),
    );
    assert!(
        out.fails(1)
            .contains("providers.toml is not trusted: it would run the `credential_command` of provider 'vault'"),
        "{}",
        out.stderr
    );
    assert!(!marker.exists(), "the command ran");
}

#[test]
fn an_untrusted_file_may_not_point_traffic_elsewhere_nor_take_your_age_key() {
    let sb = Sandbox::untrusted();
    sb.write(
        "fnox.toml",
        "[secrets]\nHTTPS_PROXY = { default = \"http://proxy.invalid\" }\nAWS_CA_BUNDLE = { default = \"/tmp/ca.pem\" }\nFNOX_AGE_KEY = {}\n",
    );
    let exec = |sb: &Sandbox| {
        sb.output(
            sb.fnox()
                .env("FNOX_AGE_KEY", "AGE-SECRET-KEY-MY-OWN")
                .args([
                    "exec",
                    "--",
                    "sh",
                    "-c",
                    "echo \"${HTTPS_PROXY-unset}|${AWS_CA_BUNDLE-unset}|${FNOX_AGE_KEY-unset}\"",
                ]),
        )
    };
    let out = exec(&sb);
    assert_eq!(out.ok(), "unset|unset|unset\n");
    assert!(
        out.stderr.contains("HTTPS_PROXY is not passed to the command (secrets.HTTPS_PROXY in ./fnox.toml:2): HTTPS_PROXY decides where programs send their traffic, and its file is not trusted"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("FNOX_AGE_KEY is not passed"),
        "{}",
        out.stderr
    );
    // Trusted, the proxy and CA bundle are the user's choice; the age key still needs an opt-in.
    sb.run(&["trust"]).ok();
    assert_eq!(exec(&sb).ok(), "http://proxy.invalid|/tmp/ca.pem|unset\n");
}

#[test]
fn remove_with_an_explicit_file_never_edits_the_global_config() {
    let sb = Sandbox::new();
    let global = "[secrets]\nG = { default = \"g\" }\n";
    sb.write_home(".config/fnox/config.toml", global);
    sb.write("other.toml", "[secrets]\nO = { default = \"o\" }\n");
    let out = sb.run(&["-c", "other.toml", "remove", "G"]);
    let err = out.fails(1);
    assert!(
        err.contains("Secret 'G' is not defined in profile 'default' of a file here"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(sb.home.join(".config/fnox/config.toml")).unwrap(),
        global
    );
    sb.run(&["-c", "other.toml", "remove", "O"]).ok();
    assert!(!sb.read("other.toml").contains("O ="));
}

#[test]
fn trust_store_changes_from_many_processes_at_once_are_all_kept() {
    let sb = Sandbox::untrusted();
    let names: Vec<String> = (0..12).map(|i| format!("p{i}")).collect();
    for n in &names {
        sb.write(
            &format!("{n}/fnox.toml"),
            "[secrets]\nA = { default = \"a\" }\n",
        );
    }
    std::thread::scope(|scope| {
        for n in &names {
            let sb = &sb;
            scope.spawn(move || {
                sb.output(sb.fnox_in(&sb.path(n)).args(["trust", "fnox.toml"]))
                    .ok();
            });
        }
    });
    let list = sb.run(&["trust", "--list"]).ok().to_owned();
    assert_eq!(list.lines().count(), names.len(), "{list}");
}

#[test]
fn the_trust_store_keeps_its_directory_mode_and_is_ignored_when_others_can_write_it() {
    let sb = Sandbox::untrusted();
    let state = sb.path("state");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o755)).unwrap();
    sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    let with_state = |args: &[&str]| sb.output(sb.fnox().env("FNOX_STATE_DIR", &state).args(args));
    with_state(&["trust", "fnox.toml"]).ok();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&state), 0o755, "an existing directory keeps its mode");
    assert_eq!(mode(&state.join("trust.json")), 0o600);
    assert!(with_state(&["trust", "--list"]).ok().contains("(trusted)"));
    // Anyone could have written this approval: it counts for nothing.
    std::fs::set_permissions(
        state.join("trust.json"),
        std::fs::Permissions::from_mode(0o666),
    )
    .unwrap();
    let out = with_state(&["trust", "--list"]);
    assert!(
        out.stderr.contains("ignoring the trust store")
            && out.stderr.contains("everyone can write to it"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains("(trusted)"), "{}", out.stdout);
    let err = with_state(&["trust", "fnox.toml"]).fails(1).to_owned();
    assert!(err.contains("cannot use the trust store"), "{err}");
}

#[test]
fn a_file_writable_by_a_group_not_your_own_or_a_link_someone_else_made_is_ignored() {
    if unsafe { libc::geteuid() } != 0 {
        return; // chown to another user needs root; CI runs as root
    }
    let sb = Sandbox::new();
    let path = sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    assert_eq!(
        sb.run(&["get", "A"]).ok(),
        "a\n",
        "your own group may write"
    );
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: chown on a file of this test's own sandbox.
    assert_eq!(unsafe { libc::chown(c.as_ptr(), u32::MAX, 4242) }, 0);
    let err = sb.run(&["get", "A"]).fails(1).to_owned();
    assert!(
        err.contains("ignoring ./fnox.toml: group 4242 (not your own group) can write to it"),
        "{err}"
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    // A link someone else placed here, pointing at a file of yours.
    sb.write("mine/fnox.toml", "[secrets]\nL = { default = \"l\" }\n");
    let link = sb.path("linked/fnox.toml");
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(sb.path("mine/fnox.toml"), &link).unwrap();
    let c = std::ffi::CString::new(link.to_str().unwrap()).unwrap();
    // SAFETY: lchown on a link of this test's own sandbox.
    assert_eq!(unsafe { libc::lchown(c.as_ptr(), 4242, 4242) }, 0);
    let out = sb.output(sb.fnox_in(&sb.path("linked")).args(["get", "L"]));
    assert!(
        out.fails(1)
            .contains("ignoring ./fnox.toml: it is a symbolic link made by uid 4242, not by you"),
        "{}",
        out.stderr
    );
}

#[test]
fn import_refuses_a_name_that_cannot_be_an_environment_variable() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &crate::support::age_config());
    sb.write("in.json", "{\"GOOD\": \"1\", \"BAD NAME=\": \"2\"}");
    let out = sb.run(&["import", "json", "-i", "in.json", "--force"]);
    assert!(
        out.fails(2)
            .starts_with("error[fnox::secret::invalid_key]: invalid secret name \"BAD NAME=\""),
        "{}",
        out.stderr
    );
    assert_eq!(sb.read("fnox.toml"), crate::support::age_config());
}

#[test]
fn an_inherited_reference_to_an_undefined_secret_is_left_as_it_is_with_a_warning() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    let out = sb.output(
        sb.fnox()
            .env("REF", "fnox://NOT_DEFINED")
            .args(["exec", "--", "printenv", "REF"]),
    );
    assert_eq!(out.ok(), "fnox://NOT_DEFINED\n");
    assert!(
        out.stderr.contains("REF from the environment is left as it is: it refers to fnox://NOT_DEFINED, and this project defines no secret NOT_DEFINED"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_refusal_for_want_of_trust_is_never_skipped_as_a_missing_value() {
    let sb = Sandbox::untrusted();
    sb.write(
        "fnox.toml",
        "[providers]\nvault = { type = \"vault\", credential_command = \"echo tok\" }\n\n[secrets]\nX = { provider = \"vault\", value = \"secret/x\", if_missing = \"ignore\" }\nOK = { default = \"ok\" }\n",
    );
    let out = sb.output(
        sb.fnox()
            .env("VAULT_ADDR", "http://127.0.0.1:9")
            .args(["exec", "--", "printenv", "OK"]),
    );
    assert!(
        out.fails(1).contains("fnox::trust::untrusted"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_hook_escapes_the_name_of_an_untrusted_file() {
    let sb = Sandbox::untrusted();
    let dir = sb.path("evil\u{1b}]52;c;aGk=\u{7}dir");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("fnox.toml"),
        "[secrets]\nA = { default = \"a\" }\n",
    )
    .unwrap();
    // From below it, the file is shown by its absolute path, the directory's name and all.
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let out = sb.output(sb.fnox_in(&sub).args(["hook-env", "-s", "bash"]));
    out.ok();
    assert!(!out.stderr.contains('\u{1b}'), "{:?}", out.stderr);
    assert!(out.stderr.contains("evil\\u{1b}]52"), "{:?}", out.stderr);
    assert!(
        out.stderr
            .contains("is not trusted; run 'fnox trust' to load it"),
        "{}",
        out.stderr
    );
}
