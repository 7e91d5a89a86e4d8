//! Vietnamese alphabetical order for names: issuers, signers, tags, types.
//!
//! a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, tones after base letters,
//! case-blind, by the ICU collator's `vi` tailoring. Byte order puts `Đ` after `Z` and is
//! never used for names. Numbers (years) are not sorted here.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

static VIETNAMESE: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    let mut options = CollatorOptions::default();
    // Secondary: letters, then tones; case does not count.
    options.strength = Some(Strength::Secondary);
    Collator::try_new(locale!("vi").into(), options).expect("the vi collation data is compiled in")
});

/// Compares two names in Vietnamese alphabetical order; names equal but for case keep a
/// stable order.
pub fn compare(a: &str, b: &str) -> Ordering {
    VIETNAMESE.compare(a, b).then_with(|| a.cmp(b))
}

/// Compares two people's names as Vietnamese lists do: by the given name (the last word),
/// then by the whole name from the family name on.
pub fn compare_people(a: &str, b: &str) -> Ordering {
    VIETNAMESE.compare(given_name(a), given_name(b)).then_with(|| compare(a, b))
}

/// The given name: the last word of a Vietnamese name.
fn given_name(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or("")
}

/// Sorts names in Vietnamese alphabetical order.
pub fn sort<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| compare(name(a), name(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_order_differs_from_byte_order() {
        let expected = [
            "an",
            "ăn",
            "âm",
            "ba",
            "bà",
            "bả",
            "bã",
            "bá",
            "bạ",
            "bác",
            "bắc",
            "bấc",
            "dân",
            "Đà Nẵng",
            "đảng",
            "Gia Lai",
            "Giang",
            "hòa",
            "Lạng Sơn",
            "Lào Cai",
            "on",
            "ôn",
            "ơn",
            "Ủy ban",
            "ưu tiên",
            "Văn phòng",
            "xã",
            "Yên Bái",
        ];
        let mut shuffled: Vec<&str> = expected.iter().rev().copied().collect();
        shuffled.rotate_left(7);
        sort(&mut shuffled, |s| s);
        assert_eq!(shuffled, expected);
        let mut bytes = expected.to_vec();
        bytes.sort();
        assert_ne!(bytes, expected, "byte order would differ");
    }

    #[test]
    fn people_are_sorted_by_given_name_then_the_rest() {
        let mut people =
            vec!["Trần Văn Bình", "Nguyễn Thị An", "Lê Ân", "Phạm Văn An", "Đỗ Bình", "Vũ Thị Ánh"];
        people.sort_by(|a, b| compare_people(a, b));
        assert_eq!(
            people,
            ["Nguyễn Thị An", "Phạm Văn An", "Vũ Thị Ánh", "Lê Ân", "Đỗ Bình", "Trần Văn Bình"]
        );
    }

    #[test]
    fn case_does_not_decide_before_letters() {
        assert_eq!(compare("ban Tổ chức", "Ban Tuyên giáo"), Ordering::Less);
        assert_eq!(compare("Đảng ủy", "đảng ủy"), "Đảng ủy".cmp("đảng ủy"));
        assert_eq!(compare("Đảng", "Dân"), Ordering::Greater);
    }
}
