//! The shape of an entry line, to read the next line of the same shape without the entry reader.
//!
//! The lines of a large fnox.toml differ mostly in their names and in their last string:
//! `NAME = { provider = "age", value = "..." }`. The entry reader (`entry`) is a function of a
//! line's bytes alone, and what lies between the end of the name and the last string's content
//! (the middle) it reads the same way on every line where those bytes are the same. In the
//! content of a text field's basic string (not the words of `if_missing` and `env`) it looks only
//! for a quote, a backslash or a line feed, and after the closing quote it reads the rest of the
//! line (the tail). So a line with a name, the middle of a line the reader took, a content without
//! those three bytes, a closing quote and the same tail is an entry the reader would take too,
//! with its parts at the places this gives.
//!
//! The middle ends just after the last quote before the content, where the reader is inside the
//! string: that quote opens it, or is escaped in it. The reader's look past an opening quote (for
//! `"""`) sees the content and the closing quote, then the tail, which starts with a blank or
//! `}`: never a third quote. Only in a file without control characters or carriage returns
//! (`Checked::Clean`).

use std::ops::Range;

use super::entry::Found;
use super::is_key_byte;

/// What a taken line showed: its middle and tail, as places in the text, and where its inline
/// table starts after the name's end and ends after the closing quote.
pub(super) struct Shape {
    middle: Range<usize>,
    tail: Range<usize>,
    table_start: usize,
    table_end: usize,
}

impl Shape {
    /// The shape of the entry `found` that the reader took at `pos` of `b`, when its inline table
    /// ends with a text field's basic string and a line feed ends the line.
    pub(super) fn of(b: &[u8], pos: usize, found: &Found) -> Option<Shape> {
        let name_end = pos + found.name.end;
        let brace = pos + found.table.end - 1;
        let end = pos + found.end;
        if !found.last_text || b.get(end) != Some(&b'\n') {
            return None;
        }
        // The table's last value ends just before the blanks before its `}`.
        let close = b[..brace]
            .iter()
            .rposition(|c| !matches!(c, b' ' | b'\t'))?;
        if b[close] != b'"' || close <= name_end {
            return None;
        }
        // The content that follows the middle: after the last quote before the closing one. That
        // is the opening quote, or an escaped quote of the same string (an unescaped one would
        // close it); after either the reader is inside the string, searching for its end.
        let open = b[name_end..close].iter().rposition(|&c| c == b'"')? + name_end;
        Some(Shape {
            middle: name_end..open + 1,
            tail: close + 1..end,
            table_start: pos + found.table.start - name_end,
            table_end: brace + 1 - (close + 1),
        })
    }

    /// The entry of the line at `pos` of `b` (its name after `blanks`), when the line has this
    /// shape; the `Found` the entry reader would give.
    pub(super) fn entry(&self, b: &[u8], pos: usize, blanks: usize) -> Option<Found> {
        let start = pos + blanks;
        let name_len = b[start..].iter().take_while(|c| is_key_byte(**c)).count();
        let name_end = start + name_len;
        let middle = &b[self.middle.clone()];
        if name_len == 0 || !b[name_end..].starts_with(middle) {
            return None;
        }
        let content = name_end + middle.len();
        let close = content + crate::bytes::find3(b'"', b'\\', b'\n', &b[content..])?;
        if b[close] != b'"' {
            return None;
        }
        let tail = &b[self.tail.clone()];
        let end = close + 1 + tail.len();
        if !b[close + 1..].starts_with(tail) || b.get(end) != Some(&b'\n') {
            return None;
        }
        Some(Found {
            name: blanks..blanks + name_len,
            table: name_end + self.table_start - pos..close + 1 + self.table_end - pos,
            end: end - pos,
            last_text: true,
        })
    }
}
