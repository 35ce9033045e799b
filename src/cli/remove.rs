//! `fnox remove KEY`

use super::{unknown_secret, Ctx};
use crate::config::edit::{Editor, ReadOnly};
use crate::config::load::same_file;
use crate::error::{Error, Result};

/// Remove a secret's entry from the config file here that defines it (with the comment lines
/// directly above it). A parent directory's file is never edited; a value in a remote store is
/// left alone.
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
    /// Write the config file even when it is read-only (as `rm -f`)
    #[arg(short = 'f', long)]
    pub force: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = if args.global {
        ctx.load_for_write()?
    } else {
        ctx.load()?
    };
    let profile = ctx.write_profile()?;
    // Only a file of the current directory (or the -g / -c file) is edited, never a parent's,
    // and never the global config without -g.
    let target = if args.global {
        Some(config.write_target(true, &profile))
    } else {
        let explicit = config.explicit.as_ref().map(|e| config.cwd.join(e));
        let here = |layer: &crate::config::load::Layer| match &explicit {
            Some(file) => same_file(&layer.path, file),
            None => !layer.global && layer.path.parent() == Some(config.cwd.as_path()),
        };
        config.defining_file(&args.key, &profile, here)
    };
    let Some((path, section)) = target else {
        if let Some(entry) = config.secret(&args.key) {
            let loc = config.locate("secrets", &args.key, &entry.origin);
            let layer = &config.layers[entry.origin.layer];
            let hint = match layer.path.parent() {
                Some(dir) if layer.path.parent() != Some(config.cwd.as_path()) && !layer.global => {
                    format!(
                        "remove it from that file (cd {} && fnox remove {}), or override it here",
                        config.display(dir),
                        args.key
                    )
                }
                _ => "remove it without --profile (from the top level) instead".to_owned(),
            };
            return Err(Error::new(format!(
                "Secret '{}' is not defined in profile '{profile}' of a file here",
                args.key
            ))
            .code("fnox::secret::not_found")
            .cause(format!("it is inherited from {loc}"))
            .hint(hint));
        }
        return Err(unknown_secret(&config, &args.key));
    };
    let global = super::global_suffix(args.global);
    let shown = config.display(&path);
    let where_ = if profile == crate::config::DEFAULT_PROFILE {
        format!("{global} from {shown}")
    } else {
        format!(" from profile {profile}{global} in {shown}")
    };
    let mut editor = Editor::open(&path, ReadOnly::overwrite_if(args.force || args.dry_run))?;
    if !editor.remove_secret(&section, &args.key) {
        return Err(unknown_secret(&config, &args.key));
    }
    if args.dry_run {
        super::print_text(&format!(
            "[dry-run] Would remove secret {}{where_}\n",
            args.key
        ))?;
        return Ok(0);
    }
    editor.save()?;
    ctx.say(format!("✓ Removed secret {}{where_}", args.key));
    Ok(0)
}
