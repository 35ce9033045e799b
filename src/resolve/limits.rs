//! Bounds on how far one value may lead to others, so that a mistaken or hostile fnox.toml can
//! neither exhaust the stack (a chain of thousands of secrets, each naming the next) nor memory
//! (a "billion laughs" of defaults, each repeating the one before several times).
//!
//! The chain is kept per thread across nested resolutions: a secret's `${NAME}`, `fnox://` and
//! `secret://` references, and a provider's `{ secret = "NAME" }` fields (whose secrets are
//! resolved while the provider is built) all add to the same chain.

use std::cell::RefCell;
use std::fmt;

use crate::config::load::Config;
use crate::error::Error;

/// The most links a chain of references may have: far above any real configuration, far below
/// what the stack holds.
pub const MAX_DEPTH: usize = 32;
/// The largest value interpolation may build (references spliced into a `value` or `default`).
pub const MAX_VALUE_BYTES: usize = 4 << 20;
/// The most bytes interpolation may build in one resolution, over every secret.
pub const MAX_TOTAL_BYTES: usize = 64 << 20;

/// The code of an error raised by one of these limits. Such an error is passed up as it is.
pub const TOO_DEEP: &str = "fnox::secret::reference_depth";
pub const TOO_LARGE: &str = "fnox::secret::value_too_large";

/// Whether `e` is one of these limits' errors (which callers pass up without wrapping).
pub fn is_limit(e: &Error) -> bool {
    e.code == TOO_DEEP || e.code == TOO_LARGE
}

/// One link of the chain: a secret being worked out, or a provider being built.
#[derive(Clone, PartialEq, Eq)]
pub enum Link {
    Secret(String),
    Provider(String),
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Link::Secret(name) => f.write_str(name),
            Link::Provider(name) => write!(f, "provider '{name}'"),
        }
    }
}

thread_local! {
    static CHAIN: RefCell<Vec<Link>> = const { RefCell::new(Vec::new()) };
}

/// Leaves the chain when dropped.
pub struct Entered(bool);

impl Drop for Entered {
    fn drop(&mut self) {
        if self.0 {
            CHAIN.with(|c| c.borrow_mut().pop());
        }
    }
}

/// This thread's chain, for a thread it starts to carry on (`adopt`).
pub fn snapshot() -> Vec<Link> {
    CHAIN.with(|c| c.borrow().clone())
}

/// Makes `chain` this (newly started) thread's chain.
pub fn adopt(chain: Vec<Link>) {
    CHAIN.with(|c| *c.borrow_mut() = chain);
}

/// Adds `link` to the chain (a link equal to the last one is not added twice); the error names
/// the whole chain when it is already `MAX_DEPTH` long.
pub fn enter(config: &Config, link: Link) -> Result<Entered, Error> {
    CHAIN.with(|c| {
        let mut chain = c.borrow_mut();
        if chain.last() == Some(&link) {
            return Ok(Entered(false));
        }
        if chain.len() >= MAX_DEPTH {
            let mut shown = chain.clone();
            shown.push(link);
            return Err(error_at_root(config, &shown, TOO_DEEP)
                .cause(format!(
                    "its references nest more than {MAX_DEPTH} deep: {}",
                    describe(&shown)
                ))
                .hint(
                    "let fewer secrets lead to one another: each `${NAME}`, `fnox://NAME` and \
                     `{ secret = \"NAME\" }` adds a level",
                ));
        }
        chain.push(link);
        Ok(Entered(true))
    })
}

/// The error for a value that grew past `MAX_VALUE_BYTES` (or the run past `MAX_TOTAL_BYTES`)
/// while `owner`'s `what` was interpolated.
pub fn too_large(config: &Config, owner: &str, what: &str, total: bool) -> Error {
    let mut shown = CHAIN.with(|c| c.borrow().clone());
    if shown.last() != Some(&Link::Secret(owner.to_owned())) {
        shown.push(Link::Secret(owner.to_owned()));
    }
    let limit = if total {
        format!(
            "the values built from references in this run pass {} MiB",
            MAX_TOTAL_BYTES >> 20
        )
    } else {
        format!("it would pass {} MiB", MAX_VALUE_BYTES >> 20)
    };
    error_at_root(config, &shown, TOO_LARGE)
        .cause(format!(
            "the {what} of {owner} expands its references too far ({limit}): {}",
            describe(&shown)
        ))
        .hint("a default that repeats references to other such defaults grows exponentially; splice each value in once")
}

/// "A -> B -> provider 'p' -> C"
fn describe(chain: &[Link]) -> String {
    chain
        .iter()
        .map(Link::to_string)
        .collect::<Vec<_>>()
        .join(" -> ")
}

/// "cannot resolve A (secrets.A in ./fnox.toml:3)": the chain's first link, which is what was asked for.
fn error_at_root(config: &Config, chain: &[Link], code: &'static str) -> Error {
    let message = match chain.first() {
        Some(Link::Secret(name)) => match config.secret(name) {
            Some(e) => format!(
                "cannot resolve {name} ({})",
                config.locate("secrets", name, &e.origin)
            ),
            None => format!("cannot resolve {name}"),
        },
        Some(Link::Provider(name)) => match config.provider(name) {
            Some(p) => format!(
                "cannot use provider '{name}' ({})",
                config.locate("providers", name, &p.origin)
            ),
            None => format!("cannot use provider '{name}'"),
        },
        None => "cannot resolve a secret".to_owned(),
    };
    Error::new(message).code(code)
}
