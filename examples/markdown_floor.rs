//! The floor of a build: Markdown rendering alone, for the same bodies a build renders.
//!
//! Reads every `.md` under `ARCHIVE/content`, drops the front-matter, and renders the bodies
//! with pulldown-cmark's own HTML writer (tables, footnotes, strikethrough) in parallel, then
//! through the citation grammar alone, and once more through Gazette's body pass (anchors,
//! contents, citation detection). Compare the
//! figures with `gazette build --timings` on the same archive.
//!
//! `cargo run --release --example markdown_floor -- ARCHIVE`

use std::path::PathBuf;
use std::time::Instant;

use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).expect("usage: markdown_floor ARCHIVE"));
    let bodies: Vec<String> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| body_of(&std::fs::read_to_string(e.path()).expect("read notice")))
        .collect();
    let bytes: usize = bodies.iter().map(String::len).sum();
    println!("{} bodies, {:.1} MB of Markdown", bodies.len(), bytes as f64 / 1e6);

    let started = Instant::now();
    let html: usize = bodies.par_iter().map(|b| plain_html(b).len()).sum();
    println!(
        "pulldown-cmark alone:   {:.3} s ({:.1} MB of HTML)",
        started.elapsed().as_secs_f64(),
        html as f64 / 1e6
    );

    let paragraphs: Vec<&str> = bodies.iter().flat_map(|b| b.split("\n\n")).collect();
    let started = Instant::now();
    let found: usize = paragraphs.par_iter().map(|p| gazette::cite::grammar::find_citations(p).len()).sum();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "citation grammar alone: {seconds:.3} s ({found} citations in {} paragraphs, {:.0} citations/s on 2 threads)",
        paragraphs.len(),
        found as f64 / seconds
    );

    let started = Instant::now();
    let refs: usize =
        bodies.par_iter().map(|b| gazette::content::body::render(b, 1, false).body.references.len()).sum();
    println!("gazette body pass:      {:.3} s ({refs} references)", started.elapsed().as_secs_f64());
}

fn body_of(text: &str) -> String {
    match text.strip_prefix("---\n").and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..])) {
        Some(body) => body.to_string(),
        None => text.to_string(),
    }
}

fn plain_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut html = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options));
    html
}
