#!/usr/bin/env python3
"""A loopback STAND-IN for Azure Key Vault and Microsoft Entra ID, for fnox's tests only.

No Azure Key Vault implementation can be installed on a test machine, so this server speaks the
subset of the Key Vault REST API and of Entra ID's OAuth 2.0 endpoints that fnox uses, over HTTPS
with a certificate authority it generates at start-up (written to DIR/ca.pem). The test suite runs
Microsoft's own Python clients (azure-identity, azure-keyvault-secrets, azure-keyvault-keys)
against it before fnox, so every request shape it answers is one the official SDK produces and
accepts. It is not Azure: its tokens are random strings, its permissions a table below.

    azure_keyvault_standin.py serve --port PORT --dir DIR
    azure_keyvault_standin.py az --server URL --ca CA.pem account get-access-token ...   (an `az`)

Served:
  Entra ID   POST /{tenant}/oauth2/v2.0/token (client_credentials with a secret or an assertion)
             GET  /{tenant}/v2.0/.well-known/openid-configuration, GET /common/discovery/instance
  managed    GET  /metadata/identity/oauth2/token (IMDS, `Metadata: true`)
  identity   GET  /msi/token (App Service, `X-IDENTITY-HEADER`)
  Key Vault  [/VAULT]/secrets/NAME[/VERSION] GET, PUT; /secrets, /secrets/NAME/versions GET
             [/VAULT]/keys/NAME/create POST; /keys/NAME[/VERSION] GET; /keys/NAME/versions GET
             [/VAULT]/keys/NAME/[VERSION]/encrypt|decrypt POST (RSA-OAEP-256, RSA-OAEP, RSA1_5)
  test aids  GET /_standin/vault?name=VAULT (a listener of its own for vault VAULT: its URL)
             GET /_standin/stats?vault=VAULT (requests, distinct tokens, most in flight at once)
A vault is selected by its listener (the first one serves vault "default"), or on any listener by
an optional first path segment VAULT (object ids then carry it; the SDK only accepts ids without).
"""

import base64
import datetime
import json
import os
import re
import secrets
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

TENANT = "00000000-0000-0000-0000-00000000f0c5"
KV_RESOURCE = "https://vault.azure.net"
KV_SCOPE = KV_RESOURCE + "/.default"
IDENTITY_HEADER = "standin-identity-header"
# Client id -> (client secret, federated assertion, permissions). Permissions: "secrets" (get, set,
# list), "keys-get", "crypto" (encrypt, decrypt), "keys-create".
CLIENTS = {
    "fnox-tests": ("test-client-secret", "test-federated-assertion",
                   {"secrets", "keys-get", "crypto", "keys-create"}),
    "fnox-no-access": ("test-client-secret", None, set()),
    "fnox-crypto-only": ("test-client-secret", None, {"crypto"}),
    # What managed identity and the `az` stand-in authenticate as.
    "managed-identity": (None, None, {"secrets", "keys-get", "crypto"}),
    "az-cli-user": ("az-cli-secret", None, {"secrets", "keys-get", "crypto"}),
}
API_VERSIONS = {"7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "2025-07-01"}
NAME = re.compile(r"^[0-9a-zA-Z-]{1,127}$")

LOCK = threading.Lock()
TOKENS = {}  # token -> {"client", "scope", "expires"}
VAULTS = {}  # vault -> {"secrets": {name: [bundle...]}, "keys": {name: [(version, private_key, bundle)...]}}
STATS = {}  # vault -> {"requests", "tokens" (set), "in_flight", "max_in_flight"}


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def now():
    return int(time.time())


def vault(name):
    return VAULTS.setdefault(name, {"secrets": {}, "keys": {}})


def kv_error(status, code, message, inner=None):
    body = {"error": {"code": code, "message": message}}
    if inner:
        body["error"]["innererror"] = {"code": inner}
    return status, body


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    # --- plumbing -------------------------------------------------------------------------
    def origin(self):
        return "https://" + (self.headers.get("Host") or "localhost")

    def reply(self, status, body, headers=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def dispatch(self, method):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        raw = self.body()
        path = url.path
        try:
            if path == "/_standin/vault":
                return self.reply(200, {"url": f"https://127.0.0.1:{open_vault(query['name'])}"})
            if path == "/_standin/stats":
                with LOCK:
                    st = STATS.get(query.get("vault", "default"), {})
                    return self.reply(200, {"requests": st.get("requests", 0),
                                            "tokens": len(st.get("tokens", ())),
                                            "max_in_flight": st.get("max_in_flight", 0)})
            m = re.match(r"^/([^/]+)/oauth2/v2\.0/token$", path)
            if m and method == "POST":
                return self.reply(*self.entra_token(m.group(1), raw))
            m = re.match(r"^/([^/]+)/v2\.0/\.well-known/openid-configuration$", path)
            if m and method == "GET":
                return self.reply(200, self.oidc(m.group(1)))
            if path == "/common/discovery/instance" and method == "GET":
                return self.reply(200, self.instance_discovery())
            if path == "/metadata/identity/oauth2/token" and method == "GET":
                if self.headers.get("Metadata") != "true":
                    return self.reply(400, {"error": "invalid_request",
                                            "error_description": "Required metadata header not specified"})
                return self.reply(*self.managed_token(query, "2018-02-01"))
            if path == "/msi/token" and method == "GET":
                if self.headers.get("X-IDENTITY-HEADER") != IDENTITY_HEADER:
                    return self.reply(401, {"error": "unauthorized", "error_description": "bad X-IDENTITY-HEADER"})
                return self.reply(*self.managed_token(query, "2019-08-01"))
            return self.key_vault(method, path, query, raw)
        except Exception as e:  # a stand-in bug: say so plainly
            return self.reply(500, {"error": {"code": "StandInError", "message": repr(e)}})

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_PUT(self):
        self.dispatch("PUT")

    # --- Entra ID -------------------------------------------------------------------------
    def oidc(self, tenant):
        base = f"{self.origin()}/{tenant}"
        return {
            "token_endpoint": f"{base}/oauth2/v2.0/token",
            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
            "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
            "issuer": f"{base}/v2.0",
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "jwks_uri": f"{base}/discovery/v2.0/keys",
        }

    def instance_discovery(self):
        host = self.headers.get("Host") or "localhost"
        return {
            "tenant_discovery_endpoint": f"{self.origin()}/{TENANT}/v2.0/.well-known/openid-configuration",
            "api-version": "1.1",
            "metadata": [{"preferred_network": host, "preferred_cache": host, "aliases": [host]}],
        }

    def issue(self, client, scope):
        token = "standin." + secrets.token_hex(24)
        expires = now() + 3600
        with LOCK:
            TOKENS[token] = {"client": client, "scope": scope, "expires": expires}
        return token, expires

    def entra_token(self, tenant, raw):
        form = dict(urllib.parse.parse_qsl(raw.decode()))
        if tenant != TENANT:
            return 400, {"error": "invalid_request",
                         "error_description": f"AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID."}
        if form.get("grant_type") != "client_credentials":
            return 400, {"error": "unsupported_grant_type",
                         "error_description": "AADSTS70003: The app requested an unsupported grant type."}
        client = form.get("client_id", "")
        if client not in CLIENTS:
            return 400, {"error": "unauthorized_client",
                         "error_description": f"AADSTS700016: Application with identifier '{client}' was not found in the directory."}
        secret, assertion, _ = CLIENTS[client]
        if "client_assertion" in form:
            ok = assertion is not None and form.get("client_assertion") == assertion and \
                form.get("client_assertion_type") == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        else:
            ok = secret is not None and form.get("client_secret") == secret
        if not ok:
            return 401, {"error": "invalid_client",
                         "error_description": f"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{client}'."}
        scope = form.get("scope", "")
        if KV_SCOPE not in scope.split():
            return 400, {"error": "invalid_scope",
                         "error_description": f"AADSTS70011: The provided value for scope '{scope}' is not valid here (the stand-in issues tokens for {KV_SCOPE})."}
        token, expires = self.issue(client, KV_SCOPE)
        return 200, {"token_type": "Bearer", "expires_in": 3600, "ext_expires_in": 3600, "access_token": token}

    def managed_token(self, query, api_version):
        if query.get("api-version") != api_version:
            return 400, {"error": "invalid_request", "error_description": "api-version is missing or wrong"}
        resource = query.get("resource", "")
        if resource.rstrip("/") != KV_RESOURCE and resource != KV_SCOPE:
            return 400, {"error": "invalid_resource", "error_description": f"AADSTS500011: resource '{resource}' not found"}
        token, expires = self.issue("managed-identity", KV_SCOPE)
        reply = {"access_token": token, "expires_on": str(expires), "resource": KV_RESOURCE,
                 "token_type": "Bearer", "client_id": "managed-identity"}
        if api_version == "2018-02-01":
            # IMDS also says how long the token lasts; App Service only when it ends.
            reply.update(expires_in="3600", not_before=str(expires - 3600), refresh_token="")
        return 200, reply

    # --- Key Vault ------------------------------------------------------------------------
    def challenge(self, message):
        header = f'Bearer authorization="{self.origin()}/{TENANT}", resource="{KV_RESOURCE}"'
        return self.reply(*kv_error(401, "Unauthorized", message), headers={"WWW-Authenticate": header})

    def key_vault(self, method, path, query, raw):
        m = re.match(r"^(?:/(?!secrets/|keys/)([0-9a-zA-Z-]+))?/(secrets|keys)(/.*)?$", path)
        if not m:
            return self.reply(*kv_error(404, "NotFound", f"no such endpoint: {method} {path}"))
        vault_name = m.group(1) or self.server.vault_name
        self.prefixed = m.group(1) is not None
        kind, rest = m.group(2), (m.group(3) or "")
        with LOCK:
            st = STATS.setdefault(vault_name, {"requests": 0, "tokens": set(), "in_flight": 0, "max_in_flight": 0})
            st["requests"] += 1
            st["in_flight"] += 1
            st["max_in_flight"] = max(st["max_in_flight"], st["in_flight"])
            st["tokens"].add(self.headers.get("Authorization", ""))
        try:
            # Hold each request a moment, so concurrent clients overlap measurably.
            time.sleep(0.02)
            auth = self.headers.get("Authorization", "")
            if not auth.startswith("Bearer "):
                return self.challenge("AKV10000: Request is missing a Bearer or PoP token.")
            with LOCK:
                token = TOKENS.get(auth[len("Bearer "):])
            if token is None or token["expires"] < now():
                return self.challenge("AKV10022: Invalid audience or token.")
            version = query.get("api-version")
            if version not in API_VERSIONS:
                return self.reply(*kv_error(400, "BadParameter", f"The specified version ({version}) is not recognized. Consider using the latest supported version."))
            perms = CLIENTS[token["client"]][2]
            with LOCK:
                v = vault(vault_name)
                if kind == "secrets":
                    return self.reply(*self.secrets(v, vault_name, method, rest, raw, perms, token["client"]))
                return self.reply(*self.keys(v, vault_name, method, rest, raw, perms, token["client"]))
        finally:
            with LOCK:
                st["in_flight"] -= 1

    def forbidden(self, client, action):
        return kv_error(403, "Forbidden",
                        f"Caller is not authorized to perform action on resource. If role assignments, deny assignments or role definitions were changed recently, please observe propagation time. Caller: appid={client}; Action: '{action}'",
                        "ForbiddenByRbac")

    def base(self, vault_name):
        return self.origin() + (f"/{vault_name}" if self.prefixed else "")

    def secrets(self, v, vault_name, method, rest, raw, perms, client):
        store = v["secrets"]
        parts = [p for p in rest.split("/")[1:]]
        if "secrets" not in perms:
            return self.forbidden(client, "Microsoft.KeyVault/vaults/secrets/getSecret/action")
        if method == "GET" and not parts:
            items = [{"id": f"{self.base(vault_name)}/secrets/{n}", "attributes": vs[-1]["attributes"]}
                     for n, vs in sorted(store.items())]
            limit = int(parse_q(self.path).get("maxresults", "25"))
            return 200, {"value": items[:limit], "nextLink": None}
        name = parts[0] if parts else ""
        if not NAME.match(name):
            return kv_error(400, "BadParameter", "The request URI contains an invalid name: " + name)
        if method == "PUT" and len(parts) == 1:
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                return kv_error(400, "BadParameter", "The request body is not JSON")
            if not isinstance(body.get("value"), str):
                return kv_error(400, "BadParameter", "Property value is required")
            ver = secrets.token_hex(16)
            t = now()
            bundle = {"value": body["value"], "id": f"{self.base(vault_name)}/secrets/{name}/{ver}",
                      "attributes": {"enabled": True, "created": t, "updated": t,
                                     "recoveryLevel": "Recoverable+Purgeable", "recoverableDays": 90},
                      "tags": body.get("tags") or {}}
            if "contentType" in body:
                bundle["contentType"] = body["contentType"]
            store.setdefault(name, []).append(bundle)
            return 200, bundle
        if method == "GET" and len(parts) == 2 and parts[1] == "versions":
            if name not in store:
                return self.secret_not_found(name)
            return 200, {"value": [{"id": b["id"], "attributes": b["attributes"]} for b in store[name]], "nextLink": None}
        if method == "GET" and len(parts) in (1, 2):
            versions = store.get(name)
            if not versions:
                return self.secret_not_found(name)
            if len(parts) == 2 and parts[1]:
                found = [b for b in versions if b["id"].endswith("/" + parts[1])]
                if not found:
                    return kv_error(404, "SecretNotFound", f"A secret with (name/id) {name}/{parts[1]} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182")
                return 200, found[0]
            return 200, versions[-1]
        return kv_error(405, "MethodNotAllowed", f"{method} is not allowed here")

    def secret_not_found(self, name):
        return kv_error(404, "SecretNotFound", f"A secret with (name/id) {name} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182")

    def key_not_found(self, name):
        return kv_error(404, "KeyNotFound", f"A key with (name/id) {name} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182")

    def keys(self, v, vault_name, method, rest, raw, perms, client):
        store = v["keys"]
        parts = rest.split("/")[1:]
        name = parts[0] if parts else ""
        if not NAME.match(name):
            return kv_error(400, "BadParameter", "The request URI contains an invalid name: " + name)
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            return kv_error(400, "BadParameter", "The request body is not JSON")
        if method == "POST" and parts[1:] == ["create"]:
            if "keys-create" not in perms:
                return self.forbidden(client, "Microsoft.KeyVault/vaults/keys/create/action")
            if body.get("kty") not in ("RSA", "RSA-HSM"):
                return kv_error(400, "BadParameter", "The stand-in creates RSA keys only")
            size = int(body.get("key_size") or 2048)
            private = rsa.generate_private_key(public_exponent=65537, key_size=size)
            numbers = private.public_key().public_numbers()
            ver = secrets.token_hex(16)
            t = now()
            bundle = {"key": {"kid": f"{self.base(vault_name)}/keys/{name}/{ver}", "kty": body["kty"],
                              "key_ops": body.get("key_ops") or ["encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"],
                              "n": b64url(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")),
                              "e": b64url(numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big"))},
                      "attributes": {"enabled": True, "created": t, "updated": t,
                                     "recoveryLevel": "Recoverable+Purgeable", "recoverableDays": 90},
                      "tags": body.get("tags") or {}}
            store.setdefault(name, []).append((ver, private, bundle))
            return 200, bundle
        versions = store.get(name)
        if method == "GET" and parts[1:] == ["versions"]:
            if "keys-get" not in perms:
                return self.forbidden(client, "Microsoft.KeyVault/vaults/keys/read")
            if not versions:
                return self.key_not_found(name)
            return 200, {"value": [{"kid": b["key"]["kid"], "attributes": b["attributes"]} for _, _, b in versions], "nextLink": None}
        if method == "GET" and len(parts) in (1, 2):
            if "keys-get" not in perms:
                return self.forbidden(client, "Microsoft.KeyVault/vaults/keys/read")
            found = pick(versions, parts[1] if len(parts) == 2 else "")
            if found is None:
                return self.key_not_found(name)
            return 200, found[2]
        if method == "POST" and len(parts) == 3 and parts[2] in ("encrypt", "decrypt"):
            if "crypto" not in perms:
                return self.forbidden(client, f"Microsoft.KeyVault/vaults/keys/{parts[2]}/action")
            found = pick(versions, parts[1])
            if found is None:
                return self.key_not_found(name + ("/" + parts[1] if parts[1] else ""))
            ver, private, bundle = found
            if parts[2] not in bundle["key"]["key_ops"]:
                return kv_error(403, "Forbidden", f"Operation {parts[2]} is not permitted on this key.", "KeyOperationForbidden")
            pad = {"RSA-OAEP-256": padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None),
                   "RSA-OAEP": padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None),
                   "RSA1_5": padding.PKCS1v15()}.get(body.get("alg"))
            if pad is None:
                return kv_error(400, "BadParameter", f"Invalid algorithm: {body.get('alg')}")
            try:
                value = unb64url(body.get("value") or "")
            except Exception:
                return kv_error(400, "BadParameter", "Property value is not base64url")
            try:
                if parts[2] == "encrypt":
                    out = private.public_key().encrypt(value, pad)
                else:
                    out = private.decrypt(value, pad)
            except Exception:
                return kv_error(400, "BadParameter", f"Unable to {parts[2]} the specified data with the key.")
            return 200, {"kid": bundle["key"]["kid"], "value": b64url(out)}
        return kv_error(405, "MethodNotAllowed", f"{method} is not allowed here")


def parse_q(path):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query))


def pick(versions, version):
    """A key's version (the latest for an empty version), or None."""
    if not versions:
        return None
    if not version:
        return versions[-1]
    for entry in versions:
        if entry[0] == version:
            return entry
    return None


def make_tls(directory):
    """A CA and a server certificate for localhost / 127.0.0.1 signed by it; returns an SSL context."""
    os.makedirs(directory, exist_ok=True)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fnox test CA (Key Vault stand-in)")])
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
    import ipaddress
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
    tmp = os.path.join(directory, "ca.pem.tmp")
    with open(tmp, "wb") as f:
        f.write(pem(ca))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.path.join(directory, "server.pem"), os.path.join(directory, "server-key.pem"))
    return ctx, tmp


TLS = None
LISTENERS = {}  # vault -> port


def listener(port, vault_name):
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.vault_name = vault_name
    server.socket = TLS.wrap_socket(server.socket, server_side=True)
    return server


def open_vault(name):
    """The port of vault `name`'s own listener, started on first use."""
    if not NAME.match(name):
        raise ValueError(f"bad vault name {name!r}")
    with LOCK:
        if name not in LISTENERS:
            server = listener(0, name)
            LISTENERS[name] = server.server_address[1]
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return LISTENERS[name]


def serve(port, directory):
    global TLS
    TLS, ca_tmp = make_tls(directory)
    server = listener(port, "default")
    # ca.pem appears only once the server listens.
    os.replace(ca_tmp, os.path.join(directory, "ca.pem"))
    server.serve_forever()


def az(argv):
    """A stand-in `az`: `login` records a login, `account get-access-token` prints a token as the
    Azure CLI does (minted by the stand-in's Entra endpoint for the `az-cli-user` identity)."""
    server = ca = None
    while argv and argv[0] in ("--server", "--ca"):
        if argv[0] == "--server":
            server = argv[1]
        else:
            ca = argv[1]
        argv = argv[2:]
    config = os.environ.get("AZURE_CONFIG_DIR") or os.path.join(os.path.expanduser("~"), ".azure")
    marker = os.path.join(config, "standin-login")
    if argv[:1] == ["login"]:
        os.makedirs(config, exist_ok=True)
        open(marker, "w").close()
        print("[]")
        return 0
    if argv[:2] != ["account", "get-access-token"]:
        print(f"ERROR: the az stand-in does not know `az {' '.join(argv)}`", file=sys.stderr)
        return 2
    args = argv[2:]
    opts = {}
    while args:
        if args[0] in ("--output", "-o", "--resource", "--scope", "--tenant", "-t", "--subscription"):
            opts[args[0]] = args[1]
            args = args[2:]
        else:
            print(f"ERROR: unrecognized arguments: {args[0]}", file=sys.stderr)
            return 2
    if opts.get("--output", opts.get("-o")) != "json":
        print("ERROR: the az stand-in prints json only", file=sys.stderr)
        return 2
    if not os.path.exists(marker):
        print("ERROR: Please run 'az login' to setup account.", file=sys.stderr)
        return 1
    resource = opts.get("--resource") or (opts.get("--scope") or "").removesuffix("/.default")
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "az-cli-user",
                                   "client_secret": CLIENTS["az-cli-user"][0], "scope": resource + "/.default"})
    tenant = opts.get("--tenant", opts.get("-t", TENANT))
    req = urllib.request.Request(f"{server}/{tenant}/oauth2/v2.0/token", data=form.encode(), method="POST")
    try:
        with urllib.request.urlopen(req, context=ssl.create_default_context(cafile=ca)) as r:
            token = json.load(r)
    except urllib.error.HTTPError as e:
        err = json.load(e)
        print(f"ERROR: {err.get('error_description')}", file=sys.stderr)
        return 1
    expires = now() + int(token["expires_in"])
    print(json.dumps({
        "accessToken": token["access_token"],
        "expiresOn": datetime.datetime.fromtimestamp(expires).strftime("%Y-%m-%d %H:%M:%S.%f"),
        "expires_on": expires,
        "subscription": "00000000-0000-0000-0000-000000000001",
        "tenant": tenant,
        "tokenType": "Bearer",
    }, indent=2))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        args = dict(zip(sys.argv[2::2], sys.argv[3::2]))
        serve(int(args["--port"]), args["--dir"])
    elif sys.argv[1:2] == ["az"]:
        sys.exit(az(sys.argv[2:]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
