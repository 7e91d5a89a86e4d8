//! What the preview answers: request paths to files, content types, the live-reload script,
//! and the opening of event streams.
//!
//! Only files of the previewed site are answered: a request path is percent-decoded once and
//! refused if any segment is `..` or `.`, or it holds a backslash, a NUL or a drive colon;
//! what remains is looked up in the snapshot's table of files, never joined to a folder on
//! disk. Pages get the reload script on the way out; the built output never holds it.
//! A request is answered only when its `Host` is an IP address or `localhost`: a web page
//! whose own name is made to lead to this machine (DNS rebinding) gets 403, not the preview.
//! Connections and their limits are `guard`'s.

use std::net::TcpStream;
use std::sync::{Arc, RwLock};

use tiny_http::{Header, Response, StatusCode};

use super::events::Events;
use super::guard::{Answer, Handler, Reply, Request, plain};
use super::preview::{Served, Snapshot};
use crate::diag::Diagnostic;
use crate::message::{self, Language};

const EVENTS: &str = "__gazette/events";
const SCRIPT: &str = "__gazette/live.js";
const LIVE_JS: &str = include_str!("live.js");
const SCRIPT_TAG: &str = "<script src=\"/__gazette/live.js\"></script>";

/// The preview as the connections see it: the snapshot being served and the event streams.
pub struct Site {
    current: RwLock<Arc<Snapshot>>,
    pub events: Arc<Events>,
}

impl Site {
    pub fn new(snapshot: Arc<Snapshot>, events: Arc<Events>) -> Site {
        Site { current: RwLock::new(snapshot), events }
    }

    /// The snapshot to answer from; the lock is held only to copy the pointer.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Serves a new snapshot from now on.
    pub fn replace(&self, snapshot: Arc<Snapshot>) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = snapshot;
    }
}

impl Handler for Site {
    fn answer(&self, request: &Request) -> Answer {
        let language = self.snapshot().language;
        let mut hosts = request.headers.iter().filter(|h| h.field.equiv("Host")).map(|h| h.value.as_str());
        match (hosts.next(), hosts.next()) {
            (_, Some(_)) => return Answer::Respond(plain(400, "http-bad-request", language)),
            (Some(host), None) if !host_allowed(host) => {
                return Answer::Respond(plain(403, "http-bad-host", language));
            }
            _ => {}
        }
        let Some(path) = site_path(&request.target) else {
            return Answer::Respond(plain(400, "http-bad-path", language));
        };
        if path == EVENTS {
            if !self.events.has_room() {
                return Answer::Respond(plain(503, "http-too-many-previews", language));
            }
            return Answer::Stream;
        }
        if path == SCRIPT {
            let script = LIVE_JS.replace("__INSTANCE__", &self.events.instance);
            return Answer::Respond(bytes(200, script.into_bytes(), "text/javascript; charset=utf-8"));
        }
        let snapshot = self.snapshot();
        let failed_before = snapshot.failed_pages();
        let query = request.target.split_once('?').map(|(_, query)| query);
        let response = page(&snapshot, &path, query);
        if snapshot.failed_pages() > failed_before {
            // A page a build would have failed on: said as a failed rebuild is.
            let problems = snapshot.problems();
            crate::diag::print_capped(&problems, snapshot.language);
            self.events.send("errors", &overlay_lines(&problems, snapshot.language));
        }
        Answer::Respond(response)
    }

    fn language(&self) -> Language {
        self.snapshot().language
    }

    fn stream(&self, _request: &Request, stream: TcpStream) {
        let (event, data) = status_event(&self.snapshot());
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n\
             retry: 500\nevent: hello\ndata: {}\n\nevent: {event}\ndata: {data}\n\n",
            self.events.instance
        );
        self.events.add(stream, head.as_bytes());
    }
}

/// The current state of the preview as an event: its errors, or that all is well.
pub fn status_event(snapshot: &Snapshot) -> (&'static str, String) {
    let problems = snapshot.problems();
    if problems.is_empty() {
        ("ok", "{}".to_string())
    } else {
        ("errors", overlay_lines(&problems, snapshot.language))
    }
}

/// The lines of the error overlay, as JSON: a title, each problem, and what to do.
pub fn overlay_lines(errors: &[Diagnostic], language: Language) -> String {
    let mut lines = vec![message::text(language, "overlay-title")];
    lines.extend(errors.iter().map(|d| d.render(language)));
    lines.push(message::text(language, "overlay-help"));
    serde_json::to_string(&lines).unwrap_or_default()
}

/// Whether a request's `Host` (with its port, if any) names this machine in a way no other
/// site can: an IP address, `localhost` or a name under `.localhost`. Names of the internet
/// are refused, since a page of such a name may be made to lead to a loopback address.
pub fn host_allowed(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(bracketed) => match bracketed.split_once(']') {
            Some((address, after)) => {
                let port_or_nothing = after.is_empty() || after.strip_prefix(':').is_some_and(is_port);
                return address.parse::<std::net::Ipv6Addr>().is_ok() && port_or_nothing;
            }
            None => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) if is_port(port) => name,
            Some(_) => return false,
            None => host,
        },
    };
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    name.parse::<std::net::Ipv4Addr>().is_ok()
        || name == "localhost"
        || name.strip_suffix(".localhost").is_some_and(|label| !label.is_empty() && !label.ends_with('.'))
}

fn is_port(text: &str) -> bool {
    text.parse::<u16>().is_ok()
}

/// The site path of a request URL: percent-decoded, without query, `None` when it tries to
/// leave the site.
pub fn site_path(url: &str) -> Option<String> {
    let raw = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(raw)?;
    if decoded.contains(['\\', '\0']) || decoded.contains(':') {
        return None;
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {}
            "." | ".." => return None,
            s => segments.push(s),
        }
    }
    let mut path = segments.join("/");
    if decoded.ends_with('/') && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The response for a site path; a folder asked for without its slash is sent to it with the
/// query it was asked with (a search shared by its address).
fn page(preview: &Snapshot, path: &str, query: Option<&str>) -> Reply {
    if !preview.has_site() {
        return error_page(preview);
    }
    let wanted =
        if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_string() };
    if let Some(served) = preview.file(&wanted) {
        let status = if matches!(served, Served::Failed(_)) { 500 } else { 200 };
        // A copied file that gets no script is sent from disk as it is read.
        if let Served::File(source) = &served
            && !content_type(&wanted).starts_with("text/html")
        {
            return match std::fs::File::open(source) {
                Ok(file) => Response::from_file(file)
                    .with_chunked_threshold(usize::MAX)
                    .with_status_code(StatusCode(status))
                    .with_header(header("Content-Type", content_type(&wanted)))
                    .with_header(header("Cache-Control", "no-store"))
                    .boxed(),
                Err(_) => text(404, "http-not-found", preview.language),
            };
        }
        return match read(served) {
            Some(body) => with_script(status, body, &wanted),
            None => text(404, "http-not-found", preview.language),
        };
    }
    if preview.file(&format!("{wanted}/index.html")).is_some() {
        let location = match query {
            Some(query) => format!("/{wanted}/?{query}"),
            None => format!("/{wanted}/"),
        };
        return text(301, "http-moved", preview.language)
            .with_header(header("Location", &header_safe(&location)));
    }
    match preview.file("404.html").and_then(read) {
        Some(body) => with_script(404, body, "404.html"),
        None => text(404, "http-not-found", preview.language),
    }
}

fn read(served: Served) -> Option<Vec<u8>> {
    match served {
        Served::Rendered(bytes) | Served::Failed(bytes) => Some(bytes.as_ref().clone()),
        Served::Embedded(bytes) => Some(bytes.to_vec()),
        Served::File(path) => std::fs::read(path).ok(),
    }
}

/// A page of the errors, when no build has succeeded yet.
fn error_page(preview: &Snapshot) -> Reply {
    let language = preview.language;
    let title = message::text(language, "overlay-title");
    let mut html = format!(
        "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><title>Gazette: {title}</title><body><h1>{title}</h1><pre>",
        language.code()
    );
    for d in &preview.errors {
        crate::content::body::escape_into(&mut html, &d.render(language));
        html.push('\n');
    }
    html.push_str("</pre><p>");
    html.push_str(&message::text(language, "overlay-help"));
    html.push_str("</p></body>");
    with_script(503, html.into_bytes(), "index.html")
}

fn with_script(status: u16, body: Vec<u8>, path: &str) -> Reply {
    let kind = content_type(path);
    if !kind.starts_with("text/html") {
        return bytes(status, body, kind);
    }
    let mut body = body;
    let at = find_last(&body, b"</body>").unwrap_or(body.len());
    body.splice(at..at, SCRIPT_TAG.bytes());
    bytes(status, body, kind)
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn bytes(status: u16, body: Vec<u8>, kind: &str) -> Reply {
    Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
        .boxed()
}

fn text(status: u16, message: &'static str, language: Language) -> Reply {
    plain(status, message, language).with_header(header("Cache-Control", "no-store"))
}

/// A location as a header holds it: bytes outside printable ASCII percent-encoded.
fn header_safe(location: &str) -> String {
    let mut out = String::with_capacity(location.len());
    for byte in location.bytes() {
        if byte.is_ascii_graphic() {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// The content type of a site path, by extension.
pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" if path.ends_with("feed.xml") => "application/atom+xml",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        for url in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/van-ban/%2E%2E/%2e%2e/Cargo.toml",
            "/van-ban%2f..%2f..%2fsite.yaml",
            "/..%5csite.yaml",
            "/a\\b",
            "/C:/Windows",
            "/%00",
            "/%zz",
            "/./index.html",
        ] {
            assert_eq!(site_path(url), None, "{url}");
        }
    }

    #[test]
    fn site_paths_are_decoded_and_normalised() {
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(site_path("/van-ban/2024/x/?q=1").as_deref(), Some("van-ban/2024/x/"));
        assert_eq!(site_path("//style.css").as_deref(), Some("style.css"));
        assert_eq!(site_path("/ch%E1%BB%A7-%C4%91%E1%BB%81").as_deref(), Some("chủ-đề"));
    }

    #[test]
    fn hosts_of_this_machine_are_answered_and_names_of_the_internet_refused() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:8000",
            "localhost",
            "LOCALHOST:8001",
            "localhost.:8000",
            "kho.localhost:8000",
            "[::1]:8000",
            "[::1]",
            "192.168.1.20:8000",
            "0.0.0.0",
        ] {
            assert!(host_allowed(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example",
            "127.0.0.1.nip.io:8000",
            "localhost:80:80",
            "localhost:",
            "localhost:99999",
            "[::1",
            "[::1]x",
            "[evil.example]:8000",
            ".localhost",
            "a..localhost",
            "",
            "127.0.0.1 evil.example",
        ] {
            assert!(!host_allowed(host), "{host}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("feed.xml"), "application/atom+xml");
        assert_eq!(content_type("x.CSV"), "text/csv; charset=utf-8");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }
}
