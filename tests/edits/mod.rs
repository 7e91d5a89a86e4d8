//! The scripted edits of `incremental.rs`: one of each kind a build must come out of as a
//! clean build would, in order (each edits the archive as the steps before it left it).

use super::{TestArchive, edit, front, notice};

/// A named edit of the archive.
pub type Step = (&'static str, Box<dyn Fn(&TestArchive)>);

/// An edit that writes `text` into the file at `path` (made or replaced).
fn writes(path: &'static str, text: &'static str) -> Box<dyn Fn(&TestArchive)> {
    Box::new(move |a| {
        a.write(path, text);
    })
}

/// The edits, in the order they are made.
pub fn steps() -> Vec<Step> {
    vec![
        (
            "body edit",
            Box::new(|a| edit(a, "content/2024/tb-5.md", "Nội dung 5.", "Nội dung đã sửa của số 5.")),
        ),
        (
            "title edit",
            Box::new(|a| {
                edit(a, "content/2024/tb-4.md", "title: Thông báo số 4", "title: Thông báo đổi tên")
            }),
        ),
        (
            "words added at the end of a body, one already in it",
            Box::new(|a| edit(a, "content/2024/tb-5.md", "của số 5.", "của số 5. Nội dung bổ sung thêm.")),
        ),
        (
            "issuer edit",
            Box::new(|a| {
                edit(a, "content/2024/tb-10.md", "issuer: Văn phòng Tỉnh ủy", "issuer: Ban Tổ chức Tỉnh ủy")
            }),
        ),
        ("date edit", Box::new(|a| edit(a, "content/2024/tb-7.md", "date: 2024-03-08", "date: 2024-05-20"))),
        (
            // Its page moves to another year's folder: the pages that link it from the same
            // year's folder now climb one folder more.
            "a notice dated into another year",
            Box::new(|a| edit(a, "content/2024/tb-8.md", "date: 2024-03-09", "date: 2023-12-20")),
        ),
        ("and back", Box::new(|a| edit(a, "content/2024/tb-8.md", "date: 2023-12-20", "date: 2024-03-09"))),
        (
            "number edit",
            Box::new(|a| edit(a, "content/2024/tb-9.md", "number: 9-TB/VPTU", "number: 19-TB/VPTU")),
        ),
        (
            "relation added",
            Box::new(|a| edit(a, "content/2024/tb-12.md", "tags:", "replaces: [11-TB/VPTU]\ntags:")),
        ),
        ("tag edit", Box::new(|a| edit(a, "content/2024/tb-2.md", "chuyển đổi số", "an ninh mạng"))),
        (
            // The same signer, written in other capitals: the list is hers, its name as most
            // of her notices write it.
            "a signer's name written in other capitals",
            Box::new(|a| edit(a, "content/2024/tb-3.md", "signer: Hà Thị Lan", "signer: HÀ THỊ LAN")),
        ),
        (
            "another signer",
            Box::new(|a| edit(a, "content/2024/tb-3.md", "signer: HÀ THỊ LAN", "signer: Trần Văn Minh")),
        ),
        (
            // The same words, in another order: where they stand moves, their weights do not.
            "words of a paragraph put in another order",
            Box::new(|a| edit(a, "content/2024/qd-5.md", "Áp dụng cho các phòng.", "Các phòng áp dụng cho.")),
        ),
        (
            "an article of a regulation a notice cites taken away",
            Box::new(|a| edit(a, "content/2024/qd-5.md", "**Điều 3. Kiểm tra**", "**Kiểm tra**")),
        ),
        (
            "the article given back",
            Box::new(|a| edit(a, "content/2024/qd-5.md", "**Kiểm tra**", "**Điều 3. Kiểm tra**")),
        ),
        (
            // The same anchors, the third article now the decision's: the citation of the
            // regulation's third article no longer finds it.
            "the regulation's last article moved into the decision",
            Box::new(|a| {
                let moved = "**Điều 3. Kiểm tra**\n\nHằng quý, theo Thông tư số 02/2019/TT-BNV.\n";
                edit(a, "content/2024/qd-5.md", moved, "");
                edit(a, "content/2024/qd-5.md", "## QUY ĐỊNH", &format!("{moved}\n## QUY ĐỊNH"));
            }),
        ),
        (
            "and moved back",
            Box::new(|a| {
                let moved = "**Điều 3. Kiểm tra**\n\nHằng quý, theo Thông tư số 02/2019/TT-BNV.\n";
                edit(a, "content/2024/qd-5.md", &format!("{moved}\n## QUY ĐỊNH"), "## QUY ĐỊNH");
                let text = a.read("content/2024/qd-5.md");
                a.write("content/2024/qd-5.md", &format!("{}\n\n{moved}", text.trim_end()));
            }),
        ),
        (
            "the regulation no longer said to be issued with the decision",
            Box::new(|a| {
                edit(
                    a,
                    "content/2024/qd-5.md",
                    "## QUY ĐỊNH\n\n*(Ban hành kèm theo Quyết định số 5-QĐ/VPTU)*",
                    "## QUY ĐỊNH",
                )
            }),
        ),
        (
            // Cited outside the archive, so linked nowhere: only the list of citations of
            // api/notices.json shows the article.
            "an article named with a citation of a notice outside the archive",
            Box::new(|a| edit(a, "content/2024/kh-6.md", "và Thông tư số", "và Điều 5 Thông tư số")),
        ),
        (
            "another article of it",
            Box::new(|a| edit(a, "content/2024/kh-6.md", "và Điều 5 Thông tư số", "và Điều 6 Thông tư số")),
        ),
        (
            "no issuer named as one whose documents the archive does not publish",
            writes("site.yaml", "title: Kho thử\nexternal_issuers: []\n"),
        ),
        ("the central issuers named again", writes("site.yaml", "title: Kho thử\n")),
        (
            "notice added",
            Box::new(|a| {
                a.write(
                    "content/2024/tb-13.md",
                    &notice(
                        &front("13-TB/VPTU", "2024-06-01", "Thông báo mới", ""),
                        "Theo Thông báo số 12-TB/VPTU.",
                    ),
                );
            }),
        ),
        (
            "notice added before the others",
            Box::new(|a| {
                a.write(
                    "content/2023/tb-1.md",
                    &notice(&front("1-TB/VPTU", "2023-11-01", "Thông báo năm trước", ""), "Nội dung cũ."),
                );
            }),
        ),
        ("notice deleted", Box::new(|a| std::fs::remove_file(a.path("content/2024/tb-6.md")).unwrap())),
        (
            "notice renamed",
            Box::new(|a| {
                std::fs::rename(a.path("content/2024/tb-8.md"), a.path("content/2024/thong-bao-8.md"))
                    .unwrap()
            }),
        ),
        ("attachment edited", writes("content/2024/bc/phu-luc #1.txt", "phụ lục 1, bản sửa")),
        ("static file edited", writes("static/ghi-chu.txt", "ghi chú mới")),
        ("static file added", writes("static/css/them.css", "p { margin: 0 }")),
        (
            "template edited",
            Box::new(|a| {
                let notice = include_str!("../../themes/default/templates/notice.html");
                a.write(
                    "templates/notice.html",
                    &notice.replace(
                        "<aside class=\"notice-index\">",
                        "<aside class=\"notice-index\" data-x=\"1\">",
                    ),
                );
            }),
        ),
        (
            "a component called and a template included in backquotes",
            Box::new(|a| {
                let not_found = include_str!("../../themes/default/templates/404.html");
                let call =
                    "{%- include \"index-links.html\" %}{{<Banner text=\"một\" />}}{% include `them.html` %}";
                a.write(
                    "templates/404.html",
                    &not_found.replace("{%- include \"index-links.html\" %}", call),
                );
                a.write(
                "templates/thanh-phan.html",
                "{% component Banner(text) %}<p class=\"banner\">A {{ text }}</p>{% endcomponent Banner %}",
            );
                a.write("templates/them.html", "<p>Thêm 1</p>");
            }),
        ),
        (
            "a component edited",
            Box::new(|a| {
                edit(a, "templates/thanh-phan.html", "\"banner\">A", "\"banner\">B");
            }),
        ),
        (
            "a template included in backquotes edited",
            Box::new(|a| {
                edit(a, "templates/them.html", "Thêm 1", "Thêm 2");
            }),
        ),
        (
            "label edited",
            Box::new(|a| {
                a.write("site.yaml", "title: Kho thử\ntheme: rieng\n");
                a.write("themes/rieng/labels.yaml", "vi:\n  home: Trang nhà\n");
            }),
        ),
        ("label edited again", writes("themes/rieng/labels.yaml", "vi:\n  home: Trang đầu\n")),
        ("site.yaml edited", writes("site.yaml", "title: Kho thử mới\ntheme: rieng\n")),
        ("static file deleted", Box::new(|a| std::fs::remove_file(a.path("static/ghi-chu.txt")).unwrap())),
        ("raw_html switched on", writes("site.yaml", "title: Kho thử mới\ntheme: rieng\nraw_html: true\n")),
    ]
}
