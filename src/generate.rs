//! Fresh random secret values (`fnox set --generate`), drawn from the operating system's CSPRNG.
//!
//! Every buffer that holds random bytes or the rendered value is zeroed when dropped; the value
//! leaves this module only as a `SecretValue`.

use base64::Engine;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::secret::SecretValue;

/// The most bytes (or characters) one `--generate` draws: far beyond any key, short of a file.
pub const MAX_LEN: u16 = 4096;
/// What `--bytes` is when not given: 256 bits, the size of a symmetric data key.
pub const DEFAULT_LEN: u16 = 32;

/// How the random bytes are written down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Standard base64 (with padding) of N random bytes
    Base64,
    /// 2N lowercase hexadecimal digits of N random bytes
    Hex,
    /// N characters drawn uniformly from A-Z, a-z and 0-9
    Alnum,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Base64 => "base64",
            Format::Hex => "hex",
            Format::Alnum => "alnum",
        }
    }

    /// What `len` means in this format, for the confirmation line: "32 random bytes as base64
    /// (44 characters)".
    pub fn describe(self, len: u16) -> String {
        match self {
            Format::Base64 | Format::Hex => {
                let unit = if len == 1 { "byte" } else { "bytes" };
                let chars = match self {
                    Format::Hex => usize::from(len) * 2,
                    _ => usize::from(len).div_ceil(3) * 4,
                };
                format!(
                    "{len} random {unit} as {} ({chars} characters)",
                    self.as_str()
                )
            }
            Format::Alnum => {
                let unit = if len == 1 { "character" } else { "characters" };
                format!("{len} random alphanumeric {unit}")
            }
        }
    }
}

/// The 62 characters of the `alnum` format.
pub const ALNUM: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// A new random value of `len` bytes (base64, hex) or characters (alnum).
pub fn generate(len: u16, format: Format) -> Result<SecretValue> {
    let len = usize::from(len);
    let text = match format {
        Format::Base64 => {
            let bytes = random_bytes(len)?;
            base64::engine::general_purpose::STANDARD.encode(bytes.as_slice())
        }
        Format::Hex => hex::encode(random_bytes(len)?.as_slice()),
        Format::Alnum => {
            let mut out = Zeroizing::new(Vec::with_capacity(len));
            while out.len() < len {
                // A byte is kept with probability 248/256; twice what is still missing (plus
                // a little) almost always finishes in one draw.
                let chunk = random_bytes((len - out.len()) * 2 + 8)?;
                alnum_from(&chunk, len, &mut out);
            }
            String::from_utf8(std::mem::take(&mut *out)).expect("ASCII")
        }
    };
    Ok(SecretValue::new(text))
}

/// Appends to `out`, until it holds `len` characters, one alphanumeric character per byte of
/// `random` below 248 (4 × 62), dropping the others: each character is then exactly as likely as
/// any other (a plain `byte % 62` would favour the first 8 of them).
pub fn alnum_from(random: &[u8], len: usize, out: &mut Vec<u8>) {
    const LIMIT: u8 = (256 - 256 % ALNUM.len()) as u8;
    for &b in random {
        if out.len() >= len {
            break;
        }
        if b < LIMIT {
            out.push(ALNUM[usize::from(b) % ALNUM.len()]);
        }
    }
}

fn random_bytes(len: usize) -> Result<Zeroizing<Vec<u8>>> {
    let mut buf = Zeroizing::new(vec![0u8; len]);
    getrandom::fill(&mut buf).map_err(|e| {
        Error::new("cannot generate a random value: the operating system's random source failed")
            .cause(e.to_string())
    })?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_alphabet_is_the_62_letters_and_digits() {
        let mut sorted = ALNUM.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 62);
        assert!(ALNUM.iter().all(u8::is_ascii_alphanumeric));
    }

    #[test]
    fn alnum_sampler_maps_every_kept_byte_into_the_alphabet_evenly() {
        // Every byte value once: 248 are kept, 8 (248..=255) are rejected, and each of the 62
        // characters comes out exactly 4 times.
        let all: Vec<u8> = (0..=255u8).collect();
        let mut out = Vec::new();
        alnum_from(&all, 1000, &mut out);
        assert_eq!(out.len(), 248);
        for c in ALNUM {
            assert_eq!(
                out.iter().filter(|&&o| o == *c).count(),
                4,
                "{}",
                *c as char
            );
        }
    }

    #[test]
    fn alnum_sampler_rejects_the_biased_tail_and_stops_at_len() {
        let mut out = Vec::new();
        alnum_from(&[248, 255, 0, 61, 62, 250, 1], 3, &mut out);
        assert_eq!(out, b"A9A");
    }

    #[test]
    fn generated_values_have_their_format() {
        for len in [1u16, 17, 64] {
            let v = generate(len, Format::Hex).unwrap();
            assert_eq!(v.expose().len(), usize::from(len) * 2);
            assert!(v
                .expose()
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
            let v = generate(len, Format::Alnum).unwrap();
            assert_eq!(v.expose().len(), usize::from(len));
            assert!(v.expose().bytes().all(|b| b.is_ascii_alphanumeric()));
            let v = generate(len, Format::Base64).unwrap();
            let raw = base64::engine::general_purpose::STANDARD
                .decode(v.expose())
                .unwrap();
            assert_eq!(raw.len(), usize::from(len));
        }
    }
}
