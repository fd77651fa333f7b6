//! The compact result bar: the project NPV, IRR and payback, kept in view
//! on phones and upright tablets while the inputs and charts are scrolled
//! (the stylesheet shows it only there). Not a live region: it changes at
//! every keystroke, and the cards say the same to screen readers.
//!
//! A plain function of its figures (no state of its own), which keeps the
//! page's download small.

use yew::prelude::*;

use crate::ui::components::text::keep_minus;
use crate::ui::kpis::{BarFigure, Tone};

/// Whether the figures belong to the last valid inputs rather than to the
/// text as it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figures {
    Current,
    OutOfDate,
}

/// The bar with `figures`.
pub fn result_bar(figures: &[BarFigure], state: Figures) -> Html {
    let figure = |f: &BarFigure| {
        let tone = match f.tone {
            Tone::Good => "good",
            Tone::Bad => "bad",
            Tone::Neutral => "neutral",
        };
        html! {
            <div class={classes!("bar-figure", tone)} data-bar={f.id}>
                <span class="bar-label">{ f.label }</span>
                <span class="bar-value">{ keep_minus(&f.value) }</span>
            </div>
        }
    };
    let stale = state == Figures::OutOfDate;
    html! {
        <aside class={classes!("result-bar", stale.then_some("stale"))} aria-label={t!("Results in brief")}>
            { for figures.iter().map(figure) }
            if stale {
                <span class="bar-stale">{ t!("out of date") }</span>
            }
        </aside>
    }
}
