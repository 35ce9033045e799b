//! KMIP JSON TTLV: every node is `{"tag", "type", "value"}`; a Structure's value is a list of
//! nodes (the server leaves out "type" for structures), byte strings are upper-case hex.

use serde_json::{json, Value};

pub(super) fn node(tag: &str, kind: &str, value: Value) -> Value {
    json!({ "tag": tag, "type": kind, "value": value })
}

pub(super) fn structure(tag: &str, items: Vec<Value>) -> Value {
    node(tag, "Structure", Value::Array(items))
}

pub(super) fn text(tag: &str, value: &str) -> Value {
    node(tag, "TextString", Value::from(value))
}

pub(super) fn bytes(tag: &str, value: &[u8]) -> Value {
    node(tag, "ByteString", Value::from(hex::encode_upper(value)))
}

pub(super) fn enumeration(tag: &str, name: &str) -> Value {
    node(tag, "Enumeration", Value::from(name))
}

pub(super) fn integer(tag: &str, value: i32) -> Value {
    node(tag, "Integer", Value::from(value))
}

/// The first child of structure `node` tagged `tag`.
pub(super) fn child<'a>(node: &'a Value, tag: &str) -> Option<&'a Value> {
    node["value"].as_array()?.iter().find(|c| c["tag"] == tag)
}

/// Every child of structure `node` tagged `tag`.
pub(super) fn children<'a>(node: &'a Value, tag: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    node["value"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(move |c| c["tag"] == tag)
}

pub(super) fn child_str<'a>(node: &'a Value, tag: &str) -> Option<&'a str> {
    child(node, tag)?["value"].as_str()
}

pub(super) fn child_bytes(node: &Value, tag: &str) -> Option<Vec<u8>> {
    hex::decode(child_str(node, tag)?).ok()
}

/// The KMIP protection of AES-GCM, asked for explicitly so the layout of a value is fixed.
pub(super) fn aes_gcm() -> Value {
    structure(
        "CryptographicParameters",
        vec![
            enumeration("BlockCipherMode", "GCM"),
            enumeration("CryptographicAlgorithm", "AES"),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttlv_nodes_read_back() {
        let n = structure(
            "GetResponse",
            vec![
                text("UniqueIdentifier", "abc"),
                bytes("Data", b"\x00\xffhi"),
            ],
        );
        assert_eq!(n["value"][1]["value"], "00FF6869");
        assert_eq!(child_str(&n, "UniqueIdentifier"), Some("abc"));
        assert_eq!(child_bytes(&n, "Data").unwrap(), b"\x00\xffhi");
        assert!(child(&n, "Nope").is_none());
        // The server leaves out the type of a structure.
        let reply: Value = serde_json::from_str(
            r#"{"tag":"R","value":[{"tag":"BatchItem","value":[]},{"tag":"BatchItem","value":[]}]}"#,
        )
        .unwrap();
        assert_eq!(children(&reply, "BatchItem").count(), 2);
    }
}
