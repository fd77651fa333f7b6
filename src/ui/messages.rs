//! The model's messages as the page shows them: next to its own input a
//! message drops the field's path (the label says which field it is), and
//! any other field it mentions is named by its label, as on the page.

use crate::model::{Field, ScenarioError};

/// The notice over a scenario made under version 1 of the model.
pub const MADE_UNDER_V1: &str = "Made under model version 1: figures as version 1 computed them \
    — before tax, no value after the contract, no debt, the fleet never retired or sold, one \
    PUE for sizing and billing, no opex escalators, the whole lease ending with the term. \
    Recomputing with version 2 keeps every value the scenario gives and takes version 2's \
    defaults for the rest.";

/// The status line after a recomputation with version 2.
pub const RECOMPUTED: &str = "Recomputed with version 2: its defaults for what version 1 did \
    not model (tax, value after the contract, debt, retirement and resale of the fleet, …); \
    every value the scenario gave is kept. Undo brings back version 1's figures.";

/// The status line after an edit that took a version-1 scenario beyond
/// what version 1 modelled.
pub fn left_v1(field: Field) -> String {
    format!(
        "{} is something version 1 did not model: this scenario is now computed with \
         version 2 (its IRR rule included).",
        field.label()
    )
}

/// The message shown next to the input the error is about.
pub fn beside_field(e: &ScenarioError) -> String {
    labelled(&e.message())
}

/// A message shown away from its input (with the results, in a notice):
/// the input's label first, or the whole message for the scenario at large.
pub fn standalone(e: &ScenarioError) -> String {
    match e.field() {
        Some(f) => format!("{}: {}", f.label(), labelled(&e.message())),
        None => labelled(&e.to_string()),
    }
}

/// `text` with every field path replaced by the field's label.
pub fn labelled(text: &str) -> String {
    let mut fields: Vec<Field> = Field::ALL.to_vec();
    // Longest first, so no path is replaced inside a longer one.
    fields.sort_by_key(|f| std::cmp::Reverse(f.path().len()));
    let mut out = text.to_owned();
    for f in fields {
        if out.contains(f.path()) {
            out = out.replace(f.path(), f.label());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::field::scenario_from_texts;
    use crate::model::Scenario;

    fn errors_for(field: Field, text: &str) -> Vec<ScenarioError> {
        let defaults = Scenario::default();
        let texts: Vec<(Field, String)> = Field::ALL
            .iter()
            .map(|&f| {
                (
                    f,
                    if f == field {
                        text.to_owned()
                    } else {
                        f.text(&defaults)
                    },
                )
            })
            .collect();
        scenario_from_texts(|f| {
            texts
                .iter()
                .find(|(g, _)| *g == f)
                .map_or("", |(_, t)| t.as_str())
        })
        .err()
        .unwrap_or_default()
    }

    #[test]
    fn beside_its_field_a_message_has_no_path() {
        let e = errors_for(Field::HpcDesignPue, "0.8");
        assert_eq!(beside_field(&e[0]), "must be between 1 and 3, got 0.8");
        assert_eq!(
            standalone(&e[0]),
            "HPC design PUE: must be between 1 and 3, got 0.8"
        );
    }

    #[test]
    fn other_fields_are_named_by_their_labels() {
        let e = errors_for(Field::HpcCriticalIt, "500");
        let text = beside_field(&e[0]);
        assert!(
            !text.contains("hpc.design_pue") && !text.contains("site.grid_capacity_mw"),
            "{text}"
        );
        assert!(
            text.contains("HPC design PUE") && text.contains("Grid capacity"),
            "{text}"
        );
    }

    #[test]
    fn every_path_is_replaced_whole() {
        for f in Field::ALL {
            assert_eq!(
                labelled(&format!("see {}.", f.path())),
                format!("see {}.", f.label())
            );
        }
    }
}
