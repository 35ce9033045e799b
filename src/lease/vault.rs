//! `type = "vault"`: a dynamic secret (or a token) from HashiCorp Vault / OpenBao. fnox reads
//! `secret_path` (GET, or POST with `method = "post"`, e.g. `pki/issue/ROLE`; POST sends the
//! duration as `ttl`) and maps the reply's `data` fields, or its `auth` fields for a login or
//! `auth/token/create`, to variables with `env_map`. The lease is revoked with
//! `sys/leases/revoke` (a token by its accessor). Address, token and namespace as the `vault`
//! provider finds them (the lease's fields, FNOX_VAULT_* / VAULT_*, `credential_command`,
//! ~/.vault-token); a fnox secret named VAULT_TOKEN is the token too.

use std::time::Duration;

use serde_json::{json, Value};

use super::{check_fields, new_lease_id, string_field, BuildContext, Issued, LeaseBackend};
use crate::error::{Error, Result};
use crate::provider::vault::{Connection, Target};
use crate::secret::SecretValue;

const MAX_DURATION: Duration = Duration::from_secs(24 * 3600);
/// The lease id of a token, revoked through its accessor.
const ACCESSOR_PREFIX: &str = "token-accessor:";

pub struct VaultLease<'a> {
    path: String,
    post: bool,
    env_map: Vec<(String, String)>,
    /// The target without its token, which is read when the connection is first needed.
    target: Target,
    ctx: BuildContext<'a>,
    conn: std::sync::OnceLock<Connection>,
}

impl<'a> VaultLease<'a> {
    pub fn new(ctx: &BuildContext<'a>, fields: toml::Table) -> std::result::Result<Self, String> {
        check_fields(
            &fields,
            &[
                "secret_path",
                "env_map",
                "address",
                "token",
                "credential_command",
                "namespace",
                "method",
            ],
        )?;
        let path = string_field(&fields, "secret_path")?
            .map(|p| p.trim_matches('/').to_owned())
            .filter(|p| !p.is_empty())
            .ok_or("a vault lease needs `secret_path` (e.g. \"database/creds/readonly\")")?;
        let post = match string_field(&fields, "method")?.as_deref() {
            None => false,
            Some(m) if m.eq_ignore_ascii_case("get") => false,
            Some(m) if m.eq_ignore_ascii_case("post") => true,
            Some(m) => return Err(format!("`method = {m:?}` must be \"get\" or \"post\"")),
        };
        let env_map = match fields.get("env_map") {
            Some(toml::Value::Table(t)) if !t.is_empty() => t
                .iter()
                .map(|(field, var)| match var {
                    toml::Value::String(v) => Ok((field.clone(), v.clone())),
                    _ => Err(format!("`env_map.{field}` must be a variable name (a string)")),
                })
                .collect::<std::result::Result<Vec<_>, _>>()?,
            _ => {
                return Err("a vault lease needs `env_map`, a table of reply fields to variables (e.g. [leases.NAME.env_map] username = \"DB_USER\")".to_owned())
            }
        };
        let target = Target {
            address: string_field(&fields, "address")?,
            token: string_field(&fields, "token")?,
            namespace: string_field(&fields, "namespace")?,
            credential_command: string_field(&fields, "credential_command")?,
            path: Some(path.clone()),
        };
        Ok(VaultLease {
            path,
            post,
            env_map,
            target,
            ctx: ctx.clone(),
            conn: std::sync::OnceLock::new(),
        })
    }

    /// The connection, with the token from the lease, else a fnox secret named FNOX_VAULT_TOKEN
    /// or VAULT_TOKEN (else the environment's, `credential_command`, ~/.vault-token).
    fn conn(&self) -> Result<&Connection> {
        if let Some(c) = self.conn.get() {
            return Ok(c);
        }
        let mut target = self.target.clone();
        if target.token.is_none() {
            let token = match self.ctx.master("FNOX_VAULT_TOKEN")? {
                Some(t) => Some(t),
                None => self.ctx.master("VAULT_TOKEN")?,
            };
            target.token = token.map(|t| t.expose().to_owned());
        }
        Ok(self.conn.get_or_init(|| Connection::new("vault", target)))
    }
}

fn provider(e: crate::provider::ProviderError) -> Error {
    let mut err = Error::new(e.message);
    err.hint = e.hint;
    err
}

impl LeaseBackend for VaultLease<'_> {
    fn create(&self, duration: Duration, _label: &str) -> Result<Issued> {
        let what = format!("`{}`", self.path);
        let conn = self.conn()?;
        let reply = conn
            .run(async {
                let (method, body) = if self.post {
                    let ttl = format!("{}s", duration.as_secs());
                    (reqwest::Method::POST, Some(json!({ "ttl": ttl })))
                } else {
                    (reqwest::Method::GET, None)
                };
                let reply = conn.call(method, &self.path, body.as_ref(), &what).await?;
                if !reply.ok() {
                    return Err(conn.unexpected(&reply, &what));
                }
                Ok(reply)
            })
            .map_err(provider)?;
        let body = reply.body;
        let auth = body.get("auth").filter(|a| a.is_object());
        let field = |name: &str| -> Option<&Value> {
            body.get("data")
                .and_then(|d| d.get(name))
                .or_else(|| auth.and_then(|a| a.get(name)))
        };
        let mut credentials = Vec::new();
        for (name, var) in &self.env_map {
            let value = match field(name) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => {
                    return Err(Error::new(format!(
                        "Vault's reply for {what} has no field `{name}` (env_map.{name} = \"{var}\")"
                    ))
                    .hint("map the fields the secret engine returns (see `vault read` of the same path), e.g. username, password, access_key, client_token"));
                }
                // Numbers, lists (a CA chain) as JSON text.
                Some(other) => other.to_string(),
            };
            credentials.push((var.clone(), SecretValue::new(value)));
        }
        let lease_id = body["lease_id"].as_str().filter(|s| !s.is_empty());
        let accessor = auth.and_then(|a| a["accessor"].as_str());
        let seconds = match (lease_id, auth) {
            (None, Some(a)) => a["lease_duration"].as_u64(),
            _ => body["lease_duration"].as_u64(),
        }
        .unwrap_or(0);
        let requested = duration.as_secs();
        if seconds > 0 && (seconds * 2 < requested || seconds > requested * 2) {
            crate::error::warn(format!(
                "Vault gave {what} a lease of {}s, not the {requested}s asked for (the role's TTL decides)",
                seconds
            ));
        }
        let lease_id = match (lease_id, accessor) {
            (Some(id), _) => id.to_owned(),
            (None, Some(acc)) => format!("{ACCESSOR_PREFIX}{acc}"),
            (None, None) => new_lease_id("vault"),
        };
        Ok(Issued {
            lease_id,
            credentials,
            expires_at: (seconds > 0).then(|| super::time::now() + seconds),
        })
    }

    fn revoke(&self, lease_id: &str) -> Result<()> {
        if lease_id.starts_with("vault-") && !lease_id.contains('/') {
            // An id fnox made up: Vault has no lease for it.
            return Ok(());
        }
        let (path, body) = match lease_id.strip_prefix(ACCESSOR_PREFIX) {
            Some(acc) => ("auth/token/revoke-accessor", json!({ "accessor": acc })),
            None => ("sys/leases/revoke", json!({ "lease_id": lease_id })),
        };
        let what = format!("lease {lease_id}");
        let conn = self.conn()?;
        conn.run(async {
            let reply = conn
                .call(reqwest::Method::PUT, path, Some(&body), &what)
                .await?;
            if !reply.ok() {
                return Err(conn.unexpected(&reply, &what));
            }
            Ok(())
        })
        .map_err(provider)
    }

    fn max_duration(&self) -> Duration {
        MAX_DURATION
    }
}
