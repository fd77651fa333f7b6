//! The display currency as the page holds it (pure): the three texts as
//! typed, the currency the results are shown in (the last the texts read
//! as, kept while they do not read), and their problems, each naming its
//! field. Kept in this browser's storage (its own item, not the scenario's
//! form: it is how this reader reads results, like the theme), and not
//! carried by links or scenario files, whose figures stay the model's.

use std::rc::Rc;

use yew::Reducible;

use crate::currency::{Currency, CurrencyError, Part, Typed};
use crate::share::{percent_decode, percent_encode};

/// One edit of one of the three inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayEdit {
    pub part: Part,
    pub text: String,
}

/// The display currency's inputs and what they read as.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Display {
    /// As typed.
    pub typed: Typed,
    /// Results are shown in this (`None`: dollars): what the texts read as,
    /// or, while they do not read, the last they did.
    pub shown: Option<Currency>,
    /// Why the texts do not read, in the form's order.
    pub errors: Vec<CurrencyError>,
}

impl Display {
    /// From the texts: what they read as, or the problems and `before`.
    fn of(typed: Typed, before: Option<Currency>) -> Self {
        match Currency::read(&typed) {
            Ok(shown) => Display {
                typed,
                shown,
                errors: Vec::new(),
            },
            Err(errors) => Display {
                typed,
                shown: before,
                errors,
            },
        }
    }

    /// As the storage item [`Display::to_stored`] wrote; dollars for none
    /// or an item that does not read (its texts, as far as they read,
    /// are kept, with their problems).
    pub fn from_stored(text: Option<&str>) -> Self {
        let mut typed = Typed::default();
        for (key, value) in text
            .unwrap_or("")
            .split('&')
            .filter_map(|p| p.split_once('='))
        {
            if let Some(part) = Part::from_key(&percent_decode(key)) {
                let value = percent_decode(value);
                typed.set(part, value.chars().take(MAX_TEXT).collect());
            }
        }
        Display::of(typed, None)
    }

    /// The storage item: the three texts as a link writes keys and values;
    /// `None` while they say dollars (the item is then removed).
    pub fn to_stored(&self) -> Option<String> {
        if self.typed.is_dollars() {
            return None;
        }
        let parts: Vec<String> = Part::ALL
            .iter()
            .map(|&p| format!("{}={}", p.key(), percent_encode(self.typed.get(p))))
            .collect();
        Some(parts.join("&"))
    }
}

/// Longest text kept of one input.
const MAX_TEXT: usize = 40;

impl Display {
    /// After `edit`.
    pub fn edited(&self, edit: &DisplayEdit) -> Display {
        let mut typed = self.typed.clone();
        typed.set(edit.part, edit.text.clone());
        Display::of(typed, self.shown)
    }
}

impl Reducible for Display {
    type Action = DisplayEdit;

    fn reduce(self: Rc<Self>, edit: DisplayEdit) -> Rc<Self> {
        Rc::new(self.edited(&edit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(d: Rc<Display>, part: Part, text: &str) -> Rc<Display> {
        d.reduce(DisplayEdit {
            part,
            text: text.into(),
        })
    }

    #[test]
    fn results_keep_the_last_currency_that_read_while_the_texts_do_not() {
        let d = Rc::new(Display::default());
        assert_eq!(d.shown, None);
        let d = edit(d, Part::Code, "brl");
        // A code alone does not read yet: dollars stay, the rate and date are asked for.
        assert_eq!(d.shown, None);
        assert_eq!(d.errors, vec![CurrencyError::Rate, CurrencyError::Date]);
        let d = edit(d, Part::Rate, "5.3");
        let d = edit(d, Part::Date, "2026-12-01");
        let brl = d.shown.ok_or("no currency");
        assert_eq!(brl.map(|c| c.per_usd), Ok(5.3));
        assert!(d.errors.is_empty());
        // A rate mistyped: kept as typed and named; the figures stay in reais at 5.3.
        let d = edit(d, Part::Rate, "5,3x");
        assert_eq!(d.typed.rate, "5,3x");
        assert_eq!(d.shown.map(|c| c.per_usd), Some(5.3));
        assert_eq!(d.errors, vec![CurrencyError::Rate]);
        assert!(d.errors[0].to_string().starts_with("Units per US dollar: "));
        // Back to dollars: nothing stored.
        let d = edit(
            edit(edit(d, Part::Code, "USD"), Part::Rate, ""),
            Part::Date,
            "",
        );
        assert_eq!((d.shown, d.to_stored()), (None, None));
    }

    #[test]
    fn stored_and_read_back_as_typed() {
        let d = Display::of(
            Typed {
                code: "EUR".into(),
                rate: "0.92 & more".into(),
                date: "2026-12-01".into(),
            },
            None,
        );
        let stored = d.to_stored();
        assert_eq!(
            stored.as_deref(),
            Some(
                "display.currency=EUR&display.rate=0.92%20%26%20more&display.rate_date=2026-12-01"
            )
        );
        let back = Display::from_stored(stored.as_deref());
        assert_eq!(back.typed, d.typed);
        assert_eq!(back.errors, vec![CurrencyError::Rate]);
        // Anything else reads as dollars, never a panic.
        for odd in ["", "garbage", "display.rate=%FF%", "display.currency"] {
            let d = Display::from_stored(Some(odd));
            assert_eq!(d.shown, None, "{odd}");
        }
    }
}
