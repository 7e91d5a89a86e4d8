//! The issuer and code parts of a number as written, cut where the letter case changes, and
//! how the case of a type code is judged. Which candidate is a citation, and how strongly, is
//! the grammar's in `mod.rs`.

use std::ops::Range;

/// Issuer or code parts, cut where the letter case changes.
pub(super) struct Tokens<'s> {
    pub(super) parts: Vec<&'s str>,
    pub(super) end: usize,
    pub(super) upper: bool,
    pub(super) cut: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Case {
    Upper,
    Lower,
    Mixed,
}

/// Issuer parts of any one case each, or capitalised (`Tu`), for numbers typed carelessly;
/// read only after a type word that agrees with the code.
pub(super) fn lenient_tokens(s: &str, range: Range<usize>) -> Option<Tokens<'_>> {
    let mut tokens = Tokens { parts: Vec::new(), end: range.start, upper: false, cut: false };
    let mut at = range.start;
    for piece in s[range].split('-') {
        let lead = piece.len() - piece.trim_start_matches(' ').len();
        let token = piece.trim_matches(' ');
        let token_start = at + lead;
        at += piece.len() + 1;
        let mut chars = token.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase());
        if case_of(token) == Case::Mixed && !capitalised {
            break;
        }
        tokens.push(token, token_start);
    }
    (!tokens.parts.is_empty()).then_some(tokens)
}

/// Splits `-`-joined parts and keeps those of one letter case. An uppercase part
/// glued to a lowercase word (`TUvề`) is cut there. `neutral_first`: the first part
/// is a type code whose case does not count.
pub(super) fn clean_tokens(s: &str, range: Range<usize>, neutral_first: bool) -> Option<Tokens<'_>> {
    let mut tokens = Tokens { parts: Vec::with_capacity(4), end: range.start, upper: true, cut: false };
    let mut class = None;
    let mut at = range.start;
    for (i, piece) in s[range].split('-').enumerate() {
        let lead = piece.len() - piece.trim_start_matches(' ').len();
        let token = piece.trim_matches(' ');
        let token_start = at + lead;
        at += piece.len() + 1;
        let case = case_of(token);
        if i == 0 && neutral_first {
            tokens.push(token, token_start);
            continue;
        }
        if case == Case::Mixed {
            if class != Some(Case::Lower)
                && let Some(cut) = upper_run(token)
            {
                tokens.push(&token[..cut], token_start);
                tokens.cut = true;
                class = Some(Case::Upper);
            }
            break;
        }
        if class.is_some_and(|k| k != case) {
            break;
        }
        class = Some(case);
        tokens.push(token, token_start);
    }
    tokens.upper = class != Some(Case::Lower);
    (!tokens.parts.is_empty()).then_some(tokens)
}

impl<'s> Tokens<'s> {
    fn push(&mut self, token: &'s str, start: usize) {
        self.parts.push(token);
        self.end = start + token.len();
    }
}

fn case_of(token: &str) -> Case {
    if token == "TTg" {
        return Case::Upper;
    }
    let upper = token.chars().any(char::is_uppercase);
    let lower = token.chars().any(char::is_lowercase);
    match (upper, lower) {
        (_, false) => Case::Upper,
        (false, true) => Case::Lower,
        (true, true) => Case::Mixed,
    }
}

/// Byte length of a leading uppercase run of at least two characters.
fn upper_run(token: &str) -> Option<usize> {
    let cut = token.find(char::is_lowercase)?;
    (token[..cut].chars().count() >= 2).then_some(cut)
}

/// `QĐ` as written for `QĐ`, or its ASCII spelling `QD`.
pub(super) fn is_canonical_case(written: &str, canonical: &str) -> bool {
    let ascii = canonical.chars().map(|c| match c {
        'Đ' => 'D',
        'đ' => 'd',
        c => c,
    });
    written == canonical || written.chars().eq(ascii)
}
