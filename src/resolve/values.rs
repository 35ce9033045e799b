//! Reading a secret's value text: whether a `value` is a template of references, the `${NAME}`
//! references in a default, and the `json_path` / `line` selection applied to a resolved value.

use crate::config::load::{Config, SecretEntry};
use crate::error::Result;
use crate::reference;
use crate::secret::SecretValue;

/// A `value` with references in it, when its secret has no provider (or a `plain` one): the
/// references are resolved and spliced in instead of asking a provider.
pub(super) fn template<'a>(config: &Config, entry: &'a SecretEntry) -> Option<&'a str> {
    let value = entry.secret.value.as_deref()?;
    if entry.secret.sync.is_some() || !reference::contains(value) {
        return None;
    }
    let plain = match &entry.secret.provider {
        None => true,
        Some(name) => config
            .provider(name)
            .map_or(name == "plain", |p| p.config.kind == "plain"),
    };
    plain.then_some(value)
}

pub(super) fn is_var_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The `${NAME}` references in a default.
pub(super) fn references(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        match after.find('}') {
            Some(end) if is_var_name(&after[..end]) => {
                out.push(after[..end].to_owned());
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// Applies `json_path` or `line` selection to a value.
pub(super) fn post_process(entry: &SecretEntry, value: SecretValue) -> Result<SecretValue, String> {
    if let Some(path) = &entry.secret.json_path {
        if path.is_empty() {
            return Err("json_path must not be empty".to_owned());
        }
        let json: serde_json::Value = serde_json::from_str(value.expose()).map_err(|e| {
            format!(
                "Failed to parse JSON secret for json_path '{path}': the value is not JSON ({})",
                e.classify_name()
            )
        })?;
        let mut cur = &json;
        for key in split_json_path(path) {
            cur = match cur {
                serde_json::Value::Object(map) => map.get(&key),
                serde_json::Value::Array(items) => {
                    key.parse::<usize>().ok().and_then(|i| items.get(i))
                }
                _ => None,
            }
            .ok_or_else(|| {
                format!("JSON path '{path}' not found: no field '{key}' in the value")
            })?;
        }
        return Ok(SecretValue::new(match cur {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }));
    }
    if let Some(line) = entry.secret.line {
        let text = value.expose();
        return line
            .checked_sub(1)
            .and_then(|i| text.lines().nth(i))
            .map(SecretValue::from)
            .ok_or_else(|| {
                format!(
                    "line {line}: the value has {} line(s)",
                    text.lines().count()
                )
            });
    }
    Ok(value)
}

/// Splits a dot path; `\.` is a literal dot.
fn split_json_path(path: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'.') => {
                parts.last_mut().expect("nonempty").push('.');
                chars.next();
            }
            '.' => parts.push(String::new()),
            c => parts.last_mut().expect("nonempty").push(c),
        }
    }
    parts
}

trait ClassifyName {
    fn classify_name(&self) -> &'static str;
}

impl ClassifyName for serde_json::Error {
    fn classify_name(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "I/O error",
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "unexpected data",
            serde_json::error::Category::Eof => "unexpected end",
        }
    }
}
