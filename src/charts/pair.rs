//! A and B on one chart, for a comparison: the page's four charts drawn
//! for two scenarios at once. Each series keeps the colour the single
//! chart gives it; A is drawn solid and B dashed, and the legend names
//! both. The header states each one's figure for the chart.
//!
//! * revenue: contract revenue per contract year, a line each (A's with a
//!   dot per year);
//! * build time: critical IT leased per calendar month, the conversion and
//!   the shortest greenfield build of each;
//! * energy: both paths' NPV across each one's energy-price sweep, each
//!   one's current price marked;
//! * bridge: the NPV bridge, A's bars filled and B's outlined, dashed.
//!
//! As for the single charts: [`title`], [`summary`], [`table`] and
//! [`draw`]. Nothing here computes money: every figure is one of the two
//! evaluations' outputs, or the difference of two of them.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{
    labelled, money_axis, money_tick, money_up, nice_step, number_tick, price_tick, shown_rate,
    text_width, ticks,
};
use super::bridge::{self, Kind};
use super::build_time::{self, steps, Ramp};
use super::canvas::{render, Canvas, Plot, Right, Side, DASH, MARGIN, TICK_GAP};
use super::header::{Item, Swatch};
use super::spread::money_ticks;
use super::{energy, revenue, Chart, ChartError, Size, Table, Theme};
use crate::format::{lead_in_words, megawatts, money, money_exact, price_per_mwh};
use crate::model::result::BridgeStep;
use crate::model::{BuildTime, Evaluation};

/// What goes in a table's cell a scenario has no figure for.
const NONE: &str = "\u{2014}";

/// Two evaluations drawn together, with the names the page gives them.
#[derive(Clone, Copy, Debug)]
pub struct Pair<'a> {
    pub a: &'a Evaluation,
    pub a_name: &'a str,
    pub b: &'a Evaluation,
    pub b_name: &'a str,
}

impl<'a> Pair<'a> {
    /// A then B, each with its line's dash (A's none).
    fn sides(&self) -> [(&'a Evaluation, Option<&'static str>); 2] {
        [(self.a, None), (self.b, Some(DASH))]
    }

    /// `A, Site one, and B, Site two`.
    fn named(&self) -> String {
        t!("A, {a}, and B, {b}", a = self.a_name, b = self.b_name)
    }
}

/// The heading over a chart of A and B.
pub fn title(chart: Chart) -> String {
    match chart {
        Chart::Revenue => t!("Contract revenue by contract year, A and B"),
        Chart::BuildTime => t!("Critical IT leased from the decision, A and B"),
        Chart::Energy => t!("Energy cost sensitivity, A and B"),
        Chart::Bridge => t!("Where the value comes from, A and B"),
    }
    .to_owned()
}

/// What the chart of A and B shows, in words, for screen readers.
pub fn summary(chart: Chart, p: &Pair<'_>) -> String {
    let (a, b) = (p.a, p.b);
    let named = p.named();
    match chart {
        Chart::Revenue => t!(
            "{named}: contract revenue totals {a_total} for A over {a_years} contract years and {b_total} for B over {b_years}; its NPV is {a_npv} for A and {b_npv} for B.",
            named = named,
            a_total = money(a.contract_total_revenue_usd),
            a_years = a.contract_annual_revenue_usd.len(),
            b_total = money(b.contract_total_revenue_usd),
            b_years = b.contract_annual_revenue_usd.len(),
            a_npv = money(a.contract_revenue_npv_usd),
            b_npv = money(b.contract_revenue_npv_usd),
        ),
        Chart::BuildTime => {
            let [ra, rb] = [Ramp::of(a), Ramp::of(b)];
            let full = |r: &Ramp<'_>| r.start + r.months - 1;
            let mut out = t!(
                "{named}: A's conversion reaches {a_mw} by month {a_month}, B's {b_mw} by month {b_month}.",
                named = named,
                a_mw = megawatts(ra.full),
                a_month = full(&ra),
                b_mw = megawatts(rb.full),
                b_month = full(&rb),
            );
            if let (Some(ba), Some(bb)) = (a.base_build_time(), b.base_build_time()) {
                out.push(' ');
                out.push_str(&t!(
                    "Against the shortest greenfield build ({a_base} and {b_base} months), A saves {a_saved} and B {b_saved}.",
                    a_base = ba.baseline_months,
                    b_base = bb.baseline_months,
                    a_saved = months(ba.months_saved),
                    b_saved = months(bb.months_saved),
                ));
            }
            out
        }
        Chart::Energy => {
            let lead = |r: &Evaluation| lead_in_words(&r.price_regimes());
            t!(
                "{named}: at their current energy prices, {a_price} and {b_price}, converting is worth {a_convert} for A and {b_convert} for B, keeping mining {a_mining} and {b_mining}. For A, {a_lead}; for B, {b_lead}.",
                named = named,
                a_price = price_per_mwh(a.derived.energy_price_usd_per_mwh),
                b_price = price_per_mwh(b.derived.energy_price_usd_per_mwh),
                a_convert = money(a.convert_npv_usd),
                b_convert = money(b.convert_npv_usd),
                a_mining = money(a.keep_mining_npv_usd),
                b_mining = money(b.keep_mining_npv_usd),
                a_lead = lead(a),
                b_lead = lead(b),
            )
        }
        Chart::Bridge => {
            let gap = |r: &Evaluation| {
                let (keep, convert) = bridge::ends(&bridge::bars(r));
                let gap = convert - keep;
                if gap.abs() < 0.5 {
                    t!("as much as").to_owned()
                } else if gap > 0.0 {
                    t!("{amount} more than", amount = money(gap.abs()))
                } else {
                    t!("{amount} less than", amount = money(gap.abs()))
                }
            };
            let mut out = t!(
                "{named}: converting is worth {a_gap} keeping mining for A and {b_gap} for B (present values after tax).",
                named = named,
                a_gap = gap(a),
                b_gap = gap(b),
            );
            let widest = BridgeStep::ALL
                .iter()
                .filter(|s| !s.is_total())
                .map(|&s| (s, a.bridge(s), b.bridge(s)))
                .filter(|(_, x, y)| (y - x).is_finite())
                .reduce(|m, n| if (n.2 - n.1).abs() > (m.2 - m.1).abs() { n } else { m });
            if let Some((step, x, y)) = widest.filter(|(_, x, y)| (y - x).abs() >= 0.5) {
                out.push(' ');
                out.push_str(&t!(
                    "The step that differs most is {step}: {a} for A, {b} for B.",
                    step = super::words::in_sentence(super::bridge::name(step, false)),
                    a = money(x),
                    b = money(y),
                ));
            }
            out
        }
    }
}

/// The numbers behind the chart of A and B.
pub fn table(chart: Chart, p: &Pair<'_>) -> Table {
    let (a, b) = (p.a, p.b);
    let caption = format!("{}: {}", title(chart), p.named());
    let (headers, rows): (Vec<&str>, Vec<Vec<String>>) = match chart {
        Chart::Revenue => {
            let (ya, yb) = (
                &a.contract_annual_revenue_usd,
                &b.contract_annual_revenue_usd,
            );
            let rows = (0..ya.len().max(yb.len()))
                .map(|i| {
                    let (x, y) = (ya.get(i).copied(), yb.get(i).copied());
                    vec![(i + 1).to_string(), cell(x), cell(y), change(x, y)]
                })
                .collect();
            (vec![t!("Contract year"), "A", "B", "B \u{2212} A"], rows)
        }
        Chart::BuildTime => {
            let [ra, rb] = [Ramp::of(a), Ramp::of(b)];
            let (ba, bb) = (a.base_build_time(), b.base_build_time());
            let both = |f: &dyn Fn(&BuildTime) -> String| {
                [ba, bb].map(|x| x.map_or_else(|| NONE.to_owned(), f))
            };
            let rows = vec![
                [
                    t!("First delivery, month").to_owned(),
                    ra.start.to_string(),
                    rb.start.to_string(),
                ],
                [
                    t!("Full capacity from month").to_owned(),
                    (ra.start + ra.months - 1).to_string(),
                    (rb.start + rb.months - 1).to_string(),
                ],
                [
                    t!("Critical IT leased at most").to_owned(),
                    megawatts(ra.full),
                    megawatts(rb.full),
                ],
                prefixed(
                    t!("Shortest greenfield build, months"),
                    both(&|x| x.baseline_months.to_string()),
                ),
                prefixed(
                    t!("Months saved against it"),
                    both(&|x| x.months_saved.to_string()),
                ),
                prefixed(
                    t!("MW-months gained"),
                    both(&|x| crate::format::grouped(x.mw_months_gained)),
                ),
                prefixed(
                    t!("Revenue pulled forward"),
                    both(&|x| money_exact(x.revenue_pulled_forward_usd)),
                ),
                prefixed(
                    t!("Tenant value gained, PV"),
                    both(&|x| money_exact(x.tenant_value_gained_pv_usd)),
                ),
            ];
            (
                vec![t!("Measure"), "A", "B"],
                rows.into_iter().map(Vec::from).collect(),
            )
        }
        Chart::Energy => {
            let at = |r: &Evaluation, price: f64| {
                r.energy_sensitivity
                    .iter()
                    .find(|q| q.energy_usd_per_mwh == price)
                    .map_or_else(
                        || [NONE.to_owned(), NONE.to_owned()],
                        |q| {
                            [
                                money_exact(q.keep_mining_npv_usd),
                                money_exact(q.convert_npv_usd),
                            ]
                        },
                    )
            };
            let rows = prices(a, b)
                .into_iter()
                .map(|price| {
                    let mut row = vec![price_per_mwh(price)];
                    row.extend(at(a, price));
                    row.extend(at(b, price));
                    row
                })
                .collect();
            (
                vec![
                    t!("Energy price, year 1"),
                    t!("A: keep mining NPV"),
                    t!("A: convert NPV"),
                    t!("B: keep mining NPV"),
                    t!("B: convert NPV"),
                ],
                rows,
            )
        }
        Chart::Bridge => {
            let rows = BridgeStep::ALL
                .iter()
                .map(|&s| {
                    let (x, y) = (Some(a.bridge(s)), Some(b.bridge(s)));
                    vec![
                        super::bridge::name(s, false).to_owned(),
                        cell(x),
                        cell(y),
                        change(x, y),
                    ]
                })
                .collect();
            (vec![t!("Step"), "A", "B", "B \u{2212} A"], rows)
        }
    };
    Table {
        caption,
        headers: headers.into_iter().map(String::from).collect(),
        rows,
    }
}

/// The chart of A and B as SVG text.
pub fn draw(chart: Chart, p: &Pair<'_>, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render(chart, theme, size, &title(chart), |c| match chart {
        Chart::Revenue => draw_revenue(c, p),
        Chart::BuildTime => draw_build_time(c, p),
        Chart::Energy => draw_energy(c, p),
        Chart::Bridge => draw_bridge(c, p),
    })
}

/// `3 months`, `1 month`.
fn months(n: u32) -> String {
    if n == 1 {
        t!("1 month").to_owned()
    } else {
        t!("{months} months", months = n)
    }
}

/// `+` before a positive figure's text.
fn signed(text: String, value: f64) -> String {
    if value >= 0.5 {
        format!("+{text}")
    } else {
        text
    }
}

/// Money to the dollar, or a dash for none.
fn cell(usd: Option<f64>) -> String {
    usd.map_or_else(|| NONE.to_owned(), money_exact)
}

/// B less A to the dollar, signed; a dash unless both have a figure.
fn change(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(x), Some(y)) => signed(money_exact(y - x), y - x),
        _ => NONE.to_owned(),
    }
}

fn prefixed(label: &str, [a, b]: [String; 2]) -> [String; 3] {
    [label.to_owned(), a, b]
}

/// The prices either sweep has, lowest first, each once.
fn prices(a: &Evaluation, b: &Evaluation) -> Vec<f64> {
    let mut all: Vec<f64> = a
        .energy_sensitivity
        .iter()
        .chain(&b.energy_sensitivity)
        .map(|q| q.energy_usd_per_mwh)
        .filter(|v| v.is_finite())
        .collect();
    crate::order::sort_small_by(&mut all, f64::total_cmp);
    all.dedup();
    all
}

/// The two legend entries that tell A from B: `a` is A's swatch.
fn legend(p: &Pair<'_>, theme: &Theme, a: Swatch) -> [Item; 2] {
    [
        Item::legend(a, format!("A: {}", p.a_name)),
        Item::legend(Swatch::Dashed(theme.text, DASH), format!("B: {}", p.b_name)),
    ]
}

/// The lowest and highest of `values` and 0.
fn span(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values
        .filter(|v| v.is_finite())
        .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

fn draw_revenue(c: &mut Canvas<'_>, p: &Pair<'_>) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let small = c.metrics.small;
    let (ya, yb) = (
        &p.a.contract_annual_revenue_usd,
        &p.b.contract_annual_revenue_usd,
    );
    let n = ya.len().max(yb.len()).max(1);
    let mut items = legend(p, &theme, Swatch::Line(theme.text, true)).to_vec();
    items.push(Item::legend(Swatch::Line(theme.convert, false), t!("Revenue per year")).rank(1));
    items.push(Item::figure(t!(
        "Total: A {a}, B {b}",
        a = money(p.a.contract_total_revenue_usd),
        b = money(p.b.contract_total_revenue_usd),
    )));
    let top = c.header(&items)? + 8;

    let (_, hi) = span(ya.iter().chain(yb).copied());
    let last = text_width(&n.to_string(), small, false);
    let rough = Plot::new(c.size, top, 0, Right::LastLabel(last));
    let y = money_axis(
        0.0,
        hi,
        (rough.height() / 48).clamp(2, 8) as usize,
        true,
        1.0,
    );
    let (y_labels, widest) = labelled(&y.values, small, money_tick);
    let plot = Plot::new(c.size, top, widest, Right::LastLabel(last));
    let xs = plot.x_scale((0.5, n as f64 + 0.5));
    let ys = plot.y_scale((y.lo, y.hi));
    c.grid(&plot, &ys, &y)?;

    let slot = f64::from(plot.width()) / n as f64;
    for (r, dash) in p.sides() {
        let points: Vec<(i32, i32)> = r
            .contract_annual_revenue_usd
            .iter()
            .enumerate()
            .map(|(i, v)| (xs.px((i + 1) as f64), ys.px(*v)))
            .collect();
        c.line(&points, theme.convert, 2, dash)?;
        if dash.is_none() && (slot >= 9.0 || points.len() == 1) {
            for at in &points {
                c.dot(*at, 3, theme.convert)?;
            }
        }
    }

    c.y_axis(
        &plot,
        Side::Left,
        &ys,
        &y_labels,
        (t!("Revenue per contract year"), t!("Per year")),
    )?;
    let widest_year = text_width(&n.to_string(), small, false);
    let step = nice_step(f64::from(widest_year + 10) / slot, true) as usize;
    let years: Vec<(f64, String)> = revenue::year_ticks(n, step)
        .into_iter()
        .map(|y| (y as f64, y.to_string()))
        .collect();
    c.x_axis(&plot, &xs, &years, t!("Contract year"))
}

fn draw_build_time(c: &mut Canvas<'_>, p: &Pair<'_>) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let small = c.metrics.small;
    let ramps = [Ramp::of(p.a), Ramp::of(p.b)];
    let bases = [p.a.base_build_time(), p.b.base_build_time()];

    let mut items = legend(p, &theme, Swatch::Line(theme.text, false)).to_vec();
    items.push(Item::legend(Swatch::Line(theme.convert, false), t!("Conversion")).rank(1));
    items.push(
        Item::legend(
            Swatch::Line(theme.greenfield, false),
            t!("Shortest greenfield build"),
        )
        .rank(1),
    );
    if let [Some(ba), Some(bb)] = bases {
        items.push(Item::figure(t!(
            "Months saved: A {a}, B {b}",
            a = ba.months_saved,
            b = bb.months_saved,
        )));
    }
    let top = c.header(&items)? + 8;

    let reach = ramps
        .iter()
        .zip(bases)
        .map(|(r, b)| r.start.max(b.map_or(0, |b| b.baseline_months as usize)) + r.months)
        .max()
        .unwrap_or(1);
    let (x_ticks, last_label, rough) = build_time::months(c, top, reach);
    let end = x_ticks.hi.max(1.0) as usize;

    let full = ramps.iter().fold(0.0_f64, |m, r| m.max(r.full));
    let y_ticks = ticks(
        0.0,
        full * 1.1,
        (rough.height() / 45).clamp(2, 8) as usize,
        false,
        1.0,
    );
    let (y_labels, widest) = labelled(&y_ticks.values, small, |v| number_tick(v, y_ticks.step));
    let plot = Plot::new(c.size, top, widest, Right::LastLabel(last_label));
    let xs = plot.x_scale((0.0, end as f64));
    let ys = plot.y_scale((y_ticks.lo, y_ticks.hi));
    c.grid(&plot, &ys, &y_ticks)?;

    let sides = p.sides();
    for ((ramp, base), (_, dash)) in ramps.iter().zip(bases).zip(sides) {
        if let Some(b) = base {
            let start = b.baseline_months as usize;
            let curve = steps(|m| ramp.online(start, m), start, end, &xs, &ys);
            c.line(&curve, theme.greenfield, 2, dash)?;
        }
    }
    for (ramp, (_, dash)) in ramps.iter().zip(sides) {
        let curve = steps(|m| ramp.online(ramp.start, m), 0, end, &xs, &ys);
        c.line(&curve, theme.convert, 3, dash)?;
    }

    build_time::axes(c, &plot, (&xs, &x_ticks), (&ys, &y_labels))
}

fn draw_energy(c: &mut Canvas<'_>, p: &Pair<'_>) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let small = c.metrics.small;
    let [(la, ha), (lb, hb)] = [energy::price_range(p.a), energy::price_range(p.b)];
    let (lo, hi) = (la.min(lb), ha.max(hb));

    let mut items = legend(p, &theme, Swatch::Line(theme.text, false)).to_vec();
    items.extend([
        Item::legend(Swatch::Line(theme.convert, false), t!("Convert")).rank(1),
        Item::legend(Swatch::Line(theme.mining, false), t!("Keep mining")).rank(1),
        Item::legend(Swatch::Line(theme.current, false), t!("Current price")).rank(1),
    ]);
    let top = c.header(&items)? + 6;

    let npvs = p
        .sides()
        .into_iter()
        .flat_map(|(r, _)| r.energy_sensitivity.iter())
        .flat_map(|q| [q.keep_mining_npv_usd, q.convert_npv_usd]);
    let (y_lo, y_hi) = span(npvs);
    let widest_price = text_width(&price_tick(hi * shown_rate(), 1.0), small, false);
    let rough = Plot::new(c.size, top, 0, Right::LastLabel(widest_price));
    let (y_ticks, y_labels, widest) = money_up((y_lo, y_hi), rough.height(), small, true);
    let plot = Plot::new(c.size, top, widest, Right::LastLabel(widest_price));
    let xs = plot.x_scale((lo, hi));
    let ys = plot.y_scale((y_ticks.lo, y_ticks.hi));
    c.grid_with_zero(&plot, &ys, &y_ticks)?;

    for (r, dash) in p.sides() {
        let price = r.derived.energy_price_usd_per_mwh;
        if xs.contains(price) {
            let x = xs.px(price);
            c.line(&[(x, plot.bottom), (x, plot.top)], theme.current, 1, dash)?;
        }
    }
    for (r, dash) in p.sides() {
        let line = |npv: fn(&crate::model::SensitivityPoint) -> f64| -> Vec<(i32, i32)> {
            r.energy_sensitivity
                .iter()
                .map(|q| (xs.px(q.energy_usd_per_mwh), ys.px(npv(q))))
                .collect()
        };
        c.line(&line(|q| q.keep_mining_npv_usd), theme.mining, 3, dash)?;
        c.line(&line(|q| q.convert_npv_usd), theme.convert, 3, dash)?;
    }

    energy::axes(c, &plot, (&ys, &y_labels), (&xs, (lo, hi)), widest_price)
}

fn draw_bridge(c: &mut Canvas<'_>, p: &Pair<'_>) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let small = c.metrics.small;
    let (width, height) = (c.size.width as i32, c.size.height as i32);
    let bars = [bridge::bars(p.a), bridge::bars(p.b)];

    let mut items = legend(p, &theme, Swatch::Bar(theme.greenfield)).to_vec();
    items.extend([
        Item::legend(Swatch::Bar(theme.convert), t!("Adds value")).rank(1),
        Item::legend(Swatch::Bar(theme.mining), t!("Takes value away")).rank(1),
    ]);
    let top = c.header(&items)? + 8;

    let widest = |short: bool| {
        BridgeStep::ALL
            .iter()
            .map(|&s| text_width(bridge::name(s, short), small, s.is_total()))
            .max()
            .unwrap_or(0)
    };
    let short = widest(false) * 4 > width;
    let bottom = height - MARGIN - 2 * c.metrics.x_labels_h;
    let left = MARGIN + widest(short) + TICK_GAP;
    let plot = Plot {
        left,
        top: top.min(bottom - 10),
        right: (width - MARGIN).max(left + 10),
        bottom,
    };

    let (lo, hi) = span(bars.iter().flatten().flat_map(|b| [b.from, b.to]));
    let pad = ((hi - lo) * 0.04).max(1.0);
    let domain = (if lo < 0.0 { lo - pad } else { lo }, hi + pad);
    let xs = plot.x_scale(domain);
    let ticks = money_ticks(domain, &xs, plot.width(), small, (MARGIN, width - MARGIN));
    c.grid_across(&plot, &xs, &ticks)?;

    let rows = BridgeStep::ALL.len().max(1);
    let row = f64::from(plot.height()) / rows as f64;
    let half = ((row * 0.64).clamp(3.0, 30.0) / 2.0).round() as i32;
    for (i, step) in BridgeStep::ALL.iter().enumerate() {
        let y = plot.top + (row * (i as f64 + 0.5)).round() as i32;
        if let Some(b) = bars[0].iter().find(|b| b.step == *step) {
            let (x0, x1) = (xs.px(b.from), xs.px(b.to));
            if b.kind == Kind::Nothing || x0 == x1 {
                c.line(&[(x0, y - half), (x0, y + half)], theme.muted, 2, None)?;
            } else {
                c.rect((x0, y - half), (x1, y + half), b.kind.colour(&theme), 1.0)?;
            }
        }
        if let Some(b) = bars[1].iter().find(|b| b.step == *step) {
            let (x0, x1) = (xs.px(b.from), xs.px(b.to));
            let (y0, y1) = (y - half - 2, y + half + 2);
            let outline = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
            c.line(&outline, theme.text, 2, Some(DASH))?;
        }
        let mut spec =
            super::canvas::TextStyleSpec::new(small, theme.text, HPos::Right, VPos::Center);
        if step.is_total() {
            spec = spec.bold();
        }
        c.text(bridge::name(*step, short), (plot.left - TICK_GAP, y), spec)?;
    }

    let title = super::canvas::axis_title(
        t!("Present value at the decision, after tax"),
        t!("NPV, after tax"),
        2,
        small,
        plot.width(),
    );
    c.x_axis(&plot, &xs, &ticks, title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{page_sizes, scenarios, TestResult, SIZE};

    fn pair<'a>(a: &'a Evaluation, b: &'a Evaluation) -> Pair<'a> {
        Pair {
            a,
            a_name: "Site <one>",
            b,
            b_name: "Site two",
        }
    }

    #[test]
    fn a_is_solid_b_dashed_and_both_are_named() -> TestResult {
        let all = scenarios()?;
        let (a, b) = (&all[0].1, &all[1].1);
        let p = pair(a, b);
        for chart in Chart::ALL {
            let svg = draw(chart, &p, &Theme::light(), SIZE)?;
            assert!(svg.contains("\nA: Site &lt;one&gt;\n"), "{chart}");
            assert!(svg.contains("\nB: Site two\n"), "{chart}");
            // B's lines, and its legend swatch, are dashed.
            let dashed = svg.matches("stroke-dasharray=\"6 4\"").count();
            let b_lines = match chart {
                Chart::Revenue => 1,
                Chart::BuildTime => 2,
                Chart::Energy => 3,
                Chart::Bridge => BridgeStep::ALL.len(),
            };
            // And the legend's swatch for B.
            assert!(dashed > b_lines, "{chart}: {dashed} dashed");
            assert!(svg.starts_with(&format!(
                "<svg role=\"img\" aria-label=\"{}\"",
                title(chart)
            )));
        }
        Ok(())
    }

    #[test]
    fn titles_and_legends_speak_portuguese() -> TestResult {
        use crate::lang::{load, Lang};
        let all = scenarios()?;
        let p = pair(&all[0].1, &all[1].1);
        load(
            Lang::PtBr,
            r#"{"Energy cost sensitivity, A and B": "Sensibilidade ao custo da energia, A e B", "Keep mining": "Manter a mineração"}"#,
        )
        .map_err(|e| e.to_string())?;
        let svg = draw(Chart::Energy, &p, &Theme::light(), SIZE);
        let caption = table(Chart::Energy, &p).caption;
        load(Lang::En, "").map_err(|e| e.to_string())?;
        let svg = svg?;
        assert!(svg.starts_with(
            "<svg role=\"img\" aria-label=\"Sensibilidade ao custo da energia, A e B\""
        ));
        assert!(svg.contains("\nManter a mineração\n"), "{svg}");
        assert!(caption.starts_with("Sensibilidade ao custo da energia, A e B: "));
        assert_eq!(title(Chart::Energy), "Energy cost sensitivity, A and B");
        Ok(())
    }

    #[test]
    fn a_chart_of_one_scenario_against_itself_draws_b_over_a() -> TestResult {
        let all = scenarios()?;
        let a = &all[0].1;
        let p = pair(a, a);
        let svg = draw(Chart::Energy, &p, &Theme::light(), SIZE)?;
        // Each path's line, at width 3, twice at the same points: once
        // solid (A) and once dashed (B).
        let lines: Vec<(bool, &str)> = svg
            .split("<polyline ")
            .skip(1)
            .filter(|l| l.contains("stroke-width=\"3\""))
            .filter_map(|l| {
                let points = l.split("points=\"").nth(1)?.split('"').next()?;
                Some((l.starts_with("stroke-dasharray"), points))
            })
            .collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        for (dashed, points) in &lines {
            assert!(
                lines.contains(&(!dashed, points)),
                "{points} drawn {}",
                if *dashed { "dashed only" } else { "solid only" }
            );
        }
        for row in table(Chart::Bridge, &p).rows {
            assert_eq!(row[3], "$0", "{row:?}");
        }
        Ok(())
    }

    #[test]
    fn tables_put_each_figure_of_a_and_b_side_by_side() -> TestResult {
        let all = scenarios()?;
        let (a, b) = (&all[0].1, &all[2].1);
        let p = pair(a, b);

        let t = table(Chart::Revenue, &p);
        let years = a
            .contract_annual_revenue_usd
            .len()
            .max(b.contract_annual_revenue_usd.len());
        assert_eq!(t.rows.len(), years);
        assert_eq!(t.rows[0][1], money_exact(a.contract_annual_revenue_usd[0]));
        assert_eq!(t.rows[0][2], money_exact(b.contract_annual_revenue_usd[0]));
        for row in &t.rows {
            assert_eq!(row.len(), t.headers.len());
        }
        assert!(t.caption.contains("A, Site <one>, and B, Site two"));

        let t = table(Chart::Bridge, &p);
        assert_eq!(t.rows.len(), BridgeStep::ALL.len());
        let last = t.rows.last().ok_or("no rows")?;
        assert_eq!(last[1], money_exact(a.convert_npv_usd));
        assert_eq!(last[2], money_exact(b.convert_npv_usd));
        let by = b.convert_npv_usd - a.convert_npv_usd;
        assert_eq!(last[3], signed(money_exact(by), by));

        let t = table(Chart::Energy, &p);
        let n = prices(a, b).len();
        assert_eq!(t.rows.len(), n);
        assert!(n >= a.energy_sensitivity.len().max(b.energy_sensitivity.len()));
        let first = &a.energy_sensitivity[0];
        let row = t
            .rows
            .iter()
            .find(|r| r[0] == price_per_mwh(first.energy_usd_per_mwh))
            .ok_or("A's first price")?;
        assert_eq!(row[2], money_exact(first.convert_npv_usd));

        let t = table(Chart::BuildTime, &p);
        let base = a.base_build_time().ok_or("no baseline")?;
        assert_eq!(t.rows[4][1], base.months_saved.to_string());
        Ok(())
    }

    #[test]
    fn summaries_name_both_and_state_their_figures() -> TestResult {
        let all = scenarios()?;
        let (a, b) = (&all[0].1, &all[1].1);
        let p = pair(a, b);
        let text = summary(Chart::Revenue, &p);
        assert!(
            text.starts_with("A, Site <one>, and B, Site two: "),
            "{text}"
        );
        assert!(
            text.contains(&money(a.contract_total_revenue_usd)),
            "{text}"
        );
        assert!(
            text.contains(&money(b.contract_total_revenue_usd)),
            "{text}"
        );
        let text = summary(Chart::Energy, &p);
        assert!(text.contains(&money(b.convert_npv_usd)), "{text}");
        let text = summary(Chart::Bridge, &p);
        assert!(text.contains("The step that differs most is "), "{text}");
        let same = summary(Chart::Bridge, &pair(a, a));
        assert!(!same.contains("differs most"), "{same}");
        Ok(())
    }

    #[test]
    fn every_pair_draws_at_every_page_size_without_nan() -> TestResult {
        let all = scenarios()?;
        for (na, a) in &all {
            for (nb, b) in &all {
                for size in page_sizes() {
                    for theme in [Theme::light(), Theme::dark()] {
                        for chart in Chart::ALL {
                            let svg = draw(chart, &pair(a, b), &theme, size)?;
                            assert!(
                                !svg.contains("NaN") && !svg.contains("inf"),
                                "{na} {nb} {chart}"
                            );
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
