//! The energy-price sensitivity and the crossover price.

use serde::Serialize;

use super::plan::Plan;
use super::scenario::Sweep;

/// Both paths' present values at one year-1 energy price.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SensitivityPoint {
    pub energy_usd_per_mwh: f64,
    pub keep_mining_npv_usd: f64,
    pub convert_npv_usd: f64,
}

/// The whole scenario evaluated at every price of the sweep (retirement,
/// taxes and terminal value recomputed at each).
pub fn energy_sensitivity(plan: &Plan, sweep: &Sweep) -> Vec<SensitivityPoint> {
    // From the price where it no longer matters, every point is the same.
    let mut flat = None;
    sweep
        .points()
        .map(|q| {
            let npvs = match flat {
                Some(npvs) => npvs,
                None => {
                    let k = plan.at_price(q);
                    let npvs = plan.npvs(&k);
                    if plan.price_no_longer_matters(&k) {
                        flat = Some(npvs);
                    }
                    npvs
                }
            };
            SensitivityPoint {
                energy_usd_per_mwh: q,
                keep_mining_npv_usd: npvs.keep,
                convert_npv_usd: npvs.convert,
            }
        })
        .collect()
}

/// Which end of a bisected change of lead is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeEnd {
    /// Version 2: the upper end, whichever way the lead changes.
    Upper,
    /// Version 1 (kept for version-1 scenarios): the end where converting
    /// is ahead.
    ConvertingAhead,
}

impl ChangeEnd {
    pub fn of_version(schema_version: u64) -> Self {
        if schema_version == 1 {
            ChangeEnd::ConvertingAhead
        } else {
            ChangeEnd::Upper
        }
    }
}

/// Highest price searched for the crossover, $/MWh.
pub const CROSSOVER_MAX: f64 = 2000.0;
/// Grid step of the crossover search, $/MWh.
pub const CROSSOVER_STEP: f64 = 5.0;
/// Width the bracketing interval is bisected down to, $/MWh.
pub const CROSSOVER_TOLERANCE: f64 = 0.01;

/// Where converting leads over `[0, 2000]`: whether it does at $0, and
/// every price after that where the lead changes hands, lowest first.
/// (The default, no change at all, stands for a scan not run.)
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lead {
    pub ahead_at_zero: bool,
    pub changes: Vec<AdvantageChange>,
}

/// A price at which the advantage of converting changes sign.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct AdvantageChange {
    /// Year-1 energy price, $/MWh, to within [`CROSSOVER_TOLERANCE`].
    pub energy_usd_per_mwh: f64,
    /// Whether converting is worth at least as much as mining just above
    /// this price (`false`: just below it).
    pub converting_ahead_above: bool,
}

/// Walks `δ = convert − keep mining` up the crossover's $5 grid from $0 to
/// $2,000 and bisects each $5 step where its sign changes down to $0.01,
/// reporting the end of the final interval that `end` says.
///
/// The advantage need not be monotonic in the price (without pass-through the
/// host's HPC energy grows with it too), which is why the grid is walked from
/// the bottom rather than bisected over the whole range. Two changes closer
/// than $5 apart are not seen.
pub fn lead(plan: &Plan, end: ChangeEnd) -> Lead {
    let ok = |q: f64| plan.npvs(&plan.at_price(q)).incremental() >= 0.0;
    let ahead_at_zero = ok(0.0);
    let steps = (CROSSOVER_MAX / CROSSOVER_STEP) as u32;
    let mut changes = Vec::new();
    let mut prev = ahead_at_zero;
    for j in 1..=steps {
        let q = f64::from(j) * CROSSOVER_STEP;
        // Past the price where it no longer matters, the lead cannot change.
        if plan.price_no_longer_matters(&plan.at_price(q - CROSSOVER_STEP)) {
            break;
        }
        let now = ok(q);
        if now != prev {
            let (mut lo, mut hi) = (q - CROSSOVER_STEP, q);
            while hi - lo > CROSSOVER_TOLERANCE {
                let mid = 0.5 * (lo + hi);
                if ok(mid) == prev {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            changes.push(AdvantageChange {
                energy_usd_per_mwh: match end {
                    ChangeEnd::Upper => hi,
                    ChangeEnd::ConvertingAhead if now => hi,
                    ChangeEnd::ConvertingAhead => lo,
                },
                converting_ahead_above: now,
            });
        }
        prev = now;
    }
    Lead {
        ahead_at_zero,
        changes,
    }
}

/// The lowest year-1 price in `[0, 2000]` at which converting is worth at
/// least as much as keeping mining (docs/MODEL.md): 0 if it already is at $0;
/// else the first $5 grid point where it is, bisected back over the $5 before
/// it to $0.01, reporting the upper end; `None` if it never is. That is the
/// first change of [`lead`] when converting is behind at $0 (the walk and
/// the bisection are docs/MODEL.md's).
pub fn energy_crossover(lead: &Lead) -> Option<f64> {
    if lead.ahead_at_zero {
        Some(0.0)
    } else {
        lead.changes.first().map(|c| c.energy_usd_per_mwh)
    }
}

/// A stretch of energy prices over which one path stays ahead.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Regime {
    /// Lowest price of the stretch ($0 for the first).
    pub from: f64,
    /// Where the lead changes hands; `None` for the last stretch, which
    /// runs to [`CROSSOVER_MAX`].
    pub to: Option<f64>,
    /// Whether converting is worth at least keeping mining over it.
    pub converting_ahead: bool,
}

/// The stretches of `[0, 2000]` $/MWh over which one path leads, lowest
/// first, from the crossover and the changes of lead of an evaluation: the
/// one place the page's card, the energy chart and the evaluator's summary
/// read where the lead changes hands.
pub fn regimes(crossover: Option<f64>, changes: &[AdvantageChange]) -> Vec<Regime> {
    let ahead_at_zero = crossover == Some(0.0);
    let mut out = Vec::with_capacity(changes.len() + 1);
    let mut from = 0.0;
    let mut ahead = ahead_at_zero;
    for c in changes {
        out.push(Regime {
            from,
            to: Some(c.energy_usd_per_mwh),
            converting_ahead: ahead,
        });
        from = c.energy_usd_per_mwh;
        ahead = c.converting_ahead_above;
    }
    out.push(Regime {
        from,
        to: None,
        converting_ahead: ahead,
    });
    out
}
