//! Typed errors of the model: every one names the scenario field it is about.
//!
//! The `Display` form is always `field.path: message`, one line, so the
//! evaluator can print one per line on stderr and the web page can show the
//! message next to the input it belongs to.

use std::fmt;

use super::field::{form_number, Field, Rule};
use super::output::Output;

/// One problem with a scenario, naming the field (by its dotted path).
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
    /// The scenario text could not be decoded: bad JSON, a wrong type, an
    /// unknown field. `path` is the dotted path of the offending value
    /// (`scenario` for the document as a whole).
    Decode { path: String, message: String },
    /// The text typed for a field is not a number (or not a list of numbers).
    NotANumber { field: Field, text: String },
    /// A required field was left empty.
    Empty { field: Field },
    /// NaN or an infinity.
    NotFinite { field: Field },
    /// A field that counts months, years or steps got a fraction.
    NotWhole { field: Field, got: f64 },
    /// A value outside the field's valid range.
    OutOfRange { field: Field, rule: Rule, got: f64 },
    /// One entry of `greenfield.build_months` is out of range.
    BaselineOutOfRange { index: usize, got: f64 },
    /// `greenfield.build_months` must hold 1 to 5 baselines.
    BaselineCount { count: usize },
    /// The contracted critical IT needs more grid power than the site has.
    ExceedsSite {
        critical_it_mw: f64,
        design_pue: f64,
        grid_mw: f64,
    },
    /// The energy sweep's maximum is not above its minimum.
    SweepOrder { min: f64, max: f64 },
    /// The slip's longest is below its shortest.
    SlipOrder { min: u32, max: u32 },
    /// A `schema_version` this build cannot read.
    SchemaVersion { got: u64 },
    /// The inputs are valid but an output overflowed the range of numbers
    /// (only at the far edges of the valid ranges, e.g. a discount rate of
    /// -99.99999999 % or money near 1e300). `field` is an input that, put
    /// back to its default, makes the scenario computable again (one error
    /// per such field); `None` when no single field does.
    NotRepresentable {
        output: Output,
        field: Option<Field>,
    },
}

impl ScenarioError {
    /// The field this error is about, when it is one input of the form.
    pub fn field(&self) -> Option<Field> {
        match self {
            Self::NotANumber { field, .. }
            | Self::Empty { field }
            | Self::NotFinite { field }
            | Self::NotWhole { field, .. }
            | Self::OutOfRange { field, .. } => Some(*field),
            Self::BaselineOutOfRange { .. } | Self::BaselineCount { .. } => {
                Some(Field::GreenfieldBuildMonths)
            }
            Self::ExceedsSite { .. } => Some(Field::HpcCriticalIt),
            Self::SweepOrder { .. } => Some(Field::SweepMax),
            Self::SlipOrder { .. } => Some(Field::RiskSlipMax),
            Self::Decode { path, .. } => Field::from_path(path),
            Self::NotRepresentable { field, .. } => *field,
            Self::SchemaVersion { .. } => None,
        }
    }

    /// The dotted path this error names.
    pub fn path(&self) -> String {
        match self {
            Self::Decode { path, .. } => path.clone(),
            Self::BaselineOutOfRange { index, .. } => {
                format!("{}[{index}]", Field::GreenfieldBuildMonths.path())
            }
            Self::SchemaVersion { .. } => "schema_version".to_owned(),
            other => other
                .field()
                .map_or_else(|| "scenario".to_owned(), |f| f.path().to_owned()),
        }
    }

    /// The message without the path, in the language spoken.
    pub fn message(&self) -> String {
        let n = form_number;
        match self {
            Self::Decode { message, .. } => message.clone(),
            Self::NotANumber { field, text } => match field.kind() {
                super::field::Kind::WholeList => t!(
                    "must be whole numbers of months separated by commas, got \"{text}\"",
                    text = text
                ),
                _ => t!("must be a number, got \"{text}\"", text = text),
            },
            Self::Empty { .. } => t!("must not be empty").to_owned(),
            Self::NotFinite { .. } => t!("must be a finite number").to_owned(),
            Self::NotWhole { field, got } => t!(
                "must be a whole number {rule}, got {got}",
                rule = field.rule().phrase(),
                got = n(*got)
            ),
            Self::OutOfRange { field, rule, got } if field.is_whole() => t!(
                "must be a whole number {rule}, got {got}",
                rule = rule.phrase(),
                got = n(*got)
            ),
            Self::OutOfRange { rule, got, .. } => t!(
                "must be {rule}, got {got}",
                rule = rule.phrase(),
                got = n(*got)
            ),
            Self::BaselineOutOfRange { got, .. } => t!(
                "must be a whole number {rule}, got {got}",
                rule = Field::GreenfieldBuildMonths.rule().phrase(),
                got = n(*got)
            ),
            Self::BaselineCount { count } => {
                t!(
                    "must list 1 to 5 baselines in months, got {count}",
                    count = count
                )
            }
            Self::ExceedsSite {
                critical_it_mw,
                design_pue,
                grid_mw,
            } => t!(
                "{it} MW of critical IT at hpc.design_pue {pue} needs {needed} MW of grid \
                 power, more than site.grid_capacity_mw {grid}; at most {fit} MW fit",
                it = n(*critical_it_mw),
                pue = n(*design_pue),
                needed = n(critical_it_mw * design_pue),
                grid = n(*grid_mw),
                fit = n(grid_mw / design_pue),
            ),
            Self::SlipOrder { min, max } => t!(
                "the longest slip ({max} months) must be at least the shortest ({min} months)",
                max = max,
                min = min
            ),
            Self::SweepOrder { min, max } => t!(
                "the highest price ({max}) must be greater than the lowest ({min})",
                max = n(*max),
                min = n(*min)
            ),
            Self::SchemaVersion { got } => t!(
                "must be 1 or 2 (the versions of the format this build reads), got {got}",
                got = got
            ),
            Self::NotRepresentable {
                output,
                field: Some(_),
            } => t!(
                "too extreme to compute with the other inputs as they are ({output} would \
                 overflow); bring it closer to typical values",
                output = output.words()
            ),
            Self::NotRepresentable {
                output,
                field: None,
            } => t!(
                "{output} would overflow; bring the most extreme inputs closer to typical values",
                output = output.words()
            ),
        }
    }

    /// Whether this is a document's key the format does not know
    /// ("unknown field, expected one of …", in any language).
    pub fn is_unknown_field(&self) -> bool {
        matches!(self, Self::Decode { message, .. } if super::scenario::is_unknown_field(message))
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.message())
    }
}

impl std::error::Error for ScenarioError {}

/// All the problems found in one scenario (never empty when returned as an
/// error). Displays as one `field.path: message` line per problem.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioErrors(pub Vec<ScenarioError>);

impl ScenarioErrors {
    /// The errors in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, ScenarioError> {
        self.0.iter()
    }
}

impl From<ScenarioError> for ScenarioErrors {
    fn from(e: ScenarioError) -> Self {
        Self(vec![e])
    }
}

impl fmt::Display for ScenarioErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioErrors {}

#[cfg(test)]
mod tests {
    use crate::lang::{load, Lang};
    use crate::model::Scenario;

    fn first_error(text: &str) -> super::ScenarioError {
        match Scenario::from_json(text) {
            Ok(_) => panic!("{text} read"),
            Err(e) => e.0[0].clone(),
        }
    }

    /// The kinds of decoding errors the page words differently are told
    /// apart in any language.
    #[test]
    fn decoding_errors_are_told_apart_in_portuguese() {
        load(
            Lang::PtBr,
            r#"{
  "a number": "um número",
  "invalid type: {got}, expected {expected}": "deveria ser {expected}, não {got}",
  "the text \"{text}\"": "o texto \"{text}\"",
  "unknown field, expected one of {names}": "campo desconhecido; os aceitos são {names}"
}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let wrong = first_error(r#"{"site":{"grid_capacity_mw":"abc"}}"#);
        assert_eq!(
            wrong.to_string(),
            "site.grid_capacity_mw: deveria ser um número, não o texto \"abc\""
        );
        assert!(!wrong.is_unknown_field());
        let unknown = first_error(r#"{"site":{"grid_capcity_mw":5}}"#);
        assert!(unknown
            .to_string()
            .starts_with("site.grid_capcity_mw: campo desconhecido"));
        assert!(unknown.is_unknown_field());
        load(Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert!(first_error(r#"{"site":{"grid_capcity_mw":5}}"#).is_unknown_field());
        assert!(!first_error(r#"{"site":5}"#).is_unknown_field());
    }
}
