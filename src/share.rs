//! Reading and writing the form outside the page: the link fragment
//! (`#v=2&preset=…&site.grid_capacity_mw=150`) and the saved form (JSON).
//!
//! Both keep the text of each field as typed, so a link or a reload restores
//! exactly what the user saw, invalid values included (they show with their
//! message). Both decoders take untrusted text: they return what they could
//! read plus a list of problems, and never panic.
//!
//! Both carry the version of the model the scenario was made under
//! (docs/MODEL.md, "Versions and old files"):
//!
//! - A link says `v=2` (or `v=1` for a scenario still computed as version 1
//!   computed it). A link **without** `v` was made by version 1: its preset
//!   is version 1's ([`crate::presets::v1`]), every field it leaves out takes
//!   version 1's value ([`version::v1_defaults`]), its `hpc.pue` sets both
//!   PUEs, and a field new in version 2 is a problem, named and left out.
//! - The saved form says `v: 2` and the scenario's `schema_version`; a form
//!   saved as `v: 1` is read like a link without `v`.
//!
//! Both carry the language their texts were typed in when it is not English
//! (`lang=pt-BR`; the link's also makes the page speak it: the prerendered
//! page's first script reads it). Read in another language, a number's
//! texts are written in that language's marks (`1,234.5` ↔ `1.234,5`), the
//! same number as typed.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::lang::{self, Lang};
use crate::model::field::Kind;
use crate::model::json;
use crate::model::scenario::SCHEMA_VERSION;
use crate::model::version::{self, NEW_IN_V2, PUE_FIELDS, V1_PUE};
use crate::model::{Field, Scenario, ScenarioErrors};
use crate::presets;

/// Longest text kept for one field (longer text is cut, with a problem noted).
pub const MAX_FIELD_TEXT: usize = 200;
/// Longest fragment or saved form read at all.
pub const MAX_INPUT: usize = 64 * 1024;
/// The version of the saved form this build writes.
const SAVED_FORM_VERSION: u32 = 2;

/// What a link or a saved form held.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub texts: Vec<(Field, String)>,
    pub preset: Option<String>,
    /// The model version the scenario was made under: 1 or 2. Its preset
    /// and the values it leaves out are that version's.
    pub version: u64,
    /// One line per part that could not be used, naming it.
    pub problems: Vec<String>,
    /// A saved form's last valid scenario (saved while its texts did not
    /// read), valid by every rule; links never carry one.
    pub last_valid: Option<Scenario>,
    /// The comparison a link carries, if any (see [`encode_comparison`]).
    pub compared: Option<Linked>,
}

/// A comparison carried by a link: A is the link's own scenario, B the
/// scenario of the link text `vs` (a fragment of its own); `a` and `b` name
/// them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Linked {
    pub a: String,
    pub b: String,
    pub vs: String,
}

impl Linked {
    /// As the page hands it to the extra module: the three texts, each after
    /// a `sep`.
    pub fn to_text(&self, sep: char) -> String {
        format!("{sep}{}{sep}{}{sep}{}", self.a, self.b, self.vs)
    }

    /// Read back from [`Linked::to_text`].
    pub fn from_text(text: &str, sep: char) -> Option<Linked> {
        let mut parts = text.strip_prefix(sep)?.split(sep).map(str::to_owned);
        let linked = Linked {
            a: parts.next()?,
            b: parts.next()?,
            vs: parts.next()?,
        };
        parts.next().is_none().then_some(linked)
    }
}

/// A link's fragment for A and B side by side: A's fragment (as
/// [`encode_fragment`] writes it), the names of both (`a`, `b`) and B's
/// fragment as one part (`vs`). Opened, the link puts A in the form and
/// shows the comparison; a release that does not know comparisons opens A
/// and says that it left `a`, `b` and `vs` out.
pub fn encode_comparison(a: &str, a_name: &str, b: &str, b_name: &str) -> String {
    format!(
        "{a}&a={}&b={}&vs={}",
        percent_encode(a_name),
        percent_encode(b_name),
        percent_encode(b)
    )
}

impl Default for Decoded {
    fn default() -> Self {
        Self {
            texts: Vec::new(),
            preset: None,
            version: SCHEMA_VERSION,
            problems: Vec::new(),
            last_valid: None,
            compared: None,
        }
    }
}

impl Decoded {
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty() && self.preset.is_none() && self.compared.is_none()
    }
}

/// The preset with this id as the model version `version` has it (version
/// 1's frozen presets for 1).
pub fn preset(id: &str, version: u64) -> Option<presets::Preset> {
    if version == 1 {
        presets::v1::by_id(id)
    } else {
        presets::by_id(id)
    }
}

/// What a form of model version `version` starts from: the preset's
/// scenario, or that version's defaults (an unknown id counts as none).
pub fn base_scenario(preset_id: Option<&str>, version: u64) -> Scenario {
    match preset_id.and_then(|id| preset(id, version)) {
        Some(p) => p.scenario,
        None if version == 1 => version::v1_defaults(),
        None => Scenario::default(),
    }
}

/// The fragment (without `#`) for the given form: the version, the preset
/// and every field whose text differs from that preset's (or, without one,
/// the defaults') in that version, which is what the reader applies the
/// link on top of.
pub fn encode_fragment<'a>(
    texts: impl Iterator<Item = (Field, &'a str)>,
    preset: Option<&str>,
    version: u64,
) -> String {
    let base = base_scenario(preset, version);
    let mut parts = vec![format!(
        "v={}",
        if version == 1 { 1 } else { SCHEMA_VERSION }
    )];
    if let Some(p) = preset {
        parts.push(format!("preset={}", percent_encode(p)));
    }
    let spoken = lang::current();
    if spoken != Lang::En {
        parts.push(format!("{LANG_KEY}={}", spoken.code()));
    }
    for (field, text) in texts {
        if field.text(&base) != text {
            parts.push(format!("{}={}", field.path(), percent_encode(text)));
        }
    }
    parts.join("&")
}

/// How a decoder reads the field names of a link or saved form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Names {
    /// Made by version 1: `hpc.pue` sets both PUEs; version-2 fields are
    /// refused.
    Legacy,
    /// `v=1`: version 2's names on version 1's base (`hpc.pue` still read).
    V1,
    /// Version 2's names; `hpc.pue` is refused, naming what replaced it.
    V2,
}

/// Reads a fragment written by [`encode_fragment`] (a leading `#` is
/// allowed), or by version 1 (no `v`).
pub fn decode_fragment(fragment: &str) -> Decoded {
    let mut out = Decoded::default();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_INPUT {
        out.problems.push(t!(
            "link: longer than {count} characters, ignored",
            count = MAX_INPUT
        ));
        return out;
    }
    // A part without `=` is an anchor (`#chart-energy`) or the page's
    // development switch (`#dev`), not a field.
    let parts: Vec<(String, String)> = fragment
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (percent_decode(k), percent_decode(v)))
        .collect();
    let names = match parts.iter().find(|(k, _)| k == "v").map(|(_, v)| v.trim()) {
        None => Names::Legacy,
        Some("1") => Names::V1,
        Some("2") => Names::V2,
        Some(other) => {
            out.problems.push(t!(
                "v: version \"{version}\" of the model is not readable here (1 or 2); read as version 2",
                version = json::quoted(other)
            ));
            Names::V2
        }
    };
    out.version = if names == Names::V2 { 2 } else { 1 };
    let mut linked = Linked::default();
    let mut typed_in = Lang::En;
    for (key, value) in parts {
        match key.as_str() {
            "v" => {}
            LANG_KEY => match Lang::from_code(&value) {
                Some(l) => typed_in = l,
                None => out.problems.push(t!(
                    "lang: unknown language \"{code}\"",
                    code = json::quoted(&value)
                )),
            },
            "a" => linked.a = value,
            "b" => linked.b = value,
            "vs" => linked.vs = value,
            "preset" => {
                if preset(&value, out.version).is_some() {
                    out.preset = Some(value);
                } else {
                    out.problems.push(t!(
                        "preset: unknown preset \"{id}\"",
                        id = json::quoted(&value)
                    ));
                }
            }
            _ => push_named(&mut out, names, &key, value, Source::Link),
        }
    }
    if !linked.vs.is_empty() {
        out.compared = Some(linked);
    }
    in_language(&mut out.texts, typed_in);
    out
}

/// The key of the language a link's or saved form's texts were typed in.
const LANG_KEY: &str = "lang";

/// Texts typed in `typed_in`, as the language spoken writes them: each
/// number's marks swapped for that language's (`1,234.5` → `1.234,5`).
/// Lists of whole months, on/off and empty texts read the same in every
/// language; a text that did not read stays as it was typed, its marks
/// swapped too, so it still shows what was meant.
fn in_language(texts: &mut [(Field, String)], typed_in: Lang) {
    let (from, to) = (typed_in.marks(), lang::current().marks());
    if from == to {
        return;
    }
    for (field, text) in texts.iter_mut() {
        if matches!(
            field.kind(),
            Kind::Number | Kind::OptionalNumber | Kind::Whole | Kind::OptionalWhole
        ) {
            *text = text
                .chars()
                .map(|c| {
                    if c == from.decimal {
                        to.decimal
                    } else if c == from.group {
                        to.group
                    } else {
                        c
                    }
                })
                .collect();
        }
    }
}

/// Where a form's texts came from, as its problems name it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Link,
    SavedForm,
}

/// Puts the text of the field named `key` into `out`, read as `names` says;
/// `source` names where a problem was met.
fn push_named(out: &mut Decoded, names: Names, key: &str, value: String, source: Source) {
    if key == V1_PUE {
        if names == Names::V2 {
            out.problems.push(t!(
                "{old}: replaced in version 2 by {first} and {second}; left out",
                old = V1_PUE,
                first = PUE_FIELDS[0].path(),
                second = PUE_FIELDS[1].path()
            ));
        } else {
            for f in PUE_FIELDS {
                push_text(out, f, value.clone());
            }
        }
        return;
    }
    match Field::from_path(key) {
        Some(field) if names == Names::Legacy && NEW_IN_V2.contains(&field) => {
            out.problems.push(match source {
                Source::Link => t!(
                    "{path}: new in version 2, but this link was made under version 1; left out",
                    path = field.path()
                ),
                Source::SavedForm => t!(
                    "{path}: new in version 2, but this saved form was made under version 1; left out",
                    path = field.path()
                ),
            });
        }
        Some(field) => push_text(out, field, value),
        None => out.problems.push(match source {
            Source::Link => t!(
                "{path}: unknown field in the link",
                path = json::quoted(key)
            ),
            Source::SavedForm => t!(
                "{path}: unknown field in the saved form",
                path = json::quoted(key)
            ),
        }),
    }
}

/// The saved form: texts by field path. Read by [`decode_saved`], key by
/// key (keys it does not know are left alone).
#[derive(Serialize)]
struct Saved {
    v: u32,
    /// The model version the scenario was made under (forms of `v: 2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    schema_version: Option<u64>,
    preset: Option<String>,
    /// Field path → text, each a JSON string.
    texts: Map<String, Json>,
    /// The scenario the results showed, kept while the texts do not read.
    #[serde(skip_serializing_if = "Option::is_none")]
    last_valid: Option<Json>,
    /// The language the texts were typed in, when not English.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
}

/// A scenario as a file would hold it: a version-1 scenario in version 1's
/// format while it is one, so it reads back as version 1.
fn scenario_value(s: &Scenario) -> Option<serde_json::Value> {
    version::as_v1_json(s).or_else(|| serde_json::to_value(s).ok())
}

/// The form as JSON, for local storage, with the model version it was made
/// under and the scenario its results showed when its texts do not read (so
/// a reload shows the same results).
pub fn encode_saved<'a>(
    texts: impl Iterator<Item = (Field, &'a str)>,
    preset: Option<&str>,
    version: u64,
    last_valid: Option<&Scenario>,
) -> String {
    let saved = Saved {
        v: SAVED_FORM_VERSION,
        schema_version: Some(if version == 1 { 1 } else { SCHEMA_VERSION }),
        preset: preset.map(str::to_owned),
        texts: texts
            .map(|(f, t)| (f.path().to_owned(), Json::String(t.to_owned())))
            .collect(),
        last_valid: last_valid.and_then(scenario_value),
        lang: Some(lang::current())
            .filter(|&l| l != Lang::En)
            .map(|l| l.code().to_owned()),
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

/// Reads a form saved by [`encode_saved`], or by version 1 (`v: 1`).
pub fn decode_saved(text: &str) -> Decoded {
    let mut out = Decoded::default();
    if text.len() > MAX_INPUT {
        out.problems
            .push(t!("saved form: too large, ignored").to_owned());
        return out;
    }
    let saved = match json::parse(text)
        .map_err(|e| e.to_string())
        .and_then(|doc| read_saved(&doc))
    {
        Ok(s) => s,
        Err(e) => {
            out.problems
                .push(t!("saved form: unreadable ({why})", why = e));
            return out;
        }
    };
    let names = match (saved.v, saved.schema_version) {
        (1, _) => Names::Legacy,
        (2, Some(1)) => Names::V1,
        (2, None | Some(2)) => Names::V2,
        (2, Some(other)) => {
            out.problems.push(t!(
                "saved form: model version {version} is not readable here (1 or 2); read as version 2",
                version = other
            ));
            Names::V2
        }
        (v, _) => {
            out.problems
                .push(t!("saved form: version {v} is not readable here", v = v));
            return out;
        }
    };
    out.version = if names == Names::V2 { 2 } else { 1 };
    out.preset = saved.preset.filter(|p| preset(p, out.version).is_some());
    if let Some(value) = saved.last_valid {
        match Scenario::from_json(&value.to_string()) {
            Ok(s) => out.last_valid = Some(s),
            Err(e) => out.problems.push(t!(
                "saved form: its last valid scenario is not ({why})",
                why = e
            )),
        }
    }
    for (key, value) in saved.texts {
        if let Json::String(value) = value {
            push_named(&mut out, names, &key, value, Source::SavedForm);
        }
    }
    let typed_in = match saved.lang.as_deref().map(Lang::from_code) {
        None => Lang::En,
        Some(Some(l)) => l,
        Some(None) => {
            out.problems.push(
                t!("saved form: its language is not one of this page's; read as English")
                    .to_owned(),
            );
            Lang::En
        }
    };
    in_language(&mut out.texts, typed_in);
    out
}

/// The saved form in a document, every key checked for its type.
fn read_saved(doc: &Json) -> Result<Saved, String> {
    let Json::Object(map) = doc else {
        return Err(json::invalid_type(doc, en!("an object")));
    };
    let given = |key: &str| map.get(key).filter(|v| !v.is_null());
    let whole = |key: &str| -> Result<Option<u64>, String> {
        given(key)
            .map(|v| {
                v.as_u64().ok_or_else(|| {
                    format!("{key}: {}", json::invalid_type(v, en!("a whole number")))
                })
            })
            .transpose()
    };
    let v = whole("v")?.ok_or("missing field `v`")?;
    let preset = match given("preset") {
        None => None,
        Some(Json::String(p)) => Some(p.clone()),
        Some(other) => {
            return Err(format!(
                "preset: {}",
                json::invalid_type(other, en!("a text"))
            ))
        }
    };
    let texts = match given("texts") {
        None => Map::new(),
        Some(Json::Object(texts)) => {
            if let Some((k, t)) = texts.iter().find(|(_, t)| !t.is_string()) {
                return Err(format!(
                    "texts.{}: {}",
                    json::quoted(k),
                    json::invalid_type(t, en!("a text"))
                ));
            }
            texts.clone()
        }
        Some(other) => {
            return Err(format!(
                "texts: {}",
                json::invalid_type(other, en!("an object"))
            ))
        }
    };
    let lang = match given(LANG_KEY) {
        None => None,
        Some(Json::String(l)) => Some(l.clone()),
        Some(other) => {
            return Err(format!(
                "{LANG_KEY}: {}",
                json::invalid_type(other, en!("a text"))
            ))
        }
    };
    Ok(Saved {
        v: u32::try_from(v).map_err(|_| format!("v: {v} is not a version"))?,
        schema_version: whole("schema_version")?,
        preset,
        texts,
        last_valid: given("last_valid").cloned(),
        lang,
    })
}

/// The scenario in an opened file: a scenario file, or a results file saved
/// by the page (the evaluator's output with the scenario under `scenario`).
pub fn scenario_of_file(text: &str) -> Result<Scenario, ScenarioErrors> {
    Scenario::from_json(text).or_else(|errors| match json::parse(text) {
        Ok(Json::Object(map)) if map.contains_key("contract_total_revenue_usd") => {
            match map.get("scenario") {
                Some(inner) => Scenario::from_json(&inner.to_string()),
                None => Err(errors),
            }
        }
        _ => Err(errors),
    })
}

fn push_text(out: &mut Decoded, field: Field, mut value: String) {
    if value.chars().count() > MAX_FIELD_TEXT {
        value = value.chars().take(MAX_FIELD_TEXT).collect();
        out.problems.push(t!(
            "{path}: text cut to {count} characters",
            path = field.path(),
            count = MAX_FIELD_TEXT
        ));
    }
    out.texts.retain(|(f, _)| *f != field);
    out.texts.push((field, value));
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
        let frag = encode_fragment(texts.iter().copied(), Some("generic"), 2);
        assert!(frag.starts_with("v=2&preset=generic&"), "{frag}");
        let d = decode_fragment(&format!("#{frag}"));
        assert_eq!(d.preset.as_deref(), Some("generic"));
        assert_eq!(d.version, 2);
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
    fn a_comparison_rides_in_a_link_whole() -> Result<(), &'static str> {
        let a = encode_fragment(
            [(Field::SiteGridCapacity, "120")].into_iter(),
            Some("generic"),
            2,
        );
        let b = encode_fragment([(Field::ContractRate, "141")].into_iter(), None, 1);
        let frag = encode_comparison(&a, "Base & co", &b, "B=+1");
        let d = decode_fragment(&frag);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.texts, vec![(Field::SiteGridCapacity, "120".to_owned())]);
        let linked = d.compared.ok_or("no comparison in the link")?;
        assert_eq!(
            (linked.a.as_str(), linked.b.as_str()),
            ("Base & co", "B=+1")
        );
        let db = decode_fragment(&linked.vs);
        assert_eq!((db.version, db.preset), (1, None));
        assert_eq!(db.texts, vec![(Field::ContractRate, "141".to_owned())]);
        let sep = '\u{1f}';
        assert_eq!(Linked::from_text(&linked.to_text(sep), sep), Some(linked));
        assert_eq!(Linked::from_text("x", sep), None);
        // A link of the defaults compared with B still opens (A is the
        // defaults); a link without `vs` carries no comparison.
        assert!(!decode_fragment(&encode_comparison("v=2", "A", &b, "B")).is_empty());
        assert!(decode_fragment("v=2&a=x&b=y").compared.is_none());
        Ok(())
    }

    #[test]
    fn default_texts_are_left_out_of_links() {
        let s = Scenario::default();
        let texts: Vec<(Field, String)> = Field::ALL.iter().map(|f| (*f, f.text(&s))).collect();
        assert_eq!(
            encode_fragment(texts.iter().map(|(f, t)| (*f, t.as_str())), None, 2),
            "v=2"
        );
        let s = version::v1_defaults();
        let texts: Vec<(Field, String)> = Field::ALL.iter().map(|f| (*f, f.text(&s))).collect();
        assert_eq!(
            encode_fragment(texts.iter().map(|(f, t)| (*f, t.as_str())), None, 1),
            "v=1"
        );
    }

    #[test]
    fn clearing_a_presets_value_travels_in_the_link() {
        // The preset sets 270 MW of critical IT; an emptied box (derive it
        // from the grid and PUE) differs from the preset, so the link says so,
        // even though empty is also the generic default.
        let texts = [(Field::HpcCriticalIt, "")];
        let frag = encode_fragment(texts.iter().copied(), Some("core-scientific-coreweave"), 1);
        assert_eq!(
            frag,
            "v=1&preset=core-scientific-coreweave&hpc.critical_it_mw="
        );
        let d = decode_fragment(&frag);
        assert_eq!(d.texts, vec![(Field::HpcCriticalIt, String::new())]);
        assert_eq!(d.version, 1);
        // Without a preset the same empty box is the default and stays out.
        assert_eq!(encode_fragment(texts.iter().copied(), None, 2), "v=2");
    }

    #[test]
    fn bad_parts_are_named_and_the_rest_is_kept() {
        let d = decode_fragment("v=2&bogus=1&preset=nope&hpc.design_pue=1.3&%zz=%&anchor");
        assert_eq!(d.texts, vec![(Field::HpcDesignPue, "1.3".to_owned())]);
        assert_eq!(d.problems.len(), 3, "{:?}", d.problems);
        assert!(d.problems[0].starts_with("bogus: "));
        let d = decode_fragment("v=7&site.grid_capacity_mw=5");
        assert_eq!(d.version, 2);
        assert_eq!(d.texts.len(), 1);
        assert!(d.problems[0].starts_with("v: "), "{:?}", d.problems);
    }

    #[test]
    fn a_link_without_v_is_read_as_version_1() {
        let d = decode_fragment("#preset=terawulf-core42&hpc.pue=1.3&tax.rate_pct=0");
        assert_eq!(d.version, 1);
        assert_eq!(d.preset.as_deref(), Some("terawulf-core42"));
        assert_eq!(
            d.texts,
            vec![
                (Field::HpcDesignPue, "1.3".to_owned()),
                (Field::HpcOperatingPue, "1.3".to_owned())
            ]
        );
        assert_eq!(
            d.problems,
            ["tax.rate_pct: new in version 2, but this link was made under version 1; left out"]
        );
        // A version-2 link that still says hpc.pue names what replaced it.
        let d = decode_fragment("v=2&hpc.pue=1.3");
        assert!(d.texts.is_empty());
        assert_eq!(
            d.problems,
            ["hpc.pue: replaced in version 2 by hpc.design_pue and hpc.operating_pue; left out"]
        );
        // An explicit v=1 link (a version-1 scenario shared by this page)
        // names version 2's fields.
        let d = decode_fragment("v=1&hpc.design_pue=1.3&tax.rate_pct=0");
        assert_eq!(d.version, 1);
        assert_eq!(d.texts.len(), 2);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn saved_round_trip() {
        let texts = [(Field::SiteGridCapacity, "1."), (Field::HpcCriticalIt, "")];
        let json = encode_saved(texts.iter().copied(), Some("generic"), 2, None);
        assert!(json.starts_with(r#"{"v":2,"#), "{json}");
        let d = decode_saved(&json);
        assert_eq!(d.preset.as_deref(), Some("generic"));
        assert_eq!(d.version, 2);
        assert_eq!(d.texts.len(), 2);
        assert!(d.problems.is_empty());
        assert!(!decode_saved("{").problems.is_empty());
        assert!(!decode_saved(r#"{"v":3}"#).problems.is_empty());
        // A key that is not a text's name is quoted, on one line, whatever
        // it holds (a line break, a quote).
        for (json, named) in [
            (r#"{"v":2,"texts":{"a\nb":5}}"#, r"texts.a\nb: "),
            (r#"{"v":2,"texts":{"a\"b":null}}"#, r#"texts.a\"b: "#),
            (r#"{"v":2,"texts":{"a":1,"a\nb":"","a\nb":""}}"#, r"`a\nb`"),
        ] {
            let d = decode_saved(json);
            assert_eq!(d.problems.len(), 1, "{json}: {:?}", d.problems);
            assert!(d.problems[0].contains(named), "{json}: {:?}", d.problems);
            assert!(!d.problems[0].contains('\n'), "{json}: {:?}", d.problems);
        }
        // A version-1 scenario's form remembers its version and its last
        // valid scenario reads back as version 1.
        let mut v1 = version::v1_defaults();
        v1.site.grid_capacity_mw = 120.0;
        let json = encode_saved(texts.iter().copied(), Some("terawulf-core42"), 1, Some(&v1));
        let d = decode_saved(&json);
        assert_eq!(d.version, 1);
        assert_eq!(d.preset.as_deref(), Some("terawulf-core42"));
        assert_eq!(d.last_valid, Some(v1));
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn a_form_saved_by_version_1_is_read_as_version_1() {
        let json = r#"{"v":1,"preset":"cipher-fluidstack","texts":{"hpc.pue":"1.4","site.grid_capacity_mw":"200","tax.rate_pct":"5"},"last_valid":{"schema_version":1,"hpc":{"pue":1.3}}}"#;
        let d = decode_saved(json);
        assert_eq!(d.version, 1);
        assert_eq!(d.preset.as_deref(), Some("cipher-fluidstack"));
        assert_eq!(
            d.texts,
            vec![
                (Field::HpcDesignPue, "1.4".to_owned()),
                (Field::HpcOperatingPue, "1.4".to_owned()),
                (Field::SiteGridCapacity, "200".to_owned())
            ]
        );
        assert_eq!(d.problems.len(), 1, "{:?}", d.problems);
        let last = d.last_valid.unwrap_or_default();
        assert_eq!(last.schema_version, 1);
        assert_eq!((last.hpc.design_pue, last.hpc.operating_pue), (1.3, 1.3));
        assert_eq!(
            last.hpc.capex_usd_per_mw, 7_000_000.0,
            "version 1's default"
        );
    }

    #[test]
    fn the_dev_switch_is_not_a_field() {
        let d = decode_fragment("#dev&v=2&hpc.design_pue=1.3");
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.texts, vec![(Field::HpcDesignPue, "1.3".to_owned())]);
        assert!(decode_fragment("#dev").is_empty());
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

    #[test]
    fn texts_typed_in_another_language_read_as_the_same_numbers() {
        use crate::lang::{set, Lang};
        let energy = Field::SiteEnergyPrice;
        let months = Field::GreenfieldBuildMonths;
        set(Lang::PtBr);
        let texts = [(energy, "1.234,5"), (months, "36, 48")];
        let link = encode_fragment(texts.iter().map(|(f, t)| (*f, *t)), None, 2);
        assert!(link.contains("lang=pt-BR"), "{link}");
        let saved = encode_saved(texts.iter().map(|(f, t)| (*f, *t)), None, 2, None);
        assert!(saved.contains(r#""lang":"pt-BR""#), "{saved}");
        // Read back in Portuguese: as typed.
        let d = decode_fragment(&link);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert!(
            d.texts.contains(&(energy, "1.234,5".to_owned())),
            "{:?}",
            d.texts
        );
        // Read in English: the same numbers in English marks; lists as typed.
        set(Lang::En);
        for d in [decode_fragment(&link), decode_saved(&saved)] {
            assert!(d.problems.is_empty(), "{:?}", d.problems);
            assert!(
                d.texts.contains(&(energy, "1,234.5".to_owned())),
                "{:?}",
                d.texts
            );
            assert!(
                d.texts.contains(&(months, "36, 48".to_owned())),
                "{:?}",
                d.texts
            );
        }
        // English links and forms do not name their language.
        let en = encode_saved([(energy, "45.5")].into_iter(), None, 2, None);
        assert!(!en.contains("lang"), "{en}");
        assert!(!decode_fragment("#v=2&lang=xx").problems.is_empty());
    }
}
