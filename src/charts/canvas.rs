//! The drawing surface the charts share: plotters' SVG backend behind a
//! few primitives in pixel coordinates (text, lines, rectangles, areas,
//! dots), the plotting rectangle and its axes, and the text sizes and
//! spacing that follow from a chart's size. The header is laid out in
//! [`super::header`], the SVG text finished in [`super::svg`].
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
use super::svg::finish;
use super::{Chart, ChartError, Rgb, Size, Theme};

/// The font stack of the page, so the charts read like the rest of it.
pub(crate) const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/// Outer margin, px.
pub(crate) const MARGIN: i32 = 8;
/// Gap between an axis and its tick labels, px.
pub(crate) const TICK_GAP: i32 = 6;

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
            .map_err(|e| canvas.fail(en!("filling the background"), e))?;
        draw(&mut canvas)?;
        canvas
            .area
            .present()
            .map_err(|e| canvas.fail(en!("finishing the SVG"), e))?;
        (canvas.paths, canvas.dashes)
    };
    Ok(finish(&buf, label, paths, &dashes))
}

impl Canvas<'_> {
    /// A failure of `operation` (an `en!` text, translated where shown).
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
            .map_err(|e| self.fail(en!("drawing text"), e))
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
            .map_err(|e| self.fail(en!("drawing a line"), e))?;
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
            .map_err(|e| self.fail(en!("drawing a rectangle"), e))
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
            .map_err(|e| self.fail(en!("drawing an area"), e))
    }

    /// A filled dot.
    pub fn dot(&mut self, at: (i32, i32), radius: u32, c: Rgb) -> Result<(), ChartError> {
        self.area
            .draw(&Circle::new(at, radius, fill(c, 1.0)))
            .map_err(|e| self.fail(en!("drawing a dot"), e))
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

    /// [`Canvas::grid`], and the zero line where 0 is above the baseline.
    pub fn grid_with_zero(
        &mut self,
        plot: &Plot,
        ys: &Scale,
        ticks: &Ticks,
    ) -> Result<(), ChartError> {
        self.grid(plot, ys, ticks)?;
        let zero = ys.px(0.0);
        if zero == plot.bottom {
            return Ok(());
        }
        let axis = self.theme.axis;
        self.line(&[(plot.left, zero), (plot.right, zero)], axis, 1, None)
    }

    /// Vertical grid lines at the ticks of a horizontal axis, the plot's
    /// baseline, and the zero line where 0 is inside the plot.
    pub fn grid_across(
        &mut self,
        plot: &Plot,
        xs: &Scale,
        ticks: &[(f64, String)],
    ) -> Result<(), ChartError> {
        let (grid, axis) = (self.theme.grid, self.theme.axis);
        let zero = xs.px(0.0);
        let zero_inside = xs.contains(0.0);
        for (v, _) in ticks {
            let x = xs.px(*v);
            if !(zero_inside && x == zero) {
                self.line(&[(x, plot.top), (x, plot.bottom)], grid, 1, None)?;
            }
        }
        self.line(
            &[(plot.left, plot.bottom), (plot.right, plot.bottom)],
            axis,
            1,
            None,
        )?;
        if zero_inside {
            self.line(&[(zero, plot.top), (zero, plot.bottom)], axis, 1, None)?;
        }
        Ok(())
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

/// The x axis's title that fits: none when the axis has room for one row
/// (its tick labels) only, else `full` when it fits the plot's width, else
/// `short`.
pub(crate) fn axis_title<'a>(
    full: &'a str,
    short: &'a str,
    axis_rows: i32,
    px: f64,
    plot_width: i32,
) -> &'a str {
    if axis_rows < 2 {
        ""
    } else if text_width(full, px, false) <= plot_width {
        full
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_follows_the_text_size() {
        let at = |width| {
            let m = Metrics::of(Size { width, height: 360 });
            let spacing = (m.row_h, m.axis_title_w, m.x_labels_h, m.label_row);
            ((m.small, m.header), spacing)
        };
        // At 11 px: 12 × 1.5 = 18, then 16, 17 and 15 px as they are.
        assert_eq!(at(440), ((11.0, 12.0), (18, 16, 17, 15)));
        // At 13 px: 14 × 1.5 = 21, and 16, 17, 15 × 13 / 11, rounded.
        assert_eq!(at(720), ((13.0, 14.0), (21, 19, 20, 18)));
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
}
