//! The running daemon: one source's refresh ([`refresh`]: fetch → extract
//! → pipeline → state), the scheduler that runs refreshes on each source's
//! timetable, and the live reload of keyword lists and sources.

pub mod refresh;
pub mod reload;
pub mod scheduler;

pub use refresh::{Collector, PollReport};
pub use reload::{Reloader, RulesStatus, compile_rules};
pub use scheduler::{
    PollNowError, Scheduler, SchedulerConfig, SchedulerHandle, SourceView, next_due,
};

/// Threads of the blocking pool at most (store writes, parsing). Tokio's
/// default, 512, lets a burst of polls start hundreds of threads.
pub const MAX_BLOCKING_THREADS: usize = 64;

/// The runtime `yuqing run` uses: multi-threaded, with a bounded blocking
/// pool.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(MAX_BLOCKING_THREADS)
        .build()
}
