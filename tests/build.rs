//! `gazette build` on archives written by the tests: pages, keys, errors, output safety.

mod common;

use common::*;

const FULL_NOTICE: &str = r#"---
number: 45-TB/VPTU
title: Kết luận của Thường trực Tỉnh ủy về công tác chuyển đổi số
issuer: Văn phòng Tỉnh ủy
parent_issuer: Tỉnh ủy Sơn Hà
date: 2024-06-10
place: Sơn Hà
signer:
  name: Trần Thị Bích
  title: Chánh Văn phòng
  authority: T/L BAN THƯỜNG VỤ
recipients:
  - Các đồng chí Ủy viên Ban Thường vụ
  - Lưu Văn phòng Tỉnh ủy
status: partly-expired
effective: 2024-06-15
expires: 2025-12-31
tags: [chuyển đổi số, cải cách hành chính]
summary: Tóm tắt do người soạn viết.
ma_luu_tru: HS-2024-17
---

## Đánh giá chung

Thường trực Tỉnh ủy ghi nhận kết quả bước đầu.

**1. Về nhiệm vụ thời gian tới:** tiếp tục số hóa hồ sơ.
"#;

#[test]
fn every_front_matter_key_reaches_the_page() {
    let archive = TestArchive::new();
    archive.write("content/2024/tb-45.md", FULL_NOTICE);
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2024/thong-bao-45-tb-vptu/index.html");
    assert_eq!(text(&page, ".notice-header .number"), "Số 45-TB/VPTU");
    assert_eq!(text(&page, ".parent-issuer"), "TỈNH ỦY SƠN HÀ");
    assert_eq!(text(&page, ".issuer"), "VĂN PHÒNG TỈNH ỦY");
    assert_eq!(text(&page, ".national"), "ĐẢNG CỘNG SẢN VIỆT NAM");
    assert_eq!(text(&page, ".date-line"), "Sơn Hà, ngày 10 tháng 6 năm 2024");
    assert_eq!(attrs(&page, ".date-line time", "datetime"), vec!["2024-06-10"]);
    assert_eq!(text(&page, ".notice-title .doc-type"), "THÔNG BÁO");
    assert_eq!(
        text(&page, ".notice-title .subject"),
        "Kết luận của Thường trực Tỉnh ủy về công tác chuyển đổi số"
    );
    assert_eq!(text(&page, ".signature .authority"), "T/L BAN THƯỜNG VỤ");
    assert_eq!(text(&page, ".signature .signer-title"), "CHÁNH VĂN PHÒNG");
    assert_eq!(text(&page, ".signature .signer-name"), "Trần Thị Bích");
    assert_eq!(
        texts(&page, ".recipients li"),
        vec!["Các đồng chí Ủy viên Ban Thường vụ", "Lưu Văn phòng Tỉnh ủy"]
    );
    assert_eq!(text(&page, ".details .tags"), "chuyển đổi số, cải cách hành chính");
    assert_eq!(text(&page, ".details .status"), "Hết hiệu lực một phần");
    assert!(text(&page, ".details").contains("15/6/2024"));
    assert!(text(&page, ".details").contains("31/12/2025"));
    assert_eq!(attrs(&page, "h2#danh-gia-chung", "id"), vec!["danh-gia-chung"]);
    assert_eq!(attrs(&page, ".toc a", "href"), vec!["#danh-gia-chung", "#muc-1-ve-nhiem-vu-thoi-gian-toi"]);
    let api: serde_json::Value = serde_json::from_str(&archive.read("output/api/notices.json")).unwrap();
    let entry = &api[0];
    assert_eq!(entry["number"], "45-TB/VPTU");
    assert_eq!(entry["key"], "45-TB/VPTU");
    assert_eq!(entry["type"], "Thông báo");
    assert_eq!(entry["date"], "2024-06-10");
    assert_eq!(entry["status"], "partly-expired");
    assert_eq!(entry["url"], "van-ban/2024/thong-bao-45-tb-vptu/");
    assert!(entry["cites"].as_array().unwrap().is_empty());
    assert!(entry["relations"]["replaced_by"].as_array().unwrap().is_empty());
}

#[test]
fn extra_keys_reach_templates_and_state_notices_get_the_national_heading() {
    let archive = TestArchive::new();
    archive.write("content/tb.md", FULL_NOTICE);
    archive.write(
        "content/qd.md",
        &notice(
            "number: 1234/QĐ-UBND\ntitle: Về việc thành lập tổ công tác\nissuer: Ủy ban nhân dân tỉnh Sơn Hà\ndate: 2023-02-05\nplace: Sơn Hà",
            "Thành lập tổ công tác.",
        ),
    );
    archive.write("templates/notice.html", "{{ notice.extra.ma_luu_tru | default(value='-') }}|{{ notice.system }}|{{ notice.date_line }}|{{ notice.type }}");
    archive.build_ok(&[]);
    assert_eq!(
        archive.read("output/van-ban/2024/thong-bao-45-tb-vptu/index.html"),
        "HS-2024-17|party|Sơn Hà, ngày 10 tháng 6 năm 2024|Thông báo"
    );
    assert_eq!(
        archive.read("output/van-ban/2023/quyet-dinh-1234-qd-ubnd/index.html"),
        "-|state|Sơn Hà, ngày 05 tháng 02 năm 2023|Quyết định"
    );
}

#[test]
fn nfd_bom_and_crlf_come_out_identical_to_the_clean_twin() {
    use unicode_normalization::UnicodeNormalization;
    let clean = TestArchive::new();
    clean.write("content/tb-45.md", FULL_NOTICE);
    clean.build_ok(&[]);
    let messy = TestArchive::new();
    let nfd: String = FULL_NOTICE.nfd().collect();
    let crlf = nfd.replace('\n', "\r\n");
    messy.write_bytes("content/tb-45.md", &[b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat());
    messy.build_ok(&[]);
    assert_eq!(site_files(&clean.path("output")), site_files(&messy.path("output")));
}

#[test]
fn a_file_written_decomposed_has_its_problems_said_at_the_columns_an_editor_shows() {
    use unicode_normalization::UnicodeNormalization;
    let line = "Thực hiện Nghị quyết số 77-NQ/TU của Tỉnh ủy về việc ấy.";
    let text = format!(
        "---\nnumber: 5-TB/VPTU\ntitle: Thông báo lịch họp\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-03-01\nsigner: Nguyễn Văn An\n---\n\n{line}\n"
    );
    // The column said for the citation not in the archive, on line 9.
    let column = |archive: &TestArchive| {
        let said = stderr(&archive.build_ok(&[]));
        let at =
            said.find("content/tb-5.md:9:").unwrap_or_else(|| panic!("{said}")) + "content/tb-5.md:9:".len();
        said[at..].split(':').next().unwrap().parse::<usize>().unwrap()
    };
    let composed = TestArchive::new();
    composed.write("content/tb-5.md", &text);
    let decomposed = TestArchive::new();
    decomposed.write("content/tb-5.md", &text.nfd().collect::<String>());
    let (at, written_at) = (column(&composed), column(&decomposed));
    // The same place, counted in the characters of each file's line.
    let before: String = line.chars().take(at - 1).collect();
    assert!(before.ends_with("Thực hiện ") || before.ends_with("số "), "{before}");
    assert_eq!(written_at, before.nfd().count() + 1);
    assert!(written_at > at);
}

#[test]
fn every_problem_is_reported_with_file_and_line_at_once() {
    let archive = TestArchive::new();
    archive.write(
        "content/a-bad-date.md",
        "---\nnumber: 1-TB/VPTU\ntitle: A\nissuer: B\ndate: 2024-13-45\n---\nx\n",
    );
    archive.write("content/b-bad-yaml.md", "---\nnumber: 2-TB/VPTU\ntitle: [A\nissuer: B\n---\nx\n");
    archive.write("content/c-missing.md", "---\nnumber: 3-TB/VPTU\nissuer: B\ndate: 2024-01-02\n---\nx\n");
    archive.write(
        "content/c-blank.md",
        "---\nnumber: 13-TB/VPTU\nissuer: B\ndate: 2024-01-02\ntitle:   \n---\nx\n",
    );
    archive.write(
        "content/d-tab.md",
        "---\nnumber: 4-TB/VPTU\ntitle: A\nissuer: B\ndate: 2024-01-02\nsigner:\n\tname: C\n---\nx\n",
    );
    archive.write_bytes("content/e-latin1.md", b"---\nnumber: 5-TB/VPTU\ntitle: Th\xF4ng b\xE1o\n---\n");
    archive.write("content/f-dup-1.md", &simple("6-TB/VPTU", "2024-03-01", "Một", "x"));
    archive.write("content/g-dup-2.md", &simple("06-TB/VPTU", "2024-05-01", "Hai", "x"));
    archive.write("content/h-number.md", &simple("không có số", "2024-05-01", "Ba", "x"));
    archive.write(
        "content/i-link.md",
        &simple("9-TB/VPTU", "2024-05-01", "Bốn", "Dòng một.\n\nXem [kế hoạch](notice:77-KH/TU).\n"),
    );
    // A title pasted in again under the date: the second one is shown, and the misspelt key
    // after it is reported in the same run.
    archive.write(
        "content/j-title-twice.md",
        "---\nnumber: 10-TB/VPTU\ntitle: Năm\nissuer: B\ndate: 2024-05-01\ntitle: Năm (bản sửa)\nsignr: C\n---\nx\n",
    );
    archive.write(
        "content/k-status-words.md",
        "---\nnumber: 11-TB/VPTU\ntitle: Sáu\nissuer: B\ndate: 2024-05-1\nstatus: Hết hiệu lực\n---\nx\n",
    );
    // A relation written from its older end, and an end date under another name.
    archive.write(
        "content/l-passive.md",
        "---\nnumber: 12-TB/VPTU\ntitle: Bảy\nissuer: B\ndate: 2024-05-01\nreplaced_by: [14-TB/VPTU]\nexpiry: 2025-01-01\n---\nx\n",
    );
    // The number of a file left out for its error (c-missing.md), used by another file, and by
    // a second file left out, which names the published one too.
    archive.write("content/m-number-of-c.md", &simple("3-TB/VPTU", "2024-06-01", "Tám", "x"));
    archive
        .write("content/c-missing-too.md", "---\nnumber: 3-TB/VPTU\nissuer: B\ndate: 2024-07-02\n---\nx\n");
    // Two files left out for a type not known: of no type, so not of one.
    archive.write(
        "content/n-no-type-1.md",
        "---\nnumber: 123/UBND-VX\ntitle: A\nissuer: B\ndate: 2024-01-10\n---\nx\n",
    );
    archive.write(
        "content/n-no-type-2.md",
        "---\nnumber: 123/UBND-VX\ntitle: A\nissuer: B\ndate: 2024-02-10\n---\nx\n",
    );
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        "lỗi: content/c-missing.md:2:1: số 3-TB/VPTU (Thông báo, năm 2024) đã được dùng cho content/m-number-of-c.md",
        "lỗi: content/c-missing-too.md:2:1: số 3-TB/VPTU (Thông báo, năm 2024) đã được dùng cho content/m-number-of-c.md",
        "lỗi: content/l-passive.md:6:1: khóa `replaced_by` không được dùng: quan hệ chỉ được ghi ở văn bản ban hành sau, bằng `replaces`\n  gợi ý: xóa `replaced_by` ở đây và ghi `replaces: [số văn bản này]` trong văn bản kia",
        "lỗi: content/l-passive.md:7:1: khóa `expiry` không có trong danh sách; có phải là `expires`?",
        "lỗi: content/k-status-words.md:5:1: `date` không phải là ngày: \"2024-05-1\"\n  gợi ý: viết ngày theo dạng YYYY-MM-DD: 2024-05-01",
        "lỗi: content/k-status-words.md:6:1: không có hiệu lực nào tên `Hết hiệu lực`\n  gợi ý: `Hết hiệu lực` là `expired`: viết status: expired",
        "lỗi: content/j-title-twice.md:6:1: khóa `title` được viết hai lần, đây là lần thứ hai\n  gợi ý: giữ lại một dòng `title`",
        "lỗi: content/j-title-twice.md:7:1: khóa `signr` không có trong danh sách",
        "lỗi: content/a-bad-date.md:5:1: `date` không phải là ngày",
        "lỗi: content/b-bad-yaml.md:3:8: dấu `[` mở ở đây chưa được đóng bằng `]`",
        "lỗi: content/c-missing.md:1:1: thiếu khóa bắt buộc `title`",
        "lỗi: content/c-blank.md:5:1: khóa bắt buộc `title` để trống\n  gợi ý: ghi giá trị sau `title:`",
        "lỗi: content/d-tab.md:7:1: dấu tab ở đầu dòng: YAML không thụt lề bằng tab",
        "lỗi: content/e-latin1.md:3:10: tệp không phải UTF-8: byte 0xF4 không hợp lệ ở vị trí byte 31",
        "lỗi: content/g-dup-2.md:2:1: số 06-TB/VPTU (Thông báo, năm 2024) đã được dùng cho content/f-dup-1.md",
        "lỗi: content/h-number.md:2:1: `không có số` không phải là số, ký hiệu văn bản",
        "lỗi: content/i-link.md:10:5: liên kết đến 77-KH/TU: kho không có văn bản này",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(err.contains("gợi ý: YAML chỉ thụt lề bằng dấu cách"), "{err}");
    assert!(!err.contains("h-number.md:2:1: thiếu `type`"), "no follow-on error for a bad number:\n{err}");
    assert_eq!(err.matches("g-dup-2.md:2:1: số").count(), 1, "one report for one duplicate:\n{err}");
    assert!(!err.contains("n-no-type-2.md:2:1: số"), "{err}");
    assert!(!archive.exists("output/index.html"));
}

#[test]
fn a_key_written_twice_in_site_yaml_hides_no_other_problem() {
    let archive = TestArchive::new();
    archive.write("site.yaml", "title: Kho\npage_size: 0\ntitle: Kho lưu trữ\nlanguage: fr\n");
    archive.write("content/a.md", &simple("1-TB/VPTU", "2024-03-01", "Một", "x"));
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        "lỗi: site.yaml:2:1: `page_size` phải là số nguyên lớn hơn 0",
        "lỗi: site.yaml:3:1: khóa `title` được viết hai lần, đây là lần thứ hai",
        "lỗi: site.yaml:4:1: `language` phải là `vi` hoặc `en`",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
}

#[test]
fn a_base_url_without_its_scheme_is_refused_before_any_link_is_written() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &simple("1-TB/VPTU", "2024-03-01", "Một", "x"));
    archive.write("site.yaml", "title: Kho\nbase_url: congbao.example.vn\n");
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("lỗi: site.yaml:2:1: `base_url` phải là một địa chỉ đầy đủ, bắt đầu bằng https:// hoặc http://, không phải `congbao.example.vn`"),
        "{err}"
    );
    assert!(err.contains("gợi ý: ví dụ https://"), "{err}");
    assert!(!archive.exists("output/index.html"));
    archive.write("site.yaml", "title: Kho\n");
    let output = archive.run(&["build", "--base-url", "congbao.example.vn"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--base-url phải là một địa chỉ đầy đủ"), "{}", stderr(&output));
    assert!(!archive.exists("output/index.html"));
    archive.build_ok(&["--base-url", "https://congbao.example.vn"]);
    let page = archive.read("output/index.html");
    assert!(page.contains("href=\"https://congbao.example.vn/style.css"), "{page}");
}

#[test]
fn tags_written_as_one_text_with_commas_are_one_tag_with_a_warning_showing_the_list() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &notice(
            "number: 1-TB/VPTU\ntitle: Một\nissuer: B\ndate: 2024-03-01\nsigner: C\ntags: chuyển đổi số, cải cách",
            "x",
        ),
    );
    archive.write(
        "content/b.md",
        &notice("number: 2-TB/VPTU\ntitle: Hai\nissuer: B\ndate: 2024-03-02\nsigner: C\ntags: [an ninh, quốc phòng]", "x"),
    );
    let err = stderr(&archive.build_ok(&[]));
    assert!(
        err.contains("cảnh báo: content/a.md:7:1: `tags` là một chủ đề duy nhất, `chuyển đổi số, cải cách`, vì không có dấu ngoặc vuông\n  gợi ý: nếu là nhiều chủ đề, viết tags: [chuyển đổi số, cải cách]"),
        "{err}"
    );
    assert!(!err.contains("content/b.md"), "a list is no warning: {err}");
}

#[test]
fn a_year_typed_short_or_unlike_the_numbers_is_a_warning_at_its_line() {
    let archive = TestArchive::new();
    // Each issuer code its own issuer name.
    let front = |number: &str, date: &str| {
        let code = number.rsplit(['-', '/']).next().unwrap_or(number);
        format!("number: {number}\ntitle: Một\nissuer: Cơ quan {code}\ndate: {date}\nsigner: C")
    };
    archive.write("content/a.md", &notice(&front("1-TB/VPTU", "0024-06-10"), "x"));
    archive.write("content/b.md", &notice(&front("30/2020/NĐ-CP", "2024-01-14"), "x"));
    // Near misses: a year in the number that matches, a number without a year, an old notice.
    archive.write("content/c.md", &notice(&front("31/2024/NĐ-CP", "2024-01-15"), "x"));
    archive.write("content/d.md", &notice(&front("5/QĐ-UBND", "1976-07-02"), "x"));
    let err = stderr(&archive.build_ok(&[]));
    for expected in [
        "cảnh báo: content/a.md:5:1: ngày ban hành ở năm 24, có vẻ gõ nhầm\n  gợi ý: kiểm tra lại năm (viết đủ bốn chữ số)",
        "cảnh báo: content/b.md:2:1: số 30/2020/NĐ-CP mang năm 2020, còn ngày ban hành ở năm 2024",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(!err.contains("content/c.md") && !err.contains("content/d.md"), "{err}");
}

#[test]
fn two_notices_on_one_url_is_an_error_naming_both() {
    // Different numbers (ĐA and DA) that transliterate to one URL.
    let archive = TestArchive::new();
    archive.write("content/a.md", &simple("7/ĐA-UBND", "2024-03-01", "Một", "x"));
    archive.write(
        "content/b.md",
        &notice("number: 7/DA-UBND\ntype: Đề án\ntitle: Hai\nissuer: B\ndate: 2024-09-01", "x"),
    );
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("content/a.md và content/b.md sẽ cùng được đăng ở van-ban/2024/de-an-7-da-ubnd/"),
        "{err}"
    );
}

#[test]
fn failed_build_leaves_previous_output_byte_identical() {
    let archive = TestArchive::new();
    archive.write("content/a.md", FULL_NOTICE);
    archive.build_ok(&[]);
    let before = snapshot(&archive.path("output"));
    archive.write("content/a.md", "---\ntitle: [broken\n---\n");
    archive.write("content/b.md", &simple("8-TB/VPTU", "2024-03-01", "Mới", "x"));
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(before, snapshot(&archive.path("output")));
    assert!(!archive.exists(".output.staging"));
}

#[test]
fn template_error_names_the_template_and_line_and_keeps_output() {
    let archive = TestArchive::new();
    archive.write("content/a.md", FULL_NOTICE);
    archive.build_ok(&[]);
    let before = snapshot(&archive.path("output"));
    archive.write("templates/notice.html", "line one\n{{ notice.title | no_such_filter }}\n");
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("lỗi: templates/notice.html:2:"), "{err}");
    assert_eq!(before, snapshot(&archive.path("output")));
    // An error the engine gives no place for is said at the template it names.
    archive.write("templates/notice.html", "{% include \"notice-row.html\" %}");
    archive.write("templates/notice-row.html", "{% include \"notice-row.html\" %}");
    let err = stderr(&archive.run(&["build"]));
    assert!(err.contains("lỗi: templates/notice-row.html:1:1: lỗi mẫu trang:"), "{err}");
    assert_eq!(before, snapshot(&archive.path("output")));
}

#[test]
fn author_html_and_front_matter_are_escaped() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &simple(
            "1-TB/VPTU",
            "2024-03-01",
            "\"<script>alert(1)</script>\"",
            "Đoạn <script>alert(2)</script> và <b>đậm</b>.",
        ),
    );
    archive.build_ok(&[]);
    let raw = archive.read("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert!(!raw.contains("<script>"), "{raw}");
    let page = archive.page("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert_eq!(text(&page, ".subject"), "<script>alert(1)</script>");
    assert!(text(&page, ".notice-body").contains("<script>alert(2)</script>"));

    archive.write("site.yaml", "raw_html: true\n");
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert_eq!(text(&page, ".notice-body b"), "đậm");
    assert_eq!(text(&page, ".subject"), "<script>alert(1)</script>");
}

#[test]
fn archive_template_overrides_the_default_and_theme_folder() {
    let archive = TestArchive::new();
    archive.write("content/a.md", FULL_NOTICE);
    archive.write("site.yaml", "theme: trang\n");
    archive.write("themes/trang/templates/index.html", "theme home");
    archive.write("themes/trang/templates/notice.html", "theme notice");
    archive.write("themes/trang/static/extra.css", "body{}");
    archive.write("templates/notice.html", "override notice {{ notice.number }}");
    archive.write("static/logo.txt", "logo");
    archive.build_ok(&[]);
    assert_eq!(archive.read("output/index.html"), "theme home");
    assert_eq!(
        archive.read("output/van-ban/2024/thong-bao-45-tb-vptu/index.html"),
        "override notice 45-TB/VPTU"
    );
    assert_eq!(archive.read("output/extra.css"), "body{}");
    assert_eq!(archive.read("output/logo.txt"), "logo");
    assert!(archive.exists("output/style.css"));
}

#[cfg(unix)]
#[test]
fn a_static_link_to_a_file_of_the_archive_is_copied_and_others_are_warned_of() {
    let archive = TestArchive::new();
    archive.write("content/a.md", FULL_NOTICE);
    archive.write("tai-lieu/bieu-mau.txt", "biểu mẫu");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("mat.txt"), "MẬT").unwrap();
    std::fs::create_dir_all(archive.path("static")).unwrap();
    let link = |target: &std::path::Path, name: &str| {
        std::os::unix::fs::symlink(target, archive.path(&format!("static/{name}"))).unwrap()
    };
    link(std::path::Path::new("../tai-lieu/bieu-mau.txt"), "bieu-mau.txt");
    link(&outside.path().join("mat.txt"), "mat.txt");
    link(std::path::Path::new("khong-co.txt"), "gay.txt");
    link(std::path::Path::new("../tai-lieu"), "thu-muc");
    let err = stderr(&archive.build_ok(&[]));
    assert_eq!(archive.read("output/bieu-mau.txt"), "biểu mẫu");
    assert!(
        err.contains("cảnh báo: static/mat.txt:1:1: liên kết tượng trưng trỏ ra ngoài kho văn bản"),
        "{err}"
    );
    assert!(err.contains("cảnh báo: static/gay.txt:1:1: không theo được liên kết tượng trưng"), "{err}");
    assert!(
        err.contains("cảnh báo: static/thu-muc:1:1: liên kết tượng trưng đến một thư mục không được theo; bỏ qua: đặt chính các tệp vào static/"),
        "{err}"
    );
    assert!(!archive.exists("output/mat.txt") && !archive.exists("output/gay.txt"));
    // The file the link leads to, edited, is copied again.
    archive.write("tai-lieu/bieu-mau.txt", "biểu mẫu mới");
    archive.build_ok(&[]);
    assert_eq!(archive.read("output/bieu-mau.txt"), "biểu mẫu mới");
}

#[test]
fn unknown_theme_is_an_error() {
    let archive = TestArchive::new();
    archive.write("content/a.md", FULL_NOTICE);
    archive.write("site.yaml", "title: X\ntheme: khong-co\n");
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("lỗi: site.yaml:2:1: không có giao diện `khong-co`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let archive = TestArchive::new();
    archive.write("content/a.md", FULL_NOTICE);
    archive.write(
        "content/nhap.md",
        "---\ndraft: true\ntitle: Dự thảo kế hoạch\nissuer: Ban Tổ chức\n---\nNội dung dự thảo.\n",
    );
    let output = archive.build_ok(&[]);
    assert!(stderr(&output).contains("bỏ qua 1 dự thảo"), "{}", stderr(&output));
    assert!(!archive.exists("output/van-ban/ban-nhap/nhap/index.html"));
    archive.build_ok(&["--drafts"]);
    let page = archive.page("output/van-ban/ban-nhap/nhap/index.html");
    assert_eq!(text(&page, ".subject"), "Dự thảo kế hoạch");
    assert!(text(&page, ".banner-draft").contains("Bản nháp"));
}

#[test]
fn a_drafts_errors_do_not_stop_the_notices_published() {
    let archive = TestArchive::new();
    archive.write("content/a.md", FULL_NOTICE);
    // Half written at the end of a day: a date that is not one, and no issuer yet.
    archive.write(
        "content/nhap.md",
        "---\ndraft: true\ntitle: Dự thảo kế hoạch\ndate: 31/02/2024\n---\nĐang viết.\n",
    );
    let output = archive.build_ok(&[]);
    let err = stderr(&output);
    assert!(err.contains("bỏ qua 1 dự thảo"), "{err}");
    assert!(!err.contains("content/nhap.md"), "a draft left out is not checked: {err}");
    assert!(archive.run(&["check"]).status.success());
    // Asked for, its errors are errors.
    for command in [&["build", "--drafts"][..], &["check", "--drafts"]] {
        let failed = archive.run(command);
        assert_eq!(failed.status.code(), Some(1), "{command:?}");
        assert!(
            stdout(&failed).contains("content/nhap.md:") || stderr(&failed).contains("content/nhap.md:"),
            "{command:?}"
        );
    }
    // A file whose front-matter cannot be read at all cannot say it is a draft: an error.
    archive.write("content/hong.md", "---\ndraft: true\ntitle: [\n---\nx\n");
    let failed = archive.run(&["build"]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(stderr(&failed).contains("content/hong.md:"), "{}", stderr(&failed));
}

#[test]
fn bundle_attachments_are_copied_and_listed() {
    let archive = TestArchive::new();
    archive.write(
        "content/2024/bao-cao/index.md",
        &simple(
            "12-BC/TU",
            "2024-04-02",
            "Báo cáo quý I",
            "Nội dung, xem [phụ lục](<Phụ lục 2 (bản #1) 50%?.txt>) và [trang](https://x.vn/a#b).",
        ),
    );
    archive.write("content/2024/bao-cao/phu-luc.csv", "chi_tieu,gia_tri\na,1\n");
    archive.write("content/2024/bao-cao/anh/so-do.txt", "sơ đồ");
    archive.write("content/2024/bao-cao/bang.txt", &"x".repeat(2867));
    // Characters a URL reads otherwise are encoded in the link, not in the file's name.
    archive.write("content/2024/bao-cao/Phụ lục 2 (bản #1) 50%?.txt", "bản một");
    archive.build_ok(&[]);
    let dir = "output/van-ban/2024/bao-cao-12-bc-tu/";
    assert_eq!(archive.read(&format!("{dir}phu-luc.csv")), "chi_tieu,gia_tri\na,1\n");
    assert_eq!(archive.read(&format!("{dir}anh/so-do.txt")), "sơ đồ");
    assert_eq!(archive.read(&format!("{dir}Phụ lục 2 (bản #1) 50%?.txt")), "bản một");
    let page = archive.page(&format!("{dir}index.html"));
    assert_eq!(
        texts(&page, ".attachments a"),
        vec!["Phụ lục 2 (bản #1) 50%?.txt", "anh/so-do.txt", "bang.txt", "phu-luc.csv"]
    );
    // A body link giving an attachment's name as it is reaches it: its `#` and `%` are not
    // read as a URL's; another link is left as written.
    let body_links = attrs(&page, ".notice-body a", "href");
    assert_eq!(
        body_links,
        vec!["Ph%E1%BB%A5%20l%E1%BB%A5c%202%20(b%E1%BA%A3n%20%231)%2050%25%3F.txt", "https://x.vn/a#b"]
    );
    // Sizes as the archive's language writes numbers.
    assert_eq!(texts(&page, ".attachments .size")[2], "(2,8 KB)");
    assert_eq!(
        attrs(&page, ".attachments a", "href"),
        vec![
            "../../../van-ban/2024/bao-cao-12-bc-tu/Phụ lục 2 (bản %231) 50%25%3F.txt",
            "../../../van-ban/2024/bao-cao-12-bc-tu/anh/so-do.txt",
            "../../../van-ban/2024/bao-cao-12-bc-tu/bang.txt",
            "../../../van-ban/2024/bao-cao-12-bc-tu/phu-luc.csv"
        ]
    );
}

#[test]
fn a_content_folder_kept_elsewhere_and_linked_is_read_without_a_word() {
    let elsewhere = TestArchive::new();
    elsewhere.write("2024/a.md", &simple("1-TB/VPTU", "2024-03-01", "Một", "x"));
    let archive = TestArchive::new();
    std::os::unix::fs::symlink(elsewhere.root(), archive.path("content")).unwrap();
    let said = stderr(&archive.build_ok(&[]));
    assert!(!said.contains("liên kết tượng trưng"), "{said}");
    assert!(archive.exists("output/van-ban/2024/thong-bao-1-tb-vptu/index.html"));
}

#[test]
fn a_folder_of_the_archive_made_a_file_is_said() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &simple("1-TB/VPTU", "2024-03-01", "Một", "x"));
    archive.write("static", "một tệp");
    archive.write("templates", "một tệp khác");
    let said = stderr(&archive.build_ok(&[]));
    for folder in ["static", "templates"] {
        let expected = format!("cảnh báo: {folder}:1:1: `{folder}` là một tệp, không phải thư mục: bỏ qua");
        assert!(said.contains(&expected), "{said}");
    }
    assert!(!said.contains("`themes`"), "{said}");
}

#[test]
fn output_folder_that_holds_the_archive_is_refused() {
    let archive = TestArchive::new();
    archive.write("content/a.md", FULL_NOTICE);
    for out in [".", "content", ".."] {
        let output = archive.run(&["build", "--out", out]);
        assert_eq!(output.status.code(), Some(1), "--out {out}");
        assert!(stderr(&output).contains("không ghi kết quả vào"), "{}", stderr(&output));
    }
    assert!(archive.exists("content/a.md"));
    archive.build_ok(&["--out", "public"]);
    assert!(archive.exists("public/index.html"));
}

#[test]
fn near_miss_keys_warn_on_drafts_and_english_labels_follow_language() {
    let archive = TestArchive::new();
    archive.write("site.yaml", "language: en\ntitle: Notices\n");
    archive.write(
        "content/a.md",
        "---\nnumber: 3-KH/TU\ntitle: Kế hoạch\nissuer: Tỉnh ủy\ndate: 2024-03-08\nsigne: Nguyễn Văn An\ndraft: true\n---\nNội dung.\n",
    );
    let output = archive.build_ok(&["--drafts"]);
    assert!(
        stderr(&output).contains("warning: content/a.md:6:1: unknown key `signe`; did you mean `signer`?"),
        "{}",
        stderr(&output)
    );
    let page = archive.page("output/van-ban/2024/ke-hoach-3-kh-tu/index.html");
    assert_eq!(text(&page, ".date-line"), "8 March 2024");
    assert!(text(&page, ".details h2").contains("About this notice"));
    assert_eq!(attrs(&page, "html", "lang"), vec!["en"]);
}

#[test]
fn empty_body_is_a_warning_and_the_summary_counts() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &simple("2-TB/VPTU", "2024-03-01", "Trống", ""));
    let output = archive.build_ok(&[]);
    let err = stderr(&output);
    assert!(err.contains("cảnh báo: content/a.md:") && err.contains("văn bản không có nội dung"), "{err}");
    assert!(err.contains("đã dựng 1 văn bản, 12 trang"), "{err}");
    assert!(err.contains("0 lỗi, 2 cảnh báo"), "{err}");
}

#[test]
fn links_are_relative_and_work_from_any_folder() {
    let archive = TestArchive::new();
    archive.write("content/a.md", FULL_NOTICE);
    archive.build_ok(&[]);
    let home = archive.page("output/index.html");
    let href = attrs(&home, ".newest a", "href");
    assert_eq!(href, vec!["van-ban/2024/thong-bao-45-tb-vptu/index.html"]);
    let page = archive.page("output/van-ban/2024/thong-bao-45-tb-vptu/index.html");
    assert_eq!(attrs(&page, "link[rel=stylesheet]", "href"), vec!["../../../style.css"]);
    archive.build_ok(&["--base-url", "https://congbao.example.vn/luu-tru"]);
    let home = archive.page("output/index.html");
    assert_eq!(
        attrs(&home, ".newest a", "href"),
        vec!["https://congbao.example.vn/luu-tru/van-ban/2024/thong-bao-45-tb-vptu/"]
    );
}
