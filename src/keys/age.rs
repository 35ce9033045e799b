//! age key rotation: a new identity for this machine, the old one kept beside it for reading.
//!
//! The identity file is rewritten in steps that keep every state readable: first it holds the
//! new identity and everything it held before, then the config files are saved (values sealed
//! to the new recipient, `retired_key_files` naming the old copy), then it holds the new identity
//! alone while the old identities sit in `NAME.retired-TIMESTAMP` beside it (read by every age
//! provider that reads the file, so other projects on this machine keep working).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::edit::{atomic_write, FileMode};
use crate::env_vars;
use crate::error::{Error, Result};
use crate::provider::age as provider_age;
use crate::secret::SecretValue;

/// What marks a retired copy of an identity file: `age.txt` → `age.txt.retired-20261202T150000Z`.
pub const RETIRED_MARK: &str = ".retired-";

/// The identity file an age provider's values are read with on this machine: the one rotation
/// replaces. Identities held elsewhere (FNOX_AGE_KEY, another provider) are rotated where they are kept.
pub fn identity_file(
    name: &str,
    fields: &toml::Table,
    base_dir: &Path,
    legacy: Option<PathBuf>,
) -> Result<PathBuf> {
    let elsewhere = |what: &str| {
        Error::usage(format!(
            "cannot rotate the age identity of provider '{name}': it comes from {what}"
        ))
        .hint("rotate that key where it is kept: generate a new one (`age-keygen`), put its public key in `recipients` instead of the old one, and run `fnox reencrypt`")
    };
    if env_vars::non_empty(env_vars::FNOX_AGE_KEY).is_some() {
        return Err(elsewhere("FNOX_AGE_KEY"));
    }
    if fields.contains_key("identity") {
        return Err(elsewhere(
            "another provider (`identity = { provider, value }`)",
        ));
    }
    let key_file = fields.get("key_file").and_then(|v| v.as_str());
    if let Some((path, _)) = provider_age::identity_files(name, key_file, base_dir, legacy.as_ref())
        .into_iter()
        .next()
    {
        return Ok(path);
    }
    provider_age::default_identity_path()
        .ok_or_else(|| Error::new("cannot find the default identity file (no home directory)"))
}

/// The native X25519 identities an identity file holds, in order.
pub fn read_identities(path: &Path) -> Result<(SecretValue, Vec<age::x25519::Identity>)> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::new(format!("cannot read the age identity {}", path.display()))
            .cause(e)
            .hint("run `fnox init` to create this machine's key")
    })?;
    let ids = provider_age::x25519_identities(&text);
    Ok((SecretValue::new(text), ids))
}

/// A new identity: (file text, identity, public key).
pub fn generate() -> (SecretValue, age::x25519::Identity, String) {
    let created = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let (text, id, public) = provider_age::new_identity(&format!("{created} (fnox key rotate)"));
    (SecretValue::new(text), id, public)
}

/// Where the identities `path` held go when it is rotated now.
pub fn retired_path(path: &Path) -> PathBuf {
    let stamp = humantime::format_rfc3339_seconds(std::time::SystemTime::now())
        .to_string()
        .replace(['-', ':'], "");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "age.txt".to_owned());
    path.with_file_name(format!("{name}{RETIRED_MARK}{stamp}"))
}

/// How a path is written into `retired_key_files` of a file in `base_dir`: relative to it when
/// inside, `~/…` under the home directory (so each teammate's own home is meant), else as is.
pub fn config_path(path: &Path, base_dir: &Path) -> String {
    if let Ok(rel) = path.strip_prefix(base_dir) {
        return rel.to_string_lossy().into_owned();
    }
    if let Some(home) = env_vars::home_dir() {
        if let Ok(rel) = path.strip_prefix(&home) {
            return format!("~/{}", rel.to_string_lossy());
        }
    }
    path.to_string_lossy().into_owned()
}

/// Writes an identity file (0600, atomically).
pub fn write_identity(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::new(format!("cannot create {}", dir.display())).cause(e))?;
    }
    atomic_write(path, text.as_bytes(), FileMode::Exactly(0o600))
}

/// For each value, the index of the last of `keys` (the newest) whose identities open it (its
/// header only: nothing is decrypted), or None.
pub fn opened_by(keys: &[Vec<age::x25519::Identity>], values: &[&str]) -> Vec<Option<usize>> {
    values
        .par_iter()
        .map(|v| {
            let bytes = provider_age::stored_bytes(v);
            keys.iter().rposition(|ids| {
                age::Decryptor::new(&bytes[..]).is_ok_and(|d| {
                    d.decrypt(ids.iter().map(|i| i as &dyn age::Identity))
                        .is_ok()
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use std::str::FromStr;

    #[test]
    fn a_retired_copy_sits_beside_its_file_and_paths_are_written_relative_or_under_home() {
        let p = Path::new("/x/keys/age.txt");
        let r = retired_path(p);
        assert_eq!(r.parent(), p.parent());
        let name = r.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("age.txt.retired-") && name.ends_with('Z'),
            "{name}"
        );
        assert!(!name.contains(':'), "{name}");
        assert_eq!(config_path(&r, Path::new("/x")), format!("keys/{name}"));
        assert_eq!(
            config_path(Path::new("/elsewhere/k"), Path::new("/x")),
            "/elsewhere/k"
        );
    }

    #[test]
    fn the_new_identity_opens_what_it_sealed_and_only_that() {
        let (_, id, public) = generate();
        let (_, other, _) = generate();
        let r = age::x25519::Recipient::from_str(&public).unwrap();
        let ct = age::encrypt(&r, b"v").unwrap();
        let b64 = base64::engine::general_purpose::STANDARD.encode(ct);
        assert_eq!(
            provider_age::decrypt_with(&id, &[&b64])[0]
                .as_ref()
                .unwrap()
                .expose(),
            "v"
        );
        assert!(provider_age::decrypt_with(&other, &[&b64])[0].is_err());
        let keys = vec![vec![other], vec![id]];
        assert_eq!(opened_by(&keys, &[&b64, "bm9wZQ=="]), vec![Some(1), None]);
    }
}
