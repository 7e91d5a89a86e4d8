//! The date bound to a cited number: the text after the number in which its date may stand,
//! and the calendar-checked date that window opens with. Finding the number, and what the
//! citation is made of besides its date, belong to the grammar in `mod.rs`.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

/// How far forward (in characters) a date may follow its number.
const DATE_WINDOW_CHARS: usize = 120;
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?:(?:ngày|ngay)\x20*)?(?P<d>[0-9]{1,2})\x20?[/.\-]\x20?(?P<m>[0-9]{1,2})\x20?[/.\-]\x20?
        (?P<y>(?:19|20)[0-9]{2})
      | (?:ngày|ngay)\x20+(?P<d2>[0-9]{1,2})\x20+(?:tháng|thang)\x20+(?P<m2>[0-9]{1,2})\x20+(?:năm|nam)\x20+
        (?P<y2>(?:19|20)[0-9]{2})
        ",
    )
    .expect("date pattern")
});

/// The text after a number in which its date may stand: up to `DATE_WINDOW_CHARS`,
/// cut at ';' and at a sentence end.
pub(super) fn date_window(rest: &str) -> &str {
    for (n, (i, c)) in rest.char_indices().enumerate() {
        let sentence_end = matches!(c, '.' | '!' | '?') && starts_sentence(&rest[i + 1..]);
        if n == DATE_WINDOW_CHARS || c == ';' || sentence_end {
            return &rest[..i];
        }
    }
    rest
}

fn starts_sentence(after: &str) -> bool {
    let trimmed = after.trim_start_matches(' ');
    trimmed.len() < after.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}

/// The text right after a number where its date may open: past commas, spaces and a
/// parenthesis, and past an issuer phrase closed by a comma ("của Ban Chấp hành …, ngày …").
pub(super) fn after_number(rest: &str) -> &str {
    fn skip(s: &str) -> &str {
        s.trim_start_matches(|c: char| c == ',' || c == '(' || c.is_whitespace())
    }
    let rest = skip(rest);
    let phrase = rest.strip_prefix("của ").or_else(|| rest.strip_prefix("do "));
    match phrase.and_then(|p| p.find(',').map(|comma| (&p[..comma], &p[comma..]))) {
        Some((issuer, after))
            if issuer.chars().count() <= 80
                && !issuer.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | '(' | ')')) =>
        {
            skip(after)
        }
        _ => rest,
    }
}

/// The date the window opens with, calendar-checked: a date further on ("… báo cáo trước ngày
/// 30/6/2024") is a deadline or an event, not the cited notice's date. One no calendar has
/// (`ngày 31/02/2024`) is given as written, `D/M/Y`, to be said so.
pub(super) fn find_date(window: &str) -> Option<Result<Date, String>> {
    if !window.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let caps = DATE
        .captures(window)
        .filter(|c| c.get(0).is_some_and(|m| m.start() == 0 && date_bounded(window, m.range())))?;
    let (d, m, y) = match caps.name("d") {
        Some(d) => (d.as_str(), &caps["m"], &caps["y"]),
        None => (&caps["d2"], &caps["m2"], &caps["y2"]),
    };
    let (d, m, y): (i8, i8, i16) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    Some(Date::new(y, m, d).map_err(|_| format!("{d}/{m}/{y}")))
}

/// The year written right after a number, "năm 2023" ("Quyết định số 10/QĐ-UBND năm 2023"):
/// only spaces between, in small letters (a capital opens a sentence), and no digit, dash,
/// slash or comma after it (a span of years, a school year, a date, a clause of that year).
/// After a comma, a year starts a clause of its own.
pub(super) fn year_after(rest: &str) -> Option<i16> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\x20+(?:năm|nam)\x20+((?:19|20)[0-9]{2})").expect("year pattern"));
    let caps = YEAR.captures(rest)?;
    let after = &rest[caps.get(0)?.end()..];
    let next = after.chars().next();
    // A comma after it opens a clause of that year ("năm 2023, toàn tỉnh …").
    let goes_on = next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '–' | '/' | ','))
        || (next == Some('.') && !ends_sentence(after));
    if goes_on {
        return None;
    }
    caps[1].parse().ok()
}

/// Whether `after` (text right after a year) opens with the end of the sentence.
fn ends_sentence(after: &str) -> bool {
    after.strip_prefix('.').is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

fn date_bounded(window: &str, range: Range<usize>) -> bool {
    let before = window[..range.start].chars().next_back();
    let after = window[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(|c| c.is_ascii_digit())
}
