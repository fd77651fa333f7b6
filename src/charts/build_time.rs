//! Build-time savings: critical IT online per calendar month for the
//! conversion (solid blue) and for each greenfield baseline (dashed grey),
//! the head start over the first baseline shaded.
//!
//! A baseline of `B` months follows the conversion's own ramp shifted to
//! start at month `B`: it has `D(k)` online in month `B + k`, where `D(k)` is
//! what the conversion delivers in contract month `k`. Past the contract's
//! last month a curve holds its last value. The curves join the monthly
//! points with straight lines.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{labelled, month_step, number_tick, text_width, ticks, ticks_with_step};
use super::canvas::{
    render, simplify, Canvas, Item, Plot, Right, Side, Swatch, TextStyleSpec, DASH, MARGIN,
    SMALL_PX,
};
use super::{Chart, ChartError, Size, Table, Theme};
use crate::format::{grouped, megawatts, money, money_exact, years_months};
use crate::model::{BuildTime, Evaluation};

/// `Build-time savings vs 36–60-month greenfield builds`.
pub fn title(r: &Evaluation) -> String {
    let months = r.build_time.iter().map(|b| b.baseline_months);
    match (months.clone().min(), months.max()) {
        (Some(lo), Some(hi)) if lo != hi => {
            format!("Build-time savings vs {lo}–{hi}-month greenfield builds")
        }
        (Some(b), _) => format!(
            "Build-time savings vs {} {b}-month greenfield build",
            article(b)
        ),
        _ => "Build-time savings".to_owned(),
    }
}

/// When the conversion delivers, and what it saves against each baseline.
pub fn summary(r: &Evaluation) -> String {
    let ramp = Ramp::of(r);
    let mut out = if ramp.months <= 1 {
        format!(
            "The conversion delivers {} from month {}.",
            megawatts(ramp.full),
            ramp.start
        )
    } else {
        format!(
            "The conversion delivers its first {} in month {} and reaches {} by month {}.",
            megawatts(ramp.at(0)),
            ramp.start,
            megawatts(ramp.full),
            ramp.start + ramp.months - 1
        )
    };
    let Some((base, others)) = r.build_time.split_first() else {
        return out;
    };
    if base.months_saved > 0 {
        out.push_str(&format!(
            " Against {} {}-month greenfield build it saves {}: {} MW-months of capacity, {} of revenue pulled forward and {} of value for the tenant.",
            article(base.baseline_months),
            base.baseline_months,
            years_months(base.months_saved),
            grouped(base.mw_months_gained),
            money(base.revenue_pulled_forward_usd),
            money(base.tenant_value_gained_usd)
        ));
    } else {
        let baseline = base.baseline_months as usize;
        let when = if baseline < ramp.start {
            format!("{} sooner", years_months((ramp.start - baseline) as u32))
        } else {
            "at the same time".to_owned()
        };
        let article = if article(base.baseline_months) == "an" {
            "An"
        } else {
            "A"
        };
        out.push_str(&format!(
            " {article} {}-month greenfield build would deliver {when}, so nothing is saved against it.",
            base.baseline_months
        ));
    }
    if !others.is_empty() {
        let rest: Vec<String> = others
            .iter()
            .map(|b| {
                format!(
                    "{} against {} {}-month build",
                    years_months(b.months_saved),
                    article(b.baseline_months),
                    b.baseline_months
                )
            })
            .collect();
        out.push_str(&format!(" It saves {}.", and_list(&rest)));
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
                format!("{} months", b.baseline_months),
                b.months_saved.to_string(),
                grouped(b.mw_months_gained),
                money_exact(b.revenue_pulled_forward_usd),
                money_exact(b.tenant_value_gained_usd),
                money_exact(b.npv_advantage_usd),
            ]
        })
        .collect();
    Table {
        caption: format!(
            "Conversion against greenfield builds: the conversion delivers from month {}, {} at full ramp",
            ramp.start,
            megawatts(ramp.full)
        ),
        headers: [
            "Greenfield build",
            "Months saved",
            "MW-months gained",
            "Revenue pulled forward",
            "Tenant value gained",
            "NPV advantage",
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
struct Ramp<'a> {
    r: &'a Evaluation,
    /// Month of the first delivery, `c`.
    start: usize,
    /// The most ever delivered, MW.
    full: f64,
    /// Months from the first delivery to `full`, at least 1.
    months: usize,
}

impl<'a> Ramp<'a> {
    fn of(r: &'a Evaluation) -> Self {
        let start = r.derived.conversion_months as usize;
        let contract = r.monthly.get(start..).unwrap_or(&[]);
        let full = contract
            .iter()
            .fold(0.0_f64, |a, row| a.max(row.delivered_critical_mw));
        let months = contract
            .iter()
            .position(|row| row.delivered_critical_mw >= full * (1.0 - 1e-9))
            .map_or(1, |k| k + 1);
        Self {
            r,
            start,
            full,
            months,
        }
    }

    /// `D(k)`: MW online in contract month `k`; the last value past the end.
    fn at(&self, k: usize) -> f64 {
        let rows = &self.r.monthly;
        rows.get(self.start + k)
            .or_else(|| rows.last())
            .map_or(0.0, |row| row.delivered_critical_mw)
    }

    /// MW online in calendar month `m` for a curve starting at `start`.
    fn online(&self, start: usize, m: usize) -> f64 {
        m.checked_sub(start).map_or(0.0, |k| self.at(k))
    }
}

fn draw_on(c: &mut Canvas<'_>, r: &Evaluation) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let ramp = Ramp::of(r);
    let base = r.build_time.first();
    let shaded = base.filter(|b| b.baseline_months as usize > ramp.start);

    let mut items = vec![
        Item::legend(Swatch::Line(theme.convert, false), "Conversion").rank(1),
        Item::legend(
            Swatch::Dashed(theme.greenfield),
            greenfield_legend(&r.build_time),
        )
        .rank(1),
    ];
    if let Some(b) = shaded {
        items.push(
            Item::legend(
                Swatch::Area(theme.gain, theme.gain_opacity),
                format!("Head start vs {}-mo build", b.baseline_months),
            )
            .rank(4),
        );
    }
    items.extend(figures(base, ramp.start));
    let top = c.header(&items)? + 8;

    // Months: from the decision to a little past the last curve's full ramp.
    let latest = r
        .build_time
        .iter()
        .map(|b| b.baseline_months as usize)
        .fold(ramp.start, usize::max);
    let reach = latest + ramp.months;
    let wanted_end = reach + (reach / 8).max(6);
    let last_label = text_width(&wanted_end.to_string(), SMALL_PX, false);
    let rough = Plot::new(c.size, top, 0, Right::LastLabel(last_label));
    let step = month_step(wanted_end as f64 * 56.0 / f64::from(rough.width().max(1)));
    let x_ticks = ticks_with_step(0.0, wanted_end as f64, step);
    let end = x_ticks.hi.max(1.0) as usize;

    let y_target = (rough.height() / 45).clamp(2, 8) as usize;
    let y_ticks = ticks(0.0, ramp.full * 1.15, y_target, false, 1.0);
    let (y_labels, widest) = labelled(&y_ticks.values, |v| number_tick(v, y_ticks.step));
    let plot = Plot::new(c.size, top, widest, Right::LastLabel(last_label));
    let xs = plot.x_scale((0.0, end as f64));
    let ys = plot.y_scale((y_ticks.lo, y_ticks.hi));
    let curve = |start: usize| -> Vec<(i32, i32)> {
        let from = start.saturating_sub(1);
        (from..=end)
            .map(|m| (xs.px(m as f64), ys.px(ramp.online(start, m))))
            .collect()
    };

    c.grid(&plot, &ys, &y_ticks)?;

    if let Some(b) = shaded {
        let from = ramp.start.saturating_sub(1);
        let baseline = b.baseline_months as usize;
        let upper: Vec<(i32, i32)> = (from..=end)
            .map(|m| (xs.px(m as f64), ys.px(ramp.online(ramp.start, m))))
            .collect();
        let lower: Vec<(i32, i32)> = (from..=end)
            .rev()
            .map(|m| (xs.px(m as f64), ys.px(ramp.online(baseline, m))))
            .collect();
        let mut area = simplify(&upper);
        area.extend(simplify(&lower));
        c.polygon(area, theme.gain, theme.gain_opacity)?;
    }

    // Later baselines first, so the first one and the conversion sit on top.
    for b in r.build_time.iter().rev() {
        c.line(
            &curve(b.baseline_months as usize),
            theme.greenfield,
            2,
            Some(DASH),
        )?;
    }
    // Nothing online from the decision to the first delivery.
    let mut conversion = if ramp.start > 0 {
        vec![(xs.px(0.0), ys.px(0.0))]
    } else {
        Vec::new()
    };
    conversion.extend(curve(ramp.start));
    c.line(&conversion, theme.convert, 3, None)?;

    // Name each curve where it reaches full capacity, above the plateau;
    // a name that would overlap the one before is left out.
    let plateau = ys.px(ramp.full) - 4;
    let mut names: Vec<(usize, String, bool)> = vec![(ramp.start, "Conversion".to_owned(), true)];
    names.extend(r.build_time.iter().map(|b| {
        (
            b.baseline_months as usize,
            format!("{}-mo build", b.baseline_months),
            false,
        )
    }));
    names.sort_by_key(|(start, _, conversion)| (*start, !*conversion));
    let mut last_right = i32::MIN;
    for (start, name, is_conversion) in names {
        let w = text_width(&name, SMALL_PX, is_conversion);
        let corner = xs.px((start + ramp.months - 1) as f64);
        let x = corner.clamp(plot.left + w / 2, c.size.width as i32 - MARGIN - w / 2);
        if x - w / 2 < last_right + 6 {
            continue;
        }
        last_right = x + w / 2;
        let colour = if is_conversion {
            theme.text
        } else {
            theme.muted
        };
        let mut spec = TextStyleSpec::new(SMALL_PX, colour, HPos::Center, VPos::Bottom);
        if is_conversion {
            spec = spec.bold();
        }
        c.text(&name, (x, plateau), spec)?;
    }

    c.y_axis(
        &plot,
        Side::Left,
        &ys,
        &y_labels,
        ("Critical IT online (MW)", "MW"),
    )?;
    let x_labels: Vec<(f64, String)> = x_ticks
        .values
        .iter()
        .map(|v| (*v, number_tick(*v, x_ticks.step)))
        .collect();
    c.x_axis(&plot, &xs, &x_labels, "Months from decision")
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

/// `x`, `x and y`, `x, y and z`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `Greenfield build (36, 48, 60 mo)`.
fn greenfield_legend(baselines: &[BuildTime]) -> String {
    let months: Vec<String> = baselines
        .iter()
        .map(|b| b.baseline_months.to_string())
        .collect();
    match months.len() {
        0 => "Greenfield build".to_owned(),
        1 => format!("Greenfield build ({} mo)", months.join("")),
        _ => format!("Greenfield builds ({} mo)", months.join(", ")),
    }
}

/// The figures against the first baseline.
fn figures(base: Option<&BuildTime>, conversion: usize) -> Vec<Item> {
    let Some(b) = base else {
        return Vec::new();
    };
    if b.months_saved == 0 {
        let baseline = b.baseline_months as usize;
        let why = if baseline < conversion {
            format!(
                "it delivers {} before the conversion",
                years_months((conversion - baseline) as u32)
            )
        } else {
            "it delivers as soon as the conversion".to_owned()
        };
        return vec![
            Item::figure(format!(
                "No months saved vs the {}-mo build",
                b.baseline_months
            ))
            .new_row(),
            Item::note(format!("({why})")).rank(2),
        ];
    }
    vec![
        Item::figure(format!("{} saved", years_months(b.months_saved))).new_row(),
        Item::figure(format!("{} MW-months gained", grouped(b.mw_months_gained))).rank(3),
        Item::figure(format!(
            "{} revenue pulled forward",
            money(b.revenue_pulled_forward_usd)
        ))
        .rank(3),
        Item::figure(format!("{} tenant value", money(b.tenant_value_gained_usd))).rank(2),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_lists() {
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
        let list = |xs: &[&str]| and_list(&xs.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
    }
}
