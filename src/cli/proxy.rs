//! `fnox proxy rules|run`

use std::process::Command;

use super::Ctx;
use crate::config::model::ProxyEgress;
use crate::env_vars;
use crate::error::{Error, Result};
use crate::resolve::{resolve, ResolveOptions};

/// Broker credentials into destination-scoped HTTPS requests: the command gets placeholders, and
/// a local proxy puts the real values in the request headers that `[[proxy.rules]]` allow.
///
/// Each rule names a `secret`, the exact `domain` it may be sent to (HTTPS on port 443), the
/// `header` it goes in (default "authorization"), and optionally `methods`, `paths` (globs),
/// `env` (the variable carrying the placeholder; default the secret's name) and `placeholder`
/// (default: made up for the run). `[proxy] egress = "strict"` (default) refuses every other
/// destination; "permissive" tunnels them untouched. `audit = true` prints each request (method,
/// domain, path, secret names) to stderr. The `[proxy]` table of the highest-priority file that
/// has one is used whole.
///
/// The proxy is not a sandbox: a program that ignores HTTPS_PROXY, or runs fnox itself, is not
/// stopped by it.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Sub,
}

#[derive(clap::Subcommand, Debug)]
pub enum Sub {
    /// Show the effective credential proxy rules (no secret is resolved)
    Rules,
    /// Run a command with placeholder credentials through the local proxy
    ///
    /// The command's environment: each rule's variable set to its placeholder (the active
    /// profiles' secrets themselves removed), HTTPS_PROXY / HTTP_PROXY / ALL_PROXY (and lower
    /// case) pointing at the proxy on 127.0.0.1, and SSL_CERT_FILE, CURL_CA_BUNDLE,
    /// REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, GIT_SSL_CAINFO, CARGO_HTTP_CAINFO and DENO_CERT
    /// naming the file of the run's CA certificate (its key never leaves fnox's memory; the file
    /// is removed when the command exits). Upstream certificates are checked against the
    /// system's roots plus those in FNOX_PROXY_CA_FILE. The exit code is the command's own.
    Run {
        /// The command and its arguments
        #[arg(
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "COMMAND",
            required = true
        )]
        command: Vec<String>,
    },
}

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    match args.command {
        Sub::Rules => rules(ctx),
        Sub::Run { command } => run_command(ctx, &command),
    }
}

fn rules(ctx: &Ctx) -> Result<i32> {
    let config = ctx.load()?;
    let (proxy, _) = crate::proxy::checked(&config)?;
    let mut out = String::new();
    let egress = match proxy.egress {
        ProxyEgress::Strict => "strict",
        ProxyEgress::Permissive => "permissive",
    };
    out.push_str(&format!("egress: {egress}\naudit: {}\n", proxy.audit));
    let any = |v: &[String]| match v.is_empty() {
        true => "*".to_string(),
        false => v.join(","),
    };
    for r in &proxy.rules {
        out.push_str(&format!(
            "{} -> https://{} methods={} paths={} header={} env={}\n",
            r.secret,
            r.domain.to_ascii_lowercase(),
            any(&r.methods),
            any(&r.paths),
            r.header.to_ascii_lowercase(),
            r.env.as_deref().unwrap_or(&r.secret),
        ));
    }
    print!("{}", crate::term::escape_text(&out));
    Ok(0)
}

/// Where the CA certificate goes in the command's environment.
const CA_VARS: [&str; 7] = [
    "SSL_CERT_FILE",
    "CURL_CA_BUNDLE",
    "REQUESTS_CA_BUNDLE",
    "NODE_EXTRA_CA_CERTS",
    "GIT_SSL_CAINFO",
    "CARGO_HTTP_CAINFO",
    "DENO_CERT",
];

fn run_command(ctx: &Ctx, command: &[String]) -> Result<i32> {
    let Some((program, rest)) = command.split_first() else {
        return Err(Error::usage("No command specified")
            .code("fnox::command::not_specified")
            .hint("fnox proxy run -- ./agent"));
    };
    let config = ctx.load()?;
    let (proxy, layer) = crate::proxy::checked(&config)?;
    // The rules name where credentials go: only a file you approved may say so.
    let mut domains: Vec<&str> = proxy.rules.iter().map(|r| r.domain.as_str()).collect();
    domains.dedup();
    config.require_trusted(
        layer,
        &format!("send secrets to {} (its [proxy] rules)", domains.join(", ")),
    )?;
    let mut names: Vec<&str> = Vec::new();
    for r in &proxy.rules {
        if !names.contains(&r.secret.as_str()) {
            names.push(&r.secret);
        }
    }
    let opts = ResolveOptions {
        strict: true,
        ..ctx.resolve_options()
    };
    let values = resolve(&config, &names, opts)?;
    let (policy, placeholders) = crate::proxy::Policy::new(proxy, &values)?;
    drop(values);
    let running = crate::proxy::server::start(policy)?;
    let url = format!("http://{}", running.addr);
    ctx.verbose(format!(
        "proxy on {url}, CA {}",
        running.ca_path().display()
    ));
    crate::error::warn(
        "fnox proxy is not a sandbox: a program that ignores the proxy variables can reach the network directly",
    );

    let mut cmd = Command::new(program);
    cmd.args(rest);
    // No real value reaches the command: not the secrets an activated shell exported, not
    // fnox's own key material, not the providers' ambient credentials.
    for s in config.secrets() {
        cmd.env_remove(s.name);
    }
    for var in env_vars::KEY_MATERIAL
        .iter()
        .chain(crate::proxy::AMBIENT_CREDENTIALS)
    {
        cmd.env_remove(var);
    }
    for (var, placeholder) in &placeholders {
        cmd.env(var, placeholder);
    }
    for var in [
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "ALL_PROXY",
        "https_proxy",
        "http_proxy",
        "all_proxy",
    ] {
        cmd.env(var, &url);
    }
    // Loopback services stay direct, as upstream does.
    cmd.env("NO_PROXY", "localhost,127.0.0.1,::1")
        .env("no_proxy", "localhost,127.0.0.1,::1");
    cmd.env("NODE_USE_ENV_PROXY", "1");
    for var in CA_VARS {
        cmd.env(var, running.ca_path());
    }
    let code = crate::child::run_child(cmd, program, None);
    drop(running);
    code
}
