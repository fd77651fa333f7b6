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
use serde::Serialize;

use super::debt::{EquityBook, Schedule};
use super::error::ScenarioErrors;
use super::field::{Bound, Field, Value};
use super::plan::{Detail, Month, Plan, Record, Shocks};
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
            left_out.push(t!("{input}: not set", input = field.label()));
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
                // The unit as the code writes it: the charts read it
                // (`charts::spread::input_value`) and translate its words.
                unit: field.unit_key().to_owned(),
                base_value: base,
                low_value: field.number(&a).unwrap_or(lo),
                high_value: field.number(&b).unwrap_or(hi),
                npv_at_low_usd: incremental_npv(&a),
                npv_at_high_usd: incremental_npv(&b),
            }),
            _ => left_out.push(t!(
                "{input}: moved out of its valid range",
                input = field.label()
            )),
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
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
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

/// `x`'s place in [`f32::total_cmp`]'s order, as an unsigned number:
/// negative values with every bit flipped, the others with the sign bit set.
#[inline(always)]
fn order_key(x: f32) -> u32 {
    let bits = x.to_bits();
    // All ones for a negative value, the sign bit alone for the others.
    let flip = (((bits as i32) >> 31) as u32) | 0x8000_0000;
    bits ^ flip
}

/// The value whose [`order_key`] is `key`.
fn of_order_key(key: u32) -> f32 {
    f32::from_bits(if key >> 31 == 1 {
        key & 0x7fff_ffff
    } else {
        !key
    })
}

/// The digits of an [`order_key`] a selection narrows by, most significant
/// first: `(shift, mask)`, 12 + 8 + 8 + 4 bits.
const DIGITS: [(u32, u32); 4] = [(20, 0xfff), (12, 0xff), (4, 0xff), (0, 0xf)];

/// The digit of `key` at `(shift, mask)`.
#[inline(always)]
fn digit(key: u32, (shift, mask): (u32, u32)) -> usize {
    ((key >> shift) & mask) as usize
}

/// The bucket holding the key of rank `rank` (from 0) of keys counted by
/// bucket; `rank` becomes its rank within the bucket.
fn bucket_of(counts: &[u32], rank: &mut usize) -> usize {
    for (b, &c) in counts.iter().enumerate() {
        if *rank < c as usize {
            return b;
        }
        *rank -= c as usize;
    }
    counts.len().saturating_sub(1)
}

/// [`bucket_of`] for several ranks (ascending) in one pass.
fn buckets_of<const N: usize>(counts: &[u32], ranks: &mut [usize; N]) -> [usize; N] {
    let mut out = [counts.len().saturating_sub(1); N];
    let (mut next, mut below) = (0, 0);
    for (b, &c) in counts.iter().enumerate() {
        let upto = below + c as usize;
        while next < N && ranks[next] < upto {
            out[next] = b;
            ranks[next] -= below;
            next += 1;
        }
        if next == N {
            break;
        }
        below = upto;
    }
    out
}

/// Copies the keys of `from` whose digit at `at` is `b` to the start of
/// `to` (as long as `from` at least); returns how many.
#[inline(always)]
fn keep_digit(from: &[u32], to: &mut [u32], at: (u32, u32), b: usize) -> usize {
    let mut kept = 0;
    for &key in from {
        to[kept] = key;
        kept += usize::from(digit(key, at) == b);
    }
    kept
}

/// Working space of [`percentiles_f32`], reused from call to call: the
/// keys left for each of the three ranks, and a spare.
#[derive(Default)]
struct Selection {
    lists: [Vec<u32>; 3],
    spare: Vec<u32>,
}

/// [`percentiles`] of `values` in any order, in [`f32::total_cmp`]'s order
/// (that of the values as `f64` under [`f64::total_cmp`]): the same nearest
/// ranks as a sort, found digit by digit (a radix selection): the values'
/// keys counted by their first digit, those in the bucket holding each rank
/// kept, and so on down to the last digit, where every key left is the one
/// sought. Not inlined: called month by month, it is optimised after the
/// first few months in the browser (see [`Run::one_path`]).
#[inline(never)]
fn percentiles_f32(values: &[f32], work: &mut Selection) -> Percentiles {
    let n = values.len();
    if n == 0 {
        return Percentiles {
            p10: 0.0,
            p50: 0.0,
            p90: 0.0,
        };
    }
    let index = |q: f64| ((q * n as f64).ceil() as usize).clamp(1, n) - 1;
    let mut ranks = [index(0.1), index(0.5), index(0.9)];
    let mut first = [0u32; 1 << 12];
    for x in values {
        first[digit(order_key(*x), DIGITS[0])] += 1;
    }
    let buckets = buckets_of(&first, &mut ranks);
    // The keys in each rank's bucket, in one pass.
    let Selection {
        lists: [a, b, c],
        spare,
    } = work;
    for list in [&mut *a, &mut *b, &mut *c, &mut *spare] {
        list.resize(n, 0);
    }
    let (a, b, c) = (a.as_mut_slice(), b.as_mut_slice(), c.as_mut_slice());
    let mut kept = [0; 3];
    for x in values {
        let key = order_key(*x);
        let d = digit(key, DIGITS[0]);
        a[kept[0]] = key;
        kept[0] += usize::from(d == buckets[0]);
        b[kept[1]] = key;
        kept[1] += usize::from(d == buckets[1]);
        c[kept[2]] = key;
        kept[2] += usize::from(d == buckets[2]);
    }
    let mut at = |list: &mut [u32], mut left: usize, mut rank: usize| -> f64 {
        let (mut from, mut to) = (list, &mut spare[..]);
        for d in DIGITS[1..].iter().copied() {
            let mut counts = [0u32; 1 << 8];
            for &key in &from[..left] {
                counts[digit(key, d)] += 1;
            }
            let bucket = bucket_of(&counts, &mut rank);
            left = keep_digit(&from[..left], to, d, bucket);
            (from, to) = (to, from);
        }
        from.first()
            .map_or(0.0, |key| f64::from(of_order_key(*key)))
    };
    Percentiles {
        p10: at(a, kept[0], ranks[0]),
        p50: at(b, kept[1], ranks[1]),
        p90: at(c, kept[2], ranks[2]),
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
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Bin {
    pub from_usd: f64,
    pub to_usd: f64,
    pub paths: u32,
}

/// One month of the fan of cumulative incremental cash.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FanPoint {
    pub month: u32,
    pub p10_usd: f64,
    pub p50_usd: f64,
    pub p90_usd: f64,
}

/// Which IRR the simulation reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IrrKind {
    /// The equity IRR, when the scenario borrows.
    Equity,
    /// The project IRR, when it does not (equity and project are then the same).
    Project,
}

/// What the Monte Carlo simulation found.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
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

/// What a simulated path keeps of each month as [`Plan`] walks it: the
/// incremental cash after tax and the series whose rate is sought (the
/// equity's incremental cash when the scenario borrows), with their running
/// total for the payback month and the fan.
struct PathRecord<'a> {
    /// The loan and the equity view's taxes, when the scenario borrows.
    debt: Option<(&'a Schedule, EquityBook)>,
    /// The series whose rate is sought, month by month.
    irr_series: &'a mut [f64],
    /// The cumulative incremental cash of month `m` goes to
    /// `fan[m * stride]`.
    fan: &'a mut [f32],
    stride: usize,
    /// Cumulative incremental cash so far.
    sum: f64,
    /// The month after the last month whose cumulative cash is below 0
    /// (0 while there is none): the payback month unless it is the horizon.
    after_negative: usize,
}

impl Record for PathRecord<'_> {
    fn begin(&mut self, _: usize, _: f64, _: usize) {
        self.sum = 0.0;
        self.after_negative = 0;
    }

    #[inline(always)]
    fn month(&mut self, m: usize, month: &Month) {
        let keep = month.keep_after_tax();
        let x = month.convert_after_tax() - keep;
        self.sum += x;
        if self.sum < 0.0 {
            self.after_negative = m + 1;
        }
        self.fan[m * self.stride] = self.sum as f32;
        self.irr_series[m] = match &mut self.debt {
            Some((debt, book)) => book.month(m, month, debt).0 - keep,
            None => x,
        };
    }
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
    cash: Vec<f64>,
    irr_series: Vec<f64>,
    irr_scratch: Vec<f64>,
    rng: Pcg64Mcg,
    /// The deterministic incremental cash series' IRR, the simulation's
    /// first guess for each path's rate.
    guess: f64,
    deterministic_npv: f64,
    results: Vec<PathResult>,
    /// Cumulative incremental cash by month, month by month (a column of
    /// `total()` paths each): path `p`'s month `m` at `m × total() + p`. A
    /// path that ends sooner (it slipped less) keeps its final total in the
    /// months after its end.
    cumulative: Vec<f32>,
    /// Months of the longest path run so far.
    longest: usize,
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
        // A slip lengthens the horizon month for month.
        let months = base.horizon + r.slip_max_months as usize;
        Ok(Self {
            scenario: s.clone(),
            plans: (0..slips).map(|_| None).collect(),
            shocks: Shocks::default(),
            cash: Vec::new(),
            irr_series: Vec::new(),
            irr_scratch: Vec::new(),
            rng: Pcg64Mcg::seed_from_u64(u64::from(r.seed)),
            guess,
            deterministic_npv,
            results: Vec::with_capacity(r.paths as usize),
            cumulative: vec![0.0; months * r.paths as usize],
            longest: 0,
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

    /// Runs one more path. A function of its own, like each of its hot
    /// parts ([`Plan::run_shocked`], [`super::finance::irr_near`]): in the
    /// browser, WebAssembly first runs from a baseline compiler and each
    /// function is optimised on its own once it has run enough (a running
    /// call is not replaced), so the parts that run thousands of times are
    /// kept small and apart rather than inlined into one long loop.
    #[inline(never)]
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
        // Every month is written below.
        shocks.hashprice.resize(h, 0.0);
        shocks.energy_price.resize(h, 0.0);
        shocks.vacant = vacant;
        // Mean-preserving log-normal walks around the trend: first the
        // logarithms, month by month, then each month's multiplier on its
        // own (the exponentials do not wait on one another).
        let (mut lh, mut le) = (0.0, 0.0);
        let months = shocks
            .hashprice
            .iter_mut()
            .zip(shocks.energy_price.iter_mut());
        for (hashprice, energy_price) in months {
            let z1: f64 = StandardNormal.sample(&mut self.rng);
            let z2: f64 = StandardNormal.sample(&mut self.rng);
            lh += sigma_h * z1 - 0.5 * sigma_h * sigma_h;
            le += sigma_e * (rho * z1 + other * z2) - 0.5 * sigma_e * sigma_e;
            (*hashprice, *energy_price) = (lh, le);
        }
        for (x, sigma) in [
            (&mut shocks.hashprice, sigma_h),
            (&mut shocks.energy_price, sigma_e),
        ] {
            for x in x.iter_mut() {
                *x = if sigma == 0.0 { 1.0 } else { libm::exp(*x) };
            }
        }
        let total = r.paths as usize;
        let path = self.results.len();
        let fan = self.cumulative.get_mut(path..).unwrap_or_default();
        // Every month is written by the record.
        self.irr_series.resize(h, 0.0);
        let irr_series = self.irr_series.as_mut_slice();
        let mut record = PathRecord {
            debt: debt.as_ref().map(|d| (d, EquityBook::new(plan))),
            irr_series,
            fan,
            stride: total,
            sum: 0.0,
            after_negative: 0,
        };
        let npvs = plan.run_shocked(&plan.base, shocks, &mut record, &mut self.cash);
        let last = record.sum as f32;
        // As `finance::payback_month` finds it: the first month of the last
        // run of months at or above 0 that lasts to the horizon.
        let payback = Some(record.after_negative).filter(|m| *m == 0 || *m < h);
        // The months after this path's end keep its final total.
        let months = self.cumulative.len() / total.max(1);
        for m in h..months {
            if let Some(cell) = self.cumulative.get_mut(m * total + path) {
                *cell = last;
            }
        }
        self.longest = self.longest.max(h);
        let irr = super::finance::irr_near(&self.irr_series, self.guess, &mut self.irr_scratch);
        self.results.push(PathResult {
            npv: npvs.incremental(),
            irr,
            payback: payback.and_then(|m| u32::try_from(m).ok()),
        });
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
    /// final total in the months after its end. Not inlined (see
    /// [`Run::one_path`]).
    #[inline(never)]
    fn fan(&self) -> Vec<FanPoint> {
        let (total, done) = (self.total() as usize, self.results.len());
        let mut out = Vec::with_capacity(self.longest.max(self.horizon_base));
        let mut work = Selection::default();
        for m in 0..self.longest {
            let column = self
                .cumulative
                .get(m * total..m * total + done)
                .unwrap_or_default();
            let p = percentiles_f32(column, &mut work);
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    /// [`percentiles`] of the values as `f64`, sorted.
    fn by_sort(values: &[f32]) -> Percentiles {
        let mut sorted: Vec<f64> = values.iter().map(|x| f64::from(*x)).collect();
        sorted.sort_by(f64::total_cmp);
        percentiles(&sorted)
    }

    fn same(a: Percentiles, b: Percentiles) -> bool {
        a.p10.to_bits() == b.p10.to_bits()
            && a.p50.to_bits() == b.p50.to_bits()
            && a.p90.to_bits() == b.p90.to_bits()
    }

    #[test]
    fn order_keys_sort_as_total_cmp_and_come_back() {
        let values = [
            f32::NEG_INFINITY,
            -3.5e9,
            -1.0,
            -f32::MIN_POSITIVE,
            -1e-45,
            -0.0,
            0.0,
            1e-45,
            1.0,
            2.5e8,
            f32::MAX,
            f32::INFINITY,
        ];
        for w in values.windows(2) {
            assert!(order_key(w[0]) < order_key(w[1]), "{} {}", w[0], w[1]);
        }
        for x in values {
            assert_eq!(of_order_key(order_key(x)).to_bits(), x.to_bits());
        }
    }

    #[test]
    fn the_radix_selection_finds_what_a_sort_finds() {
        let mut rng = Pcg64Mcg::seed_from_u64(7);
        let mut work = Selection::default();
        assert!(same(percentiles_f32(&[], &mut work), by_sort(&[])));
        for n in (1..60).chain([99, 100, 101, 1000, 10_000]) {
            for spread in [1e-3_f64, 1.0, 1e9] {
                let values: Vec<f32> = (0..n)
                    .map(|_| {
                        let z: f64 = StandardNormal.sample(&mut rng);
                        let u: f64 = rng.random();
                        match (u * 20.0) as u32 {
                            0 => 0.0,
                            1 => -0.0,
                            2 => 123.0,
                            3 => f32::INFINITY,
                            _ => (1e8 + spread * z * 1e8) as f32,
                        }
                    })
                    .collect();
                assert!(
                    same(percentiles_f32(&values, &mut work), by_sort(&values)),
                    "{n} values, spread {spread}"
                );
            }
        }
        // Every value the same, and values a bit apart.
        assert!(same(
            percentiles_f32(&[5.0; 77], &mut work),
            by_sort(&[5.0; 77])
        ));
        let close: Vec<f32> = (0..500)
            .map(|i| f32::from_bits(1.0f32.to_bits() + (i * 7919) % 300))
            .collect();
        assert!(same(percentiles_f32(&close, &mut work), by_sort(&close)));
    }
}
