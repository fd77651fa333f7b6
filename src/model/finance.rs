//! Present value, internal rate of return and payback of monthly series.
//!
//! Cash flows fall at the end of each month: month `m` is discounted by
//! `(1 + r_m)^(m+1)`, with `r_m` the monthly rate equivalent to the yearly
//! discount rate.

/// Discount factors `(1 + d)^(-(m+1)/12)` for months `0 .. len`, where `d` is
/// the yearly rate as a fraction. Computed from the yearly rate directly, which
/// equals `(1 + r_m)^-(m+1)` with `r_m = (1 + d)^(1/12) - 1`.
pub fn discount_factors(yearly_rate: f64, len: usize) -> Vec<f64> {
    let ln = (1.0 + yearly_rate).ln();
    (0..len)
        .map(|m| (-(m as f64 + 1.0) / 12.0 * ln).exp())
        .collect()
}

/// Present value at month 0 of `series` (month 0 first) under the given
/// discount factors (as long as the series at least).
pub fn present_value(series: &[f64], factors: &[f64]) -> f64 {
    series.iter().zip(factors).map(|(x, v)| x * v).sum()
}

/// The lowest and highest yearly IRR the model reports (-99 % and
/// 1,000,000 %), as monthly rates.
fn monthly_bounds() -> (f64, f64) {
    (
        0.01_f64.powf(1.0 / 12.0) - 1.0,
        10_001.0_f64.powf(1.0 / 12.0) - 1.0,
    )
}

/// Why a series has no IRR the model reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoIrr {
    /// Every month is zero.
    NoCashFlow,
    /// No month is negative: nothing is invested.
    NeverCosts,
    /// No month is positive: nothing is earned back.
    NeverEarns,
    /// The series (zeros dropped) changes sign this many times (more than one),
    /// so more than one rate can solve it.
    SignChanges(u32),
    /// The one rate lies below -99 % a year.
    BelowRange,
    /// The one rate lies above 1,000,000 % a year.
    AboveRange,
    /// The present value overflows at a bound.
    NotRepresentable,
    /// Version 2's rule: no rate between -99 % and 1,000,000 % a year gives
    /// zero present value.
    NoRate,
    /// Version 2's rule: the present value crosses zero this many times
    /// between -99 % and 1,000,000 % a year.
    SeveralRates(u32),
}

impl std::fmt::Display for NoIrr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoIrr::NoCashFlow => f.write_str("converting changes no cash flow"),
            NoIrr::NeverCosts => f.write_str(
                "converting never costs more than mining in any month, so there is no investment to earn a rate on",
            ),
            NoIrr::NeverEarns => f.write_str("converting never earns more than mining in any month"),
            NoIrr::SignChanges(n) => write!(
                f,
                "the monthly advantage changes sign {n} times, so no single rate describes it"
            ),
            NoIrr::BelowRange => f.write_str("the rate is below -99 % a year"),
            NoIrr::AboveRange => f.write_str("the rate is above 1,000,000 % a year"),
            NoIrr::NotRepresentable => f.write_str("the cash flows are too large to compute a rate"),
            NoIrr::NoRate => f.write_str("no rate in range (-99 % to 1,000,000 % a year) gives zero NPV"),
            NoIrr::SeveralRates(n) => write!(
                f,
                "several rates give zero NPV ({n} between -99 % and 1,000,000 % a year), so no single rate describes it"
            ),
        }
    }
}

/// Which rule the IRR follows: version 2's counts roots of the present
/// value, version 1's counts sign changes of the series (kept for
/// version-1 scenarios, so their figures stay as they were).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IrrRule {
    V1,
    V2,
}

impl IrrRule {
    /// The rule of a scenario format version.
    pub fn of_version(schema_version: u64) -> Self {
        if schema_version == 1 {
            IrrRule::V1
        } else {
            IrrRule::V2
        }
    }

    pub fn irr(self, series: &[f64]) -> Result<f64, NoIrr> {
        match self {
            IrrRule::V1 => irr_v1(series),
            IrrRule::V2 => irr(series),
        }
    }
}

/// Present value at monthly rate `i` of a monthly series (end of month).
fn npv_at(series: &[f64], i: f64) -> f64 {
    let v = 1.0 / (1.0 + i);
    let mut f = v;
    let mut sum = 0.0;
    for &x in series {
        sum += x * f;
        f *= v;
    }
    sum
}

/// [`npv_at`] at many rates, four at a time: four independent running
/// sums keep the processor busy where one would wait on each multiply.
fn npvs_at(series: &[f64], rates: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(rates.len());
    for chunk in rates.chunks(4) {
        let mut v = [1.0; 4];
        for (k, i) in chunk.iter().enumerate() {
            v[k] = 1.0 / (1.0 + i);
        }
        let mut f = v;
        let mut sum = [0.0; 4];
        for &x in series {
            for k in 0..4 {
                sum[k] += x * f[k];
                f[k] *= v[k];
            }
        }
        out.extend_from_slice(&sum[..chunk.len()]);
    }
    out
}

/// Yearly growth factors the root count walks: 601 of them, from 0.01
/// (-99 % a year) to 10,001 (1,000,000 % a year), evenly spaced in log.
const IRR_GRID: u32 = 600;

/// The monthly rates of [`IRR_GRID`]'s 601 yearly factors, worked out once
/// (the same numbers every call; an edit's IRRs need not redo 1,202 powers).
fn irr_grid() -> &'static [f64] {
    static GRID: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    GRID.get_or_init(|| {
        (0..=IRR_GRID)
            .map(|j| {
                let g = 0.01 * 1_000_100.0_f64.powf(f64::from(j) / f64::from(IRR_GRID));
                g.powf(1.0 / 12.0) - 1.0
            })
            .collect()
    })
}

/// Yearly IRR in percent of a monthly series by version 2's rule (docs/MODEL.md,
/// "Outputs"): over the 601 rates `g_j = 0.01 × 1,000,100^(j/600)` count
/// where `f(i) ≥ 0` flips between neighbours; exactly one flip is bisected on
/// the monthly rate to 1e-12 and its midpoint reported; none is
/// [`NoIrr::NoRate`], more than one [`NoIrr::SeveralRates`].
pub fn irr(series: &[f64]) -> Result<f64, NoIrr> {
    let mut flips = 0;
    let mut bracket = (0.0, 0.0);
    let rates = irr_grid();
    let values = npvs_at(series, rates);
    let mut prev_i = rates[0];
    let first = values[0];
    if !first.is_finite() {
        return Err(NoIrr::NotRepresentable);
    }
    let mut prev_pos = first >= 0.0;
    for (&i, &f) in rates.iter().zip(&values).skip(1) {
        if !f.is_finite() {
            return Err(NoIrr::NotRepresentable);
        }
        let pos = f >= 0.0;
        if pos != prev_pos {
            flips += 1;
            bracket = (prev_i, i);
        }
        prev_i = i;
        prev_pos = pos;
    }
    match flips {
        0 => return Err(NoIrr::NoRate),
        1 => {}
        n => return Err(NoIrr::SeveralRates(n)),
    }
    let (mut lo, mut hi) = bracket;
    let lo_pos = npv_at(series, lo) >= 0.0;
    while hi - lo >= 1e-12 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if (npv_at(series, mid) >= 0.0) == lo_pos {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(to_yearly_pct(0.5 * (lo + hi)))
}

/// The simulation's IRR: the yearly rate in percent at which the series'
/// present value is zero, found from `guess` (a monthly rate) by bracketing
/// outward and bisecting to 1e-10. Where several rates solve a path the
/// one nearest the guess is taken (the simulation starts from the
/// deterministic path's); `None` when none lies between -99 % and
/// 1,000,000 % a year. Cheaper than [`irr`]'s count over 601 rates, which
/// the thousands of paths could not afford. `scratch` is working space,
/// reused from call to call. Not inlined (see `risk::Run::one_path`).
#[inline(never)]
pub fn irr_near(series: &[f64], guess: f64, scratch: &mut Vec<f64>) -> Option<f64> {
    let (lo_bound, hi_bound) = monthly_bounds();
    // Each month's cash times its number of months, the same in every step.
    scratch.clear();
    scratch.extend(
        series
            .iter()
            .enumerate()
            .map(|(m, &x)| (m as f64 + 1.0) * x),
    );
    let weighted = &scratch[..];
    // Newton's method from the guess, the present value and its slope in one
    // pass; a step that leaves the range or stalls falls back to bracketing.
    let mut i = guess.clamp(lo_bound, hi_bound);
    for _ in 0..30 {
        let v = 1.0 / (1.0 + i);
        let (mut f, mut slope, mut pow) = (0.0, 0.0, v);
        for (&x, &w) in series.iter().zip(weighted) {
            f += x * pow;
            slope -= w * pow * v;
            pow *= v;
        }
        if !f.is_finite() || !slope.is_finite() || slope == 0.0 {
            break;
        }
        let next = i - f / slope;
        if !(lo_bound..=hi_bound).contains(&next) {
            break;
        }
        if (next - i).abs() <= 1e-12 {
            return Some(to_yearly_pct(next));
        }
        i = next;
    }
    irr_bracketed(series, guess)
}

/// [`irr_near`]'s fallback: brackets outward from the guess, then narrows.
fn irr_bracketed(series: &[f64], guess: f64) -> Option<f64> {
    let (lo_bound, hi_bound) = monthly_bounds();
    let f = |i: f64| npv_at(series, i);
    let mut a = guess.clamp(lo_bound, hi_bound);
    let fa = f(a);
    if !fa.is_finite() {
        return None;
    }
    if fa == 0.0 {
        return Some(to_yearly_pct(a));
    }
    // Step outward both ways, doubling, until the sign changes.
    let mut step = 0.001_f64;
    let mut b;
    loop {
        let up = (a + step).min(hi_bound);
        let down = (a - step).max(lo_bound);
        let (fu, fd) = (f(up), f(down));
        if fu.is_finite() && (fu >= 0.0) != (fa >= 0.0) {
            b = up;
            break;
        }
        if fd.is_finite() && (fd >= 0.0) != (fa >= 0.0) {
            b = a;
            a = down;
            break;
        }
        if up >= hi_bound && down <= lo_bound {
            return None;
        }
        step *= 2.0;
    }
    // The Illinois variant of the false position: the bracket shrinks
    // superlinearly, a few present values per path instead of thirty.
    let (mut fa, mut fb) = (f(a), f(b));
    let mut side = 0;
    let small = 1e-12 * series.iter().map(|x| x.abs()).fold(0.0, f64::max);
    for _ in 0..100 {
        if b - a <= 1e-10 {
            break;
        }
        let mut c = (a * fb - b * fa) / (fb - fa);
        if !c.is_finite() || c <= a || c >= b {
            c = 0.5 * (a + b);
        }
        let fc = f(c);
        if fc == 0.0 {
            return Some(to_yearly_pct(c));
        }
        if (fc >= 0.0) == (fa >= 0.0) {
            a = c;
            fa = fc;
            if side == -1 {
                fb *= 0.5;
            }
            side = -1;
        } else {
            b = c;
            fb = fc;
            if side == 1 {
                fa *= 0.5;
            }
            side = 1;
        }
        if fc.abs() <= small {
            return Some(to_yearly_pct(c));
        }
    }
    Some(to_yearly_pct(0.5 * (a + b)))
}

/// Yearly IRR in percent of a monthly series by version 1's rule, or why it
/// is not defined: the series (zeros dropped) must change sign exactly once
/// and the root must lie between -99 % and 1,000,000 % a year.
///
/// With one change of sign the present value has exactly one root in the
/// monthly rate (Descartes' rule of signs), so bisection between the bounds
/// finds it whenever the present value differs in sign at the two ends.
pub fn irr_v1(series: &[f64]) -> Result<f64, NoIrr> {
    let mut changes = 0;
    let mut first = 0.0_f64;
    let mut last = 0.0_f64;
    for &x in series.iter().filter(|x| **x != 0.0) {
        if last == 0.0 {
            first = x;
        } else if (x > 0.0) != (last > 0.0) {
            changes += 1;
        }
        last = x;
    }
    match changes {
        1 => {}
        0 if first == 0.0 => return Err(NoIrr::NoCashFlow),
        0 if first > 0.0 => return Err(NoIrr::NeverCosts),
        0 => return Err(NoIrr::NeverEarns),
        n => return Err(NoIrr::SignChanges(n)),
    }
    let npv = |i: f64| npv_at(series, i);
    let (mut lo, mut hi) = monthly_bounds();
    let (mut f_lo, f_hi) = (npv(lo), npv(hi));
    if !f_lo.is_finite() || !f_hi.is_finite() {
        return Err(NoIrr::NotRepresentable);
    }
    if f_lo == 0.0 {
        return Ok(to_yearly_pct(lo));
    }
    if f_hi == 0.0 {
        return Ok(to_yearly_pct(hi));
    }
    if (f_lo > 0.0) == (f_hi > 0.0) {
        // At very high rates only the first month counts, so the present
        // value takes the first month's sign above the root and the other
        // sign below it.
        return Err(if (f_lo > 0.0) == (first > 0.0) {
            NoIrr::BelowRange
        } else {
            NoIrr::AboveRange
        });
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        let f_mid = npv(mid);
        if f_mid == 0.0 {
            return Ok(to_yearly_pct(mid));
        }
        if (f_mid > 0.0) == (f_lo > 0.0) {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
    }
    Ok(to_yearly_pct(0.5 * (lo + hi)))
}

fn to_yearly_pct(monthly: f64) -> f64 {
    ((1.0 + monthly).powi(12) - 1.0) * 100.0
}

/// The smallest month `m` at which the cumulative sum of `series` is `>= 0`
/// and stays so through the last month; `None` if it is negative at the end.
pub fn payback_month(series: &[f64]) -> Option<u32> {
    let mut cumulative = 0.0;
    let mut first_good: Option<usize> = Some(0);
    for (m, x) in series.iter().enumerate() {
        cumulative += x;
        if cumulative < 0.0 {
            first_good = None;
        } else if first_good.is_none() {
            first_good = Some(m);
        }
    }
    first_good.and_then(|m| u32::try_from(m).ok())
}

/// [`payback_month`] of the series with each month multiplied by its
/// discount factor.
pub fn discounted_payback_month(series: &[f64], factors: &[f64]) -> Option<u32> {
    let discounted: Vec<f64> = series.iter().zip(factors).map(|(x, v)| x * v).collect();
    payback_month(&discounted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irr_of_a_simple_loan() {
        // -100 now (end of month 0), +110 twelve months later: 10 % a year.
        let mut s = vec![0.0; 13];
        s[0] = -100.0;
        s[12] = 110.0;
        let irr = irr_v1(&s).unwrap_or(f64::NAN);
        assert!((irr - 10.0).abs() < 1e-9, "{irr}");
    }

    #[test]
    fn irr_undefined_without_exactly_one_sign_change() {
        assert_eq!(irr_v1(&[1.0, 2.0, 0.0, 3.0]), Err(NoIrr::NeverCosts));
        assert_eq!(irr_v1(&[-1.0, 0.0, -3.0]), Err(NoIrr::NeverEarns));
        assert_eq!(irr_v1(&[-1.0, 2.0, -3.0]), Err(NoIrr::SignChanges(2)));
        assert_eq!(irr_v1(&[0.0, 0.0]), Err(NoIrr::NoCashFlow));
        assert_eq!(irr_v1(&[]), Err(NoIrr::NoCashFlow));
        assert_eq!(irr_v1(&[-1.0, 2.0, -3.0]).ok(), None);
    }

    #[test]
    fn irr_undefined_when_root_is_below_minus_99_pct() {
        // -100 then +0.5 a year later: -99.5 % a year.
        let mut s = vec![0.0; 13];
        s[0] = -100.0;
        s[12] = 0.5;
        assert_eq!(irr_v1(&s), Err(NoIrr::BelowRange));
        // Earning first and paying back little: the same, mirrored.
        let mirrored: Vec<f64> = s.iter().map(|x| -x).collect();
        assert_eq!(irr_v1(&mirrored), Err(NoIrr::BelowRange));
    }

    #[test]
    fn irr_undefined_when_root_is_above_a_million_pct() {
        // -1 then +1,000 a month later: about 1e36 % a year.
        assert_eq!(irr_v1(&[-1.0, 1000.0]), Err(NoIrr::AboveRange));
        assert_eq!(irr_v1(&[1.0, -1000.0]), Err(NoIrr::AboveRange));
        // Just inside: -1 then +2 a month later is 409,500 % a year.
        let r = irr_v1(&[-1.0, 2.0]).unwrap_or(f64::NAN);
        assert!((r - 409_500.0).abs() < 1e-6, "{r}");
    }

    #[test]
    fn irr_reasons_read_as_sentences() {
        assert_eq!(
            NoIrr::SignChanges(3).to_string(),
            "the monthly advantage changes sign 3 times, so no single rate describes it"
        );
        assert_eq!(
            NoIrr::AboveRange.to_string(),
            "the rate is above 1,000,000 % a year"
        );
    }

    #[test]
    fn v2_rule_counts_roots_not_signs() {
        // -100, +300, -200 a month apart: zero NPV at 0 % and 100 % a month.
        assert_eq!(irr(&[-100.0, 300.0, -200.0]), Err(NoIrr::SeveralRates(2)));
        // Several sign changes but one root: version 1 refuses, version 2 solves.
        let mut s = vec![0.0; 25];
        s[0] = -100.0;
        s[5] = 10.0;
        s[6] = -1.0;
        s[24] = 120.0;
        assert_eq!(irr_v1(&s), Err(NoIrr::SignChanges(3)));
        let r = irr(&s).unwrap_or(f64::NAN);
        assert!(
            npv_at(&s, (1.0 + r / 100.0).powf(1.0 / 12.0) - 1.0).abs() < 1e-6,
            "{r}"
        );
        // The simple loan again: 10 % a year.
        let mut loan = vec![0.0; 13];
        loan[0] = -100.0;
        loan[12] = 110.0;
        assert!((irr(&loan).unwrap_or(f64::NAN) - 10.0).abs() < 1e-8);
        assert_eq!(irr(&[1.0, 2.0]), Err(NoIrr::NoRate));
        assert_eq!(irr(&[]), Err(NoIrr::NoRate));
    }

    #[test]
    fn payback_cases() {
        assert_eq!(payback_month(&[1.0, 1.0]), Some(0));
        assert_eq!(payback_month(&[-2.0, 1.0, 1.0]), Some(2));
        assert_eq!(payback_month(&[-2.0, 3.0, -5.0, 10.0]), Some(3));
        assert_eq!(payback_month(&[-2.0, 1.0]), None);
        assert_eq!(payback_month(&[]), Some(0));
    }

    #[test]
    fn present_value_end_of_month() {
        let f = discount_factors(0.10, 12);
        assert!((f[11] - 1.0 / 1.1).abs() < 1e-12);
        assert!(
            (present_value(
                &[0.0; 11]
                    .iter()
                    .chain(&[110.0])
                    .copied()
                    .collect::<Vec<_>>(),
                &f
            ) - 100.0)
                .abs()
                < 1e-9
        );
    }
}
