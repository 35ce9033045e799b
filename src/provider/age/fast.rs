//! A faster X25519 identity for age: the same stanza checks and key schedule as the age crate's
//! (https://c2sp.org/age#x25519-recipient-stanza), with the Diffie-Hellman done by aws-lc-rs's
//! assembly X25519 and the identity's public key derived once instead of once per file.
//! Only `X25519` stanzas are handled; every other stanza type is left to the age crate's
//! identities, and the header MAC and payload are still checked by the age crate.

use age::DecryptError;
use age_core::format::{FileKey, Stanza, FILE_KEY_BYTES};
use aws_lc_rs::agreement::{self, PrivateKey, UnparsedPublicKey, X25519};
use base64::Engine;
use zeroize::Zeroize;

const TAG: &str = "X25519";
const LABEL: &[u8] = b"age-encryption.org/v1/X25519";
const SECRET_KEY_HRP: &str = "age-secret-key-";
/// An encrypted file key: 16 bytes plus a 16-byte Poly1305 tag.
const WRAPPED_FILE_KEY_BYTES: usize = FILE_KEY_BYTES + 16;

pub struct FastX25519 {
    secret: PrivateKey,
    public: [u8; 32],
}

impl FastX25519 {
    /// Parses one `AGE-SECRET-KEY-1...` line; None when it is not a valid native identity.
    pub fn parse(line: &str) -> Option<FastX25519> {
        let (hrp, mut bytes) = bech32::decode(line.trim()).ok()?;
        if !hrp.as_str().eq_ignore_ascii_case(SECRET_KEY_HRP) || bytes.len() != 32 {
            bytes.zeroize();
            return None;
        }
        let secret = PrivateKey::from_private_key(&X25519, &bytes).ok();
        bytes.zeroize();
        let secret = secret?;
        let public: [u8; 32] = secret.compute_public_key().ok()?.as_ref().try_into().ok()?;
        Some(FastX25519 { secret, public })
    }

    #[cfg(test)]
    pub fn public_key(&self) -> &[u8; 32] {
        &self.public
    }
}

/// The ephemeral share of a stanza: exactly one canonical unpadded base64 argument of 32 bytes.
fn ephemeral_share(stanza: &Stanza) -> Option<[u8; 32]> {
    let [arg] = &stanza.args[..] else { return None };
    if arg.len() != 43 {
        return None;
    }
    let engine = base64::engine::general_purpose::STANDARD_NO_PAD;
    let bytes = engine.decode(arg).ok()?;
    // Reject non-canonical encodings (stray bits in the last character).
    if engine.encode(&bytes) != *arg {
        return None;
    }
    bytes.try_into().ok()
}

impl age::Identity for FastX25519 {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, DecryptError>> {
        if stanza.tag != TAG {
            return None;
        }
        let Some(epk) = ephemeral_share(stanza) else {
            return Some(Err(DecryptError::InvalidHeader));
        };
        if stanza.body.len() != WRAPPED_FILE_KEY_BYTES {
            return Some(Err(DecryptError::InvalidHeader));
        }
        let shared = agreement::agree(
            &self.secret,
            UnparsedPublicKey::new(&X25519, &epk),
            (),
            |s| <[u8; 32]>::try_from(s).map_err(|_| ()),
        );
        // aws-lc refuses a non-contributory (all-zero) shared secret; so does the age crate.
        let Ok(mut shared) = shared else {
            return Some(Err(DecryptError::InvalidHeader));
        };
        if shared.iter().all(|b| *b == 0) {
            return Some(Err(DecryptError::InvalidHeader));
        }
        let mut salt = [0u8; 64];
        salt[..32].copy_from_slice(&epk);
        salt[32..].copy_from_slice(&self.public);
        let mut key = age_core::primitives::hkdf(&salt, LABEL, &shared);
        shared.zeroize();
        // Not ours (another recipient's stanza) is not an error: other identities may match.
        let opened = age_core::primitives::aead_decrypt(&key, FILE_KEY_BYTES, &stanza.body);
        key.zeroize();
        opened.ok().map(|mut pt| {
            Ok(FileKey::init_with_mut(|file_key| {
                file_key.copy_from_slice(&pt);
                pt.zeroize();
            }))
        })
    }
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
}
