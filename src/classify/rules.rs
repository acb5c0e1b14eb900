//! Keyword lists: the plain-text files operators edit (`keywords/*.txt`),
//! parsed into [`RuleSet`]. The format is documented in `keywords/README.md`.
//!
//! Parsing never stops at the first mistake: every problem in every file is
//! collected with its `file:line`, so `yuqing check` reports them all at once.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::model::Model;
use super::types::{Category, Flag, Severity};
use crate::text::Normalizer;

/// The learned model's file in a keyword directory (optional).
pub const MODEL_FILE: &str = "model.tsv";

/// Which list a keyword file is; decided by its file name (or `@kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    /// Rules for one of the five categories (`policy.txt` …).
    Category(Category),
    /// 地域词: places of the jurisdiction (`regions.txt`).
    Regions,
    /// Severity triggers (`severity.txt`), each rule under an `@level`.
    Severity,
    /// Places abroad and foreign datelines (`abroad.txt`): an event abroad
    /// is not flagged for a local office unless the list says `@scope all`.
    Abroad,
    /// A flag list (`rumor.txt`, `urgent.txt`).
    Flag(Flag),
}

impl ListKind {
    /// The kind named `name` (a file stem or an `@kind` value).
    pub fn from_name(name: &str) -> Option<Self> {
        if let Some(c) = Category::from_slug(name) {
            return Some(ListKind::Category(c));
        }
        if let Some(f) = Flag::from_slug(name) {
            return Some(ListKind::Flag(f));
        }
        match name {
            "regions" => Some(ListKind::Regions),
            "severity" => Some(ListKind::Severity),
            "abroad" => Some(ListKind::Abroad),
            _ => None,
        }
    }

    /// The name used in file names and summaries.
    pub fn name(self) -> &'static str {
        match self {
            ListKind::Category(c) => c.slug(),
            ListKind::Flag(f) => f.slug(),
            ListKind::Regions => "regions",
            ListKind::Severity => "severity",
            ListKind::Abroad => "abroad",
        }
    }
}

/// What a severity rule does to the guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelEffect {
    /// The guess is at least this level (`@level II`).
    Floor(Severity),
    /// The guess is raised this many steps (`@level +1`).
    Raise(u8),
    /// How a matter reached a higher organ, or the office's own statement
    /// about it (`@level channel`): III for most items, not counted for a
    /// directive item, which follows the reach of its issue instead
    /// (JUDGEMENT.md: "a State Council or provincial-leader channel alone
    /// does not lift an item above III"; a single household's complaint
    /// forwarded from the provincial message board is IV).
    Channel,
}

impl LevelEffect {
    /// The level a channel rule sets for an item that is not a directive.
    pub const CHANNEL_LEVEL: Severity = Severity::III;
}

/// A place in a keyword file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it (e.g. `keywords/emergency.txt`).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One rule: every group must match (AND), any term of a group matches it
/// (OR), and no exclusion may appear anywhere in the item.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Where the rule is written.
    pub location: Location,
    /// Groups of alternative terms, normalized like the text they match.
    pub groups: Vec<Vec<String>>,
    /// Terms that veto the rule (排除词).
    pub excludes: Vec<String>,
    /// Contribution to the category score; a category fires at 1.0.
    pub weight: f32,
    /// For severity lists: what the rule does to the level.
    pub level: Option<LevelEffect>,
    /// Proximity: the groups must match close together (`near=N`,
    /// `near=sentence`), not just anywhere in the item.
    pub near: Option<Near>,
}

/// How close together the groups of a proximity rule must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Near {
    /// Every group within a window of this many characters (`near=20`).
    Chars(u32),
    /// Every group in one sentence (`near=sentence`, `near=句`).
    Sentence,
}

impl Rule {
    /// The rule's name: its first term (a region's canonical name).
    pub fn name(&self) -> &str {
        self.groups
            .first()
            .and_then(|g| g.first())
            .map_or("", String::as_str)
    }
}

/// One parsed keyword file.
#[derive(Debug, Clone)]
pub struct KeywordList {
    /// The file as the user named it.
    pub file: String,
    /// Which list it is.
    pub kind: ListKind,
    /// File-wide exclusions (`@exclude`): any of them vetoes every rule here.
    pub excludes: Vec<String>,
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// For the abroad list: `@scope all` flags events abroad too (with a
    /// reason saying so); the default, `@scope local`, does not flag them.
    pub scope_all: bool,
}

/// How bad a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The list cannot be used.
    Error,
    /// Probably a mistake, but the list works.
    Warning,
}

/// A mistake or doubt in a keyword file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File, and line when the problem is on one.
    pub file: String,
    /// 1-based line, or 0 for the whole file.
    pub line: usize,
    /// Error or warning.
    pub level: Level,
    /// What is wrong, and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        if self.line > 0 {
            write!(f, "{}:{}: {tag}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {tag}: {}", self.file, self.message)
        }
    }
}

/// The keyword lists failed to load; holds every error found.
#[derive(Debug, thiserror::Error)]
pub struct RuleErrors {
    /// All problems found, errors and warnings.
    pub problems: Vec<Problem>,
}

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<&Problem> = self
            .problems
            .iter()
            .filter(|p| p.level == Level::Error)
            .collect();
        write!(f, "{} error(s) in keyword lists", errors.len())?;
        for p in errors {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

/// All keyword lists of a directory, parsed and valid.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// The lists, ordered by file name.
    pub lists: Vec<KeywordList>,
    /// Warnings found while loading.
    pub warnings: Vec<Problem>,
    /// The learned category model (`model.tsv` of the directory), if any.
    pub model: Option<Arc<Model>>,
}

impl RuleSet {
    /// Loads every `*.txt` file of `dir`. Fails with all errors of all files.
    pub fn load_dir(dir: &Path, normalizer: &Normalizer) -> Result<RuleSet, RuleErrors> {
        let label = dir.display().to_string();
        let fail = |message: String| RuleErrors {
            problems: vec![Problem {
                file: label.clone(),
                line: 0,
                level: Level::Error,
                message,
            }],
        };
        let entries = std::fs::read_dir(dir)
            .map_err(|e| fail(format!("cannot read the keyword directory: {e}")))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(fail("no keyword lists (*.txt) found".into()));
        }
        let mut files = Vec::new();
        for path in paths {
            let name = path.display().to_string();
            match std::fs::read(&path) {
                Ok(bytes) => files.push((name, bytes)),
                Err(e) => {
                    return Err(RuleErrors {
                        problems: vec![Problem {
                            file: name,
                            line: 0,
                            level: Level::Error,
                            message: format!("cannot read: {e}"),
                        }],
                    });
                }
            }
        }
        let mut set = Self::from_files(files, normalizer)?;
        let model_path = dir.join(MODEL_FILE);
        match std::fs::read(&model_path) {
            Ok(bytes) => {
                let name = model_path.display().to_string();
                let mut problems = Vec::new();
                match Model::parse(&name, &bytes, normalizer, &mut problems) {
                    Some(model) => set.model = Some(Arc::new(model)),
                    None => return Err(RuleErrors { problems }),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(RuleErrors {
                    problems: vec![Problem {
                        file: model_path.display().to_string(),
                        line: 0,
                        level: Level::Error,
                        message: format!("cannot read: {e}"),
                    }],
                });
            }
        }
        Ok(set)
    }

    /// Builds a rule set from `(file name, contents)` pairs.
    pub fn from_files(
        files: Vec<(String, Vec<u8>)>,
        normalizer: &Normalizer,
    ) -> Result<RuleSet, RuleErrors> {
        let mut problems = Vec::new();
        let mut lists = Vec::new();
        for (name, bytes) in files {
            if let Some(list) = parse_file(&name, &bytes, normalizer, &mut problems) {
                lists.push(list);
            }
        }
        for c in Category::ALL {
            if !lists.iter().any(|l| l.kind == ListKind::Category(c)) {
                problems.push(Problem {
                    file: "keywords".into(),
                    line: 0,
                    level: Level::Warning,
                    message: format!(
                        "no list for category '{}' ({}): it can never be assigned",
                        c.slug(),
                        c.label_zh()
                    ),
                });
            }
        }
        if problems.iter().any(|p| p.level == Level::Error) {
            return Err(RuleErrors { problems });
        }
        Ok(RuleSet {
            lists,
            warnings: problems,
            model: None,
        })
    }

    /// Every distinct term of every list (for the segmenter's dictionary).
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.lists.iter().flat_map(|l| {
            l.excludes
                .iter()
                .map(String::as_str)
                .chain(l.rules.iter().flat_map(|r| {
                    r.groups
                        .iter()
                        .flatten()
                        .chain(r.excludes.iter())
                        .map(String::as_str)
                }))
        })
    }
}

/// Kind from a file name: the stem up to the first `-`, `_` or `.`
/// (`emergency.txt`, `emergency-local.txt` and `emergency_2026.txt` are all
/// emergency lists).
fn kind_from_file_name(file: &str) -> Option<ListKind> {
    let stem = Path::new(file).file_stem()?.to_str()?;
    let head = stem.split(['-', '_', '.']).next()?;
    ListKind::from_name(&head.to_ascii_lowercase())
}

/// Parses one keyword file; pushes its problems and returns the list unless
/// its kind is unknown.
pub fn parse_file(
    file: &str,
    bytes: &[u8],
    normalizer: &Normalizer,
    problems: &mut Vec<Problem>,
) -> Option<KeywordList> {
    let mut list = KeywordList {
        file: file.to_string(),
        kind: kind_from_file_name(file).unwrap_or(ListKind::Regions),
        excludes: Vec::new(),
        rules: Vec::new(),
        scope_all: false,
    };
    let mut kind_known = kind_from_file_name(file).is_some();
    let mut level: Option<LevelEffect> = None;
    // A rule's identity, for the "same rule as line N" warning.
    type RuleKey = (Vec<Vec<String>>, Vec<String>, Option<Near>);
    let mut seen: HashMap<RuleKey, usize> = HashMap::new();
    let problem = |line: usize, level: Level, message: String| Problem {
        file: file.to_string(),
        line,
        level,
        message,
    };

    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for (idx, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = idx + 1;
        let Ok(raw) = std::str::from_utf8(raw) else {
            problems.push(problem(
                line_no,
                Level::Error,
                "not valid UTF-8: save the file as UTF-8 (GBK and other encodings are not read)"
                    .into(),
            ));
            continue;
        };
        // Operators type with Chinese input methods: fold ＋｜（）＃ and
        // Traditional characters the same way the matched text is folded.
        let line = normalizer.normalize(raw);
        let line = strip_comment(&line).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(directive) = line.strip_prefix('@') {
            let (name, value) = directive
                .split_once(char::is_whitespace)
                .map_or((directive, ""), |(n, v)| (n, v.trim()));
            match name {
                "kind" => {
                    if !list.rules.is_empty() || !list.excludes.is_empty() {
                        problems.push(problem(
                            line_no,
                            Level::Error,
                            "@kind must come before any rule".into(),
                        ));
                    } else if let Some(k) = ListKind::from_name(value) {
                        list.kind = k;
                        kind_known = true;
                    } else {
                        problems.push(problem(line_no, Level::Error, format!(
                            "unknown list kind '{value}': use one of policy, interest, morality, emergency, directive, regions, severity, rumor, urgent, abroad"
                        )));
                    }
                }
                "exclude" => match parse_alternatives(value) {
                    Ok(terms) => list.excludes.extend(terms),
                    Err(e) => {
                        problems.push(problem(line_no, Level::Error, format!("@exclude: {e}")))
                    }
                },
                "level" => {
                    if list.kind != ListKind::Severity {
                        problems.push(problem(
                            line_no,
                            Level::Error,
                            "@level is only allowed in the severity list".into(),
                        ));
                    } else {
                        match parse_level(value) {
                            Some(l) => level = Some(l),
                            None => problems.push(problem(line_no, Level::Error, format!(
                                "@level '{value}' is not a level: write I, II, III, IV (or 特别重大, 重大, 较大, 一般), +1/+2 to raise, or channel (渠道)"
                            ))),
                        }
                    }
                }
                "scope" => match (list.kind, value) {
                    (ListKind::Abroad, "local" | "本地") => list.scope_all = false,
                    (ListKind::Abroad, "all" | "全部") => list.scope_all = true,
                    (ListKind::Abroad, _) => problems.push(problem(
                        line_no,
                        Level::Error,
                        format!("@scope '{value}': write @scope local (events abroad are not flagged) or @scope all"),
                    )),
                    _ => problems.push(problem(
                        line_no,
                        Level::Error,
                        "@scope is only allowed in the abroad list".into(),
                    )),
                },
                other => problems.push(problem(
                    line_no,
                    Level::Error,
                    format!("unknown directive '@{other}': use @exclude, @level, @kind or @scope"),
                )),
            }
            continue;
        }
        if !kind_known {
            // Reported once, below; skip the rules.
            continue;
        }
        match parse_rule(line) {
            Ok((groups, excludes, weight, near)) => {
                if list.kind == ListKind::Severity && level.is_none() {
                    problems.push(problem(
                        line_no,
                        Level::Error,
                        "severity rule before any @level line: say which level it sets, e.g. '@level II'"
                            .into(),
                    ));
                    continue;
                }
                for term in groups.iter().flatten() {
                    // Quoting a single character ("狗") says it is deliberate
                    // (asked only of single characters: the search costs a
                    // string per term, a fifth of loading the lists).
                    let single = term.chars().count() == 1 && !term.is_ascii();
                    if single && !line.contains(&format!("\"{term}\"")) {
                        problems.push(problem(line_no, Level::Warning, format!(
                            "single-character term '{term}' matches only where it stands alone as a word; consider a two-character word, or quote it (\"{term}\") if that is what you mean"
                        )));
                    }
                }
                if near.is_some() && groups.len() < 2 {
                    problems.push(problem(
                        line_no,
                        Level::Warning,
                        "near= has no effect on a rule with one group: join two groups with '+'"
                            .into(),
                    ));
                }
                let key = (groups.clone(), excludes.clone(), near);
                if let Some(first) = seen.get(&key) {
                    problems.push(problem(
                        line_no,
                        Level::Warning,
                        format!("same rule as line {first}"),
                    ));
                } else {
                    seen.insert(key, line_no);
                }
                list.rules.push(Rule {
                    location: Location {
                        file: file.to_string(),
                        line: line_no,
                    },
                    groups,
                    excludes,
                    weight,
                    near,
                    level: if list.kind == ListKind::Severity {
                        level
                    } else {
                        None
                    },
                });
            }
            Err(e) => problems.push(problem(line_no, Level::Error, e)),
        }
    }
    if !kind_known {
        problems.push(problem(0, Level::Error, "cannot tell which list this is: name the file after its kind (policy, interest, morality, emergency, directive, regions, severity, rumor, urgent; e.g. emergency-local.txt) or put '@kind emergency' on its first line".into()));
        return None;
    }
    if list.rules.is_empty() {
        problems.push(problem(0, Level::Warning, "the list has no rules".into()));
    }
    Some(list)
}

/// Removes a `#` comment: at the start of the line, or after white space.
fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    let mut prev_space = false;
    let mut in_quotes = false;
    for (i, c) in line.char_indices() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        if c == '#' && prev_space && !in_quotes {
            return &line[..i];
        }
        prev_space = c.is_whitespace();
    }
    line
}

fn parse_level(value: &str) -> Option<LevelEffect> {
    if matches!(value, "channel" | "渠道") {
        return Some(LevelEffect::Channel);
    }
    if let Some(n) = value.strip_prefix('+') {
        return match n.trim().parse::<u8>() {
            Ok(n @ 1..=3) => Some(LevelEffect::Raise(n)),
            _ => None,
        };
    }
    Severity::parse(value).map(LevelEffect::Floor)
}

/// Most groups one rule may join with `+`.
const MAX_GROUPS: usize = 16;

type ParsedRule = (Vec<Vec<String>>, Vec<String>, f32, Option<Near>);

/// Largest `near=N` window, in characters.
const MAX_NEAR: u32 = 500;

/// Parses `A|B + C - D|E weight=2 near=10`.
fn parse_rule(line: &str) -> Result<ParsedRule, String> {
    let (body, near) = split_near(line)?;
    let (body, weight) = split_weight(body)?;
    let (body, near) = match near {
        Some(n) => (body, Some(n)),
        // Either order: `weight=0.5 near=8` or `near=8 weight=0.5`.
        None => split_near(body)?,
    };
    let parts = split_top(body, '-')?;
    let mut parts = parts.into_iter();
    let positive = parts.next().unwrap_or_default();
    if positive.trim().is_empty() {
        return Err(
            "the rule has no term before '-': write the words to match first, then '- exclusions'"
                .into(),
        );
    }
    let mut groups = Vec::new();
    let and_parts = split_top(&positive, '+')?;
    if and_parts.len() > MAX_GROUPS {
        return Err(format!(
            "{} groups joined with '+': at most {MAX_GROUPS} are allowed",
            and_parts.len()
        ));
    }
    for g in and_parts {
        groups.push(parse_group(&g).map_err(|e| format!("{e} (in '{}')", g.trim()))?);
    }
    let mut excludes = Vec::new();
    for g in parts {
        excludes.extend(parse_group(&g).map_err(|e| format!("after '-': {e}"))?);
    }
    Ok((groups, excludes, weight, near))
}

/// Splits a trailing `near=N` or `near=sentence` (also `邻近=N`, `邻近=句`).
fn split_near(line: &str) -> Result<(&str, Option<Near>), String> {
    let line = line.trim_end();
    let last_start = line.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let last = &line[last_start..];
    let Some(value) = last
        .strip_prefix("near=")
        .or_else(|| last.strip_prefix("邻近="))
    else {
        if last.starts_with("near") || last.starts_with("邻近") {
            return Err(format!(
                "'{last}' is not a proximity: write near=20 (characters) or near=sentence after the rule, with a space before it"
            ));
        }
        return Ok((line, None));
    };
    let near = match value {
        "sentence" | "句" | "一句" => Near::Sentence,
        v => match v.parse::<u32>() {
            Ok(n @ 1..=MAX_NEAR) => Near::Chars(n),
            _ => {
                return Err(format!(
                    "near '{v}' must be a number of characters from 1 to {MAX_NEAR}, or 'sentence'"
                ));
            }
        },
    };
    Ok((&line[..last_start], Some(near)))
}

/// Splits a trailing `weight=N` (also `权重=N`).
fn split_weight(line: &str) -> Result<(&str, f32), String> {
    let line = line.trim_end();
    let last_start = line.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let last = &line[last_start..];
    let value = last
        .strip_prefix("weight=")
        .or_else(|| last.strip_prefix("权重="));
    match value {
        None => {
            if last.contains("weight") || last.contains("权重") {
                return Err(format!(
                    "'{last}' is not a weight: write weight=0.5 after the rule, with a space before it"
                ));
            }
            Ok((line, 1.0))
        }
        Some(v) => match v.parse::<f32>() {
            Ok(w) if w > 0.0 && w <= 100.0 => Ok((&line[..last_start], w)),
            _ => Err(format!(
                "weight '{v}' must be a number above 0 and at most 100"
            )),
        },
    }
}

/// Splits on `op` outside quotes and parentheses; checks balance.
fn split_top(s: &str, op: char) -> Result<Vec<String>, String> {
    let mut parts = vec![String::new()];
    let mut depth = 0i32;
    let mut in_quotes = false;
    for c in s.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '(' if !in_quotes => depth += 1,
            ')' if !in_quotes => {
                depth -= 1;
                if depth < 0 {
                    return Err("')' without a matching '('".into());
                }
            }
            _ => {}
        }
        if c == op && depth == 0 && !in_quotes {
            parts.push(String::new());
        } else if let Some(p) = parts.last_mut() {
            p.push(c);
        }
    }
    if in_quotes {
        return Err("a '\"' is not closed".into());
    }
    if depth != 0 {
        return Err("a '(' is not closed".into());
    }
    Ok(parts)
}

/// Parses one group: `A|B|C`, optionally in parentheses.
fn parse_group(g: &str) -> Result<Vec<String>, String> {
    let g = g.trim();
    let inner = match g.strip_prefix('(') {
        Some(rest) => rest
            .strip_suffix(')')
            .ok_or_else(|| format!("'{g}': text after ')'"))?,
        None => g,
    };
    if inner.contains(['(', ')']) && !inner.contains('"') {
        return Err("parentheses cannot be nested".into());
    }
    parse_alternatives(inner)
}

/// Parses `A|B|C` (also separated by `,` or `、`): terms, unquoted or "quoted".
fn parse_alternatives(s: &str) -> Result<Vec<String>, String> {
    let mut terms = Vec::new();
    let mut cur = String::new();
    let mut in_quotes = false;
    let mut quoted = false;
    let mut finish = |cur: &mut String, quoted: &mut bool| -> Result<(), String> {
        let t = if *quoted { cur.as_str() } else { cur.trim() };
        if t.is_empty() {
            return Err("empty term: two separators in a row, or one at an end".into());
        }
        if !*quoted && t.contains(char::is_whitespace) {
            return Err(format!(
                "'{t}' has a space between words: write A|B for either word, A+B for both, or \"A B\" for the phrase"
            ));
        }
        terms.push(t.to_string());
        cur.clear();
        *quoted = false;
        Ok(())
    };
    for c in s.chars() {
        if c == '"' {
            if !in_quotes && !cur.trim().is_empty() {
                return Err("a '\"' in the middle of a term".into());
            }
            in_quotes = !in_quotes;
            if in_quotes {
                cur.clear();
            }
            quoted = true;
            continue;
        }
        if !in_quotes && matches!(c, '|' | ',' | '、') {
            finish(&mut cur, &mut quoted)?;
        } else if quoted && !in_quotes {
            // After a closing quote only white space may follow.
            if !c.is_whitespace() {
                return Err("text after a closing '\"'".into());
            }
        } else {
            cur.push(c);
        }
    }
    if in_quotes {
        return Err("a '\"' is not closed".into());
    }
    finish(&mut cur, &mut quoted)?;
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, text: &str) -> (Option<KeywordList>, Vec<Problem>) {
        let mut problems = Vec::new();
        let n = Normalizer::shared().unwrap();
        let list = parse_file(name, text.as_bytes(), n, &mut problems);
        (list, problems)
    }

    fn errors(problems: &[Problem]) -> Vec<String> {
        problems
            .iter()
            .filter(|p| p.level == Level::Error)
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn parses_or_and_exclusions_weight_and_comments() {
        let text = "# 注释\n@exclude 演练|演习\n爆炸|爆燃   # 行尾注释\n学校|幼儿园 + 食物中毒 - 谣言 weight=2\n(欠薪)+(农民工|工人)\n";
        let (list, problems) = parse("kw/emergency.txt", text);
        assert!(errors(&problems).is_empty(), "{problems:?}");
        let list = list.unwrap();
        assert_eq!(list.kind, ListKind::Category(Category::Emergency));
        assert_eq!(list.excludes, vec!["演练", "演习"]);
        assert_eq!(list.rules.len(), 3);
        assert_eq!(list.rules[0].groups, vec![vec!["爆炸", "爆燃"]]);
        assert_eq!(list.rules[0].location.to_string(), "kw/emergency.txt:3");
        assert_eq!(
            list.rules[1].groups,
            vec![vec!["学校", "幼儿园"], vec!["食物中毒"]]
        );
        assert_eq!(list.rules[1].excludes, vec!["谣言"]);
        assert_eq!(list.rules[1].weight, 2.0);
        assert_eq!(
            list.rules[2].groups,
            vec![vec!["欠薪"], vec!["农民工", "工人"]]
        );
    }

    #[test]
    fn full_width_operators_traditional_and_chinese_separators_work() {
        let (list, problems) = parse(
            "interest.txt",
            "拖欠工資｜欠薪、討薪 ＋ 農民工\n\"covid-19\"|\"wi fi\"\n",
        );
        assert!(errors(&problems).is_empty(), "{problems:?}");
        let list = list.unwrap();
        assert_eq!(
            list.rules[0].groups,
            vec![vec!["拖欠工资", "欠薪", "讨薪"], vec!["农民工"]]
        );
        assert_eq!(list.rules[1].groups, vec![vec!["covid-19", "wi fi"]]);
    }

    #[test]
    fn reports_every_error_with_file_and_line() {
        let text = "爆炸||火灾\n+死亡\n爆炸 火灾\n@levle II\n(火灾\n事故 weight=abc\n死亡 -\n好\n";
        let (_, problems) = parse("keywords/emergency.txt", text);
        let errs = errors(&problems);
        let lines: Vec<usize> = problems
            .iter()
            .filter(|p| p.level == Level::Error)
            .map(|p| p.line)
            .collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5, 6, 7], "{errs:#?}");
        assert!(errs[0].starts_with("keywords/emergency.txt:1: error: "));
        assert!(errs[2].contains("A|B"), "{}", errs[2]);
        assert!(
            problems
                .iter()
                .any(|p| p.level == Level::Warning && p.line == 8)
        );
    }

    #[test]
    fn quoted_single_characters_are_deliberate() {
        let (_, problems) = parse("morality.txt", "摔死 + \"狗\"|猫\n");
        let warned: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(warned.len(), 1, "{warned:?}");
        assert!(warned[0].contains("'猫'"));
    }

    #[test]
    fn severity_lists_need_levels() {
        let (list, problems) = parse(
            "severity.txt",
            "特别重大\n@level II\n重大事故\n@level +1\n央视+曝光\n@level V\n@level 渠道\n领导留言板\n",
        );
        let lines: Vec<usize> = problems
            .iter()
            .filter(|p| p.level == Level::Error)
            .map(|p| p.line)
            .collect();
        assert_eq!(lines, vec![1, 6]);
        let list = list.unwrap();
        assert_eq!(list.rules[0].level, Some(LevelEffect::Floor(Severity::II)));
        assert_eq!(list.rules[1].level, Some(LevelEffect::Raise(1)));
        assert_eq!(list.rules[2].level, Some(LevelEffect::Channel));
    }

    #[test]
    fn unknown_file_kind_is_an_error_unless_declared() {
        let (list, problems) = parse("misc.txt", "爆炸\n");
        assert!(list.is_none());
        assert!(errors(&problems)[0].contains("cannot tell which list"));
        let (list, problems) = parse("misc.txt", "@kind emergency\n爆炸\n");
        assert!(errors(&problems).is_empty());
        assert_eq!(list.unwrap().kind, ListKind::Category(Category::Emergency));
        let (list, _) = parse("emergency-local.txt", "爆炸\n");
        assert_eq!(list.unwrap().kind, ListKind::Category(Category::Emergency));
    }

    #[test]
    fn invalid_utf8_is_reported_per_line() {
        let mut problems = Vec::new();
        let n = Normalizer::shared().unwrap();
        let bytes = b"\xEF\xBB\xBF\xE7\x88\x86\xE7\x82\xB8\n\xB1\xAC\xD5\xA8\n".to_vec();
        let list = parse_file("emergency.txt", &bytes, n, &mut problems).unwrap();
        assert_eq!(list.rules.len(), 1);
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].message.contains("UTF-8"));
    }
}
