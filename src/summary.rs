//! The evaluator's human-readable summary: the headline numbers with units,
//! in the order the page's cards ask their questions ("should we convert?",
//! then "how robust is it?"), then where the value comes from.

use crate::format::{
    grouped, lead_in_words, megawatts, money, percent, price_per_mwh, years_months,
};
use crate::model::Evaluation;

/// A label padded to the value column.
fn line(label: &str, value: impl AsRef<str>) -> String {
    format!("{:<34}{}", format!("{label}:"), value.as_ref())
}

fn or_why(value: Option<String>, why: &Option<String>) -> String {
    match (value, why) {
        (Some(v), _) => v,
        (None, Some(why)) => format!("not defined ({why})"),
        (None, None) => "not defined".to_owned(),
    }
}

fn month(m: Option<u32>, never: &str) -> String {
    m.map_or_else(
        || never.to_owned(),
        |m| format!("month {m} ({})", years_months(m)),
    )
}

/// A few lines of KPIs, one per line, `name: value`.
pub fn summary(r: &Evaluation) -> String {
    let years = r.contract_annual_revenue_usd.len();
    let per_kw = |x: f64| format!("${:.2}/kW-month", x);
    let mut lines = vec![
        format!(
            "Model version {} (scenario made under version {})",
            r.schema_version, r.input_schema_version
        ),
        line(
            "Critical IT leased",
            format!(
                "{} (on {} of grid power)",
                megawatts(r.derived.critical_it_mw),
                megawatts(r.derived.hpc_grid_mw)
            ),
        ),
        line(
            &format!("{years}-year contract revenue"),
            format!(
                "{} (NPV {}, levelized {})",
                money(r.contract_total_revenue_usd),
                money(r.contract_revenue_npv_usd),
                per_kw(r.levelized_rent_usd_per_kw_month)
            ),
        ),
        String::new(),
        "Should we convert? (after tax, value after the contract included)".to_owned(),
        line(
            "Incremental NPV of converting",
            money(r.incremental_npv_usd),
        ),
        line(
            "NPV, keep mining / convert",
            format!(
                "{} / {}",
                money(r.keep_mining_npv_usd),
                money(r.convert_npv_usd)
            ),
        ),
        line(
            "Project IRR",
            or_why(r.incremental_irr_pct.map(percent), &r.incremental_irr_note),
        ),
        line(
            "Equity IRR",
            match r.debt_usd {
                None => "no debt".to_owned(),
                Some(_) => or_why(r.equity_irr_pct.map(percent), &r.equity_irr_note),
            },
        ),
        line(
            "Payback",
            month(r.payback_month, "does not pay back within the horizon"),
        ),
        line(
            "Discounted payback",
            month(
                r.discounted_payback_month,
                "does not pay back within the horizon",
            ),
        ),
        String::new(),
        "How robust is it?".to_owned(),
        line(
            "Break-even hashprice",
            r.breakeven_hashprice_usd_per_ph_day.map_or_else(
                || "none between $0 and $100,000/PH/day".to_owned(),
                |h| format!("${h:.2}/PH/day (mining would need it to match converting)"),
            ),
        ),
        line(
            "Break-even lease rate",
            r.breakeven_rate_usd_per_kw_month
                .map_or_else(|| "none between $0 and $10,000".to_owned(), per_kw),
        ),
        line(
            "Break-even capex",
            r.breakeven_capex_usd_per_mw.map_or_else(
                || "none between $0 and $100M per MW".to_owned(),
                |k| format!("{} per MW", money(k)),
            ),
        ),
        line(
            "Value created",
            r.value_created_usd.map_or_else(
                || "no exit cap rate".to_owned(),
                |v| {
                    format!(
                        "{} ({} per MW)",
                        money(v),
                        money(r.value_created_per_mw_usd.unwrap_or(0.0))
                    )
                },
            ),
        ),
        line(
            "Stabilised NOI, yield on cost",
            format!(
                "{} a year, {}",
                money(r.stabilized_noi_usd),
                r.yield_on_cost_pct
                    .map_or_else(|| "no cost".to_owned(), percent)
            ),
        ),
        line(
            "HPC NOI margin",
            r.hpc_noi_margin_pct
                .map_or_else(|| "no rent".to_owned(), percent),
        ),
        line(
            "Minimum DSCR",
            r.min_dscr
                .map_or_else(|| "no level payments".to_owned(), |d| format!("{d:.2}×")),
        ),
        line(
            "Mining break-even price",
            format!(
                "{} (today's hashprice against energy only, before opex and halvings)",
                price_per_mwh(r.mining_breakeven_usd_per_mwh)
            ),
        ),
        line(
            "Energy price and the lead",
            lead_in_words(&r.price_regimes()),
        ),
        line(
            "Fleet retired",
            r.mining_retirement_month.map_or_else(
                || "runs to the horizon".to_owned(),
                |m| format!("sold at month {m} ({})", years_months(m)),
            ),
        ),
        line(
            "Taxes, keep mining / convert",
            format!(
                "{} / {}",
                money(r.keep_mining_tax_usd),
                money(r.convert_tax_usd)
            ),
        ),
        line("Value after the contract", money(r.terminal_value_usd)),
        String::new(),
        "Where the value comes from (present values):".to_owned(),
    ];
    for b in &r.npv_bridge {
        let value = if b.step.is_total() {
            money(b.usd)
        } else {
            signed(b.usd)
        };
        lines.push(line(&format!("  {}", b.step.label()), value));
    }
    lines.push(String::new());
    for b in &r.build_time {
        lines.push(format!(
            "Against a {}-month greenfield build: {} saved, {} MW-months sooner, {} revenue pulled forward, \
             {} tenant value ({} today, a speed premium of {})",
            b.baseline_months,
            years_months(b.months_saved),
            grouped(b.mw_months_gained),
            money(b.revenue_pulled_forward_usd),
            money(b.tenant_value_gained_usd),
            money(b.tenant_value_gained_pv_usd),
            per_kw(b.speed_premium_usd_per_kw_month)
        ));
    }
    lines.join("\n")
}

/// A change with its sign: `+$1.20B`, `−$310M`.
fn signed(x: f64) -> String {
    if x >= 0.0 {
        format!("+{}", money(x))
    } else {
        money(x)
    }
}

/// The risk view for people: the tornado's bars, largest first, then the
/// simulation's percentiles.
pub fn risk_summary(r: &crate::model::risk::Risk) -> String {
    use crate::format::grouped;
    let t = &r.tornado;
    let mut lines = vec![format!(
        "Tornado: incremental NPV {} with each input moved alone",
        money(t.base_npv_usd)
    )];
    for b in &t.bars {
        let unit = if b.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", b.unit)
        };
        lines.push(format!(
            "  {:<28} {} at {}{unit}, {} at {}{unit}",
            b.label,
            money(b.npv_at_low_usd),
            crate::model::field::form_number(b.low_value),
            money(b.npv_at_high_usd),
            crate::model::field::form_number(b.high_value)
        ));
    }
    for why in &t.left_out {
        lines.push(format!("  left out: {why}"));
    }
    let s = &r.simulation;
    let p = s.incremental_npv_usd;
    lines.push(String::new());
    lines.push(format!(
        "Simulation: {} paths, seed {}",
        grouped(f64::from(s.paths)),
        s.seed
    ));
    lines.push(line(
        "Incremental NPV P10 / P50 / P90",
        format!("{} / {} / {}", money(p.p10), money(p.p50), money(p.p90)),
    ));
    lines.push(line(
        "Deterministic incremental NPV",
        money(s.deterministic_npv_usd),
    ));
    lines.push(line(
        "Converting at least as good",
        format!("on {} of paths", percent(s.probability_convert_ahead_pct)),
    ));
    let kind = match s.irr_kind {
        crate::model::risk::IrrKind::Equity => "Equity IRR P10 / P50 / P90",
        crate::model::risk::IrrKind::Project => "Project IRR P10 / P50 / P90",
    };
    lines.push(line(
        kind,
        s.irr_pct.map_or_else(
            || "not defined on any path".to_owned(),
            |i| {
                format!(
                    "{} / {} / {}",
                    percent(i.p10),
                    percent(i.p50),
                    percent(i.p90)
                )
            },
        ),
    ));
    let pb = |m: Option<u32>| m.map_or_else(|| "never".to_owned(), |m| format!("month {m}"));
    let b = s.payback_month;
    lines.push(line(
        "Payback P10 / P50 / P90",
        format!("{} / {} / {}", pb(b.p10), pb(b.p50), pb(b.p90)),
    ));
    lines.join("\n")
}
