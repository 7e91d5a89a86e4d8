//! Headless Chromium driven over WebDriver (chromedriver), for the browser tests. Needs Debian's
//! `chromium` and `chromium-driver`; without them the tests fail unless GAZETTE_SKIP_BROWSER=1.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::browser_program;

/// A chromedriver process and one headless Chromium session.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// A session in a window of the default size; `None` when the browser tests are skipped.
    pub fn start() -> Option<Browser> {
        Self::start_with(&[])
    }

    /// A session with extra Chromium arguments (`--window-size=1280,900`).
    pub fn start_with(extra: &[&str]) -> Option<Browser> {
        Self::start_session(extra, None)
    }

    /// A session that shows pages as a phone `width` × `height` CSS pixels wide (a headless
    /// window cannot be made that narrow).
    pub fn start_phone(width: u32, height: u32) -> Option<Browser> {
        Self::start_session(&[], Some((width, height)))
    }

    fn start_session(extra: &[&str], phone: Option<(u32, u32)>) -> Option<Browser> {
        let chromedriver = browser_program(&["chromedriver"])?;
        let chromium = browser_program(&["chromium", "chromium-browser"])?;
        let (driver, port) = (0..5)
            .find_map(|_| start_driver(&chromedriver))
            .expect("chromedriver did not start on any of five ports");
        let profile = tempfile::tempdir().unwrap();
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--no-first-run".into(),
            "--hide-scrollbars".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        let mut options = json!({"binary": chromium, "args": args});
        if let Some((width, height)) = phone {
            options["mobileEmulation"] = json!({"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0, "touch": true}});
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}});
        let mut browser = Browser { driver, port, session: String::new(), _profile: profile };
        let created = browser.call("POST", "/session", &capabilities);
        browser.session = created["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session: {created}"))
            .to_string();
        Some(browser)
    }

    /// One WebDriver command: JSON over HTTP/1.1.
    pub fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("chromedriver");
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let body = body.to_string();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let body = read_response(&mut stream).expect("chromedriver answers");
        serde_json::from_slice(&body).unwrap_or_else(|e| panic!("bad WebDriver answer {e}"))
    }

    /// Opens `url` and returns once the page has loaded.
    pub fn open(&self, url: &str) {
        self.call("POST", &format!("/session/{}/url", self.session), &json!({ "url": url }));
    }

    /// Runs `script` in the page and returns what it returns.
    pub fn script(&self, script: &str) -> Value {
        let path = format!("/session/{}/execute/sync", self.session);
        self.call("POST", &path, &json!({"script": script, "args": []}))["value"].clone()
    }

    /// Runs `script`, which calls `done(value)` when it has finished, and returns that value.
    pub fn script_async(&self, script: &str) -> Value {
        let path = format!("/session/{}/execute/async", self.session);
        let script = format!("const done = arguments[arguments.length - 1];\n{script}");
        self.call("POST", &path, &json!({"script": script, "args": []}))["value"].clone()
    }

    /// Waits until `script` returns true in the page, polling the browser with a bound.
    pub fn wait_until(&self, script: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.script(script) != Value::Bool(true) {
            assert!(Instant::now() < deadline, "the page never showed {what}");
        }
    }
}

/// A chromedriver on a free port, once it says it is ready; `None` when the port it was given
/// turned out to be taken (another test's server may bind it between the check and the start),
/// or it did not get ready.
fn start_driver(chromedriver: &std::path::Path) -> Option<(Child, u16)> {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut driver = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let exited = driver.try_wait().ok().flatten().is_some();
        // Whatever answers must be this chromedriver, not another program on the port: one that
        // could not bind may exit while another answers, so whether it runs is asked again after.
        if !exited && driver_ready(port) && driver.try_wait().ok().flatten().is_none() {
            return Some((driver, port));
        }
        if exited || Instant::now() >= deadline {
            let _ = driver.kill();
            let _ = driver.wait();
            return None;
        }
        std::thread::yield_now();
    }
}

/// Whether a chromedriver on `port` answers its status as ready.
fn driver_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    if write!(stream, "GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").is_err() {
        return false;
    }
    read_response(&mut stream)
        .ok()
        .and_then(|body| serde_json::from_slice::<Value>(&body).ok())
        .is_some_and(|status| status["value"]["ready"] == true)
}

/// The body of an HTTP response, by its Content-Length (chromedriver keeps connections open).
fn read_response(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let closed = || std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the connection closed early");
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
                let n = stream.read(&mut buffer)?;
                if n == 0 {
                    return Err(closed());
                }
                data.extend_from_slice(&buffer[..n]);
            }
            return Ok(data[end + 4..end + 4 + length].to_vec());
        }
        let n = stream.read(&mut buffer)?;
        if n == 0 {
            return Err(closed());
        }
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
