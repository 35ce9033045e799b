//! The clipboard, through the terminal: the OSC 52 sequence asks the terminal (or tmux, with
//! `set-clipboard on`) to put the bytes on its clipboard. It needs no display server and works
//! over ssh and in tmux, where a desktop clipboard library would not.

use std::io::Write;

use base64::Engine;
use zeroize::Zeroizing;

/// `ESC ] 52 ; c ; BASE64 BEL`: set the clipboard selection to `value`.
pub fn osc52(value: &str) -> Zeroizing<Vec<u8>> {
    let encoded = Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(value));
    let mut out = Zeroizing::new(Vec::with_capacity(encoded.len() + 8));
    out.extend_from_slice(b"\x1b]52;c;");
    out.extend_from_slice(encoded.as_bytes());
    out.push(0x07);
    out
}

/// Writes the sequence straight to the terminal, past ratatui's screen buffer.
pub fn send(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    #[test]
    fn osc52_is_the_base64_of_the_value_between_the_markers() {
        assert_eq!(&super::osc52("hé")[..], b"\x1b]52;c;aMOp\x07");
    }
}
