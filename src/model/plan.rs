//! The monthly arithmetic of both paths (docs/MODEL.md, "Arithmetic").
//!
//! A [`Plan`] holds, for one validated scenario, every monthly quantity that
//! does not depend on the four inputs the searches move (the energy price,
//! today's hashprice, the lease rate and the capex per MW), each as a unit
//! series that those inputs scale. [`Plan::run`] then walks the months once
//! for a given [`Knobs`]: mining cash, the retirement month, both paths'
//! cash, taxes with losses carried forward, and their present values. The
//! sweep, the crossover scan and the three break-even searches call it a few
//! hundred times; the full evaluation calls it once more with a [`Detail`]
//! to record every month.

use super::finance::discount_factors;
use super::scenario::Scenario;

/// Hours in a month, always.
pub const HOURS: f64 = 730.0;
/// Days in a month, always.
pub const DAYS: f64 = 365.0 / 12.0;

/// The inputs the searches move; everything else is fixed by the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Knobs {
    /// Year-1 energy price, $/MWh.
    pub energy_price: f64,
    /// Today's hashprice, $/PH/day.
    pub hashprice: f64,
    /// Year-1 lease rate, $/kW-month.
    pub rate: f64,
    /// Conversion capex per MW of critical IT, before contingency.
    pub capex_per_mw: f64,
}

/// Present values of both paths, after tax and unlevered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Npvs {
    pub keep: f64,
    pub convert: f64,
}

impl Npvs {
    /// `convert − keep mining`.
    pub fn incremental(&self) -> f64 {
        self.convert - self.keep
    }
}

/// Price-independent monthly quantities of one scenario.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The scenario's own values of the knobs.
    pub base: Knobs,
    /// Site grid MW, `G`.
    pub grid_mw: f64,
    /// Contracted critical IT MW, `C`.
    pub critical_it_mw: f64,
    /// Grid MW reserved for the HPC halls from month 0, `P_h = C × design_pue`.
    pub hpc_grid_mw: f64,
    /// Grid MW that keeps mining on the convert path, `G_m = max(0, G − P_h)`.
    pub convert_mining_mw: f64,
    /// `c`: months before the contract starts.
    pub conversion_months: usize,
    /// `R`: contract months until the full capacity is delivered.
    pub ramp_months: usize,
    /// `N`: contract months (the term, plus the ramp's tail per tranche).
    pub span_months: usize,
    /// `H = c + N`.
    pub horizon: usize,
    /// `(1 + d)^-(m+1)/12` for months `0 .. max(H, longest baseline + N)`.
    pub discount: Vec<f64>,
    /// Mining revenue per grid MW per $/PH/day of today's hashprice, months
    /// `0 .. H` (before curtailment).
    pub hash_unit: Vec<f64>,
    /// MWh a grid MW that mines buys in month `m`, times the price
    /// escalator: multiply by the year-1 price for the energy cost.
    pub energy_unit: Vec<f64>,
    /// Mining opex per grid MW in month `m`.
    pub mining_opex: Vec<f64>,
    /// Resale value of the machines per grid MW, months `0 ..= H`.
    pub resale: Vec<f64>,
    pub curtail: bool,
    pub retire: bool,
    /// `D(k)`, contract months `0 .. N`.
    pub delivered_mw: Vec<f64>,
    /// `L(k)`, contract months `0 .. N`.
    pub leased_mw: Vec<f64>,
    /// Rent of contract month `k` per $/kW-month of year-1 rate.
    pub rent_unit: Vec<f64>,
    /// HPC opex in contract month `k`.
    pub hpc_opex: Vec<f64>,
    /// HPC MWh the host pays for in contract month `k` times the price
    /// escalator (zero with pass-through): multiply by the year-1 price.
    pub hpc_energy_unit: Vec<f64>,
    /// Host capex per $ of capex per MW (`C × (1 + g_c) × (1 − s)`).
    pub capex_per_mw_factor: f64,
    /// One-off site costs.
    pub site_capex: f64,
    /// Months capex is spent in (`0 .. c`, or month 0 when `c = 0`).
    pub capex_months: usize,
    /// The terminal value's pieces; `None` without a cap rate.
    pub terminal: Option<TerminalPlan>,
    /// Stabilised NOI's pieces (the 12 months from `max(R − 1, 0)`).
    pub stabilized: NoiYear,
    /// The keep path's site value at `H − 1`.
    pub site_value: f64,
    /// Tax rate as a fraction.
    pub tax_rate: f64,
    /// Bonus depreciation share.
    pub bonus: f64,
    /// Straight-line months, `12 × Ly`.
    pub life_months: usize,
}

/// One year of NOI at full capacity, as unit series the knobs scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NoiYear {
    /// Rent per $/kW-month of year-1 rate.
    pub rent_unit: f64,
    pub opex: f64,
    /// Host-paid energy per $/MWh of year-1 price.
    pub energy_unit: f64,
}

impl NoiYear {
    pub fn noi(&self, k: &Knobs) -> f64 {
        k.rate * self.rent_unit - self.opex - k.energy_price * self.energy_unit
    }
}

/// The terminal value's pieces.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TerminalPlan {
    /// `NOI_next`, the year after the span.
    pub next: NoiYear,
    /// `(π + (1 − π)(1 + κ)^(−Dn/12)) / κ`.
    pub multiple: f64,
    /// Refit per $ of capex per MW: `φ × (1 + g_c) × C`.
    pub refit_factor: f64,
}

impl TerminalPlan {
    /// `TV`, at month `H − 1`.
    pub fn value(&self, k: &Knobs) -> f64 {
        (self.next.noi(k) * self.multiple - self.refit_factor * k.capex_per_mw).max(0.0)
    }
}

/// One simulated path's departures from the scenario's own trend (the
/// risk view's Monte Carlo): hashprice and energy price multiplied month by
/// month, and the months the halls stand empty after a tenant's default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shocks {
    /// Multiplies hashprice in month `m` (months `0 .. H`).
    pub hashprice: Vec<f64>,
    /// Multiplies the energy price in month `m`, the halls' energy included.
    pub energy_price: Vec<f64>,
    /// Absolute months `[from, to)` without rent or host-paid energy (opex
    /// goes on); empty when the tenant pays throughout.
    pub vacant: std::ops::Range<usize>,
}

/// One path's taxes, month by month, with losses carried forward.
#[derive(Clone, Copy, Debug, Default)]
pub struct TaxBook {
    rate: f64,
    losses: f64,
}

impl TaxBook {
    pub fn new(rate: f64) -> Self {
        Self { rate, losses: 0.0 }
    }

    /// The tax on one month's taxable income.
    #[inline(always)]
    pub fn pay(&mut self, income: f64) -> f64 {
        if self.rate == 0.0 {
            return 0.0;
        }
        if income < 0.0 {
            self.losses -= income;
            0.0
        } else {
            // `losses.min(income)`, compared inline (`min` may be a call in
            // a build for size); 0 and -0, and a NaN, are left to `min`.
            let used = if self.losses < income {
                self.losses
            } else if income < self.losses
                || (income == self.losses && income.to_bits() == self.losses.to_bits())
            {
                income
            } else {
                self.losses.min(income)
            };
            self.losses -= used;
            self.rate * (income - used)
        }
    }
}

/// Everything one run saw, month by month (the full evaluation's record).
#[derive(Clone, Debug, Default)]
pub struct Detail {
    pub retirement_month: usize,
    pub terminal_value: f64,
    pub months: Vec<Month>,
}

/// What a walk of the months keeps as it goes: nothing (the searches), every
/// month ([`Detail`]), or what a simulated path needs of each (the risk
/// view's Monte Carlo).
pub trait Record {
    /// Before the first month: the retirement month, the terminal value and
    /// the months to come.
    fn begin(&mut self, retirement_month: usize, terminal_value: f64, horizon: usize);
    /// Month `m`, in order.
    fn month(&mut self, m: usize, month: &Month);
}

/// Keeps nothing.
struct NoRecord;

impl Record for NoRecord {
    #[inline(always)]
    fn begin(&mut self, _: usize, _: f64, _: usize) {}
    #[inline(always)]
    fn month(&mut self, _: usize, _: &Month) {}
}

impl Record for Detail {
    fn begin(&mut self, retirement_month: usize, terminal_value: f64, horizon: usize) {
        self.retirement_month = retirement_month;
        self.terminal_value = terminal_value;
        self.months.clear();
        self.months.reserve(horizon);
    }

    #[inline(always)]
    fn month(&mut self, _: usize, month: &Month) {
        self.months.push(*month);
    }
}

/// One month of both paths, as [`Plan::run`] computed it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Month {
    /// Keep path, pre-tax: mining cash, fleet sale, site value.
    pub keep_mining: f64,
    pub keep_sale: f64,
    pub keep_site_value: f64,
    pub keep_tax: f64,
    /// Convert path, pre-tax: the mining that remains, fleet sales (the
    /// machines on the halls' power at month 0, the rest at retirement).
    pub convert_mining: f64,
    pub convert_remaining_sale: f64,
    pub convert_first_sale: f64,
    pub capex: f64,
    pub rent: f64,
    pub hpc_opex: f64,
    pub hpc_energy: f64,
    pub terminal_value: f64,
    pub depreciation: f64,
    pub convert_tax: f64,
    /// The convert path's operating income (mining and hosting), before the
    /// fleet sales and depreciation.
    pub convert_ebitda: f64,
    /// The hosting business alone: rent − HPC opex − HPC energy.
    pub hosting_net: f64,
}

impl Month {
    #[inline(always)]
    pub fn keep_pre_tax(&self) -> f64 {
        self.keep_mining + self.keep_sale + self.keep_site_value
    }
    #[inline(always)]
    pub fn convert_pre_tax(&self) -> f64 {
        self.convert_mining + self.convert_remaining_sale + self.convert_first_sale - self.capex
            + self.rent
            - self.hpc_opex
            - self.hpc_energy
            + self.terminal_value
    }
    #[inline(always)]
    pub fn keep_after_tax(&self) -> f64 {
        self.keep_pre_tax() - self.keep_tax
    }
    #[inline(always)]
    pub fn convert_after_tax(&self) -> f64 {
        self.convert_pre_tax() - self.convert_tax
    }
}

impl Plan {
    /// Lays out the months of a scenario. The scenario must be valid.
    pub fn new(s: &Scenario) -> Self {
        let g = s.site.grid_capacity_mw;
        let c_mw = s.critical_it_mw();
        let hpc_grid_mw = c_mw * s.hpc.design_pue;
        let convert_mining_mw = (g - hpc_grid_mw).max(0.0);
        let conv = s.hpc.conversion_months as usize;
        let ramp = s.hpc.ramp_months as usize;
        let term = 12 * s.contract.term_years as usize;
        let span = if s.contract.term_per_tranche {
            term + ramp.saturating_sub(1)
        } else {
            term
        };
        let horizon = conv + span;
        let longest = s.greenfield.build_months.iter().copied().max().unwrap_or(0) as usize;
        let discount = discount_factors(
            s.finance.discount_rate_pct / 100.0,
            horizon.max(longest + span),
        );

        let e = s.site.energy_escalator_pct_per_year / 100.0;
        let price_factor = |m: usize| (1.0 + e).powi(years(m));

        // Mining, per grid MW.
        let m = &s.mining;
        let ph_per_mw = 1000.0 / (m.pue * m.efficiency_j_per_th);
        let uptime = m.uptime_pct / 100.0;
        let net = 1.0 - m.pool_fee_pct / 100.0;
        let drift_ln = (1.0 + m.hashprice_drift_pct_per_year / 100.0).ln();
        let hash_unit = (0..horizon)
            .map(|month| {
                let h = (month as f64 / 12.0 * drift_ln).exp()
                    * halving_factor(m.months_to_next_halving, month);
                ph_per_mw * h * DAYS * uptime * net
            })
            .collect();
        let energy_unit = (0..horizon)
            .map(|month| uptime * HOURS * price_factor(month))
            .collect();
        let opex_esc = 1.0 + m.opex_escalator_pct_per_year / 100.0;
        let mining_opex = (0..horizon)
            .map(|month| m.opex_usd_per_mw_month * opex_esc.powi(years(month)))
            .collect();
        let resale_decline = 1.0 - m.fleet_resale_decline_pct_per_year / 100.0;
        let resale = (0..=horizon)
            .map(|month| {
                1000.0
                    * ph_per_mw
                    * m.fleet_resale_usd_per_th
                    * resale_decline.powf(month as f64 / 12.0)
            })
            .collect();

        // HPC contract.
        let delivered = |k: usize| -> f64 {
            if ramp == 0 {
                c_mw
            } else {
                c_mw * ((k + 1) as f64 / ramp as f64).min(1.0)
            }
        };
        let delivered_mw: Vec<f64> = (0..span).map(delivered).collect();
        let leased_mw: Vec<f64> = (0..span)
            .map(|k| {
                if s.contract.term_per_tranche && k >= term {
                    delivered(k) - delivered(k - term)
                } else {
                    delivered(k)
                }
            })
            .collect();
        let esc = 1.0 + s.contract.escalator_pct_per_year / 100.0;
        let hpc_esc = 1.0 + s.hpc.opex_escalator_pct_per_year / 100.0;
        let rent_factor = |k: usize| 1000.0 * esc.powi(years(k));
        let opex_factor = |k: usize| s.hpc.opex_usd_per_mw_month * hpc_esc.powi(years(k));
        let energy_factor = |k: usize| {
            if s.contract.power_pass_through {
                0.0
            } else {
                s.hpc.utilization_pct / 100.0 * s.hpc.operating_pue * HOURS * price_factor(conv + k)
            }
        };
        let rent_unit = leased_mw
            .iter()
            .enumerate()
            .map(|(k, l)| l * rent_factor(k))
            .collect();
        let hpc_opex = leased_mw
            .iter()
            .enumerate()
            .map(|(k, l)| l * opex_factor(k))
            .collect();
        let hpc_energy_unit = leased_mw
            .iter()
            .enumerate()
            .map(|(k, l)| l * energy_factor(k))
            .collect();
        // A year at full capacity from contract month `k1`.
        let noi_year = |k1: usize| NoiYear {
            rent_unit: (k1..k1 + 12).map(|k| c_mw * rent_factor(k)).sum(),
            opex: (k1..k1 + 12).map(|k| c_mw * opex_factor(k)).sum(),
            energy_unit: (k1..k1 + 12).map(|k| c_mw * energy_factor(k)).sum(),
        };

        let contingency = 1.0 + s.hpc.capex_contingency_pct / 100.0;
        let terminal = s.terminal.exit_cap_rate_pct.map(|cap| {
            let kappa = cap / 100.0;
            let pi = s.terminal.renewal_probability_pct / 100.0;
            let down = f64::from(s.terminal.downtime_months) / 12.0;
            TerminalPlan {
                next: noi_year(span),
                multiple: (pi + (1.0 - pi) * (1.0 + kappa).powf(-down)) / kappa,
                refit_factor: s.terminal.refit_pct_of_capex / 100.0 * contingency * c_mw,
            }
        });

        Self {
            base: Knobs {
                energy_price: s.site.energy_price_usd_per_mwh,
                hashprice: m.hashprice_usd_per_ph_day,
                rate: s.contract.rate_usd_per_kw_month,
                capex_per_mw: s.hpc.capex_usd_per_mw,
            },
            grid_mw: g,
            critical_it_mw: c_mw,
            hpc_grid_mw,
            convert_mining_mw,
            conversion_months: conv,
            ramp_months: ramp,
            span_months: span,
            horizon,
            discount,
            hash_unit,
            energy_unit,
            mining_opex,
            resale,
            curtail: m.curtail_when_unprofitable,
            retire: m.retire_when_unprofitable,
            delivered_mw,
            leased_mw,
            rent_unit,
            hpc_opex,
            hpc_energy_unit,
            capex_per_mw_factor: c_mw * contingency * (1.0 - s.hpc.tenant_capex_share_pct / 100.0),
            site_capex: s.hpc.site_capex_usd,
            capex_months: conv.max(1),
            terminal,
            stabilized: noi_year(ramp.saturating_sub(1)),
            site_value: g * s.terminal.keep_mining_site_value_usd_per_mw,
            tax_rate: s.tax.rate_pct / 100.0,
            bonus: s.tax.bonus_depreciation_pct / 100.0,
            life_months: 12 * s.tax.depreciation_years as usize,
        }
    }

    /// The host's capex, `K_h`, at the given capex per MW.
    pub fn host_capex(&self, k: &Knobs) -> f64 {
        k.capex_per_mw * self.capex_per_mw_factor + self.site_capex
    }

    /// Whether, at `k`, nothing in the walk depends on the energy price any
    /// more, and so nothing at any higher price either: the fleet is
    /// curtailed (or breaks exactly even) in every month and the host pays
    /// no HPC energy. Each month's energy cost only grows with the price, so
    /// the first price where this holds is where the energy sweep and the
    /// crossover scan can stop evaluating: every higher price gives the same
    /// figures, bit for bit.
    pub fn price_no_longer_matters(&self, k: &Knobs) -> bool {
        let host_energy = self.hpc_energy_unit.iter().any(|x| *x != 0.0)
            || self.terminal.is_some_and(|t| t.next.energy_unit != 0.0);
        if !self.curtail || host_energy {
            return false;
        }
        self.hash_unit
            .iter()
            .zip(&self.energy_unit)
            .all(|(h, e)| k.hashprice * h <= k.energy_price * e)
    }

    /// Mining cash per grid MW in month `m`: revenue − energy (both 0 when
    /// curtailed) − opex.
    #[inline]
    pub fn mining_cash_per_mw(&self, k: &Knobs, m: usize) -> f64 {
        mining_cash(
            self.curtail,
            k.hashprice * self.hash_unit[m],
            k.energy_price * self.energy_unit[m],
            self.mining_opex[m],
        )
    }

    /// The retirement month `S`: with retirement, the `S ∈ 0 ..= H` that
    /// maximises the discounted mining cash before it plus the resale value
    /// at it (the smallest on a tie); without, `H`.
    #[inline]
    pub fn retirement(&self, cash_per_mw: &[f64]) -> usize {
        let h = self.horizon;
        if !self.retire || h == 0 {
            return h;
        }
        let (resale, discount) = (self.resale.as_slice(), self.discount.as_slice());
        let mut before = 0.0;
        // The value at `S = 0` (`h > 0`).
        let mut best = 0.0 + resale[0] * discount[0];
        let mut best_s = 0;
        for s in 1..=h {
            before += cash_per_mw[s - 1] * discount[s - 1];
            let v = if s < h {
                before + resale[s] * discount[s]
            } else {
                before
            };
            if v > best {
                best = v;
                best_s = s;
            }
        }
        best_s
    }

    /// Walks the months at `k`: both paths' after-tax present values, and
    /// with `detail` every month's pieces.
    pub fn run(&self, k: &Knobs, detail: Option<&mut Detail>) -> Npvs {
        let mut cash = Vec::new();
        match detail {
            Some(d) => self.walk(k, d, None, &mut cash),
            None => self.walk(k, &mut NoRecord, None, &mut cash),
        }
    }

    /// [`Plan::run`] along one simulated path, `record` keeping what it
    /// needs of each month; `cash` is scratch space, reused from path to
    /// path. Not inlined (see `risk::Run::one_path`).
    #[inline(never)]
    pub fn run_shocked(
        &self,
        k: &Knobs,
        shocks: &Shocks,
        record: &mut impl Record,
        cash: &mut Vec<f64>,
    ) -> Npvs {
        self.walk(k, record, Some(shocks), cash)
    }

    /// [`Plan::run`], compiled once for each kind of record (none for the
    /// searches, every month for the full evaluation, a simulated path's
    /// needs for the risk view).
    #[inline(always)]
    fn walk<R: Record>(
        &self,
        k: &Knobs,
        record: &mut R,
        shocks: Option<&Shocks>,
        cash: &mut Vec<f64>,
    ) -> Npvs {
        let h = self.horizon;
        let c = self.conversion_months;
        // Along a simulated path, the month's own prices.
        let shocked = shocks.map(|x| (x.hashprice.as_slice(), x.energy_price.as_slice()));
        let (hash_unit, energy_unit) = (self.hash_unit.as_slice(), self.energy_unit.as_slice());
        let mining_opex = self.mining_opex.as_slice();
        cash.clear();
        cash.extend((0..h).map(|m| {
            let k = at(k, shocked, m);
            mining_cash(
                self.curtail,
                k.hashprice * hash_unit[m],
                k.energy_price * energy_unit[m],
                mining_opex[m],
            )
        }));
        let cash = &cash[..];
        let s = self.retirement(cash);
        let host_capex = self.host_capex(k);
        let straight = (1.0 - self.bonus) * host_capex / self.life_months as f64;
        let capex_per_month = host_capex / self.capex_months as f64;
        let tv = self.terminal.map_or(0.0, |t| t.value(k));
        let mut keep_book = TaxBook::new(self.tax_rate);
        let mut convert_book = TaxBook::new(self.tax_rate);
        let (resale, discount) = (self.resale.as_slice(), self.discount.as_slice());
        let (rent_unit, hpc_opex_unit) = (self.rent_unit.as_slice(), self.hpc_opex.as_slice());
        let hpc_energy_unit = self.hpc_energy_unit.as_slice();
        let vacant = shocks.map_or(0..0, |x| x.vacant.clone());
        let mut npvs = Npvs {
            keep: 0.0,
            convert: 0.0,
        };
        record.begin(s, tv, h);
        for (m, &x) in cash.iter().enumerate() {
            let mines = m < s;
            let sells = m == s && s < h;
            let last = m + 1 == h;

            let keep_mining = if mines { self.grid_mw * x } else { 0.0 };
            let keep_sale = if sells { self.grid_mw * resale[s] } else { 0.0 };
            let keep_site_value = if last { self.site_value } else { 0.0 };
            let keep_tax = keep_book.pay(keep_mining + keep_sale);

            let convert_mining = if mines {
                self.convert_mining_mw * x
            } else {
                0.0
            };
            let convert_remaining_sale = if sells {
                self.convert_mining_mw * resale[s]
            } else {
                0.0
            };
            let convert_first_sale = if m == 0 {
                self.hpc_grid_mw * resale[0]
            } else {
                0.0
            };
            let capex = if m < self.capex_months {
                capex_per_month
            } else {
                0.0
            };
            let vacant = vacant.start <= m && m < vacant.end;
            let (rent, hpc_opex, hpc_energy) = match m.checked_sub(c) {
                Some(j) if vacant => (0.0, hpc_opex_unit[j], 0.0),
                Some(j) => (
                    k.rate * rent_unit[j],
                    hpc_opex_unit[j],
                    at(k, shocked, m).energy_price * hpc_energy_unit[j],
                ),
                None => (0.0, 0.0, 0.0),
            };
            let hosting_net = rent - hpc_opex - hpc_energy;
            let straight_line = if m >= c && m - c < self.life_months {
                straight
            } else {
                0.0
            };
            let depreciation = self.bonus * capex + straight_line;
            let convert_ebitda = convert_mining + hosting_net;
            let convert_tax = convert_book
                .pay(convert_ebitda + convert_first_sale + convert_remaining_sale - depreciation);
            let month = Month {
                keep_mining,
                keep_sale,
                keep_site_value,
                keep_tax,
                convert_mining,
                convert_remaining_sale,
                convert_first_sale,
                capex,
                rent,
                hpc_opex,
                hpc_energy,
                terminal_value: if last { tv } else { 0.0 },
                depreciation,
                convert_tax,
                convert_ebitda,
                hosting_net,
            };
            let df = discount[m];
            npvs.keep += month.keep_after_tax() * df;
            npvs.convert += month.convert_after_tax() * df;
            record.month(m, &month);
        }
        npvs
    }

    /// Both paths' present values at `k`.
    pub fn npvs(&self, k: &Knobs) -> Npvs {
        self.run(k, None)
    }

    /// The base knobs at another year-1 energy price.
    pub fn at_price(&self, price: f64) -> Knobs {
        Knobs {
            energy_price: price,
            ..self.base
        }
    }
}

/// `k` at month `m`'s prices along a simulated path (the hashprice and
/// energy price multipliers), or `k` itself.
#[inline(always)]
fn at(k: &Knobs, shocked: Option<(&[f64], &[f64])>, m: usize) -> Knobs {
    match shocked {
        Some((hashprice, energy_price)) => Knobs {
            hashprice: k.hashprice * hashprice[m],
            energy_price: k.energy_price * energy_price[m],
            ..*k
        },
        None => *k,
    }
}

/// Mining cash per grid MW from a month's revenue, energy cost and opex:
/// the margin is 0 when the fleet is curtailed.
#[inline(always)]
fn mining_cash(curtail: bool, revenue: f64, energy: f64, opex: f64) -> f64 {
    let margin = if curtail && revenue < energy {
        0.0
    } else {
        revenue - energy
    };
    margin - opex
}

/// Whole contract or calendar years elapsed at month `m`.
fn years(m: usize) -> i32 {
    i32::try_from(m / 12).unwrap_or(i32::MAX)
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
