//! Benchmark corpus generator for Gazette.
//!
//! Writes a synthetic archive of Vietnamese official notices (Markdown with YAML
//! front-matter, as described in sections 2 and 3 of the specification), large and
//! realistic enough to benchmark `gazette build` and `gazette check`:
//!
//! ```text
//! cargo run --release --example gen_corpus -- --notices 10000 --out DIR [--seed N] [--force]
//! ```
//!
//! * `--notices N`: how many notices to write (default 10000).
//! * `--out DIR`: the archive root to create (required).
//! * `--seed N`: seed of the pseudo-random generator (default 42). The same seed and
//!   notice count always give byte-identical output.
//! * `--force`: also write into a `DIR` that exists and is not empty. Files of the same
//!   name are overwritten; nothing is ever deleted.
//!
//! The archive holds `DIR/site.yaml` (title, place, and an `issuers:` map from issuer
//! codes to full names, central bodies included) and one notice per file at
//! `DIR/content/YYYY/<slug>.md`. Notices are dated 2015 to 2025 and come from a fictional
//! province's party committees and state bodies. Numbers run per issuer, type code and
//! year (with small gaps, as an archive holds only part of what was issued), so the same
//! number recurs in other years. Bodies of 5 to 15 KB cite mostly earlier notices of the
//! archive (in every written form: with or without the type word, "số" and a date, bare
//! numbers, lists, explicit `notice:` links), about one citation in ten names a document
//! outside the archive, and about one notice in twenty declares a relation
//! (`replaces`, `amends`, `implements`, `based_on`) to an earlier notice.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod body;
mod issuers;
mod random;
mod words;

use body::*;
use issuers::*;
use random::*;
use words::*;

// ---------------------------------------------------------------------------
// The plan: dates, issuers, types and numbers of every notice
// ---------------------------------------------------------------------------

pub(crate) struct Notice {
    pub(crate) date: Date,
    pub(crate) issuer: usize,
    pub(crate) kind: Kind,
    pub(crate) normative: bool,
    pub(crate) seq: u32,
    pub(crate) number: String,
    pub(crate) key: String,
    pub(crate) topic: usize,
    pub(crate) rel_path: String,
}

impl Notice {
    pub(crate) fn issuer(&self) -> &'static Issuer {
        &ISSUERS[self.issuer]
    }

    /// The number as written; `pad` writes sequence numbers below 10 with a leading zero.
    pub(crate) fn number_as(&self, pad: bool) -> String {
        let seq = if pad { format!("{:02}", self.seq) } else { self.seq.to_string() };
        let issuer = self.issuer();
        let code = self.kind.code();
        if issuer.party {
            format!("{seq}-{code}/{}", issuer.code)
        } else if self.normative {
            format!("{seq}/{}/{code}-{}", self.date.y, issuer.code)
        } else {
            format!("{seq}/{code}-{}", issuer.code)
        }
    }
}

pub(crate) fn random_dates(rng: &mut Rng, n: usize) -> Vec<Date> {
    let first = FIRST_DAY.days();
    let span = (LAST_DAY.days() - first + 1) as usize;
    let mut dates = Vec::with_capacity(n);
    while dates.len() < n {
        let d = Date::from_days(first + rng.below(span) as i64);
        let keep = match d.weekday() {
            6 => false,
            5 => rng.chance(8),
            _ => true,
        };
        if keep {
            dates.push(d);
        }
    }
    dates.sort_unstable();
    dates
}

pub(crate) fn pick_issuer(rng: &mut Rng, d: Date) -> usize {
    let weights: Vec<u32> =
        ISSUERS.iter().map(|i| if i.from <= d && d <= i.until { i.weight } else { 0 }).collect();
    rng.weighted(&weights)
}

pub(crate) fn pick_topic(rng: &mut Rng, issuer: &Issuer) -> usize {
    if !issuer.topics.is_empty() && rng.chance(70) {
        *rng.pick(issuer.topics)
    } else {
        rng.below(TOPICS.len())
    }
}

/// Step between two consecutive numbers of the archive (the archive holds a subset).
pub(crate) fn number_gap(rng: &mut Rng, issuer: &Issuer, kind: Kind, normative: bool) -> u32 {
    let max = match (issuer.party, kind) {
        _ if normative => 1,
        (false, QuyetDinh) => 40,
        (false, _) | (true, ThongBao) => 4,
        (true, _) => 2,
    };
    1 + rng.below(max) as u32
}

type CounterKey = (usize, &'static str, i32, bool);

pub(crate) fn plan(rng: &mut Rng, n: usize) -> Vec<Notice> {
    let mut counters: HashMap<CounterKey, u32> = HashMap::new();
    let mut paths: HashSet<String> = HashSet::new();
    let mut notices = Vec::with_capacity(n);
    for d in random_dates(rng, n) {
        let issuer_idx = pick_issuer(rng, d);
        let issuer = &ISSUERS[issuer_idx];
        let weights: Vec<u32> = issuer.kinds.iter().map(|&(_, w)| w).collect();
        let kind = issuer.kinds[rng.weighted(&weights)].0;
        let normative =
            !issuer.party && matches!(kind, QuyetDinh | NghiQuyet) && rng.chance(issuer.normative_pct);
        let counter = counters.entry((issuer_idx, kind.code(), d.y, normative)).or_insert(0);
        *counter += number_gap(rng, issuer, kind, normative);
        let mut notice = Notice {
            date: d,
            issuer: issuer_idx,
            kind,
            normative,
            seq: *counter,
            number: String::new(),
            key: String::new(),
            topic: pick_topic(rng, issuer),
            rel_path: String::new(),
        };
        notice.number = notice.number_as(true);
        notice.key = notice.number_as(false).to_uppercase();
        let base = format!("content/{}/{}", d.y, slugify(&format!("{} {}", kind.name(), notice.number)));
        let mut path = format!("{base}.md");
        let mut suffix = 2;
        while !paths.insert(path.clone()) {
            path = format!("{base}-{suffix}.md");
            suffix += 1;
        }
        notice.rel_path = path;
        notices.push(notice);
    }
    notices
}

// ---------------------------------------------------------------------------
// The corpus as written so far (citations only ever point backwards)
// ---------------------------------------------------------------------------

pub(crate) struct Corpus {
    pub(crate) notices: Vec<Notice>,
    /// Canonical key → notices written so far, oldest first.
    pub(crate) by_key: HashMap<String, Vec<usize>>,
    pub(crate) by_issuer: Vec<Vec<usize>>,
    pub(crate) landmarks: Vec<usize>,
    pub(crate) written: usize,
}

impl Corpus {
    pub(crate) fn new(notices: Vec<Notice>) -> Self {
        Corpus {
            notices,
            by_key: HashMap::new(),
            by_issuer: vec![Vec::new(); ISSUERS.len()],
            landmarks: Vec::new(),
            written: 0,
        }
    }

    pub(crate) fn register(&mut self, i: usize) {
        let n = &self.notices[i];
        self.by_key.entry(n.key.clone()).or_default().push(i);
        self.by_issuer[n.issuer].push(i);
        if n.kind.is_landmark() || n.normative {
            self.landmarks.push(i);
        }
        self.written = i + 1;
    }

    /// True when an undated citation of `t` would resolve to `t` (it is the latest
    /// notice with its key written so far).
    pub(crate) fn is_latest(&self, t: usize) -> bool {
        self.by_key.get(&self.notices[t].key).and_then(|v| v.last()) == Some(&t)
    }

    /// `162-NQ/TU@2024`, or the bare number when that is unambiguous.
    pub(crate) fn reference(&self, rng: &mut Rng, t: usize) -> String {
        let n = &self.notices[t];
        if self.is_latest(t) && rng.chance(40) {
            n.number.clone()
        } else {
            format!("{}@{}", n.number, n.date.y)
        }
    }
}

// ---------------------------------------------------------------------------
// Signers
// ---------------------------------------------------------------------------

/// Per issuer and per term (before 10/2020, to 10/2025, after): head and two deputies.
pub(crate) struct Signers(Vec<[[usize; 3]; 3]>);

impl Signers {
    pub(crate) fn assign(rng: &mut Rng) -> Self {
        let mut order: Vec<usize> = (0..NAMES.len()).collect();
        let mut next = order.len();
        let mut draw = |rng: &mut Rng| {
            if next == order.len() {
                for i in (1..order.len()).rev() {
                    order.swap(i, rng.below(i + 1));
                }
                next = 0;
            }
            next += 1;
            order[next - 1]
        };
        let slots = ISSUERS
            .iter()
            .map(|_| {
                let mut terms = [[0; 3]; 3];
                for term in &mut terms {
                    for slot in term.iter_mut() {
                        *slot = draw(rng);
                    }
                }
                terms
            })
            .collect();
        Signers(slots)
    }

    /// Name, title and authority line of the signer of a notice.
    pub(crate) fn sign(&self, rng: &mut Rng, n: &Notice) -> (&'static str, &'static str, &'static str) {
        let term = if n.date < TERM_2020 {
            0
        } else if n.date < TERM_2025 {
            1
        } else {
            2
        };
        let people = self.0[n.issuer][term];
        let issuer = n.issuer();
        if rng.chance(40) {
            (NAMES[people[0]], issuer.head.0, issuer.head.1)
        } else {
            (NAMES[people[1 + rng.below(2)]], issuer.deputy.0, issuer.deputy.1)
        }
    }
}

// ---------------------------------------------------------------------------
// Relations, titles, recipients, tags
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum RelKind {
    Replaces,
    Amends,
    Implements,
    BasedOn,
}

impl RelKind {
    pub(crate) fn key(self) -> &'static str {
        match self {
            RelKind::Replaces => "replaces",
            RelKind::Amends => "amends",
            RelKind::Implements => "implements",
            RelKind::BasedOn => "based_on",
        }
    }
}

pub(crate) struct Relation {
    pub(crate) kind: RelKind,
    pub(crate) target: usize,
    pub(crate) value: String,
}

/// An element of `list` dated strictly before `d`, recent ones more likely.
pub(crate) fn earlier_than(
    rng: &mut Rng,
    corpus: &Corpus,
    list: &[usize],
    d: Date,
    filter: impl Fn(&Notice) -> bool,
) -> Option<usize> {
    let end = list.partition_point(|&j| corpus.notices[j].date < d);
    let candidates: Vec<usize> =
        list[..end].iter().copied().filter(|&j| filter(&corpus.notices[j])).collect();
    if candidates.is_empty() { None } else { Some(rng.recent(&candidates, 2.0)) }
}

pub(crate) fn choose_relation(rng: &mut Rng, corpus: &Corpus, me: usize) -> Option<Relation> {
    if !rng.chance(5) {
        return None;
    }
    let n = &corpus.notices[me];
    let own = &corpus.by_issuer[n.issuer];
    let kind = match rng.below(100) {
        0..=19 => RelKind::Replaces,
        20..=39 => RelKind::Amends,
        40..=74 if matches!(n.kind, KeHoach | ChuongTrinh | HuongDan | DeAn | BaoCao) => RelKind::Implements,
        _ => RelKind::BasedOn,
    };
    let not_same_key = |t: &Notice| t.key != n.key;
    let target = match kind {
        RelKind::Replaces => earlier_than(rng, corpus, own, n.date, |t| t.kind == n.kind && not_same_key(t)),
        RelKind::Amends => earlier_than(rng, corpus, own, n.date, |t| {
            (t.kind.is_landmark() || t.normative || t.kind == QuyetDinh) && not_same_key(t)
        }),
        RelKind::Implements | RelKind::BasedOn => None,
    };
    // Fall back to a plain "based on" when no notice fits the chosen relation.
    let (kind, target) = match target {
        Some(t) => (kind, t),
        None => {
            let kind = if kind == RelKind::Implements { kind } else { RelKind::BasedOn };
            (kind, earlier_than(rng, corpus, &corpus.landmarks, n.date, not_same_key)?)
        }
    };
    let value = corpus.reference(rng, target);
    Some(Relation { kind, target, value })
}

pub(crate) fn period_of(d: Date) -> String {
    match d.m {
        1 => format!("năm {}", d.y - 1),
        2..=4 => format!("quý I năm {}", d.y),
        5..=7 => format!("6 tháng đầu năm {}", d.y),
        8..=10 => format!("9 tháng năm {}", d.y),
        _ => format!("năm {}", d.y),
    }
}

pub(crate) fn term_of(d: Date) -> &'static str {
    if d < TERM_2020 {
        "2015-2020"
    } else if d < TERM_2025 {
        "2020-2025"
    } else {
        "2025-2030"
    }
}

pub(crate) fn scope_of(issuer: &Issuer) -> &'static str {
    match (issuer.party, issuer.code) {
        (true, "HU") => "Huyện ủy",
        (true, _) => "Tỉnh ủy",
        (false, _) => "Ủy ban nhân dân tỉnh",
    }
}

/// `Nghị quyết số 12-NQ/TU của Ban Thường vụ Tỉnh ủy về …`, used in titles.
pub(crate) fn title_reference(rng: &mut Rng, corpus: &Corpus, t: usize) -> String {
    let n = &corpus.notices[t];
    format!("{} số {} của {} về {}", n.kind.name(), n.number, rng.pick(n.issuer().cite_as), TOPICS[n.topic].0)
}

pub(crate) fn plain_title(rng: &mut Rng, n: &Notice) -> String {
    let t = TOPICS[n.topic].0;
    let y = n.date.y;
    let issuer = n.issuer();
    let scope = scope_of(issuer);
    let org = rng.pick(ORGS);
    let mut choices: Vec<String> = match n.kind {
        ThongBao if issuer.party => vec![
            format!("Kết luận của Thường trực {scope} tại buổi làm việc với {org}"),
            format!("Kết luận của đồng chí Bí thư {scope} về {t}"),
            format!("Ý kiến chỉ đạo của Ban Thường vụ {scope} về {t}"),
            format!("Kết luận của Ban Thường vụ {scope} tại hội nghị sơ kết {t}"),
        ],
        ThongBao => vec![
            format!("Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về {t}"),
            format!("Ý kiến chỉ đạo của Ủy ban nhân dân tỉnh về {t}"),
            format!("Kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh tại buổi kiểm tra tình hình {t}"),
        ],
        NghiQuyet if n.normative => vec![
            format!("Quy định một số chính sách hỗ trợ {t} trên địa bàn tỉnh {PROVINCE}"),
            format!("Quy định mức chi bảo đảm cho {t} giai đoạn {y}-{}", y + 5),
        ],
        NghiQuyet if !issuer.party => vec![
            format!("Về việc thông qua kế hoạch {t} năm {}", y + 1),
            format!("Về kết quả giám sát chuyên đề {t}"),
        ],
        NghiQuyet => vec![
            format!("Về {t} giai đoạn {y}-{}", y + 5),
            format!("Về tăng cường sự lãnh đạo của Đảng đối với {t}"),
            format!("Về {t} đến năm 2030, định hướng đến năm 2045"),
        ],
        KeHoach => vec![
            format!("Triển khai {t} năm {y}"),
            format!("Tổ chức thực hiện {t} giai đoạn {y}-{}", y + 2),
            format!("Kiểm tra, giám sát việc thực hiện {t} năm {y}"),
        ],
        ChiThi => vec![
            format!("Về tăng cường sự lãnh đạo của Đảng đối với {t}"),
            format!("Về đẩy mạnh {t} trong tình hình mới"),
        ],
        DeAn => vec![
            format!("Nâng cao hiệu quả {t} giai đoạn {y}-{}", y + 5),
            format!("Đẩy mạnh {t} đến năm 2030"),
        ],
        KetLuan => vec![
            format!("Về tiếp tục thực hiện {t}"),
            format!("Về kết quả {} năm thực hiện {t}", rng.range(3, 10)),
        ],
        BaoCao => vec![
            format!("Kết quả thực hiện {t} {}", period_of(n.date)),
            format!("Sơ kết {} năm thực hiện {t}", rng.range(2, 5)),
            format!("Tình hình {t} năm {}", if n.date.m < 3 { y - 1 } else { y }),
        ],
        HuongDan => vec![
            format!("Thực hiện {t}"),
            format!("Một số nội dung về {t} năm {y}"),
            format!("Quy trình thực hiện {t}"),
        ],
        QuyChe => vec![
            format!("Phối hợp giữa {org} và {} trong {t}", rng.pick(ORGS)),
            format!("Làm việc của {} nhiệm kỳ {}", issuer.name, term_of(n.date)),
        ],
        ChuongTrinh => vec![
            format!("Công tác trọng tâm năm {y}"),
            format!("Kiểm tra, giám sát năm {y}"),
            format!("Hành động thực hiện {t} giai đoạn {y}-{}", y + 5),
        ],
        ToTrinh => vec![
            format!("Về việc đề nghị phê duyệt Đề án {t}"),
            format!("Về việc đề nghị bổ sung quy hoạch cán bộ nhiệm kỳ {}", term_of(n.date)),
        ],
        QuyetDinh if n.normative => vec![format!("Ban hành Quy định về {t} trên địa bàn tỉnh {PROVINCE}")],
        QuyetDinh if issuer.party => vec![
            format!("Về việc thành lập Đoàn kiểm tra việc thực hiện {t}"),
            format!("Về việc ban hành Quy chế {t}"),
            format!("Về việc kiện toàn Ban Chỉ đạo {t}"),
        ],
        QuyetDinh => vec![
            format!("Về việc phê duyệt Kế hoạch {t} năm {y}"),
            format!("Về việc giao chỉ tiêu {t} năm {y}"),
            format!("Về việc kiện toàn Ban Chỉ đạo {t}"),
            format!("Về việc ban hành Quy chế phối hợp trong {t}"),
        ],
        QuyDinh => vec![
            format!("Về {t} trong Đảng bộ tỉnh"),
            format!("Về trách nhiệm của người đứng đầu trong {t}"),
            format!("Về phân cấp quản lý đối với {t}"),
        ],
    };
    let i = rng.below(choices.len());
    choices.swap_remove(i)
}

pub(crate) fn make_title(rng: &mut Rng, corpus: &Corpus, me: usize, rel: Option<&Relation>) -> String {
    let n = &corpus.notices[me];
    match rel {
        Some(r) if r.kind == RelKind::Amends => {
            format!("Sửa đổi, bổ sung một số điều của {}", title_reference(rng, corpus, r.target))
        }
        Some(r) if r.kind == RelKind::Implements => {
            let prefix = if n.kind == ChuongTrinh { "Hành động thực hiện" } else { "Thực hiện" };
            format!("{prefix} {}", title_reference(rng, corpus, r.target))
        }
        _ => plain_title(rng, n),
    }
}

pub(crate) fn recipients(rng: &mut Rng, n: &Notice) -> Vec<String> {
    let issuer = n.issuer();
    let pool = if issuer.party { PARTY_RECIPIENTS } else { STATE_RECIPIENTS };
    let mut out: Vec<String> = Vec::new();
    if !issuer.party && n.kind == QuyetDinh {
        out.push("Như Điều 3".to_string());
    }
    let want = out.len() + rng.range(2, 5);
    while out.len() < want {
        let r = rng.pick(pool).to_string();
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out.push(issuer.keep.to_string());
    out
}

pub(crate) fn tags(rng: &mut Rng, n: &Notice) -> Vec<&'static str> {
    let mut out = vec![TAGS[TOPICS[n.topic].1]];
    let want = rng.range(1, 3);
    while out.len() < want {
        let t = *rng.pick(TAGS);
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

fn front_matter(
    rng: &mut Rng,
    corpus: &Corpus,
    signers: &Signers,
    me: usize,
    title: &str,
    rel: Option<&Relation>,
) -> String {
    let n = &corpus.notices[me];
    let issuer = n.issuer();
    let mut f = String::with_capacity(1024);
    f.push_str("---\n");
    let _ = writeln!(f, "number: {}", yq(&n.number));
    let _ = writeln!(f, "type: {}", yq(n.kind.name()));
    let _ = writeln!(f, "title: {}", yq(title));
    let _ = writeln!(f, "issuer: {}", yq(issuer.name));
    if !issuer.parent.is_empty() {
        let _ = writeln!(f, "parent_issuer: {}", yq(issuer.parent));
    }
    let _ = writeln!(f, "date: {}", n.date.iso());
    if n.normative {
        let _ = writeln!(f, "effective: {}", n.date.add_days(10).iso());
    }
    let _ = writeln!(f, "place: {}", yq(issuer.place));
    let (name, role, authority) = signers.sign(rng, n);
    let _ = writeln!(f, "signer:\n  name: {}\n  title: {}", yq(name), yq(role));
    if !authority.is_empty() {
        let _ = writeln!(f, "  authority: {}", yq(authority));
    }
    f.push_str("recipients:\n");
    for r in recipients(rng, n) {
        let _ = writeln!(f, "  - {}", yq(&r));
    }
    let tag_list: Vec<String> = tags(rng, n).into_iter().map(yq).collect();
    let _ = writeln!(f, "tags: [{}]", tag_list.join(", "));
    if let Some(r) = rel {
        let _ = writeln!(f, "{}: [{}]", r.kind.key(), yq(&r.value));
    }
    f.push_str("---\n\n");
    f
}

fn write_site_yaml(out: &Path) -> Result<(), String> {
    let mut s = String::new();
    s.push_str("# Synthetic benchmark archive written by examples/gen_corpus.rs\n");
    let _ = writeln!(s, "title: {}", yq(&format!("Lưu trữ văn bản tỉnh {PROVINCE}")));
    let _ = writeln!(s, "language: \"vi\"\nplace: {}\npage_size: 50\nissuers:", yq(PROVINCE));
    for i in ISSUERS {
        let _ = writeln!(s, "  {}: {}", yq(i.code), yq(i.full));
    }
    for (code, name) in CENTRAL_ISSUERS {
        let _ = writeln!(s, "  {}: {}", yq(code), yq(name));
    }
    let path = out.join("site.yaml");
    fs::write(&path, s).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub struct Totals {
    pub notices: usize,
    pub bytes: u64,
}

/// Writes `site.yaml` and `count` notices under `content/` into the folder `out`, which
/// exists; tests generate their archives with it too.
pub fn generate(out: &Path, seed: u64, count: usize) -> Result<Totals, String> {
    generate_with_bundles(out, seed, count, 0)
}

/// As [`generate`], with every `bundles`-th notice (none when 0) written as a bundle: a folder
/// holding `index.md` and an attachment.
pub fn generate_with_bundles(out: &Path, seed: u64, count: usize, bundles: usize) -> Result<Totals, String> {
    write_site_yaml(out)?;
    write_notices(out, seed, count, bundles)
}

/// Where notice `i` is written: its Markdown file, or a bundle's `index.md` with an attachment
/// beside it.
fn notice_file(path: PathBuf, i: usize, bundles: usize) -> Result<PathBuf, String> {
    if bundles == 0 || i % bundles != bundles - 1 {
        return Ok(path);
    }
    let folder = path.with_extension("");
    fs::create_dir_all(&folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let attachment = folder.join("danh-sach-gui-kem.txt");
    fs::write(&attachment, "Danh sách đơn vị nhận văn bản, gửi kèm bản điện tử.\n")
        .map_err(|e| format!("cannot write {}: {e}", attachment.display()))?;
    Ok(folder.join("index.md"))
}

fn write_notices(out: &Path, seed: u64, count: usize, bundles: usize) -> Result<Totals, String> {
    let mut rng = Rng::new(seed);
    let notices = plan(&mut rng, count);
    let signers = Signers::assign(&mut rng);
    let mut corpus = Corpus::new(notices);
    let mut made_dirs: HashSet<i32> = HashSet::new();
    let mut totals = Totals { notices: 0, bytes: 0 };
    for i in 0..corpus.notices.len() {
        let rel = choose_relation(&mut rng, &corpus, i);
        if let Some(r) = rel.as_ref().filter(|r| matches!(r.kind, RelKind::Replaces | RelKind::Amends)) {
            corpus.notices[i].topic = corpus.notices[r.target].topic;
        }
        let title = make_title(&mut rng, &corpus, i, rel.as_ref());
        let mut text = front_matter(&mut rng, &corpus, &signers, i, &title, rel.as_ref());
        text.push_str(&Body::new(&mut rng, &corpus, i, &title).build(rel.as_ref()));
        let n = &corpus.notices[i];
        if made_dirs.insert(n.date.y) {
            let dir = out.join("content").join(n.date.y.to_string());
            fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let path = notice_file(out.join(&n.rel_path), i, bundles)?;
        fs::write(&path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        totals.notices += 1;
        totals.bytes += text.len() as u64;
        corpus.register(i);
    }
    Ok(totals)
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

const USAGE: &str = "usage: gen_corpus --out DIR [--notices N] [--seed N] [--bundles N] [--force]

Writes a synthetic Gazette archive: DIR/site.yaml and DIR/content/YYYY/<slug>.md.
  --out DIR     archive root to write (refused if it exists and is not empty)
  --notices N   number of notices (default 10000)
  --seed N      seed of the generator (default 42); same seed, same output
  --bundles N   write every N-th notice as a bundle (DIR/content/YYYY/<slug>/index.md
                with an attachment); none by default
  --force       write into a non-empty DIR (same-name files are overwritten,
                nothing is deleted)";

struct Options {
    out: PathBuf,
    notices: usize,
    seed: u64,
    bundles: usize,
    force: bool,
}

fn parse_number<T: std::str::FromStr>(flag: &str, value: Option<String>) -> Result<T, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a value"))?;
    value.parse().map_err(|_| format!("{flag}: not a valid number: {value:?}"))
}

/// `Ok(None)` when help was asked for.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut out = None;
    let mut notices = 10_000;
    let mut seed = 42;
    let mut bundles = 0;
    let mut force = false;
    let mut args = args;
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next());
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--out" => out = Some(PathBuf::from(value().ok_or("--out needs a directory")?)),
            "--notices" => notices = parse_number("--notices", value())?,
            "--seed" => seed = parse_number("--seed", value())?,
            "--bundles" => bundles = parse_number("--bundles", value())?,
            "--force" => force = true,
            other => return Err(format!("unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    let out = out.ok_or_else(|| format!("--out DIR is required\n\n{USAGE}"))?;
    if notices == 0 || notices > 5_000_000 {
        return Err(format!("--notices must be between 1 and 5000000, not {notices}"));
    }
    Ok(Some(Options { out, notices, seed, bundles, force }))
}

/// Creates the output directory, refusing a non-empty one unless forced.
fn prepare_out(opts: &Options) -> Result<(), String> {
    let out = &opts.out;
    match fs::metadata(out) {
        Ok(meta) if !meta.is_dir() => return Err(format!("{} exists and is not a directory", out.display())),
        Ok(_) => {
            let mut entries = fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
            if entries.next().is_some() && !opts.force {
                return Err(format!(
                    "{} exists and is not empty; choose another directory or pass --force",
                    out.display()
                ));
            }
        }
        Err(_) => {}
    }
    let content = out.join("content");
    fs::create_dir_all(&content).map_err(|e| format!("cannot create {}: {e}", content.display()))
}

fn run() -> Result<(), String> {
    let Some(opts) = parse_args(std::env::args().skip(1))? else {
        println!("{USAGE}");
        return Ok(());
    };
    prepare_out(&opts)?;
    let totals = generate_with_bundles(&opts.out, opts.seed, opts.notices, opts.bundles)?;
    println!("notices written: {}", totals.notices);
    println!(
        "total bytes: {} (average {} per notice)",
        totals.bytes,
        totals.bytes / totals.notices.max(1) as u64
    );
    println!("output dir: {}", opts.out.display());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for z in [-1, 0, 1, 16_000, 20_000, 20_454] {
            assert_eq!(Date::from_days(z).days(), z);
        }
        assert_eq!(date(2024, 6, 10).weekday(), 0);
        assert_eq!(date(2024, 2, 28).add_days(1), date(2024, 2, 29));
    }

    #[test]
    fn slugs_and_quotes() {
        assert_eq!(slugify("Đề án 08-ĐA/TU"), "de-an-08-da-tu");
        assert_eq!(slugify("Quyết định 15/2023/QĐ-UBND"), "quyet-dinh-15-2023-qd-ubnd");
        assert_eq!(yq("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
    }

    #[test]
    fn numbers_are_unique_per_type_and_year() {
        let mut rng = Rng::new(7);
        let notices = plan(&mut rng, 3000);
        let mut seen = HashSet::new();
        for n in &notices {
            assert!(seen.insert((n.key.clone(), n.date.y)), "duplicate {}", n.number);
        }
    }
}
