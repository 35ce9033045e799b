//! Three-way merges for git's merge driver: a config file merged secret by secret, a sidecar
//! line by line (key by provider, tags by secret). Two branches that add or change different
//! secrets merge cleanly; a secret changed differently on both sides stays a conflict.

use std::collections::BTreeSet;

use toml_edit::{DocumentMut, Item, Table};

use super::write::entries;
use super::{Sidecar, Sig, Tag};

/// A merge's outcome: the merged text, and what could not be merged (empty: clean).
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<String>,
}

/// One key's three-way merge: `Err` when both sides changed it differently.
fn pick<T: PartialEq + Clone>(
    base: Option<&T>,
    ours: Option<&T>,
    theirs: Option<&T>,
) -> Result<Option<T>, ()> {
    if ours == theirs || theirs == base {
        Ok(ours.cloned())
    } else if ours == base {
        Ok(theirs.cloned())
    } else {
        Err(())
    }
}

/// The section label a person reads: "secrets.NAME" or "profiles.P.secrets.NAME".
pub(super) fn place(section: &str, name: &str) -> String {
    if section.is_empty() {
        format!("secrets.{name}")
    } else {
        format!("profiles.{section}.secrets.{name}")
    }
}

/// Everything of a config file but its secrets, to compare the rest.
fn without_secrets(text: &str) -> Option<toml::Table> {
    let mut doc = text.parse::<toml::Table>().ok()?;
    doc.remove("secrets");
    if let Some(toml::Value::Table(profiles)) = doc.get_mut("profiles") {
        for (_, body) in profiles.iter_mut() {
            if let toml::Value::Table(t) = body {
                t.remove("secrets");
            }
        }
        profiles.retain(|_, b| !matches!(b, toml::Value::Table(t) if t.is_empty()));
        if profiles.is_empty() {
            doc.remove("profiles");
        }
    }
    Some(doc)
}

/// The `secrets` table of a section, created (implicit parents) on demand.
fn secrets_table<'d>(doc: &'d mut DocumentMut, section: &str) -> Option<&'d mut Table> {
    let root = doc.as_table_mut();
    let parent = if section.is_empty() {
        root
    } else {
        let profiles = root
            .entry("profiles")
            .or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(true);
                Item::Table(t)
            })
            .as_table_mut()?;
        profiles
            .entry(section)
            .or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(true);
                Item::Table(t)
            })
            .as_table_mut()?
    };
    if !parent.contains_key("secrets") {
        parent.insert("secrets", Item::Table(Table::new()));
    }
    parent.get_mut("secrets")?.as_table_mut()
}

/// The key and item of one secret in a document, as written there (`NAME= { ... }` keeps its
/// spacing).
fn secret_item(doc: &DocumentMut, section: &str, name: &str) -> Option<(toml_edit::Key, Item)> {
    let secrets = if section.is_empty() {
        doc.get("secrets")?
    } else {
        doc.get("profiles")?.get(section)?.get("secrets")?
    };
    let (key, item) = secrets.as_table_like()?.get_key_value(name)?;
    Some((key.clone(), item.clone()))
}

/// Merges a config file: every secret three ways; the rest must be the same on both sides or
/// changed on one only (that side's text is then the base the other side's secrets go into).
pub fn merge_config(base: &str, ours: &str, theirs: &str) -> Result<Merged, String> {
    let parse = |t: &str, side: &str| {
        t.parse::<DocumentMut>()
            .map_err(|e| format!("{side} is not valid TOML: {}", e.message().trim_end()))
    };
    let (rest_o, rest_a, rest_b) = (
        without_secrets(base).ok_or("the common ancestor is not valid TOML")?,
        without_secrets(ours).ok_or("ours is not valid TOML")?,
        without_secrets(theirs).ok_or("theirs is not valid TOML")?,
    );
    // The side whose document the merge edits: ours, unless only theirs changed the rest.
    let (into, other, into_text, other_text) = if rest_a == rest_b || rest_b == rest_o {
        (parse(ours, "ours")?, parse(theirs, "theirs")?, ours, theirs)
    } else if rest_a == rest_o {
        (parse(theirs, "theirs")?, parse(ours, "ours")?, theirs, ours)
    } else {
        return Err(
            "both sides changed something other than secrets (providers, settings, imports)".into(),
        );
    };
    let mut doc = into;
    let (o, a, b) = (entries(base), entries(into_text), entries(other_text));
    let ids: BTreeSet<&(String, String)> = o.keys().chain(a.keys()).chain(b.keys()).collect();
    let mut conflicts = Vec::new();
    for id in ids {
        match pick(o.get(id), a.get(id), b.get(id)) {
            Err(()) => conflicts.push(format!("{} was changed on both sides", place(&id.0, &id.1))),
            Ok(chosen) if chosen.as_ref() == a.get(id) => {}
            Ok(None) => {
                if let Some(t) = secrets_table(&mut doc, &id.0) {
                    t.remove(&id.1);
                }
            }
            Ok(Some(_)) => {
                let (key, item) = secret_item(&other, &id.0, &id.1).expect("the other side has it");
                if let Some(t) = secrets_table(&mut doc, &id.0) {
                    t.insert_formatted(&key, item);
                }
            }
        }
    }
    Ok(Merged {
        text: doc.to_string(),
        conflicts,
    })
}

/// Merges a sidecar: MAC keys by provider, tags and signatures by secret, `strict`, and lines this version
/// does not know (kept from both sides).
pub fn merge_sidecar(base: &str, ours: &str, theirs: &str) -> Merged {
    let (o, a, b) = (
        Sidecar::parse(base),
        Sidecar::parse(ours),
        Sidecar::parse(theirs),
    );
    let mut out = Sidecar {
        strict: pick(Some(&o.strict), Some(&a.strict), Some(&b.strict))
            .ok()
            .flatten()
            .unwrap_or(a.strict),
        ..Default::default()
    };
    let mut conflicts = Vec::new();
    let providers: BTreeSet<&String> = o
        .keys
        .keys()
        .chain(a.keys.keys())
        .chain(b.keys.keys())
        .collect();
    for p in providers {
        match pick(o.keys.get(p), a.keys.get(p), b.keys.get(p)) {
            Ok(Some(k)) => {
                out.keys.insert(p.clone(), k);
            }
            Ok(None) => {}
            Err(()) => {
                conflicts.push(format!(
                    "the MAC key of provider '{p}' differs on the two sides (each made or resealed its own)"
                ));
                if let Some(k) = a.keys.get(p) {
                    out.keys.insert(p.clone(), k.clone());
                }
            }
        }
    }
    let ids: BTreeSet<&(String, String)> = o
        .tags
        .keys()
        .chain(a.tags.keys())
        .chain(b.tags.keys())
        .collect();
    for id in ids {
        let chosen: Result<Option<BTreeSet<Tag>>, ()> =
            pick(o.tags.get(id), a.tags.get(id), b.tags.get(id));
        match chosen {
            Ok(Some(t)) => {
                out.tags.insert(id.clone(), t);
            }
            Ok(None) => {}
            Err(()) => {
                conflicts.push(format!(
                    "the tag of {} differs on the two sides",
                    place(&id.0, &id.1)
                ));
                if let Some(t) = a.tags.get(id) {
                    out.tags.insert(id.clone(), t.clone());
                }
            }
        }
    }
    // Signatures by secret, like tags; where both sides only added signatures to what the base
    // had (each re-signed the same entry), both sides' are kept.
    let ids: BTreeSet<&(String, String)> = o
        .sigs
        .keys()
        .chain(a.sigs.keys())
        .chain(b.sigs.keys())
        .collect();
    let empty = BTreeSet::new();
    for id in ids {
        let chosen: Result<Option<BTreeSet<Sig>>, ()> =
            pick(o.sigs.get(id), a.sigs.get(id), b.sigs.get(id));
        let [so, sa, sb] = [&o, &a, &b].map(|s| s.sigs.get(id).unwrap_or(&empty));
        match chosen {
            Ok(Some(s)) => {
                out.sigs.insert(id.clone(), s);
            }
            Ok(None) => {}
            Err(())
                if so.is_subset(sa)
                    && so.is_subset(sb)
                    && out.tags.get(id) == a.tags.get(id)
                    && a.tags.get(id) == b.tags.get(id) =>
            {
                out.sigs.insert(id.clone(), sa.union(sb).cloned().collect());
            }
            Err(()) => {
                conflicts.push(format!(
                    "the signatures of {} differ on the two sides",
                    place(&id.0, &id.1)
                ));
                if let Some(s) = a.sigs.get(id) {
                    out.sigs.insert(id.clone(), s.clone());
                }
            }
        }
    }
    out.other = a.other.union(&b.other).cloned().collect();
    Merged {
        text: out.render(),
        conflicts,
    }
}

/// Which merge a path gets: a sidecar by its name, else a config file.
pub fn is_sidecar_name(path: &str) -> bool {
    path.ends_with(".lock")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "# team\n[providers]\nage = { type = \"age\", recipients = [\"r\"] }\n\n[secrets]\nA= { provider = \"age\", value = \"a\" }\n";

    #[test]
    fn secrets_added_on_both_sides_merge_with_comments_kept() {
        let ours = format!("{BASE}X= {{ provider = \"age\", value = \"x\" }}\n");
        let theirs = format!("{BASE}Y= {{ provider = \"age\", value = \"y\" }}\n[profiles.prod.secrets]\nP= {{ value = \"p\" }}\n");
        let m = merge_config(BASE, &ours, &theirs).unwrap();
        assert!(m.conflicts.is_empty());
        assert!(m.text.starts_with("# team\n"), "{}", m.text);
        let got = entries(&m.text);
        let names: Vec<String> = got.keys().map(|(s, n)| format!("{s}/{n}")).collect();
        assert_eq!(names, ["/A", "/X", "/Y", "prod/P"]);
    }

    #[test]
    fn a_secret_changed_on_both_sides_is_a_conflict_and_removals_merge() {
        let ours = BASE.replace("value = \"a\"", "value = \"a1\"");
        let theirs = BASE.replace("value = \"a\"", "value = \"a2\"");
        let m = merge_config(BASE, &ours, &theirs).unwrap();
        assert_eq!(m.conflicts, ["secrets.A was changed on both sides"]);
        let removed = BASE.replace("A= { provider = \"age\", value = \"a\" }\n", "");
        let m = merge_config(BASE, &removed, BASE).unwrap();
        assert!(
            m.conflicts.is_empty() && !m.text.contains("A="),
            "{}",
            m.text
        );
        // Providers changed on one side only: that side's text carries the other's secrets.
        let theirs = BASE.replace("[\"r\"]", "[\"r\", \"s\"]");
        let ours = format!("{BASE}X= {{ provider = \"age\", value = \"x\" }}\n");
        let m = merge_config(BASE, &ours, &theirs).unwrap();
        assert!(
            m.text.contains("\"s\"") && m.text.contains("X="),
            "{}",
            m.text
        );
        assert!(merge_config(BASE, &theirs.replace("\"s\"", "\"t\""), &theirs).is_err());
    }

    #[test]
    fn sidecars_merge_by_secret() {
        let base = "key age K\ntag - A age 01\n";
        let ours = "key age K\ntag - A age 01\ntag - X age 0x\n";
        let theirs = "key age K\ntag - A age 01\ntag - Y age 0y\n";
        let m = merge_sidecar(base, ours, theirs);
        assert!(m.conflicts.is_empty());
        let s = Sidecar::parse(&m.text);
        assert!(s.tags_of("", "X").is_some() && s.tags_of("", "Y").is_some());
        let m = merge_sidecar("", "key age K1\n", "key age K2\n");
        assert_eq!(m.conflicts.len(), 1);
        let m = merge_sidecar(
            base,
            "key age K\ntag - A age 02\n",
            "key age K\ntag - A age 03\n",
        );
        assert_eq!(
            m.conflicts,
            ["the tag of secrets.A differs on the two sides"]
        );
    }

    #[test]
    fn signatures_merge_by_secret() {
        let base = "key age K\nsig - A SHA256:a s1\ntag - A age 01\n";
        let ours =
            "key age K\nsig - A SHA256:a s1\nsig - X SHA256:a sx\ntag - A age 01\ntag - X age 0x\n";
        let theirs =
            "key age K\nsig - A SHA256:a s1\nsig - Y SHA256:b sy\ntag - A age 01\ntag - Y age 0y\n";
        let m = merge_sidecar(base, ours, theirs);
        assert!(m.conflicts.is_empty());
        let s = Sidecar::parse(&m.text);
        assert!(s.sigs_of("", "X").is_some() && s.sigs_of("", "Y").is_some());
        assert_eq!(s.sigs_of("", "A").unwrap().len(), 1);
        // Both sides signed the unchanged A: both signatures stay.
        let ours = "key age K\nsig - A SHA256:a s1\nsig - A SHA256:b s2\ntag - A age 01\n";
        let theirs = "key age K\nsig - A SHA256:a s1\nsig - A SHA256:c s3\ntag - A age 01\n";
        let m = merge_sidecar(base, ours, theirs);
        assert!(m.conflicts.is_empty());
        assert_eq!(Sidecar::parse(&m.text).sigs_of("", "A").unwrap().len(), 3);
        // A changed differently on both sides: a conflict.
        let ours = "key age K\nsig - A SHA256:a s4\ntag - A age 02\n";
        let theirs = "key age K\nsig - A SHA256:a s5\ntag - A age 03\n";
        let m = merge_sidecar(base, ours, theirs);
        assert!(m
            .conflicts
            .contains(&"the signatures of secrets.A differ on the two sides".to_owned()));
    }
}
