//! Depth and size limits of resolution (issue 16, item 9): a chain of references that never ends
//! or a default that doubles at every level is an error naming the chain, never a stack
//! overflow, an exhausted memory or a run that does not end.

use std::time::Duration;

use insta::assert_snapshot;

use crate::support::{Output, Sandbox};

/// `[secrets]` with `N{i} = { default = "${N{i+1}}" }` for i in 0..n, the last one plain text.
fn default_chain(prefix: &str, n: usize) -> String {
    let mut text = String::from("[secrets]\n");
    for i in 0..n {
        text.push_str(&format!(
            "{prefix}{i} = {{ default = \"${{{prefix}{}}}\" }}\n",
            i + 1
        ));
    }
    text.push_str(&format!("{prefix}{n} = {{ default = \"end\" }}\n"));
    text
}

/// Runs fnox with a time limit: the runs here must end quickly once the limits are in place.
fn run(sb: &Sandbox, args: &[&str]) -> Output {
    sb.output(sb.fnox().timeout(Duration::from_secs(60)).args(args))
}

#[test]
fn a_chain_of_32_references_resolves() {
    let sb = Sandbox::new();
    // N0 .. N31 refer onwards, N31 is text: 32 links.
    sb.write("fnox.toml", &default_chain("N", 31));
    assert_eq!(run(&sb, &["get", "N0"]).ok(), "end\n");
}

#[test]
fn a_chain_of_references_deeper_than_32_is_an_error_naming_it() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &default_chain("N", 40));
    assert_snapshot!(run(&sb, &["get", "N0"]).all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::secret::reference_depth]: cannot resolve N0 (secrets.N0 in ./fnox.toml:2)
      caused by: its references nest more than 32 deep: N0 -> N1 -> N2 -> N3 -> N4 -> N5 -> N6 -> N7 -> N8 -> N9 -> N10 -> N11 -> N12 -> N13 -> N14 -> N15 -> N16 -> N17 -> N18 -> N19 -> N20 -> N21 -> N22 -> N23 -> N24 -> N25 -> N26 -> N27 -> N28 -> N29 -> N30 -> N31 -> N32
      hint: let fewer secrets lead to one another: each `${NAME}`, `fnox://NAME` and `{ secret = "NAME" }` adds a level
    "#);
}

#[test]
fn twenty_thousand_chained_defaults_are_an_error_not_a_stack_overflow() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &default_chain("N", 20_000));
    let out = run(&sb, &["get", "N0"]);
    let stderr = out.fails(1);
    assert!(
        stderr.starts_with("error[fnox::secret::reference_depth]: cannot resolve N0"),
        "{stderr}"
    );
    // `export` meets the chain at every secret; each is reported, none crashes.
    let out = run(&sb, &["export", "--if-missing", "error"]);
    assert!(
        out.fails(1).contains("fnox::secret::reference_depth"),
        "{}",
        out.stderr
    );
}

#[test]
fn twenty_thousand_chained_fnox_references_are_an_error_not_a_stack_overflow() {
    let sb = Sandbox::new();
    let mut text = String::from("[secrets]\n");
    for i in 0..20_000 {
        text.push_str(&format!("R{i} = {{ value = \"fnox://R{}\" }}\n", i + 1));
    }
    text.push_str("R20000 = { default = \"end\" }\n");
    sb.write("fnox.toml", &text);
    let out = run(&sb, &["get", "R0"]);
    let stderr = out.fails(1);
    assert!(
        stderr.contains("its references nest more than 32 deep: R0 -> R1 -> R2"),
        "{stderr}"
    );
}

#[test]
fn a_billion_laughs_of_defaults_stops_at_4_mib_naming_the_chain() {
    let sb = Sandbox::new();
    // L0 is 10 bytes and each level repeats the one before 10 times: L7 would be 100 MB.
    let mut text = String::from("[secrets]\nL0 = { default = \"0123456789\" }\n");
    for i in 1..8 {
        let body = format!("${{L{}}}", i - 1).repeat(10);
        text.push_str(&format!("L{i} = {{ default = \"{body}\" }}\n"));
    }
    sb.write("fnox.toml", &text);
    assert_eq!(run(&sb, &["get", "L5"]).ok().len(), 1_000_001);
    assert_snapshot!(run(&sb, &["get", "L7"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::secret::value_too_large]: cannot resolve L7 (secrets.L7 in ./fnox.toml:9)
      caused by: the default of L6 expands its references too far (it would pass 4 MiB): L7 -> L6
      hint: a default that repeats references to other such defaults grows exponentially; splice each value in once
    ");
}

#[test]
fn references_to_one_large_value_stop_at_64_mib_per_run() {
    let sb = Sandbox::new();
    // L5 is 1 MB; each M is 3 MB (under the 4 MiB of one value); 30 of them pass 64 MiB.
    let mut text = String::from("[secrets]\nL0 = { default = \"0123456789\" }\n");
    for i in 1..6 {
        let body = format!("${{L{}}}", i - 1).repeat(10);
        text.push_str(&format!("L{i} = {{ default = \"{body}\" }}\n"));
    }
    for i in 0..30 {
        text.push_str(&format!(
            "M{i} = {{ default = \"${{L5}}${{L5}}${{L5}}\" }}\n"
        ));
    }
    sb.write("fnox.toml", &text);
    assert_eq!(run(&sb, &["get", "M29"]).ok().len(), 3_000_001);
    let out = run(&sb, &["export", "--if-missing", "error"]);
    let stderr = out.fails(1);
    assert!(
        stderr.contains("(the values built from references in this run pass 64 MiB)"),
        "{stderr}"
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn a_chain_of_provider_secret_fields_is_an_error_naming_it() {
    let sb = Sandbox::new();
    // p{i}'s key_file comes from K{i}, which provider p{i+1} decrypts: each provider needs the next.
    let mut text = String::from("[providers]\n");
    for i in 0..200 {
        text.push_str(&format!(
            "p{i} = {{ type = \"age\", recipients = [], key_file = {{ secret = \"K{i}\" }} }}\n"
        ));
    }
    text.push_str(
        "p200 = { type = \"plain\" }\n\n[secrets]\nTOP = { provider = \"p0\", value = \"x\" }\n",
    );
    for i in 0..200 {
        text.push_str(&format!(
            "K{i} = {{ provider = \"p{}\", value = \"k\" }}\n",
            i + 1
        ));
    }
    sb.write("fnox.toml", &text);
    assert_snapshot!(run(&sb, &["get", "TOP"]).all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::secret::reference_depth]: cannot use provider 'p0' (providers.p0 in ./fnox.toml:2)
      caused by: its references nest more than 32 deep: provider 'p0' -> K0 -> provider 'p1' -> K1 -> provider 'p2' -> K2 -> provider 'p3' -> K3 -> provider 'p4' -> K4 -> provider 'p5' -> K5 -> provider 'p6' -> K6 -> provider 'p7' -> K7 -> provider 'p8' -> K8 -> provider 'p9' -> K9 -> provider 'p10' -> K10 -> provider 'p11' -> K11 -> provider 'p12' -> K12 -> provider 'p13' -> K13 -> provider 'p14' -> K14 -> provider 'p15' -> K15 -> provider 'p16'
      hint: let fewer secrets lead to one another: each `${NAME}`, `fnox://NAME` and `{ secret = "NAME" }` adds a level
    "#);
}
