//! Two builds of Gazette side by side on the same body edits, each into its own output, the
//! builds alternating so that a drift of the machine reaches both: a build that takes each
//! binary's state (not counted), a build with no change, ROUNDS builds each after a sentence
//! appended to one notice (it joins the notice's last paragraph), and a build after the notice is
//! put back. Each build is timed as a whole process; the stages it reports (`--timings`) and
//! the files it wrote are printed beside, and the medians of the edit rounds at the end.
//!
//! `cargo run --release --example edit_pair -- ARCHIVE BINARY_A OUT_A BINARY_B OUT_B [ROUNDS]`
//! (ROUNDS, default 3). The notice edited is `NOTICE=content/…` when set, else the 4,322nd
//! notice file in name order (the one `rebuild_costs` edits). The notice is put back as it was,
//! however the run ends. Comparing a binary with an earlier one: `git worktree add W REV && cd
//! W && cargo build --release`, then `W/target/release/gazette` as BINARY_A.

mod support;

use std::path::{Path, PathBuf};

/// One build as it went: wall seconds, the files it wrote (from its summary), and the
/// seconds of each stage it reported.
struct Built {
    seconds: f64,
    counts: String,
    stages: Vec<(String, f64)>,
}

fn build(binary: &Path, root: &Path, out: &Path) -> Built {
    let ran = support::build(binary, root, out, &["--timings"]);
    // Stage lines read "   0.820 s  read the rest of the build state".
    let stages = ran
        .stderr
        .lines()
        .filter_map(|line| {
            let (seconds, stage) = line.trim_start().split_once(" s  ")?;
            Some((stage.to_string(), seconds.parse().ok()?))
        })
        .collect();
    Built { seconds: ran.seconds, counts: ran.counts().to_string(), stages }
}

/// The notice to edit: `NOTICE` under the archive, or the 4,322nd notice file by name.
fn notice_to_edit(root: &Path) -> PathBuf {
    if let Some(notice) = std::env::var_os("NOTICE") {
        return root.join(notice);
    }
    let mut files = Vec::new();
    let mut folders = vec![root.join("content")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files[4321.min(files.len() - 1)].clone()
}

/// Puts a notice file back as it was when dropped, however the run ends.
struct PutBack {
    path: PathBuf,
    text: String,
}

impl Drop for PutBack {
    fn drop(&mut self) {
        std::fs::write(&self.path, &self.text).expect("the notice put back");
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let usage = "usage: edit_pair ARCHIVE BINARY_A OUT_A BINARY_B OUT_B [ROUNDS]";
    let mut args = std::env::args().skip(1).map(PathBuf::from);
    let mut next = || args.next().expect(usage);
    let root = next();
    let sides = [(next(), next()), (next(), next())];
    let rounds: usize = std::env::args().nth(6).and_then(|r| r.parse().ok()).unwrap_or(3);
    let notice = notice_to_edit(&root);
    let original = std::fs::read_to_string(&notice).expect("a notice");
    let put_back = PutBack { path: notice.clone(), text: original.clone() };
    println!("editing {}", notice.display());
    let step = |name: &str| -> [Built; 2] {
        let built = sides.clone().map(|(binary, out)| build(&binary, &root, &out));
        for (label, b) in ["A", "B"].iter().zip(&built) {
            let stages: Vec<String> = b.stages.iter().map(|(s, t)| format!("{s} {t:.3}")).collect();
            println!("{name:<16} {label} {:>8.3} s  ({})  {}", b.seconds, b.counts, stages.join(", "));
        }
        built
    };
    step("state");
    step("no change");
    let mut edits: Vec<[Built; 2]> = Vec::new();
    for round in 1..=rounds {
        std::fs::write(&notice, format!("{original}Câu thêm số {round}.\n")).expect("edit");
        edits.push(step(&format!("body edit {round}")));
    }
    drop(put_back);
    step("put back");
    println!("\nmedians of the {rounds} edits:");
    for (side, label) in ["A", "B"].iter().enumerate() {
        // In the order the builds report them.
        let mut stages: Vec<(&str, Vec<f64>)> = Vec::new();
        for built in &edits {
            for (stage, seconds) in &built[side].stages {
                match stages.iter_mut().find(|(name, _)| name == stage) {
                    Some((_, all)) => all.push(*seconds),
                    None => stages.push((stage, vec![*seconds])),
                }
            }
        }
        let wall = median(edits.iter().map(|built| built[side].seconds).collect());
        println!("{label} {wall:.3} s  {}", sides[side].0.display());
        for (stage, seconds) in stages {
            println!("    {:>8.3} s  {stage}", median(seconds));
        }
    }
}
