//! The charts as SVG text: the page's four, pure functions of an evaluation,
//! and the risk view's three, pure functions of its risk view.
//!
//! * [`revenue`]: contract revenue per contract year as bars (the tail of
//!   the later tranches, past the term, lighter and outlined), the
//!   cumulative total as a line on a second axis; total, NPV and levelized
//!   rent stated.
//! * [`build_time`]: critical IT leased per calendar month for the
//!   conversion and each greenfield baseline, as steps, the head start over
//!   the shortest baseline shaded; months saved, MW-months, revenue pulled
//!   forward, tenant value and speed premium stated.
//! * [`energy`]: both paths' NPV across the energy-price sweep, with the
//!   current price, the mining break-even, the crossover and every price
//!   where the lines cross marked, each in its own colour and line style.
//! * [`bridge`]: where the value comes from, the NPV bridge from keeping
//!   mining to converting as a waterfall read top to bottom, each bar
//!   labelled with its signed value.
//!
//! The risk view's three charts, pure functions of the risk view
//! (`crate::model::risk`), listed in [`RiskChart`]:
//!
//! * [`tornado`]: which inputs move the incremental NPV most, one bar per
//!   input from its NPV at the lower value to its NPV at the higher one,
//!   largest on top, the base case marked.
//! * [`histogram`]: the incremental NPV over the simulated paths, with the
//!   base case, P10, P50 and P90 marked and the chance converting is ahead
//!   stated.
//! * [`fan`]: cumulative incremental cash month by month, the P10–P90 band
//!   of the paths shaded around their median.
//!
//! [`pair`] draws the page's four charts for two scenarios at once, for a
//! comparison: A solid, B dashed, both named in the legend.
//!
//! Each module has the same four functions: `draw` (the SVG text), `title`
//! (a heading for the page, also the SVG's `aria-label`), `summary` (a few
//! sentences for screen readers) and `table` (the numbers behind the
//! chart, formatted).
//!
//! The SVG is drawn with plotters' SVG backend. It is deterministic (the same
//! evaluation, theme and size give byte-identical text), never contains
//! `NaN` or `inf`, and carries `viewBox`, `role="img"` and `aria-label` on
//! its root so CSS can scale it. Text widths are estimated, never measured,
//! so a redraw in the browser touches no layout. Text sizes follow the width
//! drawn at ([`Size::text_px`]), for a chart shown at about that width
//! ([`Size::for_container`]).

mod axis;
mod canvas;
mod header;
mod labels;
mod spread;
pub mod svg;
pub use svg::escape;
#[cfg(test)]
mod testing;
pub mod words;

pub mod bridge;
pub mod build_time;
pub mod energy;
pub mod fan;
pub mod histogram;
pub mod pair;
pub mod revenue;
pub mod tornado;

use std::fmt;

use crate::model::risk::Risk;
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
/// safe for colour-blind readers: as published on the dark background,
/// darker shades of it on the light one, so that every line and marker has
/// a contrast of at least 3:1 against the background in both themes (WCAG
/// 1.4.11). Markers also differ by line style, never by colour alone.
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
    /// Converting, HPC: blue; also the bridge's steps that add value.
    pub convert: Rgb,
    /// Keeping mining: orange; also the mining break-even marker (dashed)
    /// and the bridge's steps that take value away.
    pub mining: Rgb,
    /// Greenfield baselines: grey, dashed; also the bridge's two totals.
    pub greenfield: Rgb,
    /// The current energy price marker: the text colour, solid.
    pub current: Rgb,
    /// The crossover marker (docs/MODEL.md's crossover): bluish green, dotted.
    pub crossover: Rgb,
    /// Markers where the two paths' lines cross: reddish purple, dash-dot.
    pub crossing: Rgb,
    /// Gains, shaded: sky blue at `gain_opacity`.
    pub gain: Rgb,
    pub gain_opacity: f64,
}

impl Theme {
    /// Dark text on white.
    pub fn light() -> Self {
        let text = Rgb::hex(0x1F2328);
        Self {
            background: Rgb::hex(0xFFFFFF),
            text,
            muted: Rgb::hex(0x59636E),
            grid: Rgb::hex(0xE4E7EB),
            axis: Rgb::hex(0x8C959F),
            convert: Rgb::hex(0x0072B2),
            mining: Rgb::hex(0xB87A00),
            greenfield: Rgb::hex(0x767676),
            current: text,
            crossover: Rgb::hex(0x008662),
            crossing: Rgb::hex(0xB3578C),
            gain: Rgb::hex(0x56B4E9),
            gain_opacity: 0.3,
        }
    }

    /// Light text on the page's dark panel.
    pub fn dark() -> Self {
        let text = Rgb::hex(0xE6EDF3);
        Self {
            background: Rgb::hex(0x1B2027),
            text,
            muted: Rgb::hex(0xA3ADB8),
            grid: Rgb::hex(0x323941),
            axis: Rgb::hex(0x6E7781),
            convert: Rgb::hex(0x56B4E9),
            mining: Rgb::hex(0xE69F00),
            greenfield: Rgb::hex(0x999999),
            current: text,
            crossover: Rgb::hex(0x009E73),
            crossing: Rgb::hex(0xCC79A7),
            gain: Rgb::hex(0x56B4E9),
            gain_opacity: 0.3,
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

    /// The size to draw a chart at for a container `width` CSS pixels wide:
    /// the container's width rounded down to 10 px (so the SVG is shown at
    /// about 1:1 and its text at [`Size::text_px`]), half as tall but 300 to
    /// 480 px.
    pub fn for_container(width: u32) -> Self {
        let width = (width / 10 * 10).clamp(Self::MIN_WIDTH, Self::MAX);
        Self {
            width,
            height: (width / 2).clamp(300, 480),
        }
    }

    /// Size of the tick labels, axis titles and labels in the plot, px (the
    /// header's legend and figures are 1 px larger): 11 px up to 480 px
    /// wide, 13 px from 640 px, in between in half pixels. Meant for a chart
    /// shown at about the width it is drawn at: 11 px on a phone, 13 px in
    /// a projector's column.
    pub fn text_px(self) -> f64 {
        let w = f64::from(self.clamped().width);
        let t = ((w - 480.0) / 160.0).clamp(0.0, 1.0);
        ((11.0 + 2.0 * t) * 2.0).round() / 2.0
    }
}

/// Which chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    Revenue,
    BuildTime,
    Energy,
    Bridge,
}

impl Chart {
    /// The four charts, in the order the page shows them.
    pub const ALL: [Chart; 4] = [
        Chart::Revenue,
        Chart::BuildTime,
        Chart::Energy,
        Chart::Bridge,
    ];

    /// A short name for files and ids: `revenue`, `build_time`, `energy`,
    /// `bridge`.
    pub fn id(self) -> &'static str {
        match self {
            Chart::Revenue => "revenue",
            Chart::BuildTime => "build_time",
            Chart::Energy => "energy",
            Chart::Bridge => "bridge",
        }
    }

    /// The chart's SVG text.
    pub fn draw(self, r: &Evaluation, theme: &Theme, size: Size) -> Result<String, ChartError> {
        match self {
            Chart::Revenue => revenue::draw(r, theme, size),
            Chart::BuildTime => build_time::draw(r, theme, size),
            Chart::Energy => energy::draw(r, theme, size),
            Chart::Bridge => bridge::draw(r, theme, size),
        }
    }

    /// The heading the page shows over the chart.
    pub fn title(self, r: &Evaluation) -> String {
        match self {
            Chart::Revenue => revenue::title(r),
            Chart::BuildTime => build_time::title(r),
            Chart::Energy => energy::title(r),
            Chart::Bridge => bridge::title(r),
        }
    }

    /// What the chart shows, in words, for screen readers.
    pub fn summary(self, r: &Evaluation) -> String {
        match self {
            Chart::Revenue => revenue::summary(r),
            Chart::BuildTime => build_time::summary(r),
            Chart::Energy => energy::summary(r),
            Chart::Bridge => bridge::summary(r),
        }
    }

    /// The numbers behind the chart.
    pub fn table(self, r: &Evaluation) -> Table {
        match self {
            Chart::Revenue => revenue::table(r),
            Chart::BuildTime => build_time::table(r),
            Chart::Energy => energy::table(r),
            Chart::Bridge => bridge::table(r),
        }
    }
}

impl fmt::Display for Chart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::lang::tr(match self {
            Chart::Revenue => en!("contract revenue chart"),
            Chart::BuildTime => en!("build-time chart"),
            Chart::Energy => en!("energy sensitivity chart"),
            Chart::Bridge => en!("value bridge chart"),
        }))
    }
}

/// Which chart of the risk view. Not one of [`Chart::ALL`]: these draw a
/// [`Risk`], not an evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskChart {
    Tornado,
    Histogram,
    Fan,
}

impl RiskChart {
    /// The three charts, in the order the risk view shows them.
    pub const ALL: [RiskChart; 3] = [RiskChart::Tornado, RiskChart::Histogram, RiskChart::Fan];

    /// A short name for files and ids: `tornado`, `histogram`, `fan`.
    pub fn id(self) -> &'static str {
        match self {
            RiskChart::Tornado => "tornado",
            RiskChart::Histogram => "histogram",
            RiskChart::Fan => "fan",
        }
    }

    /// The chart's SVG text.
    pub fn draw(self, r: &Risk, theme: &Theme, size: Size) -> Result<String, ChartError> {
        match self {
            RiskChart::Tornado => tornado::draw(&r.tornado, theme, size),
            RiskChart::Histogram => histogram::draw(&r.simulation, theme, size),
            RiskChart::Fan => fan::draw(&r.simulation, theme, size),
        }
    }

    /// The heading the page shows over the chart.
    pub fn title(self, r: &Risk) -> String {
        match self {
            RiskChart::Tornado => tornado::title(&r.tornado),
            RiskChart::Histogram => histogram::title(&r.simulation),
            RiskChart::Fan => fan::title(&r.simulation),
        }
    }

    /// What the chart shows, in words, for screen readers.
    pub fn summary(self, r: &Risk) -> String {
        match self {
            RiskChart::Tornado => tornado::summary(&r.tornado),
            RiskChart::Histogram => histogram::summary(&r.simulation),
            RiskChart::Fan => fan::summary(&r.simulation),
        }
    }

    /// The numbers behind the chart.
    pub fn table(self, r: &Risk) -> Table {
        match self {
            RiskChart::Tornado => tornado::table(&r.tornado),
            RiskChart::Histogram => histogram::table(&r.simulation),
            RiskChart::Fan => fan::table(&r.simulation),
        }
    }
}

impl fmt::Display for RiskChart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::lang::tr(match self {
            RiskChart::Tornado => en!("tornado chart"),
            RiskChart::Histogram => en!("outcome histogram"),
            RiskChart::Fan => en!("cash fan chart"),
        }))
    }
}

/// A chart that could not be drawn. Every evaluation and every risk view
/// draws; this is a failure of the SVG backend.
#[derive(Debug)]
pub enum ChartError {
    /// The backend refused an operation.
    Backend {
        chart: Chart,
        /// What was being drawn, e.g. `drawing a line` (an `en!` text,
        /// translated where shown).
        operation: &'static str,
        /// The backend's message.
        detail: String,
    },
    /// The backend refused an operation on a chart of the risk view.
    RiskBackend {
        chart: RiskChart,
        operation: &'static str,
        detail: String,
    },
}

impl ChartError {
    /// The same failure, named for a chart of the risk view.
    pub(crate) fn in_risk_chart(self, chart: RiskChart) -> Self {
        match self {
            ChartError::Backend {
                operation, detail, ..
            }
            | ChartError::RiskBackend {
                operation, detail, ..
            } => ChartError::RiskBackend {
                chart,
                operation,
                detail,
            },
        }
    }
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Backend {
                chart,
                operation,
                detail,
            } => f.write_str(&t!(
                "{chart}: {operation} failed: {detail}",
                chart = chart,
                operation = crate::lang::tr(operation),
                detail = detail
            )),
            ChartError::RiskBackend {
                chart,
                operation,
                detail,
            } => f.write_str(&t!(
                "{chart}: {operation} failed: {detail}",
                chart = chart,
                operation = crate::lang::tr(operation),
                detail = detail
            )),
        }
    }
}

impl std::error::Error for ChartError {}

/// The numbers behind a chart, formatted for a table.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    /// Each as long as `headers`.
    pub rows: Vec<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{TestResult, SIZE};

    /// WCAG 2 relative luminance.
    fn luminance(c: Rgb) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    /// WCAG 2 contrast ratio, 1 to 21.
    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Every colour a series or a marker is drawn in.
    fn marks(t: &Theme) -> [(&'static str, Rgb); 6] {
        [
            ("convert", t.convert),
            ("mining and break-even", t.mining),
            ("greenfield", t.greenfield),
            ("current price", t.current),
            ("crossover", t.crossover),
            ("lines cross", t.crossing),
        ]
    }

    #[test]
    fn contrast_ratios_are_as_wcag_defines_them() {
        assert!((contrast(Rgb::hex(0x000000), Rgb::hex(0xFFFFFF)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb::hex(0x777777), Rgb::hex(0x777777)) - 1.0).abs() < 1e-9);
        // The figures a reviewer measured on the old light theme.
        let white = Rgb::hex(0xFFFFFF);
        assert!((contrast(Rgb::hex(0xE69F00), white) - 2.25).abs() < 0.01);
        assert!((contrast(Rgb::hex(0x999999), white) - 2.85).abs() < 0.01);
        // The light theme's greenfield grey: 4.54:1, by hand from 0x76 =
        // 118, (118 / 255 + 0.055) / 1.055 to the power 2.4 = 0.1812.
        assert!((luminance(Rgb::hex(0x767676)) - 0.1812).abs() < 1e-4);
        assert!((contrast(Rgb::hex(0x767676), white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_series_and_marker_stands_out_from_the_background() {
        // WCAG 1.4.11: graphics need 3:1 against what is next to them.
        for (name, theme) in [("light", Theme::light()), ("dark", Theme::dark())] {
            for (what, c) in marks(&theme) {
                let ratio = contrast(c, theme.background);
                assert!(
                    ratio >= 3.0,
                    "{name} theme: {what} {} is {ratio:.2}:1 against {}",
                    c.css(),
                    theme.background.css()
                );
            }
            // Text: 4.5:1 (WCAG 1.4.3).
            for (what, c) in [("text", theme.text), ("muted", theme.muted)] {
                let ratio = contrast(c, theme.background);
                assert!(ratio >= 4.5, "{name} theme: {what} is {ratio:.2}:1");
            }
        }
        // The page's panels are the charts' backgrounds.
        assert_eq!(Theme::light().background.css(), "#FFFFFF");
        assert_eq!(Theme::dark().background.css(), "#1B2027");
    }

    #[test]
    fn series_colours_differ_within_each_theme() {
        for theme in [Theme::light(), Theme::dark()] {
            let m = marks(&theme);
            for (i, (a, ca)) in m.iter().enumerate() {
                for (b, cb) in &m[i + 1..] {
                    assert_ne!(ca, cb, "{a} and {b}");
                }
            }
        }
    }

    #[test]
    fn colours_read_from_hex_and_as_css() {
        assert_eq!(Rgb::hex(0x0072B2), Rgb(0x00, 0x72, 0xB2));
        assert_eq!(Rgb::hex(0x0A0B0C), Rgb(10, 11, 12));
        // Only the low 24 bits count.
        assert_eq!(Rgb::hex(0x01FF_FF80), Rgb(255, 255, 128));
        // Two upper-case digits a channel, leading zeros kept.
        assert_eq!(Rgb(10, 11, 12).css(), "#0A0B0C");
        assert_eq!(Rgb(255, 0, 128).css(), "#FF0080");
        assert_eq!(Theme::light().convert.css(), "#0072B2");
    }

    #[test]
    fn sizes_are_drawn_within_the_bounds() {
        let size = |width, height| Size { width, height };
        assert_eq!(size(0, 0).clamped(), size(240, 160));
        assert_eq!(size(239, 161).clamped(), size(240, 161));
        assert_eq!(size(720, 360).clamped(), size(720, 360));
        assert_eq!(size(9000, 100_000).clamped(), size(8000, 8000));
    }

    #[test]
    fn a_container_is_drawn_at_its_width_rounded_down_half_as_tall() {
        let at = |width| {
            let s = Size::for_container(width);
            (s.width, s.height)
        };
        // Not laid out yet: the narrowest chart, 120 px raised to 300.
        assert_eq!(at(0), (240, 300));
        assert_eq!(at(337), (330, 300));
        assert_eq!(at(646), (640, 320));
        assert_eq!(at(799), (790, 395));
        // 575 px lowered to 480.
        assert_eq!(at(1157), (1150, 480));
        assert_eq!(at(100_000), (8000, 480));
    }

    #[test]
    fn text_sizes_follow_the_drawn_width() {
        let at = |width| Size { width, height: 360 }.text_px();
        // 11 px up to 480 px wide (a width of 0 is drawn at 240).
        assert_eq!(at(0), 11.0);
        assert_eq!(at(480), 11.0);
        // 11 + 2 × (w − 480) / 160, to the nearest half pixel: 11.125 is
        // 11, 11.25 is 11.5, 12.75 is 13.
        assert_eq!(at(490), 11.0);
        assert_eq!(at(500), 11.5);
        assert_eq!(at(520), 11.5);
        assert_eq!(at(560), 12.0);
        assert_eq!(at(600), 12.5);
        assert_eq!(at(620), 13.0);
        // 13 px from 640 px wide.
        assert_eq!(at(640), 13.0);
        assert_eq!(at(8000), 13.0);
        // A phone's and a projector column's containers.
        assert_eq!(Size::for_container(337).text_px(), 11.0);
        assert_eq!(Size::for_container(646).text_px(), 13.0);
    }

    #[test]
    fn charts_in_page_order_with_their_names() {
        let ids = Chart::ALL.map(Chart::id);
        assert_eq!(ids, ["revenue", "build_time", "energy", "bridge"]);
        let names = Chart::ALL.map(|c| c.to_string());
        assert_eq!(
            names,
            [
                "contract revenue chart",
                "build-time chart",
                "energy sensitivity chart",
                "value bridge chart"
            ]
        );
    }

    #[test]
    fn each_chart_dispatches_to_its_own_module() -> TestResult {
        // The default scenario: a 12-year term, the tail making 13 contract
        // years; baselines of 36, 48 and 60 months; 21 prices from $20 to
        // $120/MWh; the bridge's 10 rows.
        let r = crate::model::evaluate(&crate::model::Scenario::default())?;
        let titles = Chart::ALL.map(|c| c.title(&r));
        assert_eq!(
            titles,
            [
                "12-year contract revenue",
                "Build-time savings vs 36\u{2013}60-month greenfield builds",
                "Energy cost sensitivity",
                "Where the value comes from",
            ]
        );
        let rows = Chart::ALL.map(|c| c.table(&r).rows.len());
        assert_eq!(rows, [13, 3, 21, 10]);
        let energy = Chart::Energy.table(&r);
        assert_eq!(energy.rows[0][0], "$20.00/MWh");
        assert_eq!(energy.rows[20][0], "$120.00/MWh");
        assert!(Chart::Bridge
            .summary(&r)
            .starts_with("Converting is worth "));
        assert!(Chart::Revenue
            .summary(&r)
            .starts_with("Contract revenue totals "));
        for chart in Chart::ALL {
            let svg = chart.draw(&r, &Theme::light(), SIZE)?;
            let label = format!("<svg role=\"img\" aria-label=\"{}\"", chart.title(&r));
            assert!(svg.starts_with(&label), "{chart}");
        }
        Ok(())
    }

    /// Shows results in `c` until dropped.
    struct Shown;
    impl Shown {
        fn new(c: crate::currency::Currency) -> Self {
            crate::currency::set_shown(Some(c));
            Shown
        }
    }
    impl Drop for Shown {
        fn drop(&mut self) {
            crate::currency::set_shown(None);
        }
    }

    #[test]
    fn money_shows_in_the_display_currency_labelled_with_its_rate() -> TestResult {
        let r = crate::model::evaluate(&crate::model::Scenario::default())?;
        let dollars = Chart::Revenue.table(&r);
        let _brl = Shown::new(crate::currency::Currency {
            code: crate::currency::Code::read("BRL").ok_or("code")?,
            per_usd: 5.0,
            date: (2026, 12, 1),
        });
        for chart in Chart::ALL {
            let svg = chart.draw(&r, &Theme::light(), SIZE)?;
            assert!(
                svg.contains("\nIn BRL at 5 per US$, 2026-12-01\n"),
                "{chart}: no note of the rate"
            );
            // No amount left in dollars.
            assert!(
                !svg.contains("\n$") && !svg.contains("\n\u{2212}$"),
                "{chart}"
            );
            assert!(svg.contains("\nR$"), "{chart}");
        }
        // Round steps of reais on the money axes: R$0, R$200M, R$400M…
        let energy = Chart::Energy.draw(&r, &Theme::light(), SIZE)?;
        assert!(
            energy.contains("\nR$0\n") && energy.contains("00M\n"),
            "{energy}"
        );
        assert!(energy.contains("(R$/MWh)"));
        // The numbers behind the charts: five reais a dollar.
        let reais = Chart::Revenue.table(&r);
        let year1 = r.contract_annual_revenue_usd[0];
        assert_eq!(reais.rows[0][1], crate::format::money_exact(year1));
        assert_eq!(
            reais.rows[0][1].replace("R$", "$"),
            format!(
                "${}",
                crate::format::grouped(year1 * 5.0).trim_start_matches('$')
            )
        );
        assert_ne!(reais.rows[0][1], dollars.rows[0][1]);
        Ok(())
    }

    #[test]
    fn charts_speak_the_language_set() -> TestResult {
        let r = crate::model::evaluate(&crate::model::Scenario::default())?;
        crate::lang::load(
            crate::lang::Lang::PtBr,
            r#"{
                "Energy cost sensitivity": "Sensibilidade ao custo da energia",
                "Keep mining": "Manter a mineração",
                "Net present value": "Valor presente líquido",
                "{chart}: {operation} failed: {detail}": "{chart}: falha ao {operation}: {detail}",
                "{term} contract revenue": "Receita do contrato de {term}",
                "{years} years": "{years} anos"
            }"#,
        )
        .map_err(|e| e.to_string())?;
        let drawn = Chart::Energy.draw(&r, &Theme::light(), SIZE);
        let titles = (Chart::Energy.title(&r), Chart::Revenue.title(&r));
        let error = ChartError::Backend {
            chart: Chart::Energy,
            operation: "drawing a line",
            detail: "disk full".into(),
        }
        .to_string();
        crate::lang::load(crate::lang::Lang::En, "").map_err(|e| e.to_string())?;
        let svg = drawn?;
        assert_eq!(
            titles,
            (
                "Sensibilidade ao custo da energia".to_owned(),
                "Receita do contrato de 12 anos".to_owned()
            )
        );
        assert!(
            svg.starts_with("<svg role=\"img\" aria-label=\"Sensibilidade ao custo da energia\"")
        );
        assert!(svg.contains("\nManter a mineração\n"), "legend");
        assert!(svg.contains("\nValor presente líquido\n"), "axis title");
        // Texts the catalogue lacks stay English.
        assert!(svg.contains("\nConvert\n"));
        assert_eq!(
            error,
            "energy sensitivity chart: falha ao drawing a line: disk full"
        );
        Ok(())
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
        // The risk view's charts name themselves.
        let e = e.in_risk_chart(RiskChart::Fan);
        assert_eq!(
            e.to_string(),
            "cash fan chart: drawing a line failed: disk full"
        );
    }
}
