#!/usr/bin/env bash
# Regenerates everything derived from the code (tests fail when any of it is out of date):
# completions/ (via gen-completions.sh), man/ (from the clap definition) and schema/fnox.schema.json
# (from the config model).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/gen-completions.sh
bin=target/debug/fnox
rm -f man/*.1
"$bin" __man man
"$bin" schema >schema/fnox.schema.json
