//! Queries of the reports' routes (`/reports/…`).

use serde::Deserialize;
use utoipa::IntoParams;

use super::time_schema;
use crate::reports::Format;

/// Query of `GET /reports/daily`: a Beijing date, or a duty shift given by
/// `from` and `to`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DailyReportQuery {
    /// The day, Beijing time (default: today); not with `from`/`to`.
    #[param(value_type = Option<String>, format = Date)]
    pub date: Option<String>,
    /// Start of a duty shift (with `to`; at most 7 days).
    #[param(schema_with = time_schema)]
    pub from: Option<String>,
    /// End of the shift.
    #[param(schema_with = time_schema)]
    pub to: Option<String>,
    /// `docx` (default), `html` or `json`.
    #[param(inline)]
    pub format: Option<Format>,
}

/// Query of `GET /reports/cases/{id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseReportQuery {
    /// `docx` (default), `html` or `json`.
    #[param(inline)]
    pub format: Option<Format>,
}

/// Query of `GET /reports/period`: Beijing dates, both included (default:
/// this month).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PeriodReportQuery {
    /// First day (default: the first of this month).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<String>,
    /// Last day, included (default: the last of `from`'s month); at most
    /// 400 days after `from`.
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<String>,
    /// `docx` (default), `html` or `json`.
    #[param(inline)]
    pub format: Option<Format>,
}
