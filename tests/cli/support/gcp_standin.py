#!/usr/bin/env python3
"""A loopback STAND-IN for Google Cloud Secret Manager, Cloud KMS and Google's OAuth 2.0 token
endpoint, for fnox's tests only.

Neither service has an implementation that can be installed here (Secret Manager's emulators are
partial, Cloud KMS has none), so this server speaks the subset of their REST APIs (v1, JSON over
HTTPS) that fnox uses, with a certificate authority it generates at start-up (DIR/ca.pem). The
test suite runs Google's own Python clients (google-cloud-secret-manager, google-cloud-kms, REST
transport, google-auth credentials) against it before fnox, so every request shape it answers is
one the official SDK produces and accepts. It is not Google: its tokens are random strings, its
permissions a table below, and its KMS ciphertexts its own AES-256-GCM format.

    gcp_standin.py serve --port PORT --dir DIR

At start it writes key files to DIR: sa.json (a service account with every permission),
sa-no-access.json (one with none), adc.json (an `authorized_user` login as gcloud writes it), all
naming this server's /token as their token_uri; then ca.pem, once it listens.

Served:
  OAuth      POST /token (jwt-bearer: an RS256 JWT signed by a key file's key; refresh_token)
  Secrets    GET  /v1/projects/P/secrets[/S]; POST /v1/projects/P/secrets?secretId=S
             POST /v1/projects/P/secrets/S:addVersion; GET /v1/projects/P/secrets/S/versions/V:access
  KMS        POST /v1/projects/P/locations/L/keyRings?keyRingId=R; .../keyRings/R/cryptoKeys?cryptoKeyId=K
             GET  .../cryptoKeys/K; POST .../cryptoKeys/K:encrypt, :decrypt, :updatePrimaryVersion
             POST .../cryptoKeys/K/cryptoKeyVersions (a new version)
  test aids  GET /_standin/stats?project=P (requests for P, most in flight at once, distinct
             bearer tokens P saw; tokens issued in all)
"""

import base64
import datetime
import ipaddress
import json
import os
import re
import secrets
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.x509.oid import NameOID

PROJECT = "fnox-test"
ALL = {"secrets.access", "secrets.add", "secrets.create", "secrets.list",
       "kms.get", "kms.use", "kms.admin"}
# Identity -> permissions.
PERMISSIONS = {
    f"fnox-tests@{PROJECT}.iam.gserviceaccount.com": ALL,
    f"fnox-no-access@{PROJECT}.iam.gserviceaccount.com": set(),
    "user:adc-login": ALL,
}
USER_LOGIN = {"client_id": "standin-client.apps.googleusercontent.com",
              "client_secret": "standin-client-secret", "refresh_token": "standin-refresh-token"}
# The SDK sends enums as numbers (`$alt=json;enum-encoding=int`); replies use their names.
PURPOSES = {None: "ENCRYPT_DECRYPT", 1: "ENCRYPT_DECRYPT", 5: "ASYMMETRIC_SIGN", 6: "ASYMMETRIC_DECRYPT"}
ID = re.compile(r"^[A-Za-z0-9_-]{1,255}$")

LOCK = threading.Lock()
PUBLIC_KEYS = {}  # service account email -> RSA public key
TOKENS = {}  # token -> identity
SECRETS = {}  # "projects/P/secrets/S" -> {"created", "versions": [(state, bytes)]}
KEYRINGS = set()
KEYS = {}  # key name -> {"tag": bytes, "versions": [aes key bytes], "primary": int (1-based), "purpose"}
TOKENS_ISSUED = [0]
STATS = {}  # project -> {"requests", "in_flight", "max_in_flight"}


def b64(data):
    return base64.b64encode(data).decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def stamp():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def error(status, code, message):
    return status, {"error": {"code": status, "message": message, "status": code}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def dispatch(self, method):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        m = re.match(r"^/v1/projects/([^/]+)/", url.path)
        with LOCK:
            st = STATS.setdefault(m.group(1) if m else "", {"requests": 0, "in_flight": 0, "max_in_flight": 0, "bearers": set()})
            st["requests"] += 1
            st["bearers"].add(self.headers.get("Authorization") or "")
            st["in_flight"] += 1
            st["max_in_flight"] = max(st["max_in_flight"], st["in_flight"])
        try:
            if url.path == "/_standin/stats":
                with LOCK:
                    st = STATS.get(query.get("project", ""), {"requests": 0, "max_in_flight": 0, "bearers": ()})
                    return self.reply(200, {"requests": st["requests"], "max_in_flight": st["max_in_flight"],
                                            "tokens": len(st["bearers"]), "tokens_issued": TOKENS_ISSUED[0]})
            if url.path == "/token" and method == "POST":
                return self.reply(*token(raw))
            if not url.path.startswith("/v1/"):
                return self.reply(*error(404, "NOT_FOUND", f"no route {url.path}"))
            auth = self.headers.get("Authorization") or ""
            bearer = auth[7:] if auth.startswith("Bearer ") else ""
            with LOCK:
                who = TOKENS.get(bearer)
            if who is None:
                who = self_signed(bearer)
            if who is None:
                return self.reply(*error(401, "UNAUTHENTICATED",
                                         "Request had invalid authentication credentials. Expected OAuth 2 access token."))
            body = json.loads(raw) if raw else {}
            time.sleep(0.01)  # so concurrent requests overlap
            return self.reply(*api(method, url.path[4:], query, body, PERMISSIONS.get(who, set())))
        except Exception as e:  # a stand-in bug: say so plainly
            return self.reply(500, {"error": {"code": 500, "message": repr(e), "status": "INTERNAL"}})
        finally:
            with LOCK:
                st["in_flight"] -= 1

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")


def verify_jwt(jwt):
    """The claims of an RS256 JWT signed by one of the key files' keys, or None."""
    try:
        head, claims, sig = jwt.split(".")
        header = json.loads(unb64url(head))
        payload = json.loads(unb64url(claims))
        public = PUBLIC_KEYS.get(payload.get("iss"))
        if public is None or header.get("alg") != "RS256":
            return None
        public.verify(unb64url(sig), f"{head}.{claims}".encode(), padding.PKCS1v15(), hashes.SHA256())
        return payload
    except (ValueError, InvalidSignature):
        return None


def self_signed(bearer):
    """A service account's self-signed JWT used directly as the bearer token (what Google's client
    libraries send with a key file): its identity, or None."""
    payload = verify_jwt(bearer)
    if payload is None or not payload.get("iat", 0) - 300 <= time.time() <= payload.get("exp", 0):
        return None
    return payload["iss"]


def issue(identity):
    t = "ya29.standin-" + secrets.token_urlsafe(24)
    with LOCK:
        TOKENS[t] = identity
        TOKENS_ISSUED[0] += 1
    return 200, {"access_token": t, "expires_in": 3599, "token_type": "Bearer"}


def token(raw):
    form = dict(urllib.parse.parse_qsl(raw.decode()))
    grant = form.get("grant_type")
    if grant == "urn:ietf:params:oauth:grant-type:jwt-bearer":
        payload = verify_jwt(form.get("assertion", ""))
        if payload is None:
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
        now = time.time()
        if not payload.get("aud", "").endswith("/token") or not (payload.get("iat", 0) - 300 <= now <= payload.get("exp", 0)):
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe."}
        if "cloud-platform" not in payload.get("scope", ""):
            return 400, {"error": "invalid_scope", "error_description": "Invalid OAuth scope or ID token audience provided."}
        return issue(payload["iss"])
    if grant == "refresh_token":
        if all(form.get(k) == v for k, v in USER_LOGIN.items()):
            return issue("user:adc-login")
        return 400, {"error": "invalid_grant", "error_description": "Bad Request"}
    return 400, {"error": "unsupported_grant_type", "error_description": f"Invalid grant_type: {grant}"}


def denied(permission, resource):
    return error(403, "PERMISSION_DENIED",
                 f"Permission '{permission}' denied for resource '{resource}' (or it may not exist).")


def api(method, path, query, body, perms):
    m = re.match(r"^projects/([^/]+)/secrets(?:/([^/:]+))?(?:/versions/([^/:]+))?(?::(\w+))?$", path)
    if m:
        return secret_manager(method, m.group(1), m.group(2), m.group(3), m.group(4), query, body, perms)
    m = re.match(r"^(projects/[^/]+/locations/[^/]+)/keyRings(?:/([^/:]+))?(?:/cryptoKeys(?:/([^/:]+))?)?(/cryptoKeyVersions)?(?::(\w+))?$", path)
    if m:
        return kms(method, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), query, body, perms)
    return error(404, "NOT_FOUND", f"no route {path}")


def secret_manager(method, project, secret, version, verb, query, body, perms):
    parent = f"projects/{project}"
    if secret is None and verb is None:
        if method == "GET":
            if "secrets.list" not in perms:
                return denied("secretmanager.secrets.list", parent)
            with LOCK:
                names = sorted(n for n in SECRETS if n.startswith(parent + "/"))
            return 200, {"secrets": [{"name": n, "replication": {"automatic": {}}} for n in names],
                         "totalSize": len(names)}
        if method == "POST":
            sid = query.get("secretId", "")
            if "secrets.create" not in perms:
                return denied("secretmanager.secrets.create", parent)
            if not ID.match(sid):
                return error(400, "INVALID_ARGUMENT", "Secret id is invalid.")
            if "replication" not in body:
                return error(400, "INVALID_ARGUMENT", "Secret.replication is required.")
            name = f"{parent}/secrets/{sid}"
            with LOCK:
                if name in SECRETS:
                    return error(409, "ALREADY_EXISTS", f"Secret [{name}] already exists.")
                SECRETS[name] = {"created": stamp(), "versions": []}
            return 200, {"name": name, "replication": body["replication"], "createTime": SECRETS[name]["created"]}
    name = f"{parent}/secrets/{secret}"
    with LOCK:
        entry = SECRETS.get(name)
    if version is None and verb == "addVersion" and method == "POST":
        if "secrets.add" not in perms:
            return denied("secretmanager.versions.add", name)
        if entry is None:
            return error(404, "NOT_FOUND", f"Secret [{name}] not found or has no versions.")
        data = base64.b64decode(body.get("payload", {}).get("data", ""))
        with LOCK:
            entry["versions"].append(["ENABLED", data])
            n = len(entry["versions"])
        return 200, {"name": f"{name}/versions/{n}", "createTime": stamp(), "state": "ENABLED"}
    if version is None and verb is None and method == "GET":
        if "secrets.access" not in perms:
            return denied("secretmanager.secrets.get", name)
        if entry is None:
            return error(404, "NOT_FOUND", f"Secret [{name}] not found.")
        return 200, {"name": name, "replication": {"automatic": {}}, "createTime": entry["created"]}
    if version is not None and verb == "access" and method == "GET":
        if "secrets.access" not in perms:
            return denied("secretmanager.versions.access", f"{name}/versions/{version}")
        with LOCK:
            versions = list(entry["versions"]) if entry else []
        if version == "latest":
            enabled = [i for i, (state, _) in enumerate(versions) if state == "ENABLED"]
            index = enabled[-1] if enabled else None
        elif version.isdigit() and 1 <= int(version) <= len(versions):
            index = int(version) - 1
        else:
            index = None
        if index is None:
            return error(404, "NOT_FOUND", f"Secret [{name}] not found or has no versions.")
        return 200, {"name": f"{name}/versions/{index + 1}", "payload": {"data": b64(versions[index][1])}}
    return error(404, "NOT_FOUND", f"no route for {method} {name} {version} {verb}")


def kms(method, location, ring, key, versions, verb, query, body, perms):
    if ring is None:
        rid = query.get("keyRingId", "")
        if method != "POST" or not ID.match(rid):
            return error(400, "INVALID_ARGUMENT", "bad key ring request")
        if "kms.admin" not in perms:
            return denied("cloudkms.keyRings.create", location)
        name = f"{location}/keyRings/{rid}"
        with LOCK:
            if name in KEYRINGS:
                return error(409, "ALREADY_EXISTS", f"KeyRing {name} already exists.")
            KEYRINGS.add(name)
        return 200, {"name": name, "createTime": stamp()}
    ring_name = f"{location}/keyRings/{ring}"
    if key is None:
        kid = query.get("cryptoKeyId", "")
        if method != "POST" or not ID.match(kid):
            return error(400, "INVALID_ARGUMENT", "bad crypto key request")
        if "kms.admin" not in perms:
            return denied("cloudkms.cryptoKeys.create", ring_name)
        name = f"{ring_name}/cryptoKeys/{kid}"
        with LOCK:
            if ring_name not in KEYRINGS:
                return error(404, "NOT_FOUND", f"KeyRing {ring_name} not found.")
            if name in KEYS:
                return error(409, "ALREADY_EXISTS", f"CryptoKey {name} already exists.")
            KEYS[name] = {"tag": secrets.token_bytes(8), "versions": [AESGCM.generate_key(256)],
                          "primary": 1, "purpose": PURPOSES.get(body.get("purpose"), body.get("purpose"))}
        return 200, describe(name)
    name = f"{ring_name}/cryptoKeys/{key}"
    with LOCK:
        entry = KEYS.get(name)
    if versions and verb is None and method == "POST":
        if "kms.admin" not in perms:
            return denied("cloudkms.cryptoKeyVersions.create", name)
        if entry is None:
            return error(404, "NOT_FOUND", f"CryptoKey {name} not found.")
        with LOCK:
            entry["versions"].append(AESGCM.generate_key(256))
            n = len(entry["versions"])
        return 200, {"name": f"{name}/cryptoKeyVersions/{n}", "state": "ENABLED", "createTime": stamp()}
    if verb is None and method == "GET":
        if "kms.get" not in perms:
            return denied("cloudkms.cryptoKeys.get", name)
        if entry is None:
            return error(404, "NOT_FOUND", f"CryptoKey {name} not found.")
        return 200, describe(name)
    if verb == "updatePrimaryVersion" and method == "POST":
        if "kms.admin" not in perms:
            return denied("cloudkms.cryptoKeys.update", name)
        if entry is None:
            return error(404, "NOT_FOUND", f"CryptoKey {name} not found.")
        n = int(body.get("cryptoKeyVersionId", "0"))
        if not 1 <= n <= len(entry["versions"]):
            return error(400, "INVALID_ARGUMENT", "no such version")
        with LOCK:
            entry["primary"] = n
        return 200, describe(name)
    if verb in ("encrypt", "decrypt") and method == "POST":
        if "kms.use" not in perms:
            return denied(f"cloudkms.cryptoKeyVersions.use{'To' + verb.capitalize()}", name)
        if entry is None:
            return error(404, "NOT_FOUND", f"CryptoKey {name} not found.")
        aad = base64.b64decode(body.get("additionalAuthenticatedData", ""))
        if verb == "encrypt":
            plaintext = base64.b64decode(body.get("plaintext", ""))
            if len(plaintext) > 65536:
                return error(400, "INVALID_ARGUMENT", "The plaintext is too large.")
            n = entry["primary"]
            nonce = secrets.token_bytes(12)
            blob = entry["tag"] + n.to_bytes(4, "big") + nonce + AESGCM(entry["versions"][n - 1]).encrypt(nonce, plaintext, aad)
            return 200, {"name": f"{name}/cryptoKeyVersions/{n}", "ciphertext": b64(blob),
                         "protectionLevel": "SOFTWARE"}
        blob = base64.b64decode(body.get("ciphertext", ""))
        bad = error(400, "INVALID_ARGUMENT", "Decryption failed: the ciphertext is invalid.")
        if len(blob) < 8 + 4 + 12 + 16 or blob[:8] != entry["tag"]:
            return bad
        n = int.from_bytes(blob[8:12], "big")
        if not 1 <= n <= len(entry["versions"]):
            return bad
        try:
            plaintext = AESGCM(entry["versions"][n - 1]).decrypt(blob[12:24], blob[24:], aad)
        except InvalidTag:
            return bad
        return 200, {"plaintext": b64(plaintext), "usedPrimary": n == entry["primary"],
                     "protectionLevel": "SOFTWARE"}
    return error(404, "NOT_FOUND", f"no route for {method} {name} {verb}")


def describe(name):
    entry = KEYS[name]
    return {"name": name, "purpose": entry["purpose"], "createTime": stamp(),
            "primary": {"name": f"{name}/cryptoKeyVersions/{entry['primary']}", "state": "ENABLED",
                        "algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION", "protectionLevel": "SOFTWARE"},
            "versionTemplate": {"algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION", "protectionLevel": "SOFTWARE"}}


def make_tls(directory):
    """A CA and a server certificate for localhost / 127.0.0.1 signed by it; returns an SSL context."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fnox test CA (Google Cloud stand-in)")])
    start = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5)
    end = start + datetime.timedelta(days=2)
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(start).not_valid_after(end)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = lambda c: c.public_bytes(serialization.Encoding.PEM)
    with open(os.path.join(directory, "server.pem"), "wb") as f:
        f.write(pem(cert))
    with open(os.path.join(directory, "server-key.pem"), "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.path.join(directory, "server.pem"), os.path.join(directory, "server-key.pem"))
    return ctx, pem(ca)


def write_key_files(directory, origin):
    token_uri = origin + "/token"
    for file, user in (("sa.json", "fnox-tests"), ("sa-no-access.json", "fnox-no-access")):
        email = f"{user}@{PROJECT}.iam.gserviceaccount.com"
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        PUBLIC_KEYS[email] = private.public_key()
        pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()).decode()
        info = {"type": "service_account", "project_id": PROJECT, "private_key_id": secrets.token_hex(20),
                "private_key": pem, "client_email": email, "client_id": str(secrets.randbelow(10**20)),
                "auth_uri": origin + "/auth", "token_uri": token_uri}
        with open(os.path.join(directory, file), "w") as f:
            json.dump(info, f)
    with open(os.path.join(directory, "adc.json"), "w") as f:
        json.dump(dict(USER_LOGIN, type="authorized_user", token_uri=token_uri), f)


def serve(port, directory):
    os.makedirs(directory, exist_ok=True)
    tls, ca = make_tls(directory)
    write_key_files(directory, f"https://127.0.0.1:{port}")
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    tmp = os.path.join(directory, "ca.pem.tmp")
    with open(tmp, "wb") as f:
        f.write(ca)
    os.replace(tmp, os.path.join(directory, "ca.pem"))  # ca.pem appears once the server listens
    server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "serve" and sys.argv[2] == "--port" and sys.argv[4] == "--dir":
        serve(int(sys.argv[3]), sys.argv[5])
    else:
        sys.exit(__doc__)
