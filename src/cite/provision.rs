//! Provisions: the article, clause and point of a notice that running text cites
//! ("điểm a khoản 1 Điều 3", "khoản 2 Điều 5", "Điều 1"), and the anchors a notice's
//! articles and clauses carry on its page (`dieu-5`, `dieu-5-khoan-2`).
//!
//! Reads text only. Which notice a provision belongs to (the one cited next to it, or the
//! notice it is written in) is decided by `grammar` and the body pass; whether that notice
//! has such an article is `archive`'s.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// An article, and optionally its clause and the point of that clause.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Provision {
    /// The article's number as written, lowercase (`5`, `5a`).
    pub article: String,
    pub clause: Option<u16>,
    /// The point's letter, lowercase (`a`, `đ`).
    pub point: Option<String>,
    /// Whether it is of the document the cited notice issues with it ("Điều 5 Quy định ban
    /// hành kèm theo Quyết định số …"), not of the notice's own articles.
    #[serde(default)]
    pub attached: bool,
}

impl Provision {
    /// The anchor of the most precise part a page has an anchor for: the clause, else the
    /// article (points have none).
    pub fn anchor(&self) -> String {
        match self.clause {
            Some(clause) => clause_anchor(&article_anchor(&self.article), clause),
            None => article_anchor(&self.article),
        }
    }

    /// The article's anchor (`dieu-5`).
    pub fn article_anchor(&self) -> String {
        article_anchor(&self.article)
    }

    /// The provision in words, as officials write it: `điểm a khoản 2 Điều 5`.
    pub fn label(&self) -> String {
        let mut out = String::new();
        if let Some(point) = &self.point {
            out.push_str(&format!("điểm {point} "));
        }
        if let Some(clause) = self.clause {
            out.push_str(&format!("khoản {clause} "));
        }
        out.push_str(&format!("Điều {}", self.article));
        out
    }
}

/// `dieu-5` for article `5`.
pub fn article_anchor(article: &str) -> String {
    format!("dieu-{}", article.to_lowercase())
}

/// `dieu-5-khoan-2` for clause 2 of the article anchored at `dieu-5`.
pub fn clause_anchor(article_anchor: &str, clause: u16) -> String {
    format!("{article_anchor}-khoan-{clause}")
}

/// "điểm a khoản 1 Điều 3", "khoản 2, Điều 5", "Điều 1", "điều 7a", with or without diacritics.
const PROVISION: &str = r"(?:(?i:điểm|diem)\s+(?P<point>[a-zđA-ZĐ])\s*,?\s+)?(?:(?i:khoản|khoan)\s+(?P<clause>[0-9]{1,3})\s*,?\s+)?(?i:điều|dieu)\s+(?P<article>[0-9]{1,3}[a-zA-Z]?)";

/// A provision anywhere in a text.
static ANY: LazyLock<Regex> = LazyLock::new(|| Regex::new(PROVISION).expect("provision pattern"));

/// A provision that ends a prefix, with what may join it to the type word after it.
static ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{PROVISION}(?:\s*,\s*|\s+(?i:của|cua|tại|tai)\s+|\s+)$"))
        .expect("provision pattern")
});

/// The kinds of document a notice issues with it ("Quy định ban hành kèm theo Quyết định …"),
/// from which the patterns below are made.
const ISSUED_WITH: &[&str] = &["quy định", "quy chế", "điều lệ", "quy trình", "nội quy"];

/// The kinds of [`ISSUED_WITH`] as a pattern, each also without diacritics, its words apart by
/// any spaces: `capitalised` only as a document's name is written, else in any case.
fn issued_with_pattern(capitalised: bool) -> String {
    let forms =
        ISSUED_WITH.iter().flat_map(|kind| [kind.to_string(), deunicode::deunicode(kind)]).map(|form| {
            let words = form.split(' ').map(regex::escape).collect::<Vec<_>>().join(r"\s+");
            let mut chars = words.chars();
            match (capitalised, chars.next()) {
                (true, Some(first)) => first.to_uppercase().chain(chars).collect(),
                _ => words,
            }
        });
    let alternatives = forms.collect::<Vec<_>>().join("|");
    if capitalised { format!(r"\b(?:{alternatives})\b") } else { format!("(?i:{alternatives})") }
}

/// A provision of the document a notice issues with it, from the start of a text to its end:
/// "Điều 5 Quy định ban hành kèm theo ", "khoản 2 Điều 3 của Quy chế làm việc của Ban Chấp
/// hành được ban hành kèm theo ", "Điều 4 Quy chế làm việc (ban hành kèm theo ". What names
/// the document (`name`) may not run over a sentence's end, a semicolon or a parenthesis;
/// [`names_one_document`] says what else it may not hold.
static ATTACHED_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{PROVISION}\s*,?\s+(?:(?i:của|cua)\s+)?{}(?P<name>\s+[^;.!?()]*?)?(?:\s+|\s*\(\s*)(?:(?i:được|duoc)\s+)?(?i:ban\s+hành|ban\s+hanh)\s+(?i:kèm\s+theo|kem\s+theo)\s+$",
        issued_with_pattern(false)
    ))
    .expect("attached provision pattern")
});

/// Another document's word, or the notice's own, inside a document's name: "Điều 1 Quy chế
/// này và Quy định ban hành kèm theo …", "Điều 3 Nội quy cơ quan, Quy định ban hành kèm theo …".
static NOT_ONE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    // Document names are capitalised: "các quy định về lưu trữ" names none.
    Regex::new(&format!(r"(?i:\bnày\b|\bnay\b|\bđiều\s+[0-9]|\bdieu\s+[0-9])|{}", issued_with_pattern(true)))
        .expect("name pattern")
});

/// Whether the words between a document's kind and "ban hành kèm theo" name that one document.
fn names_one_document(name: &str) -> bool {
    !NOT_ONE_NAME.is_match(name)
}

/// A provision that opens the text after a number: ", Điều 5", " (khoản 2 Điều 3)", " tại Điều 4".
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:\s*,\s*|\s*\(\s*|\s+)(?:(?i:tại|tai)\s+)?{PROVISION}"))
        .expect("provision pattern")
});

/// What makes a provision another document's: an issuer phrase, a named document, or a type
/// word with its number right after it ("Điều 5 của Luật…", "Điều 10 Điều lệ Đảng",
/// "điều 3 nghị định số 100…"). A capitalised word after it is checked apart.
static FOREIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:của|cua|thuộc|thuoc|điều\s+lệ|dieu\s+le|hiến\s+pháp|hien\s+phap|bộ\s+luật|bo\s+luat|luật|luat|pháp\s+lệnh|phap\s+lenh|số|so)(?:[^\p{L}0-9]|$)|(?:nghị\s+quyết|nghi\s+quyet|nghị\s+định|nghi\s+dinh|quyết\s+định|quyet\s+dinh|quy\s+định|quy\s+dinh|quy\s+chế|quy\s+che|chỉ\s+thị|chi\s+thi|thông\s+tư|thong\s+tu|kết\s+luận|ket\s+luan|hướng\s+dẫn|huong\s+dan|kế\s+hoạch|ke\s+hoach|chương\s+trình|chuong\s+trinh|đề\s+án|de\s+an|công\s+văn|cong\s+van|thông\s+báo|thong\s+bao|văn\s+bản|van\s+ban)\s+(?:số|so|[0-9]))",
    )
    .expect("foreign pattern")
});

/// Whether the text after a provision makes it another document's.
fn foreign(after: &str) -> bool {
    let next = after.trim_start().chars().next();
    FOREIGN.is_match(after) || next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// "của Quyết định này", "Quy định này", "của văn bản này": the notice itself.
static THIS_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s+(?:(?:của|cua|tại|tai)\s+)?(?:nghị\s+quyết|nghi\s+quyet|quyết\s+định|quyet\s+dinh|quy\s+định|quy\s+dinh|quy\s+chế|quy\s+che|chỉ\s+thị|chi\s+thi|thông\s+tư|thong\s+tu|nghị\s+định|nghi\s+dinh|hướng\s+dẫn|huong\s+dan|kế\s+hoạch|ke\s+hoach|chương\s+trình|chuong\s+trinh|đề\s+án|de\s+an|văn\s+bản|van\s+ban|kết\s+luận|ket\s+luan|thông\s+báo|thong\s+bao)\s+(?:này|nay)(?:[^\p{L}0-9]|$)",
    )
    .expect("this-notice pattern")
});

/// An article's own label: `Điều 5.`, `Điều 5:`, `Điều 5 ` at the start, or `Điều 5` alone.
static ARTICLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:điều)\s+(?P<article>[0-9]{1,3}[a-zA-Z]?)(?:\s*[.:]|\s*$)")
        .expect("article label pattern")
});

/// A clause's number opening a paragraph: `2.` followed by a space.
static CLAUSE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?P<clause>[0-9]{1,2})\.(?:\s|$)").expect("clause label pattern"));

fn provision_of(caps: &regex::Captures) -> Option<Provision> {
    let article = caps.name("article")?.as_str().to_lowercase();
    let clause = match caps.name("clause") {
        Some(c) => Some(c.as_str().parse().ok().filter(|&n: &u16| n > 0)?),
        None => None,
    };
    let point = caps.name("point").map(|p| p.as_str().to_lowercase());
    article_number(&article)?;
    Some(Provision { article, clause, point, attached: false })
}

/// The number of an article (`5` of `5a`): its leading digits, when they make a number above 0.
pub fn article_number(article: &str) -> Option<u32> {
    super::number::leading_number(article).map(|(number, _)| number)
}

/// Whether no letter or digit touches `at` from before.
fn starts_word(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Whether no letter or digit follows `at`.
fn ends_word(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The provision that ends `prefix` (what stands before a cited type word): the provision and
/// its byte range in `prefix`.
pub fn ending(prefix: &str) -> Option<(Provision, Range<usize>)> {
    if !might_hold(prefix) {
        return None;
    }
    if let Some(caps) = ENDING.captures(prefix) {
        let whole = caps.get(0)?;
        if !starts_word(prefix, whole.start()) {
            return None;
        }
        let end = caps.name("article")?.end();
        return Some((provision_of(&caps)?, whole.start()..end));
    }
    if !might_be_issued_with(prefix) {
        return None;
    }
    // The provision nearest the cited number, and the name of one document between them.
    let start = ANY.find_iter(prefix).last()?.start();
    let caps = ATTACHED_ENDING.captures(&prefix[start..])?;
    if !starts_word(prefix, start) || caps.name("name").is_some_and(|name| !names_one_document(name.as_str()))
    {
        return None;
    }
    let end = start + caps.name("article")?.end();
    Some((Provision { attached: true, ..provision_of(&caps)? }, start..end))
}

/// The provision that opens `rest` (what follows a cited number): the provision and the end of
/// what the link covers (a closing parenthesis included when one was opened).
pub fn opening(rest: &str) -> Option<(Provision, usize)> {
    if !might_hold(rest) {
        return None;
    }
    let caps = OPENING.captures(rest)?;
    let article = caps.name("article")?;
    if !ends_word(rest, article.end()) || foreign(&rest[article.end()..]) {
        return None;
    }
    let mut end = article.end();
    if caps.get(0)?.as_str().contains('(') && rest[end..].starts_with(')') {
        end += 1;
    }
    Some((provision_of(&caps)?, end))
}

/// A provision a notice writes of itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Internal {
    pub provision: Provision,
    /// What the link covers: the provision, and "của Quyết định này" when written.
    pub span: Range<usize>,
    /// Whether the text says the notice itself ("… của Quy định này"); otherwise the provision
    /// is bare and means the notice's own article only when it has articles.
    pub explicit: bool,
}

/// The provisions of a text that name the notice it is written in: "Điều 3 của Quy định này",
/// and bare ones ("tại Điều 5 và Điều 6") that no type word, number or issuer phrase follows.
/// `taken`: ranges (sorted, apart) that belong to citations of other notices.
pub fn internal(text: &str, taken: &[Range<usize>]) -> Vec<Internal> {
    let mut found = Vec::new();
    if !might_hold(text) {
        return found;
    }
    // The first citation not wholly before the match: matches come left to right, so the
    // citations are passed over once however many there are (a paragraph may cite thousands).
    let mut next_taken = 0;
    for caps in ANY.captures_iter(text) {
        let (Some(whole), Some(article)) = (caps.get(0), caps.name("article")) else { continue };
        while taken.get(next_taken).is_some_and(|t| t.end <= whole.start()) {
            next_taken += 1;
        }
        if !starts_word(text, whole.start())
            || !ends_word(text, article.end())
            || taken.get(next_taken).is_some_and(|t| t.start < article.end())
        {
            continue;
        }
        let Some(provision) = provision_of(&caps) else { continue };
        let after = &text[article.end()..];
        if let Some(this) = THIS_NOTICE.find(after) {
            let end = article.end() + this.as_str().trim_end_matches(|c: char| !c.is_alphanumeric()).len();
            found.push(Internal { provision, span: whole.start()..end, explicit: true });
            continue;
        }
        if foreign(after) {
            continue;
        }
        found.push(Internal { provision, span: whole.start()..article.end(), explicit: false });
    }
    found
}

/// The article number a label opens with (`Điều 5. Phạm vi` → `5`).
pub fn article_label(label: &str) -> Option<String> {
    ARTICLE_LABEL.captures(label).map(|c| c["article"].to_lowercase())
}

/// The clause number a paragraph opens with (`2. Các cơ quan…` → 2).
pub fn clause_label(text: &str) -> Option<u16> {
    CLAUSE_LABEL.captures(text).and_then(|c| c["clause"].parse().ok()).filter(|&n| n > 0)
}

/// A cheap test that a prefix may end in "kèm theo " in any case, with or without diacritics.
fn might_be_issued_with(prefix: &str) -> bool {
    // The last sixteen characters, their spaces left out.
    let start = prefix.char_indices().rev().nth(15).map_or(0, |(at, _)| at);
    let tail: String =
        prefix[start..].chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    tail.ends_with("kèmtheo") || tail.ends_with("kemtheo")
}

/// A cheap test that a text may hold "điều" in any case, with or without its diacritics.
fn might_hold(text: &str) -> bool {
    text.contains("iều") || text.contains("IỀU") || text.contains("ieu") || text.contains("IEU")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(article: &str, clause: Option<u16>, point: Option<&str>) -> Provision {
        Provision { article: article.into(), clause, point: point.map(Into::into), attached: false }
    }

    fn attached(article: &str, clause: Option<u16>) -> Provision {
        Provision { attached: true, ..p(article, clause, None) }
    }

    #[test]
    fn anchors_and_labels() {
        assert_eq!(p("5", Some(2), Some("a")).anchor(), "dieu-5-khoan-2");
        assert_eq!(p("5a", None, None).anchor(), "dieu-5a");
        assert_eq!(p("5", Some(2), Some("a")).label(), "điểm a khoản 2 Điều 5");
        assert_eq!(attached("5", None).label(), "Điều 5");
        assert_eq!(attached("5", Some(2)).anchor(), "dieu-5-khoan-2");
    }

    #[test]
    fn ending_provisions() {
        let cases: &[(&str, Option<(Provision, &str)>)] = &[
            ("Căn cứ khoản 2 Điều 5 ", Some((p("5", Some(2), None), "khoản 2 Điều 5"))),
            ("theo Điều 1 của ", Some((p("1", None, None), "Điều 1"))),
            ("điểm a, khoản 1, Điều 3 ", Some((p("3", Some(1), Some("a")), "điểm a, khoản 1, Điều 3"))),
            ("Theo Dieu 4 cua ", Some((p("4", None, None), "Dieu 4"))),
            ("tại Điều 5, ", Some((p("5", None, None), "Điều 5"))),
            ("Điều 5 và ", None),
            ("Điều 5 Luật Tổ chức và ", None),
            ("các điều kiện ", None),
            ("Điều lệ ", None),
            ("Căn cứ Điều 2 Quy định ban hành kèm theo ", Some((attached("2", None), "Điều 2"))),
            (
                "khoản 1 Điều 2 của Quy chế làm việc của Ban Chấp hành được ban hành kèm theo ",
                Some((attached("2", Some(1)), "khoản 1 Điều 2")),
            ),
            ("theo Dieu 7 Quy dinh ban hanh kem theo ", Some((attached("7", None), "Dieu 7"))),
            ("Điều 4 Điều lệ ban hành kèm theo ", Some((attached("4", None), "Điều 4"))),
            // Near misses: no document named, a sentence between, or not issued with the notice.
            ("Điều 2 ban hành kèm theo ", None),
            ("Điều 2 Quy định về lưu trữ. Văn bản ban hành kèm theo ", None),
            ("Điều 2 Quy định về lưu trữ; ban hành kèm theo ", None),
            ("Điều 2 Quy định gửi kèm theo ", None),
            ("Điều 2 Quy định ban hành theo ", None),
            // The provision nearest the number, of one document named.
            (
                "Căn cứ Điều 1 Quy định về lưu trữ và Điều 4 Quy định ban hành kèm theo ",
                Some((attached("4", None), "Điều 4")),
            ),
            ("theo Điều 1 Quy chế này và Quy định ban hành kèm theo ", None),
            ("Theo Điều 1 của Quy chế này, cơ quan lập hồ sơ theo Quy trình ban hành kèm theo ", None),
            ("Căn cứ Điều 3 Nội quy cơ quan, Quy định ban hành kèm theo ", None),
            ("theo Điều 3 Quy chế nay, Quy trình ban hanh kem theo ", None),
            (
                "Điều 6 Quy chế thực hiện các quy định về lưu trữ ban hành kèm theo ",
                Some((attached("6", None), "Điều 6")),
            ),
            ("theo Điều 4 Quy chế làm việc (ban hành kèm theo ", Some((attached("4", None), "Điều 4"))),
            ("theo Điều 4 Quy chế (được ban hành kèm theo ", Some((attached("4", None), "Điều 4"))),
            ("Điều 2 Quy định ban  hành  kèm  theo ", Some((attached("2", None), "Điều 2"))),
            ("Điều 2 Quy định BAN HÀNH KÈM THEO ", Some((attached("2", None), "Điều 2"))),
        ];
        for (text, want) in cases {
            let got = ending(text).map(|(p, r)| (p, &text[r]));
            assert_eq!(got, want.clone(), "{text:?}");
        }
    }

    #[test]
    fn opening_provisions() {
        let cases: &[(&str, Option<(Provision, &str)>)] = &[
            (", Điều 5 quy định rõ", Some((p("5", None, None), ", Điều 5"))),
            (", Điều 0 quy định", None),
            (" (khoản 2 Điều 3) về", Some((p("3", Some(2), None), " (khoản 2 Điều 3)"))),
            (" tại Điều 4.", Some((p("4", None, None), " tại Điều 4"))),
            (", Điều 5 Nghị định số", None),
            (" Điều 5 của Luật", None),
            (" và Điều 5", None),
            (", ngày 5/3/2024", None),
        ];
        for (text, want) in cases {
            let got = opening(text).map(|(p, end)| (p, &text[..end]));
            assert_eq!(got, want.clone(), "{text:?}");
        }
    }

    #[test]
    fn internal_provisions() {
        type Want<'a> = (&'a str, Provision, bool);
        let cases: &[(&str, &[Want])] = &[
            (
                "theo điểm a khoản 1 Điều 3 của Quy định này.",
                &[("điểm a khoản 1 Điều 3 của Quy định này", p("3", Some(1), Some("a")), true)],
            ),
            ("Điều 2 Quyết định này có hiệu lực", &[("Điều 2 Quyết định này", p("2", None, None), true)]),
            (
                "quy định tại Điều 5 và Điều 6.",
                &[("Điều 5", p("5", None, None), false), ("Điều 6", p("6", None, None), false)],
            ),
            ("thực hiện theo Điều 4, khoản 2", &[("Điều 4", p("4", None, None), false)]),
            ("theo Điều 5 của Luật Tổ chức", &[]),
            ("theo Điều 5 Luật Cán bộ", &[]),
            ("theo Điều 10 Điều lệ Đảng", &[]),
            ("điều 3 nghị định số 100 của Chính phủ", &[]),
            ("Điều 5 quy định rõ trách nhiệm.", &[("Điều 5", p("5", None, None), false)]),
            ("theo điều kiện thực tế", &[]),
            ("Điều 3 Nghị định 100 của Chính phủ", &[]),
            ("ngày 5 tháng 3, Điều 12 năm 2024", &[("Điều 12", p("12", None, None), false)]),
        ];
        for (text, want) in cases {
            let got: Vec<(&str, Provision, bool)> =
                internal(text, &[]).into_iter().map(|i| (&text[i.span], i.provision, i.explicit)).collect();
            assert_eq!(got, want.to_vec(), "{text:?}");
        }
    }

    #[test]
    fn internal_leaves_citations_alone() {
        let text = "khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP";
        let citation = 0..text.len();
        assert!(internal(text, std::slice::from_ref(&citation)).is_empty());
    }

    #[test]
    fn internal_passes_over_citations_before_between_and_after() {
        let text = "Theo Điều 2, khoản 1 Điều 5 Nghị định số 30/2020/NĐ-CP và Điều 7; \
                    Điều 3 Thông tư số 10/2021/TT-BNV, Điều 9 và Điều 11.";
        let range = |cited: &str| {
            let at = text.find(cited).unwrap();
            at..at + cited.len()
        };
        let taken =
            [range("khoản 1 Điều 5 Nghị định số 30/2020/NĐ-CP"), range("Điều 3 Thông tư số 10/2021/TT-BNV")];
        let got: Vec<&str> = internal(text, &taken).into_iter().map(|i| &text[i.span]).collect();
        assert_eq!(got, ["Điều 2", "Điều 7", "Điều 9", "Điều 11"]);
    }

    #[test]
    fn labels() {
        assert_eq!(article_label("Điều 5. Phạm vi điều chỉnh").as_deref(), Some("5"));
        assert_eq!(article_label("Điều 12:").as_deref(), Some("12"));
        assert_eq!(article_label("ĐIỀU 3").as_deref(), Some("3"));
        assert_eq!(article_label("Điều lệ Đảng"), None);
        assert_eq!(article_label("Điều 5 của Quy định"), None);
        assert_eq!(clause_label("2. Các cơ quan"), Some(2));
        assert_eq!(clause_label("2024. Năm"), None);
        assert_eq!(clause_label("a) Điểm"), None);
    }
}
