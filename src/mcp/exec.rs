//! The `exec` tool: the command run directly with the allowed secrets in its environment (as
//! `fnox exec` sets them), its stdout and stderr captured (each capped), masked as they stream,
//! and the process group killed at `exec_timeout_secs`.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use rmcp::model::{CallToolResult, ContentBlock};
use tokio::io::{AsyncRead, AsyncReadExt};

use super::Inner;
use crate::config::model::EnvMode;
use crate::env_vars;
use crate::error::{Error, Result};
use crate::mask::{MaskStream, Masker};
use crate::secret_files::SecretFiles;

/// How much of each stream is kept; the rest is read (so the command is not blocked) and counted.
pub const MAX_OUTPUT_BYTES: usize = 1024 * 1024;

/// After a kill, how long the pipes may stay open (a process that left the group) before the
/// output collected so far is returned anyway.
const DRAIN_AFTER_KILL: Duration = Duration::from_secs(2);

pub async fn run(inner: &Arc<Inner>, command: Vec<String>) -> Result<CallToolResult> {
    let Some((program, args)) = command.split_first().filter(|(p, _)| !p.is_empty()) else {
        return Err(Error::usage("no command given")
            .code("fnox::command::not_specified")
            .hint("pass the program and its arguments, e.g. {\"command\": [\"env\"]}"));
    };
    let config = &inner.config;
    let default_env = config.env_default();
    let mut wanted = Vec::new();
    // Defined secrets the command must not inherit from fnox's own environment either.
    let mut withheld = Vec::new();
    for s in config.secrets() {
        let allowed = inner
            .settings
            .secrets
            .as_ref()
            .is_none_or(|a| a.contains(s.name));
        if !allowed || s.secret.env.unwrap_or(default_env) == EnvMode::Never {
            withheld.push(s.name.to_owned());
            continue;
        }
        let trusted = config.layer_trusted(s.origin.layer);
        match crate::trust::env_name_refusal(s.name, s.secret.allow_dangerous_name, trusted) {
            None => wanted.push(s.name.to_owned()),
            // The inherited variable, if any, stays as it was (PATH must not vanish).
            Some(why) => crate::error::warn(format!(
                "{} is not passed to the command ({}): {why}",
                s.name,
                config.locate("secrets", s.name, &s.origin)
            )),
        }
    }
    let values = inner.values(wanted, false).await?;
    if let Some((name, _)) = values.iter().find(|(_, v)| v.expose().contains('\0')) {
        return Err(Error::new(format!("cannot pass {name} to {program}"))
            .cause("its value contains a NUL byte, which no environment variable can carry"));
    }
    let as_file: Vec<(&str, &str)> = values
        .iter()
        .filter(|(n, _)| {
            config
                .secret(n)
                .is_some_and(|e| e.secret.as_file == Some(true))
        })
        .map(|(n, v)| (n.as_str(), v.expose()))
        .collect();
    let files = if as_file.is_empty() {
        None
    } else {
        Some(SecretFiles::new(&as_file).map_err(|e| {
            Error::new("cannot write the as_file secrets to a temporary file").cause(e)
        })?)
    };

    let mut cmd = std::process::Command::new(program);
    cmd.args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    #[cfg(unix)]
    {
        // Its own process group, so a timeout kills what it started too.
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    if let Some(files) = &files {
        files.pass_to(&mut cmd);
    }
    for var in env_vars::KEY_MATERIAL {
        if !values.iter().any(|(n, _)| n == var) {
            cmd.env_remove(var);
        }
    }
    for name in &withheld {
        cmd.env_remove(name);
    }
    for (name, value) in &values {
        match files.as_ref().and_then(|f| f.path_of(name)) {
            Some(path) => cmd.env(name, path),
            None => cmd.env(name, value.expose()),
        };
    }
    let masker = if inner.settings.redact_output {
        // Every value this session has resolved, not only this command's.
        let cache = inner.cache.lock().expect("cache lock");
        let masker = Masker::new(cache.values().map(|v| v.expose().as_bytes()))
            .map_err(|e| Error::new("cannot set up the output redaction").cause(e))?;
        Some(Arc::new(masker))
    } else {
        None
    };
    drop(values);

    let mut cmd = tokio::process::Command::from(cmd);
    cmd.kill_on_drop(true);
    let mut child = cmd.spawn().map_err(|e| {
        let err = Error::new(format!("cannot run '{program}'")).cause(&e);
        match e.kind() {
            std::io::ErrorKind::NotFound => err.hint("check the program name and PATH"),
            _ => err,
        }
    })?;
    let stdout = tokio::spawn(capture(child.stdout.take(), masker.clone()));
    let stderr = tokio::spawn(capture(child.stderr.take(), masker));
    let timeout = inner.settings.exec_timeout;
    let (status, timed_out) = tokio::select! {
        status = child.wait() => (status, false),
        _ = tokio::time::sleep(timeout) => {
            kill_group(&mut child);
            (child.wait().await, true)
        }
    };
    let status = status.map_err(|e| Error::new(format!("cannot wait for {program}")).cause(e))?;
    let drain = |task: tokio::task::JoinHandle<Captured>| async move {
        if timed_out {
            match tokio::time::timeout(DRAIN_AFTER_KILL, task).await {
                Ok(c) => c.unwrap_or_default(),
                Err(_) => Captured::default(),
            }
        } else {
            task.await.unwrap_or_default()
        }
    };
    let (out, err) = (drain(stdout).await, drain(stderr).await);
    drop(files);

    let code = exit_code(&status);
    let mut text = String::from_utf8_lossy(&out.kept).into_owned();
    if !err.kept.is_empty() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str("[stderr]\n");
        text.push_str(&String::from_utf8_lossy(&err.kept));
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for (stream, c) in [("stdout", &out), ("stderr", &err)] {
        if c.dropped > 0 {
            text.push_str(&format!(
                "[{stream} truncated: {} more bytes after the first {MAX_OUTPUT_BYTES}]\n",
                c.dropped
            ));
        }
    }
    if timed_out {
        text.push_str(&format!(
            "[error[{}]: killed after {}s (mcp.exec_timeout_secs)]\n",
            super::TIMEOUT,
            timeout.as_secs()
        ));
    }
    text.push_str(&format!("[exit code: {code}]"));
    let structured = serde_json::json!({
        "exit_code": code,
        "stdout": String::from_utf8_lossy(&out.kept),
        "stderr": String::from_utf8_lossy(&err.kept),
        "stdout_truncated": out.dropped > 0,
        "stderr_truncated": err.dropped > 0,
        "timed_out": timed_out,
        "redacted": inner.settings.redact_output,
    });
    let mut result = if code == 0 && !timed_out {
        CallToolResult::success(vec![ContentBlock::text(text)])
    } else {
        CallToolResult::error(vec![ContentBlock::text(text)])
    };
    result.structured_content = Some(structured);
    Ok(result)
}

/// The exit code, or 128+N when signal N killed the command (as `fnox exec` reports it).
fn exit_code(status: &std::process::ExitStatus) -> i32 {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(s) = status.signal() {
            return 128 + s;
        }
    }
    status.code().unwrap_or(1)
}

fn kill_group(child: &mut tokio::process::Child) {
    #[cfg(unix)]
    if let Some(pid) = child.id() {
        // SAFETY: kill(2) on the group the child leads; it has not been reaped yet.
        unsafe { libc::kill(-(pid as libc::pid_t), libc::SIGKILL) };
        return;
    }
    let _ = child.start_kill();
}

/// One stream's output: what is kept (masked) and how many bytes past the cap were left out.
#[derive(Default)]
struct Captured {
    kept: Vec<u8>,
    dropped: u64,
}

/// A writer keeping the first MAX_OUTPUT_BYTES and counting the rest.
struct Capped<'a>(&'a mut Captured);

impl Write for Capped<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let room = MAX_OUTPUT_BYTES.saturating_sub(self.0.kept.len());
        let take = room.min(buf.len());
        self.0.kept.extend_from_slice(&buf[..take]);
        self.0.dropped += (buf.len() - take) as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Reads a stream to its end, masked before the cap applies (so a value cut at the cap cannot
/// leave its beginning behind).
async fn capture(stream: Option<impl AsyncRead + Unpin>, masker: Option<Arc<Masker>>) -> Captured {
    let mut captured = Captured::default();
    let Some(mut stream) = stream else {
        return captured;
    };
    let mut buf = vec![0u8; 16 * 1024];
    match &masker {
        Some(m) => {
            let mut masked = MaskStream::new(m, Capped(&mut captured));
            while let Ok(n @ 1..) = stream.read(&mut buf).await {
                let _ = masked.write(&buf[..n]);
            }
            let _ = masked.finish();
        }
        None => {
            let mut out = Capped(&mut captured);
            while let Ok(n @ 1..) = stream.read(&mut buf).await {
                let _ = out.write(&buf[..n]);
            }
        }
    }
    captured
}
