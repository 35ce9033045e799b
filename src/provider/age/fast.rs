//! A faster X25519 identity for age: the same stanza checks and key schedule as the age crate's
//! (https://c2sp.org/age#x25519-recipient-stanza), with the Diffie-Hellman done by aws-lc's
//! assembly X25519 (its bare `X25519` function: no EVP_PKEY to set up per key and per share) and
//! the identity's public key taken from its file's `# public key:` comment, derived only when
//! that is missing or opens nothing, instead of once per file.
//! Only `X25519` stanzas are handled; every other stanza type is left to the age crate's
//! identities.
//!
//! `open` reads the whole of the common file (X25519 stanzas, a payload of one chunk: every value
//! fnox stores) in one pass over the bytes, with no header parser, stream reader or 64 KiB chunk
//! buffer. It is stricter than the age crate and never the last word: whatever it does not
//! open, the age crate reads again and decides, with its own error.

use std::sync::OnceLock;

use age::DecryptError;
use age_core::format::{FileKey, Stanza, FILE_KEY_BYTES};
use aws_lc_rs::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305};
use aws_lc_rs::{hkdf, hmac};
use base64::Engine;
use zeroize::{Zeroize, Zeroizing};

const TAG: &str = "X25519";
const LABEL: &[u8] = b"age-encryption.org/v1/X25519";
const SECRET_KEY_HRP: &str = "age-secret-key-";
const PUBLIC_KEY_HRP: &str = "age";
/// The comment age-keygen and `fnox init` write above a key: `# public key: age1...`.
pub const PUBLIC_KEY_COMMENT: &str = "# public key:";
/// An encrypted file key: 16 bytes plus a 16-byte Poly1305 tag.
const WRAPPED_FILE_KEY_BYTES: usize = FILE_KEY_BYTES + 16;
const MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// A payload chunk's plaintext (https://c2sp.org/age#payload), and the AEAD tag after it.
const CHUNK_BYTES: usize = 64 * 1024;
const AEAD_TAG_BYTES: usize = 16;
const PAYLOAD_NONCE_BYTES: usize = 16;
/// Canonical unpadded base64 of 32 bytes.
const B64_32: usize = 43;

/// A native identity: the secret scalar, and its public key (the HKDF salt of every stanza
/// holds it) worked out only when needed. The identity file usually states it in a comment
/// above the key; that one is tried first, and the key is derived (a fixed-base scalar
/// multiplication, ~10 us) only when nothing opens with it: a stated key that is wrong costs
/// that derivation and a second try, never a wrong answer (a salt that is not the identity's
/// own derives a wrapping key that opens no stanza).
pub struct FastX25519 {
    secret: Zeroizing<[u8; 32]>,
    public: OnceLock<[u8; 32]>,
    stated: Option<[u8; 32]>,
}

/// Why a stanza gave no file key: not this identity's (another may match), or a stanza the
/// age crate refuses outright.
enum Unwrap {
    NotOurs,
    Invalid,
}

impl FastX25519 {
    /// Parses one `AGE-SECRET-KEY-1...` line; None when it is not a valid native identity.
    pub fn parse(line: &str) -> Option<FastX25519> {
        let (hrp, mut bytes) = bech32::decode(line.trim()).ok()?;
        if !hrp.as_str().eq_ignore_ascii_case(SECRET_KEY_HRP) || bytes.len() != 32 {
            bytes.zeroize();
            return None;
        }
        let mut secret = Zeroizing::new([0u8; 32]);
        secret.copy_from_slice(&bytes);
        bytes.zeroize();
        Some(FastX25519 {
            secret,
            public: OnceLock::new(),
            stated: None,
        })
    }

    /// The identity with the public key its file states (`stated_public_key`) to try first.
    pub fn stating(mut self, stated: Option<[u8; 32]>) -> FastX25519 {
        self.stated = stated;
        self
    }

    /// The identity's own public key, derived from the secret on first use.
    fn public(&self) -> &[u8; 32] {
        self.public.get_or_init(|| {
            let mut public = [0u8; 32];
            // SAFETY: writes 32 bytes to `public` and reads the 32 of `secret`.
            unsafe {
                aws_lc_sys::X25519_public_from_private(public.as_mut_ptr(), self.secret.as_ptr())
            };
            public
        })
    }

    #[cfg(test)]
    pub fn public_key(&self) -> &[u8; 32] {
        self.public()
    }

    /// The file key in the first of `stanzas` (ephemeral share, wrapped body) that is this
    /// identity's: with the stated public key first, then, if none opened and the derived key
    /// differs from the stated one, with the derived key. Err for a stanza the age crate refuses.
    fn file_key<B: AsRef<[u8]>>(
        &self,
        stanzas: &[([u8; 32], B)],
    ) -> Result<Option<Zeroizing<[u8; 16]>>, Unwrap> {
        let with = |public: &[u8; 32]| {
            for (epk, body) in stanzas {
                match self.unwrap(epk, body.as_ref(), public) {
                    Ok(key) => return Ok(Some(key)),
                    Err(Unwrap::NotOurs) => {}
                    Err(Unwrap::Invalid) => return Err(Unwrap::Invalid),
                }
            }
            Ok(None)
        };
        let first = self.stated.as_ref().unwrap_or_else(|| self.public());
        match with(first)? {
            Some(key) => Ok(Some(key)),
            None if self.public() == first => Ok(None),
            None => with(self.public()),
        }
    }

    /// The file key in an X25519 stanza's wrapped body, given its ephemeral share and the
    /// public key to put in the salt.
    fn unwrap(
        &self,
        epk: &[u8; 32],
        body: &[u8],
        public: &[u8; 32],
    ) -> Result<Zeroizing<[u8; 16]>, Unwrap> {
        if body.len() != WRAPPED_FILE_KEY_BYTES {
            return Err(Unwrap::Invalid);
        }
        let mut shared = Zeroizing::new([0u8; 32]);
        // SAFETY: writes 32 bytes to `shared` and reads the 32 of `secret` and of `epk`.
        let contributory =
            unsafe { aws_lc_sys::X25519(shared.as_mut_ptr(), self.secret.as_ptr(), epk.as_ptr()) }
                == 1;
        // aws-lc refuses a non-contributory (all-zero) shared secret; so does the age crate.
        if !contributory || shared.iter().all(|b| *b == 0) {
            return Err(Unwrap::Invalid);
        }
        let mut salt = [0u8; 64];
        salt[..32].copy_from_slice(epk);
        salt[32..].copy_from_slice(public);
        let key = derive(&salt, LABEL, &shared[..]).ok_or(Unwrap::Invalid)?;
        drop(shared);
        // Not ours (another recipient's stanza) is not an error: other identities may match.
        let mut sealed = Zeroizing::new([0u8; WRAPPED_FILE_KEY_BYTES]);
        sealed.copy_from_slice(body);
        let opened = key.open_in_place(
            Nonce::assume_unique_for_key([0; 12]),
            Aad::empty(),
            &mut sealed[..],
        );
        let pt = opened.map_err(|_| Unwrap::NotOurs)?;
        let mut file_key = Zeroizing::new([0u8; 16]);
        file_key.copy_from_slice(pt);
        Ok(file_key)
    }
}

/// The 32 bytes of the `age1...` key a `# public key:` comment names; None for any other line.
pub fn stated_public_key(comment: &str) -> Option<[u8; 32]> {
    let key = comment.trim().strip_prefix(PUBLIC_KEY_COMMENT)?.trim();
    let (hrp, bytes) = bech32::decode(key).ok()?;
    if hrp.as_str() != PUBLIC_KEY_HRP {
        return None;
    }
    bytes.try_into().ok()
}

/// A ChaCha20-Poly1305 key age derives with HKDF-SHA256 (https://c2sp.org/age: the stanza's
/// wrapping key, the payload key). Derivation and cipher are aws-lc's, whose CPU features are
/// read once at start-up (in a VM each CPUID instruction is a trap to the host, ~8 us here).
fn derive(salt: &[u8], info: &[u8], ikm: &[u8]) -> Option<LessSafeKey> {
    let mut bytes = Zeroizing::new([0u8; 32]);
    derive_bytes(salt, info, ikm, &mut bytes)?;
    let unbound = UnboundKey::new(&CHACHA20_POLY1305, &bytes[..]).ok()?;
    Some(LessSafeKey::new(unbound))
}

/// HKDF-SHA256 of 32 bytes (`age_core::primitives::hkdf`, computed by aws-lc): the keys above,
/// and the header's HMAC key.
fn derive_bytes(salt: &[u8], info: &[u8], ikm: &[u8], out: &mut [u8; 32]) -> Option<()> {
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(ikm);
    prk.expand(&[info], hkdf::HKDF_SHA256).ok()?.fill(out).ok()
}

/// Canonical unpadded base64 of exactly 32 bytes (stray low bits refused).
fn b64_32(text: &[u8]) -> Option<[u8; 32]> {
    if text.len() != B64_32 {
        return None;
    }
    let mut out = [0u8; 32];
    let n = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode_slice(text, &mut out)
        .ok()?;
    (n == 32).then_some(out)
}

/// The ephemeral share of a stanza: exactly one canonical unpadded base64 argument of 32 bytes.
fn ephemeral_share(stanza: &Stanza) -> Option<[u8; 32]> {
    let [arg] = &stanza.args[..] else { return None };
    b64_32(arg.as_bytes())
}

impl age::Identity for FastX25519 {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, DecryptError>> {
        if stanza.tag != TAG {
            return None;
        }
        let Some(epk) = ephemeral_share(stanza) else {
            return Some(Err(DecryptError::InvalidHeader));
        };
        match self.file_key(&[(epk, &stanza.body[..])]) {
            Ok(Some(key)) => Some(Ok(FileKey::init_with_mut(|file_key| {
                file_key.copy_from_slice(&key[..]);
            }))),
            Ok(None) => None,
            Err(_) => Some(Err(DecryptError::InvalidHeader)),
        }
    }
}

/// Splits off the next line (without its `\n`); None at the end of the input.
fn line<'f>(rest: &mut &'f [u8]) -> Option<&'f [u8]> {
    let at = crate::bytes::find(b'\n', rest)?;
    let (line, tail) = rest.split_at(at);
    *rest = &tail[1..];
    Some(line)
}

/// The X25519 stanzas of a header (ephemeral share, wrapped file key) and the bytes after its
/// `---`: None for anything but a canonical v1 header free of scrypt stanzas, or with an X25519
/// stanza the age crate would refuse.
struct Header<'f> {
    x25519: Vec<([u8; 32], Vec<u8>)>,
    /// The header up to and including `---`, which the MAC covers.
    covered: &'f [u8],
    mac: [u8; 32],
    payload: &'f [u8],
}

fn header(file: &[u8]) -> Option<Header<'_>> {
    let mut rest = file.strip_prefix(MAGIC)?;
    let mut x25519 = Vec::with_capacity(1);
    let mut stanzas = 0usize;
    loop {
        if let Some(after) = rest.strip_prefix(b"--- ") {
            let covered = &file[..file.len() - after.len() - 1];
            let mac = b64_32(after.get(..B64_32)?)?;
            let payload = after.get(B64_32..)?.strip_prefix(b"\n")?;
            return (stanzas > 0).then_some(Header {
                x25519,
                covered,
                mac,
                payload,
            });
        }
        rest = rest.strip_prefix(b"-> ")?;
        let args = line(&mut rest)?;
        let mut words = args.split(|b| *b == b' ');
        if !words
            .clone()
            .all(|w| !w.is_empty() && w.iter().all(|b| (33..=126).contains(b)))
        {
            return None;
        }
        let tag = words.next()?;
        // Body lines: full ones of 64 columns, then one shorter (perhaps empty).
        let mut body = Vec::new();
        loop {
            let l = line(&mut rest)?;
            if l.len() > 64 {
                return None;
            }
            base64::engine::general_purpose::STANDARD_NO_PAD
                .decode_vec(l, &mut body)
                .ok()?;
            if l.len() < 64 {
                break;
            }
        }
        stanzas += 1;
        match tag {
            b"scrypt" => return None,
            b"X25519" => {
                let (Some(epk), None) = (words.next(), words.next()) else {
                    return None;
                };
                if body.len() != WRAPPED_FILE_KEY_BYTES {
                    return None;
                }
                x25519.push((b64_32(epk)?, body));
            }
            _ => {}
        }
    }
}

/// Decrypts a binary age file whose recipients include these identities, as the age crate
/// would (each identity in turn against every stanza, the header MAC, then the payload), when
/// the file is in the common shape; None otherwise, and for any failure.
pub fn open<'a>(
    identities: impl Iterator<Item = &'a FastX25519>,
    file: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    let h = header(file)?;
    let (nonce, sealed) = h.payload.split_at_checked(PAYLOAD_NONCE_BYTES)?;
    // One chunk, the last: shorter than a full one (a full one is left to the age crate).
    if sealed.len() < AEAD_TAG_BYTES || sealed.len() >= CHUNK_BYTES + AEAD_TAG_BYTES {
        return None;
    }
    let mut file_key = None;
    for id in identities {
        match id.file_key(&h.x25519) {
            Ok(Some(key)) => {
                file_key = Some(key);
                break;
            }
            Ok(None) => {}
            Err(_) => return None,
        }
    }
    let file_key = file_key?;
    let mut mac_key = Zeroizing::new([0u8; 32]);
    derive_bytes(&[], b"header", &file_key[..], &mut mac_key)?;
    let key = hmac::Key::new(hmac::HMAC_SHA256, &mac_key[..]);
    drop(mac_key);
    hmac::verify(&key, h.covered, &h.mac).ok()?;
    let key = derive(nonce, b"payload", &file_key[..])?;
    // Chunk counter 0, last-chunk flag set.
    let mut chunk_nonce = [0u8; 12];
    chunk_nonce[11] = 1;
    let mut plain = Zeroizing::new(sealed.to_vec());
    let n = key
        .open_in_place(
            Nonce::assume_unique_for_key(chunk_nonce),
            Aad::empty(),
            &mut plain[..],
        )
        .ok()?
        .len();
    plain.truncate(n);
    Some(plain)
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::str::FromStr;

    use age::secrecy::ExposeSecret;

    use super::*;

    fn encrypt(recipients: &[&age::x25519::Recipient], plaintext: &[u8]) -> Vec<u8> {
        let e =
            age::Encryptor::with_recipients(recipients.iter().map(|r| *r as &dyn age::Recipient))
                .unwrap();
        let mut out = Vec::new();
        let mut w = e.wrap_output(&mut out).unwrap();
        w.write_all(plaintext).unwrap();
        w.finish().unwrap();
        out
    }

    fn decrypt(identity: &dyn age::Identity, ciphertext: &[u8]) -> Result<Vec<u8>, String> {
        let d = age::Decryptor::new_buffered(ciphertext).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        d.decrypt(std::iter::once(identity))
            .map_err(|e| e.to_string())?
            .read_to_end(&mut out)
            .map_err(|e| e.to_string())?;
        Ok(out)
    }

    /// Deterministic pseudo-random bytes for the property loop (no extra dependency).
    fn bytes(seed: u64, len: usize) -> Vec<u8> {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_age_crate_on_random_files() {
        for case in 0..64u64 {
            let ours = age::x25519::Identity::generate();
            let other = age::x25519::Identity::generate();
            let fast = FastX25519::parse(ours.to_string().expose_secret()).unwrap();
            assert_eq!(fast.public_key().to_vec(), {
                let r = ours.to_public().to_string();
                let (_, data) = bech32::decode(&r).unwrap();
                data
            });
            let plaintext = bytes(case, (case as usize * 977) % 9_000);
            // Files for us alone, for another key alone, and for both in either order.
            let mine = encrypt(&[&ours.to_public()], &plaintext);
            let theirs = encrypt(&[&other.to_public()], &plaintext);
            let both = encrypt(&[&other.to_public(), &ours.to_public()], &plaintext);
            for file in [&mine, &both] {
                assert_eq!(decrypt(&fast, file).unwrap(), plaintext, "case {case}");
                assert_eq!(decrypt(&ours, file).unwrap(), plaintext);
            }
            assert_eq!(
                decrypt(&fast, &theirs).unwrap_err(),
                decrypt(&ours, &theirs).unwrap_err()
            );
            // Flip each of a spread of bytes: both identities must fail, with the same error.
            for i in (0..mine.len()).step_by(1 + mine.len() / 24) {
                let mut bad = mine.clone();
                bad[i] ^= 1 << (case % 8);
                let a = decrypt(&fast, &bad);
                let b = decrypt(&ours, &bad);
                assert_eq!(a.is_ok(), b.is_ok(), "case {case} byte {i}");
                if let (Err(a), Err(b)) = (&a, &b) {
                    assert_eq!(a, b, "case {case} byte {i}");
                }
            }
        }
    }

    /// `open` against the age crate: what it opens, the crate opens to the same bytes; what it
    /// leaves (or cannot open), the crate is left to decide.
    fn check_open(ids: &[&FastX25519], file: &[u8], what: &str) -> Option<Vec<u8>> {
        let fast = open(ids.iter().copied(), file).map(|p| p.to_vec());
        let crate_says = {
            let d = age::Decryptor::new_buffered(file).ok();
            d.and_then(|d| {
                let mut out = Vec::new();
                d.decrypt(ids.iter().map(|i| *i as &dyn age::Identity))
                    .ok()?
                    .read_to_end(&mut out)
                    .ok()?;
                Some(out)
            })
        };
        if let Some(p) = &fast {
            assert_eq!(Some(p), crate_says.as_ref(), "{what}");
        }
        fast
    }

    #[test]
    fn open_takes_every_common_file_and_agrees_with_the_age_crate() {
        let ours = age::x25519::Identity::generate();
        let second = age::x25519::Identity::generate();
        let other = age::x25519::Identity::generate();
        let fast = FastX25519::parse(ours.to_string().expose_secret()).unwrap();
        let fast2 = FastX25519::parse(second.to_string().expose_secret()).unwrap();
        let sizes = [
            0usize, 1, 15, 16, 17, 100, 4096, 65_535, 65_536, 65_537, 140_000,
        ];
        for (case, &len) in sizes.iter().enumerate() {
            let plaintext = bytes(case as u64 + 7, len);
            let files = [
                encrypt(&[&ours.to_public()], &plaintext),
                encrypt(&[&other.to_public(), &ours.to_public()], &plaintext),
                encrypt(&[&second.to_public(), &other.to_public()], &plaintext),
            ];
            for (i, file) in files.iter().enumerate() {
                let what = format!("size {len}, file {i}");
                let got = check_open(&[&fast, &fast2], file, &what);
                // One chunk short of full: always the fast path.
                if len < CHUNK_BYTES {
                    assert_eq!(got.as_deref(), Some(&plaintext[..]), "{what}");
                } else {
                    assert_eq!(got, None, "{what}: left to the age crate");
                }
            }
            // Not sealed to us: nothing opened.
            let theirs = encrypt(&[&other.to_public()], &plaintext);
            assert_eq!(check_open(&[&fast], &theirs, "theirs"), None);
            // Every single-bit flip of a small file: never opened (the header MAC, the stanza
            // and the payload tag cover every byte but the MAC line's own), or opened alike.
            if len <= 100 {
                for at in 0..files[1].len() {
                    let mut bad = files[1].clone();
                    bad[at] ^= 1 << (at % 8);
                    let what = format!("size {len}, flip at {at}");
                    assert_eq!(check_open(&[&fast], &bad, &what), None, "{what}");
                }
                // Cut short anywhere: refused.
                for at in 0..files[0].len() {
                    let what = format!("size {len}, cut at {at}");
                    assert_eq!(check_open(&[&fast], &files[0][..at], &what), None);
                }
            }
        }
    }

    /// Replaces the header of `file` (through the MAC line) with `header` plus a MAC made with
    /// the file key `key` fnox learned from the original, so that only the shape is wrong.
    fn reheader(file: &[u8], header: &str, id: &FastX25519) -> Vec<u8> {
        let h = super::header(file).unwrap();
        let key = id.file_key(&h.x25519[..1]).ok().flatten().unwrap();
        let mac_key = age_core::primitives::hkdf(&[], b"header", &key[..]);
        let covered = format!("{header}---");
        let tag = hmac::sign(
            &hmac::Key::new(hmac::HMAC_SHA256, &mac_key),
            covered.as_bytes(),
        );
        let b64 = base64::engine::general_purpose::STANDARD_NO_PAD;
        let mut out = format!("{covered} {}\n", b64.encode(tag.as_ref())).into_bytes();
        out.extend_from_slice(h.payload);
        out
    }

    #[test]
    fn open_leaves_unusual_headers_to_the_age_crate() {
        let ours = age::x25519::Identity::generate();
        let fast = FastX25519::parse(ours.to_string().expose_secret()).unwrap();
        let plaintext = b"a value".to_vec();
        let file = encrypt(&[&ours.to_public()], &plaintext);
        let text =
            String::from_utf8_lossy(&file[..super::header(&file).unwrap().covered.len() - 3])
                .into_owned();
        let x25519: String = text
            .lines()
            .skip_while(|l| !l.starts_with("-> X25519"))
            .take(2)
            .map(|l| format!("{l}\n"))
            .collect();
        let magic = "age-encryption.org/v1\n";
        // Re-made with a valid MAC: a plain one opens; grease before and after is ignored.
        let plain = reheader(&file, &format!("{magic}{x25519}"), &fast);
        assert_eq!(check_open(&[&fast], &plain, "plain").unwrap(), plaintext);
        let greased = format!("{magic}-> grease-a b c\nAAAA\n{x25519}-> grease-b\n\n");
        let greased = reheader(&file, &greased, &fast);
        assert_eq!(
            check_open(&[&fast], &greased, "greased").unwrap(),
            plaintext
        );
        // Shapes the age crate refuses or treats apart: never opened here.
        let long_line = format!("-> grease\n{}\n", "A".repeat(64));
        let cases = [
            format!("{magic}-> scrypt c2FsdA 10\nAAAA\n{x25519}"),
            format!("{magic}-> grease\nA\n{x25519}"),
            format!("{magic}-> grease\nAB\n{x25519}"),
            format!("{magic}-> grease\nAAA=\n{x25519}"),
            format!("{magic}{long_line}{x25519}"),
            format!("{magic}-> grease\n{x25519}"),
            format!("{magic}->  grease\n\n{x25519}"),
            format!("{magic}-> grease \n\n{x25519}"),
            format!("{magic}-> X25519\nAAAA\n{x25519}"),
            format!("{magic}{}", x25519.replacen("-> X25519 ", "-> X25519 A", 1)),
            format!("{magic}{}", x25519.replacen("\n", " extra\n", 1)),
            format!("age-encryption.org/v2\n{x25519}"),
            magic.to_owned(),
        ];
        for header in &cases {
            let f = reheader(&file, header, &fast);
            assert_eq!(check_open(&[&fast], &f, header), None, "{header:?}");
        }
        // A MAC line in another shape.
        let mut f = plain.clone();
        let at = f.windows(4).position(|w| w == b"--- ").unwrap();
        f.insert(at + 4, b'A');
        assert_eq!(check_open(&[&fast], &f, "long mac"), None);
    }

    fn stanza(args: &[&str], body: Vec<u8>) -> Stanza {
        Stanza {
            tag: TAG.to_owned(),
            args: args.iter().map(|s| s.to_string()).collect(),
            body,
        }
    }

    #[test]
    fn malformed_stanzas_are_header_errors_like_the_age_crate() {
        let id = age::x25519::Identity::generate();
        let fast = FastX25519::parse(id.to_string().expose_secret()).unwrap();
        let zero_point = base64::engine::general_purpose::STANDARD_NO_PAD.encode([0u8; 32]);
        let good_arg = base64::engine::general_purpose::STANDARD_NO_PAD.encode([9u8; 32]);
        let mut non_canonical = good_arg.clone();
        non_canonical.pop();
        non_canonical.push('J'); // same 6 high bits as 'I' (= 9 << 2 ...), different low bits
        let cases = [
            stanza(&[], vec![0; 32]),
            stanza(&[&good_arg, "extra"], vec![0; 32]),
            stanza(&[&good_arg], vec![0; 31]),
            stanza(&[&format!("{good_arg}=")], vec![0; 32]),
            stanza(&[&zero_point], vec![0; 32]),
        ];
        for s in &cases {
            let a = age::Identity::unwrap_stanza(&fast, s).map(|r| r.is_err());
            let b = age::Identity::unwrap_stanza(&id, s).map(|r| r.is_err());
            assert_eq!(a, Some(true), "{:?}", s.args);
            assert_eq!(a, b, "{:?}", s.args);
        }
        if ephemeral_share(&stanza(&[&non_canonical], vec![])).is_none() {
            let s = stanza(&[&non_canonical], vec![0; 32]);
            assert!(matches!(
                age::Identity::unwrap_stanza(&fast, &s),
                Some(Err(_))
            ));
        }
        // Other stanza types are not ours to judge.
        let other = Stanza {
            tag: "scrypt".into(),
            args: vec![],
            body: vec![],
        };
        assert!(age::Identity::unwrap_stanza(&fast, &other).is_none());
        assert!(FastX25519::parse("AGE-SECRET-KEY-1NOTAKEY").is_none());
        assert!(FastX25519::parse(
            &age::x25519::Identity::from_str(id.to_string().expose_secret())
                .unwrap()
                .to_public()
                .to_string()
        )
        .is_none());
    }

    /// The comment age-keygen (and `fnox init`) writes above a key, for `id`'s public key.
    fn comment_of(id: &age::x25519::Identity) -> String {
        format!("# public key: {}", id.to_public())
    }

    #[test]
    fn a_stated_public_key_is_read_from_its_comment_only() {
        let id = age::x25519::Identity::generate();
        let (_, bytes) = bech32::decode(&id.to_public().to_string()).unwrap();
        assert_eq!(
            stated_public_key(&comment_of(&id)).map(Vec::from),
            Some(bytes)
        );
        assert!(stated_public_key(&format!("  {}  ", comment_of(&id))).is_some());
        for line in [
            "# created: 2026-12-08T03:28:07Z".to_owned(),
            format!("# public key: {}", id.to_string().expose_secret()),
            "# public key: age1notakey".to_owned(),
            "# public key:".to_owned(),
            id.to_public().to_string(),
        ] {
            assert_eq!(stated_public_key(&line), None, "{line}");
        }
    }

    #[test]
    fn the_stated_key_spares_the_derivation_and_a_wrong_one_still_opens() {
        let ours = age::x25519::Identity::generate();
        let other = age::x25519::Identity::generate();
        let plaintext = b"a value".to_vec();
        let mine = encrypt(&[&ours.to_public()], &plaintext);
        let both = encrypt(&[&other.to_public(), &ours.to_public()], &plaintext);
        let theirs = encrypt(&[&other.to_public()], &plaintext);
        let with = |comment: &str| {
            FastX25519::parse(ours.to_string().expose_secret())
                .unwrap()
                .stating(stated_public_key(comment))
        };
        // The right key, stated: every file of ours opens without deriving it.
        for file in [&mine, &both] {
            let fast = with(&comment_of(&ours));
            let opened = open(std::iter::once(&fast), file).map(|p| p.to_vec());
            assert_eq!(opened, Some(plaintext.clone()));
            assert!(fast.public.get().is_none(), "the public key was derived");
        }
        // A file for someone else: the key is derived to be sure, and the file stays closed.
        let fast = with(&comment_of(&ours));
        assert!(open(std::iter::once(&fast), &theirs).is_none());
        assert_eq!(fast.public.get(), Some(fast.stated.as_ref().unwrap()));
        // Another key stated (a hand-edited file): the derived key opens what is ours, as the age
        // crate does, and nothing else.
        for file in [&mine, &both, &theirs] {
            let fast = with(&comment_of(&other));
            let opened = open(std::iter::once(&fast), file).map(|p| p.to_vec());
            assert_eq!(opened, decrypt(&ours, file).ok());
            let via_crate = decrypt(&fast, file).ok();
            assert_eq!(via_crate, decrypt(&ours, file).ok());
        }
    }

    #[test]
    fn the_identity_fnox_init_writes_states_its_own_public_key() {
        let (text, _, _) = super::super::new_identity("2026-12-08T00:00:00Z");
        let ids = super::super::native_identities(&text).unwrap();
        let [id] = &ids[..] else {
            panic!("one identity: {}", ids.len())
        };
        let stated = *id.stated.as_ref().expect("the comment was read");
        assert_eq!(&stated, id.public_key());
    }
}
