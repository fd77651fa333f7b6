//! Properties of the model over the whole valid input space, and its
//! behaviour on arbitrary input.
//!
//! 256 cases per property by default; set `PROPTEST_CASES` for longer runs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use proptest::test_runner::Config;

use repower::model::scenario::{
    Contract, Finance, Greenfield, Hpc, Mining, Sensitivity, Site, Sweep, Tax, Tenant, Terminal,
};
use repower::model::sweep::{CROSSOVER_STEP, CROSSOVER_TOLERANCE};
use repower::model::{
    evaluate, evaluate_with, Evaluation, Field, Scenario, ScenarioError, Searches,
};

/// The width of the interval a crossover or a change of lead is bisected
/// to: the $5 step halved until it is at most $0.01 wide (5/512).
const FINAL_WIDTH: f64 = {
    let mut w = CROSSOVER_STEP;
    while w > CROSSOVER_TOLERANCE {
        w /= 2.0;
    }
    w
};
const _: () = assert!(FINAL_WIDTH == 5.0 / 512.0);

fn config(scale: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(256);
    Config {
        cases: cases.saturating_mul(scale),
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------
// Valid scenarios
// ---------------------------------------------------------------------------

/// How large the fields without an upper bound ("≥ 0") may get.
#[derive(Clone, Copy, Debug)]
struct Reach {
    /// Largest money value per MW (opex, capex, tenant value).
    money: f64,
    /// Lowest discount rate, %/yr.
    discount_min: f64,
}

/// Realistic magnitudes: every output must be a finite number.
const REALISTIC: Reach = Reach {
    money: 1e9,
    discount_min: -99.0,
};
/// The whole valid range: an output may overflow, and must then be refused cleanly.
const EXTREME: Reach = Reach {
    money: 1e300,
    discount_min: -99.999_999_999_9,
};

/// `lo ..= hi` with the ends themselves drawn now and then.
fn span(lo: f64, hi: f64) -> BoxedStrategy<f64> {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 8 => lo..=hi].boxed()
}

/// Greater than `lo` (excluded) and at most `hi`.
fn above(lo: f64, hi: f64) -> BoxedStrategy<f64> {
    let eps = (lo.abs().max(1.0)) * 1e-12;
    prop_oneof![1 => Just(lo + eps), 1 => Just(hi), 8 => (lo + eps)..=hi].boxed()
}

/// A non-negative amount up to `max`, spread over the orders of magnitude.
fn amount(max: f64) -> BoxedStrategy<f64> {
    let top = max.log10();
    prop_oneof![
        1 => Just(0.0),
        1 => Just(max),
        4 => (-3.0..=top).prop_map(move |e: f64| 10f64.powf(e).min(max)),
        4 => 0.0..=max.min(1e6),
    ]
    .boxed()
}

fn site() -> impl Strategy<Value = Site> {
    (
        above(0.0, 10_000.0),
        span(0.0, 2_000.0),
        above(-100.0, 100.0),
    )
        .prop_map(|(g, p, e)| Site {
            grid_capacity_mw: g,
            energy_price_usd_per_mwh: p,
            energy_escalator_pct_per_year: e,
        })
}

fn mining(reach: Reach) -> impl Strategy<Value = Mining> {
    (
        (
            above(0.0, 500.0),
            span(1.0, 3.0),
            span(0.0, 100.0),
            span(0.0, 100_000.0),
        ),
        (
            above(-100.0, 1_000.0),
            prop::option::of(0u32..=600),
            span(0.0, 100.0),
        ),
        (amount(reach.money), any::<bool>()),
        (
            above(-100.0, 100.0),
            any::<bool>(),
            span(0.0, 1_000.0),
            span(0.0, 100.0),
        ),
    )
        .prop_map(
            |(
                (eff, pue, up, h),
                (drift, halving, fee),
                (opex, curtail),
                (opex_esc, retire, resale, decline),
            )| Mining {
                efficiency_j_per_th: eff,
                pue,
                uptime_pct: up,
                hashprice_usd_per_ph_day: h,
                hashprice_drift_pct_per_year: drift,
                months_to_next_halving: halving,
                pool_fee_pct: fee,
                opex_usd_per_mw_month: opex,
                opex_escalator_pct_per_year: opex_esc,
                curtail_when_unprofitable: curtail,
                retire_when_unprofitable: retire,
                fleet_resale_usd_per_th: resale,
                fleet_resale_decline_pct_per_year: decline,
            },
        )
}

/// The HPC group, with `critical_it_mw` as a share of what the grid allows
/// (the scenario fills in the MW once the grid is known).
fn hpc(reach: Reach) -> impl Strategy<Value = (Hpc, Option<f64>)> {
    (
        (
            prop::option::of(prop_oneof![Just(1.0), 1e-9..=1.0f64]),
            span(1.0, 3.0),
        ),
        (
            0u32..=120,
            0u32..=120,
            amount(reach.money),
            span(0.0, 100.0),
        ),
        (amount(reach.money), span(0.0, 100.0)),
        (
            span(1.0, 3.0),
            span(0.0, 200.0),
            amount(reach.money),
            above(-100.0, 100.0),
        ),
    )
        .prop_map(
            |(
                (share_of_site, pue),
                (conv, ramp, capex, tenant),
                (opex, util),
                (operating, contingency, site_capex, opex_esc),
            )| {
                let h = Hpc {
                    critical_it_mw: None,
                    design_pue: pue,
                    operating_pue: operating,
                    capex_contingency_pct: contingency,
                    site_capex_usd: site_capex,
                    opex_escalator_pct_per_year: opex_esc,
                    conversion_months: conv,
                    ramp_months: ramp,
                    capex_usd_per_mw: capex,
                    tenant_capex_share_pct: tenant,
                    opex_usd_per_mw_month: opex,
                    utilization_pct: util,
                };
                (h, share_of_site)
            },
        )
}

fn contract() -> impl Strategy<Value = Contract> {
    (
        1u32..=30,
        span(0.0, 10_000.0),
        above(-100.0, 100.0),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(term, rate, esc, pass, per_tranche)| Contract {
            term_years: term,
            rate_usd_per_kw_month: rate,
            escalator_pct_per_year: esc,
            power_pass_through: pass,
            term_per_tranche: per_tranche,
        })
}

fn terminal(reach: Reach) -> impl Strategy<Value = Terminal> {
    (
        prop::option::of(above(0.0, 100.0)),
        span(0.0, 100.0),
        0u32..=120,
        span(0.0, 200.0),
        amount(reach.money),
    )
        .prop_map(|(cap, renewal, down, refit, value)| Terminal {
            exit_cap_rate_pct: cap,
            renewal_probability_pct: renewal,
            downtime_months: down,
            refit_pct_of_capex: refit,
            keep_mining_site_value_usd_per_mw: value,
        })
}

fn tax() -> impl Strategy<Value = Tax> {
    (span(0.0, 100.0), span(0.0, 100.0), 1u32..=50).prop_map(|(rate, bonus, life)| Tax {
        rate_pct: rate,
        bonus_depreciation_pct: bonus,
        depreciation_years: life,
    })
}

fn sweep() -> impl Strategy<Value = Sweep> {
    (
        span(0.0, 1_999.0),
        prop_oneof![Just(1.0), 1e-3..=1.0f64],
        2u32..=1_001,
    )
        .prop_map(|(min, t, steps)| Sweep {
            min,
            max: (min + (2_000.0 - min) * t).min(2_000.0),
            steps,
        })
}

fn scenario(reach: Reach) -> impl Strategy<Value = Scenario> {
    (
        (site(), mining(reach), hpc(reach), contract()),
        (
            prop::collection::vec(0u32..=240, 1..=5),
            amount(reach.money),
            above(-100.0, 1_000.0).prop_map(move |d| d.max(reach.discount_min)),
            sweep(),
        ),
        (
            terminal(reach),
            tax(),
            (span(0.0, 100.0), span(0.0, 100.0), 1u32..=30),
        ),
    )
        .prop_map(
            |(
                (site, mining, (mut hpc, share), contract),
                (build, value, disc, sweep),
                (terminal, tax, (debt, debt_rate, tenor)),
            )| {
                hpc.critical_it_mw = share.map(|f| f * site.grid_capacity_mw / hpc.design_pue);
                Scenario {
                    site,
                    mining,
                    hpc,
                    contract,
                    terminal,
                    tax,
                    greenfield: Greenfield {
                        build_months: build,
                    },
                    tenant: Tenant {
                        compute_value_usd_per_mw_month: value,
                    },
                    finance: Finance {
                        discount_rate_pct: disc,
                        debt_pct_of_capex: debt,
                        debt_rate_pct: debt_rate,
                        debt_tenor_years: tenor,
                    },
                    sensitivity: Sensitivity {
                        energy_usd_per_mwh: sweep,
                    },
                    ..Scenario::default()
                }
            },
        )
}

/// Scenarios around the generic site, where the crossover most often falls
/// inside the searched range.
fn near_defaults() -> impl Strategy<Value = Scenario> {
    (
        (
            10.0..=500.0f64,
            20.0..=120.0f64,
            15.0..=40.0f64,
            0.0..=150.0f64,
        ),
        (
            0.0..=300.0f64,
            0.0..=15e6f64,
            0.0..=20.0f64,
            any::<bool>(),
            any::<bool>(),
        ),
        (1u32..=15, 0u32..=36, 0u32..=24, -5.0..=10.0f64),
    )
        .prop_map(
            |((g, p, eff, h), (rate, capex, disc, pass, curtail), (term, conv, ramp, esc))| {
                let mut s = Scenario::default();
                s.site.grid_capacity_mw = g;
                s.site.energy_price_usd_per_mwh = p;
                s.mining.efficiency_j_per_th = eff;
                s.mining.hashprice_usd_per_ph_day = h;
                s.contract.rate_usd_per_kw_month = rate;
                s.hpc.capex_usd_per_mw = capex;
                s.finance.discount_rate_pct = disc;
                s.contract.power_pass_through = pass;
                s.mining.curtail_when_unprofitable = curtail;
                s.contract.term_years = term;
                s.hpc.conversion_months = conv;
                s.hpc.ramp_months = ramp;
                s.site.energy_escalator_pct_per_year = esc;
                s
            },
        )
}

/// The first output holding a number that is not finite: the model's own
/// check over every number (a new output cannot be left out of it).
fn non_finite(r: &Evaluation) -> Option<&'static str> {
    repower::model::finite::first_non_finite(r)
}

/// `(1 + r_m)^-(m+1)` with `r_m = (1 + d)^(1/12) − 1`, as the specification writes it.
fn discount(rate_pct: f64, m: usize) -> f64 {
    let r_m = (1.0 + rate_pct / 100.0).powf(1.0 / 12.0) - 1.0;
    (1.0 + r_m).powi(-(m as i32 + 1))
}

fn ok(s: &Scenario) -> Result<Evaluation, TestCaseError> {
    evaluate(s).map_err(|e| TestCaseError::fail(format!("refused a valid scenario:\n{e}\n{s:#?}")))
}

proptest! {
    #![proptest_config(config(1))]

    #[test]
    fn valid_scenarios_evaluate_to_finite_numbers(s in scenario(REALISTIC)) {
        prop_assert!(s.validate().is_ok(), "generator made an invalid scenario: {:?}", s.validate());
        let r = ok(&s)?;
        prop_assert_eq!(non_finite(&r), None);
        let c = s.hpc.conversion_months as usize;
        let t = 12 * s.contract.term_years as usize;
        let ramp = s.hpc.ramp_months as usize;
        let n = if s.contract.term_per_tranche { t + ramp.saturating_sub(1) } else { t };
        prop_assert_eq!(r.monthly.len(), c + n);
        prop_assert_eq!(r.contract_annual_revenue_usd.len(), n.div_ceil(12));
        prop_assert_eq!(r.energy_sensitivity.len(), s.sensitivity.energy_usd_per_mwh.steps as usize);
        prop_assert_eq!(r.build_time.len(), s.greenfield.build_months.len());
        let sw = s.sensitivity.energy_usd_per_mwh;
        prop_assert_eq!(r.energy_sensitivity[0].energy_usd_per_mwh, sw.min);
        prop_assert_eq!(r.energy_sensitivity.last().map(|p| p.energy_usd_per_mwh), Some(sw.max));
        if let Some(q) = r.energy_crossover_usd_per_mwh {
            prop_assert!((0.0..=2_000.0).contains(&q), "crossover {q}");
        }
    }

    #[test]
    fn searches_left_for_later_change_nothing_else(s in scenario(EXTREME)) {
        // The page's first pass while the searches' cards are out of sight:
        // everything but the searches the same to the bit, the same errors.
        let later = evaluate_with(&s, Searches::Later);
        match evaluate(&s) {
            Ok(full) => {
                let without = Evaluation {
                    searches: Searches::Later,
                    breakeven_hashprice_usd_per_ph_day: None,
                    breakeven_rate_usd_per_kw_month: None,
                    breakeven_capex_usd_per_mw: None,
                    energy_crossover_usd_per_mwh: None,
                    energy_advantage_changes: Vec::new(),
                    ..full.clone()
                };
                prop_assert_eq!(full.searches, Searches::Run);
                let later = later.map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
                prop_assert_eq!(format!("{later:?}"), format!("{without:?}"));
            }
            Err(e) => prop_assert_eq!(later.err(), Some(e)),
        }
    }

    #[test]
    fn annual_revenues_sum_to_the_total(s in scenario(REALISTIC)) {
        let r = ok(&s)?;
        let sum: f64 = r.contract_annual_revenue_usd.iter().sum();
        let monthly: f64 = r.monthly.iter().map(|m| m.contract_revenue_usd).sum();
        let tol = 1e-9 * r.contract_total_revenue_usd.abs();
        prop_assert!((sum - r.contract_total_revenue_usd).abs() <= tol,
            "Σ annual {sum} vs total {}", r.contract_total_revenue_usd);
        prop_assert!((monthly - r.contract_total_revenue_usd).abs() <= tol,
            "Σ monthly {monthly} vs total {}", r.contract_total_revenue_usd);
        // Each year is the sum of its twelve months.
        let c = s.hpc.conversion_months as usize;
        for (y, a) in r.contract_annual_revenue_usd.iter().enumerate() {
            let end = (c + 12 * y + 12).min(r.monthly.len());
            let months: f64 = r.monthly[c + 12 * y..end].iter().map(|m| m.contract_revenue_usd).sum();
            prop_assert!((months - a).abs() <= 1e-9 * a.abs(), "year {}: {a} vs {months}", y + 1);
        }
    }

    #[test]
    fn an_earlier_start_is_worth_at_least_as_much(s in scenario(REALISTIC)) {
        // Starting the same non-negative rent sooner is worth more when money
        // is worth less later, i.e. for discount rates ≥ 0.
        let mut s = s;
        s.finance.discount_rate_pct = s.finance.discount_rate_pct.abs().min(1_000.0);
        let r = ok(&s)?;
        let c = s.hpc.conversion_months;
        let tol = 1e-9 * r.contract_total_revenue_usd.abs();
        for b in &r.build_time {
            prop_assert_eq!(b.months_saved, b.baseline_months.saturating_sub(c));
            if b.baseline_months >= c {
                prop_assert!(b.npv_advantage_usd >= -tol, "B {} ≥ c {c}: {}", b.baseline_months, b.npv_advantage_usd);
            }
            if b.baseline_months == c {
                prop_assert!(b.npv_advantage_usd.abs() <= tol);
            }
        }
    }

    #[test]
    fn keeping_mining_is_worth_no_more_at_a_higher_price(s in scenario(REALISTIC), a in 0.0..=2_000.0f64, b in 0.0..=2_000.0f64) {
        // Before tax: the retirement month is chosen before tax, so after
        // tax a move of it can shift the value either way by a little.
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let mut s = s;
        s.tax.rate_pct = 0.0;
        s.site.energy_price_usd_per_mwh = lo;
        let at_lo = ok(&s)?;
        s.site.energy_price_usd_per_mwh = hi;
        let at_hi = ok(&s)?;
        let tol = 1e-12 * (at_lo.keep_mining_npv_usd.abs() + at_hi.keep_mining_npv_usd.abs());
        prop_assert!(at_hi.keep_mining_npv_usd <= at_lo.keep_mining_npv_usd + tol,
            "keep at ${lo}: {}, at ${hi}: {}", at_lo.keep_mining_npv_usd, at_hi.keep_mining_npv_usd);
        // The same along the sweep, which is in increasing price order.
        for w in at_hi.energy_sensitivity.windows(2) {
            let tol = 1e-12 * (w[0].keep_mining_npv_usd.abs() + w[1].keep_mining_npv_usd.abs());
            prop_assert!(w[1].keep_mining_npv_usd <= w[0].keep_mining_npv_usd + tol, "{w:?}");
        }
    }

    #[test]
    fn incremental_npv_is_convert_minus_keep(s in scenario(REALISTIC)) {
        let r = ok(&s)?;
        let tol = 1e-12 * (r.convert_npv_usd.abs() + r.keep_mining_npv_usd.abs());
        prop_assert!((r.incremental_npv_usd - (r.convert_npv_usd - r.keep_mining_npv_usd)).abs() <= tol);
        // The monthly convert − keep adds up to the last cumulative advantage.
        let sum: f64 = r.monthly.iter().map(|m| m.convert_cash_usd - m.keep_mining_cash_usd).sum();
        let scale: f64 = r.monthly.iter().map(|m| m.convert_cash_usd.abs() + m.keep_mining_cash_usd.abs()).sum();
        let last = r.monthly.last().map_or(0.0, |m| m.cumulative_advantage_usd);
        prop_assert!((sum - last).abs() <= 1e-9 * scale, "Σ {sum} vs cumulative {last}");
    }

    #[test]
    fn present_value_of_the_monthly_columns(s in scenario(REALISTIC)) {
        let r = ok(&s)?;
        let d = s.finance.discount_rate_pct;
        let uptime = s.mining.uptime_pct / 100.0;
        let e = s.site.energy_escalator_pct_per_year / 100.0;
        let (mut convert, mut keep, mut rent, mut scale, mut keep_scale) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for (m, row) in r.monthly.iter().enumerate() {
            let v = discount(d, m);
            convert += row.convert_cash_usd * v;
            keep += row.keep_mining_cash_usd * v;
            rent += row.contract_revenue_usd * v;
            // What each month's cash is made of, for the rounding tolerance.
            let price = s.site.energy_price_usd_per_mwh * (1.0 + e).powi((m / 12) as i32);
            let mining = |mw: f64| mw * (uptime * 730.0 * price + s.mining.opex_usd_per_mw_month);
            scale += v * (row.convert_cash_usd.abs() + row.convert_mining_cash_usd.abs()
                + mining(r.derived.convert_mining_mw) + row.contract_revenue_usd.abs()
                + row.hpc_energy_usd.abs() + row.hpc_opex_usd.abs() + row.capex_usd.abs());
            keep_scale += v * (row.keep_mining_cash_usd.abs() + mining(s.site.grid_capacity_mw));
        }
        prop_assert!((convert - r.convert_npv_usd).abs() <= 1e-9 * scale,
            "PV of convert_cash_usd {convert} vs convert_npv_usd {}", r.convert_npv_usd);
        prop_assert!((keep - r.keep_mining_npv_usd).abs() <= 1e-9 * keep_scale,
            "PV of keep_mining_cash_usd {keep} vs keep_mining_npv_usd {}", r.keep_mining_npv_usd);
        prop_assert!((rent - r.contract_revenue_npv_usd).abs() <= 1e-9 * rent.abs(),
            "PV of contract_revenue_usd {rent} vs {}", r.contract_revenue_npv_usd);
    }

    #[test]
    fn payback_and_irr_agree_with_the_monthly_advantage(s in scenario(REALISTIC)) {
        let r = ok(&s)?;
        let cum: Vec<f64> = r.monthly.iter().map(|m| m.cumulative_advantage_usd).collect();
        match r.payback_month {
            Some(m) => {
                let m = m as usize;
                prop_assert!(cum[m..].iter().all(|x| *x >= 0.0), "payback {m}: {cum:?}");
                prop_assert!(m == 0 || cum[m - 1] < 0.0, "payback {m} is not the first: {cum:?}");
            }
            None => prop_assert!(cum.last().is_some_and(|x| *x < 0.0)),
        }
        // A reason is given exactly when there is no rate.
        prop_assert_eq!(r.incremental_irr_pct.is_none(), r.incremental_irr_note.is_some());
        if let Some(irr) = r.incremental_irr_pct {
            prop_assert!((-99.0..=1_000_000.0).contains(&irr), "{irr}");
            // The present value of the advantage changes sign across the root.
            let series: Vec<f64> = r.monthly.iter().map(|m| m.convert_cash_usd - m.keep_mining_cash_usd).collect();
            let pv = |yearly_pct: f64| -> f64 {
                let i = (1.0 + yearly_pct / 100.0).powf(1.0 / 12.0) - 1.0;
                series.iter().enumerate().map(|(m, x)| x / (1.0 + i).powi(m as i32 + 1)).sum()
            };
            let (below, above) = (pv(irr - 0.01 * (irr.abs() + 1.0)), pv(irr + 0.01 * (irr.abs() + 1.0)));
            let spread = irr - 0.01 * (irr.abs() + 1.0) > -99.0 && irr + 0.01 * (irr.abs() + 1.0) < 1e6;
            if spread && below.is_finite() && above.is_finite() {
                prop_assert!(below * above <= 0.0, "IRR {irr}: PV {below} and {above} on either side");
            }
        }
    }

    /// At both ends of the interval each reported change of lead was
    /// bisected to, the advantage of converting has the reported sign; the
    /// first change agrees with docs/MODEL.md's crossover.
    #[test]
    fn changes_of_lead_are_where_the_advantage_changes_sign(s in scenario(REALISTIC)) {
        let r = ok(&s)?;
        let delta = |price: f64| -> Result<f64, TestCaseError> {
            let mut t = s.clone();
            t.site.energy_price_usd_per_mwh = price;
            Ok(ok(&t)?.incremental_npv_usd)
        };
        for c in &r.energy_advantage_changes {
            let q = c.energy_usd_per_mwh;
            prop_assert!((0.0..=2000.0).contains(&q));
            // Each change is reported at the upper end of its final
            // interval (FINAL_WIDTH wide). The lead is on one side at that
            // interval's lower end and on the other at its upper end, read
            // as the evaluation reads it (the sign of the advantage,
            // exactly). Only there: the grid sees the sign at every $5
            // (docs/MODEL.md), not changes in between, and where the
            // advantage is within rounding of zero over a stretch (large
            // flows that cancel) its sign may flip back and forth around
            // the change reported.
            let below = delta(q - FINAL_WIDTH)?;
            let at = delta(q)?;
            if c.converting_ahead_above {
                prop_assert!(below < 0.0 && at >= 0.0, "up at {q}: {below} at the lower end, {at} at {q}");
            } else {
                prop_assert!(below >= 0.0 && at < 0.0, "down at {q}: {below} at the lower end, {at} at {q}");
            }
        }
        match r.energy_crossover_usd_per_mwh {
            Some(0.0) => prop_assert!(r.energy_advantage_changes.first().is_none_or(|c| !c.converting_ahead_above)),
            Some(x) => prop_assert_eq!(r.energy_advantage_changes.first().map(|c| c.energy_usd_per_mwh), Some(x)),
            None => prop_assert!(r.energy_advantage_changes.is_empty()),
        }
    }

    #[test]
    fn sensitivity_matches_the_scenario_at_its_own_price(s in scenario(REALISTIC), i in 0usize..1_001) {
        // Move the scenario's price onto one of the swept prices.
        let mut s = s;
        let at = ok(&s)?;
        let k = i % at.energy_sensitivity.len();
        let point = at.energy_sensitivity[k];
        s.site.energy_price_usd_per_mwh = point.energy_usd_per_mwh;
        let r = ok(&s)?;
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * (a.abs() + b.abs()) + 1e-6;
        prop_assert!(close(point.keep_mining_npv_usd, r.keep_mining_npv_usd), "{point:?} vs {}", r.keep_mining_npv_usd);
        prop_assert!(close(point.convert_npv_usd, r.convert_npv_usd), "{point:?} vs {}", r.convert_npv_usd);
    }

    #[test]
    fn crossover_is_where_converting_catches_up(s in prop_oneof![scenario(REALISTIC).boxed(), near_defaults().boxed()]) {
        // A sweep of 401 points over [0, 2000] is exactly the $5 grid of the
        // search: δ at every grid point from one evaluation.
        let mut s = s;
        s.sensitivity.energy_usd_per_mwh = Sweep { min: 0.0, max: 2_000.0, steps: 401 };
        let r = ok(&s)?;
        let delta: Vec<(f64, f64)> = r
            .energy_sensitivity
            .iter()
            .map(|p| (p.energy_usd_per_mwh, p.convert_npv_usd - p.keep_mining_npv_usd))
            .collect();
        prop_assert!(delta.iter().enumerate().all(|(j, (q, _))| *q == 5.0 * j as f64));
        let advantage_at = |q: f64| -> Result<f64, TestCaseError> {
            let mut at = s.clone();
            at.site.energy_price_usd_per_mwh = q;
            Ok(ok(&at)?.incremental_npv_usd)
        };
        let first = delta.iter().position(|(_, d)| *d >= 0.0);
        match (first, r.energy_crossover_usd_per_mwh) {
            (Some(0), got) => prop_assert_eq!(got, Some(0.0)),
            (Some(j), Some(q)) => {
                // In the $5 interval before the first grid point where δ ≥ 0,
                // the upper end of a final interval (FINAL_WIDTH wide).
                let hi = 5.0 * j as f64;
                prop_assert!(q > hi - 5.0 && q <= hi, "crossover {q}, first δ ≥ 0 at {hi}");
                prop_assert!(advantage_at(q)? >= 0.0, "δ({q}) < 0");
                prop_assert!(advantage_at(q - FINAL_WIDTH)? < 0.0, "δ({} ) ≥ 0", q - FINAL_WIDTH);
            }
            (None, got) => prop_assert_eq!(got, None),
            (Some(j), None) => prop_assert!(false, "δ({}) ≥ 0 but no crossover", 5 * j),
        }
    }

    /// The bridge's steps between its ends add up to the difference of the
    /// two NPVs.
    #[test]
    fn the_bridge_adds_up(s in scenario(REALISTIC)) {
        let r = ok(&s)?;
        let b = &r.npv_bridge;
        prop_assert_eq!(b.len(), 10);
        prop_assert_eq!(b[0].usd, r.keep_mining_npv_usd);
        prop_assert_eq!(b[9].usd, r.convert_npv_usd);
        let steps: f64 = b[1..9].iter().map(|x| x.usd).sum();
        let scale: f64 = b.iter().map(|x| x.usd.abs()).sum::<f64>() + 1.0;
        prop_assert!((steps - r.incremental_npv_usd).abs() <= 1e-9 * scale,
            "steps {steps} vs {}", r.incremental_npv_usd);
    }

    /// Debt changes the equity view only, never the project's figures.
    #[test]
    fn debt_never_changes_the_unlevered_npv(s in scenario(REALISTIC), share in 0.0..=100.0f64, rate in 0.0..=30.0f64, tenor in 1u32..=30) {
        let a = ok(&s)?;
        let mut t = s.clone();
        t.finance.debt_pct_of_capex = share;
        t.finance.debt_rate_pct = rate;
        t.finance.debt_tenor_years = tenor;
        let b = ok(&t)?;
        prop_assert_eq!(a.keep_mining_npv_usd, b.keep_mining_npv_usd);
        prop_assert_eq!(a.convert_npv_usd, b.convert_npv_usd);
        prop_assert_eq!(a.incremental_irr_pct, b.incremental_irr_pct);
        prop_assert_eq!(a.breakeven_rate_usd_per_kw_month, b.breakeven_rate_usd_per_kw_month);
        // The loan is repaid within the horizon: draws equal repayments.
        if share > 0.0 {
            let drawn = b.debt_usd.unwrap_or(0.0);
            prop_assert!(drawn >= 0.0);
        } else {
            prop_assert_eq!(b.debt_usd, None);
        }
    }

    /// Fed back, each break-even puts the incremental NPV on both sides of
    /// zero within its tolerance.
    #[test]
    fn break_evens_fed_back_give_zero(s in near_defaults()) {
        let r = ok(&s)?;
        let sign_at = |set: &dyn Fn(&mut Scenario)| -> Result<bool, TestCaseError> {
            let mut t = s.clone();
            set(&mut t);
            Ok(ok(&t)?.incremental_npv_usd >= 0.0)
        };
        if let Some(h) = r.breakeven_hashprice_usd_per_ph_day {
            let lo = sign_at(&|t| t.mining.hashprice_usd_per_ph_day = (h - 0.01).max(0.0))?;
            let hi = sign_at(&|t| t.mining.hashprice_usd_per_ph_day = (h + 0.01).min(100_000.0))?;
            prop_assert!(lo != hi, "hashprice {h}: no change of sign within ±0.01");
        }
        if let Some(x) = r.breakeven_rate_usd_per_kw_month {
            let lo = sign_at(&|t| t.contract.rate_usd_per_kw_month = (x - 0.01).max(0.0))?;
            let hi = sign_at(&|t| t.contract.rate_usd_per_kw_month = (x + 0.01).min(10_000.0))?;
            prop_assert!(lo != hi, "rate {x}: no change of sign within ±0.01");
        }
        if let Some(k) = r.breakeven_capex_usd_per_mw {
            let lo = sign_at(&|t| t.hpc.capex_usd_per_mw = (k - 1.0).max(0.0))?;
            let hi = sign_at(&|t| t.hpc.capex_usd_per_mw = k + 1.0)?;
            prop_assert!(lo != hi, "capex {k}: no change of sign within ±1");
        }
    }

    #[test]
    fn extreme_scenarios_are_finite_or_cleanly_refused(s in scenario(EXTREME)) {
        prop_assert!(s.validate().is_ok(), "generator made an invalid scenario: {:?}", s.validate());
        match evaluate(&s) {
            Ok(r) => {
                prop_assert_eq!(non_finite(&r), None);
            }
            Err(e) => {
                prop_assert!(e.iter().all(|x| matches!(x, ScenarioError::NotRepresentable { .. })), "{e}");
                prop_assert!(!e.to_string().contains("NaN"));
            }
        }
    }
}

#[test]
fn an_extreme_discount_rate_is_refused_not_nan() {
    let mut s = Scenario::default();
    s.finance.discount_rate_pct = -99.999_999_99;
    s.contract.term_years = 30;
    s.greenfield.build_months = vec![240];
    assert!(s.validate().is_ok(), "the inputs themselves are valid");
    match evaluate(&s) {
        Ok(r) => panic!("evaluated to {:?}", r.keep_mining_npv_usd),
        Err(e) => {
            assert_eq!(e.0.len(), 1);
            assert!(
                matches!(
                    e.0[0],
                    ScenarioError::NotRepresentable {
                        field: Some(Field::FinanceDiscountRate),
                        ..
                    }
                ),
                "{e:?}"
            );
            let text = e.to_string();
            assert!(
                text.starts_with("finance.discount_rate_pct: ") && text.contains("too extreme"),
                "{text}"
            );
        }
    }
    // Money near the top of the floating-point range.
    let mut s = Scenario::default();
    // 80 MW × $1e306 a month of HPC opex, 144 months: beyond 1.8e308.
    s.hpc.opex_usd_per_mw_month = 1e306;
    match evaluate(&s) {
        Ok(r) => panic!("evaluated to {:?}", r.convert_npv_usd),
        Err(e) => assert!(
            matches!(e.0[0], ScenarioError::NotRepresentable { .. }),
            "{e:?}"
        ),
    }
}

// ---------------------------------------------------------------------------
// Numbers in scenario files (arbitrary input is fuzzed in decoders_fuzz.rs)
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(1))]

    #[test]
    fn json_numbers_are_read_exactly(price in 0.0..2_000.0f64, grid in 1.0..5_000.0f64, pue in 1.0..3.0f64) {
        let text = format!(
            r#"{{"site":{{"energy_price_usd_per_mwh":{price},"grid_capacity_mw":{grid}}},"hpc":{{"design_pue":{pue},"critical_it_mw":{}}}}}"#,
            grid / pue
        );
        let s = Scenario::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(s.site.energy_price_usd_per_mwh.to_bits(), price.to_bits());
        prop_assert_eq!(s.site.grid_capacity_mw.to_bits(), grid.to_bits());
        prop_assert_eq!(s.hpc.critical_it_mw.map(f64::to_bits), Some((grid / pue).to_bits()));
    }
}
