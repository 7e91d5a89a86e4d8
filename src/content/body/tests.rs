//! Bodies rendered: anchors and contents, articles and clauses, references and their
//! positions, placeholders escaped, raw HTML and unsafe addresses, the plain text.

use super::pass::is_script_url;
use super::*;

/// The body and its HTML.
fn pair(markdown: &str, first_line: usize, raw_html: bool) -> (Body, String) {
    let rendered = render(markdown, first_line, raw_html);
    (rendered.body, rendered.html)
}

#[test]
fn the_plain_text_is_what_a_reader_sees() {
    let text = render(
        "**1. Về kết quả:** Tổ chức &amp; cán bộ.\n\n- một\n- hai\n\n![ảnh](a.png) `mã` [liên kết](https://x.vn)\ndòng\n",
        1,
        false,
    )
    .text;
    assert!(text.contains("1. Về kết quả: Tổ chức & cán bộ."), "{text:?}");
    assert!(text.contains("một\n") && text.contains("hai\n"), "{text:?}");
    assert!(text.contains("mã liên kết dòng"), "{text:?}");
    assert!(!text.contains("ảnh") && !text.contains("a.png") && !text.contains('<'), "{text:?}");
    let raw = render("a <b>đậm</b> c\n", 1, true).text;
    assert!(raw.contains("đậm") && !raw.contains("<b>"), "{raw:?}");
}

fn plain(html: &str) -> String {
    let mut out = String::new();
    fill_references(html, &mut out, |i| format!("[{i}:"), |_| "]".into());
    out
}

#[test]
fn headings_and_bold_sections_get_anchors_and_toc() {
    let (body, html) = pair(
        "## Mục tiêu\n\n**1. Về kết quả công tác:** nội dung.\n\n**3.2.** tiếp theo.\n\n**II. NHIỆM VỤ**\n\n**Lưu ý:** không phải mục.\n\n## Mục tiêu\n",
        5,
        false,
    );
    let labels: Vec<_> = body.toc.iter().map(|t| (t.level, t.label.as_str(), t.anchor.as_str())).collect();
    assert_eq!(
        labels,
        vec![
            (2, "Mục tiêu", "muc-tieu"),
            (2, "1. Về kết quả công tác", "muc-1-ve-ket-qua-cong-tac"),
            (3, "3.2. tiếp theo.", "muc-3-2"),
            (1, "II. NHIỆM VỤ", "muc-ii-nhiem-vu"),
            (2, "Mục tiêu", "muc-tieu-2"),
        ]
    );
    assert!(html.contains("<p id=\"muc-1-ve-ket-qua-cong-tac\"><strong>"), "{}", html);
    assert!(html.contains("<h2 id=\"muc-tieu-2\">"));
}

#[test]
fn lines_set_in_the_middle_of_the_page_are_told_from_numbered_sections() {
    let table = [
        ("QUYẾT ĐỊNH:", true),
        ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH QUYẾT ĐỊNH", true),
        ("Chương II. QUẢN LÝ VĂN BẢN", true),
        ("CHƯƠNG III", true),
        ("PHẦN THỨ NHẤT", true),
        ("Phần thứ hai", true),
        ("QUY CHẾ QUẢN LÝ", true),
        // Near misses: numbered sections, articles, and words that only begin like a part.
        ("I. MỤC ĐÍCH, YÊU CẦU", false),
        ("1. Mục đích:", false),
        ("Điều 1.", false),
        ("Chương trình công tác", false),
        ("Phần lớn", false),
        ("Quyết định:", false),
        ("2024", false),
        ("", false),
    ];
    for (text, centred) in table {
        assert_eq!(sections::is_centred_line(text), centred, "{text:?}");
    }
}

#[test]
fn a_bold_line_alone_is_a_lead_or_centred_and_a_lead_with_text_is_neither() {
    let html = render(
        "**QUYẾT ĐỊNH:**\n\n**I. MỤC TIÊU**\n\n**1. Về kết quả:** nội dung.\n\n**Lưu ý** chung.\n\n### Chương I. QUY ĐỊNH CHUNG\n\n### Mục tiêu\n",
        1,
        false,
    )
    .html;
    assert!(html.contains("<p class=\"centred\"><strong>QUYẾT ĐỊNH:</strong></p>"), "{html}");
    assert!(html.contains("<p class=\"lead\" id=\"muc-i-muc-tieu\">"), "{html}");
    assert!(html.contains("<p id=\"muc-1-ve-ket-qua\"><strong>"), "{html}");
    assert!(html.contains("<p><strong>Lưu ý</strong> chung.</p>"), "{html}");
    assert!(html.contains("<h3 id=\"chuong-i-quy-dinh-chung\" class=\"centred\">"), "{html}");
    assert!(html.contains("<h3 id=\"muc-tieu\">"), "{html}");
}

#[test]
fn numbered_headings_are_listed_at_their_numbers_level() {
    let (body, _) = pair(
        "**1. Về kết quả:** a.\n\n**2. Về hạn chế:** b.\n\n### **3. Về phương hướng:**\n\n#### **3.1. Trước mắt:**\n\n### Ghi chú:\n\n### 2024. Năm\n",
        1,
        false,
    );
    let levels: Vec<_> = body.toc.iter().map(|t| (t.level, t.label.as_str())).collect();
    assert_eq!(
        levels,
        vec![
            (2, "1. Về kết quả"),
            (2, "2. Về hạn chế"),
            (2, "3. Về phương hướng"),
            (3, "3.1. Trước mắt"),
            (3, "Ghi chú:"),
            (3, "2024. Năm"),
        ]
    );
}

#[test]
fn articles_and_clauses_get_anchors_and_contents_entries() {
    let (body, html) = pair(
        "**Điều 1.** Ban hành kèm theo Quyết định này Quy định về công tác văn thư của cơ quan.\n\n\
         **Điều 2. Trách nhiệm thi hành**\n\n\
         1. Văn phòng chủ trì.\n\n   a) Điểm một;\n\n2. Các sở phối hợp.\n\n\
         ## QUY ĐỊNH VỀ CÔNG TÁC VĂN THƯ\n\n\
         ### Điều 1. Phạm vi điều chỉnh\n\n\
         1\\. Quy định này áp dụng cho cơ quan.\n\n\
         **2. Về đối tượng:** cán bộ, công chức.\n\n\
         **Chương II**\n\n\
         3\\. Không phải khoản.\n",
        1,
        false,
    );
    let toc: Vec<_> = body.toc.iter().map(|t| (t.level, t.label.as_str(), t.anchor.as_str())).collect();
    assert_eq!(
        toc,
        vec![
            (2, "Điều 1. Ban hành kèm theo Quyết định này Quy…", "dieu-1"),
            (2, "Điều 2. Trách nhiệm thi hành", "dieu-2"),
            (2, "QUY ĐỊNH VỀ CÔNG TÁC VĂN THƯ", "quy-dinh-ve-cong-tac-van-thu"),
            (3, "Điều 1. Phạm vi điều chỉnh", "dieu-1-pham-vi-dieu-chinh"),
            (2, "2. Về đối tượng", "muc-2-ve-doi-tuong"),
        ]
    );
    for fragment in [
        "<p id=\"dieu-1\"><strong>Điều 1.</strong>",
        "<li id=\"dieu-2-khoan-1\">",
        "<li id=\"dieu-2-khoan-2\">",
        "<h3 id=\"dieu-1-pham-vi-dieu-chinh\"><span id=\"dieu-1-2\"></span>Điều 1. Phạm vi điều chỉnh</h3>",
        "<p id=\"dieu-1-2-khoan-1\">1. Quy định này",
        "<p id=\"muc-2-ve-doi-tuong\"><span id=\"dieu-1-2-khoan-2\"></span>",
        "<p>3. Không phải khoản.</p>",
    ] {
        assert!(html.contains(fragment), "{fragment} missing from {html}");
    }
    assert_eq!(
        body.provisions,
        [
            "dieu-1",
            "dieu-1-2",
            "dieu-1-2-khoan-1",
            "dieu-1-2-khoan-2",
            "dieu-2",
            "dieu-2-khoan-1",
            "dieu-2-khoan-2"
        ]
    );
    for (anchor, held) in [
        ("dieu-2-khoan-2", true),
        ("dieu-1", true),
        ("dieu-1-2-khoan-2", true),
        ("dieu-3", false),
        ("dieu-2-khoan", false),
        ("dieu-1-2-khoan-3", false),
        ("", false),
    ] {
        assert_eq!(body.has_provision(anchor), held, "{anchor}");
    }
}

#[test]
fn provisions_of_the_notice_itself_link_within_it() {
    let (body, html) = pair(
        "**Điều 1.** Phạm vi.\n\n**Điều 2.** Thực hiện theo khoản 1 Điều 3 của Quyết định này và Điều 1; \
         Điều 5 của Luật Tổ chức không phải; Điều 9 không có.\n\n\
         **Điều 3. Hiệu lực**\n\n1. Một.\n2. Hai.\n",
        1,
        false,
    );
    assert_eq!(
        provision_links(&html),
        vec![("dieu-3-khoan-1", "khoản 1 Điều 3 của Quyết định này"), ("dieu-1", "Điều 1")],
        "{html}"
    );
    assert!(body.references.is_empty());
    let (_, plain_notice) = pair("Theo Điều 3 của quy trình.\n", 1, false);
    assert!(!plain_notice.contains("<a"), "{plain_notice}");
}

/// The provision links of some HTML: (anchor, text).
fn provision_links(html: &str) -> Vec<(&str, &str)> {
    html.split("<a class=\"provision\" href=\"#")
        .skip(1)
        .map(|part| {
            let (href, rest) = part.split_once("\">").unwrap();
            (href, rest.split_once("</a>").unwrap().0)
        })
        .collect()
}

#[test]
fn a_provision_links_to_its_own_part_else_to_the_only_part_with_that_article() {
    // A decision (articles 1 to 3), then the regulation it issues (articles 1 and 2 again).
    let (_, html) = pair(
        "**Điều 1.** Ban hành kèm theo Quyết định này Quy định; xem Điều 2.\n\n\
         **Điều 2.** Hiệu lực.\n\n\
         **Điều 3.** Thi hành.\n\n\
         **Điều 1.** Phạm vi; theo Điều 2 và Điều 3.\n\n\
         **Điều 2.** Đối tượng; theo Điều 1.\n",
        1,
        false,
    );
    assert_eq!(
        provision_links(&html),
        [("dieu-2", "Điều 2"), ("dieu-2-2", "Điều 2"), ("dieu-3", "Điều 3"), ("dieu-1-2", "Điều 1")],
        "{html}"
    );
}

#[test]
fn a_provision_next_to_a_citation_is_part_of_the_reference() {
    let (body, html) =
        pair("Dòng một.\n\nCăn cứ khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP của Chính phủ.\n", 3, false);
    let reference = &body.references[0];
    assert_eq!(reference.key.as_deref(), Some("30/2020/NĐ-CP"));
    assert_eq!(reference.provision.as_ref().map(|p| p.anchor()).as_deref(), Some("dieu-5-khoan-2"));
    assert_eq!((reference.line, reference.column), (5, 8));
    assert!(plain(&html).contains("Căn cứ [0:khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP] của"), "{html}");
}

#[test]
fn raw_html_is_escaped_unless_allowed() {
    let (_, html) = pair("a <script>x</script> b\n\n<div>c</div>\n", 1, false);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
    let (_, raw) = pair("<div>c</div>\n", 1, true);
    assert!(raw.contains("<div>c</div>"));
}

#[test]
fn explicit_links_become_references_with_positions() {
    let (body, html) =
        pair("Dòng một.\n\nXem [kế hoạch](notice:01-KH/TU@2024) và [x](notice:khong-so).\n", 10, false);
    assert_eq!(body.references.len(), 2);
    let first = &body.references[0];
    assert_eq!((first.line, first.column, first.year), (12, 5, Some(2024)));
    assert_eq!(first.key.as_deref(), Some("1-KH/TU"));
    assert!(body.references[1].key.is_none());
    assert_eq!(plain(&html), "<p>Dòng một.</p>\n<p>Xem [0:kế hoạch] và [1:x].</p>\n");
}

#[test]
fn placeholder_characters_in_code_links_and_html_are_escaped() {
    for markdown in [
        "- ```\u{E000}0\u{E001}\n  x\n  ```",
        "[a](https://x.vn/\u{E000}0\u{E001} \"\u{E000}0\u{E001}\")",
        "a[^\u{E000}0\u{E001}]\n\n[^\u{E000}0\u{E001}]: b",
        "`a \u{E000}0\u{E001}x\u{E002}0\u{E001}`",
        "[\u{E000}0\u{E001}](https://x.vn)",
        "a <b>\u{E000}0\u{E001}</b>",
    ] {
        let (_, html) = pair(markdown, 1, false);
        assert!(!plain(&html).contains("[0:"), "{markdown}: {}", plain(&html));
        let (_, raw) = pair(markdown, 1, true);
        assert!(!plain(&raw).contains("[0:"), "{markdown} with raw HTML: {}", plain(&raw));
    }
}

#[test]
fn placeholder_characters_in_text_are_escaped() {
    let (_, html) = pair("a \u{E000}0\u{E001} b\n", 1, false);
    assert_eq!(plain(&html), "<p>a &#xE000;0&#xE001; b</p>\n");
}

#[test]
fn script_and_data_addresses_are_dropped_and_their_text_kept() {
    let markdown = "[a](javascript:alert(1)) <javascript:alert(2)> [b][r] [c](VBScript:x) \
                    [d]( java\tscript:x) ![e](data:image/png;base64,AAAA) [f](https://x.vn/a:b)\n\n\
                    [r]: javascript:alert(3)\n";
    let html = pair(markdown, 1, false).1;
    let addresses: Vec<&str> = html.split(['"']).skip(1).step_by(2).collect();
    assert_eq!(addresses, vec!["https://x.vn/a:b"], "{html}");
    assert!(!html.contains("<img"), "{html}");
    for kept in ["<p>a ", "a javascript:alert(2)", "b c", "e <a"] {
        assert!(html.contains(kept), "{kept} missing from {html}");
    }
    let raw = pair("[a](javascript:x)\n", 1, true).1;
    assert!(raw.contains("href=\"javascript:x\""), "raw_html keeps links as written: {raw}");
}

#[test]
fn script_schemes_as_a_browser_reads_them() {
    for (url, unsafe_) in [
        ("javascript:x", true),
        (" JAVASCRIPT:x", true),
        ("java\nscript:x", true),
        ("data:text/html,x", true),
        ("vbscript:x", true),
        ("https://x.vn/javascript:x", false),
        ("mailto:a@x.vn", false),
        ("tel:024", false),
        ("#muc-1", false),
        ("van-ban/2024/", false),
        ("javascripts:x", false),
    ] {
        assert_eq!(is_script_url(url), unsafe_, "{url:?}");
    }
}

#[test]
fn first_paragraph_and_emptiness() {
    let (body, _) = pair("Đoạn **đầu**\ntiên.\n\nĐoạn hai.\n", 1, false);
    assert_eq!(body.first_paragraph, "Đoạn đầu tiên.");
    assert!(!body.is_empty);
    // Line breaks, by two spaces or a backslash, and one inside a link, keep words apart.
    let (body, _) = pair("Căn cứ luật;  \nCăn cứ nghị định\\\nTheo [đề\nnghị](https://x.vn).\n", 1, false);
    assert_eq!(body.first_paragraph, "Căn cứ luật; Căn cứ nghị định Theo đề nghị.");
    assert!(pair("\n\n", 1, false).0.is_empty);
}
