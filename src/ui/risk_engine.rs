//! The risk view's work, off the page: what the page asks of it, what it
//! answers, and the engine that answers (pure).
//!
//! The tornado, the paths and the three risk charts run in a worker of
//! their own (`src/risk_worker.rs`, wired by `crate::web::worker`), whose
//! code the page loads only when the risk view is first opened: the page's
//! first download carries none of it. The page sends a [`Request`] as JSON
//! text and receives [`Reply`]s as JSON text; the engine runs the paths in
//! slices ([`crate::ui::risk::Job`]) so a new request (an edit, Cancel)
//! is read between two slices.
//!
//! Every figure and drawing is the model's and the charts' (`crate::model::
//! risk`, `crate::charts::RiskChart`), drawn for the page's theme and width.

use std::rc::Rc;

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::charts::{RiskChart, Size, Table, Theme};
use crate::currency::Currency;
use crate::model::json;
use crate::model::risk::Risk;
use crate::model::Scenario;
use crate::ui::risk::{chart_id, figures, Figure, FigureRow, Figures, Job, Shown};

/// How long the engine works before it reads its messages again, ms.
pub const SLICE_MS: f64 = 4.0;

/// How long the engine holds still after the page says the user is doing
/// something, ms: the page has the machine to itself while it answers (the
/// run in hand is usually of inputs about to change).
pub const HOLD_MS: f64 = 60.0;

/// How often, at most, progress is sent while paths run, ms.
pub const PROGRESS_MS: f64 = 100.0;

/// How the page draws: its theme, the width its charts are shown at, and
/// the currency its results are shown in (`None`: dollars).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Look {
    pub dark: bool,
    pub width: u32,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "currency_text"
    )]
    pub currency: Option<Currency>,
}

/// A display currency as [`Currency::to_text`] writes it.
fn currency_text<S: serde::Serializer>(c: &Option<Currency>, s: S) -> Result<S::Ok, S::Error> {
    match c {
        Some(c) => s.serialize_str(&c.to_text()),
        None => s.serialize_none(),
    }
}

impl Look {
    /// As the page tells the extra module (`dark 920`, `light 330`,
    /// `light 330 BRL 5.3 2026-12-01`).
    pub fn to_text(self) -> String {
        let mut text = format!(
            "{} {}",
            if self.dark { "dark" } else { "light" },
            self.width
        );
        if let Some(c) = self.currency {
            text.push(' ');
            text.push_str(&c.to_text());
        }
        text
    }

    /// Shows results in this look's currency from now on, in this part of
    /// the page (the extra module, the risk view's worker).
    pub fn show_currency(self) {
        crate::currency::set_shown(self.currency);
    }

    /// Shows results in the currency of the look the page told as `text`
    /// (dollars when it told none that reads); the look read.
    pub fn show_told(text: Option<&str>) -> Option<Look> {
        let look = text.and_then(Look::from_text);
        crate::currency::set_shown(look.and_then(|l| l.currency));
        look
    }

    /// Read back from [`Look::to_text`]; `None` for anything else.
    pub fn from_text(text: &str) -> Option<Look> {
        let (theme, rest) = text.split_once(' ')?;
        let dark = match theme {
            "dark" => true,
            "light" => false,
            _ => return None,
        };
        let (width, currency) = match rest.split_once(' ') {
            Some((width, currency)) => (width, Some(Currency::from_text(currency)?)),
            None => (rest, None),
        };
        Some(Look {
            dark,
            width: width.parse().ok()?,
            currency,
        })
    }
}

/// What the page asks of the engine.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Run the tornado and the paths of `scenario` (the scenario's JSON, as
    /// saved), dropping any run in hand. `run` names it in the replies.
    Run {
        run: u64,
        scenario: String,
        look: Look,
    },
    /// Stop run `run`: its figures are of the paths run so far.
    Cancel { run: u64 },
    /// Draw what was last sent again, for a new theme or width.
    Draw { look: Look },
    /// The user is doing something: hold still for [`HOLD_MS`].
    Hold,
    /// Speak `lang` (a code, `pt-BR`) with `texts`, its catalogue: sent
    /// first when the page does not speak English.
    Speak { lang: String, texts: String },
}

/// A risk chart, drawn.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Drawn {
    /// The element id (`chart-tornado`).
    pub id: String,
    pub title: String,
    pub summary: String,
    /// SVG text, or the drawing error's message.
    pub svg: Result<String, String>,
    pub table: Table,
}

/// What the engine says.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The engine has started and reads requests.
    Ready,
    /// The tornado of run `run`.
    Tornado { run: u64, charts: Vec<Drawn> },
    /// `done` of run `run`'s `total` paths have run.
    Progress { run: u64, done: u32, total: u32 },
    /// The simulation of run `run`, over `paths` of its `total` paths (fewer
    /// after a Cancel): the histogram, the fan and the figures.
    Simulated {
        run: u64,
        paths: u32,
        total: u32,
        charts: Vec<Drawn>,
        figures: Figures,
    },
    /// The model refused to simulate run `run`'s scenario.
    Refused { run: u64, message: String },
}

impl Reply {
    /// As sent: JSON text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a reply sent by the engine.
    pub fn from_text(text: &str) -> Option<Reply> {
        let doc = json::parse(text).ok()?;
        Some(match variant(&doc)? {
            ("ready", None) => Reply::Ready,
            ("tornado", Some(b)) => Reply::Tornado {
                run: b.u64("run")?,
                charts: b.each("charts", drawn)?,
            },
            ("progress", Some(b)) => Reply::Progress {
                run: b.u64("run")?,
                done: b.u32("done")?,
                total: b.u32("total")?,
            },
            ("simulated", Some(b)) => Reply::Simulated {
                run: b.u64("run")?,
                paths: b.u32("paths")?,
                total: b.u32("total")?,
                charts: b.each("charts", drawn)?,
                figures: figures_of(&b.obj("figures")?)?,
            },
            ("refused", Some(b)) => Reply::Refused {
                run: b.u64("run")?,
                message: b.text("message")?,
            },
            _ => return None,
        })
    }
}

impl Request {
    /// Run `run` of `scenario` (sent as it would be saved), drawn with
    /// `look`.
    pub fn run(run: u64, scenario: &Scenario, look: Look) -> Request {
        Request::Run {
            run,
            scenario: scenario.to_json_pretty(),
            look,
        }
    }

    /// As sent: JSON text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a request sent by the page.
    pub fn from_text(text: &str) -> Option<Request> {
        let doc = json::parse(text).ok()?;
        Some(match variant(&doc)? {
            ("run", Some(b)) => Request::Run {
                run: b.u64("run")?,
                scenario: b.text("scenario")?,
                look: look_of(&b.obj("look")?)?,
            },
            ("cancel", Some(b)) => Request::Cancel { run: b.u64("run")? },
            ("draw", Some(b)) => Request::Draw {
                look: look_of(&b.obj("look")?)?,
            },
            ("hold", None) => Request::Hold,
            ("speak", Some(b)) => Request::Speak {
                lang: b.text("lang")?,
                texts: b.text("texts")?,
            },
            _ => return None,
        })
    }
}

// ---- reading the other side's JSON ------------------------------------------
//
// Both sides write with serde (externally tagged variants in snake case:
// `"hold"`, `{"cancel": {"run": 3}}`) and read with `model::json`, key by
// key: the page's download carries no generic deserializer.

/// An object of the other side's JSON, read key by key (`None`: not as
/// written by [`Reply::to_text`] or [`Request::to_text`]).
struct Obj<'a>(&'a Map<String, Json>);

impl<'a> Obj<'a> {
    fn of(v: &'a Json) -> Option<Self> {
        v.as_object().map(Obj)
    }
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.0.get(key)
    }
    fn u64(&self, key: &str) -> Option<u64> {
        self.get(key)?.as_u64()
    }
    fn u32(&self, key: &str) -> Option<u32> {
        u32::try_from(self.u64(key)?).ok()
    }
    fn text(&self, key: &str) -> Option<String> {
        self.get(key)?.as_str().map(str::to_owned)
    }
    fn opt_text(&self, key: &str) -> Option<Option<String>> {
        match self.get(key)? {
            Json::Null => Some(None),
            v => Some(Some(v.as_str()?.to_owned())),
        }
    }
    fn obj(&self, key: &str) -> Option<Obj<'a>> {
        Obj::of(self.get(key)?)
    }
    fn each<T>(&self, key: &str, read: impl Fn(&'a Json) -> Option<T>) -> Option<Vec<T>> {
        self.get(key)?.as_array()?.iter().map(read).collect()
    }
}

/// A variant: its tag, and its fields unless it has none.
fn variant(v: &Json) -> Option<(&str, Option<Obj<'_>>)> {
    match v {
        Json::String(tag) => Some((tag, None)),
        Json::Object(m) if m.len() == 1 => {
            let (tag, body) = m.iter().next()?;
            Some((tag, Some(Obj::of(body)?)))
        }
        _ => None,
    }
}

fn look_of(o: &Obj<'_>) -> Option<Look> {
    let currency = match o.get("currency") {
        Some(c) => Some(Currency::from_text(c.as_str()?)?),
        None => None,
    };
    Some(Look {
        dark: o.get("dark")?.as_bool()?,
        width: o.u32("width")?,
        currency,
    })
}

fn text_of(v: &Json) -> Option<String> {
    v.as_str().map(str::to_owned)
}

fn drawn(v: &Json) -> Option<Drawn> {
    let o = Obj::of(v)?;
    let svg = o.obj("svg")?;
    let table = o.obj("table")?;
    Some(Drawn {
        id: o.text("id")?,
        title: o.text("title")?,
        summary: o.text("summary")?,
        svg: match (svg.text("Ok"), svg.text("Err")) {
            (Some(text), None) => Ok(text),
            (None, Some(message)) => Err(message),
            _ => return None,
        },
        table: Table {
            caption: table.text("caption")?,
            headers: table.each("headers", text_of)?,
            rows: table.each("rows", |row| row.as_array()?.iter().map(text_of).collect())?,
        },
    })
}

fn figure(v: &Json) -> Option<Figure> {
    let o = Obj::of(v)?;
    Some(Figure {
        text: o.text("text")?,
        exact: o.text("exact")?,
        value: match o.get("value")? {
            Json::Null => None,
            x => Some(x.as_f64()?),
        },
    })
}

fn figures_of(o: &Obj<'_>) -> Option<Figures> {
    Some(Figures {
        rows: o.each("rows", |row| {
            let r = Obj::of(row)?;
            let values = r.each("values", figure)?;
            Some(FigureRow {
                id: r.text("id")?,
                label: r.text("label")?,
                values: values.try_into().ok()?,
                note: r.opt_text("note")?,
            })
        })?,
        ahead: figure(o.get("ahead")?)?,
        over: o.text("over")?,
    })
}

/// The engine: the run in hand and the last results sent, to draw again.
pub struct Engine {
    look: Look,
    job: Option<(u64, Job)>,
    tornado: Option<(u64, Rc<Risk>)>,
    simulated: Option<(u64, Shown)>,
    last_progress_ms: f64,
    /// No work before this time (ms).
    held_until_ms: f64,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    pub fn new() -> Self {
        Self {
            look: Look {
                dark: false,
                width: 800,
                currency: None,
            },
            job: None,
            tornado: None,
            simulated: None,
            last_progress_ms: f64::NEG_INFINITY,
            held_until_ms: f64::NEG_INFINITY,
        }
    }

    /// Whether a run is in hand (call [`Engine::work`] again).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// How long, from `now_ms`, the engine holds still (0 when it does not).
    pub fn wait_ms(&self, now_ms: f64) -> f64 {
        (self.held_until_ms - now_ms).max(0.0)
    }

    /// Handles one request (JSON text), at `now_ms`; returns the replies
    /// to send at once. Text that is no request is ignored.
    pub fn handle(&mut self, text: &str, now_ms: f64) -> Vec<Reply> {
        let Some(request) = Request::from_text(text) else {
            return Vec::new();
        };
        match request {
            Request::Speak { lang, texts } => {
                // A catalogue that does not read leaves English: the figures
                // still show.
                if let Some(lang) = crate::lang::Lang::from_code(&lang) {
                    let _ = crate::lang::load(lang, &texts);
                }
                Vec::new()
            }
            Request::Run {
                run,
                scenario,
                look,
            } => {
                self.look = look;
                look.show_currency();
                match Scenario::from_json(&scenario) {
                    Ok(s) => {
                        self.job = Some((run, Job::new(Rc::new(s))));
                        self.last_progress_ms = now_ms;
                        Vec::new()
                    }
                    Err(e) => {
                        self.job = None;
                        vec![Reply::Refused {
                            run,
                            message: e.to_string(),
                        }]
                    }
                }
            }
            Request::Cancel { run } => match self.job.take() {
                Some((id, mut job)) if id == run => {
                    // Not started yet: the tornado and the set-up first, so
                    // the page learns the run stopped at no path.
                    let mut out = Vec::new();
                    if !job.started() {
                        job.work(0.0, &mut || now_ms, &mut || true);
                        if self.first_replies(id, &job, &mut out) {
                            return out;
                        }
                    }
                    out.extend(self.finish(id, &job));
                    out
                }
                other => {
                    self.job = other;
                    Vec::new()
                }
            },
            Request::Hold => {
                self.held_until_ms = now_ms + HOLD_MS;
                Vec::new()
            }
            Request::Draw { look } => {
                self.look = look;
                look.show_currency();
                let mut out = Vec::new();
                if let Some((run, risk)) = &self.tornado {
                    out.push(self.tornado_reply(*run, risk));
                }
                if let Some((run, shown)) = &self.simulated {
                    out.push(self.simulated_reply(*run, shown));
                }
                out
            }
        }
    }

    /// Works on the run in hand for about `budget_ms` by `clock` (ms);
    /// returns the replies to send: the tornado after the first slice,
    /// progress at most every [`PROGRESS_MS`], the simulation at the end.
    pub fn work(&mut self, budget_ms: f64, clock: &mut dyn FnMut() -> f64) -> Vec<Reply> {
        if self.wait_ms(clock()) > 0.0 {
            return Vec::new();
        }
        let Some((run, mut job)) = self.job.take() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let first = !job.started();
        let finished = job.work(budget_ms, clock, &mut || false);
        if first && self.first_replies(run, &job, &mut out) {
            return out;
        }
        if finished {
            out.extend(self.finish(run, &job));
            return out;
        }
        let now = clock();
        if first || now - self.last_progress_ms >= PROGRESS_MS {
            self.last_progress_ms = now;
            out.push(Reply::Progress {
                run,
                done: job.done(),
                total: job.total(),
            });
        }
        self.job = Some((run, job));
        out
    }

    /// After `job`'s first slice: its tornado (kept to draw again), or the
    /// model's refusal. Returns whether the model refused (the run ends).
    fn first_replies(&mut self, run: u64, job: &Job, out: &mut Vec<Reply>) -> bool {
        if let Some(message) = job.refused() {
            out.push(Reply::Refused {
                run,
                message: message.to_owned(),
            });
            return true;
        }
        if let Some(t) = job.tornado() {
            out.push(self.tornado_reply(run, &t.risk));
            self.tornado = Some((run, t.risk));
        }
        false
    }

    /// The simulation of what `job` has run (every path, or those run
    /// before a Cancel), kept to draw again.
    fn finish(&mut self, run: u64, job: &Job) -> Option<Reply> {
        let shown = job.result()?;
        let reply = self.simulated_reply(run, &shown);
        self.simulated = Some((run, shown));
        Some(reply)
    }

    fn tornado_reply(&self, run: u64, risk: &Risk) -> Reply {
        Reply::Tornado {
            run,
            charts: draw(&[RiskChart::Tornado], risk, self.look),
        }
    }

    fn simulated_reply(&self, run: u64, shown: &Shown) -> Reply {
        let risk = &shown.risk;
        Reply::Simulated {
            run,
            paths: risk.simulation.paths,
            total: shown.total,
            charts: draw(&[RiskChart::Histogram, RiskChart::Fan], risk, self.look),
            figures: figures(&risk.simulation),
        }
    }
}

/// `charts` of `risk`, drawn with `look`.
fn draw(charts: &[RiskChart], risk: &Risk, look: Look) -> Vec<Drawn> {
    look.show_currency();
    let theme = if look.dark {
        Theme::dark()
    } else {
        Theme::light()
    };
    let size = Size::for_container(look.width);
    charts
        .iter()
        .map(|&chart| Drawn {
            id: chart_id(chart),
            title: chart.title(risk),
            summary: chart.summary(risk),
            svg: chart.draw(risk, &theme, size).map_err(|e| e.to_string()),
            table: chart.table(risk),
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_look_is_read_back_from_its_text() {
        let brl = crate::currency::Currency::from_text("BRL 5.3 2026-12-01");
        assert!(brl.is_some());
        for look in [
            Look {
                dark: true,
                width: 920,
                currency: None,
            },
            Look {
                dark: false,
                width: 0,
                currency: brl,
            },
        ] {
            assert_eq!(Look::from_text(&look.to_text()), Some(look));
            // And as the worker reads it from a request.
            let request = Request::Draw { look };
            assert_eq!(Request::from_text(&request.to_text()), Some(request));
        }
        assert_eq!(
            Look::from_text("light 330 BRL 5.3 2026-12-01").map(|l| l.to_text()),
            Some("light 330 BRL 5.3 2026-12-01".to_owned())
        );
        for bad in [
            "",
            "dark",
            "grey 10",
            "light -1",
            "light 1.5",
            "light 330 BRL",
            "light 330 BRL 0 2026-12-01",
        ] {
            assert_eq!(Look::from_text(bad), None, "{bad}");
        }
    }

    use super::*;

    const LOOK: Look = Look {
        dark: false,
        width: 800,
        currency: None,
    };

    fn scenario(paths: u32) -> Scenario {
        let mut s = Scenario::default();
        s.risk.paths = paths;
        s
    }

    /// Sends `request` (through its JSON text, as the page does).
    fn ask(engine: &mut Engine, request: &Request) -> Vec<Reply> {
        engine.handle(&request.to_text(), 0.0)
    }

    /// Works until idle, each slice ending at once; every reply, each
    /// through its JSON text.
    fn work_out(engine: &mut Engine) -> Vec<Reply> {
        let mut out = Vec::new();
        let mut t = 0.0;
        let mut slices = 0;
        while engine.busy() {
            slices += 1;
            assert!(slices < 10_000, "no end");
            for r in engine.work(0.0, &mut || {
                t += 50.0;
                t
            }) {
                out.push(Reply::from_text(&r.to_text()).unwrap_or_else(|| panic!("{r:?}")));
            }
        }
        out
    }

    #[test]
    fn a_run_gives_the_models_tornado_and_simulation() {
        let s = scenario(40);
        let whole = crate::model::risk::risk(&s).unwrap_or_else(|e| panic!("{e}"));
        let mut engine = Engine::new();
        assert!(ask(&mut engine, &Request::run(7, &s, LOOK)).is_empty());
        assert!(engine.busy());
        let replies = work_out(&mut engine);
        let Some(Reply::Tornado { run: 7, charts }) = replies.first() else {
            panic!("{replies:?}")
        };
        assert_eq!(charts.len(), 1);
        assert_eq!(charts[0].id, "chart-tornado");
        assert_eq!(charts[0].table, RiskChart::Tornado.table(&whole));
        let Some(Reply::Simulated {
            run: 7,
            paths: 40,
            total: 40,
            charts,
            figures: f,
        }) = replies.last()
        else {
            panic!("{replies:?}")
        };
        assert_eq!(*f, figures(&whole.simulation));
        let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["chart-histogram", "chart-fan"]);
        let theme = Theme::light();
        let size = Size::for_container(800);
        assert_eq!(
            charts[0].svg,
            RiskChart::Histogram
                .draw(&whole, &theme, size)
                .map_err(|e| e.to_string())
        );
        // Progress in between, counting up to the total.
        let progress: Vec<u32> = replies
            .iter()
            .filter_map(|r| match r {
                Reply::Progress {
                    run: 7,
                    done,
                    total: 40,
                } => Some(*done),
                _ => None,
            })
            .collect();
        assert!(!progress.is_empty() && progress.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn the_engine_speaks_the_language_it_is_told() {
        let mut engine = Engine::new();
        let speak = Request::Speak {
            lang: "pt-BR".to_owned(),
            texts: r#"{"Tornado title probe": "Sonda"}"#.to_owned(),
        };
        assert!(ask(&mut engine, &speak).is_empty());
        assert_eq!(crate::lang::current(), crate::lang::Lang::PtBr);
        assert_eq!(crate::lang::tr("Tornado title probe"), "Sonda");
        crate::lang::set(crate::lang::Lang::En);
    }

    #[test]
    fn a_version_1_scenario_runs_as_the_page_holds_it() {
        let s = crate::model::version::v1_defaults();
        let whole = crate::model::risk::risk(&s).unwrap_or_else(|e| panic!("{e}"));
        let mut engine = Engine::new();
        ask(&mut engine, &Request::run(1, &s, LOOK));
        let replies = work_out(&mut engine);
        let Some(Reply::Simulated { figures: f, .. }) = replies.last() else {
            panic!("{replies:?}")
        };
        assert_eq!(*f, figures(&whole.simulation));
    }

    #[test]
    fn cancel_gives_the_paths_run_so_far_and_a_new_run_drops_the_old() {
        let s = scenario(2_000);
        let mut engine = Engine::new();
        ask(&mut engine, &Request::run(1, &s, LOOK));
        let first = engine.work(0.0, &mut || 0.0);
        assert!(matches!(first[0], Reply::Tornado { run: 1, .. }));
        engine.work(0.0, &mut || 0.0);
        // Cancel of another run does nothing.
        assert!(ask(&mut engine, &Request::Cancel { run: 2 }).is_empty());
        assert!(engine.busy());
        let cancelled = ask(&mut engine, &Request::Cancel { run: 1 });
        let [Reply::Simulated {
            run: 1,
            paths,
            total: 2_000,
            ..
        }] = cancelled.as_slice()
        else {
            panic!("{cancelled:?}")
        };
        assert!((1..2_000).contains(paths), "{paths}");
        assert!(!engine.busy());
        // Cancelled before its first slice: the tornado, and no path.
        ask(&mut engine, &Request::run(9, &s, LOOK));
        let early = ask(&mut engine, &Request::Cancel { run: 9 });
        assert!(
            matches!(
                early.as_slice(),
                [
                    Reply::Tornado { run: 9, .. },
                    Reply::Simulated {
                        run: 9,
                        paths: 0,
                        total: 2_000,
                        ..
                    }
                ]
            ),
            "{early:?}"
        );
        // A new run while one is in hand replaces it.
        ask(&mut engine, &Request::run(2, &s, LOOK));
        engine.work(0.0, &mut || 0.0);
        ask(&mut engine, &Request::run(3, &scenario(10), LOOK));
        let replies = work_out(&mut engine);
        assert!(replies.iter().all(|r| !matches!(
            r,
            Reply::Tornado { run: 2, .. } | Reply::Simulated { run: 2, .. }
        )));
        assert!(matches!(
            replies.last(),
            Some(Reply::Simulated {
                run: 3,
                paths: 10,
                ..
            })
        ));
    }

    #[test]
    fn draw_sends_the_last_results_again_in_the_new_look() {
        let mut engine = Engine::new();
        assert!(ask(&mut engine, &Request::Draw { look: LOOK }).is_empty());
        ask(&mut engine, &Request::run(4, &scenario(10), LOOK));
        let before = work_out(&mut engine);
        let dark = Look {
            dark: true,
            width: 360,
            currency: None,
        };
        let again = ask(&mut engine, &Request::Draw { look: dark });
        assert_eq!(again.len(), 2);
        let (Reply::Tornado { run: 4, charts: a }, Some(Reply::Tornado { charts: b, .. })) =
            (&again[0], before.first())
        else {
            panic!("{again:?}")
        };
        assert_ne!(a[0].svg, b[0].svg, "drawn anew");
        assert_eq!(a[0].table, b[0].table);
        assert!(matches!(again[1], Reply::Simulated { run: 4, .. }));
    }

    #[test]
    fn hold_stills_the_work_for_a_while() {
        let mut engine = Engine::new();
        engine.handle(&Request::run(1, &scenario(10), LOOK).to_text(), 0.0);
        assert_eq!(engine.wait_ms(0.0), 0.0);
        assert!(engine.handle(&Request::Hold.to_text(), 100.0).is_empty());
        assert_eq!(engine.wait_ms(100.0), HOLD_MS);
        assert_eq!(engine.wait_ms(130.0), HOLD_MS - 30.0);
        // Held: a slice does nothing, the run stays in hand.
        assert!(engine.work(0.0, &mut || 130.0).is_empty());
        assert!(engine.busy());
        // After the hold, the work goes on.
        assert_eq!(engine.wait_ms(100.0 + HOLD_MS), 0.0);
        assert!(matches!(
            engine.work(0.0, &mut || 100.0 + HOLD_MS).first(),
            Some(Reply::Tornado { run: 1, .. })
        ));
    }

    #[test]
    fn refusals_and_garbage() {
        let mut engine = Engine::new();
        let bad = Request::Run {
            run: 5,
            scenario: "{\"site\": {\"grid_capacity_mw\": -1}}".to_owned(),
            look: LOOK,
        };
        let replies = ask(&mut engine, &bad);
        let [Reply::Refused { run: 5, message }] = replies.as_slice() else {
            panic!("{replies:?}")
        };
        assert!(message.contains("site.grid_capacity_mw"), "{message}");
        assert!(engine.handle("not a request", 0.0).is_empty());
        assert!(engine.handle("{\"ask\":\"fly\"}", 0.0).is_empty());
        assert!(!engine.busy());
        assert!(Reply::from_text("{}").is_none());
    }
}
