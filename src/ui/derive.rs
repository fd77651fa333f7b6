//! The evaluation of a scenario, computed once however often it is asked
//! for: the reducer checks that a new scenario can be computed before it
//! takes it, and the page then shows the results of that same scenario.
//! A one-entry cache ([`LastOne`]) keyed by the scenario itself (never stale:
//! a different scenario is a miss), so results stay derived, never stored in
//! the state.
//! The language is part of the key: the model writes some of its results in
//! words (why an IRR is not defined), in the language spoken.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::Lang;
use crate::model::{evaluate, Evaluation, Scenario, ScenarioErrors};

/// What [`evaluation`] returns: shared, as the memo and the reducer both hold it.
pub type Outcome = Rc<Result<Evaluation, ScenarioErrors>>;

/// A one-entry cache: the last value made, with the key it was made for.
/// Never stale: another key is a miss, and its value replaces the last.
/// Held in a `thread_local!` by each of its users.
pub(crate) struct LastOne<K, V>(RefCell<Option<(K, V)>>);

impl<K, V: Clone> LastOne<K, V> {
    pub(crate) const fn new() -> Self {
        Self(RefCell::new(None))
    }

    /// The last value if `is` says its key is the one asked for, else
    /// `make`'s (key and value), kept in its place.
    pub(crate) fn get(&self, is: impl FnOnce(&K) -> bool, make: impl FnOnce() -> (K, V)) -> V {
        if let Some(hit) = self
            .0
            .borrow()
            .as_ref()
            .filter(|(k, _)| is(k))
            .map(|(_, v)| v.clone())
        {
            return hit;
        }
        let (key, value) = make();
        *self.0.borrow_mut() = Some((key, value.clone()));
        value
    }
}

thread_local! {
    static LAST: LastOne<(Scenario, Lang), Outcome> = const { LastOne::new() };
}

/// The model's evaluation of `scenario`, from the cache when it is the last
/// one evaluated (in the language spoken now).
pub fn evaluation(scenario: &Scenario) -> Outcome {
    let lang = crate::lang::current();
    LAST.with(|last| {
        last.get(
            |(s, l)| s == scenario && *l == lang,
            || ((scenario.clone(), lang), Rc::new(evaluate(scenario))),
        )
    })
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
