//! Text on its way to a terminal. Names, descriptions, paths and anything else a fnox.toml (or a
//! scanned file) can carry are shown with control characters escaped, so a hostile file cannot
//! write to the clipboard (OSC 52), clear lines, move the cursor or reorder text (bidi controls).
//! Values fnox is asked to print (`get`, `export`, `inject`) never pass through here.
//! Also whether a person at the terminal may be asked something (`can_prompt`).

use std::borrow::Cow;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::env_vars;

static NON_INTERACTIVE: AtomicBool = AtomicBool::new(false);

/// `--non-interactive` (and the shell hook, which must never wait at a prompt): nothing asks.
pub fn set_non_interactive(value: bool) {
    NON_INTERACTIVE.store(value, Ordering::Relaxed);
}

/// A question may be put to the person at the terminal: prompts are not turned off
/// (--non-interactive, FNOX_NON_INTERACTIVE) and stdin and stderr are both terminals.
pub fn can_prompt() -> bool {
    !NON_INTERACTIVE.load(Ordering::Relaxed)
        && env_vars::flag(env_vars::FNOX_NON_INTERACTIVE) != Some(true)
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal()
}

/// Bidirectional formatting characters, which reorder what a terminal shows.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escaped(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char =
        |c: char| (c.is_control() || is_bidi(c)) && !(keep_newlines && matches!(c, '\n' | '\t'));
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// One field (a name, a description, a table cell): every control character escaped, newlines too.
pub fn escape(s: &str) -> Cow<'_, str> {
    escaped(s, false)
}

/// A whole message or listing: its own line breaks (and tabs) kept, every other control
/// character escaped.
pub fn escape_text(s: &str) -> Cow<'_, str> {
    escaped(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped_and_text_is_kept() {
        assert_eq!(escape("DB_URL"), "DB_URL");
        assert_eq!(escape("é ✓ 日本"), "é ✓ 日本");
        assert_eq!(
            escape("a\u{1b}]52;c;eA==\u{7}b"),
            "a\\u{1b}]52;c;eA==\\u{7}b"
        );
        assert_eq!(escape("x\ry\tz\n"), "x\\ry\\tz\\n");
        assert_eq!(escape("\u{9b}2K\u{7f}"), "\\u{9b}2K\\u{7f}");
        assert_eq!(escape("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(
            escape_text("one\n\ttwo\u{1b}[2K\r"),
            "one\n\ttwo\\u{1b}[2K\\r"
        );
    }
}
