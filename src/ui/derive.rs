//! The evaluation of a scenario, computed once however often it is asked
//! for: the reducer checks that a new scenario can be computed before it
//! takes it, and the page then shows the results of that same scenario.
//! A one-entry cache keyed by the scenario itself (never stale: a different
//! scenario is a miss), so results stay derived, never stored in the state.
//! The language is part of the key: the model writes some of its results in
//! words (why an IRR is not defined), in the language spoken.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::Lang;
use crate::model::{evaluate, Evaluation, Scenario, ScenarioErrors};

/// What [`evaluation`] returns: shared, as the memo and the reducer both hold it.
pub type Outcome = Rc<Result<Evaluation, ScenarioErrors>>;

thread_local! {
    static LAST: RefCell<Option<(Scenario, Lang, Outcome)>> = const { RefCell::new(None) };
}

/// The model's evaluation of `scenario`, from the cache when it is the last
/// one evaluated (in the language spoken now).
pub fn evaluation(scenario: &Scenario) -> Outcome {
    let lang = crate::lang::current();
    if let Some(hit) = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|(s, l, _)| s == scenario && *l == lang)
            .map(|(_, _, r)| r.clone())
    }) {
        return hit;
    }
    let outcome: Outcome = Rc::new(evaluate(scenario));
    LAST.with_borrow_mut(|last| *last = Some((scenario.clone(), lang, outcome.clone())));
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_scenario_is_evaluated_once_and_another_one_anew() {
        let a = Scenario::default();
        let first = evaluation(&a);
        assert!(Rc::ptr_eq(&first, &evaluation(&a.clone())));
        let mut b = a.clone();
        b.site.grid_capacity_mw = 150.0;
        let other = evaluation(&b);
        assert!(!Rc::ptr_eq(&first, &other));
        assert_eq!(*other, evaluate(&b));
        // Back to the first: evaluated again, same answer.
        assert_eq!(*evaluation(&a), *first);
        // In another language: evaluated anew (its words in that language).
        let again = evaluation(&a);
        crate::lang::load(Lang::PtBr, "{}").unwrap_or_else(|e| panic!("{e}"));
        let spoken = evaluation(&a);
        crate::lang::load(Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert!(!Rc::ptr_eq(&again, &spoken));
    }
}
