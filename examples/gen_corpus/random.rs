//! Pseudo-random numbers and calendar dates of the generated corpus.

// ---------------------------------------------------------------------------
// Pseudo-random numbers (SplitMix64)
// ---------------------------------------------------------------------------

pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; `n` must be positive.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Index of an item drawn with the given weights (not all zero).
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
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
    pub(crate) fn recent(&mut self, list: &[usize], flatness: f64) -> usize {
        let u = self.unit().powf(flatness);
        let back = ((u * list.len() as f64) as usize).min(list.len() - 1);
        list[list.len() - 1 - back]
    }
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) struct Date {
    pub(crate) y: i32,
    pub(crate) m: u32,
    pub(crate) d: u32,
}

pub(crate) const fn date(y: i32, m: u32, d: u32) -> Date {
    Date { y, m, d }
}

pub(crate) const FIRST_DAY: Date = date(2015, 1, 1);
pub(crate) const LAST_DAY: Date = date(2025, 12, 31);
pub(crate) const TERM_2020: Date = date(2020, 10, 1);
pub(crate) const TERM_2025: Date = date(2025, 10, 1);
pub(crate) const MERGE_2025: Date = date(2025, 2, 28);
pub(crate) const DISTRICTS_END: Date = date(2025, 6, 30);

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    pub(crate) fn days(self) -> i64 {
        let y = i64::from(if self.m <= 2 { self.y - 1 } else { self.y });
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i64::from(self.m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub(crate) fn from_days(z: i64) -> Date {
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

    pub(crate) fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub(crate) fn weekday(self) -> i64 {
        (self.days() + 3).rem_euclid(7)
    }

    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// `22/5/2024`
    pub(crate) fn short(self) -> String {
        format!("{}/{}/{}", self.d, self.m, self.y)
    }

    /// `04/07/2023`
    pub(crate) fn padded(self) -> String {
        format!("{:02}/{:02}/{}", self.d, self.m, self.y)
    }

    /// `ngày 22 tháng 5 năm 2024`
    pub(crate) fn long(self) -> String {
        format!("ngày {} tháng {} năm {}", self.d, self.m, self.y)
    }
}
