//! What moves the value most: docs/MODEL.md's tornado. One row per input,
//! largest swing on top; each bar runs from the incremental NPV with the
//! input at its lower value to the NPV with it at its higher value, the
//! others held. The base case (every input as set) is a solid vertical
//! line across the rows.
//!
//! Each bar is split where it crosses the base case: the part towards the
//! input's lower value lighter and outlined, the part towards its higher
//! value solid, so the two ends differ in more than colour; and each end is
//! labelled with the value it used (`$100/kW-month`, `$150/kW-month`). The
//! inputs left out are named in a note.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{text_width, Scale};
use super::canvas::{Canvas, Plot, TextStyleSpec, MARGIN, TICK_GAP};
use super::header::{header_rows, Item, Swatch};
use super::spread::{base_case, input_value, money_ticks, render_risk};
use super::words::{and_list, in_sentence, sentence};
use super::{ChartError, RiskChart, Size, Table, Theme};
use crate::format::{money, money_exact};
use crate::model::risk::{Tornado, TornadoBar};

/// Opacity of the part of a bar towards the input's lower value.
const LOW_OPACITY: f64 = 0.35;
/// Gap between a bar and its value label, px.
const LABEL_GAP: i32 = 4;
/// The narrowest a part of a bar that moves the value is drawn, px.
const MIN_BAR: i32 = 2;
/// Room kept between the inputs' names and a value label left of its bar.
const NAME_GAP: i32 = 6;

/// `What moves the value most`.
pub fn title(_t: &Tornado) -> String {
    t!("What moves the value most").to_owned()
}

/// The base case, the inputs that move it most with the values they used,
/// any input alone that turns the answer round, the inputs that change
/// nothing and those left out.
pub fn summary(t: &Tornado) -> String {
    let base = t.base_npv_usd;
    let mut out = if base >= 0.0 {
        t!(
            "With every input as set, converting is worth {amount} more than keeping mining (incremental NPV after tax).",
            amount = money(base.abs()),
        )
    } else {
        t!(
            "With every input as set, converting is worth {amount} less than keeping mining (incremental NPV after tax).",
            amount = money(base.abs()),
        )
    };
    let moving: Vec<&TornadoBar> = t.bars.iter().filter(|b| moves(b)).collect();
    if let Some(first) = moving.first() {
        out.push(' ');
        out.push_str(&t!(
            "Moved alone, the {input} moves it most: {low} at {low_value}, {high} at {high_value}.",
            input = in_sentence(&first.label),
            low = money(first.npv_at_low_usd),
            low_value = input_value(first.low_value, &first.unit, false),
            high = money(first.npv_at_high_usd),
            high_value = input_value(first.high_value, &first.unit, false),
        ));
        let next: Vec<String> = moving[1..]
            .iter()
            .take(2)
            .map(|b| {
                t!(
                    "the {input} ({low} to {high})",
                    input = in_sentence(&b.label),
                    low = money(b.npv_at_low_usd),
                    high = money(b.npv_at_high_usd),
                )
            })
            .collect();
        if !next.is_empty() {
            out.push(' ');
            out.push_str(&t!("Next come {inputs}.", inputs = and_list(&next)));
        }
    } else if !t.bars.is_empty() {
        out.push(' ');
        out.push_str(t!("No input moved alone changes it."));
    }
    // Where one input alone turns the answer round.
    let turns: Vec<String> = t
        .bars
        .iter()
        .flat_map(|b| {
            [
                (b.low_value, b.npv_at_low_usd),
                (b.high_value, b.npv_at_high_usd),
            ]
            .into_iter()
            .filter(move |(_, npv)| (*npv >= 0.0) != (base >= 0.0))
            .map(move |(v, _)| {
                t!(
                    "the {input} at {value}",
                    input = in_sentence(&b.label),
                    value = input_value(v, &b.unit, false),
                )
            })
        })
        .collect();
    if !turns.is_empty() {
        let inputs = and_list(&turns);
        out.push(' ');
        out.push_str(&if base >= 0.0 {
            t!(
                "Converting falls behind keeping mining with {inputs} alone.",
                inputs = inputs
            )
        } else {
            t!(
                "Converting moves ahead of keeping mining with {inputs} alone.",
                inputs = inputs
            )
        });
    }
    let still: Vec<String> = t
        .bars
        .iter()
        .filter(|b| !moves(b))
        .map(|b| t!("the {input}", input = in_sentence(&b.label)))
        .collect();
    if !still.is_empty() && !moving.is_empty() {
        let inputs = and_list(&still);
        let text = if still.len() == 1 {
            t!("{inputs} changes nothing.", inputs = inputs)
        } else {
            t!("{inputs} change nothing.", inputs = inputs)
        };
        out.push(' ');
        out.push_str(&sentence(&text));
    }
    if !t.left_out.is_empty() {
        out.push(' ');
        out.push_str(&t!("Left out: {inputs}.", inputs = left_out(t)));
    }
    out
}

/// One row per input, largest swing first.
pub fn table(t: &Tornado) -> Table {
    let rows = t
        .bars
        .iter()
        .map(|b| {
            vec![
                b.label.clone(),
                input_value(b.low_value, &b.unit, false),
                money_exact(b.npv_at_low_usd),
                input_value(b.high_value, &b.unit, false),
                money_exact(b.npv_at_high_usd),
                money_exact(b.impact()),
            ]
        })
        .collect();
    let base = money_exact(t.base_npv_usd);
    let caption = if t.left_out.is_empty() {
        t!(
            "Incremental NPV after tax with each input moved alone, largest swing first: base case {base}",
            base = base,
        )
    } else {
        t!(
            "Incremental NPV after tax with each input moved alone, largest swing first: base case {base}; left out: {inputs}",
            base = base,
            inputs = left_out(t),
        )
    };
    Table {
        caption,
        headers: [
            t!("Input"),
            t!("Lower value"),
            t!("NPV at lower"),
            t!("Higher value"),
            t!("NPV at higher"),
            t!("Swing"),
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

/// The chart as SVG text.
pub fn draw(t: &Tornado, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render_risk(RiskChart::Tornado, theme, size, &title(t), |c| {
        draw_on(c, t)
    })
}

/// Whether the bar moves the value, to the dollar.
fn moves(b: &TornadoBar) -> bool {
    b.impact() >= 0.5
}

/// `exit cap rate (not set)`, from the model's `Exit cap rate: not set`.
fn left_out(t: &Tornado) -> String {
    let items: Vec<String> = t
        .left_out
        .iter()
        .map(|why| match why.split_once(": ") {
            Some((name, reason)) => format!("{} ({reason})", in_sentence(name)),
            None => in_sentence(why),
        })
        .collect();
    and_list(&items)
}

/// The input's name on the chart: the catalogue's, or a shorter one for
/// narrow charts.
fn name(b: &TornadoBar, short: bool) -> &str {
    if !short {
        return &b.label;
    }
    match b.input.as_str() {
        "mining.hashprice_drift_pct_per_year" => t!("Drift"),
        "contract.escalator_pct_per_year" => t!("Escalator"),
        "hpc.capex_usd_per_mw" => t!("Capex"),
        "hpc.conversion_months" => t!("Build time"),
        "hpc.opex_usd_per_mw_month" => t!("Opex"),
        "hpc.operating_pue" => "PUE",
        "terminal.exit_cap_rate_pct" => t!("Exit cap"),
        "terminal.renewal_probability_pct" => t!("Renewal"),
        "tax.rate_pct" => t!("Tax rate"),
        _ => &b.label,
    }
}

/// A number that is finite, else 0.
fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// One bar as drawn: its two ends, each with the value it used.
struct Row<'a> {
    bar: &'a TornadoBar,
    low: f64,
    high: f64,
    /// The labels at the bar's left and right ends.
    left: String,
    right: String,
}

impl Row<'_> {
    fn of(bar: &TornadoBar, compact: bool) -> Row<'_> {
        let (low, high) = (finite(bar.npv_at_low_usd), finite(bar.npv_at_high_usd));
        let lower = input_value(bar.low_value, &bar.unit, compact);
        let higher = input_value(bar.high_value, &bar.unit, compact);
        let (left, right) = if high < low {
            (higher, lower)
        } else {
            (lower, higher)
        };
        Row {
            bar,
            low,
            high,
            left,
            right,
        }
    }

    fn from(&self) -> f64 {
        self.low.min(self.high)
    }

    fn to(&self) -> f64 {
        self.low.max(self.high)
    }
}

/// The money range drawn: every bar, the base case, and $0 when it lies
/// no further off than the range is wide.
fn money_range(rows: &[Row<'_>], base: f64) -> (f64, f64) {
    let lo = rows.iter().map(Row::from).fold(base, f64::min);
    let hi = rows.iter().map(Row::to).fold(base, f64::max);
    let span = hi - lo;
    if lo > 0.0 && lo <= span {
        (0.0, hi)
    } else if hi < 0.0 && -hi <= span {
        (lo, 0.0)
    } else {
        (lo, hi)
    }
}

/// The money scale across `(left, right)`, as wide as it can be with every
/// value label beside its bar and inside the plot: each label is a bound on
/// where its bar's end may fall, `pad` px in from the plot's edge. `None`
/// when no scale meets them all.
fn fit(
    rows: &[Row<'_>],
    range: (f64, f64),
    px: f64,
    (left, right): (i32, i32),
) -> Option<(Scale, (f64, f64))> {
    let (lo, hi) = range;
    // A range of one value is given room either side.
    let (lo, hi) = if hi - lo < 1.0 {
        let unit = (lo.abs() * 0.1).max(1.0e6);
        (lo - unit, hi + unit)
    } else {
        (lo, hi)
    };
    let mut lower = vec![(lo, 0.0)];
    let mut upper = vec![(hi, 0.0)];
    for row in rows {
        let w = |t: &str| f64::from(text_width(t, px, false) + LABEL_GAP + MIN_BAR);
        lower.push((row.from(), w(&row.left) + f64::from(NAME_GAP)));
        upper.push((row.to(), w(&row.right)));
    }
    let span = f64::from(right - left);
    let mut k_max = f64::INFINITY;
    let mut k_min = 0.0_f64;
    for &(a, p) in &lower {
        for &(b, q) in &upper {
            let room = span - p - q;
            let d = b - a;
            if d > 0.0 {
                k_max = k_max.min(room / d);
            } else if d < 0.0 {
                k_min = k_min.max(room / d);
            } else if room < 0.0 {
                return None;
            }
        }
    }
    if !(k_max.is_finite() && k_max > 0.0 && k_min <= k_max) {
        return None;
    }
    let k = k_max;
    let origin = lower
        .iter()
        .map(|&(a, p)| f64::from(left) + p - (a - lo) * k)
        .fold(f64::from(left), f64::max);
    let d0 = lo - (origin - f64::from(left)) / k;
    let d1 = lo + (f64::from(right) - origin) / k;
    (d0.is_finite() && d1.is_finite() && d1 > d0)
        .then(|| (Scale::new((d0, d1), (left, right)), (d0, d1)))
}

/// The header: the base case (the vertical line), the two ends of a bar,
/// and the inputs left out.
fn header_items(t: &Tornado, theme: &Theme) -> Vec<Item> {
    let mut items = vec![
        Item::legend(
            Swatch::Line(theme.current, false),
            base_case(t.base_npv_usd),
        ),
        Item::legend(Swatch::Area(theme.convert, LOW_OPACITY), t!("Input lower")).rank(1),
        Item::legend(Swatch::Bar(theme.convert), t!("Input higher")).rank(1),
    ];
    if t.bars.is_empty() {
        items.push(Item::note(t!("No input could be moved")));
    }
    if !t.left_out.is_empty() {
        items.push(Item::note(t!("Left out: {inputs}", inputs = left_out(t))).rank(2));
    }
    items
}

fn draw_on(c: &mut Canvas<'_>, t: &Tornado) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let small = c.metrics.small;
    let (width, height) = (c.size.width as i32, c.size.height as i32);
    let base = finite(t.base_npv_usd);
    let n = t.bars.len().max(1);

    // On a chart too short for a row of text per bar, the legend and the
    // axis title give way (each bar's ends carry their values).
    let mut items = header_items(t, &theme);
    let rows_h = |items: &[Item], axis_rows: i32| {
        let top = MARGIN + header_rows(c.size, items).len() as i32 * c.metrics.row_h + 8;
        let bottom = height - MARGIN - axis_rows * c.metrics.x_labels_h;
        f64::from(bottom - top) / n as f64
    };
    let tight = |row: f64| row < small * 1.2;
    let mut axis_rows = 2;
    if tight(rows_h(&items, axis_rows)) {
        items.retain(|i| i.rank == 0);
        if tight(rows_h(&items, axis_rows)) {
            axis_rows = 1;
        }
    }
    let top = c.header(&items)? + 8;

    // The inputs' names, shortened when the full ones would take more than
    // a quarter of the chart's width.
    let widest = |short: bool| {
        t.bars
            .iter()
            .map(|b| text_width(name(b, short), small, false))
            .max()
            .unwrap_or(0)
    };
    let short = widest(false) * 4 > width;
    let left = MARGIN + widest(short) + TICK_GAP;
    let bottom = height - MARGIN - axis_rows * c.metrics.x_labels_h;
    let plot = Plot {
        left,
        top: top.min(bottom - 10),
        right: (width - MARGIN).max(left + 10),
        bottom,
    };

    // The values with their units when the bars keep at least half the
    // plot's width that way; else without.
    let full: Vec<Row<'_>> = t.bars.iter().map(|b| Row::of(b, false)).collect();
    let range = money_range(&full, base);
    let sides = (plot.left, plot.right);
    let wide_enough =
        |(xs, _): &(Scale, (f64, f64))| 2 * (xs.px(range.1) - xs.px(range.0)) >= plot.width();
    let (rows, (xs, domain)) = match fit(&full, range, small, sides).filter(wide_enough) {
        Some(scale) => (full, scale),
        None => {
            let compact: Vec<Row<'_>> = t.bars.iter().map(|b| Row::of(b, true)).collect();
            let scale = fit(&compact, range, small, sides).unwrap_or_else(|| {
                let pad = ((range.1 - range.0) * 0.05).max(1.0e6);
                let domain = (range.0 - pad, range.1 + pad);
                (Scale::new(domain, sides), domain)
            });
            (compact, scale)
        }
    };

    // Rows: one per bar, the bar about two thirds of the row.
    let row_h = f64::from(plot.height()) / n as f64;
    let thick = (row_h * 0.64).clamp(3.0, 26.0);
    let half = (thick / 2.0).round() as i32;
    let centre = |i: usize| plot.top + (row_h * (i as f64 + 0.5)).round() as i32;

    // Grid, the bottom axis line and the zero line.
    let ticks = money_ticks(domain, &xs, plot.width(), small, (MARGIN, width - MARGIN));
    c.grid_across(&plot, &xs, &ticks)?;

    // The bars: split at the base case, the part towards the lower value
    // lighter and outlined.
    let base_x = xs.px(base);
    let mut ends = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let (y0, y1) = (centre(i) - half, centre(i) + half);
        if !moves(row.bar) {
            let x = xs.px(row.low);
            c.line(&[(x, y0), (x, y1)], theme.muted, 2, None)?;
            ends.push((x, x));
            continue;
        }
        let split = xs.px(base.clamp(row.from(), row.to()));
        let reach = |npv: f64| {
            let x = xs.px(npv);
            if (npv - base).abs() >= 0.5 && (x - split).abs() < MIN_BAR {
                split + if npv > base { MIN_BAR } else { -MIN_BAR }
            } else {
                x
            }
        };
        let (x_low, x_high) = (reach(row.low), reach(row.high));
        if x_low != split {
            c.rect((split, y0), (x_low, y1), theme.convert, LOW_OPACITY)?;
            c.line(
                &[
                    (split, y0),
                    (x_low, y0),
                    (x_low, y1),
                    (split, y1),
                    (split, y0),
                ],
                theme.convert,
                1,
                None,
            )?;
        }
        if x_high != split {
            c.rect((split, y0), (x_high, y1), theme.convert, 1.0)?;
        }
        let xs_drawn = [split, x_low, x_high];
        let from = xs_drawn.iter().copied().min().unwrap_or(split);
        let to = xs_drawn.iter().copied().max().unwrap_or(split);
        ends.push((from, to));
    }

    // The base case across every row.
    c.line(
        &[(base_x, plot.top), (base_x, plot.bottom)],
        theme.current,
        2,
        None,
    )?;

    // Each end's value, on a backing that keeps the lines out of it, and
    // each input's name.
    let text_half = (small / 2.0).ceil() as i32;
    for (i, (row, (from, to))) in rows.iter().zip(ends).enumerate() {
        let y = centre(i);
        for (text, at, h) in [
            (&row.left, from - LABEL_GAP, HPos::Right),
            (&row.right, to + LABEL_GAP, HPos::Left),
        ] {
            let w = text_width(text, small, false);
            let (a, b) = match h {
                HPos::Left => (at - 1, at + w + 1),
                _ => (at - w - 1, at + 1),
            };
            c.rect(
                (a, y - text_half),
                (b, y + text_half),
                theme.background,
                1.0,
            )?;
            c.text(
                text,
                (at, y),
                TextStyleSpec::new(small, theme.text, h, VPos::Center),
            )?;
        }
        let spec = TextStyleSpec::new(small, theme.text, HPos::Right, VPos::Center);
        c.text(name(row.bar, short), (plot.left - TICK_GAP, y), spec)?;
    }

    let title = super::canvas::axis_title(
        t!("Incremental NPV after tax (convert \u{2212} keep mining)"),
        t!("Incremental NPV"),
        axis_rows,
        small,
        plot.width(),
    );
    c.x_axis(&plot, &xs, &ticks, title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{page_sizes, TestResult};
    use crate::model::risk::tornado;
    use crate::model::Scenario;

    fn bar(label: &str, low: f64, high: f64) -> TornadoBar {
        TornadoBar {
            input: "contract.rate_usd_per_kw_month".to_owned(),
            label: label.to_owned(),
            unit: "$/kW-month".to_owned(),
            base_value: 125.0,
            low_value: 100.0,
            high_value: 150.0,
            npv_at_low_usd: low,
            npv_at_high_usd: high,
        }
    }

    #[test]
    fn each_end_carries_the_value_it_used() {
        let rising = bar("Lease rate", 1.0e7, 4.8e8);
        let rising = Row::of(&rising, false);
        assert_eq!(
            (rising.left.as_str(), rising.right.as_str()),
            ("$100/kW-month", "$150/kW-month")
        );
        // An input whose higher value lowers the NPV reads the other way.
        let falling = bar("Discount rate", 4.3e8, 1.0e8);
        let falling = Row::of(&falling, true);
        assert_eq!(
            (falling.left.as_str(), falling.right.as_str()),
            ("$150", "$100")
        );
        assert_eq!((falling.from(), falling.to()), (1.0e8, 4.3e8));
    }

    #[test]
    fn zero_joins_the_range_when_it_is_near() {
        let range = |low: f64, high: f64, base: f64| {
            let b = bar("a", low, high);
            money_range(&[Row::of(&b, false)], base)
        };
        assert_eq!(range(7.0e6, 4.8e8, 2.5e8), (0.0, 4.8e8));
        assert_eq!(range(5.0e9, 5.5e9, 5.2e9), (5.0e9, 5.5e9));
        assert_eq!(range(-3.0e8, -1.0e8, -2.0e8), (-3.0e8, 0.0));
    }

    #[test]
    fn every_label_fits_beside_its_bar() {
        let bars = [
            bar("a", 1.0e7, 4.8e8),
            bar("b", 4.3e8, 1.0e8),
            bar("c", 2.46e8, 2.46e8),
            bar("d", -2.0e8, 6.0e8),
        ];
        let rows: Vec<Row<'_>> = bars.iter().map(|b| Row::of(b, false)).collect();
        let range = money_range(&rows, 2.46e8);
        for (left, right) in [(100, 700), (90, 400)] {
            let (xs, _) =
                fit(&rows, range, 11.0, (left, right)).unwrap_or_else(|| panic!("does not fit"));
            for row in &rows {
                let w = |t: &str| text_width(t, 11.0, false) + LABEL_GAP + MIN_BAR;
                assert!(xs.px(row.from()) - w(&row.left) - NAME_GAP >= left - 1);
                assert!(xs.px(row.to()) + w(&row.right) <= right + 1);
            }
        }
        // One value throughout: room either side.
        let flat = [bar("c", 2.46e8, 2.46e8)];
        let rows: Vec<Row<'_>> = flat.iter().map(|b| Row::of(b, false)).collect();
        assert!(fit(&rows, money_range(&rows, 2.46e8), 11.0, (100, 700)).is_some());
        // Labels wider than the plot: no scale.
        assert!(fit(&rows, (2.46e8, 2.46e8), 11.0, (100, 150)).is_none());
    }

    #[test]
    fn the_default_in_words() -> TestResult {
        let t = tornado(&Scenario::default());
        let text = summary(&t);
        assert!(
            text.starts_with(&format!(
                "With every input as set, converting is worth {} more",
                money(t.base_npv_usd)
            )),
            "{text}"
        );
        let first = t.bars.first().ok_or("no bars")?;
        assert!(
            text.contains(&format!("the {} moves it most", in_sentence(&first.label))),
            "{text}"
        );
        assert!(
            text.contains(" The HPC operating PUE changes nothing."),
            "{text}"
        );
        let table = table(&t);
        assert_eq!(table.rows.len(), t.bars.len());
        assert_eq!(table.rows[0][0], first.label);
        for size in page_sizes() {
            let svg = draw(&t, &Theme::light(), size)?;
            for b in &t.bars {
                let shown = svg.contains(&format!(">\n{}\n<", b.label))
                    || svg.contains(&format!(">\n{}\n<", name(b, true)));
                assert!(shown, "{} at {size:?}", b.label);
            }
        }
        Ok(())
    }

    #[test]
    fn left_out_inputs_are_named() {
        let mut s = Scenario::default();
        s.terminal.exit_cap_rate_pct = None;
        let t = tornado(&s);
        assert_eq!(left_out(&t), "exit cap rate (not set)");
        assert!(summary(&t).ends_with(" Left out: exit cap rate (not set)."));
        assert!(table(&t)
            .caption
            .ends_with("; left out: exit cap rate (not set)"));
        let items = header_items(&t, &Theme::light());
        assert!(items
            .iter()
            .any(|i| i.text == "Left out: exit cap rate (not set)"));
    }
}
