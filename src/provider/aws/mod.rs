//! What the AWS providers share: the SDK configuration from aws-config's standard chain (env,
//! shared files and named profiles, SSO, web identity, container/instance metadata) with the
//! provider's `region` / `profile` / `endpoint` / `role_arn` on top, one small tokio runtime
//! per provider (created on first use, never by commands that do not touch AWS), and the
//! mapping of SDK failures to errors a person can act on.

pub mod kms;
pub mod ps;
pub mod sm;

use std::collections::HashMap;
use std::error::Error as StdError;
use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use serde::Deserialize;

use futures_util::stream::{self, StreamExt};

use super::{ErrorKind, ItemResult, ProviderError};
use crate::env_vars;

/// Requests in flight at once per provider.
pub const CONCURRENCY: usize = 16;

/// Where and as whom to reach AWS; every field optional (the standard chain fills in the rest).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Target {
    pub region: Option<String>,
    pub profile: Option<String>,
    pub endpoint: Option<String>,
    pub role_arn: Option<String>,
}

/// The settings of the two AWS stores (Secrets Manager, Parameter Store).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    pub region: Option<String>,
    pub profile: Option<String>,
    pub endpoint: Option<String>,
    pub role_arn: Option<String>,
    /// Prepended to every reference to form the remote name.
    pub prefix: Option<String>,
    /// The KMS key that protects values the store creates.
    pub kms_key_id: Option<String>,
}

impl StoreConfig {
    /// (prefix, kms_key_id, connection); `service` names the provider type in errors.
    pub fn into_parts(
        self,
        service: &str,
    ) -> Result<(String, Option<String>, Connection), ProviderError> {
        let target = Target {
            region: self.region,
            profile: self.profile,
            endpoint: self.endpoint,
            role_arn: self.role_arn,
        };
        Ok((
            self.prefix.unwrap_or_default(),
            self.kms_key_id,
            Connection::new(service, target)?,
        ))
    }
}

/// A provider's connection: its runtime and SDK config, both made on first use.
pub struct Connection {
    service: String,
    target: Target,
    runtime: OnceLock<Result<tokio::runtime::Runtime, ProviderError>>,
    config: OnceLock<SdkConfig>,
}

impl Connection {
    /// Checks what can be checked without the network (a `role_arn` must be an IAM role ARN),
    /// so a typo is a config error before any request; `service` names the provider type.
    pub fn new(service: &str, target: Target) -> Result<Connection, ProviderError> {
        if let Some(arn) = &target.role_arn {
            check_role_arn(arn).map_err(|problem| {
                ProviderError::new(
                    ErrorKind::Config,
                    format!("{service}: `role_arn` is not an IAM role ARN ({problem})"),
                )
                .hint("write it as `role_arn = \"arn:aws:iam::123456789012:role/NAME\"` (the role's ARN in the IAM console), or remove it to use your own credentials")
            })?;
        }
        Ok(Connection {
            service: service.to_owned(),
            target,
            runtime: OnceLock::new(),
            config: OnceLock::new(),
        })
    }

    /// Runs a future on this provider's runtime with its SDK config; `op` names the API call
    /// (`Decrypt`) for the error when the read's deadline passes first.
    pub fn run<T, F, Fut>(&self, op: &str, f: F) -> Result<T, ProviderError>
    where
        F: FnOnce(SdkConfig) -> Fut,
        Fut: Future<Output = Result<T, ProviderError>>,
    {
        let rt = self
            .runtime
            .get_or_init(|| super::network_runtime("aws"))
            .as_ref()
            .map_err(Clone::clone)?;
        let what = || format!("{}: {op} at {}", self.service, self.address());
        rt.block_on(crate::deadline::bounded(what, async {
            let config = match self.config.get() {
                Some(c) => c.clone(),
                None => {
                    let c = load(&self.target).await;
                    self.config.get_or_init(|| c).clone()
                }
            };
            if config.region().is_none() {
                return Err(
                    ProviderError::new(ErrorKind::Config, "no AWS region is set")
                        .hint("set `region = \"us-east-1\"` on the provider, or AWS_REGION"),
                );
            }
            f(config).await
        }))
    }

    /// Where the requests go, for messages: the `endpoint`, else AWS_ENDPOINT_URL, else the
    /// region's AWS endpoint.
    fn address(&self) -> String {
        if let Some(e) = self
            .target
            .endpoint
            .clone()
            .or_else(|| env_vars::non_empty("AWS_ENDPOINT_URL"))
        {
            return e;
        }
        let region = self
            .config
            .get()
            .and_then(|c| c.region().map(|r| r.to_string()))
            .or_else(|| self.target.region.clone());
        match region {
            Some(r) => format!("the AWS endpoint of {r}"),
            None => "AWS".to_owned(),
        }
    }
}

impl Connection {
    /// Fetches remote names in chunks of `batch` (each distinct name once), the chunks
    /// concurrently, and returns one result per name in input order. `fetch` answers for one
    /// chunk; a name no answer mentions gets `missing(name)`.
    pub fn fetch_chunked<C, F, Fut>(
        &self,
        op: &str,
        names: &[String],
        batch: usize,
        client: impl FnOnce(&SdkConfig) -> C,
        fetch: F,
        missing: impl Fn(&str) -> ProviderError,
    ) -> Vec<ItemResult>
    where
        C: Clone,
        F: Fn(C, Vec<String>) -> Fut,
        Fut: Future<Output = Vec<(String, ItemResult)>>,
    {
        let mut unique = names.to_vec();
        unique.sort();
        unique.dedup();
        let outcome = self.run(op, |config| async move {
            let client = client(&config);
            let chunks: Vec<Vec<String>> = unique.chunks(batch).map(<[String]>::to_vec).collect();
            let replies: Vec<Vec<(String, ItemResult)>> = stream::iter(chunks)
                .map(|chunk| fetch(client.clone(), chunk))
                .buffer_unordered(CONCURRENCY)
                .collect()
                .await;
            Ok(replies
                .into_iter()
                .flatten()
                .collect::<HashMap<String, ItemResult>>())
        });
        match outcome {
            Ok(by_name) => names
                .iter()
                .map(|n| by_name.get(n).cloned().unwrap_or_else(|| Err(missing(n))))
                .collect(),
            Err(e) => names.iter().map(|_| Err(e.clone())).collect(),
        }
    }
}

/// `arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME` with a 12-digit account; otherwise what is
/// wrong with it (never the value itself: it may come from another secret).
fn check_role_arn(arn: &str) -> Result<(), &'static str> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [prefix, partition, service, region, account, resource] = parts[..] else {
        return Err("expected six ':'-separated parts: arn:aws:iam::ACCOUNT:role/NAME");
    };
    if prefix != "arn" {
        return Err("it does not start with `arn:`");
    }
    if !partition.starts_with("aws")
        || !partition
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-')
    {
        return Err("the partition is not one of aws, aws-cn, aws-us-gov, ...");
    }
    if service != "iam" {
        return Err("it is not an `iam` ARN");
    }
    if !region.is_empty() {
        return Err("IAM ARNs have no region: write `iam::` before the account");
    }
    if account.len() != 12 || !account.chars().all(|c| c.is_ascii_digit()) {
        return Err("the account must be 12 digits");
    }
    let Some(name) = resource.strip_prefix("role/") else {
        return Err("the resource must be `role/NAME`");
    };
    let allowed = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-/".contains(c);
    if name.is_empty() || name.ends_with('/') || name.starts_with('/') || !name.chars().all(allowed)
    {
        return Err("the role name is empty or has characters IAM does not allow");
    }
    Ok(())
}

async fn load(target: &Target) -> SdkConfig {
    // Each attempt is bounded by FNOX_HTTP_TIMEOUT, and the whole read by its deadline
    // (`Connection::run`), which cancels the attempts still in flight.
    let mut timeouts =
        aws_config::timeout::TimeoutConfig::builder().connect_timeout(Duration::from_secs(5));
    if let Some(attempt) = crate::deadline::http_timeout() {
        timeouts = timeouts.operation_attempt_timeout(attempt);
    }
    let mut loader =
        aws_config::defaults(BehaviorVersion::latest()).timeout_config(timeouts.build());
    if let Some(region) = &target.region {
        loader = loader.region(Region::new(region.clone()));
    }
    if let Some(profile) = &target.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(endpoint) = &target.endpoint {
        loader = loader.endpoint_url(endpoint);
    }
    let config = loader.load().await;
    match &target.role_arn {
        Some(role) => {
            let provider = aws_config::sts::AssumeRoleProvider::builder(role)
                .session_name("fnox")
                .configure(&config)
                .build()
                .await;
            config
                .into_builder()
                .credentials_provider(aws_sdk_kms::config::SharedCredentialsProvider::new(
                    provider,
                ))
                .build()
        }
        None => config,
    }
}

/// Turns an SDK failure into a provider error that says what to do. `what` names the remote object.
pub fn classify<E, R>(
    service: &str,
    what: &str,
    err: aws_sdk_kms::error::SdkError<E, R>,
) -> ProviderError
where
    E: aws_sdk_kms::error::ProvideErrorMetadata + StdError + Send + Sync + 'static,
    R: std::fmt::Debug,
{
    use aws_sdk_kms::error::SdkError;
    let chain = error_chain(&err);
    match &err {
        SdkError::ServiceError(service_err) => {
            let e = service_err.err();
            let code = e.code().unwrap_or("Unknown");
            let msg = e.message().unwrap_or("");
            classify_code(service, what, code, msg)
        }
        SdkError::TimeoutError(_) => ProviderError::new(
            ErrorKind::Unreachable,
            format!("{service}: timed out reaching AWS for {what}"),
        )
        .hint("check the network, the region, and any `endpoint` / AWS_ENDPOINT_URL setting"),
        _ if chain.contains("no credentials found") || chain.contains("credential provider was not enabled") => {
            ProviderError::new(ErrorKind::AccessDenied, format!("{service}: no usable AWS credentials were found"))
                .hint("set AWS_PROFILE, run `aws configure` or `aws sso login`, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")
        }
        _ if chain.contains("credential") || chain.contains("token") && chain.contains("expired") => {
            ProviderError::new(
                ErrorKind::AccessDenied,
                format!("{service}: the AWS credentials could not be loaded ({chain})"),
            )
            .hint("if you use SSO, run `aws sso login`; otherwise check AWS_PROFILE and ~/.aws/config")
        }
        SdkError::DispatchFailure(_) => ProviderError::new(
            ErrorKind::Unreachable,
            format!("{service}: cannot reach the AWS endpoint for {what} ({chain})"),
        )
        .hint("check the network, the region, and any `endpoint` / AWS_ENDPOINT_URL setting"),
        _ => ProviderError::new(ErrorKind::Other, format!("{service}: request for {what} failed ({chain})")),
    }
}

/// Maps an AWS error code to an error kind and a fix.
pub fn classify_code(service: &str, what: &str, code: &str, msg: &str) -> ProviderError {
    let detail = if msg.is_empty() {
        code.to_owned()
    } else {
        format!("{code}: {msg}")
    };
    let (kind, text, hint): (ErrorKind, String, String) = match code {
        // KMS answers NotFoundException for a key id, ARN or alias it does not know.
        "NotFoundException" if service == "AWS KMS" => (
            ErrorKind::Config,
            if what.starts_with("key ") {
                format!("{service}: {what} was not found ({detail})")
            } else {
                format!("{service}: the KMS key of {what} was not found ({detail})")
            },
            "check `key_id` (key id, ARN or alias/NAME) and the region".to_owned(),
        ),
        "ResourceNotFoundException" | "ParameterNotFound" | "NotFoundException" => (
            ErrorKind::NotFound,
            format!(
                "{service}: secret '{}' not found ({detail})",
                what.split_once(' ').map_or(what, |(_, name)| name)
            ),
            "check the name, the `prefix` and the region, or create it with `fnox set`".to_owned(),
        ),
        "AccessDeniedException" | "AccessDenied" | "UnauthorizedOperation" => (
            ErrorKind::AccessDenied,
            format!("{service}: access denied to {what} ({detail})"),
            "ask for permission on it, or use a profile/role that has it (`profile`, `role_arn`, AWS_PROFILE)"
                .to_owned(),
        ),
        "UnrecognizedClientException" | "InvalidClientTokenId" | "InvalidSignatureException" => (
            ErrorKind::AccessDenied,
            format!("{service}: AWS rejected the credentials ({detail})"),
            "check AWS_PROFILE / AWS_ACCESS_KEY_ID, or run `aws sso login`".to_owned(),
        ),
        "ExpiredTokenException" | "ExpiredToken" => (
            ErrorKind::AccessDenied,
            format!("{service}: the AWS session has expired ({detail})"),
            "run `aws sso login` (or refresh your credentials)".to_owned(),
        ),
        "DisabledException" | "KMSInvalidStateException" | "KeyUnavailableException" => (
            ErrorKind::AccessDenied,
            format!("{service}: the KMS key for {what} is disabled or unavailable ({detail})"),
            "enable the key, or re-encrypt with another key (`fnox reencrypt`)".to_owned(),
        ),
        "InvalidCiphertextException" | "IncorrectKeyException" => (
            ErrorKind::BadCiphertext,
            format!("{service}: {what} is not a valid KMS ciphertext for this account and region ({detail})"),
            "check the provider's region and account, or set the value again with `fnox set`".to_owned(),
        ),
        "ThrottlingException" | "TooManyRequestsException" | "ThrottledException" => (
            ErrorKind::Unreachable,
            format!("{service}: AWS kept throttling requests for {what} after retries ({detail})"),
            "try again shortly, or lower the request rate".to_owned(),
        ),
        "NotFoundException_KeyId" | "InvalidKeyId" => (
            ErrorKind::Config,
            format!("{service}: the KMS key for {what} was not found ({detail})"),
            "check `key_id` (key id, ARN or alias/NAME) and the region".to_owned(),
        ),
        _ => (
            ErrorKind::Other,
            format!("{service}: request for {what} failed ({detail})"),
            String::new(),
        ),
    };
    let err = ProviderError::new(kind, text);
    if hint.is_empty() {
        err
    } else {
        err.hint(hint)
    }
}

/// The error and its sources, lower-cased, one line.
fn error_chain(err: &dyn StdError) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_arns_are_checked_before_any_request() {
        for good in [
            "arn:aws:iam::123456789012:role/deploy",
            "arn:aws-us-gov:iam::123456789012:role/team/ci/reader",
            "arn:aws-cn:iam::000000000000:role/a+b=c,d.e@f_g-h",
        ] {
            assert_eq!(check_role_arn(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("deploy", "six"),
            ("arn:aws:iam::12345:role/deploy", "12 digits"),
            ("arn:aws:iam::1234567890123:role/deploy", "12 digits"),
            ("arn:aws:iam::12345678901x:role/deploy", "12 digits"),
            (
                "arn:aws:iam:us-east-1:123456789012:role/deploy",
                "no region",
            ),
            ("arn:aws:sts::123456789012:role/deploy", "iam"),
            ("arn:aws:iam::123456789012:user/deploy", "role/NAME"),
            ("arn:aws:iam::123456789012:role/", "role name"),
            ("arn:aws:iam::123456789012:role/has space", "role name"),
            ("urn:aws:iam::123456789012:role/deploy", "arn:"),
            ("arn:gcp:iam::123456789012:role/deploy", "partition"),
        ] {
            let problem = check_role_arn(bad).expect_err(bad);
            assert!(problem.contains(why), "{bad}: {problem}");
        }
    }

    #[test]
    fn error_codes_map_to_kinds_with_fixes() {
        let cases = [
            (
                "DisabledException",
                ErrorKind::AccessDenied,
                "enable the key",
            ),
            (
                "KMSInvalidStateException",
                ErrorKind::AccessDenied,
                "enable the key",
            ),
            (
                "ResourceNotFoundException",
                ErrorKind::NotFound,
                "check the name",
            ),
            ("ParameterNotFound", ErrorKind::NotFound, "check the name"),
            (
                "AccessDeniedException",
                ErrorKind::AccessDenied,
                "ask for permission",
            ),
            (
                "ExpiredTokenException",
                ErrorKind::AccessDenied,
                "aws sso login",
            ),
            (
                "InvalidCiphertextException",
                ErrorKind::BadCiphertext,
                "region and account",
            ),
            ("ThrottlingException", ErrorKind::Unreachable, "try again"),
        ];
        for (code, kind, hint) in cases {
            let e = classify_code("aws-kms", "the value", code, "details");
            assert_eq!(e.kind, kind, "{code}");
            assert!(e.message.contains(code), "{code}: {}", e.message);
            assert!(
                e.hint.as_deref().unwrap_or("").contains(hint),
                "{code}: {:?}",
                e.hint
            );
        }
        let key = classify_code("AWS KMS", "key alias/typo", "NotFoundException", "gone");
        assert_eq!(key.kind, ErrorKind::Config);
        assert!(
            key.message.contains("key alias/typo was not found"),
            "{}",
            key.message
        );
        assert!(key.hint.unwrap().contains("check `key_id`"));
        let other = classify_code("aws-sm", "x", "SomethingNew", "");
        assert_eq!(other.kind, ErrorKind::Other);
        assert!(other.hint.is_none());
    }
}
