//! Cumulative incremental cash month by month over the simulated paths
//! (docs/MODEL.md, "Monte Carlo"): converting's cash after tax less keeping
//! mining's, summed from the decision, undiscounted. The band between the
//! paths' P10 and P90 is shaded, their median drawn as a line over it, and
//! $0 as the zero line; the median payback is the header's figure. Each
//! month is taken over the paths that reach it (a path that slips runs
//! longer).

use super::axis::{money_up, month_step, number_tick, text_width, ticks_with_step};
use super::canvas::{simplify, Canvas, Plot, Right, Side};
use super::header::{Item, Swatch};
use super::spread::render_risk;
use super::words::and_list;
use super::{ChartError, RiskChart, Size, Table, Theme};
use crate::format::{grouped, money, money_exact, years_months};
use crate::model::risk::{FanPoint, Simulation};

/// `Cumulative incremental cash`.
pub fn title(_s: &Simulation) -> String {
    t!("Cumulative incremental cash").to_owned()
}

/// A value that is finite, else 0.
fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// The median path's low point, where it ends and the band there, and
/// when the paths pay back.
pub fn summary(s: &Simulation) -> String {
    let (Some(first), Some(last)) = (s.fan.first(), s.fan.last()) else {
        return t!("No simulated path has been run yet.").to_owned();
    };
    let paths = grouped(f64::from(s.paths));
    let low = s
        .fan
        .iter()
        .min_by(|a, b| a.p50_usd.total_cmp(&b.p50_usd))
        .unwrap_or(first);
    let dips = finite(low.p50_usd) < 0.0;
    let alike = money(last.p10_usd) == money(last.p90_usd);
    let (low_value, low_month) = (money(low.p50_usd), low.month);
    let (end, month) = (money(last.p50_usd), last.month);
    let (p10, p90) = (money(last.p10_usd), money(last.p90_usd));
    let mut out = match (dips, alike) {
        (true, true) => t!(
            "Cumulative cash of converting less keeping mining, after tax and undiscounted, over {paths} paths: the median path is lowest at {low} in month {low_month}, the median ends at {end} in month {month}, as every path does.",
            paths = paths,
            low = low_value,
            low_month = low_month,
            end = end,
            month = month,
        ),
        (true, false) => t!(
            "Cumulative cash of converting less keeping mining, after tax and undiscounted, over {paths} paths: the median path is lowest at {low} in month {low_month}, the median ends at {end} in month {month} (P10 {p10}, P90 {p90}).",
            paths = paths,
            low = low_value,
            low_month = low_month,
            end = end,
            month = month,
            p10 = p10,
            p90 = p90,
        ),
        (false, true) => t!(
            "Cumulative cash of converting less keeping mining, after tax and undiscounted, over {paths} paths: the median ends at {end} in month {month}, as every path does.",
            paths = paths,
            end = end,
            month = month,
        ),
        (false, false) => t!(
            "Cumulative cash of converting less keeping mining, after tax and undiscounted, over {paths} paths: the median ends at {end} in month {month} (P10 {p10}, P90 {p90}).",
            paths = paths,
            end = end,
            month = month,
            p10 = p10,
            p90 = p90,
        ),
    };
    out.push(' ');
    out.push_str(&payback_words(s));
    out
}

/// `Payback comes by month 119 on 10 % of paths, by month 122 on half of
/// them and by month 128 on 90 %.`, or which never come.
fn payback_words(s: &Simulation) -> String {
    let b = s.payback_month;
    if let (Some(m), true) = (b.p10, b.p10 == b.p90) {
        return t!(
            "Payback comes in month {month} on the P10, the median and the P90 path alike.",
            month = m
        );
    }
    let by: Vec<String> = [
        b.p10.map(|m| t!("by month {month} on 10 %", month = m)),
        b.p50.map(|m| t!("by month {month} on half", month = m)),
        b.p90.map(|m| t!("by month {month} on 90 %", month = m)),
    ]
    .into_iter()
    .flatten()
    .collect();
    // The first share that never pays back: the P10's, the median's or the
    // P90's.
    let never = [b.p10, b.p50, b.p90].iter().position(Option::is_none);
    let list = and_list(&by);
    match (by.is_empty(), never) {
        (true, _) => t!("Fewer than a tenth of the paths pay back.").to_owned(),
        (false, None) => t!("Payback comes {list} of the paths.", list = list),
        (false, Some(1)) => t!(
            "Payback comes {list} of the paths; at least half never pay back.",
            list = list
        ),
        (false, Some(_)) => t!(
            "Payback comes {list} of the paths; more than a tenth never pay back.",
            list = list
        ),
    }
}

/// The months shown in the table: every twelfth from month 0, and the last.
fn table_months(fan: &[FanPoint]) -> Vec<&FanPoint> {
    let mut out: Vec<&FanPoint> = fan.iter().step_by(12).collect();
    if let Some(last) = fan.last() {
        if out.last().is_none_or(|p| p.month != last.month) {
            out.push(last);
        }
    }
    out
}

/// One row every 12 months and one for the last month.
pub fn table(s: &Simulation) -> Table {
    let rows = table_months(&s.fan)
        .into_iter()
        .map(|p| {
            vec![
                p.month.to_string(),
                money_exact(p.p10_usd),
                money_exact(p.p50_usd),
                money_exact(p.p90_usd),
            ]
        })
        .collect();
    let b = s.payback_month;
    let pb = |m: Option<u32>| {
        m.map_or_else(
            || t!("never").to_owned(),
            |m| t!("month {month}", month = m),
        )
    };
    Table {
        caption: t!(
            "Cumulative incremental cash after tax, undiscounted, over {paths} paths, every 12 months and the last month; payback P10 {p10}, P50 {p50}, P90 {p90}",
            paths = grouped(f64::from(s.paths)),
            p10 = pb(b.p10),
            p50 = pb(b.p50),
            p90 = pb(b.p90),
        ),
        headers: [t!("Month"), "P10", t!("Median"), "P90"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// The chart as SVG text.
pub fn draw(s: &Simulation, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render_risk(RiskChart::Fan, theme, size, &title(s), |c| draw_on(c, s))
}

/// The header: the median payback, then the band and the median line.
fn header_items(s: &Simulation, theme: &Theme) -> Vec<Item> {
    if s.fan.is_empty() {
        return vec![Item::figure(t!("No simulated path yet"))];
    }
    let figure = match s.payback_month.p50 {
        Some(m) => t!(
            "Median payback in month {month} ({span})",
            month = m,
            span = years_months(m),
        ),
        None => t!("Half the paths or more never pay back").to_owned(),
    };
    // A band of no width is no band: every path runs alike.
    let band = if s.fan.iter().all(|p| money(p.p10_usd) == money(p.p90_usd)) {
        Item::note(t!("P10 to P90 alike")).rank(1)
    } else {
        Item::legend(
            Swatch::Area(theme.gain, theme.gain_opacity),
            t!("P10\u{2013}P90 of paths"),
        )
        .rank(1)
    };
    vec![
        Item::figure(figure),
        Item::legend(Swatch::Line(theme.convert, false), t!("Median")).rank(1),
        band,
        Item::note(t!("After tax, undiscounted")).rank(2),
    ]
}

fn draw_on(c: &mut Canvas<'_>, s: &Simulation) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let small = c.metrics.small;
    let top = c.header(&header_items(s, &theme))? + 8;
    let fan = &s.fan;

    // Months from the decision to the last one any path reaches.
    let last_month = fan.last().map_or(1.0, |p| f64::from(p.month).max(1.0));
    let last_label = text_width(&grouped(last_month), small, false);
    let rough = Plot::new(c.size, top, 0, Right::LastLabel(last_label));
    let step = month_step(last_month * 56.0 / f64::from(rough.width().max(1)));
    let x_ticks = ticks_with_step(0.0, last_month, step);

    // Money: the band and $0.
    let values = fan
        .iter()
        .flat_map(|p| [p.p10_usd, p.p50_usd, p.p90_usd])
        .map(finite);
    let y_min = values.clone().fold(0.0_f64, f64::min);
    let y_max = values.fold(0.0_f64, f64::max);
    let (y_ticks, y_labels, widest) = money_up((y_min, y_max), rough.height(), small, false);
    let plot = Plot::new(c.size, top, widest, Right::LastLabel(last_label));
    let xs = plot.x_scale((0.0, last_month));
    let ys = plot.y_scale((y_ticks.lo, y_ticks.hi));

    c.grid_with_zero(&plot, &ys, &y_ticks)?;

    let at = |p: &FanPoint, v: f64| (xs.px(f64::from(p.month)), ys.px(finite(v)));
    let mut band = simplify(&fan.iter().map(|p| at(p, p.p90_usd)).collect::<Vec<_>>());
    let lower: Vec<(i32, i32)> = fan.iter().rev().map(|p| at(p, p.p10_usd)).collect();
    band.extend(simplify(&lower));
    c.polygon(band, theme.gain, theme.gain_opacity)?;
    let median: Vec<(i32, i32)> = fan.iter().map(|p| at(p, p.p50_usd)).collect();
    c.line(&median, theme.convert, 3, None)?;
    if let [p] = &fan[..] {
        c.dot(at(p, p.p50_usd), 3, theme.convert)?;
    }

    c.y_axis(
        &plot,
        Side::Left,
        &ys,
        &y_labels,
        (t!("Cumulative cash, convert \u{2212} mining"), t!("Cash")),
    )?;
    let x_labels: Vec<(f64, String)> = x_ticks
        .values
        .iter()
        .filter(|v| xs.contains(**v))
        .map(|v| (*v, number_tick(*v, x_ticks.step)))
        .collect();
    c.x_axis(&plot, &xs, &x_labels, t!("Months from decision"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::TestResult;
    use crate::model::risk::{simulate, PaybackPercentiles};
    use crate::model::Scenario;

    #[test]
    fn the_table_takes_every_twelfth_month_and_the_last() -> TestResult {
        let mut sc = Scenario::default();
        sc.risk.paths = 50;
        let s = simulate(&sc)?;
        let t = table(&s);
        let months: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(&months[..3], ["0", "12", "24"]);
        let last = s.fan.last().ok_or("no months")?;
        assert_eq!(
            months.last().copied(),
            Some(last.month.to_string().as_str())
        );
        assert!(
            summary(&s).contains("the median ends at "),
            "{}",
            summary(&s)
        );
        Ok(())
    }

    #[test]
    fn the_chart_speaks_portuguese() -> TestResult {
        use crate::lang::{load, Lang};
        let mut sc = Scenario::default();
        sc.risk.paths = 20;
        let s = simulate(&sc)?;
        load(
            Lang::PtBr,
            r#"{"Cumulative incremental cash": "Caixa incremental acumulado", "Median": "Mediana"}"#,
        )
        .map_err(|e| e.to_string())?;
        let svg = draw(&s, &Theme::light(), crate::charts::testing::SIZE);
        let headers = table(&s).headers;
        load(Lang::En, "").map_err(|e| e.to_string())?;
        let svg = svg?;
        assert!(
            svg.starts_with("<svg role=\"img\" aria-label=\"Caixa incremental acumulado\""),
            "{svg}"
        );
        assert!(svg.contains("\nMediana\n"), "{svg}");
        assert_eq!(headers[2], "Mediana");
        assert_eq!(title(&s), "Cumulative incremental cash");
        Ok(())
    }

    #[test]
    fn payback_in_words() -> TestResult {
        let mut sc = Scenario::default();
        sc.risk.paths = 10;
        let mut s = simulate(&sc)?;
        s.payback_month = PaybackPercentiles {
            p10: Some(119),
            p50: Some(122),
            p90: Some(128),
        };
        assert_eq!(
            payback_words(&s),
            "Payback comes by month 119 on 10 %, by month 122 on half and by month 128 on 90 % of the paths."
        );
        s.payback_month.p90 = Some(119);
        s.payback_month.p50 = Some(119);
        assert_eq!(
            payback_words(&s),
            "Payback comes in month 119 on the P10, the median and the P90 path alike."
        );
        s.payback_month.p50 = Some(122);
        s.payback_month.p90 = None;
        assert!(payback_words(&s).ends_with("; more than a tenth never pay back."));
        s.payback_month.p50 = None;
        assert!(payback_words(&s).ends_with("; at least half never pay back."));
        s.payback_month.p10 = None;
        assert_eq!(
            payback_words(&s),
            "Fewer than a tenth of the paths pay back."
        );
        Ok(())
    }
}
