//! The preview's connections: accepting them, reading requests under limits, and writing
//! responses.
//!
//! The preview only answers GET and HEAD, so no request body is ever read: a request that
//! announces one gets 405 or 413 and its connection is closed, whatever size it claims. A
//! request head may take at most [`HEAD_BYTES`] and [`HEAD_TIME`]; a connection that stays
//! idle longer than [`IDLE_TIME`], or whose client takes less than [`MIN_PROGRESS`] of its
//! response in any [`WRITE_TIME`], is closed (files are sent from disk as they are read, so a
//! client that stops reading holds no more than a buffer). At most [`MAX_CONNECTIONS`] are open at once, each on a thread of its own, so no
//! client can hold another's: the next ones get 503 at once. HTTP's types and the response
//! writer are `tiny_http`'s; what a path answers is `http`'s, the event streams `events`'.

use std::io::{self, BufWriter, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tiny_http::{HTTPVersion, Header, Method, Response, StatusCode};

use crate::message::Language;

/// Largest request head read: request line and headers.
pub const HEAD_BYTES: usize = 16 * 1024;
/// Time a client has to send a whole request head once it started.
pub const HEAD_TIME: Duration = Duration::from_secs(10);
/// Time a kept-alive connection may wait for its next request.
pub const IDLE_TIME: Duration = Duration::from_secs(15);
/// Time in which a client must take [`MIN_PROGRESS`] of a response, or all of what is left.
pub const WRITE_TIME: Duration = Duration::from_secs(15);
/// What a client must take of a response in each [`WRITE_TIME`]: one that reads a few bytes
/// at a time would otherwise hold its connection for ever.
pub const MIN_PROGRESS: usize = 64 * 1024;
/// Connections open at once; event streams are counted by `events`, not here.
pub const MAX_CONNECTIONS: usize = 512;
/// Requests answered on one connection before it is closed.
const MAX_REQUESTS: usize = 1000;
/// Stack of a connection thread: enough to render a page.
const STACK_BYTES: usize = 1024 * 1024;

/// A request the preview will answer.
pub struct Request {
    pub method: Method,
    /// The request target as sent (`/van-ban/2024/?q=1`).
    pub target: String,
    pub version: HTTPVersion,
    pub headers: Vec<Header>,
}

/// A response whose body is read as it is sent: from memory, or from a file.
pub type Reply = tiny_http::ResponseBox;

/// What the preview does with a request.
pub enum Answer {
    /// Send this response.
    Respond(Reply),
    /// The connection becomes an event stream: hand it over.
    Stream,
}

/// Answers requests; implemented by the preview server.
pub trait Handler: Send + Sync + 'static {
    fn answer(&self, request: &Request) -> Answer;
    /// The language the short error responses are in: the archive's.
    fn language(&self) -> Language;
    /// Takes a connection whose request asked for the event stream.
    fn stream(&self, request: &Request, stream: TcpStream);
}

/// Accepts connections for ever, each on a thread of its own, within [`MAX_CONNECTIONS`].
pub fn serve(listener: TcpListener, handler: Arc<dyn Handler>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if open.fetch_add(1, Ordering::AcqRel) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::AcqRel);
            refuse(stream, handler.language());
            continue;
        }
        let (handler, slot) = (handler.clone(), Slot(open.clone()));
        let spawned = std::thread::Builder::new()
            .name("gazette-connection".into())
            .stack_size(STACK_BYTES)
            .spawn(move || {
                let _slot = slot;
                connection(stream, &*handler);
            });
        // A thread that cannot start drops its connection and frees its slot.
        drop(spawned);
    }
}

/// Frees a connection's place when its thread ends, however it ends.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Too many connections: a short 503 into the socket's buffer, and close.
fn refuse(stream: TcpStream, language: Language) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let _ = write_short(&stream, plain(503, "http-busy", language));
}

/// Answers the requests of one connection until it closes, idles out or misbehaves.
fn connection(stream: TcpStream, handler: &dyn Handler) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(WRITE_TIME));
    let mut pending = Vec::new();
    for served in 0..MAX_REQUESTS {
        let wait = if served == 0 { HEAD_TIME } else { IDLE_TIME };
        let head = match read_head(&stream, &mut pending, wait) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(HeadError::TooLarge) => {
                return reject(&stream, 431, "http-head-too-large", handler.language());
            }
            Err(HeadError::Malformed) => return reject(&stream, 400, "http-bad-request", handler.language()),
            Err(HeadError::Io) => return,
        };
        let Some(request) = parse_head(&head) else {
            return reject(&stream, 400, "http-bad-request", handler.language());
        };
        if let Some((status, message)) = refusal(&request) {
            let allow = Header::from_bytes("Allow", "GET, HEAD").expect("a valid header");
            let response = plain(status, message, handler.language()).with_header(allow);
            let _ = write_response(&stream, response, request.version, &request.headers, false, false);
            return;
        }
        let keep = keeps_alive(&request) && served + 1 < MAX_REQUESTS;
        match handler.answer(&request) {
            Answer::Stream => {
                let _ = stream.set_read_timeout(None);
                return handler.stream(&request, stream);
            }
            Answer::Respond(response) => {
                let head_only = request.method == Method::Head;
                if write_response(&stream, response, request.version, &request.headers, head_only, keep)
                    .is_err()
                    || !keep
                {
                    return;
                }
            }
        }
    }
}

/// Why a request head could not be read.
#[derive(Debug, PartialEq, Eq)]
enum HeadError {
    TooLarge,
    Malformed,
    Io,
}

/// Reads one request head (up to the empty line) into a string; `pending` holds bytes read
/// past the last head. `None` when the client closed or idled out before a request began.
fn read_head(stream: &TcpStream, pending: &mut Vec<u8>, wait: Duration) -> Result<Option<String>, HeadError> {
    let deadline = Instant::now() + wait;
    let mut started = !pending.is_empty();
    let mut head_deadline = if started { Instant::now() + HEAD_TIME } else { deadline };
    let mut buffer = [0u8; 4096];
    loop {
        if let Some(end) = head_end(pending) {
            if end > HEAD_BYTES {
                return Err(HeadError::TooLarge);
            }
            let head = String::from_utf8(pending[..end].to_vec()).map_err(|_| HeadError::Malformed)?;
            pending.drain(..end);
            return Ok(Some(head));
        }
        if pending.len() > HEAD_BYTES {
            return Err(HeadError::TooLarge);
        }
        let left = head_deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return if started { Err(HeadError::Io) } else { Ok(None) };
        }
        stream.set_read_timeout(Some(left)).map_err(|_| HeadError::Io)?;
        match (&*stream).read(&mut buffer) {
            Ok(0) => return if started { Err(HeadError::Io) } else { Ok(None) },
            Ok(n) => {
                if !started {
                    started = true;
                    head_deadline = Instant::now() + HEAD_TIME;
                }
                pending.extend_from_slice(&buffer[..n]);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return if started { Err(HeadError::Io) } else { Ok(None) },
        }
    }
}

/// The length of a head that ends in an empty line, counting the empty line.
fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n").map(|at| at + 4);
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|at| at + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The request line and headers of a head; `None` when they are not HTTP/1.x.
fn parse_head(head: &str) -> Option<Request> {
    let mut lines = head.lines().map(|l| l.trim_end_matches('\r')).skip_while(|l| l.is_empty());
    let mut parts = lines.next()?.split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !target.starts_with('/') {
        return None;
    }
    let version = match version {
        "HTTP/1.1" => HTTPVersion(1, 1),
        "HTTP/1.0" => HTTPVersion(1, 0),
        _ => return None,
    };
    let headers: Option<Vec<Header>> =
        lines.filter(|l| !l.is_empty()).map(|l| Header::from_str(l).ok()).collect();
    Some(Request {
        method: Method::from_str(method).ok()?,
        target: target.to_string(),
        version,
        headers: headers?,
    })
}

/// The status that refuses a request before it is answered: any other method than GET and
/// HEAD, and any body, which is never read.
fn refusal(request: &Request) -> Option<(u16, &'static str)> {
    if request.method != Method::Get && request.method != Method::Head {
        return Some((405, "http-method"));
    }
    let body = request.headers.iter().any(|h| {
        h.field.equiv("Transfer-Encoding")
            || h.field.equiv("Content-Length") && !h.value.as_str().trim().trim_start_matches('0').is_empty()
    });
    body.then_some((413, "http-body"))
}

fn keeps_alive(request: &Request) -> bool {
    let connection = request.headers.iter().find(|h| h.field.equiv("Connection"));
    let said = |word: &str| connection.is_some_and(|h| h.value.as_str().eq_ignore_ascii_case(word));
    if request.version == HTTPVersion(1, 0) { said("keep-alive") } else { !said("close") }
}

/// An error response that closes the connection.
fn reject(stream: &TcpStream, status: u16, message: &'static str, language: Language) {
    let _ = write_response(stream, plain(status, message, language), HTTPVersion(1, 1), &[], false, false);
}

/// A short plain-text response: the catalogue's message `message` in `language`.
pub fn plain(status: u16, message: &'static str, language: Language) -> Reply {
    Response::from_data(crate::message::text(language, message).into_bytes())
        .with_status_code(StatusCode(status))
        .with_header(Header::from_bytes("Content-Type", "text/plain; charset=utf-8").expect("a valid header"))
        .boxed()
}

/// Writes a response with tiny_http's writer, saying whether the connection stays open.
fn write_response(
    stream: &TcpStream,
    response: Reply,
    version: HTTPVersion,
    request_headers: &[Header],
    head_only: bool,
    keep: bool,
) -> io::Result<()> {
    let connection = if keep { "keep-alive" } else { "close" };
    let response =
        response.with_header(Header::from_bytes("Connection", connection).expect("a valid header"));
    let mut writer = BufWriter::with_capacity(16 * 1024, Progress::new(stream));
    response.raw_print(&mut writer, version, request_headers, head_only, None)?;
    writer.flush()
}

/// Writes a short response under the stream's own write timeout (not [`Progress`]'s span).
fn write_short(stream: &TcpStream, response: Reply) -> io::Result<()> {
    let response = response.with_header(Header::from_bytes("Connection", "close").expect("a valid header"));
    let mut writer = BufWriter::new(stream);
    response.raw_print(&mut writer, HTTPVersion(1, 1), &[], false, None)?;
    writer.flush()
}

/// A connection written to under [`WRITE_TIME`] and [`MIN_PROGRESS`]: each write may wait
/// only for what is left of the current span of time, and a span that ends with less than
/// the least progress taken fails the response.
struct Progress<'a> {
    stream: &'a TcpStream,
    span_started: Instant,
    taken_in_span: usize,
}

impl<'a> Progress<'a> {
    fn new(stream: &'a TcpStream) -> Self {
        Progress { stream, span_started: Instant::now(), taken_in_span: 0 }
    }
}

impl Write for Progress<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.span_started.elapsed() >= WRITE_TIME {
            if self.taken_in_span < MIN_PROGRESS {
                return Err(io::ErrorKind::TimedOut.into());
            }
            (self.span_started, self.taken_in_span) = (Instant::now(), 0);
        }
        let left = WRITE_TIME.saturating_sub(self.span_started.elapsed()).max(Duration::from_millis(1));
        self.stream.set_write_timeout(Some(left))?;
        let written = (&*self.stream).write(buf)?;
        self.taken_in_span += written;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        (&*self.stream).flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_parsed_and_bodies_refused() {
        let get = parse_head("GET /a/?q=1 HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!((get.method.clone(), get.target.as_str()), (Method::Get, "/a/?q=1"));
        assert!(refusal(&get).is_none() && keeps_alive(&get));
        for (head, status) in [
            ("POST / HTTP/1.1\r\n\r\n", 405),
            ("GET / HTTP/1.1\r\nContent-Length: 18446744073709551615\r\n\r\n", 413),
            ("GET / HTTP/1.1\r\nContent-Length: 100000000000\r\n\r\n", 413),
            ("HEAD / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 413),
            ("GET / HTTP/1.1\r\nContent-Length: junk\r\n\r\n", 413),
        ] {
            let request = parse_head(head).unwrap();
            assert_eq!(refusal(&request).map(|r| r.0), Some(status), "{head:?}");
        }
        assert!(refusal(&parse_head("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").unwrap()).is_none());
        for bad in
            ["GET / HTTP/2\r\n\r\n", "GET\r\n\r\n", "GET x HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 x\r\n\r\n"]
        {
            assert!(parse_head(bad).is_none(), "{bad:?}");
        }
        let old = parse_head("GET / HTTP/1.0\r\n\r\n").unwrap();
        assert!(!keeps_alive(&old));
        assert!(!keeps_alive(&parse_head("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").unwrap()));
    }

    #[test]
    fn a_head_ends_at_the_first_empty_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nGET /b"), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.1\n\n"), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n"), None);
    }
}
