//! Letter case of field text typed in capitals: sentence case that keeps proper words and
//! abbreviations (after Nghị định 30's rules), and one capital a word for names. Which text is
//! recased is the caller's.

use super::lines::has_lowercase;

/// Words that keep their capitals inside names of bodies and titles, after Nghị định 30's rules.
const PROPER_WORDS: &[&str] = &[
    "Việt Nam",
    "Đảng",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Đảng ủy",
    "Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Thường vụ",
    "Ban Chấp hành",
    "Thường trực",
    "Mặt trận Tổ quốc",
    "Ủy ban Kiểm tra",
    "Văn phòng",
    "Chủ tịch",
    "Bí thư",
    "Trưởng ban",
    "Giám đốc",
    "Chính phủ",
    "Quốc hội",
];

/// Abbreviations that stay in capitals.
const ABBREVIATIONS: &[&str] = &["UBND", "HĐND", "MTTQ", "BCH", "BTV", "CNTT", "TP."];

pub(super) fn proper_words(place: Option<&str>) -> Vec<String> {
    let mut words: Vec<String> = PROPER_WORDS.iter().chain(ABBREVIATIONS).map(|w| w.to_string()).collect();
    if let Some(place) = place {
        words.push(name_case(place));
    }
    words
}

/// Text typed in capitals to sentence case: the first letter, the words of `proper`, the word
/// after a leading Ban / Sở / Bộ / Cục (`SỞ NỘI VỤ` → `Sở Nội vụ`) and words holding a digit
/// (numbers of other notices: `162-NQ/TU`) stay as typed. Text that has small letters is
/// returned as it is.
pub(crate) fn sentence_case(text: &str, proper: &[String]) -> String {
    if has_lowercase(text) {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.to_lowercase().chars().collect();
    for phrase in proper {
        let pattern: Vec<char> = phrase.to_lowercase().chars().collect();
        let replacement: Vec<char> = phrase.chars().collect();
        if pattern.is_empty() || pattern.len() != replacement.len() {
            continue;
        }
        let mut i = 0;
        while i + pattern.len() <= chars.len() {
            let before_ok = i == 0 || !chars[i - 1].is_alphanumeric();
            let after_ok = chars.get(i + pattern.len()).is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok && chars[i..i + pattern.len()] == pattern[..] {
                chars[i..i + pattern.len()].copy_from_slice(&replacement);
                i += pattern.len();
            } else {
                i += 1;
            }
        }
    }
    let lowered: String = chars.into_iter().collect();
    let typed: Vec<&str> = text.split(' ').collect();
    let mut out = lowered.clone();
    if lowered.split(' ').count() == typed.len() {
        let words = lowered.split(' ').zip(&typed);
        out = words
            .map(|(low, typed)| if typed.chars().any(|c| c.is_ascii_digit()) { *typed } else { low })
            .collect::<Vec<_>>()
            .join(" ");
    }
    out = capital_cited_types(&out);
    let words: Vec<&str> = out.split(' ').collect();
    if words.len() > 1 && matches!(words[0], "ban" | "sở" | "bộ" | "cục") {
        let rest = words[2..].join(" ");
        out = format!(
            "{} {}{}",
            words[0],
            capitalise(words[1]),
            if rest.is_empty() { String::new() } else { format!(" {rest}") }
        );
    }
    capitalise(&out)
}

/// A notice cited by type and number keeps the type's capital (`nghị quyết số 162-NQ/TU` →
/// `Nghị quyết số 162-NQ/TU`), as a named document is written.
fn capital_cited_types(text: &str) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    for at in 1..words.len().saturating_sub(1) {
        if words[at] != "số" || !words[at + 1].chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let named = (1..=3.min(at))
            .find(|&n| crate::cite::number::type_name_of_word(&words[at - n..at].join(" ")).is_some());
        if let Some(n) = named {
            words[at - n] = capitalise(&words[at - n]);
        }
    }
    words.join(" ")
}

/// A personal or place name typed in capitals to one capital a word: `NGUYỄN VĂN AN` → `Nguyễn Văn An`.
pub(crate) fn name_case(text: &str) -> String {
    if has_lowercase(text) {
        return text.to_string();
    }
    text.split(' ').map(|w| capitalise(&w.to_lowercase())).collect::<Vec<_>>().join(" ")
}

pub(super) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
