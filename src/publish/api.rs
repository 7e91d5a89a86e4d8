//! The machine-readable archive: `api/notices.json`.
//!
//! One object per published notice with its identity, status, URL, citations in both
//! directions (each with the provision it cites, if any) and relations in both directions
//! (SPEC section 4). Reads the linked archive;
//! owns only the JSON shape. The file is serialised notice by notice straight to its writer
//! (and to the hasher for its fingerprint), never held whole: at a hundred thousand notices it
//! is hundreds of megabytes.

use std::collections::HashSet;

use serde::Serialize;
use serde::ser::SerializeSeq;

use crate::archive::{Archive, NoticeId, RefTarget};
use crate::cite::provision::Provision;
use crate::content::RelationKind;

/// Every published notice, as the file lists them.
pub struct Notices<'a>(pub &'a Archive);

impl Serialize for Notices<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for notice in api_notices(self.0) {
            seq.serialize_element(&notice)?;
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
    /// The anchor on the cited notice's page (`dieu-5-khoan-2`); `null` when the provision is
    /// not there (or the citation is not resolved).
    anchor: Option<&'a str>,
}

#[derive(Serialize)]
struct ApiRelation<'a> {
    key: &'a str,
    url: Option<&'a str>,
}

/// Writes `api/notices.json`: an array with one notice a line, each without spaces, so that the
/// file is as small as JSON allows and a change shows as the lines of the notices it touched.
/// [`Notices`] is the same array, for its fingerprint.
pub fn write_notices_json(archive: &Archive, writer: &mut dyn std::io::Write) -> std::io::Result<()> {
    writer.write_all(b"[")?;
    for (i, notice) in api_notices(archive).enumerate() {
        writer.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *writer, &notice).map_err(std::io::Error::other)?;
    }
    writer.write_all(b"\n]\n")
}

/// The entries of the file, in its order.
fn api_notices(archive: &Archive) -> impl Iterator<Item = ApiNotice<'_>> {
    archive.published().map(|id| api_notice(archive, id))
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

/// One entry per distinct cited key, target and provision, in order of first citation.
fn cites(archive: &Archive, id: NoticeId) -> Vec<ApiCite<'_>> {
    let notice = archive.notice(id);
    let links = archive.links(id);
    let mut seen: HashSet<(&str, Option<NoticeId>, Option<&Provision>)> = HashSet::new();
    let mut cites = Vec::new();
    for (i, (reference, target)) in notice.body.references.iter().zip(&links.references).enumerate() {
        let Some(key) = &reference.key else { continue };
        let (target, state) = match target {
            RefTarget::Notice(t) => (Some(*t), "resolved"),
            RefTarget::Unresolved | RefTarget::External => (None, "unresolved"),
            RefTarget::Ambiguous(_) => (None, "ambiguous"),
            RefTarget::OwnNumber | RefTarget::NotACitation => continue,
        };
        if !seen.insert((key.as_str(), target, reference.provision.as_deref())) {
            continue;
        }
        let provision = reference.provision.as_ref().map(|p| ApiProvision {
            text: p.label(),
            article: &p.article,
            clause: p.clause,
            point: p.point.as_deref(),
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
