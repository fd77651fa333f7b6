//! Contract revenue: one bar per contract year (left axis), the running
//! total through each year as a line with a dot per year (right axis, its
//! grid aligned with the left one); the total, its NPV and the levelized
//! rent stated in the header. Revenue is never negative (the rate is ≥ 0
//! and the escalator > −100 %), so both axes start at $0.
//!
//! When each tranche is leased for the full term from its own delivery,
//! the contract runs past the term by the later tranches' tail (docs/MODEL.md:
//! `N = T + R − 1`, so a 12-year term and a 12-month ramp give 155 months,
//! 13 contract years). The years past the term are drawn lighter, outlined,
//! labelled `Tail` and named in the legend.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{labelled, money_axes_pair, money_tick, nice_step, text_width};
use super::canvas::{render, Canvas, Plot, Right, Side, TextStyleSpec};
use super::header::{Item, Swatch};
use super::{Chart, ChartError, Size, Table, Theme};
use crate::format::{money, money_exact, rate_per_kw_month, years_months};
use crate::model::Evaluation;

/// Opacity of the tail's bars.
const TAIL_OPACITY: f64 = 0.4;

/// `12-year contract revenue`: the term, without the tail.
pub fn title(r: &Evaluation) -> String {
    t!(
        "{term} contract revenue",
        term = length(Term::of(r).years * 12)
    )
}

/// The total, its NPV, the levelized rent, the first and last years of
/// the term, and the tail.
pub fn summary(r: &Evaluation) -> String {
    let years = &r.contract_annual_revenue_usd;
    let term = Term::of(r);
    let n = term.years;
    if years.iter().all(|v| *v == 0.0) {
        return t!(
            "The {term} contract earns no revenue in any year.",
            term = length(n * 12)
        );
    }
    let (total, npv, rent) = (
        money(r.contract_total_revenue_usd),
        money(r.contract_revenue_npv_usd),
        rate_per_kw_month(r.levelized_rent_usd_per_kw_month),
    );
    // One whole sentence for each span, so a language may word each its way.
    let total = if term.tail_months > 0 {
        t!(
            "Contract revenue totals {total} over the {term} term and the {tail} tail of the later tranches, worth {npv} at the decision (NPV); the levelized rent is {rent}.",
            total = total,
            term = length(n * 12),
            tail = length(term.tail_months),
            npv = npv,
            rent = rent
        )
    } else if n == 1 {
        t!(
            "Contract revenue totals {total} over {years} year, worth {npv} at the decision (NPV); the levelized rent is {rent}.",
            total = total,
            years = n,
            npv = npv,
            rent = rent
        )
    } else {
        t!(
            "Contract revenue totals {total} over {years} years, worth {npv} at the decision (NPV); the levelized rent is {rent}.",
            total = total,
            years = n,
            npv = npv,
            rent = rent
        )
    };
    let first = years.first().copied().unwrap_or(0.0);
    let last_of_term = years.get(n.saturating_sub(1)).copied().unwrap_or(0.0);
    let tail: f64 = years.iter().skip(n).sum();
    let tail_years = match years.len() - n.min(years.len()) {
        0 => String::new(),
        1 => t!("year {year}", year = n + 1),
        _ => t!("years {from}–{to}", from = n + 1, to = years.len()),
    };
    match (n <= 1, tail_years.is_empty()) {
        (true, true) => total,
        (true, false) => t!(
            "{total} The tail ({tail_years}) brings {tail}.",
            total = total,
            tail_years = tail_years,
            tail = money(tail)
        ),
        (false, true) => t!(
            "{total} Year 1 brings {first} and year {year} {last}.",
            total = total,
            first = money(first),
            year = n,
            last = money(last_of_term)
        ),
        (false, false) => t!(
            "{total} Year 1 brings {first}, year {year} {last} and the tail ({tail_years}) {tail}.",
            total = total,
            first = money(first),
            year = n,
            last = money(last_of_term),
            tail_years = tail_years,
            tail = money(tail)
        ),
    }
}

/// One row per contract year: its revenue and the running total; the
/// years past the term marked as the tail.
pub fn table(r: &Evaluation) -> Table {
    let term = Term::of(r);
    let mut running = 0.0;
    let rows = r
        .contract_annual_revenue_usd
        .iter()
        .enumerate()
        .map(|(i, v)| {
            running += v;
            let year = if i < term.years {
                (i + 1).to_string()
            } else {
                t!("{year} (tail of later tranches)", year = i + 1)
            };
            vec![year, money_exact(*v), money_exact(running)]
        })
        .collect();
    Table {
        caption: t!(
            "Contract revenue by contract year: total {total}, NPV {npv}, levelized rent {rent}",
            total = money_exact(r.contract_total_revenue_usd),
            npv = money_exact(r.contract_revenue_npv_usd),
            rent = rate_per_kw_month(r.levelized_rent_usd_per_kw_month)
        ),
        headers: vec![
            t!("Contract year").into(),
            t!("Revenue").into(),
            t!("Cumulative").into(),
        ],
        rows,
    }
}

/// The chart as SVG text.
pub fn draw(r: &Evaluation, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render(Chart::Revenue, theme, size, &title(r), |c| draw_on(c, r))
}

/// The lease term within the contract's span, read from the leased
/// capacity: with a per-tranche term it falls for the last `R − 1` months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Term {
    /// Whole contract years of the term (at least 1).
    years: usize,
    /// Contract months past the term.
    tail_months: usize,
}

impl Term {
    fn of(r: &Evaluation) -> Self {
        let span = r.derived.contract_months as usize;
        let start = r.derived.conversion_months as usize;
        let leased: Vec<f64> = r
            .monthly
            .iter()
            .skip(start)
            .take(span)
            .map(|row| row.leased_critical_mw)
            .collect();
        let term = term_months(&leased, r.derived.critical_it_mw);
        Self {
            years: term.div_ceil(12).max(1),
            tail_months: span.saturating_sub(term),
        }
    }
}

/// `T`, the months of the term, from the capacity leased in each contract
/// month and the capacity contracted, `C`. Without a fall at the end, the
/// whole span. With one, tranches of `C / R` were delivered over `a`
/// rising months and expire in turn: `a = R` when the peak is `C` (so
/// `T = N − R + 1`), else the term ended before the ramp did and `a = T`.
fn term_months(leased: &[f64], contracted: f64) -> usize {
    let span = leased.len();
    let peak = leased.iter().fold(0.0_f64, |a, v| a.max(*v));
    let tolerance = peak * 1e-9;
    let falls = leased.windows(2).any(|w| w[1] < w[0] - tolerance);
    if !falls {
        return span;
    }
    let rising = leased
        .iter()
        .scan(0.0, |before, v| {
            let rises = *v > *before + tolerance;
            *before = *v;
            Some(rises)
        })
        .filter(|rises| *rises)
        .count();
    if peak >= contracted * (1.0 - 1e-9) {
        (span + 1).saturating_sub(rising)
    } else {
        rising
    }
}

/// `11-month`, `1-year`, `1-year 11-month`: [`years_months`] as English
/// puts it before a noun. Other languages read it as it is (`11 meses`,
/// `1 ano`), which no replacement below touches.
fn length(months: usize) -> String {
    years_months(months as u32)
        .replace(" years", "-year")
        .replace(" year", "-year")
        .replace(" months", "-month")
        .replace(" month", "-month")
}

fn draw_on(c: &mut Canvas<'_>, r: &Evaluation) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let small = c.metrics.small;
    let annual = &r.contract_annual_revenue_usd;
    let n = annual.len().max(1);
    let term = Term::of(r);
    let has_tail = annual.len() > term.years;
    let cumulative: Vec<f64> = annual
        .iter()
        .scan(0.0, |sum, v| {
            *sum += v;
            Some(*sum)
        })
        .collect();

    let mut items = vec![
        Item::figure(t!(
            "Total {amount}",
            amount = money(r.contract_total_revenue_usd)
        )),
        Item::figure(t!(
            "NPV {amount}",
            amount = money(r.contract_revenue_npv_usd)
        )),
        Item::figure(t!(
            "Levelized {rate}",
            rate = rate_per_kw_month(r.levelized_rent_usd_per_kw_month)
        )),
        Item::legend(Swatch::Bar(theme.convert), t!("Revenue per year (left)")).rank(1),
        Item::legend(Swatch::Line(theme.text, true), t!("Cumulative (right)")).rank(1),
    ];
    if has_tail {
        items.push(
            Item::legend(
                Swatch::Area(theme.convert, TAIL_OPACITY),
                t!("Tail of later tranches"),
            )
            .rank(1),
        );
    }
    let top = c.header(&items)? + 8;

    // Left axis: yearly revenue; right axis: cumulative, same intervals.
    let rough = Plot::new(c.size, top, 0, Right::Axis(0));
    let target = (rough.height() / 48).clamp(2, 8) as usize;
    let hi = annual.iter().fold(0.0_f64, |a, v| a.max(*v));
    let top_cumulative = cumulative.iter().fold(0.0_f64, |a, v| a.max(*v));
    let (left, right) = money_axes_pair(hi, top_cumulative, target, true);
    let (left_labels, left_widest) = labelled(&left.values, small, money_tick);
    let (right_labels, right_widest) = labelled(&right.values, small, money_tick);

    let plot = Plot::new(c.size, top, left_widest, Right::Axis(right_widest));
    let xs = plot.x_scale((0.5, n as f64 + 0.5));
    let ys = plot.y_scale((left.lo, left.hi));
    let ys_cumulative = plot.y_scale((right.lo, right.hi));

    c.grid(&plot, &ys, &left)?;

    let zero = ys.px(0.0);
    let mut tail_labels = Vec::new();
    for (i, v) in annual.iter().enumerate() {
        let year = (i + 1) as f64;
        let half = (xs.px(year + 0.33) - xs.px(year - 0.33)).clamp(2, 80) / 2;
        let (x0, x1) = (xs.px(year) - half, xs.px(year) + half);
        let y = ys.px(*v);
        if i < term.years {
            c.rect((x0, zero), (x1, y), theme.convert, 1.0)?;
        } else {
            // The tail: lighter, outlined, and labelled above.
            c.rect((x0, zero), (x1, y), theme.convert, TAIL_OPACITY)?;
            c.line(
                &[(x0, zero), (x0, y), (x1, y), (x1, zero)],
                theme.convert,
                1,
                None,
            )?;
            tail_labels.push((xs.px(year), y));
        }
    }

    if let Some(&(x, y)) = tail_labels.first() {
        let spec = TextStyleSpec::new(small, theme.muted, HPos::Center, VPos::Bottom);
        c.text(t!("Tail"), (x, y - 3), spec)?;
    }

    let points: Vec<(i32, i32)> = cumulative
        .iter()
        .enumerate()
        .map(|(i, v)| (xs.px((i + 1) as f64), ys_cumulative.px(*v)))
        .collect();
    c.line(&points, theme.text, 2, None)?;
    let slot = plot.width() as f64 / n as f64;
    if slot >= 9.0 || points.len() == 1 {
        for p in &points {
            c.dot(*p, 3, theme.text)?;
        }
    }

    c.y_axis(
        &plot,
        Side::Left,
        &ys,
        &left_labels,
        (t!("Revenue per contract year"), t!("Per year")),
    )?;
    c.y_axis(
        &plot,
        Side::Right,
        &ys_cumulative,
        &right_labels,
        (t!("Cumulative revenue"), t!("Cumulative")),
    )?;

    let widest_year = text_width(&n.to_string(), small, false);
    let step = nice_step(f64::from(widest_year + 10) / slot, true) as usize;
    let years: Vec<(f64, String)> = year_ticks(n, step)
        .into_iter()
        .map(|y| (y as f64, y.to_string()))
        .collect();
    c.x_axis(&plot, &xs, &years, t!("Contract year"))?;

    if annual.iter().all(|v| *v == 0.0) {
        let spec = TextStyleSpec::new(small, theme.muted, HPos::Center, VPos::Center);
        c.text(
            t!("No contract revenue"),
            ((plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2),
            spec,
        )?;
    }
    Ok(())
}

/// The contract years labelled on the x axis: every year, the odd years, or
/// year 1 and the multiples of `step`.
pub(super) fn year_ticks(n: usize, step: usize) -> Vec<usize> {
    match step {
        0 | 1 => (1..=n).collect(),
        2 => (1..=n).step_by(2).collect(),
        s => std::iter::once(1).chain((s..=n).step_by(s)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{TestResult, SIZE};
    use crate::model::{evaluate, Scenario};

    #[test]
    fn the_term_is_read_from_the_leased_capacity() -> TestResult {
        for per_tranche in [true, false] {
            for term_years in [1, 2, 12, 30] {
                for ramp in [0, 1, 2, 12, 13, 25, 120] {
                    let mut s = Scenario::default();
                    s.contract.term_per_tranche = per_tranche;
                    s.contract.term_years = term_years;
                    s.hpc.ramp_months = ramp;
                    let r = evaluate(&s)?;
                    let term = Term::of(&r);
                    let what = format!("{per_tranche} {term_years} years, {ramp}-month ramp");
                    assert_eq!(term.years, term_years as usize, "{what}");
                    let span = r.derived.contract_months as usize;
                    assert_eq!(term.tail_months, span - 12 * term_years as usize, "{what}");
                    assert_eq!(title(&r), format!("{term_years}-year contract revenue"));
                }
            }
        }
        Ok(())
    }

    #[test]
    fn the_tail_is_drawn_and_told_as_such() -> TestResult {
        let r = evaluate(&Scenario::default())?;
        assert_eq!(r.derived.contract_months, 155);
        assert_eq!(r.contract_annual_revenue_usd.len(), 13);
        let text = summary(&r);
        assert!(
            text.contains("over the 12-year term and the 11-month tail of the later tranches"),
            "{text}"
        );
        assert!(text.contains("and the tail (year 13) "), "{text}");
        assert!(
            text.contains("the levelized rent is $149.87/kW-month"),
            "{text}"
        );
        let t = table(&r);
        assert_eq!(t.rows[12][0], "13 (tail of later tranches)");
        assert_eq!(t.rows[11][0], "12");
        let svg = draw(&r, &Theme::light(), SIZE)?;
        assert!(svg.contains("\nTail\n"));
        assert!(svg.contains("\nTail of later tranches\n"));
        assert!(svg.contains("\nLevelized $149.87/kW-month\n"));
        // One bar drawn lighter: the tail.
        assert_eq!(
            svg.matches("opacity=\"0.4\"").count(),
            2,
            "the bar and its swatch"
        );
        Ok(())
    }

    #[test]
    fn years_on_the_axis() {
        assert_eq!(year_ticks(3, 1), vec![1, 2, 3]);
        assert_eq!(year_ticks(12, 2), vec![1, 3, 5, 7, 9, 11]);
        assert_eq!(year_ticks(30, 5), vec![1, 5, 10, 15, 20, 25, 30]);
        assert_eq!(year_ticks(1, 10), vec![1]);
    }
}
