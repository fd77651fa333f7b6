//! The evaluation of a scenario, computed once however often it is asked
//! for: the reducer checks that a new scenario can be computed before it
//! takes it, and the page then shows the results of that same scenario.
//! Both can take it without its searches ([`quick`]): the reducer always,
//! the page while their cards are out of sight (then once the answer is
//! painted, the whole of it).
//! A one-entry cache ([`LastOne`]) keyed by the scenario itself (never stale:
//! a different scenario is a miss), so results stay derived, never stored in
//! the state.
//! The language is part of the key: the model writes some of its results in
//! words (why an IRR is not defined), in the language spoken.

use std::cell::RefCell;
use std::rc::Rc;

use crate::lang::Lang;
use crate::model::{evaluate, evaluate_with, Evaluation, Scenario, ScenarioErrors, Searches};

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
        if let Some(hit) = self.peek(is) {
            return hit;
        }
        let (key, value) = make();
        *self.0.borrow_mut() = Some((key, value.clone()));
        value
    }

    /// The last value if `is` says its key is the one asked for.
    pub(crate) fn peek(&self, is: impl FnOnce(&K) -> bool) -> Option<V> {
        self.0
            .borrow()
            .as_ref()
            .filter(|(k, _)| is(k))
            .map(|(_, v)| v.clone())
    }
}

thread_local! {
    static LAST: LastOne<(Scenario, Lang), Outcome> = const { LastOne::new() };
    static QUICK: LastOne<(Scenario, Lang), Outcome> = const { LastOne::new() };
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

/// [`evaluation`] with its searches left for later (`Searches::Later`):
/// what an edit's render needs while the searches' cards are out of sight
/// and no chart is drawn, and all the reducer needs (the same errors). The
/// whole evaluation instead when it is the last one made, so a scenario's
/// figures never go back to fewer.
pub fn quick(scenario: &Scenario) -> Outcome {
    let lang = crate::lang::current();
    let is = |(s, l): &(Scenario, Lang)| s == scenario && *l == lang;
    if let Some(whole) = LAST.with(|last| last.peek(is)) {
        return whole;
    }
    QUICK.with(|quick| {
        quick.get(is, || {
            let outcome = evaluate_with(scenario, Searches::Later);
            ((scenario.clone(), lang), Rc::new(outcome))
        })
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

    #[test]
    fn a_quick_evaluation_leaves_the_searches_and_never_replaces_the_whole_one() {
        let mut s = Scenario::default();
        s.site.grid_capacity_mw = 123.0;
        let quick_first = quick(&s);
        let Ok(r) = quick_first.as_ref() else {
            panic!("the default at 123 MW evaluates")
        };
        assert_eq!(r.searches, Searches::Later);
        assert_eq!(r.breakeven_rate_usd_per_kw_month, None);
        assert!(Rc::ptr_eq(&quick_first, &quick(&s)), "made once");
        // Once the whole evaluation is made, quick gives it.
        let whole = evaluation(&s);
        assert_eq!(
            whole.as_ref().as_ref().map(|r| r.searches),
            Ok(Searches::Run)
        );
        assert!(Rc::ptr_eq(&whole, &quick(&s)));
        // The same errors either way.
        s.site.grid_capacity_mw = -1.0;
        assert_eq!(*quick(&s), *evaluation(&s));
    }
}
