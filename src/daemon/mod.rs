//! The running daemon: the scheduler that polls sources, and the live
//! reload of keyword lists and sources.

pub mod reload;
pub mod scheduler;

pub use reload::{Reloader, RulesStatus};
pub use scheduler::{
    PollNowError, Scheduler, SchedulerConfig, SchedulerHandle, SourceView, next_due,
};
