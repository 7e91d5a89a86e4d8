//! URL slugs: Vietnamese (or any) text to lowercase ASCII words joined by `-`.
//!
//! Transliteration is `deunicode`'s (đ → d, tones and marks dropped). This module does not
//! decide which text a URL is made of; `archive` does.

/// `"Thông báo 45-TB/VPTU"` → `"thong-bao-45-tb-vptu"`.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn transliterates_vietnamese() {
        for (text, slug) in [
            ("Thông báo 45-TB/VPTU", "thong-bao-45-tb-vptu"),
            ("Đề án số 08-ĐA/TU", "de-an-so-08-da-tu"),
            ("Quyết định 1234/QĐ-UBND", "quyet-dinh-1234-qd-ubnd"),
            ("  Tổ chức -- cán bộ  ", "to-chuc-can-bo"),
            ("\u{110}a\u{300}", "da"),
            ("", ""),
        ] {
            assert_eq!(slugify(text), slug, "{text}");
        }
    }
}
