//! The Yew single-page app. It only calls the model and the charts; it never
//! computes money itself. It reaches the browser through `crate::web`, and
//! the entry point (`src/main.rs`) mounts [`app::App`].
//!
//! * [`state`]: the one reducer (`State`, `Action`): every field's text as
//!   typed, the last valid scenario, the form before the last load (Undo).
//! * [`app`]: the page; results derived with `use_memo`, browser effects
//!   (saving, theme, downloads) through `crate::web`.
//! * [`derive`]: the one evaluation per scenario, shared by the reducer and
//!   the page.
//! * [`display`]: the display currency's inputs and what they read as
//!   (pure).
//! * [`kpis`]: the headline cards' wording (pure).
//! * [`messages`]: the model's messages as the page shows them.
//! * [`catalog`]: slider ranges and arrow-key steps.
//! * [`layout`]: the charts' width from the window's, as the stylesheet lays
//!   them out.
//! * [`drawings`]: the charts, drawn where they can be seen.
//! * [`risk`]: the risk view's work in slices, its figures, and what the
//!   page holds of the runs it asked for (pure).
//! * [`risk_engine`]: what the page and the risk view's worker say to each
//!   other, and the engine the worker runs (pure).
//! * [`components`]: small components with their own props.

pub mod app;
pub mod catalog;
pub mod compare;
pub mod components;
pub mod derive;
pub mod display;
pub mod drawings;
pub mod kpis;
pub mod layout;
pub mod messages;
pub mod present;
pub mod report;
pub mod risk;
pub mod risk_engine;
pub mod state;
