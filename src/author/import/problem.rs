//! Every message `gazette import` shows a user, in one place: the problems an import can meet,
//! each with its text in Vietnamese (the default) and in English (`language: en`).
//!
//! Owns wording only. Deciding that something is a problem belongs to the modules that find it;
//! printing, to the command line.

use std::fmt;

use crate::config::Language;

/// A front-matter field the layout may fail to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Number,
    Date,
    Place,
    Type,
    Title,
    Issuer,
    Signer,
    Recipients,
}

impl Field {
    /// The front-matter key.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Date => "date",
            Field::Place => "place",
            Field::Type => "type",
            Field::Title => "title",
            Field::Issuer => "issuer",
            Field::Signer => "signer",
            Field::Recipients => "recipients",
        }
    }

    /// What the field is called on paper.
    fn paper_name(self, language: Language) -> &'static str {
        match (self, language) {
            (Field::Number, Language::Vi) => "số và ký hiệu",
            (Field::Number, Language::En) => "the number (Số: …)",
            (Field::Date, Language::Vi) => "ngày ban hành",
            (Field::Date, Language::En) => "the date line (…, ngày … tháng … năm …)",
            (Field::Place, Language::Vi) => "địa danh",
            (Field::Place, Language::En) => "the place before the date",
            (Field::Type, Language::Vi) => "tên loại văn bản",
            (Field::Type, Language::En) => "the type line (THÔNG BÁO, QUYẾT ĐỊNH…)",
            (Field::Title, Language::Vi) => "trích yếu",
            (Field::Title, Language::En) => "the title lines under the type",
            (Field::Issuer, Language::Vi) => "tên cơ quan ban hành",
            (Field::Issuer, Language::En) => "the issuer in the left header block",
            (Field::Signer, Language::Vi) => "người ký",
            (Field::Signer, Language::En) => "the signature block",
            (Field::Recipients, Language::Vi) => "nơi nhận",
            (Field::Recipients, Language::En) => "the \"Nơi nhận:\" list",
        }
    }

    /// The YAML comment written after an empty field.
    pub(crate) fn comment(self, language: Language) -> String {
        match language {
            Language::Vi => {
                format!("# không tìm thấy {} trong văn bản Word: điền tay", self.paper_name(language))
            }
            Language::En => format!("# {} not found in the Word file: fill it in", self.paper_name(language)),
        }
    }
}

/// A problem of one import: errors stop it and nothing is written; warnings only inform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    // Errors about the input file.
    CannotRead(String),
    NotWord,
    OleFile,
    EncryptedEntry,
    Corrupt(String),
    TooLarge { limit_mib: u64 },
    TooManyEntries { limit: usize },
    TooDeep,
    BadXml { part: String, detail: String },
    LegacyFont { font: Option<String> },
    // Errors about the command.
    NoDocxInFolder,
    OverrideNeedsOneFile,
    BadNumber(String),
    BadDate(String),
    Exists(String),
    SamePath { path: String, other: String },
    CannotWrite { path: String, detail: String },
    // Warnings.
    NotFound(Field),
    MergedCells { table: usize },
    ImportedAsDraft,
}

impl Problem {
    pub(crate) fn is_warning(&self) -> bool {
        matches!(self, Problem::NotFound(_) | Problem::MergedCells { .. } | Problem::ImportedAsDraft)
    }

    /// The message in the archive's language.
    pub(crate) fn text(&self, language: Language) -> String {
        match language {
            Language::Vi => self.vietnamese(),
            Language::En => self.english(),
        }
    }

    fn vietnamese(&self) -> String {
        match self {
            Problem::CannotRead(detail) => format!("không đọc được tệp: {detail}"),
            Problem::NotWord => "không phải tệp Word .docx (cần tệp Word 2007 trở lên)".into(),
            Problem::OleFile => {
                "tệp đã đặt mật khẩu, hoặc là tệp Word 97–2003 .doc: hãy lưu lại thành .docx \
                                 không đặt mật khẩu"
                    .into()
            }
            Problem::EncryptedEntry => {
                "tệp có phần đã mã hóa: hãy lưu lại thành .docx không đặt mật khẩu".into()
            }
            Problem::Corrupt(detail) => format!("tệp .docx bị hỏng ({detail}): hãy mở bằng Word và lưu lại"),
            Problem::TooLarge { limit_mib } => {
                format!("tệp giải nén ra quá {limit_mib} MiB: không nhập (có thể là tệp nén độc hại)")
            }
            Problem::TooManyEntries { limit } => {
                format!("tệp có quá {limit} phần bên trong: không nhập (có thể là tệp nén độc hại)")
            }
            Problem::TooDeep => "nội dung XML lồng nhau quá sâu: không nhập".into(),
            Problem::BadXml { part, detail } => format!("phần {part} không phải XML hợp lệ: {detail}"),
            Problem::LegacyFont { font } => {
                let font = font.as_ref().map(|f| format!(" (phông {f})")).unwrap_or_default();
                format!(
                    "văn bản gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI{font}, nhập vào sẽ thành chữ lỗi: \
                     hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã, từ TCVN3 hoặc VNI sang Unicode, \
                     rồi đổi phông sang Times New Roman), lưu lại và nhập lại"
                )
            }
            Problem::NoDocxInFolder => "thư mục không có tệp .docx nào".into(),
            Problem::OverrideNeedsOneFile => "--number và --date chỉ dùng khi nhập một tệp".into(),
            Problem::BadNumber(text) => {
                format!("`{text}` không phải số văn bản (ví dụ 45-TB/VPTU, 1234/QĐ-UBND, 30/2020/NĐ-CP)")
            }
            Problem::BadDate(text) => format!("`{text}` không phải ngày dạng YYYY-MM-DD"),
            Problem::Exists(path) => format!("{path} đã có: thêm --force để ghi đè"),
            Problem::SamePath { path, other } => format!("cùng đường dẫn {path} với {other}"),
            Problem::CannotWrite { path, detail } => format!("không ghi được {path}: {detail}"),
            Problem::NotFound(field) => format!(
                "không tìm thấy `{}` ({}); để trống kèm chú thích trong tệp",
                field.key(),
                field.paper_name(Language::Vi)
            ),
            Problem::MergedCells { table } => {
                format!("bảng {table} có ô gộp: đã viết thành bảng thường, ô gộp để trống; hãy kiểm tra lại")
            }
            Problem::ImportedAsDraft => "thiếu số hoặc ngày: nhập thành bản nháp (draft: true)".into(),
        }
    }

    fn english(&self) -> String {
        match self {
            Problem::CannotRead(detail) => format!("cannot read the file: {detail}"),
            Problem::NotWord => "not a Word .docx file (Word 2007 or later is needed)".into(),
            Problem::OleFile => {
                "encrypted, or a Word 97–2003 .doc: save it as .docx without a password".into()
            }
            Problem::EncryptedEntry => {
                "parts of the file are encrypted: save it as .docx without a password".into()
            }
            Problem::Corrupt(detail) => {
                format!("the .docx file is damaged ({detail}): open it in Word and save it again")
            }
            Problem::TooLarge { limit_mib } => {
                format!("the file unpacks to more than {limit_mib} MiB: refused (it may be a zip bomb)")
            }
            Problem::TooManyEntries { limit } => {
                format!("the file holds more than {limit} parts: refused (it may be a zip bomb)")
            }
            Problem::TooDeep => "the XML is nested too deeply: refused".into(),
            Problem::BadXml { part, detail } => format!("{part} is not well-formed XML: {detail}"),
            Problem::LegacyFont { font } => {
                let font = font.as_ref().map(|f| format!(" (font {f})")).unwrap_or_default();
                format!(
                    "the text is typed in an old 8-bit Vietnamese encoding, TCVN3 (ABC) or VNI{font}, and \
                     would import as garbage: convert it to Unicode (Unikey's \"Công cụ chuyển mã\" from \
                     TCVN3 or VNI to Unicode, then set the font to Times New Roman), save, and import again"
                )
            }
            Problem::NoDocxInFolder => "the folder holds no .docx file".into(),
            Problem::OverrideNeedsOneFile => "--number and --date apply to one file only".into(),
            Problem::BadNumber(text) => {
                format!("`{text}` is not a notice number (e.g. 45-TB/VPTU, 1234/QĐ-UBND, 30/2020/NĐ-CP)")
            }
            Problem::BadDate(text) => format!("`{text}` is not a date in the form YYYY-MM-DD"),
            Problem::Exists(path) => format!("{path} exists already: add --force to replace it"),
            Problem::SamePath { path, other } => format!("would be written to {path}, as {other} would"),
            Problem::CannotWrite { path, detail } => format!("cannot write {path}: {detail}"),
            Problem::NotFound(field) => format!(
                "`{}` not found ({}); left empty with a comment in the file",
                field.key(),
                field.paper_name(Language::En)
            ),
            Problem::MergedCells { table } => format!(
                "table {table} has merged cells: written as a plain table with the merged cells blank; check it"
            ),
            Problem::ImportedAsDraft => "no number or no date: imported as a draft (draft: true)".into(),
        }
    }
}

/// A problem with the file it is about, printed as `warning: FILE: message` or `error: FILE: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub(crate) file: String,
    pub(crate) problem: Problem,
    pub(crate) language: Language,
}

impl Report {
    pub fn is_warning(&self) -> bool {
        self.problem.is_warning()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = if self.is_warning() { "warning" } else { "error" };
        write!(f, "{label}: {}: {}", self.file, self.problem.text(self.language))
    }
}
