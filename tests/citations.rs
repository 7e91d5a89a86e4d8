//! Citations and relations across an archive: resolution, links both ways, check.

mod common;

use std::path::{Component, Path, PathBuf};

use common::*;

fn party(number: &str, doc_type: Option<&str>, date: &str, title: &str, extra: &str, body: &str) -> String {
    let type_line = doc_type.map(|t| format!("type: {t}\n")).unwrap_or_default();
    notice(
        &format!(
            "number: {number}\n{type_line}title: {title}\nissuer: Tỉnh ủy Sơn Hà\ndate: {date}\n{extra}"
        ),
        body,
    )
}

/// Resolves `href` against the folder of `page` (both relative to the output root).
fn follow(page: &str, href: &str) -> PathBuf {
    let mut path: PathBuf = Path::new(page).parent().unwrap().to_path_buf();
    for component in Path::new(href).components() {
        match component {
            Component::ParentDir => {
                path.pop();
            }
            Component::Normal(part) => path.push(part),
            _ => {}
        }
    }
    path
}

fn archive_with_citations() -> TestArchive {
    let archive = TestArchive::new();
    archive.write("site.yaml", "issuers:\n  TW: Ban Chấp hành Trung ương\n");
    archive.write(
        "content/kh-2023.md",
        &party("01-KH/TU", None, "2023-02-10", "Kế hoạch năm 2023", "", "Nội dung."),
    );
    archive.write(
        "content/kh-2024.md",
        &party("01-KH/TU", None, "2024-02-12", "Kế hoạch năm 2024", "", "Nội dung."),
    );
    archive.write(
        "content/qd.md",
        &party("06-QĐ/TU", None, "2024-03-01", "Quyết định thành lập tổ", "", "Nội dung."),
    );
    archive.write(
        "content/quy-dinh.md",
        &party("06-QĐ/TU", Some("Quy định"), "2024-03-05", "Quy định làm việc", "", "Nội dung."),
    );
    archive.write(
        "content/tb.md",
        &party(
            "12-TB/TU",
            None,
            "2024-05-20",
            "Thông báo kết luận",
            "replaces: [01-KH/TU@2023]\n",
            "Thực hiện Kế hoạch số 01-KH/TU, ngày 10/02/2023 và Kế hoạch 01-KH/TU.\n\n\
             Theo Quyết định số 06-QĐ/TU và Quy định số 06-QĐ/TU; riêng 06-QĐ/TU chưa rõ.\n\n\
             Văn bản này là Thông báo số 12-TB/TU. Căn cứ Chỉ thị số 05-CT/TW của Bộ Chính trị.\n\n\
             Không phải trích dẫn: `01-KH/TU` và [liên kết](https://example.vn/01-KH/TU) hay [01-KH/TU](https://example.vn).\n",
        ),
    );
    archive
}

#[test]
fn citations_resolve_by_year_type_and_date() {
    let archive = archive_with_citations();
    let output = archive.build_ok(&[]);
    let page_path = "van-ban/2024/thong-bao-12-tb-tu/index.html";
    let page = archive.page(&format!("output/{page_path}"));
    let links: Vec<(String, String)> = texts(&page, ".notice-body a.cite")
        .into_iter()
        .zip(attrs(&page, ".notice-body a.cite", "href"))
        .collect();
    let expected = [
        ("01-KH/TU", "van-ban/2023/ke-hoach-1-kh-tu/index.html"),
        ("01-KH/TU", "van-ban/2024/ke-hoach-1-kh-tu/index.html"),
        ("06-QĐ/TU", "van-ban/2024/quyet-dinh-6-qd-tu/index.html"),
        ("06-QĐ/TU", "van-ban/2024/quy-dinh-6-qd-tu/index.html"),
    ];
    assert_eq!(links.len(), expected.len(), "{links:?}");
    for ((text, href), (want_text, want_target)) in links.iter().zip(expected) {
        assert_eq!(text, want_text);
        let target = follow(page_path, href);
        assert_eq!(target, Path::new(want_target));
        assert!(archive.path("output").join(&target).is_file(), "{href} leads nowhere");
    }
    assert_eq!(attrs(&page, ".notice-body a.cite", "title")[0], "Kế hoạch năm 2023");
    assert_eq!(texts(&page, ".notice-body .cite-ambiguous"), vec!["06-QĐ/TU"]);
    assert_eq!(texts(&page, ".notice-body .cite-unresolved"), vec!["05-CT/TW"]);
    assert_eq!(texts(&page, ".notice-body .cite-self"), vec!["12-TB/TU"]);
    assert_eq!(texts(&page, ".notice-body code"), vec!["01-KH/TU"]);
    assert_eq!(
        attrs(&page, ".notice-body a:not(.cite)", "href"),
        vec!["https://example.vn/01-KH/TU", "https://example.vn"]
    );
    let outside = texts(&page, ".outside li");
    assert!(
        outside.iter().any(|o| o.contains("05-CT/TW") && o.contains("Ban Chấp hành Trung ương")),
        "{outside:?}"
    );
    // The ambiguous one under its own heading, not among the numbers the archive lacks.
    assert!(!outside.iter().any(|o| o.contains("06-QĐ/TU")), "{outside:?}");
    assert_eq!(text(&page, ".ambiguous h2"), "Văn bản dẫn chiếu chưa xác định được");
    assert!(text(&page, ".ambiguous li").contains("06-QĐ/TU"), "{}", text(&page, ".ambiguous li"));
    let err = stderr(&output);
    assert!(
        err.contains(
            "trích dẫn: 4 đã liên kết, 0 chưa có trong kho, 1 chưa xác định, 1 trích dẫn văn bản ngoài kho"
        ),
        "{err}"
    );
    // A central document (…/TW) is outside what the archive publishes: counted, not warned.
    assert!(!err.contains("05-CT/TW"), "{err}");
    assert!(
        err.contains("cảnh báo: content/tb.md:11:60: văn bản được dẫn 06-QĐ/TU chưa rõ là văn bản nào"),
        "{err}"
    );
}

#[test]
fn backlinks_and_reverse_relations_appear_on_the_other_page() {
    let archive = archive_with_citations();
    archive.build_ok(&[]);
    let old = archive.page("output/van-ban/2023/ke-hoach-1-kh-tu/index.html");
    assert_eq!(texts(&old, ".cited-by li a"), vec!["12-TB/TU"]);
    assert!(text(&old, ".relations").contains("Bị thay thế bởi"), "{}", text(&old, ".relations"));
    assert!(text(&old, ".banner-ended").contains("20/5/2024"), "{}", text(&old, ".banner-ended"));
    assert_eq!(text(&old, ".details .status"), "Hết hiệu lực");
    let new = archive.page("output/van-ban/2024/thong-bao-12-tb-tu/index.html");
    assert_eq!(texts(&new, ".cites li a"), vec!["01-KH/TU", "01-KH/TU", "06-QĐ/TU", "06-QĐ/TU"]);
    assert!(text(&new, ".relations").contains("Thay thế"));
    // Relations, the banner of a replaced notice and its history leave no blank line either.
    assert_eq!(pages_with_blank_lines(&archive.path("output")), vec![]);

    let json = archive.read("output/api/notices.json");
    let api: serde_json::Value = serde_json::from_str(&json).unwrap();
    // One notice a line, each line an object of its own (with the comma between them).
    let lines: Vec<&str> = json.lines().collect();
    assert_eq!(lines.len(), api.as_array().unwrap().len() + 2, "{json}");
    assert_eq!((lines[0], lines[lines.len() - 1]), ("[", "]"));
    for (line, notice) in lines[1..lines.len() - 1].iter().zip(api.as_array().unwrap()) {
        let object: serde_json::Value = serde_json::from_str(line.trim_end_matches(',')).unwrap();
        assert_eq!(&object, notice);
    }
    let tb = api.as_array().unwrap().iter().find(|n| n["key"] == "12-TB/TU").unwrap();
    let states: Vec<(&str, &str)> = tb["cites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["key"].as_str().unwrap(), c["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        vec![
            ("1-KH/TU", "resolved"),
            ("1-KH/TU", "resolved"),
            ("6-QĐ/TU", "resolved"),
            ("6-QĐ/TU", "resolved"),
            ("6-QĐ/TU", "ambiguous"),
            ("5-CT/TW", "unresolved"),
        ]
    );
    assert_eq!(tb["relations"]["replaces"][0]["url"], "van-ban/2023/ke-hoach-1-kh-tu/");
    let kh = api.as_array().unwrap().iter().find(|n| n["url"] == "van-ban/2023/ke-hoach-1-kh-tu/").unwrap();
    assert_eq!(kh["status"], "expired");
    assert_eq!(kh["cited_by"][0], "van-ban/2024/thong-bao-12-tb-tu/");
    assert_eq!(kh["relations"]["replaced_by"][0]["key"], "12-TB/TU");
}

#[test]
fn a_year_written_after_the_number_chooses_the_notice_of_that_year_when_there_is_one() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &party("03-NQ/TU", None, "2023-01-05", "Nghị quyết năm trước", "", "x"));
    archive.write("content/b.md", &party("03-NQ/TU", None, "2024-01-05", "Nghị quyết năm nay", "", "x"));
    archive.write("content/d.md", &party("05-CT/TU", None, "2021-03-01", "Chỉ thị", "", "x"));
    archive.write("content/e.md", &party("05-CT/TU", None, "2024-09-01", "Chỉ thị sau", "", "x"));
    archive.write(
        "content/c.md",
        &party(
            "20-TB/TU",
            None,
            "2024-06-01",
            "Thông báo",
            "",
            "Theo Nghị quyết số 03-NQ/TU năm 2023 và Nghị quyết số 03-NQ/TU. Kết quả thực hiện \
             Chỉ thị số 05-CT/TU năm 2023 và Chỉ thị số 05-CT/TU năm 2024 tiếp tục.",
        ),
    );
    let err = stderr(&archive.build_ok(&[]));
    let c = archive.page("output/van-ban/2024/thong-bao-20-tb-tu/index.html");
    // The year chooses where the archive has the number in that year, issued by then; else it
    // is the year of the work reported on, and the notice is the latest issued before.
    assert_eq!(
        attrs(&c, "a.cite", "href"),
        vec![
            "../../2023/nghi-quyet-3-nq-tu/index.html",
            "../nghi-quyet-3-nq-tu/index.html",
            "../../2021/chi-thi-5-ct-tu/index.html",
            "../../2021/chi-thi-5-ct-tu/index.html",
        ]
    );
    assert!(!err.contains("không có trong kho") && !err.contains("sau văn bản này"), "{err}");
}

#[test]
fn citation_resolves_to_the_latest_earlier_notice_only() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &party("03-NQ/TU", None, "2021-01-05", "Nghị quyết cũ", "", "x"));
    archive.write("content/b.md", &party("03-NQ/TU", None, "2025-01-05", "Nghị quyết mới", "", "x"));
    archive.write(
        "content/c.md",
        &party("20-TB/TU", None, "2023-06-01", "Thông báo", "", "Theo Nghị quyết số 03-NQ/TU."),
    );
    archive.write(
        "content/d.md",
        &party("21-TB/TU", None, "2020-06-01", "Thông báo sớm", "", "Theo Nghị quyết số 03-NQ/TU."),
    );
    archive.build_ok(&[]);
    let c = archive.page("output/van-ban/2023/thong-bao-20-tb-tu/index.html");
    assert_eq!(attrs(&c, "a.cite", "href"), vec!["../../2021/nghi-quyet-3-nq-tu/index.html"]);
    let d = archive.page("output/van-ban/2020/thong-bao-21-tb-tu/index.html");
    assert!(attrs(&d, "a.cite", "href").is_empty());
    assert_eq!(texts(&d, ".cite-unresolved"), vec!["03-NQ/TU"]);
    // The warning says which notice of that number the archive has, issued after.
    let said = stdout(&archive.run(&["check"]));
    // The earliest of that number issued after it is named, not "not in the archive".
    let warning = said.lines().find(|l| l.starts_with("cảnh báo: content/d.md:") && l.contains("03-NQ/TU"));
    let warning = warning.unwrap_or_default();
    assert!(
        warning.ends_with(
            ": văn bản được dẫn 03-NQ/TU trong kho ban hành ngày 2021-01-05 (content/a.md), sau văn bản này: \
             không liên kết"
        ),
        "{said}"
    );
    assert!(
        said.contains("gợi ý: số không kèm năm được hiểu là văn bản cùng số ban hành trước văn bản dẫn"),
        "{said}"
    );
    assert_eq!(said.matches("sau văn bản này: không liên kết").count(), 1, "{said}");
    assert!(!said.contains("03-NQ/TU không có trong kho"), "{said}");
}

#[test]
fn a_regulation_cites_the_decision_of_its_number_and_each_its_own_number_is_itself() {
    let archive = TestArchive::new();
    let state = |doc_type: &str, date: &str, title: &str, body: &str| {
        notice(
            &format!(
                "number: 60/QĐ-UBND\ntype: {doc_type}\ntitle: {title}\nissuer: Ủy ban nhân dân tỉnh\n\
                 date: {date}\nsigner: Trần Văn Hòa"
            ),
            body,
        )
    };
    archive.write(
        "content/qd.md",
        &state("Quyết định", "2024-07-01", "Ban hành Quy định", "Quyết định số 60/QĐ-UBND có hiệu lực."),
    );
    archive.write(
        "content/quy-dinh.md",
        &state(
            "Quy định",
            "2024-07-01",
            "Về quản lý",
            "Theo Quyết định 60/QĐ-UBND. Quy định 60/QĐ-UBND này.",
        ),
    );
    let built = stderr(&archive.build_ok(&[]));
    let rule = archive.page("output/van-ban/2024/quy-dinh-60-qd-ubnd/index.html");
    assert_eq!(attrs(&rule, "a.cite", "href"), vec!["../quyet-dinh-60-qd-ubnd/index.html"]);
    assert_eq!(texts(&rule, ".cite-self"), vec!["60/QĐ-UBND"]);
    let decision = archive.page("output/van-ban/2024/quyet-dinh-60-qd-ubnd/index.html");
    assert!(attrs(&decision, "a.cite", "href").is_empty());
    assert_eq!(texts(&decision, ".cite-self"), vec!["60/QĐ-UBND"]);
    assert!(built.contains("1 đã liên kết") && built.contains("0 chưa có trong kho"), "{built}");
}

#[test]
fn relation_errors_and_warnings() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &party("01-KH/TU", None, "2024-01-05", "Cũ", "", "x"));
    archive.write("content/b.md", &party("02-KH/TU", None, "2024-03-05", "Mới", "", "x"));
    archive.write(
        "content/self.md",
        &party("03-KH/TU", None, "2024-04-05", "Tự thay", "replaces:\n  - 03-KH/TU\n", "x"),
    );
    archive.write(
        "content/later.md",
        &party("04-KH/TU", None, "2024-02-05", "Thay văn bản sau", "repeals: [02-KH/TU]\n", "x"),
    );
    archive.write(
        "content/unknown.md",
        &party("05-KH/TU", None, "2024-02-07", "Căn cứ lạ", "based_on: [99-NQ/TU, 98-NQ/TW]\n", "x"),
    );
    let output = archive.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("lỗi: content/self.md:7:5: văn bản không thể thay thế chính nó"), "{err}");
    assert!(
        err.contains("lỗi: content/later.md:6:11: `repeals` 02-KH/TU: văn bản đó ban hành sau văn bản này"),
        "{err}"
    );
    assert!(
        err.contains("cảnh báo: content/unknown.md:6:12: `based_on` 99-NQ/TU: kho không có văn bản này"),
        "{err}"
    );
    assert!(!err.contains("98-NQ/TW"), "a central document is not warned: {err}");
}

#[test]
fn check_reports_without_writing() {
    let archive = archive_with_citations();
    let output = archive.run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(!out.contains("05-CT/TW"), "{out}");
    assert!(out.contains("đã kiểm tra 5 văn bản"), "{out}");
    let outside = stdout(&archive.run(&["check", "--outside"]));
    assert!(
        outside.contains("Trích dẫn văn bản ngoài kho (1):\n  content/tb.md:13:57: 05-CT/TW"),
        "{outside}"
    );
    assert!(!archive.exists("output"));
    // A root that is not there is a report too, of that one error, for a tool that reads it.
    let missing = archive.path("khong-co");
    let json = archive.run(&["check", "--root", missing.to_str().unwrap(), "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!((report["errors"].clone(), report["notices"].clone()), (1.into(), 0.into()), "{report}");
    assert_eq!(report["diagnostics"][0]["id"], "root-missing", "{report}");
    assert!(stderr(&json).contains("không có thư mục kho văn bản"), "{}", stderr(&json));

    let json = archive.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["citations"]["ambiguous"], 1);
    assert_eq!(report["errors"], 0);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics
            .iter()
            .any(|d| d["path"] == "content/tb.md" && d["id"] == "cited-ambiguous" && d["line"] == 11),
        "{diagnostics:?}"
    );

    archive
        .write("content/bad.md", &party("30-TB/TU", None, "2024-06-01", "Sai", "", "[x](notice:404-NQ/TU)"));
    let failed = archive.run(&["check"]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        stdout(&failed).contains("lỗi: content/bad.md:8:1: liên kết đến 404-NQ/TU: kho không có văn bản này")
    );
    // A check writes nothing: its summary says what it checked, not that output was kept.
    let said = stdout(&failed);
    assert!(said.contains("\nđã kiểm tra ") && !said.contains("giữ nguyên"), "{said}");
}
