//! Numbers as people read them: `$1.85B`, `$338M`, `12.4 %`, `2 years 3 months`.
//!
//! Pure and shared by the web page, the charts and the evaluator's summary,
//! so a figure reads the same everywhere. Never prints `NaN`: a non-finite
//! number prints as `—`. Money (every function here that writes a currency
//! symbol) is shown in the display currency (`crate::currency`): dollars
//! unless the reader chose another.

use crate::currency::in_shown;
use crate::lang;
use crate::model::number::language_marks;

const DASH: &str = "—";
const MINUS: &str = "\u{2212}";

/// Money, short: three significant figures and a suffix (`$1.85B`, `$338M`,
/// `$45.2K`, `$950`, `−$1.20B`).
pub fn money(usd: f64) -> String {
    let (x, symbol) = in_shown(usd);
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let a = x.abs();
    if a >= 999.5e12 {
        // Past a thousand trillion only the magnitude matters, and a long
        // run of digits would not fit where money is shown.
        return signed(
            x,
            format!("{symbol}{}", language_marks(&format!("{a:.2e}"))),
        );
    }
    let [thousand, million, billion, trillion] = lang::current().money_suffixes();
    let (value, suffix) = if a >= 999.5e9 {
        (a / 1e12, trillion)
    } else if a >= 999.5e6 {
        (a / 1e9, billion)
    } else if a >= 999.5e3 {
        (a / 1e6, million)
    } else if a >= 999.5 {
        (a / 1e3, thousand)
    } else {
        return signed(x, format!("{symbol}{a:.0}"));
    };
    signed(x, format!("{symbol}{}{suffix}", three_significant(value)))
}

/// Money, exact to the dollar with thousands separators (`$1,845,123,456`).
pub fn money_exact(usd: f64) -> String {
    let (x, symbol) = in_shown(usd);
    if !x.is_finite() {
        return DASH.to_owned();
    }
    signed(x, format!("{symbol}{}", group_thousands(x.abs().round())))
}

/// A whole number with thousands separators (`12,345`); rounds.
pub fn grouped(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    signed(x, group_thousands(x.abs().round()))
}

/// A plain number with `decimals` decimals and thousands grouped
/// (`18.52`, `1,234.50`, `−3.00`), for a column whose header gives the unit.
pub fn decimal(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    fixed(x, decimals)
}

/// A percentage with one decimal (`12.4 %`, `−3.0 %`); from 1,000 on
/// without decimals (`12,346 %`).
pub fn percent(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    // What rounds to 1,000 or more shows whole.
    let decimals = if x.abs() >= 999.95 { 0 } else { 1 };
    format!("{} %", fixed(x, decimals))
}

/// A percentage to four decimals, for the exact figure behind a rounded one
/// (`19.9403 %`, `−0.0200 %`, `12,345.6789 %`).
pub fn percent_exact(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    format!("{} %", fixed(x, 4))
}

/// An energy price (`$37.31/MWh`, `$2,000.00/MWh`, `−$5.00/MWh`).
pub fn price_per_mwh(x: f64) -> String {
    price(x, 2)
}

/// An energy price to four decimals, for the exact figure behind a rounded
/// one (`$67.4912/MWh`).
pub fn price_per_mwh_exact(x: f64) -> String {
    price(x, 4)
}

fn price(usd: f64, decimals: usize) -> String {
    let (x, symbol) = in_shown(usd);
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let digits = fixed(x.abs(), decimals);
    signed(x, format!("{symbol}{digits}/MWh"))
}

/// Megawatts, one decimal when needed (`80 MW`, `72.5 MW`).
pub fn megawatts(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{} MW", grouped(r))
    } else {
        format!("{} MW", fixed(r, 1))
    }
}

/// A count of months as years and months (`2 years 3 months`, `11 months`,
/// `1 year`, `0 months`).
pub fn years_months(months: u32) -> String {
    let (y, m) = (months / 12, months % 12);
    match (y, m) {
        (0, 1) => t!("1 month").to_owned(),
        (0, m) => t!("{months} months", months = m),
        (1, 0) => t!("1 year").to_owned(),
        (y, 0) => t!("{years} years", years = y),
        (1, 1) => t!("1 year 1 month").to_owned(),
        (1, m) => t!("1 year {months} months", months = m),
        (y, 1) => t!("{years} years 1 month", years = y),
        (y, m) => t!("{years} years {months} months", years = y, months = m),
    }
}

fn three_significant(v: f64) -> String {
    // v in [0.9995, 999.5), except past the largest suffix
    if v >= 99.95 {
        group_thousands(v)
    } else if v >= 9.995 {
        language_marks(&format!("{v:.1}")).into_owned()
    } else {
        language_marks(&format!("{v:.2}")).into_owned()
    }
}

fn group_thousands(a: f64) -> String {
    group_digits(&format!("{a:.0}"))
}

/// `x` with `decimals` decimals, thousands grouped, and the minus sign `−`
/// when it is negative and does not round to zero (`−1,234.50`, `0.00`).
fn fixed(x: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = group_digits(int);
    if !frac.is_empty() {
        out.push(lang::current().marks().decimal);
        out.push_str(frac);
    }
    signed(x, out)
}

/// `text` (written for `|x|`) with the minus sign in front when `x` is
/// negative and the text is not zero: `−$5.00`, but `$0.00`, never `−$0`.
fn signed(x: f64, text: String) -> String {
    let zero = !text.bytes().any(|b| matches!(b, b'1'..=b'9'));
    if x < 0.0 && !zero {
        format!("{MINUS}{text}")
    } else {
        text
    }
}

pub use crate::model::number::group_digits;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date(2026, 12, 1), "1 December 2026");
        assert_eq!(date(2027, 1, 31), "31 January 2027");
        assert_eq!(date(2027, 13, 2), "2 13 2027");
        assert_eq!(date(2027, 0, 2), "2 0 2027");
    }

    #[test]
    fn money_table() {
        for (x, want) in [
            (1.8461e9, "$1.85B"),
            (338.2e6, "$338M"),
            (45_210.0, "$45.2K"),
            (950.0, "$950"),
            (-1.2e9, "\u{2212}$1.20B"),
            (999_600.0, "$1.00M"),
            (4.7e12, "$4.70T"),
            (0.0, "$0"),
            (-0.2, "$0"),
            (f64::NAN, "—"),
        ] {
            assert_eq!(money(x), want, "{x}");
        }
    }

    #[test]
    fn exact_and_grouped() {
        assert_eq!(money_exact(1_845_123_456.4), "$1,845,123,456");
        assert_eq!(money_exact(-1000.0), "\u{2212}$1,000");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1e6), "1,000,000");
        assert_eq!(decimal(18.518_518, 2), "18.52");
        assert_eq!(decimal(-1234.5, 2), "\u{2212}1,234.50");
        assert_eq!(decimal(f64::NAN, 2), "—");
    }

    #[test]
    fn months_in_words() {
        assert_eq!(years_months(0), "0 months");
        assert_eq!(years_months(1), "1 month");
        assert_eq!(years_months(12), "1 year");
        assert_eq!(years_months(27), "2 years 3 months");
        assert_eq!(years_months(13), "1 year 1 month");
    }

    #[test]
    fn every_formatter_groups_thousands() {
        for (got, want) in [
            (price_per_mwh(1000.0), "$1,000.00/MWh"),
            (price_per_mwh(2000.0), "$2,000.00/MWh"),
            (price_per_mwh(999.999), "$1,000.00/MWh"),
            (price_per_mwh(1_234_567.891), "$1,234,567.89/MWh"),
            (price_per_mwh_exact(2000.0), "$2,000.0000/MWh"),
            (price_per_mwh_exact(67.491_23), "$67.4912/MWh"),
            (percent(999.96), "1,000 %"),
            (percent(1_000.0), "1,000 %"),
            (percent(999.9), "999.9 %"),
            (percent_exact(12_345.678_91), "12,345.6789 %"),
            (percent_exact(19.940_31), "19.9403 %"),
            (megawatts(1_234.5), "1,234.5 MW"),
            (megawatts(1_234.0), "1,234 MW"),
            (money(1.0e15), "$1.00e15"),
            (money(2.5e16), "$2.50e16"),
        ] {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn negatives_use_the_minus_sign_and_zero_has_none() {
        for (got, want) in [
            (percent(-3.0), "\u{2212}3.0 %"),
            (percent(-1_500.0), "\u{2212}1,500 %"),
            (percent(-0.04), "0.0 %"),
            (percent_exact(-0.02), "\u{2212}0.0200 %"),
            (percent_exact(-0.000_01), "0.0000 %"),
            (price_per_mwh(-5.0), "\u{2212}$5.00/MWh"),
            (price_per_mwh(-1_000.0), "\u{2212}$1,000.00/MWh"),
            (price_per_mwh(-0.004), "$0.00/MWh"),
            (price_per_mwh_exact(-67.5), "\u{2212}$67.5000/MWh"),
            (megawatts(-72.5), "\u{2212}72.5 MW"),
            (megawatts(-80.0), "\u{2212}80 MW"),
            (megawatts(-0.04), "0 MW"),
            (money(-0.5), "$0"),
            (money(-0.6), "\u{2212}$1"),
            (money(-950.0), "\u{2212}$950"),
            (money_exact(-0.4), "$0"),
            (grouped(-1_234.0), "\u{2212}1,234"),
        ] {
            assert_eq!(got, want);
            assert!(!got.contains('-'), "{got}");
        }
        for got in [percent_exact(f64::NAN), price_per_mwh_exact(f64::INFINITY)] {
            assert_eq!(got, "—");
        }
        assert_eq!(group_digits("1234567"), "1,234,567");
        assert_eq!(group_digits("123"), "123");
        assert_eq!(group_digits(""), "");
    }

    #[test]
    fn percent_and_price() {
        assert_eq!(percent(12.345), "12.3 %");
        assert_eq!(percent(-3.0), "\u{2212}3.0 %");
        assert_eq!(percent(12_345.6), "12,346 %");
        assert_eq!(price_per_mwh(37.314), "$37.31/MWh");
        assert_eq!(megawatts(72.5), "72.5 MW");
        assert_eq!(megawatts(80.0), "80 MW");
    }
}

/// Where each path leads across energy prices, in one sentence: "converting
/// is ahead at every price from $0 to $2,000/MWh", or "converting is ahead
/// below $31.23/MWh, mining from $31.23/MWh up" (and "… to $X, converting
/// from $X up" for more changes). The page's card, the energy chart and the
/// evaluator's summary all say it this way.
pub fn lead_in_words(regimes: &[crate::model::sweep::Regime]) -> String {
    match regimes {
        [] => String::new(),
        [only] => {
            let low = dollars(0.0, 0);
            // The top of the sweep is a round price: `$2,000/MWh`.
            let whole = format!("{}00/", lang::current().marks().decimal);
            let high = price_per_mwh(crate::model::sweep::CROSSOVER_MAX).replace(&whole, "/");
            if only.converting_ahead {
                t!(
                    "converting is ahead at every price from {low} to {high}",
                    low = low,
                    high = high
                )
            } else {
                t!(
                    "mining is ahead at every price from {low} to {high}",
                    low = low,
                    high = high
                )
            }
        }
        [first, rest @ ..] => {
            let below = price_per_mwh(first.to.unwrap_or(first.from));
            let mut parts = vec![if first.converting_ahead {
                t!("converting is ahead below {price}", price = below)
            } else {
                t!("mining is ahead below {price}", price = below)
            }];
            for r in rest {
                let from = price_per_mwh(r.from);
                parts.push(match (r.to.map(price_per_mwh), r.converting_ahead) {
                    (Some(to), true) => {
                        t!("converting from {from} to {to}", from = from, to = to)
                    }
                    (Some(to), false) => t!("mining from {from} to {to}", from = from, to = to),
                    (None, true) => t!("converting from {from} up", from = from),
                    (None, false) => t!("mining from {from} up", from = from),
                });
            }
            parts.join(", ")
        }
    }
}

/// Dollars with `decimals` decimals and thousands grouped, without a unit
/// (`$171`, `$1,234.56`, `−$5.00`); the caller adds `/PH/day` or the like.
pub fn dollars(usd: f64, decimals: usize) -> String {
    let (x, symbol) = in_shown(usd);
    if !x.is_finite() {
        return DASH.to_owned();
    }
    signed(x, format!("{symbol}{}", fixed(x.abs(), decimals)))
}

/// A ratio as a multiple: one decimal below 10 (`4.3×`, `0.6×`), whole
/// numbers from there (`12×`, `1,250×`).
pub fn multiple(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let decimals = if x.abs() >= 9.95 { 0 } else { 1 };
    format!("{}\u{d7}", fixed(x, decimals))
}

#[cfg(test)]
mod added_tests {
    use super::*;

    #[test]
    fn dollars_and_multiples() {
        assert_eq!(dollars(171.234, 0), "$171");
        assert_eq!(dollars(1_234.567, 2), "$1,234.57");
        assert_eq!(dollars(-5.0, 2), "\u{2212}$5.00");
        assert_eq!(dollars(-0.001, 2), "$0.00");
        assert_eq!(dollars(f64::NAN, 2), "—");
        assert_eq!(multiple(4.2768), "4.3\u{d7}");
        assert_eq!(multiple(0.64), "0.6\u{d7}");
        assert_eq!(multiple(12.4), "12\u{d7}");
        assert_eq!(multiple(1_250.0), "1,250\u{d7}");
        assert_eq!(multiple(f64::INFINITY), "—");
    }
}

/// A calendar date as the page writes it: `1 December 2026` (`month` from
/// 1; a month out of range writes its number).
pub fn date(year: i32, month: u32, day: u32) -> String {
    const MONTHS: [&str; 12] = [
        en!("January"),
        en!("February"),
        en!("March"),
        en!("April"),
        en!("May"),
        en!("June"),
        en!("July"),
        en!("August"),
        en!("September"),
        en!("October"),
        en!("November"),
        en!("December"),
    ];
    let name = month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .map_or_else(|| month.to_string(), |m| lang::tr(m).to_owned());
    t!("{day} {month} {year}", day = day, month = name, year = year)
}

/// A lease rate per kW of critical IT per month (`$149.87/kW-month`,
/// `$1,250.00/kW-month`, `−$5.00/kW-month`).
pub fn rate_per_kw_month(usd: f64) -> String {
    let (x, symbol) = in_shown(usd);
    if !x.is_finite() {
        return DASH.to_owned();
    }
    signed(
        x,
        t!(
            "{amount}/kW-month",
            amount = format!("{symbol}{}", fixed(x.abs(), 2))
        ),
    )
}

#[cfg(test)]
mod portuguese {
    use super::*;
    use crate::lang::{set, Lang};

    #[test]
    fn figures_in_portuguese() {
        set(Lang::PtBr);
        for (got, want) in [
            (money(1.8461e9), "US$\u{a0}1,85\u{a0}bi"),
            (money(338.2e6), "US$\u{a0}338\u{a0}mi"),
            (money(45_210.0), "US$\u{a0}45,2\u{a0}mil"),
            (money(950.0), "US$\u{a0}950"),
            (money(-1.2e9), "\u{2212}US$\u{a0}1,20\u{a0}bi"),
            (money(4.7e12), "US$\u{a0}4,70\u{a0}tri"),
            (money(2.5e16), "US$\u{a0}2,50e16"),
            (money_exact(1_845_123_456.4), "US$\u{a0}1.845.123.456"),
            (grouped(1e6), "1.000.000"),
            (decimal(-1234.5, 2), "\u{2212}1.234,50"),
            (percent(12.345), "12,3 %"),
            (percent(12_345.6), "12.346 %"),
            (price_per_mwh(37.314), "US$\u{a0}37,31/MWh"),
            (megawatts(1_234.5), "1.234,5 MW"),
            (multiple(4.2768), "4,3\u{d7}"),
            (years_months(27), "2 anos e 3 meses"),
            (years_months(13), "1 ano e 1 mês"),
            (years_months(11), "11 meses"),
            (date(2026, 12, 1), "1 de dezembro de 2026"),
        ] {
            assert_eq!(got, want);
        }
        set(Lang::En);
        assert_eq!(money(1.8461e9), "$1.85B");
        assert_eq!(date(2026, 12, 1), "1 December 2026");
    }
}
