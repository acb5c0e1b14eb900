//! Cases stage: grouping flagged items into candidate cases ([`cluster`]),
//! their deadlines ([`deadline`]) and their workflow ([`case`]).

pub mod case;
pub mod cluster;
pub mod deadline;

pub use case::{Action, ActionError, Assignment, Case, CaseStatus, HistoryEntry, Response};
pub use cluster::{ClusterIndex, Signature};
pub use deadline::Deadlines;
