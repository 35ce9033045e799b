pub mod cli;
pub mod config;
pub mod env_vars;
pub mod error;
pub mod provider;
pub mod resolve;
pub mod secret;
