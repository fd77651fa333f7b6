//! The scenario: every input of the model, its default, its JSON form and its
//! validation.
//!
//! The JSON form nests the fields in groups (`site`, `mining`, `hpc`,
//! `contract`, `greenfield`, `tenant`, `finance`, `sensitivity`), exactly as
//! the dotted paths of the inputs read. Missing fields take their defaults; a
//! field the format does not know is an error naming it, so a typo never
//! falls back to a default silently. `schema_version` (1) lets later formats
//! read older files.

use serde::Serialize;
use serde_json::Value as Json;

use super::error::{ScenarioError, ScenarioErrors};
use super::field::{form_number, Field, Kind, Value};
use super::json;
use super::version;

/// The scenario format this build writes (docs/MODEL.md, "Versions and old
/// files"). It also reads version 1.
pub const SCHEMA_VERSION: u64 = 2;

/// A complete set of inputs. `Scenario::default()` is the "Generic 100 MW
/// site". A value of this type may be invalid; [`Scenario::validate`] says
/// why, and [`crate::model::evaluate`] refuses to run on it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    /// Version of the scenario format: 2, or 1 for a scenario made under
    /// version 1 (whose IRR keeps version 1's rule).
    pub schema_version: u64,
    pub site: Site,
    pub mining: Mining,
    pub hpc: Hpc,
    pub contract: Contract,
    pub terminal: Terminal,
    pub tax: Tax,
    pub greenfield: Greenfield,
    pub tenant: Tenant,
    pub finance: Finance,
    pub sensitivity: Sensitivity,
    pub risk: Risk,
}

/// The site: its utility interconnect and the price of its power.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Site {
    pub grid_capacity_mw: f64,
    pub energy_price_usd_per_mwh: f64,
    pub energy_escalator_pct_per_year: f64,
}

/// The mining fleet and Bitcoin's economics.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mining {
    pub efficiency_j_per_th: f64,
    pub pue: f64,
    pub uptime_pct: f64,
    pub hashprice_usd_per_ph_day: f64,
    pub hashprice_drift_pct_per_year: f64,
    /// `None` ignores halvings.
    pub months_to_next_halving: Option<u32>,
    pub pool_fee_pct: f64,
    pub opex_usd_per_mw_month: f64,
    pub opex_escalator_pct_per_year: f64,
    pub curtail_when_unprofitable: bool,
    pub retire_when_unprofitable: bool,
    pub fleet_resale_usd_per_th: f64,
    pub fleet_resale_decline_pct_per_year: f64,
}

/// The HPC conversion.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hpc {
    /// `None` means the whole site: `grid_capacity_mw / design_pue`.
    pub critical_it_mw: Option<f64>,
    /// Grid MW reserved per MW of critical IT (sizing, at peak).
    pub design_pue: f64,
    /// Average grid energy per unit of IT energy (billing).
    pub operating_pue: f64,
    pub conversion_months: u32,
    pub ramp_months: u32,
    pub capex_usd_per_mw: f64,
    pub capex_contingency_pct: f64,
    pub site_capex_usd: f64,
    pub tenant_capex_share_pct: f64,
    pub opex_usd_per_mw_month: f64,
    pub opex_escalator_pct_per_year: f64,
    pub utilization_pct: f64,
}

/// The hosting contract.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contract {
    pub term_years: u32,
    pub rate_usd_per_kw_month: f64,
    pub escalator_pct_per_year: f64,
    pub power_pass_through: bool,
    /// Each delivered tranche is leased for the full term from its delivery.
    pub term_per_tranche: bool,
}

/// What the halls are worth after the contract.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Terminal {
    /// `None`: no terminal value.
    pub exit_cap_rate_pct: Option<f64>,
    pub renewal_probability_pct: f64,
    pub downtime_months: u32,
    pub refit_pct_of_capex: f64,
    pub keep_mining_site_value_usd_per_mw: f64,
}

/// Income tax.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tax {
    pub rate_pct: f64,
    pub bonus_depreciation_pct: f64,
    pub depreciation_years: u32,
}

/// Greenfield HPC build baselines the conversion is compared with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Greenfield {
    pub build_months: Vec<u32>,
}

/// The tenant's side of the table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tenant {
    pub compute_value_usd_per_mw_month: f64,
}

/// Discounting and project debt.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finance {
    pub discount_rate_pct: f64,
    pub debt_pct_of_capex: f64,
    pub debt_rate_pct: f64,
    pub debt_tenor_years: u32,
}

/// The risk view's settings: the tornado's swings and the Monte Carlo
/// simulation (docs/MODEL.md, "Risk").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Risk {
    /// Tornado: relative swing of the inputs measured in levels, %.
    pub swing_pct: f64,
    /// Tornado: swing of the conversion time, months.
    pub swing_months: u32,
    /// Tornado: swing of the inputs that are rates, percentage points.
    pub swing_rate_points: f64,
    /// Yearly volatility of hashprice around its trend, %.
    pub hashprice_volatility_pct: f64,
    /// Yearly volatility of the energy price around its trend, %.
    pub energy_volatility_pct: f64,
    /// Correlation of the two prices' monthly shocks, %.
    pub correlation_pct: f64,
    /// The conversion's slip, uniform over these whole months.
    pub slip_min_months: u32,
    pub slip_max_months: u32,
    /// Yearly probability that the tenant defaults, %.
    pub tenant_default_pct_per_year: f64,
    /// Number of simulated paths.
    pub paths: u32,
    /// Seed of the generator: the same seed gives the same paths.
    pub seed: u32,
}

impl Default for Risk {
    fn default() -> Self {
        Self {
            swing_pct: 20.0,
            swing_months: 6,
            swing_rate_points: 2.0,
            hashprice_volatility_pct: 50.0,
            energy_volatility_pct: 25.0,
            correlation_pct: 0.0,
            slip_min_months: 0,
            slip_max_months: 6,
            tenant_default_pct_per_year: 0.0,
            paths: 2_000,
            seed: 1,
        }
    }
}

/// The energy-price sweep of the sensitivity chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sensitivity {
    /// `[min, max, steps]`.
    pub energy_usd_per_mwh: Sweep,
}

/// An inclusive, evenly spaced sweep, written `[min, max, steps]` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(into = "SweepJson")]
pub struct Sweep {
    pub min: f64,
    pub max: f64,
    pub steps: u32,
}

#[derive(Serialize)]
struct SweepJson(f64, f64, u32);

impl From<Sweep> for SweepJson {
    fn from(s: Sweep) -> Self {
        Self(s.min, s.max, s.steps)
    }
}

impl Sweep {
    /// The swept values, `steps` of them, from `min` to `max` inclusive.
    pub fn points(&self) -> impl Iterator<Item = f64> + '_ {
        let n = self.steps.max(2);
        (0..n).map(move |i| {
            if i + 1 == n {
                self.max
            } else {
                self.min + (self.max - self.min) * f64::from(i) / f64::from(n - 1)
            }
        })
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            site: Site::default(),
            mining: Mining::default(),
            hpc: Hpc::default(),
            contract: Contract::default(),
            terminal: Terminal::default(),
            tax: Tax::default(),
            greenfield: Greenfield::default(),
            tenant: Tenant::default(),
            finance: Finance::default(),
            sensitivity: Sensitivity::default(),
            risk: Risk::default(),
        }
    }
}

impl Default for Site {
    fn default() -> Self {
        Self {
            grid_capacity_mw: 100.0,
            energy_price_usd_per_mwh: 45.0,
            energy_escalator_pct_per_year: 2.0,
        }
    }
}

impl Default for Mining {
    fn default() -> Self {
        Self {
            efficiency_j_per_th: 22.0,
            pue: 1.10,
            uptime_pct: 95.0,
            hashprice_usd_per_ph_day: 40.0,
            hashprice_drift_pct_per_year: -10.0,
            months_to_next_halving: Some(16),
            pool_fee_pct: 2.0,
            opex_usd_per_mw_month: 4_000.0,
            opex_escalator_pct_per_year: 3.0,
            curtail_when_unprofitable: true,
            retire_when_unprofitable: true,
            fleet_resale_usd_per_th: 5.0,
            fleet_resale_decline_pct_per_year: 30.0,
        }
    }
}

impl Default for Hpc {
    fn default() -> Self {
        Self {
            critical_it_mw: None,
            design_pue: 1.35,
            operating_pue: 1.20,
            conversion_months: 12,
            ramp_months: 12,
            capex_usd_per_mw: 9_500_000.0,
            capex_contingency_pct: 10.0,
            site_capex_usd: 0.0,
            tenant_capex_share_pct: 0.0,
            opex_usd_per_mw_month: 24_000.0,
            opex_escalator_pct_per_year: 3.0,
            utilization_pct: 80.0,
        }
    }
}

impl Default for Contract {
    fn default() -> Self {
        Self {
            term_years: 12,
            rate_usd_per_kw_month: 125.0,
            escalator_pct_per_year: 3.0,
            power_pass_through: true,
            term_per_tranche: true,
        }
    }
}

impl Default for Terminal {
    fn default() -> Self {
        Self {
            exit_cap_rate_pct: Some(7.5),
            renewal_probability_pct: 75.0,
            downtime_months: 12,
            refit_pct_of_capex: 25.0,
            keep_mining_site_value_usd_per_mw: 0.0,
        }
    }
}

impl Default for Tax {
    fn default() -> Self {
        Self {
            rate_pct: 25.0,
            bonus_depreciation_pct: 60.0,
            depreciation_years: 39,
        }
    }
}

impl Default for Greenfield {
    fn default() -> Self {
        Self {
            build_months: vec![36, 48, 60],
        }
    }
}

impl Default for Tenant {
    fn default() -> Self {
        Self {
            compute_value_usd_per_mw_month: 250_000.0,
        }
    }
}

impl Default for Finance {
    fn default() -> Self {
        Self {
            discount_rate_pct: 10.0,
            debt_pct_of_capex: 60.0,
            debt_rate_pct: 8.0,
            debt_tenor_years: 10,
        }
    }
}

impl Default for Sensitivity {
    fn default() -> Self {
        Self {
            energy_usd_per_mwh: Sweep {
                min: 20.0,
                max: 120.0,
                steps: 21,
            },
        }
    }
}

impl Scenario {
    /// Decodes a scenario from JSON text and validates it. Every problem is
    /// named by its field path; decoding stops at the first problem of form
    /// (bad JSON, wrong type, unknown field), validation reports every broken
    /// rule at once.
    pub fn from_json(text: &str) -> Result<Self, ScenarioErrors> {
        let scenario = Self::decode_json(text)?;
        scenario.validate().map_err(|e| {
            if scenario.schema_version == 1 {
                version::name_v1_errors(e)
            } else {
                e
            }
        })?;
        Ok(scenario)
    }

    /// Decodes without validating the ranges (the form of the document only).
    pub fn decode_json(text: &str) -> Result<Self, ScenarioError> {
        let doc = json::parse(text).map_err(|e| ScenarioError::Decode {
            path: if e.path.is_empty() {
                "scenario".to_owned()
            } else {
                e.path.clone()
            },
            message: plain_syntax(e),
        })?;
        Self::decode_value(&doc)
    }

    /// Decodes a document already read as JSON (defaults for what it leaves
    /// out, version 1's for a version-1 document).
    pub fn decode_value(doc: &Json) -> Result<Self, ScenarioError> {
        match version::of_document(doc)? {
            1 => version::decode_v1(doc.clone()),
            _ => {
                version::refuse_v1_names(doc)?;
                let mut scenario = decode_onto(Self::default(), doc)?;
                scenario.schema_version = SCHEMA_VERSION;
                Ok(scenario)
            }
        }
    }

    /// Pretty JSON of the whole scenario (every field, defaults included).
    /// A version-1 scenario is written in version 1's format while it is
    /// one (see [`version::as_v1_json`]), so it opens again with version 1's
    /// figures.
    pub fn to_json_pretty(&self) -> String {
        match version::as_v1_json(self) {
            Some(v1) => serde_json::to_string_pretty(&v1).unwrap_or_default(),
            None => {
                let current = Self {
                    schema_version: SCHEMA_VERSION,
                    ..self.clone()
                };
                serde_json::to_string_pretty(&current).unwrap_or_default()
            }
        }
    }

    /// Checks every rule of every field; one error per broken field.
    pub fn validate(&self) -> Result<(), ScenarioErrors> {
        let mut errors = Vec::new();
        for &field in Field::ALL {
            if let Err(e) = field.check(self) {
                errors.push(e);
            }
        }
        // Cross-field rules, only when the fields they read are valid.
        let broken: Vec<Field> = errors.iter().filter_map(ScenarioError::field).collect();
        let ok = |f: Field| !broken.contains(&f);
        if ok(Field::HpcCriticalIt) && ok(Field::HpcDesignPue) && ok(Field::SiteGridCapacity) {
            if let Some(c) = self.hpc.critical_it_mw {
                let g = self.site.grid_capacity_mw;
                if c * self.hpc.design_pue > g * (1.0 + 1e-9) {
                    errors.push(ScenarioError::ExceedsSite {
                        critical_it_mw: c,
                        design_pue: self.hpc.design_pue,
                        grid_mw: g,
                    });
                }
            }
        }
        let s = &self.sensitivity.energy_usd_per_mwh;
        if ok(Field::SweepMin) && ok(Field::SweepMax) && s.min >= s.max {
            errors.push(ScenarioError::SweepOrder {
                min: s.min,
                max: s.max,
            });
        }
        let r = &self.risk;
        if ok(Field::RiskSlipMin) && ok(Field::RiskSlipMax) && r.slip_min_months > r.slip_max_months
        {
            errors.push(ScenarioError::SlipOrder {
                min: r.slip_min_months,
                max: r.slip_max_months,
            });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ScenarioErrors(errors))
        }
    }

    /// The contracted critical IT MW, `C`: the given value, or the whole site
    /// (`G / hpc.design_pue`) when none is given.
    pub fn critical_it_mw(&self) -> f64 {
        self.hpc
            .critical_it_mw
            .unwrap_or(self.site.grid_capacity_mw / self.hpc.design_pue)
    }
}

// ---- the document, field by field -------------------------------------------
//
// The format is the field table's paths: `site.grid_capacity_mw` is the key
// `grid_capacity_mw` of the object `site`. The sweep's three fields are one
// list, `sensitivity.energy_usd_per_mwh: [min, max, steps]`, and
// `greenfield.build_months` is a list of whole numbers. Month, year and step
// counts are whole numbers: JSON writers often emit `12.0`, which is
// accepted; `12.5` is not. Ranges are checked by `validate`.

/// What a group of inputs or the document must be.
const AN_OBJECT: &str = en!("an object { … }");

/// The reader's words for a text that ends early, and the plainer words a
/// scenario's message uses instead.
const ENDS_EARLY: [(&str, &str); 4] = [
    (
        en!("EOF while parsing a value"),
        en!("the text ends in the middle of a value"),
    ),
    (
        en!("EOF while parsing a list"),
        en!("the text ends in the middle of a list"),
    ),
    (
        en!("EOF while parsing an object"),
        en!("the text ends in the middle of an object"),
    ),
    (
        en!("EOF while parsing a string"),
        en!("the text ends in the middle of a string"),
    ),
];

/// A document that is not JSON, said as a scenario's message: where, and
/// a text that ends early in plain words.
fn plain_syntax(mut e: json::SyntaxError) -> String {
    if let Some((_, plain)) = ENDS_EARLY
        .iter()
        .find(|(eof, _)| e.what == crate::lang::tr(eof))
    {
        crate::lang::tr(plain).clone_into(&mut e.what);
    }
    e.to_string()
}

/// The template of a key the format does not know.
const UNKNOWN_FIELD: &str = en!("unknown field, expected one of {names}");

/// Whether `message` says a key is unknown to the format (in the language
/// spoken).
pub(crate) fn is_unknown_field(message: &str) -> bool {
    json::fits_template(crate::lang::tr(UNKNOWN_FIELD), message)
}

/// An error at `path`, the keys in it as the document wrote them (any
/// text): named on one line, as a message quotes a text.
fn decode(path: &str, message: String) -> ScenarioError {
    ScenarioError::Decode {
        path: json::quoted(path),
        message,
    }
}

/// A field's place in the document: its group's key and its own
/// (`("site", "grid_capacity_mw")`; the sweep's fields share one key).
fn keys_of(field: Field) -> (&'static str, &'static str) {
    let path = field.path();
    let (group, rest) = path.split_once('.').unwrap_or(("", path));
    (group, rest.split('[').next().unwrap_or(rest))
}

/// "unknown field, expected one of `a`, `b`": the keys a place knows.
fn unknown(path: &str, known: impl Iterator<Item = &'static str>) -> ScenarioError {
    let mut names: Vec<&str> = Vec::new();
    for k in known {
        if !names.contains(&k) {
            names.push(k);
        }
    }
    let list: Vec<String> = names.iter().map(|k| format!("`{k}`")).collect();
    decode(
        path,
        crate::lang::fill(
            crate::lang::tr(UNKNOWN_FIELD),
            &["names"],
            &[&list.join(", ")],
        ),
    )
}

/// Reads `doc` onto `base`: each field the document gives replaces base's
/// value; a key the format does not know, or a value of the wrong type, is
/// an error naming its path.
pub(crate) fn decode_onto(mut s: Scenario, doc: &Json) -> Result<Scenario, ScenarioError> {
    let Json::Object(groups) = doc else {
        return Err(decode("scenario", json::invalid_type(doc, AN_OBJECT)));
    };
    for (group, inputs) in groups {
        if group == "schema_version" {
            continue;
        }
        let fields = || {
            Field::ALL
                .iter()
                .copied()
                .filter(move |&f| keys_of(f).0 == group)
        };
        if fields().next().is_none() {
            let known =
                std::iter::once("schema_version").chain(Field::ALL.iter().map(|&f| keys_of(f).0));
            return Err(unknown(group, known));
        }
        let Json::Object(inputs) = inputs else {
            return Err(decode(group, json::invalid_type(inputs, AN_OBJECT)));
        };
        for (key, value) in inputs {
            let path = format!("{group}.{key}");
            let mut named = fields().filter(|&f| keys_of(f).1 == key).peekable();
            match named.peek() {
                None => return Err(unknown(&path, fields().map(|f| keys_of(f).1))),
                // Fields sharing one key are the places of a list.
                Some(&f) if f.path().ends_with(']') => {
                    let places: Vec<Field> = named.collect();
                    let Json::Array(items) = value else {
                        return Err(decode(
                            &path,
                            json::invalid_type(value, en!("a list [ … ]")),
                        ));
                    };
                    if items.len() != places.len() {
                        let names: Vec<&str> = places.iter().map(|f| f.label()).collect();
                        return Err(decode(
                            &path,
                            t!(
                                "invalid length {got}, expected a list of {count}: [{names}]",
                                got = items.len(),
                                count = places.len(),
                                names = names.join(", ")
                            ),
                        ));
                    }
                    for (&place, item) in places.iter().zip(items) {
                        set(&mut s, place, place.path(), item)?;
                    }
                }
                Some(&f) => set(&mut s, f, &path, value)?,
            }
        }
    }
    Ok(s)
}

/// Sets `field` from the document's `value`, found at `path`.
fn set(s: &mut Scenario, field: Field, path: &str, value: &Json) -> Result<(), ScenarioError> {
    let typed = match field.kind() {
        Kind::Number => Value::Number(number(path, value)?),
        Kind::OptionalNumber => Value::OptNumber(match value {
            Json::Null => None,
            v => Some(number(path, v)?),
        }),
        Kind::Whole => Value::Whole(whole(field, path, value)?),
        Kind::OptionalWhole => Value::OptWhole(match value {
            Json::Null => None,
            v => Some(whole(field, path, v)?),
        }),
        Kind::Bool => match value {
            Json::Bool(b) => Value::Bool(*b),
            v => return Err(decode(path, json::invalid_type(v, en!("a boolean")))),
        },
        Kind::WholeList => match value {
            Json::Array(items) => Value::List(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| whole(field, &format!("{path}[{i}]"), x))
                    .collect::<Result<_, _>>()?,
            ),
            v => return Err(decode(path, json::invalid_type(v, en!("a list [ … ]")))),
        },
    };
    field
        .set(s, typed)
        .map_err(|_| decode(path, t!("cannot be set from the document").to_owned()))
}

fn number(path: &str, value: &Json) -> Result<f64, ScenarioError> {
    value
        .as_f64()
        .ok_or_else(|| decode(path, json::invalid_type(value, en!("a number"))))
}

fn whole(field: Field, path: &str, value: &Json) -> Result<u32, ScenarioError> {
    let x = number(path, value)?;
    if !x.is_finite() || x.fract() != 0.0 || x < 0.0 || x > f64::from(u32::MAX) {
        return Err(decode(
            path,
            t!(
                "must be a whole number {rule}, got {got}",
                rule = field.rule().phrase(),
                got = form_number(x)
            ),
        ));
    }
    Ok(x as u32)
}
