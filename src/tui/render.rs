//! Drawing the dashboard: a header, the secrets table, the search line, a status/hint line, and
//! at most one popup (details, profiles, edit, help). Names and every other config text pass
//! through `term::escape`, so a hostile fnox.toml cannot write escape sequences to the terminal.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Row as TableRow, Table, TableState, Wrap};
use ratatui::Frame;

use super::{App, Mode, Row, Status};
use crate::term::escape;

/// What the Value column shows for a value that is not revealed.
pub const MASK: &str = "••••••••";
/// Characters of a revealed value shown in the list.
const PREVIEW: usize = 40;
/// Characters of a provider key (an age ciphertext is long) shown in the details.
const KEY_PREVIEW: usize = 60;

pub fn draw(frame: &mut Frame, app: &App) {
    let searching = matches!(app.mode, Mode::Search) || !app.filter.is_empty();
    let [header, body, search, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(u16::from(searching)),
        Constraint::Length(1),
    ])
    .areas(frame.area());

    let visible = app.visible();
    frame.render_widget(
        Line::from(vec![
            Span::styled(
                " fnox ",
                Style::new().add_modifier(Modifier::BOLD).reversed(),
            ),
            Span::raw(format!(
                "  profile: {}  ·  {} of {} secrets",
                escape(&app.profiles.join(",")),
                visible.len(),
                app.rows.len()
            )),
        ]),
        header,
    );

    let revealed = app
        .revealed
        .as_ref()
        .filter(|_| app.show_value)
        .map(|(name, value)| (name.as_str(), value));
    let rows: Vec<TableRow> = visible
        .iter()
        .map(|r| {
            let value = match revealed {
                Some((name, value)) if name == r.name => truncate(&escape(value.expose()), PREVIEW),
                _ => MASK.to_owned(),
            };
            TableRow::new(vec![
                escape(&r.name).into_owned(),
                escape(&r.provider).into_owned(),
                value,
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Percentage(40),
            Constraint::Percentage(20),
            Constraint::Percentage(40),
        ],
    )
    .header(TableRow::new(vec!["Name", "Provider", "Value"]).add_modifier(Modifier::BOLD))
    .block(Block::bordered().title(" Secrets "))
    .row_highlight_style(Style::new().reversed())
    .highlight_symbol("> ");
    let mut state =
        TableState::default().with_selected((!visible.is_empty()).then_some(app.selected));
    frame.render_stateful_widget(table, body, &mut state);
    if visible.is_empty() {
        let inner = body.inner(ratatui::layout::Margin::new(2, 2));
        let text = if app.rows.is_empty() {
            "No secrets in this profile"
        } else {
            "No secret matches the search"
        };
        frame.render_widget(Paragraph::new(text).italic(), inner);
    }

    if searching {
        let cursor = if matches!(app.mode, Mode::Search) {
            "_"
        } else {
            ""
        };
        frame.render_widget(
            Line::from(format!("Search: {}{cursor}", escape(&app.filter))),
            search,
        );
    }

    let footer_line = match &app.status {
        Some(Status::Info(m)) => Line::from(escape(m).into_owned()).green(),
        Some(Status::Error(m)) => Line::from(escape(m).into_owned()).red(),
        None => Line::from(hints(&app.mode)).dim(),
    };
    frame.render_widget(footer_line, footer);

    match &app.mode {
        Mode::Details => {
            if let Some(row) = app.current() {
                details(frame, app, row);
            }
        }
        Mode::Profiles { selected } => profiles(frame, app, *selected),
        Mode::Edit { input } => {
            if let Some(row) = app.current() {
                let lines = vec![
                    Line::from(format!("New value for {}:", escape(&row.name))),
                    Line::from(format!("{}_", "•".repeat(input.chars().count()))),
                    Line::from(""),
                    Line::from("Enter saves it as `fnox set` does · Esc cancels").dim(),
                ];
                popup(frame, " Edit secret ", lines, 60, 6);
            }
        }
        Mode::Help => {
            let lines = HELP
                .iter()
                .map(|(k, what)| {
                    Line::from(vec![Span::raw(format!("{k:<12}")).bold(), Span::raw(*what)])
                })
                .collect();
            popup(frame, " Keys ", lines, 56, HELP.len() as u16 + 2);
        }
        Mode::List | Mode::Search => {}
    }
}

const HELP: &[(&str, &str)] = &[
    ("↑/k ↓/j", "move up / down"),
    ("g / G", "jump to top / bottom"),
    ("/", "search by name (Enter keeps, Esc clears)"),
    ("Enter", "details of the selected secret"),
    ("V", "reveal / hide the selected value"),
    ("c", "copy the selected value (OSC 52)"),
    ("e", "set a new value (as `fnox set`)"),
    ("P", "switch profile"),
    ("r", "reload the config"),
    ("?", "this help"),
    ("q / Esc", "quit, or close a popup"),
];

fn hints(mode: &Mode) -> &'static str {
    match mode {
        Mode::Search => "type to filter · Enter keep · Esc clear",
        _ => "j/k move · / search · Enter details · V reveal · c copy · e edit · P profile · ? help · q quit",
    }
}

fn details(frame: &mut Frame, app: &App, row: &Row) {
    let field = |label: &str, value: Option<&str>| {
        Line::from(vec![
            Span::raw(format!("{label:<14}")).bold(),
            Span::raw(value.map_or_else(|| "—".to_owned(), |v| escape(v).into_owned())),
        ])
    };
    let value_status = match &app.revealed {
        Some((name, value)) if *name == row.name => {
            format!("resolved, {} characters", value.expose().chars().count())
        }
        _ => "hidden (V reveals it in the list, c copies it)".to_owned(),
    };
    let key = row.key.as_deref().map(|k| truncate(k, KEY_PREVIEW));
    let lines = vec![
        field("Name", Some(&row.name)),
        field("Provider", Some(&row.provider)),
        field("Provider key", key.as_deref()),
        field("Description", row.description.as_deref()),
        field("Default", row.default.as_deref()),
        field("If missing", row.if_missing.as_deref()),
        field("Source", Some(&row.source)),
        field("Value", Some(&value_status)),
        Line::from(""),
        Line::from("c copies the value · any other key closes").dim(),
    ];
    popup(frame, " Secret details ", lines, 90, 12);
}

fn profiles(frame: &mut Frame, app: &App, selected: usize) {
    let names = app.profile_names();
    let lines: Vec<Line> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let active = if app.profiles.contains(name) {
                " (active)"
            } else {
                ""
            };
            let line = Line::from(format!(
                "{} {}{active}",
                if i == selected { ">" } else { " " },
                escape(name)
            ));
            if i == selected {
                line.reversed()
            } else {
                line
            }
        })
        .collect();
    let height = lines.len() as u16 + 2;
    popup(
        frame,
        " Profile (Enter selects, Esc closes) ",
        lines,
        50,
        height,
    );
}

/// A bordered box of `width` x `height` in the middle of the screen (smaller when it must be).
fn popup(frame: &mut Frame, title: &str, lines: Vec<Line>, width: u16, height: u16) {
    let area = frame.area();
    let width = width.min(area.width);
    let height = height.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(title.to_owned())),
        rect,
    );
}

/// At most `max` characters, `…` marking a cut.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}
