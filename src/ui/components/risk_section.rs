//! The risk view (docs/MODEL.md, "Risk"): a section below the charts,
//! closed until opened, with the scenario's `risk.*` settings, the tornado,
//! the Monte Carlo simulation's histogram and fan, and its P10/P50/P90
//! figures.
//!
//! Nothing runs while the section is closed, and the page does not even
//! load the view's code until it is first opened: the tornado, the paths
//! and the three charts run in a worker of their own (`web::worker::Link`
//! to `src/risk_worker.rs`; what the two say to each other is
//! `ui::risk_engine`). Opened, it asks for a run, shows how far it has got
//! with a Cancel button, and asks again 300 ms after the last edit of the
//! scenario; the page never waits for the paths. Until a run for the
//! scenario shown has finished, what is drawn is of earlier inputs (or of
//! the paths run before Cancel) and is marked so: the status says so, the
//! drawings are dimmed and hidden from screen readers.
//!
//! The view lives in the page's extra module (`src/extra.rs`): the page
//! draws the section closed (`components::extra::Risk`), and [`RiskPanel`]
//! fills it when it is first opened, following the page through its host
//! (`web::extra`): the scenario the figures are of, the settings as typed,
//! the theme and width, after each render of the page while open; an edit
//! of a setting goes back to the page's form.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::model::{Field, Group, Scenario};
use crate::ui::components::chart_card::{ChartCard, ChartView};
use crate::ui::components::input_group::{FieldView, InputGroup};
use crate::ui::risk::{self, Activity, Board, Figure, DEBOUNCE_MS};
use crate::ui::risk_engine::{Drawn, Look, Reply, Request};
use crate::web::extra::{follow_page, Ask, Page};
use crate::web::worker::{risk_worker_url, Link};
use crate::web::{on_user_input, Listener, Timer};

#[derive(Properties, PartialEq)]
pub struct RiskPanelProps {
    /// The page's host.
    pub page: Page,
    /// The page's section, which the panel fills.
    pub details: HtmlDetailsElement,
}

/// What the page last told the panel.
#[derive(Default, PartialEq)]
struct Told {
    /// The scenario file's text the page's figures are of.
    text: String,
    scenario: Option<Rc<Scenario>>,
    fields: Vec<FieldView>,
    look: Option<Look>,
    stale: bool,
    open: bool,
}

impl Told {
    /// Asks the page again; whether anything changed.
    fn follow(&mut self, page: &Page, open: bool) -> bool {
        let ask = |what: Ask, a: &str| page.0.ask(what, a, "");
        let text = ask(Ask::Scenario, "").unwrap_or_default();
        let mut scenario = self.scenario.clone();
        if scenario.is_none() || text != self.text {
            // The page's figures are always of a valid scenario.
            if let Ok(s) = Scenario::from_json(&text) {
                scenario = Some(Rc::new(s));
            }
        }
        let fields = Group::Risk
            .fields()
            .filter_map(|f| {
                let value = scenario.as_ref().and_then(|s| f.number(s));
                FieldView::from_answer(f, &ask(Ask::Field, f.path())?, value)
            })
            .collect();
        let now = Told {
            text,
            scenario,
            fields,
            look: ask(Ask::Look, "").as_deref().and_then(Look::from_text),
            stale: ask(Ask::Stale, "").is_some(),
            open,
        };
        let changed = now != *self;
        *self = now;
        changed
    }
}

/// The risk view in the page's section: follows the page (see the module's
/// head) and shows [`RiskSection`].
#[function_component(RiskPanel)]
pub fn risk_panel(props: &RiskPanelProps) -> Html {
    let told = use_mut_ref(Told::default);
    let redraw = use_force_update();
    let listeners = use_mut_ref(Vec::<Listener>::new);
    {
        let (details, page) = (props.details.clone(), props.page.clone());
        let told = told.clone();
        use_effect_with((), move |()| {
            let section = details.clone();
            let follow = move |_: web_sys::Event| {
                let open = details.open();
                let mut t = told.borrow_mut();
                // Closed, it only needs to know so.
                let changed = if open {
                    t.follow(&page, open)
                } else {
                    std::mem::replace(&mut t.open, false)
                };
                drop(t);
                if changed {
                    redraw.force_update();
                }
            };
            *listeners.borrow_mut() = follow_page(&section, follow);
        });
    }
    let t = told.borrow();
    let (Some(scenario), Some(look)) = (t.scenario.clone(), t.look) else {
        return Html::default();
    };
    let on_edit = {
        let page = props.page.clone();
        Callback::from(move |(field, text): (Field, String)| {
            page.0.ask(Ask::Edit, field.path(), &text);
        })
    };
    html! {
        <RiskSection {scenario} fields={t.fields.clone()} {on_edit} {look}
            stale={t.stale} open={t.open} details={props.details.clone()} />
    }
}

#[derive(Properties, PartialEq)]
pub struct RiskSectionProps {
    /// The scenario the page shows (the last valid one).
    pub scenario: Rc<Scenario>,
    /// The `risk.*` fields as typed.
    pub fields: Vec<FieldView>,
    pub on_edit: Callback<(Field, String)>,
    /// The page's theme, its charts' width and its display currency.
    pub look: Look,
    /// Whether the form's text does not read (the page shows the last
    /// valid inputs).
    pub stale: bool,
    /// Whether the page's section is open.
    pub open: bool,
    /// The page's section: it carries the view's state (`data-risk-state`,
    /// `data-risk-runs`) for tests and benchmarks.
    pub details: HtmlDetailsElement,
}

/// The section's link to its worker and what it holds of the runs.
#[derive(Default)]
struct Driver {
    board: Board,
    link: Option<Link>,
    /// The run asked for after the debounce, if one is waiting.
    timer: Option<Timer>,
    was_open: bool,
    /// Bumped whenever new drawings arrive.
    drawings: u64,
}

impl Driver {
    fn post(&self, request: &Request) {
        if let Some(link) = self.link.as_ref() {
            link.post(request.to_text());
        }
    }
}

/// Starts the worker, unless it runs (or could not start).
fn connect(driver: &Rc<RefCell<Driver>>, repaint: &Callback<()>) {
    if driver.borrow().link.is_some() {
        return;
    }
    let on_message = {
        let driver = driver.clone();
        let repaint = repaint.clone();
        move |text: String| {
            let Some(reply) = Reply::from_text(&text) else {
                return;
            };
            let mut d = driver.borrow_mut();
            if matches!(reply, Reply::Tornado { .. } | Reply::Simulated { .. }) {
                d.drawings += 1;
            }
            d.board.receive(reply);
            drop(d);
            repaint.emit(());
        }
    };
    let on_failure = {
        let driver = driver.clone();
        let repaint = repaint.clone();
        move |_reason: String| {
            driver.borrow_mut().board.set_unavailable();
            repaint.emit(());
        }
    };
    match Link::start(&risk_worker_url(), on_message, on_failure) {
        Ok(link) => {
            // The worker speaks the page's language: its catalogue first.
            let spoken = crate::lang::current();
            if spoken != crate::lang::Lang::En {
                if let Some(texts) = crate::web::catalogue_text() {
                    link.post(
                        Request::Speak {
                            lang: spoken.code().to_owned(),
                            texts,
                        }
                        .to_text(),
                    );
                }
            }
            driver.borrow_mut().link = Some(link);
        }
        Err(_) => driver.borrow_mut().board.set_unavailable(),
    }
}

/// Asks for a run of `scenario` after `delay_ms`; a delayed run is not
/// asked for when, by then, the figures shown are of `scenario` and nothing
/// runs (a run of other inputs, in hand when the form was edited back to
/// these, has ended since).
fn start(
    driver: &Rc<RefCell<Driver>>,
    scenario: Rc<Scenario>,
    look: Look,
    delay_ms: u32,
    repaint: Callback<()>,
) {
    let handle = driver.clone();
    let timer = Timer::after(delay_ms, move || {
        let mut d = handle.borrow_mut();
        d.timer = None;
        if delay_ms > 0 && !d.board.needs_run(&scenario, false) {
            return;
        }
        let request = d.board.ask(scenario, look);
        d.post(&request);
        drop(d);
        repaint.emit(());
    });
    driver.borrow_mut().timer = Some(timer);
}

/// Stops the run in hand and any run waiting to be asked for.
fn stop(driver: &Rc<RefCell<Driver>>) {
    let mut d = driver.borrow_mut();
    d.timer = None;
    if let Some(cancel) = d.board.cancel() {
        d.post(&cancel);
    }
}

/// A drawing as the page shows it.
fn view(drawn: &Drawn) -> ChartView {
    ChartView {
        id: drawn.id.clone(),
        title: drawn.title.clone(),
        summary: drawn.summary.clone(),
        svg: drawn.svg.clone().map(AttrValue::from),
        current: true,
        table: Rc::new(drawn.table.clone()),
    }
}

#[function_component(RiskSection)]
pub fn risk_section(props: &RiskSectionProps) -> Html {
    let driver = use_mut_ref(Driver::default);
    let update = use_force_update();
    let repaint = Callback::from(move |()| update.force_update());
    let open = props.open;
    let look = props.look;
    // The figures this part writes are in the page's display currency.
    look.show_currency();

    // Nothing runs once the page is gone: the worker stops with its link.
    {
        let driver = driver.clone();
        use_effect_with((), move |()| {
            move || {
                let mut d = driver.borrow_mut();
                d.timer = None;
                d.link = None;
            }
        });
    }
    // Opened: run now. Edited while open: run again 300 ms after the last
    // edit. Closed: stop.
    {
        let driver = driver.clone();
        let repaint = repaint.clone();
        use_effect_with((open, props.scenario.clone()), move |(open, scenario)| {
            let opening = *open && !driver.borrow().was_open;
            driver.borrow_mut().was_open = *open;
            if !*open {
                stop(&driver);
                return;
            }
            if opening {
                connect(&driver, &repaint);
            }
            let mut d = driver.borrow_mut();
            if !d.board.needs_run(scenario, opening) {
                // A run asked for since, of other inputs, is not wanted any
                // more.
                d.timer = None;
                return;
            }
            drop(d);
            let delay = if opening { 0 } else { DEBOUNCE_MS };
            start(&driver, scenario.clone(), look, delay, repaint);
        });
    }
    // The user doing something while paths run: the worker holds still for
    // a moment, so the page answers at once (the run in hand is usually of
    // inputs about to change).
    {
        let driver = driver.clone();
        use_effect_with((), move |()| {
            let listeners = on_user_input(move || {
                let d = driver.borrow();
                if d.board.running() {
                    d.post(&Request::Hold);
                }
            });
            move || drop(listeners)
        });
    }
    // A new theme or width: the drawings again.
    {
        let driver = driver.clone();
        use_effect_with(look, move |look| {
            driver.borrow().post(&Request::Draw { look: *look });
        });
    }

    // The status line's button: Cancel while paths run, else run them all.
    let on_offer = {
        let driver = driver.clone();
        let repaint = repaint.clone();
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let running = driver.borrow().board.running();
            if running {
                stop(&driver);
            } else {
                start(&driver, scenario.clone(), look, 0, repaint.clone());
            }
            repaint.emit(());
        })
    };

    let d = driver.borrow();
    let scenario = &props.scenario;
    let activity = d.board.activity(open, scenario);
    // The drawings as the page shows them, made again only when new ones
    // arrive.
    let drawings = use_memo(d.drawings, {
        let driver = driver.clone();
        move |_| {
            let d = driver.borrow();
            let tornado: Vec<ChartView> = d.board.tornado().iter().map(view).collect();
            let simulated: Vec<ChartView> = d
                .board
                .simulated()
                .map(|s| s.charts.iter().map(view).collect())
                .unwrap_or_default();
            (tornado, simulated)
        }
    });
    let tornado_current = d.board.tornado_current(scenario);
    let simulation_current = d.board.simulation_current(scenario);
    let views: Vec<ChartView> = if open {
        let (tornado, simulated) = &*drawings;
        tornado
            .iter()
            .map(|v| (v, tornado_current))
            .chain(simulated.iter().map(|v| (v, simulation_current)))
            .map(|(v, current)| ChartView {
                current,
                ..v.clone()
            })
            .collect()
    } else {
        Vec::new()
    };
    let figures = d.board.simulated().map(|s| s.figures.clone());
    let figures_current = simulation_current;

    let status = risk::status(activity, !views.iter().all(|v| v.current)).map(|st| {
        html! {
            <>
                <p>
                    { st.lead }
                    if let Some((done, total)) = st.progress {
                        <span class="risk-progress-text">{ risk::progress(done, total) }</span>
                    }
                    { st.tail }
                </p>
                if let Some((done, total)) = st.progress {
                    <progress max={total.to_string()} value={done.to_string()} aria-label={t!("Paths run")} />
                }
                if let Some(offer) = st.offer {
                    <button type="button" class={offer.class()} onclick={on_offer}>{ offer.label() }</button>
                }
            </>
        }
    });
    let refused = match activity {
        Activity::Refused => d.board.refusal(scenario).map(str::to_owned),
        Activity::Unavailable => Some(risk::unavailable().to_owned()),
        _ => None,
    };

    let figures_html = match figures.as_ref() {
        Some(f) if open => {
            // The sentence around the share of paths, which is in bold.
            let (before, after) = around(
                t!("Converting is worth at least as much as keeping mining on {share} of paths."),
                "share",
            );
            html! {
                <div class="risk-figures" data-current={figures_current.to_string()}>
                    <table>
                        <caption>{ t!("P10, median (P50) and P90 {over}", over = f.over) }</caption>
                        <thead><tr><td></td><th scope="col">{ "P10" }</th><th scope="col">{ "P50" }</th><th scope="col">{ "P90" }</th></tr></thead>
                        <tbody>
                            { for f.rows.iter().map(|row| html! {
                                <tr data-risk={row.id.clone()}>
                                    <th scope="row">
                                        { row.label.clone() }
                                        if let Some(note) = &row.note { <span class="risk-note">{ format!(" ({note})") }</span> }
                                    </th>
                                    { for row.values.iter().zip(["p10", "p50", "p90"]).map(|(v, q)| figure_cell(v, q)) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p data-risk="ahead">
                        { before }
                        <strong data-value={f.ahead.value.map(|x| x.to_string())} title={f.ahead.exact.clone()}>{ f.ahead.text.clone() }</strong>
                        { after }
                    </p>
                </div>
            }
        }
        _ => html! {},
    };

    {
        let details = props.details.clone();
        use_effect_with((activity.name(), d.board.asked()), move |(state, runs)| {
            let _ = details.set_attribute("data-risk-state", state);
            let _ = details.set_attribute("data-risk-runs", &runs.to_string());
        });
    }
    html! {
        <>
            <InputGroup group={Group::Risk} fields={props.fields.clone()} on_edit={props.on_edit.clone()} />
            <div class="risk-status" role="status" aria-live="polite">
                { for status }
                if let Some(message) = refused { <p class="error">{ message }</p> }
            </div>
            { figures_html }
            <div class="risk-charts">
                { for views.into_iter().map(|c| html! { <ChartCard key={c.id.clone()} chart={c.clone()} stale={props.stale} /> }) }
            </div>
        </>
    }
}

/// A sentence's text before and after its placeholder `{name}` (the whole
/// sentence before it, should it have none): for a sentence with an element
/// of its own in the middle.
fn around(sentence: &'static str, name: &str) -> (&'static str, &'static str) {
    let mark = format!("{{{name}}}");
    sentence.split_once(mark.as_str()).unwrap_or((sentence, ""))
}

/// A figure in the table: as read, exact in its title, the model's number
/// in `data-value`.
fn figure_cell(v: &Figure, quantile: &'static str) -> Html {
    html! {
        <td data-q={quantile} data-value={v.value.map(|x| x.to_string())} title={v.exact.clone()}>
            { v.text.clone() }
        </td>
    }
}
