//! The charts: golden SVGs for the default scenario and a preset, and every
//! chart drawn for a table of odd scenarios.
//!
//! `UPDATE_GOLDEN=1 cargo test --test charts_golden` rewrites the golden
//! files in tests/golden/ instead of comparing them, and prints which.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{check_table, check_words, dump_words, file_name};

use std::path::PathBuf;

use repower::charts::{bridge, build_time, energy, revenue, Chart, Size, Theme};
use repower::format::{lead_in_words, money, price_per_mwh, rate_per_kw_month};
use repower::model::result::BridgeStep;
use repower::model::scenario::Sweep;
use repower::model::{evaluate, Evaluation, Scenario};

const SIZE: Size = Size {
    width: 720,
    height: 360,
};

fn preset(id: &str) -> Scenario {
    repower::presets::by_id(id)
        .map(|p| p.scenario)
        .unwrap_or_else(|| panic!("no preset {id}"))
}

fn eval(name: &str, s: &Scenario) -> Evaluation {
    evaluate(s).unwrap_or_else(|e| panic!("scenario {name} does not evaluate: {e:?}"))
}

#[test]
fn golden_svgs() {
    const ALL: &[Chart] = &Chart::ALL;
    // The dark theme is checked on two charts; TeraWulf–Core42, where the
    // lines cross inside the sweep, on the energy chart in both themes.
    let scenarios = [
        ("default", Scenario::default(), Theme::light(), ALL),
        (
            "core-scientific-coreweave",
            preset("core-scientific-coreweave"),
            Theme::light(),
            ALL,
        ),
        (
            "default-dark",
            Scenario::default(),
            Theme::dark(),
            &[Chart::BuildTime, Chart::Bridge],
        ),
        (
            "terawulf-core42",
            preset("terawulf-core42"),
            Theme::light(),
            &[Chart::Energy],
        ),
        (
            "terawulf-core42-dark",
            preset("terawulf-core42"),
            Theme::dark(),
            &[Chart::Energy],
        ),
    ];
    let mut goldens = common::Goldens::new("charts_golden");
    for (name, scenario, theme, charts) in &scenarios {
        let r = eval(name, scenario);
        for &chart in charts.iter() {
            let svg = chart
                .draw(&r, theme, SIZE)
                .unwrap_or_else(|e| panic!("{chart} {name}: {e}"));
            goldens.check(&format!("{}-{name}.svg", chart.id()), &svg);
        }
    }
    goldens.finish();
}

/// Each chart drawn for a comparison: the default scenario as A against
/// Core Scientific–CoreWeave as B, B dashed; the energy chart also dark.
#[test]
fn golden_svgs_of_a_and_b() {
    use repower::charts::pair::{draw, Pair};
    let a = eval("default", &Scenario::default());
    let b = eval(
        "core-scientific-coreweave",
        &preset("core-scientific-coreweave"),
    );
    let p = Pair {
        a: &a,
        a_name: "Generic site",
        b: &b,
        b_name: "Core Scientific & CoreWeave",
    };
    let mut goldens = common::Goldens::new("charts_golden");
    for chart in Chart::ALL {
        let svg = draw(chart, &p, &Theme::light(), SIZE).unwrap_or_else(|e| panic!("{chart}: {e}"));
        goldens.check(&format!("pair-{}.svg", chart.id()), &svg);
    }
    let svg = draw(Chart::Energy, &p, &Theme::dark(), SIZE).unwrap_or_else(|e| panic!("{e}"));
    goldens.check("pair-energy-dark.svg", &svg);
    goldens.finish();
}

#[test]
fn drawing_is_deterministic() {
    let r = eval("preset", &preset("cipher-fluidstack"));
    for chart in Chart::ALL {
        let a = chart.draw(&r, &Theme::light(), SIZE).expect("draws");
        let b = chart
            .draw(&r.clone(), &Theme::light(), SIZE)
            .expect("draws");
        assert_eq!(a, b, "{chart}");
        let dark = chart.draw(&r, &Theme::dark(), SIZE).expect("draws");
        assert_ne!(a, dark, "{chart}: the dark theme changes the colours");
    }
}

/// Scenarios at the edges of what the model accepts.
fn odd_scenarios() -> Vec<(String, Scenario)> {
    let base = Scenario::default;
    let with = |name: &str, f: &dyn Fn(&mut Scenario)| {
        let mut s = base();
        f(&mut s);
        (name.to_owned(), s)
    };
    let mut out = vec![
        with("default", &|_| {}),
        with("1-year term", &|s| s.contract.term_years = 1),
        with("30-year term", &|s| s.contract.term_years = 30),
        with("zero rate", &|s| s.contract.rate_usd_per_kw_month = 0.0),
        with("zero rate, costly build (no crossover)", &|s| {
            s.contract.rate_usd_per_kw_month = 0.0;
            s.hpc.capex_usd_per_mw = 20_000_000.0;
        }),
        with("negative NPVs", &|s| {
            s.site.energy_price_usd_per_mwh = 500.0;
            s.mining.curtail_when_unprofitable = false;
            s.mining.retire_when_unprofitable = false;
            s.contract.rate_usd_per_kw_month = 10.0;
            s.sensitivity.energy_usd_per_mwh = Sweep {
                min: 100.0,
                max: 900.0,
                steps: 9,
            };
        }),
        with("one baseline", &|s| s.greenfield.build_months = vec![48]),
        with("five baselines", &|s| {
            s.greenfield.build_months = vec![18, 36, 48, 60, 240]
        }),
        with("close baselines", &|s| {
            s.greenfield.build_months = vec![36, 37]
        }),
        with("baseline shorter than the conversion", &|s| {
            s.greenfield.build_months = vec![6, 48]
        }),
        with("baseline equal to the conversion", &|s| {
            s.greenfield.build_months = vec![12]
        }),
        with("zero-month baseline", &|s| {
            s.greenfield.build_months = vec![0, 0]
        }),
        with("instant conversion, no ramp", &|s| {
            s.hpc.conversion_months = 0;
            s.hpc.ramp_months = 0;
        }),
        with("long conversion and ramp, short term", &|s| {
            s.hpc.conversion_months = 120;
            s.hpc.ramp_months = 120;
            s.contract.term_years = 1;
        }),
        with("sweep of 2 points", &|s| {
            s.sensitivity.energy_usd_per_mwh = Sweep {
                min: 20.0,
                max: 120.0,
                steps: 2,
            }
        }),
        with("sweep of 1001 points", &|s| {
            s.sensitivity.energy_usd_per_mwh = Sweep {
                min: 0.0,
                max: 2000.0,
                steps: 1001,
            }
        }),
        with("narrow sweep", &|s| {
            s.sensitivity.energy_usd_per_mwh = Sweep {
                min: 0.0,
                max: 0.5,
                steps: 3,
            }
        }),
        with("tiny site", &|s| {
            s.site.grid_capacity_mw = 0.01;
            s.sensitivity.energy_usd_per_mwh = Sweep {
                min: 1990.0,
                max: 2000.0,
                steps: 5,
            };
        }),
        with("decaying rate", &|s| {
            s.contract.escalator_pct_per_year = -99.0
        }),
        with("huge values", &|s| {
            s.site.grid_capacity_mw = 10_000.0;
            s.hpc.design_pue = 1.0;
            s.hpc.operating_pue = 1.0;
            s.contract.rate_usd_per_kw_month = 10_000.0;
            s.contract.term_years = 30;
            s.contract.escalator_pct_per_year = 20.0;
            s.tenant.compute_value_usd_per_mw_month = 1e12;
            s.mining.hashprice_usd_per_ph_day = 100_000.0;
            s.greenfield.build_months = vec![240];
        }),
        with("mining never pays", &|s| {
            s.mining.hashprice_usd_per_ph_day = 0.0;
            s.mining.months_to_next_halving = None;
        }),
        with("one term from the first delivery", &|s| {
            s.contract.term_per_tranche = false
        }),
        with("25-month ramp (two years of tail)", &|s| {
            s.hpc.ramp_months = 25
        }),
        with("13-month ramp (a whole year of tail)", &|s| {
            s.hpc.ramp_months = 13
        }),
        with("host pays the power", &|s| {
            s.contract.power_pass_through = false
        }),
        with("tenant funds the build, site costs", &|s| {
            s.hpc.tenant_capex_share_pct = 100.0;
            s.hpc.site_capex_usd = 50_000_000.0;
        }),
        with("no tax, no value after the contract", &|s| {
            s.tax.rate_pct = 0.0;
            s.terminal.exit_cap_rate_pct = None;
        }),
        with("half the site converts, mining keeps the rest", &|s| {
            s.hpc.critical_it_mw = Some(30.0);
        }),
    ];
    for p in repower::presets::all() {
        out.push((format!("preset {}", p.id), p.scenario));
    }
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
    for bad in ["NaN", "inf", "\u{2014}"] {
        assert!(!svg.contains(bad), "{what}: contains {bad:?}");
    }
    // The page's Content-Security-Policy allows no style attributes.
    assert!(!svg.contains("style="), "{what}: has a style attribute");
    let texts = svg.matches("<text").count();
    assert!((5..=80).contains(&texts), "{what}: {texts} text elements");
}

/// Draws every chart for every odd scenario; with `CHARTS_DUMP=DIR` set,
/// also writes the SVGs, and each chart's title, summary and table, into DIR
/// to look at.
#[test]
fn every_chart_draws_for_odd_scenarios() {
    let dump = std::env::var_os("CHARTS_DUMP").map(PathBuf::from);
    let sizes = common::odd_sizes(SIZE);
    let mut crossover_none = false;
    let mut negative = false;
    for (name, scenario) in odd_scenarios() {
        let r = eval(&name, &scenario);
        crossover_none |= r.energy_crossover_usd_per_mwh.is_none();
        negative |= r
            .energy_sensitivity
            .iter()
            .any(|p| p.keep_mining_npv_usd < 0.0 && p.convert_npv_usd < 0.0);
        for chart in Chart::ALL {
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
    assert!(crossover_none, "some scenario has no crossover");
    assert!(negative, "some scenario has both NPVs negative");
}

#[test]
fn summaries_and_tables_agree_with_the_evaluation() {
    for (name, scenario) in odd_scenarios() {
        let r = eval(&name, &scenario);
        let years = scenario.contract.term_years as usize;

        assert_eq!(
            revenue::title(&r),
            format!("{years}-year contract revenue"),
            "{name}"
        );
        let t = revenue::table(&r);
        let contract_years = (r.derived.contract_months as usize).div_ceil(12);
        assert_eq!(
            t.rows.len(),
            contract_years,
            "{name}: a row per contract year"
        );
        assert_eq!(
            r.contract_annual_revenue_usd.len(),
            contract_years,
            "{name}"
        );
        // The years past the term are the tail of the later tranches.
        for (i, row) in t.rows.iter().enumerate() {
            assert_eq!(
                row[0].contains("tail"),
                i >= years,
                "{name}: year {}: {}",
                i + 1,
                row[0]
            );
        }
        assert!(
            revenue::summary(&r).contains("levelized rent") || r.contract_total_revenue_usd == 0.0,
            "{name}"
        );
        assert_eq!(
            t.rows.first().map(|row| row[0].as_str()),
            Some("1"),
            "{name}"
        );
        let last_cumulative = t.rows.last().map(|row| row[2].clone()).unwrap_or_default();
        assert_eq!(
            last_cumulative,
            repower::format::money_exact(r.contract_total_revenue_usd),
            "{name}"
        );
        if r.contract_total_revenue_usd > 0.0 {
            assert!(
                revenue::summary(&r).contains(&money(r.contract_total_revenue_usd)),
                "{name}"
            );
        }

        let t = build_time::table(&r);
        assert_eq!(
            t.rows.len(),
            scenario.greenfield.build_months.len(),
            "{name}: a row per baseline"
        );
        for (row, b) in t.rows.iter().zip(&r.build_time) {
            assert_eq!(row[0], format!("{} months", b.baseline_months), "{name}");
            assert_eq!(row[1], b.months_saved.to_string(), "{name}");
        }
        let first = scenario.greenfield.build_months[0];
        assert!(
            build_time::summary(&r).contains(&format!("{first}-month")),
            "{name}"
        );
        if let Some(base) = r.base_build_time().filter(|b| b.months_saved > 0) {
            assert!(
                build_time::summary(&r)
                    .contains(&rate_per_kw_month(base.speed_premium_usd_per_kw_month)),
                "{name}: the speed premium"
            );
        }

        let t = energy::table(&r);
        assert_eq!(
            t.rows.len(),
            scenario.sensitivity.energy_usd_per_mwh.steps as usize,
            "{name}: a row per price"
        );
        let s = energy::summary(&r);
        assert!(
            s.contains(&price_per_mwh(r.mining_breakeven_usd_per_mwh)),
            "{name}: {s}"
        );
        assert!(
            s.contains(&price_per_mwh(r.derived.energy_price_usd_per_mwh)),
            "{name}: {s}"
        );
        assert!(
            s.contains(&lead_in_words(&r.price_regimes())),
            "{name}: {s}"
        );

        let t = bridge::table(&r);
        assert_eq!(
            t.rows.len(),
            BridgeStep::ALL.len(),
            "{name}: a row per step"
        );
        for (row, step) in t.rows.iter().zip(BridgeStep::ALL) {
            assert_eq!(row[0], step.label(), "{name}");
        }
        let s = bridge::summary(&r);
        assert!(
            s.contains(&money(r.incremental_npv_usd.abs()))
                || s.starts_with("Converting is worth as much"),
            "{name}: {s}"
        );
    }
}

/// docs/MODEL.md: the bridge's steps between its two ends add up to
/// `convert − keep mining`, to rounding, in every scenario.
#[test]
fn the_bridge_adds_up() {
    for (name, scenario) in odd_scenarios() {
        let r = eval(&name, &scenario);
        let steps: Vec<BridgeStep> = r.npv_bridge.iter().map(|b| b.step).collect();
        assert_eq!(
            steps,
            BridgeStep::ALL.to_vec(),
            "{name}: the bridge's order"
        );
        assert_eq!(
            r.bridge(BridgeStep::KeepMining),
            r.keep_mining_npv_usd,
            "{name}"
        );
        assert_eq!(r.bridge(BridgeStep::Convert), r.convert_npv_usd, "{name}");
        let between: Vec<f64> = r
            .npv_bridge
            .iter()
            .filter(|b| !b.step.is_total())
            .map(|b| b.usd)
            .collect();
        let sum: f64 = between.iter().sum();
        let want = r.convert_npv_usd - r.keep_mining_npv_usd;
        // Rounding: a few ulps of the largest figure summed.
        let scale = between
            .iter()
            .chain([&r.convert_npv_usd, &r.keep_mining_npv_usd])
            .fold(1.0_f64, |a, v| a.max(v.abs()));
        assert!(
            (sum - want).abs() <= 1e-9 * scale,
            "{name}: steps add up to {sum}, convert − keep mining is {want} (off by {})",
            sum - want
        );
        assert!(
            (want - r.incremental_npv_usd).abs() <= 1e-9 * scale,
            "{name}: incremental NPV"
        );
    }
}

/// Bridges the model does not give for any preset: every step $0, both
/// ends negative, steps of wildly different sizes, everything $0.
#[test]
fn odd_bridges_draw() {
    let dump = std::env::var_os("CHARTS_DUMP").map(PathBuf::from);
    let base = eval("default", &Scenario::default());
    let with = |values: [f64; 10]| {
        let mut r = base.clone();
        for (item, usd) in r.npv_bridge.iter_mut().zip(values) {
            item.usd = usd;
        }
        r.keep_mining_npv_usd = values[0];
        r.convert_npv_usd = values[9];
        r.incremental_npv_usd = values[9] - values[0];
        r
    };
    let cases = [
        (
            "every step $0",
            [5.0e7, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0e7],
        ),
        (
            "both ends negative",
            [
                -4.0e8, -1.0e8, 0.0, 2.0e8, -5.0e7, -3.0e8, -4.0e8, 1.0e8, 5.0e7, -9.0e8,
            ],
        ),
        (
            "wildly different sizes",
            [
                1.0,
                -3.0,
                7.0,
                2.5e12,
                -4.0,
                -1.0e12,
                12.0,
                0.0,
                -9.0e5,
                1.5e12 - 9.0e5 + 13.0,
            ],
        ),
        ("everything $0", [0.0; 10]),
        (
            "from negative to positive",
            [
                -2.0e8, 3.0e7, 1.0e7, 9.0e8, -1.0e8, 0.0, -4.0e8, 0.0, -5.0e7, 1.9e8,
            ],
        ),
    ];
    for (name, values) in cases {
        let r = with(values);
        for size in [
            SIZE,
            Size::for_container(337),
            Size {
                width: 240,
                height: 160,
            },
            Size::for_container(1000),
        ] {
            for theme in [Theme::light(), Theme::dark()] {
                let svg = bridge::draw(&r, &theme, size).expect("draws");
                let what = format!("bridge for {name} at {size:?}");
                if let Some(dir) = &dump {
                    let file: String = name
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                        .collect();
                    let dark = if theme == Theme::dark() { "-dark" } else { "" };
                    let file =
                        format!("bridge-odd-{file}-{}x{}{dark}.svg", size.width, size.height);
                    std::fs::write(dir.join(file), &svg).expect("write dump");
                }
                check_svg(&what, &svg, &bridge::title(&r));
                // Every bar's value is written on the chart.
                for label in ["Keep mining", "Convert"] {
                    assert!(svg.contains(&format!("\n{label}\n")), "{what}: {label}");
                }
            }
        }
        let s = bridge::summary(&r);
        assert!(s.ends_with('.') && !s.contains("NaN"), "{name}: {s}");
        check_table(name, &bridge::table(&r));
    }
    let r = with(cases[0].1);
    assert!(
        bridge::summary(&r).ends_with("Every step between the two is $0."),
        "{}",
        bridge::summary(&r)
    );
}

#[test]
fn baselines_are_dashed_and_markers_outside_the_sweep_become_notes() {
    let r = eval(
        "five",
        &odd_scenarios()
            .into_iter()
            .find(|(n, _)| n == "five baselines")
            .expect("scenario")
            .1,
    );
    let svg = build_time::draw(&r, &Theme::light(), SIZE).expect("draws");
    assert_eq!(
        svg.matches("stroke-dasharray=\"6 4\"").count(),
        5 + 1,
        "one dashed line per baseline, and the legend's"
    );

    // The default converts at any price: no crossover of $0 is marked, the
    // note says where each path leads.
    let r = eval("default", &Scenario::default());
    let svg = energy::draw(&r, &Theme::light(), SIZE).expect("draws");
    assert_eq!(r.energy_crossover_usd_per_mwh, Some(0.0));
    assert!(!svg.contains("Crossover $0.00/MWh"), "{svg}");
    assert!(
        svg.contains("Converting is ahead at every price from $0 to $2,000/MWh"),
        "{svg}"
    );
    // A marker outside the sweep becomes a note: the mining break-even
    // ($67.49) above a $20-60 sweep.
    let mut s = Scenario::default();
    s.sensitivity.energy_usd_per_mwh.max = 60.0;
    let r = eval("narrow sweep", &s);
    let svg = energy::draw(&r, &Theme::light(), SIZE).expect("draws");
    assert!(
        svg.contains(&format!(
            "Break-even {}: above the swept range",
            price_per_mwh(r.mining_breakeven_usd_per_mwh)
        )),
        "{svg}"
    );
    assert!(svg.contains(&format!("Current {}", price_per_mwh(45.0))));
    assert!(svg.contains(&format!(
        "Break-even {}",
        price_per_mwh(r.mining_breakeven_usd_per_mwh)
    )));
}
