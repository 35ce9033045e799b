//! Reading fnox.toml fast. Its one-line secret entries (most of a large file) are checked
//! by a strict scanner and read by it, not by the TOML parser; the rest of the file (providers,
//! settings, every entry the scanner does not fully understand) is parsed as TOML, its positions
//! moved back to their places in the file.
//!
//! A command that needs a few secrets (`fnox get KEY`) leaves the entries aside and reads in
//! only those it needs (`complete`): those it asked for and, by name, every one that the parsed
//! text mentions (`${NAME}`, `fnox://NAME`, `{ secret = "NAME" }`), to a fixed point across files.
//! Every other command reads them all in at once.
//!
//! The result must be the full parse's. So an entry is the scanner's only when the full parse
//! would take it as it stands: a bare key, inside `[secrets]` or `[profiles.NAME.secrets]`, on
//! one line, an inline table of `SecretConfig`'s scalar fields with values of the right type,
//! strings with the simple escapes only, no duplicate. Anything else (a header or key that could
//! also define secrets, a multi-line construct the scanner cannot follow, a byte-order mark) and
//! the whole file is parsed in full, as is a file whose reduced text does not parse (the full
//! parse then gives the error with its true position).

use std::ops::Range;

use indexmap::IndexMap;
use rustc_hash::FxHashSet as HashSet;

mod entry;
mod scan;
mod shape;

use super::load::Layer;
use super::model::{self, ConfigFile, SecretConfig};
use entry::entry;
use scan::scan;
pub use scan::{survey, Checked};

/// A set-aside entry: places in the file as 32-bit offsets (the scan refuses a larger file),
/// so that 10,000 of them fit in few pages.
#[derive(Debug, Clone)]
struct Entry {
    /// `name_hash` of the name: `complete` tests every entry without reading the file's text
    /// again (10,000 cache misses cost more than the test).
    hash: u64,
    /// The whole line, its line break included.
    line: (u32, u32),
    name: (u32, u32),
    /// The profile of `[profiles.NAME.secrets]` (its place in the file), None for `[secrets]`.
    profile: Option<(u32, u32)>,
}

impl Entry {
    fn new(
        hash: u64,
        line: Range<usize>,
        name: Range<usize>,
        profile: Option<Range<usize>>,
    ) -> Entry {
        let pair = |r: Range<usize>| (r.start as u32, r.end as u32);
        Entry {
            hash,
            line: pair(line),
            name: pair(name),
            profile: profile.map(pair),
        }
    }

    fn line(&self) -> Range<usize> {
        self.line.0 as usize..self.line.1 as usize
    }

    fn name(&self) -> Range<usize> {
        self.name.0 as usize..self.name.1 as usize
    }

    fn profile(&self) -> Option<Range<usize>> {
        self.profile.map(|(a, b)| a as usize..b as usize)
    }
}

/// What a sparse read left out of a file, and how the reduced text's offsets map back.
#[derive(Debug, Clone, Default)]
pub struct SetAside {
    entries: Vec<Entry>,
    /// (offset in the reduced text, offset in the file) where each kept run of text starts.
    runs: Vec<(usize, usize)>,
    /// The kept runs' ranges in the file.
    kept: Vec<Range<usize>>,
}

impl SetAside {
    /// The names left out (that no later pass took in), each with the profile of its table (None
    /// for `[secrets]`), as slices of `text`.
    pub fn names<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (Option<&'a str>, &'a str)> {
        self.entries
            .iter()
            .map(move |e| (e.profile().map(|p| &text[p]), &text[e.name()]))
    }

    fn original(&self, reduced: usize) -> usize {
        let i = self.runs.partition_point(|(r, _)| *r <= reduced) - 1;
        let (r, o) = self.runs[i];
        o + (reduced - r)
    }
}

/// Parses `text`. When the scan accepts it (a file of one entry as much as one of 10,000: the
/// scan costs less than the TOML parse at every size), its simple secret entries are read by the
/// scanner, not the TOML parser: with `set_aside` they are left out (for
/// `complete`), else read in at once. Otherwise, in full. An error is always the full parse's.
/// `checked` is the file's check when its reading made it already (`Text::checked`).
pub fn parse(
    text: &str,
    checked: Option<Checked>,
    set_aside: bool,
) -> Result<(ConfigFile, Option<SetAside>), toml::de::Error> {
    if let Some(aside) = scan(text, checked) {
        let mut reduced = String::with_capacity(aside.kept.iter().map(|r| r.len()).sum());
        for r in &aside.kept {
            reduced.push_str(&text[r.clone()]);
        }
        if let Ok(mut file) = model::parse(&reduced) {
            remap(&mut file, |at| aside.original(at));
            if set_aside {
                return Ok((file, Some(aside)));
            }
            file.secrets.reserve(aside.entries.len());
            if take_in(&mut file, text, &aside, 0..aside.entries.len()) {
                return Ok((file, None));
            }
        }
    }
    model::parse(text).map(|file| (file, None))
}

/// Takes into the layers' parsed files every set-aside entry that `wanted` names or that the
/// parsed text refers to, until nothing more is referred to. False when the result could differ
/// from a full parse's (a `fnox://` reference to a name defined nowhere, whose error suggests
/// names from every secret): the caller then parses in full.
pub fn complete(layers: &mut [Layer], wanted: &[String]) -> bool {
    let mut tokens: HashSet<&str> = wanted.iter().map(String::as_str).collect();
    let mut fresh: Vec<&str> = Vec::new();
    let mut fnox_refs: Vec<&str> = Vec::new();
    for layer in layers.iter() {
        let kept: Vec<&str> = match &layer.set_aside {
            Some(s) => s.kept.iter().map(|r| &layer.text[r.clone()]).collect(),
            None => vec![layer.text.as_str()],
        };
        for part in kept {
            words(part, &mut tokens, &mut fresh);
            if !fnox_references(part, &mut fnox_refs) {
                return false;
            }
        }
    }
    let mut hashes: HashSet<u64> = tokens.iter().map(|w| name_hash(w)).collect();
    fresh.clear();
    // Which entries of which layer are needed, found by passes over the set-aside entries
    // until a pass adds no name.
    let mut needed: Vec<Vec<usize>> = vec![Vec::new(); layers.len()];
    let mut taken: Vec<Vec<bool>> = layers
        .iter()
        .map(|l| vec![false; l.set_aside.as_ref().map_or(0, |s| s.entries.len())])
        .collect();
    loop {
        let mut added = false;
        for (li, layer) in layers.iter().enumerate() {
            let Some(s) = &layer.set_aside else { continue };
            for (ei, e) in s.entries.iter().enumerate() {
                if !taken[li][ei]
                    && hashes.contains(&e.hash)
                    && tokens.contains(&layer.text[e.name()])
                {
                    taken[li][ei] = true;
                    needed[li].push(ei);
                    added = true;
                    let line = &layer.text[e.line()];
                    let before = fresh.len();
                    words(line, &mut tokens, &mut fresh);
                    hashes.extend(fresh[before..].iter().map(|w| name_hash(w)));
                    if !fnox_references(line, &mut fnox_refs) {
                        return false;
                    }
                }
            }
        }
        if !added || fresh.is_empty() {
            break;
        }
        fresh.clear();
    }
    let fnox_refs: Vec<String> = fnox_refs.into_iter().map(str::to_owned).collect();
    drop(tokens);
    for (li, layer) in layers.iter_mut().enumerate() {
        let Some(mut s) = layer.set_aside.take() else {
            continue;
        };
        let ok = take_in(&mut layer.file, &layer.text, &s, needed[li].iter().copied());
        if ok {
            let mut i = 0;
            s.entries.retain(|_| {
                i += 1;
                !taken[li][i - 1]
            });
        }
        layer.set_aside = Some(s);
        if !ok {
            return false;
        }
    }
    // A `fnox://NAME` whose NAME no table defines: its error lists the closest of all names.
    let defined = |name: &str| {
        layers.iter().any(|l| {
            l.file.secrets.contains_key(name)
                || l.file
                    .profiles
                    .values()
                    .any(|p| p.secrets.contains_key(name))
        })
    };
    fnox_refs.iter().all(|name| defined(name))
}

/// Parses set-aside entries of one file (by index) into its parsed form, at their positions
/// and in file order. The scan checked each entry, so its values are read from it directly.
fn take_in(
    file: &mut ConfigFile,
    text: &str,
    s: &SetAside,
    which: impl IntoIterator<Item = usize>,
) -> bool {
    let mut any = false;
    for i in which {
        any = true;
        let e = &s.entries[i];
        let line = &text[e.line()];
        let line = line.strip_suffix('\n').unwrap_or(line);
        let mut secret = SecretConfig::default();
        let Some(found) = entry(line, Checked::Clean, Some(&mut secret)) else {
            return false;
        };
        let map = match e.profile() {
            None => &mut file.secrets,
            Some(p) => match file.profiles.get_mut(&text[p]) {
                Some(profile) => &mut profile.secrets,
                None => return false,
            },
        };
        let at = e.line().start;
        map.insert(
            line[found.name].to_owned(),
            toml::Spanned::new(at + found.table.start..at + found.table.end, secret),
        );
    }
    if any {
        in_file_order(&mut file.secrets);
        for p in file.profiles.values_mut() {
            in_file_order(&mut p.secrets);
        }
    }
    true
}

fn in_file_order<T>(map: &mut IndexMap<String, toml::Spanned<T>>) {
    if !map.values().is_sorted_by_key(|item| item.span().start) {
        map.sort_by(|_, a, _, b| a.span().start.cmp(&b.span().start));
    }
}

/// Moves every span of a parsed reduced text to its place in the file.
fn remap(file: &mut ConfigFile, at: impl Fn(usize) -> usize) {
    fn each<T>(map: &mut IndexMap<String, toml::Spanned<T>>, at: &impl Fn(usize) -> usize) {
        *map = std::mem::take(map)
            .into_iter()
            .map(|(name, item)| {
                let span = item.span();
                let start = at(span.start);
                (
                    name,
                    toml::Spanned::new(start..start + span.len(), item.into_inner()),
                )
            })
            .collect();
    }
    each(&mut file.providers, &at);
    each(&mut file.secrets, &at);
    each(&mut file.leases, &at);
    for p in file.profiles.values_mut() {
        each(&mut p.providers, &at);
        each(&mut p.secrets, &at);
        each(&mut p.leases, &at);
    }
}

/// Adds to `tokens` (and to `fresh`, when new) every run of name characters in `text`, both with
/// and without `-` (a `${NAME}` ends at `-`, a key does not).
fn words<'a>(text: &'a str, tokens: &mut HashSet<&'a str>, fresh: &mut Vec<&'a str>) {
    let b = text.as_bytes();
    let mut add = |w: &'a str| {
        if tokens.insert(w) {
            fresh.push(w);
        }
    };
    let mut i = 0;
    while i < b.len() {
        if !is_key_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && is_key_byte(b[i]) {
            i += 1;
        }
        let run = &text[start..i];
        add(run);
        if run.contains('-') {
            for part in run.split('-').filter(|p| !p.is_empty()) {
                add(part);
            }
        }
    }
}

/// Collects the names of the `fnox://` references in `text`; false for one whose name is
/// percent-encoded (its decoded name is not a run of the text).
fn fnox_references<'a>(text: &'a str, out: &mut Vec<&'a str>) -> bool {
    let mut rest = text;
    while let Some(at) = rest.find("fnox://") {
        let after = &rest[at + "fnox://".len()..];
        let end = after
            .bytes()
            .position(|c| !(is_key_byte(c) || matches!(c, b'.' | b'~' | b'+' | b'%')))
            .unwrap_or(after.len());
        let name = &after[..end];
        if name.contains('%') {
            return false;
        }
        if !name.is_empty() {
            out.push(name);
        }
        rest = &after[end..];
    }
    true
}

fn name_hash(name: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(name)
}

fn is_key_byte(c: u8) -> bool {
    KEY_BYTES[c as usize]
}

/// The bytes of a bare key (`A-Za-z0-9_-`), as a table: the scanner asks for every name byte.
static KEY_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
        c += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    /// A file over the size limit: `body`, then a long comment.
    fn large(body: &str) -> String {
        format!("{body}# {}\n", "x".repeat(32 * 1024))
    }

    fn layer(text: String) -> Layer {
        let (file, set_aside) = parse(&text, None, true).unwrap();
        Layer {
            path: "fnox.toml".into(),
            real: "fnox.toml".into(),
            text: text.into(),
            file,
            profile: None,
            global: false,
            trusted: Default::default(),
            set_aside,
        }
    }

    /// Every field of a secret, values included.
    fn fields(s: &SecretConfig) -> String {
        format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            s.provider,
            s.value,
            s.default,
            s.description,
            s.if_missing,
            s.env,
            s.as_file,
            s.json_path,
            s.line,
            s.allow_dangerous_name,
            s.daemon_cache
        )
    }

    #[test]
    fn entries_the_full_parse_takes_as_they_are_are_read_as_it_reads_them() {
        for line in [
            r#"A = { provider = "age", value = "YWdl+/=" }"#,
            r#"A_1-b={default="x",description='it is \n'}"#,
            "A = {}",
            r#"  A = { if_missing = "warn", env = "exec", line = 0, as_file = false } # note"#,
            r#"A = { env = true, line = 12, daemon_cache = false, allow_dangerous_name = true }"#,
            r#"A = { env = false, if_missing = 'ignore', line = 999999999999999999 }"#,
            r#"A = { default = "tab\there \"q\" \\ \b\f\n\r é" }"#,
            "A = { json_path = \"a.b\" }\r",
        ] {
            let mut secret = SecretConfig::default();
            let found = entry(line, Checked::No, Some(&mut secret)).expect(line);
            let full: IndexMap<String, toml::Spanned<SecretConfig>> =
                toml::from_str(&format!("{line}\n")).unwrap();
            let (name, item) = full.first().unwrap();
            assert_eq!(&line[found.name], name, "{line}");
            assert_eq!(found.table, item.span(), "{line}");
            assert_eq!(fields(&secret), fields(item.get_ref()), "{line}");
        }
    }

    /// The scan reads an entry of a clean file (no control characters) from the line's start to
    /// the end of the file, not knowing where the line ends: it must read the same entry, end it
    /// at the line feed, and refuse the same lines, as when given the line alone.
    #[test]
    fn an_entry_read_on_past_its_line_is_the_entry_of_the_line() {
        let lines = [
            r#"A = { provider = "age", value = "YWdl+/=" }"#,
            r#"A_1-b={default="x",description='it is \n'}"#,
            "A = {}",
            r#"  A = { if_missing = "warn", env = "exec", line = 0 } # note "quoted" { }"#,
            r#"A = { value = "x", }"#,
            r#"A = { value = "x" } trailing"#,
            r#"A = { value = "x"#,
            r#"A = { value = 'x"#,
            r#"A = { value = "x\"#,
            r#"A = { line = 12"#,
            r#"A = { as_file = tru"#,
            "A = { value = \"x\"",
            "A =",
            "A",
        ];
        for line in lines {
            let alone = entry(line, Checked::Clean, None);
            let rests = [
                "",
                "\n",
                "\nB = { value = \"y\" }\n",
                "\n\" }\n",
                "\n' }\n",
                "\n}\n# c\n",
            ];
            for rest in rests {
                let text = format!("{line}{rest}");
                let on = entry(&text, Checked::Clean, None);
                match (&alone, &on) {
                    (None, None) => {}
                    (Some(a), Some(o)) => {
                        assert_eq!((&a.name, &a.table), (&o.name, &o.table), "{text:?}");
                        assert_eq!(o.end, line.len(), "{text:?}");
                    }
                    _ => panic!(
                        "{text:?}: alone {}, read on {}",
                        alone.is_some(),
                        on.is_some()
                    ),
                }
            }
        }
    }

    #[test]
    fn every_field_is_found_at_its_place() {
        for (i, (name, _)) in entry::FIELDS.iter().enumerate() {
            assert_eq!(entry::field_index(name.as_bytes()), Some(i), "{name}");
        }
        for other in [
            &b"sync"[..],
            b"values",
            b"value_",
            b"provide",
            b"daemon",
            b"description_",
            b"lines",
            b"",
            b"Value",
        ] {
            assert_eq!(entry::field_index(other), None, "{other:?}");
        }
        for c in 0..=255u8 {
            assert_eq!(
                is_key_byte(c),
                c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
            );
        }
    }

    #[test]
    fn entries_with_anything_unusual_are_kept_for_the_full_parse() {
        for line in [
            r#"A = { value = "x", }"#,
            r#"A = { value = "x", value = "y" }"#,
            r#"A = { unknown = "x" }"#,
            r#"A = { sync = { provider = "p", value = "v" } }"#,
            r#"A = { value = 1 }"#,
            r#"A = { line = -1 }"#,
            r#"A = { line = 01 }"#,
            r#"A = { line = 1_000 }"#,
            r#"A = { if_missing = "Warn" }"#,
            r#"A = { env = "sometimes" }"#,
            r#"A = { value = "\e" }"#,
            r#"A = { value = "\u0041" }"#,
            "A = { value = \"a\u{1}b\" }",
            r#"A = { value = """x""" }"#,
            r#"A = { value = "x" } trailing"#,
            "A = { value = \"x\" } # \u{7f}",
            r#""A" = { value = "x" }"#,
            r#"A.b = { value = "x" }"#,
            r#"A = { value = "x""#,
            "A = { value = \"x\" }\rB = {}",
        ] {
            assert!(entry(line, Checked::No, None).is_none(), "{line}");
            assert!(
                entry(line, Checked::file(line.as_bytes()), None).is_none(),
                "{line}"
            );
        }
    }

    #[test]
    fn a_large_file_sets_its_simple_entries_aside_and_keeps_the_rest_in_place() {
        let text = large(concat!(
            "root = true\n",
            "[providers]\n",
            "age = { type = \"age\", recipients = [\"age1x\"] }\n",
            "[secrets]\n",
            "A = { provider = \"age\", value = \"a\" }\n",
            "B = { provider = \"age\", value = \"b\", sync = { provider = \"p\", value = \"v\" } }\n",
            "C = { default = \"c\" }\n",
            "[profiles.prod.secrets]\n",
            "A = { default = \"prod\" }\n",
        ));
        let (file, set_aside) = parse(&text, None, true).unwrap();
        let set_aside = set_aside.expect("the scan accepts the file");
        let names: Vec<_> = set_aside.names(&text).collect();
        assert_eq!(names, [(None, "A"), (None, "C"), (Some("prod"), "A")]);
        // Kept: the entry with a table in it, at its place in the file.
        assert_eq!(file.secrets.keys().collect::<Vec<_>>(), ["B"]);
        assert_eq!(
            file.secrets["B"].span().start,
            text.find("{ provider = \"age\", value = \"b\"").unwrap()
        );
        assert_eq!(
            file.providers["age"].span().start,
            text.find("{ type").unwrap()
        );
        assert!(file.profiles["prod"].secrets.is_empty());
        assert_eq!(file.root, Some(true));
    }

    #[test]
    fn a_file_the_scan_cannot_follow_is_parsed_in_full() {
        let entry = "[secrets]\nA = { default = \"a\" }\n";
        assert!(parse(entry, None, true).unwrap().1.is_some());
        for odd in [
            "[secrets.T]\nvalue = \"t\"\n",
            "[[secrets]]\n",
            "[\"secrets\"]\n",
            "[profiles . p . secrets]\n",
            "[providers]\nsecrets.X = { default = \"x\" }\n",
            "[profiles]\np = { secrets = { X = { default = \"x\" } } }\n",
            "[secrets]\nA = { default = \"again\" }\n",
            "[secrets]\n\"Q\" = { default = \"q\" }\n",
        ] {
            let text = large(&format!("{entry}{odd}"));
            let sparse = parse(&text, None, true);
            let full = model::parse(&text);
            assert!(sparse.as_ref().map_or(true, |(_, s)| s.is_none()), "{odd}");
            assert_eq!(sparse.is_ok(), full.is_ok(), "{odd}");
        }
    }

    #[test]
    fn lines_inside_a_multi_line_string_or_array_are_never_set_aside() {
        let text = large(concat!(
            "[secrets]\n",
            "A = { default = \"a\" }\n",
            "[providers.x]\n",
            "type = \"plain\"\n",
            "note = \"\"\"\n",
            "[secrets]\n",
            "B = { default = \"b\" }\n",
            "\"\"\"\n",
            "list = [\n",
            "  'C = { default = \"c\" }',\n",
            "]\n",
        ));
        let (file, set_aside) = parse(&text, None, true).unwrap();
        let set_aside = set_aside.unwrap();
        let names: Vec<_> = set_aside.names(&text).map(|(_, n)| n).collect();
        assert_eq!(names, ["A"]);
        let note = file.providers["x"].get_ref().fields["note"]
            .as_str()
            .unwrap();
        assert_eq!(note, "[secrets]\nB = { default = \"b\" }\n");
    }

    #[test]
    fn what_a_wanted_secret_refers_to_is_taken_in_to_a_fixed_point() {
        let text = large(concat!(
            "[providers]\n",
            "v = { type = \"vault\", token = { secret = \"TOKEN\" } }\n",
            "[secrets]\n",
            "A = { default = \"${B}-x\" }\n",
            "B = { default = \"fnox://C\" }\n",
            "C = { default = \"c\" }\n",
            "TOKEN = { default = \"t\" }\n",
            "UNUSED = { default = \"u\" }\n",
            "OTHER-NAME = { default = \"o\" }\n",
        ));
        let mut layers = [layer(text)];
        assert!(complete(&mut layers, &["A".to_owned()]));
        let file = &layers[0].file;
        let mut names: Vec<_> = file.secrets.keys().map(String::as_str).collect();
        names.sort();
        assert_eq!(names, ["A", "B", "C", "TOKEN"]);
        for (name, item) in &file.secrets {
            let at = layers[0].text.find(&format!("\n{name} = ")).unwrap() + name.len() + 4;
            assert_eq!(item.span().start, at, "{name}");
        }
        let left: Vec<_> = layers[0]
            .set_aside
            .as_ref()
            .unwrap()
            .names(&layers[0].text)
            .map(|(_, n)| n)
            .collect();
        assert_eq!(left, ["UNUSED", "OTHER-NAME"]);
    }

    #[test]
    fn a_fnox_reference_to_an_undefined_name_asks_for_the_full_parse() {
        let text =
            large("[secrets]\nA = { default = \"fnox://NOPE\" }\nNOP = { default = \"n\" }\n");
        let mut layers = [layer(text)];
        assert!(!complete(&mut layers, &["A".to_owned()]));
    }
}
