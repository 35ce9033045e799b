//! `fnox version`

use super::{print_data, Ctx};
use crate::error::Result;

/// Print fnox's version.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_ctx: &Ctx, _args: Args) -> Result<i32> {
    print_data(&format!("fnox {}\n", env!("CARGO_PKG_VERSION")))?;
    Ok(0)
}
