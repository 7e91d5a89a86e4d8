//! Header lines, authority lines, sentence case and signature blocks, each with its near
//! misses.

use super::case::{name_case, proper_words, sentence_case};
use super::footer::{is_authority_line, read_signature};
use super::header::{NumberLine, date_line, number_line};
use super::*;

#[test]
fn date_lines_and_near_misses() {
    let date = |y, m, d| Some(Date::new(y, m, d).unwrap());
    // (line, (place, date, year))
    type Expected = Option<(Option<&'static str>, Option<Date>, Option<i16>)>;
    let cases: &[(&str, Expected)] = &[
        ("Sơn Hà, ngày 10 tháng 6 năm 2024", Some((Some("Sơn Hà"), date(2024, 6, 10), Some(2024)))),
        ("Sơn Hà, ngày 05 tháng 02 năm 2024", Some((Some("Sơn Hà"), date(2024, 2, 5), Some(2024)))),
        ("Sơn Hà,\u{a0}ngày  10  tháng 6 năm 2024.", Some((Some("Sơn Hà"), date(2024, 6, 10), Some(2024)))),
        ("Sơn Hà ngày 10 tháng 6 năm 2024", Some((Some("Sơn Hà"), date(2024, 6, 10), Some(2024)))),
        (
            "TP. Hồ Chí Minh, ngày 1 tháng 1 năm 2024",
            Some((Some("TP. Hồ Chí Minh"), date(2024, 1, 1), Some(2024))),
        ),
        ("ngày 10 tháng 6 năm 2024", Some((None, date(2024, 6, 10), Some(2024)))),
        ("Sơn Hà, ngày      tháng 6 năm 2024", Some((Some("Sơn Hà"), None, Some(2024)))),
        ("Sơn Hà, ngày 31 tháng 2 năm 2024", Some((Some("Sơn Hà"), None, Some(2024)))),
        ("Sơn Hà, ngày 10 tháng 13 năm 2024", Some((Some("Sơn Hà"), None, Some(2024)))),
        // In figures, as some offices type it.
        ("Sơn Hà, ngày 10/6/2024", Some((Some("Sơn Hà"), date(2024, 6, 10), Some(2024)))),
        ("Sơn Hà, ngày 05.02.2024", Some((Some("Sơn Hà"), date(2024, 2, 5), Some(2024)))),
        ("Sơn Hà, ngày 31/02/2024", Some((Some("Sơn Hà"), None, Some(2024)))),
        ("Sơn Hà, ngày 10/6", None),
        ("Sơn Hà, ngày 10/6/24", None),
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", None),
        ("Hôm nay, ngày 10 tháng 6 năm 2024, tại Hội trường", None),
        ("sơn hà, ngày 10 tháng 6 năm 2024", None),
        ("Số: 1234/QĐ-UBND", None),
        ("", None),
    ];
    for &(text, want) in cases {
        let got = date_line(text).map(|d| (d.place, d.date, d.year));
        let want = want.map(|(p, d, y)| (p.map(str::to_string), d, y));
        assert_eq!(got, want, "{text}");
    }
    // A date written whole that no calendar has is kept as written, to be said so; one left
    // blank (a draft) is not.
    for (text, impossible) in [
        ("Sơn Hà, ngày 31 tháng 2 năm 2024", Some("31/2/2024")),
        ("Sơn Hà, ngày 10 tháng 13 năm 2024", Some("10/13/2024")),
        ("Sơn Hà, ngày 31/02/2024", Some("31/2/2024")),
        ("Sơn Hà, ngày      tháng 6 năm 2024", None),
        ("Sơn Hà, ngày 10 tháng 6 năm 2024", None),
    ] {
        assert_eq!(date_line(text).and_then(|d| d.impossible).as_deref(), impossible, "{text}");
    }
}

#[test]
fn number_lines_and_near_misses() {
    let cases: &[(&str, Option<&str>)] = &[
        ("Số: 1234/QĐ-UBND", Some("1234/QĐ-UBND")),
        ("Số 45-TB/VPTU", Some("45-TB/VPTU")),
        ("Số:215/QĐ-UBND", Some("215/QĐ-UBND")),
        ("SỐ: 12/2024/QĐ-UBND", Some("12/2024/QĐ-UBND")),
        ("Số 08\u{2011}ĐA/TU", Some("08-ĐA/TU")),
        ("Số:      /QĐ-UBND", Some("")),
        ("Số     -TB/VPTU", Some("")),
        ("Số lượng: 15", None),
        ("Số lượng cán bộ/viên chức", None),
        ("Số điện thoại 0219.3861.114", None),
        ("Số: 12/TB", None),
        ("Sổ tay công tác", None),
        ("Sơn Hà, ngày 10 tháng 6 năm 2024", None),
    ];
    for &(text, want) in cases {
        let got = number_line(text).map(|n| match n {
            NumberLine::Number(n) => n.written,
            NumberLine::Blank => String::new(),
        });
        assert_eq!(got.as_deref(), want, "{text}");
    }
}

#[test]
fn authority_lines_and_near_misses() {
    let cases: &[(&str, bool)] = &[
        ("T/M BAN THƯỜNG VỤ", true),
        ("K/T BÍ THƯ", true),
        ("T/L BAN THƯỜNG VỤ", true),
        ("T/U BAN THƯỜNG VỤ", true),
        ("TM. ỦY BAN NHÂN DÂN", true),
        ("KT. CHỦ TỊCH", true),
        ("TL. GIÁM ĐỐC", true),
        ("TUQ. CHỦ TỊCH", true),
        ("Q. GIÁM ĐỐC", true),
        ("TM BAN THƯỜNG VỤ", false),
        ("T/Mạng lưới", false),
        ("KT. chủ tịch", false),
        ("Q.1", false),
        ("T/M", false),
        ("CHỦ TỊCH", false),
        ("Kt. Chủ tịch", false),
    ];
    for &(text, want) in cases {
        assert_eq!(is_authority_line(text), want, "{text}");
    }
}

#[test]
fn capitals_to_sentence_case() {
    let proper = proper_words(Some("Sơn Hà"));
    let cases: &[(&str, &str)] = &[
        ("ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "Ủy ban nhân dân tỉnh Sơn Hà"),
        ("TỈNH ỦY SƠN HÀ", "Tỉnh ủy Sơn Hà"),
        ("VĂN PHÒNG", "Văn phòng"),
        ("SỞ NỘI VỤ", "Sở Nội vụ"),
        ("BAN TỔ CHỨC TỈNH ỦY", "Ban Tổ chức Tỉnh ủy"),
        ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
        ("CHÁNH VĂN PHÒNG", "Chánh Văn phòng"),
        ("PHÓ TRƯỞNG BAN", "Phó Trưởng ban"),
        ("UBND TỈNH SƠN HÀ", "UBND tỉnh Sơn Hà"),
        ("Về việc công bố", "Về việc công bố"),
        // Numbers of other notices keep their capitals; words without a digit do not.
        (
            "THỰC HIỆN NGHỊ QUYẾT SỐ 162-NQ/TU CỦA TỈNH ỦY SƠN HÀ",
            "Thực hiện Nghị quyết số 162-NQ/TU của Tỉnh ủy Sơn Hà",
        ),
        ("VỀ TRIỂN KHAI KẾ HOẠCH SỐ 05-KH/TU", "Về triển khai Kế hoạch số 05-KH/TU"),
        // Near misses: a type without a number, a number without a type.
        ("VỀ XÂY DỰNG KẾ HOẠCH NĂM 2025", "Về xây dựng kế hoạch năm 2025"),
        ("VỀ CÔNG VIỆC SỐ 5", "Về công việc số 5"),
        ("QUYẾT ĐỊNH 15/2024/QĐ-UBND", "Quyết định 15/2024/QĐ-UBND"),
        ("KẾ HOẠCH NĂM 2024", "Kế hoạch năm 2024"),
    ];
    for &(text, want) in cases {
        assert_eq!(sentence_case(text, &proper), want, "{text}");
    }
    assert_eq!(name_case("NGUYỄN VĂN AN"), "Nguyễn Văn An");
    assert_eq!(name_case("Hà Thị Lan"), "Hà Thị Lan");
}

#[test]
fn signature_blocks() {
    let s = read_signature(&["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Lò Văn Tâm"]);
    assert_eq!(
        s,
        Some(Signature {
            name: Some("Lò Văn Tâm".into()),
            title: Some("PHÓ CHỦ TỊCH".into()),
            authority: Some("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH".into()),
        })
    );
    let s = read_signature(&["CHÁNH VĂN PHÒNG", "Hà Thị Lan"]).unwrap();
    assert_eq!((s.title.as_deref(), s.authority), (Some("CHÁNH VĂN PHÒNG"), None));
    assert_eq!(read_signature(&[]), None);
}
