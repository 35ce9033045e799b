//! What the REST providers (Azure Key Vault, Google Cloud) share below their own connections:
//! the HTTP client, trusting SSL_CERT_FILE's roots besides the built-in ones, and the error for
//! a request that got no HTTP answer.

use std::time::Duration;

use super::{ErrorKind, ProviderError};
use crate::env_vars;

/// A PEM file of root certificates to trust besides the built-in ones (a proxy's or a test CA).
pub const SSL_CERT_FILE: &str = "SSL_CERT_FILE";

/// A client builder with fnox's timeouts: 5 s to connect, FNOX_HTTP_TIMEOUT (30 s) a request.
/// A read's overall deadline (`crate::deadline`) may end a request sooner.
pub fn builder() -> reqwest::ClientBuilder {
    let builder = reqwest::Client::builder().connect_timeout(Duration::from_secs(5));
    match crate::deadline::http_timeout() {
        Some(t) => builder.timeout(t),
        None => builder,
    }
}

/// An HTTPS client (rustls) with the built-in roots plus SSL_CERT_FILE's; `service` names the
/// provider in errors.
pub fn client(service: &str) -> Result<reqwest::Client, ProviderError> {
    let mut builder = builder();
    // reqwest's rustls uses its built-in (webpki) roots and does not read SSL_CERT_FILE itself.
    if let Some(path) = env_vars::non_empty(SSL_CERT_FILE) {
        let pem = std::fs::read(&path).map_err(|e| {
            ProviderError::new(
                ErrorKind::Config,
                format!("{service}: cannot read SSL_CERT_FILE {path}: {e}"),
            )
        })?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
            ProviderError::new(
                ErrorKind::Config,
                format!("{service}: SSL_CERT_FILE {path} is not a PEM certificate file: {e}"),
            )
        })?;
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    }
    builder.build().map_err(|e| {
        ProviderError::new(
            ErrorKind::Other,
            format!("{service}: cannot set up the HTTP client: {e}"),
        )
    })
}

/// The error for a request to `address` that got no HTTP answer: the innermost cause says what
/// went wrong. `hint` says which setting names the address (used unless TLS was the trouble).
pub fn transport(
    service: &str,
    address: &str,
    what: &str,
    e: &reqwest::Error,
    hint: &str,
) -> ProviderError {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let detail = chain.last().cloned().unwrap_or_default();
    let all = chain.join(": ").to_lowercase();
    let text = if e.is_timeout() {
        format!("{service}: timed out reaching {address} for {what}")
    } else {
        format!("{service}: cannot reach {address} for {what} ({detail})")
    };
    let hint = if all.contains("certificate") {
        "trust the server's certificate authority with SSL_CERT_FILE=/path/to/ca.pem"
    } else {
        hint
    };
    ProviderError::new(ErrorKind::Unreachable, text).hint(hint)
}
