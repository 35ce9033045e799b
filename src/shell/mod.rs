//! Shell integration shared by `activate`, `hook-env` and `deactivate`: quoting for each shell,
//! the changes the hook makes (rendered as code, or as JSON for Nushell), the session state it
//! keeps in one shell variable (`__FNOX_SESSION`, [`session`]), the activation code
//! ([`scripts`]) and the files that hold `as_file` secrets while a shell lives ([`files`]).

#[cfg(unix)]
pub mod files;
pub mod scripts;
mod session;

pub use session::{fingerprint, Fingerprint, Managed, Session};

use std::path::Path;

use zeroize::Zeroizing;

use crate::env_vars;
use crate::error::{Error, Result};

/// The shells fnox can hook into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    /// Nushell: it cannot evaluate code it is given, so the hook prints JSON for it to apply.
    Nu,
    /// PowerShell (pwsh 7, and Windows PowerShell 5.1).
    Pwsh,
}

impl Shell {
    /// The names `activate` and `hook-env -s` take, as --help lists them (upstream's order).
    pub const NAMES: [&'static str; 5] = ["bash", "zsh", "fish", "nu", "pwsh"];

    pub fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Nu => "nu",
            Shell::Pwsh => "pwsh",
        }
    }

    pub fn parse(name: &str) -> Option<Shell> {
        match name {
            "bash" => Some(Shell::Bash),
            "zsh" => Some(Shell::Zsh),
            "fish" => Some(Shell::Fish),
            "nu" => Some(Shell::Nu),
            "pwsh" => Some(Shell::Pwsh),
            _ => None,
        }
    }

    /// The shell a person named; any other name is an error that says which ones fnox knows.
    pub fn named(name: &str) -> Result<Shell> {
        Shell::parse(name).ok_or_else(|| {
            Error::new(format!("unsupported shell: {name}")).hint(
                "fnox hooks into bash, zsh, fish, nu and pwsh: fnox activate bash | zsh | fish | nu | pwsh",
            )
        })
    }

    /// The shell `activate` hooked into, from FNOX_SHELL.
    pub fn from_env() -> Option<Shell> {
        Shell::parse(&env_vars::non_empty(env_vars::FNOX_SHELL)?)
    }

    /// The login shell, from the file name in $SHELL (less a `.exe`): None when $SHELL is not
    /// set, an error when it names a shell fnox does not hook into.
    pub fn from_login_shell() -> Result<Option<Shell>> {
        let Some(path) = env_vars::non_empty(env_vars::SHELL) else {
            return Ok(None);
        };
        let name = match Path::new(&path).file_name() {
            Some(file) => file.to_string_lossy().into_owned(),
            None => path.clone(),
        };
        let name = name.strip_suffix(".exe").unwrap_or(&name);
        Shell::named(name).map(Some)
    }

    /// A word (an expression, for PowerShell) the shell reads back as exactly `value`, never
    /// expanding anything in it.
    ///
    /// - bash/zsh: single quotes, a quote as `'\''`.
    /// - fish: single quotes with `\'` and `\\`.
    /// - nu: a double-quoted string with JSON's escapes (`\"`, `\\`, `\n`, `\u{1b}`, ...).
    /// - pwsh: single quotes with every single-quote character doubled (PowerShell takes
    ///   `‘ ’ ‚ ‛` for `'` too); a line break is joined on as `"`n"` / `"`r"`, since PowerShell
    ///   reads a program's output line by line and would turn a CR inside a literal into a LF.
    ///
    /// Nushell and PowerShell hold text: bytes that are not UTF-8 become U+FFFD there.
    pub fn quote(self, value: &[u8]) -> Vec<u8> {
        match self {
            Shell::Bash | Shell::Zsh | Shell::Fish => {
                let mut out = Vec::with_capacity(value.len() + 2);
                out.push(b'\'');
                for &b in value {
                    match (self, b) {
                        (Shell::Bash | Shell::Zsh, b'\'') => out.extend_from_slice(b"'\\''"),
                        (Shell::Fish, b'\'' | b'\\') => out.extend_from_slice(&[b'\\', b]),
                        _ => out.push(b),
                    }
                }
                out.push(b'\'');
                out
            }
            Shell::Nu => {
                let mut out = Vec::with_capacity(value.len() + 2);
                json_string(&String::from_utf8_lossy(value), &mut out);
                out
            }
            Shell::Pwsh => pwsh_quote(&String::from_utf8_lossy(value)),
        }
    }
}

/// PowerShell's single-quote characters: inside a single-quoted string each one ends it unless
/// doubled.
const PWSH_SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'];

fn pwsh_quote(value: &str) -> Vec<u8> {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match c {
            '\n' => out.push_str("' + \"`n\" + '"),
            '\r' => out.push_str("' + \"`r\" + '"),
            c if PWSH_SINGLE_QUOTES.contains(&c) => {
                out.push(c);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out.into_bytes()
}

/// Appends `value` as a JSON string (which is also a Nushell double-quoted string).
fn json_string(value: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    for c in value.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes())
            }
            c => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    out.push(b'"');
}

/// What the hook (or `deactivate`) changes in the shell's environment, in order: rendered at the
/// end as code for the shell to evaluate, or, for Nushell, as one JSON object
/// (`{"set": {NAME: value}, "unset": [NAME]}`, upstream's shape). Holds values: no `Debug`, and
/// they are wiped when dropped.
#[derive(Default)]
pub struct Changes {
    ops: Vec<(String, Option<Zeroizing<Vec<u8>>>)>,
}

impl Changes {
    /// `name` must pass [`is_var_name`].
    pub fn set(&mut self, name: &str, value: &[u8]) {
        debug_assert!(is_var_name(name));
        self.ops
            .push((name.to_owned(), Some(Zeroizing::new(value.to_vec()))));
    }

    pub fn unset(&mut self, name: &str) {
        debug_assert!(is_var_name(name));
        self.ops.push((name.to_owned(), None));
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Appends the code (or JSON) that makes these changes in `shell`.
    ///
    /// A value of [`needs_no_quoting`] characters is written as upstream fnox writes it (bash/zsh
    /// bare, `export K=v`; fish in double quotes, `set -gx K "v"`), so the hook's output reads
    /// the same with either; every other value gets the byte-exact [`Shell::quote`].
    pub fn render(&self, shell: Shell, out: &mut Vec<u8>) {
        if shell == Shell::Nu {
            return self.render_json(out);
        }
        for (name, value) in &self.ops {
            match (shell, value) {
                (Shell::Bash | Shell::Zsh, Some(v)) => {
                    out.extend_from_slice(format!("export {name}=").as_bytes());
                    if !v.is_empty() && needs_no_quoting(v) {
                        out.extend_from_slice(v);
                    } else {
                        out.extend_from_slice(&shell.quote(v));
                    }
                }
                (Shell::Fish, Some(v)) => {
                    out.extend_from_slice(format!("set -gx {name} ").as_bytes());
                    if needs_no_quoting(v) {
                        out.push(b'"');
                        out.extend_from_slice(v);
                        out.push(b'"');
                    } else {
                        out.extend_from_slice(&shell.quote(v));
                    }
                }
                (Shell::Pwsh, Some(v)) => {
                    out.extend_from_slice(format!("$Env:{name}=").as_bytes());
                    out.extend_from_slice(&shell.quote(v));
                }
                (Shell::Bash | Shell::Zsh, None) => {
                    out.extend_from_slice(format!("unset {name}").as_bytes())
                }
                (Shell::Fish, None) => {
                    out.extend_from_slice(format!("set -e -g {name}").as_bytes())
                }
                (Shell::Pwsh, None) => out.extend_from_slice(
                    format!("Remove-Item -ErrorAction SilentlyContinue -Path Env:\\{name}")
                        .as_bytes(),
                ),
                (Shell::Nu, _) => unreachable!("rendered as JSON"),
            }
            out.push(b'\n');
        }
    }

    fn render_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"set\":{");
        let mut first = true;
        for (name, value) in &self.ops {
            let Some(value) = value else { continue };
            if !first {
                out.push(b',');
            }
            first = false;
            json_string(name, out);
            out.push(b':');
            json_string(&String::from_utf8_lossy(value), out);
        }
        out.extend_from_slice(b"},\"unset\":[");
        let mut first = true;
        for (name, value) in &self.ops {
            if value.is_some() {
                continue;
            }
            if !first {
                out.push(b',');
            }
            first = false;
            json_string(name, out);
        }
        out.extend_from_slice(b"]}\n");
    }
}

/// Whether every byte of `value` is one no supported shell treats specially, bare or inside
/// double quotes: ASCII letters and digits and `+ - . / : @ ] _` (the set upstream fnox leaves
/// unquoted).
pub fn needs_no_quoting(value: &[u8]) -> bool {
    value
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b"+-./:@]_".contains(&b))
}

/// A name every supported shell accepts as a variable: letters, digits and `_`, not starting
/// with a digit.
pub fn is_var_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Writes shell code to stdout; a closed pipe ends the program quietly.
pub fn emit(code: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(code).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::new("cannot write to stdout").cause(e)),
    }
}

/// Off Unix the hook has no way to tie a file to the shell's life: as_file secrets stay out of
/// the shell there (a warning says so), and `fnox exec` passes them.
#[cfg(not(unix))]
pub mod files {
    use std::path::{Path, PathBuf};

    pub fn shell_dir() -> Option<PathBuf> {
        None
    }

    pub fn write(_dir: &Path, _name: &str, _value: &[u8]) -> std::io::Result<PathBuf> {
        Err(std::io::ErrorKind::Unsupported.into())
    }

    pub fn retain(_dir: &Path, _keep: &[&str]) {}

    pub fn reap() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(shell: Shell, value: &[u8]) -> String {
        let mut changes = Changes::default();
        changes.set("K", value);
        let mut out = Vec::new();
        changes.render(shell, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn posix_quote_closes_and_reopens_around_single_quotes() {
        assert_eq!(Shell::Bash.quote(b"it's"), b"'it'\\''s'");
        assert_eq!(Shell::Zsh.quote(b"$(x) `y` \\n"), b"'$(x) `y` \\n'");
        assert_eq!(Shell::Bash.quote(b""), b"''");
    }

    #[test]
    fn fish_quote_escapes_quote_and_backslash_only() {
        assert_eq!(Shell::Fish.quote(b"it's \\ $x\n"), b"'it\\'s \\\\ $x\n'");
    }

    #[test]
    fn pwsh_quote_doubles_every_single_quote_and_joins_line_breaks_on() {
        let q = |v: &str| String::from_utf8(Shell::Pwsh.quote(v.as_bytes())).unwrap();
        assert_eq!(q("it's $x `n"), "'it''s $x `n'");
        assert_eq!(
            q("a\u{2019}b\u{2018}"),
            "'a\u{2019}\u{2019}b\u{2018}\u{2018}'"
        );
        assert_eq!(q("a\r\nb"), "'a' + \"`r\" + '' + \"`n\" + 'b'");
        assert_eq!(q(""), "''");
    }

    #[test]
    fn nu_quote_is_a_json_string() {
        let q = |v: &str| String::from_utf8(Shell::Nu.quote(v.as_bytes())).unwrap();
        assert_eq!(q("a\"b\\c\n\u{1b}é"), "\"a\\\"b\\\\c\\n\\u001bé\"");
    }

    #[test]
    fn set_writes_plain_values_as_upstream_and_quotes_the_rest() {
        assert_eq!(
            one(Shell::Bash, b"abc-1.2/x:y@z]_+"),
            "export K=abc-1.2/x:y@z]_+\n"
        );
        assert_eq!(one(Shell::Zsh, b"-x"), "export K=-x\n");
        assert_eq!(one(Shell::Bash, b""), "export K=''\n");
        assert_eq!(one(Shell::Bash, b"a,b"), "export K='a,b'\n");
        assert_eq!(one(Shell::Bash, b"a=b"), "export K='a=b'\n");
        assert_eq!(one(Shell::Zsh, "é".as_bytes()), "export K='é'\n");
        assert_eq!(one(Shell::Fish, b"abc123"), "set -gx K \"abc123\"\n");
        assert_eq!(one(Shell::Fish, b""), "set -gx K \"\"\n");
        assert_eq!(one(Shell::Fish, b"a$b"), "set -gx K 'a$b'\n");
        assert_eq!(one(Shell::Pwsh, b"abc"), "$Env:K='abc'\n");
    }

    #[test]
    fn nu_changes_are_one_json_object() {
        let mut changes = Changes::default();
        changes.set("A", b"1");
        changes.unset("B");
        changes.set("C", b"x\"y");
        changes.unset("D");
        let mut out = Vec::new();
        changes.render(Shell::Nu, &mut out);
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"set": {"A": "1", "C": "x\"y"}, "unset": ["B", "D"]})
        );
        let mut empty = Vec::new();
        Changes::default().render(Shell::Nu, &mut empty);
        assert_eq!(empty, b"{\"set\":{},\"unset\":[]}\n");
    }
}
