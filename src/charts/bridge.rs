//! Where the value comes from: docs/MODEL.md's NPV bridge as a waterfall, read
//! top to bottom. Keeping mining's NPV is a bar from $0 (grey); each step
//! floats from the running total before it to the running total after it
//! (blue when it adds value, orange when it takes value away); converting's
//! NPV closes the bridge with a bar from $0 again (grey). Thin connectors
//! join the end of each bar to the start of the next. Every bar carries its
//! value as text, signed for the steps (`+$799M`, `−$735M`), so colour is
//! never the only cue.
//!
//! The bars lie across the chart, one row per step, so the steps' names
//! read horizontally at any width (shortened on narrow charts). The money
//! axis is laid out so that every value label fits beside its bar, whatever
//! the signs and sizes of the steps.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{text_width, Scale};
use super::canvas::{render, Canvas, Plot, TextStyleSpec, MARGIN, TICK_GAP};
use super::header::{header_rows, Item, Swatch};
use super::words::{and_list, in_sentence};
use super::{Chart, ChartError, Rgb, Size, Table, Theme};
use crate::format::{money, money_exact};
use crate::model::result::BridgeStep;
use crate::model::Evaluation;

/// `Where the value comes from`.
pub fn title(_r: &Evaluation) -> String {
    t!("Where the value comes from").to_owned()
}

/// How much more (or less) converting is worth, which steps add value and
/// which take it away, largest first, and the two largest steps.
pub fn summary(r: &Evaluation) -> String {
    let bars = bars(r);
    let (keep, convert) = ends(&bars);
    let gap = convert - keep;
    let mut out = if is_zero(gap) {
        t!("Converting is worth as much as keeping mining").to_owned()
    } else if gap > 0.0 {
        t!(
            "Converting is worth {amount} more than keeping mining",
            amount = money(gap.abs())
        )
    } else {
        t!(
            "Converting is worth {amount} less than keeping mining",
            amount = money(gap.abs())
        )
    };
    out.push(' ');
    out.push_str(&t!(
        "({convert} against {keep}, present values after tax)",
        convert = money(convert),
        keep = money(keep)
    ));

    let mut steps: Vec<&Bar> = bars.iter().filter(|b| !b.step.is_total()).collect();
    crate::order::sort_small_by(&mut steps, |a, b| b.usd.abs().total_cmp(&a.usd.abs()));
    let of_kind =
        |kind: Kind| -> Vec<&Bar> { steps.iter().copied().filter(|b| b.kind == kind).collect() };
    // The first of a list carries the verb: `rent adds $1.2B and fleet
    // sale $20M`.
    let listed = |bars: &[&Bar], adds: bool| -> Option<String> {
        let items: Vec<String> = bars
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let name = in_sentence(name(b.step, false));
                let amount = money(b.usd.abs());
                match (i, adds) {
                    (0, true) => t!("{name} adds {amount}", name = name, amount = amount),
                    (0, false) => t!("{name} takes {amount}", name = name, amount = amount),
                    _ => format!("{name} {amount}"),
                }
            })
            .collect();
        (!items.is_empty()).then(|| and_list(&items))
    };
    let zero: Vec<String> = of_kind(Kind::Nothing)
        .iter()
        .map(|b| in_sentence(name(b.step, false)))
        .collect();
    let parts: Vec<String> = [
        listed(&of_kind(Kind::Adds), true),
        listed(&of_kind(Kind::Takes), false),
        (!zero.is_empty()).then(|| {
            let (list, zero_usd) = (and_list(&zero), money(0.0));
            if zero.len() == 1 {
                t!("{list} is {zero}", list = list, zero = zero_usd)
            } else {
                t!("{list} are {zero}", list = list, zero = zero_usd)
            }
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !parts.is_empty() {
        out.push_str(": ");
        out.push_str(&parts.join("; "));
    }
    out.push('.');

    let largest: Vec<String> = steps
        .iter()
        .filter(|b| b.kind != Kind::Nothing)
        .take(2)
        .map(|b| format!("{} ({})", in_sentence(name(b.step, false)), value_label(b)))
        .collect();
    out.push(' ');
    out.push_str(&match largest.len() {
        0 => t!("Every step between the two is {zero}.", zero = money(0.0)),
        1 => t!(
            "The only step that moves the value is {step}.",
            step = largest[0]
        ),
        _ => t!("The largest steps are {list}.", list = and_list(&largest)),
    });
    out
}

/// One row per step of the bridge: its present value and the running total.
pub fn table(r: &Evaluation) -> Table {
    let bars = bars(r);
    let (keep, convert) = ends(&bars);
    let rows = bars
        .iter()
        .map(|b| {
            let value = match b.kind {
                Kind::Adds => format!("+{}", money_exact(b.usd)),
                _ => money_exact(b.usd),
            };
            vec![name(b.step, false).to_owned(), value, money_exact(b.to)]
        })
        .collect();
    let gap = convert - keep;
    let gap = if gap > 0.0 && money_exact(gap) != money_exact(0.0) {
        format!("+{}", money_exact(gap))
    } else {
        money_exact(gap)
    };
    Table {
        caption: t!(
            "Where the value comes from, keeping mining to converting, as present values after tax: convert − keep mining {gap}",
            gap = gap
        ),
        headers: [t!("Step"), t!("Present value"), t!("Running total")]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// The chart as SVG text.
pub fn draw(r: &Evaluation, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render(Chart::Bridge, theme, size, &title(r), |c| draw_on(c, r))
}

/// What a bar shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A path's NPV, from $0.
    Total,
    /// A step that adds value.
    Adds,
    /// A step that takes value away.
    Takes,
    /// A step of $0 (to the dollar).
    Nothing,
}

impl Kind {
    /// The kind of a step of `usd`.
    fn of_step(usd: f64) -> Self {
        if is_zero(usd) {
            Kind::Nothing
        } else if usd > 0.0 {
            Kind::Adds
        } else {
            Kind::Takes
        }
    }

    pub(super) fn colour(self, theme: &Theme) -> Rgb {
        match self {
            Kind::Total => theme.greenfield,
            Kind::Adds => theme.convert,
            Kind::Takes => theme.mining,
            Kind::Nothing => theme.muted,
        }
    }
}

/// One bar of the waterfall: from `from` to `to`, dollars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Bar {
    pub(super) step: BridgeStep,
    pub(super) from: f64,
    pub(super) to: f64,
    pub(super) usd: f64,
    pub(super) kind: Kind,
}

/// Rounds to $0.
fn is_zero(usd: f64) -> bool {
    usd.abs() < 0.5
}

/// The bars in the bridge's order: each total from $0, each step from the
/// running total before it.
pub(super) fn bars(r: &Evaluation) -> Vec<Bar> {
    let mut level = 0.0;
    BridgeStep::ALL
        .iter()
        .map(|&step| {
            let usd = r.bridge(step);
            let usd = if usd.is_finite() { usd } else { 0.0 };
            if step.is_total() {
                level = usd;
                return Bar {
                    step,
                    from: 0.0,
                    to: usd,
                    usd,
                    kind: Kind::Total,
                };
            }
            let from = level;
            level += usd;
            Bar {
                step,
                from,
                to: level,
                usd,
                kind: Kind::of_step(usd),
            }
        })
        .collect()
}

/// Keeping mining's NPV and converting's.
pub(super) fn ends(bars: &[Bar]) -> (f64, f64) {
    let total = |step: BridgeStep| bars.iter().find(|b| b.step == step).map_or(0.0, |b| b.usd);
    (total(BridgeStep::KeepMining), total(BridgeStep::Convert))
}

/// A bar's value as its label says it: `+$799M`, `−$735M`, `$0`; the
/// totals unsigned unless negative.
fn value_label(b: &Bar) -> String {
    match b.kind {
        Kind::Adds => format!("+{}", money(b.usd)),
        Kind::Nothing => money(0.0),
        Kind::Total | Kind::Takes => money(b.usd),
    }
}

/// Whether a bar's value label goes right of the bar (else left): after
/// the end it moves to.
fn label_right(b: &Bar) -> bool {
    match b.kind {
        Kind::Adds | Kind::Nothing => true,
        Kind::Takes => false,
        Kind::Total => b.usd >= 0.0,
    }
}

/// The step's name on the chart, in the language spoken: docs/MODEL.md's, or
/// a shorter one for narrow charts.
pub(super) fn name(step: BridgeStep, short: bool) -> &'static str {
    crate::lang::tr(match (step, short) {
        (BridgeStep::MiningGivenUp, true) => en!("Mining lost"),
        (BridgeStep::TerminalValue, true) => en!("After contract"),
        (other, _) => other.label(),
    })
}

/// Gap between a bar and its value label, px.
const LABEL_GAP: i32 = 4;
/// The narrowest a step that is not $0 is drawn, px.
const MIN_BAR: i32 = 2;
/// Room kept between the steps' names and a value label left of its bar,
/// px, beyond the gap between the names and the plot.
const NAME_GAP: i32 = 6;

/// The money scale across the plot from `left` to `right`: as wide as it
/// can be with every value label beside its bar and inside the plot. Each
/// label is a constraint on where its bar's end may fall; the scale is the
/// widest that meets all of them (when none can, the plain one). Returns
/// the scale and the money range it spans.
fn fit_scale(bars: &[Bar], widths: &[i32], (left, right): (i32, i32)) -> (Scale, (f64, f64)) {
    let values = bars.iter().flat_map(|b| [b.from, b.to]);
    let lo = values.clone().fold(0.0_f64, f64::min);
    let hi = values.fold(0.0_f64, f64::max);
    let hi = if hi - lo < 1.0 { lo + 1.0e6 } else { hi };
    let span = f64::from(right - left);

    // px(a) ≥ left + pad for each (a, pad) below; px(b) ≤ right − pad above.
    let mut lower = vec![(lo, 0.0)];
    let mut upper = vec![(hi, 0.0)];
    for (b, w) in bars.iter().zip(widths) {
        let pad = f64::from(LABEL_GAP + MIN_BAR + w);
        if label_right(b) {
            upper.push((b.from.max(b.to), pad));
        } else {
            lower.push((b.from.min(b.to), pad + f64::from(NAME_GAP)));
        }
    }
    let mut k_max = f64::INFINITY;
    let mut k_min = 0.0_f64;
    let mut feasible = true;
    for &(a, p) in &lower {
        for &(b, q) in &upper {
            let room = span - p - q;
            let d = b - a;
            if d > 0.0 {
                k_max = k_max.min(room / d);
            } else if d < 0.0 {
                k_min = k_min.max(room / d);
            } else if room < 0.0 {
                feasible = false;
            }
        }
    }
    let plain = (Scale::new((lo, hi), (left, right)), (lo, hi));
    if !(feasible && k_max.is_finite() && k_max > 0.0 && k_min <= k_max) {
        return plain;
    }
    let k = k_max;
    let origin = lower
        .iter()
        .map(|&(a, p)| f64::from(left) + p - (a - lo) * k)
        .fold(f64::from(left), f64::max);
    let d0 = lo - (origin - f64::from(left)) / k;
    let d1 = lo + (f64::from(right) - origin) / k;
    if d0.is_finite() && d1.is_finite() && d1 > d0 {
        (Scale::new((d0, d1), (left, right)), (d0, d1))
    } else {
        plain
    }
}

/// The header: how much more converting is worth, and a legend entry for
/// each kind of bar drawn.
fn header_items(bars: &[Bar], theme: &Theme) -> Vec<Item> {
    let (keep, convert) = ends(bars);
    let gap = convert - keep;
    let figure = if is_zero(gap) {
        t!("Converting is worth as much as keeping mining").to_owned()
    } else if gap > 0.0 {
        t!("Converting is worth {amount} more", amount = money(gap))
    } else {
        t!("Converting is worth {amount} less", amount = money(-gap))
    };
    let mut items = vec![Item::figure(figure)];
    for (kind, text) in [
        (Kind::Adds, en!("Adds value")),
        (Kind::Takes, en!("Takes value")),
        (Kind::Total, en!("Total (NPV)")),
    ] {
        if bars.iter().any(|b| b.kind == kind) {
            let text = crate::lang::tr(text);
            items.push(Item::legend(Swatch::Bar(kind.colour(theme)), text).rank(1));
        }
    }
    items
}

fn draw_on(c: &mut Canvas<'_>, r: &Evaluation) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let small = c.metrics.small;
    let bars = bars(r);
    let (width, height) = (c.size.width as i32, c.size.height as i32);

    // On a chart too short for a row of text per bar, the legend and the
    // axis title give way (each bar's label carries its sign).
    let mut items = header_items(&bars, &theme);
    let rows_h = |items: &[Item], axis_rows: i32| {
        let top = MARGIN + header_rows(c.size, items).len() as i32 * c.metrics.row_h + 8;
        let bottom = height - MARGIN - axis_rows * c.metrics.x_labels_h;
        f64::from(bottom - top) / bars.len().max(1) as f64
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

    // The steps' names, shortened when the full ones would take more than
    // a quarter of the chart's width.
    let widest = |short: bool| {
        bars.iter()
            .map(|b| text_width(name(b.step, short), small, b.kind == Kind::Total))
            .max()
            .unwrap_or(0)
    };
    let short = widest(false) * 4 > width;
    let names_w = widest(short);

    let left = MARGIN + names_w + TICK_GAP;
    let bottom = height - MARGIN - axis_rows * c.metrics.x_labels_h;
    let right = (width - MARGIN).max(left + 10);
    let plot = Plot {
        left,
        top: top.min(bottom - 10),
        right,
        bottom,
    };

    let labels: Vec<String> = bars.iter().map(value_label).collect();
    let widths: Vec<i32> = bars
        .iter()
        .zip(&labels)
        .map(|(b, t)| text_width(t, small, b.kind == Kind::Total))
        .collect();
    let (xs, domain) = fit_scale(&bars, &widths, (plot.left, plot.right));

    // Rows: one per bar, the bar about two thirds of the row.
    let row = f64::from(plot.height()) / bars.len().max(1) as f64;
    let thick = (row * 0.64).clamp(3.0, 30.0);
    let centre = |i: usize| plot.top + (row * (i as f64 + 0.5)).round() as i32;
    let half = (thick / 2.0).round() as i32;

    // Grid, the bottom axis line and the zero line.
    let ticks =
        super::spread::money_ticks(domain, &xs, plot.width(), small, (MARGIN, width - MARGIN));
    c.grid_across(&plot, &xs, &ticks)?;

    // Connectors: from where each bar ends to where the next one starts.
    for (i, pair) in bars.windows(2).enumerate() {
        let x = xs.px(pair[0].to);
        let (y0, y1) = (centre(i) + half, centre(i + 1) - half);
        if y1 > y0 {
            c.line(&[(x, y0), (x, y1)], theme.axis, 1, None)?;
        }
    }

    for (i, (b, label)) in bars.iter().zip(&labels).enumerate() {
        let y = centre(i);
        let (x0, mut x1) = (xs.px(b.from), xs.px(b.to));
        if b.kind == Kind::Nothing {
            c.line(&[(x0, y - half), (x0, y + half)], theme.muted, 2, None)?;
        } else {
            if (x1 - x0).abs() < MIN_BAR {
                let sign = if b.to >= b.from { 1 } else { -1 };
                x1 = x0 + sign * MIN_BAR;
            }
            c.rect((x0, y - half), (x1, y + half), b.kind.colour(&theme), 1.0)?;
        }
        let bold = b.kind == Kind::Total;
        let (at, h) = if label_right(b) {
            (x0.max(x1) + LABEL_GAP, HPos::Left)
        } else {
            (x0.min(x1) - LABEL_GAP, HPos::Right)
        };
        // A backing keeps the grid and the zero line out of the figures.
        let w = text_width(label, small, bold);
        let (from, to) = match h {
            HPos::Left => (at - 1, at + w + 1),
            _ => (at - w - 1, at + 1),
        };
        let text_half = (small / 2.0).ceil() as i32;
        c.rect(
            (from, y - text_half),
            (to, y + text_half),
            theme.background,
            1.0,
        )?;
        let mut spec = TextStyleSpec::new(small, theme.text, h, VPos::Center);
        if bold {
            spec = spec.bold();
        }
        c.text(label, (at, y), spec)?;

        let mut spec = TextStyleSpec::new(small, theme.text, HPos::Right, VPos::Center);
        if bold {
            spec = spec.bold();
        }
        c.text(name(b.step, short), (plot.left - TICK_GAP, y), spec)?;
    }

    let title = super::canvas::axis_title(
        t!("Present value at the decision, after tax"),
        t!("NPV, after tax"),
        axis_rows,
        small,
        plot.width(),
    );
    c.x_axis(&plot, &xs, &ticks, title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::TestResult;
    use crate::model::{evaluate, Scenario};

    #[test]
    fn the_bars_run_from_keeping_mining_to_converting() -> TestResult {
        let r = evaluate(&Scenario::default())?;
        let bars = bars(&r);
        assert_eq!(bars.len(), BridgeStep::ALL.len());
        assert_eq!(bars[0].kind, Kind::Total);
        assert_eq!(bars[0].to, r.keep_mining_npv_usd);
        let last = bars.last().ok_or("no bars")?;
        assert_eq!((last.from, last.to), (0.0, r.convert_npv_usd));
        // Each step starts where the one before ended.
        for pair in bars[..bars.len() - 1].windows(2) {
            assert_eq!(pair[1].from, pair[0].to, "{:?}", pair[1].step);
        }
        let end = bars[bars.len() - 2].to;
        assert!((end - r.convert_npv_usd).abs() <= 1e-6 * r.convert_npv_usd.abs().max(1.0));
        Ok(())
    }

    #[test]
    fn labels_are_signed() {
        let bar = |usd: f64, kind| Bar {
            step: BridgeStep::Rent,
            from: 0.0,
            to: usd,
            usd,
            kind,
        };
        assert_eq!(value_label(&bar(1.2e9, Kind::Adds)), "+$1.20B");
        assert_eq!(value_label(&bar(-3.1e8, Kind::Takes)), "\u{2212}$310M");
        assert_eq!(value_label(&bar(0.0, Kind::Nothing)), "$0");
        assert_eq!(value_label(&bar(-5.0e7, Kind::Total)), "\u{2212}$50.0M");
        assert_eq!(value_label(&bar(5.0e7, Kind::Total)), "$50.0M");
    }

    #[test]
    fn every_label_fits_beside_its_bar() {
        // Steps of wildly different sizes and both signs, both totals
        // negative.
        let specs: [(f64, f64); 6] = [
            (0.0, -4.0e8),
            (-4.0e8, 2.0e9),
            (2.0e9, 1.9e9),
            (1.9e9, 1.9e9 + 3.0),
            (1.9e9 + 3.0, -6.0e8),
            (0.0, -6.0e8),
        ];
        let bars: Vec<Bar> = specs
            .iter()
            .enumerate()
            .map(|(i, &(from, to))| {
                let usd = if i == 0 || i == 5 { to } else { to - from };
                let kind = if i == 0 || i == 5 {
                    Kind::Total
                } else {
                    Kind::of_step(usd)
                };
                Bar {
                    step: BridgeStep::Rent,
                    from,
                    to,
                    usd,
                    kind,
                }
            })
            .collect();
        let widths: Vec<i32> = bars
            .iter()
            .map(|b| text_width(&value_label(b), 11.0, false))
            .collect();
        for (left, right) in [(100, 700), (90, 322)] {
            let (xs, _) = fit_scale(&bars, &widths, (left, right));
            for (b, w) in bars.iter().zip(&widths) {
                let (x0, x1) = (xs.px(b.from), xs.px(b.to));
                if label_right(b) {
                    assert!(x0.max(x1) + MIN_BAR + LABEL_GAP + w <= right + 1, "{b:?}");
                } else {
                    assert!(x0.min(x1) - MIN_BAR - LABEL_GAP - w >= left - 1, "{b:?}");
                }
            }
        }
    }

    #[test]
    fn the_default_in_words() -> TestResult {
        let r = evaluate(&Scenario::default())?;
        let text = summary(&r);
        assert!(
            text.starts_with(&format!(
                "Converting is worth {} more than keeping mining",
                money(r.incremental_npv_usd)
            )),
            "{text}"
        );
        assert!(text.contains("rent adds "), "{text}");
        assert!(text.contains("capex"), "{text}");
        assert!(text.contains("The largest steps are rent (+"), "{text}");
        let t = table(&r);
        assert_eq!(t.rows.len(), BridgeStep::ALL.len());
        assert_eq!(t.rows[0][0], "Keep mining");
        assert_eq!(t.rows[9][1], money_exact(r.convert_npv_usd));
        Ok(())
    }
}
