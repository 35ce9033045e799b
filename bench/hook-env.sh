#!/usr/bin/env bash
# What the shell hook costs per prompt: `fnox hook-env -s bash` when nothing changed (the common
# case: no config is read, nothing is decrypted) and after a change (a config file touched: parse,
# decrypt, emit), beside `fnox --version` (bare process start). A project of 20 age secrets in a
# directory 6 levels deep with a parent config, so the hook stats a realistic number of paths.
#
#   bench/hook-env.sh               # hyperfine when installed (apt-get install hyperfine), else a loop
#   RUNS=500 bench/hook-env.sh      # more runs
#   FNOX=path/to/fnox bench/hook-env.sh   # another binary (default: a release build)
#   NO_HYPERFINE=1 bench/hook-env.sh      # the plain `date +%s%N` loop even when hyperfine is there
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "${FNOX:-}" ]; then
    export CARGO_TARGET_DIR="$root/target/bench-release"
    cargo build --release --locked --quiet
    FNOX="$CARGO_TARGET_DIR/release/fnox"
fi

# A private HOME with its own identity; a project with a parent config.
home="$work/home"
mkdir -p "$home/.config/fnox"
export HOME="$home" FNOX_CONFIG_DIR="$home/.config/fnox" FNOX_SHELL_OUTPUT=none
unset FNOX_PROFILE FNOX_AGE_KEY FNOX_AGE_KEY_FILE __FNOX_SESSION
(cd "$work" && "$FNOX" init >/dev/null 2>&1 && rm -f fnox.toml)
# The project files below are written by this script: the user's own (the hook loads only trusted files).
"$FNOX" trust --tree "$work" >/dev/null 2>&1
key=$(grep -o 'age1[0-9a-z]*' "$home/.config/fnox/age.txt" | head -1)
project="$work/a/b/c/d/e/project"
mkdir -p "$project"
printf '[providers]\nage = { type = "age", recipients = ["%s"] }\n\n[secrets]\n' "$key" >"$work/a/fnox.toml"
printf '[secrets]\n' >"$project/fnox.toml"
for i in $(seq 1 20); do printf 'SECRET_%02d=value-%d\n' "$i" "$i"; done >"$work/in.env"
(cd "$project" && "$FNOX" --quiet import --provider age -i "$work/in.env" --force >/dev/null)
cd "$project"

# The state the shell holds after entering the project.
eval "$("$FNOX" hook-env -s bash)"
[ "$SECRET_01" = value-1 ] || { echo "hook-env did not load the project" >&2; exit 1; }
export __FNOX_SESSION
[ -z "$("$FNOX" hook-env -s bash)" ] || { echo "unchanged case printed something" >&2; exit 1; }

# "After a change": every run sees a config that changed since the state was taken (its ctime
# moves on each touch), so each run parses the files and decrypts all 20 secrets.
changed="touch $project/fnox.toml"

if [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null; then
    hyperfine --runs "$runs" --warmup 10 -N --style basic \
        -n 'fnox --version' "$FNOX --version" \
        -n 'hook-env, unchanged' "$FNOX hook-env -s bash"
    hyperfine --runs "$runs" --warmup 5 -N --style basic --prepare "$changed" \
        -n 'hook-env, after a change (20 age secrets)' "$FNOX hook-env -s bash"
else
    time_ms() { # label, prepare, command...
        local label=$1 prepare=$2 total=0 start end
        shift 2
        for _ in $(seq 1 "$runs"); do
            [ -n "$prepare" ] && eval "$prepare"
            start=$(date +%s%N)
            "$@" >/dev/null
            end=$(date +%s%N)
            total=$((total + end - start))
        done
        awk -v l="$label" -v t="$total" -v n="$runs" 'BEGIN { printf "%-45s %8.3f ms (mean of %d)\n", l, t / n / 1e6, n }'
    }
    time_ms 'fnox --version' '' "$FNOX" --version
    time_ms 'hook-env, unchanged' '' "$FNOX" hook-env -s bash
    time_ms 'hook-env, after a change (20 age secrets)' "$changed" "$FNOX" hook-env -s bash
fi
