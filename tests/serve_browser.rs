//! Live reload in a real browser: headless Chromium, driven over WebDriver (chromedriver),
//! opens a page of `gazette serve`; the test edits the notice and the page shows the new text
//! without the test reloading it. Needs Debian's `chromium` and `chromium-driver`; set
//! GAZETTE_SKIP_BROWSER=1 to skip where they cannot be installed.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

/// A chromedriver process and one headless Chromium session.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Option<Browser> {
        let chromedriver = browser_program(&["chromedriver"])?;
        let chromium = browser_program(&["chromium", "chromium-browser"])?;
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::yield_now();
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "goog:chromeOptions": {"binary": chromium, "args": args}
        }}});
        let mut browser = Browser { driver, port, session: String::new(), _profile: profile };
        let created = browser.call("POST", "/session", &capabilities);
        browser.session = created["value"]["sessionId"].as_str().expect("a WebDriver session").to_string();
        Some(browser)
    }

    /// One WebDriver command: JSON over HTTP/1.1.
    fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("chromedriver");
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let body = body.to_string();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let body = read_response(&mut stream);
        serde_json::from_slice(&body).unwrap_or_else(|e| panic!("bad WebDriver answer {e}"))
    }

    fn open(&self, url: &str) {
        self.call("POST", &format!("/session/{}/url", self.session), &json!({ "url": url }));
    }

    fn script(&self, script: &str) -> Value {
        let path = format!("/session/{}/execute/sync", self.session);
        self.call("POST", &path, &json!({"script": script, "args": []}))["value"].clone()
    }

    /// Waits until `script` returns true in the page, polling the browser with a bound.
    fn wait_until(&self, script: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.script(script) != Value::Bool(true) {
            assert!(Instant::now() < deadline, "the page never showed {what}");
        }
    }
}

/// The body of an HTTP response, by its Content-Length (chromedriver keeps connections open).
fn read_response(stream: &mut TcpStream) -> Vec<u8> {
    let mut data = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            while data.len() < end + 4 + length {
                let n = stream.read(&mut buffer).expect("chromedriver answers");
                assert!(n > 0, "chromedriver closed the connection early");
                data.extend_from_slice(&buffer[..n]);
            }
            return data[end + 4..end + 4 + length].to_vec();
        }
        let n = stream.read(&mut buffer).expect("chromedriver answers");
        assert!(n > 0, "chromedriver closed the connection early");
        data.extend_from_slice(&buffer[..n]);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            self.call("DELETE", &format!("/session/{}", self.session), &json!({}));
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

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
    let events = server.events();
    events.wait_for("ok", 30);

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
