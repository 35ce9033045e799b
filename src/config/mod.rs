//! fnox.toml: what it means (`model`), where it comes from (`load`), and how it is changed (`edit`).

pub mod edit;
pub mod load;
pub mod model;
pub mod set;
pub mod sparse;
pub mod text;

pub use load::{load, Config, LoadOptions, Section, DEFAULT_PROFILE};
