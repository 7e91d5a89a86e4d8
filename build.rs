//! Gives the binary a fingerprint of its own source (`GAZETTE_SOURCE_HASH`), so that a build
//! state written by another build of Gazette, even of the same version, is not trusted to know
//! how this one reads notices. The versions of the crates it is built with count too
//! (`Cargo.lock`): another Markdown parser may render a body otherwise, another encoder write
//! the state otherwise.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src");
    let mut files = Vec::new();
    // Absent where the crate is built without its lock file beside it (as a dependency, or in
    // a workspace): then there is nothing to watch.
    if Path::new("Cargo.lock").exists() {
        println!("cargo:rerun-if-changed=Cargo.lock");
        files.push(PathBuf::from("Cargo.lock"));
    }
    collect(Path::new("src"), &mut files);
    files.sort();
    // FNV-1a: fixed across compilers, unlike the standard library's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_default();
        for byte in file.to_string_lossy().bytes().chain([0]).chain(bytes) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=GAZETTE_SOURCE_HASH={hash:016x}");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
