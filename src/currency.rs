//! The display currency: results shown in another currency than the US
//! dollar, at an exchange rate the reader types, with the rate's date. The
//! model stays in dollars; only what is shown converts, and every place
//! that shows converted figures says so with the rate and its date
//! ([`Currency::note`]).
//!
//! What is read from the reader's three texts ([`Currency::read`], errors
//! naming the field), how it is written back into a link or a saved form
//! ([`Currency::to_text`], [`Currency::from_text`]), and the one setting the
//! formatters read: [`set_shown`] before formatting, in each part of the
//! page that formats results (the page, its extra module, the risk view's
//! worker). Pure: no browser, no IO. Unset (the evaluator, the tests, a
//! first visit) it is the US dollar.

use std::borrow::Cow;
use std::fmt;

use crate::model::number::read_number;

/// Results in a currency other than the US dollar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Currency {
    /// ISO 4217 code, three capital letters, not `USD`: `BRL`.
    pub code: Code,
    /// Units of it for one US dollar: `5.3`.
    pub per_usd: f64,
    /// The rate's date: year, month (1–12), day.
    pub date: (i32, u32, u32),
}

// Rates are finite and above 0 (`Currency::read`), so equal to themselves.
impl Eq for Currency {}

/// A currency's code: three capital letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code([u8; 3]);

impl Code {
    /// `text` trimmed and in capitals, if it is three letters.
    pub fn read(text: &str) -> Option<Code> {
        let upper = text.trim().to_ascii_uppercase();
        match upper.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Some(Code([a, b, c])),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The three texts a reader types, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Typed {
    pub code: String,
    pub rate: String,
    pub date: String,
}

/// Which of the three.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Code,
    Rate,
    Date,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Code, Part::Rate, Part::Date];

    /// Its label on the page, which its errors name (in the language
    /// spoken).
    pub fn label(self) -> &'static str {
        match self {
            Part::Code => t!("Show results in"),
            Part::Rate => t!("Units per US dollar"),
            Part::Date => t!("Rate's date"),
        }
    }

    /// Its key in a link (`display.currency`) and a saved form.
    pub fn key(self) -> &'static str {
        match self {
            Part::Code => "display.currency",
            Part::Rate => "display.rate",
            Part::Date => "display.rate_date",
        }
    }

    /// Its HTML id.
    pub fn id(self) -> &'static str {
        match self {
            Part::Code => "display-code",
            Part::Rate => "display-rate",
            Part::Date => "display-rate-date",
        }
    }

    /// The part whose key this is.
    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == key)
    }
}

impl Typed {
    pub fn get(&self, part: Part) -> &str {
        match part {
            Part::Code => &self.code,
            Part::Rate => &self.rate,
            Part::Date => &self.date,
        }
    }

    pub fn set(&mut self, part: Part, text: String) {
        match part {
            Part::Code => self.code = text,
            Part::Rate => self.rate = text,
            Part::Date => self.date = text,
        }
    }

    /// Nothing typed in any of the three, or `USD` alone: dollars.
    pub fn is_dollars(&self) -> bool {
        let code = self.code.trim();
        (code.is_empty() || code.eq_ignore_ascii_case("USD"))
            && self.rate.trim().is_empty()
            && self.date.trim().is_empty()
    }
}

/// Why the texts do not make a display currency; `Display` names the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CurrencyError {
    /// Not three letters.
    Code,
    /// `USD` with a rate or a date: dollars need neither.
    DollarsWithRate,
    /// Not a number, or not above 0, or above [`MAX_RATE`].
    Rate,
    /// Not a date written `YYYY-MM-DD` between 1990 and 2100.
    Date,
}

impl CurrencyError {
    /// The field the error is about.
    pub fn part(&self) -> Part {
        match self {
            CurrencyError::Code | CurrencyError::DollarsWithRate => Part::Code,
            CurrencyError::Rate => Part::Rate,
            CurrencyError::Date => Part::Date,
        }
    }
}

impl fmt::Display for CurrencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.part().label();
        let text = match self {
            CurrencyError::Code => t!(
                "{label}: a currency's three-letter code, such as BRL or EUR (USD for US dollars)",
                label = label
            ),
            CurrencyError::DollarsWithRate => t!(
                "{label}: USD needs no rate; clear the rate and its date, or name another currency",
                label = label
            ),
            CurrencyError::Rate => t!(
                "{label}: a number above 0 and at most {max}, how many units of the currency \
                 one US dollar buys",
                label = label,
                max = crate::format::grouped(MAX_RATE)
            ),
            CurrencyError::Date => t!(
                "{label}: the day of the rate, written YYYY-MM-DD (2026-12-01), between 1990 \
                 and 2100",
                label = label
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for CurrencyError {}

/// The largest rate read: one US dollar for a million units.
pub const MAX_RATE: f64 = 1e6;

/// Currencies' usual symbols; any other code is written before the amount.
const SYMBOLS: [(&str, &str); 9] = [
    ("BRL", "R$"),
    ("EUR", "€"),
    ("GBP", "£"),
    ("JPY", "¥"),
    ("CAD", "CA$"),
    ("AUD", "A$"),
    ("MXN", "MX$"),
    ("CNY", "CN¥"),
    ("INR", "₹"),
];

impl Currency {
    /// Reads the three texts: `Ok(None)` for US dollars (nothing typed, or
    /// `USD` alone); every field's error, in the form's order.
    pub fn read(typed: &Typed) -> Result<Option<Currency>, Vec<CurrencyError>> {
        if typed.is_dollars() {
            return Ok(None);
        }
        let mut errors = Vec::new();
        let code = Code::read(&typed.code);
        match code {
            Some(c) if c.as_str() == "USD" => errors.push(CurrencyError::DollarsWithRate),
            Some(_) => {}
            None => errors.push(CurrencyError::Code),
        }
        let rate = read_number(&typed.rate)
            .ok()
            .filter(|r| r.is_finite() && *r > 0.0 && *r <= MAX_RATE);
        if rate.is_none() {
            errors.push(CurrencyError::Rate);
        }
        let date = read_date(&typed.date);
        if date.is_none() {
            errors.push(CurrencyError::Date);
        }
        match (code, rate, date) {
            (Some(code), Some(per_usd), Some(date)) if errors.is_empty() => Ok(Some(Currency {
                code,
                per_usd,
                date,
            })),
            _ => Err(errors),
        }
    }

    /// The symbol written before amounts: `R$`, `€`, or the code and a
    /// no-break space for a currency without one here (`CHF `).
    pub fn symbol(&self) -> Cow<'static, str> {
        SYMBOLS
            .iter()
            .find(|(code, _)| *code == self.code.as_str())
            .map_or_else(
                || Cow::Owned(format!("{}\u{a0}", self.code)),
                |(_, s)| Cow::Borrowed(*s),
            )
    }

    /// The rate as the page writes it: up to four decimals, `5.3`, `0.9215`.
    pub fn rate_text(&self) -> String {
        let text = crate::format::decimal(self.per_usd, 4);
        let mark = crate::lang::current().marks().decimal;
        if text.contains(mark) {
            text.trim_end_matches('0').trim_end_matches(mark).to_owned()
        } else {
            text
        }
    }

    /// The rate's date, `2026-12-01`.
    pub fn date_text(&self) -> String {
        let (y, m, d) = self.date;
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// What labels converted figures: `In BRL at 5.3 per US dollar
    /// (rate of 1 December 2026)`.
    pub fn note(&self) -> String {
        let (y, m, d) = self.date;
        t!(
            "In {code} at {rate} per US dollar (rate of {date})",
            code = self.code,
            rate = self.rate_text(),
            date = crate::format::date(y, m, d)
        )
    }

    /// What labels a chart: `In BRL at 5.3 per US$, 2026-12-01`.
    pub fn chart_note(&self) -> String {
        t!(
            "In {code} at {rate} per US$, {date}",
            code = self.code,
            rate = self.rate_text(),
            date = self.date_text()
        )
    }

    /// A CSV column's unit: `BRL at 5.3 per USD on 2026-12-01`.
    pub fn unit(&self) -> String {
        t!(
            "{code} at {rate} per USD on {date}",
            code = self.code,
            rate = self.rate_text(),
            date = self.date_text()
        )
    }

    /// As the page hands it to a module or a worker: `BRL 5.3 2026-12-01`.
    pub fn to_text(&self) -> String {
        format!("{} {} {}", self.code, self.per_usd, self.date_text())
    }

    /// Read back from [`Currency::to_text`]; `None` for anything else.
    /// The rate there is written the code's way (`5.3`), whatever the
    /// language spoken.
    pub fn from_text(text: &str) -> Option<Currency> {
        let mut parts = text.split(' ');
        let typed = Typed {
            code: parts.next()?.to_owned(),
            rate: crate::model::number::language_marks(parts.next()?).into_owned(),
            date: parts.next()?.to_owned(),
        };
        if parts.next().is_some() {
            return None;
        }
        Currency::read(&typed).ok().flatten()
    }
}

/// `YYYY-MM-DD`, a day that exists, from 1990 to 2100.
fn read_date(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y) && digits(m) && digits(d)) {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1990..=2100).contains(&y) && (1..=days).contains(&d)).then_some((y, m, d))
}

thread_local! {
    static SHOWN: std::cell::Cell<Option<Currency>> = const { std::cell::Cell::new(None) };
}

/// Sets the currency results are shown in from now on (`None`: dollars).
pub fn set_shown(currency: Option<Currency>) {
    SHOWN.with(|s| s.set(currency));
}

/// The currency results are shown in (`None`: dollars).
pub fn shown() -> Option<Currency> {
    SHOWN.with(std::cell::Cell::get)
}

/// The symbol written before amounts shown: `$` for dollars, else the
/// display currency's ([`Currency::symbol`]).
pub fn shown_symbol() -> Cow<'static, str> {
    let lang = crate::lang::current();
    match shown() {
        None => Cow::Borrowed(lang.dollar_symbol()),
        Some(c) => spaced(lang, c.symbol()),
    }
}

/// A symbol as the language writes it before a figure: in Portuguese
/// with a no-break space after it (`R$ 5,30`), in English as it is (`R$5.30`).
fn spaced(lang: crate::lang::Lang, symbol: Cow<'static, str>) -> Cow<'static, str> {
    if lang == crate::lang::Lang::En || symbol.ends_with('\u{a0}') {
        symbol
    } else {
        Cow::Owned(format!("{symbol}\u{a0}"))
    }
}

/// Dollars as shown: the amount in the display currency and the symbol to
/// write before it.
pub(crate) fn in_shown(usd: f64) -> (f64, Cow<'static, str>) {
    match shown() {
        Some(c) => (usd * c.per_usd, shown_symbol()),
        None => (usd, shown_symbol()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(code: &str, rate: &str, date: &str) -> Typed {
        Typed {
            code: code.into(),
            rate: rate.into(),
            date: date.into(),
        }
    }

    #[test]
    fn dollars_unless_another_currency_is_named() {
        for t in [
            typed("", "", ""),
            typed("usd", "", " "),
            typed(" USD ", "", ""),
        ] {
            assert_eq!(Currency::read(&t), Ok(None), "{t:?}");
        }
        let brl = Currency::read(&typed("brl", "5.3", "2026-12-01"));
        assert_eq!(
            brl,
            Ok(Some(Currency {
                code: Code(*b"BRL"),
                per_usd: 5.3,
                date: (2026, 12, 1)
            }))
        );
    }

    #[test]
    fn each_error_names_its_field() {
        let e = Currency::read(&typed("R$", "0", "1/12/2026")).unwrap_err();
        assert_eq!(
            e,
            vec![
                CurrencyError::Code,
                CurrencyError::Rate,
                CurrencyError::Date
            ]
        );
        assert!(e[0].to_string().starts_with("Show results in: "));
        assert!(e[1].to_string().starts_with("Units per US dollar: "));
        assert!(e[2].to_string().starts_with("Rate's date: "));
        let e = Currency::read(&typed("USD", "1", "")).unwrap_err();
        assert_eq!(e[0], CurrencyError::DollarsWithRate);
        for rate in ["-1", "abc", "1e7", "NaN", ""] {
            let e = Currency::read(&typed("EUR", rate, "2026-12-01")).unwrap_err();
            assert_eq!(e, vec![CurrencyError::Rate], "{rate}");
        }
        // The reader's rules for typed numbers: grouping, a leading dot.
        let c = Currency::read(&typed("JPY", "1,234.5", "2026-12-01"));
        assert!(matches!(c, Ok(Some(ref c)) if c.per_usd == 1234.5), "{c:?}");
    }

    #[test]
    fn dates_are_days_that_exist() {
        assert_eq!(read_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(read_date(" 2026-12-01 "), Some((2026, 12, 1)));
        for bad in [
            "2023-02-29",
            "2100-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-4-1",
            "1989-12-31",
            "2101-01-01",
            "2026-12-01-1",
            "+026-12-01",
            "",
        ] {
            assert_eq!(read_date(bad), None, "{bad}");
        }
        assert_eq!(read_date("2000-02-29"), Some((2000, 2, 29)));
    }

    #[test]
    fn written_with_the_rate_and_its_date() -> Result<(), String> {
        let c = Currency::read(&typed("BRL", "5.30", "2026-12-01"))
            .map_err(|e| format!("{e:?}"))?
            .ok_or("dollars")?;
        assert_eq!(c.symbol(), "R$");
        assert_eq!(
            c.note(),
            "In BRL at 5.3 per US dollar (rate of 1 December 2026)"
        );
        assert_eq!(c.unit(), "BRL at 5.3 per USD on 2026-12-01");
        assert_eq!(Currency::from_text(&c.to_text()), Some(c));
        assert_eq!(Currency::from_text("BRL 5.3"), None);
        assert_eq!(Currency::from_text("BRL 5.3 2026-12-01 x"), None);
        let chf = Currency::read(&typed("chf", "0.8812", "2026-12-01"))
            .map_err(|e| format!("{e:?}"))?
            .ok_or("dollars")?;
        assert_eq!(chf.symbol(), "CHF\u{a0}");
        assert_eq!(chf.rate_text(), "0.8812");
        Ok(())
    }

    #[test]
    fn handed_on_and_read_back_in_portuguese() -> Result<(), String> {
        crate::lang::load(
            crate::lang::Lang::PtBr,
            r#"{"In {code} at {rate} per US dollar (rate of {date})": "Em {code}, a {rate} por dólar americano (cotação de {date})"}"#,
        )
        .map_err(|e| e.to_string())?;
        let c = Currency::read(&typed("BRL", "5,3", "2026-12-01"))
            .map_err(|e| format!("{e:?}"))?
            .ok_or("dollars")?;
        let back = Currency::from_text(&c.to_text());
        let note = c.note();
        crate::lang::load(crate::lang::Lang::En, "").map_err(|e| e.to_string())?;
        assert_eq!(back, Some(c));
        assert!(
            note.starts_with("Em BRL, a 5,3 por dólar americano (cotação de 1 "),
            "{note}"
        );
        Ok(())
    }
}
