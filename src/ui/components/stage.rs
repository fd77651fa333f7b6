//! Presentation mode's inputs: the six that decide a conversation
//! (`ui::present::STAGE_FIELDS`), each with large − and + steppers beside
//! its box and slider; and the presets, each one key away.
//!
//! Each field keeps its one keyboard stop (the box, whose arrow keys step
//! it); the steppers are for pointers and touch.

use yew::prelude::*;

use crate::model::Field;
use crate::ui::catalog::{stepped_text, Direction, StepSize};
use crate::ui::components::field_input::FieldInput;
use crate::ui::components::input_group::FieldView;

/// A preset as the stage lists it.
#[derive(Clone, PartialEq)]
pub struct StagePreset {
    pub id: AttrValue,
    pub name: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct StageProps {
    /// The stage's fields, in order.
    pub fields: Vec<FieldView>,
    pub presets: Vec<StagePreset>,
    /// The preset the form was loaded from, if any.
    pub preset: Option<AttrValue>,
    pub on_edit: Callback<(Field, String)>,
    pub on_preset: Callback<String>,
}

#[function_component(Stage)]
pub fn stage(props: &StageProps) -> Html {
    let stepper = |f: &FieldView, direction: Direction| {
        let on_edit = props.on_edit.clone();
        let (field, text) = (f.field, f.text.clone());
        let label = f.field.label();
        let (sign, name) = match direction {
            Direction::Up => ("+", t!("More {label}", label = label)),
            Direction::Down => ("\u{2212}", t!("Less {label}", label = label)),
        };
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(t) = stepped_text(field, &text, direction, StepSize::One) {
                on_edit.emit((field, t));
            }
        });
        html! {
            <button type="button" class="step" tabindex="-1" aria-label={name.clone()} title={name}
                {onclick}>{ sign }</button>
        }
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let selected = props.preset.as_ref();
    let keys = props.presets.len();
    html! {
        <form class="inputs stage" aria-label={t!("Inputs for the presentation")} novalidate=true {onsubmit}>
            <h2 class="stage-head">{ t!("Presentation") }<span class="stage-keys">{ t!("Esc leaves") }</span></h2>
            { for props.fields.iter().map(|f| html! {
                <div class="stage-field" key={f.field.path()}>
                    <FieldInput field={f.field} text={f.text.clone()} error={f.error.clone()}
                        caution={f.caution.clone()} value={f.value} on_edit={props.on_edit.clone()} />
                    <div class="steppers">
                        { stepper(f, Direction::Down) }
                        { stepper(f, Direction::Up) }
                    </div>
                </div>
            }) }
            <fieldset class="stage-presets">
                <legend>{ t!("Scenarios (keys 1\u{2013}{keys})", keys = keys) }</legend>
                { for props.presets.iter().enumerate().map(|(i, p)| {
                    let on_preset = props.on_preset.clone();
                    let id = p.id.clone();
                    let onclick = Callback::from(move |_: MouseEvent| on_preset.emit(id.to_string()));
                    let key = (i + 1).to_string();
                    html! {
                        <button type="button" class="stage-preset" aria-pressed={(selected == Some(&p.id)).to_string()}
                            aria-keyshortcuts={key.clone()} {onclick}>
                            <kbd>{ key }</kbd>{ " " }{ p.name.clone() }
                        </button>
                    }
                }) }
            </fieldset>
        </form>
    }
}
