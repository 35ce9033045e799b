//! `fnox doctor`

use super::{list::table, print_json, Ctx};
use crate::env_vars;
use crate::error::Result;
use crate::resolve::test_provider;

/// Show what fnox sees from here: the config files loaded (in order), the active profile(s),
/// the providers and where each is defined, how many secrets there are, which relevant
/// environment variables are set (names only, never values), each provider's health (its test,
/// as `fnox provider test --all` runs it), and tips.
///
/// Reads no secret; `fnox check` resolves every secret.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print the same facts as one JSON object (config_files, profiles, providers with their
    /// health, secrets, env_set, tips)
    #[arg(long)]
    pub json: bool,
}

/// Environment variables that change what fnox does; only their names are ever shown.
const RELEVANT_ENV: [&str; 32] = [
    env_vars::FNOX_PROFILE,
    env_vars::FNOX_CONFIG_DIR,
    env_vars::FNOX_AGE_KEY,
    env_vars::FNOX_AGE_KEY_FILE,
    env_vars::FNOX_IF_MISSING,
    env_vars::FNOX_IF_MISSING_DEFAULT,
    env_vars::FNOX_NO_DEFAULTS,
    env_vars::FNOX_NON_INTERACTIVE,
    env_vars::FNOX_PASSWORD_STORE_DIR,
    env_vars::FNOX_PASSWORD_STORE_GPG_OPTS,
    env_vars::PASSWORD_STORE_DIR,
    env_vars::PASSWORD_STORE_GPG_OPTS,
    env_vars::FNOX_KEEPASS_PASSWORD,
    env_vars::KEEPASS_PASSWORD,
    env_vars::XDG_CONFIG_HOME,
    "FNOX_VAULT_ADDR",
    "FNOX_VAULT_TOKEN",
    "FNOX_VAULT_NAMESPACE",
    "VAULT_ADDR",
    "VAULT_TOKEN",
    "VAULT_NAMESPACE",
    "AWS_PROFILE",
    "AWS_REGION",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_ENDPOINT_URL",
    crate::provider::cosmian_kms::COSMIAN_KMS_URL,
    crate::provider::cosmian_kms::COSMIAN_KMS_SECRET_TOKEN,
    crate::provider::cosmian_kms::COSMIAN_KMS_INSECURE_CERTS,
    env_vars::VISUAL,
    env_vars::EDITOR,
    "NO_COLOR",
];

pub fn run(ctx: &Ctx, args: Args) -> Result<i32> {
    let config = ctx.load_optional()?;
    let mut out = String::new();
    let mut tips: Vec<String> = Vec::new();

    out.push_str("Config files (lowest priority first):\n");
    if config.layers.is_empty() {
        out.push_str("  (none found)\n");
        tips.push("no fnox.toml here or above: run `fnox init` to create one".into());
    }
    for layer in &config.layers {
        let mut line = format!("  {}", config.display(&layer.path));
        if layer.global {
            line.push_str(" (global)");
        }
        if let Some(p) = &layer.profile {
            line.push_str(&format!(" (profile {p})"));
        }
        out.push_str(&line);
        out.push('\n');
    }

    out.push_str(&format!("Profiles: {}\n", config.profiles.join(", ")));
    let default_provider = config.default_provider();
    out.push_str(&format!(
        "Default provider: {}\n",
        default_provider.as_deref().unwrap_or("(none)")
    ));

    let providers = config.providers();
    out.push_str(&format!("Providers: {}\n", providers.len()));
    let rows: Vec<Vec<String>> = providers
        .iter()
        .map(|p| {
            let loc = config.locate("providers", p.name, &p.origin);
            let file = loc.rsplit(" in ").next().unwrap_or_default().to_owned();
            vec![format!("  {}", p.name), p.config.kind.clone(), file]
        })
        .collect();
    out.push_str(&table(&rows));
    if providers.is_empty() {
        out.push_str("  No providers configured\n");
    }
    if providers.is_empty() && !config.layers.is_empty() {
        tips.push("no providers: add one with `fnox provider add age age`".into());
    }
    if providers.len() > 1 && default_provider.is_none() {
        tips.push(
            "several providers and no default_provider: secrets without `provider` cannot be \
             resolved and `fnox set` needs --provider; add default_provider = \"NAME\""
                .into(),
        );
    }

    let secrets = config.secrets();
    let (mut from_provider, mut from_default, mut from_env) = (0, 0, 0);
    for s in &secrets {
        if s.secret.value.is_some() || s.secret.sync.is_some() {
            from_provider += 1;
            let named = s
                .secret
                .sync
                .as_ref()
                .map(|sync| sync.provider.clone())
                .or_else(|| s.secret.provider.clone())
                .or_else(|| default_provider.clone());
            match named {
                Some(p) if !providers.iter().any(|e| e.name == p) => tips.push(format!(
                    "secret {} uses provider '{p}', which is not defined ({})",
                    s.name,
                    config.locate("secrets", s.name, &s.origin)
                )),
                None => tips.push(format!(
                    "secret {} has a value but no provider and there is no default_provider",
                    s.name
                )),
                _ => {}
            }
        } else if s.secret.default.is_some() {
            from_default += 1;
        } else {
            from_env += 1;
        }
    }
    out.push_str(&format!(
        "Secrets: {} ({from_provider} from providers, {from_default} from defaults, \
         {from_env} from the environment only)\n",
        secrets.len()
    ));

    let set: Vec<&str> = RELEVANT_ENV
        .iter()
        .copied()
        .filter(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
        .collect();
    out.push_str("Environment variables set (names only):\n");
    if set.is_empty() {
        out.push_str("  (none)\n");
    }
    for v in &set {
        out.push_str(&format!("  {v}\n"));
    }

    // Each provider's test, as `provider test --all` runs it; a failure's hint becomes a tip.
    let health: Vec<Result<String>> = providers
        .iter()
        .map(|p| test_provider(&config, p.name))
        .collect();
    if !providers.is_empty() {
        out.push_str("Provider health:\n");
    }
    for (p, outcome) in providers.iter().zip(&health) {
        match outcome {
            Ok(detail) => out.push_str(&format!("  ✓ {}: {detail}\n", p.name)),
            Err(e) => {
                out.push_str(&format!("  ✗ {}: {}\n", p.name, e.one_line()));
                if let Some(hint) = &e.hint {
                    tips.push(format!("provider {}: {hint}", p.name));
                }
            }
        }
    }

    if !config.layers.is_empty() {
        tips.push(
            "run `fnox check` to validate your configuration: it resolves every secret".into(),
        );
    }
    if args.json {
        let files: Vec<_> = config
            .layers
            .iter()
            .map(|l| {
                serde_json::json!({
                    "file": config.display(&l.path),
                    "global": l.global,
                    "profile": l.profile,
                })
            })
            .collect();
        let providers: Vec<_> = providers
            .iter()
            .zip(&health)
            .map(|(p, outcome)| {
                let mut item = super::list::provider_json(&config, p);
                item["health"] = match outcome {
                    Ok(detail) => serde_json::json!({ "ok": true, "detail": detail }),
                    Err(e) => serde_json::json!({
                        "ok": false,
                        "error": e.one_line(),
                        "hint": e.hint,
                    }),
                };
                item
            })
            .collect();
        print_json(&serde_json::json!({
            "config_files": files,
            "profiles": config.profiles,
            "default_provider": default_provider,
            "providers": providers,
            "secrets": {
                "total": secrets.len(),
                "from_providers": from_provider,
                "from_defaults": from_default,
                "from_environment": from_env,
            },
            "env_set": set,
            "tips": tips,
        }))?;
        return Ok(0);
    }
    out.push_str("Tips:\n");
    for tip in tips {
        out.push_str(&format!("  - {tip}\n"));
    }
    super::print_text(&out)?;
    Ok(0)
}
