//! Reading a large fnox.toml fast. Its one-line secret entries (most of such a file) are checked
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

use super::load::Layer;
use super::model::{self, ConfigFile, SecretConfig};

/// Below this size a full parse costs less than it saves.
pub const MIN_LEN: usize = 32 * 1024;

#[derive(Debug, Clone)]
struct Entry {
    /// The profile of `[profiles.NAME.secrets]` (its place in the file), None for `[secrets]`.
    profile: Option<Range<usize>>,
    name: Range<usize>,
    /// `name_hash` of the name: `complete` tests every entry without reading the file's text
    /// again (10,000 cache misses cost more than the test).
    hash: u64,
    /// The whole line, its line break included.
    line: Range<usize>,
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
            .map(move |e| (e.profile.clone().map(|p| &text[p]), &text[e.name.clone()]))
    }

    fn original(&self, reduced: usize) -> usize {
        let i = self.runs.partition_point(|(r, _)| *r <= reduced) - 1;
        let (r, o) = self.runs[i];
        o + (reduced - r)
    }
}

/// Parses `text`. When it is large enough and the scan accepts it, its simple secret entries
/// are read by the scanner, not the TOML parser: with `set_aside` they are left out (for
/// `complete`), else read in at once. Otherwise, in full. An error is always the full parse's.
pub fn parse(
    text: &str,
    set_aside: bool,
) -> Result<(ConfigFile, Option<SetAside>), toml::de::Error> {
    if text.len() >= MIN_LEN {
        if let Some(aside) = scan(text) {
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
                    && tokens.contains(&layer.text[e.name.clone()])
                {
                    taken[li][ei] = true;
                    needed[li].push(ei);
                    added = true;
                    let line = &layer.text[e.line.clone()];
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
        let line = &text[e.line.clone()];
        let line = line.strip_suffix('\n').unwrap_or(line);
        let mut secret = SecretConfig::default();
        let Some(found) = entry(line, Checked::Clean, Some(&mut secret)) else {
            return false;
        };
        let map = match &e.profile {
            None => &mut file.secrets,
            Some(p) => match file.profiles.get_mut(&text[p.clone()]) {
                Some(profile) => &mut profile.secrets,
                None => return false,
            },
        };
        let at = e.line.start;
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
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

/// Where the scanner is: which table the lines belong to.
enum Context {
    Other,
    /// `[secrets]` (None) or `[profiles.NAME.secrets]` (NAME's place in the file).
    Secrets(Option<Range<usize>>),
}

/// Scans a file: the entries it can set aside and the text that stays. None when anything could
/// make the reduced parse differ from the full one.
fn scan(text: &str) -> Option<SetAside> {
    let b = text.as_bytes();
    if text.starts_with('\u{feff}') {
        return None;
    }
    let checked = Checked::file(b);
    let mut context = Context::Other;
    let mut entries: Vec<Entry> = Vec::new();
    // Names per table, set aside or kept: a name twice in a table is the full parse's error.
    let mut names: HashSet<(Option<&str>, &str)> = HashSet::default();
    // Most lines of a large file are entries of about 100-400 bytes.
    names.reserve(text.len() / 256);
    let mut pos = 0;
    while pos < b.len() {
        let end = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |i| pos + i);
        let next = (end + 1).min(b.len());
        let line = &text[pos..end];
        let trimmed = line.trim_start_matches([' ', '\t']);
        if trimmed.is_empty() || trimmed == "\r" || trimmed.starts_with('#') {
            pos = next;
            continue;
        }
        if trimmed.starts_with('[') {
            context = header(trimmed, end - trimmed.len())?;
            pos = next;
            continue;
        }
        if let Context::Secrets(table) = &context {
            let profile: Option<&str> = table.clone().map(|p| &text[p]);
            if let Some(found) = entry(line, checked, None) {
                let name = pos + found.name.start..pos + found.name.end;
                if !names.insert((profile, &text[name.clone()])) {
                    return None;
                }
                entries.push(Entry {
                    hash: name_hash(&text[name.clone()]),
                    profile: table.clone(),
                    name,
                    line: pos..next,
                });
                pos = next;
                continue;
            }
            // Kept: it must name its secret plainly, for the duplicate check.
            let key_len = trimmed.bytes().take_while(|c| is_key_byte(*c)).count();
            let after = trimmed[key_len..].trim_start_matches([' ', '\t']);
            if key_len == 0 || !after.starts_with('=') {
                return None;
            }
            let offset = end - line.len() + (line.len() - trimmed.len());
            if !names.insert((profile, &text[offset..offset + key_len])) {
                return None;
            }
            pos = statement_end(b, pos)?.end;
            continue;
        }
        let stmt = statement_end(b, pos)?;
        let key = &text[pos..stmt.key_end];
        // A key or inline table elsewhere that could define secrets (`secrets.X = ...`,
        // `x = { secrets = ... }`, an escape that could spell it).
        if key.contains("secrets")
            || key.contains('\\')
            || (stmt.inline_table && text[stmt.key_end..stmt.end].contains("secrets"))
        {
            return None;
        }
        pos = stmt.end;
    }
    let mut kept: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    for e in &entries {
        if e.line.start > from {
            kept.push(from..e.line.start);
        }
        from = e.line.end;
    }
    if from < b.len() {
        kept.push(from..b.len());
    }
    let mut runs = vec![(0, 0)];
    let mut reduced = 0;
    for r in &kept {
        runs.push((reduced, r.start));
        reduced += r.len();
    }
    Some(SetAside {
        entries,
        runs,
        kept,
    })
}

/// The context a table header puts the following lines in; None for a header that could define
/// secrets in a way the scanner does not follow (`[secrets.NAME]`, `[[secrets]]`, quoted keys).
/// `at` is the header's offset in the file.
fn header(line: &str, at: usize) -> Option<Context> {
    if line.starts_with("[[") || line.contains(['"', '\'']) {
        return (!line.contains("secrets")).then_some(Context::Other);
    }
    let close = line.find(']')?;
    let rest = line[close + 1..].trim_start_matches([' ', '\t']);
    if !(rest.is_empty() || rest == "\r" || rest.starts_with('#')) {
        return None;
    }
    let inner = line[1..close].trim_matches([' ', '\t']);
    if inner == "secrets" {
        return Some(Context::Secrets(None));
    }
    if let Some(name) = inner
        .strip_prefix("profiles.")
        .and_then(|r| r.strip_suffix(".secrets"))
    {
        if !name.is_empty() && name.bytes().all(is_key_byte) {
            let start = at + (name.as_ptr() as usize - line.as_ptr() as usize);
            return Some(Context::Secrets(Some(start..start + name.len())));
        }
    }
    (!inner.contains("secrets")).then_some(Context::Other)
}

/// What a field of a secret holds.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Flag,
    Count,
    IfMissing,
    Env,
}

/// `SecretConfig`'s scalar fields (`sync` is a table: an entry with it is kept).
const FIELDS: [(&str, Kind); 11] = [
    ("provider", Kind::Text),
    ("value", Kind::Text),
    ("default", Kind::Text),
    ("description", Kind::Text),
    ("if_missing", Kind::IfMissing),
    ("env", Kind::Env),
    ("as_file", Kind::Flag),
    ("json_path", Kind::Text),
    ("line", Kind::Count),
    ("allow_dangerous_name", Kind::Flag),
    ("daemon_cache", Kind::Flag),
];

/// A line's entry: where its name and its inline table are in the line.
struct Found {
    name: Range<usize>,
    table: Range<usize>,
}

/// The entry on `line` when the line is one secret entry the full parse takes as it is:
/// `NAME = { field = value, ... }` with known fields of the right types, strings without
/// unusual escapes or control characters, an optional comment. With `out`, the entry's values
/// are written into it.
fn entry(line: &str, checked: Checked, mut out: Option<&mut SecretConfig>) -> Option<Found> {
    use super::model::{EnvMode, IfMissing};
    let b = line.as_bytes();
    let b = b.strip_suffix(b"\r").unwrap_or(b);
    // Allowed nowhere on a line but a tab (a string or comment would have to hold it).
    let control = match checked {
        Checked::Clean => false,
        Checked::CarriageReturns => memchr::memchr(b'\r', b).is_some(),
        Checked::No => has_control(b, false),
    };
    if control {
        return None;
    }
    let mut c = Cursor { b, i: 0 };
    c.blank();
    let start = c.i;
    while c.peek().is_some_and(is_key_byte) {
        c.i += 1;
    }
    let name = start..c.i;
    if name.is_empty() {
        return None;
    }
    c.blank();
    c.eat(b'=')?;
    c.blank();
    let table_start = c.i;
    c.eat(b'{')?;
    c.blank();
    if c.peek() == Some(b'}') {
        c.i += 1;
    } else {
        let mut seen = 0u32;
        loop {
            let from = c.i;
            while c
                .peek()
                .is_some_and(|x| x.is_ascii_lowercase() || x == b'_')
            {
                c.i += 1;
            }
            let field = FIELDS
                .iter()
                .position(|(f, _)| f.as_bytes() == &b[from..c.i])?;
            if seen & (1 << field) != 0 {
                return None;
            }
            seen |= 1 << field;
            c.blank();
            c.eat(b'=')?;
            c.blank();
            match FIELDS[field].1 {
                Kind::Text => {
                    let s = c.string()?;
                    if let Some(out) = out.as_deref_mut() {
                        let value = Some(s.value(line));
                        match FIELDS[field].0 {
                            "provider" => out.provider = value,
                            "value" => out.value = value,
                            "default" => out.default = value,
                            "description" => out.description = value,
                            _ => out.json_path = value,
                        }
                    }
                }
                Kind::Flag => {
                    let flag = Some(c.flag()?);
                    if let Some(out) = out.as_deref_mut() {
                        match FIELDS[field].0 {
                            "as_file" => out.as_file = flag,
                            "allow_dangerous_name" => out.allow_dangerous_name = flag,
                            _ => out.daemon_cache = flag,
                        }
                    }
                }
                Kind::Count => {
                    let n = c.count()?;
                    if let Some(out) = out.as_deref_mut() {
                        out.line = Some(n);
                    }
                }
                Kind::IfMissing => {
                    let mode = match c.word()? {
                        b"error" => IfMissing::Error,
                        b"warn" => IfMissing::Warn,
                        b"ignore" => IfMissing::Ignore,
                        _ => return None,
                    };
                    if let Some(out) = out.as_deref_mut() {
                        out.if_missing = Some(mode);
                    }
                }
                Kind::Env => {
                    let mode = match c.flag() {
                        Some(true) => EnvMode::All,
                        Some(false) => EnvMode::Never,
                        None if c.word()? == b"exec" => EnvMode::ExecOnly,
                        None => return None,
                    };
                    if let Some(out) = out.as_deref_mut() {
                        out.env = Some(mode);
                    }
                }
            }
            c.blank();
            match c.next()? {
                b',' => c.blank(),
                b'}' => break,
                _ => return None,
            }
        }
    }
    let table = table_start..c.i;
    c.blank();
    match c.peek() {
        None | Some(b'#') => Some(Found { name, table }),
        _ => None,
    }
}

/// What a check of the whole file found out about control characters.
#[derive(Clone, Copy)]
enum Checked {
    /// None but tabs and line feeds.
    Clean,
    /// None but tabs, line feeds and carriage returns: a line may have one before its line feed only.
    CarriageReturns,
    /// Some: every line is checked.
    No,
}

impl Checked {
    fn file(b: &[u8]) -> Checked {
        if has_control(b, true) {
            Checked::No
        } else if memchr::memchr(b'\r', b).is_some() {
            Checked::CarriageReturns
        } else {
            Checked::Clean
        }
    }
}

/// Whether `b` has a byte TOML allows in no string or comment (a control character but tab, and
/// with `breaks` line feed and carriage return), in blocks the compiler turns into vector
/// compares: all of a large file passes through here.
fn has_control(b: &[u8], breaks: bool) -> bool {
    let control = |x: u8| {
        ((x < 0x20) & (x != b'\t') & !(breaks & ((x == b'\n') | (x == b'\r')))) | (x == 0x7f)
    };
    let mut blocks = b.chunks_exact(64);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &x| any | control(x)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&x| control(x))
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn eat(&mut self, want: u8) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    fn flag(&mut self) -> Option<bool> {
        let rest = &self.b[self.i..];
        let (len, value) = if rest.starts_with(b"true") {
            (4, true)
        } else if rest.starts_with(b"false") {
            (5, false)
        } else {
            return None;
        };
        self.i += len;
        Some(value)
    }

    /// A decimal integer as `usize` reads it: `0`, or up to 18 digits without a leading zero.
    fn count(&mut self) -> Option<usize> {
        let digits = self.b[self.i..]
            .iter()
            .take_while(|x| x.is_ascii_digit())
            .count();
        if digits == 0 || digits > 18 || (digits > 1 && self.b[self.i] == b'0') {
            return None;
        }
        let value = self.b[self.i..self.i + digits]
            .iter()
            .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
        self.i += digits;
        Some(value)
    }

    /// A one-line basic or literal string (the line has no control character): where its
    /// content is, and whether it has escapes (only the simple `\" \\ \b \f \n \r \t`; None for
    /// anything else).
    fn string(&mut self) -> Option<Str> {
        let quote = self.peek()?;
        if !matches!(quote, b'"' | b'\'') || self.b[self.i..].starts_with(&[quote; 3]) {
            return None;
        }
        let start = self.i + 1;
        self.i = start;
        let mut escaped = false;
        loop {
            let rest = &self.b[self.i..];
            let at = if quote == b'"' {
                memchr::memchr2(b'"', b'\\', rest)?
            } else {
                memchr::memchr(b'\'', rest)?
            };
            self.i += at + 1;
            if rest[at] == quote {
                return Some(Str {
                    content: start..self.i - 1,
                    escaped,
                });
            }
            escaped = true;
            match self.next()? {
                b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                _ => return None,
            }
        }
    }

    /// An unescaped string's content, for the words `if_missing` and `env` take.
    fn word(&mut self) -> Option<&'a [u8]> {
        let s = self.string()?;
        (!s.escaped).then(|| &self.b[s.content])
    }
}

/// A string `Cursor::string` read.
struct Str {
    content: Range<usize>,
    escaped: bool,
}

impl Str {
    /// Its value: `line` is the text the cursor read.
    fn value(&self, line: &str) -> String {
        let raw = &line[self.content.clone()];
        if !self.escaped {
            return raw.to_owned();
        }
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            out.push(match chars.next() {
                Some('b') => '\u{8}',
                Some('f') => '\u{c}',
                Some('n') => '\n',
                Some('r') => '\r',
                Some('t') => '\t',
                Some(other) => other, // `"` and `\`: `string` let no other through
                None => break,
            });
        }
        out
    }
}

/// Where a key/value statement's key and the whole statement end.
struct Statement {
    /// The `=`.
    key_end: usize,
    /// After its line break.
    end: usize,
    /// Whether its value has an inline table (a `{` outside strings and comments).
    inline_table: bool,
}

/// The key/value statement that starts at `start`, followed through strings, comments and
/// brackets across lines; None when it does not end as valid TOML would.
fn statement_end(b: &[u8], start: usize) -> Option<Statement> {
    let mut depth = 0usize;
    let mut key_end = None;
    let mut inline_table = false;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'\n' if depth == 0 => {
                return Some(Statement {
                    key_end: key_end?,
                    end: i + 1,
                    inline_table,
                })
            }
            b'#' => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
                continue;
            }
            b'"' | b'\'' => {
                i = string_end(b, i)?;
                continue;
            }
            b'=' if depth == 0 && key_end.is_none() => key_end = Some(i),
            b'{' => {
                inline_table = true;
                depth += 1;
            }
            b'[' => depth += 1,
            b']' | b'}' => depth = depth.checked_sub(1)?,
            _ => {}
        }
        i += 1;
    }
    (depth == 0).then_some(Statement {
        key_end: key_end?,
        end: b.len(),
        inline_table,
    })
}

/// Just past the string that opens at `i` (basic, literal, or either multi-line form).
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    let quote = b[i];
    let basic = quote == b'"';
    if b[i..].starts_with(&[quote; 3]) {
        let mut j = i + 3;
        loop {
            let at = if basic {
                memchr::memchr2(b'"', b'\\', &b[j..])?
            } else {
                memchr::memchr(b'\'', &b[j..])?
            };
            j += at;
            if b[j] == b'\\' {
                j += 2;
                if j > b.len() {
                    return None;
                }
                continue;
            }
            let run = b[j..].iter().take_while(|&&x| x == quote).count();
            if run >= 3 {
                // Up to two quotes of the content may come before the closing three.
                return (run <= 5).then_some(j + run);
            }
            j += run;
        }
    }
    let mut j = i + 1;
    loop {
        let at = if basic {
            memchr::memchr3(b'"', b'\\', b'\n', &b[j..])?
        } else {
            memchr::memchr2(b'\'', b'\n', &b[j..])?
        };
        j += at;
        match b[j] {
            b'\n' => return None,
            b'\\' => {
                if b.get(j + 1).is_none_or(|&x| x == b'\n') {
                    return None;
                }
                j += 2;
            }
            _ => return Some(j + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file over the size limit: `body`, then a long comment.
    fn large(body: &str) -> String {
        format!("{body}# {}\n", "x".repeat(MIN_LEN))
    }

    fn layer(text: String) -> Layer {
        let (file, set_aside) = parse(&text, true).unwrap();
        Layer {
            path: "fnox.toml".into(),
            text,
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
        let (file, set_aside) = parse(&text, true).unwrap();
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
    fn a_small_file_or_one_the_scan_cannot_follow_is_parsed_in_full() {
        let entry = "[secrets]\nA = { default = \"a\" }\n";
        assert!(parse(entry, true).unwrap().1.is_none());
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
            let sparse = parse(&text, true);
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
        let (file, set_aside) = parse(&text, true).unwrap();
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
