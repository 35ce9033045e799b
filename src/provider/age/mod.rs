//! `age`: values are the standard-base64 of a binary age file, encrypted to every recipient.
//! Identities are found once per run, only when something must be decrypted, and decryption of
//! a batch runs on all cores. An `identity = { provider, value }` is read through another
//! provider (`BuildContext::read_from`, see resolve/identity.rs) only for the values no local
//! identity opens. Native X25519 identities go through `fast` (assembly X25519, public key
//! read from the identity file's comment or derived once); everything else through the age crate.

mod decrypt;
mod fast;
#[cfg(test)]
mod testkit;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use base64::Engine;
use rayon::prelude::*;
use serde::Deserialize;

use super::{BuildContext, Cipher, ErrorKind, ItemResult, ProviderError};
use crate::env_vars;
use decrypt::{decode, decrypt_one, recipient_stanzas};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeConfig {
    #[serde(default)]
    pub recipients: Vec<String>,
    pub key_file: Option<String>,
    pub identity: Option<toml::Value>,
    /// Identities kept only to decrypt values sealed before a key rotation; never written to.
    #[serde(default)]
    pub retired_key_files: Vec<String>,
}

/// An age identity: a native X25519 key (the fast path), or any other the age crate handles.
enum DynIdentity {
    Native(fast::FastX25519),
    Other(Box<dyn age::Identity + Send + Sync>),
}

impl DynIdentity {
    fn native(&self) -> Option<&fast::FastX25519> {
        match self {
            DynIdentity::Native(f) => Some(f),
            DynIdentity::Other(_) => None,
        }
    }

    fn age(&self) -> &dyn age::Identity {
        match self {
            DynIdentity::Native(f) => f,
            DynIdentity::Other(o) => o.as_ref(),
        }
    }
}

const SSH_LABEL: &str = "default SSH key";

/// Where an identity may come from, in the order they are tried.
#[derive(Debug, Clone)]
enum IdentitySource {
    /// Key text in an environment variable.
    EnvText(&'static str),
    /// The copies `fnox key rotate` left beside this identity file (`NAME.retired-*`), found
    /// when identities are loaded.
    RetiredBeside(PathBuf),
    /// A file; `explicit` ones must exist, default locations are skipped when absent.
    File {
        path: PathBuf,
        explicit: bool,
        label: String,
    },
}

/// `identity = { provider = "NAME", value = "KEY" }`: the identity is a value of another provider.
#[derive(Debug, Clone)]
struct IdentityRef {
    provider: String,
    value: String,
}

pub struct Age {
    name: String,
    recipients: Vec<String>,
    sources: Vec<IdentitySource>,
    identities: OnceLock<Loaded>,
    /// The identity another provider holds, read (once) only when no local identity decrypts.
    identity: Option<IdentityRef>,
    read_from: Option<super::ReadFrom>,
    from_provider: OnceLock<Result<Vec<DynIdentity>, ProviderError>>,
}

impl Age {
    pub fn new(ctx: &BuildContext, config: AgeConfig) -> Result<Age, ProviderError> {
        let mut sources = Vec::new();
        if env_vars::non_empty(env_vars::FNOX_AGE_KEY).is_some() {
            sources.push(IdentitySource::EnvText(env_vars::FNOX_AGE_KEY));
        }
        for (path, label) in identity_files(
            ctx.name,
            config.key_file.as_deref(),
            &ctx.base_dir,
            ctx.legacy_age_key_file.as_ref(),
        ) {
            sources.push(IdentitySource::File {
                path,
                explicit: true,
                label,
            });
        }
        // A retired identity a teammate's rotation listed is not on this machine: skipped.
        for raw in &config.retired_key_files {
            sources.push(IdentitySource::File {
                path: env_vars::expand_path(raw, &ctx.base_dir),
                explicit: false,
                label: format!("retired_key_files of provider '{}'", ctx.name),
            });
        }
        if let Some(path) = default_identity_path() {
            sources.push(IdentitySource::File {
                path,
                explicit: false,
                label: "default identity".to_owned(),
            });
        }
        if let Some(home) = env_vars::home_dir() {
            for name in ["id_ed25519", "id_rsa"] {
                sources.push(IdentitySource::File {
                    path: home.join(".ssh").join(name),
                    explicit: false,
                    label: SSH_LABEL.to_owned(),
                });
            }
        }
        // The identities `fnox key rotate` retired beside each identity file are read last.
        let retired: Vec<IdentitySource> = sources
            .iter()
            .filter_map(|s| match s {
                IdentitySource::File { path, label, .. } if label != SSH_LABEL => {
                    Some(IdentitySource::RetiredBeside(path.clone()))
                }
                _ => None,
            })
            .collect();
        sources.extend(retired);
        // A file named twice (FNOX_AGE_KEY_FILE pointing at the default key) is read once, and
        // its directory listed once for retired copies.
        let (mut seen, mut listed) = (
            std::collections::HashSet::new(),
            std::collections::HashSet::new(),
        );
        sources.retain(|s| match s {
            IdentitySource::File { path, .. } => seen.insert(path.clone()),
            IdentitySource::RetiredBeside(path) => listed.insert(path.clone()),
            _ => true,
        });
        let identity = config
            .identity
            .as_ref()
            .map(|v| identity_ref(ctx.name, v))
            .transpose()?;
        Ok(Age {
            name: ctx.name.to_owned(),
            recipients: config.recipients,
            sources,
            identities: OnceLock::new(),
            identity,
            read_from: ctx.read_from.clone(),
            from_provider: OnceLock::new(),
        })
    }

    /// The identities of `identity = { provider, value }`, read once through the other provider.
    fn provider_identities(&self, r: &IdentityRef) -> Result<&[DynIdentity], ProviderError> {
        let loaded = self.from_provider.get_or_init(|| {
            let read = self.read_from.as_ref().ok_or_else(|| {
                ProviderError::new(
                    ErrorKind::Config,
                    format!(
                        "the age identity of provider '{}' names provider '{}', which cannot be read here",
                        self.name, r.provider
                    ),
                )
            })?;
            let text = read(&r.provider, &r.value)?;
            let label = format!("the value '{}' of provider '{}'", r.value, r.provider);
            parse_identity_text(text.expose(), &label).map_err(|e| {
                ProviderError::new(
                    ErrorKind::NoIdentity,
                    format!(
                        "the age identity of provider '{}' ({label}) is not a usable age identity: {e}",
                        self.name
                    ),
                )
                .hint(format!(
                    "store the AGE-SECRET-KEY-1... line (or the whole identity file) as '{}' in provider '{}'",
                    r.value, r.provider
                ))
                .without(text.expose())
            })
        });
        match loaded {
            Ok(ids) => Ok(ids),
            Err(e) => Err(e.clone()),
        }
    }

    /// Every identity the sources give. Sources that give none are warnings when another one
    /// does; when none does, the error is the first source's (the others' follow it).
    fn identities(&self) -> Result<&[DynIdentity], ProviderError> {
        let loaded = self
            .identities
            .get_or_init(|| load_identities(&self.sources));
        match (&loaded.identities[..], &loaded.problems[..]) {
            ([], [(first, _), rest @ ..]) => {
                let mut err = first.clone();
                for (other, _) in rest {
                    err.message.push_str(&format!("; also {}", other.message));
                }
                Err(err)
            }
            (ids, problems) => {
                for (problem, _) in problems {
                    warn_once(problem);
                }
                Ok(ids)
            }
        }
    }

    /// The identity sources that are broken rather than merely absent (`check` fails on them).
    fn broken_source(&self) -> Option<ProviderError> {
        let loaded = self
            .identities
            .get_or_init(|| load_identities(&self.sources));
        loaded
            .problems
            .iter()
            .find(|(_, missing)| !missing)
            .map(|(e, _)| e.clone())
    }

    fn parsed_recipients(&self) -> Result<Vec<Box<dyn age::Recipient + Send>>, ProviderError> {
        if self.recipients.is_empty() {
            return Err(ProviderError::new(ErrorKind::Config, "the age provider has no recipients")
                .hint("add your public key (the `# public key:` line of ~/.config/fnox/age.txt) to `recipients`"));
        }
        self.recipients.iter().map(|r| parse_recipient(r)).collect()
    }
}

/// The identity files provider `name` is told to read, in the order they are tried, each with
/// where it was named: its `key_file`, FNOX_AGE_KEY_FILE, the legacy `age_key_file`.
pub fn identity_files(
    name: &str,
    key_file: Option<&str>,
    base_dir: &Path,
    legacy: Option<&PathBuf>,
) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    if let Some(raw) = key_file {
        out.push((
            env_vars::expand_path(raw, base_dir),
            format!("key_file of provider '{name}'"),
        ));
    }
    if let Some(raw) = env_vars::non_empty(env_vars::FNOX_AGE_KEY_FILE) {
        out.push((
            env_vars::expand_path(&raw, &std::env::current_dir().unwrap_or_default()),
            env_vars::FNOX_AGE_KEY_FILE.to_owned(),
        ));
    }
    if let Some(path) = legacy {
        out.push((path.clone(), "age_key_file".to_owned()));
    }
    out
}

/// `$FNOX_CONFIG_DIR/age.txt` (by default ~/.config/fnox/age.txt).
pub fn default_identity_path() -> Option<PathBuf> {
    env_vars::config_dir().map(|d| d.join("age.txt"))
}

pub fn parse_recipient(r: &str) -> Result<Box<dyn age::Recipient + Send>, ProviderError> {
    let r = r.trim();
    let bad = |why: String| {
        ProviderError::new(
            ErrorKind::Config,
            format!("invalid age recipient '{r}': {why}"),
        )
        .hint("recipients are age1... public keys or ssh-ed25519 / ssh-rsa public key lines")
    };
    if r.starts_with("ssh-") {
        age::ssh::Recipient::from_str(r)
            .map(|k| Box::new(k) as Box<dyn age::Recipient + Send>)
            .map_err(|e| bad(format!("{e:?}")))
    } else if r.starts_with("age1") && r.len() == 62 {
        age::x25519::Recipient::from_str(r)
            .map(|k| Box::new(k) as Box<dyn age::Recipient + Send>)
            .map_err(|e| bad(e.to_string()))
    } else if r.starts_with("age1") && r[4..].contains('1') && r.len() > 62 {
        Err(ProviderError::new(
            ErrorKind::Unsupported,
            format!("age plugin recipient '{r}' is not supported by this version of fnox"),
        )
        .hint("use an age1... X25519 key or an SSH public key as recipient"))
    } else {
        Err(bad("unrecognised format".to_owned()))
    }
}

/// What the identity sources gave: the identities, and why some sources gave none.
struct Loaded {
    identities: Vec<DynIdentity>,
    /// A source that could not be used, and whether it was only a file that does not exist.
    problems: Vec<(ProviderError, bool)>,
}

/// Tries every source: one that cannot be used (a stale FNOX_AGE_KEY_FILE, a bad FNOX_AGE_KEY)
/// does not keep the others from being read.
fn load_identities(sources: &[IdentitySource]) -> Loaded {
    let mut loaded = Loaded {
        identities: Vec::new(),
        problems: Vec::new(),
    };
    let mut expanded = Vec::with_capacity(sources.len());
    for source in sources {
        match source {
            IdentitySource::RetiredBeside(path) => {
                for retired in retired_beside(path) {
                    if !sources
                        .iter()
                        .any(|s| matches!(s, IdentitySource::File { path, .. } if *path == retired))
                    {
                        expanded.push(IdentitySource::File {
                            path: retired,
                            explicit: false,
                            label: "a retired identity".to_owned(),
                        });
                    }
                }
            }
            other => expanded.push(other.clone()),
        }
    }
    for source in &expanded {
        match source {
            IdentitySource::RetiredBeside(_) => {}
            IdentitySource::EnvText(var) => {
                let text = env_vars::non_empty(var).unwrap_or_default();
                match parse_identity_text(&text, var) {
                    Ok(ids) => loaded.identities.extend(ids),
                    Err(e) => loaded.problems.push((
                        ProviderError::new(
                            ErrorKind::NoIdentity,
                            format!("{var} does not hold an age identity: {e}"),
                        )
                        .hint(format!(
                            "set {var} to the AGE-SECRET-KEY-1... line of your key, or unset it"
                        )),
                        false,
                    )),
                }
            }
            IdentitySource::File {
                path,
                explicit,
                label,
            } => {
                let text = match std::fs::read_to_string(path) {
                    Ok(text) => text,
                    Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => continue,
                    Err(e) => {
                        let missing = e.kind() == std::io::ErrorKind::NotFound;
                        loaded.problems.push((
                            ProviderError::new(
                                ErrorKind::NoIdentity,
                                format!(
                                    "cannot read age identity {} ({label}): {e}",
                                    path.display()
                                ),
                            )
                            .hint(format!(
                                "fix the path in {label}, or run `fnox init` to create a key"
                            )),
                            missing,
                        ));
                        continue;
                    }
                };
                match parse_identity_text(&text, &path.display().to_string()) {
                    Ok(ids) => loaded.identities.extend(ids),
                    // A default SSH key we cannot use (passphrase, unsupported type) is simply not ours to use.
                    Err(_) if !explicit && label == SSH_LABEL => continue,
                    Err(e) => loaded.problems.push((
                        ProviderError::new(
                            ErrorKind::NoIdentity,
                            format!(
                                "{} ({label}) is not a usable age identity: {e}",
                                path.display()
                            ),
                        ),
                        false,
                    )),
                }
            }
        }
    }
    loaded
}

/// The retired copies of identity file `path` in its directory, oldest first.
fn retired_beside(path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Vec::new();
    };
    let prefix = format!(
        "{}{}",
        name.to_string_lossy(),
        crate::keys::age::RETIRED_MARK
    );
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Warns once per run about a source that could not be used, when other identities could.
fn warn_once(problem: &ProviderError) {
    static WARNED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut warned = WARNED.lock().unwrap_or_else(|e| e.into_inner());
    if warned.contains(&problem.message) {
        return;
    }
    warned.push(problem.message.clone());
    crate::error::warn(format!(
        "{}; using the other age identities",
        problem.message
    ));
}

/// Parses an age identity file (comments allowed) or an unencrypted SSH private key.
fn parse_identity_text(text: &str, name: &str) -> Result<Vec<DynIdentity>, String> {
    if text.contains("-----BEGIN") {
        let id = age::ssh::Identity::from_buffer(text.as_bytes(), Some(name.to_owned()))
            .map_err(|e| format!("not an SSH private key ({e})"))?;
        return match id {
            age::ssh::Identity::Unencrypted(_) => Ok(vec![DynIdentity::Other(Box::new(id))]),
            age::ssh::Identity::Encrypted(_) => {
                Err("passphrase-protected SSH keys are not supported; use an age key".to_owned())
            }
            age::ssh::Identity::Unsupported(_) => Err("unsupported SSH key type".to_owned()),
        };
    }
    let file = age::IdentityFile::from_buffer(text.as_bytes()).map_err(|e| e.to_string())?;
    let ids = file.into_identities().map_err(|e| e.to_string())?;
    if ids.is_empty() {
        return Err("no AGE-SECRET-KEY-1... line found".to_owned());
    }
    // The age crate has validated the file; native keys take the fast path.
    match native_identities(text) {
        Some(fast) => Ok(fast.into_iter().map(DynIdentity::Native).collect()),
        None => Ok(ids.into_iter().map(DynIdentity::Other).collect()),
    }
}

/// The fast-path identities of an identity file's text, when every key line in it is a native
/// X25519 key; None when any is something else (plugin, unparsable), which the age crate handles.
/// Each takes the `# public key:` comment above it, if any, as the public key to try first.
fn native_identities(text: &str) -> Option<Vec<fast::FastX25519>> {
    let mut stated = None;
    let mut identities = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') {
            stated = fast::stated_public_key(line).or(stated);
        } else if !line.is_empty() {
            identities.push(fast::FastX25519::parse(line)?.stating(stated.take()));
        }
    }
    Some(identities)
}

/// The native X25519 identities in an identity file's text, in order.
pub fn x25519_identities(text: &str) -> Vec<age::x25519::Identity> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .filter_map(|l| age::x25519::Identity::from_str(l).ok())
        .collect()
}

/// The public keys of the native identities in an identity file's text.
pub fn public_keys(text: &str) -> Vec<String> {
    x25519_identities(text)
        .into_iter()
        .map(|id| id.to_public().to_string())
        .collect()
}

/// Generates a new identity: (identity file text, public key).
pub fn generate_identity(created: &str) -> (String, String) {
    let (text, _, public) = new_identity(created);
    (text, public)
}

/// Generates a new identity: (identity file text, the identity, public key).
pub fn new_identity(created: &str) -> (String, age::x25519::Identity, String) {
    use age::secrecy::ExposeSecret;
    let id = age::x25519::Identity::generate();
    let public = id.to_public().to_string();
    // The comment the fast path reads the public key from (as age-keygen writes it).
    let comment = fast::PUBLIC_KEY_COMMENT;
    let text = format!(
        "# created: {created}\n{comment} {public}\n{}\n",
        id.to_string().expose_secret()
    );
    (text, id, public)
}

/// Decrypts each value with `identity` alone, as the provider decrypts (base64 or armored;
/// on all cores for a large batch): what a rotation checks its new ciphertexts with.
pub fn decrypt_with(identity: &age::x25519::Identity, values: &[&str]) -> Vec<ItemResult> {
    let ids = vec![DynIdentity::Other(Box::new(identity.clone()))];
    decrypt_all(&ids, values)
}

/// A stored value's bytes: base64 (whitespace ignored) when it decodes, else the text itself.
pub fn stored_bytes(value: &str) -> Vec<u8> {
    decode(value)
}

impl Cipher for Age {
    fn encrypt(&self, plaintext: &str) -> Result<String, ProviderError> {
        let recipients = self.parsed_recipients()?;
        let encryptor = age::Encryptor::with_recipients(
            recipients.iter().map(|r| r.as_ref() as &dyn age::Recipient),
        )
        .map_err(|e| ProviderError::new(ErrorKind::Config, format!("age: {e}")))?;
        let mut out = Vec::with_capacity(plaintext.len() + 256);
        let io = |e: std::io::Error| ProviderError::new(ErrorKind::Other, format!("age: {e}"));
        let mut writer = encryptor.wrap_output(&mut out).map_err(io)?;
        writer.write_all(plaintext.as_bytes()).map_err(io)?;
        writer.finish().map_err(io)?;
        Ok(base64::engine::general_purpose::STANDARD.encode(out))
    }

    fn decrypt_batch(&self, values: &[&str]) -> Vec<ItemResult> {
        let Some(identity) = &self.identity else {
            return match self.identities() {
                Ok([]) => {
                    let err = ProviderError::new(ErrorKind::NoIdentity, "age: no identity found on this machine").hint(
                        "run `fnox init` to create ~/.config/fnox/age.txt, or set FNOX_AGE_KEY_FILE / FNOX_AGE_KEY",
                    );
                    values.iter().map(|_| Err(err.clone())).collect()
                }
                Ok(ids) => decrypt_all(ids, values),
                Err(e) => values.iter().map(|_| Err(e.clone())).collect(),
            };
        };
        // The local identities first; the other provider is asked only for what they cannot open.
        let local = self
            .identities
            .get_or_init(|| load_identities(&self.sources));
        let mut results = if local.identities.is_empty() {
            let none = ProviderError::new(ErrorKind::NoIdentity, "no local identity");
            values.iter().map(|_| Err(none.clone())).collect()
        } else {
            decrypt_all(&local.identities, values)
        };
        let pending: Vec<usize> = (0..values.len())
            .filter(|&i| matches!(&results[i], Err(e) if e.kind == ErrorKind::NoIdentity))
            .collect();
        if pending.is_empty() {
            local.problems.iter().for_each(|(p, _)| warn_once(p));
            return results;
        }
        match self.provider_identities(identity) {
            Ok(ids) => {
                local.problems.iter().for_each(|(p, _)| warn_once(p));
                let inputs: Vec<&str> = pending.iter().map(|&i| values[i]).collect();
                for (i, r) in pending.into_iter().zip(decrypt_all(ids, &inputs)) {
                    results[i] = r;
                }
            }
            Err(mut err) => {
                if local.identities.is_empty() {
                    for (other, _) in &local.problems {
                        err.message.push_str(&format!("; also {}", other.message));
                    }
                } else {
                    local.problems.iter().for_each(|(p, _)| warn_once(p));
                }
                for i in pending {
                    results[i] = Err(err.clone());
                }
            }
        }
        results
    }

    fn stale_batch(&self, values: &[&str]) -> Vec<Option<String>> {
        let want = self.recipients.len();
        values
            .iter()
            .map(|v| {
                let have = recipient_stanzas(&decode(v))?;
                (have != want).then(|| {
                    format!("sealed to {have} recipient(s); the provider lists {want}: run `fnox reencrypt`")
                })
            })
            .collect()
    }

    fn check(&self) -> Result<String, ProviderError> {
        let recipients = self.parsed_recipients()?;
        if let Some(broken) = self.broken_source() {
            return Err(broken);
        }
        let Some(identity) = &self.identity else {
            return Ok(format!(
                "{} recipient(s), {} identity(ies) available on this machine",
                recipients.len(),
                self.identities()?.len()
            ));
        };
        // Files that are merely absent do not matter when the other provider holds the identity.
        let local = self.identities().map(<[_]>::len).unwrap_or(0);
        let remote = self.provider_identities(identity)?.len();
        Ok(format!(
            "{} recipient(s), {} identity(ies) available on this machine ({remote} from provider '{}')",
            recipients.len(),
            local + remote,
            identity.provider
        ))
    }
}

/// Below this many values a batch is decrypted on this thread: one decryption costs tens of
/// microseconds, starting the thread pool more than a few of them (a `get` with its file's
/// integrity key is a batch of two).
const PARALLEL_FROM: usize = 8;

fn decrypt_all(identities: &[DynIdentity], values: &[&str]) -> Vec<ItemResult> {
    if values.len() < PARALLEL_FROM {
        return values.iter().map(|v| decrypt_one(identities, v)).collect();
    }
    values
        .par_iter()
        .map(|v| decrypt_one(identities, v))
        .collect()
}

/// `identity = { provider = "NAME", value = "KEY" }`, checked when the provider is built (nothing
/// is read then: a `set` never needs the identity).
fn identity_ref(name: &str, v: &toml::Value) -> Result<IdentityRef, ProviderError> {
    let bad = || {
        ProviderError::new(
            ErrorKind::Config,
            format!(
                "invalid age provider settings: the `identity` of provider '{name}' must be {{ provider = \"NAME\", value = \"KEY\" }}"
            ),
        )
        .hint("name the provider that holds the identity and the key it is stored under, e.g. identity = { provider = \"pass\", value = \"fnox/age-key\" }")
    };
    let table = v.as_table().ok_or_else(bad)?;
    if table.keys().any(|k| k != "provider" && k != "value") {
        return Err(bad());
    }
    let field = |k: &str| {
        table
            .get(k)
            .and_then(toml::Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
    };
    Ok(IdentityRef {
        provider: field("provider").ok_or_else(bad)?,
        value: field("value").ok_or_else(bad)?,
    })
}

/// Reads the identity text at a path, when it exists (for `init`).
pub fn read_identity_file(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}
