//! How fnox starts the user's editor on a file of plaintext (`fnox edit`): the editor command
//! as a shell runs it, and for vim and neovim the options that keep copies of the text out of
//! their swap, undo, backup and viminfo/shada files.

use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::process::Command;

/// The editor as `sh -c` runs it on `path`: a plain command is exec'd, so signals passed on
/// reach the editor itself rather than a shell waiting for it; vim and neovim get their
/// [`private_options`] first, before the user's own arguments (so before their `-c` commands).
#[cfg(unix)]
pub fn command(editor: &str, path: &Path) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c");
    let plain = !editor.contains(|c: char| ";&|()<>`$\n".contains(c));
    let (first, rest) = editor
        .trim_start()
        .split_once(char::is_whitespace)
        .unwrap_or((editor.trim_start(), ""));
    if plain && !first.is_empty() && !first.contains(['\'', '"', '\\']) {
        // "$1" is the file; the options come before the user's arguments, the file last.
        cmd.arg(format!("f=$1; shift; exec {first} \"$@\" {rest} \"$f\""))
            .arg("fnox-edit")
            .arg(path)
            .args(private_options(first));
    } else if plain {
        cmd.arg(format!("exec {editor} \"$@\""))
            .arg("fnox-edit")
            .arg(path);
    } else {
        cmd.arg(format!("{editor} \"$@\""))
            .arg("fnox-edit")
            .arg(path);
    }
    cmd
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Vim {
    Vim,
    Neovim,
}

/// vim and neovim options that keep the plaintext out of their own files: no swap file (`-n`),
/// no viminfo / shada (`-i NONE`), and, run after the vimrc so it cannot undo them, no undo
/// file, swap file, backup or viminfo / shada either. Empty for other editors.
pub fn private_options(program: &str) -> &'static [&'static str] {
    match vim_kind(program) {
        Some(Vim::Vim) => &[
            "-n",
            "-i",
            "NONE",
            "-c",
            "set nobackup nowritebackup noswapfile noundofile viminfo=",
        ],
        Some(Vim::Neovim) => &[
            "-n",
            "-i",
            "NONE",
            "-c",
            "set nobackup nowritebackup noswapfile noundofile shada=",
        ],
        None => &[],
    }
}

/// Whether the editor's program is vim or neovim: by the name of the file it resolves to
/// (through PATH and symlinks, so Debian's `vi` and `editor` alternatives count), else by its
/// own name when that is `vim` or `nvim`. A `vi` that is not a link to vim may be nvi, ex-vi or
/// busybox, which know none of these options, and gets none.
fn vim_kind(program: &str) -> Option<Vim> {
    let by_name = |name: &str| {
        let name = name.strip_suffix(".exe").unwrap_or(name);
        match name {
            "nvim" => Some(Vim::Neovim),
            "vim" | "gvim" | "mvim" | "view" | "rvim" | "rview" | "vimdiff" => Some(Vim::Vim),
            // Debian's builds: vim.basic, vim.tiny, vim.nox, vim.gtk3 …
            _ if name.starts_with("vim.") => Some(Vim::Vim),
            _ => None,
        }
    };
    let resolved = resolve_program(program)
        .and_then(|p| std::fs::canonicalize(p).ok())
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    resolved.as_deref().and_then(by_name).or_else(|| {
        let name = Path::new(program).file_name()?.to_str()?;
        matches!(name, "vim" | "nvim" | "vim.exe" | "nvim.exe")
            .then(|| by_name(name))
            .flatten()
    })
}

/// The file a program name runs: itself when it has a directory part, else the first match on
/// PATH.
fn resolve_program(program: &str) -> Option<PathBuf> {
    if program.contains(std::path::is_separator) {
        return Some(PathBuf::from(program));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            let plain = dir.join(program);
            let exe = dir.join(format!("{program}.exe"));
            [plain, exe]
        })
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vim_and_neovim_are_told_apart_from_other_editors() {
        // Not on PATH here (or links to themselves): known by their own names.
        assert_eq!(vim_kind("/nonexistent/vim"), Some(Vim::Vim));
        assert_eq!(vim_kind("/nonexistent/nvim"), Some(Vim::Neovim));
        // A vi that is no link to vim may be nvi, ex-vi or busybox: no options.
        assert_eq!(vim_kind("/nonexistent/vi"), None);
        for other in ["nano", "/nonexistent/emacs", "code", "hx", "notepad.exe"] {
            assert_eq!(vim_kind(other), None, "{other}");
        }
        assert!(private_options("nano").is_empty());
        assert_eq!(
            private_options("/nonexistent/vim")[..3],
            ["-n", "-i", "NONE"]
        );
        assert!(private_options("/nonexistent/nvim")[4].ends_with("shada="));
    }

    #[test]
    #[cfg(unix)]
    fn the_private_options_come_before_the_users_arguments_and_the_file_last() {
        let cmd = command("/nonexistent/vim -c 'set ts=4'", Path::new("/t/s.toml"));
        let args: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            args[1],
            "f=$1; shift; exec /nonexistent/vim \"$@\" -c 'set ts=4' \"$f\""
        );
        assert_eq!(args[3..5], ["/t/s.toml", "-n"]);
        // A quoted program name is left to the shell whole, without options.
        let cmd = command("'/my vim/vim' -x", Path::new("/t/s.toml"));
        let args: Vec<_> = cmd.get_args().collect();
        assert_eq!(args[1], "exec '/my vim/vim' -x \"$@\"");
        assert_eq!(args.len(), 4);
    }
}
