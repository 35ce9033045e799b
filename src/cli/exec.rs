//! `fnox exec -- COMMAND...`

use std::process::Command;

use super::Ctx;
use crate::config::model::EnvMode;
use crate::env_vars;
use crate::error::{Error, Result};
use crate::mask::Masker;
use crate::reference::{self, Found, Reference};
use crate::resolve::resolve_with_references;
use crate::secret::SecretValue;
use crate::secret_files::SecretFiles;

/// Run a command with the active profile's secrets in its environment.
///
/// No shell is involved: arguments reach the command as given and values byte-exact.
/// Signals sent to fnox (INT, TERM, HUP, QUIT, USR1, USR2, WINCH) are passed on; the exit code
/// is the command's own, or 128+N when signal N killed it (127/126 when it cannot be started).
/// A signal fnox was started with ignored stays ignored, for the command too: `nohup fnox exec
/// -- job` survives a hangup as `nohup job` does.
/// fnox's own key material (FNOX_AGE_KEY, FNOX_AGE_KEY_FILE) is not passed on unless it is
/// itself a secret. Put fnox options before `--`.
///
/// References (`secret://PROVIDER/REFERENCE[#FIELD]`, `fnox://SECRET`; see the README) are
/// resolved before the command starts: in the values of `--env-file` files, and in inherited
/// variables whose whole value is one reference (as `op run` does).
///
/// A secret with `as_file = true` is passed as a file: the variable holds its path. On Linux
/// the file is in memory only (a memfd the command inherits; the path is /proc/self/fd/N, to be
/// opened, not resolved to a name), so the value never touches a disk and goes with the last
/// process holding it; a program that closes the descriptors it inherited before starting
/// another (sudo, Python's subprocess without pass_fds) hands on a path that does not open
/// there. Elsewhere it is a file readable only by you (0600, in a fresh 0700 directory in
/// TMPDIR) removed when the command exits; one left by a fnox killed with SIGKILL is removed by
/// the next fnox that writes such files.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Replace fnox with the command (same PID; Unix only). `as_file` secrets stay in memory
    /// with the command on Linux; elsewhere --replace is refused with them, since fnox must
    /// remain to remove the files afterwards
    #[arg(long)]
    pub replace: bool,
    /// Also set the variables of this .env file, with the references in their values resolved
    /// (repeatable; a later file wins, and a file wins over fnox.toml)
    #[arg(long = "env-file", value_name = "FILE")]
    pub env_files: Vec<std::path::PathBuf>,
    /// Refuse to run the command if any secret cannot be resolved (if_missing = "error" for
    /// this run, whatever the config or FNOX_IF_MISSING say)
    #[arg(long)]
    pub strict: bool,
    /// Also resolve `secret://TYPE/…` references in inherited variables that name a provider
    /// type this project does not configure (off: a variable someone else set, e.g. in CI, must
    /// not become a read of whatever your credentials reach) [env: FNOX_ENV_REFERENCES]
    #[arg(long)]
    pub env_references: bool,
    /// Replace every secret value (3 bytes or longer; each line of a multi-line value too) with
    /// [REDACTED] in the command's stdout and stderr, as they stream. Where fnox's output is a
    /// terminal, the command gets a pseudo-terminal of its own, so colours, prompts and line
    /// editing keep working. The default comes from FNOX_MASK, else `[settings] mask` [env:
    /// FNOX_MASK]
    #[arg(long, conflicts_with = "replace")]
    pub mask: bool,
    /// Do not mask, whatever FNOX_MASK or `[settings] mask` say
    #[arg(long, conflicts_with = "mask")]
    pub no_mask: bool,
    /// The command and its arguments
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "COMMAND"
    )]
    pub command: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let Some((program, rest)) = args.command.split_first() else {
        return Err(Error::usage("No command specified")
            .code("fnox::command::not_specified")
            .hint("fnox exec -- ./app --flag"));
    };
    let config = ctx.load()?;
    let mask = mask_wanted(&args, &config)?;
    let default_env = config.env_default();
    let secrets = config.secrets();
    let mut wanted = Vec::new();
    let mut withheld = Vec::new();
    let mut refused = Vec::new();
    for s in &secrets {
        match s.secret.env.unwrap_or(default_env) {
            EnvMode::All | EnvMode::ExecOnly => {
                let trusted = config.layer_trusted(s.origin.layer);
                let opt_in = s.secret.allow_dangerous_name;
                match crate::trust::env_name_refusal(s.name, opt_in, trusted) {
                    None => wanted.push(s.name),
                    Some(why) => {
                        crate::error::warn(format!(
                            "{} is not passed to the command ({}): {why}",
                            s.name,
                            config.locate("secrets", s.name, &s.origin)
                        ));
                        // The inherited variable, if any, stays as the caller had it.
                        refused.push(s.name);
                    }
                }
            }
            EnvMode::Never => withheld.push(s.name),
        }
    }
    let defined =
        |name: &str| wanted.contains(&name) || withheld.contains(&name) || refused.contains(&name);
    let inherited = InheritedRefs {
        config: &config,
        default_env,
        any_type: args.env_references
            || crate::env_vars::flag(crate::env_vars::FNOX_ENV_REFERENCES) == Some(true),
    };
    let env_refs = EnvReferences::collect(&args.env_files, defined, &inherited)?;
    let mut opts = ctx.resolve_options();
    if args.strict {
        opts.if_missing = Some(crate::config::model::IfMissing::Error);
    }
    let (values, results) = resolve_with_references(&config, &wanted, &env_refs.references, opts)?;
    let referenced: Vec<SecretValue> = match mask {
        true => results
            .iter()
            .filter_map(|r| r.as_ref().ok().cloned())
            .collect(),
        false => Vec::new(),
    };
    let env_values = env_refs.values(program, results)?;
    let leased = leased_credentials(&config, program)?;
    if let Some((name, _)) = values.iter().find(|(_, v)| v.expose().contains('\0')) {
        let entry = config.secret(name).expect("resolved secrets are defined");
        return Err(Error::new(format!(
            "cannot pass {name} to {program} ({})",
            config.locate("secrets", name, &entry.origin)
        ))
        .cause("its value contains a NUL byte, which no environment variable can carry")
        .hint(format!(
            "store binary data with `fnox set {name} --base64-encode` and decode it in the program"
        )));
    }
    // From the list in hand: looking each name up again would rebuild the effective map per secret.
    let file_secrets: std::collections::HashSet<&str> = secrets
        .iter()
        .filter(|s| s.secret.as_file == Some(true))
        .map(|s| s.name)
        .collect();
    let as_file: Vec<&str> = values
        .keys()
        .map(String::as_str)
        .filter(|name| file_secrets.contains(name))
        .collect();
    let files = if as_file.is_empty() {
        None
    } else {
        let secrets: Vec<(&str, &str)> =
            as_file.iter().map(|n| (*n, values[*n].expose())).collect();
        Some(SecretFiles::new(&secrets).map_err(|e| {
            Error::new("cannot write the as_file secrets to a temporary file")
                .cause(e)
                .hint("check that the temporary directory (TMPDIR) is writable")
        })?)
    };
    // In memory, the files survive the exec in place and go when the command exits; on disk,
    // fnox must stay to remove them.
    if args.replace && files.as_ref().is_some_and(|f| !f.in_memory()) {
        return Err(Error::usage(format!(
            "cannot use --replace: {} {} as_file",
            as_file.join(", "),
            if as_file.len() == 1 { "is" } else { "are" }
        ))
        .cause("fnox must stay to remove the secret files when the command exits")
        .hint("drop --replace, or set as_file = false on those secrets"));
    }
    ctx.verbose(format!("running {program} with {} secret(s)", values.len()));

    let mut cmd = Command::new(program);
    cmd.args(rest);
    if let Some(files) = &files {
        files.pass_to(&mut cmd);
    }
    for var in env_vars::KEY_MATERIAL {
        if !values.contains_key(var) {
            cmd.env_remove(var);
        }
    }
    for name in withheld {
        cmd.env_remove(name);
    }
    for (name, value) in &values {
        match files.as_ref().and_then(|f| f.path_of(name)) {
            Some(path) => cmd.env(name, path),
            None => cmd.env(name, value.expose()),
        };
    }
    // A lease's short-lived credentials replace long-lived ones of the same name.
    for (name, value) in &leased {
        cmd.env(name, value.expose());
    }
    for (name, value) in &env_values {
        cmd.env(name, value.expose());
    }
    crate::child::check_sizes(&cmd, program)?;
    if args.replace {
        return crate::child::replace(cmd, program);
    }
    let masker = if mask {
        let all = values
            .values()
            .chain(leased.iter().map(|(_, v)| v))
            .chain(&referenced)
            .map(|v| v.expose().as_bytes());
        let masker = Masker::new(all)
            .map_err(|e| Error::new("cannot set up the output masking").cause(e))?;
        drop(referenced);
        Some(std::sync::Arc::new(masker))
    } else {
        None
    };
    let code = crate::child::run_child(cmd, program, masker);
    // The files go once the command has exited, whatever the outcome.
    drop(files);
    code
}

/// The credentials of every configured lease (see `crate::lease::for_exec`), less those whose
/// names a secret could not set either (PATH, LD_PRELOAD, ...) or no variable can carry.
fn leased_credentials(
    config: &crate::config::Config,
    program: &str,
) -> Result<Vec<(String, SecretValue)>> {
    let mut out = Vec::new();
    for (name, value, layer) in crate::lease::for_exec(config)? {
        if let Some(why) = crate::trust::env_name_refusal(&name, None, config.layer_trusted(layer))
        {
            crate::error::warn(format!(
                "lease credential {name} is not passed to the command: {why}"
            ));
            continue;
        }
        if value.expose().contains('\0') {
            return Err(
                Error::new(format!("cannot pass lease credential {name} to {program}"))
                    .code("fnox::lease::create_failed")
                    .cause(
                        "its value contains a NUL byte, which no environment variable can carry",
                    ),
            );
        }
        out.push((name, value));
    }
    Ok(out)
}

/// Whether to mask the command's output: `--mask`/`--no-mask`, else FNOX_MASK, else the
/// config's `[settings] mask`.
fn mask_wanted(args: &Args, config: &crate::config::Config) -> Result<bool> {
    let setting = || {
        env_vars::flag(env_vars::FNOX_MASK)
            .map(|on| (on, "FNOX_MASK"))
            .or_else(|| config.mask_default().map(|on| (on, "[settings] mask")))
    };
    let (on, from) = match (args.mask, args.no_mask) {
        (true, _) => (true, "--mask"),
        (_, true) => (false, "--no-mask"),
        _ => setting().unwrap_or((false, "")),
    };
    if !on {
        return Ok(false);
    }
    if args.replace {
        return Err(Error::usage(format!("cannot use --replace with {from}"))
            .code("fnox::command::mask_replace")
            .cause("fnox must stay between the command and its output to mask it")
            .hint("drop --replace, or pass --no-mask"));
    }
    #[cfg(not(unix))]
    {
        use std::io::IsTerminal;
        if std::io::stdout().is_terminal() || std::io::stderr().is_terminal() {
            return Err(Error::usage(
                "cannot mask the output through a terminal on this system",
            )
            .code("fnox::command::mask_terminal")
            .cause(format!("{from} asks for masking; masking through a terminal needs a Unix pseudo-terminal"))
            .hint("redirect both streams, e.g. `fnox exec --mask -- CMD 2>&1 | more`, or pass --no-mask"));
        }
    }
    Ok(true)
}

/// What an inherited variable's reference may read: a variable set by someone else (a CI job's
/// settings, a parent process) must not read what this project keeps out of programs, nor reach
/// a store this project does not use.
struct InheritedRefs<'a> {
    config: &'a crate::config::Config,
    default_env: EnvMode,
    any_type: bool,
}

impl InheritedRefs<'_> {
    fn refusal(&self, r: &Reference) -> Option<String> {
        match r {
            Reference::Secret { name, .. } => {
                let Some(entry) = self.config.secret(name) else {
                    return Some(format!(
                        "it refers to {r}, and this project defines no secret {name}"
                    ));
                };
                (entry.secret.env.unwrap_or(self.default_env) == EnvMode::Never).then(|| {
                    format!("it refers to {r}, and {name} has env = false (it never enters a program's environment)")
                })
            }
            Reference::Store { provider, .. } => {
                (self.config.provider(provider).is_none() && !self.any_type).then(|| {
                    format!(
                        "it refers to {r}, and this project configures no provider '{provider}'; pass --env-references (or set FNOX_ENV_REFERENCES=1) to read it with that type's defaults"
                    )
                })
            }
        }
    }
}

/// The variables of the `--env-file`s and the inherited variables whose whole value is one
/// reference, with the references in them (read in the same batches as the secrets).
struct EnvReferences {
    /// (name, text, where it comes from, the references in the text)
    vars: Vec<(String, String, String, Vec<Found>)>,
    references: Vec<Reference>,
}

impl EnvReferences {
    /// `defined`: secrets of fnox.toml, whose inherited variables fnox replaces or removes anyway.
    fn collect(
        files: &[std::path::PathBuf],
        defined: impl Fn(&str) -> bool,
        inherited: &InheritedRefs,
    ) -> Result<Self> {
        let mut vars: Vec<(String, String, String, Vec<Found>)> = Vec::new();
        for file in files {
            let shown = file.display().to_string();
            let text = std::fs::read_to_string(file)
                .map_err(|e| Error::new(format!("cannot read the env file {shown}")).cause(e))?;
            let parsed = crate::dotenv::parse(&text).map_err(|e| {
                Error::new(format!("cannot read the env file {shown}"))
                    .cause(e)
                    .hint("write one KEY=value per line")
            })?;
            for (name, value) in parsed {
                vars.retain(|(n, ..)| *n != name);
                let found = reference::find(&value);
                vars.push((name, value, shown.clone(), found));
            }
        }
        for (name, value) in std::env::vars_os() {
            let (Ok(name), Ok(value)) = (name.into_string(), value.into_string()) else {
                continue;
            };
            if defined(&name) || vars.iter().any(|(n, ..)| *n == name) {
                continue;
            }
            let found = reference::find(&value);
            if let [one] = found.as_slice() {
                if let (true, Ok(r)) = (one.start == 0 && one.end == value.len(), &one.reference) {
                    match inherited.refusal(r) {
                        None => vars.push((name, value, "the environment".to_owned(), found)),
                        Some(why) => crate::error::warn(format!(
                            "{name} from the environment is left as it is: {why}"
                        )),
                    }
                }
            }
        }
        let mut references = Vec::new();
        for f in vars.iter().flat_map(|(.., found)| found) {
            if let Ok(r) = &f.reference {
                if !references.contains(r) {
                    references.push(r.clone());
                }
            }
        }
        Ok(EnvReferences { vars, references })
    }

    /// Each variable with its references spliced in; every failure is listed, naming the variable.
    fn values(
        self,
        program: &str,
        results: Vec<Result<SecretValue>>,
    ) -> Result<Vec<(String, SecretValue)>> {
        let mut out = Vec::new();
        let mut failures: Vec<Error> = Vec::new();
        for (name, text, origin, found) in self.vars {
            let mut values = Vec::new();
            for f in &found {
                let r = match &f.reference {
                    Ok(r) => r,
                    Err(why) => {
                        failures.push(
                            Error::new(format!("cannot set {name} (from {origin})"))
                                .cause(format!("its value has a malformed reference: {why}")),
                        );
                        continue;
                    }
                };
                let i = self.references.iter().position(|u| u == r);
                match i.map(|i| &results[i]) {
                    Some(Ok(v)) => values.push(v.clone()),
                    Some(Err(e)) => {
                        let mut err = Error::new(format!("cannot set {name} (from {origin})"))
                            .cause(format!(
                                "its value refers to {r}, which could not be resolved"
                            ))
                            .cause(&e.message);
                        err.causes.extend(e.causes.iter().cloned());
                        err.hint = e.hint.clone();
                        failures.push(err);
                    }
                    None => unreachable!("every reference was collected"),
                }
            }
            if values.len() == found.len() {
                let value = reference::splice(&text, &found, &values);
                if value.expose().contains('\0') {
                    failures.push(
                        Error::new(format!("cannot pass {name} to {program} (from {origin})"))
                            .cause("its value contains a NUL byte, which no environment variable can carry"),
                    );
                    continue;
                }
                out.push((name, value));
            }
        }
        match failures.len() {
            0 => Ok(out),
            1 => Err(failures.pop().expect("one failure")),
            n => Err(Error::batch(
                format!("{n} variables could not be resolved"),
                failures,
            )),
        }
    }
}
