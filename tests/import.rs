//! `gazette import`: Word notices built here from XML, imported through the command line, and
//! compared with golden Markdown files under `tests/import/` (`GAZETTE_BLESS=1` rewrites them).

mod common;
#[path = "import/docx.rs"]
mod docx;
#[path = "import/samples.rs"]
mod samples;

use std::path::Path;
use std::process::Output;

use common::*;
use docx::Docx;

/// An archive with the document saved as `word/NAME.docx` and optional site.yaml.
fn archive_with(name: &str, document: &Docx, site: Option<&str>) -> TestArchive {
    let archive = TestArchive::new();
    archive.write_bytes(&format!("word/{name}.docx"), &document.bytes());
    if let Some(site) = site {
        archive.write("site.yaml", site);
    }
    archive
}

fn import(archive: &TestArchive, args: &[&str]) -> Output {
    archive.run(&[&["import"], args].concat())
}

/// Imports `word/NAME.docx`, asserts success, and returns the written path and stderr.
fn import_ok(archive: &TestArchive, name: &str) -> (String, String) {
    import_ok_with(archive, &[&format!("word/{name}.docx")])
}

/// Runs `gazette import ARGS`, asserts success, and returns the written path and stderr.
fn import_ok_with(archive: &TestArchive, args: &[&str]) -> (String, String) {
    let output = import(archive, args);
    assert!(output.status.success(), "import failed:\n{}", stderr(&output));
    (stdout(&output).trim().to_string(), stderr(&output))
}

/// Compares with `tests/import/GOLDEN`, showing the differing lines.
fn assert_golden(golden: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import").join(golden);
    if std::env::var_os("GAZETTE_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    if expected != actual {
        panic!(
            "{golden} differs (- expected, + actual; GAZETTE_BLESS=1 rewrites it):\n{}",
            line_diff(&expected, actual)
        );
    }
}

/// The lines of a longest-common-subsequence diff that differ, with their line numbers.
fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+{:>4} | {}\n", j + 1, b[j]));
            j += 1;
        } else {
            out.push_str(&format!("-{:>4} | {}\n", i + 1, a[i]));
            i += 1;
        }
    }
    if out.is_empty() { "(only line ends differ)".to_string() } else { out }
}

/// Imports a sample and compares the written notice with its golden file; returns stderr.
fn golden_case(name: &str, document: &Docx, site: Option<&str>, expected_path: &str) -> String {
    let archive = archive_with(name, document, site);
    let (path, err) = import_ok(&archive, name);
    assert_eq!(path, expected_path, "{err}");
    assert_golden(&format!("{name}.md"), &archive.read(&path));
    err
}

const SON_HA_SITE: &str = "place: Sơn Hà\nissuers:\n  TU: Tỉnh ủy Sơn Hà\n  VPTU: Văn phòng Tỉnh ủy Sơn Hà\n  STTTT: Sở Thông tin và Truyền thông tỉnh Sơn Hà\n";

#[test]
fn a_state_quyet_dinh_with_articles() {
    let err =
        golden_case("quyet-dinh", &samples::quyet_dinh(), None, "content/2024/quyet-dinh-215-qd-ubnd.md");
    assert_eq!(err, "", "a complete notice imports without warnings");
}

#[test]
fn a_party_thong_bao_with_bold_sections() {
    let err = golden_case(
        "thong-bao",
        &samples::thong_bao(),
        Some(SON_HA_SITE),
        "content/2024/thong-bao-38-tb-vptu.md",
    );
    assert_eq!(err, "");
}

#[test]
fn a_header_and_footer_laid_out_with_tabs() {
    let err =
        golden_case("header-tabs", &samples::header_tabs(), None, "content/2024/huong-dan-12-hd-btctu.md");
    assert_eq!(err, "");
}

#[test]
fn a_header_in_text_boxes() {
    let err = golden_case(
        "header-text-box",
        &samples::header_text_box(),
        None,
        "content/2024/ke-hoach-118-kh-snv.md",
    );
    assert_eq!(err, "");
}

#[test]
fn word_numbering_labels_become_text() {
    let err = golden_case("numbering", &samples::numbering(), None, "content/2024/ke-hoach-27-kh-tu.md");
    assert_eq!(err, "");
}

#[test]
fn tracked_changes_are_accepted() {
    let err = golden_case(
        "tracked-changes",
        &samples::tracked_changes(),
        None,
        "content/2024/quyet-dinh-216-qd-ubnd.md",
    );
    assert_eq!(err, "");
}

#[test]
fn hidden_text_is_dropped() {
    let err =
        golden_case("hidden-text", &samples::hidden_text(), None, "content/2024/thong-bao-71-tb-ubkttu.md");
    assert_eq!(err, "");
}

#[test]
fn a_merged_table_is_the_closest_pipe_table_with_a_warning() {
    let err =
        golden_case("merged-table", &samples::merged_table(), None, "content/2024/bao-cao-96-bc-snv.md");
    assert!(err.contains("cảnh báo: word/merged-table.docx: bảng 1 có ô gộp"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn footnotes_become_markdown_footnotes() {
    let err = golden_case("footnotes", &samples::footnotes(), None, "content/2024/thong-bao-19-tb-btgtu.md");
    assert_eq!(err, "");
}

#[test]
fn a_letterhead_in_the_first_page_header() {
    let err = golden_case(
        "letterhead",
        &samples::letterhead(),
        Some(SON_HA_SITE),
        "content/2024/thong-bao-45-tb-stttt.md",
    );
    assert_eq!(err, "");
}

#[test]
fn a_draft_without_number_and_day_is_imported_as_a_draft_with_comments() {
    let err = golden_case("draft", &samples::draft(), None, "content/2024/quyet-dinh-draft.md");
    for field in ["`number`", "`date`"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("cảnh báo: word/draft.docx: không tìm thấy") && l.contains(field)),
            "{err}"
        );
    }
    assert!(err.contains("bản nháp (draft: true)"), "{err}");
}

#[test]
fn a_date_line_with_a_date_no_calendar_has_is_said_so_not_as_no_date() {
    let archive = archive_with("qd-sai-ngay", &samples::quyet_dinh_numbered(216, 32), None);
    let (path, err) = import_ok(&archive, "qd-sai-ngay");
    assert!(
        err.contains(
            "cảnh báo: word/qd-sai-ngay.docx: ngày ghi trong văn bản Word (32/3/2024) không có trong lịch"
        ),
        "{err}"
    );
    assert!(!err.contains("không tìm thấy `date`"), "{err}");
    assert!(archive.read(&path).contains("date:"), "the key is left for the clerk to fill");
}

#[test]
fn messages_follow_the_language_of_the_archive() {
    let archive = archive_with("draft", &samples::draft(), Some("language: en\n"));
    let output = import(&archive, &["word/draft.docx"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("warning: word/draft.docx: `number` not found"), "{err}");
    assert!(err.contains("imported as a draft"), "{err}");
    let text = archive.read(stdout(&output).trim());
    assert!(
        text.contains("number:  # the number (Số: …) not found in the Word file: fill it in\n"),
        "{text}"
    );
}

#[test]
fn an_imported_notice_passes_check_unchanged() {
    for (name, document) in [("quyet-dinh", samples::quyet_dinh()), ("thong-bao", samples::thong_bao())] {
        let archive = archive_with(name, &document, Some(SON_HA_SITE));
        let (path, _) = import_ok(&archive, name);
        let before = archive.read(&path);
        let check = archive.run(&["check", "--root", archive.root().to_str().unwrap()]);
        let report = stdout(&check);
        assert!(check.status.success(), "{name}: check failed:\n{report}");
        assert!(!report.contains("missing"), "{name}: {report}");
        assert!(report.contains("0 lỗi"), "{name}: {report}");
        assert_eq!(archive.read(&path), before, "check changed nothing");
        archive.build_ok(&[]);
    }
}

#[test]
fn dry_run_prints_and_writes_nothing() {
    let archive = archive_with("quyet-dinh", &samples::quyet_dinh(), None);
    let output = import(&archive, &["word/quyet-dinh.docx", "--dry-run"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("---\nnumber: \"215/QĐ-UBND\"\n"), "{}", stdout(&output));
    assert!(!archive.exists("content"), "nothing written");
}

#[test]
fn an_existing_notice_is_replaced_only_with_force() {
    let archive = archive_with("quyet-dinh", &samples::quyet_dinh(), None);
    archive.write("content/2024/quyet-dinh-215-qd-ubnd.md", "kept\n");
    let refused = import(&archive, &["word/quyet-dinh.docx"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("đã có: thêm --force để ghi đè"), "{}", stderr(&refused));
    assert_eq!(archive.read("content/2024/quyet-dinh-215-qd-ubnd.md"), "kept\n");
    let forced = import(&archive, &["word/quyet-dinh.docx", "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(archive.read("content/2024/quyet-dinh-215-qd-ubnd.md").starts_with("---\nnumber:"));
}

#[test]
fn a_number_another_file_holds_is_refused_and_the_archive_spelling_of_the_issuer_is_kept() {
    let archive = archive_with("thong-bao", &samples::thong_bao(), Some(SON_HA_SITE));
    // Typed in by hand under another file name, the issuer written shorter than site.yaml does.
    let by_hand = "content/2024/tb38.md";
    archive.write(
        by_hand,
        "---\nnumber: 38-TB/VPTU\ntitle: Kết luận về chuyển đổi số\nissuer: Văn phòng Tỉnh ủy\ndate: 2024-06-10\nsigner:\n  name: Hà Thị Lan\n---\nx\n",
    );
    for extra in [&[][..], &["--dry-run"]] {
        let refused = import(&archive, &[&["word/thong-bao.docx"], extra].concat());
        assert_eq!(refused.status.code(), Some(1), "{extra:?}");
        assert!(
            stderr(&refused)
                .contains("số 38-TB/VPTU đã được dùng cho content/2024/tb38.md: đặt số khác bằng --number"),
            "{}",
            stderr(&refused)
        );
    }
    assert!(!archive.exists("content/2024/thong-bao-38-tb-vptu.md"), "nothing written");
    // A notice file whose front matter has an error: its number is not known, and that is said.
    archive.write("content/2024/hong.md", "---\nnumber: 61-TB/VPTU\ntitle: \"chưa đóng\n---\nx\n");
    let warned = import(&archive, &["word/thong-bao.docx", "--dry-run"]);
    assert!(
        stderr(&warned).contains(
            "cảnh báo: content/2024/hong.md: tệp này có lỗi ở phần đầu: số ghi trong đó chưa được so"
        ),
        "{}",
        stderr(&warned)
    );
    std::fs::remove_file(archive.path("content/2024/hong.md")).unwrap();
    // Another number, or another year, is no clash.
    let (path, _) = import_ok_with(&archive, &["word/thong-bao.docx", "--number", "39-TB/VPTU"]);
    assert_eq!(path, "content/2024/thong-bao-39-tb-vptu.md");
    assert!(archive.read(&path).contains("\nissuer: \"Văn phòng Tỉnh ủy\"\n"), "{}", archive.read(&path));
    import_ok_with(&archive, &["word/thong-bao.docx", "--date", "2025-01-06"]);
    let check = archive.run(&["check"]);
    assert!(check.status.success(), "{}", stdout(&check));
    let report = stdout(&check);
    assert!(
        report.contains("0 lỗi") && !report.contains("mã cơ quan"),
        "no issuer written two ways:\n{report}"
    );
}

/// A party Thông báo of Sơn Hà: `title` (the blocks from the type line on), then `body`.
fn party_notice(title: &[String], body: &[String]) -> Docx {
    let mut document = Docx::new().push(&docx::party_header(
        &["TỈNH ỦY SƠN HÀ"],
        &["VĂN PHÒNG"],
        &docx::r("Số 94-TB/VPTU"),
        "Sơn Hà, ngày 10 tháng 6 năm 2024",
    ));
    for block in title.iter().chain(body) {
        document = document.push(block);
    }
    document.push(&docx::footer(&["- Lưu Văn phòng Tỉnh ủy."], &["CHÁNH VĂN PHÒNG", "Hà Thị Lan"]))
}

/// What `gazette import --dry-run` says on stderr for `document`.
fn dry_run_report(document: &Docx) -> String {
    let archive = archive_with("thu", document, Some(SON_HA_SITE));
    stderr(&import(&archive, &["word/thu.docx", "--dry-run"]))
}

/// The notice `gazette import --dry-run` would write for `document`.
fn dry_run(document: &Docx) -> String {
    let archive = archive_with("thu", document, Some(SON_HA_SITE));
    let output = import(&archive, &["word/thu.docx", "--dry-run"]);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn titles_as_clerks_type_them_end_where_they_end() {
    let centred = |text: &str| docx::pc(&docx::b(text));
    let section = docx::p(&docx::b("1. Về kết quả công tác"));
    let cases = [
        // A bold section heading right under the title is the body's, not the title's.
        (
            vec![centred("THÔNG BÁO"), centred("Kết luận về công tác cán bộ"), section.clone()],
            "Kết luận về công tác cán bộ",
        ),
        (
            vec![
                centred("QUYẾT ĐỊNH"),
                centred("Về việc ban hành Quy chế làm việc"),
                docx::p(&docx::b("Điều 1. Phạm vi điều chỉnh")),
            ],
            "Về việc ban hành Quy chế làm việc",
        ),
        // The type line and the title in one paragraph, with line breaks.
        (
            vec![
                docx::pc(
                    &(docx::b("THÔNG BÁO")
                        + &docx::br()
                        + &docx::b("Kết luận về công tác cán bộ")
                        + &docx::br()
                        + &docx::b("và đào tạo")),
                ),
                section.clone(),
            ],
            "Kết luận về công tác cán bộ và đào tạo",
        ),
        // The same, the title in capitals.
        (
            vec![
                docx::pc(&(docx::b("THÔNG BÁO") + &docx::br() + &docx::b("KẾT LUẬN VỀ CÔNG TÁC CÁN BỘ"))),
                section.clone(),
            ],
            "Kết luận về công tác cán bộ",
        ),
        // A title typed in capitals: numbers of other notices keep theirs.
        (
            vec![centred("THÔNG BÁO"), centred("THỰC HIỆN NGHỊ QUYẾT SỐ 162-NQ/TU"), section.clone()],
            "Thực hiện Nghị quyết số 162-NQ/TU",
        ),
        // Near miss: a title of two centred lines is one title.
        (
            vec![
                centred("THÔNG BÁO"),
                centred("Kết luận của Thường trực"),
                centred("về công tác cán bộ"),
                section.clone(),
            ],
            "Kết luận của Thường trực về công tác cán bộ",
        ),
    ];
    for (title, expected) in cases {
        let text = dry_run(&party_notice(&title, &[docx::p(&docx::r("Nội dung thứ nhất."))]));
        let want = format!("\ntitle: \"{expected}\"\n");
        assert!(text.contains(&want), "{want:?} in:\n{text}");
        // The section heading stays in the body, whole.
        let heading = if expected.starts_with("Về việc") {
            "Điều 1. Phạm vi điều chỉnh"
        } else {
            "1. Về kết quả công tác"
        };
        assert!(text.contains(&format!("\n**{heading}**\n")), "{heading} in the body:\n{text}");
    }
}

#[test]
fn a_page_number_in_the_letterhead_and_a_page_break_in_a_paragraph_do_not_stick_to_words() {
    let page_break = r#"<w:r><w:br w:type="page"/></w:r>"#;
    let document = party_notice(
        &[docx::pc(&docx::b("THÔNG BÁO")), docx::pc(&docx::b("Kết luận về công tác cán bộ"))],
        &[docx::p(&(docx::r("Trước ngắt trang") + page_break + &docx::r("sau ngắt trang.")))],
    )
    .first_page_header(&docx::pc(&(docx::r("Trang ") + &docx::field("PAGE", ""))));
    let text = dry_run(&document);
    assert!(text.contains("\nparent_issuer: \"Tỉnh ủy Sơn Hà\"\n"), "{text}");
    assert!(text.contains("Trước ngắt trang sau ngắt trang."), "{text}");
}

#[test]
fn a_dry_run_says_what_the_real_run_would_meet_and_stops_quietly_when_its_reader_does() {
    let archive = archive_with("thong-bao", &samples::thong_bao(), Some(SON_HA_SITE));
    archive.write("content/2024/thong-bao-38-tb-vptu.md", "của tôi\n");
    let output = import(&archive, &["word/thong-bao.docx", "--dry-run"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("---\nnumber: \"38-TB/VPTU\"\n"), "{}", stdout(&output));
    assert!(
        stderr(&output)
            .contains("content/2024/thong-bao-38-tb-vptu.md đã có: lần nhập thật cần --force để ghi đè"),
        "{}",
        stderr(&output)
    );
    assert_eq!(archive.read("content/2024/thong-bao-38-tb-vptu.md"), "của tôi\n");
    // A type the number contradicts is said at import, not at the next check.
    let output = import(&archive, &["word/thong-bao.docx", "--number", "85-NQ/TU", "--dry-run"]);
    assert!(
        stderr(&output).contains("cảnh báo: word/thong-bao.docx: văn bản viết ra sẽ có lỗi khi kiểm tra: content/2024/thong-bao-85-nq-tu.md:"),
        "{}",
        stderr(&output)
    );
    // A long notice printed into a pipe closed at once (`| head`): no panic, no error.
    let mut long = samples::thong_bao();
    for i in 0..3000 {
        long = long.push(&docx::p(&docx::r(&format!("Đoạn {i} của một văn bản rất dài, để đầy đường ống."))));
    }
    archive.write_bytes("word/dai.docx", &long.bytes());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("gazette"))
        .current_dir(archive.root())
        .args(["import", "word/dai.docx", "--dry-run"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success(), "{:?}: {}", done.status, String::from_utf8_lossy(&done.stderr));
    assert!(!String::from_utf8_lossy(&done.stderr).contains("panicked"));
}

#[test]
fn a_date_in_figures_and_a_recipient_wrapped_onto_a_second_line_are_read_as_meant() {
    let document = docx::Docx::new()
        .push(&docx::party_header(
            &["TỈNH ỦY SƠN HÀ"],
            &["VĂN PHÒNG"],
            &docx::r("Số 95-TB/VPTU"),
            "Sơn Hà, ngày 10/6/2024",
        ))
        .push(&docx::pc(&docx::b("THÔNG BÁO")))
        .push(&docx::pc(&docx::b("Kết luận về công tác cán bộ")))
        .push(&docx::p(&docx::r("Nội dung.")))
        .push(&docx::footer(
            &[
                "- Như trên;",
                "- Cục Kiểm tra văn bản quy phạm pháp luật -",
                "Bộ Tư pháp;",
                "- Lưu Văn phòng.",
            ],
            &["CHÁNH VĂN PHÒNG", "Hà Thị Lan"],
        ));
    let text = dry_run(&document);
    assert!(text.contains("\ndate: 2024-06-10\nplace: \"Sơn Hà\"\n"), "{text}");
    assert!(!text.contains("draft"), "{text}");
    assert!(
        text.contains("recipients:\n  - \"Như trên\"\n  - \"Cục Kiểm tra văn bản quy phạm pháp luật - Bộ Tư pháp\"\n  - \"Lưu Văn phòng\"\n"),
        "{text}"
    );
}

#[test]
fn pictures_and_link_addresses_left_out_are_said() {
    let picture = r#"<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><a:blip r:embed="rId9"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#;
    let link = format!(r#"<w:hyperlink r:id="rId8">{}</w:hyperlink>"#, docx::r("Cổng thông tin tỉnh"));
    let bookmark = format!(r#"<w:hyperlink w:anchor="muc-1">{}</w:hyperlink>"#, docx::r("mục 1"));
    let document = party_notice(
        &[docx::pc(&docx::b("THÔNG BÁO")), docx::pc(&docx::b("Kết luận về công tác cán bộ"))],
        &[
            docx::p(picture),
            docx::p(&(docx::r("Xem ") + &link + &docx::r(" và ") + &bookmark + &docx::r("."))),
        ],
    );
    let archive = archive_with("thu", &document, Some(SON_HA_SITE));
    let output = import(&archive, &["word/thu.docx", "--dry-run"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Xem Cổng thông tin tỉnh và mục 1."), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("cảnh báo: word/thu.docx: tệp Word có 1 hình ảnh không được nhập và 1 liên kết chỉ được giữ chữ, không giữ địa chỉ"),
        "{}",
        stderr(&output)
    );
    // Near miss: a notice with neither has no such warning.
    let plain = dry_run_report(&party_notice(
        &[docx::pc(&docx::b("THÔNG BÁO")), docx::pc(&docx::b("Kết luận"))],
        &[docx::p(&docx::r("Nội dung."))],
    ));
    assert!(!plain.contains("hình ảnh") && !plain.contains("liên kết"), "{plain}");
}

#[test]
fn a_folder_of_several_files_is_imported_at_once() {
    let archive = TestArchive::new();
    for (n, day) in [(301, 4), (302, 5), (303, 6)] {
        archive.write_bytes(&format!("word/qd-{n}.docx"), &samples::quyet_dinh_numbered(n, day).bytes());
    }
    archive.write("word/~$qd-301.docx", "Word's lock file");
    archive.write("word/._qd-302.docx", "a Mac's resource file on a shared disk");
    archive.write("word/ghi-chu.txt", "not a Word file");
    let output = import(&archive, &["word"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written: Vec<String> = stdout(&output).lines().map(|l| l.trim().to_string()).collect();
    assert_eq!(
        written,
        [
            "content/2024/quyet-dinh-301-qd-ubnd.md",
            "content/2024/quyet-dinh-302-qd-ubnd.md",
            "content/2024/quyet-dinh-303-qd-ubnd.md"
        ]
    );
    assert!(archive.read("content/2024/quyet-dinh-302-qd-ubnd.md").contains("date: 2024-03-05\n"));
}

#[test]
fn files_that_would_land_on_one_notice_are_each_told_of_the_other_and_nothing_is_written() {
    let archive = TestArchive::new();
    // Two copies of decision 311 (saved twice under other names), and decision 312.
    for (name, n, day) in [("qd-311", 311, 4), ("qd-312", 312, 5), ("qd-311-ban-sao", 311, 6)] {
        archive.write_bytes(&format!("word/{name}.docx"), &samples::quyet_dinh_numbered(n, day).bytes());
    }
    let output = import(&archive, &["word"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let printed = stderr(&output);
    let said: Vec<&str> = printed.lines().filter(|l| l.contains("cùng đường dẫn")).collect();
    let path = "content/2024/quyet-dinh-311-qd-ubnd.md";
    assert_eq!(said.len(), 2, "{said:?}");
    for (file, other) in [("qd-311.docx", "qd-311-ban-sao.docx"), ("qd-311-ban-sao.docx", "qd-311.docx")] {
        let told = format!("word/{file}: cùng đường dẫn {path} với word/{other}");
        assert!(said.iter().any(|l| l.contains(&told)), "{told} not in {said:?}");
    }
    assert!(!archive.path("content").exists(), "nothing is written when a file would be lost");
    // A file named twice is not its own other: each naming is told of the copy.
    let twice = import(&archive, &["word/qd-311.docx", "word/qd-311.docx", "word/qd-311-ban-sao.docx"]);
    assert_eq!(twice.status.code(), Some(1), "{}", stderr(&twice));
    let told = format!("word/qd-311.docx: cùng đường dẫn {path} với word/qd-311-ban-sao.docx");
    assert_eq!(stderr(&twice).matches(&told).count(), 2, "{}", stderr(&twice));
}

#[test]
fn number_and_date_can_be_given() {
    let archive = archive_with("draft", &samples::draft(), None);
    let output = import(&archive, &["word/draft.docx", "--number", "230/QĐ-UBND", "--date", "2024-03-21"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "content/2024/quyet-dinh-230-qd-ubnd.md");
    let text = archive.read("content/2024/quyet-dinh-230-qd-ubnd.md");
    assert!(text.contains("number: \"230/QĐ-UBND\"\n") && text.contains("date: 2024-03-21\n"), "{text}");
    assert!(!text.contains("draft"), "{text}");
    assert_eq!(stderr(&output), "");
    let bad = import(&archive, &["word/draft.docx", "--date", "21/3/2024"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("không phải ngày dạng YYYY-MM-DD"), "{}", stderr(&bad));
    let bad = import(&archive, &["word/draft.docx", "--number", "230"]);
    assert_eq!(bad.status.code(), Some(1));
}

/// Imports `word/NAME.docx` (holding `bytes`) expecting a refusal: exit 1, the message, and no
/// content written.
fn assert_refused(name: &str, bytes: &[u8], message: &str) {
    let archive = TestArchive::new();
    archive.write_bytes(&format!("word/{name}.docx"), bytes);
    let output = import(&archive, &[&format!("word/{name}.docx")]);
    assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(&output));
    let err = stderr(&output);
    assert!(err.starts_with(&format!("lỗi: word/{name}.docx: ")), "{name}: {err}");
    assert!(err.contains(message), "{name}: {err}");
    assert!(!archive.exists("content"), "{name}: nothing written");
}

#[test]
fn text_in_8_bit_fonts_is_refused_with_how_to_convert_it() {
    assert_refused("tcvn3", &samples::eight_bit_font().bytes(), "(phông .VnTime)");
    assert_refused("tcvn3", &samples::eight_bit_font().bytes(), "Unikey: Công cụ chuyển mã");
    assert_refused("vni", &samples::eight_bit_text().bytes(), "bảng mã cũ TCVN3 (ABC) hoặc VNI");
}

#[test]
fn files_that_are_not_word_documents_are_refused() {
    assert_refused("ghi-chu", "Đây không phải tệp Word.".as_bytes(), "không phải tệp Word .docx");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    assert_refused("co-mat-khau", &ole, "tệp đã đặt mật khẩu, hoặc là tệp Word 97–2003 .doc");
    let mut truncated = samples::quyet_dinh().bytes();
    truncated.truncate(truncated.len() / 2);
    assert_refused("hong", &truncated, "tệp .docx bị hỏng");
    let spreadsheet = docx::zip_of(&[("xl/workbook.xml", b"<workbook/>".as_slice())]);
    assert_refused("bang-tinh", &spreadsheet, "không phải tệp Word .docx");
    let broken_xml = docx::zip_of(&[("word/document.xml", b"<w:document><w:body>".as_slice())]);
    assert_refused("xml-hong", &broken_xml, "không phải XML hợp lệ");
}

#[test]
fn zip_bombs_and_hostile_xml_are_refused() {
    // 17 MiB of spaces pack into a few kilobytes.
    let mut huge =
        b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            .to_vec();
    huge.resize(17 * 1024 * 1024, b' ');
    huge.extend_from_slice(b"</w:body></w:document>");
    let bomb = docx::zip_of(&[("word/document.xml", huge.as_slice())]);
    assert!(bomb.len() < 200 * 1024, "the bomb is small: {}", bomb.len());
    assert_refused("bom-zip", &bomb, "giải nén ra quá 16 MiB");
    let names: Vec<String> = (0..5001).map(|n| format!("word/media/{n}.bin")).collect();
    let many: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), b"".as_slice())).collect();
    assert_refused("nhieu-phan", &docx::zip_of(&many), "có quá 5000 phần");
    let laughs = b"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><d>&b;</d>";
    assert_refused(
        "dtd",
        &docx::zip_of(&[("word/document.xml", laughs.as_slice())]),
        "không phải XML hợp lệ",
    );
    let deep = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}{}</w:body></w:document>",
        "<w:sdt><w:sdtContent>".repeat(400),
        "</w:sdtContent></w:sdt>".repeat(400)
    );
    assert_refused("sau", &docx::zip_of(&[("word/document.xml", deep.as_bytes())]), "lồng nhau quá sâu");
}

#[test]
fn one_failing_file_stops_the_whole_import() {
    let archive = TestArchive::new();
    archive.write_bytes("word/a.docx", &samples::quyet_dinh().bytes());
    archive.write_bytes("word/b.docx", &samples::eight_bit_font().bytes());
    let output = import(&archive, &["word"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("lỗi: word/b.docx: "), "{}", stderr(&output));
    assert!(!archive.exists("content"), "nothing written");
}
