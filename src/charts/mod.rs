//! The three charts as SVG text: pure functions of an evaluation.
//!
//! * [`revenue`]: contract revenue per contract year as bars, the
//!   cumulative total as a line on a second axis; total and NPV stated.
//! * [`build_time`]: critical IT online per calendar month for the
//!   conversion and each greenfield baseline, the head start over the first
//!   baseline shaded; months saved, MW-months, revenue pulled forward and
//!   tenant value stated.
//! * [`energy`]: both paths' NPV across the energy-price sweep, with the
//!   current price, the mining break-even and the crossover marked.
//!
//! Each module has the same four functions: `draw` (the SVG text), `title`
//! (a heading for the page, also the SVG's `aria-label`), `summary` (one to
//! three sentences for screen readers) and `table` (the numbers behind the
//! chart, formatted).
//!
//! The SVG is drawn with plotters' SVG backend. It is deterministic (the same
//! evaluation, theme and size give byte-identical text), never contains
//! `NaN` or `inf`, and carries `viewBox`, `role="img"` and `aria-label` on
//! its root so CSS can scale it. Text widths are estimated, never measured,
//! so a redraw in the browser touches no layout.

mod axis;
mod canvas;

pub mod build_time;
pub mod energy;
pub mod revenue;

use std::fmt;

use crate::model::Evaluation;

/// A colour, `Rgb(0x00, 0x72, 0xB2)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// From `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Self {
        Self((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
    }

    /// As CSS, `#0072B2`.
    pub fn css(&self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// The colours of the charts. The data colours are the Okabe–Ito palette,
/// safe for colour-blind readers, in both themes.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    /// Legend text, figures, the cumulative line.
    pub text: Rgb,
    /// Tick labels, axis titles, notes.
    pub muted: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// The axis line, tick marks and the zero line.
    pub axis: Rgb,
    /// Converting, HPC: blue.
    pub convert: Rgb,
    /// Keeping mining: orange.
    pub mining: Rgb,
    /// Greenfield baselines: grey, dashed.
    pub greenfield: Rgb,
    /// Markers (current price, break-even, crossover): vermilion.
    pub marker: Rgb,
    /// Gains, shaded: sky blue at `gain_opacity`.
    pub gain: Rgb,
    pub gain_opacity: f64,
}

impl Theme {
    /// Dark text on white.
    pub fn light() -> Self {
        Self {
            background: Rgb::hex(0xFFFFFF),
            text: Rgb::hex(0x1F2328),
            muted: Rgb::hex(0x59636E),
            grid: Rgb::hex(0xE4E7EB),
            axis: Rgb::hex(0x8C959F),
            convert: Rgb::hex(0x0072B2),
            mining: Rgb::hex(0xE69F00),
            greenfield: Rgb::hex(0x999999),
            marker: Rgb::hex(0xD55E00),
            gain: Rgb::hex(0x56B4E9),
            gain_opacity: 0.3,
        }
    }

    /// Light text on a dark background.
    pub fn dark() -> Self {
        Self {
            background: Rgb::hex(0x16191D),
            text: Rgb::hex(0xE6EDF3),
            muted: Rgb::hex(0xA3ADB8),
            grid: Rgb::hex(0x2E343B),
            axis: Rgb::hex(0x6E7781),
            gain_opacity: 0.35,
            ..Self::light()
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::light()
    }
}

/// The size of a chart in pixels. Drawing clamps it to
/// [`Size::MIN_WIDTH`]…[`Size::MAX`] by [`Size::MIN_HEIGHT`]…[`Size::MAX`]
/// (a container not laid out yet reports 0); the SVG's `viewBox` lets CSS
/// scale the result to any box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    pub const MIN_WIDTH: u32 = 240;
    pub const MIN_HEIGHT: u32 = 160;
    pub const MAX: u32 = 8000;

    /// The size drawn: within the bounds above.
    pub fn clamped(self) -> Self {
        Self {
            width: self.width.clamp(Self::MIN_WIDTH, Self::MAX),
            height: self.height.clamp(Self::MIN_HEIGHT, Self::MAX),
        }
    }
}

/// Which chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    Revenue,
    BuildTime,
    Energy,
}

impl Chart {
    /// The three charts, in the order the page shows them.
    pub const ALL: [Chart; 3] = [Chart::Revenue, Chart::BuildTime, Chart::Energy];

    /// The chart's SVG text.
    pub fn draw(self, r: &Evaluation, theme: &Theme, size: Size) -> Result<String, ChartError> {
        match self {
            Chart::Revenue => revenue::draw(r, theme, size),
            Chart::BuildTime => build_time::draw(r, theme, size),
            Chart::Energy => energy::draw(r, theme, size),
        }
    }

    /// The heading the page shows over the chart.
    pub fn title(self, r: &Evaluation) -> String {
        match self {
            Chart::Revenue => revenue::title(r),
            Chart::BuildTime => build_time::title(r),
            Chart::Energy => energy::title(r),
        }
    }

    /// What the chart shows, in words, for screen readers.
    pub fn summary(self, r: &Evaluation) -> String {
        match self {
            Chart::Revenue => revenue::summary(r),
            Chart::BuildTime => build_time::summary(r),
            Chart::Energy => energy::summary(r),
        }
    }

    /// The numbers behind the chart.
    pub fn table(self, r: &Evaluation) -> Table {
        match self {
            Chart::Revenue => revenue::table(r),
            Chart::BuildTime => build_time::table(r),
            Chart::Energy => energy::table(r),
        }
    }
}

impl fmt::Display for Chart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Chart::Revenue => "contract revenue chart",
            Chart::BuildTime => "build-time chart",
            Chart::Energy => "energy sensitivity chart",
        })
    }
}

/// A chart that could not be drawn. Every evaluation draws; this is a
/// failure of the SVG backend.
#[derive(Debug)]
pub enum ChartError {
    /// The backend refused an operation.
    Backend {
        chart: Chart,
        /// What was being drawn, e.g. `drawing a line`.
        operation: &'static str,
        /// The backend's message.
        detail: String,
    },
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Backend {
                chart,
                operation,
                detail,
            } => {
                write!(f, "{chart}: {operation} failed: {detail}")
            }
        }
    }
}

impl std::error::Error for ChartError {}

/// The numbers behind a chart, formatted for a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    /// Each as long as `headers`.
    pub rows: Vec<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_sizes() {
        assert_eq!(Rgb::hex(0x0072B2), Rgb(0x00, 0x72, 0xB2));
        assert_eq!(Theme::light().convert.css(), "#0072B2");
        assert_eq!(Theme::dark().convert, Theme::light().convert);
        assert_ne!(Theme::dark().background, Theme::light().background);
        assert_eq!(
            Size {
                width: 0,
                height: 0
            }
            .clamped(),
            Size {
                width: 240,
                height: 160
            }
        );
        assert_eq!(
            Size {
                width: 720,
                height: 360
            }
            .clamped(),
            Size {
                width: 720,
                height: 360
            }
        );
    }

    #[test]
    fn errors_name_the_chart() {
        let e = ChartError::Backend {
            chart: Chart::Energy,
            operation: "drawing a line",
            detail: "disk full".into(),
        };
        assert_eq!(
            e.to_string(),
            "energy sensitivity chart: drawing a line failed: disk full"
        );
    }
}
