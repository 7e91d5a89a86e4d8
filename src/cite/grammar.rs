//! Citation grammar (placeholder until the full grammar lands).
use std::ops::Range;

use crate::cite::number::DocNumber;

#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub span: Range<usize>,
    pub number: DocNumber,
    pub type_word: Option<&'static str>,
    pub date: Option<jiff::civil::Date>,
}

pub fn find_citations(_text: &str) -> Vec<Citation> {
    Vec::new()
}
