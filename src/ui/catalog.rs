//! Presentation of inputs beyond the model's catalogue: which get a slider,
//! and over what range (the text box always accepts the full valid range).

use crate::model::Field;

/// The slider range of a field, for the inputs a person is likely to sweep.
pub fn slider(field: Field) -> Option<(f64, f64)> {
    Some(match field {
        Field::SiteGridCapacity => (10.0, 1000.0),
        Field::SiteEnergyPrice => (0.0, 150.0),
        Field::MiningHashprice => (0.0, 100.0),
        Field::MiningEfficiency => (10.0, 40.0),
        Field::HpcConversionMonths => (0.0, 48.0),
        Field::HpcCapex => (0.0, 15_000_000.0),
        Field::ContractRate => (50.0, 250.0),
        Field::ContractEscalator => (0.0, 6.0),
        Field::ContractTerm => (1.0, 30.0),
        Field::FinanceDiscountRate => (0.0, 25.0),
        _ => return None,
    })
}

/// The text after pressing the up (`up = true`) or down arrow in a number
/// field: the value moved by the field's step (ten steps with `big`), kept
/// inside the valid range. `None` when the text is not a number yet or the
/// field is not numeric, so the key does nothing.
pub fn step_text(field: Field, text: &str, up: bool, big: bool) -> Option<String> {
    use crate::model::field::{Bound, Kind};
    if !matches!(
        field.kind(),
        Kind::Number | Kind::OptionalNumber | Kind::Whole | Kind::OptionalWhole
    ) {
        return None;
    }
    let x: f64 = crate::model::field::clean_number(text).parse().ok()?;
    if !x.is_finite() {
        return None;
    }
    let spec = field.spec();
    let step = spec.step * if big { 10.0 } else { 1.0 };
    let mut next = if up { x + step } else { x - step };
    // Snap to the step's grid to keep binary noise out of the text.
    next = (next / spec.step).round() * spec.step;
    let rule = spec.rule;
    next = match rule.max {
        Bound::Incl(b) => next.min(b),
        Bound::Excl(b) if next >= b => return None,
        _ => next,
    };
    next = match rule.min {
        Bound::Incl(a) => next.max(a),
        Bound::Excl(a) if next <= a => return None,
        _ => next,
    };
    Some(crate::model::field::form_number(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_step_within_the_range() {
        assert_eq!(
            step_text(Field::SiteGridCapacity, "100", true, false).as_deref(),
            Some("110")
        );
        assert_eq!(
            step_text(Field::SiteGridCapacity, "100", false, true).as_deref(),
            None
        );
        assert_eq!(
            step_text(Field::HpcPue, "1.25", true, false).as_deref(),
            Some("1.26")
        );
        assert_eq!(
            step_text(Field::HpcPue, "2.99", true, true).as_deref(),
            Some("3")
        );
        assert_eq!(
            step_text(Field::MiningUptime, "0", false, false).as_deref(),
            Some("0")
        );
        assert_eq!(
            step_text(Field::HpcCapex, "7,000,000", true, false).as_deref(),
            Some("7,100,000")
        );
        assert_eq!(
            step_text(Field::ContractPassThrough, "true", true, false),
            None
        );
        assert_eq!(step_text(Field::SiteEnergyPrice, "abc", true, false), None);
        assert_eq!(
            step_text(Field::SiteEnergyPrice, "$45", true, false).as_deref(),
            Some("46")
        );
        assert_eq!(
            step_text(Field::MiningUptime, "90 %", true, false).as_deref(),
            Some("91")
        );
        assert_eq!(
            step_text(Field::SiteEnergyPrice, "0.1", true, false).as_deref(),
            Some("1")
        );
    }
}
