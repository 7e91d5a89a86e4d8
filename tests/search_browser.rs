//! The search page in a real browser: headless Chromium loads `search/index.html?q=…` from a
//! small archive served over HTTP, runs `search.js` against the built index, and the test reads
//! the results from the dumped DOM. The server counts the bytes of every response, to show the
//! page fetches only the pieces of the index a query needs. The tests of what the page shows
//! (every word required, exact diacritics first, quoted phrases, the closest notices, marks, and
//! a search from disk, `file://`) drive Chromium over WebDriver and wait for the search's end.
//!
//! Needs `chromium` and `chromedriver` on the PATH (Debian: `apt-get install chromium
//! chromium-driver`). Without it the tests fail,
//! unless `GAZETTE_SKIP_BROWSER=1` is set, which skips them with a notice.

#[path = "search_browser/archive.rs"]
mod archive;
mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use archive::built;
use common::webdriver::Browser;
use common::*;
use scraper::{Html, Selector};
use serde_json::Value;

/// How long one Chromium run may take, wall time, before it is killed and the test fails.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);

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
    // Matched words are marked as written, diacritics and capitals kept; a phrase as one mark.
    let items = Selector::parse("#search-results .search-result").unwrap();
    let number = Selector::parse(".number").unwrap();
    let first = outcome
        .dom
        .select(&items)
        .find(|item| item.select(&number).any(|n| n.text().collect::<String>() == "12-TB/VPTU"))
        .unwrap();
    let marks: Vec<String> =
        first.select(&Selector::parse("mark").unwrap()).map(|m| m.text().collect()).collect();
    assert!(marks.iter().any(|m| m.to_lowercase() == "tổ chức cán bộ"), "{marks:?}");
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

// ---------- In a driven browser: what the page shows, over HTTP and from disk ----------

/// One result as the page lists it.
#[derive(Debug)]
struct Shown {
    /// `match`, `twins` or `closest`.
    group: String,
    number: String,
    /// The marked words, as written.
    marks: Vec<String>,
}

/// What the page showed for one search.
#[derive(Debug)]
struct Page {
    status: String,
    results: Vec<Shown>,
    /// The group headings, in order.
    headings: Vec<String>,
}

impl Page {
    fn numbers(&self, group: &str) -> Vec<&str> {
        self.results.iter().filter(|r| r.group == group).map(|r| r.number.as_str()).collect()
    }

    fn result(&self, number: &str) -> &Shown {
        self.results
            .iter()
            .find(|r| r.number == number)
            .unwrap_or_else(|| panic!("{number} is not listed: {self:#?}"))
    }
}

/// Opens `url` and waits until the search has finished, then reads what it shows.
fn shown(browser: &Browser, url: &str) -> Page {
    browser.open(url);
    browser.wait_until(
        "var s = document.getElementById('search'); \
         return !!s && (s.dataset.state === 'done' || s.dataset.state === 'error');",
        &format!("the end of the search {url}"),
    );
    let value = browser.script(
        "var s = document.getElementById('search'); \
         return {state: s.dataset.state, status: document.getElementById('search-status').textContent, \
           results: Array.from(document.querySelectorAll('#search-results li.search-result')).map(function (li) { \
             return {group: li.dataset.group, number: li.querySelector('.number').textContent, \
               marks: Array.from(li.querySelectorAll('mark')).map(function (m) { return m.textContent; })}; }), \
           headings: Array.from(document.querySelectorAll('#search-results li.search-group')).map(function (h) { \
             return h.dataset.group + ': ' + h.textContent; })};",
    );
    assert_eq!(value["state"], "done", "the search failed for {url}: {value}");
    let strings = |v: &Value| -> Vec<String> {
        v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
    };
    let page = Page {
        status: value["status"].as_str().unwrap().to_string(),
        results: value["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| Shown {
                group: r["group"].as_str().unwrap().to_string(),
                number: r["number"].as_str().unwrap().to_string(),
                marks: strings(&r["marks"]),
            })
            .collect(),
        headings: strings(&value["headings"]),
    };
    eprintln!("{url}: {page:#?}");
    page
}

/// A browser and a server of the test archive, for searches over HTTP.
fn driven() -> Option<(Browser, CountingServer)> {
    let browser = Browser::start()?;
    Some((browser, CountingServer::start(&built().path("output"))))
}

fn over_http(server: &CountingServer, query: &str) -> String {
    format!("http://127.0.0.1:{}/search/index.html?{query}", server.port)
}

#[test]
fn every_word_is_required_and_only_matched_words_are_marked() {
    let Some((browser, server)) = driven() else { return };
    let page = shown(&browser, &over_http(&server, "q=to+chuc+can+bo"));
    let all: Vec<&str> = page.numbers("match");
    assert_eq!(all.len(), page.results.len(), "every result holds every word: {page:#?}");
    assert!(page.status.contains(&format!("{}", all.len())), "{page:#?}");
    for missing in ["162-NQ/TU", "45-TB/VPTU", "19-BC/TU"] {
        assert!(!all.contains(&missing), "{missing} lacks a word: {all:?}");
    }
    // 16-CT/TU holds the four words apart, and "Căn cứ", "bổ sung": only the pairs it holds
    // are marked, as pairs.
    let apart = page.result("16-CT/TU");
    assert!(apart.marks.len() >= 2, "{apart:?}");
    for mark in &apart.marks {
        let lower = mark.to_lowercase();
        assert!(lower == "tổ chức" || lower == "cán bộ", "{mark:?} in {apart:?}");
    }

    // A word no notice holds: none holds them all; the closest are offered, labelled.
    let page = shown(&browser, &over_http(&server, "q=t%E1%BB%95+ch%E1%BB%A9c+xylophone"));
    assert!(page.status.starts_with("Không có văn bản nào chứa đủ các từ"), "{page:#?}");
    assert_eq!(page.headings, vec!["closest: Văn bản gần nhất (không chứa đủ các từ đã gõ)"]);
    assert!(!page.results.is_empty() && page.results.iter().all(|r| r.group == "closest"), "{page:#?}");
    assert!(page.results.iter().any(|r| r.number == "12-TB/VPTU"), "{page:#?}");
}

#[test]
fn words_typed_with_diacritics_rank_their_exact_form_first() {
    let Some((browser, server)) = driven() else { return };
    let page = shown(&browser, &over_http(&server, "q=%C4%90%E1%BB%93ng+L%C3%A2m"));
    assert_eq!(page.numbers("match"), vec!["40-TB/VPTU"], "{page:#?}");
    assert!(page.status.starts_with("Tìm thấy 1 văn bản"), "{page:#?}");
    let twins = page.numbers("twins");
    for twin in ["41-TB/VPTU", "19-BC/TU"] {
        assert!(twins.contains(&twin), "{twin} holds the words with other diacritics: {page:#?}");
    }
    assert_eq!(page.headings, vec!["twins: Chứa các từ này nhưng khác dấu"]);
    let marks = &page.results[0].marks;
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m == "Đồng Lâm"),
        "the pair as one mark, as written: {marks:?}"
    );
    // In a twin, the word held exactly is marked in that form, the other in its twin's.
    let twin = &page.result("41-TB/VPTU").marks;
    assert!(!twin.iter().any(|m| m.contains("Lâm")), "{page:#?}");
    assert!(twin.iter().any(|m| m == "đồng") && twin.iter().any(|m| m == "làm"), "{page:#?}");

    // Without diacritics both spellings are matches alike; the pair held ranks first.
    let page = shown(&browser, &over_http(&server, "q=dong+lam"));
    let all = page.numbers("match");
    assert_eq!(all.len(), page.results.len(), "{page:#?}");
    assert_eq!(all[0], "40-TB/VPTU");
    for number in ["41-TB/VPTU", "19-BC/TU"] {
        assert!(all.contains(&number), "{number}: {all:?}");
    }
    assert!(page.headings.is_empty());

    // "đang" above "Đảng".
    let page = shown(&browser, &over_http(&server, "q=%C4%91ang"));
    assert_eq!(page.numbers("match"), vec!["41-TB/VPTU"], "{page:#?}");
    assert_eq!(page.results[0].marks, vec!["đang"]);
    assert!(page.numbers("twins").contains(&"162-NQ/TU"), "Đảng bộ: {page:#?}");
    assert!(page.status.contains("khác dấu"), "{page:#?}");
}

#[test]
fn a_quoted_phrase_matches_only_the_phrase() {
    let Some((browser, server)) = driven() else { return };
    let page = shown(&browser, &over_http(&server, "q=%22t%E1%BB%95+ch%E1%BB%A9c+c%C3%A1n+b%E1%BB%99%22"));
    let mut numbers = page.numbers("match");
    numbers.sort();
    assert_eq!(numbers, vec!["08-ĐA/TU", "12-TB/VPTU", "21-KL/TU"], "{page:#?}");
    assert_eq!(page.results.len(), 3, "{page:#?}");
    assert!(page.status.starts_with("Tìm thấy 3 văn bản"), "{page:#?}");
    assert_eq!(page.result("12-TB/VPTU").marks, vec!["tổ chức cán bộ"]);

    // A phrase no notice holds: the notices holding its words are the closest, labelled.
    let page = shown(&browser, &over_http(&server, "q=%22c%C3%A1n+b%E1%BB%99+t%E1%BB%95+ch%E1%BB%A9c%22"));
    assert!(page.numbers("match").is_empty(), "{page:#?}");
    assert!(page.status.starts_with("Không có văn bản nào chứa đủ"), "{page:#?}");
    assert!(page.results.iter().any(|r| r.number == "12-TB/VPTU" && r.group == "closest"), "{page:#?}");
}

#[test]
fn a_quoted_phrase_of_more_words_matches_only_where_they_stand_together() {
    let Some((browser, server)) = driven() else { return };
    // "thực hiện nghiêm túc": 53-TB/VPTU holds "thực hiện", "hiện nghiêm" and "nghiêm túc",
    // but apart.
    let page = shown(&browser, &over_http(&server, "q=%22th%E1%BB%B1c+hi%E1%BB%87n+nghi%C3%AAm+t%C3%BAc%22"));
    assert_eq!(page.numbers("match"), vec!["52-TB/VPTU"], "{page:#?}");
    assert_eq!(page.results.len(), 1, "{page:#?}");
    assert!(page.status.starts_with("Tìm thấy 1 văn bản"), "{page:#?}");
    assert_eq!(page.results[0].marks, vec!["thực hiện nghiêm túc"]);

    // Three words, typed without diacritics, from the middle of a phrase: the same.
    let page = shown(&browser, &over_http(&server, "q=%22hien+nghiem+tuc%22"));
    assert_eq!(page.numbers("match"), vec!["52-TB/VPTU"], "{page:#?}");

    // "thể hiện nghiêm túc": 53-TB/VPTU holds every pair of it, none of them together.
    let page = shown(&browser, &over_http(&server, "q=%22th%E1%BB%83+hi%E1%BB%87n+nghi%C3%AAm+t%C3%BAc%22"));
    assert!(page.numbers("match").is_empty(), "{page:#?}");
    assert!(page.status.starts_with("Không có văn bản nào chứa đủ"), "{page:#?}");
    // The closest is the notice with two of its pairs together; the one holding them apart is not
    // listed at all.
    assert_eq!(page.numbers("closest"), vec!["52-TB/VPTU"], "{page:#?}");
    assert!(page.results.iter().all(|r| r.number != "53-TB/VPTU"), "{page:#?}");

    // Unquoted, the same words find both notices.
    let page = shown(&browser, &over_http(&server, "q=th%E1%BB%B1c+hi%E1%BB%87n+nghi%C3%AAm+t%C3%BAc"));
    let mut numbers = page.numbers("match");
    numbers.sort();
    assert_eq!(numbers, vec!["52-TB/VPTU", "53-TB/VPTU"], "{page:#?}");

    // A phrase with numbers, which make no bigrams: "khoản 2 Điều 5" (53-TB/VPTU has "khoản 2",
    // "2 Điều" and "Điều 5", apart), marked whole.
    let page = shown(&browser, &over_http(&server, "q=%22kho%E1%BA%A3n+2+%C4%90i%E1%BB%81u+5%22"));
    assert_eq!(page.numbers("match"), vec!["52-TB/VPTU"], "{page:#?}");
    assert_eq!(page.results.len(), 1, "{page:#?}");
    assert_eq!(page.results[0].marks, vec!["khoản 2 Điều 5"]);
    let page = shown(&browser, &over_http(&server, "q=kho%E1%BA%A3n+2+%C4%90i%E1%BB%81u+5"));
    let mut numbers = page.numbers("match");
    numbers.sort();
    assert_eq!(numbers, vec!["52-TB/VPTU", "53-TB/VPTU"], "{page:#?}");
}

#[test]
fn on_a_phone_the_first_result_is_in_view_below_the_filters() {
    let Some(browser) = Browser::start_phone(390, 844) else { return };
    let url = format!("file://{}?q=chuyen+doi+so", built().path("output/search/index.html").display());
    let page = shown(&browser, &url);
    assert!(!page.results.is_empty(), "{page:#?}");
    let g = browser.script(
        "var box = function (q) { var r = document.querySelector(q).getBoundingClientRect(); \
           return {top: r.top, bottom: r.bottom, right: r.right}; }; \
         var select = function (name) { var r = document.querySelector('.search-filters select[name=' + name + ']') \
           .getBoundingClientRect(); return {top: Math.round(r.top), width: r.width}; }; \
         return {first: box('#search-results li.search-result'), filters: box('.search-filters'), \
           hint: box('.search-hint'), type: select('type'), issuer: select('issuer'), year: select('year'), \
           panel: document.querySelector('.search-filters').getBoundingClientRect().width, \
           page: document.documentElement.scrollWidth};",
    );
    let number = |v: &Value| v.as_f64().unwrap();
    assert!(number(&g["first"]["bottom"]) <= 844.0, "the first result is below the fold: {g}");
    assert!(number(&g["filters"]["bottom"]) <= number(&g["first"]["top"]), "{g}");
    // Type and year on one line, the issuer's long names below them as wide as the form; the
    // help after the results; nothing wider than the phone.
    assert_eq!(g["type"]["top"], g["year"]["top"], "{g}");
    assert!(number(&g["issuer"]["top"]) > number(&g["type"]["top"]), "{g}");
    assert!(number(&g["issuer"]["width"]) >= 0.95 * number(&g["panel"]), "{g}");
    assert!(number(&g["hint"]["top"]) > number(&g["first"]["top"]), "{g}");
    assert_eq!(g["page"], 390, "{g}");
}

#[test]
fn the_search_works_from_disk() {
    let Some(browser) = Browser::start() else { return };
    let url =
        format!("file://{}?q=chuyen+doi+so&year=2024", built().path("output/search/index.html").display());
    let page = shown(&browser, &url);
    let mut numbers = page.numbers("match");
    numbers.sort();
    assert_eq!(numbers, vec!["03-KH/TU", "162-NQ/TU"], "{page:#?}");
    assert!(page.status.starts_with("Tìm thấy 2 văn bản"), "{page:#?}");
    assert!(page.result("162-NQ/TU").marks.iter().any(|m| m == "chuyển đổi số"), "{page:#?}");
    // The query stays in the address, and typing another runs it too.
    assert_eq!(browser.script("return new URLSearchParams(location.search).get('q');"), "chuyen doi so");
    browser.script(
        "var input = document.getElementById('search-q'); input.value = '\"Đồng Lâm\"'; \
         document.getElementById('search').dataset.state = 'typed'; \
         document.getElementById('search-form').requestSubmit();",
    );
    browser.wait_until(
        "return document.getElementById('search').dataset.state === 'done';",
        "the second search from disk",
    );
    let numbers = browser.script(
        "return Array.from(document.querySelectorAll('#search-results .search-result .number')).map(function (n) { return n.textContent; });",
    );
    assert_eq!(numbers, serde_json::json!(["40-TB/VPTU"]));
}
