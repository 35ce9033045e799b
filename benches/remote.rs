//! Remote resolution against the moto AWS emulator (100 Parameter Store, 100 Secrets Manager and
//! 100 KMS values), a Cosmian KMS server (100 SecretData objects, 100 values encrypted under an
//! AES key) and the Azure Key Vault and Google Cloud stand-ins (100 secrets and 100 KMS values
//! each), resolved batch-first (as `fnox exec` does) and one at a time on the same warm
//! connection. Run through `bench/remote.sh`, which starts the servers and creates the keys.
//! Then, with moto, `fnox get` of one Secrets Manager value as a whole process (the release
//! binary): resolved directly, and served by a warm per-user daemon.

use std::time::{Duration, Instant};

use fnox::config::{load, LoadOptions};
use fnox::provider::Provider;
use fnox::resolve::build_provider;

const N: usize = 100;
const ROUNDS: usize = 5;

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    let run = std::process::id();
    let mut providers = String::from("[providers]\n");
    let mut names = Vec::new();
    if let Ok(key) = std::env::var("FNOX_BENCH_KMS_KEY") {
        providers.push_str(&format!(
            "kms = {{ type = \"aws-kms\", key_id = \"{key}\", region = \"us-east-1\" }}\n\
             sm = {{ type = \"aws-sm\", region = \"us-east-1\", prefix = \"bench-{run}/\" }}\n\
             ps = {{ type = \"aws-ps\", region = \"us-east-1\", prefix = \"/bench-{run}/\" }}\n"
        ));
        names.extend(["ps", "sm", "kms"]);
    }
    // The Cosmian KMS's address comes from COSMIAN_KMS_URL (the fixture is not a trusted file).
    if let (Ok(_), Ok(key)) = (
        std::env::var("COSMIAN_KMS_URL"),
        std::env::var("FNOX_BENCH_COSMIAN_KEY"),
    ) {
        providers.push_str(&format!(
            "cosmian-store = {{ type = \"cosmian-kms\" }}\n\
             cosmian-cipher = {{ type = \"cosmian-kms\", key_id = \"{key}\" }}\n"
        ));
        names.extend(["cosmian-store", "cosmian-cipher"]);
    }
    // The stand-ins' addresses sit in the fixture, which the bench approves (`fnox trust`) in
    // a state directory of its own.
    if let Ok(url) = std::env::var("FNOX_BENCH_AZURE_URL") {
        providers.push_str(&format!(
            "azure-sm = {{ type = \"azure-sm\", vault_url = \"{url}\", prefix = \"bench-{run}-\" }}\n\
             azure-kms = {{ type = \"azure-kms\", vault_url = \"{url}\", key_name = \"fnox-bench\" }}\n"
        ));
        names.extend(["azure-sm", "azure-kms"]);
    }
    if let Ok(project) = std::env::var("FNOX_BENCH_GCP_PROJECT") {
        providers.push_str(&format!(
            "gcp-sm = {{ type = \"gcp-sm\", project = \"{project}\", prefix = \"bench-{run}-\" }}\n\
             gcp-kms = {{ type = \"gcp-kms\", project = \"{project}\", location = \"global\", keyring = \"ring\", key = \"fnox-key\" }}\n"
        ));
        names.extend(["gcp-sm", "gcp-kms"]);
    }
    if names.is_empty() {
        eprintln!("run bench/remote.sh (it starts the servers and sets FNOX_BENCH_KMS_KEY, COSMIAN_KMS_URL and FNOX_BENCH_COSMIAN_KEY)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    std::env::set_var("FNOX_STATE_DIR", state.path());
    let fixture = dir.path().join("fnox.toml");
    std::fs::write(&fixture, &providers).unwrap();
    fnox::trust::approve(&fixture, &providers).unwrap();
    let config = load(
        dir.path(),
        LoadOptions {
            profiles: vec!["default".into()],
            ..Default::default()
        },
    )
    .unwrap();

    println!("| provider | values | batched (median of {ROUNDS}) | one at a time | ratio |");
    println!("|---|---|---|---|---|");
    for name in names {
        let provider = build_provider(&config, name).unwrap();
        let inputs: Vec<String> = match &provider {
            Provider::Store(s) => (0..N)
                .map(|i| {
                    let r = format!("S{i}");
                    s.put(&r, &format!("value-{i}")).unwrap();
                    r
                })
                .collect(),
            Provider::Cipher(c) => (0..N)
                .map(|i| c.encrypt(&format!("value-{i}")).unwrap())
                .collect(),
        };
        let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        // Warm the connection, and check every value comes back.
        let check = provider.read_batch(&refs);
        for (i, r) in check.iter().enumerate() {
            assert_eq!(r.as_ref().unwrap().expose(), format!("value-{i}"));
        }
        let batched = median(
            (0..ROUNDS)
                .map(|_| {
                    let t = Instant::now();
                    let out = provider.read_batch(&refs);
                    assert!(out.iter().all(Result::is_ok));
                    t.elapsed()
                })
                .collect(),
        );
        let t = Instant::now();
        for r in &refs {
            assert!(provider.read_batch(&[r])[0].is_ok());
        }
        let single = t.elapsed();
        println!(
            "| {name} | {N} | {:.1} ms | {:.1} ms | {:.1}x |",
            batched.as_secs_f64() * 1e3,
            single.as_secs_f64() * 1e3,
            single.as_secs_f64() / batched.as_secs_f64()
        );
    }
    if std::env::var("FNOX_BENCH_KMS_KEY").is_ok() {
        daemon_rows(run);
    }
}

/// `fnox get` of one aws-sm value, the whole process: `--no-daemon` against a warm daemon.
fn daemon_rows(run: u32) {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let runtime = tempfile::tempdir().unwrap();
    let text = format!(
        "[daemon]\nenabled = true\n\n[providers]\nsm = {{ type = \"aws-sm\", region = \"us-east-1\", prefix = \"bench-{run}/\" }}\n\n[secrets]\nD = {{ provider = \"sm\", value = \"S0\" }}\n"
    );
    std::fs::write(dir.path().join("fnox.toml"), text).unwrap();
    let fnox = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_fnox"))
            .args(args)
            .current_dir(dir.path())
            .env("XDG_RUNTIME_DIR", runtime.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let time = |args: &[&str]| {
        median(
            (0..ROUNDS * 2)
                .map(|_| {
                    let t = Instant::now();
                    assert_eq!(fnox(args), b"value-0\n");
                    t.elapsed()
                })
                .collect(),
        )
    };
    let direct = time(&["--no-daemon", "get", "D"]);
    fnox(&["daemon", "start"]);
    fnox(&["get", "D"]);
    let served = time(&["get", "D"]);
    fnox(&["daemon", "stop"]);
    println!();
    println!(
        "| `fnox get` of one aws-sm value (process, median of {}) | time |",
        ROUNDS * 2
    );
    println!("|---|---|");
    println!(
        "| --no-daemon (direct) | {:.1} ms |",
        direct.as_secs_f64() * 1e3
    );
    println!(
        "| daemon (warm) | {:.1} ms ({:.1}x) |",
        served.as_secs_f64() * 1e3,
        direct.as_secs_f64() / served.as_secs_f64()
    );
}
