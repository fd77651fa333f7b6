//! "Monthly cash flows": the evaluator's monthly rows with each period's
//! totals (`crate::export`), closed until opened, and the two CSV files.
//!
//! The page draws the section's head ([`head`], in `extra::cash_flows`);
//! the page's extra module fills it ([`CashFlows`], mounted by
//! `src/extra.rs` when the section is first opened). The module works the
//! figures out from the scenario the page's figures are of, again after
//! each render of the page that changed it, and only while the section is
//! open, so a closed section costs an edit nothing.

use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::charts::svg::escape;
use crate::export::{self, Csv, COLUMNS};
use crate::model::{evaluate, Evaluation, MonthRow, Scenario, ScenarioErrors};
use crate::ui::components::text::text_html;
use crate::ui::risk_engine::Look;
use crate::web::extra::{follow_page, Ask, Page};
use crate::web::{self, Listener};

const NOTE: &str = en!(
    "One row per month from month 0, as the evaluator's \"monthly\" gives it. \
    After the build and after each contract year, its totals: sums, the leased MW averaged, \
    the cumulative advantage at the period's end."
);

#[derive(Properties, PartialEq)]
pub struct CashFlowsProps {
    /// What the page answers: the scenario its figures are of, whether the
    /// form has changed since, and why a file cannot be saved now.
    pub page: Page,
    /// The section the module fills.
    pub details: HtmlDetailsElement,
}

/// A row's figures and the row's end.
fn cells(h: &mut String, values: [f64; COLUMNS.len()]) {
    for (c, x) in COLUMNS.iter().zip(values) {
        h.push_str("<td>");
        h.push_str(&c.unit.show(x));
        h.push_str("</td>");
    }
    h.push_str("</tr>");
}

/// The table as HTML text, set in one piece: its ~2,500 cells are laid out
/// by the browser's parser rather than built as as many virtual nodes
/// (less code, a quicker render). Every text in it is the page's own: the
/// columns' names and numbers as `crate::format` writes them, none with a
/// `<` or an `&`; the table's own words escaped.
fn table(h: &mut String, result: &Evaluation) {
    let _ = write!(
        h,
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">",
        text_html(t!("Cash flows by month"))
    );
    h.push_str(export::month_header());
    for c in &COLUMNS {
        h.push_str("</th><th scope=\"col\">");
        h.push_str(&c.header());
    }
    h.push_str("</th></tr></thead><tbody>");
    let month_row = |h: &mut String, r: &MonthRow| {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", r.month);
        cells(h, std::array::from_fn(|i| (COLUMNS[i].value)(r)));
    };
    // Read once for the whole table.
    let months_of = text_html(t!("months {first}\u{2013}{last}"));
    for p in export::periods(result) {
        let months = result
            .monthly
            .get(p.first_month as usize..=p.last_month as usize)
            .unwrap_or_default();
        for r in months {
            month_row(h, r);
        }
        let _ = write!(
            h,
            "<tr class=\"subtotal\"><th scope=\"row\">{}<br><span class=\"months\">{}</span></th>",
            p.stretch.name(),
            crate::lang::fill(
                &months_of,
                &["first", "last"],
                &[&p.first_month, &p.last_month],
            ),
        );
        cells(h, p.values);
    }
    h.push_str("</tbody></table>");
}

/// What the open section shows below its buttons, as HTML text (see
/// [`table`]): whether the figures are out of date, how to read the table,
/// the table.
fn body(result: &Result<Evaluation, ScenarioErrors>, stale: bool) -> String {
    let mut h = String::with_capacity(64 * 1024);
    if stale {
        let _ = write!(
            h,
            "<p class=\"stale-note\">{}</p>",
            text_html(t!(
                "Out of date: these are the figures of the last valid inputs."
            ))
        );
    }
    // Without figures (the page says why above), nothing.
    if let Ok(r) = result {
        h.push_str("<p class=\"cash-flows-note\">");
        h.push_str(&text_html(crate::lang::tr(NOTE)));
        let _ = write!(
            h,
            "</p><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">",
            escape(t!("Monthly cash flows (scrolls both ways)"))
        );
        table(&mut h, r);
        h.push_str("</div>");
    }
    h
}

/// The section's summary and its buttons, as HTML text: the same at every
/// render, so the page keeps these nodes (and a button's focus); a click on
/// a button reaches the section's `onclick` by its `data-csv`.
pub fn head() -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<summary><h2>{}</h2><span class=\"cash-flows-lead\">{}</span></summary>\
         <div class=\"cash-flows-files\">",
        text_html(t!("Monthly cash flows")),
        text_html(t!(
            "Every month of both paths, with yearly totals, to check the figures by hand"
        )),
    );
    for csv in Csv::ALL {
        let _ = write!(
            h,
            "<button type=\"button\" data-csv=\"{}\">{}</button>",
            csv.file_name(),
            csv.label()
        );
    }
    h.push_str("</div>");
    h
}

/// The figures the section shows, and what they are of.
#[derive(Default)]
struct Shown {
    /// The scenario file's text the figures are of.
    text: String,
    /// The page's look (its display currency) the figures are written in.
    look: Option<String>,
    stale: bool,
    result: Option<Rc<Result<Evaluation, ScenarioErrors>>>,
}

impl Shown {
    /// Asks the page what its figures are of; works them out again when that
    /// changed. Whether anything changed.
    fn follow(&mut self, host: &Page) -> bool {
        let text = host.0.ask(Ask::Scenario, "", "").unwrap_or_default();
        let stale = host.0.ask(Ask::Stale, "", "").is_some();
        let look = host.0.ask(Ask::Look, "", "");
        Look::show_told(look.as_deref());
        if self.result.is_some() && text == self.text && stale == self.stale && look == self.look {
            return false;
        }
        self.look = look;
        let result = Scenario::from_json(&text).and_then(|s| evaluate(&s));
        self.result = Some(Rc::new(result));
        self.text = text;
        self.stale = stale;
        true
    }
}

#[function_component(CashFlows)]
pub fn cash_flows(props: &CashFlowsProps) -> Html {
    let shown = use_mut_ref(Shown::default);
    let redraw = use_force_update();
    let listeners = use_mut_ref(Vec::<Listener>::new);
    {
        let (details, page) = (props.details.clone(), props.page.clone());
        let (shown, redraw) = (shown.clone(), redraw.clone());
        use_effect_with((), move |()| {
            // Opened or closed (drawn again); and each render of the page,
            // while open.
            let follow = {
                let (details, page, shown) = (details.clone(), page.clone(), shown.clone());
                move |e: web_sys::Event| {
                    let changed = details.open() && shown.borrow_mut().follow(&page);
                    if changed || e.type_() == "toggle" {
                        redraw.force_update();
                    }
                }
            };
            let mut l = listeners.borrow_mut();
            *l = follow_page(&details, follow);
            let target: &web_sys::EventTarget = details.as_ref();
            // A click on a button of the head (`data-csv`); what happened is
            // said on the section's status line.
            let status = details.query_selector(".extra-state").ok().flatten();
            l.push(web::on_event(target, "click", move |e| {
                let csv = e
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|t| t.closest("[data-csv]").ok().flatten())
                    .and_then(|b| b.get_attribute("data-csv"))
                    .and_then(|id| Csv::ALL.into_iter().find(|c| c.file_name() == id));
                if let (Some(csv), Some(status)) = (csv, &status) {
                    status.set_text_content(Some(&download(&page, &shown, csv)));
                }
            }));
        });
    }
    let shown = shown.borrow();
    match &shown.result {
        Some(result) if props.details.open() => {
            Html::from_html_unchecked(body(result, shown.stale).into())
        }
        _ => Html::default(),
    }
}

/// Offers a file of the figures shown; what happened, for the status line.
/// Refused (with the reason) while the form is out of date, as "Save
/// results" is.
fn download(page: &Page, shown: &Rc<RefCell<Shown>>, csv: Csv) -> String {
    if let Some(message) = page.0.ask(Ask::Problem, csv.label(), "") {
        return message;
    }
    match shown.borrow().result.as_deref() {
        Some(Ok(r)) => web::download(csv.file_name(), "text/csv;charset=utf-8", &csv.write(r)),
        Some(Err(e)) => e.to_string(),
        None => String::new(),
    }
}
