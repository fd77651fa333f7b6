//! The width the chart frames take at a given window width, from the numbers
//! in `www/style.css` (kept in step by a page test). Reading the frame's
//! width from the DOM at start-up would force a layout before the first one
//! and cost the first paint about 80 ms, so the charts are drawn at this
//! estimate instead; being off by a scrollbar changes nothing visible.

/// Up to this window width the page is one column (`@media (max-width: 960px)`).
pub const ONE_COLUMN_MAX: u32 = 960;
/// Up to this window width the page has phone margins (`@media (max-width: 760px)`).
pub const PHONE_MAX: u32 = 760;
/// From this window width the charts sit two by two (`@media (min-width: 1600px)`).
pub const WIDE_MIN: u32 = 1600;

/// The chart frames' width on paper: two charts side by side in the
/// printable width of A4 (186 mm, 703 px) or Letter (192 mm, 725 px) with
/// `@page` margins of 12 mm, a gap of .5rem and each card's padding.
pub const PRINT_CHART_WIDTH: u32 = 330;

/// The chart frames' width, in CSS pixels, in a window `viewport` pixels wide.
pub fn chart_frame_width(viewport: u32) -> u32 {
    let vw = f64::from(viewport);
    // The root font size: 16 px, 18 px on a projector (112.5 %).
    let rem = if viewport >= WIDE_MIN { 18.0 } else { 16.0 };
    // .chart: 1rem of padding and 1 px of border on each side.
    let card = 2.0 * rem + 2.0;
    let frame = if viewport <= ONE_COLUMN_MAX {
        // One column; .app padding .6rem on a phone, else 1rem.
        let pad = if viewport <= PHONE_MAX {
            0.6 * rem
        } else {
            rem
        };
        vw - 2.0 * pad - card
    } else {
        // .app: at most 1800 px with 1rem of padding; .layout: the inputs
        // column (360 px) and a gap of 1rem.
        let results = vw.min(1800.0) - 2.0 * rem - 360.0 - rem;
        if viewport >= WIDE_MIN {
            // Two charts side by side with a gap of 1rem.
            (results - rem) / 2.0 - card
        } else {
            results - card
        }
    };
    if frame.is_finite() && frame > 0.0 {
        frame as u32
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_widths_at_common_screens() {
        // 375 − 19.2 − 34 = 321.8; 1366 − 32 − 360 − 16 − 34 = 924;
        // 800 − 32 − 34 = 734; 961 − 32 − 360 − 16 − 34 = 519;
        // 1920: (1800 − 36 − 360 − 18 − 18) / 2 − 38 = 646.
        for (viewport, frame) in [
            (375, 321),
            (760, 706),
            (800, 734),
            (961, 519),
            (1366, 924),
            (1599, 1157),
            (1920, 646),
            (3840, 646),
        ] {
            assert_eq!(chart_frame_width(viewport), frame, "{viewport}");
        }
        assert_eq!(chart_frame_width(0), 0);
    }
}
