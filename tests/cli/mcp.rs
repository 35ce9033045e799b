//! `fnox mcp`: the MCP server driven by an independent client, the official Python SDK (PyPI
//! `mcp`, which scripts/test.sh installs into target/test-tools/venv), over stdio, with
//! age-encrypted secrets in a sandbox.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::process::{fnox_command, output_with_stdin};
use crate::support::services::{missing, tools_venv};
use crate::support::{age_sandbox, Sandbox};

const TOKEN: &str = "hunter2-s3cret";
const OTHER: &str = "other-v4lue-xyz";

/// The venv's python when it has the `mcp` package; None (skip, said on stderr) outside CI.
fn python() -> Option<PathBuf> {
    let python = tools_venv().join("bin/python3");
    let ok = python.is_file()
        && std::process::Command::new(&python)
            .args(["-c", "import mcp.client.stdio"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if ok {
        Some(python)
    } else {
        missing("the python `mcp` package").map(|_| python)
    }
}

/// TOKEN and OTHER set with age, BROKEN a ciphertext no identity opens (resolving it would fail
/// loudly), then `mcp` (the `[mcp]` table's lines) at the end of fnox.toml.
fn sandbox(sb: Sandbox, mcp: &str) -> Sandbox {
    sb.run(&["set", "TOKEN", TOKEN]).ok();
    sb.run(&["set", "OTHER", OTHER]).ok();
    sb.add_secret_line(r#"BROKEN = { provider = "age", value = "bm90IGFnZQ==" }"#);
    if !mcp.is_empty() {
        let text = sb.read("fnox.toml");
        sb.write("fnox.toml", &format!("{text}\n[mcp]\n{mcp}\n"));
    }
    sb
}

struct Session {
    report: Value,
    /// The client's stderr, where fnox's own stderr goes too.
    stderr: String,
}

impl Session {
    fn tools(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.report["tools"]
            .as_object()
            .expect("tools listed")
            .keys()
            .map(String::as_str)
            .collect();
        names.sort();
        names
    }

    fn result(&self, i: usize) -> &Value {
        &self.report["results"][i]
    }
}

/// Runs the Python client with `plan` (see tests/cli/support/mcp_client.py) against the built
/// fnox, in the sandbox's cwd and HOME; None when the client is not installed (outside CI).
fn session(sb: &Sandbox, plan: Value) -> Option<Session> {
    let python = python()?;
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cli/support/mcp_client.py"
    );
    let mut cmd = std::process::Command::new(python);
    cmd.env_clear()
        .env("HOME", &sb.home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .current_dir(&sb.cwd)
        .args([script, env!("CARGO_BIN_EXE_fnox")]);
    let out = output_with_stdin(&mut cmd, plan.to_string().as_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "the MCP client failed:\n{stderr}");
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("client report: {e}\n{stderr}"));
    Some(Session { report, stderr })
}

fn exec(command: &[&str]) -> Value {
    json!(["exec", { "command": command }])
}

#[test]
fn mcp_handshake_lists_both_tools_and_gets_an_allowed_secret() {
    let sb = sandbox(age_sandbox(), r#"secrets = ["TOKEN", "OTHER"]"#);
    let Some(s) = session(
        &sb,
        json!({ "calls": [["get_secret", { "name": "TOKEN" }]] }),
    ) else {
        return;
    };
    assert_eq!(s.report["server"], "fnox");
    assert!(s.report["protocol"].as_str().is_some_and(|p| !p.is_empty()));
    assert_eq!(s.tools(), ["exec", "get_secret"]);
    assert_eq!(
        s.report["tools"]["get_secret"]["required"],
        json!(["name"]),
        "{}",
        s.report
    );
    assert_eq!(s.report["tools"]["exec"]["required"], json!(["command"]));
    assert_eq!(s.result(0)["is_error"], false);
    assert_eq!(s.result(0)["text"], TOKEN);
    // Nothing outside the allowlist was resolved: BROKEN would have failed (and said so).
    assert!(!s.stderr.contains("BROKEN"), "{}", s.stderr);
}

#[test]
fn mcp_refuses_a_secret_outside_the_allowlist_without_resolving_it() {
    let sb = sandbox(age_sandbox(), r#"secrets = ["TOKEN"]"#);
    let plan = json!({ "calls": [
        ["get_secret", { "name": "OTHER" }],
        ["get_secret", { "name": "BROKEN" }],
        ["get_secret", { "name": "NOPE" }],
    ] });
    let Some(s) = session(&sb, plan) else { return };
    for (i, name) in ["OTHER", "BROKEN", "NOPE"].iter().enumerate() {
        assert_eq!(s.result(i)["is_error"], true);
        assert_eq!(
            s.result(i)["text"],
            format!(
                "error[fnox::mcp::secret_not_allowed]: secret '{name}' is not available to MCP\n  caused by: it is not in [mcp] secrets, so fnox does not resolve it for agents\n  hint: add \"{name}\" to [mcp] secrets in fnox.toml to allow it"
            )
        );
    }
    assert!(!s.report.to_string().contains(OTHER));
    assert!(!s.stderr.contains("BROKEN"), "{}", s.stderr);
}

#[test]
fn mcp_get_secret_failure_names_the_secret_and_cause_but_no_value() {
    // Without an allowlist every secret may be asked for; an unknown one and one that cannot be
    // decrypted are errors the agent can read.
    let sb = sandbox(age_sandbox(), "");
    let plan = json!({ "calls": [
        ["get_secret", { "name": "NOPE" }],
        ["get_secret", { "name": "BROKEN" }],
        ["get_secret", {}],
    ] });
    let Some(s) = session(&sb, plan) else { return };
    assert_eq!(s.result(0)["is_error"], true);
    let unknown = s.result(0)["text"].as_str().unwrap();
    assert!(
        unknown.starts_with("error[fnox::secret::not_found]: Secret 'NOPE' not found"),
        "{unknown}"
    );
    assert_eq!(s.result(1)["is_error"], true);
    let broken = s.result(1)["text"].as_str().unwrap();
    assert!(broken.contains("BROKEN"), "{broken}");
    assert!(broken.contains("fnox.toml"), "{broken}");
    assert!(s.result(2)["rpc_error"]
        .as_str()
        .is_some_and(|m| m.contains("name")));
    assert!(!s.report.to_string().contains(TOKEN));
}

#[test]
fn mcp_exec_redacts_values_and_reports_a_nonzero_exit_code() {
    let sb = sandbox(age_sandbox(), r#"secrets = ["TOKEN"]"#);
    let script = r#"echo "out $TOKEN"; echo "err $TOKEN" >&2; exit 3"#;
    let Some(s) = session(&sb, json!({ "calls": [exec(&["sh", "-c", script])] })) else {
        return;
    };
    let r = s.result(0);
    assert_eq!(r["is_error"], true, "a failed command is an error result");
    assert_eq!(r["structured"]["exit_code"], 3);
    assert_eq!(r["structured"]["stdout"], "out [REDACTED]\n");
    assert_eq!(r["structured"]["stderr"], "err [REDACTED]\n");
    assert_eq!(
        r["text"],
        "out [REDACTED]\n[stderr]\nerr [REDACTED]\n[exit code: 3]"
    );
    assert!(!s.report.to_string().contains(TOKEN));
}

#[test]
fn mcp_exec_shows_values_with_redact_output_false() {
    let sb = sandbox(age_sandbox(), "redact_output = false");
    let plan = json!({ "calls": [exec(&["sh", "-c", "echo $TOKEN $OTHER"])] });
    let Some(s) = session(&sb, plan) else { return };
    let r = s.result(0);
    assert_eq!(r["is_error"], false);
    assert_eq!(r["structured"]["exit_code"], 0);
    assert_eq!(r["structured"]["stdout"], format!("{TOKEN} {OTHER}\n"));
    assert_eq!(r["text"], format!("{TOKEN} {OTHER}\n[exit code: 0]"));
}

#[test]
fn mcp_redact_output_false_in_an_untrusted_file_does_not_count() {
    // The same file, written where nothing is trusted (someone else's clone).
    let made = sandbox(
        age_sandbox(),
        "secrets = [\"TOKEN\"]\nredact_output = false",
    );
    let sb = Sandbox::untrusted();
    sb.write("fnox.toml", &made.read("fnox.toml"));
    let plan = json!({ "calls": [exec(&["sh", "-c", "echo $TOKEN"])] });
    let Some(s) = session(&sb, plan) else { return };
    assert_eq!(s.result(0)["structured"]["stdout"], "[REDACTED]\n");
    assert!(
        s.stderr.contains(
            "mcp.redact_output = false in ./fnox.toml does not count: the file is not trusted"
        ),
        "{}",
        s.stderr
    );
}

#[test]
fn mcp_exec_leaves_unlisted_secrets_out_of_the_environment() {
    let sb = sandbox(age_sandbox(), r#"secrets = ["TOKEN"]"#);
    let script = r#"echo "TOKEN=${TOKEN:+set} OTHER=${OTHER-unset} BROKEN=${BROKEN-unset}""#;
    // OTHER is even in fnox's own environment: the command does not inherit it.
    let plan = json!({
        "env": { "OTHER": "inherited" },
        "calls": [exec(&["sh", "-c", script])],
    });
    let Some(s) = session(&sb, plan) else { return };
    let r = s.result(0);
    assert_eq!(
        r["structured"]["stdout"], "TOKEN=set OTHER=unset BROKEN=unset\n",
        "{}",
        s.stderr
    );
    assert!(!s.stderr.contains("BROKEN"), "{}", s.stderr);
}

#[test]
fn mcp_offers_only_the_configured_tools() {
    let sb = sandbox(age_sandbox(), r#"tools = ["exec"]"#);
    let plan = json!({ "calls": [
        ["get_secret", { "name": "TOKEN" }],
        exec(&["sh", "-c", "echo $TOKEN"]),
    ] });
    let Some(s) = session(&sb, plan) else { return };
    assert_eq!(s.tools(), ["exec"]);
    assert_eq!(
        s.result(0)["rpc_error"],
        "tool 'get_secret' is turned off by [mcp] tools in fnox.toml"
    );
    assert_eq!(s.result(1)["structured"]["stdout"], "[REDACTED]\n");
    assert!(!s.report.to_string().contains(TOKEN));
}

#[test]
fn mcp_table_is_merged_field_by_field_across_files() {
    // fnox.toml sets the allowlist, fnox.local.toml (a later layer) the tools: both apply.
    let sb = sandbox(age_sandbox(), r#"secrets = ["TOKEN"]"#);
    sb.write("fnox.local.toml", "[mcp]\ntools = [\"get_secret\"]\n");
    let plan = json!({ "calls": [
        ["get_secret", { "name": "TOKEN" }],
        ["get_secret", { "name": "OTHER" }],
    ] });
    let Some(s) = session(&sb, plan) else { return };
    assert_eq!(s.tools(), ["get_secret"]);
    assert_eq!(s.result(0)["text"], TOKEN);
    assert_eq!(s.result(1)["is_error"], true);
    assert!(!s.report.to_string().contains(OTHER));
}

#[test]
fn mcp_exec_kills_the_command_at_the_timeout() {
    let sb = sandbox(age_sandbox(), "secrets = []\nexec_timeout_secs = 1");
    let started = Instant::now();
    // The sleep is a grandchild: the whole process group goes.
    let plan = json!({ "calls": [exec(&["sh", "-c", "echo started; sleep 30; echo never"])] });
    let Some(s) = session(&sb, plan) else { return };
    assert!(started.elapsed() < Duration::from_secs(20));
    let r = s.result(0);
    assert_eq!(r["is_error"], true);
    assert_eq!(r["structured"]["timed_out"], true);
    assert_eq!(r["structured"]["exit_code"], 128 + 9);
    assert_eq!(r["structured"]["stdout"], "started\n");
    assert!(r["text"]
        .as_str()
        .unwrap()
        .contains("[error[fnox::mcp::exec_timeout]: killed after 1s (mcp.exec_timeout_secs)]"));
}

#[test]
fn mcp_exec_caps_each_stream_and_says_so() {
    let sb = sandbox(age_sandbox(), r#"secrets = ["TOKEN"]"#);
    // 1 MiB + 10 bytes of output, the value straddling the cap: masked before the cut.
    let script = r#"head -c 1048570 /dev/zero | tr '\0' a; printf '%s' "$TOKEN"; echo"#;
    let Some(s) = session(&sb, json!({ "calls": [exec(&["sh", "-c", script])] })) else {
        return;
    };
    let r = s.result(0);
    assert_eq!(r["structured"]["stdout_truncated"], true);
    assert_eq!(r["structured"]["stderr_truncated"], false);
    let out = r["structured"]["stdout"].as_str().unwrap();
    assert_eq!(out.len(), 1024 * 1024);
    assert!(out.ends_with("aaaa[REDAC"), "{}", &out[out.len() - 20..]);
    assert!(r["text"]
        .as_str()
        .unwrap()
        .contains("[stdout truncated: 5 more bytes after the first 1048576]"));
    assert!(!s.report.to_string().contains("hunter2"));
}

#[test]
fn mcp_exits_cleanly_when_stdin_closes() {
    let sb = sandbox(age_sandbox(), "");
    // Closed at once: nothing to serve, exit 0.
    let out = output_with_stdin(&mut fnox_command(&sb, &["mcp"]), b"");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // A handshake, then EOF: the answer, then exit 0.
    let init = json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": { "name": "test", "version": "0" },
        },
    });
    let started = Instant::now();
    let out = output_with_stdin(
        &mut fnox_command(&sb, &["mcp"]),
        format!("{init}\n").as_bytes(),
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let reply: Value = serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap())
        .expect("one JSON-RPC reply line");
    assert_eq!(reply["id"], 1);
    assert_eq!(reply["result"]["serverInfo"]["name"], "fnox");
    assert_eq!(reply["result"]["protocolVersion"], "2025-06-18");
}
