//! The monthly arithmetic of both paths (MODEL.md, "Arithmetic").
//!
//! A [`Plan`] holds, for one validated scenario, every monthly quantity that
//! does not depend on the energy price: hashprice, the price escalator,
//! delivered capacity, contract revenue, capex, discount factors. The price
//! enters only through energy costs, so re-evaluating the two paths at another
//! price (the sensitivity sweep, the crossover search) is one pass over the
//! months with a multiply and a compare each.

use super::finance::discount_factors;
use super::scenario::Scenario;

/// Hours in a month, always.
pub const HOURS: f64 = 730.0;
/// Days in a month, always.
pub const DAYS: f64 = 365.0 / 12.0;

/// Price-independent monthly quantities of one scenario.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Site grid MW, `G`.
    pub grid_mw: f64,
    /// Contracted critical IT MW, `C`.
    pub critical_it_mw: f64,
    /// Grid MW reserved for the HPC halls from month 0, `P_h = C × hpc.pue`.
    pub hpc_grid_mw: f64,
    /// Grid MW that keeps mining on the convert path, `max(0, G - P_h)`.
    pub convert_mining_mw: f64,
    /// `c`: months before the contract starts.
    pub conversion_months: usize,
    /// `T`: contract months.
    pub term_months: usize,
    /// `H = c + T`.
    pub horizon: usize,
    /// Year-1 energy price the scenario gives.
    pub energy_price: f64,
    /// `(1 + d)^-(m+1)/12` for months `0 .. max(H, longest baseline + T)`.
    pub discount: Vec<f64>,
    /// Mining revenue per grid MW in month `m` (before curtailment).
    pub mining_revenue_per_mw: Vec<f64>,
    /// MWh bought per grid MW that mines in month `m`, times the price
    /// escalator factor: multiply by the year-1 price for the energy cost.
    pub mining_energy_per_mw: Vec<f64>,
    pub mining_opex_per_mw: f64,
    pub curtail: bool,
    /// `D(k)`, contract months `0 .. T`.
    pub delivered_mw: Vec<f64>,
    /// Contract revenue in contract month `k`.
    pub contract_revenue: Vec<f64>,
    /// HPC MWh the host pays for in contract month `k` times the escalator
    /// factor (zero with pass-through): multiply by the year-1 price.
    pub hpc_energy_per_price: Vec<f64>,
    /// HPC opex in contract month `k`.
    pub hpc_opex: Vec<f64>,
    /// Host capex in month `m` (months `0 .. H`).
    pub capex: Vec<f64>,
    /// Present value of contract revenue − HPC opex − capex (price-free part
    /// of the convert path beyond mining).
    pub fixed_pv: f64,
    /// Present value of the HPC energy the host pays, per $/MWh of year-1 price.
    pub hpc_energy_pv_per_price: f64,
    /// Present value of the contract revenue.
    pub contract_revenue_pv: f64,
}

impl Plan {
    /// Lays out the months of a scenario. The scenario must be valid.
    pub fn new(s: &Scenario) -> Self {
        let g = s.site.grid_capacity_mw;
        let c_mw = s.critical_it_mw();
        let hpc_grid_mw = c_mw * s.hpc.pue;
        let convert_mining_mw = (g - hpc_grid_mw).max(0.0);
        let conv = s.hpc.conversion_months as usize;
        let term = 12 * s.contract.term_years as usize;
        let horizon = conv + term;
        let longest = s.greenfield.build_months.iter().copied().max().unwrap_or(0) as usize;
        let discount = discount_factors(
            s.finance.discount_rate_pct / 100.0,
            horizon.max(longest + term),
        );

        let e = s.site.energy_escalator_pct_per_year / 100.0;
        let price_factor = |m: usize| (1.0 + e).powi((m / 12) as i32);

        // Mining, per grid MW.
        let m = &s.mining;
        let ph_per_mw = 1000.0 / (m.pue * m.efficiency_j_per_th);
        let uptime = m.uptime_pct / 100.0;
        let net = 1.0 - m.pool_fee_pct / 100.0;
        let drift_ln = (1.0 + m.hashprice_drift_pct_per_year / 100.0).ln();
        let mining_revenue_per_mw = (0..horizon)
            .map(|month| {
                let h = m.hashprice_usd_per_ph_day
                    * (month as f64 / 12.0 * drift_ln).exp()
                    * halving_factor(m.months_to_next_halving, month);
                ph_per_mw * h * DAYS * uptime * net
            })
            .collect();
        let mining_energy_per_mw = (0..horizon)
            .map(|month| uptime * HOURS * price_factor(month))
            .collect();

        // HPC contract.
        let ramp = s.hpc.ramp_months as usize;
        let delivered_mw: Vec<f64> = (0..term)
            .map(|k| {
                if ramp == 0 {
                    c_mw
                } else {
                    c_mw * ((k + 1) as f64 / ramp as f64).min(1.0)
                }
            })
            .collect();
        let rate = s.contract.rate_usd_per_kw_month;
        let esc = 1.0 + s.contract.escalator_pct_per_year / 100.0;
        let contract_revenue: Vec<f64> = delivered_mw
            .iter()
            .enumerate()
            .map(|(k, d)| d * 1000.0 * rate * esc.powi((k / 12) as i32))
            .collect();
        let hpc_energy_per_price: Vec<f64> = delivered_mw
            .iter()
            .enumerate()
            .map(|(k, d)| {
                if s.contract.power_pass_through {
                    0.0
                } else {
                    d * s.hpc.utilization_pct / 100.0 * s.hpc.pue * HOURS * price_factor(conv + k)
                }
            })
            .collect();
        let hpc_opex: Vec<f64> = delivered_mw
            .iter()
            .map(|d| d * s.hpc.opex_usd_per_mw_month)
            .collect();

        let capex_total =
            s.hpc.capex_usd_per_mw * c_mw * (1.0 - s.hpc.tenant_capex_share_pct / 100.0);
        let capex: Vec<f64> = (0..horizon)
            .map(|month| match conv {
                0 if month == 0 => capex_total,
                0 => 0.0,
                c if month < c => capex_total / c as f64,
                _ => 0.0,
            })
            .collect();

        let contract_revenue_pv = contract_revenue
            .iter()
            .enumerate()
            .map(|(k, x)| x * discount[conv + k])
            .sum::<f64>();
        let hpc_opex_pv = hpc_opex
            .iter()
            .enumerate()
            .map(|(k, x)| x * discount[conv + k])
            .sum::<f64>();
        let capex_pv = capex.iter().zip(&discount).map(|(x, v)| x * v).sum::<f64>();
        let hpc_energy_pv_per_price = hpc_energy_per_price
            .iter()
            .enumerate()
            .map(|(k, x)| x * discount[conv + k])
            .sum::<f64>();

        Self {
            grid_mw: g,
            critical_it_mw: c_mw,
            hpc_grid_mw,
            convert_mining_mw,
            conversion_months: conv,
            term_months: term,
            horizon,
            energy_price: s.site.energy_price_usd_per_mwh,
            discount,
            mining_revenue_per_mw,
            mining_energy_per_mw,
            mining_opex_per_mw: m.opex_usd_per_mw_month,
            curtail: m.curtail_when_unprofitable,
            delivered_mw,
            contract_revenue,
            hpc_energy_per_price,
            hpc_opex,
            capex,
            fixed_pv: contract_revenue_pv - hpc_opex_pv - capex_pv,
            hpc_energy_pv_per_price,
            contract_revenue_pv,
        }
    }

    /// Mining cash flow per grid MW in month `m` at year-1 energy price `price`.
    #[inline]
    pub fn mining_cash_per_mw(&self, price: f64, m: usize) -> f64 {
        let revenue = self.mining_revenue_per_mw[m];
        let energy = price * self.mining_energy_per_mw[m];
        let margin = if self.curtail && revenue < energy {
            0.0
        } else {
            revenue - energy
        };
        margin - self.mining_opex_per_mw
    }

    /// Present values `(keep mining, convert)` at year-1 energy price `price`.
    pub fn npvs_at(&self, price: f64) -> (f64, f64) {
        let mining_pv_per_mw: f64 = (0..self.horizon)
            .map(|m| self.mining_cash_per_mw(price, m) * self.discount[m])
            .sum();
        let keep = self.grid_mw * mining_pv_per_mw;
        let convert = self.convert_mining_mw * mining_pv_per_mw + self.fixed_pv
            - price * self.hpc_energy_pv_per_price;
        (keep, convert)
    }

    /// `convert − keep mining` present value at year-1 price `price`.
    pub fn advantage_at(&self, price: f64) -> f64 {
        let (keep, convert) = self.npvs_at(price);
        convert - keep
    }

    /// Contract revenue of contract month `k` falls in absolute month `c + k`;
    /// this is that month's value on the convert path apart from mining.
    pub fn contract_net(&self, m: usize, price: f64) -> (f64, f64, f64) {
        if m < self.conversion_months {
            return (0.0, 0.0, 0.0);
        }
        let k = m - self.conversion_months;
        (
            self.contract_revenue[k],
            price * self.hpc_energy_per_price[k],
            self.hpc_opex[k],
        )
    }
}

/// `0.5^n(m)`, with `n(m)` the halvings at or before month `m`: at `M`,
/// `M + 48`, `M + 96`, … (`None`: no halvings).
pub fn halving_factor(months_to_next: Option<u32>, month: usize) -> f64 {
    match months_to_next {
        Some(first) if month >= first as usize => {
            let n = (month - first as usize) / 48 + 1;
            0.5_f64.powi(i32::try_from(n).unwrap_or(i32::MAX))
        }
        _ => 1.0,
    }
}
