//! The page: one reducer for the form, results derived with `use_memo`, and
//! the browser effects (saving, theme, downloads) kept in `crate::web`.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::{Chart, Size, Theme};
use crate::model::{evaluate, Evaluation, Field, Group, Scenario, ScenarioErrors};
use crate::share;
use crate::ui::components::chart_card::{ChartCard, ChartView};
use crate::ui::components::input_group::{FieldView, InputGroup};
use crate::ui::components::kpi_cards::KpiCards;
use crate::ui::components::toolbar::Toolbar;
use crate::ui::kpis::kpis;
use crate::ui::state::{Action, State};
use crate::web;

/// Size the charts are drawn at; the page scales them to fit its column.
const CHART_SIZE: Size = Size {
    width: 720,
    height: 360,
};
/// On a phone: smaller, so the text stays readable once scaled to the screen.
const CHART_SIZE_NARROW: Size = Size {
    width: 440,
    height: 340,
};

/// An `Rc` compared by address, so memos re-run only on a new value.
#[derive(Clone)]
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The form as the page opens it: from the link if it has one, else as the
/// user left it, else the defaults. Problems reading either are returned for
/// a notice.
fn initial() -> (State, Vec<String>) {
    let from_link = share::decode_fragment(&web::fragment());
    let decoded = if from_link.is_empty() && from_link.problems.is_empty() {
        web::load_saved()
            .map(|t| share::decode_saved(&t))
            .unwrap_or_default()
    } else {
        web::clear_scenario_fragment();
        from_link
    };
    let start = Rc::new(State::default());
    let state = if decoded.is_empty() {
        start
    } else if decoded.texts.is_empty() {
        start.reduce(Action::LoadPreset(
            decoded.preset.clone().unwrap_or_default(),
        ))
    } else {
        let base = match &decoded.preset {
            Some(p) => start.reduce(Action::LoadPreset(p.clone())),
            None => start,
        };
        let mut texts: Vec<(Field, String)> =
            base.texts().map(|(f, t)| (f, t.to_owned())).collect();
        for (field, text) in decoded.texts {
            if let Some(slot) = texts.iter_mut().find(|(f, _)| *f == field) {
                slot.1 = text;
            }
        }
        base.reduce(Action::LoadTexts {
            texts,
            preset: decoded.preset,
        })
    };
    ((*state).clone(), decoded.problems)
}

fn draw_charts(result: &Evaluation, theme: &Theme, size: Size) -> Vec<ChartView> {
    Chart::ALL
        .iter()
        .map(|&chart| ChartView {
            id: match chart {
                Chart::Revenue => "chart-revenue",
                Chart::BuildTime => "chart-build-time",
                Chart::Energy => "chart-energy",
            },
            title: chart.title(result),
            summary: chart.summary(result),
            svg: chart
                .draw(result, theme, size)
                .map(AttrValue::from)
                .map_err(|e| e.to_string()),
            table: Rc::new(chart.table(result)),
        })
        .collect()
}

#[function_component(App)]
pub fn app() -> Html {
    let boot = use_memo((), |()| initial());
    let state = use_reducer({
        let boot = boot.clone();
        move || boot.0.clone()
    });
    let notice = use_state(|| (!boot.1.is_empty()).then(|| boot.1.join("; ")));
    let status = use_state(|| None::<AttrValue>);
    let dark = use_state(|| web::matches(web::DARK));
    let narrow = use_state(|| web::matches(web::NARROW));

    // Follow the system's light/dark setting and the screen width while the
    // page is open.
    {
        let (dark, narrow) = (dark.clone(), narrow.clone());
        use_effect_with((), move |()| {
            let listeners = [
                web::on_media_change(web::DARK, move |on| dark.set(on)),
                web::on_media_change(web::NARROW, move |on| narrow.set(on)),
            ];
            move || drop(listeners)
        });
    }

    // Results: derived from the last valid scenario, never stored.
    let result: Rc<Result<Evaluation, ScenarioErrors>> =
        use_memo(Same(state.scenario.clone()), |s| evaluate(&s.0));
    let cards = use_memo(Same(result.clone()), |r| {
        Rc::new((*r.0).as_ref().map(kpis).unwrap_or_default())
    });
    let chart_views = use_memo(
        (Same(result.clone()), *dark, *narrow),
        |(r, dark, narrow)| {
            let theme = if *dark { Theme::dark() } else { Theme::light() };
            let size = if *narrow {
                CHART_SIZE_NARROW
            } else {
                CHART_SIZE
            };
            (*r.0)
                .as_ref()
                .map(|r| draw_charts(r, &theme, size))
                .unwrap_or_default()
        },
    );

    // Keep what was typed across reloads.
    {
        let state = state.clone();
        use_effect_with(state.revision, move |_| {
            web::save(&share::encode_saved(state.texts(), state.preset.as_deref()));
        });
    }
    // Tell listeners (benchmarks, tests) that the DOM now shows this render.
    use_effect(web::announce_render);

    let on_edit = {
        let state = state.clone();
        Callback::from(move |(field, text): (Field, String)| {
            state.dispatch(Action::Edit { field, text })
        })
    };
    let on_preset = {
        let state = state.clone();
        let status = status.clone();
        Callback::from(move |id: String| {
            status.set(None);
            state.dispatch(Action::LoadPreset(id));
        })
    };
    let on_share = {
        let state = state.clone();
        let status = status.clone();
        Callback::from(move |()| {
            let fragment = share::encode_fragment(state.texts(), state.preset.as_deref());
            let status = status.clone();
            web::share_link(&fragment, move |message| status.set(Some(message.into())));
        })
    };
    let on_download_scenario = {
        let state = state.clone();
        let status = status.clone();
        Callback::from(move |()| {
            let json = state.scenario.to_json_pretty();
            status.set(Some(
                web::download("repower-scenario.json", "application/json", &json).into(),
            ));
        })
    };
    let on_download_results = {
        let result = result.clone();
        let status = status.clone();
        Callback::from(move |()| {
            let message = match result.as_ref() {
                Ok(r) => match serde_json::to_string_pretty(r) {
                    Ok(json) => web::download("repower-results.json", "application/json", &json),
                    Err(e) => format!("results: cannot write JSON: {e}"),
                },
                Err(e) => e.to_string(),
            };
            status.set(Some(message.into()));
        })
    };
    let on_import = {
        let state = state.clone();
        let status = status.clone();
        Callback::from(move |e: Event| {
            let state = state.clone();
            let status = status.clone();
            web::read_chosen_file(e, move |name, text| match text {
                Ok(text) => match Scenario::from_json(&text) {
                    Ok(s) => {
                        state.dispatch(Action::LoadScenario(Box::new(s)));
                        status.set(Some(format!("Opened {name}").into()));
                    }
                    Err(errors) => status.set(Some(format!("{name}: {errors}").into())),
                },
                Err(message) => status.set(Some(format!("{name}: {message}").into())),
            });
        })
    };

    let stale = state.is_stale();
    let groups = Group::ALL.iter().map(|&group| {
        let fields = group
            .fields()
            .map(|field| FieldView {
                field,
                text: AttrValue::from(state.text(field).to_owned()),
                error: state.error(field).map(|e| AttrValue::from(e.to_string())),
                value: field.number(&state.scenario),
            })
            .collect::<Vec<_>>();
        html! { <InputGroup key={group.title()} {group} {fields} on_edit={on_edit.clone()} /> }
    });
    let general: Vec<String> = state.general_errors().map(ToString::to_string).collect();
    let eval_error = result.as_ref().as_ref().err().map(ToString::to_string);
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };

    html! {
        <div class="app">
            <header class="masthead">
                <div>
                    <h1>{ "Repower" }</h1>
                    <p class="tagline">{ "What converting a Bitcoin mining site into AI/HPC hosting is worth, for the miner and for the tenant." }</p>
                </div>
                <Toolbar preset={state.preset.clone().map(AttrValue::from)} edited={state.edited}
                    {on_preset} {on_share} {on_download_scenario} {on_download_results} {on_import}
                    status={(*status).clone()} />
            </header>
            if let Some(text) = (*notice).clone() {
                <div class="notice" role="status">
                    <p>{ format!("Some saved or linked inputs could not be used: {text}") }</p>
                    <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            <main class="layout">
                <form class="inputs" aria-label="Inputs" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { for groups }
                    { for general.iter().map(|m| html! { <p class="error" role="alert">{ m.clone() }</p> }) }
                </form>
                <div class="results">
                    if let Some(message) = eval_error {
                        <p class="error" role="alert">{ message }</p>
                    }
                    <KpiCards kpis={(*cards).clone()} {stale} />
                    { for chart_views.iter().map(|c| html! { <ChartCard key={c.id} chart={c.clone()} {stale} /> }) }
                </div>
            </main>
            <footer class="sources">
                <h2>{ "Sources and assumptions" }</h2>
                <p>{ "Everything is computed in this page; nothing you type leaves your browser. Monthly model, cash at month end; months of 730 hours. Deal figures are as reported in the press and filings, not promises of this model." }</p>
                <ul>
                    { for crate::presets::all().iter().map(|p| html! {
                        <li><strong>{ p.name }</strong>{ format!(" — {}; {}.", p.source, p.date) }</li>
                    }) }
                    <li>{ "Greenfield HPC data center: 3 to 5 years from decision to power (JP Morgan analysts); build cost $9.3-15.0M per MW (Cushman & Wakefield 2025)." }</li>
                    <li>{ "Miners' median power price about $45/MWh; fleet efficiency 16-28 J/TH (Cambridge Centre for Alternative Finance). Hashprice about $38-44/PH/day in 2024-25 (industry reports)." }</li>
                </ul>
            </footer>
        </div>
    }
}
