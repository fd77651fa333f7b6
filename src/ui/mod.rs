//! The Yew single-page app. It only calls the model and the charts; it never
//! computes money itself.
//!
//! * [`state`]: the one reducer (`State`, `Action`).
//! * [`app`]: the page; results derived with `use_memo`.
//! * [`kpis`]: the headline cards' wording (pure).
//! * [`catalog`]: slider ranges.
//! * [`drawings`]: the charts, drawn where they can be seen.
//! * [`components`]: small components with their own props.

pub mod app;
pub mod catalog;
pub mod components;
pub mod derive;
pub mod drawings;
pub mod kpis;
pub mod layout;
pub mod messages;
pub mod state;
