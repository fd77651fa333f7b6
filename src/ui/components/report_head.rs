//! The printed report's head (shown only while printing): which scenario,
//! when, under which model version, a link that reopens it, and the inputs
//! that differ from the scenario it started from, grouped as on the page.
//! The page's figures, charts and sources follow it on paper.

use yew::prelude::*;

use crate::model::Group;
use crate::ui::report::Changed;

#[derive(Properties, PartialEq)]
pub struct ReportHeadProps {
    pub title: AttrValue,
    /// `1 December 2026`.
    pub date: AttrValue,
    pub version: AttrValue,
    /// The address that reopens the scenario.
    pub link: AttrValue,
    /// "Inputs that differ from …".
    pub starting_point: AttrValue,
    pub changed: Vec<(Group, Vec<Changed>)>,
}

#[function_component(ReportHead)]
pub fn report_head(props: &ReportHeadProps) -> Html {
    let table = |(group, rows): &(Group, Vec<Changed>)| {
        html! {
            <table class="report-inputs">
                <caption>{ group.title() }</caption>
                <thead><tr><th scope="col">{ "Input" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Was" }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|c| {
                        let spec = c.field.spec();
                        html! {
                            <tr>
                                <th scope="row">{ spec.label }</th>
                                <td>{ format!("{} {}", c.given.trim(), spec.unit) }</td>
                                <td>{ format!("{} {}", c.was, spec.unit) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        }
    };
    html! {
        <section class="report-head" aria-label="Report">
            <p class="report-kind">{ "Repower report" }</p>
            <h2>{ props.title.clone() }</h2>
            <p>{ props.date.clone() }{ ". " }{ props.version.clone() }{ "." }</p>
            <p class="report-link">{ "Reopen this scenario: " }<a href={props.link.clone()}>{ props.link.clone() }</a></p>
            <h3>{ props.starting_point.clone() }</h3>
            if props.changed.is_empty() {
                <p>{ "None: every input is the scenario's own." }</p>
            } else {
                <div class="report-tables">{ for props.changed.iter().map(table) }</div>
            }
        </section>
    }
}
