//! Times of day. A time is kept only with a day next to it, as that
//! day's `hour` and `minute`; alone (`15h30`, `lúc 8 giờ`) it is no fact.
//!
//! | written | hour:minute |
//! |---|---|
//! | `8h`, `8h30`, `10g45`, `8H30` | 8:00, 8:30, 10:45, 8:30 |
//! | `10:45`, `15:23:24` (seconds dropped) | 10:45, 15:23 |
//! | `8 giờ`, `8 giờ 30`, `8 giờ 30 phút`, `3 giờ rưỡi`, `11 giờ kém 15` | 8:00, 8:30, 8:30, 3:30, 10:45 |
//! | `hai giờ rưỡi` (words) | 2:30 |
//! | `3 giờ chiều`, `8 giờ tối`, `1 giờ trưa`, `11 giờ đêm`, `2 giờ sáng` | 15:00, 20:00, 13:00, 23:00, 2:00 |
//!
//! | with a day | rule |
//! |---|---|
//! | `8h30 ngày 15/3/2018`, `7:30 chiều ngày 20/4/2017`, `8h30 sáng 15/3`, `3 giờ chiều ngày mai`, `8 giờ tối nay` | `date/time-date` |
//! | `ngày 15/3/2018 lúc 8h30`, `hôm nay lúc 2 giờ chiều` | `date/time-date` |
//!
//! `trong 3 giờ`, `mất 8 giờ`, `suốt 24 giờ` are durations. `24h` is not a
//! clock time here.

use super::lexicon::part_of_day_at;
use super::read::{clean_end, clean_start, digits};
use super::{Grain, P, Piece, Rel};

impl P<'_, '_> {
    /// A clock time at `i`, before any part of the day: (end, hour,
    /// minute).
    pub(super) fn clock_at(&self, i: usize) -> Option<(usize, u8, u8)> {
        let t = self.t;
        let (e, h, words) = if let Some((h, len)) = digits(t, i) {
            if len > 2 || !clean_start(t, i) {
                return None;
            }
            (i + 1, h, false)
        } else {
            // In words only `… giờ` is a time.
            if !self.small_may_precede(i, |w| w == "giờ") {
                return None;
            }
            let (e, h) = self.words(i)?;
            (e, h, true)
        };
        let h = u8::try_from(h).ok()?;
        let (end, hour, minute) = if !words && t.joined(e) && (t.is(e, "h") || t.is(e, "g")) {
            if t.joined(e + 1) && t.is_digits(e + 1) {
                let (m, len) = digits(t, e + 1)?;
                if len != 2 {
                    return None;
                }
                let mut end = e + 2;
                if t.joined(end) && (t.is(end, "p") || t.is(end, "phút")) {
                    end += 1;
                }
                (end, h, m)
            } else {
                (e + 1, h, 0)
            }
        } else if !words && t.is_punct(e, ':') && t.joined(e) && t.joined(e + 1) {
            let (m, len) = digits(t, e + 1)?;
            if len != 2 {
                return None;
            }
            let mut end = e + 2;
            if t.is_punct(end, ':') && t.joined(end) && t.joined(end + 1) {
                if digits(t, end + 1).map(|x| x.1) != Some(2) {
                    return None;
                }
                end += 2;
            }
            (end, h, m)
        } else if t.is(e, "giờ") {
            let j = e + 1;
            if t.is(j, "rưỡi") {
                (j + 1, h, 30)
            } else if t.is(j, "kém") {
                let (e2, k, _) = self.small(j + 1)?;
                let end = if t.is(e2, "phút") { e2 + 1 } else { e2 };
                if k == 0 || k >= 60 || h == 0 {
                    return None;
                }
                (end, h - 1, 60 - k)
            } else {
                match self.small(j) {
                    Some((e2, m, w))
                        if m <= 59
                            && (w || clean_end(t, e2))
                            && (t.is(e2, "phút")
                                || !t.is_word(e2)
                                || t.is(e2, "ngày")
                                || t.is(e2, "hôm")
                                || part_of_day_at(t, e2).is_some()) =>
                    {
                        (if t.is(e2, "phút") { e2 + 1 } else { e2 }, h, m)
                    }
                    // `8 giờ 2 người`: not minutes.
                    _ => (j, h, 0),
                }
            }
        } else {
            return None;
        };
        let minute = u8::try_from(minute).ok()?;
        (hour <= 23 && minute <= 59 && clean_end(t, end)).then_some((end, hour, minute))
    }

    /// A time followed by its day: `8h30 ngày 15/3/2018`, `3 giờ chiều
    /// ngày mai`, `8 giờ tối nay`.
    pub(super) fn time_led(&self, i: usize) -> Option<Piece> {
        let t = self.t;
        let (e, h, m) = self.clock_at(i)?;
        if i > 0 && matches!(t.lower(i - 1), "trong" | "mất" | "suốt") {
            return None;
        }
        let pod = part_of_day_at(t, e);
        if let Some((end, k)) = self.rel_day(e) {
            let mut p = Piece::relative(i, end, Rel::Day(k), "date/time-date", Grain::Day);
            p.date.hour = Some(pod.map_or(h, |(_, x)| x.hour(h)));
            p.date.minute = Some(m);
            return Some(p);
        }
        let (mut j, hour) = match pod {
            Some((pe, x)) => (pe, x.hour(h)),
            None => (e, h),
        };
        if t.is_punct(j, ',') {
            j += 1;
        }
        let mut c = self.weekday_led(j).or_else(|| self.core(j))?;
        if !matches!(c.grain, Grain::Day | Grain::PartialDay) {
            return None;
        }
        c.start = i;
        c.date.hour = Some(hour);
        c.date.minute = Some(m);
        c.rule = "date/time-date";
        c.needs_context = false;
        if let Some((_, r)) = c.abs.as_mut() {
            *r = "date/time-date";
        }
        let c = self.tails(c);
        (c.grain != Grain::PartialDay).then_some(c)
    }

    /// A time after a day: `ngày 15/3/2018 lúc 8h30`, `hôm nay lúc 2 giờ
    /// chiều`, `ngày 15/3, 8 giờ sáng`.
    pub(super) fn time_tail(&self, p: Piece) -> Piece {
        let t = self.t;
        if p.date.hour.is_some() || p.grain != Grain::Day {
            return p;
        }
        let mut j = p.end;
        if t.is_punct(j, ',') {
            j += 1;
        }
        if t.phrase(j, "vào lúc").is_some() {
            j += 2;
        } else if t.is(j, "lúc") || t.is(j, "hồi") {
            j += 1;
        }
        let Some((e, h, m)) = self.clock_at(j) else {
            return p;
        };
        let (end, hour) = match part_of_day_at(t, e) {
            Some((pe, x)) if self.rel_day(e).is_none() => (pe, x.hour(h)),
            _ => (e, h),
        };
        let mut q = p;
        q.end = end;
        q.date.hour = Some(hour);
        q.date.minute = Some(m);
        q.rule = "date/time-date";
        q
    }
}
