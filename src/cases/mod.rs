//! Cases stage: grouping flagged items into candidate cases ([`cluster`]),
//! their deadlines ([`deadline`]), their suggested department ([`routing`])
//! and their workflow ([`case`]); what a report is about in its own words
//! ([`topic`]) is one of the things grouping compares.

pub mod case;
pub mod cluster;
pub mod deadline;
pub mod event;
pub mod routing;
pub mod topic;

pub use case::{
    ACTION_NAMES, Action, ActionError, Assignment, Case, CaseStatus, HistoryEntry, Response,
    overdue_kinds, transition,
};
pub use cluster::{ClusterIndex, Signature};
pub use deadline::Deadlines;
pub use event::{EventTraits, rare_names, read_event};
pub use routing::{Route, Routing};
pub use topic::topic_of;
