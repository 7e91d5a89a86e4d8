//! How `gazette check` time grows on input built to be slow: the same pathological notice at
//! a size and at twice that size. Near-linear stages give a ratio near 2; a quadratic one, 4.
//!
//! `cargo run --release --example edge_inputs [-- SCALE]` (SCALE multiplies every size; 1 by
//! default). Each case is checked three times at each size; the lowest time is shown.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use gazette::publish::{self, Options};

/// A notice file: front-matter lines, then the body.
fn notice(front: &str, body: &str) -> String {
    format!(
        "---\nnumber: 1-TB/VPTU\ntitle: Thử\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-01-02\n{front}---\n\n{body}\n"
    )
}

fn headings(n: usize) -> String {
    notice("", &"## Mục\n\n".repeat(n))
}

fn relations(n: usize) -> String {
    let mut front = String::from("based_on:\n");
    for i in 1..=n {
        let _ = writeln!(front, "  - {i}-NQ/TU");
    }
    notice(&front, "Nội dung.")
}

fn citations(n: usize) -> String {
    let cited: Vec<String> = (1..=n).map(|i| format!("Nghị quyết số {i}-NQ/TU")).collect();
    notice("", &format!("Căn cứ {}.", cited.join(", ")))
}

fn nested_yaml(n: usize) -> String {
    notice(&format!("x: {}{}\n", "[".repeat(n), "]".repeat(n)), "Nội dung.")
}

fn long_line(n: usize) -> String {
    notice("", &"chữ Việt, số 12/3 ".repeat(n))
}

/// A realistic body: numbered sections, paragraphs with citations and dates.
fn ordinary(n: usize) -> String {
    let mut body = String::new();
    for i in 1..=n {
        let _ = write!(
            body,
            "**{i}. Về nhiệm vụ thứ {i}:** Căn cứ Kết luận số {i}-KL/TU ngày 12/5/2024 của Ban Thường vụ Tỉnh ủy, \
             các cơ quan, đơn vị tổ chức thực hiện nghiêm túc, báo cáo kết quả trước ngày 30/6/2024.\n\n"
        );
    }
    notice("", &body)
}

fn seconds_to_check(text: &str) -> f64 {
    let dir = std::env::temp_dir().join(format!("gazette-edge-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("content")).expect("a temp folder");
    std::fs::write(dir.join("content/a.md"), text).expect("write the notice");
    let best = (0..3).map(|_| check(&dir)).fold(f64::INFINITY, f64::min);
    let _ = std::fs::remove_dir_all(&dir);
    best
}

fn check(root: &Path) -> f64 {
    let started = Instant::now();
    let report = publish::check(&Options::new(root));
    std::hint::black_box(report.notices);
    started.elapsed().as_secs_f64()
}

fn main() {
    let scale: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    type Case = (&'static str, fn(usize) -> String, usize);
    let cases: [Case; 6] = [
        ("identical headings", headings, 20_000),
        ("based_on items", relations, 20_000),
        ("citations in one paragraph", citations, 50_000),
        ("nested YAML brackets", nested_yaml, 20_000),
        ("one long line (bytes/18)", long_line, 280_000),
        ("ordinary sections", ordinary, 4_000),
    ];
    println!("{:<28} {:>9} {:>9} {:>9} {:>9} {:>6}", "case", "n", "size", "time", "time 2n", "ratio");
    for (name, make, n) in cases {
        let n = n * scale;
        let text = make(n);
        let once = seconds_to_check(&text);
        let twice = seconds_to_check(&make(2 * n));
        let size = format!("{:.1} MB", text.len() as f64 / 1e6);
        println!("{name:<28} {n:>9} {size:>9} {once:>8.3}s {twice:>8.3}s {:>6.2}", twice / once);
    }
}
