//! Integrity: every secret of a config file is bound to its file, section, name, provider and
//! stored value by an HMAC-SHA256 tag kept in a sidecar beside the file (`fnox.toml` →
//! `fnox.lock`), so a value pasted in by someone without the key, two swapped values or a store
//! reference pointed elsewhere are refused when read.
//!
//! The MAC keys are random, one per cipher provider, and are themselves sealed by that provider
//! (age: to the same recipients; KMS: its Encrypt) in the sidecar. Only someone who can decrypt
//! them can write a valid tag. A store reference is tagged with the key of a cipher provider of
//! the same file. The sidecar is one line per key and per tag, sorted, so branches that touch
//! different secrets merge without a conflict; fnox.toml itself is left as upstream reads it.
//!
//! Beside the MACs, a writer whose FNOX_SIGNING_KEY names an ssh-ed25519 key signs each entry it
//! writes (`sign`): a check with only the team's public keys, no decryption key, then knows
//! who wrote every value (`fnox check --signatures`).

pub mod merge;
mod sidecar;
pub mod sign;
pub mod verify;
pub mod write;

use std::path::{Path, PathBuf};

use aws_lc_rs::hmac;
use zeroize::Zeroizing;

pub use sidecar::{Sidecar, Sig, Tag};

/// The code of a refused value, and of one that could not be checked.
pub const MISMATCH: &str = "fnox::integrity::mismatch";
pub const UNVERIFIABLE: &str = "fnox::integrity::unverifiable";
/// An entry without a tag where one is required (`strict`, `check --integrity`).
pub const UNTAGGED: &str = "fnox::integrity::untagged";

/// Set by `check --integrity`: every entry read must carry a valid tag.
static REQUIRE_TAGS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes an untagged entry an error for the rest of the run.
pub fn require_tags() {
    REQUIRE_TAGS.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether untagged entries are errors: `require_tags`, or FNOX_INTEGRITY=strict.
pub fn tags_required() -> bool {
    REQUIRE_TAGS.load(std::sync::atomic::Ordering::Relaxed)
        || crate::env_vars::non_empty(crate::env_vars::FNOX_INTEGRITY).as_deref() == Some("strict")
}

/// An integrity refusal: never skipped by `if_missing`, never replaced by a default.
pub fn is_refusal(e: &crate::error::Error) -> bool {
    [MISMATCH, UNVERIFIABLE, UNTAGGED].contains(&e.code)
}

/// Whether a sealed MAC key shows its plaintext (a `plain` provider): no key at all.
pub fn exposes(sealed: &str, plaintext: &str) -> bool {
    let plaintext = plaintext.trim();
    !plaintext.is_empty() && sealed.contains(plaintext)
}

/// The domain every tag is computed in; a new format gets a new string.
const DOMAIN: &[u8] = b"fnox-integrity-v1";

/// A 32-byte MAC key, wiped on drop (with its HMAC key schedule, made once).
pub struct MacKey(Zeroizing<[u8; 32]>, hmac::Key);

impl MacKey {
    /// A fresh random key.
    pub fn generate() -> MacKey {
        let mut key = Zeroizing::new([0u8; 32]);
        aws_lc_rs::rand::fill(&mut key[..]).expect("the system random generator works");
        MacKey::new(key)
    }

    /// The text a provider seals: the key in hex.
    pub fn to_plaintext(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(&self.0[..]))
    }

    /// The key from what the provider unsealed.
    pub fn from_plaintext(text: &str) -> Option<MacKey> {
        let bytes = Zeroizing::new(hex::decode(text.trim()).ok()?);
        let mut key = Zeroizing::new([0u8; 32]);
        if bytes.len() != key.len() {
            return None;
        }
        key.copy_from_slice(&bytes);
        Some(MacKey::new(key))
    }

    fn new(key: Zeroizing<[u8; 32]>) -> MacKey {
        let schedule = hmac::Key::new(hmac::HMAC_SHA256, &key[..]);
        MacKey(key, schedule)
    }

    fn hmac_key(&self) -> &hmac::Key {
        &self.1
    }

    /// The tag of one entry (hex).
    pub fn tag(&self, entry: &Binding<'_>) -> String {
        hex::encode(hmac::sign(self.hmac_key(), &entry.message()).as_ref())
    }

    /// Whether `mac` (hex) is the tag of `entry`, compared in constant time.
    pub fn verifies(&self, entry: &Binding<'_>, mac: &str) -> bool {
        hex::decode(mac)
            .is_ok_and(|mac| hmac::verify(self.hmac_key(), &entry.message(), &mac).is_ok())
    }
}

/// What a tag binds: where the entry is (`file` relative to its repository, `section` as
/// written: "" for the top level, else the profile), its name, the provider that reads it and
/// the value fnox.toml stores (ciphertext or reference).
pub struct Binding<'a> {
    pub file: &'a str,
    pub section: &'a str,
    pub name: &'a str,
    pub provider: &'a str,
    pub value: &'a str,
}

impl Binding<'_> {
    /// What is MACed: the domain, then each field prefixed by its length (so no two bindings
    /// give the same bytes).
    fn message(&self) -> Vec<u8> {
        let fields = [
            self.file,
            self.section,
            self.name,
            self.provider,
            self.value,
        ];
        let mut msg =
            Vec::with_capacity(DOMAIN.len() + fields.iter().map(|f| f.len() + 8).sum::<usize>());
        msg.extend_from_slice(DOMAIN);
        for field in fields {
            msg.extend_from_slice(&(field.len() as u64).to_be_bytes());
            msg.extend_from_slice(field.as_bytes());
        }
        msg
    }
}

/// `fnox.toml` → `fnox.lock`, `.fnox.prod.toml` → `.fnox.prod.lock`, `config.toml` →
/// `config.lock`; any other name gets `.lock` appended.
pub fn sidecar_path(config: &Path) -> PathBuf {
    let name = config
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let side = match name.strip_suffix(".toml") {
        Some(stem) if !stem.is_empty() => format!("{stem}.lock"),
        _ => format!("{name}.lock"),
    };
    config.with_file_name(side)
}

/// Whether `path` is the sidecar of a config file beside it (`fnox.lock` next to `fnox.toml`).
pub fn is_sidecar(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(stem) = name.strip_suffix(".lock") else {
        return false;
    };
    let config = path.with_file_name(format!("{stem}.toml"));
    (stem == "fnox" || stem.starts_with("fnox.") || stem.starts_with(".fnox") || stem == "config")
        && config.is_file()
}

/// The file's name in tags: its path from the root of the git repository holding it (`/`
/// separated), else its file name; so a clone anywhere, or a checkout in another directory,
/// computes the same tags, and moving a value to another file breaks its tag.
pub fn file_identity(config: &Path) -> String {
    identity_of_real(&std::fs::canonicalize(config).unwrap_or_else(|_| config.to_path_buf()))
}

/// `file_identity` of a path whose links are resolved already (a loaded layer's `real`).
pub fn identity_of_real(path: &Path) -> String {
    let name = || {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let Some(dir) = path.parent() else {
        return name();
    };
    for root in dir.ancestors() {
        if root.join(".git").exists() {
            if let Ok(rel) = path.strip_prefix(root) {
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                return parts.join("/");
            }
        }
    }
    name()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binding<'a>(name: &'a str, value: &'a str) -> Binding<'a> {
        Binding {
            file: "app/fnox.toml",
            section: "",
            name,
            provider: "age",
            value,
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_through_a_link_is_named_from_its_repository_as_by_its_real_path() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("app")).unwrap();
        std::fs::write(repo.join("app/fnox.toml"), "").unwrap();
        std::os::unix::fs::symlink(repo.join("app"), dir.path().join("elsewhere")).unwrap();
        let linked = dir.path().join("elsewhere/fnox.toml");
        assert_eq!(file_identity(&linked), "app/fnox.toml");
        let real = std::fs::canonicalize(&linked).unwrap();
        assert_eq!(identity_of_real(&real), "app/fnox.toml");
    }

    #[test]
    fn a_tag_binds_every_field() {
        let key = MacKey::generate();
        let tag = key.tag(&binding("DB", "ct"));
        assert!(key.verifies(&binding("DB", "ct"), &tag));
        assert!(!key.verifies(&binding("DB", "ct2"), &tag));
        assert!(!key.verifies(&binding("DB2", "ct"), &tag));
        let mut b = binding("DB", "ct");
        b.section = "prod";
        assert!(!key.verifies(&b, &tag));
        let mut b = binding("DB", "ct");
        b.provider = "kms";
        assert!(!key.verifies(&b, &tag));
        let mut b = binding("DB", "ct");
        b.file = "other/fnox.toml";
        assert!(!key.verifies(&b, &tag));
        // Length prefixes: moving a character between fields changes the tag.
        assert_ne!(key.tag(&binding("DBc", "t")), key.tag(&binding("DB", "ct")));
        assert!(!MacKey::generate().verifies(&binding("DB", "ct"), &tag));
        assert!(!key.verifies(&binding("DB", "ct"), "zz"));
    }

    #[test]
    fn a_key_round_trips_through_its_plaintext() {
        let key = MacKey::generate();
        let back = MacKey::from_plaintext(&key.to_plaintext()).unwrap();
        assert_eq!(key.tag(&binding("A", "v")), back.tag(&binding("A", "v")));
        assert!(MacKey::from_plaintext("abcd").is_none());
        assert!(MacKey::from_plaintext("not hex").is_none());
    }

    #[test]
    fn sidecar_names() {
        for (config, side) in [
            ("/r/fnox.toml", "/r/fnox.lock"),
            ("/r/.fnox.toml", "/r/.fnox.lock"),
            ("/r/fnox.prod.toml", "/r/fnox.prod.lock"),
            ("/r/fnox.local.toml", "/r/fnox.local.lock"),
            ("/c/config.toml", "/c/config.lock"),
            ("/r/secrets", "/r/secrets.lock"),
        ] {
            assert_eq!(sidecar_path(Path::new(config)), PathBuf::from(side));
        }
    }
}
