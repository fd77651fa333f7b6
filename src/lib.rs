//! # Repower
//!
//! What converting a Bitcoin mining site into AI/HPC hosting is worth, for the
//! miner and for the AI tenant across the table.
//!
//! * [`model`]: the pure conversion-economics core (docs/MODEL.md in code).
//! * [`charts`]: the four charts as SVG text, pure functions of a result.
//! * [`export`]: the monthly cash flows, their yearly totals and CSV files.
//! * [`format`]: money, percent and month formatting shared by all front ends.
//! * [`currency`]: the display currency (results shown in another currency
//!   at a rate the reader types; the model stays in dollars).
//! * [`lang`]: the language the page speaks (English, Brazilian Portuguese):
//!   texts looked up in a catalogue per language, numbers written and read
//!   its way.
//! * [`numeral`]: reading a decimal numeral as a number, the one door from
//!   the pure core to the browser (whose parser the page uses).
//! * [`presets`]: the "Generic 100 MW site" and scenarios from public deals.
//! * [`ui`] and [`web`]: the Yew single-page app and its browser glue. They
//!   run in the browser; they also build natively so the reducer and the card
//!   wording are tested in milliseconds.
//! * [`share`]: link fragments and the saved form; [`saved`]: saved
//!   scenarios (named, kept in the browser); [`summary`]: the evaluator's
//!   text summary.
//!
//! The model and the charts never depend on the UI; the UI never computes money.

// First, so every module can write `t!` and `en!`.
#[macro_use]
pub mod lang;

pub mod charts;
pub mod currency;
pub mod export;
pub mod format;
pub mod model;
pub mod numeral;
pub mod order;
pub mod presets;
pub mod saved;
pub mod share;
pub mod summary;
pub mod ui;
pub mod web;
