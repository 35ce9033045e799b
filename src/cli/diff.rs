//! `fnox diff`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Ctx;
use crate::config::LoadOptions;
use crate::error::{Error, Result};
use crate::integrity::write::entries;
use crate::secret::SecretValue;

/// Show which secrets differ between two versions of a config file: added, removed, changed
/// (with their providers), no value unless --values. Ciphertexts are opaque, so this is what a
/// review of fnox.toml needs.
///
/// With --values (on a terminal only), each added, removed or changed secret's old and new values
/// follow it, decrypted or fetched with the providers each version of the file defines, as
/// `fnox -c FILE get` would read them there.
///
/// As git's textconv (`git config diff.fnox.textconv "fnox diff --textconv"` and `fnox.toml
/// diff=fnox` in .gitattributes), `git diff` and `git log -p` show one line per secret: its
/// section, name, provider and a fingerprint of its stored value.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print FILE as one line per secret (for git's textconv) instead of comparing two files
    #[arg(long, value_name = "FILE", conflicts_with_all = ["old", "new"])]
    pub textconv: Option<PathBuf>,
    /// Also show the old and new values of what differs (only when stdout is a terminal)
    #[arg(long, conflicts_with = "textconv")]
    pub values: bool,
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
    /// It has a `value` or a `default` (else only the environment could give it one).
    has_value: bool,
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
            let has_value = entry.get("value").is_some() || entry.get("default").is_some();
            (
                id,
                Seen {
                    provider,
                    fingerprint,
                    has_value,
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

/// The values of `ids` in the file at `path`, each as that file (with the global config, as
/// `fnox -c PATH` loads it) resolves it under the entry's own profile: its providers, its
/// integrity sidecar. A value that cannot be read is its reason, for `<cannot read: …>`.
fn values_in(
    ctx: &Ctx,
    path: &Path,
    ids: &[&(String, String)],
) -> BTreeMap<(String, String), std::result::Result<SecretValue, String>> {
    let mut by_profile: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (section, name) in ids {
        let profile = if section.is_empty() {
            crate::config::DEFAULT_PROFILE
        } else {
            section.as_str()
        };
        by_profile.entry(profile).or_default().push(name.as_str());
    }
    let mut out = BTreeMap::new();
    for (profile, names) in by_profile {
        let section = if profile == crate::config::DEFAULT_PROFILE {
            String::new()
        } else {
            profile.to_owned()
        };
        let opts = LoadOptions {
            explicit: Some(path.to_path_buf()),
            profiles: vec![profile.to_owned()],
            no_defaults: ctx.global.no_defaults,
            ..LoadOptions::default()
        };
        let config = match crate::config::load(&ctx.cwd, opts) {
            Ok(config) => config,
            Err(e) => {
                for name in names {
                    out.insert((section.clone(), name.to_owned()), Err(e.one_line()));
                }
                continue;
            }
        };
        for (name, r) in crate::resolve::resolve_each(&config, &names) {
            out.insert((section.clone(), name), r.map_err(|e| e.one_line()));
        }
    }
    out
}

/// The value lines under one secret of the listing: `    old: …` / `    new: …`.
fn value_line(
    out: &mut String,
    which: &str,
    seen: &Seen,
    value: Option<&std::result::Result<SecretValue, String>>,
) {
    let shown = match value {
        _ if !seen.has_value => "<no value in the file>".to_owned(),
        Some(Ok(v)) => crate::term::escape(v.expose()).into_owned(),
        Some(Err(why)) => format!("<cannot read: {}>", crate::term::escape(why)),
        None => "<cannot read: not resolved>".to_owned(),
    };
    out.push_str(&format!("    {which}: {shown}\n"));
}

/// Why --values needs a terminal, and what to do instead.
fn refuse_values_off_terminal() -> Error {
    Error::usage("diff --values shows secret values, and stdout is not a terminal")
        .cause(
            "values must not land in pipes, log files, CI output or git's pager caches, \
             where they outlive the screen",
        )
        .hint(
            "run `fnox diff --values OLD NEW` in a terminal without a pipe, redirect or pager; \
             without --values the diff names what changed and can go anywhere",
        )
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    use std::io::IsTerminal;
    if args.values && !std::io::stdout().is_terminal() {
        return Err(refuse_values_off_terminal());
    }
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
    let (old_path, new_path) = (
        args.old.as_deref().expect("required"),
        args.new.as_deref().expect("required"),
    );
    let (old, new) = (read(old_path)?, read(new_path)?);
    let changed = |was: &Seen, seen: &Seen| {
        was.provider != seen.provider || was.fingerprint != seen.fingerprint
    };
    // With --values: every differing secret's value in each version that has it, read in one
    // resolver run per version and profile.
    let (old_values, new_values) = if args.values {
        let old_ids: Vec<_> = old
            .iter()
            .filter(|(id, was)| new.get(*id).is_none_or(|seen| changed(was, seen)))
            .map(|(id, _)| id)
            .collect();
        let new_ids: Vec<_> = new
            .iter()
            .filter(|(id, seen)| old.get(*id).is_none_or(|was| changed(was, seen)))
            .map(|(id, _)| id)
            .collect();
        (
            values_in(ctx, old_path, &old_ids),
            values_in(ctx, new_path, &new_ids),
        )
    } else {
        Default::default()
    };
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
            Some(_) => continue,
        }
        if args.values {
            if let Some(was) = old.get(id) {
                value_line(&mut out, "old", was, old_values.get(id));
            }
            value_line(&mut out, "new", seen, new_values.get(id));
        }
    }
    for (id, was) in &old {
        if !new.contains_key(id) {
            out.push_str(&format!(
                "- {} ({})\n",
                label(id),
                crate::term::escape(&was.provider)
            ));
            if args.values {
                value_line(&mut out, "old", was, old_values.get(id));
            }
        }
    }
    super::print_data(&out)?;
    // As diff(1): 1 when the files differ.
    Ok(i32::from(!out.is_empty()))
}
