//! The terms of one notice, with their weights: tokens and bigrams of its number, title, type,
//! issuer, tags, summary and body, and the exact forms of its words. Which terms there are and
//! what the weights mean is the index's (see the parent module); folding and cutting is
//! [`super::text`]'s.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::text::{Kind, Terms, exact_of_run, fold, word_runs};
use super::{IN_HEADING, IN_NUMBER, term_hash};
use crate::content::Notice;

/// The summary and body are placed from the first multiple of this after the number and
/// headings: an edit of the title leaves the places of the body's words as they were (and the
/// index's files that only they are in), and no phrase runs from a heading into the body.
pub const BODY_PLACES_FROM: u32 = 256;

/// Body frequency bucket of the weight.
fn frequency_weight(count: u32) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2..=4 => 2,
        _ => 3,
    }
}

/// Every term of one notice with its weight, its [`term_hash`] and, for a bigram or pair, its
/// positions (the place of its first token among all the notice's tokens: number, title, type,
/// issuer, tags, then summary and body from the next multiple of [`BODY_PLACES_FROM`], each of
/// their lines in slots of [`LINE_PLACES`](super::text::LINE_PLACES) chosen by its hash,
/// ascending); `body_text` is its body's plain text. Exact
/// forms have weight 0, and tokens and exact forms no positions. Pairs with digits (see
/// [`Kind::Pair`]) come with positions and no weight: they are placed, not indexed.
pub fn notice_terms(notice: &Notice, body_text: &str, mut visit: impl FnMut(&str, Option<u8>, u32, &[u32])) {
    // The texts that weigh as headings: title, type, issuer, tags.
    let headings = || [&notice.title, &notice.doc_type, &notice.issuer].into_iter().chain(&notice.tags);
    let mut fields: Vec<(Terms, u8)> = Vec::with_capacity(5 + notice.tags.len());
    if let Some(key) = notice.key() {
        fields.push((Terms::new(&fold(key)), IN_NUMBER));
    }
    for text in headings() {
        fields.push((Terms::new(&fold(text)), IN_HEADING));
    }
    let mut body = notice.summary.as_deref().map(fold).unwrap_or_default();
    body.push('\n');
    body.push_str(&fold(body_text));
    fields.push((Terms::new(&body), 0));

    // Terms are many and short, and nobody chooses them to collide: a fast hash will do.
    let mut seen: HashMap<&str, Seen, FxBuildHasher> = HashMap::with_capacity_and_hasher(2048, FxBuildHasher);
    // Each place of a bigram or pair, with the one before it of the same term (a list per term).
    let mut places: Vec<(u32, u32)> = Vec::with_capacity(2048);
    let mut offset: u32 = 0;
    for (terms, flag) in &fields {
        let in_body = *flag == 0;
        if in_body {
            offset = offset.checked_next_multiple_of(BODY_PLACES_FROM).unwrap_or(offset);
        }
        terms.for_each(|term, at, kind| {
            let entry = seen.entry(term).or_default();
            entry.kind = kind;
            entry.flags |= flag;
            entry.count += u32::from(in_body);
            if kind != Kind::Token {
                places.push((offset.saturating_add(at), entry.last_place));
                entry.last_place = places.len() as u32;
            }
        });
        offset = offset.saturating_add(terms.places());
    }
    let mut positions = Vec::with_capacity(64);
    for (term, entry) in seen {
        positions.clear();
        let mut place = entry.last_place;
        while place != 0 {
            let (position, before) = places[place as usize - 1];
            positions.push(position);
            place = before;
        }
        // Lines are placed apart, not in order.
        positions.sort_unstable();
        positions.dedup();
        let weight = (entry.kind != Kind::Pair).then(|| entry.flags | frequency_weight(entry.count));
        visit(term, weight, term_hash(term), &positions);
    }

    let texts =
        notice.key().into_iter().chain(headings().map(String::as_str)).chain(notice.summary.as_deref());
    EXACT_FORMS.with_borrow_mut(|known| {
        known.next_notice();
        let mut forms = Vec::with_capacity(512);
        for text in texts.chain([body_text]) {
            word_runs(text, |run| known.meet(run, &mut forms));
        }
        for form in forms {
            visit(known.form(form), Some(0), known.hash(form), &[]);
        }
    });
}

/// What one notice holds of a term: its kind, where it weighs as a heading or number, how often
/// it is in the summary and body, and (for a bigram or pair) its last place, as one more than
/// its index in the places (0: none).
struct Seen {
    kind: Kind,
    flags: u8,
    count: u32,
    last_place: u32,
}

impl Default for Seen {
    fn default() -> Self {
        Seen { kind: Kind::Token, flags: 0, count: 0, last_place: 0 }
    }
}

/// The exact forms of the runs one thread has met. Notices are written from a small vocabulary
/// and repeat their words: making an exact form (lower case, decomposed, recomposed) costs far
/// more than looking it up, and a run is looked up once for each time it is written, never made
/// again. Each run and each form remembers the last notice that met it, so that a notice lists
/// each form once.
#[derive(Default)]
struct ExactForms {
    by_run: HashMap<Box<str>, RunSeen, FxBuildHasher>,
    /// The distinct exact forms, by number, with their [`term_hash`] (that of their folded
    /// form, made once), and the number of each.
    forms: Vec<(Box<str>, u32)>,
    form_numbers: HashMap<Box<str>, u32, FxBuildHasher>,
    /// By form number: the last notice that met it.
    form_seen: Vec<u32>,
    /// The notice being read: a count of the notices this thread has read.
    notice: u32,
}

/// A run of letters: its exact form (by number), if it has one, and the last notice that met it.
struct RunSeen {
    form: Option<u32>,
    seen: u32,
}

/// Runs remembered at most: past it the memory is given back and filled again.
const RUNS_KEPT: usize = 100_000;

impl ExactForms {
    /// Starts the next notice.
    fn next_notice(&mut self) {
        self.notice = self.notice.wrapping_add(1);
        if self.notice == 0 || self.by_run.len() >= RUNS_KEPT {
            *self = ExactForms { notice: 1, ..ExactForms::default() };
        }
    }

    /// Meets a run of the notice: adds its exact form to `forms` the first time the notice
    /// meets that form.
    fn meet(&mut self, run: &str, forms: &mut Vec<u32>) {
        let notice = self.notice;
        let form = match self.by_run.get_mut(run) {
            Some(seen) if seen.seen == notice => return,
            Some(seen) => {
                seen.seen = notice;
                seen.form
            }
            None => {
                let form = exact_of_run(run).map(|form| self.number(form));
                self.by_run.insert(run.into(), RunSeen { form, seen: notice });
                form
            }
        };
        if let Some(form) = form
            && self.form_seen[form as usize] != notice
        {
            self.form_seen[form as usize] = notice;
            forms.push(form);
        }
    }

    /// The number of an exact form, given it if it is new.
    fn number(&mut self, form: String) -> u32 {
        if let Some(&number) = self.form_numbers.get(form.as_str()) {
            return number;
        }
        let number = self.forms.len() as u32;
        let form = form.into_boxed_str();
        self.forms.push((form.clone(), term_hash(&form)));
        self.form_numbers.insert(form, number);
        self.form_seen.push(0);
        number
    }

    fn form(&self, number: u32) -> &str {
        &self.forms[number as usize].0
    }

    fn hash(&self, number: u32) -> u32 {
        self.forms[number as usize].1
    }
}

thread_local! {
    static EXACT_FORMS: std::cell::RefCell<ExactForms> = std::cell::RefCell::default();
}
