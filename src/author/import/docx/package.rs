//! The zip package of a `.docx`: its limits (size, entries, XML nodes: a zip bomb or a
//! hostile file is refused), its parts decoded to text and parsed, and the relationships that
//! name one part from another, up to the header shown on the first page. What the parts'
//! markup means is the reader's.

use std::io::{Cursor, Read};

use roxmltree::Node;

use super::xml::{child_w, is_w, r_attr, toggle, w_attr};
use crate::author::import::problem::Problem;

/// Most bytes all the parts read from one package may unpack to.
pub(crate) const TOTAL_LIMIT: u64 = 64 * 1024 * 1024;
/// Most bytes one part may unpack to.
pub(crate) const PART_LIMIT: u64 = 16 * 1024 * 1024;
/// Most entries a package may hold.
pub(crate) const ENTRY_LIMIT: usize = 5000;
/// Most XML nodes one part may hold.
const NODES_LIMIT: u32 = 8_000_000;

/// The first bytes of an OLE compound file: a Word 97–2003 `.doc`, or an encrypted Office file.
pub(super) const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The zip package, read within the limits.
pub(super) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that may still be unpacked.
    budget: u64,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, Problem> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(Problem::OleFile);
        }
        if !bytes.starts_with(b"PK") {
            return Err(Problem::NotWord);
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_problem(&e))?;
        if zip.len() > ENTRY_LIMIT {
            return Err(Problem::TooManyEntries { limit: ENTRY_LIMIT });
        }
        Ok(Package { zip, budget: TOTAL_LIMIT })
    }

    /// The main document part named by the package relationships, else `word/document.xml`.
    pub(super) fn main_part(&mut self) -> Result<String, Problem> {
        let from_rels = match self.part("_rels/.rels")? {
            Some(xml) => Relations::parse(&xml, "")?.target_of_type("officeDocument"),
            None => None,
        };
        Ok(from_rels.unwrap_or_else(|| "word/document.xml".to_string()))
    }

    /// The text of one part, or `None` when the package has no such part. Reads at most the
    /// part limit and what is left of the total budget, whatever the entry declares.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<String>, Problem> {
        let limit = PART_LIMIT.min(self.budget);
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_problem(&e)),
        };
        let mut bytes = Vec::new();
        entry.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Problem::Corrupt(e.to_string()))?;
        if bytes.len() as u64 > limit {
            let exceeded = if limit == PART_LIMIT { PART_LIMIT } else { TOTAL_LIMIT };
            return Err(Problem::TooLarge { limit_mib: exceeded / (1024 * 1024) });
        }
        self.budget -= bytes.len() as u64;
        Ok(Some(decode_xml_bytes(bytes, name)?))
    }
}

fn zip_problem(error: &zip::result::ZipError) -> Problem {
    use zip::result::ZipError;
    match error {
        ZipError::UnsupportedArchive(m) if *m == ZipError::PASSWORD_REQUIRED => Problem::EncryptedEntry,
        ZipError::InvalidPassword => Problem::EncryptedEntry,
        other => Problem::Corrupt(other.to_string()),
    }
}

/// XML bytes to text: UTF-8 with or without BOM, or UTF-16 with a BOM.
fn decode_xml_bytes(bytes: Vec<u8>, part: &str) -> Result<String, Problem> {
    let bad = |detail: &str| Problem::BadXml { part: part.to_string(), detail: detail.to_string() };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => {
            let little = bytes[0] == 0xFF;
            let units: Vec<u16> =
                rest.chunks_exact(2)
                    .map(|p| {
                        if little {
                            u16::from_le_bytes([p[0], p[1]])
                        } else {
                            u16::from_be_bytes([p[0], p[1]])
                        }
                    })
                    .collect();
            String::from_utf16(&units).map_err(|_| bad("not UTF-16"))
        }
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).map_err(|_| bad("not UTF-8")),
        _ => String::from_utf8(bytes).map_err(|_| bad("not UTF-8")),
    }
}

pub(super) fn parse_xml<'t>(text: &'t str, part: &str) -> Result<roxmltree::Document<'t>, Problem> {
    let options = roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: NODES_LIMIT };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => Problem::TooLarge { limit_mib: PART_LIMIT / (1024 * 1024) },
        e => Problem::BadXml { part: part.to_string(), detail: e.to_string() },
    })
}

/// `word/document.xml` → `word/_rels/document.xml.rels`.
pub(super) fn relations_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The relationships of one part: id → (type, target part path).
#[derive(Debug, Default)]
pub(super) struct Relations {
    entries: Vec<(String, String, String)>,
}

impl Relations {
    pub(super) fn parse(xml: &str, source_part: &str) -> Result<Relations, Problem> {
        let doc = parse_xml(xml, &relations_path(source_part))?;
        let base = source_part.rsplit_once('/').map_or("", |(dir, _)| dir);
        let entries = doc
            .root_element()
            .children()
            .filter(|n| n.tag_name().name() == "Relationship")
            .filter(|n| n.attribute("TargetMode") != Some("External"))
            .filter_map(|n| {
                let id = n.attribute("Id")?.to_string();
                let kind = n.attribute("Type")?.rsplit('/').next()?.to_string();
                Some((id, kind, resolve_target(base, n.attribute("Target")?)))
            })
            .collect();
        Ok(Relations { entries })
    }

    pub(super) fn target(&self, id: &str) -> Option<String> {
        self.entries.iter().find(|(i, _, _)| i == id).map(|(_, _, t)| t.clone())
    }

    pub(super) fn target_of_type(&self, kind: &str) -> Option<String> {
        self.entries.iter().find(|(_, k, _)| k == kind).map(|(_, _, t)| t.clone())
    }
}

/// A relationship target against the folder of its source part: `header1.xml` → `word/header1.xml`.
fn resolve_target(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') { Vec::new() } else { base.split('/').collect() };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join("/")
}

/// The relationship id of the header shown on the first page: the `first` header when the
/// first section has a title page, else its `default` header.
pub(super) fn first_page_header(body: Node) -> Option<String> {
    let section = body
        .descendants()
        .find(|n| is_w(n, "sectPr") && n.parent().is_some_and(|p| is_w(&p, "pPr") || is_w(&p, "body")))?;
    let title_page = child_w(section, "titlePg").is_some_and(|n| toggle(&n));
    let wanted = if title_page { "first" } else { "default" };
    section
        .children()
        .filter(|n| is_w(n, "headerReference"))
        .find(|n| w_attr(n, "type").unwrap_or("default") == wanted)
        .and_then(|n| r_attr(&n, "id"))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets_resolve_against_their_folder() {
        assert_eq!(resolve_target("word", "header1.xml"), "word/header1.xml");
        assert_eq!(resolve_target("word", "/word/footnotes.xml"), "word/footnotes.xml");
        assert_eq!(resolve_target("word", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
    }
}
