//! Two scenarios side by side (docs/MODEL.md, "Comparing two scenarios"):
//! each headline output of A and of B with the change from A to B, and the
//! inputs whose values differ. The page lays these out; it computes none.

use super::output::Output;
use super::{Evaluation, Field, Scenario};

/// How a headline output is measured (its JSON name's suffix).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Usd,
    /// A percentage; its change is in points.
    Pct,
    Months,
    UsdPerMwh,
    UsdPerKwMonth,
    UsdPerPhDay,
    UsdPerMw,
}

fn months(m: Option<u32>) -> Option<f64> {
    m.map(f64::from)
}

/// An output's value in an evaluation (`None` where the model has none).
type Value = fn(&Evaluation) -> Option<f64>;

/// The headline outputs, in the order of the page's cards, each with its
/// unit. The crossover price is not among them: its 0 means "converting
/// leads at every price", which the cards say in words.
const HEADLINE: &[(Output, Unit, Value)] = &[
    (Output::IncrementalNpv, Unit::Usd, |r| {
        Some(r.incremental_npv_usd)
    }),
    (Output::IncrementalIrr, Unit::Pct, |r| r.incremental_irr_pct),
    (Output::EquityIrr, Unit::Pct, |r| r.equity_irr_pct),
    (Output::Payback, Unit::Months, |r| months(r.payback_month)),
    (Output::DiscountedPayback, Unit::Months, |r| {
        months(r.discounted_payback_month)
    }),
    (Output::BreakevenHashprice, Unit::UsdPerPhDay, |r| {
        r.breakeven_hashprice_usd_per_ph_day
    }),
    (Output::BreakevenRate, Unit::UsdPerKwMonth, |r| {
        r.breakeven_rate_usd_per_kw_month
    }),
    (Output::BreakevenCapex, Unit::UsdPerMw, |r| {
        r.breakeven_capex_usd_per_mw
    }),
    (Output::ValueCreatedPerMw, Unit::UsdPerMw, |r| {
        r.value_created_per_mw_usd
    }),
    (Output::LevelizedRent, Unit::UsdPerKwMonth, |r| {
        Some(r.levelized_rent_usd_per_kw_month)
    }),
    (Output::ContractTotalRevenue, Unit::Usd, |r| {
        Some(r.contract_total_revenue_usd)
    }),
    (Output::ProjectCost, Unit::Usd, |r| Some(r.project_cost_usd)),
    (Output::ConvertNpv, Unit::Usd, |r| Some(r.convert_npv_usd)),
    (Output::KeepMiningNpv, Unit::Usd, |r| {
        Some(r.keep_mining_npv_usd)
    }),
    (Output::MiningBreakeven, Unit::UsdPerMwh, |r| {
        Some(r.mining_breakeven_usd_per_mwh)
    }),
];

/// One headline output of A and of B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub output: Output,
    pub unit: Unit,
    pub a: Option<f64>,
    pub b: Option<f64>,
}

impl Change {
    /// B less A, in the output's unit (points for a percentage); `None`
    /// where either has no value.
    pub fn by(&self) -> Option<f64> {
        Some(self.b? - self.a?)
    }

    /// B less A as a percentage of A's size; `None` where either has no
    /// value or A is zero.
    pub fn relative_pct(&self) -> Option<f64> {
        let (a, b) = (self.a?, self.b?);
        (a != 0.0).then(|| (b - a) / a.abs() * 100.0)
    }
}

/// Every headline output of `a` and `b`, in the cards' order.
pub fn headline(a: &Evaluation, b: &Evaluation) -> Vec<Change> {
    HEADLINE
        .iter()
        .map(|&(output, unit, value)| Change {
            output,
            unit,
            a: value(a),
            b: value(b),
        })
        .collect()
}

/// The inputs whose values differ between `a` and `b`, in the form's order.
pub fn differing_inputs(a: &Scenario, b: &Scenario) -> Vec<Field> {
    Field::ALL
        .iter()
        .copied()
        .filter(|f| f.get(a) != f.get(b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;

    #[test]
    fn a_scenario_against_itself_changes_nothing() -> Result<(), Box<dyn std::error::Error>> {
        let s = Scenario::default();
        let r = evaluate(&s)?;
        for c in headline(&r, &r) {
            assert_eq!(c.a, c.b, "{:?}", c.output);
            if c.a.is_some() {
                assert_eq!(c.by(), Some(0.0), "{:?}", c.output);
            }
        }
        assert!(differing_inputs(&s, &s).is_empty());
        Ok(())
    }

    #[test]
    fn a_bigger_site_is_named_and_its_changes_are_b_less_a(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let a = Scenario::default();
        let mut b = a.clone();
        b.site.grid_capacity_mw = 150.0;
        let (ra, rb) = (evaluate(&a)?, evaluate(&b)?);
        assert_eq!(differing_inputs(&a, &b), vec![Field::SiteGridCapacity]);
        let changes = headline(&ra, &rb);
        let npv = changes
            .iter()
            .find(|c| c.output == Output::IncrementalNpv)
            .ok_or("no NPV")?;
        assert_eq!(
            npv.by(),
            Some(rb.incremental_npv_usd - ra.incremental_npv_usd)
        );
        let revenue = changes
            .iter()
            .find(|c| c.output == Output::ContractTotalRevenue)
            .ok_or("no revenue")?;
        // 150 MW against 100 MW: half as much again.
        let pct = revenue.relative_pct().ok_or("no %")?;
        assert!((pct - 50.0).abs() < 1e-9, "{pct}");
        Ok(())
    }

    #[test]
    fn a_change_from_nothing_or_zero_has_no_percentage() {
        let c = |a, b| Change {
            output: Output::IncrementalIrr,
            unit: Unit::Pct,
            a,
            b,
        };
        assert_eq!(c(None, Some(3.0)).by(), None);
        assert_eq!(c(Some(0.0), Some(3.0)).relative_pct(), None);
        assert_eq!(c(Some(-4.0), Some(-2.0)).relative_pct(), Some(50.0));
        assert_eq!(c(Some(10.0), Some(12.5)).by(), Some(2.5));
    }
}
