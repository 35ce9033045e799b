//! The .env format that `fnox import` and `fnox exec --env-file` read: `KEY=value` lines,
//! optional `export `, `#` comments, single quotes (literal) and double quotes (escapes, may span
//! lines). Nothing is expanded.
//!
//! And the one `fnox export -f env` writes: only forms that bash (`set -a; . ./.env`),
//! python-dotenv, docker compose, dotenvx and this reader all read back byte-exact, with nothing
//! expanded or run (see [`quote`]).

/// The (name, value) pairs of .env text in file order; a repeated name keeps its last value,
/// at its last position.
/// Double quotes understand `\n \r \t \" \\ \$`. Errors name the line.
pub fn parse(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut lines = text.lines().enumerate().peekable();
    while let Some((i, raw)) = lines.next() {
        let line_no = i + 1;
        let line = raw.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line
            .strip_prefix("export ")
            .map(str::trim_start)
            .unwrap_or(line);
        let Some((key, rest)) = line.split_once('=') else {
            return Err(format!("line {line_no}: expected KEY=value"));
        };
        let key = key.trim();
        let valid_key = key
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if !valid_key {
            return Err(format!("line {line_no}: '{key}' is not a valid name"));
        }
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let mut body = rest[1..].to_owned();
                loop {
                    if let Some(end) = closing_quote(&body, q) {
                        let inner = &body[..end];
                        break if q == '"' {
                            unescape(inner)
                        } else {
                            inner.to_owned()
                        };
                    }
                    match lines.next() {
                        Some((_, next)) => {
                            body.push('\n');
                            body.push_str(next);
                        }
                        None => {
                            return Err(format!(
                                "line {line_no}: the quoted value of {key} is never closed"
                            ))
                        }
                    }
                }
            }
            _ => {
                let end = rest.find(" #").unwrap_or(rest.len());
                rest[..end].trim_end().to_owned()
            }
        };
        out.retain(|(k, _)| k != key);
        out.push((key.to_owned(), value));
    }
    Ok(out)
}

fn closing_quote(body: &str, q: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if q == '"' && c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        if c == q && !escaped {
            return Some(i);
        }
        escaped = false;
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('$') => out.push('$'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Why a value has no .env form that every common reader reads back unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unportable {
    /// python-dotenv and dotenvx read a carriage return as a line feed; bash reads no escape for it.
    CarriageReturn,
    /// No reader keeps a NUL byte.
    Nul,
    /// python-dotenv expands `${NAME}` and `${NAME:-default}` in every kind of quotes.
    Interpolation,
    /// A single quote needs double quotes, where bash and dotenvx expand `$` and `` ` `` and the
    /// readers disagree about `\` and `\"`.
    QuoteWithSpecial,
    /// In single quotes python-dotenv reads `\\` as one backslash and cannot end on a backslash.
    Backslashes,
}

impl Unportable {
    /// The reason, in words, naming characters but never the value.
    pub fn reason(self) -> &'static str {
        match self {
            Unportable::CarriageReturn => {
                "it holds a carriage return (python-dotenv and dotenvx read it as a line feed, bash has no escape for it)"
            }
            Unportable::Nul => "it holds a NUL byte, which no environment variable can carry",
            Unportable::Interpolation => {
                "it holds ${...}, which python-dotenv expands inside any quotes"
            }
            Unportable::QuoteWithSpecial => {
                "it holds a single quote together with $, `, \\ or \" (in double quotes bash and dotenvx expand $ and `, and the readers disagree about backslashes)"
            }
            Unportable::Backslashes => {
                "it holds two backslashes in a row or ends with one (python-dotenv reads those differently inside single quotes)"
            }
        }
    }
}

/// A name that every reader takes as a variable name, and that bash assigns rather than runs.
pub fn is_portable_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The right-hand side of `NAME=` for a .env file, in the first of these forms that carries the
/// value byte-exact through every common reader (none expands or runs anything in it):
/// 1. bare, for `[A-Za-z0-9_./:-]+` (as upstream writes it);
/// 2. `"value"` when it holds no double quote, backslash, `$`, backtick, line break or tab (as
///    upstream writes it);
/// 3. `'value'` when it holds no single quote (line breaks and tabs kept raw);
/// 4. `"value"` with raw line breaks, for a value holding a single quote but no double quote,
///    backslash, `$` or backtick.
///
/// Anything else has no such form: the reason is returned instead.
pub fn quote(v: &str) -> Result<String, Unportable> {
    let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'/' | b':' | b'-');
    if !v.is_empty() && v.bytes().all(plain) {
        return Ok(v.to_owned());
    }
    if v.contains('\0') {
        return Err(Unportable::Nul);
    }
    if v.contains('\r') {
        return Err(Unportable::CarriageReturn);
    }
    let double_safe = !v.contains(['"', '\\', '$', '`']);
    if double_safe && !v.contains(['\n', '\t']) {
        return Ok(format!("\"{v}\""));
    }
    if has_interpolation(v) {
        return Err(Unportable::Interpolation);
    }
    if !v.contains('\'') {
        if v.contains("\\\\") || v.ends_with('\\') {
            return Err(Unportable::Backslashes);
        }
        return Ok(format!("'{v}'"));
    }
    if double_safe {
        return Ok(format!("\"{v}\""));
    }
    Err(Unportable::QuoteWithSpecial)
}

/// Whether python-dotenv would expand something in `v`: `${` NAME `}` or `${` NAME `:-` DEFAULT
/// `}`, where NAME has no `}` or `:` and DEFAULT no `}`.
fn has_interpolation(v: &str) -> bool {
    let mut rest = v;
    while let Some(i) = rest.find("${") {
        let after = &rest[i + 2..];
        let name_end = after.find(['}', ':']);
        let expands = match name_end.map(|j| (j, after.as_bytes()[j])) {
            Some((_, b'}')) => true,
            Some((j, _)) => after[j..].starts_with(":-") && after[j + 2..].contains('}'),
            None => false,
        };
        if expands {
            return true;
        }
        rest = &rest[i + 1..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{quote, Unportable};

    #[test]
    fn quote_picks_the_first_form_every_reader_shares() {
        assert_eq!(quote("kek").unwrap(), "kek");
        assert_eq!(quote("a b").unwrap(), "\"a b\"");
        assert_eq!(quote("it's").unwrap(), "\"it's\"");
        assert_eq!(quote("").unwrap(), "\"\"");
        assert_eq!(quote("$(id) `id` $HOME").unwrap(), "'$(id) `id` $HOME'");
        assert_eq!(quote("a\nb\tc").unwrap(), "'a\nb\tc'");
        assert_eq!(quote("it's\nok").unwrap(), "\"it's\nok\"");
        assert_eq!(quote("C:\\dir").unwrap(), "'C:\\dir'");
        assert_eq!(quote("${HOME").unwrap(), "'${HOME'");
        assert_eq!(quote("${a:b}").unwrap(), "'${a:b}'");
    }

    #[test]
    fn quote_refuses_what_some_reader_would_change() {
        assert_eq!(quote("a\r\nb"), Err(Unportable::CarriageReturn));
        assert_eq!(quote("x${HOME}"), Err(Unportable::Interpolation));
        assert_eq!(quote("${:-d}"), Err(Unportable::Interpolation));
        assert_eq!(quote("$${A:-b}c"), Err(Unportable::Interpolation));
        assert_eq!(quote("$${A:b}c}").unwrap(), "'$${A:b}c}'");
        assert_eq!(quote("it's $5"), Err(Unportable::QuoteWithSpecial));
        assert_eq!(quote("a\\\\b"), Err(Unportable::Backslashes));
        assert_eq!(quote("end\\"), Err(Unportable::Backslashes));
    }
}
