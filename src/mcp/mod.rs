//! `fnox mcp`: a Model Context Protocol server on stdin/stdout for AI agents, through the
//! official SDK (`rmcp`).
//!
//! Two tools: `get_secret` (one value by name) and `exec` (a command run directly, no shell, with
//! the active profile's secrets in its environment and its output returned, every value replaced
//! by `[REDACTED]` unless `[mcp] redact_output = false`). `[mcp] tools` picks which are offered
//! (one left out is neither listed nor callable) and `[mcp] secrets` which secrets may be resolved
//! at all: one not listed is never read, by either tool. Values are resolved when a call first
//! needs them, through the same resolver (and trust gate) as `fnox get` / `fnox exec`, and kept
//! in memory until the client closes stdin, which ends the process.
//!
//! What the agent is told on a failure names the secret, its place and the cause, never a value.

mod exec;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    JsonObject, ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler, ServiceExt};

use crate::config::load::Config;
use crate::error::{Error, Result};
use crate::resolve::{resolve, ResolveOptions};
use crate::secret::SecretValue;

pub const GET_SECRET: &str = "get_secret";
pub const EXEC: &str = "exec";
/// Every tool, in the order they are listed.
pub const TOOLS: [&str; 2] = [GET_SECRET, EXEC];

/// `exec`'s limit when `[mcp] exec_timeout_secs` is not set.
pub const DEFAULT_EXEC_TIMEOUT_SECS: u64 = 300;

/// The code of a call for a secret `[mcp] secrets` leaves out.
pub const NOT_ALLOWED: &str = "fnox::mcp::secret_not_allowed";
/// The code of a `get_secret` of an `as_file` secret.
pub const AS_FILE: &str = "fnox::mcp::as_file";
/// The code of an `exec` killed at `exec_timeout_secs`.
pub const TIMEOUT: &str = "fnox::mcp::exec_timeout";

/// The `[mcp]` settings as the server applies them.
pub struct Settings {
    pub tools: Vec<&'static str>,
    /// None: every secret of the active profiles.
    pub secrets: Option<HashSet<String>>,
    pub exec_timeout: Duration,
    pub redact_output: bool,
}

impl Settings {
    /// The layered `[mcp]` table, with a warning on stderr for what it names that does not exist,
    /// and for an untrusted file's `redact_output = false` (which does not count).
    pub fn from_config(config: &Config) -> Settings {
        let m = config.mcp();
        let tools = match &m.tools {
            None => TOOLS.to_vec(),
            Some((names, _)) => {
                for n in names.iter().filter(|n| !TOOLS.contains(&n.as_str())) {
                    crate::error::warn(format!(
                        "mcp.tools: '{n}' is not a tool this fnox offers (it has {}); left out",
                        TOOLS.join(", ")
                    ));
                }
                TOOLS
                    .into_iter()
                    .filter(|t| names.iter().any(|n| n == t))
                    .collect()
            }
        };
        let secrets = m.secrets.map(|(names, _)| {
            for n in &names {
                if config.secret(n).is_none() {
                    crate::error::warn(format!(
                        "mcp.secrets names '{n}', which the active profiles do not define"
                    ));
                }
            }
            names.into_iter().collect::<HashSet<String>>()
        });
        let redact_output = match m.redact_output {
            Some((false, layer)) if !config.layer_trusted(layer) => {
                crate::error::warn(format!(
                    "mcp.redact_output = false in {} does not count: the file is not trusted (run 'fnox trust' after reading it); exec output stays redacted",
                    config.display(&config.layers[layer].path)
                ));
                true
            }
            Some((v, _)) => v,
            None => true,
        };
        Settings {
            tools,
            secrets,
            exec_timeout: Duration::from_secs(
                m.exec_timeout_secs
                    .map_or(DEFAULT_EXEC_TIMEOUT_SECS, |(s, _)| s),
            ),
            redact_output,
        }
    }
}

/// Serves MCP on stdin/stdout until the client closes stdin.
pub fn serve(config: Config, settings: Settings, opts: ResolveOptions) -> Result<()> {
    let server = Server(Arc::new(Inner {
        config,
        settings,
        opts,
        cache: Mutex::new(HashMap::new()),
    }));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::new("cannot start the MCP server").cause(e))?;
    let outcome = rt.block_on(async move {
        match server.serve(rmcp::transport::stdio()).await {
            Ok(running) => running.waiting().await.map(drop).map_err(|e| e.to_string()),
            // Stdin closed before the handshake: nothing to serve.
            Err(rmcp::service::ServerInitializeError::ConnectionClosed(_)) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    });
    // A blocking read of stdin may still be parked in the pool: do not wait for it.
    rt.shutdown_background();
    outcome.map_err(|e| Error::new("the MCP connection failed").cause(e))
}

#[derive(Clone)]
struct Server(Arc<Inner>);

struct Inner {
    config: Config,
    settings: Settings,
    opts: ResolveOptions,
    /// Values resolved so far this session.
    cache: Mutex<HashMap<String, SecretValue>>,
}

#[derive(serde::Deserialize, schemars::JsonSchema)]
struct GetSecretParams {
    /// The secret's name, as in fnox.toml's [secrets]
    name: String,
}

#[derive(serde::Deserialize, schemars::JsonSchema)]
struct ExecParams {
    #[schemars(
        description = "The program and its arguments, e.g. [\"curl\", \"-sf\", \"https://api.example.com\"]. Run directly, without a shell: $VARIABLES in arguments are not expanded (pass [\"sh\", \"-c\", \"...\"] for that). The secrets are in the program's environment."
    )]
    command: Vec<String>,
}

fn tool<T: schemars::JsonSchema + 'static>(name: &'static str, description: &'static str) -> Tool {
    Tool::new(name, description, JsonObject::new()).with_input_schema::<T>()
}

fn tool_definition(name: &str) -> Option<Tool> {
    match name {
        GET_SECRET => Some(tool::<GetSecretParams>(
            GET_SECRET,
            "Get the value of one secret of the fnox configuration by name.",
        )),
        EXEC => Some(tool::<ExecParams>(
            EXEC,
            "Run a command (no shell) with the fnox secrets as environment variables; returns its exit code, stdout and stderr (secret values in them replaced by [REDACTED] unless redaction is turned off).",
        )),
        _ => None,
    }
}

/// An error for the agent, as fnox renders it for a person (without colour): code, message,
/// causes, hint. Errors never carry values.
fn tool_error(e: &Error) -> CallToolResult {
    let mut text = format!("error[{}]: {}", e.code, e.message);
    for c in &e.causes {
        text.push_str("\n  caused by: ");
        text.push_str(c);
    }
    if let Some(h) = &e.hint {
        text.push_str("\n  hint: ");
        text.push_str(h);
    }
    CallToolResult::error(vec![ContentBlock::text(text)])
}

fn params<T: serde::de::DeserializeOwned>(
    tool: &str,
    args: Option<JsonObject>,
) -> std::result::Result<T, McpError> {
    serde_json::from_value(serde_json::Value::Object(args.unwrap_or_default()))
        .map_err(|e| McpError::invalid_params(format!("bad arguments for {tool}: {e}"), None))
}

impl Inner {
    /// Refuses a secret `[mcp] secrets` leaves out, or one no active profile defines.
    fn check_allowed(&self, name: &str) -> Result<()> {
        if let Some(allowed) = &self.settings.secrets {
            if !allowed.contains(name) {
                return Err(
                    Error::new(format!("secret '{name}' is not available to MCP"))
                        .code(NOT_ALLOWED)
                        .cause("it is not in [mcp] secrets, so fnox does not resolve it for agents")
                        .hint(format!(
                            "add \"{name}\" to [mcp] secrets in fnox.toml to allow it"
                        )),
                );
            }
        }
        if self.config.secret(name).is_none() {
            return Err(Error::new(format!(
                "Secret '{name}' not found in profile '{}'",
                self.config.profiles.join(",")
            ))
            .code("fnox::secret::not_found")
            .hint("ask the user to define it (`fnox set`)"));
        }
        Ok(())
    }

    /// The values of `names` (all allowed and defined), from the cache or resolved now in one
    /// batch (off the async thread: providers run runtimes of their own). With `strict` every
    /// failure is an error; otherwise `if_missing` decides, and a secret left out is absent.
    async fn values(
        self: &Arc<Self>,
        names: Vec<String>,
        strict: bool,
    ) -> Result<Vec<(String, SecretValue)>> {
        let missing: Vec<String> = {
            let cache = self.cache.lock().expect("cache lock");
            names
                .iter()
                .filter(|n| !cache.contains_key(*n))
                .cloned()
                .collect()
        };
        if !missing.is_empty() {
            let inner = self.clone();
            let resolved = tokio::task::spawn_blocking(move || {
                let refs: Vec<&str> = missing.iter().map(String::as_str).collect();
                let opts = ResolveOptions {
                    strict,
                    ..inner.opts
                };
                resolve(&inner.config, &refs, opts)
            })
            .await
            .map_err(|e| Error::new("the resolver stopped").cause(e))??;
            self.cache.lock().expect("cache lock").extend(resolved);
        }
        let cache = self.cache.lock().expect("cache lock");
        Ok(names
            .into_iter()
            .filter_map(|n| cache.get(&n).cloned().map(|v| (n, v)))
            .collect())
    }

    async fn get_secret(self: &Arc<Self>, name: String) -> Result<CallToolResult> {
        self.check_allowed(&name)?;
        let entry = self.config.secret(&name).expect("checked defined");
        if entry.secret.as_file == Some(true) {
            return Err(
                Error::new(format!("secret '{name}' is only handed over as a file"))
                    .code(AS_FILE)
                    .cause(format!(
                        "{} has as_file = true",
                        self.config.locate("secrets", &name, &entry.origin)
                    ))
                    .hint("use the exec tool: the variable holds the file's path"),
            );
        }
        let values = self.values(vec![name], true).await?;
        let (_, value) = values.into_iter().next().expect("strict resolution");
        Ok(CallToolResult::success(vec![ContentBlock::text(
            value.expose(),
        )]))
    }
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        let offered = self.0.settings.tools.join(", ");
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("fnox", env!("CARGO_PKG_VERSION")))
            .with_instructions(format!(
                "fnox hands out the secrets of this project's fnox.toml. Tools: {}.",
                if offered.is_empty() { "none" } else { &offered }
            ))
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<ListToolsResult, McpError> {
        let tools = self
            .0
            .settings
            .tools
            .iter()
            .filter_map(|t| tool_definition(t))
            .collect();
        Ok(ListToolsResult::with_all_items(tools))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.0
            .settings
            .tools
            .contains(&name)
            .then(|| tool_definition(name))
            .flatten()
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<CallToolResponse, McpError> {
        let name = request.name.as_ref();
        if !self.0.settings.tools.contains(&name) {
            let why = if TOOLS.contains(&name) {
                format!("tool '{name}' is turned off by [mcp] tools in fnox.toml")
            } else {
                format!("no tool '{name}'")
            };
            return Err(McpError::invalid_params(why, None));
        }
        let outcome = match name {
            GET_SECRET => {
                let p: GetSecretParams = params(name, request.arguments)?;
                self.0.get_secret(p.name).await
            }
            _ => {
                let p: ExecParams = params(name, request.arguments)?;
                exec::run(&self.0, p.command).await
            }
        };
        Ok(outcome.unwrap_or_else(|e| tool_error(&e)).into())
    }
}
