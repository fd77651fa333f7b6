//! The language switch in the masthead: each language named in itself;
//! choosing one keeps it in this browser and loads the page again in it
//! (`web::switch_language`; the form comes back as typed, its numbers in the
//! new language's marks).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::lang::{self, Lang};
use crate::web;

#[function_component(LanguageSwitch)]
pub fn language_switch() -> Html {
    let spoken = lang::current();
    let on_change = Callback::from(move |e: Event| {
        let chosen = e
            .target_dyn_into::<HtmlSelectElement>()
            .and_then(|s| Lang::from_code(&s.value()));
        if let Some(chosen) = chosen.filter(|&l| l != spoken) {
            web::switch_language(chosen);
        }
    });
    html! {
        <div class="language">
            <select data-tool="language" aria-label={t!("Language")} onchange={on_change}>
                { for Lang::ALL.iter().map(|&l| html! {
                    <option value={l.code()} lang={l.code()} selected={l == spoken}>{ l.name() }</option>
                }) }
            </select>
        </div>
    }
}
