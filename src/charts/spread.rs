//! What the risk view's three charts share: drawing under their own name,
//! a money axis whose labels fit, an input's value with its unit, and the
//! words for the base case.

use super::axis::{money_tick, nice_step, shown_rate, text_width, ticks_with_step, Scale};
use super::canvas::{render, Canvas};
use super::{Chart, ChartError, RiskChart, Size, Theme};
use crate::format::{decimal, grouped, money};

/// Draws one chart of the risk view ([`render`]), its failures named for it.
pub(crate) fn render_risk(
    chart: RiskChart,
    theme: &Theme,
    size: Size,
    label: &str,
    draw: impl FnOnce(&mut Canvas<'_>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    // The canvas names one of the page's charts in a failure; the name is
    // replaced with the risk chart's.
    render(Chart::Bridge, theme, size, label, draw).map_err(|e| e.in_risk_chart(chart))
}

/// The incremental NPV with every input as set, no shock, no slip and no
/// default: `Base case $246M`.
pub(crate) fn base_case(usd: f64) -> String {
    t!("Base case {amount}", amount = money(usd))
}

/// Money ticks across `(d0, d1)`: whole dollars at a nice step wide enough
/// for the labels, each label within `bounds`.
pub(crate) fn money_ticks(
    (d0, d1): (f64, f64),
    xs: &Scale,
    plot_width: i32,
    px: f64,
    bounds: (i32, i32),
) -> Vec<(f64, String)> {
    // Steps of round amounts of the display currency (`k` units a dollar).
    let k = shown_rate();
    let span = (d1 - d0) * k;
    // From steps too close for the shortest labels up to the first step
    // wide enough for its own labels.
    let shortest = text_width(&money_tick(0.0), px, false) + 12;
    let mut raw = span * f64::from(shortest) / f64::from(plot_width.max(1));
    let mut labels = Vec::new();
    for _ in 0..16 {
        let step = nice_step(raw, true);
        labels = ticks_with_step(d0 * k, d1 * k, step)
            .values
            .iter()
            .map(|v| v / k)
            .filter(|v| xs.contains(*v))
            .map(|v| (v, money_tick(v)))
            .collect();
        let widest = labels
            .iter()
            .map(|(_, t)| text_width(t, px, false))
            .max()
            .unwrap_or(0);
        let step_px = (xs.px(d0 + step / k) - xs.px(d0)).abs();
        if step_px >= widest + 12 {
            break;
        }
        raw = step * 1.01;
    }
    labels
        .into_iter()
        .filter(|(v, t)| {
            let x = xs.px(*v);
            let half = text_width(t, px, false) / 2;
            x - half >= bounds.0 && x + half <= bounds.1
        })
        .collect()
}

/// A number as a form would show it: up to two decimals, trailing zeros
/// dropped (`1.44`, `5.5`, `100`; `1,44` in Portuguese), thousands grouped
/// from 1,000 on, the minus sign `−`.
fn plain(v: f64) -> String {
    if v.abs() >= 999.995 {
        return grouped(v);
    }
    let mark = crate::lang::current().marks().decimal;
    let text = decimal(v.abs(), 2);
    let text = text.trim_end_matches('0').trim_end_matches(mark);
    if v < 0.0 && text != "0" {
        format!("\u{2212}{text}")
    } else {
        text.to_owned()
    }
}

/// An input's value with its unit from the catalogue: `$100/kW-month`,
/// `$7.6M/MW`, `$19.2K/MW-month`, `−12 %/yr`, `5.5 %`, `6 months`,
/// `1.44×`; `compact`, for a narrow chart, without the unit's tail:
/// `$100`, `$7.6M`, `−12 %`, `6 mo`.
pub(crate) fn input_value(v: f64, unit: &str, compact: bool) -> String {
    if !v.is_finite() {
        return "?".to_owned();
    }
    if let Some(per) = unit.strip_prefix('$') {
        let amount = if v.abs() >= 9_999.5 {
            money_tick(v)
        } else {
            let n = plain(v);
            let dollar = crate::lang::current().dollar_symbol();
            match n.strip_prefix('\u{2212}') {
                Some(rest) => format!("\u{2212}{dollar}{rest}"),
                None => format!("{dollar}{n}"),
            }
        };
        return if compact {
            amount
        } else {
            format!("{amount}{}", unit_words(per))
        };
    }
    let n = plain(v);
    match unit {
        "" => n,
        "\u{d7}" => format!("{n}\u{d7}"),
        u if u.starts_with('%') => {
            if compact {
                format!("{n} %")
            } else {
                format!("{n} {}", unit_words(u))
            }
        }
        "months" if compact => t!("{months} mo", months = n),
        "months" if n == "1" => t!("1 month").to_owned(),
        "months" => t!("{months} months", months = n),
        u => format!("{n} {}", unit_words(u)),
    }
}

/// A unit of the catalogue, or its tail after `$`, in the language spoken:
/// its words translated (`%/yr`, `/kW-month`), its symbols as they are
/// (`MW`, `/MWh`).
fn unit_words(unit: &str) -> &str {
    let en = match unit {
        "/kW-month" => en!("/kW-month"),
        "/MW-month" => en!("/MW-month"),
        "/PH/day" => en!("/PH/day"),
        "%/yr" => en!("%/yr"),
        "% of capex" => en!("% of capex"),
        "years" => en!("years"),
        "paths" => en!("paths"),
        "points" => en!("points"),
        other => return other,
    };
    crate::lang::tr(en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_values_read_with_their_units() {
        let cases = [
            (100.0, "$/kW-month", "$100/kW-month", "$100"),
            (7_600_000.0, "$/MW", "$7.6M/MW", "$7.6M"),
            (11_400_000.0, "$/MW", "$11.4M/MW", "$11.4M"),
            (19_200.0, "$/MW-month", "$19.2K/MW-month", "$19.2K"),
            (36.0, "$/MWh", "$36/MWh", "$36"),
            (45.5, "$/MWh", "$45.5/MWh", "$45.5"),
            (-5.0, "$/MWh", "\u{2212}$5/MWh", "\u{2212}$5"),
            (32.0, "$/PH/day", "$32/PH/day", "$32"),
            (-12.0, "%/yr", "\u{2212}12 %/yr", "\u{2212}12 %"),
            (5.5, "%", "5.5 %", "5.5 %"),
            (6.0, "months", "6 months", "6 mo"),
            (1.0, "months", "1 month", "1 mo"),
            (1.44, "\u{d7}", "1.44\u{d7}", "1.44\u{d7}"),
            (0.9599999, "\u{d7}", "0.96\u{d7}", "0.96\u{d7}"),
            (1_250.0, "", "1,250", "1,250"),
            (-0.001, "%", "0 %", "0 %"),
        ];
        for (v, unit, full, compact) in cases {
            assert_eq!(input_value(v, unit, false), full, "{v} {unit}");
            assert_eq!(input_value(v, unit, true), compact, "{v} {unit}");
        }
        assert_eq!(input_value(f64::NAN, "%", false), "?");
    }

    #[test]
    fn input_values_read_in_portuguese() {
        crate::lang::load(
            crate::lang::Lang::PtBr,
            r#"{"%/yr": "%/ano", "/kW-month": "/kW-mês", "{months} mo": "{months} m"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let values = [
            input_value(-12.5, "%/yr", false),
            input_value(100.0, "$/kW-month", false),
            input_value(1.44, "\u{d7}", false),
            input_value(6.0, "months", true),
        ];
        crate::lang::load(crate::lang::Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            values,
            [
                "\u{2212}12,5 %/ano",
                "US$\u{a0}100/kW-mês",
                "1,44\u{d7}",
                "6 m"
            ]
        );
    }

    #[test]
    fn money_ticks_fit_and_stay_inside() {
        let xs = Scale::new((0.0, 5.0e8), (100, 700));
        let ticks = money_ticks((0.0, 5.0e8), &xs, 600, 13.0, (8, 712));
        // $50M apart: 60 px, room for `$450M` and 12 px; `$500M` would run
        // past the bounds.
        let values: Vec<f64> = ticks.iter().map(|(v, _)| *v).collect();
        let want: Vec<f64> = (0..10).map(|i| f64::from(i) * 5.0e7).collect();
        assert_eq!(values, want);
        assert_eq!(ticks[1].1, "$50M");
        // Narrow: fewer ticks, none running past the bounds.
        let xs = Scale::new((0.0, 5.0e8), (100, 220));
        let ticks = money_ticks((0.0, 5.0e8), &xs, 120, 11.0, (100, 220));
        assert!(!ticks.is_empty() && ticks.len() <= 3, "{ticks:?}");
        for (v, t) in &ticks {
            let half = text_width(t, 11.0, false) / 2;
            assert!(xs.px(*v) - half >= 100 && xs.px(*v) + half <= 220, "{t}");
        }
    }
}
