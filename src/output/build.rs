//! `gazette build`: the publishing pipeline written into the output folder, all or nothing.
//!
//! Takes the output's lock, checks the output folder before anything is read, runs the
//! pipeline, and writes into a staging folder that replaces the output only when every file is
//! written. A build with errors leaves the output as it was.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;

use super::{OutputDir, Wait};
use crate::diag;
use crate::publish::{self, Report, Timings};

/// What to build, and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site: publish::Options,
    /// Output folder; `root/output` when `None`.
    pub out: Option<PathBuf>,
    /// Wait for another build of the same output, or refuse.
    pub wait: Wait,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions { site: publish::Options::new(root), out: None, wait: Wait::Yes }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.site.root.join("output"))
    }
}

/// Builds an archive into its output folder.
pub fn build(options: &BuildOptions) -> Result<Report> {
    let started = Instant::now();
    let output = OutputDir::new(&options.site.root, &options.output_dir())?;
    let lock = output.lock(options.wait)?;
    output.check_on_disk()?;
    let mut diagnostics = Vec::new();
    let mut timings = Timings::start();
    let (site, mut report) = publish::prepare(&options.site, &mut diagnostics, &mut timings);
    if let Some(site) = &site {
        let staging = output.stage(&lock)?;
        match publish::publish(site, &options.site.root, Some(&staging), options.site.progress, &mut timings)
        {
            Ok(pages) => {
                staging.commit()?;
                timings.lap("swap in");
                report.pages = pages;
                report.written = true;
                if site.archive.config.base_url.is_none() {
                    report.notes.push(
                        "feeds and sitemap.xml have relative links: set base_url in site.yaml (or --base-url) \
                         for the absolute ones feed readers and search engines need"
                            .into(),
                    );
                }
            }
            Err(mut problems) => diagnostics.append(&mut problems),
        }
    }
    diag::sort(&mut diagnostics);
    report.diagnostics = diagnostics;
    report.seconds = started.elapsed().as_secs_f64();
    report.timings = timings.stages;
    Ok(report)
}
