//! Tables of the front-matter reader: misspelt and passive keys, names written alike, dates, and the lines of list items.

use super::*;

#[test]
fn an_unknown_key_is_read_as_the_key_it_most_likely_means() {
    for (written, meant) in [
        ("titel", Some("title")),
        ("tag", Some("tags")),
        ("expiry", Some("expires")),
        ("effective_date", Some("effective")),
        ("signed_by", Some("signer")),
        ("replace", Some("replaces")),
        ("based-on", Some("based_on")),
        ("basedOn", Some("based_on")),
        ("Replaces", Some("replaces")),
        ("TAGS", Some("tags")),
        ("EXPIRES", Some("expires")),
        ("supersedes", Some("replaces")),
        ("valid_until", Some("expires")),
        // Near misses: a key of the theme's own, far from any known key.
        ("so_trang", None),
        ("subject", None),
        ("ghi_chu", None),
        ("replaced_by", None),
    ] {
        assert_eq!(key_meant(written), meant, "{written}");
    }
}

#[test]
fn a_relation_written_from_the_older_notice_is_known_however_spelt() {
    for (written, meant) in [
        ("replaced_by", Some(RelationKind::Replaces)),
        ("replacedBy", Some(RelationKind::Replaces)),
        ("replaced-by", Some(RelationKind::Replaces)),
        ("Replaced_By", Some(RelationKind::Replaces)),
        ("superseded_by", Some(RelationKind::Replaces)),
        ("replaced", Some(RelationKind::Replaces)),
        ("amended", Some(RelationKind::Amends)),
        ("repealed", Some(RelationKind::Repeals)),
        ("basis_of", Some(RelationKind::BasedOn)),
        // Near misses: the relations themselves, and keys of a theme.
        ("replaces", None),
        ("amends", None),
        ("ghi_chu", None),
        ("bat_dau", None),
    ] {
        assert_eq!(passive_relation(written), meant, "{written}");
    }
}

#[test]
fn names_that_look_alike_are_written_alike() {
    for (written, tidied) in [
        ("Trần Thị Bích", "Trần Thị Bích"),
        ("  Trần  Thị\u{A0}Bích ", "Trần Thị Bích"),
        ("Chuyển\u{A0}đổi số", "Chuyển đổi số"),
        ("Văn phòng\u{200C} Tỉnh ủy", "Văn phòng Tỉnh ủy"),
        ("\u{FEFF}Sở Y tế\u{200B}", "Sở Y tế"),
        ("Kế hoạch\ntriển khai\t năm 2024", "Kế hoạch triển khai năm 2024"),
        ("\u{3000}Ban\u{2003}Tổ chức", "Ban Tổ chức"),
        // Near misses: letters and punctuation stay as they are.
        ("Nghị quyết số 05-NQ/TU", "Nghị quyết số 05-NQ/TU"),
        ("a-b,c", "a-b,c"),
        ("", ""),
    ] {
        assert_eq!(tidy(written), tidied, "{written:?}");
    }
}

#[test]
fn only_a_future_date_that_has_come_is_outdated() {
    let day = |days: i64| today().checked_add(jiff::Span::new().days(days)).unwrap().to_string();
    let future = |date: &str| {
        Diagnostic::warning("content/a.md", 4, 7, msg!("date-in-future", key = "date", date = date))
    };
    let cases = [
        (future(&day(-1)), true),
        (future(&day(0)), true),
        (future(&day(1)), false),
        (future("2024-13-01"), false),
        (Diagnostic::warning("content/a.md", 4, 7, msg!("missing-key", key = &day(-1))), false),
        (Diagnostic::warning("content/a.md", 4, 7, msg!("no-body").arg("date", day(-1))), false),
    ];
    for (problem, outdated_now) in cases {
        assert_eq!(outdated(&problem), outdated_now, "{problem:?}");
    }
}

#[test]
fn list_items_are_found_on_their_lines_in_order() {
    let yaml = "a: 1\nreplaces:\n  - 1-NQ/TU\n  - 2-NQ/TU\n  - 1-NQ/TU\nb: 2\n";
    let mut lines = LineFinder::new(yaml, 3);
    assert_eq!(lines.find("1-NQ/TU"), Some((3, 5)));
    assert_eq!(lines.find("2-NQ/TU"), Some((4, 5)));
    assert_eq!(lines.find("1-NQ/TU"), Some((5, 5)));
    assert_eq!(lines.find("9-NQ/TU"), None);
    assert_eq!(lines.find("b: 2"), None, "the rest are not looked for once one is lost");
}

#[test]
fn items_of_a_flow_list_are_found_where_each_stands() {
    let yaml = "replaces: [11-NQ/TU, 1-NQ/TU, \"Điều 2 1-NQ/TU\", 1-NQ/TU]\nb: 2\n";
    let mut lines = LineFinder::new(yaml, 1);
    assert_eq!(lines.find("11-NQ/TU"), Some((1, 12)));
    assert_eq!(lines.find("1-NQ/TU"), Some((1, 22)), "not inside the item before");
    // Columns count characters, not bytes (`Đ` is two bytes, `ề` three).
    assert_eq!(lines.find("Điều 2 1-NQ/TU"), Some((1, 32)));
    assert_eq!(lines.find("1-NQ/TU"), Some((1, 49)));
    assert_eq!(lines.find("b: 2"), Some((2, 1)));
    assert_eq!(lines.find("1-NQ/TU"), None);
}

#[test]
fn dates_written_otherwise_are_read_for_the_help_line() {
    let cases = [
        ("12/9/2024", Some("2024-09-12")),
        ("05-02-2024", Some("2024-02-05")),
        ("1.1.2020", Some("2020-01-01")),
        ("2024-5-2", Some("2024-05-02")),
        ("2024/9/12", Some("2024-09-12")),
        ("31/2/2024", None),
        ("2024-2-31", None),
        ("2024-13-1", None),
        ("12/9/24", None),
        ("24-9-12", None),
        ("12/9", None),
        ("2024-5", None),
        ("ngày 12/9/2024", None),
    ];
    for (text, expected) in cases {
        assert_eq!(written_date(text).map(|d| d.to_string()).as_deref(), expected, "{text}");
    }
}

#[test]
fn front_matter_split_counts_lines() {
    let (yaml, yaml_line, body, body_line) = split("---\na: 1\nb: 2\n---\nbody\n").unwrap();
    assert_eq!((yaml, yaml_line, body, body_line), ("a: 1\nb: 2\n", 2, "body\n", 5));
    assert!(split("no front matter").is_none());
    assert!(split("---\na: 1\n").is_none());
}
