//! The suggested responsible department of a case (归口报送, 属地管理): an
//! ordered table of rules from the config; the first rule whose conditions
//! all hold names the department, else the default.

use serde::{Deserialize, Serialize};

use super::Case;
use crate::classify::Category;

/// One routing rule. Every condition given must hold; within a condition,
/// any listed value is enough.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// The department this rule routes to.
    pub department: String,
    /// Any of these categories.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Any of these regions (canonical names from `regions.txt`).
    #[serde(default)]
    pub regions: Vec<String>,
    /// Any of these matched terms (e.g. 城管, 医院, 学校).
    #[serde(default)]
    pub terms: Vec<String>,
}

impl Route {
    fn matches(&self, case: &Case) -> bool {
        (self.categories.is_empty() || self.categories.iter().any(|c| case.categories.contains(c)))
            && (self.regions.is_empty() || self.regions.iter().any(|r| case.regions.contains(r)))
            && (self.terms.is_empty() || self.terms.iter().any(|t| case.top_terms.contains(t)))
    }
}

/// The routing table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routing {
    /// Department when no rule matches (the government office, 政府办公室).
    #[serde(default)]
    pub default: Option<String>,
    /// Rules, tried in order.
    #[serde(default)]
    pub rules: Vec<Route>,
}

impl Routing {
    /// The suggested department for `case`.
    pub fn department(&self, case: &Case) -> Option<String> {
        self.rules
            .iter()
            .find(|r| r.matches(case))
            .map(|r| r.department.clone())
            .or_else(|| self.default.clone())
    }

    /// Problems an operator must fix, as `routing.rules[N]: …`.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.default.as_ref().is_some_and(|d| d.trim().is_empty()) {
            out.push("routing.default: the department name is empty".to_string());
        }
        for (i, r) in self.rules.iter().enumerate() {
            if r.department.trim().is_empty() {
                out.push(format!("routing.rules[{i}]: the department name is empty"));
            }
            if r.categories.is_empty() && r.regions.is_empty() && r.terms.is_empty() {
                out.push(format!(
                    "routing.rules[{i}] ({}): no condition, so every later rule is unreachable; use routing.default instead",
                    r.department
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_matching_rule_wins_then_default() {
        let routing = Routing {
            default: Some("市政府办公室".into()),
            rules: vec![
                Route {
                    department: "如东县人民政府".into(),
                    regions: vec!["如东县".into()],
                    categories: vec![Category::Emergency],
                    ..Default::default()
                },
                Route {
                    department: "市应急管理局".into(),
                    categories: vec![Category::Emergency],
                    ..Default::default()
                },
            ],
        };
        let mut case: Case = serde_json::from_value(serde_json::json!({
            "id": 1, "title": "t", "categories": ["emergency"], "flags": [],
            "regions": ["如东县"], "severity": "III", "severity_reasons": [],
            "severity_override": null, "categories_overridden": false,
            "first_seen": "2026-11-22T00:00:00Z", "last_seen": "2026-11-22T00:00:00Z",
            "item_count": 1, "sources": ["s"], "top_terms": ["爆炸"], "simhash": 0,
            "department": null, "deadlines": {}, "status": "new",
            "assignment": null, "response": null, "history": []
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(routing.department(&case).as_deref(), Some("如东县人民政府"));
        case.regions.clear();
        assert_eq!(routing.department(&case).as_deref(), Some("市应急管理局"));
        case.categories = vec![Category::Policy];
        assert_eq!(routing.department(&case).as_deref(), Some("市政府办公室"));
        assert!(routing.problems().is_empty());
    }
}
