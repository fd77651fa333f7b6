//! The language switch, the toolbar's last control: a button for each
//! language the page does not speak now, named in itself; choosing one keeps
//! it in this browser and loads the page again in it
//! (`web::switch_language`; the form comes back as typed, its numbers in the
//! new language's marks).

use yew::prelude::*;

use crate::lang::{self, Lang};
use crate::web;

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The toolbar's roving tab stop for this control.
    pub tabindex: AttrValue,
}

#[function_component(LanguageSwitch)]
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    let spoken = lang::current();
    html! {
        { for Lang::ALL.iter().copied().filter(|&l| l != spoken).map(|l| {
            let on_click = Callback::from(move |_: MouseEvent| web::switch_language(l));
            html! {
                <button type="button" class="language" data-tool="language" lang={l.code()}
                    tabindex={props.tabindex.clone()} title={l.offer()} onclick={on_click}>
                    { l.name() }
                </button>
            }
        }) }
    }
}
