//! Shell integration: `activate`, `hook-env` and `deactivate` driven through real bash, zsh, fish
//! and Nushell, the way the prompt hook runs them; PowerShell's code through a parser
//! (tests/cli/shell/pwsh.rs), as no PowerShell can be installed here.

mod as_file;
mod hook;
mod output;
mod pwsh;
mod zsh;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{age_config, parse_env0, require_tool, Sandbox};

/// One shell under test, and how its scripts say things.
#[derive(Clone, Copy)]
pub(crate) struct Sh {
    pub(crate) name: &'static str,
}

/// bash, zsh and fish: the shells whose scripts every test can write.
pub(crate) const SHELLS: [Sh; 3] = [Sh { name: "bash" }, Sh { name: "zsh" }, Sh { name: "fish" }];

/// ... and Nushell, for the tests written with [`Sh`]'s helpers only.
pub(crate) const ALL_SHELLS: [Sh; 4] = [
    Sh { name: "bash" },
    Sh { name: "zsh" },
    Sh { name: "fish" },
    Sh { name: "nu" },
];

/// Where a script says "source the activation code" for Nushell, whose `source` takes a file
/// known before the script runs: [`run`] writes `fnox activate nu` there first.
const NU_ACTIVATE: &str = "__FNOX_ACTIVATE_NU__";

impl Sh {
    pub(crate) fn fish(self) -> bool {
        self.name == "fish"
    }

    pub(crate) fn nu(self) -> bool {
        self.name == "nu"
    }

    /// What a user puts in their rc file.
    pub(crate) fn activate(self) -> String {
        match self.name {
            "fish" => "fnox activate fish | source\n".into(),
            "nu" => format!("source '{NU_ACTIVATE}'\n"),
            name => format!("eval \"$(fnox activate {name})\"\n"),
        }
    }

    /// What the shell runs before each prompt.
    pub(crate) fn prompt(self) -> &'static str {
        if self.fish() {
            "__fnox_env_eval\n"
        } else {
            "_fnox_hook\n"
        }
    }

    pub(crate) fn export(self, name: &str, value: &str) -> String {
        match self.name {
            "fish" => format!("set -gx {name} '{value}'\n"),
            "nu" => format!("$env.{name} = '{value}'\n"),
            _ => format!("export {name}='{value}'\n"),
        }
    }

    /// `cd DIR` and the prompt that follows it.
    pub(crate) fn enter(self, dir: &Path) -> String {
        format!("cd '{}'\n{}", dir.display(), self.prompt())
    }

    /// Writes the exported environment (NUL-separated) for [`env_at`] to read.
    pub(crate) fn dump(self, sb: &Sandbox, name: &str) -> String {
        let file = out_file(sb, name);
        if self.nu() {
            format!("^env -0 | save -f '{}'\n", file.display())
        } else {
            format!("env -0 > '{}'\n", file.display())
        }
    }
}

/// Nushell, where scripts/test.sh installs it (npm `@nushell/linux-x64`, under target/test-tools).
pub(crate) fn nu_binary() -> Option<PathBuf> {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/test-tools/nushell/node_modules/@nushell/linux-x64/bin/nu");
    if bin.is_file() {
        return Some(bin);
    }
    if std::env::var_os("CI").is_some() {
        panic!("nu is required in CI: scripts/test.sh installs it into target/test-tools/nushell");
    }
    eprintln!("skipping: nu not installed (run scripts/test.sh, which installs it)");
    None
}

/// Runs `script` in the shell with no rc files, from the sandbox's cwd, with the built fnox first
/// on PATH. Skips (returns None) when the shell is not installed.
pub(crate) fn run(sb: &Sandbox, sh: Sh, script: &str) -> Option<Ran> {
    run_with(sb, sh, script, &[])
}

/// [`run`] with more variables in the shell's environment.
pub(crate) fn run_with(sb: &Sandbox, sh: Sh, script: &str, env: &[(&str, &str)]) -> Option<Ran> {
    let program = if sh.nu() {
        nu_binary()?
    } else if require_tool(sh.name, sh.name) {
        PathBuf::from(sh.name)
    } else {
        return None;
    };
    let bin = assert_cmd::cargo::cargo_bin("fnox");
    let mut path = std::ffi::OsString::from(bin.parent().unwrap());
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    let mut script = script.to_owned();
    if script.contains(NU_ACTIVATE) {
        let code = Command::new(&bin)
            .args(["activate", "nu"])
            .env_clear()
            .env("HOME", &sb.home)
            .output()
            .expect("fnox activate nu");
        assert!(code.status.success(), "{code:?}");
        let file = out_file(sb, "activate.nu");
        std::fs::write(&file, &code.stdout).unwrap();
        script = script.replace(NU_ACTIVATE, &file.display().to_string());
    }
    let mut cmd = Command::new(program);
    match sh.name {
        "bash" => cmd.args(["--norc", "--noprofile", "-c"]),
        "zsh" => cmd.args(["-f", "-c"]),
        "nu" => cmd.args(["--no-config-file", "--no-std-lib", "-c"]),
        _ => cmd.args(["--no-config", "-c"]),
    };
    let out = cmd
        .arg(script)
        .env_clear()
        .env("HOME", &sb.home)
        .env("PATH", path)
        .env("LANG", "C.UTF-8")
        .envs(env.iter().copied())
        .current_dir(&sb.cwd)
        .output()
        .expect("run the shell");
    Some(Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: sb.redact(&String::from_utf8_lossy(&out.stderr)),
        code: out.status.code().unwrap_or(-1),
    })
}

#[derive(Debug)]
pub(crate) struct Ran {
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    pub(crate) code: i32,
}

impl Ran {
    #[track_caller]
    pub(crate) fn ok(&self, sh: Sh) -> &Self {
        assert_eq!(
            self.code, 0,
            "{}: exit {}\nstdout: {}\nstderr: {}",
            sh.name, self.code, self.stdout, self.stderr
        );
        self
    }
}

/// Where a script writes what the test reads back (outside the directories it moves through).
pub(crate) fn out_file(sb: &Sandbox, name: &str) -> PathBuf {
    let dir = sb.root.path().join("out");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

pub(crate) fn read_out(sb: &Sandbox, name: &str) -> String {
    std::fs::read_to_string(out_file(sb, name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The environment a `dump` wrote.
pub(crate) fn env_at(sb: &Sandbox, file: &str) -> BTreeMap<String, String> {
    let raw = std::fs::read(out_file(sb, file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    parse_env0(&raw)
}

pub(crate) fn age_project(sb: &Sandbox, dir: &str, secrets: &[(&str, &str)]) -> PathBuf {
    sb.write(&format!("{dir}/fnox.toml"), &age_config());
    let path = sb.path(dir);
    for (name, value) in secrets {
        sb.output(sb.fnox_in(&path).args(["set", name, value])).ok();
    }
    path
}
