//! One line's secret entry, `NAME = { field = value, ... }`, checked (and read) as the full
//! parse would read it: anything it does not accept is left to the TOML parser.

use std::ops::Range;

use super::is_key_byte;
use super::scan::{has_control, Checked};
use crate::config::model::SecretConfig;

/// What a field of a secret holds.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Text,
    Flag,
    Count,
    IfMissing,
    Env,
}

/// `SecretConfig`'s scalar fields (`sync` is a table: an entry with it is kept).
pub(super) const FIELDS: [(&str, Kind); 11] = [
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

/// The place in `FIELDS` of the field named exactly `name` (what the entry reader takes).
#[cfg(test)]
pub(super) fn field_index(name: &[u8]) -> Option<usize> {
    let mut c = Cursor { b: name, i: 0 };
    let field = c.field()?;
    (c.i == name.len()).then_some(field)
}

/// A line's entry: where its name and its inline table are in the line, and where the line ends
/// (at its line feed, or the end of the text given).
pub(super) struct Found {
    pub(super) name: Range<usize>,
    pub(super) table: Range<usize>,
    pub(super) end: usize,
    /// Whether the table's last value is a text field's string (whose content the reader takes
    /// whatever it holds, unlike the words of `if_missing` and `env`).
    pub(super) last_text: bool,
}

/// The entry on `line` when the line is one secret entry the full parse takes as it is:
/// `NAME = { field = value, ... }` with known fields of the right types, strings without
/// unusual escapes or control characters, an optional comment. With `out`, the entry's values
/// are written into it.
///
/// `line` may also run on past its line feed, to the end of the file, when the file is
/// `Checked::Clean`: the entry then ends at the first line feed, which no part of it may hold
/// (the scan of a large file is spared a search for each line's end before reading it).
pub(super) fn entry(
    line: &str,
    checked: Checked,
    mut out: Option<&mut SecretConfig>,
) -> Option<Found> {
    use super::model::{EnvMode, IfMissing};
    let b = line.as_bytes();
    let b = b.strip_suffix(b"\r").unwrap_or(b);
    // Allowed nowhere on a line but a tab (a string or comment would have to hold it).
    let control = match checked {
        Checked::Clean => false,
        Checked::CarriageReturns => crate::bytes::find(b'\r', b).is_some(),
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
    let mut last_text = false;
    if c.peek() == Some(b'}') {
        c.i += 1;
    } else {
        let mut seen = 0u32;
        loop {
            let field = c.field()?;
            last_text = matches!(FIELDS[field].1, Kind::Text);
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
    let end = match c.peek() {
        None => line.len(),
        Some(b'\n') => c.i,
        // A comment runs to the line's end (its bytes were checked with the line's, or the file's).
        Some(b'#') => c.i + crate::bytes::find(b'\n', &b[c.i..]).unwrap_or(line.len() - c.i),
        _ => return None,
    };
    Some(Found {
        name,
        table,
        end,
        last_text,
    })
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

    /// A field's name (`FIELDS`): the name that starts with this byte, compared whole, then the
    /// byte after it, which must not continue a name. A line's two usual fields (`provider`,
    /// `value`) are read in a few compares instead of a loop over their letters.
    fn field(&mut self) -> Option<usize> {
        let rest = &self.b[self.i..];
        // Names as constants, so each compare is a few word loads, not a memcmp call
        // (`every_field_is_found_at_its_place` checks them against FIELDS).
        let is = |name: &[u8]| rest.get(..name.len()) == Some(name);
        let field = match *rest.first()? {
            b'p' if is(b"provider") => 0,
            b'v' if is(b"value") => 1,
            b'd' if is(b"default") => 2,
            b'd' if is(b"description") => 3,
            b'd' if is(b"daemon_cache") => 10,
            b'i' if is(b"if_missing") => 4,
            b'e' if is(b"env") => 5,
            b'a' if is(b"as_file") => 6,
            b'a' if is(b"allow_dangerous_name") => 9,
            b'j' if is(b"json_path") => 7,
            b'l' if is(b"line") => 8,
            _ => return None,
        };
        let len = FIELDS[field].0.len();
        if rest
            .get(len)
            .is_some_and(|x| x.is_ascii_lowercase() || *x == b'_')
        {
            return None;
        }
        self.i += len;
        Some(field)
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

    /// A one-line basic or literal string (the line has no control character but, when the text
    /// runs on past it, its line feed): where its content is, and whether it has escapes (only
    /// the simple `\" \\ \b \f \n \r \t`; None for anything else, and for a line feed before
    /// the closing quote).
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
                crate::bytes::find3(b'"', b'\\', b'\n', rest)?
            } else {
                crate::bytes::find2(b'\'', b'\n', rest)?
            };
            if rest[at] == b'\n' {
                return None;
            }
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
