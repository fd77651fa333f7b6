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

/// Which way an arrow key moves a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    /// The direction of an arrow key (`ArrowUp`, `ArrowDown`); `None` for
    /// any other key.
    pub fn of_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// How far an arrow key moves a number: the field's step, or ten of them
/// (with Shift held).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepSize {
    One,
    Ten,
}

impl StepSize {
    /// Ten steps while Shift is held, else one.
    pub fn with_shift(shift: bool) -> StepSize {
        if shift {
            StepSize::Ten
        } else {
            StepSize::One
        }
    }

    fn steps(self) -> f64 {
        match self {
            StepSize::One => 1.0,
            StepSize::Ten => 10.0,
        }
    }
}

/// The text after pressing an arrow key in a number field: the value moved
/// by `size` of the field's steps in `direction`, kept inside the valid
/// range. `None` when the text is not a number yet or the field is not
/// numeric, so the key does nothing.
pub fn stepped_text(
    field: Field,
    text: &str,
    direction: Direction,
    size: StepSize,
) -> Option<String> {
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
    let step = spec.step * size.steps();
    let mut next = match direction {
        Direction::Up => x + step,
        Direction::Down => x - step,
    };
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
    match crate::numeral::read(raw.trim()) {
        Some(x) if x.is_finite() => crate::model::field::form_number(x),
        _ => raw.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::Direction::{Down, Up};
    use super::StepSize::{One, Ten};
    use super::*;

    #[test]
    fn arrows_step_within_the_range() {
        assert_eq!(
            stepped_text(Field::SiteGridCapacity, "100", Up, One).as_deref(),
            Some("110")
        );
        assert_eq!(
            stepped_text(Field::SiteGridCapacity, "100", Down, Ten).as_deref(),
            None
        );
        assert_eq!(
            stepped_text(Field::HpcDesignPue, "1.25", Up, One).as_deref(),
            Some("1.26")
        );
        assert_eq!(
            stepped_text(Field::HpcDesignPue, "2.99", Up, Ten).as_deref(),
            Some("3")
        );
        assert_eq!(
            stepped_text(Field::MiningUptime, "0", Down, One).as_deref(),
            Some("0")
        );
        assert_eq!(
            stepped_text(Field::HpcCapex, "7,000,000", Up, One).as_deref(),
            Some("7,100,000")
        );
        assert_eq!(
            stepped_text(Field::ContractPassThrough, "true", Up, One),
            None
        );
        assert_eq!(stepped_text(Field::SiteEnergyPrice, "abc", Up, One), None);
        assert_eq!(
            stepped_text(Field::SiteEnergyPrice, "$45", Up, One).as_deref(),
            Some("46")
        );
        assert_eq!(
            stepped_text(Field::MiningUptime, "90 %", Up, One).as_deref(),
            Some("91")
        );
        assert_eq!(
            stepped_text(Field::SiteEnergyPrice, "0.1", Up, One).as_deref(),
            Some("1")
        );
    }

    #[test]
    fn steps_write_the_fields_own_form() {
        for (field, text, direction, size, want) in [
            (Field::MiningOpex, "4,000", Up, One, Some("4,500")),
            (Field::MiningOpex, "4000", Up, One, Some("4,500")),
            (Field::HpcOpex, "15,000", Down, One, Some("14,000")),
            (Field::SiteGridCapacity, "990", Up, One, Some("1,000")),
            (Field::SweepSteps, "999", Up, One, Some("1,000")),
            (Field::SweepSteps, "1,001", Down, One, Some("1,000")),
            (Field::SiteEnergyPrice, "$1,000", Up, One, Some("1,001")),
            (Field::FinanceDiscountRate, "\u{2212}1,0", Up, One, None),
            (Field::SiteEnergyPrice, "45,5", Up, One, None),
            (Field::SiteEnergyPrice, "1.000,5", Up, One, None),
            (Field::SiteEnergyPrice, "5 5", Up, One, None),
            (Field::HpcCapex, "7 000 000", Up, One, None),
        ] {
            assert_eq!(
                stepped_text(field, text, direction, size).as_deref(),
                want,
                "{} {text:?}",
                field.path()
            );
        }
    }

    #[test]
    fn keys_and_shift_name_the_direction_and_size() {
        assert_eq!(Direction::of_key("ArrowUp"), Some(Up));
        assert_eq!(Direction::of_key("ArrowDown"), Some(Down));
        assert_eq!(Direction::of_key("Enter"), None);
        assert_eq!(StepSize::with_shift(true), Ten);
        assert_eq!(StepSize::with_shift(false), One);
        assert_eq!(
            stepped_text(Field::SiteGridCapacity, "500", Down, Ten).as_deref(),
            Some("400")
        );
        assert_eq!(
            stepped_text(Field::SiteGridCapacity, "100", Up, One).as_deref(),
            Some("110")
        );
    }

    #[test]
    fn sliders_write_what_the_arrow_keys_write() {
        assert_eq!(slider_text("7100000"), "7,100,000");
        assert_eq!(
            stepped_text(Field::HpcCapex, "7,000,000", Up, One).as_deref(),
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
