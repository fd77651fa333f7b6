//! The link between the page and its extra module (`src/extra.rs`, built
//! as `repower-extra`): a WebAssembly module of its own with the parts of the
//! page that are used later, if at all (saved scenarios, the risk view, the
//! monthly cash flows), fetched only when one is first opened, so the first visit does
//! not download it.
//!
//! The page offers one function, the host ([`offer`]), to the page's loader
//! script (`window.repowerExtraReady`, written by `www/postbuild.mjs`). Each
//! control the module fills is a `<details data-extra="NAME">` (NAME: the
//! module's function that fills it) holding a `.extra-state` line and an
//! `.extra-place`. The loader fetches the module when such a control is
//! first opened (or soon after the page starts, for the control the host
//! names when asked [`Ask::Stored`]) and calls NAME with the place and the
//! host. The module asks the host what it needs ([`Host`]). Every question
//! is an [`Ask`]; their names are the whole protocol, written once, here.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::window;

macro_rules! asks {
    ($($variant:ident => $name:literal, $doc:literal;)+) => {
        /// What the loader and the module ask the page (`a` and `b` are the
        /// question's texts, empty where it has none).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Ask {
            $(#[doc = $doc] $variant,)+
        }

        impl Ask {
            /// Every question.
            pub const ALL: &'static [Ask] = &[$(Ask::$variant,)+];

            /// The question's name in the protocol.
            pub fn name(self) -> &'static str {
                match self {
                    $(Ask::$variant => $name,)+
                }
            }
        }
    };
}

asks! {
    Stored => "stored", "The control to fill at once, if any (saved scenarios are stored).";
    Loading => "loading", "The loader is fetching the module for the control `a`.";
    Failed => "failed", "The module could not fill the control `a` (`b`: why).";
    Mounted => "mounted", "The module filled the control `a`.";
    Current => "current", "The form's scenario as a file's text (`None` when it cannot be saved).";
    Problem => "problem", "Why `a` (what would be saved) cannot be saved now, if it cannot.";
    Scenario => "scenario", "The scenario the page's figures are of, as a file's text.";
    Stale => "stale", "Whether the form has changed since those figures (`Some` when so).";
    Preset => "preset", "The name of the preset the form started from.";
    Open => "open", "Opens a scenario file's text (`a`) in the form, with a status (`b`).";
    Notice => "notice", "Shows a notice (`a`) on the page.";
    Field => "field", "The input `a` (a field's path) as typed, its problem and its caution, each after a [`SEP`] (`None` for no such field).";
    Edit => "edit", "Sets the input `a` (a field's path) to the text `b`, as if typed there.";
    Look => "look", "How the page draws its charts now: `dark` or `light`, a space, the width in CSS pixels.";
    Printing => "printing", "Whether the page is being printed as its report (`Some` when so).";
    Linked => "linked", "The comparison the page's link carried (`share::Linked`, its texts each after a [`SEP`]), if any.";
    Fragment => "fragment", "The form as a link's fragment.";
    Display => "display", "The display currency's three texts as typed (code, rate, date), each after a [`SEP`].";
    DisplayEdit => "display-edit", "Sets the display currency's input `a` (its key, `display.rate`) to the text `b`, as if typed there.";
}

/// What separates the parts of an answer to [`Ask::Field`] (a character no
/// one types in a box and no message holds).
pub const SEP: char = '\u{1f}';

impl Ask {
    fn from_name(name: &str) -> Option<Ask> {
        Ask::ALL.iter().copied().find(|a| a.name() == name)
    }
}

/// The global function the loader defines to receive the host.
const READY: &str = "repowerExtraReady";

/// Hands the host, `answer`, to the page's loader (once, as the page
/// starts). Where the loader is missing (a development build), saved
/// scenarios stay closed.
pub fn offer(answer: impl Fn(Ask, &str, &str) -> Option<String> + 'static) {
    let Some(w) = window() else { return };
    let Some(ready) = Reflect::get(&w, &JsValue::from_str(READY))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    let host = Closure::<dyn Fn(String, String, String) -> Option<String>>::new(
        move |ask: String, a: String, b: String| answer(Ask::from_name(&ask)?, &a, &b),
    );
    let _ = ready.call1(&JsValue::NULL, &host.into_js_value());
}

/// Writes `text` in the element `selector` names (the control's state line).
pub fn say(selector: &str, text: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
    {
        el.set_text_content(Some(text));
    }
}

/// What a module's part listens to, to follow the page: `f` gets the
/// control's `toggle` (opened or closed) and each render of the page
/// (`repower:rendered`), and a `toggle` at once; the listeners last as long
/// as what is returned.
pub fn follow_page(
    control: &web_sys::HtmlDetailsElement,
    f: impl Fn(web_sys::Event) + Clone + 'static,
) -> Vec<super::Listener> {
    let mut listeners = vec![super::on_event(control.as_ref(), "toggle", f.clone())];
    if let Some(doc) = window().and_then(|w| w.document()) {
        listeners.push(super::on_event(doc.as_ref(), "repower:rendered", f.clone()));
    }
    if let Ok(e) = web_sys::Event::new("toggle") {
        f(e);
    }
    listeners
}

#[wasm_bindgen]
extern "C" {
    /// The host, as the module sees it: a function of the question's name
    /// and its two texts.
    pub type Host;

    #[wasm_bindgen(method, js_name = call)]
    fn call(this: &Host, this_arg: &JsValue, ask: &str, a: &str, b: &str) -> Option<String>;
}

/// The host, as a module's components hold it (compared by address).
#[derive(Clone)]
pub struct Page(pub std::rc::Rc<Host>);

impl PartialEq for Page {
    fn eq(&self, other: &Page) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Host {
    /// Asks the page.
    pub fn ask(&self, ask: Ask, a: &str, b: &str) -> Option<String> {
        self.call(&JsValue::NULL, ask.name(), a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_is_read_back_from_its_name() {
        for &ask in Ask::ALL {
            assert_eq!(Ask::from_name(ask.name()), Some(ask));
        }
        assert_eq!(Ask::from_name("nope"), None);
    }
}
