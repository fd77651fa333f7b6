//! One input: label with unit, a text box that keeps exactly what was typed,
//! an optional slider, a help toggle, and the model's message when the value
//! is not valid.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::field::reads_on;
use crate::model::{Field, Kind};
use crate::ui::catalog;

#[derive(Properties, PartialEq)]
pub struct FieldInputProps {
    pub field: Field,
    /// The text as typed.
    pub text: AttrValue,
    /// The message for this field, if its text is not valid.
    pub error: Option<AttrValue>,
    /// The field's value in the last valid scenario (for the slider).
    pub value: Option<f64>,
    pub on_edit: Callback<(Field, String)>,
}

#[function_component(FieldInput)]
pub fn field_input(props: &FieldInputProps) -> Html {
    let field = props.field;
    let spec = field.spec();
    let id = field.html_id();
    let help_id = format!("{id}-help");
    let err_id = format!("{id}-error");
    let described = if props.error.is_some() {
        format!("{help_id} {err_id}")
    } else {
        help_id.clone()
    };

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
            html! {
                <input id={id.clone()} type="checkbox" class="toggle"
                    checked={reads_on(&props.text).unwrap_or(false)}
                    aria-describedby={described.clone()} {onchange} />
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
                html! {
                    <input type="range" class="slider" min={lo.to_string()} max={hi.to_string()}
                        step={spec.step.to_string()} value={value.to_string()}
                        aria-label={format!("{} slider", spec.label)} {oninput} />
                }
            });
            let onkeydown = {
                let on_edit = props.on_edit.clone();
                Callback::from(move |e: KeyboardEvent| {
                    let up = match e.key().as_str() {
                        "ArrowUp" => true,
                        "ArrowDown" => false,
                        _ => return,
                    };
                    let input: HtmlInputElement = e.target_unchecked_into();
                    if let Some(text) = catalog::step_text(field, &input.value(), up, e.shift_key())
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
                        aria-invalid={props.error.is_some().to_string()}
                        aria-describedby={described.clone()} oninput={on_text} {onkeydown} />
                    { slider }
                </>
            }
        }
    };

    let class = classes!(
        "field",
        props.error.is_some().then_some("invalid"),
        (field.kind() == Kind::Bool).then_some("bool")
    );
    html! {
        <div class={class} data-field={spec.path}>
            <div class="field-head">
                <label for={id.clone()}>
                    { spec.label }
                    if !spec.unit.is_empty() { <span class="unit">{ spec.unit }</span> }
                </label>
                <details class="help">
                    <summary aria-label={format!("About {}", spec.label)}>{ "?" }</summary>
                    <p id={help_id}>{ spec.help }</p>
                </details>
            </div>
            <div class="control">{ control }</div>
            if let Some(error) = &props.error {
                <p class="error" id={err_id}>{ error.clone() }</p>
            }
        </div>
    }
}
