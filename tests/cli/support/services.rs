//! Real services on loopback, started once per test run on a free port: the moto AWS emulator.
//! A service the machine lacks fails the test loudly under CI and is skipped (with the install
//! command) elsewhere.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Where scripts/test.sh installs the Python-packaged test services.
pub fn tools_venv() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-tools/venv")
}

/// A test tool: in the project's tools venv, else on PATH.
pub fn find_tool(name: &str) -> Option<PathBuf> {
    let local = tools_venv().join("bin").join(name);
    if local.is_file() {
        return Some(local);
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// dotenvx's command, where scripts/test.sh installs it (npm, under target/test-tools).
pub fn dotenvx() -> Option<PathBuf> {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/test-tools/dotenvx/node_modules/.bin/dotenvx");
    bin.is_file().then_some(bin)
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn wait_for_port(port: u16, what: &str) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{what} did not start on port {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Starts a server from a thread that lives as long as the test process, so that the
/// parent-death signal (which follows the spawning thread) ends it only when the tests end.
pub fn spawn_server(mut cmd: Command, port: u16, what: &'static str) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        #[cfg(target_os = "linux")]
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let child = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn();
        let ok = child.is_ok();
        tx.send(child.map(|_| ()).map_err(|e| e.to_string()))
            .unwrap();
        if ok {
            loop {
                std::thread::park();
            }
        }
    });
    rx.recv()
        .unwrap()
        .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
    wait_for_port(port, what);
}

pub fn missing(tool: &str) -> Option<&'static str> {
    if std::env::var_os("CI").is_some() {
        panic!("{tool} is required in CI: scripts/test.sh installs it into target/test-tools/venv");
    }
    eprintln!("skipping: {tool} not installed (run scripts/test.sh, which installs it)");
    None
}

/// The moto AWS emulator's endpoint, or None (skip) when moto is not installed outside CI.
pub fn moto() -> Option<&'static str> {
    static MOTO: OnceLock<Option<String>> = OnceLock::new();
    MOTO.get_or_init(|| {
        let Some(bin) = find_tool("moto_server") else {
            return missing("moto_server").map(str::to_owned);
        };
        let port = free_port();
        let mut cmd = Command::new(bin);
        cmd.args(["-H", "127.0.0.1", "-p", &port.to_string()]);
        spawn_server(cmd, port, "moto_server");
        Some(format!("http://127.0.0.1:{port}"))
    })
    .as_deref()
}

/// The environment that points the AWS SDK (ours and boto3) at moto.
pub fn aws_env(endpoint: &str) -> Vec<(&'static str, String)> {
    vec![
        ("AWS_ENDPOINT_URL", endpoint.to_owned()),
        ("AWS_ACCESS_KEY_ID", "testing".to_owned()),
        ("AWS_SECRET_ACCESS_KEY", "testing".to_owned()),
        ("AWS_REGION", "us-east-1".to_owned()),
        ("AWS_DEFAULT_REGION", "us-east-1".to_owned()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ]
}

/// Calls an AWS API through boto3 (installed with moto) and returns the JSON response.
/// For test set-up and for checking what fnox wrote remotely, independently of fnox's own client.
pub fn boto3(
    endpoint: &str,
    service: &str,
    method: &str,
    params: serde_json::Value,
) -> serde_json::Value {
    boto3_many(endpoint, &[(service, method, params)])
        .pop()
        .expect("one reply")
}

/// Several boto3 calls in one Python process, in order.
pub fn boto3_many(
    endpoint: &str,
    calls: &[(&str, &str, serde_json::Value)],
) -> Vec<serde_json::Value> {
    boto3_with_env(aws_env(endpoint), calls)
}

/// `boto3_many` in a session of the assumed role `role_arn`. moto places such a session in the
/// role's account, so what these calls create is reachable only through that role.
pub fn boto3_many_in_role(
    endpoint: &str,
    role_arn: &str,
    calls: &[(&str, &str, serde_json::Value)],
) -> Vec<serde_json::Value> {
    let assumed = boto3(
        endpoint,
        "sts",
        "assume_role",
        serde_json::json!({"RoleArn": role_arn, "RoleSessionName": "fnox-tests"}),
    );
    let creds = &assumed["Credentials"];
    let mut env = aws_env(endpoint);
    env.retain(|(k, _)| !["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].contains(k));
    for (var, field) in [
        ("AWS_ACCESS_KEY_ID", "AccessKeyId"),
        ("AWS_SECRET_ACCESS_KEY", "SecretAccessKey"),
        ("AWS_SESSION_TOKEN", "SessionToken"),
    ] {
        env.push((var, creds[field].as_str().expect(field).to_owned()));
    }
    boto3_with_env(env, calls)
}

fn boto3_with_env(
    env: Vec<(&'static str, String)>,
    calls: &[(&str, &str, serde_json::Value)],
) -> Vec<serde_json::Value> {
    let python = if tools_venv().join("bin/python3").is_file() {
        tools_venv().join("bin/python3")
    } else {
        find_tool("python3").expect("python3")
    };
    let script = r#"
import base64, json, sys, boto3
clients, replies = {}, []
def enc(o):
    if isinstance(o, bytes):
        return {"__b64": base64.b64encode(o).decode()}
    return str(o)
for service, method, params in json.loads(sys.argv[1]):
    for k, v in list(params.items()):
        if isinstance(v, dict) and "__b64" in v:
            params[k] = base64.b64decode(v["__b64"])
    client = clients.setdefault(service, boto3.client(service))
    out = getattr(client, method)(**params)
    out.pop("ResponseMetadata", None)
    replies.append(out)
print(json.dumps(replies, default=enc))
"#;
    let calls: Vec<serde_json::Value> = calls
        .iter()
        .map(|(s, m, p)| serde_json::json!([s, m, p]))
        .collect();
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .arg(serde_json::Value::Array(calls).to_string())
        .envs(env)
        .output()
        .expect("run boto3");
    assert!(
        out.status.success(),
        "boto3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("boto3 JSON")
}
