//! Relative pieces resolved against the reference date (2017-02-02 a
//! Thursday in the examples).
//!
//! | rel | written | resolved |
//! |---|---|---|
//! | `Day(k)` | `hôm qua`, `ngày mai`, `sáng nay` | 2017-02-01, 2017-02-03, 2017-02-02 |
//! | `Week(k)` | `tuần này`, `tuần sau` | 2017-01-30 – 2017-02-05, 2017-02-06 – 2017-02-12 (weeks start on Monday) |
//! | `Weekend(k)` | `cuối tuần này` | 2017-02-04 – 2017-02-05 |
//! | `WeekdayIn`, `WeekdayNext`, `WeekdayPrev` | `thứ hai tuần sau`, `thứ sáu tới`, `thứ ba vừa rồi` | 2017-02-06, 2017-02-03, 2017-01-31 |
//! | `Month(k)`, `Year(k)`, `Quarter(k)` | `tháng trước`, `năm ngoái`, `quý tới` | 2017-01, 2016, 2017 Q2 |
//! | `YearOf(k)`, `MonthOf(k)` | `tháng 5 năm nay`, `ngày 4 tháng này` | 2017-05, 2017-02-04 |
//! | `Upcoming`, `Past` | `tháng 3 tới`, `tháng 12 vừa qua` | 2017-03, 2016-12 |
//!
//! All arithmetic is checked; a result outside the calendar is `None`.

use super::Rel;
use crate::extract::calendar::RefDate;
use crate::fact::{Date, DateEnd};
/// Fills `date` from the reference date as `rel` says; `None` if the result
/// is not a date (arithmetic out of range, `ngày 31 tháng sau` in a
/// 30-day month).
pub(super) fn resolve(date: Date, rel: Rel, r: RefDate) -> Option<Date> {
    let mut d = date;
    d.relative = Some(true);
    let set_day = |d: &mut Date, x: RefDate| {
        d.year = Some(x.year());
        d.month = Some(x.month());
        d.day = Some(x.day());
    };
    let end_of = |x: RefDate| DateEnd {
        year: Some(x.year()),
        month: Some(x.month()),
        day: Some(x.day()),
    };
    let monday =
        |weeks: i64| r.add_days(weeks.checked_mul(7)?.checked_sub(i64::from(r.weekday()))?);
    match rel {
        Rel::Day(k) => set_day(&mut d, r.add_days(k)?),
        Rel::Week(k) => {
            let m = monday(k)?;
            set_day(&mut d, m);
            d.end = Some(end_of(m.add_days(6)?));
        }
        Rel::Weekend(k) => {
            let sat = monday(k)?.add_days(5)?;
            set_day(&mut d, sat);
            d.end = Some(end_of(sat.add_days(1)?));
        }
        Rel::WeekdayIn { week, weekday } => {
            let x = monday(week)?.add_days(i64::from(weekday) - 1)?;
            set_day(&mut d, x);
            d.weekday = Some(weekday);
        }
        Rel::WeekdayNext(w) => {
            let ahead = (i64::from(w) - 1 - i64::from(r.weekday())).rem_euclid(7);
            let x = r.add_days(if ahead == 0 { 7 } else { ahead })?;
            set_day(&mut d, x);
            d.weekday = Some(w);
        }
        Rel::WeekdayPrev(w) => {
            let back = (i64::from(r.weekday()) - (i64::from(w) - 1)).rem_euclid(7);
            let x = r.add_days(-(if back == 0 { 7 } else { back }))?;
            set_day(&mut d, x);
            d.weekday = Some(w);
        }
        Rel::Month(k) => {
            let x = RefDate::new(r.year(), r.month(), 1)?.add_months(k)?;
            d.year = Some(x.year());
            d.month = Some(x.month());
        }
        Rel::Year(k) => d.year = Some(r.year().checked_add(k)?),
        Rel::Quarter(k) => {
            let q0 = r
                .year()
                .checked_mul(4)?
                .checked_add(i32::from((r.month() - 1) / 3))?;
            let q = q0.checked_add(k)?;
            d.year = Some(q.div_euclid(4));
            d.quarter = Some(u8::try_from(q.rem_euclid(4) + 1).ok()?);
        }
        Rel::YearOf(k) => set_year(&mut d, r.year().checked_add(k)?),
        Rel::MonthOf(k) => {
            let x = RefDate::new(r.year(), r.month(), 1)?.add_months(k)?;
            d.year = Some(x.year());
            d.month = Some(x.month());
            if let Some(e) = d.end.as_mut() {
                e.year = e.year.or(Some(x.year()));
                e.month = e.month.or(Some(x.month()));
            }
        }
        Rel::Upcoming | Rel::Past => {
            let written = key(&d)?;
            let now = key_of_reference(&d, r);
            let year = match rel {
                Rel::Upcoming if written > now => r.year(),
                Rel::Upcoming => r.year().checked_add(1)?,
                _ if written <= now => r.year(),
                _ => r.year().checked_sub(1)?,
            };
            set_year(&mut d, year);
        }
    }
    Some(d)
}

/// Sets the year of a date (and of its end, when the end has none).
fn set_year(d: &mut Date, year: i32) {
    d.year = Some(year);
    if let Some(e) = d.end.as_mut() {
        if e.year.is_none() {
            e.year = Some(year);
        }
    }
}

/// The written date within its year, for comparing with the reference:
/// (month, day) or (quarter's last month, 31).
fn key(d: &Date) -> Option<(u8, u8)> {
    match (d.month, d.day, d.quarter) {
        (Some(m), day, _) => Some((m, day.unwrap_or(0))),
        (None, None, Some(q)) => Some((q, 0)),
        _ => None,
    }
}

/// The reference date at the grain of `d` (see [`key`]).
fn key_of_reference(d: &Date, r: RefDate) -> (u8, u8) {
    match (d.month, d.day) {
        (Some(_), Some(_)) => (r.month(), r.day()),
        (Some(_), None) => (r.month(), 0),
        _ => ((r.month() - 1) / 3 + 1, 0),
    }
}
