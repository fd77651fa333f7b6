//! The named outputs of one evaluation (MODEL.md, "Outputs").
//!
//! Field names are fixed: the evaluator's JSON and the JavaScript API use them
//! as they stand. `None` is printed as `null` where MODEL.md says a value is
//! not defined.

use serde::{Deserialize, Serialize};

use super::error::ScenarioError;
use super::finance::{irr, payback_month};
use super::plan::{halving_factor, Plan, DAYS, HOURS};
use super::scenario::Scenario;
use super::sweep::{energy_crossover, energy_sensitivity, lead, AdvantageChange, SensitivityPoint};

/// Everything the model says about one scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Contract revenue per contract year, `term_years` numbers.
    pub contract_annual_revenue_usd: Vec<f64>,
    /// Their nominal sum.
    pub contract_total_revenue_usd: f64,
    /// Present value at month 0 of the contract revenue.
    pub contract_revenue_npv_usd: f64,
    pub keep_mining_npv_usd: f64,
    pub convert_npv_usd: f64,
    /// `convert_npv_usd − keep_mining_npv_usd`.
    pub incremental_npv_usd: f64,
    /// Yearly IRR of `convert − keep mining`, when defined.
    pub incremental_irr_pct: Option<f64>,
    /// Why the IRR is not defined, when it is not (for people; not in MODEL.md).
    pub incremental_irr_note: Option<String>,
    /// First month from which the cumulative advantage stays ≥ 0.
    pub payback_month: Option<u32>,
    /// Month-0 price at which mining revenue equals its energy cost.
    pub mining_breakeven_usd_per_mwh: f64,
    /// One entry per greenfield baseline, in the given order.
    pub build_time: Vec<BuildTime>,
    /// Both paths at each price of the sweep.
    pub energy_sensitivity: Vec<SensitivityPoint>,
    /// Lowest year-1 price at which converting is worth at least keeping mining.
    pub energy_crossover_usd_per_mwh: Option<f64>,
    /// Every price in `[0, 2000]` where converting moves ahead of mining or
    /// falls behind it, lowest first (for people; not in MODEL.md).
    pub energy_advantage_changes: Vec<AdvantageChange>,
    /// Quantities of the scenario the outputs were computed from.
    pub derived: Derived,
    /// The series behind the charts, one row per month `0 … H-1`.
    pub monthly: Vec<MonthRow>,
}

/// The tenant's gain against one greenfield baseline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuildTime {
    pub baseline_months: u32,
    pub months_saved: u32,
    pub mw_months_gained: f64,
    pub revenue_pulled_forward_usd: f64,
    pub tenant_value_gained_usd: f64,
    pub npv_advantage_usd: f64,
}

/// Quantities derived from the inputs, for display.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Derived {
    /// `C`, the critical IT MW contracted (resolved when the input is null).
    pub critical_it_mw: f64,
    /// `P_h = C × hpc.pue`.
    pub hpc_grid_mw: f64,
    /// Grid MW that keeps mining on the convert path.
    pub convert_mining_mw: f64,
    pub conversion_months: u32,
    pub horizon_months: u32,
    /// The scenario's year-1 energy price.
    pub energy_price_usd_per_mwh: f64,
    /// Capex the host pays (after the tenant's share).
    pub host_capex_usd: f64,
}

/// One month of both paths.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthRow {
    pub month: u32,
    pub delivered_critical_mw: f64,
    pub contract_revenue_usd: f64,
    pub keep_mining_cash_usd: f64,
    pub convert_cash_usd: f64,
    /// Mining cash flow of the part of the site that keeps mining when converting.
    pub convert_mining_cash_usd: f64,
    pub capex_usd: f64,
    pub hpc_energy_usd: f64,
    pub hpc_opex_usd: f64,
    /// Cumulative `convert − keep mining` through this month.
    pub cumulative_advantage_usd: f64,
}

impl Evaluation {
    /// Computes every output of a validated scenario.
    pub(crate) fn compute(s: &Scenario) -> Result<Self, ScenarioError> {
        let plan = Plan::new(s);
        let p0 = plan.energy_price;
        let (keep_npv, convert_npv) = plan.npvs_at(p0);

        // Monthly rows and the incremental series.
        let mut monthly = Vec::with_capacity(plan.horizon);
        let mut incremental = Vec::with_capacity(plan.horizon);
        let mut cumulative = 0.0;
        for m in 0..plan.horizon {
            let per_mw = plan.mining_cash_per_mw(p0, m);
            let keep = plan.grid_mw * per_mw;
            let convert_mining = plan.convert_mining_mw * per_mw;
            let (revenue, hpc_energy, hpc_opex) = plan.contract_net(m, p0);
            let capex = plan.capex[m];
            let other = revenue - hpc_energy - hpc_opex - capex;
            // convert − keep, written so the mining of the part that keeps
            // mining cancels exactly.
            let diff = other - (plan.grid_mw - plan.convert_mining_mw) * per_mw;
            cumulative += diff;
            incremental.push(diff);
            let delivered = m
                .checked_sub(plan.conversion_months)
                .map_or(0.0, |k| plan.delivered_mw[k]);
            monthly.push(MonthRow {
                month: m as u32,
                delivered_critical_mw: delivered,
                contract_revenue_usd: revenue,
                keep_mining_cash_usd: keep,
                convert_cash_usd: convert_mining + other,
                convert_mining_cash_usd: convert_mining,
                capex_usd: capex,
                hpc_energy_usd: hpc_energy,
                hpc_opex_usd: hpc_opex,
                cumulative_advantage_usd: cumulative,
            });
        }

        let contract_annual_revenue_usd: Vec<f64> = plan
            .contract_revenue
            .chunks(12)
            .map(|year| year.iter().sum())
            .collect();
        let contract_total_revenue_usd = contract_annual_revenue_usd.iter().sum();

        let (incremental_irr_pct, incremental_irr_note) = match irr(&incremental) {
            Ok(pct) => (Some(pct), None),
            Err(why) => (None, Some(why.to_string())),
        };

        let build_time = s
            .greenfield
            .build_months
            .iter()
            .map(|&b| build_time(&plan, b, s.tenant.compute_value_usd_per_mw_month))
            .collect();

        let m = &s.mining;
        let mining_breakeven_usd_per_mwh = m.hashprice_usd_per_ph_day
            * halving_factor(m.months_to_next_halving, 0)
            * DAYS
            * (1.0 - m.pool_fee_pct / 100.0)
            * 1000.0
            / (m.efficiency_j_per_th * m.pue * HOURS);

        let lead = lead(&plan);
        let evaluation = Self {
            contract_annual_revenue_usd,
            contract_total_revenue_usd,
            contract_revenue_npv_usd: plan.contract_revenue_pv,
            keep_mining_npv_usd: keep_npv,
            convert_npv_usd: convert_npv,
            incremental_npv_usd: convert_npv - keep_npv,
            incremental_irr_pct,
            incremental_irr_note,
            payback_month: payback_month(&incremental),
            mining_breakeven_usd_per_mwh,
            build_time,
            energy_sensitivity: energy_sensitivity(&plan, &s.sensitivity.energy_usd_per_mwh),
            energy_crossover_usd_per_mwh: energy_crossover(&lead),
            energy_advantage_changes: lead.changes,
            derived: Derived {
                critical_it_mw: plan.critical_it_mw,
                hpc_grid_mw: plan.hpc_grid_mw,
                convert_mining_mw: plan.convert_mining_mw,
                conversion_months: s.hpc.conversion_months,
                horizon_months: plan.horizon as u32,
                energy_price_usd_per_mwh: p0,
                host_capex_usd: plan.capex.iter().sum(),
            },
            monthly,
        };
        evaluation.check_finite()?;
        Ok(evaluation)
    }

    /// The base greenfield baseline: the shortest (the first of equals), the
    /// one that is hardest to beat. The headline numbers and the build-time
    /// chart count against it, whatever the order of the list.
    pub fn base_build_time(&self) -> Option<&BuildTime> {
        self.build_time.iter().reduce(|best, b| {
            if b.baseline_months < best.baseline_months {
                b
            } else {
                best
            }
        })
    }

    /// Every number finite, or the name of the first output that is not.
    fn check_finite(&self) -> Result<(), ScenarioError> {
        let bad = |output: &'static str| {
            Err(ScenarioError::NotRepresentable {
                output,
                field: None,
            })
        };
        if !self
            .contract_annual_revenue_usd
            .iter()
            .all(|x| x.is_finite())
            || !self.contract_total_revenue_usd.is_finite()
        {
            return bad("contract_total_revenue_usd");
        }
        if !self.contract_revenue_npv_usd.is_finite() {
            return bad("contract_revenue_npv_usd");
        }
        if !self.keep_mining_npv_usd.is_finite() || !self.convert_npv_usd.is_finite() {
            return bad("keep_mining_npv_usd");
        }
        if !self.incremental_npv_usd.is_finite() {
            return bad("incremental_npv_usd");
        }
        if !self.mining_breakeven_usd_per_mwh.is_finite() {
            return bad("mining_breakeven_usd_per_mwh");
        }
        if !self.build_time.iter().all(|b| {
            b.mw_months_gained.is_finite()
                && b.revenue_pulled_forward_usd.is_finite()
                && b.tenant_value_gained_usd.is_finite()
                && b.npv_advantage_usd.is_finite()
        }) {
            return bad("build_time");
        }
        if !self
            .energy_sensitivity
            .iter()
            .all(|p| p.keep_mining_npv_usd.is_finite() && p.convert_npv_usd.is_finite())
        {
            return bad("energy_sensitivity");
        }
        if !self.monthly.iter().all(|r| {
            r.keep_mining_cash_usd.is_finite()
                && r.convert_cash_usd.is_finite()
                && r.cumulative_advantage_usd.is_finite()
        }) {
            return bad("monthly");
        }
        Ok(())
    }
}

fn build_time(plan: &Plan, baseline: u32, value_per_mw_month: f64) -> BuildTime {
    let c = plan.conversion_months;
    let b = baseline as usize;
    let saved = b.saturating_sub(c);
    let n = saved.min(plan.term_months);
    let mw_months_gained: f64 = plan.delivered_mw[..n].iter().sum();
    let revenue_pulled_forward_usd: f64 = plan.contract_revenue[..n].iter().sum();
    let npv_advantage_usd = plan
        .contract_revenue
        .iter()
        .enumerate()
        .map(|(k, x)| x * (plan.discount[c + k] - plan.discount[b + k]))
        .sum();
    BuildTime {
        baseline_months: baseline,
        months_saved: saved as u32,
        mw_months_gained,
        revenue_pulled_forward_usd,
        tenant_value_gained_usd: mw_months_gained * value_per_mw_month,
        npv_advantage_usd,
    }
}
