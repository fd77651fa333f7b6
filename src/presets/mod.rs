//! Ready-made scenarios: the generic site and scenarios built from public
//! mining-to-HPC deals. Each names its source and date, and whether it is a
//! retrofit of a mining site or a powered site; what a deal did not disclose
//! keeps the generic default, and `note` says what was assumed.
//!
//! [`v1`] keeps the presets as version 1 had them, for version-1 links.

mod deals;
pub mod v1;

use crate::model::scenario::Scenario;

/// A named scenario with its provenance. Its words (name, source, date,
/// note) are in the language spoken when it was made ([`all`], [`by_id`]).
#[derive(Clone, Debug)]
pub struct Preset {
    /// Stable id for URLs and tests (`generic`, `core-scientific-coreweave`…).
    pub id: &'static str,
    pub name: &'static str,
    /// Where the figures come from.
    pub source: &'static str,
    /// When the deal was reported.
    pub date: &'static str,
    /// What the preset assumes beyond the reported figures.
    pub note: &'static str,
    pub kind: Kind,
    pub scenario: Scenario,
    /// The contract value the source reports, if it reports one.
    pub reported_total_usd: Option<f64>,
    /// How far, in percent of `reported_total_usd`, the modelled
    /// `contract_total_revenue_usd` may differ from it; `note` says why.
    /// 0 when no total is reported.
    pub total_tolerance_pct: f64,
}

/// What kind of site a preset models.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The generic site of the defaults.
    Generic,
    /// An operating mining site converted: its fleet gives way to the halls.
    Retrofit,
    /// A site bought or developed for its power, not yet mining.
    PoweredSite,
}

impl Kind {
    /// As the page and the notes say it, in the language spoken.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Generic => t!("generic site"),
            Kind::Retrofit => t!("retrofit of a mining site"),
            Kind::PoweredSite => t!("powered site"),
        }
    }
}

/// Every preset, the generic site first.
pub fn all() -> Vec<Preset> {
    let mut out = vec![generic()];
    out.extend(deals::all());
    out
}

/// The preset with this id.
pub fn by_id(id: &str) -> Option<Preset> {
    all().into_iter().find(|p| p.id == id)
}

fn generic() -> Preset {
    Preset {
        id: "generic",
        name: t!("Generic 100 MW site"),
        source: t!("Repower defaults, from the public figures in the help texts and docs/MODEL.md"),
        date: "2026",
        note: t!(
            "100 MW of grid power at $45/MWh; $125/kW-month rising 3 % a year, leased per tranche \
               for 12 years, power passed through; $9.5M/MW capex plus 10 %; 25 % tax, 60 % debt."
        ),
        kind: Kind::Generic,
        scenario: Scenario::default(),
        reported_total_usd: None,
        total_tolerance_pct: 0.0,
    }
}
