//! Live reload in a real browser: headless Chromium, driven over WebDriver (chromedriver),
//! opens a page of `gazette serve`; the test edits the notice and the page shows the new text
//! without the test reloading it. Needs Debian's `chromium` and `chromium-driver`; set
//! GAZETTE_SKIP_BROWSER=1 to skip where they cannot be installed.

mod common;

use common::webdriver::Browser;
use common::*;
use serde_json::Value;

#[test]
fn an_open_page_shows_the_edit_without_reloading_by_hand() {
    let Some(browser) = Browser::start() else { return };
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &simple("07-TB/VPTU", "2024-03-01", "Thông báo thử", "Dòng chữ cũ trong trang."),
    );
    archive.write("static/extra.css", "body { color: rgb(1, 2, 3); }");
    let server = Server::start(&archive, &[]);
    let url = format!("http://{}/van-ban/2024/thong-bao-7-tb-vptu/index.html", server.address);
    browser.open(&url);
    browser.wait_until("return document.body.innerText.includes('Dòng chữ cũ')", "the old text");
    // Mark this page load: a reload by the page itself clears the mark.
    browser.script("window.gazetteMark = 1; return true;");
    let _events = server.ready_events();

    archive.write(
        "content/a.md",
        &simple("07-TB/VPTU", "2024-03-01", "Thông báo thử", "Dòng chữ mới sau khi lưu."),
    );
    browser.wait_until("return document.body.innerText.includes('Dòng chữ mới sau khi lưu')", "the new text");
    assert_eq!(
        browser.script("return window.gazetteMark === undefined"),
        Value::Bool(true),
        "the page reloaded itself"
    );

    // Broken front-matter: the page shows the error and keeps its text.
    archive.write("content/a.md", "---\nnumber: 07-TB/VPTU\ntitle: [hỏng\n---\n");
    browser.wait_until(
        "var o = document.getElementById('gazette-errors'); return !!o && o.innerText.includes('content/a.md:3:')",
        "the error overlay",
    );
    assert_eq!(browser.script("return document.body.innerText.includes('Dòng chữ mới')"), Value::Bool(true));
    // A stylesheet saved meanwhile is swapped in, and the error stays shown.
    archive.write("static/style.css", "body { color: rgb(40, 50, 60); }");
    browser.wait_until(
        "return getComputedStyle(document.body).color === 'rgb(40, 50, 60)'",
        "the stylesheet saved while the content is broken",
    );
    assert_eq!(browser.script("return !!document.getElementById('gazette-errors')"), Value::Bool(true));
    archive.write("content/a.md", &simple("07-TB/VPTU", "2024-03-01", "Thông báo thử", "Đã sửa xong."));
    browser.wait_until(
        "return !document.getElementById('gazette-errors') && document.body.innerText.includes('Đã sửa xong')",
        "the fixed page without the overlay",
    );

    // A stylesheet change swaps the stylesheet without reloading the page.
    browser.script("window.gazetteMark = 2; return true;");
    archive.write("static/style.css", "body { color: rgb(10, 20, 30); }");
    browser.wait_until(
        "return getComputedStyle(document.body).color === 'rgb(10, 20, 30)'",
        "the new stylesheet",
    );
    assert_eq!(
        browser.script("return window.gazetteMark === 2"),
        Value::Bool(true),
        "no reload for a stylesheet"
    );
}

#[test]
fn an_open_page_reconnects_to_a_restarted_server_and_shows_what_changed_meanwhile() {
    let Some(browser) = Browser::start() else { return };
    let archive = TestArchive::new();
    archive.write(
        "content/a.md",
        &simple("08-TB/VPTU", "2024-03-01", "Thông báo thử", "Trước khi khởi động lại."),
    );
    let server = Server::start(&archive, &[]);
    let port = server.port();
    browser.open(&format!("http://{}/van-ban/2024/thong-bao-8-tb-vptu/index.html", server.address));
    browser
        .wait_until("return document.body.innerText.includes('Trước khi khởi động lại')", "the first text");
    browser.script("window.gazetteMark = 3; return true;");
    drop(server);
    archive
        .write("content/a.md", &simple("08-TB/VPTU", "2024-03-01", "Thông báo thử", "Sửa khi máy chủ tắt."));
    let _restarted = Server::start_on(&archive, port, &[]);
    browser.wait_until(
        "return window.gazetteMark === undefined && document.body.innerText.includes('Sửa khi máy chủ tắt')",
        "the page reloaded from the new server",
    );
}
