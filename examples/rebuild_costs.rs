//! What an incremental build costs after each kind of edit: a clean build into an empty folder
//! (`gazette clean` removes the state and the output the last build replaced, then OUT is
//! removed), a `--full` build over it, then builds after no change, one body edit at the end of
//! a notice, one in its first paragraph (the words after it in that paragraph move), a
//! paragraph added or taken near its start (every line after it moves), one title edit, one
//! notice given a tag no notice had, and one template edit, each timed as a whole process with
//! the files it wrote and the notice files it read. The archive is put back as it was.
//!
//! `cargo build --release && cargo run --release --example rebuild_costs -- ARCHIVE OUT [RUNS]`
//! (RUNS, default 3: each step is repeated and the median time shown; each repeat of an edit
//! step writes a variant of the edit, so every build has a change; the edits of the first
//! paragraph and of a title add one word more each repeat, so every repeat moves the words
//! after; the paragraph near the start is added at even repeats and taken at odd ones).
//! `GAZETTE=path/to/gazette` times another build of Gazette on the same steps.
//! `COMPARE=1` also builds the archive anew (`--full`, into `OUT.clean`) after each step and
//! says whether the incremental output is byte for byte that clean build (Gazette's own
//! `.gazette` folder aside); the comparison is not timed.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

fn gazette() -> PathBuf {
    match std::env::var_os("GAZETTE") {
        Some(path) => PathBuf::from(path),
        None => std::env::current_exe().expect("this example").with_file_name("../gazette"),
    }
}

/// Runs one build with the Gazette timed (see [`gazette`]).
fn build(root: &Path, out: &Path, extra: &[&str]) -> support::Ran {
    support::build(&gazette(), root, out, extra)
}

/// A notice file of the archive, the n-th in name order.
fn nth_notice(root: &Path, n: usize) -> PathBuf {
    let mut files: Vec<PathBuf> = walk(&root.join("content"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files[n.min(files.len() - 1)].clone()
}

/// Every file under `dir` but those in Gazette's own folder (`.gazette`).
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
        let path = entry.path();
        if entry.file_name() == ".gazette" {
            continue;
        }
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The files of an output, by path relative to it, in order.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> =
        walk(dir).into_iter().map(|p| p.strip_prefix(dir).expect("inside").to_path_buf()).collect();
    out.sort();
    out
}

/// "the same as a clean build", or the first path where the two outputs differ.
fn compare_with_clean(root: &Path, out: &Path) -> String {
    let clean = out.with_extension("clean");
    let _ = std::fs::remove_dir_all(&clean);
    build(root, &clean, &["--full"]);
    let (ours, theirs) = (files(out), files(&clean));
    if ours != theirs {
        let odd = ours.iter().chain(&theirs).find(|p| !ours.contains(p) || !theirs.contains(p));
        return format!("DIFFERS from a clean build: {} is in one only", odd.expect("a path").display());
    }
    match ours.iter().find(|p| std::fs::read(out.join(p)).ok() != std::fs::read(clean.join(p)).ok()) {
        Some(path) => format!("DIFFERS from a clean build: {}", path.display()),
        None => "the same as a clean build".to_string(),
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// A notice's front matter (up to and with its closing `---`) and its body.
fn split_front_matter(notice: &str) -> (&str, &str) {
    notice.split_at(notice.find("\n---").map_or(0, |at| at + 4))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().expect("usage: rebuild_costs ARCHIVE OUT [RUNS]"));
    let out = PathBuf::from(args.next().expect("usage: rebuild_costs ARCHIVE OUT [RUNS]"));
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let compare = std::env::var_os("COMPARE").is_some();
    let body_file = nth_notice(&root, 4321);
    let title_file = nth_notice(&root, 1234);
    let body = std::fs::read_to_string(&body_file).expect("a notice");
    let title = std::fs::read_to_string(&title_file).expect("a notice");
    let template = root.join("templates/notice.html");
    let default_notice = include_str!("../themes/default/templates/notice.html");

    type Step<'a> = (&'a str, Box<dyn Fn(usize) + 'a>);
    let steps: Vec<Step> = vec![
        (
            "clean build (empty folder)",
            Box::new(|_| {
                // The output it replaced, which the next build would stage in, is Gazette's to
                // name and remove; the output itself goes after it.
                if out.exists() {
                    let cleaned = Command::new(gazette())
                        .args(["clean", "--root"])
                        .arg(&root)
                        .arg("--out")
                        .arg(&out)
                        .output()
                        .expect("run gazette clean");
                    assert!(cleaned.status.success(), "{}", String::from_utf8_lossy(&cleaned.stderr));
                    std::fs::remove_dir_all(&out).expect("remove the last output");
                }
            }),
        ),
        ("--full over that output", Box::new(|_| {})),
        ("no change", Box::new(|_| {})),
        (
            "one body edit",
            Box::new(|run| {
                std::fs::write(&body_file, format!("{body}\nMột câu thêm vào lần {run}.\n")).expect("edit");
            }),
        ),
        (
            "one body edit near the start",
            Box::new(|run| {
                // One word more each repeat in the first paragraph, after its first word, so
                // that every repeat moves the places of the words after it in that paragraph.
                let (front, text) = split_front_matter(&body);
                let start = text.len() - text.trim_start().len();
                let (head, tail) = text.split_at(text[start..].find(' ').map_or(text.len(), |at| start + at));
                let words = " thêm".repeat(run + 1);
                std::fs::write(&body_file, format!("{front}{head}{words}{tail}")).expect("edit");
            }),
        ),
        (
            "one paragraph added or taken",
            Box::new(|run| {
                // Added at even repeats and taken again at odd ones: each moves every line
                // after it.
                let (front, text) = split_front_matter(&body);
                let edited = if run % 2 == 0 {
                    format!("{front}\n\nĐoạn thêm ở đầu.\n{text}")
                } else {
                    body.clone()
                };
                std::fs::write(&body_file, edited).expect("edit");
            }),
        ),
        (
            "one title edit",
            Box::new(|run| {
                // One word more each repeat, as in the edit near the start of a body.
                let edited = title.replacen("title: ", &format!("title: (sửa{}) ", " lại".repeat(run)), 1);
                std::fs::write(&title_file, edited).expect("edit");
            }),
        ),
        (
            "one notice given a new tag",
            Box::new(|run| {
                // One tag more each repeat that no notice had: the index of tags gains a value.
                let added: Vec<String> = (0..=run).map(|n| format!("\"Chủ đề thử nghiệm {n}\"")).collect();
                let edited: Vec<String> = title
                    .lines()
                    .map(|line| match line.strip_prefix("tags: [") {
                        Some(rest) => format!("tags: [{}, {rest}", added.join(", ")),
                        None => line.to_string(),
                    })
                    .collect();
                let edited = edited.join("\n") + "\n";
                assert_ne!(edited, title, "the notice of the title edit has a list of tags");
                std::fs::write(&title_file, edited).expect("edit");
            }),
        ),
        (
            "template edit (notice.html)",
            Box::new(|run| {
                std::fs::create_dir_all(template.parent().expect("a folder")).expect("templates folder");
                let edited = default_notice.replace(
                    "<aside class=\"notice-index\">",
                    &format!("<aside class=\"notice-index\" data-edit=\"{run}\">"),
                );
                std::fs::write(&template, edited).expect("edit");
            }),
        ),
    ];
    println!("{:<30} {:>9}  files", "step", "median s");
    for (n, (name, change)) in steps.iter().enumerate() {
        let mut times = Vec::new();
        let mut last = None;
        for run in 0..runs {
            change(run);
            let extra: &[&str] = if n == 1 { &["--full"] } else { &[] };
            let ran = build(&root, &out, extra);
            times.push(ran.seconds);
            last = Some(ran);
        }
        println!("{name:<30} {:>9.3}  {}", median(times), last.as_ref().map_or("", support::Ran::counts));
        if compare && n > 1 {
            println!("{:<30} {}", "", compare_with_clean(&root, &out));
        }
    }
    std::fs::write(&body_file, &body).expect("put back");
    std::fs::write(&title_file, &title).expect("put back");
    let _ = std::fs::remove_file(&template);
    let _ = std::fs::remove_dir(template.parent().expect("a folder"));
}
