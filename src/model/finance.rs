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
///
/// `f(i)` is the present value as [`npv_at`] computes it. Its sign at most
/// of the 601 rates is proven rather than worked out ([`proven_signs`]);
/// where it cannot be, every rate is worked out.
pub fn irr(series: &[f64]) -> Result<f64, NoIrr> {
    let rates = irr_grid();
    let signs = match proven_signs(series, rates) {
        Some(signs) => signs,
        None => {
            let mut signs = Vec::with_capacity(rates.len());
            for &i in rates {
                let f = npv_at(series, i);
                if !f.is_finite() {
                    return Err(NoIrr::NotRepresentable);
                }
                signs.push(f >= 0.0);
            }
            signs
        }
    };
    let (mut flips, mut bracket) = (0, (0.0, 0.0));
    for j in 1..rates.len() {
        if signs[j] != signs[j - 1] {
            flips += 1;
            bracket = (rates[j - 1], rates[j]);
        }
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

/// Whether [`npv_at`]'s present value is `≥ 0` at each of `rates` (rising),
/// most of them proven, the rest worked out; `None` where the proof's
/// bounds do not hold (then every rate is to be worked out).
///
/// The series is split into `y`, its costs up to its first earning month
/// and its earnings from there on, and `z`, the costs after that. With `v =
/// 1/(1+i)`, `Y(v) = Σ y_m v^(m+1)` and `|y|(v) = Σ |y_m| v^(m+1)`: `Y/|y|`
/// is the mean of `y`'s signs weighted by `|y_m| v^(m+1)`, and a larger `v`
/// moves that weight to later months, where the signs are higher, so
/// `Y/|y|` rises with `v`, hence falls along the rates; between two rates
/// it lies between its values there. The present value is `Y + Z`, with
/// `|Z| ≤ |z|(v)`, and the computed one is within `γ_{2n+2} (|y| + |z|)`
/// of it (`n` months; a power, a product and a sum per month, with neither
/// overflow nor underflow, which the bounds below rule out). So where
/// `|Y|/|y|` exceeds `|z|/|y|` by more than the rounding over a run of
/// rates, the computed sign is `Y`'s all along it. Runs that are not proven
/// are halved until they are, or are two neighbours, whose signs are worked
/// out.
fn proven_signs(series: &[f64], rates: &[f64]) -> Option<Vec<bool>> {
    let n = series.len();
    if n == 0 || rates.len() < 2 || series.iter().any(|x| !x.is_finite()) {
        return None;
    }
    let earns_from = series.iter().position(|x| *x > 0.0)?;
    let k = 2.0 * n as f64 + 2.0;
    let gamma = k * (f64::EPSILON / 2.0) / (1.0 - k * (f64::EPSILON / 2.0));
    let at = |j: usize| Sums::at(series, earns_from, rates[j]);
    let last = rates.len() - 1;
    let (first, end) = (at(0), at(last));
    // No power or sum overflows (each is largest at the lowest rate, where
    // `v` is), no power underflows and `|y|` is nowhere so small that
    // rounding below the normal numbers counts (each is smallest at the
    // highest rate).
    if !(first.size_y + first.size_z <= 1e300 && end.size_y >= 1e-260 && end.power >= 1e-260) {
        return None;
    }
    let mut signs = vec![false; rates.len()];
    let mut runs = vec![(0, first, last, end)];
    let mut halved = 0;
    while let Some((a, sa, b, sb)) = runs.pop() {
        signs[a] = sa.value >= 0.0;
        signs[b] = sb.value >= 0.0;
        if b - a < 2 {
            continue;
        }
        if let Some(positive) = Sums::proven(sa, sb, gamma) {
            signs[a + 1..b].fill(positive);
            continue;
        }
        // Past a hundred or so present values the proof costs more than
        // the scan it saves.
        halved += 1;
        if halved > 120 {
            return None;
        }
        let mid = a + (b - a) / 2;
        let sm = at(mid);
        runs.push((a, sa, mid, sm));
        runs.push((mid, sm, b, sb));
    }
    Some(signs)
}

/// At one rate: the present value as [`npv_at`] computes it (the same
/// operations, so the same number), and with the same powers `Y`, `|y|`
/// and `|z|` of [`proven_signs`] (`z` the costs from month `earns_from`
/// on).
#[derive(Clone, Copy, Debug)]
struct Sums {
    value: f64,
    y: f64,
    size_y: f64,
    size_z: f64,
    /// `v^(n+1)`, the last power.
    power: f64,
}

impl Sums {
    fn at(series: &[f64], earns_from: usize, i: f64) -> Self {
        let v = 1.0 / (1.0 + i);
        let mut f = v;
        let mut s = Sums {
            value: 0.0,
            y: 0.0,
            size_y: 0.0,
            size_z: 0.0,
            power: 0.0,
        };
        for (m, &x) in series.iter().enumerate() {
            s.value += x * f;
            if m >= earns_from && x < 0.0 {
                s.size_z -= x * f;
            } else {
                s.y += x * f;
                s.size_y += x.abs() * f;
            }
            f *= v;
        }
        s.power = f;
        s
    }

    /// The computed sign at every rate between `a` and `b` (`a` the lower
    /// rate), if proven: `Y` of one sign at both with `|Y|/|y|` (at least
    /// its smaller value there, less rounding) clear of `|z|/|y|` (at most
    /// `|z|` at `a` over `|y|` at `b`) and of the rounding.
    fn proven(a: Sums, b: Sums, gamma: f64) -> Option<bool> {
        let r = 4.0 * gamma;
        if a.y == 0.0 || b.y == 0.0 || (a.y > 0.0) != (b.y > 0.0) {
            return None;
        }
        let ratio = |s: Sums| (s.y.abs() - r * s.size_y) / (s.size_y * (1.0 + r));
        let least = ratio(a).min(ratio(b));
        let odd = a.size_z * (1.0 + r) / (b.size_y * (1.0 - r));
        (least > odd * (1.0 + r) + r * (1.0 + odd)).then_some(a.y > 0.0)
    }
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

    /// Whether the proven signs are the worked-out ones at every rate of the
    /// grid (and the proof declines every series the scan cannot
    /// represent); `Ok(true)` when the proof was taken.
    fn proven_as_scanned(series: &[f64]) -> Result<bool, String> {
        let rates = irr_grid();
        let Some(proven) = proven_signs(series, rates) else {
            return Ok(false);
        };
        let values: Vec<f64> = rates.iter().map(|&i| npv_at(series, i)).collect();
        if values.iter().any(|f| !f.is_finite()) {
            return Err("proven, but the scan cannot represent it".to_owned());
        }
        match (0..rates.len()).find(|&j| proven[j] != (values[j] >= 0.0)) {
            Some(j) => Err(format!(
                "at rate {j} ({}): proven {}, worked out {}",
                rates[j], proven[j], values[j]
            )),
            None => Ok(true),
        }
    }

    #[test]
    fn proven_signs_where_the_present_value_is_zero_at_a_grid_rate() {
        // -c at month 0 and c(1+i)^m at month m: zero present value at `i`
        // exactly, so the computed one is rounding noise there, of either
        // sign; the proof must work those rates out. Then the same with a
        // month that does not fit (a cost among the earnings).
        let rates = irr_grid();
        let mut taken = 0;
        for j in (0..rates.len()).step_by(7) {
            for (m, c) in [(1, 1.0), (12, 3.5e6), (143, 2.2e9), (400, 7.0)] {
                let i = rates[j];
                let mut series = vec![0.0; m + 2];
                series[0] = -c;
                series[m] = c * (1.0 + i).powi(i32::try_from(m).unwrap_or(0));
                let mut odd = series.clone();
                odd[m + 1] = -1e-3 * c;
                for s in [series.clone(), series.iter().map(|x| -x).collect(), odd] {
                    if proven_as_scanned(&s).unwrap_or_else(|e| panic!("j {j}, m {m}: {e}")) {
                        taken += 1;
                    }
                }
            }
        }
        assert!(taken > 300, "the proof was taken {taken} times");
    }

    #[test]
    fn proven_signs_are_the_worked_out_ones() {
        use proptest::prelude::*;
        // Costs then earnings (or the reverse), of magnitudes from a
        // thousandth to a trillion, zeros among them, up to 40 years; a
        // few months of the other sign among them, now and then many.
        let magnitude =
            (0.0_f64..1.0, -3_i32..13).prop_map(|(m, e)| (1.0 + 9.0 * m) * 10f64.powi(e));
        let series = (
            prop::collection::vec((magnitude.clone(), 0_u8..4), 1..480),
            0_usize..480,
            any::<bool>(),
            prop::collection::vec((0_usize..480, magnitude), 0..4),
        )
            .prop_map(|(months, costs, earns_first, odd)| {
                let mut out: Vec<f64> = months
                    .iter()
                    .enumerate()
                    .map(|(m, &(x, zero))| {
                        let x = if zero == 0 { 0.0 } else { x };
                        if (m < costs) == earns_first {
                            x
                        } else {
                            -x
                        }
                    })
                    .collect();
                let len = out.len();
                for (at, x) in odd {
                    out[at % len] = if out[at % len] > 0.0 { -x } else { x };
                }
                out
            });
        let taken = std::cell::Cell::new(0);
        proptest!(ProptestConfig::with_cases(4_000), |(s in series)| {
            match proven_as_scanned(&s) {
                Ok(true) => taken.set(taken.get() + 1),
                Ok(false) => {}
                Err(e) => prop_assert!(false, "{e}: {s:?}"),
            }
        });
        assert!(
            taken.get() > 1_500,
            "the proof was taken {} times",
            taken.get()
        );
    }

    #[test]
    fn proven_signs_of_the_presets_series() {
        // The series the evaluation takes the IRRs of, for every preset.
        let mut taken = 0;
        for preset in crate::presets::all() {
            let r = crate::model::evaluate(&preset.scenario)
                .unwrap_or_else(|e| panic!("{}: {e:?}", preset.id));
            let project: Vec<f64> = r
                .monthly
                .iter()
                .map(|m| m.convert_cash_usd - m.keep_mining_cash_usd)
                .collect();
            for s in [project] {
                if proven_as_scanned(&s).unwrap_or_else(|e| panic!("{}: {e}", preset.id)) {
                    taken += 1;
                }
            }
        }
        assert!(taken >= 5, "the proof was taken {taken} times");
    }

    #[test]
    fn the_proof_declines_what_it_cannot_bound() {
        let rates = irr_grid();
        for series in [
            vec![],
            vec![0.0; 10],
            vec![-1.0, f64::NAN, 2.0],
            vec![-1e300, 2e300],
            vec![-1e-300, 2e-300],
            vec![-1.0; 5_000],
        ] {
            assert!(
                proven_signs(&series, rates).is_none(),
                "{:?}",
                &series[..series.len().min(4)]
            );
        }
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
