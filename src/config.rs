//! The daemon's configuration file (`config/yuqing.toml` by default): where
//! the store and keyword lists are, the API's address and tokens, and the
//! routing table. Relative paths are relative to the config file, so a
//! config works whatever the working directory.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cases::Routing;

/// The file `yuqing run` reads when `--config` is not given.
pub const DEFAULT_CONFIG: &str = "config/yuqing.toml";

/// Errors loading a config, each naming the file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML or has unknown or mistyped keys.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// toml's message, with line and column.
        message: String,
    },
    /// The file parses but some values are unusable.
    #[error("{path}: {}", problems.join("\n"))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// One line per problem, each naming its key.
        problems: Vec<String>,
    },
}

/// The whole configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Directory of the sled store.
    #[serde(default = "default_store")]
    pub store: PathBuf,
    /// Directory of keyword lists.
    #[serde(default = "default_keywords")]
    pub keywords: PathBuf,
    /// The HTTP API.
    #[serde(default)]
    pub api: ApiConfig,
    /// Suggested departments.
    #[serde(default)]
    pub routing: Routing,
    /// The HTTP client's politeness and limits.
    #[serde(default)]
    pub fetch: crate::fetch::FetchConfig,
    /// Polling.
    #[serde(default)]
    pub scheduler: crate::daemon::SchedulerConfig,
    /// What to watch.
    #[serde(default)]
    pub sources: Vec<crate::sources::SourceConfig>,
    /// Where alerts go.
    #[serde(default)]
    pub alerts: crate::alerts::AlertsConfig,
    /// The reports: the office's name, the scheduled daily log.
    #[serde(default)]
    pub reports: ReportsConfig,
}

/// The reports' settings (`[reports]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportsConfig {
    /// The office named in every report's title block (发文机关).
    #[serde(default = "default_office")]
    pub office: String,
    /// Where the scheduled daily logs are written; default: `reports`
    /// beside the store's directory ([`Config::reports_dir`]).
    #[serde(default)]
    pub dir: Option<PathBuf>,
    /// When the daily log is written: a 5-field crontab in Beijing time
    /// (`0 8 * * *`). Off when absent.
    #[serde(default)]
    pub daily_schedule: Option<String>,
}

impl Default for ReportsConfig {
    fn default() -> Self {
        ReportsConfig {
            office: default_office(),
            dir: None,
            daily_schedule: None,
        }
    }
}

fn default_office() -> String {
    "市人民政府办公室".into()
}

fn default_store() -> PathBuf {
    PathBuf::from("../data/store")
}

fn default_keywords() -> PathBuf {
    PathBuf::from("../keywords")
}

/// The HTTP API's settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    /// Address to listen on; loopback unless you mean otherwise.
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// Largest request body accepted, in bytes.
    #[serde(default = "default_body_limit")]
    pub body_limit: usize,
    /// Bearer tokens.
    #[serde(default)]
    pub tokens: Vec<TokenConfig>,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            listen: default_listen(),
            body_limit: default_body_limit(),
            tokens: Vec::new(),
        }
    }
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8700))
}

fn default_body_limit() -> usize {
    1 << 20
}

/// What a token may do. Each role includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Read cases, items, statistics and changes.
    Viewer,
    /// Also act on cases and enter items.
    Analyst,
    /// Everything, including administration.
    Admin,
}

impl Role {
    /// The name used in config and messages.
    pub fn name(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Analyst => "analyst",
            Role::Admin => "admin",
        }
    }
}

/// One bearer token. Its `name` is the actor recorded in case histories.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenConfig {
    /// Who uses it (a person or a tool); recorded as the actor.
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// The secret itself…
    #[serde(default, skip_serializing)]
    pub token: Option<String>,
    /// …or the environment variable holding it (keeps secrets out of
    /// files). With both, the variable wins when it is set, so one config
    /// serves development (the bundled tokens) and a deployment (secrets
    /// from the environment).
    #[serde(default)]
    pub token_env: Option<String>,
}

/// The tokens of the bundled `config/yuqing.toml`, published in the
/// repository: fine on loopback for a first try, refused anywhere else.
pub const BUNDLED_TOKENS: [&str; 3] = [
    "dev-viewer-token-0001",
    "dev-analyst-token-0001",
    "dev-admin-token-00001",
];

/// Tokens shorter than this are refused: they can be guessed.
pub const MIN_TOKEN_LEN: usize = 16;

/// A token resolved from config or environment.
#[derive(Debug, Clone)]
pub struct Token {
    /// Who uses it.
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// The secret.
    pub secret: String,
}

impl Config {
    /// Reads, parses and validates `path`; relative paths in it become
    /// relative to its directory.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config = Config::parse(&text).map_err(|message| ConfigError::Parse {
            path: path.to_path_buf(),
            message,
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        config.store = clean(&base.join(&config.store));
        config.keywords = clean(&base.join(&config.keywords));
        if let Some(dir) = &config.reports.dir {
            config.reports.dir = Some(clean(&base.join(dir)));
        }
        for s in &mut config.sources {
            if let Some(p) = &s.seed {
                s.seed = Some(clean(&base.join(p)));
            }
            if let Some(p) = &s.path {
                s.path = Some(clean(&base.join(p)));
            }
        }
        let problems = config.problems();
        if !problems.is_empty() {
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                problems,
            });
        }
        Ok(config)
    }

    /// Parses config text (paths left as written).
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())
    }

    /// Problems an operator must fix, one line each, naming the key.
    pub fn problems(&self) -> Vec<String> {
        let mut out = self.routing.problems();
        out.extend(crate::sources::problems(&self.sources));
        out.extend(self.alerts.problems());
        if self.reports.office.trim().is_empty() {
            out.push("reports.office is empty; name the office that files the reports".into());
        }
        if let Some(expr) = &self.reports.daily_schedule
            && let Err(e) = crate::sources::schedule::parse_crontab(expr)
        {
            out.push(format!("reports.daily_schedule: {e}"));
        }
        if self.scheduler.max_concurrent_polls == 0 {
            out.push("scheduler.max_concurrent_polls must be at least 1".into());
        }
        if self.fetch.max_feed_entries == 0 {
            out.push("fetch.max_feed_entries must be at least 1".into());
        }
        if self.fetch.max_body_bytes < 1024 {
            out.push("fetch.max_body_bytes is too small; use at least 1024".into());
        }
        if self.api.body_limit < 1024 {
            out.push(format!(
                "api.body_limit: {} bytes is too small for any request; use at least 1024",
                self.api.body_limit
            ));
        }
        let mut names: Vec<&str> = Vec::new();
        for (i, t) in self.api.tokens.iter().enumerate() {
            let key = format!("api.tokens[{i}] ({})", t.name);
            if t.name.trim().is_empty() {
                out.push(format!("api.tokens[{i}]: name is empty"));
            }
            if names.contains(&t.name.as_str()) {
                out.push(format!("{key}: the name is used twice"));
            }
            names.push(&t.name);
            let set_var = t
                .token_env
                .as_ref()
                .map(|v| format!("; set {v}"))
                .unwrap_or_default();
            match (&t.token, &t.token_env) {
                (None, None) => out.push(format!("{key}: give token or token_env")),
                _ => match t.resolve() {
                    Err(e) => out.push(format!("{key}: {e}")),
                    Ok(secret) if secret.chars().count() < MIN_TOKEN_LEN => out.push(format!(
                        "{key}: the token is shorter than {MIN_TOKEN_LEN} characters"
                    )),
                    Ok(secret)
                        if BUNDLED_TOKENS.contains(&secret.as_str())
                            && !self.api.listen.ip().is_loopback() =>
                    {
                        out.push(format!(
                            "{key}: this is a development token published with yuqing; set your own before listening on {}{set_var}",
                            self.api.listen
                        ))
                    }
                    Ok(_) => {}
                },
            }
        }
        let secrets: Vec<String> = self
            .api
            .tokens
            .iter()
            .filter_map(|t| t.resolve().ok())
            .collect();
        for (i, s) in secrets.iter().enumerate() {
            if secrets[..i].contains(s) {
                out.push("api.tokens: two tokens have the same secret".to_string());
                break;
            }
        }
        out
    }

    /// The usable tokens (those [`Config::problems`] did not reject).
    pub fn tokens(&self) -> Vec<Token> {
        self.api
            .tokens
            .iter()
            .filter_map(|t| {
                t.resolve().ok().map(|secret| Token {
                    name: t.name.clone(),
                    role: t.role,
                    secret,
                })
            })
            .collect()
    }
}

/// `config/../keywords` → `keywords`: paths read better in messages (rule
/// locations are shown as `keywords/emergency.txt:13`). Lexical only, like
/// the operator wrote it.
fn clean(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.is_empty() {
        PathBuf::from(".")
    } else {
        out.iter().collect()
    }
}

impl Config {
    /// Where the scheduled daily logs go: `reports.dir`, else `reports`
    /// beside the store (`data/store` → `data/reports`), so a store moved
    /// elsewhere takes its reports along.
    pub fn reports_dir(&self) -> PathBuf {
        self.reports.dir.clone().unwrap_or_else(|| {
            self.store
                .parent()
                .unwrap_or(Path::new("."))
                .join("reports")
        })
    }

    /// The base of case links in alerts: `alerts.public_url`, else the
    /// API's own address.
    pub fn public_url(&self) -> String {
        self.alerts
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.api.listen))
    }
}

impl TokenConfig {
    fn resolve(&self) -> Result<String, String> {
        let from_env = self
            .token_env
            .as_ref()
            .and_then(|var| std::env::var(var).ok())
            .filter(|v| !v.trim().is_empty());
        if let Some(v) = from_env {
            return Ok(v.trim().to_string());
        }
        match (&self.token, &self.token_env) {
            (Some(t), _) => Ok(t.trim().to_string()),
            (None, Some(var)) => std::env::var(var)
                .map(|v| v.trim().to_string())
                .map_err(|_| format!("the environment variable {var} is not set")),
            (None, None) => Err("no token".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_reports_every_problem_by_key() {
        let c = Config::parse(
            r#"
            [api]
            listen = "127.0.0.1:9000"
            [[api.tokens]]
            name = "a"
            role = "analyst"
            token = "short"
            [[api.tokens]]
            name = "a"
            role = "viewer"
            [routing]
            default = "市政府办公室"
            [[routing.rules]]
            department = "市应急管理局"
            "#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let p = c.problems().join("\n");
        assert!(p.contains("api.tokens[0] (a): the token is shorter"), "{p}");
        assert!(
            p.contains("api.tokens[1] (a): the name is used twice"),
            "{p}"
        );
        assert!(
            p.contains("api.tokens[1] (a): give token or token_env"),
            "{p}"
        );
        assert!(
            p.contains("routing.rules[0] (市应急管理局): no condition"),
            "{p}"
        );
    }

    #[test]
    fn relative_paths_are_cleaned() {
        assert_eq!(
            clean(Path::new("config/../keywords")),
            PathBuf::from("keywords")
        );
        assert_eq!(clean(Path::new("./config/../../x")), PathBuf::from("../x"));
        assert_eq!(
            clean(Path::new("/etc/yuqing/../data")),
            PathBuf::from("/etc/data")
        );
        assert_eq!(clean(Path::new("config/..")), PathBuf::from("."));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let e = Config::parse("[api]\nlisten = \"127.0.0.1:1\"\nlisen = 3\n")
            .err()
            .unwrap_or_default();
        assert!(e.contains("line 3") && e.contains("lisen"), "{e}");
        let e = Config::parse("[api]\nlisten = \"nowhere\"\n")
            .err()
            .unwrap_or_default();
        assert!(e.contains("line 2"), "{e}");
    }
}
