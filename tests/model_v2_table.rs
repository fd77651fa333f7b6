//! Hand-worked tables for each mechanism version 2 of the model adds
//! (docs/MODEL.md): losses carried forward, per-tranche terms, the terminal
//! value, level debt payments, retirement at a halving, and break-evens whose
//! roots are known in closed form. The arithmetic is written next to each
//! expected value.
//!
//! The base is a two-megawatt site at a 0 % discount rate, so present values
//! are plain sums. Per grid MW and month (mining PUE 1, 25 J/TH, uptime
//! 100 %, no pool fee, hashprice $50, no drift, no halvings):
//!   hashrate = 1000 / 25 = 40 PH/s
//!   revenue  = 40 × 50 × 365/12 = 60,833.33
//!   energy   = 730 × $50 = 36,500; opex 1,000
//!   cash x   = 23,333.33
//! HPC: C = 1 MW at design PUE 1, so 1 MW keeps mining on the convert path.
//! c = 2, R = 3, term 1 year (N = 12, H = 14); D = 1/3, 2/3, then 1:
//! Σ D = 11 MW-months; rent $100/kW-month → 33,333.33, 66,666.67, 100,000 × 10;
//! HPC opex $10,000 per MW-month; capex $1.2M in months 0 and 1.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use repower::model::{evaluate, BridgeStep, Evaluation, Scenario};

const X: f64 = 60_833.333_333_333_33 - 36_500.0 - 1_000.0;

#[track_caller]
fn close(what: &str, got: f64, want: f64, tol: f64) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got}, want {want} (tolerance {tol})"
    );
}

#[track_caller]
fn eval(s: &Scenario) -> Evaluation {
    evaluate(s).unwrap_or_else(|e| panic!("refused:\n{e}"))
}

fn tiny() -> Scenario {
    let mut s = Scenario::default();
    s.site.grid_capacity_mw = 2.0;
    s.site.energy_price_usd_per_mwh = 50.0;
    s.site.energy_escalator_pct_per_year = 0.0;
    let m = &mut s.mining;
    m.efficiency_j_per_th = 25.0;
    m.pue = 1.0;
    m.uptime_pct = 100.0;
    m.hashprice_usd_per_ph_day = 50.0;
    m.hashprice_drift_pct_per_year = 0.0;
    m.months_to_next_halving = None;
    m.pool_fee_pct = 0.0;
    m.opex_usd_per_mw_month = 1_000.0;
    m.opex_escalator_pct_per_year = 0.0;
    m.curtail_when_unprofitable = false;
    m.retire_when_unprofitable = false;
    m.fleet_resale_usd_per_th = 0.0;
    m.fleet_resale_decline_pct_per_year = 0.0;
    let h = &mut s.hpc;
    h.critical_it_mw = Some(1.0);
    h.design_pue = 1.0;
    h.operating_pue = 1.0;
    h.conversion_months = 2;
    h.ramp_months = 3;
    h.capex_usd_per_mw = 1_200_000.0;
    h.capex_contingency_pct = 0.0;
    h.site_capex_usd = 0.0;
    h.tenant_capex_share_pct = 0.0;
    h.opex_usd_per_mw_month = 10_000.0;
    h.opex_escalator_pct_per_year = 0.0;
    s.contract.term_years = 1;
    s.contract.rate_usd_per_kw_month = 100.0;
    s.contract.escalator_pct_per_year = 0.0;
    s.contract.power_pass_through = true;
    s.contract.term_per_tranche = false;
    s.terminal.exit_cap_rate_pct = None;
    s.tax.rate_pct = 0.0;
    s.finance.discount_rate_pct = 0.0;
    s.finance.debt_pct_of_capex = 0.0;
    s.greenfield.build_months = vec![36];
    s
}

#[test]
fn the_base_adds_up_by_hand() {
    let r = eval(&tiny());
    // Keep: 14 months × 2 MW × x. Convert: 1 MW mining, rent 1.1M, opex
    // 110k, capex 1.2M.
    close("keep", r.keep_mining_npv_usd, 28.0 * X, 1e-6);
    close(
        "convert",
        r.convert_npv_usd,
        14.0 * X + 1_100_000.0 - 110_000.0 - 1_200_000.0,
        1e-6,
    );
    close(
        "levelized rent",
        r.levelized_rent_usd_per_kw_month,
        100.0,
        1e-9,
    );
    // NOI margin (1.1M − 110k) / 1.1M = 90 %.
    close("NOI margin", r.hpc_noi_margin_pct.unwrap(), 90.0, 1e-9);
    assert_eq!(r.terminal_value_usd, 0.0);
    assert_eq!(r.mining_retirement_month, None);
    assert_eq!((r.keep_mining_tax_usd, r.convert_tax_usd), (0.0, 0.0));
    assert_eq!(
        (r.debt_usd, r.equity_irr_pct, r.min_dscr),
        (None, None, None)
    );
}

#[test]
fn a_loss_carried_forward_then_used() {
    // Tax 50 %, all capex deducted when spent (bonus 100 %).
    let mut s = tiny();
    s.tax.rate_pct = 50.0;
    s.tax.bonus_depreciation_pct = 100.0;
    let r = eval(&s);
    // Convert, months 0 and 1: x − 600,000 = −576,666.67 each: pool 1,153,333.33.
    // Month 2: x + 30,000 (rent − opex); month 3: x + 60,000; then x + 90,000.
    // Through month 11: 53,333.33 + 83,333.33 + 8 × 113,333.33 = 1,043,333.33,
    // so 110,000 is left in the pool for month 12: taxed 113,333.33 − 110,000.
    let taxes: Vec<f64> = r.monthly.iter().map(|m| m.convert_tax_usd).collect();
    for (m, t) in taxes.iter().enumerate().take(12) {
        assert_eq!(*t, 0.0, "month {m} pays nothing while the pool lasts");
    }
    close(
        "month 12",
        taxes[12],
        0.5 * (X + 90_000.0 - 110_000.0),
        1e-6,
    );
    close("month 13", taxes[13], 0.5 * (X + 90_000.0), 1e-6);
    // In all: half of (14x + 990,000 − 1,200,000).
    close(
        "convert tax",
        r.convert_tax_usd,
        0.5 * (14.0 * X + 990_000.0 - 1_200_000.0),
        1e-6,
    );
    // Keep mining is profitable every month: half of 2x each month.
    for m in &r.monthly {
        close("keep tax", m.keep_mining_tax_usd, X, 1e-6);
    }
    // The bridge's tax step is keep's tax minus convert's (0 % discount).
    close(
        "bridge tax",
        r.bridge(BridgeStep::Tax),
        r.keep_mining_tax_usd - r.convert_tax_usd,
        1e-6,
    );
}

#[test]
fn per_tranche_span_with_a_ramp_longer_than_the_term() {
    // T = 12, R = 18: N = 12 + 17 = 29 contract months, 3 contract years.
    let mut s = tiny();
    s.hpc.ramp_months = 18;
    s.contract.term_per_tranche = true;
    let r = eval(&s);
    assert_eq!(r.derived.contract_months, 29);
    assert_eq!(r.monthly.len(), 2 + 29);
    // L(k) = (k+1)/18 for k < 12; 12/18 for k = 12…17; (29−k)/18 for 18…28.
    let leased: Vec<f64> = r.monthly[2..]
        .iter()
        .map(|m| m.leased_critical_mw)
        .collect();
    for (k, l) in leased.iter().enumerate() {
        let want = match k {
            0..=11 => (k + 1) as f64 / 18.0,
            12..=17 => 12.0 / 18.0,
            _ => (29 - k) as f64 / 18.0,
        };
        close(&format!("L({k})"), *l, want, 1e-12);
    }
    // Each MW is leased exactly 12 months: Σ L = 12 MW-months, rent 1.2M.
    close("total", r.contract_total_revenue_usd, 1_200_000.0, 1e-6);
    close("levelized", r.levelized_rent_usd_per_kw_month, 100.0, 1e-9);
    // Years: 78/18, 4 + 51/18, 15/18 (× 100,000).
    let want = [78.0 / 18.0, 4.0 + 51.0 / 18.0, 15.0 / 18.0].map(|x| x * 100_000.0);
    assert_eq!(r.contract_annual_revenue_usd.len(), 3);
    for (got, want) in r.contract_annual_revenue_usd.iter().zip(want) {
        close("year", *got, want, 1e-6);
    }
}

#[test]
fn the_terminal_value_formula() {
    // κ = 10 %, renewal 50 %, 12 months to re-let, refit 25 % of capex.
    let mut s = tiny();
    s.terminal.exit_cap_rate_pct = Some(10.0);
    s.terminal.renewal_probability_pct = 50.0;
    s.terminal.downtime_months = 12;
    s.terminal.refit_pct_of_capex = 25.0;
    s.contract.escalator_pct_per_year = 3.0;
    s.hpc.opex_escalator_pct_per_year = 5.0;
    let r = eval(&s);
    // NOI_next: contract months 12…23, the second contract year: rent
    // 103,000, opex 10,500 a month → 12 × 92,500 = 1,110,000.
    // × (0.5 + 0.5 / 1.1) / 0.1 = 9.545454…, − 25 % × 1.2M.
    let multiple = (0.5 + 0.5 / 1.1) / 0.1;
    close(
        "TV",
        r.terminal_value_usd,
        1_110_000.0 * multiple - 300_000.0,
        1e-6,
    );
    assert_eq!(r.monthly[13].month, 13);
    // Stabilised NOI from k = R − 1 = 2: ten months at 90,000, two at 92,500.
    close("stabilised NOI", r.stabilized_noi_usd, 1_085_000.0, 1e-6);
    close("project cost", r.project_cost_usd, 1_200_000.0, 1e-9);
    close(
        "yield on cost",
        r.yield_on_cost_pct.unwrap(),
        1_085_000.0 / 12_000.0,
        1e-9,
    );
    close(
        "value created",
        r.value_created_usd.unwrap(),
        10_850_000.0 - 1_200_000.0,
        1e-6,
    );
    close(
        "per MW",
        r.value_created_per_mw_usd.unwrap(),
        9_650_000.0,
        1e-6,
    );
    // The value after the contract is on the convert side of the bridge.
    close(
        "bridge TV",
        r.bridge(BridgeStep::TerminalValue),
        r.terminal_value_usd,
        1e-6,
    );
    // A refit larger than the value floors it at 0.
    s.terminal.refit_pct_of_capex = 200.0;
    s.terminal.exit_cap_rate_pct = Some(100.0);
    assert_eq!(eval(&s).terminal_value_usd, 0.0);
}

#[test]
fn level_payments_at_zero_percent() {
    // All capex borrowed at 0 %, 1-year tenor: B = 1.2M after month 1 (the
    // last draw); interest-only months 2…4 pay 0; A = 1.2M / 12 = 100,000
    // in months 5…13 (9 payments); the 300,000 still owed is repaid in the
    // last month.
    let mut s = tiny();
    s.finance.debt_pct_of_capex = 100.0;
    s.finance.debt_rate_pct = 0.0;
    s.finance.debt_tenor_years = 1;
    let r = eval(&s);
    close("debt", r.debt_usd.unwrap(), 1_200_000.0, 1e-6);
    let service: Vec<f64> = r.monthly.iter().map(|m| m.debt_service_usd).collect();
    for (m, d) in service.iter().enumerate() {
        let want = match m {
            0..=4 => 0.0,
            5..=12 => 100_000.0,
            _ => 400_000.0,
        };
        close(&format!("service {m}"), *d, want, 1e-6);
    }
    // DSCR: the one repayment year holds months 5…13: hosting cash 90,000 a
    // month against 100,000 a month (the final repayment left out).
    close("min DSCR", r.min_dscr.unwrap(), 0.9, 1e-12);
    // Equity cash: no capex (borrowed), then cash less debt service.
    close("equity m0", r.monthly[0].convert_equity_cash_usd, X, 1e-6);
    close(
        "equity m13",
        r.monthly[13].convert_equity_cash_usd,
        X + 90_000.0 - 400_000.0,
        1e-6,
    );
    // Debt never changes the unlevered figures.
    let unlevered = eval(&tiny());
    assert_eq!(r.convert_npv_usd, unlevered.convert_npv_usd);
    assert_eq!(r.incremental_npv_usd, unlevered.incremental_npv_usd);
}

#[test]
fn level_payments_at_eight_percent() {
    // i = 1.08^(1/12) − 1; B(0) = 600,000, B(1) = B(0)(1 + i) + 600,000;
    // interest only B(1) × i in months 2…4; A = B(1) i / (1 − (1 + i)^-12)
    // in months 5…13, each paying interest on the balance and the rest as
    // principal; what is left is repaid with month 13's payment.
    let mut s = tiny();
    s.finance.debt_pct_of_capex = 100.0;
    s.finance.debt_rate_pct = 8.0;
    s.finance.debt_tenor_years = 1;
    let r = eval(&s);
    let i = 1.08_f64.powf(1.0 / 12.0) - 1.0;
    let b1 = 600_000.0 * (1.0 + i) + 600_000.0;
    let a = b1 * i / (1.0 - (1.0 + i).powi(-12));
    let mut balance = b1;
    for m in 5..=13 {
        balance -= a - balance * i;
        let _ = m;
    }
    for m in 2..=4 {
        close("interest only", r.monthly[m].debt_service_usd, b1 * i, 1e-6);
    }
    for m in 5..=12 {
        close("level", r.monthly[m].debt_service_usd, a, 1e-6);
    }
    close("last", r.monthly[13].debt_service_usd, a + balance, 1e-6);
    close("debt", r.debt_usd.unwrap(), 1_200_000.0, 1e-6);
    close("min DSCR", r.min_dscr.unwrap(), 90_000.0 / a, 1e-12);
}

#[test]
fn retirement_at_the_halving() {
    // A halving at month 6 halves revenue: x = 30,416.67 − 37,500 =
    // −7,083.33 from then on. Resale $1/TH = 40,000 per MW, not declining.
    // V(6) = 6x + 40,000 = 180,000 beats running on (6x − 8 × 7,083.33 =
    // 83,333.33) and every other month: the fleet is sold at month 6.
    let mut s = tiny();
    s.mining.months_to_next_halving = Some(6);
    s.mining.retire_when_unprofitable = true;
    s.mining.fleet_resale_usd_per_th = 1.0;
    let r = eval(&s);
    assert_eq!(r.mining_retirement_month, Some(6));
    let keep: Vec<f64> = r.monthly.iter().map(|m| m.keep_mining_cash_usd).collect();
    for (m, k) in keep.iter().enumerate() {
        let want = match m {
            0..=5 => 2.0 * X,
            6 => 80_000.0,
            _ => 0.0,
        };
        close(&format!("keep {m}"), *k, want, 1e-6);
    }
    // Converting sells the halls' 1 MW of machines at once (40,000) and the
    // rest at month 6.
    close(
        "fleet sale",
        r.bridge(BridgeStep::FleetSale),
        40_000.0,
        1e-6,
    );
    close(
        "convert m6 mining",
        r.monthly[6].convert_mining_cash_usd,
        40_000.0,
        1e-6,
    );
    // Without retirement the fleet mines at a loss to the end, unsold.
    s.mining.retire_when_unprofitable = false;
    let run_on = eval(&s);
    assert_eq!(run_on.mining_retirement_month, None);
    close(
        "keep run on",
        run_on.keep_mining_npv_usd,
        2.0 * (6.0 * X + 8.0 * (X - 30_416.666_666_666_67)),
        1e-6,
    );
}

#[test]
fn break_evens_with_roots_in_closed_form() {
    // With no tax, no value after the contract and a 0 % rate the
    // incremental NPV is linear in each searched input:
    //   rate:      11,000 r + 14x − 110,000 − 1,200,000 − 28x = 0
    //              → r = (1,310,000 + 14x) / 11,000 = 148.79
    //   capex:     (14x + 1,100,000 − 110,000 − k) − 28x = 0 → k = 990,000 − 14x
    //   hashprice: x(h) = 40 × h × 365/12 − 37,500; −14 x(h) − 210,000 = 0
    //              → x = −15,000 → h = 22,500 / 1,216.67 = 18.49
    let r = eval(&tiny());
    let rate = (1_310_000.0 + 14.0 * X) / 11_000.0;
    close(
        "rate",
        r.breakeven_rate_usd_per_kw_month.unwrap(),
        rate,
        0.01,
    );
    close(
        "capex",
        r.breakeven_capex_usd_per_mw.unwrap(),
        990_000.0 - 14.0 * X,
        1.0,
    );
    let h = 22_500.0 / (40.0 * 365.0 / 12.0);
    close(
        "hashprice",
        r.breakeven_hashprice_usd_per_ph_day.unwrap(),
        h,
        0.01,
    );
    // The tenant's speed premium against a 36-month build: 34 months saved
    // cover the whole 12-month lease (Σ L = 11), so at 0 % it is the tenant's
    // value per kW: 250,000 / 1000 = 250.
    let b = &r.build_time[0];
    close(
        "speed premium",
        b.speed_premium_usd_per_kw_month,
        250.0,
        1e-9,
    );
    close(
        "tenant PV",
        b.tenant_value_gained_pv_usd,
        11.0 * 250_000.0,
        1e-6,
    );
}

#[test]
fn the_bridge_adds_up_and_taxes_at_zero_are_pre_tax() {
    for mut s in [Scenario::default(), tiny()] {
        let r = eval(&s);
        let steps: f64 = r.npv_bridge[1..r.npv_bridge.len() - 1]
            .iter()
            .map(|b| b.usd)
            .sum();
        let scale = r.keep_mining_npv_usd.abs() + r.convert_npv_usd.abs();
        close(
            "bridge",
            steps,
            r.convert_npv_usd - r.keep_mining_npv_usd,
            1e-9 * scale,
        );
        assert_eq!(r.npv_bridge[0].step, BridgeStep::KeepMining);
        assert_eq!(r.npv_bridge[0].usd, r.keep_mining_npv_usd);
        // At 0 % tax nothing is taxed, whatever the depreciation.
        s.tax.rate_pct = 0.0;
        let a = eval(&s);
        s.tax.bonus_depreciation_pct = 13.0;
        s.tax.depreciation_years = 7;
        let b = eval(&s);
        assert_eq!(a.incremental_npv_usd, b.incremental_npv_usd);
        assert_eq!((a.keep_mining_tax_usd, a.convert_tax_usd), (0.0, 0.0));
        assert_eq!(a.bridge(BridgeStep::Tax), 0.0);
    }
}
