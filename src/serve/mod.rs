//! `gazette serve`: preview the archive with live reload.
//!
//! Builds the archive in memory with drafts, serves it on loopback, watches content, themes,
//! templates, static files and site.yaml, rebuilds what a change touches beside the served
//! build and swaps it in, then tells the open pages. Connections are `guard`'s, each on a
//! thread of its own under limits; event streams are `events`'; what a path answers is
//! `http`'s. Broken content leaves the last good build served and shows the errors in the page.

mod events;
mod guard;
mod http;
pub mod preview;

use crate::message::Said as _;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::message::{self, Language};
use crate::{fail, msg};
use http::Site;
pub use http::site_path;
use preview::{Changes, Outcome, Preview};

/// How long the watcher waits for a burst of saves to settle.
const DEBOUNCE: Duration = Duration::from_millis(25);
/// The folders of an archive that are watched, besides site.yaml at its root.
const WATCHED: [&str; 4] = [crate::content::CONTENT_DIR, "themes", "templates", "static"];

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
    let root = options
        .root
        .canonicalize()
        .said(|| msg!("io-no-archive", path = options.root.display().to_string()))?;
    // Watch before building, so a save during the first build or right after it is seen.
    let (sender, events) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, sender).said(|| msg!("io-cannot-watch-files"))?;
    watch_folders(&mut debouncer, &root)?;
    let started = Instant::now();
    let (mut preview, first) = Preview::new(&root);
    report_build(&preview.snapshot(), &first, started);
    let listener = bind(options, preview.snapshot().language)?;
    let address = listener.local_addr().context("the server has no address")?;
    let site = Arc::new(Site::new(preview.snapshot(), events::Events::start()));
    let handler: Arc<dyn guard::Handler> = site.clone();
    std::thread::Builder::new()
        .name("gazette-accept".into())
        .spawn(move || guard::serve(listener, handler))
        .said(|| msg!("io-cannot-start-server"))?;
    let address = format!("http://{address}/");
    let serving = msg!("serve-listening", root = root.display().to_string(), address = address);
    println!("{}", serving.text(preview.snapshot().language));
    watch(&root, &mut preview, &site, &mut debouncer, &events)
}

/// Binds the port asked for, or the next free one when it is taken. Any other failure (an
/// address this machine does not have, a port it may not open) is said at once.
fn bind(options: &ServeOptions, language: Language) -> Result<TcpListener> {
    let tries = if options.port == 0 { 1 } else { 10 };
    let mut port = options.port;
    for offset in 0..tries {
        port = options.port.saturating_add(offset);
        match TcpListener::bind(SocketAddr::new(options.bind, port)) {
            Ok(listener) => {
                if offset > 0 {
                    let note = msg!("serve-port-taken", wanted = options.port, port = port);
                    eprintln!("{}: {}", message::text(language, "label-note"), note.text(language));
                }
                return Ok(listener);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(e) if e.kind() == std::io::ErrorKind::AddrNotAvailable => {
                fail!(
                    msg!("serve-address-not-here", address = options.bind.to_string()),
                    msg!("help-serve-address-not-here")
                )
            }
            Err(e) => {
                let address = format!("{}:{port}", options.bind);
                fail!(msg!("serve-cannot-listen", address = address, error = e.to_string()))
            }
        }
    }
    fail!(msg!("serve-ports-taken", first = options.port, last = port), msg!("help-serve-cannot-listen"))
}

/// What the first build found: its warnings, or its errors, as `build` prints them.
fn report_build(snapshot: &preview::Snapshot, first: &Outcome, started: Instant) {
    let language = snapshot.language;
    match first {
        Outcome::Pages { warnings, .. } => crate::diag::print_capped(warnings, language),
        _ => crate::diag::print_capped(&snapshot.errors, language),
    }
    if snapshot.has_site() {
        let seconds = format!("{:.2}", started.elapsed().as_secs_f64());
        eprintln!("{}", msg!("serve-built", seconds = seconds).text(language));
    } else {
        eprintln!("{}", message::text(language, "serve-has-errors"));
    }
}

/// Watches the archive and rebuilds on every settled change; never returns unless the
/// watcher fails.
fn watch<W: notify::Watcher, C: notify_debouncer_full::FileIdCache>(
    root: &Path,
    preview: &mut Preview,
    site: &Site,
    debouncer: &mut notify_debouncer_full::Debouncer<W, C>,
    events: &mpsc::Receiver<DebounceEventResult>,
) -> Result<()> {
    loop {
        let batch = match events.recv_timeout(Duration::from_secs(60)) {
            Ok(batch) => batch,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => fail!(msg!("serve-watcher-stopped")),
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
        // A watched folder that was removed, recreated or moved back needs its watch again.
        let folder_moved = paths.iter().any(|p| is_watched_folder(root, p));
        if folder_moved {
            rewatch_folders(debouncer, root);
        }
        let changes = Changes::classify(root, paths);
        if changes.is_empty() {
            continue;
        }
        let started = Instant::now();
        // Pages keep being answered from the served build meanwhile.
        site.events.send("building", "{}");
        let outcome = preview.apply(&changes);
        let snapshot = preview.snapshot();
        site.replace(snapshot.clone());
        announce(&outcome, &site.events, started, snapshot.language);
        // A page that failed when asked for and that this change did not touch fails still:
        // its error is shown again on the pages the reload cleared.
        let problems = snapshot.problems();
        if matches!(outcome, Outcome::Pages { .. }) && !problems.is_empty() {
            crate::diag::print_capped(&problems, snapshot.language);
            site.events.send("errors", &http::overlay_lines(&problems, snapshot.language));
        }
    }
}

fn is_watched_folder(root: &Path, path: &Path) -> bool {
    path.parent() == Some(root) && path.file_name().is_some_and(|name| WATCHED.iter().any(|w| name == *w))
}

fn watch_folders<W: notify::Watcher, C: notify_debouncer_full::FileIdCache>(
    debouncer: &mut notify_debouncer_full::Debouncer<W, C>,
    root: &Path,
) -> Result<()> {
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .said(|| msg!("io-cannot-watch", path = root.display().to_string()))?;
    for folder in WATCHED {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .said(|| msg!("io-cannot-watch", path = format!("{folder}/")))?;
        }
    }
    Ok(())
}

/// Drops the watches of the archive's folders and sets them again on what is there now.
fn rewatch_folders<W: notify::Watcher, C: notify_debouncer_full::FileIdCache>(
    debouncer: &mut notify_debouncer_full::Debouncer<W, C>,
    root: &Path,
) {
    for folder in WATCHED {
        let _ = debouncer.unwatch(root.join(folder));
    }
    if let Err(e) = watch_folders(debouncer, root) {
        eprintln!("warning: {e:#}");
    }
}

/// Tells the open pages what changed, once the new files are served.
fn announce(outcome: &Outcome, streams: &events::Events, started: Instant, language: Language) {
    let ms = format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0);
    match outcome {
        Outcome::Unchanged => {}
        Outcome::Styles => {
            eprintln!("{}", msg!("serve-stylesheet", ms = ms).text(language));
            streams.send("css", "{}");
        }
        Outcome::Pages { paths, all, count, warnings } => {
            crate::diag::print_capped(warnings, language);
            eprintln!("{}", msg!("serve-rebuilt", count = *count, ms = ms).text(language));
            let data = serde_json::json!({ "paths": paths, "all": all });
            streams.send("reload", &data.to_string());
        }
        Outcome::Failed(errors) => {
            crate::diag::print_capped(errors, language);
            streams.send("errors", &http::overlay_lines(errors, language));
        }
    }
}
