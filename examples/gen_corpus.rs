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

// ---------------------------------------------------------------------------
// Pseudo-random numbers (SplitMix64)
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Index of an item drawn with the given weights (not all zero).
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut r = (self.next_u64() % total.max(1)) as i64;
        for (i, &w) in weights.iter().enumerate() {
            r -= i64::from(w);
            if r < 0 {
                return i;
            }
        }
        weights.len() - 1
    }

    /// An element of a chronological list, more often a recent one.
    fn recent(&mut self, list: &[usize], flatness: f64) -> usize {
        let u = self.unit().powf(flatness);
        let back = ((u * list.len() as f64) as usize).min(list.len() - 1);
        list[list.len() - 1 - back]
    }
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Date {
    y: i32,
    m: u32,
    d: u32,
}

const fn date(y: i32, m: u32, d: u32) -> Date {
    Date { y, m, d }
}

const FIRST_DAY: Date = date(2015, 1, 1);
const LAST_DAY: Date = date(2025, 12, 31);
const TERM_2020: Date = date(2020, 10, 1);
const TERM_2025: Date = date(2025, 10, 1);
const MERGE_2025: Date = date(2025, 2, 28);
const DISTRICTS_END: Date = date(2025, 6, 30);

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    fn days(self) -> i64 {
        let y = i64::from(if self.m <= 2 { self.y - 1 } else { self.y });
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i64::from(self.m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Date { y, m, d }
    }

    fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    fn weekday(self) -> i64 {
        (self.days() + 3).rem_euclid(7)
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// `22/5/2024`
    fn short(self) -> String {
        format!("{}/{}/{}", self.d, self.m, self.y)
    }

    /// `04/07/2023`
    fn padded(self) -> String {
        format!("{:02}/{:02}/{}", self.d, self.m, self.y)
    }

    /// `ngày 22 tháng 5 năm 2024`
    fn long(self) -> String {
        format!("ngày {} tháng {} năm {}", self.d, self.m, self.y)
    }
}

// ---------------------------------------------------------------------------
// Static data: document types, issuers, people, topics, phrases
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    ThongBao,
    NghiQuyet,
    KeHoach,
    ChiThi,
    DeAn,
    KetLuan,
    BaoCao,
    HuongDan,
    QuyChe,
    ChuongTrinh,
    ToTrinh,
    QuyetDinh,
    QuyDinh,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::ThongBao => "TB",
            Kind::NghiQuyet => "NQ",
            Kind::KeHoach => "KH",
            Kind::ChiThi => "CT",
            Kind::DeAn => "ĐA",
            Kind::KetLuan => "KL",
            Kind::BaoCao => "BC",
            Kind::HuongDan => "HD",
            Kind::QuyChe => "QC",
            Kind::ChuongTrinh => "CTr",
            Kind::ToTrinh => "TTr",
            Kind::QuyetDinh | Kind::QuyDinh => "QĐ",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::ThongBao => "Thông báo",
            Kind::NghiQuyet => "Nghị quyết",
            Kind::KeHoach => "Kế hoạch",
            Kind::ChiThi => "Chỉ thị",
            Kind::DeAn => "Đề án",
            Kind::KetLuan => "Kết luận",
            Kind::BaoCao => "Báo cáo",
            Kind::HuongDan => "Hướng dẫn",
            Kind::QuyChe => "Quy chế",
            Kind::ChuongTrinh => "Chương trình",
            Kind::ToTrinh => "Tờ trình",
            Kind::QuyetDinh => "Quyết định",
            Kind::QuyDinh => "Quy định",
        }
    }

    fn lower(self) -> String {
        let name = self.name();
        let mut chars = name.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// Documents that others are built on, hence cited more often.
    fn is_landmark(self) -> bool {
        matches!(
            self,
            Kind::NghiQuyet
                | Kind::ChiThi
                | Kind::KetLuan
                | Kind::DeAn
                | Kind::ChuongTrinh
                | Kind::QuyDinh
                | Kind::QuyChe
        )
    }
}

use Kind::*;

struct Issuer {
    code: &'static str,
    /// As written in front-matter `issuer`.
    name: &'static str,
    /// As listed in site.yaml `issuers`.
    full: &'static str,
    parent: &'static str,
    /// How other documents name the body after "của".
    cite_as: &'static [&'static str],
    party: bool,
    place: &'static str,
    weight: u32,
    from: Date,
    until: Date,
    kinds: &'static [(Kind, u32)],
    /// Percent of its Quyết định / Nghị quyết that are legal normative documents.
    normative_pct: usize,
    head: (&'static str, &'static str),
    deputy: (&'static str, &'static str),
    leaders: &'static [&'static str],
    topics: &'static [usize],
    keep: &'static str,
}

const PROVINCE: &str = "Bắc Lâm";

const SO_KINDS: &[(Kind, u32)] =
    &[(KeHoach, 30), (HuongDan, 20), (BaoCao, 25), (QuyetDinh, 15), (ThongBao, 10)];
const BAN_KINDS: &[(Kind, u32)] =
    &[(HuongDan, 25), (KeHoach, 30), (BaoCao, 25), (ThongBao, 10), (ChuongTrinh, 10)];
const DUK_KINDS: &[(Kind, u32)] = &[
    (NghiQuyet, 15),
    (KeHoach, 25),
    (BaoCao, 20),
    (ThongBao, 15),
    (ChuongTrinh, 10),
    (ChiThi, 5),
    (HuongDan, 10),
];
const TU_LEADERS: &[&str] = &["Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy"];
const UB_LEADERS: &[&str] =
    &["Chủ tịch Ủy ban nhân dân tỉnh", "Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh"];

const ISSUERS: &[Issuer] = &[
    Issuer {
        code: "TU",
        name: "Tỉnh ủy Bắc Lâm",
        full: "Tỉnh ủy Bắc Lâm",
        parent: "",
        cite_as: &["Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh", "Tỉnh ủy"],
        party: true,
        place: PROVINCE,
        weight: 14,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: &[
            (NghiQuyet, 12),
            (ChiThi, 5),
            (KetLuan, 10),
            (QuyetDinh, 10),
            (QuyDinh, 2),
            (QuyChe, 2),
            (KeHoach, 18),
            (ChuongTrinh, 8),
            (DeAn, 4),
            (ThongBao, 10),
            (BaoCao, 10),
            (HuongDan, 3),
        ],
        normative_pct: 0,
        head: ("Bí thư", "T/M BAN THƯỜNG VỤ"),
        deputy: ("Phó Bí thư Thường trực", "T/M BAN THƯỜNG VỤ"),
        leaders: TU_LEADERS,
        topics: &[],
        keep: "Lưu Văn phòng Tỉnh ủy",
    },
    Issuer {
        code: "VPTU",
        name: "Văn phòng Tỉnh ủy",
        full: "Văn phòng Tỉnh ủy Bắc Lâm",
        parent: "Tỉnh ủy Bắc Lâm",
        cite_as: &["Văn phòng Tỉnh ủy"],
        party: true,
        place: PROVINCE,
        weight: 10,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: &[(ThongBao, 50), (HuongDan, 10), (BaoCao, 15), (KeHoach, 15), (ChuongTrinh, 5)],
        normative_pct: 0,
        head: ("Chánh Văn phòng", "T/L BAN THƯỜNG VỤ"),
        deputy: ("Phó Chánh Văn phòng", "K/T CHÁNH VĂN PHÒNG"),
        leaders: TU_LEADERS,
        topics: &[12, 36, 3, 35],
        keep: "Lưu Văn phòng Tỉnh ủy",
    },
    Issuer {
        code: "BTCTU",
        name: "Ban Tổ chức Tỉnh ủy",
        full: "Ban Tổ chức Tỉnh ủy Bắc Lâm",
        parent: "Tỉnh ủy Bắc Lâm",
        cite_as: &["Ban Tổ chức Tỉnh ủy"],
        party: true,
        place: PROVINCE,
        weight: 7,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: &[(HuongDan, 25), (BaoCao, 20), (KeHoach, 20), (ThongBao, 10), (ToTrinh, 15)],
        normative_pct: 0,
        head: ("Trưởng ban", ""),
        deputy: ("Phó Trưởng ban", "K/T TRƯỞNG BAN"),
        leaders: TU_LEADERS,
        topics: &[0, 1, 2, 3, 33, 34],
        keep: "Lưu Ban Tổ chức Tỉnh ủy",
    },
    Issuer {
        code: "BTGTU",
        name: "Ban Tuyên giáo Tỉnh ủy",
        full: "Ban Tuyên giáo Tỉnh ủy Bắc Lâm",
        parent: "Tỉnh ủy Bắc Lâm",
        cite_as: &["Ban Tuyên giáo Tỉnh ủy"],
        party: true,
        place: PROVINCE,
        weight: 5,
        from: FIRST_DAY,
        until: MERGE_2025,
        kinds: BAN_KINDS,
        normative_pct: 0,
        head: ("Trưởng ban", ""),
        deputy: ("Phó Trưởng ban", "K/T TRƯỞNG BAN"),
        leaders: TU_LEADERS,
        topics: &[6, 7, 26, 25],
        keep: "Lưu Ban Tuyên giáo Tỉnh ủy",
    },
    Issuer {
        code: "BDVTU",
        name: "Ban Dân vận Tỉnh ủy",
        full: "Ban Dân vận Tỉnh ủy Bắc Lâm",
        parent: "Tỉnh ủy Bắc Lâm",
        cite_as: &["Ban Dân vận Tỉnh ủy"],
        party: true,
        place: PROVINCE,
        weight: 4,
        from: FIRST_DAY,
        until: MERGE_2025,
        kinds: BAN_KINDS,
        normative_pct: 0,
        head: ("Trưởng ban", ""),
        deputy: ("Phó Trưởng ban", "K/T TRƯỞNG BAN"),
        leaders: TU_LEADERS,
        topics: &[8, 9, 32],
        keep: "Lưu Ban Dân vận Tỉnh ủy",
    },
    Issuer {
        code: "BTGDVTU",
        name: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        full: "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Lâm",
        parent: "Tỉnh ủy Bắc Lâm",
        cite_as: &["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
        party: true,
        place: PROVINCE,
        weight: 40,
        from: date(2025, 3, 1),
        until: LAST_DAY,
        kinds: BAN_KINDS,
        normative_pct: 0,
        head: ("Trưởng ban", ""),
        deputy: ("Phó Trưởng ban", "K/T TRƯỞNG BAN"),
        leaders: TU_LEADERS,
        topics: &[6, 7, 8, 9, 32],
        keep: "Lưu Ban Tuyên giáo và Dân vận Tỉnh ủy",
    },
    Issuer {
        code: "UBKTTU",
        name: "Ủy ban Kiểm tra Tỉnh ủy",
        full: "Ủy ban Kiểm tra Tỉnh ủy Bắc Lâm",
        parent: "Tỉnh ủy Bắc Lâm",
        cite_as: &["Ủy ban Kiểm tra Tỉnh ủy"],
        party: true,
        place: PROVINCE,
        weight: 6,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: &[
            (ThongBao, 25),
            (BaoCao, 20),
            (KeHoach, 20),
            (QuyetDinh, 20),
            (HuongDan, 10),
            (ChuongTrinh, 5),
        ],
        normative_pct: 0,
        head: ("Chủ nhiệm", "T/M ỦY BAN KIỂM TRA"),
        deputy: ("Phó Chủ nhiệm", "K/T CHỦ NHIỆM"),
        leaders: TU_LEADERS,
        topics: &[4, 10, 5],
        keep: "Lưu Ủy ban Kiểm tra Tỉnh ủy",
    },
    Issuer {
        code: "BNCTU",
        name: "Ban Nội chính Tỉnh ủy",
        full: "Ban Nội chính Tỉnh ủy Bắc Lâm",
        parent: "Tỉnh ủy Bắc Lâm",
        cite_as: &["Ban Nội chính Tỉnh ủy"],
        party: true,
        place: PROVINCE,
        weight: 3,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: &[(BaoCao, 30), (KeHoach, 30), (ThongBao, 20), (HuongDan, 20)],
        normative_pct: 0,
        head: ("Trưởng ban", ""),
        deputy: ("Phó Trưởng ban", "K/T TRƯỞNG BAN"),
        leaders: TU_LEADERS,
        topics: &[10, 11, 30],
        keep: "Lưu Ban Nội chính Tỉnh ủy",
    },
    Issuer {
        code: "ĐUK",
        name: "Đảng ủy Khối các cơ quan tỉnh",
        full: "Đảng ủy Khối các cơ quan tỉnh Bắc Lâm",
        parent: "Đảng bộ tỉnh Bắc Lâm",
        cite_as: &["Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối các cơ quan tỉnh"],
        party: true,
        place: PROVINCE,
        weight: 4,
        from: FIRST_DAY,
        until: MERGE_2025,
        kinds: DUK_KINDS,
        normative_pct: 0,
        head: ("Bí thư", "T/M BAN THƯỜNG VỤ"),
        deputy: ("Phó Bí thư", "T/M BAN THƯỜNG VỤ"),
        leaders: &["Bí thư Đảng ủy Khối các cơ quan tỉnh"],
        topics: &[2, 3, 7, 12],
        keep: "Lưu Văn phòng Đảng ủy Khối",
    },
    Issuer {
        code: "ĐUCQĐ",
        name: "Đảng ủy các cơ quan Đảng tỉnh",
        full: "Đảng ủy các cơ quan Đảng tỉnh Bắc Lâm",
        parent: "Đảng bộ tỉnh Bắc Lâm",
        cite_as: &["Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh"],
        party: true,
        place: PROVINCE,
        weight: 30,
        from: date(2025, 3, 1),
        until: LAST_DAY,
        kinds: DUK_KINDS,
        normative_pct: 0,
        head: ("Bí thư", "T/M BAN THƯỜNG VỤ"),
        deputy: ("Phó Bí thư", "T/M BAN THƯỜNG VỤ"),
        leaders: &["Bí thư Đảng ủy các cơ quan Đảng tỉnh"],
        topics: &[2, 3, 7, 12, 33],
        keep: "Lưu Văn phòng Đảng ủy",
    },
    Issuer {
        code: "HU",
        name: "Huyện ủy Tân Lập",
        full: "Huyện ủy Tân Lập",
        parent: "Đảng bộ tỉnh Bắc Lâm",
        cite_as: &["Ban Thường vụ Huyện ủy", "Huyện ủy Tân Lập"],
        party: true,
        place: "Tân Lập",
        weight: 5,
        from: FIRST_DAY,
        until: DISTRICTS_END,
        kinds: &[
            (NghiQuyet, 15),
            (KeHoach, 25),
            (BaoCao, 15),
            (ThongBao, 15),
            (ChuongTrinh, 10),
            (QuyetDinh, 10),
            (ChiThi, 5),
            (DeAn, 5),
        ],
        normative_pct: 0,
        head: ("Bí thư", "T/M BAN THƯỜNG VỤ"),
        deputy: ("Phó Bí thư", "T/M BAN THƯỜNG VỤ"),
        leaders: &["Bí thư Huyện ủy", "Phó Bí thư Thường trực Huyện ủy"],
        topics: &[20, 22, 2, 15, 30],
        keep: "Lưu Văn phòng Huyện ủy",
    },
    Issuer {
        code: "UBND",
        name: "Ủy ban nhân dân tỉnh Bắc Lâm",
        full: "Ủy ban nhân dân tỉnh Bắc Lâm",
        parent: "",
        cite_as: &["Ủy ban nhân dân tỉnh", "UBND tỉnh"],
        party: false,
        place: PROVINCE,
        weight: 16,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: &[
            (QuyetDinh, 50),
            (KeHoach, 15),
            (ChiThi, 5),
            (ThongBao, 5),
            (BaoCao, 10),
            (ChuongTrinh, 5),
            (DeAn, 5),
            (HuongDan, 5),
        ],
        normative_pct: 12,
        head: ("Chủ tịch", "T/M ỦY BAN NHÂN DÂN"),
        deputy: ("Phó Chủ tịch", "K/T CHỦ TỊCH"),
        leaders: UB_LEADERS,
        topics: &[15, 16, 18, 19, 20, 21, 27, 28, 38, 13, 14],
        keep: "Lưu: VT",
    },
    Issuer {
        code: "HĐND",
        name: "Hội đồng nhân dân tỉnh Bắc Lâm",
        full: "Hội đồng nhân dân tỉnh Bắc Lâm",
        parent: "",
        cite_as: &["Hội đồng nhân dân tỉnh", "HĐND tỉnh"],
        party: false,
        place: PROVINCE,
        weight: 5,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: &[(NghiQuyet, 70), (BaoCao, 15), (ThongBao, 10), (ChuongTrinh, 5)],
        normative_pct: 35,
        head: ("Chủ tịch", ""),
        deputy: ("Phó Chủ tịch", "K/T CHỦ TỊCH"),
        leaders: &["Chủ tịch Hội đồng nhân dân tỉnh"],
        topics: &[16, 18, 22, 23, 24],
        keep: "Lưu: VT",
    },
    Issuer {
        code: "VPUBND",
        name: "Văn phòng Ủy ban nhân dân tỉnh",
        full: "Văn phòng Ủy ban nhân dân tỉnh Bắc Lâm",
        parent: "Ủy ban nhân dân tỉnh Bắc Lâm",
        cite_as: &["Văn phòng Ủy ban nhân dân tỉnh"],
        party: false,
        place: PROVINCE,
        weight: 6,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: &[(ThongBao, 70), (BaoCao, 15), (HuongDan, 15)],
        normative_pct: 0,
        head: ("Chánh Văn phòng", ""),
        deputy: ("Phó Chánh Văn phòng", "K/T CHÁNH VĂN PHÒNG"),
        leaders: UB_LEADERS,
        topics: &[14, 13, 36, 15],
        keep: "Lưu: VT",
    },
    Issuer {
        code: "SNV",
        name: "Sở Nội vụ",
        full: "Sở Nội vụ tỉnh Bắc Lâm",
        parent: "Ủy ban nhân dân tỉnh Bắc Lâm",
        cite_as: &["Sở Nội vụ"],
        party: false,
        place: PROVINCE,
        weight: 4,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: SO_KINDS,
        normative_pct: 0,
        head: ("Giám đốc", ""),
        deputy: ("Phó Giám đốc", "K/T GIÁM ĐỐC"),
        leaders: UB_LEADERS,
        topics: &[0, 14, 33, 34, 35, 36],
        keep: "Lưu: VT",
    },
    Issuer {
        code: "STC",
        name: "Sở Tài chính",
        full: "Sở Tài chính tỉnh Bắc Lâm",
        parent: "Ủy ban nhân dân tỉnh Bắc Lâm",
        cite_as: &["Sở Tài chính"],
        party: false,
        place: PROVINCE,
        weight: 4,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: SO_KINDS,
        normative_pct: 0,
        head: ("Giám đốc", ""),
        deputy: ("Phó Giám đốc", "K/T GIÁM ĐỐC"),
        leaders: UB_LEADERS,
        topics: &[16, 17, 18],
        keep: "Lưu: VT",
    },
    Issuer {
        code: "SKHĐT",
        name: "Sở Kế hoạch và Đầu tư",
        full: "Sở Kế hoạch và Đầu tư tỉnh Bắc Lâm",
        parent: "Ủy ban nhân dân tỉnh Bắc Lâm",
        cite_as: &["Sở Kế hoạch và Đầu tư"],
        party: false,
        place: PROVINCE,
        weight: 3,
        from: FIRST_DAY,
        until: MERGE_2025,
        kinds: SO_KINDS,
        normative_pct: 0,
        head: ("Giám đốc", ""),
        deputy: ("Phó Giám đốc", "K/T GIÁM ĐỐC"),
        leaders: UB_LEADERS,
        topics: &[18, 19, 15, 38],
        keep: "Lưu: VT",
    },
    Issuer {
        code: "SGDĐT",
        name: "Sở Giáo dục và Đào tạo",
        full: "Sở Giáo dục và Đào tạo tỉnh Bắc Lâm",
        parent: "Ủy ban nhân dân tỉnh Bắc Lâm",
        cite_as: &["Sở Giáo dục và Đào tạo"],
        party: false,
        place: PROVINCE,
        weight: 4,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: SO_KINDS,
        normative_pct: 0,
        head: ("Giám đốc", ""),
        deputy: ("Phó Giám đốc", "K/T GIÁM ĐỐC"),
        leaders: UB_LEADERS,
        topics: &[23, 37],
        keep: "Lưu: VT",
    },
    Issuer {
        code: "SYT",
        name: "Sở Y tế",
        full: "Sở Y tế tỉnh Bắc Lâm",
        parent: "Ủy ban nhân dân tỉnh Bắc Lâm",
        cite_as: &["Sở Y tế"],
        party: false,
        place: PROVINCE,
        weight: 3,
        from: FIRST_DAY,
        until: LAST_DAY,
        kinds: SO_KINDS,
        normative_pct: 0,
        head: ("Giám đốc", ""),
        deputy: ("Phó Giám đốc", "K/T GIÁM ĐỐC"),
        leaders: UB_LEADERS,
        topics: &[24, 22],
        keep: "Lưu: VT",
    },
];

/// Bodies outside the archive that notices cite; listed in site.yaml for display.
const CENTRAL_ISSUERS: &[(&str, &str)] = &[
    ("TW", "Ban Chấp hành Trung ương Đảng"),
    ("VPTW", "Văn phòng Trung ương Đảng"),
    ("CP", "Chính phủ"),
    ("TTg", "Thủ tướng Chính phủ"),
    ("BNV", "Bộ Nội vụ"),
];

/// Fictional officials who sign the notices.
const NAMES: &[&str] = &[
    "Hoàng Văn Khánh",
    "Nông Thị Bích Hạnh",
    "Lương Đức Tùng",
    "Vi Văn Thành",
    "Đinh Thị Mai Lan",
    "Trần Quốc Huy",
    "Phạm Thị Thu Trang",
    "Lý Văn Sơn",
    "Mã Thị Hồng Nhung",
    "Nguyễn Đình Phúc",
    "Hà Văn Lực",
    "Chu Thị Ngọc Ánh",
    "Lâm Quang Đạo",
    "Bế Văn Toàn",
    "Triệu Thị Hương",
    "Vũ Mạnh Cường",
    "Đặng Văn Bình",
    "Hoàng Thị Yến",
    "Nguyễn Thị Thanh Xuân",
    "Tô Văn Hùng",
    "Lộc Thị Phương",
    "Đoàn Minh Tuấn",
    "Bùi Thị Kim Oanh",
    "Ngô Quang Vinh",
    "Dương Văn Hải",
    "Tạ Thị Lệ Thủy",
    "Phùng Văn Đức",
    "Mai Xuân Trường",
    "Lăng Văn Nghĩa",
    "Âu Thị Diệu Linh",
    "Ứng Văn Quý",
];

const TAGS: &[&str] = &[
    "xây dựng Đảng",
    "công tác cán bộ",
    "kiểm tra, giám sát",
    "tuyên giáo",
    "dân vận",
    "nội chính",
    "phòng, chống tham nhũng",
    "chuyển đổi số",
    "cải cách hành chính",
    "kinh tế - xã hội",
    "tài chính, ngân sách",
    "đầu tư công",
    "nông nghiệp, nông thôn",
    "giảm nghèo",
    "giáo dục, đào tạo",
    "y tế",
    "văn hóa, thể thao, du lịch",
    "môi trường",
    "quốc phòng, an ninh",
    "đối ngoại",
    "dân tộc, tôn giáo",
    "tổ chức bộ máy",
    "thi đua, khen thưởng",
    "văn thư, lưu trữ",
    "khoa học, công nghệ",
    "kinh tế cửa khẩu",
];

/// Subjects of notices, with the index of their tag in `TAGS`.
const TOPICS: &[(&str, usize)] = &[
    ("công tác cán bộ và quản lý cán bộ", 1),
    ("công tác quy hoạch, đào tạo, bồi dưỡng cán bộ", 1),
    ("phát triển đảng viên và nâng cao chất lượng tổ chức cơ sở đảng", 0),
    ("nâng cao chất lượng sinh hoạt chi bộ", 0),
    ("công tác kiểm tra, giám sát và thi hành kỷ luật đảng", 2),
    ("công tác bảo vệ chính trị nội bộ", 0),
    ("bảo vệ nền tảng tư tưởng của Đảng", 3),
    ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 3),
    ("công tác dân vận của hệ thống chính trị", 4),
    ("thực hiện quy chế dân chủ ở cơ sở", 4),
    ("phòng, chống tham nhũng, lãng phí, tiêu cực", 6),
    ("công tác nội chính và cải cách tư pháp", 5),
    ("chuyển đổi số trong các cơ quan đảng, chính quyền", 7),
    ("xây dựng chính quyền số và đô thị thông minh", 7),
    ("cải cách hành chính và nâng cao chỉ số năng lực cạnh tranh cấp tỉnh", 8),
    ("phát triển kinh tế - xã hội gắn với bảo đảm quốc phòng, an ninh", 9),
    ("thu, chi ngân sách nhà nước", 10),
    ("thực hành tiết kiệm, chống lãng phí", 10),
    ("giải ngân vốn đầu tư công", 11),
    ("phát triển kết cấu hạ tầng giao thông", 11),
    ("xây dựng nông thôn mới", 12),
    ("phát triển nông nghiệp hàng hóa gắn với chuỗi giá trị", 12),
    ("giảm nghèo bền vững", 13),
    ("đổi mới căn bản, toàn diện giáo dục và đào tạo", 14),
    ("chăm sóc, bảo vệ và nâng cao sức khỏe nhân dân", 15),
    ("phát triển du lịch", 16),
    ("xây dựng và phát huy giá trị văn hóa, con người", 16),
    ("bảo vệ môi trường và ứng phó với biến đổi khí hậu", 17),
    ("quản lý, bảo vệ và phát triển rừng", 17),
    ("xây dựng khu vực phòng thủ vững chắc", 18),
    ("bảo đảm an ninh, trật tự khu vực biên giới", 18),
    ("công tác đối ngoại và hợp tác quốc tế", 19),
    ("công tác dân tộc, tôn giáo", 20),
    ("sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả", 21),
    ("sắp xếp đơn vị hành chính cấp xã", 21),
    ("công tác thi đua, khen thưởng", 22),
    ("công tác văn thư, lưu trữ", 23),
    ("phát triển khoa học, công nghệ và đổi mới sáng tạo", 24),
    ("phát triển kinh tế cửa khẩu và dịch vụ logistics", 25),
];

const ORGS: &[&str] = &[
    "Ban Tổ chức Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Văn phòng Tỉnh ủy",
    "Ban Nội chính Tỉnh ủy",
    "Đảng đoàn Hội đồng nhân dân tỉnh",
    "Ban cán sự đảng Ủy ban nhân dân tỉnh",
    "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Khoa học và Công nghệ",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Công an tỉnh",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
    "Ủy ban nhân dân huyện Tân Lập",
    "Trường Chính trị tỉnh",
    "Báo Bắc Lâm",
];

const GOALS: &[&str] = &[
    "100% cơ quan đảng, chính quyền cấp tỉnh vận hành hệ thống quản lý văn bản điện tử liên thông",
    "tỷ lệ hộ nghèo giảm bình quân trên 2% mỗi năm",
    "có ít nhất 70% số xã đạt chuẩn nông thôn mới",
    "tốc độ tăng trưởng kinh tế bình quân đạt từ 7% trở lên",
    "100% tổ chức cơ sở đảng được kiểm tra, giám sát ít nhất một lần trong nhiệm kỳ",
    "tỷ lệ che phủ rừng duy trì ổn định trên 63%",
    "95% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",
    "hằng năm kết nạp từ 1.500 đảng viên mới trở lên",
    "100% trường học được kết nối mạng và sử dụng học bạ số",
    "tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 98%",
];

/// Sentences of administrative prose without citations.
const PLAIN: &[&str] = &[
    "Trong {period}, {org} đã chủ động tham mưu, đề xuất nhiều giải pháp thiết thực nhằm nâng cao hiệu quả {topic}.",
    "Việc lãnh đạo, chỉ đạo đối với {topic} tiếp tục được quan tâm và đạt được một số kết quả quan trọng, góp phần hoàn thành các chỉ tiêu, nhiệm vụ năm {year}.",
    "Tuy nhiên, việc triển khai ở một số địa phương, đơn vị còn chậm, chưa đồng bộ; công tác phối hợp giữa các cơ quan có lúc chưa chặt chẽ.",
    "Nguyên nhân của những hạn chế nêu trên chủ yếu là do nhận thức của một bộ phận cán bộ, đảng viên chưa đầy đủ; nguồn lực đầu tư còn hạn chế.",
    "Yêu cầu {org} tập trung rà soát, đánh giá toàn diện kết quả thực hiện, làm rõ những khó khăn, vướng mắc và đề xuất giải pháp khắc phục {deadline}.",
    "Tỷ lệ hoàn thành các chỉ tiêu được giao đạt {pct}%, tăng {pct2}% so với cùng kỳ năm {prev_year}.",
    "Toàn tỉnh đã tổ chức {n} hội nghị quán triệt, tuyên truyền với hơn {big} lượt cán bộ, đảng viên và quần chúng nhân dân tham gia.",
    "Các cấp ủy, tổ chức đảng cần nâng cao vai trò, trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ về {topic}.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong quản lý, điều hành, bảo đảm thông suốt, hiệu quả và an toàn thông tin.",
    "Thường xuyên kiểm tra, đôn đốc, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình tổ chức thực hiện.",
    "Giao {org} chủ trì, phối hợp với {org2} theo dõi, đôn đốc và định kỳ báo cáo kết quả thực hiện về Thường trực {scope}.",
    "Đồng chí {leader} ghi nhận, biểu dương những kết quả mà {org} đạt được trong thời gian qua.",
    "Bên cạnh những kết quả đạt được, vẫn còn một số tồn tại cần sớm được khắc phục, nhất là trong {topic}.",
    "Chất lượng tham mưu ở một số lĩnh vực chưa cao; việc cụ thể hóa các chủ trương của cấp trên có nội dung còn chung chung, thiếu giải pháp đột phá.",
    "Tập trung nguồn lực thực hiện hiệu quả các chương trình mục tiêu quốc gia trên địa bàn, ưu tiên các xã đặc biệt khó khăn, xã biên giới.",
    "Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích tiêu biểu; đồng thời xử lý nghiêm các trường hợp vi phạm.",
    "Làm tốt công tác tuyên truyền để cán bộ, đảng viên và nhân dân hiểu rõ, đồng thuận và tích cực tham gia thực hiện.",
    "Quá trình triển khai phải bảo đảm đúng quy định, công khai, minh bạch, không để xảy ra sai sót, gây bức xúc trong dư luận.",
    "Năm {year}, tổng thu ngân sách nhà nước trên địa bàn ước đạt {big} tỷ đồng, bằng {pct}% dự toán được giao.",
    "Đến nay, toàn tỉnh đã có {n} xã đạt chuẩn nông thôn mới, trong đó {small} xã đạt chuẩn nông thôn mới nâng cao.",
    "Tỷ lệ hộ nghèo giảm còn {small_pct}%, vượt chỉ tiêu đã đề ra cho năm {year}.",
    "Hệ thống văn bản của cấp ủy được ban hành kịp thời, đúng thẩm quyền, bảo đảm thể thức và kỹ thuật trình bày.",
    "Công tác kiểm tra, giám sát được tiến hành thường xuyên, có trọng tâm, trọng điểm; qua kiểm tra đã kịp thời chấn chỉnh những thiếu sót, khuyết điểm.",
    "Đội ngũ cán bộ từng bước được chuẩn hóa, trẻ hóa; tỷ lệ cán bộ nữ, cán bộ người dân tộc thiểu số trong cấp ủy đạt {small_pct2}%.",
    "Rà soát, sắp xếp, kiện toàn tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả, gắn với tinh giản biên chế.",
    "Chủ động nắm chắc tình hình tư tưởng của cán bộ, đảng viên và nhân dân, nhất là trước, trong và sau khi thực hiện các chủ trương lớn.",
    "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong giám sát, phản biện xã hội và tham gia góp ý xây dựng Đảng, xây dựng chính quyền.",
    "Các đơn vị khẩn trương xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm và rõ kết quả.",
    "Kết quả thực hiện là một trong những tiêu chí để đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên hằng năm.",
    "Tăng cường phối hợp giữa {org} với {org2} trong trao đổi thông tin, giải quyết công việc liên ngành.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về {org} để tổng hợp, báo cáo.",
    "Ngày {day_before}, đồng chí {leader} đã chủ trì cuộc họp nghe báo cáo tiến độ thực hiện các nhiệm vụ về {topic}.",
    "Nhìn chung, {org} đã bám sát chức năng, nhiệm vụ, chủ động triển khai các nhiệm vụ trọng tâm và đạt kết quả tích cực.",
    "Tiếp tục đổi mới nội dung, phương thức lãnh đạo của cấp ủy theo hướng sát cơ sở, sát thực tiễn, nói đi đôi với làm.",
    "Nâng cao chất lượng sinh hoạt chi bộ, chú trọng sinh hoạt chuyên đề gắn với nhiệm vụ chính trị của từng địa phương, đơn vị.",
    "Quản lý chặt chẽ đất đai, tài nguyên, khoáng sản; kiên quyết xử lý các trường hợp vi phạm pháp luật về bảo vệ môi trường.",
    "Huy động tối đa các nguồn lực xã hội hóa để đầu tư kết cấu hạ tầng kinh tế - xã hội, nhất là hạ tầng giao thông kết nối các khu kinh tế cửa khẩu.",
    "Giải ngân vốn đầu tư công đến ngày {day_before} đạt {pct}% kế hoạch; một số dự án trọng điểm còn chậm tiến độ do vướng mắc trong giải phóng mặt bằng.",
    "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu, bảo đảm an ninh chính trị, trật tự an toàn xã hội, không để bị động, bất ngờ trong mọi tình huống.",
    "Chú trọng đào tạo, bồi dưỡng nâng cao trình độ chuyên môn, kỹ năng số cho đội ngũ cán bộ, công chức, viên chức.",
    "Việc lưu trữ hồ sơ, tài liệu được thực hiện đúng quy định; từng bước số hóa tài liệu lưu trữ lịch sử của tỉnh.",
    "Đề nghị các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn tăng cường theo dõi, chỉ đạo sát sao việc thực hiện ở cơ sở.",
    "Công tác chăm sóc sức khỏe nhân dân có nhiều chuyển biến; tỷ lệ dân số tham gia bảo hiểm y tế đạt {pct}%.",
    "Chất lượng giáo dục toàn diện được nâng lên; tỷ lệ trường đạt chuẩn quốc gia đạt {small_pct2}%.",
    "Lượng khách du lịch đến tỉnh năm {year} ước đạt {big} nghìn lượt, tổng thu từ du lịch tăng {pct2}% so với năm trước.",
    "Thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; giữ gìn đoàn kết, thống nhất trong nội bộ.",
    "Cấp ủy các cấp cần xác định đây là nhiệm vụ trọng tâm, thường xuyên, lâu dài, gắn với trách nhiệm của người đứng đầu.",
    "Trường hợp cần thiết, {org} chủ động báo cáo, đề xuất Thường trực {scope} xem xét, cho ý kiến chỉ đạo.",
    "Phấn đấu đến năm {fyear}, {goal}.",
    "Qua theo dõi, có {small} cơ quan, đơn vị chưa gửi báo cáo đúng thời hạn, ảnh hưởng đến việc tổng hợp chung của tỉnh.",
];

/// Sentences that carry one citation (`{cite}`) or several (`{cites}`, two `{cite}`).
const CITING: &[&str] = &[
    "Thực hiện {cite}, {org} đã ban hành kế hoạch triển khai và tổ chức quán triệt đến toàn thể cán bộ, đảng viên.",
    "Căn cứ {cite}, các cơ quan, đơn vị xây dựng chương trình, kế hoạch cụ thể để tổ chức thực hiện phù hợp với điều kiện thực tế.",
    "Sau {small} năm triển khai {cite}, nhận thức của cấp ủy, chính quyền và cán bộ, đảng viên về {topic} có chuyển biến rõ nét.",
    "Tiếp tục quán triệt, triển khai thực hiện nghiêm túc, hiệu quả {cite}; gắn với thực hiện các nhiệm vụ chính trị trọng tâm của địa phương.",
    "Việc thực hiện {cite} còn một số hạn chế: tiến độ một số nhiệm vụ chậm so với yêu cầu, nguồn lực bố trí chưa đáp ứng.",
    "Đề nghị {org} rà soát các nhiệm vụ được giao tại {cite}; báo cáo kết quả {deadline}.",
    "Bám sát mục tiêu, nhiệm vụ, giải pháp đã đề ra tại {cite}, tập trung chỉ đạo hoàn thành các chỉ tiêu còn đạt thấp.",
    "Ban Thường vụ đã ban hành {cite} để lãnh đạo, chỉ đạo thống nhất trong toàn Đảng bộ.",
    "Theo {cite}, đến năm {fyear} phấn đấu {goal}.",
    "Nội dung này đã được cụ thể hóa tại {cite} và được các địa phương triển khai tương đối đồng bộ.",
    "Kết quả sơ kết cho thấy {cite} đã đi vào cuộc sống, tạo chuyển biến tích cực trong {topic}.",
    "Giao {org} chủ trì tham mưu tổng kết {cite}, đề xuất ban hành văn bản mới phù hợp với tình hình thực tế.",
    "Các nội dung không trái với quy định tại {cite} tiếp tục được thực hiện cho đến khi có hướng dẫn mới.",
    "Gắn việc thực hiện {cite} với việc thực hiện {cite} nhằm bảo đảm sự thống nhất, đồng bộ trong lãnh đạo, chỉ đạo.",
    "Lồng ghép nội dung {cite} vào chương trình sinh hoạt chi bộ định kỳ hằng tháng.",
    "Chi tiết các nhiệm vụ được giao thực hiện theo {cite} và các văn bản hướng dẫn có liên quan.",
    "Thực hiện {cites}, {org} đã chủ động xây dựng kế hoạch và phân công nhiệm vụ cụ thể cho từng bộ phận.",
    "Quán triệt sâu sắc {cites} đến từng chi bộ, từng cán bộ, đảng viên trong toàn Đảng bộ.",
];

/// How many citations a template writes (a `{cites}` list writes at least two).
fn cite_slots(template: &str) -> usize {
    template.matches("{cite}").count() + 2 * template.matches("{cites}").count()
}

const SUB_LABELS: &[&str] = &[
    "Về công tác chính trị, tư tưởng",
    "Về công tác tổ chức, cán bộ",
    "Về công tác kiểm tra, giám sát",
    "Về công tác dân vận",
    "Về phát triển kinh tế",
    "Về lĩnh vực văn hóa - xã hội",
    "Về quốc phòng, an ninh",
    "Về chuyển đổi số",
    "Về cải cách hành chính",
    "Về công tác phối hợp",
    "Về chế độ thông tin, báo cáo",
    "Về kết quả thực hiện",
    "Về những hạn chế, tồn tại",
    "Về nhiệm vụ thời gian tới",
    "Về tài chính, ngân sách",
    "Về đầu tư công",
];

const PLAN_LABELS: &[&str] = &[
    "Mục đích",
    "Yêu cầu",
    "Mục tiêu chung",
    "Mục tiêu cụ thể",
    "Nhiệm vụ trọng tâm",
    "Giải pháp chủ yếu",
    "Phân công nhiệm vụ",
    "Chế độ báo cáo",
    "Kết quả đạt được",
    "Hạn chế, nguyên nhân",
    "Bài học kinh nghiệm",
];

const EXTRA_HEADS: &[&str] = &[
    "NHIỆM VỤ CỤ THỂ",
    "GIẢI PHÁP CHỦ YẾU",
    "PHÂN CÔNG THỰC HIỆN",
    "CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
    "MỘT SỐ NHIỆM VỤ KHÁC",
];

const TASKS: &[&str] = &[
    "Tổ chức quán triệt, phổ biến nội dung văn bản đến toàn thể cán bộ, đảng viên",
    "Xây dựng kế hoạch kiểm tra, giám sát chuyên đề năm {year}",
    "Rà soát, bổ sung quy hoạch cán bộ các cấp",
    "Đẩy mạnh cải cách thủ tục hành chính, nâng cao tỷ lệ hồ sơ giải quyết trực tuyến",
    "Tăng cường công tác thông tin, tuyên truyền trên các phương tiện thông tin đại chúng",
    "Kiện toàn ban chỉ đạo, tổ giúp việc các cấp",
    "Bố trí kinh phí bảo đảm cho việc triển khai thực hiện",
    "Định kỳ 6 tháng, hằng năm sơ kết, đánh giá kết quả thực hiện",
    "Phát hiện, nhân rộng các mô hình hay, cách làm hiệu quả",
    "Nâng cao chất lượng, hiệu quả hoạt động của các cơ quan tham mưu, giúp việc",
    "Số hóa hồ sơ, tài liệu và kết nối liên thông hệ thống quản lý văn bản",
    "Chú trọng tạo nguồn cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số",
    "Giải quyết dứt điểm đơn thư khiếu nại, tố cáo ngay từ cơ sở",
    "Tổ chức hội nghị sơ kết, tổng kết và biểu dương, khen thưởng kịp thời",
    "Theo dõi, nắm bắt dư luận xã hội, kịp thời định hướng thông tin",
    "Đôn đốc các dự án trọng điểm, tháo gỡ vướng mắc về giải phóng mặt bằng",
    "Bảo đảm an toàn, an ninh mạng đối với hệ thống thông tin của cơ quan",
    "Tăng cường phối hợp với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    "Rà soát, sửa đổi, bổ sung quy chế làm việc cho phù hợp",
    "Thực hiện nghiêm chế độ thông tin, báo cáo định kỳ và đột xuất",
    "Ưu tiên nguồn lực cho các xã đặc biệt khó khăn, xã biên giới",
    "Kiểm tra việc thực hiện kết luận sau kiểm tra, giám sát",
];

const STATS: &[(&str, &str)] = &[
    ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn", "%"),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng"),
    ("Số xã đạt chuẩn nông thôn mới", "xã"),
    ("Tỷ lệ hộ nghèo", "%"),
    ("Số đảng viên mới được kết nạp", "đảng viên"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%"),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến", "%"),
    ("Số cuộc kiểm tra, giám sát", "cuộc"),
    ("Tỷ lệ che phủ rừng", "%"),
    ("Số lượt khách du lịch", "nghìn lượt"),
    ("Số tổ chức cơ sở đảng được kiện toàn", "tổ chức"),
];

const GENERAL_ARTICLES: &[&str] =
    &["Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ", "Nguyên tắc thực hiện"];
const FINAL_ARTICLES: &[&str] = &["Tổ chức thực hiện", "Điều khoản thi hành", "Sửa đổi, bổ sung"];

const ARTICLES: &[&str] = &[
    "Thẩm quyền quyết định",
    "Quy trình thực hiện",
    "Hồ sơ, thủ tục",
    "Tiêu chuẩn, điều kiện",
    "Quan hệ phối hợp",
    "Chế độ thông tin, báo cáo",
    "Kinh phí thực hiện",
    "Khen thưởng và xử lý vi phạm",
    "Thời hạn giải quyết",
    "Kiểm tra, giám sát việc thực hiện",
    "Lưu trữ hồ sơ",
    "Công khai kết quả",
];

const CHAPTERS: &[&str] = &[
    "QUY ĐỊNH CHUNG",
    "NHỮNG QUY ĐỊNH CỤ THỂ",
    "TIÊU CHUẨN, ĐIỀU KIỆN VÀ QUY TRÌNH",
    "TRÁCH NHIỆM VÀ QUAN HỆ PHỐI HỢP",
    "CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
    "KINH PHÍ VÀ ĐIỀU KIỆN BẢO ĐẢM",
    "KHEN THƯỞNG, XỬ LÝ VI PHẠM",
    "TỔ CHỨC THỰC HIỆN",
];

const PARTY_RECIPIENTS: &[&str] = &[
    "Ban Thường vụ Tỉnh ủy (b/c)",
    "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy",
    "Các đồng chí Tỉnh ủy viên",
    "Các ban xây dựng Đảng của Tỉnh ủy",
    "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
    "Đảng đoàn Hội đồng nhân dân tỉnh",
    "Ban cán sự đảng Ủy ban nhân dân tỉnh",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Các sở, ban, ngành, đoàn thể tỉnh",
    "Báo Bắc Lâm, Đài Phát thanh và Truyền hình tỉnh",
];

const STATE_RECIPIENTS: &[&str] = &[
    "Thường trực Tỉnh ủy (b/c)",
    "Thường trực Hội đồng nhân dân tỉnh",
    "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "Các sở, ban, ngành tỉnh",
    "Ủy ban nhân dân các huyện, thành phố",
    "Cổng Thông tin điện tử tỉnh",
    "Kho bạc Nhà nước tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
];

/// Documents outside the archive: type word, number, date, body, subject.
const EXTERNAL: &[(&str, &str, Date, &str, &str)] = &[
    (
        "Thông tư",
        "01/2011/TT-BNV",
        date(2011, 1, 19),
        "Bộ Nội vụ",
        "hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính",
    ),
    (
        "Chỉ thị",
        "03-CT/TW",
        date(2011, 5, 14),
        "Bộ Chính trị",
        "tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
    ),
    (
        "Nghị quyết",
        "39-NQ/TW",
        date(2015, 4, 17),
        "Bộ Chính trị",
        "tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức",
    ),
    (
        "Chỉ thị",
        "05-CT/TW",
        date(2016, 5, 15),
        "Bộ Chính trị",
        "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "Quyết định",
        "1600/QĐ-TTg",
        date(2016, 8, 16),
        "Thủ tướng Chính phủ",
        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2016-2020",
    ),
    (
        "Nghị quyết",
        "18-NQ/TW",
        date(2017, 10, 25),
        "Ban Chấp hành Trung ương Đảng",
        "tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    ),
    (
        "Nghị quyết",
        "19-NQ/TW",
        date(2017, 10, 25),
        "Ban Chấp hành Trung ương Đảng",
        "tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập",
    ),
    (
        "Hướng dẫn",
        "36-HD/VPTW",
        date(2018, 4, 3),
        "Văn phòng Trung ương Đảng",
        "thể thức và kỹ thuật trình bày văn bản của Đảng",
    ),
    (
        "Nghị quyết",
        "26-NQ/TW",
        date(2018, 5, 19),
        "Ban Chấp hành Trung ương Đảng",
        "tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược",
    ),
    (
        "Nghị quyết",
        "35-NQ/TW",
        date(2018, 10, 22),
        "Bộ Chính trị",
        "tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới",
    ),
    (
        "Nghị quyết",
        "52-NQ/TW",
        date(2019, 9, 27),
        "Bộ Chính trị",
        "một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
    ),
    ("Nghị định", "30/2020/NĐ-CP", date(2020, 3, 5), "Chính phủ", "công tác văn thư"),
    (
        "Quyết định",
        "749/QĐ-TTg",
        date(2020, 6, 3),
        "Thủ tướng Chính phủ",
        "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
    ),
    (
        "Kết luận",
        "01-KL/TW",
        date(2021, 5, 18),
        "Bộ Chính trị",
        "tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "Quy định",
        "22-QĐ/TW",
        date(2021, 7, 28),
        "Ban Chấp hành Trung ương Đảng",
        "công tác kiểm tra, giám sát và kỷ luật của Đảng",
    ),
    (
        "Kết luận",
        "14-KL/TW",
        date(2021, 9, 22),
        "Bộ Chính trị",
        "chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung",
    ),
    (
        "Quyết định",
        "1719/QĐ-TTg",
        date(2021, 10, 14),
        "Thủ tướng Chính phủ",
        "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    ),
    (
        "Kết luận",
        "21-KL/TW",
        date(2021, 10, 25),
        "Ban Chấp hành Trung ương Đảng",
        "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    ),
    (
        "Nghị quyết",
        "27-NQ/TW",
        date(2022, 11, 9),
        "Ban Chấp hành Trung ương Đảng",
        "tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới",
    ),
    (
        "Nghị định",
        "24/2023/NĐ-CP",
        date(2023, 5, 14),
        "Chính phủ",
        "mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
    ),
    (
        "Quy định",
        "144-QĐ/TW",
        date(2024, 5, 9),
        "Bộ Chính trị",
        "chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới",
    ),
    (
        "Chỉ thị",
        "35-CT/TW",
        date(2024, 6, 14),
        "Bộ Chính trị",
        "đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
    ),
    (
        "Nghị quyết",
        "57-NQ/TW",
        date(2024, 12, 22),
        "Bộ Chính trị",
        "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    ),
];

const ROMAN: &[&str] =
    &["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

fn roman(n: usize) -> &'static str {
    ROMAN[(n.max(1) - 1).min(ROMAN.len() - 1)]
}

// ---------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Vietnamese thousands separator: 12345 → "12.345".
fn vn_int(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A percentage with a decimal comma, between `lo` and `hi` (whole percent).
fn vn_pct(rng: &mut Rng, lo: usize, hi: usize) -> String {
    format!("{},{}", rng.range(lo, hi), rng.below(10))
}

fn ascii_fold(c: char) -> char {
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ' | 'ẫ'
        | 'ậ' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở' | 'ỡ'
        | 'ợ' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
        'đ' => 'd',
        other => other,
    }
}

/// ASCII slug: "Thông báo 45-TB/VPTU" → "thong-bao-45-tb-vptu".
fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase).map(ascii_fold) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A YAML double-quoted scalar.
fn yq(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------------------
// The plan: dates, issuers, types and numbers of every notice
// ---------------------------------------------------------------------------

struct Notice {
    date: Date,
    issuer: usize,
    kind: Kind,
    normative: bool,
    seq: u32,
    number: String,
    key: String,
    topic: usize,
    rel_path: String,
}

impl Notice {
    fn issuer(&self) -> &'static Issuer {
        &ISSUERS[self.issuer]
    }

    /// The number as written; `pad` writes sequence numbers below 10 with a leading zero.
    fn number_as(&self, pad: bool) -> String {
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

fn random_dates(rng: &mut Rng, n: usize) -> Vec<Date> {
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

fn pick_issuer(rng: &mut Rng, d: Date) -> usize {
    let weights: Vec<u32> =
        ISSUERS.iter().map(|i| if i.from <= d && d <= i.until { i.weight } else { 0 }).collect();
    rng.weighted(&weights)
}

fn pick_topic(rng: &mut Rng, issuer: &Issuer) -> usize {
    if !issuer.topics.is_empty() && rng.chance(70) {
        *rng.pick(issuer.topics)
    } else {
        rng.below(TOPICS.len())
    }
}

/// Step between two consecutive numbers of the archive (the archive holds a subset).
fn number_gap(rng: &mut Rng, issuer: &Issuer, kind: Kind, normative: bool) -> u32 {
    let max = match (issuer.party, kind) {
        _ if normative => 1,
        (false, QuyetDinh) => 40,
        (false, _) | (true, ThongBao) => 4,
        (true, _) => 2,
    };
    1 + rng.below(max) as u32
}

type CounterKey = (usize, &'static str, i32, bool);

fn plan(rng: &mut Rng, n: usize) -> Vec<Notice> {
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

struct Corpus {
    notices: Vec<Notice>,
    /// Canonical key → notices written so far, oldest first.
    by_key: HashMap<String, Vec<usize>>,
    by_issuer: Vec<Vec<usize>>,
    landmarks: Vec<usize>,
    written: usize,
}

impl Corpus {
    fn new(notices: Vec<Notice>) -> Self {
        Corpus {
            notices,
            by_key: HashMap::new(),
            by_issuer: vec![Vec::new(); ISSUERS.len()],
            landmarks: Vec::new(),
            written: 0,
        }
    }

    fn register(&mut self, i: usize) {
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
    fn is_latest(&self, t: usize) -> bool {
        self.by_key.get(&self.notices[t].key).and_then(|v| v.last()) == Some(&t)
    }

    /// `162-NQ/TU@2024`, or the bare number when that is unambiguous.
    fn reference(&self, rng: &mut Rng, t: usize) -> String {
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
struct Signers(Vec<[[usize; 3]; 3]>);

impl Signers {
    fn assign(rng: &mut Rng) -> Self {
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
    fn sign(&self, rng: &mut Rng, n: &Notice) -> (&'static str, &'static str, &'static str) {
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
enum RelKind {
    Replaces,
    Amends,
    Implements,
    BasedOn,
}

impl RelKind {
    fn key(self) -> &'static str {
        match self {
            RelKind::Replaces => "replaces",
            RelKind::Amends => "amends",
            RelKind::Implements => "implements",
            RelKind::BasedOn => "based_on",
        }
    }
}

struct Relation {
    kind: RelKind,
    target: usize,
    value: String,
}

/// An element of `list` dated strictly before `d`, recent ones more likely.
fn earlier_than(
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

fn choose_relation(rng: &mut Rng, corpus: &Corpus, me: usize) -> Option<Relation> {
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

fn period_of(d: Date) -> String {
    match d.m {
        1 => format!("năm {}", d.y - 1),
        2..=4 => format!("quý I năm {}", d.y),
        5..=7 => format!("6 tháng đầu năm {}", d.y),
        8..=10 => format!("9 tháng năm {}", d.y),
        _ => format!("năm {}", d.y),
    }
}

fn term_of(d: Date) -> &'static str {
    if d < TERM_2020 {
        "2015-2020"
    } else if d < TERM_2025 {
        "2020-2025"
    } else {
        "2025-2030"
    }
}

fn scope_of(issuer: &Issuer) -> &'static str {
    match (issuer.party, issuer.code) {
        (true, "HU") => "Huyện ủy",
        (true, _) => "Tỉnh ủy",
        (false, _) => "Ủy ban nhân dân tỉnh",
    }
}

/// `Nghị quyết số 12-NQ/TU của Ban Thường vụ Tỉnh ủy về …`, used in titles.
fn title_reference(rng: &mut Rng, corpus: &Corpus, t: usize) -> String {
    let n = &corpus.notices[t];
    format!("{} số {} của {} về {}", n.kind.name(), n.number, rng.pick(n.issuer().cite_as), TOPICS[n.topic].0)
}

fn plain_title(rng: &mut Rng, n: &Notice) -> String {
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

fn make_title(rng: &mut Rng, corpus: &Corpus, me: usize, rel: Option<&Relation>) -> String {
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

fn recipients(rng: &mut Rng, n: &Notice) -> Vec<String> {
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

fn tags(rng: &mut Rng, n: &Notice) -> Vec<&'static str> {
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
// Bodies
// ---------------------------------------------------------------------------

struct Body<'a> {
    rng: &'a mut Rng,
    corpus: &'a Corpus,
    me: &'a Notice,
    leader: &'static str,
    last_org: &'static str,
    out: String,
    cites_left: usize,
    target: usize,
    md_headings: bool,
    title: &'a str,
    /// Templates used lately (indexes into PLAIN, then CITING), not to be repeated soon.
    recent: [usize; 8],
    recent_pos: usize,
    article_label: usize,
}

impl<'a> Body<'a> {
    fn new(rng: &'a mut Rng, corpus: &'a Corpus, me: usize, title: &'a str) -> Self {
        let me = &corpus.notices[me];
        let leader = *rng.pick(me.issuer().leaders);
        let cites_left = rng.range(5, 15);
        let target = rng.range(5_800, 12_500);
        let md_headings = rng.chance(45);
        Body {
            rng,
            corpus,
            me,
            leader,
            last_org: "",
            out: String::with_capacity(16 * 1024),
            cites_left,
            target,
            md_headings,
            title,
            recent: [usize::MAX; 8],
            recent_pos: 0,
            article_label: 0,
        }
    }

    /// Whether another block fits, keeping space for the closing and the citations
    /// still to write.
    fn room(&self) -> bool {
        self.out.len() + 600 + 150 * self.cites_left < self.target
    }

    fn push_block(&mut self, block: &str) {
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(block);
    }

    // --- template slots -----------------------------------------------------

    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 96);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}').unwrap_or(after.len());
            let value = self.slot(&after[..close]);
            out.push_str(&value);
            rest = after.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }

    fn org(&mut self) -> &'static str {
        loop {
            let o = *self.rng.pick(ORGS);
            if o != self.last_org {
                self.last_org = o;
                return o;
            }
        }
    }

    fn slot(&mut self, name: &str) -> String {
        let d = self.me.date;
        match name {
            "org" | "org2" => self.org().to_string(),
            "topic" => {
                let t = if self.rng.chance(70) { self.me.topic } else { self.rng.below(TOPICS.len()) };
                TOPICS[t].0.to_string()
            }
            "leader" => self.leader.to_string(),
            "scope" => scope_of(self.me.issuer()).to_string(),
            "year" => d.y.to_string(),
            "prev_year" => (d.y - 1).to_string(),
            "fyear" => (d.y + self.rng.range(2, 6) as i32).to_string(),
            "period" => period_of(d),
            "pct" => vn_pct(self.rng, 82, 99),
            "pct2" => vn_pct(self.rng, 1, 12),
            "small_pct" => vn_pct(self.rng, 1, 9),
            "small_pct2" => vn_pct(self.rng, 20, 60),
            "n" => self.rng.range(12, 180).to_string(),
            "small" => self.rng.range(2, 9).to_string(),
            "big" => vn_int(self.rng.range(1_200, 48_000)),
            "day_before" => d.add_days(-(self.rng.range(2, 40) as i64)).short(),
            "deadline" => self.deadline(),
            "goal" => self.rng.pick(GOALS).to_string(),
            "cite" => self.cite(),
            "cites" => self.cite_list(),
            other => unreachable!("unknown template slot {other}"),
        }
    }

    fn deadline(&mut self) -> String {
        let d = self.me.date.add_days(self.rng.range(20, 120) as i64);
        match self.rng.below(3) {
            0 => format!("trước ngày {}", d.short()),
            1 => format!("trước {}", d.long()),
            _ => format!("trong quý {} năm {}", roman(((d.m - 1) / 3 + 1) as usize), d.y),
        }
    }

    // --- citations ------------------------------------------------------------

    /// A notice written before this one, other than one sharing its key.
    fn internal_target(&mut self) -> Option<usize> {
        let c = self.corpus;
        if c.written == 0 {
            return None;
        }
        let own = &c.by_issuer[self.me.issuer];
        let t = match self.rng.below(100) {
            0..=34 if !own.is_empty() => self.rng.recent(own, 2.5),
            35..=69 if !c.landmarks.is_empty() => self.rng.recent(&c.landmarks, 1.6),
            _ => {
                let u = self.rng.unit().powi(2);
                c.written - 1 - ((u * c.written as f64) as usize).min(c.written - 1)
            }
        };
        (c.notices[t].key != self.me.key).then_some(t)
    }

    fn date_suffix(&mut self, d: Date) -> String {
        match self.rng.below(100) {
            0..=54 => format!(", ngày {}", d.short()),
            55..=69 => format!(", ngày {}", d.padded()),
            70..=84 => format!(" ngày {}", d.short()),
            _ => format!(", {}", d.long()),
        }
    }

    fn cite(&mut self) -> String {
        self.cites_left = self.cites_left.saturating_sub(1);
        self.cite_one(true)
    }

    fn cite_one(&mut self, tail: bool) -> String {
        // About one citation in ten names a document outside the archive.
        let internal = if self.rng.chance(10) { None } else { self.internal_target() };
        match internal {
            Some(t) => self.cite_internal(t, tail, false),
            None => self.cite_external(tail),
        }
    }

    /// Renders a citation of notice `t`; `formal` forces "Type số N" with a tail.
    fn cite_internal(&mut self, t: usize, tail: bool, formal: bool) -> String {
        let n = &self.corpus.notices[t];
        let needs_date = !self.corpus.is_latest(t);
        let pad = n.seq < 10 && self.rng.chance(60);
        let number = n.number_as(pad);
        let r = if formal { 30 } else { self.rng.below(100) };
        if r < 5 {
            let at = if needs_date || self.rng.chance(70) { format!("@{}", n.date.y) } else { String::new() };
            return format!("[{} số {number}](notice:{number}{at})", n.kind.name());
        }
        let with_date = needs_date || formal || self.rng.chance(50);
        let mut s = match r {
            5..=59 => format!("{} số {number}", n.kind.name()),
            60..=79 => format!("{} {number}", n.kind.name()),
            _ if !with_date => number,
            _ => format!("{} số {number}", n.kind.name()),
        };
        if with_date {
            s.push_str(&self.date_suffix(n.date));
        }
        let bare = !s.contains(' ');
        if tail && !bare {
            let who = *self.rng.pick(n.issuer().cite_as);
            match self.rng.below(100) {
                0..=49 => {
                    let _ = write!(s, " của {who} về {}", TOPICS[n.topic].0);
                }
                50..=69 => {
                    let _ = write!(s, " của {who}");
                }
                _ => {}
            }
        }
        s
    }

    fn cite_external(&mut self, tail: bool) -> String {
        let now = self.me.date;
        if self.rng.chance(20) {
            return self.cite_old_local();
        }
        let usable = EXTERNAL.partition_point(|e| e.2 <= now).max(1);
        let (word, number, d, body, about) = EXTERNAL[self.rng.below(usable)];
        let mut s =
            if self.rng.chance(80) { format!("{word} số {number}") } else { format!("{word} {number}") };
        if self.rng.chance(65) {
            s.push_str(&self.date_suffix(d));
        }
        if tail && self.rng.chance(70) {
            let _ = write!(s, " của {body} về {about}");
        }
        s
    }

    /// A document of a local issuer from before the archive starts.
    fn cite_old_local(&mut self) -> String {
        let kinds = [NghiQuyet, ChiThi, KetLuan, KeHoach, ChuongTrinh, DeAn];
        let kind = *self.rng.pick(&kinds);
        let d = date(
            self.rng.range(2011, 2014) as i32,
            self.rng.range(1, 12) as u32,
            self.rng.range(1, 28) as u32,
        );
        let mut seq = self.rng.range(1, 60);
        if format!("{seq}-{}/TU", kind.code()).to_uppercase() == self.me.key {
            seq += 1; // never the citing notice's own number
        }
        format!(
            "{} số {seq:02}-{}/TU{} của Ban Thường vụ Tỉnh ủy",
            kind.name(),
            kind.code(),
            self.date_suffix(d)
        )
    }

    /// "Nghị quyết số X, Đề án số Y, ngày d/m/yyyy": two or three citations.
    fn cite_list(&mut self) -> String {
        let k = if self.cites_left >= 3 && self.rng.chance(40) { 3 } else { 2 };
        self.cites_left = self.cites_left.saturating_sub(k);
        let mut parts: Vec<String> = Vec::with_capacity(k);
        while parts.len() < k {
            let last = parts.len() + 1 == k;
            let item = match self.internal_target() {
                Some(t) if !self.rng.chance(10) => self.cite_internal(t, last, false),
                _ => self.cite_external(last),
            };
            if !item.starts_with('[') {
                parts.push(item);
            }
        }
        let last = parts.pop().unwrap_or_default();
        let sep = if self.rng.chance(30) { " và " } else { ", " };
        format!("{}{sep}{last}", parts.join(", "))
    }

    // --- prose ----------------------------------------------------------------

    /// A template of `pool` accepted by `ok`, avoiding the ones used lately.
    fn fresh(
        &mut self,
        pool: &'static [&'static str],
        offset: usize,
        ok: impl Fn(&str) -> bool,
    ) -> &'static str {
        let mut tries = 0;
        loop {
            let i = self.rng.below(pool.len());
            tries += 1;
            if ok(pool[i]) && (tries > 12 || !self.recent.contains(&(offset + i))) {
                self.recent[self.recent_pos] = offset + i;
                self.recent_pos = (self.recent_pos + 1) % self.recent.len();
                return pool[i];
            }
        }
    }

    fn citing_template(&mut self, allowed: usize) -> &'static str {
        self.fresh(CITING, PLAIN.len(), |t| cite_slots(t) <= allowed)
    }

    fn sentence(&mut self) -> String {
        let remaining = self.target.saturating_sub(self.out.len()) / 230 + 1;
        let t = if self.cites_left > 0 && self.rng.below(remaining) < self.cites_left {
            self.citing_template(self.cites_left.max(1))
        } else {
            self.fresh(PLAIN, 0, |_| true)
        };
        self.fill(t)
    }

    fn sentences(&mut self, lo: usize, hi: usize) -> String {
        let k = self.rng.range(lo, hi);
        (0..k).map(|_| self.sentence()).collect::<Vec<_>>().join(" ")
    }

    fn paragraph(&mut self) {
        let p = self.sentences(2, 5);
        self.push_block(&p);
    }

    fn bullets(&mut self) {
        let k = self.rng.range(3, 6);
        let mut block = String::new();
        for i in 0..k {
            let task = *self.rng.pick(TASKS);
            let text = self.fill(task);
            let end = if i + 1 == k { "." } else { ";" };
            let _ = writeln!(block, "- {text}{end}");
        }
        block.pop();
        self.push_block(&block);
    }

    fn when(&mut self) -> String {
        let y = self.me.date.y;
        match self.rng.below(4) {
            0 => "Thường xuyên".to_string(),
            1 => format!("Quý {}/{y}", roman(self.rng.range(2, 4))),
            2 => format!("Tháng {}/{y}", self.rng.range(6, 12)),
            _ => format!("Năm {}", y + 1),
        }
    }

    fn task_table(&mut self) {
        let mut t = String::from(
            "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n\
             | :-: | --- | --- | --- | --- |",
        );
        for i in 1..=self.rng.range(4, 8) {
            let task = *self.rng.pick(TASKS);
            let task = self.fill(task);
            let (a, b) = (self.org(), self.org());
            let when = self.when();
            let _ = write!(t, "\n| {i} | {task} | {a} | {b} | {when} |");
        }
        self.push_block(&t);
    }

    fn stats_table(&mut self) {
        let y = self.me.date.y;
        let mut t = format!(
            "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm {y} | Thực hiện | Tỷ lệ (%) |\n\
             | :-: | --- | :-: | --: | --: | --: |"
        );
        let k = self.rng.range(4, 8);
        let start = self.rng.below(STATS.len());
        for i in 0..k {
            let (label, unit) = STATS[(start + i) % STATS.len()];
            let plan = if unit == "%" { self.rng.range(5, 98) } else { self.rng.range(12, 9_000) };
            let done = plan * self.rng.range(80, 115) / 100;
            let ratio = done as f64 * 100.0 / plan.max(1) as f64;
            let ratio = format!("{ratio:.1}").replace('.', ",");
            let _ = write!(
                t,
                "\n| {} | {label} | {unit} | {} | {} | {ratio} |",
                i + 1,
                vn_int(plan),
                vn_int(done)
            );
        }
        self.push_block(&t);
    }

    fn heading(&mut self, number: &str, title: &str) {
        let line =
            if self.md_headings { format!("## {number}. {title}") } else { format!("**{number}. {title}**") };
        self.push_block(&line);
    }

    // --- layouts ----------------------------------------------------------------

    fn relation_sentence(&mut self, rel: &Relation) -> String {
        self.cites_left = self.cites_left.saturating_sub(1);
        let cited = self.cite_internal(rel.target, true, true);
        let kind = self.me.kind.lower();
        match rel.kind {
            RelKind::Implements => {
                format!("Thực hiện {cited}, {} xây dựng {kind} triển khai như sau.", self.me.issuer().name)
            }
            RelKind::BasedOn => format!("Căn cứ {cited}, xét tình hình thực tế của địa phương, đơn vị."),
            RelKind::Amends => {
                format!("Sửa đổi, bổ sung một số nội dung của {cited} cho phù hợp với tình hình thực tế.")
            }
            RelKind::Replaces => format!("{} này thay thế {cited} kể từ ngày ký.", self.me.kind.name()),
        }
    }

    fn intro(&mut self, rel: Option<&Relation>) {
        let mut p = String::new();
        if let Some(r) = rel {
            p = self.relation_sentence(r);
            p.push(' ');
        }
        if matches!(self.me.kind, ThongBao | KetLuan) {
            let meeting = self.me.date.add_days(-(self.rng.range(1, 9) as i64));
            let org = self.org();
            let _ = write!(
                p,
                "Ngày {}, đồng chí {} chủ trì buổi làm việc với {org} về {}. ",
                meeting.short(),
                self.leader,
                TOPICS[self.me.topic].0
            );
            p.push_str(&self.sentences(1, 2));
            self.push_block(&p);
            let close = format!(
                "Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, đồng chí {} kết luận như sau:",
                self.leader
            );
            self.push_block(&close);
        } else {
            let cite = self.cite();
            let _ = write!(
                p,
                "Thực hiện {cite}; căn cứ tình hình thực tế, {} ban hành {} với những nội dung sau. ",
                self.me.issuer().name,
                self.me.kind.lower()
            );
            p.push_str(&self.sentences(1, 3));
            self.push_block(&p);
        }
    }

    /// Sections "**1. Về …:** text", as in conclusions and notices.
    fn layout_conclusion(&mut self) {
        let mut k = 1;
        while self.room() {
            if self.md_headings && k == 3 {
                self.push_block("## Nhiệm vụ trọng tâm thời gian tới");
            }
            let label = *self.rng.pick(SUB_LABELS);
            let text = self.sentences(2, 4);
            self.push_block(&format!("**{k}. {label}:** {text}"));
            if self.rng.chance(30) {
                for j in 1..=self.rng.range(2, 3) {
                    let text = self.sentences(1, 3);
                    self.push_block(&format!("**{k}.{j}.** {text}"));
                }
            }
            if self.rng.chance(35) {
                self.bullets();
            }
            if self.rng.chance(50) {
                self.paragraph();
            }
            k += 1;
        }
    }

    /// Roman sections with numbered subsections, as in plans, resolutions, reports.
    fn layout_sections(&mut self, heads: &[&str], stats: bool) {
        let mut r = 0;
        let mut tabled = false;
        while self.room() {
            let title = heads.get(r).copied().unwrap_or_else(|| *self.rng.pick(EXTRA_HEADS));
            r += 1;
            self.heading(roman(r), title);
            if self.rng.chance(40) {
                self.paragraph();
            }
            for j in 1..=self.rng.range(1, 3) {
                if !self.room() {
                    break;
                }
                self.subsection(j);
            }
            if !tabled && self.rng.chance(30) {
                tabled = true;
                if stats {
                    self.stats_table();
                } else {
                    self.task_table();
                }
            }
        }
    }

    fn subsection(&mut self, j: usize) {
        let pool = if self.rng.chance(50) { PLAN_LABELS } else { SUB_LABELS };
        let label = *self.rng.pick(pool);
        if self.rng.chance(50) {
            let text = self.sentences(2, 4);
            self.push_block(&format!("**{j}. {label}:** {text}"));
        } else {
            self.push_block(&format!("**{j}. {label}**"));
            self.paragraph();
        }
        if self.rng.chance(25) {
            for m in 1..=self.rng.range(2, 3) {
                let text = self.sentences(1, 2);
                self.push_block(&format!("**{j}.{m}.** {text}"));
            }
        }
        if self.rng.chance(40) {
            self.bullets();
        }
    }

    /// Chapters and articles, as in regulations and documents attached to decisions.
    fn layout_articles(&mut self) {
        let mut article = 1;
        for (c, &title) in CHAPTERS.iter().enumerate() {
            if !self.room() {
                break;
            }
            let number = roman(c + 1);
            if self.md_headings {
                self.push_block(&format!("## Chương {number}. {title}"));
            } else {
                self.push_block(&format!("**Chương {number}**\n\n**{title}**"));
            }
            let last = c + 1 == CHAPTERS.len();
            let count = if c == 0 { self.rng.range(2, GENERAL_ARTICLES.len()) } else { self.rng.range(2, 5) };
            for k in 0.. {
                if !self.room() || (k == count && !last) {
                    break;
                }
                let label = self.article_label(c, k);
                self.article(article, &label);
                article += 1;
            }
        }
    }

    /// Label of the `k`-th article of chapter `c`.
    fn article_label(&mut self, c: usize, k: usize) -> String {
        let last = c + 1 == CHAPTERS.len();
        match c {
            0 => GENERAL_ARTICLES[k.min(GENERAL_ARTICLES.len() - 1)].to_string(),
            _ if last && k < FINAL_ARTICLES.len() => FINAL_ARTICLES[k].to_string(),
            _ if CHAPTERS[c].starts_with("TRÁCH NHIỆM") || last || self.article_label >= ARTICLES.len() => {
                format!("Trách nhiệm của {}", self.org())
            }
            _ => {
                self.article_label += 1;
                ARTICLES[self.article_label - 1].to_string()
            }
        }
    }

    fn article(&mut self, number: usize, label: &str) {
        self.push_block(&format!("**Điều {number}. {label}**"));
        let mut clauses = String::new();
        for k in 1..=self.rng.range(2, 4) {
            let text = self.sentences(1, 2);
            let _ = writeln!(clauses, "{k}. {text}");
            if self.rng.chance(20) {
                let points = self.rng.range(2, 3);
                for (i, letter) in ["a", "b", "c"].iter().enumerate().take(points) {
                    let text = self.sentence();
                    let end = if i + 1 == points { "." } else { ";" };
                    let text = text.trim_end_matches('.');
                    // Points are paragraphs of the clause, one per line as on paper.
                    let _ = writeln!(clauses, "\n   {letter}) {text}{end}");
                }
            }
        }
        clauses.pop();
        self.push_block(&clauses);
    }

    fn layout_decision(&mut self, rel: Option<&Relation>) {
        let issuer = self.me.issuer();
        let basis = if issuer.party {
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;".to_string()
        } else {
            "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;".to_string()
        };
        self.push_block(&basis);
        let mut replaces = String::new();
        if let Some(r) = rel {
            let s = self.relation_sentence(r);
            if r.kind == RelKind::Replaces {
                replaces = format!(" {s}");
            } else {
                self.push_block(&s);
            }
        }
        for _ in 0..self.rng.range(1, 3) {
            let c = self.cite();
            self.push_block(&format!("Căn cứ {c};"));
        }
        let org = self.org();
        self.push_block(&format!("Xét đề nghị của {org},"));
        self.push_block("**QUYẾT ĐỊNH:**");
        let topic = TOPICS[self.me.topic].0;
        let is_plan = ["Kế hoạch", "Đoàn kiểm tra", "chỉ tiêu"].iter().any(|w| self.title.contains(w));
        let attached = match (self.me.normative, is_plan) {
            (true, _) => "Quy định",
            (false, true) => "Kế hoạch",
            (false, false) => "Quy chế",
        };
        let action = capitalize(self.title.strip_prefix("Về việc ").unwrap_or(self.title));
        let art1 = if action.starts_with("Ban hành") {
            format!("**Điều 1.** Ban hành kèm theo Quyết định này {attached} về {topic}.")
        } else {
            format!("**Điều 1.** {action} (chi tiết tại {attached} ban hành kèm theo Quyết định này).")
        };
        self.push_block(&art1);
        self.push_block(&format!("**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.{replaces}"));
        let who = format!(
            "**Điều 3.** {}, {} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.",
            self.org(),
            self.org()
        );
        self.push_block(&who);
        let header = format!(
            "## {} VỀ {}\n\n*(Ban hành kèm theo Quyết định số {}, ngày {} của {})*",
            attached.to_uppercase(),
            topic.to_uppercase(),
            self.me.number,
            self.me.date.short(),
            issuer.name
        );
        self.push_block(&header);
        if is_plan && !self.me.normative {
            self.layout_sections(PLAN_HEADS, false);
        } else {
            self.layout_articles();
        }
    }

    fn closing(&mut self) {
        let mut extra = Vec::new();
        while self.cites_left > 0 {
            let t = self.citing_template(self.cites_left);
            extra.push(self.fill(t));
        }
        if !extra.is_empty() {
            let p = extra.join(" ");
            self.push_block(&p);
        }
        let issuer = self.me.issuer();
        let last = match self.me.kind {
            ThongBao => format!("{} thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện.", issuer.name),
            QuyetDinh | QuyDinh | QuyChe => "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh kịp thời để xem xét, sửa đổi, bổ sung cho phù hợp.".to_string(),
            BaoCao | ToTrinh => format!("Trên đây là {} của {}.", self.me.kind.lower(), issuer.name),
            _ => format!(
                "Trên đây là {} của {}, đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện.",
                self.me.kind.lower(),
                issuer.name
            ),
        };
        if self.rng.chance(3) {
            self.push_block(&format!("{last}[^1]"));
            self.push_block(
                "[^1]: Văn bản được gửi kèm bản điện tử qua hệ thống quản lý văn bản và điều hành.",
            );
        } else {
            self.push_block(&last);
        }
    }

    fn build(mut self, rel: Option<&Relation>) -> String {
        match self.me.kind {
            QuyetDinh => self.layout_decision(rel),
            QuyDinh | QuyChe => {
                self.intro(rel);
                self.layout_articles();
            }
            kind => {
                self.intro(rel);
                match kind {
                    ThongBao | KetLuan => self.layout_conclusion(),
                    BaoCao => self.layout_sections(REPORT_HEADS, true),
                    NghiQuyet => self.layout_sections(RESOLUTION_HEADS, false),
                    ChiThi => self.layout_sections(DIRECTIVE_HEADS, false),
                    DeAn => self.layout_sections(PROJECT_HEADS, false),
                    HuongDan => self.layout_sections(GUIDE_HEADS, false),
                    ToTrinh => self.layout_sections(SUBMISSION_HEADS, true),
                    _ => self.layout_sections(PLAN_HEADS, false),
                }
            }
        }
        self.closing();
        self.out.push('\n');
        self.out
    }
}

const REPORT_HEADS: &[&str] = &[
    "ĐẶC ĐIỂM TÌNH HÌNH",
    "KẾT QUẢ THỰC HIỆN",
    "HẠN CHẾ, NGUYÊN NHÂN",
    "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    "ĐỀ XUẤT, KIẾN NGHỊ",
];
const RESOLUTION_HEADS: &[&str] =
    &["TÌNH HÌNH VÀ NGUYÊN NHÂN", "QUAN ĐIỂM, MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"];
const DIRECTIVE_HEADS: &[&str] = &["TÌNH HÌNH", "NHIỆM VỤ TRỌNG TÂM", "TỔ CHỨC THỰC HIỆN"];
const PROJECT_HEADS: &[&str] = &[
    "SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN",
    "THỰC TRẠNG",
    "MỤC TIÊU, CHỈ TIÊU",
    "NHIỆM VỤ, GIẢI PHÁP",
    "NGUỒN LỰC VÀ KINH PHÍ",
    "TỔ CHỨC THỰC HIỆN",
];
const GUIDE_HEADS: &[&str] = &["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG HƯỚNG DẪN", "TỔ CHỨC THỰC HIỆN"];
const SUBMISSION_HEADS: &[&str] = &["SỰ CẦN THIẾT", "NỘI DUNG ĐỀ NGHỊ", "KIẾN NGHỊ"];
const PLAN_HEADS: &[&str] =
    &["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG, NHIỆM VỤ", "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"];

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
