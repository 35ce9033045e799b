//! Issue 7, family 2: Bad input never destroys data: a corpus of malformed configs, each run
//! through the commands it concerns; every run fails cleanly (non-zero, no panic, a cause or hint
//! naming the file) and the file stays byte-identical.

use std::os::unix::fs::PermissionsExt;

use super::{is_root, temp_files, MIN_BAD_INPUT_COMBINATIONS};
use crate::support::{age_config, age_sandbox, Sandbox, TEST_PUBLIC_KEY};

/// An age public key whose identity the sandbox does not have.
const OTHER_RECIPIENT: &str = "age1ff7hjpn53a4rhu5t7ct9qmdp4k8d839krumj45r6kqd5226gfdxscey6y7";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cmd {
    Get,
    List,
    Set,
    Remove,
    Export,
    Exec,
}

impl Cmd {
    fn args(self) -> &'static [&'static str] {
        match self {
            Cmd::Get => &["get", "A"],
            Cmd::List => &["list"],
            Cmd::Set => &["set", "NEW", "new-value"],
            Cmd::Remove => &["remove", "A"],
            Cmd::Export => &["export", "--if-missing", "error"],
            Cmd::Exec => &["exec", "--if-missing", "error", "--", "sh", "-c", ": > ran"],
        }
    }
}

use Cmd::*;
/// The file itself is unusable: every command fails.
const ALL: &[Cmd] = &[Get, List, Set, Remove, Export, Exec];
/// A provider that cannot be built: everything that builds it fails (`list` never does).
const BUILD: &[Cmd] = &[Get, Set, Export, Exec];
/// A value that cannot be produced.
const RESOLVE: &[Cmd] = &[Get, Export, Exec];

enum Input {
    Text(String),
    Bytes(Vec<u8>),
    /// A directory named fnox.toml.
    Directory,
    /// This text, mode 000.
    Unreadable(String),
    /// This text, in a directory of mode 555.
    ReadOnlyDir(String),
}

struct Case {
    name: String,
    input: Input,
    commands: &'static [Cmd],
}

fn case(name: impl Into<String>, input: Input, commands: &'static [Cmd]) -> Case {
    Case {
        name: name.into(),
        input,
        commands,
    }
}

fn age_with(secret: &str) -> String {
    format!("{}A = {{ {secret} }}\n", age_config())
}

/// A ciphertext of "good-value" for the test key, and one for a key the sandbox lacks.
fn ciphertexts() -> (String, String) {
    let value_of = |recipient: &str| {
        let sb = Sandbox::new();
        sb.write(
            "fnox.toml",
            &format!("[providers]\nage = {{ type = \"age\", recipients = [\"{recipient}\"] }}\n[secrets]\n"),
        );
        sb.run(&["set", "A", "good-value"]).ok();
        let doc: toml::Table = toml::from_str(&sb.read("fnox.toml")).unwrap();
        doc["secrets"]["A"]["value"].as_str().unwrap().to_owned()
    };
    (value_of(TEST_PUBLIC_KEY), value_of(OTHER_RECIPIENT))
}

fn corpus() -> Vec<Case> {
    let (good, foreign) = ciphertexts();
    let a = "A = { default = \"a\" }\n";
    let mut cases = vec![
        // Broken TOML.
        case(
            "unclosed table header",
            Input::Text(format!("[secrets\n{a}")),
            ALL,
        ),
        case(
            "key without a value",
            Input::Text("[secrets]\nA =\n".into()),
            ALL,
        ),
        case(
            "unterminated string",
            Input::Text("[secrets]\nA = { default = \"a }\n".into()),
            ALL,
        ),
        case(
            "unterminated inline table",
            Input::Text("[secrets]\nA = { default = \"a\"\n".into()),
            ALL,
        ),
        case(
            "duplicate key",
            Input::Text(format!("[secrets]\n{a}{a}")),
            ALL,
        ),
        case(
            "duplicate table",
            Input::Text(format!("[secrets]\n{a}[secrets]\n")),
            ALL,
        ),
        case(
            "array of secrets tables",
            Input::Text("[[secrets]]\nA = 1\n".into()),
            ALL,
        ),
        case(
            "bad escape",
            Input::Text("[secrets]\nA = { default = \"\\q\" }\n".into()),
            ALL,
        ),
        // Wrong types at the top level.
        case(
            "secrets is a number",
            Input::Text("secrets = 1\n".into()),
            ALL,
        ),
        case(
            "providers is a string",
            Input::Text(format!("providers = \"age\"\n[secrets]\n{a}")),
            ALL,
        ),
        case(
            "profiles is an array",
            Input::Text(format!("profiles = []\n[secrets]\n{a}")),
            ALL,
        ),
        case(
            "import is a string",
            Input::Text(format!("import = \"x.toml\"\n[secrets]\n{a}")),
            ALL,
        ),
        case(
            "root is a string",
            Input::Text(format!("root = \"yes\"\n[secrets]\n{a}")),
            ALL,
        ),
        case(
            "default_provider is a number",
            Input::Text(format!("default_provider = 1\n[secrets]\n{a}")),
            ALL,
        ),
        case(
            "file if_missing is unknown",
            Input::Text(format!("if_missing = \"maybe\"\n[secrets]\n{a}")),
            ALL,
        ),
        case(
            "file env is a number",
            Input::Text(format!("env = 2\n[secrets]\n{a}")),
            ALL,
        ),
        case(
            "bare string secret",
            Input::Text("[secrets]\nA = \"plaintext\"\n".into()),
            ALL,
        ),
        case(
            "profile secret is a number",
            Input::Text(format!("[secrets]\n{a}[profiles.p.secrets]\nB = 1\n")),
            ALL,
        ),
        // Wrong types in every field of a secret.
        case(
            "secret provider is a number",
            Input::Text(age_with("provider = 1, value = \"x\"")),
            ALL,
        ),
        case(
            "secret value is a number",
            Input::Text(age_with("provider = \"age\", value = 1")),
            ALL,
        ),
        case(
            "secret default is a bool",
            Input::Text(age_with("default = true")),
            ALL,
        ),
        case(
            "secret description is an array",
            Input::Text(age_with("default = \"a\", description = []")),
            ALL,
        ),
        case(
            "secret if_missing is unknown",
            Input::Text(age_with("default = \"a\", if_missing = \"sometimes\"")),
            ALL,
        ),
        case(
            "secret env is unknown",
            Input::Text(age_with("default = \"a\", env = \"always\"")),
            ALL,
        ),
        case(
            "secret as_file is a string",
            Input::Text(age_with("default = \"a\", as_file = \"yes\"")),
            ALL,
        ),
        case(
            "secret json_path is a number",
            Input::Text(age_with("default = \"a\", json_path = 1")),
            ALL,
        ),
        case(
            "secret line is a string",
            Input::Text(age_with("default = \"a\", line = \"x\"")),
            ALL,
        ),
        case(
            "secret line is negative",
            Input::Text(age_with("default = \"a\", line = -1")),
            ALL,
        ),
        case(
            "secret sync is a string",
            Input::Text(age_with("default = \"a\", sync = \"x\"")),
            ALL,
        ),
        case(
            "secret sync lacks its value",
            Input::Text(age_with("default = \"a\", sync = { provider = \"age\" }")),
            ALL,
        ),
        // Wrong types in the fields of a provider.
        case(
            "provider type is a number",
            Input::Text(format!("[providers]\nage = {{ type = 1 }}\n[secrets]\n{a}")),
            ALL,
        ),
        case(
            "provider without a type",
            Input::Text(format!(
                "[providers]\nage = {{ recipients = [] }}\n[secrets]\n{a}"
            )),
            ALL,
        ),
        case(
            "provider is a string",
            Input::Text(format!("[providers]\nage = \"age\"\n[secrets]\n{a}")),
            ALL,
        ),
    ];
    let provider = |fields: &str| {
        format!("[providers]\nage = {{ type = \"age\", {fields} }}\n[secrets]\nA = {{ provider = \"age\", value = \"{good}\" }}\n")
    };
    cases.extend([
        case("age recipients is a string", Input::Text(provider("recipients = \"age1\"")), BUILD),
        case("age recipients holds a number", Input::Text(provider("recipients = [1]")), BUILD),
        // Recipients only matter for encryption: decrypting with the identity still works.
        case("age recipient is not a key", Input::Text(provider("recipients = [\"age1notakey\"]")), &[Set]),
        case("age key_file is a number", Input::Text(provider(&format!("recipients = [\"{TEST_PUBLIC_KEY}\"], key_file = 1"))), BUILD),
        // Only decryption reads the identity: `set` encrypts to the recipients without it.
        case("age identity is a number", Input::Text(provider(&format!("recipients = [\"{TEST_PUBLIC_KEY}\"], identity = 1"))), RESOLVE),
        case("age unknown field", Input::Text(provider("recipient = []")), BUILD),
        case(
            "unknown provider type",
            Input::Text(format!("[providers]\nage = {{ type = \"agge\" }}\n[secrets]\nA = {{ provider = \"age\", value = \"{good}\" }}\n")),
            BUILD,
        ),
        case(
            "secret points at a missing provider",
            Input::Text(age_with(&format!("provider = \"agee\", value = \"{good}\""))),
            RESOLVE,
        ),
    ]);
    // Damaged ciphertexts.
    let tampered = {
        let mut v = good.clone().into_bytes();
        let i = v.len() - 10;
        v[i] = if v[i] == b'A' { b'B' } else { b'A' };
        String::from_utf8(v).unwrap()
    };
    for (name, value) in [
        ("truncated ciphertext", good[..good.len() / 2].to_owned()),
        (
            "ciphertext cut by one character",
            good[..good.len() - 1].to_owned(),
        ),
        ("non-base64 ciphertext", "not-base64!".to_owned()),
        ("tampered ciphertext", tampered),
        ("empty ciphertext", String::new()),
        ("wrong-recipient ciphertext", foreign),
    ] {
        let text = age_with(&format!("provider = \"age\", value = \"{value}\""));
        cases.push(case(name, Input::Text(text), RESOLVE));
    }
    cases.extend([
        case(
            "empty file",
            Input::Text(String::new()),
            &[Get, Set, Remove],
        ),
        case(
            "comments only",
            Input::Text("# nothing here\n".into()),
            &[Get, Set, Remove],
        ),
        case(
            "binary file",
            Input::Bytes(vec![0xff, 0xfe, 0x00, 0x41, 0x80]),
            ALL,
        ),
        case(
            "invalid UTF-8 inside a value",
            Input::Bytes(b"[secrets]\nA = { default = \"\xc3\x28\" }\n".to_vec()),
            ALL,
        ),
        case(
            "NUL byte in the file",
            Input::Bytes(b"[secrets]\nA = { default = \"a\" }\n\x00\n".to_vec()),
            ALL,
        ),
        case("directory named fnox.toml", Input::Directory, ALL),
        case(
            "unreadable file",
            Input::Unreadable(format!("{}A = {{ default = \"a\" }}\n", age_config())),
            ALL,
        ),
        case(
            "read-only directory",
            Input::ReadOnlyDir(format!("{}A = {{ default = \"a\" }}\n", age_config())),
            &[Set, Remove],
        ),
    ]);
    cases
}

/// What one failing run must look like; returns the problems found.
fn check_failure(case: &Case, cmd: Cmd, sb: &Sandbox, out: &crate::support::Output) -> Vec<String> {
    let mut problems = Vec::new();
    let label = format!("{} / {:?}", case.name, cmd);
    if !(out.code == 1 || out.code == 2) {
        problems.push(format!(
            "{label}: exit {} (want 1 or 2)\n{}",
            out.code,
            out.all()
        ));
    }
    if out.stderr.contains("panicked") || out.stderr.contains("RUST_BACKTRACE") {
        problems.push(format!("{label}: panic\n{}", out.stderr));
    }
    if !(out.stderr.starts_with("error: ") || out.stderr.starts_with("error[")) {
        problems.push(format!("{label}: no error message\n{}", out.all()));
    }
    if !(out.stderr.contains("hint: ") || out.stderr.contains("caused by: ")) {
        problems.push(format!(
            "{label}: neither a cause nor a hint\n{}",
            out.stderr
        ));
    }
    if cmd == Exec && sb.path("ran").exists() {
        problems.push(format!("{label}: the command ran"));
    }
    problems
}

/// Sets the input up; None when the case cannot fail for this user (root and permissions).
fn install(sb: &Sandbox, input: &Input) -> Option<()> {
    let path = sb.path("fnox.toml");
    match input {
        Input::Text(text) => std::fs::write(&path, text).unwrap(),
        Input::Bytes(bytes) => std::fs::write(&path, bytes).unwrap(),
        Input::Directory => std::fs::create_dir(&path).unwrap(),
        Input::Unreadable(text) => {
            if is_root() {
                return None;
            }
            std::fs::write(&path, text).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
        }
        Input::ReadOnlyDir(text) => {
            if is_root() {
                return None;
            }
            std::fs::write(&path, text).unwrap();
            std::fs::set_permissions(&sb.cwd, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
    }
    Some(())
}

/// The file's bytes, or None for the directory case (which must stay a directory).
fn snapshot(sb: &Sandbox) -> Option<Vec<u8>> {
    let path = sb.path("fnox.toml");
    if path.is_dir() {
        return None;
    }
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    Some(bytes)
}

/// Runs the whole corpus; returns (combinations run, problems, runs whose error does not name
/// the file).
fn run_corpus() -> (usize, Vec<String>, Vec<String>) {
    let (mut runs, mut problems, mut unnamed) = (0, Vec::new(), Vec::new());
    for case in corpus() {
        let sb = Sandbox::new();
        if install(&sb, &case.input).is_none() {
            continue;
        }
        let before = snapshot(&sb);
        for &cmd in case.commands {
            let out = sb.run(cmd.args());
            runs += 1;
            problems.extend(check_failure(&case, cmd, &sb, &out));
            if !out.stderr.contains("fnox.toml") {
                unnamed.push(format!("{} / {cmd:?}:\n{}", case.name, out.stderr));
            }
            let now = snapshot(&sb);
            if now != before {
                problems.push(format!("{} / {cmd:?}: the file changed", case.name));
            }
        }
        std::fs::set_permissions(&sb.cwd, std::fs::Permissions::from_mode(0o755)).unwrap();
        if !temp_files(sb.root.path()).is_empty() {
            problems.push(format!("{}: temporary files left", case.name));
        }
    }
    (runs, problems, unnamed)
}

#[test]
fn bad_input_fails_cleanly_and_leaves_the_file_byte_identical() {
    let (runs, problems, _) = run_corpus();
    assert!(
        runs >= MIN_BAD_INPUT_COMBINATIONS,
        "only {runs} combinations ran"
    );
    assert!(
        problems.is_empty(),
        "{} of {runs} runs misbehaved:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]

fn bad_input_errors_name_the_file() {
    let (runs, _, unnamed) = run_corpus();
    assert!(
        unnamed.is_empty(),
        "{} of {runs} errors do not name the file:\n{}",
        unnamed.len(),
        unnamed.join("\n")
    );
}

#[test]
fn a_good_file_beside_the_corpus_still_works() {
    // The control: the same commands succeed on a healthy file, so the corpus fails for its input.
    let sb = age_sandbox();
    sb.run(&["set", "A", "good-value"]).ok();
    for cmd in [Get, List, Export, Exec, Set, Remove] {
        sb.run(cmd.args()).ok();
    }
    assert!(sb.path("ran").exists());
}
