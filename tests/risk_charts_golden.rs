//! The risk view's charts: golden SVGs for the default scenario's risk view
//! (500 paths, seed 1), and every chart drawn for odd risk views.
//!
//! `UPDATE_GOLDEN=1 cargo test --test risk_charts_golden` rewrites the
//! golden files in tests/golden/ instead of comparing them, and prints
//! which. With `CHARTS_DUMP=DIR`, the odd cases' SVGs, summaries and tables
//! are written into DIR to look at.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{check_words, dump_words, file_name};

use std::path::PathBuf;

use repower::charts::{fan, histogram, tornado, RiskChart, Size, Theme};
use repower::format::money;
use repower::model::risk::{risk, Risk, Run};
use repower::model::Scenario;

const SIZE: Size = Size {
    width: 720,
    height: 360,
};

/// The default scenario with `paths` paths and seed 1.
fn default_with(paths: u32) -> Scenario {
    let mut s = Scenario::default();
    s.risk.paths = paths;
    s.risk.seed = 1;
    s
}

fn risk_of(name: &str, s: &Scenario) -> Risk {
    risk(s).unwrap_or_else(|e| panic!("{name}: no risk view: {e:?}"))
}

#[test]
fn golden_svgs() {
    let r = risk_of("default", &default_with(500));
    const ALL: &[RiskChart] = &RiskChart::ALL;
    let cases = [
        ("default", Theme::light(), ALL),
        ("default-dark", Theme::dark(), &[RiskChart::Histogram]),
    ];
    let mut goldens = common::Goldens::new("risk_charts_golden");
    for (name, theme, charts) in &cases {
        for &chart in charts.iter() {
            let svg = chart
                .draw(&r, theme, SIZE)
                .unwrap_or_else(|e| panic!("{chart} {name}: {e}"));
            goldens.check(&format!("{}-{name}.svg", chart.id()), &svg);
        }
    }
    goldens.finish();
}

#[test]
fn charts_in_order_with_their_names() {
    assert_eq!(
        RiskChart::ALL.map(RiskChart::id),
        ["tornado", "histogram", "fan"]
    );
    assert_eq!(
        RiskChart::ALL.map(|c| c.to_string()),
        ["tornado chart", "outcome histogram", "cash fan chart"]
    );
    let r = risk_of("default", &default_with(500));
    assert_eq!(
        RiskChart::ALL.map(|c| c.title(&r)),
        [
            "What moves the value most".to_owned(),
            "Incremental NPV over 500 simulated paths".to_owned(),
            "Cumulative incremental cash".to_owned(),
        ]
    );
    // Each dispatches to its own module.
    assert_eq!(RiskChart::Tornado.table(&r), tornado::table(&r.tornado));
    assert_eq!(
        RiskChart::Histogram.summary(&r),
        histogram::summary(&r.simulation)
    );
    assert_eq!(RiskChart::Fan.table(&r), fan::table(&r.simulation));
}

#[test]
fn drawing_is_deterministic() {
    let r = risk_of("default", &default_with(200));
    for chart in RiskChart::ALL {
        let a = chart.draw(&r, &Theme::light(), SIZE).expect("draws");
        let b = chart
            .draw(&r.clone(), &Theme::light(), SIZE)
            .expect("draws");
        assert_eq!(a, b, "{chart}");
        let dark = chart.draw(&r, &Theme::dark(), SIZE).expect("draws");
        assert_ne!(a, dark, "{chart}: the dark theme changes the colours");
    }
}

/// Risk views at the edges: identical paths, negative NPVs, the fewest
/// paths, an input left out, no path run yet.
fn odd_risks() -> Vec<(String, Risk)> {
    let with = |name: &str, f: &dyn Fn(&mut Scenario)| {
        let mut s = default_with(200);
        f(&mut s);
        (name.to_owned(), risk_of(name, &s))
    };
    let mut out = vec![
        with("default, 13 bars", &|_| {}),
        with("10 paths", &|s| s.risk.paths = 10),
        with("identical paths", &|s| {
            s.risk.hashprice_volatility_pct = 0.0;
            s.risk.energy_volatility_pct = 0.0;
            s.risk.slip_min_months = 0;
            s.risk.slip_max_months = 0;
            s.risk.tenant_default_pct_per_year = 0.0;
        }),
        with("negative NPVs", &|s| {
            s.contract.rate_usd_per_kw_month = 40.0;
        }),
        with("around zero", &|s| {
            s.contract.rate_usd_per_kw_month = 100.0;
            s.risk.hashprice_volatility_pct = 150.0;
            s.risk.tenant_default_pct_per_year = 10.0;
        }),
        with("12 bars, exit cap rate left out", &|s| {
            s.terminal.exit_cap_rate_pct = None;
        }),
        with("long slips", &|s| {
            s.risk.slip_min_months = 0;
            s.risk.slip_max_months = 60;
        }),
        with("never pays back", &|s| {
            s.contract.rate_usd_per_kw_month = 20.0;
            s.risk.paths = 10;
        }),
    ];
    // Nothing run yet: what the page has before its first slice.
    let mut none = out[0].1.clone();
    none.simulation = Run::new(&default_with(200)).expect("valid").result();
    out.push(("no path run yet".to_owned(), none));
    out
}

fn check_svg(what: &str, svg: &str, title: &str) {
    assert!(
        svg.starts_with("<svg role=\"img\" aria-label=\""),
        "{what}: root element"
    );
    assert!(svg.trim_end().ends_with("</svg>"), "{what}: closed");
    let root = svg.split('>').next().unwrap_or_default();
    assert!(root.contains("viewBox=\"0 0 "), "{what}: viewBox");
    let label = title.replace('&', "&amp;").replace('\'', "&apos;");
    assert!(
        root.contains(&format!("aria-label=\"{label}\"")),
        "{what}: aria-label {title:?}"
    );
    for bad in ["NaN", "inf", "\u{2014}", "?"] {
        assert!(!svg.contains(bad), "{what}: contains {bad:?}");
    }
    // The page's Content-Security-Policy allows no style attributes.
    assert!(!svg.contains("style="), "{what}: has a style attribute");
    let texts = svg.matches("<text").count();
    assert!((1..=90).contains(&texts), "{what}: {texts} text elements");
}

#[test]
fn every_chart_draws_for_odd_risk_views() {
    let dump = std::env::var_os("CHARTS_DUMP").map(PathBuf::from);
    let sizes = common::odd_sizes(SIZE);
    let mut negative = false;
    let mut identical = false;
    for (name, r) in odd_risks() {
        negative |= r.tornado.base_npv_usd < 0.0 && r.simulation.incremental_npv_usd.p90 < 0.0;
        identical |= r.simulation.histogram.len() == 1
            && r.simulation.fan.iter().all(|p| p.p10_usd == p.p90_usd);
        for chart in RiskChart::ALL {
            let what = format!("{chart} for {name}");
            let title = chart.title(&r);
            assert!(!title.is_empty(), "{what}: title");
            for (i, size) in sizes.iter().enumerate() {
                let theme = if i % 2 == 0 {
                    Theme::light()
                } else {
                    Theme::dark()
                };
                let svg = chart
                    .draw(&r, &theme, *size)
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
                check_svg(&format!("{what} at {size:?}"), &svg, &title);
                if let Some(dir) = &dump {
                    let file = format!(
                        "{}-{}-{}x{}.svg",
                        chart.id(),
                        file_name(&name),
                        size.width,
                        size.height
                    );
                    std::fs::write(dir.join(file), &svg).expect("write dump");
                }
            }
            let summary = chart.summary(&r);
            let table = chart.table(&r);
            check_words(&what, &summary, &table);
            if let Some(dir) = &dump {
                let file = format!("{}-{}.txt", chart.id(), file_name(&name));
                dump_words(&dir.join(file), &title, &summary, &table);
            }
        }
    }
    assert!(negative, "some risk view is negative throughout");
    assert!(identical, "some risk view has identical paths");
}

#[test]
fn the_charts_say_what_the_risk_view_found() {
    let r = risk_of("default", &default_with(500));
    let t = &r.tornado;
    assert_eq!(t.bars.len(), 13, "the default moves every input");
    assert!(t.left_out.is_empty());
    let svg = tornado::draw(t, &Theme::light(), SIZE).expect("draws");
    // Every input is named and each end carries the value it used.
    for b in &t.bars {
        assert!(svg.contains(&format!("\n{}\n", b.label)), "{}", b.label);
    }
    assert!(svg.contains("\n$100/kW-month\n") && svg.contains("\n$150/kW-month\n"));
    assert!(svg.contains(&format!("Base case {}", money(t.base_npv_usd))));
    let rows = tornado::table(t).rows;
    assert_eq!(rows[0][0], t.bars[0].label, "largest swing first");

    let s = &r.simulation;
    let svg = histogram::draw(s, &Theme::light(), SIZE).expect("draws");
    let p = s.incremental_npv_usd;
    assert!(svg.contains(&format!("P10 {}, P90 {}", money(p.p10), money(p.p90))));
    assert!(svg.contains(&format!("Median {}", money(p.p50))));
    assert!(svg.contains("Converting at least as good on "));
    let text = histogram::summary(s);
    assert!(text.contains(&repower::format::percent(s.probability_convert_ahead_pct)));
    let counted: u32 = histogram::table(s)
        .rows
        .iter()
        .map(|row| row[2].replace(',', "").parse::<u32>().expect("a count"))
        .sum();
    assert_eq!(counted, 500);

    let svg = fan::draw(s, &Theme::light(), SIZE).expect("draws");
    assert!(svg.contains("Median payback in month "));
    let months = fan::table(s).rows.len();
    assert_eq!(
        months,
        s.fan.len().div_ceil(12) + usize::from(!(s.fan.len() - 1).is_multiple_of(12))
    );
}

#[test]
fn identical_paths_draw_one_bin_and_a_band_of_no_width() {
    let mut s = default_with(10);
    s.risk.hashprice_volatility_pct = 0.0;
    s.risk.energy_volatility_pct = 0.0;
    s.risk.slip_max_months = 0;
    let r = risk_of("identical", &s);
    assert_eq!(r.simulation.histogram.len(), 1);
    let svg = histogram::draw(&r.simulation, &Theme::light(), SIZE).expect("draws");
    let v = money(r.simulation.deterministic_npv_usd);
    assert!(
        svg.contains(&format!("\nBase = P10 = P50 = P90 {v}\n")),
        "one name for the four markers"
    );
    assert!(histogram::summary(&r.simulation)
        .contains(&format!("Every percentile of the incremental NPV is {v}")));
    let svg = fan::draw(&r.simulation, &Theme::dark(), SIZE).expect("draws");
    assert!(!svg.contains("NaN"));
    assert!(fan::summary(&r.simulation).contains(", as every path does."));
}
