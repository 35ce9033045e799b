//! `fnox key retire PROVIDER --below VERSION`: after checking that no loaded value still needs a
//! key version below VERSION, those versions stop working (Transit's `min_decryption_version`),
//! are forgotten and deleted (age's retired identity files), or are named as safe to disable in
//! the KMS (fnox schedules nothing there).

use std::collections::HashMap;
use std::path::PathBuf;

use super::lifecycle::{status, Definition, Family, State, Status, Use};
use super::rotate::Plan;
use super::ProviderEdit;
use crate::config::load::Config;
use crate::error::{Error, Result};
use crate::provider::Provider;

/// What retiring would do (or did), per definition.
pub struct Retirement {
    pub def: Definition,
    pub versions: Vec<u64>,
    /// Retired age identity files to delete.
    pub files: Vec<PathBuf>,
    /// `retired_key_files` / `retired_key_ids` entries to drop.
    pub entries: Vec<String>,
    /// Keys that may now be disabled in their KMS.
    pub keys: Vec<String>,
}

/// Works out the retirement, refusing while any value still needs a version below `below`.
pub fn prepare(config: &Config, plan: &Plan, below: u64) -> Result<Vec<Retirement>> {
    let mut out = Vec::new();
    let mut blocking: Vec<(u64, Use)> = Vec::new();
    for (i, def) in plan.defs.iter().enumerate() {
        let values: Vec<&super::Candidate> = plan
            .candidates
            .iter()
            .zip(&plan.uses)
            .filter(|(_, d)| **d == i)
            .map(|(c, _)| c)
            .collect();
        let st: Status = status(config, def, &values)?;
        if let Some(current) = st.current() {
            if below > current.version {
                return Err(Error::usage(format!(
                    "--below {below} would retire the current key of {} (version {})",
                    def.location(config),
                    current.version
                ))
                .hint(format!(
                    "rotate first (`fnox key rotate {}`), then retire the versions below the new one",
                    def.name
                )));
            }
        }
        let old: Vec<_> = st
            .versions
            .iter()
            .filter(|v| v.version < below && v.state != State::Current)
            .collect();
        for v in &old {
            blocking.extend(v.secrets.iter().map(|u| (v.version, u.clone())));
        }
        let mut r = Retirement {
            def: def.clone(),
            versions: old.iter().map(|v| v.version).collect(),
            files: Vec::new(),
            entries: Vec::new(),
            keys: Vec::new(),
        };
        match plan.family {
            Family::Age => {
                let listed = def.strings("retired_key_files");
                for v in &old {
                    if let Some(raw) = listed.get(v.version as usize - 1) {
                        r.entries.push(raw.clone());
                        let path = crate::env_vars::expand_path(raw, &def.base_dir(config));
                        if path.exists() {
                            r.files.push(path);
                        }
                    }
                }
            }
            Family::KeyId => {
                let listed = def.strings("retired_key_ids");
                for v in &old {
                    if let Some(id) = listed.get(v.version as usize - 1) {
                        r.entries.push(id.clone());
                        r.keys.push(id.clone());
                    }
                }
            }
            Family::Transit => {}
        }
        out.push(r);
    }
    if !blocking.is_empty() {
        let mut err = Error::new(format!(
            "cannot retire the key versions below {below} of provider '{}': {} value(s) still need them; nothing was changed",
            plan.name,
            blocking.len()
        ))
        .code("fnox::key::in_use");
        for (v, u) in &blocking {
            err = err.cause(format!("{u} is sealed with version {v}"));
        }
        return Err(err.hint(format!(
            "move them to the current key first: `fnox reencrypt --provider {}` (or `fnox key rotate {}`), then retire",
            plan.name, plan.name
        )));
    }
    Ok(out)
}

/// Carries out the retirement; returns lines to tell.
pub fn retire(
    config: &Config,
    plan: &Plan,
    below: u64,
    retirements: Vec<Retirement>,
    force: bool,
) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    match plan.family {
        Family::Transit => {
            let mut done: Vec<toml::Table> = Vec::new();
            for r in &retirements {
                if done.contains(&r.def.fields) {
                    continue;
                }
                let Provider::Cipher(c) = r.def.build(config)? else {
                    continue;
                };
                c.retire_below(below).map_err(|e| {
                    crate::resolve::provider_error(
                        format!(
                            "cannot retire the old versions of {}",
                            r.def.location(config)
                        ),
                        e,
                    )
                })?;
                done.push(r.def.fields.clone());
                notes.push(if below <= 1 {
                    format!(
                        "every version of the key of {} decrypts again (min_decryption_version = 1)",
                        r.def.location(config)
                    )
                } else {
                    format!(
                        "versions below {below} of the key of {} no longer decrypt anything (min_decryption_version = {below}); `fnox key retire {} --below 1` enables them again",
                        r.def.location(config),
                        r.def.name
                    )
                });
            }
        }
        Family::Age | Family::KeyId => {
            let field = plan
                .family
                .retired_field()
                .expect("age and key ids record retired keys");
            let mut edits = Vec::new();
            for r in &retirements {
                if r.entries.is_empty() {
                    continue;
                }
                let kept: Vec<String> = r
                    .def
                    .strings(field)
                    .into_iter()
                    .filter(|e| !r.entries.contains(e))
                    .collect();
                let value = (!kept.is_empty()).then(|| {
                    let mut a = toml_edit::Array::new();
                    for k in &kept {
                        a.push(k.as_str());
                    }
                    toml_edit::Value::Array(a)
                });
                edits.push(ProviderEdit {
                    path: r.def.path(config).to_path_buf(),
                    section: r.def.section.clone(),
                    name: r.def.name.clone(),
                    fields: vec![(field.to_owned(), value)],
                });
            }
            if !edits.is_empty() {
                super::write_all(
                    config,
                    &[],
                    &Default::default(),
                    Vec::new(),
                    None,
                    force,
                    &edits,
                    HashMap::new(),
                )?;
            }
            for r in &retirements {
                for f in &r.files {
                    wipe(f)?;
                    notes.push(format!(
                        "deleted the retired identity {}; copies may still live in backups of that directory, on machines or password managers you copied it to, in CI settings (FNOX_AGE_KEY), and in git history if it was ever committed",
                        f.display()
                    ));
                }
                for k in &r.keys {
                    notes.push(format!(
                        "no loaded value uses key {k} any more: it may now be disabled in the KMS (fnox schedules nothing), once no other branch or copy of these files needs it"
                    ));
                }
            }
        }
    }
    Ok(notes)
}

/// Overwrites a key file with zeros before removing it (a best effort: the file system may keep
/// other copies).
fn wipe(path: &std::path::Path) -> Result<()> {
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::write(path, vec![0u8; meta.len() as usize]);
    }
    std::fs::remove_file(path)
        .map_err(|e| Error::new(format!("cannot delete {}", path.display())).cause(e))
}
