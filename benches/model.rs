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
