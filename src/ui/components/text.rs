//! Text as the page lays it out: a minus sign never wraps away from its
//! number (`ui::messages::minus_runs`).

use yew::prelude::*;

use crate::ui::messages::{minus_runs, Piece};

/// `text`, each minus sign kept on one line with its number.
pub fn keep_minus(text: &str) -> Html {
    minus_runs(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => html! { { t.to_owned() } },
            Piece::Together(t) => html! { <span class="nw">{ t.to_owned() }</span> },
        })
        .collect()
}
