//! What the pages say, rule by rule: the type shown once, pagination windows, lists by year,
//! drafts, the history of legal effect, contents levels, link previews and the sitemap.

mod common;

use common::*;

/// A notice of the Tỉnh ủy, party form.
fn party(number: &str, date: &str, title: &str, extra: &str, body: &str) -> String {
    notice(&format!("number: {number}\ntitle: {title}\nissuer: Tỉnh ủy Sơn Hà\ndate: {date}\n{extra}"), body)
}

#[test]
fn the_type_is_shown_once_and_the_title_as_written() {
    let archive = TestArchive::new();
    archive.write(
        "content/kl.md",
        &party(
            "05-KL/TU",
            "2024-05-06",
            "Kết luận của Ban Thường vụ về công tác dân vận",
            "",
            "Nội dung kết luận.",
        ),
    );
    archive.write(
        "content/nq.md",
        &party(
            "07-NQ/TU",
            "2024-06-01",
            "Về chuyển đổi số",
            "",
            "Thực hiện Kết luận số 05-KL/TU, ngày 06/5/2024.",
        ),
    );
    archive.build_ok(&[]);

    // On its page, the type is the heading line and the rest of the title goes under it.
    let kl = archive.page("output/van-ban/2024/ket-luan-5-kl-tu/index.html");
    assert_eq!(text(&kl, ".notice-title .doc-type"), "KẾT LUẬN");
    assert_eq!(text(&kl, ".notice-title .subject"), "của Ban Thường vụ về công tác dân vận");
    assert_eq!(text(&kl, "title"), "05-KL/TU: Kết luận của Ban Thường vụ về công tác dân vận | Gazette");

    // In a list, a title that begins with its type gets no type label; another keeps its own.
    let issuer = archive.page("output/co-quan/tinh-uy-son-ha/index.html");
    let rows = texts(&issuer, ".register tbody .title");
    assert_eq!(rows, vec!["Nghị quyết Về chuyển đổi số", "Kết luận của Ban Thường vụ về công tác dân vận"]);
    assert_eq!(texts(&issuer, ".register tbody .type"), vec!["Nghị quyết"]);

    // Joined into one phrase, the title is not capitalised after the type word.
    let nq = archive.page("output/van-ban/2024/nghi-quyet-7-nq-tu/index.html");
    assert_eq!(
        attrs(&nq, "meta[property='og:title']", "content"),
        vec!["07-NQ/TU: Nghị quyết về chuyển đổi số"]
    );
    assert_eq!(
        attrs(&nq, ".notice-body a.cite", "title"),
        vec!["Kết luận của Ban Thường vụ về công tác dân vận"]
    );
    assert_eq!(texts(&nq, ".cites .type"), Vec::<String>::new(), "no type label before a title that has it");
}

fn numbered_archive(count: usize) -> TestArchive {
    let archive = TestArchive::new();
    archive.write("site.yaml", "title: Kho\npage_size: 1\n");
    for n in 1..=count {
        archive.write(
            &format!("content/tb-{n}.md"),
            &simple(
                &format!("{n}-TB/VPTU"),
                &format!("2024-01-{n:02}"),
                &format!("Thông báo số {n}"),
                "Nội dung.",
            ),
        );
    }
    archive.build_ok(&[]);
    archive
}

/// The labels of a pagination bar, in order: page numbers, `…` for gaps, `<`/`>` for
/// previous and next.
fn pagination(html: &scraper::Html) -> Vec<String> {
    let selector = scraper::Selector::parse(".pagination > *").unwrap();
    html.select(&selector)
        .map(|e| match e.value().attr("rel") {
            Some("prev") => "<".to_string(),
            Some("next") => ">".to_string(),
            _ => e.text().collect::<String>().trim().to_string(),
        })
        .collect()
}

#[test]
fn pagination_shows_the_first_a_window_and_the_last_page() {
    let archive = numbered_archive(12);
    let list = "output/loai/thong-bao";
    let first = archive.page(&format!("{list}/index.html"));
    assert_eq!(pagination(&first), vec!["1", "2", "3", "…", "12", ">"]);
    let middle = archive.page(&format!("{list}/trang/6/index.html"));
    assert_eq!(pagination(&middle), vec!["<", "1", "…", "4", "5", "6", "7", "8", "…", "12", ">"]);
    assert_eq!(texts(&middle, ".pagination [aria-current=page]"), vec!["6"]);
    let near_end = archive.page(&format!("{list}/trang/10/index.html"));
    assert_eq!(pagination(&near_end), vec!["<", "1", "…", "8", "9", "10", "11", "12", ">"]);
    let last = archive.page(&format!("{list}/trang/12/index.html"));
    assert_eq!(pagination(&last), vec!["<", "1", "…", "10", "11", "12"]);
    // Every link leads to a page that exists.
    for href in attrs(&middle, ".pagination a", "href") {
        let target = archive.path(&format!("{list}/trang/6/")).join(&href);
        assert!(target.is_file(), "{href}");
    }
    // A short list has no gap: 1 2 3 4 5 around page 3.
    let short = numbered_archive(5);
    let page = short.page("output/loai/thong-bao/trang/3/index.html");
    assert_eq!(pagination(&page), vec!["<", "1", "2", "3", "4", "5", ">"]);
}

#[test]
fn lists_by_type_and_issuer_offer_their_years() {
    let archive = TestArchive::new();
    for (file, number, date) in [
        ("a", "3-TB/VPTU", "2024-03-01"),
        ("b", "1-TB/VPTU", "2024-01-05"),
        ("c", "9-TB/VPTU", "2023-11-20"),
        ("d", "2-TB/VPTU", "2022-02-02"),
    ] {
        archive.write(
            &format!("content/{file}.md"),
            &simple(number, date, &format!("Thông báo {file}"), "Nội dung."),
        );
    }
    archive.write("content/kh.md", &simple("4-KH/VPTU", "2024-04-04", "Kế hoạch một năm", "Nội dung."));
    archive.build_ok(&[]);

    let list = archive.page("output/loai/thong-bao/index.html");
    assert_eq!(
        texts(&list, ".year-filter a, .year-filter [aria-current]"),
        vec!["Tất cả", "2024", "2023", "2022"]
    );
    assert_eq!(texts(&list, ".year-filter [aria-current=page]"), vec!["Tất cả"]);
    assert_eq!(attrs(&list, ".year-filter a", "href")[0], "../../loai/thong-bao/nam/2024/index.html");

    let year = archive.page("output/loai/thong-bao/nam/2024/index.html");
    assert_eq!(texts(&year, ".register tbody .number"), vec!["3-TB/VPTU", "1-TB/VPTU"]);
    assert_eq!(texts(&year, ".year-filter [aria-current=page]"), vec!["2024"]);
    assert!(text(&year, "h1").contains("2024"), "{}", text(&year, "h1"));
    assert!(text(&year, ".count").starts_with("2 "), "{}", text(&year, ".count"));
    assert_eq!(attrs(&year, ".breadcrumb a", "href")[1], "../../../../loai/thong-bao/index.html");
    let old = archive.page("output/loai/thong-bao/nam/2022/index.html");
    assert_eq!(texts(&old, ".register tbody .number"), vec!["2-TB/VPTU"]);

    // The issuer's list has years too; a list of one year has no filter and no year pages.
    assert!(archive.exists("output/co-quan/van-phong-tinh-uy/nam/2023/index.html"));
    let one_year = archive.page("output/loai/ke-hoach/index.html");
    assert!(texts(&one_year, ".year-filter").is_empty());
    assert!(!archive.exists("output/loai/ke-hoach/nam"));
    // Years and signers are not filtered by year.
    assert!(!archive.exists("output/nam/2024/nam"));
}

fn draft_archive(language: &str) -> TestArchive {
    let archive = TestArchive::new();
    archive.write(
        "site.yaml",
        &format!("title: Kho\nlanguage: {language}\nplace: Sơn Hà\nissuers:\n  TU: Tỉnh ủy Sơn Hà\n"),
    );
    archive
        .write("content/kh-1.md", &party("1-KH/TU", "2024-01-10", "Kế hoạch đầu năm", "", "Nội dung một."));
    archive
        .write("content/kh-3.md", &party("3-KH/TU", "2024-03-10", "Kế hoạch giữa năm", "", "Nội dung ba."));
    archive.write(
        "content/du-thao.md",
        &notice(
            "draft: true\ntype: Kế hoạch\ntitle: Kế hoạch cuối năm\nissuer: Tỉnh ủy Sơn Hà\nreplaces: [1-KH/TU]",
            "Dự thảo thực hiện Kế hoạch số 3-KH/TU, ngày 10/3/2024.",
        ),
    );
    archive.write(
        "content/du-thao-so.md",
        &party("4-KH/TU", "2024-04-10", "Kế hoạch có số", "draft: true", "Dự thảo có số và ngày."),
    );
    archive.build_ok(&["--drafts", "--base-url", "https://kho.example.vn/"]);
    archive
}

#[test]
fn a_draft_says_so_has_blanks_and_claims_no_legal_status() {
    let archive = draft_archive("vi");
    let page = archive.page("output/van-ban/ban-nhap/du-thao/index.html");
    assert_eq!(text(&page, ".draft-mark"), "DỰ THẢO");
    assert_eq!(text(&page, ".notice-header .number"), "Số -KH/TU");
    assert_eq!(text(&page, ".date-line"), "Sơn Hà, ngày …… tháng …… năm 20……");
    let html = archive.read("output/van-ban/ban-nhap/du-thao/index.html");
    assert!(!html.contains("Còn hiệu lực"), "a draft claims no status");
    assert!(texts(&page, ".history").is_empty(), "a draft has no history of legal effect");
    assert!(texts(&page, ".series").is_empty(), "a draft is in no series");

    // A numbered draft keeps its number and date, still marked.
    let numbered = archive.page("output/van-ban/2024/ke-hoach-4-kh-tu/index.html");
    assert_eq!(text(&numbered, ".notice-header .number"), "Số 4-KH/TU");
    assert_eq!(text(&numbered, ".draft-mark"), "DỰ THẢO");
    assert!(texts(&numbered, ".history").is_empty(), "a dated draft has no history either");

    // A draft replaces nothing yet: the notice it names stays in force.
    let replaced = archive.page("output/van-ban/2024/ke-hoach-1-kh-tu/index.html");
    assert_eq!(text(&replaced, ".details dd.status"), "Còn hiệu lực");
    assert!(texts(&replaced, ".relations").is_empty());
    // The published notices' series skips the drafts.
    assert_eq!(texts(&replaced, ".series .next a"), vec!["3-KH/TU"]);
    let cited = archive.page("output/van-ban/2024/ke-hoach-3-kh-tu/index.html");
    assert!(texts(&cited, ".cited-by").is_empty(), "a draft's citations are not listed");
    assert!(texts(&cited, ".series .next").is_empty());
}

#[test]
fn drafts_are_left_out_of_lists_feeds_search_and_sitemap() {
    let archive = draft_archive("vi");
    let list = archive.page("output/loai/ke-hoach/index.html");
    assert_eq!(texts(&list, ".register tbody .number"), vec!["3-KH/TU", "1-KH/TU"]);
    for file in
        ["output/feed.xml", "output/loai/ke-hoach/feed.xml", "output/sitemap.xml", "output/api/notices.json"]
    {
        let text = archive.read(file);
        assert!(!text.contains("ban-nhap") && !text.contains("ke-hoach-4-kh-tu"), "{file} lists a draft");
    }
    let docs: String = std::fs::read_dir(archive.path("output/search/docs"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(!docs.contains("cuối năm") && !docs.contains("có số"), "drafts are not searched");
    // The home page counts published notices and lists drafts apart, for the preview.
    let home = archive.page("output/index.html");
    assert!(text(&home, ".stats").starts_with("2 "), "{}", text(&home, ".stats"));
    assert_eq!(texts(&home, ".drafts .register tbody .number"), vec!["4-KH/TU", "Dự thảo"]);
    assert_eq!(texts(&home, ".newest .register tbody .number"), vec!["3-KH/TU", "1-KH/TU"]);

    let english = draft_archive("en");
    let page = english.page("output/van-ban/ban-nhap/du-thao/index.html");
    assert_eq!(text(&page, ".draft-mark"), "DRAFT");
    assert!(!english.read("output/van-ban/ban-nhap/du-thao/index.html").contains("In force"));
}

#[test]
fn the_history_of_legal_effect_lists_each_event_with_its_notice() {
    let archive = TestArchive::new();
    archive.write(
        "content/qd-1.md",
        &notice(
            "number: 10/QĐ-UBND\ntitle: Quyết định ban hành quy chế\nissuer: Ủy ban nhân dân tỉnh\ndate: 2020-02-03\neffective: 2020-02-15",
            "Nội dung quy chế.",
        ),
    );
    archive.write(
        "content/qd-2.md",
        &notice(
            "number: 20/QĐ-UBND\ntitle: sửa đổi quy chế\nissuer: Ủy ban nhân dân tỉnh\ndate: 2021-05-04\namends: [10/QĐ-UBND]",
            "Sửa đổi.",
        ),
    );
    archive.write(
        "content/qd-3.md",
        &notice(
            "number: 30/QĐ-UBND\ntitle: bãi bỏ một điều\nissuer: Ủy ban nhân dân tỉnh\ndate: 2022-06-07\nrepeals: [\"10/QĐ-UBND (Điều 3)\"]",
            "Bãi bỏ Điều 3.",
        ),
    );
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2020/quyet-dinh-10-qd-ubnd/index.html");
    assert_eq!(
        texts(&page, ".history li"),
        vec![
            "3/2/2020 Ban hành",
            "15/2/2020 Có hiệu lực",
            "4/5/2021 Được sửa đổi, bổ sung bởi Quyết định số 20/QĐ-UBND",
            "7/6/2022 Bị bãi bỏ một phần bởi Quyết định số 30/QĐ-UBND: Điều 3",
        ]
    );
    assert_eq!(
        attrs(&page, ".history a", "href"),
        vec!["../../2021/quyet-dinh-20-qd-ubnd/index.html", "../../2022/quyet-dinh-30-qd-ubnd/index.html"]
    );
    // A part repealed: partly in force, not ended.
    assert_eq!(text(&page, ".details dd.status"), "Hết hiệu lực một phần");
    assert!(texts(&page, ".banner-ended").is_empty());
    // Said a part in the lists of relations and in the API too, both ways.
    assert_eq!(texts(&page, ".relations h3"), ["Được sửa đổi, bổ sung bởi", "Bị bãi bỏ một phần bởi"]);
    let repealing = archive.page("output/van-ban/2022/quyet-dinh-30-qd-ubnd/index.html");
    assert_eq!(texts(&repealing, ".relations h3"), ["Bãi bỏ một phần"]);
    let api: serde_json::Value = serde_json::from_str(&archive.read("output/api/notices.json")).unwrap();
    let entry = |key: &str| api.as_array().unwrap().iter().find(|e| e["key"] == key).unwrap().clone();
    assert_eq!(entry("10/QĐ-UBND")["relations"]["repealed_by"][0]["part"], "Điều 3");
    assert_eq!(entry("10/QĐ-UBND")["relations"]["amended_by"][0]["part"], serde_json::Value::Null);
    assert_eq!(entry("30/QĐ-UBND")["relations"]["repeals"][0]["part"], "Điều 3");

    // Replaced whole: the last line, and no longer in force.
    archive.write(
        "content/qd-4.md",
        &notice(
            "number: 40/QĐ-UBND\ntitle: quy chế mới\nissuer: Ủy ban nhân dân tỉnh\ndate: 2023-07-08\neffective: 2023-08-01\nreplaces: [10/QĐ-UBND]",
            "Thay thế.",
        ),
    );
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2020/quyet-dinh-10-qd-ubnd/index.html");
    assert_eq!(
        texts(&page, ".history li").last().unwrap(),
        "1/8/2023 Bị thay thế bởi Quyết định số 40/QĐ-UBND"
    );
    assert_eq!(text(&page, ".details dd.status"), "Hết hiệu lực");
    assert_eq!(attrs(&page, ".history li time", "datetime")[4], "2023-08-01");
    // The committee above its province, as on paper; the banner names the number as one writes it.
    let html = archive.read("output/van-ban/2020/quyet-dinh-10-qd-ubnd/index.html");
    assert!(html.contains("<p class=\"issuer\">ỦY BAN NHÂN DÂN<br>TỈNH</p>"), "{html}");
    assert!(
        text(&page, ".banner-ended").contains("theo Quyết định số 40/QĐ-UBND"),
        "{}",
        text(&page, ".banner-ended")
    );
}

#[test]
fn a_notice_replaced_by_one_not_yet_in_force_stays_in_force_until_that_day() {
    let archive = TestArchive::new();
    let old = "output/van-ban/2024/quyet-dinh-3-qd-ubnd/index.html";
    archive.write(
        "content/old.md",
        &notice(
            "number: 3/QĐ-UBND\ntitle: quy chế cũ\nissuer: Ủy ban nhân dân tỉnh\ndate: 2024-06-01\nsigner: A",
            "x",
        ),
    );
    archive.write(
        "content/new.md",
        &notice(
            "number: 5/QĐ-UBND\ntitle: quy chế mới\nissuer: Ủy ban nhân dân tỉnh\ndate: 2024-07-01\nsigner: A\n\
             effective: 2024-09-01\nstatus: not-yet-in-force\nreplaces: [3/QĐ-UBND]",
            "Thay thế.",
        ),
    );
    let status = |archive: &TestArchive| {
        let page = archive.page(old);
        let api = archive.read("output/api/notices.json");
        let entry = api.lines().find(|l| l.contains("{\"number\":\"3/QĐ-UBND\"")).unwrap().to_string();
        (text(&page, ".details dd.status"), text(&page, ".banner-ended"), entry)
    };
    // Before the new rule takes effect, the old one is in force, and its page says when it ends.
    archive.build_on("2024-08-20", &[]);
    let (shown, banner, api) = status(&archive);
    assert_eq!(shown, "Còn hiệu lực");
    assert!(banner.starts_with("Văn bản này sẽ hết hiệu lực từ ngày 1/9/2024 theo"), "{banner}");
    assert!(api.contains("\"status\":\"in-force\""), "{api}");
    // From that day on, with nothing changed in the files, it is no longer in force.
    archive.build_on("2024-09-01", &[]);
    let (shown, banner, api) = status(&archive);
    assert_eq!(shown, "Hết hiệu lực");
    assert!(banner.starts_with("Văn bản này không còn hiệu lực từ ngày 1/9/2024 theo"), "{banner}");
    assert!(api.contains("\"status\":\"expired\""), "{api}");
    // As a clean build of that day has it.
    let incremental = archive.read(old);
    archive.build_on("2024-09-01", &["--full"]);
    assert_eq!(archive.read(old), incremental);
}

/// A decision of the province's People's Committee, with `extra` front-matter lines.
fn decision(number: &str, date: &str, extra: &str) -> String {
    notice(
        &format!(
            "number: {number}\ntitle: quyết định\nissuer: Ủy ban nhân dân tỉnh\ndate: {date}\nsigner: A\n{extra}"
        ),
        "x",
    )
}

#[test]
fn a_notice_naming_parts_of_another_twice_names_them_all_and_the_whole_wins_in_lists_too() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &decision("1/QĐ-UBND", "2024-01-02", ""));
    archive.write("content/b.md", &decision("2/QĐ-UBND", "2024-01-03", ""));
    archive.write(
        "content/c.md",
        &decision("3/QĐ-UBND", "2024-02-01", "repeals: [\"1/QĐ-UBND (Điều 1)\", \"1/QĐ-UBND (Điều 2)\"]"),
    );
    archive.write(
        "content/d.md",
        &decision("4/QĐ-UBND", "2024-02-02", "repeals: [\"2/QĐ-UBND (Điều 1)\", 2/QĐ-UBND]"),
    );
    archive.build_ok(&[]);
    let api: serde_json::Value = serde_json::from_str(&archive.read("output/api/notices.json")).unwrap();
    let entry = |key: &str| api.as_array().unwrap().iter().find(|e| e["key"] == key).unwrap().clone();
    assert_eq!(entry("1/QĐ-UBND")["relations"]["repealed_by"][0]["part"], "Điều 1, Điều 2");
    assert_eq!(entry("2/QĐ-UBND")["relations"]["repealed_by"][0]["part"], serde_json::Value::Null);
    let parts = archive.page("output/van-ban/2024/quyet-dinh-1-qd-ubnd/index.html");
    assert_eq!(texts(&parts, ".relations h3"), ["Bị bãi bỏ một phần bởi"]);
    assert!(texts(&parts, ".history li").last().unwrap().ends_with(": Điều 1, Điều 2"));
    // The lists of relations say which part, both ways, and name each notice once.
    assert_eq!(texts(&parts, ".relations li .part"), ["(Điều 1, Điều 2)"]);
    let repealing = archive.page("output/van-ban/2024/quyet-dinh-3-qd-ubnd/index.html");
    assert_eq!(texts(&repealing, ".relations h3"), ["Bãi bỏ một phần"]);
    assert_eq!(texts(&repealing, ".relations li .part"), ["(Điều 1, Điều 2)"]);
    let whole = archive.page("output/van-ban/2024/quyet-dinh-2-qd-ubnd/index.html");
    assert_eq!(texts(&whole, ".relations h3"), ["Bị bãi bỏ bởi"]);
    assert!(texts(&whole, ".relations li .part").is_empty());
    assert_eq!(text(&whole, ".details dd.status"), "Hết hiệu lực");
    let repealing_whole = archive.page("output/van-ban/2024/quyet-dinh-4-qd-ubnd/index.html");
    assert_eq!(texts(&repealing_whole, ".relations h3"), ["Bãi bỏ"]);
    assert_eq!(texts(&repealing_whole, ".relations li").len(), 1);
}

#[test]
fn a_part_named_twice_is_said_once_and_a_number_not_in_the_archive_is_listed_once_with_its_parts() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &decision("1/QĐ-UBND", "2024-01-02", ""));
    archive.write(
        "content/e.md",
        &decision(
            "5/QĐ-UBND",
            "2024-02-03",
            "repeals: [\"1/QĐ-UBND (Điều 3)\", \"1/QĐ-UBND (Điều 3)\", \"9/QĐ-UBND (Điều 1)\", \"9/qđ-ubnd (Điều 2)\"]",
        ),
    );
    archive.build_ok(&[]);
    let repealing = archive.page("output/van-ban/2024/quyet-dinh-5-qd-ubnd/index.html");
    assert_eq!(texts(&repealing, ".relations li .part"), ["(Điều 3)", "(Điều 1, Điều 2)"]);
    assert_eq!(texts(&repealing, ".relations li").len(), 2);
    let repealed = archive.page("output/van-ban/2024/quyet-dinh-1-qd-ubnd/index.html");
    assert_eq!(texts(&repealed, ".relations li .part"), ["(Điều 3)"]);
    let api: serde_json::Value = serde_json::from_str(&archive.read("output/api/notices.json")).unwrap();
    let entry = |key: &str| api.as_array().unwrap().iter().find(|e| e["key"] == key).unwrap().clone();
    assert_eq!(entry("1/QĐ-UBND")["relations"]["repealed_by"][0]["part"], "Điều 3");
    // The API lists what the page does: each notice or number once, with its parts.
    let repeals = entry("5/QĐ-UBND")["relations"]["repeals"].clone();
    let listed: Vec<(&str, &str)> = repeals
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].as_str().unwrap(), r["part"].as_str().unwrap()))
        .collect();
    assert_eq!(listed, [("1/QĐ-UBND", "Điều 3"), ("9/QĐ-UBND", "Điều 1, Điều 2")]);
}

#[test]
fn an_expiry_before_the_notice_replacing_it_stays_in_its_history() {
    let archive = TestArchive::new();
    archive.write(
        "content/plan.md",
        &notice("number: 01-KH/TU\ntitle: Kế hoạch năm\nissuer: Tỉnh ủy\ndate: 2024-01-02\nsigner: A\nstatus: expired\nexpires: 2024-12-31", "x"),
    );
    archive.write(
        "content/next.md",
        &notice("number: 05-KH/TU\ntitle: Kế hoạch mới\nissuer: Tỉnh ủy\ndate: 2025-01-05\nsigner: A\nreplaces: [01-KH/TU]", "x"),
    );
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2024/ke-hoach-1-kh-tu/index.html");
    let history = texts(&page, ".history li");
    assert_eq!(history[1], "31/12/2024 Hết hiệu lực", "{history:?}");
    assert!(history[2].starts_with("5/1/2025 Bị thay thế bởi"), "{history:?}");
}

#[test]
fn a_signature_block_puts_each_signing_authority_on_its_line() {
    let archive = TestArchive::new();
    archive.write(
        "content/qd.md",
        &notice(
            "number: 12/QĐ-UBND\ntitle: Quyết định thử\nissuer: Ủy ban nhân dân tỉnh Sơn Hà\ndate: 2024-02-03\nsigner:\n  name: Lò Văn Tâm\n  title: Phó Chủ tịch\n  authority: TM. Ủy ban nhân dân KT. Chủ tịch",
            "Nội dung.",
        ),
    );
    archive.build_ok(&[]);
    let html = archive.read("output/van-ban/2024/quyet-dinh-12-qd-ubnd/index.html");
    assert!(html.contains("<p class=\"authority\">TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH</p>"), "{html}");
}

#[test]
fn a_notice_no_longer_in_force_is_marked_so_in_the_series_too() {
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &notice("number: 01-KH/TU\ntitle: Kế hoạch cũ\nissuer: Tỉnh ủy\ndate: 2024-01-02\nsigner: A\nstatus: expired", "x"),
    );
    archive.write(
        "content/b.md",
        &notice("number: 02-KH/TU\ntitle: Kế hoạch mới\nissuer: Tỉnh ủy\ndate: 2024-02-02\nsigner: A", "x"),
    );
    archive.build_ok(&[]);
    let newer = archive.page("output/van-ban/2024/ke-hoach-2-kh-tu/index.html");
    assert_eq!(attrs(&newer, ".series p", "class"), vec!["previous status-expired"]);
    let older = archive.page("output/van-ban/2024/ke-hoach-1-kh-tu/index.html");
    assert_eq!(attrs(&older, ".series p", "class"), vec!["next"]);
}

#[test]
fn numbered_headings_from_word_are_listed_at_their_level() {
    let archive = TestArchive::new();
    archive.write(
        "content/bc.md",
        &party(
            "8-BC/TU",
            "2024-02-02",
            "Báo cáo tổng kết",
            "",
            "**1. Về kết quả:** đạt.\n\n**2. Về hạn chế:** còn.\n\n### **3. Về phương hướng nhiệm vụ năm 2024:**\n\nNội dung.\n\n#### **3.1. Trước mắt:**\n\nNội dung.\n",
        ),
    );
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2024/bao-cao-8-bc-tu/index.html");
    assert_eq!(
        texts(&page, ".toc li"),
        vec!["1. Về kết quả", "2. Về hạn chế", "3. Về phương hướng nhiệm vụ năm 2024", "3.1. Trước mắt"]
    );
    assert_eq!(
        attrs(&page, ".toc li", "class"),
        vec!["toc-level-2", "toc-level-2", "toc-level-2", "toc-level-3"]
    );
}

#[test]
fn pages_carry_a_description_link_preview_and_canonical_address() {
    let archive = TestArchive::new();
    archive.write(
        "content/nq.md",
        &party(
            "07-NQ/TU",
            "2024-06-01",
            "Về chuyển đổi số",
            "summary: Tóm tắt \"ngắn\" của nghị quyết.",
            "Thân.",
        ),
    );
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2024/nghi-quyet-7-nq-tu/index.html");
    assert_eq!(attrs(&page, "meta[name=description]", "content"), vec!["Tóm tắt \"ngắn\" của nghị quyết."]);
    assert_eq!(
        attrs(&page, "meta[property='og:description']", "content"),
        vec!["Tóm tắt \"ngắn\" của nghị quyết."]
    );
    assert_eq!(attrs(&page, "meta[property='og:type']", "content"), vec!["article"]);
    assert!(attrs(&page, "link[rel=canonical]", "href").is_empty(), "no canonical without base_url");

    archive.build_ok(&["--base-url", "https://example.vn/luu-tru/"]);
    let page = archive.page("output/van-ban/2024/nghi-quyet-7-nq-tu/index.html");
    let address = "https://example.vn/luu-tru/van-ban/2024/nghi-quyet-7-nq-tu/";
    assert_eq!(attrs(&page, "link[rel=canonical]", "href"), vec![address]);
    assert_eq!(attrs(&page, "meta[property='og:url']", "content"), vec![address]);
    let home = archive.page("output/index.html");
    assert_eq!(attrs(&home, "link[rel=canonical]", "href"), vec!["https://example.vn/luu-tru/"]);
    assert_eq!(attrs(&home, "meta[property='og:type']", "content"), vec!["website"]);
    let missing = archive.page("output/404.html");
    assert!(attrs(&missing, "link[rel=canonical]", "href").is_empty(), "the 404 page has no address");
}

#[test]
fn the_sitemap_dates_every_page_by_its_latest_change() {
    let archive = TestArchive::new();
    archive.write("content/a.md", &simple("1-TB/VPTU", "2024-01-05", "Thông báo một", "Nội dung."));
    archive.write(
        "content/b.md",
        &simple(
            "2-TB/VPTU",
            "2024-03-09",
            "Thông báo hai",
            "Thực hiện Thông báo số 1-TB/VPTU, ngày 05/1/2024.",
        ),
    );
    archive.build_ok(&["--base-url", "https://example.vn/"]);
    let xml = archive.read("output/sitemap.xml");
    let document = roxmltree::Document::parse(&xml).unwrap();
    let urls: Vec<(String, String)> = document
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .map(|u| {
            let child = |name: &str| {
                u.children().find(|c| c.has_tag_name(name)).and_then(|c| c.text()).unwrap_or("").to_string()
            };
            (child("loc"), child("lastmod"))
        })
        .collect();
    assert!(urls.iter().all(|(_, lastmod)| !lastmod.is_empty()), "{urls:?}");
    let lastmod = |loc: &str| urls.iter().find(|(l, _)| l == loc).map(|(_, m)| m.as_str());
    // Cited on 9 March: its page changed then.
    assert_eq!(lastmod("https://example.vn/van-ban/2024/thong-bao-1-tb-vptu/"), Some("2024-03-09"));
    assert_eq!(lastmod("https://example.vn/van-ban/2024/thong-bao-2-tb-vptu/"), Some("2024-03-09"));
    assert_eq!(lastmod("https://example.vn/"), Some("2024-03-09"));
}

#[test]
fn a_long_list_of_notices_shows_ten_and_the_rest_behind_show_more() {
    let archive = TestArchive::new();
    archive.write(
        "content/tb-1.md",
        &simple("1-TB/VPTU", "2024-01-05", "Thông báo được dẫn nhiều", "Nội dung."),
    );
    archive
        .write("content/tb-2.md", &simple("2-TB/VPTU", "2024-01-06", "Thông báo được dẫn ít", "Nội dung."));
    for n in 0..12 {
        let cites = if n < 3 {
            "Thông báo số 1-TB/VPTU và Thông báo số 2-TB/VPTU"
        } else {
            "Thông báo số 1-TB/VPTU"
        };
        // Files named in another order than their dates.
        archive.write(
            &format!("content/kh-{}.md", 11 - n),
            &simple(
                &format!("{}-KH/VPTU", n + 1),
                &format!("2024-03-{:02}", n + 1),
                "Kế hoạch thực hiện",
                &format!("Thực hiện {cites}."),
            ),
        );
    }
    archive.build_ok(&[]);
    let many = archive.page("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert_eq!(texts(&many, ".cited-by > ul.notice-list > li").len(), 10);
    assert_eq!(text(&many, ".cited-by > details.more-notices > summary"), "Xem thêm 2 văn bản");
    assert_eq!(texts(&many, ".cited-by > details.more-notices > ul.notice-list > li").len(), 2);
    // Every citing notice is there once, newest first: the ten shown are the latest.
    let numbers = texts(&many, ".cited-by li .number");
    let newest_first: Vec<String> = (1..=12).rev().map(|n| format!("{n}-KH/VPTU")).collect();
    assert_eq!(numbers, newest_first);
    let few = archive.page("output/van-ban/2024/thong-bao-2-tb-vptu/index.html");
    assert_eq!(texts(&few, ".cited-by li").len(), 3);
    assert!(texts(&few, ".more-notices").is_empty());

    archive.write("site.yaml", "title: Archive\nlanguage: en\n");
    archive.build_ok(&[]);
    let many = archive.page("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert_eq!(text(&many, ".cited-by > details.more-notices > summary"), "Show 2 more");
}

/// The file a relative link of the page at `page` (output-relative) leads to: its `#` part
/// left, its `%` escapes read. A link that climbs above the output or has an empty step leads
/// nowhere.
fn link_target(page: &str, href: &str) -> Option<String> {
    let href = href.split('#').next().unwrap_or_default();
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    // From the root (the 404 page's links, which any address may show).
    let href = match href.strip_prefix('/') {
        Some(from_root) => {
            parts.clear();
            from_root
        }
        None => href,
    };
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop()?;
            }
            "" => return None,
            part => parts.push(part),
        }
    }
    let joined = parts.join("/");
    let mut bytes = Vec::new();
    let mut rest = joined.as_bytes();
    while let Some((&first, after)) = rest.split_first() {
        match (
            first,
            after.get(..2).and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()),
        ) {
            (b'%', Some(byte)) => {
                bytes.push(byte);
                rest = &after[2..];
            }
            _ => {
                bytes.push(first);
                rest = after;
            }
        }
    }
    String::from_utf8(bytes).ok()
}

#[test]
fn every_relative_link_of_every_page_leads_to_a_file_of_the_output() {
    let archive = TestArchive::new();
    // Notices of two years citing, replacing and following one another, and a bundle with an
    // attachment whose name a link must escape.
    archive.write(
        "content/2023/nq-3.md",
        &party("03-NQ/TU", "2023-03-01", "Về công tác cán bộ", "", "Nội dung."),
    );
    archive.write(
        "content/2024/nq-4.md",
        &party(
            "04-NQ/TU",
            "2024-02-01",
            "Về công tác cán bộ năm 2024",
            "replaces: [03-NQ/TU]",
            "Thay Nghị quyết số 03-NQ/TU.",
        ),
    );
    archive.write(
        "content/2024/kh-5/index.md",
        &party(
            "05-KH/TU",
            "2024-03-01",
            "Thực hiện Nghị quyết số 04-NQ/TU",
            "implements: [04-NQ/TU]",
            "Thực hiện Nghị quyết số 04-NQ/TU và Nghị quyết số 03-NQ/TU; xem [phụ lục](<Phụ lục #1.txt>).",
        ),
    );
    archive.write("content/2024/kh-5/Phụ lục #1.txt", "phụ lục");
    archive.write(
        "content/2024/kh-6.md",
        &party("06-KH/TU", "2024-04-01", "Kiểm tra", "", "Theo Kế hoạch số 05-KH/TU."),
    );
    archive.build_ok(&[]);
    let out = archive.path("output");
    let mut checked = 0;
    for (page, bytes) in site_files(&out).into_iter().filter(|(path, _)| path.ends_with(".html")) {
        let html = scraper::Html::parse_document(std::str::from_utf8(&bytes).unwrap());
        let hrefs = attrs(&html, "a[href], link[href]", "href");
        for href in hrefs.into_iter().chain(attrs(&html, "script[src], img[src]", "src")) {
            if href.starts_with('#') || href.contains("://") || href.starts_with("mailto:") {
                continue;
            }
            let target = link_target(&page, &href);
            assert!(
                target.as_ref().is_some_and(|target| out.join(target).is_file()),
                "{page}: {href} leads to {target:?}, which is not a file of the output"
            );
            checked += 1;
        }
    }
    // Links between notice pages of one year and of two, to lists, to the attachment.
    let plan = archive.page("output/van-ban/2024/ke-hoach-5-kh-tu/index.html");
    let cited = attrs(&plan, ".notice-body a.cite", "href");
    assert_eq!(cited, ["../nghi-quyet-4-nq-tu/index.html", "../../2023/nghi-quyet-3-nq-tu/index.html"]);
    assert_eq!(attrs(&plan, ".cites a", "href"), cited);
    assert_eq!(attrs(&plan, ".relations a", "href"), ["../nghi-quyet-4-nq-tu/index.html"]);
    let replaced = archive.page("output/van-ban/2023/nghi-quyet-3-nq-tu/index.html");
    let later = "../../2024/nghi-quyet-4-nq-tu/index.html";
    assert_eq!(attrs(&replaced, ".banner-ended a", "href"), [later]);
    assert!(attrs(&replaced, ".cited-by a", "href").contains(&later.to_string()));
    assert!(checked > 100, "{checked}");
}

#[test]
fn a_draft_without_a_number_in_a_file_named_without_letters_is_named_by_its_title() {
    let archive = TestArchive::new();
    archive.write(
        "content/---.md",
        &notice("draft: true\ntype: Kế hoạch\ntitle: Kế hoạch cuối năm\nissuer: Tỉnh ủy Sơn Hà", "Nội dung."),
    );
    archive.build_ok(&["--drafts"]);
    // Its own folder, as deep as any notice's: its links back to the root hold.
    let page = archive.page("output/van-ban/ban-nhap/ke-hoach-cuoi-nam/index.html");
    assert_eq!(attrs(&page, "link[rel=stylesheet]", "href"), ["../../../style.css"]);
    assert!(!archive.exists("output/van-ban/ban-nhap/index.html"));
}

#[test]
fn a_decision_is_laid_out_as_on_paper() {
    let archive = TestArchive::new();
    archive.write(
        "content/qd.md",
        &notice(
            "number: 12/QĐ-SNV\ntitle: Quyết định ban hành Quy chế lưu trữ\nissuer: Sở Nội vụ\nparent_issuer: Ủy ban nhân dân tỉnh Sơn Hà\ndate: 2024-03-04",
            "**QUYẾT ĐỊNH:**\n\n**Điều 1.** Ban hành kèm theo Quyết định này Quy chế lưu trữ.\n\n### QUY CHẾ LƯU TRỮ\n\n### Chương I. QUY ĐỊNH CHUNG\n\n**I. MỤC TIÊU**\n\n**1. Về hồ sơ:** lập đủ trong năm.\n",
        ),
    );
    archive.build_ok(&[]);
    let page = archive.page("output/van-ban/2024/quyet-dinh-12-qd-snv/index.html");
    // The governing body's name is set on lines of its own, as the issuer's is.
    let selector = scraper::Selector::parse(".parent-issuer").unwrap();
    let parent = page.select(&selector).next().expect("parent issuer").inner_html();
    assert_eq!(parent, "ỦY BAN NHÂN DÂN<br>TỈNH SƠN HÀ");
    // The enacting formula, the title of the attached regulation and its chapters are centred;
    // a numbered section's lead alone on its line is a lead, one with text after it is not.
    assert_eq!(
        texts(&page, ".notice-body .centred"),
        vec!["QUYẾT ĐỊNH:", "QUY CHẾ LƯU TRỮ", "Chương I. QUY ĐỊNH CHUNG"]
    );
    assert_eq!(texts(&page, ".notice-body p.lead"), vec!["I. MỤC TIÊU"]);
}
