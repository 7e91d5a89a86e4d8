//! What the benchmark examples share: running one `gazette build` as a whole process, timed,
//! and reading the counts of its summary line. Not an example of its own (a folder without a
//! `main.rs`); each example that needs it says `mod support;`.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// One build as it went: wall seconds, and what it said on standard error.
pub struct Ran {
    pub seconds: f64,
    pub stderr: String,
}

impl Ran {
    /// The counts of the summary line, "(12 files written, 13097 unchanged; 1 notice files
    /// read)" without its brackets, or nothing.
    pub fn counts(&self) -> &str {
        let summary = self
            .stderr
            .lines()
            .find(|l| l.starts_with("built") || l.starts_with("đã dựng"))
            .unwrap_or_default();
        summary.split_once('(').and_then(|(_, rest)| rest.split_once(')')).map_or("", |(c, _)| c)
    }
}

/// Runs `BINARY build --root ROOT --out OUT EXTRA…`, timed as a whole process; panics with
/// what it said when the build fails.
pub fn build(binary: &Path, root: &Path, out: &Path, extra: &[&str]) -> Ran {
    let started = Instant::now();
    let output = Command::new(binary)
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("run gazette build");
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "build failed:\n{stderr}");
    Ran { seconds, stderr }
}
