//! Cosmian KMS servers on loopback (the real `cosmian_kms`, crates.io `cosmian_kms_server`, which
//! scripts/cosmian-kms.sh builds into ~/.cache/fnox-test-tools), each started once per test run on
//! a free port with a SQLite database of its own: an open one, and one that requires an API
//! token. Test data is made and checked through the server's KMIP JSON API with the small client
//! below (one operation per request), never through fnox.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::services::{free_port, spawn_server, tools_venv};

/// A running server.
pub struct Kms {
    /// `http://127.0.0.1:PORT`
    pub addr: String,
    pub port: u16,
    /// The bearer token it requires, if it requires one.
    pub token: Option<String>,
    /// The self-signed certificate of a TLS server.
    pub cert: Option<PathBuf>,
}

/// Where scripts/cosmian-kms.sh installs the server.
pub fn server_binary() -> PathBuf {
    let cache = std::env::var_os("FNOX_TEST_TOOLS_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").expect("HOME")).join(".cache/fnox-test-tools")
        });
    cache.join("cosmian_kms/bin/cosmian_kms")
}

fn missing() -> Option<Kms> {
    let bin = server_binary();
    if std::env::var_os("CI").is_some() {
        panic!(
            "the Cosmian KMS server is required in CI: scripts/test.sh builds it into {}",
            bin.display()
        );
    }
    eprintln!(
        "skipping: no Cosmian KMS server at {} (run scripts/cosmian-kms.sh, which builds it)",
        bin.display()
    );
    None
}

/// The shared server (no authentication), or None (skip) when it is not built outside CI.
pub fn cosmian_kms() -> Option<&'static Kms> {
    static KMS: OnceLock<Option<Kms>> = OnceLock::new();
    KMS.get_or_init(|| {
        if !server_binary().is_file() {
            return missing();
        }
        let port = free_port();
        let mut cmd = server_command(&data_dir(port), port);
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        spawn_server(cmd, port, "cosmian_kms");
        let kms = Kms {
            addr: format!("http://127.0.0.1:{port}"),
            port,
            token: None,
            cert: None,
        };
        kms.wait_ready();
        Some(kms)
    })
    .as_ref()
}

/// A server that requires its API token (`token`) on every request.
pub fn cosmian_kms_with_token() -> Option<&'static Kms> {
    static KMS: OnceLock<Option<Kms>> = OnceLock::new();
    KMS.get_or_init(|| {
        if !server_binary().is_file() {
            return missing();
        }
        // The API token is a symmetric key of the server's own database: make it on an open
        // server first, then start the server again on that database, now requiring it.
        let port = free_port();
        let dir = data_dir(port);
        let mut first = server_command(&dir, port)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start cosmian_kms");
        super::services::wait_for_port(port, "cosmian_kms");
        let setup = Kms {
            addr: format!("http://127.0.0.1:{port}"),
            port,
            token: None,
            cert: None,
        };
        setup.wait_ready();
        setup.create_aes_key("api-token", true);
        let key = setup.op(json!({
            "tag": "Get", "type": "Structure", "value": [
                {"tag": "UniqueIdentifier", "type": "TextString", "value": "api-token"},
                {"tag": "KeyFormatType", "type": "Enumeration", "value": "Raw"}
            ]
        }));
        let material = find_bytes(&key, "KeyMaterial").expect("the key's bytes");
        use base64::Engine;
        let token = base64::engine::general_purpose::STANDARD
            .encode(material)
            .to_lowercase();
        first.kill().ok();
        first.wait().ok();
        let port = free_port();
        let mut cmd = server_command(&dir, port);
        cmd.args(["--api-token-id", "api-token"]);
        spawn_server(cmd, port, "cosmian_kms (API token)");
        let kms = Kms {
            addr: format!("http://127.0.0.1:{port}"),
            port,
            token: Some(token),
            cert: None,
        };
        kms.wait_ready();
        Some(kms)
    })
    .as_ref()
}

/// A server on https with a self-signed certificate for 127.0.0.1 (made with the `openssl` CLI).
pub fn cosmian_kms_tls() -> Option<&'static Kms> {
    static KMS: OnceLock<Option<Kms>> = OnceLock::new();
    KMS.get_or_init(|| {
        if !server_binary().is_file() {
            return missing();
        }
        let port = free_port();
        let dir = data_dir(port);
        let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
        let made = Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
            ])
            .args(["-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"])
            .args(["-addext", "subjectAltName=IP:127.0.0.1"])
            .args(["-addext", "basicConstraints=critical,CA:FALSE"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run openssl (scripts/test.sh installs it)");
        assert!(made.success(), "openssl could not make a certificate");
        let mut cmd = server_command(&dir, port);
        cmd.arg("--tls-cert-file").arg(&cert);
        cmd.arg("--tls-key-file").arg(&key);
        spawn_server(cmd, port, "cosmian_kms (TLS)");
        Some(Kms {
            addr: format!("https://127.0.0.1:{port}"),
            port,
            token: None,
            cert: Some(cert),
        })
    })
    .as_ref()
}

fn data_dir(port: u16) -> PathBuf {
    let dir = tools_venv()
        .with_file_name("cosmian-runs")
        .join(format!("{}-{port}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn server_command(dir: &std::path::Path, port: u16) -> Command {
    let mut cmd = Command::new(server_binary());
    cmd.args([
        "--database-type",
        "sqlite",
        "--sqlite-path",
        dir.join("db").to_str().unwrap(),
        "--root-data-path",
        dir.to_str().unwrap(),
        "--hostname",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ])
    .current_dir(dir)
    .env_clear()
    .env("HOME", dir)
    .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd
}

/// The first node tagged `tag` anywhere under `node`, depth first.
pub fn find<'a>(node: &'a Value, tag: &str) -> Option<&'a Value> {
    if node["tag"] == tag {
        return Some(node);
    }
    node["value"]
        .as_array()?
        .iter()
        .find_map(|child| find(child, tag))
}

pub fn find_bytes(node: &Value, tag: &str) -> Option<Vec<u8>> {
    let hex = find(node, tag)?["value"].as_str()?.to_owned();
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

impl Kms {
    fn wait_ready(&self) {
        let start = Instant::now();
        loop {
            let (status, _) =
                self.post(&json!({"tag": "DiscoverVersions", "type": "Structure", "value": []}));
            if status == 200 || status == 401 {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "cosmian_kms did not become ready (HTTP {status})"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// POSTs one KMIP operation (JSON TTLV) to /kmip/2_1: (HTTP status, body as JSON, or the
    /// body's text as a JSON string when it is not JSON).
    pub fn post(&self, body: &Value) -> (u16, Value) {
        let body = body.to_string();
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return (0, Value::Null);
        };
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let auth = self
            .token
            .as_ref()
            .map(|t| format!("Authorization: Bearer {t}\r\n"))
            .unwrap_or_default();
        write!(
            stream,
            "POST /kmip/2_1 HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}Content-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut raw = Vec::new();
        if stream.read_to_end(&mut raw).is_err() {
            return (0, Value::Null);
        }
        let text = String::from_utf8_lossy(&raw);
        let Some((head, rest)) = text.split_once("\r\n\r\n") else {
            return (0, Value::Null);
        };
        let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
        let payload = if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            dechunk(rest)
        } else {
            rest.to_owned()
        };
        let json = serde_json::from_str(&payload).unwrap_or(Value::String(payload));
        (status, json)
    }

    /// One operation that must succeed; its response.
    pub fn op(&self, body: Value) -> Value {
        let (status, reply) = self.post(&body);
        assert_eq!(status, 200, "{}: HTTP {status}: {reply}", body["tag"]);
        reply
    }

    /// Creates a 256-bit AES key with id `id` (Encrypt and Decrypt allowed), activated or
    /// left pre-active as the server creates it.
    pub fn create_aes_key(&self, id: &str, activate: bool) -> String {
        let reply = self.op(json!({
            "tag": "Create", "type": "Structure", "value": [
                {"tag": "ObjectType", "type": "Enumeration", "value": "SymmetricKey"},
                {"tag": "Attributes", "type": "Structure", "value": [
                    {"tag": "CryptographicAlgorithm", "type": "Enumeration", "value": "AES"},
                    {"tag": "CryptographicLength", "type": "Integer", "value": 256},
                    {"tag": "CryptographicUsageMask", "type": "Integer", "value": 12},
                    {"tag": "KeyFormatType", "type": "Enumeration", "value": "TransparentSymmetricKey"},
                    {"tag": "ObjectType", "type": "Enumeration", "value": "SymmetricKey"},
                    {"tag": "UniqueIdentifier", "type": "TextString", "value": id}
                ]}
            ]
        }));
        let uid = find(&reply, "UniqueIdentifier").unwrap()["value"]
            .as_str()
            .unwrap()
            .to_owned();
        if activate {
            self.op(json!({"tag": "Activate", "type": "Structure", "value": [
                {"tag": "UniqueIdentifier", "type": "TextString", "value": uid}
            ]}));
        }
        uid
    }

    /// Imports a SecretData object `id` whose bytes are `value`.
    pub fn put_secret(&self, id: &str, value: &[u8]) {
        self.op(json!({
            "tag": "Import", "type": "Structure", "value": [
                {"tag": "UniqueIdentifier", "type": "TextString", "value": id},
                {"tag": "ObjectType", "type": "Enumeration", "value": "SecretData"},
                {"tag": "ReplaceExisting", "type": "Boolean", "value": true},
                {"tag": "Attributes", "type": "Structure", "value": [
                    {"tag": "ObjectType", "type": "Enumeration", "value": "SecretData"}
                ]},
                {"tag": "SecretData", "type": "Structure", "value": [
                    {"tag": "SecretDataType", "type": "Enumeration", "value": "Password"},
                    {"tag": "KeyBlock", "type": "Structure", "value": [
                        {"tag": "KeyFormatType", "type": "Enumeration", "value": "Opaque"},
                        {"tag": "KeyValue", "type": "Structure", "value": [
                            {"tag": "KeyMaterial", "type": "ByteString", "value": hex(value)}
                        ]}
                    ]}
                ]}
            ]
        }));
    }

    /// The bytes of object `id` as the server keeps them (SecretData or OpaqueObject).
    pub fn get_secret(&self, id: &str) -> Vec<u8> {
        let reply = self.op(json!({"tag": "Get", "type": "Structure", "value": [
            {"tag": "UniqueIdentifier", "type": "TextString", "value": id}
        ]}));
        find_bytes(&reply, "KeyMaterial")
            .or_else(|| find_bytes(&reply, "OpaqueDataValue"))
            .expect("the object's bytes")
    }
}

fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}
