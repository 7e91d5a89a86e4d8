//! Tests of the output folder: what is Gazette's, what is refused, and the staging folder's swap.

use super::*;

#[test]
fn a_folder_with_only_the_marker_being_written_is_gazettes_and_one_with_a_file_is_not() {
    let dir = std::env::temp_dir().join(format!("gazette-own-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join(".gazette")).unwrap();
    assert!(is_own_or_empty(&dir).unwrap());
    // Stopped between writing the marker beside its place and moving it there.
    fs::write(dir.join(marker_being_written()), "x").unwrap();
    assert!(is_own_or_empty(&dir).unwrap());
    // Near misses: the same name elsewhere, or any other file, is somebody's.
    fs::write(dir.join("output.new"), "x").unwrap();
    assert!(!is_own_or_empty(&dir).unwrap());
    fs::remove_file(dir.join("output.new")).unwrap();
    fs::write(dir.join(".gazette/khac.txt"), "x").unwrap();
    assert!(!is_own_or_empty(&dir).unwrap());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn refuses_root_content_and_parents() {
    let root = Path::new("/tmp/archive");
    let refused = [
        "/tmp/archive",
        "/tmp/archive/content",
        "/tmp",
        "/tmp/archive/output/..",
        "/tmp/archive/static",
        "/tmp/archive/static/out",
        "/tmp/archive/templates/x",
        "/tmp/archive/themes",
        "/tmp/archive/themes/default/out",
        "/tmp/archive/content/2024/out",
    ];
    for out in refused {
        assert!(OutputDir::new(root, Path::new(out)).is_err(), "{out}");
    }
    for out in ["/tmp/archive/output", "/tmp/elsewhere/out", "/tmp/archive/statics"] {
        assert!(OutputDir::new(root, Path::new(out)).is_ok(), "{out}");
    }
    let inside_staging = Path::new("/tmp/.site.staging/archive");
    assert!(OutputDir::new(inside_staging, Path::new("/tmp/site")).is_err());
    assert!(OutputDir::new(Path::new("/tmp/.site.old"), Path::new("/tmp/site")).is_err());
    assert!(OutputDir::new(Path::new("/tmp/.site.previous"), Path::new("/tmp/site")).is_err());
}

#[test]
fn staging_refuses_paths_that_leave_it() {
    let dir = std::env::temp_dir().join(format!("gazette-staging-test-{}", std::process::id()));
    let output = OutputDir::new(&dir.join("archive"), &dir.join("out")).unwrap();
    let lock = output.lock(Wait::No).unwrap();
    let staging = output.stage(&lock, None).unwrap();
    assert!(staging.write("../escape.txt", b"x").is_err());
    assert!(staging.write("/abs.txt", b"x").is_err());
    staging.write("a/b.txt", b"x").unwrap();
    staging.commit().unwrap();
    assert_eq!(fs::read(dir.join("out/a/b.txt")).unwrap(), b"x");
    assert!(dir.join("out").join(MARKER).is_file());
    assert!(!dir.join("escape.txt").exists());
    fs::remove_dir_all(&dir).unwrap();
}

/// Where folders cannot be exchanged in one step the swap is two renames through `.old`; a
/// build stopped between them leaves the output in `.old`, and the next build puts it back.
#[test]
fn the_two_step_swap_and_its_recovery_leave_an_archive_at_the_path() {
    let dir = std::env::temp_dir().join(format!("gazette-two-step-test-{}", std::process::id()));
    let output = OutputDir::new(&dir.join("archive"), &dir.join("out")).unwrap();
    let lock = output.lock(Wait::No).unwrap();
    let staging = output.stage(&lock, None).unwrap();
    staging.write("trang.html", b"1").unwrap();
    staging.commit().unwrap();

    let mut staging = output.stage(&lock, None).unwrap();
    staging.write("trang.html", b"2").unwrap();
    staging.seal().unwrap();
    staging.swap_in_two_steps().unwrap();
    drop(staging);
    assert_eq!(fs::read(dir.join("out/trang.html")).unwrap(), b"2");
    assert_eq!(fs::read(dir.join(".out.old/trang.html")).unwrap(), b"1", "the replaced output");

    // Stopped right after the first rename: no output at the path, the last one in `.old`.
    fs::remove_dir_all(dir.join(".out.old")).unwrap();
    fs::rename(dir.join("out"), dir.join(".out.old")).unwrap();
    let staging = output.stage(&lock, None).unwrap();
    assert_eq!(fs::read(dir.join("out/trang.html")).unwrap(), b"2", "put back before building");
    assert!(!dir.join(".out.old").exists());
    drop(staging);
    drop(lock);
    fs::remove_dir_all(&dir).unwrap();
}
