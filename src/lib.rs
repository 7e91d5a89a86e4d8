//! Gazette: a static site generator for published official notices.
//!
//! The pipeline, one module a stage: [`config`] (site.yaml) and [`theme`] (templates), then
//! [`content`] (files to notices, with [`markdown`] bodies), [`archive`] (notices linked by
//! [`cite`]ations and relations), [`render`] (pages), [`search`] (the index the search page
//! reads), [`output`] (staged writing); [`site`] runs them in order and [`cli`] is the command
//! line. [`new`] and [`import`] write notices: a numbered draft, or a signed Word document.

pub mod api;
pub mod archive;
pub mod cite;
pub mod cli;
pub mod collate;
pub mod config;
pub mod content;
pub mod diag;
pub mod feeds;
pub mod import;
pub mod index;
pub mod markdown;
pub mod new;
pub mod output;
pub mod plan;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod text;
pub mod theme;
pub mod yaml;
