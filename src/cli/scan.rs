//! `fnox scan [DIR]`

use std::path::PathBuf;

use regex::Regex;

use super::{print_data, Ctx};
use crate::config::load::display_path;
use crate::error::{warn, Error, Result};
use crate::resolve::read_stored;
use crate::secret::SecretValue;

/// Look for plaintext secrets in a directory tree.
///
/// Walks DIR (default: here), skipping what .gitignore/.ignore exclude, binary files and .git,
/// and reports two kinds of finding: strings shaped like well-known credentials (AWS access
/// key ids, GitHub tokens, private keys, age secret keys, `password = "…"`-style assignments),
/// and any current secret value of this project (as its provider holds it) that appears
/// verbatim in a file. Each finding is reported as file:line and detector; values are redacted
/// to a short prefix. Exits 1 when anything is found. -q prints only the files.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The directory to scan
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
    /// Skip files matching this glob (repeatable), in addition to .gitignore
    #[arg(short = 'i', long = "ignore", value_name = "GLOB")]
    pub ignore: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Files larger than this are not read.
const MAX_FILE_BYTES: u64 = 4 << 20;
/// Secret values shorter than this are too common to report (ports, flags, words).
const MIN_KNOWN_VALUE_LEN: usize = 8;

struct Detector {
    name: &'static str,
    severity: &'static str,
    re: Regex,
    /// Whether the match itself is secret (a key header is not).
    redact: bool,
    /// Random-looking values only (for the generic assignment pattern).
    entropy: bool,
}

fn detectors() -> Vec<Detector> {
    let d = |name, severity, re: &str, redact, entropy| Detector {
        name,
        severity,
        re: Regex::new(re).expect("detector patterns are valid"),
        redact,
        entropy,
    };
    vec![
        d(
            "aws-access-key-id",
            "high",
            r"\b((?:AKIA|ASIA)[0-9A-Z]{16})\b",
            true,
            false,
        ),
        d(
            "github-token",
            "high",
            r"\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b",
            true,
            false,
        ),
        d(
            "private-key",
            "high",
            r"(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)",
            false,
            false,
        ),
        d(
            "age-secret-key",
            "high",
            r"\b(AGE-SECRET-KEY-1[0-9A-Z]{58})\b",
            true,
            false,
        ),
        d(
            "generic-secret",
            "medium",
            r#"(?i)[a-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key)[a-z0-9_.-]*["']?\s*[:=]\s*["']?([^\s"'`,;(){}<>\[\]]{12,})"#,
            true,
            true,
        ),
    ]
}

struct Finding {
    file: String,
    line: usize,
    detector: &'static str,
    severity: &'static str,
    preview: String,
    /// For a project secret found verbatim: its name.
    secret: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let root = ctx.cwd.join(&args.dir);
    if !root.is_dir() {
        return Err(Error::usage(format!(
            "cannot scan {}: not a directory",
            args.dir.display()
        ))
        .hint("give a directory: fnox scan [DIR]"));
    }
    let known = known_values(ctx);
    let detectors = detectors();

    let mut overrides = ignore::overrides::OverrideBuilder::new(&root);
    for glob in &args.ignore {
        overrides
            .add(&format!("!{glob}"))
            .map_err(|e| Error::usage(format!("invalid --ignore glob '{glob}'")).cause(e))?;
    }
    let overrides = overrides
        .build()
        .map_err(|e| Error::usage("invalid --ignore globs").cause(e))?;
    let walker = ignore::WalkBuilder::new(&root)
        .hidden(false)
        .require_git(false)
        .overrides(overrides)
        .filter_entry(|e| e.file_name() != ".git")
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();

    let mut findings: Vec<Finding> = Vec::new();
    let mut scanned = 0usize;
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                warn(format!("scan: {e}"));
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        // A config file's integrity sidecar holds sealed keys and MACs, nothing to find.
        if crate::integrity::is_sidecar(path) {
            continue;
        }
        if entry.metadata().is_ok_and(|m| m.len() > MAX_FILE_BYTES) {
            continue;
        }
        let Ok(bytes) = std::fs::read(path) else {
            warn(format!(
                "scan: cannot read {}",
                display_path(path, &ctx.cwd)
            ));
            continue;
        };
        if bytes[..bytes.len().min(8192)].contains(&0) {
            continue;
        }
        scanned += 1;
        let text = String::from_utf8_lossy(&bytes);
        scan_text(
            &text,
            &display_path(path, &ctx.cwd),
            &detectors,
            &known,
            &mut findings,
        );
    }

    match args.format {
        Format::Json => {
            let items: Vec<serde_json::Value> = findings
                .iter()
                .map(|f| {
                    let mut v = serde_json::json!({
                        "file": f.file,
                        "line": f.line,
                        "detector": f.detector,
                        "severity": f.severity,
                        "preview": f.preview,
                    });
                    if let Some(s) = &f.secret {
                        v["secret"] = serde_json::Value::from(s.as_str());
                    }
                    v
                })
                .collect();
            let doc = serde_json::json!({ "findings": items, "files_scanned": scanned });
            let mut text = serde_json::to_string_pretty(&doc).expect("JSON serialises");
            text.push('\n');
            print_data(&text)?;
        }
        Format::Human if ctx.global.quiet => {
            let mut files: Vec<&str> = findings.iter().map(|f| f.file.as_str()).collect();
            files.dedup();
            let mut out = files.join("\n");
            if !out.is_empty() {
                out.push('\n');
            }
            super::print_text(&out)?;
        }
        Format::Human => {
            let mut out = String::new();
            for f in &findings {
                out.push_str(&format!(
                    "{}:{}: {} ({}) {}\n",
                    f.file, f.line, f.detector, f.severity, f.preview
                ));
            }
            super::print_text(&out)?;
            let files = {
                let mut v: Vec<&str> = findings.iter().map(|f| f.file.as_str()).collect();
                v.dedup();
                v.len()
            };
            if findings.is_empty() {
                ctx.say(format!("No secrets found ({scanned} file(s) scanned)"));
            } else {
                ctx.say(format!(
                    "Found {} potential secret(s) in {files} file(s) ({scanned} file(s) scanned)",
                    findings.len()
                ));
            }
        }
    }
    Ok(if findings.is_empty() { 0 } else { 1 })
}

fn scan_text(
    text: &str,
    file: &str,
    detectors: &[Detector],
    known: &[(String, SecretValue)],
    findings: &mut Vec<Finding>,
) {
    for (i, line) in text.lines().enumerate() {
        let mut specific = false;
        for d in detectors {
            // The generic pattern is the fallback: a line a specific detector named is enough.
            if d.entropy && specific {
                continue;
            }
            let hit = d.re.captures_iter(line).find_map(|c| {
                let m = c.get(1)?.as_str();
                (!d.entropy || looks_random(m)).then_some(m)
            });
            if let Some(m) = hit {
                specific |= !d.entropy;
                findings.push(Finding {
                    file: file.to_owned(),
                    line: i + 1,
                    detector: d.name,
                    severity: d.severity,
                    preview: if d.redact { redact(m) } else { m.to_owned() },
                    secret: None,
                });
            }
        }
        for (name, needle) in known {
            if line.contains(needle.expose()) {
                findings.push(Finding {
                    file: file.to_owned(),
                    line: i + 1,
                    detector: "fnox-secret",
                    severity: "high",
                    preview: format!("{} (value of {name})", redact(needle.expose())),
                    secret: Some(name.clone()),
                });
            }
        }
    }
}

/// The project's current secret values worth looking for: what each provider holds (no
/// defaults, which are plaintext in fnox.toml anyway, and no environment), line by line,
/// long enough not to match by chance. Failures are silent (if_missing = ignore).
fn known_values(ctx: &Ctx) -> Vec<(String, SecretValue)> {
    let config = match ctx.load_optional() {
        Ok(c) => c,
        Err(e) => {
            warn(format!(
                "{}; scanning for well-known token shapes only",
                e.message
            ));
            return Vec::new();
        }
    };
    let secrets = config.secrets();
    let names: Vec<&str> = secrets.iter().map(|s| s.name).collect();
    let mut out: Vec<(String, SecretValue)> = Vec::new();
    for (name, value) in read_stored(&config, &names, true) {
        let Ok(value) = value else { continue };
        for line in value.expose().lines() {
            let line = line.trim();
            if line.chars().count() >= MIN_KNOWN_VALUE_LEN
                && !out.iter().any(|(_, v)| v.expose() == line)
            {
                out.push((name.clone(), SecretValue::from(line)));
            }
        }
    }
    out
}

/// At most a short prefix: a quarter of the value, never more than 4 characters.
fn redact(value: &str) -> String {
    let n = (value.chars().count() / 4).min(4);
    format!("{}…", value.chars().take(n).collect::<String>())
}

/// A value that is not a word, a placeholder or a reference: mixed character classes and
/// enough Shannon entropy.
fn looks_random(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let placeholders = [
        "changeme",
        "example",
        "placeholder",
        "your",
        "xxxx",
        "****",
        "redacted",
        "${",
        "{{",
    ];
    if placeholders.iter().any(|p| lower.contains(p)) {
        return false;
    }
    let has_digit = value.chars().any(|c| c.is_ascii_digit());
    let has_alpha = value.chars().any(|c| c.is_ascii_alphabetic());
    if !(has_digit && has_alpha) {
        return false;
    }
    entropy(value) >= 3.0
}

fn entropy(value: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    for c in value.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    let len = value.chars().count() as f64;
    counts
        .values()
        .map(|&n| {
            let p = n as f64 / len;
            -p * p.log2()
        })
        .sum()
}
