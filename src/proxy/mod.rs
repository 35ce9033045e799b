//! `fnox proxy`: the credential proxy. The command gets placeholders instead of secret values,
//! and a loopback HTTPS proxy (CONNECT, TLS terminated with a per-run CA) puts the real values
//! in request headers, only where a `[[proxy.rules]]` entry allows: exact domain, port 443,
//! method, path and header. Every other destination is refused with `egress = "strict"` (the
//! default) or tunnelled untouched with `egress = "permissive"`.
//!
//! This module is the policy: the rules checked against the config, the placeholders, the
//! decision for one request and the redaction of values reflected in a response. `ca` makes the
//! certificates, `server` moves the bytes.

pub mod ca;
pub mod server;

use std::collections::HashSet;

use aho_corasick::AhoCorasick;
use globset::{GlobSet, GlobSetBuilder};
use hyper::header::{HeaderMap, HeaderValue};
use indexmap::IndexMap;

use crate::config::load::Config;
use crate::config::model::{ProxyConfig, ProxyEgress, ProxyRule};
use crate::error::{Error, Result};
use crate::secret::SecretValue;

/// The code of `fnox proxy` without a `[proxy]` table or with no rules in it.
pub const NOT_CONFIGURED: &str = "fnox::proxy::not_configured";
/// The code of a `[[proxy.rules]]` entry that cannot work (bad domain, header, method, path,
/// unknown secret, clashing placeholders).
pub const INVALID_RULE: &str = "fnox::proxy::invalid_rule";

/// Credentials the providers' own tools and SDKs pick up from the environment: removed from the
/// command's, so it cannot go around the proxy with them (as upstream does).
pub const AMBIENT_CREDENTIALS: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_CONFIG_FILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ROLE_ARN",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
    "VAULT_TOKEN",
    "VAULT_ADDR",
    "VAULT_AGENT_ADDR",
    "VAULT_CLIENT_CERT",
    "VAULT_CLIENT_KEY",
    "FNOX_VAULT_TOKEN",
    "FNOX_VAULT_ADDR",
    "BAO_TOKEN",
    "BAO_ADDR",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "AZURE_CLIENT_ID",
    "AZURE_CLIENT_SECRET",
    "AZURE_TENANT_ID",
    "AZURE_CLIENT_CERTIFICATE_PATH",
    "AZURE_CLIENT_CERTIFICATE_PASSWORD",
    "AZURE_USERNAME",
    "AZURE_PASSWORD",
    "AZURE_FEDERATED_TOKEN_FILE",
    "AZURE_ACCESS_TOKEN",
    "OP_SERVICE_ACCOUNT_TOKEN",
    "BW_SESSION",
    "BWS_ACCESS_TOKEN",
    "INFISICAL_TOKEN",
    "DOPPLER_TOKEN",
    "PASSWORDSTATE_API_KEY",
    "COSMIAN_KMS_URL",
    "PASSWORD_STORE_DIR",
    "FNOX_PASSWORD_STORE_DIR",
];

/// Limit of a request or response body passing through the proxy.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// The `[proxy]` table in effect, checked: every rule well formed and naming a defined secret.
pub fn checked(config: &Config) -> Result<(&ProxyConfig, usize)> {
    let Some((proxy, layer)) = config.proxy() else {
        return Err(Error::new("no [proxy] table in the config files")
            .code(NOT_CONFIGURED)
            .hint("add a [proxy] table with [[proxy.rules]] entries (secret, domain) to fnox.toml; see the README's \"Credential proxy\""));
    };
    let file = config.display(&config.layers[layer].path);
    if proxy.rules.is_empty() {
        return Err(Error::new(format!("[proxy] in {file} has no rules"))
            .code(NOT_CONFIGURED)
            .hint("add [[proxy.rules]] entries: secret = \"NAME\", domain = \"api.example.com\""));
    }
    for (i, rule) in proxy.rules.iter().enumerate() {
        let bad = |why: String| {
            Error::new(format!(
                "proxy.rules[{i}] (secret '{}') in {file} cannot be used",
                rule.secret
            ))
            .code(INVALID_RULE)
            .cause(why)
        };
        check_rule(rule).map_err(bad)?;
        if config.secret(&rule.secret).is_none() {
            let names: Vec<&str> = config.secrets().iter().map(|s| s.name).collect();
            let mut e = bad(format!(
                "the active profiles define no secret '{}'",
                rule.secret
            ));
            e.hint = crate::error::did_you_mean(&rule.secret, names);
            return Err(e.or_hint("define the secret, or use the profile that has it (-P)"));
        }
    }
    Ok((proxy, layer))
}

fn check_rule(rule: &ProxyRule) -> std::result::Result<(), String> {
    let d = &rule.domain;
    if d.is_empty()
        || d.ends_with('.')
        || d.contains(['/', ':', '*', '@'])
        || d.chars().any(char::is_whitespace)
    {
        return Err(format!(
            "domain '{d}' is not an exact host name (no scheme, port, path or wildcard)"
        ));
    }
    if rule.header.is_empty()
        || !rule
            .header
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(format!("header '{}' is not a header name", rule.header));
    }
    for m in &rule.methods {
        if m.is_empty() || !m.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(format!("method '{m}' is not an HTTP method"));
        }
    }
    compile_paths(&rule.paths)?;
    if rule.placeholder.as_deref() == Some("") {
        return Err("placeholder is empty".into());
    }
    if let Some(env) = &rule.env {
        if env.is_empty() || env.contains(['=', '\0']) {
            return Err(format!("env '{env}' is not a variable name"));
        }
    }
    Ok(())
}

fn compile_paths(paths: &[String]) -> std::result::Result<Option<GlobSet>, String> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for p in paths {
        if !p.starts_with('/') {
            return Err(format!("path '{p}' does not start with '/'"));
        }
        let glob = globset::GlobBuilder::new(p)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("path '{p}' is not a glob: {e}"))?;
        set.add(glob);
    }
    set.build()
        .map(Some)
        .map_err(|e| format!("paths are not globs: {e}"))
}

/// One rule, ready: its placeholder and the value it stands for.
#[derive(Debug)]
pub struct Rule {
    pub secret: String,
    pub domain: String,
    /// Lower case.
    pub header: String,
    /// Upper case; empty: any.
    pub methods: Vec<String>,
    paths: Option<GlobSet>,
    pub placeholder: String,
    value: SecretValue,
}

impl Rule {
    fn route_matches(&self, method: &str, path: &str) -> bool {
        (self.methods.is_empty() || self.methods.iter().any(|m| m == method))
            && self.paths.as_ref().is_none_or(|p| p.is_match(path))
    }
}

/// What the proxy enforces for a run.
#[derive(Debug)]
pub struct Policy {
    pub egress: ProxyEgress,
    pub audit: bool,
    pub rules: Vec<Rule>,
    /// Every value, to be replaced by its placeholder where a response reflects it.
    redactor: Option<AhoCorasick>,
}

/// Why a request is refused (403): names and routes only, never a value.
#[derive(Debug)]
pub struct Refusal(pub String);

impl Policy {
    /// The policy and the variables the command gets (placeholders by variable name), from the
    /// checked `[proxy]` table and the values of its secrets.
    pub fn new(
        proxy: &ProxyConfig,
        values: &IndexMap<String, SecretValue>,
    ) -> Result<(Policy, IndexMap<String, String>)> {
        let bad = |i: usize, secret: &str, why: &str| {
            Error::new(format!(
                "proxy.rules[{i}] (secret '{secret}') cannot be used"
            ))
            .code(INVALID_RULE)
            .cause(why.to_string())
        };
        let mut by_secret: IndexMap<&str, String> = IndexMap::new();
        let mut env: IndexMap<String, String> = IndexMap::new();
        let mut rules = Vec::new();
        for (i, r) in proxy.rules.iter().enumerate() {
            let Some(value) = values.get(&r.secret) else {
                return Err(bad(i, &r.secret, "the secret did not resolve"));
            };
            if value.expose().is_empty() {
                return Err(bad(i, &r.secret, "the secret's value is empty"));
            }
            let placeholder = match (by_secret.get(r.secret.as_str()), &r.placeholder) {
                (Some(p), Some(q)) if p != q => {
                    return Err(bad(
                        i,
                        &r.secret,
                        "another rule for this secret has a different placeholder",
                    ))
                }
                (Some(p), _) => p.clone(),
                (None, Some(q)) => q.clone(),
                (None, None) => generated_placeholder()?,
            };
            by_secret.insert(&r.secret, placeholder.clone());
            let var = r.env.clone().unwrap_or_else(|| r.secret.clone());
            if env.get(&var).is_some_and(|p| *p != placeholder) {
                return Err(bad(
                    i,
                    &r.secret,
                    &format!("variable {var} would carry the placeholders of two secrets"),
                ));
            }
            env.insert(var, placeholder.clone());
            rules.push(Rule {
                secret: r.secret.clone(),
                domain: r.domain.to_ascii_lowercase(),
                header: r.header.to_ascii_lowercase(),
                methods: r.methods.iter().map(|m| m.to_ascii_uppercase()).collect(),
                paths: compile_paths(&r.paths).map_err(|w| bad(i, &r.secret, &w))?,
                placeholder,
                value: value.clone(),
            });
        }
        // A placeholder must identify one secret and never be found inside a real value.
        let placeholders: Vec<(&str, &String)> = by_secret.iter().map(|(s, p)| (*s, p)).collect();
        let mut seen = HashSet::new();
        for (i, (secret, p)) in placeholders.iter().enumerate() {
            let clash = !seen.insert(p.as_str())
                || placeholders
                    .iter()
                    .skip(i + 1)
                    .any(|(_, q)| q.contains(p.as_str()) || p.contains(q.as_str()))
                || values.values().any(|v| v.expose().contains(p.as_str()));
            if clash {
                return Err(Error::new(format!(
                    "the placeholder of '{secret}' cannot be used"
                ))
                .code(INVALID_RULE)
                .cause("it equals, contains or is contained in another placeholder or a secret value")
                .hint("give each secret a distinct placeholder, or leave `placeholder` out to get a generated one"));
            }
        }
        let redactor = AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(rules.iter().map(|r| r.value.expose().as_bytes()))
            .ok();
        Ok((
            Policy {
                egress: proxy.egress,
                audit: proxy.audit,
                rules,
                redactor,
            },
            env,
        ))
    }

    /// Whether any rule names this destination (then it is intercepted, never tunnelled).
    pub fn has_domain(&self, domain: &str) -> bool {
        self.rules.iter().any(|r| r.domain == domain)
    }

    /// The decision for one request to `domain`: substitutes the placeholders in `headers` where
    /// a rule allows and returns the names of the secrets put in; a placeholder anywhere a rule
    /// does not allow it, or a route no rule of the domain allows, refuses the whole request.
    pub fn authorize(
        &self,
        domain: &str,
        method: &str,
        path: &str,
        headers: &mut HeaderMap,
    ) -> std::result::Result<Vec<String>, Refusal> {
        let rules: Vec<&Rule> = self.rules.iter().filter(|r| r.domain == domain).collect();
        if rules.is_empty() {
            return Err(Refusal(format!("destination {domain} is not allowed")));
        }
        if !rules.iter().any(|r| r.route_matches(method, path)) {
            return Err(Refusal(format!(
                "{method} {domain}{path} matches no rule of {domain}"
            )));
        }
        // Placeholders of other domains' rules are never replaced here, and refused too: a
        // command that sends one to the wrong place is leaking what it should not have.
        let mut injected = Vec::new();
        for (name, value) in headers.iter_mut() {
            let mut bytes = value.as_bytes().to_vec();
            let mut changed = false;
            for rule in &self.rules {
                let needle = rule.placeholder.as_bytes();
                let count = count_of(&bytes, needle);
                if count == 0 {
                    continue;
                }
                if rule.domain != domain
                    || !rule.route_matches(method, path)
                    || name.as_str() != rule.header
                {
                    return Err(Refusal(format!(
                        "the placeholder of '{}' is not allowed in header '{}' of {method} {domain}{path}",
                        rule.secret, name
                    )));
                }
                if count > 1 {
                    return Err(Refusal(format!(
                        "the placeholder of '{}' appears more than once",
                        rule.secret
                    )));
                }
                bytes = replace_bytes(&bytes, needle, rule.value.expose().as_bytes());
                changed = true;
                injected.push(rule.secret.clone());
            }
            if changed {
                let mut v = HeaderValue::from_bytes(&bytes).map_err(|_| {
                    Refusal(format!(
                        "the value of a secret cannot be carried in header '{name}'"
                    ))
                })?;
                v.set_sensitive(true);
                *value = v;
            }
            bytes.fill(0);
        }
        Ok(injected)
    }

    /// `bytes` with every secret value replaced by its placeholder.
    pub fn redact(&self, bytes: &[u8]) -> Vec<u8> {
        match &self.redactor {
            Some(ac) => {
                let with: Vec<&[u8]> = self
                    .rules
                    .iter()
                    .map(|r| r.placeholder.as_bytes())
                    .collect();
                ac.replace_all_bytes(bytes, &with)
            }
            None => bytes.to_vec(),
        }
    }
}

fn count_of(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() || hay.len() < needle.len() {
        return 0;
    }
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

fn replace_bytes(hay: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len() + with.len());
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(needle) {
            out.extend_from_slice(with);
            i += needle.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// A placeholder unique to the run: `fnox_proxy_` and 24 random hex digits.
fn generated_placeholder() -> Result<String> {
    let mut buf = [0u8; 12];
    getrandom::fill(&mut buf)
        .map_err(|e| Error::new("cannot make a placeholder").cause(e.to_string()))?;
    Ok(format!("fnox_proxy_{}", hex::encode(buf)))
}

/// A request path that could mean another path after decoding (`..`, `%2e`, `%2f`, `\`):
/// refused, so a path rule cannot be walked around.
pub fn ambiguous_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.contains('\\')
        || lower.contains("%2e")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || lower.split('/').any(|s| s == "." || s == "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(methods: &[&str], paths: &[&str]) -> Policy {
        let cfg = ProxyConfig {
            egress: ProxyEgress::Strict,
            audit: false,
            rules: vec![ProxyRule {
                secret: "TOKEN".into(),
                domain: "api.example.com".into(),
                env: None,
                header: "authorization".into(),
                methods: methods.iter().map(|s| s.to_string()).collect(),
                paths: paths.iter().map(|s| s.to_string()).collect(),
                placeholder: Some("PH_1".into()),
            }],
        };
        let values = [("TOKEN".to_string(), SecretValue::from("real-1"))]
            .into_iter()
            .collect();
        Policy::new(&cfg, &values).unwrap().0
    }

    fn headers(name: &'static str, v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn substitutes_on_the_allowed_route_and_header_only() {
        let p = policy(&["GET"], &["/v1/**"]);
        let mut h = headers("authorization", "Bearer PH_1");
        assert_eq!(
            p.authorize("api.example.com", "GET", "/v1/a/b", &mut h)
                .unwrap(),
            ["TOKEN"]
        );
        assert_eq!(h["authorization"], "Bearer real-1");
        for (m, path, header) in [
            ("POST", "/v1/a", "authorization"),
            ("GET", "/v2/a", "authorization"),
            ("GET", "/v1/a", "x-other"),
        ] {
            let mut h = headers(header, "PH_1");
            assert!(p.authorize("api.example.com", m, path, &mut h).is_err());
        }
        let mut h = headers("authorization", "PH_1");
        assert!(p
            .authorize("evil.example.com", "GET", "/v1/a", &mut h)
            .is_err());
    }

    #[test]
    fn redacts_reflected_values() {
        let p = policy(&[], &[]);
        assert_eq!(p.redact(b"got real-1!"), b"got PH_1!");
    }

    #[test]
    fn single_star_stays_in_one_segment() {
        let p = policy(&[], &["/v1/*"]);
        let mut h = HeaderMap::new();
        assert!(p
            .authorize("api.example.com", "GET", "/v1/a", &mut h)
            .is_ok());
        assert!(p
            .authorize("api.example.com", "GET", "/v1/a/b", &mut h)
            .is_err());
    }

    #[test]
    fn ambiguous_paths() {
        assert!(ambiguous_path("/v1/../admin"));
        assert!(ambiguous_path("/v1/%2E%2E/admin"));
        assert!(!ambiguous_path("/v1/a.b"));
    }
}
