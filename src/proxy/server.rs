//! The proxy itself: a loopback listener speaking CONNECT; an allowed destination's TLS is
//! terminated with a leaf of the per-run CA, each HTTP/1.1 request decided by the policy and
//! sent on over a new, verified TLS connection to the real host.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderName, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, RootCertStore};
use tokio::net::TcpStream;
use tokio_rustls::{TlsAcceptor, TlsConnector};

use super::ca::Authority;
use super::{ambiguous_path, Policy, MAX_BODY_BYTES};
use crate::config::model::ProxyEgress;
use crate::env_vars;
use crate::error::{Error, Result};

/// The proxy, running on a thread of its own until the process ends. Dropping it removes the
/// CA certificate file.
pub struct Running {
    pub addr: SocketAddr,
    ca_file: tempfile::NamedTempFile,
}

impl Running {
    /// The CA certificate file (public; the key stays in memory).
    pub fn ca_path(&self) -> &std::path::Path {
        self.ca_file.path()
    }
}

struct State {
    policy: Policy,
    authority: Authority,
    connector: TlsConnector,
    connect_to: Vec<ConnectTo>,
}

/// One FNOX_PROXY_CONNECT_TO entry: connections for HOST:PORT go to a loopback address instead
/// (the TLS name checked stays HOST), as curl's --connect-to does.
#[derive(Debug, Clone, PartialEq)]
struct ConnectTo {
    host: String,
    port: u16,
    to: SocketAddr,
}

fn parse_connect_to(raw: &str) -> Result<Vec<ConnectTo>> {
    let bad = |entry: &str, why: &str| {
        Error::new(format!(
            "{} entry '{entry}' cannot be used",
            env_vars::FNOX_PROXY_CONNECT_TO
        ))
        .cause(why.to_string())
        .hint("write HOST:PORT:127.0.0.1:PORT (several separated by commas)")
    };
    let mut out = Vec::new();
    for entry in raw.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let parts: Vec<&str> = entry.splitn(3, ':').collect();
        let [host, port, to] = parts[..] else {
            return Err(bad(entry, "expected HOST:PORT:ADDRESS:PORT"));
        };
        let port: u16 = port
            .parse()
            .map_err(|_| bad(entry, "the port is not a number"))?;
        let (to_host, to_port) = to
            .rsplit_once(':')
            .ok_or_else(|| bad(entry, "the target has no port"))?;
        let ip: IpAddr = match to_host.trim_matches(['[', ']']) {
            "localhost" => IpAddr::from([127, 0, 0, 1]),
            h => h
                .parse()
                .map_err(|_| bad(entry, "the target is not an IP address"))?,
        };
        if !ip.is_loopback() {
            return Err(bad(entry, "the target must be a loopback address"));
        }
        let to_port: u16 = to_port
            .parse()
            .map_err(|_| bad(entry, "the target port is not a number"))?;
        out.push(ConnectTo {
            host: host.to_ascii_lowercase(),
            port,
            to: SocketAddr::new(ip, to_port),
        });
    }
    Ok(out)
}

fn client_config(provider: Arc<rustls::crypto::CryptoProvider>) -> Result<ClientConfig> {
    let mut roots = RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    roots.add_parsable_certificates(native.certs);
    if let Some(path) = env_vars::non_empty(env_vars::FNOX_PROXY_CA_FILE) {
        let fail = |e: String| {
            Error::new(format!(
                "cannot read the extra CA certificates in {path} ({})",
                env_vars::FNOX_PROXY_CA_FILE
            ))
            .cause(e)
        };
        let certs: Vec<CertificateDer> = CertificateDer::pem_file_iter(&path)
            .map_err(|e| fail(e.to_string()))?
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| fail(e.to_string()))?;
        if certs.is_empty() {
            return Err(fail("no PEM certificate in the file".into()));
        }
        for c in certs {
            roots.add(c).map_err(|e| fail(e.to_string()))?;
        }
    }
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::new("cannot set up TLS").cause(e))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// Starts the proxy on 127.0.0.1 (an unused port) and writes the CA certificate to a file.
pub fn start(policy: Policy) -> Result<Running> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let connect_to = match env_vars::non_empty(env_vars::FNOX_PROXY_CONNECT_TO) {
        Some(raw) => parse_connect_to(&raw)?,
        None => Vec::new(),
    };
    let authority = Authority::new(provider.clone())?;
    let connector = TlsConnector::from(Arc::new(client_config(provider)?));
    let mut ca_file = tempfile::Builder::new()
        .prefix("fnox-proxy-ca-")
        .suffix(".pem")
        .tempfile()
        .map_err(|e| {
            Error::new("cannot write the proxy's CA certificate")
                .cause(e)
                .hint("check that the temporary directory (TMPDIR) is writable")
        })?;
    std::io::Write::write_all(&mut ca_file, authority.cert_pem().as_bytes())
        .map_err(|e| Error::new("cannot write the proxy's CA certificate").cause(e))?;
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|e| Error::new("cannot listen on 127.0.0.1 for the proxy").cause(e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::new("cannot listen on 127.0.0.1 for the proxy").cause(e))?;
    let state = Arc::new(State {
        policy,
        authority,
        connector,
        connect_to,
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::new("cannot start the proxy").cause(e))?;
    std::thread::Builder::new()
        .name("fnox-proxy".into())
        .spawn(move || runtime.block_on(serve(listener, state)))
        .map_err(|e| Error::new("cannot start the proxy").cause(e))?;
    Ok(Running { addr, ca_file })
}

async fn serve(listener: std::net::TcpListener, state: Arc<State>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            continue;
        };
        if !peer.ip().is_loopback() {
            continue;
        }
        let state = state.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| connect(req, state.clone()));
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .with_upgrades()
                .await;
        });
    }
}

type Body = Full<Bytes>;

/// How long connecting to an upstream host (TCP and TLS) may take.
const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A response the proxy makes itself (a refusal or a failure): plain text, no values.
fn answer(status: StatusCode, message: &str) -> Response<Body> {
    let mut r = Response::new(Full::new(Bytes::from(format!("fnox proxy: {message}\n"))));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

fn audit(state: &State, line: std::fmt::Arguments) {
    if state.policy.audit {
        eprintln!(
            "fnox proxy: {}",
            crate::term::escape_text(&line.to_string())
        );
    }
}

fn upstream_addr(state: &State, host: &str, port: u16) -> (String, u16) {
    match state
        .connect_to
        .iter()
        .find(|c| c.host == host && c.port == port)
    {
        Some(c) => (c.to.ip().to_string(), c.to.port()),
        None => (host.to_string(), port),
    }
}

async fn connect(req: Request<Incoming>, state: Arc<State>) -> Result<Response<Body>, Infallible> {
    if req.method() != Method::CONNECT {
        return Ok(answer(
            StatusCode::BAD_REQUEST,
            "only HTTPS is proxied (CONNECT); plain HTTP is refused",
        ));
    }
    let Some(authority) = req.uri().authority().cloned() else {
        return Ok(answer(StatusCode::BAD_REQUEST, "CONNECT without HOST:PORT"));
    };
    let host = authority
        .host()
        .trim_matches(['[', ']'])
        .to_ascii_lowercase();
    let port = authority.port_u16().unwrap_or(443);
    if state.policy.has_domain(&host) {
        if port != 443 {
            audit(
                &state,
                format_args!("refused CONNECT {host}:{port} (not 443)"),
            );
            return Ok(answer(
                StatusCode::FORBIDDEN,
                &format!("{host}:{port}: credential rules apply to HTTPS on port 443 only"),
            ));
        }
        let tls = match state.authority.server_config(&host) {
            Ok(c) => TlsAcceptor::from(c),
            Err(e) => return Ok(answer(StatusCode::BAD_GATEWAY, &e.one_line())),
        };
        tokio::spawn(async move {
            let Ok(upgraded) = hyper::upgrade::on(req).await else {
                return;
            };
            let Ok(stream) = tls.accept(TokioIo::new(upgraded)).await else {
                return;
            };
            let service = hyper::service::service_fn(move |r| {
                let (state, host) = (state.clone(), host.clone());
                async move { Ok::<_, Infallible>(intercept(r, &host, &state).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
        return Ok(Response::new(Full::default()));
    }
    if state.policy.egress == ProxyEgress::Strict {
        audit(
            &state,
            format_args!("refused CONNECT {host}:{port} (no rule)"),
        );
        return Ok(answer(
            StatusCode::FORBIDDEN,
            &format!(
                "destination {host} is not allowed (egress = \"strict\" and no rule names it)"
            ),
        ));
    }
    audit(
        &state,
        format_args!("tunnel {host}:{port} (egress = \"permissive\")"),
    );
    let (to_host, to_port) = upstream_addr(&state, &host, port);
    let mut upstream = match TcpStream::connect((to_host.as_str(), to_port)).await {
        Ok(s) => s,
        Err(e) => {
            return Ok(answer(
                StatusCode::BAD_GATEWAY,
                &format!("cannot reach {host}:{port}: {e}"),
            ))
        }
    };
    tokio::spawn(async move {
        if let Ok(upgraded) = hyper::upgrade::on(req).await {
            let _ = tokio::io::copy_bidirectional(&mut TokioIo::new(upgraded), &mut upstream).await;
        }
    });
    Ok(Response::new(Full::default()))
}

fn hop_by_hop(name: &HeaderName) -> bool {
    matches!(
        name.as_str(),
        "connection"
            | "keep-alive"
            | "proxy-authenticate"
            | "proxy-authorization"
            | "proxy-connection"
            | "te"
            | "trailer"
            | "transfer-encoding"
            | "upgrade"
            | "host"
            | "content-length"
    )
}

/// One request on an intercepted connection to `host`.
async fn intercept(req: Request<Incoming>, host: &str, state: &State) -> Response<Body> {
    let (mut parts, body) = req.into_parts();
    if parts.headers.contains_key(header::TRANSFER_ENCODING) {
        return answer(
            StatusCode::LENGTH_REQUIRED,
            "request bodies must have a Content-Length (chunked bodies are not supported)",
        );
    }
    if parts
        .uri
        .authority()
        .is_some_and(|a| !a.host().eq_ignore_ascii_case(host))
    {
        return answer(
            StatusCode::FORBIDDEN,
            "the request names another host than the one connected to",
        );
    }
    let method = parts.method.as_str().to_string();
    let path = parts.uri.path().to_string();
    if ambiguous_path(&path) {
        return answer(
            StatusCode::FORBIDDEN,
            "the request path is ambiguous (dot segments, encoded '.', '/' or '\\')",
        );
    }
    let injected = match state
        .policy
        .authorize(host, &method, &path, &mut parts.headers)
    {
        Ok(i) => i,
        Err(refusal) => {
            audit(
                state,
                format_args!("refused {method} {host}{path}: {}", refusal.0),
            );
            return answer(StatusCode::FORBIDDEN, &refusal.0);
        }
    };
    audit(
        state,
        format_args!(
            "{method} {host}{path} (secrets: {})",
            if injected.is_empty() {
                "none".to_string()
            } else {
                injected.join(", ")
            }
        ),
    );
    let body = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            return answer(
                StatusCode::PAYLOAD_TOO_LARGE,
                "the request body is over the proxy's limit of 10 MiB",
            )
        }
    };
    match forward(host, &parts, body, state).await {
        Ok(r) => r,
        Err(message) => answer(StatusCode::BAD_GATEWAY, &message),
    }
}

async fn forward(
    host: &str,
    parts: &hyper::http::request::Parts,
    body: Bytes,
    state: &State,
) -> std::result::Result<Response<Body>, String> {
    let (to_host, to_port) = upstream_addr(state, host, 443);
    let name = ServerName::try_from(host.to_string())
        .map_err(|_| format!("{host} is not a TLS server name"))?;
    // Connecting and the handshake are bounded; the answer may rightly take long.
    let tls = tokio::time::timeout(CONNECT_TIMEOUT, async {
        let tcp = TcpStream::connect((to_host.as_str(), to_port))
            .await
            .map_err(|e| format!("cannot reach {host}: {e}"))?;
        state
            .connector
            .connect(name, tcp)
            .await
            .map_err(|e| format!("TLS with {host} failed: {e}"))
    })
    .await
    .map_err(|_| {
        format!(
            "{host} did not accept a TLS connection within {}s",
            CONNECT_TIMEOUT.as_secs()
        )
    })??;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tls))
        .await
        .map_err(|e| format!("HTTP with {host} failed: {e}"))?;
    tokio::spawn(conn);
    let target = parts
        .uri
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_string();
    let mut out = Request::builder()
        .method(parts.method.clone())
        .uri(target)
        .body(Full::new(body))
        .map_err(|e| format!("cannot build the request: {e}"))?;
    for (k, v) in &parts.headers {
        if !hop_by_hop(k) && k != header::ACCEPT_ENCODING {
            out.headers_mut().append(k.clone(), v.clone());
        }
    }
    let h = out.headers_mut();
    h.insert(
        header::HOST,
        HeaderValue::from_str(host).map_err(|_| format!("{host} is not a host name"))?,
    );
    // Responses must be readable to redact reflected values.
    h.insert(
        header::ACCEPT_ENCODING,
        HeaderValue::from_static("identity"),
    );
    let response = sender
        .send_request(out)
        .await
        .map_err(|e| format!("{host} did not answer: {e}"))?;
    let (rparts, rbody) = response.into_parts();
    if rparts
        .headers
        .get(header::CONTENT_ENCODING)
        .is_some_and(|v| v != "identity")
    {
        return Err(format!(
            "{host} sent an encoded response, which the proxy cannot check for secret values"
        ));
    }
    let rbody = Limited::new(rbody, MAX_BODY_BYTES)
        .collect()
        .await
        .map_err(|_| format!("the response of {host} is over the proxy's limit of 10 MiB"))?
        .to_bytes();
    let mut back = Response::new(Full::new(Bytes::from(state.policy.redact(&rbody))));
    *back.status_mut() = rparts.status;
    for (k, v) in &rparts.headers {
        if hop_by_hop(k) {
            continue;
        }
        if let Ok(v) = HeaderValue::from_bytes(&state.policy.redact(v.as_bytes())) {
            back.headers_mut().append(k.clone(), v);
        }
    }
    Ok(back)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_to_takes_loopback_targets_only() {
        let c = parse_connect_to("api.example.test:443:127.0.0.1:8443").unwrap();
        assert_eq!(c[0].host, "api.example.test");
        assert_eq!(c[0].to, "127.0.0.1:8443".parse().unwrap());
        assert!(parse_connect_to("api.example.test:443:10.0.0.1:8443").is_err());
        assert!(parse_connect_to("api.example.test:443").is_err());
    }
}
