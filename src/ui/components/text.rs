//! Text as the page lays it out: a minus sign never wraps away from its
//! number (`ui::messages::minus_runs`), nor a `%` (`percent_kept`).

use yew::prelude::*;

use crate::ui::messages::{minus_runs, percent_kept, Piece};

/// `text`, each minus sign and each `%` kept on one line with its number.
pub fn keep_minus(text: &str) -> Html {
    let text = percent_kept(text);
    minus_runs(&text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => html! { { t.to_owned() } },
            Piece::Together(t) => html! { <span class="nw">{ t.to_owned() }</span> },
        })
        .collect()
}
