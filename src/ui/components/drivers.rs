//! "What drives this": one line beside the headline cards naming the
//! assumptions that move the answer most and are not among the inputs in
//! view, and what the figures include (`ui::kpis::drivers`). A plain
//! function of its items.

use yew::prelude::*;

use crate::ui::components::text::keep_minus;

/// The line for `items` (nothing when there are none).
pub fn drivers(items: &[String]) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    let last = items.len() - 1;
    html! {
        <p class="drivers" id="drivers">
            <strong>{ t!("What drives this: ") }</strong>
            { for items.iter().enumerate().map(|(i, item)| html! {
                <>
                    <span class="driver">{ keep_minus(item) }</span>
                    if i < last { { " \u{b7} " } }
                </>
            }) }
        </p>
    }
}
