//! "Display currency" (in the extra module): results shown in another
//! currency at a rate the reader types, with the rate's date
//! (`crate::currency`). The page keeps the texts (`ui::display`) and draws
//! the closed control (`extra::DisplayControl`); this part, fetched when
//! the control is first opened, shows the three inputs with their
//! problems, follows the page's renders, and sends each edit back to the
//! page (`Ask::DisplayEdit`), which shows its figures in that currency.

use web_sys::{HtmlDetailsElement, HtmlInputElement};
use yew::prelude::*;

use crate::currency::{Currency, Part, Typed};
use crate::web::extra::{follow_page, Ask, Page, SEP};
use crate::web::Listener;

/// Every text this part shows (through `lang::tr`).
mod words {
    pub const HELP: &str = en!("The model works in US dollars; only what is shown converts, at the rate you type, and every figure in another currency says so with the rate and its date. Inputs stay in US dollars. USD (or nothing) shows dollars.");

    /// What each input suggests while empty (the rate written the
    /// language's way: `5.30`, `5,30`).
    pub fn placeholder(part: crate::currency::Part) -> yew::AttrValue {
        use crate::currency::Part;
        match part {
            Part::Code => yew::AttrValue::Static("USD"),
            Part::Rate => yew::AttrValue::from(crate::format::decimal(5.30, 2)),
            Part::Date => yew::AttrValue::Static("2026-12-01"),
        }
    }
}

/// The three texts as one answer (each after the one before, a [`SEP`]
/// between them), as the page gives them for [`Ask::Display`].
pub fn typed_to_answer(t: &Typed) -> String {
    Part::ALL.map(|p| t.get(p)).join(&SEP.to_string())
}

/// Read back from [`typed_to_answer`].
fn typed_from_answer(text: &str) -> Typed {
    let mut typed = Typed::default();
    for (part, text) in Part::ALL.into_iter().zip(text.split(SEP)) {
        typed.set(part, text.to_owned());
    }
    typed
}

#[derive(Properties, PartialEq)]
pub struct DisplayPanelProps {
    /// The page's host.
    pub page: Page,
    /// The page's control, which the panel fills.
    pub details: HtmlDetailsElement,
}

#[function_component(DisplayPanel)]
pub fn display_panel(props: &DisplayPanelProps) -> Html {
    let typed = use_state_eq(Typed::default);
    let listeners = use_mut_ref(Vec::<Listener>::new);
    {
        let (details, page, typed) = (props.details.clone(), props.page.clone(), typed.clone());
        use_effect_with((), move |()| {
            let follow = move |_: web_sys::Event| {
                if let Some(answer) = page.0.ask(Ask::Display, "", "") {
                    typed.set(typed_from_answer(&answer));
                }
            };
            *listeners.borrow_mut() = follow_page(&details, follow);
        });
    }
    let errors = Currency::read(&typed).err().unwrap_or_default();
    let field = |part: Part| {
        let id = part.id();
        let error = errors
            .iter()
            .find(|e| e.part() == part)
            .map(ToString::to_string);
        let err_id = format!("{id}-error");
        let oninput = {
            let page = props.page.clone();
            Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                page.0.ask(Ask::DisplayEdit, part.key(), &input.value());
            })
        };
        let mode = match part {
            Part::Rate => "decimal",
            Part::Code | Part::Date => "text",
        };
        html! {
            <div class={classes!("field", error.is_some().then_some("invalid"))} data-field={part.key()}>
                <div class="field-head"><label for={id}>{ part.label() }</label></div>
                <div class="control">
                    <input {id} type="text" inputmode={mode} autocomplete="off" spellcheck="false" class="text"
                        value={typed.get(part).to_owned()} placeholder={words::placeholder(part)}
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.is_some().then(|| err_id.clone())} {oninput} />
                </div>
                if let Some(error) = error {
                    <p class="error" id={err_id}>{ error }</p>
                }
            </div>
        }
    };
    html! {
        <>
            <p class="display-help">{ crate::lang::tr(words::HELP) }</p>
            { for Part::ALL.into_iter().map(field) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_texts_go_through_one_answer_as_typed() {
        let t = Typed {
            code: "brl".into(),
            rate: "5,3 & x".into(),
            date: "".into(),
        };
        assert_eq!(typed_from_answer(&typed_to_answer(&t)), t);
        assert_eq!(typed_from_answer(""), Typed::default());
    }
}
