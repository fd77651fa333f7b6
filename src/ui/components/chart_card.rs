//! One chart: heading, the SVG drawn by `crate::charts`, a text summary for
//! screen readers, and a "show the numbers" table.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::Table;

/// A drawn chart, ready to show.
#[derive(Clone, PartialEq)]
pub struct ChartView {
    /// The element id (`chart-revenue`).
    pub id: String,
    pub title: String,
    pub summary: String,
    /// SVG text, or the drawing error's message.
    pub svg: Result<AttrValue, String>,
    /// Whether the drawing is of the current results (a chart far from the
    /// window keeps its last drawing until it comes near; see
    /// `ui::drawings`). The title, summary and table always are.
    pub current: bool,
    pub table: Rc<Table>,
}

#[derive(Properties, PartialEq)]
pub struct ChartCardProps {
    pub chart: ChartView,
    pub stale: bool,
}

#[function_component(ChartCard)]
pub fn chart_card(props: &ChartCardProps) -> Html {
    let c = &props.chart;
    let heading_id = format!("{}-title", c.id);
    let figure = match &c.svg {
        // The SVG is text our own pure chart code wrote from numbers.
        Ok(svg) => Html::from_html_unchecked(svg.clone()),
        Err(message) => html! { <p class="error" role="alert">{ message.clone() }</p> },
    };
    html! {
        <section class={classes!("chart", props.stale.then_some("stale"))} id={c.id.clone()}
            aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ c.title.clone() }</h2>
            if props.stale {
                <p class="stale-note">{ "Out of date: showing the last valid inputs." }</p>
            }
            <figure>
                // A drawing of earlier results (far from the window, about to
                // be drawn again) is hidden from screen readers, which read
                // the current summary below it.
                <div class="svg-frame" data-current={c.current.to_string()}
                    aria-hidden={(!c.current).then_some("true")}>{ figure }</div>
                <figcaption>{ c.summary.clone() }</figcaption>
            </figure>
            <details class="numbers">
                <summary>{ "Show the numbers" }</summary>
                <div class="table-scroll">
                    <table>
                        <caption>{ c.table.caption.clone() }</caption>
                        <thead><tr>{ for c.table.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                        <tbody>
                            { for c.table.rows.iter().map(|row| html! {
                                <tr>{ for row.iter().map(|cell| html! { <td>{ cell.clone() }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
