//! Where an Azure token comes from, tried in this order (the official SDKs' DefaultAzureCredential
//! sources, with the ones a workstation uses before the network probe):
//!
//! 1. a service principal's client secret: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET
//!    (OAuth 2.0 client credentials against Microsoft Entra ID at AZURE_AUTHORITY_HOST);
//! 2. workload identity (AKS, GitHub OIDC): AZURE_FEDERATED_TOKEN_FILE with the tenant and client;
//! 3. App Service / Functions managed identity: IDENTITY_ENDPOINT and IDENTITY_HEADER;
//! 4. the Azure CLI's login: `az account get-access-token`, the user's own `az` from PATH (never a
//!    command a config file names, so an untrusted fnox.toml cannot make it run anything else);
//! 5. a VM's managed identity through the instance metadata service (IMDS), 169.254.169.254 or
//!    AZURE_POD_IDENTITY_AUTHORITY_HOST, given two seconds to answer.
//!
//! A source that is set up but fails (a wrong client secret) is an error at once; a source that
//! is not set up is skipped, and when none works the error lists why each was skipped.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::env_vars;
use crate::provider::{ErrorKind, ProviderError};

/// The Microsoft Entra tenant (directory) id of the service principal.
pub const AZURE_TENANT_ID: &str = "AZURE_TENANT_ID";
/// The service principal's application (client) id; with managed identity, a user-assigned one.
pub const AZURE_CLIENT_ID: &str = "AZURE_CLIENT_ID";
/// The service principal's client secret.
pub const AZURE_CLIENT_SECRET: &str = "AZURE_CLIENT_SECRET";
/// Microsoft Entra ID's address (default https://login.microsoftonline.com; sovereign clouds
/// have their own).
pub const AZURE_AUTHORITY_HOST: &str = "AZURE_AUTHORITY_HOST";
/// A file holding a federated token (workload identity), read anew for each run.
pub const AZURE_FEDERATED_TOKEN_FILE: &str = "AZURE_FEDERATED_TOKEN_FILE";
/// App Service / Functions managed identity endpoint, set by the platform.
pub const IDENTITY_ENDPOINT: &str = "IDENTITY_ENDPOINT";
/// The secret header App Service's managed identity endpoint wants, set by the platform.
pub const IDENTITY_HEADER: &str = "IDENTITY_HEADER";
/// The instance metadata service's address instead of http://169.254.169.254 (pod identity).
pub const AZURE_POD_IDENTITY_AUTHORITY_HOST: &str = "AZURE_POD_IDENTITY_AUTHORITY_HOST";

const DEFAULT_AUTHORITY: &str = "https://login.microsoftonline.com";
const IMDS: &str = "http://169.254.169.254";
const AZ_TIMEOUT: Duration = Duration::from_secs(30);

/// A bearer token and who it stands for. No Debug: it holds the token.
pub struct Token {
    pub token: String,
    pub identity: String,
}

/// The first source that gives a token for `resource` (e.g. `https://vault.azure.net`).
pub async fn token(
    service: &str,
    http: &reqwest::Client,
    resource: &str,
) -> Result<Token, ProviderError> {
    let tenant = env_vars::non_empty(AZURE_TENANT_ID);
    let client = env_vars::non_empty(AZURE_CLIENT_ID);
    let mut skipped: Vec<String> = Vec::new();

    match (&tenant, &client, env_vars::non_empty(AZURE_CLIENT_SECRET)) {
        (Some(t), Some(c), Some(secret)) => {
            let form = [
                ("grant_type", "client_credentials"),
                ("client_id", c.as_str()),
                ("client_secret", secret.as_str()),
                ("scope", &format!("{resource}/.default")),
            ];
            let identity = format!("service principal {c} (AZURE_CLIENT_ID)");
            return entra(service, http, t, &form, identity, "AZURE_CLIENT_SECRET").await;
        }
        (t, c, s) => {
            let missing: Vec<&str> = [
                (AZURE_TENANT_ID, t.is_some()),
                (AZURE_CLIENT_ID, c.is_some()),
                (AZURE_CLIENT_SECRET, s.is_some()),
            ]
            .iter()
            .filter(|(_, set)| !set)
            .map(|(name, _)| *name)
            .collect();
            skipped.push(format!("client secret: {} not set", missing.join(", ")));
        }
    }

    match (
        &tenant,
        &client,
        env_vars::non_empty(AZURE_FEDERATED_TOKEN_FILE),
    ) {
        (Some(t), Some(c), Some(file)) => {
            let assertion = std::fs::read_to_string(&file).map_err(|e| {
                ProviderError::new(
                    ErrorKind::AccessDenied,
                    format!("{service}: cannot read AZURE_FEDERATED_TOKEN_FILE {file}: {e}"),
                )
            })?;
            let form = [
                ("grant_type", "client_credentials"),
                ("client_id", c.as_str()),
                (
                    "client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                ),
                ("client_assertion", assertion.trim()),
                ("scope", &format!("{resource}/.default")),
            ];
            let identity = format!("workload identity {c} (AZURE_FEDERATED_TOKEN_FILE)");
            return entra(
                service,
                http,
                t,
                &form,
                identity,
                "AZURE_FEDERATED_TOKEN_FILE",
            )
            .await;
        }
        (_, _, None) => skipped.push("workload identity: AZURE_FEDERATED_TOKEN_FILE not set".into()),
        _ => skipped.push(
            "workload identity: AZURE_FEDERATED_TOKEN_FILE needs AZURE_TENANT_ID and AZURE_CLIENT_ID"
                .into(),
        ),
    }

    match (
        env_vars::non_empty(IDENTITY_ENDPOINT),
        env_vars::non_empty(IDENTITY_HEADER),
    ) {
        (Some(endpoint), Some(header)) => {
            let mut query = vec![("api-version", "2019-08-01"), ("resource", resource)];
            if let Some(c) = &client {
                query.push(("client_id", c));
            }
            let req = http
                .get(&endpoint)
                .query(&query)
                .header("X-IDENTITY-HEADER", header);
            let what = "the App Service managed identity (IDENTITY_ENDPOINT)";
            return managed(service, req, what, &endpoint)
                .await?
                .ok_or_else(|| no_answer(service, what, &endpoint));
        }
        _ => skipped.push("App Service managed identity: IDENTITY_ENDPOINT not set".into()),
    }

    match azure_cli(service, resource)? {
        Ok(token) => return Ok(token),
        Err(why) => skipped.push(format!("Azure CLI: {why}")),
    }

    let host =
        env_vars::non_empty(AZURE_POD_IDENTITY_AUTHORITY_HOST).unwrap_or_else(|| IMDS.to_owned());
    let url = format!(
        "{}/metadata/identity/oauth2/token",
        host.trim_end_matches('/')
    );
    let mut query = vec![("api-version", "2018-02-01"), ("resource", resource)];
    if let Some(c) = &client {
        query.push(("client_id", c));
    }
    let req = http
        .get(&url)
        .query(&query)
        .header("Metadata", "true")
        .timeout(Duration::from_secs(2));
    match managed(service, req, "the managed identity (IMDS)", &host).await? {
        Some(token) => return Ok(token),
        None => skipped.push(format!(
            "managed identity: no instance metadata service at {host}"
        )),
    }

    Err(ProviderError::new(
        ErrorKind::AccessDenied,
        format!(
            "{service}: no Azure credentials found (tried {})",
            skipped.join("; ")
        ),
    )
    .hint(super::CREDENTIALS_HINT))
}

fn no_answer(service: &str, what: &str, address: &str) -> ProviderError {
    ProviderError::new(
        ErrorKind::Unreachable,
        format!("{service}: {what} at {address} did not answer"),
    )
}

/// The first line of an Entra error description (the rest is trace and correlation ids).
fn first_line(text: &str) -> &str {
    text.split(['\r', '\n']).next().unwrap_or("").trim()
}

/// A client-credentials token request to Entra ID; `source` names the setting that failed.
async fn entra(
    service: &str,
    http: &reqwest::Client,
    tenant: &str,
    form: &[(&str, &str)],
    identity: String,
    source: &str,
) -> Result<Token, ProviderError> {
    if tenant.is_empty()
        || !tenant
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    {
        return Err(ProviderError::new(
            ErrorKind::Config,
            format!("{service}: AZURE_TENANT_ID is not a tenant id or domain"),
        )
        .hint("set it to the directory (tenant) id of the service principal, a GUID"));
    }
    let authority =
        env_vars::non_empty(AZURE_AUTHORITY_HOST).unwrap_or_else(|| DEFAULT_AUTHORITY.to_owned());
    let authority = authority.trim_end_matches('/');
    if !authority.starts_with("https://") {
        return Err(ProviderError::new(
            ErrorKind::Config,
            format!("{service}: AZURE_AUTHORITY_HOST must be an https URL"),
        )
        .hint("unset it for Azure's public cloud, or set e.g. https://login.microsoftonline.us"));
    }
    let url = format!("{authority}/{tenant}/oauth2/v2.0/token");
    let resp = http.post(&url).form(form).send().await.map_err(|e| {
        let mut err = super::transport(service, authority, "a token", &e);
        err.hint = Some(
            "check the network and AZURE_AUTHORITY_HOST (default https://login.microsoftonline.com)"
                .to_owned(),
        );
        err
    })?;
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    if let Some(token) = body["access_token"].as_str().filter(|_| status == 200) {
        return Ok(Token {
            token: token.to_owned(),
            identity,
        });
    }
    let code = body["error"].as_str().unwrap_or("");
    let description = first_line(body["error_description"].as_str().unwrap_or(""));
    let detail = match (code.is_empty(), description.is_empty()) {
        (true, _) => format!("HTTP {status}"),
        (false, true) => code.to_owned(),
        (false, false) => format!("{code}: {description}"),
    };
    let kind = if status >= 500 {
        ErrorKind::Unreachable
    } else {
        ErrorKind::AccessDenied
    };
    Err(ProviderError::new(
        kind,
        format!("{service}: Microsoft Entra ID refused a token to {identity} ({detail})"),
    )
    .hint(format!(
        "check AZURE_TENANT_ID, AZURE_CLIENT_ID and {source}, or unset them to use `az login`"
    )))
}

/// A managed identity token request. None when nothing answers (not on that platform); an
/// error when the endpoint answers but gives no token.
async fn managed(
    service: &str,
    req: reqwest::RequestBuilder,
    what: &str,
    address: &str,
) -> Result<Option<Token>, ProviderError> {
    let resp = match req.send().await {
        Ok(r) => r,
        Err(e) if e.is_connect() || e.is_timeout() => return Ok(None),
        Err(e) => return Err(super::transport(service, address, "a token", &e)),
    };
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    if let Some(token) = body["access_token"].as_str().filter(|_| status == 200) {
        return Ok(Some(Token {
            token: token.to_owned(),
            identity: what.to_owned(),
        }));
    }
    let code = body["error"].as_str().unwrap_or("");
    let description = first_line(body["error_description"].as_str().unwrap_or(""));
    Err(ProviderError::new(
        ErrorKind::AccessDenied,
        format!("{service}: {what} gave no token (HTTP {status} {code} {description})")
            .trim_end()
            .to_owned(),
    )
    .hint(format!(
        "check that the identity is enabled (and AZURE_CLIENT_ID, for a user-assigned one), or {}",
        super::CREDENTIALS_HINT
    )))
}

/// `az account get-access-token --output json --resource RESOURCE`, run from `/` with colours
/// off, as the SDK runs it. Ok(Err(why)) when the CLI is missing or not logged in.
fn azure_cli(service: &str, resource: &str) -> Result<Result<Token, String>, ProviderError> {
    let Some(az) = find_on_path("az") else {
        return Ok(Err("`az` not found on PATH".to_owned()));
    };
    let mut child = Command::new(&az)
        .args([
            "account",
            "get-access-token",
            "--output",
            "json",
            "--resource",
            resource,
        ])
        .current_dir("/")
        .env("AZURE_CORE_NO_COLOR", "true")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            ProviderError::new(
                ErrorKind::Other,
                format!("{service}: cannot run {}: {e}", az.display()),
            )
        })?;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > AZ_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ProviderError::new(
                    ErrorKind::Unreachable,
                    format!(
                        "{service}: `az account get-access-token` did not finish in {} s",
                        AZ_TIMEOUT.as_secs()
                    ),
                )
                .hint(
                    "run it by hand to see why, or use a service principal (AZURE_CLIENT_ID, ...)",
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => {
                return Err(ProviderError::new(
                    ErrorKind::Other,
                    format!("{service}: waiting for `az`: {e}"),
                ))
            }
        }
    };
    let out = child.wait_with_output().map_err(|e| {
        ProviderError::new(
            ErrorKind::Other,
            format!("{service}: reading `az`'s output: {e}"),
        )
    })?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !status.success() {
        if (stderr.contains("az login") || stderr.contains("az account set"))
            && !stderr.contains("AADSTS")
        {
            return Ok(Err("not logged in (run `az login`)".to_owned()));
        }
        let line = stderr
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("no message")
            .trim_start_matches("ERROR: ");
        return Err(ProviderError::new(
            ErrorKind::AccessDenied,
            format!("{service}: `az account get-access-token` failed ({status}: {line})"),
        )
        .hint("run `az login` again, or use a service principal (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET)"));
    }
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    match json["accessToken"].as_str() {
        Some(token) => Ok(Ok(Token {
            token: token.to_owned(),
            identity: "your Azure CLI login (`az`)".to_owned(),
        })),
        None => Err(ProviderError::new(
            ErrorKind::Other,
            format!("{service}: `az account get-access-token` printed no accessToken"),
        )
        .hint("update the Azure CLI, or use a service principal (AZURE_CLIENT_ID, ...)")),
    }
}

fn find_on_path(name: &str) -> Option<std::path::PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .filter(|d| d.is_absolute())
        .map(|d| d.join(name))
        .find(|p| {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                p.metadata()
                    .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            }
            #[cfg(not(unix))]
            {
                p.is_file()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entra_descriptions_lose_their_trace_lines() {
        assert_eq!(
            first_line("AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x\r\n"),
            "AADSTS7000215: Invalid client secret provided."
        );
        assert_eq!(first_line(""), "");
    }
}
