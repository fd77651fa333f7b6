//! The charts as the page shows them, made where they can be seen.
//!
//! A chart in the window follows every change of the inputs in the same
//! render: title, drawing, summary and table. A chart near the window
//! (within a screen of it) but out of sight follows in a second pass once
//! the answer is painted ([`Round`]), so an edit waits only for the charts
//! that can be seen. A chart further away keeps the whole of its last view,
//! marked not current (busy for screen readers, its drawing hidden from
//! them), and is made again as it comes near, before it can be seen. An
//! edit therefore costs the charts in view, however many charts the page
//! has. Pure: the page says which charts are near and which in view.

use std::rc::Rc;

use yew::AttrValue;

use crate::charts::{Chart, Size, Theme};
use crate::ui::components::chart_card::ChartView;
use crate::ui::derive::Outcome;

/// Which charts of [`Chart::ALL`] are near the window: bit `i` for the
/// `i`-th chart (charts past the 64th always count as near).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Near(pub u64);

impl Near {
    /// Every chart (before the page knows, and for printing).
    pub const ALL: Near = Near(u64::MAX);

    pub fn contains(self, index: usize) -> bool {
        1u64.checked_shl(index as u32)
            .is_none_or(|bit| self.0 & bit != 0)
    }

    /// This set with chart `index` near or not.
    pub fn with(self, index: usize, near: bool) -> Near {
        match 1u64.checked_shl(index as u32) {
            Some(bit) if near => Near(self.0 | bit),
            Some(bit) => Near(self.0 & !bit),
            None => self,
        }
    }
}

/// Counts the second passes the page has asked for: a new count draws every
/// chart near the window, not only those in it ([`Drawings::views`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round(pub u32);

impl Round {
    /// The round after this one.
    pub fn next(self) -> Round {
        Round(self.0.wrapping_add(1))
    }
}

/// Where the charts are, as the page last said, and which pass it asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sight {
    /// Within a screen of the window; `None` until the page first says
    /// (the app's first paint).
    pub near: Option<Near>,
    /// In the window; `None` until the page says (then `near` stands in).
    pub in_view: Option<Near>,
    /// The second passes asked for so far.
    pub round: Round,
}

impl Sight {
    /// Every chart near and in view (no `IntersectionObserver`; printing).
    pub const ALL: Sight = Sight {
        near: Some(Near::ALL),
        in_view: Some(Near::ALL),
        round: Round(0),
    };
}

/// Whether a chart near the window is not current in `views`: the page
/// then asks for a second pass.
pub fn behind(views: &[ChartView], near: Option<Near>) -> bool {
    near.is_some_and(|near| {
        views
            .iter()
            .enumerate()
            .any(|(i, v)| near.contains(i) && !v.current)
    })
}

/// The chart's element id: `chart-` and its id in kebab case
/// (`chart-build-time`).
pub fn chart_id(chart: Chart) -> String {
    format!("chart-{}", chart.id().replace('_', "-"))
}

/// What a drawing was drawn from.
#[derive(Clone)]
struct Key {
    result: Outcome,
    dark: bool,
    width: u32,
    /// The display currency the figures were written in.
    currency: Option<crate::currency::Currency>,
    /// The language the words were written in.
    lang: crate::lang::Lang,
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.result, &other.result)
            && self.dark == other.dark
            && self.width == other.width
            && self.currency == other.currency
            && self.lang == other.lang
    }
}

/// The last view of each chart, with what it was made from.
#[derive(Default)]
pub struct Drawings {
    last: Vec<Option<(Key, ChartView)>>,
    /// The round of the last call.
    round: Round,
}

impl Drawings {
    /// Every chart of `outcome` (none when it is an error), made at
    /// `width` in the given theme where `sight` says so or where there is no
    /// view yet; the others keep their last view, marked not current.
    /// Those made are the charts in view, or, in a new [`Round`], every
    /// chart near the window. `sight.near` is `None` until the page has said
    /// which charts are near: for the app's first paint, which makes only
    /// the first chart (the one the prerendered page shows); the others, far
    /// below it on a phone and on a laptop, wait with their titles only, not
    /// current, so the first answer to the visitor is not held up by them.
    pub fn views(
        &mut self,
        outcome: &Outcome,
        dark: bool,
        width: u32,
        sight: Sight,
    ) -> Vec<ChartView> {
        let second_pass = std::mem::replace(&mut self.round, sight.round) != sight.round;
        let Ok(result) = outcome.as_ref() else {
            return Vec::new();
        };
        let key = Key {
            result: outcome.clone(),
            dark,
            width,
            currency: crate::currency::shown(),
            lang: crate::lang::current(),
        };
        let first_paint = sight.near.is_none();
        let near = sight.near.unwrap_or(Near::ALL);
        let made = match sight.in_view {
            Some(in_view) if !second_pass => in_view,
            _ => near,
        };
        let theme = if dark { Theme::dark() } else { Theme::light() };
        let size = Size::for_container(width);
        self.last.resize(Chart::ALL.len(), None);
        Chart::ALL
            .iter()
            .zip(self.last.iter_mut())
            .enumerate()
            .map(|(i, (&chart, last))| match last {
                Some((k, view)) if *k == key => view.clone(),
                Some((_, view)) if !made.contains(i) => ChartView {
                    current: false,
                    ..view.clone()
                },
                None if first_paint && i > 0 => ChartView {
                    id: chart_id(chart),
                    title: chart.title(result),
                    summary: String::new(),
                    svg: Ok(AttrValue::default()),
                    current: false,
                    table: Rc::default(),
                },
                _ => {
                    let view = ChartView {
                        id: chart_id(chart),
                        title: chart.title(result),
                        summary: chart.summary(result),
                        svg: chart
                            .draw(result, &theme, size)
                            .map(AttrValue::from)
                            .map_err(|e| e.to_string()),
                        current: true,
                        table: Rc::new(chart.table(result)),
                    };
                    *last = Some((key.clone(), view.clone()));
                    view
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scenario;
    use crate::ui::derive;

    /// Only where the charts are near, as before the page says which are in
    /// view.
    fn near(near: Option<Near>) -> Sight {
        Sight {
            near,
            in_view: None,
            round: Round(0),
        }
    }

    fn outcome(grid: f64) -> Outcome {
        let mut s = Scenario::default();
        s.site.grid_capacity_mw = grid;
        derive::evaluation(&s)
    }

    #[test]
    fn near_sets() {
        let n = Near(0).with(2, true).with(0, true).with(2, false);
        assert!(n.contains(0) && !n.contains(1) && !n.contains(2));
        assert!(Near(0).contains(64), "past the 64th: always near");
        assert!(Near::ALL.contains(5));
    }

    #[test]
    fn only_charts_near_the_window_are_redrawn() {
        let mut d = Drawings::default();
        let a = outcome(100.0);
        let first = d.views(&a, false, 900, near(Some(Near::ALL)));
        assert_eq!(first.len(), Chart::ALL.len());
        assert!(first.iter().all(|v| v.current && v.svg.is_ok()));
        assert_eq!(first[0].id, "chart-revenue");

        // New inputs with only the first chart near: it is made again, the
        // others keep their whole view (drawing, summary, table), not
        // current.
        let b = outcome(150.0);
        let second = d.views(&b, false, 900, near(Some(Near(0).with(0, true))));
        assert!(second[0].current);
        assert_ne!(second[0].svg, first[0].svg);
        assert_ne!(second[0].summary, first[0].summary);
        for (old, new) in first.iter().zip(&second).skip(1) {
            assert!(!new.current, "{}", new.id);
            assert_eq!(new.svg, old.svg, "{}", new.id);
            assert_eq!(new.summary, old.summary, "{}", new.id);
            assert_eq!(new.table, old.table, "{}", new.id);
        }
        let Ok(r) = b.as_ref() else {
            panic!("no result");
        };
        assert_ne!(second[1].summary, Chart::ALL[1].summary(r));

        // The second chart comes near: made for the current inputs, the same
        // view as a fresh one.
        let third = d.views(
            &b,
            false,
            900,
            near(Some(Near(0).with(0, true).with(1, true))),
        );
        assert!(third[1].current);
        let fresh = Drawings::default().views(&b, false, 900, near(Some(Near::ALL)));
        assert!(third[1] == fresh[1]);
        // The same inputs again: nothing is drawn anew, all current that were.
        let again = d.views(&b, false, 900, near(Some(Near::ALL)));
        assert!(again.iter().all(|v| v.current));
        assert_eq!(again[0].svg, third[0].svg);
    }

    #[test]
    fn charts_in_view_are_made_at_once_and_the_others_near_in_the_second_pass() {
        let mut d = Drawings::default();
        let first = d.views(&outcome(100.0), false, 900, Sight::ALL);
        // The first chart in the window, the second near it, the rest far.
        let near = Near(0).with(0, true).with(1, true);
        let sight = Sight {
            near: Some(near),
            in_view: Some(Near(0).with(0, true)),
            round: Round(0),
        };
        let b = outcome(150.0);
        let answer = d.views(&b, false, 900, sight);
        assert!(answer[0].current && answer[0].svg != first[0].svg);
        for (old, new) in first.iter().zip(&answer).skip(1) {
            assert!(!new.current && new.svg == old.svg, "{}", new.id);
        }
        assert!(
            behind(&answer, sight.near),
            "the chart near is not made yet"
        );
        // The same round again (a render for something else): still only
        // the chart in view.
        assert!(!d.views(&b, false, 900, sight)[1].current);
        // The second pass: the chart near is made, the far ones wait.
        let round = Round(0).next();
        let second = d.views(&b, false, 900, Sight { round, ..sight });
        let fresh = Drawings::default().views(&b, false, 900, Sight::ALL);
        assert!(second[0] == answer[0], "the chart in view made twice");
        assert!(
            second[1] == fresh[1],
            "the chart near, after the second pass"
        );
        assert!(second.iter().skip(2).all(|v| !v.current));
        assert!(!behind(&second, sight.near));
        assert!(
            !behind(&second, None),
            "nothing is behind before the page says"
        );
    }

    #[test]
    fn the_first_paint_makes_the_first_chart_only() {
        let mut d = Drawings::default();
        let a = outcome(100.0);
        let first = d.views(&a, false, 900, near(None));
        let fresh = Drawings::default().views(&a, false, 900, near(Some(Near::ALL)));
        assert_eq!(first.len(), Chart::ALL.len());
        assert!(first[0] == fresh[0] && first[0].current);
        for (waiting, drawn) in first.iter().zip(&fresh).skip(1) {
            assert_eq!((&waiting.id, &waiting.title), (&drawn.id, &drawn.title));
            assert!(!waiting.current, "{}", waiting.id);
            assert_eq!(waiting.svg, Ok(AttrValue::default()), "{}", waiting.id);
            assert!(waiting.summary.is_empty() && waiting.table.rows.is_empty());
        }
        // The next paint makes them, even far from the window, as a fresh
        // page would; the first is kept as it was made.
        let later = d.views(&a, false, 900, near(Some(Near(0))));
        assert!(later == fresh, "the charts after the first paint");
    }

    #[test]
    fn a_new_language_draws_the_charts_anew() {
        let mut d = Drawings::default();
        let a = outcome(100.0);
        let english = d.views(&a, false, 900, near(Some(Near::ALL)));
        crate::lang::load(crate::lang::Lang::PtBr, "{}").unwrap_or_else(|e| panic!("{e}"));
        // Far from the window: kept, but not current any more.
        let spoken = d.views(&a, false, 900, near(Some(Near(0))));
        crate::lang::load(crate::lang::Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(english.len(), spoken.len());
        assert!(spoken.iter().all(|v| !v.current));
    }

    #[test]
    fn an_error_has_no_charts() {
        let mut s = Scenario::default();
        s.site.grid_capacity_mw = -1.0;
        let bad = derive::evaluation(&s);
        assert!(Drawings::default()
            .views(&bad, true, 500, near(Some(Near::ALL)))
            .is_empty());
    }
}
