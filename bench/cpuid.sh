#!/usr/bin/env bash
# CPUID instructions a command executes, per object file (fnox, the dynamic loader, libraries).
# In a virtual machine every CPUID traps to the host (8.4 us each on the machine the README's
# numbers come from), so at start-up they count for more than their instructions.
#
#   bench/cpuid.sh --version                       # the release binary (FNOX=path for another)
#   bench/cpuid.sh -c fixture/fnox.toml get NAME
#   bench/cpuid.sh --time                          # what one CPUID costs on this machine
set -euo pipefail
# The command runs where this script is started (its paths are the caller's).
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = --time ]; then
    python3 - <<'PY'
import ctypes, mmap, time
# A function of CPUID (leaf 7) and return, run 2000 times.
code = bytes([0x53, 0xb8, 7, 0, 0, 0, 0x31, 0xc9, 0x0f, 0xa2, 0x5b, 0xc3])
buf = mmap.mmap(-1, len(code), prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
buf.write(code)
f = ctypes.CFUNCTYPE(None)(ctypes.addressof(ctypes.c_char.from_buffer(buf)))
n = 2000
t = time.perf_counter()
for _ in range(n):
    f()
per = (time.perf_counter() - t) / n
t = time.perf_counter()
for _ in range(n):
    pass
print(f"one CPUID: about {(per - (time.perf_counter() - t) / n) * 1e6:.1f} us (with a ctypes call's cost)")
PY
    exit 0
fi
command -v gdb >/dev/null || { echo "needs gdb (apt-get install gdb)" >&2; exit 1; }
bin=${FNOX:-$root/target/bench-release/release/fnox}
[ -x "$bin" ] || { echo "no binary at $bin: build it (CARGO_TARGET_DIR=target/bench-release cargo build --release) or set FNOX" >&2; exit 1; }
gdb -q -batch -x "$root/bench/cpuid.py" --args "$bin" "$@" 2>/dev/null | grep '^cpuid '
