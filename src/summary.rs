//! The evaluator's human-readable summary: the headline numbers with units.

use crate::format::{megawatts, money, percent, price_per_mwh, years_months};
use crate::model::Evaluation;

/// A few lines of KPIs, one per line, `name: value`.
pub fn summary(r: &Evaluation) -> String {
    let years = r.contract_annual_revenue_usd.len();
    let mut lines = vec![
        format!(
            "Critical IT leased:          {} (on {} of grid power)",
            megawatts(r.derived.critical_it_mw),
            megawatts(r.derived.hpc_grid_mw)
        ),
        format!(
            "{years}-year contract revenue:    {} (NPV {})",
            money(r.contract_total_revenue_usd),
            money(r.contract_revenue_npv_usd)
        ),
        format!(
            "NPV, keep mining:            {}",
            money(r.keep_mining_npv_usd)
        ),
        format!("NPV, convert:                {}", money(r.convert_npv_usd)),
        format!(
            "Incremental NPV of converting: {}",
            money(r.incremental_npv_usd)
        ),
        format!(
            "Incremental IRR:             {}",
            match (r.incremental_irr_pct, &r.incremental_irr_note) {
                (Some(irr), _) => percent(irr),
                (None, Some(why)) => format!("not defined ({why})"),
                (None, None) => "not defined".to_owned(),
            }
        ),
        format!(
            "Payback:                     {}",
            r.payback_month.map_or_else(
                || "does not pay back within the contract".to_owned(),
                |m| format!("month {m} ({})", years_months(m))
            )
        ),
        format!(
            "Mining break-even price:     {}",
            price_per_mwh(r.mining_breakeven_usd_per_mwh)
        ),
        format!(
            "Crossover energy price:      {}",
            r.energy_crossover_usd_per_mwh.map_or_else(
                || "none up to $2,000/MWh (mining stays ahead)".to_owned(),
                price_per_mwh
            )
        ),
    ];
    for b in &r.build_time {
        lines.push(format!(
            "Against a {}-month greenfield build: {} saved, {} MW-months sooner, {} revenue pulled forward, {} tenant value",
            b.baseline_months,
            years_months(b.months_saved),
            crate::format::grouped(b.mw_months_gained),
            money(b.revenue_pulled_forward_usd),
            money(b.tenant_value_gained_usd)
        ));
    }
    lines.join("\n")
}
