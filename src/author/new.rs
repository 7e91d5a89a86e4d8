//! `gazette new`: a new notice file with the next free number.
//!
//! Finds the highest number of the given type code and issuer code in this year among the
//! archive's notices, and writes `content/YEAR/TYPE-NUMBER.md` with that number plus one,
//! today's date and `draft: true`. It never replaces an existing file.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::cite::number::{self, DocNumber, System};
use crate::config::SiteConfig;
use crate::content::{self, CONTENT_DIR};
use crate::slug::slugify;

/// What to create.
#[derive(Debug, Clone)]
pub struct NewNotice {
    pub type_code: String,
    pub issuer_code: String,
    pub title: Option<String>,
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
    let issuer_code = new.issuer_code.trim().to_uppercase();
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
    let system = new.system.unwrap_or_else(|| same_issuer.first().map_or(System::Party, |(_, d)| d.system));
    let Some(code) = probe(system).and_then(|n| n.type_code) else {
        bail!("`{}` is not a type code a notice number can carry (TB, NQ, KH, CT, QĐ, …)", new.type_code);
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
    let issuer = config
        .issuers
        .get(&issuer_code)
        .cloned()
        .or_else(|| same_issuer.first().map(|(n, _)| n.issuer.clone()))
        .unwrap_or_else(|| issuer_code.clone());
    let path = notice_path(root, year, &format!("{type_name} {written}"));
    if path.exists() {
        bail!("{} exists already", path.display());
    }
    let title = new.title.clone().unwrap_or_else(|| format!("{type_name} (chưa có trích yếu)"));
    let text = format!(
        "---\nnumber: {written}\ntype: {type_name}\ntitle: {}\nissuer: {}\ndate: {}\ndraft: true\n---\n\n",
        yaml_string(&title),
        yaml_string(&issuer),
        new.date
    );
    std::fs::create_dir_all(path.parent().expect("a content folder"))
        .context("cannot create the year folder")?;
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// Where a notice of `year` is written: `content/YEAR/<slug of label>.md`, the label being the
/// type name and number (`Thông báo 08-TB/VPTU` → `content/2024/thong-bao-08-tb-vptu.md`).
pub(crate) fn notice_path(root: &Path, year: i16, label: &str) -> PathBuf {
    root.join(CONTENT_DIR).join(year.to_string()).join(format!("{}.md", slugify(label)))
}

/// A YAML double-quoted string.
pub(crate) fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}
