//! `identity = { provider = "NAME", value = "KEY" }` on an age provider: the identity is a value of
//! another provider — another age provider (whose own key is a file), a password store (Debian's
//! `pass` and `gpg`), Vault KV (the OpenBao dev server), AWS Secrets Manager (moto); the keychain's test
//! is in keychain.rs. Keys come from Debian's `age-keygen`.

mod stores;

use std::process::{Command, Stdio};

use base64::Engine;
use insta::assert_snapshot;

use crate::support::{require_tool, Sandbox, TEST_PUBLIC_KEY};

/// A new identity file at `path` (in the sandbox's cwd); returns (identity text, public key).
pub(crate) fn keygen(sb: &Sandbox, rel: &str) -> (String, String) {
    let path = sb.path(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let out = Command::new("age-keygen")
        .arg("-o")
        .arg(&path)
        .output()
        .expect("run age-keygen");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let public = Command::new("age-keygen")
        .arg("-y")
        .arg(&path)
        .output()
        .expect("run age-keygen -y");
    let text = std::fs::read_to_string(&path).unwrap();
    (
        text,
        String::from_utf8(public.stdout).unwrap().trim().to_owned(),
    )
}

/// `text` sealed to `public` by Debian's `age`, as fnox stores values (standard base64).
fn seal(public: &str, text: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("age")
        .args(["-r", public])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run age");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    base64::engine::general_purpose::STANDARD.encode(out.stdout)
}

pub(crate) fn tools() -> bool {
    require_tool("age", "age") && require_tool("age-keygen", "age")
}

/// A key for age-a whose identity file is then moved out of every place fnox looks: only the
/// identity provider can give it. Returns (identity text, public key).
pub(super) fn hidden_key(sb: &Sandbox) -> (String, String) {
    let (text, public) = keygen(sb, "a.txt");
    std::fs::remove_file(sb.path("a.txt")).unwrap();
    (text, public)
}

#[test]
fn an_identity_held_by_another_age_provider_decrypts() {
    if !tools() {
        return;
    }
    let sb = Sandbox::bare();
    let (_, pub_b) = keygen(&sb, "keys/b.txt");
    let (key_a, pub_a) = hidden_key(&sb);
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             age-b = {{ type = \"age\", key_file = \"keys/b.txt\", recipients = [\"{pub_b}\"] }}\n\
             age-a = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"age-b\", value = \"{}\" }} }}\n\
             [secrets]\n",
            seal(&pub_b, &key_a)
        ),
    );
    sb.run(&["set", "A", "hello", "-p", "age-a"]).ok();
    sb.run(&["set", "B", "world", "-p", "age-a"]).ok();
    assert_eq!(sb.run(&["get", "A"]).ok(), "hello\n");
    assert_eq!(sb.run(&["export"]).ok(), "A=hello\nB=world\n");
    let out = sb.run(&["provider", "test", "age-a"]);
    assert_snapshot!(out.all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider age-a connection successful: 1 recipient(s), 1 identity(ies) available on this machine (1 from provider 'age-b')
    ");
}

#[test]
fn identities_nest_through_several_providers() {
    if !tools() {
        return;
    }
    // age-a's identity is sealed by age-b, whose identity is sealed by age-c, whose key is a file.
    let sb = Sandbox::bare();
    let (_, pub_c) = keygen(&sb, "keys/c.txt");
    let (key_b, pub_b) = keygen(&sb, "b.txt");
    std::fs::remove_file(sb.path("b.txt")).unwrap();
    let (key_a, pub_a) = hidden_key(&sb);
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             age-c = {{ type = \"age\", key_file = \"keys/c.txt\", recipients = [\"{pub_c}\"] }}\n\
             age-b = {{ type = \"age\", recipients = [\"{pub_b}\"], identity = {{ provider = \"age-c\", value = \"{}\" }} }}\n\
             age-a = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"age-b\", value = \"{}\" }} }}\n\
             [secrets]\n",
            seal(&pub_c, &key_b),
            seal(&pub_b, &key_a)
        ),
    );
    sb.run(&["set", "A", "from-a", "-p", "age-a"]).ok();
    sb.run(&["set", "B", "from-b", "-p", "age-b"]).ok();
    assert_eq!(sb.run(&["export"]).ok(), "A=from-a\nB=from-b\n");
}

#[test]
fn a_cycle_of_identities_is_an_error_naming_the_whole_chain() {
    if !tools() {
        return;
    }
    let sb = Sandbox::bare();
    let (key_a, pub_a) = hidden_key(&sb);
    let (key_b, pub_b) = keygen(&sb, "b.txt");
    std::fs::remove_file(sb.path("b.txt")).unwrap();
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             age-a = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"age-b\", value = \"{}\" }} }}\n\
             age-b = {{ type = \"age\", recipients = [\"{pub_b}\"], identity = {{ provider = \"age-a\", value = \"{}\" }} }}\n\
             [secrets]\n",
            seal(&pub_b, &key_a),
            seal(&pub_a, &key_b)
        ),
    );
    // Encrypting needs no identity: the cycle does not stop `set`.
    sb.run(&["set", "A", "hello", "-p", "age-a"]).ok();
    let out = sb.run(&["get", "A"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::config_cycle]: cannot decrypt A (secrets.A in ./fnox.toml:5, provider 'age-a')
      caused by: Circular dependency detected in provider configuration for 'age-a' (resolution path: age-a -> age-b -> age-a)
      hint: break the cycle: give one of these providers a key_file (or a literal value or environment variable) instead of a value read from another provider
    ");
    // A provider that names itself is the shortest cycle.
    let text = sb.read("fnox.toml").replace(
        "identity = { provider = \"age-b\"",
        "identity = { provider = \"age-a\"",
    );
    sb.write("fnox.toml", &text);
    let out = sb.run(&["get", "A"]);
    assert!(
        out.fails(1).contains("(resolution path: age-a -> age-a)"),
        "{}",
        out.stderr
    );
}

#[test]
fn set_never_reads_the_identity_and_get_names_the_provider_that_failed() {
    if !tools() {
        return;
    }
    let sb = Sandbox::bare();
    let (_, pub_a) = hidden_key(&sb);
    // The identity's store does not exist: reading it would fail.
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             keys = {{ type = \"password-store\", store_dir = \"./no-such-store\" }}\n\
             age-a = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"keys\", value = \"fnox/age-key\" }} }}\n\
             [secrets]\n"
        ),
    );
    let out = sb.run(&["set", "A", "hello", "-p", "age-a"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(sb
        .read("fnox.toml")
        .contains("A= { provider = \"age-a\", value = \"YWdl"));
    // Nor does listing, or reading a secret of another provider.
    sb.add_secret_line("P = { default = \"plain\" }");
    assert_eq!(sb.run(&["get", "P"]).ok(), "plain\n");
    sb.run(&["list"]).ok();
    let out = sb.run(&["get", "A"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot decrypt A (secrets.A in ./fnox.toml:5, provider 'age-a')
      caused by: cannot read the age identity of provider 'age-a' from provider 'keys' (value 'fnox/age-key'): password-store: the password store at [CWD]/no-such-store is not initialised
      hint: create it with `PASSWORD_STORE_DIR=[CWD]/no-such-store pass init KEYID` (your GPG key id or email), or point store_dir / PASSWORD_STORE_DIR at an existing store
    ");
}

#[test]
fn an_identity_provider_that_is_not_configured_is_named_with_the_ones_that_are() {
    if !tools() {
        return;
    }
    let sb = Sandbox::bare();
    let (_, pub_a) = hidden_key(&sb);
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             age-b = {{ type = \"age\", recipients = [\"{pub_a}\"] }}\n\
             age-a = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"age-c\", value = \"x\" }} }}\n\
             [secrets]\n"
        ),
    );
    sb.run(&["set", "A", "hello", "-p", "age-a"]).ok();
    let out = sb.run(&["get", "A"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::not_configured]: cannot decrypt A (secrets.A in ./fnox.toml:5, provider 'age-a')
      caused by: cannot read the age identity of provider 'age-a' from provider 'age-c' (value 'x'): Provider 'age-c' not configured in profile 'default' (Did you mean 'age-b'?; configured providers: age-b, age-a)
      hint: add it with `fnox provider add age-c age`, or use one of the configured providers
    ");
}

#[test]
fn a_malformed_identity_field_is_a_config_error() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[providers]\nage = { type = \"age\", recipients = [\"age15e8t6sw6luu6ktzup4jhwl0qy8zds56dv4hzc4fja5kpzaaujvassnuyzd\"], identity = { provider = \"pass\" } }\n[secrets]\n",
    );
    let out = sb.run(&["set", "A", "hello"]);
    assert_snapshot!(out.all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot use provider 'age' (providers.age in ./fnox.toml:2)
      caused by: invalid age provider settings: the `identity` of provider 'age' must be { provider = "NAME", value = "KEY" }
      hint: name the provider that holds the identity and the key it is stored under, e.g. identity = { provider = "pass", value = "fnox/age-key" }
    "#);
}

#[test]
fn an_untrusted_file_cannot_redirect_the_identity() {
    if !tools() {
        return;
    }
    let sb = Sandbox::untrusted();
    let (_, pub_b) = keygen(&sb, "keys/b.txt");
    let (key_a, pub_a) = hidden_key(&sb);
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             keys = {{ type = \"age\", key_file = \"keys/b.txt\", recipients = [\"{pub_b}\"] }}\n\
             age-a = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"keys\", value = \"{}\" }} }}\n\
             [secrets]\n",
            seal(&pub_b, &key_a)
        ),
    );
    sb.run(&["trust", "./fnox.toml"]).ok();
    sb.run(&["set", "A", "hello", "-p", "age-a"]).ok();
    assert_eq!(sb.run(&["get", "A"]).ok(), "hello\n");
    // A local file nobody approved redefines the provider the identity is read from.
    sb.write(
        "fnox.local.toml",
        "[providers]\nkeys = { type = \"plain\" }\n",
    );
    let out = sb.run(&["get", "A"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::trust::untrusted]: cannot decrypt A (secrets.A in ./fnox.toml:5, provider 'age-a')
      caused by: ./fnox.local.toml is not trusted: it would decide the age identity of provider 'age-a' (it defines provider 'keys', which the identity is read from)
      hint: read it, then run 'fnox trust' to allow it (fnox trust ./fnox.local.toml)
    ");
    // Once it is trusted, it decides (here: wrongly, a plain value is no key).
    sb.run(&["trust", "./fnox.local.toml"]).ok();
    let out = sb.run(&["get", "A"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!out.stderr.contains("not trusted"), "{}", out.stderr);
}

#[test]
fn a_local_identity_that_opens_the_value_means_the_provider_is_never_asked() {
    if !tools() {
        return;
    }
    // The default identity (the sandbox's test key) is a recipient; the identity's store is broken.
    let sb = Sandbox::new();
    let (_, pub_a) = hidden_key(&sb);
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\n\
             keys = {{ type = \"password-store\", store_dir = \"./no-such-store\" }}\n\
             age = {{ type = \"age\", recipients = [\"{pub_a}\", \"{TEST_PUBLIC_KEY}\"], identity = {{ provider = \"keys\", value = \"fnox/age-key\" }} }}\n\
             [secrets]\n"
        ),
    );
    sb.run(&["set", "A", "hello", "-p", "age"]).ok();
    let out = sb.run(&["get", "A"]);
    assert_eq!(out.ok(), "hello\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn an_untrusted_age_provider_may_use_an_identity_provider_of_a_trusted_file() {
    if !tools() {
        return;
    }
    // The trusted parent defines where the identity lives; the untrusted child only names it.
    let sb = Sandbox::untrusted();
    let (_, pub_b) = keygen(&sb, "keys/b.txt");
    let (key_a, pub_a) = hidden_key(&sb);
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nkeys = {{ type = \"age\", key_file = \"keys/b.txt\", recipients = [\"{pub_b}\"] }}\n"
        ),
    );
    sb.run(&["trust", "./fnox.toml"]).ok();
    sb.write(
        "sub/fnox.toml",
        &format!(
            "[providers]\n\
             age-a = {{ type = \"age\", recipients = [\"{pub_a}\"], identity = {{ provider = \"keys\", value = \"{}\" }} }}\n\
             [secrets]\n\
             A = {{ provider = \"age-a\", value = \"{}\" }}\n",
            seal(&pub_b, &key_a),
            seal(&pub_a, "hello")
        ),
    );
    let out = sb.output(sb.fnox_in(&sb.path("sub")).args(["get", "A"]));
    assert_eq!(out.ok(), "hello\n");
}
