//! Build-time savings: critical IT leased per calendar month for the
//! conversion (solid blue) and for each greenfield baseline (dashed grey),
//! the head start over the shortest baseline shaded.
//!
//! A baseline of `B` months follows the conversion's own lease shifted to
//! start at month `B`: it has `L(k)` leased in month `B + k`, where `L(k)` is
//! the conversion's `leased_critical_mw` in contract month `k` (with a
//! per-tranche term it falls at the end, as the tranches' leases end in
//! turn). Past the contract's last month nothing is leased. The curves are
//! steps: a month's capacity holds from its start to the next month's, so a
//! curve rises at its first month of delivery, never before. Each curve is
//! named where it reaches full capacity; names that would overlap are
//! stacked.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{
    labelled, month_step, number_tick, text_width, ticks, ticks_with_step, Scale, Ticks,
};
use super::canvas::{render, simplify, Canvas, Plot, Right, Side, TextStyleSpec, DASH, MARGIN};
use super::header::{Item, Swatch};
use super::labels::{Rows, Span};
use super::words::and_list;
use super::{Chart, ChartError, Size, Table, Theme};
use crate::format::{grouped, megawatts, money, money_exact, rate_per_kw_month, years_months};
use crate::model::{BuildTime, Evaluation};

/// `Build-time savings vs 36–60-month greenfield builds`.
pub fn title(r: &Evaluation) -> String {
    let months = r.build_time.iter().map(|b| b.baseline_months);
    match (months.clone().min(), months.max()) {
        (Some(lo), Some(hi)) if lo != hi => t!(
            "Build-time savings vs {lo}–{hi}-month greenfield builds",
            lo = lo,
            hi = hi
        ),
        (Some(b), _) if an(b) => t!(
            "Build-time savings vs an {months}-month greenfield build",
            months = b
        ),
        (Some(b), _) => t!(
            "Build-time savings vs a {months}-month greenfield build",
            months = b
        ),
        _ => t!("Build-time savings").to_owned(),
    }
}

/// When the conversion delivers, and what it saves against each baseline.
pub fn summary(r: &Evaluation) -> String {
    let ramp = Ramp::of(r);
    let mut out = if ramp.months <= 1 {
        t!(
            "The conversion delivers {mw} from month {month}.",
            mw = megawatts(ramp.full),
            month = ramp.start
        )
    } else {
        t!(
            "The conversion delivers its first {first} in month {month} and reaches {full} by month {last}.",
            first = megawatts(ramp.at(0)),
            month = ramp.start,
            full = megawatts(ramp.full),
            last = ramp.start + ramp.months - 1
        )
    };
    let Some(base) = r.base_build_time() else {
        return out;
    };
    let others: Vec<&BuildTime> = r
        .build_time
        .iter()
        .filter(|b| !std::ptr::eq(*b, base))
        .collect();
    out.push(' ');
    if base.months_saved > 0 {
        let (months, saved, mw_months, revenue, tenant, pv, premium) = (
            base.baseline_months,
            years_months(base.months_saved),
            grouped(base.mw_months_gained),
            money(base.revenue_pulled_forward_usd),
            money(base.tenant_value_gained_usd),
            money(base.tenant_value_gained_pv_usd),
            rate_per_kw_month(base.speed_premium_usd_per_kw_month),
        );
        out.push_str(&if an(months) {
            t!(
                "Against an {months}-month greenfield build it saves {saved}: {mw_months} MW-months of capacity, {revenue} of revenue pulled forward and {tenant} of value for the tenant ({pv} at the decision), a speed premium of {premium} over the whole lease.",
                months = months,
                saved = saved,
                mw_months = mw_months,
                revenue = revenue,
                tenant = tenant,
                pv = pv,
                premium = premium
            )
        } else {
            t!(
                "Against a {months}-month greenfield build it saves {saved}: {mw_months} MW-months of capacity, {revenue} of revenue pulled forward and {tenant} of value for the tenant ({pv} at the decision), a speed premium of {premium} over the whole lease.",
                months = months,
                saved = saved,
                mw_months = mw_months,
                revenue = revenue,
                tenant = tenant,
                pv = pv,
                premium = premium
            )
        });
    } else {
        let baseline = base.baseline_months as usize;
        let when = if baseline < ramp.start {
            t!(
                "{duration} sooner",
                duration = years_months((ramp.start - baseline) as u32)
            )
        } else {
            t!("at the same time").to_owned()
        };
        let months = base.baseline_months;
        out.push_str(&if an(months) {
            t!(
                "An {months}-month greenfield build would deliver {when}, so nothing is saved against it.",
                months = months,
                when = when
            )
        } else {
            t!(
                "A {months}-month greenfield build would deliver {when}, so nothing is saved against it.",
                months = months,
                when = when
            )
        });
    }
    if !others.is_empty() {
        let rest: Vec<String> = others
            .iter()
            .map(|b| {
                let (saved, months) = (years_months(b.months_saved), b.baseline_months);
                if an(months) {
                    t!(
                        "{saved} against an {months}-month build",
                        saved = saved,
                        months = months
                    )
                } else {
                    t!(
                        "{saved} against a {months}-month build",
                        saved = saved,
                        months = months
                    )
                }
            })
            .collect();
        out.push(' ');
        out.push_str(&t!("It saves {list}.", list = and_list(&rest)));
    }
    out
}

/// One row per greenfield baseline.
pub fn table(r: &Evaluation) -> Table {
    let ramp = Ramp::of(r);
    let rows = r
        .build_time
        .iter()
        .map(|b| {
            vec![
                t!("{months} months", months = b.baseline_months),
                b.months_saved.to_string(),
                grouped(b.mw_months_gained),
                money_exact(b.revenue_pulled_forward_usd),
                money_exact(b.tenant_value_gained_usd),
                money_exact(b.tenant_value_gained_pv_usd),
                rate_per_kw_month(b.speed_premium_usd_per_kw_month),
                money_exact(b.npv_advantage_usd),
            ]
        })
        .collect();
    Table {
        caption: t!(
            "Conversion against greenfield builds: the conversion delivers from month {month}, {mw} at full ramp; the speed premium is the extra rent the tenant could pay over the whole lease for the head start",
            month = ramp.start,
            mw = megawatts(ramp.full)
        ),
        headers: [
            t!("Greenfield build"),
            t!("Months saved"),
            t!("MW-months gained"),
            t!("Revenue pulled forward"),
            t!("Tenant value gained"),
            t!("Tenant value gained (PV)"),
            t!("Speed premium"),
            t!("NPV advantage"),
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

/// The chart as SVG text.
pub fn draw(r: &Evaluation, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render(Chart::BuildTime, theme, size, &title(r), |c| draw_on(c, r))
}

/// The conversion's delivery curve.
pub(super) struct Ramp<'a> {
    r: &'a Evaluation,
    /// Month of the first delivery, `c`.
    pub(super) start: usize,
    /// The most ever delivered, MW.
    pub(super) full: f64,
    /// Months from the first delivery to `full`, at least 1.
    pub(super) months: usize,
}

impl<'a> Ramp<'a> {
    pub(super) fn of(r: &'a Evaluation) -> Self {
        let start = r.derived.conversion_months as usize;
        let contract = r.monthly.get(start..).unwrap_or(&[]);
        let full = contract
            .iter()
            .fold(0.0_f64, |a, row| a.max(row.leased_critical_mw));
        let months = contract
            .iter()
            .position(|row| row.leased_critical_mw >= full * (1.0 - 1e-9))
            .map_or(1, |k| k + 1);
        Self {
            r,
            start,
            full,
            months,
        }
    }

    /// `L(k)`: MW leased in contract month `k`; none past the end.
    fn at(&self, k: usize) -> f64 {
        self.r
            .monthly
            .get(self.start + k)
            .map_or(0.0, |row| row.leased_critical_mw)
    }

    /// MW leased in calendar month `m` for a curve starting at `start`.
    pub(super) fn online(&self, start: usize, m: usize) -> f64 {
        m.checked_sub(start).map_or(0.0, |k| self.at(k))
    }
}

fn draw_on(c: &mut Canvas<'_>, r: &Evaluation) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let ramp = Ramp::of(r);
    let base = r.base_build_time();
    let shaded = base.filter(|b| b.baseline_months as usize > ramp.start);

    // The head start before the baselines: the two shorter entries share
    // a row on a phone.
    let mut items =
        vec![Item::legend(Swatch::Line(theme.convert, false), t!("Conversion")).rank(1)];
    if let Some(b) = shaded {
        items.push(
            Item::legend(
                Swatch::Area(theme.gain, theme.gain_opacity),
                t!(
                    "Head start vs {months}-mo build",
                    months = b.baseline_months
                ),
            )
            .rank(1),
        );
    }
    items.push(
        Item::legend(
            Swatch::Dashed(theme.greenfield, DASH),
            greenfield_legend(&r.build_time),
        )
        .rank(1),
    );
    items.extend(figures(base, ramp.start));
    let top = c.header(&items)? + 8;

    // Months: from the decision to a little past the last curve's full ramp.
    let small = c.metrics.small;
    let label_row = c.metrics.label_row;
    let latest = r
        .build_time
        .iter()
        .map(|b| b.baseline_months as usize)
        .fold(ramp.start, usize::max);
    let (x_ticks, last_label, rough) = months(c, top, latest + ramp.months);
    let end = x_ticks.hi.max(1.0) as usize;

    // The curves' names, stacked where they would overlap, above the
    // plateau: the y axis reaches high enough to leave them the room.
    let y_target = (rough.height() / 45).clamp(2, 8) as usize;
    let y_axis = |headroom: f64| -> (Ticks, Vec<(f64, String)>, i32) {
        let t = ticks(0.0, ramp.full * headroom, y_target, false, 1.0);
        let (labels, widest) = labelled(&t.values, small, |v| number_tick(v, t.step));
        (t, labels, widest)
    };
    let names = curve_names(r, &ramp);
    let bounds = |plot: &Plot| (plot.left, c.size.width as i32 - MARGIN);
    let (_, _, widest) = y_axis(1.15);
    let sides = Plot::new(c.size, top, widest, Right::LastLabel(last_label));
    let (mut placed, short) = place_names(
        &names,
        &sides.x_scale((0.0, end as f64)),
        small,
        bounds(&sides),
        rows_that_fit(&sides, label_row),
    );
    let rows = placed.iter().map(|p| p.row + 1).max().unwrap_or(1);
    let room = f64::from(4 + rows * label_row + 2) / f64::from(sides.height().max(1));
    let headroom = (1.0 / (1.0 - room.min(0.75))).max(1.15);
    let (y_ticks, y_labels, widest) = y_axis(headroom);
    let plot = Plot::new(c.size, top, widest, Right::LastLabel(last_label));
    let xs = plot.x_scale((0.0, end as f64));
    let ys = plot.y_scale((y_ticks.lo, y_ticks.hi));
    if plot.left != sides.left {
        placed = place_names(
            &names,
            &xs,
            small,
            bounds(&plot),
            rows_that_fit(&plot, label_row),
        )
        .0;
    }
    let curve = |start: usize, from: usize| steps(|m| ramp.online(start, m), from, end, &xs, &ys);

    c.grid(&plot, &ys, &y_ticks)?;

    // The head start: where the conversion's steps are above the
    // baseline's.
    if let Some(b) = shaded {
        let baseline = b.baseline_months as usize;
        let above = |m: usize| ramp.online(ramp.start, m).max(ramp.online(baseline, m));
        let mut area = simplify(&steps(above, ramp.start, end, &xs, &ys));
        let mut lower = curve(baseline, ramp.start);
        lower.reverse();
        area.extend(simplify(&lower));
        c.polygon(area, theme.gain, theme.gain_opacity)?;
    }

    // Later baselines first, so the first one and the conversion sit on top.
    for b in r.build_time.iter().rev() {
        let start = b.baseline_months as usize;
        c.line(&curve(start, start), theme.greenfield, 2, Some(DASH))?;
    }
    // Nothing online from the decision to the first delivery.
    c.line(&curve(ramp.start, 0), theme.convert, 3, None)?;

    let plateau = ys.px(ramp.full) - 4;
    for p in &placed {
        let name = &names[p.index];
        let text = if short { &name.short } else { &name.text };
        let colour = if name.conversion {
            theme.text
        } else {
            theme.muted
        };
        let mut spec = TextStyleSpec::new(small, colour, HPos::Center, VPos::Bottom);
        if name.conversion {
            spec = spec.bold();
        }
        let y = plateau - p.row * label_row;
        // A backing in the background's colour keeps gridlines out of the
        // name.
        let (from, to) = name_box(text, p.x, y, small, name.conversion);
        c.rect(from, to, theme.background, 1.0)?;
        c.text(text, (p.x, y), spec)?;
    }

    axes(c, &plot, (&xs, &x_ticks), (&ys, &y_labels))
}

/// Months from the decision to a little past `reach`: the ticks, the widest
/// label's width and the plot they leave before the y axis is known.
pub(super) fn months(c: &Canvas<'_>, top: i32, reach: usize) -> (Ticks, i32, Plot) {
    let wanted_end = reach + (reach / 8).max(6);
    let last_label = text_width(&wanted_end.to_string(), c.metrics.small, false);
    let rough = Plot::new(c.size, top, 0, Right::LastLabel(last_label));
    let step = month_step(wanted_end as f64 * 56.0 / f64::from(rough.width().max(1)));
    (
        ticks_with_step(0.0, wanted_end as f64, step),
        last_label,
        rough,
    )
}

/// The axes: critical IT leased up the side, months from the decision along
/// the bottom.
pub(super) fn axes(
    c: &mut Canvas<'_>,
    plot: &Plot,
    (xs, x_ticks): (&Scale, &Ticks),
    (ys, y_labels): (&Scale, &[(f64, String)]),
) -> Result<(), ChartError> {
    c.y_axis(
        plot,
        Side::Left,
        ys,
        y_labels,
        (t!("Critical IT leased (MW)"), "MW"),
    )?;
    let x_labels: Vec<(f64, String)> = x_ticks
        .values
        .iter()
        .map(|v| (*v, number_tick(*v, x_ticks.step)))
        .collect();
    c.x_axis(plot, xs, &x_labels, t!("Months from decision"))
}

/// The box behind a name centred at `x` with its bottom at `y`: the text's
/// estimated width and height, with 2 px to spare each side.
fn name_box(text: &str, x: i32, y: i32, px: f64, bold: bool) -> ((i32, i32), (i32, i32)) {
    let w = text_width(text, px, bold);
    let h = px.ceil() as i32;
    ((x - w / 2 - 2, y - h - 1), (x + w / 2 + 2, y + 1))
}

/// Capacity `value(m)` in each month `m` from `from` to `end`, as steps:
/// from the zero line at `from`, each month's value held from its start to
/// the next month's.
pub(super) fn steps(
    value: impl Fn(usize) -> f64,
    from: usize,
    end: usize,
    xs: &Scale,
    ys: &Scale,
) -> Vec<(i32, i32)> {
    let mut points = vec![(xs.px(from as f64), ys.px(0.0))];
    for m in from..end {
        let y = ys.px(value(m));
        points.push((xs.px(m as f64), y));
        points.push((xs.px((m + 1) as f64), y));
    }
    points
}

/// A curve's name, shown where it reaches full capacity.
struct Name {
    /// The month from which it is at full capacity.
    full_from: usize,
    text: String,
    /// For when the names do not fit otherwise: `36 mo`.
    short: String,
    conversion: bool,
}

/// The conversion's name, then each baseline's by its start.
fn curve_names(r: &Evaluation, ramp: &Ramp<'_>) -> Vec<Name> {
    let corner = |start: usize| start + ramp.months - 1;
    let mut names = vec![Name {
        full_from: corner(ramp.start),
        text: t!("Conversion").to_owned(),
        short: t!("Conversion").to_owned(),
        conversion: true,
    }];
    let mut baselines: Vec<u32> = r.build_time.iter().map(|b| b.baseline_months).collect();
    crate::order::sort_small_by(&mut baselines, u32::cmp);
    names.extend(baselines.into_iter().map(|b| Name {
        full_from: corner(b as usize),
        text: t!("{months}-mo build", months = b),
        short: t!("{months} mo", months = b),
        conversion: false,
    }));
    names
}

/// Rows of names that fit above the plateau in at most three quarters of
/// the plot.
fn rows_that_fit(plot: &Plot, label_row: i32) -> i32 {
    ((plot.height() * 3 / 4 - 6) / label_row.max(1)).max(1)
}

/// A name placed: which, its centre and its row (0 nearest the plateau).
#[derive(Debug)]
struct PlacedName {
    index: usize,
    x: i32,
    row: i32,
}

/// Every name centred over its curve's corner, kept within `bounds`, in
/// the lowest row where it stands clear of the names placed before it
/// ([`Rows`]), never below the name before. When that
/// takes more than `max_rows` rows, the short names are used instead
/// (the second value says so). No name is ever left out.
fn place_names(
    names: &[Name],
    xs: &Scale,
    px: f64,
    bounds: (i32, i32),
    max_rows: i32,
) -> (Vec<PlacedName>, bool) {
    let place = |short: bool| -> Vec<PlacedName> {
        let mut rows = Rows::default();
        let mut placed = Vec::with_capacity(names.len());
        for (index, name) in names.iter().enumerate() {
            let text = if short { &name.short } else { &name.text };
            let w = text_width(text, px, name.conversion);
            let corner = xs.px(name.full_from as f64);
            let x = corner.min(bounds.1 - w / 2).max(bounds.0 + w / 2);
            // Never below the name before: stacked names read upwards in
            // the order of their curves.
            let row = rows.place(Span::centred(x, w), rows.last().unwrap_or(0));
            placed.push(PlacedName { index, x, row });
        }
        placed
    };
    let rows = |placed: &[PlacedName]| placed.iter().map(|p| p.row + 1).max().unwrap_or(0);
    let full = place(false);
    if rows(&full) <= max_rows {
        return (full, false);
    }
    let short = place(true);
    if rows(&short) < rows(&full) {
        (short, true)
    } else {
        (full, false)
    }
}

/// Whether English says `an` before `n` months: an 8-, 11-, 18-, 80-month…
/// (each sentence has a template for either article).
fn an(n: u32) -> bool {
    article(n) == "an"
}

/// `a` or `an` before a number of months read aloud: an 8-, 11-, 18-, 80-month…
fn article(n: u32) -> &'static str {
    let digits = n.to_string();
    let eleven_or_eighteen =
        matches!(digits.len(), 2 | 5 | 8) && (digits.starts_with("11") || digits.starts_with("18"));
    if digits.starts_with('8') || eleven_or_eighteen {
        "an"
    } else {
        "a"
    }
}

/// `Greenfield build (36, 48, 60 mo)`.
fn greenfield_legend(baselines: &[BuildTime]) -> String {
    let months: Vec<String> = baselines
        .iter()
        .map(|b| b.baseline_months.to_string())
        .collect();
    match months.len() {
        0 => t!("Greenfield build").to_owned(),
        1 => t!("Greenfield build ({months} mo)", months = months.join("")),
        _ => t!(
            "Greenfield builds ({months} mo)",
            months = months.join(", ")
        ),
    }
}

/// The figures against the shortest baseline.
fn figures(base: Option<&BuildTime>, conversion: usize) -> Vec<Item> {
    let Some(b) = base else {
        return Vec::new();
    };
    if b.months_saved == 0 {
        let baseline = b.baseline_months as usize;
        let why = if baseline < conversion {
            t!(
                "it delivers {duration} before the conversion",
                duration = years_months((conversion - baseline) as u32)
            )
        } else {
            t!("it delivers as soon as the conversion").to_owned()
        };
        return vec![
            Item::figure(t!(
                "No months saved vs the {months}-mo build",
                months = b.baseline_months
            ))
            .new_row(),
            Item::note(format!("({why})")).rank(2),
        ];
    }
    vec![
        Item::figure(t!(
            "{duration} saved",
            duration = years_months(b.months_saved)
        ))
        .new_row(),
        Item::figure(t!(
            "Speed premium {rate}",
            rate = rate_per_kw_month(b.speed_premium_usd_per_kw_month)
        ))
        .rank(2),
        Item::figure(t!(
            "{amount} tenant value",
            amount = money(b.tenant_value_gained_usd)
        ))
        .rank(3),
        Item::figure(t!(
            "{mw_months} MW-months gained",
            mw_months = grouped(b.mw_months_gained)
        ))
        .rank(3),
        Item::figure(t!(
            "{amount} revenue pulled forward",
            amount = money(b.revenue_pulled_forward_usd)
        ))
        .rank(3),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::Rgb;
    use super::*;
    use crate::charts::canvas::Metrics;
    use crate::charts::testing::{page_sizes, scenarios, TestResult, SIZE};
    use crate::model::{evaluate, Scenario};

    #[test]
    fn the_shortest_baseline_leads_whatever_the_order() -> TestResult {
        let mut s = Scenario::default();
        s.greenfield.build_months = vec![60, 36];
        let r = evaluate(&s)?;
        let text = summary(&r);
        assert!(
            text.contains("Against a 36-month greenfield build it saves 2 years"),
            "{text}"
        );
        let svg = draw(&r, &Theme::light(), SIZE)?;
        assert!(
            svg.contains("Head start vs 36-mo build"),
            "shaded against the 60-month build"
        );
        Ok(())
    }

    /// The points of every `<polyline>` drawn in `colour` `width` px wide.
    fn polylines(svg: &str, colour: Rgb, width: u32) -> Vec<Vec<(i32, i32)>> {
        let stroke = format!("stroke=\"{}\" stroke-width=\"{width}\"", colour.css());
        svg.lines()
            .filter(|l| l.starts_with("<polyline") && l.contains(&stroke))
            .filter_map(|l| l.split("points=\"").nth(1)?.split('"').next())
            .map(|points| {
                points
                    .split_whitespace()
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn capacity_is_a_step_that_rises_in_the_first_month_of_delivery() -> TestResult {
        let r = evaluate(&Scenario::default())?;
        let ramp = Ramp::of(&r);
        assert_eq!(ramp.start, 12);
        assert!(ramp.online(12, 11) == 0.0 && ramp.online(12, 12) > 0.0);
        let xs = Scale::new((0.0, 84.0), (50, 722));
        let ys = Scale::new((0.0, 100.0), (300, 50));
        let points = steps(|m| ramp.online(ramp.start, m), 0, 84, &xs, &ys);
        let first_month = xs.px(12.0);
        let before: Vec<_> = points.iter().filter(|p| p.0 < first_month).collect();
        assert!(!before.is_empty());
        assert!(
            before.iter().all(|p| p.1 == ys.px(0.0)),
            "nothing online before month 12: {before:?}"
        );
        // Each month's value holds for the whole month: flat, then upright.
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(a.0 == b.0 || a.1 == b.1, "slanted from {a:?} to {b:?}");
        }

        // The same in the drawing: the conversion's line and each baseline's.
        let theme = Theme::light();
        let svg = draw(&r, &theme, SIZE)?;
        let conversion = polylines(&svg, theme.convert, 3);
        assert_eq!(conversion.len(), 1);
        let line = &conversion[0];
        let zero = line[0].1;
        let rise = line
            .iter()
            .position(|p| p.1 != zero)
            .ok_or("the conversion never rises")?;
        assert!(rise >= 2, "{line:?}");
        assert_eq!(line[rise].0, line[rise - 1].0, "upright where it rises");
        // Where it rises is where the x axis says 12.
        let tick_12 = svg
            .split("<text x=\"")
            .find(|t| t.contains("text-anchor=\"middle\"") && t.contains(">\n12\n</text>"))
            .and_then(|t| t.split('"').next()?.parse::<i32>().ok())
            .ok_or("no x tick at month 12")?;
        assert_eq!(line[rise].0, tick_12, "{line:?}");
        assert!(line[..rise].iter().all(|p| p.0 <= tick_12 && p.1 == zero));
        let baselines = polylines(&svg, theme.greenfield, 2);
        // Three baselines and the legend's swatch.
        assert_eq!(baselines.len(), 4);
        for line in baselines.iter().chain(&conversion) {
            for pair in line.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                assert!(a.0 == b.0 || a.1 == b.1, "slanted from {a:?} to {b:?}");
            }
        }
        Ok(())
    }

    #[test]
    fn every_curve_is_named_even_when_close() -> TestResult {
        for months in [
            vec![36, 37],
            vec![12],
            vec![12, 13, 14, 15, 16],
            vec![6, 48],
        ] {
            let mut s = Scenario::default();
            s.greenfield.build_months = months.clone();
            let r = evaluate(&s)?;
            for size in [
                SIZE,
                Size::for_container(337),
                Size {
                    width: 440,
                    height: 340,
                },
                Size {
                    width: 320,
                    height: 240,
                },
            ] {
                let svg = draw(&r, &Theme::light(), size)?;
                assert!(svg.contains("\nConversion\n</text>"), "{months:?} {size:?}");
                for b in &months {
                    let full = format!("\n{b}-mo build\n</text>");
                    let short = format!("\n{b} mo\n</text>");
                    assert!(
                        svg.contains(&full) || (size != SIZE && svg.contains(&short)),
                        "{months:?} at {size:?}: no name for {b}"
                    );
                }
            }
        }
        Ok(())
    }

    #[test]
    fn the_head_start_is_in_the_legend_at_every_size() -> TestResult {
        for (_, r) in scenarios()? {
            for size in page_sizes() {
                let svg = draw(&r, &Theme::light(), size)?;
                let months = r.base_build_time().ok_or("no baseline")?.baseline_months;
                let entry = format!("Head start vs {months}-mo build");
                let text: String = svg
                    .lines()
                    .filter(|l| !l.starts_with('<'))
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(text.contains(&entry), "{size:?}: {text}");
            }
        }
        Ok(())
    }

    #[test]
    fn names_stack_in_baseline_order_on_a_backing() -> TestResult {
        for (_, r) in scenarios()? {
            for size in page_sizes() {
                let m = Metrics::of(size);
                let names = curve_names(&r, &Ramp::of(&r));
                let xs = Scale::new((0.0, 96.0), (40, size.width as i32 - 12));
                for max_rows in [1, 3] {
                    let (placed, _) =
                        place_names(&names, &xs, m.small, (40, size.width as i32 - 8), max_rows);
                    let rows: Vec<i32> = placed.iter().map(|p| p.row).collect();
                    assert!(rows.windows(2).all(|w| w[0] <= w[1]), "{size:?}: {rows:?}");
                }
                // Each name sits on a box of the background's colour, so no
                // gridline runs through it.
                let theme = Theme::light();
                let svg = draw(&r, &theme, size)?;
                let lines: Vec<&str> = svg.lines().collect();
                for name in &names {
                    for text in [&name.text, &name.short] {
                        let Some(i) = lines.iter().rposition(|l| l == text) else {
                            continue;
                        };
                        let backing = format!("fill=\"{}\"", theme.background.css());
                        assert!(
                            i >= 2
                                && lines[i - 2].starts_with("<rect")
                                && lines[i - 2].contains(&backing),
                            "{size:?}: {text} has no backing"
                        );
                    }
                }
            }
        }
        Ok(())
    }

    #[test]
    fn close_names_stack() {
        let names: Vec<Name> = [(23, "Conversion", true), (47, "36-mo build", false)]
            .into_iter()
            .chain([(48, "37-mo build", false)])
            .map(|(full_from, text, conversion)| Name {
                full_from,
                text: text.to_owned(),
                short: text.to_owned(),
                conversion,
            })
            .collect();
        let xs = Scale::new((0.0, 84.0), (50, 700));
        let (placed, short) = place_names(&names, &xs, 11.0, (50, 712), 3);
        assert!(!short);
        let rows: Vec<i32> = placed.iter().map(|p| p.row).collect();
        assert_eq!(rows, vec![0, 0, 1]);
    }

    #[test]
    fn articles() {
        for (n, want) in [
            (8, "an"),
            (11, "an"),
            (18, "an"),
            (80, "an"),
            (36, "a"),
            (110, "a"),
            (180, "a"),
            (1, "a"),
            (0, "a"),
        ] {
            assert_eq!(article(n), want, "{n}");
        }
    }
}
