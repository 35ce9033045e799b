//! `fnox merge-driver`

use std::path::{Path, PathBuf};

use super::Ctx;
use crate::error::{warn, Error, Result};
use crate::integrity::merge::{is_sidecar_name, merge_config, merge_sidecar, Merged};

/// Git merge driver for fnox.toml and its integrity sidecar (fnox.lock): merges secret by
/// secret, so two branches that add or change different secrets merge cleanly and their tags
/// still verify; a secret changed on both sides stays a conflict.
///
/// Set up once per clone with `fnox merge-driver --install` (git config `merge.fnox.driver` and
/// `.gitattributes` lines), or by hand:
///   git config merge.fnox.driver "fnox merge-driver %O %A %B %P"
///   echo 'fnox.toml merge=fnox' >> .gitattributes   # and fnox.lock, fnox.*.toml, fnox.*.lock
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Configure the driver in this repository (git config) and name the files in .gitattributes
    #[arg(long, conflicts_with_all = ["base", "ours", "theirs"])]
    pub install: bool,
    /// The common ancestor's version (git's %O)
    #[arg(required_unless_present = "install")]
    pub base: Option<PathBuf>,
    /// Our version (git's %A); the merge is written here
    #[arg(required_unless_present = "install")]
    pub ours: Option<PathBuf>,
    /// Their version (git's %B)
    #[arg(required_unless_present = "install")]
    pub theirs: Option<PathBuf>,
    /// The path in the repository (git's %P), which says whether it is a sidecar
    pub path: Option<String>,
}

/// The .gitattributes lines the driver needs.
const ATTRIBUTES: [&str; 6] = [
    "fnox.toml merge=fnox",
    "fnox.*.toml merge=fnox",
    ".fnox.toml merge=fnox",
    "fnox.lock merge=fnox",
    "fnox.*.lock merge=fnox",
    ".fnox.lock merge=fnox",
];

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    if args.install {
        return install(ctx);
    }
    let (base, ours, theirs) = (
        args.base.expect("required"),
        args.ours.expect("required"),
        args.theirs.expect("required"),
    );
    let read = |p: &Path| {
        std::fs::read_to_string(p)
            .map_err(|e| Error::new(format!("merge-driver: cannot read {}", p.display())).cause(e))
    };
    let shown = args
        .path
        .clone()
        .unwrap_or_else(|| ours.display().to_string());
    let (o, a, b) = (read(&base)?, read(&ours)?, read(&theirs)?);
    let merged: Merged = if is_sidecar_name(&shown) {
        merge_sidecar(&o, &a, &b)
    } else {
        match merge_config(&o, &a, &b) {
            Ok(m) => m,
            Err(why) => {
                // Leave ours as it is: git reports the conflict, and the person resolves it.
                warn(format!("merge-driver: cannot merge {shown} secret by secret: {why}; resolve it by hand"));
                return Ok(1);
            }
        }
    };
    crate::config::edit::atomic_write(
        &ours,
        merged.text.as_bytes(),
        crate::config::edit::FileMode::KeepOr(0o644),
    )?;
    if merged.conflicts.is_empty() {
        return Ok(0);
    }
    for c in &merged.conflicts {
        warn(format!(
            "merge-driver: {shown}: {c} (ours is kept in the file)"
        ));
    }
    warn(format!(
        "merge-driver: resolve {shown} by hand; then `fnox set` the secrets named, which tags them again"
    ));
    Ok(1)
}

/// `git config merge.fnox.*` in this repository, and the attribute lines .gitattributes lacks.
fn install(ctx: &Ctx) -> Result<i32> {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(&ctx.cwd)
            .output()
            .map_err(|e| Error::new("merge-driver --install: cannot run git").cause(e))
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(
            Error::new("merge-driver --install: not inside a git repository")
                .hint("run it in the clone whose fnox.toml should merge secret by secret"),
        );
    }
    let root = PathBuf::from(String::from_utf8_lossy(&top.stdout).trim());
    for (key, value) in [
        (
            "merge.fnox.name",
            "fnox: fnox.toml and fnox.lock, secret by secret",
        ),
        ("merge.fnox.driver", "fnox merge-driver %O %A %B %P"),
    ] {
        let out = git(&["config", key, value])?;
        if !out.status.success() {
            return Err(
                Error::new(format!("merge-driver --install: git config {key} failed"))
                    .cause(String::from_utf8_lossy(&out.stderr).trim().to_owned()),
            );
        }
    }
    let path = root.join(".gitattributes");
    let existing = std::fs::read_to_string(&path).unwrap_or_default();
    let missing: Vec<&str> = ATTRIBUTES
        .iter()
        .copied()
        .filter(|l| !existing.lines().any(|e| e.trim() == *l))
        .collect();
    if !missing.is_empty() {
        let mut text = existing.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for l in &missing {
            text.push_str(l);
            text.push('\n');
        }
        crate::config::edit::atomic_write(
            &path,
            text.as_bytes(),
            crate::config::edit::FileMode::KeepOr(0o644),
        )?;
    }
    ctx.say(format!(
        "✓ git merges fnox.toml and fnox.lock secret by secret in {} ({} line(s) added to .gitattributes; commit it)",
        root.display(),
        missing.len()
    ));
    Ok(0)
}
