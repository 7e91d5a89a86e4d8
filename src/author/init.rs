//! `gazette init`: a new archive that builds at once.
//!
//! Writes, into a new or empty folder, a `site.yaml` with every key explained (commented out
//! where the default serves), one sample notice dated today, and a `.gitignore` for the
//! output. It never writes into a folder that holds anything.

use crate::message::Said as _;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::message::Language;
use crate::{fail, msg};

/// Creates the archive at `dir` and returns the files written.
pub fn create(dir: &Path, language: Language, today: jiff::civil::Date) -> Result<Vec<PathBuf>> {
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).said(|| msg!("io-cannot-read", path = dir.display().to_string()))?;
        if entries.next().is_some() {
            fail!(msg!("init-not-empty", path = dir.display().to_string()));
        }
    }
    let sample = dir.join("content").join(today.year().to_string()).join("thong-bao-01-tb-vp.md");
    let files = [
        (dir.join("site.yaml"), site_yaml(language)),
        (dir.join(".gitignore"), gitignore(language)),
        (sample, sample_notice(language, today)),
    ];
    for (path, text) in &files {
        let folder = path.parent().expect("a file has a folder");
        std::fs::create_dir_all(folder)
            .said(|| msg!("io-cannot-create", path = folder.display().to_string()))?;
        std::fs::write(path, text).said(|| msg!("io-cannot-write", path = path.display().to_string()))?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// The output and the folders a build makes beside it are not kept in version control; the
/// comment is in the archive's language.
fn gitignore(language: Language) -> String {
    let comment = crate::message::text(language, "init-gitignore");
    format!("# {comment}\n/output/\n/.output.staging/\n/.output.old/\n/.output.previous/\n")
}

fn site_yaml(language: Language) -> String {
    match language {
        Language::Vi => SITE_VI.to_string(),
        Language::En => SITE_EN.to_string(),
    }
}

const SITE_VI: &str = "\
# Cấu hình kho văn bản. Các dòng bắt đầu bằng # là chú thích; bỏ # để dùng một khóa.

# Tên kho, hiện ở đầu mọi trang.
title: Kho lưu trữ văn bản

# Địa chỉ của kho khi đăng lên mạng; để trống thì mọi liên kết là tương đối (mở được từ ổ đĩa).
# base_url: https://vanban.example.vn/

# Ngôn ngữ của trang và thông báo: vi (mặc định) hoặc en.
language: vi

# Địa danh ghi ở dòng ngày tháng khi văn bản không ghi `place`.
# place: Sơn Hà

# Số văn bản mỗi trang danh sách.
# page_size: 50

# Cho phép HTML trong nội dung Markdown (mặc định: không, HTML được hiện như chữ).
# raw_html: false

# Mã và tên các cơ quan ban hành, dùng cho văn bản được dẫn mà kho chưa có.
issuers:
  VP: Văn phòng

# Mã các cơ quan mà kho không lưu văn bản (mặc định: các cơ quan Trung ương như TW, CP, TTg, QH, các bộ).
# Trích dẫn văn bản của họ chỉ được đếm, không cảnh báo từng cái.
# external_issuers: [TW, CP, TTg, QH, UBTVQH, BNV, BTC]

# Giao diện: tên một thư mục trong themes/ (mặc định: giao diện có sẵn).
# theme: default

# Giá trị tự do cho mẫu trang (site.extra).
# extra: {}
";

const SITE_EN: &str = "\
# Settings of the archive. Lines starting with # are comments; remove the # to use a key.

# The archive's name, at the top of every page.
title: Archive of notices

# The archive's address once published; without it every link is relative (opens from disk).
# base_url: https://notices.example.org/

# Language of the pages and of messages: vi (default) or en.
language: en

# Place written in the date line when a notice has no `place`.
# place: Sơn Hà

# Notices on each page of a list.
# page_size: 50

# Allow HTML inside Markdown (default: no, HTML is shown as text).
# raw_html: false

# Codes and names of issuers, for cited documents the archive does not hold yet.
issuers:
  VP: Office

# Codes of issuers whose documents the archive does not publish (default: the central bodies
# such as TW, CP, TTg, QH and the ministries). Citations of them are counted, not warned.
# external_issuers: [TW, CP, TTg, QH, UBTVQH, BNV, BTC]

# Theme: the name of a folder under themes/ (default: the built-in theme).
# theme: default

# Free values for templates (site.extra).
# extra: {}
";

fn sample_notice(language: Language, today: jiff::civil::Date) -> String {
    let (title, issuer, signer, role, body) = match language {
        Language::Vi => (
            "Về việc bắt đầu lập kho văn bản điện tử",
            "Văn phòng",
            "Nguyễn Văn An",
            "Chánh Văn phòng",
            "Văn phòng thông báo việc bắt đầu lập kho văn bản điện tử của cơ quan.\n\n\
             **1. Mục đích:** mọi văn bản đã ban hành được lưu và tra cứu tại một nơi.\n\n\
             **2. Cách làm:** mỗi văn bản là một tệp Markdown trong thư mục `content/`; \
             chạy `gazette build` để dựng kho, `gazette serve` để xem trước.\n",
        ),
        Language::En => (
            "On starting an electronic archive of notices",
            "Office",
            "Nguyễn Văn An",
            "Head of Office",
            "The Office starts an electronic archive of the notices it issues.\n\n\
             **1. Purpose:** every notice issued is kept and found in one place.\n\n\
             **2. How:** each notice is a Markdown file in `content/`; run `gazette build` to \
             build the archive and `gazette serve` to preview it.\n",
        ),
    };
    format!(
        "---\nnumber: 01-TB/VP\ntitle: {title}\nissuer: {issuer}\ndate: {today}\nsigner:\n  name: {signer}\n  title: {role}\nrecipients:\n  - Lưu VP\n---\n\n{body}"
    )
}
