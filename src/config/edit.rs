//! The ONLY writer of config files: a toml_edit document edited in place (comments, order and
//! table styles survive), saved atomically (temp file in the same directory, fsync, rename)
//! under an exclusive lock held from read to rename, so concurrent writers never lose an update.
//! A command that changes several files saves them in one [`Transaction`]: all or nothing.
//!
//! Every write goes through a symbolic link to the file it names (the link stays), keeps an
//! existing file's owner and group, and writes a FIFO, a terminal or `/dev/stdout` directly.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, InlineTable, Item, Table, Value};

use super::load::{line_col, Config, SecretEntry, Section};
use crate::error::{Error, Result};

/// The fields of a secret entry in the order the upstream tool writes them.
pub const SECRET_FIELD_ORDER: [&str; 10] = [
    "provider",
    "value",
    "json_path",
    "line",
    "description",
    "default",
    "if_missing",
    "env",
    "as_file",
    "sync",
];

/// The fields an override of `entry` in another file starts from: the entry's own, except that
/// `allow_dangerous_name` from a file that is not trusted is left behind (copied into a trusted
/// file it would take effect there).
pub fn override_fields(config: &Config, entry: &SecretEntry) -> Vec<(String, Value)> {
    let layer = &config.layers[entry.origin.layer];
    let mut fields = entry_fields(&layer.text, &entry.origin.section, entry.name);
    if !config.layer_trusted(entry.origin.layer) {
        fields.retain(|(k, _)| k != "allow_dangerous_name");
    }
    fields
}

/// The fields of a secret entry as written in a file's text (inline or table form), in order,
/// without their layout: what an override entry in another file starts from.
pub fn entry_fields(text: &str, section: &Section, name: &str) -> Vec<(String, Value)> {
    let Ok(doc) = text.parse::<DocumentMut>() else {
        return Vec::new();
    };
    let root = doc.as_item();
    let secrets = match section {
        Section::Top => root.get("secrets"),
        Section::Profile(p) => root
            .get("profiles")
            .and_then(|i| i.get(p))
            .and_then(|i| i.get("secrets")),
    };
    let Some(entry) = secrets.and_then(|t| t.get(name)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |k: &str, v: &Value| {
        let mut v = v.clone();
        v.decor_mut().clear();
        if let Value::InlineTable(t) = &mut v {
            t.fmt();
        }
        out.push((k.to_owned(), v));
    };
    if let Some(t) = entry.as_inline_table() {
        for (k, v) in t.iter() {
            push(k, v);
        }
    } else if let Some(t) = entry.as_table() {
        for (k, item) in t.iter() {
            match item {
                Item::Value(v) => push(k, v),
                Item::Table(sub) => push(k, &Value::InlineTable(sub.clone().into_inline_table())),
                _ => {}
            }
        }
    }
    out
}

pub struct Editor {
    path: PathBuf,
    doc: DocumentMut,
    original: Option<super::text::Text>,
    /// Integrity tags and MAC keys computed for the entries written, saved in the sidecar.
    integrity: crate::integrity::write::Pending,
    _lock: DirLock,
}

/// Whether a save may replace a config file whose mode gives the user no write permission.
/// `--force` says yes, as `rm -f` removes a write-protected file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    Refuse,
    Overwrite,
}

impl ReadOnly {
    /// `Overwrite` when the command was given `--force`.
    pub fn overwrite_if(force: bool) -> ReadOnly {
        if force {
            ReadOnly::Overwrite
        } else {
            ReadOnly::Refuse
        }
    }
}

fn write_failed(path: &Path) -> Error {
    Error::new(format!(
        "Failed to write configuration file: {}",
        path.display()
    ))
    .code("fnox::config::write_failed")
}

/// The file a config path names: symbolic links followed when the file exists.
fn real_path(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Refuses, before anything else is done, a config path fnox must not write: a symbolic link to
/// nothing, a directory, or (unless `Overwrite`) a file the user may not write. Commands that
/// change a remote store before saving call it first, so that nothing changes anywhere.
pub fn ensure_writable(path: &Path, read_only: ReadOnly) -> Result<()> {
    if let Some(target) = super::load::dangling_link(path) {
        return Err(write_failed(path)
                .code("fnox::config::dangling_symlink")
                .cause(format!(
                    "it is a symbolic link to {}, which does not exist",
                    target.display()
                ))
                .hint("restore the file the link points to, or remove the link; fnox does not replace a link with a file"));
    }
    let path = real_path(path);
    if path.is_dir() {
        return Err(write_failed(&path)
            .cause("it is a directory, not a file")
            .hint("rename or remove that directory; fnox.toml must be a TOML file"));
    }
    if read_only == ReadOnly::Refuse {
        if let Some(mode) = read_only_mode(&path) {
            return Err(write_failed(&path)
                .code("fnox::config::read_only")
                .cause(format!("it is not writable by you (mode {mode:04o})"))
                .hint(format!(
                    "pass --force to write it anyway, or make it writable first (chmod u+w {})",
                    path.display()
                )));
        }
    }
    Ok(())
}

impl Editor {
    /// Locks the file's directory, then reads and parses the file (an absent file is empty).
    /// A file that does not parse, a link to nothing and (unless `Overwrite`) a read-only file
    /// are refused and left as they are.
    pub fn open(path: &Path, read_only: ReadOnly) -> Result<Editor> {
        ensure_writable(path, read_only)?;
        let path = real_path(path);
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| {
            Error::new(format!("cannot create directory {}", dir.display())).cause(e)
        })?;
        let lock = lock_dir(&dir)?;
        let original = if path.exists() {
            Some(super::load::read_config_text(&path)?)
        } else {
            None
        };
        let doc = match &original {
            Some(text) => text.parse::<DocumentMut>().map_err(|e| {
                let mut err = Error::new(format!(
                    "Invalid TOML in configuration file {}",
                    path.display()
                ))
                .code("fnox::config::invalid_toml");
                if let Some(span) = e.span() {
                    let (line, col) = line_col(text, span.start);
                    err.message = format!(
                        "Invalid TOML in configuration file {}:{line}:{col}",
                        path.display()
                    );
                }
                err.cause(e.message().trim_end())
                    .hint("fix the TOML at the line and column shown; the file was not changed")
            })?,
            None => DocumentMut::new(),
        };
        Ok(Editor {
            path,
            doc,
            original,
            integrity: Default::default(),
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn exists(&self) -> bool {
        self.original.is_some()
    }

    /// Where a writer records the integrity tags (and new MAC keys) of what it writes.
    pub fn integrity_mut(&mut self) -> &mut crate::integrity::write::Pending {
        &mut self.integrity
    }

    /// The table holding `table` ("secrets" / "providers") in a section, created on demand.
    fn section_table(&mut self, section: &Section, table: &str, create: bool) -> Option<&mut Item> {
        let root = self.doc.as_table_mut();
        let parent: &mut Table = match section {
            Section::Top => root,
            Section::Profile(p) => {
                if !create && root.get("profiles").and_then(|i| i.get(p)).is_none() {
                    return None;
                }
                let profiles = implicit_table(root, "profiles")?;
                implicit_table(profiles, p)?
            }
        };
        if !parent.contains_key(table) {
            if !create {
                return None;
            }
            parent.insert(table, Item::Table(Table::new()));
        }
        parent.get_mut(table)
    }

    /// Writes a secret's fields. An existing entry keeps its place, style and other fields;
    /// a new one is appended as a one-line inline table (`NAME= { provider = "…", value = "…" }`).
    pub fn set_secret(
        &mut self,
        section: &Section,
        name: &str,
        fields: &[(&str, Value)],
    ) -> Result<()> {
        let path = self.path.clone();
        let item = self
            .section_table(section, "secrets", true)
            .ok_or_else(|| not_a_table(&path, section, "secrets"))?;
        let like = item.is_table_like();
        let table = item
            .as_table_like_mut()
            .filter(|_| like)
            .ok_or_else(|| Error::new("secrets is not a table"))?;
        if let Some(existing) = table.get_mut(name) {
            match existing {
                Item::Value(Value::InlineTable(t)) => {
                    for (k, v) in fields {
                        match t.get_mut(k) {
                            Some(old) => {
                                let decor = old.decor().clone();
                                *old = v.clone();
                                *old.decor_mut() = decor;
                            }
                            None => {
                                // The space before `}` belongs after the new last field, not before its comma.
                                let trailing = t.iter_mut().last().map(|(_, last)| {
                                    let suffix = last.decor().suffix().cloned();
                                    last.decor_mut().set_suffix("");
                                    suffix
                                });
                                let mut v = v.clone();
                                v.decor_mut().set_prefix(" ");
                                if let Some(Some(suffix)) = trailing {
                                    v.decor_mut().set_suffix(suffix);
                                }
                                t.insert(*k, v);
                            }
                        }
                    }
                }
                Item::Table(t) => {
                    for (k, v) in fields {
                        match t.get_mut(k) {
                            Some(Item::Value(old)) => {
                                let decor = old.decor().clone();
                                *old = v.clone();
                                *old.decor_mut() = decor;
                            }
                            _ => {
                                t.insert(k, Item::Value(v.clone()));
                            }
                        }
                    }
                }
                _ => return Err(Error::new(format!(
                    "cannot update {}: it is not a table",
                    section.key_path("secrets", name)
                ))
                .hint(
                    "a secret must be a table, e.g. NAME = { provider = \"age\", value = \"...\" }",
                )),
            }
            return Ok(());
        }
        let mut entry = InlineTable::new();
        for key in SECRET_FIELD_ORDER {
            // The last occurrence wins, as it does when updating an existing entry.
            if let Some((_, v)) = fields.iter().rev().find(|(k, _)| *k == key) {
                entry.insert(key, v.clone());
            }
        }
        for (k, v) in fields.iter().rev() {
            if !entry.contains_key(k) {
                entry.insert(*k, v.clone());
            }
        }
        entry.fmt();
        let mut value = Value::InlineTable(entry);
        value.decor_mut().set_prefix(" ");
        table.insert(name, Item::Value(value));
        if let Some(mut key) = table.key_mut(name) {
            key.leaf_decor_mut().set_suffix("");
        }
        Ok(())
    }

    /// Removes a secret (with the comment lines directly above it). False when absent.
    pub fn remove_secret(&mut self, section: &Section, name: &str) -> bool {
        self.remove_entry(section, "secrets", name)
    }

    pub fn remove_provider(&mut self, section: &Section, name: &str) -> bool {
        self.remove_entry(section, "providers", name)
    }

    fn remove_entry(&mut self, section: &Section, table: &str, name: &str) -> bool {
        let Some(item) = self.section_table(section, table, false) else {
            return false;
        };
        let Some(t) = item.as_table_like_mut() else {
            return false;
        };
        // Comment lines separated from the entry by a blank line describe what follows,
        // not this entry: hand them to the next entry.
        let keep = t
            .key(name)
            .and_then(|k| k.leaf_decor().prefix())
            .and_then(|p| p.as_str())
            .map(|p| match p.rfind("\n\n") {
                Some(i) => p[..i + 1].to_owned(),
                None => String::new(),
            });
        let next = {
            let mut keys = t.iter().map(|(k, _)| k.to_owned());
            keys.by_ref().find(|k| k == name);
            keys.next()
        };
        if t.remove(name).is_none() {
            return false;
        }
        if let (Some(keep), Some(next)) = (keep.filter(|k| !k.is_empty()), next) {
            if let Some(mut key) = t.key_mut(&next) {
                let rest = key
                    .leaf_decor()
                    .prefix()
                    .and_then(|p| p.as_str())
                    .unwrap_or("")
                    .to_owned();
                key.leaf_decor_mut().set_prefix(format!("{keep}{rest}"));
            }
        }
        true
    }

    pub fn has_provider(&mut self, section: &Section, name: &str) -> bool {
        self.section_table(section, "providers", false)
            .and_then(|i| i.as_table_like())
            .is_some_and(|t| t.contains_key(name))
    }

    /// Sets (Some) or removes (None) fields of an existing provider, in place: the table's
    /// other fields, comments and style stay as they are.
    pub fn set_provider_fields(
        &mut self,
        section: &Section,
        name: &str,
        fields: &[(String, Option<Value>)],
    ) -> Result<()> {
        let path = self.path.clone();
        let missing = || {
            Error::new(format!(
                "cannot edit {}: it defines no provider '{name}' in {}",
                path.display(),
                section.key_path("providers", name)
            ))
            .hint("fix the file by hand; fnox did not change it")
        };
        let table = self
            .section_table(section, "providers", false)
            .and_then(|i| i.as_table_like_mut())
            .and_then(|t| t.get_mut(name))
            .and_then(|i| i.as_table_like_mut())
            .ok_or_else(missing)?;
        for (key, value) in fields {
            match value {
                Some(v) => match table.get_mut(key) {
                    Some(item) if item.is_value() => {
                        let decor = item.as_value().map(|old| old.decor().clone());
                        let mut v = v.clone();
                        if let Some(decor) = decor {
                            *v.decor_mut() = decor;
                        }
                        *item = Item::Value(v);
                    }
                    _ => {
                        table.insert(key, Item::Value(v.clone()));
                    }
                },
                None => {
                    table.remove(key);
                }
            }
        }
        // An inline table `{ type = "age", recipients = [...] }` gains its field in the same style.
        if let Some(inline) = self
            .section_table(section, "providers", false)
            .and_then(|i| i.as_table_like_mut())
            .and_then(|t| t.get_mut(name))
            .and_then(|i| i.as_inline_table_mut())
        {
            inline.fmt();
        }
        Ok(())
    }

    /// Appends a provider as its own `[providers.NAME]` table (an inline `[providers]` map stays inline).
    pub fn add_provider(
        &mut self,
        section: &Section,
        name: &str,
        fields: &[(&str, Value)],
    ) -> Result<()> {
        let path = self.path.clone();
        let document_was_empty = self.original.as_deref().is_none_or(|t| t.trim().is_empty());
        let item = self
            .section_table(section, "providers", true)
            .ok_or_else(|| not_a_table(&path, section, "providers"))?;
        match item {
            Item::Table(providers) => {
                // A `[providers]` table fnox just created needs no header of its own.
                if providers.is_empty() && providers.position().is_none() {
                    providers.set_implicit(true);
                }
                let mut table = Table::new();
                for (k, v) in fields {
                    table.insert(k, Item::Value(v.clone()));
                }
                if !document_was_empty {
                    table.decor_mut().set_prefix("\n");
                }
                providers.insert(name, Item::Table(table));
            }
            Item::Value(Value::InlineTable(providers)) => {
                let mut table = InlineTable::new();
                for (k, v) in fields {
                    table.insert(*k, v.clone());
                }
                table.fmt();
                providers.insert(name, Value::InlineTable(table));
            }
            _ => return Err(not_a_table(&path, section, "providers")),
        }
        Ok(())
    }

    /// Sets a top-level key (e.g. `default_provider`) if the document does not have it.
    pub fn set_top_level_default(&mut self, key: &str, value: Value) {
        if !self.doc.contains_key(key) {
            self.doc.insert(key, Item::Value(value));
        }
    }
}

fn not_a_table(path: &Path, section: &Section, table: &str) -> Error {
    {
        let where_ = match section {
            Section::Top => table.to_owned(),
            Section::Profile(p) => format!("profiles.{p}.{table}"),
        };
        Error::new(format!(
            "cannot edit {}: `{where_}` is not a table",
            path.display()
        ))
        .hint("fix the file by hand; fnox did not change it")
    }
}

impl Editor {
    /// The document as it would be saved.
    pub fn render(&self) -> String {
        self.doc.to_string()
    }

    /// Writes the document if it changed: temp file beside the original (its mode, owner and
    /// group, or 0600 for a new file), fsync, rename over, fsync the directory. Returns whether
    /// anything was written.
    pub fn save(self) -> Result<bool> {
        let mut tx = Transaction::new();
        tx.editors.push(self);
        Ok(tx.commit()? > 0)
    }

    fn changed_text(&self) -> Option<String> {
        let text = self.render();
        (self.original.as_deref() != Some(text.as_str())).then_some(text)
    }
}

/// Several config files saved all or nothing. Each file is locked and parsed when opened;
/// `commit` writes and fsyncs a temp file for every changed file, and only when all of them
/// are ready renames them into place, so a failure before the renames (a full disk, a
/// directory that refuses new files) leaves every file byte-identical.
#[derive(Default)]
pub struct Transaction {
    editors: Vec<Editor>,
}

impl Transaction {
    pub fn new() -> Transaction {
        Transaction::default()
    }

    /// The editor of `path`, opened (locked and parsed) on first use. Two paths naming one
    /// file (through a link) share an editor.
    pub fn open(&mut self, path: &Path, read_only: ReadOnly) -> Result<&mut Editor> {
        let real = real_path(path);
        let i = match self.editors.iter().position(|e| e.path == real) {
            Some(i) => i,
            None => {
                self.editors.push(Editor::open(path, read_only)?);
                self.editors.len() - 1
            }
        };
        Ok(&mut self.editors[i])
    }

    /// The editor of a path opened before.
    pub fn get_mut(&mut self, path: &Path) -> Option<&mut Editor> {
        let real = real_path(path);
        self.editors.iter_mut().find(|e| e.path == real)
    }

    /// Writes every changed file: all temp files first, then the renames. Returns how many
    /// files were written. The locks are held until the last rename.
    pub fn commit(self) -> Result<usize> {
        let mut changed: Vec<(&Path, Option<&str>, String)> = Vec::new();
        // Each changed file's sidecar (integrity tags), written before and after the file.
        let mut sidecars: Vec<crate::integrity::write::Update> = Vec::new();
        for e in &self.editors {
            let Some(text) = e.changed_text() else {
                continue;
            };
            sidecars.extend(crate::integrity::write::update(
                &e.path,
                e.original.as_deref(),
                &text,
                &e.integrity,
            )?);
            changed.push((e.path.as_path(), e.original.as_deref(), text));
        }
        let files = changed.len() + sidecars.len();
        let mut staged = Vec::new();
        let writes = sidecars
            .iter()
            .map(|u| (u.path.as_path(), u.during.as_bytes()))
            .chain(changed.iter().map(|(p, _, t)| (*p, t.as_bytes())))
            .chain(
                sidecars
                    .iter()
                    .map(|u| (u.path.as_path(), u.after.as_bytes())),
            );
        for (path, bytes) in writes {
            // Dropping `staged` on an error removes the temp files written so far.
            match stage(path, bytes, FileMode::KeepOr(0o600)) {
                Ok(s) => staged.push(s),
                Err(e) if files > 1 => {
                    return Err(e.cause(format!(
                        "nothing was written: the other {} file(s) are unchanged too",
                        files - 1
                    )))
                }
                Err(e) => return Err(e),
            }
        }
        let total = changed.len();
        let mut done: Vec<PathBuf> = Vec::new();
        for (i, s) in staged.into_iter().enumerate() {
            let path = s.path().to_path_buf();
            if let Err(mut e) = s.finish() {
                if !done.is_empty() {
                    let list: Vec<String> = done.iter().map(|p| p.display().to_string()).collect();
                    e = e.cause(format!(
                        "{} of {} file(s) were already written: {}",
                        done.len(),
                        files + sidecars.len(),
                        list.join(", ")
                    ));
                }
                return Err(e);
            }
            // fnox's own edit of a file the user trusted keeps it trusted.
            if let Some((_, original, text)) =
                i.checked_sub(sidecars.len()).and_then(|j| changed.get(j))
            {
                crate::trust::after_write(&path, *original, text);
            }
            if !done.contains(&path) {
                done.push(path);
            }
        }
        Ok(total)
    }
}

/// Gets or creates an implicit (header-less) table under `parent`.
fn implicit_table<'a>(parent: &'a mut Table, key: &str) -> Option<&'a mut Table> {
    if !parent.contains_key(key) {
        let mut t = Table::new();
        t.set_implicit(true);
        parent.insert(key, Item::Table(t));
    }
    parent.get_mut(key)?.as_table_mut()
}

/// An exclusive lock on a directory, shared by every editor of this process that works in it
/// (a command editing several files in one directory must not wait for itself).
pub(crate) type DirLock = std::sync::Arc<File>;

/// Locks `dir` for this process (re-entrant) against every other fnox writer; also what guards a
/// KeePass database fnox rewrites.
pub(crate) fn lock_dir(dir: &Path) -> Result<DirLock> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock, Weak};
    static HELD: OnceLock<Mutex<HashMap<PathBuf, Weak<File>>>> = OnceLock::new();
    let mut held = HELD
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(lock) = held.get(dir).and_then(Weak::upgrade) {
        return Ok(lock);
    }
    let file = File::open(dir).map_err(|e| {
        Error::new(format!(
            "cannot open directory {} to lock it",
            dir.display()
        ))
        .cause(e)
    })?;
    file.lock()
        .map_err(|e| Error::new(format!("cannot lock {}", dir.display())).cause(e))?;
    let lock = Arc::new(file);
    held.insert(dir.to_path_buf(), Arc::downgrade(&lock));
    Ok(lock)
}

/// The mode a written file gets.
#[derive(Debug, Clone, Copy)]
pub enum FileMode {
    /// An existing file keeps its own mode; a new one gets this.
    KeepOr(u32),
    /// Always this (plaintext exports: 0600 whatever was there before).
    Exactly(u32),
}

/// Writes `bytes` to `path`: a regular file (or a new one) is replaced atomically (temp file in
/// the same directory, fsync, rename); through a symbolic link, the file the link points to is
/// replaced and the link kept; a FIFO, a terminal, `/dev/stdout` or another non-regular file is
/// written directly.
pub fn atomic_write(path: &Path, bytes: &[u8], mode: FileMode) -> Result<()> {
    stage(path, bytes, mode)?.finish()
}

/// A write made ready: the temp file written and synced (or, for a non-regular file, the bytes
/// held), waiting for `finish`. Dropping it removes the temp file.
enum Staged {
    Replace {
        tmp: tempfile::NamedTempFile,
        path: PathBuf,
    },
    Direct {
        path: PathBuf,
        bytes: Vec<u8>,
    },
}

impl Staged {
    fn path(&self) -> &Path {
        match self {
            Staged::Replace { path, .. } | Staged::Direct { path, .. } => path,
        }
    }

    /// The rename (or the direct write), then the directory's fsync.
    fn finish(self) -> Result<()> {
        match self {
            Staged::Replace { tmp, path } => {
                tmp.persist(&path)
                    .map_err(|e| io_failed(&path, "renaming into place", e.error))?;
                let dir = path.parent().unwrap_or(Path::new("."));
                if let Ok(d) = OpenOptions::new().read(true).open(dir) {
                    let _ = d.sync_all();
                }
                Ok(())
            }
            Staged::Direct { path, bytes } => {
                // Append: through /dev/stdout to a file the shell opened with `>>`, nothing
                // written before is overwritten; a pipe or terminal does not care.
                let mut out = OpenOptions::new()
                    .append(true)
                    .open(&path)
                    .map_err(|e| io_failed(&path, "opening", e))?;
                out.write_all(&bytes)
                    .and_then(|()| out.flush())
                    .map_err(|e| io_failed(&path, "writing", e))
            }
        }
    }
}

fn io_failed(path: &Path, what: &str, e: std::io::Error) -> Error {
    let err = Error::new(format!("Failed to write {}", path.display()))
        .code("fnox::io::write_failed")
        .cause(format!("{what}: {e}"));
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        let dir = path.parent().unwrap_or(Path::new("."));
        err.hint(format!(
            "make {} writable by you; the original file is unchanged",
            dir.display()
        ))
    } else {
        err.hint("the original file is unchanged")
    }
}

/// Where a write to `path` lands.
enum Target {
    /// A regular file (or none yet) at this path, after following links: replace it.
    Replace(PathBuf),
    /// Not a regular file (FIFO, device, socket, a process's fd under /proc): write into it.
    Direct(PathBuf),
}

/// Follows `path`'s symbolic links (a link to nothing leads to the file to create).
fn write_target(path: &Path) -> Result<Target> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        let meta = match std::fs::symlink_metadata(&p) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Replace(p)),
            Err(e) => return Err(io_failed(path, "looking at the target", e)),
        };
        let kind = meta.file_type();
        let dir = p.parent().unwrap_or(Path::new(".")).to_path_buf();
        if kind.is_symlink() {
            // /dev/stdout, /dev/fd/N: the links in /proc/PID/fd name open files, not paths.
            if std::fs::canonicalize(&dir).is_ok_and(|d| d.starts_with("/proc")) {
                return Ok(Target::Direct(p));
            }
            let link =
                std::fs::read_link(&p).map_err(|e| io_failed(path, "reading the link", e))?;
            p = dir.join(link);
            continue;
        }
        if kind.is_dir() {
            return Err(Error::new(format!("Failed to write {}", path.display()))
                .code("fnox::io::write_failed")
                .cause("it is a directory, not a file")
                .hint("name a file to write"));
        }
        if kind.is_file() {
            return Ok(Target::Replace(p));
        }
        return Ok(Target::Direct(p));
    }
    Err(Error::new(format!("Failed to write {}", path.display()))
        .code("fnox::io::write_failed")
        .cause("too many levels of symbolic links"))
}

/// Prepares a write of `bytes` to `path` (see [`atomic_write`]).
fn stage(path: &Path, bytes: &[u8], mode: FileMode) -> Result<Staged> {
    let path = match write_target(path)? {
        Target::Direct(path) => {
            return Ok(Staged::Direct {
                path,
                bytes: bytes.to_vec(),
            })
        }
        Target::Replace(path) => path,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let fail = |what: &str, e: std::io::Error| io_failed(&path, what, e);
    let mut tmp = tempfile::Builder::new()
        .prefix(".fnox-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| {
            // Without the random name tempfile adds to the message ("... at path ...").
            let text = e.to_string();
            let text = text.split(" at path ").next().unwrap_or_default();
            let e = std::io::Error::new(e.kind(), text);
            fail("creating a temporary file", e)
        })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let existing = std::fs::metadata(&path).ok();
        if let Some(meta) = &existing {
            // Root rewriting someone's file leaves it theirs; others keep the group where they may.
            let tmp_meta = tmp
                .as_file()
                .metadata()
                .map_err(|e| fail("reading the temporary file", e))?;
            if (tmp_meta.uid(), tmp_meta.gid()) != (meta.uid(), meta.gid()) {
                let chown =
                    std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()));
                if let Err(e) = chown {
                    if is_root() {
                        return Err(fail("keeping the owner and group", e));
                    }
                }
            }
        }
        let perms = match (mode, &existing) {
            (FileMode::KeepOr(_), Some(meta)) => meta.permissions(),
            (FileMode::KeepOr(m) | FileMode::Exactly(m), _) => std::fs::Permissions::from_mode(m),
        };
        std::fs::set_permissions(tmp.path(), perms).map_err(|e| fail("setting permissions", e))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    tmp.write_all(bytes).map_err(|e| fail("writing", e))?;
    tmp.as_file().sync_all().map_err(|e| fail("syncing", e))?;
    Ok(Staged::Replace { tmp, path })
}

#[cfg(unix)]
fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// The mode of an existing file the user may not write, by its permission bits: for root, a
/// mode with no write bit at all; for others, the kernel's answer for this process.
#[cfg(unix)]
fn read_only_mode(path: &Path) -> Option<u32> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o7777;
    let writable = if is_root() {
        mode & 0o222 != 0
    } else {
        let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
        // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
        unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), libc::W_OK, libc::AT_EACCESS) == 0 }
    };
    (!writable).then_some(mode)
}

#[cfg(not(unix))]
fn read_only_mode(path: &Path) -> Option<u32> {
    let meta = std::fs::metadata(path).ok()?;
    meta.permissions().readonly().then_some(0o444)
}
