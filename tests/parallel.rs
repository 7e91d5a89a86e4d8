//! Parallel work must not change the result: the same archive built on one thread and on
//! several gives the same files, byte for byte, and reports the same problems.

mod common;

use common::*;

#[allow(dead_code)]
#[path = "../examples/gen_corpus/main.rs"]
mod gen_corpus;

/// Notices enough that every parallel stage (reading, linking, planning, writing, the search
/// index) splits its work between threads: the generated bodies cite one another, name
/// numbers outside the archive and declare relations, as in the benchmark corpus; every
/// seventh is a bundle with an attachment.
const NOTICES: usize = 300;

/// Builds the archive into `out` with `threads` threads; returns the problems it printed.
fn build_with(archive: &TestArchive, threads: usize, out: &str) -> Vec<String> {
    let output = assert_cmd::Command::cargo_bin("gazette")
        .unwrap()
        .current_dir(archive.root())
        .env("RAYON_NUM_THREADS", threads.to_string())
        .args(["build", "--out", out])
        .output()
        .expect("run gazette");
    assert!(output.status.success(), "build on {threads} threads failed:\n{}", stderr(&output));
    // The summary line holds the time the build took; every other line is a problem.
    stderr(&output)
        .lines()
        .filter(|line| line.starts_with("cảnh báo:") || line.starts_with("lỗi:") || line.starts_with("  "))
        .map(str::to_string)
        .collect()
}

#[test]
fn one_thread_and_many_build_the_same_files() {
    let archive = TestArchive::new();
    gen_corpus::generate_with_bundles(archive.root(), 7, NOTICES, 7).expect("generate the archive");
    let one_problems = build_with(&archive, 1, "out-1");
    let one = snapshot(&archive.path("out-1"));
    assert!(
        one.iter().filter(|(path, _)| path.starts_with("van-ban/")).count() >= NOTICES,
        "every notice has a page"
    );
    assert!(!one_problems.is_empty(), "the generated archive cites numbers outside it");
    for threads in [2, 7] {
        let out = format!("out-{threads}");
        let problems = build_with(&archive, threads, &out);
        assert_eq!(problems, one_problems, "problems reported on {threads} threads");
        let many = snapshot(&archive.path(&out));
        // The build state's file is the only one that may differ: it records each written
        // file's modification time and inode, which belong to this run's files. Its pieces,
        // named by their bytes, are compared with the rest.
        let comparable = |files: &[(String, Vec<u8>)]| -> Vec<(String, Vec<u8>)> {
            files.iter().filter(|(path, _)| path != ".gazette/state").cloned().collect()
        };
        let (a, b) = (comparable(&one), comparable(&many));
        let paths = |files: &[(String, Vec<u8>)]| files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&a), paths(&b), "the same files on 1 and {threads} threads");
        for ((path, x), (_, y)) in a.iter().zip(&b) {
            assert!(x == y, "{path} differs between 1 and {threads} threads");
        }
        assert!(many.iter().any(|(path, _)| path == ".gazette/state"), "a build state is written");
    }
}
