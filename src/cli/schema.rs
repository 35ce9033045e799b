//! `fnox schema`

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::Schema;

use super::{print_data, Ctx};
use crate::config::model::ConfigFile;
use crate::error::Result;

/// Print the JSON Schema of fnox.toml (also committed as schema/fnox.schema.json).
///
/// Editors that use taplo (e.g. VS Code's Even Better TOML) pick it up from a first line
/// `#:schema ./schema/fnox.schema.json` in fnox.toml.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// The schema as pretty JSON with a final newline; draft-07, which editors' validators all understand.
pub fn json() -> String {
    let schema = SchemaSettings::draft07()
        .with_transform(RecursiveTransform(drop_null))
        .into_generator()
        .into_root_schema_for::<ConfigFile>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// TOML has no null: an `Option` is a key that may be left out, so the `null` that schemars
/// allows for it is taken back out.
fn drop_null(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if let Some(serde_json::Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            obj.insert("type".to_owned(), only);
        }
    }
    if let Some(serde_json::Value::Array(any)) = obj.get_mut("anyOf") {
        any.retain(|s| s != &serde_json::json!({ "type": "null" }));
    }
}

pub fn run(_ctx: &Ctx, _args: Args) -> Result<i32> {
    print_data(&json())?;
    Ok(0)
}
