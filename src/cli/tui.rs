//! `fnox tui`

use super::Ctx;
use crate::error::Result;

/// Browse and manage the active profile's secrets in a terminal dashboard.
///
/// Values stay masked until you reveal the selected one (`V`); each is resolved only when
/// revealed or copied. `/` searches, `Enter` shows details, `c` copies the value to the
/// clipboard through the terminal (OSC 52; in tmux with `set-clipboard on`), `e` sets a new
/// value as `fnox set` does, `P` switches profile, `?` lists the keys, `q` quits.
/// Needs a terminal on stdin and stdout.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<i32> {
    let global = ctx.global.clone();
    let cwd = ctx.cwd.clone();
    crate::tui::run(crate::tui::Options {
        profiles: ctx.profiles.clone(),
        write_profile: ctx.global.write_profile.clone(),
        load: Box::new(move |profiles, for_write| {
            let ctx = Ctx {
                global: global.clone(),
                cwd: cwd.clone(),
                profiles: profiles.to_vec(),
            };
            if for_write {
                ctx.load_for_write()
            } else {
                ctx.load()
            }
        }),
        resolve: ctx.resolve_options(),
    })?;
    Ok(0)
}
