//! A link past a part of the page for keyboard users (shown only while it
//! has focus): it moves the focus to its target without touching the
//! address, which holds scenarios. A plain function.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// A link to the element with id `target` (focusable with
/// `tabindex="-1"`), reading `label`.
pub fn skip_link(target: &'static str, label: &'static str) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(target))
            .and_then(|el| el.dyn_into::<HtmlElement>().ok());
        if let Some(el) = el {
            e.prevent_default();
            let _ = el.focus();
        }
    });
    html! {
        <a class="skip" href={format!("#{target}")} {onclick}>{ label }</a>
    }
}
