//! The drawing surface the three charts share: plotters' SVG backend behind
//! a few primitives in pixel coordinates, the header of legend items and
//! figures, the axes, and the finishing touches on the SVG text.
//!
//! Nothing here asks plotters to measure text (no captions, meshes or
//! series legends): widths come from [`text_width`], so drawing in the
//! browser never forces a layout, and the SVG is the same there as in the
//! tests.

use std::fmt::Display;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

use super::axis::{text_width, Scale, Ticks};
use super::{Chart, ChartError, Rgb, Size, Theme};

/// The font stack of the page, so the charts read like the rest of it.
pub(crate) const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/// Outer margin, px.
pub(crate) const MARGIN: i32 = 8;
/// Gap between an axis and its tick labels, px.
pub(crate) const TICK_GAP: i32 = 6;
/// Gap between header items, px.
const ITEM_GAP: i32 = 16;
/// Width of a legend swatch and the gap after it, px.
const SWATCH_W: i32 = 16;
const SWATCH_GAP: i32 = 5;

/// Dash pattern of the greenfield baselines.
pub(crate) const DASH: &str = "6 4";

/// plotters writes `font-size` as the given size divided by 1.24.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// The text sizes of one chart size ([`Size::text_px`]) and the spacing that
/// follows from them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Metrics {
    /// Tick labels, axis titles and labels in the plot, px.
    pub small: f64,
    /// Legend items and figures in the header, px.
    pub header: f64,
    /// Height of one header row, px.
    pub row_h: i32,
    /// The column of a rotated axis title, px.
    pub axis_title_w: i32,
    /// The row of x tick labels, px.
    pub x_labels_h: i32,
    /// One row of labels in or above the plot, px.
    pub label_row: i32,
}

impl Metrics {
    pub fn of(size: Size) -> Self {
        let small = size.text_px();
        let header = small + 1.0;
        let k = small / 11.0;
        let px = |v: f64| (v * k).round() as i32;
        Self {
            small,
            header,
            row_h: (header * 1.5).round() as i32,
            axis_title_w: px(16.0),
            x_labels_h: px(17.0),
            label_row: px(15.0),
        }
    }
}

/// The plotting rectangle, px (`top < bottom`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Plot {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
}

/// What lies right of the plot.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Right {
    /// A second axis whose widest tick label is this wide, px.
    Axis(i32),
    /// Room for half of the last x tick label, whose width this is, px.
    LastLabel(i32),
}

impl Plot {
    /// The rectangle left over once the margins, the header, the axis
    /// titles and the tick labels are taken. Never inverted.
    pub fn new(size: Size, top: i32, left_labels: i32, right: Right) -> Self {
        let m = Metrics::of(size);
        let (w, h) = (size.width as i32, size.height as i32);
        let left = MARGIN + m.axis_title_w + left_labels + TICK_GAP;
        let right = match right {
            Right::Axis(labels) => w - MARGIN - m.axis_title_w - labels - TICK_GAP,
            Right::LastLabel(label) => w - MARGIN - (label / 2 + 2 - MARGIN).max(10),
        };
        let bottom = h - MARGIN - 2 * m.x_labels_h;
        let right = right.max(left + 10);
        let top = top.min(bottom - 10);
        Self {
            left,
            top,
            right,
            bottom,
        }
    }

    pub fn width(&self) -> i32 {
        self.right - self.left
    }

    pub fn height(&self) -> i32 {
        self.bottom - self.top
    }

    pub fn x_scale(&self, domain: (f64, f64)) -> Scale {
        Scale::new(domain, (self.left, self.right))
    }

    pub fn y_scale(&self, domain: (f64, f64)) -> Scale {
        Scale::new(domain, (self.bottom, self.top))
    }
}

/// Which side of the plot an axis is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Left,
    Right,
}

/// What a header item shows before its text.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    /// Text only.
    Plain,
    /// A filled block, as of a bar.
    Bar(Rgb),
    /// A short solid line, with a dot when `dot`.
    Line(Rgb, bool),
    /// A short line dashed with the given `stroke-dasharray`.
    Dashed(Rgb, &'static str),
    /// A translucent block, as of a shaded area.
    Area(Rgb, f64),
}

/// One entry of a chart's header: a legend entry, a figure or a note.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub swatch: Swatch,
    pub text: String,
    pub bold: bool,
    pub muted: bool,
    /// Starts a new row.
    pub new_row: bool,
    /// 0 for what must show; when the header would crowd a small chart,
    /// the items of the highest rank go first.
    pub rank: u8,
}

impl Item {
    pub fn legend(swatch: Swatch, text: impl Into<String>) -> Self {
        Self {
            swatch,
            text: text.into(),
            bold: false,
            muted: false,
            new_row: false,
            rank: 0,
        }
    }

    pub fn figure(text: impl Into<String>) -> Self {
        Self {
            bold: true,
            ..Self::legend(Swatch::Plain, text)
        }
    }

    pub fn note(text: impl Into<String>) -> Self {
        Self {
            muted: true,
            ..Self::legend(Swatch::Plain, text)
        }
    }

    pub fn rank(self, rank: u8) -> Self {
        Self { rank, ..self }
    }

    pub fn new_row(self) -> Self {
        Self {
            new_row: true,
            ..self
        }
    }

    fn width(&self, px: f64) -> i32 {
        let swatch = match self.swatch {
            Swatch::Plain => 0,
            _ => SWATCH_W + SWATCH_GAP,
        };
        swatch + text_width(&self.text, px, self.bold)
    }
}

/// The items, set at `px`, in rows no wider than `width`, each with its x
/// offset.
pub(crate) fn flow<'i>(items: &[&'i Item], px: f64, width: i32) -> Vec<Vec<(i32, &'i Item)>> {
    let mut rows: Vec<Vec<(i32, &Item)>> = Vec::new();
    let mut row: Vec<(i32, &Item)> = Vec::new();
    let mut x = 0;
    for item in items {
        let w = item.width(px);
        if !row.is_empty() && (item.new_row || x + w > width) {
            rows.push(std::mem::take(&mut row));
            x = 0;
        }
        row.push((x, *item));
        x += w + ITEM_GAP;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

/// The items, an item wider than `width` broken between words into pieces
/// that each start a row (the first keeps the swatch, all keep the style
/// and rank), so no text runs past the edge.
pub(crate) fn wrap(items: &[Item], px: f64, width: i32) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if item.width(px) <= width {
            out.push(item.clone());
            continue;
        }
        let mut piece = Item {
            text: String::new(),
            new_row: true,
            ..item.clone()
        };
        for word in item.text.split(' ') {
            let joined = if piece.text.is_empty() {
                word.to_owned()
            } else {
                format!("{} {word}", piece.text)
            };
            let longer = Item {
                text: joined.clone(),
                ..piece.clone()
            };
            if piece.text.is_empty() || longer.width(px) <= width {
                piece.text = joined;
            } else {
                let next = Item {
                    swatch: Swatch::Plain,
                    text: word.to_owned(),
                    ..piece.clone()
                };
                out.push(std::mem::replace(&mut piece, next));
            }
        }
        out.push(piece);
    }
    out
}

/// The rows of the items that fit in `max_rows`: the items of the highest
/// rank are left out until the rest fit (those of rank 0 always stay).
pub(crate) fn fit(items: &[Item], px: f64, width: i32, max_rows: usize) -> Vec<Vec<(i32, &Item)>> {
    let mut worst = items.iter().map(|i| i.rank).max().unwrap_or(0);
    loop {
        let kept: Vec<&Item> = items.iter().filter(|i| i.rank <= worst).collect();
        let rows = flow(&kept, px, width);
        if rows.len() <= max_rows || worst == 0 {
            return rows;
        }
        worst -= 1;
    }
}

/// The header's rows as [`Canvas::header`] draws them at `size`: the items
/// wrapped to the chart's width, in at most a quarter of its height when
/// they can be, each with its x offset from the margin.
pub(crate) fn header_rows(size: Size, items: &[Item]) -> Vec<Vec<(i32, Item)>> {
    let Metrics { header, row_h, .. } = Metrics::of(size.clamped());
    let max_rows = (size.clamped().height as i32 / 4 / row_h).max(1) as usize;
    let width = size.clamped().width as i32 - 2 * MARGIN;
    let items = wrap(items, header, width);
    fit(&items, header, width, max_rows)
        .into_iter()
        .map(|row| row.into_iter().map(|(x, i)| (x, i.clone())).collect())
        .collect()
}

/// How a piece of text is set.
#[derive(Clone, Copy)]
pub(crate) struct TextStyleSpec {
    pub px: f64,
    pub colour: Rgb,
    pub bold: bool,
    pub h: HPos,
    pub v: VPos,
    pub rotated: bool,
}

impl TextStyleSpec {
    pub fn new(px: f64, colour: Rgb, h: HPos, v: VPos) -> Self {
        Self {
            px,
            colour,
            bold: false,
            h,
            v,
            rotated: false,
        }
    }

    pub fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    /// Reads bottom to top.
    pub fn rotated(self) -> Self {
        Self {
            rotated: true,
            ..self
        }
    }
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn stroke(c: Rgb, opacity: f64, width: u32) -> ShapeStyle {
    ShapeStyle {
        color: colour(c).mix(opacity),
        filled: false,
        stroke_width: width,
    }
}

fn fill(c: Rgb, opacity: f64) -> ShapeStyle {
    ShapeStyle {
        color: colour(c).mix(opacity),
        filled: true,
        stroke_width: 0,
    }
}

/// The surface one chart draws on.
pub(crate) struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
    chart: Chart,
    pub theme: Theme,
    pub size: Size,
    /// Text sizes and spacing.
    pub metrics: Metrics,
    /// `<polyline>` elements drawn so far.
    paths: usize,
    /// Which of them are dashed, and how.
    dashes: Vec<(usize, &'static str)>,
}

/// Draws one chart: a background, then `draw`, then the SVG text with the
/// root element made accessible and scalable.
pub(crate) fn render(
    chart: Chart,
    theme: &Theme,
    size: Size,
    label: &str,
    draw: impl FnOnce(&mut Canvas<'_>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let size = size.clamped();
    let mut buf = String::with_capacity(24 * 1024);
    let (paths, dashes) = {
        let area = SVGBackend::with_string(&mut buf, (size.width, size.height)).into_drawing_area();
        let mut canvas = Canvas {
            area,
            chart,
            theme: theme.clone(),
            size,
            metrics: Metrics::of(size),
            paths: 0,
            dashes: Vec::new(),
        };
        canvas
            .area
            .fill(&colour(theme.background))
            .map_err(|e| canvas.fail("filling the background", e))?;
        draw(&mut canvas)?;
        canvas
            .area
            .present()
            .map_err(|e| canvas.fail("finishing the SVG", e))?;
        (canvas.paths, canvas.dashes)
    };
    Ok(finish(&buf, label, paths, &dashes))
}

impl Canvas<'_> {
    fn fail(&self, operation: &'static str, e: impl Display) -> ChartError {
        ChartError::Backend {
            chart: self.chart,
            operation,
            detail: e.to_string(),
        }
    }

    /// Sets `text` at `at`.
    pub fn text(
        &mut self,
        text: &str,
        at: (i32, i32),
        spec: TextStyleSpec,
    ) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        let weight = if spec.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font = FontDesc::new(
            FontFamily::Name(FONT),
            spec.px * PLOTTERS_FONT_SCALE,
            weight,
        );
        let fill = colour(spec.colour);
        let mut style = TextStyle::from(font)
            .color(&fill)
            .pos(Pos::new(spec.h, spec.v));
        if spec.rotated {
            style = style.transform(FontTransform::Rotate270);
        }
        self.area
            .draw(&Text::new(text, at, style))
            .map_err(|e| self.fail("drawing text", e))
    }

    /// A polyline through `points` (consecutive duplicates and points on a
    /// straight run dropped), dashed with `dash` when given.
    pub fn line(
        &mut self,
        points: &[(i32, i32)],
        c: Rgb,
        width: u32,
        dash: Option<&'static str>,
    ) -> Result<(), ChartError> {
        let points = simplify(points);
        if points.len() < 2 {
            return Ok(());
        }
        self.area
            .draw(&PathElement::new(points, stroke(c, 1.0, width)))
            .map_err(|e| self.fail("drawing a line", e))?;
        if let Some(pattern) = dash {
            self.dashes.push((self.paths, pattern));
        }
        self.paths += 1;
        Ok(())
    }

    /// A filled rectangle between two corners, in any order.
    pub fn rect(
        &mut self,
        a: (i32, i32),
        b: (i32, i32),
        c: Rgb,
        opacity: f64,
    ) -> Result<(), ChartError> {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        if x1 == x0 || y1 == y0 {
            return Ok(());
        }
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], fill(c, opacity)))
            .map_err(|e| self.fail("drawing a rectangle", e))
    }

    /// A filled polygon.
    pub fn polygon(
        &mut self,
        points: Vec<(i32, i32)>,
        c: Rgb,
        opacity: f64,
    ) -> Result<(), ChartError> {
        if points.len() < 3 {
            return Ok(());
        }
        self.area
            .draw(&Polygon::new(points, fill(c, opacity)))
            .map_err(|e| self.fail("drawing an area", e))
    }

    /// A filled dot.
    pub fn dot(&mut self, at: (i32, i32), radius: u32, c: Rgb) -> Result<(), ChartError> {
        self.area
            .draw(&Circle::new(at, radius, fill(c, 1.0)))
            .map_err(|e| self.fail("drawing a dot", e))
    }

    /// Draws the header `items` from the top margin down, in at most a
    /// quarter of the chart's height when they can be; returns the y below
    /// the last row.
    pub fn header(&mut self, items: &[Item]) -> Result<i32, ChartError> {
        let Metrics { header, row_h, .. } = self.metrics;
        let rows = header_rows(self.size, items);
        let mut y = MARGIN;
        for row in &rows {
            let mid = y + row_h / 2;
            for (dx, item) in row {
                let (dx, item) = (*dx, item);
                let mut x = MARGIN + dx;
                if !matches!(item.swatch, Swatch::Plain) {
                    self.swatch(item.swatch, x, mid)?;
                    x += SWATCH_W + SWATCH_GAP;
                }
                let c = if item.muted {
                    self.theme.muted
                } else {
                    self.theme.text
                };
                let mut spec = TextStyleSpec::new(header, c, HPos::Left, VPos::Center);
                if item.bold {
                    spec = spec.bold();
                }
                self.text(&item.text, (x, mid), spec)?;
            }
            y += row_h;
        }
        Ok(y)
    }

    fn swatch(&mut self, swatch: Swatch, x: i32, mid: i32) -> Result<(), ChartError> {
        match swatch {
            Swatch::Plain => Ok(()),
            Swatch::Bar(c) => self.rect((x + 2, mid - 5), (x + SWATCH_W - 2, mid + 5), c, 1.0),
            Swatch::Area(c, opacity) => {
                self.rect((x, mid - 5), (x + SWATCH_W, mid + 5), c, opacity)
            }
            Swatch::Line(c, dot) => {
                self.line(&[(x, mid), (x + SWATCH_W, mid)], c, 2, None)?;
                if dot {
                    self.dot((x + SWATCH_W / 2, mid), 3, c)?;
                }
                Ok(())
            }
            Swatch::Dashed(c, dash) => {
                self.line(&[(x, mid), (x + SWATCH_W, mid)], c, 2, Some(dash))
            }
        }
    }

    /// Horizontal grid lines at the ticks, and the baseline of the plot.
    pub fn grid(&mut self, plot: &Plot, ys: &Scale, ticks: &Ticks) -> Result<(), ChartError> {
        let grid = self.theme.grid;
        for &v in &ticks.values {
            let y = ys.px(v);
            if y == plot.bottom {
                continue;
            }
            self.line(&[(plot.left, y), (plot.right, y)], grid, 1, None)?;
        }
        let axis = self.theme.axis;
        self.line(
            &[(plot.left, plot.bottom), (plot.right, plot.bottom)],
            axis,
            1,
            None,
        )
    }

    /// Tick labels of a vertical axis, and its title, rotated, beside them:
    /// `titles.0`, or `titles.1` when the plot is too short for it, or none.
    pub fn y_axis(
        &mut self,
        plot: &Plot,
        side: Side,
        ys: &Scale,
        labels: &[(f64, String)],
        titles: (&str, &str),
    ) -> Result<(), ChartError> {
        let c = self.theme.muted;
        let Metrics {
            small,
            axis_title_w,
            ..
        } = self.metrics;
        let (x, h) = match side {
            Side::Left => (plot.left - TICK_GAP, HPos::Right),
            Side::Right => (plot.right + TICK_GAP, HPos::Left),
        };
        for (v, label) in labels {
            self.text(
                label,
                (x, ys.px(*v)),
                TextStyleSpec::new(small, c, h, VPos::Center),
            )?;
        }
        let title_x = match side {
            Side::Left => MARGIN + axis_title_w / 2,
            Side::Right => self.size.width as i32 - MARGIN - axis_title_w / 2,
        };
        let mid = (plot.top + plot.bottom) / 2;
        let fits = |t: &&str| text_width(t, small, false) <= plot.height();
        let Some(title) = [titles.0, titles.1].into_iter().find(fits) else {
            return Ok(());
        };
        let spec = TextStyleSpec::new(small, c, HPos::Center, VPos::Center).rotated();
        self.text(title, (title_x, mid), spec)
    }

    /// Tick marks and labels of the horizontal axis, and its title below.
    pub fn x_axis(
        &mut self,
        plot: &Plot,
        xs: &Scale,
        labels: &[(f64, String)],
        title: &str,
    ) -> Result<(), ChartError> {
        let (muted, axis, small) = (self.theme.muted, self.theme.axis, self.metrics.small);
        for (v, label) in labels {
            let x = xs.px(*v);
            self.line(&[(x, plot.bottom), (x, plot.bottom + 4)], axis, 1, None)?;
            let spec = TextStyleSpec::new(small, muted, HPos::Center, VPos::Top);
            self.text(label, (x, plot.bottom + 6), spec)?;
        }
        let spec = TextStyleSpec::new(small, muted, HPos::Center, VPos::Bottom);
        let x = (plot.left + plot.right) / 2;
        self.text(title, (x, self.size.height as i32 - MARGIN), spec)
    }
}

/// Drops repeated points and the middle of three points on one straight
/// run, so long flat or steady stretches cost one segment.
pub(crate) fn simplify(points: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(points.len());
    for &p in points {
        if out.last() == Some(&p) {
            continue;
        }
        if let [.., a, b] = out[..] {
            let cross = i64::from(b.0 - a.0) * i64::from(p.1 - a.1)
                - i64::from(b.1 - a.1) * i64::from(p.0 - a.0);
            let forward = i64::from(b.0 - a.0) * i64::from(p.0 - b.0)
                + i64::from(b.1 - a.1) * i64::from(p.1 - b.1);
            if cross == 0 && forward >= 0 {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// The finished SVG: the root element gains `role="img"`, the `aria-label`,
/// a `viewBox` if plotters left it out, rounded joins (the page's stylesheet sets tabular figures);
/// the dashed polylines gain their `stroke-dasharray`.
fn finish(svg: &str, label: &str, paths: usize, dashes: &[(usize, &str)]) -> String {
    let mut out = String::with_capacity(svg.len() + 256);
    let root_end = match svg.find('>') {
        Some(i) if svg.starts_with("<svg") => i,
        _ => return svg.to_owned(),
    };
    let root = &svg[..root_end];
    out.push_str("<svg role=\"img\" aria-label=\"");
    out.push_str(&escape(label));
    out.push('"');
    out.push_str(&root[4..]);
    if !root.contains("viewBox") {
        if let (Some(w), Some(h)) = (attribute(root, "width"), attribute(root, "height")) {
            out.push_str(&format!(" viewBox=\"0 0 {w} {h}\""));
        }
    }
    out.push_str(" stroke-linejoin=\"round\"");

    let rest = tidy_font_sizes(&svg[root_end..]);
    let rest = rest.as_str();
    let found = rest.matches("<polyline ").count();
    if dashes.is_empty() || found != paths {
        // Each line drawn is one <polyline>; if that ever stops holding,
        // solid lines beat dashes on the wrong ones.
        out.push_str(rest);
        return out;
    }
    let mut index = 0;
    for (i, piece) in rest.split("<polyline ").enumerate() {
        if i > 0 {
            out.push_str("<polyline ");
            if let Some((_, pattern)) = dashes.iter().find(|(n, _)| *n == index) {
                out.push_str(&format!("stroke-dasharray=\"{pattern}\" "));
            }
            index += 1;
        }
        out.push_str(piece);
    }
    out
}

/// `font-size="13.000000000000002"` (plotters divides the size it is given
/// by 1.24) as `font-size="13"`: every font size to two decimals at most.
fn tidy_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        let (head, tail) = rest.split_at(i + KEY.len());
        out.push_str(head);
        let len = tail.find('"').unwrap_or(tail.len());
        let value = &tail[..len];
        match value.parse::<f64>() {
            Ok(v) if v.is_finite() => out.push_str(&format!("{}", (v * 100.0).round() / 100.0)),
            _ => out.push_str(value),
        }
        rest = &tail[len..];
    }
    out.push_str(rest);
    out
}

fn attribute<'s>(tag: &'s str, name: &str) -> Option<&'s str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str) -> Item {
        Item::legend(Swatch::Plain, text)
    }

    #[test]
    fn flow_wraps_and_breaks() {
        let items = [item("aaaa"), item("bbbb"), item("cccc").new_row()];
        let all: Vec<&Item> = items.iter().collect();
        let rows = flow(&all, 12.0, 1000);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].len(), 1);
        assert_eq!(rows[1][0].0, 0);
        assert_eq!(flow(&all[..2], 12.0, 1000).len(), 1);
        assert_eq!(
            flow(&all, 12.0, 10).len(),
            3,
            "an item wider than the row still gets a row"
        );
    }

    #[test]
    fn wrap_breaks_long_items_between_words() {
        let items = [
            item("short"),
            Item::note("converting is ahead below $30.94/MWh, mining above").rank(1),
        ];
        let width = text_width("converting is ahead below", 12.0, false).max(text_width(
            "$30.94/MWh, mining above",
            12.0,
            false,
        ));
        let out = wrap(&items, 12.0, width);
        let texts: Vec<&str> = out.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "short",
                "converting is ahead below",
                "$30.94/MWh, mining above"
            ]
        );
        assert!(out[1..].iter().all(|i| i.muted && i.rank == 1 && i.new_row));
        assert!(out.iter().all(|i| i.width(12.0) <= width));
        // A single word wider than the row stays whole.
        assert_eq!(wrap(&[item("abcdefgh")], 12.0, 5).len(), 1);
    }

    #[test]
    fn fit_leaves_out_the_highest_ranks_first() {
        let items = [
            item("essential"),
            item("useful").rank(1),
            item("extra").rank(2),
        ];
        let texts = |rows: Vec<Vec<(i32, &Item)>>| -> Vec<String> {
            rows.iter().flatten().map(|(_, i)| i.text.clone()).collect()
        };
        assert_eq!(
            texts(fit(&items, 12.0, 1000, 1)),
            vec!["essential", "useful", "extra"]
        );
        assert_eq!(texts(fit(&items, 12.0, 10, 2)), vec!["essential", "useful"]);
        assert_eq!(texts(fit(&items, 12.0, 10, 1)), vec!["essential"]);
        assert_eq!(
            texts(fit(&items[..1], 12.0, 1, 0)),
            vec!["essential"],
            "rank 0 always stays"
        );
    }

    #[test]
    fn spacing_follows_the_text_size() {
        let at = |width| Metrics::of(Size { width, height: 360 });
        let narrow = at(440);
        assert_eq!((narrow.small, narrow.header), (11.0, 12.0));
        assert_eq!(
            (
                narrow.row_h,
                narrow.axis_title_w,
                narrow.x_labels_h,
                narrow.label_row
            ),
            (18, 16, 17, 15)
        );
        let wide = at(720);
        assert_eq!((wide.small, wide.header), (13.0, 14.0));
        assert_eq!(
            (
                wide.row_h,
                wide.axis_title_w,
                wide.x_labels_h,
                wide.label_row
            ),
            (21, 19, 20, 18)
        );
    }

    #[test]
    fn font_sizes_are_tidied() {
        let svg = "<svg width=\"1\" height=\"1\">\n<text font-size=\"13.000000000000002\" x=\"1\">a</text>\n<text font-size=\"11.5\">b</text>\n</svg>\n";
        let out = finish(svg, "t", 0, &[]);
        assert!(
            out.contains("<text font-size=\"13\" x=\"1\">a</text>"),
            "{out}"
        );
        assert!(out.contains("font-size=\"11.5\">b"), "{out}");
    }

    #[test]
    fn simplify_drops_straight_runs() {
        let pts = [(0, 10), (1, 10), (2, 10), (2, 10), (3, 9), (4, 8), (5, 8)];
        assert_eq!(simplify(&pts), vec![(0, 10), (2, 10), (4, 8), (5, 8)]);
        // A path that turns back on itself keeps its turning point.
        assert_eq!(
            simplify(&[(0, 0), (5, 0), (2, 0)]),
            vec![(0, 0), (5, 0), (2, 0)]
        );
    }

    #[test]
    fn finish_marks_up_the_root_and_dashes() {
        let svg =
            "<svg width=\"10\" height=\"5\" xmlns=\"x\">\n<polyline a/>\n<polyline b/>\n</svg>\n";
        let out = finish(svg, "A & B", 2, &[(1, DASH)]);
        assert!(out.starts_with("<svg role=\"img\" aria-label=\"A &amp; B\" width=\"10\""));
        assert!(out.contains("viewBox=\"0 0 10 5\""));
        assert!(out.contains("<polyline a/>"));
        assert!(out.contains("<polyline stroke-dasharray=\"6 4\" b/>"));
        // A count that does not match leaves the lines solid.
        let out = finish(svg, "t", 3, &[(1, DASH)]);
        assert!(!out.contains("stroke-dasharray"));
    }
}
