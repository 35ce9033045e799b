//! An age provider's `identity = { provider = "NAME", value = "KEY" }`: the identity is a value of
//! another provider of the same configuration. The age provider asks for it through the reader
//! built here only when a value must be decrypted and no local identity opens it (never on `set`);
//! each identity is read once per run, however often its age provider is built. Reading it
//! builds the other provider as any secret's provider is built (its `{ secret = "NAME" }` fields
//! and the trust gate included), so the chain of providers being built catches a cycle however it
//! closes: through identities, secret fields, or both.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};

use crate::config::load::Config;
use crate::error::Error;
use crate::provider::{ErrorKind, ProviderError, ReadFrom};
use crate::secret::SecretValue;

use super::limits::{self, Link};
use super::providers::{build_provider_for, BUILDING};
use super::{kind_of, CONFIG_CYCLE};

/// The reader for the identity of age provider `owner` (defined in layer `owner_layer`), as the
/// configuration is with `profiles` active.
pub(super) fn reader(
    config: &Config,
    owner: &str,
    owner_layer: usize,
    profiles: &[String],
) -> ReadFrom {
    let config = Arc::new(config.clone());
    let owner = owner.to_owned();
    let profiles = profiles.to_vec();
    Arc::new(move |provider: &str, value: &str| {
        read(&config, &owner, owner_layer, &profiles, provider, value)
    })
}

fn read(
    config: &Config,
    owner: &str,
    owner_layer: usize,
    profiles: &[String],
    provider: &str,
    value: &str,
) -> Result<SecretValue, ProviderError> {
    let chain = BUILDING.with(|b| b.borrow().clone());
    if let Some(start) = chain.iter().position(|p| p == owner) {
        let mut cycle = chain[start..].to_vec();
        cycle.push(owner.to_owned());
        return Err(cycle_error(owner, &cycle));
    }
    let _entered = limits::enter(config, Link::Provider(owner.to_owned())).map_err(flatten)?;
    // Another file that defines the identity's provider decides which key opens this provider's
    // values (and where it is read from): it must be trusted, as a file that fills a provider's
    // address or command through `{ secret = ... }` must be.
    let entry = config.provider_for(provider, profiles);
    if let Some(entry) = &entry {
        if entry.origin.layer != owner_layer {
            config
                .require_trusted(
                    entry.origin.layer,
                    &format!(
                        "decide the age identity of provider '{owner}' (it defines provider '{provider}', which the identity is read from)"
                    ),
                )
                .map_err(flatten)?;
        }
    }
    // Once per run: a provider built again in the same run (for another provider's secret
    // fields, or by another step of the command) finds the identity already read.
    let key = entry.map(|entry| {
        format!(
            "{provider}\0{value}\0{}\0{}\0{}\0{}",
            profiles.join(","),
            config.layers[entry.origin.layer].path.display(),
            entry.origin.offset,
            config.layers.len()
        )
    });
    let memo = key.as_ref().and_then(|k| lock().get(k).cloned());
    let read = match memo {
        Some(hit) => hit,
        None => {
            BUILDING.with(|b| b.borrow_mut().push(owner.to_owned()));
            let read = build_provider_for(config, provider, profiles)
                .map_err(flatten)
                .and_then(|built| {
                    built.read_batch(&[value]).pop().unwrap_or_else(|| {
                        Err(ProviderError::new(ErrorKind::Other, "no value came back"))
                    })
                });
            BUILDING.with(|b| b.borrow_mut().pop());
            // A cycle is a property of the chain that met it, not of the value.
            match (&read, key) {
                (Err(e), _) if e.kind == ErrorKind::Cycle => {}
                (_, Some(k)) => {
                    lock().insert(k, read.clone());
                }
                _ => {}
            }
            read
        }
    };
    read.map_err(|e| match e.kind {
        // Passed up as they are: they name the whole chain, or the file to trust.
        ErrorKind::Cycle | ErrorKind::Untrusted => e,
        _ => {
            // A store's key is worth naming; a cipher's ciphertext is not.
            let shown = if value.len() <= 64 {
                format!(" (value '{value}')")
            } else {
                String::new()
            };
            ProviderError {
                message: format!(
                    "cannot read the age identity of provider '{owner}' from provider '{provider}'{shown}: {}",
                    e.message
                ),
                ..e
            }
        }
    })
}

/// The identities read in this run (one fnox process is one run), by the provider table and
/// value they were read from.
type Memo = HashMap<String, Result<SecretValue, ProviderError>>;
static READ: LazyLock<Mutex<Memo>> = LazyLock::new(Mutex::default);

fn lock() -> MutexGuard<'static, Memo> {
    READ.lock().unwrap_or_else(|e| e.into_inner())
}

/// How upstream's cycle error begins.
const CYCLE_WORDS: &str = "Circular dependency detected in provider configuration";

/// Upstream's words, and the chain from the provider met again back to itself.
fn cycle_error(owner: &str, cycle: &[String]) -> ProviderError {
    ProviderError::new(
        ErrorKind::Cycle,
        format!(
            "{CYCLE_WORDS} for '{owner}' (resolution path: {})",
            cycle.join(" -> ")
        ),
    )
    .hint("break the cycle: give one of these providers a key_file (or a literal value or environment variable) instead of a value read from another provider")
}

/// A resolver error as a provider error: its causes after its message, its code as a kind.
fn flatten(e: Error) -> ProviderError {
    let kind = if e.code == crate::trust::UNTRUSTED {
        ErrorKind::Untrusted
    } else if e.code == CONFIG_CYCLE {
        ErrorKind::Cycle
    } else {
        kind_of(e.code)
    };
    // A cycle met deeper down (a secret field's secret, sealed by the provider being built) is
    // this chain's cycle: upstream's sentence, which names it whole, is the message.
    // (It may come wrapped by a default or template that referred to that secret.)
    if let Some(cycle) = e.causes.iter().find(|c| c.starts_with(CYCLE_WORDS)) {
        return ProviderError {
            kind: ErrorKind::Cycle,
            message: cycle.clone(),
            hint: e.hint,
        };
    }
    let mut message = e.message;
    // A refusal's own cause is the general rule; its message already says what and where.
    if !e.causes.is_empty() && kind != ErrorKind::Untrusted {
        message.push_str(&format!(" ({})", e.causes.join("; ")));
    }
    ProviderError {
        kind,
        message,
        hint: e.hint,
    }
}
