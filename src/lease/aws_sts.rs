//! `type = "aws-sts"`: AssumeRole for `role_arn`, with master credentials that may themselves be
//! fnox secrets (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, as upstream names
//! them; a secret of that name wins over the environment), else the SDK's standard chain
//! (`profile`, AWS_PROFILE, ~/.aws, SSO). The lease is the three AWS_* variables of the role.

use std::time::Duration;

use aws_config::{BehaviorVersion, Region};

use super::{check_fields, new_lease_id, string_field, BuildContext, Issued, LeaseBackend};
use crate::error::{Error, Result};
use crate::secret::SecretValue;

const MAX_DURATION: Duration = Duration::from_secs(12 * 3600);
/// STS refuses shorter sessions.
const MIN_DURATION: Duration = Duration::from_secs(15 * 60);

struct Master {
    access_key_id: SecretValue,
    secret_access_key: SecretValue,
    session_token: Option<SecretValue>,
}

pub struct AwsSts<'a> {
    region: Option<String>,
    role_arn: String,
    profile: Option<String>,
    endpoint: Option<String>,
    ctx: BuildContext<'a>,
}

impl<'a> AwsSts<'a> {
    pub fn new(ctx: &BuildContext<'a>, fields: toml::Table) -> std::result::Result<Self, String> {
        check_fields(&fields, &["region", "role_arn", "profile", "endpoint"])?;
        let role_arn = string_field(&fields, "role_arn")?.ok_or(
            "an aws-sts lease needs `role_arn` (e.g. \"arn:aws:iam::123456789012:role/dev\")",
        )?;
        if !role_arn.starts_with("arn:") || !role_arn.contains(":role/") {
            return Err(format!(
                "`role_arn = {role_arn:?}` is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)"
            ));
        }
        Ok(AwsSts {
            region: string_field(&fields, "region")?,
            role_arn,
            profile: string_field(&fields, "profile")?,
            endpoint: string_field(&fields, "endpoint")?,
            ctx: ctx.clone(),
        })
    }

    /// Whether the SDK's chain has anything to go on when no master credentials were given.
    fn chain_has_credentials(&self) -> bool {
        use crate::env_vars::{home_dir, non_empty};
        self.profile.is_some()
            || non_empty("AWS_PROFILE").is_some()
            || non_empty("AWS_SSO_SESSION").is_some()
            || non_empty("AWS_WEB_IDENTITY_TOKEN_FILE").is_some()
            || non_empty("AWS_CONTAINER_CREDENTIALS_FULL_URI").is_some()
            || non_empty("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").is_some()
            || home_dir().is_some_and(|h| {
                h.join(".aws/credentials").is_file() || h.join(".aws/config").is_file()
            })
    }
}

/// AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), from the project's secrets or
/// the environment, else asked for (`-i`), else None (the SDK's chain).
fn master(ctx: &BuildContext) -> Result<Option<Master>> {
    let id = ctx.master("AWS_ACCESS_KEY_ID")?;
    let secret = ctx.master("AWS_SECRET_ACCESS_KEY")?;
    let token = ctx.master("AWS_SESSION_TOKEN")?;
    if let (Some(access_key_id), Some(secret_access_key)) = (id, secret) {
        return Ok(Some(Master {
            access_key_id,
            secret_access_key,
            session_token: token,
        }));
    }
    if !ctx.interactive || !crate::term::can_prompt() {
        return Ok(None);
    }
    let ask = |name: &str, what: &str| -> Result<String> {
        dialoguer::Password::new()
            .with_prompt(format!("{name} ({what})"))
            .allow_empty_password(true)
            .interact()
            .map_err(|e| Error::new("cannot read from the terminal").cause(e))
    };
    let id = ask("AWS_ACCESS_KEY_ID", "AWS access key")?;
    let secret = ask("AWS_SECRET_ACCESS_KEY", "AWS secret key")?;
    let token = ask("AWS_SESSION_TOKEN", "AWS session token (optional)")?;
    Ok(Some(Master {
        access_key_id: SecretValue::new(id),
        secret_access_key: SecretValue::new(secret),
        session_token: (!token.is_empty()).then(|| SecretValue::new(token)),
    }))
}

/// STS's RoleSessionName: 2-64 of `[A-Za-z0-9+=,.@_-]`.
fn session_name(label: &str) -> String {
    let mut s: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "+=,.@_-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    while s.len() < 2 {
        s.push('-');
    }
    s
}

impl LeaseBackend for AwsSts<'_> {
    fn create(&self, duration: Duration, label: &str) -> Result<Issued> {
        let master = master(&self.ctx)?;
        if master.is_none() && !self.chain_has_credentials() {
            return Err(Error::new("AWS credentials not found. Run 'aws sso login' or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.")
                .hint("define AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY as fnox secrets (env = false keeps them from programs), or run `fnox lease create NAME -i` to paste them"));
        }
        let duration = duration.max(MIN_DURATION);
        let rt = crate::provider::network_runtime("aws-sts").map_err(|e| Error::new(e.message))?;
        let out = rt.block_on(async {
            let mut loader = aws_config::defaults(BehaviorVersion::latest());
            if let Some(region) = &self.region {
                loader = loader.region(Region::new(region.clone()));
            }
            if let Some(profile) = &self.profile {
                loader = loader.profile_name(profile);
            }
            if let Some(endpoint) = &self.endpoint {
                loader = loader.endpoint_url(endpoint);
            }
            if let Some(m) = &master {
                loader = loader.credentials_provider(aws_sdk_sts::config::Credentials::new(
                    m.access_key_id.expose(),
                    m.secret_access_key.expose(),
                    m.session_token.as_ref().map(|t| t.expose().to_owned()),
                    None,
                    "fnox-lease-master",
                ));
            }
            let config = loader.load().await;
            if config.region().is_none() {
                return Err(Error::new("no AWS region is set")
                    .hint("set `region = \"us-east-1\"` on the lease, or AWS_REGION"));
            }
            let client = aws_sdk_sts::Client::new(&config);
            client
                .assume_role()
                .role_arn(&self.role_arn)
                .role_session_name(session_name(label))
                .duration_seconds(duration.as_secs().min(i32::MAX as u64) as i32)
                .send()
                .await
                .map_err(|e| {
                    let what = format!("role {}", self.role_arn);
                    let pe = crate::provider::aws::classify("aws-sts", &what, e);
                    let mut err = Error::new(pe.message);
                    err.hint = pe.hint;
                    err
                })
        })?;
        let creds = out
            .credentials()
            .ok_or_else(|| Error::new("STS answered AssumeRole without credentials"))?;
        let expires = creds.expiration().secs();
        Ok(Issued {
            lease_id: new_lease_id("aws-sts"),
            credentials: vec![
                (
                    "AWS_ACCESS_KEY_ID".to_owned(),
                    SecretValue::new(creds.access_key_id().to_owned()),
                ),
                (
                    "AWS_SECRET_ACCESS_KEY".to_owned(),
                    SecretValue::new(creds.secret_access_key().to_owned()),
                ),
                (
                    "AWS_SESSION_TOKEN".to_owned(),
                    SecretValue::new(creds.session_token().to_owned()),
                ),
            ],
            expires_at: u64::try_from(expires).ok(),
        })
    }

    fn max_duration(&self) -> Duration {
        MAX_DURATION
    }
}
