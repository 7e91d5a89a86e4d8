//! The search page in a real browser: headless Chromium loads `search/index.html?q=…` from a
//! small archive served over HTTP, runs `search.js` against the built index, and the test reads
//! the results from the dumped DOM. The server counts the bytes of every response, to show the
//! page fetches only the pieces of the index a query needs.
//!
//! Needs `chromium` on the PATH (Debian: `apt-get install chromium`). Without it the tests fail,
//! unless `GAZETTE_SKIP_BROWSER=1` is set, which skips them with a notice.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use common::*;
use scraper::{Html, Selector};

/// How long one Chromium run may take, wall time, before it is killed and the test fails.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);

fn front(number: &str, date: &str, title: &str, issuer: &str) -> String {
    format!("number: {number}\ntitle: {title}\nissuer: {issuer}\ndate: {date}")
}

/// Twelve notices. The phrase "tổ chức cán bộ" is in 12-TB/VPTU (title), 08-ĐA/TU and
/// 21-KL/TU (body); 1234/QĐ-UBND, 16-CT/TU and 05-HD/BTCTU have both words, apart.
/// 45-TB/VPTU is used in 2023 and in 2024; 162-NQ/TU is cited by 03-KH/TU, and 162/QĐ-UBND
/// is the newest notice of all.
fn notices() -> Vec<(&'static str, String)> {
    let vptu = "Văn phòng Tỉnh ủy";
    let tu = "Ban Thường vụ Tỉnh ủy";
    let ubnd = "Ủy ban nhân dân tỉnh";
    vec![
        (
            "12-tb.md",
            notice(
                &front(
                    "12-TB/VPTU",
                    "2024-03-04",
                    "Kết luận về công tác tổ chức cán bộ quý I năm 2024",
                    vptu,
                ),
                "Thường trực Tỉnh ủy đã nghe Ban Tổ chức Tỉnh ủy báo cáo tình hình thực hiện các \
                 quy định về luân chuyển, điều động và bổ nhiệm trong quý I.",
            ),
        ),
        (
            "162-nq.md",
            notice(
                &front("162-NQ/TU", "2024-05-22", "Nghị quyết về chuyển đổi số trong hệ thống chính trị", tu),
                "Ban Chấp hành Đảng bộ tỉnh thống nhất đẩy mạnh chuyển đổi số, xây dựng chính quyền \
                 số và kinh tế số đến năm 2030.",
            ),
        ),
        (
            "08-da.md",
            notice(
                &front("08-ĐA/TU", "2023-07-04", "Đề án kiện toàn bộ máy các cơ quan tham mưu", tu),
                "Mục tiêu của Đề án là tinh gọn đầu mối.\n\n**1. Về tổ chức cán bộ:** rà soát vị \
                 trí việc làm, sắp xếp lại các phòng chuyên môn theo hướng giảm cấp trung gian.",
            ),
        ),
        (
            "45-tb-2023.md",
            notice(
                &front("45-TB/VPTU", "2023-02-10", "Thông báo lịch tiếp công dân tháng 3 năm 2023", vptu),
                "Thường trực Tỉnh ủy tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở Tiếp \
                 công dân của tỉnh.",
            ),
        ),
        (
            "45-tb-2024.md",
            notice(
                &front("45-TB/VPTU", "2024-02-15", "Thông báo lịch tiếp công dân tháng 3 năm 2024", vptu),
                "Lịch tiếp công dân của đồng chí Bí thư Tỉnh ủy trong tháng 3 được điều chỉnh do \
                 trùng lịch họp Ban Chấp hành.",
            ),
        ),
        (
            "1234-qd.md",
            notice(
                &front(
                    "1234/QĐ-UBND",
                    "2024-08-01",
                    "Quyết định ban hành quy chế quản lý cán bộ, công chức",
                    ubnd,
                ),
                "Các sở, ngành có trách nhiệm tổ chức thực hiện Quyết định này; cán bộ, công chức \
                 vi phạm bị xử lý theo quy định.",
            ),
        ),
        (
            "03-kh.md",
            notice(
                &front(
                    "03-KH/TU",
                    "2024-09-10",
                    "Kế hoạch triển khai thực hiện Nghị quyết về chuyển đổi số",
                    tu,
                ),
                "Thực hiện Nghị quyết số 162-NQ/TU, ngày 22/5/2024 của Ban Chấp hành Đảng bộ tỉnh, \
                 Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện.",
            ),
        ),
        (
            "16-ct.md",
            notice(
                &front("16-CT/TU", "2022-11-20", "Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính", tu),
                "Cấp ủy các cấp tổ chức quán triệt sâu rộng Chỉ thị này; mỗi cán bộ, đảng viên phải \
                 gương mẫu thực hiện.",
            ),
        ),
        (
            "21-kl.md",
            notice(
                &front(
                    "21-KL/TU",
                    "2024-10-05",
                    "Kết luận của Ban Thường vụ Tỉnh ủy tại hội nghị giao ban quý III",
                    tu,
                ),
                "**II. VỀ TỔ CHỨC CÁN BỘ**\n\nĐồng ý chủ trương kiện toàn nhân sự Ban Chỉ đạo và giao \
                 Ban Tổ chức Tỉnh ủy hướng dẫn thực hiện.",
            ),
        ),
        (
            "30-bc.md",
            notice(
                &front("30-BC/TU", "2023-12-15", "Báo cáo kết quả công tác hoà giải ở cơ sở năm 2023", tu),
                "Các tổ hoà giải đã hoà giải thành 312 vụ việc, đạt tỷ lệ 86,4%.",
            ),
        ),
        (
            "162-qd.md",
            notice(
                &front(
                    "162/QĐ-UBND",
                    "2024-12-01",
                    "Quyết định phê duyệt danh mục dự án đầu tư công năm 2025",
                    ubnd,
                ),
                "Phê duyệt danh mục gồm 14 dự án; giao Sở Tài chính hướng dẫn thủ tục.",
            ),
        ),
        (
            "05-hd.md",
            notice(
                &front(
                    "05-HD/BTCTU",
                    "2024-04-01",
                    "Hướng dẫn đánh giá, xếp loại chất lượng cán bộ năm 2024",
                    "Ban Tổ chức Tỉnh ủy",
                ),
                "Việc đánh giá cán bộ được tổ chức từ cơ sở, bảo đảm khách quan, công khai.",
            ),
        ),
    ]
}

/// The archive, built once for all tests of this file.
fn built() -> &'static TestArchive {
    static BUILT: OnceLock<TestArchive> = OnceLock::new();
    BUILT.get_or_init(|| {
        let archive = TestArchive::new();
        archive.write("site.yaml", "title: Kho văn bản thử\n");
        for (file, text) in notices() {
            archive.write(&format!("content/{file}"), &text);
        }
        archive.write("content/phu-luc.md", &appendix());
        archive.build_ok(&[]);
        archive
    })
}

/// A long notice of generated place names, so the index has many terms. None of its
/// syllables folds to a word the tests search for.
fn appendix() -> String {
    let syllables = [
        "an",
        "bình",
        "cao",
        "dương",
        "đông",
        "gia",
        "giang",
        "hà",
        "hải",
        "hưng",
        "khánh",
        "kim",
        "lâm",
        "lạc",
        "long",
        "lộc",
        "minh",
        "mỹ",
        "nam",
        "nghĩa",
        "ngọc",
        "nhân",
        "phong",
        "phú",
        "phúc",
        "quang",
        "sơn",
        "tân",
        "thái",
        "thành",
        "thạch",
        "thanh",
        "thịnh",
        "thuận",
        "tiến",
        "trung",
        "trường",
        "văn",
        "vĩnh",
        "xuân",
        "yên",
        "đức",
        "lợi",
        "đạt",
        "hiệp",
        "khê",
        "lương",
        "mai",
        "ninh",
        "quế",
        "sa",
        "tây",
        "trà",
        "uyên",
        "vân",
        "vinh",
        "bắc",
        "chi",
        "đình",
        "giáp",
        "hồng",
        "kỳ",
        "lam",
        "liên",
        "nga",
        "oanh",
        "quý",
        "sinh",
        "tài",
        "triều",
        "ước",
        "việt",
        "xoan",
        "yến",
    ];
    let mut text = String::new();
    let mut seed: u64 = 7;
    for i in 0..3000 {
        text.push_str("Thôn");
        for _ in 0..6 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push(' ');
            text.push_str(syllables[(seed >> 33) as usize % syllables.len()]);
        }
        text.push_str(if i % 40 == 39 { ".\n\n" } else { ". " });
    }
    notice(
        &front("99-BC/VPTU", "2021-01-05", "Báo cáo danh sách thôn, tổ dân phố", "Văn phòng Tỉnh ủy"),
        &text,
    )
}

/// Chromium on the PATH, or `None` when the browser tests are to be skipped.
fn chromium() -> Option<PathBuf> {
    browser_program(&["chromium", "chromium-browser"])
}

/// A static file server on 127.0.0.1 that records the body bytes of every response: one
/// thread a connection, one request a connection, so a burst of script loads is answered at once.
struct CountingServer {
    port: u16,
    served: Arc<Mutex<Vec<(String, usize)>>>,
}

impl CountingServer {
    fn start(root: &Path) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("an address").port();
        let served = Arc::new(Mutex::new(Vec::new()));
        let (root, log) = (root.to_path_buf(), served.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().map_while(Result::ok) {
                let (root, log) = (root.clone(), log.clone());
                std::thread::spawn(move || answer(stream, &root, &log));
            }
        });
        CountingServer { port, served }
    }

    fn requests(&self) -> Vec<(String, usize)> {
        self.served.lock().unwrap().clone()
    }
}

/// Reads one request head and answers it with the file it names, or 404.
fn answer(mut stream: std::net::TcpStream, root: &Path, log: &Mutex<Vec<(String, usize)>>) {
    use std::io::{BufRead, Write};
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let mut reader = std::io::BufReader::new(stream.try_clone().expect("a second handle"));
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let url = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let bytes = read_served(root, &url);
    log.lock().unwrap().push((url.clone(), bytes.as_ref().map_or(0, Vec::len)));
    let response = match bytes {
        Some(body) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                content_type(&url),
                body.len()
            );
            [head.into_bytes(), body].concat()
        }
        None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
    };
    let _ = stream.write_all(&response);
}

/// The file a URL names under `root`; `None` if missing or outside.
fn read_served(root: &Path, url: &str) -> Option<Vec<u8>> {
    let path = url.split(['?', '#']).next().unwrap_or("").trim_start_matches('/');
    if path.split('/').any(|part| part == "..") {
        return None;
    }
    let mut file = root.join(path);
    if path.is_empty() || path.ends_with('/') {
        file = file.join("index.html");
    }
    std::fs::read(file).ok()
}

fn content_type(url: &str) -> &'static str {
    let path = url.split('?').next().unwrap_or("");
    match path.rsplit('.').next() {
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        _ => "text/html; charset=utf-8",
    }
}

/// What one search in the browser showed and fetched.
struct Outcome {
    dom: Html,
    requests: Vec<(String, usize)>,
}

impl Outcome {
    fn numbers(&self) -> Vec<String> {
        texts(&self.dom, "#search-results .search-result .number")
    }

    fn fetched(&self, prefix: &str) -> usize {
        self.requests.iter().filter(|(url, _)| url.starts_with(prefix)).map(|(_, n)| n).sum()
    }
}

/// Opens the search page with `query` (already URL-encoded) in headless Chromium.
fn search(query: &str) -> Option<Outcome> {
    let browser = chromium()?;
    let archive = built();
    let server = CountingServer::start(&archive.path("output"));
    let profile = tempfile::tempdir().expect("profile dir");
    let url = format!("http://127.0.0.1:{}/search/index.html?{query}", server.port);
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            &format!("--user-data-dir={}", profile.path().display()),
            "--virtual-time-budget=8000",
            "--dump-dom",
            &url,
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let (done, finished) = mpsc::channel();
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        let mut dom = String::new();
        let mut log = String::new();
        let _ = stdout.read_to_string(&mut dom);
        let _ = stderr.read_to_string(&mut log);
        let _ = done.send((dom, log));
    });
    let (dom, log) = match finished.recv_timeout(BROWSER_TIMEOUT) {
        Ok(output) => output,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {BROWSER_TIMEOUT:?} for {url}");
        }
    };
    let status = child.wait().expect("wait for chromium");
    assert!(status.success() && dom.contains("</html>"), "chromium failed ({status}) for {url}:\n{log}");
    let outcome = Outcome { dom: Html::parse_document(&dom), requests: server.requests() };
    let state = attrs(&outcome.dom, "#search", "data-state");
    assert_eq!(
        state,
        vec!["done"],
        "search did not finish for {url}: {}",
        text(&outcome.dom, "#search-status")
    );
    report(query, &outcome);
    Some(outcome)
}

/// Prints what the page fetched, for the test log.
fn report(query: &str, outcome: &Outcome) {
    eprintln!("search ?{query}: fetched");
    for (url, bytes) in &outcome.requests {
        eprintln!("  {bytes:>8}  {url}");
    }
    eprintln!("  {:>8}  in all", outcome.requests.iter().map(|(_, n)| n).sum::<usize>());
}

/// Bytes of every file of the index (manifest, term and document shards).
fn index_bytes() -> (usize, usize) {
    let dir = built().path("output/search");
    let mut total = 0;
    let mut terms = 0;
    for (name, bytes) in snapshot(&dir) {
        if name.ends_with(".js") {
            total += bytes.len();
            terms += usize::from(name.starts_with("terms"));
        }
    }
    (total, terms)
}

#[test]
fn a_phrase_without_diacritics_ranks_the_notices_holding_it_first() {
    let Some(outcome) = search("q=to%20chuc%20can%20bo") else { return };
    let numbers = outcome.numbers();
    assert!(numbers.len() >= 6, "{numbers:?}");
    let mut phrase: Vec<&str> = numbers[..3].iter().map(String::as_str).collect();
    phrase.sort();
    assert_eq!(phrase, vec!["08-ĐA/TU", "12-TB/VPTU", "21-KL/TU"], "{numbers:?}");
    for apart in ["1234/QĐ-UBND", "16-CT/TU", "05-HD/BTCTU"] {
        assert!(numbers[3..].iter().any(|n| n == apart), "{apart} missing from {numbers:?}");
    }
    assert!(!numbers.iter().any(|n| n == "162-NQ/TU"), "{numbers:?}");
    // Matched words are marked as written, diacritics and capitals kept.
    let first = Selector::parse("#search-results .search-result").unwrap();
    let first = outcome.dom.select(&first).next().unwrap();
    let marks: Vec<String> =
        first.select(&Selector::parse("mark").unwrap()).map(|m| m.text().collect()).collect();
    assert!(marks.iter().any(|m| m == "tổ" || m == "Tổ" || m == "TỔ"), "{marks:?}");
    assert!(marks.iter().any(|m| m == "cán" || m == "CÁN"), "{marks:?}");
    assert!(text(&outcome.dom, "#search-status").contains(&numbers.len().to_string()));

    let (whole_index, term_shards) = index_bytes();
    let fetched = outcome.fetched("/search/manifest.js")
        + outcome.fetched("/search/terms/")
        + outcome.fetched("/search/docs/");
    eprintln!("index: {whole_index} bytes in {term_shards} term shards; this search fetched {fetched}");
    assert!(term_shards >= 16, "the index should have several term shards, has {term_shards}");
    assert!(fetched < whole_index, "fetched {fetched} of an index of {whole_index} bytes");
    let first_load = outcome.fetched("/search/index.html")
        + outcome.fetched("/search.js")
        + outcome.fetched("/style.css")
        + outcome.fetched("/search/manifest.js");
    assert!(first_load < 100_000, "{first_load} bytes before the first query");
}

#[test]
fn a_number_in_any_spelling_puts_that_notice_first() {
    for query in ["q=162-nq%2Ftu", "q=162%20NQ%20TU", "q=nq%20162"] {
        let Some(outcome) = search(query) else { return };
        let numbers = outcome.numbers();
        assert_eq!(numbers.first().map(String::as_str), Some("162-NQ/TU"), "{query}: {numbers:?}");
        assert!(
            numbers.iter().any(|n| n == "03-KH/TU"),
            "{query}: the citing plan is listed too: {numbers:?}"
        );
    }
}

#[test]
fn a_number_used_in_two_years_lists_both_newest_first() {
    let Some(outcome) = search("q=45-TB%2FVPTU") else { return };
    let numbers = outcome.numbers();
    assert_eq!(numbers[..2], ["45-TB/VPTU", "45-TB/VPTU"], "{numbers:?}");
    let dates = texts(&outcome.dom, "#search-results .search-result .date");
    assert_eq!(dates[..2], ["15/2/2024", "10/2/2023"], "{dates:?}");
}

#[test]
fn filters_and_tone_placement_variants() {
    let Some(outcome) = search("q=can%20bo&year=2023") else { return };
    let dates = texts(&outcome.dom, "#search-results .search-result .date");
    assert_eq!(outcome.numbers(), vec!["08-ĐA/TU"], "{dates:?}");
    // "hòa" finds the report written with "hoà".
    let Some(outcome) = search("q=h%C3%B2a%20gi%E1%BA%A3i") else { return };
    assert_eq!(outcome.numbers(), vec!["30-BC/TU"]);
}
