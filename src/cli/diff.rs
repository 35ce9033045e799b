//! `fnox diff`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Ctx;
use crate::error::{Error, Result};
use crate::integrity::write::entries;

/// Show which secrets differ between two versions of a config file: added, removed, changed
/// (with their providers), never a value. Ciphertexts are opaque, so this is what a review of
/// fnox.toml needs.
///
/// As git's textconv (`git config diff.fnox.textconv "fnox diff --textconv"` and `fnox.toml
/// diff=fnox` in .gitattributes), `git diff` and `git log -p` show one line per secret: its
/// section, name, provider and a fingerprint of its stored value.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print FILE as one line per secret (for git's textconv) instead of comparing two files
    #[arg(long, value_name = "FILE", conflicts_with_all = ["old", "new"])]
    pub textconv: Option<PathBuf>,
    /// The older version
    #[arg(required_unless_present = "textconv")]
    pub old: Option<PathBuf>,
    /// The newer version
    #[arg(required_unless_present = "textconv")]
    pub new: Option<PathBuf>,
}

/// One secret as a review sees it: its provider and a fingerprint of what fnox.toml stores.
struct Seen {
    provider: String,
    fingerprint: String,
}

fn read(path: &Path) -> Result<BTreeMap<(String, String), Seen>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::new(format!("diff: cannot read {}", path.display())).cause(e))?;
    if text.parse::<toml::Table>().is_err() {
        return Err(
            Error::new(format!("diff: {} is not valid TOML", path.display()))
                .code("fnox::config::invalid_toml"),
        );
    }
    Ok(entries(&text)
        .into_iter()
        .map(|(id, entry)| {
            let field = |k: &str| entry.get(k).and_then(|v| v.as_str()).map(str::to_owned);
            let provider = field("provider").unwrap_or_else(|| "(default)".to_owned());
            // The stored value's fingerprint (the whole entry's when it has none).
            let digest = crate::trust::digest(&field("value").unwrap_or_else(|| entry.to_string()));
            let fingerprint = digest.chars().take(12).collect();
            (
                id,
                Seen {
                    provider,
                    fingerprint,
                },
            )
        })
        .collect())
}

fn label((section, name): &(String, String)) -> String {
    let name = crate::term::escape(name);
    if section.is_empty() {
        name.into_owned()
    } else {
        format!("{name} (profile {})", crate::term::escape(section))
    }
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<i32> {
    let mut out = String::new();
    if let Some(file) = &args.textconv {
        for (id, seen) in read(file)? {
            let section = if id.0.is_empty() { "-" } else { id.0.as_str() };
            out.push_str(&format!(
                "{} {} provider={} value={}\n",
                crate::term::escape(section),
                crate::term::escape(&id.1),
                crate::term::escape(&seen.provider),
                seen.fingerprint
            ));
        }
        return super::print_data(&out).map(|()| 0);
    }
    let (old, new) = (
        read(args.old.as_deref().expect("required"))?,
        read(args.new.as_deref().expect("required"))?,
    );
    for (id, seen) in &new {
        match old.get(id) {
            None => out.push_str(&format!(
                "+ {} ({})\n",
                label(id),
                crate::term::escape(&seen.provider)
            )),
            Some(was) if was.provider != seen.provider => out.push_str(&format!(
                "~ {} ({} -> {})\n",
                label(id),
                crate::term::escape(&was.provider),
                crate::term::escape(&seen.provider)
            )),
            Some(was) if was.fingerprint != seen.fingerprint => out.push_str(&format!(
                "~ {} ({})\n",
                label(id),
                crate::term::escape(&seen.provider)
            )),
            Some(_) => {}
        }
    }
    for (id, was) in &old {
        if !new.contains_key(id) {
            out.push_str(&format!(
                "- {} ({})\n",
                label(id),
                crate::term::escape(&was.provider)
            ));
        }
    }
    super::print_data(&out)?;
    // As diff(1): 1 when the files differ.
    Ok(i32::from(!out.is_empty()))
}
