#!/usr/bin/env python3
"""Microsoft's official Python clients (azure-identity, azure-keyvault-secrets,
azure-keyvault-keys) against the Key Vault stand-in: the proof that the request shapes the
stand-in answers are the SDK's, and the other side of fnox's interop tests.

    azure_sdk_client.py VAULT_URL COMMAND [ARGS...]

COMMAND: selftest | create-key NAME | encrypt KEY PLAINTEXT | decrypt KEY BASE64
         | set-secret NAME VALUE | set-secrets NAME=VALUE... | get-secret NAME [VERSION]
Ciphertexts are the standard base64 (with padding) of the raw RSA-OAEP-256 result, as upstream fnox
stores them. Credentials: AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET with
AZURE_AUTHORITY_HOST pointing at the stand-in; its CA comes from SSL_CERT_FILE / REQUESTS_CA_BUNDLE.
"""

import base64
import os
import sys

from azure.identity import (AzureCliCredential, ClientSecretCredential, ManagedIdentityCredential,
                            WorkloadIdentityCredential)
from azure.keyvault.keys import ApiVersion as KeysApiVersion, KeyClient
from azure.keyvault.keys.crypto import CryptographyClient, EncryptionAlgorithm
from azure.keyvault.secrets import ApiVersion as SecretsApiVersion, SecretClient

ALG = EncryptionAlgorithm.rsa_oaep_256
# The stand-in listens on 127.0.0.1, not on a *.vault.azure.net name, so the SDK's check that the
# challenge's resource matches the vault's domain is turned off; everything else is as shipped.
OPTS = {"verify_challenge_resource": False}


def credential(client_id=None):
    return ClientSecretCredential(
        os.environ["AZURE_TENANT_ID"],
        client_id or os.environ["AZURE_CLIENT_ID"],
        os.environ["AZURE_CLIENT_SECRET"],
        authority=os.environ["AZURE_AUTHORITY_HOST"],
        disable_instance_discovery=True,
    )


def secrets_client(url, cred=None):
    return SecretClient(url, cred or credential(), api_version=SecretsApiVersion.V7_4, **OPTS)


def keys_client(url, cred=None):
    return KeyClient(url, cred or credential(), api_version=KeysApiVersion.V7_4, **OPTS)


def crypto(url, key, cred=None):
    kc = keys_client(url, cred)
    k = kc.get_key(key)
    return CryptographyClient(k, cred or credential(), api_version=KeysApiVersion.V7_4, **OPTS)


def check(cond, what):
    if not cond:
        raise SystemExit(f"SDK self-test failed: {what}")


def selftest(url):
    tag = base64.b32encode(os.urandom(5)).decode().lower()
    # Secrets: set twice (two versions), read latest and pinned, list versions.
    sc = secrets_client(url)
    first = sc.set_secret(f"sdk-{tag}", "first value")
    second = sc.set_secret(f"sdk-{tag}", "second value")
    check(sc.get_secret(f"sdk-{tag}").value == "second value", "latest secret version")
    check(sc.get_secret(f"sdk-{tag}", first.properties.version).value == "first value", "pinned version")
    versions = {p.version for p in sc.list_properties_of_secret_versions(f"sdk-{tag}")}
    check(versions == {first.properties.version, second.properties.version}, "secret versions")
    # Keys: create an RSA key, encrypt (locally, from the public key the SDK fetches) and decrypt
    # (remotely) with RSA-OAEP-256.
    kc = keys_client(url)
    key = kc.create_rsa_key(f"sdk-{tag}", size=2048)
    cc = CryptographyClient(key, credential(), api_version=KeysApiVersion.V7_4, **OPTS)
    ct = cc.encrypt(ALG, b"sdk plaintext").ciphertext
    check(cc.decrypt(ALG, ct).plaintext == b"sdk plaintext", "decrypt")
    # An identity without keys/get: the SDK falls back to remote encrypt with the versionless key
    # id (POST /keys/NAME//encrypt), the path fnox uses in that case too.
    only = credential("fnox-crypto-only")
    remote = CryptographyClient(f"{url}/keys/sdk-{tag}", only, api_version=KeysApiVersion.V7_4, **OPTS)
    ct2 = remote.encrypt(ALG, b"remote").ciphertext
    check(remote.decrypt(ALG, ct2).plaintext == b"remote", "remote encrypt/decrypt")
    check(cc.decrypt(ALG, ct2).plaintext == b"remote", "remote ciphertext decrypts with the versioned id")
    # Managed identity (IMDS through AZURE_POD_IDENTITY_AUTHORITY_HOST, and App Service's
    # IDENTITY_ENDPOINT / IDENTITY_HEADER), workload identity, and the Azure CLI (the `az`
    # stand-in on PATH), each used for a real read.
    others = []
    if os.environ.get("AZURE_POD_IDENTITY_AUTHORITY_HOST"):
        others.append(("imds", ManagedIdentityCredential()))
    if os.environ.get("FNOX_TEST_APP_SERVICE_ENDPOINT"):
        saved = {k: os.environ.get(k) for k in ("IDENTITY_ENDPOINT", "IDENTITY_HEADER")}
        os.environ["IDENTITY_ENDPOINT"] = os.environ["FNOX_TEST_APP_SERVICE_ENDPOINT"]
        os.environ["IDENTITY_HEADER"] = os.environ["FNOX_TEST_APP_SERVICE_HEADER"]
        mi = ManagedIdentityCredential()
        mi.get_token("https://vault.azure.net/.default")
        others.append(("app-service", mi))
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    if os.environ.get("FNOX_TEST_FEDERATED_TOKEN_FILE"):
        others.append(("workload", WorkloadIdentityCredential(
            tenant_id=os.environ["AZURE_TENANT_ID"], client_id=os.environ["AZURE_CLIENT_ID"],
            token_file_path=os.environ["FNOX_TEST_FEDERATED_TOKEN_FILE"],
            authority=os.environ["AZURE_AUTHORITY_HOST"], disable_instance_discovery=True)))
    if os.environ.get("FNOX_TEST_AZ"):
        others.append(("az", AzureCliCredential()))
    for label, cred in others:
        got = secrets_client(url, cred).get_secret(f"sdk-{tag}").value
        check(got == "second value", f"read with {label} credential")
    print("ok " + " ".join(["client-secret"] + [label for label, _ in others]))


def main(argv):
    url, command, args = argv[0], argv[1], argv[2:]
    if command == "selftest":
        selftest(url)
    elif command == "create-key":
        print(keys_client(url).create_rsa_key(args[0], size=2048).id)
    elif command == "encrypt":
        ct = crypto(url, args[0]).encrypt(ALG, args[1].encode()).ciphertext
        print(base64.b64encode(ct).decode())
    elif command == "decrypt":
        pt = crypto(url, args[0]).decrypt(ALG, base64.b64decode(args[1])).plaintext
        sys.stdout.write(pt.decode())
    elif command == "set-secret":
        print(secrets_client(url).set_secret(args[0], args[1]).properties.version)
    elif command == "set-secrets":
        sc = secrets_client(url)
        for pair in args:
            name, value = pair.split("=", 1)
            sc.set_secret(name, value)
    elif command == "get-secret":
        sys.stdout.write(secrets_client(url).get_secret(args[0], args[1] if len(args) > 1 else None).value)
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
