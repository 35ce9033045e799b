//! `fnox tui`: the terminal dashboard. The secrets of the active profile, their values masked
//! until one is revealed; search, profile switching, details, copy (OSC 52) and edit (the write
//! `fnox set` does). Values are resolved one at a time, only when revealed, copied or shown in
//! the details' character count, and dropped (zeroized) when the selection moves.
//!
//! This file holds the state and the event loop; `render` draws it, `keys` changes it.

mod clipboard;
mod keys;
mod render;

use std::io::IsTerminal;

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::config::model::SecretConfig;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::resolve::{resolve, ResolveOptions};
use crate::secret::SecretValue;

/// Loads the config with these profiles active; `true` for a write (a profile no file defines
/// yet is fine).
pub type Loader = Box<dyn Fn(&[String], bool) -> Result<Config>>;

/// How the dashboard loads a profile's config and where its writes go; given by the command.
pub struct Options {
    /// The profiles active at start (-P / FNOX_PROFILE, else `default`).
    pub profiles: Vec<String>,
    /// --write-profile, when given.
    pub write_profile: Option<String>,
    pub load: Loader,
    pub resolve: ResolveOptions,
}

/// One secret as the list and the details show it (never its value).
struct Row {
    name: String,
    /// The provider that decrypts or fetches it, or where the value comes from instead.
    provider: String,
    /// The entry's `value` field: a ciphertext or a remote key.
    key: Option<String>,
    description: Option<String>,
    default: Option<String>,
    if_missing: Option<String>,
    /// `./fnox.toml:14 (secrets.NAME)`.
    source: String,
}

/// What has the keyboard besides the list.
enum Mode {
    List,
    Search,
    Help,
    Details,
    Profiles { selected: usize },
    Edit { input: zeroize::Zeroizing<String> },
}

pub struct App {
    opts: Options,
    profiles: Vec<String>,
    config: Config,
    rows: Vec<Row>,
    filter: String,
    /// Index into `visible()`.
    selected: usize,
    mode: Mode,
    /// The selected secret's value, after `V` (or `c`, or the details) asked for it.
    revealed: Option<(String, SecretValue)>,
    /// Show `revealed` in the list (`V` toggles it).
    show_value: bool,
    status: Option<Status>,
    running: bool,
    /// Draw the whole screen again next time (something may have written over it).
    repaint: bool,
    /// Bytes for the terminal after the next draw (the OSC 52 clipboard sequence).
    to_terminal: Option<zeroize::Zeroizing<Vec<u8>>>,
}

enum Status {
    Info(String),
    Error(String),
}

/// Runs the dashboard until `q`; the terminal is restored on return, on error and on panic.
pub fn run(opts: Options) -> Result<()> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(
            Error::new("fnox tui needs a terminal: stdin and stdout must both be one")
                .code("fnox::tui::not_a_terminal")
                .hint("run it in a terminal; scripts read secrets with `fnox list` and `fnox get KEY`"),
        );
    }
    // The screen is the dashboard's: no spinner on it, and no prompt (a passphrase asked in
    // raw mode could not be typed); a provider that would ask fails and the status line says so.
    crate::progress::set_quiet(true);
    crate::term::set_non_interactive(true);
    let mut app = App::new(opts)?;
    // ratatui's init enters raw mode and the alternate screen and installs a panic hook that
    // leaves both before the panic message is printed; the guard leaves them on every return.
    let mut terminal = ratatui::try_init()
        .map_err(|e| Error::new("cannot set up the terminal for fnox tui").cause(e))?;
    let _guard = Restore;
    while app.running {
        if std::mem::take(&mut app.repaint) {
            // A load, resolve or write may have warned on stderr, over the dashboard.
            terminal
                .clear()
                .map_err(|e| Error::new("cannot draw on the terminal").cause(e))?;
        }
        terminal
            .draw(|frame| render::draw(frame, &app))
            .map_err(|e| Error::new("cannot draw on the terminal").cause(e))?;
        if let Some(bytes) = app.to_terminal.take() {
            clipboard::send(&bytes)
                .map_err(|e| Error::new("cannot write to the terminal").cause(e))?;
        }
        match event::read().map_err(|e| Error::new("cannot read the terminal").cause(e))? {
            Event::Key(key) if key.kind == KeyEventKind::Press => app.key(key),
            _ => {}
        }
    }
    Ok(())
}

/// Leaves raw mode and the alternate screen when the loop ends, however it ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

impl App {
    fn new(opts: Options) -> Result<App> {
        let profiles = opts.profiles.clone();
        let config = (opts.load)(&profiles, false)?;
        let mut app = App {
            opts,
            profiles,
            config,
            rows: Vec::new(),
            filter: String::new(),
            selected: 0,
            mode: Mode::List,
            revealed: None,
            show_value: false,
            status: None,
            running: true,
            repaint: false,
            to_terminal: None,
        };
        app.rows = app.build_rows();
        Ok(app)
    }

    fn build_rows(&self) -> Vec<Row> {
        let config = &self.config;
        config
            .secrets_for(&self.profiles)
            .into_iter()
            .map(|s| {
                let layer = &config.layers[s.origin.layer];
                let (line, _) = crate::config::load::line_col(&layer.text, s.origin.offset);
                Row {
                    name: s.name.to_owned(),
                    provider: provider_of(config, &self.profiles, s.secret),
                    key: s.secret.value.clone(),
                    description: s.secret.description.clone(),
                    default: s.secret.default.clone(),
                    if_missing: s.secret.if_missing.map(|m| m.as_str().to_owned()),
                    source: format!(
                        "{}:{line} ({})",
                        config.display(&layer.path),
                        s.origin.section.key_path("secrets", s.name)
                    ),
                }
            })
            .collect()
    }

    /// The rows the search lets through, in file order.
    fn visible(&self) -> Vec<&Row> {
        let needle = self.filter.to_lowercase();
        self.rows
            .iter()
            .filter(|r| r.name.to_lowercase().contains(&needle))
            .collect()
    }

    fn current(&self) -> Option<&Row> {
        self.visible().get(self.selected).copied()
    }

    /// Moves the selection; a revealed value is dropped (it belonged to the old selection).
    fn select(&mut self, index: usize) {
        let count = self.visible().len();
        let index = index.min(count.saturating_sub(1));
        if index != self.selected {
            self.hide();
        }
        self.selected = index;
    }

    fn hide(&mut self) {
        self.revealed = None;
        self.show_value = false;
    }

    /// The selected secret's value, resolved now unless it already is.
    fn value_of_selected(&mut self) -> Option<&SecretValue> {
        let name = self.current()?.name.clone();
        if self.revealed.as_ref().is_none_or(|(n, _)| *n != name) {
            self.repaint = true;
            // As `get`: a value that cannot be read is an error to show, never an empty value.
            let opts = ResolveOptions {
                strict: true,
                ..self.opts.resolve
            };
            match resolve(&self.config, &[name.as_str()], opts) {
                Ok(mut values) => match values.shift_remove(&name) {
                    Some(value) => self.revealed = Some((name, value)),
                    None => {
                        self.status = Some(Status::Error(format!("{name} has no value")));
                        return None;
                    }
                },
                Err(e) => {
                    self.status = Some(Status::Error(e.one_line()));
                    return None;
                }
            }
        }
        self.revealed.as_ref().map(|(_, v)| v)
    }

    /// Reloads the config (after a write, a profile switch, or `r`) and keeps the selection on
    /// the same name when it is still there.
    fn reload(&mut self) -> Result<()> {
        let keep = self.current().map(|r| r.name.clone());
        self.repaint = true;
        self.config = (self.opts.load)(&self.profiles, false)?;
        self.rows = self.build_rows();
        self.hide();
        let index = keep
            .and_then(|name| self.visible().iter().position(|r| r.name == name))
            .unwrap_or(0);
        self.selected = index;
        Ok(())
    }

    fn switch_profile(&mut self, profile: String) {
        let before = std::mem::replace(&mut self.profiles, vec![profile]);
        self.filter.clear();
        self.selected = 0;
        if let Err(e) = self.reload() {
            self.profiles = before;
            self.status = Some(Status::Error(e.one_line()));
        }
    }

    /// Every profile the loaded files define, `default` first.
    fn profile_names(&self) -> Vec<String> {
        let mut names = vec![crate::config::DEFAULT_PROFILE.to_owned()];
        for p in self.config.defined_profiles() {
            if !names.contains(&p) {
                names.push(p);
            }
        }
        names
    }

    /// Sets the selected secret's value as `fnox set NAME` would: same provider choice,
    /// encryption, file, and integrity tag.
    fn set_value(&mut self, value: SecretValue) -> Result<String> {
        let Some(name) = self.current().map(|r| r.name.clone()) else {
            return Ok(String::new());
        };
        let profile = match (&self.opts.write_profile, self.profiles.as_slice()) {
            (Some(p), _) => p.clone(),
            (None, [one]) => one.clone(),
            (None, many) => {
                return Err(Error::new(format!(
                    "Multiple profiles are active ({}); a write needs one",
                    many.join(",")
                ))
                .code("fnox::config::error")
                .hint("Specify --write-profile <NAME> to choose the write target"))
            }
        };
        self.repaint = true;
        let config = (self.opts.load)(&self.profiles, true)?;
        let outcome = crate::config::set::set_secret(
            &config,
            &crate::config::set::SetRequest {
                key: &name,
                value: Some(&value),
                provider: None,
                key_name: None,
                description: None,
                default: None,
                if_missing: None,
                profile: &profile,
                global: false,
                dry_run: false,
                force: false,
            },
        )?;
        let place = crate::cli::write_place(&profile, false, &config.display(&outcome.path));
        self.reload()?;
        Ok(format!("✓ Set secret {name}{place}"))
    }
}

/// The Provider column: the secret's provider (else default_provider), or `default` /
/// `environment` for a secret with no provider value.
fn provider_of(config: &Config, profiles: &[String], secret: &SecretConfig) -> String {
    if secret.value.is_some() || secret.sync.is_some() {
        secret
            .provider
            .clone()
            .or_else(|| config.default_provider_for(profiles))
            .unwrap_or_else(|| "?".to_owned())
    } else if secret.default.is_some() {
        "(default)".to_owned()
    } else {
        "(environment)".to_owned()
    }
}
