//! The risk view's work and figures, pure: the tornado and the Monte Carlo
//! simulation of one scenario (`crate::model::risk`, docs/MODEL.md "Risk"),
//! run a slice at a time ([`Job`], in the risk view's worker: see
//! `crate::ui::risk_engine`), the figures the view shows, and what the page
//! holds of the runs it asked for ([`Board`]).
//!
//! Nothing here touches the browser (the caller passes its clock) and
//! nothing computes money: every figure is the model's, written as the page
//! writes numbers (`crate::format`).

use std::rc::Rc;

use serde::Serialize;

use crate::charts::RiskChart;
use crate::format::{grouped, money, money_exact, percent, percent_exact, years_months};
use crate::model::risk::{tornado, IrrKind, Risk, Run, Simulation};
use crate::model::Scenario;
use crate::ui::risk_engine::{Drawn, Look, Reply, Request};

/// How long after the last edit the view runs again, ms.
pub const DEBOUNCE_MS: u32 = 300;

/// The tornado and the paths of one scenario, run a slice at a time.
pub struct Job {
    scenario: Rc<Scenario>,
    /// The tornado with no path run yet, once the first slice is done.
    first: Option<Rc<Risk>>,
    run: Option<Run>,
    /// Why the simulation cannot run (the model refused the scenario).
    refused: Option<String>,
}

impl Job {
    /// Nothing run yet.
    pub fn new(scenario: Rc<Scenario>) -> Self {
        Self {
            scenario,
            first: None,
            run: None,
            refused: None,
        }
    }

    /// The scenario this job is of.
    pub fn scenario(&self) -> &Rc<Scenario> {
        &self.scenario
    }

    /// The tornado (with the simulation at zero paths), once the first
    /// slice has computed it.
    pub fn tornado(&self) -> Option<Shown> {
        self.first.as_ref().map(|risk| Shown {
            scenario: self.scenario.clone(),
            risk: risk.clone(),
            total: self.total(),
        })
    }

    /// Whether the first slice has run (the tornado is there, or the model
    /// refused the scenario).
    pub fn started(&self) -> bool {
        self.first.is_some() || self.refused.is_some()
    }

    /// Why the model refused to simulate the scenario, if it did.
    pub fn refused(&self) -> Option<&str> {
        self.refused.as_deref()
    }

    /// Paths run so far.
    pub fn done(&self) -> u32 {
        self.run.as_ref().map_or(0, Run::done)
    }

    /// Paths to run in all.
    pub fn total(&self) -> u32 {
        self.run
            .as_ref()
            .map_or(self.scenario.risk.paths, Run::total)
    }

    /// Whether everything is done (or the model refused the scenario).
    pub fn finished(&self) -> bool {
        self.refused.is_some() || self.run.as_ref().is_some_and(|r| r.done() >= r.total())
    }

    /// Works until `budget_ms` have passed by `clock` (ms) or `input_waits()`
    /// says there is something more urgent to do: in the first slice the tornado and
    /// the simulation's set-up, then paths one at a time (at least one per
    /// slice). Returns whether everything is done.
    pub fn work(
        &mut self,
        budget_ms: f64,
        clock: &mut dyn FnMut() -> f64,
        input_waits: &mut dyn FnMut() -> bool,
    ) -> bool {
        let start = clock();
        if !self.started() {
            let tornado = tornado(&self.scenario);
            match Run::new(&self.scenario) {
                Ok(run) => {
                    // No path run yet: the model's empty simulation, at once.
                    self.first = Some(Rc::new(Risk {
                        tornado,
                        simulation: run.result(),
                    }));
                    self.run = Some(run);
                }
                Err(e) => self.refused = Some(e.to_string()),
            }
            return self.finished();
        }
        if let Some(run) = self.run.as_mut() {
            while !run.step(1) {
                if clock() - start >= budget_ms || input_waits() {
                    break;
                }
            }
        }
        self.finished()
    }

    /// What the paths run so far show, with the tornado (`None` before the
    /// first slice). Sorts every path's figures: call it once the run is
    /// done or stopped, not after every slice.
    pub fn result(&self) -> Option<Shown> {
        let (first, run) = (self.first.as_ref()?, self.run.as_ref()?);
        Some(Shown {
            scenario: self.scenario.clone(),
            risk: Rc::new(Risk {
                tornado: first.tornado.clone(),
                simulation: run.result(),
            }),
            total: run.total(),
        })
    }
}

/// A risk view as the page holds it: what it is of, and how many paths the
/// scenario asks for (`risk.simulation.paths` ran).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub scenario: Rc<Scenario>,
    pub risk: Rc<Risk>,
    pub total: u32,
}

impl Shown {
    /// Whether every path the scenario asks for ran.
    pub fn complete(&self) -> bool {
        self.risk.simulation.paths >= self.total
    }

    /// Whether this is of `scenario`.
    pub fn is_of(&self, scenario: &Scenario) -> bool {
        *self.scenario == *scenario
    }
}

/// The chart's element id: `chart-` and its id (`chart-tornado`).
pub fn chart_id(chart: RiskChart) -> String {
    format!("chart-{}", chart.id().replace('_', "-"))
}

/// One figure of the simulation as the view shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// As read (`$225M`, `17.9 %`, `month 118`, `never`).
    pub text: String,
    /// Exact (`$225,251,962`), for the figure's title.
    pub exact: String,
    /// The model's number, to the last bit (`data-value`), when there is one.
    pub value: Option<f64>,
}

impl Figure {
    fn money(x: f64) -> Self {
        Self {
            text: money(x),
            exact: money_exact(x),
            value: Some(x),
        }
    }

    fn percent(x: Option<f64>) -> Self {
        match x {
            Some(x) => Self {
                text: percent(x),
                exact: percent_exact(x),
                value: Some(x),
            },
            None => Self::none(t!("not defined")),
        }
    }

    fn month(m: Option<u32>) -> Self {
        match m {
            Some(m) => Self {
                text: t!("month {month}", month = m),
                exact: years_months(m),
                value: Some(f64::from(m)),
            },
            None => Self::none(t!("never")),
        }
    }

    fn none(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            exact: text.to_owned(),
            value: None,
        }
    }
}

/// One row of the simulation's figures: P10, P50 and P90 of one output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureRow {
    /// `npv`, `irr`, `payback`: the row's `data-risk` name.
    pub id: String,
    pub label: String,
    /// P10, P50, P90.
    pub values: [Figure; 3],
    /// Said under the row (`defined on 1,950 of 2,000 paths`), if anything.
    pub note: Option<String>,
}

/// The simulation's figures: P10/P50/P90 of incremental NPV, of the IRR
/// (equity when the scenario borrows, project when it does not) and of the
/// payback month, and the share of paths on which converting is at least as
/// good as keeping mining.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    pub rows: Vec<FigureRow>,
    /// `83.2 %`.
    pub ahead: Figure,
    /// `over 2,000 paths (seed 1)`.
    pub over: String,
}

/// The figures of a simulation.
pub fn figures(s: &Simulation) -> Figures {
    let npv = s.incremental_npv_usd;
    let irr_label = match s.irr_kind {
        IrrKind::Equity => t!("Equity IRR"),
        IrrKind::Project => t!("Project IRR"),
    };
    let irr = s.irr_pct;
    let irr_note = if s.irr_paths == s.paths {
        None
    } else {
        let defined = grouped(f64::from(s.irr_paths));
        Some(if s.paths == 1 {
            t!("defined on {defined} of 1 path", defined = defined)
        } else {
            t!(
                "defined on {defined} of {paths} paths",
                defined = defined,
                paths = grouped(f64::from(s.paths))
            )
        })
    };
    let pb = s.payback_month;
    Figures {
        rows: vec![
            FigureRow {
                id: "npv".to_owned(),
                label: t!("Incremental NPV").to_owned(),
                values: [npv.p10, npv.p50, npv.p90].map(Figure::money),
                note: None,
            },
            FigureRow {
                id: "irr".to_owned(),
                label: irr_label.to_owned(),
                values: [irr.map(|p| p.p10), irr.map(|p| p.p50), irr.map(|p| p.p90)]
                    .map(Figure::percent),
                note: irr_note,
            },
            FigureRow {
                id: "payback".to_owned(),
                label: t!("Payback").to_owned(),
                values: [pb.p10, pb.p50, pb.p90].map(Figure::month),
                note: None,
            },
        ],
        ahead: Figure {
            text: percent(s.probability_convert_ahead_pct),
            exact: percent_exact(s.probability_convert_ahead_pct),
            value: Some(s.probability_convert_ahead_pct),
        },
        over: {
            let seed = crate::model::field::form_number(f64::from(s.seed));
            if s.paths == 1 {
                t!("over 1 path (seed {seed})", seed = seed)
            } else {
                t!(
                    "over {paths} paths (seed {seed})",
                    paths = grouped(f64::from(s.paths)),
                    seed = seed
                )
            }
        },
    }
}

/// What the risk view is doing, as its `data-risk-state` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    Closed,
    /// About to run for the inputs shown (after the last edit).
    Waiting,
    Running {
        done: u32,
        total: u32,
    },
    /// Cancelled after `done` of `total` paths: what is shown is of those.
    Stopped {
        done: u32,
        total: u32,
    },
    Done,
    /// The model refused to simulate the scenario.
    Refused,
    /// The view's worker could not start (its code could not be loaded).
    Unavailable,
}

impl Activity {
    /// `closed`, `waiting`, `running`, `stopped`, `done`, `refused`.
    pub fn name(self) -> &'static str {
        match self {
            Activity::Closed => "closed",
            Activity::Waiting => "waiting",
            Activity::Running { .. } => "running",
            Activity::Stopped { .. } => "stopped",
            Activity::Done => "done",
            Activity::Refused => "refused",
            Activity::Unavailable => "unavailable",
        }
    }
}

/// What the view's status line says: its words around the progress (if
/// any), and the button it offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub lead: String,
    /// Paths run and paths in all, shown as `1,200 of 2,000 paths` and a
    /// progress bar.
    pub progress: Option<(u32, u32)>,
    pub tail: String,
    pub offer: Option<Offer>,
}

/// A button of the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// Stop the run in hand.
    Cancel,
    /// Run every path again after a Cancel.
    RunAll,
}

impl Offer {
    pub fn label(self) -> &'static str {
        match self {
            Offer::Cancel => t!("Cancel"),
            Offer::RunAll => t!("Run all paths"),
        }
    }

    /// The button's class (`risk-cancel`, `risk-again`).
    pub fn class(self) -> &'static str {
        match self {
            Offer::Cancel => "risk-cancel",
            Offer::RunAll => "risk-again",
        }
    }
}

/// The status line for what the view is doing; `stale` when what it shows
/// (if anything) is of earlier inputs. `None` when there is nothing to say.
pub fn status(activity: Activity, stale: bool) -> Option<Status> {
    let earlier = if stale {
        t!(" Until it finishes, the figures below are of earlier inputs.")
    } else {
        ""
    };
    let line = |lead: String, progress, tail: &str, offer| Status {
        lead,
        progress,
        tail: tail.to_owned(),
        offer,
    };
    match activity {
        Activity::Closed | Activity::Done | Activity::Refused | Activity::Unavailable => None,
        Activity::Waiting => Some(line(
            t!("The inputs changed: running again shortly.").to_owned(),
            None,
            earlier,
            None,
        )),
        Activity::Running { done, total } => Some(line(
            t!("Running the simulation: ").to_owned(),
            Some((done, total)),
            &format!(".{earlier}"),
            Some(Offer::Cancel),
        )),
        Activity::Stopped { done, total } => Some(line(
            t!(
                "Cancelled after {progress}: the histogram, the fan and the figures are of those paths only.",
                progress = progress(done, total)
            ),
            None,
            "",
            Some(Offer::RunAll),
        )),
    }
}

/// What the view says when its worker could not start (in English: show
/// it with [`unavailable`]).
pub const UNAVAILABLE: &str = en!(
    "The risk view could not start: its code could not be loaded. \
If you are offline, open the risk view once while online (it is then kept for offline use), \
or use the single-file copy, which holds everything."
);

/// [`UNAVAILABLE`] in the language spoken now.
pub fn unavailable() -> &'static str {
    crate::lang::tr(UNAVAILABLE)
}

/// How many runs the page remembers the scenario of (replies of older runs
/// are dropped).
const RUNS_KEPT: usize = 4;

/// The simulation as the page last received it.
#[derive(Clone, Debug, PartialEq)]
pub struct Simulated {
    pub run: u64,
    /// Paths run, of `total`.
    pub paths: u32,
    pub total: u32,
    pub charts: Vec<Drawn>,
    pub figures: Figures,
}

/// The run in hand, as far as the page knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Progress {
    run: u64,
    done: u32,
    total: u32,
}

/// What the page holds of the runs it asked the risk view's worker for:
/// the scenario of each, the one running and how far it has got, and the
/// last tornado, simulation and refusal received (each perhaps of earlier
/// inputs).
#[derive(Debug, Default)]
pub struct Board {
    last_run: u64,
    /// The scenario of each recent run, oldest first.
    runs: Vec<(u64, Rc<Scenario>)>,
    running: Option<Progress>,
    tornado: Option<(u64, Vec<Drawn>)>,
    simulated: Option<Simulated>,
    refused: Option<(u64, String)>,
    unavailable: bool,
}

impl Board {
    /// Asks for a run of `scenario`, drawn with `look`: the request to send.
    pub fn ask(&mut self, scenario: Rc<Scenario>, look: Look) -> Request {
        self.last_run += 1;
        let run = self.last_run;
        let request = Request::run(run, &scenario, look);
        self.running = Some(Progress {
            run,
            done: 0,
            total: scenario.risk.paths,
        });
        self.runs.push((run, scenario));
        if self.runs.len() > RUNS_KEPT {
            self.runs.remove(0);
        }
        request
    }

    /// How many runs the page has asked for.
    pub fn asked(&self) -> u64 {
        self.last_run
    }

    /// Stops the run in hand, if any: the request to send. Its figures
    /// (of the paths run so far) follow.
    pub fn cancel(&mut self) -> Option<Request> {
        let run = self.running.take()?.run;
        Some(Request::Cancel { run })
    }

    /// Whether a run is in hand.
    pub fn running(&self) -> bool {
        self.running.is_some()
    }

    /// Whether a run of `scenario` is in hand.
    pub fn running_of(&self, scenario: &Scenario) -> bool {
        self.running.is_some_and(|p| self.is_of(p.run, scenario))
    }

    /// Whether what is shown is of `scenario` and complete: the tornado, and
    /// the simulation of every path or the model's refusal.
    pub fn settled_for(&self, scenario: &Scenario) -> bool {
        let tornado = self
            .tornado
            .as_ref()
            .is_some_and(|(run, _)| self.is_of(*run, scenario));
        let refused = self
            .refused
            .as_ref()
            .is_some_and(|(run, _)| self.is_of(*run, scenario));
        refused || (tornado && self.simulation_current(scenario))
    }

    /// Whether the page must ask for a run of `scenario`, the one it shows,
    /// now that it has changed (or the view has just opened): not when its
    /// results are shown and complete with nothing else running to replace
    /// them, nor when a run of it is in hand (unless the view has just
    /// opened: a run started before it was closed was cancelled).
    pub fn needs_run(&self, scenario: &Scenario, opening: bool) -> bool {
        let shown = self.settled_for(scenario) && !self.running();
        let running = self.running_of(scenario) && !opening;
        !(shown || running)
    }

    /// The worker could not start.
    pub fn set_unavailable(&mut self) {
        self.unavailable = true;
        self.running = None;
    }

    /// Takes in what the worker said. Replies of runs the page no longer
    /// remembers, or older than what is shown, are dropped.
    pub fn receive(&mut self, reply: Reply) {
        match reply {
            Reply::Ready => {}
            Reply::Progress { run, done, total } => {
                if let Some(p) = self.running.as_mut().filter(|p| p.run == run) {
                    *p = Progress { run, done, total };
                }
            }
            Reply::Tornado { run, charts } => {
                if self.knows(run) && self.tornado.as_ref().is_none_or(|(r, _)| *r <= run) {
                    self.tornado = Some((run, charts));
                }
            }
            Reply::Simulated {
                run,
                paths,
                total,
                charts,
                figures,
            } => {
                self.end(run);
                if self.knows(run) && self.simulated.as_ref().is_none_or(|s| s.run <= run) {
                    self.simulated = Some(Simulated {
                        run,
                        paths,
                        total,
                        charts,
                        figures,
                    });
                }
            }
            Reply::Refused { run, message } => {
                self.end(run);
                if self.knows(run) {
                    self.refused = Some((run, message));
                }
            }
        }
    }

    /// Whether the page remembers run `run`.
    fn knows(&self, run: u64) -> bool {
        self.runs.iter().any(|(r, _)| *r == run)
    }

    /// Run `run` has ended.
    fn end(&mut self, run: u64) {
        if self.running.is_some_and(|p| p.run == run) {
            self.running = None;
        }
    }

    /// Whether run `run` was of `scenario`.
    fn is_of(&self, run: u64, scenario: &Scenario) -> bool {
        self.runs.iter().any(|(r, s)| *r == run && **s == *scenario)
    }

    /// Whether the simulation shown is of `scenario` and ran every path.
    pub fn simulation_current(&self, scenario: &Scenario) -> bool {
        self.simulated
            .as_ref()
            .is_some_and(|s| s.paths >= s.total && self.is_of(s.run, scenario))
    }

    /// Whether the tornado shown is of `scenario`.
    pub fn tornado_current(&self, scenario: &Scenario) -> bool {
        self.tornado
            .as_ref()
            .is_some_and(|(run, _)| self.is_of(*run, scenario))
    }

    /// What the view is doing for `scenario`, the one the page shows.
    pub fn activity(&self, open: bool, scenario: &Scenario) -> Activity {
        if !open {
            return Activity::Closed;
        }
        if self.unavailable {
            return Activity::Unavailable;
        }
        if let Some(p) = self.running {
            if self.is_of(p.run, scenario) {
                return Activity::Running {
                    done: p.done,
                    total: p.total,
                };
            }
        }
        if self.refusal(scenario).is_some() {
            return Activity::Refused;
        }
        match self
            .simulated
            .as_ref()
            .filter(|s| self.is_of(s.run, scenario))
        {
            Some(s) if s.paths >= s.total => Activity::Done,
            Some(s) => Activity::Stopped {
                done: s.paths,
                total: s.total,
            },
            None => Activity::Waiting,
        }
    }

    /// Why the model refused to simulate `scenario`, if it did.
    pub fn refusal(&self, scenario: &Scenario) -> Option<&str> {
        self.refused
            .as_ref()
            .filter(|(run, _)| self.is_of(*run, scenario))
            .map(|(_, m)| m.as_str())
    }

    /// The tornado's drawing, if any.
    pub fn tornado(&self) -> &[Drawn] {
        self.tornado.as_ref().map_or(&[], |(_, c)| c.as_slice())
    }

    /// The simulation last received, if any.
    pub fn simulated(&self) -> Option<&Simulated> {
        self.simulated.as_ref()
    }
}

/// `2,000 paths`, `1 path`.
pub fn paths(n: u32) -> String {
    if n == 1 {
        t!("1 path").to_owned()
    } else {
        t!("{count} paths", count = grouped(f64::from(n)))
    }
}

/// `1,200 of 2,000 paths`.
pub fn progress(done: u32, total: u32) -> String {
    let done = grouped(f64::from(done));
    if total == 1 {
        t!("{done} of 1 path", done = done)
    } else {
        t!(
            "{done} of {total} paths",
            done = done,
            total = grouped(f64::from(total))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(paths: u32) -> Rc<Scenario> {
        let mut s = Scenario::default();
        s.risk.paths = paths;
        Rc::new(s)
    }

    /// A clock that moves `step` ms each time it is read.
    fn ticking(step: f64) -> impl FnMut() -> f64 {
        let mut t = 0.0;
        move || {
            t += step;
            t
        }
    }

    fn done(job: &Job) -> Shown {
        job.result().unwrap_or_else(|| panic!("no result"))
    }

    #[test]
    fn slices_give_what_one_run_gives() {
        let s = scenario(60);
        let mut job = Job::new(s.clone());
        assert_eq!((job.done(), job.total()), (0, 60));
        assert!(job.tornado().is_none() && job.result().is_none());
        let mut slices = 0;
        // Each read of the clock is 1 ms: a 4 ms slice runs a few paths.
        while !job.work(4.0, &mut ticking(1.0), &mut || false) {
            slices += 1;
            assert!(slices < 100, "no progress");
        }
        assert!(slices > 5, "{slices} slices");
        assert_eq!(job.done(), 60);
        assert!(job.finished());
        let whole = crate::model::risk::risk(&s).unwrap_or_else(|e| panic!("{e}"));
        let shown = done(&job);
        assert_eq!(*shown.risk, whole);
        assert!(shown.complete() && shown.is_of(&s));
        let first = job.tornado().unwrap_or_else(|| panic!("no tornado"));
        assert_eq!(first.risk.tornado, whole.tornado);
        assert_eq!(first.risk.simulation.paths, 0);
    }

    #[test]
    fn waiting_input_ends_a_slice_but_every_slice_moves_on() {
        let mut job = Job::new(scenario(10));
        // The tornado and the set-up, then one path per slice.
        assert!(!job.work(1e9, &mut ticking(0.0), &mut || true));
        assert!(job.tornado().is_some() && job.done() == 0);
        for n in 1..10 {
            assert!(!job.work(1e9, &mut ticking(0.0), &mut || true));
            assert_eq!(job.done(), n);
        }
        assert!(job.work(1e9, &mut ticking(0.0), &mut || true));
        // Without input or a time limit, all in the second slice.
        let mut other = Job::new(scenario(10));
        assert!(!other.work(1e9, &mut ticking(0.0), &mut || false));
        assert!(other.work(1e9, &mut ticking(0.0), &mut || false));
        assert_eq!(done(&other), done(&job));
    }

    #[test]
    fn the_board_says_which_results_are_of_the_scenario_shown() {
        use crate::ui::risk_engine::Engine;
        let look = Look {
            dark: false,
            width: 800,
            currency: None,
        };
        let s = scenario(20);
        let mut board = Board::default();
        assert_eq!(board.activity(false, &s), Activity::Closed);
        assert_eq!(board.activity(true, &s), Activity::Waiting);
        let mut engine = Engine::new();
        // The engine answers `request`, then works `slices` slices (or
        // until idle), each reply through its JSON text.
        fn answer(engine: &mut Engine, board: &mut Board, request: Request, slices: usize) {
            for reply in engine.handle(&request.to_text(), 0.0) {
                board.receive(reply);
            }
            for _ in 0..slices {
                if !engine.busy() {
                    break;
                }
                for reply in engine.work(0.0, &mut || 0.0) {
                    let text = reply.to_text();
                    board.receive(Reply::from_text(&text).unwrap_or_else(|| panic!("{text}")));
                }
            }
        }
        let request = board.ask(s.clone(), look);
        assert_eq!(board.asked(), 1);
        assert!(board.running_of(&s));
        assert_eq!(
            board.activity(true, &s),
            Activity::Running { done: 0, total: 20 }
        );
        // The tornado alone while the paths run.
        answer(&mut engine, &mut board, request, 2);
        assert!(board.tornado_current(&s) && !board.simulation_current(&s));
        assert_eq!(board.tornado().len(), 1);
        assert!(matches!(
            board.activity(true, &s),
            Activity::Running { total: 20, .. }
        ));
        // Every path: done and settled.
        answer(
            &mut engine,
            &mut board,
            Request::Cancel { run: 99 },
            usize::MAX,
        );
        assert_eq!(board.activity(true, &s), Activity::Done);
        assert!(board.settled_for(&s) && !board.running());
        let whole = crate::model::risk::risk(&s).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            board.simulated().map(|x| &x.figures),
            Some(&figures(&whole.simulation))
        );
        assert!(!board.needs_run(&s, false) && !board.needs_run(&s, true));
        // After an edit: what is shown is of earlier inputs.
        let mut edited = (*s).clone();
        edited.contract.rate_usd_per_kw_month = 140.0;
        assert!(!board.tornado_current(&edited) && !board.settled_for(&edited));
        assert_eq!(board.activity(true, &edited), Activity::Waiting);
        assert!(board.needs_run(&edited, false));
        // Cancelled early: stopped, never current.
        let edited = Rc::new(edited);
        let request = board.ask(edited.clone(), look);
        answer(&mut engine, &mut board, request, 2);
        let cancel = board
            .cancel()
            .unwrap_or_else(|| panic!("nothing to cancel"));
        assert!(board.cancel().is_none());
        answer(&mut engine, &mut board, cancel, 0);
        let Activity::Stopped { done, total: 20 } = board.activity(true, &edited) else {
            panic!("{:?}", board.activity(true, &edited))
        };
        assert!(done < 20);
        assert!(board.tornado_current(&edited) && !board.simulation_current(&edited));
        // A reply of a run older than what is shown is dropped.
        board.receive(Reply::Simulated {
            run: 1,
            paths: 20,
            total: 20,
            charts: Vec::new(),
            figures: figures(&whole.simulation),
        });
        assert_eq!(board.simulated().map(|x| x.run), Some(2));
        // Refused, and the worker unavailable.
        board.receive(Reply::Refused {
            run: 2,
            message: "no".to_owned(),
        });
        assert_eq!(board.refusal(&edited), Some("no"));
        assert_eq!(board.activity(true, &edited), Activity::Refused);
        board.set_unavailable();
        assert_eq!(board.activity(true, &edited), Activity::Unavailable);
        assert_eq!(status(Activity::Unavailable, true), None);
    }

    #[test]
    fn figures_are_the_models() {
        let s = scenario(200);
        let r = crate::model::risk::risk(&s).unwrap_or_else(|e| panic!("{e}"));
        let f = figures(&r.simulation);
        let npv = &f.rows[0];
        assert_eq!(npv.id, "npv");
        assert_eq!(
            npv.values[1].value,
            Some(r.simulation.incremental_npv_usd.p50)
        );
        assert_eq!(
            npv.values[1].text,
            money(r.simulation.incremental_npv_usd.p50)
        );
        assert_eq!(
            f.rows[1].label, "Equity IRR",
            "the default scenario borrows"
        );
        assert_eq!(f.rows[2].id, "payback");
        assert_eq!(
            f.ahead.value,
            Some(r.simulation.probability_convert_ahead_pct)
        );
        assert_eq!(f.over, "over 200 paths (seed 1)");
        // Without debt, the project IRR.
        let mut t = (*s).clone();
        t.finance.debt_pct_of_capex = 0.0;
        let r = crate::model::risk::risk(&t).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(figures(&r.simulation).rows[1].label, "Project IRR");
        // Never paying back and an undefined rate are said in words.
        assert_eq!(Figure::month(None).text, "never");
        assert_eq!(Figure::month(Some(118)).exact, "9 years 10 months");
        assert_eq!(Figure::percent(None).text, "not defined");
        assert_eq!(progress(1200, 2000), "1,200 of 2,000 paths");
    }

    #[test]
    fn counts_of_paths_speak_the_language_spoken() {
        crate::lang::load(
            crate::lang::Lang::PtBr,
            r#"{"1 path": "1 caminho", "{count} paths": "{count} caminhos", "{done} of {total} paths": "{done} de {total} caminhos"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let said = (paths(1), paths(2000), progress(1200, 2000));
        crate::lang::load(crate::lang::Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            said,
            (
                "1 caminho".to_owned(),
                "2.000 caminhos".to_owned(),
                "1.200 de 2.000 caminhos".to_owned()
            )
        );
        assert_eq!(progress(0, 1), "0 of 1 path");
    }

    #[test]
    fn the_status_says_what_runs_and_what_is_shown() {
        assert_eq!(status(Activity::Closed, true), None);
        assert_eq!(status(Activity::Done, false), None);
        let running = status(
            Activity::Running {
                done: 1200,
                total: 2000,
            },
            true,
        )
        .unwrap_or_else(|| panic!("no status"));
        assert_eq!(running.progress, Some((1200, 2000)));
        assert_eq!(running.offer, Some(Offer::Cancel));
        assert!(running.tail.contains("earlier inputs"), "{}", running.tail);
        let fresh = status(Activity::Running { done: 0, total: 10 }, false);
        assert_eq!(fresh.map(|s| s.tail), Some(".".to_owned()));
        let stopped = status(Activity::Stopped { done: 5, total: 10 }, true)
            .unwrap_or_else(|| panic!("no status"));
        assert!(
            stopped.lead.starts_with("Cancelled after 5 of 10 paths"),
            "{}",
            stopped.lead
        );
        assert_eq!(stopped.offer.map(Offer::label), Some("Run all paths"));
        assert_eq!(Activity::Stopped { done: 5, total: 10 }.name(), "stopped");
        assert_eq!(paths(1), "1 path");
    }
}
