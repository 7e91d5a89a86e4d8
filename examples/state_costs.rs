//! What the build state costs to read and to write: the summary, the rest (every notice as
//! read and the search index's state), and writing it all again, as an incremental build does.
//!
//! Reads the state of an output folder RUNS times and writes it into a temporary folder,
//! printing the median of each step. The state must have been written by a Gazette built from
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
    std::fs::create_dir_all(&scratch).expect("a temporary folder");
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
        let started = Instant::now();
        state::save(&scratch, &whole).expect("the state is written");
        write.push(started.elapsed().as_secs_f64());
    }
    let size = std::fs::metadata(scratch.join(state::STATE_FILE)).map_or(0, |m| m.len());
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
