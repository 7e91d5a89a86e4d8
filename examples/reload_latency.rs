//! Time from saving a file to the reload event of `gazette serve`, on a real archive.
//!
//! Starts the release binary's preview server on the archive, edits one notice's body ten
//! times, then its title ten times (which touches index pages), then touches site.yaml
//! (a full rebuild) three times, and prints the median for each, with the server's peak
//! memory. Each edit counts once the reload event has come and the page shows the edit.
//!
//! `cargo build --release && cargo run --release --example reload_latency -- ARCHIVE`
//! (ARCHIVE from `gen_corpus`; its files are edited and restored).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).expect("usage: reload_latency ARCHIVE"));
    let notice = first_notice(&root.join("content"));
    let original = std::fs::read_to_string(&notice).expect("read notice");
    let mut server = Command::new("target/release/gazette")
        .args(["serve", "--port", "0", "--root"])
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(if std::env::var_os("DEBUG_EVENTS").is_some() { Stdio::inherit() } else { Stdio::null() })
        .spawn()
        .expect("start target/release/gazette serve");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address = line.split("http://").nth(1).unwrap().split('/').next().unwrap().to_string();
    let events = open_events(&address);
    wait(&events, |e, _| e == "ok");

    let body_edit = |i: usize| original.replacen("\n---\n", &format!("\n---\n\nĐoạn thử số {i}.\n"), 1);
    let body = measure(&notice, &events, &address, 10, body_edit, |i| format!("Đoạn thử số {i}."));
    let title_edit = |i: usize| original.replacen("\ntitle: \"", &format!("\ntitle: \"Sửa {i} "), 1);
    let title = measure(&notice, &events, &address, 10, title_edit, |i| format!("Sửa {i} "));
    std::fs::write(&notice, &original).unwrap();
    wait(&events, |e, _| e == "reload");
    let site = root.join("site.yaml");
    let site_text = std::fs::read_to_string(&site).unwrap_or_default();
    let mut full = Vec::new();
    for i in 0..3 {
        let started = Instant::now();
        std::fs::write(&site, format!("{site_text}\n# lần {i}\n")).unwrap();
        wait(&events, |e, d| e == "reload" && d.contains("\"all\":true"));
        full.push(started.elapsed());
    }
    std::fs::write(&site, site_text).unwrap();
    let memory = std::fs::read_to_string(format!("/proc/{}/status", server.id())).unwrap_or_default();
    let peak = memory.lines().find(|l| l.starts_with("VmHWM")).unwrap_or("VmHWM: ?").to_string();
    let _ = server.kill();
    let _ = server.wait();
    println!("body edit to reload event:  median {:>6.0} ms", median(body));
    println!("title edit to reload event: median {:>6.0} ms", median(title));
    println!("site.yaml (full rebuild):   median {:>6.0} ms", median(full));
    println!("server memory: {peak}");
}

fn measure(
    notice: &Path,
    events: &mpsc::Receiver<(String, String)>,
    address: &str,
    runs: usize,
    edit: impl Fn(usize) -> String,
    marker: impl Fn(usize) -> String,
) -> Vec<Duration> {
    let page = page_of(notice, address, events);
    (0..runs)
        .map(|i| {
            let started = Instant::now();
            std::fs::write(notice, edit(i)).unwrap();
            loop {
                wait(events, |e, _| e == "reload");
                if get(address, &page).contains(&marker(i)) {
                    break started.elapsed();
                }
            }
        })
        .collect()
}

/// The URL path of the notice's page, found by editing it once and reading the event.
fn page_of(notice: &Path, address: &str, events: &mpsc::Receiver<(String, String)>) -> String {
    let text = std::fs::read_to_string(notice).unwrap();
    std::fs::write(notice, format!("{text}\n")).unwrap();
    let data = wait(events, |e, _| e == "reload");
    std::fs::write(notice, text).unwrap();
    wait(events, |e, _| e == "reload");
    let change: serde_json::Value = serde_json::from_str(&data).unwrap();
    let page = change["paths"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .find(|p| p.starts_with("van-ban/"));
    let _ = address;
    format!("/{}", page.expect("the notice's page changed"))
}

fn first_notice(content: &Path) -> PathBuf {
    let mut years: Vec<PathBuf> = std::fs::read_dir(content).unwrap().flatten().map(|e| e.path()).collect();
    years.sort();
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(years.last().unwrap()).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    files.into_iter().find(|p| p.extension().is_some_and(|e| e == "md")).expect("a notice")
}

fn open_events(address: &str) -> mpsc::Receiver<(String, String)> {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET /__gazette/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut event = String::new();
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                event = name.to_string();
            } else if let Some(data) = line.strip_prefix("data: ") {
                let _ = sender.send((std::mem::take(&mut event), data.to_string()));
            }
        }
    });
    receiver
}

fn wait(events: &mpsc::Receiver<(String, String)>, wanted: impl Fn(&str, &str) -> bool) -> String {
    loop {
        let (event, data) =
            events.recv_timeout(Duration::from_secs(120)).expect("an event within two minutes");
        if std::env::var_os("DEBUG_EVENTS").is_some() {
            eprintln!("{event} {}", &data[..data.len().min(120)]);
        }
        if wanted(&event, &data) {
            return data;
        }
    }
}

fn get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}
