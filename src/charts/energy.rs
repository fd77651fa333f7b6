//! Energy cost sensitivity: the NPV of keeping mining (orange) and of
//! converting (blue) across the swept year-1 energy price, a zero line, and
//! vertical markers for the current price, the mining break-even and the
//! crossover. A marker outside the swept range is not drawn; a note in the
//! header gives its value instead.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{
    labelled, money_tick, nice_step, price_tick, text_width, ticks, ticks_with_step, Scale,
};
use super::canvas::{
    render, Canvas, Item, Plot, Right, Side, Swatch, TextStyleSpec, MARGIN, SMALL_PX,
};
use super::{Chart, ChartError, Size, Table, Theme};
use crate::format::{grouped, money, money_exact, price_per_mwh};
use crate::model::sweep::CROSSOVER_MAX;
use crate::model::Evaluation;

/// Height of one row of marker labels above the plot, px.
const MARKER_ROW: i32 = 15;

/// `Energy cost sensitivity`.
pub fn title(_r: &Evaluation) -> String {
    "Energy cost sensitivity".to_owned()
}

/// Both paths at the ends of the sweep, the current gap, the break-even and
/// the crossover.
pub fn summary(r: &Evaluation) -> String {
    let mut out = String::new();
    if let (Some(first), Some(last)) = (r.energy_sensitivity.first(), r.energy_sensitivity.last()) {
        let range = |a: f64, b: f64| {
            let (a, b) = (money(a), money(b));
            if a == b {
                format!("{a} throughout")
            } else {
                format!("{a} to {b}")
            }
        };
        out.push_str(&format!(
            "From {} to {}, keeping mining is worth {} and converting {} (NPV). ",
            price_per_mwh(first.energy_usd_per_mwh),
            price_per_mwh(last.energy_usd_per_mwh),
            range(first.keep_mining_npv_usd, last.keep_mining_npv_usd),
            range(first.convert_npv_usd, last.convert_npv_usd),
        ));
    }
    let gap = r.incremental_npv_usd;
    out.push_str(&format!(
        "At the current {} converting is worth {} {} than keeping mining. ",
        price_per_mwh(r.derived.energy_price_usd_per_mwh),
        money(gap.abs()),
        if gap >= 0.0 { "more" } else { "less" }
    ));
    out.push_str(&format!(
        "Mining breaks even at {}; ",
        price_per_mwh(r.mining_breakeven_usd_per_mwh)
    ));
    out.push_str(&match r.energy_crossover_usd_per_mwh {
        Some(x) if x <= 0.0 => {
            "converting is worth at least as much as mining even with free power.".to_owned()
        }
        Some(x) => format!(
            "converting is worth at least as much as mining from {}.",
            price_per_mwh(x)
        ),
        None => format!(
            "converting stays behind mining at every price up to {}.",
            search_limit()
        ),
    });
    out
}

/// One row per swept price.
pub fn table(r: &Evaluation) -> Table {
    let rows = r
        .energy_sensitivity
        .iter()
        .map(|p| {
            vec![
                price_per_mwh(p.energy_usd_per_mwh),
                money_exact(p.keep_mining_npv_usd),
                money_exact(p.convert_npv_usd),
                money_exact(p.convert_npv_usd - p.keep_mining_npv_usd),
            ]
        })
        .collect();
    let crossover = r
        .energy_crossover_usd_per_mwh
        .map_or_else(|| "none".to_owned(), price_per_mwh);
    Table {
        caption: format!(
            "NPV of both paths by year-1 energy price: current {}, mining break-even {}, crossover {}",
            price_per_mwh(r.derived.energy_price_usd_per_mwh),
            price_per_mwh(r.mining_breakeven_usd_per_mwh),
            crossover
        ),
        headers: ["Energy price, year 1", "Keep mining NPV", "Convert NPV", "Convert − keep mining"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// The chart as SVG text.
pub fn draw(r: &Evaluation, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render(Chart::Energy, theme, size, &title(r), |c| draw_on(c, r))
}

/// The top of the crossover search, `$2,000/MWh`.
fn search_limit() -> String {
    format!("${}/MWh", grouped(CROSSOVER_MAX))
}

/// A vertical marker at a price, with its label and a shorter one for when
/// that does not fit.
struct Marker {
    label: String,
    short: String,
    price: f64,
}

/// A marker placed above the plot: its x, its row (0 nearest the plot), and
/// where its label starts and how it is anchored.
struct Placed {
    x: i32,
    row: i32,
    text_x: i32,
    h: HPos,
    label: String,
}

fn draw_on(c: &mut Canvas<'_>, r: &Evaluation) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let points = &r.energy_sensitivity;
    let prices = points.iter().map(|p| p.energy_usd_per_mwh);
    let lo = prices.clone().fold(f64::INFINITY, f64::min);
    let hi = prices.fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = match (lo.is_finite(), hi.is_finite()) {
        (true, true) if hi > lo => (lo, hi),
        (true, true) => (lo - 1.0, hi + 1.0),
        _ => (0.0, 1.0),
    };

    let markers = [
        ("Current", Some(r.derived.energy_price_usd_per_mwh)),
        ("Break-even", Some(r.mining_breakeven_usd_per_mwh)),
        ("Crossover", r.energy_crossover_usd_per_mwh),
    ];
    let tolerance = (hi - lo) * 1e-9;
    let mut inside: Vec<Marker> = Vec::new();
    let mut notes: Vec<Item> = Vec::new();
    for (name, price) in markers {
        match price {
            Some(p) if p >= lo - tolerance && p <= hi + tolerance => {
                let label = format!("{name} {}", price_per_mwh(p));
                inside.push(Marker {
                    label,
                    short: price_per_mwh(p),
                    price: p,
                });
            }
            Some(p) => {
                let side = if p < lo { "below" } else { "above" };
                notes.push(
                    Item::note(format!(
                        "{name} {}: {side} the swept range",
                        price_per_mwh(p)
                    ))
                    .rank(1),
                );
            }
            None => {
                notes.push(Item::note(format!("No crossover up to {}", search_limit())).rank(1))
            }
        }
    }

    let mut items = vec![
        Item::legend(Swatch::Line(theme.mining, false), "Keep mining"),
        Item::legend(Swatch::Line(theme.convert, false), "Convert"),
    ];
    items.extend(notes);
    let header = c.header(&items)? + 6;

    // Values: the y range always includes 0, so the zero line is drawn.
    let values = points
        .iter()
        .flat_map(|p| [p.keep_mining_npv_usd, p.convert_npv_usd]);
    let y_min = values.clone().fold(0.0_f64, f64::min);
    let y_max = values.fold(0.0_f64, f64::max);
    let rows_at_most = inside.len() as i32;
    let last_label = text_width(&price_tick(hi, 1.0), SMALL_PX, false);
    let rough = Plot::new(
        c.size,
        header + rows_at_most * MARKER_ROW,
        0,
        Right::LastLabel(last_label),
    );
    let y_ticks = ticks(
        y_min,
        y_max,
        (rough.height() / 45).clamp(2, 8) as usize,
        false,
        1.0,
    );
    let (y_labels, widest) = labelled(&y_ticks.values, money_tick);

    // The plot's sides do not depend on its top: place the marker labels,
    // then give them the rows they need.
    let sides = Plot::new(c.size, header, widest, Right::LastLabel(last_label));
    let xs = sides.x_scale((lo, hi));
    let placed = place_markers(
        &inside,
        &xs,
        sides.right,
        (MARGIN, c.size.width as i32 - MARGIN),
    );
    let rows = placed.iter().map(|p| p.row + 1).max().unwrap_or(0);
    let top = header + rows * MARKER_ROW + if rows > 0 { 4 } else { 0 };
    let plot = Plot::new(c.size, top, widest, Right::LastLabel(last_label));
    let ys = plot.y_scale((y_ticks.lo, y_ticks.hi));

    c.grid(&plot, &ys, &y_ticks)?;
    let zero = ys.px(0.0);
    if zero != plot.bottom {
        c.line(
            &[(plot.left, zero), (plot.right, zero)],
            theme.axis,
            1,
            None,
        )?;
    }

    for p in &placed {
        let mid = plot.top - 4 - p.row * MARKER_ROW - MARKER_ROW / 2;
        c.line(&[(p.x, plot.bottom), (p.x, mid - 5)], theme.marker, 2, None)?;
        c.text(
            &p.label,
            (p.text_x, mid),
            TextStyleSpec::new(SMALL_PX, theme.text, p.h, VPos::Center),
        )?;
    }

    let keep: Vec<(i32, i32)> = points
        .iter()
        .map(|p| (xs.px(p.energy_usd_per_mwh), ys.px(p.keep_mining_npv_usd)))
        .collect();
    let convert: Vec<(i32, i32)> = points
        .iter()
        .map(|p| (xs.px(p.energy_usd_per_mwh), ys.px(p.convert_npv_usd)))
        .collect();
    c.line(&keep, theme.mining, 3, None)?;
    c.line(&convert, theme.convert, 3, None)?;
    if points.len() == 1 {
        for p in keep.iter().chain(&convert) {
            c.dot(*p, 3, theme.text)?;
        }
    }

    c.y_axis(
        &plot,
        Side::Left,
        &ys,
        &y_labels,
        ("Net present value", "NPV"),
    )?;
    let widest_price =
        text_width(&price_tick(hi, 1.0), SMALL_PX, false).max(text_width("$0.00", SMALL_PX, false));
    let target = f64::from(plot.width()) / f64::from(widest_price + 24);
    let step = nice_step((hi - lo) / target.max(1.0), false);
    let x_labels: Vec<(f64, String)> = ticks_with_step(lo, hi, step)
        .values
        .into_iter()
        .filter(|v| xs.contains(*v))
        .map(|v| (v, price_tick(v, step)))
        .collect();
    c.x_axis(&plot, &xs, &x_labels, "Energy price in year 1 ($/MWh)")
}

/// Rows for the marker labels: right to left, each in the lowest row where
/// it overlaps no label already placed. A label reads rightwards from its
/// marker unless that would run past `bounds.1`, then leftwards; when it
/// fits neither way within `bounds`, its short form is used.
fn place_markers(markers: &[Marker], xs: &Scale, right: i32, bounds: (i32, i32)) -> Vec<Placed> {
    let mut order: Vec<&Marker> = markers.iter().collect();
    order.sort_by(|a, b| b.price.total_cmp(&a.price));
    let mut spans: Vec<(i32, i32, i32)> = Vec::new();
    let mut placed = Vec::new();
    for m in order {
        let x = xs.px(m.price).min(right);
        let w = text_width(&m.label, SMALL_PX, false);
        let fits = x + 4 + w <= bounds.1 || x - 4 - w >= bounds.0;
        let (label, w) = if fits {
            (&m.label, w)
        } else {
            (&m.short, text_width(&m.short, SMALL_PX, false))
        };
        let (text_x, h, from, to) = if x + 4 + w <= bounds.1 {
            (x + 4, HPos::Left, x - 2, x + 4 + w)
        } else {
            (x - 4, HPos::Right, x - 4 - w, x + 2)
        };
        let row = (0..)
            .find(|row| {
                !spans
                    .iter()
                    .any(|&(r, a, b)| r == *row && from < b + 6 && a < to + 6)
            })
            .unwrap_or(0);
        spans.push((row, from, to));
        placed.push(Placed {
            x,
            row,
            text_x,
            h,
            label: label.clone(),
        });
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(label: &str, price: f64) -> Marker {
        Marker {
            label: label.to_owned(),
            short: format!("${price}"),
            price,
        }
    }

    #[test]
    fn close_markers_stack_far_ones_share_a_row() {
        let xs = Scale::new((0.0, 100.0), (0, 600));
        let placed = place_markers(
            &[
                marker("Current $45.00/MWh", 45.0),
                marker("Break-even $47.00/MWh", 47.0),
            ],
            &xs,
            600,
            (0, 610),
        );
        let rows: Vec<i32> = placed.iter().map(|p| p.row).collect();
        assert_eq!(rows, vec![0, 1]);
        let placed = place_markers(&[marker("A", 10.0), marker("B", 90.0)], &xs, 600, (0, 610));
        assert!(placed.iter().all(|p| p.row == 0));
    }

    #[test]
    fn a_label_near_the_right_edge_reads_leftwards() {
        let xs = Scale::new((0.0, 100.0), (0, 600));
        let placed = place_markers(&[marker("Crossover $99.00/MWh", 99.0)], &xs, 600, (0, 610));
        assert!(matches!(placed[0].h, HPos::Right));
        assert!(placed[0].text_x < placed[0].x);
    }

    #[test]
    fn a_label_that_fits_neither_way_is_shortened() {
        let xs = Scale::new((0.0, 100.0), (0, 100));
        let placed = place_markers(&[marker("Break-even $50.00/MWh", 50.0)], &xs, 100, (0, 100));
        assert_eq!(placed[0].label, "$50");
    }
}
