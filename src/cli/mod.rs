//! The command line: global flags, the command enum and the single dispatch.

mod activate;
mod check;
mod ci_redact;
pub mod completion;
mod config_files;
mod daemon;
mod deactivate;
mod diff;
mod doctor;
mod edit;
mod exec;
mod export;
mod get;
mod hook_env;
mod import;
mod init;
mod inject;
mod key;
mod lease;
mod list;
mod man;
mod mcp;
mod merge_driver;
mod parse;
mod profiles;
mod provider;
mod proxy;
mod reencrypt;
mod remove;
mod scan;
mod schema;
mod set;
mod sync;
mod trust;
mod tui;
mod untrust;
mod version;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::model::IfMissing;
use crate::config::{self, Config, LoadOptions, DEFAULT_PROFILE};
use crate::env_vars;
use crate::error::{Error, Result};
use crate::resolve::ResolveOptions;

/// Secrets in git, decrypted or fetched on demand.
///
/// fnox.toml holds each secret either as ciphertext (age) or as a reference to a remote store;
/// providers are configured per profile.
#[derive(Parser, Debug)]
#[command(name = "fnox", version)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args, Debug, Clone, Default)]
pub struct GlobalArgs {
    /// Config file to use instead of searching fnox.toml upward from here
    #[arg(short = 'c', long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]
    #[arg(
        short = 'P',
        long = "profile",
        global = true,
        value_delimiter = ',',
        value_name = "PROFILE"
    )]
    pub profiles: Vec<String>,
    /// Say more about what fnox is doing (on stderr)
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// No confirmations and no progress on stderr (warnings and errors still show)
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]
    #[arg(long, global = true, value_enum, value_name = "MODE")]
    pub if_missing: Option<IfMissing>,
    /// No colour in messages (as NO_COLOR)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]
    #[arg(long, global = true)]
    pub no_defaults: bool,
    /// Never prompt [env: FNOX_NON_INTERACTIVE]
    #[arg(long, global = true)]
    pub non_interactive: bool,
    /// Profile that writes go to when several are active
    #[arg(long, global = true, value_name = "PROFILE")]
    pub write_profile: Option<String>,
    /// Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)
    #[arg(long, global = true)]
    pub no_daemon: bool,
    /// Deprecated: use FNOX_AGE_KEY_FILE or the provider's key_file
    #[arg(long, global = true, hide = true, value_name = "PATH")]
    pub age_key_file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(visible_alias = "i")]
    Init(init::Args),
    Get(get::Args),
    #[command(visible_alias = "s")]
    Set(set::Args),
    #[command(visible_aliases = ["ls", "secrets"])]
    List(list::Args),
    #[command(visible_aliases = ["rm", "delete"])]
    Remove(remove::Args),
    #[command(visible_alias = "x", alias = "run")]
    Exec(exec::Args),
    #[command(visible_alias = "ex")]
    Export(export::Args),
    #[command(visible_alias = "im")]
    Import(import::Args),
    Inject(inject::Args),
    Key(key::Args),
    Lease(lease::Args),
    Mcp(mcp::Args),
    #[command(alias = "profile")]
    Profiles(profiles::Args),
    Provider(provider::Args),
    Proxy(proxy::Args),
    Reencrypt(reencrypt::Args),
    #[command(aliases = ["complete", "completions"])]
    Completion(completion::Args),
    #[command(visible_alias = "v")]
    Version(version::Args),
    #[command(visible_alias = "c")]
    Check(check::Args),
    #[command(visible_alias = "dr")]
    Doctor(doctor::Args),
    ConfigFiles(config_files::Args),
    Edit(edit::Args),
    Sync(sync::Args),
    Scan(scan::Args),
    Diff(diff::Args),
    MergeDriver(merge_driver::Args),
    #[command(hide = true)]
    CiRedact(ci_redact::Args),
    Schema(schema::Args),
    #[command(name = "__man", hide = true)]
    Man(man::Args),
    Activate(activate::Args),
    #[command(hide = true)]
    HookEnv(hook_env::Args),
    Deactivate(deactivate::Args),
    Trust(trust::Args),
    Untrust(untrust::Args),
    Tui(tui::Args),
    Daemon(daemon::Args),
}

/// Parses the command line and runs it; returns the process exit code.
pub fn main() -> i32 {
    // Before anything holds a value (the command line may): no core dumps, then memory locked
    // once the context is set up (but neither for `--version` alone, and the hook locks memory
    // once it has something to load; see crate::protect).
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if !parse::version_only(&args) {
        crate::protect::harden();
    }
    let cli = match parse::parse(args) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if cli.global.no_color {
        crate::error::disable_color();
    }
    crate::term::set_non_interactive(cli.global.non_interactive);
    crate::progress::set_quiet(cli.global.quiet);
    if let Some(path) = &cli.global.age_key_file {
        // SAFETY: single-threaded at this point; the age provider reads it.
        unsafe { std::env::set_var(env_vars::FNOX_AGE_KEY_FILE, path) };
    }
    let ctx = match Ctx::new(cli.global) {
        Ok(ctx) => ctx,
        Err(e) => return report(e),
    };
    if !matches!(cli.command, Command::HookEnv(_)) {
        ctx.lock_memory();
    }
    match run(&ctx, cli.command) {
        Ok(code) => code,
        Err(e) => report(e),
    }
}

fn report(e: Error) -> i32 {
    eprint!("{}", e.escaped().render());
    e.exit as i32
}

fn run(ctx: &Ctx, command: Command) -> Result<i32> {
    if ctx.global.no_daemon {
        crate::daemon::disable();
    }
    // The read commands may be served by the daemon; writes and admin commands resolve directly.
    if matches!(
        command,
        Command::Get(_)
            | Command::Exec(_)
            | Command::Export(_)
            | Command::List(_)
            | Command::HookEnv(_)
            | Command::Tui(_)
            | Command::Mcp(_)
            | Command::CiRedact(_)
    ) {
        crate::daemon::allow();
    }
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::Get(args) => get::run(ctx, args),
        Command::Set(args) => set::run(ctx, args),
        Command::List(args) => list::run(ctx, args),
        Command::Remove(args) => remove::run(ctx, args),
        Command::Exec(args) => exec::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Inject(args) => inject::run(ctx, args),
        Command::Key(args) => key::run(ctx, args),
        Command::Lease(args) => lease::run(ctx, args),
        Command::Mcp(args) => mcp::run(ctx, args),
        Command::Profiles(args) => profiles::run(ctx, args),
        Command::Provider(args) => provider::run(ctx, args),
        Command::Proxy(args) => proxy::run(ctx, args),
        Command::Reencrypt(args) => reencrypt::run(ctx, args),
        Command::Completion(args) => completion::run(ctx, args),
        Command::Version(args) => version::run(ctx, args),
        Command::Check(args) => check::run(ctx, args),
        Command::Doctor(args) => doctor::run(ctx, args),
        Command::ConfigFiles(args) => config_files::run(ctx, args),
        Command::Edit(args) => edit::run(ctx, args),
        Command::Sync(args) => sync::run(ctx, args),
        Command::Scan(args) => scan::run(ctx, args),
        Command::Diff(args) => diff::run(ctx, args),
        Command::MergeDriver(args) => merge_driver::run(ctx, args),
        Command::CiRedact(args) => ci_redact::run(ctx, args),
        Command::Schema(args) => schema::run(ctx, args),
        Command::Man(args) => man::run(ctx, args),
        Command::Activate(args) => activate::run(ctx, args),
        Command::HookEnv(args) => hook_env::run(ctx, args),
        Command::Deactivate(args) => deactivate::run(ctx, args),
        Command::Trust(args) => trust::run(ctx, args),
        Command::Untrust(args) => untrust::run(ctx, args),
        Command::Tui(args) => tui::run(ctx, args),
        Command::Daemon(args) => daemon::run(ctx, args),
    }
}

/// What every command gets: the global flags, read once, and the working directory.
pub struct Ctx {
    pub global: GlobalArgs,
    pub cwd: PathBuf,
    pub profiles: Vec<String>,
}

impl Ctx {
    fn new(global: GlobalArgs) -> Result<Ctx> {
        let cwd = std::env::current_dir()
            .map_err(|e| Error::new("cannot read the current directory").cause(e))?;
        let mut profiles: Vec<String> = global
            .profiles
            .iter()
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        if profiles.is_empty() {
            if let Some(env) = env_vars::non_empty(env_vars::FNOX_PROFILE) {
                profiles = env
                    .split(',')
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect();
            }
        }
        if profiles.is_empty() {
            profiles.push(DEFAULT_PROFILE.to_owned());
        }
        Ok(Ctx {
            global,
            cwd,
            profiles,
        })
    }

    fn load_options(&self, allow_none: bool, for_write: bool) -> LoadOptions {
        let explicit = self
            .global
            .config
            .clone()
            .filter(|p| p.as_os_str() != config::load::DEFAULT_CONFIG_NAME);
        LoadOptions {
            explicit,
            profiles: self.profiles.clone(),
            no_defaults: self.global.no_defaults
                || env_vars::flag(env_vars::FNOX_NO_DEFAULTS) == Some(true),
            allow_none,
            for_write,
            trusted_only: false,
            only: None,
        }
    }

    /// Loads the config for the shell hook: only trusted files (no command was typed).
    pub fn load_trusted(&self) -> Result<Config> {
        let mut opts = self.load_options(true, false);
        opts.trusted_only = true;
        config::load(&self.cwd, opts)
    }

    /// Loads the config for reading; no config at all is an error.
    pub fn load(&self) -> Result<Config> {
        config::load(&self.cwd, self.load_options(false, false))
    }

    /// Loads the config for reading `names`: the entries that these secrets do not
    /// refer to may be left unparsed, so the config holds these and what they need (not every
    /// secret).
    pub fn load_only(&self, names: &[&str]) -> Result<Config> {
        let mut opts = self.load_options(false, false);
        opts.only = Some(names.iter().map(|n| (*n).to_owned()).collect());
        config::load(&self.cwd, opts)
    }

    /// Loads the config for a command that reports on it (`doctor`, `config-files`, `scan`):
    /// no config found is fine, but a `-c` file that does not exist is an error.
    pub fn load_optional(&self) -> Result<Config> {
        config::load(&self.cwd, self.load_options(true, false))
    }

    /// Loads the config for a write: no config yet is fine (the write creates one), and so is a
    /// profile that no file defines yet (the write creates it).
    pub fn load_for_write(&self) -> Result<Config> {
        config::load(&self.cwd, self.load_options(true, true))
    }

    /// The profile writes go to: --write-profile, else the only active profile.
    pub fn write_profile(&self) -> Result<String> {
        if let Some(p) = &self.global.write_profile {
            config::load::validate_profile_name(p)?;
            return Ok(p.clone());
        }
        match self.profiles.as_slice() {
            [one] => Ok(one.clone()),
            many => Err(Error::new(format!(
                "Multiple profiles are active ({}); a write needs one",
                many.join(",")
            ))
            .code("fnox::config::error")
            .hint("Specify --write-profile <NAME> to choose the write target")),
        }
    }

    pub fn resolve_options(&self) -> ResolveOptions {
        ResolveOptions {
            if_missing: self.global.if_missing,
            strict: false,
        }
    }

    /// Prompts are allowed: stdin is a terminal and neither --non-interactive nor FNOX_NON_INTERACTIVE is set.
    pub fn interactive(&self) -> bool {
        self.may_ask() && std::io::stdin().is_terminal()
    }

    /// Neither --non-interactive nor FNOX_NON_INTERACTIVE is set: a y/N confirmation may be
    /// asked, on the terminal or (when stdin is not one) as a line read from stdin.
    /// The config for commands that rewrite values across profiles (`reencrypt`, `key`): the
    /// active profiles when -P / FNOX_PROFILE narrows the run (and those profiles), else every
    /// profile of every file.
    pub fn load_for_rewrite(&self) -> Result<(Config, Option<Vec<String>>)> {
        let narrowed = !self.global.profiles.is_empty()
            || env_vars::non_empty(env_vars::FNOX_PROFILE).is_some();
        if narrowed {
            let config = self.load()?;
            let only = config.profiles.clone();
            Ok((config, Some(only)))
        } else {
            Ok((
                crate::keys::load_every_profile(&self.cwd, self.load()?)?,
                None,
            ))
        }
    }

    pub fn may_ask(&self) -> bool {
        !self.global.non_interactive && env_vars::flag(env_vars::FNOX_NON_INTERACTIVE) != Some(true)
    }

    /// A message for the person at the terminal (stderr; stdout is for data).
    /// Silent with --quiet.
    pub fn say(&self, message: impl std::fmt::Display) {
        if !self.global.quiet {
            eprintln!("{}", crate::term::escape_text(&message.to_string()));
        }
    }

    /// Locks memory where possible (crate::protect::lock); says with -v when it could not.
    pub fn lock_memory(&self) {
        if let Some(note) = crate::protect::lock_note(crate::protect::lock()) {
            self.verbose(note);
        }
    }

    pub fn verbose(&self, message: impl std::fmt::Display) {
        if self.global.verbose {
            eprintln!("fnox: {}", crate::term::escape_text(&message.to_string()));
        }
    }
}

/// " (global)" after a write to the global config, as upstream marks it; else nothing.
pub fn global_suffix(global: bool) -> &'static str {
    if global {
        " (global)"
    } else {
        ""
    }
}

/// " in profile P (global) in ./fnox.toml": where a write went, worded as upstream words it
/// (the profile when it is not the default, `(global)` for the global config), then the file.
pub fn write_place(profile: &str, global: bool, file: &str) -> String {
    let global = global_suffix(global);
    if profile == DEFAULT_PROFILE {
        format!("{global} in {file}")
    } else {
        format!(" in profile {profile}{global} in {file}")
    }
}

/// The `--filter REGEX` of import, sync and reencrypt.
pub fn filter_regex(pattern: Option<&str>) -> Result<Option<regex::Regex>> {
    pattern
        .map(|p| {
            regex::Regex::new(p).map_err(|e| {
                Error::usage(format!("Invalid regex filter pattern: {p}"))
                    .code("fnox::filter::invalid_regex")
                    .cause(e)
            })
        })
        .transpose()
}

/// A free-text argument whose known values --help lists and completions offer. Any other value
/// still reaches the command, which says what is wrong with it in its own words and exit code
/// (clap's own rejection would exit 2 with its message).
#[derive(Clone)]
pub struct Listed(pub &'static [&'static str]);

impl clap::builder::TypedValueParser for Listed {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> std::result::Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.0.iter().map(|v| clap::builder::PossibleValue::new(*v)),
        ))
    }
}

/// Writes data to stdout; a closed pipe ends the program quietly.
pub fn print_data(data: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(data.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::new("cannot write to stdout").cause(e)),
    }
}

/// Writes a listing for people to stdout (tables, names, paths, dry-run plans): as `print_data`,
/// with control characters other than line breaks escaped. Values asked for go through `print_data`.
pub fn print_text(text: &str) -> Result<()> {
    print_data(&crate::term::escape_text(text))
}

/// Writes a value to stdout as pretty JSON (the `--json` output of the listing commands).
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value).expect("JSON output serialises");
    text.push('\n');
    print_data(&text)
}

/// Asks a y/N question on stderr; false when prompts are turned off (`Ctx::may_ask`). On a
/// terminal it is an interactive prompt; otherwise one line is read from stdin (`yes | fnox
/// import -i .env` answers it), and an answer starting with `y` or `Y` is a yes. Callers must
/// not use this when stdin carries their data.
pub fn confirm(ctx: &Ctx, question: &str) -> Result<bool> {
    let question = &*crate::term::escape_text(question);
    if !ctx.may_ask() {
        return Ok(false);
    }
    if std::io::stdin().is_terminal() {
        return dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(|e| Error::new("cannot read the answer").cause(e));
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    let read = std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| Error::new("cannot read the answer from stdin").cause(e))?;
    // The answer is not echoed by a pipe: show how it was taken.
    if read == 0 {
        eprintln!("n (no answer: stdin is at its end)");
        return Ok(false);
    }
    let yes = answer.trim_start().starts_with(['y', 'Y']);
    eprintln!("{}", if yes { "y" } else { "n" });
    Ok(yes)
}

/// The names of the secrets a read command was asked about must exist; "did you mean" otherwise.
pub fn unknown_secret(config: &Config, name: &str) -> Error {
    let secrets = config.secrets();
    let mut err = Error::new(format!(
        "Secret '{name}' not found in profile '{}'",
        config.profiles.join(",")
    ))
    .code("fnox::secret::not_found");
    if let Some(dym) = crate::error::did_you_mean(name, secrets.iter().map(|s| s.name)) {
        err = err.cause(dym);
    }
    let files: Vec<String> = config
        .layers
        .iter()
        .map(|l| config.display(&l.path))
        .collect();
    if files.is_empty() {
        err = err.cause("no config file was loaded");
    } else {
        err = err.cause(format!("looked in {}", files.join(", ")));
    }
    err.hint(format!(
        "see what is defined with `fnox list`, or add it with `fnox set {name}`"
    ))
}
