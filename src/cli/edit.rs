//! `fnox edit`

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use toml_edit::{InlineTable, Value};
use zeroize::Zeroizing;

use super::Ctx;
use crate::config::edit::{ReadOnly, Transaction};
use crate::config::Section;
use crate::env_vars;
use crate::error::{Error, Result};
use crate::provider::Provider;
use crate::resolve::{build_writer, provider_error, read_stored};
use crate::secret::SecretValue;

/// Edit the secrets of the active profile(s) as plaintext in $VISUAL / $EDITOR (default vi).
///
/// WARNING: while the editor is open, the plaintext of every secret is on disk, in a private
/// temporary file (0600, in a 0700 directory in TMPDIR). fnox removes it as soon as the editor
/// exits, when the editor fails, and when fnox is terminated or hung up on; only SIGKILL or a
/// crash can leave it behind, and the next `fnox edit` removes that.
///
/// vim and neovim (also as vi, view or editor where those are links to them) are started with
/// no swap, undo, backup or viminfo/shada file (`-n -i NONE -c 'set nobackup nowritebackup
/// noswapfile noundofile viminfo='`, neovim `shada=`), so no copy of the text outlives the
/// edit. Other editors may keep their own: swap, lock and backup files beside the file are
/// removed with the directory, but some keep copies or history elsewhere: Emacs backups when
/// backup-directory-alist is set, and savehist's search history; nano's search history with
/// `set historylog`; VS Code's Local History of saved files and hot-exit backups; nvi's
/// recovery files in /var/tmp/vi.recover. Turn those off, or use vim.
///
/// Then only what changed is written back: a changed value is re-encrypted (or stored in its
/// remote store), a new `NAME = "value"` line is encrypted with the default provider, and a
/// deleted line removes that secret. fnox.toml keeps its comments and layout.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Write the config files even when they are read-only (as `rm -f`)
    #[arg(short = 'f', long)]
    pub force: bool,
}

/// One change to write back.
enum Change {
    Update {
        name: String,
        path: PathBuf,
        section: Section,
        fields: Vec<(&'static str, Value)>,
    },
    Add {
        name: String,
        fields: Vec<(&'static str, Value)>,
    },
    Remove {
        name: String,
        path: PathBuf,
        section: Section,
    },
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load()?;
    let secrets = config.secrets();
    let mut editable: Vec<&str> = Vec::new();
    let mut fixed: Vec<String> = Vec::new();
    for s in &secrets {
        let stored = s.secret.value.is_some() || s.secret.sync.is_some();
        if !stored {
            fixed.push(format!("{} (no provider value)", s.name));
        } else if s.secret.json_path.is_some() || s.secret.line.is_some() {
            fixed.push(format!(
                "{} (json_path/line selects part of a value)",
                s.name
            ));
        } else {
            editable.push(s.name);
        }
    }
    let values = read_stored(&config, &editable, true);
    let mut original: IndexMap<String, SecretValue> = IndexMap::new();
    let mut failures = Vec::new();
    for (name, r) in values {
        match r {
            Ok(v) => {
                original.insert(name, v);
            }
            Err(e) => failures.push(e),
        }
    }
    if !failures.is_empty() {
        let message = format!(
            "cannot edit: {} secret(s) could not be read",
            failures.len()
        );
        return Err(Error::batch(message, failures));
    }

    let profiles = config.profiles.join(",");
    let default_provider = config.default_provider();
    let text = render(&original, &fixed, &profiles, default_provider.as_deref());
    let edited = match edit_text(ctx, &text)? {
        Edited::Text(t) => t,
        Edited::Interrupted(code) => {
            ctx.say("Interrupted: nothing was changed, and the plaintext file was removed");
            return Ok(code);
        }
    };
    if *edited == *text {
        ctx.say("No changes");
        return Ok(0);
    }
    let new = parse(&edited)?;

    // Everything is checked before any provider is asked to encrypt or store.
    let mut updates: Vec<(&str, &SecretValue)> = Vec::new();
    let mut additions: Vec<(&str, &SecretValue)> = Vec::new();
    let mut removals: Vec<&str> = Vec::new();
    for (name, old) in &original {
        match new.get(name) {
            None => removals.push(name),
            Some(v) if v.expose() == old.expose() => {}
            Some(v) => updates.push((name, v)),
        }
    }
    for (name, v) in &new {
        if original.contains_key(name) {
            continue;
        }
        if config.secret(name).is_some() {
            return Err(Error::new(format!(
                "cannot edit {name} here; nothing was changed"
            ))
            .cause("its value is not stored by a provider, or json_path/line selects part of it")
            .hint(format!("change it with `fnox set {name}`")));
        }
        additions.push((name, v));
    }
    let add_provider = if additions.is_empty() {
        None
    } else {
        ctx.write_profile()?;
        Some(default_provider.clone().ok_or_else(|| {
            Error::new(format!(
                "cannot add {}: no provider to encrypt with; nothing was changed",
                additions[0].0
            ))
            .hint("set default_provider, or add the secret with `fnox set NAME --provider P`")
        })?)
    };

    // Before any provider encrypts or stores: every file to be written must be writable.
    let read_only = ReadOnly::overwrite_if(args.force);
    let mut targets: Vec<PathBuf> = Vec::new();
    for name in removals.iter().chain(updates.iter().map(|(n, _)| n)) {
        let entry = config.secret(name).expect("edited secrets are defined");
        targets.push(config.layers[entry.origin.layer].path.clone());
    }
    if !additions.is_empty() {
        targets.push(config.write_target(false, &ctx.write_profile()?).0);
    }
    for path in &targets {
        crate::config::edit::ensure_writable(path, read_only)?;
    }

    let mut changes: Vec<Change> = Vec::new();
    for name in removals {
        let entry = config.secret(name).expect("edited secrets are defined");
        changes.push(Change::Remove {
            name: name.to_owned(),
            path: config.layers[entry.origin.layer].path.clone(),
            section: entry.origin.section.clone(),
        });
    }
    let profiles = &config.profiles;
    for (name, v) in updates {
        let entry = config.secret(name).expect("edited secrets are defined");
        // Written back with the providers the file that holds it sees, after the trust gate.
        let scope = config.as_seen_by(&config.layers[entry.origin.layer].path);
        let what = format!("write {name}");
        let mut fields = Vec::new();
        if let Some(value) = &entry.secret.value {
            let provider = entry
                .secret
                .provider
                .clone()
                .or_else(|| scope.default_provider())
                .unwrap_or_default();
            let built = build_writer(&scope, &provider, profiles, &what)?;
            if let Some(stored) = store(&built, &provider, name, value, v)? {
                fields.push(("value", Value::from(stored)));
            }
        }
        if let Some(sync) = &entry.secret.sync {
            let built = build_writer(&scope, &sync.provider, profiles, &what)?;
            let ct = store(&built, &sync.provider, name, &sync.value, v)?
                .unwrap_or_else(|| sync.value.clone());
            let mut t = InlineTable::new();
            t.insert("provider", Value::from(sync.provider.as_str()));
            t.insert("value", Value::from(ct));
            t.fmt();
            fields.push(("sync", Value::InlineTable(t)));
        }
        changes.push(Change::Update {
            name: name.to_owned(),
            path: config.layers[entry.origin.layer].path.clone(),
            section: entry.origin.section.clone(),
            fields,
        });
    }
    if let Some(provider) = add_provider {
        let path = config.write_target(false, &ctx.write_profile()?).0;
        let scope = config.as_seen_by(&path);
        let provider = scope.default_provider().unwrap_or(provider);
        let built = build_writer(&scope, &provider, profiles, "add secrets")?;
        for (name, v) in additions {
            let stored =
                store(&built, &provider, name, name, v)?.unwrap_or_else(|| name.to_owned());
            changes.push(Change::Add {
                name: name.to_owned(),
                fields: vec![
                    ("provider", Value::from(provider.as_str())),
                    ("value", Value::from(stored)),
                ],
            });
        }
    }
    apply(ctx, &config, changes, read_only)
}

fn apply(
    ctx: &Ctx,
    config: &crate::config::Config,
    changes: Vec<Change>,
    read_only: ReadOnly,
) -> Result<i32> {
    let add_target = if changes.iter().any(|c| matches!(c, Change::Add { .. })) {
        let profile = ctx.write_profile()?;
        Some(config.write_target(false, &profile))
    } else {
        None
    };
    let mut tx = Transaction::new();
    let mut files: Vec<PathBuf> = Vec::new();
    let (mut updated, mut added, mut removed) = (Vec::new(), Vec::new(), Vec::new());
    for change in &changes {
        let path = match change {
            Change::Update { path, .. } | Change::Remove { path, .. } => path.clone(),
            Change::Add { .. } => add_target.as_ref().expect("computed above").0.clone(),
        };
        if !files.contains(&path) {
            files.push(path.clone());
        }
        let editor = tx.open(&path, read_only)?;
        match change {
            Change::Update {
                name,
                section,
                fields,
                ..
            } => {
                if !fields.is_empty() {
                    editor.set_secret(section, name, fields)?;
                }
                updated.push(name.as_str());
            }
            Change::Add { name, fields } => {
                let section = &add_target.as_ref().expect("computed above").1;
                editor.set_secret(section, name, fields)?;
                added.push(name.as_str());
            }
            Change::Remove { name, section, .. } => {
                editor.remove_secret(section, name);
                removed.push(name.as_str());
            }
        }
    }
    // The integrity tags of what the person wrote, per file, with the providers it sees.
    for path in &files {
        let written: Vec<(&Section, &str)> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Update {
                    name,
                    section,
                    path: p,
                    fields,
                } if p == path && !fields.is_empty() => Some((section, name.as_str())),
                Change::Add { name, .. } => add_target
                    .as_ref()
                    .filter(|(p, _)| p == path)
                    .map(|(_, section)| (section, name.as_str())),
                _ => None,
            })
            .collect();
        if written.is_empty() {
            continue;
        }
        let scope = config.as_seen_by(path);
        let profiles = &config.profiles;
        if let Some(editor) = tx.get_mut(path) {
            crate::integrity::write::Signer::new(&scope, profiles, path)
                .tag_written(editor, &written);
        }
    }
    files.sort();
    let files: Vec<String> = files.iter().map(|p| config.display(p)).collect();
    tx.commit()?;
    let mut parts = Vec::new();
    for (verb, names) in [("updated", updated), ("added", added), ("removed", removed)] {
        if !names.is_empty() {
            parts.push(format!("{verb} {}", names.join(", ")));
        }
    }
    ctx.say(format!("✓ {} in {}", parts.join("; "), files.join(", ")));
    Ok(0)
}

/// Encrypts with a cipher (the new ciphertext) or writes to a store under `reference` (None:
/// the reference in fnox.toml stays as it is).
fn store(
    provider: &Provider,
    provider_name: &str,
    name: &str,
    reference: &str,
    value: &SecretValue,
) -> Result<Option<String>> {
    match provider {
        Provider::Cipher(c) => c.seal(value.expose()).map(Some).map_err(|e| {
            provider_error(
                format!(
                    "cannot encrypt {name} with provider '{provider_name}'; nothing was changed"
                ),
                e,
            )
        }),
        Provider::Store(s) => s
            .store(reference, value.expose())
            .map(|_| None)
            .map_err(|e| {
                provider_error(
                    format!("cannot store {name} in provider '{provider_name}'"),
                    e,
                )
            }),
    }
}

/// The temporary file's text: a header, then `[secrets]` with one `NAME = "value"` per secret.
fn render(
    values: &IndexMap<String, SecretValue>,
    fixed: &[String],
    profiles: &str,
    default_provider: Option<&str>,
) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::new());
    out.push_str(&format!(
        "# fnox edit: the secrets of profile '{profiles}', in plaintext.\n\
         # This file is private (0600) and is deleted as soon as the editor exits.\n\
         # Change a value to re-encrypt it, delete a line to remove that secret, or add\n\
         # NAME = \"value\" to add one (encrypted with provider '{}'). Comments here are not kept.\n",
        default_provider.unwrap_or("(none: set default_provider)")
    ));
    if !fixed.is_empty() {
        out.push_str(&format!("# Not editable here: {}\n", fixed.join(", ")));
    }
    out.push_str("\n[secrets]\n");
    for (name, value) in values {
        let key = toml_edit::Key::new(name.as_str());
        let value = Zeroizing::new(Value::from(value.expose()).to_string());
        out.push_str(&format!("{} = {}\n", key.display_repr(), value.trim()));
    }
    out
}

/// Reads the edited file back: every entry of `[secrets]` must be a string.
fn parse(text: &str) -> Result<IndexMap<String, SecretValue>> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        Error::new("the edited file is not valid TOML; nothing was changed")
            .cause(crate::config::load::redact_literals(e.message().trim_end()))
            .hint("run `fnox edit` again; the edits were discarded with the temporary file")
    })?;
    let mut out = IndexMap::new();
    for (key, item) in table {
        match (key.as_str(), item) {
            ("secrets", toml::Value::Table(secrets)) => {
                for (name, v) in secrets {
                    let toml::Value::String(s) = v else {
                        return Err(Error::new(format!(
                            "{name} in the edited file is a {}, not a string; nothing was changed",
                            v.type_str()
                        ))
                        .hint("write each secret as NAME = \"value\""));
                    };
                    out.insert(name, SecretValue::new(s));
                }
            }
            (other, _) => {
                return Err(Error::new(format!(
                    "unexpected `{other}` in the edited file; nothing was changed"
                ))
                .hint("keep every secret under [secrets], as NAME = \"value\""))
            }
        }
    }
    Ok(out)
}

enum Edited {
    Text(Zeroizing<String>),
    /// fnox was told to stop while the editor ran: the exit code (128+N).
    Interrupted(i32),
}

/// Writes `text` to a private temporary file, runs the editor on it, and reads it back. The
/// directory (and whatever the editor put in it) is removed on every path out of here.
fn edit_text(ctx: &Ctx, text: &str) -> Result<Edited> {
    let fail = |what: &str, e: std::io::Error| {
        Error::new(format!("cannot {what} the temporary file for editing"))
            .cause(e)
            .hint("check that the temporary directory (TMPDIR) is writable")
    };
    // 0700, removed when dropped (also on early returns and panics); one a killed fnox left
    // behind is removed here, by the next run.
    let dir = crate::secret_files::PrivateDir::new("edit").map_err(|e| fail("create", e))?;
    let path = dir.path().join("secrets.toml");
    {
        use std::io::Write;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path).map_err(|e| fail("create", e))?;
        file.write_all(text.as_bytes())
            .map_err(|e| fail("write", e))?;
    }
    let editor = env_vars::non_empty(env_vars::VISUAL)
        .or_else(|| env_vars::non_empty(env_vars::EDITOR))
        .unwrap_or_else(|| "vi".to_owned());
    ctx.verbose(format!("editing {} with {editor}", path.display()));
    let status = match run_editor(&editor, &path, dir.path())? {
        EditorExit::Status(status) => status,
        EditorExit::Signalled(code) => return Ok(Edited::Interrupted(code)),
    };
    if !status.success() {
        let how = status
            .code()
            .map_or_else(|| "was killed".to_owned(), |c| format!("exited with {c}"));
        return Err(Error::new(format!(
            "the editor `{editor}` {how}; nothing was changed"
        ))
        .cause("the temporary file was removed")
        .hint("set VISUAL or EDITOR to an editor that waits until you close the file (e.g. `code --wait`)"));
    }
    let bytes = std::fs::read(&path).map_err(|e| fail("read back", e))?;
    drop(dir);
    let edited = String::from_utf8(bytes)
        .map_err(|_| Error::new("the edited file is not UTF-8 text; nothing was changed"))?;
    Ok(Edited::Text(Zeroizing::new(edited)))
}

enum EditorExit {
    Status(std::process::ExitStatus),
    Signalled(i32),
}

/// Runs the editor command (through `sh -c`, so it may carry arguments) on `path`.
/// SIGTERM and SIGHUP, and INT/QUIT sent by another process, remove `dir` at once, are passed
/// on to the editor, and end the edit. INT/QUIT from the terminal are the editor's business.
/// A signal fnox was started with ignored stays ignored and does none of this.
fn run_editor(editor: &str, path: &Path, dir: &Path) -> Result<EditorExit> {
    let spawn_fail = |e: std::io::Error| {
        Error::new(format!("Failed to launch editor: {editor}"))
            .code("fnox::editor::launch_failed")
            .cause(e)
            .hint("set VISUAL or EDITOR to your editor")
    };
    #[cfg(unix)]
    {
        use signal_hook::consts::signal::*;
        use signal_hook::iterator::exfiltrator::WithOrigin;
        use signal_hook::iterator::SignalsInfo;
        use signal_hook::low_level::siginfo::Cause;
        use std::sync::atomic::{AtomicI32, Ordering};
        use std::sync::Arc;

        // A signal the caller ignored (nohup) stays ignored, for fnox and the editor alike.
        let caught = crate::signals::not_ignored(&[SIGINT, SIGTERM, SIGHUP, SIGQUIT]);
        let mut signals = SignalsInfo::<WithOrigin>::new(caught)
            .map_err(|e| Error::new("cannot set up signal handling").cause(e))?;
        let mut child = crate::editor::command(editor, path)
            .spawn()
            .map_err(spawn_fail)?;
        let pid = child.id() as libc::pid_t;
        let got = Arc::new(AtomicI32::new(0));
        let handle = signals.handle();
        let watcher = {
            let got = Arc::clone(&got);
            let dir = dir.to_path_buf();
            std::thread::spawn(move || {
                for info in signals.forever() {
                    let from_terminal = matches!(info.cause, Cause::Kernel);
                    if from_terminal && matches!(info.signal, SIGINT | SIGQUIT) {
                        continue;
                    }
                    got.store(info.signal, Ordering::SeqCst);
                    let _ = std::fs::remove_dir_all(&dir);
                    if !from_terminal {
                        // SAFETY: kill(2) on our own child, not reaped yet.
                        unsafe { libc::kill(pid, info.signal) };
                    }
                }
            })
        };
        let status = child.wait();
        handle.close();
        let _ = watcher.join();
        let status = status.map_err(|e| Error::new("cannot wait for the editor").cause(e))?;
        match got.load(Ordering::SeqCst) {
            0 => Ok(EditorExit::Status(status)),
            sig => Ok(EditorExit::Signalled(128 + sig)),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        let mut parts = editor.split_whitespace();
        let program = parts.next().unwrap_or("notepad");
        let status = std::process::Command::new(program)
            .args(crate::editor::private_options(program))
            .args(parts)
            .arg(path)
            .status()
            .map_err(spawn_fail)?;
        Ok(EditorExit::Status(status))
    }
}
