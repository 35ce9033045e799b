#!/usr/bin/env bash
# Remote resolution benchmark: starts the moto AWS emulator, the Cosmian KMS server (built by
# scripts/cosmian-kms.sh) and the Azure Key Vault and Google Cloud stand-ins (tests/cli/support/;
# they hold every request 20 ms and 10 ms, a round trip to a nearby region) on free loopback
# ports, creates a KMS key, an AES key, a Key Vault RSA key and a Cloud KMS key, and runs
# benches/remote.rs (100 values per provider, batched vs one at a time; then `fnox get` of one
# Secrets Manager value with --no-daemon and from a warm per-user daemon).
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
# The Cosmian KMS server, on a throw-away SQLite database.
bash scripts/cosmian-kms.sh
ckms_bin="${FNOX_TEST_TOOLS_CACHE:-$HOME/.cache/fnox-test-tools}/cosmian_kms/bin/cosmian_kms"
ckms_dir=$(mktemp -d)
ckms_port=$("$venv/bin/python3" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$ckms_dir" && exec "$ckms_bin" --database-type sqlite --sqlite-path "$ckms_dir/db" --root-data-path "$ckms_dir" \
    --hostname 127.0.0.1 --port "$ckms_port" >/dev/null 2>&1) &
ckms=$!
# The Azure Key Vault and Google Cloud stand-ins (HTTPS, each with a CA of its own).
standins=$(mktemp -d)
az_port=$("$venv/bin/python3" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
gcp_port=$("$venv/bin/python3" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$venv/bin/python3" tests/cli/support/azure_keyvault_standin.py serve --port "$az_port" --dir "$standins/azure" >/dev/null 2>&1 &
az=$!
"$venv/bin/python3" tests/cli/support/gcp_standin.py serve --port "$gcp_port" --dir "$standins/gcp" >/dev/null 2>&1 &
gcp=$!
trap 'kill $moto $ckms $az $gcp 2>/dev/null; rm -rf "$ckms_dir" "$standins"' EXIT
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench \
    AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
for _ in $(seq 100); do
    "$venv/bin/python3" -c "import urllib.request; urllib.request.urlopen('$AWS_ENDPOINT_URL/moto-api/')" 2>/dev/null && break
    sleep 0.1
done
FNOX_BENCH_KMS_KEY=$("$venv/bin/python3" -c 'import boto3; print(boto3.client("kms").create_key()["KeyMetadata"]["KeyId"])')
export FNOX_BENCH_KMS_KEY
export COSMIAN_KMS_URL="http://127.0.0.1:$ckms_port"
# An active 256-bit AES key, made through the server's KMIP JSON API.
FNOX_BENCH_COSMIAN_KEY=$("$venv/bin/python3" - "$COSMIAN_KMS_URL" <<'PY'
import json, sys, time, urllib.request
url = sys.argv[1] + "/kmip/2_1"
def op(body):
    req = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))
for _ in range(100):
    try:
        op({"tag": "DiscoverVersions", "type": "Structure", "value": []})
        break
    except OSError:
        time.sleep(0.1)
def node(tag, kind, value):
    return {"tag": tag, "type": kind, "value": value}
created = op(node("Create", "Structure", [
    node("ObjectType", "Enumeration", "SymmetricKey"),
    node("Attributes", "Structure", [
        node("CryptographicAlgorithm", "Enumeration", "AES"),
        node("CryptographicLength", "Integer", 256),
        node("CryptographicUsageMask", "Integer", 12),
        node("ObjectType", "Enumeration", "SymmetricKey"),
    ]),
]))
uid = next(c["value"] for c in created["value"] if c["tag"] == "UniqueIdentifier")
op(node("Activate", "Structure", [node("UniqueIdentifier", "TextString", uid)]))
print(uid)
PY
)
export FNOX_BENCH_COSMIAN_KEY
for _ in $(seq 300); do
    [ -f "$standins/azure/ca.pem" ] && [ -f "$standins/gcp/ca.pem" ] && break
    sleep 0.1
done
cat "$standins/azure/ca.pem" "$standins/gcp/ca.pem" > "$standins/ca.pem"
export SSL_CERT_FILE="$standins/ca.pem" REQUESTS_CA_BUNDLE="$standins/ca.pem"
# Azure: a service principal of the stand-in's Entra ID, and an RSA key made by Microsoft's client.
export AZURE_TENANT_ID=00000000-0000-0000-0000-00000000f0c5 AZURE_CLIENT_ID=fnox-tests \
    AZURE_CLIENT_SECRET=test-client-secret AZURE_AUTHORITY_HOST="https://127.0.0.1:$az_port"
export FNOX_BENCH_AZURE_URL="https://127.0.0.1:$az_port"
"$venv/bin/python3" tests/cli/support/azure_sdk_client.py "$FNOX_BENCH_AZURE_URL" create-key fnox-bench >/dev/null
# Google Cloud: the stand-in's all-permissions service account, and a key made by Google's client.
export GOOGLE_APPLICATION_CREDENTIALS="$standins/gcp/sa.json"
export FNOX_GCP_SECRETMANAGER_ENDPOINT="https://127.0.0.1:$gcp_port" FNOX_GCP_KMS_ENDPOINT="https://127.0.0.1:$gcp_port" \
    FNOX_GCP_TOKEN_ENDPOINT="https://127.0.0.1:$gcp_port/token"
"$venv/bin/python3" tests/cli/support/gcp_sdk_client.py "$FNOX_GCP_KMS_ENDPOINT" kms-create fnox-bench global ring fnox-key >/dev/null
export FNOX_BENCH_GCP_PROJECT=fnox-bench
cargo bench --bench remote
