//! The Google Cloud stand-in (`gcp_standin.py`: Secret Manager, Cloud KMS and the OAuth 2.0
//! token endpoint over HTTPS on loopback, with a CA generated per run), started once per test
//! run. Neither service can be installed here, so before any fnox test uses it, Google's official
//! Python clients (google-cloud-secret-manager, google-cloud-kms, REST transport, google-auth,
//! which scripts/test.sh installs into target/test-tools/venv) run their self-test against it
//! (`gcp_sdk_client.py selftest`). The SDK is also the other side of the interop tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::services::{free_port, missing, spawn_server, tools_venv};

/// The running stand-in.
pub struct Gcp {
    /// `https://127.0.0.1:PORT`: both APIs and the token endpoint.
    pub url: String,
    /// The run's CA certificate (PEM).
    pub ca: PathBuf,
    /// Key files: a service account with every permission, one with none, a user login.
    pub sa: PathBuf,
    pub sa_no_access: PathBuf,
    pub adc: PathBuf,
    /// What the SDK self-test printed (`ok secret-manager kms ...`).
    pub sdk_selftest: String,
}

fn python() -> PathBuf {
    tools_venv().join("bin/python3")
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/support")
        .join(name)
}

fn sdk_installed() -> bool {
    Command::new(python())
        .args([
            "-c",
            "import google.cloud.secretmanager, google.cloud.kms, google.auth, cryptography",
        ])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The shared stand-in, or None (skip) when the Python packages are missing outside CI.
pub fn gcp() -> Option<&'static Gcp> {
    static GCP: OnceLock<Option<Gcp>> = OnceLock::new();
    GCP.get_or_init(|| {
        if !sdk_installed() {
            missing("google-cloud-secret-manager, google-cloud-kms (PyPI)");
            return None;
        }
        let port = free_port();
        let dir = tools_venv()
            .with_file_name("gcp-standin-runs")
            .join(format!("{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut cmd = Command::new(python());
        cmd.arg(script("gcp_standin.py"))
            .args(["serve", "--port", &port.to_string(), "--dir"])
            .arg(&dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default());
        spawn_server(cmd, port, "the Google Cloud stand-in");
        let ca = dir.join("ca.pem");
        let start = Instant::now();
        while !ca.is_file() {
            assert!(start.elapsed() < Duration::from_secs(30), "no {ca:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
        let mut g = Gcp {
            url: format!("https://127.0.0.1:{port}"),
            ca,
            sa: dir.join("sa.json"),
            sa_no_access: dir.join("sa-no-access.json"),
            adc: dir.join("adc.json"),
            sdk_selftest: String::new(),
        };
        g.sdk_selftest = g
            .sdk(
                &["selftest"],
                &[("FNOX_TEST_ADC_FILE", g.adc.display().to_string())],
            )
            .trim()
            .to_owned();
        Some(g)
    })
    .as_ref()
}

impl Gcp {
    /// fnox's environment as the service account with every permission, the CA trusted and
    /// both APIs pointed at the stand-in.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        self.env_with(&self.sa)
    }

    /// `env` with another key file.
    pub fn env_with(&self, key_file: &Path) -> Vec<(&'static str, String)> {
        vec![
            (
                "GOOGLE_APPLICATION_CREDENTIALS",
                key_file.display().to_string(),
            ),
            ("FNOX_GCP_SECRETMANAGER_ENDPOINT", self.url.clone()),
            ("FNOX_GCP_KMS_ENDPOINT", self.url.clone()),
            ("FNOX_GCP_TOKEN_ENDPOINT", format!("{}/token", self.url)),
            ("SSL_CERT_FILE", self.ca.display().to_string()),
            ("REQUESTS_CA_BUNDLE", self.ca.display().to_string()),
        ]
    }

    /// Runs `gcp_sdk_client.py URL ARGS...` (Google's clients) and returns stdout.
    pub fn sdk(&self, args: &[&str], extra_env: &[(&str, String)]) -> String {
        let out = Command::new(python())
            .arg(script("gcp_sdk_client.py"))
            .arg(&self.url)
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", tools_venv())
            .envs(self.env())
            .envs(extra_env.iter().map(|(k, v)| (*k, v.as_str())))
            .output()
            .expect("run the Google Cloud SDK client");
        assert!(
            out.status.success(),
            "the official Google Cloud SDK failed ({args:?}): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    /// The stand-in's counters for one project: requests, most in flight; tokens issued in all.
    pub fn stats(&self, project: &str) -> serde_json::Value {
        let code = format!(
            "import ssl,urllib.request as u\nprint(u.urlopen('{}/_standin/stats?project={project}',context=ssl.create_default_context(cafile='{}')).read().decode())",
            self.url,
            self.ca.display()
        );
        let out = Command::new(python())
            .args(["-c", &code])
            .output()
            .expect("python");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("stats JSON")
    }
}
