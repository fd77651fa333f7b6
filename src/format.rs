//! Numbers as people read them: `$1.85B`, `$338M`, `12.4 %`, `2 years 3 months`.
//!
//! Pure and shared by the web page, the charts and the evaluator's summary,
//! so a figure reads the same everywhere. Never prints `NaN`: a non-finite
//! number prints as `—`.

const DASH: &str = "—";
const MINUS: &str = "\u{2212}";

/// Money, short: three significant figures and a suffix (`$1.85B`, `$338M`,
/// `$45.2K`, `$950`, `−$1.20B`).
pub fn money(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let sign = if x < 0.0 && x.abs() >= 0.5 { MINUS } else { "" };
    let a = x.abs();
    let (value, suffix) = if a >= 999.5e9 {
        (a / 1e12, "T")
    } else if a >= 999.5e6 {
        (a / 1e9, "B")
    } else if a >= 999.5e3 {
        (a / 1e6, "M")
    } else if a >= 999.5 {
        (a / 1e3, "K")
    } else {
        return format!("{sign}${a:.0}");
    };
    format!("{sign}${}{suffix}", three_significant(value))
}

/// Money, exact to the dollar with thousands separators (`$1,845,123,456`).
pub fn money_exact(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let sign = if x < 0.0 && x.abs() >= 0.5 { MINUS } else { "" };
    format!("{sign}${}", group_thousands(x.abs().round()))
}

/// A whole number with thousands separators (`12,345`); rounds.
pub fn grouped(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let sign = if x < 0.0 && x.abs() >= 0.5 { MINUS } else { "" };
    format!("{sign}{}", group_thousands(x.abs().round()))
}

/// A percentage with one decimal (`12.4 %`); large ones without decimals.
pub fn percent(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let sign = if x < 0.0 && x.abs() >= 0.05 {
        MINUS
    } else {
        ""
    };
    if x.abs() >= 1000.0 {
        format!("{sign}{} %", group_thousands(x.abs().round()))
    } else {
        format!("{sign}{:.1} %", x.abs())
    }
}

/// An energy price (`$37.31/MWh`).
pub fn price_per_mwh(x: f64) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let sign = if x < 0.0 && x.abs() >= 0.005 {
        MINUS
    } else {
        ""
    };
    format!("{sign}${:.2}/MWh", x.abs())
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
        format!("{r:.1} MW")
    }
}

/// A count of months as years and months (`2 years 3 months`, `11 months`,
/// `1 year`, `0 months`).
pub fn years_months(months: u32) -> String {
    let (y, m) = (months / 12, months % 12);
    let years = match y {
        0 => String::new(),
        1 => "1 year".to_owned(),
        y => format!("{y} years"),
    };
    let rest = match m {
        0 if y > 0 => String::new(),
        1 => "1 month".to_owned(),
        m => format!("{m} months"),
    };
    match (years.is_empty(), rest.is_empty()) {
        (false, false) => format!("{years} {rest}"),
        (false, true) => years,
        _ => rest,
    }
}

fn three_significant(v: f64) -> String {
    // v in [0.9995, 999.5)
    if v >= 99.95 {
        format!("{v:.0}")
    } else if v >= 9.995 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn group_thousands(a: f64) -> String {
    let digits = format!("{a:.0}");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn percent_and_price() {
        assert_eq!(percent(12.345), "12.3 %");
        assert_eq!(percent(-3.0), "\u{2212}3.0 %");
        assert_eq!(percent(12_345.6), "12,346 %");
        assert_eq!(price_per_mwh(37.314), "$37.31/MWh");
        assert_eq!(megawatts(72.5), "72.5 MW");
        assert_eq!(megawatts(80.0), "80 MW");
    }
}
