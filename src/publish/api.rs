//! The machine-readable archive: `api/notices.json`.
//!
//! One object per published notice with its identity, status, URL, citations in both
//! directions and relations in both directions (SPEC section 4). Reads the linked archive;
//! owns only the JSON shape. The file is serialised notice by notice straight to its writer
//! (and to the hasher for its fingerprint), never held whole: at a hundred thousand notices it
//! is hundreds of megabytes.

use std::collections::HashSet;

use serde::Serialize;
use serde::ser::SerializeSeq;

use crate::archive::{Archive, NoticeId, RefTarget};
use crate::content::RelationKind;

/// Every published notice, as the file lists them.
pub struct Notices<'a>(pub &'a Archive);

impl Serialize for Notices<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let archive = self.0;
        let mut seq = serializer.serialize_seq(None)?;
        for id in archive.published() {
            seq.serialize_element(&api_notice(archive, id))?;
        }
        seq.end()
    }
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
    relations: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct ApiCite<'a> {
    key: &'a str,
    text: &'a str,
    url: Option<&'a str>,
    state: &'static str,
}

#[derive(Serialize)]
struct ApiRelation<'a> {
    key: &'a str,
    url: Option<&'a str>,
}

/// Writes `api/notices.json`, indented.
pub fn write_notices_json(archive: &Archive, writer: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(writer, &Notices(archive)).map_err(std::io::Error::other)
}

fn api_notice(archive: &Archive, id: NoticeId) -> ApiNotice<'_> {
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
        cites: cites(archive, id),
        cited_by: links.cited_by.iter().map(|&by| archive.url(by)).collect(),
        relations: relations(archive, id),
    }
}

/// One entry per distinct cited key and target, in order of first citation.
fn cites(archive: &Archive, id: NoticeId) -> Vec<ApiCite<'_>> {
    let notice = archive.notice(id);
    let mut seen: HashSet<(&str, Option<NoticeId>)> = HashSet::new();
    let mut cites = Vec::new();
    for (reference, target) in notice.body.references.iter().zip(&archive.links(id).references) {
        let Some(key) = &reference.key else { continue };
        let (target, state) = match target {
            RefTarget::Notice(t) => (Some(*t), "resolved"),
            RefTarget::Unresolved | RefTarget::External => (None, "unresolved"),
            RefTarget::Ambiguous(_) => (None, "ambiguous"),
            RefTarget::OwnNumber => continue,
        };
        if !seen.insert((key.as_str(), target)) {
            continue;
        }
        cites.push(ApiCite { key, text: &reference.text, url: target.map(|t| archive.url(t)), state });
    }
    cites
}

fn relations(archive: &Archive, id: NoticeId) -> serde_json::Map<String, serde_json::Value> {
    let links = archive.links(id);
    let mut map = serde_json::Map::new();
    for kind in RelationKind::ALL {
        let outgoing: Vec<ApiRelation> = links
            .relations
            .iter()
            .filter(|(k, _)| *k == kind)
            .flat_map(|(_, targets)| targets)
            .map(|t| ApiRelation { key: &t.key, url: t.notice.map(|n| archive.url(n)) })
            .collect();
        let incoming: Vec<ApiRelation> = links
            .related_by
            .iter()
            .filter(|(k, _)| *k == kind)
            .flat_map(|(_, sources)| sources)
            .map(|&source| ApiRelation {
                key: archive.notice(source).key().unwrap_or(""),
                url: Some(archive.url(source)),
            })
            .collect();
        map.insert(kind.key().into(), serde_json::to_value(outgoing).expect("relations serialise"));
        map.insert(kind.passive_key().into(), serde_json::to_value(incoming).expect("relations serialise"));
    }
    map
}
