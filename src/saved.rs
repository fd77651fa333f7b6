//! Saved scenarios: named scenarios kept in the browser's storage (pure; the
//! page reads and writes the storage through `crate::web`).
//!
//! Each saved scenario is one storage item under its own key,
//! `repower.saved.<id>`; the id never changes (rename and Save keep it), so
//! other parts of the page can refer to a saved scenario by it. The item is
//! JSON:
//!
//! ```json
//! {"format":1,"name":"Generic 100 MW site, 2026-12-01","saved_at":1764619200000,
//!  "model_version":2,"scenario":"{\n  \"schema_version\": 2, …}"}
//! ```
//!
//! `saved_at` is milliseconds since 1970 (UTC); `scenario` is the scenario
//! file's text as [`Scenario::to_json_pretty`] writes it (a version-1
//! scenario in version 1's format, so it keeps version 1's figures), read
//! back with [`Scenario::from_json`]; `model_version` is the version it was
//! made under and must agree with the scenario's.
//!
//! An item under our prefix that does not read (damaged, written by
//! something else, or by a newer page with a later `format`) is **set
//! aside**: listed with the reason, never rewritten, never removed unless
//! the user asks ([`Shelf::remove`]). New ids never reuse a key in use.
//!
//! Names are trimmed, not empty, at most [`MAX_NAME`] characters; a name
//! already in use gets a number (`Base case (2)`), so every saved scenario
//! can be told apart by its name too.

use std::fmt;

use serde::Serialize;
use serde_json::Value as Json;

use crate::model::{json, Scenario};

/// The storage keys of saved scenarios start with this.
pub const PREFIX: &str = "repower.saved.";
/// The format this build writes (and the highest it reads).
pub const FORMAT: u64 = 1;
/// The longest name, in characters.
pub const MAX_NAME: usize = 80;
/// The longest item read at all, in bytes.
pub const MAX_ITEM: usize = 64 * 1024;
/// The longest id (the part of the key after [`PREFIX`]).
const MAX_ID: usize = 40;

/// One saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Stable: the key's last part.
    pub id: String,
    pub name: String,
    /// When it was saved, in milliseconds since 1970 (UTC).
    pub saved_at: u64,
    /// Valid by every rule; its `schema_version` is the model version it
    /// was made under.
    pub scenario: Scenario,
}

/// Why an item under our prefix was set aside.
#[derive(Clone, Debug, PartialEq)]
pub enum Unreadable {
    /// Larger than [`MAX_ITEM`].
    TooLarge,
    /// Not JSON: damaged.
    NotJson(String),
    /// JSON, but not a saved scenario of this page.
    NotOurs,
    /// Written by a newer version of this page.
    Newer(u64),
    /// Ours, but a part of it does not read (named).
    Damaged(String),
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge => {
                f.write_str(&t!("it is larger than {size} KB", size = MAX_ITEM / 1024))
            }
            Self::NotJson(why) => f.write_str(&t!("it is damaged (not JSON: {why})", why = why)),
            Self::NotOurs => f.write_str(t!("it was not written by this page")),
            Self::Newer(v) => f.write_str(&t!(
                "it was written by a newer version of this page (format {format}; this page \
                 reads {reads})",
                format = v,
                reads = FORMAT
            )),
            Self::Damaged(why) => f.write_str(&t!("it is damaged ({why})", why = why)),
        }
    }
}

/// An item kept as it is, with why it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub key: String,
    pub why: Unreadable,
}

/// Why a save, rename or copy was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    EmptyName,
    LongName,
    /// No saved scenario has that id (any more).
    Gone,
}

impl std::error::Error for Refusal {}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyName => f.write_str(t!("name: give the scenario a name")),
            Self::LongName => {
                f.write_str(&t!("name: at most {count} characters", count = MAX_NAME))
            }
            Self::Gone => f.write_str(t!("that saved scenario is no longer here")),
        }
    }
}

/// A name as kept: trimmed, not empty, at most [`MAX_NAME`] characters.
pub fn clean_name(name: &str) -> Result<&str, Refusal> {
    let name = name.trim();
    match name.chars().count() {
        0 => Err(Refusal::EmptyName),
        n if n > MAX_NAME => Err(Refusal::LongName),
        _ => Ok(name),
    }
}

#[derive(Serialize)]
struct Stored<'a> {
    format: u64,
    name: &'a str,
    saved_at: u64,
    model_version: u64,
    scenario: String,
}

impl Entry {
    /// The storage key.
    pub fn key(&self) -> String {
        format!("{PREFIX}{}", self.id)
    }

    /// The model version it was made under (1 keeps version 1's figures).
    pub fn version(&self) -> u64 {
        self.scenario.schema_version
    }

    /// The item's text.
    pub fn encode(&self) -> String {
        serde_json::to_string(&Stored {
            format: FORMAT,
            name: &self.name,
            saved_at: self.saved_at,
            model_version: self.version(),
            scenario: self.scenario.to_json_pretty(),
        })
        .unwrap_or_default()
    }

    /// Reads the item stored under `key` (untrusted text; never panics).
    pub fn decode(key: &str, text: &str) -> Result<Entry, Unreadable> {
        let id = key
            .strip_prefix(PREFIX)
            .filter(|id| is_id(id))
            .ok_or(Unreadable::NotOurs)?;
        if text.len() > MAX_ITEM {
            return Err(Unreadable::TooLarge);
        }
        let doc = json::parse(text).map_err(|e| Unreadable::NotJson(e.to_string()))?;
        let Json::Object(map) = &doc else {
            return Err(Unreadable::NotOurs);
        };
        let format = map
            .get("format")
            .and_then(Json::as_u64)
            .filter(|f| *f >= 1)
            .ok_or(Unreadable::NotOurs)?;
        if format > FORMAT {
            return Err(Unreadable::Newer(format));
        }
        let damaged = |key: &str, expected: &'static str| {
            let why = match map.get(key) {
                None => t!("missing").to_owned(),
                Some(v) => json::invalid_type(v, expected),
            };
            Unreadable::Damaged(format!("{key}: {why}"))
        };
        let name = match map.get("name") {
            Some(Json::String(n)) => clean_name(n)
                .map_err(|r| Unreadable::Damaged(r.to_string()))?
                .to_owned(),
            _ => return Err(damaged("name", en!("a text"))),
        };
        let saved_at = map
            .get("saved_at")
            .and_then(Json::as_u64)
            .ok_or_else(|| damaged("saved_at", en!("a whole number")))?;
        let model_version = map
            .get("model_version")
            .and_then(Json::as_u64)
            .ok_or_else(|| damaged("model_version", en!("a whole number")))?;
        let scenario = match map.get("scenario") {
            Some(Json::String(s)) => Scenario::from_json(s).map_err(|e| {
                let first = e.0.first().map(ToString::to_string).unwrap_or_default();
                Unreadable::Damaged(format!("scenario: {first}"))
            })?,
            _ => return Err(damaged("scenario", en!("a text"))),
        };
        if scenario.schema_version != model_version {
            return Err(Unreadable::Damaged(t!(
                "model_version: {declared}, but its scenario is of version {version}",
                declared = model_version,
                version = scenario.schema_version
            )));
        }
        Ok(Entry {
            id: id.to_owned(),
            name,
            saved_at,
            scenario,
        })
    }
}

/// Ids are short and plain: letters, digits and `-`.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Every saved scenario found, newest first, and the items set aside (in
/// the order the storage gave them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shelf {
    pub entries: Vec<Entry>,
    pub set_aside: Vec<SetAside>,
}

impl Shelf {
    /// Reads storage items `(key, text)`; keys outside [`PREFIX`] are not
    /// ours and are skipped.
    pub fn read(items: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut shelf = Self::default();
        for (key, text) in items {
            if !key.starts_with(PREFIX) {
                continue;
            }
            match Entry::decode(&key, &text) {
                Ok(entry) => shelf.put(entry),
                Err(why) => shelf.set_aside.push(SetAside { key, why }),
            }
        }
        shelf
    }

    /// The saved scenario with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Whether a key is in use (by a saved scenario or an item set aside).
    fn taken(&self, key: &str) -> bool {
        self.entries.iter().any(|e| e.key() == key) || self.set_aside.iter().any(|s| s.key == key)
    }

    /// A new id from the time, whose key no item uses.
    fn new_id(&self, now: u64) -> String {
        let base = base36(now);
        (1u32..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|id| !self.taken(&format!("{PREFIX}{id}")))
            .unwrap_or(base)
    }

    /// `name` (clean) made unique among the names of the other saved
    /// scenarios than `except`: `Name`, else `Name (2)`, `Name (3)`…, cut to
    /// fit [`MAX_NAME`].
    fn unique_name(&self, name: &str, except: Option<&str>) -> String {
        let used = |n: &str| {
            self.entries
                .iter()
                .any(|e| Some(e.id.as_str()) != except && e.name == n)
        };
        (1u32..)
            .map(|n| {
                if n == 1 {
                    return name.to_owned();
                }
                let suffix = format!(" ({n})");
                let room = MAX_NAME.saturating_sub(suffix.chars().count());
                let base: String = name.chars().take(room).collect();
                format!("{}{suffix}", base.trim_end())
            })
            .find(|n| !used(n))
            .unwrap_or_else(|| name.to_owned())
    }

    /// A new saved scenario (not yet stored: store its [`Entry::encode`]
    /// under its [`Entry::key`], then [`Shelf::put`] it).
    pub fn saving(&self, name: &str, scenario: &Scenario, now: u64) -> Result<Entry, Refusal> {
        let name = clean_name(name)?;
        Ok(Entry {
            id: self.new_id(now),
            name: self.unique_name(name, None),
            saved_at: now,
            scenario: scenario.clone(),
        })
    }

    /// The saved scenario `id` under a new name (same id, same time).
    pub fn renaming(&self, id: &str, name: &str) -> Result<Entry, Refusal> {
        let name = clean_name(name)?;
        let entry = self.get(id).ok_or(Refusal::Gone)?;
        Ok(Entry {
            name: self.unique_name(name, Some(id)),
            ..entry.clone()
        })
    }

    /// A copy of the saved scenario `id`, with a new id and a numbered name.
    pub fn duplicating(&self, id: &str, now: u64) -> Result<Entry, Refusal> {
        let entry = self.get(id).ok_or(Refusal::Gone)?;
        Ok(Entry {
            id: self.new_id(now),
            name: self.unique_name(&entry.name, None),
            saved_at: now,
            scenario: entry.scenario.clone(),
        })
    }

    /// Adds the entry, or replaces the one with its id, keeping the list
    /// newest first (then by id).
    pub fn put(&mut self, entry: Entry) {
        self.entries.retain(|e| e.id != entry.id);
        let at = self
            .entries
            .iter()
            .position(|e| (e.saved_at, &entry.id) < (entry.saved_at, &e.id))
            .unwrap_or(self.entries.len());
        self.entries.insert(at, entry);
    }

    /// Forgets the saved scenario or item set aside stored under `key`
    /// (once it is removed from storage).
    pub fn remove(&mut self, key: &str) {
        self.entries.retain(|e| e.key() != key);
        self.set_aside.retain(|s| s.key != key);
    }
}

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

/// A time in milliseconds since 1970 as `2026-12-01 20:05` (of the clock
/// `ms` is on: pass local time for local).
pub fn moment(ms: i64) -> String {
    let minute = ms.div_euclid(60_000).rem_euclid(1440);
    format!("{} {:02}:{:02}", day(ms), minute / 60, minute % 60)
}

/// The day of a time in milliseconds since 1970, as `2026-12-01`.
pub fn day(ms: i64) -> String {
    // Days to a civil date (H. Hinnant's algorithm, proleptic Gregorian).
    let z = ms.div_euclid(86_400_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y}-{m:02}-{d:02}")
}

/// The name offered for a new saved scenario: the preset's name (or
/// "Custom") and the day.
pub fn default_name(preset_name: Option<&str>, day: &str) -> String {
    let name = format!("{}, {day}", preset_name.unwrap_or(t!("Custom")));
    name.chars().take(MAX_NAME).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shelf_of(items: &[(&str, String)]) -> Shelf {
        Shelf::read(items.iter().map(|(k, t)| ((*k).to_owned(), t.clone())))
    }

    fn stored(shelf: &Shelf) -> Vec<(String, String)> {
        shelf
            .entries
            .iter()
            .map(|e| (e.key(), e.encode()))
            .collect()
    }

    #[test]
    fn entries_round_trip_in_both_versions() -> Result<(), Box<dyn std::error::Error>> {
        let v2 = Scenario::default();
        let v1 = crate::model::version::v1_defaults();
        assert_eq!(v1.schema_version, 1);
        let mut shelf = Shelf::default();
        for (i, s) in [v2, v1].iter().enumerate() {
            let e = shelf.saving(&format!("  Case {i} "), s, 1_000 + i as u64)?;
            shelf.put(e);
        }
        let again = Shelf::read(stored(&shelf));
        assert_eq!(again, shelf);
        assert!(again.set_aside.is_empty());
        assert_eq!(again.entries[0].name, "Case 1");
        assert_eq!(
            again.entries[0].version(),
            1,
            "newest first, still version 1"
        );
        assert!(again.entries[0].encode().contains("\"model_version\":1"));
        Ok(())
    }

    #[test]
    fn items_that_do_not_read_are_set_aside_with_the_reason(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let good = Shelf::default().saving("Good", &Scenario::default(), 5)?;
        let newer = good.encode().replace("\"format\":1", "\"format\":2");
        let wrong_version = good
            .encode()
            .replace("\"model_version\":2", "\"model_version\":1");
        let bad_scenario = good.encode().replace("design_pue", "design_poo");
        let shelf = shelf_of(&[
            (&good.key(), good.encode()),
            ("repower.saved.a", "{not json".into()),
            ("repower.saved.b", "[1,2]".into()),
            ("repower.saved.c", r#"{"name":"theirs"}"#.into()),
            ("repower.saved.d", newer),
            ("repower.saved.e", wrong_version),
            ("repower.saved.f", bad_scenario),
            (
                "repower.saved.g",
                r#"{"format":1,"name":"  ","saved_at":1,"model_version":2,"scenario":"{}"}"#.into(),
            ),
            ("repower.saved.", good.encode()),
            ("repower.saved.h", "x".repeat(MAX_ITEM + 1)),
            ("repower.form.v1", "{}".into()),
            ("other", "junk".into()),
        ]);
        assert_eq!(shelf.entries, vec![good]);
        let why: Vec<(&str, &Unreadable)> = shelf
            .set_aside
            .iter()
            .map(|s| (s.key.as_str(), &s.why))
            .collect();
        assert_eq!(why.len(), 9, "{why:?}");
        let of = |k: &str| {
            why.iter()
                .find(|(key, _)| *key == k)
                .map(|(_, w)| (*w).clone())
        };
        assert!(matches!(
            of("repower.saved.a"),
            Some(Unreadable::NotJson(_))
        ));
        assert_eq!(of("repower.saved.b"), Some(Unreadable::NotOurs));
        assert_eq!(of("repower.saved.c"), Some(Unreadable::NotOurs));
        assert_eq!(of("repower.saved.d"), Some(Unreadable::Newer(2)));
        assert_eq!(of("repower.saved."), Some(Unreadable::NotOurs));
        assert_eq!(of("repower.saved.h"), Some(Unreadable::TooLarge));
        let damaged = |k: &str| match of(k) {
            Some(Unreadable::Damaged(m)) => m,
            other => panic!("{k}: {other:?}"),
        };
        assert!(damaged("repower.saved.e").starts_with("model_version"));
        assert!(damaged("repower.saved.f").contains("design_poo"));
        assert!(damaged("repower.saved.g").starts_with("name"));
        for s in &shelf.set_aside {
            assert!(!s.why.to_string().is_empty());
        }
        Ok(())
    }

    #[test]
    fn new_ids_never_reuse_a_key_in_use_even_one_set_aside() -> Result<(), Refusal> {
        let now = 1_764_619_200_000;
        let id = base36(now);
        let shelf = shelf_of(&[(&format!("{PREFIX}{id}"), "junk".into())]);
        let a = shelf.saving("A", &Scenario::default(), now)?;
        assert_eq!(a.id, format!("{id}-2"));
        let mut shelf = shelf;
        shelf.put(a.clone());
        let b = shelf.duplicating(&a.id, now)?;
        assert_eq!(b.id, format!("{id}-3"));
        assert_eq!(b.name, "A (2)");
        assert_eq!(b.scenario, a.scenario);
        assert_eq!(shelf.duplicating("nope", now), Err(Refusal::Gone));
        Ok(())
    }

    #[test]
    fn names_are_trimmed_bounded_and_unique() -> Result<(), Refusal> {
        let mut shelf = Shelf::default();
        let s = Scenario::default();
        assert_eq!(shelf.saving("   ", &s, 1), Err(Refusal::EmptyName));
        let long = "x".repeat(MAX_NAME + 1);
        assert_eq!(shelf.saving(&long, &s, 1), Err(Refusal::LongName));
        let full = "y".repeat(MAX_NAME);
        for n in 1..=3u64 {
            let e = shelf.saving(&full, &s, n)?;
            assert!(e.name.chars().count() <= MAX_NAME);
            shelf.put(e);
        }
        let names: Vec<&str> = shelf.entries.iter().map(|e| e.name.as_str()).collect();
        assert!(names.iter().any(|n| n.ends_with(" (3)")), "{names:?}");
        // Renaming keeps the id and time; a name in use by itself is fine.
        let first = shelf.entries[2].clone();
        let same = shelf.renaming(&first.id, &first.name)?;
        assert_eq!(same, first);
        let other = shelf.renaming(&first.id, " Base ")?;
        assert_eq!(
            (other.name.as_str(), &other.id, other.saved_at),
            ("Base", &first.id, first.saved_at)
        );
        shelf.put(other);
        assert_eq!(shelf.entries.len(), 3);
        assert_eq!(shelf.renaming("gone", "x"), Err(Refusal::Gone));
        shelf.remove(&first.key());
        assert_eq!(shelf.entries.len(), 2);
        assert!(shelf.get(&first.id).is_none());
        Ok(())
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(moment(0), "1970-01-01 00:00");
        assert_eq!(moment(1_764_619_500_000), "2025-12-01 20:05");
        assert_eq!(day(951_782_400_000), "2000-02-29");
        assert_eq!(moment(-60_000), "1969-12-31 23:59");
        assert_eq!(default_name(None, "2026-12-01"), "Custom, 2026-12-01");
    }
}
