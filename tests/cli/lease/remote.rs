//! The aws-sts lease against moto's STS, the vault lease against the OpenBao dev server.

use std::path::Path;

use insta::assert_snapshot;
use serde_json::json;

use super::exec_env;
use crate::support::openbao::{openbao, ROOT_TOKEN};
use crate::support::pty::Terminal;
use crate::support::services::{aws_env, moto, tools_venv};
use crate::support::{parse_env0, Sandbox};

#[test]
fn aws_sts_assumes_a_role_with_master_credentials_that_are_fnox_secrets() {
    let Some(endpoint) = moto() else { return };
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[secrets]\n\
         AWS_ACCESS_KEY_ID = { default = \"AKIAMASTERMASTER1234\", env = false }\n\
         AWS_SECRET_ACCESS_KEY = { default = \"master-secret\", env = false }\n\n\
         [leases.aws]\ntype = \"aws-sts\"\nregion = \"us-east-1\"\n\
         role_arn = \"arn:aws:iam::123456789012:role/dev-role\"\nduration = \"1h\"\n",
    );
    // Only the endpoint and region from the environment: the master keys are the secrets.
    let env: Vec<(&str, String)> = aws_env(endpoint)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("AWS_ACCESS") && !k.starts_with("AWS_SECRET"))
        .collect();
    let python = tools_venv().join("bin/python");
    let script = "import boto3,os; print(boto3.client('sts', endpoint_url=os.environ['AWS_ENDPOINT_URL'], region_name='us-east-1').get_caller_identity()['Arn'])";
    let out = sb.output(
        sb.fnox()
            .envs(env.clone())
            .args(["exec", "--"])
            .arg(&python)
            .args(["-c", script]),
    );
    assert!(
        out.ok()
            .starts_with("arn:aws:sts::123456789012:assumed-role/dev-role/fnox-lease"),
        "{}",
        out.stdout
    );
    let child = sb.output(
        sb.fnox()
            .envs(env.clone())
            .args(["exec", "--", "env", "-0"]),
    );
    let vars = parse_env0(&child.raw_stdout);
    assert!(vars["AWS_ACCESS_KEY_ID"].starts_with("ASIA"), "{vars:?}");
    assert_ne!(vars["AWS_SECRET_ACCESS_KEY"], "master-secret");
    assert!(!vars["AWS_SESSION_TOKEN"].is_empty());
    let json: serde_json::Value = serde_json::from_str(
        sb.output(
            sb.fnox()
                .envs(env.clone())
                .args(["lease", "create", "aws", "-f", "json", "-l", "ci job"]),
        )
        .ok(),
    )
    .unwrap();
    assert_eq!(json["backend"], "aws");
    assert!(json["lease_id"].as_str().unwrap().starts_with("aws-sts-"));
    // No master credentials anywhere: upstream's message.
    sb.write(
        "fnox.toml",
        "[leases.aws]\ntype = \"aws-sts\"\nregion = \"us-east-1\"\nrole_arn = \"arn:aws:iam::123456789012:role/other\"\n",
    );
    assert_snapshot!(sb.output(sb.fnox().envs(env).args(["exec", "--", "true"])).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::create_failed]: cannot create lease 'aws' (backend aws-sts, leases.aws in ./fnox.toml:1)
      caused by: AWS credentials not found. Run 'aws sso login' or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
      hint: define AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY as fnox secrets (env = false keeps them from programs), or run `fnox lease create NAME -i` to paste them
    ");
}

#[test]
fn vault_leases_a_token_and_a_dynamic_pki_certificate_and_revokes_them() {
    let Some(bao) = openbao() else { return };
    let sb = Sandbox::new();
    let mount = format!("pki-{}", sb.unique());
    bao.api(
        "POST",
        &format!("sys/mounts/{mount}"),
        Some(json!({"type": "pki"})),
    );
    bao.api(
        "POST",
        &format!("{mount}/root/generate/internal"),
        Some(json!({"common_name": "fnox test CA", "ttl": "24h"})),
    );
    bao.api(
        "POST",
        &format!("{mount}/roles/app"),
        Some(json!({"allow_any_name": true, "require_cn": false, "generate_lease": true, "max_ttl": "2h"})),
    );
    sb.write(
        "fnox.toml",
        &format!(
            "[secrets]\nVAULT_TOKEN = {{ default = \"{ROOT_TOKEN}\", env = false }}\n\n\
             [leases.token]\ntype = \"vault\"\nsecret_path = \"auth/token/create\"\nmethod = \"post\"\nduration = \"30m\"\n\
             [leases.token.env_map]\nclient_token = \"CHILD_TOKEN\"\n\n\
             [leases.cert]\ntype = \"vault\"\nsecret_path = \"{mount}/issue/app\"\nmethod = \"post\"\nduration = \"1h\"\n\
             [leases.cert.env_map]\ncertificate = \"TLS_CERT\"\nserial_number = \"TLS_SERIAL\"\n"
        ),
    );
    let env = [("VAULT_ADDR", bao.addr.clone())];
    let vars = exec_env(&sb, &env);
    let child = vars["CHILD_TOKEN"].clone();
    assert!(vars["TLS_CERT"].starts_with("-----BEGIN CERTIFICATE-----"));
    assert!(
        !vars.contains_key("VAULT_TOKEN"),
        "env = false keeps the master token from the child"
    );
    // The token works, and the next run reuses it.
    let lookup = |token: &str| {
        bao.api_raw("POST", "auth/token/lookup", Some(json!({ "token": token })))
            .0
    };
    assert_eq!(lookup(&child), 200);
    assert_eq!(exec_env(&sb, &env)["CHILD_TOKEN"], child);
    let list = sb.output(
        sb.fnox()
            .envs(env.clone())
            .args(["lease", "list", "--active"]),
    );
    let ids: Vec<String> = list
        .ok()
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 2, "{}", list.stdout);
    let token_id = ids
        .iter()
        .find(|i| i.starts_with("token-accessor:"))
        .unwrap();
    let cert_id = ids
        .iter()
        .find(|i| i.starts_with(&format!("{mount}/issue/app/")))
        .unwrap();
    sb.output(
        sb.fnox()
            .envs(env.clone())
            .args(["lease", "revoke", token_id]),
    )
    .ok();
    assert_eq!(lookup(&child), 403, "revoked at the source");
    sb.output(
        sb.fnox()
            .envs(env.clone())
            .args(["lease", "revoke", cert_id]),
    )
    .ok();
    let (status, _) = bao.api_raw(
        "PUT",
        "sys/leases/lookup",
        Some(json!({ "lease_id": cert_id })),
    );
    assert_eq!(status, 400, "the certificate's lease is gone");
    // A field the engine does not return names it.
    sb.write(
        "fnox.toml",
        &format!(
            "[leases.cert]\ntype = \"vault\"\nsecret_path = \"{mount}/issue/app\"\nmethod = \"post\"\n\
             [leases.cert.env_map]\npassword = \"DB_PASSWORD\"\n"
        ),
    );
    let out = sb.output(
        sb.fnox()
            .envs(env)
            .env("VAULT_TOKEN", ROOT_TOKEN)
            .args(["exec", "--", "true"]),
    );
    assert_snapshot!(out.all().replace(&mount, "[MOUNT]"), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::create_failed]: cannot create lease 'cert' (backend vault, leases.cert in ./fnox.toml:1)
      caused by: Vault's reply for `[MOUNT]/issue/app` has no field `password` (env_map.password = "DB_PASSWORD")
      hint: map the fields the secret engine returns (see `vault read` of the same path), e.g. username, password, access_key, client_token
    "#);
}

#[test]
fn aws_sts_create_interactive_asks_for_master_credentials_and_exec_reuses_the_lease() {
    let Some(endpoint) = moto() else { return };
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[leases.aws]\ntype = \"aws-sts\"\nregion = \"us-east-1\"\n\
         role_arn = \"arn:aws:iam::123456789012:role/dev-role\"\nduration = \"1h\"\n",
    );
    let env = [
        ("AWS_ENDPOINT_URL", Path::new(endpoint)),
        ("AWS_EC2_METADATA_DISABLED", Path::new("true")),
    ];
    let mut term = Terminal::spawn(&sb, &env, &["lease", "create", "aws", "-i"]);
    term.expect("AWS_ACCESS_KEY_ID (AWS access key)");
    term.type_secret("AKIAPASTEDPASTED1234");
    term.expect("AWS_SECRET_ACCESS_KEY (AWS secret key)");
    term.type_secret("pasted-secret");
    term.expect("AWS_SESSION_TOKEN (AWS session token (optional))");
    term.type_secret("");
    let (code, seen) = term.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(
        seen.contains("✓ Lease 'aws' created (expires in "),
        "{seen}"
    );
    assert!(!seen.contains("pasted-secret"), "{seen}");
    // No master credentials now: the pasted ones were used once; exec reuses the lease.
    let vars = exec_env(&sb, &[("AWS_ENDPOINT_URL", endpoint.to_owned())]);
    assert!(vars["AWS_ACCESS_KEY_ID"].starts_with("ASIA"), "{vars:?}");
}
