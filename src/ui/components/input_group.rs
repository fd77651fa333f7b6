//! A group of inputs (Site, Contract, …): the main ones in view, the rest in
//! an "advanced" section that opens by itself when one of them is invalid.
//! The section's inputs are on the page only while it is open (the page
//! starts and answers edits without building them).

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::charts::words;
use crate::model::{Field, Group};
use crate::ui::components::field_input::FieldInput;

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

#[derive(Properties, PartialEq)]
pub struct InputGroupProps {
    pub group: Group,
    pub fields: Vec<FieldView>,
    pub on_edit: Callback<(Field, String)>,
}

#[function_component(InputGroup)]
pub fn input_group(props: &InputGroupProps) -> Html {
    let opened = use_state(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let details: HtmlDetailsElement = e.target_unchecked_into();
            opened.set(details.open());
        })
    };
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
    let open = *opened || advanced_invalid;
    let title = props.group.title();
    html! {
        <fieldset class="group">
            <legend>{ title }</legend>
            { for primary.into_iter().map(render) }
            if !advanced.is_empty() {
                <details class="advanced" data-group={title} {open} {ontoggle}>
                    <summary>{ format!("More {} inputs ({})", lowercase_words(title), advanced.len()) }</summary>
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
    use super::lowercase_words;

    #[test]
    fn abbreviations_keep_their_capitals() {
        assert_eq!(lowercase_words("HPC conversion"), "HPC conversion");
        assert_eq!(lowercase_words("Energy price sweep"), "energy price sweep");
        assert_eq!(lowercase_words("Site"), "site");
    }
}
