//! The risk view's core: the tornado and the Monte Carlo simulation
//! (docs/MODEL.md, "Risk").

#![allow(clippy::unwrap_used, clippy::expect_used)]

use repower::model::risk::{risk, simulate, tornado, Run};
use repower::model::{evaluate, Scenario};

fn quiet(paths: u32) -> Scenario {
    let mut s = Scenario::default();
    s.risk.paths = paths;
    s.risk.hashprice_volatility_pct = 0.0;
    s.risk.energy_volatility_pct = 0.0;
    s.risk.slip_min_months = 0;
    s.risk.slip_max_months = 0;
    s.risk.tenant_default_pct_per_year = 0.0;
    s
}

#[test]
fn the_tornado_swings_around_the_deterministic_npv() {
    let s = Scenario::default();
    let t = tornado(&s);
    let e = evaluate(&s).unwrap();
    assert_eq!(t.base_npv_usd, e.incremental_npv_usd);
    assert_eq!(t.bars.len(), 13, "{:?}", t.left_out);
    // Sorted by impact, largest first.
    for w in t.bars.windows(2) {
        assert!(
            w[0].impact() >= w[1].impact(),
            "{} before {}",
            w[0].label,
            w[1].label
        );
    }
    // The lease rate ±20 %: $100 and $150; more rent is worth more.
    let rate = t
        .bars
        .iter()
        .find(|b| b.input == "contract.rate_usd_per_kw_month")
        .unwrap();
    assert_eq!((rate.low_value, rate.high_value), (100.0, 150.0));
    assert!(rate.npv_at_high_usd > t.base_npv_usd && t.base_npv_usd > rate.npv_at_low_usd);
    // Each bar's ends are the incremental NPV with that input alone moved.
    let mut moved = s.clone();
    moved.contract.rate_usd_per_kw_month = 150.0;
    assert!((evaluate(&moved).unwrap().incremental_npv_usd - rate.npv_at_high_usd).abs() < 1e-6);
    // Months ±6 from 12; rates in points ±2 (tax 23 % and 27 %).
    let months = t
        .bars
        .iter()
        .find(|b| b.input == "hpc.conversion_months")
        .unwrap();
    assert_eq!((months.low_value, months.high_value), (6.0, 18.0));
    let tax = t.bars.iter().find(|b| b.input == "tax.rate_pct").unwrap();
    assert_eq!((tax.low_value, tax.high_value), (23.0, 27.0));
    // The operating PUE is kept at 1 or more: 1.2 × 0.8 = 0.96 → 1.
    let pue = t
        .bars
        .iter()
        .find(|b| b.input == "hpc.operating_pue")
        .unwrap();
    assert_eq!(pue.low_value, 1.0);
}

#[test]
fn an_empty_exit_cap_rate_is_left_out_of_the_tornado_and_said_so() {
    let mut s = Scenario::default();
    s.terminal.exit_cap_rate_pct = None;
    let t = tornado(&s);
    assert_eq!(t.bars.len(), 12);
    assert_eq!(t.left_out.len(), 1);
    assert!(
        t.left_out[0].starts_with("Exit cap rate"),
        "{:?}",
        t.left_out
    );
}

#[test]
fn without_volatility_slip_or_default_every_path_is_the_deterministic_one() {
    let s = quiet(50);
    let r = simulate(&s).unwrap();
    let e = evaluate(&s).unwrap();
    let p = r.incremental_npv_usd;
    assert_eq!(
        (p.p10, p.p50, p.p90),
        (
            e.incremental_npv_usd,
            e.incremental_npv_usd,
            e.incremental_npv_usd
        )
    );
    assert_eq!(r.deterministic_npv_usd, e.incremental_npv_usd);
    assert_eq!(r.payback_month.p50, e.payback_month);
    let irr = r.irr_pct.unwrap();
    let want = e.equity_irr_pct.unwrap();
    assert!(
        (irr.p10 - want).abs() < 1e-6 && (irr.p90 - want).abs() < 1e-6,
        "{irr:?} vs {want}"
    );
    // The fan is the deterministic cumulative advantage.
    for (f, m) in r.fan.iter().zip(&e.monthly) {
        let want = m.cumulative_advantage_usd;
        assert!(
            (f.p50_usd - want).abs() <= 1e-6 * want.abs().max(1e3),
            "month {}",
            f.month
        );
        assert_eq!(f.p10_usd, f.p90_usd);
    }
    assert_eq!(r.probability_convert_ahead_pct, 100.0);
}

#[test]
fn the_same_seed_gives_the_same_numbers_and_another_seed_others() {
    let mut s = Scenario::default();
    s.risk.paths = 300;
    s.risk.tenant_default_pct_per_year = 5.0;
    let a = simulate(&s).unwrap();
    let b = simulate(&s).unwrap();
    assert_eq!(a, b);
    s.risk.seed = 2;
    let c = simulate(&s).unwrap();
    assert_ne!(a.incremental_npv_usd, c.incremental_npv_usd);
    // In slices, the same as at once.
    s.risk.seed = 1;
    let mut run = Run::new(&s).unwrap();
    while !run.step(37) {}
    assert_eq!(run.result(), a);
}

#[test]
fn percentiles_are_ordered_and_more_volatility_widens_the_spread() {
    let mut s = Scenario::default();
    s.risk.paths = 400;
    let mut spread = Vec::new();
    for vol in [0.0, 25.0, 50.0, 100.0] {
        s.risk.hashprice_volatility_pct = vol;
        s.risk.energy_volatility_pct = vol / 2.0;
        let r = simulate(&s).unwrap();
        let p = r.incremental_npv_usd;
        assert!(p.p10 <= p.p50 && p.p50 <= p.p90, "{p:?}");
        if let Some(i) = r.irr_pct {
            assert!(i.p10 <= i.p50 && i.p50 <= i.p90, "{i:?}");
        }
        let total: u32 = r.histogram.iter().map(|b| b.paths).sum();
        assert_eq!(total, 400);
        spread.push(p.p90 - p.p10);
    }
    for w in spread.windows(2) {
        assert!(w[1] >= w[0], "spread narrowed: {spread:?}");
    }
}

#[test]
fn a_tenant_that_defaults_costs_value_and_the_slip_delays_payback() {
    let mut s = quiet(300);
    let base = simulate(&s).unwrap();
    s.risk.tenant_default_pct_per_year = 20.0;
    let defaulting = simulate(&s).unwrap();
    assert!(defaulting.incremental_npv_usd.p10 < base.incremental_npv_usd.p10);
    assert!(defaulting.incremental_npv_usd.p90 <= base.incremental_npv_usd.p90 + 1e-6);
    let mut s = quiet(300);
    s.risk.slip_min_months = 6;
    s.risk.slip_max_months = 6;
    let slipped = simulate(&s).unwrap();
    assert!(slipped.payback_month.p50 >= base.payback_month.p50);
    assert!(slipped.fan.len() == base.fan.len() + 6);
}

#[test]
fn risk_refuses_an_invalid_scenario() {
    let mut s = Scenario::default();
    s.risk.slip_min_months = 9;
    s.risk.slip_max_months = 3;
    let e = risk(&s).unwrap_err();
    assert_eq!(
        e.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec!["risk.slip_max_months: the longest slip (3 months) must be at least the shortest (9 months)"]
    );
}
