//! A notice's declared status against its own dates on the day of the build.
//!
//! The status a page shows is the one its file declares (or `in-force`), unless an archived
//! notice replacing or repealing it has taken effect by the day of the build ([`shown_status`]). Its `effective` and `expires` dates are shown in its history
//! but do not change it: a page would otherwise change with the day it was built on. What this
//! owns is the warning when the two disagree on the day of the build, and the next day on which
//! that could change. Which notices replace which is decided by linking, not here.

use std::sync::Arc;

use jiff::civil::Date;

use super::NoticeLinks;
use crate::content::{Notice, Status};
use crate::diag::Diagnostic;
use crate::msg;

/// The status a notice's page shows on `today`: the one it declares, unless an archived notice
/// replacing or repealing it, or a part of it, has taken effect by then; a draft has none yet.
pub(super) fn shown_status(notice: &Notice, links: &NoticeLinks, today: Date) -> Status {
    match notice.status {
        _ if notice.draft => Status::Draft,
        _ if links.ended_on(today) => Status::Expired,
        Status::InForce if links.partly_ended.is_some_and(|since| since <= today) => Status::PartlyExpired,
        declared => declared,
    }
}

/// What a notice's dates say of its status on `today`, when its declared status says otherwise:
/// the key of the date that says it, that date, and the status it calls for. `expires` is the
/// last day in force.
fn disagreement(notice: &Notice, links: &NoticeLinks, today: Date) -> Option<(&'static str, Date, Status)> {
    if notice.draft || links.ended_on(today) {
        return None;
    }
    let begun = |date: Date| date <= today;
    match notice.status {
        Status::InForce | Status::PartlyExpired | Status::NotYetInForce
            if notice.expires.is_some_and(|d| d < today) =>
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
        let shown = shown_status(notice, links, today);
        let message = msg!(
            "status-against-date",
            key = key,
            date = date.to_string(),
            status = notice.status.code(),
            shown = shown.code()
        );
        diagnostics.push(
            Diagnostic::warning(&notice.source_path, line as usize, 1, message).with_help(msg!(
                "help-status-against-date",
                status = called_for.code(),
                key = key
            )),
        );
    }
}

/// The first day after `today` on which a notice's status or what its dates say of it could
/// change: its `effective`, the day after its `expires`, the day a notice replacing or
/// repealing it (or a part of it) takes effect. Until then, a build that changes nothing says
/// what the last one said.
pub(super) fn next_status_day<'a>(
    notices: impl Iterator<Item = (&'a Notice, &'a NoticeLinks)>,
    today: Date,
) -> Option<Date> {
    let day_after = |d: Date| d.tomorrow().ok();
    notices
        .filter(|(n, _)| !n.draft)
        .flat_map(|(n, l)| {
            [n.effective, n.expires.and_then(day_after), l.ended_by.map(|(_, since)| since), l.partly_ended]
        })
        .flatten()
        .filter(|&d| d > today)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::NoticeId;
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
            // `expires` is the last day in force: told from the day after.
            (InForce, None, past, None),
            (InForce, None, Some(date(2026, 3, 9)), Some(("expires", Expired))),
            (PartlyExpired, None, Some(date(2026, 3, 9)), Some(("expires", Expired))),
            (NotYetInForce, None, Some(date(2026, 3, 9)), Some(("expires", Expired))),
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
    fn a_notice_ended_by_another_or_a_draft_is_not_told_until_the_other_takes_effect() {
        let today = date(2026, 3, 10);
        let expired = notice(Status::InForce, None, Some(date(2020, 1, 1)));
        let ended_by =
            |since| NoticeLinks { ended_by: Some((NoticeId::new(0), since)), ..Default::default() };
        assert_eq!(disagreement(&expired, &ended_by(today), today), None);
        // Replaced by a notice that takes effect later: what it says of itself holds until then.
        assert!(disagreement(&expired, &ended_by(date(2026, 3, 11)), today).is_some());
        let draft = Notice { draft: true, ..expired.clone() };
        assert_eq!(disagreement(&draft, &NoticeLinks::default(), today), None);
        assert!(disagreement(&expired, &NoticeLinks::default(), today).is_some());
    }

    #[test]
    fn the_next_status_day_is_the_first_day_after_today_a_status_could_change() {
        let today = date(2026, 3, 10);
        let none = NoticeLinks::default();
        let ended =
            NoticeLinks { ended_by: Some((NoticeId::new(0), date(2026, 5, 1))), ..Default::default() };
        let partly = NoticeLinks { partly_ended: Some(date(2026, 4, 15)), ..Default::default() };
        let notices = [
            (notice(Status::InForce, Some(date(2026, 3, 1)), Some(date(2027, 1, 1))), &none),
            (notice(Status::InForce, Some(date(2026, 6, 1)), None), &ended),
            (Notice { draft: true, ..notice(Status::InForce, Some(date(2026, 4, 1)), None) }, &partly),
        ];
        let day = |notices: &[(Notice, &NoticeLinks)], today| {
            next_status_day(notices.iter().map(|(n, l)| (n, *l)), today)
        };
        assert_eq!(day(&notices, today), Some(date(2026, 5, 1)));
        assert_eq!(day(&notices[..1], today), Some(date(2027, 1, 2)));
        // The last day in force has come: the day after it is still to come.
        assert_eq!(day(&notices[..1], date(2027, 1, 1)), Some(date(2027, 1, 2)));
        assert_eq!(day(&notices[..1], date(2027, 1, 2)), None);
        let partly_only = [(notice(Status::InForce, None, None), &partly)];
        assert_eq!(day(&partly_only, today), Some(date(2026, 4, 15)));
    }
}
