//! The risk view (docs/MODEL.md, "Risk"): which inputs move the answer most
//! (the tornado) and how wide the outcomes are (a Monte Carlo simulation of
//! prices, the build's slip and the tenant's default).
//!
//! Both run on the same arithmetic as every other figure ([`Plan`]). The
//! simulation draws from a seeded PCG generator (`rand_pcg`) with
//! `rand_distr`'s normal distribution, so a seed gives the same paths on
//! every machine, natively and in the browser.

use rand::{RngExt, SeedableRng};
use rand_distr::{Distribution, StandardNormal};
use rand_pcg::Pcg64Mcg;
use serde::{Deserialize, Serialize};

use super::debt::{Equity, Schedule};
use super::error::ScenarioErrors;
use super::field::{Bound, Field, Value};
use super::plan::{Detail, Plan, Shocks};
use super::scenario::Scenario;

/// How an input is moved down and up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Swing {
    /// By `risk.swing_pct` of its value.
    Relative,
    /// By `risk.swing_months`.
    Months,
    /// By `risk.swing_rate_points` percentage points.
    Points,
}

/// The tornado's inputs, in the order docs/MODEL.md lists them.
const TORNADO: &[(Field, Swing)] = &[
    (Field::SiteEnergyPrice, Swing::Relative),
    (Field::MiningHashprice, Swing::Relative),
    (Field::MiningHashpriceDrift, Swing::Points),
    (Field::ContractRate, Swing::Relative),
    (Field::ContractEscalator, Swing::Points),
    (Field::HpcCapex, Swing::Relative),
    (Field::HpcConversionMonths, Swing::Months),
    (Field::HpcOpex, Swing::Relative),
    (Field::HpcOperatingPue, Swing::Relative),
    (Field::TerminalExitCap, Swing::Points),
    (Field::TerminalRenewal, Swing::Relative),
    (Field::TaxRate, Swing::Points),
    (Field::FinanceDiscountRate, Swing::Points),
];

/// One bar of the tornado: the incremental NPV with one input moved down
/// and up, the others held.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    /// The input's path (`contract.rate_usd_per_kw_month`).
    pub input: String,
    pub label: String,
    pub unit: String,
    /// The input's own value.
    pub base_value: f64,
    /// The two values used (clamped to the input's valid range).
    pub low_value: f64,
    pub high_value: f64,
    pub npv_at_low_usd: f64,
    pub npv_at_high_usd: f64,
}

impl TornadoBar {
    /// How far the bar spans.
    pub fn impact(&self) -> f64 {
        (self.npv_at_high_usd - self.npv_at_low_usd).abs()
    }
}

/// The tornado: bars sorted by impact, largest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tornado {
    /// The deterministic incremental NPV every bar swings around.
    pub base_npv_usd: f64,
    pub bars: Vec<TornadoBar>,
    /// Inputs left out, with why (an exit cap rate left empty, say).
    pub left_out: Vec<String>,
}

/// The incremental NPV of a valid scenario: one walk of its months.
fn incremental_npv(s: &Scenario) -> f64 {
    let plan = Plan::new(s);
    plan.npvs(&plan.base).incremental()
}

/// `x` kept inside `field`'s valid range.
fn clamp(field: Field, x: f64) -> f64 {
    let rule = field.rule();
    let x = match rule.min {
        Bound::Incl(a) => x.max(a),
        Bound::Excl(a) if x <= a => a + (a.abs() * 1e-9).max(1e-9),
        _ => x,
    };
    match rule.max {
        Bound::Incl(b) => x.min(b),
        Bound::Excl(b) if x >= b => b - (b.abs() * 1e-9).max(1e-9),
        _ => x,
    }
}

/// `s` with `field` set to `x` (whole fields rounded), if still valid.
fn with(s: &Scenario, field: Field, x: f64) -> Option<Scenario> {
    let mut t = s.clone();
    let value = match field.get(s) {
        Value::Number(_) => Value::Number(x),
        Value::OptNumber(_) => Value::OptNumber(Some(x)),
        Value::Whole(_) => Value::Whole(x.round().max(0.0) as u32),
        _ => return None,
    };
    field.set(&mut t, value).ok()?;
    t.validate().ok().map(|()| t)
}

/// The tornado of a valid scenario.
pub fn tornado(s: &Scenario) -> Tornado {
    let r = &s.risk;
    let mut bars = Vec::with_capacity(TORNADO.len());
    let mut left_out = Vec::new();
    for &(field, swing) in TORNADO {
        let Some(base) = field.number(s) else {
            left_out.push(format!("{}: not set", field.label()));
            continue;
        };
        let (lo, hi) = match swing {
            Swing::Relative => (
                base * (1.0 - r.swing_pct / 100.0),
                base * (1.0 + r.swing_pct / 100.0),
            ),
            Swing::Months => (
                base - f64::from(r.swing_months),
                base + f64::from(r.swing_months),
            ),
            Swing::Points => (base - r.swing_rate_points, base + r.swing_rate_points),
        };
        let (lo, hi) = (clamp(field, lo), clamp(field, hi));
        match (with(s, field, lo), with(s, field, hi)) {
            (Some(a), Some(b)) => bars.push(TornadoBar {
                input: field.path().to_owned(),
                label: field.label().to_owned(),
                unit: field.spec().unit.to_owned(),
                base_value: base,
                low_value: field.number(&a).unwrap_or(lo),
                high_value: field.number(&b).unwrap_or(hi),
                npv_at_low_usd: incremental_npv(&a),
                npv_at_high_usd: incremental_npv(&b),
            }),
            _ => left_out.push(format!("{}: moved out of its valid range", field.label())),
        }
    }
    bars.sort_by(|a, b| b.impact().total_cmp(&a.impact()));
    Tornado {
        base_npv_usd: incremental_npv(s),
        bars,
        left_out,
    }
}

/// P10, P50 and P90 of a distribution.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Percentiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// The `q`-quantile of sorted values (nearest rank).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// [`percentiles`] of values in any order, reordering them: three
/// selections instead of a sort, the same nearest ranks.
fn percentiles_unsorted(values: &mut [f64]) -> Percentiles {
    let mut at = |q: f64| -> f64 {
        if values.is_empty() {
            return 0.0;
        }
        let rank = (q * values.len() as f64).ceil() as usize;
        let i = rank.clamp(1, values.len()) - 1;
        *values.select_nth_unstable_by(i, f64::total_cmp).1
    };
    Percentiles {
        p10: at(0.1),
        p50: at(0.5),
        p90: at(0.9),
    }
}

fn percentiles(sorted: &[f64]) -> Percentiles {
    Percentiles {
        p10: quantile(sorted, 0.1),
        p50: quantile(sorted, 0.5),
        p90: quantile(sorted, 0.9),
    }
}

/// One bar of the histogram of incremental NPV.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    pub from_usd: f64,
    pub to_usd: f64,
    pub paths: u32,
}

/// One month of the fan of cumulative incremental cash.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FanPoint {
    pub month: u32,
    pub p10_usd: f64,
    pub p50_usd: f64,
    pub p90_usd: f64,
}

/// Which IRR the simulation reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IrrKind {
    /// The equity IRR, when the scenario borrows.
    Equity,
    /// The project IRR, when it does not (equity and project are then the same).
    Project,
}

/// What the Monte Carlo simulation found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    pub paths: u32,
    pub seed: u32,
    /// The deterministic incremental NPV (every shock zero, no slip, no default).
    pub deterministic_npv_usd: f64,
    pub incremental_npv_usd: Percentiles,
    /// Share of paths on which converting is worth at least keeping mining, %.
    pub probability_convert_ahead_pct: f64,
    pub irr_kind: IrrKind,
    /// Over the paths where the rate is defined; `None` when it is on none.
    pub irr_pct: Option<Percentiles>,
    /// Paths on which the rate is defined.
    pub irr_paths: u32,
    /// Months; a path that never pays back counts as later than any month,
    /// so a percentile falling on such paths is `None`.
    pub payback_month: PaybackPercentiles,
    pub histogram: Vec<Bin>,
    pub fan: Vec<FanPoint>,
}

/// Percentiles of the payback month; `None` where the percentile falls on
/// paths that never pay back.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaybackPercentiles {
    pub p10: Option<u32>,
    pub p50: Option<u32>,
    pub p90: Option<u32>,
}

/// Bins of the histogram.
const BINS: usize = 30;

/// One path's figures.
struct PathResult {
    npv: f64,
    irr: Option<f64>,
    payback: Option<u32>,
}

/// The paths to run, split so a caller (the page) can run them in slices
/// between frames and stop at any time.
pub struct Run {
    scenario: Scenario,
    /// Plans by slip, with their loan (which no shock moves), built when
    /// first needed.
    plans: Vec<Option<(Plan, Option<Schedule>)>>,
    /// Buffers reused from path to path.
    shocks: Shocks,
    series: Vec<f64>,
    rng: Pcg64Mcg,
    /// The deterministic incremental cash series' IRR, the simulation's
    /// first guess for each path's rate.
    guess: f64,
    deterministic_npv: f64,
    results: Vec<PathResult>,
    /// Cumulative incremental cash by month, one row per path.
    cumulative: Vec<Vec<f32>>,
    detail: Detail,
    horizon_base: usize,
}

impl Run {
    /// Prepares the simulation of a valid scenario.
    pub fn new(s: &Scenario) -> Result<Self, ScenarioErrors> {
        s.validate()?;
        let r = &s.risk;
        let slips = (r.slip_max_months + 1) as usize;
        let base = Plan::new(s);
        let deterministic_npv = base.npvs(&base.base).incremental();
        // Each path's rate is sought from the deterministic one.
        let e = super::evaluate(s)?;
        let yearly = if s.finance.debt_pct_of_capex > 0.0 {
            e.equity_irr_pct
        } else {
            e.incremental_irr_pct
        };
        let guess = yearly.map_or(0.01, |y| (1.0 + y / 100.0).powf(1.0 / 12.0) - 1.0);
        Ok(Self {
            scenario: s.clone(),
            plans: (0..slips).map(|_| None).collect(),
            shocks: Shocks::default(),
            series: Vec::new(),
            rng: Pcg64Mcg::seed_from_u64(u64::from(r.seed)),
            guess,
            deterministic_npv,
            results: Vec::with_capacity(r.paths as usize),
            cumulative: Vec::with_capacity(r.paths as usize),
            detail: Detail::default(),
            horizon_base: base.horizon,
        })
    }

    /// Paths run so far.
    pub fn done(&self) -> u32 {
        self.results.len() as u32
    }

    /// Paths to run in all.
    pub fn total(&self) -> u32 {
        self.scenario.risk.paths
    }

    /// Runs up to `n` more paths; returns whether all are done.
    pub fn step(&mut self, n: u32) -> bool {
        for _ in 0..n {
            if self.done() >= self.total() {
                break;
            }
            self.one_path();
        }
        self.done() >= self.total()
    }

    fn one_path(&mut self) {
        let s = &self.scenario;
        let r = &s.risk;
        // The draws, in a fixed order: slip, default, then the monthly shocks.
        let slip = if r.slip_max_months > r.slip_min_months {
            self.rng.random_range(r.slip_min_months..=r.slip_max_months)
        } else {
            r.slip_min_months
        } as usize;
        let (plan, debt) = self.plans[slip].get_or_insert_with(|| {
            let mut t = s.clone();
            t.hpc.conversion_months += slip as u32;
            let plan = Plan::new(&t);
            let debt = (s.finance.debt_pct_of_capex > 0.0).then(|| {
                let mut d = Detail::default();
                plan.run(&plan.base, Some(&mut d));
                Schedule::new(&t, &plan, &d.months)
            });
            (plan, debt)
        });
        let h = plan.horizon;
        let monthly_default = 1.0 - (1.0 - r.tenant_default_pct_per_year / 100.0).powf(1.0 / 12.0);
        let c = plan.conversion_months;
        let mut vacant = 0..0;
        if monthly_default > 0.0 {
            for m in c..h {
                let u: f64 = self.rng.random();
                if u < monthly_default {
                    let down = s.terminal.downtime_months as usize;
                    vacant = m..(m + down).min(h);
                    break;
                }
            }
        }
        let sigma_h = r.hashprice_volatility_pct / 100.0 / 12f64.sqrt();
        let sigma_e = r.energy_volatility_pct / 100.0 / 12f64.sqrt();
        let rho = r.correlation_pct / 100.0;
        let other = (1.0 - rho * rho).max(0.0).sqrt();
        let shocks = &mut self.shocks;
        shocks.hashprice.clear();
        shocks.energy_price.clear();
        shocks.vacant = vacant;
        // Mean-preserving log-normal walks around the trend.
        let (mut lh, mut le) = (0.0, 0.0);
        for _ in 0..h {
            let z1: f64 = StandardNormal.sample(&mut self.rng);
            let z2: f64 = StandardNormal.sample(&mut self.rng);
            lh += sigma_h * z1 - 0.5 * sigma_h * sigma_h;
            le += sigma_e * (rho * z1 + other * z2) - 0.5 * sigma_e * sigma_e;
            shocks
                .hashprice
                .push(if sigma_h == 0.0 { 1.0 } else { libm::exp(lh) });
            shocks
                .energy_price
                .push(if sigma_e == 0.0 { 1.0 } else { libm::exp(le) });
        }
        let npvs = plan.run_shocked(&plan.base, shocks, &mut self.detail);
        let months = &self.detail.months;
        let series = &mut self.series;
        series.clear();
        let mut cumulative = Vec::with_capacity(h);
        let mut sum = 0.0;
        for m in months {
            let x = m.convert_after_tax() - m.keep_after_tax();
            sum += x;
            series.push(x);
            cumulative.push(sum as f32);
        }
        let irr = match debt {
            Some(debt) => {
                let equity = Equity::new(plan, months, debt);
                let equity_series: Vec<f64> = equity
                    .cash
                    .iter()
                    .zip(months)
                    .map(|(e, m)| e - m.keep_after_tax())
                    .collect();
                super::finance::irr_near(&equity_series, self.guess)
            }
            None => super::finance::irr_near(series, self.guess),
        };
        self.results.push(PathResult {
            npv: npvs.incremental(),
            irr,
            payback: super::finance::payback_month(series),
        });
        self.cumulative.push(cumulative);
    }

    /// What the paths run so far show.
    pub fn result(&self) -> Simulation {
        let s = &self.scenario;
        let mut npv: Vec<f64> = self.results.iter().map(|p| p.npv).collect();
        npv.sort_by(f64::total_cmp);
        let mut irr: Vec<f64> = self.results.iter().filter_map(|p| p.irr).collect();
        irr.sort_by(f64::total_cmp);
        // Never paying back sorts after every month.
        let mut payback: Vec<u64> = self
            .results
            .iter()
            .map(|p| p.payback.map_or(u64::MAX, u64::from))
            .collect();
        payback.sort_unstable();
        let payback_at = |q: f64| -> Option<u32> {
            if payback.is_empty() {
                return None;
            }
            let rank = (q * payback.len() as f64).ceil() as usize;
            let v = payback[rank.clamp(1, payback.len()) - 1];
            u32::try_from(v).ok()
        };
        let ahead = npv.iter().filter(|x| **x >= 0.0).count();
        Simulation {
            paths: self.done(),
            seed: s.risk.seed,
            deterministic_npv_usd: self.deterministic_npv,
            incremental_npv_usd: percentiles(&npv),
            probability_convert_ahead_pct: if npv.is_empty() {
                0.0
            } else {
                100.0 * ahead as f64 / npv.len() as f64
            },
            irr_kind: if s.finance.debt_pct_of_capex > 0.0 {
                IrrKind::Equity
            } else {
                IrrKind::Project
            },
            irr_pct: (!irr.is_empty()).then(|| percentiles(&irr)),
            irr_paths: irr.len() as u32,
            payback_month: PaybackPercentiles {
                p10: payback_at(0.1),
                p50: payback_at(0.5),
                p90: payback_at(0.9),
            },
            histogram: histogram(&npv, self.deterministic_npv),
            fan: self.fan(),
        }
    }

    /// P10, P50 and P90 of cumulative incremental cash, month by month,
    /// over every path: a path that ends sooner (it slipped less) keeps its
    /// final total in the months after its end.
    fn fan(&self) -> Vec<FanPoint> {
        let longest = self.cumulative.iter().map(Vec::len).max().unwrap_or(0);
        let mut out = Vec::with_capacity(longest.max(self.horizon_base));
        let mut column = Vec::with_capacity(self.cumulative.len());
        for m in 0..longest {
            column.clear();
            column.extend(
                self.cumulative
                    .iter()
                    .filter_map(|row| row.get(m).or_else(|| row.last()).map(|x| f64::from(*x))),
            );
            let p = percentiles_unsorted(&mut column);
            out.push(FanPoint {
                month: m as u32,
                p10_usd: p.p10,
                p50_usd: p.p50,
                p90_usd: p.p90,
            });
        }
        out
    }
}

/// Equal-width bins from the 1st to the 99th percentile (and the
/// deterministic value), the paths beyond them counted in the end bins,
/// which then reach out to the extreme values: a heavy tail does not squeeze
/// every other path into one bin.
fn histogram(sorted: &[f64], marked: f64) -> Vec<Bin> {
    let (Some(&first), Some(&last)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let lo = quantile(sorted, 0.01).min(marked);
    let hi = quantile(sorted, 0.99).max(marked);
    if hi <= lo {
        return vec![Bin {
            from_usd: lo,
            to_usd: hi,
            paths: sorted.len() as u32,
        }];
    }
    let width = (hi - lo) / BINS as f64;
    let mut bins: Vec<Bin> = (0..BINS)
        .map(|i| Bin {
            from_usd: lo + width * i as f64,
            to_usd: if i + 1 == BINS {
                hi
            } else {
                lo + width * (i + 1) as f64
            },
            paths: 0,
        })
        .collect();
    for x in sorted {
        let i = if *x <= lo {
            0
        } else {
            (((x - lo) / width) as usize).min(BINS - 1)
        };
        bins[i].paths += 1;
    }
    // The end bins reach the extremes they hold.
    bins[0].from_usd = bins[0].from_usd.min(first);
    bins[BINS - 1].to_usd = bins[BINS - 1].to_usd.max(last);
    bins
}

/// The whole simulation of a valid scenario, at once.
pub fn simulate(s: &Scenario) -> Result<Simulation, ScenarioErrors> {
    let mut run = Run::new(s)?;
    run.step(u32::MAX);
    Ok(run.result())
}

/// Everything the risk view shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub tornado: Tornado,
    pub simulation: Simulation,
}

/// The tornado and the simulation of a scenario.
pub fn risk(s: &Scenario) -> Result<Risk, ScenarioErrors> {
    s.validate()?;
    Ok(Risk {
        tornado: tornado(s),
        simulation: simulate(s)?,
    })
}
