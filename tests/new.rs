//! `gazette new`: the next free number, today's date, a draft.

mod common;

use common::*;

#[test]
fn new_takes_the_next_number_of_the_type_issuer_and_year() {
    let archive = TestArchive::new();
    let year = jiff::ZonedDateTime::now().date().year();
    archive.write("site.yaml", "issuers:\n  VPTU: Văn phòng Tỉnh ủy Sơn Hà\n");
    archive.write("content/a.md", &simple("01-TB/VPTU", &format!("{year}-01-05"), "Một", "x"));
    archive.write("content/b.md", &simple("07-TB/VPTU", &format!("{year}-01-09"), "Bảy", "x"));
    archive.write("content/c.md", &simple("12-TB/VPTU", &format!("{}-05-09", year - 1), "Năm trước", "x"));
    archive.write("content/d.md", &simple("20-KH/VPTU", &format!("{year}-02-09"), "Kế hoạch", "x"));
    let output = archive.run(&["new", "--type", "TB", "--issuer", "vptu", "--title", "Thông báo: lịch họp"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = stdout(&output).trim().to_string();
    assert!(path.ends_with(&format!("content/{year}/thong-bao-08-tb-vptu.md")), "{path}");
    let text = archive.read(&path);
    assert!(text.contains("number: 08-TB/VPTU\n"), "{text}");
    assert!(text.contains("title: \"Thông báo: lịch họp\"\n"), "{text}");
    assert!(text.contains("issuer: \"Văn phòng Tỉnh ủy Sơn Hà\"\n"), "{text}");
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
}

#[test]
fn new_follows_the_state_form_of_the_issuer_and_refuses_unknown_codes() {
    let archive = TestArchive::new();
    let year = jiff::ZonedDateTime::now().date().year();
    archive.write("content/a.md", &simple("1234/QĐ-UBND", &format!("{year}-01-05"), "Quyết định", "x"));
    let output = archive.run(&["new", "--type", "QĐ", "--issuer", "UBND"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = archive.read(stdout(&output).trim());
    assert!(text.contains("number: 1235/QĐ-UBND\n"), "{text}");
    let bad = archive.run(&["new", "--type", "XYZW", "--issuer", "UBND"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("not a type code"), "{}", stderr(&bad));
}
