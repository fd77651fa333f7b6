//! How wide the outcomes are: the incremental NPV over the simulated paths
//! (docs/MODEL.md, "Monte Carlo") as a histogram, paths per bin. Bars where
//! converting is ahead are blue, where mining is ahead orange (a bin across
//! $0 is split there); the share of paths on which converting is at least
//! as good is the header's figure.
//!
//! Vertical markers, each in its own line style, mark the base case
//! (solid), the median (dashed) and the P10 and P90 (dotted); the header
//! gives their values and each is named above the plot, the names in rows
//! so that none overlaps another and no marker line rises through one.
//! Markers that fall on the same pixel share one name.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{labelled, money_tick, number_tick, text_width, ticks, Scale};
use super::canvas::{Canvas, Metrics, Plot, Right, Side, TextStyleSpec, MARGIN};
use super::header::{Item, Swatch};
use super::labels::{Raised, Span};
use super::spread::{base_case, money_ticks, render_risk};
use super::{ChartError, Rgb, RiskChart, Size, Table, Theme};
use crate::format::{grouped, money, money_exact, percent};
use crate::model::risk::{Bin, Simulation};

/// `Incremental NPV over 2,000 simulated paths`.
pub fn title(s: &Simulation) -> String {
    if s.paths == 1 {
        t!("Incremental NPV over 1 simulated path").to_owned()
    } else {
        t!(
            "Incremental NPV over {count} simulated paths",
            count = count(s.paths)
        )
    }
}

/// `2,000`: a number of paths.
fn count(n: u32) -> String {
    grouped(f64::from(n))
}

/// The chance converting is at least as good, the percentiles against the
/// base case, and the range the paths span.
pub fn summary(s: &Simulation) -> String {
    if s.paths == 0 || s.histogram.is_empty() {
        return t!("No simulated path has been run yet.").to_owned();
    }
    let p = s.incremental_npv_usd;
    let base = s.deterministic_npv_usd;
    let share = percent(s.probability_convert_ahead_pct);
    let mut out = if s.paths == 1 {
        t!(
            "Over 1 simulated path (seed {seed}), converting is worth at least as much as keeping mining on {share} of them.",
            seed = s.seed,
            share = share,
        )
    } else {
        t!(
            "Over {count} simulated paths (seed {seed}), converting is worth at least as much as keeping mining on {share} of them.",
            count = count(s.paths),
            seed = s.seed,
            share = share,
        )
    };
    out.push(' ');
    // Where the base case falls against the percentiles.
    let above = base > p.p90 && money(base) != money(p.p90);
    let below = !above && base < p.p10 && money(base) != money(p.p10);
    let (p10, p50, p90, base) = (money(p.p10), money(p.p50), money(p.p90), money(base));
    let spread = if p10 == p90 {
        match (above, below) {
            (true, _) => t!(
                "Every percentile of the incremental NPV is {value}, against {base} in the base case, above the P90.",
                value = p50,
                base = base,
            ),
            (_, true) => t!(
                "Every percentile of the incremental NPV is {value}, against {base} in the base case, below the P10.",
                value = p50,
                base = base,
            ),
            _ => t!(
                "Every percentile of the incremental NPV is {value}, against {base} in the base case.",
                value = p50,
                base = base,
            ),
        }
    } else {
        match (above, below) {
            (true, _) => t!(
                "The incremental NPV's P10 is {p10}, its median {p50} and its P90 {p90}, against {base} in the base case, above the P90.",
                p10 = p10,
                p50 = p50,
                p90 = p90,
                base = base,
            ),
            (_, true) => t!(
                "The incremental NPV's P10 is {p10}, its median {p50} and its P90 {p90}, against {base} in the base case, below the P10.",
                p10 = p10,
                p50 = p50,
                p90 = p90,
                base = base,
            ),
            _ => t!(
                "The incremental NPV's P10 is {p10}, its median {p50} and its P90 {p90}, against {base} in the base case.",
                p10 = p10,
                p50 = p50,
                p90 = p90,
                base = base,
            ),
        }
    };
    out.push_str(&spread);
    if let (Some(first), Some(last)) = (s.histogram.first(), s.histogram.last()) {
        if money(first.from_usd) != money(last.to_usd) {
            out.push(' ');
            out.push_str(&t!(
                "The bins run from {from} to {to}.",
                from = money(first.from_usd),
                to = money(last.to_usd),
            ));
        }
    }
    out
}

/// One row per bin.
pub fn table(s: &Simulation) -> Table {
    let total = f64::from(s.paths.max(1));
    let rows = s
        .histogram
        .iter()
        .map(|b| {
            vec![
                money_exact(b.from_usd),
                money_exact(b.to_usd),
                grouped(f64::from(b.paths)),
                percent(100.0 * f64::from(b.paths) / total),
            ]
        })
        .collect();
    let p = s.incremental_npv_usd;
    let (p10, p50, p90) = (money_exact(p.p10), money_exact(p.p50), money_exact(p.p90));
    let (base, share) = (
        money_exact(s.deterministic_npv_usd),
        percent(s.probability_convert_ahead_pct),
    );
    let caption = if s.paths == 1 {
        t!(
            "Incremental NPV after tax over 1 simulated path (seed {seed}), paths per bin: P10 {p10}, P50 {p50}, P90 {p90}, base case {base}; converting at least as good as keeping mining on {share} of paths",
            seed = s.seed,
            p10 = p10,
            p50 = p50,
            p90 = p90,
            base = base,
            share = share,
        )
    } else {
        t!(
            "Incremental NPV after tax over {count} simulated paths (seed {seed}), paths per bin: P10 {p10}, P50 {p50}, P90 {p90}, base case {base}; converting at least as good as keeping mining on {share} of paths",
            count = count(s.paths),
            seed = s.seed,
            p10 = p10,
            p50 = p50,
            p90 = p90,
            base = base,
            share = share,
        )
    };
    Table {
        caption,
        headers: [t!("From"), t!("To"), t!("Paths"), t!("Share of paths")]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// The chart as SVG text.
pub fn draw(s: &Simulation, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render_risk(RiskChart::Histogram, theme, size, &title(s), |c| {
        draw_on(c, s)
    })
}

/// What a marker marks; each has its own line style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Base,
    P50,
    P10,
    P90,
}

impl Kind {
    /// In the order the markers are drawn over one another, the last on top.
    const ALL: [Kind; 4] = [Kind::P10, Kind::P90, Kind::P50, Kind::Base];

    fn name(self) -> &'static str {
        match self {
            Kind::Base => t!("Base case"),
            Kind::P50 => "P50",
            Kind::P10 => "P10",
            Kind::P90 => "P90",
        }
    }

    /// The name where several share a marker: `Base`.
    fn short(self) -> &'static str {
        match self {
            Kind::Base => t!("Base"),
            other => other.name(),
        }
    }

    fn colour(self, theme: &Theme) -> Rgb {
        match self {
            Kind::Base => theme.current,
            _ => theme.crossover,
        }
    }

    /// The `stroke-dasharray`, `None` for a solid line.
    fn dash(self) -> Option<&'static str> {
        match self {
            Kind::Base => None,
            Kind::P50 => Some("7 4"),
            Kind::P10 | Kind::P90 => Some("2 3"),
        }
    }

    fn swatch(self, theme: &Theme) -> Swatch {
        match self.dash() {
            Some(dash) => Swatch::Dashed(self.colour(theme), dash),
            None => Swatch::Line(self.colour(theme), false),
        }
    }

    fn value(self, s: &Simulation) -> f64 {
        let p = s.incremental_npv_usd;
        let v = match self {
            Kind::Base => s.deterministic_npv_usd,
            Kind::P50 => p.p50,
            Kind::P10 => p.p10,
            Kind::P90 => p.p90,
        };
        if v.is_finite() {
            v
        } else {
            0.0
        }
    }
}

/// The money range drawn: every bin and every marker, a little wider; a
/// range of one value is given room either side.
fn money_range(s: &Simulation) -> (f64, f64) {
    let values = s
        .histogram
        .iter()
        .flat_map(|b| [b.from_usd, b.to_usd])
        .chain(Kind::ALL.map(|k| k.value(s)))
        .filter(|v| v.is_finite());
    let lo = values.clone().fold(f64::INFINITY, f64::min);
    let hi = values.fold(f64::NEG_INFINITY, f64::max);
    if !(lo.is_finite() && hi.is_finite()) {
        return (0.0, 1.0e6);
    }
    if hi - lo < 1.0 {
        let unit = (lo.abs() * 0.1).max(1.0e6);
        return (lo - unit, hi + unit);
    }
    let pad = (hi - lo) * 0.03;
    (lo - pad, hi + pad)
}

/// The header: the chance converting is at least as good; the markers'
/// values; the bars' colours; how many paths and the seed.
fn header_items(s: &Simulation, theme: &Theme) -> Vec<Item> {
    if s.paths == 0 || s.histogram.is_empty() {
        return vec![Item::figure(t!("No simulated path yet"))];
    }
    let p = s.incremental_npv_usd;
    let mut items = vec![
        Item::figure(t!(
            "Converting at least as good on {share} of paths",
            share = percent(s.probability_convert_ahead_pct),
        )),
        Item::legend(Kind::Base.swatch(theme), base_case(s.deterministic_npv_usd)),
        Item::legend(
            Kind::P50.swatch(theme),
            t!("Median {value}", value = money(p.p50)),
        ),
        Item::legend(
            Kind::P10.swatch(theme),
            format!("P10 {}, P90 {}", money(p.p10), money(p.p90)),
        ),
    ];
    // A legend entry for each colour drawn.
    let drawn = |f: fn(&Bin) -> bool| s.histogram.iter().any(|b| b.paths > 0 && f(b));
    if drawn(|b| b.to_usd > 0.0 || b.from_usd >= 0.0) {
        items.push(Item::legend(Swatch::Bar(theme.convert), t!("Converting ahead")).rank(1));
    }
    if drawn(|b| b.from_usd < 0.0) {
        items.push(Item::legend(Swatch::Bar(theme.mining), t!("Mining ahead")).rank(1));
    }
    let runs = if s.paths == 1 {
        t!("1 simulated path, seed {seed}", seed = s.seed)
    } else {
        t!(
            "{count} simulated paths, seed {seed}",
            count = count(s.paths),
            seed = s.seed,
        )
    };
    items.push(Item::note(runs).rank(2));
    items
}

/// Markers closer than this share one name, px.
const CLOSE: i32 = 8;

/// One name above the plot for one or more markers close together: each
/// marker's kind and x, the span of their lines, and the name in full and
/// short.
struct Marker {
    lines: Vec<(Kind, i32)>,
    lo: i32,
    hi: i32,
    label: String,
    short: String,
}

/// The markers at `xs`, those closer than [`CLOSE`] px under one name
/// (`P90 $244M, Base case $246M`; `Base = P10 = P50 = P90 $246M` where the
/// values are one).
fn markers(s: &Simulation, xs: &Scale) -> Vec<Marker> {
    let naming = [Kind::Base, Kind::P10, Kind::P50, Kind::P90];
    let mut all: Vec<(i32, usize, Kind, f64)> = naming
        .iter()
        .enumerate()
        .map(|(i, &k)| (xs.px(k.value(s)), i, k, k.value(s)))
        .collect();
    // Left to right, by value (so by x); one value in the naming order.
    all.sort_by(|a, b| a.3.total_cmp(&b.3).then(a.1.cmp(&b.1)));
    let mut groups: Vec<Vec<(i32, Kind, f64)>> = Vec::new();
    for (x, _, kind, v) in all {
        match groups.last_mut() {
            Some(g) if g.last().is_some_and(|&(at, ..)| x - at < CLOSE) => g.push((x, kind, v)),
            _ => groups.push(vec![(x, kind, v)]),
        }
    }
    groups
        .into_iter()
        .map(|g| {
            // Names sharing one value (to the label's precision) join with `=`.
            let mut parts: Vec<(String, Vec<Kind>)> = Vec::new();
            for &(_, kind, v) in &g {
                let text = money(v);
                match parts.iter_mut().find(|(t, _)| *t == text) {
                    Some((_, kinds)) => kinds.push(kind),
                    None => parts.push((text, vec![kind])),
                }
            }
            let (label, short) = match &parts[..] {
                [(value, kinds)] if kinds.len() == 1 => (
                    format!("{} {value}", kinds[0].name()),
                    kinds[0].name().to_owned(),
                ),
                [(value, kinds)] => {
                    let names: Vec<&str> = kinds.iter().map(|k| k.short()).collect();
                    (format!("{} {value}", names.join(" = ")), names.join("="))
                }
                _ => {
                    let full: Vec<String> = parts
                        .iter()
                        .map(|(value, kinds)| {
                            let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
                            format!("{} {value}", names.join(" = "))
                        })
                        .collect();
                    let short: Vec<&str> = g.iter().map(|(_, k, _)| k.short()).collect();
                    (full.join(", "), short.join(", "))
                }
            };
            let lo = g.first().map_or(0, |&(x, ..)| x);
            let hi = g.last().map_or(lo, |&(x, ..)| x);
            Marker {
                lines: g.iter().map(|&(x, kind, _)| (kind, x)).collect(),
                lo,
                hi,
                label,
                short,
            }
        })
        .collect()
}

/// One way to set a marker's name: beside its lines, reading away from
/// them.
#[derive(Clone)]
struct Setting {
    label: String,
    text_x: i32,
    h: HPos,
    span: Span,
}

impl Setting {
    fn beside(label: &str, m: &Marker, rightwards: bool, px: f64) -> Self {
        let w = text_width(label, px, false);
        let (text_x, h, span) = if rightwards {
            (
                m.hi + 4,
                HPos::Left,
                Span {
                    from: m.lo - 2,
                    to: m.hi + 4 + w,
                },
            )
        } else {
            (
                m.lo - 4,
                HPos::Right,
                Span {
                    from: m.lo - 4 - w,
                    to: m.hi + 2,
                },
            )
        };
        Self {
            label: label.to_owned(),
            text_x,
            h,
            span,
        }
    }
}

/// A name set in a row (0 nearest the plot), with its markers' lines from
/// `lo` to `hi`.
#[derive(Clone)]
struct Slot {
    setting: Setting,
    row: i32,
    lo: i32,
    hi: i32,
}

impl Slot {
    /// Apart when in one row; else no line of the higher rises through the
    /// lower's name.
    fn clear_of(&self, other: &Slot) -> bool {
        let raised = |s: &Slot| Raised {
            span: s.setting.span,
            row: s.row,
            lo: s.lo,
            hi: s.hi,
        };
        raised(self).clear_of(&raised(other))
    }
}

/// Rows for the markers' names, each reading rightwards if it can: full
/// names in up to `full_rows` rows if they stand that way; else as few rows
/// as can be, full names before short ones in as many rows; every marker
/// placed.
fn place(markers: &[Marker], px: f64, bounds: (i32, i32), full_rows: i32) -> Vec<Slot> {
    let options: Vec<Vec<Setting>> = markers
        .iter()
        .map(|m| {
            let inside: Vec<Setting> = [&m.label, &m.short]
                .into_iter()
                .flat_map(|t| [true, false].map(|right| Setting::beside(t, m, right, px)))
                .filter(|s| s.span.from >= bounds.0 && s.span.to <= bounds.1)
                .collect();
            if inside.is_empty() {
                let right = bounds.1 - m.hi >= m.lo - bounds.0;
                vec![Setting::beside(&m.short, m, right, px)]
            } else {
                inside
            }
        })
        .collect();
    let mut slots = Vec::with_capacity(markers.len());
    let tries = (1..=full_rows)
        .map(|rows| (rows, false))
        .chain((1..=markers.len() as i32).flat_map(|rows| [(rows, false), (rows, true)]));
    for (rows, short) in tries {
        if search(markers, &options, rows, short, &mut slots) {
            return slots;
        }
    }
    // Should nothing stand clear, each name in its own row.
    markers
        .iter()
        .zip(&options)
        .enumerate()
        .filter_map(|(i, (m, o))| {
            o.first().map(|setting| Slot {
                setting: setting.clone(),
                row: i as i32,
                lo: m.lo,
                hi: m.hi,
            })
        })
        .collect()
}

/// Depth-first: a slot in the first `rows` rows for each marker from
/// `slots.len()` on that stands with every slot before it, with full names
/// only, or with short names only when `short`.
fn search(
    markers: &[Marker],
    options: &[Vec<Setting>],
    rows: i32,
    short: bool,
    slots: &mut Vec<Slot>,
) -> bool {
    let i = slots.len();
    let (Some(m), Some(settings)) = (markers.get(i), options.get(i)) else {
        return true;
    };
    for row in 0..rows {
        let full = |s: &&Setting| s.label == m.label;
        let wanted = |s: &&Setting| if short { !full(s) } else { full(s) };
        // A marker whose names all run past the edge keeps its one setting.
        let only = settings.len() == 1;
        for setting in settings.iter().filter(|s| only || wanted(s)) {
            let slot = Slot {
                setting: setting.clone(),
                row,
                lo: m.lo,
                hi: m.hi,
            };
            if slots.iter().all(|s| s.clear_of(&slot)) {
                slots.push(slot);
                if search(markers, options, rows, short, slots) {
                    return true;
                }
                slots.pop();
            }
        }
    }
    false
}

/// Gap between the markers' names and the top tick label, px.
const LABEL_CLEARANCE: f64 = 3.0;

fn draw_on(c: &mut Canvas<'_>, s: &Simulation) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let Metrics {
        small, label_row, ..
    } = c.metrics;
    let width = c.size.width as i32;
    let header = c.header(&header_items(s, &theme))? + 6;
    let (lo, hi) = money_range(s);

    // Paths per bin: the y axis from 0.
    let most = s.histogram.iter().map(|b| b.paths).max().unwrap_or(0);
    let last_label = text_width(&money_tick(hi), small, false);
    let lift = (small / 2.0 + LABEL_CLEARANCE).ceil() as i32;
    let rough = Plot::new(
        c.size,
        header + 2 * label_row + lift,
        0,
        Right::LastLabel(last_label),
    );
    let y_ticks = ticks(
        0.0,
        f64::from(most.max(1)),
        (rough.height() / 40).clamp(2, 6) as usize,
        true,
        1.0,
    );
    let (y_labels, widest) = labelled(&y_ticks.values, small, |v| number_tick(v, y_ticks.step));

    // The plot's sides do not depend on its top: place the names, then give
    // them the rows they need.
    let sides = Plot::new(c.size, header, widest, Right::LastLabel(last_label));
    let xs = sides.x_scale((lo, hi));
    let markers = if s.histogram.is_empty() {
        Vec::new()
    } else {
        markers(s, &xs)
    };
    // Full names in up to three rows on a tall chart; on a short one, as
    // few rows as the names need.
    let full_rows = if c.size.height >= 400 { 3 } else { 0 };
    let slots = place(&markers, small, (MARGIN, width - MARGIN), full_rows);
    let rows = slots.iter().map(|p| p.row + 1).max().unwrap_or(0);
    let top = header + rows * label_row + if rows > 0 { lift } else { 0 };
    let plot = Plot::new(c.size, top, widest, Right::LastLabel(last_label));
    let ys = plot.y_scale((y_ticks.lo, y_ticks.hi));
    let first_row_mid = plot.top - lift - label_row / 2;

    c.grid(&plot, &ys, &y_ticks)?;
    let zero = xs.px(0.0);
    if xs.contains(0.0) {
        c.line(
            &[(zero, plot.top), (zero, plot.bottom)],
            theme.axis,
            1,
            None,
        )?;
    }

    // The bars, a pixel apart where they are wide enough.
    for b in &s.histogram {
        draw_bin(c, b, &xs, &ys, &plot)?;
    }

    // The markers, the base case on top; then their names.
    for kind in Kind::ALL {
        let line = markers.iter().zip(&slots).find_map(|(m, slot)| {
            m.lines
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|&(_, x)| (x, slot.row))
        });
        let Some((x, row)) = line else {
            continue;
        };
        let mid = first_row_mid - row * label_row;
        c.line(
            &[(x, plot.bottom), (x, mid - 5)],
            kind.colour(&theme),
            2,
            kind.dash(),
        )?;
    }
    for slot in &slots {
        let mid = first_row_mid - slot.row * label_row;
        c.text(
            &slot.setting.label,
            (slot.setting.text_x, mid),
            TextStyleSpec::new(small, theme.text, slot.setting.h, VPos::Center),
        )?;
    }

    let paths = t!("Paths");
    c.y_axis(&plot, Side::Left, &ys, &y_labels, (paths, paths))?;
    let ticks = money_ticks((lo, hi), &xs, plot.width(), small, (MARGIN, width - MARGIN));
    let full = t!("Incremental NPV after tax (convert \u{2212} keep mining)");
    let title = if text_width(full, small, false) <= plot.width() {
        full
    } else {
        t!("Incremental NPV")
    };
    c.x_axis(&plot, &xs, &ticks, title)
}

/// One bin: blue where converting is ahead, orange where mining is, split
/// at $0.
fn draw_bin(
    c: &mut Canvas<'_>,
    b: &Bin,
    xs: &Scale,
    ys: &Scale,
    plot: &Plot,
) -> Result<(), ChartError> {
    if b.paths == 0 {
        return Ok(());
    }
    let (convert, mining) = (c.theme.convert, c.theme.mining);
    let (mut x0, mut x1) = (xs.px(b.from_usd), xs.px(b.to_usd));
    if x1 - x0 < 2 {
        // A bin of one value: a bar a thirtieth of the plot wide.
        let half = (plot.width() / 60).max(3);
        let mid = (x0 + x1) / 2;
        (x0, x1) = (mid - half, mid + half);
    } else if x1 - x0 >= 4 {
        x1 -= 1;
    }
    let y = ys.px(f64::from(b.paths)).min(plot.bottom - 1);
    if b.from_usd >= 0.0 {
        c.rect((x0, plot.bottom), (x1, y), convert, 1.0)
    } else if b.to_usd <= 0.0 {
        c.rect((x0, plot.bottom), (x1, y), mining, 1.0)
    } else {
        let zero = xs.px(0.0).clamp(x0, x1);
        c.rect((x0, plot.bottom), (zero, y), mining, 1.0)?;
        c.rect((zero, plot.bottom), (x1, y), convert, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::TestResult;
    use crate::model::risk::simulate;
    use crate::model::Scenario;

    fn small_run(paths: u32) -> Result<Simulation, Box<dyn std::error::Error>> {
        let mut s = Scenario::default();
        s.risk.paths = paths;
        Ok(simulate(&s)?)
    }

    #[test]
    fn markers_close_together_share_a_name() -> TestResult {
        let mut s = small_run(10)?;
        let v = s.deterministic_npv_usd;
        s.incremental_npv_usd.p10 = v;
        s.incremental_npv_usd.p50 = v;
        s.incremental_npv_usd.p90 = v;
        let xs = Scale::new((v - 1.0e6, v + 1.0e6), (0, 600));
        let m = markers(&s, &xs);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].label, format!("Base = P10 = P50 = P90 {}", money(v)));
        assert_eq!(m[0].short, "Base=P10=P50=P90");
        // As in the default scenario: the P90 just below the base case.
        s.incremental_npv_usd.p10 = v - 5.0e7;
        s.incremental_npv_usd.p50 = v - 2.0e7;
        s.incremental_npv_usd.p90 = v - 1.0e6;
        let xs = Scale::new((v - 1.0e8, v + 1.0e7), (0, 600));
        let m = markers(&s, &xs);
        let labels: Vec<&str> = m.iter().map(|m| m.short.as_str()).collect();
        assert_eq!(labels, ["P10", "P50", "P90, Base"]);
        assert_eq!(
            m[2].label,
            format!("P90 {}, Base case {}", money(v - 1.0e6), money(v))
        );
        Ok(())
    }

    #[test]
    fn names_stand_clear_of_each_other_and_of_the_lines() {
        let marker = |lo: i32, hi: i32, name: &str| Marker {
            lines: vec![(Kind::P10, lo), (Kind::P90, hi)],
            lo,
            hi,
            label: format!("{name} $246M"),
            short: name.to_owned(),
        };
        let ms = [
            marker(150, 150, "P10"),
            marker(250, 250, "P50"),
            marker(262, 262, "P60"),
            marker(298, 300, "P90, Base case"),
        ];
        for bounds in [(0, 620), (0, 330), (100, 310)] {
            let slots = place(&ms, 11.0, bounds, 3);
            assert_eq!(slots.len(), ms.len());
            for (i, a) in slots.iter().enumerate() {
                for b in &slots[i + 1..] {
                    assert!(a.clear_of(b), "{} and {}", a.setting.label, b.setting.label);
                }
            }
        }
    }

    #[test]
    fn the_default_in_words() -> TestResult {
        let s = small_run(500)?;
        let text = summary(&s);
        assert!(
            text.starts_with("Over 500 simulated paths (seed 1), converting is worth at least as much as keeping mining on "),
            "{text}"
        );
        assert!(text.contains(&money(s.incremental_npv_usd.p50)), "{text}");
        let t = table(&s);
        assert_eq!(t.rows.len(), s.histogram.len());
        let counted: u32 = s.histogram.iter().map(|b| b.paths).sum();
        assert_eq!(counted, 500);
        Ok(())
    }
}
