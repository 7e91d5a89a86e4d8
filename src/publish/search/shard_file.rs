//! The text of a term shard's files, written as the parent module describes and read back when
//! an incremental build updates the shard: the term file (postings in groups by weight,
//! delta-coded ids, exact forms by their folded form's notices) and the phrase file (where each
//! bigram stands in each notice). Which terms a shard holds is the index's.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::compact::deltas;
use super::places::Placed;
use super::text::fold;
use super::{PlaceMap, PostingMap, Postings, script, script_data};

/// The postings of a term shard file read back; `None` when it is not one.
pub fn read_term_shard(text: &str, shard: usize) -> Option<PostingMap> {
    let json = script_data(text, &format!("terms/{shard}"))?;
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
        // A run of ascending ids for each weight: a stable sort merges the runs.
        list.sort();
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
enum Entry {
    Postings(Vec<Vec<u32>>),
    Same(String),
    /// The folded form's notices but these: `[first id, delta, …]`.
    Except {
        not: Vec<u32>,
    },
}

/// Told apart by the JSON value's kind (an array, a string, an object), which serde's
/// untagged enums would find only by buffering every value and trying each form in turn.
impl<'de> serde::Deserialize<'de> for Entry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Forms;
        impl<'de> serde::de::Visitor<'de> for Forms {
            type Value = Entry;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("postings, \"=\" or {\"not\": [...]}")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
                let mut groups = Vec::with_capacity(seq.size_hint().unwrap_or(4));
                while let Some(group) = seq.next_element()? {
                    groups.push(group);
                }
                Ok(Entry::Postings(groups))
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Entry, E> {
                Ok(Entry::Same(text.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
                let mut not = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<str>>()? {
                    if key != "not" || not.is_some() {
                        return Err(serde::de::Error::custom("an entry other than {\"not\": [...]}"));
                    }
                    not = Some(map.next_value()?);
                }
                let not = not.ok_or_else(|| serde::de::Error::missing_field("not"))?;
                Ok(Entry::Except { not })
            }
        }
        deserializer.deserialize_any(Forms)
    }
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
        if i > 0 {
            out.push(',');
        }
        out.push_str(itoa::Buffer::new().format(delta));
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
    let mut number = itoa::Buffer::new();
    for (weight, ids) in groups.iter().enumerate().filter(|(_, ids)| !ids.is_empty()) {
        if !first_group {
            out.push(',');
        }
        first_group = false;
        out.push('[');
        out.push_str(number.format(weight));
        for delta in deltas(ids) {
            out.push(',');
            out.push_str(number.format(delta));
        }
        out.push(']');
    }
    out.push(']');
}

/// The file of term shard `shard`: its terms in byte order. An exact form is written by the
/// notices of its folded form that do not hold it, when that is shorter: [`SAME`] when none.
pub fn term_shard_text(shard: usize, terms: PostingMap) -> String {
    let json =
        object_by_term(&terms, |term, list: &Postings, json| match folded_except(term, list, &terms) {
            Some(except) if except.is_empty() => {
                json.push('"');
                json.push_str(SAME);
                json.push('"');
            }
            Some(except) => {
                json.push_str("{\"not\":");
                ids_json(&except, json);
                json.push('}');
            }
            None => postings_json(list, json),
        });
    script(&format!("terms/{shard}"), &json)
}

/// A JSON object of the terms of `map` in byte order, each value written by `value`.
fn object_by_term<V>(
    map: &HashMap<String, V, FxBuildHasher>,
    mut value: impl FnMut(&str, &V, &mut String),
) -> String {
    let mut sorted: Vec<(&String, &V)> = map.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut json = String::from("{");
    for (n, (term, v)) in sorted.into_iter().enumerate() {
        if n > 0 {
            json.push(',');
        }
        json.push_str(&serde_json::to_string(term).expect("strings serialise"));
        json.push(':');
        value(term, v, &mut json);
    }
    json.push('}');
    json
}

/// The file of phrase shard `shard`: for each bigram of the term shard, in byte order, a string
/// of numbers in [`put_number`]'s code: for each document holding it (the first id as it is,
/// each next as its difference from the one before), the number of its positions, the first,
/// then the difference of each from the one before.
pub fn phrase_shard_text(shard: usize, places: PlaceMap) -> String {
    let json = object_by_term(&places, |_, placed: &Placed, json| {
        json.push('"');
        let mut previous_doc = 0;
        for (doc, positions) in placed.iter() {
            put_number(json, doc - previous_doc);
            previous_doc = doc;
            put_number(json, positions.len() as u32);
            for delta in deltas(positions) {
                put_number(json, delta);
            }
        }
        json.push('"');
    });
    script(&format!("phrases/{shard}"), &json)
}

/// Digits of the phrase files' numbers: five bits each, lowest first; a digit of [`LAST`] ends
/// a number, one of [`MORE`] is followed by the next five bits. No digit needs escaping in JSON.
const LAST: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
const MORE: &[u8; 32] = b"ghijklmnopqrstuvwxyz0123456789-_";

/// Writes `number` in the phrase files' code: 0–31 in one character, below 1,024 in two.
fn put_number(out: &mut String, mut number: u32) {
    while number >= 32 {
        out.push(MORE[(number & 31) as usize] as char);
        number >>= 5;
    }
    out.push(LAST[number as usize] as char);
}

/// The numbers of a string in [`put_number`]'s code; `None` when it is not one.
fn take_numbers(code: &str) -> Option<Vec<u32>> {
    let mut numbers = Vec::with_capacity(code.len());
    let (mut number, mut shift) = (0u32, 0u32);
    for byte in code.bytes() {
        let digit = DIGIT_VALUES[usize::from(byte)];
        if digit == NOT_A_DIGIT || shift >= 32 {
            return None;
        }
        number |= u32::from(digit & 31) << shift;
        if digit < 32 {
            numbers.push(number);
            (number, shift) = (0, 0);
        } else {
            shift += 5;
        }
    }
    (shift == 0).then_some(numbers)
}

/// By byte: its value as a digit of the code, 0–31 for one of [`LAST`], 32–63 for one of
/// [`MORE`], [`NOT_A_DIGIT`] for any other.
const DIGIT_VALUES: [u8; 256] = {
    let mut values = [NOT_A_DIGIT; 256];
    let mut i = 0;
    while i < 32 {
        values[LAST[i] as usize] = i as u8;
        values[MORE[i] as usize] = 32 + i as u8;
        i += 1;
    }
    values
};
const NOT_A_DIGIT: u8 = u8::MAX;

/// The places of a phrase shard file read back; `None` when it is not one.
pub fn read_phrase_shard(text: &str, shard: usize) -> Option<PlaceMap> {
    let json = script_data(text, &format!("phrases/{shard}"))?;
    let entries: HashMap<String, String> = serde_json::from_str(json).ok()?;
    let mut places = PlaceMap::default();
    for (term, code) in entries {
        let mut numbers = take_numbers(&code)?.into_iter();
        let mut placed = Placed::default();
        let mut positions = Vec::new();
        let mut doc = 0u32;
        while let Some(delta) = numbers.next() {
            doc = doc.checked_add(delta)?;
            let count = numbers.next()? as usize;
            positions.clear();
            let mut position = 0u32;
            for _ in 0..count {
                position = position.checked_add(numbers.next()?)?;
                positions.push(position);
            }
            placed.push(doc, positions.iter().copied());
        }
        places.insert(term, placed);
    }
    Some(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_in_the_phrase_code() {
        let numbers = [0, 1, 31, 32, 1023, 1024, 32_767, 32_768, 1 << 20, u32::MAX];
        let mut code = String::new();
        for &n in &numbers {
            put_number(&mut code, n);
        }
        assert_eq!(take_numbers(&code), Some(numbers.to_vec()));
        let mut short = String::new();
        put_number(&mut short, 1023);
        assert_eq!(short.len(), 2);
        // Near misses: a number cut short, a character outside the code, too many digits.
        assert_eq!(take_numbers("g"), None);
        assert_eq!(take_numbers("A,"), None);
        assert_eq!(take_numbers("ggggggggA"), None);
        assert_eq!(take_numbers(""), Some(vec![]));
    }

    #[test]
    fn phrase_shards_read_back_as_written() {
        let placed = |docs: &[(u32, &[u32])]| {
            let mut placed = Placed::default();
            for (doc, positions) in docs {
                placed.push(*doc, positions.iter().copied());
            }
            placed
        };
        let mut places = PlaceMap::default();
        places.insert("to chuc".into(), placed(&[(0, &[3, 40]), (7, &[0]), (70_000, &[12, 13, 5000])]));
        places.insert("can bo".into(), placed(&[(2, &[1])]));
        let text = phrase_shard_text(9, places.clone());
        assert!(text.starts_with("gazetteSearchData(\"phrases/9\",{\"can bo\":\"CBB\","), "{text}");
        assert_eq!(read_phrase_shard(&text, 9), Some(places));
        assert_eq!(read_phrase_shard(&text, 8), None);
    }
}
