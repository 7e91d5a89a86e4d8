//! `gazette serve`: rebuilds on change, reload events, errors, safety, incremental = full.

mod common;

use common::*;

fn archive() -> TestArchive {
    let archive = TestArchive::new();
    archive.write("site.yaml", "title: Xem trước\n");
    archive.write(
        "content/a.md",
        &simple("01-TB/VPTU", "2024-03-01", "Thông báo ban đầu", "Nội dung cũ của thông báo."),
    );
    archive.write(
        "content/b.md",
        &simple("02-TB/VPTU", "2024-04-01", "Thông báo thứ hai", "Thực hiện Thông báo số 01-TB/VPTU."),
    );
    archive.write(
        "content/c.md",
        &notice(
            "number: 05-KH/TU\ntitle: Kế hoạch cải cách\nissuer: Tỉnh ủy\ndate: 2023-05-02\ntags: [cải cách]",
            "Nội dung kế hoạch.",
        ),
    );
    archive
}

const PAGE_A: &str = "/van-ban/2024/thong-bao-1-tb-vptu/index.html";

/// The next reload event.
fn next_reload(events: &EventStream) -> serde_json::Value {
    serde_json::from_str(&events.wait_for("reload", 30)).unwrap()
}

/// The output paths a reload event names.
fn paths_of(change: &serde_json::Value) -> Vec<&str> {
    change["paths"].as_array().unwrap().iter().filter_map(|p| p.as_str()).collect()
}

#[test]
fn saving_a_notice_sends_reload_after_the_new_page_is_served() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    let (status, page) = server.get_text(PAGE_A);
    assert_eq!(status, 200);
    assert!(page.contains("Nội dung cũ"));
    assert!(page.contains("/__gazette/live.js"), "the preview injects the reload script");

    archive.write(
        "content/a.md",
        &simple("01-TB/VPTU", "2024-03-01", "Thông báo ban đầu", "Nội dung mới đã sửa."),
    );
    let change = next_reload(&events);
    let paths = paths_of(&change);
    assert!(paths.contains(&PAGE_A.trim_start_matches('/')), "{paths:?}");
    assert!(
        !paths.contains(&"van-ban/2023/ke-hoach-5-kh-tu/index.html"),
        "an unrelated page is not rebuilt: {paths:?}"
    );
    let (_, page) = server.get_text(PAGE_A);
    assert!(page.contains("Nội dung mới đã sửa"), "{page}");
    assert!(!archive.exists("output"), "serve writes nothing to output/");
}

#[test]
fn a_new_index_value_rebuilds_the_pages_that_show_it_not_every_page() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    // A signer and a tag no notice had: two indexes gain a value, and the home page counts them.
    archive.write(
        "content/a.md",
        &notice(
            "number: 01-TB/VPTU\ntitle: Thông báo ban đầu\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-03-01\n\
             signer: Lê Văn Minh\ntags: [lưu trữ số]",
            "Nội dung cũ của thông báo.",
        ),
    );
    let change = next_reload(&events);
    let paths = paths_of(&change);
    assert!(paths.contains(&PAGE_A.trim_start_matches('/')), "{paths:?}");
    assert!(paths.contains(&"index.html"), "the home page counts the values: {paths:?}");
    assert!(paths.iter().any(|p| p.ends_with("/luu-tru-so/index.html")), "the new tag's list: {paths:?}");
    // Every page has the menu of indexes, but not their counts: the others are not rebuilt.
    assert!(!paths.contains(&"van-ban/2023/ke-hoach-5-kh-tu/index.html"), "{paths:?}");
    assert!(!paths.iter().any(|p| p.ends_with("/cai-cach/index.html")), "another tag's list: {paths:?}");
    assert_eq!(change["all"], false, "{change}");
}

#[test]
fn broken_content_reports_errors_and_keeps_the_last_good_page() {
    let archive = archive();
    archive.write("static/style.css", "body { margin: 1em }");
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    archive.write("content/a.md", "---\nnumber: 01-TB/VPTU\ntitle: [chưa đóng\nissuer: X\n---\nx\n");
    let errors: Vec<String> = serde_json::from_str(&events.wait_for("errors", 30)).unwrap();
    // The overlay says what happened, each error in the archive's language, and what to do.
    assert_eq!(errors.first().map(String::as_str), Some("Kho văn bản có lỗi"), "{errors:?}");
    assert!(errors.iter().any(|e| e.starts_with("lỗi: content/a.md:3:")), "{errors:?}");
    assert!(errors.last().is_some_and(|e| e.contains("tự tải lại")), "{errors:?}");
    let (status, page) = server.get_text(PAGE_A);
    assert_eq!(status, 200);
    assert!(page.contains("Nội dung cũ"), "the last good build stays served");
    // A new page opened while the content is broken learns the errors at once.
    let late = server.events();
    let errors = late.wait_for("errors", 30);
    assert!(errors.contains("content/a.md:3:"), "{errors}");
    // A stylesheet saved meanwhile is swapped in; the errors stand.
    archive.write("static/style.css", "body { margin: 0 }");
    events.wait_for("css", 30);
    let (event, errors) = server.events().next(30);
    assert_eq!(event, "errors", "{errors}");
    assert!(errors.contains("content/a.md:3:"), "{errors}");

    archive.write("content/a.md", &simple("01-TB/VPTU", "2024-03-01", "Thông báo ban đầu", "Đã sửa lỗi."));
    events.wait_for("reload", 30);
    assert!(server.get_text(PAGE_A).1.contains("Đã sửa lỗi"));
}

#[test]
fn requests_outside_the_site_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "MẬT-KHÔNG-ĐƯỢC-LỘ").unwrap();
    let archive = archive();
    archive.write("static/ok.txt", "công khai");
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), archive.path("static/leak.txt")).unwrap();
    archive.write("secret-in-root.txt", "MẬT-KHÔNG-ĐƯỢC-LỘ");
    let server = Server::start(&archive, &[]);
    assert_eq!(server.get_text("/ok.txt"), (200, "công khai".to_string()));
    for path in [
        "/../secret-in-root.txt",
        "/%2e%2e/secret-in-root.txt",
        "/van-ban/%2e%2e/%2e%2e/secret-in-root.txt",
        "/van-ban%2f..%2f..%2fsecret-in-root.txt",
        "/..%5csecret-in-root.txt",
        "/..\\secret-in-root.txt",
        "/secret-in-root.txt",
        "/content/a.md",
        "/site.yaml",
        "/leak.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        &format!("/{}", outside.path().join("secret.txt").display()),
    ] {
        let (status, body) = server.get_text(path);
        assert!(status >= 400, "{path} answered {status}");
        assert!(!body.contains("MẬT") && !body.contains("root:"), "{path} leaked");
    }
    let (status, _) = server.get_text("/khong-co-trang-nay/");
    assert_eq!(status, 404);
}

#[test]
fn preview_after_edits_equals_a_fresh_build() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    type Edit = Box<dyn Fn(&TestArchive)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "van-ban/2024/thong-bao-1-tb-vptu/index.html",
            Box::new(|a| {
                a.write(
                    "content/a.md",
                    &simple("01-TB/VPTU", "2024-03-01", "Thông báo ban đầu", "Thân mới."),
                );
            }),
        ),
        (
            "loai/thong-bao/index.html",
            Box::new(|a| {
                a.write(
                    "content/b.md",
                    &simple("02-TB/VPTU", "2024-04-01", "Tiêu đề đã đổi", "Theo 01-TB/VPTU."),
                );
            }),
        ),
        (
            "van-ban/2024/ke-hoach-6-kh-tu/index.html",
            Box::new(|a| {
                let front = "number: 06-KH/TU\ntitle: Kế hoạch mới\nissuer: Tỉnh ủy\ndate: 2024-08-02\ntags: [cải cách, chuyển đổi số]";
                a.write("content/d.md", &notice(front, "Triển khai Kế hoạch số 05-KH/TU."));
            }),
        ),
        (
            "chu-de/cai-cach/index.html",
            Box::new(|a| {
                std::fs::remove_file(a.path("content/c.md")).unwrap();
            }),
        ),
    ];
    for (touched, edit) in edits {
        edit(&archive);
        events.wait_for_reload_of(touched, 30);
    }
    let fresh = TestArchive::new();
    let output = archive.run(&["build", "--drafts", "--out", fresh.path("out").to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let files = site_files(&fresh.path("out"));
    assert!(files.len() > 20);
    for (path, bytes) in &files {
        let (status, served) = server.get(&format!("/{path}"));
        assert_eq!(status, 200, "{path}");
        assert!(without_reload_script(&served) == *bytes, "{path} differs from a fresh build");
    }
    assert_eq!(server.get("/van-ban/2023/ke-hoach-5-kh-tu/index.html").0, 404, "a deleted notice is gone");
}

#[test]
fn many_idle_connections_do_not_stall_the_server() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let idle: Vec<std::net::TcpStream> =
        (0..200).map(|_| std::net::TcpStream::connect(&server.address).expect("connect")).collect();
    let streams: Vec<EventStream> = (0..40).map(|_| server.events()).collect();
    for stream in &streams {
        stream.wait_for("hello", 30);
    }
    // Clients that ask and hang up at once.
    for _ in 0..50 {
        use std::io::Write;
        let mut s = std::net::TcpStream::connect(&server.address).unwrap();
        let _ = s.write_all(b"GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }
    let (status, _) = server.get("/index.html");
    assert_eq!(status, 200);
    drop(idle);
    drop(streams);
    assert_eq!(server.get("/style.css").0, 200);
}

#[test]
fn the_first_build_prints_its_warnings_as_build_does() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let line = server.wait_for_stderr("văn bản chưa có người ký", 30);
    assert!(line.starts_with("cảnh báo: content/a.md:1:1:"), "{line}");
}

#[test]
fn an_address_this_machine_does_not_have_is_said_at_once_without_trying_other_ports() {
    let archive = archive();
    // An address of the documentation range, which no machine has.
    let output = archive.run(&["serve", "--port", "18999", "--bind", "192.0.2.1"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("không nghe được ở 192.0.2.1: địa chỉ này không thuộc máy này"), "{err}");
    assert!(err.contains("gợi ý: bỏ --bind") && !err.contains("--port"), "{err}");
}

#[test]
fn a_taken_port_moves_to_the_next_one() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let archive = archive();
    let binary = assert_cmd::cargo::cargo_bin("gazette");
    let mut child = std::process::Command::new(binary)
        .args(["serve", "--root"])
        .arg(archive.root())
        .args(["--port", &port.to_string()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(!line.contains(&format!(":{port}/")), "{line}");
    assert!(line.contains("http://127.0.0.1:"), "{line}");
}

#[test]
fn saves_by_rename_and_by_delete_then_create_are_seen() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    // Editors that write a temporary file and rename it over the notice.
    archive.write(
        "content/.a.md.swp-tmp",
        &simple("01-TB/VPTU", "2024-03-01", "Thông báo ban đầu", "Lưu bằng đổi tên."),
    );
    std::fs::rename(archive.path("content/.a.md.swp-tmp"), archive.path("content/a.md")).unwrap();
    events.wait_for_reload_of(PAGE_A.trim_start_matches('/'), 30);
    assert!(server.get_text(PAGE_A).1.contains("Lưu bằng đổi tên"));
    // Editors that delete the file and write it anew.
    std::fs::remove_file(archive.path("content/a.md")).unwrap();
    archive
        .write("content/a.md", &simple("01-TB/VPTU", "2024-03-01", "Thông báo ban đầu", "Xóa rồi tạo lại."));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !server.get_text(PAGE_A).1.contains("Xóa rồi tạo lại") {
        events.wait_for("reload", 30);
        assert!(std::time::Instant::now() < deadline, "the recreated notice never showed");
    }
}

#[test]
fn a_page_that_fails_when_first_asked_for_is_an_error_said_everywhere() {
    let archive = TestArchive::new();
    archive.write("site.yaml", "title: Xem trước\n");
    // More files than the preview renders at once: it renders one page of each kind, and the
    // rest when asked for. One notice's page fails; a build would fail on it.
    for i in 1..=80 {
        let (number, date) = (format!("{i:02}-TB/VPTU"), format!("2024-03-{:02}", i % 28 + 1));
        let title = if i == 20 { "Thông báo hỏng" } else { "Thông báo" };
        archive.write(&format!("content/tb-{i:02}.md"), &simple(&number, &date, title, "Nội dung."));
    }
    let notice = include_str!("../themes/default/templates/notice.html");
    let main = "{% block main %}";
    let failing = "{% if notice.title == \"Thông báo hỏng\" %}{{ notice.khong_co.sau }}{% endif %}";
    archive.write("templates/notice.html", &notice.replacen(main, &format!("{main}{failing}"), 1));
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    let (status, _) = server.get_text("/van-ban/2024/thong-bao-1-tb-vptu/index.html");
    assert_eq!(status, 200);
    let (status, page) = server.get_text("/van-ban/2024/thong-bao-20-tb-vptu/index.html");
    assert_eq!(status, 500, "{page}");
    assert!(page.contains("templates/notice.html") && page.contains("/__gazette/live.js"), "{page}");
    let errors = events.wait_for("errors", 30);
    assert!(errors.contains("templates/notice.html"), "{errors}");
    server.wait_for_stderr("templates/notice.html", 30);
    // A page opened now learns it at once.
    let (event, errors) = server.events().next(30);
    assert_eq!(event, "errors", "{errors}");
    // An edit of another notice reloads its page, and the error, not mended, is shown again.
    archive.write("content/tb-05.md", &simple("05-TB/VPTU", "2024-03-06", "Thông báo", "Nội dung mới."));
    events.wait_for_reload_of("van-ban/2024/thong-bao-5-tb-vptu/index.html", 30);
    let errors = events.wait_for("errors", 30);
    assert!(errors.contains("templates/notice.html"), "{errors}");
    let (event, errors) = server.events().next(30);
    assert_eq!(event, "errors", "{errors}");
    assert_eq!(server.get_text("/van-ban/2024/thong-bao-20-tb-vptu/index.html").0, 500);
}

#[test]
fn a_rebuild_of_everything_says_how_many_files_it_made() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    archive.write("site.yaml", "title: Xem trước mới\n");
    let change = next_reload(&events);
    assert_eq!(change["all"], true, "{change}");
    let said = server.wait_for_stderr("đã dựng lại", 30);
    let count: usize = said.split_whitespace().nth(3).and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(count > 10, "{said}");
}

#[test]
fn errors_of_reading_and_of_linking_are_said_together_as_check_says_them() {
    let archive = archive();
    let server = Server::start(&archive, &[]);
    let events = server.ready_events();
    archive.write(
        "content/d.md",
        &simple("03-TB/VPTU", "2024-05-01", "Thông báo thứ ba", "Xem [văn bản này](notice:404-NQ/TU)."),
    );
    archive.write("content/a.md", "---\nnumber: 01-TB/VPTU\ntitle: [chưa đóng\nissuer: X\n---\nx\n");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut errors = events.wait_for("errors", 30);
    // The two saves may come as one change or two: the last errors say both.
    while !(errors.contains("content/a.md:3:") && errors.contains("content/d.md:"))
        && std::time::Instant::now() < deadline
    {
        errors = events.wait_for("errors", 30);
    }
    assert!(errors.contains("content/a.md:3:") && errors.contains("404-NQ/TU"), "{errors}");
    let check = archive.run(&["check", "--drafts"]);
    let said = stdout(&check);
    assert!(said.contains("content/a.md:3:") && said.contains("content/d.md:"), "{said}");
}
