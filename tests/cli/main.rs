//! The integration tests: the real fnox binary, run in a sandbox per test.

mod support;

mod aws;
mod basics;
mod commands;
mod errors;
