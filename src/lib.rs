pub mod cli;
pub mod config;
pub mod dotenv;
pub mod editor;
pub mod env_vars;
pub mod error;
pub mod progress;
pub mod protect;
pub mod provider;
pub mod reference;
pub mod resolve;
pub mod secret;
pub mod secret_files;
pub mod shell;
#[cfg(unix)]
pub mod signals;
pub mod term;
pub mod trust;
