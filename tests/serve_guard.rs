//! The preview server against hostile or broken clients, over raw loopback sockets: bodies it
//! never reads, heads too large or too slow, too many connections, event streams that stop
//! reading, links placed to escape the archive, folders that vanish and come back, and slow
//! rebuilds. Every read has a time bound; nothing waits by sleeping.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::*;

fn archive() -> TestArchive {
    let archive = TestArchive::new();
    archive.write("site.yaml", "title: Lưu trữ thử\n");
    archive.write("content/a.md", &simple("01-TB/VPTU", "2024-03-01", "Thông báo thử", "Nội dung ban đầu."));
    archive
}

/// Sends raw bytes on a new connection and reads one response: (status, head, body). The
/// response must come within ten seconds.
fn exchange(address: &str, request: &[u8]) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(request).expect("send");
    read_response(&mut stream)
}

/// One response from a stream, by its Content-Length.
fn read_response(stream: &mut TcpStream) -> (u16, String, Vec<u8>) {
    let mut data = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).into_owned();
            let length: usize = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_string())
                })
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            while data.len() < end + 4 + length {
                let n = stream.read(&mut buffer).expect("the body arrives");
                assert!(n > 0, "closed before the body ended");
                data.extend_from_slice(&buffer[..n]);
            }
            let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).expect("a status");
            return (status, head, data[end + 4..end + 4 + length].to_vec());
        }
        let n = stream.read(&mut buffer).expect("a response arrives");
        assert!(n > 0, "closed without a response");
        data.extend_from_slice(&buffer[..n]);
    }
}

/// Whether the peer closes the connection within 30 seconds (a read returns end of file);
/// the server's own limits are 10 and 15 seconds.
fn closed(stream: &mut TcpStream) -> bool {
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut rest = Vec::new();
    stream.read_to_end(&mut rest).is_ok()
}

fn get(path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").into_bytes()
}

#[test]
fn requests_with_bodies_are_refused_unread_and_the_server_stays_up() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let huge = b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000000000\r\n\r\n";
    let (status, _, body) = exchange(&server.address, huge);
    assert_eq!(status, 413);
    // Said in the archive's language, as everything the preview says.
    assert_eq!(String::from_utf8_lossy(&body), "yêu cầu gửi đến máy chủ xem trước không mang nội dung");
    for _ in 0..8 {
        let max =
            b"GET /index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 18446744073709551615\r\n\r\n";
        assert_eq!(exchange(&server.address, max).0, 413);
    }
    // Ten connections that announce a body and send none are answered at once, not waited on.
    let mut silent: Vec<TcpStream> = Vec::new();
    for _ in 0..10 {
        let mut stream = TcpStream::connect(&server.address).unwrap();
        stream
            .write_all(b"POST /index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n")
            .unwrap();
        silent.push(stream);
    }
    for stream in &mut silent {
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let (status, head, _) = read_response(stream);
        assert_eq!(status, 405, "{head}");
        assert!(head.contains("Allow: GET, HEAD"), "{head}");
        assert!(closed(stream), "the connection is closed after refusing");
    }
    let chunked = b"GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n";
    assert_eq!(exchange(&server.address, chunked).0, 413);
    assert_eq!(exchange(&server.address, &get("/index.html")).0, 200);
}

#[test]
fn oversized_and_slow_heads_do_not_hold_the_server() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let mut big = b"GET / HTTP/1.1\r\nHost: localhost\r\n".to_vec();
    for i in 0..4000 {
        big.extend_from_slice(format!("X-Filler-{i}: aaaaaaaaaaaaaaaa\r\n").as_bytes());
    }
    big.extend_from_slice(b"\r\n");
    let (status, _, _) = exchange(&server.address, &big);
    assert_eq!(status, 431);
    // The limit is 16 KiB, whole head counted, however the bytes arrive.
    let head_of = |size: usize| {
        let start = b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ".to_vec();
        let filler = vec![b'b'; size - start.len() - 4];
        [start, filler, b"\r\n\r\n".to_vec()].concat()
    };
    assert_eq!(exchange(&server.address, &head_of(16 * 1024)).0, 200);
    assert_eq!(exchange(&server.address, &head_of(16 * 1024 + 1)).0, 431);
    assert_eq!(exchange(&server.address, &head_of(20 * 1024)).0, 431);
    // Twenty clients that send half a head and stop: the others are still answered.
    let slow: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut s = TcpStream::connect(&server.address).unwrap();
            s.write_all(b"GET /index.html HTTP/1.1\r\nHost: localhost\r\nX-Slow: ").unwrap();
            s
        })
        .collect();
    let started = Instant::now();
    for _ in 0..20 {
        assert_eq!(exchange(&server.address, &get("/index.html")).0, 200);
    }
    // A head that never ends is cut off once its time is up.
    let mut stalled = slow.into_iter().next().unwrap();
    assert!(closed(&mut stalled), "a stalled head is closed");
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn beyond_the_connection_limit_new_clients_get_503_at_once() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let mut open: Vec<TcpStream> = Vec::new();
    // Fill every place with connections that keep alive after one request each.
    for _ in 0..512 {
        let mut stream = TcpStream::connect(&server.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        stream.write_all(&get("/style.css")).unwrap();
        open.push(stream);
    }
    for stream in &mut open {
        assert_eq!(read_response(stream).0, 200);
    }
    let (status, _, _) = exchange(&server.address, &get("/index.html"));
    assert_eq!(status, 503, "the 513th connection is refused");
    drop(open);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        // Closed connections free their places as their threads see the end of file.
        if exchange(&server.address, &get("/index.html")).0 == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "places were never freed");
    }
}

#[test]
fn fifty_simultaneous_connections_to_a_fresh_server_are_all_answered() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let address = server.address.clone();
    let clients: Vec<_> = (0..50)
        .map(|_| {
            let address = address.clone();
            std::thread::spawn(move || exchange(&address, &get("/index.html")).0)
        })
        .collect();
    for client in clients {
        assert_eq!(client.join().unwrap(), 200);
    }
}

#[test]
fn an_event_stream_that_stops_reading_is_dropped_and_freezes_nothing() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    // One page that never reads its stream, one that does.
    let mut deaf = TcpStream::connect(&server.address).unwrap();
    deaf.write_all(b"GET /__gazette/events HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let events = server.ready_events();
    // Each broken save sends the whole list of errors, some 300 KB, to every open page.
    let bad: String = (0..2000).map(|i| format!("sai-so-{i}, ")).collect();
    for round in 0..30 {
        let front =
            format!("number: 01-TB/VPTU\ntitle: Thử {round}\nissuer: B\ndate: 2024-03-01\nreplaces: [{bad}]");
        archive.write("content/a.md", &notice(&front, "x"));
        events.wait_for("errors", 30);
        assert_eq!(exchange(&server.address, &get("/style.css")).0, 200, "round {round}");
    }
    archive.write("content/a.md", &simple("01-TB/VPTU", "2024-03-01", "Đã sửa", "Nội dung đã sửa."));
    events.wait_for_reload_of("van-ban/2024/thong-bao-1-tb-vptu/index.html", 30);
    // The deaf page was dropped: reading what it was sent ends at the end of the stream.
    deaf.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut sink = Vec::new();
    assert!(deaf.read_to_end(&mut sink).is_ok(), "the stalled stream was closed by the server");
}

#[test]
fn a_page_of_another_name_led_to_this_machine_gets_neither_pages_nor_events() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let port = server.address.rsplit(':').next().unwrap().to_string();
    for path in ["/index.html", "/van-ban/2024/thong-bao-1-tb-vptu/index.html", "/__gazette/events"] {
        // What a browser sends from a page whose name now leads to 127.0.0.1 (DNS rebinding).
        for host in [format!("evil.example:{port}"), format!("localhost.evil.example:{port}")] {
            let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n");
            let (status, head, body) = exchange(&server.address, request.as_bytes());
            assert_eq!(status, 403, "{path} for {host}: {head}");
            let body = String::from_utf8_lossy(&body);
            assert!(body.contains("localhost") && !body.contains("Thông báo thử"), "{path}: {body}");
        }
        // Two of them: not a request HTTP allows.
        let twice = format!("GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\nHost: evil.example\r\n\r\n");
        assert_eq!(exchange(&server.address, twice.as_bytes()).0, 400, "{path} with two hosts");
        if path != "/__gazette/events" {
            for host in [server.address.clone(), format!("localhost:{port}"), format!("[::1]:{port}")] {
                let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n");
                assert_eq!(exchange(&server.address, request.as_bytes()).0, 200, "{path} for {host}");
            }
        }
    }
}

#[test]
fn a_folder_asked_for_without_its_slash_is_sent_to_it_with_its_query() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    for (asked, location) in [
        ("/search?q=thong+bao&nam=2024", "/search/?q=thong+bao&nam=2024"),
        ("/loai", "/loai/"),
        ("/van-ban/2024/thong-bao-1-tb-vptu?x=%C4%91", "/van-ban/2024/thong-bao-1-tb-vptu/?x=%C4%91"),
        // A query sent unencoded (by a script, not a browser) is encoded in the header.
        ("/search?q=thuế", "/search/?q=thu%E1%BA%BF"),
    ] {
        let (status, head, _) = exchange(&server.address, &get(asked));
        assert_eq!(status, 301, "{asked}: {head}");
        assert!(head.lines().any(|l| l == format!("Location: {location}")), "{asked}: {head}");
    }
}

/// The server's resident memory, in KiB.
fn resident_kib(server: &Server) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.pid())).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).expect("a resident size");
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("a number")
}

/// The server's open connections, as its file descriptors that are sockets (the listener
/// among them).
fn sockets(server: &Server) -> usize {
    std::fs::read_dir(format!("/proc/{}/fd", server.pid()))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|fd| {
            std::fs::read_link(fd.path()).is_ok_and(|target| target.to_string_lossy().starts_with("socket:"))
        })
        .count()
}

#[test]
fn clients_that_stop_taking_a_large_attachment_are_dropped_and_hold_no_copy_of_it() {
    let archive = archive();
    archive.write("content/bc/index.md", &simple("02-BC/VPTU", "2024-03-02", "Báo cáo", "Xem phụ lục."));
    let size = 24 * 1024 * 1024;
    let attachment: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
    archive.write_bytes("content/bc/phu-luc.pdf", &attachment);
    let server = Server::start(&archive, &[]);
    let path = "/van-ban/2024/bao-cao-2-bc-vptu/phu-luc.pdf";
    // Asked for once: the server has read what it reads for any request.
    let (status, head, body) = exchange(&server.address, &get(path));
    assert_eq!((status, body.len()), (200, size), "{head}");
    assert!(body == attachment, "the attachment comes whole");
    let (memory_before, sockets_before) = (resident_kib(&server), sockets(&server));
    // Five clients that ask for it and never read.
    let mut stalled: Vec<TcpStream> = (0..5)
        .map(|_| {
            let mut stream = TcpStream::connect(&server.address).unwrap();
            stream.write_all(&get(path)).unwrap();
            stream
        })
        .collect();
    // The others are answered meanwhile.
    for _ in 0..5 {
        assert_eq!(exchange(&server.address, &get("/index.html")).0, 200);
    }
    // Each holds a buffer, not the file (5 copies would be 120 MiB).
    let grown = resident_kib(&server).saturating_sub(memory_before);
    assert!(grown < 40 * 1024, "memory grew by {grown} KiB for five stalled downloads");
    // Within two spans of the write time, the server lets go of them.
    let deadline = Instant::now() + Duration::from_secs(90);
    while sockets(&server) > sockets_before {
        assert!(Instant::now() < deadline, "stalled downloads still held: {} sockets", sockets(&server));
        std::thread::park_timeout(Duration::from_millis(200));
    }
    // What a stalled client gets is cut short.
    let mut received = Vec::new();
    stalled[0].set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let _ = stalled[0].read_to_end(&mut received);
    assert!(received.len() < size, "a stalled client got the whole file");
    stalled.clear();
}

#[test]
fn links_out_of_the_archive_are_never_served_even_after_an_error_is_fixed() {
    let archive = archive();
    archive.write("content/2024/bc/index.md", &simple("3-BC/VPTU", "2024-02-03", "Báo cáo", "Nội dung."));
    archive.write("content/2024/bc/phu-luc.txt", "phụ lục");
    let outside = TestArchive::new();
    outside.write("secret.txt", "bí mật");
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    let attachment = "/van-ban/2024/bao-cao-3-bc-vptu/phu-luc.txt";
    assert_eq!(exchange(&server.address, &get(attachment)).0, 200);
    // Break the archive, then place links while it is broken.
    archive.write("content/a.md", "---\ntitle: [\n---\n");
    events.wait_for("errors", 30);
    // An attachment added while the archive is broken is served: the table is refreshed.
    archive.write("content/2024/bc/phu-luc-2.txt", "phụ lục hai");
    events.wait_for("errors", 30);
    let (status, _, body) = exchange(&server.address, &get("/van-ban/2024/bao-cao-3-bc-vptu/phu-luc-2.txt"));
    assert_eq!((status, String::from_utf8_lossy(&body).into_owned()), (200, "phụ lục hai".to_string()));
    std::fs::create_dir_all(archive.path("static")).unwrap();
    std::os::unix::fs::symlink(outside.path("secret.txt"), archive.path("static/secret.txt")).unwrap();
    std::fs::remove_file(archive.path("content/2024/bc/phu-luc.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path("secret.txt"), archive.path("content/2024/bc/phu-luc.txt"))
        .unwrap();
    let _ = events.wait_for("errors", 30);
    for path in ["/secret.txt", attachment] {
        let (status, _, body) = exchange(&server.address, &get(path));
        assert_eq!(status, 404, "{path}");
        assert!(!String::from_utf8_lossy(&body).contains("bí mật"));
    }
    archive.write("content/a.md", &simple("01-TB/VPTU", "2024-03-01", "Thông báo thử", "Đã sửa."));
    events.wait_for("reload", 30);
    for path in ["/secret.txt", attachment] {
        let (status, _, body) = exchange(&server.address, &get(path));
        assert_eq!(status, 404, "{path} after the fix");
        assert!(!String::from_utf8_lossy(&body).contains("bí mật"));
    }
}

#[test]
fn live_reload_survives_content_removed_and_recreated_or_moved_away_and_back() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    let page = "van-ban/2024/thong-bao-1-tb-vptu/index.html";
    std::fs::remove_dir_all(archive.path("content")).unwrap();
    events.wait_for("errors", 30);
    archive.write("content/a.md", &simple("01-TB/VPTU", "2024-03-01", "Thông báo thử", "Tạo lại."));
    events.wait_for("reload", 30);
    archive
        .write("content/a.md", &simple("01-TB/VPTU", "2024-03-01", "Thông báo thử", "Sửa sau khi tạo lại."));
    events.wait_for_reload_of(page, 30);
    assert!(server.get_text(&format!("/{page}")).1.contains("Sửa sau khi tạo lại"));

    std::fs::rename(archive.path("content"), archive.path("content-cu")).unwrap();
    events.wait_for("errors", 30);
    std::fs::rename(archive.path("content-cu"), archive.path("content")).unwrap();
    events.wait_for("reload", 30);
    archive
        .write("content/a.md", &simple("01-TB/VPTU", "2024-03-01", "Thông báo thử", "Sửa sau khi dời về."));
    events.wait_for_reload_of(page, 30);
    assert!(server.get_text(&format!("/{page}")).1.contains("Sửa sau khi dời về"));
}

#[test]
fn pages_are_answered_from_the_last_build_while_a_rebuild_runs() {
    let archive = archive();
    for i in 2..=1500 {
        let body = format!("Căn cứ Thông báo số {}-TB/VPTU. {}", i - 1, "Nội dung dài. ".repeat(40));
        archive.write(
            &format!("content/tb-{i}.md"),
            &simple(&format!("{i}-TB/VPTU"), "2024-03-01", "Thông báo", &body),
        );
    }
    let server = Server::start(&archive, &[]);
    let events = server.events();
    events.wait_for("ok", 60);
    archive.write("site.yaml", "title: Tên mới của kho\n");
    events.wait_for("building", 30);
    let (status, _, body) = exchange(&server.address, &get("/index.html"));
    assert_eq!(status, 200);
    assert!(
        String::from_utf8_lossy(&body).contains("Lưu trữ thử"),
        "a request during the rebuild is answered at once, from the last good build"
    );
    events.wait_for("reload", 120);
    assert!(server.get_text("/index.html").1.contains("Tên mới của kho"));
}
