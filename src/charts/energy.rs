//! Energy cost sensitivity: the NPV of keeping mining (orange) and of
//! converting (blue) across the swept year-1 energy price, a zero line, and
//! vertical markers, each in its own colour and line style: the current
//! price (solid), the mining break-even (dashed, in mining's colour), the
//! crossover (dotted) and every price where the two lines cross, that is
//! where converting moves ahead of mining or falls behind it (dash-dot). A
//! marker outside the swept range is not drawn; a note in the header gives
//! its value instead, and says where converting is ahead whenever the
//! crossover alone would not tell.

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{money_up, price_axis, price_tick, shown_rate, text_width, Scale, Ticks};
use super::canvas::{render, Canvas, Metrics, Plot, Right, Side, TextStyleSpec, MARGIN};
use super::header::{header_rows, Item, Swatch};
use super::labels::{Raised, Rows, Span};
use super::words::sentence;
use super::{Chart, ChartError, Rgb, Size, Table, Theme};
use crate::format::{lead_in_words, money, money_exact, price_per_mwh};
use crate::model::sweep::{AdvantageChange, CROSSOVER_MAX, CROSSOVER_TOLERANCE};
use crate::model::Evaluation;

/// `Energy cost sensitivity`.
pub fn title(_r: &Evaluation) -> String {
    t!("Energy cost sensitivity").to_owned()
}

/// Both paths at the ends of the sweep, the current gap, the break-even and
/// where each path leads across energy prices, in the words every front
/// end uses ([`lead_in_words`]).
pub fn summary(r: &Evaluation) -> String {
    let mut out = String::new();
    if let (Some(first), Some(last)) = (r.energy_sensitivity.first(), r.energy_sensitivity.last()) {
        let range = |a: f64, b: f64| {
            let (a, b) = (money(a), money(b));
            if a == b {
                t!("{amount} throughout", amount = a)
            } else {
                t!("{from} to {to}", from = a, to = b)
            }
        };
        out.push_str(&t!(
            "From {low} to {high}, keeping mining is worth {mining} and converting {converting} (NPV).",
            low = price_per_mwh(first.energy_usd_per_mwh),
            high = price_per_mwh(last.energy_usd_per_mwh),
            mining = range(first.keep_mining_npv_usd, last.keep_mining_npv_usd),
            converting = range(first.convert_npv_usd, last.convert_npv_usd),
        ));
        out.push(' ');
    }
    let gap = r.incremental_npv_usd;
    let (price, amount) = (
        price_per_mwh(r.derived.energy_price_usd_per_mwh),
        money(gap.abs()),
    );
    out.push_str(&if gap >= 0.0 {
        t!(
            "At the current {price} converting is worth {amount} more than keeping mining.",
            price = price,
            amount = amount
        )
    } else {
        t!(
            "At the current {price} converting is worth {amount} less than keeping mining.",
            price = price,
            amount = amount
        )
    });
    out.push(' ');
    out.push_str(&t!(
        "Mining breaks even at {price}; {lead}.",
        price = price_per_mwh(r.mining_breakeven_usd_per_mwh),
        lead = lead_in_words(&r.price_regimes())
    ));
    out
}

/// The prices where the lines cross that docs/MODEL.md's crossover does not
/// already name: all of them but a move ahead at the crossover itself.
fn crossings(r: &Evaluation) -> Vec<AdvantageChange> {
    r.energy_advantage_changes
        .iter()
        .filter(|c| {
            let at_crossover = r
                .energy_crossover_usd_per_mwh
                .is_some_and(|x| (x - c.energy_usd_per_mwh).abs() <= CROSSOVER_TOLERANCE);
            !(c.converting_ahead_above && at_crossover)
        })
        .copied()
        .collect()
}

/// Where each path leads across energy prices ([`lead_in_words`]), when
/// the crossover alone does not tell: `converting is ahead below
/// $30.94/MWh, mining from $30.94/MWh up`. `None` when converting is ahead
/// from the crossover on (or everywhere, or nowhere) up to the top of the
/// search.
fn regime(r: &Evaluation) -> Option<String> {
    if crossings(r).is_empty() {
        return None;
    }
    Some(lead_in_words(&r.price_regimes()))
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
        .map_or_else(|| t!("none").to_owned(), price_per_mwh);
    let regime = lead_in_words(&r.price_regimes());
    Table {
        caption: t!(
            "NPV of both paths by year-1 energy price: current {current}, mining break-even {break_even}, crossover {crossover}; {regime}",
            current = price_per_mwh(r.derived.energy_price_usd_per_mwh),
            break_even = price_per_mwh(r.mining_breakeven_usd_per_mwh),
            crossover = crossover,
            regime = regime
        ),
        headers: [
            t!("Energy price, year 1"),
            t!("Keep mining NPV"),
            t!("Convert NPV"),
            t!("Convert − keep mining"),
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

/// The chart as SVG text.
pub fn draw(r: &Evaluation, theme: &Theme, size: Size) -> Result<String, ChartError> {
    render(Chart::Energy, theme, size, &title(r), |c| draw_on(c, r))
}

/// The energy-price axis's title, in the display currency:
/// `Energy price in year 1 ($/MWh)`.
pub(super) fn price_axis_title() -> String {
    let symbol = crate::currency::shown_symbol();
    t!(
        "Energy price in year 1 ({symbol}/MWh)",
        symbol = symbol.trim_end()
    )
}

/// The top of the crossover search, `$2,000/MWh` (`US$ 2.000/MWh`).
fn search_limit() -> String {
    let zeros = format!("{}00/", crate::lang::current().marks().decimal);
    price_per_mwh(CROSSOVER_MAX).replace(&zeros, "/")
}

/// What a marker marks; each kind has its own colour and line style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Current,
    BreakEven,
    Crossover,
    /// A price where the lines cross other than at the crossover.
    Crossing,
}

impl Kind {
    const ALL: [Kind; 4] = [
        Kind::Current,
        Kind::BreakEven,
        Kind::Crossover,
        Kind::Crossing,
    ];

    /// Starts the marker's label: `Break-even $67.49/MWh`.
    fn name(self) -> &'static str {
        crate::lang::tr(match self {
            Kind::Current => en!("Current"),
            Kind::BreakEven => en!("Break-even"),
            Kind::Crossover => en!("Crossover"),
            Kind::Crossing => en!("Lines cross"),
        })
    }

    /// The marker's entry in the legend, `short` for a narrow chart.
    fn legend(self, short: bool) -> &'static str {
        crate::lang::tr(match (self, short) {
            (Kind::Current, false) => en!("Current price"),
            (Kind::Current, true) => en!("Current"),
            (Kind::BreakEven, false) => en!("Mining break-even"),
            (Kind::BreakEven, true) => en!("Break-even"),
            (Kind::Crossover, _) => en!("Crossover"),
            (Kind::Crossing, false) => en!("Lines cross"),
            (Kind::Crossing, true) => en!("Cross"),
        })
    }

    fn colour(self, theme: &Theme) -> Rgb {
        match self {
            Kind::Current => theme.current,
            Kind::BreakEven => theme.mining,
            Kind::Crossover => theme.crossover,
            Kind::Crossing => theme.crossing,
        }
    }

    /// The `stroke-dasharray`, `None` for a solid line.
    fn dash(self) -> Option<&'static str> {
        match self {
            Kind::Current => None,
            Kind::BreakEven => Some("7 4"),
            Kind::Crossover => Some("2 3"),
            Kind::Crossing => Some("9 3 2 3"),
        }
    }

    fn swatch(self, theme: &Theme) -> Swatch {
        match self.dash() {
            Some(dash) => Swatch::Dashed(self.colour(theme), dash),
            None => Swatch::Line(self.colour(theme), false),
        }
    }
}

/// A vertical marker at a price, with its label and a shorter one for when
/// that does not fit.
struct Marker {
    kind: Kind,
    label: String,
    short: String,
    price: f64,
}

/// A marker placed above the plot: its x, its row (0 nearest the plot), and
/// where its label starts and how it is anchored.
struct Placed {
    kind: Kind,
    x: i32,
    row: i32,
    text_x: i32,
    h: HPos,
    label: String,
}

/// The swept price range, never empty.
pub(super) fn price_range(r: &Evaluation) -> (f64, f64) {
    let prices = r.energy_sensitivity.iter().map(|p| p.energy_usd_per_mwh);
    let lo = prices.clone().fold(f64::INFINITY, f64::min);
    let hi = prices.fold(f64::NEG_INFINITY, f64::max);
    match (lo.is_finite(), hi.is_finite()) {
        (true, true) if hi > lo => (lo, hi),
        (true, true) => (lo - 1.0, hi + 1.0),
        _ => (0.0, 1.0),
    }
}

/// The header's items (legend, then notes) and the markers inside the
/// swept range. Every line drawn has a legend entry that always shows: the
/// markers' entries take their short names when the full ones would need
/// more rows at `size`.
fn header_items(r: &Evaluation, theme: &Theme, size: Size) -> (Vec<Item>, Vec<Marker>) {
    let (lo, hi) = price_range(r);
    let mut markers = vec![
        (Kind::Current, Some(r.derived.energy_price_usd_per_mwh)),
        (Kind::BreakEven, Some(r.mining_breakeven_usd_per_mwh)),
        (Kind::Crossover, r.energy_crossover_usd_per_mwh),
    ];
    markers.extend(
        crossings(r)
            .iter()
            .map(|c| (Kind::Crossing, Some(c.energy_usd_per_mwh))),
    );
    let tolerance = (hi - lo) * 1e-9;
    let mut inside: Vec<Marker> = Vec::new();
    let mut notes: Vec<Item> = Vec::new();
    for (kind, price) in markers {
        let name = kind.name();
        match price {
            Some(p) if p >= lo - tolerance && p <= hi + tolerance => {
                inside.push(Marker {
                    kind,
                    label: format!("{name} {}", price_per_mwh(p)),
                    short: price_per_mwh(p),
                    price: p,
                });
            }
            // Outside the range, the note on which path is ahead says it.
            Some(_) if kind == Kind::Crossing => {}
            // A crossover at $0 is no price to mark: converting leads from
            // the start, and the words on where each path leads say so
            // (the regime's note below when the lines cross further up).
            Some(p) if kind == Kind::Crossover && p == 0.0 => {
                if crossings(r).is_empty() {
                    notes.push(Item::note(sentence(&lead_in_words(&r.price_regimes()))).rank(1));
                }
            }
            Some(p) => {
                let price = price_per_mwh(p);
                let note = if p < lo {
                    t!(
                        "{name} {price}: below the swept range",
                        name = name,
                        price = price
                    )
                } else {
                    t!(
                        "{name} {price}: above the swept range",
                        name = name,
                        price = price
                    )
                };
                notes.push(Item::note(note).rank(1));
            }
            None => notes
                .push(Item::note(t!("No crossover up to {limit}", limit = search_limit())).rank(1)),
        }
    }
    // Of the same rank as the crossover's note, so never shown without it.
    if let Some(regime) = regime(r) {
        notes.push(Item::note(sentence(&regime)).rank(1));
    }

    let legend = |short: bool| -> Vec<Item> {
        let mut items = vec![
            Item::legend(Swatch::Line(theme.mining, false), t!("Keep mining")),
            Item::legend(Swatch::Line(theme.convert, false), t!("Convert")),
        ];
        items.extend(
            Kind::ALL
                .into_iter()
                .filter(|k| inside.iter().any(|m| m.kind == *k))
                .map(|k| Item::legend(k.swatch(theme), k.legend(short))),
        );
        items
    };
    let full = legend(false);
    let short = legend(true);
    let mut items = if header_rows(size, &short).len() < header_rows(size, &full).len() {
        short
    } else {
        full
    };
    items.extend(notes);
    (items, inside)
}

/// Where everything below the header goes.
struct Frame {
    plot: Plot,
    xs: Scale,
    ys: Scale,
    y_ticks: Ticks,
    y_labels: Vec<(f64, String)>,
    placed: Vec<Placed>,
    /// The centre of the marker labels' row 0.
    first_row_mid: i32,
    last_label: i32,
}

/// Gap between the marker labels and the top tick label, px.
const LABEL_CLEARANCE: f64 = 3.0;

/// The plot below a header ending at `header`, its scales and ticks, and
/// the marker labels above it: in rows clear of each other and of the
/// tick labels.
fn frame(r: &Evaluation, size: Size, header: i32, inside: &[Marker]) -> Frame {
    let m = Metrics::of(size.clamped());
    let (small, marker_row) = (m.small, m.label_row);
    let (lo, hi) = price_range(r);
    let points = &r.energy_sensitivity;

    // Values: the y range always includes 0, so the zero line is drawn.
    let values = points
        .iter()
        .flat_map(|p| [p.keep_mining_npv_usd, p.convert_npv_usd]);
    let y_min = values.clone().fold(0.0_f64, f64::min);
    let y_max = values.fold(0.0_f64, f64::max);
    // The top tick label is centred on the plot's top edge: the labels
    // above keep half its height and a gap away from it.
    let lift = (small / 2.0 + LABEL_CLEARANCE).ceil() as i32;
    let rows_at_most = inside.len() as i32;
    let last_label = text_width(&price_tick(hi * shown_rate(), 1.0), small, false);
    let rough = Plot::new(
        size,
        header + rows_at_most * marker_row + lift,
        0,
        Right::LastLabel(last_label),
    );
    let (y_ticks, y_labels, widest) = money_up((y_min, y_max), rough.height(), small, false);

    // The plot's sides do not depend on its top: place the marker labels,
    // then give them the rows they need.
    let sides = Plot::new(size, header, widest, Right::LastLabel(last_label));
    let xs = sides.x_scale((lo, hi));
    let width = size.clamped().width as i32;
    let placed = place_markers(inside, &xs, small, sides.right, (MARGIN, width - MARGIN));
    let rows = placed.iter().map(|p| p.row + 1).max().unwrap_or(0);
    let top = header + rows * marker_row + if rows > 0 { lift } else { 0 };
    let plot = Plot::new(size, top, widest, Right::LastLabel(last_label));
    let ys = plot.y_scale((y_ticks.lo, y_ticks.hi));
    Frame {
        plot,
        xs,
        ys,
        y_ticks,
        y_labels,
        placed,
        first_row_mid: plot.top - lift - marker_row / 2,
        last_label,
    }
}

fn draw_on(c: &mut Canvas<'_>, r: &Evaluation) -> Result<(), ChartError> {
    let theme = c.theme.clone();
    let points = &r.energy_sensitivity;
    let (lo, hi) = price_range(r);
    let (items, inside) = header_items(r, &theme, c.size);
    let header = c.header(&items)? + 6;
    let small = c.metrics.small;
    let marker_row = c.metrics.label_row;
    let Frame {
        plot,
        xs,
        ys,
        y_ticks,
        y_labels,
        placed,
        first_row_mid,
        last_label,
    } = frame(r, c.size, header, &inside);

    c.grid_with_zero(&plot, &ys, &y_ticks)?;

    for p in &placed {
        let mid = first_row_mid - p.row * marker_row;
        let kind = p.kind;
        c.line(
            &[(p.x, plot.bottom), (p.x, mid - 5)],
            kind.colour(&theme),
            2,
            kind.dash(),
        )?;
        c.text(
            &p.label,
            (p.text_x, mid),
            TextStyleSpec::new(small, theme.text, p.h, VPos::Center),
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

    axes(c, &plot, (&ys, &y_labels), (&xs, (lo, hi)), last_label)
}

/// The axes: NPV up the side, with its labels; the energy price along the
/// bottom over `[lo, hi]` dollars per MWh, its labels as far apart as the
/// widest (`last_label` px, or `$0.00`'s) needs.
pub(super) fn axes(
    c: &mut Canvas<'_>,
    plot: &Plot,
    (ys, y_labels): (&Scale, &[(f64, String)]),
    (xs, (lo, hi)): (&Scale, (f64, f64)),
    last_label: i32,
) -> Result<(), ChartError> {
    c.y_axis(
        plot,
        Side::Left,
        ys,
        y_labels,
        (t!("Net present value"), t!("NPV")),
    )?;
    let widest = last_label.max(text_width("$0.00", c.metrics.small, false));
    let target = f64::from(plot.width()) / f64::from(widest + 24);
    let x_labels: Vec<(f64, String)> = price_axis(lo, hi, target)
        .into_iter()
        .filter(|(v, _)| xs.contains(*v))
        .collect();
    c.x_axis(plot, xs, &x_labels, &price_axis_title())
}

/// One way to set a marker's label: which text, where it starts, how it is
/// anchored and what it covers, marker line included.
#[derive(Clone)]
struct Setting {
    label: String,
    text_x: i32,
    h: HPos,
    span: Span,
}

impl Setting {
    /// `label` beside the marker line at `x`, reading away from it:
    /// rightwards or leftwards.
    fn beside(label: &str, x: i32, rightwards: bool, px: f64) -> Self {
        let w = text_width(label, px, false);
        let (text_x, h, span) = if rightwards {
            (
                x + 4,
                HPos::Left,
                Span {
                    from: x - 2,
                    to: x + 4 + w,
                },
            )
        } else {
            (
                x - 4,
                HPos::Right,
                Span {
                    from: x - 4 - w,
                    to: x + 2,
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

    /// Whether the text stays within `bounds` on the side it reads to.
    fn within(&self, bounds: (i32, i32)) -> bool {
        match self.h {
            HPos::Left => self.span.to <= bounds.1,
            _ => self.span.from >= bounds.0,
        }
    }
}

/// The ways to set a marker's label at `x`, best first: the full label
/// reading rightwards, then leftwards, then the short form likewise; only
/// those within `bounds`, but at least the short one reading whichever way
/// has more room.
fn settings(m: &Marker, x: i32, px: f64, bounds: (i32, i32)) -> Vec<Setting> {
    let out: Vec<Setting> = [&m.label, &m.short]
        .into_iter()
        .flat_map(|label| [true, false].map(|right| Setting::beside(label, x, right, px)))
        .filter(|s| s.within(bounds))
        .collect();
    if out.is_empty() {
        let more_room_right = bounds.1 - x >= x - bounds.0;
        return vec![Setting::beside(&m.short, x, more_room_right, px)];
    }
    out
}

/// A label set in a row, with its marker's x.
#[derive(Clone)]
struct Slot {
    setting: Setting,
    row: i32,
    x: i32,
}

impl Slot {
    /// Whether the two can stand together: their labels apart when in one
    /// row ([`Span::apart`]), and neither marker's line rising through the
    /// other's label (a line rises from the plot to its own label's row).
    fn clear_of(&self, other: &Slot) -> bool {
        self.raised().clear_of(&other.raised())
    }

    fn raised(&self) -> Raised {
        Raised {
            span: self.setting.span,
            row: self.row,
            lo: self.x,
            hi: self.x,
        }
    }
}

/// Most settings tried in the search for one where no label is crossed.
const SEARCH_BUDGET: usize = 20_000;

/// Rows for the marker labels above the plot, so that no two labels
/// overlap and no marker line rises through another marker's label: the
/// markers right to left, each with the first of its [`settings`] and the
/// lowest row that allows the rest to be placed too (full labels before
/// short ones). Should that search run too long, each label takes the
/// lowest row where it stands clear of the labels before it ([`Rows`]).
fn place_markers(
    markers: &[Marker],
    xs: &Scale,
    px: f64,
    right: i32,
    bounds: (i32, i32),
) -> Vec<Placed> {
    let mut order: Vec<&Marker> = markers.iter().collect();
    crate::order::sort_small_by(&mut order, |a, b| b.price.total_cmp(&a.price));
    let options: Vec<(i32, Vec<Setting>)> = order
        .iter()
        .map(|m| {
            let x = xs.px(m.price).min(right);
            (x, settings(m, x, px, bounds))
        })
        .collect();
    let rows = order.len() as i32;
    let mut slots: Vec<Slot> = Vec::with_capacity(order.len());
    let mut budget = SEARCH_BUDGET;
    if !search(&options, rows, &mut slots, &mut budget) {
        slots.clear();
        let mut rows = Rows::default();
        for (x, settings) in &options {
            let Some(setting) = settings.first() else {
                continue;
            };
            let row = rows.place(setting.span, 0);
            slots.push(Slot {
                setting: setting.clone(),
                row,
                x: *x,
            });
        }
    }
    order
        .iter()
        .zip(slots)
        .map(|(m, slot)| Placed {
            kind: m.kind,
            x: slot.x,
            row: slot.row,
            text_x: slot.setting.text_x,
            h: slot.setting.h,
            label: slot.setting.label,
        })
        .collect()
}

/// Depth-first: a slot for each marker from `slots.len()` on that stands
/// with every slot before it. False when there is none or the budget ran
/// out.
fn search(
    options: &[(i32, Vec<Setting>)],
    rows: i32,
    slots: &mut Vec<Slot>,
    budget: &mut usize,
) -> bool {
    let Some((x, settings)) = options.get(slots.len()) else {
        return true;
    };
    // Full labels (the first settings) before short ones, then low rows.
    let full = settings
        .iter()
        .take_while(|s| settings.first().is_some_and(|f| f.label == s.label))
        .count();
    let (first, rest) = settings.split_at(full);
    for group in [first, rest] {
        for row in 0..rows {
            for setting in group {
                if *budget == 0 {
                    return false;
                }
                *budget -= 1;
                let slot = Slot {
                    setting: setting.clone(),
                    row,
                    x: *x,
                };
                if slots.iter().all(|s| s.clear_of(&slot)) {
                    slots.push(slot);
                    if search(options, rows, slots, budget) {
                        return true;
                    }
                    slots.pop();
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::canvas::TICK_GAP;
    use crate::charts::testing::{page_sizes, preset, scenarios, TestResult, SIZE};
    use crate::model::{evaluate, Scenario};

    fn change(price: f64, converting_ahead_above: bool) -> AdvantageChange {
        AdvantageChange {
            energy_usd_per_mwh: price,
            converting_ahead_above,
        }
    }

    #[test]
    fn markers_differ_in_colour_and_line_style() {
        for theme in [Theme::light(), Theme::dark()] {
            for (i, a) in Kind::ALL.iter().enumerate() {
                for b in &Kind::ALL[i + 1..] {
                    assert_ne!(a.colour(&theme), b.colour(&theme), "{a:?} {b:?}");
                    assert_ne!(a.dash(), b.dash(), "{a:?} {b:?}");
                }
            }
            // The current price and the break-even were once one colour.
            assert_ne!(Kind::Current.colour(&theme), Kind::BreakEven.colour(&theme));
        }
    }

    #[test]
    fn where_the_host_pays_the_power_the_crossing_is_marked_and_told() -> TestResult {
        let r = preset("terawulf-core42")?;
        // docs/MODEL.md's crossover is $0, yet mining is ahead at today's price.
        assert_eq!(r.energy_crossover_usd_per_mwh, Some(0.0));
        let [falls_behind] = r.energy_advantage_changes[..] else {
            return Err(format!("{:?}", r.energy_advantage_changes).into());
        };
        assert!(!falls_behind.converting_ahead_above);
        let at = price_per_mwh(falls_behind.energy_usd_per_mwh);
        let told = format!("converting is ahead below {at}, mining from {at} up");

        let theme = Theme::light();
        let svg = draw(&r, &theme, SIZE)?;
        assert!(svg.contains(&format!("\nLines cross {at}\n")), "{svg}");
        assert!(svg.contains("\nLines cross\n"), "legend entry");
        assert!(svg.contains(&format!(
            "stroke-dasharray=\"9 3 2 3\" fill=\"none\" opacity=\"1\" stroke=\"{}\"",
            theme.crossing.css()
        )));
        // The crossover's note never stands without where converting falls
        // behind.
        assert!(!svg.contains("$0.00/MWh"), "no crossover at $0 is marked");
        assert!(svg.contains(&format!("\n{}\n", sentence(&told))));

        let summary = summary(&r);
        assert!(summary.contains(&told), "{summary}");
        assert!(!summary.contains("free power"), "{summary}");
        assert!(table(&r).caption.ends_with(&told));
        Ok(())
    }

    #[test]
    fn which_path_is_ahead_in_words() -> TestResult {
        let mut r = evaluate(&Scenario::default())?;
        // Ahead everywhere.
        r.energy_crossover_usd_per_mwh = Some(0.0);
        r.energy_advantage_changes = vec![];
        assert_eq!(regime(&r), None);
        assert!(
            summary(&r).ends_with("; converting is ahead at every price from $0 to $2,000/MWh.")
        );
        // Behind everywhere.
        r.energy_crossover_usd_per_mwh = None;
        assert!(summary(&r).ends_with("; mining is ahead at every price from $0 to $2,000/MWh."));
        // An ordinary crossover says it all: no note, the same words.
        r.energy_crossover_usd_per_mwh = Some(50.0);
        r.energy_advantage_changes = vec![change(50.0, true)];
        assert_eq!(regime(&r), None);
        assert!(crossings(&r).is_empty());
        assert!(summary(&r)
            .ends_with("; mining is ahead below $50.00/MWh, converting from $50.00/MWh up."));
        // Ahead from the crossover, behind again higher up.
        r.energy_advantage_changes = vec![change(50.0, true), change(500.0, false)];
        assert_eq!(crossings(&r), vec![change(500.0, false)]);
        assert_eq!(
            regime(&r).as_deref(),
            Some(
                "mining is ahead below $50.00/MWh, converting from $50.00/MWh to \
                 $500.00/MWh, mining from $500.00/MWh up"
            )
        );
        // Ahead with free power, behind, ahead again: both crossings drawn.
        r.energy_crossover_usd_per_mwh = Some(0.0);
        r.energy_advantage_changes = vec![change(40.0, false), change(90.0, true)];
        assert_eq!(crossings(&r).len(), 2);
        let told = "converting is ahead below $40.00/MWh, mining from $40.00/MWh to \
                    $90.00/MWh, converting from $90.00/MWh up";
        assert_eq!(regime(&r).as_deref(), Some(told));
        assert_eq!(regime(&r), Some(lead_in_words(&r.price_regimes())));
        assert!(summary(&r).ends_with(&format!("{told}.")));
        assert!(table(&r).caption.ends_with(told));
        let svg = draw(&r, &Theme::dark(), SIZE)?;
        for at in ["$40.00/MWh", "$90.00/MWh"] {
            assert!(svg.contains(&format!("Lines cross {at}")), "{at}");
        }
        Ok(())
    }

    fn marker(label: &str, price: f64) -> Marker {
        Marker {
            kind: Kind::Current,
            label: label.to_owned(),
            short: format!("${price}"),
            price,
        }
    }

    /// No two labels overlap, and no marker line rises through a label.
    fn assert_readable(placed: &[Placed], px: f64) {
        let extent = |p: &Placed| {
            let w = text_width(&p.label, px, false);
            match p.h {
                HPos::Left => (p.text_x, p.text_x + w),
                _ => (p.text_x - w, p.text_x),
            }
        };
        for (i, p) in placed.iter().enumerate() {
            let (a, b) = extent(p);
            for (j, q) in placed.iter().enumerate() {
                // q's line rises from the plot up to its own row.
                let crosses = q.row > p.row && a <= q.x && q.x <= b;
                assert!(!crosses, "{} is crossed by {}", p.label, q.label);
                if i != j && q.row == p.row {
                    let (c, d) = extent(q);
                    assert!(b < c || d < a, "{} overlaps {}", p.label, q.label);
                }
            }
        }
    }

    /// The markers placed over $0 to $100/MWh across 600 px, at 11 px,
    /// with 10 px to spare right of the plot.
    fn across_600_px(markers: &[Marker]) -> Vec<Placed> {
        let xs = Scale::new((0.0, 100.0), (0, 600));
        place_markers(markers, &xs, 11.0, 600, (0, 610))
    }

    #[test]
    fn close_markers_part_or_stack_far_ones_share_a_row() {
        // Room on both sides: the labels read away from each other.
        let placed = across_600_px(&[
            marker("Current $45.00/MWh", 45.0),
            marker("Break-even $47.00/MWh", 47.0),
        ]);
        assert_readable(&placed, 11.0);
        assert!(placed.iter().all(|p| p.row == 0 && p.label.contains("MWh")));
        // Three close together: one has to go up a row.
        let placed = across_600_px(&[
            marker("Current $45.00/MWh", 45.0),
            marker("Break-even $47.00/MWh", 47.0),
            marker("Crossover $46.00/MWh", 46.0),
        ]);
        assert_readable(&placed, 11.0);
        assert!(placed.iter().any(|p| p.row > 0));
        let placed = across_600_px(&[marker("A", 10.0), marker("B", 90.0)]);
        assert!(placed.iter().all(|p| p.row == 0));
    }

    #[test]
    fn no_label_is_crossed_by_another_marker_line() {
        // As for TeraWulf–Core42: the lines cross left of the current price,
        // left of the break-even.
        let markers = [
            marker("Current $45.00/MWh", 45.0),
            marker("Break-even $67.49/MWh", 67.49),
            marker("Lines cross $31.23/MWh", 31.23),
        ];
        let xs = Scale::new((20.0, 120.0), (0, 600));
        assert_readable(&place_markers(&markers, &xs, 13.0, 600, (0, 610)), 13.0);
        // On a narrow chart the break-even's label has to read leftwards,
        // over the current price's line, unless it sits above that label.
        let xs = Scale::new((20.0, 120.0), (50, 300));
        assert_readable(&place_markers(&markers, &xs, 11.0, 300, (8, 312)), 11.0);
    }

    #[test]
    fn a_label_near_the_right_edge_reads_leftwards() {
        let placed = across_600_px(&[marker("Crossover $99.00/MWh", 99.0)]);
        // At 594 px, 4 px left of its line.
        assert_eq!((placed[0].x, placed[0].text_x), (594, 590));
        assert!(matches!(placed[0].h, HPos::Right));
    }

    /// Left, top, right, bottom of a line of text set at `px` and centred
    /// on `y`, as the chart estimates it.
    fn text_box(text: &str, x: i32, y: i32, h: HPos, px: f64) -> (f64, f64, f64, f64) {
        let w = f64::from(text_width(text, px, false));
        let x = f64::from(x);
        let (l, r) = match h {
            HPos::Left => (x, x + w),
            HPos::Right => (x - w, x),
            HPos::Center => (x - w / 2.0, x + w / 2.0),
        };
        let y = f64::from(y);
        (l, y - px / 2.0, r, y + px / 2.0)
    }

    #[test]
    fn marker_labels_keep_clear_of_the_tick_labels() -> TestResult {
        for (name, r) in scenarios()? {
            for size in page_sizes() {
                let m = Metrics::of(size);
                let (items, inside) = header_items(&r, &Theme::light(), size);
                let header = MARGIN + header_rows(size, &items).len() as i32 * m.row_h + 6;
                let f = frame(&r, size, header, &inside);
                let ticks: Vec<_> = f
                    .y_labels
                    .iter()
                    .map(|(v, t)| {
                        let x = f.plot.left - TICK_GAP;
                        (t, text_box(t, x, f.ys.px(*v), HPos::Right, m.small))
                    })
                    .collect();
                for p in &f.placed {
                    let mid = f.first_row_mid - p.row * m.label_row;
                    let a = text_box(&p.label, p.text_x, mid, p.h, m.small);
                    for (tick, b) in &ticks {
                        let apart = a.2 + LABEL_CLEARANCE <= b.0
                            || b.2 + LABEL_CLEARANCE <= a.0
                            || a.3 + LABEL_CLEARANCE <= b.1
                            || b.3 + LABEL_CLEARANCE <= a.1;
                        assert!(
                            apart,
                            "{name} at {size:?}: {} {a:?} touches {tick} {b:?}",
                            p.label
                        );
                    }
                }
            }
        }
        Ok(())
    }

    #[test]
    fn every_line_drawn_has_a_legend_entry_at_every_size() -> TestResult {
        for (name, r) in scenarios()? {
            for size in page_sizes() {
                let (items, inside) = header_items(&r, &Theme::light(), size);
                let shown: Vec<String> = header_rows(size, &items)
                    .into_iter()
                    .flatten()
                    .map(|(_, i)| i.text)
                    .collect();
                let has = |t: &str| shown.iter().any(|s| s == t);
                assert!(has("Keep mining") && has("Convert"), "{name} {size:?}");
                assert!(!inside.is_empty(), "{name}: no marker in the sweep");
                for m in &inside {
                    assert!(
                        has(m.kind.legend(false)) || has(m.kind.legend(true)),
                        "{name} at {size:?}: no legend entry for {:?} in {shown:?}",
                        m.kind
                    );
                }
            }
        }
        Ok(())
    }

    #[test]
    fn a_label_that_fits_neither_way_is_shortened() {
        let xs = Scale::new((0.0, 100.0), (0, 100));
        let placed = place_markers(
            &[marker("Break-even $50.00/MWh", 50.0)],
            &xs,
            11.0,
            100,
            (0, 100),
        );
        assert_eq!(placed[0].label, "$50");
    }
}
