//! Checking what a run reads against the sidecars: the resolver says which entries it reads
//! through which provider, decrypts the MAC keys those entries' tags need in the same provider
//! batches, then asks for each entry's verdict.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use crate::config::load::{Config, SecretEntry, Section};
use crate::error::Error;

use super::{
    identity_of_real, sidecar_path, Binding, MacKey, Sidecar, Tag, MISMATCH, UNTAGGED, UNVERIFIABLE,
};

/// A sidecar as one run reads it (the tags of the entries read, once `prepare` has run), with
/// the file's identity for tags.
struct Side {
    shown: String,
    identity: String,
    /// The sidecar, opened when the first entry of its file is wanted, read in `prepare`.
    file: Option<std::fs::File>,
    sidecar: Option<Sidecar>,
}

struct Wanted {
    layer: usize,
    section: String,
    provider: String,
    input: String,
    cipher: bool,
    /// Its tags, taken from the sidecar by `prepare`.
    tags: Option<BTreeSet<Tag>>,
}

#[derive(Default)]
pub struct Checks {
    sides: HashMap<usize, Side>,
    wanted: HashMap<String, Wanted>,
    keys: HashMap<(usize, String), Result<MacKey, String>>,
    /// Every check is strict (FNOX_INTEGRITY=strict, `check --integrity`).
    pub strict: bool,
}

/// Marks the label of a replaced key (a provider name never holds a NUL).
const REPLACED: &str = "\0replaced";

fn replaced_label(provider: &str) -> String {
    format!("{provider}{REPLACED}")
}

/// An entry's outcome.
pub enum Verdict {
    /// Its tag verifies, or nothing was checked (no provider read).
    Verified,
    /// No tag; `warn` when its file has a sidecar (a file never tagged stays quiet).
    Untagged {
        warn: bool,
    },
    Refused(Error),
}

/// The section of an entry as its file writes it: "" for the top level.
pub fn section_name(section: &Section) -> &str {
    match section {
        Section::Top => "",
        Section::Profile(p) => p,
    }
}

impl Checks {
    pub fn new(strict: bool) -> Checks {
        Checks {
            strict,
            ..Default::default()
        }
    }

    /// Records that `entry` is read through `provider` with `input` (its stored value).
    pub fn want(
        &mut self,
        config: &Config,
        entry: &SecretEntry,
        provider: &str,
        input: &str,
        cipher: bool,
    ) {
        let layer = entry.origin.layer;
        self.sides.entry(layer).or_insert_with(|| {
            let side = sidecar_path(&config.layers[layer].path);
            Side {
                shown: config.display(&side),
                identity: identity_of_real(&config.layers[layer].real),
                file: std::fs::File::open(&side).ok(),
                sidecar: None,
            }
        });
        self.wanted.insert(
            entry.name.to_owned(),
            Wanted {
                layer,
                section: section_name(&entry.origin.section).to_owned(),
                provider: provider.to_owned(),
                input: input.to_owned(),
                cipher,
                tags: None,
            },
        );
    }

    fn tags(w: &Wanted) -> Option<&BTreeSet<Tag>> {
        w.tags.as_ref().filter(|t| !t.is_empty())
    }

    /// Reads each sidecar's keys and the tags of the entries recorded with `want`, in one pass
    /// per sidecar that hands each wanted entry its tags.
    fn prepare(&mut self) {
        let mut by_layer: HashMap<usize, std::collections::HashSet<(&str, &str)>> =
            HashMap::default();
        for (name, w) in &self.wanted {
            by_layer
                .entry(w.layer)
                .or_default()
                .insert((w.section.as_str(), name.as_str()));
        }
        let mut found: Vec<(String, Tag)> = Vec::new();
        let mut read: Vec<(usize, Sidecar)> = Vec::new();
        for (layer, side) in self.sides.iter_mut() {
            let Some(file) = side.file.take() else {
                continue;
            };
            let wanted = by_layer.remove(layer).unwrap_or_default();
            let before = found.len();
            let sidecar = Sidecar::read_tags(file, &wanted, |_, name, tag| {
                found.push((name.to_owned(), tag));
            });
            // One that cannot be read, or is not text, is as one that is not there.
            match sidecar {
                Some(sidecar) => read.push((*layer, sidecar)),
                None => found.truncate(before),
            }
        }
        drop(by_layer);
        for (layer, sidecar) in read {
            if let Some(side) = self.sides.get_mut(&layer) {
                side.sidecar = Some(sidecar);
            }
        }
        // A name is wanted once per run (in one layer and section), so its tags are its own.
        for (name, tag) in found {
            if let Some(w) = self.wanted.get_mut(&name) {
                w.tags.get_or_insert_with(Default::default).insert(tag);
            }
        }
    }

    /// The MAC keys to decrypt: (layer, provider, label, sealed key), each once; the label is
    /// what `key_result` is told (the provider's name, or `replaced_label` for the key a
    /// replacement under way is moving away from).
    pub fn key_requests(&mut self) -> Vec<(usize, String, String, String)> {
        self.prepare();
        let mut needed: std::collections::BTreeSet<(usize, &str)> = Default::default();
        for w in self.wanted.values() {
            for tag in Self::tags(w).into_iter().flatten() {
                needed.insert((w.layer, tag.key.as_str()));
            }
        }
        let mut out = Vec::new();
        for (layer, key) in needed {
            let Some(sidecar) = self.sides[&layer].sidecar.as_ref() else {
                continue;
            };
            if let Some(sealed) = sidecar.keys.get(key) {
                out.push((layer, key.to_owned(), key.to_owned(), sealed.clone()));
            }
            if let Some(sealed) = sidecar.replaced.get(key) {
                out.push((layer, key.to_owned(), replaced_label(key), sealed.clone()));
            }
        }
        out
    }

    /// What decrypting one requested key (by its label) gave.
    pub fn key_result(&mut self, layer: usize, label: &str, plaintext: Result<&str, String>) {
        let sidecar = self.sides[&layer].sidecar.as_ref();
        let (provider, sealed) = match label.strip_suffix(REPLACED) {
            Some(p) => (p, sidecar.and_then(|s| s.replaced.get(p))),
            None => (label, sidecar.and_then(|s| s.keys.get(label))),
        };
        let sealed = sealed.cloned().unwrap_or_default();
        let key = plaintext.and_then(|p| {
            if super::exposes(&sealed, p) {
                return Err(format!(
                    "provider '{provider}' does not encrypt, so anyone can read that key"
                ));
            }
            MacKey::from_plaintext(p).ok_or_else(|| "it is not a 32-byte key in hex".to_owned())
        });
        self.keys.insert((layer, label.to_owned()), key);
    }

    /// The verdict for `name` (Verified when it was not recorded with `want`).
    pub fn verdict(&self, name: &str, locate: impl Fn() -> String) -> Verdict {
        let Some(w) = self.wanted.get(name) else {
            return Verdict::Verified;
        };
        let side = &self.sides[&w.layer];
        let Some(tags) = Self::tags(w) else {
            if self.strict || side.sidecar.as_ref().is_some_and(|s| s.strict) {
                return Verdict::Refused(
                    Error::new(format!("{name} ({}) has no integrity tag", locate()))
                        .code(UNTAGGED)
                        .cause(format!(
                            "{} holds no tag for it: it was written by hand, by upstream fnox, or by someone who cannot decrypt the file's MAC key",
                            side.shown
                        ))
                        .hint(format!(
                            "if its value is the one you expect, write it again with `fnox set {name}`, which tags it"
                        )),
                );
            }
            return Verdict::Untagged {
                warn: side.sidecar.is_some(),
            };
        };
        let binding = Binding {
            file: &side.identity,
            section: &w.section,
            name,
            provider: &w.provider,
            value: &w.input,
        };
        let mut unreadable: Vec<String> = Vec::new();
        let located = &locate;
        for tag in tags {
            // A value a cipher decrypts is tagged with that cipher's own key.
            if w.cipher && tag.key != w.provider {
                continue;
            }
            // A tag made with the key a replacement under way (or killed) is moving away
            // from still verifies: the file's old version is what the reader may be seeing.
            if let Some(Ok(old)) = self.keys.get(&(w.layer, replaced_label(&tag.key))) {
                if old.verifies(&binding, &tag.mac) {
                    return Verdict::Verified;
                }
            }
            match self.keys.get(&(w.layer, tag.key.clone())) {
                Some(Ok(key)) if key.verifies(&binding, &tag.mac) => return Verdict::Verified,
                Some(Ok(_)) => {}
                Some(Err(why)) => unreadable.push(format!(
                    "the MAC key of provider '{}' cannot be decrypted: {why}",
                    tag.key
                )),
                None => unreadable.push(format!(
                    "{} has no MAC key for provider '{}'",
                    side.shown, tag.key
                )),
            }
        }
        if !unreadable.is_empty() {
            let mut err = Error::new(format!(
                "cannot verify {name} ({}): its value is refused",
                located()
            ))
            .code(UNVERIFIABLE);
            for why in unreadable {
                err = err.cause(why);
            }
            return Verdict::Refused(err.hint(
                "make the provider's key available (as for reading its secrets), or ask whoever can to check the file with `fnox check --integrity`",
            ));
        }
        Verdict::Refused(
            Error::new(format!(
                "{name} ({}) was changed outside fnox or by someone without the key; its value is refused",
                located()
            ))
            .code(MISMATCH)
            .cause(format!(
                "its integrity tag in {} does not match its provider and value",
                side.shown
            ))
            .hint(format!(
                "compare it with the history (`git log -p` of the file and {}); if the value is right, write it again with `fnox set {name}`",
                side.shown
            )),
        )
    }
}
