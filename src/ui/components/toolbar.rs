//! Presets and the scenario's ways in and out: share link, downloads, import.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::presets;
use crate::share;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub preset: Option<AttrValue>,
    /// The model version of the form (its preset is that version's).
    pub version: u64,
    pub edited: bool,
    /// Whether there is a form to go back to (before a preset, file or link).
    pub can_undo: bool,
    pub on_undo: Callback<()>,
    pub on_reset: Callback<()>,
    pub on_preset: Callback<String>,
    pub on_share: Callback<()>,
    pub on_download_scenario: Callback<()>,
    pub on_download_results: Callback<()>,
    /// Gets the `<input type=file>` change event.
    pub on_import: Callback<Event>,
    /// A short message after an action ("Link copied").
    pub status: Option<AttrValue>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let onchange = {
        let on_preset = props.on_preset.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_preset.emit(select.value());
        })
    };
    let all = presets::all();
    let selected = props.preset.as_ref().map(AttrValue::as_str);
    // A select the user has changed no longer follows its options'
    // `selected` attributes, so its value is set after each change of preset
    // (an Undo can go back to an earlier one).
    let select_ref = use_node_ref();
    {
        let select_ref = select_ref.clone();
        use_effect_with(props.preset.clone(), move |preset| {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                select.set_value(preset.as_ref().map_or("", AttrValue::as_str));
            }
        });
    }
    // Reset and Undo leave the page once used: keyboard focus moves to the
    // picker rather than falling back to the start of the page.
    let focus_picker = {
        let select_ref = select_ref.clone();
        move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                let _ = select.focus();
            }
        }
    };
    let on_reset = {
        let on_reset = props.on_reset.clone();
        let focus_picker = focus_picker.clone();
        Callback::from(move |_: MouseEvent| {
            on_reset.emit(());
            focus_picker();
        })
    };
    let on_undo = {
        let on_undo = props.on_undo.clone();
        Callback::from(move |_: MouseEvent| {
            on_undo.emit(());
            focus_picker();
        })
    };
    // The chosen preset as the form's model version has it (a version-1
    // link names version 1's presets).
    let source = selected
        .and_then(|id| share::preset(id, props.version))
        .map(|p| {
            html! {
                <p class="preset-source" id="preset-source">
                    <strong>{ p.name }</strong>{ format!(" ({})", p.date) }
                    if props.version == 1 { { ", as version 1 had it" } }
                    if props.edited { <em>{ ", edited" }</em> }
                    { format!(". {} Source: {}.", p.note, p.source) }
                </p>
            }
        });
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="toolbar">
            <div class="toolbar-row">
                <label class="preset-picker">
                    <span>{ "Scenario" }</span>
                    <select ref={select_ref} {onchange} aria-describedby={source.is_some().then_some("preset-source")}>
                        if selected.is_none() {
                            <option value="" selected=true disabled=true>{ "Custom" }</option>
                        }
                        { for all.iter().map(|p| html! {
                            <option value={p.id} selected={selected == Some(p.id)}>{ p.name }</option>
                        }) }
                    </select>
                </label>
                <div class="actions">
                    if props.edited && selected.is_some() {
                        <button type="button" class="reset" onclick={on_reset}
                            title="Put every input back to the chosen scenario's values (Undo brings your edits back)">{ "Reset" }</button>
                    }
                    if props.can_undo {
                        <button type="button" onclick={on_undo}
                            title="Back to the inputs before the last preset, file, link or recomputation">{ "Undo" }</button>
                    }
                    <button type="button" onclick={click(&props.on_share)}>{ "Copy link" }</button>
                    <button type="button" onclick={click(&props.on_download_scenario)}>{ "Save scenario" }</button>
                    <button type="button" onclick={click(&props.on_download_results)}>{ "Save results" }</button>
                    <label class="button file">
                        { "Open scenario…" }
                        <input type="file" accept=".json,application/json" onchange={props.on_import.clone()} />
                    </label>
                </div>
            </div>
            { source }
            <p class="status" role="status">{ props.status.clone().unwrap_or_default() }</p>
        </div>
    }
}
