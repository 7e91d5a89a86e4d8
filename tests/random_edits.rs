//! Random series of edits, as a clerk makes them day after day: after each, a build that reuses
//! the last one's state comes out byte for byte as a clean build of the same sources, says the
//! same problems, and leaves every file whose bytes did not change as the very file it was; a
//! build that fails as the clean one does leaves the output as it was. The preview, after each
//! edit of a series, serves what a clean build makes.
//!
//! The archive is a model (a dozen notices citing one another, with tags, signers, relations,
//! drafts and a bundle; the archive's own templates and a static file) written out after every
//! edit; edits come quickly one after another, often within one tick of the file system's clock.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::compare::{CleanBuild, build_and_compare_with};
use common::*;
use proptest::prelude::*;

const NOTICES: usize = 12;
const TITLES: &[&str] = &[
    "về lịch tiếp công dân",
    "về việc kiểm tra hồ sơ lưu trữ",
    "kết luận cuộc họp giao ban",
    "về lịch tiếp công dân", // the same title as another notice
];
const TAGS: &[&str] = &["chuyển đổi số", "cải cách hành chính", "lưu trữ"];
const SIGNERS: &[&str] = &["Hà Thị Lan", "hà thị lan", "Trần Quốc Bảo"];
const RELATIONS: &[&str] = &["based_on", "implements", "amends", "guides", "replaces"];
/// Relations that are never an error (`replaces` is one when the notice replaced is newer).
const PLAIN_RELATIONS: usize = 4;
const TYPES: &[(&str, &str)] = &[("TB", "Thông báo"), ("KH", "Kế hoạch"), ("BC", "Báo cáo")];
const STATUSES: &[&str] = &["", "expired", "partly-expired", "not-yet-in-force"];
const SUMMARIES: &[&str] = &["", "Tóm tắt: lịch làm việc của cơ quan.", "Tóm tắt: kiểm tra hồ sơ."];
/// Kinds of edit the preview shows as a build does: the kinds from `PREVIEW_KINDS` on set a
/// `base_url` (the preview links relatively whatever it says) or may make an error (the preview
/// keeps its last good pages).
const PREVIEW_KINDS: u8 = 22;
const KINDS: u8 = 25;
/// The default theme's templates, overridden by the archive's `templates/`.
const NOTICE_TEMPLATE: &str = include_str!("../themes/default/templates/notice.html");
const BASE_TEMPLATE: &str = include_str!("../themes/default/templates/base.html");

/// One notice as its file says it.
#[derive(Debug, Clone)]
struct Note {
    sequence: u32,
    kind: usize,
    status: usize,
    summary: usize,
    date: (u16, u8, u8),
    title: usize,
    tags: Vec<usize>,
    signer: usize,
    /// Citations written in its body, each as it was written.
    citations: Vec<String>,
    /// A relation to another notice, by the number written.
    relation: Option<(usize, String)>,
    words: usize,
    /// Which of its names the file has.
    name: usize,
    present: bool,
    draft: bool,
}

impl Note {
    fn new(i: usize) -> Note {
        Note {
            sequence: i as u32 + 1,
            kind: 0,
            status: 0,
            summary: 0,
            date: (2024, 3, i as u8 + 1),
            title: i % TITLES.len(),
            tags: vec![i % TAGS.len()],
            signer: 0,
            citations: if i > 0 {
                vec![format!("Căn cứ Thông báo số {}-TB/VPTU.", i)]
            } else {
                Vec::new()
            },
            relation: None,
            words: i,
            name: 0,
            present: true,
            draft: false,
        }
    }

    fn number(&self) -> String {
        format!("{}-{}/VPTU", self.sequence, TYPES[self.kind].0)
    }

    /// The first notice is a bundle: a folder with its attachment.
    fn path(&self, i: usize) -> String {
        match i {
            0 => format!("content/tb-0-{}/index.md", self.name),
            _ => format!("content/tb-{i}-{}.md", self.name),
        }
    }

    fn attachment_path(&self) -> String {
        format!("content/tb-0-{}/phu-luc.txt", self.name)
    }

    /// The file's text; `attachment`: its body links its bundle's attachment.
    fn text(&self, attachment: bool) -> String {
        let (year, month, day) = self.date;
        let tags: Vec<&str> = self.tags.iter().map(|&t| TAGS[t]).collect();
        let mut front = format!(
            "number: {}\ntitle: {} {}\nissuer: Văn phòng Tỉnh ủy\ndate: {year}-{month:02}-{day:02}\nsigner: {}\ntags: [{}]",
            self.number(),
            TYPES[self.kind].1,
            TITLES[self.title],
            SIGNERS[self.signer],
            tags.join(", ")
        );
        if let Some((kind, number)) = &self.relation {
            front.push_str(&format!("\n{}: [\"{number}\"]", RELATIONS[*kind]));
        }
        if self.draft {
            front.push_str("\ndraft: true");
        }
        if self.status > 0 {
            front.push_str(&format!("\nstatus: {}", STATUSES[self.status]));
        }
        if self.summary > 0 {
            front.push_str(&format!("\nsummary: \"{}\"", SUMMARIES[self.summary]));
        }
        let body = format!(
            "## I. Nội dung\n\nNội dung thứ {} của văn bản. {}{}\n\n## II. Tổ chức thực hiện\n\nGiao Văn phòng.",
            self.words,
            self.citations.join(" "),
            if attachment { " Xem [phụ lục](phu-luc.txt)." } else { "" }
        );
        notice(&front, &body)
    }
}

/// One edit: its kind, the notice it is made to, and a value that chooses what it writes.
#[derive(Debug, Clone, Copy)]
struct Edit {
    kind: u8,
    notice: usize,
    value: usize,
}

/// The archive as the edits left it.
struct Model {
    notes: Vec<Note>,
    /// How many times the attachment of the first notice, a bundle, was saved.
    attachment: usize,
    site_title: usize,
    /// Whether `site.yaml` sets a `base_url`.
    base_url: bool,
    /// Whether `site.yaml` sets lists of two notices a page.
    short_pages: bool,
    /// Whether `site.yaml` sets `language: en`.
    english: bool,
    /// Which version of the archive's own `notice.html` it has: none (0), or one of two.
    notice_template: usize,
    /// Which version of the archive's own `base.html` it has: none (0), or one of two.
    base_template: usize,
    /// Which version of the static file it has: none (0), or one of two.
    static_file: usize,
}

impl Model {
    fn new() -> Model {
        Model {
            notes: (0..NOTICES).map(Note::new).collect(),
            attachment: 0,
            site_title: 0,
            base_url: false,
            short_pages: false,
            english: false,
            notice_template: 0,
            base_template: 0,
            static_file: 0,
        }
    }

    fn apply(&mut self, edit: Edit) {
        let numbers: Vec<String> = self.notes.iter().map(Note::number).collect();
        let i = edit.notice;
        let other = (i + 1 + edit.value % (NOTICES - 1)) % NOTICES;
        let v = edit.value;
        let note = &mut self.notes[i];
        match edit.kind {
            0 => note.title = v % TITLES.len(),
            // Dates of three years, none after today.
            1 => note.date = (2023 + (v / 7 % 3) as u16, 1 + (v % 12) as u8, 1 + (v % 28) as u8),
            // Numbers stay apart: the sequence's remainder by the count is the notice's own.
            2 => note.sequence = (i + 1 + NOTICES * (1 + v % 4)) as u32,
            3 => note.citations.push(format!("Theo Thông báo số {}.", numbers[other])),
            4 => note.citations.clear(),
            5 => {
                let tag = v % TAGS.len();
                match note.tags.iter().position(|&t| t == tag) {
                    Some(at) => _ = note.tags.remove(at),
                    None => note.tags.push(tag),
                }
            }
            6 => note.signer = v % SIGNERS.len(),
            7 if note.relation.is_some() => note.relation = None,
            7 => note.relation = Some((v % PLAIN_RELATIONS, numbers[other].clone())),
            8 => note.present = !note.present,
            9 => note.name += 1,
            10 => note.draft = !note.draft,
            11 => note.words = v,
            12 => self.site_title = v % 3,
            13 => note.kind = v % TYPES.len(),
            14 => note.status = v % STATUSES.len(),
            15 => note.summary = v % SUMMARIES.len(),
            16 => self.attachment += 1,
            17 => self.notice_template = v % 3,
            18 => self.base_template = v % 3,
            19 => self.static_file = v % 3,
            20 => self.short_pages = !self.short_pages,
            21 => self.english = !self.english,
            22 => self.base_url = !self.base_url,
            // Replacing a notice: an error when that notice is the newer.
            23 => note.relation = Some((PLAIN_RELATIONS, numbers[other].clone())),
            // The number, type and year of another notice: an error until an edit moves one of
            // them apart.
            _ => {
                let (sequence, kind, (year, _, _)) =
                    (self.notes[other].sequence, self.notes[other].kind, self.notes[other].date);
                let note = &mut self.notes[i];
                (note.sequence, note.kind, note.date.0) = (sequence, kind, year);
            }
        }
    }

    /// Every file of the archive, by path.
    fn files(&self) -> BTreeMap<String, String> {
        let mut files: BTreeMap<String, String> = self
            .notes
            .iter()
            .enumerate()
            .filter(|(_, note)| note.present)
            .map(|(i, note)| (note.path(i), note.text(i == 0 && self.attachment > 0)))
            .collect();
        let bundle = &self.notes[0];
        if bundle.present && self.attachment > 0 {
            files.insert(bundle.attachment_path(), format!("phụ lục, lần lưu thứ {}", self.attachment));
        }
        let mut site = format!("title: Kho thử {}\n", self.site_title);
        if self.base_url {
            site.push_str("base_url: https://vanban.example.vn/kho/\n");
        }
        if self.short_pages {
            site.push_str("page_size: 2\n");
        }
        if self.english {
            site.push_str("language: en\n");
        }
        files.insert("site.yaml".into(), site);
        if self.notice_template > 0 {
            let aside = "<aside class=\"notice-index\">";
            let marked = format!("<aside class=\"notice-index\" data-version=\"{}\">", self.notice_template);
            assert!(NOTICE_TEMPLATE.contains(aside), "the default notice.html has no {aside}");
            files.insert("templates/notice.html".into(), NOTICE_TEMPLATE.replace(aside, &marked));
        }
        if self.base_template > 0 {
            let marked = format!("<main id=\"main\" data-version=\"{}\">", self.base_template);
            let main = "<main id=\"main\">";
            assert!(BASE_TEMPLATE.contains(main), "the default base.html has no {main}");
            files.insert("templates/base.html".into(), BASE_TEMPLATE.replace(main, &marked));
        }
        if self.static_file > 0 {
            files.insert("static/ghi-chu.txt".into(), format!("ghi chú {}", self.static_file));
        }
        files
    }
}

/// The model's archive on disk: a temporary folder written as the model says after each edit.
struct OnDisk {
    archive: TestArchive,
    model: Model,
    /// The files as last written, by path.
    written: BTreeMap<String, String>,
}

impl OnDisk {
    fn new() -> OnDisk {
        let mut on_disk =
            OnDisk { archive: TestArchive::new(), model: Model::new(), written: BTreeMap::new() };
        on_disk.write();
        on_disk
    }

    fn edit(&mut self, edit: Edit) {
        self.model.apply(edit);
        self.write();
    }

    /// Writes the files that changed since the last write and removes those gone.
    fn write(&mut self) {
        let files = self.model.files();
        for path in self.written.keys().filter(|path| !files.contains_key(*path)) {
            std::fs::remove_file(self.archive.path(path)).unwrap();
        }
        for (path, text) in files.iter().filter(|(path, text)| self.written.get(*path) != Some(text)) {
            self.archive.write(path, text);
        }
        self.written = files;
    }
}

/// The problems a run said, each with its help (`check` says them on standard output, `build`
/// on standard error): what the two must say alike.
fn problems_said(output: &std::process::Output) -> Vec<String> {
    let said = stdout(output) + &stderr(output);
    said.lines()
        .filter(|line| {
            ["lỗi", "cảnh báo", "error", "warning", "  "].iter().any(|start| line.starts_with(start))
        })
        .map(String::from)
        .collect()
}

/// Builds and compares with a clean build; when a clean build fails, the build must fail
/// with the same problems and leave the output as it was. `check` must pass or fail as the
/// clean build does, saying the same problems.
fn build_or_fail_as_a_clean_build(archive: &TestArchive, step: &str) {
    let clean = CleanBuild::of(archive);
    let check = archive.run(&["check"]);
    assert_eq!(check.status.success(), clean.output.status.success(), "{step}: check and build disagree");
    assert_eq!(problems_said(&check), problems_said(&clean.output), "{step}: check says other problems");
    if clean.output.status.success() {
        build_and_compare_with(archive, step, &clean);
        return;
    }
    let before = snapshot(&archive.path("output"));
    let build = archive.run(&["build"]);
    assert!(!build.status.success(), "{step}: a build passed where a clean build failed");
    assert_eq!(
        problems_said(&build),
        problems_said(&clean.output),
        "{step}: not the problems of a clean build"
    );
    assert!(snapshot(&archive.path("output")) == before, "{step}: a failed build changed the output");
}

/// A notice edited after every edit of a series, so that the preview's reload of its page says
/// the preview has taken the whole edit.
const MARK: &str = "content/moc.md";
const MARK_PAGE: &str = "/van-ban/2024/thong-bao-99-tb-vptu/index.html";

fn mark(step: usize) -> String {
    simple("99-TB/VPTU", "2024-01-02", "Thông báo đánh dấu", &format!("Lần sửa thứ {step}."))
}

/// Waits for the reload that serves the mark of `step`.
fn wait_until_served(server: &Server, events: &EventStream, step: usize) {
    let written = format!("Lần sửa thứ {step}.");
    loop {
        events.wait_for("reload", 30);
        if server.get_text(MARK_PAGE).1.contains(&written) {
            return;
        }
    }
}

/// The first way the preview differs from a clean build (drafts included, as the preview shows
/// them): a file of the build not served with its bytes, or a file an earlier build made (in
/// `made`) and this one does not still served. None when it does not differ; then the files of
/// this build join `made`.
fn difference_from_a_clean_build(
    archive: &TestArchive,
    server: &Server,
    made: &mut BTreeSet<String>,
) -> Option<String> {
    let fresh = TestArchive::new();
    let out = fresh.path("out");
    let build = archive.run(&["build", "--drafts", "--out", out.to_str().unwrap()]);
    assert!(build.status.success(), "{}", stderr(&build));
    let files = site_files(&out);
    for (path, bytes) in &files {
        let (status, served) = server.get(&format!("/{path}"));
        if status != 200 || without_reload_script(&served) != *bytes {
            return Some(format!("{path} is not served as a clean build makes it (status {status})"));
        }
    }
    let now: BTreeSet<String> = files.into_iter().map(|(path, _)| path).collect();
    if let Some(gone) = made.difference(&now).find(|gone| server.get(&format!("/{gone}")).0 != 404) {
        return Some(format!("{gone} is still served"));
    }
    made.extend(now);
    None
}

/// The preview serves what a clean build makes, once it has served the mark of `step`. A save
/// the file watcher saw in two parts can bring the mark before the edit: a difference stands
/// only when no reload follows it for a few seconds.
fn served_as_a_clean_build(
    archive: &TestArchive,
    server: &Server,
    events: &EventStream,
    made: &mut BTreeSet<String>,
    step: usize,
    said: &str,
) {
    wait_until_served(server, events, step);
    while let Some(difference) = difference_from_a_clean_build(archive, server, made) {
        assert!(events.try_wait_for("reload", 5).is_some(), "{said}: {difference}");
    }
}

/// Series of fewer than `most` edits of the first `kinds` kinds.
fn edits(kinds: u8, most: usize) -> impl Strategy<Value = Vec<Edit>> {
    let edit =
        (0..kinds, 0..NOTICES, 0usize..1000).prop_map(|(kind, notice, value)| Edit { kind, notice, value });
    prop::collection::vec(edit, 1..most)
}

proptest! {
    // Shrinking a failing series runs four builds an edit: bounded.
    #![proptest_config(ProptestConfig { cases: 24, max_shrink_iters: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_series_of_edits_comes_out_as_a_clean_build(edits in edits(KINDS, 12)) {
        let mut on_disk = OnDisk::new();
        on_disk.archive.build_ok(&[]);
        for (step, edit) in edits.into_iter().enumerate() {
            on_disk.edit(edit);
            build_or_fail_as_a_clean_build(&on_disk.archive, &format!("edit {step}: {edit:?}"));
        }
    }
}

proptest! {
    // Each series starts a preview and waits for its reloads: fewer series.
    #![proptest_config(ProptestConfig { cases: 8, max_shrink_iters: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_preview_after_any_series_of_edits_serves_a_clean_build(edits in edits(PREVIEW_KINDS, 8)) {
        let mut on_disk = OnDisk::new();
        on_disk.archive.write(MARK, &mark(0));
        let server = Server::start(&on_disk.archive, &[]);
        let events = server.ready_events();
        let mut made = BTreeSet::new();
        if let Some(difference) = difference_from_a_clean_build(&on_disk.archive, &server, &mut made) {
            panic!("before any edit: {difference}");
        }
        for (step, edit) in edits.into_iter().enumerate() {
            on_disk.edit(edit);
            on_disk.archive.write(MARK, &mark(step + 1));
            let said = format!("edit {step}: {edit:?}");
            served_as_a_clean_build(&on_disk.archive, &server, &events, &mut made, step + 1, &said);
        }
    }
}
