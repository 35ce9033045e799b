//! `fnox proxy`: curl through the real proxy to a real HTTPS server on loopback (its own
//! self-signed certificate, reached for `api.example.test:443` through FNOX_PROXY_CONNECT_TO),
//! which records every request head it receives.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use crate::support::{age_sandbox, require_tool, Output, Sandbox};

const REAL: &str = "real-token-8f3a";
const PLACEHOLDER: &str = "ph_test_token_0000";

/// An HTTPS server for `api.example.test` and `other.example.test`: records each request's head
/// (lower-cased header names) and answers 200 with the Authorization header it got in the body.
struct Upstream {
    port: u16,
    cert_pem: String,
    heads: Arc<Mutex<Vec<String>>>,
}

impl Upstream {
    fn start() -> Upstream {
        let key = rcgen::KeyPair::generate().unwrap();
        let params = rcgen::CertificateParams::new(vec![
            "api.example.test".to_string(),
            "other.example.test".to_string(),
        ])
        .unwrap();
        let cert = params.self_signed(&key).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(
                vec![cert.der().clone()],
                rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
            )
            .unwrap();
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let heads = Arc::new(Mutex::new(Vec::new()));
        let seen = heads.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (config, seen) = (config.clone(), seen.clone());
                std::thread::spawn(move || {
                    let conn = rustls::ServerConnection::new(config).unwrap();
                    let mut tls = rustls::StreamOwned::new(conn, stream);
                    let mut head = Vec::new();
                    let mut byte = [0u8; 1];
                    while !head.ends_with(b"\r\n\r\n") {
                        match tls.read(&mut byte) {
                            Ok(1) => head.push(byte[0]),
                            _ => return,
                        }
                    }
                    let head = String::from_utf8_lossy(&head).to_lowercase();
                    let auth = head
                        .lines()
                        .find_map(|l| l.strip_prefix("authorization: "))
                        .unwrap_or("")
                        .to_string();
                    seen.lock().unwrap().push(head);
                    let body = format!("you sent: {auth}\n");
                    let _ = write!(
                        tls,
                        "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = tls.flush();
                    tls.conn.send_close_notify();
                    let _ = tls.flush();
                });
            }
        });
        Upstream {
            port,
            cert_pem: cert.pem(),
            heads,
        }
    }

    fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}

/// A sandbox with TOKEN (age) and the given [proxy] table, and the server's certificate in
/// server.pem.
fn setup(proxy: &str) -> Option<(Sandbox, Upstream)> {
    if !require_tool("curl", "curl") {
        return None;
    }
    let sb = age_sandbox();
    sb.run(&["set", "TOKEN", REAL]).ok();
    let text = sb.read("fnox.toml");
    sb.write("fnox.toml", &format!("{text}\n{proxy}"));
    let up = Upstream::start();
    sb.write("server.pem", &up.cert_pem);
    Some((sb, up))
}

const STRICT: &str = r#"[proxy]
audit = true

[[proxy.rules]]
secret = "TOKEN"
domain = "api.example.test"
methods = ["GET"]
paths = ["/v1/**"]
placeholder = "ph_test_token_0000"
"#;

/// `fnox proxy run -- sh -c SCRIPT`, with the test server standing in for both hosts.
fn proxy_run(sb: &Sandbox, up: &Upstream, script: &str) -> Output {
    let map = format!(
        "api.example.test:443:127.0.0.1:{p},other.example.test:443:127.0.0.1:{p}",
        p = up.port
    );
    sb.output(
        sb.fnox()
            // What an activated shell and the providers' tools would have left in the environment.
            .env("TOKEN", REAL)
            .env("AWS_SECRET_ACCESS_KEY", "ambient-aws-secret")
            .env("VAULT_TOKEN", "ambient-vault-token")
            .env("FNOX_PROXY_CA_FILE", sb.path("server.pem"))
            .env("FNOX_PROXY_CONNECT_TO", map)
            .args(["proxy", "run", "--", "sh", "-c", script]),
    )
}

#[test]
fn proxy_puts_the_real_value_in_only_for_the_allowed_route() {
    let Some((sb, up)) = setup(STRICT) else {
        return;
    };
    let out = proxy_run(
        &sb,
        &up,
        r#"printf 'child=%s\n' "$TOKEN"
           printf 'ambient=%s|%s\n' "$AWS_SECRET_ACCESS_KEY" "$VAULT_TOKEN"
           case "$HTTPS_PROXY" in http://127.0.0.1:*) echo proxy-set;; esac
           grep -q 'BEGIN CERTIFICATE' "$SSL_CERT_FILE" && ! grep -q 'PRIVATE' "$SSL_CERT_FILE" && echo ca-public-only
           [ "$CURL_CA_BUNDLE" = "$SSL_CERT_FILE" ] && [ "$NODE_EXTRA_CA_CERTS" = "$SSL_CERT_FILE" ] && [ "$REQUESTS_CA_BUNDLE" = "$SSL_CERT_FILE" ] && echo ca-vars
           curl -sS -H "Authorization: Bearer $TOKEN" https://api.example.test/v1/items?x=1"#,
    );
    let stdout = out.ok();
    assert!(stdout.contains("child=ph_test_token_0000\n"), "{stdout}");
    assert!(stdout.contains("ambient=|\n"), "{stdout}");
    assert!(stdout.contains("proxy-set\n"), "{stdout}");
    assert!(stdout.contains("ca-public-only\n"), "{stdout}");
    assert!(stdout.contains("ca-vars\n"), "{stdout}");
    // The response reflected the real value: the command sees its placeholder instead.
    assert!(
        stdout.contains(&format!("you sent: bearer {}", PLACEHOLDER)),
        "{stdout}"
    );
    assert!(!stdout.contains(REAL), "{stdout}");
    let heads = up.heads();
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert!(
        heads[0].starts_with("get /v1/items?x=1 http/1.1\r\n"),
        "{heads:?}"
    );
    assert!(
        heads[0].contains(&format!("authorization: bearer {REAL}\r\n")),
        "{heads:?}"
    );
    assert!(heads[0].contains("host: api.example.test\r\n"), "{heads:?}");
    // audit: method, domain, path and the secret's name; never the value.
    assert!(
        out.stderr
            .contains("fnox proxy: GET api.example.test/v1/items (secrets: TOKEN)"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains(REAL) && !out.stderr.contains(PLACEHOLDER));
}

#[test]
fn proxy_refuses_what_no_rule_allows_and_sends_nothing() {
    let Some((sb, up)) = setup(STRICT) else {
        return;
    };
    let code = r#"-o /dev/null -w '%{http_code}\n'"#;
    let script = format!(
        r#"curl -s -o /dev/null -w '%{{http_connect}}\n' -H "Authorization: Bearer $TOKEN" https://other.example.test/v1/items
           curl -s -o /dev/null -w '%{{http_connect}}\n' -H "Authorization: Bearer $TOKEN" https://api.example.test:8443/v1/items
           curl -sS {code} -X POST -H "Authorization: Bearer $TOKEN" https://api.example.test/v1/items
           curl -sS {code} -H "Authorization: Bearer $TOKEN" https://api.example.test/v2/items
           curl -sS {code} -H "X-Api-Key: $TOKEN" https://api.example.test/v1/items
           curl -sS {code} -H "Authorization: Bearer $TOKEN" https://api.example.test/v1/../v2/items
           curl -sS -H "Authorization: Bearer $TOKEN" https://api.example.test/v2/items
           curl -sS {code} http://api.example.test/v1/items
           exit 0"#
    );
    let out = proxy_run(&sb, &up, &script);
    let stdout = out.ok();
    let lines: Vec<&str> = stdout.lines().collect();
    // CONNECT refused: a destination no rule names, and a rule's domain on another port.
    assert_eq!(&lines[0..2], ["403", "403"], "{stdout}");
    // Refused by the intercepting proxy: wrong method, path, header, a dot-segment path.
    assert_eq!(&lines[2..6], ["403", "403", "403", "403"], "{stdout}");
    assert!(
        stdout.contains(
            "fnox proxy: GET api.example.test/v2/items matches no rule of api.example.test"
        ),
        "{stdout}"
    );
    // Plain HTTP is not proxied.
    assert_eq!(lines.last(), Some(&"400"), "{stdout}");
    // The server saw nothing at all.
    assert_eq!(up.heads(), Vec::<String>::new());
    assert!(!stdout.contains(REAL));
}

#[test]
fn permissive_egress_tunnels_without_substituting() {
    let proxy = STRICT.replace("audit = true", "egress = \"permissive\"");
    let Some((sb, up)) = setup(&proxy) else {
        return;
    };
    // Tunnelled untouched: curl talks TLS with the server itself (so it needs the server's CA).
    let out = proxy_run(
        &sb,
        &up,
        r#"curl -sS --cacert server.pem -H "Authorization: Bearer $TOKEN" https://other.example.test/v1/items"#,
    );
    assert!(
        out.ok()
            .contains(&format!("you sent: bearer {PLACEHOLDER}")),
        "{}",
        out.stdout
    );
    let heads = up.heads();
    assert_eq!(heads.len(), 1);
    assert!(!heads[0].contains(REAL), "{heads:?}");
}

#[test]
fn generated_placeholders_differ_from_the_value_and_between_runs() {
    let proxy = STRICT.replace(
        "placeholder = \"ph_test_token_0000\"\n",
        "env = \"API_KEY\"\n",
    );
    let Some((sb, up)) = setup(&proxy) else {
        return;
    };
    let script = r#"printf '%s|%s\n' "$API_KEY" "${TOKEN-unset}"; curl -sS -H "Authorization: $API_KEY" https://api.example.test/v1/x"#;
    let first = proxy_run(&sb, &up, script).ok().to_string();
    let second = proxy_run(&sb, &up, script).ok().to_string();
    let ph = first.lines().next().unwrap();
    assert!(
        ph.starts_with("fnox_proxy_") && ph.ends_with("|unset"),
        "{first}"
    );
    assert_ne!(ph, second.lines().next().unwrap());
    assert!(!first.contains(REAL));
    let heads = up.heads();
    assert_eq!(heads.len(), 2);
    assert!(heads
        .iter()
        .all(|h| h.contains(&format!("authorization: {REAL}\r\n"))));
}

#[test]
fn proxy_rules_prints_the_effective_table_whole_and_no_values() {
    let sb = age_sandbox();
    sb.run(&["set", "TOKEN", REAL]).ok();
    sb.run(&["set", "OTHER", "other-real-value"]).ok();
    let text = sb.read("fnox.toml");
    sb.write("fnox.toml", &format!("{text}\n{STRICT}"));
    let out = sb.run(&["proxy", "rules"]);
    assert_eq!(
        out.ok(),
        "egress: strict\naudit: true\nTOKEN -> https://api.example.test methods=GET paths=/v1/** header=authorization env=TOKEN\n"
    );
    // A higher-priority file's [proxy] replaces the table whole: no egress/audit/rules merged.
    sb.write(
        "fnox.local.toml",
        "[proxy]\n[[proxy.rules]]\nsecret = \"OTHER\"\ndomain = \"Uploads.Example.Test\"\nheader = \"X-Api-Key\"\nenv = \"UPLOAD_KEY\"\n",
    );
    let out = sb.run(&["proxy", "rules"]);
    assert_eq!(
        out.ok(),
        "egress: strict\naudit: false\nOTHER -> https://uploads.example.test methods=* paths=* header=x-api-key env=UPLOAD_KEY\n"
    );
    assert!(!out.all().contains(REAL) && !out.all().contains("other-real-value"));
}

#[test]
fn proxy_config_errors_name_the_rule_and_the_fix() {
    let sb = age_sandbox();
    let err = sb.run(&["proxy", "rules"]).fails(1).to_string();
    assert!(err.contains("error[fnox::proxy::not_configured]"), "{err}");
    let err = sb.run(&["proxy", "run", "--", "true"]).fails(1).to_string();
    assert!(err.contains("error[fnox::proxy::not_configured]"), "{err}");
    sb.run(&["set", "TOKEN", REAL]).ok();
    let text = sb.read("fnox.toml");
    for (rule, why) in [
        ("secret = \"TOKN\"\ndomain = \"a.test\"", "no secret 'TOKN'"),
        (
            "secret = \"TOKEN\"\ndomain = \"a.test:8443\"",
            "not an exact host name",
        ),
        (
            "secret = \"TOKEN\"\ndomain = \"*.a.test\"",
            "not an exact host name",
        ),
        (
            "secret = \"TOKEN\"\ndomain = \"a.test\"\npaths = [\"v1\"]",
            "does not start with '/'",
        ),
        (
            "secret = \"TOKEN\"\ndomain = \"a.test\"\nheader = \"a b\"",
            "not a header name",
        ),
    ] {
        sb.write("fnox.toml", &format!("{text}\n[[proxy.rules]]\n{rule}\n"));
        let err = sb.run(&["proxy", "run", "--", "true"]).fails(1).to_string();
        assert!(err.contains("error[fnox::proxy::invalid_rule]"), "{err}");
        assert!(err.contains("proxy.rules[0]"), "{err}");
        assert!(err.contains(why), "{rule}: {err}");
        assert!(!err.contains(REAL));
        if why.contains("TOKN") {
            assert!(err.contains("Did you mean 'TOKEN'?"), "{err}");
        }
    }
}

#[test]
fn an_untrusted_file_cannot_direct_secrets_through_the_proxy() {
    let own = age_sandbox();
    own.run(&["set", "TOKEN", REAL]).ok();
    let text = own.read("fnox.toml");
    // The same file, but someone else's.
    let sb = Sandbox::untrusted();
    sb.write("fnox.toml", &format!("{text}\n{STRICT}"));
    let out = sb.run(&["proxy", "run", "--", "sh", "-c", "echo ran"]);
    let err = out.fails(1);
    assert!(err.contains("error[fnox::trust::untrusted]"), "{err}");
    assert!(err.contains("send secrets to api.example.test"), "{err}");
    assert!(!out.stdout.contains("ran"));
    // Showing the rules sends nothing.
    sb.run(&["proxy", "rules"]).ok();
}
