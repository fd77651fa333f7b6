//! Presets and the scenario's ways in and out: share link, downloads, import.
//!
//! One keyboard stop for the whole toolbar (the arrow keys move between its
//! controls), so the inputs come a few Tabs into the page. The picker loads
//! a scenario when a choice is made (a click, or Enter after arrowing), not
//! at each arrow key. Reset and Undo keep their room while they have nothing
//! to do, and the chosen scenario's description takes one line (with
//! "more"), so an edit or a preset never moves the page under the pointer.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

use crate::presets;
use crate::share;
use crate::ui::components::extra;
use crate::ui::components::language::LanguageSwitch;
use crate::ui::present::{Mode, SHORTCUT};

/// What the status line offers besides its message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusOffer {
    #[default]
    Nothing,
    /// "Save scenario", where a link would not work elsewhere.
    SaveScenario,
}

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
    #[prop_or_default]
    pub offer: StatusOffer,
    /// How the page is shown; presentation mode keeps the picker, Reset,
    /// Undo and the way back.
    #[prop_or_default]
    pub mode: Mode,
    pub on_present: Callback<()>,
    /// Prints the report.
    pub on_report: Callback<()>,
}

/// The id of the button that enters and leaves presentation mode.
pub const PRESENT_ID: &str = "present-toggle";

/// The controls the arrow keys move between, in order (`data-tool`).
const TOOLS: [&str; 13] = [
    "picker",
    "reset",
    "undo",
    "present",
    "report",
    "copy",
    "save-scenario",
    "save-results",
    "open",
    "saved",
    "language",
    "more",
    "offer-save",
];

/// Keys that change a closed picker's choice in place.
fn steps_the_picker(e: &KeyboardEvent) -> bool {
    if e.alt_key() || e.ctrl_key() || e.meta_key() {
        return false;
    }
    let key = e.key();
    matches!(
        key.as_str(),
        "ArrowUp" | "ArrowDown" | "PageUp" | "PageDown" | "Home" | "End"
    ) || key.chars().count() == 1
}

/// The toolbar's control `tool`, if it is shown.
fn tool(toolbar: &NodeRef, tool: &str) -> Option<HtmlElement> {
    let root = toolbar.cast::<web_sys::Element>()?;
    let el = root
        .query_selector(&format!("[data-tool=\"{tool}\"]"))
        .ok()??;
    el.dyn_into::<HtmlElement>().ok()
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let all = presets::all();
    let selected = props.preset.as_ref().map(AttrValue::as_str);
    let toolbar_ref = use_node_ref();
    let select_ref = use_node_ref();
    // The control the toolbar's one Tab stop lands on.
    let current = use_state_eq(|| "picker");
    // A choice arrowed to but not yet made (Enter makes it).
    let pending = use_state_eq(|| false);
    let keyed = use_mut_ref(|| false);
    let more = use_state_eq(|| false);

    let can_reset = props.edited && selected.is_some();
    let has_source = selected.is_some_and(|id| share::preset(id, props.version).is_some());
    let presenting = props.mode == Mode::Present;
    let shown = |t: &str| match t {
        "picker" | "present" => true,
        _ if presenting && t != "reset" && t != "undo" => false,
        "reset" => can_reset,
        "undo" => props.can_undo,
        "more" => has_source,
        "offer-save" => props.offer == StatusOffer::SaveScenario,
        _ => true,
    };
    let order: Vec<&'static str> = TOOLS.iter().copied().filter(|t| shown(t)).collect();
    let stop = if order.contains(&*current) {
        *current
    } else {
        "picker"
    };
    let tabindex = |t: &str| if t == stop { "0" } else { "-1" };

    // A select the user has changed no longer follows its options'
    // `selected` attributes, so its value is set after each change of preset
    // (an Undo can go back to an earlier one); the description starts short.
    {
        let select_ref = select_ref.clone();
        let more = more.clone();
        let pending = pending.clone();
        use_effect_with(props.preset.clone(), move |preset| {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                select.set_value(preset.as_ref().map_or("", AttrValue::as_str));
            }
            more.set(false);
            pending.set(false);
        });
    }
    let revert_picker = {
        let select_ref = select_ref.clone();
        let preset = props.preset.clone();
        let pending = pending.clone();
        move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                select.set_value(preset.as_ref().map_or("", AttrValue::as_str));
            }
            pending.set(false);
        }
    };
    let onchange = {
        let on_preset = props.on_preset.clone();
        let keyed = keyed.clone();
        let pending = pending.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if keyed.replace(false) {
                pending.set(true);
            } else {
                pending.set(false);
                on_preset.emit(select.value());
            }
        })
    };
    let on_picker_key = {
        let on_preset = props.on_preset.clone();
        let keyed = keyed.clone();
        let pending = pending.clone();
        let revert_picker = revert_picker.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" if *pending => {
                e.prevent_default();
                let select: HtmlSelectElement = e.target_unchecked_into();
                pending.set(false);
                on_preset.emit(select.value());
            }
            "Escape" if *pending => {
                e.prevent_default();
                revert_picker();
            }
            "ArrowLeft" | "ArrowRight" => {}
            _ if steps_the_picker(&e) => *keyed.borrow_mut() = true,
            _ => {}
        })
    };
    let on_picker_blur = {
        let pending = pending.clone();
        Callback::from(move |_: FocusEvent| {
            if *pending {
                revert_picker();
            }
        })
    };

    // The arrow keys move between the controls; Home and End go to the
    // first and the last (but in the picker, which they step).
    let onkeydown = {
        let toolbar_ref = toolbar_ref.clone();
        let order = order.clone();
        Callback::from(move |e: KeyboardEvent| {
            let target: web_sys::Element = e.target_unchecked_into();
            let Some(at) = target
                .get_attribute("data-tool")
                .and_then(|t| order.iter().position(|o| *o == t))
            else {
                return;
            };
            let in_picker = order.get(at) == Some(&"picker");
            let next = match e.key().as_str() {
                "ArrowRight" => (at + 1) % order.len(),
                "ArrowLeft" => (at + order.len() - 1) % order.len(),
                "Home" if !in_picker => 0,
                "End" if !in_picker => order.len() - 1,
                _ => return,
            };
            e.prevent_default();
            if let Some(el) = order.get(next).and_then(|t| tool(&toolbar_ref, t)) {
                let _ = el.focus();
            }
        })
    };
    let onfocusin = {
        let current = current.clone();
        Callback::from(move |e: FocusEvent| {
            let target: web_sys::Element = e.target_unchecked_into();
            if let Some(t) = target
                .get_attribute("data-tool")
                .and_then(|t| TOOLS.iter().find(|x| **x == t))
            {
                current.set(t);
            }
        })
    };

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
    let on_more = {
        let more = more.clone();
        Callback::from(move |_: MouseEvent| more.set(!*more))
    };
    // The chosen preset as the form's model version has it (a version-1
    // link names version 1's presets).
    let source = selected
        .and_then(|id| share::preset(id, props.version))
        .map(|p| {
            html! {
                <div class="preset-about">
                    <p class={classes!("preset-source", more.then_some("open"))} id="preset-source">
                        if *pending {
                            { t!("Enter opens the scenario chosen; Escape keeps this one. ") }
                        }
                        <strong>{ p.name }</strong>{ format!(" ({})", p.date) }
                        if props.version == 1 { { t!(", as version 1 had it") } }
                        if props.edited { <em>{ t!(", edited") }</em> }
                        { t!(". {note} Source: {source}.", note = p.note, source = p.source) }
                    </p>
                    <button type="button" class="more" data-tool="more" tabindex={tabindex("more")}
                        aria-expanded={more.to_string()} aria-controls="preset-source"
                        onclick={on_more}>{ if *more { t!("less") } else { t!("more") } }</button>
                </div>
            }
        });
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let idle = |t: &str| (!shown(t)).then_some("idle");
    html! {
        <div class="toolbar" role="toolbar" aria-label={t!("Scenario and files")} ref={toolbar_ref}
            {onkeydown} {onfocusin}>
            <div class="toolbar-row">
                <label class="preset-picker">
                    <span>{ t!("Scenario") }</span>
                    <select ref={select_ref} {onchange} data-tool="picker" tabindex={tabindex("picker")}
                        onkeydown={on_picker_key} onblur={on_picker_blur}
                        aria-describedby={source.is_some().then_some("preset-source")}>
                        if selected.is_none() {
                            <option value="" selected=true disabled=true>{ t!("Custom") }</option>
                        }
                        { for all.iter().map(|p| html! {
                            <option value={p.id} selected={selected == Some(p.id)}>{ p.name }</option>
                        }) }
                    </select>
                </label>
                <div class="actions">
                    <button type="button" class={classes!("reset", idle("reset"))} onclick={on_reset}
                        data-tool="reset" tabindex={tabindex("reset")}
                        title={t!("Put every input back to the chosen scenario's values (Undo brings your edits back)")}>{ t!("Reset") }</button>
                    <button type="button" class={classes!("undo", idle("undo"))} onclick={on_undo}
                        data-tool="undo" tabindex={tabindex("undo")}
                        title={t!("Back to the inputs before the last preset, file, link or recomputation")}>{ t!("Undo") }</button>
                    <button type="button" class="present" id={PRESENT_ID} onclick={click(&props.on_present)}
                        data-tool="present" tabindex={tabindex("present")} aria-pressed={presenting.to_string()}
                        aria-keyshortcuts={SHORTCUT}
                        title={t!("Presentation mode for a shared screen: large figures and charts, six inputs ({shortcut}; Esc leaves)", shortcut = SHORTCUT)}>
                        { if presenting { t!("Leave presentation") } else { t!("Present") } }</button>
                    <button type="button" onclick={click(&props.on_report)} data-tool="report"
                        tabindex={tabindex("report")}
                        title={t!("A printable report of this scenario: its figures, charts, the inputs changed and the sources (Save as PDF in the print dialog)")}>{ t!("Report") }</button>
                    <button type="button" onclick={click(&props.on_share)} data-tool="copy"
                        tabindex={tabindex("copy")}>{ t!("Copy link") }</button>
                    <button type="button" onclick={click(&props.on_download_scenario)}
                        data-tool="save-scenario" tabindex={tabindex("save-scenario")}>{ t!("Save scenario") }</button>
                    <button type="button" onclick={click(&props.on_download_results)}
                        data-tool="save-results" tabindex={tabindex("save-results")}>{ t!("Save results") }</button>
                    <label class="button file">
                        { t!("Open scenario…") }
                        <input type="file" accept=".json,application/json" data-tool="open"
                            tabindex={tabindex("open")} onchange={props.on_import.clone()} />
                    </label>
                    { extra::saved(AttrValue::from(tabindex("saved"))) }
                    <LanguageSwitch tabindex={AttrValue::from(tabindex("language"))} />
                </div>
            </div>
            { source }
            <p class="status" role="status">
                { props.status.clone().unwrap_or_default() }
                if props.offer == StatusOffer::SaveScenario {
                    { " " }
                    <button type="button" class="offer" data-tool="offer-save" tabindex={tabindex("offer-save")}
                        onclick={click(&props.on_download_scenario)}>{ t!("Save scenario") }</button>
                }
            </p>
        </div>
    }
}
