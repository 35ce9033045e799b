//! References (`secret://PROVIDER/REFERENCE[#FIELD]`, `fnox://SECRET`) inside secret values,
//! `fnox inject` templates, `exec --env-file` files and the inherited environment, against
//! OpenBao (KV v2), the moto AWS emulator (Parameter Store) and age-encrypted fnox secrets.

use insta::assert_snapshot;
use serde_json::json;

use crate::support::openbao::{openbao, Bao, ROOT_TOKEN};
use crate::support::services::{aws_env, boto3_many, moto};
use crate::support::{age_config, Output, Sandbox};

/// A sandbox with an age provider and age-encrypted secrets set through fnox.
fn age_sandbox(secrets: &[(&str, &str)]) -> Sandbox {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &age_config());
    for (name, value) in secrets {
        sb.run(&["set", name, value]).ok();
    }
    sb
}

/// fnox with VAULT_ADDR / VAULT_TOKEN (when a server is given) and the AWS variables for moto.
fn run_with(sb: &Sandbox, bao: Option<&Bao>, aws: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = sb.fnox();
    if let Some(bao) = bao {
        cmd.env("VAULT_ADDR", &bao.addr)
            .env("VAULT_TOKEN", ROOT_TOKEN);
    }
    if let Some(endpoint) = aws {
        cmd.envs(aws_env(endpoint));
    }
    sb.output(cmd.args(args))
}

#[test]
fn a_reference_in_the_middle_of_a_url_reads_a_kv_v2_field_from_openbao() {
    let Some(bao) = openbao() else { return };
    let sb = age_sandbox(&[]);
    let u = sb.unique();
    bao.kv_put(
        &format!("{u}/kms/db"),
        json!({"password": "p4ss-w0rd", "user": "kms"}),
    );
    // `secret` is a vault provider (KV mount `secret`), as in the issue's example; the second
    // form needs no provider at all (type `vault`, first path segment is the mount).
    sb.write(
        "fnox.toml",
        &format!(
            "[providers]\nsecret = {{ type = \"vault\" }}\n\n[secrets]\n\
             POSTGRES_URL = {{ value = \"postgresql://kms:secret://secret/{u}/kms/db#password@db:5432/kms\" }}\n\
             BY_TYPE = {{ value = \"u=secret://vault/secret/{u}/kms/db#user;p=secret://vault/secret/{u}/kms/db#password\" }}\n\
             PLAIN = {{ provider = \"plain\", value = \"[secret://secret/{u}/kms/db#user]\" }}\n\
             FROM_DEFAULT = {{ default = \"${{HOME_DIR}}/secret://secret/{u}/kms/db#user\" }}\n"
        ),
    );
    let get = |name: &str| {
        let mut cmd = sb.fnox();
        cmd.env("VAULT_ADDR", &bao.addr)
            .env("VAULT_TOKEN", ROOT_TOKEN)
            .env("HOME_DIR", "/h")
            .args(["get", name]);
        sb.output(&mut cmd).ok().to_owned()
    };
    assert_eq!(
        get("POSTGRES_URL"),
        "postgresql://kms:p4ss-w0rd@db:5432/kms\n"
    );
    assert_eq!(get("BY_TYPE"), "u=kms;p=p4ss-w0rd\n");
    assert_eq!(get("PLAIN"), "[kms]\n");
    assert_eq!(get("FROM_DEFAULT"), "/h/kms\n");
}

#[test]
fn inject_reads_parameter_store_vault_and_age_secrets_in_one_template() {
    let (Some(bao), Some(endpoint)) = (openbao(), moto()) else {
        return;
    };
    let sb = age_sandbox(&[("API_KEY", "age-api-key"), ("JSON", r#"{"k":"from-json"}"#)]);
    let u = sb.unique();
    bao.kv_put(&format!("{u}/app"), json!({"token": "vault-token"}));
    boto3_many(
        endpoint,
        &[
            (
                "ssm",
                "put_parameter",
                json!({"Name": format!("/{u}/db/password"), "Value": "ps-secure", "Type": "SecureString"}),
            ),
            (
                "ssm",
                "put_parameter",
                json!({"Name": format!("{u}-flat"), "Value": "ps-flat", "Type": "String"}),
            ),
        ],
    );
    sb.write(
        "app.yaml",
        &format!(
            "api_key: fnox://API_KEY\n\
             json: \"fnox://JSON#k\"\n\
             vault: secret://vault/secret/{u}/app#token\n\
             db: postgresql://app:secret://aws-ps/us-east-1/{u}/db/password@db:5432/app\n\
             same: secret://aws-ps/us-east-1//{u}/db/password\n\
             flat: secret://aws-ps/us-east-1/{u}-flat\n"
        ),
    );
    let out = run_with(
        &sb,
        Some(bao),
        Some(endpoint),
        &["inject", "-i", "app.yaml"],
    );
    assert_eq!(
        out.ok(),
        "api_key: age-api-key\n\
         json: \"from-json\"\n\
         vault: vault-token\n\
         db: postgresql://app:ps-secure@db:5432/app\n\
         same: ps-secure\n\
         flat: ps-flat\n"
    );
}

#[test]
fn inject_resolves_a_template_with_50_references() {
    let (Some(bao), Some(endpoint)) = (openbao(), moto()) else {
        return;
    };
    let sb = Sandbox::new();
    let u = sb.unique();
    let mut config = format!(
        "{}ps = {{ type = \"aws-ps\", region = \"us-east-1\", prefix = \"/{u}/\" }}\n\
         kv = {{ type = \"vault\", path = \"secret/{u}\" }}\n\n[secrets]\n",
        age_config().trim_end_matches("\n[secrets]\n")
    );
    let mut template = String::new();
    let mut expected = String::new();
    // 20 Parameter Store values (more than one GetParameters call), 20 Vault fields in 4
    // secrets, 10 age secrets: 50 distinct references, each used once.
    let mut calls = Vec::new();
    for i in 0..20 {
        calls.push((
            "ssm",
            "put_parameter",
            json!({"Name": format!("/{u}/P{i}"), "Value": format!("ps-{i}"), "Type": "SecureString"}),
        ));
        template.push_str(&format!("PS_{i}=secret://ps/P{i}\n"));
        expected.push_str(&format!("PS_{i}=ps-{i}\n"));
    }
    boto3_many(endpoint, &calls);
    for s in 0..4 {
        let fields: serde_json::Map<String, serde_json::Value> = (0..5)
            .map(|f| (format!("f{f}"), json!(format!("kv-{s}-{f}"))))
            .collect();
        bao.kv_put(&format!("{u}/s{s}"), serde_json::Value::Object(fields));
        for f in 0..5 {
            template.push_str(&format!("KV_{s}_{f}=\"secret://kv/s{s}#f{f}\"\n"));
            expected.push_str(&format!("KV_{s}_{f}=\"kv-{s}-{f}\"\n"));
        }
    }
    for i in 0..10 {
        config.push_str(&format!(
            "AGE_{i} = {{ provider = \"age\", value = \"placeholder\" }}\n"
        ));
        template.push_str(&format!("AGE_{i}=fnox://AGE_{i}\n"));
        expected.push_str(&format!("AGE_{i}=age-{i}\n"));
    }
    sb.write("fnox.toml", &config);
    for i in 0..10 {
        sb.run(&["set", &format!("AGE_{i}"), &format!("age-{i}")])
            .ok();
    }
    sb.write("app.env.tpl", &template);
    assert_eq!(template.matches("://").count(), 50);
    let out = run_with(
        &sb,
        Some(bao),
        Some(endpoint),
        &["inject", "-i", "app.env.tpl", "-o", "app.env"],
    );
    assert_eq!(out.ok(), "");
    assert_eq!(sb.read("app.env"), expected);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(sb.path("app.env"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn inject_names_line_and_column_of_each_unresolvable_reference_and_writes_nothing() {
    let sb = age_sandbox(&[("DB_PASSWORD", "hunter2")]);
    sb.write(
        "app.toml",
        "[db]\npassword = \"fnox://DB_PASSWORD\"\n\
         user = \"fnox://DB_USRE\"\n  url = \"postgres://a:fnox://DB_PASSWORD@h/secret://nowhere/x\"\n",
    );
    sb.write("out.toml", "previous\n");
    let out = sb.run(&["inject", "-i", "app.toml", "-o", "out.toml"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::inject::error]: cannot inject app.toml: 2 references could not be resolved
      caused by: app.toml:3:9: cannot resolve fnox://DB_USRE: no secret DB_USRE is defined: Did you mean 'DB_PASSWORD'?
      caused by: app.toml:4:44: cannot resolve secret://nowhere/x: 'nowhere' is neither a configured provider nor a provider type
      caused by: nothing was written
      hint: see what is defined with `fnox list`
    ");
    assert_eq!(sb.read("out.toml"), "previous\n");
    assert!(!out.stderr.contains("hunter2"));

    // One failure, a malformed reference, and no output file at all.
    sb.write("bad.env", "A=fnox://DB_PASSWORD\nB=x secret://age\n");
    let out = sb.run(&["inject", "-i", "bad.env", "-o", "new.env"]);
    assert_snapshot!(out.all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::inject::error]: cannot inject bad.env: a reference at bad.env:2:5 could not be resolved
      caused by: malformed reference 'secret://age': expected secret://PROVIDER/REFERENCE after secret://
      caused by: nothing was written
      hint: see "References" in the README for the grammar; percent-encode other characters
    "#);
    assert!(!sb.path("new.env").exists());
}

#[test]
fn inject_check_validates_without_printing_values() {
    let sb = age_sandbox(&[("TOKEN", "tok-secret-value")]);
    sb.write(
        "t.json",
        "{\"a\": \"fnox://TOKEN\", \"b\": \"fnox://TOKEN\", \"c\": \"x\"}\n",
    );
    let out = sb.run(&["inject", "-i", "t.json", "--check"]);
    assert_snapshot!(out.all(), @r"
    exit: 0
    --- stdout
    --- stderr
    t.json: all 2 reference(s) resolve
    ");
    // --check with -o writes nothing either; a failing check still names the place.
    let out = sb.run(&["inject", "-i", "t.json", "-o", "o.json", "--check"]);
    assert_eq!(out.ok(), "");
    assert!(!sb.path("o.json").exists());
    sb.write(
        "t2.json",
        "{\"a\": \"fnox://TOKEN\", \"b\": \"fnox://NOPE\"}\n",
    );
    let out = sb.run(&["inject", "-i", "t2.json", "--check"]);
    assert!(out.fails(1).contains("t2.json:1:29"), "{}", out.stderr);
    assert!(!out.stderr.contains("tok-secret-value"));
    assert_eq!(out.stdout, "");
}

#[test]
fn inject_reads_stdin_and_keeps_text_without_references() {
    let sb = age_sandbox(&[("PW", "pw-1")]);
    let text = "no refs: https://example.com/x#y mysecret://a/b\nref: fnox://PW!\n";
    let out = sb.output(sb.fnox().args(["inject"]).write_stdin(text));
    assert_eq!(
        out.ok(),
        "no refs: https://example.com/x#y mysecret://a/b\nref: pw-1!\n"
    );
}

#[test]
fn references_resolve_with_type_defaults_and_no_fnox_toml() {
    let Some(endpoint) = moto() else { return };
    let sb = Sandbox::new();
    let u = sb.unique();
    boto3_many(
        endpoint,
        &[(
            "ssm",
            "put_parameter",
            json!({"Name": format!("/{u}/json"), "Value": "{\"user\":\"ada\"}", "Type": "String"}),
        )],
    );
    sb.write(
        "t.txt",
        &format!("user=secret://aws-ps/us-east-1/{u}/json#user\n"),
    );
    let out = run_with(&sb, None, Some(endpoint), &["inject", "-i", "t.txt"]);
    assert_eq!(out.ok(), "user=ada\n");
}

#[test]
fn exec_env_file_resolves_references_in_its_values() {
    let sb = age_sandbox(&[("DB_PASSWORD", "s3cr3t"), ("API", "from-fnox")]);
    sb.write(
        ".env",
        "# app settings\n\
         DATABASE_URL=postgresql://app:fnox://DB_PASSWORD@db:5432/app\n\
         export QUOTED=\"fnox://DB_PASSWORD\"\n\
         PLAIN=just text\n\
         API=fnox://DB_PASSWORD\n",
    );
    let out = sb.run(&[
        "exec",
        "--env-file",
        ".env",
        "--",
        "sh",
        "-c",
        "printf '%s|%s|%s|%s' \"$DATABASE_URL\" \"$QUOTED\" \"$PLAIN\" \"$API\"",
    ]);
    // The file wins over fnox.toml for a variable both set.
    assert_eq!(
        out.ok(),
        "postgresql://app:s3cr3t@db:5432/app|s3cr3t|just text|s3cr3t"
    );

    sb.write(".env.bad", "OK=fnox://API\nBAD=fnox://MISSING\n");
    let out = sb.run(&["exec", "--env-file", ".env.bad", "--", "true"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::command::error]: cannot set BAD (from .env.bad)
      caused by: its value refers to fnox://MISSING, which could not be resolved
      caused by: cannot resolve fnox://MISSING
      caused by: no secret MISSING is defined
      hint: see what is defined with `fnox list`
    ");
}

#[test]
fn exec_resolves_a_reference_in_the_inherited_environment() {
    let sb = age_sandbox(&[("DB_PASSWORD", "s3cr3t")]);
    let out = sb.output(
        sb.fnox()
            .env("FROM_ENV", "fnox://DB_PASSWORD")
            .env("NOT_WHOLE", "x fnox://DB_PASSWORD")
            .env("URLISH", "https://example.com/secret")
            .args([
                "exec",
                "--",
                "sh",
                "-c",
                "printf '%s|%s|%s' \"$FROM_ENV\" \"$NOT_WHOLE\" \"$URLISH\"",
            ]),
    );
    // Only a variable whose whole value is one reference is resolved, as `op run` does.
    assert_eq!(
        out.ok(),
        "s3cr3t|x fnox://DB_PASSWORD|https://example.com/secret"
    );
}

#[test]
fn secret_values_with_references_report_failures_and_cycles() {
    let sb = age_sandbox(&[("PW", "pw")]);
    let mut config = sb.read("fnox.toml");
    config.push_str(
        "URL = { value = \"u:fnox://PW@h\" }\n\
         LOOP_A = { value = \"fnox://LOOP_B\" }\n\
         LOOP_B = { value = \"fnox://LOOP_A\" }\n\
         BROKEN = { value = \"x secret://nowhere/y\", if_missing = \"error\" }\n",
    );
    sb.write("fnox.toml", &config);
    assert_eq!(sb.run(&["get", "URL"]).ok(), "u:pw@h\n");
    let out = sb.run(&["get", "LOOP_A"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::secret::error]: cannot resolve LOOP_B (secrets.LOOP_B in ./fnox.toml:8)
      caused by: its value refers to fnox://LOOP_A, which refers back to LOOP_B (a cycle)
      hint: break the cycle in the `value` of one of these secrets
    ");
    let out = sb.run(&["get", "BROKEN"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::secret::error]: cannot resolve BROKEN (secrets.BROKEN in ./fnox.toml:9)
      caused by: its value refers to secret://nowhere/y, which could not be resolved
      caused by: cannot resolve secret://nowhere/y
      caused by: 'nowhere' is neither a configured provider nor a provider type
      hint: configure it in fnox.toml (`fnox provider add nowhere TYPE`) or use a type: vault, aws-ps, aws-sm, password-store, azure-kv, cosmian-kms
    ");
}
