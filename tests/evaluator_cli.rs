//! The `repower` evaluator run as a person runs it: files, standard input,
//! exit codes, and what lands on stdout and stderr.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_repower");

/// A small scenario: 2 MW of grid, 1 MW of critical IT at hpc.pue 1 leased
/// at $100/kW-month for a year from month 2 with a 3-month ramp; discount 0.
/// Its rent is (1/3 + 2/3 + 10) MW-months × $100,000 = $1,100,000.
const TINY: &str = r#"{
  "schema_version": 1,
  "site": { "grid_capacity_mw": 2, "energy_price_usd_per_mwh": 50, "energy_escalator_pct_per_year": 0 },
  "mining": { "efficiency_j_per_th": 25, "pue": 1, "uptime_pct": 100, "hashprice_usd_per_ph_day": 50,
              "hashprice_drift_pct_per_year": 0, "months_to_next_halving": null, "pool_fee_pct": 0,
              "opex_usd_per_mw_month": 1000, "curtail_when_unprofitable": false },
  "hpc": { "critical_it_mw": 1, "pue": 1, "conversion_months": 2, "ramp_months": 3,
           "capex_usd_per_mw": 1200000, "opex_usd_per_mw_month": 10000 },
  "contract": { "term_years": 1, "rate_usd_per_kw_month": 100, "escalator_pct_per_year": 0 },
  "greenfield": { "build_months": [3, 1] },
  "finance": { "discount_rate_pct": 0 },
  "sensitivity": { "energy_usd_per_mwh": [0, 100, 3] }
}"#;

/// A file under the system temp directory with a name no other test uses;
/// removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(contents: &[u8]) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!(
            "repower-cli-test-{}-{n}-{nanos}.json",
            std::process::id()
        ));
        std::fs::write(&path, contents).expect("write temp file");
        Self(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start repower");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("wait for repower")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[track_caller]
fn assert_no_panic(out: &Output) {
    let err = text(&out.stderr);
    assert!(
        !err.contains("panicked")
            && !err.contains("stack backtrace")
            && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
}

/// A refused scenario: nothing on stdout, the given lines on stderr, exit 1.
#[track_caller]
fn assert_refused(out: &Output) -> Vec<String> {
    assert_no_panic(out);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "stdout: {}", text(&out.stdout));
    let lines: Vec<String> = text(&out.stderr).lines().map(str::to_owned).collect();
    assert!(!lines.is_empty());
    lines
}

#[test]
fn defaults_print_a_scenario_that_evaluates() {
    let out = run(&["defaults"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let json: Value = serde_json::from_slice(&out.stdout).expect("defaults are JSON");
    // Every group, every default.
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["site"]["grid_capacity_mw"], 100.0);
    assert_eq!(json["site"]["energy_price_usd_per_mwh"], 45.0);
    assert_eq!(json["hpc"]["critical_it_mw"], Value::Null);
    assert_eq!(json["hpc"]["design_pue"], 1.35);
    assert_eq!(json["hpc"]["operating_pue"], 1.2);
    assert_eq!(json["hpc"]["capex_usd_per_mw"], 9_500_000.0);
    assert_eq!(json["contract"]["term_years"], 12);
    assert_eq!(json["contract"]["rate_usd_per_kw_month"], 125.0);
    assert_eq!(json["contract"]["term_per_tranche"], true);
    assert_eq!(json["mining"]["months_to_next_halving"], 16);
    assert_eq!(json["terminal"]["exit_cap_rate_pct"], 7.5);
    assert_eq!(json["tax"]["rate_pct"], 25.0);
    assert_eq!(json["finance"]["debt_pct_of_capex"], 60.0);
    assert_eq!(
        json["greenfield"]["build_months"],
        serde_json::json!([36, 48, 60])
    );
    assert_eq!(
        json["sensitivity"]["energy_usd_per_mwh"],
        serde_json::json!([20.0, 120.0, 21])
    );
    assert_eq!(json["tenant"]["compute_value_usd_per_mw_month"], 250_000.0);
    assert_eq!(json["finance"]["discount_rate_pct"], 10.0);
    let scenario = repower::model::Scenario::from_json(&text(&out.stdout)).expect("valid scenario");
    assert_eq!(scenario, repower::model::Scenario::default());

    // And the evaluator takes it back.
    let file = TempFile::new(&out.stdout);
    let evaluated = run(&["evaluate", file.path()], None);
    assert_eq!(
        evaluated.status.code(),
        Some(0),
        "{}",
        text(&evaluated.stderr)
    );
    let result: Value = serde_json::from_slice(&evaluated.stdout).expect("result is JSON");
    // 167 months: 12 of conversion, a 12-year term and, leased per
    // tranche, the last tranche's 11 more months.
    assert_eq!(result["monthly"].as_array().map(Vec::len), Some(167));
}

#[test]
fn evaluate_file_prints_the_named_outputs() {
    let file = TempFile::new(TINY.as_bytes());
    let out = run(&["evaluate", file.path()], None);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    for name in [
        "contract_annual_revenue_usd",
        "contract_total_revenue_usd",
        "contract_revenue_npv_usd",
        "keep_mining_npv_usd",
        "convert_npv_usd",
        "incremental_npv_usd",
        "incremental_irr_pct",
        "payback_month",
        "mining_breakeven_usd_per_mwh",
        "build_time",
        "energy_sensitivity",
        "energy_crossover_usd_per_mwh",
        "energy_advantage_changes",
        "monthly",
        "schema_version",
        "input_schema_version",
        "levelized_rent_usd_per_kw_month",
        "hpc_noi_margin_pct",
        "stabilized_noi_usd",
        "project_cost_usd",
        "yield_on_cost_pct",
        "value_created_usd",
        "value_created_per_mw_usd",
        "discounted_payback_month",
        "terminal_value_usd",
        "mining_retirement_month",
        "keep_mining_tax_usd",
        "convert_tax_usd",
        "npv_bridge",
        "debt_usd",
        "equity_irr_pct",
        "min_dscr",
        "breakeven_hashprice_usd_per_ph_day",
        "breakeven_rate_usd_per_kw_month",
        "breakeven_capex_usd_per_mw",
    ] {
        assert!(r.get(name).is_some(), "no {name} at the top level");
    }
    let num = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    // Rent 1,100,000 (see TINY); discount 0 so its NPV is the same.
    assert_eq!(
        r["contract_annual_revenue_usd"].as_array().map(Vec::len),
        Some(1)
    );
    assert!((num(&r["contract_total_revenue_usd"]) - 1_100_000.0).abs() < 1e-6);
    assert!((num(&r["contract_revenue_npv_usd"]) - 1_100_000.0).abs() < 1e-6);
    // keep 2 × 14 × 23,333.33 = 653,333.33; convert 116,666.67.
    assert!((num(&r["keep_mining_npv_usd"]) - 653_333.333_333).abs() < 1e-3);
    assert!((num(&r["convert_npv_usd"]) - 116_666.666_667).abs() < 1e-3);
    assert!((num(&r["incremental_npv_usd"]) + 536_666.666_667).abs() < 1e-3);
    // Never pays back: null, not absent and not a number.
    assert_eq!(r["payback_month"], Value::Null);
    assert!(r["incremental_irr_pct"].is_number());
    // 50 × 30.4167 × 1000 / (25 × 730) = 83.33
    assert!((num(&r["mining_breakeven_usd_per_mwh"]) - 250.0 / 3.0).abs() < 1e-9);
    // 10,220 q − 1,047,666.67 = 0 at 102.5114; reported 102.51953125.
    assert_eq!(num(&r["energy_crossover_usd_per_mwh"]), 102.519_531_25);

    let monthly = r["monthly"].as_array().expect("monthly rows");
    assert_eq!(monthly.len(), 14);
    for (m, row) in monthly.iter().enumerate() {
        for key in [
            "leased_critical_mw",
            "contract_revenue_usd",
            "keep_mining_cash_usd",
            "convert_cash_usd",
            "keep_mining_tax_usd",
            "convert_tax_usd",
            "debt_service_usd",
            "convert_equity_cash_usd",
        ] {
            assert!(row[key].is_number(), "monthly[{m}].{key}");
        }
        assert_eq!(row["month"], m);
    }
    assert!((num(&monthly[2]["leased_critical_mw"]) - 1.0 / 3.0).abs() < 1e-12);
    // Version 1's file: echoed, and what version 1 had no notion of is off.
    assert_eq!(
        (
            r["schema_version"].as_u64(),
            r["input_schema_version"].as_u64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(r["debt_usd"], Value::Null);
    assert_eq!(num(&r["terminal_value_usd"]), 0.0);
    let bridge = r["npv_bridge"].as_array().expect("bridge");
    let steps: Vec<&str> = bridge.iter().filter_map(|b| b["step"].as_str()).collect();
    assert_eq!(
        steps,
        [
            "keep_mining",
            "mining_given_up",
            "fleet_sale",
            "rent",
            "hpc_opex",
            "hpc_energy",
            "capex",
            "terminal_value",
            "tax",
            "convert"
        ]
    );
    let bt = r["build_time"].as_array().expect("build_time");
    assert_eq!(bt.len(), 2);
    for key in [
        "baseline_months",
        "months_saved",
        "mw_months_gained",
        "revenue_pulled_forward_usd",
        "tenant_value_gained_usd",
        "npv_advantage_usd",
    ] {
        assert!(bt[0].get(key).is_some(), "build_time[0].{key}");
    }
    assert_eq!(bt[0]["months_saved"], 1);
    let sens = r["energy_sensitivity"]
        .as_array()
        .expect("energy_sensitivity");
    assert_eq!(sens.len(), 3);
    for key in [
        "energy_usd_per_mwh",
        "keep_mining_npv_usd",
        "convert_npv_usd",
    ] {
        assert!(sens[1][key].is_number(), "energy_sensitivity[1].{key}");
    }
    assert_eq!(num(&sens[2]["energy_usd_per_mwh"]), 100.0);
}

#[test]
fn dash_reads_standard_input() {
    let from_stdin = run(&["evaluate", "-"], Some(TINY.as_bytes()));
    assert_eq!(
        from_stdin.status.code(),
        Some(0),
        "{}",
        text(&from_stdin.stderr)
    );
    let file = TempFile::new(TINY.as_bytes());
    let from_file = run(&["evaluate", file.path()], None);
    assert_eq!(from_stdin.stdout, from_file.stdout);
    // A partial scenario: the rest are defaults.
    let out = run(
        &["evaluate", "-"],
        Some(br#"{"site":{"grid_capacity_mw":50}}"#),
    );
    assert_eq!(out.status.code(), Some(0));
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // 50 / 1.35 MW, the default design PUE.
    assert_eq!(r["derived"]["critical_it_mw"], 50.0 / 1.35);
}

#[test]
fn range_errors_go_to_stderr_one_per_line() {
    let file = TempFile::new(
        br#"{"site":{"grid_capacity_mw":-1},"hpc":{"design_pue":0.8},"contract":{"term_years":0}}"#,
    );
    let out = run(&["evaluate", file.path()], None);
    let lines = assert_refused(&out);
    assert_eq!(
        lines,
        vec![
            "site.grid_capacity_mw: must be greater than 0 and at most 10,000, got -1",
            "hpc.design_pue: must be between 1 and 3, got 0.8",
            "contract.term_years: must be a whole number between 1 and 30, got 0",
        ]
    );
    // Same through --summary and stdin, for a version-1 file's one PUE.
    let out = run(
        &["evaluate", "--summary", "-"],
        Some(br#"{"schema_version":1,"hpc":{"pue":0.8}}"#),
    );
    assert_eq!(
        assert_refused(&out),
        vec!["hpc.pue: must be between 1 and 3, got 0.8"]
    );
}

#[test]
fn unknown_field_is_named() {
    let out = run(
        &["evaluate", "-"],
        Some(br#"{"site":{"grid_capcity":100}}"#),
    );
    let lines = assert_refused(&out);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("site.grid_capcity: unknown field"),
        "{}",
        lines[0]
    );
}

#[test]
fn broken_json_and_wrong_types() {
    for (input, start) in [
        (&b"{\"site\": "[..], "site: the text ends in the middle of"),
        (&b""[..], "scenario: "),
        (&b"[1, 2]"[..], "scenario: "),
        (
            &br#"{"hpc":{"conversion_months":12.5}}"#[..],
            "hpc.conversion_months: must be a whole number",
        ),
        (&br#"{"schema_version":3}"#[..], "schema_version: "),
        (
            &br#"{"hpc":{"pue":1.2}}"#[..],
            "hpc.pue: replaced in version 2",
        ),
        (
            &br#"{"schema_version":1,"terminal":{"exit_cap_rate_pct":7}}"#[..],
            "terminal.exit_cap_rate_pct: is new in version 2",
        ),
        (
            &br#"{"mining":{"pue":"1.1"}}"#[..],
            "mining.pue: invalid type",
        ),
    ] {
        let out = run(&["evaluate", "-"], Some(input));
        let lines = assert_refused(&out);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].starts_with(start),
            "{:?}: {}",
            String::from_utf8_lossy(input),
            lines[0]
        );
    }
}

#[test]
fn not_representable_is_a_clean_error() {
    let out = run(
        &["evaluate", "-"],
        Some(br#"{"finance":{"discount_rate_pct":-99.99999999},"contract":{"term_years":30},"greenfield":{"build_months":[240]}}"#),
    );
    let lines = assert_refused(&out);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("finance.discount_rate_pct: ") && lines[0].contains("too extreme"),
        "{}",
        lines[0]
    );
    assert!(!lines[0].contains("NaN"));
}

#[test]
fn missing_and_unreadable_files() {
    let missing = std::env::temp_dir().join(format!(
        "repower-cli-test-missing-{}.json",
        std::process::id()
    ));
    let missing = missing.to_str().expect("UTF-8");
    let out = run(&["evaluate", missing], None);
    let lines = assert_refused(&out);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with(missing) && lines[0].contains("cannot read"),
        "{}",
        lines[0]
    );
    // Not UTF-8.
    let file = TempFile::new(&[0xff, 0xfe, b'{', b'}']);
    let lines = assert_refused(&run(&["evaluate", file.path()], None));
    assert!(lines[0].contains("cannot read"), "{}", lines[0]);
    // A directory.
    let dir = std::env::temp_dir();
    let lines = assert_refused(&run(&["evaluate", dir.to_str().expect("UTF-8")], None));
    assert!(lines[0].contains("cannot read"), "{}", lines[0]);
}

#[test]
fn summary_prints_lines_with_units() {
    let file = TempFile::new(TINY.as_bytes());
    for args in [
        ["evaluate", "--summary", file.path()],
        ["evaluate", file.path(), "--summary"],
    ] {
        let out = run(&args, None);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let s = text(&out.stdout);
        assert!(
            serde_json::from_str::<Value>(&s).is_err(),
            "the summary is not JSON"
        );
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines.len() >= 8, "{s}");
        let line = |start: &str| -> &str {
            lines
                .iter()
                .copied()
                .find(|l| l.starts_with(start))
                .unwrap_or_else(|| panic!("no line {start:?} in\n{s}"))
        };
        // 1 MW of IT on 1 MW of grid.
        assert!(line("Critical IT leased:").contains("1 MW"), "{s}");
        // Rent 1,100,000.
        assert!(line("1-year contract revenue:").contains("$1.10M"), "{s}");
        assert!(line("NPV, keep mining / convert:").contains('$'), "{s}");
        assert!(
            line("Mining break-even price:").contains("$83.33/MWh"),
            "{s}"
        );
        assert!(
            line("Energy price and the lead:")
                .contains("mining is ahead below $102.52/MWh, converting from $102.52/MWh up"),
            "{s}"
        );
        assert!(
            line("Model version 2").contains("made under version 1"),
            "{s}"
        );
        assert!(line("  Rent:").contains("+$1.10M"), "{s}");
        assert!(line("Payback:").contains("does not pay back"), "{s}");
        assert!(
            line("Against a 3-month greenfield build:").contains("1 month saved"),
            "{s}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["evaluate"][..],
        &["evaluate", "a.json", "b.json"][..],
        &["evaluate", "--bogus"][..],
        &["evaluate", "--summary"][..],
        &["defaults", "extra"][..],
    ] {
        let out = run(args, None);
        assert_no_panic(&out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            text(&out.stderr).contains("usage"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("repower evaluate"));
}

/// `repower migrate` prints a version-1 scenario as version 2 with the
/// same figures: every version-1 fixture, migrated and evaluated, gives the
/// outputs version 1 printed for it.
#[test]
fn migrate_keeps_the_figures_of_version_1_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1");
    for name in [
        "defaults",
        "host-pays-power",
        "preset-core-scientific-coreweave",
        "short-term",
    ] {
        let input = dir.join(format!("scenarios/{name}.json"));
        let out = run(&["migrate", input.to_str().expect("UTF-8")], None);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
        let migrated: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(migrated["schema_version"], 2, "{name}");
        assert_eq!(migrated["tax"]["rate_pct"], 0.0, "{name}");
        assert!(migrated["hpc"].get("pue").is_none(), "{name}");
        let file = TempFile::new(&out.stdout);
        let r: Value =
            serde_json::from_slice(&run(&["evaluate", file.path()], None).stdout).expect("JSON");
        let want: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("outputs/{name}.json"))).expect("fixture"),
        )
        .expect("JSON");
        assert_eq!(r["input_schema_version"], 2);
        for key in [
            "contract_total_revenue_usd",
            "keep_mining_npv_usd",
            "convert_npv_usd",
            "incremental_npv_usd",
            "energy_crossover_usd_per_mwh",
        ] {
            let (g, w) = (r[key].as_f64(), want[key].as_f64());
            match (g, w) {
                (Some(g), Some(w)) => assert!(
                    (g - w).abs() <= 1e-9 * w.abs() + 1e-4,
                    "{name}.{key}: {g} vs {w}"
                ),
                _ => assert_eq!(r[key], want[key], "{name}.{key}"),
            }
        }
        assert_eq!(r["payback_month"], want["payback_month"], "{name}");
    }
    // A version-2 file is printed unchanged, with a word on stderr.
    let out = run(&["migrate", "-"], Some(br#"{"schema_version":2}"#));
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("already version 2"));
    // A broken file is refused like evaluate refuses it.
    let lines = assert_refused(&run(
        &["migrate", "-"],
        Some(br#"{"schema_version":1,"hpc":{"pue":9}}"#),
    ));
    assert_eq!(lines, vec!["hpc.pue: must be between 1 and 3, got 9"]);
}

/// `repower risk` prints the tornado and the simulation; the same seed, the
/// same numbers.
#[test]
fn risk_prints_the_tornado_and_the_simulation() {
    let input = br#"{"risk":{"paths":200,"seed":7}}"#;
    let a = run(&["risk", "-"], Some(input));
    assert_no_panic(&a);
    assert_eq!(a.status.code(), Some(0), "{}", text(&a.stderr));
    let r: Value = serde_json::from_slice(&a.stdout).expect("JSON");
    assert_eq!(r["tornado"]["bars"].as_array().map(Vec::len), Some(13));
    assert_eq!(r["simulation"]["paths"], 200);
    assert_eq!(r["simulation"]["seed"], 7);
    for key in ["p10", "p50", "p90"] {
        assert!(
            r["simulation"]["incremental_npv_usd"][key].is_number(),
            "{key}"
        );
    }
    let b = run(&["risk", "-"], Some(input));
    assert_eq!(a.stdout, b.stdout, "the same seed gives the same output");
    let summary = run(&["risk", "--summary", "-"], Some(input));
    let s = text(&summary.stdout);
    assert!(s.contains("Tornado: incremental NPV"), "{s}");
    assert!(s.contains("Simulation: 200 paths, seed 7"), "{s}");
    let lines = assert_refused(&run(&["risk", "-"], Some(br#"{"risk":{"paths":5}}"#)));
    assert_eq!(
        lines,
        vec!["risk.paths: must be a whole number between 10 and 20,000, got 5"]
    );
}
