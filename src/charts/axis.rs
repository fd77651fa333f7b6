//! Axis arithmetic: "nice" tick values, tick labels, and the linear map from
//! data to pixels. Pure and independent of the drawing backend.

use crate::format::{decimal, grouped, money};

const MINUS: &str = "\u{2212}";

/// Evenly spaced tick values covering a range, with the range they span.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ticks {
    /// The first tick, at or below the data minimum.
    pub lo: f64,
    /// The last tick, at or above the data maximum.
    pub hi: f64,
    /// Distance between ticks.
    pub step: f64,
    /// `lo`, `lo + step`, … `hi`.
    pub values: Vec<f64>,
}

/// Most ticks an axis ever gets, whatever the input.
const MAX_TICKS: usize = 60;

/// A "nice" step (1, 2, 2.5 or 5 times a power of ten) at least `raw`.
/// With `whole`, the step is a whole number (at least 1, never 2.5).
pub(crate) fn nice_step(raw: f64, whole: bool) -> f64 {
    let raw = if raw.is_finite() && raw > 0.0 {
        raw
    } else {
        1.0
    };
    let raw = if whole { raw.max(1.0) } else { raw };
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    for factor in [1.0, 2.0, 2.5, 5.0] {
        if whole && factor == 2.5 && magnitude < 10.0 {
            continue;
        }
        let step = factor * magnitude;
        if step >= raw * (1.0 - 1e-9) {
            return step;
        }
    }
    10.0 * magnitude
}

/// A nice step for a count of months: 1, 2, 3, 6, 12, 24, 36, 48, 60, then
/// multiples of 60.
pub(crate) fn month_step(raw: f64) -> f64 {
    let raw = if raw.is_finite() && raw > 0.0 {
        raw
    } else {
        1.0
    };
    for step in [1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 36.0, 48.0, 60.0] {
        if step >= raw {
            return step;
        }
    }
    60.0 * (raw / 60.0).ceil()
}

/// Ticks at multiples of `step` covering `[min, max]`.
pub(crate) fn ticks_with_step(min: f64, max: f64, step: f64) -> Ticks {
    let step = if step.is_finite() && step > 0.0 {
        step
    } else {
        1.0
    };
    let (min, max) = if min <= max { (min, max) } else { (max, min) };
    let first = (min / step + 1e-9).floor();
    let mut last = (max / step - 1e-9).ceil();
    if !(first.is_finite() && last.is_finite()) {
        return Ticks {
            lo: 0.0,
            hi: step,
            step,
            values: vec![0.0, step],
        };
    }
    if last <= first {
        last = first + 1.0;
    }
    let count = ((last - first) as usize).min(MAX_TICKS);
    let values: Vec<f64> = (0..=count)
        .map(|i| {
            let v = (first + i as f64) * step;
            // No negative zero, no 3.0000000000000004.
            if v.abs() < step * 1e-9 {
                0.0
            } else {
                v
            }
        })
        .collect();
    let lo = values.first().copied().unwrap_or(0.0);
    let hi = values.last().copied().unwrap_or(step);
    Ticks {
        lo,
        hi,
        step,
        values,
    }
}

/// About `target` intervals of a nice step covering `[min, max]`. An empty
/// range (`min == max`) is widened to `[min, min + fallback]`.
pub(crate) fn ticks(min: f64, max: f64, target: usize, whole: bool, fallback: f64) -> Ticks {
    let (min, max) = finite_range(min, max, fallback);
    let step = nice_step((max - min) / target.max(1) as f64, whole);
    ticks_with_step(min, max, step)
}

/// Ticks from 0 to at least `max` in exactly `intervals` nice steps, so a
/// second axis lines up with a first one of that many intervals.
pub(crate) fn ticks_aligned(max: f64, intervals: usize, whole: bool, fallback: f64) -> Ticks {
    let (_, max) = finite_range(0.0, max.max(0.0), fallback);
    let n = intervals.clamp(1, MAX_TICKS);
    let step = nice_step(max / n as f64, whole);
    let values: Vec<f64> = (0..=n).map(|i| i as f64 * step).collect();
    Ticks {
        lo: 0.0,
        hi: n as f64 * step,
        step,
        values,
    }
}

/// Units of the display currency per dollar (1 for dollars).
pub(crate) fn shown_rate() -> f64 {
    crate::currency::shown().map_or(1.0, |c| c.per_usd)
}

/// Ticks computed in the display currency (`rate` units per dollar), with
/// their values back in dollars, so a money axis steps by round amounts of
/// what it shows.
pub(crate) fn in_dollars(t: Ticks, rate: f64) -> Ticks {
    Ticks {
        lo: t.lo / rate,
        hi: t.hi / rate,
        step: t.step / rate,
        values: t.values.into_iter().map(|v| v / rate).collect(),
    }
}

/// [`ticks`] for a money axis over dollars: steps of round amounts of the
/// display currency.
pub(crate) fn money_axis(min: f64, max: f64, target: usize, whole: bool, fallback: f64) -> Ticks {
    let k = shown_rate();
    in_dollars(ticks(min * k, max * k, target, whole, fallback * k), k)
}

/// A money axis up the side of a plot about `height` px tall over `[min,
/// max]` dollars (a tick about every 45 px, 2 to 8): its ticks, their labels
/// at `px` and the widest label's width.
pub(crate) fn money_up(
    (min, max): (f64, f64),
    height: i32,
    px: f64,
    whole: bool,
) -> (Ticks, Vec<(f64, String)>, i32) {
    let t = money_axis(min, max, (height / 45).clamp(2, 8) as usize, whole, 1.0);
    let (labels, widest) = labelled(&t.values, px, money_tick);
    (t, labels, widest)
}

/// [`ticks_pair`] for two money axes over dollars.
pub(crate) fn money_axes_pair(
    max_a: f64,
    max_b: f64,
    target: usize,
    whole: bool,
) -> (Ticks, Ticks) {
    let k = shown_rate();
    let (a, b) = ticks_pair(max_a * k, max_b * k, target, whole);
    (in_dollars(a, k), in_dollars(b, k))
}

/// An energy-price axis over `[lo, hi]` dollars per MWh: ticks of the
/// display currency at a nice step about `target` to the axis, each at its
/// value in dollars with its label (`$20`, `R$106`).
pub(crate) fn price_axis(lo: f64, hi: f64, target: f64) -> Vec<(f64, String)> {
    let k = shown_rate();
    let step = nice_step((hi - lo) * k / target.max(1.0), false);
    ticks_with_step(lo * k, hi * k, step)
        .values
        .into_iter()
        .map(|v| (v / k, price_tick(v, step)))
        .collect()
}

/// Two axes from 0 with the same number of intervals, so their grid lines
/// coincide: the count near `target` that wastes the least height on both.
pub(crate) fn ticks_pair(max_a: f64, max_b: f64, target: usize, whole: bool) -> (Ticks, Ticks) {
    let lo = target.saturating_sub(1).max(2);
    let mut best: Option<(f64, Ticks, Ticks)> = None;
    for n in lo..=lo + 3 {
        let a = ticks_aligned(max_a, n, whole, 1.0);
        let b = ticks_aligned(max_b, n, whole, 1.0);
        let fill = |t: &Ticks, max: f64| {
            if max > 0.0 && t.hi > 0.0 {
                max / t.hi
            } else {
                1.0
            }
        };
        let waste = 2.0 - fill(&a, max_a) - fill(&b, max_b);
        if best.as_ref().is_none_or(|(w, ..)| waste < *w - 1e-9) {
            best = Some((waste, a, b));
        }
    }
    match best {
        Some((_, a, b)) => (a, b),
        None => (
            ticks_aligned(max_a, lo, whole, 1.0),
            ticks_aligned(max_b, lo, whole, 1.0),
        ),
    }
}

fn finite_range(min: f64, max: f64, fallback: f64) -> (f64, f64) {
    let min = if min.is_finite() { min } else { 0.0 };
    let max = if max.is_finite() { max } else { min };
    let (min, max) = if min <= max { (min, max) } else { (max, min) };
    if max - min > 0.0 {
        return (min, max);
    }
    let pad = if fallback.is_finite() && fallback > 0.0 {
        fallback
    } else {
        1.0
    };
    let pad = pad.max(min.abs() * 0.5);
    if min < 0.0 && max <= 0.0 {
        (min - pad, max)
    } else {
        (min, max + pad)
    }
}

/// A money tick: `$200M`, `$1.2B`, `−$50K`, `$0`.
pub(crate) fn money_tick(v: f64) -> String {
    trim_decimal_zeros(&money(v))
}

/// A plain number tick with as many decimals as the step needs (`0`, `50`,
/// `1,000`, `0.25`; `0,25` in Portuguese).
pub(crate) fn number_tick(v: f64, step: f64) -> String {
    let decimals = decimals_for(step);
    if decimals == 0 {
        return grouped(v);
    }
    decimal(v, decimals)
}

/// A price tick on a $/MWh axis, `v` already in the display currency:
/// `$20`, `$120`, `$0.5`, `R$106`.
pub(crate) fn price_tick(v: f64, step: f64) -> String {
    let n = number_tick(v, step);
    let symbol = crate::currency::shown_symbol();
    match n.strip_prefix(MINUS) {
        Some(rest) => format!("{MINUS}{symbol}{rest}"),
        None => format!("{symbol}{n}"),
    }
}

/// Decimals needed to show multiples of `step` exactly (at most 6).
fn decimals_for(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 0;
    }
    let mut scaled = step;
    for d in 0..6 {
        if (scaled - scaled.round()).abs() <= 1e-6 * scaled.max(1.0) {
            return d;
        }
        scaled *= 10.0;
    }
    6
}

/// `$1.20B` → `$1.2B`, `$1.00M` → `$1M` (`US$ 1,20 bi` → `US$ 1,2 bi`);
/// other text unchanged.
fn trim_decimal_zeros(s: &str) -> String {
    let mark = crate::lang::current().marks().decimal;
    let Some(dot) = s.find(mark) else {
        return s.to_owned();
    };
    let digits_end = s[dot + 1..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(s.len(), |i| dot + 1 + i);
    let decimals = s[dot + 1..digits_end].trim_end_matches('0');
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..dot]);
    if !decimals.is_empty() {
        out.push(mark);
        out.push_str(decimals);
    }
    out.push_str(&s[digits_end..]);
    out
}

/// A linear map from a data interval onto a pixel interval.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scale {
    d0: f64,
    d1: f64,
    p0: f64,
    p1: f64,
}

impl Scale {
    /// Maps `domain.0` to `pixels.0` and `domain.1` to `pixels.1`.
    pub fn new(domain: (f64, f64), pixels: (i32, i32)) -> Self {
        Self {
            d0: domain.0,
            d1: domain.1,
            p0: f64::from(pixels.0),
            p1: f64::from(pixels.1),
        }
    }

    /// The pixel of a data value, rounded; values outside the domain map
    /// outside the pixel interval, within a bound that keeps SVG sane.
    pub fn px(&self, v: f64) -> i32 {
        let span = self.d1 - self.d0;
        let t = if span != 0.0 && span.is_finite() {
            (v - self.d0) / span
        } else {
            0.0
        };
        let p = self.p0 + t * (self.p1 - self.p0);
        let p = if p.is_finite() { p } else { self.p0 };
        p.round().clamp(-100_000.0, 100_000.0) as i32
    }

    /// Whether `v` lies in the domain (inclusive, to a relative 1e-9).
    pub fn contains(&self, v: f64) -> bool {
        let (lo, hi) = if self.d0 <= self.d1 {
            (self.d0, self.d1)
        } else {
            (self.d1, self.d0)
        };
        let tol = (hi - lo).abs() * 1e-9;
        v.is_finite() && v >= lo - tol && v <= hi + tol
    }
}

/// Tick values with their labels, and the widest label's width at the
/// tick-label size `px` (what the plot reserves for that axis).
pub(crate) fn labelled(
    values: &[f64],
    px: f64,
    label: impl Fn(f64) -> String,
) -> (Vec<(f64, String)>, i32) {
    let labels: Vec<(f64, String)> = values.iter().map(|v| (*v, label(*v))).collect();
    let widest = labels
        .iter()
        .map(|(_, t)| text_width(t, px, false))
        .max()
        .unwrap_or(0);
    (labels, widest)
}

/// Estimated width in pixels of `text` in a sans-serif font of `px` pixels.
///
/// A deterministic estimate, so layout never asks the browser to measure
/// text (that would force a reflow per label) and the SVG is the same in
/// the browser as in the tests. It errs wide: it fits DejaVu Sans, wider
/// than the usual system fonts.
pub(crate) fn text_width(text: &str, px: f64, bold: bool) -> i32 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | '.' | ',' | ':' | ';' | '·' | '\'' | '|' | '!' | 'i' | 'j' | 'l' | 'I' => 0.32,
            'f' | 'r' | 't' | '(' | ')' | '/' | '-' => 0.42,
            'm' | 'w' | 'M' | 'W' | '%' => 0.94,
            '—' | '−' | '–' | '$' | '0'..='9' => 0.64,
            c if c.is_ascii_uppercase() => 0.72,
            _ => 0.6,
        })
        .sum();
    let weight = if bold { 1.1 } else { 1.0 };
    (em * px * weight).ceil() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        for (raw, whole, want) in [
            (0.3, false, 0.5),
            (1.0, false, 1.0),
            (1.1, false, 2.0),
            (2.2, false, 2.5),
            (2.2, true, 5.0),
            (22.0, true, 25.0),
            (0.2, true, 1.0),
            (7.0e8, false, 1.0e9),
            (4.1e14, false, 5.0e14),
            (f64::NAN, false, 1.0),
            (0.0, false, 1.0),
        ] {
            assert_eq!(nice_step(raw, whole), want, "{raw} {whole}");
        }
    }

    #[test]
    fn month_steps() {
        assert_eq!(month_step(5.0), 6.0);
        assert_eq!(month_step(7.0), 12.0);
        assert_eq!(month_step(13.0), 24.0);
        assert_eq!(month_step(61.0), 120.0);
        assert_eq!(month_step(0.0), 1.0);
    }

    #[test]
    fn ticks_cover_the_range() {
        let t = ticks(0.0, 2.1e9, 4, false, 1.0);
        assert_eq!(t.step, 1.0e9);
        assert_eq!(t.values, vec![0.0, 1.0e9, 2.0e9, 3.0e9]);
        let t = ticks(-1.3e8, 4.4e8, 5, false, 1.0);
        assert!(t.lo <= -1.3e8 && t.hi >= 4.4e8);
        assert!(t.values.contains(&0.0));
        let t = ticks(0.0, 0.0, 4, true, 1.0);
        assert_eq!(t.values, vec![0.0, 1.0]);
        let t = ticks(-5.0, -5.0, 4, false, 1.0);
        assert!(t.lo <= -5.0 && t.hi >= -5.0 && t.hi > t.lo);
        let t = ticks(0.0, 1e15, 5, false, 1.0);
        assert_eq!(t.values.len(), 6);
        let t = ticks(0.0, f64::INFINITY, 5, false, 1.0);
        assert!(t.values.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn aligned_ticks_have_the_same_intervals() {
        let left = ticks(0.0, 2.3e8, 5, false, 1.0);
        let right = ticks_aligned(2.57e9, left.values.len() - 1, false, 1.0);
        assert_eq!(left.values.len(), right.values.len());
        assert!(right.hi >= 2.57e9);
        assert_eq!(
            ticks_aligned(0.0, 3, true, 1.0).values,
            vec![0.0, 1.0, 2.0, 3.0]
        );
    }

    #[test]
    fn paired_ticks_fill_both_axes() {
        let (a, b) = ticks_pair(3.9e8, 4.33e9, 4, true);
        assert_eq!(a.values.len(), b.values.len());
        assert!(a.hi >= 3.9e8 && b.hi >= 4.33e9);
        // Five intervals: $500M and $5B, rather than four: $400M and $8B.
        assert_eq!((a.hi, b.hi), (5.0e8, 5.0e9));
        let (a, b) = ticks_pair(0.0, 0.0, 4, true);
        assert_eq!((a.lo, b.lo), (0.0, 0.0));
        assert!(a.hi > 0.0 && b.hi > 0.0);
    }

    #[test]
    fn tick_labels() {
        for (v, want) in [
            (2.0e8, "$200M"),
            (1.2e9, "$1.2B"),
            (1.25e9, "$1.25B"),
            (1.0e6, "$1M"),
            (-5.0e7, "\u{2212}$50M"),
            (0.0, "$0"),
            (2.5e4, "$25K"),
            (1.0e15, "$1e15"),
        ] {
            assert_eq!(money_tick(v), want, "{v}");
        }
        assert_eq!(number_tick(1000.0, 500.0), "1,000");
        assert_eq!(number_tick(0.25, 0.25), "0.25");
        assert_eq!(number_tick(0.5, 0.25), "0.50");
        assert_eq!(number_tick(-0.0000001, 0.1), "0.0");
        assert_eq!(price_tick(20.0, 20.0), "$20");
        assert_eq!(price_tick(2.5, 2.5), "$2.5");
    }

    #[test]
    fn scale_maps_and_bounds() {
        let s = Scale::new((0.0, 10.0), (100, 200));
        assert_eq!(s.px(0.0), 100);
        assert_eq!(s.px(5.0), 150);
        assert_eq!(s.px(10.0), 200);
        assert!(s.contains(10.0) && !s.contains(10.1));
        let flat = Scale::new((3.0, 3.0), (0, 50));
        assert_eq!(flat.px(7.0), 0);
        let y = Scale::new((0.0, 1.0), (300, 20));
        assert_eq!(y.px(1.0), 20);
        assert_eq!(y.px(f64::NAN), 300);
        assert_eq!(y.px(1e300), -100_000);
    }

    #[test]
    fn text_width_grows_with_text() {
        assert!(text_width("$1.2B", 11.0, false) < text_width("$1,000T", 11.0, false));
        assert!(text_width("Keep mining", 12.0, true) > text_width("Keep mining", 12.0, false));
        assert_eq!(text_width("", 12.0, false), 0);
    }
}
