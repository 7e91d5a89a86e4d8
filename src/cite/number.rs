//! Notice numbers (số và ký hiệu): parsing one number as written and its canonical key.
//!
//! Party numbers read `162-NQ/TU` (sequence, type code, issuer); state numbers read
//! `1234/QĐ-UBND` or, for legal normative documents, `30/2020/NĐ-CP`. The canonical key is
//! NFC, uppercase, without spaces, with the sequence's leading zeros dropped, so "08-ĐA/TU"
//! and "8-ĐA/TU" are one key. Finding numbers in running text is `grammar`'s.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// Which numbering system a notice belongs to; picks the header of its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum System {
    Party,
    State,
}

/// A parsed notice number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    /// As written (trimmed, NFC).
    pub written: String,
    /// Canonical key: `8-ĐA/TU`, `1234/QĐ-UBND`, `30/2020/NĐ-CP`.
    pub key: String,
    pub seq: u32,
    /// The type code in its usual spelling (`ĐA`, `CTr`, `QĐ`); `None` for a công văn.
    pub type_code: Option<String>,
    pub issuer_code: String,
    /// The year inside a normative number (`30/2020/NĐ-CP`).
    pub year: Option<i16>,
    pub system: System,
}

/// Type codes in their usual spelling, with the type names they stand for (party, state).
const TYPE_CODES: &[(&str, &str, &str)] = &[
    ("NQ", "Nghị quyết", "Nghị quyết"),
    ("QĐ", "Quyết định", "Quyết định"),
    ("QĐi", "Quy định", "Quy định"),
    ("QyĐ", "Quy định", "Quy định"),
    ("CT", "Chỉ thị", "Chỉ thị"),
    ("CTr", "Chương trình", "Chương trình"),
    ("KL", "Kết luận", "Kết luận"),
    ("QC", "Quy chế", "Quy chế"),
    ("QTr", "Quy trình", "Quy trình"),
    ("TT", "Thông tri", "Thông tư"),
    ("TTLT", "Thông tư liên tịch", "Thông tư liên tịch"),
    ("TTr", "Tờ trình", "Tờ trình"),
    ("TB", "Thông báo", "Thông báo"),
    ("TC", "Thông cáo", "Thông cáo"),
    ("HD", "Hướng dẫn", "Hướng dẫn"),
    ("BC", "Báo cáo", "Báo cáo"),
    ("KH", "Kế hoạch", "Kế hoạch"),
    ("ĐA", "Đề án", "Đề án"),
    ("DA", "Đề án", "Dự án"),
    ("CV", "Công văn", "Công văn"),
    ("NĐ", "Nghị định", "Nghị định"),
    ("PA", "Phương án", "Phương án"),
    ("BB", "Biên bản", "Biên bản"),
    ("CĐ", "Công điện", "Công điện"),
    ("HĐ", "Hợp đồng", "Hợp đồng"),
    ("GM", "Giấy mời", "Giấy mời"),
    ("L", "Luật", "Luật"),
    ("PL", "Pháp lệnh", "Pháp lệnh"),
];

/// ASCII spellings of codes that need `Đ`, restored in keys (`QD-UBND` is `QĐ-UBND`).
fn restore_ascii_code(upper: &str, system: System) -> &str {
    match (upper, system) {
        ("QD", _) => "QĐ",
        ("QDI", _) => "QĐI",
        ("QYD", _) => "QYĐ",
        ("ND", _) => "NĐ",
        ("CD", _) => "CĐ",
        ("DA", System::Party) => "ĐA",
        _ => upper,
    }
}

/// The usual spelling of a type code, if it is one (`ctr` → `CTr`).
pub fn canonical_code(code: &str, system: System) -> Option<&'static str> {
    let upper = code.to_uppercase();
    let restored = restore_ascii_code(&upper, system);
    TYPE_CODES.iter().find(|(c, _, _)| c.to_uppercase() == restored).map(|(c, _, _)| *c)
}

/// The type name a code stands for (`TB` → `Thông báo`); `QĐ` reads as Quyết định.
pub fn type_name(code: &str, system: System) -> Option<&'static str> {
    let canonical = canonical_code(code, system)?;
    TYPE_CODES.iter().find(|(c, _, _)| *c == canonical).map(|(_, party, state)| match system {
        System::Party => *party,
        System::State => *state,
    })
}

static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<seq>\d{1,5})(?P<suffix>[A-Za-z]?)-(?P<code>\p{L}{1,5})/(?P<issuer>[\p{L}\d]+(?:-[\p{L}\d]+)*)$")
        .expect("party number pattern")
});
static STATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<seq>\d{1,5})(?P<suffix>[A-Za-z]?)/(?:(?P<year>(?:19|20)\d{2})/)?(?P<code>\p{L}[\p{L}\d]*(?:-[\p{L}\d]+)*)$",
    )
    .expect("state number pattern")
});
static SEPARATOR_SPACES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*([-/])\s*").expect("separator pattern"));

/// Look-alike dashes and slashes (Word's non-breaking hyphen, en dash, fraction slash) to ASCII.
pub fn normalize_separators(c: char) -> char {
    match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{FE63}'
        | '\u{FF0D}' => '-',
        '\u{2044}' | '\u{2215}' | '\u{FF0F}' => '/',
        '\u{D0}' | '\u{189}' => 'Đ',
        '\u{F0}' | '\u{256}' => 'đ',
        c => c,
    }
}

impl DocNumber {
    /// Parses a number as written: `162-NQ/TU`, `08-ĐA/TU`, `1234/QĐ-UBND`, `30/2020/NĐ-CP`.
    pub fn parse(text: &str) -> Option<DocNumber> {
        let written: String = text.trim().nfc().collect();
        let cleaned: String = written.chars().map(normalize_separators).collect();
        let cleaned = SEPARATOR_SPACES.replace_all(&cleaned, "$1");
        if let Some(caps) = PARTY.captures(&cleaned) {
            let code = canonical_code(&caps["code"], System::Party)?;
            return Some(Self::build(
                written,
                &caps["seq"],
                &caps["suffix"],
                Some(code),
                &caps["issuer"],
                None,
                System::Party,
            ));
        }
        let caps = STATE.captures(&cleaned)?;
        let year = caps.name("year").and_then(|y| y.as_str().parse().ok());
        let parts: Vec<&str> = caps["code"].split('-').collect();
        let (code, issuer) = match canonical_code(parts[0], System::State) {
            Some(code) if parts.len() >= 2 => (Some(code), parts[1..].join("-")),
            _ if parts.iter().all(|p| p.chars().all(|c| !c.is_lowercase()))
                && !parts[0].chars().all(|c| c.is_ascii_digit()) =>
            {
                (None, parts.join("-"))
            }
            _ => return None,
        };
        if year.is_none() && code.is_none() && parts.len() == 1 && parts[0].len() < 2 {
            return None;
        }
        Some(Self::build(written, &caps["seq"], &caps["suffix"], code, &issuer, year, System::State))
    }

    fn build(
        written: String,
        seq: &str,
        suffix: &str,
        code: Option<&str>,
        issuer: &str,
        year: Option<i16>,
        system: System,
    ) -> DocNumber {
        let seq_value: u32 = seq.parse().unwrap_or(0);
        let number = format!("{seq_value}{}", suffix.to_uppercase());
        let code_key = code.map(|c| restore_ascii_code(&c.to_uppercase(), system).to_string());
        let issuer_key = issuer.to_uppercase();
        let key = match (system, &code_key, year) {
            (System::Party, Some(code), _) => format!("{number}-{code}/{issuer_key}"),
            (System::State, Some(code), Some(year)) => format!("{number}/{year}/{code}-{issuer_key}"),
            (System::State, Some(code), None) => format!("{number}/{code}-{issuer_key}"),
            (_, None, Some(year)) => format!("{number}/{year}/{issuer_key}"),
            (_, None, None) => format!("{number}/{issuer_key}"),
        };
        DocNumber {
            written,
            key,
            seq: seq_value,
            type_code: code.map(str::to_string),
            issuer_code: issuer_key,
            year,
            system,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_to_keys() {
        type Case = (&'static str, &'static str, Option<&'static str>, System, Option<i16>);
        let cases: &[Case] = &[
            ("162-NQ/TU", "162-NQ/TU", Some("NQ"), System::Party, None),
            ("08-ĐA/TU", "8-ĐA/TU", Some("ĐA"), System::Party, None),
            ("02-CTr/TU", "2-CTR/TU", Some("CTr"), System::Party, None),
            ("45 - TB / VPTU", "45-TB/VPTU", Some("TB"), System::Party, None),
            ("45\u{2013}TB/VPTU", "45-TB/VPTU", Some("TB"), System::Party, None),
            ("162-nq/tu", "162-NQ/TU", Some("NQ"), System::Party, None),
            ("08-DA/TU", "8-ĐA/TU", Some("ĐA"), System::Party, None),
            ("367-QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP", Some("QĐ"), System::Party, None),
            ("08-QĐi/TW", "8-QĐI/TW", Some("QĐi"), System::Party, None),
            ("1234/QĐ-UBND", "1234/QĐ-UBND", Some("QĐ"), System::State, None),
            ("1234/QD-UBND", "1234/QĐ-UBND", Some("QĐ"), System::State, None),
            ("30/2020/NĐ-CP", "30/2020/NĐ-CP", Some("NĐ"), System::State, Some(2020)),
            ("15/2023/TT-BTC", "15/2023/TT-BTC", Some("TT"), System::State, Some(2023)),
            ("123/UBND-VP", "123/UBND-VP", None, System::State, None),
            ("123a/QĐ-UBND", "123A/QĐ-UBND", Some("QĐ"), System::State, None),
        ];
        for (text, key, code, system, year) in cases {
            let n = DocNumber::parse(text).unwrap_or_else(|| panic!("{text} should parse"));
            assert_eq!(
                (n.key.as_str(), n.type_code.as_deref(), n.system, n.year),
                (*key, *code, *system, *year),
                "{text}"
            );
        }
    }

    #[test]
    fn nfd_input_gives_the_nfc_key() {
        let nfd: String = "08-ĐA/TU".nfd().collect();
        assert_eq!(DocNumber::parse(&nfd).unwrap().key, "8-ĐA/TU");
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for text in
            ["22/5/2024", "2024", "Điều 3", "1/2", "F0/F1", "162-NQ", "NQ/TU", "", "12-XYZW/TU", "12/a"]
        {
            assert!(DocNumber::parse(text).is_none(), "{text} should not parse");
        }
    }

    #[test]
    fn type_names_follow_the_system() {
        assert_eq!(type_name("TB", System::Party), Some("Thông báo"));
        assert_eq!(type_name("ctr", System::Party), Some("Chương trình"));
        assert_eq!(type_name("QĐ", System::State), Some("Quyết định"));
        assert_eq!(type_name("TT", System::Party), Some("Thông tri"));
        assert_eq!(type_name("TT", System::State), Some("Thông tư"));
        assert_eq!(type_name("XX", System::Party), None);
    }
}
