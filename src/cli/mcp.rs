//! `fnox mcp`

use super::Ctx;
use crate::error::Result;

/// Serve the secrets to an AI agent as an MCP (Model Context Protocol) server on stdin/stdout.
///
/// Tools: `get_secret` (one value by name) and `exec` (run a command, no shell, with the active
/// profile's secrets in its environment; returns its exit code and output, with every secret
/// value replaced by [REDACTED]). Configure it with the `[mcp]` table of fnox.toml: `tools`
/// (which tools are offered; default both), `secrets` (the only secrets it may resolve; default
/// all), `exec_timeout_secs` (default 300) and `redact_output` (default true). Values are
/// resolved when a tool call first needs them and kept in memory until the client closes stdin,
/// which ends the server. It never prompts: authenticate to the providers first.
///
/// Example for an agent's MCP settings: {"command": "fnox", "args": ["-P", "dev", "mcp"]}
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<i32> {
    // stdin and stdout carry the protocol: no prompt may read or write there.
    crate::term::set_non_interactive(true);
    let config = ctx.load()?;
    let settings = crate::mcp::Settings::from_config(&config);
    ctx.verbose(format!(
        "MCP server on stdio, tools: {}",
        settings.tools.join(", ")
    ));
    crate::mcp::serve(config, settings, ctx.resolve_options())?;
    Ok(0)
}
