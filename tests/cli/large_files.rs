//! `fnox get` in a large fnox.toml (issue 22) reads only the entries the secret needs; what it
//! prints, and the errors it gives, are those of a full read.

use crate::support::*;

/// Secrets `FILL_<i>` with plain defaults, one line each (~45 bytes).
fn filler(range: std::ops::Range<usize>) -> String {
    range
        .map(|i| format!("FILL_{i:05} = {{ default = \"filler value {i}\" }}\n"))
        .collect()
}

#[test]
fn get_follows_references_across_tables_profiles_and_files() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "[secrets]\n{}B = {{ default = \"b-${{C}}\" }}\n{}C = {{ value = \"fnox://D\" }}\n{}D = {{ default = \"top\" }}\n[profiles.prod.secrets]\n{}D = {{ default = \"prod\" }}\n",
            filler(0..400),
            filler(400..800),
            filler(800..1200),
            filler(1200..1300),
        ),
    );
    assert!(sb.read("fnox.toml").len() > 48 * 1024);
    sb.write("sub/fnox.toml", "[secrets]\nA = { default = \"a-${B}\" }\n");
    let get = |args: &[&str]| sb.output(sb.fnox_in(&sb.path("sub")).args(args));
    assert_eq!(get(&["get", "A"]).ok(), "a-b-top\n");
    assert_eq!(get(&["-P", "prod", "get", "A"]).ok(), "a-b-prod\n");
    assert_eq!(get(&["get", "FILL_00999"]).ok(), "filler value 999\n");
    // A secret of the large file that names one of the small file's.
    sb.write(
        "sub/fnox.toml",
        "[secrets]\nA = { default = \"a-${B}\" }\nD = { default = \"from sub\" }\n",
    );
    assert_eq!(get(&["get", "A"]).ok(), "a-b-from sub\n");
}

#[test]
fn an_unknown_name_is_answered_from_every_secret() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &format!("[secrets]\n{}", filler(0..1000)));
    let err = sb.run(&["get", "FILL_0999"]).fails(1).to_owned();
    assert!(err.contains("Secret 'FILL_0999' not found"), "{err}");
    assert!(
        err.contains("FILL_00999"),
        "no suggestion from the whole file: {err}"
    );
}

#[test]
fn an_error_anywhere_in_the_file_is_the_full_reads_with_its_position() {
    let sb = Sandbox::new();
    let body = filler(0..1000);
    // A duplicate, and a wrong type, far from the secret asked for.
    for bad in [
        "FILL_00007 = { default = \"again\" }\n",
        "LATE = { default = 42 }\n",
        "LATE = { line = -1 }\n",
    ] {
        sb.write("fnox.toml", &format!("[secrets]\n{body}{bad}"));
        let got = sb.run(&["get", "FILL_00001"]).fails(1).to_owned();
        let full = sb.run(&["list"]).fails(1).to_owned();
        assert_eq!(got, full, "{bad}");
        assert!(got.contains("fnox.toml:1002:"), "{bad}: {got}");
    }
}

#[test]
fn entries_written_as_tables_or_over_lines_still_read() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "[secrets]\n{}MULTI = {{ default = \"\"\"\nfirst\nsecond\"\"\" }}\n[secrets.TABLE]\ndefault = \"as a table\"\n",
            filler(0..1000)
        ),
    );
    assert_eq!(sb.run(&["get", "TABLE"]).ok(), "as a table\n");
    assert_eq!(sb.run(&["get", "MULTI"]).ok(), "first\nsecond\n");
    assert_eq!(sb.run(&["get", "FILL_00500"]).ok(), "filler value 500\n");
}

#[test]
fn integrity_tags_are_checked_in_a_large_file() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &format!("{}{}", age_config(), filler(0..1000)));
    sb.run(&["set", "PUBLIC_ID", "pk_123"]).ok();
    sb.run(&["set", "PRIVATE_KEY", "sk_secret"]).ok();
    assert_eq!(sb.run(&["get", "PRIVATE_KEY"]).ok(), "sk_secret\n");
    let text = sb.read("fnox.toml");
    let value_of = |name: &str| {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{name}=")))
            .unwrap_or_else(|| panic!("no {name}"));
        let start = line.find("value = \"").unwrap() + 9;
        line[start..line[start..].find('"').unwrap() + start].to_owned()
    };
    let (a, b) = (value_of("PUBLIC_ID"), value_of("PRIVATE_KEY"));
    sb.write(
        "fnox.toml",
        &text.replace(&a, "SWAP").replace(&b, &a).replace("SWAP", &b),
    );
    let out = sb.run(&["get", "PUBLIC_ID"]);
    assert!(
        out.fails(1).contains("fnox::integrity::mismatch"),
        "{}",
        out.all()
    );
    assert!(!out.stdout.contains("sk_secret"));
}

/// From 512 KiB `get` maps the file under a read lease instead of copying it; a file someone has
/// open for writing gets no lease and is read the ordinary way. The answers are the same.
#[test]
fn get_in_a_file_read_in_place_answers_as_the_ordinary_read() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "[secrets]\n{}LAST = {{ default = \"last-${{FILL_00007}}\" }}\n",
            filler(0..13_000)
        ),
    );
    assert!(sb.read("fnox.toml").len() > 512 * 1024);
    let answers = || {
        [
            sb.run(&["get", "LAST"]).ok().to_owned(),
            sb.run(&["get", "FILL_12999"]).ok().to_owned(),
            sb.run(&["get", "NOPE"]).fails(1).to_owned(),
        ]
    };
    let in_place = answers();
    assert_eq!(in_place[0], "last-filler value 7\n");
    assert_eq!(in_place[1], "filler value 12999\n");
    let writer = std::fs::OpenOptions::new()
        .append(true)
        .open(sb.path("fnox.toml"))
        .unwrap();
    assert_eq!(answers(), in_place);
    drop(writer);
}
