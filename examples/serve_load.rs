//! The preview server under many clients: starts `gazette serve` on an archive, opens
//! connections that each ask for a page and stay open, and event streams that stay open, then
//! prints the server's memory and threads (from /proc, Linux only) and how the clients fared.
//!
//! `cargo build --release && cargo run --release --example serve_load -- ARCHIVE [CONNECTIONS] [STREAMS]`
//! (1,000 connections and 300 streams by default).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = args.next().expect("usage: serve_load ARCHIVE [CONNECTIONS] [STREAMS]");
    let connections: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let streams: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(300);
    let binary = std::env::current_exe().expect("this example").with_file_name("../gazette");
    let mut server = Command::new(&binary)
        .args(["serve", "--port", "0", "--root", &root])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start target/release/gazette serve");
    let mut line = String::new();
    let mut out = server.stdout.take().expect("stdout");
    let mut byte = [0u8; 1];
    while !line.ends_with('\n') && out.read(&mut byte).unwrap_or(0) == 1 {
        line.push(byte[0] as char);
    }
    let address =
        line.split("http://").nth(1).and_then(|a| a.split('/').next()).expect("an address").to_string();
    println!("server {} at {address}", server.id());
    report("started", server.id());

    let mut open = Vec::new();
    let (mut answered, mut refused) = (0, 0);
    for _ in 0..connections {
        let mut stream = TcpStream::connect(&address).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        stream.write_all(b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut head = [0u8; 12];
        if stream.read_exact(&mut head).is_ok() && &head[9..12] == b"200" {
            answered += 1;
        } else {
            refused += 1;
        }
        open.push(stream);
    }
    println!("{connections} connections kept open: {answered} answered 200, {refused} refused");
    report("with the connections", server.id());
    drop(open);

    // Each stream is asked for until it opens: places of the closed connections free up as
    // their threads see the end of file.
    let mut events = Vec::new();
    let mut refusals = 0;
    while events.len() < streams && refusals < 100_000 {
        let mut stream = TcpStream::connect(&address).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        stream.write_all(b"GET /__gazette/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut head = [0u8; 12];
        if stream.read_exact(&mut head).is_ok() && &head[9..12] == b"200" {
            events.push(stream);
        } else {
            refusals += 1;
        }
    }
    println!("{streams} event streams asked for: {} open ({refusals} refused on the way)", events.len());
    report("with the streams", server.id());
    let _ = server.kill();
    let _ = server.wait();
}

/// Resident memory, its peak and the thread count of a process.
fn report(when: &str, pid: u32) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_string()).unwrap_or_default()
    };
    println!("  {when}: VmRSS {}, VmHWM {}, threads {}", field("VmRSS:"), field("VmHWM:"), field("Threads:"));
}
