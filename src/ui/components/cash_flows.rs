//! "Monthly cash flows": the evaluator's monthly rows with each period's
//! totals (`crate::export`), closed until opened, and the two CSV files.
//!
//! The table is built only while the section is open, so a closed section
//! costs an edit nothing.

use std::fmt::Write;
use std::rc::Rc;

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::export::{self, Csv, COLUMNS};
use crate::model::{Evaluation, MonthRow, ScenarioErrors};

const NOTE: &str = "One row per month from month 0, as the evaluator's \"monthly\" gives it. \
    After the build and after each contract year, its totals: sums, the leased MW averaged, \
    the cumulative advantage at the period's end.";

#[derive(Properties)]
pub struct CashFlowsProps {
    /// The page's evaluation (compared by address).
    pub result: Rc<Result<Evaluation, ScenarioErrors>>,
    /// Whether the form has changed since (the figures are out of date).
    pub stale: bool,
    /// Offers a file; returns what happened, for the status line.
    pub on_download: Callback<Csv, String>,
}

impl PartialEq for CashFlowsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.result, &other.result)
            && self.stale == other.stale
            && self.on_download == other.on_download
    }
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
/// `<` or an `&`.
fn table(h: &mut String, result: &Evaluation) {
    h.push_str("<table><caption>Cash flows by month</caption><thead><tr><th scope=\"col\">");
    h.push_str(export::MONTH);
    for c in &COLUMNS {
        h.push_str("</th><th scope=\"col\">");
        h.push_str(&c.header());
    }
    h.push_str("</th></tr></thead><tbody>");
    let month_row = |h: &mut String, r: &MonthRow| {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", r.month);
        cells(h, std::array::from_fn(|i| (COLUMNS[i].value)(r)));
    };
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
            "<tr class=\"subtotal\"><th scope=\"row\">{}<br><span class=\"months\">months {}–{}</span></th>",
            p.stretch.name(),
            p.first_month,
            p.last_month
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
        h.push_str("<p class=\"stale-note\">Out of date: these are the figures of the last valid inputs.</p>");
    }
    // Without figures (the page says why above), nothing.
    if let Ok(r) = result {
        h.push_str("<p class=\"cash-flows-note\">");
        h.push_str(NOTE);
        h.push_str("</p><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Monthly cash flows (scrolls both ways)\">");
        table(&mut h, r);
        h.push_str("</div>");
    }
    h
}

/// The section's summary and its buttons, as HTML text: the same at every
/// render, so the page keeps these nodes (and a button's focus); a click on
/// a button reaches the section's `onclick` by its `data-csv`.
fn head() -> String {
    let mut h = String::from(
        "<summary><h2>Monthly cash flows</h2><span class=\"cash-flows-lead\">\
         Every month of both paths, with yearly totals, to check the figures by hand</span></summary>\
         <div class=\"cash-flows-files\">",
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

#[function_component(CashFlows)]
pub fn cash_flows(props: &CashFlowsProps) -> Html {
    let open = use_state_eq(|| false);
    let message = use_state_eq(|| None::<String>);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    // A click on a button of the head (`data-csv`).
    let onclick = {
        let on_download = props.on_download.clone();
        let message = message.clone();
        Callback::from(move |e: MouseEvent| {
            let csv = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("[data-csv]").ok().flatten())
                .and_then(|b| b.get_attribute("data-csv"))
                .and_then(|id| Csv::ALL.into_iter().find(|c| c.file_name() == id));
            if let Some(csv) = csv {
                message.set(Some(on_download.emit(csv)));
            }
        })
    };
    let body = if *open {
        Html::from_html_unchecked(body(&props.result, props.stale).into())
    } else {
        Html::default()
    };
    html! {
        <details class={if props.stale { "cash-flows stale" } else { "cash-flows" }} id="cash-flows"
            open={*open} {ontoggle} {onclick}>
            { Html::from_html_unchecked(head().into()) }
            <div class="cash-flows-body">
                <p role="status">{ (*message).clone().unwrap_or_default() }</p>
                { body }
            </div>
        </details>
    }
}
