//! `fnox profiles`

use serde_json::json;

use super::{print_json, Ctx};
use crate::config::DEFAULT_PROFILE;
use crate::error::Result;

/// List the profiles defined in the loaded config files, with how many secrets each has.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print a JSON array: name, secret count, whether it is active
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load()?;
    let mut names = vec![DEFAULT_PROFILE.to_owned()];
    names.extend(
        config
            .defined_profiles()
            .into_iter()
            .filter(|p| p != DEFAULT_PROFILE),
    );
    if args.json {
        let items: Vec<_> = names
            .iter()
            .map(|name| {
                json!({
                    "name": name,
                    "secrets": config.secrets_for(std::slice::from_ref(name)).len(),
                    "active": config.profiles.contains(name),
                })
            })
            .collect();
        print_json(&items)?;
        return Ok(0);
    }
    let mut out = String::from("Available profiles:\n");
    for name in names {
        let count = config.secrets_for(std::slice::from_ref(&name)).len();
        let noun = if count == 1 { "secret" } else { "secrets" };
        out.push_str(&format!("  {name} ({count} {noun})\n"));
    }
    super::print_text(&out)?;
    Ok(0)
}
