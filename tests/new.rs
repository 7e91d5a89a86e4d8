//! `gazette new`: the next free number, today's date, a draft, the issuer's details.

mod common;

use common::*;

/// Runs `gazette new` with `args`, asserts it succeeded, and returns the text of the file it
/// wrote.
fn new_notice(archive: &TestArchive, args: &[&str]) -> String {
    let output = archive.run(&[&["new"], args].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    archive.read(stdout(&output).trim())
}

#[test]
fn new_takes_the_next_number_of_the_type_issuer_and_year() {
    let archive = TestArchive::new();
    let year = jiff::ZonedDateTime::now().date().year();
    archive.write("site.yaml", "issuers:\n  VPTU: Văn phòng Tỉnh ủy Sơn Hà\n");
    archive.write("content/a.md", &simple("01-TB/VPTU", &format!("{year}-01-05"), "Một", "x"));
    archive.write(
        "content/b.md",
        &notice(
            &format!(
                "number: 07-TB/VPTU\ntitle: Bảy\nissuer: Văn phòng Tỉnh ủy\nparent_issuer: Tỉnh ủy Sơn Hà\ndate: {year}-01-09\nplace: Sơn Hà\nsigner:\n  name: Trần Thị Bích\n  title: Chánh Văn phòng\n  authority: T/L BAN THƯỜNG VỤ\nrecipients:\n  - Các đồng chí Ủy viên Ban Thường vụ\n  - Lưu Văn phòng"
            ),
            "x",
        ),
    );
    archive.write("content/c.md", &simple("12-TB/VPTU", &format!("{}-05-09", year - 1), "Năm trước", "x"));
    archive.write("content/d.md", &simple("20-KH/VPTU", &format!("{year}-01-06"), "Kế hoạch", "x"));
    let output = archive.run(&["new", "--type", "TB", "--issuer", "vptu", "--title", "Thông báo: lịch họp"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = stdout(&output).trim().to_string();
    assert!(path.ends_with(&format!("content/{year}/thong-bao-08-tb-vptu.md")), "{path}");
    let text = archive.read(&path);
    assert!(text.contains("number: 08-TB/VPTU\n"), "{text}");
    assert!(text.contains("title: \"Thông báo: lịch họp\"\n"), "{text}");
    // The issuer's details come from its latest notice, not from site.yaml's map of codes.
    assert!(text.contains("issuer: \"Văn phòng Tỉnh ủy\"\n"), "{text}");
    assert!(text.contains("parent_issuer: \"Tỉnh ủy Sơn Hà\"\n"), "{text}");
    assert!(text.contains("place: \"Sơn Hà\"\n"), "{text}");
    assert!(
        text.contains("signer:\n  name: \"Trần Thị Bích\"\n  title: \"Chánh Văn phòng\"\n  authority: \"T/L BAN THƯỜNG VỤ\"\n"),
        "{text}"
    );
    assert!(
        text.contains("recipients:\n  - \"Các đồng chí Ủy viên Ban Thường vụ\"\n  - \"Lưu Văn phòng\"\n"),
        "{text}"
    );
    assert!(text.contains(&format!("date: {}\n", jiff::ZonedDateTime::now().date())), "{text}");
    assert!(text.contains("draft: true\n"), "{text}");
    // The new file builds as a draft and is left out of a plain build.
    archive.build_ok(&["--drafts"]);
    assert!(archive.exists(&format!("output/van-ban/{year}/thong-bao-8-tb-vptu/index.html")));
    archive.build_ok(&[]);
    assert!(!archive.exists(&format!("output/van-ban/{year}/thong-bao-8-tb-vptu/index.html")));
    // Asking again gives the number after it, never the same file.
    let again = archive.run(&["new", "--type", "TB", "--issuer", "VPTU"]);
    assert!(stdout(&again).trim().ends_with("thong-bao-09-tb-vptu.md"), "{}", stdout(&again));
    // The known name given anyway: the details still come with it.
    let named =
        new_notice(&archive, &["--type", "TB", "--issuer", "VPTU", "--issuer-name", "Văn phòng Tỉnh ủy"]);
    assert!(named.contains("parent_issuer: \"Tỉnh ủy Sơn Hà\"\n") && named.contains("signer:\n"), "{named}");
    // A title pasted over two lines is one line.
    let pasted =
        new_notice(&archive, &["--type", "TB", "--issuer", "VPTU", "--title", "Lịch họp\n  tháng 12"]);
    assert!(pasted.contains("title: \"Lịch họp tháng 12\"\n"), "{pasted}");
}

#[test]
fn new_follows_the_state_form_of_the_issuer_and_refuses_unknown_codes() {
    let archive = TestArchive::new();
    let year = jiff::ZonedDateTime::now().date().year();
    archive.write("content/a.md", &simple("1234/QĐ-UBND", &format!("{year}-01-05"), "Quyết định", "x"));
    let text = new_notice(&archive, &["--type", "QĐ", "--issuer", "UBND"]);
    assert!(text.contains("number: 1235/QĐ-UBND\n"), "{text}");
    let bad = archive.run(&["new", "--type", "XYZW", "--issuer", "UBND"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("không phải mã loại văn bản"), "{}", stderr(&bad));
    // An issuer code no number can carry is said to be the issuer's, not the type's.
    for issuer in ["S/XD", "../../x", "", "UB ND"] {
        let bad = archive.run(&["new", "--type", "TB", "--issuer", issuer, "--issuer-name", "Sở Xây dựng"]);
        assert_eq!(bad.status.code(), Some(1), "{issuer}");
        let err = stderr(&bad);
        assert!(err.contains("không phải mã cơ quan viết được trong số, ký hiệu"), "{issuer}: {err}");
        assert!(!err.contains("mã loại"), "{issuer}: {err}");
    }
    // A department of the province, named anew: numbered in the state form, as a state body.
    let department =
        new_notice(&archive, &["--type", "TB", "--issuer", "so-xd", "--issuer-name", "Sở Xây dựng"]);
    assert!(department.contains("number: 1/TB-SO-XD\n"), "{department}");
}

#[test]
fn an_issuer_code_no_notice_has_is_refused_unless_named() {
    let archive = TestArchive::new();
    let year = jiff::ZonedDateTime::now().date().year();
    archive.write("content/a.md", &simple("1-TB/VPTU", &format!("{year}-01-05"), "Một", "x"));
    archive.write("content/b.md", &simple("1/QĐ-UBND", &format!("{year}-01-06"), "Hai", "x"));
    let refused = archive.run(&["new", "--type", "TB", "--issuer", "VPUB"]);
    assert_eq!(refused.status.code(), Some(1));
    let err = stderr(&refused);
    assert!(err.contains("lỗi: chưa văn bản nào trong kho có mã cơ quan VPUB"), "{err}");
    assert!(err.contains("gợi ý: các mã cơ quan đã có: UBND, VPTU;"), "{err}");
    assert!(!archive.exists(&format!("content/{year}/thong-bao-01-tb-vpub.md")));

    let text =
        new_notice(&archive, &["--type", "TB", "--issuer", "VPUB", "--issuer-name", "Văn phòng UBND tỉnh"]);
    // The office of a People's Committee: a state body, numbered in the state form.
    assert!(
        text.contains("number: 1/TB-VPUB\n") && text.contains("issuer: \"Văn phòng UBND tỉnh\"\n"),
        "{text}"
    );

    // A second name for a code the archive names already would split the issuer's index.
    let other =
        archive.run(&["new", "--type", "TB", "--issuer", "VPUB", "--issuer-name", "Văn phòng Sở Nội vụ"]);
    assert_eq!(other.status.code(), Some(1));
    assert!(
        stderr(&other).contains("lỗi: mã cơ quan VPUB đã được ghi là `Văn phòng UBND tỉnh` trong kho, không phải `Văn phòng Sở Nội vụ`"),
        "{}",
        stderr(&other)
    );
    // The known name in other capitals is the known name, as the archive writes it.
    let text =
        new_notice(&archive, &["--type", "TB", "--issuer", "VPUB", "--issuer-name", "VĂN PHÒNG UBND TỈNH"]);
    assert!(text.contains("issuer: \"Văn phòng UBND tỉnh\"\n"), "{text}");

    // A folder that is no archive is said to be one.
    let empty = TestArchive::new();
    let lost = empty.run(&["new", "--type", "TB", "--issuer", "VPTU"]);
    assert_eq!(lost.status.code(), Some(1));
    assert!(
        stderr(&lost).contains("content không có: đây không phải là một kho văn bản"),
        "{}",
        stderr(&lost)
    );

    archive.write("site.yaml", "language: en\n");
    let english = archive.run(&["new", "--type", "TB", "--issuer", "XYZ"]);
    assert!(
        stderr(&english).contains("error: no notice of the archive has the issuer code XYZ"),
        "{}",
        stderr(&english)
    );
}

#[test]
fn new_keeps_the_issuers_spelling_refuses_a_blank_title_and_waits_for_errors_to_be_mended() {
    let archive = TestArchive::new();
    let year = jiff::ZonedDateTime::now().date().year();
    archive.write("content/a.md", &simple("12/QĐ-TTg", &format!("{year}-01-05"), "Quyết định", "x"));
    let text = new_notice(&archive, &["--type", "QĐ", "--issuer", "ttg"]);
    assert!(text.contains("number: 13/QĐ-TTg\n"), "{text}");
    assert!(text.contains("title: \"Quyết định (chưa có trích yếu)\"\n"), "{text}");

    let blank = archive.run(&["new", "--type", "QĐ", "--issuer", "TTg", "--title", "   "]);
    assert_eq!(blank.status.code(), Some(1));
    assert!(stderr(&blank).contains("lỗi: trích yếu (--title) để trống"), "{}", stderr(&blank));
    assert!(!archive.exists(&format!("content/{year}/quyet-dinh-14-qd-ttg.md")));

    // A notice file with an error may hold the number a new one would take.
    archive.write("content/b.md", "---\nnumber: 14/QĐ-TTg\ntitle: [chưa đóng\n---\nx\n");
    let refused = archive.run(&["new", "--type", "QĐ", "--issuer", "TTg"]);
    assert_eq!(refused.status.code(), Some(1));
    let err = stderr(&refused);
    assert!(
        err.contains("lỗi: các tệp văn bản có 1 lỗi") && err.contains("lỗi đầu tiên: content/b.md:3:8: "),
        "{err}"
    );
    assert_eq!(err.matches("lỗi: ").count(), 1, "the first error is not labelled again: {err}");
    assert!(
        err.contains("gợi ý: sửa các lỗi (`gazette check --drafts` liệt kê đủ, cả của dự thảo)"),
        "{err}"
    );
    assert!(!archive.exists(&format!("content/{year}/quyet-dinh-14-qd-ttg.md")));

    std::fs::remove_file(archive.path("content/b.md")).unwrap();
    archive.write("site.yaml", "language: en\n");
    let text = new_notice(&archive, &["--type", "QĐ", "--issuer", "TTg"]);
    assert!(text.contains("title: \"Quyết định (no title yet)\"\n"), "{text}");
}

#[test]
fn new_and_init_date_by_source_date_epoch_when_it_is_set_and_refuse_one_they_cannot_read() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &simple("01-TB/VPTU", "2024-01-05", "Một", "x"));
    // 1 June 2024, 00:00 UTC.
    let run = |args: &[&str], epoch: &str| {
        assert_cmd::Command::cargo_bin("gazette")
            .unwrap()
            .current_dir(archive.root())
            .env("SOURCE_DATE_EPOCH", epoch)
            .args(args)
            .output()
            .unwrap()
    };
    let output = run(&["new", "--type", "TB", "--issuer", "VPTU"], "1717200000");
    assert!(output.status.success(), "{}", stderr(&output));
    let path = stdout(&output).trim().to_string();
    assert!(path.ends_with("content/2024/thong-bao-02-tb-vptu.md"), "{path}");
    assert!(archive.read(&path).contains("date: 2024-06-01\n"));
    let output = run(&["init", "moi"], "1717200000");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(archive.read("moi/content/2024/thong-bao-01-tb-vp.md").contains("date: 2024-06-01\n"));
    for args in
        [&["new", "--type", "TB", "--issuer", "VPTU"][..], &["init", "khac"], &["import", "khong-co.docx"]]
    {
        let refused = run(args, "ngày mai");
        assert!(!refused.status.success(), "{args:?}");
        assert!(stderr(&refused).contains("SOURCE_DATE_EPOCH"), "{}", stderr(&refused));
    }
    assert!(!archive.exists("khac"));
}

#[test]
fn a_state_body_with_no_notice_yet_is_numbered_in_the_state_form() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &simple("01-TB/VPTU", "2024-01-05", "Một", "x"));
    let text = new_notice(
        &archive,
        &["--type", "QĐ", "--issuer", "UBND", "--issuer-name", "Ủy ban nhân dân tỉnh Sơn Hà"],
    );
    assert!(text.contains("number: 1/QĐ-UBND\n"), "{text}");
    // A Party body named anew stays in the Party form.
    let party =
        new_notice(&archive, &["--type", "TB", "--issuer", "BTGTU", "--issuer-name", "Ban Tuyên giáo"]);
    assert!(party.contains("number: 01-TB/BTGTU\n"), "{party}");
}

#[test]
fn a_file_named_for_the_next_number_but_holding_another_is_left_alone_with_a_way_out() {
    let archive = TestArchive::new();
    let year = jiff::ZonedDateTime::now().date().year();
    archive.write("content/a.md", &simple("01-TB/VPTU", &format!("{year}-01-05"), "Một", "x"));
    // Named for 02-TB/VPTU by hand, holding a plan.
    let taken = format!("content/{year}/thong-bao-02-tb-vptu.md");
    let plan = simple("02-KH/VPTU", &format!("{year}-01-06"), "Kế hoạch", "x");
    archive.write(&taken, &plan);
    let refused = archive.run(&["new", "--type", "TB", "--issuer", "VPTU"]);
    assert_eq!(refused.status.code(), Some(1));
    let err = stderr(&refused);
    assert!(err.contains("thong-bao-02-tb-vptu.md đã có"), "{err}");
    assert!(err.contains("gợi ý: tệp này không mang số 02-TB/VPTU"), "{err}");
    assert_eq!(archive.read(&taken), plan);
}
