#!/usr/bin/env python3
"""Google's official Python clients (google-cloud-secret-manager, google-cloud-kms, REST
transport, google-auth) against an endpoint, for fnox's tests: the self-test that checks the
Google Cloud stand-in answers what the SDK sends, and the other side of the interop tests.

    gcp_sdk_client.py ENDPOINT selftest                      (prints "ok ...")
    gcp_sdk_client.py ENDPOINT sm-add PROJECT SECRET VALUE   (creates the secret if missing)
    gcp_sdk_client.py ENDPOINT sm-add-many PROJECT NAME=VALUE...
    gcp_sdk_client.py ENDPOINT sm-get PROJECT SECRET         (latest version)
    gcp_sdk_client.py ENDPOINT kms-create PROJECT LOCATION RING KEY
    gcp_sdk_client.py ENDPOINT kms-encrypt KEY_NAME PLAINTEXT    (prints standard base64)
    gcp_sdk_client.py ENDPOINT kms-decrypt KEY_NAME BASE64
    gcp_sdk_client.py ENDPOINT kms-rotate KEY_NAME           (a new primary version)

Credentials: GOOGLE_APPLICATION_CREDENTIALS (a service account key file), or with
FNOX_TEST_ADC_FILE the `authorized_user` login in that file (its token endpoint
FNOX_GCP_TOKEN_ENDPOINT). REQUESTS_CA_BUNDLE trusts the
stand-in's CA.
"""

import base64
import os
import sys

import google.auth.transport.requests
import google.oauth2.credentials
from google.api_core import exceptions
from google.api_core.client_options import ClientOptions
from google.cloud import kms, secretmanager
from google.oauth2 import service_account

SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]


def credentials(adc=None):
    if adc:
        # google-auth sends a user login's refresh token to Google's endpoint whatever the file
        # says; the stand-in's is set explicitly, as fnox's FNOX_GCP_TOKEN_ENDPOINT does.
        creds = google.oauth2.credentials.Credentials.from_authorized_user_file(adc, scopes=SCOPES)
        return creds.with_token_uri(os.environ["FNOX_GCP_TOKEN_ENDPOINT"])
    return service_account.Credentials.from_service_account_file(
        os.environ["GOOGLE_APPLICATION_CREDENTIALS"], scopes=SCOPES)


def sm(endpoint, adc=None):
    return secretmanager.SecretManagerServiceClient(
        credentials=credentials(adc), transport="rest", client_options=ClientOptions(api_endpoint=endpoint))


def kms_client(endpoint, adc=None):
    return kms.KeyManagementServiceClient(
        credentials=credentials(adc), transport="rest", client_options=ClientOptions(api_endpoint=endpoint))


def sm_add(client, project, secret, value):
    parent = f"projects/{project}"
    try:
        client.create_secret(request={"parent": parent, "secret_id": secret,
                                      "secret": {"replication": {"automatic": {}}}})
    except exceptions.Conflict:  # ALREADY_EXISTS (HTTP 409)
        pass
    return client.add_secret_version(request={"parent": f"{parent}/secrets/{secret}",
                                              "payload": {"data": value.encode()}})


def sm_get(client, project, secret):
    reply = client.access_secret_version(request={"name": f"projects/{project}/secrets/{secret}/versions/latest"})
    return reply.payload.data.decode()


def kms_create(client, project, location, ring, key):
    parent = f"projects/{project}/locations/{location}"
    try:
        client.create_key_ring(request={"parent": parent, "key_ring_id": ring, "key_ring": {}})
    except exceptions.Conflict:  # ALREADY_EXISTS (HTTP 409)
        pass
    try:
        client.create_crypto_key(request={"parent": f"{parent}/keyRings/{ring}", "crypto_key_id": key,
                                          "crypto_key": {"purpose": kms.CryptoKey.CryptoKeyPurpose.ENCRYPT_DECRYPT}})
    except exceptions.Conflict:  # ALREADY_EXISTS (HTTP 409)
        pass
    return f"{parent}/keyRings/{ring}/cryptoKeys/{key}"


def selftest(endpoint):
    done = []
    client = sm(endpoint)
    sm_add(client, "fnox-test", "sdk-selftest", "first")
    sm_add(client, "fnox-test", "sdk-selftest", "second")
    assert sm_get(client, "fnox-test", "sdk-selftest") == "second"
    names = [s.name for s in client.list_secrets(request={"parent": "projects/fnox-test"})]
    assert "projects/fnox-test/secrets/sdk-selftest" in names, names
    try:
        client.access_secret_version(request={"name": "projects/fnox-test/secrets/absent/versions/latest"})
        raise AssertionError("an absent secret was read")
    except exceptions.NotFound:
        pass
    done.append("secret-manager")
    keys = kms_client(endpoint)
    name = kms_create(keys, "fnox-test", "global", "sdk-ring", "sdk-key")
    assert keys.get_crypto_key(request={"name": name}).primary.state == kms.CryptoKeyVersion.CryptoKeyVersionState.ENABLED
    ct = keys.encrypt(request={"name": name, "plaintext": b"kms selftest"}).ciphertext
    assert keys.decrypt(request={"name": name, "ciphertext": ct}).plaintext == b"kms selftest"
    try:
        keys.decrypt(request={"name": name, "ciphertext": b"x" * 40})
        raise AssertionError("garbage decrypted")
    except exceptions.BadRequest:  # INVALID_ARGUMENT (HTTP 400)
        pass
    done.append("kms")
    # The token exchange fnox makes with a service account key (RFC 7523 jwt-bearer at the key
    # file's token_uri); the clients above sign their own bearer JWTs instead.
    exchanged = credentials()
    exchanged.refresh(google.auth.transport.requests.Request())
    assert exchanged.token.startswith("ya29.standin-"), exchanged.token
    done.append("jwt-bearer")
    adc = os.environ.get("FNOX_TEST_ADC_FILE")
    if adc:
        assert sm_get(sm(endpoint, adc), "fnox-test", "sdk-selftest") == "second"
        done.append("authorized-user")
    print("ok " + " ".join(done))


def main(argv):
    endpoint, op, args = argv[1], argv[2], argv[3:]
    adc = os.environ.get("FNOX_TEST_ADC_FILE")
    if op == "selftest":
        selftest(endpoint)
    elif op == "sm-add":
        sm_add(sm(endpoint, adc), *args)
    elif op == "sm-add-many":
        client = sm(endpoint, adc)
        for pair in args[1:]:
            name, value = pair.split("=", 1)
            sm_add(client, args[0], name, value)
    elif op == "sm-get":
        sys.stdout.write(sm_get(sm(endpoint, adc), *args))
    elif op == "kms-create":
        print(kms_create(kms_client(endpoint, adc), *args))
    elif op == "kms-encrypt":
        ct = kms_client(endpoint, adc).encrypt(request={"name": args[0], "plaintext": args[1].encode()}).ciphertext
        print(base64.b64encode(ct).decode())
    elif op == "kms-decrypt":
        pt = kms_client(endpoint, adc).decrypt(request={"name": args[0], "ciphertext": base64.b64decode(args[1])}).plaintext
        sys.stdout.write(pt.decode())
    elif op == "kms-rotate":
        client = kms_client(endpoint, adc)
        version = client.create_crypto_key_version(request={"parent": args[0], "crypto_key_version": {}})
        client.update_crypto_key_primary_version(request={"name": args[0],
                                                          "crypto_key_version_id": version.name.rsplit("/", 1)[1]})
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
