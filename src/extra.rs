//! The page's extra module, built for wasm32 by Trunk (see `www/index.html`)
//! as a WebAssembly module of its own: the parts of the page used later, if
//! at all. The page's loader fetches it when one of its controls is first
//! opened (`web::extra`) and calls the function named by the control's
//! `data-extra` with the place to fill and the page's host.

#[cfg(target_arch = "wasm32")]
mod module {
    use std::rc::Rc;

    use repower::ui::components::cash_flows::{CashFlows, CashFlowsProps};
    use repower::ui::components::display_currency::{DisplayPanel, DisplayPanelProps};
    use repower::ui::components::risk_section::{RiskPanel, RiskPanelProps};
    use repower::ui::components::saved_list::{SavedList, SavedListProps};
    use repower::web::{self, extra::Host, extra::Page};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlDetailsElement};

    /// Renders nothing: see [`control`].
    #[yew::function_component(Spare)]
    fn spare() -> yew::Html {
        yew::Html::default()
    }

    thread_local! {
        static SPARED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// The control `into` is in. Yew numbers the roots it renders from 1 in
    /// each module, and hands an event to the root whose number it finds on
    /// the element: the page's root is 1, so this module's must not be. A
    /// first, empty root (detached, never shown) takes 1.
    fn control(into: &Element) -> Result<HtmlDetailsElement, JsValue> {
        if !SPARED.with(|s| s.replace(true)) {
            // This module formats in the page's language too.
            if let Err(why) = web::speak() {
                web::warn(&format!("Repower speaks English here: {why}"));
            }
            if let Some(spare) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("div").ok())
            {
                yew::Renderer::<Spare>::with_root(spare).render();
            }
        }
        into.closest("details")?
            .and_then(|d| d.dyn_into::<HtmlDetailsElement>().ok())
            .ok_or_else(|| JsValue::from_str("the place is not inside its control"))
    }

    /// Renders `C` in `into`, with the page's host and the control.
    fn fill<C: yew::BaseComponent>(
        into: Element,
        host: Host,
        props: impl FnOnce(Page, HtmlDetailsElement) -> C::Properties,
    ) -> Result<(), JsValue> {
        let details = control(&into)?;
        let props = props(Page(Rc::new(host)), details);
        yew::Renderer::<C>::with_root_and_props(into, props).render();
        Ok(())
    }

    /// Fills "Saved scenarios" in the toolbar.
    #[wasm_bindgen]
    pub fn mount_saved(into: Element, host: Host) -> Result<(), JsValue> {
        fill::<SavedList>(into, host, |page, details| SavedListProps { page, details })
    }

    /// Fills "Monthly cash flows".
    #[wasm_bindgen]
    pub fn mount_cash_flows(into: Element, host: Host) -> Result<(), JsValue> {
        fill::<CashFlows>(into, host, |page, details| CashFlowsProps { page, details })
    }

    /// Fills the risk view.
    #[wasm_bindgen]
    pub fn mount_risk(into: Element, host: Host) -> Result<(), JsValue> {
        fill::<RiskPanel>(into, host, |page, details| RiskPanelProps { page, details })
    }

    /// Fills "Display currency".
    #[wasm_bindgen]
    pub fn mount_display(into: Element, host: Host) -> Result<(), JsValue> {
        fill::<DisplayPanel>(into, host, |page, details| DisplayPanelProps {
            page,
            details,
        })
    }

    pub fn start() {
        yew::set_custom_panic_hook(Box::new(web::on_panic));
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    module::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "repower-extra runs in a browser, loaded by the page: build it with \
         `trunk build --release` (see README.md)."
    );
    std::process::ExitCode::from(2)
}
