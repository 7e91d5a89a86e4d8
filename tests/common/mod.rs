//! Test archives: temp folders with content written by the test, and the binary run on them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use scraper::{Html, Selector};

pub struct TestArchive {
    pub dir: tempfile::TempDir,
}

impl TestArchive {
    pub fn new() -> Self {
        TestArchive { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) -> &Self {
        self.write_bytes(relative, text.as_bytes())
    }

    pub fn write_bytes(&self, relative: &str, bytes: &[u8]) -> &Self {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
    }

    pub fn exists(&self, relative: &str) -> bool {
        self.path(relative).exists()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let mut command = Command::cargo_bin("gazette").unwrap();
        command.current_dir(self.root()).args(args).output().expect("run gazette")
    }

    /// Runs `gazette build` and asserts it succeeded.
    pub fn build_ok(&self, extra: &[&str]) -> Output {
        let output = self.run(&[&["build"], extra].concat());
        assert!(output.status.success(), "build failed:\n{}", stderr(&output));
        output
    }

    pub fn page(&self, relative: &str) -> Html {
        Html::parse_document(&self.read(relative))
    }
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Text of every element matching `selector`, whitespace collapsed.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap_or_else(|e| panic!("bad selector {selector}: {e:?}"));
    html.select(&selector)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

pub fn text(html: &Html, selector: &str) -> String {
    texts(html, selector).join(" | ")
}

pub fn attrs(html: &Html, selector: &str, attr: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector).filter_map(|e| e.value().attr(attr).map(str::to_string)).collect()
}

/// A notice file: front-matter lines and a body.
pub fn notice(front_matter: &str, body: &str) -> String {
    format!("---\n{}\n---\n\n{}\n", front_matter.trim(), body)
}

/// A minimal valid notice with the given number, type word and date.
pub fn simple(number: &str, date: &str, title: &str, body: &str) -> String {
    notice(&format!("number: {number}\ntitle: {title}\nissuer: Văn phòng Tỉnh ủy\ndate: {date}"), body)
}

/// Every file under `dir`, relative path to bytes.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir(dir)
        .into_iter()
        .map(|p| (p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walkdir(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}
