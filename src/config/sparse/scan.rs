//! The scan of a whole file: which lines are simple secret entries the scanner reads, in which
//! table, and which text stays for the TOML parser; strings, comments and brackets followed
//! across lines so that no line inside a multi-line construct is taken for an entry.

use std::ops::Range;

use rustc_hash::FxHashSet as HashSet;

use super::entry::entry;
use super::shape::Shape;
use super::{is_key_byte, name_hash, Entry, SetAside};

/// Where the scanner is: which table the lines belong to.
enum Context {
    Other,
    /// `[secrets]` (None) or `[profiles.NAME.secrets]` (NAME's place in the file), and what
    /// the table mixes into its names' hashes for the duplicate check (`table_salt`).
    Secrets(Option<Range<usize>>, u64),
}

/// Scans a file: the entries it can set aside and the text that stays. None when anything could
/// make the reduced parse differ from the full one.
/// `checked` is the file's check when its reading made it already.
pub(super) fn scan(text: &str, checked: Option<Checked>) -> Option<SetAside> {
    scan_with(text, checked, true)
}

/// The scan; with `shapes`, an entry line of the shape of the last one the entry reader took is
/// read by that shape (`Shape`), without the reader.
fn scan_with(text: &str, checked: Option<Checked>, shapes: bool) -> Option<SetAside> {
    let b = text.as_bytes();
    if text.starts_with('\u{feff}') || u32::try_from(text.len()).is_err() {
        return None;
    }
    let checked = checked.unwrap_or_else(|| Checked::file(b));
    let mut context = Context::Other;
    let mut entries: Vec<Entry> = Vec::new();
    // Names per table, set aside or kept, by hash (the name's own, which an entry keeps anyway,
    // mixed with its table's): a name twice in a table is the full parse's error (and two names
    // of one hash, a full parse that finds none).
    let mut names: HashSet<u64> = HashSet::default();
    // Most lines of a large file are entries of about 100-400 bytes.
    names.reserve(text.len() / 256);
    let mut shape: Option<Shape> = None;
    let mut pos = 0;
    while pos < b.len() {
        // In a secrets table of a file without control characters, a line that starts like an
        // entry is read as one before its end is known: the reading finds the end, and the line
        // is gone over once instead of twice (most of a large file).
        // The line's indent (it stops at a line feed, so it is never past the line's end).
        let blanks = b[pos..]
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t'))
            .count();
        let fast = matches!((&context, checked), (Context::Secrets(..), Checked::Clean))
            && b.get(pos + blanks).is_some_and(|c| is_key_byte(*c));
        let mut found = None;
        if fast {
            found = shape.as_ref().and_then(|s| s.entry(b, pos, blanks));
            if found.is_none() {
                found = entry(&text[pos..], checked, None);
                if let Some(taken) = found.as_ref().filter(|_| shapes) {
                    shape = Shape::of(b, pos, taken).or(shape);
                }
            }
        }
        let end = match &found {
            Some(found) => pos + found.end,
            None => crate::bytes::find(b'\n', &b[pos..]).map_or(b.len(), |i| pos + i),
        };
        let next = (end + 1).min(b.len());
        let line = &text[pos..end];
        let trimmed = &line[blanks..];
        if trimmed.is_empty() || trimmed == "\r" || trimmed.starts_with('#') {
            pos = next;
            continue;
        }
        if trimmed.starts_with('[') {
            context = header(trimmed, end - trimmed.len())?;
            pos = next;
            continue;
        }
        if let Context::Secrets(table, salt) = &context {
            // A line the fast reading refused is refused again as a line: not read twice.
            if !fast {
                found = entry(line, checked, None);
            }
            if let Some(found) = found {
                let name = pos + found.name.start..pos + found.name.end;
                let hash = name_hash(&text[name.clone()]);
                if !names.insert(hash ^ salt) {
                    return None;
                }
                entries.push(Entry::new(hash, pos..next, name, table.clone()));
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
            if !names.insert(name_hash(&text[offset..offset + key_len]) ^ salt) {
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
        let line = e.line();
        if line.start > from {
            kept.push(from..line.start);
        }
        from = line.end;
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
        return Some(Context::Secrets(None, table_salt(None)));
    }
    if let Some(name) = inner
        .strip_prefix("profiles.")
        .and_then(|r| r.strip_suffix(".secrets"))
    {
        if !name.is_empty() && name.bytes().all(is_key_byte) {
            let start = at + (name.as_ptr() as usize - line.as_ptr() as usize);
            return Some(Context::Secrets(
                Some(start..start + name.len()),
                table_salt(Some(name)),
            ));
        }
    }
    (!inner.contains("secrets")).then_some(Context::Other)
}

/// What a table mixes into the hashes of its names for the duplicate check: nothing for
/// `[secrets]`, and for a profile's table a value never 0 made from the profile's name, so that
/// one name in two tables gives two keys (two keys that meet anyway only send the file to the
/// full parse).
fn table_salt(profile: Option<&str>) -> u64 {
    profile.map_or(0, |p| name_hash(p).rotate_left(29) | 1)
}

/// What a check of the whole file found out about control characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checked {
    /// None but tabs and line feeds.
    Clean,
    /// None but tabs, line feeds and carriage returns: a line may have one before its line feed only.
    CarriageReturns,
    /// Some: every line is checked.
    No,
}

impl Checked {
    /// The check of a whole file, in one pass (SSE2, asking nothing of the CPU: a small file's
    /// check costs less than the question would).
    pub(super) fn file(b: &[u8]) -> Checked {
        survey_in(b).checked
    }
}

/// What one pass over a file's bytes found: its control characters, and whether it is ASCII
/// (then it is UTF-8, and needs no other check).
pub struct Survey {
    pub ascii: bool,
    pub checked: Checked,
}

/// Surveys a large file with the widest vectors the CPU has (it asks, once).
pub fn survey(b: &[u8]) -> Survey {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2.
        return unsafe { survey_avx2(b) };
    }
    survey_in(b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn survey_avx2(b: &[u8]) -> Survey {
    survey_in(b)
}

/// The survey's one pass. A block of 256 bytes with none but printable ASCII and line feeds
/// (nearly all of a config) is passed in a few vector compares; only the others are looked at
/// exactly, for what is not known yet.
#[inline(always)]
fn survey_in(b: &[u8]) -> Survey {
    const BLOCK: usize = 256;
    // Not a closure: inlined, it is compiled with the caller's vectors (`survey_avx2`).
    #[inline(always)]
    fn exact(block: &[u8], ascii: &mut bool, control: &mut bool, returns: &mut bool) {
        if *ascii {
            *ascii = block.is_ascii();
        }
        if !*control {
            *control = block
                .iter()
                .fold(false, |any, &x| any | is_control(x, true));
        }
        // Control characters make the file `Checked::No` whatever else it holds.
        if !*control && !*returns {
            *returns = block.contains(&b'\r');
        }
    }
    let (mut ascii, mut control, mut returns) = (true, false, false);
    let whole = b.len() - b.len() % BLOCK;
    let mut rest = &b[..whole];
    // To each suspect block in turn, by a search of compares alone (nothing in its loop but
    // vector compares).
    while let Some(i) = rest
        .chunks_exact(BLOCK)
        .position(|block| block.iter().fold(false, |any, &x| any | suspect(x, true)))
    {
        let (block, after) = rest[i * BLOCK..].split_at(BLOCK);
        exact(block, &mut ascii, &mut control, &mut returns);
        rest = after;
    }
    exact(&b[whole..], &mut ascii, &mut control, &mut returns);
    let checked = if control {
        Checked::No
    } else if returns {
        Checked::CarriageReturns
    } else {
        Checked::Clean
    };
    Survey { ascii, checked }
}

/// Whether `b` has a byte TOML allows in no string or comment (`is_control`), in blocks the
/// compiler turns into vector compares: each line of a file that has one passes through here.
pub(super) fn has_control(b: &[u8], breaks: bool) -> bool {
    // A block without a tab, a carriage return, a control character or non-ASCII text (nearly
    // all of a config) is passed in well under half the instructions of the exact check.
    let mut blocks = b.chunks_exact(64);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &x| any | suspect(x, breaks))
            && block
                .iter()
                .fold(false, |any, &x| any | is_control(x, breaks))
        {
            return true;
        }
    }
    blocks.remainder().iter().any(|&x| is_control(x, breaks))
}

/// A byte TOML allows in no string or comment: a control character but tab (and, with `breaks`,
/// line feed and carriage return), or DEL.
#[inline(always)]
fn is_control(x: u8, breaks: bool) -> bool {
    ((x < 0x20) & (x != b'\t') & !(breaks & ((x == b'\n') | (x == b'\r')))) | (x == 0x7f)
}

/// True for every byte `is_control` is true for, in two compares: every byte below 0x20 and
/// DEL, as one signed compare after adding 1, which also takes every non-ASCII byte; with
/// `breaks`, not the line feed.
#[inline(always)]
fn suspect(x: u8, breaks: bool) -> bool {
    ((x.wrapping_add(1) as i8) < 0x21) & ((x != b'\n') | !breaks)
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
                i = crate::bytes::find(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
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
                crate::bytes::find2(b'"', b'\\', &b[j..])?
            } else {
                crate::bytes::find(b'\'', &b[j..])?
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
            crate::bytes::find3(b'"', b'\\', b'\n', &b[j..])?
        } else {
            crate::bytes::find2(b'\'', b'\n', &b[j..])?
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
    use super::super::entry::entry;
    use super::super::shape::Shape;
    use super::{has_control, scan, scan_with, survey, survey_in, Checked};

    /// A basic or literal string may not run past its line: an entry whose string is closed on
    /// the next line is the full parse's error, so the scan refuses the file, however it reads it.
    #[test]
    fn a_string_closed_on_a_later_line_sends_the_file_to_the_full_parse() {
        for open in [
            "A = { value = \"x",
            "A = { value = 'x",
            "A = { value = \"x\\",
        ] {
            for close in ["\" }", "' }"] {
                let text = format!("[secrets]\n{open}\n{close}\nC = {{ value = \"c\" }}\n");
                assert!(scan(&text, None).is_none(), "{text:?}");
            }
        }
    }

    /// Reading a line by the shape of the one before gives what the entry reader gives, for every
    /// pair of lines from a set that share a middle and differ in one part: the name, the
    /// content (escapes, quotes, a line feed inside), the tail (a comment, blanks, more fields),
    /// the kind of string, and the line's end.
    #[test]
    fn a_line_read_by_the_shape_of_the_one_before_is_the_reader_s_entry() {
        let lines = [
            r#"A = { provider = "age", value = "YWdl" }"#,
            r#"LONGER_NAME_2 = { provider = "age", value = "eHl6LWFiYw==" }"#,
            r#"B = { provider = "age", value = "" }"#,
            r#"C = { provider = "age", value = "a\"b" }"#,
            r#"D = { provider = "age", value = "a\\b" }"#,
            r#"E = { provider = "age", value = "a\nb" }"#,
            r#"F = { provider = "age", value = "a\qb" }"#,
            r#"G = { provider = "age", value = "x" } # a comment"#,
            r#"H = { provider = "age", value = "x" }  "#,
            r#"I = { provider = "age", value = "x", as_file = true }"#,
            r#"J = { provider = "age", value = 'x' }"#,
            r#"K = { provider = "age", value = """x""" }"#,
            r#"L = { provider = "age", value = "x" } extra"#,
            r#"M = { provider = "age", value = "x" "#,
            r#"N = { provider = "age", value = "x"}"#,
            r#"O = { provider = "vault", value = "x" }"#,
            r#"P = { provider = "age", value = "x", }"#,
            r#"Q={ provider = "age", value = "x" }"#,
            r#"  R = { provider = "age", value = "x" }"#,
            r#"A = { provider = "age", value = "dup" }"#,
            r#"S = { value = "x", provider = "age" }"#,
            r#"T = { provider = "age", value = "x\"" }"#,
            r#"U = { provider = "age", value = "\"" }"#,
            r#"V.W = { provider = "age", value = "x" }"#,
            r#"X = { provider = "age", value = "x" }"#,
            r#"Y = { provider = "age", value = "open"#,
            r#" }"#,
            r#"W = { provider = "age", value = "a\ }"#,
            r#"IF = { if_missing = "warn" }"#,
            r#"IF2 = { if_missing = "Warn" }"#,
            r#"ENV = { env = "exec" }"#,
            r#"ENV2 = { env = "sometimes" }"#,
            r#"JSON = { json_path = "a.b" }"#,
            r#"JSON2 = { json_path = "c" }"#,
        ];
        let next = "Z = { provider = \"age\", value = \"z\" }\n";
        let mut read_by_shape = 0;
        for first in lines {
            for second in lines {
                for end in ["\n", ""] {
                    for after in ["", next] {
                        let text = format!("[secrets]\n{first}\n{second}{end}{after}");
                        let with = scan_with(&text, None, true);
                        let without = scan_with(&text, None, false);
                        assert_eq!(format!("{with:?}"), format!("{without:?}"), "{text}");
                    }
                }
            }
            // The shape of the first line, tried on every line.
            let text = format!("[secrets]\n{first}\n");
            let Some(found) = entry(&text[10..], Checked::Clean, None) else {
                continue;
            };
            let Some(shape) = Shape::of(text.as_bytes(), 10, &found) else {
                continue;
            };
            for second in lines {
                let text = format!("[secrets]\n{first}\n{second}\n");
                let pos = 10 + first.len() + 1;
                let blanks = second.len() - second.trim_start().len();
                let by_shape = shape.entry(text.as_bytes(), pos, blanks);
                let by_reader = entry(&text[pos..], Checked::Clean, None);
                if let Some(f) = &by_shape {
                    read_by_shape += 1;
                    let r = by_reader.as_ref().expect(&text);
                    assert_eq!(
                        (&f.name, &f.table, f.end),
                        (&r.name, &r.table, r.end),
                        "{text}"
                    );
                }
            }
        }
        // The shape was not passed over: most of the lines of the usual shape were read by it.
        assert!(read_by_shape >= 40, "{read_by_shape}");
    }

    /// The survey's one pass finds what the checks it stands for find, with the CPU's widest
    /// vectors and without: every byte value, in every part of a block, in the first, a middle
    /// and the last whole block and in the remainder, alone or beside another.
    #[test]
    fn the_survey_finds_what_the_separate_checks_find_wherever_a_byte_sits() {
        let expected = |b: &[u8]| {
            let checked = if has_control(b, true) {
                Checked::No
            } else if b.contains(&b'\r') {
                Checked::CarriageReturns
            } else {
                Checked::Clean
            };
            (b.is_ascii(), checked)
        };
        let line = b"A_NAME = { provider = \"age\", value = \"YWdlLWVuY3J5cHRpb24=\" }\n";
        let base: Vec<u8> = line.iter().copied().cycle().take(3 * 256 + 100).collect();
        let mut positions = vec![0, 1, 63, 64, 128, 255, 256, 257, 400, 511, 512, 767, 768];
        positions.extend([base.len() - 1, base.len() - 50]);
        for x in 0..=255u8 {
            for &at in &positions {
                for also in [None, Some((at + 300) % base.len())] {
                    let mut b = base.clone();
                    b[at] = x;
                    if let Some(j) = also {
                        b[j] = b'\r';
                    }
                    let want = expected(&b);
                    for got in [survey(&b), survey_in(&b)] {
                        assert_eq!((got.ascii, got.checked), want, "{x:#04x} at {at}, {also:?}");
                    }
                }
            }
        }
        // Every length around a block's, the last byte odd.
        for len in [0, 1, 255, 256, 257, 511, 512, 513] {
            for x in [b'\t', b'\r', 0x01, 0x7f, 0xc3, b'\n', b'a'] {
                let mut b = base[..len].to_vec();
                if let Some(last) = b.last_mut() {
                    *last = x;
                }
                for got in [survey(&b), survey_in(&b)] {
                    assert_eq!((got.ascii, got.checked), expected(&b), "{len} {x}");
                }
            }
        }
    }

    #[test]
    fn every_byte_value_is_found_or_passed_wherever_it_sits_in_a_block() {
        for breaks in [false, true] {
            for x in 0..=255u8 {
                let control = (x < 0x20 && x != b'\t' && !(breaks && (x == b'\n' || x == b'\r')))
                    || x == 0x7f;
                // In a whole block (first, middle, last byte), in the remainder, beside a line feed.
                for (len, at) in [(64, 0), (64, 37), (64, 63), (130, 100), (200, 199)] {
                    let mut b = vec![b'A'; len];
                    b[at] = x;
                    if at > 0 && breaks {
                        b[at - 1] = b'\n';
                    }
                    assert_eq!(
                        has_control(&b, breaks),
                        control,
                        "{x:#04x} at {at} of {len}"
                    );
                }
            }
        }
    }
}
