//! Issue 7, family 1: Lost or torn writes: concurrent writers, writers killed mid-save, readers
//! during writes.

use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{
    contains_bytes, temp_files, Xorshift, CONCURRENT_WRITERS, SIGKILL_TRIALS, WRITES_UNDER_READER,
};
use crate::support::age_sandbox;
use crate::support::process::{fnox_command, parallel_sets};

#[test]
fn concurrent_sets_of_distinct_keys_all_land_and_decrypt() {
    let sb = age_sandbox();
    parallel_sets(&sb, CONCURRENT_WRITERS);
    let doc: toml::Table = toml::from_str(&sb.read("fnox.toml")).unwrap();
    assert_eq!(doc["secrets"].as_table().unwrap().len(), CONCURRENT_WRITERS);
    let exported: serde_json::Value =
        serde_json::from_str(sb.run(&["export", "-f", "json"]).ok()).unwrap();
    for i in 0..CONCURRENT_WRITERS {
        assert_eq!(
            exported["secrets"][format!("KEY_{i:02}")],
            format!("value {i}")
        );
    }
    assert!(temp_files(sb.root.path()).is_empty());
}

/// The plaintext of trial `i`: a recognisable marker, padded so that saving takes a while.
fn trial_value(i: usize) -> String {
    format!("kill-trial-{i:03}-{}", "x".repeat(24 * 1024))
}

/// `text` without the line of the secret KILL.
fn without_kill_line(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.starts_with("KILL")).collect()
}

#[test]
fn a_writer_killed_during_save_leaves_the_old_or_the_new_file() {
    let sb = age_sandbox();
    sb.run(&["set", "KEEP", "keep-me"]).ok();
    // How long an undisturbed `set` of this size takes; kills land anywhere in that span.
    let mut took: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            sb.run(&["set", "KILL", &trial_value(999)]).ok();
            start.elapsed()
        })
        .collect();
    took.sort();
    let span_us = (took[2].as_micros() as u64 * 11 / 10).max(1);
    let kill_line =
        regex::Regex::new(r#"^KILL= \{ provider = "age", value = "[A-Za-z0-9+/=]+" \}$"#).unwrap();
    let mut rng = Xorshift::new(0x5eed_0001);
    let mut current = trial_value(999);
    let (mut kept_old, mut got_new) = (0, 0);
    for i in 0..SIGKILL_TRIALS {
        let old = sb.read("fnox.toml");
        let value = trial_value(i);
        let mut child = fnox_command(&sb, &["set", "KILL", &value])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn fnox");
        std::thread::sleep(Duration::from_micros(rng.below(span_us)));
        let _ = child.kill();
        child.wait().unwrap();

        let text = std::fs::read_to_string(sb.path("fnox.toml"))
            .unwrap_or_else(|e| panic!("trial {i}: fnox.toml unreadable after SIGKILL: {e}"));
        toml::from_str::<toml::Table>(&text)
            .unwrap_or_else(|e| panic!("trial {i}: fnox.toml does not parse: {e}\n{text}"));
        if text == old {
            kept_old += 1;
        } else {
            // The new version: the old one with the KILL line's ciphertext replaced, and whole.
            assert_eq!(
                without_kill_line(&text),
                without_kill_line(&old),
                "trial {i}"
            );
            let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("KILL")).collect();
            assert_eq!(lines.len(), 1, "trial {i}");
            assert!(kill_line.is_match(lines[0]), "trial {i}: torn line");
            assert!(text.ends_with('\n') && text.len() >= old.len() / 2);
            current = value.clone();
            got_new += 1;
        }
        for tmp in temp_files(sb.root.path()) {
            let bytes = std::fs::read(&tmp).unwrap();
            assert!(
                !contains_bytes(&bytes, b"kill-trial-"),
                "trial {i}: {} holds plaintext",
                tmp.display()
            );
            std::fs::remove_file(&tmp).unwrap();
        }
        // Decrypt now and then (every trial would double the run time).
        if i % 25 == 24 || i + 1 == SIGKILL_TRIALS {
            assert!(
                sb.run(&["get", "KILL"]).ok() == format!("{current}\n"),
                "trial {i}: KILL does not decrypt to the last saved value"
            );
            assert_eq!(sb.run(&["get", "KEEP"]).ok(), "keep-me\n", "trial {i}");
        }
    }
    assert_eq!(kept_old + got_new, SIGKILL_TRIALS);
    assert!(
        kept_old > 0 && got_new > 0,
        "kills landed both before and after the rename"
    );
}

#[test]
fn a_reader_never_sees_a_partial_file_during_writes() {
    let sb = age_sandbox();
    let path = sb.path("fnox.toml");
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let stop = Arc::clone(&stop);
        let path = path.clone();
        std::thread::spawn(move || {
            let (mut reads, mut last_count) = (0usize, 0usize);
            while !stop.load(Ordering::Relaxed) {
                let text = std::fs::read_to_string(&path).expect("fnox.toml is always there");
                let doc: toml::Table = toml::from_str(&text)
                    .unwrap_or_else(|e| panic!("read {reads}: partial file: {e}\n{text}"));
                let count = doc["secrets"].as_table().map_or(0, |t| t.len());
                assert!(count >= last_count, "read {reads}: secrets went missing");
                last_count = count;
                reads += 1;
            }
            reads
        })
    };
    let padding = "p".repeat(2 * 1024);
    for i in 0..WRITES_UNDER_READER {
        sb.run(&["set", &format!("W_{i:02}"), &format!("{i}{padding}")])
            .ok();
        if i % 10 == 0 {
            let listed = sb.run(&["list"]);
            assert!(
                listed.ok().contains(&format!("W_{i:02}")),
                "{}",
                listed.stdout
            );
        }
    }
    stop.store(true, Ordering::Relaxed);
    let reads = reader.join().expect("the reader saw only whole files");
    assert!(
        reads > WRITES_UNDER_READER,
        "the reader ran ({reads} reads)"
    );
    let doc: toml::Table = toml::from_str(&sb.read("fnox.toml")).unwrap();
    assert_eq!(
        doc["secrets"].as_table().unwrap().len(),
        WRITES_UNDER_READER
    );
}
