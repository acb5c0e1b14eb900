//! The `yuqing` command line. Parses arguments and hands over to `cli`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

/// yuqing (舆情): watch public opinion a government office must answer.
#[derive(Debug, Parser)]
#[command(name = "yuqing", version, about, long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the daemon: open the store and serve the API until SIGTERM.
    Run(cli::run::RunArgs),
    /// Ask a running daemon whether it is ready (exit 0) or not (exit 1).
    Health(cli::health::HealthArgs),
    /// Poll one source now, as the daemon would, and print what was found.
    Poll(cli::poll::PollArgs),
    /// Classify JSON Lines items (stdin or files) exactly as the daemon would;
    /// prints one JSON line per input line, in order.
    Classify(cli::classify::ClassifyArgs),
    /// Validate the keyword lists, print a summary, exit non-zero on errors.
    Check(cli::check::CheckArgs),
    /// Classify, group and store items from JSON Lines (offline channels,
    /// batches); prints one result line per input line.
    Ingest(cli::store_cmds::IngestArgs),
    /// Re-run classification and grouping over stored items with the
    /// current keyword lists (daemon stopped; else use the API).
    Reclassify(cli::store_cmds::ReclassifyArgs),
    /// Write the store's cases and items as JSON Lines (backup, other tools).
    Export(cli::store_cmds::ExportArgs),
    /// Read an export file back into a store (restore).
    Import(cli::store_cmds::ImportArgs),
    /// Write a report: the daily log, a case's special report or the
    /// periodic circular, as .docx, .html or .json.
    Report(cli::report::ReportArgs),
    /// Train the learned category model (`keywords/model.tsv`) on labelled
    /// JSON Lines.
    Model(cli::model::ModelArgs),
}

/// Printing commands end quietly when their reader goes away
/// (`yuqing export | head`), as Unix tools do. Not the daemon: it must
/// survive clients that close their sockets, which Rust's default (SIGPIPE
/// ignored, EPIPE returned) gives.
fn exit_on_broken_pipe() {
    #[cfg(unix)]
    // SAFETY: called first in main, before any thread is started; it only
    // restores the default disposition of one signal.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Turns transparent huge pages off for this process. With the kernel's
/// `always` setting, every first touch of a 2 MB region of mimalloc's
/// arenas zeroes the whole huge page under the address-space lock: loading
/// jieba's dictionary and the model then spent most of its time in the
/// kernel's `clear_page`, and the two start-up threads queued on each other.
/// Measured with `perf stat -r 5 yuqing classify` over 4 MB of posts on
/// 2 cores: 0.55 s ± 21% with huge pages, 0.37 s ± 6% without, and 25% less
/// resident memory at start. A no-op where the kernel never uses them.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag on this
    // process's memory descriptor; its result is not needed (an old kernel
    // without the option leaves things as they were).
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_transparent_huge_pages();
    let args = Args::parse();
    if !matches!(args.command, Command::Run(_)) {
        exit_on_broken_pipe();
    }
    let result = match args.command {
        Command::Run(a) => cli::run::run(a),
        Command::Poll(a) => cli::poll::run(a),
        Command::Health(a) => cli::health::run(a),
        Command::Classify(a) => cli::classify::run(a),
        Command::Check(a) => cli::check::run(a),
        Command::Ingest(a) => cli::store_cmds::ingest(a),
        Command::Reclassify(a) => cli::store_cmds::reclassify(a),
        Command::Export(a) => cli::store_cmds::export(a),
        Command::Import(a) => cli::store_cmds::import(a),
        Command::Report(a) => cli::report::run(a),
        Command::Model(a) => cli::model::run(a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("yuqing: {err:#}");
            ExitCode::from(1)
        }
    }
}
