//! A clerk's workflow: mistakes that must not pass silently, warnings kept for what matters,
//! and every message in the archive's language — Vietnamese by default, English with
//! `language: en`.

mod common;

use common::*;

/// A complete notice of the Văn phòng Tỉnh ủy, signed.
fn signed(number: &str, date: &str, title: &str, extra: &str, body: &str) -> String {
    notice(
        &format!(
            "number: {number}\ntitle: {title}\nissuer: Văn phòng Tỉnh ủy\ndate: {date}\nsigner: Trần Văn Hòa\n{extra}"
        ),
        body,
    )
}

fn english(archive: &TestArchive) {
    archive.write("site.yaml", "language: en\n");
}

#[test]
fn a_misspelt_key_stops_a_published_notice_in_both_languages() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        "---\nnumber: 3-TB/VPTU\ntitle: Lịch họp\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-03-08\nsinger: Trần Văn Hòa\n---\nNội dung.\n",
    );
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("lỗi: content/a.md:6:1: khóa `singer` không có trong danh sách; có phải là `signer`?"),
        "{err}"
    );
    assert!(err.contains("gợi ý: đổi tên thành `signer`"), "{err}");
    assert!(!archive.exists("output/index.html"), "nothing is published");

    english(&archive);
    let err = stderr(&archive.run(&["build"]));
    assert!(err.contains("error: content/a.md:6:1: unknown key `singer`; did you mean `signer`?"), "{err}");
}

#[test]
fn a_published_notice_without_signer_is_warned() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &simple("3-TB/VPTU", "2024-03-08", "Lịch họp", "Nội dung."));
    archive.write("content/b.md", &signed("4-TB/VPTU", "2024-03-09", "Lịch họp", "", "Nội dung."));
    let err = stderr(&archive.build_ok(&[]));
    assert!(err.contains("cảnh báo: content/a.md:1:1: văn bản chưa có người ký"), "{err}");
    assert!(!err.contains("content/b.md"), "{err}");
    english(&archive);
    let err = stderr(&archive.build_ok(&[]));
    assert!(err.contains("warning: content/a.md:1:1: the notice has no signer"), "{err}");
    assert!(err.contains("0 errors, 1 warning;"), "plural forms: {err}");
}

#[test]
fn a_type_the_number_contradicts_is_an_error_unless_the_code_allows_it() {
    let archive = TestArchive::new();
    archive
        .write("content/a.md", &signed("80-TB/VPTU", "2024-03-08", "Về việc họp", "type: Nghị quyết", "x"));
    archive.write("content/b.md", &signed("6-QĐ/VPTU", "2024-03-08", "Quy chế", "type: Quy định", "x"));
    archive.write("content/c.md", &signed("7-QĐ/VPTU", "2024-03-08", "Quyết định", "type: Quyết định", "x"));
    archive.write(
        "content/d.md",
        &signed("2-CTr/VPTU", "2024-03-08", "Hành động", "type: Chương trình hành động", "x"),
    );
    archive.write("content/e.md", &signed("9/DA-UBND", "2024-03-08", "Đề án số hóa", "type: Đề án", "x"));
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("lỗi: content/a.md:7:1: `type: Nghị quyết` không khớp với số, ký hiệu 80-TB/VPTU: mã TB là Thông báo"),
        "{err}"
    );
    assert_eq!(err.matches("không khớp với số").count(), 1, "only a.md: {err}");
    english(&archive);
    let err = stderr(&archive.run(&["build"]));
    assert!(
        err.contains("error: content/a.md:7:1: `type: Nghị quyết` contradicts the number 80-TB/VPTU: its code TB stands for Thông báo"),
        "{err}"
    );
}

/// Notice 12-TB/VPTU dated `cited_date` (`content/a.md`), and 13-TB/VPTU (`content/b.md`),
/// whose body is `body`, on line 9.
fn a_notice_and_one_citing_it(cited_date: &str, body: &str) -> TestArchive {
    let archive = TestArchive::new();
    archive.write("content/a.md", &signed("12-TB/VPTU", cited_date, "Lịch họp", "", "Nội dung."));
    archive.write("content/b.md", &signed("13-TB/VPTU", "2024-06-01", "Tiếp theo", "", body));
    archive
}

#[test]
fn a_citation_with_a_date_no_calendar_has_is_warned_where_it_stands() {
    let archive = a_notice_and_one_citing_it(
        "2024-02-03",
        "Thực hiện Thông báo số 12-TB/VPTU ngày 31/02/2024 của Văn phòng và Thông báo số 12-TB/VPTU ngày 3 tháng 2 năm 2024.",
    );
    let err = stderr(&archive.build_ok(&[]));
    let column = "Thực hiện Thông báo số ".chars().count() + 1;
    assert!(
        err.contains(&format!(
            "cảnh báo: content/b.md:9:{column}: ngày ghi sau số 12-TB/VPTU (31/2/2024) không có trong lịch"
        )),
        "{err}"
    );
    // Only the one no calendar has; both still link to the notice.
    assert_eq!(err.matches("không có trong lịch").count(), 1, "{err}");
    let page = archive.page("output/van-ban/2024/thong-bao-13-tb-vptu/index.html");
    assert_eq!(texts(&page, "a.cite"), vec!["12-TB/VPTU", "12-TB/VPTU"]);
}

#[test]
fn a_citation_dated_unlike_the_cited_notice_is_warned_where_it_stands() {
    let archive = a_notice_and_one_citing_it(
        "2024-04-03",
        "Thực hiện Thông báo số 12-TB/VPTU ngày 3/5/2024 của Văn phòng.",
    );
    let output = archive.build_ok(&[]);
    let err = stderr(&output);
    let column = "Thực hiện Thông báo số ".chars().count() + 1;
    assert!(
        err.contains(&format!(
            "cảnh báo: content/b.md:9:{column}: văn bản được dẫn 12-TB/VPTU ở đây ghi ngày 2024-05-03, nhưng văn bản 12-TB/VPTU trong kho (content/a.md) ban hành ngày 2024-04-03"
        )),
        "{err}"
    );
    // Still linked, by number and year.
    let page = archive.page("output/van-ban/2024/thong-bao-13-tb-vptu/index.html");
    assert_eq!(texts(&page, "a.cite"), vec!["12-TB/VPTU"]);
    english(&archive);
    let err = stderr(&archive.build_ok(&[]));
    assert!(
        err.contains(
            "is dated 2024-05-03 here, but the archived 12-TB/VPTU (content/a.md) is dated 2024-04-03"
        ),
        "{err}"
    );
}

#[test]
fn an_end_of_effect_before_its_start_is_warned_and_the_right_order_is_not() {
    let archive = TestArchive::new();
    // Expired by now, as their status says.
    let with_dates = |number: &str, effective: &str, expires: &str| {
        notice(
            &format!(
                "number: {number}\ntitle: Hiệu lực\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-09-20\n\
                 signer: Trần Văn Hòa\neffective: {effective}\nexpires: {expires}\nstatus: expired"
            ),
            "x",
        )
    };
    archive.write("content/a.md", &with_dates("1-TB/VPTU", "2024-10-01", "2024-09-01"));
    archive.write("content/b.md", &with_dates("2-TB/VPTU", "2024-10-01", "2025-10-01"));
    archive.write("content/c.md", &with_dates("3-TB/VPTU", "2024-10-01", "2024-10-01"));
    let err = stderr(&archive.build_ok(&[]));
    assert!(
        err.contains(
            "cảnh báo: content/a.md:8:1: `expires` (2024-09-01) trước `effective` (2024-10-01): văn bản hết hiệu lực trước khi có hiệu lực"
        ),
        "{err}"
    );
    assert!(!err.contains("content/b.md") && !err.contains("content/c.md"), "{err}");
}

#[test]
fn a_future_date_and_an_issuer_code_with_two_names_are_warned() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &signed("1-TB/VPTU", "2099-01-02", "Năm sau", "", "x"));
    archive.write("content/b.md", &signed("2-TB/VPTU", "2024-01-02", "Một", "", "x"));
    archive.write(
        "content/c.md",
        &notice(
            "number: 3-TB/VPTU\ntitle: Hai\nissuer: Văn phòng Tỉnh ủy Sơn Hà\ndate: 2024-02-02\nsigner: Trần Văn Hòa",
            "x",
        ),
    );
    let err = stderr(&archive.build_ok(&[]));
    assert!(err.contains("cảnh báo: content/a.md:5:1: `date` là ngày 2099-01-02, sau ngày hôm nay"), "{err}");
    assert!(
        err.contains(
            "cảnh báo: content/c.md:4:1: mã cơ quan VPTU ở đây ghi là `Văn phòng Tỉnh ủy Sơn Hà`, còn ở content/a.md ghi là `Văn phòng Tỉnh ủy`"
        ),
        "{err}"
    );
    // One name for two codes: two issuers in one index.
    archive.write(
        "content/d.md",
        &notice(
            "number: 4-TB/VP\ntitle: Ba\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-03-02\nsigner: Trần Văn Hòa",
            "x",
        ),
    );
    let err = stderr(&archive.build_ok(&[]));
    assert!(
        err.contains("cảnh báo: content/d.md:4:1: cơ quan `Văn phòng Tỉnh ủy` ở đây có mã VP, còn ở content/a.md có mã VPTU"),
        "{err}"
    );
    // Near miss: a công văn's code names the drafting unit after the issuer's (UBND-VX).
    archive.write(
        "content/e.md",
        &notice("number: 5/QĐ-UBND\ntitle: Bốn\nissuer: Ủy ban nhân dân huyện\ndate: 2024-03-03\nsigner: Trần Văn Hòa", "x"),
    );
    archive.write(
        "content/f.md",
        &notice(
            "number: 12/UBND-VX\ntype: Công văn\ntitle: Năm\nissuer: Ủy ban nhân dân huyện\ndate: 2024-03-04\nsigner: Trần Văn Hòa",
            "x",
        ),
    );
    let err = stderr(&archive.build_ok(&[]));
    assert_eq!(err.matches("ở đây có mã").count(), 1, "{err}");
    english(&archive);
    let err = stderr(&archive.build_ok(&[]));
    assert!(err.contains("warning: content/a.md:5:1: `date` is 2099-01-02, after today"), "{err}");
    assert!(err.contains("issuer code VPTU is written `Văn phòng Tỉnh ủy Sơn Hà` here"), "{err}");
}

#[test]
fn a_notice_citing_a_broken_one_says_why_it_is_missing() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &signed("5-KH/VPTU", "2024-13-01", "Kế hoạch hỏng", "", "x"));
    archive.write(
        "content/b.md",
        &signed(
            "6-TB/VPTU",
            "2024-06-01",
            "Theo kế hoạch",
            "amends: [5-KH/VPTU]",
            "Thực hiện Kế hoạch số 5-KH/VPTU của Văn phòng.\n\nXem [kế hoạch](notice:5-KH/VPTU).",
        ),
    );
    let err = stderr(&archive.run(&["build"]));
    // The relation and the link say the same, and are not errors of their own: the one error
    // is in a.md.
    for expected in [
        "cảnh báo: content/b.md:7:10: `amends` 5-KH/VPTU: văn bản đó chưa được đăng vì có lỗi trong content/a.md",
        "cảnh báo: content/b.md:12:5: văn bản được dẫn 5-KH/VPTU chưa được đăng vì có lỗi trong content/a.md",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(!err.contains("kho không có văn bản này"), "{err}");
    assert_eq!(err.matches("lỗi: ").count(), 1, "{err}");
    assert!(err.contains("lỗi: content/a.md:5:1: `date` không phải là ngày"), "{err}");
    assert!(
        err.contains(
            "content/b.md:10:23: văn bản được dẫn 5-KH/VPTU chưa được đăng vì có lỗi trong content/a.md"
        ),
        "{err}"
    );
    assert!(!err.contains("5-KH/VPTU không có trong kho"), "{err}");
}

#[test]
fn a_draft_with_an_error_is_missing_because_of_it_only_when_drafts_are_built() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &notice("number: 7-KH/VPTU\ntitle: Dự thảo hỏng\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-13-01\ndraft: true", "x"),
    );
    archive.write(
        "content/b.md",
        &signed("8-TB/VPTU", "2024-06-01", "Theo dự thảo", "", "Góp ý Kế hoạch số 7-KH/VPTU của Văn phòng."),
    );
    // Drafts left out: the draft is not in the archive, and its error is not looked at.
    let plain = stderr(&archive.build_ok(&[]));
    assert!(plain.contains("văn bản được dẫn 7-KH/VPTU không có trong kho"), "{plain}");
    // Drafts built: it is missing because of its error, which is the one error.
    let drafts = archive.run(&["build", "--drafts"]);
    let err = stderr(&drafts);
    assert!(!drafts.status.success(), "{err}");
    assert!(err.contains("văn bản được dẫn 7-KH/VPTU chưa được đăng vì có lỗi trong content/a.md"), "{err}");
    assert!(!err.contains("7-KH/VPTU không có trong kho"), "{err}");
}

#[test]
fn citations_of_central_documents_are_counted_not_warned() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &signed(
            "7-TB/VPTU",
            "2024-06-01",
            "Căn cứ",
            "",
            "Căn cứ Nghị quyết số 18-NQ/TW, Nghị định số 30/2020/NĐ-CP và Kế hoạch số 41-KH/VPTU.",
        ),
    );
    let err = stderr(&archive.build_ok(&[]));
    assert!(
        err.contains("văn bản được dẫn 41-KH/VPTU không có trong kho"),
        "the archive's own issuer: {err}"
    );
    assert!(!err.contains("18-NQ/TW") && !err.contains("30/2020/NĐ-CP"), "{err}");
    assert!(err.contains("1 chưa có trong kho, 0 chưa xác định, 2 trích dẫn văn bản ngoài kho"), "{err}");
    assert!(err.contains("lưu ý: 2 trích dẫn văn bản ngoài kho không được cảnh báo từng cái"), "{err}");
    let outside = stdout(&archive.run(&["check", "--outside"]));
    assert!(outside.contains("content/a.md:9:22: 18-NQ/TW"), "{outside}");
    assert!(outside.contains("content/a.md:9:45: 30/2020/NĐ-CP"), "{outside}");

    // An archive of the central office lists only what it does not publish itself.
    archive.write("site.yaml", "language: en\nexternal_issuers: [CP]\n");
    let err = stderr(&archive.build_ok(&[]));
    assert!(err.contains("cited 18-NQ/TW is not in the archive"), "{err}");
    assert!(!err.contains("30/2020/NĐ-CP"), "{err}");
    assert!(err.contains("1 citation of documents outside the archive"), "{err}");
}

#[test]
fn a_date_written_day_first_gets_the_iso_form_as_help() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        "---\nnumber: 3-TB/VPTU\ntitle: Lịch họp\nissuer: Văn phòng Tỉnh ủy\ndate: 12/9/2024\nsigner: A\n---\nx\n",
    );
    let err = stderr(&archive.run(&["build"]));
    assert!(err.contains("lỗi: content/a.md:5:1: `date` không phải là ngày: \"12/9/2024\""), "{err}");
    assert!(err.contains("  gợi ý: viết ngày theo dạng YYYY-MM-DD: 2024-09-12"), "{err}");
    english(&archive);
    let err = stderr(&archive.run(&["build"]));
    assert!(err.contains("  help: write the date as YYYY-MM-DD: 2024-09-12"), "{err}");
}

#[test]
fn a_root_that_does_not_exist_says_so() {
    let archive = TestArchive::new();
    for (command, rest) in [
        ("build", &[][..]),
        ("check", &[]),
        ("serve", &[]),
        ("clean", &[]),
        ("new", &["--type", "TB", "--issuer", "VPTU"]),
    ] {
        let output = archive.run(&[&[command, "--root", "khong-co"], rest].concat());
        assert_eq!(output.status.code(), Some(1), "{command}");
        let err = stderr(&output);
        assert!(err.contains("lỗi: không có thư mục kho văn bản khong-co"), "{command}: {err}");
        assert!(err.contains("gazette init khong-co"), "{command}: {err}");
    }
    // A folder that is not an archive: clean says so and removes nothing there.
    archive.write("khac/output/.gazette/output", "");
    archive.write("khac/output/.gazette/state", "trạng thái");
    let output = archive.run(&["clean", "--root", "khac"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("lỗi: khac không có content/ cũng không có site.yaml"), "{err}");
    assert!(err.contains("gợi ý: chỉ rõ thư mục kho văn bản bằng --root"), "{err}");
    assert!(archive.exists("khac/output/.gazette/state"));
    // An output folder that is not Gazette's, or a folder the archive reads from: clean says it
    // is no output, and removes nothing.
    archive.write("cua-toi/ghi-chu.txt", "của tôi");
    archive.write("content/a.md", &simple("1-TB/VPTU", "2024-01-02", "Một", "x"));
    for out in ["cua-toi", "content", "cua-toi/ghi-chu.txt", "."] {
        let output = archive.run(&["clean", "--out", out]);
        assert_eq!(output.status.code(), Some(1), "{out}");
        let err = stderr(&output);
        assert!(
            err.contains("lỗi: không dọn ") && err.contains("đó không phải thư mục kết quả do Gazette dựng"),
            "{out}: {err}"
        );
        assert!(!err.contains("không thay thế") && !err.contains("không ghi kết quả"), "{out}: {err}");
    }
    assert!(archive.exists("cua-toi/ghi-chu.txt") && archive.exists("content/a.md"));
    // A file given as the root: no `gazette init` could make it one.
    archive.write("tep.txt", "một tệp");
    let err = stderr(&archive.run(&["build", "--root", "tep.txt"]));
    assert!(err.contains("lỗi: tep.txt là một tệp, không phải thư mục kho văn bản"), "{err}");
    assert!(!err.contains("gazette init"), "{err}");
}

#[test]
fn init_starts_an_archive_that_builds_at_once_with_no_warning() {
    let archive = TestArchive::new();
    let output = archive.run(&["init", "kho-moi"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("kho văn bản mới đã sẵn sàng ở kho-moi"), "{}", stderr(&output));
    let site = archive.read("kho-moi/site.yaml");
    for key in [
        "title:",
        "base_url:",
        "language:",
        "place:",
        "page_size:",
        "raw_html:",
        "issuers:",
        "external_issuers:",
        "theme:",
        "extra:",
    ] {
        assert!(site.contains(key), "site.yaml explains {key}");
    }
    let ignored = archive.read("kho-moi/.gitignore");
    assert!(ignored.starts_with("# Những gì `gazette build` ghi ra\n"), "{ignored}");
    for folder in ["/output/", "/.output.staging/", "/.output.previous/"] {
        assert!(ignored.contains(folder), "{folder} not ignored: {ignored}");
    }
    let built = archive.run(&["build", "--root", "kho-moi"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let err = stderr(&built);
    assert!(err.contains("đã dựng 1 văn bản") && err.contains("0 lỗi, 0 cảnh báo"), "{err}");
    assert!(archive.exists("kho-moi/output/index.html"));

    let refused = archive.run(&["init", "kho-moi"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("kho-moi không trống"), "{}", stderr(&refused));

    let english = archive.run(&["init", "archive", "--language", "en"]);
    assert!(english.status.success(), "{}", stderr(&english));
    assert!(archive.read("archive/site.yaml").contains("language: en"));
    let built = archive.run(&["build", "--root", "archive"]);
    assert!(stderr(&built).contains("built 1 notice, "), "{}", stderr(&built));
}

#[test]
fn check_with_drafts_checks_them_too() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &signed("3-TB/VPTU", "2024-03-08", "Lịch họp", "", "x"));
    archive.write(
        "content/b.md",
        "---\ndraft: true\ntitle: Dự thảo\nissuer: Văn phòng Tỉnh ủy\ntyp: Thông báo\n---\nx\n",
    );
    let plain = stdout(&archive.run(&["check"]));
    assert!(plain.contains("bỏ qua 1 dự thảo") && !plain.contains("content/b.md"), "{plain}");
    let drafts = stdout(&archive.run(&["check", "--drafts"]));
    assert!(drafts.contains("cảnh báo: content/b.md:5:1: khóa `typ` không có trong danh sách"), "{drafts}");
    assert!(drafts.contains("đã kiểm tra 2 văn bản"), "{drafts}");
}

#[test]
fn every_option_of_every_command_has_a_help_line() {
    let archive = TestArchive::new();
    for command in ["build", "check", "serve", "new", "import", "clean", "init"] {
        let help = stdout(&archive.run(&[command, "--help"]));
        for line in help.lines().filter(|l| l.trim_start().starts_with("--")) {
            let described =
                line.trim_start().split_once("  ").is_some_and(|(_, rest)| !rest.trim().is_empty());
            assert!(described, "{command}: `{}` has no help", line.trim());
        }
    }
}

#[test]
fn each_help_line_fits_the_mistake_it_follows() {
    let archive = TestArchive::new();
    // Two notices numbered alike in one year, the second cited by number and date.
    archive.write("content/a.md", &signed("05-TB/VPTU", "2024-03-12", "Lịch làm việc", "", "Nội dung."));
    archive.write("content/b.md", &signed("05-TB/VPTU", "2024-05-02", "Lịch họp", "", "Nội dung."));
    archive.write(
        "content/c.md",
        &signed(
            "7-TB/VPTU",
            "2024-06-03",
            "Lịch trực",
            "",
            "Thực hiện Thông báo số 05-TB/VPTU ngày 2/5/2024.",
        ),
    );
    // A decision and a regulation of one number, cited without the type word.
    let state = |number: &str, doc_type: &str, date: &str| {
        format!(
            "---\nnumber: {number}\ntype: {doc_type}\ntitle: Về công tác văn thư\nissuer: Ủy ban nhân dân tỉnh\ndate: {date}\nsigner: Lê Văn An\n---\nNội dung.\n"
        )
    };
    archive.write("content/d.md", &state("12/QĐ-UBND", "Quyết định", "2024-02-01"));
    archive.write("content/e.md", &state("12/QĐ-UBND", "Quy định", "2024-02-01"));
    archive.write(
        "content/f.md",
        &signed("8-TB/VPTU", "2024-06-04", "Lịch tiếp dân", "", "Theo văn bản số 12/QĐ-UBND ngày 1/2/2024."),
    );
    // A key misspelt beside the key it is meant for: renaming it would write that key twice.
    archive.write(
        "content/g.md",
        &signed("9-TB/VPTU", "2024-06-05", "Lịch công tác", "dtae: 2024-06-06\n", "Nội dung."),
    );
    let output = archive.run(&["check"]);
    let said = stdout(&output);
    let help_after = |line: &str| {
        let at = said.find(line).unwrap_or_else(|| panic!("`{line}` in {said}"));
        said[at..].lines().nth(1).expect("a help line").trim().to_string()
    };
    assert_eq!(
        help_after("content/g.md:7:1: khóa `dtae` không có trong danh sách"),
        "gợi ý: đã có `date`: xóa dòng `dtae`, hoặc chuyển giá trị của nó sang `date` nếu giá trị ấy mới đúng"
    );
    // The number as the file writes it, not as its key (`5-TB/VPTU`).
    assert!(
        said.contains("content/b.md:2:1: số 05-TB/VPTU (Thông báo, năm 2024) đã được dùng cho content/a.md"),
        "{said}"
    );
    assert_eq!(
        help_after("content/c.md:9:24: văn bản được dẫn 05-TB/VPTU năm 2024 chưa rõ"),
        "gợi ý: các văn bản này cùng loại, cùng số, cùng năm (lỗi đã báo riêng): sửa số của văn bản ghi sai"
    );
    assert_eq!(
        help_after("content/f.md:9:17: văn bản được dẫn 12/QĐ-UBND năm 2024 chưa rõ"),
        "gợi ý: ghi loại văn bản (Quyết định / Quy định) hoặc ngày ngay sau số"
    );
}

#[test]
fn the_relations_of_a_notice_left_out_for_an_error_are_checked_in_the_same_run() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &signed("20-TB/VPTU", "2024-09-02", "Lịch họp quý IV", "", "Nội dung."));
    // Left out for a misspelt key; its relations name itself, a later notice and one the
    // archive does not have.
    archive.write(
        "content/b.md",
        "---\nnumber: 12-TB/VPTU\ntitle: Lịch họp quý III\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-06-03\nsinger: Trần Văn Hòa\nreplaces: [12-TB/VPTU, 20-TB/VPTU]\nrepeals: [99-TB/VPTU]\n---\nNội dung.\n",
    );
    let output = archive.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let said = stdout(&output);
    for expected in [
        "lỗi: content/b.md:6:1: khóa `singer` không có trong danh sách",
        "lỗi: content/b.md:7:12: văn bản không thể thay thế chính nó",
        "lỗi: content/b.md:7:24: `replaces` 20-TB/VPTU: văn bản đó ban hành sau văn bản này",
        "cảnh báo: content/b.md:8:11: `repeals` 99-TB/VPTU: kho không có văn bản này",
    ] {
        assert!(said.contains(expected), "missing `{expected}` in:\n{said}");
    }
    // Mended, the notice is linked as any other, and says the same of its relations.
    archive.write("content/b.md", &archive.read("content/b.md").replace("singer:", "signer:"));
    let mended = stdout(&archive.run(&["check"]));
    for expected in [
        "content/b.md:7:12: văn bản không thể thay thế chính nó",
        "content/b.md:7:24: `replaces` 20-TB/VPTU: văn bản đó ban hành sau văn bản này",
        "content/b.md:8:11: `repeals` 99-TB/VPTU: kho không có văn bản này",
    ] {
        assert!(mended.contains(expected), "missing `{expected}` in:\n{mended}");
    }
}

#[test]
fn the_help_is_said_in_the_language_of_the_archive_it_is_for() {
    let archive = TestArchive::new();
    let build = stdout(&archive.run(&["build", "--help"]));
    assert!(
        build.starts_with("Dựng kho vào thư mục đầu ra\n\nCách dùng: gazette build [TÙY CHỌN]\n"),
        "{build}"
    );
    assert!(
        build.contains("--out <THƯ_MỤC>") && build.contains("Thư mục đầu ra [mặc định: GỐC/output]"),
        "{build}"
    );
    assert!(
        build.contains("Tùy chọn:") && build.contains("-h, --help") && build.contains("In trợ giúp"),
        "{build}"
    );
    for english in ["Usage", "Options", "Print", "default", "[OPTIONS]"] {
        assert!(!build.contains(english), "`{english}` in {build}");
    }
    assert_eq!(stdout(&archive.run(&["help", "build"])), build, "`help build` is `build --help`");
    let top = stdout(&archive.run(&["--help"]));
    assert!(top.contains("Cách dùng: gazette [TÙY CHỌN] <LỆNH>\n\nLệnh:\n  build "), "{top}");
    assert!(top.contains("  check   Kiểm tra kho mà không ghi gì"), "{top}");
    let import = stdout(&archive.run(&["import", "-h"]));
    assert!(import.contains("Đối số:\n  <TỆP>...  Các tệp .docx"), "{import}");

    // Another archive, named by `--root` in either form, says it in its own language.
    let other = TestArchive::new();
    english(&other);
    let root = other.root().to_str().expect("a UTF-8 path");
    let check = stdout(&archive.run(&["check", "--root", root, "--help"]));
    assert!(
        check
            .starts_with("Validate the archive without writing anything\n\nUsage: gazette check [OPTIONS]\n"),
        "{check}"
    );
    assert!(check.contains("--format <FORMAT>  Report format: text, lines of text, or json"), "{check}");
    assert!(!check.contains("[possible values") && !check.contains("Kiểm tra"), "{check}");
    let joined = format!("--root={root}");
    assert_eq!(stdout(&archive.run(&["check", &joined, "--help"])), check);
    // A mistake in naming the command is said in that language too, with the command meant.
    let output = archive.run(&["chek", "--root", root]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("help: did you mean `check`?"), "{}", stderr(&output));
}

#[test]
fn serve_prints_each_rebuilds_problems_on_the_terminal() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &signed("3-TB/VPTU", "2024-03-08", "Lịch họp", "", "Nội dung."));
    let server = Server::start(&archive, &[]);
    let _events = server.ready_events();
    archive.write("content/a.md", &simple("3-TB/VPTU", "2024-03-08", "Lịch họp", "Nội dung mới."));
    let warning = server.wait_for_stderr("content/a.md", 30);
    assert!(warning.starts_with("cảnh báo: content/a.md:1:1: văn bản chưa có người ký"), "{warning}");
    archive.write("content/a.md", "---\nnumber: 3-TB/VPTU\ntitle: [chưa đóng\n---\nx\n");
    let error = server.wait_for_stderr("lỗi:", 30);
    assert!(error.starts_with("lỗi: content/a.md:3:"), "{error}");
}

#[test]
fn system_errors_are_said_in_the_archive_language() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &signed("1-TB/VPTU", "2024-03-01", "Một", "", "x"));
    archive.write("tep", "một tệp");
    let changes = archive.path("khong-co/thay-doi.txt");
    let output = archive.run(&["build", "--changes", changes.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "lỗi: không ghi được danh sách thay đổi vào {}: không có tệp hoặc thư mục này",
            changes.display()
        )),
        "{err}"
    );
    let output = archive.run(&["init", "tep"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("lỗi: không đọc được tep: không phải là thư mục"),
        "{}",
        stderr(&output)
    );
    // A link that leads nowhere.
    std::os::unix::fs::symlink("khong-co.md", archive.path("content/gay.md")).unwrap();
    let err = stderr(&archive.run(&["build"]));
    assert!(
        err.contains(
            "content/gay.md:1:1: không theo được liên kết tượng trưng (đích của nó không có); bỏ qua"
        ),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
    // A link to a folder of the archive: its notices are not published, and that is said.
    archive.write("luu/ban-sao.md", &simple("9-TB/VPTU", "2024-01-02", "Bản sao", "x"));
    std::os::unix::fs::symlink("../luu", archive.path("content/luu")).unwrap();
    let err = stderr(&archive.run(&["build"]));
    assert!(
        err.contains(
            "content/luu:1:1: liên kết tượng trưng đến một thư mục không được theo; bỏ qua: đặt chính các tệp vào content/"
        ),
        "{err}"
    );
    english(&archive);
    let err = stderr(&archive.run(&["build", "--changes", changes.to_str().unwrap()]));
    assert!(
        err.contains("cannot write the list of changes to") && err.contains(": no such file or folder"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn a_status_its_own_dates_contradict_on_the_day_of_the_build_is_warned_of() {
    let archive = TestArchive::new();
    archive
        .write("content/a.md", &signed("12-TB/VPTU", "2024-05-02", "Lịch trực", "expires: 2025-01-01", "x"));
    archive.write(
        "content/b.md",
        &signed(
            "13-QĐ/VPTU",
            "2024-11-20",
            "Quy chế",
            "effective: 2025-01-01\nstatus: not-yet-in-force",
            "x",
        ),
    );
    let expired = "cảnh báo: content/a.md:7:1: `expires` là ngày 2025-01-01, nên hôm nay văn bản đã hết hiệu lực, nhưng `status` là in-force: trang sẽ ghi còn hiệu lực";
    let begun = "cảnh báo: content/b.md:7:1: `effective` là ngày 2025-01-01, nên hôm nay văn bản đã có hiệu lực, nhưng `status` là not-yet-in-force: trang sẽ ghi chưa có hiệu lực";
    // The day before both dates, status and dates agree.
    let err = stderr(&archive.build_on("2024-12-31", &[]));
    assert!(!err.contains("`status` là"), "{err}");
    let page_before = archive.read("output/van-ban/2024/thong-bao-12-tb-vptu/index.html");
    // The day the plan is in force for the last time and the rule takes effect, with nothing
    // changed: the rule's status is told, where its date stands.
    let err = stderr(&archive.build_on("2025-01-01", &[]));
    assert!(err.contains(begun), "{err}");
    assert!(!err.contains(expired), "{err}");
    // The day after: both are told, and the pages are as they were (a page shows the status
    // its file declares, whatever the day).
    for _ in 0..2 {
        let err = stderr(&archive.build_on("2025-01-02", &[]));
        assert!(err.contains(expired), "{err}");
        assert!(err.contains(begun), "{err}");
        assert!(err.contains("gợi ý: viết status: expired, hoặc sửa `expires` nếu ngày ấy sai"), "{err}");
        assert!(err.contains("gợi ý: viết status: in-force, hoặc sửa `effective` nếu ngày ấy sai"), "{err}");
        assert!(err.contains("(0 tệp được ghi"), "{err}");
    }
    assert_eq!(archive.read("output/van-ban/2024/thong-bao-12-tb-vptu/index.html"), page_before);
    // Built as of an earlier day again: what the state says of a later one is not taken.
    let err = stderr(&archive.build_on("2024-12-31", &[]));
    assert!(!err.contains("`status` là"), "{err}");
    assert!(err.contains("được ghi theo ngày 2025-01-02, sau ngày của lần dựng này"), "{err}");
    // Mended as the help says: nothing to tell, and the page says what the file now does.
    archive.write(
        "content/a.md",
        &signed("12-TB/VPTU", "2024-05-02", "Lịch trực", "expires: 2025-01-01\nstatus: expired", "x"),
    );
    archive
        .write("content/b.md", &signed("13-QĐ/VPTU", "2024-11-20", "Quy chế", "effective: 2025-01-01", "x"));
    let err = stderr(&archive.build_on("2025-01-02", &[]));
    assert!(!err.contains("`status` là"), "{err}");
    let page = archive.page("output/van-ban/2024/thong-bao-12-tb-vptu/index.html");
    assert!(page.select(&scraper::Selector::parse("article.status-expired").unwrap()).next().is_some());
    // A notice not yet in force by its `effective`, in English.
    english(&archive);
    archive
        .write("content/b.md", &signed("13-QĐ/VPTU", "2024-11-20", "Quy chế", "effective: 2025-01-01", "x"));
    let err = stderr(&archive.build_on("2024-12-01", &[]));
    assert!(
        err.contains("warning: content/b.md:7:1: `effective` is 2025-01-01, so today the notice is not yet in force, but its `status` is in-force: its page will say in force"),
        "{err}"
    );
    assert!(
        err.contains("help: write status: not-yet-in-force, or mend `effective` if that date is wrong"),
        "{err}"
    );
}

#[test]
fn a_command_line_that_cannot_be_read_is_said_in_the_archives_language() {
    let archive = TestArchive::new();
    let said = |args: &[&str]| {
        let output = archive.run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        stderr(&output)
    };
    assert_eq!(
        said(&["build", "--draft"]),
        "lỗi: không có tùy chọn `--draft`\n  gợi ý: có phải là `--drafts`?\n"
    );
    assert_eq!(said(&["biuld"]), "lỗi: không có lệnh `biuld`\n  gợi ý: có phải là `build`?\n");
    assert!(
        said(&["check", "--format", "xml"]).contains("gợi ý: các giá trị dùng được: text, json"),
        "{}",
        said(&["check", "--format", "xml"])
    );
    assert!(said(&["new"]).starts_with("lỗi: thiếu --type"));
    // A value that does not read as one, and one not given: said, not the parser's English.
    for (args, first) in [
        (
            &["serve", "--port", "abc"][..],
            "lỗi: `abc` không phải giá trị dùng được cho `--port <CỔNG>`: cổng là một số từ 0 đến 65535\n",
        ),
        (
            &["serve", "--port", "99999"],
            "lỗi: `99999` không phải giá trị dùng được cho `--port <CỔNG>`: cổng là một số từ 0 đến 65535\n",
        ),
        (
            &["serve", "--bind", "may-chu"],
            "lỗi: `may-chu` không phải giá trị dùng được cho `--bind <ĐỊA_CHỈ>`: địa chỉ viết như 127.0.0.1 hoặc ::1\n",
        ),
        (&["build", "--out"], "lỗi: `--out <THƯ_MỤC>` cần một giá trị\n"),
    ] {
        let err = said(args);
        assert!(err.starts_with(first) && err.contains("  gợi ý: "), "{args:?}: {err}");
    }
    archive.write("site.yaml", "title: Archive\nlanguage: en\n");
    assert_eq!(
        said(&["build", "--draft"]),
        "error: there is no option `--draft`\n  help: did you mean `--drafts`?\n"
    );
    assert!(said(&["build", "--changes"]).starts_with("error: `--changes <FILE>` needs a value\n"));
    assert!(said(&["serve", "--port", "8o"]).starts_with(
        "error: `8o` is not a value `--port <PORT>` takes: a port is a number from 0 to 65535\n"
    ));
    // Help is not a mistake.
    assert!(archive.run(&["build", "--help"]).status.success());
}

#[test]
fn a_date_copied_from_the_printed_date_line_is_said_as_it_is_to_be_written() {
    let archive = TestArchive::new();
    let with_date = |date: &str| {
        format!(
            "---\nnumber: 5-TB/VPTU\ntitle: Lịch họp\nissuer: Văn phòng\ndate: {date}\nsigner: A\n---\n\nx\n"
        )
    };
    archive.write("content/a.md", &with_date("Hà Nội, ngày 05 tháng 3 năm 2026"));
    archive.write("content/b.md", &with_date("ngày 5 tháng 03 năm 2026"));
    // Near misses: a day no calendar has, and a line without its year.
    archive.write("content/c.md", &with_date("ngày 31 tháng 2 năm 2026"));
    archive.write("content/d.md", &with_date("Hà Nội, ngày 5 tháng 3"));
    let checked = archive.run(&["check"]);
    let err = format!("{}{}", stdout(&checked), stderr(&checked));
    for expected in [
        "content/a.md:5:1: `date` không phải là ngày: \"Hà Nội, ngày 05 tháng 3 năm 2026\"\n  gợi ý: viết ngày theo dạng YYYY-MM-DD: 2026-03-05, và nơi ban hành ở dòng riêng: place: Hà Nội",
        "content/b.md:5:1: `date` không phải là ngày: \"ngày 5 tháng 03 năm 2026\"\n  gợi ý: viết ngày theo dạng YYYY-MM-DD: 2026-03-05",
        "content/c.md:5:1: `date` không phải là ngày: \"ngày 31 tháng 2 năm 2026\"\n  gợi ý: viết ngày theo dạng YYYY-MM-DD, ví dụ 2024-06-10",
        "content/d.md:5:1: `date` không phải là ngày: \"Hà Nội, ngày 5 tháng 3\"\n  gợi ý: viết ngày theo dạng YYYY-MM-DD, ví dụ 2024-06-10",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
}

#[test]
fn a_day_given_that_cannot_be_read_is_refused() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &signed("12-TB/VPTU", "2024-05-02", "Lịch trực", "", "x"));
    for command in ["build", "check"] {
        let output = assert_cmd::Command::cargo_bin("gazette")
            .unwrap()
            .current_dir(archive.root())
            .env("SOURCE_DATE_EPOCH", "ngày mai")
            .arg(command)
            .output()
            .unwrap();
        assert!(!output.status.success());
        let err = stderr(&output);
        assert!(
            err.contains("lỗi: SOURCE_DATE_EPOCH phải là số giây kể từ 1970, không phải `ngày mai`"),
            "{err}"
        );
        assert!(!archive.exists("output"), "{command} wrote an output");
    }
}

#[test]
fn a_notice_left_out_for_an_error_has_its_links_checked_in_the_same_run() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &signed("5-KH/VPTU", "2024-06-01", "Kế hoạch", "", "x"));
    // A month that does not exist, and three links: one to a notice of the archive, one to a
    // number it lacks, one to no number at all.
    archive.write(
        "content/b.md",
        &signed(
            "6-TB/VPTU",
            "2024-13-01",
            "Thông báo",
            "",
            "Xem [kế hoạch](notice:5-KH/VPTU), [kế hoạch khác](notice:9-KH/VPTU) và [mục](notice:abc).",
        ),
    );
    let output = archive.run(&["build"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("lỗi: content/b.md:5:1: `date` không phải là ngày"), "{err}");
    assert!(
        err.contains("lỗi: content/b.md:9:35: liên kết đến 9-KH/VPTU: kho không có văn bản này"),
        "{err}"
    );
    assert!(err.contains("lỗi: content/b.md:9:72: đích liên kết `notice:abc`"), "{err}");
    assert!(!err.contains("5-KH/VPTU:"), "{err}");
    assert_eq!(err.matches("lỗi: ").count(), 3, "{err}");
}
