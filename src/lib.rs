//! Gazette: a static site generator for published official notices.
//!
//! The pipeline, one module a stage, each importing only those before it: [`config`]
//! (site.yaml), [`content`] (files to notices, with their bodies), [`cite`] (the number and
//! citation grammars), [`archive`] (notices linked, resolved and indexed), [`publish`] (every
//! output file planned and rendered), [`output`] (the output folder, written all or nothing),
//! [`serve`] (the preview), and [`cli`]. [`author`] writes new notices into `content/`. Beside
//! them: [`diag`] (problems), [`message`] (what Gazette says, in the archive's language),
//! [`text`] (decoding), [`yaml`], [`slug`], [`hash`] and [`saved`] (how a build state writes
//! values).

pub mod archive;
pub mod author;
pub mod cite;
pub mod cli;
pub mod config;
pub mod content;
pub mod diag;
pub mod hash;
pub mod message;
pub mod output;
pub mod publish;
pub mod saved;
pub mod serve;
pub mod slug;
pub mod text;
pub mod yaml;
