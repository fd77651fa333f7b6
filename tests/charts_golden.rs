//! The charts: golden SVGs for the default scenario and a preset, and every
//! chart drawn for a table of odd scenarios.
//!
//! `UPDATE_GOLDEN=1 cargo test --test charts_golden` rewrites the golden
//! files in tests/golden/ instead of comparing them, and prints which.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use repower::charts::{build_time, energy, revenue, ChartError, Size, Table, Theme};
use repower::format::{money, price_per_mwh};
use repower::model::scenario::Sweep;
use repower::model::{evaluate, Evaluation, Scenario};

const SIZE: Size = Size {
    width: 720,
    height: 360,
};

type Draw = fn(&Evaluation, &Theme, Size) -> Result<String, ChartError>;
type Describe = fn(&Evaluation) -> String;
type Tabulate = fn(&Evaluation) -> Table;

/// Each chart's name and its four functions.
const CHARTS: [(&str, Draw, Describe, Describe, Tabulate); 3] = [
    (
        "revenue",
        revenue::draw,
        revenue::title,
        revenue::summary,
        revenue::table,
    ),
    (
        "build_time",
        build_time::draw,
        build_time::title,
        build_time::summary,
        build_time::table,
    ),
    (
        "energy",
        energy::draw,
        energy::title,
        energy::summary,
        energy::table,
    ),
];

fn preset(id: &str) -> Scenario {
    repower::presets::by_id(id)
        .map(|p| p.scenario)
        .unwrap_or_else(|| panic!("no preset {id}"))
}

fn eval(name: &str, s: &Scenario) -> Evaluation {
    evaluate(s).unwrap_or_else(|e| panic!("scenario {name} does not evaluate: {e:?}"))
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(want: &str, got: &str) -> String {
    for (i, (a, b)) in want.lines().zip(got.lines()).enumerate() {
        if a != b {
            return format!("line {}:\n  golden: {a}\n  drawn:  {b}", i + 1);
        }
    }
    format!(
        "lengths differ: golden {} lines, drawn {} lines",
        want.lines().count(),
        got.lines().count()
    )
}

#[test]
fn golden_svgs() {
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    const ALL: &[&str] = &["revenue", "build_time", "energy"];
    // The dark theme is checked on one chart only; TeraWulf–Core42, where
    // the lines cross inside the sweep, on the energy chart in both themes.
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
            &["build_time"],
        ),
        (
            "terawulf-core42",
            preset("terawulf-core42"),
            Theme::light(),
            &["energy"],
        ),
        (
            "terawulf-core42-dark",
            preset("terawulf-core42"),
            Theme::dark(),
            &["energy"],
        ),
    ];
    let dir = golden_dir();
    let mut failures = Vec::new();
    let mut rewritten = Vec::new();
    for (name, scenario, theme, charts) in &scenarios {
        let r = eval(name, scenario);
        for (chart, draw, ..) in CHARTS {
            if !charts.contains(&chart) {
                continue;
            }
            let svg = draw(&r, theme, SIZE).unwrap_or_else(|e| panic!("{chart} {name}: {e}"));
            let path = dir.join(format!("{chart}-{name}.svg"));
            let golden = std::fs::read_to_string(&path);
            if update {
                if golden.as_deref().ok() != Some(svg.as_str()) {
                    std::fs::create_dir_all(&dir).expect("create tests/golden");
                    std::fs::write(&path, &svg).expect("write golden");
                    rewritten.push(path.display().to_string());
                }
                continue;
            }
            match golden {
                Ok(want) if want == svg => {}
                Ok(want) => failures.push(format!(
                    "{} differs, {}",
                    path.display(),
                    first_difference(&want, &svg)
                )),
                Err(e) => failures.push(format!("{} unreadable: {e}", path.display())),
            }
        }
    }
    if update {
        if rewritten.is_empty() {
            println!("UPDATE_GOLDEN=1: every golden SVG already matched");
        }
        for path in &rewritten {
            println!("UPDATE_GOLDEN=1: rewrote {path}");
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(if the change is intended: UPDATE_GOLDEN=1 cargo test --test charts_golden)",
        failures.join("\n")
    );
}

#[test]
fn drawing_is_deterministic() {
    let r = eval("preset", &preset("cipher-fluidstack"));
    for (chart, draw, ..) in CHARTS {
        let a = draw(&r, &Theme::light(), SIZE).expect("draws");
        let b = draw(&r.clone(), &Theme::light(), SIZE).expect("draws");
        assert_eq!(a, b, "{chart}");
        let dark = draw(&r, &Theme::dark(), SIZE).expect("draws");
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
            s.hpc.pue = 1.0;
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
    assert!((5..=60).contains(&texts), "{what}: {texts} text elements");
}

fn check_table(what: &str, t: &Table) {
    assert!(
        !t.caption.is_empty() && !t.headers.is_empty(),
        "{what}: caption and headers"
    );
    for row in &t.rows {
        assert_eq!(row.len(), t.headers.len(), "{what}: row {row:?}");
        assert!(
            row.iter()
                .all(|cell| !cell.is_empty() && cell != "\u{2014}"),
            "{what}: row {row:?}"
        );
    }
}

/// Draws every chart for every odd scenario; with `CHARTS_DUMP=DIR` set,
/// also writes the SVGs, and each chart's title, summary and table, into DIR
/// to look at.
#[test]
fn every_chart_draws_for_odd_scenarios() {
    let dump = std::env::var_os("CHARTS_DUMP").map(PathBuf::from);
    let sizes = [
        SIZE,
        Size {
            width: 0,
            height: 0,
        },
        Size {
            width: 320,
            height: 240,
        },
        Size {
            width: 1600,
            height: 900,
        },
        // A phone's column, drawn at its width.
        Size::for_container(337),
        // The page's size for narrow screens.
        Size {
            width: 440,
            height: 340,
        },
    ];
    let mut crossover_none = false;
    let mut negative = false;
    for (name, scenario) in odd_scenarios() {
        let r = eval(&name, &scenario);
        crossover_none |= r.energy_crossover_usd_per_mwh.is_none();
        negative |= r
            .energy_sensitivity
            .iter()
            .any(|p| p.keep_mining_npv_usd < 0.0 && p.convert_npv_usd < 0.0);
        for (chart, draw, title, summary, table) in CHARTS {
            let what = format!("{chart} for {name}");
            let title = title(&r);
            assert!(!title.is_empty(), "{what}: title");
            for (i, size) in sizes.iter().enumerate() {
                let theme = if i % 2 == 0 {
                    Theme::light()
                } else {
                    Theme::dark()
                };
                let svg = draw(&r, &theme, *size).unwrap_or_else(|e| panic!("{what}: {e}"));
                check_svg(&format!("{what} at {size:?}"), &svg, &title);
                if let Some(dir) = &dump {
                    let file: String = name
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                        .collect();
                    let file = format!("{chart}-{file}-{}x{}.svg", size.width, size.height);
                    std::fs::write(dir.join(file), &svg).expect("write dump");
                }
            }
            let summary = summary(&r);
            assert!(
                summary.len() > 20 && summary.ends_with('.'),
                "{what}: summary {summary:?}"
            );
            assert!(
                !summary.contains("NaN") && !summary.contains('\u{2014}'),
                "{what}: summary {summary:?}"
            );
            let table = table(&r);
            check_table(&what, &table);
            if let Some(dir) = &dump {
                let mut text = format!(
                    "{title}\n\n{summary}\n\n{}\n{}\n",
                    table.caption,
                    table.headers.join(" | ")
                );
                for row in table.rows.iter().take(40) {
                    text.push_str(&row.join(" | "));
                    text.push('\n');
                }
                let file: String = name
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .collect();
                std::fs::write(dir.join(format!("{chart}-{file}.txt")), text).expect("write dump");
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
        assert_eq!(t.rows.len(), years, "{name}: a row per contract year");
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
    }
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

    // The default crossover is $0, below the default sweep of $20-$120.
    let r = eval("default", &Scenario::default());
    let svg = energy::draw(&r, &Theme::light(), SIZE).expect("draws");
    let crossover = r
        .energy_crossover_usd_per_mwh
        .expect("the default converts at any price");
    assert!(crossover < 20.0);
    assert!(
        svg.contains(&format!(
            "Crossover {}: below the swept range",
            price_per_mwh(crossover)
        )),
        "{svg}"
    );
    assert!(svg.contains(&format!("Current {}", price_per_mwh(45.0))));
    assert!(svg.contains(&format!(
        "Break-even {}",
        price_per_mwh(r.mining_breakeven_usd_per_mwh)
    )));
}
