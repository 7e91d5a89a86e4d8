//! Incremental builds: after every kind of edit, the output of a build that reuses the last
//! one's state is byte for byte a clean build of the same sources, and every file whose bytes
//! did not change is the very file it was (same inode, same modification time).

mod common;
mod edits;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::compare::{build_and_compare, identities};
use common::*;

fn front(number: &str, date: &str, title: &str, extra: &str) -> String {
    format!(
        "number: {number}\ntitle: {title}\nissuer: Văn phòng Tỉnh ủy\ndate: {date}\nsigner: Hà Thị Lan\n{extra}"
    )
}

/// A small archive whose notices cite one another, with tags, a bundle and a static file.
fn archive() -> TestArchive {
    let archive = TestArchive::new();
    archive.write("site.yaml", "title: Kho thử\n");
    for i in 1..=12 {
        let cited =
            if i > 1 { format!(" Căn cứ Thông báo số {}-TB/VPTU.", i - 1) } else { String::new() };
        let tags = if i % 3 == 0 { "tags: [cải cách]" } else { "tags: [chuyển đổi số]" };
        archive.write(
            &format!("content/2024/tb-{i}.md"),
            &notice(
                &front(
                    &format!("{i}-TB/VPTU"),
                    &format!("2024-03-{:02}", i + 1),
                    &format!("Thông báo số {i}"),
                    tags,
                ),
                // Headings: a page made again for a notice not read in its build shows its
                // table of contents, which the build state does not keep.
                &format!(
                    "## I. Mục đích\n\nNội dung {i}.{cited}\n\n## II. Tổ chức thực hiện\n\nGiao Văn phòng."
                ),
            ),
        );
    }
    // Its body links its attachment by a name a URL would read otherwise, and cites a notice
    // whose edits make its page again without its file being read.
    archive.write(
        "content/2024/bc/index.md",
        &notice(
            &front("3-BC/VPTU", "2024-04-02", "Báo cáo quý", ""),
            "Báo cáo theo Thông báo số 1-TB/VPTU, kèm [phụ lục](<phu-luc #1.txt>).",
        ),
    );
    archive.write("content/2024/bc/phu-luc #1.txt", "phụ lục 1");
    // A decision issuing a regulation, whose articles another notice cites, and which cites a
    // circular of a ministry the archive does not hold: the citing notice's links and
    // warnings move with edits of other files.
    archive.write(
        "content/2024/qd-5.md",
        &notice(
            &front("5-QĐ/VPTU", "2024-04-03", "Quyết định ban hành Quy định về lưu trữ", ""),
            "**Điều 1.** Ban hành kèm theo Quyết định này Quy định về lưu trữ.\n\n\
             **Điều 2.** Quyết định có hiệu lực từ ngày ký.\n\n\
             ## QUY ĐỊNH\n\n*(Ban hành kèm theo Quyết định số 5-QĐ/VPTU)*\n\n\
             **Điều 1. Phạm vi**\n\nÁp dụng cho các phòng.\n\n\
             **Điều 2. Thời hạn**\n\nTrong một năm.\n\n\
             **Điều 3. Kiểm tra**\n\nHằng quý, theo Thông tư số 02/2019/TT-BNV.\n",
        ),
    );
    archive.write(
        "content/2024/kh-6.md",
        &notice(
            &front("6-KH/VPTU", "2024-04-10", "Kế hoạch lưu trữ", ""),
            "Theo Điều 3 Quy định ban hành kèm theo Quyết định số 5-QĐ/VPTU và Thông tư số 02/2019/TT-BNV.",
        ),
    );
    archive.write("static/ghi-chu.txt", "ghi chú");
    archive
}

fn edit(archive: &TestArchive, path: &str, from: &str, to: &str) {
    let text = archive.read(path);
    assert!(text.contains(from), "{path} does not hold {from:?}");
    archive.write(path, &text.replacen(from, to, 1));
}

#[test]
fn every_kind_of_edit_comes_out_as_a_clean_build_and_leaves_the_rest_untouched() {
    let archive = archive();
    archive.build_ok(&[]);
    let summary = build_and_compare(&archive, "no change");
    assert!(summary.contains("(0 tệp được ghi"), "{summary}");
    assert!(summary.contains("đọc 0 tệp văn bản"), "{summary}");

    for (step, change) in edits::steps() {
        change(&archive);
        let summary = build_and_compare(&archive, step);
        eprintln!("{step}: {summary}");
    }
}

#[test]
fn a_body_edit_rewrites_only_what_shows_it() {
    let archive = archive();
    archive.build_ok(&[]);
    edit(&archive, "content/2024/tb-5.md", "Nội dung 5.", "Nội dung 5, đoạn sửa.");
    let changes = archive.path("changes.txt");
    let output = archive.build_ok(&["--changes", changes.to_str().unwrap()]);
    let summary = stderr(&output);
    assert!(summary.contains("đọc 1 tệp văn bản"), "{summary}");
    let listed = std::fs::read_to_string(&changes).unwrap();
    let lines: Vec<&str> = listed.lines().collect();
    assert!(lines.contains(&"~ van-ban/2024/thong-bao-5-tb-vptu/index.html"), "{listed}");
    assert!(lines.iter().all(|l| l.starts_with("~ ")), "only changes, nothing added or removed: {listed}");
    // The page of a notice it does not touch, and the other notices' pages, are not listed.
    // The index's files that change are the term shards and phrase files of the words added.
    assert!(!listed.contains("thong-bao-1-tb-vptu"), "{listed}");
    assert!(!lines.iter().any(|l| l.contains("van-ban/") && !l.contains("thong-bao-5-tb-vptu")), "{listed}");
    assert!(lines.len() < 24, "{} files listed: {listed}", lines.len());
    assert!(!listed.contains(".gazette"), "{listed}");

    std::fs::remove_file(archive.path("content/2024/tb-3.md")).unwrap();
    archive.build_ok(&["--changes", changes.to_str().unwrap()]);
    let listed = std::fs::read_to_string(&changes).unwrap();
    assert!(listed.lines().any(|l| l == "- van-ban/2024/thong-bao-3-tb-vptu/index.html"), "{listed}");
    archive.write(
        "content/2024/tb-3.md",
        &notice(&front("3-TB/VPTU", "2024-03-04", "Trở lại", ""), "Nội dung 3."),
    );
    archive.build_ok(&["--changes", changes.to_str().unwrap()]);
    let listed = std::fs::read_to_string(&changes).unwrap();
    assert!(listed.lines().any(|l| l == "+ van-ban/2024/thong-bao-3-tb-vptu/index.html"), "{listed}");

    // A build that fails changes nothing, and its list says so: the last one's is not left.
    edit(&archive, "content/2024/tb-6.md", "Nội dung 6.", "Nội dung sáu.");
    archive.write("content/2024/hong.md", "---\nnumber: [\n---\nKhông đọc được.\n");
    let failed = archive.run(&["build", "--changes", changes.to_str().unwrap()]);
    assert!(!failed.status.success(), "{}", stderr(&failed));
    assert_eq!(std::fs::read_to_string(&changes).unwrap(), "");
    std::fs::remove_file(archive.path("content/2024/hong.md")).unwrap();

    // A page changed by hand is made again: a change, not an addition.
    archive.build_ok(&[]);
    archive.write("output/van-ban/2024/thong-bao-8-tb-vptu/index.html", "sửa tay");
    archive.build_ok(&["--changes", changes.to_str().unwrap()]);
    let listed = std::fs::read_to_string(&changes).unwrap();
    assert_eq!(listed, "~ van-ban/2024/thong-bao-8-tb-vptu/index.html\n");
    // So is a file of the search index whose records did not change, which a build otherwise
    // takes as the last one wrote it.
    let docs = "output/search/docs/0.js";
    let written = archive.read(docs);
    archive.write(docs, "sửa tay");
    archive.build_ok(&["--changes", changes.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&changes).unwrap(), "~ search/docs/0.js\n");
    assert_eq!(archive.read(docs), written);

    // Without a state the files on disk are compared, Gazette's own folder among them: it is
    // never listed. What --full keeps is no change; a file it writes anew is, or not, by its bytes.
    archive.build_ok(&["--full", "--changes", changes.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&changes).unwrap(), "");
    archive.write("output/van-ban/2024/thong-bao-8-tb-vptu/index.html", "sửa tay");
    std::fs::remove_file(archive.path("output/van-ban/2024/thong-bao-6-tb-vptu/index.html")).unwrap();
    archive.write("output/them.html", "thêm tay");
    archive.build_ok(&["--full", "--changes", changes.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&changes).unwrap(),
        "- them.html\n+ van-ban/2024/thong-bao-6-tb-vptu/index.html\n~ van-ban/2024/thong-bao-8-tb-vptu/index.html\n"
    );

    // With a state, the same list. A file put there by hand is said to be left out, once: it
    // stays in the replaced output until the next build.
    archive.write("output/van-ban/2024/thong-bao-8-tb-vptu/index.html", "sửa tay");
    std::fs::remove_file(archive.path("output/van-ban/2024/thong-bao-6-tb-vptu/index.html")).unwrap();
    archive.write("output/them.html", "thêm tay");
    let output = archive.build_ok(&["--changes", changes.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&changes).unwrap(),
        "- them.html\n+ van-ban/2024/thong-bao-6-tb-vptu/index.html\n~ van-ban/2024/thong-bao-8-tb-vptu/index.html\n"
    );
    let said = stderr(&output);
    assert!(
        said.contains(
            "lưu ý: 1 tệp trong output/ không do Gazette tạo nên không được giữ trong kết quả mới \
             (còn trong .output.previous/ đến lần dựng sau): them.html; tệp cần đăng nguyên trạng"
        ),
        "{said}"
    );
    assert_eq!(archive.read(".output.previous/them.html"), "thêm tay");
    assert!(!archive.path("output/them.html").exists());
    let again = stderr(&archive.build_ok(&["--changes", changes.to_str().unwrap()]));
    assert!(!again.contains("them.html") && again.contains("0 cảnh báo"), "{again}");
    assert_eq!(std::fs::read_to_string(&changes).unwrap(), "");

    // Many are said in one note, which names the first few; a root given through `..` is
    // shown from the archive all the same.
    for i in 0..7 {
        archive.write(&format!("output/tay/{i}.txt"), "thêm tay");
    }
    edit(&archive, "content/2024/tb-7.md", "Nội dung 7.", "Nội dung bảy.");
    let output = assert_cmd::Command::cargo_bin("gazette")
        .unwrap()
        .current_dir(archive.path("content"))
        .args(["build", "--root", ".."])
        .output()
        .unwrap();
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains(
            "lưu ý: 7 tệp trong output/ không do Gazette tạo nên không được giữ trong kết quả mới \
             (còn trong .output.previous/ đến lần dựng sau): tay/0.txt, tay/1.txt, tay/2.txt, tay/3.txt, \
             tay/4.txt, …;"
        ),
        "{said}"
    );
}

#[test]
fn a_number_edit_leaves_the_search_documents_of_its_day_where_they_were() {
    // Two notices of one day; the second speaks of many things the first does not.
    let archive = archive();
    let words: String = (1..=300).map(|i| format!(" mục{i}x")).collect();
    let same_day = |number: &str, body: &str| notice(&front(number, "2024-07-01", "Công văn", ""), body);
    archive.write("content/2024/cv-1.md", &same_day("1-CV/VPTU", "Về lịch họp."));
    archive.write("content/2024/cv-2.md", &same_day("2-CV/VPTU", &format!("Về các việc:{words}.")));
    archive.build_ok(&[]);
    // The first notice's number now comes after the second's.
    edit(&archive, "content/2024/cv-1.md", "number: 1-CV/VPTU", "number: 3-CV/VPTU");
    let changes = archive.path("changes.txt");
    archive.build_ok(&["--changes", changes.to_str().unwrap()]);
    let listed = std::fs::read_to_string(&changes).unwrap();
    let search_files = listed.lines().filter(|l| l.contains(" search/")).count();
    let all = identities(&archive.path("output")).keys().filter(|p| p.starts_with("search/")).count();
    // The edited notice's number and its record; not the other notice's three hundred words,
    // which are in most of the index's files (with the ids moved: 34 of 35 files, tried).
    assert!(search_files * 4 < all, "{search_files} of {all} files of the search index written:\n{listed}");
    build_and_compare(&archive, "a number edit");
}

#[test]
fn a_list_of_changes_is_never_written_over_what_a_build_reads_or_replaces() {
    let archive = archive();
    archive.build_ok(&[]);
    archive.write("bien-ban/1.txt", "của tôi");
    let kept = ["site.yaml", "content/2024/tb-1.md", "static/ghi-chu.txt", "output/index.html"];
    let before: Vec<String> = kept.iter().map(|path| archive.read(path)).collect();
    for (named, said) in [
        ("site.yaml", "đó là tệp site.yaml của kho"),
        ("content/2024/tb-1.md", "đó là một tệp trong thư mục content của kho"),
        ("content/moi.txt", "thư mục content"),
        ("static/ghi-chu.txt", "thư mục static"),
        ("output/index.html", "một tệp trong thư mục kết quả"),
        ("./output/../site.yaml", "tệp site.yaml"),
        ("bien-ban", "đó là một thư mục"),
    ] {
        let refused = archive.run(&["build", "--changes", named]);
        assert_eq!(refused.status.code(), Some(1), "{named}");
        let err = stderr(&refused);
        assert!(err.contains("không ghi danh sách thay đổi vào") && err.contains(said), "{named}: {err}");
        assert!(err.contains("gợi ý: chọn một tệp ở ngoài"), "{err}");
    }
    let after: Vec<String> = kept.iter().map(|path| archive.read(path)).collect();
    assert_eq!(after, before);
    assert!(!archive.exists("content/moi.txt"));
    // A second name of a notice file (a hard link), or a path through a link to content/.
    let outside = TestArchive::new();
    let linked = outside.path("ten-khac.md");
    std::fs::hard_link(archive.path("content/2024/tb-1.md"), &linked).unwrap();
    std::os::unix::fs::symlink(archive.path("content"), outside.path("noi-dung")).unwrap();
    for (named, said) in [
        (linked.clone(), "còn có tên khác (liên kết cứng)"),
        (outside.path("noi-dung/2024/tb-1.md"), "thư mục content"),
    ] {
        let refused = archive.run(&["build", "--changes", named.to_str().unwrap()]);
        assert_eq!(refused.status.code(), Some(1), "{named:?}");
        assert!(stderr(&refused).contains(said), "{named:?}: {}", stderr(&refused));
    }
    assert_eq!(archive.read("content/2024/tb-1.md"), before[1]);
    // Beside the archive's folders it is the user's to name.
    archive.build_ok(&["--changes", "thay-doi.txt"]);
    assert!(archive.exists("thay-doi.txt"));
}

/// The state's pieces (`.gazette/pieces/NAME`) by name, with their inodes.
fn state_pieces(output: &Path) -> BTreeMap<String, u64> {
    std::fs::read_dir(output.join(".gazette/pieces"))
        .unwrap()
        .map(|entry| entry.unwrap())
        .map(|entry| (entry.file_name().into_string().unwrap(), entry.metadata().unwrap().ino()))
        .collect()
}

/// How many of the pieces `of` are in `than` as the very same files (name and inode).
fn same_files(of: &BTreeMap<String, u64>, than: &BTreeMap<String, u64>) -> usize {
    of.iter().filter(|(name, inode)| than.get(*name) == Some(*inode)).count()
}

#[test]
fn an_edit_writes_only_the_pieces_of_the_state_that_hold_what_changed() {
    // More notices than one piece of the state holds (a thousand): two pieces of notices, two
    // of their links, one of their search terms.
    let archive = TestArchive::new();
    archive.write("site.yaml", "title: Kho thử\n");
    for i in 1..=1100 {
        archive.write(
            &format!("content/2024/tb-{i}.md"),
            &simple(
                &format!("{i}-TB/VPTU"),
                "2024-03-01",
                &format!("Thông báo số {i}"),
                &format!("Nội dung {i}."),
            ),
        );
    }
    archive.build_ok(&[]);
    let before = state_pieces(&archive.path("output"));
    assert_eq!(before.len(), 5, "{before:?}");
    edit(&archive, "content/2024/tb-3.md", "Nội dung 3.", "Nội dung ba.");
    archive.build_ok(&[]);
    let after = state_pieces(&archive.path("output"));
    assert_eq!(after.len(), 5, "{after:?}");
    // The notice's piece, its links' and the search terms' are new; the other two are the
    // very files they were.
    assert_eq!(same_files(&after, &before), 2, "{before:?} {after:?}");
    // Put back: the pieces are the first build's again, by name, but the notice's, which
    // remembers when its file was saved.
    edit(&archive, "content/2024/tb-3.md", "Nội dung ba.", "Nội dung 3.");
    archive.build_ok(&[]);
    let back = state_pieces(&archive.path("output"));
    assert_eq!(back.len(), 5, "{back:?}");
    assert_eq!(back.keys().filter(|name| before.contains_key(*name)).count(), 4, "{before:?} {back:?}");
    // Staged in the output before the last (its pieces gone by then): the pieces the last
    // output had are still those very files, linked.
    assert_eq!(same_files(&back, &after), 2, "{after:?} {back:?}");
    // And the state read back whole: an edit after it reads one notice.
    edit(&archive, "content/2024/tb-1000.md", "Nội dung 1000.", "Nội dung nghìn.");
    let output = archive.build_ok(&[]);
    assert!(stderr(&output).contains("đọc 1 tệp văn bản"), "{}", stderr(&output));
}

#[test]
fn a_damaged_or_foreign_state_means_a_full_build_never_a_wrong_one() {
    let archive = archive();
    archive.build_ok(&[]);
    edit(&archive, "content/2024/tb-5.md", "Nội dung 5.", "Nội dung khác.");
    let state = archive.path("output/.gazette/state");
    let mut bytes = std::fs::read(&state).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&state, &bytes).unwrap();
    let output = archive.build_ok(&[]);
    assert!(stderr(&output).contains("trạng thái dựng trong thư mục kết quả bị hỏng"), "{}", stderr(&output));
    assert!(stderr(&output).contains("đọc 15 tệp văn bản"), "{}", stderr(&output));
    build_and_compare(&archive, "after a damaged state");

    let text = std::fs::read(&state).unwrap();
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = text.windows(version.len()).position(|w| w == version).unwrap();
    let mut foreign = text.clone();
    foreign[at] = b'9';
    std::fs::write(&state, &foreign).unwrap();
    let output = archive.build_ok(&[]);
    assert!(
        stderr(&output)
            .contains("trạng thái dựng trong thư mục kết quả do một bản Gazette khác ghi (Gazette 9"),
        "{}",
        stderr(&output)
    );

    // A file of the output changed by hand is made again, not kept.
    archive.write("output/van-ban/2024/thong-bao-2-tb-vptu/index.html", "sửa tay");
    build_and_compare(&archive, "after an output file was changed by hand");
}

#[test]
fn full_ignores_the_state_and_clean_removes_it() {
    let archive = archive();
    archive.build_ok(&[]);
    let before = identities(&archive.path("output"));
    // --full reads and renders everything, and keeps every file whose bytes come out the same:
    // by its bytes, not by the state.
    archive.write("output/van-ban/2024/thong-bao-8-tb-vptu/index.html", "sửa tay");
    edit(&archive, "content/2024/tb-5.md", "Nội dung 5.", "Nội dung 5, đoạn sửa.");
    let output = archive.build_ok(&["--full"]);
    assert!(stderr(&output).contains("đọc 15 tệp văn bản"), "{}", stderr(&output));
    let after = identities(&archive.path("output"));
    let rewritten: Vec<&String> = before.keys().filter(|path| after[*path] != before[*path]).collect();
    for page in ["thong-bao-8-tb-vptu", "thong-bao-5-tb-vptu"] {
        assert!(rewritten.iter().any(|path| path.contains(page)), "{page} is made again: {rewritten:?}");
    }
    assert!(
        rewritten.len() < before.len() / 3,
        "{} of {} files rewritten: {rewritten:?}",
        rewritten.len(),
        before.len()
    );
    build_and_compare(&archive, "after --full");
    // The next build stages in the replaced output: it writes what changed, no more.
    edit(&archive, "content/2024/tb-5.md", "đoạn sửa", "đoạn sửa lại");
    let output = archive.build_ok(&[]);
    assert!(stderr(&output).contains("đọc 1 tệp văn bản"), "{}", stderr(&output));
    let again = identities(&archive.path("output"));
    assert!(after.iter().filter(|(path, id)| again[*path] != **id).count() < rewritten.len() + 8);

    assert!(archive.exists(".output.previous/.gazette/output"), "the replaced output is kept");
    assert!(!state_pieces(&archive.path("output")).is_empty());
    let cleaned = archive.run(&["clean"]);
    assert!(cleaned.status.success(), "{}", stderr(&cleaned));
    assert!(!archive.exists("output/.gazette/state"));
    assert!(!archive.exists("output/.gazette/pieces"), "clean removes the state's pieces");
    assert!(!archive.exists(".output.previous"), "clean removes the replaced output");
    assert!(archive.exists("output/index.html"), "clean removes the state, not the site");
    let before = identities(&archive.path("output"));
    let output = archive.build_ok(&[]);
    assert!(stderr(&output).contains("đọc 15 tệp văn bản"), "{}", stderr(&output));
    assert!(archive.exists("output/.gazette/state"));
    assert_eq!(identities(&archive.path("output")), before, "without a state, the same bytes are kept too");
}

/// Replaces a file of the previous output with other bytes, leaving the output's file (the same
/// inode until now) alone.
fn replace_in_previous(archive: &TestArchive, path: &str, text: &str) {
    std::fs::remove_file(archive.path(path)).unwrap();
    archive.write(path, text);
}

#[test]
fn the_replaced_output_stages_the_next_build_and_nothing_in_it_is_trusted() {
    let archive = archive();
    archive.build_ok(&[]);
    edit(&archive, "content/2024/tb-5.md", "Nội dung 5.", "Nội dung năm.");
    archive.build_ok(&[]);
    let previous = ".output.previous";
    assert!(archive.exists(&format!("{previous}/.gazette/output")), "the replaced output is kept beside");

    // Everything a hand (or another program) could do to it.
    let outside = TestArchive::new();
    outside.write("cua-nguoi-dung.txt", "giữ nguyên");
    archive.write(&format!("{previous}/thua/trang.html"), "một trang thừa");
    replace_in_previous(&archive, &format!("{previous}/index.html"), "trang chủ sai");
    replace_in_previous(&archive, &format!("{previous}/.gazette/state"), "trạng thái sai");
    let notice_7 = archive.path(&format!("{previous}/van-ban/2024/thong-bao-7-tb-vptu"));
    std::fs::remove_dir_all(&notice_7).unwrap();
    std::fs::write(&notice_7, "một tệp ở chỗ một thư mục").unwrap();
    let sitemap = archive.path(&format!("{previous}/sitemap.xml"));
    std::fs::remove_file(&sitemap).unwrap();
    archive.write(&format!("{previous}/sitemap.xml/con.txt"), "một thư mục ở chỗ một tệp");
    let notice_8 = archive.path(&format!("{previous}/van-ban/2024/thong-bao-8-tb-vptu"));
    std::fs::remove_dir_all(&notice_8).unwrap();
    std::os::unix::fs::symlink(outside.root(), &notice_8).unwrap();

    edit(&archive, "content/2024/tb-8.md", "Nội dung 8.", "Nội dung tám.");
    build_and_compare(&archive, "after the replaced output was tampered with");
    let outside_files: Vec<String> = snapshot(outside.root()).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        outside_files,
        vec!["cua-nguoi-dung.txt"],
        "a link in the replaced output led a write outside"
    );
    build_and_compare(&archive, "the build after");
}

#[test]
fn a_failed_or_stopped_build_leaves_the_previous_output_to_stage_the_next() {
    let archive = archive();
    archive.build_ok(&[]);
    // A build that changes nothing leaves the output in place; one that changes a page
    // replaces it.
    edit(&archive, "content/2024/tb-5.md", "Nội dung 5.", "Nội dung năm.");
    archive.build_ok(&[]);
    let kept = ".output.previous/.gazette/output";
    assert!(archive.exists(kept), "the replaced output is kept");
    // A page that cannot be rendered: the build fails once its staging folder is made.
    archive.write("templates/notice.html", "{{ notice.title }}{{ no_such_value.here }}\n");
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(archive.exists(kept), "a failed build gives the previous output back");
    assert!(!archive.exists(".output.staging"));
    // Content with errors: the same.
    std::fs::remove_file(archive.path("templates/notice.html")).unwrap();
    let notice = archive.read("content/2024/tb-1.md");
    archive.write("content/2024/tb-1.md", "---\ntitle: [chưa đóng\n---\n");
    assert_eq!(archive.run(&["build"]).status.code(), Some(1));
    assert!(archive.exists(kept) && !archive.exists(".output.staging"));
    // A build stopped once it had taken the previous output leaves it as a staging folder: the
    // next build stages in it, untrusted, and comes out as a clean build.
    archive.write("content/2024/tb-1.md", &notice);
    std::fs::rename(archive.path(".output.previous"), archive.path(".output.staging")).unwrap();
    archive.write(".output.staging/van-ban/2024/thong-bao-2-tb-vptu/index.html", "sửa tay");
    build_and_compare(&archive, "after a stopped build");
    assert!(!archive.exists(".output.staging"));
    assert!(archive.exists(kept));
}

#[test]
fn a_build_with_nothing_changed_writes_nothing_and_says_again_what_the_last_one_said() {
    let archive = archive();
    // A long notice, some 90 KB.
    let paragraphs: String =
        (1..=2000).map(|i| format!("Đoạn {i} nói về công việc của văn phòng.\n\n")).collect();
    archive.write(
        "content/2024/dai.md",
        &notice(&front("60-TB/VPTU", "2024-06-02", "Báo cáo dài", ""), &paragraphs),
    );
    // Problems of each kind a state remembers: found reading a notice (no body, without help;
    // no signer, with help) and found linking (a notice not in the archive).
    archive.write(
        "content/2024/trong.md",
        &notice(&front("2-KH/VPTU", "2024-02-02", "Kế hoạch chưa viết", ""), ""),
    );
    archive.write(
        "content/2024/kh-1.md",
        &notice(
            "number: 1-KH/VPTU\ntitle: Kế hoạch\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-02-01",
            "Theo Thông báo số 40-TB/VPTU.",
        ),
    );
    let first = stderr(&archive.build_ok(&[]));
    assert!(first.contains("40-TB/VPTU") && first.contains("3 cảnh báo"), "{first}");
    let before = identities(&archive.path("output"));
    let changes = archive.path("changes.txt");
    let again = stderr(&archive.build_ok(&["--timings", "--changes", changes.to_str().unwrap()]));
    // Said again word for word, but for the files written and the time taken; nothing was
    // linked, planned or written.
    let said = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with(' '))
            .map(|l| match (l.find(" ("), l.find("); "), l.rfind("; ")) {
                (Some(open), Some(close), Some(time)) if l.starts_with("đã dựng") => {
                    format!("{}{}", &l[..open], &l[close + 1..time])
                }
                _ => l.to_string(),
            })
            .collect()
    };
    assert_eq!(said(&first), said(&again));
    assert!(again.contains("(0 tệp được ghi"), "{again}");
    assert!(!again.contains("plan every file with its fingerprint"), "{again}");
    assert!(!again.contains("bị hỏng"), "{again}");
    assert_eq!(std::fs::read_to_string(&changes).unwrap(), "");
    assert_eq!(identities(&archive.path("output")), before);

    // A page deleted by hand, or a source saved again unchanged, is no longer "nothing
    // changed": the page is made again, and the output is that of a clean build.
    std::fs::remove_file(archive.path("output/van-ban/2024/thong-bao-2-tb-vptu/index.html")).unwrap();
    build_and_compare(&archive, "a page deleted by hand");
    // A file saved again with the bytes it had is still "nothing changed": its bytes tell. A
    // short one is read again by each build; a long one has its new time kept in the state,
    // written again once (the output's files untouched either way).
    let state_file = || std::fs::metadata(archive.path("output/.gazette/state")).unwrap().ino();
    let nothing_changed = || {
        let said = stderr(&archive.build_ok(&["--timings"]));
        assert!(
            !said.contains("plan every file with its fingerprint") && said.contains("(0 tệp được ghi"),
            "{said}"
        );
    };
    let (before, state_before) = (identities(&archive.path("output")), state_file());
    let text = archive.read("content/2024/tb-3.md");
    archive.write("content/2024/tb-3.md", &text);
    nothing_changed();
    assert_eq!(state_file(), state_before, "a short file is read again rather than the state written");
    let text = archive.read("content/2024/dai.md");
    archive.write("content/2024/dai.md", &text);
    nothing_changed();
    let state_after = state_file();
    assert_ne!(state_after, state_before, "a long file's new time is kept");
    assert!(!archive.exists("output/.gazette/state.new"));
    nothing_changed();
    assert_eq!(state_file(), state_after);
    assert_eq!(identities(&archive.path("output")), before);
    // A build that writes reads the rest of the state, and reads it back whole (else every
    // file would be read again); the file saved again is taken as it was, not read anew.
    edit(&archive, "content/2024/tb-4.md", "Nội dung 4.", "Nội dung bốn.");
    let summary = build_and_compare(&archive, "an edit after a source saved again");
    assert!(summary.contains("đọc 1 tệp văn bản"), "{summary}");
}

#[test]
fn a_link_out_of_the_archive_added_or_taken_away_is_a_change_and_is_said() {
    let archive = archive();
    archive.build_ok(&[]);
    let outside = TestArchive::new();
    outside.write("ngoai.md", &notice(&front("50-TB/VPTU", "2024-05-01", "Ở ngoài", ""), "Ngoài kho."));
    let link = archive.path("content/2024/ngoai.md");
    std::os::unix::fs::symlink(outside.path("ngoai.md"), &link).unwrap();
    let said = stderr(&archive.build_ok(&[]));
    assert!(said.contains("content/2024/ngoai.md") && said.contains("trỏ ra ngoài kho"), "{said}");
    std::fs::remove_file(&link).unwrap();
    let said = stderr(&archive.build_ok(&[]));
    assert!(!said.contains("ngoai.md"), "a warning of a link taken away is said again: {said}");
}

#[test]
fn an_edit_that_puts_its_file_time_back_is_seen_and_the_builds_after_it_go_on() {
    let archive = archive();
    archive.build_ok(&[]);
    // Same size, and the old modification time set back, as `touch -r` or `cp -p` leave it.
    let path = archive.path("content/2024/tb-7.md");
    let before = std::fs::metadata(&path).unwrap();
    edit(&archive, "content/2024/tb-7.md", "Nội dung 7.", "Nội dung 8.");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(before.modified().unwrap())
        .unwrap();
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!((after.len(), after.modified().unwrap()), (before.len(), before.modified().unwrap()));
    build_and_compare(&archive, "an edit with its file's time set back");
    let page = archive.read("output/van-ban/2024/thong-bao-7-tb-vptu/index.html");
    assert!(page.contains("Nội dung 8."), "{page}");
    edit(&archive, "content/2024/tb-2.md", "Thông báo số 2", "Thông báo số hai");
    build_and_compare(&archive, "another notice's title edited after it");
}

#[test]
fn an_old_output_left_by_a_stopped_swap_is_tidied_once_and_builds_with_nothing_changed_stay_still() {
    let archive = archive();
    archive.build_ok(&[]);
    // What the two-step swap leaves when stopped after both renames: the output it replaced.
    archive.write(".output.old/.gazette/output", &archive.read("output/.gazette/output"));
    archive.write(".output.old/index.html", "cũ");
    archive.build_ok(&[]);
    assert!(!archive.exists(".output.old"));
    // Where folders are swapped in one step, a folder of that name that is not Gazette's is no
    // concern of a build's (elsewhere a build refuses it).
    let foreign = cfg!(target_os = "linux");
    if foreign {
        archive.write(".output.old/cua-toi.txt", "của tôi");
    }
    let before = identities(&archive.path("output"));
    let state = || std::fs::metadata(archive.path("output/.gazette/state")).unwrap().ino();
    let state_before = state();
    let said = stderr(&archive.build_ok(&["--timings"]));
    assert!(said.contains("(0 tệp được ghi") && !said.contains("plan every file"), "{said}");
    assert_eq!((identities(&archive.path("output")), state()), (before, state_before));
    assert!(!foreign || archive.read(".output.old/cua-toi.txt") == "của tôi");
}

#[test]
fn a_copied_file_saved_again_with_its_bytes_is_kept_and_not_listed() {
    let archive = archive();
    archive.build_ok(&[]);
    let before = identities(&archive.path("output"));
    // Saved again unchanged: the times move, the bytes do not.
    archive.write("static/ghi-chu.txt", "ghi chú");
    let attachment = "content/2024/bc/phu-luc #1.txt";
    archive.write(attachment, &archive.read(attachment));
    let changes = archive.path("changes.txt");
    archive.build_ok(&["--changes", changes.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&changes).unwrap(), "");
    assert_eq!(identities(&archive.path("output")), before);
    // Changed bytes are copied again and listed.
    archive.write("static/ghi-chu.txt", "ghi chú mới");
    let summary = build_and_compare(&archive, "a static file changed after being saved again");
    assert!(summary.contains("(1 tệp được ghi"), "{summary}");
}

#[test]
fn a_static_file_whose_permissions_changed_is_copied_again() {
    use std::os::unix::fs::PermissionsExt;
    let archive = archive();
    let mode = |path: &str| std::fs::metadata(archive.path(path)).unwrap().permissions().mode() & 0o777;
    let set = |path: &str, mode: u32| {
        std::fs::set_permissions(archive.path(path), std::fs::Permissions::from_mode(mode)).unwrap()
    };
    set("static/ghi-chu.txt", 0o600);
    archive.build_ok(&[]);
    assert_eq!(mode("output/ghi-chu.txt"), 0o600);
    set("static/ghi-chu.txt", 0o644);
    // Its bytes are the same: only its permissions tell it from the output's.
    archive.build_ok(&["--full"]);
    assert_eq!(mode("output/ghi-chu.txt"), 0o644);
    // And so with a state.
    set("static/ghi-chu.txt", 0o640);
    archive.build_ok(&[]);
    assert_eq!(mode("output/ghi-chu.txt"), 0o640);
}
