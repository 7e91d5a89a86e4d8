//! What each kind of output costs to render, without the disk: notice pages, index pages,
//! feeds, the other files, and the search index, on one archive.
//!
//! Reads, links and plans the archive as `gazette build` does, then renders each kind of file
//! in parallel and prints the time and the count. Writing is left out on purpose: on a busy
//! disk it varies more than all the rendering together.
//!
//! `cargo run --release --example stage_costs -- ARCHIVE`

use std::time::Instant;

use gazette::diag::count_errors;
use gazette::publish::plan::{Output, Planned};
use gazette::publish::{self, Kept, Options, ReadCache, Timings};
use rayon::prelude::*;

fn main() {
    let root = std::env::args().nth(1).expect("usage: stage_costs ARCHIVE");
    let mut problems = Vec::new();
    let mut timings = Timings::start();
    let options = Options::new(&root);
    let inputs = publish::read_inputs(&options, &mut problems, &mut timings);
    let (site, _, _) = publish::prepare(
        &options,
        inputs,
        ReadCache::default(),
        Kept::default(),
        &mut problems,
        &mut timings,
    );
    assert_eq!(count_errors(&problems), 0, "the archive has errors");
    let site = site.expect("the archive builds");
    for (stage, seconds) in &timings.stages {
        println!("{seconds:>8.3} s  {stage}");
    }
    type Kind = (&'static str, fn(&Output) -> bool);
    let kinds: [Kind; 4] = [
        ("notice pages", |o| matches!(o, Output::Notice(_))),
        ("index pages (dimensions, value lists, home)", |o| {
            matches!(o, Output::Dimension(_) | Output::ValuePage { .. } | Output::Home)
        }),
        ("feeds", |o| matches!(o, Output::MainFeed | Output::ValueFeed { .. })),
        ("notices.json, sitemap, search page, 404, robots", |o| {
            matches!(o, Output::Api | Output::Sitemap | Output::Search | Output::NotFound | Output::Robots)
        }),
    ];
    for (name, wanted) in kinds {
        let files: Vec<&Planned> = site.plan.files.iter().filter(|f| wanted(&f.output)).collect();
        let started = Instant::now();
        let bytes: usize = files.par_iter().map(|f| site.render(f).map_or(0, |p| p.html.len())).sum();
        println!(
            "{:>8.3} s  {name}: {} files, {:.1} MB",
            started.elapsed().as_secs_f64(),
            files.len(),
            bytes as f64 / 1e6
        );
    }
    let started = Instant::now();
    let (index, _) = site.search_index().expect("the bodies read back");
    let bytes: usize = index.iter().map(|f| f.contents.as_ref().map_or(0, String::len)).sum();
    println!(
        "{:>8.3} s  search index: {} files, {:.1} MB",
        started.elapsed().as_secs_f64(),
        index.len(),
        bytes as f64 / 1e6
    );
}
