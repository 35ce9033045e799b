//! The integration tests: the real fnox binary, run in a sandbox per test.

mod support;

mod age_identities;
mod aws;
mod azure;
mod basics;
mod commands;
mod commands_more;
mod concurrency;
mod cosmian_kms;
mod discovery;
mod dropin;
mod ecosystem;
mod errors;
mod exec;
mod export_import;
mod file_writes;
mod gcp;
mod interop;
mod keepass;
mod keychain;
mod lease;
mod parse_errors;
mod password_store;
mod process_protection;
mod providers;
mod reencrypt;
mod references;
mod reliability;
mod resolve_limits;
mod shell;
mod terminal_escaping;
mod trust;
mod trust_scope;
mod vault;
