//! `fnox inject -i TEMPLATE [-o OUT] [--check]`

use std::io::Read;
use std::path::PathBuf;

use super::{print_data, Ctx};
use crate::config::edit::{atomic_write, FileMode};
use crate::error::{Error, Result};
use crate::reference::{self, Reference};
use crate::resolve::{resolve_with_references, ResolveOptions};

/// Replace every secret reference in a text file with its value.
///
/// Reads any text (TOML, YAML, .env, JSON, ...) and replaces each `secret://PROVIDER/REFERENCE[#FIELD]`
/// and `fnox://SECRET[#FIELD]` with its value (see "References" in the README for the grammar).
/// All references are read at once: one batch per provider, the providers concurrently. The result
/// goes to OUT (mode 0600, replaced atomically) or stdout. When any reference cannot be resolved,
/// each is reported with its line and column and nothing is written.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The template to read; stdin when absent or `-`
    #[arg(short = 'i', long = "in-file", value_name = "TEMPLATE")]
    pub input: Option<PathBuf>,
    /// Write the result to this file (mode 0600, replaced atomically) instead of stdout
    #[arg(short = 'o', long = "out-file", value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Only check that every reference resolves: print no values, write nothing
    #[arg(long)]
    pub check: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let (shown, text) = read_template(args.input.as_ref())?;
    // References may name only provider types, so a template needs no fnox.toml.
    let config = ctx.load_optional()?;
    let found = reference::find(&text);
    let mut unique: Vec<Reference> = Vec::new();
    for r in found.iter().filter_map(|f| f.reference.as_ref().ok()) {
        if !unique.contains(r) {
            unique.push(r.clone());
        }
    }
    let opts = ResolveOptions {
        strict: true,
        ..ctx.resolve_options()
    };
    let (_, results) = resolve_with_references(&config, &[], &unique, opts)?;
    let mut values = Vec::with_capacity(found.len());
    let mut failures: Vec<(usize, Error)> = Vec::new();
    for f in &found {
        let outcome = match &f.reference {
            Ok(r) => {
                let i = unique.iter().position(|u| u == r).expect("collected above");
                results[i].clone().map_err(|e| {
                    let mut line = e.message.clone();
                    for c in &e.causes {
                        line.push_str(&format!(": {c}"));
                    }
                    let mut err = Error::new(line);
                    err.hint = e.hint.clone();
                    err
                })
            }
            Err(why) => Err(Error::new(format!(
                "malformed reference '{}': {why}",
                &text[f.start..f.end]
            ))
            .hint(
                "see \"References\" in the README for the grammar; percent-encode other characters",
            )),
        };
        match outcome {
            Ok(v) => values.push(v),
            Err(e) => failures.push((f.start, e)),
        }
    }
    if !failures.is_empty() {
        return Err(report(&shown, &text, failures));
    }
    ctx.verbose(format!(
        "{} reference(s), {} distinct, resolved",
        found.len(),
        unique.len()
    ));
    if args.check {
        ctx.say(format!("{shown}: all {} reference(s) resolve", found.len()));
        return Ok(0);
    }
    let out = reference::splice(&text, &found, &values);
    match &args.output {
        Some(path) => atomic_write(path, out.expose().as_bytes(), FileMode::Exactly(0o600))?,
        None => print_data(out.expose())?,
    }
    Ok(0)
}

/// The template's name for messages, and its text.
fn read_template(input: Option<&PathBuf>) -> Result<(String, String)> {
    let (shown, bytes) = match input.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            let shown = path.display().to_string();
            let bytes = std::fs::read(path)
                .map_err(|e| Error::new(format!("cannot read {shown}")).cause(e))?;
            (shown, bytes)
        }
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::new("cannot read the template from stdin").cause(e))?;
            ("<stdin>".to_owned(), bytes)
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::new(format!("cannot read {shown}"))
            .cause(format!(
                "it is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
            .hint("fnox inject reads text templates")
    })?;
    Ok((shown, text))
}

/// One error for every reference that failed, each with its line and column; nothing was written.
fn report(shown: &str, text: &str, failures: Vec<(usize, Error)>) -> Error {
    let at = |offset: usize| {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        format!("{shown}:{line}:{column}")
    };
    let n = failures.len();
    let mut failures = failures.into_iter();
    if n == 1 {
        let (offset, e) = failures.next().expect("one failure");
        let mut err = Error::new(format!(
            "cannot inject {shown}: a reference at {} could not be resolved",
            at(offset)
        ));
        err.causes.push(e.message);
        err.causes.push("nothing was written".to_owned());
        err.hint = e.hint;
        return err;
    }
    let mut err = Error::new(format!(
        "cannot inject {shown}: {n} references could not be resolved"
    ));
    let mut hint = None;
    for (offset, e) in failures {
        err.causes.push(format!("{}: {}", at(offset), e.message));
        hint = hint.or(e.hint);
    }
    err.causes.push("nothing was written".to_owned());
    err.hint = hint;
    err
}
