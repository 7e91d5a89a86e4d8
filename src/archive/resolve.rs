//! Resolution: which archived notice a cited number means (SPEC section 3).
//!
//! By canonical key, with the Đ/D-folded key where the archive has no exact match; then by the
//! cited type word where one code serves two types (QĐ), by the cited year when a date or `@YYYY`
//! is given, else the latest notice dated on or before the citing one. Finding numbers in text
//! is `cite`'s; what a resolution becomes on a page is `publish`'s. A short form whose key stops
//! after its type code (`8/2022/TT` of "Thông tư 08/2022") names a notice only when exactly one
//! archived notice has a key that begins so (`8/2022/TT-BTC`).

use std::borrow::Cow;
use std::sync::Arc;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use super::NoticeId;
use crate::cite::number;
use crate::content::Notice;

/// What a cited number turns out to name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Resolved(NoticeId),
    Unresolved,
    Ambiguous(Vec<NoticeId>),
}

/// What a citation says about the notice it means.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    pub key: &'a str,
    /// The type word before the number (`Quyết định`, `Quy định`…), if any.
    pub type_word: Option<&'a str>,
    /// The year of a bound date, of a year written after the number or of an explicit `@YYYY`.
    pub year: Option<i16>,
    /// A year written after the number: chooses when the archive has the number in that year.
    pub year_hint: Option<i16>,
    /// The date of the citing notice.
    pub citing_date: Option<Date>,
    /// The key stops after the type code: see the module's documentation.
    pub partial: bool,
}

/// Finds archived notices by canonical key, with the Đ/D-folded key as a fallback.
#[derive(Debug, Default, Clone)]
pub struct Resolver {
    by_key: FxHashMap<String, Vec<Candidate>>,
    by_folded_key: FxHashMap<String, Vec<Candidate>>,
    /// State numbers with a year by `N/YYYY/TYPE`, for short forms.
    by_short_key: FxHashMap<String, Vec<NoticeId>>,
}

/// A notice of a key with its date, kept beside its id: a citation compares the dates of every
/// notice of the number it cites (one a year, for numbers that start again each year), and
/// nearly a million citations of an archive of a hundred thousand do so.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    id: NoticeId,
    date: Option<Date>,
}

impl Candidate {
    fn year(&self) -> Option<i16> {
        self.date.map(|d| d.year())
    }
}

impl Resolver {
    pub fn new(notices: &[Arc<Notice>]) -> Self {
        let mut resolver = Resolver::default();
        for (index, notice) in notices.iter().enumerate() {
            if let Some(key) = notice.key() {
                let id = NoticeId::new(index);
                let candidate = Candidate { id, date: notice.date };
                resolver.by_key.entry(key.to_string()).or_default().push(candidate);
                resolver.by_folded_key.entry(fold_d(key).into_owned()).or_default().push(candidate);
                if let Some(short) = short_key(notice) {
                    resolver.by_short_key.entry(short).or_default().push(id);
                }
            }
        }
        resolver
    }

    /// Resolves a citation per SPEC section 3.
    pub fn resolve(&self, notices: &[Arc<Notice>], query: Query<'_>) -> Resolution {
        if query.partial {
            return match self.by_short_key.get(query.key).map(Vec::as_slice) {
                Some([only]) => Resolution::Resolved(*only),
                _ => Resolution::Unresolved,
            };
        }
        let Some(candidates) = self.with_key(query.key) else {
            return Resolution::Unresolved;
        };
        // The cited type word chooses only where one code serves two types.
        let word = query.type_word.filter(|_| has_shared_type_code(query.key));
        let of_type =
            |c: &Candidate| word.is_none_or(|word| number::eq_ci(&notices[c.id.index()].doc_type, word));
        let not_after =
            |c: &Candidate| query.citing_date.is_none_or(|citing| c.date.is_some_and(|d| d <= citing));
        // A year written after the number, when the archive has the number in that year (and
        // issued by then): "thực hiện Chỉ thị số 05-CT/TU năm 2023" may name the year of the
        // work reported on, and then says nothing of the directive's.
        let hinted =
            query.year.is_none().then_some(query.year_hint).flatten().filter(|&hint| {
                candidates.iter().any(|c| of_type(c) && not_after(c) && c.year() == Some(hint))
            });
        let year = query.year.or(hinted);
        // Without a year: the latest year of those issued on or before the citing notice.
        let latest = match year {
            Some(_) => None,
            None => {
                candidates.iter().filter(|c| of_type(c) && not_after(c)).filter_map(Candidate::year).max()
            }
        };
        let meant = |c: &&Candidate| {
            of_type(c)
                && match year {
                    Some(year) => c.year() == Some(year),
                    None => not_after(c) && c.year() == latest,
                }
        };
        // Most numbers have one notice: nothing is gathered unless two are meant.
        let mut found = candidates.iter().filter(meant).map(|c| c.id);
        match (found.next(), found.next()) {
            (None, _) => Resolution::Unresolved,
            (Some(only), None) => Resolution::Resolved(only),
            (Some(first), Some(second)) => {
                Resolution::Ambiguous([first, second].into_iter().chain(found).collect())
            }
        }
    }

    /// The notices of `key`, or of `key` with `Đ` read as `D` when none has it as written.
    fn with_key(&self, key: &str) -> Option<&Vec<Candidate>> {
        self.by_key.get(key).or_else(|| self.by_folded_key.get(fold_d(key).as_ref()))
    }

    /// The first notice with `key` issued after `citing`: what a citation of `key` without a
    /// year, in a notice of that date, may have meant.
    pub fn issued_after(&self, key: &str, citing: Date) -> Option<NoticeId> {
        let candidates = self.with_key(key)?;
        candidates.iter().filter(|c| c.date.is_some_and(|d| d > citing)).min_by_key(|c| c.date).map(|c| c.id)
    }
}

/// `8/2022/TT` of `8/2022/TT-BTC`: a state number with a year, up to its type code.
fn short_key(notice: &Notice) -> Option<String> {
    let number = notice.number.as_ref()?;
    (number.system == number::System::State && number.year.is_some() && number.type_code.is_some())
        .then(|| number.key.split('-').next().unwrap_or(&number.key).to_string())
}

/// `QĐ` is one code for Quyết định and Quy định: only there does the type word choose.
fn has_shared_type_code(key: &str) -> bool {
    key.contains("-QĐ/") || key.contains("QĐ-")
}

/// The key with `Đ` read as `D`, for citations typed without the Vietnamese letter; a key
/// without it is its own folded key, not a copy (most citations the archive lacks).
fn fold_d(key: &str) -> Cow<'_, str> {
    if key.contains('Đ') { Cow::Owned(key.replace('Đ', "D")) } else { Cow::Borrowed(key) }
}
