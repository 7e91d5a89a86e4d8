//! Numbering: the list definitions of `numbering.xml` (abstract lists, instances, level
//! overrides), the counters Word advances paragraph by paragraph, and labels in Word's number
//! formats (decimal, letters, roman). Which paragraph carries a number is `styles`' and the
//! reader's.

use std::collections::{HashMap, HashSet};

use roxmltree::Node;

use super::Label;
use super::package::parse_xml;
use super::xml::{child_w, is_w, w_attr};
use crate::author::import::problem::Problem;

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

impl Level {
    fn parse(lvl: Node) -> Level {
        let val = |name| child_w(lvl, name).and_then(|n| w_attr(&n, "val"));
        Level {
            start: val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
            format: val("numFmt").unwrap_or("decimal").to_string(),
            text: val("lvlText").unwrap_or("").to_string(),
        }
    }
}

#[derive(Debug, Default)]
struct NumberingInstance {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
    level_overrides: HashMap<usize, Level>,
}

#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, HashMap<usize, Level>>,
    instances: HashMap<String, NumberingInstance>,
}

impl Numbering {
    pub(super) fn parse(xml: &str) -> Result<Numbering, Problem> {
        let doc = parse_xml(xml, "word/numbering.xml")?;
        let mut numbering = Numbering::default();
        let level_of = |n: &Node| w_attr(n, "ilvl").and_then(|v| v.parse::<usize>().ok());
        for node in doc.root_element().children() {
            if is_w(&node, "abstractNum") {
                let Some(id) = w_attr(&node, "abstractNumId") else { continue };
                let levels = node
                    .children()
                    .filter(|n| is_w(n, "lvl"))
                    .filter_map(|l| Some((level_of(&l)?, Level::parse(l))))
                    .collect();
                numbering.abstracts.insert(id.to_string(), levels);
            } else if is_w(&node, "num") {
                let Some(id) = w_attr(&node, "numId") else { continue };
                let Some(abstract_id) = child_w(node, "abstractNumId").and_then(|a| w_attr(&a, "val")) else {
                    continue;
                };
                let mut instance =
                    NumberingInstance { abstract_id: abstract_id.to_string(), ..Default::default() };
                for over in node.children().filter(|n| is_w(n, "lvlOverride")) {
                    let Some(level) = level_of(&over) else { continue };
                    if let Some(start) = child_w(over, "startOverride").and_then(|s| w_attr(&s, "val")) {
                        instance.start_overrides.insert(level, start.parse().unwrap_or(1));
                    }
                    if let Some(lvl) = child_w(over, "lvl") {
                        instance.level_overrides.insert(level, Level::parse(lvl));
                    }
                }
                numbering.instances.insert(id.to_string(), instance);
            }
        }
        Ok(numbering)
    }

    fn level<'a>(&'a self, instance: &'a NumberingInstance, level: usize) -> Option<&'a Level> {
        instance
            .level_overrides
            .get(&level)
            .or_else(|| self.abstracts.get(&instance.abstract_id).and_then(|levels| levels.get(&level)))
    }
}

/// The running counters of each list, as Word advances them paragraph by paragraph.
#[derive(Debug, Default)]
pub(super) struct Counters {
    by_list: HashMap<String, [Option<u32>; 9]>,
    instances_seen: HashSet<String>,
}

impl Counters {
    /// Advances the list of `num_id` at `level` and returns the paragraph's label.
    pub(super) fn next_label(&mut self, numbering: &Numbering, num_id: &str, level: usize) -> Option<Label> {
        let instance = numbering.instances.get(num_id)?;
        let level = level.min(8);
        let this = numbering.level(instance, level)?;
        let counters = self.by_list.entry(instance.abstract_id.clone()).or_default();
        if self.instances_seen.insert(num_id.to_string()) {
            // A list restarted in Word is a new instance with a start override.
            for &l in instance.start_overrides.keys().filter(|&&l| l < 9) {
                counters[l] = None;
            }
        }
        let start = instance.start_overrides.get(&level).copied().unwrap_or(this.start);
        counters[level] = Some(counters[level].map_or(start, |c| c + 1));
        counters.iter_mut().skip(level + 1).for_each(|c| *c = None);
        match this.format.as_str() {
            "bullet" => return Some(Label::Bullet),
            "none" => return None,
            _ => {}
        }
        let mut text = this.text.clone();
        for k in (1..=9).rev() {
            let placeholder = format!("%{k}");
            if !text.contains(&placeholder) {
                continue;
            }
            let value = numbering.level(instance, k - 1).map_or(String::new(), |l| {
                let count = counters[k - 1].unwrap_or(l.start);
                format_number(count, &l.format)
            });
            text = text.replace(&placeholder, &value);
        }
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(Label::Text(text))
    }
}

/// A list counter in a Word number format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

/// 1 → a, 26 → z, 27 → aa (Word repeats the letter).
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(26), "z");
        assert_eq!(letters(27), "aa");
        assert_eq!(roman(14), "XIV");
        assert_eq!(format_number(3, "lowerRoman"), "iii");
        assert_eq!(format_number(4, "decimalZero"), "04");
        assert_eq!(format_number(2, "upperLetter"), "B");
    }
}
