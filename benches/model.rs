//! `cargo bench --bench model`: one full evaluation of the default scenario
//! (monthly paths, the 21-point energy sweep and the crossover search).

use repower::model::{evaluate, Scenario};

fn main() {
    divan::main();
}

#[divan::bench]
fn evaluate_default(bencher: divan::Bencher) {
    let scenario = Scenario::default();
    bencher.bench(|| evaluate(divan::black_box(&scenario)));
}

/// One walk of the months at the scenario's own inputs (the unit the sweep,
/// the crossover scan and the break-even searches repeat).
#[divan::bench]
fn one_run_of_the_months(bencher: divan::Bencher) {
    let plan = repower::model::plan::Plan::new(&Scenario::default());
    bencher.bench(|| plan.npvs(divan::black_box(&plan.base)));
}

/// The version-2 IRR rule on the default incremental series (601 present
/// values and a bisection).
#[divan::bench]
fn irr_of_the_default_series(bencher: divan::Bencher) {
    let r = evaluate(&Scenario::default()).unwrap_or_else(|_| std::process::exit(1));
    let series: Vec<f64> = r
        .monthly
        .iter()
        .map(|m| m.convert_cash_usd - m.keep_mining_cash_usd)
        .collect();
    bencher.bench(|| repower::model::finance::irr(divan::black_box(&series)));
}

/// The tornado of the default scenario (26 walks of the months).
#[divan::bench]
fn tornado_default(bencher: divan::Bencher) {
    let scenario = Scenario::default();
    bencher.bench(|| repower::model::risk::tornado(divan::black_box(&scenario)));
}

/// 10,000 simulated paths of the default scenario.
#[divan::bench(sample_count = 10)]
fn simulate_10000_paths(bencher: divan::Bencher) {
    let mut scenario = Scenario::default();
    scenario.risk.paths = 10_000;
    bencher.bench(|| repower::model::risk::simulate(divan::black_box(&scenario)));
}
