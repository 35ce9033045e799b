#!/usr/bin/env bash
# The instruction-count gate: instructions retired (valgrind's cachegrind, all threads of the process,
# child processes not counted) by `fnox --version`, `get` of one secret of 100 and of 10,000 (so that a cost
# that grows with the file shows), `exec -- true` of 100 age secrets and `hook-env` when nothing changed,
# against the counts in bench/instructions.baseline.
# Counts are deterministic to ~0.1% for one binary, so unlike wall time they can fail a run: a count more
# than 3% above its baseline fails (scripts/test.sh runs this), one more than 3% below asks for a new
# baseline so the gain is kept.
#
#   bench/instructions.sh            # build the `gate` profile, measure, compare (exit 1 on a regression)
#   bench/instructions.sh --update   # measure and write bench/instructions.baseline (commit it, saying why)
#   FNOX=path bench/instructions.sh  # measure another binary (the baseline is for the `gate` profile)
#   bench/instructions.sh --link-order  # run the same commands under callgrind and write the functions
#                                       # they run, in a gate and a release build, to bench/link-order.txt
#                                       # (build.rs hands it to the linker)
#
# The baseline holds for one toolchain: after a Rust update, run --update in its own commit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
baseline=bench/instructions.baseline
limit=${FNOX_GATE_LIMIT:-3}
update=false
order=false
[ "${1:-}" = --update ] && update=true
[ "${1:-}" = --link-order ] && order=true

command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
if [ -z "${FNOX:-}" ]; then
    cargo build --profile gate --locked --quiet --bin fnox
    FNOX="$root/target/gate/fnox"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Fixed paths and a fixed environment: the counts move with the length of what fnox reads.
home="$work/home"
project="$work/project"
mkdir -p "$home/.config/fnox" "$project"
env_of() { # the whole environment of a measured command
    env -i PATH=/usr/bin:/bin HOME="$home" FNOX_CONFIG_DIR="$home/.config/fnox" \
        FNOX_AGE_KEY_FILE="$home/.config/fnox/age.txt" FNOX_SHELL_OUTPUT=none LANG=C "$@"
}
(cd "$work" && env_of "$FNOX" init >/dev/null 2>&1 && rm -f fnox.toml)
env_of "$FNOX" trust --tree "$work" >/dev/null 2>&1
key=$(grep -o 'age1[0-9a-z]*' "$home/.config/fnox/age.txt" | head -1)
fixture() { # dir count digits -> a fnox.toml of count age secrets SECRET_<n, zero-padded to digits>
    local dir=$1 n=$2 d=$3
    mkdir -p "$dir"
    printf 'root = true\n[providers]\nage = { type = "age", recipients = ["%s"] }\n\n[secrets]\n' "$key" >"$dir/fnox.toml"
    # Values of one length: X25519 and ChaCha20 take the same path for any key, so only sizes matter.
    for i in $(seq 1 "$n"); do printf "SECRET_%0${d}d=value-%0${d}d-0123456789abcdef\n" "$i" "$i"; done >"$dir.env"
    (cd "$dir" && env_of "$FNOX" import -i "$dir.env" --force >/dev/null 2>&1)
}
fixture "$project" 100 4
[ "$(cd "$project" && env_of "$FNOX" get SECRET_0050)" = value-0050-0123456789abcdef ]
# A file of 10,000 (4.8 MB) in its own directory.
large="$work/large"
fixture "$large" 10000 5
[ "$(cd "$large" && env_of "$FNOX" get SECRET_05000)" = value-05000-0123456789abcdef ]
# The state a shell holds inside the project, so that hook-env finds nothing changed.
session=$(cd "$project" && env_of "$FNOX" hook-env -s bash | sed -n 's/^export __FNOX_SESSION=//p' | tr -d "'\";")
[ -n "$session" ] || { echo "hook-env gave no session state" >&2; exit 1; }
[ -z "$(cd "$project" && env_of __FNOX_SESSION="$session" "$FNOX" hook-env -s bash)" ] ||
    { echo "hook-env printed something when nothing changed" >&2; exit 1; }

count() { # [VAR=value...] command... -> instructions retired (in $project, or in $at when set)
    local out="$work/cg.out" vars=() tool=(--tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null)
    while [[ "$1" == *=* ]]; do vars+=("$1"); shift; done
    # --link-order: callgrind, which names every function it ran (mangled, as the linker knows them),
    # into a file named by the measure ($tag).
    $order && tool=(--tool=callgrind --demangle=no --compress-strings=no --callgrind-out-file="$work/calls.$tag")
    (cd "${at:-$project}" && env_of "${vars[@]}" valgrind "${tool[@]}" --log-file="$out" "$@" >/dev/null)
    sed -n -e 's/.*I *refs: *//p' -e 's/.*Collected : *//p' "$out" | tr -d ,
}

declare -A now
measure() {
    now[version]=$(tag=version count "$FNOX" --version)
    now[get]=$(tag=get count "$FNOX" get SECRET_0050)
    now[get_10000]=$(tag=get_10000 at=$large count "$FNOX" get SECRET_05000)
    now[exec_100]=$(tag=exec_100 count "$FNOX" exec -- /bin/true)
    now[hook_env_unchanged]=$(tag=hook_env_unchanged count __FNOX_SESSION="$session" "$FNOX" hook-env -s bash)
}
measure
names=(version get get_10000 exec_100 hook_env_unchanged)

if $order; then
    # The functions fnox's own binary ran, `get`'s first, each name once: the gate build's by the
    # names callgrind gives, then a release build's. Rust's mangled names carry a hash of the
    # profile, and the release binary is stripped, so it is linked with a link map (LINK_MAP with
    # RELEASE_FNOX, the binary that link made, or a link made here: as long as a release build)
    # and callgrind's addresses are looked up in it.
    names_of() { # bin [map] < callgrind outputs in order -> function names
        python3 -c '
import bisect, re, sys
binary, maps = sys.argv[1], sys.argv[2:]
sections = []
for path in maps:
    for line in open(path):
        m = re.match(r"\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s+\S.*\(\.text\.(?:unlikely\.|hot\.)?([^)]+)\)", line)
        if m:
            sections.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3)))
sections.sort()
starts = [s[0] for s in sections]
def name(fn):
    if not fn.startswith("0x"):
        return fn
    at = int(fn.split("\x27")[0], 16)
    i = bisect.bisect_right(starts, at) - 1
    return sections[i][2] if i >= 0 and at < starts[i] + sections[i][1] else None
seen, ob, cob = set(), None, None
for line in sys.stdin:
    key, _, value = line.rstrip("\n").partition("=")
    if key == "ob":
        ob = value
    elif key == "cob":
        cob = value
    elif key in ("fn", "cfn"):
        obj = (cob or ob) if key == "cfn" else ob
        cob = None
        n = name(value) if obj == binary else None
        if n and n not in seen:
            seen.add(n)
            print(n)
' "$@"
    }
    calls_in_order() { # get, --version, exec, the hook, get in 10,000
        for tag in get version exec_100 hook_env_unchanged get_10000; do cat "$work/calls.$tag"; done
        rm -f "$work"/calls.*
    }
    calls_in_order | names_of "$(realpath "$FNOX")" >"$work/gate.txt"
    map=${LINK_MAP:-}
    FNOX=${RELEASE_FNOX:-}
    if [ -z "$map" ] || [ -z "$FNOX" ]; then
        map="$work/release.map"
        cargo rustc --release --locked --quiet --bin fnox -- -C link-arg=-Wl,-Map="$map"
        # Absolute: each measure runs in its own directory (a relative CARGO_TARGET_DIR is the root's).
        FNOX="$(cd "${CARGO_TARGET_DIR:-$root/target}" && pwd)/release/fnox"
    fi
    measure
    calls_in_order | names_of "$(realpath "$FNOX")" "$map" >"$work/release.txt"
    cat "$work/gate.txt" "$work/release.txt" | awk '!seen[$0]++' >bench/link-order.txt
    echo "wrote bench/link-order.txt: $(wc -l <"$work/gate.txt") gate and $(wc -l <"$work/release.txt") release functions"
    exit 0
fi

if $update; then
    {
        echo "# Instructions retired per command (bench/instructions.sh --update; the \`gate\` profile, $(rustc --version | cut -d' ' -f1-2))."
        for n in "${names[@]}"; do echo "$n ${now[$n]}"; done
    } >"$baseline"
    echo "wrote $baseline:"
    cat "$baseline"
    exit 0
fi

[ -f "$baseline" ] || { echo "no $baseline: run bench/instructions.sh --update" >&2; exit 1; }
status=0
missing=0
printf '%-20s %14s %14s %8s\n' command baseline now change
for n in "${names[@]}"; do
    base=$(awk -v n="$n" '$1 == n { print $2 }' "$baseline")
    [ -n "$base" ] || { echo "$n: not in $baseline (run --update)" >&2; missing=1; continue; }
    change=$(awk -v a="${now[$n]}" -v b="$base" 'BEGIN { printf "%+.2f%%", (a - b) * 100 / b }')
    verdict=$(awk -v a="${now[$n]}" -v b="$base" -v l="$limit" \
        'BEGIN { d = (a - b) * 100 / b; print (d > l) ? "worse" : (d < -l) ? "better" : "ok" }')
    printf '%-20s %14s %14s %8s  %s\n' "$n" "$base" "${now[$n]}" "$change" "$verdict"
    [ "$verdict" = worse ] && status=1
    [ "$verdict" = better ] && echo "  $n is more than $limit% below its baseline: keep the gain with bench/instructions.sh --update" >&2
done
if [ "$status" -ne 0 ]; then
    echo "instruction counts grew by more than $limit%: find the cause (valgrind --tool=callgrind shows where)," >&2
    echo "or, when the growth is deliberate, run bench/instructions.sh --update and commit the baseline saying why" >&2
fi
[ "$missing" -eq 0 ] || echo "a command has no baseline yet: run bench/instructions.sh --update and commit it" >&2
[ "$status" -eq 0 ] && [ "$missing" -eq 0 ]
