//! Reading the command line.
//!
//! clap builds the definition of every subcommand before it parses anything: for `fnox get`
//! or the shell hook, that was a fifth of the instructions the whole command ran. The
//! commands that shells and scripts run over and over (`get`, `exec`, `export`, `list`,
//! `hook-env`) are therefore first parsed against a definition that holds only the global
//! flags and that one subcommand, built by the same derives. Whatever that parse does not
//! accept (help, a mistake, a flag it does not know) is parsed again by the whole definition,
//! so every message, suggestion and exit code is the one the full parser gives; the small
//! parse only ever stands in for a full parse that would have succeeded the same way
//! (`tests::the_short_parse_gives_what_the_full_parse_gives`). Three command lines are read
//! without clap at all, each only in the one plain form that cannot mean anything else:
//! `fnox --version`, the hook's `fnox hook-env -s SHELL` and `fnox get NAME`.

use std::ffi::OsString;
use std::mem::ManuallyDrop;

use clap::{ArgMatches, Args as _, CommandFactory, FromArgMatches};

use super::{exec, export, get, hook_env, list, Cli, Command, GlobalArgs};

/// The parsed command line, or the exit code of a parse that printed help, the version or an
/// error.
pub fn parse(args: Vec<OsString>) -> Result<Cli, i32> {
    if version_only(&args) {
        use std::io::Write;
        let _ = writeln!(std::io::stdout(), "fnox {}", env!("CARGO_PKG_VERSION"));
        return Err(0);
    }
    if let Some(cli) = hook(&args)
        .or_else(|| plain_get(&args))
        .or_else(|| short(&args))
    {
        return Ok(cli);
    }
    full(args)
}

/// The command line the shell hook runs at every prompt, `fnox hook-env [-s|--shell SHELL]`
/// (`--shell=SHELL` too) and nothing else, read without clap: its one-subcommand parse was
/// a tenth of an unchanged prompt. Anything else, an unknown shell included, goes to clap.
fn hook(args: &[OsString]) -> Option<Cli> {
    let shell = match args {
        [_, sub] if sub == "hook-env" => None,
        [_, sub, flag, shell] if sub == "hook-env" && (flag == "-s" || flag == "--shell") => {
            Some(shell.to_str()?)
        }
        [_, sub, flag] if sub == "hook-env" => Some(flag.to_str()?.strip_prefix("--shell=")?),
        _ => return None,
    };
    if shell.is_some_and(|s| !crate::shell::Shell::NAMES.contains(&s)) {
        return None;
    }
    Some(Cli {
        global: GlobalArgs::default(),
        command: Command::HookEnv(hook_env::Args {
            shell: shell.map(str::to_owned),
        }),
    })
}

/// `fnox get NAME` and nothing else, the form scripts run most, read without clap: its
/// one-subcommand parse was about a fourteenth of that command's instructions. A name clap
/// could read as a flag (one starting with `-`), an empty one, one that is not UTF-8 and any
/// other argument go to clap.
fn plain_get(args: &[OsString]) -> Option<Cli> {
    let [_, sub, key] = args else {
        return None;
    };
    let key = key.to_str()?;
    if sub != "get" || key.is_empty() || key.starts_with('-') {
        return None;
    }
    Some(Cli {
        global: GlobalArgs::default(),
        command: Command::Get(get::Args {
            key: key.to_owned(),
            base64_decode: false,
        }),
    })
}

/// Whether the command line is `fnox --version` (or `-V`) and nothing else, which is answered
/// without clap (as clap would answer it).
pub fn version_only(args: &[OsString]) -> bool {
    matches!(args, [_, flag] if flag == "--version" || flag == "-V")
}

/// The whole definition. Built once and never freed: the process ends soon after, and dropping
/// the tree of every subcommand's arguments was a tenth of a short command's work.
fn full(args: Vec<OsString>) -> Result<Cli, i32> {
    let mut command = ManuallyDrop::new(Cli::command());
    command
        .try_get_matches_from_mut(args)
        .and_then(|mut m| Cli::from_arg_matches_mut(&mut m))
        .map_err(|e| {
            let e = e.format(&mut command);
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            code
        })
}

type Build = fn(&mut ArgMatches) -> Result<Command, clap::Error>;

/// The names (and aliases) of the subcommands with a short parse.
const SHORT: &[&str] = &[
    "get", "exec", "x", "run", "export", "ex", "list", "ls", "secrets", "hook-env",
];

/// The definition of the subcommand typed as `name` (under that name) and what builds its value.
fn subcommand(name: &str) -> Option<(clap::Command, Build)> {
    let name: &'static str = SHORT.iter().find(|n| **n == name)?;
    let one = clap::Command::new(name);
    Some(match name {
        "get" => (get::Args::augment_args(one), |m| {
            get::Args::from_arg_matches_mut(m).map(Command::Get)
        }),
        "exec" | "x" | "run" => (exec::Args::augment_args(one), |m| {
            exec::Args::from_arg_matches_mut(m).map(Command::Exec)
        }),
        "export" | "ex" => (export::Args::augment_args(one), |m| {
            export::Args::from_arg_matches_mut(m).map(Command::Export)
        }),
        "list" | "ls" | "secrets" => (list::Args::augment_args(one), |m| {
            list::Args::from_arg_matches_mut(m).map(Command::List)
        }),
        "hook-env" => (hook_env::Args::augment_args(one), |m| {
            hook_env::Args::from_arg_matches_mut(m).map(Command::HookEnv)
        }),
        _ => return None,
    })
}

/// The global flags that take a value, and those that do not.
const GLOBAL_WITH_VALUE: &[&str] = &[
    "-c",
    "--config",
    "-P",
    "--profile",
    "--if-missing",
    "--write-profile",
    "--age-key-file",
];
const GLOBAL_SWITCHES: &[&str] = &[
    "-v",
    "--verbose",
    "-q",
    "--quiet",
    "--no-color",
    "--no-defaults",
    "--non-interactive",
    "--no-daemon",
];

/// Where the subcommand's name is: after global flags spelled as above (`--flag=value` too).
/// None for anything else before it (combined short flags, an unknown flag, no subcommand).
fn subcommand_index(args: &[OsString]) -> Option<usize> {
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_str()?;
        if GLOBAL_WITH_VALUE.contains(&arg) {
            i += 2;
        } else if GLOBAL_SWITCHES.contains(&arg)
            || arg.split_once('=').is_some_and(|(flag, _)| {
                flag.starts_with("--") && GLOBAL_WITH_VALUE.contains(&flag)
            })
        {
            i += 1;
        } else if arg.starts_with('-') {
            return None;
        } else {
            return Some(i);
        }
    }
    None
}

/// The parse against the global flags and one subcommand; None when that does not succeed.
fn short(args: &[OsString]) -> Option<Cli> {
    let (sub, build) = subcommand(args.get(subcommand_index(args)?)?.to_str()?)?;
    let root = clap::Command::new("fnox").subcommand_required(true);
    let mut root = ManuallyDrop::new(GlobalArgs::augment_args(root).subcommand(sub));
    let mut matches = root.try_get_matches_from_mut(args).ok()?;
    let global = GlobalArgs::from_arg_matches_mut(&mut matches).ok()?;
    let (_, mut sub) = matches.remove_subcommand()?;
    let command = build(&mut sub).ok()?;
    Some(Cli { global, command })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(line: &str) -> Vec<OsString> {
        std::iter::once("fnox")
            .chain(line.split_whitespace())
            .map(OsString::from)
            .collect()
    }

    fn full_parse(line: &str) -> Option<Cli> {
        let mut command = Cli::command();
        let mut m = command.try_get_matches_from_mut(argv(line)).ok()?;
        Cli::from_arg_matches_mut(&mut m).ok()
    }

    /// Each line of `same` is read by `reader` as the full parse reads it; each of `others` is
    /// left to the parse after it.
    fn reads_as_the_full_parse(
        reader: fn(&[OsString]) -> Option<Cli>,
        same: &[&str],
        others: &[&str],
    ) {
        for line in same {
            let want = full_parse(line).unwrap_or_else(|| panic!("{line}: the full parse fails"));
            let got = reader(&argv(line)).unwrap_or_else(|| panic!("{line}: not read"));
            assert_eq!(format!("{got:?}"), format!("{want:?}"), "{line}");
        }
        for line in others {
            assert!(reader(&argv(line)).is_none(), "{line}");
        }
    }

    #[test]
    fn the_short_parse_gives_what_the_full_parse_gives() {
        let lines = [
            "get KEY",
            "get --base64-decode KEY",
            "-P prod get KEY",
            "get KEY -P dev,prod --quiet",
            "--profile=prod -c some/fnox.toml get KEY --no-daemon",
            "--config=x.toml --if-missing warn get KEY",
            "-v get KEY",
            "exec -- ./app --flag value",
            "x -- env",
            "exec",
            "run --mask -- sh -c true",
            "-q exec --no-mask -P a -- true -P b",
            "export",
            "ex --format json",
            "export -f shell -o out.env",
            "ls -V",
            "hook-env -s tcsh",
            "list",
            "ls --values",
            "secrets -P prod",
            "hook-env -s bash",
            "--no-color hook-env --shell zsh",
            "hook-env -s fish --non-interactive",
        ];
        reads_as_the_full_parse(short, &lines, &[]);
    }

    #[test]
    fn the_hooks_command_line_is_read_as_the_full_parse_reads_it() {
        reads_as_the_full_parse(
            hook,
            &[
                "hook-env",
                "hook-env -s bash",
                "hook-env --shell zsh",
                "hook-env --shell=fish",
            ],
            &[
                "hook-env -s tcsh",
                "hook-env -s",
                "hook-env --shell=",
                "hook-env -sbash",
                "hook-env -s bash -v",
                "-q hook-env -s bash",
                "hook-env --help",
            ],
        );
    }

    #[test]
    fn a_plain_get_is_read_as_the_full_parse_reads_it() {
        reads_as_the_full_parse(
            plain_get,
            &[
                "get KEY",
                "get help",
                "get a=b",
                "get ключ",
                "get KEY.with.dots",
            ],
            &[
                "get",
                "get -",
                "get --help",
                "get -h",
                "get --base64-decode KEY",
                "get KEY --base64-decode",
                "get KEY OTHER",
                "-q get KEY",
                "x KEY",
                "set KEY",
            ],
        );
        let empty = [OsString::from("fnox"), "get".into(), "".into()];
        assert!(plain_get(&empty).is_none());
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            let not_utf8 = [
                OsString::from("fnox"),
                "get".into(),
                OsString::from_vec(vec![0x66, 0xff]),
            ];
            assert!(plain_get(&not_utf8).is_none());
        }
    }

    #[test]
    fn what_the_short_parse_does_not_accept_goes_to_the_full_parser() {
        reads_as_the_full_parse(
            short,
            &[],
            &[
                "get",
                "get --help",
                "get -h",
                "get KEY --no-such-flag",
                "-vq get KEY",
                "-v -q get KEY",
                "--help",
                "help get",
                "set KEY value",
                "get KEY OTHER",
                "",
            ],
        );
    }

    #[test]
    fn every_short_subcommand_is_one_the_full_definition_knows_by_that_name() {
        let full = Cli::command();
        for name in SHORT {
            assert!(subcommand(name).is_some(), "{name}");
            assert!(
                full.find_subcommand(name).is_some(),
                "{name} is no subcommand of fnox"
            );
        }
    }
}
