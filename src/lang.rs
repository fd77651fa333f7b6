//! The language the page speaks (pure): English, the language the code is
//! written in, or Brazilian Portuguese from its catalogue
//! (`www/lang/pt-BR.json`: each English text, as the code writes it, with
//! its translation; placeholders such as `{count}` kept as they are).
//!
//! Texts are written once, in English, where they are used: [`t!`] (or
//! [`tr`] for a text kept in a table) looks the text up in the catalogue of
//! the language set with [`set`], and falls back to the English text should
//! the catalogue not have it (`tests/texts.rs` fails the build's tests
//! then). A text with figures in it is one template with named
//! placeholders, filled after translation ([`fill`]), never assembled from
//! pieces, so a translation may put them in any order.
//!
//! Numbers follow the language too (`crate::model::number`): `1,234.5` in
//! English, `1.234,5` in Portuguese, written and read.

use std::cell::{Cell, RefCell};
use std::fmt::{self, Display};

/// A language the page speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    PtBr,
}

/// Every language, one row each: its code (BCP 47, as `<html lang>`, links
/// and storage write it), its name in itself, as the switch shows it, and
/// the switch's offer to show the page in it, also in itself.
const LANGS: [(Lang, &str, &str, &str); 2] = [
    (Lang::En, "en", "English", "Show this page in English"),
    (
        Lang::PtBr,
        "pt-BR",
        "Português",
        "Ver esta página em português",
    ),
];

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::PtBr];

    fn row(self) -> (Lang, &'static str, &'static str, &'static str) {
        LANGS
            .into_iter()
            .find(|(l, ..)| *l == self)
            .unwrap_or(LANGS[0])
    }

    /// The language's code: `en`, `pt-BR`.
    pub fn code(self) -> &'static str {
        self.row().1
    }

    /// The language's name in itself: `English`, `Português`.
    pub fn name(self) -> &'static str {
        self.row().2
    }

    /// The offer to show the page in this language, in itself.
    pub fn offer(self) -> &'static str {
        self.row().3
    }

    /// The language whose code is `code` (any case: `pt-br` reads).
    pub fn from_code(code: &str) -> Option<Lang> {
        LANGS
            .into_iter()
            .find(|(_, c, ..)| c.eq_ignore_ascii_case(code.trim()))
            .map(|(l, ..)| l)
    }

    /// How the language writes numbers: the decimal mark and the mark that
    /// groups thousands.
    pub fn marks(self) -> Marks {
        match self {
            Lang::En => Marks {
                decimal: '.',
                group: ',',
            },
            Lang::PtBr => Marks {
                decimal: ',',
                group: '.',
            },
        }
    }
}

impl Lang {
    /// The short words after money's first three figures: thousands,
    /// millions, billions, trillions (`$45.2K`, `US$ 45,2 mil`).
    pub fn money_suffixes(self) -> [&'static str; 4] {
        match self {
            Lang::En => ["K", "M", "B", "T"],
            Lang::PtBr => ["\u{a0}mil", "\u{a0}mi", "\u{a0}bi", "\u{a0}tri"],
        }
    }

    /// What separates the fields of a CSV file, as spreadsheets set to the
    /// language read it: `,` in English, `;` in Portuguese (whose decimal
    /// mark is the comma).
    pub fn csv_separator(self) -> char {
        match self {
            Lang::En => ',',
            Lang::PtBr => ';',
        }
    }

    /// The symbol of dollars: `$`, `US$ ` (a no-break space after it).
    pub fn dollar_symbol(self) -> &'static str {
        match self {
            Lang::En => "$",
            Lang::PtBr => "US$\u{a0}",
        }
    }
}

/// A language's decimal mark and the mark that groups thousands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marks {
    pub decimal: char,
    pub group: char,
}

/// Why a catalogue's text was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogueError {
    /// Not JSON, or not an object of texts.
    Syntax(String),
    /// An entry whose value is not a text.
    NotText(String),
}

impl Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueError::Syntax(why) => write!(f, "the language catalogue does not read: {why}"),
            CatalogueError::NotText(key) => {
                write!(f, "the language catalogue's entry {key:?} is not a text")
            }
        }
    }
}

/// A catalogue as the page holds it: each English text's key ([`key`]) and
/// its translation, sorted by key.
type Catalogue = Vec<(u32, &'static str)>;

/// An English text's key in a catalogue as the page downloads it: the
/// 32-bit FNV-1a hash of its UTF-8 bytes (`www/postbuild.mjs` writes the
/// same; `tests/texts.rs` checks that no two texts of the code share one).
pub fn key(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Reads a catalogue's text: one JSON object, each English text a key, its
/// translation the value (`model::json`: strict, a key given twice
/// refused), in key order.
pub fn parse(text: &str) -> Result<Vec<(String, String)>, CatalogueError> {
    use serde_json::Value;
    let value =
        crate::model::json::parse(text).map_err(|e| CatalogueError::Syntax(e.to_string()))?;
    let Value::Object(map) = value else {
        return Err(CatalogueError::Syntax("it is not an object".to_owned()));
    };
    let mut out = Vec::with_capacity(map.len());
    // A `serde_json::Map` iterates in key order.
    for (key, value) in map {
        match value {
            Value::String(s) => out.push((key, s)),
            _ => return Err(CatalogueError::NotText(key)),
        }
    }
    Ok(out)
}

/// The catalogue as the page looks texts up in it: each entry's key (the
/// English text hashed, or its written key as downloaded: `#` and eight hex
/// digits, `#1a2b3c4d`; no English text of the code starts with `#`,
/// `tests/texts.rs`), sorted by key.
fn keyed(entries: Vec<(String, String)>) -> Result<Catalogue, CatalogueError> {
    let mut out: Catalogue = Vec::with_capacity(entries.len());
    let mut in_order = true;
    for (k, v) in entries {
        let hashed = match k.strip_prefix('#') {
            Some(hex) if hex.len() == 8 => u32::from_str_radix(hex, 16)
                .map_err(|_| CatalogueError::Syntax(format!("{k:?} is not a key")))?,
            _ => key(&k),
        };
        in_order &= out.last().is_none_or(|&(last, _)| last < hashed);
        out.push((hashed, v.leak()));
    }
    if !in_order {
        // English keys (the repository's own catalogue, read natively) come
        // in their text's order, not their key's.
        crate::order::sort_small_by(&mut out, |a, b| a.0.cmp(&b.0));
    }
    Ok(out)
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
    static TEXTS: RefCell<Catalogue> = const { RefCell::new(Vec::new()) };
}

/// Speaks `lang` from now on, with `catalogue`'s text as its translations
/// (none for English): the repository's form (English texts as keys) or the
/// page's (written keys, `#1a2b3c4d`). Read once per page: the texts live as
/// long as it.
pub fn load(lang: Lang, catalogue: &str) -> Result<(), CatalogueError> {
    let entries = if lang == Lang::En {
        Vec::new()
    } else {
        keyed(parse(catalogue)?)?
    };
    TEXTS.with(|t| *t.borrow_mut() = entries);
    LANG.with(|l| l.set(lang));
    Ok(())
}

/// Speaks `lang` from now on, with the catalogue built into native builds
/// (the evaluator and the tests; the page fetches its catalogue instead).
#[cfg(not(target_arch = "wasm32"))]
pub fn set(lang: Lang) {
    if current() == lang && (lang == Lang::En || TEXTS.with(|t| !t.borrow().is_empty())) {
        return;
    }
    // The built-in catalogue is checked by tests/texts.rs; should it not
    // read, English stays.
    if load(lang, built_in(lang)).is_err() {
        LANG.with(|l| l.set(Lang::En));
    }
}

/// The catalogue of `lang` as the repository holds it.
#[cfg(not(target_arch = "wasm32"))]
pub fn built_in(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "{}",
        Lang::PtBr => include_str!("../www/lang/pt-BR.json"),
    }
}

/// The language spoken now.
pub fn current() -> Lang {
    LANG.with(Cell::get)
}

/// `en` in the language spoken now: its translation, or `en` itself in
/// English or should the catalogue lack it.
pub fn tr(en: &'static str) -> &'static str {
    if current() == Lang::En {
        return en;
    }
    let wanted = key(en);
    TEXTS.with(|t| {
        let t = t.borrow();
        t.binary_search_by(|(k, _)| k.cmp(&wanted))
            .ok()
            .and_then(|i| t.get(i))
            .map_or(en, |(_, v)| *v)
    })
}

/// A template with its placeholders (`{name}`) filled: each `{name}` that
/// `args` names is replaced by its value; any other brace is kept.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, *v))
        });
        match named {
            Some((close, value)) => {
                use fmt::Write;
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template (`{name}`), in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if close > 0
                    && after[..close]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
            {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// An English text kept in a table, translated where it is shown with
/// [`tr`]: `en!("Grid capacity")` is the text itself (so it fits a `const`),
/// marked for the catalogue (`tests/texts.rs` collects every `t!` and
/// `en!` text).
#[macro_export]
macro_rules! en {
    ($text:literal) => {
        $text
    };
}

/// A text in the language spoken now: `t!("Grid capacity")`, or a template
/// filled after translation: `t!("{count} inputs differ", count = n)`.
#[macro_export]
macro_rules! t {
    ($text:literal) => {
        $crate::lang::tr($text)
    };
    ($text:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::lang::fill(
            $crate::lang::tr($text),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("PT-br"), Some(Lang::PtBr));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::PtBr.name(), "Português");
    }

    #[test]
    fn templates_fill_by_name_in_any_order() {
        let n = 3;
        assert_eq!(
            fill("{b} then {a}, {c} {", &[("a", &1), ("b", &"two")]),
            "two then 1, {c} {"
        );
        assert_eq!(t!("{count} inputs differ", count = n), "3 inputs differ");
        assert_eq!(
            placeholders("{a} and {b_2} but not { x } or {}"),
            ["a", "b_2"]
        );
    }

    /// A key as the page's catalogue writes it (`www/postbuild.mjs`).
    fn key_text(key: u32) -> String {
        format!("#{key:08x}")
    }

    #[test]
    fn keys_are_fnv_1a_and_the_page_form_reads() {
        // FNV-1a's published values.
        assert_eq!(key(""), 0x811c_9dc5);
        assert_eq!(key("a"), 0xe40c_292c);
        assert_eq!(key("foobar"), 0xbf9c_f968);
        let page = format!(
            r#"{{"{}": "Capacidade", "{}": "Preço da energia"}}"#,
            key_text(key("Grid capacity")),
            key_text(key("Energy price"))
        );
        load(Lang::PtBr, &page).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tr("Grid capacity"), "Capacidade");
        assert_eq!(tr("Energy price"), "Preço da energia");
        assert!(load(Lang::PtBr, r##"{"#zzzzzzzz": "x"}"##).is_err());
        load(Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn texts_fall_back_to_english() {
        load(
            Lang::PtBr,
            r#"{"Energy price": "Preço da energia", "Grid capacity": "Capacidade"}"#,
        )
        .map_err(|e| e.to_string())
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tr("Grid capacity"), "Capacidade");
        assert_eq!(tr("Energy price"), "Preço da energia");
        assert_eq!(tr("Not in it"), "Not in it");
        assert!(load(Lang::PtBr, r#"{"a": 1}"#).is_err());
        assert!(load(Lang::PtBr, r#"["a"]"#).is_err());
        load(Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tr("Grid capacity"), "Grid capacity");
    }
}
