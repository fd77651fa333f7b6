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
//! The page's two builds speak one language each, fixed at compile time
//! ([`BAKED`]): the English build (feature `baked-en`) holds no lookup at
//! all, each text being itself; the Portuguese build (feature `baked-pt-br`)
//! does the lookup at compile time: each `t!` and `en!` text is its
//! translation (`baked`), so the wasm a Portuguese visitor downloads holds
//! no English text and fetches no catalogue. What speaks a language from
//! its catalogue at run time is what the page hands its texts to: the extra
//! module and the risk view's worker.
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
    /// Not JSON, or not an object of texts; or, in the page's form, a line
    /// without its key.
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
/// same, and build.rs for the Portuguese build; `tests/texts.rs` checks
/// that no two texts of the code share one).
#[path = "lang_key.rs"]
mod lang_key;
pub use lang_key::key;

/// Reads a catalogue's text as the repository holds it: one JSON object,
/// each English text a key, its translation the value (`model::json`:
/// strict, a key given twice refused), in key order.
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

/// The digits of a key in the page's form of a catalogue (base64url).
const KEY_DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// How many digits a key takes in the page's form: six (36 bits, the
/// highest four 0).
const KEY_WIDTH: usize = 6;

/// A key written in [`KEY_WIDTH`] digits of [`KEY_DIGITS`], as
/// `www/postbuild.mjs` writes it for the page.
#[cfg(test)]
fn key_text(key: u32) -> String {
    (0..KEY_WIDTH)
        .rev()
        .map(|i| {
            let digit = (u64::from(key) >> (6 * i)) & 63;
            char::from(KEY_DIGITS[digit as usize])
        })
        .collect()
}

/// The key [`key_text`] wrote, if `digits` is one.
fn read_key(digits: &str) -> Option<u32> {
    if digits.len() != KEY_WIDTH {
        return None;
    }
    let key = digits.bytes().try_fold(0u64, |k, d| {
        let v = KEY_DIGITS.iter().position(|&c| c == d)?;
        Some(k << 6 | v as u64)
    })?;
    u32::try_from(key).ok()
}

/// Reads the page's form of a catalogue (`www/postbuild.mjs` writes it):
/// one entry a line, each English text's key ([`key_text`]) followed by its
/// translation, which holds no line break; the page has the English texts
/// already. Its parts may come one after the other, each in key order.
fn page_form(text: &str) -> Result<Catalogue, CatalogueError> {
    // Read once per page: the texts live as long as it.
    let text: &'static str = text.to_owned().leak();
    let mut out: Catalogue = Vec::with_capacity(text.len() / 48);
    for (n, line) in text.split('\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let key = line
            .get(..KEY_WIDTH)
            .and_then(read_key)
            .ok_or_else(|| CatalogueError::Syntax(format!("line {} has no key", n + 1)))?;
        out.push((key, &line[KEY_WIDTH..]));
    }
    Ok(in_key_order(out))
}

/// The catalogue as the page looks texts up in it: each entry's key (the
/// English text hashed), sorted by key.
fn keyed(entries: Vec<(String, String)>) -> Catalogue {
    in_key_order(
        entries
            .into_iter()
            .map(|(k, v)| (key(&k), &*v.leak()))
            .collect(),
    )
}

/// `entries` sorted by key: as they come when they are (the page's parts
/// are, each), else sorted (the repository's catalogue comes in its English
/// texts' order).
fn in_key_order(mut entries: Catalogue) -> Catalogue {
    if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
        crate::order::sort_small_by(&mut entries, |a, b| a.0.cmp(&b.0));
    }
    entries
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
    static TEXTS: RefCell<Catalogue> = const { RefCell::new(Vec::new()) };
}

/// Speaks `lang` from now on, with `catalogue`'s text as its translations
/// (none for English): the repository's form (a JSON object, English texts
/// as keys) or the page's ([`page_form`]). Read once per page: the texts
/// live as long as it.
pub fn load(lang: Lang, catalogue: &str) -> Result<(), CatalogueError> {
    let entries = if lang == Lang::En {
        Vec::new()
    } else if catalogue.trim_start().starts_with('{') {
        keyed(parse(catalogue)?)
    } else {
        page_form(catalogue)?
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

/// The language spoken now: always the one of a page's build ([`BAKED`]).
pub fn current() -> Lang {
    match BAKED {
        Some(lang) => lang,
        None => LANG.with(Cell::get),
    }
}

/// The one language of the page's build, fixed at compile time; `None` for
/// a build that speaks the language [`set`] with its catalogue (the extra
/// module, the risk view's worker, the native programs and tests).
/// - English (feature `baked-en`): every text is itself, with no lookup.
/// - Portuguese (feature `baked-pt-br`, which wins should both be set):
///   every `t!` and `en!` text is its Portuguese translation already,
///   looked up at compile time (`baked`).
///
/// Either build speaks nothing else and loads no catalogue: choosing the
/// other language loads the page again, with the other build.
pub const BAKED: Option<Lang> = if cfg!(feature = "baked-pt-br") {
    Some(Lang::PtBr)
} else if cfg!(feature = "baked-en") {
    Some(Lang::En)
} else {
    None
};

/// `en`'s Portuguese translation, looked up at compile time in the
/// catalogue build.rs wrote from `www/lang/pt-BR.json`; `en` itself should
/// the catalogue lack it (`tests/texts.rs` fails then). What [`t!`] and
/// [`en!`] give in the Portuguese build.
#[cfg(feature = "baked-pt-br")]
pub const fn baked(en: &'static str) -> &'static str {
    mod table {
        include!(concat!(env!("OUT_DIR"), "/pt_br.rs"));
    }
    let wanted = key(en);
    let rows = table::PT_BR;
    let (mut low, mut high) = (0, rows.len());
    while low < high {
        let mid = low + (high - low) / 2;
        let (k, translated) = rows[mid];
        if k == wanted {
            return translated;
        }
        if k < wanted {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    en
}

/// `en` in the language spoken now: its translation, or `en` itself in
/// English or should the catalogue lack it. In the Portuguese build `en` is
/// its translation already (an `en!` text), and comes back as it is.
pub fn tr(en: &'static str) -> &'static str {
    if BAKED.is_some() || current() == Lang::En {
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
/// `names` holds is replaced by the value at the same place in `values`;
/// any other brace is kept. (At each [`t!`], the names are one constant of
/// the program, so a call builds only the values.)
pub fn fill(template: &str, names: &[&str], values: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            names
                .iter()
                .position(|n| *n == name)
                .and_then(|i| values.get(i))
                .map(|v| (close, *v))
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
        $crate::lang_text!($text)
    };
}

/// A text literal as this build writes it: the text itself, or in the
/// Portuguese build its translation, looked up at compile time
/// (`lang::baked`). What [`t!`] and [`en!`] expand
/// to; not for use elsewhere.
#[cfg(not(feature = "baked-pt-br"))]
#[doc(hidden)]
#[macro_export]
macro_rules! lang_text {
    ($text:literal) => {
        $text
    };
}

#[cfg(feature = "baked-pt-br")]
#[doc(hidden)]
#[macro_export]
macro_rules! lang_text {
    ($text:literal) => {{
        const TEXT: &str = $crate::lang::baked($text);
        TEXT
    }};
}

/// A text in the language spoken now: `t!("Grid capacity")`, or a template
/// filled after translation: `t!("{count} inputs differ", count = n)`.
#[macro_export]
macro_rules! t {
    ($text:literal) => {
        $crate::lang::tr($crate::lang_text!($text))
    };
    ($text:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::lang::fill(
            $crate::lang::tr($crate::lang_text!($text)),
            &[$(stringify!($name)),+],
            &[$(&$value as &dyn ::std::fmt::Display),+],
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
            fill("{b} then {a}, {c} {", &["a", "b"], &[&1, &"two"]),
            "two then 1, {c} {"
        );
        assert_eq!(t!("{count} inputs differ", count = n), "3 inputs differ");
        assert_eq!(
            placeholders("{a} and {b_2} but not { x } or {}"),
            ["a", "b_2"]
        );
    }

    #[test]
    fn keys_are_fnv_1a_and_the_page_form_reads() {
        // FNV-1a's published values.
        assert_eq!(key(""), 0x811c_9dc5);
        assert_eq!(key("a"), 0xe40c_292c);
        assert_eq!(key("foobar"), 0xbf9c_f968);
        assert_eq!(key_text(0), "AAAAAA");
        assert_eq!(key_text(0xbf9c_f968), "C_nPlo");
        assert_eq!(key_text(u32::MAX), "D_____");
        for k in [0, 1, 63, 64, 0xbf9c_f968, u32::MAX] {
            assert_eq!(read_key(&key_text(k)), Some(k));
        }
        // Two parts one after the other, each in key order.
        let mut first = [
            ("Grid capacity", "Capacidade"),
            ("Energy price", "Preço da energia"),
        ];
        first.sort_by_key(|(en, _)| key(en));
        let line = |(en, said): &(&str, &str)| format!("{}{said}\n", key_text(key(en)));
        let page: String = first.iter().map(line).collect::<String>()
            + &line(&("Hashprice", "Hashprice (preço do hash)"));
        load(Lang::PtBr, &page).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tr("Grid capacity"), "Capacidade");
        assert_eq!(tr("Energy price"), "Preço da energia");
        assert_eq!(tr("Hashprice"), "Hashprice (preço do hash)");
        assert_eq!(tr("Not in it"), "Not in it");
        // Keys that do not read: too short, a digit outside base64url, over
        // 32 bits.
        for bad in ["ABC\n", "AAAA*Aa", "EAAAAAx"] {
            assert!(load(Lang::PtBr, bad).is_err(), "{bad}");
        }
        assert_eq!(read_key("EAAAAA"), None);
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
