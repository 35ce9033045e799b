//! What each key does, by mode. The bindings follow upstream's dashboard: `j`/`k` and the arrows
//! move, `g`/`G` jump, `/` searches, `Enter` shows details, `c` copies, `V` reveals, `e` edits,
//! `P` picks a profile, `r` reloads, `?` helps, `q`/`Esc` quits or closes.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Mode, Status};
use crate::secret::SecretValue;

impl App {
    pub(super) fn key(&mut self, key: KeyEvent) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.running = false;
            return;
        }
        self.status = None;
        match std::mem::replace(&mut self.mode, Mode::List) {
            Mode::List => self.list_key(key),
            Mode::Search => self.search_key(key),
            Mode::Help => {}
            Mode::Details => {
                if key.code == KeyCode::Char('c') {
                    self.copy();
                }
            }
            Mode::Profiles { selected } => self.profiles_key(key, selected),
            Mode::Edit { input } => self.edit_key(key, input),
        }
    }

    fn list_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => self.running = false,
            KeyCode::Down | KeyCode::Char('j') => self.select(self.selected + 1),
            KeyCode::Up | KeyCode::Char('k') => self.select(self.selected.saturating_sub(1)),
            KeyCode::Char('g') | KeyCode::Home => self.select(0),
            KeyCode::Char('G') | KeyCode::End => self.select(usize::MAX),
            KeyCode::Char('/') => self.mode = Mode::Search,
            KeyCode::Char('?') => self.mode = Mode::Help,
            KeyCode::Enter if self.current().is_some() => self.mode = Mode::Details,
            KeyCode::Char('V') | KeyCode::Char('v') => {
                if self.show_value {
                    self.hide();
                } else if self.value_of_selected().is_some() {
                    self.show_value = true;
                }
            }
            KeyCode::Char('c') => self.copy(),
            KeyCode::Char('e') if self.current().is_some() => {
                self.mode = Mode::Edit {
                    input: zeroize::Zeroizing::new(String::new()),
                };
            }
            KeyCode::Char('P') => {
                let names = self.profile_names();
                let selected = names
                    .iter()
                    .position(|p| self.profiles.first() == Some(p))
                    .unwrap_or(0);
                self.mode = Mode::Profiles { selected };
            }
            KeyCode::Char('r') => match self.reload() {
                Ok(()) => self.status = Some(Status::Info("Reloaded".to_owned())),
                Err(e) => self.status = Some(Status::Error(e.one_line())),
            },
            _ => {}
        }
    }

    fn search_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Esc => {
                self.filter.clear();
                self.hide();
                self.selected = 0;
            }
            KeyCode::Enter => {}
            KeyCode::Backspace => {
                self.filter.pop();
                self.hide();
                self.selected = 0;
                self.mode = Mode::Search;
            }
            KeyCode::Char(c) => {
                self.filter.push(c);
                self.hide();
                self.selected = 0;
                self.mode = Mode::Search;
            }
            _ => self.mode = Mode::Search,
        }
    }

    fn profiles_key(&mut self, key: KeyEvent, selected: usize) {
        let names = self.profile_names();
        let last = names.len().saturating_sub(1);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {}
            KeyCode::Down | KeyCode::Char('j') => {
                self.mode = Mode::Profiles {
                    selected: (selected + 1).min(last),
                }
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.mode = Mode::Profiles {
                    selected: selected.saturating_sub(1),
                }
            }
            KeyCode::Enter => {
                if let Some(name) = names.get(selected) {
                    self.switch_profile(name.clone());
                }
            }
            _ => self.mode = Mode::Profiles { selected },
        }
    }

    fn edit_key(&mut self, key: KeyEvent, mut input: zeroize::Zeroizing<String>) {
        match key.code {
            KeyCode::Esc => self.status = Some(Status::Info("Edit cancelled".to_owned())),
            KeyCode::Enter => {
                let value = SecretValue::new(std::mem::take(&mut *input));
                match self.set_value(value) {
                    Ok(message) => self.status = Some(Status::Info(message)),
                    Err(e) => self.status = Some(Status::Error(e.one_line())),
                }
            }
            KeyCode::Backspace => {
                input.pop();
                self.mode = Mode::Edit { input };
            }
            KeyCode::Char(c) => {
                input.push(c);
                self.mode = Mode::Edit { input };
            }
            _ => self.mode = Mode::Edit { input },
        }
    }

    /// Puts the selected secret's value on the clipboard (OSC 52 after the next draw).
    fn copy(&mut self) {
        let Some(name) = self.current().map(|r| r.name.clone()) else {
            return;
        };
        let shown = self.show_value;
        let Some(value) = self.value_of_selected() else {
            return;
        };
        self.to_terminal = Some(super::clipboard::osc52(value.expose()));
        // Copying resolves the value but does not show it.
        self.show_value = shown;
        self.status = Some(Status::Info(format!(
            "Copied {name} to the clipboard (OSC 52)"
        )));
    }
}
