//! The risk view (docs/MODEL.md, "Risk"): a section below the charts,
//! closed until opened, with the scenario's `risk.*` settings, the tornado,
//! the Monte Carlo simulation's histogram and fan, and its P10/P50/P90
//! figures.
//!
//! Nothing runs while the section is closed. Opened, it runs the tornado
//! and the paths in slices of a few milliseconds between frames
//! (`ui::risk::Job`, scheduled with `web::Timer::soon`; a slice also ends as
//! soon as input is waiting), shows how far it has got with a Cancel
//! button, and runs again 300 ms after the last edit of the scenario. Until
//! a run for the scenario shown has finished, what is drawn is of earlier
//! inputs (or of the paths run before Cancel) and is marked so: the status
//! says so, the drawings are dimmed and hidden from screen readers.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::model::{Field, Group, Scenario};
use crate::ui::components::chart_card::{ChartCard, ChartView};
use crate::ui::components::input_group::{FieldView, InputGroup};
use crate::ui::risk::{self, Activity, Figure, Job, Shown, DEBOUNCE_MS, SLICE_MS};
use crate::web::{Clock, Timer};

#[derive(Properties, PartialEq)]
pub struct RiskSectionProps {
    /// The scenario the page shows (the last valid one).
    pub scenario: Rc<Scenario>,
    /// The `risk.*` fields as typed.
    pub fields: Vec<FieldView>,
    pub on_edit: Callback<(Field, String)>,
    pub dark: bool,
    /// The width to draw charts at.
    pub width: u32,
    /// Whether the form's text does not read (the page shows the last
    /// valid inputs).
    pub stale: bool,
}

/// How often, at most, the progress is shown anew while paths run, ms.
const PROGRESS_MS: f64 = 100.0;

/// The section's work: the run in progress, the timer of its next slice (or
/// of its start), and what was last shown.
#[derive(Default)]
struct Driver {
    /// Bumped whenever the work in hand is dropped, so a slice already
    /// scheduled for it does nothing.
    generation: u64,
    job: Option<Job>,
    timer: Option<Timer>,
    tornado: Option<Shown>,
    simulated: Option<Shown>,
    /// Why the model refused to simulate, for the scenario it refused.
    refused: Option<(Rc<Scenario>, String)>,
    was_open: bool,
    last_shown_ms: f64,
}

impl Driver {
    /// Drops the run and any slice or start scheduled.
    fn stop(&mut self) {
        self.generation += 1;
        self.job = None;
        self.timer = None;
    }
}

/// Starts a run of `scenario` after `delay_ms`, in slices.
fn start(
    driver: &Rc<RefCell<Driver>>,
    scenario: Rc<Scenario>,
    delay_ms: u32,
    repaint: Callback<()>,
) {
    let mut d = driver.borrow_mut();
    d.stop();
    let generation = d.generation;
    let handle = driver.clone();
    d.timer = Some(Timer::after(delay_ms, move || {
        {
            let mut d = handle.borrow_mut();
            if d.generation != generation {
                return;
            }
            d.job = Some(Job::new(scenario));
        }
        slice(&handle, generation, &repaint);
    }));
}

/// Runs one slice of the job in hand and schedules the next; once every
/// path has run, collects the result in a task of its own (it sorts every
/// path's figures).
fn slice(driver: &Rc<RefCell<Driver>>, generation: u64, repaint: &Callback<()>) {
    let clock = Clock::new();
    let mut d = driver.borrow_mut();
    if d.generation != generation {
        return;
    }
    let Some(job) = d.job.as_mut() else {
        return;
    };
    let first = job.tornado().is_none();
    let finished = job.work(SLICE_MS, &mut || clock.now(), &mut || clock.input_waits());
    let tornado = if first { job.tornado() } else { None };
    if tornado.is_some() {
        d.tornado = tornado;
    }
    let handle = driver.clone();
    let repaint_next = repaint.clone();
    d.timer = Some(if finished {
        Timer::soon(move || collect(&handle, generation, &repaint_next))
    } else {
        Timer::soon(move || slice(&handle, generation, &repaint_next))
    });
    let now = clock.now();
    let due = first || now - d.last_shown_ms >= PROGRESS_MS;
    if due {
        d.last_shown_ms = now;
    }
    drop(d);
    if due {
        repaint.emit(());
    }
}

/// Takes the finished (or cancelled) run's result as the one shown.
fn collect(driver: &Rc<RefCell<Driver>>, generation: u64, repaint: &Callback<()>) {
    let mut d = driver.borrow_mut();
    if d.generation != generation {
        return;
    }
    finish(&mut d);
    drop(d);
    repaint.emit(());
}

/// Shows what the job in hand has run (every path, or those run before
/// Cancel, perhaps none) and drops it.
fn finish(d: &mut Driver) {
    if let Some(job) = d.job.as_ref() {
        if let Some(refused) = job.refused() {
            d.refused = Some((job.scenario().clone(), refused.to_owned()));
        }
        if let Some(result) = job.result() {
            d.simulated = Some(result);
        }
    }
    d.stop();
}

#[function_component(RiskSection)]
pub fn risk_section(props: &RiskSectionProps) -> Html {
    let opened = use_state(|| false);
    let driver = use_mut_ref(Driver::default);
    let update = use_force_update();
    let repaint = Callback::from(move |()| update.force_update());
    // The settings' section opens by itself when one of them is invalid.
    let open = *opened || props.fields.iter().any(|f| f.error.is_some());

    // Nothing runs once the page is gone.
    {
        let driver = driver.clone();
        use_effect_with((), move |()| move || driver.borrow_mut().stop());
    }
    // Opened: run now. Edited while open: run again 300 ms after the last
    // edit. Closed: stop.
    {
        let driver = driver.clone();
        let repaint = repaint.clone();
        use_effect_with((open, props.scenario.clone()), move |(open, scenario)| {
            let mut d = driver.borrow_mut();
            let opening = *open && !d.was_open;
            d.was_open = *open;
            if !*open {
                d.stop();
                return;
            }
            let current = d.tornado.as_ref().is_some_and(|t| t.is_of(scenario))
                && (d
                    .simulated
                    .as_ref()
                    .is_some_and(|s| s.is_of(scenario) && s.complete())
                    || d.refused.as_ref().is_some_and(|(s, _)| **s == **scenario));
            let running = d.job.as_ref().is_some_and(|j| **j.scenario() == **scenario);
            if current || (running && !opening) {
                return;
            }
            drop(d);
            let delay = if opening { 0 } else { DEBOUNCE_MS };
            start(&driver, scenario.clone(), delay, repaint);
        });
    }

    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let details: HtmlDetailsElement = e.target_unchecked_into();
            opened.set(details.open());
        })
    };
    // The status line's button: Cancel while paths run, else run them all.
    let on_offer = {
        let driver = driver.clone();
        let repaint = repaint.clone();
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let running = driver.borrow().job.is_some();
            if running {
                finish(&mut driver.borrow_mut());
                repaint.emit(());
            } else {
                start(&driver, scenario.clone(), 0, repaint.clone());
            }
        })
    };

    let d = driver.borrow();
    let scenario = &props.scenario;
    let activity = if !open {
        Activity::Closed
    } else if let Some(job) = d.job.as_ref().filter(|j| **j.scenario() == **scenario) {
        Activity::Running {
            done: job.done(),
            total: job.total(),
        }
    } else if d.refused.as_ref().is_some_and(|(s, _)| **s == **scenario) {
        Activity::Refused
    } else if let Some(s) = d.simulated.as_ref().filter(|s| s.is_of(scenario)) {
        if s.complete() {
            Activity::Done
        } else {
            Activity::Stopped {
                done: s.risk.simulation.paths,
                total: s.total,
            }
        }
    } else {
        Activity::Waiting
    };

    // The drawings, each made again only for a new result, theme or width.
    let tornado_drawing = use_memo(
        (
            open,
            d.tornado.as_ref().map(|t| Same(t.risk.clone())),
            props.dark,
            props.width,
        ),
        {
            let tornado = d.tornado.clone();
            move |(open, _, dark, width)| match tornado.as_ref().filter(|_| *open) {
                Some(t) => risk::views(Some(t), None, *dark, *width),
                None => Vec::new(),
            }
        },
    );
    let simulation_drawings = use_memo(
        (
            open,
            d.simulated.as_ref().map(|s| Same(s.risk.clone())),
            props.dark,
            props.width,
        ),
        {
            let simulated = d.simulated.clone();
            move |(open, _, dark, width)| match simulated.as_ref().filter(|_| *open) {
                Some(s) => risk::views(None, Some(s), *dark, *width),
                None => Vec::new(),
            }
        },
    );
    let mut views: Vec<ChartView> = tornado_drawing
        .iter()
        .chain(simulation_drawings.iter())
        .cloned()
        .collect();
    risk::mark(
        &mut views,
        scenario,
        d.tornado.as_ref(),
        d.simulated.as_ref(),
    );
    let figures = use_memo(d.simulated.as_ref().map(|s| Same(s.risk.clone())), |s| {
        s.as_ref().map(|s| risk::figures(&s.0.simulation))
    });
    let figures_current = d
        .simulated
        .as_ref()
        .is_some_and(|s| s.is_of(scenario) && s.complete());

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
                    <progress max={total.to_string()} value={done.to_string()} aria-label="Paths run" />
                }
                if let Some(offer) = st.offer {
                    <button type="button" class={offer.class()} onclick={on_offer}>{ offer.label() }</button>
                }
            </>
        }
    });
    let refused = match (activity, d.refused.as_ref()) {
        (Activity::Refused, Some((_, message))) => Some(message.clone()),
        _ => None,
    };

    let figures_html = match figures.as_ref() {
        Some(f) if open => html! {
            <div class="risk-figures" data-current={figures_current.to_string()}>
                <table>
                    <caption>{ format!("P10, median (P50) and P90 {}", f.over) }</caption>
                    <thead><tr><td></td><th scope="col">{ "P10" }</th><th scope="col">{ "P50" }</th><th scope="col">{ "P90" }</th></tr></thead>
                    <tbody>
                        { for f.rows.iter().map(|row| html! {
                            <tr data-risk={row.id}>
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
                    { "Converting is worth at least as much as keeping mining on " }
                    <strong data-value={f.ahead.value.map(|x| x.to_string())} title={f.ahead.exact.clone()}>{ f.ahead.text.clone() }</strong>
                    { " of paths." }
                </p>
            </div>
        },
        _ => html! {},
    };

    html! {
        <details class="risk" id="risk" {open} {ontoggle} data-risk-state={activity.name()}>
            <summary>
                <h2>{ "Risk" }</h2>
                <span class="risk-lead">{ "Which inputs move the value most, and how wide the outcomes are" }</span>
            </summary>
            <div class="risk-body">
                <InputGroup group={Group::Risk} fields={props.fields.clone()} on_edit={props.on_edit.clone()} />
                <div class="risk-status" role="status" aria-live="polite">
                    { for status }
                    if let Some(message) = refused { <p class="error">{ message }</p> }
                </div>
                { figures_html }
                <div class="risk-charts">
                    { for views.into_iter().map(|c| html! { <ChartCard key={c.id.clone()} chart={c.clone()} stale={props.stale} /> }) }
                </div>
            </div>
        </details>
    }
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

/// An `Rc` compared by address, so memos re-run only on a new value.
#[derive(Clone)]
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
