//! `fnox key rotate`: a new key becomes current for every definition of a provider, and every
//! value it seals, in every profile and file, is re-encrypted under it, all or nothing.

use std::collections::HashMap;
use std::path::PathBuf;

use indexmap::IndexMap;
use toml_edit::Value;

use super::lifecycle::{definitions, definitions_of, unmanaged, Definition, Family};
use super::{age as agekeys, build_providers, files_of, reencrypt_all, write_all};
use super::{Candidate, GroupKey, ProviderEdit, Recipe};
use crate::config::load::Config;
use crate::error::{Error, Result};
use crate::provider::{KeyInfo, Provider};

/// What a rotation will touch, worked out without changing anything.
pub struct Plan {
    pub name: String,
    pub family: Family,
    pub defs: Vec<Definition>,
    pub candidates: Vec<Candidate>,
    /// The definition (index into `defs`) each candidate's provider comes from.
    pub uses: Vec<usize>,
}

impl Plan {
    /// (file, profile, count) of the values, for summaries.
    pub fn counts(&self, config: &Config) -> Vec<(String, String, usize)> {
        let mut out: IndexMap<(String, String), usize> = IndexMap::new();
        for c in &self.candidates {
            *out.entry((
                config.display(&config.layers[c.layer].path),
                c.context.join(","),
            ))
            .or_default() += 1;
        }
        out.into_iter().map(|((f, p), n)| (f, p, n)).collect()
    }
}

/// Every definition of `name` and the values that use them.
pub fn plan(config: &Config, name: &str, only: Option<&[String]>) -> Result<Plan> {
    let (defs, family) = super::lifecycle::named(config, name)?;
    let first = &defs[0];
    if let Some(d) = defs.iter().find(|d| d.family() != Some(family)) {
        return Err(Error::usage(format!(
            "provider '{name}' is defined with different types ({} and {}, {})",
            first.kind,
            d.kind,
            d.location(config)
        ))
        .hint("rotate one of them after renaming it"));
    }
    let mut candidates = super::enumerate(config, only);
    candidates.retain(|c| c.provider == name);
    let found = definitions_of(config, &defs, &candidates);
    let (candidates, uses): (Vec<Candidate>, Vec<usize>) = candidates
        .into_iter()
        .zip(found)
        .filter_map(|(c, d)| Some((c, d?)))
        .unzip();
    Ok(Plan {
        name: name.to_owned(),
        family,
        defs,
        candidates,
        uses,
    })
}

/// How the new key is chosen (aws-kms, cosmian-kms).
#[derive(Debug, Clone, Default)]
pub struct NewKey {
    pub key_id: Option<String>,
    pub create: bool,
}

/// What a rotation did.
pub struct Done {
    /// The new key (age public key, key id, Transit version).
    pub new_key: String,
    pub values: usize,
    pub files: Vec<PathBuf>,
    /// Lines worth telling (where the old key went, what else still uses it).
    pub notes: Vec<String>,
}

/// Carries out `plan`: everything is computed and checked in memory before any file changes.
pub fn rotate(config: &Config, plan: Plan, new_key: &NewKey, force: bool) -> Result<Done> {
    match plan.family {
        Family::Age => rotate_age(config, plan, force),
        Family::KeyId => rotate_key_id(config, plan, new_key, force),
        Family::Transit => rotate_transit(config, plan, force),
    }
}

/// Each value group's provider with `overrides` of its definition applied: the target ciphers.
fn targets(
    config: &Config,
    plan: &Plan,
    overrides: &HashMap<usize, toml::Table>,
) -> Result<IndexMap<GroupKey, Provider>> {
    let mut out = IndexMap::new();
    for (c, d) in plan.candidates.iter().zip(&plan.uses) {
        let key = c.group();
        if out.contains_key(&key) {
            continue;
        }
        let Some(fields) = overrides.get(d) else {
            continue;
        };
        let scope = config.as_seen_by(&config.layers[c.layer].path);
        let p = crate::resolve::build_provider_with(&scope, &c.provider, &c.context, fields)?;
        out.insert(key, p);
    }
    Ok(out)
}

/// The target ciphers, once the values are re-encrypted, as what each file's integrity MAC
/// key is sealed with.
fn signing(targets: IndexMap<GroupKey, Provider>) -> super::Signing {
    targets
        .into_iter()
        .map(|((name, context, layer), p)| ((layer, context), (name, p)))
        .collect()
}

fn string_array(items: &[String]) -> Value {
    let mut a = toml_edit::Array::new();
    for i in items {
        a.push(i.as_str());
    }
    Value::Array(a)
}

fn toml_array(items: &[String]) -> toml::Value {
    toml::Value::Array(
        items
            .iter()
            .map(|s| toml::Value::from(s.as_str()))
            .collect(),
    )
}

fn rotate_age(config: &Config, plan: Plan, force: bool) -> Result<Done> {
    let first = &plan.defs[0];
    let path = agekeys::identity_file(
        &plan.name,
        &first.fields,
        &first.base_dir(config),
        config.age_key_file(),
    )?;
    for d in &plan.defs[1..] {
        let other = agekeys::identity_file(
            &d.name,
            &d.fields,
            &d.base_dir(config),
            config.age_key_file(),
        )?;
        if other != path {
            return Err(Error::usage(format!(
                "provider '{}' reads its identity from {} in {} but from {} in {}",
                plan.name,
                path.display(),
                first.location(config),
                other.display(),
                d.location(config)
            ))
            .hint("give every definition the same key_file, then rotate"));
        }
    }
    let (old_text, old_ids) = agekeys::read_identities(&path)?;
    let all_recipients: Vec<String> = plan
        .defs
        .iter()
        .flat_map(|d| d.strings("recipients"))
        .collect();
    let old = old_ids
        .iter()
        .find(|i| all_recipients.contains(&i.to_public().to_string()))
        .ok_or_else(|| {
            Error::new(format!(
                "none of the identities in {} is a recipient of provider '{}'",
                path.display(),
                plan.name
            ))
            .hint("add this machine's public key (`fnox init` prints it) to `recipients`, run `fnox reencrypt`, then rotate")
        })?;
    let old_public = old.to_public().to_string();
    let (new_text, new_id, new_public) = agekeys::generate();
    let retired = agekeys::retired_path(&path);

    let mut edits = Vec::new();
    let mut overrides = HashMap::new();
    let mut notes = Vec::new();
    for (i, d) in plan.defs.iter().enumerate() {
        let recipients = d.strings("recipients");
        if !recipients.contains(&old_public) {
            notes.push(format!(
                "{} does not list this machine's key; left as it is",
                d.location(config)
            ));
            continue;
        }
        let new_recipients: Vec<String> = recipients
            .iter()
            .map(|r| {
                if *r == old_public {
                    new_public.clone()
                } else {
                    r.clone()
                }
            })
            .collect();
        let mut retired_files = d.strings("retired_key_files");
        retired_files.push(agekeys::config_path(&retired, &d.base_dir(config)));
        edits.push(ProviderEdit {
            path: d.path(config).to_path_buf(),
            section: d.section.clone(),
            name: d.name.clone(),
            fields: vec![
                ("recipients".to_owned(), Some(string_array(&new_recipients))),
                (
                    "retired_key_files".to_owned(),
                    Some(string_array(&retired_files)),
                ),
            ],
        });
        let mut o = toml::Table::new();
        o.insert("recipients".to_owned(), toml_array(&new_recipients));
        overrides.insert(i, o);
    }
    if edits.is_empty() {
        return Err(Error::new(format!(
            "no definition of provider '{}' lists this machine's key {old_public}",
            plan.name
        )));
    }
    let mut plan = plan;
    let (candidates, uses) = std::mem::take(&mut plan.candidates)
        .into_iter()
        .zip(std::mem::take(&mut plan.uses))
        .filter(|(_, d)| overrides.contains_key(d))
        .unzip();
    (plan.candidates, plan.uses) = (candidates, uses);
    let providers = build_providers(config, &plan.candidates)?;
    let check = |values: &[&str]| crate::provider::age::decrypt_with(&new_id, values);
    let recipe = Recipe {
        targets: targets(config, &plan, &overrides)?,
        rewrap: false,
        check: Some(&check),
    };
    let new_values = reencrypt_all(config, &plan.candidates, &providers, &recipe)?;
    let sign = signing(recipe.targets);

    // Every state on disk stays readable: the identity file holds both keys while the config
    // files change, the old identities are copied beside it first, and only then is it cut
    // down to the new key.
    let both = format!("{}{}", new_text.expose(), old_text.expose());
    agekeys::write_identity(&path, &both)?;
    if let Err(e) = agekeys::write_identity(&retired, old_text.expose()) {
        let _ = agekeys::write_identity(&path, old_text.expose());
        return Err(e);
    }
    if let Err(e) = write_all(
        config,
        &plan.candidates,
        &providers,
        new_values,
        None,
        force,
        &edits,
        sign,
    ) {
        let _ = agekeys::write_identity(&path, old_text.expose());
        let _ = std::fs::remove_file(&retired);
        return Err(e);
    }
    agekeys::write_identity(&path, new_text.expose())?;

    notes.push(format!(
        "the old identity ({old_public}) is kept for reading in {}",
        retired.display()
    ));
    for d in definitions(config, None) {
        if d.name != plan.name && d.kind == "age" && d.strings("recipients").contains(&old_public) {
            notes.push(format!(
                "{} still lists the old key: its values stay readable with the retired copy; rotate it too (`fnox key rotate {}`)",
                d.location(config),
                d.name
            ));
        }
    }
    let files = super::touched(config, &plan.candidates, &edits);
    Ok(Done {
        new_key: new_public,
        values: plan.candidates.len(),
        files,
        notes,
    })
}

fn rotate_key_id(config: &Config, plan: Plan, new_key: &NewKey, force: bool) -> Result<Done> {
    let first = &plan.defs[0];
    let new_id = match (&new_key.key_id, new_key.create) {
        (Some(id), false) => id.clone(),
        (None, true) => {
            let Provider::Cipher(c) = first.build(config)? else {
                return Err(unmanaged(config, first));
            };
            c.create_key().map_err(|e| {
                crate::resolve::provider_error(
                    format!("cannot create a new key for {}", first.location(config)),
                    e,
                )
            })?
        }
        _ => {
            return Err(Error::usage(format!(
                "rotating provider '{}' ({}) needs the new key: --key-id ID, or --create to have fnox create one",
                plan.name, first.kind
            )))
        }
    };
    let mut edits = Vec::new();
    let mut overrides = HashMap::new();
    for (i, d) in plan.defs.iter().enumerate() {
        let configured = d.field_str("key_id").to_owned();
        if super::lifecycle::same_key(&configured, &new_id) {
            return Err(
                Error::usage(format!("{} already uses key {new_id}", d.location(config)))
                    .hint("name the new key with --key-id, or use --create"),
            );
        }
        // The old key as the backend names it (an ARN for an alias), so status can match values.
        let old = match d.build(config) {
            Ok(Provider::Cipher(c)) => match c.key_info() {
                Ok(KeyInfo {
                    current: Some(k), ..
                }) => k.key,
                _ => configured.clone(),
            },
            _ => configured.clone(),
        };
        let mut retired = d.strings("retired_key_ids");
        if !retired.iter().any(|r| super::lifecycle::same_key(r, &old)) {
            retired.push(old);
        }
        edits.push(ProviderEdit {
            path: d.path(config).to_path_buf(),
            section: d.section.clone(),
            name: d.name.clone(),
            fields: vec![
                ("key_id".to_owned(), Some(Value::from(new_id.as_str()))),
                ("retired_key_ids".to_owned(), Some(string_array(&retired))),
            ],
        });
        let mut o = toml::Table::new();
        o.insert("key_id".to_owned(), toml::Value::from(new_id.as_str()));
        overrides.insert(i, o);
    }
    let providers = build_providers(config, &plan.candidates)?;
    let recipe = Recipe {
        targets: targets(config, &plan, &overrides)?,
        rewrap: false,
        check: None,
    };
    let new_values = reencrypt_all(config, &plan.candidates, &providers, &recipe)?;
    let sign = signing(recipe.targets);
    write_all(
        config,
        &plan.candidates,
        &providers,
        new_values,
        None,
        force,
        &edits,
        sign,
    )?;
    let files = super::touched(config, &plan.candidates, &edits);
    Ok(Done {
        new_key: new_id,
        values: plan.candidates.len(),
        files,
        notes: vec![
            "the old key stays enabled in the KMS: values elsewhere (other branches, copies) still decrypt; `fnox key retire` says when it may be disabled".to_owned(),
        ],
    })
}

fn rotate_transit(config: &Config, plan: Plan, force: bool) -> Result<Done> {
    // One rotation per distinct key (definitions with the same settings share it).
    let mut rotated: Vec<&toml::Table> = Vec::new();
    let mut latest = String::new();
    for d in &plan.defs {
        if rotated.contains(&&d.fields) {
            continue;
        }
        let Provider::Cipher(c) = d.build(config)? else {
            return Err(unmanaged(config, d));
        };
        let info = c.rotate_key().map_err(|e| {
            crate::resolve::provider_error(
                format!("cannot rotate the key of {}", d.location(config)),
                e,
            )
        })?;
        if let Some(k) = info.current {
            latest = format!("{} v{}", k.key, k.version.unwrap_or_default());
        }
        rotated.push(&d.fields);
    }
    let providers = build_providers(config, &plan.candidates)?;
    let recipe = Recipe {
        rewrap: true,
        ..Default::default()
    };
    let new_values = reencrypt_all(config, &plan.candidates, &providers, &recipe)?;
    write_all(
        config,
        &plan.candidates,
        &providers,
        new_values,
        None,
        force,
        &[],
        HashMap::new(),
    )?;
    Ok(Done {
        new_key: latest,
        values: plan.candidates.len(),
        files: files_of(config, &plan.candidates),
        notes: vec![
            "the values were rewrapped inside Vault (the plaintext never left it); older versions still decrypt until `fnox key retire`".to_owned(),
        ],
    })
}
