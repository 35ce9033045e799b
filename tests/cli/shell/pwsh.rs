//! PowerShell: no PowerShell can be installed on these machines (none of the registries they
//! reach has one), so the code fnox writes for it is checked with a PowerShell grammar
//! (tree-sitter-powershell): it parses with no error or missing node, and every value the hook
//! sets, read back by PowerShell's own rules for its string literals (implemented below), is
//! byte-exact.

use tree_sitter::{Node, Parser, Tree};

use super::*;
use crate::support::Sandbox;

fn parse(code: &str) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_powershell::LANGUAGE.into())
        .expect("the PowerShell grammar loads");
    parser.parse(code, None).expect("a parse tree")
}

/// Every ERROR or MISSING node, with the text around it.
fn problems(tree: &Tree, code: &str) -> Vec<String> {
    let mut found = Vec::new();
    walk(tree.root_node(), &mut |n| {
        if n.is_error() || n.is_missing() {
            found.push(format!(
                "{} at {}: {:?}",
                n.kind(),
                n.start_position(),
                &code[n.start_byte()..n.end_byte().min(code.len())]
            ));
        }
    });
    found
}

fn walk<'t>(node: Node<'t>, f: &mut impl FnMut(Node<'t>)) {
    f(node);
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        walk(child, f);
    }
}

#[track_caller]
fn assert_parses(code: &str) -> Tree {
    let tree = parse(code);
    let problems = problems(&tree, code);
    assert!(problems.is_empty(), "{problems:#?}\n--- code\n{code}");
    tree
}

/// PowerShell's single-quote characters (the language specification's single-quote-character).
const QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'];

/// Reads the expression an `$Env:NAME=EXPR` line assigns, as PowerShell reads it: single-quoted
/// (verbatim) strings, where any quote character ends the string unless another follows (which
/// then stands for itself), and the expandable strings "`n" and "`r", joined with ` + `.
/// Returns the value and the verbatim literals' source texts; panics on anything else.
fn evaluate(expr: &str) -> (String, Vec<String>) {
    let mut value = String::new();
    let mut literals = Vec::new();
    let mut rest = expr;
    loop {
        if let Some(after) = rest.strip_prefix("\"`n\"") {
            value.push('\n');
            rest = after;
        } else if let Some(after) = rest.strip_prefix("\"`r\"") {
            value.push('\r');
            rest = after;
        } else {
            let mut chars = rest.char_indices();
            let Some((_, open)) = chars.next() else {
                panic!("an empty operand in {expr:?}")
            };
            assert!(
                QUOTES.contains(&open),
                "not a literal: {rest:?} in {expr:?}"
            );
            let mut end = None;
            let mut pending_quote = false;
            for (i, c) in chars {
                if pending_quote {
                    if QUOTES.contains(&c) {
                        value.push(c);
                        pending_quote = false;
                        continue;
                    }
                    end = Some(i);
                    break;
                }
                if QUOTES.contains(&c) {
                    pending_quote = true;
                } else {
                    value.push(c);
                }
            }
            let end = match end {
                Some(i) => i,
                None if pending_quote => rest.len(),
                None => panic!("an unterminated string in {expr:?}"),
            };
            literals.push(rest[..end].to_owned());
            rest = &rest[end..];
        }
        if rest.is_empty() {
            return (value, literals);
        }
        rest = rest
            .strip_prefix(" + ")
            .unwrap_or_else(|| panic!("not a concatenation: {rest:?} in {expr:?}"));
    }
}

/// The variables an output of hook-env sets (`$Env:NAME=...`, evaluated) and removes.
fn read_back(code: &str) -> (BTreeMap<String, String>, Vec<String>) {
    let tree = assert_parses(code);
    // The grammar's string literals, in order: they must be the evaluator's, whole.
    let mut grammar_literals = Vec::new();
    walk(tree.root_node(), &mut |n| {
        if n.kind() == "verbatim_string_characters" {
            grammar_literals.push(code[n.start_byte()..n.end_byte()].to_owned());
        }
    });
    let mut set = BTreeMap::new();
    let mut removed = Vec::new();
    let mut our_literals = Vec::new();
    // One statement a line: a literal never holds a line break (they are joined on).
    for line in code.lines() {
        if let Some(rest) = line.strip_prefix("$Env:") {
            let (name, expr) = rest.split_once('=').expect("NAME=EXPR");
            let (value, literals) = evaluate(expr);
            our_literals.extend(literals);
            set.insert(name.to_owned(), value);
        } else if let Some(name) =
            line.strip_prefix("Remove-Item -ErrorAction SilentlyContinue -Path Env:\\")
        {
            removed.push(name.to_owned());
        } else if !line.is_empty() {
            panic!("an unexpected line: {line:?}");
        }
    }
    // The grammar knows only the ASCII quote; where no other quote character is in a literal the
    // two readings must agree on every string's extent.
    if !our_literals
        .iter()
        .any(|l| l.chars().any(|c| c != '\'' && QUOTES.contains(&c)))
    {
        assert_eq!(grammar_literals, our_literals);
    }
    (set, removed)
}

/// Values PowerShell treats specially in one string form or another, and its other quotes.
const PWSH_AWKWARD: &[(&str, &str)] = &[
    ("SUBST", "$(Remove-Item -Recurse ~)"),
    ("VARIABLES", "$HOME ${env:PATH} $Env:X @args $$ $?"),
    ("BACKTICKS", "`n `t `` `0 `\"` end`"),
    ("QUOTES", "\"double\" 'single' '' ''' end'"),
    ("SMART_QUOTES", "‘left’ ‚low‛ “double” „low”"),
    ("ENDS_IN_QUOTE", "x'"),
    ("ONLY_QUOTE", "’"),
    ("NEWLINES", "line1\nline2\n\n"),
    ("CRLF", "a\r\nb\rc\n"),
    ("UNICODE", "ünïcødé ✓ 🔑"),
    ("BACKSLASH", "C:\\dir\\n \\ \\\\"),
    (
        "OPERATORS",
        "a; b | c & d > e < f -and -f {x} (y) [z] #comment",
    ),
    ("HERE", "@'\n'@ @\"\n\"@"),
    ("EMPTY", ""),
    ("PLAIN", "abc-1.2/x:y@z]_+"),
];

fn defaults_config(values: &[(&str, &str)]) -> String {
    let mut config = String::from("[secrets]\n");
    for (name, value) in values {
        let value = serde_json::to_string(value).unwrap();
        config.push_str(&format!("{name} = {{ default = {value} }}\n"));
    }
    config
}

#[test]
fn pwsh_values_read_back_byte_exact_by_powershells_quoting_rules() {
    let sb = Sandbox::new();
    sb.write("proj/fnox.toml", &defaults_config(PWSH_AWKWARD));
    let proj = sb.path("proj");
    let out = sb.output(sb.fnox_in(&proj).args(["hook-env", "-s", "pwsh"]));
    let (set, removed) = read_back(out.ok());
    for (name, value) in PWSH_AWKWARD {
        assert_eq!(set.get(*name).map(String::as_str), Some(*value), "{name}");
    }
    assert!(set.contains_key("__FNOX_SESSION"));
    assert!(removed.is_empty());
    assert!(
        out.stderr.starts_with("fnox: +15 SUBST, "),
        "{}",
        out.stderr
    );

    // Leaving restores what the user had, quoted the same way, and removes the rest.
    let session = set["__FNOX_SESSION"].clone();
    let mine = "my 'own' ‘value’\r\n";
    let out = sb.output(
        sb.fnox_in(&sb.home)
            .args(["hook-env", "-s", "pwsh"])
            .env("__FNOX_SESSION", &session)
            .env("FNOX_SHELL_OUTPUT", "none"),
    );
    let (set, removed) = read_back(out.ok());
    assert!(set.is_empty(), "{set:?}");
    assert_eq!(removed.len(), PWSH_AWKWARD.len() + 1);
    // A variable the user had before entering comes back exact.
    let out = sb.output(
        sb.fnox_in(&proj)
            .args(["hook-env", "-s", "pwsh"])
            .env("QUOTES", mine)
            .env("FNOX_SHELL_OUTPUT", "none"),
    );
    let entered = read_back(out.ok()).0;
    let out = sb.output(
        sb.fnox_in(&sb.home)
            .args(["hook-env", "-s", "pwsh"])
            .env("__FNOX_SESSION", &entered["__FNOX_SESSION"])
            .env("QUOTES", &entered["QUOTES"])
            .env("FNOX_SHELL_OUTPUT", "none"),
    );
    let (restored, _) = read_back(out.ok());
    assert_eq!(restored["QUOTES"], mine);
}

#[test]
fn pwsh_activate_and_deactivate_code_parses() {
    let sb = Sandbox::new();
    for args in [
        &["activate", "pwsh"][..],
        &["activate", "pwsh", "--no-hook-env"],
    ] {
        let out = sb.run(args);
        let code = out.ok();
        assert_parses(code);
        assert!(code.starts_with("$Env:FNOX_SHELL='pwsh'\n"), "{code}");
        assert!(code.contains("function global:fnox {"), "{code}");
        assert_eq!(
            code.contains("function global:_fnox_hook {"),
            args.len() == 2,
            "{code}"
        );
    }
    sb.write("proj/fnox.toml", &defaults_config(&[("API_KEY", "it's")]));
    let proj = sb.path("proj");
    let out = sb.output(
        sb.fnox_in(&proj)
            .args(["hook-env", "-s", "pwsh"])
            .env("API_KEY", "mine"),
    );
    let session = read_back(out.ok()).0["__FNOX_SESSION"].clone();
    let out = sb.output(
        sb.fnox_in(&proj)
            .arg("deactivate")
            .env("FNOX_SHELL", "pwsh")
            .env("__FNOX_SESSION", &session)
            .env("API_KEY", "it's"),
    );
    let code = out.ok();
    assert_parses(code);
    assert_eq!(
        code,
        "Remove-Item -ErrorAction SilentlyContinue -Path Function:\\_fnox_hook\n\
         $Env:API_KEY='mine'\n\
         Remove-Item -ErrorAction SilentlyContinue -Path Env:\\FNOX_SHELL\n\
         Remove-Item -ErrorAction SilentlyContinue -Path Env:\\__FNOX_SESSION\n\
         Remove-Item -ErrorAction SilentlyContinue -Path Function:\\fnox\n"
    );
}

#[test]
fn the_pwsh_evaluator_rejects_what_powershell_would_end_early() {
    // The checks above are only as good as this reader: a lone quote character of any kind ends
    // the string, and what follows is not part of it.
    let early = std::panic::catch_unwind(|| evaluate("'it’s'"));
    assert!(early.is_err());
    assert_eq!(evaluate("'it’’s'").0, "it’s");
    assert_eq!(evaluate("'a' + \"`n\" + ''").0, "a\n");
    assert!(std::panic::catch_unwind(|| evaluate("'a' + $x")).is_err());
    assert!(!problems(&parse("$Env:A='x"), "$Env:A='x").is_empty());
}
