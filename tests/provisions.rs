//! Provisions and the newer citation forms through the CLI: article and clause anchors,
//! contents entries, links to a cited provision across notices and within a notice, the
//! warning for a cited article a notice does not have, the provision in `api/notices.json`,
//! lists sharing one suffix, text typed without diacritics and short state forms.

mod common;

use common::*;

const CITING: &str = "content/qd-27.md";
const CITING_PAGE: &str = "output/van-ban/2024/quyet-dinh-27-2024-qd-ubnd/index.html";
const DECREE_PAGE: &str = "output/van-ban/2020/nghi-dinh-30-2020-nd-cp/index.html";

fn state(number: &str, date: &str, title: &str, issuer: &str, body: &str) -> String {
    notice(&format!("number: {number}\ntitle: {title}\nissuer: {issuer}\ndate: {date}"), body)
}

const CITING_BODY: &str = "Căn cứ khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n\n\
Căn cứ Điều 9 Nghị định số 30/2020/NĐ-CP;\n\n\
Theo Điều 6 Nghị định 30/2020 và Thông tư 08/2022 của Bộ Tài chính; Thông tư 09/2023 chưa rõ của bộ nào.\n\n\
Thực hiện các Kết luận số 11, 12-KL/TU của Ban Thường vụ Tỉnh ủy.\n\n\
Can cu Ket luan so 21- kl/tu cua Ban Thuong vu.\n\n\
**Điều 1.** Ban hành kèm theo Quyết định này Quy định về công tác văn thư trên địa bàn tỉnh.\n\n\
**Điều 2. Tổ chức thực hiện**\n\n\
1. Giao Sở Nội vụ theo dõi, đôn đốc.\n\
2. Các sở thực hiện theo khoản 1 Điều 2 của Quyết định này và Điều 1; Điều 7 của Luật Lưu trữ không liên quan.\n";

fn archive() -> TestArchive {
    let archive = TestArchive::new();
    archive.write(
        "content/nd-30.md",
        &state(
            "30/2020/NĐ-CP",
            "2020-03-05",
            "Về công tác văn thư",
            "Chính phủ",
            "**Điều 1. Phạm vi điều chỉnh**\n\n1. Nghị định này quy định về công tác văn thư.\n2. Nghị định này áp dụng với cơ quan nhà nước.\n\n\
             **Điều 5. Trách nhiệm của người đứng đầu**\n\n1. Chỉ đạo công tác văn thư.\n2. Bố trí nhân sự làm văn thư.\n\n\
             ### Điều 6. Hiệu lực thi hành\n\nNghị định này có hiệu lực từ ngày ký.\n",
        ),
    );
    archive.write(
        "content/tt-08.md",
        &state("08/2022/TT-BTC", "2022-05-10", "Hướng dẫn kinh phí văn thư", "Bộ Tài chính", "Nội dung."),
    );
    archive.write(
        "content/tt-09-btc.md",
        &state("09/2023/TT-BTC", "2023-02-01", "Hướng dẫn quyết toán", "Bộ Tài chính", "Nội dung."),
    );
    archive.write(
        "content/tt-09-bnv.md",
        &state("09/2023/TT-BNV", "2023-03-01", "Hướng dẫn tuyển dụng", "Bộ Nội vụ", "Nội dung."),
    );
    for (file, number, date) in [
        ("kl-11.md", "11-KL/TU", "2024-01-10"),
        ("kl-12.md", "12-KL/TU", "2024-02-10"),
        ("kl-21.md", "21-KL/TU", "2024-03-10"),
    ] {
        archive.write(
            &format!("content/{file}"),
            &simple(number, date, "Kết luận của Ban Thường vụ", "Nội dung."),
        );
    }
    archive.write(
        CITING,
        &state(
            "27/2024/QĐ-UBND",
            "2024-06-01",
            "Ban hành Quy định về công tác văn thư",
            "Ủy ban nhân dân tỉnh Sơn Hà",
            CITING_BODY,
        ),
    );
    archive
}

#[test]
fn articles_and_clauses_have_anchors_and_contents_entries() {
    let archive = archive();
    archive.build_ok(&[]);
    let page = archive.page(DECREE_PAGE);
    for selector in [
        "p#dieu-1",
        "li#dieu-1-khoan-1",
        "li#dieu-1-khoan-2",
        "p#dieu-5",
        "li#dieu-5-khoan-2",
        "h3#dieu-6-hieu-luc-thi-hanh span#dieu-6",
    ] {
        assert_eq!(attrs(&page, selector, "id").len(), 1, "{selector}");
    }
    assert_eq!(
        texts(&page, ".toc a"),
        vec![
            "Điều 1. Phạm vi điều chỉnh",
            "Điều 5. Trách nhiệm của người đứng đầu",
            "Điều 6. Hiệu lực thi hành"
        ]
    );
    assert_eq!(attrs(&page, ".toc a", "href"), vec!["#dieu-1", "#dieu-5", "#dieu-6-hieu-luc-thi-hanh"]);
    let citing = archive.page(CITING_PAGE);
    let toc = texts(&citing, ".toc a");
    assert_eq!(toc[0], "Điều 1. Ban hành kèm theo Quyết định này Quy…", "{toc:?}");
    assert_eq!(attrs(&citing, ".toc a", "href"), vec!["#dieu-1", "#dieu-2"]);
}

#[test]
fn provisions_link_to_the_cited_article_and_within_the_notice() {
    let archive = archive();
    let output = archive.build_ok(&[]);
    let page = archive.page(CITING_PAGE);
    let links: Vec<(String, String)> = texts(&page, ".notice-body a.cite")
        .into_iter()
        .zip(attrs(&page, ".notice-body a.cite", "href"))
        .collect();
    let want = [
        (
            "khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP",
            "../../2020/nghi-dinh-30-2020-nd-cp/index.html#dieu-5-khoan-2",
        ),
        ("Điều 9 Nghị định số 30/2020/NĐ-CP", "../../2020/nghi-dinh-30-2020-nd-cp/index.html"),
        ("Điều 6 Nghị định 30/2020", "../../2020/nghi-dinh-30-2020-nd-cp/index.html#dieu-6"),
        ("08/2022", "../../2022/thong-tu-8-2022-tt-btc/index.html"),
        ("11", "../ket-luan-11-kl-tu/index.html"),
        ("12-KL/TU", "../ket-luan-12-kl-tu/index.html"),
        ("21- kl/tu", "../ket-luan-21-kl-tu/index.html"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(t, h)| (t.to_string(), h.to_string())).collect();
    assert_eq!(links, want);
    // A short form that several archived notices match is plain text, neither link nor marker.
    assert!(text(&page, ".notice-body").contains("Thông tư 09/2023 chưa rõ"));
    assert!(texts(&page, ".notice-body .cite").iter().all(|t| !t.contains("09/2023")));
    let own: Vec<(String, String)> = texts(&page, ".notice-body a.provision")
        .into_iter()
        .zip(attrs(&page, ".notice-body a.provision", "href"))
        .collect();
    assert_eq!(
        own,
        vec![
            ("khoản 1 Điều 2 của Quyết định này".to_string(), "#dieu-2-khoan-1".to_string()),
            ("Điều 1".to_string(), "#dieu-1".to_string()),
        ]
    );
    assert!(
        stderr(&output).contains("trích dẫn: 7 đã liên kết, 0 chưa có trong kho, 0 chưa xác định"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_cited_article_the_notice_lacks_is_a_warning_naming_both() {
    let archive = archive();
    let output = archive.build_ok(&[]);
    let source = archive.read(CITING);
    let (line, column) = source
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("Điều 9").map(|at| (i + 1, l[..at].chars().count() + 1)))
        .unwrap();
    let want = format!(
        "cảnh báo: {CITING}:{line}:{column}: dẫn Điều 9 của 30/2020/NĐ-CP, nhưng văn bản đó (content/nd-30.md) không có Điều 9"
    );
    let err = stderr(&output);
    assert!(err.contains(&want), "{want}\n{err}");
    assert_eq!(err.matches("không có Điều").count(), 1, "{err}");
}

#[test]
fn an_article_a_relation_names_and_its_target_lacks_is_a_warning_at_the_relation() {
    let archive = archive();
    archive.write(
        "content/qd-40.md",
        &notice(
            "number: 40/2024/QĐ-UBND\ntitle: Sửa đổi quy định văn thư\nissuer: Ủy ban nhân dân tỉnh\n\
             date: 2024-06-01\namends:\n  - 30/2020/NĐ-CP (Điều 5, khoản 2 Điều 1)\n  - 30/2020/NĐ-CP (Điều 99)\n\
             based_on: [\"30/2020/NĐ-CP (khoản 2 Điều 8)\", \"30/2020/NĐ-CP (khoản 7 Điều 6)\"]",
            "Nội dung.",
        ),
    );
    let err = stderr(&archive.build_ok(&[]));
    let want = "cảnh báo: content/qd-40.md:8:5: `amends` 30/2020/NĐ-CP: văn bản đó (content/nd-30.md) không có Điều 99";
    assert!(err.contains(want), "{want}\n{err}");
    assert!(err.contains("content/qd-40.md:9:13: `based_on` 30/2020/NĐ-CP: văn bản đó (content/nd-30.md) không có khoản 2 Điều 8"), "{err}");
    // The articles and clauses it has are not warned of, nor a clause of an article it has
    // (linked to the article, as a citation is).
    assert!(!err.contains("không có Điều 5") && !err.contains("khoản 2 Điều 1"), "{err}");
    assert!(!err.contains("khoản 7 Điều 6"), "{err}");
    assert_eq!(
        err.matches("content/qd-40.md:").filter(|_| true).count(),
        err.lines().filter(|l| l.contains("content/qd-40.md:")).count()
    );
}

#[test]
fn notices_json_gives_the_provision_of_each_citation() {
    let archive = archive();
    archive.build_ok(&[]);
    let all: serde_json::Value = serde_json::from_str(&archive.read("output/api/notices.json")).unwrap();
    let citing = all.as_array().unwrap().iter().find(|n| n["key"] == "27/2024/QĐ-UBND").unwrap();
    let cites = citing["cites"].as_array().unwrap();
    let first = &cites[0];
    assert_eq!(first["key"], "30/2020/NĐ-CP");
    assert_eq!(first["text"], "30/2020/NĐ-CP");
    assert_eq!(first["url"], "van-ban/2020/nghi-dinh-30-2020-nd-cp/");
    assert_eq!(first["state"], "resolved");
    assert_eq!(
        first["provision"],
        serde_json::json!({"text": "khoản 2 Điều 5", "article": "5", "clause": 2, "point": null, "attached": false, "anchor": "dieu-5-khoan-2"})
    );
    assert_eq!(cites[1]["provision"]["article"], "9");
    assert_eq!(cites[1]["provision"]["anchor"], serde_json::Value::Null);
    assert_eq!(cites[2]["provision"]["anchor"], "dieu-6");
    let keys: Vec<&str> = cites.iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert_eq!(
        keys,
        vec![
            "30/2020/NĐ-CP",
            "30/2020/NĐ-CP",
            "30/2020/NĐ-CP",
            "8/2022/TT",
            "11-KL/TU",
            "12-KL/TU",
            "21-KL/TU"
        ]
    );
    assert!(cites[3..].iter().all(|c| c["provision"].is_null()));
}

/// A decision that issues a regulation: its own three articles, then the regulation's, numbered
/// from 1 again.
const DECISION_WITH_REGULATION: &str = "**Điều 1.** Ban hành kèm theo Quyết định này Quy định về lưu trữ hồ sơ.\n\n\
**Điều 2.** Quyết định này có hiệu lực từ ngày ký.\n\n\
**Điều 3.** Các sở, ngành thi hành Quyết định này.\n\n\
## QUY ĐỊNH\n\n\
*(Ban hành kèm theo Quyết định số 04/2024/QĐ-UBND)*\n\n\
**Điều 1. Phạm vi**\n\nQuy định này áp dụng cho các cơ quan của tỉnh.\n\n\
**Điều 2. Trách nhiệm lập hồ sơ**\n\n1. Cơ quan lập hồ sơ công việc.\n2. Theo Điều 1 của Quy định này.\n\
3. Theo Điều 3 Quy định này và Quy trình ban hành kèm theo Quyết định số 03/2024/QĐ-UBND.\n\n\
**Điều 3. Thời hạn nộp lưu**\n\nTrong một năm.\n\n\
**Điều 4. Kiểm tra**\n\nHằng năm.\n";

#[test]
fn a_provision_of_the_regulation_a_decision_issues_links_to_the_regulations_article() {
    let archive = TestArchive::new();
    let issuer = "Ủy ban nhân dân tỉnh Sơn Hà";
    archive.write(
        "content/qd-4.md",
        &state(
            "04/2024/QĐ-UBND",
            "2024-04-08",
            "Ban hành Quy định về lưu trữ hồ sơ",
            issuer,
            DECISION_WITH_REGULATION,
        ),
    );
    // A decision whose page holds its own articles only (its regulation kept as a file).
    archive.write(
        "content/qd-3.md",
        &state(
            "03/2024/QĐ-UBND",
            "2024-04-02",
            "Ban hành Quy trình nộp lưu",
            issuer,
            "**Điều 1.** Ban hành kèm theo Quyết định này Quy trình nộp lưu.\n\n**Điều 2.** Quyết định có hiệu lực từ ngày ký.\n",
        ),
    );
    archive.write(
        "content/kh-9.md",
        &state(
            "09/KH-UBND",
            "2024-06-01",
            "Kế hoạch lưu trữ hồ sơ",
            issuer,
            "Căn cứ Điều 2 Quy định ban hành kèm theo Quyết định số 04/2024/QĐ-UBND ngày 08/4/2024;\n\n\
             Căn cứ khoản 1 Điều 2 của Quy định về lưu trữ hồ sơ được ban hành kèm theo Quyết định số 04/2024/QĐ-UBND;\n\n\
             Theo Điều 4 Quy định ban hành kèm theo Quyết định số 04/2024/QĐ-UBND;\n\n\
             Thực hiện Điều 3 Quyết định số 04/2024/QĐ-UBND;\n\n\
             Theo Điều 9 Quy định ban hành kèm theo Quyết định số 04/2024/QĐ-UBND.\n\n\
             Theo Điều 2 Quy trình ban hành kèm theo Quyết định số 03/2024/QĐ-UBND.\n\n\
             Theo Điều 3 Quy định về lưu trữ hồ sơ (ban hành kèm theo Quyết định số 04/2024/QĐ-UBND).\n",
        ),
    );
    let output = archive.build_ok(&[]);
    let decision = archive.page("output/van-ban/2024/quyet-dinh-4-2024-qd-ubnd/index.html");
    // Within the regulation, "Điều 1 của Quy định này" is the regulation's, and "Điều 3 Quy
    // định này" before another decision's regulation is too, not that decision's.
    assert_eq!(attrs(&decision, ".notice-body a.provision", "href"), vec!["#dieu-1-2", "#dieu-3-2"]);
    assert_eq!(
        attrs(&decision, ".notice-body a.cite", "href"),
        vec!["../quyet-dinh-3-2024-qd-ubnd/index.html"]
    );
    let plan = archive.page("output/van-ban/2024/ke-hoach-9-kh-ubnd/index.html");
    let page = "../quyet-dinh-4-2024-qd-ubnd/index.html";
    let links: Vec<(String, String)> = texts(&plan, ".notice-body a.cite")
        .into_iter()
        .zip(attrs(&plan, ".notice-body a.cite", "href"))
        .collect();
    let want = [
        ("Điều 2 Quy định ban hành kèm theo Quyết định số 04/2024/QĐ-UBND", "#dieu-2-2"),
        (
            "khoản 1 Điều 2 của Quy định về lưu trữ hồ sơ được ban hành kèm theo Quyết định số 04/2024/QĐ-UBND",
            "#dieu-2-2-khoan-1",
        ),
        // The regulation's article 4, which the decision lacks: its anchor has no suffix.
        ("Điều 4 Quy định ban hành kèm theo Quyết định số 04/2024/QĐ-UBND", "#dieu-4"),
        // The decision's own article.
        ("Điều 3 Quyết định số 04/2024/QĐ-UBND", "#dieu-3"),
        ("Điều 9 Quy định ban hành kèm theo Quyết định số 04/2024/QĐ-UBND", ""),
    ];
    let mut want: Vec<(String, String)> =
        want.iter().map(|(t, anchor)| (t.to_string(), format!("{page}{anchor}"))).collect();
    // The decision's own Điều 2 is not its regulation's: the page, and a warning.
    want.push((
        "Điều 2 Quy trình ban hành kèm theo Quyết định số 03/2024/QĐ-UBND".to_string(),
        "../quyet-dinh-3-2024-qd-ubnd/index.html".to_string(),
    ));
    want.push((
        "Điều 3 Quy định về lưu trữ hồ sơ (ban hành kèm theo Quyết định số 04/2024/QĐ-UBND".to_string(),
        format!("{page}#dieu-3-2"),
    ));
    assert_eq!(links, want);
    let err = stderr(&output);
    assert!(
        err.contains("dẫn Điều 9 của văn bản ban hành kèm theo 04/2024/QĐ-UBND, nhưng văn bản kèm theo trong content/qd-4.md không có Điều 9"),
        "{err}"
    );
    assert!(err.contains("của văn bản ban hành kèm theo 03/2024/QĐ-UBND, nhưng văn bản kèm theo trong content/qd-3.md không có Điều 2"), "{err}");
    assert_eq!(err.matches("không có Điều").count(), 2, "{err}");
    let all: serde_json::Value = serde_json::from_str(&archive.read("output/api/notices.json")).unwrap();
    let cites = &all.as_array().unwrap().iter().find(|n| n["number"] == "09/KH-UBND").unwrap()["cites"];
    assert_eq!(cites[0]["provision"]["attached"], true);
    assert_eq!(cites[0]["provision"]["anchor"], "dieu-2-2");
    assert_eq!(cites[3]["provision"]["attached"], false);
}
