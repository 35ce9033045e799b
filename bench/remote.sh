#!/usr/bin/env bash
# Remote resolution benchmark: starts the moto AWS emulator on a free loopback port, creates a
# KMS key, and runs benches/remote.rs (100 values per provider, batched vs one at a time).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/test-tools/venv
if [ ! -x "$venv/bin/moto_server" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]'
fi
port=$("$venv/bin/python3" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null' EXIT
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench \
    AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
for _ in $(seq 100); do
    "$venv/bin/python3" -c "import urllib.request; urllib.request.urlopen('$AWS_ENDPOINT_URL/moto-api/')" 2>/dev/null && break
    sleep 0.1
done
FNOX_BENCH_KMS_KEY=$("$venv/bin/python3" -c 'import boto3; print(boto3.client("kms").create_key()["KeyMetadata"]["KeyId"])')
export FNOX_BENCH_KMS_KEY
cargo bench --bench remote
