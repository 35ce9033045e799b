//! keepass against real databases, in both directions: made by KeePassXC's `keepassxc-cli` and by
//! pykeepass and read by fnox, made or changed by fnox and read by both. KDBX 3.1 and 4, passwords,
//! key files (KeePassXC's XML ones and raw ones) and both together.

use std::path::PathBuf;
use std::process::Stdio;

use insta::assert_snapshot;

use crate::support::keepass::{
    have_keepassxc, kdbx_version, kxc, kxc_status, passwords, pykeepass, pykeepass_python, PASSWORD,
};
use crate::support::process::{fnox_command, output_with_stdin};
use crate::support::pty::Terminal;
use crate::support::{require_tool, Output, Sandbox};

const CONFIG: &str = "[providers]\nkp = { type = \"keepass\", database = \"db.kdbx\" }\n";

/// A sandbox whose fnox.toml is `config`; `run` gives fnox the database password.
struct Kp {
    sb: Sandbox,
}

impl Kp {
    fn new(config: &str) -> Kp {
        let sb = Sandbox::new();
        sb.write("fnox.toml", config);
        Kp { sb }
    }

    /// fnox with FNOX_KEEPASS_PASSWORD set to the test password.
    fn run(&self, args: &[&str]) -> Output {
        self.run_env(&[("FNOX_KEEPASS_PASSWORD", PASSWORD)], args)
    }

    /// fnox with exactly these variables added (no password unless given).
    fn run_env(&self, env: &[(&str, &str)], args: &[&str]) -> Output {
        let mut cmd = self.sb.fnox();
        for (k, v) in env {
            cmd.env(k, v);
        }
        self.sb.output(cmd.args(args))
    }

    fn add(&self, line: &str) {
        self.sb.add_secret_line(line);
    }

    fn db(&self) -> PathBuf {
        self.sb.path("db.kdbx")
    }

    /// A database fnox created, holding `entries` (reference, value).
    fn with_fnox_database(config: &str, entries: &[(&str, &str, &str)]) -> Kp {
        let kp = Kp::new(config);
        for (name, reference, value) in entries {
            kp.run(&["set", "-p", "kp", name, value, "--key-name", reference])
                .ok();
        }
        kp
    }
}

/// A KeePass XML export with a group `team` holding the entry `api`; its custom data makes
/// KeePassXC write the database as KDBX 4 (without it, keepassxc-cli writes KDBX 3.1).
const TEAM_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<KeePassFile>
 <Meta><Generator>fnox tests</Generator></Meta>
 <Root>
  <Group>
   <UUID>m3CaIGxoSAOqTIxIXXa5bQ==</UUID>
   <Name>Root</Name>
   <Group>
    <UUID>CugYdvWKQZaDJUwmhN2rFQ==</UUID>
    <Name>team</Name>
    <Entry>
     <UUID>zT1G3jXuS3KiLgrg+9lF0g==</UUID>
     <String><Key>Title</Key><Value>api</Value></String>
     <String><Key>UserName</Key><Value>svc-user</Value></String>
     <String><Key>Password</Key><Value>api-pass-1</Value></String>
     <String><Key>URL</Key><Value>https://api.example</Value></String>
     <String><Key>Notes</Key><Value>line one
line two</Value></String>
     <CustomData><Item><Key>origin</Key><Value>fnox-tests</Value></Item></CustomData>
    </Entry>
   </Group>
  </Group>
 </Root>
</KeePassFile>
"#;

/// Prints the named variables, one `NAME=[value]` per line, from inside `fnox exec`.
fn show_vars(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("printf '{n}=[%s]\\n' \"${n}\"; "))
        .collect()
}

#[test]
fn reads_a_kdbx4_database_keepassxc_cli_wrote() {
    if !have_keepassxc() {
        return;
    }
    let kp = Kp::new(CONFIG);
    kp.sb.write("team.xml", TEAM_XML);
    kxc(
        &kp.sb,
        &["import", "-q", "-p", "team.xml", "db.kdbx"],
        &passwords(2),
    );
    kxc(
        &kp.sb,
        &["add", "-q", "-u", "web-user", "-p", "db.kdbx", "team/web"],
        &format!("{PASSWORD}\nweb-pass\n"),
    );
    assert_eq!(kdbx_version(&kp.db()), (4, 0));
    kp.add("API_PASSWORD = { provider = \"kp\", value = \"team/api\" }");
    kp.add("API_USER = { provider = \"kp\", value = \"team/api/username\" }");
    // A title alone is searched for in every group; field names take any case.
    kp.add("API_URL = { provider = \"kp\", value = \"api/URL\" }");
    kp.add("API_NOTES = { provider = \"kp\", value = \"team/api/Notes\" }");
    kp.add("WEB = { provider = \"kp\", value = \"web\" }");
    kp.add("WEB_USER = { provider = \"kp\", value = \"web/username\" }");
    let script = show_vars(&[
        "API_PASSWORD",
        "API_USER",
        "API_URL",
        "API_NOTES",
        "WEB",
        "WEB_USER",
    ]);
    assert_snapshot!(kp.run(&["exec", "--", "sh", "-c", &script]).ok(), @"
    API_PASSWORD=[api-pass-1]
    API_USER=[svc-user]
    API_URL=[https://api.example]
    API_NOTES=[line one
    line two]
    WEB=[web-pass]
    WEB_USER=[web-user]
    ");
}

#[test]
fn reads_a_kdbx31_database_keepassxc_cli_created() {
    if !have_keepassxc() {
        return;
    }
    let kp = Kp::new(CONFIG);
    kxc(&kp.sb, &["db-create", "-q", "-p", "db.kdbx"], &passwords(2));
    kxc(&kp.sb, &["mkdir", "-q", "db.kdbx", "ops"], &passwords(1));
    kxc(
        &kp.sb,
        &[
            "add",
            "-q",
            "-u",
            "deploy",
            "--url",
            "ssh://ops.example",
            "-p",
            "db.kdbx",
            "ops/deploy-key",
        ],
        &format!("{PASSWORD}\nk3y-31\n"),
    );
    assert_eq!(kdbx_version(&kp.db()), (3, 1));
    kp.add("KEY = { provider = \"kp\", value = \"ops/deploy-key\" }");
    kp.add("KEY_USER = { provider = \"kp\", value = \"deploy-key/username\" }");
    kp.add("KEY_URL = { provider = \"kp\", value = \"ops/deploy-key/url\" }");
    let script = show_vars(&["KEY", "KEY_USER", "KEY_URL"]);
    assert_snapshot!(kp.run(&["exec", "--", "sh", "-c", &script]).ok(), @"
    KEY=[k3y-31]
    KEY_USER=[deploy]
    KEY_URL=[ssh://ops.example]
    ");
}

#[test]
fn set_creates_a_database_that_keepassxc_cli_and_pykeepass_open() {
    let have_kxc = have_keepassxc();
    let python = pykeepass_python();
    let kp = Kp::new(CONFIG);
    kp.run(&["set", "-p", "kp", "DATABASE_URL", "postgres://u:p@h/db"])
        .ok();
    kp.run(&[
        "set",
        "-p",
        "kp",
        "DB_USER",
        "admin",
        "--key-name",
        "prod/db/username",
    ])
    .ok();
    kp.run(&[
        "set",
        "-p",
        "kp",
        "DB_PASS",
        "pa ss\"word",
        "--key-name",
        "prod/db",
    ])
    .ok();
    assert_snapshot!(kp.sb.read("fnox.toml"), @r#"
    [providers]
    kp = { type = "keepass", database = "db.kdbx" }

    [secrets]
    DATABASE_URL= { provider = "kp", value = "DATABASE_URL" }
    DB_USER= { provider = "kp", value = "prod/db/username" }
    DB_PASS= { provider = "kp", value = "prod/db" }
    "#);
    // KDBX 4.1 with Argon2id.
    assert_eq!(kdbx_version(&kp.db()), (4, 1));
    // Setting again replaces the value; the old one stays in the entry's history.
    kp.run(&["set", "DATABASE_URL", "postgres://new"]).ok();
    assert_eq!(kp.run(&["get", "DATABASE_URL"]).ok(), "postgres://new\n");
    if have_kxc {
        let shown = kxc(
            &kp.sb,
            &[
                "show",
                "-q",
                "-s",
                "-a",
                "Password",
                "db.kdbx",
                "DATABASE_URL",
            ],
            &passwords(1),
        );
        assert_eq!(shown, "postgres://new\n");
        let shown = kxc(
            &kp.sb,
            &[
                "show", "-q", "-s", "-a", "UserName", "-a", "Password", "db.kdbx", "prod/db",
            ],
            &passwords(1),
        );
        assert_eq!(shown, "admin\npa ss\"word\n");
        let info = kxc(&kp.sb, &["db-info", "-q", "db.kdbx"], &passwords(1));
        assert!(info.contains("KDF: Argon2id"), "{info}");
    }
    if let Some(python) = python {
        let script = r#"
db = PyKeePass("db.kdbx", password=PASSWORD)
for e in sorted(db.entries, key=lambda e: e.title):
    print("/".join(e.path), repr(e.username), repr(e.password), [h.password for h in e.history])
"#;
        assert_snapshot!(pykeepass(&python, &kp.sb, script, &[]), @r#"
        DATABASE_URL None 'postgres://new' ['postgres://u:p@h/db']
        prod/db 'admin' 'pa ss"word' [None]
        "#);
    }
}

#[test]
fn set_into_a_kdbx31_database_keeps_what_keepassxc_wrote() {
    if !have_keepassxc() {
        return;
    }
    let python = pykeepass_python();
    let kp = Kp::new(CONFIG);
    kxc(&kp.sb, &["db-create", "-q", "-p", "db.kdbx"], &passwords(2));
    kxc(
        &kp.sb,
        &["add", "-q", "-u", "old-user", "-p", "db.kdbx", "mail"],
        &format!("{PASSWORD}\nmail-pass\n"),
    );
    kp.run(&[
        "set",
        "-p",
        "kp",
        "MAIL_USER",
        "new-user",
        "--key-name",
        "mail/username",
    ])
    .ok();
    kp.run(&[
        "set",
        "-p",
        "kp",
        "TOKEN",
        "t0ken",
        "--key-name",
        "ci/token",
    ])
    .ok();
    // Written back as KDBX 4, its AES key derivation kept; KeePassXC opens it.
    assert_eq!(kdbx_version(&kp.db()), (4, 1));
    let info = kxc(&kp.sb, &["db-info", "-q", "db.kdbx"], &passwords(1));
    assert!(info.contains("KDF: AES"), "{info}");
    let mail = kxc(
        &kp.sb,
        &[
            "show", "-q", "-s", "-a", "UserName", "-a", "Password", "db.kdbx", "mail",
        ],
        &passwords(1),
    );
    assert_eq!(mail, "new-user\nmail-pass\n");
    let token = kxc(
        &kp.sb,
        &["show", "-q", "-s", "-a", "Password", "db.kdbx", "ci/token"],
        &passwords(1),
    );
    assert_eq!(token, "t0ken\n");
    if let Some(python) = python {
        let script = r#"
db = PyKeePass("db.kdbx", password=PASSWORD)
e = db.find_entries(title="mail", first=True)
print(e.username, e.password, db.find_entries(path=["ci", "token"]).password)
"#;
        assert_eq!(
            pykeepass(&python, &kp.sb, script, &[]),
            "new-user mail-pass t0ken\n"
        );
    }
}

#[test]
fn reads_a_kdbx4_database_pykeepass_created() {
    let Some(python) = pykeepass_python() else {
        return;
    };
    let kp = Kp::new("[providers]\npy4 = { type = \"keepass\", database = \"py4.kdbx\" }\n");
    let script = r#"
db = create_database("py4.kdbx", password=PASSWORD)
team = db.add_group(db.root_group, "team")
db.add_entry(team, "svc", "svc-user", "py4-pass", url="https://svc.example", notes="from pykeepass")
db.save()
print(PyKeePass("py4.kdbx", password=PASSWORD).version)
"#;
    assert_eq!(pykeepass(&python, &kp.sb, script, &[]), "(4, 0)\n");
    kp.add("SVC = { provider = \"py4\", value = \"team/svc\" }");
    kp.add("SVC_USER = { provider = \"py4\", value = \"svc/username\" }");
    kp.add("SVC_NOTES = { provider = \"py4\", value = \"team/svc/notes\" }");
    let out = kp.run(&[
        "exec",
        "--",
        "sh",
        "-c",
        &show_vars(&["SVC", "SVC_USER", "SVC_NOTES"]),
    ]);
    assert_eq!(
        out.ok(),
        "SVC=[py4-pass]\nSVC_USER=[svc-user]\nSVC_NOTES=[from pykeepass]\n"
    );
}

/// pykeepass creates only KDBX 4; into a KDBX 3.1 file (KeePassXC's) it writes timestamps with
/// fractions and offsets and a header hash that no longer matches: KeePassXC refuses the file,
/// and fnox (the keepass crate) cannot read it either. It says so instead of failing obscurely.
#[test]
fn a_kdbx31_file_pykeepass_rewrote_is_a_clear_error() {
    if !have_keepassxc() {
        return;
    }
    let Some(python) = pykeepass_python() else {
        return;
    };
    let kp = Kp::new(CONFIG);
    kxc(&kp.sb, &["db-create", "-q", "-p", "db.kdbx"], &passwords(2));
    let script = r#"
db = PyKeePass("db.kdbx", password=PASSWORD)
db.add_entry(db.root_group, "legacy", "legacy-user", "py3-pass")
db.save()
print(PyKeePass("db.kdbx", password=PASSWORD).find_entries(title="legacy", first=True).password)
"#;
    // pykeepass reads back what it wrote; the file is still KDBX 3.1.
    assert_eq!(pykeepass(&python, &kp.sb, script, &[]), "py3-pass\n");
    assert_eq!(kdbx_version(&kp.db()), (3, 1));
    let (code, _, stderr) = kxc_status(&kp.sb, &["ls", "-q", "db.kdbx"], &passwords(1));
    assert_ne!(code, 0, "KeePassXC opened it after all: {stderr}");
    kp.add("LEGACY = { provider = \"kp\", value = \"legacy\" }");
    assert_snapshot!(kp.run(&["get", "LEGACY"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::error]: cannot fetch LEGACY (secrets.LEGACY in ./fnox.toml:4, provider 'kp')
      caused by: keepass: cannot read the database [CWD]/db.kdbx: Error parsing XML inside KDBX: Invalid symbol 45, offset 4.
      hint: check that KeePassXC opens it (`keepassxc-cli ls [CWD]/db.kdbx`); a KDBX 3.1 file rewritten by pykeepass is readable by neither
    ");
}

#[test]
fn key_file_databases_open_in_both_directions() {
    if !have_keepassxc() {
        return;
    }
    let kp = Kp::new(
        "[providers]\nkp = { type = \"keepass\", database = \"db.kdbx\", keyfile = \"keys/team.keyx\" }\n\
         only = { type = \"keepass\", database = \"only.kdbx\", keyfile = \"keys/only.keyx\" }\n",
    );
    std::fs::create_dir_all(kp.sb.path("keys")).unwrap();
    // Password and key file: keepassxc-cli writes a KeePassXC (XML 2.0) key file.
    kxc(
        &kp.sb,
        &[
            "db-create",
            "-q",
            "-p",
            "--set-key-file",
            "keys/team.keyx",
            "db.kdbx",
        ],
        &passwords(2),
    );
    kxc(
        &kp.sb,
        &["add", "-q", "-k", "keys/team.keyx", "-p", "db.kdbx", "both"],
        &format!("{PASSWORD}\nboth-pass\n"),
    );
    // The key file alone: no password.
    kxc(
        &kp.sb,
        &[
            "db-create",
            "-q",
            "--set-key-file",
            "keys/only.keyx",
            "only.kdbx",
        ],
        "",
    );
    kxc(
        &kp.sb,
        &[
            "add",
            "-q",
            "--no-password",
            "-k",
            "keys/only.keyx",
            "-p",
            "only.kdbx",
            "solo",
        ],
        "solo-pass\n",
    );
    kp.add("BOTH = { provider = \"kp\", value = \"both\" }");
    kp.add("SOLO = { provider = \"only\", value = \"solo\" }");
    let out = kp.run_env(&[("FNOX_KEEPASS_PASSWORD", PASSWORD)], &["get", "BOTH"]);
    assert_eq!(out.ok(), "both-pass\n");
    // No password anywhere and no terminal: the key file is tried alone.
    assert_eq!(kp.run_env(&[], &["get", "SOLO"]).ok(), "solo-pass\n");
    kp.run(&["set", "-p", "kp", "BOTH_NEW", "both-new"]).ok();
    kp.run_env(&[], &["set", "-p", "only", "SOLO_NEW", "solo-new"])
        .ok();
    let both = kxc(
        &kp.sb,
        &[
            "show",
            "-q",
            "-s",
            "-a",
            "Password",
            "-k",
            "keys/team.keyx",
            "db.kdbx",
            "BOTH_NEW",
        ],
        &passwords(1),
    );
    assert_eq!(both, "both-new\n");
    let solo = kxc(
        &kp.sb,
        &[
            "show",
            "-q",
            "-s",
            "-a",
            "Password",
            "--no-password",
            "-k",
            "keys/only.keyx",
            "only.kdbx",
            "SOLO_NEW",
        ],
        "",
    );
    assert_eq!(solo, "solo-new\n");
    // The password alone does not open a database that also needs its key file.
    let (code, _, _) = kxc_status(
        &kp.sb,
        &["show", "-q", "-s", "-a", "Password", "db.kdbx", "BOTH_NEW"],
        &passwords(1),
    );
    assert_ne!(code, 0);
    // A missing key file says which and where.
    std::fs::remove_file(kp.sb.path("keys/team.keyx")).unwrap();
    assert_snapshot!(kp.run(&["get", "BOTH"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot fetch BOTH (secrets.BOTH in ./fnox.toml:5, provider 'kp')
      caused by: keepass: cannot open the key file [CWD]/keys/team.keyx: No such file or directory (os error 2)
      hint: check `keyfile` (relative paths start at the config file's directory)
    ");
}

#[test]
fn raw_key_files_work_with_pykeepass() {
    let Some(python) = pykeepass_python() else {
        return;
    };
    let kp = Kp::new(
        "[providers]\nkp = { type = \"keepass\", database = \"db.kdbx\", keyfile = \"raw.key\" }\n",
    );
    // Any file is a key file (its SHA-256 is the key): 100 bytes that are neither XML nor hex.
    let raw: Vec<u8> = (0..100u8).map(|i| i.wrapping_mul(37)).collect();
    std::fs::write(kp.sb.path("raw.key"), raw).unwrap();
    let script = r#"
db = create_database("db.kdbx", password=PASSWORD, keyfile="raw.key")
db.add_entry(db.root_group, "py", "u", "py-raw")
db.save()
"#;
    pykeepass(&python, &kp.sb, script, &[]);
    kp.add("PY = { provider = \"kp\", value = \"py\" }");
    assert_eq!(kp.run(&["get", "PY"]).ok(), "py-raw\n");
    kp.run(&["set", "-p", "kp", "FNOX", "fnox-raw"]).ok();
    let script = r#"
db = PyKeePass("db.kdbx", password=PASSWORD, keyfile="raw.key")
print(db.find_entries(title="FNOX", first=True).password)
"#;
    assert_eq!(pykeepass(&python, &kp.sb, script, &[]), "fnox-raw\n");
}

#[test]
fn wrong_password_is_access_denied_naming_where_it_came_from() {
    let kp = Kp::with_fnox_database(CONFIG, &[("API", "api", "v")]);
    assert_snapshot!(
        kp.run_env(&[("FNOX_KEEPASS_PASSWORD", "not it")], &["get", "API"]).all(),
        @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot fetch API (secrets.API in ./fnox.toml:5, provider 'kp')
      caused by: keepass: the password does not open the database [CWD]/db.kdbx
      hint: check the password in FNOX_KEEPASS_PASSWORD
    "
    );
    assert_snapshot!(
        kp.run_env(&[("KEEPASS_PASSWORD", "not it")], &["get", "API"]).all(),
        @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot fetch API (secrets.API in ./fnox.toml:5, provider 'kp')
      caused by: keepass: the password does not open the database [CWD]/db.kdbx
      hint: check the password in KEEPASS_PASSWORD
    "
    );
    kp.sb.write(
        "fnox.toml",
        &kp.sb.read("fnox.toml").replace(
            "database = \"db.kdbx\"",
            "database = \"db.kdbx\", password = \"not it\"",
        ),
    );
    assert_snapshot!(kp.run_env(&[], &["get", "API"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot fetch API (secrets.API in ./fnox.toml:5, provider 'kp')
      caused by: keepass: the password does not open the database [CWD]/db.kdbx
      hint: check the provider's `password` field
    ");
}

#[test]
fn the_variables_win_over_the_password_field() {
    let kp = Kp::with_fnox_database(
        "[providers]\nkp = { type = \"keepass\", database = \"db.kdbx\", password = \"wrong\" }\n",
        &[("API", "api", "v1")],
    );
    // `set` above used FNOX_KEEPASS_PASSWORD over the field.
    let both = [
        ("FNOX_KEEPASS_PASSWORD", PASSWORD),
        ("KEEPASS_PASSWORD", "wrong"),
    ];
    assert_eq!(kp.run_env(&both, &["get", "API"]).ok(), "v1\n");
    assert_eq!(
        kp.run_env(&[("KEEPASS_PASSWORD", PASSWORD)], &["get", "API"])
            .ok(),
        "v1\n"
    );
    let field = kp
        .sb
        .read("fnox.toml")
        .replace("\"wrong\"", &format!("{PASSWORD:?}"));
    kp.sb.write("fnox.toml", &field);
    assert_eq!(kp.run_env(&[], &["get", "API"]).ok(), "v1\n");
}

#[test]
fn missing_entry_is_not_found_and_the_rest_of_the_batch_resolves() {
    let kp = Kp::with_fnox_database(CONFIG, &[("API", "team/api", "api-v")]);
    kp.add("GONE = { provider = \"kp\", value = \"team/gone\" }");
    kp.add("NO_GROUP = { provider = \"kp\", value = \"nogroup/api/username\" }");
    assert_snapshot!(kp.run(&["get", "GONE"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::secret_not_found]: cannot fetch GONE (secrets.GONE in ./fnox.toml:6, provider 'kp')
      caused by: keepass: no entry team/gone in the database [CWD]/db.kdbx
      hint: check the entry's title and groups (`keepassxc-cli ls -R [CWD]/db.kdbx`), or create it with `fnox set --provider kp NAME VALUE --key-name team/gone`
    ");
    let out = kp.run(&[
        "exec",
        "--if-missing",
        "warn",
        "--",
        "sh",
        "-c",
        &show_vars(&["API", "GONE", "NO_GROUP"]),
    ]);
    assert_snapshot!(out.all(), @r#"
    exit: 0
    --- stdout
    API=[api-v]
    GONE=[]
    NO_GROUP=[]
    --- stderr
    warning: cannot fetch GONE (secrets.GONE in ./fnox.toml:6, provider 'kp'): keepass: no entry team/gone in the database [CWD]/db.kdbx (left out; if_missing = "warn")
    warning: cannot fetch NO_GROUP (secrets.NO_GROUP in ./fnox.toml:7, provider 'kp'): keepass: no entry nogroup/api in the database [CWD]/db.kdbx (left out; if_missing = "warn")
    "#);
}

#[test]
fn missing_database_says_so_and_set_creates_it() {
    let kp = Kp::new(CONFIG);
    kp.add("API = { provider = \"kp\", value = \"api\" }");
    assert_snapshot!(kp.run(&["get", "API"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot fetch API (secrets.API in ./fnox.toml:4, provider 'kp')
      caused by: keepass: the database [CWD]/db.kdbx does not exist
      hint: check `database` (relative paths start at the config file's directory), or create it: `fnox set --provider kp NAME VALUE` writes a new one
    ");
    assert_snapshot!(kp.run(&["provider", "test", "kp"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider kp connection successful: the database [CWD]/db.kdbx does not exist yet; the first `fnox set --provider kp` creates it
    ");
    kp.run(&["set", "API", "created"]).ok();
    assert!(kp.db().is_file());
    assert_eq!(kp.run(&["get", "API"]).ok(), "created\n");
}

#[test]
fn no_password_and_no_terminal_fails_with_a_hint() {
    let kp = Kp::with_fnox_database(CONFIG, &[("API", "api", "v")]);
    assert_snapshot!(kp.run_env(&[], &["get", "API"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot fetch API (secrets.API in ./fnox.toml:5, provider 'kp')
      caused by: keepass: no password for the database [CWD]/db.kdbx
      hint: set FNOX_KEEPASS_PASSWORD (or KEEPASS_PASSWORD), or run fnox in a terminal to be asked; the provider's `password` field works too, but keeps the password in the config file
    ");
    assert_snapshot!(kp.run_env(&[], &["set", "API", "v2"]).all(), @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::auth_failed]: cannot store API in provider 'kp'
      caused by: keepass: no password for the database [CWD]/db.kdbx
      caused by: writing secrets.API in ./fnox.toml
      hint: set FNOX_KEEPASS_PASSWORD (or KEEPASS_PASSWORD), or run fnox in a terminal to be asked; the provider's `password` field works too, but keeps the password in the config file
    ");
    assert_eq!(kp.run(&["get", "API"]).ok(), "v\n");
}

#[test]
fn on_a_terminal_the_password_is_asked_once_for_the_whole_batch() {
    let kp = Kp::with_fnox_database(
        CONFIG,
        &[
            ("A", "a", "va"),
            ("B", "g/b", "vb"),
            ("C", "g/b/username", "vc"),
        ],
    );
    let mut term = Terminal::spawn(
        &kp.sb,
        &[],
        &["exec", "--", "sh", "-c", &show_vars(&["A", "B", "C"])],
    );
    term.expect("Password of the KeePass database");
    term.type_secret(PASSWORD);
    let (code, seen) = term.finish();
    assert_eq!(code, 0, "{seen}");
    // Answered once (dialoguer redraws the answered prompt, with "[hidden]").
    assert_eq!(seen.matches("[hidden]").count(), 1, "{seen:?}");
    assert!(
        seen.contains("A=[va]") && seen.contains("B=[vb]") && seen.contains("C=[vc]"),
        "{seen}"
    );
    assert!(!seen.contains(PASSWORD), "the password was echoed: {seen}");
    // A new database: the password is asked twice.
    let fresh = Kp::new(CONFIG);
    let mut term = Terminal::spawn(&fresh.sb, &[], &["set", "-p", "kp", "NEW", "new-v"]);
    term.expect("Password for the new KeePass database");
    term.type_secret(PASSWORD);
    term.expect("Repeat the password");
    term.type_secret(PASSWORD);
    let (code, seen) = term.finish();
    assert_eq!(code, 0, "{seen}");
    assert_eq!(fresh.run(&["get", "NEW"]).ok(), "new-v\n");
}

#[test]
fn the_shell_hook_never_asks_for_the_password() {
    let kp = Kp::with_fnox_database(CONFIG, &[("A", "a", "va")]);
    let mut term = Terminal::spawn(&kp.sb, &[], &["hook-env", "-s", "bash"]);
    // It would wait forever at a prompt; it finishes instead, leaving the secret out.
    term.expect("no password for the database");
    let (_, seen) = term.finish();
    assert!(!seen.contains("Password of the KeePass database"), "{seen}");
    assert!(!seen.contains("va"), "{seen}");
}

/// Runs fnox under `strace -f -e trace=CALLS` with the database password set and `stdin`;
/// returns its output and the trace.
fn strace_fnox(kp: &Kp, calls: &str, args: &[&str], stdin: &str) -> (std::process::Output, String) {
    let trace = kp.sb.root.path().join("trace");
    let out = output_with_stdin(
        std::process::Command::new("strace")
            .args(["-f", "-e", &format!("trace={calls}"), "-o"])
            .arg(&trace)
            .arg("--")
            .arg(env!("CARGO_BIN_EXE_fnox"))
            .args(args)
            .env_clear()
            .env("HOME", &kp.sb.home)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("FNOX_KEEPASS_PASSWORD", PASSWORD)
            .current_dir(&kp.sb.cwd),
        stdin.as_bytes(),
    );
    (out, std::fs::read_to_string(trace).unwrap())
}

#[test]
fn import_saves_the_database_once_and_keepassxc_reads_every_entry() {
    if !require_tool("strace", "strace") {
        return;
    }
    let kp = Kp::with_fnox_database(CONFIG, &[("OLD", "old", "kept")]);
    let (out, trace) = strace_fnox(
        &kp,
        "rename,renameat,renameat2",
        &["import", "-p", "kp", "--force"],
        "A=one\nB=two words\nC=\"three\"\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saves = trace.lines().filter(|l| l.contains("db.kdbx\"")).count();
    assert_eq!(saves, 1, "{trace}");
    assert_eq!(
        kp.run(&["export"]).ok(),
        "OLD=kept\nA=one\nB=\"two words\"\nC=three\n"
    );
    if have_keepassxc() {
        for (title, value) in [
            ("A", "one"),
            ("B", "two words"),
            ("C", "three"),
            ("old", "kept"),
        ] {
            let shown = kxc(
                &kp.sb,
                &["show", "-q", "-s", "-a", "Password", "db.kdbx", title],
                &format!("{PASSWORD}\n"),
            );
            assert_eq!(shown.trim_end(), value, "{title}");
        }
    }
}

#[test]
fn a_batch_opens_the_database_once() {
    if !require_tool("strace", "strace") {
        return;
    }
    let kp = Kp::with_fnox_database(
        CONFIG,
        &[
            ("A", "a", "1"),
            ("B", "g/b", "2"),
            ("C", "g/b/username", "3"),
            ("D", "d", "4"),
        ],
    );
    let (out, trace) = strace_fnox(&kp, "openat,open", &["export"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "A=1\nB=2\nC=3\nD=4\n");
    let opens = trace.lines().filter(|l| l.contains("db.kdbx\"")).count();
    assert_eq!(opens, 1, "{trace}");
}

#[test]
fn concurrent_sets_into_one_database_lose_nothing() {
    let kp = Kp::with_fnox_database(CONFIG, &[("SEED", "seed", "0")]);
    let children: Vec<_> = (0..3)
        .map(|i| {
            fnox_command(
                &kp.sb,
                &[
                    "set",
                    "-p",
                    "kp",
                    &format!("KEY_{i}"),
                    &format!("value {i}"),
                ],
            )
            .env("FNOX_KEEPASS_PASSWORD", PASSWORD)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = kp.run(&["export", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(out.ok()).unwrap();
    for i in 0..3 {
        assert_eq!(
            json["secrets"][format!("KEY_{i}")],
            format!("value {i}"),
            "{json}"
        );
    }
}

#[test]
fn exec_keeps_the_database_password_from_the_child() {
    let kp = Kp::with_fnox_database(CONFIG, &[("A", "a", "va")]);
    let out = kp.run_env(
        &[
            ("FNOX_KEEPASS_PASSWORD", PASSWORD),
            ("KEEPASS_PASSWORD", PASSWORD),
        ],
        &[
            "exec",
            "--",
            "sh",
            "-c",
            "echo \"$A ${FNOX_KEEPASS_PASSWORD-unset} ${KEEPASS_PASSWORD-unset}\"",
        ],
    );
    assert_eq!(out.ok(), "va unset unset\n");
}

#[test]
fn entries_in_the_recycle_bin_are_not_found() {
    if !have_keepassxc() {
        return;
    }
    let kp = Kp::new(CONFIG);
    kxc(&kp.sb, &["db-create", "-q", "-p", "db.kdbx"], &passwords(2));
    kxc(
        &kp.sb,
        &["add", "-q", "-p", "db.kdbx", "old-token"],
        &format!("{PASSWORD}\nrevoked\n"),
    );
    // keepassxc-cli rm moves the entry to the recycle bin.
    kxc(&kp.sb, &["rm", "-q", "db.kdbx", "old-token"], &passwords(1));
    kp.add("OLD = { provider = \"kp\", value = \"old-token\" }");
    kp.add("BIN = { provider = \"kp\", value = \"Recycle Bin/old-token\" }");
    let out = kp.run(&["get", "OLD"]);
    assert!(
        out.fails(1).contains("no entry old-token"),
        "{}",
        out.stderr
    );
    // Named by its path it is still there.
    assert_eq!(kp.run(&["get", "BIN"]).ok(), "revoked\n");
}

#[test]
fn the_title_cannot_be_written() {
    let kp = Kp::new(CONFIG);
    assert_snapshot!(
        kp.run(&["set", "-p", "kp", "T", "x", "--key-name", "api/title"]).all(),
        @"
    exit: 1
    --- stdout
    --- stderr
    error[fnox::provider::invalid_config]: cannot store T in provider 'kp'
      caused by: keepass: cannot write the title of api
      caused by: writing secrets.T in ./fnox.toml
      hint: the title is what finds the entry; write its password, username, url or notes
    "
    );
    assert!(!kp.db().exists());
}

#[test]
fn provider_add_then_test_reports_the_database() {
    let kp = Kp::new("");
    kp.run(&["provider", "add", "kp", "keepass"]).ok();
    assert_snapshot!(kp.sb.read("fnox.toml"), @r#"
    [providers.kp]
    type = "keepass"
    database = "~/secrets.kdbx"
    "#);
    // The template's ~/secrets.kdbx, in the sandbox's HOME.
    assert_snapshot!(kp.run(&["provider", "test", "kp"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider kp connection successful: the database [HOME]/secrets.kdbx does not exist yet; the first `fnox set --provider kp` creates it
    ");
    kp.run(&["set", "-p", "kp", "API", "v"]).ok();
    assert!(kp.sb.home.join("secrets.kdbx").is_file());
    assert_snapshot!(kp.run(&["provider", "test", "kp"]).all(), @"
    exit: 0
    --- stdout
    --- stderr
    ✓ Provider kp connection successful: the database [HOME]/secrets.kdbx opens (KDBX 4.1, 1 entry)
    ");
}
