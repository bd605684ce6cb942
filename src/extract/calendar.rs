//! The proleptic Gregorian calendar, enough for validating dates and
//! resolving relative ones (`hôm qua`, `tuần sau`) against a reference date.
//!
//! No panics and no overflow: every constructor checks its input
//! (`31/02` is not a date), arithmetic is on day numbers in `i64`.

use crate::Error;
use core::fmt;
use core::str::FromStr;

/// A calendar date: the caller's reference for relative dates.
///
/// ```
/// use vietfacts::RefDate;
/// let d: RefDate = "2017-02-02".parse().unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2017, 2, 2));
/// assert!("2017-02-30".parse::<RefDate>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RefDate {
    year: i32,
    month: u8,
    day: u8,
}

/// `true` in a leap year.
pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year` (0 for a month outside 1..=12).
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Is `day/month/year` a real date?
pub(crate) fn is_valid(year: i32, month: u8, day: u8) -> bool {
    day >= 1 && day <= days_in_month(year, month)
}

impl RefDate {
    /// The date, if it exists (`RefDate::new(2017, 2, 29)` is `None`).
    pub fn new(year: i32, month: u8, day: u8) -> Option<RefDate> {
        ((-9999..=9999).contains(&year) && is_valid(year, month, day)).then_some(RefDate {
            year,
            month,
            day,
        })
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub(crate) fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day number.
    pub(crate) fn from_day_number(z: i64) -> Option<RefDate> {
        let z = z.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        RefDate::new(
            i32::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }

    /// The date `n` days later (earlier for negative `n`).
    pub(crate) fn add_days(self, n: i64) -> Option<RefDate> {
        RefDate::from_day_number(self.day_number().checked_add(n)?)
    }

    /// Day of the week: 0 = Monday (thứ hai) … 6 = Sunday (chủ nhật).
    pub(crate) fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        u8::try_from((self.day_number() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// The same day `n` months later, clamped to the month's length.
    pub(crate) fn add_months(self, n: i32) -> Option<RefDate> {
        let total = self.year.checked_mul(12)? + i32::from(self.month) - 1 + n;
        let year = total.div_euclid(12);
        let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
        let day = self.day.min(days_in_month(year, month));
        RefDate::new(year, month, day)
    }
}

impl fmt::Display for RefDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for RefDate {
    type Err = Error;

    /// `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<RefDate, Error> {
        let bad = || Error::unknown_name("reference date", s, "a date written YYYY-MM-DD");
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        let d: u8 = d.parse().map_err(|_| bad())?;
        RefDate::new(y, m, d).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_facts() {
        assert!(is_valid(2016, 2, 29));
        assert!(!is_valid(2017, 2, 29));
        assert!(!is_valid(2017, 2, 31));
        assert!(!is_valid(2017, 13, 1));
        assert!(!is_valid(2017, 1, 0));
        assert!(is_valid(2000, 2, 29));
        assert!(!is_valid(1900, 2, 29));
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = RefDate::new(2017, 2, 2).unwrap_or(RefDate {
            year: 0,
            month: 1,
            day: 1,
        });
        // 2017-02-02 was a Thursday (thứ năm).
        assert_eq!(d.weekday(), 3);
        assert_eq!(d.add_days(-1), RefDate::new(2017, 2, 1));
        assert_eq!(d.add_days(27), RefDate::new(2017, 3, 1));
        assert_eq!(d.add_months(-2), RefDate::new(2016, 12, 2));
        assert_eq!(
            RefDate::new(2016, 1, 31).and_then(|x| x.add_months(1)),
            RefDate::new(2016, 2, 29)
        );
        for n in [-800_000i64, -1, 0, 1, 17_000, 2_000_000] {
            let x = RefDate::from_day_number(n).map(RefDate::day_number);
            assert_eq!(x, Some(n));
        }
    }

    #[test]
    fn parses_iso_dates_only() {
        assert_eq!(
            "2017-02-02".parse::<RefDate>().ok(),
            RefDate::new(2017, 2, 2)
        );
        for bad in ["2017-2-2", "02/02/2017", "2017-02-30", "", "x"] {
            assert!(bad.parse::<RefDate>().is_err(), "{bad}");
        }
    }
}
