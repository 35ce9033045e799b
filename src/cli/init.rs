//! `fnox init`

use std::path::{Path, PathBuf};

use super::Ctx;
use crate::config::edit::{atomic_write, FileMode, ReadOnly};
use crate::config::load::global_config_path;
use crate::env_vars;
use crate::error::{Error, Result};
use crate::provider::age;

/// Create a fnox.toml (and, if this machine has no age identity yet, ~/.config/fnox/age.txt)
/// with an age provider for your key: zero cloud needed.
///
/// With --skip-wizard an empty file is written instead, as the upstream tool does.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Overwrite an existing file (read-only or not)
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Create the global config (~/.config/fnox/config.toml) instead
    #[arg(short = 'g', long)]
    pub global: bool,
    /// Write an empty config and create no key
    #[arg(long)]
    pub skip_wizard: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let target = if args.global {
        global_config_path().ok_or_else(|| {
            Error::new("cannot find the global config directory")
                .hint("set FNOX_CONFIG_DIR to an absolute path")
        })?
    } else {
        ctx.cwd.join(
            ctx.global
                .config
                .clone()
                .unwrap_or_else(|| PathBuf::from("fnox.toml")),
        )
    };
    let shown = crate::config::load::display_path(&target, &ctx.cwd);
    if target.exists() && !args.force {
        return Err(Error::new(format!("{shown} already exists")).hint(
            "pass --force to overwrite it, or edit it with `fnox set` / `fnox provider add`",
        ));
    }
    // An existing file needs --force, read-only or not; a link to nothing is refused.
    crate::config::edit::ensure_writable(&target, ReadOnly::Overwrite)?;
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::new(format!("cannot create {}", dir.display())).cause(e))?;
    }
    if args.skip_wizard {
        atomic_write(&target, b"", FileMode::KeepOr(0o644))?;
        // The user created it by typing the command: it is theirs to trust.
        crate::trust::approve(&target, "")?;
        ctx.say(format!("✓ Created {shown}"));
        return Ok(0);
    }
    let public = ensure_identity(ctx)?;
    let text = format!(
        "# Secrets for this project. Values are encrypted: safe to commit.\n\
         #   fnox set NAME VALUE    encrypt and record a secret\n\
         #   fnox get NAME          print it\n\
         #   fnox exec -- CMD       run CMD with every secret in its environment\n\
         \n\
         [providers]\n\
         age = {{ type = \"age\", recipients = [\"{public}\"] }}\n\
         \n\
         [secrets]\n"
    );
    atomic_write(&target, text.as_bytes(), FileMode::KeepOr(0o644))?;
    crate::trust::approve(&target, &text)?;
    ctx.say(format!(
        "✓ Created {shown} with an age provider for {public}"
    ));
    ctx.say("  Next: fnox set MY_SECRET <value>; fnox list; fnox exec -- <command>");
    Ok(0)
}

/// The public key of this machine's identity; creates ~/.config/fnox/age.txt when none exists.
fn ensure_identity(ctx: &Ctx) -> Result<String> {
    if let Some(text) = env_vars::non_empty(env_vars::FNOX_AGE_KEY) {
        if let Some(public) = age::public_keys(&text).into_iter().next() {
            return Ok(public);
        }
    }
    if let Some(path) = env_vars::non_empty(env_vars::FNOX_AGE_KEY_FILE) {
        let path = env_vars::expand_path(&path, &ctx.cwd);
        if let Some(public) = public_key_of(&path) {
            return Ok(public);
        }
    }
    let path = age::default_identity_path().ok_or_else(|| {
        Error::new("cannot find a home directory for the age key").hint("set FNOX_CONFIG_DIR")
    })?;
    if path.exists() {
        return public_key_of(&path).ok_or_else(|| {
            Error::new(format!("{} holds no age identity", path.display()))
                .hint("fix or move that file, then run `fnox init` again")
        });
    }
    let created = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let (text, public) = age::generate_identity(&created);
    let dir = path.parent().expect("identity path has a parent");
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::new(format!("cannot create {}", dir.display())).cause(e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    atomic_write(&path, text.as_bytes(), FileMode::Exactly(0o600))?;
    ctx.say(format!(
        "✓ Created your age identity at {} (keep it private and backed up; never commit it)",
        path.display()
    ));
    Ok(public)
}

fn public_key_of(path: &Path) -> Option<String> {
    age::read_identity_file(path).and_then(|t| age::public_keys(&t).into_iter().next())
}
