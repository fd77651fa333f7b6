//! The page: one reducer for the form, results derived with `use_memo`, and
//! the browser effects (saving, theme, downloads) kept in `crate::web`.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::Chart;
use crate::model::{Evaluation, Field, Group, Scenario, Searches};
use crate::share;
use crate::ui::components::chart_card::ChartCard;
use crate::ui::components::drivers::drivers;
use crate::ui::components::extra;
use crate::ui::components::file_notice::{file_notice, FileProblem};
use crate::ui::components::input_group::{FieldView, InputGroup};
use crate::ui::components::kpi_cards::KpiCards;
use crate::ui::components::report_head::{report_head as report_head_html, ReportHead};
use crate::ui::components::result_bar::{result_bar, Figures};
use crate::ui::components::skip_link::skip_link;
use crate::ui::components::sources::Sources;
use crate::ui::components::stage::{Stage, StagePreset};
use crate::ui::components::toolbar::{StatusOffer, Toolbar, PRESENT_ID};
use crate::ui::components::version_notice::VersionNotice;
use crate::ui::derive;
use crate::ui::display::Display;
use crate::ui::drawings::{self, chart_id, Drawings, Near, Round, Sight};
use crate::ui::kpis;
use crate::ui::layout;
use crate::ui::messages;
use crate::ui::present::{self, Focus, Mode, Press, StageKey, PRESET_KEYS, STAGE_FIELDS};
use crate::ui::report;
use crate::ui::risk_engine::Look;
use crate::ui::state::{Action, State};
use crate::web::{self, Reach};

/// The width to draw the charts at, to 10 px: their frames' width in this
/// window, so they show at about 1:1 and their text at its intended size on
/// a phone and a projector alike.
fn chart_width() -> u32 {
    layout::chart_frame_width(web::viewport_width()) / 10 * 10
}

/// An `Rc` compared by address, so memos re-run only on a new value.
#[derive(Clone)]
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The last evaluation that ran the model's searches, with its scenario,
/// and its searches' cards as made in the display currency `shown`: what
/// those cards show while a later evaluation leaves the searches for later.
struct LastSearched {
    outcome: derive::Outcome,
    scenario: Rc<Scenario>,
    shown: Option<crate::currency::Currency>,
    cards: Vec<kpis::Kpi>,
}

/// A message naming the fields that stop a save, or `None` when the form is
/// valid. `what` is what was not saved: `"Scenario"` or `"Results"` (each
/// with sentences of its own), or a file's name as shown (a CSV file's).
pub(crate) fn unsaved_reason(state: &State, what: &str) -> Option<String> {
    if !state.is_stale() {
        return None;
    }
    let fields: Vec<&str> = Field::ALL
        .iter()
        .filter(|f| state.error(**f).is_some())
        .map(|f| f.label())
        .collect();
    Some(if fields.is_empty() {
        match what {
            "Scenario" => {
                t!("Scenario not saved: the inputs cannot be computed as they stand").to_owned()
            }
            "Results" => {
                t!("Results not saved: the inputs cannot be computed as they stand").to_owned()
            }
            _ => t!(
                "{what} not saved: the inputs cannot be computed as they stand",
                what = what
            ),
        }
    } else {
        let fields = fields.join(", ");
        match what {
            "Scenario" => t!(
                "Scenario not saved: fix the marked input first ({fields})",
                fields = fields
            ),
            "Results" => t!(
                "Results not saved: fix the marked input first ({fields})",
                fields = fields
            ),
            _ => t!(
                "{what} not saved: fix the marked input first ({fields})",
                what = what,
                fields = fields
            ),
        }
    })
}

/// One input as the form shows it: as typed, with its problem or caution.
pub(crate) fn field_view(state: &State, field: Field) -> FieldView {
    FieldView {
        field,
        text: AttrValue::from(state.text(field).to_owned()),
        error: state
            .error(field)
            .map(|e| AttrValue::from(messages::beside_field(e))),
        caution: messages::caution(
            field,
            state.text(field),
            &state.scenario,
            state.error(field).is_some(),
        )
        .map(AttrValue::from),
        value: field.number(&state.scenario),
    }
}

/// The results file: the evaluator's output with the scenario it came from
/// under `scenario` (as a scenario file holds it: a version-1 scenario in
/// version 1's format), so the file says what it is the result of.
fn results_file(scenario: &Scenario, result: &Evaluation) -> Option<String> {
    let mut value = serde_json::to_value(result).ok()?;
    if let serde_json::Value::Object(map) = &mut value {
        let inner = crate::model::json::parse(&scenario.to_json_pretty()).ok()?;
        map.insert("scenario".to_owned(), inner);
    }
    serde_json::to_string_pretty(&value).ok()
}

/// The presets presentation mode puts on the keys 1 to 9, in the
/// picker's order.
fn key_presets() -> impl Iterator<Item = crate::presets::Preset> {
    crate::presets::all().into_iter().take(PRESET_KEYS)
}

/// [`key_presets`] as the stage shows them (built only while presenting:
/// not on every render).
fn stage_presets() -> Vec<StagePreset> {
    key_presets()
        .map(|p| StagePreset {
            id: AttrValue::from(p.id),
            name: AttrValue::from(p.name),
        })
        .collect()
}

fn report_head(state: &State) -> Html {
    let (preset, version) = (state.preset.as_deref(), state.version());
    let (y, m, d) = web::today();
    let link = web::page_url(&share::encode_fragment(state.texts(), preset, version));
    let changed = report::changed(state.texts(), preset, version);
    let mut title = report::title(preset, version);
    if !changed.is_empty() && preset.is_some() {
        title = t!("{title}, edited", title = title);
    }
    report_head_html(&ReportHead {
        title: &title,
        date: &crate::format::date(y, m, d),
        version: &report::version_line(&state.scenario),
        link: &link,
        starting_point: &report::starting_point(preset, version),
        changed: &changed,
    })
}

/// How long after a render the charts near the window but out of sight are
/// made (`ui::drawings`): after the frame that shows the render (16.7 ms at
/// 60 Hz, with room for a slow one), so the browser paints the answer first.
/// They cannot be seen meanwhile; one scrolled into view is made at once.
const SECOND_PASS_MS: u32 = 50;

#[function_component(App)]
pub fn app() -> Html {
    // The form as the user left it on this device, with a linked scenario on
    // top; the link leaves the address once read, so a reload keeps what is
    // typed afterwards.
    let boot = use_memo((), |()| {
        let mut opened = State::open(web::load_saved().as_deref(), &web::fragment());
        if opened.from_link {
            web::clear_scenario_fragment();
        }
        // Typed into the prerendered page before the start: the first render
        // shows those figures (the loader types them again should the app's
        // boxes not hold them).
        opened.state = opened.state.typed(web::typed_before_start());
        opened
    });
    let state = use_reducer({
        let boot = boot.clone();
        move || boot.state.clone()
    });
    let notice = use_state(|| {
        let unspoken = web::unspoken().map(|lang| {
            t!(
                "This page could not be shown in {language}: its texts could not be fetched (once fetched, they are kept for use offline). It is in English.",
                language = lang.name()
            )
        });
        let problems = (!boot.problems.is_empty()).then(|| {
            t!(
                "Some saved or linked inputs could not be used: {problems}",
                problems = boot.problems.join("; ")
            )
        });
        match (unspoken, problems) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or(b),
        }
    });
    let status = use_state_eq(|| {
        (boot.from_link && boot.state.can_undo()).then(|| {
            AttrValue::from(t!(
                "Opened a shared scenario. Undo brings back your own inputs."
            ))
        })
    });
    // A comparison a link carried: shown by "Saved scenarios".
    let linked = use_state(|| boot.compared.clone());
    // The display currency: how this reader reads results (kept in this
    // browser); every figure below is formatted in it.
    let display = use_reducer(|| Display::from_stored(web::load_display().as_deref()));
    crate::currency::set_shown(display.shown);
    let dark = use_state(|| web::matches(web::DARK));
    let width = use_state_eq(chart_width);
    // While printing (the Report button or the browser's Print), the page
    // shows the report's head and draws its charts in the light theme.
    let printing = use_state_eq(|| false);
    let print_asked = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |()| {
            let (before, after) = (printing.clone(), printing);
            let listeners = [
                web::on_before_print(move || before.set(true)),
                web::on_after_print(move || after.set(false)),
            ];
            move || drop(listeners)
        });
    }
    {
        // Print once the report is on the page.
        let asked = print_asked.clone();
        use_effect_with(*print_asked, move |&now| {
            if now {
                asked.set(false);
                web::print();
            }
        });
    }
    let on_report = {
        let (printing, asked) = (printing.clone(), print_asked.clone());
        Callback::from(move |()| {
            printing.set(true);
            asked.set(true);
        })
    };
    let dark_now = *dark && !*printing;
    let draw_width = if *printing {
        layout::PRINT_CHART_WIDTH
    } else {
        *width
    };

    // Follow the system's light/dark setting and the charts' width while the
    // page is open (measured once laid out, then on every resize).
    {
        let (dark, width) = (dark.clone(), width.clone());
        use_effect_with((), move |()| {
            let listeners = [
                web::on_media_change(web::DARK, move |on| dark.set(on)),
                web::on_resize(move || width.set(chart_width())),
            ];
            move || drop(listeners)
        });
    }

    // A link pasted into the address bar of an open page.
    {
        let dispatcher = state.dispatcher();
        let status = status.clone();
        let notice = notice.clone();
        let linked = linked.clone();
        use_effect_with((), move |()| {
            let listener = web::on_hash_change(move || {
                let mut link = share::decode_fragment(&web::fragment());
                if !link.problems.is_empty() {
                    notice.set(Some(t!(
                        "Some linked inputs could not be used: {problems}",
                        problems = link.problems.join("; ")
                    )));
                }
                if link.is_empty() {
                    return;
                }
                web::clear_scenario_fragment();
                if link.compared.is_some() {
                    extra::show_saved();
                }
                linked.set(link.compared.take());
                dispatcher.dispatch(Action::LoadTexts {
                    texts: link.texts,
                    preset: link.preset,
                    version: link.version,
                });
                status.set(Some(
                    t!("Opened the linked scenario. Undo brings back your own inputs.").into(),
                ));
            });
            move || drop(listener)
        });
    }

    // The charts, drawn where they can be seen (ui::drawings): the page
    // watches which are in the window and which within a screen of it. Until
    // it first says (after the app's first paint), only the first chart is
    // made; then those in the window with each render, and those near it in
    // a second pass once the answer is painted (SECOND_PASS_MS). The same
    // watch says whether the cards of the model's searches are in the window
    // (`Near`'s places after the charts').
    let near = use_state_eq(|| None::<Near>);
    let in_view = use_state_eq(|| None::<Near>);
    let round = use_state_eq(Round::default);
    let drawings = use_mut_ref(Drawings::default);
    // The round in which the scenario shown was first rendered: a later
    // round is its second pass.
    let first_round = use_mut_ref(|| (state.scenario.clone(), *round));
    let second_pass = {
        let mut first = first_round.borrow_mut();
        if !Rc::ptr_eq(&first.0, &state.scenario) {
            *first = (state.scenario.clone(), *round);
        }
        first.1 != *round
    };
    // Results: derived from the last valid scenario, never stored. Its
    // searches (the break-evens and the changes of lead: most of an
    // evaluation's time) are run where they are seen: their cards or a chart
    // in the window (or not known yet), a printout, or the second pass;
    // until then those cards keep their last figures, marked not current.
    let searched_seen = in_view.is_none_or(|v| {
        let charts = Chart::ALL.len();
        (0..charts + kpis::SEARCHED.len()).any(|i| v.contains(i))
    });
    let whole = *printing || searched_seen || second_pass;
    let result: derive::Outcome =
        (*use_memo((Same(state.scenario.clone()), whole), |(s, whole)| {
            if *whole {
                derive::evaluation(&s.0)
            } else {
                derive::quick(&s.0)
            }
        }))
        .clone();
    let searched = match result.as_ref() {
        Ok(r) if r.searches == Searches::Later => Figures::OutOfDate,
        _ => Figures::Current,
    };
    // The cards; those of the searches, when they were left for later, as
    // the last evaluation that ran them showed them (kept as made; made
    // again from it only for another display currency).
    let last_searched = use_mut_ref(|| None::<LastSearched>);
    let cards = use_memo(
        (
            Same(result.clone()),
            Same(state.scenario.clone()),
            display.shown,
        ),
        move |(r, s, shown)| {
            let Ok(now) = r.0.as_ref() else {
                return Rc::new(Vec::new());
            };
            let mut rows = kpis::kpis(now, &s.0);
            let mut last = last_searched.borrow_mut();
            if now.searches == Searches::Run {
                *last = Some(LastSearched {
                    outcome: r.0.clone(),
                    scenario: s.0.clone(),
                    shown: *shown,
                    cards: kpis::searched_cards(&rows),
                });
            } else if let Some(then) = last.as_mut() {
                if then.shown != *shown {
                    if let Ok(r) = then.outcome.as_ref() {
                        then.cards = kpis::searched_cards(&kpis::kpis(r, &then.scenario));
                        then.shown = *shown;
                    }
                }
                kpis::keep_searched(&mut rows, &then.cards);
            }
            Rc::new(rows)
        },
    );
    // The result bar (phones) and "What drives this", from the same results.
    let brief = use_memo(
        (
            Same(result.clone()),
            Same(state.scenario.clone()),
            display.shown,
        ),
        |(r, s, _)| {
            let (bar, drivers) = (*r.0)
                .as_ref()
                .map(|r| {
                    (
                        crate::ui::kpis::bar(r, &s.0),
                        crate::ui::kpis::drivers(r, &s.0),
                    )
                })
                .unwrap_or_default();
            (Rc::new(bar), Rc::new(drivers))
        },
    );
    let sight = Sight {
        near: *near,
        in_view: *in_view,
        round: *round,
    };
    let chart_views = use_memo(
        (
            Same(result.clone()),
            dark_now,
            draw_width,
            sight,
            display.shown,
        ),
        move |(r, dark, width, sight, _)| drawings.borrow_mut().views(&r.0, *dark, *width, *sight),
    );
    {
        let (near, in_view) = (near.clone(), in_view.clone());
        use_effect_with(chart_views.len(), move |_| {
            let ids: Vec<String> = Chart::ALL
                .iter()
                .map(|&c| chart_id(c))
                .chain(kpis::SEARCHED.iter().map(|id| kpis::card_id(id)))
                .collect();
            // Each watch keeps the set it last reported.
            let watch = |reach: Reach, set: UseStateHandle<Option<Near>>| {
                let ids = ids.clone();
                let known = std::cell::Cell::new(Near::ALL);
                web::on_reach(&ids.clone(), reach, move |changes| {
                    let mut within = known.get();
                    for (id, is) in changes {
                        if let Some(i) = ids.iter().position(|x| *x == id) {
                            within = within.with(i, is);
                        }
                    }
                    known.set(within);
                    set.set(Some(within));
                })
            };
            let watches = [
                watch(Reach::Near, near.clone()),
                watch(Reach::InView, in_view.clone()),
            ];
            // Every chart now: in a browser that cannot say, and for a
            // printout (even one asked for before the page first said).
            let all = move || {
                near.set(Sight::ALL.near);
                in_view.set(Sight::ALL.in_view);
            };
            if watches.iter().any(Option::is_none) {
                all();
            }
            let print = web::on_before_print(all);
            move || {
                drop(watches);
                drop(print);
            }
        });
    }

    // Keep what was typed across reloads: saved a moment after the last
    // edit, and at once as the page is hidden or left (web::Saver).
    {
        let state = state.clone();
        let saver = use_mut_ref(web::Saver::start);
        use_effect_with(state.revision, move |_| {
            saver.borrow_mut().later(move || {
                share::encode_saved(
                    state.texts(),
                    state.preset.as_deref(),
                    state.version(),
                    state.is_stale().then_some(&*state.scenario),
                )
            });
        });
    }
    // An edit that took a version-1 scenario beyond version 1 says so.
    {
        let status = status.clone();
        let left = state.left_v1_by;
        use_effect_with((state.revision, left), move |(_, left)| {
            if let Some(field) = left {
                status.set(Some(messages::left_v1(*field).into()));
            }
        });
    }
    // Tell listeners (benchmarks, tests) that the DOM now shows this render;
    // then the charts' second pass, if some near the window are behind, in
    // a task of its own once the browser has painted this render (a later
    // render's replaces it).
    {
        let round = round.clone();
        let pass = use_mut_ref(|| None::<web::Timer>);
        let behind = drawings::behind(&chart_views, *near) || searched == Figures::OutOfDate;
        use_effect(move || {
            web::announce_render();
            *pass.borrow_mut() =
                behind.then(|| web::Timer::after(SECOND_PASS_MS, move || round.set(round.next())));
        });
    }

    // Stable across renders, so unchanged inputs skip re-rendering.
    // An edit makes the last action's status line ("Link copied") old news.
    let on_edit = use_callback(
        (state.dispatcher(), status.setter()),
        |(field, text): (Field, String), (dispatcher, status)| {
            dispatcher.dispatch(Action::Edit { field, text });
            status.set(None);
        },
    );
    let on_undo = {
        let state = state.clone();
        let status = status.clone();
        Callback::from(move |()| {
            state.dispatch(Action::Undo);
            status.set(Some(
                t!("Back to the inputs before the last change of scenario").into(),
            ));
        })
    };
    let on_upgrade = {
        let state = state.clone();
        let status = status.clone();
        Callback::from(move |()| {
            state.dispatch(Action::Upgrade);
            status.set(Some(messages::recomputed().into()));
        })
    };
    let on_reset = {
        let state = state.clone();
        let status = status.clone();
        Callback::from(move |()| {
            status.set(None);
            state.dispatch(Action::Reset);
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
    // Presentation mode: the page's, not the scenario's. Leaving it puts
    // the page back where it was scrolled, the focus on the button.
    let mode = use_state_eq(Mode::default);
    let scrolled = use_mut_ref(|| 0.0_f64);
    let on_present = {
        let mode = mode.clone();
        let scrolled = scrolled.clone();
        Callback::from(move |()| {
            if *mode == Mode::Edit {
                *scrolled.borrow_mut() = web::scroll_y();
            }
            mode.set(mode.toggled());
        })
    };
    {
        // Only on a change of mode, not on the first render.
        let scrolled = scrolled.clone();
        let last = use_mut_ref(|| Mode::Edit);
        use_effect_with(*mode, move |&mode| {
            if last.replace(mode) != mode {
                match mode {
                    // Focus first: it scrolls the button into view.
                    Mode::Present => {
                        web::focus_id(PRESENT_ID);
                        web::scroll_to_y(0.0);
                    }
                    Mode::Edit => {
                        web::focus_id(PRESENT_ID);
                        web::scroll_to_y(*scrolled.borrow());
                    }
                }
            }
        });
    }
    {
        let (on_present, on_preset) = (on_present.clone(), on_preset.clone());
        use_effect_with(*mode, move |mode| {
            let mode = *mode;
            let presets: Vec<&'static str> = key_presets().map(|p| p.id).collect();
            let listener = web::on_key(move |k| {
                let press = Press {
                    key: &k.key,
                    modified: k.modified,
                    focus: if k.in_control {
                        Focus::InControl
                    } else {
                        Focus::Page
                    },
                    used: k.used,
                };
                match present::stage_key(&press, mode, presets.len()) {
                    Some(StageKey::Toggle | StageKey::Leave) => on_present.emit(()),
                    Some(StageKey::Preset(i)) => match presets.get(i) {
                        Some(id) => on_preset.emit((*id).to_owned()),
                        None => return false,
                    },
                    None => return false,
                }
                true
            });
            move || drop(listener)
        });
    }
    // The message "Copy link" gave on a page opened from a file, which
    // offers "Save scenario" beside it.
    let offer_for = use_state_eq(|| None::<AttrValue>);
    let file_problem = use_state_eq(|| None::<FileProblem>);
    let on_share = {
        let state = state.clone();
        let status = status.clone();
        let offer_for = offer_for.clone();
        Callback::from(move |()| {
            if web::is_file_page() {
                let message = AttrValue::from(messages::local_link());
                offer_for.set(Some(message.clone()));
                status.set(Some(message));
                return;
            }
            let fragment =
                share::encode_fragment(state.texts(), state.preset.as_deref(), state.version());
            let status = status.clone();
            web::share_link(&fragment, move |message| status.set(Some(message.into())));
        })
    };
    let on_download_scenario = {
        let state = state.clone();
        let status = status.clone();
        Callback::from(move |()| {
            let message = unsaved_reason(&state, "Scenario").unwrap_or_else(|| {
                let json = state.scenario.to_json_pretty();
                web::download("repower-scenario.json", "application/json", &json)
            });
            status.set(Some(message.into()));
        })
    };
    let on_download_results = {
        let state = state.clone();
        let status = status.clone();
        Callback::from(move |()| {
            if let Some(message) = unsaved_reason(&state, "Results") {
                status.set(Some(message.into()));
                return;
            }
            // The whole evaluation, its searches run (the render's may not be).
            let message = match derive::evaluation(&state.scenario).as_ref() {
                Ok(r) => match results_file(&state.scenario, r) {
                    Some(json) => web::download("repower-results.json", "application/json", &json),
                    None => t!("Results: the JSON could not be written").to_owned(),
                },
                Err(e) => e.to_string(),
            };
            status.set(Some(message.into()));
        })
    };
    let on_import = {
        let state = state.clone();
        let status = status.clone();
        let file_problem = file_problem.clone();
        Callback::from(move |e: Event| {
            let state = state.clone();
            let status = status.clone();
            let file_problem = file_problem.clone();
            web::read_chosen_file(e, move |name, text| {
                let problems = match text.map(|t| share::scenario_of_file(&t)) {
                    Ok(Ok(s)) => {
                        state.dispatch(Action::LoadScenario(Box::new(s)));
                        status.set(Some(t!("Opened {name}", name = name).into()));
                        file_problem.set(None);
                        return;
                    }
                    Ok(Err(errors)) => errors.iter().map(messages::file_problem).collect(),
                    Err(message) => vec![t!("The file {message}.", message = message)],
                };
                status.set(None);
                file_problem.set(Some(FileProblem { name, problems }));
            });
        })
    };
    let on_dismiss_file = {
        let file_problem = file_problem.clone();
        Callback::from(move |()| file_problem.set(None))
    };
    // Saved scenarios: their module, fetched when first used, is answered
    // from the latest render.
    let saved = use_memo((), |()| extra::Shared::default());
    *saved.borrow_mut() = Some(extra::Latest {
        state: state.clone(),
        status: status.clone(),
        notice: notice.clone(),
        look: Look {
            dark: dark_now,
            width: draw_width,
            currency: display.shown,
        },
        on_edit: on_edit.clone(),
        printing: *printing,
        linked: linked.clone(),
        display: display.clone(),
    });
    {
        let saved = (*saved).clone();
        use_effect_with((), move |()| {
            web::extra::offer(move |ask, a, b| extra::answer(&saved, ask, a, b));
        });
    }
    let offer = if (*status).is_some() && *status == *offer_for {
        StatusOffer::SaveScenario
    } else {
        StatusOffer::Nothing
    };

    let stale = state.is_stale();
    let field_view = |field: Field| field_view(&state, field);
    let presenting = *mode == Mode::Present;
    let mut groups = Vec::new();
    // The risk settings are shown in the risk view, not with the inputs.
    for &group in Group::ALL
        .iter()
        .filter(|g| !presenting && **g != Group::Risk)
    {
        let fields = group.fields().map(field_view).collect::<Vec<_>>();
        groups.push(
            html! { <InputGroup key={group.key()} {group} {fields} on_edit={on_edit.clone()} /> },
        );
    }
    let risk_problem = Group::Risk.fields().any(|f| state.error(f).is_some());
    // Problems of no single input, then (should the last valid scenario
    // ever fail) the model's own refusal.
    let general: Vec<String> = state
        .general_errors()
        .map(messages::standalone)
        .chain(
            result
                .as_ref()
                .as_ref()
                .err()
                .into_iter()
                .flat_map(|e| e.iter().map(messages::standalone)),
        )
        .collect();
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };

    html! {
        <div class={classes!("app", presenting.then_some("presenting"))}>
            if *printing {
                { report_head(&state) }
            }
            <nav class="skip-links" aria-label={t!("Skip links")}>
                { skip_link("results", t!("Skip to the results")) }
            </nav>
            <header class="masthead">
                <div>
                    <h1>{ "Repower" }</h1>
                    <p class="tagline" hidden={presenting}>{ t!("What converting a Bitcoin mining site into AI/HPC hosting is worth, for the miner and for the tenant.") }</p>
                </div>
                <Toolbar preset={state.preset.clone().map(AttrValue::from)} version={state.version()}
                    edited={state.edited()} can_undo={state.can_undo()} {on_undo} {on_reset}
                    on_preset={on_preset.clone()} {on_share} {on_download_scenario} {on_download_results} {on_import}
                    status={(*status).clone()} {offer} mode={*mode} on_present={on_present.clone()} {on_report} />
            </header>
            { result_bar(&brief.0, if stale { Figures::OutOfDate } else { Figures::Current }) }
            if state.version() == 1 {
                <VersionNotice {on_upgrade} />
            }
            if let Some(text) = (*notice).clone() {
                <div class="notice" role="status">
                    <p>{ text }</p>
                    <button type="button" onclick={dismiss}>{ t!("Dismiss") }</button>
                </div>
            }
            if let Some(problem) = &*file_problem {
                { file_notice(problem, &on_dismiss_file) }
            }
            { drivers(&brief.1) }
            // In Tab order: the inputs (a few Tabs into the page), the
            // headline numbers, the charts; skip links jump ahead. The wide
            // layouts put the inputs in a column on the left; phones show the
            // headline numbers first, the inputs, then the charts, with the
            // result bar in view.
            <main class="layout">
                if presenting {
                    <Stage fields={STAGE_FIELDS.iter().map(|&f| field_view(f)).collect::<Vec<_>>()}
                        presets={stage_presets()} preset={state.preset.clone().map(AttrValue::from)}
                        on_edit={on_edit.clone()} on_preset={on_preset.clone()} />
                } else {
                    <form class="inputs" aria-label={t!("Inputs")} novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { for groups }
                        <extra::DisplayControl problem={!display.errors.is_empty()} />
                    </form>
                }
                <div class="headline" id="results" tabindex="-1">
                    { skip_link("charts", t!("Skip to the charts")) }
                    { for general.iter().map(|m| html! { <p class="error" role="alert">{ m.clone() }</p> }) }
                    { currency_note(display.shown) }
                    <KpiCards rows={(*cards).clone()} {stale} {searched} />
                    { extra::report_comparison() }
                </div>
                <div class="results" id="charts" tabindex="-1">
                    { for chart_views.iter().map(|c| html! { <ChartCard key={c.id.clone()} chart={c.clone()} {stale} /> }) }
                    if !presenting {
                        <extra::Risk problem={risk_problem} />
                        { extra::cash_flows(stale) }
                    }
                </div>
            </main>
            if !presenting {
                <Sources />
            }
        </div>
    }
}

/// What the figures are in, when not dollars: the currency, its rate and
/// the rate's date (`Currency::note`), written as escaped HTML text.
fn currency_note(shown: Option<crate::currency::Currency>) -> Html {
    let Some(c) = shown else {
        return Html::default();
    };
    let html = format!(
        "<p class=\"currency-note\">{}</p>",
        crate::charts::svg::escape(&c.note())
    );
    Html::from_html_unchecked(html.into())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn render() -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        runtime.block_on(async {
            yew::LocalServerRenderer::<App>::new()
                .hydratable(false)
                .render()
                .await
        })
    }

    #[test]
    fn the_page_speaks_the_language_set() {
        crate::lang::load(
            crate::lang::Lang::PtBr,
            r#"{"Copy link": "Copiar link", "Headline numbers": "Números principais",
                "Inputs": "Entradas", "Saved scenarios": "Cenários salvos",
                "Skip to the results": "Ir para os resultados",
                "What converting a Bitcoin mining site into AI/HPC hosting is worth, for the miner and for the tenant.": "Quanto vale a conversão."}"#,
        )
        .unwrap_or_else(|e| panic!("a catalogue: {e}"));
        let html = render();
        crate::lang::load(crate::lang::Lang::En, "").unwrap_or_else(|e| panic!("English: {e}"));
        for text in [
            "aria-label=\"Entradas\"",
            ">Copiar link<",
            "Cenários salvos <span class=\"saved-count\">",
            "aria-label=\"Números principais\"",
            ">Ir para os resultados<",
            ">Quanto vale a conversão.<",
        ] {
            assert!(html.contains(text), "{text}");
        }
        assert!(!html.contains(">Copy link<"));
        let english = render();
        assert!(english.contains(">Copy link<") && english.contains("aria-label=\"Inputs\""));
    }
}
