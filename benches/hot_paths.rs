//! In-process hot paths: loading a 1000-secret config, decrypting a batch of age values (fnox's
//! provider, X25519 fast path, all cores; and the age crate's own identity on one core, for
//! comparison), and one in-place edit of a 1000-secret file.
//!
//!   cargo bench --bench hot_paths

use std::io::{Read, Write};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use fnox::config::edit::{Editor, ReadOnly};
use fnox::config::{load, LoadOptions, Section};
use fnox::provider::Provider;
use fnox::resolve::build_provider;

const N: usize = 1000;

struct Fixture {
    dir: tempfile::TempDir,
    identity: age::x25519::Identity,
    values: Vec<String>,
}

fn fixture() -> Fixture {
    use age::secrecy::ExposeSecret;
    let dir = tempfile::tempdir().unwrap();
    let identity = age::x25519::Identity::generate();
    let key = dir.path().join("key.txt");
    std::fs::write(&key, format!("{}\n", identity.to_string().expose_secret())).unwrap();
    let recipient = identity.to_public();
    let mut text = format!(
        "[providers]\nage = {{ type = \"age\", recipients = [\"{recipient}\"], key_file = \"key.txt\" }}\n\n[secrets]\n"
    );
    let mut values = Vec::with_capacity(N);
    for i in 0..N {
        let e = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
        let mut out = Vec::new();
        let mut w = e.wrap_output(&mut out).unwrap();
        w.write_all(format!("value-{i}").as_bytes()).unwrap();
        w.finish().unwrap();
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(out);
        text.push_str(&format!(
            "SECRET_{i:04}= {{ provider = \"age\", value = \"{b64}\" }}\n"
        ));
        values.push(b64);
    }
    std::fs::write(dir.path().join("fnox.toml"), text).unwrap();
    Fixture {
        dir,
        identity,
        values,
    }
}

fn options() -> LoadOptions {
    LoadOptions {
        profiles: vec!["default".into()],
        ..Default::default()
    }
}

fn benches(c: &mut Criterion) {
    let f = fixture();
    c.bench_function("load a 1000-secret fnox.toml", |b| {
        b.iter(|| load(f.dir.path(), options()).unwrap())
    });

    let config = load(f.dir.path(), options()).unwrap();
    let provider = build_provider(&config, "age").unwrap();
    let Provider::Cipher(cipher) = &provider else {
        unreachable!()
    };
    let batch: Vec<&str> = f.values.iter().take(100).map(String::as_str).collect();
    cipher.decrypt_batch(&batch[..1]); // identities are loaded once per run; keep that out of the loop
    c.bench_function(
        "decrypt 100 age values (fnox: fast X25519, all cores)",
        |b| {
            b.iter(|| {
                let out = cipher.decrypt_batch(&batch);
                assert!(out.iter().all(Result::is_ok));
            })
        },
    );
    c.bench_function(
        "decrypt 100 age values (age crate identity, one core)",
        |b| {
            use base64::Engine;
            let blobs: Vec<Vec<u8>> = batch
                .iter()
                .map(|v| base64::engine::general_purpose::STANDARD.decode(v).unwrap())
                .collect();
            b.iter(|| {
                for blob in &blobs {
                    let d = age::Decryptor::new_buffered(&blob[..]).unwrap();
                    let mut out = Vec::new();
                    d.decrypt(std::iter::once(&f.identity as &dyn age::Identity))
                        .unwrap()
                        .read_to_end(&mut out)
                        .unwrap();
                }
            })
        },
    );

    let path = f.dir.path().join("fnox.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    c.bench_function(
        "set one secret in a 1000-secret file (parse, edit, render)",
        |b| {
            b.iter_batched(
                || std::fs::write(&path, &original).unwrap(),
                |()| {
                    let mut editor = Editor::open(&path, ReadOnly::Refuse).unwrap();
                    editor
                        .set_secret(
                            &Section::Top,
                            "SECRET_0500",
                            &[("value", toml_edit::Value::from("x"))],
                        )
                        .unwrap();
                    editor.render()
                },
                BatchSize::PerIteration,
            )
        },
    );
}

criterion_group!(hot_paths, benches);
criterion_main!(hot_paths);
