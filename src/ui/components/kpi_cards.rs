//! The headline numbers: one card each, in rows under the question they
//! answer.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::kpis::{Kpi, KpiRow, Tone};

#[derive(Properties, PartialEq)]
pub struct KpiCardsProps {
    pub rows: Rc<Vec<KpiRow>>,
    /// The numbers belong to the last valid inputs, not the current text.
    pub stale: bool,
}

/// Escape hides a shown exact figure until the value is left (WCAG 1.4.13:
/// content shown on focus can be dismissed without moving focus).
fn dismiss_on_escape(e: KeyboardEvent) {
    if e.key() == "Escape" {
        let el: web_sys::Element = e.target_unchecked_into();
        let _ = el.class_list().add_1("dismissed");
    }
}

fn undismiss(e: Event) {
    let el: web_sys::Element = e.target_unchecked_into();
    let _ = el.class_list().remove_1("dismissed");
}

#[derive(Properties, PartialEq)]
struct KpiCardProps {
    kpi: Kpi,
}

/// One card: label, the value (its exact figure on hover and focus), a note.
#[function_component(KpiCard)]
fn kpi_card(props: &KpiCardProps) -> Html {
    let k = &props.kpi;
    let tone = match k.tone {
        Tone::Good => "good",
        Tone::Bad => "bad",
        Tone::Neutral => "neutral",
    };
    // The exact figure pops up on hover, and on focus for keyboard and
    // touch users (the value is focusable when it has one); screen readers
    // hear it as the value's description.
    let exact_id = format!("kpi-exact-{}", k.id);
    let has_exact = k.exact.is_some();
    html! {
        <li class={classes!("kpi", tone)} data-kpi={k.id}>
            <span class="kpi-label">{ k.label.clone() }</span>
            <span class="kpi-figure">
                <span class="kpi-value"
                    onkeydown={dismiss_on_escape}
                    onblur={Callback::from(|e: FocusEvent| undismiss(e.into()))}
                    onmouseleave={Callback::from(|e: MouseEvent| undismiss(e.into()))}
                    tabindex={has_exact.then_some("0")}
                    aria-describedby={has_exact.then(|| exact_id.clone())}>
                    { k.value.clone() }
                    if let Some(unit) = &k.unit { { " " }<span class="kpi-unit">{ unit.clone() }</span> }
                </span>
                if let Some(exact) = &k.exact {
                    <span class="kpi-exact" id={exact_id} role="tooltip">{ exact.clone() }</span>
                }
            </span>
            <span class="kpi-note">{ k.note.clone() }</span>
        </li>
    }
}

#[function_component(KpiCards)]
pub fn kpi_cards(props: &KpiCardsProps) -> Html {
    let row = |row: &KpiRow| {
        let heading = format!("kpi-row-{}", row.id);
        html! {
            <div class="kpi-row" data-kpi-row={row.id} role="group" aria-labelledby={heading.clone()}>
                <h2 class="kpi-row-title" id={heading}>{ row.title }</h2>
                <ul>{ for row.cards.iter().map(|k| html! { <KpiCard key={k.id} kpi={k.clone()} /> }) }</ul>
            </div>
        }
    };
    html! {
        <section class={classes!("kpis", props.stale.then_some("stale"))} aria-label="Headline numbers">
            if props.stale {
                <p class="stale-note">{ "Showing the last valid inputs: fix the marked field to update." }</p>
            }
            { for props.rows.iter().map(row) }
        </section>
    }
}
