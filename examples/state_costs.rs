//! What the build state costs to read and to write: the summary, the rest (every notice as
//! read and the search index's state, in pieces), and writing it all again into an empty
//! folder, every piece written (a build that read the last state links the pieces it makes
//! again unchanged instead).
//!
//! Reads the state of an output folder RUNS times and writes it into a temporary folder emptied
//! before each run, printing the median of each step and the size of the state file with its
//! pieces. The state must have been written by a Gazette built from
//! the same source (`cargo build --release`, then a `gazette build` into OUT);
//! `RAYON_NUM_THREADS=1` shows what the parallel steps cost on one thread.
//!
//! `cargo run --release --example state_costs -- OUT [RUNS]`

use std::path::Path;
use std::time::Instant;

use gazette::output::state;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().expect("usage: state_costs OUT [RUNS]");
    let runs: usize = args.next().map_or(3, |n| n.parse().expect("RUNS is a number"));
    let scratch = std::env::temp_dir().join(format!("gazette-state-costs-{}", std::process::id()));
    let (mut summary, mut rest, mut write) = (Vec::new(), Vec::new(), Vec::new());
    let mut notices = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let opened = state::open(Path::new(&out)).unwrap_or_else(|why| panic!("no state in {out}: {why:?}"));
        summary.push(started.elapsed().as_secs_f64());
        let started = Instant::now();
        let whole = opened.read_rest().unwrap_or_else(|why| panic!("the state's rest: {why:?}"));
        rest.push(started.elapsed().as_secs_f64());
        notices = whole.sources.len();
        let _ = std::fs::remove_dir_all(&scratch);
        std::fs::create_dir_all(&scratch).expect("a temporary folder");
        let started = Instant::now();
        state::save(&scratch, &whole).expect("the state is written");
        write.push(started.elapsed().as_secs_f64());
    }
    // The state file and its pieces: every file of the folder, which holds nothing else.
    let size: u64 = walkdir::WalkDir::new(&scratch)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| entry.metadata().ok())
        .map(|meta| meta.len())
        .sum();
    std::fs::remove_dir_all(&scratch).expect("the temporary folder is removed");
    println!(
        "{notices} notices, state {:.1} MB, {} threads",
        size as f64 / 1e6,
        rayon::current_num_threads()
    );
    for (step, mut seconds) in [
        ("read the summary, check the output's files", summary),
        ("read the rest", rest),
        ("write it all", write),
    ] {
        seconds.sort_by(f64::total_cmp);
        println!("{:>8.3} s  {step} (median of {runs})", seconds[runs / 2]);
    }
}
