//! The page's one state: the text of every input as typed, the last valid
//! scenario, and the problems of the current text.
//!
//! Every change goes through [`Action`] and [`State::reduce`]. The reducer
//! never touches the browser (storage and the URL are effects of the app) and
//! never computes results: the app derives them from `scenario` with
//! `use_memo`. Typed text is only ever replaced by an explicit action that
//! loads a whole form (a preset, an imported file, a link, a recomputation
//! with version 2), and the form as it was before that can be put back with
//! [`Action::Undo`].
//!
//! The form remembers the model version its scenario was made under
//! (`scenario.schema_version`, docs/MODEL.md "Versions and old files"): a
//! version-1 scenario keeps version 1's figures until [`Action::Upgrade`]
//! recomputes it with version 2, or an edit sets something version 1 did
//! not model.

use std::rc::Rc;

use yew::Reducible;

use crate::model::field::scenario_from_texts;
use crate::model::scenario::SCHEMA_VERSION;
use crate::model::version::{self, is_v1_representable, NEW_IN_V2, PUE_FIELDS};
use crate::model::{Field, Scenario, ScenarioError};
use crate::presets;
use crate::share;
use crate::ui::derive;

/// What the user did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed into (or slid, or ticked) one input.
    Edit { field: Field, text: String },
    /// Chose a preset by id.
    LoadPreset(String),
    /// Put every input back to the chosen preset's values, in the form's
    /// model version.
    Reset,
    /// Loaded a whole scenario (imported file).
    LoadScenario(Box<Scenario>),
    /// Loaded texts from a link: the preset's texts (or the defaults) of
    /// the link's model version, with the given ones on top, as typed.
    LoadTexts {
        texts: Vec<(Field, String)>,
        preset: Option<String>,
        version: u64,
    },
    /// Recompute a version-1 scenario with version 2: version 2's defaults
    /// for everything version 1 did not model, every value given kept.
    Upgrade,
    /// Put back the form as it was before the last preset, file, link or
    /// recomputation.
    Undo,
}

/// How many fields the catalogue has.
const FIELDS: usize = Field::ALL.len();

// A field's place in `Field::ALL` is its discriminant (the catalogue lists
// its fields in the order it declares them). Checked as the crate compiles,
// so the form finds a field's text by indexing, never by a search.
const _: () = {
    let mut i = 0;
    while i < FIELDS {
        assert!(
            Field::ALL[i] as usize == i,
            "Field::ALL must list the fields in declaration order"
        );
        i += 1;
    }
};

/// The text of every field, as typed: one per field of [`Field::ALL`],
/// found by the field.
#[derive(Clone, Debug, PartialEq)]
struct Texts(Box<[String; FIELDS]>);

impl Texts {
    /// Each field's text, as `text` gives it.
    fn of(mut text: impl FnMut(Field) -> String) -> Self {
        Self(Box::new(std::array::from_fn(|i| text(Field::ALL[i]))))
    }

    /// Every field's text in `s`.
    fn from_scenario(s: &Scenario) -> Self {
        Self::of(|f| f.text(s))
    }

    /// In the order of [`Field::ALL`].
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl std::ops::Index<Field> for Texts {
    type Output = String;

    fn index(&self, field: Field) -> &String {
        &self.0[field as usize]
    }
}

impl std::ops::IndexMut<Field> for Texts {
    fn index_mut(&mut self, field: Field) -> &mut String {
        &mut self.0[field as usize]
    }
}

/// The page's first form, as [`State::open`] finds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The saved form, with the link's scenario on top if it held one.
    pub state: State,
    /// The problems met reading the saved form or the link, one sentence each.
    pub problems: Vec<String>,
    /// Whether the link held a scenario (the page then takes it out of the
    /// address, and Undo goes back to the saved form).
    pub from_link: bool,
    /// The comparison the link carried, if any (its A is the scenario above).
    pub compared: Option<share::Linked>,
}

/// The state of the form.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The text of every field, as typed.
    texts: Texts,
    /// The last scenario whose every field read and met its rules. Its
    /// `schema_version` is the form's model version.
    pub scenario: Rc<Scenario>,
    /// Problems of the current texts; empty when `scenario` matches them.
    pub errors: Rc<Vec<ScenarioError>>,
    /// The preset the form started from, if any (of the form's version).
    pub preset: Option<String>,
    /// The form before the last preset, file or link (one level).
    previous: Option<Rc<State>>,
    /// The field whose edit just made a version-1 scenario version 2.
    pub left_v1_by: Option<Field>,
    /// Counts the changes, so effects (saving) run once per change.
    pub revision: u64,
}

impl Default for State {
    fn default() -> Self {
        Self::from_scenario(&Scenario::default(), Some("generic".to_owned()))
    }
}

/// The texts of a preset's scenario in a model version (the defaults for
/// none or an unknown id): what [`State::edited`] compares the form with on
/// every render. Written once for the last preset and version asked for
/// (`derive::LastOne`, keyed by both, as `derive` keeps the last
/// evaluation), not anew for each keystroke.
fn base_texts(preset: Option<&str>, version: u64) -> Rc<Texts> {
    thread_local! {
        static LAST: derive::LastOne<(Option<String>, u64), Rc<Texts>> =
            const { derive::LastOne::new() };
    }
    LAST.with(|last| {
        last.get(
            |(p, v)| p.as_deref() == preset && *v == version,
            || {
                let texts = Texts::from_scenario(&share::base_scenario(preset, version));
                ((preset.map(str::to_owned), version), Rc::new(texts))
            },
        )
    })
}

/// `s` as a form of model version `version` reads it: version 1 while it
/// says nothing version 1 could not, else version 2.
fn in_version(mut s: Scenario, version: u64) -> Scenario {
    s.schema_version = if version == 1 && is_v1_representable(&s) {
        1
    } else {
        SCHEMA_VERSION
    };
    s
}

impl State {
    /// The form filled from a valid scenario (of its own version).
    pub fn from_scenario(s: &Scenario, preset: Option<String>) -> Self {
        Self {
            texts: Texts::from_scenario(s),
            scenario: Rc::new(s.clone()),
            errors: Rc::new(Vec::new()),
            preset,
            previous: None,
            left_v1_by: None,
            revision: 0,
        }
    }

    /// The model version of the form: 1 for a scenario made under version
    /// 1 (computed as version 1 computed it), else 2.
    pub fn version(&self) -> u64 {
        self.scenario.schema_version
    }

    /// The preset's texts (or the defaults) of model version `version`,
    /// with `texts` on top, as typed. While some texts do not read, the
    /// scenario is the one the others make with the preset's values in
    /// place of the broken ones (or the preset's own, if even that breaks a
    /// rule).
    pub fn from_texts(texts: Vec<(Field, String)>, preset: Option<String>, version: u64) -> Self {
        let preset = preset.filter(|p| share::preset(p, version).is_some());
        let base = share::base_scenario(preset.as_deref(), version);
        let mut all = Texts::from_scenario(&base);
        for (field, text) in texts {
            all[field] = text;
        }
        Self::load(all, preset, base)
    }

    /// The form with these texts (every field's), read in the version of
    /// `base`; while some texts do not read, `base`'s values stand in for
    /// the broken ones, or `base` itself if even that breaks a rule.
    fn load(texts: Texts, preset: Option<String>, base: Scenario) -> Self {
        let version = base.schema_version;
        let mut state = Self::from_scenario(&base, preset);
        state.texts = texts;
        let mut state = state.reparse();
        if state.is_stale() {
            let broken: Vec<Field> = state
                .errors
                .iter()
                .filter_map(ScenarioError::field)
                .collect();
            let base_texts = Texts::from_scenario(&base);
            let mended = scenario_from_texts(|f| {
                if broken.contains(&f) {
                    &base_texts[f]
                } else {
                    &state.texts[f]
                }
            })
            .map(|s| in_version(s, version));
            if let Ok(s) = mended {
                if derive::quick(&s).is_ok() {
                    state.scenario = Rc::new(s);
                }
            }
        }
        state
    }

    /// Like [`State::from_texts`], but while the texts do not read, the
    /// scenario is `last_valid` (the one the results showed when the form
    /// was saved), if it is valid and computable.
    pub fn restore(
        texts: Vec<(Field, String)>,
        preset: Option<String>,
        version: u64,
        last_valid: Option<Scenario>,
    ) -> Self {
        let mut state = Self::from_texts(texts, preset, version);
        if state.is_stale() {
            if let Some(s) = last_valid.filter(|s| derive::quick(s).is_ok()) {
                state.scenario = Rc::new(s);
            }
        }
        state
    }

    /// The page's first form: the form saved on this device (if any), then
    /// a scenario from the link on top of it (if the link holds one), which
    /// [`Action::Undo`] can take back to the saved form; with the problems
    /// met reading either, and whether the link held a scenario.
    pub fn open(saved: Option<&str>, fragment: &str) -> Opened {
        let mut problems = Vec::new();
        let mut state = State::default();
        if let Some(text) = saved {
            let mut saved = share::decode_saved(text);
            problems.append(&mut saved.problems);
            if !saved.is_empty() {
                state = State::restore(saved.texts, saved.preset, saved.version, saved.last_valid);
            }
        }
        let mut link = share::decode_fragment(fragment);
        problems.append(&mut link.problems);
        let from_link = !link.is_empty();
        let compared = link.compared.take();
        if from_link {
            let loaded = Rc::new(state).reduce(Action::LoadTexts {
                texts: link.texts,
                preset: link.preset,
                version: link.version,
            });
            state = (*loaded).clone();
        }
        Opened {
            state,
            problems,
            from_link,
            compared,
        }
    }

    /// The text of one field, as typed.
    pub fn text(&self, field: Field) -> &str {
        &self.texts[field]
    }

    /// Every field with its text, for saving.
    pub fn texts(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL.iter().copied().zip(self.texts.iter())
    }

    /// Whether any text differs from the preset's (or the defaults') of the
    /// form's version.
    pub fn edited(&self) -> bool {
        self.texts != *base_texts(self.preset.as_deref(), self.version())
    }

    /// Whether [`Action::Undo`] has a form to put back.
    pub fn can_undo(&self) -> bool {
        self.previous.is_some()
    }

    /// The first problem with `field`, if any.
    pub fn error(&self, field: Field) -> Option<&ScenarioError> {
        self.errors.iter().find(|e| e.field() == Some(field))
    }

    /// Whether the shown results lag behind the texts.
    pub fn is_stale(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Problems that belong to no single input (shown with the results).
    pub fn general_errors(&self) -> impl Iterator<Item = &ScenarioError> {
        self.errors.iter().filter(|e| e.field().is_none())
    }

    /// Re-reads every text; keeps the last valid scenario when they do not
    /// read, or when they make a scenario whose outputs cannot be computed
    /// (valid inputs at the far edges of their ranges: the model names the
    /// inputs to blame). A version-1 form stays version 1 while its texts
    /// say nothing version 1 could not.
    fn reparse(mut self) -> Self {
        match scenario_from_texts(|f| self.text(f)) {
            Ok(s) => {
                let s = in_version(s, self.version());
                if *self.scenario == s {
                    self.errors = Rc::new(Vec::new());
                } else {
                    match derive::quick(&s).as_ref() {
                        Ok(_) => {
                            self.scenario = Rc::new(s);
                            self.errors = Rc::new(Vec::new());
                        }
                        Err(errors) => self.errors = Rc::new(errors.0.clone()),
                    }
                }
            }
            Err(errors) => self.errors = Rc::new(errors),
        }
        self
    }

    /// This form, kept for Undo (without its own history).
    fn for_undo(&self) -> Rc<State> {
        Rc::new(State {
            previous: None,
            left_v1_by: None,
            ..self.clone()
        })
    }

    /// This form with `typed` typed into it, one box after the other, as
    /// the reducer takes each [`Action::Edit`].
    pub fn typed(self, typed: Vec<(Field, String)>) -> State {
        let edited = typed
            .into_iter()
            .fold(Rc::new(self), |state, (field, text)| {
                state.reduce(Action::Edit { field, text })
            });
        Rc::unwrap_or_clone(edited)
    }
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
                next.texts[field] = text;
                let mut next = next.reparse();
                next.left_v1_by = (self.version() == 1 && next.version() != 1).then_some(field);
                next
            }
            Action::LoadPreset(id) => match presets::by_id(&id) {
                Some(p) => State {
                    // Stepping through presets (arrow keys on the picker)
                    // keeps the form from before the first of them for Undo:
                    // an untouched preset is nothing to go back to.
                    previous: if self.preset.is_some() && !self.edited() && self.previous.is_some()
                    {
                        self.previous.clone()
                    } else {
                        Some(self.for_undo())
                    },
                    ..State::from_scenario(&p.scenario, Some(id))
                },
                None => return self,
            },
            Action::Reset => match &self.preset {
                Some(id) => State {
                    previous: Some(self.for_undo()),
                    ..State::from_scenario(
                        &share::base_scenario(Some(id), self.version()),
                        Some(id.clone()),
                    )
                },
                None => return self,
            },
            Action::LoadScenario(s) => State {
                previous: Some(self.for_undo()),
                // Through the texts, so a scenario that reads but cannot be
                // computed is marked like typed input.
                ..State::from_texts(
                    Field::ALL.iter().map(|f| (*f, f.text(&s))).collect(),
                    None,
                    s.schema_version,
                )
            },
            Action::LoadTexts {
                texts,
                preset,
                version,
            } => State {
                previous: Some(self.for_undo()),
                ..State::from_texts(texts, preset, version)
            },
            Action::Upgrade => {
                if self.version() != 1 {
                    return self;
                }
                // Version 2's defaults for what version 1 did not model;
                // every other text stays as typed.
                let upgraded = version::upgrade(&self.scenario);
                let texts = Texts::of(|f| {
                    if NEW_IN_V2.contains(&f) && !PUE_FIELDS.contains(&f) {
                        f.text(&upgraded)
                    } else {
                        self.text(f).to_owned()
                    }
                });
                State {
                    previous: Some(self.for_undo()),
                    ..State::load(texts, self.preset.clone(), upgraded)
                }
            }
            Action::Undo => match &self.previous {
                Some(previous) => (**previous).clone(),
                None => return self,
            },
        };
        next.revision = revision;
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_texts_are_written_once_per_preset_and_version() {
        let fresh = |p: &str, v: u64| Texts::from_scenario(&share::base_scenario(Some(p), v));
        let generic = base_texts(Some("generic"), 2);
        assert!(Rc::ptr_eq(&generic, &base_texts(Some("generic"), 2)));
        assert_eq!(*generic, fresh("generic", 2));
        // Another preset, another version: written anew, and right.
        let deal = base_texts(Some("core-scientific-coreweave"), 2);
        assert!(!Rc::ptr_eq(&generic, &deal));
        assert_eq!(*deal, fresh("core-scientific-coreweave", 2));
        assert_ne!(*deal, *generic);
        assert_eq!(*base_texts(Some("generic"), 1), fresh("generic", 1));
        assert_eq!(
            *base_texts(None, 2),
            Texts::from_scenario(&share::base_scenario(None, 2))
        );
    }

    #[test]
    fn typed_boxes_are_edits_one_after_the_other() {
        let s = State::default().typed(vec![
            (Field::SiteGridCapacity, "150".to_owned()),
            (Field::SiteGridCapacity, "1,500".to_owned()),
        ]);
        assert_eq!(s.text(Field::SiteGridCapacity), "1,500");
        assert_eq!(s.scenario.site.grid_capacity_mw, 1500.0);
        assert!(s.edited());
        let none = State::default().typed(Vec::new());
        assert_eq!(none.revision, State::default().revision);
    }

    use crate::model::evaluate;

    fn edit(state: Rc<State>, field: Field, text: &str) -> Rc<State> {
        state.reduce(Action::Edit {
            field,
            text: text.to_owned(),
        })
    }

    #[test]
    fn each_field_keeps_its_own_text() {
        let mut s = Rc::new(State::default());
        for (i, &field) in Field::ALL.iter().enumerate() {
            s = edit(s, field, &format!("text {i}"));
        }
        for (i, &field) in Field::ALL.iter().enumerate() {
            assert_eq!(s.text(field), format!("text {i}"), "{}", field.path());
        }
        let texts: Vec<(Field, &str)> = s.texts().collect();
        assert_eq!(texts.len(), Field::ALL.len());
        assert!(texts
            .iter()
            .enumerate()
            .all(|(i, (f, t))| *f == Field::ALL[i] && *t == format!("text {i}")));
    }

    #[test]
    fn valid_edit_updates_the_scenario() {
        let s = edit(Rc::new(State::default()), Field::SiteGridCapacity, "150");
        assert_eq!(s.scenario.site.grid_capacity_mw, 150.0);
        assert!(!s.is_stale());
        assert!(s.edited());
        let back = edit(s, Field::SiteGridCapacity, "100");
        assert!(!back.edited());
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
        let s = edit(Rc::new(State::default()), Field::HpcDesignPue, "0.8");
        assert_eq!(s.errors.len(), 1);
        assert_eq!(
            s.error(Field::HpcDesignPue)
                .map(ToString::to_string)
                .as_deref(),
            Some("hpc.design_pue: must be between 1 and 3, got 0.8")
        );
        assert!(s.error(Field::SiteGridCapacity).is_none());
    }

    #[test]
    fn fixing_the_field_clears_the_error() {
        let s = edit(Rc::new(State::default()), Field::HpcDesignPue, "0.8");
        let s = edit(s, Field::HpcDesignPue, "1.3");
        assert!(!s.is_stale());
        assert_eq!(s.scenario.hpc.design_pue, 1.3);
    }

    #[test]
    fn a_preset_fills_every_field_and_can_be_edited() {
        let s = Rc::new(State::default()).reduce(Action::LoadPreset("cipher-fluidstack".into()));
        assert_eq!(s.text(Field::HpcCriticalIt), "168");
        assert_eq!(s.preset.as_deref(), Some("cipher-fluidstack"));
        assert!(!s.edited());
        let s = edit(s, Field::ContractRate, "150");
        assert_eq!(s.scenario.contract.rate_usd_per_kw_month, 150.0);
        assert_eq!(s.scenario.hpc.critical_it_mw, Some(168.0));
        assert!(s.edited());
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
            version: 2,
        });
        assert_eq!(s.text(Field::ContractRate), "12x");
        assert!(s.error(Field::ContractRate).is_some());
        // The results use what reads, with the base's value in place of the
        // broken text: the linked price, the default rate.
        assert_eq!(s.scenario.site.energy_price_usd_per_mwh, 60.0);
        assert_eq!(s.scenario.contract.rate_usd_per_kw_month, 125.0);
        assert!(s.is_stale());
        let s = edit(s, Field::ContractRate, "120");
        assert_eq!(s.scenario.site.energy_price_usd_per_mwh, 60.0);
        assert_eq!(s.scenario.contract.rate_usd_per_kw_month, 120.0);
        assert!(!s.is_stale());
    }

    #[test]
    fn stepping_through_presets_keeps_the_edits_for_undo() {
        let s = edit(Rc::new(State::default()), Field::SiteGridCapacity, "250");
        let s = s.reduce(Action::LoadPreset("core-scientific-coreweave".into()));
        let s = s.reduce(Action::LoadPreset("terawulf-core42".into()));
        let s = s.reduce(Action::LoadPreset("cipher-fluidstack".into()));
        assert_eq!(s.preset.as_deref(), Some("cipher-fluidstack"));
        let back = s.clone().reduce(Action::Undo);
        assert_eq!(back.text(Field::SiteGridCapacity), "250");
        assert_eq!(back.preset.as_deref(), Some("generic"));
        // An edited preset is itself something to go back to.
        let t = edit(s, Field::SiteGridCapacity, "300");
        let t = t.reduce(Action::LoadPreset("generic".into()));
        let back = t.reduce(Action::Undo);
        assert_eq!(back.text(Field::SiteGridCapacity), "300");
        assert_eq!(back.preset.as_deref(), Some("cipher-fluidstack"));
    }

    #[test]
    fn a_reload_shows_the_results_the_form_showed() {
        // Grid 200 was valid, then the price became "4x": the saved form
        // carries the scenario of grid 200 and price 45.
        let s = edit(Rc::new(State::default()), Field::SiteGridCapacity, "200");
        let s = edit(s, Field::SiteEnergyPrice, "4");
        let s = edit(s, Field::SiteEnergyPrice, "4x");
        let saved = share::encode_saved(s.texts(), s.preset.as_deref(), 2, Some(&s.scenario));
        let Opened {
            state: opened,
            problems,
            ..
        } = State::open(Some(&saved), "");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(opened.text(Field::SiteEnergyPrice), "4x");
        assert!(opened.is_stale());
        assert_eq!(opened.scenario.site.grid_capacity_mw, 200.0);
        assert_eq!(opened.scenario.site.energy_price_usd_per_mwh, 4.0);
        // A saved scenario that breaks a rule is not used.
        let bad = saved.replace("\"design_pue\":1.35", "\"design_pue\":0.5");
        assert_ne!(bad, saved);
        let Opened {
            state: opened,
            problems,
            ..
        } = State::open(Some(&bad), "");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            opened.scenario.site.grid_capacity_mw, 200.0,
            "from the texts that read"
        );
        assert_eq!(opened.scenario.site.energy_price_usd_per_mwh, 45.0);
    }

    #[test]
    fn inputs_too_extreme_to_compute_are_marked_and_the_results_kept() {
        let s = edit(Rc::new(State::default()), Field::SiteGridCapacity, "150");
        let t = edit(s, Field::MiningEfficiency, "1e-300");
        assert_eq!(t.text(Field::MiningEfficiency), "1e-300");
        assert!(t.is_stale());
        let msg = t.error(Field::MiningEfficiency).map(ToString::to_string);
        assert!(
            msg.as_deref().is_some_and(|m| m.contains("too extreme")),
            "{msg:?}"
        );
        assert_eq!(t.scenario.site.grid_capacity_mw, 150.0);
        assert!(evaluate(&t.scenario).is_ok());
        // A file that reads but cannot be computed: marked the same way.
        let mut extreme = Scenario::default();
        extreme.hpc.opex_usd_per_mw_month = 1e306;
        let u = t.reduce(Action::LoadScenario(Box::new(extreme)));
        assert!(u.error(Field::HpcOpex).is_some(), "{:?}", u.errors);
        assert!(evaluate(&u.scenario).is_ok());
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

    #[test]
    fn a_link_is_applied_over_its_preset_and_keeps_what_the_sender_saw() {
        // The sender starts from Cipher and sets the rate back to the
        // default 140: the link must still carry 140.
        let sender =
            Rc::new(State::default()).reduce(Action::LoadPreset("cipher-fluidstack".into()));
        let sender = edit(sender, Field::ContractRate, "140");
        let fragment =
            share::encode_fragment(sender.texts(), sender.preset.as_deref(), sender.version());
        let Opened {
            state: receiver,
            problems,
            from_link,
            ..
        } = State::open(None, &fragment);
        assert!(from_link);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            receiver.texts().collect::<Vec<_>>(),
            sender.texts().collect::<Vec<_>>()
        );
        assert_eq!(*receiver.scenario, *sender.scenario);
    }

    #[test]
    fn opening_restores_the_saved_form_and_a_link_can_be_undone_back_to_it() {
        let mine = edit(Rc::new(State::default()), Field::SiteGridCapacity, "150");
        let saved = share::encode_saved(mine.texts(), mine.preset.as_deref(), 2, None);

        let Opened {
            state: s,
            problems,
            from_link,
            ..
        } = State::open(Some(&saved), "");
        assert!(!from_link && problems.is_empty());
        assert_eq!(s.text(Field::SiteGridCapacity), "150");
        assert!(!s.can_undo());

        // An anchor such as #chart-energy is not a scenario: the saved form stays.
        let Opened {
            state: s,
            problems,
            from_link,
            ..
        } = State::open(Some(&saved), "chart-energy");
        assert!(!from_link && problems.is_empty(), "{problems:?}");
        assert_eq!(s.text(Field::SiteGridCapacity), "150");

        let Opened {
            state: s,
            from_link,
            ..
        } = State::open(Some(&saved), "preset=terawulf-core42");
        assert!(from_link);
        assert_eq!(s.text(Field::HpcCriticalIt), "60");
        let back = Rc::new(s).reduce(Action::Undo);
        assert_eq!(back.text(Field::SiteGridCapacity), "150");
        assert!(!back.can_undo());
    }

    #[test]
    fn undo_puts_back_the_form_before_a_preset_even_after_edits() {
        let mine = edit(Rc::new(State::default()), Field::SiteGridCapacity, "abc");
        let preset = mine
            .clone()
            .reduce(Action::LoadPreset("hut8-fluidstack".into()));
        assert!(preset.can_undo());
        let edited = edit(preset, Field::ContractRate, "150");
        let back = edited.reduce(Action::Undo);
        assert_eq!(back.text(Field::SiteGridCapacity), "abc");
        assert!(back.is_stale());
        let nothing = back.clone().reduce(Action::Undo);
        assert!(Rc::ptr_eq(&back, &nothing));
    }

    #[test]
    fn a_restored_form_is_edited_only_if_it_differs_from_its_preset() {
        let Opened { state: s, .. } = State::open(
            Some(&share::encode_saved(
                State::default().texts(),
                Some("generic"),
                2,
                None,
            )),
            "",
        );
        assert!(!s.edited());
    }

    /// The version-1 links of tests/fixtures/v1/links.tsv, each with the
    /// scenario it opened to under version 1.
    fn v1_links() -> Vec<(String, String, Scenario)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1");
        let tsv = std::fs::read_to_string(dir.join("links.tsv")).unwrap_or_default();
        tsv.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let (name, fragment) = line.split_once('\t').unwrap_or((line, ""));
                let json = std::fs::read_to_string(dir.join(format!("scenarios/{name}.json")))
                    .unwrap_or_default();
                let want = Scenario::from_json(&json)
                    .unwrap_or_else(|e| panic!("{name}: fixture does not read: {e}"));
                (name.to_owned(), fragment.to_owned(), want)
            })
            .collect()
    }

    #[test]
    fn version_1_links_open_to_the_scenario_version_1_opened() {
        let links = v1_links();
        assert!(links.len() >= 4, "{} links", links.len());
        for (name, fragment, want) in links {
            let Opened {
                state: s,
                problems,
                from_link,
                ..
            } = State::open(None, &fragment);
            assert!(from_link, "{name}");
            assert!(problems.is_empty(), "{name}: {problems:?}");
            assert!(!s.is_stale(), "{name}: {:?}", s.errors);
            assert_eq!(want.schema_version, 1, "{name}");
            assert_eq!(*s.scenario, want, "{name}");
            assert_eq!(s.version(), 1, "{name}");
            // The figures are version 1's: the same evaluation as the file's.
            assert_eq!(evaluate(&s.scenario), evaluate(&want), "{name}");
            // Shared again, the link opens to the same scenario.
            let again = share::encode_fragment(s.texts(), s.preset.as_deref(), s.version());
            assert!(again.starts_with("v=1"), "{again}");
            let Opened {
                state: t, problems, ..
            } = State::open(None, &again);
            assert!(problems.is_empty(), "{name}: {problems:?}");
            assert_eq!(*t.scenario, want, "{name}: {again}");
            assert!(!t.edited() || s.edited(), "{name}");
        }
    }

    #[test]
    fn a_version_1_form_saved_by_version_1_keeps_its_figures() {
        // As version 1 saved the TeraWulf preset with a grid of 80 MW.
        let v1 = crate::presets::v1::by_id("terawulf-core42").map(|p| p.scenario);
        let Some(mut want) = v1 else {
            panic!("no version-1 preset");
        };
        want.site.grid_capacity_mw = 80.0;
        let mut texts = serde_json::Map::new();
        for f in Field::ALL {
            if !NEW_IN_V2.contains(f) {
                texts.insert(f.path().to_owned(), f.text(&want).into());
            }
        }
        texts.insert("hpc.pue".to_owned(), "1.2".into());
        texts.insert(Field::SiteGridCapacity.path().to_owned(), "80".into());
        let saved = serde_json::json!({"v": 1, "preset": "terawulf-core42", "texts": texts});
        let Opened {
            state: s, problems, ..
        } = State::open(Some(&saved.to_string()), "");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(*s.scenario, want);
        assert_eq!(s.version(), 1);
        assert!(s.edited());
        // Saved again (as version 2 writes forms) and reloaded: the same.
        let again = share::encode_saved(s.texts(), s.preset.as_deref(), s.version(), None);
        let Opened {
            state: t, problems, ..
        } = State::open(Some(&again), "");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(*t.scenario, want);
        // Reset goes back to version 1's preset, not version 2's.
        let reset = Rc::new(t).reduce(Action::Reset);
        assert_eq!(reset.version(), 1);
        assert!(!reset.edited());
        assert_eq!(reset.text(Field::SiteGridCapacity), "72.5");
    }

    #[test]
    fn recomputing_with_version_2_keeps_every_value_given_and_undo_takes_it_back() {
        let Opened { state: s, .. } = State::open(
            None,
            "#preset=terawulf-core42&site.energy_price_usd_per_mwh=50",
        );
        assert_eq!(s.version(), 1);
        let before = (*s.scenario).clone();
        let up = Rc::new(s).reduce(Action::Upgrade);
        assert_eq!(up.version(), 2);
        assert!(!up.is_stale(), "{:?}", up.errors);
        assert_eq!(*up.scenario, version::upgrade(&before));
        assert_eq!(up.text(Field::SiteEnergyPrice), "50");
        assert_eq!(up.scenario.tax.rate_pct, Scenario::default().tax.rate_pct);
        assert_ne!(evaluate(&up.scenario), evaluate(&before));
        let back = up.clone().reduce(Action::Undo);
        assert_eq!(back.version(), 1);
        assert_eq!(*back.scenario, before);
        // Only a version-1 form can be recomputed.
        let again = up.clone().reduce(Action::Upgrade);
        assert!(Rc::ptr_eq(&up, &again));
    }

    #[test]
    fn an_edit_beyond_version_1_makes_the_scenario_version_2() {
        let Opened { state: s, .. } = State::open(None, "#site.grid_capacity_mw=120");
        let s = Rc::new(s);
        assert_eq!(s.version(), 1);
        // A field version 1 had: still version 1.
        let s = edit(s, Field::SiteEnergyPrice, "50");
        assert_eq!(s.version(), 1);
        assert_eq!(s.left_v1_by, None);
        // A new field at its version-1 value: still version 1.
        let s = edit(s, Field::TaxRate, "0.0");
        assert_eq!(s.version(), 1);
        // Half-typed: nothing changes yet.
        let s = edit(s, Field::TaxRate, "2x");
        assert_eq!(s.version(), 1);
        assert!(s.is_stale());
        let s = edit(s, Field::TaxRate, "21");
        assert_eq!(s.version(), 2);
        assert_eq!(s.left_v1_by, Some(Field::TaxRate));
        assert_eq!(s.scenario.tax.rate_pct, 21.0);
        assert_eq!(s.scenario.site.grid_capacity_mw, 120.0);
        // And stays version 2, even back at version 1's value.
        let s = edit(s, Field::TaxRate, "0");
        assert_eq!(s.version(), 2);
        assert_eq!(s.left_v1_by, None);
        // Two different PUEs are beyond version 1 too.
        let Opened { state: t, .. } = State::open(None, "#hpc.pue=1.3");
        let t = edit(Rc::new(t), Field::HpcOperatingPue, "1.2");
        assert_eq!(t.left_v1_by, Some(Field::HpcOperatingPue));
    }

    #[test]
    fn a_version_1_file_opens_as_version_1() {
        let json = r#"{"schema_version":1,"hpc":{"pue":1.3},"site":{"grid_capacity_mw":90}}"#;
        let file = Scenario::from_json(json).unwrap_or_default();
        let s = Rc::new(State::default()).reduce(Action::LoadScenario(Box::new(file.clone())));
        assert_eq!(s.version(), 1);
        assert_eq!(*s.scenario, file);
        assert!(!s.is_stale());
        let back = s.reduce(Action::Undo);
        assert_eq!(back.version(), 2);
    }

    #[test]
    fn a_saved_scenario_opens_with_its_figures_and_undo_takes_it_back() {
        // Saved under version 1 and under version 2, opened through the
        // file's path.
        let v1 = crate::presets::v1::by_id("terawulf-core42").map(|p| p.scenario);
        let Some(v1) = v1 else {
            panic!("no version-1 preset")
        };
        let mut shelf = crate::saved::Shelf::default();
        for (name, s) in [("old", &v1), ("new", &Scenario::default())] {
            let e = shelf.saving(name, s, 7).unwrap_or_else(|r| panic!("{r}"));
            shelf.put(e);
        }
        let shelf = crate::saved::Shelf::read(shelf.entries.iter().map(|e| (e.key(), e.encode())));
        let edited = edit(Rc::new(State::default()), Field::SiteGridCapacity, "150");
        for e in &shelf.entries {
            let s = edited
                .clone()
                .reduce(Action::LoadScenario(Box::new(e.scenario.clone())));
            let want = if e.name == "old" {
                &v1
            } else {
                &Scenario::default()
            };
            assert_eq!(*s.scenario, *want, "{}", e.name);
            assert_eq!(s.version(), want.schema_version);
            assert_eq!(evaluate(&s.scenario), evaluate(want));
            let back = s.reduce(Action::Undo);
            assert_eq!(back.text(Field::SiteGridCapacity), "150");
        }
    }
}
