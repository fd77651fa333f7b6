//! Project debt and the equity view (docs/MODEL.md, "Debt").
//!
//! The host borrows a share of its capex as it is spent; interest is added
//! to the balance through construction, paid alone while the halls ramp up,
//! then level monthly payments repay it over the tenor. Whatever is owed at
//! the horizon is repaid in its last month. The project's NPVs are unlevered;
//! debt only makes the equity view (equity cash, equity IRR, DSCR).

use super::plan::{Month, Plan, TaxBook};
use super::scenario::Scenario;

/// The loan, month by month over the horizon.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule {
    /// Drawn in month `m`.
    pub draws: Vec<f64>,
    /// Interest paid in month `m` (interest-only months and the interest
    /// part of level payments; never capitalised interest).
    pub interest: Vec<f64>,
    /// Paid in month `m`: interest-only payments and level payments.
    pub payments: Vec<f64>,
    /// The level payment in month `m` (0 outside the level months).
    pub level: Vec<f64>,
    /// What is still owed after the last month's payment, repaid then.
    pub final_repayment: Vec<f64>,
    /// The level payment `A`.
    pub level_payment: f64,
    /// First month of level payments, `L_d + R + 1`.
    pub first_level_month: usize,
    /// Number of level payments, `n`.
    pub tenor_months: usize,
}

impl Schedule {
    /// The loan of a scenario whose capex falls as `months` say.
    pub fn new(s: &Scenario, plan: &Plan, months: &[Month]) -> Self {
        let h = plan.horizon;
        let share = s.finance.debt_pct_of_capex / 100.0;
        let i = (1.0 + s.finance.debt_rate_pct / 100.0).powf(1.0 / 12.0) - 1.0;
        let n = 12 * s.finance.debt_tenor_years as usize;
        let last_draw = plan.conversion_months.saturating_sub(1);
        let ramp = plan.ramp_months;
        let mut out = Self {
            draws: months.iter().map(|m| share * m.capex).collect(),
            interest: vec![0.0; h],
            payments: vec![0.0; h],
            level: vec![0.0; h],
            final_repayment: vec![0.0; h],
            level_payment: 0.0,
            first_level_month: last_draw + ramp + 1,
            tenor_months: n,
        };
        let mut balance = 0.0;
        for m in 0..h {
            if m <= last_draw {
                balance = balance * (1.0 + i) + out.draws[m];
                if m == last_draw {
                    out.level_payment = if i == 0.0 {
                        balance / n as f64
                    } else {
                        balance * i / (1.0 - (1.0 + i).powi(-(n as i32)))
                    };
                }
            } else if m <= last_draw + ramp {
                out.interest[m] = balance * i;
                out.payments[m] = balance * i;
            } else if m <= last_draw + ramp + n {
                let interest = balance * i;
                let a = out.level_payment;
                out.interest[m] = interest;
                out.payments[m] = a;
                out.level[m] = a;
                balance -= a - interest;
            }
            if m + 1 == h && last_draw + ramp + n > m {
                out.final_repayment[m] = balance;
                balance = 0.0;
            }
        }
        out
    }

    /// Everything paid to the lender in month `m`.
    #[inline(always)]
    pub fn service(&self, m: usize) -> f64 {
        self.payments.as_slice()[m] + self.final_repayment.as_slice()[m]
    }

    /// The smallest, over repayment years, of the hosting business's cash
    /// over the level payments that fall in that year within the horizon;
    /// `None` when no level payment falls in the horizon or it is 0.
    pub fn min_dscr(&self, months: &[Month]) -> Option<f64> {
        if self.level_payment <= 0.0 {
            return None;
        }
        let h = months.len();
        let end = (self.first_level_month + self.tenor_months).min(h);
        let mut worst: Option<f64> = None;
        let mut start = self.first_level_month;
        while start < end {
            let stop = (start + 12).min(end);
            let cfads: f64 = months[start..stop].iter().map(|m| m.hosting_net).sum();
            let paid: f64 = self.level[start..stop].iter().sum();
            if paid > 0.0 {
                let ratio = cfads / paid;
                worst = Some(worst.map_or(ratio, |w: f64| w.min(ratio)));
            }
            start = stop;
        }
        worst
    }
}

/// The equity view's cash and taxes, month by month.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Equity {
    /// Equity cash: pre-tax convert cash + draw − payments − repayment −
    /// the equity view's tax.
    pub cash: Vec<f64>,
    pub tax: Vec<f64>,
}

impl Equity {
    /// The convert path's taxes with the interest paid also deducted (its
    /// own loss pool), and the owner's cash after debt.
    pub fn new(plan: &Plan, months: &[Month], debt: &Schedule) -> Self {
        let mut book = EquityBook::new(plan);
        let mut out = Self::default();
        for (m, month) in months.iter().enumerate() {
            let (cash, tax) = book.month(m, month, debt);
            out.tax.push(tax);
            out.cash.push(cash);
        }
        out
    }
}

/// [`Equity`] a month at a time, for a walk that keeps no months.
#[derive(Clone, Copy, Debug)]
pub struct EquityBook {
    book: TaxBook,
}

impl EquityBook {
    pub fn new(plan: &Plan) -> Self {
        Self {
            book: TaxBook::new(plan.tax_rate),
        }
    }

    /// Month `m`'s equity cash and the equity view's tax; months in order.
    #[inline(always)]
    pub fn month(&mut self, m: usize, month: &Month, debt: &Schedule) -> (f64, f64) {
        let income = month.convert_ebitda + month.convert_first_sale + month.convert_remaining_sale
            - month.depreciation
            - debt.interest.as_slice()[m];
        let tax = self.book.pay(income);
        let cash = month.convert_pre_tax() + debt.draws.as_slice()[m] - debt.service(m) - tax;
        (cash, tax)
    }
}
