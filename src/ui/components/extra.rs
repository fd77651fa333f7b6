//! The parts of the page that the page's extra module fills (built apart as
//! `repower-extra`, see `src/extra.rs` and `web::extra`): "Saved scenarios"
//! in the toolbar, the risk view and the "Monthly cash flows" section. The page draws
//! each control, closed, with an empty place inside; the module is fetched
//! when one is first opened (or soon after the page starts when this
//! browser already holds saved scenarios, so one that cannot be read is
//! reported at once), never on a first visit. Here too: the page's answers
//! to what the loader and the module ask.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use web_sys::HtmlDetailsElement;

use crate::currency::Part;
use crate::model::{Field, Scenario};
use crate::saved;
use crate::share;
use crate::ui::app::{field_view, unsaved_reason};
use crate::ui::components::display_currency::typed_to_answer;
use crate::ui::components::input_group::use_opened;
use crate::ui::components::text::text_html;
use crate::ui::display::{Display, DisplayEdit};
use crate::ui::risk_engine::Look;
use crate::ui::state::{Action, State};
use crate::web::{self, extra::Ask};

/// The module's function that fills each control (`data-extra`): the names
/// of `src/extra.rs`'s exports (the page tests open both controls).
pub const SAVED: &str = "mount_saved";
pub const CASH_FLOWS: &str = "mount_cash_flows";
pub const RISK: &str = "mount_risk";
pub const DISPLAY: &str = "mount_display";

/// The report's place for the comparison shown in "Saved scenarios": the
/// page keeps it empty, and the module fills it while the page prints.
pub const REPORT_COMPARISON: &str = "report-comparison";
/// The place's attribute that says whether the comparison's charts of A
/// and B stand in for the page's own on paper (they do when the current
/// inputs are A or B; `www/style.css` reads it).
pub const CHARTS_ATTRIBUTE: &str = "data-charts";
pub const CHARTS_REPLACED: &str = "replaced";
pub const CHARTS_ADDED: &str = "added";

/// What a control says while the module is fetched, and the place it fills.
const PLACE: &str =
    "<p class=\"extra-state\" role=\"status\"></p><div class=\"extra-place\"></div>";
const LOADING: &str = en!("Loading…");

fn failed(why: &str) -> String {
    t!(
        "This part of the page could not be loaded: {why}.",
        why = why
    )
}

fn unreadable(errors: impl std::fmt::Display) -> String {
    t!(
        "That saved scenario could not be opened: {errors}",
        errors = errors
    )
}

/// The page as its last render left it: what the module is answered from.
pub struct Latest {
    pub state: UseReducerHandle<State>,
    pub status: UseStateHandle<Option<AttrValue>>,
    pub notice: UseStateHandle<Option<String>>,
    /// How the charts are drawn now.
    pub look: Look,
    /// What an edit of an input calls.
    pub on_edit: Callback<(Field, String)>,
    /// Whether the page is being printed as its report.
    pub printing: bool,
    /// The comparison the page's link carried, if any.
    pub linked: UseStateHandle<Option<share::Linked>>,
    /// The display currency's texts.
    pub display: UseReducerHandle<Display>,
}

/// The latest render, shared with the answers.
pub type Shared = Rc<RefCell<Option<Latest>>>;

/// Writes what the control filled by `part` says.
fn say(part: &str, text: &str) {
    web::extra::say(&format!("details[data-extra={part}] .extra-state"), text);
}

/// Answers what the loader or the module asks (see `web::extra`).
pub fn answer(latest: &Shared, ask: Ask, a: &str, b: &str) -> Option<String> {
    match ask {
        // Saved scenarios are filled soon after the start when some are
        // stored, or when the link carried a comparison.
        Ask::Stored => {
            let linked = latest.borrow().as_ref().is_some_and(|l| l.linked.is_some());
            return (linked || web::has_stored(saved::PREFIX)).then(|| SAVED.to_owned());
        }
        Ask::Loading => say(a, crate::lang::tr(LOADING)),
        Ask::Failed => say(a, &failed(b)),
        Ask::Mounted => say(a, ""),
        _ => {}
    }
    let latest = latest.borrow();
    let l = latest.as_ref()?;
    match ask {
        Ask::Current => unsaved_reason(&l.state, "Scenario")
            .is_none()
            .then(|| l.state.scenario.to_json_pretty()),
        Ask::Problem => unsaved_reason(&l.state, a),
        Ask::Scenario => Some(l.state.scenario.to_json_pretty()),
        Ask::Stale => l.state.is_stale().then(String::new),
        Ask::Preset => {
            let id = l.state.preset.as_deref()?;
            share::preset(id, l.state.version()).map(|p| p.name.to_owned())
        }
        Ask::Open => {
            match Scenario::from_json(a) {
                Ok(s) => {
                    l.state.dispatch(Action::LoadScenario(Box::new(s)));
                    l.status.set(Some(AttrValue::from(b.to_owned())));
                }
                Err(errors) => l.notice.set(Some(unreadable(errors))),
            }
            None
        }
        Ask::Notice => {
            l.notice.set(Some(match (*l.notice).clone() {
                Some(before) => format!("{before} {a}"),
                None => a.to_owned(),
            }));
            None
        }
        Ask::Field => Field::from_path(a).map(|f| field_view(&l.state, f).to_answer()),
        Ask::Edit => {
            if let Some(field) = Field::from_path(a) {
                l.on_edit.emit((field, b.to_owned()));
            }
            None
        }
        Ask::Look => Some(l.look.to_text()),
        Ask::Printing => l.printing.then(String::new),
        Ask::Linked => l.linked.as_ref().map(|k| k.to_text(web::extra::SEP)),
        Ask::Fragment => Some(share::encode_fragment(
            l.state.texts(),
            l.state.preset.as_deref(),
            l.state.version(),
        )),
        Ask::Display => Some(typed_to_answer(&l.display.typed)),
        Ask::DisplayEdit => {
            if let Some(part) = Part::from_key(a) {
                let edit = DisplayEdit {
                    part,
                    text: b.to_owned(),
                };
                // Kept in this browser as typed, at once.
                web::save_display(l.display.edited(&edit).to_stored().as_deref());
                l.display.dispatch(edit);
            }
            None
        }
        Ask::Stored | Ask::Loading | Ask::Failed | Ask::Mounted => None,
    }
}

fn raw(html: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(html))
}

/// "Saved scenarios": its summary (the module writes the count in it) and
/// the panel the module fills.
pub fn saved(tabindex: AttrValue) -> Html {
    html! {
        <details class="saved" data-extra={SAVED}>
            <summary class="button" data-tool="saved" {tabindex}>
                { Html::from_html_unchecked(AttrValue::from(format!(
                    "{} <span class=\"saved-count\"></span>",
                    text_html(t!("Saved scenarios"))
                ))) }
            </summary>
            <div class="saved-panel">{ raw(PLACE) }</div>
        </details>
    }
}

/// "Monthly cash flows": its head (the two files' buttons) and the place
/// the module fills with the table.
pub fn cash_flows(stale: bool) -> Html {
    html! {
        <details class={if stale { "cash-flows stale" } else { "cash-flows" }} id="cash-flows"
            data-extra={CASH_FLOWS}>
            { Html::from_html_unchecked(super::cash_flows::head().into()) }
            <div class="cash-flows-body">{ raw(PLACE) }</div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct RiskProps {
    /// Whether one of the risk settings does not read: the view then opens
    /// by itself, to show it.
    pub problem: bool,
}

/// The risk view (filled by the module's `RiskPanel`): closed until opened,
/// or until one of its settings does not read.
#[function_component(Risk)]
pub fn risk(props: &RiskProps) -> Html {
    let (opened, ontoggle) = use_opened();
    let open = opened || props.problem;
    html! {
        // The module keeps `data-risk-state` (and `data-risk-runs`) up to
        // date once it has filled the view.
        <details class="risk" id="risk" data-extra={RISK} data-risk-state="closed" {open} {ontoggle}>
            <summary>
                <h2>{ t!("Risk") }</h2>
                <span class="risk-lead">{ t!("Which inputs move the value most, and how wide the outcomes are") }</span>
            </summary>
            <div class="risk-body">{ raw(PLACE) }</div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct DisplayControlProps {
    /// Whether one of the display currency's inputs does not read: the
    /// control then opens by itself, to show it.
    pub problem: bool,
}

/// "Display currency", at the end of the inputs (filled by the module's
/// `DisplayPanel`): closed until opened, or until one of its inputs does
/// not read.
#[function_component(DisplayControl)]
pub fn display_control(props: &DisplayControlProps) -> Html {
    let (opened, ontoggle) = use_opened();
    let open = opened || props.problem;
    html! {
        <fieldset class="group display-currency">
            <legend>{ t!("Display currency") }</legend>
            <details class="advanced" id="display-currency" data-extra={DISPLAY} {open} {ontoggle}>
                <summary>{ t!("Show results in another currency") }</summary>
                <div class="display-body">{ raw(PLACE) }</div>
            </details>
        </fieldset>
    }
}

/// The report's place for a comparison (see [`REPORT_COMPARISON`]): empty
/// on screen.
pub fn report_comparison() -> Html {
    html! { <section id={REPORT_COMPARISON} class="report-comparison"></section> }
}

/// Opens "Saved scenarios" (the loader fetches the module if it is not yet
/// here), for a comparison a link carried into the open page.
pub fn show_saved() {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("details[data-extra={SAVED}]"))
                .ok()
                .flatten()
        })
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlDetailsElement>(e).ok());
    if let Some(details) = found {
        details.set_open(true);
    }
}
