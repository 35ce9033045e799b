//! A config file's text, as read from disk.
//!
//! A large file (from 512 KiB: a config of about 1000 secrets or more) is read into an anonymous
//! mapping of its own, aligned to 2 MiB and advised to take transparent huge pages
//! (`MADV_HUGEPAGE`). fnox's memory is locked (`protect`), and in locked memory each 4 KiB page
//! costs a fault, a memory-cgroup charge and a lock when first written, and an unlock when freed:
//! for a 5 MB file that was most of the time a `get` took. With 2 MiB pages it is a few faults.
//! Where huge pages are off, the kernel backs the mapping with small pages, as before. (The
//! integrity sidecar is read in chunks instead: `Sidecar::read_tags`.)
//! A smaller file is an ordinary `String`.
//!
//! `read_in_place` maps a large file from the page cache instead, under a read lease, where the
//! system gives one (`in_place`): no copy and no fresh memory at all.

use std::io::Read;
use std::path::Path;

use super::sparse::{survey, Checked};

#[cfg(target_os = "linux")]
mod in_place;

/// From this size a file gets a mapping of its own. The mapping is whole 2 MiB pages, so it may
/// hold up to 2 MiB more than the file: from 256 KiB it was already faster (`get` in a file of 1000
/// secrets, 496 KB: 2.6 to 2.3 ms), but it added 2 MiB to the peak memory of `export` of 1000.
const MAPPED_FROM: u64 = 512 << 10;
const HUGE: usize = 2 << 20;

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// The path names a directory.
    Directory,
    /// Not UTF-8: the first bad byte is at this offset.
    NotUtf8(usize),
}

/// A file's text; dereferences to `str`.
pub struct Text(Repr);

enum Repr {
    Owned(String),
    /// `len` bytes of UTF-8 at `start` in `map` (a 2 MiB boundary), never written after the read,
    /// and what the read's survey of them found out about control characters.
    Mapped {
        map: memmap2::MmapMut,
        start: usize,
        len: usize,
        checked: Checked,
    },
    /// A file mapped in place, and what the survey of its bytes found.
    #[cfg(target_os = "linux")]
    InPlace {
        held: in_place::InPlace,
        checked: Checked,
    },
}

/// The file at `path`, opened, with its metadata (None where the system gives none); a directory
/// is refused here, by the same `fstat` that gives the size.
fn open(path: &Path) -> Result<(std::fs::File, Option<std::fs::Metadata>), ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().ok();
    if meta.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(ReadError::Directory);
    }
    Ok((file, meta))
}

impl Text {
    /// Reads the whole file at `path`.
    pub fn read(path: &Path) -> Result<Text, ReadError> {
        let (file, meta) = open(path)?;
        Text::read_open(path, file, meta.map_or(0, |m| m.len()))
    }

    /// Reads the whole file at `path`, a large one in place where a lease on it is given (see
    /// `in_place` for who may).
    pub fn read_in_place(path: &Path) -> Result<Text, ReadError> {
        let (file, meta) = open(path)?;
        let size = meta.as_ref().map_or(0, |m| m.len());
        #[cfg(target_os = "linux")]
        if meta.is_some_and(|m| m.is_file() && m.len() >= MAPPED_FROM) {
            if let Some(held) = in_place::InPlace::map(file) {
                let checked = check(held.bytes())?;
                return Ok(Text(Repr::InPlace { held, checked }));
            }
            // The file as the path names it now.
            return Text::read(path);
        }
        Text::read_open(path, file, size)
    }

    /// The ordinary read of `file`, opened from `path`, of `size` bytes by its metadata.
    fn read_open(path: &Path, mut file: std::fs::File, size: u64) -> Result<Text, ReadError> {
        if cfg!(target_os = "linux") && size >= MAPPED_FROM {
            if let Some(text) = Text::read_mapped(&mut file, size as usize)? {
                return Ok(text);
            }
            file = std::fs::File::open(path).map_err(ReadError::Io)?;
        }
        let mut bytes = Vec::with_capacity(size as usize + 1);
        file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
        String::from_utf8(bytes)
            .map(|s| Text(Repr::Owned(s)))
            .map_err(|e| ReadError::NotUtf8(e.utf8_error().valid_up_to()))
    }

    /// The read into a mapping; None when there was none to be had, or the file grew past the room
    /// its size left (then it is read again the ordinary way).
    fn read_mapped(file: &mut std::fs::File, size: usize) -> Result<Option<Text>, ReadError> {
        // Room for one byte more than the size, to see the end of the file in the same pass.
        let room = (size + 1).next_multiple_of(HUGE);
        let Ok(mut map) = memmap2::MmapMut::map_anon(room + HUGE) else {
            return Ok(None);
        };
        let start = (map.as_ptr() as usize).next_multiple_of(HUGE) - map.as_ptr() as usize;
        // Advice only; without it the kernel uses small pages.
        #[cfg(target_os = "linux")]
        let _ = map.advise_range(memmap2::Advice::HugePage, start, room);
        let buf = &mut map[start..start + room];
        let mut len = 0;
        loop {
            match file.read(&mut buf[len..]) {
                Ok(0) => break,
                Ok(n) => len += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(ReadError::Io(e)),
            }
            if len == room {
                return Ok(None);
            }
        }
        let checked = check(&buf[..len])?;
        Ok(Some(Text(Repr::Mapped {
            map,
            start,
            len,
            checked,
        })))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(s) => s,
            // SAFETY: these bytes were checked to be UTF-8 when read, and the mapping is private
            // to this value and never written again.
            Repr::Mapped {
                map, start, len, ..
            } => unsafe { std::str::from_utf8_unchecked(&map[*start..*start + *len]) },
            // SAFETY: checked to be UTF-8 when read; the lease keeps the bytes as they were.
            #[cfg(target_os = "linux")]
            Repr::InPlace { held, .. } => unsafe { std::str::from_utf8_unchecked(held.bytes()) },
        }
    }

    /// The check of the whole text for control characters, when its reading made it (a large
    /// file).
    pub fn checked(&self) -> Option<Checked> {
        match &self.0 {
            Repr::Owned(_) => None,
            Repr::Mapped { checked, .. } => Some(*checked),
            #[cfg(target_os = "linux")]
            Repr::InPlace { checked, .. } => Some(*checked),
        }
    }

    /// Whether the text lives in a mapping of its own (a large file).
    pub fn is_mapped(&self) -> bool {
        matches!(self.0, Repr::Mapped { .. })
    }

    /// Whether the text is a mapping of the file itself (`read_in_place`).
    #[cfg(test)]
    fn is_in_place(&self) -> bool {
        #[cfg(target_os = "linux")]
        return matches!(self.0, Repr::InPlace { .. });
        #[cfg(not(target_os = "linux"))]
        false
    }
}

/// The check of a large file's bytes. One pass finds the control characters the scanner needs to
/// know of, and whether the text is ASCII, which needs no UTF-8 check. Else the vectorised check
/// says only whether; std's decides, and finds where. The survey has asked std what the CPU
/// supports, so from here memchr may too (`bytes`).
fn check(bytes: &[u8]) -> Result<Checked, ReadError> {
    let survey = survey(bytes);
    crate::bytes::widen();
    if !survey.ascii && simdutf8::basic::from_utf8(bytes).is_err() {
        if let Err(e) = std::str::from_utf8(bytes) {
            return Err(ReadError::NotUtf8(e.valid_up_to()));
        }
    }
    Ok(survey.checked)
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Repr::Owned(s))
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl Clone for Text {
    fn clone(&self) -> Text {
        Text(Repr::Owned(self.as_str().to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_of(dir: &tempfile::TempDir, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.path().join("fnox.toml");
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_file_reads_back_exactly_at_every_size_around_the_mapping_bounds() {
        let dir = tempfile::tempdir().unwrap();
        let line = "A_SECRET = { provider = \"age\", value = \"x\" }\n";
        for size in [
            0,
            1,
            4096,
            MAPPED_FROM as usize - 1,
            MAPPED_FROM as usize,
            HUGE - 1,
            HUGE,
            HUGE + 1,
            2 * HUGE + 7,
        ] {
            let text: String = line.chars().cycle().take(size).collect();
            let read = Text::read(&file_of(&dir, text.as_bytes())).unwrap();
            assert_eq!(read.len(), size);
            assert!(read.as_str() == text, "the text of {size} bytes differs");
            assert_eq!(
                read.is_mapped(),
                cfg!(target_os = "linux") && size as u64 >= MAPPED_FROM
            );
            assert!(read.clone().as_str() == text);
        }
    }

    /// A large file's reading says what its bytes hold (the scanner trusts it instead of looking
    /// again), and a small file's leaves it to the scanner.
    #[test]
    fn a_large_file_is_read_with_its_check_for_control_characters() {
        let dir = tempfile::tempdir().unwrap();
        let line = "A_SECRET = { provider = \"age\", value = \"x\" }\n";
        let big = line.repeat(MAPPED_FROM as usize / line.len() + 3);
        let with = |at: usize, what: &str| {
            let mut t = big.clone();
            t.replace_range(at..at + what.len(), what);
            t
        };
        let cases = [
            (big.clone(), Checked::Clean),
            (with(big.len() - 2, "\r"), Checked::CarriageReturns),
            (with(1000, "\u{1}"), Checked::No),
            (with(big.len() / 2, "\u{7f}"), Checked::No),
            (with(10, "\t"), Checked::Clean),
            (with(20, "é"), Checked::Clean),
            (
                with(20, "é").replace('\n', "\r\n"),
                Checked::CarriageReturns,
            ),
        ];
        for (text, checked) in cases {
            let read = Text::read(&file_of(&dir, text.as_bytes())).unwrap();
            assert!(read.as_str() == text);
            let want = cfg!(target_os = "linux").then_some(checked);
            assert_eq!(read.checked(), want, "{:?}", &text[..30]);
        }
        let small = Text::read(&file_of(&dir, line.as_bytes())).unwrap();
        assert_eq!(small.checked(), None);
    }

    #[test]
    fn a_large_file_of_multi_byte_text_reads_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let line = "DESCRIPTION = { default = \"é € 😀 ü\" } # ñ\n";
        let text = line.repeat(MAPPED_FROM as usize / line.len() + 3);
        let read = Text::read(&file_of(&dir, text.as_bytes())).unwrap();
        assert!(read.is_mapped() || !cfg!(target_os = "linux"));
        assert!(read.as_str() == text);
    }

    #[test]
    fn bad_utf8_is_reported_at_its_offset_small_or_large() {
        let dir = tempfile::tempdir().unwrap();
        for size in [100, MAPPED_FROM as usize + 100] {
            for bad in [3, size / 2, size - 50, size - 1] {
                let mut bytes = vec![b'a'; size];
                bytes[bad] = 0xff;
                match Text::read(&file_of(&dir, &bytes)) {
                    Err(ReadError::NotUtf8(at)) => assert_eq!(at, bad),
                    other => panic!("{size}: {:?}", other.map(|t| t.len())),
                }
            }
        }
    }

    /// Where transparent huge pages may be had on advice, a large file's text is on them.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_large_file_is_read_into_huge_pages_where_the_system_gives_them() {
        let mode = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled");
        if !mode.is_ok_and(|m| m.contains("[always]") || m.contains("[madvise]")) {
            eprintln!("skipping: transparent huge pages are off here");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let read = Text::read(&file_of(&dir, &vec![b'x'; 3 * HUGE])).unwrap();
        let at = read.as_ptr() as u64;
        assert_eq!(at % HUGE as u64, 0, "the text starts on a 2 MiB boundary");
        // The mapping's entry in smaps: its AnonHugePages line counts the huge pages behind it.
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let mut inside = false;
        let mut huge_kb = None;
        for line in smaps.lines() {
            if let Some((range, _)) = line.split_once(' ') {
                if let Some((lo, hi)) = range.split_once('-') {
                    if let (Ok(lo), Ok(hi)) =
                        (u64::from_str_radix(lo, 16), u64::from_str_radix(hi, 16))
                    {
                        inside = lo <= at && at < hi;
                        continue;
                    }
                }
            }
            if inside {
                if let Some(kb) = line.strip_prefix("AnonHugePages:") {
                    huge_kb = kb.trim().trim_end_matches(" kB").parse::<u64>().ok();
                }
            }
        }
        assert!(
            huge_kb.unwrap_or(0) >= 2048,
            "no huge page behind the text: {huge_kb:?} kB"
        );
    }

    /// In place or not, a file reads back the same, with the same check and the same error;
    /// only a large file is read in place, and one open for writing elsewhere never is.
    #[test]
    fn a_file_read_in_place_is_the_file_read_the_ordinary_way() {
        let dir = tempfile::tempdir().unwrap();
        let line = "A_SECRET = { provider = \"age\", value = \"é\r\" }\n";
        for size in [
            100,
            MAPPED_FROM as usize - 1,
            MAPPED_FROM as usize,
            3 * HUGE + 5,
        ] {
            let text: String = line.chars().cycle().take(size).collect();
            let path = file_of(&dir, text.as_bytes());
            let (ordinary, in_place) = (
                Text::read(&path).unwrap(),
                Text::read_in_place(&path).unwrap(),
            );
            assert!(in_place.as_str() == text && ordinary.as_str() == text);
            assert_eq!(in_place.checked(), ordinary.checked());
            let large = text.len() as u64 >= MAPPED_FROM;
            assert_eq!(
                in_place.is_in_place(),
                cfg!(target_os = "linux") && large,
                "{size}"
            );
            if large {
                let writer = std::fs::OpenOptions::new()
                    .append(true)
                    .open(&path)
                    .unwrap();
                let read = Text::read_in_place(&path).unwrap();
                assert!(!read.is_in_place() && read.as_str() == text);
                drop(writer);
            }
        }
        let mut bytes = vec![b'a'; MAPPED_FROM as usize + 10];
        bytes[MAPPED_FROM as usize] = 0xc3;
        assert!(matches!(
            Text::read_in_place(&file_of(&dir, &bytes)),
            Err(ReadError::NotUtf8(at)) if at == MAPPED_FROM as usize
        ));
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            Text::read(&dir.path().join("absent.toml")),
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound
        ));
    }
}
