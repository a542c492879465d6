//! Dates for the page: reading one out of a free-text dateline
//! ("MOSCOW, Jan. 28, 2026", "28 January 2026", "2026-01-28") and writing
//! Unix times as ISO 8601.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "January 28, 2026".
    pub fn long(self) -> String {
        format!(
            "{} {}, {}",
            MONTHS[self.month as usize - 1],
            self.day,
            self.year
        )
    }

    fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The month a word names, in full or abbreviated ("Jan", "Sept").
fn month(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            m == word || (m.starts_with(&word) && (word.len() == 3 || word == "sept"))
        })
        .map(|i| i as u32 + 1)
}

/// The first date written in `dateline`, if any: ISO (`2026-01-28`), US
/// (`Jan. 28, 2026`, `January 28 2026`) or day-first (`28 January 2026`).
/// A date without a year, or an impossible one, is no date.
pub fn parse_dateline(dateline: &str) -> Option<Date> {
    let tokens: Vec<&str> = dateline
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|t| !t.is_empty())
        .collect();
    for (i, token) in tokens.iter().enumerate() {
        if let Some(date) = iso(token) {
            return Some(date);
        }
        let number = |t: Option<&&str>| {
            t.filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|t| t.parse::<u32>().ok())
        };
        let year = |t: Option<&&str>| number(t).filter(|_| t.is_some_and(|t| t.len() == 4));
        if let Some(m) = month(token) {
            if let (Some(day), Some(y)) = (number(tokens.get(i + 1)), year(tokens.get(i + 2))) {
                if let Some(date) = Date::new(y as i32, m, day) {
                    return Some(date);
                }
            }
        }
        if let (Some(day), Some(m), Some(y)) = (
            number(Some(token)),
            tokens.get(i + 1).and_then(|t| month(t)),
            year(tokens.get(i + 2)),
        ) {
            if let Some(date) = Date::new(y as i32, m, day) {
                return Some(date);
            }
        }
    }
    None
}

fn iso(token: &str) -> Option<Date> {
    let mut parts = token.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The UTC date and time (hour, minute, second) of a Unix time in
/// milliseconds.
pub fn from_unix_millis(millis: i64) -> (Date, u32, u32, u32) {
    let secs = millis.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400) as u32;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (
        Date { year, month, day },
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
    )
}

/// `YYYY-MM-DDTHH:MM:SSZ` for a Unix time in milliseconds.
pub(super) fn iso_datetime(millis: i64) -> String {
    let (date, h, m, s) = from_unix_millis(millis);
    format!("{}T{h:02}:{m:02}:{s:02}Z", date.iso())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_in_newsroom_styles() {
        let cases = [
            ("MOSCOW, Jan. 28, 2026", Some("2026-01-28")),
            ("2026-01-28", Some("2026-01-28")),
            ("KYIV — Sept. 3, 2025 —", Some("2025-09-03")),
            ("LONDON, 28 February 2024", Some("2024-02-28")),
            ("Feb 29 2024", Some("2024-02-29")),
            ("Feb 29 2025", None),
            ("BERLIN, May 5", None),
            ("PARIS", None),
            ("", None),
            ("2026-13-01", None),
            ("Marchers gathered on 12 May 2026", Some("2026-05-12")),
        ];
        for (text, expect) in cases {
            assert_eq!(
                parse_dateline(text).map(Date::iso).as_deref(),
                expect,
                "dateline {text:?}"
            );
        }
    }

    #[test]
    fn unix_times_become_utc_dates() {
        assert_eq!(iso_datetime(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_datetime(1_769_608_800_000), "2026-01-28T14:00:00Z");
        assert_eq!(iso_datetime(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(iso_datetime(-1000), "1969-12-31T23:59:59Z");
        assert_eq!(
            from_unix_millis(1_769_608_800_000).0.long(),
            "January 28, 2026"
        );
    }
}
