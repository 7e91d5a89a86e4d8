//! The event streams of the open preview pages (server-sent events): live reload, stylesheet
//! swaps and the errors overlay.
//!
//! Streams are written without blocking: each client has a queue of at most [`QUEUE_BYTES`]
//! that one thread sends as the client takes it. A client that stops reading is dropped when
//! its queue is full or it has taken nothing for [`STALL_TIME`]; nothing ever waits for one.
//! What the events say is decided by the server, not here.

use std::io::{self, Write};
use std::net::TcpStream;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Open event streams at most; more are refused rather than holding memory.
pub const MAX_STREAMS: usize = 512;
/// Bytes queued for one client before it is dropped.
const QUEUE_BYTES: usize = 64 * 1024;
/// Time a client may take nothing while bytes wait for it.
const STALL_TIME: Duration = Duration::from_secs(20);
/// A comment line every so often keeps proxies and browsers from closing idle streams.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How often queued bytes are tried again.
const RETRY: Duration = Duration::from_millis(100);

struct Client {
    stream: TcpStream,
    queue: Vec<u8>,
    /// When the client last took bytes, or was last found with nothing waiting.
    progress: Instant,
}

impl Client {
    /// Sends what the client takes now; false when it is gone or stalled.
    fn flush(&mut self, now: Instant) -> bool {
        while !self.queue.is_empty() {
            match self.stream.write(&self.queue) {
                Ok(0) => return false,
                Ok(n) => {
                    self.queue.drain(..n);
                    self.progress = now;
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return false,
            }
        }
        if self.queue.is_empty() {
            self.progress = now;
        }
        self.queue.len() <= QUEUE_BYTES && now.duration_since(self.progress) < STALL_TIME
    }
}

#[derive(Default)]
struct State {
    clients: Vec<Client>,
    /// Whether some client has bytes waiting.
    behind: bool,
}

/// The open event streams.
pub struct Events {
    state: Mutex<State>,
    wake: Condvar,
    /// Changes on every server start, so a page can tell it reconnected to a new server.
    pub instance: String,
}

impl Events {
    /// The streams of a new server, with the thread that keeps them going.
    pub fn start() -> Arc<Events> {
        let instance = format!(
            "{:x}",
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
        );
        let events = Arc::new(Events { state: Mutex::new(State::default()), wake: Condvar::new(), instance });
        let worker = events.clone();
        let _ = std::thread::Builder::new().name("gazette-events".into()).spawn(move || worker.run());
        events
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether another stream may open.
    pub fn has_room(&self) -> bool {
        self.lock().clients.len() < MAX_STREAMS
    }

    /// Takes a connection whose response head is `head`, followed by the first events.
    pub fn add(&self, stream: TcpStream, head: &[u8]) {
        if stream.set_nonblocking(true).is_err() {
            return;
        }
        let mut client = Client { stream, queue: head.to_vec(), progress: Instant::now() };
        if !client.flush(Instant::now()) {
            return;
        }
        let mut state = self.lock();
        if state.clients.len() < MAX_STREAMS {
            state.behind |= !client.queue.is_empty();
            state.clients.push(client);
        }
    }

    /// Queues an event for every open page.
    pub fn send(&self, event: &str, data: &str) {
        self.queue(format!("event: {event}\ndata: {data}\n\n").as_bytes());
    }

    fn queue(&self, message: &[u8]) {
        let now = Instant::now();
        let mut state = self.lock();
        state.clients.retain_mut(|client| {
            client.queue.extend_from_slice(message);
            client.flush(now)
        });
        state.behind = state.clients.iter().any(|c| !c.queue.is_empty());
        drop(state);
        self.wake.notify_one();
    }

    /// Sends queued bytes as clients take them, and a comment line now and then.
    fn run(&self) {
        let mut last_ping = Instant::now();
        loop {
            let state = self.lock();
            let wait = if state.behind { RETRY } else { KEEP_ALIVE.saturating_sub(last_ping.elapsed()) };
            let (mut state, _) = self.wake.wait_timeout(state, wait).unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            if now.duration_since(last_ping) >= KEEP_ALIVE {
                last_ping = now;
                state.clients.retain_mut(|client| {
                    client.queue.extend_from_slice(b": ping\n\n");
                    client.flush(now)
                });
            } else if state.behind {
                state.clients.retain_mut(|client| client.flush(now));
            }
            state.behind = state.clients.iter().any(|c| !c.queue.is_empty());
        }
    }
}
