#!/usr/bin/env bash
# What integrity checking costs: `get` (one secret of 1000) and `exec` (all 1000) on a fixture of
# 1000 age secrets, with its fnox.lock (every tag checked) and without it (nothing checked), same
# binary, same run. Prints a Markdown table.
#
#   bench/integrity.sh                      # builds fnox with the bench profile first
#   FNOX_BIN=path RUNS=30 bench/integrity.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
if [ -n "${FNOX_BIN:-}" ]; then
    fnox=$FNOX_BIN
else
    cargo build --profile bench --locked --quiet --bin fnox
    fnox=$PWD/target/release/fnox
fi

home="$work/home"
mkdir -p "$home/.config/fnox" "$work/p"
export HOME="$home" FNOX_CONFIG_DIR="$home/.config/fnox" FNOX_STATE_DIR="$work/state"
(cd "$work/p" && "$fnox" init >/dev/null 2>&1)
"$fnox" trust --tree "$work" >/dev/null 2>&1
for i in $(seq 1 1000); do printf 'SECRET_%04d=value-%d-%s\n' "$i" "$i" "$(head -c 24 /dev/urandom | base64)"; done >"$work/in.env"
(cd "$work/p" && "$fnox" import -i ../in.env --force >/dev/null 2>&1)
[ -f "$work/p/fnox.lock" ] || { echo "import wrote no fnox.lock" >&2; exit 1; }

mean() { # command -> mean ms
    (cd "$work/p" && hyperfine --style none --runs "$runs" --warmup 3 -N --export-json "$work/h.json" "$1" >/dev/null 2>&1)
    python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1e3))' "$work/h.json"
}

declare -A with without
for cmd in "get SECRET_0500" "exec -- true"; do
    with[$cmd]=$(mean "$fnox $cmd")
done
mv "$work/p/fnox.lock" "$work/fnox.lock.off"
for cmd in "get SECRET_0500" "exec -- true"; do
    without[$cmd]=$(mean "$fnox $cmd")
done
echo "| command (1000 age secrets) | tags checked (ms) | no sidecar (ms) | ratio |"
echo "|---|---|---|---|"
for cmd in "get SECRET_0500" "exec -- true"; do
    python3 -c 'import sys; w, o = float(sys.argv[2]), float(sys.argv[3]); print(f"| `{sys.argv[1]}` | {w:.2f} | {o:.2f} | {w / o:.3f} |")' \
        "$cmd" "${with[$cmd]}" "${without[$cmd]}"
done
