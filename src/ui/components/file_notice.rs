//! A file that could not be opened: what was wrong, in plain words, and
//! that nothing was changed, with the weight of a field's error. A plain
//! function of the problem.

use yew::prelude::*;

use crate::ui::components::text::keep_minus;

/// What went wrong opening one file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblem {
    pub name: String,
    /// One line per problem (`ui::messages::file_problem`).
    pub problems: Vec<String>,
}

/// The notice for `problem`; `on_dismiss` takes it away.
pub fn file_notice(problem: &FileProblem, on_dismiss: &Callback<()>) -> Html {
    let onclick = {
        let on_dismiss = on_dismiss.clone();
        Callback::from(move |_: MouseEvent| on_dismiss.emit(()))
    };
    html! {
        <div class="notice file-problem" role="alert">
            <div>
                <p class="error">{ t!(
                    "\u{201c}{name}\u{201d} could not be opened. {nothing_changed}",
                    name = problem.name,
                    nothing_changed = crate::ui::messages::nothing_changed()
                ) }</p>
                <ul class="error">
                    { for problem.problems.iter().map(|m| html! { <li>{ keep_minus(m) }</li> }) }
                </ul>
            </div>
            <button type="button" {onclick}>{ t!("Dismiss") }</button>
        </div>
    }
}
