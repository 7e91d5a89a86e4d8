//! The text of a term shard file: its postings written as the parent module describes
//! (groups by weight, delta-coded ids, exact forms by their folded form's notices), and read
//! back when an incremental build updates the shard. Which terms a shard holds is the index's.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::text::fold;
use super::{PostingMap, Postings, script};

/// The postings of a term shard file read back; `None` when it is not one.
pub fn read_term_shard(text: &str, shard: usize) -> Option<PostingMap> {
    let json = text.strip_prefix(&format!("gazetteSearchData(\"terms/{shard}\","))?.strip_suffix(");\n")?;
    let entries: HashMap<String, Entry> = serde_json::from_str(json).ok()?;
    let mut terms = PostingMap::default();
    let mut same = Vec::new();
    for (term, entry) in entries {
        let groups = match entry {
            Entry::Postings(groups) => groups,
            Entry::Same(marker) if marker == SAME => {
                same.push((term, Vec::new()));
                continue;
            }
            Entry::Same(_) => return None,
            Entry::Except { not } => {
                same.push((term, not));
                continue;
            }
        };
        let mut list = Vec::new();
        for group in groups {
            let (&weight, deltas) = group.split_first()?;
            list.extend(undelta(deltas)?.into_iter().map(|id| (id << 4) | (weight & 15)));
        }
        list.sort_unstable();
        terms.insert(term, list);
    }
    // Exact forms given by their folded form's notices.
    for (term, deltas) in same {
        let key = fold(&term);
        if key == term {
            return None;
        }
        let except = undelta(&deltas)?;
        let list = terms
            .get(&key)?
            .iter()
            .map(|p| p & !15)
            .filter(|p| except.binary_search(&(p >> 4)).is_err())
            .collect();
        terms.insert(term, list);
    }
    Some(terms)
}

/// The postings of an exact form that are its folded form's notices, all of them.
const SAME: &str = "=";

/// One term's postings in a term shard file.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Entry {
    Postings(Vec<Vec<u32>>),
    Same(String),
    /// The folded form's notices but these: `[first id, delta, …]`.
    Except {
        not: Vec<u32>,
    },
}

/// For an exact form whose notices are all notices of its folded form: the notices of the
/// folded form that do not hold it, ids ascending, when they are fewer than those that do.
fn folded_except(term: &str, list: &Postings, terms: &PostingMap) -> Option<Vec<u32>> {
    if term.is_ascii() {
        return None;
    }
    let key = fold(term);
    let folded = terms.get(&key).filter(|_| key != term)?;
    let mut holding = list.iter().map(|p| p >> 4).peekable();
    let mut except = Vec::new();
    for id in folded.iter().map(|p| p >> 4) {
        if holding.next_if_eq(&id).is_none() {
            except.push(id);
        }
    }
    (holding.peek().is_none() && except.len() < list.len()).then_some(except)
}

/// Ids ascending as their first id, then the difference of each from the one before.
fn deltas(ids: &[u32]) -> impl Iterator<Item = u32> + '_ {
    ids.iter().scan(0, |previous, &id| Some(id - std::mem::replace(previous, id)))
}

/// The ids [`deltas`] gave; `None` when they overflow.
fn undelta(deltas: &[u32]) -> Option<Vec<u32>> {
    let mut id = 0u32;
    deltas
        .iter()
        .map(|&delta| {
            id = id.checked_add(delta)?;
            Some(id)
        })
        .collect()
}

/// Ids ascending as JSON: `[first id, delta, delta, …]`.
fn ids_json(ids: &[u32], out: &mut String) {
    out.push('[');
    for (i, delta) in deltas(ids).enumerate() {
        let _ = write!(out, "{}{delta}", if i == 0 { "" } else { "," });
    }
    out.push(']');
}

/// Postings as JSON: groups `[w, first id, delta, delta, …]`, by ascending weight.
pub fn postings_json(postings: &[u32], out: &mut String) {
    let mut groups: [Vec<u32>; 16] = Default::default();
    for &p in postings {
        groups[(p & 15) as usize].push(p >> 4);
    }
    out.push('[');
    let mut first_group = true;
    for (weight, ids) in groups.iter().enumerate().filter(|(_, ids)| !ids.is_empty()) {
        if !first_group {
            out.push(',');
        }
        first_group = false;
        let _ = write!(out, "[{weight}");
        for delta in deltas(ids) {
            let _ = write!(out, ",{delta}");
        }
        out.push(']');
    }
    out.push(']');
}

/// The file of term shard `shard`: its terms in byte order. An exact form is written by the
/// notices of its folded form that do not hold it, when that is shorter: [`SAME`] when none.
pub fn term_shard_text(shard: usize, terms: PostingMap) -> String {
    let mut sorted: Vec<(&String, &Postings)> = terms.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut json = String::from("{");
    for (n, (term, list)) in sorted.into_iter().enumerate() {
        if n > 0 {
            json.push(',');
        }
        json.push_str(&serde_json::to_string(term).expect("strings serialise"));
        json.push(':');
        match folded_except(term, list, &terms) {
            Some(except) if except.is_empty() => {
                let _ = write!(json, "\"{SAME}\"");
            }
            Some(except) => {
                json.push_str("{\"not\":");
                ids_json(&except, &mut json);
                json.push('}');
            }
            None => postings_json(list, &mut json),
        }
    }
    json.push('}');
    script(&format!("terms/{shard}"), &json)
}
