//! Input meant to break a build: huge repetitions, script links, control characters, and
//! mistakes whose message used to mislead. Each gets a located message or a safe page.

mod common;

use common::*;

fn with_body(body: &str) -> String {
    simple("1-TB/VPTU", "2024-01-02", "Thông báo thử", body)
}

#[test]
fn thousands_of_equal_headings_get_distinct_anchors() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &with_body(&"## Mục\n\n".repeat(3000)));
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    let ids = attrs(&page, ".notice-body h2", "id");
    assert_eq!(ids.len(), 3000);
    assert_eq!(&ids[..3], ["muc", "muc-2", "muc-3"]);
    assert_eq!(ids[2999], "muc-3000");
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), 3000);
}

#[test]
fn a_paragraph_of_many_citations_and_a_long_relation_list_keep_their_positions() {
    let archive = TestArchive::new();
    let cited: Vec<String> = (1..=3000).map(|i| format!("Nghị quyết số {i}-NQ/TU")).collect();
    let relations: String = (1..=2000).map(|i| format!("  - {i}-KL/TU\n")).collect();
    let front = format!(
        "number: 1-TB/VPTU\ntitle: Thử\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-01-02\nbased_on:\n{relations}"
    );
    archive.write("content/a.md", &notice(&front, &format!("Căn cứ {}.", cited.join(", "))));
    let output = archive.run(&["check"]);
    let report = stdout(&output);
    // The body starts on the line after the front-matter's 2,000 items and the blank line.
    let body_line = 2000 + 9;
    let second = "Căn cứ Nghị quyết số 1-NQ/TU, Nghị quyết số ".chars().count() + 1;
    assert!(
        report.contains(&format!(
            "content/a.md:{body_line}:{second}: văn bản được dẫn 2-NQ/TU không có trong kho"
        )),
        "{}",
        &report[..report.len().min(2000)]
    );
    assert!(report.contains("content/a.md:7:5: `based_on` 1-KL/TU: kho không có"), "{}", &report[..2000]);
    assert!(report.contains("content/a.md:2006:5: `based_on` 2000-KL/TU: kho không có"));
}

#[test]
fn deeply_nested_yaml_is_refused_at_its_place() {
    let archive = TestArchive::new();
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    archive.write("content/a.md", &notice(&format!("title: a\nissuer: b\nx: {deep}"), "x"));
    let output = archive.run(&["check", "--format", "text"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("content/a.md:4:36: các giá trị lồng nhau quá 32 cấp"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn script_and_data_links_lose_their_address_but_keep_their_text() {
    let archive = TestArchive::new();
    let body = "Xem [đây](javascript:alert(1)), <javascript:alert(2)>, [kia][r], ![ảnh](data:image/png;base64,AAAA) \
                và [trang](https://congbao.example.vn/).\n\n[r]: vbscript:msgbox(1)\n";
    archive.write("content/a.md", &with_body(body));
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    let hrefs = attrs(&page, ".notice-body a", "href");
    assert_eq!(hrefs, vec!["https://congbao.example.vn/"]);
    assert!(attrs(&page, ".notice-body img", "src").is_empty());
    let text = text(&page, ".notice-body");
    for kept in ["đây", "kia", "ảnh", "trang"] {
        assert!(text.contains(kept), "{kept} missing from {text}");
    }

    archive.write("site.yaml", "raw_html: true\n");
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert!(attrs(&page, ".notice-body a", "href").contains(&"javascript:alert(1)".to_string()));
}

#[test]
fn control_characters_are_removed_with_a_warning_and_every_xml_file_parses() {
    let archive = TestArchive::new();
    archive.write("site.yaml", "base_url: https://congbao.example.vn/\n");
    archive.write("content/a.md", &with_body("Dòng một.\n\nDán từ Word:\u{0}\u{1B} hết\u{C}.\n"));
    let output = archive.build_ok(&[]);
    let err = stderr(&output);
    assert!(
        err.contains("cảnh báo: content/a.md:10:13: đã bỏ ký tự điều khiển U+0000 và 2 ký tự khác"),
        "{err}"
    );
    for xml in ["output/feed.xml", "output/loai/thong-bao/feed.xml", "output/sitemap.xml"] {
        let text = archive.read(xml);
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{xml}: {e}"));
    }
    let page = archive.read("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert!(page.contains("Word: hết."), "the text around them is kept");
}

#[test]
fn spaces_and_invisible_characters_pasted_into_front_matter_are_read_as_they_look() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &notice(
            "number: 1-TB/VPTU\ntitle:\u{A0}Lịch\u{A0}họp tháng 10\nissuer: Văn phòng Tỉnh ủy\n\
             date: 2024-10-10\u{200B}\neffective: \u{FEFF}2024-10-15\ntags:\n\u{A0} - họp",
            "Nội dung.",
        ),
    );
    let output = archive.build_ok(&[]);
    assert!(stderr(&output).contains(" 0 lỗi, 1 cảnh báo"), "{}", stderr(&output));
    let page = archive.read("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert!(page.contains("<span class=\"subject\">Lịch họp tháng 10</span>"), "{page}");
    assert!(page.contains("datetime=\"2024-10-10\""), "{page}");
    assert!(page.contains("datetime=\"2024-10-15\""), "{page}");
    assert!(page.contains("chu-de/hop/index.html"), "{page}");
}

#[test]
fn misleading_messages_now_say_what_is_wrong() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &notice("number: 1-TB/VPTU\ntitle: [Một, Hai]\nissuer: B\ndate: 2024-01-02", "x"),
    );
    archive.write_bytes("content/b.md", &[0xFF, 0xFE, 0, 0, b'-', 0, 0, 0]);
    archive.write("content/c.md", "---\nnumber: 3-TB/VPTU\ntitle: Ba\n\nNội dung ngay sau các khóa.\n");
    archive.write("content/d.md", "number: 4-TB/VPTU\ntitle: Bốn\n---\n\nNội dung.\n");
    archive.write_bytes("site.yaml", b"title: L\xC6u tr\xEF\n");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("vong-2.md", archive.path("content/vong-1.md")).unwrap();
        std::os::unix::fs::symlink("vong-1.md", archive.path("content/vong-2.md")).unwrap();
    }
    let output = archive.run(&["check"]);
    let report = stdout(&output);
    assert!(report.contains("lỗi: content/a.md:3:1: `title` phải là chữ"), "{report}");
    assert!(!report.contains("thiếu khóa bắt buộc `title`"), "{report}");
    assert!(
        report.contains("lỗi: content/b.md:1:1: tệp được lưu theo mã UTF-32, không phải UTF-8"),
        "{report}"
    );
    assert!(report.contains("lỗi: site.yaml:1:9: tệp không phải UTF-8: byte 0xC6 không hợp lệ"), "{report}");
    assert!(
        report.contains(
            "lỗi: content/c.md:1:1: phần đầu mở bằng dòng `---` này nhưng không có dòng `---` nào đóng lại"
        ),
        "{report}"
    );
    assert!(report.contains("lỗi: content/d.md:1:1: thiếu phần đầu"), "{report}");
    #[cfg(unix)]
    assert!(report.contains("content/vong-1.md:1:1: không theo được liên kết tượng trưng"), "{report}");
    assert!(!report.contains("trỏ ra ngoài kho"), "{report}");
}

#[test]
fn a_circle_of_replacements_is_an_error_naming_every_member() {
    let archive = TestArchive::new();
    for (file, number, replaces) in
        [("a.md", "1-QĐ/TU", "2-QĐ/TU"), ("b.md", "2-QĐ/TU", "3-QĐ/TU"), ("c.md", "3-QĐ/TU", "1-QĐ/TU")]
    {
        let front = format!(
            "number: {number}\ntitle: Quyết định {number}\nissuer: Tỉnh ủy\ndate: 2024-05-01\nreplaces: [{replaces}]"
        );
        archive.write(&format!("content/{file}"), &notice(&front, "x"));
    }
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(
            "lỗi: content/a.md:6:1: các văn bản thay thế, bãi bỏ nhau thành vòng: 1-QĐ/TU (content/a.md) → \
             2-QĐ/TU (content/b.md) → 3-QĐ/TU (content/c.md) → 1-QĐ/TU (content/a.md)"
        ),
        "{err}"
    );
    assert_eq!(err.matches("thành vòng").count(), 1, "{err}");
}
