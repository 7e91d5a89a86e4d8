//! Indexes, home page, feeds, sitemap: every notice findable from the home page.

mod common;

use std::collections::BTreeSet;

use common::*;

fn notice_with(number: &str, date: &str, issuer: &str, signer: &str, tags: &str, title: &str) -> String {
    notice(
        &format!(
            "number: {number}\ntitle: {title}\nissuer: {issuer}\ndate: {date}\nsigner: {signer}\ntags: [{tags}]"
        ),
        &format!("{title}. Nội dung chính."),
    )
}

fn indexed_archive() -> TestArchive {
    let archive = TestArchive::new();
    archive.write("site.yaml", "title: Kho thử\npage_size: 2\n");
    let rows = [
        ("01-TB/VPTU", "2023-01-05", "Văn phòng Tỉnh ủy", "Lê Văn Hải", "cán bộ", "Thông báo một"),
        ("02-TB/VPTU", "2023-03-09", "Văn phòng Tỉnh ủy", "Lê Văn Hải", "cán bộ, đảng viên", "Thông báo hai"),
        ("03-TB/VPTU", "2024-02-01", "Văn phòng Tỉnh ủy", "Đỗ Thị Mai", "đảng viên", "Thông báo ba"),
        ("04-KH/TU", "2024-05-20", "Ban Thường vụ Tỉnh ủy", "Đỗ Thị Mai", "ăn ở", "Kế hoạch bốn"),
        ("05-KH/ĐUK", "2024-07-11", "Đảng ủy Khối", "Bùi Văn An", "an ninh", "Kế hoạch năm"),
        ("120/QĐ-UBND", "2025-01-15", "Ủy ban nhân dân tỉnh", "Âu Minh Tâm", "ăn ở", "Quyết định sáu"),
        ("121/QĐ-UBND", "2025-01-16", "Ủy ban nhân dân tỉnh", "Âu Minh Tâm", "an ninh", "Quyết định bảy"),
    ];
    for (number, date, issuer, signer, tags, title) in rows {
        let file = format!("content/{}.md", number.replace('/', "-"));
        archive.write(&file, &notice_with(number, date, issuer, signer, tags, title));
    }
    archive
}

/// Numbers listed on every page of a value's list, following the "next" links.
fn numbers_on_all_pages(archive: &TestArchive, first_page: &str) -> Vec<String> {
    let mut numbers = Vec::new();
    let mut page = first_page.to_string();
    let mut seen_pages = BTreeSet::new();
    loop {
        assert!(seen_pages.insert(page.clone()), "pagination loops back to {page}");
        let html = archive.page(&format!("output/{page}"));
        numbers.extend(texts(&html, ".register tbody .number"));
        let next = attrs(&html, ".pagination a[rel=next]", "href");
        let Some(next) = next.first() else { break };
        let folder = page.trim_end_matches("index.html");
        page = normalize(&format!("{folder}{next}"));
    }
    numbers
}

fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[test]
fn every_value_of_every_dimension_lists_its_notices_newest_first_without_gaps() {
    let archive = indexed_archive();
    archive.build_ok(&[]);
    let expectations: &[(&str, &str, &[&str])] = &[
        ("loai", "thong-bao", &["03-TB/VPTU", "02-TB/VPTU", "01-TB/VPTU"]),
        ("loai", "ke-hoach", &["05-KH/ĐUK", "04-KH/TU"]),
        ("loai", "quyet-dinh", &["121/QĐ-UBND", "120/QĐ-UBND"]),
        ("co-quan", "van-phong-tinh-uy", &["03-TB/VPTU", "02-TB/VPTU", "01-TB/VPTU"]),
        ("co-quan", "uy-ban-nhan-dan-tinh", &["121/QĐ-UBND", "120/QĐ-UBND"]),
        ("nam", "2024", &["05-KH/ĐUK", "04-KH/TU", "03-TB/VPTU"]),
        ("nam", "2023", &["02-TB/VPTU", "01-TB/VPTU"]),
        ("nguoi-ky", "do-thi-mai", &["04-KH/TU", "03-TB/VPTU"]),
        ("chu-de", "dang-vien", &["03-TB/VPTU", "02-TB/VPTU"]),
        ("chu-de", "an-o", &["120/QĐ-UBND", "04-KH/TU"]),
        ("chu-de", "an-ninh", &["121/QĐ-UBND", "05-KH/ĐUK"]),
    ];
    for (dimension, value, expected) in expectations {
        let numbers = numbers_on_all_pages(&archive, &format!("{dimension}/{value}/index.html"));
        assert_eq!(&numbers, expected, "{dimension}/{value}");
    }
    let two_pages = archive.page("output/loai/thong-bao/trang/2/index.html");
    assert_eq!(texts(&two_pages, ".register tbody .number"), vec!["01-TB/VPTU"]);
    let previous = attrs(&two_pages, ".pagination a[rel=prev]", "href");
    assert_eq!(normalize(&format!("loai/thong-bao/trang/2/{}", previous[0])), "loai/thong-bao/index.html");
    // Each dimension's page links every value with its count.
    for dimension in ["loai", "co-quan", "nam", "nguoi-ky", "chu-de"] {
        let page = archive.page(&format!("output/{dimension}/index.html"));
        let total: usize = texts(&page, ".values .count")
            .iter()
            .map(|c| {
                c.strip_suffix(" văn bản")
                    .and_then(|n| n.parse::<usize>().ok())
                    .unwrap_or_else(|| panic!("{c}"))
            })
            .sum();
        let expected = if dimension == "chu-de" { 8 } else { 7 };
        assert_eq!(total, expected, "{dimension}");
        for href in attrs(&page, ".values a", "href") {
            let target = normalize(&format!("{dimension}/{href}"));
            assert!(archive.exists(&format!("output/{target}")), "{dimension}: {href} leads nowhere");
        }
    }
}

#[test]
fn names_follow_vietnamese_alphabetical_order() {
    let archive = indexed_archive();
    archive.build_ok(&[]);
    let issuers = texts(&archive.page("output/co-quan/index.html"), ".values a");
    assert_eq!(
        issuers,
        vec!["Ban Thường vụ Tỉnh ủy", "Đảng ủy Khối", "Ủy ban nhân dân tỉnh", "Văn phòng Tỉnh ủy"]
    );
    let signers = texts(&archive.page("output/nguoi-ky/index.html"), ".values a");
    assert_eq!(signers, vec!["Bùi Văn An", "Lê Văn Hải", "Đỗ Thị Mai", "Âu Minh Tâm"]);
    let tags = texts(&archive.page("output/chu-de/index.html"), ".values a");
    assert_eq!(tags, vec!["an ninh", "ăn ở", "cán bộ", "đảng viên"]);
    let years = texts(&archive.page("output/nam/index.html"), ".values a");
    assert_eq!(years, vec!["2025", "2024", "2023"]);
}

#[test]
fn names_pasted_with_other_spaces_are_one_value_and_a_name_added_later_takes_no_address() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &notice_with("01-TB/VPTU", "2023-01-05", "Văn phòng Tỉnh ủy", "Lê Văn Hải", "ấn ô", "Một"),
    );
    archive.build_ok(&[]);
    let first = archive.read("output/chu-de/an-o/index.html");
    // Pasted from Word later: a non-breaking space, two spaces, a zero-width joiner; and a tag
    // that transliterates like the first one.
    archive.write(
        "content/b.md",
        &notice_with(
            "02-TB/VPTU",
            "2024-01-05",
            "Văn phòng\u{A0}Tỉnh ủy",
            "Lê  Văn Hải\u{200D}",
            "ăn ở",
            "Hai",
        ),
    );
    archive.build_ok(&[]);
    let values = |index: &str| texts(&archive.page(&format!("output/{index}/index.html")), ".values a");
    assert_eq!(values("co-quan"), ["Văn phòng Tỉnh ủy"]);
    assert_eq!(values("nguoi-ky"), ["Lê Văn Hải"]);
    let signer = archive.page("output/nguoi-ky/le-van-hai/index.html");
    assert_eq!(texts(&signer, ".register tbody .number"), ["02-TB/VPTU", "01-TB/VPTU"]);
    // The tag used first keeps its address and its page, though the new one sorts before it.
    assert_eq!(values("chu-de"), ["ăn ở", "ấn ô"]);
    assert_eq!(archive.read("output/chu-de/an-o/index.html"), first);
    let later = archive.page("output/chu-de/an-o-2/index.html");
    assert_eq!(texts(&later, ".register tbody .number"), ["02-TB/VPTU"]);
}

#[test]
fn names_written_in_other_cases_are_one_value_shown_as_most_write_it() {
    let archive = TestArchive::new();
    let rows = [
        ("01-TB/VPTU", "2023-01-05", "Văn phòng Tỉnh ủy", "Lê Văn Hải", "Chuyển đổi số"),
        ("02-TB/VPTU", "2023-03-09", "Văn phòng tỉnh ủy", "lê văn hải", "chuyển đổi số"),
        ("03-TB/VPTU", "2024-02-01", "Văn phòng Tỉnh ủy", "Lê Văn Hải", "chuyển đổi số"),
        // A near miss: other letters, not other capitals, are another person.
        ("04-TB/VPTU", "2024-03-01", "Văn phòng Tỉnh ủy", "Lê Văn Hài", "chuyển đổi số"),
    ];
    for (number, date, issuer, signer, tag) in rows {
        let file = format!("content/{}.md", number.replace('/', "-"));
        archive.write(&file, &notice_with(number, date, issuer, signer, tag, "Thông báo"));
    }
    let err = stderr(&archive.build_ok(&[]));
    let values = |index: &str| texts(&archive.page(&format!("output/{index}/index.html")), ".values a");
    assert_eq!(values("nguoi-ky"), ["Lê Văn Hài", "Lê Văn Hải"]);
    assert_eq!(values("chu-de"), ["chuyển đổi số"]);
    assert_eq!(values("co-quan"), ["Văn phòng Tỉnh ủy"]);
    let signer = archive.page("output/nguoi-ky/le-van-hai/index.html");
    assert_eq!(texts(&signer, "h1"), ["Lê Văn Hải"]);
    assert_eq!(texts(&signer, ".register tbody .number"), ["03-TB/VPTU", "02-TB/VPTU", "01-TB/VPTU"]);
    // The notice written in small letters links the one page of its signer.
    let second = archive.page("output/van-ban/2023/thong-bao-2-tb-vptu/index.html");
    assert!(attrs(&second, "a", "href").iter().any(|h| h.ends_with("nguoi-ky/le-van-hai/index.html")));
    // A signer's name is a record: the other spelling is told, once, where it stands.
    assert!(
        err.contains(
            "cảnh báo: content/02-TB-VPTU.md:6:1: người ký ở đây viết là `lê văn hải`, còn ở content/01-TB-VPTU.md viết là `Lê Văn Hải`"
        ),
        "{err}"
    );
    assert_eq!(err.matches("người ký ở đây viết là").count(), 1, "{err}");
    // One series too: the notice between the others links both.
    assert_eq!(attrs(&second, "a[rel=prev]", "href"), ["../thong-bao-1-tb-vptu/index.html"]);
    assert_eq!(attrs(&second, "a[rel=next]", "href"), ["../../2024/thong-bao-3-tb-vptu/index.html"]);
    // One name in other capitals for two codes mixes two issuers in one index: told.
    archive.write(
        "content/05.md",
        &notice_with("06-TB/VP", "2024-04-01", "VĂN PHÒNG TỈNH ỦY", "Lê Văn Hải", "x", "Khác"),
    );
    let err = stderr(&archive.build_ok(&[]));
    assert!(err.contains("cảnh báo: content/05.md:4:1: cơ quan `VĂN PHÒNG TỈNH ỦY` ở đây có mã VP"), "{err}");
}

#[test]
fn quotes_and_stops_pasted_around_a_name_are_left_out_with_a_warning() {
    let archive = TestArchive::new();
    let rows = [
        ("01-TB/VPTU", "2023-01-05", "Lê Văn Hải", "chuyển đổi số"),
        ("02-TB/VPTU", "2023-03-09", "“Lê Văn Hải”", "“chuyển đổi số”"),
        ("03-TB/VPTU", "2024-02-01", "Lê Văn Hải.", "chuyển đổi số."),
        // A near miss: a quote inside a name stays.
        ("04-TB/VPTU", "2024-03-01", "Lê Văn Hải", "“số hóa” hồ sơ"),
        ("05-TB/VPTU", "2024-03-02", "Lê Văn Hải", "“Ba công khai” và “Bốn không”"),
        // An abbreviation keeps its stop.
        ("06-TB/VPTU", "2024-03-03", "Lê Văn Hải", "Tp."),
    ];
    for (number, date, signer, tag) in rows {
        let file = format!("content/{}.md", number.replace('/', "-"));
        archive.write(&file, &notice_with(number, date, "Văn phòng Tỉnh ủy", signer, tag, "Thông báo"));
    }
    let err = stderr(&archive.build_ok(&[]));
    let values = |index: &str| texts(&archive.page(&format!("output/{index}/index.html")), ".values a");
    assert_eq!(values("nguoi-ky"), ["Lê Văn Hải"]);
    assert_eq!(values("chu-de"), ["“Ba công khai” và “Bốn không”", "“số hóa” hồ sơ", "chuyển đổi số", "Tp."]);
    assert!(
        err.contains(
            "cảnh báo: content/02-TB-VPTU.md:6:1: `signer` viết là `“Lê Văn Hải”`: bỏ dấu ngoặc kép"
        ),
        "{err}"
    );
    assert!(err.contains("content/03-TB-VPTU.md:7:1: `tags` viết là `chuyển đổi số.`"), "{err}");
    assert_eq!(err.matches("bỏ dấu ngoặc kép").count(), 4, "{err}");
}

#[test]
fn counts_are_written_as_the_archives_language_writes_numbers() {
    let archive = TestArchive::new();
    for i in 1..=1001 {
        let date = format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1);
        archive
            .write(&format!("content/tb-{i}.md"), &simple(&format!("{i}-TB/VPTU"), &date, "Thông báo", "x"));
    }
    archive.build_ok(&[]);
    let stats = text(&archive.page("output/index.html"), ".stats");
    assert!(stats.starts_with("1.001 văn bản"), "{stats}");
    let list = text(&archive.page("output/loai/thong-bao/index.html"), ".count");
    assert!(list.starts_with("1.001 văn bản"), "{list}");
    archive.write("site.yaml", "language: en\n");
    archive.build_ok(&[]);
    let stats = text(&archive.page("output/index.html"), ".stats");
    assert!(stats.starts_with("1,001 notices"), "{stats}");
}

#[test]
fn home_page_counts_and_links_every_index() {
    let archive = indexed_archive();
    let output = archive.build_ok(&[]);
    assert!(
        stderr(&output).contains("lưu ý: nguồn tin và sitemap.xml đang dùng liên kết tương đối"),
        "{}",
        stderr(&output)
    );
    let home = archive.page("output/index.html");
    assert!(text(&home, ".stats").contains("7 văn bản"), "{}", text(&home, ".stats"));
    assert!(text(&home, ".stats").contains("2023–2025"));
    assert_eq!(
        texts(&home, ".home-indexes a"),
        vec!["Loại văn bản", "Cơ quan ban hành", "Năm ban hành", "Người ký", "Chủ đề"]
    );
    // Each count says what it counts: values of the index, not notices.
    assert_eq!(
        texts(&home, ".home-indexes .count"),
        vec!["3 loại văn bản", "4 cơ quan", "3 năm", "4 người ký", "4 chủ đề"]
    );
    assert_eq!(texts(&home, ".register tbody .number")[0], "121/QĐ-UBND");
    let notice = archive.page("output/van-ban/2024/ke-hoach-4-kh-tu/index.html");
    assert_eq!(attrs(&notice, ".details .tags a", "href"), vec!["../../../chu-de/an-o/index.html"]);
    assert_eq!(texts(&notice, ".series .next a"), Vec::<String>::new());
}

#[test]
fn feeds_are_atom_with_absolute_urls_when_base_url_is_set() {
    let archive = indexed_archive();
    archive.build_ok(&["--base-url", "https://congbao.example.vn/"]);
    let xml = archive.read("output/feed.xml");
    let doc = roxmltree::Document::parse(&xml).expect("feed.xml is XML");
    let atom = "http://www.w3.org/2005/Atom";
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(atom));
    assert_eq!(root.tag_name().name(), "feed");
    let entries: Vec<_> = root.children().filter(|n| n.has_tag_name((atom, "entry"))).collect();
    assert_eq!(entries.len(), 7);
    let first_link = entries[0].children().find(|n| n.has_tag_name((atom, "link"))).unwrap();
    assert_eq!(
        first_link.attribute("href"),
        Some("https://congbao.example.vn/van-ban/2025/quyet-dinh-121-qd-ubnd/")
    );
    let first_title = entries[0].children().find(|n| n.has_tag_name((atom, "title"))).unwrap().text();
    assert_eq!(first_title, Some("121/QĐ-UBND: Quyết định bảy"));

    let entries_in = |path: &str| {
        let xml = archive.read(path);
        let doc = roxmltree::Document::parse(&xml).expect("feed is XML");
        doc.root_element().children().filter(|n| n.has_tag_name((atom, "entry"))).count()
    };
    assert_eq!(entries_in("output/loai/ke-hoach/feed.xml"), 2);
    assert_eq!(entries_in("output/co-quan/van-phong-tinh-uy/feed.xml"), 3);
    let list = archive.page("output/loai/ke-hoach/index.html");
    assert_eq!(
        attrs(&list, "link[rel=alternate][type='application/atom+xml']", "href"),
        vec!["https://congbao.example.vn/feed.xml", "https://congbao.example.vn/loai/ke-hoach/feed.xml"]
    );
    assert!(archive.read("output/robots.txt").contains("Sitemap: https://congbao.example.vn/sitemap.xml"));
}

#[test]
fn sitemap_lists_every_notice_and_index_page() {
    let archive = indexed_archive();
    archive.build_ok(&["--base-url", "https://congbao.example.vn/"]);
    let xml = archive.read("output/sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap is XML");
    let locs: BTreeSet<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .map(str::to_string)
        .collect();
    let api: serde_json::Value = serde_json::from_str(&archive.read("output/api/notices.json")).unwrap();
    for notice in api.as_array().unwrap() {
        let url = format!("https://congbao.example.vn/{}", notice["url"].as_str().unwrap());
        assert!(locs.contains(&url), "sitemap lacks {url}");
    }
    for page in [
        "",
        "loai/",
        "co-quan/",
        "nam/",
        "nguoi-ky/",
        "chu-de/",
        "loai/thong-bao/",
        "loai/thong-bao/trang/2/",
        "chu-de/an-o/",
    ] {
        let url = format!("https://congbao.example.vn/{page}");
        assert!(locs.contains(&url), "sitemap lacks {url}");
    }
    for loc in &locs {
        let path = loc.trim_start_matches("https://congbao.example.vn/");
        assert!(archive.exists(&format!("output/{path}index.html")), "sitemap names a missing page {loc}");
    }
    assert!(archive.exists("output/404.html"));
}

#[test]
fn the_not_found_page_links_from_the_site_root() {
    let archive = indexed_archive();
    archive.build_ok(&[]);
    let page = archive.page("output/404.html");
    let links = attrs(&page, "a, link[rel=stylesheet], link[rel=alternate]", "href");
    assert!(!links.is_empty());
    for link in links {
        assert!(link.starts_with('/') || link.starts_with('#'), "{link} would break under a missing path");
    }
}
