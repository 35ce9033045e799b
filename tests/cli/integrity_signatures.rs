//! Signatures (FNOX_SIGNING_KEY, `fnox check --signatures`): entries signed with ssh-ed25519 keys
//! made by ssh-keygen verify against a signers list in a sandbox with no decryption key at all;
//! forged, swapped and stranger-signed values fail with their codes; signatures survive other
//! writes and git merges; the SSHSIG verifies with `ssh-keygen -Y verify` too.

use std::path::{Path, PathBuf};

use crate::integrity::git;
use crate::support::{require_tool, Sandbox, TEST_PUBLIC_KEY};

const AGE: &str =
    "[providers]\nage = { type = \"age\", recipients = [\"RECIPIENT\"] }\n\n[secrets]\n";

fn tools() -> bool {
    require_tool("ssh-keygen", "openssh-client") && require_tool("age", "age")
}

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &AGE.replace("RECIPIENT", TEST_PUBLIC_KEY));
    sb
}

/// `ssh-keygen -t ed25519 -N ''` in the sandbox (outside its work tree): the private key's path.
fn keygen(sb: &Sandbox, name: &str) -> PathBuf {
    let path = sb.root.path().join(name);
    let out = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    path
}

fn public(key: &Path) -> String {
    std::fs::read_to_string(key.with_extension("pub")).unwrap()
}

/// A signers list (outside the work tree) holding these keys' public lines.
fn signers(sb: &Sandbox, keys: &[&Path]) -> PathBuf {
    let names: Vec<String> = keys
        .iter()
        .map(|k| k.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let path = sb
        .root
        .path()
        .join(format!("allowed_signers.{}", names.join("+")));
    let text: String = keys.iter().map(|k| public(k)).collect();
    std::fs::write(&path, format!("# the team\n{text}")).unwrap();
    path
}

/// `fnox set NAME VALUE` signed with `key`.
fn set_signed(sb: &Sandbox, key: &Path, name: &str, value: &str) {
    sb.output(
        sb.fnox()
            .env("FNOX_SIGNING_KEY", key)
            .args(["set", name, value]),
    )
    .ok();
}

/// `fnox check --signatures --signers LIST` in `sb`.
fn check(sb: &Sandbox, list: &Path) -> crate::support::Output {
    sb.output(
        sb.fnox()
            .args(["check", "--signatures", "--signers"])
            .arg(list),
    )
}

/// The sidecar's `sig` lines.
fn sig_lines(sb: &Sandbox) -> Vec<String> {
    sb.read("fnox.lock")
        .lines()
        .filter(|l| l.starts_with("sig "))
        .map(str::to_owned)
        .collect()
}

fn value_of(text: &str, name: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} in {text}"));
    let start = line.find("value = \"").unwrap() + 9;
    line[start..line[start..].find('"').unwrap() + start].to_owned()
}

/// What anyone with the public recipient can write: `age -r RECIPIENT | base64`.
fn forge(plaintext: &str) -> String {
    use base64::Engine;
    let out = crate::support::process::output_with_stdin(
        std::process::Command::new("age").args(["-r", TEST_PUBLIC_KEY]),
        plaintext.as_bytes(),
    );
    assert!(out.status.success());
    base64::engine::general_purpose::STANDARD.encode(out.stdout)
}

/// A sandbox with no age identity anywhere and nothing trusted (a CI checkout), holding a copy
/// of `from`'s fnox.toml and fnox.lock.
fn ci_copy(from: &Sandbox) -> Sandbox {
    let ci = Sandbox::untrusted();
    std::fs::remove_file(ci.home.join(".config/fnox/age.txt")).unwrap();
    ci.write("fnox.toml", &from.read("fnox.toml"));
    ci.write("fnox.lock", &from.read("fnox.lock"));
    ci
}

#[test]
fn signed_values_verify_where_no_decryption_key_exists() {
    if !tools() {
        return;
    }
    let sb = sandbox();
    let alice = keygen(&sb, "alice");
    set_signed(&sb, &alice, "A", "one");
    set_signed(&sb, &alice, "B", "two");
    sb.output(sb.fnox().env("FNOX_SIGNING_KEY", &alice).args([
        "-P",
        "prod",
        "set",
        "P",
        "prod value",
    ]))
    .ok();
    // One `sig SECTION NAME FINGERPRINT SSHSIG` line per entry, sorted with the rest; the
    // fingerprint is the one ssh-keygen -l prints.
    let lines = sig_lines(&sb);
    assert_eq!(lines.len(), 3, "{}", sb.read("fnox.lock"));
    let fp = String::from_utf8(
        std::process::Command::new("ssh-keygen")
            .arg("-lf")
            .arg(alice.with_extension("pub"))
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .split(' ')
    .nth(1)
    .unwrap()
    .to_owned();
    assert!(
        lines[0].starts_with(&format!("sig - A {fp} U1NIU0lH")),
        "{lines:?}"
    );
    assert!(lines[1].starts_with(&format!("sig - B {fp} ")), "{lines:?}");
    assert!(
        lines[2].starts_with(&format!("sig prod P {fp} ")),
        "{lines:?}"
    );

    let ci = ci_copy(&sb);
    let list = signers(&ci, &[&alice]);
    // No identity here: the values cannot even be read.
    ci.run(&["get", "A"]).fails(1);
    let out = check(&ci, &list);
    assert_eq!(
        out.ok(),
        "✓ 3 stored value(s) in 1 file(s) are signed by an allowed signer (1 key(s) in [SANDBOX]/allowed_signers.alice)\n"
    );
    // FNOX_ALLOWED_SIGNERS does the same; --json says it as data.
    let out = ci.output(ci.fnox().env("FNOX_ALLOWED_SIGNERS", &list).args([
        "check",
        "--signatures",
        "--json",
    ]));
    let json: serde_json::Value = serde_json::from_str(out.ok()).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["total"], 3);
    // Without a list it is a usage error that says where the list belongs.
    let err = ci.run(&["check", "--signatures"]).fails(2).to_owned();
    assert!(err.contains("outside the repository"), "{err}");
}

#[test]
fn forged_unsigned_swapped_and_stranger_signed_values_fail_by_name() {
    if !tools() {
        return;
    }
    let sb = sandbox();
    let alice = keygen(&sb, "alice");
    let mallory = keygen(&sb, "mallory");
    set_signed(&sb, &alice, "A", "one");
    set_signed(&sb, &alice, "B", "two");
    set_signed(&sb, &alice, "C", "three");
    set_signed(&sb, &alice, "D", "four");
    set_signed(&sb, &mallory, "M", "mallory's");
    let list = signers(&sb, &[&alice]);

    // A forged with the public recipient; B and C swapped; E added by hand, unsigned.
    let text = sb.read("fnox.toml");
    let (a, b, c) = (
        value_of(&text, "A"),
        value_of(&text, "B"),
        value_of(&text, "C"),
    );
    let text = text
        .replace(&a, &forge("evil"))
        .replace(&b, "SWAP")
        .replace(&c, &b)
        .replace("SWAP", &c);
    sb.write(
        "fnox.toml",
        &format!(
            "{text}E = {{ provider = \"age\", value = \"{}\" }}\n",
            forge("e")
        ),
    );

    let ci = ci_copy(&sb);
    let err = check(&ci, &list).fails(1).to_owned();
    assert!(
        err.starts_with(
            "error[fnox::integrity::bad_signature]: 5 of 6 stored value(s) are not signed by an allowed signer"
        ),
        "{err}"
    );
    for (name, code) in [
        ("A", "bad_signature"),
        ("B", "bad_signature"),
        ("C", "bad_signature"),
        ("E", "unsigned"),
        ("M", "unknown_signer"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(&format!("secrets.{name} (./fnox.toml)")))
            .unwrap_or_else(|| panic!("no {name} in {err}"));
        assert!(
            line.ends_with(&format!("[fnox::integrity::{code}]")),
            "{line}"
        );
    }
    assert!(!err.contains("secrets.D "), "D is intact: {err}");
    assert!(err.contains("not an allowed signer"), "{err}");

    // Adding mallory to the list makes M pass; the others still fail.
    let both = signers(&ci, &[&alice, &mallory]);
    let err = check(&ci, &both).fails(1).to_owned();
    assert!(!err.contains("secrets.M "), "{err}");
    assert!(err.contains("4 of 6"), "{err}");
}

#[test]
fn an_untouched_entry_keeps_its_signature_and_a_changed_one_loses_it() {
    if !tools() {
        return;
    }
    let sb = sandbox();
    let alice = keygen(&sb, "alice");
    let bob = keygen(&sb, "bob");
    set_signed(&sb, &alice, "A", "one");
    set_signed(&sb, &alice, "B", "two");
    let a_sig = sig_lines(&sb)[0].clone();
    // Bob sets B; an unsigned write sets C.
    set_signed(&sb, &bob, "B", "two again");
    sb.run(&["set", "C", "three"]).ok();
    let lines = sig_lines(&sb);
    assert_eq!(lines[0], a_sig, "A untouched");
    assert_eq!(
        lines.len(),
        2,
        "B re-signed by bob alone, C unsigned: {lines:?}"
    );
    assert!(
        !lines[1].contains(a_sig.split(' ').nth(3).unwrap()),
        "{lines:?}"
    );
    let list = signers(&sb, &[&alice, &bob]);
    let err = check(&sb, &list).fails(1).to_owned();
    assert!(err.contains("1 of 3"), "{err}");
    assert!(
        err.contains("secrets.C (./fnox.toml): it has no signature"),
        "{err}"
    );
    // A removed entry's signature goes with it.
    sb.run(&["remove", "C"]).ok();
    sb.run(&["remove", "A"]).ok();
    assert_eq!(sig_lines(&sb).len(), 1);
    check(&sb, &list).ok();
}

#[test]
fn an_unusable_signing_key_stops_the_write() {
    if !tools() {
        return;
    }
    let sb = sandbox();
    let before = sb.read("fnox.toml");
    let ecdsa = sb.root.path().join("ecdsa");
    let locked = sb.root.path().join("locked");
    for (path, args) in [
        (&ecdsa, vec!["-t", "ecdsa", "-N", ""]),
        (&locked, vec!["-t", "ed25519", "-N", "a passphrase"]),
    ] {
        let out = std::process::Command::new("ssh-keygen")
            .arg("-q")
            .args(args)
            .arg("-f")
            .arg(path)
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let missing = sb.root.path().join("missing");
    for (key, why) in [
        (&missing, "it cannot be read"),
        (
            &ecdsa,
            "not an ed25519 key; fnox signs with ed25519 keys only",
        ),
        (&locked, "protected by a passphrase"),
    ] {
        let out = sb.output(
            sb.fnox()
                .env("FNOX_SIGNING_KEY", key)
                .args(["set", "A", "one"]),
        );
        let err = out.fails(1);
        assert!(
            err.starts_with(
                "error[fnox::integrity::signing_key]: cannot sign with FNOX_SIGNING_KEY="
            ),
            "{err}"
        );
        assert!(
            err.contains(&sb.redact(&key.display().to_string())) && err.contains(why),
            "{err}"
        );
        assert!(err.contains("nothing was written"), "{err}");
        assert!(err.contains("hint: point FNOX_SIGNING_KEY at"), "{err}");
        assert_eq!(sb.read("fnox.toml"), before);
        assert!(!sb.path("fnox.lock").exists());
    }
}

#[test]
fn two_branches_each_adding_a_signed_secret_merge_and_verify() {
    if !tools() || !require_tool("git", "git") {
        return;
    }
    let sb = sandbox();
    let alice = keygen(&sb, "alice");
    let bob = keygen(&sb, "bob");
    git(&sb, &["init", "-q"]);
    sb.run(&["merge-driver", "--install"]).ok();
    set_signed(&sb, &alice, "A", "one");
    assert!(git(&sb, &["add", "-A"]).0);
    assert!(git(&sb, &["commit", "-qm", "base"]).0);
    assert!(git(&sb, &["checkout", "-qb", "feature"]).0);
    set_signed(&sb, &bob, "X", "from feature");
    assert!(git(&sb, &["commit", "-qam", "X"]).0);
    assert!(git(&sb, &["checkout", "-q", "main"]).0);
    set_signed(&sb, &alice, "Y", "from main");
    assert!(git(&sb, &["commit", "-qam", "Y"]).0);
    let (merged, out) = git(&sb, &["merge", "-q", "--no-edit", "feature"]);
    assert!(merged, "{out}");
    assert_eq!(sig_lines(&sb).len(), 3, "{}", sb.read("fnox.lock"));
    // The file's identity is its path in the repository: a CI checkout elsewhere verifies.
    let list = signers(&sb, &[&alice, &bob]);
    let out = check(&sb, &list);
    assert!(out.ok().starts_with("✓ 3 stored value(s)"), "{}", out.all());
    let ci = ci_copy(&sb);
    git(&ci, &["init", "-q"]);
    check(&ci, &list).ok();
}

#[test]
fn the_signature_verifies_with_ssh_keygen_over_the_documented_message() {
    if !tools() {
        return;
    }
    let sb = sandbox();
    let alice = keygen(&sb, "alice");
    sb.output(sb.fnox().env("FNOX_SIGNING_KEY", &alice).args([
        "-P",
        "prod",
        "set",
        "DB URL",
        "postgres://x",
    ]))
    .ok();
    let line = sig_lines(&sb).remove(0);
    let b64 = line.split(' ').nth(4).unwrap();
    // The armoured form ssh-keygen reads: the same blob, 70 columns a line.
    let mut pem = String::from("-----BEGIN SSH SIGNATURE-----\n");
    for chunk in b64.as_bytes().chunks(70) {
        pem.push_str(std::str::from_utf8(chunk).unwrap());
        pem.push('\n');
    }
    pem.push_str("-----END SSH SIGNATURE-----\n");
    let dir = sb.root.path();
    std::fs::write(dir.join("entry.sig"), pem).unwrap();
    std::fs::write(
        dir.join("allowed"),
        format!("alice@example.invalid {}", public(&alice)),
    )
    .unwrap();
    // The message, rebuilt from fnox.toml by hand: domain, file, section, name (space
    // percent-encoded), provider, SHA-256 of the stored value.
    let stored = value_of(&sb.read("fnox.toml"), "\"DB URL\"");
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, stored.as_bytes());
    let message = format!(
        "fnox-signature-v1 fnox.toml prod DB%20URL age {}\n",
        hex::encode(digest.as_ref())
    );
    let verify = |msg: &str, namespace: &str| {
        crate::support::process::output_with_stdin(
            std::process::Command::new("ssh-keygen")
                .args([
                    "-Y",
                    "verify",
                    "-n",
                    namespace,
                    "-I",
                    "alice@example.invalid",
                ])
                .arg("-f")
                .arg(dir.join("allowed"))
                .arg("-s")
                .arg(dir.join("entry.sig")),
            msg.as_bytes(),
        )
    };
    let out = verify(&message, "fnox");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Good \"fnox\" signature"));
    // Another value, or another namespace, does not verify.
    assert!(!verify(&message.replace("prod", "dev"), "fnox")
        .status
        .success());
    assert!(!verify(&message, "git").status.success());
    // And a signature ssh-keygen -Y sign makes over that message is one fnox accepts.
    std::fs::write(dir.join("msg"), &message).unwrap();
    let out = std::process::Command::new("ssh-keygen")
        .args(["-q", "-Y", "sign", "-n", "fnox", "-f"])
        .arg(&alice)
        .arg(dir.join("msg"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let armoured = std::fs::read_to_string(dir.join("msg.sig")).unwrap();
    let blob: String = armoured
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let lock = sb.read("fnox.lock").replace(b64, &blob);
    sb.write("fnox.lock", &lock);
    let list = signers(&sb, &[&alice]);
    check(&sb, &list).ok();
}

#[test]
fn import_and_reencrypt_sign_what_they_write() {
    if !tools() {
        return;
    }
    let sb = sandbox();
    let alice = keygen(&sb, "alice");
    let bob = keygen(&sb, "bob");
    sb.write("in.env", "A=1\nB=two words\n");
    sb.output(
        sb.fnox()
            .env("FNOX_SIGNING_KEY", &alice)
            .args(["import", "-i", "in.env", "--force"]),
    )
    .ok();
    let alice_only = signers(&sb, &[&alice]);
    check(&sb, &alice_only).ok();
    // Re-encrypting writes new ciphertexts: bob's signature replaces alice's on each.
    sb.output(
        sb.fnox()
            .env("FNOX_SIGNING_KEY", &bob)
            .args(["reencrypt", "--force"]),
    )
    .ok();
    let err = check(&sb, &alice_only).fails(1).to_owned();
    assert!(
        err.contains("2 of 2") && err.contains("unknown_signer"),
        "{err}"
    );
    let both = signers(&sb, &[&alice, &bob]);
    check(&sb, &both).ok();
    assert_eq!(sb.run(&["export"]).ok(), "A=1\nB=\"two words\"\n");
}

#[test]
fn key_rotate_signs_every_value_it_reencrypts_in_every_file() {
    if !tools() {
        return;
    }
    let sb = crate::support::age_sandbox();
    let alice = keygen(&sb, "alice");
    let bob = keygen(&sb, "bob");
    set_signed(&sb, &alice, "DB", "db-value");
    sb.output(sb.fnox().env("FNOX_SIGNING_KEY", &alice).args([
        "--write-profile",
        "prod",
        "set",
        "PROD_DB",
        "prod-db",
    ]))
    .ok();
    sb.write("fnox.ci.toml", "[secrets]\n");
    sb.output(
        sb.fnox()
            .env("FNOX_SIGNING_KEY", &alice)
            .args(["-P", "ci", "set", "CI_TOKEN", "ci-token"]),
    )
    .ok();
    let alice_only = signers(&sb, &[&alice]);
    check(&sb, &alice_only).ok();
    let ci_check = |list: &Path| {
        sb.output(
            sb.fnox()
                .args(["-P", "ci", "check", "--signatures", "--signers"])
                .arg(list),
        )
    };
    ci_check(&alice_only).ok();
    sb.output(
        sb.fnox()
            .env("FNOX_SIGNING_KEY", &bob)
            .args(["key", "rotate", "age", "--force"]),
    )
    .ok();
    let bob_only = signers(&sb, &[&bob]);
    let out = check(&sb, &bob_only);
    assert!(out.ok().starts_with("✓ 2 stored value(s)"), "{}", out.all());
    ci_check(&bob_only).ok();
    ci_check(&alice_only).fails(1);
}
