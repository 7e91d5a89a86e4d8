//! Telling 8-bit text and legacy fonts, and refusing what is not a Word package.

use super::package::OLE_MAGIC;
use super::*;

#[test]
fn eight_bit_text_is_told_from_vietnamese() {
    let cases: &[(&str, bool)] = &[
        ("Uû ban nh©n d©n tØnh S¬n Hµ", true),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", true),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", true),
        ("Ủy ban nhân dân tỉnh Sơn Hà", false),
        ("Cộng hòa xã hội chủ nghĩa Việt Nam", false),
        ("Nhiệt độ 25°C; xem § 2; © Sơn Hà", false),
        ("Thông báo số 45-TB/VPTU", false),
        ("Ça coûte cher, très cher à Noël", false),
        ("", false),
    ];
    for &(text, want) in cases {
        assert_eq!(looks_like_8bit(text), want, "{text}");
    }
}

#[test]
fn legacy_fonts_by_name() {
    for (font, want) in [
        (".VnTime", true),
        (".VnTimeH", true),
        ("VNI-Times", true),
        ("VNI Helve", true),
        ("Times New Roman", false),
        ("Vnexpress Sans", false),
        ("Arial", false),
    ] {
        assert_eq!(is_legacy_font(font), want, "{font}");
    }
}

#[test]
fn a_non_zip_and_an_ole_file_are_refused() {
    assert_eq!(read(b"hello").unwrap_err(), Problem::NotWord);
    let mut ole = OLE_MAGIC.to_vec();
    ole.extend_from_slice(&[0; 64]);
    assert_eq!(read(&ole).unwrap_err(), Problem::OleFile);
    assert!(matches!(read(b"PK\x03\x04broken").unwrap_err(), Problem::Corrupt(_)));
}
