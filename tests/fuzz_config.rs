//! Fuzzing the config loader and editor in-process (issue 7, family 8), with proptest since the
//! toolchain is stable: random TOML-ish documents never panic the parser or `Editor::open`, and
//! random set/remove sequences on a valid document never panic, always reparse, and leave every
//! untouched entry byte-identical. Fixed seeds and case counts, so the figures are reproducible.

use std::collections::HashSet;

use fnox::config::edit::{Editor, ReadOnly};
use fnox::config::model;
use fnox::config::Section;
use proptest::prelude::*;
use proptest::test_runner::{
    Config as ProptestConfig, RngAlgorithm, TestCaseError, TestRng, TestRunner,
};
use toml_edit::{DocumentMut, Item, Value};

/// Random documents fed to the parser and the editor.
const DOCUMENT_CASES: u32 = 512;
/// Large documents read sparsely and in full.
const SPARSE_CASES: u32 = 1024;
/// Random edit sequences applied to valid documents.
const EDIT_CASES: u32 = 512;

fn runner(cases: u32) -> TestRunner {
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

/// Lines a fnox.toml is made of, valid and not.
const FRAGMENTS: &[&str] = &[
    "[secrets]",
    "[providers]",
    "[profiles.p.secrets]",
    "[profiles.p.providers]",
    "[profiles.p]",
    "[secrets.T]",
    "[[secrets]]",
    "[secrets",
    "[]",
    "A = { provider = \"age\", value = \"x\" }",
    "B = { default = \"b\", description = \"d\" }",
    "C = { default = \"${B}\", if_missing = \"error\", env = \"exec\" }",
    "D = { default = \"d\", line = 2, json_path = \"a.b\", as_file = true }",
    "E = { provider = \"age\", value = \"v\", sync = { provider = \"p\", value = \"v\" } }",
    "age = { type = \"age\", recipients = [\"age1x\"] }",
    "kms = { type = \"aws-kms\", key_id = \"k\", region = \"r\" }",
    "x = { type = 1 }",
    "y = { }",
    "provider = \"age\"",
    "value = \"v\"",
    "default = 1",
    "line = -1",
    "env = \"sometimes\"",
    "if_missing = \"maybe\"",
    "root = true",
    "import = [\"other.toml\"]",
    "import = \"x\"",
    "default_provider = \"age\"",
    "secrets = 1",
    "profiles = []",
    "A = \"bare\"",
    "A =",
    "= 1",
    "\"quoted key\" = { default = \"q\" }",
    "a.b.c = 1",
    "A = { default = \"unterminated }",
    "A = '''",
    "x = \"\"\"multi",
    "line\"\"\"",
    "# comment",
    "",
    "   ",
    "\t",
    "\u{feff}",
    "A = { default = \"\\u0000\" }",
    "A = { default = \"\\uD800\" }",
    "n = 1979-05-27T07:32:00Z",
    "f = nan",
    "i = 0x7fffffffffffffff",
    "i = 99999999999999999999",
];

/// Table headers, each used at most once per document (so the TOML stays valid).
const HEADERS: &[&str] = &[
    "[providers]",
    "[secrets]",
    "[profiles.p.secrets]",
    "[profiles.p.providers]",
    "[profiles.q]",
    "[secrets.T]",
];

/// Right-hand sides: what fnox expects, wrong types, and odd but valid TOML.
const ENTRIES: &[&str] = &[
    "{ provider = \"age\", value = \"x\" }",
    "{ default = \"b\", description = \"d\" }",
    "{ default = \"${B}\", if_missing = \"error\", env = \"exec\" }",
    "{ default = \"d\", line = 2, json_path = \"a.b\", as_file = true }",
    "{ provider = \"age\", value = \"v\", sync = { provider = \"p\", value = \"v\" } }",
    "{ type = \"age\", recipients = [\"age1x\"] }",
    "{ type = \"vault\", address = \"http://127.0.0.1:1\" }",
    "{ type = 1 }",
    "{}",
    "\"bare\"",
    "1",
    "-1",
    "true",
    "[1, \"two\", { three = 3 }]",
    "{ default = 1 }",
    "{ env = \"sometimes\" }",
    "{ line = -1 }",
    "{ if_missing = \"maybe\" }",
    "{ sync = \"x\" }",
    "\"\"\"\nmulti\nline\"\"\"",
    "'literal \\ \"'",
    "1979-05-27T07:32:00Z",
    "nan",
    "{ a.b.c = 1 }",
];

/// A well-formed TOML document of fnox-like tables with random (often wrong) contents.
fn structured() -> impl Strategy<Value = String> {
    let top = proptest::collection::vec(proptest::sample::select(ENTRIES), 0..3);
    let table = proptest::collection::vec(proptest::sample::select(ENTRIES), 0..5);
    let tables =
        proptest::sample::subsequence(HEADERS, 0..=HEADERS.len()).prop_flat_map(move |headers| {
            let n = headers.len();
            (Just(headers), proptest::collection::vec(table.clone(), n))
        });
    (top, tables).prop_map(|(top, (headers, bodies))| {
        let mut out = String::new();
        let keys = ["import", "root", "default_provider", "if_missing", "env"];
        for (key, value) in keys.iter().zip(top) {
            out.push_str(&format!("{key} = {value}\n"));
        }
        for (header, body) in headers.iter().zip(bodies) {
            out.push_str(&format!("{header}\n"));
            for (i, value) in body.iter().enumerate() {
                out.push_str(&format!("K{i} = {value}\n"));
            }
        }
        out
    })
}

/// A document: well-formed, well-formed and then damaged, or fragments and arbitrary text.
fn document() -> impl Strategy<Value = String> {
    let damaged = (
        structured(),
        any::<proptest::sample::Index>(),
        fragment_soup(),
    )
        .prop_map(|(doc, at, soup)| {
            let mut cut = at.index(doc.len() + 1);
            while !doc.is_char_boundary(cut) {
                cut -= 1;
            }
            format!("{}{soup}", &doc[..cut])
        });
    prop_oneof![3 => structured(), 1 => damaged, 2 => fragment_soup()]
}

/// Fragments and arbitrary text, joined by newlines (or not).
fn fragment_soup() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        6 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => "[ -~]{0,40}",
    ];
    let sep = prop_oneof![8 => Just("\n"), 1 => Just(""), 1 => Just("\r\n"), 1 => Just(" ")];
    proptest::collection::vec((line, sep), 0..24)
        .prop_map(|parts| parts.into_iter().map(|(l, s)| format!("{l}{s}")).collect())
}

#[test]
fn random_documents_never_panic_the_parser_or_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fnox.toml");
    let opened = std::sync::atomic::AtomicU32::new(0);
    let result = runner(DOCUMENT_CASES).run(&document(), |text| {
        let _ = model::parse(&text);
        std::fs::write(&path, &text).unwrap();
        if let Ok(mut editor) = Editor::open(&path, ReadOnly::Refuse) {
            opened.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            // A document the editor accepts can be edited and rendered without panicking.
            let _ = editor.set_secret(&Section::Top, "FUZZ", &[("default", Value::from("v"))]);
            editor.remove_secret(&Section::Top, "A");
            let rendered = editor.render();
            prop_assert!(rendered.parse::<DocumentMut>().is_ok(), "{rendered}");
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Enough of the documents are TOML for the editor path to be exercised, not just refused.
    let opened = opened.into_inner();
    assert!(
        opened >= DOCUMENT_CASES / 10,
        "only {opened} documents opened"
    );
}

/// A valid starting document: inline secrets, a table-style secret, comments, and a profile.
const BASE: &str = r#"# Team secrets.
default_provider = "age"

[providers]
age = { type = "age", recipients = ["age1abc"] }   # the team key

[secrets]
# database
DB = { provider = "age", value = "ciphertext-db" }
API = { default = "fallback", description = "the API key" }  # trailing comment

# Grouped: these describe what follows.
EMPTY = { description = "no value" }
QUOTED = { default = "it's \"quoted\"" }

[secrets.TABLE]
provider = "age"
value = "ciphertext-table"

[profiles.prod.secrets]
DB = { provider = "age", value = "ciphertext-prod" }
PROD_ONLY = { default = "p" }
"#;

const NAMES: &[&str] = &[
    "DB",
    "API",
    "EMPTY",
    "QUOTED",
    "TABLE",
    "PROD_ONLY",
    "NEW_1",
    "NEW_2",
    "a-b",
    "with space",
];
const FIELDS: &[&str] = &["provider", "value", "description", "default"];

#[derive(Debug, Clone)]
enum Edit {
    Set {
        profile: bool,
        name: &'static str,
        fields: Vec<(&'static str, String)>,
    },
    Remove {
        profile: bool,
        name: &'static str,
    },
}

impl Edit {
    fn target(&self) -> (bool, &'static str) {
        match self {
            Edit::Set { profile, name, .. } | Edit::Remove { profile, name } => (*profile, name),
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    let name = proptest::sample::select(NAMES);
    let text = (
        proptest::sample::select(FIELDS),
        prop_oneof![any::<String>(), "[ -~]{0,20}"],
    );
    let mode = proptest::sample::select(&["error", "warn", "ignore"][..])
        .prop_map(|m| ("if_missing", m.to_owned()));
    let field = prop_oneof![4 => text, 1 => mode];
    // Each field once, as fnox's commands pass them.
    let fields = proptest::collection::vec(field, 1..5).prop_map(|mut fields| {
        let mut seen = HashSet::new();
        fields.retain(|(k, _)| seen.insert(*k));
        fields
    });
    prop_oneof![
        3 => (any::<bool>(), name.clone(), fields)
            .prop_map(|(profile, name, fields)| Edit::Set { profile, name, fields }),
        2 => (any::<bool>(), name).prop_map(|(profile, name)| Edit::Remove { profile, name }),
    ]
}

fn section(profile: bool) -> Section {
    if profile {
        Section::Profile("prod".to_owned())
    } else {
        Section::Top
    }
}

/// The secrets table of a section, if there is one.
fn secrets(doc: &DocumentMut, profile: bool) -> Option<&dyn toml_edit::TableLike> {
    let item = if profile {
        doc.get("profiles")?.get("prod")?.get("secrets")?
    } else {
        doc.get("secrets")?
    };
    item.as_table_like()
}

/// An entry as written: an inline value as its text, a table as its key = value lines.
fn rendered(item: &Item) -> String {
    match item {
        Item::Value(v) => v.to_string(),
        Item::Table(t) => t
            .iter()
            .map(|(k, v)| format!("{k}={}\n", rendered(v)))
            .collect(),
        other => other.to_string(),
    }
}

/// Every entry of `before` that no edit touched, in order, as written.
fn untouched(doc: &DocumentMut, touched: &HashSet<(bool, String)>) -> Vec<(bool, String, String)> {
    let mut out = Vec::new();
    for profile in [false, true] {
        if let Some(table) = secrets(doc, profile) {
            for (name, item) in table.iter() {
                if !touched.contains(&(profile, name.to_owned())) {
                    out.push((profile, name.to_owned(), rendered(item)));
                }
            }
        }
    }
    out
}

#[test]
fn random_edits_never_panic_always_reparse_and_keep_untouched_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fnox.toml");
    let before: DocumentMut = BASE.parse().unwrap();
    let strategy = proptest::collection::vec(edit(), 1..12);
    let result = runner(EDIT_CASES).run(&strategy, |edits| {
        std::fs::write(&path, BASE).unwrap();
        let mut editor =
            Editor::open(&path, ReadOnly::Refuse).map_err(|e| TestCaseError::fail(e.message))?;
        let mut touched = HashSet::new();
        for e in &edits {
            let (profile, name) = e.target();
            touched.insert((profile, name.to_owned()));
            match e {
                Edit::Set { fields, .. } => {
                    let fields: Vec<(&str, Value)> = fields
                        .iter()
                        .map(|(k, v)| (*k, Value::from(v.as_str())))
                        .collect();
                    editor
                        .set_secret(&section(profile), name, &fields)
                        .map_err(|e| TestCaseError::fail(e.message))?;
                }
                Edit::Remove { .. } => {
                    editor.remove_secret(&section(profile), name);
                }
            }
        }
        editor.save().map_err(|e| TestCaseError::fail(e.message))?;
        let text = std::fs::read_to_string(&path).unwrap();
        let after: DocumentMut = text
            .parse()
            .map_err(|e| TestCaseError::fail(format!("does not reparse: {e}\n{text}")))?;
        prop_assert!(
            model::parse(&text).is_ok(),
            "the model rejects it:\n{}",
            text
        );
        prop_assert_eq!(
            untouched(&after, &touched),
            untouched(&before, &touched),
            "an untouched entry changed:\n{}",
            text
        );
        // Everything outside the secrets tables is as it was.
        for key in ["default_provider", "providers"] {
            prop_assert_eq!(
                after.get(key).map(rendered),
                before.get(key).map(rendered),
                "{} changed",
                key
            );
        }
        // And each secret set last holds exactly the fields given.
        for e in &edits {
            if let Edit::Set { profile, name, .. } = e {
                let last = edits.iter().rev().find(|x| x.target() == (*profile, *name));
                if let Some(Edit::Set { fields, .. }) = last {
                    let entry = secrets(&after, *profile).and_then(|t| t.get(name));
                    let entry =
                        entry.ok_or_else(|| TestCaseError::fail(format!("{name} is gone")))?;
                    for (k, v) in fields {
                        prop_assert_eq!(entry.get(k).and_then(|x| x.as_str()), Some(v.as_str()));
                    }
                }
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Right-hand sides of secret entries for the sparse read: the simple ones it sets aside,
/// references between secrets, and everything it must leave to the full parse.
const SPARSE_ENTRIES: &[&str] = &[
    "{ provider = \"age\", value = \"YWdl+/=\" }",
    "{ provider = \"age\", value = \"eHl6LWFiYw==\" }",
    "{ if_missing = \"warn\" }",
    "{ env = \"exec\" }",
    "{ default = \"${B}\" }",
    "{ default = \"fnox://C\" }",
    "{ default = \"fnox://NOPE\" }",
    "{ default = \"pre-${D}-post\", if_missing = \"warn\" }",
    "{ default = 'literal ${E}' }",
    "{ default = \"d\", line = 2, json_path = \"a.b\", as_file = true, env = \"exec\" }",
    "{ env = true, daemon_cache = false, allow_dangerous_name = true }",
    "{ provider = \"age\", value = \"v\", sync = { provider = \"p\", value = \"v\" } }",
    "{}",
    "{ value = \"a\\tb\\\"c\\\\\" }",
    "{ default = \"x\" } # comment",
    "{ default = \"\"\"\nA = { default = \"inner\" }\n\"\"\" }",
];

/// Right-hand sides the full parse refuses or that the sparse read must leave to it.
const SPARSE_ODD_ENTRIES: &[&str] = &[
    "{ value = \"x\", }",
    "{ value = \"\\e\" }",
    "{ value = \"\\u00e9\" }",
    "{ line = 01 }",
    "{ line = 1_0 }",
    "{ line = -1 }",
    "{ if_missing = \"Warn\" }",
    "{ env = \"sometimes\" }",
    "{ default = 1 }",
    "{ unknown = [1, 2] }",
    "\"bare\"",
    "{ a.b = 1 }",
    "{\n  default = \"over lines\"\n}",
    "{ default = \"unterminated }",
];

/// The wanted names, and those the entries refer to.
const SPARSE_NAMES: &[&str] = &["A", "B", "C", "D", "E", "T"];
/// Names of entries: the wanted ones and more.
const SPARSE_KEYS: &[&str] = &[
    "A", "B", "C", "D", "E", "T", "F", "G", "H", "I", "J", "K", "L", "M", "a-b", "_x",
];

/// Table headers and root-level lines for the sparse read, the odd ones included.
const SPARSE_HEADERS: &[&str] = &[
    "[secrets]",
    "[profiles.p.secrets]",
    "[profiles.q.secrets]",
    "[providers]\nv = { type = \"vault\", token = { secret = \"D\" } }",
    "[secrets.T]\ndefault = \"t\"",
    "[ secrets ]",
    "[profiles.p]",
    "[[secrets]]",
    "[providers.x]\ntype = \"plain\"\nnote = \"\"\"\n[secrets]\nE = { default = \"in a string\" }\n\"\"\"",
];

/// The tables most documents are made of.
const SPARSE_TABLES: &[&str] = &["[secrets]", "[profiles.p.secrets]", "[profiles.q.secrets]"];

const SPARSE_ROOT: &[&str] = &[
    "default_provider = \"age\"",
    "import = [\n]",
    "secrets.E = { default = \"dotted\" }",
    "profiles = { p = { secrets = { A = { default = \"inline\" } } } }",
    "\u{feff}",
];

/// A document of a large file's size (a long comment first or last, so that the reduced text's
/// positions are far from the file's).
fn sparse_document() -> impl Strategy<Value = String> {
    let entry = prop_oneof![
        12 => proptest::sample::select(SPARSE_ENTRIES),
        1 => proptest::sample::select(SPARSE_ODD_ENTRIES),
    ];
    let line = (proptest::sample::select(SPARSE_KEYS), entry);
    let headers = prop_oneof![
        3 => proptest::sample::subsequence(SPARSE_TABLES, 1..=3),
        1 => proptest::sample::subsequence(SPARSE_HEADERS, 0..=4),
    ];
    let tables = headers.prop_flat_map(move |headers| {
        let n = headers.len();
        let lines = proptest::collection::vec(line.clone(), 0..8);
        (Just(headers), proptest::collection::vec(lines, n))
    });
    let structured = (
        prop_oneof![
            3 => Just(vec![SPARSE_HEADERS[3]]),
            1 => proptest::collection::vec(proptest::sample::select(SPARSE_ROOT), 0..2),
        ],
        tables.prop_map(|(headers, bodies)| headers.into_iter().zip(bodies).collect::<Vec<_>>()),
        proptest::bool::weighted(0.2),
    )
        .prop_map(|(root, tables, duplicates)| {
            let mut out = String::new();
            for line in root {
                out.push_str(&format!("{line}\n"));
            }
            for (header, lines) in tables {
                out.push_str(&format!("{header}\n"));
                // A name twice in a table is an error: in one document of five.
                let mut seen = HashSet::new();
                for (name, entry) in lines {
                    if seen.insert(name) || duplicates {
                        out.push_str(&format!("{name} = {entry}\n"));
                    }
                }
            }
            out
        });
    let doc = prop_oneof![4 => structured, 1 => document()];
    (doc, any::<bool>()).prop_map(|(doc, first)| {
        let pad = format!("# {}\n", "x".repeat(32 * 1024));
        if first {
            format!("{pad}{doc}")
        } else {
            format!("{doc}\n{pad}")
        }
    })
}

/// Everything of a secret, values included (its Debug redacts them).
fn describe_secret(s: &model::SecretConfig) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        s.provider,
        s.value,
        s.default,
        s.description,
        s.if_missing,
        s.env,
        s.as_file,
        s.json_path,
        s.line,
        s.sync.as_ref().map(|y| (&y.provider, &y.value)),
        s.allow_dangerous_name,
        s.daemon_cache
    )
}

/// Everything of a parsed file but its secrets, with positions.
fn describe_rest(f: &model::ConfigFile) -> String {
    let providers = |m: &indexmap::IndexMap<String, toml::Spanned<model::ProviderConfig>>| {
        m.iter()
            .map(|(k, v)| {
                format!(
                    "{k}@{:?}={} {}",
                    v.span(),
                    v.get_ref().kind,
                    v.get_ref().fields
                )
            })
            .collect::<Vec<_>>()
    };
    let leases = |m: &indexmap::IndexMap<String, toml::Spanned<model::LeaseConfig>>| {
        m.iter()
            .map(|(k, v)| {
                format!(
                    "{k}@{:?}={} {}",
                    v.span(),
                    v.get_ref().kind,
                    v.get_ref().fields
                )
            })
            .collect::<Vec<_>>()
    };
    let profiles: Vec<String> = f
        .profiles
        .iter()
        .map(|(name, p)| {
            format!(
                "{name}: {:?} {:?} {:?}",
                p.default_provider,
                providers(&p.providers),
                leases(&p.leases)
            )
        })
        .collect();
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {profiles:?} {:?} {:?} {:?} {:?}",
        f.import,
        f.root,
        f.default_provider,
        f.if_missing,
        f.env,
        f.age_key_file,
        providers(&f.providers),
        leases(&f.leases),
        f.settings,
        f.mcp,
        f.proxy,
        f.daemon
    )
}

/// The names a secret or provider refers to: `${NAME}`, `fnox://NAME`, `{ secret = "NAME" }`.
fn referred(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [("${", "}"), ("fnox://", "")] {
        let mut rest = text;
        while let Some(at) = rest.find(open) {
            rest = &rest[at + open.len()..];
            let end = if close.is_empty() {
                rest.find(|c: char| !(c.is_ascii_alphanumeric() || "_-.~+".contains(c)))
                    .unwrap_or(rest.len())
            } else {
                rest.find(close).unwrap_or(rest.len())
            };
            out.push(rest[..end].to_owned());
        }
    }
    out
}

/// The sparse read of a large file (issue 22) gives what the full parse gives for everything a
/// command reading a few secrets looks at: the same error, the same providers and settings, and
/// each secret it parses (the wanted ones and all they refer to, in every table) exactly as the
/// full parse has it, at the same place; every other secret is accounted for as set aside.
#[test]
fn the_sparse_read_of_a_large_file_agrees_with_the_full_parse() {
    use fnox::config::load::Layer;
    use fnox::config::sparse;
    // (sparse reads that took entries in, complete reads, errors)
    let counts = std::cell::Cell::new((0u32, 0u32, 0u32));
    let wanted = proptest::collection::vec(proptest::sample::select(SPARSE_NAMES), 1..3);
    let result = runner(SPARSE_CASES).run(&(sparse_document(), wanted), |(text, wanted)| {
        let full = model::parse(&text);
        let (file, set_aside) = match (sparse::parse(&text, None, true), &full) {
            (Err(a), Err(b)) => {
                prop_assert_eq!(a.to_string(), b.to_string());
                let (s, f, e) = counts.get();
                counts.set((s, f, e + 1));
                return Ok(());
            }
            (Ok(read), Ok(_)) => read,
            (a, b) => {
                return Err(TestCaseError::fail(format!(
                    "sparse {:?} / full {:?}",
                    a.err(),
                    b.as_ref().err()
                )))
            }
        };
        let full = full.unwrap();
        // Read at once, every entry: all of the full parse, in its order, at its positions.
        let (all, none) = sparse::parse(&text, None, false).unwrap();
        prop_assert!(none.is_none());
        prop_assert_eq!(describe_rest(&all), describe_rest(&full));
        let mut pairs = vec![(&all.secrets, &full.secrets)];
        for (p, profile) in &full.profiles {
            pairs.push((&all.profiles[p].secrets, &profile.secrets));
        }
        for (mine, theirs) in pairs {
            let mine: Vec<_> = mine
                .iter()
                .map(|(k, v)| (k, v.span(), describe_secret(v.get_ref())))
                .collect();
            let theirs: Vec<_> = theirs
                .iter()
                .map(|(k, v)| (k, v.span(), describe_secret(v.get_ref())))
                .collect();
            prop_assert_eq!(mine, theirs);
        }
        let sparse_read = set_aside.is_some();
        let mut layers = [Layer {
            path: "fnox.toml".into(),
            real: "fnox.toml".into(),
            text: text.clone().into(),
            file,
            profile: None,
            global: false,
            trusted: Default::default(),
            set_aside,
        }];
        let wanted: Vec<String> = wanted.iter().map(|w| (*w).to_owned()).collect();
        if !sparse::complete(&mut layers, &wanted) {
            return Ok(()); // the loader parses in full
        }
        let (sparse_n, complete_n, errors) = counts.get();
        // A sparse read that took set-aside entries in (not only left them out).
        let took_in = sparse_read && {
            let l = &layers[0];
            let left = l.set_aside.as_ref().map_or(0, |s| s.names(&l.text).count());
            let parsed = l.file.secrets.len()
                + l.file
                    .profiles
                    .values()
                    .map(|p| p.secrets.len())
                    .sum::<usize>();
            let kept = sparse::parse(&text, None, true).map_or(0, |(f, _)| {
                f.secrets.len() + f.profiles.values().map(|p| p.secrets.len()).sum::<usize>()
            });
            parsed > kept && left > 0
        };
        counts.set((sparse_n + took_in as u32, complete_n + 1, errors));
        let layer = &layers[0];
        let got = &layer.file;
        prop_assert_eq!(describe_rest(got), describe_rest(&full));
        let set_aside: Vec<(Option<&str>, &str)> = layer
            .set_aside
            .as_ref()
            .map(|s| s.names(&layer.text).collect())
            .unwrap_or_default();
        let mut tables = vec![(None, &full.secrets, &got.secrets)];
        for (p, profile) in &full.profiles {
            let Some(mine) = got.profiles.get(p) else {
                return Err(TestCaseError::fail(format!("profile {p} missing")));
            };
            tables.push((Some(p.as_str()), &profile.secrets, &mine.secrets));
        }
        prop_assert_eq!(tables.len(), got.profiles.len() + 1);
        let mut must: Vec<String> = wanted.clone();
        for p in got.providers.values() {
            must.extend(referred(&p.get_ref().fields.to_string()));
        }
        for (table, all, mine) in &tables {
            for (name, item) in mine.iter() {
                let Some(theirs) = all.get(name) else {
                    return Err(TestCaseError::fail(format!("{name} is not in the file")));
                };
                prop_assert_eq!(
                    describe_secret(item.get_ref()),
                    describe_secret(theirs.get_ref())
                );
                prop_assert_eq!(item.span(), theirs.span());
                let s = item.get_ref();
                for text in [&s.value, &s.default].into_iter().flatten() {
                    must.extend(referred(text));
                }
            }
            for name in all.keys() {
                let aside = set_aside.contains(&(*table, name.as_str()));
                prop_assert!(
                    aside != mine.contains_key(name),
                    "{name} in {table:?}: set aside {aside}"
                );
            }
            let order: Vec<&String> = mine.keys().collect();
            let expected: Vec<&String> = all.keys().filter(|k| mine.contains_key(*k)).collect();
            prop_assert_eq!(order, expected);
        }
        for name in &must {
            for (table, all, mine) in &tables {
                prop_assert!(
                    !all.contains_key(name) || mine.contains_key(name),
                    "{name} (needed) left out of {table:?}"
                );
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Enough of the documents took the sparse path for it to be exercised.
    let (sparse_n, complete_n, errors) = counts.get();
    assert!(
        sparse_n >= SPARSE_CASES / 8 && errors >= SPARSE_CASES / 10,
        "{sparse_n} sparse reads, {complete_n} complete, {errors} errors"
    );
}
