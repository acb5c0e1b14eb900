//! Response deadlines (回应时限) from a case's first sighting.
//!
//! 特别重大 and 重大 emergencies: authoritative information within 5 hours and
//! a press conference within 24 hours (Nantong, Huangchuan); all other
//! priority opinion: a response within 48 hours.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::classify::{Category, Severity};

/// Hours to the first authoritative information for grave emergencies.
pub const INFO_HOURS: i64 = 5;
/// Hours to the press conference for grave emergencies.
pub const PRESSER_HOURS: i64 = 24;
/// Hours to a response for all other priority opinion.
pub const RESPOND_HOURS: i64 = 48;

/// The due times of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Deadlines {
    /// Authoritative information due (grave emergencies only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info_due: Option<DateTime<Utc>>,
    /// Press conference due (grave emergencies only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presser_due: Option<DateTime<Utc>>,
    /// Response due (all other priority opinion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respond_due: Option<DateTime<Utc>>,
}

impl Deadlines {
    /// Deadlines for a case first seen at `first_seen`.
    pub fn compute(first_seen: DateTime<Utc>, categories: &[Category], severity: Severity) -> Self {
        if categories.contains(&Category::Emergency) && severity >= Severity::II {
            Deadlines {
                info_due: Some(first_seen + Duration::hours(INFO_HOURS)),
                presser_due: Some(first_seen + Duration::hours(PRESSER_HOURS)),
                respond_due: None,
            }
        } else {
            Deadlines {
                info_due: None,
                presser_due: None,
                respond_due: Some(first_seen + Duration::hours(RESPOND_HOURS)),
            }
        }
    }

    /// The earliest due time.
    pub fn earliest(&self) -> Option<DateTime<Utc>> {
        [self.info_due, self.presser_due, self.respond_due]
            .into_iter()
            .flatten()
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grave_emergencies_get_five_and_twenty_four_hours() {
        let t = DateTime::parse_from_rfc3339("2026-11-22T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let d = Deadlines::compute(t, &[Category::Emergency], Severity::II);
        assert_eq!(d.info_due, Some(t + Duration::hours(5)));
        assert_eq!(d.presser_due, Some(t + Duration::hours(24)));
        assert_eq!(d.respond_due, None);
        assert_eq!(d.earliest(), Some(t + Duration::hours(5)));
    }

    #[test]
    fn everything_else_gets_forty_eight_hours() {
        let t = DateTime::parse_from_rfc3339("2026-11-22T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        for (cats, sev) in [
            (vec![Category::Emergency], Severity::III),
            (vec![Category::Interest], Severity::I),
            (vec![Category::Policy, Category::Directive], Severity::IV),
        ] {
            let d = Deadlines::compute(t, &cats, sev);
            assert_eq!(d.respond_due, Some(t + Duration::hours(48)));
            assert_eq!(d.info_due, None);
        }
    }
}
