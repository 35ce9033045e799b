#!/usr/bin/env bash
# Builds the Cosmian KMS server (crates.io `cosmian_kms_server`, non-FIPS build) into a cache outside
# the clone, for the cosmian-kms provider's integration tests. Safe to run again: when the binary is
# there it does nothing. Prints nothing on success but progress on stderr.
#
#   ~/.cache/fnox-test-tools/cosmian_kms/bin/cosmian_kms   the server
#   ~/.cache/fnox-test-tools/cosmian_kms/target            cargo's target dir (kept, so a rebuild is quick)
set -euo pipefail

version=5.28.0
cache="${FNOX_TEST_TOOLS_CACHE:-$HOME/.cache/fnox-test-tools}/cosmian_kms"
bin="$cache/bin/cosmian_kms"

if [ -x "$bin" ] && [ "$(cat "$cache/version" 2>/dev/null)" = "$version" ]; then
    exit 0
fi

# Build dependencies: OpenSSL's headers (the openssl-sys crate links the system library) and
# pkg-config to find them.
missing=()
dpkg -s libssl-dev >/dev/null 2>&1 || missing+=(libssl-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing build dependencies of cosmian_kms_server: ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

src="$cache/src/cosmian_kms_server-$version"
if [ ! -f "$src/Cargo.toml" ]; then
    # cargo fetches the published crate (and its dependencies) through a scratch manifest; the
    # .crate it leaves in cargo's registry cache is the source that is then built.
    echo "fetching cosmian_kms_server $version from crates.io" >&2
    scratch="$cache/fetch"
    mkdir -p "$scratch/src" "$cache/src"
    cat > "$scratch/Cargo.toml" <<TOML
[package]
name = "fetch-cosmian-kms-server"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
cosmian_kms_server = { version = "=$version", default-features = false }
TOML
    echo 'fn main() {}' > "$scratch/src/main.rs"
    cargo fetch --quiet --manifest-path "$scratch/Cargo.toml"
    crate=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"cosmian_kms_server-$version.crate" | head -n 1)
    tar xzf "$crate" -C "$cache/src"
fi
# As published, the crate's `non-fips` feature also names `cosmian_kms_client_utils/non-fips`, a crate
# that is only a dev-dependency there, which `cargo install` refuses; drop that one entry.
sed -i '/^non-fips = \[/,/^\]/{/"cosmian_kms_client_utils\/non-fips",/d}' "$src/Cargo.toml"

echo "building cosmian_kms_server $version (non-fips); this takes a while" >&2
start=$(date +%s)
CARGO_TARGET_DIR="$cache/target" cargo install --locked --path "$src" --root "$cache" \
    --features non-fips -j "${COSMIAN_KMS_BUILD_JOBS:-2}" >&2
echo "$version" > "$cache/version"
echo "built cosmian_kms in $(( $(date +%s) - start ))s" >&2
