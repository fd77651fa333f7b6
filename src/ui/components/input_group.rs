//! A group of inputs (Site, Contract, …): the main ones in view, the rest in
//! an "advanced" section that opens by itself when one of them is invalid.
//! The section's inputs are on the page only while it is open (the page
//! starts and answers edits without building them).

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::charts::words;
use crate::model::{Field, Group};
use crate::ui::components::field_input::FieldInput;
use crate::web::extra::SEP;

/// One field as the group shows it.
#[derive(Clone, PartialEq)]
pub struct FieldView {
    pub field: Field,
    pub text: AttrValue,
    pub error: Option<AttrValue>,
    /// A caution for a valid but unusual value.
    pub caution: Option<AttrValue>,
    pub value: Option<f64>,
}

impl FieldView {
    /// As the page tells the extra module ([`crate::web::extra::Ask::Field`]):
    /// the text, the problem and the caution, each after a separator.
    pub fn to_answer(&self) -> String {
        let mut out = String::new();
        for part in [Some(&self.text), self.error.as_ref(), self.caution.as_ref()] {
            out.push(SEP);
            out.push_str(part.map_or("", |p| p.as_str()));
        }
        out
    }

    /// Read back from [`FieldView::to_answer`], with the value the figures
    /// are of; `None` for anything else.
    pub fn from_answer(field: Field, answer: &str, value: Option<f64>) -> Option<FieldView> {
        let mut parts = answer.strip_prefix(SEP)?.split(SEP).map(str::to_owned);
        let text = parts.next()?;
        let some = |p: String| (!p.is_empty()).then(|| AttrValue::from(p));
        let error = some(parts.next()?);
        let caution = some(parts.next()?);
        parts.next().is_none().then(|| FieldView {
            field,
            text: AttrValue::from(text),
            error,
            caution,
            value,
        })
    }
}

/// Whether a `<details>` is open, as its `toggle` events say, and the
/// handler to give its `ontoggle`.
#[hook]
pub fn use_opened() -> (bool, Callback<Event>) {
    let opened = use_state_eq(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let details: HtmlDetailsElement = e.target_unchecked_into();
            opened.set(details.open());
        })
    };
    (*opened, ontoggle)
}

#[derive(Properties, PartialEq)]
pub struct InputGroupProps {
    pub group: Group,
    pub fields: Vec<FieldView>,
    pub on_edit: Callback<(Field, String)>,
}

#[function_component(InputGroup)]
pub fn input_group(props: &InputGroupProps) -> Html {
    let (opened, ontoggle) = use_opened();
    let render = |f: &FieldView| {
        html! {
            <FieldInput key={f.field.path()} field={f.field} text={f.text.clone()}
                error={f.error.clone()} caution={f.caution.clone()} value={f.value}
                on_edit={props.on_edit.clone()} />
        }
    };
    let (primary, advanced): (Vec<&FieldView>, Vec<&FieldView>) =
        props.fields.iter().partition(|f| f.field.spec().primary);
    // The advanced section opens by itself when a field in it is invalid,
    // and then stays as the user leaves it: closing it as the text becomes
    // valid would take the focus (and the next keystroke) away.
    let advanced_invalid = advanced.iter().any(|f| f.error.is_some());
    let open = opened || advanced_invalid;
    let title = props.group.title();
    html! {
        <fieldset class="group">
            <legend>{ title }</legend>
            { for primary.into_iter().map(render) }
            if !advanced.is_empty() {
                <details class="advanced" data-group={props.group.key()} {open} {ontoggle}>
                    <summary>{ t!("More {group} inputs ({count})", group = lowercase_words(title), count = advanced.len()) }</summary>
                    if open {
                        { for advanced.into_iter().map(render) }
                    }
                </details>
            }
        </fieldset>
    }
}

/// A group title inside a sentence: ordinary words in lower case,
/// abbreviations as they are ("HPC conversion", "site").
fn lowercase_words(title: &str) -> String {
    title
        .split(' ')
        .map(|w| {
            if w.chars().skip(1).any(words::is_upper) {
                w.to_owned()
            } else {
                w.chars().map(words::lower).collect()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_keep_their_capitals() {
        assert_eq!(lowercase_words("HPC conversion"), "HPC conversion");
        assert_eq!(lowercase_words("Energy price sweep"), "energy price sweep");
        assert_eq!(lowercase_words("Site"), "site");
    }

    #[test]
    fn a_field_is_read_back_from_its_answer() {
        let views = [
            FieldView {
                field: Field::RiskSwing,
                text: AttrValue::from("2,000"),
                error: None,
                caution: Some(AttrValue::from("Unusually many")),
                value: Some(2000.0),
            },
            FieldView {
                field: Field::RiskSwing,
                text: AttrValue::from(""),
                error: Some(AttrValue::from("Enter a number")),
                caution: None,
                value: None,
            },
        ];
        for v in views {
            let back = FieldView::from_answer(v.field, &v.to_answer(), v.value);
            assert!(back.as_ref() == Some(&v), "{}", v.to_answer());
        }
        assert!(FieldView::from_answer(Field::RiskSwing, "x", None).is_none());
        assert!(FieldView::from_answer(Field::RiskSwing, "\u{1f}a\u{1f}b", None).is_none());
    }
}
