//! The model's messages as the page shows them: next to its own input a
//! message drops the field's path (the label says which field it is), and
//! any other field it mentions is named by its label, as on the page.
//!
//! The texts written here are in the language spoken now (`crate::lang`);
//! the constants are the English texts, shown through their functions
//! ([`made_under_v1`], …). The model's messages come in the language
//! spoken too: where a message is read back (a decoder's "invalid type" or
//! "unknown field", a place in the text), its wording is taken from the
//! model's own functions, never from English words written here.

use serde_json::Value as Json;

use crate::lang::tr;
use crate::model::json::{describe, invalid_type, SyntaxError};
use crate::model::{Field, Group, Scenario, ScenarioError};

/// The notice over a scenario made under version 1 of the model (in
/// English: shown with [`made_under_v1`]).
pub const MADE_UNDER_V1: &str = en!(
    "Made under model version 1: figures as version 1 computed them \
    — before tax, no value after the contract, no debt, the fleet never retired or sold, one \
    PUE for sizing and billing, no opex escalators, the whole lease ending with the term. \
    Recomputing with version 2 keeps every value the scenario gives and takes version 2's \
    defaults for the rest."
);

/// [`MADE_UNDER_V1`] in the language spoken now.
pub fn made_under_v1() -> &'static str {
    tr(MADE_UNDER_V1)
}

/// The status line after a recomputation with version 2 (in English:
/// shown with [`recomputed`]).
pub const RECOMPUTED: &str = en!(
    "Recomputed with version 2: its defaults for what version 1 did \
    not model (tax, value after the contract, debt, retirement and resale of the fleet, …); \
    every value the scenario gave is kept. Undo brings back version 1's figures."
);

/// [`RECOMPUTED`] in the language spoken now.
pub fn recomputed() -> &'static str {
    tr(RECOMPUTED)
}

/// The status line after an edit that took a version-1 scenario beyond
/// what version 1 modelled.
pub fn left_v1(field: Field) -> String {
    t!(
        "{input} is something version 1 did not model: this scenario is now computed with \
         version 2 (its IRR rule included).",
        input = field.label()
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
        Some(f) => named(f.label(), &labelled(&e.message())),
        None => labelled(&e.to_string()),
    }
}

/// A message about something named: `Grid capacity: must be …`.
fn named(name: &str, message: &str) -> String {
    t!("{name}: {message}", name = name, message = message)
}

/// `text` with every field path replaced by the field's label.
pub fn labelled(text: &str) -> String {
    let mut fields: Vec<Field> = Field::ALL.to_vec();
    // Longest first, so no path is replaced inside a longer one.
    crate::order::sort_small_by(&mut fields, |a, b| b.path().len().cmp(&a.path().len()));
    let mut out = text.to_owned();
    for f in fields {
        if out.contains(f.path()) {
            out = out.replace(f.path(), f.label());
        }
    }
    out
}

/// The status line after "Copy link" on a page opened from a file: its
/// address leads to this computer's disk only (in English: shown with
/// [`local_link`]).
pub const LOCAL_LINK: &str = en!(
    "This page is opened from a file on this computer, so a link to it \
    works only here. To share the scenario, save it as a file and send that:"
);

/// [`LOCAL_LINK`] in the language spoken now.
pub fn local_link() -> &'static str {
    tr(LOCAL_LINK)
}

/// The line closing a file that was not opened (in English: shown with
/// [`nothing_changed`]).
pub const NOTHING_CHANGED: &str = en!("Nothing was changed.");

/// [`NOTHING_CHANGED`] in the language spoken now.
pub fn nothing_changed() -> &'static str {
    tr(NOTHING_CHANGED)
}

/// A piece of text as the page lays it out: `Together` is a minus sign with
/// the number it belongs to, which a line never breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Together(&'a str),
}

/// `text` with a no-break space between a number and its ` %` (`20.6 %`
/// never ends a line with its number and starts the next with `%`).
pub fn percent_kept(text: &str) -> String {
    text.replace(" %", "\u{a0}%")
}

/// `text` in pieces, each minus sign kept with what follows it up to the
/// next space (`−$24.0M`, `-10 %/yr`'s `-10`). A hyphen counts as a minus
/// only before a digit or `$` at the start of a word (`kW-month` is no
/// minus).
pub fn minus_runs(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let word_start = prev.is_none_or(|p| p.is_whitespace() || p == '(');
        let minus = match c {
            '\u{2212}' => next.is_some_and(|n| !n.is_whitespace()),
            '-' => word_start && next.is_some_and(|n| n.is_ascii_digit() || n == '$'),
            _ => false,
        };
        prev = Some(c);
        if !minus {
            continue;
        }
        let end = text[i..]
            .find(char::is_whitespace)
            .map_or(text.len(), |j| i + j);
        if start < i {
            out.push(Piece::Text(&text[start..i]));
        }
        out.push(Piece::Together(&text[i..end]));
        start = end;
        while chars.peek().is_some_and(|&(j, _)| j < end) {
            prev = chars.next().map(|(_, c)| c);
        }
    }
    if start < text.len() {
        out.push(Piece::Text(&text[start..]));
    }
    out
}

/// The quiet word beside a field whose valid value lies outside the range
/// seen in public deals and industry figures (`Field::caution`), for the
/// text as typed: none while the text has a problem of its own.
pub fn caution(field: Field, text: &str, scenario: &Scenario, has_error: bool) -> Option<String> {
    if has_error || field.typical().is_none() {
        return None;
    }
    if field.text(scenario) == text {
        return field.caution(scenario);
    }
    // The text reads but the form's scenario lags behind it (another
    // field is being fixed): the caution of the value typed.
    let mut s = scenario.clone();
    field.set_text(&mut s, text).ok()?;
    field.caution(&s)
}

/// Reads `message` back into the texts a template's placeholders were
/// filled with, knowing `sample`, the same template filled with `marks`
/// (texts found nowhere else in it): the texts in the order of `marks`, or
/// `None` when `message` is not of the template. The words between two
/// placeholders are looked for from the left.
fn unfill<'m>(message: &'m str, sample: &str, marks: &[&str]) -> Option<Vec<&'m str>> {
    let mut at: Vec<(usize, usize)> = marks
        .iter()
        .enumerate()
        .map(|(i, m)| sample.find(m).map(|p| (p, i)))
        .collect::<Option<_>>()?;
    crate::order::sort_small_by(&mut at, |a, b| a.cmp(b));
    // The words around the placeholders, in the sample's order.
    let mut words = Vec::with_capacity(at.len() + 1);
    let mut from = 0;
    for &(p, i) in &at {
        words.push(sample.get(from..p)?);
        from = p + marks[i].len();
    }
    let last = sample.get(from..)?;
    let mut rest = message.strip_prefix(*words.first()?)?.strip_suffix(last)?;
    let mut out = vec![""; marks.len()];
    for (k, &(_, i)) in at.iter().enumerate() {
        match words.get(k + 1) {
            Some(&"") => return None,
            Some(between) => {
                let end = rest.find(between)?;
                out[i] = &rest[..end];
                rest = &rest[end + between.len()..];
            }
            None => out[i] = rest,
        }
    }
    Some(out)
}

/// A text that occurs in no message: what a template is filled with to
/// find its placeholders.
const MARK: &str = "\u{1}";
const MARK_2: &str = "\u{2}";

/// A decoder's "invalid type" message (the model's
/// `json::invalid_type`: "invalid type: the text \"abc\", expected a
/// number") read back: what was given and what was expected.
fn invalid_type_parts(message: &str) -> Option<(&str, &str)> {
    let given = describe(&Json::String(MARK_2.to_owned()));
    let sample = invalid_type(&Json::String(MARK_2.to_owned()), MARK);
    match unfill(message, &sample, &[&given, MARK])?.as_slice() {
        [got, want] => Some((*got, *want)),
        _ => None,
    }
}

/// A place in a text that does not read as JSON (the end of a
/// `json::SyntaxError`'s message: " at line 3 column 7") read back: the
/// message before it, the line and the column.
fn syntax_place(message: &str) -> Option<(&str, &str, &str)> {
    let sample = SyntaxError {
        what: MARK.to_owned(),
        path: String::new(),
        line: 917,
        column: 983,
    }
    .to_string();
    match unfill(message, &sample, &[MARK, "917", "983"])?.as_slice() {
        [what, line, column]
            if [line, column]
                .iter()
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) =>
        {
            Some((*what, *line, *column))
        }
        _ => None,
    }
}

/// A decoder's message in plain words: "invalid type: …, expected …" as
/// "should be …, not …", and `" at line 3 column 7"` at its end as
/// `" (line 3, column 7)"`.
fn plain(message: &str) -> String {
    match syntax_place(message) {
        Some((what, line, column)) => t!(
            "{message} (line {line}, column {column})",
            message = plain_type(what),
            line = line,
            column = column
        ),
        None => plain_type(message),
    }
}

/// What a decoder expected, in plain words: a group of inputs for an
/// object (the only expected form written with a brace: "an object { … }").
fn plain_want(want: &str) -> &str {
    if want.contains('{') {
        t!("a group of inputs")
    } else {
        want
    }
}

/// "invalid type: the text \"abc\", expected a number" as "should be a
/// number, not the text \"abc\"".
fn plain_type(message: &str) -> String {
    match invalid_type_parts(message) {
        Some((got, want)) => t!(
            "should be {want}, not {got}",
            want = plain_want(want),
            got = got
        ),
        None => message.to_owned(),
    }
}

/// The group whose inputs sit under `key` in a scenario file (`site`).
fn group_of_key(key: &str) -> Option<Group> {
    Group::ALL
        .iter()
        .copied()
        .find(|g| g.fields().any(|f| f.path().split('.').next() == Some(key)))
}

/// One problem of a file that could not be opened, in plain words: inputs
/// named by their labels, never by their paths in the file.
pub fn file_problem(e: &ScenarioError) -> String {
    let message = e.message();
    if let Some(field) = e.field() {
        return named(field.label(), &labelled(&plain(&message)));
    }
    let path = e.path();
    if matches!(e, ScenarioError::SchemaVersion { .. }) {
        return t!(
            "Format version (schema_version): {message}",
            message = message
        );
    }
    if e.is_unknown_field() {
        let (group, name) = match path.rsplit_once('.') {
            Some((g, n)) => (group_of_key(g), n),
            None => (None, path.as_str()),
        };
        return match group {
            Some(g) => {
                let known: Vec<&str> = g.fields().map(Field::label).collect();
                t!(
                    "\u{201c}{name}\u{201d} is not an input of {group} this page knows (those are {known})",
                    name = name,
                    group = g.title(),
                    known = known.join(", ")
                )
            }
            None => t!(
                "\u{201c}{name}\u{201d} is not a group of inputs this page knows (those are {known})",
                name = name,
                known = Group::ALL
                    .iter()
                    .map(|g| g.title())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
    }
    if let Some(g) = group_of_key(&path) {
        return named(g.title(), &plain(&message));
    }
    if let Some((got, want)) = invalid_type_parts(&message) {
        return t!(
            "It is not a scenario: it should be {want}, not {got}",
            want = plain_want(want),
            got = got
        );
    }
    t!(
        "It is not a scenario file (it does not read as JSON: {message})",
        message = plain(&message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_sign_stays_with_its_number() {
        assert_eq!(
            percent_kept("20.6 % below, 3 %/yr"),
            "20.6\u{a0}% below, 3\u{a0}%/yr"
        );
        assert_eq!(percent_kept("no percent"), "no percent");
    }
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

    fn file_problems(text: &str) -> Vec<String> {
        match crate::share::scenario_of_file(text) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(file_problem).collect(),
        }
    }

    #[test]
    fn a_file_that_cannot_be_used_is_told_in_plain_words() {
        for (text, want) in [
            ("not json", "It is not a scenario file (it does not read as JSON: expected ident (line 1, column 2))"),
            ("", "It is not a scenario file (it does not read as JSON: the text ends in the middle of a value (line 1, column 1))"),
            ("[1,2]", "It is not a scenario: it should be a group of inputs, not a list"),
            (r#"{"site":{"grid_capacity_mw":"abc"}}"#, "Grid capacity: should be a number, not the text \"abc\""),
            (r#"{"site":{"grid_capacity_mw":-5}}"#, "Grid capacity: must be greater than 0 and at most 10,000, got -5"),
            (r#"{"site":5}"#, "Site: should be a group of inputs, not the number `5`"),
            (r#"{"site":{"grid_capcity_mw":5}}"#, "\u{201c}grid_capcity_mw\u{201d} is not an input of Site this page knows (those are Grid capacity, Energy price, Energy price escalator)"),
            (r#"{"schema_version":7}"#, "Format version (schema_version): must be 1 or 2 (the versions of the format this build reads), got 7"),
        ] {
            let got = file_problems(text);
            assert_eq!(got.first().map(String::as_str), Some(want), "{text}: {got:?}");
        }
        let top = file_problems(r#"{"sitex":{}}"#);
        assert!(
            top[0].starts_with("\u{201c}sitex\u{201d} is not a group of inputs"),
            "{top:?}"
        );
        // Never a path of the file.
        for text in [
            r#"{"hpc":{"design_pue":0.8,"critical_it_mw":"x"}}"#,
            r#"{"mining":{"curtail_when_unprofitable":"yes"}}"#,
        ] {
            for p in file_problems(text) {
                assert!(!p.contains("hpc.") && !p.contains("mining."), "{p}");
            }
        }
    }

    #[test]
    fn messages_are_read_back_by_their_templates_in_any_order() {
        // As a translation might put the figures.
        let sample = "tipo inválido: esperava-se \u{1}, veio \u{2}";
        assert_eq!(
            unfill(
                "tipo inválido: esperava-se um número, veio o texto \"x, y\"",
                sample,
                &["\u{2}", "\u{1}"]
            ),
            Some(vec!["o texto \"x, y\"", "um número"])
        );
        assert_eq!(unfill("outra coisa", sample, &["\u{2}", "\u{1}"]), None);
        assert_eq!(unfill("a b", "\u{1}\u{2}", &["\u{1}", "\u{2}"]), None);
        // The model's own wording, read back.
        assert_eq!(
            invalid_type_parts("invalid type: a list, expected a number"),
            Some(("a list", "a number"))
        );
        assert_eq!(
            syntax_place("expected value at line 3 column 17"),
            Some(("expected value", "3", "17"))
        );
        assert_eq!(syntax_place("at line three column 1"), None);
    }

    #[test]
    fn a_file_problem_speaks_the_language_spoken() {
        crate::lang::load(
            crate::lang::Lang::PtBr,
            r#"{
                "It is not a scenario file (it does not read as JSON: {message})": "Não é um arquivo de cenário (não é JSON válido: {message})",
                "Nothing was changed.": "Nada foi alterado.",
                "{message} (line {line}, column {column})": "{message} (linha {line}, coluna {column})"
            }"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let got = file_problems("not json");
        let nothing = nothing_changed();
        crate::lang::load(crate::lang::Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            got.first().map(String::as_str),
            Some("Não é um arquivo de cenário (não é JSON válido: expected ident (linha 1, coluna 2))")
        );
        assert_eq!(nothing, "Nada foi alterado.");
        assert_eq!(nothing_changed(), NOTHING_CHANGED);
    }

    #[test]
    fn a_minus_sign_stays_with_its_number() {
        use Piece::{Text, Together};
        assert_eq!(
            minus_runs("mining given up \u{2212}$24.0M, then +$20.5M"),
            [
                Text("mining given up "),
                Together("\u{2212}$24.0M,"),
                Text(" then +$20.5M")
            ]
        );
        assert_eq!(
            minus_runs("drift -10 %/yr"),
            [Text("drift "), Together("-10"), Text(" %/yr")]
        );
        assert_eq!(minus_runs("-5"), [Together("-5")]);
        assert_eq!(
            minus_runs("$/kW-month 2-5 years"),
            [Text("$/kW-month 2-5 years")]
        );
        assert_eq!(minus_runs("a \u{2212} b"), [Text("a \u{2212} b")]);
        assert_eq!(minus_runs(""), []);
        assert_eq!(
            minus_runs("(\u{2212}1) and \u{2212}2"),
            [
                Text("("),
                Together("\u{2212}1)"),
                Text(" and "),
                Together("\u{2212}2")
            ]
        );
    }

    #[test]
    fn a_caution_follows_the_text_as_typed() {
        let s = Scenario::default();
        assert_eq!(caution(Field::SiteEnergyPrice, "45", &s, false), None);
        let far = caution(Field::SiteEnergyPrice, "300", &s, false).unwrap_or_default();
        assert!(
            far.starts_with("300 is unusual: typically 15 to 120 $/MWh"),
            "{far}"
        );
        assert_eq!(caution(Field::SiteEnergyPrice, "300", &s, true), None);
        assert_eq!(caution(Field::SiteGridCapacity, "5000", &s, false), None);
        assert_eq!(caution(Field::SiteEnergyPrice, "abc", &s, false), None);
    }
}
