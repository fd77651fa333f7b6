//! Table tests of the model against values worked out by hand from the model
//! specification (the arithmetic is written next to each expected value).
//!
//! Constants used throughout: HOURS = 730 a month, DAYS = 365/12 = 30.41666…

#![allow(clippy::unwrap_used, clippy::expect_used)]

use repower::model::field::scenario_from_texts;
use repower::model::scenario::Sweep;
use repower::model::version::{set_v1_pue, v1_defaults};
use repower::model::{evaluate, evaluate_json, Evaluation, Field, Scenario, ScenarioError};

const DAYS: f64 = 365.0 / 12.0;

/// `|got - want| <= tol`, with a message naming what is compared.
#[track_caller]
fn close(what: &str, got: f64, want: f64, tol: f64) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got}, want {want} (tolerance {tol}, off by {})",
        (got - want).abs()
    );
}

#[track_caller]
fn eval(s: &Scenario) -> Evaluation {
    match evaluate(s) {
        Ok(r) => r,
        Err(e) => panic!("scenario refused:\n{e}"),
    }
}

/// The error lines for a scenario given as JSON.
fn json_errors(json: &str) -> Vec<String> {
    match evaluate_json(json) {
        Ok(_) => panic!("{json} was accepted"),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

/// The error lines of a scenario value.
fn errors(s: &Scenario) -> Vec<String> {
    match s.validate() {
        Ok(()) => panic!("scenario was accepted"),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

/// A two-megawatt site small enough to follow by hand.
///
/// Mining, per grid MW and month (mining.pue 1, 25 J/TH, uptime 100 %, no
/// pool fee, hashprice $50, no drift, no halvings):
///   hashrate = 1 MW × 1000 / 25 = 40 PH/s
///   revenue  = 40 × 50 × DAYS = 2000 × 30.41666… = 60,833.33
///   energy   = 1 × 730 × $50 = 36,500
///   opex     = 1,000
///   cash     = 60,833.33 − 36,500 − 1,000 = 23,333.33
/// HPC: C = 1 MW at hpc.pue 1, so 1 of the 2 MW keeps mining on the convert
/// path. c = 2, R = 3, term 1 year: H = 14 months.
///   D = 1/3, 2/3, then 1 for ten months: Σ D = 11 MW-months.
///   revenue = D × 1000 × $100 = 33,333.33, 66,666.67, 100,000 × 10; total 1,100,000
///   HPC opex = D × 10,000, total 110,000; capex 1,200,000 = 600,000 in months 0 and 1.
fn tiny() -> Scenario {
    let mut s = v1_defaults();
    s.site.grid_capacity_mw = 2.0;
    s.site.energy_price_usd_per_mwh = 50.0;
    s.site.energy_escalator_pct_per_year = 0.0;
    s.mining.efficiency_j_per_th = 25.0;
    s.mining.pue = 1.0;
    s.mining.uptime_pct = 100.0;
    s.mining.hashprice_usd_per_ph_day = 50.0;
    s.mining.hashprice_drift_pct_per_year = 0.0;
    s.mining.months_to_next_halving = None;
    s.mining.pool_fee_pct = 0.0;
    s.mining.opex_usd_per_mw_month = 1_000.0;
    s.mining.curtail_when_unprofitable = false;
    s.hpc.critical_it_mw = Some(1.0);
    set_v1_pue(&mut s, 1.0);
    s.hpc.conversion_months = 2;
    s.hpc.ramp_months = 3;
    s.hpc.capex_usd_per_mw = 1_200_000.0;
    s.hpc.tenant_capex_share_pct = 0.0;
    s.hpc.opex_usd_per_mw_month = 10_000.0;
    s.hpc.utilization_pct = 80.0;
    s.contract.term_years = 1;
    s.contract.rate_usd_per_kw_month = 100.0;
    s.contract.escalator_pct_per_year = 0.0;
    s.contract.power_pass_through = true;
    s.greenfield.build_months = vec![3, 1];
    s.tenant.compute_value_usd_per_mw_month = 100_000.0;
    s.finance.discount_rate_pct = 0.0;
    s.sensitivity.energy_usd_per_mwh = Sweep {
        min: 0.0,
        max: 100.0,
        steps: 3,
    };
    s
}

/// One MW on one MW of grid with nothing to mine: hashprice 0 and curtailment
/// on, mining opex 0, so keeping the site is worth exactly 0 in every month.
/// The convert path is then just the contract: capex in month 0 (c = 1),
/// rent of 1 MW × 1000 × $100 = $100,000 a month for 12 months (R = 0).
fn contract_only(capex_per_mw: f64) -> Scenario {
    let mut s = tiny();
    s.site.grid_capacity_mw = 1.0;
    s.mining.hashprice_usd_per_ph_day = 0.0;
    s.mining.curtail_when_unprofitable = true;
    s.mining.opex_usd_per_mw_month = 0.0;
    s.hpc.conversion_months = 1;
    s.hpc.ramp_months = 0;
    s.hpc.capex_usd_per_mw = capex_per_mw;
    s.hpc.opex_usd_per_mw_month = 0.0;
    s
}

// ---------------------------------------------------------------------------
// The public reference figure
// ---------------------------------------------------------------------------

#[test]
fn core_scientific_270_mw_is_4_7_billion() {
    let mut s = v1_defaults();
    s.site.grid_capacity_mw = 400.0; // 270 × 1.25 = 337.5 MW ≤ 400
    s.hpc.critical_it_mw = Some(270.0);
    set_v1_pue(&mut s, 1.25);
    s.hpc.ramp_months = 0;
    s.contract.term_years = 12;
    s.contract.rate_usd_per_kw_month = 120.885;
    s.contract.escalator_pct_per_year = 0.0;
    let r = eval(&s);
    // 270,000 kW × 144 months × $120.885 = $4,700,008,800
    close(
        "contract_total_revenue_usd",
        r.contract_total_revenue_usd,
        4.7e9,
        1e6,
    );
    close(
        "exact total",
        r.contract_total_revenue_usd,
        4_700_008_800.0,
        1e-3,
    );
    // Each year: 270,000 × 12 × 120.885 = 391,667,400
    assert_eq!(r.contract_annual_revenue_usd.len(), 12);
    for (y, a) in r.contract_annual_revenue_usd.iter().enumerate() {
        close(&format!("year {}", y + 1), *a, 391_667_400.0, 1e-3);
    }
    // Same with the grid exactly 270 × 1.25 = 337.5 MW.
    s.site.grid_capacity_mw = 337.5;
    close(
        "at 337.5 MW",
        eval(&s).contract_total_revenue_usd,
        4_700_008_800.0,
        1e-3,
    );
}

// ---------------------------------------------------------------------------
// The tiny site, path by path
// ---------------------------------------------------------------------------

#[test]
fn tiny_keep_and_convert_npvs() {
    let r = eval(&tiny());
    // keep = 2 MW × 14 months × 23,333.33 = 653,333.33
    close(
        "keep_mining_npv_usd",
        r.keep_mining_npv_usd,
        653_333.333_333,
        1e-4,
    );
    // convert = 1 MW × 14 × 23,333.33 + 1,100,000 − 110,000 − 1,200,000
    //         = 326,666.67 − 210,000 = 116,666.67
    close("convert_npv_usd", r.convert_npv_usd, 116_666.666_667, 1e-4);
    // 116,666.67 − 653,333.33 = −536,666.67
    close(
        "incremental_npv_usd",
        r.incremental_npv_usd,
        -536_666.666_667,
        1e-4,
    );
    // Discount 0: the NPV of the rent is its nominal total.
    close(
        "contract_revenue_npv_usd",
        r.contract_revenue_npv_usd,
        1_100_000.0,
        1e-6,
    );
    close(
        "contract_total_revenue_usd",
        r.contract_total_revenue_usd,
        1_100_000.0,
        1e-6,
    );
    assert_eq!(r.contract_annual_revenue_usd.len(), 1);
    // mining break-even: 50 × DAYS × 1 × 1000 / (25 × 1 × 730) = 83.333…
    // (revenue 60,833.33 = 730 × p).
    close(
        "mining_breakeven_usd_per_mwh",
        r.mining_breakeven_usd_per_mwh,
        250.0 / 3.0,
        1e-9,
    );
}

#[test]
fn tiny_monthly_rows() {
    let r = eval(&tiny());
    assert_eq!(r.monthly.len(), 14, "H = c + T = 2 + 12");
    let delivered: Vec<f64> = r.monthly.iter().map(|m| m.leased_critical_mw).collect();
    let want_d = [
        0.0,
        0.0,
        1.0 / 3.0,
        2.0 / 3.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
    ];
    for (m, (got, want)) in delivered.iter().zip(want_d).enumerate() {
        assert_eq!(r.monthly[m].month as usize, m);
        close(&format!("delivered month {m}"), *got, want, 1e-12);
        // rent = D × 1000 × 100
        close(
            &format!("rent month {m}"),
            r.monthly[m].contract_revenue_usd,
            want * 100_000.0,
            1e-6,
        );
        // keep = 2 × 23,333.33
        close(
            &format!("keep month {m}"),
            r.monthly[m].keep_mining_cash_usd,
            46_666.666_667,
            1e-4,
        );
    }
    // convert month 0 = 23,333.33 − 600,000 capex = −576,666.67
    close(
        "convert month 0",
        r.monthly[0].convert_cash_usd,
        -576_666.666_667,
        1e-4,
    );
    close(
        "convert month 1",
        r.monthly[1].convert_cash_usd,
        -576_666.666_667,
        1e-4,
    );
    // month 2: 23,333.33 + 33,333.33 − 3,333.33 opex = 53,333.33
    close(
        "convert month 2",
        r.monthly[2].convert_cash_usd,
        53_333.333_333,
        1e-4,
    );
    // month 3: 23,333.33 + 66,666.67 − 6,666.67 = 83,333.33
    close(
        "convert month 3",
        r.monthly[3].convert_cash_usd,
        83_333.333_333,
        1e-4,
    );
    // month 13: 23,333.33 + 100,000 − 10,000 = 113,333.33
    close(
        "convert month 13",
        r.monthly[13].convert_cash_usd,
        113_333.333_333,
        1e-4,
    );
    close("capex month 0", r.monthly[0].capex_usd, 600_000.0, 1e-9);
    close("capex month 1", r.monthly[1].capex_usd, 600_000.0, 1e-9);
    close("capex month 2", r.monthly[2].capex_usd, 0.0, 0.0);
    // Cumulative advantage at H-1 is the undiscounted incremental NPV.
    close(
        "cumulative",
        r.monthly[13].cumulative_advantage_usd,
        -536_666.666_667,
        1e-4,
    );
}

#[test]
fn conversion_that_never_pays_back() {
    let r = eval(&tiny());
    // convert − keep by month: −623,333.33 twice (capex and the lost 1 MW of
    // mining), then 6,666.67, 36,666.67 and 66,666.67 × 10: cumulative
    // −536,666.67 at H−1, negative: no payback.
    assert_eq!(r.payback_month, None);
}

#[test]
fn tiny_build_time() {
    let r = eval(&tiny());
    assert_eq!(r.build_time.len(), 2);
    // B = 3, c = 2: S = 1; D(0) = 1/3 MW-months; rent 33,333.33;
    // tenant value 1/3 × 100,000 = 33,333.33; discount 0 so the NPV gain is 0.
    let b = &r.build_time[0];
    assert_eq!((b.baseline_months, b.months_saved), (3, 1));
    close("mw_months_gained", b.mw_months_gained, 1.0 / 3.0, 1e-12);
    close(
        "revenue_pulled_forward_usd",
        b.revenue_pulled_forward_usd,
        33_333.333_333,
        1e-4,
    );
    close(
        "tenant_value_gained_usd",
        b.tenant_value_gained_usd,
        33_333.333_333,
        1e-4,
    );
    close("npv_advantage_usd", b.npv_advantage_usd, 0.0, 1e-6);
    // B = 1 < c = 2: nothing saved.
    let b = &r.build_time[1];
    assert_eq!((b.baseline_months, b.months_saved), (1, 0));
    assert_eq!(b.mw_months_gained, 0.0);
    assert_eq!(b.revenue_pulled_forward_usd, 0.0);
    assert_eq!(b.tenant_value_gained_usd, 0.0);
}

#[test]
fn tiny_sensitivity_points() {
    let s = tiny();
    let r = eval(&s);
    // Sweep [0, 100, 3]: 0, 50, 100.
    assert_eq!(r.energy_sensitivity.len(), 3);
    let prices: Vec<f64> = r
        .energy_sensitivity
        .iter()
        .map(|p| p.energy_usd_per_mwh)
        .collect();
    assert_eq!(prices, vec![0.0, 50.0, 100.0]);
    // keep(q) = 2 × 14 × (60,833.33 − 730 q − 1,000) (no curtailment)
    //   q = 0:   28 × 59,833.33 = 1,675,333.33
    //   q = 100: 28 × (−13,166.67) = −368,666.67
    // convert(q) = 14 × (59,833.33 − 730 q) − 210,000
    //   q = 0:   837,666.67 − 210,000 = 627,666.67
    //   q = 100: −184,333.33 − 210,000 = −394,333.33
    let p = &r.energy_sensitivity;
    close(
        "keep at 0",
        p[0].keep_mining_npv_usd,
        1_675_333.333_333,
        1e-4,
    );
    close("convert at 0", p[0].convert_npv_usd, 627_666.666_667, 1e-4);
    close(
        "keep at 100",
        p[2].keep_mining_npv_usd,
        -368_666.666_667,
        1e-4,
    );
    close(
        "convert at 100",
        p[2].convert_npv_usd,
        -394_333.333_333,
        1e-4,
    );
    // The point at the scenario's own price equals the main NPVs.
    close(
        "keep at 50",
        p[1].keep_mining_npv_usd,
        r.keep_mining_npv_usd,
        1e-6,
    );
    close(
        "convert at 50",
        p[1].convert_npv_usd,
        r.convert_npv_usd,
        1e-6,
    );
}

#[test]
fn sensitivity_ends_are_exactly_min_and_max() {
    let mut s = tiny();
    s.sensitivity.energy_usd_per_mwh = Sweep {
        min: 0.1,
        max: 0.7,
        steps: 7,
    };
    let r = eval(&s);
    assert_eq!(r.energy_sensitivity.len(), 7);
    assert_eq!(r.energy_sensitivity[0].energy_usd_per_mwh, 0.1);
    assert_eq!(r.energy_sensitivity[6].energy_usd_per_mwh, 0.7);
    // evenly spaced: 0.1, 0.2, … 0.7
    for (i, p) in r.energy_sensitivity.iter().enumerate() {
        close("point", p.energy_usd_per_mwh, 0.1 + 0.1 * i as f64, 1e-12);
    }
    s.sensitivity.energy_usd_per_mwh = Sweep {
        min: 20.0,
        max: 2000.0,
        steps: 1001,
    };
    let r = eval(&s);
    assert_eq!(r.energy_sensitivity.len(), 1001);
    assert_eq!(r.energy_sensitivity[0].energy_usd_per_mwh, 20.0);
    assert_eq!(r.energy_sensitivity[1000].energy_usd_per_mwh, 2000.0);
    // step (2000 − 20) / 1000 = 1.98
    close(
        "second point",
        r.energy_sensitivity[1].energy_usd_per_mwh,
        21.98,
        1e-12,
    );
    // The default sweep, at the default scenario's own price ($45 is a point).
    let d = v1_defaults();
    let r = eval(&d);
    assert_eq!(r.energy_sensitivity.len(), 21);
    // 20 + 100 × 5 / 20 = 45
    let at45 = &r.energy_sensitivity[5];
    assert_eq!(at45.energy_usd_per_mwh, 45.0);
    let tol = 1e-9 * r.keep_mining_npv_usd.abs().max(1.0);
    close(
        "default keep at 45",
        at45.keep_mining_npv_usd,
        r.keep_mining_npv_usd,
        tol,
    );
    let tol = 1e-9 * r.convert_npv_usd.abs().max(1.0);
    close(
        "default convert at 45",
        at45.convert_npv_usd,
        r.convert_npv_usd,
        tol,
    );
}

// ---------------------------------------------------------------------------
// The energy crossover
// ---------------------------------------------------------------------------

/// The smallest multiple of 5/512 that is ≥ `q`: where bisecting a $5 grid
/// interval down to ≤ $0.01 (nine halvings, width 5/512 = 0.009765625) lands
/// when δ is increasing through a single root `q`.
fn upper_bisection_end(q: f64) -> f64 {
    (q * 512.0 / 5.0).ceil() * 5.0 / 512.0
}

#[test]
fn crossover_inside_the_range() {
    let s = tiny();
    let r = eval(&s);
    // δ(q) = convert(q) − keep(q) = −14 × (59,833.33 − 730 q) − 210,000
    //      = 10,220 q − 1,047,666.67, zero at q* = 1,047,666.67 / 10,220 = 102.511415…
    let q_star = (14.0 * (2000.0 * DAYS - 1000.0) + 210_000.0) / 10_220.0;
    close("q*", q_star, 102.511_415_525, 1e-8);
    let got = r
        .energy_crossover_usd_per_mwh
        .expect("a crossover below $2000");
    // Within $0.01 above the true root…
    assert!(
        got >= q_star && got - q_star <= 0.01,
        "crossover {got}, root {q_star}"
    );
    // …and exactly the upper end of the final interval: grid 100..105,
    // bisected to width 5/512: 10,498 × 5/512 = 102.51953125 (the lower end
    // 102.509765625 is below the root).
    assert_eq!(got, upper_bisection_end(q_star));
    assert_eq!(got, 102.519_531_25);
    // δ ≥ 0 at the reported price, < 0 one final interval below it.
    let mut at = s.clone();
    at.site.energy_price_usd_per_mwh = got;
    assert!(eval(&at).incremental_npv_usd >= 0.0);
    at.site.energy_price_usd_per_mwh = got - 5.0 / 512.0;
    assert!(eval(&at).incremental_npv_usd < 0.0);
}

#[test]
fn crossover_without_pass_through() {
    let mut s = tiny();
    s.contract.power_pass_through = false;
    let r = eval(&s);
    // The host also pays Σ D × 0.8 × 1 × 730 × q = 11 × 584 q = 6,424 q:
    // δ(q) = 10,220 q − 6,424 q − 1,047,666.67 = 3,796 q − 1,047,666.67
    // q* = 275.992272…; upper end: ⌈275.99227 × 102.4⌉ = 28,262 → 275.99609375
    let q_star = (14.0 * (2000.0 * DAYS - 1000.0) + 210_000.0) / 3_796.0;
    let got = r
        .energy_crossover_usd_per_mwh
        .expect("a crossover below $2000");
    assert!(
        got >= q_star && got - q_star <= 0.01,
        "crossover {got}, root {q_star}"
    );
    assert_eq!(got, 275.996_093_75);
}

#[test]
fn crossover_at_zero() {
    // Nothing to mine (hashprice 0): at $0 both paths mine nothing, keeping
    // pays 2 MW of opex and converting only 1 MW of it plus a profitable
    // lease: δ(0) > 0, so the crossover is 0.
    let mut s = tiny();
    s.mining.hashprice_usd_per_ph_day = 0.0;
    s.hpc.capex_usd_per_mw = 0.0;
    let r = eval(&s);
    assert_eq!(r.energy_crossover_usd_per_mwh, Some(0.0));
}

#[test]
fn crossover_null_above_the_range() {
    // No rent (rate 0), curtailment on:
    // δ(q) = [1 MW × Σ cash(q) − 110,000 HPC opex − 1,200,000 capex] − 2 MW × Σ cash(q)
    //      = −Σ cash(q) − 1,310,000,
    // and with curtailment Σ cash(q) = 14 × (max(60,833.33 − 730 q, 0) − 1,000) ≥ −14,000,
    // so δ(q) ≤ 14,000 − 1,310,000 < 0 at every price.
    let mut s = tiny();
    s.contract.rate_usd_per_kw_month = 0.0;
    s.mining.curtail_when_unprofitable = true;
    let r = eval(&s);
    assert_eq!(r.energy_crossover_usd_per_mwh, None);
    // The sweep's highest point agrees: converting stays behind.
    let last = r.energy_sensitivity.last().expect("points");
    assert!(last.convert_npv_usd < last.keep_mining_npv_usd);
}

// ---------------------------------------------------------------------------
// Edge cases of time
// ---------------------------------------------------------------------------

#[test]
fn conversion_months_zero_puts_capex_in_month_zero() {
    let mut s = tiny();
    s.hpc.conversion_months = 0;
    let r = eval(&s);
    assert_eq!(r.monthly.len(), 12, "H = 0 + 12");
    // capex 1,200,000 all in month 0
    close("capex month 0", r.monthly[0].capex_usd, 1_200_000.0, 1e-9);
    assert!(r.monthly[1..].iter().all(|m| m.capex_usd == 0.0));
    // the contract starts at once: D(0) = 1/3
    close(
        "delivered month 0",
        r.monthly[0].leased_critical_mw,
        1.0 / 3.0,
        1e-12,
    );
    // convert month 0 = 23,333.33 + 33,333.33 − 3,333.33 − 1,200,000 = −1,146,666.67
    close(
        "convert month 0",
        r.monthly[0].convert_cash_usd,
        -1_146_666.666_667,
        1e-4,
    );
    // Rent unchanged (1,100,000); keep = 2 × 12 × 23,333.33 = 560,000;
    // convert = 12 × 23,333.33 + 1,100,000 − 110,000 − 1,200,000 = 70,000.
    close("keep", r.keep_mining_npv_usd, 560_000.0, 1e-4);
    close("convert", r.convert_npv_usd, 70_000.0, 1e-4);
}

#[test]
fn ramp_zero_delivers_everything_at_once() {
    let mut s = tiny();
    s.hpc.ramp_months = 0;
    let r = eval(&s);
    assert!(r.monthly[..2].iter().all(|m| m.leased_critical_mw == 0.0));
    assert!(r.monthly[2..].iter().all(|m| m.leased_critical_mw == 1.0));
    // 12 × 100,000 = 1,200,000
    close("total", r.contract_total_revenue_usd, 1_200_000.0, 1e-6);
}

#[test]
fn ramp_longer_than_the_term() {
    let mut s = tiny();
    s.hpc.ramp_months = 24;
    let r = eval(&s);
    // D(k) = (k+1)/24 for all twelve months: Σ = 78/24 = 3.25 MW-months,
    // rent 3.25 × 100,000 = 325,000; the last month delivers 12/24 = 0.5 MW.
    close("year 1", r.contract_annual_revenue_usd[0], 325_000.0, 1e-6);
    close("last month", r.monthly[13].leased_critical_mw, 0.5, 1e-12);
    close(
        "first month",
        r.monthly[2].leased_critical_mw,
        1.0 / 24.0,
        1e-12,
    );
}

#[test]
fn annual_revenue_per_contract_year() {
    let mut s = tiny();
    s.contract.term_years = 3;
    s.hpc.ramp_months = 18;
    s.contract.escalator_pct_per_year = 10.0;
    let r = eval(&s);
    assert_eq!(r.contract_annual_revenue_usd.len(), 3);
    // year 1: Σ_{k<12} (k+1)/18 = 78/18 MW-months × 100,000 = 433,333.33
    close(
        "year 1",
        r.contract_annual_revenue_usd[0],
        433_333.333_333,
        1e-4,
    );
    // year 2: (13+…+18)/18 + 6 = 93/18 + 6 = 11.1667 × 110,000 = 1,228,333.33
    close(
        "year 2",
        r.contract_annual_revenue_usd[1],
        1_228_333.333_333,
        1e-4,
    );
    // year 3: 12 × 121,000 = 1,452,000
    close(
        "year 3",
        r.contract_annual_revenue_usd[2],
        1_452_000.0,
        1e-4,
    );
    close(
        "total",
        r.contract_total_revenue_usd,
        3_113_666.666_667,
        1e-4,
    );
    assert_eq!(r.monthly.len(), 2 + 36);
}

#[test]
fn greenfield_faster_than_the_conversion() {
    // c = 12, B = 6, discount 10 %, R = 0, rent X = 100,000 a month for a year.
    let mut s = contract_only(0.0);
    s.hpc.conversion_months = 12;
    s.greenfield.build_months = vec![6];
    s.finance.discount_rate_pct = 10.0;
    let r = eval(&s);
    let b = &r.build_time[0];
    assert_eq!(b.months_saved, 0);
    assert_eq!(b.mw_months_gained, 0.0);
    assert_eq!(b.revenue_pulled_forward_usd, 0.0);
    // npv_advantage = X × Σ_{j=1..12} 1.1^(−j/12) × (1.1^(−12/12) − 1.1^(−6/12))
    //               = 100,000 × 11.400488 × (0.909091 − 0.953463) = −50,585.88
    close(
        "npv_advantage_usd",
        b.npv_advantage_usd,
        -50_585.879_957,
        1e-3,
    );
    assert!(b.npv_advantage_usd < 0.0);
}

#[test]
fn build_time_hand_worked() {
    // c = 12, R = 12, term 2 years, rate $100 escalating 10 %, 1 MW, tenant
    // value $700,000 per MW-month, discount 0.
    let mut s = contract_only(0.0);
    s.hpc.conversion_months = 12;
    s.hpc.ramp_months = 12;
    s.contract.term_years = 2;
    s.contract.escalator_pct_per_year = 10.0;
    s.tenant.compute_value_usd_per_mw_month = 700_000.0;
    s.greenfield.build_months = vec![12, 24, 40, 6];
    let r = eval(&s);
    let rows: Vec<_> = r
        .build_time
        .iter()
        .map(|b| (b.baseline_months, b.months_saved))
        .collect();
    // S = max(0, B − 12): 0, 12, 28, 0 (in the given order)
    assert_eq!(rows, vec![(12, 0), (24, 12), (40, 28), (6, 0)]);
    // B = 24: k < 12: Σ (k+1)/12 = 78/12 = 6.5 MW-months; rent 650,000;
    // value 6.5 × 700,000 = 4,550,000
    let b = &r.build_time[1];
    close("mw 24", b.mw_months_gained, 6.5, 1e-12);
    close("rev 24", b.revenue_pulled_forward_usd, 650_000.0, 1e-6);
    close("value 24", b.tenant_value_gained_usd, 4_550_000.0, 1e-6);
    // B = 40: k < min(28, 24) = 24: 6.5 + 12 = 18.5 MW-months;
    // rent 650,000 + 12 × 110,000 = 1,970,000; value 18.5 × 700,000 = 12,950,000
    let b = &r.build_time[2];
    close("mw 40", b.mw_months_gained, 18.5, 1e-12);
    close("rev 40", b.revenue_pulled_forward_usd, 1_970_000.0, 1e-6);
    close("value 40", b.tenant_value_gained_usd, 12_950_000.0, 1e-6);
    for b in [&r.build_time[0], &r.build_time[3]] {
        assert_eq!(
            (b.mw_months_gained, b.revenue_pulled_forward_usd),
            (0.0, 0.0)
        );
    }
    // Discount 0: starting later loses nothing in present value.
    for b in &r.build_time {
        close("npv_advantage at 0 %", b.npv_advantage_usd, 0.0, 1e-6);
    }
}

#[test]
fn build_time_npv_advantage_with_discounting() {
    // c = 0, R = 0, rent 100,000 a month for 12 months, B = 12, 10 % a year:
    // 100,000 × Σ_{j=1..12} 1.1^(−j/12) × (1 − 1.1^−1) = 100,000 × 11.400488 × 0.090909
    // = 103,640.80
    let mut s = contract_only(0.0);
    s.hpc.conversion_months = 0;
    s.greenfield.build_months = vec![12];
    s.finance.discount_rate_pct = 10.0;
    let r = eval(&s);
    close(
        "npv_advantage_usd",
        r.build_time[0].npv_advantage_usd,
        103_640.798_448,
        1e-3,
    );
    assert_eq!(r.build_time[0].months_saved, 12);
    close("mw-months", r.build_time[0].mw_months_gained, 12.0, 1e-12);
}

// ---------------------------------------------------------------------------
// Discounting
// ---------------------------------------------------------------------------

#[test]
fn contract_revenue_npv_at_ten_percent() {
    // Rent 100,000 at the end of months 0..11: 100,000 × Σ_{j=1..12} 1.1^(−j/12)
    // = 100,000 × 11.4004878 = 1,140,048.78
    let mut s = contract_only(0.0);
    s.hpc.conversion_months = 0;
    s.finance.discount_rate_pct = 10.0;
    let r = eval(&s);
    close(
        "contract_revenue_npv_usd",
        r.contract_revenue_npv_usd,
        1_140_048.782_933,
        1e-3,
    );
    // Nothing is mined and nothing is spent: the convert NPV is the rent's NPV.
    close(
        "convert_npv_usd",
        r.convert_npv_usd,
        1_140_048.782_933,
        1e-3,
    );
    assert_eq!(r.keep_mining_npv_usd, 0.0);
    // Started a month later (c = 1), every payment is discounted one month more:
    // 1,140,048.78 × 1.1^(−1/12) = 1,131,033.56
    s.hpc.conversion_months = 1;
    let later = eval(&s).contract_revenue_npv_usd;
    close(
        "one month later",
        later,
        1_140_048.782_933 * 1.1_f64.powf(-1.0 / 12.0),
        1e-3,
    );
}

#[test]
fn negative_discount_rate() {
    // −50 % a year: factors (0.5)^(−(m+1)/12) = 2^((m+1)/12).
    // 100,000 × Σ_{j=1..12} 2^(j/12) = 100,000 × 2^(1/12)/(2^(1/12) − 1) = 1,781,715.37
    let mut s = contract_only(0.0);
    s.hpc.conversion_months = 0;
    s.finance.discount_rate_pct = -50.0;
    let r = eval(&s);
    close(
        "contract_revenue_npv_usd",
        r.contract_revenue_npv_usd,
        1_781_715.374_511,
        1e-3,
    );
}

#[test]
fn negative_escalators() {
    let mut s = tiny();
    s.hpc.conversion_months = 0;
    s.hpc.ramp_months = 0;
    s.contract.term_years = 2;
    s.contract.escalator_pct_per_year = -50.0;
    s.site.energy_escalator_pct_per_year = -50.0;
    let r = eval(&s);
    // Rent: year 1 12 × 100,000 = 1,200,000; year 2 at half the rate: 600,000.
    close(
        "year 1",
        r.contract_annual_revenue_usd[0],
        1_200_000.0,
        1e-6,
    );
    close("year 2", r.contract_annual_revenue_usd[1], 600_000.0, 1e-6);
    // Energy: months 0..11 at $50, months 12..23 at $25.
    // keep month 11: 2 × (60,833.33 − 36,500 − 1,000) = 46,666.67
    // keep month 12: 2 × (60,833.33 − 18,250 − 1,000) = 83,166.67
    close(
        "keep 11",
        r.monthly[11].keep_mining_cash_usd,
        46_666.666_667,
        1e-4,
    );
    close(
        "keep 12",
        r.monthly[12].keep_mining_cash_usd,
        83_166.666_667,
        1e-4,
    );
    close(
        "keep 23",
        r.monthly[23].keep_mining_cash_usd,
        83_166.666_667,
        1e-4,
    );
}

#[test]
fn hashprice_drift_is_monthly() {
    let mut s = tiny();
    s.mining.hashprice_drift_pct_per_year = 10.0;
    let r = eval(&s);
    // h(6) = 50 × 1.1^(6/12) = 52.44044; revenue 40 × 52.44044 × DAYS = 63,802.54
    // keep month 6 = 2 × (63,802.54 − 36,500 − 1,000) = 52,605.08
    close(
        "keep 6",
        r.monthly[6].keep_mining_cash_usd,
        52_605.076_527,
        1e-4,
    );
}

#[test]
fn uptime_pool_fee_and_mining_pue() {
    let mut s = tiny();
    s.mining.uptime_pct = 50.0;
    s.mining.pool_fee_pct = 10.0;
    s.mining.pue = 1.25;
    let r = eval(&s);
    // machines 1 / 1.25 = 0.8 MW → 800 / 25 = 32 PH/s per grid MW
    // revenue 32 × 50 × DAYS × 0.5 × 0.9 = 21,900; energy 1 × 0.5 × 730 × 50 = 18,250
    // cash per grid MW 21,900 − 18,250 − 1,000 = 2,650; keep month 2 × 2,650 = 5,300
    close(
        "keep month",
        r.monthly[0].keep_mining_cash_usd,
        5_300.0,
        1e-6,
    );
    // break-even: 50 × DAYS × 0.9 × 1000 / (25 × 1.25 × 730) = 1,368,750 / 22,812.5 = 60
    close("breakeven", r.mining_breakeven_usd_per_mwh, 60.0, 1e-9);
}

// ---------------------------------------------------------------------------
// Halvings
// ---------------------------------------------------------------------------

#[test]
fn halving_null_versus_zero() {
    let mut s = tiny();
    s.mining.months_to_next_halving = None;
    // 50 × DAYS × 1000 / (25 × 730) = 83.33
    close(
        "no halvings",
        eval(&s).mining_breakeven_usd_per_mwh,
        250.0 / 3.0,
        1e-9,
    );
    s.mining.months_to_next_halving = Some(0);
    let r = eval(&s);
    // h(0) already halved: 25 × DAYS × 1000 / (25 × 730) = 41.67
    close(
        "halved at month 0",
        r.mining_breakeven_usd_per_mwh,
        125.0 / 3.0,
        1e-9,
    );
    // keep month 0: 2 × (30,416.67 − 36,500 − 1,000) = −14,166.67 (no curtailment)
    close(
        "keep 0",
        r.monthly[0].keep_mining_cash_usd,
        -14_166.666_667,
        1e-4,
    );
    s.mining.months_to_next_halving = Some(1);
    let r = eval(&s);
    close(
        "halving next month",
        r.mining_breakeven_usd_per_mwh,
        250.0 / 3.0,
        1e-9,
    );
    close(
        "keep 0, before",
        r.monthly[0].keep_mining_cash_usd,
        46_666.666_667,
        1e-4,
    );
    close(
        "keep 1, after",
        r.monthly[1].keep_mining_cash_usd,
        -14_166.666_667,
        1e-4,
    );
}

#[test]
fn halvings_repeat_every_48_months() {
    let mut s = tiny();
    s.contract.term_years = 5;
    s.hpc.conversion_months = 0;
    s.mining.months_to_next_halving = Some(0);
    let r = eval(&s);
    // month 47: one halving, revenue 30,416.67; month 48: two, 15,208.33.
    // keep 47 = 2 × (30,416.67 − 37,500) = −14,166.67
    // keep 48 = 2 × (15,208.33 − 37,500) = −44,583.33
    close(
        "keep 47",
        r.monthly[47].keep_mining_cash_usd,
        -14_166.666_667,
        1e-4,
    );
    close(
        "keep 48",
        r.monthly[48].keep_mining_cash_usd,
        -44_583.333_333,
        1e-4,
    );
}

// ---------------------------------------------------------------------------
// Curtailment and pass-through
// ---------------------------------------------------------------------------

#[test]
fn curtailment_on_and_off() {
    // At $100/MWh the energy (73,000) costs more than the revenue (60,833.33).
    let mut s = tiny();
    s.site.energy_price_usd_per_mwh = 100.0;
    s.mining.curtail_when_unprofitable = false;
    let off = eval(&s);
    // off: 2 × (60,833.33 − 73,000 − 1,000) = −26,333.33 a month; × 14 = −368,666.67
    close(
        "off month",
        off.monthly[0].keep_mining_cash_usd,
        -26_333.333_333,
        1e-4,
    );
    close("off keep", off.keep_mining_npv_usd, -368_666.666_667, 1e-3);
    s.mining.curtail_when_unprofitable = true;
    let on = eval(&s);
    // on: switched off, only opex: 2 × −1,000 = −2,000 a month; × 14 = −28,000
    close(
        "on month",
        on.monthly[0].keep_mining_cash_usd,
        -2_000.0,
        1e-9,
    );
    close("on keep", on.keep_mining_npv_usd, -28_000.0, 1e-6);
    // convert: 1 MW curtailed −1,000 × 14 + 1,100,000 − 110,000 − 1,200,000 = −224,000
    close("on convert", on.convert_npv_usd, -224_000.0, 1e-6);
    // At $50 it is profitable and curtailment changes nothing.
    s.site.energy_price_usd_per_mwh = 50.0;
    close(
        "on at 50",
        eval(&s).keep_mining_npv_usd,
        653_333.333_333,
        1e-4,
    );
}

#[test]
fn power_pass_through_on_and_off() {
    let mut s = tiny();
    let on = eval(&s);
    assert!(on.monthly.iter().all(|m| m.hpc_energy_usd == 0.0));
    s.contract.power_pass_through = false;
    let off = eval(&s);
    // The host pays D × 0.8 × 1 × 730 × 50 = D × 29,200: month 2 (D = 1/3) 9,733.33,
    // month 4 (D = 1) 29,200; Σ D = 11: 321,200 in all.
    close(
        "energy month 2",
        off.monthly[2].hpc_energy_usd,
        9_733.333_333,
        1e-4,
    );
    close(
        "energy month 4",
        off.monthly[4].hpc_energy_usd,
        29_200.0,
        1e-6,
    );
    // convert = 116,666.67 − 321,200 = −204,533.33
    close("convert", off.convert_npv_usd, -204_533.333_333, 1e-4);
    close(
        "keep unchanged",
        off.keep_mining_npv_usd,
        on.keep_mining_npv_usd,
        1e-6,
    );
    // hpc.pue and the energy escalator enter the host's bill: pue 1.5 (grid
    // 2 MW still fits 1 MW × 1.5, 0.5 MW keeps mining) and +100 % a year.
    set_v1_pue(&mut s, 1.5);
    s.site.energy_escalator_pct_per_year = 100.0;
    let r = eval(&s);
    // month 11 (k = 9, D = 1, year-1 price): 0.8 × 1.5 × 730 × 50 = 43,800
    // month 12 (price doubled):               87,600
    close(
        "energy month 11",
        r.monthly[11].hpc_energy_usd,
        43_800.0,
        1e-6,
    );
    close(
        "energy month 12",
        r.monthly[12].hpc_energy_usd,
        87_600.0,
        1e-6,
    );
}

// ---------------------------------------------------------------------------
// IRR and payback
// ---------------------------------------------------------------------------

#[test]
fn tenant_funds_all_capex() {
    // Hashprice 0 with curtailment: keeping loses 2 × 1,000 opex a month;
    // converting loses only 1 × 1,000 and gains rent − HPC opex ≥ 0 with no
    // capex at all: convert − keep ≥ +1,000 in every month.
    let mut s = tiny();
    s.mining.hashprice_usd_per_ph_day = 0.0;
    s.mining.curtail_when_unprofitable = true;
    s.hpc.tenant_capex_share_pct = 100.0;
    let r = eval(&s);
    assert!(r.monthly.iter().all(|m| m.capex_usd == 0.0));
    assert_eq!(r.derived.host_capex_usd, 0.0);
    assert_eq!(r.incremental_irr_pct, None, "no investment, no rate");
    assert_eq!(
        r.incremental_irr_note.as_deref(),
        Some("converting never costs more than mining in any month, so there is no investment to earn a rate on")
    );
    assert_eq!(r.payback_month, Some(0));
    // 1,000 × 14 + 1,100,000 − 110,000 = 1,004,000
    close("incremental", r.incremental_npv_usd, 1_004_000.0, 1e-6);
    // With the host paying half: capex 600,000 in months 0, 1 → 300,000 each.
    s.hpc.tenant_capex_share_pct = 50.0;
    let r = eval(&s);
    close("half capex", r.monthly[0].capex_usd, 300_000.0, 1e-9);
}

#[test]
fn irr_of_a_one_percent_a_month_annuity() {
    // convert − keep = [−X, 100,000 × 12]; PV 0 at i_m = 1 % when
    // X = 100,000 × (1 − 1.01^−12) / 0.01 = 1,125,507.75.
    // Yearly: (1.01^12 − 1) × 100 = 12.682503013 %.
    let x = 100_000.0 * (1.0 - 1.01_f64.powi(-12)) / 0.01;
    let r = eval(&contract_only(x));
    let irr = r.incremental_irr_pct.expect("one sign change");
    close("incremental_irr_pct", irr, 12.682_503_013_197, 1e-6);
    // Cumulative: −X + 100,000 m ≥ 0 first at m = 12 (11 × 100,000 < X).
    assert_eq!(r.payback_month, Some(12));
}

#[test]
fn irr_zero_and_payback_on_the_dot() {
    // X = 12 × 100,000: the rent just repays the capex, IRR 0 %, and the
    // cumulative sum reaches exactly 0 at month 12.
    let r = eval(&contract_only(1_200_000.0));
    close(
        "incremental_irr_pct",
        r.incremental_irr_pct.expect("defined"),
        0.0,
        1e-6,
    );
    assert_eq!(r.payback_month, Some(12));
    close("incremental_npv at 0 %", r.incremental_npv_usd, 0.0, 1e-6);
}

#[test]
fn irr_undefined_with_two_sign_changes() {
    // −500,000 in month 0; year 1: rent 100,000 − opex 200 = +99,800 a month;
    // year 2: rent 100 (−99.9 %) − 200 = −100 a month. The present value is
    // +4.0e7 at −99 % a year and −1.9e5 at 1,000,000 % a year, so a root lies
    // between them, but with two changes of sign the IRR is not defined.
    let mut s = contract_only(500_000.0);
    s.contract.term_years = 2;
    s.contract.escalator_pct_per_year = -99.9;
    s.hpc.opex_usd_per_mw_month = 200.0;
    let r = eval(&s);
    let signs: Vec<bool> = r
        .monthly
        .iter()
        .map(|m| m.convert_cash_usd - m.keep_mining_cash_usd)
        .filter(|d| *d != 0.0)
        .map(|d| d > 0.0)
        .collect();
    assert_eq!(signs.windows(2).filter(|w| w[0] != w[1]).count(), 2);
    assert_eq!(r.incremental_irr_pct, None);
    assert_eq!(
        r.incremental_irr_note.as_deref(),
        Some("the monthly advantage changes sign 2 times, so no single rate describes it")
    );
    // −500,000 + 99,800 m: −1,000 at m = 5, +98,800 at m = 6; year 2 takes
    // only 1,200 off: still ≥ 0. Payback month 6.
    assert_eq!(r.payback_month, Some(6));
    // 12 × 100,000 × 0.001 = 1,200
    close(
        "year 2 rent",
        r.contract_annual_revenue_usd[1],
        1_200.0,
        1e-6,
    );
}

#[test]
fn irr_of_the_tiny_site_solves_its_own_present_value() {
    // −, −, + … +: one sign change, a negative rate; check PV is 0 at it.
    let r = eval(&tiny());
    let irr = r.incremental_irr_pct.expect("one sign change");
    assert!(irr < 0.0 && irr > -99.0, "{irr}");
    let i_m = (1.0 + irr / 100.0).powf(1.0 / 12.0) - 1.0;
    let mut pv = 0.0;
    let mut scale = 0.0;
    for (m, row) in r.monthly.iter().enumerate() {
        let d = row.convert_cash_usd - row.keep_mining_cash_usd;
        let f = (1.0 + i_m).powi(m as i32 + 1);
        pv += d / f;
        scale += d.abs() / f;
    }
    assert!(pv.abs() <= 1e-9 * scale, "PV at the IRR: {pv}");
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

#[test]
fn one_error_per_broken_field() {
    let table: &[(&str, &str)] = &[
        (r#"{"hpc":{"design_pue":0.8}}"#, "hpc.design_pue: must be between 1 and 3, got 0.8"),
        (r#"{"hpc":{"operating_pue":3.1}}"#, "hpc.operating_pue: must be between 1 and 3, got 3.1"),
        // A version-1 file's one PUE is named as it wrote it.
        (r#"{"schema_version":1,"hpc":{"pue":0.8}}"#, "hpc.pue: must be between 1 and 3, got 0.8"),
        (
            r#"{"hpc":{"pue":1.2}}"#,
            "hpc.pue: replaced in version 2 by hpc.design_pue (grid MW reserved per MW of IT) and \
             hpc.operating_pue (energy billed per unit of IT energy); give those, or write \
             \"schema_version\": 1 for a version-1 scenario",
        ),
        (
            r#"{"schema_version":1,"tax":{"rate_pct":21}}"#,
            "tax.rate_pct: is new in version 2 of the format; this file says \"schema_version\": 1 \
             (write 2 to use it)",
        ),
        (
            r#"{"mining":{"opex_escalator_pct_per_year":-100}}"#,
            "mining.opex_escalator_pct_per_year: must be greater than -100 and at most 100, got -100",
        ),
        (
            r#"{"mining":{"fleet_resale_usd_per_th":1001}}"#,
            "mining.fleet_resale_usd_per_th: must be between 0 and 1,000, got 1,001",
        ),
        (
            r#"{"mining":{"fleet_resale_decline_pct_per_year":101}}"#,
            "mining.fleet_resale_decline_pct_per_year: must be between 0 and 100, got 101",
        ),
        (
            r#"{"hpc":{"capex_contingency_pct":201}}"#,
            "hpc.capex_contingency_pct: must be between 0 and 200, got 201",
        ),
        (r#"{"hpc":{"site_capex_usd":-1}}"#, "hpc.site_capex_usd: must be at least 0, got -1"),
        (
            r#"{"hpc":{"opex_escalator_pct_per_year":101}}"#,
            "hpc.opex_escalator_pct_per_year: must be greater than -100 and at most 100, got 101",
        ),
        (
            r#"{"terminal":{"exit_cap_rate_pct":0}}"#,
            "terminal.exit_cap_rate_pct: must be greater than 0 and at most 100, got 0",
        ),
        (
            r#"{"terminal":{"renewal_probability_pct":-5}}"#,
            "terminal.renewal_probability_pct: must be between 0 and 100, got -5",
        ),
        (
            r#"{"terminal":{"downtime_months":121}}"#,
            "terminal.downtime_months: must be a whole number between 0 and 120, got 121",
        ),
        (
            r#"{"terminal":{"refit_pct_of_capex":250}}"#,
            "terminal.refit_pct_of_capex: must be between 0 and 200, got 250",
        ),
        (
            r#"{"terminal":{"keep_mining_site_value_usd_per_mw":-1}}"#,
            "terminal.keep_mining_site_value_usd_per_mw: must be at least 0, got -1",
        ),
        (r#"{"tax":{"rate_pct":100.5}}"#, "tax.rate_pct: must be between 0 and 100, got 100.5"),
        (
            r#"{"tax":{"bonus_depreciation_pct":-1}}"#,
            "tax.bonus_depreciation_pct: must be between 0 and 100, got -1",
        ),
        (
            r#"{"tax":{"depreciation_years":0}}"#,
            "tax.depreciation_years: must be a whole number between 1 and 50, got 0",
        ),
        (
            r#"{"tax":{"depreciation_years":2.5}}"#,
            "tax.depreciation_years: must be a whole number between 1 and 50, got 2.5",
        ),
        (
            r#"{"finance":{"debt_pct_of_capex":120}}"#,
            "finance.debt_pct_of_capex: must be between 0 and 100, got 120",
        ),
        (
            r#"{"finance":{"debt_rate_pct":-1}}"#,
            "finance.debt_rate_pct: must be between 0 and 100, got -1",
        ),
        (
            r#"{"finance":{"debt_tenor_years":31}}"#,
            "finance.debt_tenor_years: must be a whole number between 1 and 30, got 31",
        ),
        (
            r#"{"site":{"grid_capacity_mw":0}}"#,
            "site.grid_capacity_mw: must be greater than 0 and at most 10,000, got 0",
        ),
        (
            r#"{"site":{"grid_capacity_mw":10001}}"#,
            "site.grid_capacity_mw: must be greater than 0 and at most 10,000, got 10,001",
        ),
        (
            r#"{"site":{"energy_price_usd_per_mwh":-1}}"#,
            "site.energy_price_usd_per_mwh: must be between 0 and 2,000, got -1",
        ),
        (
            r#"{"site":{"energy_escalator_pct_per_year":-100}}"#,
            "site.energy_escalator_pct_per_year: must be greater than -100 and at most 100, got -100",
        ),
        (
            r#"{"mining":{"efficiency_j_per_th":0}}"#,
            "mining.efficiency_j_per_th: must be greater than 0 and at most 500, got 0",
        ),
        (r#"{"mining":{"pue":3.5}}"#, "mining.pue: must be between 1 and 3, got 3.5"),
        (r#"{"mining":{"uptime_pct":101}}"#, "mining.uptime_pct: must be between 0 and 100, got 101"),
        (
            r#"{"mining":{"hashprice_usd_per_ph_day":100001}}"#,
            "mining.hashprice_usd_per_ph_day: must be between 0 and 100,000, got 100,001",
        ),
        (
            r#"{"mining":{"hashprice_drift_pct_per_year":1000.5}}"#,
            "mining.hashprice_drift_pct_per_year: must be greater than -100 and at most 1,000, got 1,000.5",
        ),
        (
            r#"{"mining":{"months_to_next_halving":601}}"#,
            "mining.months_to_next_halving: must be a whole number between 0 and 600, got 601",
        ),
        (r#"{"mining":{"pool_fee_pct":-0.5}}"#, "mining.pool_fee_pct: must be between 0 and 100, got -0.5"),
        (
            r#"{"mining":{"opex_usd_per_mw_month":-1}}"#,
            "mining.opex_usd_per_mw_month: must be at least 0, got -1",
        ),
        (r#"{"hpc":{"critical_it_mw":0}}"#, "hpc.critical_it_mw: must be greater than 0, got 0"),
        (
            r#"{"hpc":{"conversion_months":121}}"#,
            "hpc.conversion_months: must be a whole number between 0 and 120, got 121",
        ),
        (
            r#"{"hpc":{"ramp_months":200}}"#,
            "hpc.ramp_months: must be a whole number between 0 and 120, got 200",
        ),
        (r#"{"hpc":{"capex_usd_per_mw":-5}}"#, "hpc.capex_usd_per_mw: must be at least 0, got -5"),
        (
            r#"{"hpc":{"tenant_capex_share_pct":150}}"#,
            "hpc.tenant_capex_share_pct: must be between 0 and 100, got 150",
        ),
        (r#"{"hpc":{"opex_usd_per_mw_month":-1}}"#, "hpc.opex_usd_per_mw_month: must be at least 0, got -1"),
        (r#"{"hpc":{"utilization_pct":-1}}"#, "hpc.utilization_pct: must be between 0 and 100, got -1"),
        (
            r#"{"contract":{"term_years":0}}"#,
            "contract.term_years: must be a whole number between 1 and 30, got 0",
        ),
        (
            r#"{"contract":{"term_years":31}}"#,
            "contract.term_years: must be a whole number between 1 and 30, got 31",
        ),
        (
            r#"{"contract":{"rate_usd_per_kw_month":10001}}"#,
            "contract.rate_usd_per_kw_month: must be between 0 and 10,000, got 10,001",
        ),
        (
            r#"{"contract":{"escalator_pct_per_year":-101}}"#,
            "contract.escalator_pct_per_year: must be greater than -100 and at most 100, got -101",
        ),
        (
            r#"{"greenfield":{"build_months":[36,241]}}"#,
            "greenfield.build_months[1]: must be a whole number between 0 and 240, got 241",
        ),
        (
            r#"{"tenant":{"compute_value_usd_per_mw_month":-1}}"#,
            "tenant.compute_value_usd_per_mw_month: must be at least 0, got -1",
        ),
        (
            r#"{"finance":{"discount_rate_pct":-100}}"#,
            "finance.discount_rate_pct: must be greater than -100 and at most 1,000, got -100",
        ),
        (
            r#"{"finance":{"discount_rate_pct":1001}}"#,
            "finance.discount_rate_pct: must be greater than -100 and at most 1,000, got 1,001",
        ),
        (
            r#"{"sensitivity":{"energy_usd_per_mwh":[-1,120,21]}}"#,
            "sensitivity.energy_usd_per_mwh[0]: must be between 0 and 2,000, got -1",
        ),
        (
            r#"{"sensitivity":{"energy_usd_per_mwh":[20,2001,21]}}"#,
            "sensitivity.energy_usd_per_mwh[1]: must be between 0 and 2,000, got 2,001",
        ),
        (
            r#"{"sensitivity":{"energy_usd_per_mwh":[20,120,1]}}"#,
            "sensitivity.energy_usd_per_mwh[2]: must be a whole number between 2 and 1,001, got 1",
        ),
        (
            r#"{"sensitivity":{"energy_usd_per_mwh":[20,120,1002]}}"#,
            "sensitivity.energy_usd_per_mwh[2]: must be a whole number between 2 and 1,001, got 1,002",
        ),
    ];
    for (json, want) in table {
        assert_eq!(json_errors(json), vec![(*want).to_owned()], "{json}");
    }
}

#[test]
fn the_edges_of_the_ranges_are_valid() {
    let ok = [
        r#"{"site":{"grid_capacity_mw":10000,"energy_price_usd_per_mwh":2000}}"#,
        r#"{"site":{"energy_price_usd_per_mwh":0,"energy_escalator_pct_per_year":-99.9}}"#,
        r#"{"mining":{"pue":3,"uptime_pct":0,"pool_fee_pct":100,"hashprice_usd_per_ph_day":100000}}"#,
        r#"{"mining":{"months_to_next_halving":600,"hashprice_drift_pct_per_year":1000}}"#,
        r#"{"mining":{"months_to_next_halving":null}}"#,
        r#"{"hpc":{"design_pue":3,"operating_pue":1,"conversion_months":120,"ramp_months":120,"tenant_capex_share_pct":100}}"#,
        r#"{"schema_version":1,"hpc":{"pue":3}}"#,
        r#"{"mining":{"fleet_resale_usd_per_th":1000,"fleet_resale_decline_pct_per_year":100,"opex_escalator_pct_per_year":100}}"#,
        r#"{"hpc":{"capex_contingency_pct":200,"opex_escalator_pct_per_year":-99.9,"site_capex_usd":1e9}}"#,
        r#"{"terminal":{"exit_cap_rate_pct":100,"renewal_probability_pct":0,"downtime_months":120,"refit_pct_of_capex":200}}"#,
        r#"{"terminal":{"exit_cap_rate_pct":null}}"#,
        r#"{"tax":{"rate_pct":100,"bonus_depreciation_pct":0,"depreciation_years":50}}"#,
        r#"{"tax":{"rate_pct":0,"bonus_depreciation_pct":100,"depreciation_years":1}}"#,
        r#"{"finance":{"debt_pct_of_capex":100,"debt_rate_pct":100,"debt_tenor_years":30}}"#,
        r#"{"finance":{"debt_pct_of_capex":100,"debt_rate_pct":0,"debt_tenor_years":1}}"#,
        r#"{"contract":{"term_years":30,"rate_usd_per_kw_month":10000,"escalator_pct_per_year":100}}"#,
        r#"{"greenfield":{"build_months":[0,240,1,2,3]}}"#,
        r#"{"finance":{"discount_rate_pct":1000}}"#,
        r#"{"sensitivity":{"energy_usd_per_mwh":[0,2000,1001]}}"#,
        r#"{"sensitivity":{"energy_usd_per_mwh":[1999.99,2000,2]}}"#,
    ];
    for json in ok {
        if let Err(e) = evaluate_json(json) {
            panic!("{json} refused:\n{e}");
        }
    }
}

#[test]
fn several_broken_fields_at_once() {
    let got = json_errors(
        r#"{"site":{"grid_capacity_mw":-1},"hpc":{"design_pue":0.8},"contract":{"term_years":0},
            "finance":{"discount_rate_pct":-150}}"#,
    );
    assert_eq!(
        got,
        vec![
            "site.grid_capacity_mw: must be greater than 0 and at most 10,000, got -1",
            "hpc.design_pue: must be between 1 and 3, got 0.8",
            "contract.term_years: must be a whole number between 1 and 30, got 0",
            "finance.discount_rate_pct: must be greater than -100 and at most 1,000, got -150",
        ]
    );
}

#[test]
fn critical_it_needing_more_grid_than_the_site() {
    // 90 MW × 1.25 = 112.5 MW > 100 MW; at most 100 / 1.25 = 80 MW fit.
    let got = json_errors(r#"{"hpc":{"critical_it_mw":90,"design_pue":1.25}}"#);
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("hpc.critical_it_mw: "), "{}", got[0]);
    for part in ["112.5 MW", "site.grid_capacity_mw 100", "at most 80 MW"] {
        assert!(got[0].contains(part), "{} lacks {part}", got[0]);
    }
    // Exactly the whole site fits, and so does a relative 1e-9 over it…
    assert!(evaluate_json(r#"{"hpc":{"critical_it_mw":80,"design_pue":1.25}}"#).is_ok());
    assert!(evaluate_json(r#"{"hpc":{"critical_it_mw":80.00000001,"design_pue":1.25}}"#).is_ok());
    // …but not 1e-6 over.
    assert!(evaluate_json(r#"{"hpc":{"critical_it_mw":80.0001,"design_pue":1.25}}"#).is_err());
    // The operating PUE bills power; it does not size the halls.
    assert!(
        evaluate_json(r#"{"hpc":{"critical_it_mw":80,"design_pue":1.25,"operating_pue":3}}"#)
            .is_ok()
    );
    // Null means the whole site: 100 / 1.25 = 80 MW, nothing left to mine.
    let r = evaluate_json(r#"{"hpc":{"critical_it_mw":null,"design_pue":1.25}}"#).expect("valid");
    assert_eq!(r.derived.critical_it_mw, 80.0);
    assert_eq!(r.derived.convert_mining_mw, 0.0);
}

#[test]
fn sweep_min_not_below_max() {
    for json in [
        r#"{"sensitivity":{"energy_usd_per_mwh":[120,120,5]}}"#,
        r#"{"sensitivity":{"energy_usd_per_mwh":[130,120,5]}}"#,
    ] {
        let got = json_errors(json);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("sensitivity.energy_usd_per_mwh[1]: "),
            "{}",
            got[0]
        );
        assert!(got[0].contains("greater than the lowest"), "{}", got[0]);
    }
}

#[test]
fn zero_or_six_baselines() {
    assert_eq!(
        json_errors(r#"{"greenfield":{"build_months":[]}}"#),
        vec!["greenfield.build_months: must list 1 to 5 baselines in months, got 0"]
    );
    assert_eq!(
        json_errors(r#"{"greenfield":{"build_months":[1,2,3,4,5,6]}}"#),
        vec!["greenfield.build_months: must list 1 to 5 baselines in months, got 6"]
    );
}

#[test]
fn whole_number_fields_given_fractions() {
    let table = [
        (
            r#"{"hpc":{"conversion_months":12.5}}"#,
            "hpc.conversion_months: must be a whole number between 0 and 120, got 12.5",
        ),
        (
            r#"{"hpc":{"ramp_months":12.5}}"#,
            "hpc.ramp_months: must be a whole number between 0 and 120, got 12.5",
        ),
        (
            r#"{"contract":{"term_years":12.5}}"#,
            "contract.term_years: must be a whole number between 1 and 30, got 12.5",
        ),
        (
            r#"{"mining":{"months_to_next_halving":12.5}}"#,
            "mining.months_to_next_halving: must be a whole number between 0 and 600, got 12.5",
        ),
        (
            r#"{"greenfield":{"build_months":[36,12.5]}}"#,
            "greenfield.build_months[1]: must be a whole number between 0 and 240, got 12.5",
        ),
        (
            r#"{"sensitivity":{"energy_usd_per_mwh":[20,120,12.5]}}"#,
            "sensitivity.energy_usd_per_mwh[2]: must be a whole number between 2 and 1,001, got 12.5",
        ),
        // Negative and huge counts name the field's range too.
        (
            r#"{"mining":{"months_to_next_halving":-1}}"#,
            "mining.months_to_next_halving: must be a whole number between 0 and 600, got -1",
        ),
        (
            r#"{"hpc":{"conversion_months":1e10}}"#,
            "hpc.conversion_months: must be a whole number between 0 and 120, got 10,000,000,000",
        ),
    ];
    for (json, want) in table {
        let got = json_errors(json);
        assert_eq!(got.len(), 1, "{json}: {got:?}");
        assert!(got[0] == want, "{json}:\n got  {}\n want {want}", got[0]);
    }
    // 12.0 is a whole number.
    let r = evaluate_json(r#"{"hpc":{"conversion_months":12.0}}"#).expect("12.0 is whole");
    assert_eq!(r.derived.conversion_months, 12);
}

#[test]
fn schema_versions_one_and_two_only() {
    for (json, want) in [
        (
            r#"{"schema_version":3}"#,
            "schema_version: must be 1 or 2 (the versions of the format this build reads), got 3",
        ),
        (
            r#"{"schema_version":0}"#,
            "schema_version: must be 1 or 2 (the versions of the format this build reads), got 0",
        ),
        (
            r#"{"schema_version":"2"}"#,
            "schema_version: must be 1 or 2, got \"2\"",
        ),
    ] {
        assert_eq!(json_errors(json), vec![want.to_owned()], "{json}");
    }
    let v1 = evaluate_json(r#"{"schema_version":1}"#).expect("version 1");
    let v2 = evaluate_json(r#"{"schema_version":2}"#).expect("version 2");
    let none = evaluate_json("{}").expect("no version");
    assert_eq!((v1.input_schema_version, v1.schema_version), (1, 2));
    assert_eq!((v2.input_schema_version, none.input_schema_version), (2, 2));
    assert_eq!(
        v2, none,
        "a file without schema_version is read as version 2"
    );
    assert_eq!(v1, eval(&v1_defaults()));
}

#[test]
fn unknown_fields_are_named_by_their_path() {
    let got = json_errors(r#"{"site":{"grid_capcity":1}}"#);
    assert_eq!(got.len(), 1);
    assert!(
        got[0].starts_with("site.grid_capcity: unknown field"),
        "{}",
        got[0]
    );
    assert!(
        got[0].contains("grid_capacity_mw"),
        "lists the known names: {}",
        got[0]
    );
    let got = json_errors(r#"{"grid":1}"#);
    assert!(got[0].starts_with("grid: unknown field"), "{}", got[0]);
    let got = json_errors(r#"{"hpc":{"design_pue":1.2,"critical_mw":5}}"#);
    assert!(
        got[0].starts_with("hpc.critical_mw: unknown field"),
        "{}",
        got[0]
    );
    // A key is named on one line, as a message quotes a text: control
    // characters, quotes and backslashes escaped, cut to 60 characters.
    let table = [
        (r#"{"co\ntract":{}}"#, r"co\ntract: unknown field"),
        (
            r#"{"site":{"a\"b\\c\td":1}}"#,
            r#"site.a\"b\\c\td: unknown field"#,
        ),
        (r#"{"x\u0001":1}"#, r"x\u{0001}: unknown field"),
    ];
    for (text, start) in table {
        let got = json_errors(text);
        assert_eq!(got.len(), 1, "{text}");
        assert!(got[0].starts_with(start), "{text}: {}", got[0]);
        assert!(!got[0].contains(['\n', '\r', '\t']), "{text}: {}", got[0]);
    }
    let long = "k".repeat(100);
    let got = json_errors(&format!(r#"{{"{long}":1}}"#));
    let cut = format!("{}…: unknown field", &long[..60]);
    assert!(got[0].starts_with(&cut), "{}", got[0]);
}

#[test]
fn wrong_types_name_the_path() {
    let table = [
        (
            r#"{"site":{"grid_capacity_mw":"100"}}"#,
            "site.grid_capacity_mw: invalid type",
        ),
        (
            r#"{"mining":{"curtail_when_unprofitable":1}}"#,
            "mining.curtail_when_unprofitable: invalid type",
        ),
        (
            r#"{"contract":{"power_pass_through":"yes"}}"#,
            "contract.power_pass_through: invalid type",
        ),
        (
            r#"{"greenfield":{"build_months":36}}"#,
            "greenfield.build_months: invalid type",
        ),
        (r#"{"site":null}"#, "site: invalid type"),
        (r#"{"site":5}"#, "site: invalid type"),
        // A group or the document as an array is not a list of values in field order.
        (r#"{"site":[200,45,2]}"#, "site: invalid type"),
        (r#"[1]"#, "scenario: invalid type"),
        (r#"[]"#, "scenario: invalid type"),
        (r#""hello""#, "scenario: invalid type"),
        (
            r#"{"sensitivity":{"energy_usd_per_mwh":[20,120]}}"#,
            "sensitivity.energy_usd_per_mwh: invalid length",
        ),
        (
            r#"{"site":{"grid_capacity_mw":1e999}}"#,
            "site.grid_capacity_mw: number out of range",
        ),
    ];
    for (json, want) in table {
        let got = json_errors(json);
        assert_eq!(got.len(), 1, "{json}: {got:?}");
        assert!(
            got[0].starts_with(want),
            "{json}:\n got  {}\n want {want}…",
            got[0]
        );
    }
    // Not JSON at all.
    let got = json_errors("{site:");
    assert!(got[0].starts_with("scenario: "), "{}", got[0]);
    let got = json_errors("");
    assert!(got[0].starts_with("scenario: "), "{}", got[0]);
}

#[test]
fn not_finite_numbers_are_refused() {
    // JSON cannot carry NaN: through the form's text…
    let mut s = v1_defaults();
    for text in ["NaN", "nan", "inf", "-inf", "infinity", "1e400"] {
        let e = Field::SiteEnergyPrice
            .set_text(&mut s, text)
            .expect_err(text);
        assert_eq!(
            e.to_string(),
            "site.energy_price_usd_per_mwh: must be a finite number",
            "{text}"
        );
    }
    let e = Field::HpcCriticalIt
        .set_text(&mut s, "NaN")
        .expect_err("NaN");
    assert!(
        matches!(
            e,
            ScenarioError::NotFinite {
                field: Field::HpcCriticalIt
            }
        ),
        "{e:?}"
    );
    // …and a scenario value holding one is refused by validation too.
    let mut s = v1_defaults();
    s.site.grid_capacity_mw = f64::NAN;
    s.finance.discount_rate_pct = f64::INFINITY;
    s.hpc.critical_it_mw = Some(f64::NEG_INFINITY);
    s.sensitivity.energy_usd_per_mwh.max = f64::NAN;
    assert_eq!(
        errors(&s),
        vec![
            "site.grid_capacity_mw: must be a finite number",
            "hpc.critical_it_mw: must be a finite number",
            "finance.discount_rate_pct: must be a finite number",
            "sensitivity.energy_usd_per_mwh[1]: must be a finite number",
        ]
    );
    assert!(evaluate(&s).is_err());
}

#[test]
fn extreme_inputs_are_not_representable_rather_than_nan() {
    // A discount rate a hair above −100 % over a 30-year term and a 240-month
    // baseline: the discount factors reach 1e-10^(−600/12) = 1e500.
    let mut s = v1_defaults();
    s.finance.discount_rate_pct = -99.999_999_99;
    s.contract.term_years = 30;
    s.greenfield.build_months = vec![240];
    let e = evaluate(&s).expect_err("overflows");
    assert!(
        e.iter()
            .all(|x| matches!(x, ScenarioError::NotRepresentable { field: Some(_), .. })),
        "{e:?}"
    );
    // Each input that, put back alone, makes it computable is named: only
    // the rate here (a 12-year term still meets the 240-month baseline).
    let named: Vec<Field> = e.iter().filter_map(ScenarioError::field).collect();
    assert_eq!(named, vec![Field::FinanceDiscountRate]);
    assert!(
        e.to_string().contains(
            "finance.discount_rate_pct: too extreme to compute with the other inputs as they are (the contract revenue's NPV would overflow)"
        ),
        "{e}"
    );
    // Money near the top of the floating-point range: only the opex is named.
    let mut s = v1_defaults();
    s.hpc.opex_usd_per_mw_month = 1e306;
    let e = evaluate(&s).expect_err("overflows");
    let named: Vec<Field> = e.iter().filter_map(ScenarioError::field).collect();
    assert_eq!(named, vec![Field::HpcOpex], "{e}");
    // Two extreme inputs that each overflow alone: resetting either one is
    // not enough, so the scenario as a whole is named.
    s.mining.opex_usd_per_mw_month = 1e306;
    s.site.grid_capacity_mw = 10_000.0;
    let e = evaluate(&s).expect_err("overflows");
    assert!(
        matches!(
            e.0[..],
            [ScenarioError::NotRepresentable { field: None, .. }]
        ),
        "{e:?}"
    );
    assert!(e.to_string().starts_with("scenario: "), "{e}");
}

// ---------------------------------------------------------------------------
// Text typed into a form
// ---------------------------------------------------------------------------

#[test]
fn set_text_on_half_typed_input() {
    let mut s = v1_defaults();
    // "1." is one.
    Field::SiteGridCapacity.set_text(&mut s, "1.").expect("1.");
    assert_eq!(s.site.grid_capacity_mw, 1.0);
    // exponent, thousands commas, a dollar sign, spaces, a percent sign
    Field::SiteGridCapacity
        .set_text(&mut s, "1e3")
        .expect("1e3");
    assert_eq!(s.site.grid_capacity_mw, 1000.0);
    Field::HpcCapex
        .set_text(&mut s, "7,000,000")
        .expect("7,000,000");
    assert_eq!(s.hpc.capex_usd_per_mw, 7_000_000.0);
    Field::SiteEnergyPrice.set_text(&mut s, "$45").expect("$45");
    assert_eq!(s.site.energy_price_usd_per_mwh, 45.0);
    Field::MiningUptime
        .set_text(&mut s, " 95 % ")
        .expect("95 %");
    assert_eq!(s.mining.uptime_pct, 95.0);
    Field::FinanceDiscountRate
        .set_text(&mut s, "\u{2212}5")
        .expect("minus sign");
    assert_eq!(s.finance.discount_rate_pct, -5.0);

    // Empty, a lone minus, letters.
    let before = s.clone();
    let e = Field::SiteGridCapacity
        .set_text(&mut s, "")
        .expect_err("empty");
    assert_eq!(e.to_string(), "site.grid_capacity_mw: must not be empty");
    let e = Field::SiteGridCapacity
        .set_text(&mut s, "   ")
        .expect_err("blank");
    assert!(matches!(e, ScenarioError::Empty { .. }));
    let e = Field::SiteGridCapacity
        .set_text(&mut s, "-")
        .expect_err("-");
    assert_eq!(
        e.to_string(),
        "site.grid_capacity_mw: must be a number, got \"-\""
    );
    let e = Field::SiteGridCapacity
        .set_text(&mut s, "12abc")
        .expect_err("12abc");
    assert!(matches!(e, ScenarioError::NotANumber { .. }));
    assert_eq!(s, before, "a failed read changes nothing");

    // A fraction for a whole-number field.
    let e = Field::HpcConversionMonths
        .set_text(&mut s, "12.5")
        .expect_err("12.5");
    assert_eq!(
        e.to_string(),
        "hpc.conversion_months: must be a whole number between 0 and 120, got 12.5"
    );
    Field::HpcConversionMonths
        .set_text(&mut s, "24")
        .expect("24");
    assert_eq!(s.hpc.conversion_months, 24);
    let e = Field::ContractTerm.set_text(&mut s, "-1").expect_err("-1");
    assert!(
        matches!(
            e,
            ScenarioError::OutOfRange {
                field: Field::ContractTerm,
                ..
            }
        ),
        "{e:?}"
    );

    // Optional fields left empty.
    Field::HpcCriticalIt.set_text(&mut s, "50").expect("50");
    assert_eq!(s.hpc.critical_it_mw, Some(50.0));
    Field::HpcCriticalIt
        .set_text(&mut s, "")
        .expect("empty means the whole site");
    assert_eq!(s.hpc.critical_it_mw, None);
    // whole site: 1000 MW of grid / 1.25 = 800 MW
    assert_eq!(s.critical_it_mw(), 800.0);
    Field::MiningHalving
        .set_text(&mut s, " ")
        .expect("empty means no halvings");
    assert_eq!(s.mining.months_to_next_halving, None);
    Field::MiningHalving.set_text(&mut s, "0").expect("0");
    assert_eq!(s.mining.months_to_next_halving, Some(0));
    let e = Field::MiningHalving
        .set_text(&mut s, "1.5")
        .expect_err("1.5");
    assert!(matches!(e, ScenarioError::NotWhole { .. }), "{e:?}");

    // Lists and switches.
    Field::GreenfieldBuildMonths
        .set_text(&mut s, "36, 48;60 72")
        .expect("list");
    assert_eq!(s.greenfield.build_months, vec![36, 48, 60, 72]);
    let e = Field::GreenfieldBuildMonths
        .set_text(&mut s, "36, x")
        .expect_err("x");
    assert!(
        e.to_string().starts_with("greenfield.build_months: "),
        "{e}"
    );
    let e = Field::GreenfieldBuildMonths
        .set_text(&mut s, "36, 4.5")
        .expect_err("4.5");
    assert!(
        e.to_string().starts_with("greenfield.build_months[1]: "),
        "{e}"
    );
    Field::ContractPassThrough
        .set_text(&mut s, "off")
        .expect("off");
    assert!(!s.contract.power_pass_through);
    Field::ContractPassThrough
        .set_text(&mut s, "true")
        .expect("true");
    assert!(s.contract.power_pass_through);
    assert!(Field::ContractPassThrough
        .set_text(&mut s, "maybe")
        .is_err());
}

#[test]
fn field_text_round_trips_the_defaults() {
    let d = Scenario::default();
    let texts: Vec<(Field, String)> = Field::ALL.iter().map(|&f| (f, f.text(&d))).collect();
    let text_of = |f: Field| -> &str {
        texts
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    };
    assert_eq!(scenario_from_texts(text_of), Ok(d.clone()));
    // Every path names a field and back.
    for &f in Field::ALL {
        assert_eq!(Field::from_path(f.path()), Some(f));
    }
    assert_eq!(
        Field::from_path("greenfield.build_months[3]"),
        Some(Field::GreenfieldBuildMonths)
    );
    assert_eq!(Field::from_path("site.grid_capcity"), None);
}

#[test]
fn scenario_from_texts_on_a_half_typed_form() {
    let d = v1_defaults();
    let texts: Vec<(Field, String)> = Field::ALL
        .iter()
        .map(|&f| {
            let t = match f {
                Field::SiteGridCapacity => "1,000".to_owned(),
                Field::HpcCriticalIt | Field::MiningHalving => String::new(),
                Field::SiteEnergyPrice => "$40".to_owned(),
                _ => f.text(&d),
            };
            (f, t)
        })
        .collect();
    let text_of = |f: Field| -> &str {
        texts
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    };
    let s = scenario_from_texts(text_of).expect("valid");
    assert_eq!(s.site.grid_capacity_mw, 1000.0);
    assert_eq!(s.site.energy_price_usd_per_mwh, 40.0);
    assert_eq!(s.hpc.critical_it_mw, None);
    assert_eq!(s.mining.months_to_next_halving, None);
    // The whole site: 1000 / 1.25 = 800 MW.
    assert_eq!(eval(&s).derived.critical_it_mw, 800.0);

    // Broken texts: each named once, plus range errors of the fields that read.
    let broken: Vec<(Field, String)> = Field::ALL
        .iter()
        .map(|&f| {
            let t = match f {
                Field::SiteGridCapacity => "-".to_owned(),
                Field::HpcConversionMonths => "12.5".to_owned(),
                Field::HpcDesignPue => "0.8".to_owned(),
                Field::FinanceDiscountRate => String::new(),
                _ => f.text(&d),
            };
            (f, t)
        })
        .collect();
    let text_of = |f: Field| -> &str {
        broken
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    };
    let errs: Vec<String> = match scenario_from_texts(text_of) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(
        errs,
        vec![
            "site.grid_capacity_mw: must be a number, got \"-\"",
            "hpc.conversion_months: must be a whole number between 0 and 120, got 12.5",
            "finance.discount_rate_pct: must not be empty",
            "hpc.design_pue: must be between 1 and 3, got 0.8",
        ]
    );
}

#[test]
fn defaults_evaluate_to_sensible_numbers() {
    // The default scenario: 100 MW / 1.25 = 80 MW; 12-year term at $140
    // escalating 3 %, ramp 12 months.
    let r = eval(&v1_defaults());
    assert_eq!(r.derived.critical_it_mw, 80.0);
    assert_eq!(r.monthly.len(), 12 + 144);
    assert_eq!(r.contract_annual_revenue_usd.len(), 12);
    // year 1: Σ_{k<12} 80 (k+1)/12 × 1000 × 140 = 80 × 6.5 × 140,000 = 72,800,000
    close(
        "year 1",
        r.contract_annual_revenue_usd[0],
        72_800_000.0,
        1e-3,
    );
    // year 2: 80 × 12 × 140,000 × 1.03 = 138,432,000
    close(
        "year 2",
        r.contract_annual_revenue_usd[1],
        138_432_000.0,
        1e-3,
    );
    // mining break-even: h(0) = 40 (halving at 17), 40 × DAYS × 0.98 × 1000 / (22 × 1.1 × 730)
    //   = 1,192,333.33 / 17,666 = 67.49
    close(
        "breakeven",
        r.mining_breakeven_usd_per_mwh,
        40.0 * DAYS * 0.98 * 1000.0 / 17_666.0,
        1e-9,
    );
    close(
        "breakeven value",
        r.mining_breakeven_usd_per_mwh,
        67.493,
        1e-3,
    );
    // Baselines 36, 48, 60 → 24, 36, 48 months saved.
    let saved: Vec<u32> = r.build_time.iter().map(|b| b.months_saved).collect();
    assert_eq!(saved, vec![24, 36, 48]);
    // mw-months for 24 months saved: 80 × (6.5 + 12) = 1,480
    close(
        "mw-months 36",
        r.build_time[0].mw_months_gained,
        1_480.0,
        1e-9,
    );
}
