//! `type = "command"`: a script of the user's makes the credentials. `create_command` runs with
//! `sh -c` in the directory of the file that defines the lease, with FNOX_LEASE_DURATION (seconds)
//! and FNOX_LEASE_LABEL, and prints `{"credentials": {"NAME": "value", ...}, "expires_at":
//! "RFC 3339", "lease_id": "..."}` on stdout (only `credentials` required). `revoke_command`, when
//! set, runs with FNOX_LEASE_ID. Both are killed after `timeout` (default 30s).

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

use super::{check_fields, new_lease_id, string_field, time, BuildContext, Issued, LeaseBackend};
use crate::error::{Error, Result};
use crate::secret::SecretValue;

const MAX_DURATION: Duration = Duration::from_secs(24 * 3600);
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

pub struct CommandLease {
    create_command: String,
    revoke_command: Option<String>,
    timeout: Duration,
    dir: PathBuf,
}

impl CommandLease {
    pub fn new(ctx: &BuildContext, fields: toml::Table) -> std::result::Result<Self, String> {
        check_fields(&fields, &["create_command", "revoke_command", "timeout"])?;
        let create_command = string_field(&fields, "create_command")?
            .filter(|c| !c.trim().is_empty())
            .ok_or("a command lease needs `create_command` (run with `sh -c`)")?;
        let timeout = match string_field(&fields, "timeout")? {
            None => DEFAULT_TIMEOUT,
            Some(t) => time::parse_duration(&t)
                .ok_or_else(|| format!("`timeout = {t:?}` is not a duration (e.g. \"30s\")"))?,
        };
        Ok(CommandLease {
            create_command,
            revoke_command: string_field(&fields, "revoke_command")?
                .filter(|c| !c.trim().is_empty()),
            timeout,
            dir: ctx.base_dir.clone(),
        })
    }

    /// Runs `script` with `env`; its stdout when it exits 0 within the timeout.
    fn run(&self, which: &str, script: &str, env: &[(&str, String)]) -> Result<Vec<u8>> {
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(script)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .spawn()
            .map_err(|e| Error::new(format!("cannot run `{which}` with sh")).cause(e))?;
        let mut stdout = child.stdout.take().expect("piped");
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            let _ = stdout.read_to_end(&mut out);
            out
        });
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() >= self.timeout => {
                    // The command keeps fnox's process group (Ctrl-C reaches it, it may use the
                    // terminal), so the shell and what it started are killed one by one.
                    kill_tree(child.id());
                    let _ = child.kill();
                    let _ = child.wait();
                    drop(reader);
                    return Err(Error::new(format!(
                        "`{which}` did not finish within {}",
                        time::format_duration(self.timeout)
                    ))
                    .hint("make the command faster, or raise the lease's `timeout`"));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(e) => return Err(Error::new(format!("cannot wait for `{which}`")).cause(e)),
            }
        };
        let out = reader.join().unwrap_or_default();
        if !status.success() {
            let how = match status.code() {
                Some(c) => format!("exit code {c}"),
                None => "killed by a signal".to_owned(),
            };
            return Err(Error::new(format!("`{which}` failed ({how})"))
                .hint("run the command by hand to see why; its stderr is shown above"));
        }
        Ok(out)
    }
}

/// Kills `pid` and its descendants (found through /proc on Linux; elsewhere `pid` only),
/// children first stopped so that none can start another meanwhile.
fn kill_tree(pid: u32) {
    let mut tree = vec![pid];
    #[cfg(target_os = "linux")]
    {
        let mut i = 0;
        while i < tree.len() && tree.len() < 4096 {
            let parent = tree[i];
            if let Ok(entries) = std::fs::read_dir("/proc") {
                for e in entries.flatten() {
                    let Some(p) = e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else {
                        continue;
                    };
                    let stat =
                        std::fs::read_to_string(format!("/proc/{p}/stat")).unwrap_or_default();
                    // pid (comm) state ppid ...: comm may hold spaces and parentheses.
                    let ppid = stat
                        .rsplit_once(')')
                        .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
                    if ppid == Some(parent) && !tree.contains(&p) {
                        tree.push(p);
                    }
                }
            }
            i += 1;
        }
    }
    #[cfg(unix)]
    {
        for pid in &tree {
            // SAFETY: kill has no memory-safety preconditions; a pid that is gone fails harmlessly.
            unsafe { libc::kill(*pid as libc::pid_t, libc::SIGSTOP) };
        }
        for pid in &tree {
            // SAFETY: as above.
            unsafe { libc::kill(*pid as libc::pid_t, libc::SIGKILL) };
        }
    }
    #[cfg(not(unix))]
    let _ = tree;
}

#[derive(Deserialize)]
struct Output {
    credentials: indexmap::IndexMap<String, serde_json::Value>,
    expires_at: Option<String>,
    lease_id: Option<String>,
}

impl LeaseBackend for CommandLease {
    fn create(&self, duration: Duration, label: &str) -> Result<Issued> {
        let env = [
            ("FNOX_LEASE_DURATION", duration.as_secs().to_string()),
            ("FNOX_LEASE_LABEL", label.to_owned()),
        ];
        let out =
            zeroize::Zeroizing::new(self.run("create_command", &self.create_command, &env)?);
        let bad = |why: String| {
            Error::new(format!("the output of `create_command` is not what fnox expects: {why}"))
                .hint("print {\"credentials\": {\"NAME\": \"value\"}, \"expires_at\": \"2030-01-01T00:00:00Z\", \"lease_id\": \"id\"} on stdout (expires_at and lease_id optional)")
        };
        // serde_json's messages give a position, never the text.
        let parsed: Output = serde_json::from_slice(&out).map_err(|e| bad(e.to_string()))?;
        if parsed.credentials.is_empty() {
            return Err(bad("`credentials` is empty".to_owned()));
        }
        let mut credentials = Vec::new();
        for (name, value) in parsed.credentials {
            match value {
                serde_json::Value::String(s) => credentials.push((name, SecretValue::new(s))),
                other => {
                    let kind = match other {
                        serde_json::Value::Null => "null",
                        serde_json::Value::Bool(_) => "a boolean",
                        serde_json::Value::Number(_) => "a number",
                        serde_json::Value::Array(_) => "an array",
                        _ => "an object",
                    };
                    return Err(bad(format!(
                        "credential {name} is {kind}; values must be strings"
                    )));
                }
            }
        }
        let expires_at = match parsed.expires_at {
            None => None,
            Some(t) => Some(
                time::parse_rfc3339(&t)
                    .ok_or_else(|| bad(format!("`expires_at = {t:?}` is not an RFC 3339 time")))?,
            ),
        };
        Ok(Issued {
            lease_id: parsed
                .lease_id
                .filter(|id| !id.is_empty())
                .unwrap_or_else(|| new_lease_id("cmd")),
            credentials,
            expires_at,
        })
    }

    fn revoke(&self, lease_id: &str) -> Result<()> {
        let Some(script) = &self.revoke_command else {
            return Ok(());
        };
        self.run(
            "revoke_command",
            script,
            &[("FNOX_LEASE_ID", lease_id.to_owned())],
        )
        .map(drop)
    }

    fn max_duration(&self) -> Duration {
        MAX_DURATION
    }
}
