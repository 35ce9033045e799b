//! `fnox config-files`

use super::Ctx;
use crate::error::Result;

/// List the config files that load from here with these flags, one path per line, in load
/// order: lowest priority first (the global file), the file that wins last.
///
/// Follows -c, -P and the `root = true` and `import` rules exactly as every other command does.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<i32> {
    let config = ctx.load_optional()?;
    if config.layers.is_empty() {
        ctx.say(format!(
            "No config files load in {} (run `fnox init` to create one)",
            config.cwd.display()
        ));
        return Ok(0);
    }
    let mut out = String::new();
    for layer in &config.layers {
        out.push_str(&layer.path.display().to_string());
        out.push('\n');
    }
    super::print_text(&out)?;
    Ok(0)
}
