//! Two scenarios side by side, as the page writes them (pure): each headline
//! output of A and of B and the change from A to B, and the inputs that
//! differ with both values. The figures come from `model::compare`.

use crate::format;
use crate::model::compare::{self, Change, Unit};
use crate::model::output::Output;
use crate::model::{Evaluation, Field, Scenario};
use crate::ui::messages::percent_kept;

const DASH: &str = "—";

/// A headline output's row.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    pub label: String,
    pub a: String,
    pub b: String,
    /// B less A, signed, and as a percentage of A.
    pub change: String,
}

/// An input that differs.
#[derive(Clone, Debug, PartialEq)]
pub struct InputRow {
    pub label: String,
    pub a: String,
    pub b: String,
}

/// A value in its unit (`$369M`, `13.8 %`, `26 months`, `$67.49/MWh`).
fn show(unit: Unit, x: f64) -> String {
    match unit {
        Unit::Usd => format::money(x),
        Unit::Pct => format::percent(x),
        Unit::Months => t!("{months} months", months = format::grouped(x)),
        Unit::UsdPerMwh => format::price_per_mwh(x),
        Unit::UsdPerKwMonth => format::rate_per_kw_month(x),
        Unit::UsdPerPhDay => t!("{amount}/PH/day", amount = format::dollars(x, 2)),
        Unit::UsdPerMw => format!("{}/MW", format::money(x)),
    }
}

/// A change, signed (`+$12.0M`, `−1.5 pts`, `+3 months`).
fn show_by(unit: Unit, by: f64) -> String {
    let text = match unit {
        Unit::Pct => t!("{points}\u{a0}pts", points = format::decimal(by, 1)),
        _ => show(unit, by),
    };
    if by > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

fn change(c: &Change) -> String {
    let Some(by) = c.by() else {
        return DASH.to_owned();
    };
    match c.relative_pct() {
        Some(pct) if by != 0.0 => {
            let sign = if pct > 0.0 { "+" } else { "" };
            format!("{} ({sign}{})", show_by(c.unit, by), format::percent(pct))
        }
        _ => show_by(c.unit, by),
    }
}

/// "the incremental NPV" → "Incremental NPV".
fn label(words: &str) -> String {
    let w = words.strip_prefix("the ").unwrap_or(words);
    let mut chars = w.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A headline output's row label, in the language spoken now: the output's
/// words as a heading (`Incremental NPV`), or [`label`] of its words for an
/// output not in the table.
fn heading(output: Output) -> String {
    match output {
        Output::IncrementalNpv => t!("Incremental NPV"),
        Output::IncrementalIrr => t!("Project IRR"),
        Output::EquityIrr => t!("Equity IRR"),
        Output::Payback => t!("Payback"),
        Output::DiscountedPayback => t!("Discounted payback"),
        Output::BreakevenHashprice => t!("Break-even hashprice"),
        Output::BreakevenRate => t!("Break-even lease rate"),
        Output::BreakevenCapex => t!("Break-even capex"),
        Output::ValueCreatedPerMw => t!("Value created per MW"),
        Output::LevelizedRent => t!("Levelized rent"),
        Output::ContractTotalRevenue => t!("Contract revenue"),
        Output::ProjectCost => t!("Project cost"),
        Output::ConvertNpv => t!("NPV of converting"),
        Output::KeepMiningNpv => t!("NPV of keeping mining"),
        Output::MiningBreakeven => t!("Mining break-even"),
        other => return label(other.words()),
    }
    .to_owned()
}

/// Every headline output of `a` and `b`, with the change from A to B.
pub fn figures(a: &Evaluation, b: &Evaluation) -> Vec<FigureRow> {
    compare::headline(a, b)
        .iter()
        .map(|c| FigureRow {
            label: heading(c.output),
            a: c.a
                .map_or_else(|| DASH.to_owned(), |x| percent_kept(&show(c.unit, x))),
            b: c.b
                .map_or_else(|| DASH.to_owned(), |x| percent_kept(&show(c.unit, x))),
            change: percent_kept(&change(c)),
        })
        .collect()
}

/// The inputs that differ, as typed in the form (`150` against `100`), each
/// labelled with its group and unit.
pub fn inputs(a: &Scenario, b: &Scenario) -> Vec<InputRow> {
    compare::differing_inputs(a, b)
        .into_iter()
        .map(|f: Field| {
            let value = |s: &Scenario| {
                let t = f.text(s);
                if t.is_empty() {
                    DASH.to_owned()
                } else {
                    t
                }
            };
            let unit = f.spec().unit;
            let (group, input) = (f.group().title(), f.label());
            InputRow {
                label: if unit.is_empty() {
                    t!("{group}: {input}", group = group, input = input)
                } else {
                    t!(
                        "{group}: {input} ({unit})",
                        group = group,
                        input = input,
                        unit = unit
                    )
                },
                a: value(a),
                b: value(b),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;

    #[test]
    fn a_bigger_site_reads_as_figures_and_the_one_input() -> Result<(), Box<dyn std::error::Error>>
    {
        let a = Scenario::default();
        let mut b = a.clone();
        b.site.grid_capacity_mw = 150.0;
        let rows = figures(&evaluate(&a)?, &evaluate(&b)?);
        let revenue = rows
            .iter()
            .find(|r| r.label == "Contract revenue")
            .ok_or("no revenue row")?;
        assert_eq!(
            (revenue.a.as_str(), revenue.b.as_str()),
            ("$1.60B", "$2.40B")
        );
        // Half as much again: $1.60B is $1,599M rounded.
        assert_eq!(revenue.change, "+$799M (+50.0\u{a0}%)");
        let inputs = inputs(&a, &b);
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].label, "Site: Grid capacity (MW)");
        assert_eq!((inputs[0].a.as_str(), inputs[0].b.as_str()), ("100", "150"));
        Ok(())
    }

    #[test]
    fn every_headline_output_has_its_heading() -> Result<(), Box<dyn std::error::Error>> {
        // In English, each row's heading is its output's words as a heading.
        let r = evaluate(&Scenario::default())?;
        for c in compare::headline(&r, &r) {
            assert_eq!(heading(c.output), label(c.output.words()), "{:?}", c.output);
        }
        crate::lang::load(
            crate::lang::Lang::PtBr,
            r#"{"Incremental NPV": "VPL incremental", "{months} months": "{months} meses"}"#,
        )
        .map_err(|e| e.to_string())?;
        let rows = figures(&r, &r);
        let months = show(Unit::Months, 26.0);
        crate::lang::load(crate::lang::Lang::En, "").map_err(|e| e.to_string())?;
        assert_eq!(rows[0].label, "VPL incremental");
        assert_eq!(months, "26 meses");
        Ok(())
    }

    #[test]
    fn changes_are_signed_in_their_unit() {
        assert_eq!(show_by(Unit::Pct, -1.5), "−1.5\u{a0}pts");
        assert_eq!(show_by(Unit::Months, 3.0), "+3 months");
        assert_eq!(show_by(Unit::Usd, -12e6), "−$12.0M");
        assert_eq!(label("the NPV of keeping mining"), "NPV of keeping mining");
    }
}
