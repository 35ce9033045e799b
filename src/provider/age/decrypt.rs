//! One stored age value in, its plaintext out. A value is the standard base64 of a binary age
//! file (what fnox and upstream write) or an ASCII-armored file as text. Every failure says
//! whether the value is damaged or simply not sealed to this machine's keys.

use std::io::Read;

use base64::Engine;
use zeroize::Zeroizing;

use super::DynIdentity;
use crate::provider::{ErrorKind, ItemResult, ProviderError};
use crate::secret::SecretValue;

const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";
/// Body lines of a stanza are wrapped at 64 columns; the last one is always shorter.
const BODY_COLUMNS: usize = 64;

/// The bytes of a stored value: base64 (whitespace ignored) when it decodes, else the text itself.
pub(super) fn decode(value: &str) -> Vec<u8> {
    let engine = base64::engine::general_purpose::STANDARD;
    if !value.bytes().any(|b| b.is_ascii_whitespace()) {
        return engine
            .decode(value)
            .unwrap_or_else(|_| value.as_bytes().to_vec());
    }
    let trimmed: String = value.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    engine
        .decode(trimmed.as_bytes())
        .unwrap_or_else(|_| value.as_bytes().to_vec())
}

/// The header of a binary age file, without the `---` MAC line; None when there is none.
fn header(file: &[u8]) -> Option<&str> {
    let end = file.windows(4).position(|w| w == b"\n---")?;
    std::str::from_utf8(&file[..end]).ok()
}

/// How many recipient stanzas (X25519 and SSH) a binary age file's header has; None when the
/// header cannot be read (armored or damaged values).
pub(super) fn recipient_stanzas(file: &[u8]) -> Option<usize> {
    let mut lines = header(file)?.lines();
    if lines.next()? != "age-encryption.org/v1" {
        return None;
    }
    Some(
        lines
            .filter(|l| {
                l.starts_with("-> X25519 ")
                    || l.starts_with("-> ssh-ed25519 ")
                    || l.starts_with("-> ssh-rsa ")
            })
            .count(),
    )
}

pub(super) fn decrypt_one(identities: &[DynIdentity], value: &str) -> ItemResult {
    let mut plain = decrypt_file(identities, &decode(value))?;
    let text = String::from_utf8(std::mem::take(&mut *plain)).map_err(|e| {
        let _ = Zeroizing::new(e.into_bytes());
        ProviderError::new(ErrorKind::BadCiphertext, "Age decryption failed: the decrypted value is not UTF-8 text")
            .hint("store binary data with `fnox set --base64-encode` and read it with `fnox get --base64-decode`")
    })?;
    Ok(SecretValue::new(text))
}

/// Decrypts a binary or armored age file. Whitespace around an armored file is ignored.
pub(super) fn decrypt_file(
    identities: &[DynIdentity],
    bytes: &[u8],
) -> Result<Zeroizing<Vec<u8>>, ProviderError> {
    let dearmored;
    let file = match bytes.trim_ascii_start() {
        armored if armored.starts_with(ARMOR_BEGIN) => {
            dearmored = dearmor(armored)?;
            &dearmored[..]
        }
        _ => bytes,
    };
    if identities.iter().all(|i| i.native().is_some()) {
        if let Some(plain) =
            super::fast::open(identities.iter().filter_map(DynIdentity::native), file)
        {
            return Ok(plain);
        }
    }
    check_stanza_framing(file)?;
    let decryptor = age::Decryptor::new_buffered(file).map_err(map_decrypt_error)?;
    let mut plain = Zeroizing::new(Vec::new());
    decryptor
        .decrypt(identities.iter().map(DynIdentity::age))
        .map_err(map_decrypt_error)?
        .read_to_end(&mut plain)
        .map_err(|e| {
            ProviderError::new(
                ErrorKind::BadCiphertext,
                format!("Age decryption failed: the ciphertext is damaged ({e})"),
            )
            .hint("the value was modified or truncated; set it again with `fnox set`")
        })?;
    Ok(plain)
}

fn dearmor(armored: &[u8]) -> Result<Vec<u8>, ProviderError> {
    let mut file = Vec::with_capacity(armored.len() * 3 / 4);
    age::armor::ArmoredReader::new(armored)
        .read_to_end(&mut file)
        .map_err(|e| {
            ProviderError::new(
                ErrorKind::BadCiphertext,
                format!("Age decryption failed: the ASCII armor is malformed ({e})"),
            )
            .hint("the armored value was edited or cut short; set it again with `fnox set`")
        })?;
    Ok(file)
}

/// Every stanza's body must end with a line shorter than 64 columns, possibly empty
/// (https://c2sp.org/age#header). The age crate also accepts a legacy form without that line,
/// which no age implementation writes today; fnox holds files to the specification.
fn check_stanza_framing(file: &[u8]) -> Result<(), ProviderError> {
    // Without a readable header the age crate reports the damage itself.
    let Some(header) = header(file) else {
        return Ok(());
    };
    let mut open_stanza = false;
    let mut ended = true;
    for line in header.split('\n').skip(1) {
        if line.starts_with("->") {
            if !ended {
                break;
            }
            open_stanza = true;
            ended = false;
        } else if open_stanza {
            ended = line.len() < BODY_COLUMNS;
        }
    }
    if ended {
        return Ok(());
    }
    Err(ProviderError::new(
        ErrorKind::BadCiphertext,
        "Age decryption failed: bad header: a recipient stanza lacks its final short line (a damaged value, or one written by a pre-1.0 age tool)",
    )
    .hint("set the value again with `fnox set`; a pre-1.0 file still opens with `rage -d`"))
}

fn map_decrypt_error(e: age::DecryptError) -> ProviderError {
    use age::DecryptError as D;
    match e {
        D::NoMatchingKeys => ProviderError::new(ErrorKind::NoIdentity, "Age decryption failed: no identity matched any of the recipients")
            .hint("point FNOX_AGE_KEY_FILE at your key, or ask a teammate to add your public key and run `fnox reencrypt`"),
        D::InvalidHeader | D::UnknownFormat => ProviderError::new(
            ErrorKind::BadCiphertext,
            "Age decryption failed: the value is not an age ciphertext (bad header)",
        )
        .hint("the value was damaged or is not encrypted; set it again with `fnox set`"),
        D::InvalidMac | D::DecryptionFailed | D::KeyDecryptionFailed => ProviderError::new(
            ErrorKind::BadCiphertext,
            format!("Age decryption failed: the ciphertext failed authentication ({e})"),
        )
        .hint("the value was modified or truncated; set it again with `fnox set`"),
        D::Io(e) => ProviderError::new(
            ErrorKind::BadCiphertext,
            format!("Age decryption failed: the ciphertext is truncated or damaged ({e})"),
        )
        .hint("the value was cut short or edited; set it again with `fnox set`"),
        other => ProviderError::new(ErrorKind::BadCiphertext, format!("Age decryption failed: {other}"))
            .hint("set the value again with `fnox set`"),
    }
}
