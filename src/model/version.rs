//! Scenarios made under version 1 of the model (docs/MODEL.md, "Versions and
//! old files").
//!
//! A version-1 scenario opens with exactly the figures version 1 gave: its
//! fields take version 1's defaults ([`v1_defaults`]), `hpc.pue` becomes
//! both `hpc.design_pue` and `hpc.operating_pue`, and every field new in
//! version 2 ([`NEW_IN_V2`]) takes the value that switches its feature off.
//! Such a scenario keeps `schema_version: 1`, which keeps version 1's IRR
//! rule; everything else is version 2's arithmetic, which with those values
//! is version 1's.

use serde_json::Value;

use super::error::{ScenarioError, ScenarioErrors};
use super::field::Field;
use super::scenario::{decode_onto, Scenario, SCHEMA_VERSION};

/// The fields version 2 added. Their values in [`v1_defaults`] switch the
/// new behaviour off. (`hpc.design_pue` and `hpc.operating_pue` replace
/// version 1's `hpc.pue`; see [`V1_PUE`].)
pub const NEW_IN_V2: &[Field] = &[
    Field::MiningOpexEscalator,
    Field::MiningRetire,
    Field::MiningFleetResale,
    Field::MiningFleetResaleDecline,
    Field::HpcDesignPue,
    Field::HpcOperatingPue,
    Field::HpcCapexContingency,
    Field::HpcSiteCapex,
    Field::HpcOpexEscalator,
    Field::ContractTermPerTranche,
    Field::TerminalExitCap,
    Field::TerminalRenewal,
    Field::TerminalDowntime,
    Field::TerminalRefit,
    Field::TerminalSiteValue,
    Field::TaxRate,
    Field::TaxBonus,
    Field::TaxLife,
    Field::FinanceDebtShare,
    Field::FinanceDebtRate,
    Field::FinanceDebtTenor,
    Field::RiskSwing,
    Field::RiskSwingMonths,
    Field::RiskSwingPoints,
    Field::RiskHashVol,
    Field::RiskEnergyVol,
    Field::RiskCorrelation,
    Field::RiskSlipMin,
    Field::RiskSlipMax,
    Field::RiskDefault,
    Field::RiskPaths,
    Field::RiskSeed,
];

/// Version 1's one PUE, which version 2 splits in two.
pub const V1_PUE: &str = "hpc.pue";
const V1_PUE_KEY: &str = "pue";

/// The fields that replaced [`V1_PUE`].
pub const PUE_FIELDS: [Field; 2] = [Field::HpcDesignPue, Field::HpcOperatingPue];

/// Version 1's "Generic 100 MW site" in version 2's terms: version 1's
/// defaults, every new feature switched off, `schema_version: 1`.
pub fn v1_defaults() -> Scenario {
    let mut s = Scenario {
        schema_version: 1,
        ..Scenario::default()
    };
    s.mining.months_to_next_halving = Some(17);
    s.mining.opex_escalator_pct_per_year = 0.0;
    s.mining.retire_when_unprofitable = false;
    s.mining.fleet_resale_usd_per_th = 0.0;
    s.mining.fleet_resale_decline_pct_per_year = 0.0;
    s.hpc.design_pue = 1.25;
    s.hpc.operating_pue = 1.25;
    s.hpc.capex_usd_per_mw = 7_000_000.0;
    s.hpc.capex_contingency_pct = 0.0;
    s.hpc.opex_usd_per_mw_month = 15_000.0;
    s.hpc.opex_escalator_pct_per_year = 0.0;
    s.contract.rate_usd_per_kw_month = 140.0;
    s.contract.term_per_tranche = false;
    s.terminal.exit_cap_rate_pct = None;
    s.tax.rate_pct = 0.0;
    s.tenant.compute_value_usd_per_mw_month = 700_000.0;
    s.finance.debt_pct_of_capex = 0.0;
    s
}

/// Sets version 1's one PUE: both of version 2's.
pub fn set_v1_pue(s: &mut Scenario, pue: f64) {
    s.hpc.design_pue = pue;
    s.hpc.operating_pue = pue;
}

/// Whether `s` says nothing version 1 could not: every field new in
/// version 2 at its version-1 value, one PUE.
pub fn is_v1_representable(s: &Scenario) -> bool {
    let v1 = v1_defaults();
    s.hpc.design_pue == s.hpc.operating_pue
        && NEW_IN_V2
            .iter()
            .filter(|f| !PUE_FIELDS.contains(f))
            .all(|f| f.get(s) == f.get(&v1))
}

/// The version-2 scenario that keeps every value `s` gives for what version
/// 1 modelled (its one PUE as both PUEs) and takes version 2's defaults for
/// everything version 1 did not model.
pub fn upgrade(s: &Scenario) -> Scenario {
    let defaults = Scenario::default();
    let mut out = s.clone();
    out.schema_version = SCHEMA_VERSION;
    for &f in NEW_IN_V2.iter().filter(|f| !PUE_FIELDS.contains(f)) {
        // Same field, same kind: cannot fail.
        let _ = f.set(&mut out, f.get(&defaults));
    }
    out
}

/// The `schema_version` a document declares (the current one when it says
/// none); any other number than 1 or 2 is refused.
pub fn of_document(value: &Value) -> Result<u64, ScenarioError> {
    let Some(v) = value.get("schema_version") else {
        return Ok(SCHEMA_VERSION);
    };
    match v.as_u64() {
        Some(n @ (1 | 2)) => Ok(n),
        Some(got) => Err(ScenarioError::SchemaVersion { got }),
        None => Err(ScenarioError::Decode {
            path: "schema_version".to_owned(),
            message: t!("must be 1 or 2, got {got}", got = v),
        }),
    }
}

/// A version-2 document that still says `hpc.pue`: an error naming the two
/// fields that replaced it.
pub fn refuse_v1_names(value: &Value) -> Result<(), ScenarioError> {
    if value
        .get("hpc")
        .and_then(Value::as_object)
        .is_some_and(|hpc| hpc.contains_key(V1_PUE_KEY))
    {
        return Err(ScenarioError::Decode {
            path: V1_PUE.to_owned(),
            message: t!(
                "replaced in version 2 by {design} (grid MW reserved per MW of IT) and \
                 {operating} (energy billed per unit of IT energy); give those, or write \
                 \"schema_version\": 1 for a version-1 scenario",
                design = Field::HpcDesignPue.path(),
                operating = Field::HpcOperatingPue.path()
            ),
        });
    }
    Ok(())
}

/// Reads a version-1 document: version 1's defaults for what it leaves out,
/// `hpc.pue` as both PUEs; a field new in version 2 is refused, named.
pub fn decode_v1(mut value: Value) -> Result<Scenario, ScenarioError> {
    // Fields version 1 did not have.
    for &f in NEW_IN_V2 {
        if lookup(&value, f.path()).is_some() {
            return Err(ScenarioError::Decode {
                path: f.path().to_owned(),
                message: t!("is new in version 2 of the format; this file says \
                             \"schema_version\": 1 (write 2 to use it)")
                .to_owned(),
            });
        }
    }
    // `hpc.pue` → both PUEs.
    let gave_pue = match value.get_mut("hpc").and_then(Value::as_object_mut) {
        Some(hpc) => match hpc.remove(V1_PUE_KEY) {
            Some(pue) => {
                for f in PUE_FIELDS {
                    hpc.insert(leaf(f.path()).to_owned(), pue.clone());
                }
                true
            }
            None => false,
        },
        None => false,
    };
    let scenario = decode_onto(v1_defaults(), &value).map_err(|e| match e {
        // Set from `hpc.pue`: name what the file said.
        ScenarioError::Decode { path, message }
            if gave_pue && PUE_FIELDS.iter().any(|f| f.path() == path) =>
        {
            ScenarioError::Decode {
                path: V1_PUE.to_owned(),
                message,
            }
        }
        other => other,
    })?;
    Ok(Scenario {
        schema_version: 1,
        ..scenario
    })
}

/// A version-1 scenario as version 1 wrote it, while it is one (`None` for
/// a version-2 scenario or one that sets a version-2 feature).
pub fn as_v1_json(s: &Scenario) -> Option<Value> {
    if s.schema_version != 1 || !is_v1_representable(s) {
        return None;
    }
    let mut value: Value = serde_json::to_value(s).ok()?;
    for &f in NEW_IN_V2 {
        remove(&mut value, f.path());
    }
    let hpc = value.get_mut("hpc")?.as_object_mut()?;
    hpc.insert(V1_PUE_KEY.to_owned(), Value::from(s.hpc.design_pue));
    for group in ["terminal", "tax", "risk"] {
        value.as_object_mut()?.remove(group);
    }
    Some(value)
}

/// A version-1 scenario's errors as its file said it: the two PUEs' rule
/// errors become one error for `hpc.pue`.
pub fn name_v1_errors(errors: ScenarioErrors) -> ScenarioErrors {
    let mut out: Vec<ScenarioError> = Vec::with_capacity(errors.0.len());
    let mut named = false;
    for e in errors.0 {
        match e.field() {
            Some(f) if PUE_FIELDS.contains(&f) => {
                if !named {
                    named = true;
                    out.push(ScenarioError::Decode {
                        path: V1_PUE.to_owned(),
                        message: e.message(),
                    });
                }
            }
            _ => out.push(e),
        }
    }
    ScenarioErrors(out)
}

/// The last part of a dotted path.
fn leaf(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, key| v.get(key))
}

fn remove(value: &mut Value, path: &str) {
    if let Some((group, key)) = path.split_once('.') {
        if let Some(map) = value.get_mut(group).and_then(Value::as_object_mut) {
            map.remove(key);
        }
    }
}
