//! Text shown on pages: date lines in Vietnamese or English, a notice's full title without
//! its type doubled and its headline, the subject under the type, and the issuer code of a
//! key. Pure functions of their arguments; which page shows them is `mod.rs`'s and
//! `notice`'s.

use crate::config::Language;
use crate::content::Notice;

/// Whether `title` begins with the type word `doc_type` (`Kết luận của…` of type Kết luận),
/// whatever the case.
pub(super) fn starts_with_type(title: &str, doc_type: &str) -> bool {
    let doc_type = doc_type.trim();
    if doc_type.is_empty() {
        return false;
    }
    let mut title = title.trim_start().chars().flat_map(char::to_lowercase);
    let matched = doc_type.chars().flat_map(char::to_lowercase).all(|c| title.next() == Some(c));
    matched && title.next().is_none_or(|c| !c.is_alphanumeric())
}

/// The title without the type word it begins with, if it does.
pub(super) fn subject<'t>(doc_type: &str, title: &'t str) -> &'t str {
    if !starts_with_type(title, doc_type) {
        return title;
    }
    let trimmed = title.trim_start();
    let end = trimmed.char_indices().nth(doc_type.trim().chars().count()).map_or(trimmed.len(), |(i, _)| i);
    let rest = trimmed[end..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–'));
    if rest.is_empty() { title } else { rest }
}

/// A notice as a feed entry or a link preview names it: `45-NQ/TU: Nghị quyết về…`, or the
/// full title alone when it has no number.
pub fn headline(notice: &Notice) -> String {
    let title = full_title(&notice.doc_type, &notice.title);
    match &notice.number {
        Some(number) => format!("{}: {title}", number.written),
        None => title,
    }
}

/// Type and title as one phrase without doubling the type: `Nghị quyết về chuyển đổi số` of
/// type `Nghị quyết` and title `Về chuyển đổi số`; `Kết luận của…` of type `Kết luận`.
pub fn full_title(doc_type: &str, title: &str) -> String {
    let title = title.trim();
    if doc_type.trim().is_empty() || starts_with_type(title, doc_type) {
        return title.to_string();
    }
    let mut chars = title.chars();
    let (Some(first), second) = (chars.next(), chars.clone().next()) else {
        return doc_type.trim().to_string();
    };
    // A capital only because the title stood on its own line; not an acronym such as `UBND`,
    // nor a name such as `Đảng bộ tỉnh`.
    let first = if second.is_some_and(char::is_uppercase) || opens_with_name(title) {
        first.to_string()
    } else {
        first.to_lowercase().collect()
    };
    format!("{} {first}{}", doc_type.trim(), chars.as_str())
}

/// The words that open the names of the Party, the state and their bodies: a title that opens
/// with one keeps its capital after the type word (`Nghị quyết Đảng bộ tỉnh…`).
const NAME_OPENINGS: [&str; 15] = [
    "Đảng",
    "Nhà nước",
    "Chính phủ",
    "Quốc hội",
    "Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành",
    "Ban Thường vụ",
    "Ủy ban",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Mặt trận",
    "Sở",
];

/// Whether `title` opens with one of [`NAME_OPENINGS`], as whole words.
fn opens_with_name(title: &str) -> bool {
    NAME_OPENINGS.iter().any(|name| {
        title.strip_prefix(name).is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// The issuer code of a canonical key: `TU` of `162-NQ/TU`, `UBND` of `1234/QĐ-UBND`.
pub(super) fn issuer_code(key: &str) -> Option<&str> {
    let last = key.rsplit('/').next()?;
    Some(match last.split_once('-') {
        Some((_, issuer)) if !key.contains('-') || key.find('/') < key.find('-') => issuer,
        _ => last,
    })
}

/// `Sơn Hà, ngày 05 tháng 02 năm 2024`: days below 10 and months 1 and 2 take a leading zero.
pub fn date_line(place: Option<&str>, date: jiff::civil::Date, language: Language) -> String {
    let place = place.map(|p| format!("{p}, ")).unwrap_or_default();
    match language {
        Language::Vi => {
            let month =
                if date.month() <= 2 { format!("{:02}", date.month()) } else { date.month().to_string() };
            format!("{place}ngày {:02} tháng {month} năm {}", date.day(), date.year())
        }
        Language::En => {
            format!("{place}{} {} {}", date.day(), MONTHS[date.month() as usize - 1], date.year())
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The date line of a draft not dated yet, with blanks to fill in by hand.
pub fn blank_date_line(place: Option<&str>, language: Language) -> String {
    let place = place.map(|p| format!("{p}, ")).unwrap_or_default();
    match language {
        Language::Vi => format!("{place}ngày …… tháng …… năm 20……"),
        Language::En => format!("{place}…… 20……"),
    }
}

/// `22/5/2024` in Vietnamese, `2024-05-22` in English.
pub fn date_short(date: jiff::civil::Date, language: Language) -> String {
    match language {
        Language::Vi => format!("{}/{}/{}", date.day(), date.month(), date.year()),
        Language::En => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date_lines() {
        assert_eq!(
            date_line(Some("Sơn Hà"), date(2024, 6, 10), Language::Vi),
            "Sơn Hà, ngày 10 tháng 6 năm 2024"
        );
        assert_eq!(
            date_line(Some("Sơn Hà"), date(2024, 2, 5), Language::Vi),
            "Sơn Hà, ngày 05 tháng 02 năm 2024"
        );
        assert_eq!(date_line(None, date(2024, 6, 10), Language::En), "10 June 2024");
        assert_eq!(date_short(date(2024, 5, 2), Language::Vi), "2/5/2024");
    }

    #[test]
    fn a_title_after_its_type_keeps_its_capital_only_for_an_acronym_or_a_name() {
        let cases = [
            ("Nghị quyết", "Về chuyển đổi số", "Nghị quyết về chuyển đổi số"),
            (
                "Nghị quyết",
                "Đảng bộ tỉnh lãnh đạo chuyển đổi số",
                "Nghị quyết Đảng bộ tỉnh lãnh đạo chuyển đổi số",
            ),
            ("Thông báo", "Ban Thường vụ Tỉnh ủy kết luận", "Thông báo Ban Thường vụ Tỉnh ủy kết luận"),
            ("Báo cáo", "Ủy ban nhân dân tỉnh báo cáo", "Báo cáo Ủy ban nhân dân tỉnh báo cáo"),
            ("Thông báo", "UBND tỉnh làm việc", "Thông báo UBND tỉnh làm việc"),
            ("Kết luận", "Kết luận của Ban Thường vụ", "Kết luận của Ban Thường vụ"),
            ("Thông báo", "Sở Nội vụ tuyển dụng công chức", "Thông báo Sở Nội vụ tuyển dụng công chức"),
            // A verb before a document's or a feast's name: the name keeps its capitals only.
            ("Quyết định", "Tặng Bằng khen cho các tập thể", "Quyết định tặng Bằng khen cho các tập thể"),
            ("Thông báo", "Nghỉ Tết Nguyên đán", "Thông báo nghỉ Tết Nguyên đán"),
            ("Thông báo", "Sởi và cách phòng", "Thông báo sởi và cách phòng"),
            // Near misses: a verb that opens like a body's name, a name not followed by a space.
            ("Quyết định", "Ban hành Quy chế làm việc", "Quyết định ban hành Quy chế làm việc"),
            ("Thông báo", "Đảngviên mới", "Thông báo đảngviên mới"),
            ("Nghị quyết", "", "Nghị quyết"),
        ];
        for (doc_type, title, full) in cases {
            assert_eq!(full_title(doc_type, title), full, "{doc_type} + {title}");
        }
    }

    #[test]
    fn issuer_codes() {
        assert_eq!(issuer_code("162-NQ/TU"), Some("TU"));
        assert_eq!(issuer_code("1234/QĐ-UBND"), Some("UBND"));
        assert_eq!(issuer_code("30/2020/NĐ-CP"), Some("CP"));
    }
}
