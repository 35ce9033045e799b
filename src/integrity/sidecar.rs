//! The sidecar's text: a comment, then one line per MAC key and per tag, sorted, so that two
//! branches changing different secrets change different lines.
//!
//! ```text
//! # fnox integrity: ...
//! key age YWdlLWVuY3J5cHRpb24u...          # the MAC key of provider `age`, sealed by it
//! sig - DATABASE_URL SHA256:3Fq... U1NIU0lH... # section, name, signer's key fingerprint, SSHSIG (base64)
//! strict                                   # entries without a tag are errors, not warnings
//! tag - DATABASE_URL age 5f0c...           # section ("-" = top level), name, key, HMAC
//! tag prod API_KEY kms 91ab...
//! ```
//!
//! Tokens are separated by one space; a token's space, `%` and control or non-ASCII bytes are
//! percent-encoded. Unknown lines are kept as they are (a newer fnox's), so an older one never
//! drops them.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// A tag: the provider whose MAC key made it, and the HMAC in hex.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tag {
    pub key: String,
    pub mac: String,
}

/// A signature: the signer's key fingerprint (`SHA256:…`, as `ssh-keygen -l` prints it) and
/// the SSHSIG blob in base64.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Sig {
    pub signer: String,
    pub sig: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sidecar {
    /// Provider name → its MAC key as the provider sealed it.
    pub keys: BTreeMap<String, String>,
    /// Provider name → the MAC key a replacement (`reencrypt`, `key rotate`) is moving away from,
    /// kept only while the swap is under way (`key-old PROV SEALED`): a reader of either version
    /// of the config file then still verifies, and a swap that was killed can be finished.
    pub replaced: BTreeMap<String, String>,
    /// (section, name) → its tags (normally one; two while a write is between its renames).
    pub tags: BTreeMap<(String, String), BTreeSet<Tag>>,
    /// (section, name) → its signatures, one per signer (see `super::sign`).
    pub sigs: BTreeMap<(String, String), BTreeSet<Sig>>,
    /// Entries without a tag are errors.
    pub strict: bool,
    /// Lines this version does not know, kept.
    pub other: BTreeSet<String>,
}

const HEADER: &str = "# fnox integrity: a MAC key per cipher provider (sealed by it) and a tag per secret of the file beside it. Written by fnox; commit it with that file.";

impl Sidecar {
    /// What a read needs, in one pass and without building the tag map: the keys, `key-old`
    /// and `strict` (returned; no tags), and each tag of an entry `wanted` names, handed to
    /// `found(section, name, tag)`. With few wanted entries, a tag line of any other entry is
    /// passed over by comparing its first tokens as written (lines with a `%` are decoded).
    ///
    /// The sidecar is read from `r` in chunks of whole lines, into one buffer of 64 KiB that is
    /// used again: never whole in memory, where a large one (10,000 tags, 0.9 MB) took fresh
    /// pages that the kernel zeroes, for one pass over them. None when it cannot be read or is
    /// not UTF-8 (what was handed to `found` by then is not to be used).
    pub fn read_tags(
        r: impl std::io::Read,
        wanted: &std::collections::HashSet<(&str, &str)>,
        found: impl FnMut(&str, &str, Tag),
    ) -> Option<Sidecar> {
        Sidecar::read_tags_in(r, wanted, found, 64 << 10)
    }

    /// `read_tags` with chunks of `chunk` bytes.
    fn read_tags_in(
        mut r: impl std::io::Read,
        wanted: &std::collections::HashSet<(&str, &str)>,
        mut found: impl FnMut(&str, &str, Tag),
        chunk: usize,
    ) -> Option<Sidecar> {
        use std::io::Read;
        let prefixes: Option<Vec<String>> = (wanted.len() <= 32).then(|| {
            wanted
                .iter()
                .map(|(section, name)| format!("{} {} ", encode_section(section), encode(name)))
                .collect()
        });
        let mut s = Sidecar::default();
        let mut buf: Vec<u8> = Vec::with_capacity(chunk);
        loop {
            // The next chunk after what is left of the last (a line it cut).
            let n = r.by_ref().take(chunk as u64).read_to_end(&mut buf).ok()?;
            let whole = if n == 0 {
                buf.len()
            } else {
                match buf.iter().rposition(|&c| c == b'\n') {
                    Some(i) => i + 1,
                    None => continue,
                }
            };
            let text = std::str::from_utf8(&buf[..whole]).ok()?;
            s.read_lines(text, prefixes.as_deref(), wanted, &mut found);
            if n == 0 {
                return Some(s);
            }
            buf.drain(..whole);
        }
    }

    /// `read_tags`'s reading of whole lines.
    fn read_lines(
        &mut self,
        text: &str,
        prefixes: Option<&[String]>,
        wanted: &std::collections::HashSet<(&str, &str)>,
        found: &mut impl FnMut(&str, &str, Tag),
    ) {
        // Without a `%` anywhere no token is encoded, so a tag line that does not start with a
        // wanted prefix is passed over at once: with 10,000 tags, most of what a `get` reads.
        let encoded = prefixes.is_some() && crate::bytes::find(b'%', text.as_bytes()).is_some();
        let mut from = 0;
        let mut breaks = crate::bytes::positions(b'\n', text.as_bytes());
        while from < text.len() {
            let end = breaks.next().unwrap_or(text.len());
            // The same lines as `str::lines`, found by one vectorised search.
            let line = text[from..end].trim_end_matches('\r');
            from = end + 1;
            if let Some(rest) = line.strip_prefix("tag ") {
                if let Some(prefixes) = prefixes {
                    let may_be_wanted = prefixes.iter().any(|p| rest.starts_with(p.as_str()))
                        || (encoded && encoded_head(rest));
                    if !may_be_wanted {
                        continue;
                    }
                }
                let mut t = rest.split(' ');
                if let (Some(section), Some(name), Some(key), Some(mac), None) =
                    (t.next(), t.next(), t.next(), t.next(), t.next())
                {
                    let (section, name) = (decode_section(section), decode_cow(name));
                    if wanted.contains(&(&*section, &*name)) {
                        found(
                            &section,
                            &name,
                            Tag {
                                key: decode(key),
                                mac: decode(mac),
                            },
                        );
                    }
                }
                continue;
            }
            if line.starts_with("sig ") {
                continue;
            }
            let mut t = line.split(' ');
            match (t.next(), t.next(), t.next(), t.next()) {
                (Some("key"), Some(provider), Some(sealed), None) => {
                    self.keys.insert(decode(provider), decode(sealed));
                }
                (Some("key-old"), Some(provider), Some(sealed), None) => {
                    self.replaced.insert(decode(provider), decode(sealed));
                }
                (Some("strict"), None, None, None) => self.strict = true,
                _ => {}
            }
        }
    }

    /// The whole sidecar, for writers and the merge driver (reads use `read_tags`).
    pub fn parse(text: &str) -> Sidecar {
        let mut s = Sidecar::default();
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut t = line.split(' ');
            let fields = (t.next(), t.next(), t.next(), t.next(), t.next(), t.next());
            match fields {
                (Some("key"), Some(provider), Some(sealed), None, None, None) => {
                    s.keys.insert(decode(provider), decode(sealed));
                }
                (Some("key-old"), Some(provider), Some(sealed), None, None, None) => {
                    s.replaced.insert(decode(provider), decode(sealed));
                }
                (Some("strict"), None, None, None, None, None) => s.strict = true,
                (Some("sig"), Some(section), Some(name), Some(signer), Some(sig), None) => {
                    let (section, name) = (decode_section(section), decode_cow(name));
                    s.sigs
                        .entry((section.into_owned(), name.into_owned()))
                        .or_default()
                        .insert(Sig {
                            signer: decode(signer),
                            sig: decode(sig),
                        });
                }
                (Some("tag"), Some(section), Some(name), Some(key), Some(mac), None) => {
                    let (section, name) = (decode_section(section), decode_cow(name));
                    s.tags
                        .entry((section.into_owned(), name.into_owned()))
                        .or_default()
                        .insert(Tag {
                            key: decode(key),
                            mac: decode(mac),
                        });
                }
                _ => {
                    s.other.insert(line.to_owned());
                }
            }
        }
        s
    }

    pub fn render(&self) -> String {
        let mut out = format!("{HEADER}\n");
        for (provider, sealed) in &self.keys {
            out.push_str(&format!("key {} {}\n", encode(provider), encode(sealed)));
        }
        for (provider, sealed) in &self.replaced {
            out.push_str(&format!(
                "key-old {} {}\n",
                encode(provider),
                encode(sealed)
            ));
        }
        for ((section, name), sigs) in &self.sigs {
            let section = encode_section(section);
            for sig in sigs {
                out.push_str(&format!(
                    "sig {section} {} {} {}\n",
                    encode(name),
                    encode(&sig.signer),
                    encode(&sig.sig)
                ));
            }
        }
        if self.strict {
            out.push_str("strict\n");
        }
        for ((section, name), tags) in &self.tags {
            let section = encode_section(section);
            for tag in tags {
                out.push_str(&format!(
                    "tag {section} {} {} {}\n",
                    encode(name),
                    encode(&tag.key),
                    encode(&tag.mac)
                ));
            }
        }
        for line in &self.other {
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// The tags of one entry.
    pub fn tags_of(&self, section: &str, name: &str) -> Option<&BTreeSet<Tag>> {
        self.tags
            .get(&(section.to_owned(), name.to_owned()))
            .filter(|t| !t.is_empty())
    }

    /// The signatures of one entry.
    pub fn sigs_of(&self, section: &str, name: &str) -> Option<&BTreeSet<Sig>> {
        self.sigs
            .get(&(section.to_owned(), name.to_owned()))
            .filter(|s| !s.is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
            && self.replaced.is_empty()
            && self.tags.is_empty()
            && self.sigs.is_empty()
            && !self.strict
            && self.other.is_empty()
    }
}

/// Whether a tag line's section or name (its first two tokens) is percent-encoded: it may still
/// be a wanted one once decoded.
fn encoded_head(rest: &str) -> bool {
    let b = rest.as_bytes();
    let head = crate::bytes::find(b' ', b).map_or(b.len(), |i| {
        crate::bytes::find(b' ', &b[i + 1..]).map_or(b.len(), |j| i + 1 + j)
    });
    crate::bytes::find(b'%', &b[..head]).is_some()
}

/// A section as a token: "-" for the top level.
fn encode_section(section: &str) -> String {
    match section {
        "" => "-".to_owned(),
        "-" => "%2D".to_owned(),
        s => encode(s),
    }
}

fn decode_section(token: &str) -> Cow<'_, str> {
    if token == "-" {
        Cow::Borrowed("")
    } else {
        decode_cow(token)
    }
}

/// A field as one token: printable ASCII but `%` as is, everything else percent-encoded, the
/// empty string as `%`. No two fields give the same token, and a token holds no space.
pub(super) fn encode(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for b in token.bytes() {
        if b.is_ascii_graphic() && b != b'%' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() {
        out.push('%');
    }
    out
}

fn decode(token: &str) -> String {
    decode_cow(token).into_owned()
}

/// `decode` without a copy when the token has nothing to decode.
fn decode_cow(token: &str) -> Cow<'_, str> {
    if token == "%" {
        return Cow::Borrowed("");
    }
    if !token.contains('%') {
        return Cow::Borrowed(token);
    }
    let bytes = token.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&token[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_sorted_whatever_the_order_written() {
        let text = "tag prod B kms 02\n# a comment\ntag - A age 01\nsig - A SHA256:abc U1NI\nkey kms vault:v1:xyz\nkey age YWJj+/=\nstrict\nfuture line\n";
        let s = Sidecar::parse(text);
        assert!(s.strict);
        assert_eq!(s.keys["age"], "YWJj+/=");
        assert_eq!(s.tags_of("", "A").unwrap().iter().next().unwrap().mac, "01");
        assert_eq!(s.tags_of("prod", "B").unwrap().len(), 1);
        let rendered = s.render();
        assert_eq!(
            rendered.lines().skip(1).collect::<Vec<_>>(),
            [
                "key age YWJj+/=",
                "key kms vault:v1:xyz",
                "sig - A SHA256:abc U1NI",
                "strict",
                "tag - A age 01",
                "tag prod B kms 02",
                "future line"
            ]
        );
        assert_eq!(Sidecar::parse(&rendered), s);
    }

    #[test]
    fn odd_names_are_encoded() {
        let mut s = Sidecar::default();
        s.tags
            .entry(("my profile".into(), "a b%c\u{e9}".into()))
            .or_default()
            .insert(Tag {
                key: "age".into(),
                mac: "00".into(),
            });
        s.tags
            .entry((String::new(), String::new()))
            .or_default()
            .insert(Tag {
                key: "age".into(),
                mac: "01".into(),
            });
        let text = s.render();
        assert!(
            text.contains("tag my%20profile a%20b%25c%C3%A9 age 00"),
            "{text}"
        );
        assert_eq!(Sidecar::parse(&text), s);
    }

    #[test]
    fn reading_a_few_entries_gives_what_the_full_parse_gives_for_them() {
        let mut full = Sidecar::default();
        full.keys.insert("age".into(), "S".into());
        full.strict = true;
        for (section, name) in [
            ("", "A"),
            ("", "B"),
            ("prod", "A"),
            ("-", "C"),
            ("", "odd name"),
            ("p q", "D"),
        ] {
            full.tags
                .entry((section.into(), name.into()))
                .or_default()
                .insert(Tag {
                    key: "age".into(),
                    mac: format!("{section}{name}"),
                });
        }
        // One sidecar with encoded tokens (`%`: the slow check per line) and one without.
        let mut plain = full.clone();
        plain
            .tags
            .retain(|(s, n), _| !s.contains(['-', ' ']) && !n.contains(' '));
        assert_eq!(plain.tags.len(), 3);
        for (sidecar, encoded) in [(&full, true), (&plain, false)] {
            let text = sidecar.render();
            assert_eq!(text.contains('%'), encoded);
            for wanted in [
                vec![("", "A")],
                vec![("prod", "A"), ("-", "C")],
                vec![("", "odd name"), ("p q", "D"), ("", "missing")],
            ] {
                let set: std::collections::HashSet<(&str, &str)> = wanted.iter().copied().collect();
                let mut slow = Sidecar::parse(&text);
                slow.tags
                    .retain(|(s, n), _| set.contains(&(s.as_str(), n.as_str())));
                // Read in chunks of every size from one byte (each line cut) to the whole.
                let mut quick = Sidecar::default();
                for chunk in [1, 2, 7, 40, 64 << 10] {
                    let mut found = Vec::new();
                    quick = Sidecar::read_tags_in(
                        text.as_bytes(),
                        &set,
                        |section, name, tag| {
                            found.push((section.to_owned(), name.to_owned(), tag));
                        },
                        chunk,
                    )
                    .unwrap();
                    for (section, name, tag) in found {
                        quick.tags.entry((section, name)).or_default().insert(tag);
                    }
                    assert_eq!(quick, slow, "{wanted:?} in chunks of {chunk}");
                }
                let present = |(s, n): &(&str, &str)| {
                    sidecar.tags.contains_key(&(s.to_string(), n.to_string()))
                };
                assert_eq!(
                    quick.tags.len(),
                    wanted.iter().filter(|w| present(w)).count()
                );
                assert!(quick.strict && quick.keys["age"] == "S");
            }
        }
    }

    /// A sidecar that is not UTF-8, wherever its bad byte is, reads as none (as before it was
    /// read in chunks), and so does one that cannot be read.
    #[test]
    fn a_sidecar_that_is_not_utf8_or_not_readable_reads_as_none() {
        let mut text = Sidecar::default();
        text.keys.insert("age".into(), "S".into());
        let text = text.render().into_bytes();
        let wanted = std::collections::HashSet::new();
        for at in [0, text.len() / 2, text.len() - 1] {
            let mut bad = text.clone();
            bad[at] = 0xff;
            for chunk in [1, 16, 64 << 10] {
                assert!(Sidecar::read_tags_in(&bad[..], &wanted, |_, _, _| {}, chunk).is_none());
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let unreadable = std::fs::File::open(dir.path()).unwrap();
        assert!(Sidecar::read_tags(unreadable, &wanted, |_, _, _| {}).is_none());
        assert!(Sidecar::read_tags(&text[..], &wanted, |_, _, _| {}).is_some());
    }
}
