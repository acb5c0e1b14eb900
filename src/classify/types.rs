//! The plain types classification produces: categories, flags, severity.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The five priority categories of 国办发〔2016〕61号 (DOMAIN.md a–e).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// (a) 对政府及其部门重大政策措施存在误解误读的.
    Policy,
    /// (b) 涉及公众切身利益且产生较大影响的.
    Interest,
    /// (c) 涉及民生领域严重冲击社会道德底线的.
    Morality,
    /// (d) 涉及突发事件处置和自然灾害应对的.
    Emergency,
    /// (e) 上级政府要求下级政府主动回应的.
    Directive,
}

impl Category {
    /// All categories, in the documents' order.
    pub const ALL: [Category; 5] = [
        Category::Policy,
        Category::Interest,
        Category::Morality,
        Category::Emergency,
        Category::Directive,
    ];

    /// The fixed slug used in files, JSON and the API.
    pub fn slug(self) -> &'static str {
        match self {
            Category::Policy => "policy",
            Category::Interest => "interest",
            Category::Morality => "morality",
            Category::Emergency => "emergency",
            Category::Directive => "directive",
        }
    }

    /// The category from its slug.
    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == s)
    }

    /// The documents' own name for the category.
    pub fn label_zh(self) -> &'static str {
        match self {
            Category::Policy => "重大政策误解误读",
            Category::Interest => "公众切身利益",
            Category::Morality => "冲击社会道德底线",
            Category::Emergency => "突发事件和自然灾害",
            Category::Directive => "上级要求主动回应",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// Flags that change how a case is handled, beside its categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Flag {
    /// 造谣传谣: respond, and hand the clues to the police and the internet
    /// regulator.
    Rumor,
    /// 紧急交办: major emergencies, mass incidents, hidden dangers to life and
    /// property; handed over by phone first.
    Urgent,
}

impl Flag {
    /// All flags.
    pub const ALL: [Flag; 2] = [Flag::Rumor, Flag::Urgent];

    /// The fixed slug used in files, JSON and the API.
    pub fn slug(self) -> &'static str {
        match self {
            Flag::Rumor => "rumor",
            Flag::Urgent => "urgent",
        }
    }

    /// The flag from its slug.
    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.slug() == s)
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// Severity levels (分级). Ordered from least to most severe, so `max` picks
/// the graver one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// IV 一般 (general).
    IV,
    /// III 较大 (large).
    III,
    /// II 重大 (major).
    II,
    /// I 特别重大 (especially major).
    I,
}

impl Severity {
    /// All levels, least severe first.
    pub const ALL: [Severity; 4] = [Severity::IV, Severity::III, Severity::II, Severity::I];

    /// Roman numeral, as used in JSON.
    pub fn roman(self) -> &'static str {
        match self {
            Severity::I => "I",
            Severity::II => "II",
            Severity::III => "III",
            Severity::IV => "IV",
        }
    }

    /// The Chinese name of the level.
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::I => "特别重大",
            Severity::II => "重大",
            Severity::III => "较大",
            Severity::IV => "一般",
        }
    }

    /// Parses `I`–`IV` (any case, also Ⅰ–Ⅳ) or the Chinese names.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Some(match s.to_ascii_uppercase().as_str() {
            "I" | "Ⅰ" | "1" | "特别重大" => Severity::I,
            "II" | "Ⅱ" | "2" | "重大" => Severity::II,
            "III" | "Ⅲ" | "3" | "较大" => Severity::III,
            "IV" | "Ⅳ" | "4" | "一般" => Severity::IV,
            _ => return None,
        })
    }

    /// The level `steps` more severe, capped at I.
    pub fn raised(self, steps: u8) -> Self {
        let idx = Self::ALL.iter().position(|&l| l == self).unwrap_or(0);
        Self::ALL[(idx + steps as usize).min(Self::ALL.len() - 1)]
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.roman())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_orders_and_raises() {
        assert!(Severity::I > Severity::II && Severity::III > Severity::IV);
        assert_eq!(Severity::IV.raised(1), Severity::III);
        assert_eq!(Severity::II.raised(5), Severity::I);
        assert_eq!(Severity::parse("较大"), Some(Severity::III));
        assert_eq!(Severity::parse("iv"), Some(Severity::IV));
        assert_eq!(serde_json::to_string(&Severity::III).unwrap(), "\"III\"");
    }

    #[test]
    fn slugs_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_slug(c.slug()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), c.slug());
        }
        for f in Flag::ALL {
            assert_eq!(Flag::from_slug(f.slug()), Some(f));
        }
    }
}
