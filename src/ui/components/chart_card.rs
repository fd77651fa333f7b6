//! One chart: heading, the SVG drawn by `crate::charts`, a text summary for
//! screen readers, and a "show the numbers" table.
//!
//! The chart answers a pointer: hovering or tapping it shows the values of
//! the bar, point or step under it (a row of the chart's own table, as
//! formatted there) in a line above the drawing, with the row marked on it;
//! the arrow keys step through the rows when the chart has focus. The SVG
//! itself is never redrawn for this. The inputs that move the chart most are
//! a click away beside it.
//!
//! A "Download" menu in the heading's row (one Tab stop) saves the drawing
//! as the page shows it, in the page's current theme: as an SVG file of its
//! own (`charts::svg::standalone`) or as a PNG at twice its size in CSS
//! pixels, for slides (`web::image`). What happened shows in the line
//! above the drawing.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlDetailsElement, HtmlElement};
use yew::prelude::*;

use crate::charts::svg::{escape, size, standalone};
use crate::charts::{Table, Theme};
use crate::model::Field;
use crate::numeral;
use crate::ui::components::field_input;
use crate::ui::components::text::{keep_minus, push_element};
use crate::web;

/// The card's words (shown through `lang::tr`).
const HINT: &str =
    en!("Point at the chart, or focus it and use the arrow keys, to read its values.");
const DOWNLOAD: &str = en!("Download");
const AS_SVG: &str = "SVG";
const AS_PNG: &str = en!("PNG (2\u{d7}, for slides)");

fn download_name(title: &str) -> String {
    t!("Download the {title} chart", title = title)
}

fn svg_name(title: &str) -> String {
    t!("Download the {title} chart as SVG", title = title)
}

fn png_name(title: &str) -> String {
    t!(
        "Download the {title} chart as PNG (2\u{d7}, for slides)",
        title = title
    )
}

/// How many times its size on the page a chart's PNG is drawn.
pub const PNG_SCALE: f64 = 2.0;

/// The file a chart is saved as: `repower-revenue.svg` for the chart
/// `chart-revenue`.
pub fn file_name(id: &str, extension: &str) -> String {
    format!(
        "repower-{}.{extension}",
        id.strip_prefix("chart-").unwrap_or(id)
    )
}

/// A drawn chart, ready to show.
#[derive(Clone, PartialEq)]
pub struct ChartView {
    /// The element id (`chart-revenue`).
    pub id: String,
    pub title: String,
    pub summary: String,
    /// SVG text, or the drawing error's message.
    pub svg: Result<AttrValue, String>,
    /// Whether the view is of the current results (a chart far from the
    /// window keeps its whole last view, drawing, summary and table, until
    /// it comes near; see `ui::drawings`).
    pub current: bool,
    pub table: Rc<Table>,
}

#[derive(Properties, PartialEq)]
pub struct ChartCardProps {
    pub chart: ChartView,
    pub stale: bool,
}

/// How a chart's table rows lie on its drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Left to right, each row a slot of equal width (bars, steps).
    Slots,
    /// Left to right, each row a point, the first and last at the ends.
    Points,
    /// Top to bottom, each row a slot of equal height (a waterfall read
    /// downwards).
    Down,
}

/// The layout of the chart whose element id is `id`.
pub fn layout(id: &str) -> Layout {
    match id {
        "chart-energy" | "chart-fan" => Layout::Points,
        "chart-bridge" | "chart-tornado" => Layout::Down,
        _ => Layout::Slots,
    }
}

/// The inputs that move the chart `id` most, offered beside it.
pub fn key_inputs(id: &str) -> &'static [Field] {
    match id {
        "chart-revenue" => &[
            Field::ContractRate,
            Field::ContractTerm,
            Field::ContractEscalator,
        ],
        "chart-build-time" => &[Field::HpcConversionMonths, Field::GreenfieldBuildMonths],
        "chart-energy" => &[Field::SiteEnergyPrice, Field::SweepMin, Field::SweepMax],
        "chart-bridge" => &[
            Field::HpcCapex,
            Field::ContractRate,
            Field::FinanceDiscountRate,
        ],
        _ => &[],
    }
}

/// The plot area of a drawing, in the SVG's own units, read from its axis
/// lines (drawn in the theme's axis colour), with the drawing's size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotBox {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

/// The plot box of `svg` as `crate::charts` draws it: the longest
/// horizontal axis line (drawn in the theme's axis colour) gives the left,
/// right and bottom; the top is that of the longest vertical axis line
/// when one spans a third of the drawing, else the highest grid line, else
/// the top of the drawing. `None` when the drawing has no axis.
pub fn plot_box(svg: &str) -> Option<PlotBox> {
    let (width, height) = size(svg)?;
    let stroke = |c: crate::charts::Rgb| format!("stroke=\"{}\"", c.css());
    let themes = [Theme::light(), Theme::dark()];
    let axis: Vec<String> = themes.iter().map(|t| stroke(t.axis)).collect();
    let grid: Vec<String> = themes.iter().map(|t| stroke(t.grid)).collect();
    let mut across: Option<(f64, f64, f64)> = None;
    let mut down: Option<(f64, f64)> = None;
    let mut grid_top: Option<f64> = None;
    for tag in svg.split("<polyline").skip(1) {
        let tag = tag.get(..tag.find('>').unwrap_or(tag.len())).unwrap_or("");
        let is_axis = axis.iter().any(|a| tag.contains(a.as_str()));
        let is_grid = grid.iter().any(|a| tag.contains(a.as_str()));
        if !is_axis && !is_grid {
            continue;
        }
        let Some(points) = tag
            .split_once("points=\"")
            .and_then(|(_, p)| p.split('"').next())
        else {
            continue;
        };
        let xy: Vec<(f64, f64)> = points
            .split_whitespace()
            .filter_map(|p| {
                let (x, y) = p.split_once(',')?;
                Some((numeral::read(x)?, numeral::read(y)?))
            })
            .collect();
        let [(x1, y1), (x2, y2)] = xy[..] else {
            continue;
        };
        if is_grid {
            if y1 == y2 {
                grid_top = Some(grid_top.map_or(y1, |t| t.min(y1)));
            }
        } else if y1 == y2 && across.is_none_or(|(l, r, _)| (x2 - x1).abs() > r - l) {
            across = Some((x1.min(x2), x1.max(x2), y1));
        } else if x1 == x2
            && (y2 - y1).abs() > height / 3.0
            && down.is_none_or(|(t, b)| (y2 - y1).abs() > b - t)
        {
            down = Some((y1.min(y2), y1.max(y2)));
        }
    }
    let (left, right, bottom) = across?;
    let top = down.map(|(t, _)| t).or(grid_top).unwrap_or(0.0);
    (right > left && bottom > top).then_some(PlotBox {
        width,
        height,
        left,
        right,
        top,
        bottom,
    })
}

/// The row of `n` under the point (`x`, `y`) in SVG units.
pub fn row_at(plot: &PlotBox, layout: Layout, n: usize, x: f64, y: f64) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let last = (n - 1) as f64;
    let t = match layout {
        Layout::Down => (y - plot.top) / (plot.bottom - plot.top),
        _ => (x - plot.left) / (plot.right - plot.left),
    };
    if !t.is_finite() {
        return None;
    }
    let i = match layout {
        Layout::Points => (t * last).round(),
        _ => (t * n as f64).floor(),
    };
    Some(i.clamp(0.0, last) as usize)
}

/// Where row `i` of `n` lies on the drawing, as percentages of its width
/// and height: left, top, width, height.
pub fn row_span(plot: &PlotBox, layout: Layout, n: usize, i: usize) -> [f64; 4] {
    let pct = |x: f64, of: f64| x / of * 100.0;
    let (w, h) = (plot.right - plot.left, plot.bottom - plot.top);
    let i = i as f64;
    let [left, top, width, height] = match layout {
        Layout::Slots => [plot.left + w * i / n as f64, plot.top, w / n as f64, h],
        Layout::Points => {
            let at = if n > 1 {
                plot.left + w * i / (n - 1) as f64
            } else {
                plot.left
            };
            [at, plot.top, 0.0, h]
        }
        Layout::Down => [plot.left, plot.top + h * i / n as f64, w, h / n as f64],
    };
    [
        pct(left, plot.width),
        pct(top, plot.height),
        pct(width, plot.width),
        pct(height, plot.height),
    ]
}

/// A table row as one line: its first cell (with the column's name when
/// the cell is a bare number), then each other column's name and value.
pub fn readout(table: &Table, row: usize) -> Option<String> {
    let cells = table.rows.get(row)?;
    let mut pairs = table.headers.iter().zip(cells);
    let (h0, c0) = pairs.next()?;
    let label = if c0.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{h0} {c0}")
    } else {
        c0.clone()
    };
    let rest: Vec<String> = pairs.map(|(h, c)| format!("{h} {c}")).collect();
    Some(format!("{label}: {}", rest.join(" \u{b7} ")))
}

/// The table as escaped HTML text: caption, a header row of column
/// headings, a row per entry.
pub fn table_html(table: &Table) -> String {
    let mut h = String::with_capacity(64 * (table.rows.len() + 2));
    h.push_str("<table>");
    push_element(&mut h, "caption", &table.caption);
    h.push_str("<thead><tr>");
    for head in &table.headers {
        h.push_str("<th scope=\"col\">");
        h.push_str(&escape(head));
        h.push_str("</th>");
    }
    h.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        h.push_str("<tr>");
        for cell in row {
            push_element(&mut h, "td", cell);
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

/// Sets a CSS custom property on `el` through its style object (the page's
/// CSP allows no `style` attributes; the CSSOM is not an attribute).
fn set_var(el: &web_sys::Element, name: &str, value: &str) {
    let Ok(style) = js_sys::Reflect::get(el, &"style".into()) else {
        return;
    };
    if let Ok(set) = js_sys::Reflect::get(&style, &"setProperty".into()) {
        if let Some(set) = set.dyn_ref::<js_sys::Function>() {
            let _ = set.call2(&style, &name.into(), &value.into());
        }
    }
}

/// The pointer's position on the drawing in `el`, in the drawing's units.
fn pointer_on(el: &web_sys::Element, plot: &PlotBox, e: &MouseEvent) -> Option<(f64, f64)> {
    let rect = js_sys::Reflect::get(el, &"getBoundingClientRect".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call0(el)
        .ok()?;
    let num = |k: &str| {
        js_sys::Reflect::get(&rect, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_f64())
    };
    let (left, top, width, height) = (num("left")?, num("top")?, num("width")?, num("height")?);
    if width <= 0.0 || height <= 0.0 {
        return None;
    }
    Some((
        (f64::from(e.client_x()) - left) / width * plot.width,
        (f64::from(e.client_y()) - top) / height * plot.height,
    ))
}

/// Puts the keyboard in `field`'s box. A box in its group's closed
/// advanced section is not on the page: the section opens and the box takes
/// the keyboard as it appears.
fn focus_field(field: Field) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let id = field.html_id();
    if doc.get_element_by_id(&id).is_some() {
        web::focus_id(&id);
        return;
    }
    field_input::focus_when_shown(field);
    let more = format!("details.advanced[data-group=\"{}\"]", field.group().key());
    if let Ok(Some(details)) = doc.query_selector(&more) {
        if let Ok(details) = details.dyn_into::<HtmlDetailsElement>() {
            details.set_open(true);
        }
    }
}

/// Closes the menu `menu` (a `<details>`), leaving the keyboard on its
/// summary.
fn close_menu(menu: &NodeRef) {
    if let Some(details) = menu.cast::<HtmlDetailsElement>() {
        details.set_open(false);
        if let Some(summary) = details
            .first_element_child()
            .and_then(|s| s.dyn_into::<HtmlElement>().ok())
        {
            let _ = summary.focus();
        }
    }
}

#[function_component(ChartCard)]
pub fn chart_card(props: &ChartCardProps) -> Html {
    let c = &props.chart;
    let heading_id = format!("{}-title", c.id);
    let readout_id = format!("{}-readout", c.id);
    let at = use_state_eq(|| None::<usize>);
    // What the last download did.
    let note = use_state_eq(|| None::<String>);
    let frame_ref = use_node_ref();
    let menu_ref = use_node_ref();
    let layout = layout(&c.id);
    let n = c.table.rows.len();
    let plot = use_memo(c.svg.clone(), |svg| {
        svg.as_ref().ok().and_then(|s| plot_box(s.as_str()))
    });
    // A new table may have fewer rows.
    let row = (*at).filter(|&i| i < n);

    // The row's mark on the drawing, placed through the CSSOM.
    {
        let frame_ref = frame_ref.clone();
        use_effect_with((row, *plot, n), move |(row, plot, n)| {
            if let (Some(frame), Some(i), Some(plot)) =
                (frame_ref.cast::<web_sys::Element>(), row, plot)
            {
                let [l, t, w, h] = row_span(plot, layout, *n, *i);
                for (name, v) in [
                    ("--mark-l", l),
                    ("--mark-t", t),
                    ("--mark-w", w),
                    ("--mark-h", h),
                ] {
                    set_var(&frame, name, &format!("{v:.3}%"));
                }
            }
        });
    }
    let onpointermove = {
        let at = at.clone();
        let plot = plot.clone();
        let frame_ref = frame_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let svg = frame_ref
                .cast::<web_sys::Element>()
                .and_then(|f| f.first_element_child());
            if let (Some(svg), Some(plot)) = (svg, plot.as_ref()) {
                if let Some((x, y)) = pointer_on(&svg, plot, &e) {
                    at.set(row_at(plot, layout, n, x, y));
                }
            }
        })
    };
    let onpointerleave = {
        let at = at.clone();
        let frame_ref = frame_ref.clone();
        Callback::from(move |e: PointerEvent| {
            // A finger leaves as it lifts: the row it tapped stays. A row
            // chosen with the keyboard stays while the chart has focus.
            if e.pointer_type() == "touch" {
                return;
            }
            let focused = frame_ref.cast::<web_sys::Element>().is_some_and(|f| {
                f.owner_document()
                    .and_then(|d| d.active_element())
                    .is_some_and(|a| a == f)
            });
            if !focused {
                at.set(None);
            }
        })
    };
    let onkeydown = {
        let at = at.clone();
        Callback::from(move |e: KeyboardEvent| {
            if n == 0 {
                return;
            }
            let next = match (e.key().as_str(), row) {
                ("ArrowRight" | "ArrowDown", Some(i)) => Some((i + 1).min(n - 1)),
                ("ArrowLeft" | "ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                ("ArrowRight" | "ArrowDown" | "Home", None) | ("Home", Some(_)) => Some(0),
                ("ArrowLeft" | "ArrowUp" | "End", None) | ("End", Some(_)) => Some(n - 1),
                ("Escape", Some(_)) => None,
                _ => return,
            };
            e.prevent_default();
            at.set(next);
        })
    };
    let onblur = {
        let at = at.clone();
        Callback::from(move |_: FocusEvent| at.set(None))
    };
    // The drawing as a file: what the page shows, standing alone.
    let saving = c.svg.as_ref().ok().and_then(|svg| {
        let px = size(svg)?;
        let on_save = |png: bool| {
            let (svg, id) = (svg.clone(), c.id.clone());
            let (note, menu) = (note.clone(), menu_ref.clone());
            Callback::from(move |_: MouseEvent| {
                let file = standalone(&svg);
                if png {
                    let note = note.clone();
                    let done = move |message| note.set(Some(message));
                    web::image::save_png(&file, px, PNG_SCALE, &file_name(&id, "png"), done);
                } else {
                    let name = file_name(&id, "svg");
                    note.set(Some(web::download(&name, "image/svg+xml", &file)));
                }
                close_menu(&menu);
            })
        };
        Some((on_save(false), on_save(true)))
    });
    // Escape closes the menu.
    let on_menu_key = {
        let menu = menu_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close_menu(&menu);
            }
        })
    };
    let figure = match &c.svg {
        // The SVG is text our own pure chart code wrote from numbers.
        Ok(svg) => Html::from_html_unchecked(svg.clone()),
        Err(message) => html! { <p class="error" role="alert">{ message.clone() }</p> },
    };
    let line = match (row.and_then(|i| readout(&c.table, i)), &*note) {
        (Some(text), _) => keep_minus(&text),
        (None, Some(said)) => said.into(),
        (None, None) => html! { <span class="hint">{ crate::lang::tr(HINT) }</span> },
    };
    let inputs = key_inputs(&c.id);
    let mark_class = match layout {
        Layout::Down => "chart-mark down",
        _ => "chart-mark across",
    };
    html! {
        // An earlier view (far from the window, about to be made again)
        // is busy for screen readers.
        <section class={classes!("chart", props.stale.then_some("stale"))} id={c.id.clone()}
            aria-labelledby={heading_id.clone()} aria-busy={(!c.current).then_some("true")}>
            <h2 id={heading_id}>{ c.title.clone() }</h2>
            // At the heading's right end, opening over the drawing; hidden
            // while the drawing is an earlier one, about to be drawn again
            // (www/style.css).
            if let Some((on_svg, on_png)) = saving {
                <details class="chart-download" ref={menu_ref} onkeydown={on_menu_key}>
                    <summary aria-label={download_name(&c.title)}>{ crate::lang::tr(DOWNLOAD) }</summary>
                    <div class="download-pop">
                        <button onclick={on_svg} aria-label={svg_name(&c.title)}>{ AS_SVG }</button>
                        <button onclick={on_png} aria-label={png_name(&c.title)}>{ crate::lang::tr(AS_PNG) }</button>
                    </div>
                </details>
            }
            // The line keeps its room whatever it says, so the drawing never
            // moves under the pointer.
            <p class="chart-readout" id={readout_id.clone()} aria-live="polite">
                if props.stale {
                    <span class="stale-note">{ t!("Out of date: showing the last valid inputs. ") }</span>
                }
                { line }
            </p>
            <figure>
                // A drawing of earlier results is hidden from screen readers.
                <div class="svg-frame" ref={frame_ref} data-current={c.current.to_string()}
                    aria-hidden={(!c.current).then_some("true")}
                    data-row={row.map(|i| i.to_string())}
                    // A keyboard stop while its drawing is current (an
                    // earlier one is hidden from screen readers).
                    tabindex={(n > 0 && c.current).then_some("0")}
                    role={(n > 0).then_some("group")}
                    aria-label={(n > 0).then(|| t!("{title}: arrow keys read its values", title = c.title))}
                    aria-describedby={(n > 0).then_some(readout_id)}
                    onpointerdown={onpointermove.clone()} {onpointermove} {onpointerleave}
                    {onkeydown} {onblur}>
                    { figure }
                    if row.is_some() && plot.is_some() {
                        <div class={mark_class} aria-hidden="true"></div>
                    }
                </div>
                <figcaption>{ keep_minus(&c.summary) }</figcaption>
            </figure>
            if !inputs.is_empty() {
                <p class="chart-inputs">
                    <span>{ t!("Its inputs:") }</span>
                    { for inputs.iter().map(|&field| html! {
                        <button type="button" class="link" onclick={Callback::from(move |_: MouseEvent| focus_field(field))}
                            title={t!("Go to this input")}>{ field.label() }</button>
                    }) }
                </p>
            }
            <details class="numbers">
                <summary>{ t!("Show the numbers") }</summary>
                <div class="table-scroll" tabindex="0" role="region"
                    aria-label={t!("{caption} (scrolls sideways when wider than the chart)", caption = c.table.caption)}>
                    // Text only, no controls: written as HTML, which the
                    // browser builds far faster than node by node.
                    { Html::from_html_unchecked(table_html(&c.table).into()) }
                </div>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{Chart, Size};
    use crate::model::{evaluate, Scenario};

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn a_table_is_written_as_escaped_html_with_every_cell_in_order() {
        let t = Table {
            caption: "Rent <by year> & more".into(),
            headers: vec!["Year".into(), "Rent \"net\"".into()],
            rows: vec![
                vec!["1".into(), "\u{2212}$1.2M".into()],
                vec!["2".into(), "<b>".into()],
            ],
        };
        assert_eq!(
            table_html(&t),
            "<table><caption>Rent &lt;by year&gt; &amp; more</caption>\
             <thead><tr><th scope=\"col\">Year</th><th scope=\"col\">Rent &quot;net&quot;</th></tr></thead>\
             <tbody><tr><td>1</td><td>\u{2212}$1.2M</td></tr><tr><td>2</td><td>&lt;b&gt;</td></tr></tbody></table>"
        );
    }

    #[test]
    fn the_plot_box_is_read_from_the_axes() -> TestResult {
        let r = evaluate(&Scenario::default())?;
        for theme in [Theme::light(), Theme::dark()] {
            for chart in Chart::ALL {
                let svg = chart.draw(&r, &theme, Size::for_container(720))?;
                let plot = plot_box(&svg).ok_or(format!("{}: no plot box", chart.id()))?;
                assert_eq!((plot.width, plot.height), (720.0, 360.0), "{}", chart.id());
                assert!(
                    plot.left > 0.0 && plot.right < 720.0 && plot.left < plot.right,
                    "{}: {plot:?}",
                    chart.id()
                );
                assert!(plot.top >= 0.0 && plot.bottom <= 360.0 && plot.top < plot.bottom);
            }
        }
        assert_eq!(plot_box("<svg></svg>"), None);
        assert_eq!(plot_box(""), None);
        Ok(())
    }

    #[test]
    fn rows_follow_the_pointer() {
        let plot = PlotBox {
            width: 100.0,
            height: 50.0,
            left: 10.0,
            right: 90.0,
            top: 10.0,
            bottom: 40.0,
        };
        // Four bars of 20 units from x = 10.
        assert_eq!(row_at(&plot, Layout::Slots, 4, 11.0, 0.0), Some(0));
        assert_eq!(row_at(&plot, Layout::Slots, 4, 31.0, 0.0), Some(1));
        assert_eq!(row_at(&plot, Layout::Slots, 4, 89.0, 0.0), Some(3));
        assert_eq!(row_at(&plot, Layout::Slots, 4, 0.0, 0.0), Some(0));
        assert_eq!(row_at(&plot, Layout::Slots, 4, 99.0, 0.0), Some(3));
        // Five points at 10, 30, … 90: the nearest.
        assert_eq!(row_at(&plot, Layout::Points, 5, 38.0, 0.0), Some(1));
        assert_eq!(row_at(&plot, Layout::Points, 5, 41.0, 0.0), Some(2));
        // Three rows down from y = 10.
        assert_eq!(row_at(&plot, Layout::Down, 3, 0.0, 21.0), Some(1));
        assert_eq!(row_at(&plot, Layout::Slots, 0, 50.0, 20.0), None);
        assert_eq!(
            row_span(&plot, Layout::Slots, 4, 1),
            [30.0, 20.0, 20.0, 60.0]
        );
        assert_eq!(
            row_span(&plot, Layout::Down, 3, 0),
            [10.0, 20.0, 80.0, 20.0]
        );
    }

    #[test]
    fn a_row_reads_as_one_line() -> TestResult {
        let r = evaluate(&Scenario::default())?;
        let revenue = Chart::Revenue.table(&r);
        let line = readout(&revenue, 0).ok_or("no row")?;
        assert!(line.starts_with("Contract year 1: Revenue $"), "{line}");
        assert!(line.contains(" \u{b7} Cumulative $"), "{line}");
        let bridge = Chart::Bridge.table(&r);
        let line = readout(&bridge, 0).ok_or("no row")?;
        assert!(line.starts_with("Keep mining: Present value $"), "{line}");
        assert_eq!(readout(&bridge, 99), None);
        assert_eq!(
            file_name("chart-build-time", "png"),
            "repower-build-time.png"
        );
        assert_eq!(file_name("chart-tornado", "svg"), "repower-tornado.svg");
        for chart in Chart::ALL {
            assert_eq!(
                layout(&crate::ui::drawings::chart_id(chart)) == Layout::Points,
                chart == Chart::Energy
            );
            assert!(!key_inputs(&crate::ui::drawings::chart_id(chart)).is_empty());
        }
        Ok(())
    }
}
