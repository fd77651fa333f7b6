//! The saved scenarios' panel, kept in this browser: "Save as…" with a
//! name, and the list to open, rename, duplicate and delete (`crate::saved`
//! is the store's logic; `crate::web` reads and writes the storage).
//!
//! Not part of the page's own download: the saved scenarios' module
//! (`src/extra.rs`) mounts it inside the toolbar's "Saved scenarios"
//! control (`extra`), and it asks the page what it needs through
//! `web::extra::Host`. Storage that is full, unavailable or holds
//! items that do not read says so here; items that do not read are listed
//! with the reason and kept until the user deletes them.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDetailsElement, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::charts::pair::Pair;
use crate::model::{evaluate, Evaluation, Field, Scenario};
use crate::saved::{self, Entry, Shelf, MAX_NAME};
use crate::share;
use crate::ui::compare;
use crate::ui::components::extra;
use crate::ui::risk_engine::Look;
use crate::ui::state::State;
use crate::web::extra::{Ask, Host, Page, SEP};
use crate::web::{self, Listener, StorageError};

/// Every text this panel shows, in the language spoken.
mod words {
    use crate::web::StorageError;

    pub fn name() -> &'static str {
        t!("Name")
    }
    pub fn save() -> &'static str {
        t!("Save as…")
    }
    pub fn none() -> &'static str {
        t!("Nothing saved yet. Saved scenarios stay in this browser.")
    }
    pub fn load() -> &'static str {
        t!("Open")
    }
    pub fn rename() -> &'static str {
        t!("Rename")
    }
    pub fn duplicate() -> &'static str {
        t!("Duplicate")
    }
    pub fn delete() -> &'static str {
        t!("Delete")
    }
    pub fn keep() -> &'static str {
        t!("Keep")
    }
    pub fn cancel() -> &'static str {
        t!("Cancel")
    }
    pub fn unreadable() -> &'static str {
        t!("Could not be read (kept as they are until you delete them):")
    }
    pub fn unavailable() -> &'static str {
        t!("Saved scenarios need this browser's storage, which is not \
        available here (private browsing, or storage turned off). Everything else works; \
        \u{201c}Save scenario\u{201d} saves a file.")
    }
    pub fn set_aside_notice() -> &'static str {
        t!("Some saved scenarios could not be read. They are kept \
        as they are: \u{201c}Saved scenarios\u{201d} lists them with the reason, and deletes \
        them only if you ask.")
    }

    pub fn compare() -> &'static str {
        t!("Compare")
    }
    pub fn current() -> &'static str {
        t!("The current inputs")
    }
    pub fn figure() -> &'static str {
        t!("Figure")
    }
    pub const CHANGE: &str = "B − A";
    pub fn input() -> &'static str {
        t!("Input")
    }
    pub fn same_inputs() -> &'static str {
        t!("A and B have the same inputs.")
    }
    pub fn differing() -> &'static str {
        t!("Inputs that differ")
    }
    pub fn in_report() -> &'static str {
        t!("A and B side by side")
    }
    pub fn link() -> &'static str {
        t!("Copy a link to this comparison")
    }
    pub fn charts() -> &'static str {
        t!("The charts, A solid and B dashed")
    }
    pub fn numbers() -> &'static str {
        t!("Show the numbers")
    }
    pub fn linked_b(name: &str) -> String {
        if name.is_empty() {
            t!("B, from the link").to_owned()
        } else {
            t!("{name} (from the link)", name = name)
        }
    }

    pub fn compared(a: &str, b: &str) -> String {
        format!("A: {a} · B: {b}")
    }
    pub fn not_compared(what: &str, why: impl std::fmt::Display) -> String {
        t!("Not compared: {what}: {why}", what = what, why = why)
    }
    pub fn count(n: usize) -> String {
        format!("({n})")
    }
    pub fn made(moment: &str, version: u64) -> String {
        t!(
            "saved {moment}, model version {version}",
            moment = moment,
            version = version
        )
    }
    pub fn opened(name: &str) -> String {
        t!(
            "Opened the saved scenario \u{201c}{name}\u{201d}. Undo brings back the inputs before it.",
            name = name
        )
    }
    pub fn saved(name: &str) -> String {
        t!("Saved \u{201c}{name}\u{201d}", name = name)
    }
    pub fn renamed(name: &str) -> String {
        t!("Renamed to \u{201c}{name}\u{201d}", name = name)
    }
    pub fn duplicated(name: &str) -> String {
        t!("Saved a copy as \u{201c}{name}\u{201d}", name = name)
    }
    pub fn deleted(name: &str) -> String {
        t!("Deleted \u{201c}{name}\u{201d}", name = name)
    }
    pub fn confirm_delete(name: &str) -> String {
        t!(
            "Delete \u{201c}{name}\u{201d} from this browser?",
            name = name
        )
    }
    pub fn not_saved(why: impl std::fmt::Display) -> String {
        t!("Not saved: {why}", why = why)
    }
    pub fn storage(e: StorageError) -> &'static str {
        match e {
            StorageError::Full => {
                t!(
                    "this browser's storage is full. Nothing was lost: delete saved scenarios you \
                 no longer need, or use \u{201c}Save scenario\u{201d} to save a file"
                )
            }
            StorageError::Unavailable => t!("this browser's storage is not available here"),
            StorageError::Refused => t!("the browser refused to store it"),
        }
    }
    pub fn not_deleted(e: StorageError) -> String {
        t!("Not deleted: {why}", why = storage(e))
    }
}

#[derive(Properties, PartialEq)]
pub struct SavedListProps {
    /// What the page answers: the current scenario, the preset's name, and
    /// opening a scenario.
    pub page: Page,
    /// The toolbar's control the panel is in.
    pub details: HtmlDetailsElement,
}

/// The current scenario, or why it cannot be saved now.
fn current(host: &Host) -> Result<Scenario, String> {
    match host.ask(Ask::Current, "", "") {
        Some(text) => Scenario::from_json(&text).map_err(|e| e.to_string()),
        None => Err(host.ask(Ask::Problem, "Scenario", "").unwrap_or_default()),
    }
}

fn read() -> Result<Shelf, StorageError> {
    web::stored_items(saved::PREFIX).map(Shelf::read)
}

/// What a row shows besides the entry: its buttons, a rename field or a
/// question before deleting (by key).
#[derive(Clone, PartialEq)]
enum Mode {
    Idle,
    Renaming(String),
    Deleting(String),
}

/// What the control holds between renders.
struct Panel {
    shelf: Result<Shelf, StorageError>,
    status: String,
    mode: Mode,
    /// The last comparison asked for, as HTML text, and what was chosen as
    /// A and B (`current` or a saved scenario's key).
    comparison: Option<String>,
    compared: Option<[String; 2]>,
    /// The current inputs as the comparison has them, when they are A or B.
    compared_current: Option<String>,
    /// How the page drew its charts when the comparison drew its own, and
    /// whether it was printing.
    look: Option<(String, bool)>,
    /// The comparison the page's link carried, as the page tells it, once
    /// shown (a new link's is shown again).
    linked: Option<String>,
    /// Whether the report's place holds the comparison.
    in_report: bool,
}

impl Panel {
    /// Compares the scenarios chosen as A and B; says why not.
    fn compare(&mut self, host: &Host, choices: [String; 2]) {
        let none = Shelf::default();
        self.look = drawn_as(host);
        let printing = self.look.as_ref().is_some_and(|(_, printing)| *printing);
        let look = Look::show_told(self.look.as_ref().map(|(look, _)| look.as_str()));
        let size = chart_size(look, printing);
        let made = compare_chosen(host, self.shelf.as_ref().unwrap_or(&none), &choices, size);
        self.compared_current = if choices.iter().any(|c| is_current(c)) {
            host.ask(Ask::Current, "", "")
        } else {
            None
        };
        match made {
            Ok(html) => {
                self.status.clear();
                self.comparison = Some(html);
                self.compared = Some(choices);
            }
            Err(why) => {
                self.status = why;
                self.comparison = None;
                self.compared = None;
            }
        }
    }

    /// The comparison again when the current inputs are A or B and have
    /// changed since, or the page's theme or width has. Whether it was.
    fn follow(&mut self, host: &Host) -> bool {
        let Some(choices) = self.compared.clone() else {
            return false;
        };
        let inputs_changed = choices.iter().any(|c| is_current(c))
            && host.ask(Ask::Current, "", "") != self.compared_current;
        if !inputs_changed && drawn_as(host) == self.look {
            return false;
        }
        self.compare(host, choices);
        true
    }

    /// The report carries the comparison the open panel shows: while the
    /// page prints, it goes in the report's place for it; else the place is
    /// empty. When the current inputs are A or B, the charts of A and B
    /// stand in for the page's own on paper (`data-charts`), so that the
    /// report keeps to three pages.
    fn report(&mut self, host: &Host, shown: bool) {
        let printing = host.ask(Ask::Printing, "", "").is_some();
        // Most renders: not printing, and the place already empty.
        if !printing && !self.in_report {
            return;
        }
        let html = match &self.comparison {
            Some(c) if printing && shown => format!(
                "<h2>{}</h2>{c}",
                crate::ui::components::text::text_html(words::in_report())
            ),
            _ => String::new(),
        };
        if let Some(place) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(extra::REPORT_COMPARISON))
        {
            if place.inner_html() != html {
                place.set_inner_html(&html);
            }
            let charts = if self.compared_current.is_some() {
                extra::CHARTS_REPLACED
            } else {
                extra::CHARTS_ADDED
            };
            let _ = place.set_attribute(extra::CHARTS_ATTRIBUTE, charts);
        }
        self.in_report = !html.is_empty();
    }

    /// Stores an entry; the list changes only once the storage took it.
    fn write(&mut self, made: Result<Entry, saved::Refusal>, done: fn(&str) -> String) {
        let entry = match made {
            Ok(entry) => entry,
            Err(r) => return self.status = words::not_saved(r),
        };
        let Ok(shelf) = &mut self.shelf else {
            return self.status = words::not_saved(words::storage(StorageError::Unavailable));
        };
        match web::store(&entry.key(), &entry.encode()) {
            Ok(()) => {
                self.status = done(&entry.name);
                shelf.put(entry);
                self.mode = Mode::Idle;
            }
            Err(e) => self.status = words::not_saved(words::storage(e)),
        }
    }

    /// Deletes what is stored under `key`, once asked twice.
    fn delete(&mut self, key: &str) {
        let Ok(shelf) = &mut self.shelf else { return };
        self.mode = Mode::Idle;
        let name = shelf
            .entries
            .iter()
            .find(|e| e.key() == key)
            .map_or_else(|| key.to_owned(), |e| e.name.clone());
        match web::unstore(key) {
            Ok(()) => {
                shelf.remove(key);
                self.status = words::deleted(&name);
            }
            Err(e) => self.status = words::not_deleted(e),
        }
    }
}

/// Marks the comparison in `el` busy for screen readers while it is about
/// to follow the page's inputs.
fn set_busy(el: &Element, busy: bool) {
    if let Ok(Some(c)) = el.query_selector(".saved-comparison") {
        let _ = if busy {
            c.set_attribute("aria-busy", "true")
        } else {
            c.remove_attribute("aria-busy")
        };
    }
}

/// The text typed in the first text field inside `el`.
fn typed(el: &Element) -> String {
    el.query_selector("input")
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// The value chosen in the `<select name=NAME>` inside `el`.
fn chosen(el: &Element, name: &str) -> String {
    el.query_selector(&format!("select[name={name}]"))
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// The scenario chosen as `side` (A or B): the current inputs (`current`)
/// or a saved scenario (its key); its name, or why it cannot be compared.
/// The choice of the current inputs as A or B.
const CURRENT: &str = "current";

/// A link's comparison: its A (the current inputs, which the link filled)
/// and its B (the link's own scenario).
const LINKED_A: &str = "linked-a";
const LINKED_B: &str = "linked-b";

/// Whether a choice is the current inputs (as such, or as a link's A).
fn is_current(choice: &str) -> bool {
    choice == CURRENT || choice == LINKED_A
}

/// The comparison the page's link carried, if any.
fn linked(host: &Host) -> Option<share::Linked> {
    share::Linked::from_text(&host.ask(Ask::Linked, "", "")?, SEP)
}

/// The scenario of a link's text, or why it cannot be compared.
fn scenario_of_link(fragment: &str) -> Result<Scenario, String> {
    // Read as the page reads a link it is opened with.
    let opened = State::open(None, fragment);
    if !opened.problems.is_empty() {
        return Err(opened.problems.join("; "));
    }
    let state = opened.state;
    if !state.is_stale() {
        return Ok((*state.scenario).clone());
    }
    let problems: Vec<String> = state
        .general_errors()
        .map(|e| e.to_string())
        .chain(
            Field::ALL
                .iter()
                .filter_map(|&f| state.error(f).map(|e| e.to_string())),
        )
        .collect();
    Err(problems.join("; "))
}

fn side(host: &Host, shelf: &Shelf, choice: &str) -> Result<(String, Scenario), String> {
    if choice == CURRENT {
        return current(host).map(|s| (words::current().to_owned(), s));
    }
    if choice == LINKED_A || choice == LINKED_B {
        let link = linked(host).ok_or_else(|| saved::Refusal::Gone.to_string())?;
        return if choice == LINKED_A {
            let name = if link.a.is_empty() {
                words::current().to_owned()
            } else {
                link.a
            };
            current(host).map(|s| (name, s))
        } else {
            scenario_of_link(&link.vs).map(|s| (words::linked_b(&link.b), s))
        };
    }
    let id = choice.strip_prefix(saved::PREFIX).unwrap_or_default();
    shelf
        .get(id)
        .map(|e| (e.name.clone(), e.scenario.clone()))
        .ok_or_else(|| saved::Refusal::Gone.to_string())
}

/// The link text of what was chosen as A or B, with its name.
fn fragment_of(host: &Host, shelf: &Shelf, choice: &str) -> Option<(String, String)> {
    if choice == LINKED_B {
        return linked(host).map(|l| (l.b, l.vs));
    }
    if is_current(choice) {
        let name = match linked(host) {
            Some(l) if choice == LINKED_A => l.a,
            _ => words::current().to_owned(),
        };
        return Some((name, host.ask(Ask::Fragment, "", "")?));
    }
    let e = shelf.get(choice.strip_prefix(saved::PREFIX)?)?;
    let texts: Vec<(Field, String)> = Field::ALL
        .iter()
        .map(|&f| (f, f.text(&e.scenario)))
        .collect();
    let fragment = share::encode_fragment(
        texts.iter().map(|(f, t)| (*f, t.as_str())),
        None,
        e.version(),
    );
    Some((e.name.clone(), fragment))
}

/// A row's cells, each marked with its column (A, B, B − A) for a phone,
/// which shows them as rows.
fn side_cells<const N: usize>(h: &mut String, cells: [&String; N]) {
    use crate::charts::svg::escape;
    for (side, cell) in ["A", "B", words::CHANGE].iter().zip(cells) {
        h.push_str("<td data-side=\"");
        h.push_str(&escape(side));
        h.push_str("\">");
        h.push_str(&escape(cell));
        h.push_str("</td>");
    }
}

/// A and B side by side, as HTML text: the headline figures with the change
/// from A to B, the inputs that differ, then each chart drawn for both (in
/// the page's theme, at its charts' width, but no wider than the panel
/// shows them). Every text is escaped.
fn comparison(
    a: (&str, &Evaluation, &Scenario),
    b: (&str, &Evaluation, &Scenario),
    size: ChartSize,
) -> String {
    use crate::ui::components::text::push_element;
    let mut h = String::from("<div class=\"saved-comparison\"><p class=\"compared\">");
    push_element(&mut h, "strong", &words::compared(a.0, b.0));
    h.push_str("</p>");
    if let Some(c) = crate::currency::shown() {
        h.push_str("<p class=\"currency-note\">");
        h.push_str(&crate::charts::svg::escape(&c.note()));
        h.push_str("</p>");
    }
    h.push_str("<table class=\"compare-figures\"><thead><tr>");
    for head in [words::figure(), "A", "B", words::CHANGE] {
        push_element(&mut h, "th", head);
    }
    h.push_str("</tr></thead><tbody>");
    for r in compare::figures(a.1, b.1) {
        h.push_str("<tr>");
        push_element(&mut h, "th", &r.label);
        side_cells(&mut h, [&r.a, &r.b, &r.change]);
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    let inputs = compare::inputs(a.2, b.2);
    if inputs.is_empty() {
        push_element(&mut h, "p", words::same_inputs());
    } else {
        h.push_str("<table class=\"compare-inputs\"><caption>");
        h.push_str(&crate::ui::components::text::text_html(words::differing()));
        h.push_str("</caption><thead><tr>");
        for head in [words::input(), "A", "B"] {
            push_element(&mut h, "th", head);
        }
        h.push_str("</tr></thead><tbody>");
        for r in inputs {
            h.push_str("<tr>");
            push_element(&mut h, "th", &r.label);
            side_cells(&mut h, [&r.a, &r.b]);
            h.push_str("</tr>");
        }
        h.push_str("</tbody></table>");
    }
    let pair = Pair {
        a: a.1,
        a_name: a.0,
        b: b.1,
        b_name: b.0,
    };
    push_charts(&mut h, &pair, size);
    h.push_str("</div>");
    h
}

/// Widest the panel shows a chart, CSS px.
const CHART_MAX_WIDTH: u32 = 780;
/// How tall a chart of A and B is on paper, px: two by two, shorter than
/// the page's own, so that a report with a comparison keeps to three pages.
const PAPER_CHART_HEIGHT: u32 = 230;

/// How the page draws its charts now, and whether it is printing.
fn drawn_as(host: &Host) -> Option<(String, bool)> {
    let look = host.ask(Ask::Look, "", "")?;
    Some((look, host.ask(Ask::Printing, "", "").is_some()))
}

/// The theme and size of the charts of A and B.
#[derive(Clone, Copy, Debug)]
struct ChartSize {
    dark: bool,
    size: crate::charts::Size,
}

/// The charts of A and B drawn as the page draws its own (the page's
/// theme, its charts' width but no wider than the panel shows them;
/// shorter on paper).
fn chart_size(look: Option<Look>, printing: bool) -> ChartSize {
    use crate::charts::Size;
    let width = look.map_or(CHART_MAX_WIDTH, |l| l.width.min(CHART_MAX_WIDTH));
    let mut size = Size::for_container(width);
    if printing {
        size.height = PAPER_CHART_HEIGHT;
    }
    ChartSize {
        dark: look.is_some_and(|l| l.dark),
        size,
    }
}

/// Each chart of A and B, with its summary and the numbers behind it.
fn push_charts(h: &mut String, pair: &Pair<'_>, ChartSize { dark, size }: ChartSize) {
    use crate::charts::{pair, svg::escape, Chart, Theme};
    use crate::ui::components::chart_card::table_html;
    use crate::ui::components::text::push_element;
    let theme = if dark { Theme::dark() } else { Theme::light() };
    h.push_str("<div class=\"compare-charts\">");
    push_element(h, "h3", words::charts());
    for chart in Chart::ALL {
        h.push_str("<figure class=\"compare-chart\" data-chart=\"");
        h.push_str(chart.id());
        h.push_str("\">");
        push_element(h, "h4", &pair::title(chart));
        match pair::draw(chart, pair, &theme, size) {
            Ok(svg) => h.push_str(&svg),
            Err(e) => {
                h.push_str("<p class=\"error\" role=\"alert\">");
                h.push_str(&escape(&e.to_string()));
                h.push_str("</p>");
            }
        }
        push_element(h, "figcaption", &pair::summary(chart, pair));
        let table = pair::table(chart, pair);
        h.push_str("<details class=\"numbers\">");
        push_element(h, "summary", words::numbers());
        h.push_str("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"");
        h.push_str(&escape(&table.caption));
        h.push_str("\">");
        h.push_str(&table_html(&table));
        h.push_str("</div></details></figure>");
    }
    h.push_str("</div>");
}

/// Compares what was chosen as A and B.
fn compare_chosen(
    host: &Host,
    shelf: &Shelf,
    [a, b]: &[String; 2],
    size: ChartSize,
) -> Result<String, String> {
    let (a_name, a) = side(host, shelf, a)?;
    let (b_name, b) = side(host, shelf, b)?;
    let ra = evaluate(&a).map_err(|e| words::not_compared(&a_name, e))?;
    let rb = evaluate(&b).map_err(|e| words::not_compared(&b_name, e))?;
    Ok(comparison((&a_name, &ra, &a), (&b_name, &rb, &b), size))
}

#[function_component(SavedList)]
pub fn saved_list(props: &SavedListProps) -> Html {
    let panel = use_mut_ref(|| Panel {
        shelf: read(),
        status: String::new(),
        mode: Mode::Idle,
        comparison: None,
        compared: None,
        compared_current: None,
        look: None,
        linked: None,
        in_report: false,
    });
    let redraw = use_force_update();
    let host = props.page.0.clone();

    {
        let host = host.clone();
        let found = panel
            .borrow()
            .shelf
            .as_ref()
            .is_ok_and(|s| !s.set_aside.is_empty());
        use_effect_with((), move |()| {
            if found {
                host.ask(Ask::Notice, words::set_aside_notice(), "");
            }
        });
    }
    // The rename field starts with the name (set once, so a failed attempt
    // keeps what was typed).
    {
        let details = props.details.clone();
        let start = match &*panel.borrow() {
            Panel {
                mode: Mode::Renaming(key),
                shelf: Ok(s),
                ..
            } => s
                .entries
                .iter()
                .find(|e| e.key() == *key)
                .map(|e| e.name.clone()),
            _ => None,
        };
        use_effect_with(start, move |start| {
            let input = details
                .query_selector(".saved-rename input")
                .ok()
                .flatten()
                .and_then(|i| i.dyn_into::<HtmlInputElement>().ok());
            if let (Some(name), Some(input)) = (start, input) {
                input.set_value(name);
                let _ = input.focus();
            }
        });
    }

    // One handler for everything inside: the panel opening (the storage is
    // read again, another tab may have saved, and a name is offered from
    // the preset and today's date), Escape, the buttons and the two forms,
    // told apart by `data-action`, the row by its `data-key`.
    // The comparison's next following of the page's inputs, if due.
    let following = use_mut_ref(|| None::<web::Timer>);
    let act = {
        let (panel, redraw, d) = (panel.clone(), redraw.clone(), props.details.clone());
        let host = host.clone();
        Callback::from(move |e: Event| {
            let mut p = panel.borrow_mut();
            match e.type_().as_str() {
                "toggle" => {
                    if !d.open() {
                        return;
                    }
                    p.shelf = read();
                    p.mode = Mode::Idle;
                    p.follow(&host);
                    let today = saved::day(web::local_ms(web::now_ms()));
                    if let Some(input) = d
                        .query_selector("input[name=saved-name]")
                        .ok()
                        .flatten()
                        .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
                    {
                        input.set_value(&saved::default_name(
                            host.ask(Ask::Preset, "", "").as_deref(),
                            &today,
                        ));
                    }
                }
                // The page rendered: a comparison of its current inputs, while
                // shown, follows them.
                "repower:rendered" => {
                    // A link's comparison, new: shown at once.
                    let now = host.ask(Ask::Linked, "", "");
                    if now.is_some() && now != p.linked {
                        p.linked = now;
                        p.shelf = read();
                        p.compare(&host, [LINKED_A.to_owned(), LINKED_B.to_owned()]);
                        d.set_open(true);
                        drop(p);
                        redraw.force_update();
                        return;
                    }
                    // While printing, at once: the report must carry it.
                    if !d.open() || host.ask(Ask::Printing, "", "").is_some() {
                        let followed = d.open() && p.follow(&host);
                        p.report(&host, d.open());
                        if !followed {
                            return;
                        }
                    } else {
                        // Else in a task of its own, after the page's: the
                        // edit is answered first, the comparison a task
                        // later (busy for screen readers until then), and
                        // a burst of edits is followed once.
                        p.report(&host, true);
                        if p.compared.is_none() {
                            return;
                        }
                        set_busy(&d, true);
                        let (panel, redraw, host, d) =
                            (panel.clone(), redraw.clone(), host.clone(), d.clone());
                        *following.borrow_mut() = Some(web::Timer::after(0, move || {
                            let followed = d.open() && panel.borrow_mut().follow(&host);
                            if !followed {
                                return set_busy(&d, false);
                            }
                            redraw.force_update();
                            // Laid out in this task, not the next edit's.
                            web::after_renders(move || {
                                set_busy(&d, false);
                                web::lay_out(&d);
                            });
                        }));
                        return;
                    }
                }
                "keydown" => {
                    let escape = e
                        .dyn_ref::<KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape");
                    if !(escape && d.open()) {
                        return;
                    }
                    e.prevent_default();
                    d.set_open(false);
                    if let Some(summary) = d
                        .first_element_child()
                        .and_then(|s| s.dyn_into::<HtmlElement>().ok())
                    {
                        let _ = summary.focus();
                    }
                    return;
                }
                _ => {
                    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                    let Some(el) = target.and_then(|t| t.closest("[data-action]").ok().flatten())
                    else {
                        return;
                    };
                    // A form acts on its submit, not on a click inside it.
                    if (el.tag_name() == "FORM") != (e.type_() == "submit") {
                        return;
                    }
                    let action = el.get_attribute("data-action").unwrap_or_default();
                    let key = el
                        .closest("[data-key]")
                        .ok()
                        .flatten()
                        .and_then(|r| r.get_attribute("data-key"))
                        .unwrap_or_default();
                    let id = key.strip_prefix(saved::PREFIX).unwrap_or_default();
                    let shelf = p.shelf.clone().unwrap_or_default();
                    e.prevent_default();
                    match action.as_str() {
                        "save" => match current(&host) {
                            Ok(s) => {
                                let made = shelf.saving(&typed(&el), &s, web::now_ms());
                                p.write(made, words::saved);
                            }
                            Err(why) => p.status = why,
                        },
                        "rename" => p.mode = Mode::Renaming(key),
                        "renamed" => p.write(shelf.renaming(id, &typed(&el)), words::renamed),
                        "duplicate" => {
                            p.write(shelf.duplicating(id, web::now_ms()), words::duplicated);
                        }
                        "delete" => p.mode = Mode::Deleting(key),
                        "confirm-delete" => p.delete(&key),
                        "keep" => p.mode = Mode::Idle,
                        "compare" => {
                            let choices = [chosen(&el, "a"), chosen(&el, "b")];
                            p.compare(&host, choices);
                        }
                        "link" => {
                            let sides = p.compared.clone().and_then(|[a, b]| {
                                Some((
                                    fragment_of(&host, &shelf, &a)?,
                                    fragment_of(&host, &shelf, &b)?,
                                ))
                            });
                            let Some(((a_name, a), (b_name, b))) = sides else {
                                p.status = saved::Refusal::Gone.to_string();
                                drop(p);
                                return redraw.force_update();
                            };
                            let fragment = share::encode_comparison(&a, &a_name, &b, &b_name);
                            let (panel, redraw) = (panel.clone(), redraw.clone());
                            web::share_link(&fragment, move |message| {
                                panel.borrow_mut().status = message;
                                redraw.force_update();
                            });
                        }
                        "open" => {
                            let Some(entry) = shelf.get(id) else { return };
                            p.status.clear();
                            d.set_open(false);
                            host.ask(
                                Ask::Open,
                                &entry.scenario.to_json_pretty(),
                                &words::opened(&entry.name),
                            );
                        }
                        _ => return,
                    }
                }
            }
            drop(p);
            redraw.force_update();
        })
    };

    let p = panel.borrow();
    let buttons = |key: &str, name: &str, entry: bool| match &p.mode {
        Mode::Renaming(k) if k == key => html! {
            <form class="saved-rename" data-action="renamed">
                <input type="text" aria-label={words::name()} maxlength={MAX_NAME.to_string()} />
                <button type="submit">{ words::rename() }</button>
                <button type="button" data-action="keep">{ words::cancel() }</button>
            </form>
        },
        Mode::Deleting(k) if k == key => html! {
            <span class="saved-actions">
                { words::confirm_delete(name) }
                <button type="button" class="danger" data-action="confirm-delete">{ words::delete() }</button>
                <button type="button" data-action="keep">{ words::keep() }</button>
            </span>
        },
        _ => html! {
            <span class="saved-actions">
                if entry {
                    <button type="button" data-action="open">{ words::load() }</button>
                    <button type="button" data-action="rename">{ words::rename() }</button>
                    <button type="button" data-action="duplicate">{ words::duplicate() }</button>
                }
                <button type="button" data-action="delete">{ words::delete() }</button>
            </span>
        },
    };
    let row = |key: String, name: Html, about: String, entry: bool, label: &str| {
        html! {
            <li key={key.clone()} data-key={key.clone()}>
                <span class="saved-name">{ name }</span>
                <span class="saved-when">{ about }</span>
                { buttons(&key, label, entry) }
            </li>
        }
    };

    // A choice of A or B: the current inputs, or a saved scenario (the
    // `first`th saved one chosen at first, else the current inputs).
    let pick = |name: &'static str, side: &'static str, first: usize| {
        let entries = p
            .shelf
            .as_ref()
            .map(|s| s.entries.as_slice())
            .unwrap_or_default();
        html! {
            <label>
                <span>{ side }</span>
                <select {name}>
                    <option value={CURRENT} selected={entries.len() <= first}>{ words::current() }</option>
                    { for entries.iter().enumerate().map(|(i, e)| html! {
                        <option value={e.key()} selected={i == first}>{ e.name.clone() }</option>
                    }) }
                </select>
            </label>
        }
    };
    let (count, inside) = match &p.shelf {
        Err(_) => (
            String::new(),
            html! { <p class="saved-unavailable">{ words::unavailable() }</p> },
        ),
        Ok(shelf) => (
            words::count(shelf.entries.len()),
            html! {
                <>
                    <form class="save-as" data-action="save">
                        <label>
                            <span>{ words::name() }</span>
                            <input type="text" name="saved-name" maxlength={MAX_NAME.to_string()} />
                        </label>
                        <button type="submit">{ words::save() }</button>
                    </form>
                    <p class="saved-status" role="status">{ p.status.clone() }</p>
                    if shelf.entries.is_empty() {
                        <p class="saved-empty">{ words::none() }</p>
                    } else {
                        <ul class="saved-entries">
                            { for shelf.entries.iter().map(|e| row(
                                e.key(),
                                html! { { e.name.clone() } },
                                words::made(&saved::moment(web::local_ms(e.saved_at)), e.version()),
                                true,
                                &e.name,
                            )) }
                        </ul>
                    }
                    if !shelf.entries.is_empty() {
                        <form class="saved-compare" data-action="compare">
                            { pick("a", "A", 0) }{ pick("b", "B", 1) }
                            <button type="submit">{ words::compare() }</button>
                        </form>
                    }
                    if let Some(html) = &p.comparison {
                        { Html::from_html_unchecked(AttrValue::from(html.clone())) }
                        <button type="button" class="saved-link" data-action="link">{ words::link() }</button>
                    }
                    if !shelf.set_aside.is_empty() {
                        <p class="saved-unreadable">{ words::unreadable() }</p>
                        <ul class="saved-set-aside">
                            { for shelf.set_aside.iter().map(|s| row(
                                s.key.clone(),
                                html! { <code>{ s.key.clone() }</code> },
                                s.why.to_string(),
                                false,
                                &s.key,
                            )) }
                        </ul>
                    }
                </>
            },
        ),
    };
    // The control the panel is in: opening it (also before the panel was
    // mounted) and Escape; the count of saved scenarios in its summary.
    let listeners = use_mut_ref(Vec::<Listener>::new);
    {
        let (act, details) = (act.clone(), props.details.clone());
        use_effect_with((), move |()| {
            let target: &web_sys::EventTarget = details.as_ref();
            let mut l = listeners.borrow_mut();
            for event in ["toggle", "keydown"] {
                let act = act.clone();
                l.push(web::on_event(target, event, move |e| act.emit(e)));
            }
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                let act = act.clone();
                l.push(web::on_event(doc.as_ref(), "repower:rendered", move |e| {
                    act.emit(e)
                }));
            }
            if details.open() {
                if let Ok(e) = Event::new("toggle") {
                    act.emit(e);
                }
            }
            // A comparison the page's link carried shows at once.
            if let Ok(e) = Event::new("repower:rendered") {
                act.emit(e);
            }
        });
    }
    {
        let details = props.details.clone();
        let count = count.clone();
        use_effect(move || {
            if let Ok(Some(c)) = details.query_selector(".saved-count") {
                c.set_text_content(Some(&count));
            }
        });
    }
    html! {
        <div class="saved-inner" onclick={act.reform(Event::from)} onsubmit={act.reform(Event::from)}>
            { inside }
        </div>
    }
}
