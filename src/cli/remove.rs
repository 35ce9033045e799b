//! `fnox remove KEY`

use super::{unknown_secret, Ctx};
use crate::config::edit::Editor;
use crate::config::Section;
use crate::error::{Error, Result};

/// Remove a secret's entry from the config file that defines it (with the comment lines
/// directly above it). A value in a remote store is left alone.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The secret's name
    pub key: String,
    /// Remove from the global config file
    #[arg(short = 'g', long)]
    pub global: bool,
    /// Show what would be removed without changing anything
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = if args.global {
        ctx.load_for_write()?
    } else {
        ctx.load()?
    };
    let profile = ctx.write_profile()?;
    let target = if args.global {
        Some(config.write_target(true, &profile))
    } else {
        config.defining_file(&args.key, &profile)
    };
    let Some((path, section)) = target else {
        if let Some(entry) = config.secret(&args.key) {
            let loc = config.locate("secrets", &args.key, &entry.origin);
            return Err(
                Error::new(format!("{} is not defined in profile {profile}", args.key))
                    .cause(format!("it is inherited from {loc}"))
                    .hint("remove it without --profile (from the top level) instead"),
            );
        }
        return Err(unknown_secret(&config, &args.key));
    };
    let shown = config.display(&path);
    let where_ = match &section {
        Section::Profile(p) => format!("profile {p} in {shown}"),
        Section::Top => shown,
    };
    let mut editor = Editor::open(&path)?;
    if !editor.remove_secret(&section, &args.key) {
        return Err(unknown_secret(&config, &args.key));
    }
    if args.dry_run {
        super::print_data(&format!(
            "[dry-run] Would remove secret {} from {where_}\n",
            args.key
        ))?;
        return Ok(0);
    }
    editor.save()?;
    ctx.say(format!("✓ Removed secret {} from {where_}", args.key));
    Ok(0)
}
