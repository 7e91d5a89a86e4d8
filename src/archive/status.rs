//! A notice's declared status against its own dates on the day of the build.
//!
//! The status a page shows is the one its file declares (or `in-force`), unless an archived
//! notice replaced or repealed it. Its `effective` and `expires` dates are shown in its history
//! but do not change it: a page would otherwise change with the day it was built on. What this
//! owns is the warning when the two disagree on the day of the build, and the next day on which
//! that could change. Which notices replace which is decided by linking, not here.

use std::sync::Arc;

use jiff::civil::Date;

use super::NoticeLinks;
use crate::content::{Notice, Status};
use crate::diag::Diagnostic;
use crate::msg;

/// What a notice's dates say of its status on `today`, when its declared status says otherwise:
/// the key of the date that says it, that date, and the status it calls for.
fn disagreement(notice: &Notice, links: &NoticeLinks, today: Date) -> Option<(&'static str, Date, Status)> {
    if notice.draft || links.ended_by.is_some() {
        return None;
    }
    let begun = |date: Date| date <= today;
    match notice.status {
        Status::InForce | Status::PartlyExpired | Status::NotYetInForce
            if notice.expires.is_some_and(begun) =>
        {
            Some(("expires", notice.expires?, Status::Expired))
        }
        Status::InForce | Status::PartlyExpired if notice.effective.is_some_and(|d| !begun(d)) => {
            Some(("effective", notice.effective?, Status::NotYetInForce))
        }
        Status::NotYetInForce if notice.effective.is_some_and(begun) => {
            Some(("effective", notice.effective?, Status::InForce))
        }
        _ => None,
    }
}

/// Warns of each published notice whose declared status its own dates contradict on `today`:
/// expired by its `expires`, not yet in force by its `effective`, or in force since it.
pub(super) fn check_status_dates(
    notices: &[Arc<Notice>],
    links: &[NoticeLinks],
    today: Date,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (notice, links) in notices.iter().zip(links) {
        let Some((key, date, called_for)) = disagreement(notice, links, today) else { continue };
        let line = match key {
            "expires" => notice.lines.expires,
            _ => notice.lines.effective,
        };
        let (declared, called_for) = (notice.status.code(), called_for.code());
        diagnostics.push(
            Diagnostic::warning(
                &notice.source_path,
                line as usize,
                1,
                msg!("status-against-date", key = key, date = date.to_string(), status = declared),
            )
            .with_help(msg!("help-status-against-date", status = called_for, key = key)),
        );
    }
}

/// The first day after `today` on which a notice's dates could start to contradict its
/// declared status, or stop to: until then, a build that changes nothing says what the last
/// one said.
pub(super) fn next_status_day<'a>(notices: impl Iterator<Item = &'a Notice>, today: Date) -> Option<Date> {
    notices.filter(|n| !n.draft).flat_map(|n| [n.effective, n.expires]).flatten().filter(|&d| d > today).min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// A notice read from a file with these keys.
    fn notice(status: Status, effective: Option<Date>, expires: Option<Date>) -> Notice {
        let mut text = format!(
            "---\nnumber: 5/TB-VP\ntitle: Thông báo nghỉ\nissuer: Văn phòng\ndate: 2020-01-02\nstatus: {}\n",
            status.code()
        );
        text.extend(effective.map(|d| format!("effective: {d}\n")));
        text.extend(expires.map(|d| format!("expires: {d}\n")));
        text.push_str("---\nNội dung.\n");
        let config = crate::config::SiteConfig::default();
        let loaded = crate::content::parse_notice("content/a.md", text.into_bytes(), Vec::new(), &config);
        let notice = loaded.parsed.unwrap_or_else(|| panic!("{:?}", loaded.problems)).notice;
        assert_eq!((notice.status, notice.effective, notice.expires), (status, effective, expires));
        notice
    }

    #[test]
    fn a_status_is_told_against_the_dates_of_the_day() {
        let today = date(2026, 3, 10);
        let (past, future) = (Some(date(2026, 3, 10)), Some(date(2026, 3, 11)));
        use Status::*;
        let cases = [
            // Agreeing: no warning.
            (InForce, None, None, None),
            (InForce, past, None, None),
            (InForce, None, future, None),
            (NotYetInForce, future, None, None),
            (Expired, None, past, None),
            (Expired, past, None, None),
            (PartlyExpired, past, future, None),
            // The day an `expires` is reached counts as passed; the day before does not.
            (InForce, None, past, Some(("expires", Expired))),
            (PartlyExpired, None, past, Some(("expires", Expired))),
            (NotYetInForce, None, past, Some(("expires", Expired))),
            (InForce, future, None, Some(("effective", NotYetInForce))),
            (NotYetInForce, past, None, Some(("effective", InForce))),
        ];
        for (status, effective, expires, expected) in cases {
            let found = disagreement(&notice(status, effective, expires), &NoticeLinks::default(), today)
                .map(|(key, _, status)| (key, status));
            assert_eq!(found, expected, "{status:?} effective {effective:?} expires {expires:?}");
        }
    }

    #[test]
    fn the_warning_stands_at_the_line_of_the_date_that_says_so() {
        let mut problems = Vec::new();
        let expired = Arc::new(notice(Status::InForce, Some(date(2020, 1, 2)), Some(date(2021, 1, 1))));
        check_status_dates(&[expired], &[NoticeLinks::default()], date(2026, 3, 10), &mut problems);
        let [problem] = problems.as_slice() else { panic!("{problems:?}") };
        assert_eq!((problem.path.as_str(), problem.line), ("content/a.md", 8));
        assert_eq!(problem.message.id(), "status-against-date");
    }

    #[test]
    fn a_notice_ended_by_another_or_a_draft_is_not_told() {
        let today = date(2026, 3, 10);
        let expired = notice(Status::InForce, None, Some(date(2020, 1, 1)));
        let ended =
            NoticeLinks { ended_by: Some((super::super::NoticeId::new(0), today)), ..Default::default() };
        assert_eq!(disagreement(&expired, &ended, today), None);
        let draft = Notice { draft: true, ..expired.clone() };
        assert_eq!(disagreement(&draft, &NoticeLinks::default(), today), None);
        assert!(disagreement(&expired, &NoticeLinks::default(), today).is_some());
    }

    #[test]
    fn the_next_status_day_is_the_first_date_after_today() {
        let today = date(2026, 3, 10);
        let notices = [
            notice(Status::InForce, Some(date(2026, 3, 1)), Some(date(2027, 1, 1))),
            notice(Status::InForce, Some(date(2026, 6, 1)), None),
            Notice { draft: true, ..notice(Status::InForce, Some(date(2026, 4, 1)), None) },
        ];
        assert_eq!(next_status_day(notices.iter(), today), Some(date(2026, 6, 1)));
        assert_eq!(next_status_day(notices[..1].iter(), date(2027, 1, 1)), None);
    }
}
