//! Byte searches for the paths every command takes, without run-time CPU detection.
//!
//! The memchr crate chooses its AVX2 routines at its first search by asking std what the CPU
//! supports, and std finds out with seven CPUID instructions. In a virtual machine each CPUID
//! traps to the host (6-10 us each on the machines fnox is measured on), so that one question cost
//! more than a `get`'s whole scan of a fnox.toml of 100 secrets. Every x86_64 CPU has SSE2, so
//! memchr's SSE2 routines are chosen here at compile time and nothing is asked; on other
//! architectures memchr's own choice stands. Once a large file has been read ([`widen`]), memchr
//! chooses as before: the survey of its bytes (`config::sparse::survey`) asked std already, and
//! in such a file memchr's 32-byte AVX2 vectors save more than the question cost (the 16-byte
//! ones took 11% more instructions for a `get` in a 4.9 MB file of 10,000 secrets).

use std::sync::atomic::{AtomicBool, Ordering};

static WIDE: AtomicBool = AtomicBool::new(false);

/// From now on, let memchr choose its routines: std has been asked what the CPU supports.
pub fn widen() {
    WIDE.store(true, Ordering::Relaxed);
}

/// The position of the first `a` in `haystack`.
#[inline]
pub fn find(a: u8, haystack: &[u8]) -> Option<usize> {
    find_any(&[a], haystack, WIDE.load(Ordering::Relaxed))
}

/// The position of the first `a` or `b` in `haystack`.
#[inline]
pub fn find2(a: u8, b: u8, haystack: &[u8]) -> Option<usize> {
    find_any(&[a, b], haystack, WIDE.load(Ordering::Relaxed))
}

/// The position of the first `a`, `b` or `c` in `haystack`.
#[inline]
pub fn find3(a: u8, b: u8, c: u8, haystack: &[u8]) -> Option<usize> {
    find_any(&[a, b, c], haystack, WIDE.load(Ordering::Relaxed))
}

/// The first position in `haystack` of any of the one to three bytes of `set`, by memchr's own
/// choice of routines when `wide`, else by its SSE2 ones where every CPU has them.
#[inline(always)]
fn find_any(set: &[u8], haystack: &[u8], wide: bool) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if !wide {
        use memchr::arch::x86_64::sse2::memchr::{One, Three, Two};
        let found = match *set {
            [a] => One::new(a).map(|s| s.find(haystack)),
            [a, b] => Two::new(a, b).map(|s| s.find(haystack)),
            [a, b, c] => Three::new(a, b, c).map(|s| s.find(haystack)),
            _ => unreachable!("one to three bytes"),
        };
        if let Some(found) = found {
            return found;
        }
    }
    let _ = wide;
    match *set {
        [a] => memchr::memchr(a, haystack),
        [a, b] => memchr::memchr2(a, b, haystack),
        [a, b, c] => memchr::memchr3(a, b, c, haystack),
        _ => unreachable!("one to three bytes"),
    }
}

/// Every position of `a` in `haystack`, in order.
pub fn positions(a: u8, haystack: &[u8]) -> Positions<'_> {
    Positions {
        a,
        haystack,
        from: 0,
    }
}

/// The iterator of [`positions`].
pub struct Positions<'h> {
    a: u8,
    haystack: &'h [u8],
    from: usize,
}

impl Iterator for Positions<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let at = self.from + find(self.a, self.haystack.get(self.from..)?)?;
        self.from = at + 1;
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(set: &[u8], h: &[u8]) -> Option<usize> {
        h.iter().position(|c| set.contains(c))
    }

    proptest! {
        // Haystacks over a four-letter alphabet, long enough to cross several vectors and their
        // unaligned tails, so that each set is found early, late or nowhere; both choices of routine.
        #[test]
        fn the_searches_find_what_a_byte_loop_finds(
            h in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'b'), Just(b'c'), Just(b'\n')], 0..300),
            skip in 0usize..40,
        ) {
            let h = &h[skip.min(h.len())..];
            for wide in [false, true] {
                prop_assert_eq!(find_any(b"\n", h, wide), naive(b"\n", h));
                prop_assert_eq!(find_any(b"a\n", h, wide), naive(b"a\n", h));
                prop_assert_eq!(find_any(b"bc\n", h, wide), naive(b"bc\n", h));
            }
            let all: Vec<usize> = positions(b'\n', h).collect();
            let want: Vec<usize> = h.iter().enumerate().filter(|(_, c)| **c == b'\n').map(|(i, _)| i).collect();
            prop_assert_eq!(all, want);
        }
    }

    #[test]
    fn a_needle_absent_or_at_the_last_byte() {
        let mut h = vec![b'x'; 100];
        assert_eq!(find(b'\n', &h), None);
        assert_eq!(positions(b'\n', &h).count(), 0);
        h[99] = b'\n';
        assert_eq!(find(b'\n', &h), Some(99));
        assert_eq!(find2(b'"', b'\n', &h), Some(99));
        assert_eq!(find3(b'"', b'\\', b'\n', &h), Some(99));
        assert_eq!(positions(b'\n', &h).collect::<Vec<_>>(), vec![99]);
    }
}
