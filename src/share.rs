//! Reading and writing the form outside the page: the link fragment
//! (`#preset=…&site.grid_capacity_mw=150`) and the saved form (JSON).
//!
//! Both keep the text of each field as typed, so a link or a reload restores
//! exactly what the user saw, invalid values included (they show with their
//! message). Both decoders take untrusted text: they return what they could
//! read plus a list of problems, and never panic.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Field, Scenario, ScenarioErrors};

/// Longest text kept for one field (longer text is cut, with a problem noted).
pub const MAX_FIELD_TEXT: usize = 200;
/// Longest fragment or saved form read at all.
pub const MAX_INPUT: usize = 64 * 1024;

/// What a link or a saved form held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decoded {
    pub texts: Vec<(Field, String)>,
    pub preset: Option<String>,
    /// One line per part that could not be used, naming it.
    pub problems: Vec<String>,
    /// A saved form's last valid scenario (saved while its texts did not
    /// read), valid by every rule; links never carry one.
    pub last_valid: Option<Scenario>,
}

impl Decoded {
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty() && self.preset.is_none()
    }
}

/// The fragment (without `#`) for the given form: the preset and every field
/// whose text differs from that preset's (or, without one, the defaults'),
/// which is what the reader applies the link on top of.
pub fn encode_fragment<'a>(
    texts: impl Iterator<Item = (Field, &'a str)>,
    preset: Option<&str>,
) -> String {
    let defaults = preset
        .and_then(crate::presets::by_id)
        .map(|p| p.scenario)
        .unwrap_or_default();
    let mut parts = Vec::new();
    if let Some(p) = preset {
        parts.push(format!("preset={}", percent_encode(p)));
    }
    for (field, text) in texts {
        if field.text(&defaults) != text {
            parts.push(format!("{}={}", field.path(), percent_encode(text)));
        }
    }
    parts.join("&")
}

/// Reads a fragment written by [`encode_fragment`] (a leading `#` is allowed).
pub fn decode_fragment(fragment: &str) -> Decoded {
    let mut out = Decoded::default();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_INPUT {
        out.problems
            .push(format!("link: longer than {MAX_INPUT} characters, ignored"));
        return out;
    }
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        // A part without `=` is an anchor (`#chart-energy`) or the page's
        // development switch (`#dev`), not a field.
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        let key = percent_decode(key);
        let value = percent_decode(value);
        if key == "preset" {
            if crate::presets::by_id(&value).is_some() {
                out.preset = Some(value);
            } else {
                out.problems
                    .push(format!("preset: unknown preset \"{}\"", clip(&value)));
            }
            continue;
        }
        match Field::from_path(&key) {
            Some(field) => push_text(&mut out, field, value),
            None => out
                .problems
                .push(format!("{}: unknown field in the link", clip(&key))),
        }
    }
    out
}

/// The saved form: texts by field path.
#[derive(Serialize, Deserialize)]
struct Saved {
    v: u32,
    #[serde(default)]
    preset: Option<String>,
    #[serde(default)]
    texts: BTreeMap<String, String>,
    /// The scenario the results showed, kept while the texts do not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_valid: Option<serde_json::Value>,
}

/// The form as JSON, for local storage, with the scenario its results
/// showed when its texts do not read (so a reload shows the same results).
pub fn encode_saved<'a>(
    texts: impl Iterator<Item = (Field, &'a str)>,
    preset: Option<&str>,
    last_valid: Option<&Scenario>,
) -> String {
    let saved = Saved {
        v: 1,
        preset: preset.map(str::to_owned),
        texts: texts
            .map(|(f, t)| (f.path().to_owned(), t.to_owned()))
            .collect(),
        last_valid: last_valid.and_then(|s| serde_json::to_value(s).ok()),
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

/// Reads a form saved by [`encode_saved`].
pub fn decode_saved(text: &str) -> Decoded {
    let mut out = Decoded::default();
    if text.len() > MAX_INPUT {
        out.problems
            .push("saved form: too large, ignored".to_owned());
        return out;
    }
    let saved: Saved = match serde_json::from_str(text) {
        Ok(s) => s,
        Err(e) => {
            out.problems.push(format!("saved form: unreadable ({e})"));
            return out;
        }
    };
    if saved.v != 1 {
        out.problems.push(format!(
            "saved form: version {} is not readable here",
            saved.v
        ));
        return out;
    }
    out.preset = saved.preset.filter(|p| crate::presets::by_id(p).is_some());
    if let Some(value) = saved.last_valid {
        match Scenario::from_json(&value.to_string()) {
            Ok(s) => out.last_valid = Some(s),
            Err(e) => out
                .problems
                .push(format!("saved form: its last valid scenario is not ({e})")),
        }
    }
    for (key, value) in saved.texts {
        match Field::from_path(&key) {
            Some(field) => push_text(&mut out, field, value),
            None => out
                .problems
                .push(format!("{}: unknown field in the saved form", clip(&key))),
        }
    }
    out
}

/// The scenario in an opened file: a scenario file, or a results file saved
/// by the page (the evaluator's output with the scenario under `scenario`).
pub fn scenario_of_file(text: &str) -> Result<Scenario, ScenarioErrors> {
    Scenario::from_json(text).or_else(|errors| {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(map))
                if map.contains_key("contract_total_revenue_usd") =>
            {
                match map.get("scenario") {
                    Some(inner) => Scenario::from_json(&inner.to_string()),
                    None => Err(errors),
                }
            }
            _ => Err(errors),
        }
    })
}

fn push_text(out: &mut Decoded, field: Field, mut value: String) {
    if value.chars().count() > MAX_FIELD_TEXT {
        value = value.chars().take(MAX_FIELD_TEXT).collect();
        out.problems.push(format!(
            "{}: text cut to {MAX_FIELD_TEXT} characters",
            field.path()
        ));
    }
    out.texts.retain(|(f, _)| *f != field);
    out.texts.push((field, value));
}

fn clip(s: &str) -> String {
    let mut c: String = s.chars().take(40).collect();
    if c.len() < s.len() {
        c.push('…');
    }
    c
}

/// Percent-encodes everything but `A-Z a-z 0-9 - . _ ~ ,`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space); malformed escapes are kept as
/// they stand and invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scenario;

    #[test]
    fn fragment_round_trip_keeps_text_as_typed() {
        let texts = [
            (Field::SiteGridCapacity, "150"),
            (Field::ContractRate, "12x &=%"),
        ];
        let frag = encode_fragment(texts.iter().copied(), Some("cipher-fluidstack"));
        assert!(frag.starts_with("preset=cipher-fluidstack&"), "{frag}");
        let d = decode_fragment(&format!("#{frag}"));
        assert_eq!(d.preset.as_deref(), Some("cipher-fluidstack"));
        assert_eq!(
            d.texts,
            vec![
                (Field::SiteGridCapacity, "150".to_owned()),
                (Field::ContractRate, "12x &=%".to_owned())
            ]
        );
        assert!(d.problems.is_empty());
    }

    #[test]
    fn default_texts_are_left_out_of_links() {
        let s = Scenario::default();
        let texts: Vec<(Field, String)> = Field::ALL.iter().map(|f| (*f, f.text(&s))).collect();
        assert_eq!(
            encode_fragment(texts.iter().map(|(f, t)| (*f, t.as_str())), None),
            ""
        );
    }

    #[test]
    fn clearing_a_presets_value_travels_in_the_link() {
        // The preset sets 270 MW of critical IT; an emptied box (derive it
        // from the grid and PUE) differs from the preset, so the link says so,
        // even though empty is also the generic default.
        let texts = [(Field::HpcCriticalIt, "")];
        let frag = encode_fragment(texts.iter().copied(), Some("core-scientific-coreweave"));
        assert_eq!(frag, "preset=core-scientific-coreweave&hpc.critical_it_mw=");
        let d = decode_fragment(&frag);
        assert_eq!(d.texts, vec![(Field::HpcCriticalIt, String::new())]);
        // Without a preset the same empty box is the default and stays out.
        assert_eq!(encode_fragment(texts.iter().copied(), None), "");
    }

    #[test]
    fn bad_parts_are_named_and_the_rest_is_kept() {
        let d = decode_fragment("bogus=1&preset=nope&hpc.pue=1.3&%zz=%&anchor");
        assert_eq!(d.texts, vec![(Field::HpcPue, "1.3".to_owned())]);
        assert_eq!(d.problems.len(), 3, "{:?}", d.problems);
        assert!(d.problems[0].starts_with("bogus: "));
    }

    #[test]
    fn saved_round_trip() {
        let texts = [(Field::SiteGridCapacity, "1."), (Field::HpcCriticalIt, "")];
        let json = encode_saved(texts.iter().copied(), Some("generic"), None);
        let d = decode_saved(&json);
        assert_eq!(d.preset.as_deref(), Some("generic"));
        assert_eq!(d.texts.len(), 2);
        assert!(d.problems.is_empty());
        assert!(!decode_saved("{").problems.is_empty());
        assert!(!decode_saved(r#"{"v":2}"#).problems.is_empty());
    }

    #[test]
    fn the_dev_switch_is_not_a_field() {
        let d = decode_fragment("#dev&hpc.pue=1.3");
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.texts, vec![(Field::HpcPue, "1.3".to_owned())]);
    }

    #[test]
    fn a_results_file_opens_as_its_scenario() {
        let mut s = Scenario::default();
        s.site.grid_capacity_mw = 120.0;
        let result = crate::model::evaluate(&s).map(|r| serde_json::to_value(r).ok());
        let Ok(Some(serde_json::Value::Object(mut map))) = result else {
            panic!("no result");
        };
        map.insert(
            "scenario".into(),
            serde_json::to_value(&s).unwrap_or_default(),
        );
        let file = serde_json::Value::Object(map).to_string();
        assert_eq!(
            scenario_of_file(&file).map(|s| s.site.grid_capacity_mw),
            Ok(120.0)
        );
        // A results file without its scenario, or any other JSON: the scenario
        // file's own errors.
        let bare = file.replace("\"scenario\"", "\"scenery\"");
        let e = scenario_of_file(&bare)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("unknown field"), "{e}");
        assert!(scenario_of_file("[1]").is_err());
    }

    #[test]
    fn percent_decoding_is_lenient() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%ff"), "\u{fffd}");
    }
}
