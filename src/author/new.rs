//! `gazette new`: a new notice file with the next free number.
//!
//! Finds the highest number of the given type code and issuer code in this year among the
//! archive's notices, and writes `content/YEAR/TYPE-NUMBER.md` with that number plus one,
//! today's date and `draft: true`. Issuer, parent issuer, place, signer and recipients come
//! from the issuer's latest notice, so the new one is indexed with it; an issuer code no notice
//! has is refused unless its name is given. It never replaces an existing file.

use crate::message::Said as _;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cite::number::{self, DocNumber, System};
use crate::config::SiteConfig;
use crate::content::{self, CONTENT_DIR};
use crate::slug::slugify;
use crate::{fail, msg};

/// What to create.
#[derive(Debug, Clone)]
pub struct NewNotice {
    pub type_code: String,
    pub issuer_code: String,
    pub title: Option<String>,
    /// The name of an issuer no notice has yet, to start it on purpose.
    pub issuer_name: Option<String>,
    /// Party or state numbering; by default the form the issuer's notices already use.
    pub system: Option<System>,
    pub date: jiff::civil::Date,
}

/// Writes the new notice under `root` and returns its path.
pub fn create(root: &Path, new: &NewNotice) -> Result<PathBuf> {
    let mut problems = Vec::new();
    let config = SiteConfig::load(root, &mut problems);
    let sources = content::discover(root, &mut problems);
    let notices: Vec<content::Notice> = content::load_all(root, &sources, &config, &mut problems)
        .into_iter()
        .map(|parsed| parsed.notice)
        .collect();
    // A notice file with an error may hold a number this one would take: it is mended first.
    if let Some(first) = problems.iter().find(|p| p.severity == crate::diag::Severity::Error) {
        // No content folder: not an archive's error but a wrong folder, said as it is.
        if first.message.id() == "no-content-folder" {
            let help = first.help.as_deref().cloned().unwrap_or_else(|| msg!("help-new-archive-has-errors"));
            fail!(msg!("new-no-content-folder", path = root.join(CONTENT_DIR).display().to_string()), help);
        }
        let count = crate::diag::count_errors(&problems);
        fail!(
            msg!("new-archive-has-errors", count = count, first = first.located(config.language)),
            msg!("help-new-archive-has-errors")
        );
    }
    if new.title.as_deref().is_some_and(|title| title.trim().is_empty()) {
        fail!(msg!("new-empty-title"));
    }
    // The code as the archive spells it (`TTg`), else as `site.yaml` does, else in capitals.
    let typed = new.issuer_code.trim();
    let issuer_code = notices
        .iter()
        .filter_map(|n| n.number.as_ref().map(|d| d.issuer_code.as_str()))
        .chain(config.issuers.keys().map(String::as_str))
        .find(|code| number::eq_ci(code, typed))
        .map_or_else(|| typed.to_uppercase(), str::to_string);
    if !fits_a_number(&issuer_code) {
        fail!(msg!("new-bad-issuer", code = typed), msg!("help-new-bad-issuer"));
    }
    let probe = |system| {
        let text = match system {
            System::Party => format!("1-{}/{issuer_code}", new.type_code.trim()),
            System::State => format!("1/{}-{issuer_code}", new.type_code.trim()),
        };
        DocNumber::parse(&text)
    };
    // The issuer's numbered notices, with their numbers.
    let same_issuer: Vec<(&content::Notice, &DocNumber)> = notices
        .iter()
        .filter_map(|n| n.number.as_ref().map(|d| (n, d)))
        .filter(|(_, d)| number::eq_ci(&d.issuer_code, &issuer_code))
        .collect();
    // The issuer's latest notice: what a new one of it repeats.
    let latest =
        same_issuer.iter().map(|(n, _)| *n).max_by_key(|n| (n.date, n.number.as_ref().map(|d| d.seq)));
    // The issuer is named on the command line, or repeated from its latest notice.
    let issuer = match (&new.issuer_name, latest) {
        // A name for a code the archive already names otherwise would split its index.
        (Some(name), Some(latest)) if slugify(name) != slugify(&latest.issuer) => fail!(
            msg!(
                "new-issuer-named-otherwise",
                code = &issuer_code,
                name = name.trim(),
                known = &latest.issuer
            ),
            msg!("help-new-issuer-named-otherwise", known = &latest.issuer)
        ),
        // The same name, in other capitals or spaces: as the archive writes it.
        (_, Some(latest)) => latest.issuer.clone(),
        (Some(name), None) => name.trim().to_string(),
        (None, None) => {
            let mut known: Vec<&str> =
                notices.iter().filter_map(|n| Some(n.number.as_ref()?.issuer_code.as_str())).collect();
            known.sort_unstable();
            known.dedup();
            let help = if known.is_empty() {
                msg!("help-new-no-issuers")
            } else {
                msg!("help-new-unknown-issuer", known = known.join(", "))
            };
            fail!(msg!("new-unknown-issuer", code = &issuer_code), help);
        }
    };
    // As the issuer's notices are numbered; for an issuer with none yet, as its name or code says.
    let system = new.system.unwrap_or_else(|| {
        same_issuer.first().map_or_else(|| system_of_issuer(&issuer, &issuer_code), |(_, d)| d.system)
    });
    let Some(code) = probe(system).and_then(|n| n.type_code) else {
        fail!(msg!("new-bad-type", code = new.type_code.as_str()));
    };
    let year = new.date.year();
    let last = same_issuer
        .iter()
        .filter(|(n, d)| n.year() == Some(year) && d.type_code.as_deref() == Some(code.as_str()))
        .map(|(_, d)| d.seq)
        .max()
        .unwrap_or(0);
    let seq = last + 1;
    let written = match system {
        System::Party => format!("{seq:02}-{code}/{issuer_code}"),
        System::State => format!("{seq}/{code}-{issuer_code}"),
    };
    let type_name = number::type_name(&code, system).unwrap_or(&code);
    let path = notice_path(root, year, &format!("{type_name} {written}"));
    if path.exists() {
        // No notice has the number (`new` gives a free one): the file holds another.
        fail!(
            msg!("new-exists", path = path.display().to_string()),
            msg!("help-new-exists", number = &written)
        );
    }
    let title = match &new.title {
        // Typed on several lines (pasted into the shell): one line, as a title is.
        Some(title) => title.split_whitespace().collect::<Vec<_>>().join(" "),
        None => msg!("new-untitled", kind = type_name).text(config.language),
    };
    let mut text = format!(
        "---\nnumber: {written}\ntype: {type_name}\ntitle: {}\nissuer: {}\n",
        yaml_string(&title),
        yaml_string(&issuer)
    );
    if let Some(latest) = latest {
        text.push_str(&repeated_details(latest));
    }
    text.push_str(&format!("date: {}\ndraft: true\n---\n\n", new.date));
    std::fs::create_dir_all(path.parent().expect("a content folder")).said(|| {
        msg!("io-cannot-create", path = path.parent().map(|p| p.display().to_string()).unwrap_or_default())
    })?;
    std::fs::write(&path, text).said(|| msg!("io-cannot-write", path = path.display().to_string()))?;
    Ok(path)
}

/// The lines a new notice repeats from its issuer's latest one: parent issuer, place, signer
/// and recipients.
fn repeated_details(latest: &content::Notice) -> String {
    let mut text = String::new();
    if let Some(parent) = &latest.parent_issuer {
        text.push_str(&format!("parent_issuer: {}\n", yaml_string(parent)));
    }
    if let Some(place) = &latest.place {
        text.push_str(&format!("place: {}\n", yaml_string(place)));
    }
    if let Some(signer) = &latest.signer {
        push_signer(&mut text, &signer.name, signer.title.as_deref(), signer.authority.as_deref());
    }
    push_recipients(&mut text, &latest.recipients);
    text
}

/// Where a notice of `year` is written: `content/YEAR/<slug of label>.md`, the label being the
/// type name and number (`Thông báo 08-TB/VPTU` → `content/2024/thong-bao-08-tb-vptu.md`).
pub(crate) fn notice_path(root: &Path, year: i16, label: &str) -> PathBuf {
    root.join(CONTENT_DIR).join(year.to_string()).join(format!("{}.md", slugify(label)))
}

/// The `signer:` block of a front-matter: name, then title and authority when known.
pub(crate) fn push_signer(out: &mut String, name: &str, title: Option<&str>, authority: Option<&str>) {
    out.push_str(&format!("signer:\n  name: {}\n", yaml_string(name)));
    for (key, value) in [("title", title), ("authority", authority)] {
        if let Some(value) = value {
            out.push_str(&format!("  {key}: {}\n", yaml_string(value)));
        }
    }
}

/// The `recipients:` list of a front-matter; nothing when there are none.
pub(crate) fn push_recipients(out: &mut String, recipients: &[String]) {
    if recipients.is_empty() {
        return;
    }
    out.push_str("recipients:\n");
    for recipient in recipients {
        out.push_str(&format!("  - {}\n", yaml_string(recipient)));
    }
}

/// A YAML double-quoted string.
pub(crate) fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// Whether an issuer code can stand in a notice number of either form, as itself.
fn fits_a_number(issuer_code: &str) -> bool {
    [format!("1-TB/{issuer_code}"), format!("1/QĐ-{issuer_code}")]
        .iter()
        .filter_map(|text| DocNumber::parse(text))
        .any(|number| number::eq_ci(&number.issuer_code, issuer_code))
}

/// The openings of the names of state bodies (in small letters): their documents are numbered
/// in the state form (`12/QĐ-UBND`). `Bộ Chính trị` is the Party's.
const STATE_NAME_OPENINGS: [&str; 13] = [
    "chính phủ",
    "thủ tướng",
    "sở ",
    "bộ ",
    "tòa án",
    "viện kiểm sát",
    "kho bạc",
    "công an ",
    "thanh tra ",
    "cục ",
    "chi cục ",
    "tổng cục ",
    "thường trực hđnd",
];

/// The People's Committees and Councils, named in full or short (as words of a name), and
/// their codes: a body named with one of them is theirs (`Văn phòng UBND tỉnh`).
const PEOPLES_BODIES: [&str; 5] = ["ủy ban nhân dân", "hội đồng nhân dân", "ubnd", "hđnd", "hdnd"];

/// The openings of the names of the Party's bodies, which a People's Committee or Council may
/// follow (`Ban cán sự đảng UBND tỉnh`, `Đảng đoàn HĐND tỉnh`): theirs are Party documents.
const PARTY_NAME_OPENINGS: [&str; 9] = [
    "đảng",
    "ban cán sự",
    "ban thường vụ",
    "ban chấp hành",
    "tỉnh ủy",
    "huyện ủy",
    "thành ủy",
    "chi bộ",
    "bộ chính trị",
];

/// The numbering an issuer with no notice yet takes: the state form for a state body, as its
/// name or code says, else the Party form. `--system` chooses where this guesses wrong.
fn system_of_issuer(name: &str, code: &str) -> System {
    use unicode_normalization::UnicodeNormalization;
    let name: String = name.trim().nfc().collect::<String>().to_lowercase().replace("uỷ", "ủy");
    if PARTY_NAME_OPENINGS.iter().any(|opening| name.starts_with(opening)) {
        return System::Party;
    }
    let words: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let names_peoples_body = PEOPLES_BODIES.iter().any(|body| {
        let body: Vec<&str> = body.split(' ').collect();
        words.windows(body.len()).any(|window| window == body.as_slice())
    });
    let code = code.to_uppercase();
    let coded_peoples_body =
        code.split('-').any(|part| ["UBND", "HĐND", "HDND"].iter().any(|body| part.ends_with(body)));
    let state = names_peoples_body
        || coded_peoples_body
        || STATE_NAME_OPENINGS.iter().any(|opening| name.starts_with(opening));
    if state { System::State } else { System::Party }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issuer_with_no_notice_is_numbered_as_its_name_or_code_says() {
        let cases = [
            ("Ủy ban nhân dân tỉnh Sơn Hà", "VX", System::State),
            ("Hội đồng nhân dân huyện", "X", System::State),
            ("Sở Nội vụ", "SNV", System::State),
            ("Văn phòng Ủy ban nhân dân tỉnh", "VP", System::State),
            ("Ban quản lý dự án", "UBND", System::State),
            ("Phòng Giáo dục", "UBND-GD", System::State),
            // Near misses: the Party's bodies, a name that only holds a state word.
            ("Bộ Chính trị", "TW", System::Party),
            ("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU", System::Party),
            ("Văn phòng Tỉnh ủy", "VPTU", System::Party),
            ("Ban Tuyên giáo", "BTGTU", System::Party),
            ("Đảng ủy Sở Y tế", "ĐUSYT", System::Party),
            ("Sởi", "X", System::Party),
            ("Văn phòng UBND tỉnh", "VP", System::State),
            ("Thường trực HĐND tỉnh", "TTHĐND", System::State),
            ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "VPĐĐBQH", System::State),
            ("Ban Chỉ đạo tỉnh", "BCĐ-UBND", System::State),
            ("Công an tỉnh", "CAT-PV01", System::State),
            ("Cục Thuế tỉnh", "CT", System::State),
            ("Ban cán sự đảng UBND tỉnh", "BCSĐ", System::Party),
            ("Đảng đoàn HĐND tỉnh", "ĐĐ", System::Party),
            ("Đảng ủy Công an tỉnh", "ĐU", System::Party),
        ];
        let decomposed: String =
            unicode_normalization::UnicodeNormalization::nfd("Ủy ban nhân dân xã Tân Lập").collect();
        assert_eq!(system_of_issuer(&decomposed, "X"), System::State);
        for (name, code, system) in cases {
            assert_eq!(system_of_issuer(name, code), system, "{name} {code}");
        }
    }
}
