//! `keepass`: entries of a KeePass database file (`.kdbx`, KDBX 3.1 and 4 read, KDBX 4 written),
//! through the `keepass` crate. fnox.toml holds the entry's reference, as upstream fnox spells it:
//!
//! - `TITLE`: the Password of the entry with that title, searched in every group;
//! - `GROUP/…/TITLE`: the entry searched from that group down (groups named from the root's
//!   children, as keepassxc-cli names them);
//! - either followed by `/password`, `/username`, `/url`, `/notes` or `/title` (any case): that
//!   field instead. Any other last part is a title.
//!
//! Names match exactly; the first match in tree order wins. Entries in the recycle bin are not
//! found unless the path names the bin.
//!
//! The key is the password and/or the key file. The password is FNOX_KEEPASS_PASSWORD, else
//! KEEPASS_PASSWORD, else the provider's `password` field (`""`: the key file alone), else asked
//! once on the terminal; without a terminal a configured key file is tried alone. A batch opens
//! the database once (its key derivation is deliberately slow) and answers every reference from
//! it.
//!
//! `set` writes the field of the entry (creating the groups, the entry, or the database itself,
//! KDBX 4 with Argon2id), keeping the previous version in the entry's history as KeePassXC does,
//! and replaces the file atomically (temp file, fsync, rename) under the same directory lock
//! fnox.toml's edits take. A KDBX 3.1 database is written back as KDBX 4 (its key derivation
//! kept), as KeePassXC itself upgrades files.

use std::fs::File;
use std::path::PathBuf;
use std::sync::Mutex;

use keepass::config::{DatabaseVersion, InnerCipherConfig, KdfConfig};
use keepass::db::{fields, EntryId, GroupId, GroupRef, History};
use keepass::{Database, DatabaseKey};
use serde::Deserialize;
use zeroize::Zeroizing;

use super::{BuildContext, ErrorKind, ItemResult, ProviderError, Store};
use crate::env_vars;
use crate::secret::SecretValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeepassConfig {
    pub database: String,
    pub keyfile: Option<String>,
    pub password: Option<String>,
}

pub struct Keepass {
    /// The provider's name in fnox.toml, for hints.
    name: String,
    database: PathBuf,
    keyfile: Option<PathBuf>,
    configured: Option<Zeroizing<String>>,
    /// The password typed at the prompt, asked at most once per process.
    typed: Mutex<Option<Zeroizing<String>>>,
}

const NAME: &str = "keepass";
/// The fields a reference may end with, and their KeePass names.
const FIELDS: [(&str, &str); 5] = [
    ("password", fields::PASSWORD),
    ("username", fields::USERNAME),
    ("url", fields::URL),
    ("notes", fields::NOTES),
    ("title", fields::TITLE),
];
/// KeePass's folder icon, for the groups fnox creates.
const FOLDER_ICON: usize = 48;
/// History versions kept per entry when the database does not say (KeePassXC's default).
const HISTORY_MAX_ITEMS: usize = 10;

/// A database password; None for the key file alone.
type Password = Option<Zeroizing<String>>;

/// Where the password came from, for the hint when it does not open the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Env(&'static str),
    Field,
    Typed,
    /// No password: the key file alone.
    KeyFileOnly,
}

/// A reference taken apart: the path of groups and title, and the field.
#[derive(Debug, PartialEq, Eq)]
struct Reference<'a> {
    path: Vec<&'a str>,
    field: &'static str,
}

fn parse_reference(reference: &str) -> Reference<'_> {
    let parts: Vec<&str> = reference.split('/').collect();
    if let [path @ .., last] = parts.as_slice() {
        if !path.is_empty() {
            let lower = last.to_ascii_lowercase();
            if let Some((_, field)) = FIELDS.iter().find(|(name, _)| *name == lower) {
                return Reference {
                    path: path.to_vec(),
                    field,
                };
            }
        }
    }
    Reference {
        path: parts,
        field: fields::PASSWORD,
    }
}

impl Keepass {
    pub fn new(ctx: &BuildContext, config: KeepassConfig) -> Result<Keepass, ProviderError> {
        if config.database.trim().is_empty() {
            return Err(ProviderError::new(
                ErrorKind::Config,
                format!("{NAME}: `database` must not be empty"),
            )
            .hint("set database = \"~/secrets.kdbx\" (the path of the .kdbx file)"));
        }
        Ok(Keepass {
            name: ctx.name.to_owned(),
            database: env_vars::expand_path(&config.database, &ctx.base_dir),
            keyfile: config
                .keyfile
                .filter(|k| !k.is_empty())
                .map(|k| env_vars::expand_path(&k, &ctx.base_dir)),
            configured: config.password.map(Zeroizing::new),
            typed: Mutex::new(None),
        })
    }

    fn db(&self) -> String {
        self.database.display().to_string()
    }

    /// The password and where it came from; None for the key file alone. `creating`: the
    /// database does not exist yet, so a typed password is asked twice.
    fn password(&self, creating: bool) -> Result<(Password, Source), ProviderError> {
        for var in [env_vars::FNOX_KEEPASS_PASSWORD, env_vars::KEEPASS_PASSWORD] {
            if let Some(p) = env_vars::non_empty(var) {
                return Ok((Some(Zeroizing::new(p)), Source::Env(var)));
            }
        }
        if let Some(p) = &self.configured {
            if p.is_empty() {
                return Ok((None, Source::KeyFileOnly));
            }
            return Ok((Some(p.clone()), Source::Field));
        }
        let mut typed = self.typed.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = typed.as_ref() {
            return Ok(((!p.is_empty()).then(|| p.clone()), Source::Typed));
        }
        if crate::term::can_prompt() {
            let p = Zeroizing::new(self.ask(creating)?);
            if p.is_empty() && self.keyfile.is_none() {
                return Err(ProviderError::new(
                    ErrorKind::AccessDenied,
                    format!("{NAME}: no password given for {}", self.db()),
                )
                .hint("type the database's password, or configure a `keyfile`"));
            }
            *typed = Some(p.clone());
            return Ok(((!p.is_empty()).then_some(p), Source::Typed));
        }
        if self.keyfile.is_some() {
            return Ok((None, Source::KeyFileOnly));
        }
        Err(ProviderError::new(
            ErrorKind::AccessDenied,
            format!("{NAME}: no password for the database {}", self.db()),
        )
        .hint(format!(
            "set FNOX_KEEPASS_PASSWORD (or KEEPASS_PASSWORD), or run fnox in a terminal to be \
             asked; the provider's `password` field works too, but keeps the password in {}",
            "the config file"
        )))
    }

    fn ask(&self, creating: bool) -> Result<String, ProviderError> {
        let db = crate::term::escape(&self.db()).into_owned();
        let mut prompt = dialoguer::Password::new().allow_empty_password(self.keyfile.is_some());
        prompt = if creating {
            prompt
                .with_prompt(format!("Password for the new KeePass database {db}"))
                .with_confirmation("Repeat the password", "the passwords differ")
        } else {
            prompt.with_prompt(format!("Password of the KeePass database {db}"))
        };
        crate::progress::suspend(|| prompt.interact()).map_err(|e| {
            ProviderError::new(
                ErrorKind::AccessDenied,
                format!("{NAME}: cannot read the password for {}: {e}", self.db()),
            )
        })
    }

    /// The composite key: the password (when there is one) and the key file (when configured).
    fn key(&self, password: Option<&str>) -> Result<DatabaseKey, ProviderError> {
        let mut key = DatabaseKey::new();
        if let Some(p) = password {
            key = key.with_password(p);
        }
        if let Some(path) = &self.keyfile {
            let shown = path.display();
            let mut file = File::open(path).map_err(|e| {
                let err = ProviderError::new(
                    ErrorKind::Config,
                    format!("{NAME}: cannot open the key file {shown}: {e}"),
                );
                if e.kind() == std::io::ErrorKind::NotFound {
                    err.hint(
                        "check `keyfile` (relative paths start at the config file's directory)",
                    )
                } else {
                    err
                }
            })?;
            key = key.with_keyfile(&mut file).map_err(|e| {
                ProviderError::new(
                    ErrorKind::Config,
                    format!("{NAME}: cannot read the key file {shown}: {e}"),
                )
            })?;
        }
        Ok(key)
    }

    /// Reads and decrypts the database; None when the file does not exist.
    fn open(&self, creating_ok: bool) -> Result<Option<(Database, Password)>, ProviderError> {
        let bytes = match std::fs::read(&self.database) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && creating_ok => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ProviderError::new(
                    ErrorKind::Config,
                    format!("{NAME}: the database {} does not exist", self.db()),
                )
                .hint(format!(
                    "check `database` (relative paths start at the config file's directory), or \
                     create it: `fnox set --provider {} NAME VALUE` writes a new one",
                    self.name
                )))
            }
            Err(e) => {
                return Err(ProviderError::new(
                    ErrorKind::Other,
                    format!("{NAME}: cannot read the database {}: {e}", self.db()),
                ))
            }
        };
        let (password, source) = self.password(false)?;
        let key = self.key(password.as_deref().map(String::as_str))?;
        let db = Database::parse(&bytes, key).map_err(|e| {
            let kdbx3 = matches!(
                Database::get_version(&mut bytes.as_slice()),
                Ok(DatabaseVersion::KDB3(_))
            );
            self.open_error(e, source, kdbx3)
        })?;
        Ok(Some((db, password)))
    }

    fn open_error(
        &self,
        e: keepass::db::DatabaseOpenError,
        source: Source,
        kdbx3: bool,
    ) -> ProviderError {
        use keepass::db::DatabaseOpenError as E;
        let db = self.db();
        let incorrect = matches!(&e, E::Key(keepass::error::DatabaseKeyError::IncorrectKey));
        if incorrect {
            let keyfile = if self.keyfile.is_some() {
                " and the key file (`keyfile`)"
            } else {
                ""
            };
            let hint = match source {
                Source::Env(var) => format!("check the password in {var}{keyfile}"),
                Source::Field => format!("check the provider's `password` field{keyfile}"),
                Source::Typed => format!("check the password you typed{keyfile}"),
                Source::KeyFileOnly => "the database needs a password besides the key file: set \
                    FNOX_KEEPASS_PASSWORD (or KEEPASS_PASSWORD), or run fnox in a terminal to be asked"
                    .to_owned(),
            };
            let what = if self.keyfile.is_some() {
                "the password and key file do not"
            } else {
                "the password does not"
            };
            return ProviderError::new(
                ErrorKind::AccessDenied,
                format!("{NAME}: {what} open the database {db}"),
            )
            .hint(hint);
        }
        if matches!(&e, E::UnsupportedVersion | E::VersionParse(_)) {
            return ProviderError::new(
                ErrorKind::Config,
                format!("{NAME}: {db} is not a KeePass 2 database (KDBX 3.1 or 4): {e}"),
            )
            .hint(
                "check `database`; KeePass 1 (.kdb) files must be converted with KeePassXC first",
            );
        }
        let err = ProviderError::new(
            ErrorKind::Other,
            format!("{NAME}: cannot read the database {db}: {e}"),
        );
        if kdbx3 && matches!(&e, E::Format(_)) {
            // pykeepass writes times with fractions and offsets into KDBX 3.1 files
            // (2026-01-02T03:04:05.123456+00:00), which the keepass crate does not read; KeePassXC
            // rejects such a file too (its header hash no longer matches).
            return err.hint(format!(
                "check that KeePassXC opens it (`keepassxc-cli ls {db}`); a KDBX 3.1 file \
                 rewritten by pykeepass is readable by neither"
            ));
        }
        err
    }

    fn not_found(&self, reference: &str, what: &str) -> ProviderError {
        ProviderError::new(
            ErrorKind::NotFound,
            format!("{NAME}: {what} in the database {}", self.db()),
        )
        .hint(format!(
            "check the entry's title and groups (`keepassxc-cli ls -R {}`), or create it with \
             `fnox set --provider {} NAME VALUE --key-name {reference}`",
            self.db(),
            self.name
        ))
    }

    fn read(&self, db: &Database, reference: &str) -> ItemResult {
        let r = parse_reference(reference);
        let recycle_bin = db.meta.recyclebin_uuid.map(GroupId::from_uuid);
        let entry = find_entry(db.root(), &r.path, recycle_bin)
            .ok_or_else(|| self.not_found(reference, &format!("no entry {}", r.path.join("/"))))?;
        let entry = db.entry(entry).expect("the entry was just found");
        match entry.get(r.field) {
            Some(value) => Ok(SecretValue::new(value.to_owned())),
            None => Err(self.not_found(
                reference,
                &format!("entry {} has no {} field", r.path.join("/"), r.field),
            )),
        }
    }
}

/// The entry a path names: its first part is a group below `group` (unless it is the last part,
/// the title, which is searched for in `group` and every group below it).
fn find_entry(group: GroupRef<'_>, path: &[&str], recycle_bin: Option<GroupId>) -> Option<EntryId> {
    match path {
        [] => None,
        [title] => find_by_title(&group, title, recycle_bin),
        [name, rest @ ..] => {
            let child = group.groups().find(|g| g.name == *name)?.id();
            let child = group.database().group(child)?;
            find_entry(child, rest, recycle_bin)
        }
    }
}

/// The first entry titled `title` in `group` or below it, the group's own entries first. The
/// recycle bin is skipped when searched through, not when named.
fn find_by_title(
    group: &GroupRef<'_>,
    title: &str,
    recycle_bin: Option<GroupId>,
) -> Option<EntryId> {
    if let Some(e) = group
        .entries()
        .find(|e| e.get(fields::TITLE) == Some(title))
    {
        return Some(e.id());
    }
    group
        .groups()
        .filter(|g| Some(g.id()) != recycle_bin)
        .find_map(|g| find_by_title(&g, title, recycle_bin))
}

impl Keepass {
    /// Writes `items` (checked references) into the database and saves it once, if anything
    /// changed.
    fn write_all(&self, items: &[(&Reference<'_>, &str)]) -> Result<(), ProviderError> {
        let dir = match self.database.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(|e| {
            ProviderError::new(
                ErrorKind::Other,
                format!("{NAME}: cannot create the directory {}: {e}", dir.display()),
            )
        })?;
        // Held from the read to the rename, so two fnox writers never lose an update.
        let _lock = crate::config::edit::lock_dir(&dir).map_err(|e| {
            ProviderError::new(ErrorKind::Other, format!("{NAME}: {}", e.one_line()))
        })?;
        let (mut db, password) = match self.open(true)? {
            Some((db, password)) => (db, password),
            None => {
                let (password, _) = self.password(true)?;
                (new_database(), password)
            }
        };
        let mut changed = false;
        for (r, value) in items {
            changed |= write_field(&mut db, r, value);
        }
        if !changed {
            return Ok(());
        }
        // The crate writes KDBX 4.1; a 3.1 or 4.0 file is upgraded as KeePassXC upgrades it.
        if !matches!(db.config.version, DatabaseVersion::KDB4(_)) {
            db.config.inner_cipher_config = InnerCipherConfig::ChaCha20;
        }
        db.config.version = DatabaseVersion::KDB4(1);
        let key = self.key(password.as_deref().map(String::as_str))?;
        let mut bytes = Zeroizing::new(Vec::new());
        db.save(&mut *bytes, key).map_err(|e| {
            ProviderError::new(
                ErrorKind::Other,
                format!("{NAME}: cannot encrypt the database {}: {e}", self.db()),
            )
        })?;
        crate::config::edit::atomic_write(
            &self.database,
            &bytes,
            crate::config::edit::FileMode::KeepOr(0o600),
        )
        .map_err(|e| ProviderError::new(ErrorKind::Other, format!("{NAME}: {}", e.one_line())))
    }
}

/// A reference `set` may write: not an entry's title, no empty group or title.
fn writable_reference(reference: &str) -> Result<Reference<'_>, ProviderError> {
    let r = parse_reference(reference);
    if r.field == fields::TITLE {
        return Err(ProviderError::new(
            ErrorKind::Config,
            format!("{NAME}: cannot write the title of {}", r.path.join("/")),
        )
        .hint("the title is what finds the entry; write its password, username, url or notes"));
    }
    if r.path.iter().any(|p| p.is_empty()) {
        return Err(ProviderError::new(
            ErrorKind::Config,
            format!("{NAME}: '{reference}' has an empty group or title"),
        )
        .hint("name it GROUP/TITLE or TITLE, without a leading, trailing or double `/`"));
    }
    Ok(r)
}

impl Store for Keepass {
    fn fetch_batch(&self, references: &[&str]) -> Vec<ItemResult> {
        match self.open(false) {
            Ok(Some((db, _))) => references.iter().map(|r| self.read(&db, r)).collect(),
            Ok(None) => unreachable!("open(false) never returns None"),
            Err(e) => references.iter().map(|_| Err(e.clone())).collect(),
        }
    }

    fn put(&self, reference: &str, value: &str) -> Result<(), ProviderError> {
        self.put_batch(&[(reference, value)]).remove(0)
    }

    /// Every value is written into one decrypted copy of the database, which is then encrypted
    /// and saved once (its key derivation is the slow part), under the lock fnox.toml edits take.
    fn put_batch(&self, items: &[(&str, &str)]) -> Vec<Result<(), ProviderError>> {
        let refs: Vec<Result<Reference<'_>, ProviderError>> =
            items.iter().map(|(r, _)| writable_reference(r)).collect();
        let valid: Vec<(&Reference<'_>, &str)> = refs
            .iter()
            .zip(items)
            .filter_map(|(r, (_, value))| r.as_ref().ok().map(|r| (r, *value)))
            .collect();
        let outcome = if valid.is_empty() {
            Ok(())
        } else {
            self.write_all(&valid)
        };
        refs.into_iter()
            .map(|r| r.and_then(|_| outcome.clone()))
            .collect()
    }

    fn check(&self) -> Result<String, ProviderError> {
        match self.open(true)? {
            Some((db, _)) => {
                let version = match db.config.version {
                    DatabaseVersion::KDB3(minor) => format!("KDBX 3.{minor}"),
                    DatabaseVersion::KDB4(minor) => format!("KDBX 4.{minor}"),
                    _ => "KeePass 1".to_owned(),
                };
                let n = db.num_entries();
                Ok(format!(
                    "the database {} opens ({version}, {n} entr{})",
                    self.db(),
                    if n == 1 { "y" } else { "ies" }
                ))
            }
            None => {
                // Nothing to open yet: the first `set` creates it. The key must be at hand.
                self.password(false)?;
                if let Some(k) = &self.keyfile {
                    if !k.is_file() {
                        return Err(ProviderError::new(
                            ErrorKind::Config,
                            format!("{NAME}: the key file {} does not exist", k.display()),
                        ));
                    }
                }
                Ok(format!(
                    "the database {} does not exist yet; the first `fnox set --provider {}` creates it",
                    self.db(),
                    self.name
                ))
            }
        }
    }
}

/// An empty KDBX 4 database as KeePassXC would start one: a root group, Argon2id.
fn new_database() -> Database {
    let mut db = Database::new();
    db.config.kdf_config = KdfConfig::Argon2id {
        iterations: ARGON2_ITERATIONS,
        memory: ARGON2_MEMORY,
        parallelism: 2,
        version: argon2::Version::Version13,
    };
    db.meta.generator = Some("fnox".to_owned());
    db.meta.recyclebin_enabled = Some(true);
    db.meta.history_max_items = Some(HISTORY_MAX_ITEMS as isize);
    let mut root = db.root_mut();
    root.name = "Root".to_owned();
    root.set_icon_builtin(FOLDER_ICON);
    db
}

/// Argon2id cost of a new database: 64 MiB, as KeePassXC's default.
const ARGON2_MEMORY: u64 = 64 * 1024 * 1024;
const ARGON2_ITERATIONS: u64 = 10;

/// Sets the field the reference names, creating groups and the entry as needed; false when it
/// already held `value` (nothing to write).
fn write_field(db: &mut Database, r: &Reference<'_>, value: &str) -> bool {
    let (groups, title) = r.path.split_at(r.path.len() - 1);
    let title = title[0];
    let mut group = db.root().id();
    for name in groups {
        let found = db
            .group(group)
            .and_then(|g| g.groups().find(|c| c.name == *name).map(|c| c.id()));
        group = match found {
            Some(id) => id,
            None => {
                let mut parent = db.group_mut(group).expect("the group exists");
                let mut child = parent.add_group();
                child.name = (*name).to_owned();
                child.set_icon_builtin(FOLDER_ICON);
                child.id()
            }
        };
    }
    let recycle_bin = db.meta.recyclebin_uuid.map(GroupId::from_uuid);
    let start = db.group(group).expect("the group exists");
    let protect = r.field == fields::PASSWORD;
    let existing = find_by_title(&start, title, recycle_bin);
    match existing {
        Some(id) => {
            let mut entry = db.entry_mut(id).expect("the entry was just found");
            if entry.get(r.field) == Some(value) {
                return false;
            }
            entry.edit_tracking(|e| {
                if protect {
                    e.set_protected(r.field, value);
                } else {
                    e.set_unprotected(r.field, value);
                }
            });
            let max = db.meta.history_max_items.map_or(HISTORY_MAX_ITEMS, |n| {
                usize::try_from(n).unwrap_or(usize::MAX)
            });
            trim_history(db, id, max);
        }
        None => {
            let mut parent = db.group_mut(group).expect("the group exists");
            let mut entry = parent.add_entry();
            entry.set_unprotected(fields::TITLE, title);
            for (_, name) in FIELDS {
                if name != fields::TITLE && name != r.field {
                    if name == fields::PASSWORD {
                        entry.set_protected(name, "");
                    } else {
                        entry.set_unprotected(name, "");
                    }
                }
            }
            if protect {
                entry.set_protected(r.field, value);
            } else {
                entry.set_unprotected(r.field, value);
            }
        }
    }
    true
}

/// Keeps the newest `max` versions of an entry's history (KeePass's `HistoryMaxItems`).
fn trim_history(db: &mut Database, id: EntryId, max: usize) {
    let Some(mut entry) = db.entry_mut(id) else {
        return;
    };
    let Some(history) = entry.history.as_ref() else {
        return;
    };
    if history.get_entries().len() <= max {
        return;
    }
    let kept: Vec<_> = history.get_entries().iter().take(max).cloned().collect();
    let mut trimmed = History::default();
    for version in kept.into_iter().rev() {
        trimmed.add_entry(version);
    }
    entry.history = Some(trimmed);
    db.remove_unused_attachments();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_a_path_and_a_field_as_upstream_does() {
        let r = |s| parse_reference(s);
        assert_eq!(r("api").path, ["api"]);
        assert_eq!(r("api").field, "Password");
        assert_eq!(r("password").path, ["password"]);
        assert_eq!(r("api/UserName").field, "UserName");
        assert_eq!(r("api/UserName").path, ["api"]);
        assert_eq!(r("work/db/url").path, ["work", "db"]);
        assert_eq!(r("work/db/url").field, "URL");
        assert_eq!(r("work/db/NOTES").field, "Notes");
        assert_eq!(r("work/db").path, ["work", "db"]);
        assert_eq!(r("work/db").field, "Password");
        assert_eq!(r("work/db/title").field, "Title");
    }

    #[test]
    fn writes_create_groups_and_entries_and_keep_history() {
        let mut db = new_database();
        let r = parse_reference("work/api/username");
        assert!(write_field(&mut db, &r, "alice"));
        assert!(!write_field(&mut db, &r, "alice"));
        assert!(write_field(&mut db, &parse_reference("work/api"), "pw1"));
        assert!(write_field(&mut db, &parse_reference("work/api"), "pw2"));
        let id = find_entry(db.root(), &["work", "api"], None).unwrap();
        // Found from the root by title alone too.
        assert_eq!(find_entry(db.root(), &["api"], None), Some(id));
        let entry = db.entry(id).unwrap();
        assert_eq!(entry.get("UserName"), Some("alice"));
        assert_eq!(entry.get("Password"), Some("pw2"));
        assert_eq!(entry.history.as_ref().unwrap().get_entries().len(), 2);
        for _ in 0..20 {
            let v = format!("v{}", db.num_entries() + entry_versions(&db, id));
            write_field(&mut db, &parse_reference("work/api"), &v);
        }
        assert_eq!(entry_versions(&db, id), HISTORY_MAX_ITEMS);
    }

    fn entry_versions(db: &Database, id: EntryId) -> usize {
        db.entry(id)
            .unwrap()
            .history
            .as_ref()
            .unwrap()
            .get_entries()
            .len()
    }
}
