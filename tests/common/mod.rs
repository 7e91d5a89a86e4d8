//! Test archives: temp folders with content written by the test, and the binary run on them.
#![allow(dead_code)]

pub mod compare;
pub mod webdriver;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use scraper::{Html, Selector};

pub struct TestArchive {
    pub dir: tempfile::TempDir,
}

impl TestArchive {
    pub fn new() -> Self {
        TestArchive { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) -> &Self {
        self.write_bytes(relative, text.as_bytes())
    }

    pub fn write_bytes(&self, relative: &str, bytes: &[u8]) -> &Self {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
    }

    pub fn exists(&self, relative: &str) -> bool {
        self.path(relative).exists()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let mut command = Command::cargo_bin("gazette").unwrap();
        command.current_dir(self.root()).args(args).output().expect("run gazette")
    }

    /// Runs `gazette build` and asserts it succeeded.
    pub fn build_ok(&self, extra: &[&str]) -> Output {
        let output = self.run(&[&["build"], extra].concat());
        assert!(output.status.success(), "build failed:\n{}", stderr(&output));
        output
    }

    /// Runs `gazette build` as of noon (UTC) of `day`, as reproducible builds set it, and
    /// asserts it succeeded.
    pub fn build_on(&self, day: &str, extra: &[&str]) -> Output {
        let noon = day.parse::<jiff::civil::Date>().unwrap().at(12, 0, 0, 0);
        let seconds = noon.to_zoned_datetime(jiff::tz::TimeZone::UTC).unwrap().timestamp().as_second();
        let mut command = Command::cargo_bin("gazette").unwrap();
        command.current_dir(self.root()).env("SOURCE_DATE_EPOCH", seconds.to_string());
        let output = command.args([&["build"], extra].concat()).output().expect("run gazette");
        assert!(output.status.success(), "build failed:\n{}", stderr(&output));
        output
    }

    pub fn page(&self, relative: &str) -> Html {
        Html::parse_document(&self.read(relative))
    }
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Text of every element matching `selector`, whitespace collapsed.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap_or_else(|e| panic!("bad selector {selector}: {e:?}"));
    html.select(&selector)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

pub fn text(html: &Html, selector: &str) -> String {
    texts(html, selector).join(" | ")
}

pub fn attrs(html: &Html, selector: &str, attr: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector).filter_map(|e| e.value().attr(attr).map(str::to_string)).collect()
}

/// A notice file: front-matter lines and a body.
pub fn notice(front_matter: &str, body: &str) -> String {
    format!("---\n{}\n---\n\n{}\n", front_matter.trim(), body)
}

/// A minimal valid notice with the given number, date, title and body.
pub fn simple(number: &str, date: &str, title: &str, body: &str) -> String {
    notice(&format!("number: {number}\ntitle: {title}\nissuer: Văn phòng Tỉnh ủy\ndate: {date}"), body)
}

/// Every file under `dir`, relative path to bytes.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir(dir)
        .into_iter()
        .map(|p| (p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

/// The files of a built output, without Gazette's own folder (its marker and build state).
pub fn site_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    snapshot(dir).into_iter().filter(|(path, _)| !path.starts_with(".gazette/")).collect()
}

/// The HTML pages of a built output that have a line empty or of spaces only, each with the
/// number of its first such line.
pub fn pages_with_blank_lines(output: &Path) -> Vec<(String, usize)> {
    site_files(output)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .filter_map(|(path, bytes)| {
            let blank = String::from_utf8_lossy(&bytes).lines().position(|line| line.trim().is_empty());
            blank.map(|line| (path, line + 1))
        })
        .collect()
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walkdir(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// A running `gazette serve`, stopped when dropped.
pub struct Server {
    child: std::process::Child,
    pub address: String,
    /// What the server prints on stderr, line by line.
    stderr: std::sync::mpsc::Receiver<String>,
}

impl Server {
    /// Starts `gazette serve --port 0` on the archive and waits for its address.
    pub fn start(archive: &TestArchive, extra: &[&str]) -> Server {
        Self::start_on(archive, 0, extra)
    }

    /// The server's process, to look at from outside (`/proc/PID/…`).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.address.rsplit(':').next().and_then(|p| p.parse().ok()).expect("a port")
    }

    /// Starts `gazette serve` on a given port (0: any free port).
    pub fn start_on(archive: &TestArchive, port: u16, extra: &[&str]) -> Server {
        use std::io::BufRead;
        let binary = assert_cmd::cargo::cargo_bin("gazette");
        let mut child = std::process::Command::new(binary)
            .args(["serve", "--root"])
            .arg(archive.root())
            .args(["--port", &port.to_string()])
            .args(extra)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start gazette serve");
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let (error_sender, error_lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = error_sender.send(line);
            }
        });
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = sender.send(line);
            }
        });
        let line =
            receiver.recv_timeout(std::time::Duration::from_secs(60)).expect("serve prints its address");
        let address = line
            .split("http://")
            .nth(1)
            .expect("an http address")
            .trim_end_matches(|c| c != '/')
            .trim_end_matches('/');
        let address = address.split_whitespace().next().unwrap().to_string();
        Server { child, address, stderr: error_lines }
    }

    /// Waits until the server prints a line on stderr that contains `text`; returns it.
    pub fn wait_for_stderr(&self, text: &str, seconds: u64) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.stderr.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!("the server did not print {text:?}; it printed:\n{}", seen.join("\n"));
    }

    pub fn get(&self, path: &str) -> (u16, Vec<u8>) {
        http_get(&self.address, path)
    }

    pub fn get_text(&self, path: &str) -> (u16, String) {
        let (status, body) = self.get(path);
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    pub fn events(&self) -> EventStream {
        EventStream::open(&self.address)
    }

    /// The live-reload events, once the preview has said its first build is ready.
    pub fn ready_events(&self) -> EventStream {
        let events = self.events();
        events.wait_for("ok", 30);
        events
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A raw HTTP/1.1 GET: (status, body). The path is sent as given, unnormalised.
pub fn http_get(address: &str, path: &str) -> (u16, Vec<u8>) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).expect("connect");
    stream.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read response");
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").expect("response head");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let status: u16 = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).expect("status");
    let mut body = response[split + 4..].to_vec();
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    (status, body)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..line_end]).unwrap().trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[line_end + 2..line_end + 2 + size]);
        data = &data[line_end + 2 + size + 2..];
    }
    out
}

/// Server-sent events read on a thread: (event, data) pairs.
pub struct EventStream {
    receiver: std::sync::mpsc::Receiver<(String, String)>,
}

impl EventStream {
    pub fn open(address: &str) -> EventStream {
        use std::io::{BufRead, Write};
        let mut stream = std::net::TcpStream::connect(address).expect("connect events");
        write!(
            stream,
            "GET /__gazette/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let reader = std::io::BufReader::new(stream);
            let mut event = String::new();
            for line in reader.lines().map_while(Result::ok) {
                if let Some(name) = line.strip_prefix("event: ") {
                    event = name.to_string();
                } else if let Some(data) = line.strip_prefix("data: ")
                    && sender.send((std::mem::take(&mut event), data.to_string())).is_err()
                {
                    break;
                }
            }
        });
        EventStream { receiver }
    }

    /// Waits for a `reload` event that names `path` (an output path), skipping others.
    /// A reload of everything fails: a change to notices should rebuild only a part.
    pub fn wait_for_reload_of(&self, path: &str, seconds: u64) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let data = match self.receiver.recv_timeout(left) {
                Ok((event, data)) if event == "reload" => data,
                Ok(_) => continue,
                Err(_) => panic!("no reload of {path} within {seconds} s"),
            };
            let change: serde_json::Value = serde_json::from_str(&data).expect("reload data is JSON");
            assert_ne!(change["all"], true, "a change to notices rebuilt everything");
            if change["paths"].as_array().is_some_and(|p| p.iter().any(|p| p == path)) {
                return;
            }
        }
    }

    /// The next event but `hello` within `seconds`: (event, data).
    pub fn next(&self, seconds: u64) -> (String, String) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok((event, _)) if event == "hello" => {}
                Ok(next) => return next,
                Err(_) => panic!("no event within {seconds} s"),
            }
        }
    }

    /// The next event named `name` within `seconds`, skipping others; none when it does not
    /// come.
    pub fn try_wait_for(&self, name: &str, seconds: u64) -> Option<String> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok((event, data)) if event == name => return Some(data),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }

    /// The next event named `name` within `seconds`, skipping others.
    pub fn wait_for(&self, name: &str, seconds: u64) -> String {
        self.try_wait_for(name, seconds).unwrap_or_else(|| panic!("no `{name}` event within {seconds} s"))
    }
}

/// Served HTML without the live-reload script tag the preview adds.
pub fn without_reload_script(body: &[u8]) -> Vec<u8> {
    let tag = b"<script src=\"/__gazette/live.js\"></script>";
    match body.windows(tag.len()).rposition(|w| w == tag) {
        Some(at) => [&body[..at], &body[at + tag.len()..]].concat(),
        None => body.to_vec(),
    }
}

/// The first of `names` found on the PATH, for the browser tests. When none is there they
/// fail, unless `GAZETTE_SKIP_BROWSER=1`, which skips them with a notice.
pub fn browser_program(names: &[&str]) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        if std::env::var("GAZETTE_SKIP_BROWSER").as_deref() == Ok("1") {
            use std::io::Write;
            // Straight to stderr, past the test harness's capture, so the skip is seen.
            let _ = writeln!(
                std::io::stderr(),
                "notice: browser test skipped: {} not installed",
                names.join(" or ")
            );
            return None;
        }
        panic!(
            "the browser tests need {}: on Debian apt-get install chromium chromium-driver, \
             or set GAZETTE_SKIP_BROWSER=1 to skip them",
            names.join(" or ")
        );
    }
    found
}
