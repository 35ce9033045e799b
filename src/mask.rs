//! `fnox exec --mask`: secret values replaced by `[REDACTED]` in a byte stream, as it flows.
//!
//! The values are searched with one Aho-Corasick automaton (leftmost-longest: where two values
//! start at the same place the longer wins, so a value containing another is masked whole).
//! A stream is written on as soon as no value could still be completed by bytes yet to come:
//! only the longest tail of what was read that is the beginning of some value is held back, so
//! a value split across reads is masked and everything else is written at once.

use std::io::{self, Read, Write};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// What a masked value is replaced by.
pub const REDACTED: &[u8] = b"[REDACTED]";

/// Values shorter than this are not masked: a one- or two-byte value ("1", "on", "us") would
/// turn every occurrence of those characters in the output into `[REDACTED]`, leaving the output
/// unreadable while protecting a value short enough to guess anyway.
pub const MIN_LEN: usize = 3;

/// The set of values to mask.
pub struct Masker {
    search: Option<AhoCorasick>,
    /// The patterns, sorted and without duplicates, for the held-back-tail test.
    sorted: Vec<Vec<u8>>,
    /// Which bytes begin some pattern (the first filter of the tail test).
    first: [bool; 256],
    longest: usize,
}

impl Masker {
    /// Masks each value, and each line of a multi-line value, of at least [`MIN_LEN`] bytes.
    pub fn new<'a>(values: impl IntoIterator<Item = &'a [u8]>) -> io::Result<Masker> {
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        for value in values {
            patterns.push(value.to_vec());
            if value.contains(&b'\n') {
                for line in value.split(|b| *b == b'\n') {
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    patterns.push(line.to_vec());
                }
            }
        }
        patterns.retain(|p| p.len() >= MIN_LEN);
        patterns.sort();
        patterns.dedup();
        let mut first = [false; 256];
        for p in &patterns {
            first[p[0] as usize] = true;
        }
        let longest = patterns.iter().map(Vec::len).max().unwrap_or(0);
        let search = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .map_err(io::Error::other)?,
            )
        };
        Ok(Masker {
            search,
            sorted: patterns,
            first,
            longest,
        })
    }

    /// Nothing to mask.
    pub fn is_empty(&self) -> bool {
        self.search.is_none()
    }

    /// Where the longest tail of `buf` that is a proper beginning of some value starts
    /// (`buf.len()` when there is none): what more bytes could still turn into a value.
    fn held_from(&self, buf: &[u8]) -> usize {
        let earliest = buf.len().saturating_sub(self.longest.saturating_sub(1));
        for start in earliest..buf.len() {
            if !self.first[buf[start] as usize] {
                continue;
            }
            let tail = &buf[start..];
            // The patterns beginning with `tail` are contiguous in sorted order, from the first
            // one not less than it; an equal one is not a proper beginning, the next may be.
            let at = self.sorted.partition_point(|p| p.as_slice() < tail);
            let proper = self.sorted[at..]
                .iter()
                .take(2)
                .any(|p| p.len() > tail.len() && p.starts_with(tail));
            if proper {
                return start;
            }
        }
        buf.len()
    }

    /// Writes the masked form of `buf[..]` that is final to `out` and returns how many bytes of
    /// `buf` it consumed; the rest must be kept and given again with what follows. With `end`
    /// (nothing follows), everything is consumed.
    fn mask_into(&self, buf: &[u8], end: bool, out: &mut Vec<u8>) -> usize {
        let Some(search) = &self.search else {
            out.extend_from_slice(buf);
            return buf.len();
        };
        // A match starting before the held tail is final: a longer value starting at the same
        // place, or an earlier one overlapping it, would make the tail begin sooner.
        let held = if end { buf.len() } else { self.held_from(buf) };
        let mut done = 0;
        for m in search.find_iter(buf) {
            if m.start() >= held {
                break;
            }
            out.extend_from_slice(&buf[done..m.start()]);
            out.extend_from_slice(REDACTED);
            done = m.end();
        }
        let upto = held.max(done);
        out.extend_from_slice(&buf[done..upto]);
        upto
    }
}

impl Drop for Masker {
    fn drop(&mut self) {
        // The automaton keeps its own copy, which this cannot reach; these at least go.
        for p in &mut self.sorted {
            zeroize::Zeroize::zeroize(p);
        }
    }
}

/// A [`Masker`] applied to one stream: bytes in through [`MaskStream::write`], masked bytes out
/// to `out`, flushed after each write.
pub struct MaskStream<'m, W: Write> {
    masker: &'m Masker,
    pending: Vec<u8>,
    scratch: Vec<u8>,
    out: W,
}

impl<'m, W: Write> MaskStream<'m, W> {
    pub fn new(masker: &'m Masker, out: W) -> Self {
        MaskStream {
            masker,
            pending: Vec::new(),
            scratch: Vec::new(),
            out,
        }
    }

    /// Takes the next bytes of the stream and writes out what is now certain.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.pending.extend_from_slice(bytes);
        self.emit(false)
    }

    /// The stream has ended: writes out what was held back.
    pub fn finish(mut self) -> io::Result<W> {
        self.emit(true)?;
        Ok(self.out)
    }

    fn emit(&mut self, end: bool) -> io::Result<()> {
        self.scratch.clear();
        let used = self.masker.mask_into(&self.pending, end, &mut self.scratch);
        self.pending.drain(..used);
        if !self.scratch.is_empty() {
            self.out.write_all(&self.scratch)?;
            self.out.flush()?;
        }
        Ok(())
    }
}

/// Copies `input` to `out` masked, writing as soon as each read allows, until `input` ends or
/// `out` fails (then `input` is dropped, so the writer gets EPIPE as it would writing to `out`).
pub fn copy(masker: &Masker, mut input: impl Read, out: impl Write) -> io::Result<()> {
    let mut stream = MaskStream::new(masker, out);
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        stream.write(&buf[..n])?;
    }
    stream.finish().map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masker(values: &[&str]) -> Masker {
        Masker::new(values.iter().map(|v| v.as_bytes())).unwrap()
    }

    /// The stream fed in the given pieces, and what each write let out.
    fn feed(m: &Masker, pieces: &[&[u8]]) -> (String, Vec<usize>) {
        let mut s = MaskStream::new(m, Vec::new());
        let mut seen = Vec::new();
        for p in pieces {
            s.write(p).unwrap();
            seen.push(s.out.len());
        }
        let out = s.finish().unwrap();
        (String::from_utf8(out).unwrap(), seen)
    }

    /// Masks `text` fed whole, and split at every one and every pair of points.
    fn check(values: &[&str], text: &str, want: &str) {
        let m = masker(values);
        let b = text.as_bytes();
        assert_eq!(feed(&m, &[b]).0, want, "whole");
        for i in 0..=b.len() {
            assert_eq!(feed(&m, &[&b[..i], &b[i..]]).0, want, "split at {i}");
            for j in i..=b.len() {
                let got = feed(&m, &[&b[..i], &b[i..j], &b[j..]]).0;
                assert_eq!(got, want, "split at {i} and {j}");
            }
        }
        // One byte at a time.
        let bytes: Vec<&[u8]> = b.chunks(1).collect();
        assert_eq!(feed(&m, &bytes).0, want, "bytewise");
    }

    #[test]
    fn masks_a_value_split_at_every_point() {
        check(
            &["s3cr3t-value"],
            "a s3cr3t-value b s3cr3t-value",
            "a [REDACTED] b [REDACTED]",
        );
        check(&["s3cr3t"], "s3cr3s3cr3t", "s3cr3[REDACTED]");
        check(&["abc"], "ababcab", "ab[REDACTED]ab");
    }

    #[test]
    fn the_longest_value_wins_and_overlaps_resolve_leftmost() {
        // A value inside another is masked whole where the longer one appears.
        check(
            &["abc", "abcdef"],
            "abcdef abc abcde",
            "[REDACTED] [REDACTED] [REDACTED]de",
        );
        check(&["def", "abcdef"], "abcdef def", "[REDACTED] [REDACTED]");
        // Overlapping values: the one starting first wins.
        check(&["abcd", "cdefg"], "abcdefg", "[REDACTED]efg");
        check(&["abcd", "bcdefg"], "xabcdefg", "x[REDACTED]efg");
        check(&["abcd", "bcdefg"], "xbcdefg", "x[REDACTED]");
    }

    #[test]
    fn multi_line_values_are_masked_whole_and_line_by_line() {
        let v = "-----BEGIN KEY-----\r\nMIIBfoo\nMIIBbar\n-----END KEY-----";
        check(&[v], &format!("<{v}>"), "<[REDACTED]>");
        check(&[v], "log: MIIBbar\n", "log: [REDACTED]\n");
        check(&[v], "-----BEGIN KEY-----\n", "[REDACTED]\n");
    }

    #[test]
    fn short_and_empty_values_are_not_masked() {
        check(&["", "on", "1"], "on 1 one", "on 1 one");
        check(&["one"], "on 1 one", "on 1 [REDACTED]");
        assert!(masker(&["", "ab"]).is_empty());
    }

    #[test]
    fn writes_at_once_what_cannot_become_a_value() {
        let m = masker(&["secret"]);
        // Nothing is held back without a value's beginning at the end.
        let (_, seen) = feed(&m, &[b"hello ", b"wor", b"ld\n"]);
        assert_eq!(seen, [6, 9, 12]);
        // "sec" might become the value: held until the next write says otherwise.
        let (out, seen) = feed(&m, &[b"a sec", b"ond", b" secret"]);
        assert_eq!(seen, [2, 8, 8 + 11]);
        assert_eq!(out, "a second [REDACTED]");
        // A partial value at the very end is written when the stream ends.
        assert_eq!(feed(&m, &[b"x secre"]).0, "x secre");
    }

    #[test]
    fn long_values_and_many_values() {
        let long: String = (0..5000)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let text = format!("[{long}]");
        let m = masker(&[&long]);
        let pieces: Vec<&[u8]> = text.as_bytes().chunks(777).collect();
        assert_eq!(feed(&m, &pieces).0, "[[REDACTED]]");
        let values: Vec<String> = (0..500).map(|i| format!("value-{i:04}")).collect();
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        check(
            &refs,
            "x value-0042 value-0499 value-",
            "x [REDACTED] [REDACTED] value-",
        );
    }

    /// Small alphabets make overlaps and near-misses common: any split gives what one pass gives.
    #[test]
    fn random_splits_agree_with_one_pass() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..300 {
            let word = |next: &mut dyn FnMut(u64) -> usize, len: usize| -> String {
                (0..len).map(|_| char::from(b'a' + next(3) as u8)).collect()
            };
            let count = 1 + next(4);
            let values: Vec<String> = (0..count)
                .map(|_| {
                    let len = 3 + next(5);
                    word(&mut next, len)
                })
                .collect();
            let len = next(40);
            let text = word(&mut next, len);
            let refs: Vec<&str> = values.iter().map(String::as_str).collect();
            let m = masker(&refs);
            let whole = feed(&m, &[text.as_bytes()]).0;
            let b = text.as_bytes();
            for i in 0..=b.len() {
                assert_eq!(
                    feed(&m, &[&b[..i], &b[i..]]).0,
                    whole,
                    "{values:?} {text} at {i}"
                );
            }
            let bytes: Vec<&[u8]> = b.chunks(1).collect();
            assert_eq!(feed(&m, &bytes).0, whole, "{values:?} {text} bytewise");
            assert!(
                !values.iter().any(|v| whole.contains(v.as_str())),
                "{values:?} {text} -> {whole}"
            );
        }
    }

    #[test]
    fn binary_and_non_utf8_bytes_pass_through() {
        let m = Masker::new([b"\xffkey\x00".as_slice()]).unwrap();
        let mut s = MaskStream::new(&m, Vec::new());
        s.write(b"\xfe\xff").unwrap();
        s.write(b"key\x00\xfe").unwrap();
        assert_eq!(s.finish().unwrap(), b"\xfe[REDACTED]\xfe");
    }
}
