//! Remote resolution against the moto AWS emulator (100 Parameter Store, 100 Secrets Manager and
//! 100 KMS values) and a Cosmian KMS server (100 SecretData objects, 100 values encrypted under an
//! AES key), resolved batch-first (as `fnox exec` does) and one at a time on the same warm
//! connection. Run through `bench/remote.sh`, which starts the servers and creates the keys.

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
    if names.is_empty() {
        eprintln!("run bench/remote.sh (it starts the servers and sets FNOX_BENCH_KMS_KEY, COSMIAN_KMS_URL and FNOX_BENCH_COSMIAN_KEY)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fnox.toml"), providers).unwrap();
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
}
