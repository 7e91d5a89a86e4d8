//! The time to import 100 Word notices: writes 100 generated `.docx` files (the test samples,
//! each numbered apart) into `DIR/word/`, then imports the folder as `gazette import` does and
//! prints the time. The archive is left in DIR, so the binary can be timed on it too:
//!
//! `cargo run --release --example import_bench -- DIR`
//! `time target/release/gazette import --root DIR --force DIR/word`

#[path = "../tests/import/docx.rs"]
mod docx;
#[path = "../tests/import/samples.rs"]
mod samples;

use std::path::PathBuf;
use std::time::Instant;

use gazette::author::import::{self, ImportOptions, Settings};

const DOCUMENTS: u32 = 100;

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).expect("usage: import_bench DIR"));
    let word = root.join("word");
    std::fs::create_dir_all(&word).expect("create DIR/word");
    let _ = std::fs::remove_dir_all(root.join("content"));
    let mut bytes = 0;
    for n in 0..DOCUMENTS {
        let document = samples::quyet_dinh_numbered(1000 + n, 1 + n % 28).bytes();
        bytes += document.len();
        std::fs::write(word.join(format!("qd-{n:03}.docx")), document).expect("write a sample");
    }
    println!("{DOCUMENTS} documents, {} KB in all", bytes / 1024);

    let options = ImportOptions { root: root.clone(), inputs: vec![word], ..Default::default() };
    let started = Instant::now();
    let outcome = import::run(&options);
    let elapsed = started.elapsed();
    assert!(!outcome.failed(), "{:?}", outcome.reports);
    assert_eq!(outcome.written.len(), DOCUMENTS as usize);
    println!(
        "import of a folder of {DOCUMENTS}: {:.1} ms ({:.2} ms a document), files read and written",
        elapsed.as_secs_f64() * 1000.0,
        elapsed.as_secs_f64() * 1000.0 / f64::from(DOCUMENTS)
    );

    // The conversion alone, in memory, over every kind of sample.
    let kinds = [
        samples::quyet_dinh(),
        samples::thong_bao(),
        samples::header_tabs(),
        samples::header_text_box(),
        samples::numbering(),
        samples::tracked_changes(),
        samples::hidden_text(),
        samples::merged_table(),
        samples::footnotes(),
        samples::letterhead(),
    ]
    .map(|d| d.bytes());
    let settings = Settings::for_archive(&root);
    let started = Instant::now();
    for n in 0..DOCUMENTS as usize {
        import::convert(&kinds[n % kinds.len()], "sample.docx", &settings).expect("the samples convert");
    }
    let elapsed = started.elapsed();
    println!(
        "conversion alone, {DOCUMENTS} documents of 10 layouts: {:.1} ms ({:.2} ms a document)",
        elapsed.as_secs_f64() * 1000.0,
        elapsed.as_secs_f64() * 1000.0 / f64::from(DOCUMENTS)
    );
}
