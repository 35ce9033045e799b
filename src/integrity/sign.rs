//! Signatures: a team member whose `FNOX_SIGNING_KEY` names an OpenSSH ed25519 private key
//! signs every entry fnox writes for them, one `sig` line per entry and signer in the sidecar.
//! Anyone holding the public keys of the allowed signers (no decryption key, no provider) can
//! then check that every stored value was written by one of them: `fnox check --signatures`.
//!
//! The signature is an SSHSIG (namespace `fnox`, SHA-512, as `ssh-keygen -Y sign` makes) over
//! one text line that binds the entry like its MAC tag does:
//!
//! ```text
//! fnox-signature-v1 FILE SECTION NAME PROVIDER SHA256(VALUE)\n
//! ```
//!
//! each field a sidecar token (printable ASCII, `%`-encoded otherwise, `%` for empty), the
//! value's SHA-256 in hex. So `ssh-keygen -Y verify -n fnox` checks it as well, over a message
//! anyone can rebuild by hand from fnox.toml.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use base64::Engine;
use ssh_encoding::{Decode, Encode};
use ssh_key::{Algorithm, HashAlg, PrivateKey, PublicKey, SshSig};
use zeroize::Zeroizing;

use super::sidecar::encode;
use super::{Binding, Sig};
use crate::error::Error;

/// An entry with a stored value and no signature.
pub const UNSIGNED: &str = "fnox::integrity::unsigned";
/// An entry whose signature by an allowed signer does not match its file, name, provider or value.
pub const BAD_SIGNATURE: &str = "fnox::integrity::bad_signature";
/// An entry signed only by keys the signers list does not hold.
pub const UNKNOWN_SIGNER: &str = "fnox::integrity::unknown_signer";
/// FNOX_SIGNING_KEY cannot be read or is not an unencrypted ed25519 key.
pub const SIGNING_KEY: &str = "fnox::integrity::signing_key";
/// The allowed-signers file cannot be read or holds no usable key.
pub const SIGNERS: &str = "fnox::integrity::signers";

/// The SSHSIG namespace: a signature made for git or another tool never verifies here.
pub const NAMESPACE: &str = "fnox";
/// The format of what is signed; a new format gets a new string.
const DOMAIN: &str = "fnox-signature-v1";

/// What is signed for one entry (see the module's doc).
pub fn message(b: &Binding<'_>) -> String {
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, b.value.as_bytes());
    format!(
        "{DOMAIN} {} {} {} {} {}\n",
        encode(b.file),
        encode(b.section),
        encode(b.name),
        encode(b.provider),
        hex::encode(digest.as_ref())
    )
}

/// A fingerprint as `ssh-keygen -l` prints it: `SHA256:` and unpadded base64.
fn fingerprint(key: &ssh_key::public::KeyData) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// The user's signing key: an unencrypted OpenSSH ed25519 private key.
pub struct SigningKey {
    key: PrivateKey,
    fingerprint: String,
}

impl SigningKey {
    pub fn load(path: &Path) -> Result<SigningKey, Error> {
        let shown = path.display();
        let fix = "point FNOX_SIGNING_KEY at an unencrypted OpenSSH ed25519 private key (`ssh-keygen -t ed25519 -N '' -f ~/.ssh/fnox_signing` makes one; add its .pub line to the team's signers list), or unset FNOX_SIGNING_KEY to write unsigned";
        let refuse = |what: String| {
            Error::new(format!("cannot sign with FNOX_SIGNING_KEY={shown}: {what}"))
                .code(SIGNING_KEY)
                .hint(fix)
        };
        let text = Zeroizing::new(
            std::fs::read_to_string(path)
                .map_err(|e| refuse("it cannot be read".into()).cause(e))?,
        );
        let key = PrivateKey::from_openssh(text.as_bytes()).map_err(|e| match e {
            // Only ed25519 is built in: another type (ecdsa, rsa) is not known at all.
            ssh_key::Error::AlgorithmUnknown | ssh_key::Error::AlgorithmUnsupported { .. } => {
                refuse("it is not an ed25519 key; fnox signs with ed25519 keys only".into())
            }
            e => refuse("it is not an OpenSSH private key".into()).cause(e),
        })?;
        if key.is_encrypted() {
            return Err(refuse(
                "it is protected by a passphrase, which fnox does not prompt for".into(),
            ));
        }
        if key.algorithm() != Algorithm::Ed25519 {
            return Err(refuse(format!(
                "it is a {} key, not an ed25519 key; fnox signs with ed25519 keys only",
                key.algorithm()
            )));
        }
        let fingerprint = fingerprint(key.public_key().key_data());
        Ok(SigningKey { key, fingerprint })
    }

    /// The key FNOX_SIGNING_KEY names, read once per run; None when it is not set.
    pub fn configured() -> Option<Result<&'static SigningKey, Error>> {
        static KEY: OnceLock<Option<Result<SigningKey, Error>>> = OnceLock::new();
        KEY.get_or_init(|| {
            let raw = crate::env_vars::non_empty(crate::env_vars::FNOX_SIGNING_KEY)?;
            let cwd = std::env::current_dir().unwrap_or_default();
            Some(SigningKey::load(&crate::env_vars::expand_path(&raw, &cwd)))
        })
        .as_ref()
        .map(|r| r.as_ref().map_err(Clone::clone))
    }

    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The `sig` line's fields for one entry.
    pub fn sign(&self, b: &Binding<'_>) -> Result<Sig, Error> {
        let failed = |e: ssh_key::Error| {
            Error::new(format!("cannot sign {}", b.name))
                .code(SIGNING_KEY)
                .cause(e)
        };
        let sig = self
            .key
            .sign(NAMESPACE, HashAlg::Sha512, message(b).as_bytes())
            .map_err(failed)?;
        let mut blob = Vec::new();
        sig.encode(&mut blob).map_err(|e| failed(e.into()))?;
        Ok(Sig {
            signer: self.fingerprint.clone(),
            sig: base64::engine::general_purpose::STANDARD.encode(blob),
        })
    }
}

/// Why an entry's signatures do not pass: its code and a sentence.
pub struct Failure {
    pub code: &'static str,
    pub why: String,
}

/// The public keys whose signatures count, by fingerprint.
pub struct AllowedSigners {
    keys: BTreeMap<String, PublicKey>,
}

impl AllowedSigners {
    /// Reads a signers list: one key a line, `ssh-ed25519 AAAA… comment` (authorized_keys
    /// style) or ssh-keygen's allowed_signers form (`principals [options] ssh-ed25519 AAAA…`).
    /// A key whose `namespaces="…"` option leaves out `fnox` does not count; keys of other types
    /// and certificate authorities are skipped with a warning.
    pub fn load(path: &Path, shown: &str) -> Result<AllowedSigners, Error> {
        let fix = "list each allowed signer's public key (the .pub file's line, `ssh-ed25519 AAAA… name`), one a line";
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(format!("cannot read the signers list {shown}"))
                .code(SIGNERS)
                .cause(e)
                .hint(fix)
        })?;
        let mut keys = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let Some(at) = tokens.iter().position(|t| is_key_type(t)) else {
                return Err(Error::new(format!(
                    "{shown}:{}: not a public key line (no key type such as ssh-ed25519)",
                    i + 1
                ))
                .code(SIGNERS)
                .hint(fix));
            };
            let options = tokens[..at].join(" ");
            if tokens[at] != "ssh-ed25519" {
                crate::error::warn(format!(
                    "{shown}:{}: a {} key is skipped: fnox signatures are ed25519 only",
                    i + 1,
                    tokens[at]
                ));
                continue;
            }
            if options.contains("cert-authority") {
                crate::error::warn(format!(
                    "{shown}:{}: a certificate authority is skipped: fnox checks plain keys only",
                    i + 1
                ));
                continue;
            }
            if !namespace_allowed(&options) {
                continue;
            }
            let key_text = tokens[at..tokens.len().min(at + 2)].join(" ");
            let key = PublicKey::from_openssh(&key_text).map_err(|e| {
                Error::new(format!("{shown}:{}: not a valid ssh-ed25519 key", i + 1))
                    .code(SIGNERS)
                    .cause(e)
                    .hint(fix)
            })?;
            keys.insert(fingerprint(key.key_data()), key);
        }
        if keys.is_empty() {
            return Err(
                Error::new(format!("the signers list {shown} holds no ed25519 key"))
                    .code(SIGNERS)
                    .hint(fix),
            );
        }
        Ok(AllowedSigners { keys })
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Ok with the signer's fingerprint when a signature by an allowed signer verifies over the
    /// entry `b` as it is now.
    pub fn check(&self, b: &Binding<'_>, sigs: Option<&BTreeSet<Sig>>) -> Result<String, Failure> {
        let sigs = sigs.filter(|s| !s.is_empty()).ok_or_else(|| Failure {
            code: UNSIGNED,
            why: "it has no signature".into(),
        })?;
        let msg = message(b);
        let mut bad: Vec<String> = Vec::new();
        let mut strangers: Vec<String> = Vec::new();
        let mut unreadable = false;
        for line in sigs {
            let Some(sig) = decode_sig(&line.sig) else {
                unreadable = true;
                continue;
            };
            // The key inside the SSHSIG is the one checked; the line's fingerprint is a label.
            let signer = fingerprint(sig.public_key());
            match self.keys.get(&signer) {
                Some(key) if key.verify(NAMESPACE, msg.as_bytes(), &sig).is_ok() => {
                    return Ok(signer)
                }
                Some(_) => bad.push(signer),
                None => strangers.push(signer),
            }
        }
        if !bad.is_empty() {
            return Err(Failure {
                code: BAD_SIGNATURE,
                why: format!(
                    "the signature by {} does not match its file, name, provider and value: the value was changed or moved after it was signed",
                    bad.join(", ")
                ),
            });
        }
        if !strangers.is_empty() {
            return Err(Failure {
                code: UNKNOWN_SIGNER,
                why: format!(
                    "it is signed only by {}, not an allowed signer",
                    strangers.join(", ")
                ),
            });
        }
        debug_assert!(unreadable);
        Err(Failure {
            code: BAD_SIGNATURE,
            why: "its signature is not a readable SSHSIG".into(),
        })
    }
}

/// An entry `check --signatures` refuses.
pub struct Failing {
    /// Its file, as shown to the user.
    pub file: String,
    pub section: String,
    pub name: String,
    pub failure: Failure,
}

impl Failing {
    /// `secrets.NAME` or `profiles.P.secrets.NAME`.
    pub fn place(&self) -> String {
        super::merge::place(&self.section, &self.name)
    }
}

/// What `check --signatures` found: how many files and entries it checked, and which failed.
pub struct Audit {
    pub files: usize,
    pub checked: usize,
    pub failing: Vec<Failing>,
}

/// Checks every entry with a stored value in every file `config` loaded (all its sections),
/// against the signatures in its sidecar. Reads files only: no provider is built.
pub fn audit(config: &crate::config::load::Config, signers: &AllowedSigners) -> Audit {
    let mut audit = Audit {
        files: 0,
        checked: 0,
        failing: Vec::new(),
    };
    let mut seen = BTreeSet::new();
    for layer in &config.layers {
        let path = std::fs::canonicalize(&layer.path).unwrap_or_else(|_| layer.path.clone());
        if !seen.insert(path) {
            continue;
        }
        let stored: Vec<_> = super::write::entries(&layer.text)
            .into_iter()
            .filter(|(_, e)| e.get("value").is_some() || e.get("sync").is_some())
            .collect();
        if stored.is_empty() {
            continue;
        }
        audit.files += 1;
        let side = std::fs::read_to_string(super::sidecar_path(&layer.path))
            .map(|t| super::Sidecar::parse(&t))
            .unwrap_or_default();
        let identity = super::identity_of_real(&layer.real);
        let file = config.display(&layer.path);
        // A profile file's top level belongs to its profile.
        let profiles = match &layer.profile {
            Some(p) => vec![p.clone()],
            None => config.profiles.clone(),
        };
        for ((section, name), entry) in stored {
            audit.checked += 1;
            let read = super::write::read_as(config, &profiles, &section, &entry);
            let outcome = match &read {
                Some((provider, value)) => signers
                    .check(
                        &Binding {
                            file: &identity,
                            section: &section,
                            name: &name,
                            provider,
                            value,
                        },
                        side.sigs_of(&section, &name),
                    )
                    .map(drop),
                None => Err(Failure {
                    code: UNSIGNED,
                    why: "its provider cannot be told (no `provider`, no default provider) or its value is not a string, so no signature can bind it".into(),
                }),
            };
            if let Err(failure) = outcome {
                audit.failing.push(Failing {
                    file: file.clone(),
                    section,
                    name,
                    failure,
                });
            }
        }
    }
    audit
}

fn decode_sig(b64: &str) -> Option<SshSig> {
    let blob = base64::engine::general_purpose::STANDARD
        .decode(b64.as_bytes())
        .ok()?;
    let mut reader = blob.as_slice();
    let sig = SshSig::decode(&mut reader).ok()?;
    reader.is_empty().then_some(sig)
}

fn is_key_type(token: &str) -> bool {
    token.starts_with("ssh-") || token.starts_with("ecdsa-sha2-") || token.starts_with("sk-")
}

/// Whether allowed_signers options (`namespaces="git,fnox"`) admit the `fnox` namespace; no
/// such option admits every namespace.
fn namespace_allowed(options: &str) -> bool {
    let Some(start) = options.find("namespaces=\"") else {
        return true;
    };
    let rest = &options[start + "namespaces=\"".len()..];
    let list = rest.split('"').next().unwrap_or("");
    list.split(',').any(|n| n.trim() == NAMESPACE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_is_one_line_of_tokens() {
        let b = Binding {
            file: "app/fnox.toml",
            section: "",
            name: "A B",
            provider: "age",
            value: "",
        };
        assert_eq!(
            message(&b),
            "fnox-signature-v1 app/fnox.toml % A%20B age e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        );
    }

    #[test]
    fn namespaces_options() {
        assert!(namespace_allowed(""));
        assert!(namespace_allowed("alice namespaces=\"git,fnox\""));
        assert!(!namespace_allowed("alice namespaces=\"git\""));
    }
}
