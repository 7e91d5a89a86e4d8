//! The machine-readable archive: `api/notices.json`.
//!
//! One object per published notice with its identity, status, URL, citations in both
//! directions (each with the provision it cites, if any) and relations in both directions
//! (SPEC section 4). Reads the linked archive;
//! owns only the JSON shape. The file is serialised notice by notice straight to its writer,
//! never held whole (at a hundred thousand notices it is hundreds of megabytes); its
//! fingerprint hashes the same entries one by one, their citations by what makes them.

use std::collections::HashSet;

use rayon::prelude::*;
use serde::Serialize;

use crate::archive::{Archive, NoticeId, RefTarget};
use crate::cite::provision::Provision;
use crate::content::RelationKind;

/// The fingerprint of the file: a stable hash of the hashes of its entries, in its order (see
/// [`entry_fingerprint`]). The entries are hashed on every core.
pub fn fingerprint(archive: &Archive) -> u64 {
    let ids: Vec<NoticeId> = archive.published().collect();
    let entries: Vec<u64> = ids.par_iter().map(|&id| entry_fingerprint(archive, id)).collect();
    let mut hash = crate::hash::Stable::new();
    hash.u64(entries.len() as u64);
    for entry in entries {
        hash.u64(entry);
    }
    hash.finish()
}

/// The hash of notice `id`'s entry: the very value the file writes but for its citations, and
/// what [`cites`] makes them from: the notice's references, by the digest of what they say
/// (a build that reuses the notice's links does not read them back, see
/// [`crate::content::body::digest_of_references`]), and where each leads with the anchor it links
/// to. A citation moved in its file changes neither.
fn entry_fingerprint(archive: &Archive, id: NoticeId) -> u64 {
    let links = archive.links(id);
    let leads: Vec<_> = (links.references.iter().enumerate())
        .map(|(i, target)| {
            let target = cite_target(target).map(|(to, state)| (to.map(|t| archive.url(t)), state));
            (target, links.anchor(i))
        })
        .collect();
    let references = archive.notice(id).body.references_digest;
    crate::hash::of(&(entry_but_cites(archive, id), references, leads))
}

#[derive(Serialize)]
struct ApiNotice<'a> {
    number: Option<&'a str>,
    key: Option<&'a str>,
    #[serde(rename = "type")]
    doc_type: &'a str,
    title: &'a str,
    issuer: &'a str,
    date: Option<String>,
    status: &'static str,
    url: &'a str,
    cites: Vec<ApiCite<'a>>,
    cited_by: Vec<&'a str>,
    relations: ApiRelations<'a>,
}

/// The relations of a notice both ways, by name: an object whose keys come in alphabetical
/// order.
struct ApiRelations<'a>(Vec<(&'static str, Vec<ApiRelation<'a>>)>);

impl Serialize for ApiRelations<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, relations) in &self.0 {
            map.serialize_entry(name, relations)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct ApiCite<'a> {
    key: &'a str,
    text: &'a str,
    url: Option<&'a str>,
    state: &'static str,
    /// The article, clause and point cited with the number, if any.
    provision: Option<ApiProvision<'a>>,
}

#[derive(Serialize)]
struct ApiProvision<'a> {
    /// In words: `khoản 2 Điều 5`.
    text: String,
    article: &'a str,
    clause: Option<u16>,
    point: Option<&'a str>,
    /// Whether it is of the document issued with the cited notice (a regulation a decision
    /// issues), not of the notice's own articles.
    attached: bool,
    /// The anchor on the cited notice's page (`dieu-5-khoan-2`); `null` when the provision is
    /// not there (or the citation is not resolved).
    anchor: Option<&'a str>,
}

#[derive(Serialize)]
struct ApiRelation<'a> {
    key: &'a str,
    url: Option<&'a str>,
    /// The part of the target concerned (`Điều 3`), or null for the whole notice.
    part: Option<std::borrow::Cow<'a, str>>,
}

/// Writes `api/notices.json`: an array with one notice a line, each without spaces, so that the
/// file is as small as JSON allows and a change shows as the lines of the notices it touched.
/// [`fingerprint`] hashes the same entries, their citations by what makes them.
///
/// The lines are made on every core, a window of them at a time, and written in order.
pub fn write_notices_json(archive: &Archive, writer: &mut dyn std::io::Write) -> std::io::Result<()> {
    /// Notices made at once, and by one task: a window is some megabytes of JSON.
    const WINDOW: usize = 4096;
    const PIECE: usize = 128;
    let ids: Vec<NoticeId> = archive.published().collect();
    writer.write_all(b"[")?;
    let mut opening: &[u8] = b"\n";
    for window in ids.chunks(WINDOW) {
        let pieces: Vec<Vec<u8>> = window
            .par_chunks(PIECE)
            .map(|piece| {
                let mut lines = Vec::with_capacity(piece.len() * 2048);
                for &id in piece {
                    lines.extend_from_slice(b",\n");
                    serde_json::to_writer(&mut lines, &api_notice(archive, id))?;
                }
                Ok(lines)
            })
            .collect::<Result<_, serde_json::Error>>()
            .map_err(std::io::Error::other)?;
        for piece in pieces {
            // Every line but the first opens with the comma after the line before.
            writer.write_all(opening)?;
            writer.write_all(&piece[2..])?;
            opening = b",\n";
        }
    }
    writer.write_all(b"\n]\n")
}

fn api_notice(archive: &Archive, id: NoticeId) -> ApiNotice<'_> {
    ApiNotice { cites: cites(archive, id), ..entry_but_cites(archive, id) }
}

/// Notice `id`'s entry with no citations.
fn entry_but_cites(archive: &Archive, id: NoticeId) -> ApiNotice<'_> {
    let notice = archive.notice(id);
    let links = archive.links(id);
    ApiNotice {
        number: notice.number.as_ref().map(|n| n.written.as_str()),
        key: notice.key(),
        doc_type: &notice.doc_type,
        title: &notice.title,
        issuer: &notice.issuer,
        date: notice.date.map(|d| d.to_string()),
        status: archive.effective_status(id).code(),
        url: archive.url(id),
        cites: Vec::new(),
        cited_by: in_archive_order(&links.cited_by).into_iter().map(|by| archive.url(by)).collect(),
        relations: relations(archive, id),
    }
}

/// Notices in the order of the archive (pages list them newest first).
fn in_archive_order(ids: &[NoticeId]) -> Vec<NoticeId> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids
}

/// One entry per distinct cited key, target and provision, in order of first citation.
fn cites(archive: &Archive, id: NoticeId) -> Vec<ApiCite<'_>> {
    let notice = archive.notice(id);
    let links = archive.links(id);
    let mut seen: HashSet<(&str, Option<NoticeId>, Option<&Provision>)> = HashSet::new();
    let mut cites = Vec::new();
    for (i, (reference, target)) in notice.body.references.iter().zip(&links.references).enumerate() {
        let Some(key) = &reference.key else { continue };
        let Some((target, state)) = cite_target(target) else { continue };
        if !seen.insert((key.as_str(), target, reference.provision.as_deref())) {
            continue;
        }
        let provision = reference.provision.as_ref().map(|p| ApiProvision {
            text: p.label(),
            article: &p.article,
            clause: p.clause,
            point: p.point.as_deref(),
            attached: p.attached,
            anchor: links.anchor(i),
        });
        cites.push(ApiCite {
            key,
            text: &reference.text,
            url: target.map(|t| archive.url(t)),
            state,
            provision,
        });
    }
    cites
}

/// Where a reference leads in the file: the notice cited, if it is resolved, and the state of
/// the citation; `None` for a reference the file does not list (the notice's own number, or
/// a short form that names no single notice).
fn cite_target(target: &RefTarget) -> Option<(Option<NoticeId>, &'static str)> {
    match target {
        RefTarget::Notice(t) => Some((Some(*t), "resolved")),
        RefTarget::Unresolved | RefTarget::External => Some((None, "unresolved")),
        RefTarget::Ambiguous(_) => Some((None, "ambiguous")),
        RefTarget::OwnNumber | RefTarget::NotACitation => None,
    }
}

fn relations(archive: &Archive, id: NoticeId) -> ApiRelations<'_> {
    let links = archive.links(id);
    let mut named = Vec::with_capacity(2 * RelationKind::ALL.len());
    for kind in RelationKind::ALL {
        let outgoing: Vec<ApiRelation> = links
            .relations
            .iter()
            .filter(|(k, _)| *k == kind)
            .flat_map(|(_, targets)| crate::archive::distinct_targets(targets))
            .map(|(t, part)| ApiRelation { key: &t.key, url: t.notice.map(|n| archive.url(n)), part })
            .collect();
        let incoming: Vec<ApiRelation> = links
            .related_by
            .iter()
            .filter(|(k, _)| *k == kind)
            .flat_map(|(_, sources)| sources)
            .map(|&source| ApiRelation {
                key: archive.notice(source).key().unwrap_or(""),
                url: Some(archive.url(source)),
                part: archive.relation_part(source, kind, id),
            })
            .collect();
        named.push((kind.key(), outgoing));
        named.push((kind.passive_key(), incoming));
    }
    named.sort_unstable_by_key(|(name, _)| *name);
    ApiRelations(named)
}
