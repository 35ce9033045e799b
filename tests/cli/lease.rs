//! Credential leases: `[leases.NAME]` of type command, aws-sts (moto's STS) and vault (OpenBao),
//! `fnox lease create|list|revoke|cleanup`, and `fnox exec` injecting, reusing and renewing them;
//! the ledger is sealed to the user's age identity; concurrent runs make one lease; an
//! untrusted file's command never runs.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use insta::assert_snapshot;

use crate::support::{parse_env0, Sandbox};

mod remote;

/// A command lease whose create command counts its runs in `count` and prints `TOKEN=tok-N`
/// (N the run), expiring `expires` (a shell expression for the RFC 3339 time).
fn counting_lease(name: &str, extra: &str, expires: &str) -> String {
    format!(
        "[leases.{name}]\ntype = \"command\"\n\
         create_command = '''echo x >> count; n=$(wc -l < count | tr -d ' '); printf '{{\"credentials\":{{\"TOKEN\":\"tok-%s\",\"LABEL\":\"%s\",\"SECS\":\"%s\"}},\"expires_at\":\"%s\",\"lease_id\":\"L%s\"}}' \"$n\" \"$FNOX_LEASE_LABEL\" \"$FNOX_LEASE_DURATION\" \"{expires}\" \"$n\"'''\n\
         revoke_command = \"echo \\\"revoked $FNOX_LEASE_ID\\\" >> revoked\"\n{extra}"
    )
}

const FAR: &str = "2030-01-01T00:00:00Z";

fn runs(sb: &Sandbox) -> usize {
    std::fs::read_to_string(sb.path("count")).map_or(0, |t| t.lines().count())
}

pub(crate) fn exec_env(
    sb: &Sandbox,
    extra: &[(&str, String)],
) -> std::collections::BTreeMap<String, String> {
    let out = sb.output(
        sb.fnox()
            .envs(extra.iter().map(|(k, v)| (*k, v.clone())))
            .args(["exec", "--", "env", "-0"]),
    );
    out.ok();
    parse_env0(&out.raw_stdout)
}

#[test]
fn lease_create_prints_shell_json_and_env_formats() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &counting_lease("tok", "duration = \"1h\"\n", FAR),
    );
    let shell = sb.run(&["lease", "create", "tok"]);
    let text = shell.all();
    let re = regex::Regex::new(r"expires in \d+h\d+m").unwrap();
    assert_snapshot!(re.replace(&text, "expires in [LEFT]"), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Lease 'tok' created (expires in [LEFT])
      LABEL                     ****
      SECS                      ****
      TOKEN                     ****
      Expires                   2030-01-01T00:00:00+00:00
    ");
    assert_snapshot!(sb.run(&["lease", "create", "tok", "-f", "json", "-l", "ci-job"]).all(), @r#"
    exit: 0
    --- stdout
    {
      "LABEL": "ci-job",
      "SECS": "3600",
      "TOKEN": "tok-2",
      "backend": "tok",
      "expires_at": "2030-01-01T00:00:00+00:00",
      "lease_id": "L2"
    }
    --- stderr
    "#);
    assert_snapshot!(sb.run(&["lease", "create", "tok", "--format", "env", "-d", "2h30m"]).all(), @"
    exit: 0
    --- stdout
    export LABEL=fnox-lease
    export SECS=9000
    export TOKEN=tok-3
    --- stderr
    ");
    assert_snapshot!(sb.run(&["lease", "list"]).all(), @"
    exit: 0
    --- stdout
    LEASE ID             BACKEND         EXPIRES         STATUS  
    L1                   tok             2030-01-01 00:00 active  
    L2                   tok             2030-01-01 00:00 active  
    L3                   tok             2030-01-01 00:00 active  
    --- stderr
    ");
    assert_eq!(runs(&sb), 3);
}

#[test]
fn exec_injects_a_lease_and_reuses_it_while_it_is_valid() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &format!(
            "{}\n[secrets]\nTOKEN = {{ default = \"long-lived\" }}\n",
            counting_lease("tok", "duration = \"1h\"\n", FAR)
        ),
    );
    let env = exec_env(&sb, &[]);
    // The lease's short-lived credential replaces the long-lived secret of the same name.
    assert_eq!(env["TOKEN"], "tok-1");
    assert_eq!(env["LABEL"], "fnox-lease");
    assert_eq!(env["SECS"], "3600");
    let env = exec_env(&sb, &[]);
    assert_eq!(env["TOKEN"], "tok-1", "reused from the ledger");
    assert_eq!(runs(&sb), 1);
}

#[test]
fn exec_makes_a_new_lease_when_its_config_changes() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        &counting_lease("tok", "duration = \"1h\"\n", FAR),
    );
    assert_eq!(exec_env(&sb, &[])["TOKEN"], "tok-1");
    sb.write(
        "fnox.toml",
        &counting_lease("tok", "duration = \"2h\"\n", FAR),
    );
    let env = exec_env(&sb, &[]);
    assert_eq!(env["TOKEN"], "tok-2");
    assert_eq!(env["SECS"], "7200");
    assert_eq!(exec_env(&sb, &[])["TOKEN"], "tok-2");
    assert_eq!(runs(&sb), 2);
}

#[test]
fn exec_makes_a_new_lease_when_the_cached_one_nears_expiry() {
    let sb = Sandbox::new();
    // Three minutes left of a lease asked for an hour: under the 5-minute margin.
    let soon = "$(date -u -d @$(( $(date +%s) + 180 )) +%Y-%m-%dT%H:%M:%SZ)";
    sb.write(
        "fnox.toml",
        &counting_lease("tok", "duration = \"1h\"\n", soon),
    );
    assert_eq!(exec_env(&sb, &[])["TOKEN"], "tok-1");
    assert_eq!(exec_env(&sb, &[])["TOKEN"], "tok-2");
    // Asked for 4 minutes, 3 left: more than half, so it is still good.
    sb.write(
        "fnox.toml",
        &counting_lease("tok", "duration = \"4m\"\n", soon),
    );
    assert_eq!(exec_env(&sb, &[])["TOKEN"], "tok-3");
    assert_eq!(exec_env(&sb, &[])["TOKEN"], "tok-3");
}

#[test]
fn concurrent_execs_create_one_lease() {
    let sb = Sandbox::new();
    let slow = counting_lease("tok", "duration = \"1h\"\n", FAR)
        .replace("create_command = '''", "create_command = '''sleep 0.3; ");
    sb.write("fnox.toml", &slow);
    let children: Vec<_> = (0..6)
        .map(|_| {
            let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_fnox"));
            cmd.env_clear()
                .env("HOME", &sb.home)
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .current_dir(&sb.cwd)
                .args(["exec", "--", "sh", "-c", "printf %s \"$TOKEN\""])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), "tok-1");
    }
    assert_eq!(runs(&sb), 1, "one lease for six concurrent runs");
}

#[test]
fn the_ledger_is_sealed_to_the_users_age_identity_in_private_files() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", &counting_lease("tok", "", FAR));
    exec_env(&sb, &[]);
    let dir = sb.home.join(".local/state/fnox/leases");
    let ledger = dir.join("ledger.age");
    let bytes = std::fs::read(&ledger).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("tok-1") && !text.contains("TOKEN"), "{text}");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&ledger), 0o600);
    assert_eq!(mode(&dir), 0o700);
    // FNOX_STATE_DIR moves it.
    let state = sb.root.path().join("state");
    // (The trust store moves with it: trust everything for this run.)
    let moved = [
        ("FNOX_STATE_DIR", state.display().to_string()),
        ("FNOX_TRUST_ALL", "1".to_owned()),
    ];
    exec_env(&sb, &moved);
    assert!(state.join("leases/ledger.age").is_file());
}

#[test]
fn without_an_age_identity_leases_live_for_one_run() {
    let sb = Sandbox::bare();
    sb.write("fnox.toml", &counting_lease("tok", "", FAR));
    let out = sb.run(&["exec", "--", "sh", "-c", "printf %s \"$TOKEN\""]);
    assert_eq!(out.ok(), "tok-1");
    assert!(
        out.stderr
            .contains("leases are made anew for every run: there is no age identity"),
        "{}",
        out.stderr
    );
    assert_eq!(
        sb.run(&["exec", "--", "sh", "-c", "printf %s \"$TOKEN\""])
            .ok(),
        "tok-2"
    );
    assert!(!sb.home.join(".local/state/fnox/leases/ledger.age").exists());
}

#[test]
fn a_failing_create_is_an_error_naming_the_lease_and_backend() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[leases.broken]\ntype = \"command\"\ncreate_command = \"echo nope >&2; exit 3\"\n\n\
         [leases.garbled]\ntype = \"command\"\ncreate_command = \"echo not-json\"\n",
    );
    let out = sb.run(&["exec", "--", "touch", "RAN"]);
    assert!(
        !sb.path("RAN").exists(),
        "the command must not run without its lease"
    );
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    nope
    error[fnox::lease::create_failed]: cannot create lease 'broken' (backend command, leases.broken in ./fnox.toml:1)
      caused by: `create_command` failed (exit code 3)
      hint: run the command by hand to see why; its stderr is shown above
    ");
    assert_snapshot!(sb.run(&["lease", "create", "garbled"]).all(), @r#"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::create_failed]: cannot create lease 'garbled' (backend command, leases.garbled in ./fnox.toml:5)
      caused by: the output of `create_command` is not what fnox expects: expected ident at line 1 column 2
      hint: print {"credentials": {"NAME": "value"}, "expires_at": "2030-01-01T00:00:00Z", "lease_id": "id"} on stdout (expires_at and lease_id optional)
    "#);
    assert_snapshot!(sb.run(&["lease", "create", "--all"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    nope
    error[fnox::lease::create_failed]: 2 of 2 lease backends failed
      caused by: cannot create lease 'broken' (backend command, leases.broken in ./fnox.toml:1): `create_command` failed (exit code 3)
      caused by: cannot create lease 'garbled' (backend command, leases.garbled in ./fnox.toml:5): the output of `create_command` is not what fnox expects: expected ident at line 1 column 2
      hint: run the command by hand to see why; its stderr is shown above
    ");
}

#[test]
fn bad_lease_tables_say_what_is_wrong() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[leases.gcp]\ntype = \"gcp-iam\"\nservice_account_email = \"sa@p.iam.gserviceaccount.com\"\n\n\
         [leases.typo]\ntype = \"comand\"\n\n\
         [leases.long]\ntype = \"command\"\ncreate_command = \"true\"\nduration = \"48h\"\n\n\
         [leases.nocmd]\ntype = \"command\"\ncreat_command = \"true\"\n",
    );
    assert_snapshot!(sb.run(&["lease", "create", "gcp"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::not_built]: lease 'gcp' (leases.gcp in ./fnox.toml:1): the gcp-iam lease backend is not built in this version of fnox yet
      hint: use a `command` lease that runs your own script for it, or one of: command, aws-sts, vault
    ");
    assert_snapshot!(sb.run(&["lease", "create", "typo"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::unknown_type]: lease 'typo' (leases.typo in ./fnox.toml:5): unknown lease type 'comand'
      caused by: Did you mean 'command'?
      hint: set `type` to one of: command, aws-sts, vault, gcp-iam, azure-token, cloudflare, github-app, github-oauth
    ");
    assert_snapshot!(sb.run(&["lease", "create", "long"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::duration_too_long]: lease 'long' (leases.long in ./fnox.toml:8): a duration of 48h is longer than the 24h a command lease may last
      hint: set `duration` (or -d) to 24h or less
    ");
    assert_snapshot!(sb.run(&["lease", "create", "nocmd"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::invalid_config]: invalid lease 'nocmd' (leases.nocmd in ./fnox.toml:13)
      caused by: unknown field(s) creat_command; this backend reads: duration, create_command, revoke_command, timeout
    ");
    assert_snapshot!(sb.run(&["lease", "create", "nope"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::not_found]: Lease 'nope' not found
      caused by: configured leases: gcp, typo, long, nocmd
      hint: add a [leases.nope] table to fnox.toml
    ");
    assert_snapshot!(sb.run(&["lease", "revoke", "L404"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::not_found]: Lease 'L404' not found
      hint: `fnox lease list` shows the leases of this project
    ");
    sb.write("fnox.toml", "[leases.x]\nduration = \"1h\"\n");
    assert_eq!(sb.run(&["lease", "list"]).code, 1);
}

#[test]
fn an_untrusted_command_lease_never_runs() {
    let sb = Sandbox::untrusted();
    sb.write("fnox.toml", &counting_lease("tok", "", FAR));
    let out = sb.run(&["exec", "--", "touch", "RAN"]);
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::trust::untrusted]: ./fnox.toml is not trusted: it would run the `create_command` of lease 'tok'
      caused by: a config file you have not approved may not run commands, send your credentials to an address it names, or import files from outside its directory
      hint: read it, then run 'fnox trust' to allow it (fnox trust ./fnox.toml)
    ");
    assert!(!sb.path("RAN").exists());
    assert_eq!(sb.run(&["lease", "create", "tok"]).code, 1);
    assert_eq!(runs(&sb), 0, "the create command never ran");
    sb.run(&["trust"]).ok();
    assert_eq!(exec_env(&sb, &[])["TOKEN"], "tok-1");
}

#[test]
fn revoke_and_cleanup_call_the_revoke_command() {
    let sb = Sandbox::new();
    let past = "2020-01-01T00:00:00Z";
    sb.write(
        "fnox.toml",
        &format!(
            "{}\n{}",
            counting_lease("tok", "", FAR),
            counting_lease("old", "", past)
        ),
    );
    sb.run(&["lease", "create", "tok"]).ok();
    sb.run(&["lease", "create", "old"]).ok();
    assert_snapshot!(sb.run(&["lease", "list", "--expired"]).all(), @"
    exit: 0
    --- stdout
    LEASE ID             BACKEND         EXPIRES         STATUS  
    L2                   old             2020-01-01 00:00 expired 
    --- stderr
    ");
    assert_snapshot!(sb.run(&["lease", "revoke", "L1"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    Lease 'L1' revoked.
    ");
    assert_snapshot!(sb.run(&["lease", "cleanup"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    Cleaned up 1 expired lease(s).
    ");
    assert_eq!(sb.read("revoked"), "revoked L1\nrevoked L2\n");
    assert_snapshot!(sb.run(&["lease", "list"]).all(), @"
    exit: 0
    --- stdout
    LEASE ID             BACKEND         EXPIRES         STATUS  
    L1                   tok             2030-01-01 00:00 revoked 
    L2                   old             2020-01-01 00:00 revoked 
    --- stderr
    ");
    assert_snapshot!(sb.run(&["lease", "list", "--active"]).all(), @"
    exit: 0
    --- stdout
    No leases found.
    --- stderr
    ");
    assert_snapshot!(sb.run(&["lease", "cleanup"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    No expired leases to clean up.
    ");
    // Neither a revoked lease nor an expired one is reused: the next exec makes both anew.
    exec_env(&sb, &[]);
    assert_eq!(runs(&sb), 4);
}

#[test]
fn profile_leases_overlay_the_top_level_ones() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[leases.tok]\ntype = \"command\"\ncreate_command = '''echo '{\"credentials\":{\"WHO\":\"top\"}}' '''\n\n\
         [profiles.prod.leases.tok]\ntype = \"command\"\ncreate_command = '''echo '{\"credentials\":{\"WHO\":\"prod\"}}' '''\n",
    );
    assert_eq!(exec_env(&sb, &[])["WHO"], "top");
    assert_eq!(
        exec_env(&sb, &[("FNOX_PROFILE", "prod".into())])["WHO"],
        "prod"
    );
    assert_eq!(exec_env(&sb, &[])["WHO"], "top");
}

#[test]
fn an_untrusted_lease_sends_no_credentials_to_an_address_only_it_names() {
    let sb = Sandbox::untrusted();
    sb.write(
        "fnox.toml",
        "[leases.aws]\ntype = \"aws-sts\"\nregion = \"us-east-1\"\nendpoint = \"http://127.0.0.1:9\"\n\
         role_arn = \"arn:aws:iam::123456789012:role/dev\"\n\n\
         [leases.db]\ntype = \"vault\"\naddress = \"http://127.0.0.1:9\"\nsecret_path = \"database/creds/ro\"\n\
         [leases.db.env_map]\nusername = \"DB_USER\"\n",
    );
    let creds = [
        ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12".to_owned()),
        ("AWS_SECRET_ACCESS_KEY", "example".to_owned()),
        ("VAULT_TOKEN", "t".to_owned()),
    ];
    assert_snapshot!(sb.output(sb.fnox().envs(creds.clone()).args(["lease", "create", "aws"])).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::trust::untrusted]: ./fnox.toml is not trusted: it would send your credentials for lease 'aws' to http://127.0.0.1:9 (its `endpoint`), an address only this file names
      caused by: a config file you have not approved may not run commands, send your credentials to an address it names, or import files from outside its directory
      hint: read it, then run 'fnox trust' to allow it (fnox trust ./fnox.toml)
    ");
    assert_snapshot!(sb.output(sb.fnox().envs(creds.clone()).args(["lease", "create", "db"])).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::trust::untrusted]: ./fnox.toml is not trusted: it would send your credentials for lease 'db' to http://127.0.0.1:9 (its `address`), an address only this file names
      caused by: a config file you have not approved may not run commands, send your credentials to an address it names, or import files from outside its directory
      hint: read it, then run 'fnox trust' to allow it (fnox trust ./fnox.toml)
    ");
    // The environment's own addresses are fine: the request is made (and fails, nothing listens).
    let own = sb.output(
        sb.fnox()
            .envs(creds)
            .env("VAULT_ADDR", "http://127.0.0.1:9")
            .args(["lease", "create", "db"]),
    );
    assert!(
        own.fails(1).contains("fnox::lease::create_failed"),
        "{}",
        own.stderr
    );
    assert_snapshot!(sb.run(&["lease", "create", "db", "-d", "soon"]).all(), @"
    exit: 2
    --- stdout
    --- stderr
    error[fnox::lease::invalid_config]: invalid duration 'soon'
      hint: write it as 15m, 1h or 2h30m
    ");
}

#[test]
fn a_lease_without_expiry_or_id_never_expires_and_gets_an_id() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[leases.a]\ntype = \"command\"\ncreate_command = '''echo '{\"credentials\":{\"X\":\"1\"}}' '''\n",
    );
    assert_snapshot!(sb.run(&["lease", "create", "a"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Lease 'a' created (expires never)
      X                         ****
    ");
    let json: serde_json::Value =
        serde_json::from_str(sb.run(&["lease", "create", "a", "-f", "json"]).ok()).unwrap();
    assert!(json.get("expires_at").is_none(), "{json}");
    let id = json["lease_id"].as_str().unwrap();
    assert!(id.starts_with("cmd-") && id.len() == 20, "{id}");
    let list = sb.run(&["lease", "list", "--active"]);
    assert!(
        list.ok()
            .contains(&format!("{id} a               never           active")),
        "{}",
        list.stdout
    );
}

#[test]
fn a_create_command_past_its_timeout_is_killed_and_named() {
    let sb = Sandbox::new();
    sb.write(
        "fnox.toml",
        "[leases.slow]\ntype = \"command\"\ncreate_command = \"sleep 10\"\ntimeout = \"1s\"\n",
    );
    let started = std::time::Instant::now();
    let out = sb.run(&["exec", "--", "true"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(8));
    assert_snapshot!(out.all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::lease::create_failed]: cannot create lease 'slow' (backend command, leases.slow in ./fnox.toml:1)
      caused by: `create_command` did not finish within 1s
      hint: make the command faster, or raise the lease's `timeout`
    ");
}
