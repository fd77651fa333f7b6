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

/// Yearly IRR in percent of a monthly series, or `None` where it is not
/// defined: the series (zeros dropped) must change sign exactly once and the
/// root must lie between -99 % and 1,000,000 % a year.
///
/// With one change of sign the present value has exactly one root in the
/// monthly rate (Descartes' rule of signs), so bisection between the bounds
/// finds it whenever the present value differs in sign at the two ends.
pub fn irr_pct(series: &[f64]) -> Option<f64> {
    let mut changes = 0;
    let mut last = 0.0_f64;
    for &x in series.iter().filter(|x| **x != 0.0) {
        if last != 0.0 && (x > 0.0) != (last > 0.0) {
            changes += 1;
        }
        last = x;
    }
    if changes != 1 {
        return None;
    }
    let npv = |i: f64| -> f64 {
        let v = 1.0 / (1.0 + i);
        let mut f = v;
        let mut sum = 0.0;
        for &x in series {
            sum += x * f;
            f *= v;
        }
        sum
    };
    let (mut lo, mut hi) = monthly_bounds();
    let (mut f_lo, f_hi) = (npv(lo), npv(hi));
    if !f_lo.is_finite() || !f_hi.is_finite() {
        return None;
    }
    if f_lo == 0.0 {
        return Some(to_yearly_pct(lo));
    }
    if f_hi == 0.0 {
        return Some(to_yearly_pct(hi));
    }
    if (f_lo > 0.0) == (f_hi > 0.0) {
        return None;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        let f_mid = npv(mid);
        if f_mid == 0.0 {
            return Some(to_yearly_pct(mid));
        }
        if (f_mid > 0.0) == (f_lo > 0.0) {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
    }
    Some(to_yearly_pct(0.5 * (lo + hi)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irr_of_a_simple_loan() {
        // -100 now (end of month 0), +110 twelve months later: 10 % a year.
        let mut s = vec![0.0; 13];
        s[0] = -100.0;
        s[12] = 110.0;
        let irr = irr_pct(&s).unwrap_or(f64::NAN);
        assert!((irr - 10.0).abs() < 1e-9, "{irr}");
    }

    #[test]
    fn irr_undefined_without_exactly_one_sign_change() {
        assert_eq!(irr_pct(&[1.0, 2.0, 0.0, 3.0]), None);
        assert_eq!(irr_pct(&[-1.0, 2.0, -3.0]), None);
        assert_eq!(irr_pct(&[]), None);
    }

    #[test]
    fn irr_undefined_when_root_is_below_minus_99_pct() {
        // -100 then +0.5 a year later: -99.5 % a year.
        let mut s = vec![0.0; 13];
        s[0] = -100.0;
        s[12] = 0.5;
        assert_eq!(irr_pct(&s), None);
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
