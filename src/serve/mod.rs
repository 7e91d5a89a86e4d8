//! `gazette serve`: preview the archive with live reload.
//!
//! Builds the archive in memory with drafts, serves it on loopback, watches content, themes,
//! templates, static files and site.yaml, rebuilds what a change touches, then tells the open
//! pages, after the rebuilt files are in place. A fixed pool of threads answers requests;
//! event streams are handed to one list and do not hold a thread. Broken content leaves the
//! last good build served and shows the errors in the page.

mod http;
pub mod preview;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use http::Streams;
pub use http::site_path;
use preview::{Changes, Outcome, Preview};

/// Threads answering requests.
const WORKERS: usize = 8;
/// How long the watcher waits for a burst of saves to settle.
const DEBOUNCE: Duration = Duration::from_millis(25);
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
}

/// Runs the preview server until the process is stopped.
pub fn run(options: &ServeOptions) -> Result<()> {
    let root =
        options.root.canonicalize().with_context(|| format!("no archive at {}", options.root.display()))?;
    // Watch before building, so a save during the first build or right after it is seen.
    let (sender, events) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, sender).context("cannot watch files")?;
    watch_folders(&mut debouncer, &root)?;
    let started = Instant::now();
    let preview = Preview::new(&root);
    report_build(&preview, started);
    let preview = Arc::new(RwLock::new(preview));
    let server = bind(options)?;
    let address = server.server_addr().to_ip().context("the server has no IP address")?;
    println!("serving {} at http://{address}/ (Ctrl-C stops)", root.display());
    let streams = Arc::new(Streams::new());
    let server = Arc::new(server);
    for _ in 0..WORKERS {
        let (server, preview, streams) = (server.clone(), preview.clone(), streams.clone());
        std::thread::spawn(move || {
            while let Ok(request) = server.recv() {
                http::handle(request, &preview, &streams);
            }
        });
    }
    watch(&root, &preview, &streams, &mut debouncer, &events)
}

/// Binds the port asked for, or the next free one when it is taken.
fn bind(options: &ServeOptions) -> Result<tiny_http::Server> {
    let tries = if options.port == 0 { 1 } else { 10 };
    for offset in 0..tries {
        let port = options.port.saturating_add(offset);
        match tiny_http::Server::http(SocketAddr::new(options.bind, port)) {
            Ok(server) => {
                if offset > 0 {
                    eprintln!("note: port {} is in use; using {port} instead", options.port);
                }
                return Ok(server);
            }
            Err(e) if offset + 1 < tries => {
                let _ = e;
            }
            Err(e) => bail!(
                "cannot listen on {}:{port}: {e}\n  help: another program uses the port; pick one with --port",
                options.bind
            ),
        }
    }
    unreachable!("the last try returns")
}

fn report_build(preview: &Preview, started: Instant) {
    for d in &preview.errors {
        eprintln!("{d}");
    }
    if preview.has_site() {
        eprintln!("built in {:.2} s", started.elapsed().as_secs_f64());
    } else {
        eprintln!("the archive has errors: fix them and save; the page will show the site");
    }
}

/// Watches the archive and rebuilds on every settled change; never returns unless the
/// watcher fails.
fn watch<W: notify::Watcher, C: notify_debouncer_full::FileIdCache>(
    root: &Path,
    preview: &RwLock<Preview>,
    streams: &Streams,
    debouncer: &mut notify_debouncer_full::Debouncer<W, C>,
    events: &mpsc::Receiver<DebounceEventResult>,
) -> Result<()> {
    loop {
        let batch = match events.recv_timeout(KEEP_ALIVE) {
            Ok(batch) => batch,
            Err(RecvTimeoutError::Timeout) => {
                streams.keep_alive();
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => bail!("the file watcher stopped"),
        };
        let paths = match batch {
            Ok(events) => events
                .into_iter()
                .filter(|e| !e.event.kind.is_access())
                .flat_map(|e| e.event.paths.clone())
                .collect::<Vec<_>>(),
            Err(errors) => {
                for e in errors {
                    eprintln!("warning: watching files: {e}");
                }
                continue;
            }
        };
        let changes = Changes::classify(root, paths);
        if changes.is_empty() {
            continue;
        }
        let started = Instant::now();
        let outcome = preview.write().unwrap_or_else(|e| e.into_inner()).apply(&changes);
        announce(&outcome, streams, started);
        if changes.everything {
            watch_folders(debouncer, root)?;
        }
    }
}

fn watch_folders<W: notify::Watcher, C: notify_debouncer_full::FileIdCache>(
    debouncer: &mut notify_debouncer_full::Debouncer<W, C>,
    root: &Path,
) -> Result<()> {
    debouncer.watch(root, RecursiveMode::NonRecursive).context("cannot watch the archive root")?;
    for folder in [crate::content::CONTENT_DIR, "themes", "templates", "static"] {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {folder}/"))?;
        }
    }
    Ok(())
}

/// Tells the open pages what changed, once the new files are served.
fn announce(outcome: &Outcome, streams: &Streams, started: Instant) {
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    match outcome {
        Outcome::Unchanged => {}
        Outcome::Styles => {
            eprintln!("stylesheet changed ({elapsed:.0} ms)");
            streams.send("css", "{}");
        }
        Outcome::Pages { paths, all } => {
            eprintln!("rebuilt {} files in {elapsed:.0} ms", paths.len());
            let data = serde_json::json!({ "paths": paths, "all": all });
            streams.send("reload", &data.to_string());
        }
        Outcome::Failed(errors) => {
            for d in errors {
                eprintln!("{d}");
            }
            let lines: Vec<String> = errors.iter().map(|d| d.to_string()).collect();
            streams.send("errors", &serde_json::to_string(&lines).unwrap_or_default());
        }
    }
}
