//! The named outputs of one evaluation (docs/MODEL.md, "Outputs").
//!
//! Field names are fixed: the evaluator's JSON and the JavaScript API use them
//! as they stand. `None` is printed as `null` where the model says a value is
//! not defined.

use serde::Serialize;

use super::breakeven;
use super::debt::{Equity, Schedule};
use super::error::ScenarioError;
use super::finance::{discounted_payback_month, payback_month, IrrRule};
use super::finite::first_non_finite;
use super::output::Output;
use super::plan::{halving_factor, Detail, Month, Plan, DAYS, HOURS};
use super::scenario::{Scenario, SCHEMA_VERSION};
use super::sweep::{
    energy_crossover, energy_sensitivity, lead, AdvantageChange, ChangeEnd, Lead, SensitivityPoint,
};

/// Whether an evaluation runs its searches: the three break-evens and every
/// change of lead across energy prices (`breakeven_*`,
/// `energy_crossover_usd_per_mwh`, `energy_advantage_changes`), most of its
/// time. The page leaves them for a pass of their own while their cards are
/// out of sight (`ui::derive::quick`); everything else is the same to the
/// bit either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Searches {
    #[default]
    Run,
    /// Not run: the break-evens and the crossover are `None`, the changes
    /// of lead empty, and none of them is to be shown.
    Later,
}

/// Everything the model says about one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// Whether the searches ran (never in the evaluator's or the API's
    /// output, which always runs them).
    #[serde(skip)]
    pub searches: Searches,
    /// The version of the model that computed this (2).
    pub schema_version: u64,
    /// The version of the scenario it was computed from (1 or 2).
    pub input_schema_version: u64,

    /// Rent per contract year, `ceil(N/12)` numbers.
    pub contract_annual_revenue_usd: Vec<f64>,
    /// Their nominal sum.
    pub contract_total_revenue_usd: f64,
    /// Present value at month 0 of the rent.
    pub contract_revenue_npv_usd: f64,
    /// `Σ rent / (1000 × Σ L)`: what deals' implied rates are.
    pub levelized_rent_usd_per_kw_month: f64,
    /// `(Σ rent − Σ HPC opex − Σ HPC energy) / Σ rent`, in percent.
    pub hpc_noi_margin_pct: Option<f64>,
    /// NOI of the first 12 months at full capacity.
    pub stabilized_noi_usd: f64,
    /// `C × capex × (1 + contingency) + site costs`, whoever pays.
    pub project_cost_usd: f64,
    pub yield_on_cost_pct: Option<f64>,
    /// `stabilized NOI / exit cap − project cost`.
    pub value_created_usd: Option<f64>,
    pub value_created_per_mw_usd: Option<f64>,

    /// After tax, unlevered, at the discount rate.
    pub keep_mining_npv_usd: f64,
    pub convert_npv_usd: f64,
    /// `convert_npv_usd − keep_mining_npv_usd`.
    pub incremental_npv_usd: f64,
    /// Yearly IRR of `convert − keep mining` (after tax), when defined.
    pub incremental_irr_pct: Option<f64>,
    /// Why the IRR is not defined, when it is not (for people).
    pub incremental_irr_note: Option<String>,
    /// First month from which the cumulative advantage stays ≥ 0.
    pub payback_month: Option<u32>,
    /// The same, discounted.
    pub discounted_payback_month: Option<u32>,
    /// `TV`, nominal at the last month (0 without a cap rate).
    pub terminal_value_usd: f64,
    /// `S`, the month the fleet is sold; `None` when it runs to the horizon.
    pub mining_retirement_month: Option<u32>,
    pub keep_mining_tax_usd: f64,
    pub convert_tax_usd: f64,
    /// Where the incremental value comes from, keep mining to converting.
    pub npv_bridge: Vec<BridgeItem>,

    /// Σ draws; `None` without debt.
    pub debt_usd: Option<f64>,
    /// IRR of equity cash − after-tax keep-mining cash.
    pub equity_irr_pct: Option<f64>,
    /// Why the equity IRR is not defined, when there is debt (for people).
    pub equity_irr_note: Option<String>,
    /// Smallest yearly cover of the level payments by the hosting cash.
    pub min_dscr: Option<f64>,

    /// Hashprice at which mining would match converting.
    pub breakeven_hashprice_usd_per_ph_day: Option<f64>,
    /// Lease rate at which converting matches mining.
    pub breakeven_rate_usd_per_kw_month: Option<f64>,
    /// Capex per MW at which converting matches mining.
    pub breakeven_capex_usd_per_mw: Option<f64>,

    /// Month-0 price at which mining revenue equals its energy cost (before
    /// opex and halvings).
    pub mining_breakeven_usd_per_mwh: f64,
    /// Both paths at each price of the sweep.
    pub energy_sensitivity: Vec<SensitivityPoint>,
    /// Lowest year-1 price at which converting is worth at least keeping mining.
    pub energy_crossover_usd_per_mwh: Option<f64>,
    /// Every price in `[0, 2000]` where converting moves ahead of mining or
    /// falls behind it, lowest first.
    pub energy_advantage_changes: Vec<AdvantageChange>,

    /// One entry per greenfield baseline, in the given order.
    pub build_time: Vec<BuildTime>,
    /// Quantities of the scenario the outputs were computed from.
    pub derived: Derived,
    /// The series behind the charts, one row per month `0 … H-1`.
    pub monthly: Vec<MonthRow>,
}

/// One step of the NPV bridge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BridgeStep {
    KeepMining,
    MiningGivenUp,
    FleetSale,
    Rent,
    HpcOpex,
    HpcEnergy,
    Capex,
    TerminalValue,
    Tax,
    Convert,
}

impl BridgeStep {
    /// Every step, in the bridge's order.
    pub const ALL: [BridgeStep; 10] = [
        BridgeStep::KeepMining,
        BridgeStep::MiningGivenUp,
        BridgeStep::FleetSale,
        BridgeStep::Rent,
        BridgeStep::HpcOpex,
        BridgeStep::HpcEnergy,
        BridgeStep::Capex,
        BridgeStep::TerminalValue,
        BridgeStep::Tax,
        BridgeStep::Convert,
    ];

    /// Whether the step is a total (the two ends) rather than a change.
    pub fn is_total(self) -> bool {
        matches!(self, BridgeStep::KeepMining | BridgeStep::Convert)
    }

    /// The step's name as a reader says it, in English (marked for the
    /// catalogue: the charts show it translated, `crate::lang::tr`).
    pub fn label(self) -> &'static str {
        match self {
            BridgeStep::KeepMining => en!("Keep mining"),
            BridgeStep::MiningGivenUp => en!("Mining given up"),
            BridgeStep::FleetSale => en!("Fleet sale"),
            BridgeStep::Rent => en!("Rent"),
            BridgeStep::HpcOpex => en!("HPC opex"),
            BridgeStep::HpcEnergy => en!("HPC energy"),
            BridgeStep::Capex => en!("Capex"),
            BridgeStep::TerminalValue => en!("Value after the contract"),
            BridgeStep::Tax => en!("Tax"),
            BridgeStep::Convert => en!("Convert"),
        }
    }
}

/// One step of the NPV bridge, as a present value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BridgeItem {
    pub step: BridgeStep,
    pub usd: f64,
}

/// The tenant's gain against one greenfield baseline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BuildTime {
    pub baseline_months: u32,
    pub months_saved: u32,
    pub mw_months_gained: f64,
    pub revenue_pulled_forward_usd: f64,
    pub tenant_value_gained_usd: f64,
    pub tenant_value_gained_pv_usd: f64,
    /// The extra rent the tenant could pay over the whole lease for the head start.
    pub speed_premium_usd_per_kw_month: f64,
    pub npv_advantage_usd: f64,
}

/// Quantities derived from the inputs, for display.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Derived {
    /// `C`, the critical IT MW contracted (resolved when the input is null).
    pub critical_it_mw: f64,
    /// `P_h = C × hpc.design_pue`.
    pub hpc_grid_mw: f64,
    /// Grid MW that keeps mining on the convert path.
    pub convert_mining_mw: f64,
    pub conversion_months: u32,
    /// `T`, the term in months.
    pub term_months: u32,
    /// `N`, contract months (the term, plus the ramp's tail per tranche).
    pub contract_months: u32,
    pub horizon_months: u32,
    /// The scenario's year-1 energy price.
    pub energy_price_usd_per_mwh: f64,
    /// Capex the host pays (after the tenant's share), site costs included.
    pub host_capex_usd: f64,
}

/// One month of both paths.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonthRow {
    pub month: u32,
    pub leased_critical_mw: f64,
    pub contract_revenue_usd: f64,
    /// After tax.
    pub keep_mining_cash_usd: f64,
    /// After tax, unlevered.
    pub convert_cash_usd: f64,
    pub keep_mining_tax_usd: f64,
    pub convert_tax_usd: f64,
    /// Interest, payments and the final repayment.
    pub debt_service_usd: f64,
    pub convert_equity_cash_usd: f64,
    /// Pre-tax mining cash of the part of the site that keeps mining when
    /// converting (its fleet sale included).
    pub convert_mining_cash_usd: f64,
    pub capex_usd: f64,
    pub hpc_energy_usd: f64,
    pub hpc_opex_usd: f64,
    /// Cumulative `convert − keep mining` (after tax) through this month.
    pub cumulative_advantage_usd: f64,
}

impl Evaluation {
    /// Computes every output of a validated scenario.
    pub(crate) fn compute(s: &Scenario, searches: Searches) -> Result<Self, ScenarioError> {
        let plan = Plan::new(s);
        let irr_rule = IrrRule::of_version(s.schema_version);
        let mut detail = Detail::default();
        let npvs = plan.run(&plan.base, Some(&mut detail));
        let months = &detail.months;
        let h = plan.horizon;
        let df = &plan.discount;

        // Debt and the equity view.
        let debt = Schedule::new(s, &plan, months);
        let equity = Equity::new(&plan, months, &debt);
        let has_debt = s.finance.debt_pct_of_capex > 0.0;

        // The incremental series (after tax) and the monthly rows.
        let mut incremental = Vec::with_capacity(h);
        let mut equity_incremental = Vec::with_capacity(h);
        let mut monthly = Vec::with_capacity(h);
        let mut cumulative = 0.0;
        for (m, month) in months.iter().enumerate() {
            let keep = month.keep_after_tax();
            let convert = month.convert_after_tax();
            let diff = convert - keep;
            cumulative += diff;
            incremental.push(diff);
            equity_incremental.push(equity.cash[m] - keep);
            let leased = m
                .checked_sub(plan.conversion_months)
                .map_or(0.0, |k| plan.leased_mw[k]);
            monthly.push(MonthRow {
                month: m as u32,
                leased_critical_mw: leased,
                contract_revenue_usd: month.rent,
                keep_mining_cash_usd: keep,
                convert_cash_usd: convert,
                keep_mining_tax_usd: month.keep_tax,
                convert_tax_usd: month.convert_tax,
                debt_service_usd: debt.service(m),
                convert_equity_cash_usd: equity.cash[m],
                convert_mining_cash_usd: month.convert_mining + month.convert_remaining_sale,
                capex_usd: month.capex,
                hpc_energy_usd: month.hpc_energy,
                hpc_opex_usd: month.hpc_opex,
                cumulative_advantage_usd: cumulative,
            });
        }

        // Contract figures.
        let rent: Vec<f64> = months[plan.conversion_months..]
            .iter()
            .map(|m| m.rent)
            .collect();
        let contract_annual_revenue_usd: Vec<f64> =
            rent.chunks(12).map(|year| year.iter().sum()).collect();
        let contract_total_revenue_usd: f64 = contract_annual_revenue_usd.iter().sum();
        let leased_total: f64 = plan.leased_mw.iter().sum();
        let hosting_total: f64 = months.iter().map(|m| m.hosting_net).sum();
        let stabilized_noi_usd = plan.stabilized.noi(&plan.base);
        let project_cost_usd = s.hpc.capex_usd_per_mw
            * (1.0 + s.hpc.capex_contingency_pct / 100.0)
            * plan.critical_it_mw
            + s.hpc.site_capex_usd;
        let value_created_usd = s
            .terminal
            .exit_cap_rate_pct
            .map(|cap| stabilized_noi_usd / (cap / 100.0) - project_cost_usd);

        let (incremental_irr_pct, incremental_irr_note) = split(irr_rule.irr(&incremental));
        let (equity_irr_pct, equity_irr_note) = if has_debt {
            split(irr_rule.irr(&equity_incremental))
        } else {
            (None, None)
        };

        let pv = |f: &dyn Fn(&Month) -> f64| -> f64 {
            months.iter().zip(df).map(|(m, v)| f(m) * v).sum()
        };
        let contract_revenue_npv_usd = pv(&|m| m.rent);
        let npv_bridge = bridge(npvs.keep, npvs.convert, &pv);

        let m = &s.mining;
        let mining_breakeven_usd_per_mwh = m.hashprice_usd_per_ph_day
            * halving_factor(m.months_to_next_halving, 0)
            * DAYS
            * (1.0 - m.pool_fee_pct / 100.0)
            * 1000.0
            / (m.efficiency_j_per_th * m.pue * HOURS);

        let run = searches == Searches::Run;
        let lead = if run {
            lead(&plan, ChangeEnd::of_version(s.schema_version))
        } else {
            Lead::default()
        };
        let evaluation = Self {
            searches,
            schema_version: SCHEMA_VERSION,
            input_schema_version: s.schema_version,
            contract_annual_revenue_usd,
            contract_total_revenue_usd,
            contract_revenue_npv_usd,
            levelized_rent_usd_per_kw_month: contract_total_revenue_usd / (1000.0 * leased_total),
            hpc_noi_margin_pct: (contract_total_revenue_usd > 0.0)
                .then(|| hosting_total / contract_total_revenue_usd * 100.0),
            stabilized_noi_usd,
            project_cost_usd,
            yield_on_cost_pct: (project_cost_usd > 0.0)
                .then(|| stabilized_noi_usd / project_cost_usd * 100.0),
            value_created_usd,
            value_created_per_mw_usd: value_created_usd.map(|v| v / plan.critical_it_mw),
            keep_mining_npv_usd: npvs.keep,
            convert_npv_usd: npvs.convert,
            incremental_npv_usd: npvs.incremental(),
            incremental_irr_pct,
            incremental_irr_note,
            payback_month: payback_month(&incremental),
            discounted_payback_month: discounted_payback_month(&incremental, df),
            terminal_value_usd: detail.terminal_value,
            mining_retirement_month: (detail.retirement_month < h)
                .then_some(detail.retirement_month as u32),
            keep_mining_tax_usd: months.iter().map(|m| m.keep_tax).sum(),
            convert_tax_usd: months.iter().map(|m| m.convert_tax).sum(),
            npv_bridge,
            debt_usd: has_debt.then(|| debt.draws.iter().sum()),
            equity_irr_pct,
            equity_irr_note,
            min_dscr: if has_debt {
                debt.min_dscr(months)
            } else {
                None
            },
            breakeven_hashprice_usd_per_ph_day: run.then(|| breakeven::hashprice(&plan)).flatten(),
            breakeven_rate_usd_per_kw_month: run.then(|| breakeven::rate(&plan)).flatten(),
            breakeven_capex_usd_per_mw: run.then(|| breakeven::capex(&plan)).flatten(),
            mining_breakeven_usd_per_mwh,
            energy_sensitivity: energy_sensitivity(&plan, &s.sensitivity.energy_usd_per_mwh),
            energy_crossover_usd_per_mwh: energy_crossover(&lead),
            energy_advantage_changes: lead.changes,
            build_time: s
                .greenfield
                .build_months
                .iter()
                .map(|&b| build_time(&plan, b, s.tenant.compute_value_usd_per_mw_month))
                .collect(),
            derived: Derived {
                critical_it_mw: plan.critical_it_mw,
                hpc_grid_mw: plan.hpc_grid_mw,
                convert_mining_mw: plan.convert_mining_mw,
                conversion_months: s.hpc.conversion_months,
                term_months: 12 * s.contract.term_years,
                contract_months: plan.span_months as u32,
                horizon_months: h as u32,
                energy_price_usd_per_mwh: plan.base.energy_price,
                host_capex_usd: plan.host_capex(&plan.base),
            },
            monthly,
        };
        match first_non_finite(&evaluation) {
            Some(key) => Err(ScenarioError::NotRepresentable {
                output: Output::from_key(key).unwrap_or(Output::Monthly),
                field: None,
            }),
            None => Ok(evaluation),
        }
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

    /// The stretches of energy price over which each path leads.
    pub fn price_regimes(&self) -> Vec<super::sweep::Regime> {
        super::sweep::regimes(
            self.energy_crossover_usd_per_mwh,
            &self.energy_advantage_changes,
        )
    }

    /// The bridge step's value.
    pub fn bridge(&self, step: BridgeStep) -> f64 {
        self.npv_bridge
            .iter()
            .find(|b| b.step == step)
            .map_or(0.0, |b| b.usd)
    }
}

fn split(r: Result<f64, super::finance::NoIrr>) -> (Option<f64>, Option<String>) {
    match r {
        Ok(pct) => (Some(pct), None),
        Err(why) => (None, Some(why.to_string())),
    }
}

/// The NPV bridge from keeping mining to converting, each step a present value.
/// The present value of one quantity of every month.
type MonthPv<'a> = &'a dyn Fn(&dyn Fn(&Month) -> f64) -> f64;

fn bridge(keep: f64, convert: f64, pv: MonthPv<'_>) -> Vec<BridgeItem> {
    let usd = |step| match step {
        BridgeStep::KeepMining => keep,
        BridgeStep::MiningGivenUp => {
            pv(&|m| m.convert_mining + m.convert_remaining_sale - m.keep_mining - m.keep_sale)
        }
        BridgeStep::FleetSale => pv(&|m| m.convert_first_sale),
        BridgeStep::Rent => pv(&|m| m.rent),
        // `0.0 -` rather than `-`: no step is ever −0.
        BridgeStep::HpcOpex => 0.0 - pv(&|m| m.hpc_opex),
        BridgeStep::HpcEnergy => 0.0 - pv(&|m| m.hpc_energy),
        BridgeStep::Capex => 0.0 - pv(&|m| m.capex),
        BridgeStep::TerminalValue => pv(&|m| m.terminal_value - m.keep_site_value),
        BridgeStep::Tax => pv(&|m| m.keep_tax - m.convert_tax),
        BridgeStep::Convert => convert,
    };
    BridgeStep::ALL
        .iter()
        .map(|&step| BridgeItem {
            step,
            usd: usd(step),
        })
        .collect()
}

fn build_time(plan: &Plan, baseline: u32, value_per_mw_month: f64) -> BuildTime {
    let c = plan.conversion_months;
    let b = baseline as usize;
    let saved = b.saturating_sub(c);
    let n = saved.min(plan.span_months);
    let rent = |k: usize| plan.base.rate * plan.rent_unit[k];
    let leased = &plan.leased_mw;
    let mw_months_gained: f64 = leased[..n].iter().sum();
    let revenue_pulled_forward_usd: f64 = (0..n).map(rent).sum();
    let tenant_value_gained_pv_usd: f64 = (0..n)
        .map(|k| leased[k] * value_per_mw_month * plan.discount[c + k])
        .sum();
    let leased_pv: f64 = (0..plan.span_months)
        .map(|k| leased[k] * plan.discount[c + k])
        .sum();
    let npv_advantage_usd = (0..plan.span_months)
        .map(|k| rent(k) * (plan.discount[c + k] - plan.discount[b + k]))
        .sum();
    BuildTime {
        baseline_months: baseline,
        months_saved: saved as u32,
        mw_months_gained,
        revenue_pulled_forward_usd,
        tenant_value_gained_usd: mw_months_gained * value_per_mw_month,
        tenant_value_gained_pv_usd,
        speed_premium_usd_per_kw_month: tenant_value_gained_pv_usd / (1000.0 * leased_pv),
        npv_advantage_usd,
    }
}
