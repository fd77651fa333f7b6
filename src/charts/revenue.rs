//! Contract revenue: one bar per contract year (left axis), the running
//! total through each year as a line with a dot per year (right axis, its
//! grid aligned with the left one); the total and its NPV stated in the
//! header. Revenue is never negative (the rate is ≥ 0 and the escalator
//! > −100 %), so both axes start at $0.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{labelled, money_tick, nice_step, text_width, ticks_pair};
use super::canvas::{render, Canvas, Item, Plot, Right, Side, Swatch, TextStyleSpec};
use super::{Chart, ChartError, Size, Table, Theme};
use crate::format::{money, money_exact};
use crate::model::Evaluation;

/// `12-year contract revenue`.
pub fn title(r: &Evaluation) -> String {
    format!(
        "{}-year contract revenue",
        r.contract_annual_revenue_usd.len()
    )
}

/// The total, its NPV, and the first and last years.
pub fn summary(r: &Evaluation) -> String {
    let years = &r.contract_annual_revenue_usd;
    let n = years.len();
    if years.iter().all(|v| *v == 0.0) {
        return format!("The {n}-year contract earns no revenue in any year.");
    }
    let total = format!(
        "Contract revenue totals {} over {n} {}, worth {} at the decision (NPV).",
        money(r.contract_total_revenue_usd),
        if n == 1 { "year" } else { "years" },
        money(r.contract_revenue_npv_usd),
    );
    let first = years.first().copied().unwrap_or(0.0);
    let last = years.last().copied().unwrap_or(0.0);
    if n <= 1 {
        return total;
    }
    format!(
        "{total} Year 1 brings {} and year {n} {}.",
        money(first),
        money(last)
    )
}

/// One row per contract year: its revenue and the running total.
pub fn table(r: &Evaluation) -> Table {
    let mut running = 0.0;
    let rows = r
        .contract_annual_revenue_usd
        .iter()
        .enumerate()
        .map(|(i, v)| {
            running += v;
            vec![(i + 1).to_string(), money_exact(*v), money_exact(running)]
        })
        .collect();
    Table {
        caption: format!(
            "Contract revenue by contract year: total {}, NPV {}",
            money_exact(r.contract_total_revenue_usd),
            money_exact(r.contract_revenue_npv_usd)
        ),
        headers: vec![
            "Contract year".into(),
            "Revenue".into(),
            "Cumulative".into(),
        ],
        rows,
    }
}

/// The chart as SVG text.
pub fn draw(r: &Evaluation, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render(Chart::Revenue, theme, size, &title(r), |c| draw_on(c, r))
}

fn draw_on(c: &mut Canvas<'_>, r: &Evaluation) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let small = c.metrics.small;
    let annual = &r.contract_annual_revenue_usd;
    let n = annual.len().max(1);
    let cumulative: Vec<f64> = annual
        .iter()
        .scan(0.0, |sum, v| {
            *sum += v;
            Some(*sum)
        })
        .collect();

    let items = [
        Item::figure(format!("Total {}", money(r.contract_total_revenue_usd))),
        Item::figure(format!("NPV {}", money(r.contract_revenue_npv_usd))),
        Item::legend(Swatch::Bar(theme.convert), "Revenue per year (left)").rank(1),
        Item::legend(Swatch::Line(theme.text, true), "Cumulative (right)").rank(1),
    ];
    let top = c.header(&items)? + 8;

    // Left axis: yearly revenue; right axis: cumulative, same intervals.
    let rough = Plot::new(c.size, top, 0, Right::Axis(0));
    let target = (rough.height() / 48).clamp(2, 8) as usize;
    let hi = annual.iter().fold(0.0_f64, |a, v| a.max(*v));
    let top_cumulative = cumulative.iter().fold(0.0_f64, |a, v| a.max(*v));
    let (left, right) = ticks_pair(hi, top_cumulative, target, true);
    let (left_labels, left_widest) = labelled(&left.values, small, money_tick);
    let (right_labels, right_widest) = labelled(&right.values, small, money_tick);

    let plot = Plot::new(c.size, top, left_widest, Right::Axis(right_widest));
    let xs = plot.x_scale((0.5, n as f64 + 0.5));
    let ys = plot.y_scale((left.lo, left.hi));
    let ys_cumulative = plot.y_scale((right.lo, right.hi));

    c.grid(&plot, &ys, &left)?;

    let zero = ys.px(0.0);
    for (i, v) in annual.iter().enumerate() {
        let year = (i + 1) as f64;
        let half = (xs.px(year + 0.33) - xs.px(year - 0.33)).clamp(2, 80) / 2;
        let (x0, x1) = (xs.px(year) - half, xs.px(year) + half);
        c.rect((x0, zero), (x1, ys.px(*v)), theme.convert, 1.0)?;
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
        ("Revenue per contract year", "Per year"),
    )?;
    c.y_axis(
        &plot,
        Side::Right,
        &ys_cumulative,
        &right_labels,
        ("Cumulative revenue", "Cumulative"),
    )?;

    let widest_year = text_width(&n.to_string(), small, false);
    let step = nice_step(f64::from(widest_year + 10) / slot, true) as usize;
    let years: Vec<(f64, String)> = year_ticks(n, step)
        .into_iter()
        .map(|y| (y as f64, y.to_string()))
        .collect();
    c.x_axis(&plot, &xs, &years, "Contract year")?;

    if annual.iter().all(|v| *v == 0.0) {
        let spec = TextStyleSpec::new(small, theme.muted, HPos::Center, VPos::Center);
        c.text(
            "No contract revenue",
            ((plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2),
            spec,
        )?;
    }
    Ok(())
}

/// The contract years labelled on the x axis: every year, the odd years, or
/// year 1 and the multiples of `step`.
fn year_ticks(n: usize, step: usize) -> Vec<usize> {
    match step {
        0 | 1 => (1..=n).collect(),
        2 => (1..=n).step_by(2).collect(),
        s => std::iter::once(1).chain((s..=n).step_by(s)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_on_the_axis() {
        assert_eq!(year_ticks(3, 1), vec![1, 2, 3]);
        assert_eq!(year_ticks(12, 2), vec![1, 3, 5, 7, 9, 11]);
        assert_eq!(year_ticks(30, 5), vec![1, 5, 10, 15, 20, 25, 30]);
        assert_eq!(year_ticks(1, 10), vec![1]);
    }
}
