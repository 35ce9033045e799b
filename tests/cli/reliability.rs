//! The reliability and security suite (issue 7): fnox under faults and bad input. Each family
//! runs a fixed number of cases (the constants below) and asserts that every one of them passes,
//! so the figures are reproducible; random choices come from fixed seeds.

use std::path::{Path, PathBuf};

use proptest::test_runner::{Config as ProptestConfig, RngAlgorithm, TestRng, TestRunner};

mod bad_input;
mod exec_semantics;
mod fidelity;
mod leaks;
mod missing;
mod plaintext;
mod profiles;
mod writes;

/// Family 1: Concurrent `fnox set` of distinct keys into one file.
pub const CONCURRENT_WRITERS: usize = 32;
/// Family 1: Writers killed with SIGKILL at a random moment of `fnox set`.
pub const SIGKILL_TRIALS: usize = 200;
/// Family 1: Writes made while a reader keeps reading and parsing the file.
pub const WRITES_UNDER_READER: usize = 50;
/// Family 2: The corpus must exercise at least this many (bad input, command) combinations.
pub const MIN_BAD_INPUT_COMBINATIONS: usize = 40;
/// Family 4: Generated values, each taken through set/get, exec, every export format and import.
pub const FIDELITY_CASES: u32 = 48;
/// Family 4: The fixed large value.
pub const LARGE_VALUE_BYTES: usize = 1024 * 1024;

/// Root ignores file and directory permissions, so permission cases cannot fail for it.
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// A proptest runner with a fixed seed, a fixed number of cases, a short shrink and no
/// regression files: the same cases on every run.
pub fn fixed_runner(cases: u32) -> TestRunner {
    let config = ProptestConfig {
        cases,
        max_shrink_iters: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

/// A small deterministic generator (xorshift64*) for delays and choices outside proptest.
pub struct Xorshift(u64);

impl Xorshift {
    pub fn new(seed: u64) -> Xorshift {
        Xorshift(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Every file under `dir`, recursively (symlinks not followed).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => out.extend(files_under(&path)),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
    out
}

/// `.fnox-*.tmp` files anywhere under `dir`.
pub fn temp_files(dir: &Path) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(".fnox-") && name.ends_with(".tmp")
        })
        .collect()
}

/// Whether `needle` occurs in `haystack`.
pub fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}
