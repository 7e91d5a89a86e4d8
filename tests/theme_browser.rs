//! The default theme in a real browser: the shipped serif sets the notice text, the register
//! of notices fills the panel on a desktop and stacks on a phone, a long list of citing notices
//! shows ten until asked for more, and a long notice prints on A4 with page numbers from page 2
//! and its signature never alone on the last page.
//!
//! Needs Debian's `chromium`, `chromium-driver` and `poppler-utils` (pdftotext, pdffonts).
//! Without them the tests fail, unless GAZETTE_SKIP_BROWSER=1 is set, which skips them.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{OnceLock, mpsc};
use std::time::Duration;

use common::webdriver::Browser;
use common::*;
use serde_json::Value;

/// How long one Chromium or poppler run may take, wall time, before the test fails.
const PROGRAM_TIMEOUT: Duration = Duration::from_secs(120);

fn front(number: &str, date: &str, title: &str, issuer: &str, extra: &str) -> String {
    format!("number: {number}\ntitle: {title}\nissuer: {issuer}\ndate: {date}\n{extra}")
}

/// A few notices of several types and issuers, one of them no longer in force.
fn screen_archive() -> &'static TestArchive {
    static BUILT: OnceLock<TestArchive> = OnceLock::new();
    BUILT.get_or_init(|| {
        let archive = TestArchive::new();
        archive.write("site.yaml", "title: Kho lưu trữ văn bản tỉnh Sơn Hà\n");
        let tu = "Tỉnh ủy Sơn Hà";
        let rows = [
            ("31-TB/VPTU", "2025-03-12", "Kết luận của Thường trực Tỉnh ủy về công tác phòng, chống thiên tai năm 2025", "Văn phòng Tỉnh ủy", ""),
            ("12-NQ/TU", "2024-06-20", "Về đẩy mạnh chuyển đổi số trong hệ thống chính trị của tỉnh đến năm 2030", tu, ""),
            ("05-KH/TU", "2024-02-01", "Thực hiện Nghị quyết về chuyển đổi số và cải cách hành chính năm 2024", tu, "status: expired"),
            ("1487/QĐ-UBND", "2023-11-30", "Quyết định phê duyệt danh mục cơ sở dữ liệu dùng chung của tỉnh giai đoạn 2024 - 2026", "Ủy ban nhân dân tỉnh Sơn Hà", ""),
        ];
        for (number, date, title, issuer, extra) in rows {
            let file = format!("content/{}.md", number.replace('/', "-"));
            archive.write(
                &file,
                &notice(
                    &front(number, date, title, issuer, extra),
                    "Ủy ban nhân dân các huyện, thành phố rà soát hồ sơ; mỗi cơ quan cử một đồng chí lãnh đạo \
                     phụ trách, báo cáo kết quả trước ngày 15 hằng tháng. Ưu tiên xã vùng cao, biên giới.",
                ),
            );
        }
        archive.build_ok(&[]);
        archive
    })
}

fn file_url(archive: &TestArchive, page: &str) -> String {
    format!("file://{}", archive.path(&format!("output/{page}")).display())
}

/// Waits until every font the page uses has loaded, then returns `script`'s value.
fn after_fonts(browser: &Browser, script: &str) -> Value {
    browser.script_async(&format!(
        "document.fonts.ready.then(() => {{ const result = (() => {{ {script} }})(); done(result); }});"
    ))
}

#[test]
fn the_notice_text_is_set_in_the_shipped_serif() {
    let Some(browser) = Browser::start_with(&["--window-size=1280,900"]) else { return };
    let archive = screen_archive();
    browser.open(&file_url(archive, "van-ban/2024/nghi-quyet-12-nq-tu/index.html"));
    let faces = after_fonts(
        &browser,
        "return [...document.fonts].filter(f => f.status === 'loaded')
             .map(f => [f.family.replace(/\"/g, ''), f.style, f.weight, f.unicodeRange]);",
    );
    let faces = faces.as_array().expect("a list of faces");
    let loaded = |style: &str, weight: &str, range: &str| {
        faces.iter().any(|f| {
            f[0] == "Gazette Serif"
                && f[1] == style
                && f[2] == weight
                && f[3].as_str().unwrap().contains(range)
        })
    };
    // Body (regular), issuer and title (bold), date line (italic), each in both subsets:
    // U+1EA0–1EF9 holds ậ, ủ, ữ…, U+0000–00FF the plain Latin letters.
    for (style, weight) in [("normal", "400"), ("normal", "700"), ("italic", "400")] {
        for range in ["U+0-FF", "U+1EA0-1EF9"] {
            assert!(loaded(style, weight, range), "{style} {weight} {range} not loaded: {faces:?}");
        }
    }
    let family =
        browser.script("return getComputedStyle(document.querySelector('.notice-body p')).fontFamily");
    assert!(family.as_str().unwrap().starts_with("\"Gazette Serif\""), "{family}");
    // The letters that other fonts used to fill in are the shipped font's own.
    assert_eq!(
        browser.script("return document.fonts.check('14pt \"Gazette Serif\"', 'ơ ư ủ ậ Ơ Ư Đ đ')"),
        true
    );
}

/// The box of the register and of the panel, and how the page fits the window.
fn register_geometry(browser: &Browser, url: &str) -> Value {
    browser.open(url);
    after_fonts(
        browser,
        "const table = document.querySelector('table.register');
         const panel = table.closest('.panel').getBoundingClientRect();
         const rows = [...table.tBodies[0].rows];
         const first = rows[0];
         const box = e => e.getBoundingClientRect();
         return {
           window: window.innerWidth,
           page: document.documentElement.scrollWidth,
           table: box(table).width, left: box(table).left, panel: panel.width,
           head: box(table.tHead).height,
           rowDisplay: getComputedStyle(first).display,
           numberTop: box(first.cells[0]).top, titleTop: box(first.querySelector('.title')).top,
           numberRight: box(first.cells[0]).right, titleLeft: box(first.querySelector('.title')).left,
           cellsInside: rows.every(r => [...r.cells].every(c => box(c).right <= box(table).right + 0.5)),
           navItems: [...document.querySelectorAll('.site-nav a')].map(a => a.getClientRects().length),
           navRight: box(document.querySelector('.site-nav')).right,
         };",
    )
}

#[test]
fn the_register_fills_the_panel_on_a_desktop() {
    let Some(browser) = Browser::start_with(&["--window-size=1280,900"]) else { return };
    let archive = screen_archive();
    let g = register_geometry(&browser, &file_url(archive, "co-quan/tinh-uy-son-ha/index.html"));
    assert_eq!(g["window"], 1280, "{g}");
    let (table, panel) = (g["table"].as_f64().unwrap(), g["panel"].as_f64().unwrap());
    // The panel is at most 64rem wide and centred; the table is its full inner width.
    assert!((1000.0..=1024.5).contains(&panel), "{g}");
    assert!(table > panel - 60.0 && table < panel, "{g}");
    assert!(g["left"].as_f64().unwrap() > 100.0, "the table starts well inside the window: {g}");
    // One row a line: the columns side by side, the header shown.
    assert_eq!(g["rowDisplay"], "table-row", "{g}");
    assert!(g["head"].as_f64().unwrap() > 20.0, "{g}");
    assert!((g["numberTop"].as_f64().unwrap() - g["titleTop"].as_f64().unwrap()).abs() < 1.0, "{g}");
    assert!(g["titleLeft"].as_f64().unwrap() > g["numberRight"].as_f64().unwrap(), "{g}");
    assert_eq!(g["cellsInside"], true, "{g}");
    assert_eq!(g["page"], 1280, "nothing wider than the window: {g}");
    // The full menu fits on the line beside the title, no item broken.
    assert!(g["navItems"].as_array().unwrap().iter().all(|n| n == 1), "{g}");
}

#[test]
fn the_register_stacks_its_rows_on_a_phone() {
    let Some(browser) = Browser::start_phone(390, 844) else { return };
    let archive = screen_archive();
    for page in ["co-quan/tinh-uy-son-ha/index.html", "index.html"] {
        let g = register_geometry(&browser, &file_url(archive, page));
        assert_eq!(g["window"], 390, "{page}: {g}");
        let table = g["table"].as_f64().unwrap();
        assert!(table <= 390.0 - 24.0 && table > 300.0, "{page}: the table fits the panel: {g}");
        assert_eq!(g["page"], 390, "{page}: nothing wider than the phone: {g}");
        // Each row is a card: the title under the number, the header only for screen readers.
        assert_ne!(g["rowDisplay"], "table-row", "{page}: {g}");
        assert!(g["titleTop"].as_f64().unwrap() > g["numberTop"].as_f64().unwrap() + 10.0, "{page}: {g}");
        assert!(g["head"].as_f64().unwrap() <= 1.0, "{page}: {g}");
        assert_eq!(g["cellsInside"], true, "{page}: {g}");
        // The menu: no item split over two lines, none past the window's edge.
        let items = g["navItems"].as_array().unwrap();
        assert_eq!(items.len(), 7, "{page}: {g}");
        assert!(items.iter().all(|n| n == 1), "{page}: a menu item broke inside: {g}");
        assert!(g["navRight"].as_f64().unwrap() <= 390.0, "{page}: {g}");
    }
}

#[test]
fn a_long_list_of_citing_notices_shows_ten_until_asked_for_the_rest() {
    let Some(browser) = Browser::start_phone(390, 844) else { return };
    let archive = TestArchive::new();
    let issuer = "Văn phòng Tỉnh ủy";
    archive.write(
        "content/tb-1.md",
        &notice(&front("1-TB/VPTU", "2024-01-05", "Lịch làm việc", issuer, ""), "Nội dung."),
    );
    for n in 1..=14 {
        archive.write(
            &format!("content/kh-{n}.md"),
            &notice(
                &front(
                    &format!("{n}-KH/VPTU"),
                    "2024-03-01",
                    "Kế hoạch triển khai lịch làm việc",
                    issuer,
                    "",
                ),
                "Thực hiện Thông báo số 1-TB/VPTU của Văn phòng Tỉnh ủy.",
            ),
        );
    }
    archive.build_ok(&[]);
    browser.open(&file_url(&archive, "van-ban/2024/thong-bao-1-tb-vptu/index.html"));
    // Whether each citing notice is rendered: a folded one is skipped, as the browser sees it.
    let rendered = "return [...document.querySelectorAll('.cited-by li')].map(li => li.checkVisibility());";
    let shown = |v: &Value| v.as_array().unwrap().iter().filter(|seen| **seen == true).count();
    let before = browser.script(rendered);
    assert_eq!(before.as_array().unwrap().len(), 14, "{before}");
    assert_eq!(shown(&before), 10, "ten shown, the rest folded: {before}");
    let summary = browser
        .script("const s = document.querySelector('.cited-by summary'); s.click(); return s.textContent;");
    assert_eq!(summary, "Xem thêm 4 văn bản");
    let after = browser.script(rendered);
    assert_eq!(shown(&after), 14, "all shown once asked for: {after}");
}

#[test]
fn the_national_heading_stays_one_line_on_the_narrowest_phone() {
    let Some(browser) = Browser::start_phone(320, 700) else { return };
    let archive = screen_archive();
    browser.open(&file_url(archive, "van-ban/2023/quyet-dinh-1487-qd-ubnd/index.html"));
    let heading = after_fonts(
        &browser,
        "const national = document.querySelector('.national');
         const lines = national.getClientRects().length === 1
           ? Math.round(national.getBoundingClientRect().height / parseFloat(getComputedStyle(national).lineHeight))
           : -1;
         const block = national.closest('.notice').getBoundingClientRect();
         return { window: window.innerWidth, lines, right: national.getBoundingClientRect().right, inside: block.right };",
    );
    assert_eq!(heading["window"], 320, "{heading}");
    assert_eq!(heading["lines"], 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM on one line: {heading}");
    assert!(heading["right"].as_f64().unwrap() <= heading["inside"].as_f64().unwrap(), "{heading}");
}

// ---------- Print ----------

/// Sentences of the body, combined into paragraphs of different lengths.
const SENTENCES: [&str; 8] = [
    "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng quán triệt sâu sắc nội dung của văn bản này đến từng chi bộ và đảng viên.",
    "Các cơ quan tham mưu rà soát chức năng, nhiệm vụ, đề xuất sắp xếp tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả.",
    "Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành bố trí nguồn lực, ưu tiên cho hạ tầng số, cơ sở dữ liệu dùng chung và đào tạo cán bộ.",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tăng cường giám sát, phản biện, kịp thời phản ánh tâm tư, nguyện vọng của nhân dân.",
    "Việc tổ chức thực hiện phải gắn với kiểm tra, đôn đốc thường xuyên; định kỳ sáu tháng báo cáo kết quả về Văn phòng Tỉnh ủy.",
    "Những nơi làm chưa tốt phải chỉ rõ trách nhiệm của tập thể, cá nhân, nhất là người đứng đầu, và có biện pháp khắc phục ngay.",
    "Hội đồng nhân dân tỉnh xem xét, ban hành cơ chế hỗ trợ các xã vùng cao, biên giới trong ứng dụng công nghệ thông tin.",
    "Báo Sơn Hà, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục tuyên truyền, biểu dương các mô hình hay, cách làm hiệu quả.",
];

/// The last paragraph; its opening words are nowhere else in the notice.
const LAST_PARAGRAPH: &str = "Nghị quyết này được phổ biến đến chi bộ; các cấp ủy, tổ chức đảng căn cứ tình hình thực tế \
     xây dựng kế hoạch thực hiện, báo cáo kết quả về Ban Thường vụ Tỉnh ủy trước ngày 15 tháng 12 hằng năm.[^1]";

/// The note of the last paragraph: between it and the footer, kept with both.
const LAST_NOTE: &str = "[^1]: Theo lịch công tác năm của Ban Thường vụ Tỉnh ủy.";

/// A notice of about six A4 pages; `extra` one-line paragraphs move where its pages break.
fn long_notice(number: &str, extra: usize) -> String {
    let mut body = String::from(
        "Tại Hội nghị lần thứ mười, Ban Chấp hành Đảng bộ tỉnh đã thảo luận và thống nhất ban hành \
         Nghị quyết với những nội dung sau đây.\n\n",
    );
    for section in 0..4 {
        body.push_str(&format!("**{}. Nhiệm vụ trọng tâm thứ {}**\n\n", section + 1, section + 1));
        for paragraph in 0..9 {
            let start = section * 3 + paragraph;
            let length = 2 + (start % 3);
            let text: Vec<&str> = (0..length).map(|i| SENTENCES[(start + i) % SENTENCES.len()]).collect();
            body.push_str(&text.join(" "));
            body.push_str("\n\n");
        }
        if section == 1 {
            body.push_str(
                "- Rà soát, cập nhật danh mục thủ tục hành chính trực tuyến;\n\
                 - Số hóa hồ sơ lưu trữ của các cơ quan đảng;\n\
                 - Bồi dưỡng kỹ năng số cho cán bộ cấp xã.\n\n",
            );
        }
    }
    for i in 0..extra {
        body.push_str(&format!(
            "Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc nội dung bổ sung thứ {}.\n\n",
            i + 1
        ));
    }
    body.push_str(LAST_PARAGRAPH);
    body.push_str("\n\n");
    body.push_str(LAST_NOTE);
    notice(
        &format!(
            "number: {number}\ntitle: Về đẩy mạnh chuyển đổi số trong hệ thống chính trị\n\
             issuer: Tỉnh ủy Sơn Hà\ndate: 2024-06-20\nplace: Sơn Hà\n\
             signer:\n  name: Lương Quốc Thái\n  title: Bí thư\n  authority: T/M TỈNH ỦY\n\
             recipients:\n  - Ban Bí thư Trung ương Đảng (để báo cáo)\n  - Văn phòng Trung ương Đảng\n\
             \x20 - Các đồng chí Tỉnh ủy viên\n  - Các huyện ủy, thành ủy trực thuộc Tỉnh ủy\n\
             \x20 - Các ban đảng, Văn phòng Tỉnh ủy\n  - Lưu Văn phòng Tỉnh ủy"
        ),
        &body,
    )
}

/// How many variants of the long notice are printed: each one line longer than the last, so
/// that together they put a page break at every line of the footer's height.
const VARIANTS: usize = 10;

fn print_archive() -> &'static TestArchive {
    static BUILT: OnceLock<TestArchive> = OnceLock::new();
    BUILT.get_or_init(|| {
        let archive = TestArchive::new();
        archive.write("site.yaml", "title: Kho lưu trữ văn bản tỉnh Sơn Hà\n");
        for extra in 0..VARIANTS {
            let number = format!("{}-NQ/TU", 20 + extra);
            archive.write(&format!("content/nq-{extra}.md"), &long_notice(&number, extra));
        }
        archive.build_ok(&[]);
        archive
    })
}

/// Runs a program to its end within the timeout; its standard output.
fn run(program: &Path, args: &[&str]) -> String {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("start {}: {e}", program.display()));
    let (done, finished) = mpsc::channel();
    let (mut stdout, mut stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    std::thread::spawn(move || {
        let (mut out, mut err) = (Vec::new(), String::new());
        let _ = stdout.read_to_end(&mut out);
        let _ = stderr.read_to_string(&mut err);
        let _ = done.send((out, err));
    });
    let Ok((out, err)) = finished.recv_timeout(PROGRAM_TIMEOUT) else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("{} {args:?} did not finish within {PROGRAM_TIMEOUT:?}", program.display());
    };
    let status = child.wait().unwrap();
    assert!(status.success(), "{} {args:?} failed ({status}):\n{err}", program.display());
    String::from_utf8_lossy(&out).into_owned()
}

/// The programs the print test needs, or `None` when the browser tests are skipped.
struct PrintTools {
    chromium: PathBuf,
    pdftotext: PathBuf,
    pdffonts: PathBuf,
}

fn print_tools() -> Option<PrintTools> {
    Some(PrintTools {
        chromium: browser_program(&["chromium", "chromium-browser"])?,
        pdftotext: browser_program(&["pdftotext"])?,
        pdffonts: browser_program(&["pdffonts"])?,
    })
}

/// Prints a page to PDF as a person would from Chromium, without the browser's own header
/// and footer; the text of each page.
fn print_pages(tools: &PrintTools, url: &str, pdf: &Path) -> Vec<String> {
    let profile = tempfile::tempdir().unwrap();
    run(
        &tools.chromium,
        &[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            &format!("--user-data-dir={}", profile.path().display()),
            "--no-pdf-header-footer",
            "--virtual-time-budget=5000",
            &format!("--print-to-pdf={}", pdf.display()),
            url,
        ],
    );
    // pdftotext ends every page with a form feed.
    let text = run(&tools.pdftotext, &["-layout", "-q", pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    assert_eq!(pages.pop().as_deref().map(str::trim), Some(""), "text after the last page");
    pages
}

fn lines(page: &str) -> Vec<&str> {
    page.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

#[test]
fn a_list_of_notices_prints_its_titles_at_a_readable_width() {
    let Some(tools) = print_tools() else { return };
    let archive = print_archive();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("list.pdf");
    let pages = print_pages(&tools, &file_url(archive, "loai/nghi-quyet/index.html"), &pdf);
    // Ten rows: one page, not one word of title a line over several.
    assert_eq!(pages.len(), 1, "{pages:?}");
    let all = pages.concat();
    assert!(all.contains("Về đẩy mạnh chuyển đổi số trong hệ"), "{all}");
}

#[test]
fn a_long_notice_prints_numbered_pages_and_keeps_its_signature_with_the_text() {
    let Some(tools) = print_tools() else { return };
    let archive = print_archive();
    let out = tempfile::tempdir().unwrap();
    for extra in 0..VARIANTS {
        let number = 20 + extra;
        let url = file_url(archive, &format!("van-ban/2024/nghi-quyet-{number}-nq-tu/index.html"));
        let pdf = out.path().join(format!("{number}.pdf"));
        let pages = print_pages(&tools, &url, &pdf);
        let report =
            || pages.iter().enumerate().map(|(i, p)| format!("--- page {}\n{p}", i + 1)).collect::<String>();
        assert!((5..=7).contains(&pages.len()), "{number}: {} pages\n{}", pages.len(), report());

        // Page 1 starts with the header, unnumbered; every later page with its number.
        assert!(lines(&pages[0])[0].contains("TỈNH ỦY SƠN HÀ"), "{number}\n{}", report());
        for (i, page) in pages.iter().enumerate().skip(1) {
            assert_eq!(lines(page)[0], (i + 1).to_string(), "{number}: page {} starts\n{}", i + 1, report());
        }

        // The last page holds the whole last paragraph, then "Nơi nhận" and the signature.
        let last = lines(pages.last().unwrap());
        let recipients = last.iter().position(|l| l.starts_with("Nơi nhận:"));
        let recipients =
            recipients.unwrap_or_else(|| panic!("{number}: no recipients on the last page\n{}", report()));
        let before = &last[1..recipients];
        assert!(
            before.iter().any(|l| l.starts_with("Nghị quyết này được phổ biến")),
            "{number}: the signature page lacks the last paragraph: {before:?}\n{}",
            report()
        );
        assert!(last.iter().any(|l| l.contains("Lương Quốc Thái")), "{number}\n{}", report());

        // A paragraph that opens a section is never the last line of a page.
        for (i, page) in pages.iter().enumerate() {
            let end = lines(page).last().copied().unwrap_or("");
            assert!(
                !end.contains("Nhiệm vụ trọng tâm thứ"),
                "{number}: page {} ends with a heading\n{}",
                i + 1,
                report()
            );
        }
        assert!(last.iter().any(|l| l.contains("Lưu Văn phòng Tỉnh ủy")), "{number}\n{}", report());

        // Lists are marked with dashes, as on paper.
        let all = pages.concat();
        assert!(
            all.lines().any(|l| l.trim().starts_with("- Số hóa hồ sơ lưu trữ")),
            "{number}\n{}",
            report()
        );
        assert!(!all.contains('•'), "{number}: round bullets\n{}", report());

        // Every letter is the shipped serif's: no font filled in.
        let fonts = run(&tools.pdffonts, &[pdf.to_str().unwrap()]);
        let names: Vec<&str> = fonts.lines().skip(2).filter_map(|l| l.split_whitespace().next()).collect();
        assert!(!names.is_empty(), "{fonts}");
        assert!(names.iter().all(|n| n.contains("Tinos")), "{number}: fonts other than Tinos:\n{fonts}");
    }
}
