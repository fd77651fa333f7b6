//! `cargo bench --bench charts`: drawing each chart's SVG, for the default
//! scenario and a heavy one (30-year term, five baselines, 1001-point sweep);
//! the risk view's charts for the default scenario's risk view (2,000 paths).

use repower::charts::{bridge, build_time, energy, fan, histogram, revenue, tornado, Size, Theme};
use repower::model::risk::{risk, Risk};
use repower::model::scenario::Sweep;
use repower::model::{evaluate, Evaluation, Scenario};

const SIZE: Size = Size {
    width: 720,
    height: 360,
};

fn main() {
    divan::main();
}

fn result(heavy: bool) -> Option<Evaluation> {
    let mut s = Scenario::default();
    if heavy {
        s.contract.term_years = 30;
        s.greenfield.build_months = vec![18, 36, 48, 60, 240];
        s.sensitivity.energy_usd_per_mwh = Sweep {
            min: 0.0,
            max: 2000.0,
            steps: 1001,
        };
    }
    evaluate(&s).ok()
}

#[divan::bench(args = [false, true])]
fn revenue_chart(bencher: divan::Bencher, heavy: bool) {
    let r = result(heavy);
    let theme = Theme::light();
    bencher.bench(|| {
        r.as_ref()
            .map(|r| revenue::draw(divan::black_box(r), &theme, SIZE))
    });
}

#[divan::bench(args = [false, true])]
fn build_time_chart(bencher: divan::Bencher, heavy: bool) {
    let r = result(heavy);
    let theme = Theme::light();
    bencher.bench(|| {
        r.as_ref()
            .map(|r| build_time::draw(divan::black_box(r), &theme, SIZE))
    });
}

#[divan::bench(args = [false, true])]
fn energy_chart(bencher: divan::Bencher, heavy: bool) {
    let r = result(heavy);
    let theme = Theme::light();
    bencher.bench(|| {
        r.as_ref()
            .map(|r| energy::draw(divan::black_box(r), &theme, SIZE))
    });
}

#[divan::bench(args = [false, true])]
fn bridge_chart(bencher: divan::Bencher, heavy: bool) {
    let r = result(heavy);
    let theme = Theme::light();
    bencher.bench(|| {
        r.as_ref()
            .map(|r| bridge::draw(divan::black_box(r), &theme, SIZE))
    });
}

/// The default scenario's risk view.
fn risk_view() -> Option<Risk> {
    risk(&Scenario::default()).ok()
}

#[divan::bench]
fn tornado_chart(bencher: divan::Bencher) {
    let r = risk_view();
    let theme = Theme::light();
    bencher.bench(|| {
        r.as_ref()
            .map(|r| tornado::draw(divan::black_box(&r.tornado), &theme, SIZE))
    });
}

#[divan::bench]
fn histogram_chart(bencher: divan::Bencher) {
    let r = risk_view();
    let theme = Theme::light();
    bencher.bench(|| {
        r.as_ref()
            .map(|r| histogram::draw(divan::black_box(&r.simulation), &theme, SIZE))
    });
}

#[divan::bench]
fn fan_chart(bencher: divan::Bencher) {
    let r = risk_view();
    let theme = Theme::light();
    bencher.bench(|| {
        r.as_ref()
            .map(|r| fan::draw(divan::black_box(&r.simulation), &theme, SIZE))
    });
}
