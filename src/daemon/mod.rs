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

/// Caps glibc's malloc arenas. glibc gives busy threads arenas of their own,
/// up to eight per core, and memory freed in one arena is not reused by
/// another: a daemon whose work hops between pool threads then grows its
/// RSS for hours. Four arenas keep the contention low and the RSS flat.
/// Call before starting threads. No effect on other C libraries.
pub fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any
    // thread is started.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 4);
    }
}

/// The runtime `yuqing run` uses: multi-threaded, with a bounded blocking
/// pool.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(MAX_BLOCKING_THREADS)
        .build()
}
