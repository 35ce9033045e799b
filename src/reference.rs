//! References to secrets inside any text, resolved at start-up:
//!
//! ```text
//! reference = "secret://" provider "/" path [ "#" field ]
//!           / "secret://cosmian-kms/" server "/" path [ "#" field ]
//!           / "fnox://" name [ "#" field ]
//! provider  = 1*word          ; a provider name from fnox.toml, else a provider type
//! server    = ( 1*word / "[" ipv6 "]" ) [ ":" 1*DIGIT ]
//!                             ; HOST[:PORT], its colons and brackets as they are
//! ipv6      = 1*( HEXDIG / ":" / "." )
//! path      = 1*( word / "/" )
//! name      = 1*word          ; a secret defined in fnox.toml
//! field     = 1*word
//! word      = ALPHA / DIGIT / "-" / "_" / "." / "~" / "+" / pct-encoded
//! ```
//!
//! A reference starts at `secret://` or `fnox://` (lower case) not preceded by a scheme character
//! (ALPHA, DIGIT, `+`, `-`, `.`), and ends at the first character its part does not allow: so in
//! `postgresql://kms:secret://secret/kms/db#password@db:5432/kms` it is
//! `secret://secret/kms/db#password`. Any other character (`:` `@` `?` `=` `#` `%` `/` in a field,
//! quotes, spaces, ...) is written percent-encoded (`%40` for `@`); `%XX` sequences are UTF-8.
//!
//! PROVIDER is a provider configured in fnox.toml (PATH is what a secret's `value` would hold
//! for it), else one of these types, with defaults:
//! `vault` → `secret://vault/MOUNT/PATH#FIELD` (VAULT_ADDR, VAULT_TOKEN; field `value` when none),
//! `aws-ps` → `secret://aws-ps/REGION/NAME` (a NAME with `/` gets its leading `/`),
//! `aws-sm` → `secret://aws-sm/REGION/NAME`, `password-store` → `secret://password-store/ENTRY`,
//! `azure-kv` → `secret://azure-kv/VAULT/secrets/NAME[/VERSION]` (an `azure-sm` read of the vault
//! `https://VAULT.vault.azure.net`, or FNOX_AZURE_KEYVAULT_URL with `{vault}` replaced),
//! `cosmian-kms` → `secret://cosmian-kms/HOST[:PORT]/OBJECT_ID` (http for localhost and
//! 127.0.0.1, https otherwise, port 9998 when none; COSMIAN_KMS_SECRET_TOKEN).
//! FIELD selects a Vault field; for every other provider, and for `fnox://`, it selects a key of
//! a JSON object value.

use std::fmt;
use std::path::PathBuf;

use crate::config::load::Config;
use crate::config::model::ProviderConfig;
use crate::error::{did_you_mean, Error};
use crate::provider::{self, BuildContext, Provider, ProviderError};
use crate::secret::SecretValue;

const SECRET_SCHEME: &str = "secret://";
const FNOX_SCHEME: &str = "fnox://";

/// Provider types that have defaults for `secret://TYPE/...` without any configuration.
pub const DEFAULT_TYPES: [&str; 6] = [
    "vault",
    "aws-ps",
    "aws-sm",
    "password-store",
    "azure-kv",
    "cosmian-kms",
];

/// The provider type whose references name their server: `secret://cosmian-kms/HOST:PORT/ID`.
const SERVER_TYPE: &str = "cosmian-kms";

/// A parsed reference, every part percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Reference {
    /// `secret://PROVIDER/PATH[#FIELD]`
    Store {
        provider: String,
        path: String,
        field: Option<String>,
    },
    /// `fnox://NAME[#FIELD]`
    Secret { name: String, field: Option<String> },
}

/// One reference in a text: its byte range, and what it says or why it is malformed.
#[derive(Debug)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub reference: Result<Reference, String>,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'+' | b'%')
}

fn is_path(b: u8) -> bool {
    is_word(b) || b == b'/'
}

fn is_scheme_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')
}

/// Every reference in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let at_boundary = i == 0 || !is_scheme_char(bytes[i - 1]);
        let scheme = [SECRET_SCHEME, FNOX_SCHEME]
            .into_iter()
            .find(|s| at_boundary && bytes[i..].starts_with(s.as_bytes()));
        match scheme {
            Some(scheme) => {
                let (end, reference) = parse_at(bytes, i, scheme);
                out.push(Found {
                    start: i,
                    end,
                    reference,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether `text` holds at least one reference (well-formed or not).
pub fn contains(text: &str) -> bool {
    (text.contains(SECRET_SCHEME) || text.contains(FNOX_SCHEME)) && !find(text).is_empty()
}

/// Parses the reference starting at `start` with `scheme`; returns where it ends.
fn parse_at(bytes: &[u8], start: usize, scheme: &str) -> (usize, Result<Reference, String>) {
    let take = |from: usize, allowed: fn(u8) -> bool| {
        let len = bytes[from..].iter().take_while(|b| allowed(**b)).count();
        from + len
    };
    let text = |from: usize, to: usize| String::from_utf8_lossy(&bytes[from..to]).into_owned();
    let head = start + scheme.len();
    let head_end = take(head, is_word);
    let (mut end, path) = if scheme == SECRET_SCHEME {
        if head_end == head || bytes.get(head_end) != Some(&b'/') {
            return (
                head_end,
                Err("expected secret://PROVIDER/REFERENCE after secret://".to_owned()),
            );
        }
        let mut path_start = head_end + 1;
        // `secret://cosmian-kms/HOST:PORT/...`: the port's colon belongs to the reference, and
        // so do the brackets and colons of an IPv6 host (`[::1]:9998`).
        if &bytes[head..head_end] == SERVER_TYPE.as_bytes() {
            let mut host_end = take(path_start, is_word);
            if bytes.get(path_start) == Some(&b'[') {
                let inner_end = take(path_start + 1, is_ipv6);
                if inner_end > path_start + 1 && bytes.get(inner_end) == Some(&b']') {
                    host_end = inner_end + 1;
                    if bytes.get(host_end) == Some(&b'/') {
                        path_start = host_end;
                    }
                }
            }
            let port_end = take(host_end + 1, |b| b.is_ascii_digit());
            if host_end > path_start
                && bytes.get(host_end) == Some(&b':')
                && port_end > host_end + 1
                && bytes.get(port_end) == Some(&b'/')
            {
                path_start = port_end;
            }
        }
        let path_end = take(path_start, is_path);
        if path_end == head_end + 1 {
            return (
                path_end,
                Err("the REFERENCE after secret://PROVIDER/ is empty".to_owned()),
            );
        }
        (path_end, Some((head_end + 1, path_end)))
    } else {
        if head_end == head {
            return (
                head_end,
                Err("expected fnox://SECRET_NAME after fnox://".to_owned()),
            );
        }
        (head_end, None)
    };
    let mut field = None;
    if bytes.get(end) == Some(&b'#') {
        let field_end = take(end + 1, is_word);
        if field_end == end + 1 {
            return (field_end, Err("the FIELD after # is empty".to_owned()));
        }
        field = Some((end + 1, field_end));
        end = field_end;
    }
    let decode_part = |(from, to): (usize, usize)| decode(&text(from, to));
    let reference = (|| {
        let first = decode_part((head, head_end))?;
        let field = field.map(decode_part).transpose()?;
        Ok(match path {
            Some(p) => Reference::Store {
                provider: first,
                path: decode_part(p)?,
                field,
            },
            None => Reference::Secret { name: first, field },
        })
    })();
    (end, reference)
}

/// Decodes `%XX` sequences (UTF-8).
fn decode(part: &str) -> Result<String, String> {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| "a '%' not followed by two hex digits".to_owned())?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "percent-encoding that is not UTF-8".to_owned())
}

/// Percent-encodes what `allowed` does not let through (and `%` itself).
fn encode(part: &str, allowed: fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(part.len());
    for b in part.bytes() {
        if allowed(b) && b != b'%' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A character of an IPv6 address inside brackets (`[2001:db8::7]`).
fn is_ipv6(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':' || b == b'.'
}

/// A path, encoded; a `secret://cosmian-kms/` path keeps the colon of its `HOST:PORT`.
fn encode_path(provider: &str, path: &str) -> String {
    if provider == SERVER_TYPE {
        if let Some((server, rest)) = path.split_once('/') {
            let bracketed = |h: &str| {
                h.len() > 2
                    && h.starts_with('[')
                    && h.ends_with(']')
                    && h[1..h.len() - 1].bytes().all(is_ipv6)
            };
            let host_form = |h: &str| {
                if bracketed(h) {
                    h.to_owned()
                } else {
                    encode(h, is_word)
                }
            };
            if bracketed(server) {
                return format!("{server}/{}", encode(rest, is_path));
            }
            if let Some((host, port)) = server.rsplit_once(':') {
                if !host.is_empty() && !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
                {
                    return format!("{}:{port}/{}", host_form(host), encode(rest, is_path));
                }
            }
        }
    }
    encode(path, is_path)
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (head, field) = match self {
            Reference::Store {
                provider,
                path,
                field,
            } => (
                format!(
                    "{SECRET_SCHEME}{}/{}",
                    encode(provider, is_word),
                    encode_path(provider, path)
                ),
                field,
            ),
            Reference::Secret { name, field } => {
                (format!("{FNOX_SCHEME}{}", encode(name, is_word)), field)
            }
        };
        f.write_str(&head)?;
        if let Some(field) = field {
            write!(f, "#{}", encode(field, is_word))?;
        }
        Ok(())
    }
}

/// Replaces each found reference with its value (`values` in the order of `found`).
pub fn splice(text: &str, found: &[Found], values: &[SecretValue]) -> SecretValue {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (f, v) in found.iter().zip(values) {
        out.push_str(&text[last..f.start]);
        out.push_str(v.expose());
        last = f.end;
    }
    out.push_str(&text[last..]);
    SecretValue::new(out)
}

/// Which provider reads a `secret://` reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// A provider configured in fnox.toml.
    Named(String),
    /// A provider type with its defaults; `setting` is the Vault mount, the AWS region or the
    /// Azure Key Vault's name.
    Default {
        kind: &'static str,
        setting: Option<String>,
    },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Named(name) => write!(f, "provider '{name}'"),
            Source::Default { kind, .. } => write!(f, "provider type '{kind}' with its defaults"),
        }
    }
}

impl Source {
    /// What reading through this source would do that needs the referring file to be trusted
    /// (send credentials to the server a `secret://cosmian-kms/HOST/...` reference names).
    pub fn risk(&self) -> Option<String> {
        let Source::Default { kind, setting } = self else {
            return None;
        };
        let fields = toml::Table::from_iter(
            setting
                .iter()
                .filter(|_| *kind == SERVER_TYPE)
                .map(|s| ("address".to_owned(), toml::Value::String(s.clone()))),
        );
        crate::trust::provider_risk(kind, kind, &fields)
    }

    /// Builds a provider type with its defaults (a named provider is built by the resolver).
    pub fn build_default(&self, config: &Config) -> Result<Provider, ProviderError> {
        let Source::Default { kind, setting } = self else {
            unreachable!("named providers are built from their config")
        };
        let mut fields = toml::Table::new();
        // `azure-kv` is the reference name of Key Vault secrets, read by an `azure-sm` provider.
        let config_kind = if *kind == "azure-kv" {
            "azure-sm"
        } else {
            kind
        };
        if let Some(setting) = setting {
            let (key, value) = match *kind {
                "vault" => ("path", setting.clone()),
                "azure-kv" => ("vault_url", provider::azure::reference_vault_url(setting)),
                SERVER_TYPE => ("address", setting.clone()),
                _ => ("region", setting.clone()),
            };
            fields.insert(key.to_owned(), toml::Value::String(value));
        }
        let ctx = BuildContext {
            name: kind,
            base_dir: PathBuf::from(&config.cwd),
            legacy_age_key_file: None,
            read_from: None,
        };
        provider::build(
            &ctx,
            &ProviderConfig {
                kind: config_kind.to_owned(),
                fields,
            },
        )
    }
}

/// How one `secret://` reference is read: the provider, the input it gets, and the JSON key
/// to select from the value afterwards.
pub struct Target {
    pub source: Source,
    pub input: String,
    pub field: Option<String>,
}

/// Maps `secret://PROVIDER/PATH#FIELD` to its provider: a configured name wins over a type.
pub fn target(
    config: &Config,
    provider: &str,
    path: &str,
    field: Option<&str>,
) -> Result<Target, Error> {
    let vault_input = |p: &str| format!("{p}#{}", field.unwrap_or_default());
    if let Some(entry) = config.provider(provider) {
        let vault = entry.config.kind == "vault";
        return Ok(Target {
            source: Source::Named(provider.to_owned()),
            input: if vault {
                vault_input(path)
            } else {
                path.to_owned()
            },
            field: field.filter(|_| !vault).map(str::to_owned),
        });
    }
    let reference = Reference::Store {
        provider: provider.to_owned(),
        path: path.to_owned(),
        field: field.map(str::to_owned),
    };
    let Some(kind) = DEFAULT_TYPES.iter().copied().find(|t| *t == provider) else {
        let names: Vec<&str> = config.providers().iter().map(|p| p.name).collect();
        let mut err = Error::new(format!("cannot resolve {reference}"));
        err = if provider::SUPPORTED.contains(&provider) {
            err.cause(format!(
                "provider type '{provider}' has no defaults for references (only {})",
                DEFAULT_TYPES.join(", ")
            ))
        } else {
            err.cause(format!(
                "'{provider}' is neither a configured provider nor a provider type"
            ))
        };
        let candidates = names.iter().copied().chain(DEFAULT_TYPES);
        if let Some(dym) = did_you_mean(provider, candidates) {
            err = err.cause(dym);
        }
        return Err(err.hint(format!(
            "configure it in fnox.toml (`fnox provider add {provider} TYPE`) or use a type: {}",
            DEFAULT_TYPES.join(", ")
        )));
    };
    let split = || {
        path.split_once('/')
            .filter(|(a, b)| !a.is_empty() && !b.is_empty())
            .ok_or_else(|| {
                let form = form_of(kind);
                Error::new(format!("cannot resolve {reference}"))
                    .cause(format!(
                        "a {kind} reference without configuration has the form {form}"
                    ))
                    .hint(format!(
                        "write it as {form}, or configure a {kind} provider and use its name"
                    ))
            })
    };
    let (setting, input, json_field) = match kind {
        "vault" => {
            let (mount, rest) = split()?;
            (Some(mount), vault_input(rest), None)
        }
        "aws-ps" => {
            let (region, name) = split()?;
            let name = if name.contains('/') && !name.starts_with('/') {
                format!("/{name}")
            } else {
                name.to_owned()
            };
            (Some(region), name, field)
        }
        "aws-sm" => {
            let (region, name) = split()?;
            (Some(region), name.to_owned(), field)
        }
        "azure-kv" => {
            let (vault, rest) = split()?;
            let form = form_of(kind);
            let wrong = |why: String| {
                Error::new(format!("cannot resolve {reference}"))
                    .cause(why)
                    .hint(format!("write it as {form}"))
            };
            if !provider::azure::valid_vault_name(vault) {
                return Err(wrong(format!(
                    "'{vault}' is not a Key Vault name (3-24 letters, digits and hyphens, starting with a letter)"
                )));
            }
            let Some(name) = rest.strip_prefix("secrets/").filter(|n| !n.is_empty()) else {
                return Err(wrong(format!(
                    "an azure-kv reference without configuration has the form {form}"
                )));
            };
            (Some(vault), name.to_owned(), field)
        }
        SERVER_TYPE => {
            let (server, id) = split()?;
            let address = provider::cosmian_kms::normalize_address(server);
            return Ok(Target {
                source: Source::Default {
                    kind,
                    setting: Some(address),
                },
                input: id.to_owned(),
                field: field.map(str::to_owned),
            });
        }
        _ => (None, path.to_owned(), field),
    };
    Ok(Target {
        source: Source::Default {
            kind,
            setting: setting.map(str::to_owned),
        },
        input,
        field: json_field.map(str::to_owned),
    })
}

/// How a reference to provider type `kind` without configuration is written.
fn form_of(kind: &str) -> &'static str {
    match kind {
        "vault" => "secret://vault/MOUNT/PATH#FIELD",
        "aws-ps" => "secret://aws-ps/REGION/PARAMETER_NAME",
        "azure-kv" => "secret://azure-kv/VAULT/secrets/NAME[/VERSION]",
        SERVER_TYPE => "secret://cosmian-kms/HOST[:PORT]/OBJECT_ID",
        _ => "secret://aws-sm/REGION/SECRET_NAME",
    }
}

/// The value of key `field` of a JSON object value: strings as they are, anything else as JSON.
pub fn select_field(value: &SecretValue, field: &str) -> Result<SecretValue, String> {
    let json: serde_json::Value = serde_json::from_str(value.expose())
        .map_err(|_| format!("#{field}: the value is not a JSON object"))?;
    match json.get(field) {
        Some(serde_json::Value::String(s)) => Ok(SecretValue::new(s.clone())),
        Some(other) => Ok(SecretValue::new(other.to_string())),
        None if json.is_object() => Err(format!("#{field}: the JSON value has no key '{field}'")),
        None => Err(format!("#{field}: the value is not a JSON object")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(provider: &str, path: &str, field: Option<&str>) -> Reference {
        Reference::Store {
            provider: provider.into(),
            path: path.into(),
            field: field.map(Into::into),
        }
    }

    fn spans(text: &str) -> Vec<(&str, Result<Reference, String>)> {
        find(text)
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.reference))
            .collect()
    }

    #[test]
    fn a_reference_inside_a_url_ends_at_the_first_character_it_does_not_allow() {
        let text = "postgresql://kms:secret://secret/kms/db#password@db:5432/kms";
        assert_eq!(
            spans(text),
            vec![(
                "secret://secret/kms/db#password",
                Ok(store("secret", "kms/db", Some("password")))
            )]
        );
    }

    #[test]
    fn terminators_end_references() {
        for (text, expected) in [
            ("\"secret://vault/a/b#c\",", "secret://vault/a/b#c"),
            ("X=secret://p/a b", "secret://p/a"),
            ("(secret://p/a)", "secret://p/a"),
            ("secret://p/a?x=1", "secret://p/a"),
            ("secret://p/a:5432", "secret://p/a"),
            ("'fnox://DB_URL'", "fnox://DB_URL"),
            ("fnox://A-B.c_1#k;", "fnox://A-B.c_1#k"),
            ("secret://p/a#f/g", "secret://p/a#f"),
            ("secret://p/a#f#g", "secret://p/a#f"),
            ("${secret://p/a}", "secret://p/a"),
            ("{{secret://p/dir/x~y+z.txt}}", "secret://p/dir/x~y+z.txt"),
        ] {
            let found = spans(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].0, expected, "{text}");
            assert!(found[0].1.is_ok(), "{text}");
        }
    }

    #[test]
    fn several_references_in_one_text() {
        let text = "a=secret://x/1 b=fnox://TWO c=secret://aws-ps/us-east-1/p#k\n";
        let found: Vec<Reference> = find(text)
            .into_iter()
            .map(|f| f.reference.unwrap())
            .collect();
        assert_eq!(
            found,
            vec![
                store("x", "1", None),
                Reference::Secret {
                    name: "TWO".into(),
                    field: None
                },
                store("aws-ps", "us-east-1/p", Some("k")),
            ]
        );
    }

    #[test]
    fn a_cosmian_kms_reference_keeps_the_port_of_its_server() {
        let text = "DB=secret://cosmian-kms/127.0.0.1:9998/db-password#user;x";
        assert_eq!(
            spans(text),
            vec![(
                "secret://cosmian-kms/127.0.0.1:9998/db-password#user",
                Ok(store(
                    "cosmian-kms",
                    "127.0.0.1:9998/db-password",
                    Some("user")
                ))
            )]
        );
        let r = store("cosmian-kms", "kms.example.com:443/a b", None);
        assert_eq!(
            r.to_string(),
            "secret://cosmian-kms/kms.example.com:443/a%20b"
        );
        assert_eq!(find(&r.to_string())[0].reference.as_ref().unwrap(), &r);
        // Only the server segment of that type, and only a port followed by a path.
        for (text, extent) in [
            ("secret://cosmian-kms/h:9998", "secret://cosmian-kms/h"),
            ("secret://cosmian-kms/h/id:5", "secret://cosmian-kms/h/id"),
            ("secret://cosmian-kms/h:x/id", "secret://cosmian-kms/h"),
            ("secret://vault/h:9998/id", "secret://vault/h"),
        ] {
            let found = find(text);
            assert_eq!(&text[found[0].start..found[0].end], extent, "{text}");
        }
    }

    #[test]
    fn a_cosmian_kms_reference_may_name_an_ipv6_host() {
        for (text, path) in [
            ("secret://cosmian-kms/[::1]:9998/db;", "[::1]:9998/db"),
            ("secret://cosmian-kms/[::1]/db", "[::1]/db"),
            (
                "secret://cosmian-kms/[2001:db8::7]:443/a/b#f",
                "[2001:db8::7]:443/a/b",
            ),
        ] {
            let found = find(text);
            let r = found[0].reference.as_ref().unwrap();
            let Reference::Store { path: got, .. } = r else {
                panic!("{text}: {r:?}")
            };
            assert_eq!(got, path, "{text}");
            assert_eq!(find(&r.to_string())[0].reference.as_ref().unwrap(), r);
            assert!(!r.to_string().contains('%'), "{r}");
        }
        assert_eq!(
            crate::provider::cosmian_kms::normalize_address("[::1]"),
            "http://[::1]:9998"
        );
        assert_eq!(
            crate::provider::cosmian_kms::normalize_address("[2001:db8::7]:443"),
            "https://[2001:db8::7]:443"
        );
        // An unclosed bracket is no server: the reference ends before it.
        assert!(find("secret://cosmian-kms/[::1/db")[0].reference.is_err());
    }

    #[test]
    fn a_scheme_inside_a_longer_scheme_is_not_a_reference() {
        assert!(find("mysecret://x/y notfnox://A x.secret://a/b x-fnox://B").is_empty());
        assert!(find("plain text, https://example.com/x#y").is_empty());
        assert!(!contains("no references here"));
        assert!(contains("at the start: secret://"));
    }

    #[test]
    fn percent_encoding_is_decoded_and_round_trips() {
        let found = find("secret://my%20vault/a%40b/c%2Fd#f%3Ag%23");
        let r = found[0].reference.as_ref().unwrap();
        assert_eq!(r, &store("my vault", "a@b/c/d", Some("f:g#")));
        assert_eq!(
            found[0].end,
            "secret://my%20vault/a%40b/c%2Fd#f%3Ag%23".len()
        );
        // Display re-encodes what the grammar does not allow (a decoded `/` stays a separator).
        assert_eq!(r.to_string(), "secret://my%20vault/a%40b/c/d#f%3Ag%23");
        let reparsed = find(&r.to_string())[0].reference.clone().unwrap();
        assert_eq!(&reparsed, r);
        let unicode = find("fnox://%C3%BC")[0].reference.clone().unwrap();
        assert_eq!(
            unicode,
            Reference::Secret {
                name: "ü".into(),
                field: None
            }
        );
    }

    #[test]
    fn malformed_references_are_errors_with_their_extent() {
        for (text, extent) in [
            ("secret://", "secret://"),
            ("secret:// x", "secret://"),
            ("secret://vault", "secret://vault"),
            ("secret://vault/ x", "secret://vault/"),
            ("secret://vault/a# x", "secret://vault/a#"),
            ("fnox://", "fnox://"),
            ("fnox://A#", "fnox://A#"),
            ("secret://p/a%2", "secret://p/a%2"),
            ("secret://p/a%zz", "secret://p/a%zz"),
            ("secret://p/%FF", "secret://p/%FF"),
        ] {
            let found = find(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(&text[found[0].start..found[0].end], extent, "{text}");
            assert!(found[0].reference.is_err(), "{text}");
        }
    }

    #[test]
    fn non_ascii_text_around_references_is_safe() {
        let text = "ü→secret://p/a✓ fnox://B🔑";
        let found = spans(text);
        assert_eq!(found[0].0, "secret://p/a");
        assert_eq!(found[1].0, "fnox://B");
    }

    #[test]
    fn splice_replaces_each_reference() {
        let text = "postgresql://kms:secret://secret/kms/db#password@db:5432/kms?x=fnox://A";
        let found = find(text);
        let values = [SecretValue::from("p@ss"), SecretValue::from("1")];
        assert_eq!(
            splice(text, &found, &values).expose(),
            "postgresql://kms:p@ss@db:5432/kms?x=1"
        );
    }

    #[test]
    fn select_field_reads_a_json_key() {
        let v = SecretValue::from(r#"{"user":"u","port":5432}"#);
        assert_eq!(select_field(&v, "user").unwrap().expose(), "u");
        assert_eq!(select_field(&v, "port").unwrap().expose(), "5432");
        assert!(select_field(&v, "nope")
            .unwrap_err()
            .contains("no key 'nope'"));
        assert!(select_field(&SecretValue::from("x"), "k")
            .unwrap_err()
            .contains("not a JSON object"));
    }
}
