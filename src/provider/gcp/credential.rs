//! Where a Google Cloud access token comes from, as Google's client libraries find Application
//! Default Credentials:
//!
//! 1. GOOGLE_APPLICATION_CREDENTIALS, a JSON key file: a service account's key (`type =
//!    "service_account"`: an RS256-signed JWT is exchanged at the file's `token_uri`), or a user
//!    login (`authorized_user`: its refresh token is exchanged at the token endpoint);
//! 2. gcloud's Application Default Credentials file, written by `gcloud auth
//!    application-default login`: `$CLOUDSDK_CONFIG/application_default_credentials.json`, or
//!    `~/.config/gcloud/application_default_credentials.json`.
//!
//! A service account's token endpoint is the one its key file names (`token_uri`, default
//! Google's): the file is the user's own, never fnox.toml. A user login's refresh token goes to
//! Google's endpoint whatever the file says, as google-auth does, or to FNOX_GCP_TOKEN_ENDPOINT. Other credential kinds (workload identity federation,
//! impersonation, the Compute Engine metadata server) are not read yet: the error says so.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use aws_lc_rs::{rand::SystemRandom, signature};
use base64::Engine;
use rustls_pki_types::{pem::PemObject, PrivatePkcs8KeyDer};
use serde_json::{json, Value};

use crate::env_vars;
use crate::provider::{http, ErrorKind, ProviderError};

/// A JSON key file: a service account's key or an `authorized_user` login.
pub const GOOGLE_APPLICATION_CREDENTIALS: &str = "GOOGLE_APPLICATION_CREDENTIALS";
/// The OAuth 2.0 token endpoint for user logins instead of https://oauth2.googleapis.com/token.
pub const FNOX_GCP_TOKEN_ENDPOINT: &str = "FNOX_GCP_TOKEN_ENDPOINT";
/// gcloud's configuration directory (default ~/.config/gcloud), where its ADC file lives.
pub const CLOUDSDK_CONFIG: &str = "CLOUDSDK_CONFIG";

const ADC_FILE: &str = "application_default_credentials.json";
const DEFAULT_TOKEN_URI: &str = "https://oauth2.googleapis.com/token";
const SCOPE: &str = "https://www.googleapis.com/auth/cloud-platform";
const URL_SAFE: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// What to do when Google refuses the credentials.
pub const CREDENTIALS_HINT: &str = "point GOOGLE_APPLICATION_CREDENTIALS at a service account key file, or run `gcloud auth application-default login`";

/// A bearer token and who it stands for. No Debug: it holds the token.
pub struct Token {
    pub token: String,
    /// "service account NAME@PROJECT.iam.gserviceaccount.com (GOOGLE_APPLICATION_CREDENTIALS)".
    pub identity: String,
    /// The project billed for quota (`quota_project_id` of a user login), if the file names one.
    pub quota_project: Option<String>,
}

/// The key file to use and the setting it came from, or why there is none.
fn key_file() -> Result<(PathBuf, &'static str), String> {
    if let Some(path) = env_vars::non_empty(GOOGLE_APPLICATION_CREDENTIALS) {
        return Ok((PathBuf::from(path), GOOGLE_APPLICATION_CREDENTIALS));
    }
    let dir = match env_vars::non_empty(CLOUDSDK_CONFIG) {
        Some(d) => PathBuf::from(d),
        None => match env_vars::home_dir() {
            Some(h) => h.join(".config/gcloud"),
            None => {
                return Err(
                    "GOOGLE_APPLICATION_CREDENTIALS is not set and there is no home directory"
                        .into(),
                )
            }
        },
    };
    let adc = dir.join(ADC_FILE);
    if adc.is_file() {
        Ok((adc, "gcloud application-default login"))
    } else {
        Err(format!(
            "GOOGLE_APPLICATION_CREDENTIALS is not set and there is no {}",
            adc.display()
        ))
    }
}

/// A token for `service`'s requests, from the first credential source that is set up.
pub async fn token(service: &str, client: &reqwest::Client) -> Result<Token, ProviderError> {
    let (path, source) = key_file().map_err(|why| {
        ProviderError::new(
            ErrorKind::AccessDenied,
            format!("{service}: no Google Cloud credentials ({why})"),
        )
        .hint(CREDENTIALS_HINT)
    })?;
    let shown = path.display().to_string();
    let bad_file = |why: String| {
        ProviderError::new(
            ErrorKind::Config,
            format!("{service}: the credentials file {shown} ({source}) {why}"),
        )
        .hint(CREDENTIALS_HINT)
    };
    let text =
        std::fs::read_to_string(&path).map_err(|e| bad_file(format!("cannot be read: {e}")))?;
    let file: Value =
        serde_json::from_str(&text).map_err(|_| bad_file("is not a JSON key file".into()))?;
    let field = |name: &str| file[name].as_str().filter(|s| !s.is_empty());
    let token_uri = field("token_uri").unwrap_or(DEFAULT_TOKEN_URI).to_owned();
    if !token_uri.starts_with("https://") {
        return Err(bad_file(format!(
            "names a token_uri that is not https ({token_uri})"
        )));
    }
    match field("type").unwrap_or("") {
        "service_account" => {
            let (Some(email), Some(key)) = (field("client_email"), field("private_key")) else {
                return Err(bad_file("lacks client_email or private_key".into()));
            };
            let assertion = signed_assertion(email, field("private_key_id"), key, &token_uri)
                .map_err(bad_file)?;
            let form = [
                ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                ("assertion", assertion.as_str()),
            ];
            let identity = format!("service account {email} ({source})");
            exchange(service, client, &token_uri, &form, identity, None).await
        }
        "authorized_user" => {
            let (Some(id), Some(secret), Some(refresh)) = (
                field("client_id"),
                field("client_secret"),
                field("refresh_token"),
            ) else {
                return Err(bad_file(
                    "lacks client_id, client_secret or refresh_token".into(),
                ));
            };
            let form = [
                ("grant_type", "refresh_token"),
                ("client_id", id),
                ("client_secret", secret),
                ("refresh_token", refresh),
            ];
            let identity = if source == GOOGLE_APPLICATION_CREDENTIALS {
                format!("a user login ({source})")
            } else {
                "the gcloud application-default login".to_owned()
            };
            let quota = field("quota_project_id").map(str::to_owned);
            exchange(service, client, &token_uri, &form, identity, quota).await
        }
        other => Err(bad_file(format!(
            "holds credentials of type '{other}', which fnox does not read yet (it reads service_account and authorized_user)"
        ))),
    }
}

/// The JWT a service account signs to ask for a token (RFC 7523): RS256 over header.claims.
fn signed_assertion(
    email: &str,
    key_id: Option<&str>,
    pem: &str,
    audience: &str,
) -> Result<String, String> {
    let der = PrivatePkcs8KeyDer::from_pem_slice(pem.as_bytes())
        .map_err(|_| "has a private_key that is not a PEM PKCS#8 key".to_owned())?;
    let key = signature::RsaKeyPair::from_pkcs8(der.secret_pkcs8_der())
        .map_err(|_| "has a private_key that is not an RSA key".to_owned())?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut header = json!({ "alg": "RS256", "typ": "JWT" });
    if let Some(kid) = key_id {
        header["kid"] = json!(kid);
    }
    let claims = json!({
        "iss": email,
        "scope": SCOPE,
        "aud": audience,
        "iat": now,
        "exp": now + 3600,
    });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE.encode(header.to_string()),
        URL_SAFE.encode(claims.to_string())
    );
    let mut sig = vec![0u8; key.public_modulus_len()];
    key.sign(
        &signature::RSA_PKCS1_SHA256,
        &SystemRandom::new(),
        signing_input.as_bytes(),
        &mut sig,
    )
    .map_err(|_| "has a private_key that cannot sign".to_owned())?;
    Ok(format!("{signing_input}.{}", URL_SAFE.encode(sig)))
}

/// One token request at `token_uri`.
async fn exchange(
    service: &str,
    client: &reqwest::Client,
    token_uri: &str,
    form: &[(&str, &str)],
    identity: String,
    quota_project: Option<String>,
) -> Result<Token, ProviderError> {
    let resp = client
        .post(token_uri)
        .form(form)
        .send()
        .await
        .map_err(|e| {
            http::transport(
                service,
                token_uri,
                "a token",
                &e,
                "check the network, and the token_uri of the credentials file",
            )
        })?;
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    if let Some(token) = body["access_token"].as_str().filter(|_| status == 200) {
        return Ok(Token {
            token: token.to_owned(),
            identity,
            quota_project,
        });
    }
    let code = body["error"].as_str().unwrap_or("");
    let description = body["error_description"].as_str().unwrap_or("");
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
        format!(
            "{service}: the token endpoint {token_uri} refused a token to {identity} ({detail})"
        ),
    )
    .hint(format!(
        "the key may be deleted or the login expired: {CREDENTIALS_HINT}"
    )))
}
