//! The page's one state: the text of every input as typed, the last valid
//! scenario, and the problems of the current text.
//!
//! Every change goes through [`Action`] and [`State::reduce`]. The reducer
//! never touches the browser (storage and the URL are effects of the app) and
//! never computes results: the app derives them from `scenario` with
//! `use_memo`. Nothing typed is ever overwritten except by an explicit
//! action of the user (a preset, an import, reset).

use std::rc::Rc;

use yew::Reducible;

use crate::model::field::scenario_from_texts;
use crate::model::{Field, Scenario, ScenarioError};
use crate::presets;

/// What the user did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed into (or slid, or ticked) one input.
    Edit { field: Field, text: String },
    /// Chose a preset by id.
    LoadPreset(String),
    /// Loaded a whole scenario (imported file).
    LoadScenario(Box<Scenario>),
    /// Loaded texts saved earlier or read from a link; unknown fields keep
    /// the defaults.
    LoadTexts {
        texts: Vec<(Field, String)>,
        preset: Option<String>,
    },
}

/// The state of the form.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The text of every field, indexed like [`Field::ALL`].
    texts: Vec<String>,
    /// The last scenario whose every field read and met its rules.
    pub scenario: Rc<Scenario>,
    /// Problems of the current texts; empty when `scenario` matches them.
    pub errors: Rc<Vec<ScenarioError>>,
    /// The preset the form started from, if any.
    pub preset: Option<String>,
    /// Whether the texts were edited since the preset was chosen.
    pub edited: bool,
    /// Counts the changes, so effects (saving) run once per change.
    pub revision: u64,
}

impl Default for State {
    fn default() -> Self {
        Self::from_scenario(&Scenario::default(), Some("generic".to_owned()))
    }
}

impl State {
    /// The form filled from a valid scenario.
    pub fn from_scenario(s: &Scenario, preset: Option<String>) -> Self {
        Self {
            texts: Field::ALL.iter().map(|f| f.text(s)).collect(),
            scenario: Rc::new(s.clone()),
            errors: Rc::new(Vec::new()),
            preset,
            edited: false,
            revision: 0,
        }
    }

    /// The text of one field, as typed.
    pub fn text(&self, field: Field) -> &str {
        index(field)
            .and_then(|i| self.texts.get(i))
            .map_or("", String::as_str)
    }

    /// Every field with its text, for saving.
    pub fn texts(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL
            .iter()
            .copied()
            .zip(self.texts.iter().map(String::as_str))
    }

    /// The first problem with `field`, if any.
    pub fn error(&self, field: Field) -> Option<&ScenarioError> {
        self.errors.iter().find(|e| e.field() == Some(field))
    }

    /// Problems not tied to one input (none today; kept for whole-scenario rules).
    pub fn general_errors(&self) -> impl Iterator<Item = &ScenarioError> {
        self.errors.iter().filter(|e| e.field().is_none())
    }

    /// Whether the shown results lag behind the texts.
    pub fn is_stale(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Re-reads every text; keeps the last valid scenario when they do not read.
    fn reparse(mut self) -> Self {
        match scenario_from_texts(|f| self.text(f)) {
            Ok(s) => {
                if *self.scenario != s {
                    self.scenario = Rc::new(s);
                }
                self.errors = Rc::new(Vec::new());
            }
            Err(errors) => self.errors = Rc::new(errors),
        }
        self
    }
}

fn index(field: Field) -> Option<usize> {
    Field::ALL.iter().position(|f| *f == field)
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let revision = self.revision + 1;
        let mut next = match action {
            Action::Edit { field, text } => {
                if self.text(field) == text {
                    return self;
                }
                let mut next = (*self).clone();
                if let Some(slot) = index(field).and_then(|i| next.texts.get_mut(i)) {
                    *slot = text;
                }
                next.edited = true;
                next.reparse()
            }
            Action::LoadPreset(id) => match presets::by_id(&id) {
                Some(p) => State::from_scenario(&p.scenario, Some(id)),
                None => return self,
            },
            Action::LoadScenario(s) => State::from_scenario(&s, None).reparse(),
            Action::LoadTexts { texts, preset } => {
                let mut next = State::from_scenario(&Scenario::default(), None);
                for (field, text) in texts {
                    if let Some(slot) = index(field).and_then(|i| next.texts.get_mut(i)) {
                        *slot = text;
                    }
                }
                next.preset = preset;
                next.edited = true;
                next.reparse()
            }
        };
        next.revision = revision;
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(state: Rc<State>, field: Field, text: &str) -> Rc<State> {
        state.reduce(Action::Edit {
            field,
            text: text.to_owned(),
        })
    }

    #[test]
    fn valid_edit_updates_the_scenario() {
        let s = edit(Rc::new(State::default()), Field::SiteGridCapacity, "150");
        assert_eq!(s.scenario.site.grid_capacity_mw, 150.0);
        assert!(!s.is_stale());
        assert!(s.edited);
    }

    #[test]
    fn half_typed_input_is_kept_and_the_last_valid_scenario_stays() {
        let s = edit(Rc::new(State::default()), Field::SiteGridCapacity, "150");
        for text in ["", "-", "1e", "abc", "0"] {
            let t = edit(s.clone(), Field::SiteGridCapacity, text);
            assert_eq!(t.text(Field::SiteGridCapacity), text);
            assert_eq!(t.scenario.site.grid_capacity_mw, 150.0, "{text:?}");
            assert!(t.is_stale(), "{text:?}");
            let msg = t
                .error(Field::SiteGridCapacity)
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(msg.starts_with("site.grid_capacity_mw: "), "{msg}");
        }
        // "1." reads as 1.
        let t = edit(s, Field::SiteGridCapacity, "1.");
        assert_eq!(t.text(Field::SiteGridCapacity), "1.");
        assert!(!t.is_stale());
        assert_eq!(t.scenario.site.grid_capacity_mw, 1.0);
    }

    #[test]
    fn an_error_names_only_the_broken_field() {
        let s = edit(Rc::new(State::default()), Field::HpcPue, "0.8");
        assert_eq!(s.errors.len(), 1);
        assert_eq!(
            s.error(Field::HpcPue).map(ToString::to_string).as_deref(),
            Some("hpc.pue: must be between 1 and 3, got 0.8")
        );
        assert!(s.error(Field::SiteGridCapacity).is_none());
    }

    #[test]
    fn fixing_the_field_clears_the_error() {
        let s = edit(Rc::new(State::default()), Field::HpcPue, "0.8");
        let s = edit(s, Field::HpcPue, "1.3");
        assert!(!s.is_stale());
        assert_eq!(s.scenario.hpc.pue, 1.3);
    }

    #[test]
    fn a_preset_fills_every_field_and_can_be_edited() {
        let s = Rc::new(State::default()).reduce(Action::LoadPreset("cipher-fluidstack".into()));
        assert_eq!(s.text(Field::HpcCriticalIt), "168");
        assert_eq!(s.preset.as_deref(), Some("cipher-fluidstack"));
        assert!(!s.edited);
        let s = edit(s, Field::ContractRate, "150");
        assert_eq!(s.scenario.contract.rate_usd_per_kw_month, 150.0);
        assert_eq!(s.scenario.hpc.critical_it_mw, Some(168.0));
        assert!(s.edited);
    }

    #[test]
    fn an_unknown_preset_changes_nothing() {
        let s = Rc::new(State::default());
        let t = s.clone().reduce(Action::LoadPreset("nope".into()));
        assert!(Rc::ptr_eq(&s, &t));
    }

    #[test]
    fn loading_saved_texts_keeps_invalid_text_as_typed() {
        let s = Rc::new(State::default()).reduce(Action::LoadTexts {
            texts: vec![
                (Field::ContractRate, "12x".into()),
                (Field::SiteEnergyPrice, "60".into()),
            ],
            preset: None,
        });
        assert_eq!(s.text(Field::ContractRate), "12x");
        assert!(s.error(Field::ContractRate).is_some());
        // The valid part is not applied while another field is broken; the
        // scenario stays at the last valid one (the defaults here).
        assert_eq!(s.scenario.site.energy_price_usd_per_mwh, 45.0);
        let s = edit(s, Field::ContractRate, "120");
        assert_eq!(s.scenario.site.energy_price_usd_per_mwh, 60.0);
    }

    #[test]
    fn the_same_text_again_is_a_no_op() {
        let s = Rc::new(State::default());
        let t = edit(s.clone(), Field::SiteGridCapacity, "100");
        assert!(Rc::ptr_eq(&s, &t));
    }

    #[test]
    fn cross_field_rule_names_critical_it() {
        let s = edit(Rc::new(State::default()), Field::HpcCriticalIt, "90");
        let msg = s
            .error(Field::HpcCriticalIt)
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(msg.starts_with("hpc.critical_it_mw: "), "{msg}");
    }
}
