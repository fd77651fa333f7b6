//! The three break-evens: the value of one input at which the incremental
//! NPV is zero, everything else as given (docs/MODEL.md, "Outputs").

use super::plan::{Knobs, Plan};

/// A break-even search's range and tolerance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub lo: f64,
    pub hi: f64,
    pub tolerance: f64,
}

/// Today's hashprice, $/PH/day.
pub const HASHPRICE: Range = Range {
    lo: 0.0,
    hi: 100_000.0,
    tolerance: 0.01,
};
/// Year-1 lease rate, $/kW-month.
pub const RATE: Range = Range {
    lo: 0.0,
    hi: 10_000.0,
    tolerance: 0.01,
};
/// Conversion capex per MW of critical IT, $.
pub const CAPEX: Range = Range {
    lo: 0.0,
    hi: 100_000_000.0,
    tolerance: 1.0,
};

/// Bisects `pos` (whether the incremental NPV is ≥ 0) over `range`: `None`
/// when it is the same at both ends; else the midpoint of the last interval.
pub fn search(range: Range, pos: impl Fn(f64) -> bool) -> Option<f64> {
    let (mut lo, mut hi) = (range.lo, range.hi);
    let pos_lo = pos(lo);
    if pos_lo == pos(hi) {
        return None;
    }
    while hi - lo > range.tolerance {
        let mid = 0.5 * (lo + hi);
        if pos(mid) == pos_lo {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(0.5 * (lo + hi))
}

/// Whether converting is worth at least keeping mining at `k`.
fn ahead(plan: &Plan, k: Knobs) -> bool {
    plan.npvs(&k).incremental() >= 0.0
}

/// The hashprice at which mining would match converting.
pub fn hashprice(plan: &Plan) -> Option<f64> {
    search(HASHPRICE, |x| {
        ahead(
            plan,
            Knobs {
                hashprice: x,
                ..plan.base
            },
        )
    })
}

/// The year-1 lease rate at which converting matches mining.
pub fn rate(plan: &Plan) -> Option<f64> {
    search(RATE, |x| {
        ahead(
            plan,
            Knobs {
                rate: x,
                ..plan.base
            },
        )
    })
}

/// The capex per MW at which converting matches mining.
pub fn capex(plan: &Plan) -> Option<f64> {
    search(CAPEX, |x| {
        ahead(
            plan,
            Knobs {
                capex_per_mw: x,
                ..plan.base
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bisection_finds_a_known_root() {
        // pos(x) = x ≥ 1234.5678: the root to within the tolerance.
        let r = search(RATE, |x| x >= 1234.5678).unwrap_or(f64::NAN);
        assert!((r - 1234.5678).abs() <= RATE.tolerance, "{r}");
        // Falling: pos(x) = x ≤ 42.
        let r = search(HASHPRICE, |x| x <= 42.0).unwrap_or(f64::NAN);
        assert!((r - 42.0).abs() <= HASHPRICE.tolerance, "{r}");
        assert_eq!(search(CAPEX, |_| true), None);
        assert_eq!(search(CAPEX, |_| false), None);
    }
}
