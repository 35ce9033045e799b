//! Keeping a sidecar in step with its config file on every save: tags of entries that changed
//! or went away are dropped, new tags and MAC keys the writer computed are added. The config
//! file's save writes the sidecar twice around its own rename (old and new tags together, then
//! the new ones alone), so a reader that sees either version of the config file still verifies
//! every entry it did not change (a key `reencrypt` replaces is the exception, see `update`).

use std::collections::BTreeMap;
use std::path::Path;

use super::{sidecar_path, Sidecar, Sig, Tag};

/// What a writer computed for the entries it wrote: tags by (section, name), and MAC keys it
/// created, by provider; and the MAC keys it has in hand, so a batch unseals each once.
#[derive(Default)]
pub struct Pending {
    tags: BTreeMap<(String, String), Tag>,
    keys: BTreeMap<String, String>,
    unsealed: BTreeMap<String, super::MacKey>,
    /// The keys `reencrypt` replaced, by provider: old tags are checked with them.
    previous: BTreeMap<String, super::MacKey>,
    /// The keys a killed replacement was moving away from (the sidecar's `key-old`), by
    /// provider: old tags made with them are still valid ones.
    older: BTreeMap<String, super::MacKey>,
    /// Entries whose tags are dropped although the entry did not change (made with a key that
    /// was replaced, and not valid under it).
    untag: std::collections::BTreeSet<(String, String)>,
    /// `Signer::finish` has run for this file.
    finished: bool,
    /// Signatures by FNOX_SIGNING_KEY of the entries written, by (section, name).
    sigs: BTreeMap<(String, String), Sig>,
    /// Why an entry could not be signed although FNOX_SIGNING_KEY asks for it: the save stops.
    refused: Option<crate::error::Error>,
}

impl Pending {
    pub fn tag(&mut self, section: &str, name: &str, tag: Tag) {
        self.tags.insert((section.to_owned(), name.to_owned()), tag);
    }

    pub fn key(&mut self, provider: &str, sealed: String) {
        self.keys.insert(provider.to_owned(), sealed);
    }

    /// The keys a replacement of `provider`'s key is moving away from: the one this save
    /// replaces and the one a killed replacement left (`key-old`).
    fn old_keys(&self, provider: &str) -> Vec<&super::MacKey> {
        self.previous
            .get(provider)
            .into_iter()
            .chain(self.older.get(provider))
            .collect()
    }

    /// Signs the entry `binding` names with FNOX_SIGNING_KEY, when it is set.
    pub fn sign(&mut self, binding: &super::Binding<'_>) {
        let signed = match super::sign::SigningKey::configured() {
            None => return,
            Some(key) => key.and_then(|k| k.sign(binding)),
        };
        match signed {
            Ok(sig) => {
                self.sigs
                    .insert((binding.section.to_owned(), binding.name.to_owned()), sig);
            }
            Err(e) => {
                self.refused.get_or_insert(e);
            }
        }
    }
}

/// The MAC key of cipher `key_provider`: `sealed` (what the file's sidecar holds for it), unsealed
/// by `cipher`, else a new one `sealer` seals (the same cipher, or its rotated settings). Each
/// is unsealed once per editor. `rotate` (reencrypt, key rotate): a new key replaces the sealed
/// one, which is kept in `previous` to check the old tags (a member whose key was removed may
/// have kept it).
fn mac_key<'p>(
    pending: &'p mut Pending,
    key_provider: &str,
    sealed: Option<&str>,
    (cipher, sealer): (&dyn crate::provider::Cipher, &dyn crate::provider::Cipher),
    rotate: bool,
) -> Result<&'p super::MacKey, String> {
    if !pending.unsealed.contains_key(key_provider) {
        let (key, fresh) = match sealed {
            Some(sealed) => {
                let plain = cipher
                    .decrypt_batch(&[sealed])
                    .remove(0)
                    .map_err(|e| format!("its MAC key cannot be decrypted here: {}", e.message))?;
                let key = super::MacKey::from_plaintext(plain.expose())
                    .ok_or("its MAC key in the sidecar is not a 32-byte key")?;
                if rotate {
                    pending.previous.insert(key_provider.to_owned(), key);
                    (super::MacKey::generate(), true)
                } else {
                    (key, false)
                }
            }
            None => (super::MacKey::generate(), true),
        };
        if fresh {
            let sealed = sealer
                .seal(&key.to_plaintext())
                .map_err(|e| format!("a MAC key cannot be sealed: {}", e.message))?;
            if super::exposes(&sealed, &key.to_plaintext()) {
                // Not a key at all: such values stay untagged, quietly (an empty reason).
                return Err(String::new());
            }
            pending.key(key_provider, sealed);
        }
        pending.unsealed.insert(key_provider.to_owned(), key);
    }
    Ok(&pending.unsealed[key_provider])
}

/// Tags the entry `binding` names, written to a file whose editor keeps `pending`, with the MAC
/// key of cipher `key_provider` (`sealed` as its sidecar holds it). Why it could not, otherwise.
fn sign(
    pending: &mut Pending,
    binding: &super::Binding<'_>,
    key_provider: &str,
    sealed: Option<&str>,
    cipher: &dyn crate::provider::Cipher,
) -> Result<(), String> {
    let mac = mac_key(pending, key_provider, sealed, (cipher, cipher), false)?.tag(binding);
    pending.tag(
        binding.section,
        binding.name,
        Tag {
            key: key_provider.to_owned(),
            mac,
        },
    );
    Ok(())
}

/// Tags what a writer writes into one file: a cipher's value with the cipher's own MAC key, a
/// store's reference with the key of a cipher the file's sidecar already has one for. An entry
/// that cannot be tagged is saved untagged, with a warning that says why.
pub struct Signer<'a> {
    scope: &'a crate::config::load::Config,
    profiles: &'a [String],
    path: &'a Path,
    identity: String,
    /// Providers built by `tag_named`, each once.
    built: std::cell::RefCell<BTreeMap<String, std::rc::Rc<crate::provider::Provider>>>,
    /// The file's sidecar as it was before this write, read on first use.
    side: std::cell::RefCell<Option<Sidecar>>,
}

impl<'a> Signer<'a> {
    /// For the file at `path`, with the providers as `scope` (the file's own view) has them.
    pub fn new(
        scope: &'a crate::config::load::Config,
        profiles: &'a [String],
        path: &'a Path,
    ) -> Signer<'a> {
        Signer {
            scope,
            profiles,
            path,
            identity: super::file_identity(path),
            built: Default::default(),
            side: Default::default(),
        }
    }

    /// Provider `name` as the file sees it, built once per signer.
    fn provider(
        &self,
        name: &str,
        entry: &str,
    ) -> crate::error::Result<std::rc::Rc<crate::provider::Provider>> {
        if let Some(p) = self.built.borrow().get(name) {
            return Ok(p.clone());
        }
        let p = std::rc::Rc::new(crate::resolve::build_writer(
            self.scope,
            name,
            self.profiles,
            &format!("tag {entry}"),
        )?);
        self.built.borrow_mut().insert(name.to_owned(), p.clone());
        Ok(p)
    }

    /// Signs with `provider` for `name` instead of building it from the file's settings: a key
    /// rotation's new settings, which the file will hold once saved.
    pub fn use_provider(&self, name: &str, provider: crate::provider::Provider) {
        self.built
            .borrow_mut()
            .insert(name.to_owned(), std::rc::Rc::new(provider));
    }

    /// The file's sidecar as it was before this write, read once per signer.
    fn sidecar(&self) -> std::cell::Ref<'_, Sidecar> {
        if self.side.borrow().is_none() {
            let side = std::fs::read_to_string(sidecar_path(self.path))
                .map(|t| Sidecar::parse(&t))
                .unwrap_or_default();
            *self.side.borrow_mut() = Some(side);
        }
        std::cell::Ref::map(self.side.borrow(), |s| s.as_ref().expect("read above"))
    }

    /// The MAC key the sidecar holds for `provider`, sealed.
    fn sealed(&self, provider: &str) -> Option<String> {
        self.sidecar().keys.get(provider).cloned()
    }

    /// `tag`, building the provider by name (once per signer) as the file sees it.
    pub fn tag_named(
        &self,
        editor: &mut crate::config::edit::Editor,
        section: &crate::config::load::Section,
        name: &str,
        provider_name: &str,
        stored: &str,
    ) {
        match self.provider(provider_name, name) {
            Ok(provider) => self.tag(editor, section, name, provider_name, &provider, stored),
            Err(e) => {
                crate::error::warn(format!(
                    "{name} is saved without an integrity tag: {}",
                    e.one_line()
                ));
                editor.integrity_mut().sign(&super::Binding {
                    file: &self.identity,
                    section: super::verify::section_name(section),
                    name,
                    provider: provider_name,
                    value: stored,
                });
            }
        }
    }

    /// For `reencrypt`: checks the entry's tag against its old provider and value (a forged
    /// value is not re-encrypted into a valid one), then tags the new value. The old cipher's
    /// MAC key is replaced by a new one sealed under its current settings, so new recipients can
    /// verify and removed ones (who may have kept the old key) can no longer tag; `finish`
    /// moves the file's other entries to it. An untagged entry stays untagged. Err: the old tag
    /// does not verify.
    pub fn retag(
        &self,
        editor: &mut crate::config::edit::Editor,
        section: &crate::config::load::Section,
        name: &str,
        old: (&str, &dyn crate::provider::Cipher, &str),
        new_provider: &str,
        stored: &str,
    ) -> Result<(), String> {
        let (old_provider, old_cipher, old_value) = old;
        let section_name = super::verify::section_name(section);
        let tags: Vec<Tag> = match self.sidecar().tags_of(section_name, name) {
            Some(tags) => tags.iter().cloned().collect(),
            None => return Ok(()),
        };
        let binding = super::Binding {
            file: &self.identity,
            section: section_name,
            name,
            provider: old_provider,
            value: old_value,
        };
        let sealed = self.sealed(old_provider);
        // The replacing key is sealed under the provider's settings as they will be saved (a
        // rotated key's), which is the old cipher unless `use_provider` said otherwise.
        let sealer = self.built.borrow().get(old_provider).cloned();
        let seal_with = match sealer.as_deref() {
            Some(crate::provider::Provider::Cipher(c)) => c.as_ref(),
            _ => old_cipher,
        };
        let pending = editor.integrity_mut();
        mac_key(
            pending,
            old_provider,
            sealed.as_deref(),
            (old_cipher, seal_with),
            true,
        )?;
        if !pending.older.contains_key(old_provider) {
            let replaced = self.sidecar().replaced.get(old_provider).cloned();
            let older = replaced.and_then(|sealed| {
                let plain = old_cipher.decrypt_batch(&[&sealed]).remove(0).ok()?;
                super::MacKey::from_plaintext(plain.expose())
            });
            if let Some(k) = older {
                pending.older.insert(old_provider.to_owned(), k);
            }
        }
        let old_keys = pending.old_keys(old_provider);
        if old_keys.is_empty() {
            return Err("the sidecar holds no MAC key for its provider".to_owned());
        }
        let valid = tags.iter().any(|t| {
            t.key == old_provider && old_keys.iter().any(|k| k.verifies(&binding, &t.mac))
        });
        if !valid {
            return Err(format!(
                "its integrity tag does not match its value: it was changed outside fnox (see `fnox get {name}`)"
            ));
        }
        self.tag_named(editor, section, name, new_provider, stored);
        Ok(())
    }

    /// After `retag`: every other entry of the file tagged with a replaced key is checked with
    /// the old key and tagged with the new one; one that does not verify loses its tag.
    pub fn finish(&self, editor: &mut crate::config::edit::Editor) {
        if editor.integrity_mut().finished {
            return;
        }
        editor.integrity_mut().finished = true;
        let current = entries(&editor.render());
        let side = self.sidecar();
        let pending = editor.integrity_mut();
        for ((section, name), tags) in &side.tags {
            let id = (section.clone(), name.clone());
            if pending.tags.contains_key(&id) {
                continue;
            }
            // Tags made with a key being replaced (or one a killed replacement left) move
            // to the new key when they verify; an entry none of whose tags does loses them.
            let mut replaced_any = false;
            let mut retagged = None;
            for tag in tags {
                let Some(new) = pending.unsealed.get(&tag.key) else {
                    continue;
                };
                let olds = pending.old_keys(&tag.key);
                if olds.is_empty() {
                    continue;
                }
                replaced_any = true;
                let read = current
                    .get(&id)
                    .and_then(|entry| self.read_as(section, entry));
                let mac = read.and_then(|(provider, value)| {
                    let binding = super::Binding {
                        file: &self.identity,
                        section,
                        name,
                        provider: &provider,
                        value: &value,
                    };
                    olds.iter()
                        .any(|old| old.verifies(&binding, &tag.mac))
                        .then(|| new.tag(&binding))
                });
                if let Some(mac) = mac {
                    retagged = Some(Tag {
                        key: tag.key.clone(),
                        mac,
                    });
                    break;
                }
            }
            match retagged {
                Some(tag) => {
                    pending.tags.insert(id.clone(), tag);
                }
                None if replaced_any => {
                    pending.untag.insert(id.clone());
                }
                None => {}
            }
        }
    }

    /// Tags entries just written into `editor` (their provider and value as the file now says,
    /// read the way the resolver reads them): for writers that assemble entries field by field
    /// (`edit`, `sync`).
    pub fn tag_written(
        &self,
        editor: &mut crate::config::edit::Editor,
        written: &[(&crate::config::load::Section, &str)],
    ) {
        let current = entries(&editor.render());
        for (section, name) in written {
            let section_name = super::verify::section_name(section);
            let read = current
                .get(&(section_name.to_owned(), (*name).to_owned()))
                .and_then(|entry| self.read_as(section_name, entry));
            if let Some((provider, value)) = read {
                self.tag_named(editor, section, name, &provider, &value);
            }
        }
    }

    /// The provider and stored value an entry is read with, as the resolver reads it.
    fn read_as(&self, section: &str, entry: &toml::Value) -> Option<(String, String)> {
        read_as(self.scope, self.profiles, section, entry)
    }

    /// The cipher a store's references are tagged with: the first (by name) the file's sidecar,
    /// or this write, holds a MAC key for.
    fn key_provider(&self, pending: &Pending) -> Option<String> {
        let side = self.sidecar();
        side.keys.keys().chain(pending.keys.keys()).min().cloned()
    }

    pub fn tag(
        &self,
        editor: &mut crate::config::edit::Editor,
        section: &crate::config::load::Section,
        name: &str,
        provider_name: &str,
        provider: &crate::provider::Provider,
        stored: &str,
    ) {
        let binding = super::Binding {
            file: &self.identity,
            section: super::verify::section_name(section),
            name,
            provider: provider_name,
            value: stored,
        };
        // A signature needs no MAC key: every entry written is signed, tagged or not.
        editor.integrity_mut().sign(&binding);
        let outcome = match provider {
            crate::provider::Provider::Cipher(c) => {
                let sealed = self.sealed(provider_name);
                let pending = editor.integrity_mut();
                sign(
                    pending,
                    &binding,
                    provider_name,
                    sealed.as_deref(),
                    c.as_ref(),
                )
            }
            crate::provider::Provider::Store(_) => {
                let Some(key_provider) = self.key_provider(editor.integrity_mut()) else {
                    // No cipher has a MAC key in this file yet: nothing to tag a reference with.
                    return;
                };
                let sealed = self.sealed(&key_provider);
                match self.provider(&key_provider, name).as_deref() {
                    Ok(crate::provider::Provider::Cipher(c)) => sign(
                        editor.integrity_mut(),
                        &binding,
                        &key_provider,
                        sealed.as_deref(),
                        c.as_ref(),
                    ),
                    Ok(_) => Err(format!("provider '{key_provider}' is not a cipher")),
                    Err(e) => Err(e.one_line()),
                }
            }
        };
        if let Some(why) = outcome.err().filter(|w| !w.is_empty()) {
            crate::error::warn(format!(
                "{name} is saved without an integrity tag: {why}; reads will warn until someone who can decrypt the file's MAC key writes it again"
            ));
        }
    }
}

/// The provider and stored value an entry is read with, as the resolver reads it: a `sync`
/// entry's cached value, else its `value` through its provider or the section's default.
pub fn read_as(
    scope: &crate::config::load::Config,
    profiles: &[String],
    section: &str,
    entry: &toml::Value,
) -> Option<(String, String)> {
    if let Some(toml::Value::Table(sync)) = entry.get("sync") {
        return Some((
            sync.get("provider")?.as_str()?.to_owned(),
            sync.get("value")?.as_str()?.to_owned(),
        ));
    }
    let value = entry.get("value")?.as_str()?.to_owned();
    let provider = match entry.get("provider") {
        Some(p) => p.as_str()?.to_owned(),
        None => {
            let profile = if section.is_empty() {
                profiles.to_vec()
            } else {
                vec![section.to_owned()]
            };
            scope.default_provider_for(&profile)?
        }
    };
    Some((provider, value))
}

/// The two texts a save writes to the sidecar (before and after the config file's rename), or
/// None when the sidecar does not change (or there is none and nothing to put in one).
pub struct Update {
    pub path: std::path::PathBuf,
    pub during: String,
    pub after: String,
}

/// The sidecar update for a save of `config` from `before` to `after`. Err: an entry could not
/// be signed as FNOX_SIGNING_KEY asks, and nothing may be written.
pub fn update(
    config: &Path,
    before: Option<&str>,
    after: &str,
    pending: &Pending,
) -> crate::error::Result<Option<Update>> {
    if let Some(e) = &pending.refused {
        return Err(e
            .clone()
            .cause(format!("nothing was written to {}", config.display())));
    }
    let path = sidecar_path(config);
    let existing = std::fs::read_to_string(&path).ok();
    let current = existing.as_deref().map(Sidecar::parse).unwrap_or_default();
    let old = entries(before.unwrap_or(""));
    let new = entries(after);
    let mut during = current.clone();
    let mut done = current.clone();
    // New keys, and keys `reencrypt` / `key rotate` replaced: while the config file is renamed,
    // the sidecar holds the old key too (`key-old`), so a reader of the old config file still
    // verifies its values and a swap killed half-way can be finished; the final write drops it.
    for (provider, sealed) in &pending.keys {
        if let Some(old) = current.keys.get(provider).filter(|old| *old != sealed) {
            during.replaced.insert(provider.clone(), old.clone());
        }
        during.keys.insert(provider.clone(), sealed.clone());
        done.keys.insert(provider.clone(), sealed.clone());
        done.replaced.remove(provider);
    }
    for (id, repr) in &new {
        // Signatures: a changed entry loses all of them; the writer's own replaces its older one.
        let changed = old.get(id) != Some(repr);
        if changed {
            done.sigs.remove(id);
        }
        if let Some(sig) = pending.sigs.get(id) {
            for side in [&mut during, &mut done] {
                let sigs = side.sigs.entry(id.clone()).or_default();
                sigs.retain(|s| s.signer != sig.signer);
                sigs.insert(sig.clone());
            }
        }
        if !changed && !pending.tags.contains_key(id) {
            continue;
        }
        done.tags.remove(id);
        if let Some(tag) = pending.tags.get(id) {
            during
                .tags
                .entry(id.clone())
                .or_default()
                .insert(tag.clone());
            done.tags.entry(id.clone()).or_default().insert(tag.clone());
        }
    }
    // Tags made with a replaced key that no longer verify, and tags of entries the file no
    // longer has.
    for id in &pending.untag {
        done.tags.remove(id);
    }
    done.tags.retain(|id, _| new.contains_key(id));
    done.sigs.retain(|id, _| new.contains_key(id));
    if done == current || (existing.is_none() && done.is_empty()) {
        return Ok(None);
    }
    Ok(Some(Update {
        path,
        during: during.render(),
        after: done.render(),
    }))
}

/// Every secret entry of a config text: (section as written, name) → the entry.
pub fn entries(text: &str) -> BTreeMap<(String, String), toml::Value> {
    let mut out = BTreeMap::new();
    let Ok(doc) = text.parse::<toml::Table>() else {
        return out;
    };
    let mut add = |section: &str, table: Option<&toml::Value>| {
        if let Some(toml::Value::Table(secrets)) = table {
            for (name, entry) in secrets {
                out.insert((section.to_owned(), name.clone()), entry.clone());
            }
        }
    };
    add("", doc.get("secrets"));
    if let Some(toml::Value::Table(profiles)) = doc.get("profiles") {
        for (profile, body) in profiles {
            add(profile, body.get("secrets"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(mac: &str) -> Tag {
        Tag {
            key: "age".into(),
            mac: mac.into(),
        }
    }

    #[test]
    fn changed_and_removed_entries_lose_their_tags_new_ones_gain_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("fnox.toml");
        std::fs::write(
            dir.path().join("fnox.lock"),
            "key age K\ntag - A age 0a\ntag - B age 0b\ntag - C age 0c\ntag prod A age 1a\n",
        )
        .unwrap();
        let before = "[secrets]\nA = { provider = \"age\", value = \"a\" }\nB = { provider = \"age\", value = \"b\" }\nC = { provider = \"age\", value = \"c\" }\n[profiles.prod.secrets]\nA = { provider = \"age\", value = \"pa\" }\n";
        let after = "[secrets]\nA = { provider = \"age\", value = \"a\" }\nB = { provider = \"age\", value = \"b2\" }\nD = { provider = \"age\", value = \"d\" }\n[profiles.prod.secrets]\nA = { provider = \"age\", value = \"pa\" }\n";
        let mut pending = Pending::default();
        pending.tag("", "D", tag("0d"));
        let u = update(&config, Some(before), after, &pending)
            .unwrap()
            .unwrap();
        let done = Sidecar::parse(&u.after);
        assert_eq!(done.tags_of("", "A").unwrap().len(), 1);
        assert!(done.tags_of("", "B").is_none(), "changed without a new tag");
        assert!(done.tags_of("", "C").is_none(), "removed");
        assert!(done.tags_of("", "D").is_some());
        assert!(done.tags_of("prod", "A").is_some());
        // While the config file is renamed, the old tags stay beside the new.
        let during = Sidecar::parse(&u.during);
        assert!(during.tags_of("", "B").is_some() && during.tags_of("", "C").is_some());
        assert!(during.tags_of("", "D").is_some());
    }

    #[test]
    fn no_sidecar_is_created_for_nothing_and_an_unchanged_one_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("fnox.toml");
        let text = "[secrets]\nA = { value = \"x\" }\n";
        assert!(update(&config, None, text, &Pending::default())
            .unwrap()
            .is_none());
        std::fs::write(dir.path().join("fnox.lock"), "tag - A age 0a\n").unwrap();
        let same = "[secrets]\nA = { value = \"x\" }\n# a comment\n";
        assert!(update(&config, Some(text), same, &Pending::default())
            .unwrap()
            .is_none());
    }

    #[test]
    fn a_replaced_key_stays_beside_the_new_one_until_the_config_file_is_renamed() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("fnox.toml");
        std::fs::write(
            dir.path().join("fnox.lock"),
            "key age OLD\ntag - A age 0a\n",
        )
        .unwrap();
        let before = "[secrets]\nA = { provider = \"age\", value = \"a\" }\n";
        let after = "[secrets]\nA = { provider = \"age\", value = \"a2\" }\n";
        let mut pending = Pending::default();
        pending.key("age", "NEW".into());
        pending.tag("", "A", tag("1a"));
        let u = update(&config, Some(before), after, &pending)
            .unwrap()
            .unwrap();
        let during = Sidecar::parse(&u.during);
        assert_eq!(during.keys["age"], "NEW");
        assert_eq!(during.replaced["age"], "OLD");
        assert!(u.during.contains("key-old age OLD\n"), "{}", u.during);
        let done = Sidecar::parse(&u.after);
        assert_eq!(done.keys["age"], "NEW");
        assert!(done.replaced.is_empty(), "{}", u.after);
        // A later save that replaces the key again, after a killed swap, drops the leftover.
        std::fs::write(dir.path().join("fnox.lock"), &u.during).unwrap();
        let mut again = Pending::default();
        again.key("age", "NEWER".into());
        let u2 = update(&config, Some(after), after, &again)
            .unwrap()
            .unwrap();
        assert_eq!(Sidecar::parse(&u2.during).replaced["age"], "NEW");
        assert!(Sidecar::parse(&u2.after).replaced.is_empty());
    }
}
