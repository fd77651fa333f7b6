//! One input: label with unit, a text box that keeps exactly what was typed,
//! an optional slider, a help toggle, the model's message when the value is
//! not valid, and a quiet caution when a valid value is unusual.
//!
//! The box is the field's one keyboard stop: the arrow keys step it (the
//! slider follows it and is for pointers), and `?` in it opens the help,
//! which screen readers hear as the box's description.

use wasm_bindgen::JsCast;
use web_sys::{HtmlDetailsElement, HtmlInputElement};
use yew::prelude::*;

use crate::charts::svg::escape;
use crate::model::field::reads_on;
use crate::model::{Field, Kind};
use crate::ui::catalog;
use crate::ui::components::text::{help_open, keep_minus};

thread_local! {
    /// A field asked to take the keyboard before it was on the page (in a
    /// closed "More … inputs" section): it takes it as it appears.
    static FOCUS_WHEN_SHOWN: std::cell::Cell<Option<Field>> = const { std::cell::Cell::new(None) };
}

/// Gives `field`'s box the keyboard as soon as it is on the page.
pub fn focus_when_shown(field: Field) {
    FOCUS_WHEN_SHOWN.with(|f| f.set(Some(field)));
}

#[derive(Properties, PartialEq)]
pub struct FieldInputProps {
    pub field: Field,
    /// The text as typed.
    pub text: AttrValue,
    /// The message for this field, if its text is not valid.
    pub error: Option<AttrValue>,
    /// A caution for a valid but unusual value (not an error).
    #[prop_or_default]
    pub caution: Option<AttrValue>,
    /// The field's value in the last valid scenario (for the slider).
    pub value: Option<f64>,
    pub on_edit: Callback<(Field, String)>,
}

/// `?` toggles the help of the field it is typed in (no field reads a `?`);
/// Escape closes it.
fn help_key(e: &KeyboardEvent) -> bool {
    let el: web_sys::Element = e.target_unchecked_into();
    let Some(details) = el
        .closest(".field")
        .ok()
        .flatten()
        .and_then(|f| f.query_selector("details.help").ok().flatten())
        .and_then(|d| d.dyn_into::<HtmlDetailsElement>().ok())
    else {
        return false;
    };
    match e.key().as_str() {
        "?" => {
            details.set_open(!details.open());
            true
        }
        "Escape" if details.open() => {
            details.set_open(false);
            true
        }
        _ => false,
    }
}

/// The field's "?" and help, as escaped HTML text (static words, no
/// handlers: the browser builds it far faster than node by node). The box
/// is the field's keyboard stop (`?` in it opens this).
pub fn help_html(label: &str, id: &str, help: &str) -> String {
    format!(
        "{open}<p id=\"{id}\">{help}</p></details>",
        open = help_open("help", label, t!("About this input (press ? in the field)")),
        id = escape(id),
        help = escape(help),
    )
}

#[function_component(FieldInput)]
pub fn field_input(props: &FieldInputProps) -> Html {
    let field = props.field;
    let spec = field.spec();
    let id = field.html_id();
    let help_id = format!("{id}-help");
    let err_id = format!("{id}-error");
    let caution_id = format!("{id}-caution");
    {
        let id = id.clone();
        use_effect_with((), move |()| {
            // Taken only by the field it names.
            let mine = FOCUS_WHEN_SHOWN.with(|f| f.get() == Some(field) && f.take().is_some());
            if mine {
                crate::web::focus_id(&id);
            }
        });
    }
    // Screen readers name the box "Grid capacity, MW" (the label's text
    // runs the unit on: "Grid capacityMW").
    let name = (!spec.unit.is_empty()).then(|| format!("{}, {}", spec.label, spec.unit));
    let described = [
        Some(help_id.as_str()),
        props.error.as_ref().map(|_| err_id.as_str()),
        props.caution.as_ref().map(|_| caution_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");

    let on_text = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit((field, input.value()));
        })
    };

    let control = match field.kind() {
        Kind::Bool => {
            let on_edit = props.on_edit.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                on_edit.emit((field, input.checked().to_string()));
            });
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                if help_key(&e) {
                    e.prevent_default();
                }
            });
            html! {
                <input id={id.clone()} type="checkbox" class="toggle"
                    checked={reads_on(&props.text).unwrap_or(false)} aria-label={name.clone()}
                    aria-describedby={described.clone()} aria-keyshortcuts="?" {onchange} {onkeydown} />
            }
        }
        kind => {
            // Phone keypads for "decimal"/"numeric" have no minus sign or
            // comma: fields that take those get the full keyboard.
            let negative = spec.rule.lowest().is_some_and(|lo| lo < 0.0);
            let mode = match kind {
                Kind::WholeList => "text",
                _ if negative => "text",
                Kind::Number | Kind::OptionalNumber => "decimal",
                _ => "numeric",
            };
            let placeholder = if spec.empty_means.is_empty() {
                None
            } else {
                Some(spec.empty_means)
            };
            let slider = catalog::slider(field).map(|(lo, hi)| {
                let on_edit = props.on_edit.clone();
                let oninput = Callback::from(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    // Written as the form writes numbers (`7,100,000`), like
                    // the arrow keys.
                    on_edit.emit((field, catalog::slider_text(&input.value())));
                });
                let value = props.value.unwrap_or(lo).clamp(lo, hi);
                // Not a keyboard stop: the box before it takes the same
                // arrow keys.
                html! {
                    <input type="range" class="slider" min={lo.to_string()} max={hi.to_string()}
                        step={spec.step.to_string()} value={value.to_string()} tabindex="-1"
                        aria-label={t!("{label}, slider", label = spec.label)} {oninput} />
                }
            });
            let onkeydown = {
                let on_edit = props.on_edit.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if help_key(&e) {
                        e.prevent_default();
                        return;
                    }
                    let Some(direction) = catalog::Direction::of_key(&e.key()) else {
                        return;
                    };
                    let input: HtmlInputElement = e.target_unchecked_into();
                    let size = catalog::StepSize::with_shift(e.shift_key());
                    if let Some(text) =
                        catalog::stepped_text(field, &input.value(), direction, size)
                    {
                        e.prevent_default();
                        on_edit.emit((field, text));
                    }
                })
            };
            html! {
                <>
                    <input id={id.clone()} type="text" inputmode={mode} autocomplete="off"
                        spellcheck="false" class="text"
                        value={props.text.clone()} placeholder={placeholder}
                        aria-invalid={props.error.is_some().to_string()} aria-label={name.clone()}
                        aria-describedby={described.clone()} aria-keyshortcuts="?"
                        oninput={on_text} {onkeydown} />
                    { slider }
                </>
            }
        }
    };

    let class = classes!(
        "field",
        props.error.is_some().then_some("invalid"),
        props.caution.is_some().then_some("unusual"),
        (field.kind() == Kind::Bool).then_some("bool")
    );
    html! {
        <div class={class} data-field={spec.path}>
            <div class="field-head">
                <label for={id.clone()}>
                    { spec.label }
                    if !spec.unit.is_empty() { <span class="unit">{ spec.unit }</span> }
                </label>
                { Html::from_html_unchecked(help_html(spec.label, &help_id, spec.help).into()) }
            </div>
            <div class="control">{ control }</div>
            if let Some(error) = &props.error {
                <p class="error" id={err_id}>{ keep_minus(error) }</p>
            }
            if let Some(caution) = &props.caution {
                <p class="caution" id={caution_id}>{ keep_minus(caution) }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_help_is_escaped_html() {
        assert_eq!(
            help_html("PUE <design>", "hpc-design-pue-help", "Grid MW & \"IT\" MW"),
            "<details class=\"help\"><summary tabindex=\"-1\" aria-label=\"About PUE &lt;design&gt;\" \
             title=\"About this input (press ? in the field)\">?</summary>\
             <p id=\"hpc-design-pue-help\">Grid MW &amp; &quot;IT&quot; MW</p></details>"
        );
    }
}
