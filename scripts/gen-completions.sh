#!/usr/bin/env bash
# Regenerates completions/ from the CLI definition (a test fails when they are out of date).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/fnox
"$bin" completion bash >completions/fnox.bash
"$bin" completion zsh >completions/_fnox
"$bin" completion fish >completions/fnox.fish
"$bin" completion elvish >completions/fnox.elvish
"$bin" completion powershell >completions/_fnox.ps1
