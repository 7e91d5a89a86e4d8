//! The machine-readable archive: `api/notices.json`.
//!
//! One object per published notice with its identity, status, URL, citations in both
//! directions and relations in both directions (SPEC section 4). Reads the linked archive;
//! owns only the JSON shape.

use serde::Serialize;

use crate::archive::{Archive, RefTarget};
use crate::content::RelationKind;

pub const PATH: &str = "api/notices.json";

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

/// The JSON text of `api/notices.json`.
pub fn notices_json(archive: &Archive) -> String {
    let notices: Vec<ApiNotice> = (0..archive.len()).map(|i| api_notice(archive, i)).collect();
    serde_json::to_string_pretty(&notices).expect("notices serialise")
}

fn api_notice(archive: &Archive, index: usize) -> ApiNotice<'_> {
    let notice = &archive.notices[index];
    let links = &archive.links[index];
    ApiNotice {
        number: notice.number.as_ref().map(|n| n.written.as_str()),
        key: notice.key(),
        doc_type: &notice.doc_type,
        title: &notice.title,
        issuer: &notice.issuer,
        date: notice.date.map(|d| d.to_string()),
        status: archive.effective_status(index),
        url: &archive.urls[index],
        cites: cites(archive, index),
        cited_by: links.cited_by.iter().map(|&i| archive.urls[i].as_str()).collect(),
        relations: relations(archive, index),
    }
}

/// One entry per distinct cited key and target, in order of first citation.
fn cites(archive: &Archive, index: usize) -> Vec<ApiCite<'_>> {
    let notice = &archive.notices[index];
    let mut seen: std::collections::HashSet<(&str, Option<usize>)> = std::collections::HashSet::new();
    let mut cites = Vec::new();
    for (reference, target) in notice.body.references.iter().zip(&archive.links[index].references) {
        let Some(number) = &reference.number else { continue };
        let (target_index, state) = match target {
            RefTarget::Notice(i) => (Some(*i), "resolved"),
            RefTarget::Unresolved => (None, "unresolved"),
            RefTarget::Ambiguous(_) => (None, "ambiguous"),
            RefTarget::OwnNumber => continue,
        };
        if !seen.insert((number.key.as_str(), target_index)) {
            continue;
        }
        cites.push(ApiCite {
            key: &number.key,
            text: &reference.text,
            url: target_index.map(|i| archive.urls[i].as_str()),
            state,
        });
    }
    cites
}

fn relations(archive: &Archive, index: usize) -> serde_json::Map<String, serde_json::Value> {
    let links = &archive.links[index];
    let mut map = serde_json::Map::new();
    for kind in RelationKind::ALL {
        let outgoing: Vec<ApiRelation> = links
            .relations
            .iter()
            .filter(|(k, _)| *k == kind)
            .flat_map(|(_, targets)| targets)
            .map(|t| ApiRelation { key: &t.key, url: t.notice.map(|i| archive.urls[i].as_str()) })
            .collect();
        let incoming: Vec<ApiRelation> = links
            .related_by
            .iter()
            .filter(|(k, _)| *k == kind)
            .flat_map(|(_, sources)| sources)
            .map(|&i| ApiRelation {
                key: archive.notices[i].key().unwrap_or(""),
                url: Some(&archive.urls[i]),
            })
            .collect();
        map.insert(kind.key().into(), serde_json::to_value(outgoing).expect("relations serialise"));
        map.insert(kind.passive_key().into(), serde_json::to_value(incoming).expect("relations serialise"));
    }
    map
}
