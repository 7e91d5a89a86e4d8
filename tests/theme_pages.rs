//! The default theme's pages as HTML: the register of notices on lists and the home page, the
//! counts of the indexes, the menu, the 404 page and the shipped fonts.

mod common;

use common::*;

fn register_archive(language: &str) -> TestArchive {
    let archive = TestArchive::new();
    archive.write("site.yaml", &format!("title: Kho thử\nlanguage: {language}\n"));
    archive.write(
        "content/tb-01.md",
        &notice(
            "number: 01-TB/VPTU\ntitle: Kết luận của Thường trực Tỉnh ủy về chuyển đổi số\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-04-02",
            "Thường trực Tỉnh ủy ghi nhận kết quả bước đầu. Thực hiện Nghị quyết số 03-NQ/TU, ngày 10/3/2023 của Ban Chấp hành Đảng bộ tỉnh.",
        ),
    );
    archive.write(
        "content/kh-02.md",
        &notice(
            "number: 02-KH/TU\ntitle: triển khai công tác văn thư, lưu trữ năm 2024\nissuer: Tỉnh ủy Sơn Hà\ndate: 2024-01-15\nstatus: expired",
            "Các cơ quan lập danh mục hồ sơ trước ngày 31/3/2024.",
        ),
    );
    archive.write(
        "content/nq-03.md",
        &notice(
            "number: 03-NQ/TU\ntitle: Về chuyển đổi số trong hệ thống chính trị\nissuer: Tỉnh ủy Sơn Hà\ndate: 2023-03-10",
            "Ban Chấp hành Đảng bộ tỉnh thống nhất đẩy mạnh chuyển đổi số.",
        ),
    );
    archive.build_ok(&[]);
    archive
}

#[test]
fn lists_are_registers_with_the_columns_of_a_records_office() {
    let archive = register_archive("vi");
    // All in force: four columns.
    let page = archive.page("output/loai/thong-bao/index.html");
    assert_eq!(
        texts(&page, "table.register thead th[scope=col]"),
        vec!["Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Cơ quan ban hành"]
    );
    assert_eq!(text(&page, "table.register caption"), "Danh sách văn bản: Thông báo");
    assert_eq!(texts(&page, "table.register tbody th[scope=row]"), vec!["01-TB/VPTU"]);
    assert_eq!(
        attrs(&page, "table.register tbody th a", "href"),
        vec!["../../van-ban/2024/thong-bao-1-tb-vptu/index.html"]
    );
    assert_eq!(texts(&page, "table.register tbody .date"), vec!["2/4/2024"]);
    assert_eq!(texts(&page, "table.register tbody .issuer"), vec!["Văn phòng Tỉnh ủy"]);
    // The list of one type does not repeat the type on every row; the title is as written.
    assert_eq!(texts(&page, "table.register .type"), Vec::<String>::new());
    assert_eq!(
        texts(&page, "table.register .subject"),
        vec!["Kết luận của Thường trực Tỉnh ủy về chuyển đổi số"]
    );

    // A list with a notice no longer in force gets the Hiệu lực column; an issuer's own list
    // does not repeat the issuer on every row.
    let page = archive.page("output/co-quan/tinh-uy-son-ha/index.html");
    assert_eq!(
        texts(&page, "table.register thead th[scope=col]"),
        vec!["Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Hiệu lực"]
    );
    assert!(texts(&page, "table.register .issuer").is_empty());
    assert_eq!(texts(&page, "table.register tbody th"), vec!["02-KH/TU", "03-NQ/TU"]);
    assert_eq!(texts(&page, "table.register tbody td.state"), vec!["Hết hiệu lực", ""]);
    // The type is its own label, the title follows as written (lower case start kept).
    assert_eq!(texts(&page, "table.register .type"), vec!["Kế hoạch", "Nghị quyết"]);
    assert_eq!(
        texts(&page, "table.register .subject"),
        vec!["triển khai công tác văn thư, lưu trữ năm 2024", "Về chuyển đổi số trong hệ thống chính trị"]
    );
    // Every cell of a row names its column, for the stacked rows of a phone.
    assert_eq!(
        attrs(&page, "table.register tbody tr:first-child td", "data-label"),
        vec!["Ngày ban hành", "Trích yếu", "Hiệu lực"]
    );

    // The home page lists the newest notices the same way.
    let home = archive.page("output/index.html");
    assert_eq!(texts(&home, "table.register tbody th"), vec!["01-TB/VPTU", "02-KH/TU", "03-NQ/TU"]);
    assert_eq!(texts(&home, "table.register .type"), vec!["Thông báo", "Kế hoạch", "Nghị quyết"]);
}

#[test]
fn the_register_and_the_counts_speak_english_with_language_en() {
    let archive = register_archive("en");
    let page = archive.page("output/co-quan/tinh-uy-son-ha/index.html");
    assert_eq!(
        texts(&page, "table.register thead th[scope=col]"),
        vec!["Number", "Date issued", "Subject", "Status"]
    );
    assert_eq!(text(&page, "table.register caption"), "List of notices: Tỉnh ủy Sơn Hà");
    assert_eq!(texts(&page, "table.register tbody td.state"), vec!["No longer in force", ""]);
    assert!(text(&page, ".panel > .count").starts_with("2 notices ·"), "{}", text(&page, ".panel > .count"));
    let home = archive.page("output/index.html");
    assert_eq!(
        texts(&home, ".home-indexes .count"),
        vec!["3 types", "2 issuers", "2 years", "0 signers", "0 topics"]
    );
    let issuers = archive.page("output/co-quan/index.html");
    assert_eq!(text(&issuers, ".panel > .count"), "2 issuers");
    assert_eq!(texts(&issuers, ".values .count"), vec!["2 notices", "1 notice"]);
}

#[test]
fn the_notice_sidebar_shows_the_type_apart_from_the_title() {
    let archive = register_archive("vi");
    let page = archive.page("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert_eq!(texts(&page, ".cites .notice-list .type"), vec!["Nghị quyết"]);
    // The title follows the type, in the same line of the list.
    assert_eq!(
        texts(&page, ".cites .notice-list .title"),
        vec!["Nghị quyết Về chuyển đổi số trong hệ thống chính trị"]
    );
}

#[test]
fn the_menu_has_short_names_for_narrow_screens_and_keeps_the_full_name_for_everyone() {
    let archive = register_archive("vi");
    let home = archive.page("output/index.html");
    assert_eq!(
        texts(&home, ".site-nav .nav-long"),
        vec!["Loại văn bản", "Cơ quan ban hành", "Năm ban hành", "Người ký", "Chủ đề"]
    );
    assert_eq!(texts(&home, ".site-nav .nav-short"), vec!["Loại", "Cơ quan", "Năm", "Người ký", "Chủ đề"]);
    assert_eq!(
        attrs(&home, ".site-nav a[aria-label]", "aria-label"),
        vec!["Loại văn bản", "Cơ quan ban hành", "Năm ban hành", "Người ký", "Chủ đề"]
    );
}

#[test]
fn the_404_page_offers_search_and_the_indexes_from_the_site_root() {
    let archive = register_archive("vi");
    let page = archive.page("output/404.html");
    assert_eq!(attrs(&page, "main form[role=search]", "action"), vec!["/search/index.html"]);
    assert_eq!(attrs(&page, "main form[role=search] input[type=search]", "name"), vec!["q"]);
    assert_eq!(
        attrs(&page, "main .index-links a", "href"),
        vec![
            "/loai/index.html",
            "/co-quan/index.html",
            "/nam/index.html",
            "/nguoi-ky/index.html",
            "/chu-de/index.html"
        ]
    );
    assert_eq!(texts(&page, "main .index-links .count")[0], "3 loại văn bản");
    assert_eq!(attrs(&page, "link[rel=stylesheet]", "href"), vec!["/style.css"]);

    archive.build_ok(&["--base-url", "https://congbao.example.vn/"]);
    let page = archive.page("output/404.html");
    assert_eq!(attrs(&page, "main form[role=search]", "action"), vec!["https://congbao.example.vn/search/"]);
    assert_eq!(attrs(&page, "main .index-links a", "href")[1], "https://congbao.example.vn/co-quan/");
    assert_eq!(texts(&page, ".site-nav .nav-short")[1], "Cơ quan");
}

#[test]
fn the_theme_ships_its_serif_for_latin_and_vietnamese_within_400_kb() {
    let archive = register_archive("vi");
    let css = archive.read("output/style.css");
    let mut total = 0;
    for subset in ["latin", "vietnamese"] {
        for face in ["400-normal", "400-italic", "700-normal", "700-italic"] {
            let file = format!("fonts/tinos-{subset}-{face}.woff2");
            let bytes = std::fs::read(archive.path(&format!("output/{file}"))).unwrap();
            assert_eq!(&bytes[..4], b"wOF2", "{file} is WOFF2");
            total += bytes.len();
            assert!(
                css.contains(&format!("url(fonts/tinos-{subset}-{face}.woff2)")),
                "{file} is not declared"
            );
        }
    }
    assert!(total < 400 * 1024, "{total} bytes of fonts");
    assert!(archive.read("output/fonts/OFL.txt").contains("SIL OPEN FONT LICENSE Version 1.1"));
    assert_eq!(css.matches("font-display: swap").count(), 8);
    assert!(css.contains("--serif: \"Gazette Serif\""), "the shipped serif comes first");
}

#[test]
fn pages_carry_no_blank_lines_and_mark_only_what_is_not_in_force() {
    let archive = register_archive("vi");
    // A row or item in force needs no status class: only the others are marked.
    let list = archive.page("output/co-quan/tinh-uy-son-ha/index.html");
    assert_eq!(attrs(&list, "table.register tbody tr", "class"), vec!["status-expired"]);
    assert_eq!(texts(&list, "table.register tbody th"), vec!["02-KH/TU", "03-NQ/TU"]);
    let notice = archive.page("output/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert_eq!(texts(&notice, ".cites .notice-list li .number"), vec!["03-NQ/TU"]);
    assert!(attrs(&notice, ".cites .notice-list li", "class").is_empty());
    // Lines that a false condition of a template would leave empty are not written.
    let pages =
        site_files(&archive.path("output")).into_iter().filter(|(path, _)| path.ends_with(".html")).count();
    assert!(pages > 10, "{pages} pages");
    assert_eq!(pages_with_blank_lines(&archive.path("output")), vec![]);
}
