//! `fnox trust [PATH]`

use std::path::{Path, PathBuf};

use super::{print_data, Ctx};
use crate::config::load::{display_path, read_config_text};
use crate::error::{Error, Result};
use crate::trust;

/// Trust config files: let them run commands, send credentials to the addresses they name, import
/// files from outside their directory, and load into the shell hook.
///
/// A config file you have not trusted still works as data for the commands you type (`get`,
/// `exec`, `export` decrypt with your keys), but fnox refuses whatever in it would run a command
/// (`credential_command`, `auth_command`, `gpg_opts`, any `*_command`), send a token to an address
/// only it names (a provider `address`/`endpoint` other than VAULT_ADDR / AWS_ENDPOINT_URL), or
/// import a file from outside its directory; and the shell hook loads nothing from it. Read the
/// file first: trusting it lets it run programs as you.
///
/// Without PATH: every config file that loads from here and is not trusted yet. Approval is by path
/// and content (SHA-256), kept in $FNOX_STATE_DIR/trust.json (0600): a file changed by someone else
/// needs approval again; fnox's own edits (`set`, `remove`, ...) keep it trusted. The global config
/// is always trusted. With CI set, files inside the current git work tree count as trusted;
/// FNOX_TRUST_ALL=1 trusts every file (throw-away machines only).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The config file to trust (default: every untrusted file that loads from here)
    #[arg(value_name = "PATH", conflicts_with_all = ["list", "tree"])]
    pub path: Option<PathBuf>,
    /// Trust every config file under this directory, now and later (your own work tree)
    #[arg(long, value_name = "DIR", conflicts_with = "list")]
    pub tree: Option<PathBuf>,
    /// List the trusted files and trees
    #[arg(long)]
    pub list: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    trust::disable_gate();
    if args.list {
        return list(ctx);
    }
    if let Some(dir) = &args.tree {
        let dir = absolute(ctx, dir);
        if !dir.is_dir() {
            return Err(Error::new(format!("{} is not a directory", dir.display()))
                .code("fnox::trust::error")
                .hint("pass the directory whose config files you want to trust"));
        }
        trust::add_tree(&dir)?;
        ctx.say(format!(
            "✓ Trusted every config file under {}",
            dir.display()
        ));
        return Ok(0);
    }
    let targets: Vec<PathBuf> = match &args.path {
        Some(p) => vec![absolute(ctx, p)],
        None => {
            let config = ctx.load_optional()?;
            let found: Vec<PathBuf> = config
                .layers
                .iter()
                .filter(|l| !l.global)
                .filter(|l| trust::why_trusted(&l.path, &l.text, false).is_none())
                .map(|l| l.path.clone())
                .collect();
            if found.is_empty() {
                if config.layers.iter().all(|l| l.global) {
                    return Err(Error::new(format!(
                        "No configuration file found in {} or any parent directory",
                        ctx.cwd.display()
                    ))
                    .code("fnox::config::not_found")
                    .hint("pass the file to trust: fnox trust PATH"));
                }
                ctx.say("Every config file that loads here is already trusted");
                return Ok(0);
            }
            found
        }
    };
    for path in &targets {
        approve(ctx, path)?;
    }
    Ok(0)
}

fn approve(ctx: &Ctx, path: &Path) -> Result<()> {
    let shown = display_path(path, &ctx.cwd);
    if !path.is_file() {
        return Err(
            Error::new(format!("cannot trust {shown}: it is not a file"))
                .code("fnox::trust::error")
                .hint("pass the path of a fnox.toml"),
        );
    }
    if let Some(why) = trust::unsafe_reason(path) {
        return Err(Error::new(format!("cannot trust {shown}: {why}"))
            .code("fnox::trust::unsafe_file")
            .cause("someone else could change it after you approve it")
            .hint("take ownership of it (chown) and remove write access for others (chmod o-w), then trust it"));
    }
    let text = read_config_text(path)?;
    trust::approve(path, &text)?;
    ctx.say(format!("✓ Trusted {shown}"));
    Ok(())
}

fn list(ctx: &Ctx) -> Result<i32> {
    let store = trust::load_store();
    if store.files.is_empty() && store.trees.is_empty() {
        ctx.say("No config files are trusted (fnox trust PATH adds one)");
        return Ok(0);
    }
    let mut out = String::new();
    for (path, hash) in &store.files {
        let state = match std::fs::read_to_string(path) {
            Ok(text) if trust::digest(&text) == *hash => "trusted",
            Ok(_) => "changed since trusted",
            Err(_) => "missing",
        };
        out.push_str(&format!("{path}  ({state})\n"));
    }
    for tree in &store.trees {
        out.push_str(&format!("{tree}/  (tree)\n"));
    }
    print_data(&out)?;
    Ok(0)
}

pub(super) fn absolute(ctx: &Ctx, path: &Path) -> PathBuf {
    let p = if path.is_absolute() {
        path.to_path_buf()
    } else {
        ctx.cwd.join(path)
    };
    std::fs::canonicalize(&p).unwrap_or(p)
}
