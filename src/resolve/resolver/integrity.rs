//! The resolver's side of the integrity check: every value a provider batch reads is recorded,
//! the MAC keys its tags need join the batches of the ciphers that sealed them, and the verdicts
//! replace refused values before anything uses them.

use super::{BuiltGroup, Item, Resolver};
use crate::error::warn;
use crate::integrity::verify::Verdict;
use crate::provider::Provider;
use crate::reference::Source;
use crate::resolve::providers::build_provider;

impl<'c> Resolver<'c> {
    /// Records the integrity check of every secret a built cipher or store reads, and adds the
    /// MAC keys those checks need to the batches of the ciphers that sealed them (building a
    /// cipher no secret of the run uses when needed).
    pub(super) fn add_integrity_keys(&mut self, built: &mut Vec<BuiltGroup<'_>>) {
        for (source, items, p) in built.iter() {
            let (Source::Named(provider), Ok(p)) = (source, p) else {
                continue;
            };
            for (item, input) in items {
                if let Item::Secret(name) = item {
                    let entry = &self.entries[name];
                    self.checks
                        .want(self.config, entry, provider, input, p.is_cipher());
                }
            }
        }
        for (layer, provider, label, sealed) in self.checks.key_requests() {
            let at = built.iter().position(|(s, _, p)| {
                matches!(s, Source::Named(n) if *n == provider)
                    && p.as_ref().is_ok_and(Provider::is_cipher)
            });
            let at = match at {
                Some(i) => i,
                None => match build_provider(self.config, &provider) {
                    Ok(p) if p.is_cipher() => {
                        built.push((Source::Named(provider.clone()), Vec::new(), Ok(p)));
                        built.len() - 1
                    }
                    Ok(_) => {
                        let why = format!("provider '{provider}' is not a cipher");
                        self.checks.key_result(layer, &label, Err(why));
                        continue;
                    }
                    Err(e) => {
                        self.checks.key_result(layer, &label, Err(e.message));
                        continue;
                    }
                },
            };
            built[at].1.push((Item::MacKey(layer, label), sealed));
        }
    }

    /// The integrity verdict on every value read through a provider: a refusal replaces the
    /// value; entries without a tag in a file that has a sidecar are named in one warning.
    pub(super) fn apply_integrity(&mut self) {
        use rayon::prelude::*;
        let mut untagged: Vec<&str> = Vec::new();
        let names: Vec<&'c str> = self
            .entries
            .keys()
            .copied()
            .filter(|n| matches!(self.provider_results.get(*n), Some(Ok(_))))
            .collect();
        // An HMAC per value: on all cores when there are many (after the batches, nothing else
        // runs then).
        let verdict = |name: &&'c str| {
            let entry = &self.entries[*name];
            (*name, self.checks.verdict(name, || self.locate(entry)))
        };
        let verdicts: Vec<(&str, Verdict)> = if names.len() >= 64 {
            names.par_iter().map(verdict).collect()
        } else {
            names.iter().map(verdict).collect()
        };
        for (name, v) in verdicts {
            match v {
                Verdict::Verified => {}
                Verdict::Untagged { warn } => {
                    if warn {
                        untagged.push(name);
                    }
                }
                Verdict::Refused(e) => {
                    self.provider_results.insert(name.to_owned(), Err(e));
                }
            }
        }
        if !untagged.is_empty() {
            untagged.sort_unstable();
            warn(format!(
                "no integrity tag for {}: written by hand or by upstream fnox; `fnox set NAME VALUE` writes one tagged",
                untagged.join(", ")
            ));
        }
    }
}
