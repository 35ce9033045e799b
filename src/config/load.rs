//! Discovery and layering: the global file, parent directories up to `root = true`, profile and
//! local files, imports; then the effective providers and secrets of the active profiles.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use super::model::{
    self, ConfigFile, EnvMode, IfMissing, LeaseConfig, ProviderConfig, SecretConfig,
};
use crate::env_vars;
use crate::error::{did_you_mean, Error, Result};

pub const DEFAULT_PROFILE: &str = "default";
pub const DEFAULT_CONFIG_NAME: &str = "fnox.toml";

/// One loaded file.
#[derive(Clone)]
pub struct Layer {
    pub path: PathBuf,
    /// `path` with its links resolved (as discovery tells files apart), or `path` where it
    /// cannot be resolved.
    pub real: PathBuf,
    pub text: super::text::Text,
    pub file: ConfigFile,
    /// Set for `fnox.P.toml`: its top-level entries belong to profile P.
    pub profile: Option<String>,
    pub global: bool,
    /// Whether the file is trusted, worked out on first use (it hashes the whole text): `exec`
    /// asks once per secret.
    pub trusted: std::sync::OnceLock<bool>,
    /// The secret entries a sparse read left unparsed (`LoadOptions::only`).
    pub set_aside: Option<super::sparse::SetAside>,
}

/// The file's text holds defaults and `plain` values: Debug shows its size only.
impl std::fmt::Debug for Layer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Layer")
            .field("path", &self.path)
            .field("text", &format_args!("<{} bytes>", self.text.len()))
            .field("file", &self.file)
            .field("profile", &self.profile)
            .field("global", &self.global)
            .finish()
    }
}

/// Which table of a file a secret or provider sits in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    Top,
    Profile(String),
}

impl Section {
    pub fn for_profile(profile: &str) -> Section {
        if profile == DEFAULT_PROFILE {
            Section::Top
        } else {
            Section::Profile(profile.to_owned())
        }
    }

    /// The TOML key path of `table` (e.g. "secrets") in this section.
    pub fn key_path(&self, table: &str, name: &str) -> String {
        match self {
            Section::Top => format!("{table}.{name}"),
            Section::Profile(p) => format!("profiles.{p}.{table}.{name}"),
        }
    }
}

/// Where an effective entry was defined.
#[derive(Debug, Clone)]
pub struct Origin {
    pub layer: usize,
    /// The section as written in the file (a profile file's top level is `Section::Top`).
    pub section: Section,
    pub offset: usize,
}

pub struct SecretEntry<'a> {
    pub name: &'a str,
    pub secret: &'a SecretConfig,
    pub origin: Origin,
}

pub struct LeaseEntry<'a> {
    pub name: &'a str,
    pub config: &'a LeaseConfig,
    pub origin: Origin,
}

pub struct ProviderEntry<'a> {
    pub name: &'a str,
    pub config: &'a ProviderConfig,
    pub origin: Origin,
}

/// The `[mcp]` settings in effect (`Config::mcp`): each field with the layer that set it.
#[derive(Debug, Clone, Default)]
pub struct McpSettings {
    pub tools: Option<(Vec<String>, usize)>,
    pub secrets: Option<(Vec<String>, usize)>,
    pub exec_timeout_secs: Option<(u64, usize)>,
    pub redact_output: Option<(bool, usize)>,
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `-c/--config`, when given with anything but the default name.
    pub explicit: Option<PathBuf>,
    /// Active profiles, in overlay order; never empty.
    pub profiles: Vec<String>,
    pub no_defaults: bool,
    /// Whether having no config file at all is acceptable (write commands create one; `doctor`
    /// and `config-files` report it).
    pub allow_none: bool,
    /// A write: the `-c` file may not exist yet, and a profile that no file defines yet may be
    /// named (the write creates it). Reads refuse both.
    pub for_write: bool,
    /// The shell hook: files that are not trusted are left out (with their imports).
    pub trusted_only: bool,
    /// A read of these secrets only (and what they refer to): a file's other entries may
    /// be left unparsed (`sparse`), so `Config::secrets` lists a subset.
    pub only: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub cwd: PathBuf,
    /// Lowest priority first.
    pub layers: Vec<Layer>,
    pub profiles: Vec<String>,
    pub no_defaults: bool,
    pub explicit: Option<PathBuf>,
    /// Directories searched, nearest first (empty with an explicit file).
    pub searched: Vec<PathBuf>,
    /// Files left out because they are not trusted (`LoadOptions::trusted_only`).
    pub untrusted: Vec<PathBuf>,
}

pub fn load(cwd: &Path, opts: LoadOptions) -> Result<Config> {
    for p in &opts.profiles {
        validate_profile_name(p)?;
    }
    let mut loader = Loader {
        seen: HashSet::new(),
        layers: Vec::new(),
        trusted_only: opts.trusted_only,
        sparse: opts.only.is_some(),
        untrusted: Vec::new(),
        cwd: cwd.to_path_buf(),
    };
    if let Some(global) = global_config_path() {
        if present(&global)? {
            loader.load_file(&global, None, true, None)?;
        }
    }
    let mut searched = Vec::new();
    if let Some(explicit) = &opts.explicit {
        let path = if explicit.is_absolute() {
            explicit.clone()
        } else {
            cwd.join(explicit)
        };
        if present(&path)? {
            loader.load_file(&path, None, false, None)?;
            // Beside an explicit fnox.toml / .fnox.toml, its profile and local files load as
            // discovery would load them in that directory.
            if let Some(dir) = beside_default_name(&path) {
                for (name, profile) in dir_file_names(&opts.profiles).into_iter().skip(2) {
                    let beside = dir.join(&name);
                    if present(&beside)? {
                        loader.load_file(&beside, profile, false, None)?;
                    }
                }
            }
        } else if !opts.for_write {
            return Err(Error::new(format!(
                "Failed to read configuration file: {}",
                display_path(&path, cwd)
            ))
            .code("fnox::config::read_failed")
            .cause("the file given with -c/--config does not exist")
            .hint(format!(
                "check the path, or create it with `fnox -c {} init`",
                explicit.display()
            )));
        }
    } else {
        // Nearest directory first while walking; layers want lowest priority first.
        let mut per_dir: Vec<Vec<Layer>> = Vec::new();
        for dir in cwd.ancestors() {
            searched.push(dir.to_path_buf());
            let mut dir_loader = Loader {
                seen: std::mem::take(&mut loader.seen),
                layers: Vec::new(),
                trusted_only: opts.trusted_only,
                sparse: loader.sparse,
                untrusted: Vec::new(),
                cwd: cwd.to_path_buf(),
            };
            for (name, profile) in dir_file_names(&opts.profiles) {
                let path = dir.join(&name);
                if present(&path)? {
                    dir_loader.load_file(&path, profile, false, None)?;
                }
            }
            let root = dir_loader.layers.iter().any(|l| l.file.root == Some(true));
            loader.seen = std::mem::take(&mut dir_loader.seen);
            loader.untrusted.append(&mut dir_loader.untrusted);
            per_dir.push(dir_loader.layers);
            if root {
                break;
            }
        }
        for layers in per_dir.into_iter().rev() {
            loader.layers.extend(layers);
        }
    }
    if let Some(wanted) = &opts.only {
        if !super::sparse::complete(&mut loader.layers, wanted) {
            for layer in loader.layers.iter_mut() {
                if layer.set_aside.take().is_some() {
                    layer.file =
                        model::parse(&layer.text).map_err(|e| parse_error(&layer.path, &e))?;
                }
            }
        }
    }
    let config = Config {
        cwd: cwd.to_path_buf(),
        layers: loader.layers,
        profiles: opts.profiles,
        no_defaults: opts.no_defaults,
        explicit: opts.explicit,
        searched,
        untrusted: loader.untrusted,
    };
    if config.layers.is_empty() && !opts.allow_none {
        return Err(Error::new(format!(
            "No configuration file found in {} or any parent directory",
            config.cwd.display()
        ))
        .code("fnox::config::not_found")
        .hint("run `fnox init` to create fnox.toml here, or pass -c PATH"));
    }
    if !opts.for_write {
        config.check_profiles()?;
    }
    config.check_default_provider()?;
    Ok(config)
}

/// The directory of an explicit config file named like a discovered one (`fnox.toml`,
/// `.fnox.toml`), whose profile and local files load beside it.
fn beside_default_name(path: &Path) -> Option<&Path> {
    let name = path.file_name()?.to_str()?;
    (name == DEFAULT_CONFIG_NAME || name == ".fnox.toml").then(|| path.parent())?
}

/// The file names looked for in each directory, in load order, with the profile they belong to.
fn dir_file_names(profiles: &[String]) -> Vec<(String, Option<String>)> {
    let mut names = vec![
        (DEFAULT_CONFIG_NAME.to_owned(), None),
        (".fnox.toml".to_owned(), None),
    ];
    for p in profiles.iter().filter(|p| *p != DEFAULT_PROFILE) {
        names.push((format!("fnox.{p}.toml"), Some(p.clone())));
        names.push((format!(".fnox.{p}.toml"), Some(p.clone())));
    }
    names.push(("fnox.local.toml".to_owned(), None));
    names.push((".fnox.local.toml".to_owned(), None));
    names
}

/// Every path discovery would look at from `dir` upward, nearest directory first, in load order
/// within a directory. Nothing is read, so `root = true` is not seen: a superset of what `load`
/// reads, for cheap "has anything changed" checks (the shell hook stats these).
pub fn candidate_paths(dir: &Path, profiles: &[String]) -> Vec<PathBuf> {
    let names = dir_file_names(profiles);
    dir.ancestors()
        .flat_map(|d| names.iter().map(move |(name, _)| d.join(name)))
        .collect()
}

/// The profiles that have a `fnox.PROFILE.toml` / `.fnox.PROFILE.toml` in a directory.
pub fn profile_files_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| {
            let stem = name.strip_prefix('.').unwrap_or(&name);
            let profile = stem.strip_prefix("fnox.")?.strip_suffix(".toml")?;
            (!profile.is_empty() && profile != "local" && validate_profile_name(profile).is_ok())
                .then(|| profile.to_owned())
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

pub fn global_config_path() -> Option<PathBuf> {
    env_vars::config_dir().map(|d| d.join("config.toml"))
}

struct Loader {
    seen: HashSet<PathBuf>,
    layers: Vec<Layer>,
    trusted_only: bool,
    /// Simple secret entries are set aside (`LoadOptions::only`).
    sparse: bool,
    untrusted: Vec<PathBuf>,
    cwd: PathBuf,
}

impl Loader {
    /// Loads a file after its imports (an import is lower priority than the file importing it).
    fn load_file(
        &mut self,
        path: &Path,
        profile: Option<String>,
        global: bool,
        imported_by: Option<&Path>,
    ) -> Result<()> {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.seen.insert(key.clone()) {
            return Ok(());
        }
        // As git's safe.directory: a file someone else owns, or anyone may write, is not ours.
        if !global && !crate::trust::ownership_waived(path) {
            if let Some(why) = crate::trust::unsafe_reason(path) {
                crate::error::warn(format!(
                    "ignoring {}: {why}; fnox loads only config files you own that others cannot write",
                    display_path(path, &self.cwd)
                ));
                return Ok(());
            }
        }
        // A sparse read is `fnox get`'s, which holds nothing for long: it may read in place.
        let text = read_config_text_as(path, self.sparse).map_err(|e| match imported_by {
            Some(parent) => e.cause(format!("imported by {}", parent.display())),
            None => e,
        })?;
        let trusted = || crate::trust::why_trusted(path, &text, global).is_some();
        if self.trusted_only && !trusted() {
            self.untrusted.push(path.to_path_buf());
            return Ok(());
        }
        let (file, set_aside) = super::sparse::parse(&text, text.checked(), self.sparse)
            .map_err(|e| parse_error(path, &e))?;
        let base = path.parent().unwrap_or(Path::new("."));
        // The directory's real path, asked only of a file that imports.
        let base_real = if file.import.is_empty() {
            PathBuf::new()
        } else {
            std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf())
        };
        for import in &file.import {
            let import_path = env_vars::expand_path(import, base);
            // An untrusted file may not pull in your other projects' files. A path that cannot be
            // resolved counts as outside (`a/../..` must not pass as inside).
            let inside =
                std::fs::canonicalize(&import_path).is_ok_and(|real| real.starts_with(&base_real));
            if !inside {
                crate::trust::require(
                    path,
                    &display_path(path, &self.cwd),
                    &text,
                    global,
                    &format!("import {import}, which is outside its directory"),
                )?;
            }
            if !import_path.exists() {
                return Err(Error::new(format!(
                    "Import file not found: {}",
                    import_path.display()
                ))
                .code("fnox::config::import_not_found")
                .cause(format!("import '{import}' is listed in {}", path.display()))
                .hint("fix or remove the path in `import = [...]`; paths are relative to the importing file"));
            }
            // What the global config imports from its own directory is as much yours as it is;
            // anything else it imports is judged as any other file (ownership, trust).
            let imported_global = global && inside;
            self.load_file(&import_path, profile.clone(), imported_global, Some(path))?;
        }
        self.layers.push(Layer {
            path: path.to_path_buf(),
            real: key,
            text,
            file,
            profile,
            global,
            trusted: std::sync::OnceLock::new(),
            set_aside,
        });
        Ok(())
    }
}

/// Whether a config file is there. A symbolic link to nothing is an error, not an absent file:
/// skipping it would hide the file the user meant, and a write would replace the link.
fn present(path: &Path) -> Result<bool> {
    // One lstat answers for the common cases: nothing there, or a file that is no link.
    match std::fs::symlink_metadata(path) {
        Err(_) => return Ok(false),
        Ok(meta) if !meta.file_type().is_symlink() => return Ok(true),
        Ok(_) if path.exists() => return Ok(true),
        Ok(_) => {}
    }
    match dangling_link(path) {
        Some(target) => Err(read_failed(path)
            .code("fnox::config::dangling_symlink")
            .cause(format!(
                "it is a symbolic link to {}, which does not exist",
                target.display()
            ))
            .hint("restore the file the link points to, or remove the link")),
        None => Ok(false),
    }
}

/// Where `path` points when it is a symbolic link whose target does not exist.
pub fn dangling_link(path: &Path) -> Option<PathBuf> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() || path.exists() {
        return None;
    }
    std::fs::read_link(path).ok()
}

/// Reads a config file, with errors that say what is wrong with the path itself.
pub fn read_config_text(path: &Path) -> Result<super::text::Text> {
    read_config_text_as(path, false)
}

/// `read_config_text`, a large file read in place (`Text::read_in_place`) when `in_place`.
fn read_config_text_as(path: &Path, in_place: bool) -> Result<super::text::Text> {
    use super::text::{ReadError, Text};
    let text = if in_place {
        Text::read_in_place(path)
    } else {
        Text::read(path)
    };
    text.map_err(|e| match e {
        ReadError::Directory => read_failed(path)
            .cause("it is a directory, not a file")
            .hint("rename or remove that directory; fnox.toml must be a TOML file"),
        ReadError::Io(e) => {
            let err = read_failed(path).cause(&e);
            if e.kind() == std::io::ErrorKind::PermissionDenied {
                err.hint("make the file readable by you (chmod u+r)")
            } else {
                err
            }
        }
        ReadError::NotUtf8(at) => read_failed(path)
            .cause(format!(
                "it is not UTF-8 text (invalid byte at offset {at})"
            ))
            .hint("a fnox config is a TOML text file; restore it from version control"),
    })
}

fn read_failed(path: &Path) -> Error {
    Error::new(format!(
        "Failed to read configuration file: {}",
        path.display()
    ))
    .code("fnox::config::read_failed")
}

pub fn parse_error(path: &Path, e: &toml::de::Error) -> Error {
    let mut err = Error::new(format!(
        "Invalid TOML in configuration file {}",
        path.display()
    ))
    .code("fnox::config::invalid_toml")
    .cause(redact_literals(e.message().trim_end()));
    if let Some(span) = e.span() {
        if let Ok(text) = std::fs::read_to_string(path) {
            let (line, col) = line_col(&text, span.start);
            err.message = format!(
                "Invalid TOML in configuration file {}:{line}:{col}",
                path.display()
            );
        }
    }
    err.hint("fix the TOML at the line and column shown; the file was not changed")
}

/// Serde's type errors quote the offending value (`invalid type: string "..."`, `integer `42``,
/// `unknown variant `...``), which may be a secret written where something else was expected:
/// keep the kind, drop the value. Field names (`unknown field `x``) and the expected forms stay.
pub fn redact_literals(message: &str) -> String {
    const KINDS: [&str; 5] = [
        "integer `",
        "floating point `",
        "boolean `",
        "character `",
        "variant `",
    ];
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    loop {
        let string = rest.find("string \"").map(|i| (i, "string \""));
        let quoted = KINDS
            .iter()
            .filter_map(|k| rest.find(k).map(|i| (i, *k)))
            .chain(string)
            .min_by_key(|(i, _)| *i);
        let Some((i, mark)) = quoted else { break };
        // The kind, without the space and the opening quote.
        out.push_str(&rest[..i + mark.len() - 2]);
        let after = &rest[i + mark.len()..];
        let end = match mark {
            // Debug-quoted: the closing quote is the first one not escaped.
            "string \"" => {
                let mut escaped = false;
                after.char_indices().find_map(|(j, c)| {
                    let closing = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    closing.then_some(j)
                })
            }
            // One character, which may itself be a backtick.
            "character `" => after
                .char_indices()
                .nth(1)
                .filter(|(_, c)| *c == '`')
                .map(|(j, _)| j),
            // A variant name may hold backticks: it ends where serde's sentence goes on.
            "variant `" => ["`, expected ", "`, there are no variants"]
                .iter()
                .filter_map(|tail| after.rfind(tail))
                .max(),
            _ => after.find('`'),
        };
        rest = end.map_or("", |j| &after[j + 1..]);
    }
    out.push_str(rest);
    out
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rfind('\n').map_or(offset, |i| offset - i - 1) + 1;
    (line, col)
}

pub fn validate_profile_name(name: &str) -> Result<()> {
    let bad = name.is_empty()
        || name == "."
        || name == ".."
        || name
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ',') || c.is_control());
    if bad {
        return Err(Error::usage(format!("invalid profile name '{name}'")).hint(
            "profile names may not be empty, '.', '..', or contain / \\ , or control characters",
        ));
    }
    Ok(())
}

/// Whether two paths name the same file (also when one of them does not exist yet).
pub fn same_file(a: &Path, b: &Path) -> bool {
    let key = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    key(a) == key(b)
}

/// A path as a person wants to read it: relative to the working directory when inside it.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    match path.strip_prefix(cwd) {
        Ok(rel) => format!("./{}", rel.display()),
        Err(_) => path.display().to_string(),
    }
}

impl Config {
    pub fn display(&self, path: &Path) -> String {
        display_path(path, &self.cwd)
    }

    /// Whether the file of layer `layer` is trusted (see `crate::trust`).
    pub fn layer_trusted(&self, layer: usize) -> bool {
        let l = &self.layers[layer];
        *l.trusted
            .get_or_init(|| crate::trust::why_trusted(&l.path, &l.text, l.global).is_some())
    }

    /// The trust gate for what the file of layer `layer` asks: `what` (e.g. "run the
    /// `credential_command` of provider 'vault'") needs that file to be trusted.
    pub fn require_trusted(&self, layer: usize, what: &str) -> Result<()> {
        let l = &self.layers[layer];
        crate::trust::require(&l.path, &self.display(&l.path), &l.text, l.global, what)
    }

    /// "secrets.NAME in ./fnox.toml:14"
    pub fn locate(&self, table: &str, name: &str, origin: &Origin) -> String {
        let layer = &self.layers[origin.layer];
        let (line, _) = line_col(&layer.text, origin.offset);
        format!(
            "{} in {}:{line}",
            origin.section.key_path(table, name),
            self.display(&layer.path)
        )
    }

    pub fn is_default_profile(&self) -> bool {
        self.profiles.iter().all(|p| p == DEFAULT_PROFILE)
    }

    /// Every profile name that some loaded file defines.
    pub fn defined_profiles(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for layer in &self.layers {
            let from_file = layer.profile.iter().cloned();
            for name in layer.file.profiles.keys().cloned().chain(from_file) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }

    fn check_profiles(&self) -> Result<()> {
        let defined = self.defined_profiles();
        for p in &self.profiles {
            if p == DEFAULT_PROFILE || defined.contains(p) {
                continue;
            }
            let mut err =
                Error::new(format!("unknown profile '{p}'")).code("fnox::config::unknown_profile");
            if let Some(dym) = did_you_mean(p, defined.iter().map(String::as_str)) {
                err = err.cause(dym);
            }
            let known = if defined.is_empty() {
                "no profiles are defined".to_owned()
            } else {
                format!("defined profiles: {}", defined.join(", "))
            };
            return Err(err.cause(known).hint(format!(
                "add a [profiles.{p}] table to fnox.toml (or create fnox.{p}.toml), pick another with -P, or write into a new profile with --write-profile {p}"
            )));
        }
        Ok(())
    }

    /// The sections whose entries are in effect, lowest priority first. First every layer's top
    /// level in load order (a `fnox.P.toml` counts there, as profile P's, so that within a
    /// directory fnox.toml < fnox.P.toml < fnox.local.toml); `drop_top` leaves out the top level of
    /// the other files (--no-defaults). Then each active profile's `[profiles.P]` tables in order.
    fn effective<'a, T>(
        &'a self,
        profiles: &[String],
        drop_top: bool,
        pick: impl Fn(&'a ConfigFile, &Section) -> Option<&'a IndexMap<String, toml::Spanned<T>>>,
    ) -> IndexMap<&'a str, (&'a T, Origin)> {
        let mut out = IndexMap::new();
        let mut put =
            |layer: usize, section: Section, map: &'a IndexMap<String, toml::Spanned<T>>| {
                for (name, item) in map {
                    let origin = Origin {
                        layer,
                        section: section.clone(),
                        offset: item.span().start,
                    };
                    out.insert(name.as_str(), (item.get_ref(), origin));
                }
            };
        for (i, layer) in self.layers.iter().enumerate() {
            let wanted = match &layer.profile {
                None => !drop_top,
                Some(p) => profiles.contains(p),
            };
            if wanted {
                if let Some(map) = pick(&layer.file, &Section::Top) {
                    put(i, Section::Top, map);
                }
            }
        }
        for p in profiles {
            let section = Section::Profile(p.clone());
            for (i, layer) in self.layers.iter().enumerate() {
                if let Some(map) = pick(&layer.file, &section) {
                    put(i, section.clone(), map);
                }
            }
        }
        out
    }

    /// Whether --no-defaults drops the top-level secrets for these profiles.
    fn drops_top_secrets(&self, profiles: &[String]) -> bool {
        self.no_defaults && profiles.iter().any(|p| p != DEFAULT_PROFILE)
    }

    pub fn secrets(&self) -> Vec<SecretEntry<'_>> {
        self.secrets_for(&self.profiles)
    }

    /// The effective secrets as they would be with other profiles active.
    pub fn secrets_for(&self, profiles: &[String]) -> Vec<SecretEntry<'_>> {
        self.effective(
            profiles,
            self.drops_top_secrets(profiles),
            |file, section| match section {
                Section::Top => Some(&file.secrets),
                Section::Profile(p) => file.profiles.get(p).map(|pc| &pc.secrets),
            },
        )
        .into_iter()
        .map(|(name, (secret, origin))| SecretEntry {
            name,
            secret,
            origin,
        })
        .collect()
    }

    /// The names of the effective secrets, also those a sparse read left unparsed.
    pub fn secret_names(&self) -> HashSet<&str> {
        let mut names: HashSet<&str> = self.secrets().iter().map(|e| e.name).collect();
        let drop_top = self.drops_top_secrets(&self.profiles);
        for layer in &self.layers {
            let Some(set_aside) = &layer.set_aside else {
                continue;
            };
            for (profile, name) in set_aside.names(&layer.text) {
                // As `effective` counts a table.
                let counts = match (profile, &layer.profile) {
                    (None, None) => !drop_top,
                    (None, Some(p)) => self.profiles.contains(p),
                    (Some(p), _) => self.profiles.iter().any(|a| a == p),
                };
                if counts {
                    names.insert(name);
                }
            }
        }
        names
    }

    pub fn secret(&self, name: &str) -> Option<SecretEntry<'_>> {
        self.secrets().into_iter().find(|s| s.name == name)
    }

    pub fn providers(&self) -> Vec<ProviderEntry<'_>> {
        self.providers_for(&self.profiles)
    }

    /// The effective providers as they would be with other profiles active.
    pub fn providers_for(&self, profiles: &[String]) -> Vec<ProviderEntry<'_>> {
        // --no-defaults drops inherited secrets only: the providers stay.
        self.effective(profiles, false, |file, section| match section {
            Section::Top => Some(&file.providers),
            Section::Profile(p) => file.profiles.get(p).map(|pc| &pc.providers),
        })
        .into_iter()
        .map(|(name, (config, origin))| ProviderEntry {
            name,
            config,
            origin,
        })
        .collect()
    }

    /// The effective leases (`[leases.NAME]`, overlaid by each active profile's as providers are).
    pub fn leases(&self) -> Vec<LeaseEntry<'_>> {
        self.effective(&self.profiles, false, |file, section| match section {
            Section::Top => Some(&file.leases),
            Section::Profile(p) => file.profiles.get(p).map(|pc| &pc.leases),
        })
        .into_iter()
        .map(|(name, (config, origin))| LeaseEntry {
            name,
            config,
            origin,
        })
        .collect()
    }

    pub fn provider(&self, name: &str) -> Option<ProviderEntry<'_>> {
        self.provider_for(name, &self.profiles)
    }

    pub fn provider_for(&self, name: &str, profiles: &[String]) -> Option<ProviderEntry<'_>> {
        self.providers_for(profiles)
            .into_iter()
            .find(|p| p.name == name)
    }

    /// The provider used when a secret names none: the last active profile that sets
    /// `default_provider`, else the top level's, else the only provider there is.
    pub fn default_provider(&self) -> Option<String> {
        self.default_provider_for(&self.profiles)
    }

    /// The default provider as it would be with other profiles active.
    pub fn default_provider_for(&self, profiles: &[String]) -> Option<String> {
        if let Some((name, _)) = self.configured_default_provider(profiles) {
            return Some(name.to_owned());
        }
        let providers = self.providers_for(profiles);
        (providers.len() == 1).then(|| providers[0].name.to_owned())
    }

    /// A `default_provider` set in some file for these profiles, and the layer that sets it: the
    /// last active profile's (its table or its `fnox.P.toml`), else the top level's.
    fn configured_default_provider(&self, profiles: &[String]) -> Option<(&str, usize)> {
        for p in profiles.iter().rev() {
            for (i, layer) in self.layers.iter().enumerate().rev() {
                let from_file = (layer.profile.as_deref() == Some(p.as_str()))
                    .then_some(layer.file.default_provider.as_ref())
                    .flatten();
                let from_table = layer
                    .file
                    .profiles
                    .get(p)
                    .and_then(|pc| pc.default_provider.as_ref());
                if let Some(name) = from_table.or(from_file) {
                    return Some((name, i));
                }
            }
        }
        self.layers
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, l)| l.profile.is_none())
            .find_map(|(i, l)| l.file.default_provider.as_deref().map(|n| (n, i)))
    }

    /// A `default_provider` that names no provider of the active profiles is a config error,
    /// found when the config loads rather than when a secret first needs it.
    fn check_default_provider(&self) -> Result<()> {
        let Some((name, layer)) = self.configured_default_provider(&self.profiles) else {
            return Ok(());
        };
        if self.provider(name).is_some() {
            return Ok(());
        }
        let names: Vec<&str> = self.providers().iter().map(|p| p.name).collect();
        let profile = self.profiles.join(",");
        let mut err = Error::new(format!(
            "Default provider '{name}' not found in profile '{profile}'"
        ))
        .code("fnox::config::default_provider_not_found")
        .cause(format!(
            "default_provider = \"{name}\" is set in {}",
            self.display(&self.layers[layer].path)
        ));
        if let Some(dym) = did_you_mean(name, names.iter().copied()) {
            err = err.cause(dym);
        }
        let known = if names.is_empty() {
            "no providers are configured".to_owned()
        } else {
            format!("configured providers: {}", names.join(", "))
        };
        Err(err.cause(known).hint(format!(
            "add a [providers.{name}] table, or set default_provider to one of the configured providers"
        )))
    }

    /// `[settings] mask`, from the highest-priority file that sets it.
    pub fn mask_default(&self) -> Option<bool> {
        self.layers
            .iter()
            .rev()
            .find_map(|l| l.file.settings.as_ref()?.mask)
    }

    /// `[daemon] enabled` from the highest-priority file that sets it.
    pub fn daemon_enabled(&self) -> Option<bool> {
        self.layers
            .iter()
            .rev()
            .find_map(|l| l.file.daemon.as_ref()?.enabled)
    }

    /// `[daemon] idle_timeout` from the highest-priority file that sets it.
    pub fn daemon_idle_timeout(&self) -> Option<String> {
        self.layers
            .iter()
            .rev()
            .find_map(|l| l.file.daemon.as_ref()?.idle_timeout.clone())
    }

    /// The file-level `if_missing`, from the highest-priority file that sets it.
    pub fn if_missing(&self) -> Option<IfMissing> {
        self.layers.iter().rev().find_map(|l| l.file.if_missing)
    }

    /// The file-level `env` default, from the highest-priority file that sets it.
    pub fn env_default(&self) -> EnvMode {
        self.layers
            .iter()
            .rev()
            .find_map(|l| l.file.env)
            .unwrap_or(EnvMode::All)
    }

    /// The `[mcp]` table in effect: each field from the highest-priority file that sets it,
    /// with that file's layer (whether it is trusted decides what some fields may do).
    pub fn mcp(&self) -> McpSettings {
        let mut out = McpSettings::default();
        for (i, layer) in self.layers.iter().enumerate() {
            let Some(m) = &layer.file.mcp else { continue };
            out.tools = m.tools.clone().map(|v| (v, i)).or(out.tools);
            out.secrets = m.secrets.clone().map(|v| (v, i)).or(out.secrets);
            out.exec_timeout_secs = m
                .exec_timeout_secs
                .map(|v| (v, i))
                .or(out.exec_timeout_secs);
            out.redact_output = m.redact_output.map(|v| (v, i)).or(out.redact_output);
        }
        out
    }

    /// The `[proxy]` table in effect, whole, from the highest-priority file that has one, with
    /// that file's layer.
    pub fn proxy(&self) -> Option<(&crate::config::model::ProxyConfig, usize)> {
        self.layers
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, l)| l.file.proxy.as_ref().map(|p| (p, i)))
    }

    /// The legacy top-level `age_key_file`, resolved against its file.
    pub fn age_key_file(&self) -> Option<PathBuf> {
        self.layers.iter().rev().find_map(|l| {
            l.file
                .age_key_file
                .as_ref()
                .map(|raw| env_vars::expand_path(raw, l.path.parent().unwrap_or(Path::new("."))))
        })
    }

    /// The directory of the file that defined an entry (for relative paths in provider fields).
    pub fn base_dir(&self, origin: &Origin) -> PathBuf {
        self.layers[origin.layer]
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.cwd.clone())
    }

    /// Where `set`, `import`, `sync`, `remove` and `provider add` write, and into which section:
    /// `-g` → the global file; `-c PATH` → that file; else always a file in the current
    /// directory, never a parent's: `fnox.P.toml` (or `.fnox.P.toml`) when it exists for write
    /// profile P, else `fnox.toml` / `.fnox.toml`, else (default profile) the local file when it
    /// is the only config file here, else a new `./fnox.toml`.
    pub fn write_target(&self, global: bool, profile: &str) -> (PathBuf, Section) {
        let section = Section::for_profile(profile);
        if global {
            let path = global_config_path().unwrap_or_else(|| PathBuf::from("config.toml"));
            return (path, section);
        }
        if let Some(explicit) = &self.explicit {
            return (self.cwd.join(explicit), section);
        }
        let here = |name: &str| Some(self.cwd.join(name)).filter(|p| p.is_file());
        if profile != DEFAULT_PROFILE {
            let own = here(&format!("fnox.{profile}.toml"))
                .or_else(|| here(&format!(".fnox.{profile}.toml")));
            if let Some(path) = own {
                return (path, Section::Top);
            }
        }
        if let Some(path) = here(DEFAULT_CONFIG_NAME).or_else(|| here(".fnox.toml")) {
            return (path, section);
        }
        if profile == DEFAULT_PROFILE {
            if let Some(path) = here("fnox.local.toml").or_else(|| here(".fnox.local.toml")) {
                return (path, section);
            }
        }
        (self.cwd.join(DEFAULT_CONFIG_NAME), section)
    }

    /// The config as the file `path` sees it: the layers up to and including it (for a file not
    /// loaded yet, those it would come after once it exists). A value written into `path` is encrypted with the
    /// providers effective here, so that everyone who reads the file can read the value:
    /// not with a provider that a later file (a local override, a subdirectory) redefines.
    pub fn as_seen_by(&self, path: &Path) -> Config {
        let key = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let end = match self.layers.iter().position(|l| same_file(&l.path, path)) {
            Some(i) => i + 1,
            None => {
                // Within a directory: fnox.toml < fnox.P.toml < fnox.local.toml.
                let rank = |p: &Path| match p.file_name().and_then(|n| n.to_str()) {
                    Some("fnox.toml" | ".fnox.toml") => 0,
                    Some("fnox.local.toml" | ".fnox.local.toml") => 2,
                    _ => 1,
                };
                let (dir, wanted) = (path.parent().map(key), rank(path));
                self.layers
                    .iter()
                    .position(|l| {
                        !l.global && l.path.parent().map(key) == dir && rank(&l.path) >= wanted
                    })
                    .unwrap_or(self.layers.len())
            }
        };
        Config {
            cwd: self.cwd.clone(),
            layers: self.layers[..end].to_vec(),
            profiles: self.profiles.clone(),
            no_defaults: self.no_defaults,
            explicit: self.explicit.clone(),
            searched: self.searched.clone(),
            untrusted: self.untrusted.clone(),
        }
    }

    /// A higher-priority file than `path` that also defines `name` for `profile`: a value written
    /// into `path` would be shadowed by it.
    pub fn shadowing_file(&self, name: &str, profile: &str, path: &Path) -> Option<PathBuf> {
        let entry = self
            .secrets_for(&[profile.to_owned()])
            .into_iter()
            .find(|s| s.name == name)?;
        let layers = self.as_seen_by(path).layers.len();
        (entry.origin.layer >= layers).then(|| self.layers[entry.origin.layer].path.clone())
    }

    /// The file and section that define `name` for the write profile, among the files `editable`
    /// accepts (the nearest first): an existing secret is updated where it lives.
    pub fn defining_file(
        &self,
        name: &str,
        profile: &str,
        editable: impl Fn(&Layer) -> bool,
    ) -> Option<(PathBuf, Section)> {
        let wanted = Section::for_profile(profile);
        self.layers
            .iter()
            .rev()
            .filter(|l| editable(l))
            .find_map(|layer| {
                let (section, map) = match (&wanted, &layer.profile) {
                    (Section::Profile(p), Some(lp)) if p == lp => {
                        (Section::Top, &layer.file.secrets)
                    }
                    (_, Some(_)) => return None,
                    (Section::Top, None) => (Section::Top, &layer.file.secrets),
                    (Section::Profile(p), None) => {
                        (wanted.clone(), &layer.file.profiles.get(p)?.secrets)
                    }
                };
                map.contains_key(name)
                    .then(|| (layer.path.clone(), section))
            })
    }
}
