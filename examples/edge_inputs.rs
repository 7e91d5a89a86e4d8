//! How `gazette check` time grows on input built to be slow: the same pathological notice (or
//! archive) at a size and at twice that size. Near-linear stages give a ratio near 2; a
//! quadratic one, 4.
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

/// A relation list in flow style, on one line.
fn flow_relations(n: usize) -> String {
    let items: Vec<String> = (1..=n).map(|i| format!("{i}-NQ/TU")).collect();
    notice(&format!("replaces: [{}]\n", items.join(", ")), "Nội dung.")
}

/// One paragraph naming articles of the notice itself between citations of others.
fn own_articles_among_citations(n: usize) -> String {
    let named: Vec<String> = (0..n)
        .map(|i| format!("Điều {} Nghị định số {}/2020/NĐ-CP và Điều {}", 1 + i % 40, i + 1, 2 + i % 40))
        .collect();
    notice("", &format!("**Điều 1.** Căn cứ.\n\n**Điều 2.** Rà soát {}.", named.join(", ")))
}

/// The files of an archive for a case, by path under the archive root.
type Files = Vec<(String, String)>;

fn one_notice(text: String) -> Files {
    vec![("content/a.md".to_string(), text)]
}

/// A regulation of `n / 2` articles of two clauses, and a plan citing `n` of its provisions.
fn provision_citations(n: usize) -> Files {
    let articles = (n / 2).max(1);
    let regulation: Vec<String> = (1..=articles)
        .map(|i| format!("**Điều {i}.** Quy định thứ {i}.\n\n1. Khoản một.\n\n2. Khoản hai."))
        .collect();
    let plan: Vec<String> = (0..n)
        .map(|i| {
            format!("Thực hiện khoản {} Điều {} Quyết định số 01/2024/QĐ-UBND.", 1 + i % 2, 1 + i % articles)
        })
        .collect();
    let decision = "---\nnumber: 01/2024/QĐ-UBND\ntitle: Quyết định ban hành Quy chế\nissuer: Ủy ban nhân dân tỉnh\n\
                    date: 2024-01-05\n---\n\n";
    vec![
        ("content/quy-che.md".to_string(), format!("{decision}{}\n", regulation.join("\n\n"))),
        ("content/a.md".to_string(), notice("", &plan.join("\n\n"))),
    ]
}

/// `n` notices, every other one a bundle with an attachment.
fn bundles(n: usize) -> Files {
    let mut files = Vec::new();
    for i in 1..=n {
        let text = format!(
            "---\nnumber: {i}-TB/VPTU\ntitle: Thông báo số {i}\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-01-02\n---\n\nNội dung.\n"
        );
        if i % 2 == 0 {
            files.push((format!("content/tb-{i}/index.md"), text));
            files.push((format!("content/tb-{i}/phu-luc.txt"), "Phụ lục.\n".to_string()));
        } else {
            files.push((format!("content/tb-{i}.md"), text));
        }
    }
    files
}

fn seconds_to_check(files: &Files) -> f64 {
    let dir = std::env::temp_dir().join(format!("gazette-edge-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("a temp folder");
        std::fs::write(path, text).expect("write the file");
    }
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
    type Case = (&'static str, fn(usize) -> Files, usize);
    let cases: [Case; 10] = [
        ("identical headings", |n| one_notice(headings(n)), 20_000),
        ("based_on items", |n| one_notice(relations(n)), 20_000),
        ("replaces items on one line", |n| one_notice(flow_relations(n)), 20_000),
        ("citations in one paragraph", |n| one_notice(citations(n)), 50_000),
        ("own articles among citations", |n| one_notice(own_articles_among_citations(n)), 20_000),
        ("citations of provisions", provision_citations, 6_000),
        ("notices, half of them bundles", bundles, 5_000),
        ("nested YAML brackets", |n| one_notice(nested_yaml(n)), 20_000),
        ("one long line (bytes/18)", |n| one_notice(long_line(n)), 280_000),
        ("ordinary sections", |n| one_notice(ordinary(n)), 4_000),
    ];
    println!("{:<30} {:>9} {:>9} {:>9} {:>9} {:>6}", "case", "n", "size", "time", "time 2n", "ratio");
    for (name, make, n) in cases {
        let n = n * scale;
        let files = make(n);
        let once = seconds_to_check(&files);
        let twice = seconds_to_check(&make(2 * n));
        let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
        let size = format!("{:.1} MB", bytes as f64 / 1e6);
        println!("{name:<30} {n:>9} {size:>9} {once:>8.3}s {twice:>8.3}s {:>6.2}", twice / once);
    }
}
