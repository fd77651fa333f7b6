//! The printed report (the "Report" button, or the browser's Print): what
//! it says besides the page's own figures and charts (pure).
//!
//! The report is the page itself, printed: the headline figures, the
//! charts and the sources as the page shows them, with a head that says
//! which scenario, when, under which model version, which inputs differ from
//! the scenario it started from, and a link that reopens it. The page's
//! controls are not printed (`@media print` in `www/style.css`).

use crate::model::{Field, Group, Scenario};
use crate::share;

/// One input that differs from the scenario the form started from.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    pub field: Field,
    /// As typed.
    pub given: String,
    /// The starting scenario's value, as the form writes it.
    pub was: String,
}

/// The inputs that differ from the starting scenario, by group, in the
/// page's order (groups with none left out).
pub fn changed<'a>(
    texts: impl Iterator<Item = (Field, &'a str)>,
    preset: Option<&str>,
    version: u64,
) -> Vec<(Group, Vec<Changed>)> {
    let base = share::base_scenario(preset, version);
    let given: Vec<(Field, &str)> = texts.collect();
    Group::ALL
        .iter()
        .map(|&group| {
            let rows = group
                .fields()
                .filter_map(|field| {
                    let (_, text) = given.iter().find(|(f, _)| *f == field)?;
                    let was = field.text(&base);
                    (text.trim() != was).then(|| Changed {
                        field,
                        given: (*text).to_owned(),
                        was,
                    })
                })
                .collect::<Vec<_>>();
            (group, rows)
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect()
}

/// The report's title: the preset's name, or "Custom scenario".
pub fn title(preset: Option<&str>, version: u64) -> String {
    match preset.and_then(|id| share::preset(id, version)) {
        Some(p) => p.name.to_owned(),
        None => t!("Custom scenario").to_owned(),
    }
}

/// What the changed inputs are compared with, in a heading.
pub fn starting_point(preset: Option<&str>, version: u64) -> String {
    match preset.and_then(|id| share::preset(id, version)) {
        Some(p) => t!("Inputs that differ from {preset}", preset = p.name),
        None => t!("Inputs that differ from the defaults").to_owned(),
    }
}

/// The model version line.
pub fn version_line(scenario: &Scenario) -> String {
    if scenario.schema_version == 1 {
        t!("Computed under version 1 of the model, as the scenario was made (docs/MODEL.md, \u{201c}Versions and old files\u{201d})").to_owned()
    } else {
        t!(
            "Model version {version}: docs/MODEL.md, shipped with Repower",
            version = crate::model::scenario::SCHEMA_VERSION
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inputs_that_differ_are_listed_by_group() {
        let base = share::base_scenario(None, 2);
        let mut texts: Vec<(Field, String)> =
            Field::ALL.iter().map(|&f| (f, f.text(&base))).collect();
        assert!(changed(texts.iter().map(|(f, t)| (*f, t.as_str())), None, 2).is_empty());
        for (f, t) in &mut texts {
            match f {
                Field::ContractRate => *t = "140".to_owned(),
                Field::SiteGridCapacity => *t = "250".to_owned(),
                Field::HpcCapex => *t = format!(" {t} "),
                _ => {}
            }
        }
        let got = changed(texts.iter().map(|(f, t)| (*f, t.as_str())), None, 2);
        let groups: Vec<Group> = got.iter().map(|(g, _)| *g).collect();
        assert_eq!(groups, [Group::Site, Group::Contract]);
        assert_eq!(got[0].1[0].field, Field::SiteGridCapacity);
        assert_eq!(got[0].1[0].given, "250");
        assert_eq!(got[0].1[0].was, "100");
        assert_eq!(got[1].1[0].was, "125");
    }

    #[test]
    fn titles_name_the_preset_or_say_custom() {
        let id = crate::presets::all()[1].id;
        assert_eq!(title(Some(id), 2), crate::presets::all()[1].name);
        assert_eq!(title(None, 2), "Custom scenario");
        assert_eq!(title(Some("no-such"), 2), "Custom scenario");
        assert_eq!(
            starting_point(None, 2),
            "Inputs that differ from the defaults"
        );
    }
}
