//! Publishing is all or nothing and loses nothing: builds of one output take turns, Gazette
//! removes only folders it made, the swap leaves the old or the new archive whatever instant a
//! build is stopped at, and what would overwrite a generated file is an error.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use common::*;

fn gazette() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin("gazette"))
}

/// An archive of `count` notices whose titles carry `version`.
fn archive_of(count: usize, version: &str) -> TestArchive {
    let archive = TestArchive::new();
    write_notices(&archive, count, version);
    archive
}

fn write_notices(archive: &TestArchive, count: usize, version: &str) {
    for i in 1..=count {
        let body = format!("Nội dung phiên bản {version}. Căn cứ Thông báo số {}-TB/VPTU.", i.max(2) - 1);
        let title = format!("Thông báo {version} số {i}");
        archive.write(
            &format!("content/tb-{i}.md"),
            &simple(&format!("{i}-TB/VPTU"), "2024-03-01", &title, &body),
        );
    }
}

#[test]
fn two_builds_at_once_take_turns_and_both_publish_the_whole_site() {
    let archive = archive_of(120, "một");
    let reference = TestArchive::new();
    archive.build_ok(&["--out", reference.path("out").to_str().unwrap()]);
    let expected = site_files(&reference.path("out"));
    for _ in 0..3 {
        let builds: Vec<_> = (0..2)
            .map(|_| {
                gazette().arg("build").current_dir(archive.root()).stderr(Stdio::piped()).spawn().unwrap()
            })
            .collect();
        for build in builds {
            let output = build.wait_with_output().unwrap();
            assert!(output.status.success(), "{}", stderr(&output));
        }
        assert!(site_files(&archive.path("output")) == expected, "the output is not the whole site");
        assert!(!archive.exists(".output.staging"), "a staging folder was left behind");
    }
}

#[test]
fn a_build_waits_for_the_lock_or_refuses_with_no_wait() {
    let archive = archive_of(3, "một");
    // The test holds the lock a build takes: the folder that holds the output.
    let lock = std::fs::File::open(archive.root()).unwrap();
    lock.lock().unwrap();
    let refused = archive.run(&["build", "--no-wait"]);
    assert_eq!(refused.status.code(), Some(1));
    // The lock is the folder's that holds the output, shared by every output in it: said so.
    assert!(
        stderr(&refused).contains("một lần dựng khác đang ghi vào một thư mục kết quả trong "),
        "{}",
        stderr(&refused)
    );
    assert!(!archive.exists("output/index.html"));

    let mut waiting =
        gazette().arg("build").current_dir(archive.root()).stderr(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(waiting.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.contains("đang chờ lần dựng khác"), "{first}");
    assert!(!archive.exists("output/index.html"), "nothing is written while the lock is held");
    lock.unlock().unwrap();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(waiting.wait().unwrap().success(), "{rest:?}");
    assert!(archive.exists("output/index.html"));
}

#[test]
fn folders_gazette_did_not_make_are_never_removed() {
    let archive = archive_of(2, "một");
    archive.write(".output.staging/backup.txt", "bản sao của người dùng");
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(".output.staging đã có và không do Gazette tạo"), "{}", stderr(&output));
    assert_eq!(archive.read(".output.staging/backup.txt"), "bản sao của người dùng");
    assert!(!archive.exists("output/index.html"));

    std::fs::remove_dir_all(archive.path(".output.staging")).unwrap();
    archive.write(".output.old/backup.txt", "bản cũ");
    archive.build_ok(&[]);
    assert_eq!(archive.read(".output.old/backup.txt"), "bản cũ", "a user's .output.old is left alone");

    // The output a build replaces is kept as `.output.previous`: one of the user's is not.
    archive.write(".output.previous/backup.txt", "bản trước");
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(".output.previous đã có và không do Gazette tạo"),
        "{}",
        stderr(&output)
    );
    assert_eq!(archive.read(".output.previous/backup.txt"), "bản trước");
}

#[test]
fn a_previous_output_that_is_a_link_is_refused_and_its_target_untouched() {
    // Another archive's output, Gazette's own, and a link to it where this build keeps the
    // output it replaces: the build must not prune or write into the other output.
    let other = archive_of(3, "khác");
    other.build_ok(&[]);
    let before = snapshot(&other.path("output"));
    let archive = archive_of(2, "một");
    archive.build_ok(&[]);
    std::fs::remove_dir_all(archive.path(".output.previous")).ok();
    std::os::unix::fs::symlink(other.path("output"), archive.path(".output.previous")).unwrap();
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(".output.previous đã có và không do Gazette tạo"),
        "{}",
        stderr(&output)
    );
    assert!(snapshot(&other.path("output")) == before, "the linked output was changed");
    assert!(archive.path(".output.previous").symlink_metadata().unwrap().file_type().is_symlink());
}

#[test]
fn an_output_of_other_files_or_a_file_is_refused_before_anything_is_written() {
    let archive = archive_of(2, "một");
    let elsewhere = TestArchive::new();
    elsewhere.write("site/ghi-chu.txt", "tài liệu riêng");
    let out = elsewhere.path("site");
    let output = archive.run(&["build", "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("chứa các tệp không do Gazette ghi"), "{}", stderr(&output));
    assert_eq!(snapshot(&out), vec![("ghi-chu.txt".to_string(), "tài liệu riêng".as_bytes().to_vec())]);

    elsewhere.write("file-out", "một tệp");
    let output = archive.run(&["build", "--out", elsewhere.path("file-out").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("đó là một tệp, không phải thư mục"), "{}", stderr(&output));
    assert_eq!(elsewhere.read("file-out"), "một tệp");
    assert!(!elsewhere.exists(".file-out.staging"), "nothing was staged");

    // An empty folder, one with only .gitkeep, and a previous output are fine.
    std::fs::create_dir_all(elsewhere.path("empty")).unwrap();
    archive.build_ok(&["--out", elsewhere.path("empty").to_str().unwrap()]);
    elsewhere.write("kept/.gitkeep", "");
    let inode =
        || std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(elsewhere.path("kept/.gitkeep")).unwrap());
    let first = inode();
    archive.build_ok(&["--out", elsewhere.path("kept").to_str().unwrap()]);
    std::fs::write(archive.path("content/moi.md"), simple("9-TB/VPTU", "2024-02-02", "B", "y")).unwrap();
    archive.build_ok(&["--out", elsewhere.path("kept").to_str().unwrap()]);
    assert!(elsewhere.exists("kept/.gitkeep") && elsewhere.exists("kept/index.html"));
    // Carried over as the very file, not a copy: a sync has nothing to send for it.
    assert_eq!(inode(), first);
}

#[test]
fn a_root_named_like_a_staging_folder_is_refused_and_kept() {
    let parent = TestArchive::new();
    let root = parent.path(".site.staging");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("content/a.md"), simple("1-TB/VPTU", "2024-01-02", "A", "x")).unwrap();
    let output = gazette()
        .args(["build", "--root", root.to_str().unwrap(), "--out", parent.path("site").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("là thư mục tạm của thư mục kết quả"), "{}", stderr(&output));
    assert!(root.join("content/a.md").is_file(), "the archive is still there");
}

#[test]
fn an_output_inside_a_folder_the_archive_reads_is_refused() {
    let archive = archive_of(1, "một");
    archive.write("static/logo.txt", "logo");
    archive.write("templates/.keep", "");
    // The place of site.yaml too, though the archive has none yet.
    std::fs::remove_file(archive.path("site.yaml")).ok();
    for out in ["static/out", "templates/out", "themes/x/out", "content/out", "site.yaml"] {
        let output = archive.run(&["build", "--out", out]);
        assert_eq!(output.status.code(), Some(1), "{out}");
        assert!(stderr(&output).contains("không ghi kết quả vào"), "{out}: {}", stderr(&output));
        assert!(!archive.exists(out), "{out} was created");
    }
    for theme in ["../x", "/etc", "a/b"] {
        archive.write("site.yaml", &format!("theme: '{theme}'\n"));
        let output = archive.run(&["build"]);
        assert_eq!(output.status.code(), Some(1), "{theme}");
        assert!(stderr(&output).contains("phải là tên một thư mục trong themes/"), "{}", stderr(&output));
    }
}

#[test]
fn a_stopped_build_leaves_the_old_or_the_new_archive() {
    let archive = archive_of(150, "một");
    let (first, second) = (TestArchive::new(), TestArchive::new());
    archive.build_ok(&["--out", first.path("out").to_str().unwrap()]);
    write_notices(&archive, 150, "hai");
    archive.build_ok(&["--out", second.path("out").to_str().unwrap()]);
    let versions = [site_files(&first.path("out")), site_files(&second.path("out"))];
    archive.build_ok(&[]);
    let started = Instant::now();
    archive.build_ok(&[]);
    let full_build = started.elapsed();
    for round in 0..12u32 {
        let version = if round % 2 == 0 { "một" } else { "hai" };
        write_notices(&archive, 150, version);
        let mut build =
            gazette().arg("build").current_dir(archive.root()).stderr(Stdio::null()).spawn().unwrap();
        // Stop the build at a different instant each round, from its start to its end.
        let stop_at = full_build * round / 11;
        let spin = Instant::now();
        while spin.elapsed() < stop_at && build.try_wait().unwrap().is_none() {
            std::hint::spin_loop();
        }
        let _ = build.kill();
        build.wait().unwrap();
        let now = site_files(&archive.path("output"));
        assert!(versions.contains(&now), "round {round}: the output is neither the old nor the new archive");
    }
    archive.build_ok(&[]);
    assert!(!archive.exists(".output.staging"));
}

#[test]
fn copied_files_over_generated_ones_are_errors_naming_both() {
    let archive = TestArchive::new();
    archive.write("content/2024/bc/index.md", &simple("3-BC/VPTU", "2024-02-03", "Báo cáo", "Nội dung."));
    archive.write("content/2024/bc/index.html", "<p>trang riêng</p>");
    archive.write("static/api/notices.json", "[]");
    archive.write("static/.gazette/output", "x");
    for command in ["build", "check"] {
        let output = archive.run(&[command]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let err = if command == "check" { stdout(&output) } else { stderr(&output) };
        for expected in [
            "lỗi: content/2024/bc/index.md:1:1: tệp đính kèm `index.html` sẽ ghi đè lên van-ban/2024/bao-cao-3-bc-vptu/index.html do Gazette tạo",
            "lỗi: static/api/notices.json:1:1: static/api/notices.json sẽ ghi đè lên api/notices.json do Gazette tạo",
            "lỗi: static/.gazette/output:1:1:",
        ] {
            assert!(err.contains(expected), "{command}: missing {expected} in\n{err}");
        }
    }
}

#[test]
fn check_fails_where_build_fails_on_a_template_error() {
    let archive = archive_of(2, "một");
    archive.write(
        "templates/notice.html",
        "{% extends \"base.html\" %}{% block main %}{{ notice.title | round }}{% endblock main %}",
    );
    let check = archive.run(&["check"]);
    let build = archive.run(&["build"]);
    assert_eq!(check.status.code(), Some(1), "{}", stdout(&check));
    assert_eq!(build.status.code(), Some(1));
    assert!(stdout(&check).contains("lỗi: templates/notice.html:"), "{}", stdout(&check));
    assert!(stderr(&build).contains("lỗi: templates/notice.html:"), "{}", stderr(&build));
}

/// Runs `script` with `sh` in a user and mount namespace of its own, as root there, so that it
/// can mount a small disk that no one else sees; `args` are its `$1`, `$2`, …
fn in_own_mount_namespace(script: &str, args: &[&std::path::Path]) -> std::process::Output {
    Command::new("unshare")
        .args(["--map-root-user", "--mount", "sh", "-c", script, "sh"])
        .args(args)
        .output()
        .expect("unshare (util-linux) runs")
}

#[test]
fn a_full_disk_stops_the_build_with_one_error_and_the_previous_output_as_it_was() {
    let work = TestArchive::new();
    std::fs::create_dir(work.path("disk")).unwrap();
    let probe = in_own_mount_namespace(r#"mount -t tmpfs -o size=64k tmpfs "$1""#, &[&work.path("disk")]);
    if !probe.status.success() {
        // A container or kernel that allows no user namespaces: no disk of the test's own.
        eprintln!("skipped: cannot mount a small disk here: {}", stderr(&probe));
        return;
    }
    let archive = archive_of(20, "một");
    // A notice too long for the disk left: some 5 MB.
    let paragraphs: String =
        (1..=40_000).map(|i| format!("Đoạn {i} của báo cáo tổng hợp ý kiến các đơn vị.\n\n")).collect();
    work.write("dai.md", &simple("99-BC/VPTU", "2024-05-02", "Báo cáo tổng hợp", &paragraphs));
    // Two builds that fit (the second, of an edit, keeps the first beside as `.out.previous`,
    // which the third stages in), then one that does not.
    let script = r#"
        set -e
        mount -t tmpfs -o size=4m tmpfs "$1"
        "$2" build --root "$3" --out "$1/out" 2>"$4/first.err"
        echo "Một câu thêm." >>"$3/content/tb-2.md"
        "$2" build --root "$3" --out "$1/out" 2>>"$4/first.err"
        ls -A "$1" | LC_ALL=C sort >"$4/disk-before.list"
        cp -a "$1/out" "$4/before"
        cp "$4/dai.md" "$3/content/dai.md"
        set +e
        "$2" build --root "$3" --out "$1/out" 2>"$4/second.err"
        echo $? >"$4/second.code"
        set -e
        cp -a "$1/out" "$4/after"
        ls -A "$1" | LC_ALL=C sort >"$4/disk-after.list"
        # A disk full to the last byte before a build of an edit starts, then room made.
        rm "$3/content/dai.md"
        "$2" build --root "$3" --out "$1/out" 2>>"$4/first.err"
        echo "Một câu nữa." >>"$3/content/tb-3.md"
        head -c 8000000 /dev/zero >"$1/filler" 2>/dev/null || true
        set +e
        "$2" build --root "$3" --out "$1/out" 2>"$4/full.err"
        echo $? >"$4/full.code"
        set -e
        rm "$1/filler"
        "$2" build --root "$3" --out "$1/out" 2>>"$4/first.err"
        ls -A "$1" | LC_ALL=C sort >"$4/disk-end.list"
    "#;
    let gazette = assert_cmd::cargo::cargo_bin("gazette");
    let ran = in_own_mount_namespace(script, &[&work.path("disk"), &gazette, archive.root(), work.root()]);
    assert!(ran.status.success(), "{}", stderr(&ran));
    assert_eq!(work.read("disk-before.list").lines().collect::<Vec<_>>(), [".out.previous", "out"]);

    assert_eq!(work.read("second.code").trim(), "1", "{}", work.read("second.err"));
    let said = work.read("second.err");
    let errors: Vec<&str> = said.lines().filter(|l| l.starts_with("lỗi:")).collect();
    assert_eq!(errors.len(), 1, "one error, not one for each file:\n{said}");
    assert!(errors[0].contains("đã đầy") && errors[0].contains("kết quả cũ vẫn giữ nguyên"), "{said}");
    assert!(said.contains("gợi ý: giải phóng chỗ trống"), "{said}");
    assert!(!said.contains("không ghi được tệp"), "{said}");
    // The output is the second build's; what the failed build wrote is gone, and with it the
    // folder it staged in, for the room.
    assert!(site_files(&work.path("before")) == site_files(&work.path("after")), "the output changed");
    assert!(work.read("before/index.html").contains("Thông báo một số 20"));
    assert_eq!(work.read("disk-after.list").lines().collect::<Vec<_>>(), ["out"]);
    // Full before it starts: the same one error; once there is room, the next build is made.
    assert_eq!(work.read("full.code").trim(), "1", "{}", work.read("full.err"));
    let said = work.read("full.err");
    assert_eq!(said.lines().filter(|l| l.starts_with("lỗi:")).count(), 1, "{said}");
    assert!(said.contains("đã đầy"), "{said}");
    assert_eq!(work.read("disk-end.list").lines().collect::<Vec<_>>(), [".out.previous", "out"]);
}
