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
        Field::HpcCapexContingency => (0.0, 50.0),
        Field::MiningFleetResale => (0.0, 20.0),
        Field::TerminalExitCap => (4.0, 12.0),
        Field::TerminalRenewal => (0.0, 100.0),
        Field::TaxRate => (0.0, 40.0),
        Field::FinanceDebtShare => (0.0, 90.0),
        Field::FinanceDebtRate => (0.0, 15.0),
        _ => return None,
    })
}

/// The text after pressing the up (`up = true`) or down arrow in a number
/// field: the value moved by the field's step (ten steps with `big`), kept
/// inside the valid range. `None` when the text is not a number yet or the
/// field is not numeric, so the key does nothing.
pub fn step_text(field: Field, text: &str, up: bool, big: bool) -> Option<String> {
    use crate::model::field::{read_number, Bound, Kind};
    if !matches!(
        field.kind(),
        Kind::Number | Kind::OptionalNumber | Kind::Whole | Kind::OptionalWhole
    ) {
        return None;
    }
    let x = read_number(text).ok()?;
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

/// The text a slider writes into its field: the slider's value (`7100000`)
/// written as the field shows numbers (`7,100,000`), the same form as the
/// field's default text and the arrow keys. A value that does not read is
/// passed on as it is.
pub fn slider_text(raw: &str) -> String {
    match raw.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => crate::model::field::form_number(x),
        _ => raw.to_owned(),
    }
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
            step_text(Field::HpcDesignPue, "1.25", true, false).as_deref(),
            Some("1.26")
        );
        assert_eq!(
            step_text(Field::HpcDesignPue, "2.99", true, true).as_deref(),
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

    #[test]
    fn steps_write_the_fields_own_form() {
        for (field, text, up, big, want) in [
            (Field::MiningOpex, "4,000", true, false, Some("4,500")),
            (Field::MiningOpex, "4000", true, false, Some("4,500")),
            (Field::HpcOpex, "15,000", false, false, Some("14,000")),
            (Field::SiteGridCapacity, "990", true, false, Some("1,000")),
            (Field::SweepSteps, "999", true, false, Some("1,000")),
            (Field::SweepSteps, "1,001", false, false, Some("1,000")),
            (Field::SiteEnergyPrice, "$1,000", true, false, Some("1,001")),
            (Field::FinanceDiscountRate, "\u{2212}1,0", true, false, None),
            (Field::SiteEnergyPrice, "45,5", true, false, None),
            (Field::SiteEnergyPrice, "1.000,5", true, false, None),
            (Field::SiteEnergyPrice, "5 5", true, false, None),
            (Field::HpcCapex, "7 000 000", true, false, None),
        ] {
            assert_eq!(
                step_text(field, text, up, big).as_deref(),
                want,
                "{} {text:?}",
                field.path()
            );
        }
    }

    #[test]
    fn sliders_write_what_the_arrow_keys_write() {
        assert_eq!(slider_text("7100000"), "7,100,000");
        assert_eq!(
            step_text(Field::HpcCapex, "7,000,000", true, false).as_deref(),
            Some(slider_text("7100000").as_str())
        );
        assert_eq!(slider_text("150"), "150");
        assert_eq!(slider_text("3.5"), "3.5");
        assert_eq!(slider_text("1000"), "1,000");
        assert_eq!(slider_text("0.30000000000000004"), "0.3");
        assert_eq!(slider_text("abc"), "abc");
        // Every slider position writes the text the field shows for that
        // value, and it reads back to the value.
        for &field in crate::model::Field::ALL {
            let Some((lo, hi)) = slider(field) else {
                continue;
            };
            let step = field.spec().step;
            let mut x = lo;
            while x <= hi {
                let text = slider_text(&x.to_string());
                let mut s = crate::model::Scenario::default();
                assert!(field.set_text(&mut s, &text).is_ok(), "{text}");
                assert_eq!(field.number(&s), Some(x), "{text}");
                assert_eq!(field.text(&s), text, "{}", field.path());
                x += step;
            }
        }
    }
}
