//! The Azure Key Vault stand-in (`azure_keyvault_standin.py`: Key Vault's REST API and Microsoft
//! Entra ID's token endpoints over HTTPS on loopback, with a CA generated per run), started once
//! per test run. No Key Vault implementation can be installed here, so before any fnox test uses
//! it, Microsoft's official Python clients (azure-identity, azure-keyvault-secrets and -keys, which
//! scripts/test.sh installs into target/test-tools/venv) run their self-test against it
//! (`azure_sdk_client.py selftest`): secrets set/get/versions, keys create/encrypt/decrypt, and
//! every credential kind fnox reads. The SDK is also the other side of the interop tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::services::{free_port, missing, spawn_server, tools_venv};

/// The stand-in's tenant and its test identities (see CLIENTS in the stand-in).
pub const TENANT: &str = "00000000-0000-0000-0000-00000000f0c5";
pub const CLIENT: &str = "fnox-tests";
pub const CLIENT_SECRET: &str = "test-client-secret";
pub const NO_ACCESS_CLIENT: &str = "fnox-no-access";
pub const FEDERATED_ASSERTION: &str = "test-federated-assertion";
pub const IDENTITY_HEADER: &str = "standin-identity-header";

/// The running stand-in.
pub struct KeyVault {
    /// `https://127.0.0.1:PORT`: the default vault, the Entra authority and the IMDS host.
    pub url: String,
    pub port: u16,
    /// The run's CA certificate (PEM).
    pub ca: PathBuf,
    /// A directory holding an `az` (the stand-in's Azure CLI) for PATH.
    pub az_dir: PathBuf,
    /// What the SDK self-test printed (`ok client-secret imds ...`).
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
            "import azure.identity, azure.keyvault.secrets, azure.keyvault.keys, cryptography",
        ])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The shared stand-in, or None (skip) when the Python packages are missing outside CI.
pub fn keyvault() -> Option<&'static KeyVault> {
    static KV: OnceLock<Option<KeyVault>> = OnceLock::new();
    KV.get_or_init(|| {
        if !sdk_installed() {
            missing("azure-identity, azure-keyvault-secrets, azure-keyvault-keys (PyPI)");
            return None;
        }
        let port = free_port();
        let dir = tools_venv()
            .with_file_name("azure-standin-runs")
            .join(format!("{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut cmd = Command::new(python());
        cmd.arg(script("azure_keyvault_standin.py"))
            .args(["serve", "--port", &port.to_string(), "--dir"])
            .arg(&dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default());
        spawn_server(cmd, port, "the Azure Key Vault stand-in");
        let ca = dir.join("ca.pem");
        let start = Instant::now();
        while !ca.is_file() {
            assert!(start.elapsed() < Duration::from_secs(30), "no {ca:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
        let url = format!("https://127.0.0.1:{port}");
        let az_dir = dir.join("bin");
        std::fs::create_dir_all(&az_dir).unwrap();
        let az = az_dir.join("az");
        std::fs::write(
            &az,
            format!(
                "#!/bin/sh\nexec '{}' '{}' az --server '{url}' --ca '{}' \"$@\"\n",
                python().display(),
                script("azure_keyvault_standin.py").display(),
                ca.display()
            ),
        )
        .unwrap();
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&az, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mut kv = KeyVault {
            url,
            port,
            ca,
            az_dir,
            sdk_selftest: String::new(),
        };
        kv.sdk_selftest = kv.sdk_selftest_run(&dir);
        Some(kv)
    })
    .as_ref()
}

impl KeyVault {
    /// The environment of a service principal of the stand-in's tenant (`client`), with the CA
    /// trusted and IMDS pointed at the stand-in, never at 169.254.169.254.
    pub fn env_for(&self, client: &str) -> Vec<(&'static str, String)> {
        vec![
            ("AZURE_TENANT_ID", TENANT.to_owned()),
            ("AZURE_CLIENT_ID", client.to_owned()),
            ("AZURE_CLIENT_SECRET", CLIENT_SECRET.to_owned()),
            ("AZURE_AUTHORITY_HOST", self.url.clone()),
            ("AZURE_POD_IDENTITY_AUTHORITY_HOST", self.url.clone()),
            ("SSL_CERT_FILE", self.ca.display().to_string()),
            ("REQUESTS_CA_BUNDLE", self.ca.display().to_string()),
        ]
    }

    pub fn env(&self) -> Vec<(&'static str, String)> {
        self.env_for(CLIENT)
    }

    /// The official SDK's self-test, with every credential kind set up.
    fn sdk_selftest_run(&self, dir: &Path) -> String {
        let fed = dir.join("federated-token");
        std::fs::write(&fed, FEDERATED_ASSERTION).unwrap();
        let az_config = dir.join("az-config");
        std::fs::create_dir_all(&az_config).unwrap();
        std::fs::write(az_config.join("standin-login"), "").unwrap();
        let path = format!(
            "{}:{}",
            self.az_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let out = self.sdk(
            &["selftest"],
            &[
                ("AZURE_CONFIG_DIR", az_config.display().to_string()),
                ("PATH", path),
                (
                    "FNOX_TEST_APP_SERVICE_ENDPOINT",
                    format!("{}/msi/token", self.url),
                ),
                ("FNOX_TEST_APP_SERVICE_HEADER", IDENTITY_HEADER.to_owned()),
                ("FNOX_TEST_FEDERATED_TOKEN_FILE", fed.display().to_string()),
                ("FNOX_TEST_AZ", "1".to_owned()),
            ],
        );
        out.trim().to_owned()
    }

    /// Runs `azure_sdk_client.py VAULT_URL ARGS...` (Microsoft's clients) and returns stdout.
    pub fn sdk(&self, args: &[&str], extra_env: &[(&str, String)]) -> String {
        self.sdk_at(&self.url, args, extra_env)
    }

    /// `sdk` against another vault URL (a path-selected vault of the stand-in).
    pub fn sdk_at(&self, vault_url: &str, args: &[&str], extra_env: &[(&str, String)]) -> String {
        let out = Command::new(python())
            .arg(script("azure_sdk_client.py"))
            .arg(vault_url)
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", tools_venv())
            .envs(self.env())
            .envs(extra_env.iter().map(|(k, v)| (*k, v.as_str())))
            .output()
            .expect("run the Azure SDK client");
        assert!(
            out.status.success(),
            "the official Azure SDK failed ({args:?}): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    /// The URL of vault `name`: a listener of its own on the stand-in (the SDK reads object ids
    /// only of the form `https://HOST/secrets/NAME/VERSION`, so vaults differ by port). The same
    /// vault is also `{url}/NAME` on the main listener.
    pub fn vault(&self, name: &str) -> String {
        self.standin_call("GET", &format!("/_standin/vault?name={name}"))["url"]
            .as_str()
            .expect("a vault URL")
            .to_owned()
    }

    /// The stand-in's counters for one vault: requests, distinct tokens seen, most in flight.
    pub fn stats(&self, vault: &str) -> serde_json::Value {
        self.standin_call("GET", &format!("/_standin/stats?vault={vault}"))
    }

    fn standin_call(&self, method: &str, path: &str) -> serde_json::Value {
        let code = format!(
            "import json,ssl,urllib.request as u\nr=u.Request('{}{path}',method='{method}',data=b'' if '{method}'=='POST' else None)\nprint(u.urlopen(r,context=ssl.create_default_context(cafile='{}')).read().decode())",
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
