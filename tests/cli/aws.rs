//! aws-kms, aws-sm and aws-ps against the moto AWS emulator on loopback.

use insta::assert_snapshot;
use serde_json::json;

use crate::support::fake_throttling_aws::FakeThrottlingAws;
use crate::support::services::{aws_env, boto3, boto3_many, boto3_many_in_role, moto};
use crate::support::{Output, Sandbox};

/// A sandbox whose fnox talks to moto, plus a name prefix unique to this test.
struct Aws {
    sb: Sandbox,
    endpoint: &'static str,
    unique: String,
}

impl Aws {
    fn new() -> Option<Aws> {
        let endpoint = moto()?;
        let sb = Sandbox::new();
        let unique = sb.unique();
        Some(Aws {
            sb,
            endpoint,
            unique,
        })
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_via(self.endpoint, args)
    }

    /// Runs fnox with the AWS SDK pointed at `endpoint` instead of moto itself.
    fn run_via(&self, endpoint: &str, args: &[&str]) -> Output {
        self.sb
            .output(self.sb.fnox().envs(aws_env(endpoint)).args(args))
    }

    fn call(&self, service: &str, method: &str, params: serde_json::Value) -> serde_json::Value {
        boto3(self.endpoint, service, method, params)
    }

    /// Creates a KMS key with an alias unique to this test; returns (key id, alias).
    fn kms_key(&self, label: &str) -> (String, String) {
        let key = self.call("kms", "create_key", json!({}));
        let key_id = key["KeyMetadata"]["KeyId"].as_str().unwrap().to_owned();
        let alias = format!("alias/{}-{label}", self.unique);
        self.call(
            "kms",
            "create_alias",
            json!({"AliasName": alias, "TargetKeyId": key_id}),
        );
        (key_id, alias)
    }
}

#[test]
fn kms_set_get_and_ciphertext_is_a_plain_kms_blob() {
    let Some(aws) = Aws::new() else { return };
    let (_, alias) = aws.kms_key("main");
    aws.sb.write(
        "fnox.toml",
        &format!(
            "[providers.kms]\ntype = \"aws-kms\"\nkey_id = \"{alias}\"\nregion = \"us-east-1\"\n"
        ),
    );
    aws.run(&[
        "set",
        "DATABASE_URL",
        "postgres://u:p@h/db",
        "--provider",
        "kms",
    ])
    .ok();
    assert_eq!(
        aws.run(&["get", "DATABASE_URL"]).ok(),
        "postgres://u:p@h/db\n"
    );
    // The stored value is base64(CiphertextBlob): any KMS client decrypts it.
    let text = aws.sb.read("fnox.toml");
    let value = text
        .split("value = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let plain = aws.call(
        "kms",
        "decrypt",
        json!({"CiphertextBlob": {"__b64": value}}),
    );
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(plain["Plaintext"]["__b64"].as_str().unwrap())
        .unwrap();
    assert_eq!(bytes, b"postgres://u:p@h/db");
    // And a blob made by another client decrypts with fnox.
    let blob = aws.call(
        "kms",
        "encrypt",
        json!({"KeyId": alias, "Plaintext": {"__b64": base64::engine::general_purpose::STANDARD.encode("from boto3")}}),
    );
    let b64 = blob["CiphertextBlob"]["__b64"].as_str().unwrap();
    aws.sb.write(
        "fnox.toml",
        &format!("{text}OTHER = {{ provider = \"kms\", value = \"{b64}\" }}\n"),
    );
    assert_eq!(aws.run(&["get", "OTHER"]).ok(), "from boto3\n");
}

#[test]
fn kms_old_values_still_decrypt_after_key_id_changes() {
    let Some(aws) = Aws::new() else { return };
    let (_, old) = aws.kms_key("old");
    let (_, new) = aws.kms_key("new");
    let config = |alias: &str| {
        format!(
            "[providers.kms]\ntype = \"aws-kms\"\nkey_id = \"{alias}\"\nregion = \"us-east-1\"\n"
        )
    };
    aws.sb.write("fnox.toml", &config(&old));
    aws.run(&["set", "A", "under the old key"]).ok();
    let text = aws.sb.read("fnox.toml").replace(&old, &new);
    aws.sb.write("fnox.toml", &text);
    aws.run(&["set", "B", "under the new key"]).ok();
    assert_eq!(aws.run(&["get", "A"]).ok(), "under the old key\n");
    assert_eq!(aws.run(&["get", "B"]).ok(), "under the new key\n");
    assert!(aws
        .run(&["provider", "test", "kms"])
        .stderr
        .contains("is enabled"));
}

#[test]
fn secrets_manager_set_creates_then_updates_remote_secret() {
    let Some(aws) = Aws::new() else { return };
    let prefix = format!("{}/", aws.unique);
    aws.sb.write(
        "fnox.toml",
        &format!("[profiles.production.providers.aws]\ntype = \"aws-sm\"\nregion = \"us-east-1\"\nprefix = \"{prefix}\"\n"),
    );
    aws.run(&[
        "set",
        "--profile",
        "production",
        "STRIPE_KEY",
        "sk_live_1",
        "--provider",
        "aws",
    ])
    .ok();
    let remote = aws.call(
        "secretsmanager",
        "get_secret_value",
        json!({"SecretId": format!("{prefix}STRIPE_KEY")}),
    );
    assert_eq!(remote["SecretString"], "sk_live_1");
    assert!(aws
        .sb
        .read("fnox.toml")
        .contains("STRIPE_KEY= { provider = \"aws\", value = \"STRIPE_KEY\" }"));
    aws.run(&[
        "set",
        "--profile",
        "production",
        "STRIPE_KEY",
        "sk_live_2",
        "--provider",
        "aws",
    ])
    .ok();
    assert_eq!(
        aws.run(&["--profile", "production", "get", "STRIPE_KEY"])
            .ok(),
        "sk_live_2\n"
    );
}

#[test]
fn parameter_store_writes_secure_strings_and_reads_them_back() {
    let Some(aws) = Aws::new() else { return };
    let prefix = format!("/{}/", aws.unique);
    aws.sb.write(
        "fnox.toml",
        &format!(
            "[providers.ps]\ntype = \"aws-ps\"\nregion = \"us-east-1\"\nprefix = \"{prefix}\"\n"
        ),
    );
    aws.run(&["set", "API_TOKEN", "tok-1", "-p", "ps"]).ok();
    let remote = aws.call(
        "ssm",
        "get_parameter",
        json!({"Name": format!("{prefix}API_TOKEN"), "WithDecryption": false}),
    );
    assert_eq!(remote["Parameter"]["Type"], "SecureString");
    assert_eq!(aws.run(&["get", "API_TOKEN"]).ok(), "tok-1\n");
    aws.run(&["set", "API_TOKEN", "tok-2", "-p", "ps"]).ok();
    assert_eq!(aws.run(&["get", "API_TOKEN"]).ok(), "tok-2\n");
}

#[test]
fn exec_fetches_every_reference_across_batches() {
    let Some(aws) = Aws::new() else { return };
    let (_, alias) = aws.kms_key("exec");
    let mut config = format!(
        "[providers]\nkms = {{ type = \"aws-kms\", key_id = \"{alias}\", region = \"us-east-1\" }}\n\
         sm = {{ type = \"aws-sm\", region = \"us-east-1\", prefix = \"{u}/\" }}\n\
         ps = {{ type = \"aws-ps\", region = \"us-east-1\", prefix = \"/{u}/\" }}\n\n[secrets]\n",
        u = aws.unique
    );
    // More than one batch of each: 25 (> 20 per BatchGetSecretValue) and 15 (> 10 per GetParameters).
    let mut calls = Vec::new();
    for i in 0..25 {
        let params =
            json!({"Name": format!("{}/S{i}", aws.unique), "SecretString": format!("sm-{i}")});
        calls.push(("secretsmanager", "create_secret", params));
        config.push_str(&format!(
            "SM_{i} = {{ provider = \"sm\", value = \"S{i}\" }}\n"
        ));
    }
    for i in 0..15 {
        let params = json!({"Name": format!("/{}/P{i}", aws.unique), "Value": format!("ps-{i}"), "Type": "SecureString"});
        calls.push(("ssm", "put_parameter", params));
        config.push_str(&format!(
            "PS_{i} = {{ provider = \"ps\", value = \"P{i}\" }}\n"
        ));
    }
    boto3_many(aws.endpoint, &calls);
    aws.sb.write("fnox.toml", &config);
    for i in 0..3 {
        aws.run(&["set", &format!("KMS_{i}"), &format!("kms-{i}"), "-p", "kms"])
            .ok();
    }
    let out = aws.run(&["exec", "--", "env"]);
    let env = out.ok();
    for i in 0..25 {
        assert!(env.contains(&format!("SM_{i}=sm-{i}\n")), "SM_{i}");
    }
    for i in 0..15 {
        assert!(env.contains(&format!("PS_{i}=ps-{i}\n")), "PS_{i}");
    }
    for i in 0..3 {
        assert!(env.contains(&format!("KMS_{i}=kms-{i}\n")), "KMS_{i}");
    }
}

#[test]
fn throttled_batches_are_retried_and_every_value_arrives() {
    let Some(aws) = Aws::new() else { return };
    let p = format!("/{}/", aws.unique);
    let mut config = format!(
        "[providers]\nps = {{ type = \"aws-ps\", region = \"us-east-1\", prefix = \"{p}\" }}\n[secrets]\n"
    );
    let mut calls = Vec::new();
    for i in 0..25 {
        let params =
            json!({"Name": format!("{p}P{i}"), "Value": format!("ps-{i}"), "Type": "SecureString"});
        calls.push(("ssm", "put_parameter", params));
        config.push_str(&format!(
            "PS_{i} = {{ provider = \"ps\", value = \"P{i}\" }}\n"
        ));
    }
    boto3_many(aws.endpoint, &calls);
    aws.sb.write("fnox.toml", &config);
    // Three batches of GetParameters (10 per call); the first two requests are throttled.
    let fake = FakeThrottlingAws::start(aws.endpoint, 2);
    let out = aws.run_via(&fake.endpoint, &["exec", "--", "env"]);
    let env = out.ok();
    for i in 0..25 {
        assert!(env.contains(&format!("PS_{i}=ps-{i}\n")), "PS_{i}");
    }
    assert_eq!(fake.throttled(), 2);
    assert_eq!(fake.requests(), 3 + 2, "each throttled batch retried once");
}

#[test]
fn persistent_throttling_fails_naming_the_secret_and_never_yields_empty() {
    let Some(aws) = Aws::new() else { return };
    let name = format!("{}/busy", aws.unique);
    aws.call(
        "secretsmanager",
        "create_secret",
        json!({"Name": name, "SecretString": "s3cr3t"}),
    );
    aws.sb.write(
        "fnox.toml",
        &format!("[providers]\nsm = {{ type = \"aws-sm\", region = \"us-east-1\" }}\n[secrets]\nBUSY = {{ provider = \"sm\", value = \"{name}\" }}\n"),
    );
    let fake = FakeThrottlingAws::start(aws.endpoint, usize::MAX);
    let out = aws.run_via(&fake.endpoint, &["get", "BUSY"]);
    let err = out.fails(1);
    assert_eq!(out.stdout, "");
    assert!(
        err.contains("cannot fetch BUSY (secrets.BUSY in ./fnox.toml:4, provider 'sm')"),
        "{err}"
    );
    assert!(err.contains("throttling"), "{err}");
    assert!(err.contains("hint: try again shortly"), "{err}");
    // Bounded retries (the SDK's standard three attempts), not a retry storm.
    assert_eq!(fake.requests(), 3);
    // exec under the default if_missing = "warn": BUSY is left out with a warning, never set empty.
    let probe = "if [ -z \"${BUSY+set}\" ]; then echo unset; else echo \"set: [$BUSY]\"; fi";
    let out = aws.run_via(&fake.endpoint, &["exec", "--", "sh", "-c", probe]);
    assert_eq!(out.ok(), "unset\n");
    assert!(out.stderr.contains("throttling"), "{}", out.stderr);
    let out = aws.run_via(
        &fake.endpoint,
        &["exec", "--strict", "--", "sh", "-c", probe],
    );
    out.fails(1);
    assert_eq!(out.stdout, "", "--strict must not start the program");
}

#[test]
fn json_path_selects_a_field_of_a_remote_json_secret() {
    let Some(aws) = Aws::new() else { return };
    let name = format!("{}/db", aws.unique);
    aws.call(
        "secretsmanager",
        "create_secret",
        json!({"Name": name, "SecretString": "{\"user\":\"app\",\"password\":\"pw\"}"}),
    );
    aws.sb.write(
        "fnox.toml",
        &format!("[providers]\nsm = {{ type = \"aws-sm\", region = \"us-east-1\" }}\n[secrets]\nDB_PASSWORD = {{ provider = \"sm\", value = \"{name}\", json_path = \"password\" }}\n"),
    );
    assert_eq!(aws.run(&["get", "DB_PASSWORD"]).ok(), "pw\n");
}

#[test]
fn a_secret_deleted_remotely_is_a_not_found_error_naming_it() {
    let Some(aws) = Aws::new() else { return };
    let name = format!("{}/gone", aws.unique);
    aws.call(
        "secretsmanager",
        "create_secret",
        json!({"Name": name, "SecretString": "x"}),
    );
    aws.sb.write(
        "fnox.toml",
        &format!("[providers]\nsm = {{ type = \"aws-sm\", region = \"us-east-1\" }}\n[secrets]\nGONE = {{ provider = \"sm\", value = \"{name}\", if_missing = \"error\" }}\nKEPT = {{ default = \"k\" }}\n"),
    );
    aws.call(
        "secretsmanager",
        "delete_secret",
        json!({"SecretId": name, "ForceDeleteWithoutRecovery": true}),
    );
    let out = aws.run(&["get", "GONE"]);
    let err = out.fails(1);
    assert!(
        err.contains(
            "error[fnox::provider::secret_not_found]: cannot fetch GONE (secrets.GONE in ./fnox.toml:4, provider 'sm')"
        ),
        "{err}"
    );
    assert!(
        err.contains(&format!("AWS Secrets Manager: secret '{name}' not found")),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    let out = aws.run(&["exec", "--", "true"]);
    assert!(out.fails(1).contains("GONE"));
}

#[test]
fn missing_parameter_is_reported_per_secret_and_others_still_resolve() {
    let Some(aws) = Aws::new() else { return };
    let p = format!("/{}/", aws.unique);
    aws.call(
        "ssm",
        "put_parameter",
        json!({"Name": format!("{p}HERE"), "Value": "here", "Type": "SecureString"}),
    );
    aws.sb.write(
        "fnox.toml",
        &format!("[providers]\nps = {{ type = \"aws-ps\", region = \"us-east-1\", prefix = \"{p}\" }}\n[secrets]\nHERE = {{ provider = \"ps\", value = \"HERE\" }}\nMISSING = {{ provider = \"ps\", value = \"MISSING\" }}\n"),
    );
    let out = aws.run(&["exec", "--", "sh", "-c", "printf %s \"$HERE\""]);
    assert_eq!(out.ok(), "here");
    assert!(out.stderr.contains("MISSING"), "{}", out.stderr);
    assert!(out.stderr.contains("not found"), "{}", out.stderr);
}

#[test]
fn unreachable_endpoint_and_missing_credentials_say_what_to_do() {
    let Some(aws) = Aws::new() else { return };
    aws.sb.write(
        "fnox.toml",
        "[providers]\nps = { type = \"aws-ps\", region = \"us-east-1\", endpoint = \"http://127.0.0.1:9\" }\n[secrets]\nX = { provider = \"ps\", value = \"X\" }\n",
    );
    let out = aws.run(&["get", "X"]);
    let err = out.fails(1);
    assert!(
        err.contains("AWS Parameter Store: cannot reach the AWS endpoint"),
        "{err}"
    );
    assert!(err.contains("hint: check the network"), "{err}");

    aws.sb.write(
        "fnox.toml",
        "[providers]\nps = { type = \"aws-ps\", region = \"us-east-1\" }\n[secrets]\nX = { provider = \"ps\", value = \"X\" }\n",
    );
    let out = aws.sb.output(
        aws.sb
            .fnox()
            .env("AWS_ENDPOINT_URL", aws.endpoint)
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", aws.sb.path("none"))
            .env("AWS_SHARED_CREDENTIALS_FILE", aws.sb.path("none"))
            .args(["get", "X"]),
    );
    let err = out.fails(1);
    assert!(err.contains("no usable AWS credentials"), "{err}");
    assert!(err.contains("aws configure"), "{err}");
}

#[test]
fn age_commands_do_not_need_aws() {
    // An age secret resolves even when an AWS provider in the same file could never connect.
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nage = {{ type = \"age\", recipients = [\"{}\"] }}\nkms = {{ type = \"aws-kms\", key_id = \"alias/x\", region = \"us-east-1\", endpoint = \"http://127.0.0.1:9\" }}\n[secrets]\n",
            crate::support::TEST_PUBLIC_KEY
        ),
    );
    sb.run(&["set", "A", "v", "-p", "age"]).ok();
    assert_eq!(sb.run(&["get", "A"]).ok(), "v\n");
}

#[test]
fn provider_test_reports_a_disabled_kms_key() {
    let Some(aws) = Aws::new() else { return };
    let (key_id, alias) = aws.kms_key("disabled");
    aws.sb.write(
        "fnox.toml",
        &format!(
            "[providers.kms]\ntype = \"aws-kms\"\nkey_id = \"{alias}\"\nregion = \"us-east-1\"\n"
        ),
    );
    aws.run(&["set", "A", "v"]).ok();
    aws.call("kms", "disable_key", json!({"KeyId": key_id}));
    // moto still decrypts under a disabled key, so the state is checked through `provider test`
    // (DescribeKey); the Decrypt error mapping is covered by a unit test of classify_code.
    let out = aws.run(&["provider", "test", "kms"]);
    let err = out.fails(1);
    assert!(err.contains("is Disabled"), "{err}");
    assert!(err.contains("hint: enable the key"), "{err}");
}

#[test]
fn reencrypt_moves_kms_values_to_the_new_key() {
    let Some(aws) = Aws::new() else { return };
    let (old_id, old) = aws.kms_key("rot-old");
    let (new_id, new) = aws.kms_key("rot-new");
    let config = |alias: &str| {
        format!(
            "[providers.kms]\ntype = \"aws-kms\"\nkey_id = \"{alias}\"\nregion = \"us-east-1\"\n"
        )
    };
    aws.sb.write("fnox.toml", &config(&old));
    aws.run(&["set", "A", "a-value"]).ok();
    aws.run(&["set", "B", "b-value"]).ok();
    let text = aws.sb.read("fnox.toml").replace(&old, &new);
    aws.sb.write("fnox.toml", &text);
    let key_of = |name: &str| {
        let text = aws.sb.read("fnox.toml");
        let line = text
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap()
            .to_owned();
        let blob = line
            .split("value = \"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let out = aws.call("kms", "decrypt", json!({"CiphertextBlob": {"__b64": blob}}));
        out["KeyId"].as_str().unwrap().to_owned()
    };
    assert!(key_of("A").ends_with(&old_id), "before: under the old key");
    aws.run(&["reencrypt", "--force"]).ok();
    for name in ["A", "B"] {
        assert!(
            key_of(name).ends_with(&new_id),
            "{name} is under the new key after reencrypt"
        );
    }
    assert_eq!(aws.run(&["get", "A"]).ok(), "a-value\n");
    assert_eq!(aws.run(&["get", "B"]).ok(), "b-value\n");
}

#[test]
fn reencrypt_to_moves_values_from_age_to_kms_and_back() {
    let Some(aws) = Aws::new() else { return };
    let (_, alias) = aws.kms_key("switch");
    aws.sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nage = {{ type = \"age\", recipients = [\"{}\"] }}\nkms = {{ type = \"aws-kms\", key_id = \"{alias}\", region = \"us-east-1\" }}\n\n[secrets]\n",
            crate::support::TEST_PUBLIC_KEY
        ),
    );
    aws.run(&["set", "S", "switch-me", "-p", "age"]).ok();
    aws.run(&["reencrypt", "--force", "--to", "kms", "S"]).ok();
    let text = aws.sb.read("fnox.toml");
    assert!(
        text.contains("S= { provider = \"kms\", value = \""),
        "{text}"
    );
    assert!(
        !text.contains("YWdlLWVuY3J5cHRpb24"),
        "no age ciphertext left: {text}"
    );
    assert_eq!(aws.run(&["get", "S"]).ok(), "switch-me\n");
    aws.run(&["reencrypt", "--force", "--to", "age", "S"]).ok();
    assert!(aws
        .sb
        .read("fnox.toml")
        .contains("S= { provider = \"age\", value = \"YWdlLWVuY3J5cHRpb24"));
    assert_eq!(aws.run(&["get", "S"]).ok(), "switch-me\n");
}

#[test]
fn list_stale_names_kms_values_under_an_old_key() {
    let Some(aws) = Aws::new() else { return };
    let (_, old) = aws.kms_key("stale-old");
    let (_, new) = aws.kms_key("stale-new");
    aws.sb.write(
        "fnox.toml",
        &format!(
            "[providers.kms]\ntype = \"aws-kms\"\nkey_id = \"{old}\"\nregion = \"us-east-1\"\n"
        ),
    );
    aws.run(&["set", "A", "a"]).ok();
    assert_eq!(aws.run(&["list", "--stale"]).ok(), "");
    let text = aws.sb.read("fnox.toml").replace(&old, &new);
    aws.sb.write("fnox.toml", &text);
    let out = aws.run(&["list", "--stale"]);
    assert!(
        out.ok()
            .contains(&format!("not the configured {new}: run `fnox reencrypt`")),
        "{}",
        out.stdout
    );
    aws.run(&["reencrypt", "--force"]).ok();
    assert_eq!(aws.run(&["list", "--stale"]).ok(), "");
}

#[test]
fn set_writes_to_the_remote_key_the_entry_already_names() {
    let Some(aws) = Aws::new() else { return };
    let prefix = format!("/{}/", aws.unique);
    aws.sb.write(
        "fnox.toml",
        &format!(
            "[providers.ps]\ntype = \"aws-ps\"\nregion = \"us-east-1\"\nprefix = \"{prefix}\"\n\n\
             [secrets]\nDB_URL = {{ provider = \"ps\", value = \"shared/db-url\" }}\n"
        ),
    );
    let dry = aws.run(&["set", "DB_URL", "postgres://new", "--dry-run"]);
    assert_eq!(
        dry.ok(),
        "[dry-run] Would set secret DB_URL in ./fnox.toml\n  provider: ps\n  value: shared/db-url\n"
    );
    aws.run(&["set", "DB_URL", "postgres://new"]).ok();
    let remote = aws.call(
        "ssm",
        "get_parameter",
        json!({"Name": format!("{prefix}shared/db-url"), "WithDecryption": true}),
    );
    assert_eq!(remote["Parameter"]["Value"], "postgres://new");
    assert!(aws
        .sb
        .read("fnox.toml")
        .contains("DB_URL = { provider = \"ps\", value = \"shared/db-url\" }"));
    assert_eq!(aws.run(&["get", "DB_URL"]).ok(), "postgres://new\n");
}

#[test]
fn set_stores_with_the_write_profile_s_provider_settings() {
    let Some(aws) = Aws::new() else { return };
    let (dev, prod) = (
        format!("/{}/dev/", aws.unique),
        format!("/{}/prod/", aws.unique),
    );
    aws.sb.write(
        "fnox.toml",
        &format!(
            "[providers.ps]\ntype = \"aws-ps\"\nregion = \"us-east-1\"\nprefix = \"{dev}\"\n\n\
             [profiles.prod.providers.ps]\ntype = \"aws-ps\"\nregion = \"us-east-1\"\nprefix = \"{prod}\"\n"
        ),
    );
    aws.run(&["-P", "prod", "set", "TOKEN", "prod-token", "-p", "ps"])
        .ok();
    let remote = aws.call(
        "ssm",
        "get_parameter",
        json!({"Name": format!("{prod}TOKEN"), "WithDecryption": true}),
    );
    assert_eq!(remote["Parameter"]["Value"], "prod-token");
    assert_eq!(
        aws.run(&["-P", "prod", "get", "TOKEN"]).ok(),
        "prod-token\n"
    );
}

#[test]
fn role_arn_is_assumed_through_sts_for_kms_secrets_manager_and_parameter_store() {
    let Some(aws) = Aws::new() else { return };
    let u = &aws.unique;
    // moto puts an assumed role's session in the role's account: what is created there is
    // reachable only through the role, so reading it back proves fnox assumed the role.
    let role = format!("arn:aws:iam::111122223333:role/{u}-reader");
    let trust = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]});
    let replies = boto3_many_in_role(
        aws.endpoint,
        &role,
        &[
            (
                "iam",
                "create_role",
                json!({"RoleName": format!("{u}-reader"), "AssumeRolePolicyDocument": trust.to_string()}),
            ),
            ("kms", "create_key", json!({})),
            (
                "secretsmanager",
                "create_secret",
                json!({"Name": format!("{u}/db"), "SecretString": "sm-through-role"}),
            ),
            (
                "ssm",
                "put_parameter",
                json!({"Name": format!("/{u}/token"), "Value": "ps-through-role", "Type": "SecureString"}),
            ),
        ],
    );
    assert_eq!(replies[0]["Role"]["Arn"], role.as_str());
    let key_id = replies[1]["KeyMetadata"]["KeyId"].as_str().unwrap();
    // The STS call goes to the provider's `endpoint`, like the service calls: no AWS_ENDPOINT_URL.
    let config = |role_line: &str| {
        let e = aws.endpoint;
        format!(
            "[providers]\n\
             kms = {{ type = \"aws-kms\", key_id = \"{key_id}\", region = \"us-east-1\", endpoint = \"{e}\"{role_line} }}\n\
             sm = {{ type = \"aws-sm\", region = \"us-east-1\", endpoint = \"{e}\"{role_line} }}\n\
             ps = {{ type = \"aws-ps\", region = \"us-east-1\", endpoint = \"{e}\"{role_line} }}\n\n\
             [secrets]\n\
             DB = {{ provider = \"sm\", value = \"{u}/db\" }}\n\
             TOKEN = {{ provider = \"ps\", value = \"/{u}/token\" }}\n"
        )
    };
    let run = |args: &[&str]| {
        let env = aws_env(aws.endpoint)
            .into_iter()
            .filter(|(k, _)| *k != "AWS_ENDPOINT_URL");
        aws.sb.output(aws.sb.fnox().envs(env).args(args))
    };
    aws.sb
        .write("fnox.toml", &config(&format!(", role_arn = \"{role}\"")));
    run(&["set", "SIGNING_KEY", "kms-through-role", "-p", "kms"]).ok();
    let out = run(&[
        "exec",
        "--",
        "sh",
        "-c",
        "printf '%s\\n' \"$DB\" \"$TOKEN\" \"$SIGNING_KEY\"",
    ]);
    assert_eq!(
        out.ok(),
        "sm-through-role\nps-through-role\nkms-through-role\n"
    );
    // The KMS blob was made under the key in the role's account.
    let blob = aws.sb.read("fnox.toml");
    let blob = blob
        .split("value = \"")
        .last()
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let decrypted = boto3_many_in_role(
        aws.endpoint,
        &role,
        &[("kms", "decrypt", json!({"CiphertextBlob": {"__b64": blob}}))],
    );
    assert!(
        decrypted[0]["KeyId"]
            .as_str()
            .unwrap()
            .starts_with("arn:aws:kms:us-east-1:111122223333:key/"),
        "{decrypted:?}"
    );

    // Without the role the same names are not there (the caller's own account).
    let text = aws
        .sb
        .read("fnox.toml")
        .replace(&format!(", role_arn = \"{role}\""), "");
    aws.sb.write("fnox.toml", &text);
    let err = run(&["get", "DB"]).fails(1).to_owned();
    assert!(err.contains("not found"), "{err}");
    // AWS_ENDPOINT_URL (no `endpoint` on the provider) reaches STS too.
    let text = config(&format!(", role_arn = \"{role}\""))
        .replace(&format!(", endpoint = \"{}\"", aws.endpoint), "");
    aws.sb.write("fnox.toml", &text);
    assert_eq!(aws.run(&["get", "TOKEN"]).ok(), "ps-through-role\n");
}

#[test]
fn a_malformed_role_arn_is_a_config_error_before_any_request() {
    let Some(aws) = Aws::new() else { return };
    // Every request fnox makes would pass through (and be counted by) this proxy.
    let counter = FakeThrottlingAws::start(aws.endpoint, 0);
    aws.sb.write(
        "fnox.toml",
        "[providers]\n\
         kms = { type = \"aws-kms\", key_id = \"alias/x\", region = \"us-east-1\", role_arn = \"arn:aws:iam::12345:role/deploy\" }\n\
         sm = { type = \"aws-sm\", region = \"us-east-1\", role_arn = \"deploy\" }\n\
         ps = { type = \"aws-ps\", region = \"us-east-1\", role_arn = \"arn:aws:iam::123456789012:user/deploy\" }\n\n\
         [secrets]\n\
         A = { provider = \"kms\", value = \"AQID\" }\n\
         B = { provider = \"sm\", value = \"b\" }\n\
         C = { provider = \"ps\", value = \"c\" }\n",
    );
    let out = aws.run_via(&counter.endpoint, &["get", "A"]);
    assert_snapshot!(out.all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot resolve A (secrets.A in ./fnox.toml:7)
      caused by: cannot use provider 'kms' (providers.kms in ./fnox.toml:2)
      caused by: AWS KMS: `role_arn` is not an IAM role ARN (the account must be 12 digits)
      hint: write it as `role_arn = "arn:aws:iam::123456789012:role/NAME"` (the role's ARN in the IAM console), or remove it to use your own credentials
    "#);
    let err = aws
        .run_via(&counter.endpoint, &["get", "B"])
        .fails(1)
        .to_owned();
    assert!(
        err.contains("AWS Secrets Manager: `role_arn` is not an IAM role ARN (expected six"),
        "{err}"
    );
    let err = aws
        .run_via(&counter.endpoint, &["set", "C", "v", "-p", "ps"])
        .fails(1)
        .to_owned();
    assert!(
        err.contains(
            "AWS Parameter Store: `role_arn` is not an IAM role ARN (the resource must be `role/NAME`)"
        ),
        "{err}"
    );
    assert_eq!(counter.requests(), 0, "no request was sent");
}
