//! The date line of a printed notice (`Sơn Hà, ngày 10 tháng 6 năm 2024`): the place and the
//! date it gives. Read by `import` from a Word document, and by a notice's front-matter to say
//! what to write when a `date:` was copied from one. It does not know how a page prints it.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

/// What a date line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    pub place: Option<String>,
    pub date: Option<Date>,
    pub year: Option<i16>,
    /// A day, month and year all written that no calendar has (`ngày 31 tháng 02`), as `D/M/Y`.
    pub impossible: Option<String>,
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<place>\p{Lu}[\p{L}.' -]{0,40}?)\s*,?\s+)?(?i:ngày)\s*(?:(?P<d>\d{1,2})?\s*(?i:tháng)\s*(?P<m>\d{1,2})?\s*(?i:năm)\s*(?P<y>\d{4})?|(?P<dn>\d{1,2})\s*[/.-]\s*(?P<mn>\d{1,2})\s*[/.-]\s*(?P<yn>\d{4}))\s*\.?$",
    )
    .expect("date line pattern")
});

/// Reads a line such as `Sơn Hà, ngày 10 tháng 6 năm 2024`, its spaces already single and its
/// text NFC. The day or month may be blank (a draft to be dated); an impossible date gives no
/// date.
pub fn read(text: &str) -> Option<DateLine> {
    let c = DATE_LINE.captures(text)?;
    let place = c.name("place").map(|p| p.as_str().trim().to_string()).filter(|p| p.split(' ').count() <= 6);
    if c.name("place").is_some() && place.is_none() {
        return None;
    }
    // Written in words (ngày 10 tháng 6 năm 2024) or in figures (ngày 10/6/2024).
    let number =
        |name, figures| c.name(name).or(c.name(figures)).and_then(|m| m.as_str().parse::<i16>().ok());
    let year = number("y", "yn");
    let (date, impossible) = match (number("d", "dn"), number("m", "mn"), year) {
        (Some(d), Some(m), Some(y)) => {
            let date = ((1..=12).contains(&m) && (1..=31).contains(&d))
                .then(|| Date::new(y, m as i8, d as i8).ok())
                .flatten();
            (date, date.is_none().then(|| format!("{d}/{m}/{y}")))
        }
        _ => (None, None),
    };
    Some(DateLine { place, date, year, impossible })
}
