//! Numbers as people type and read them: the one reader of typed numbers
//! (in English a point for decimals, commas only grouping thousands; in
//! Portuguese a comma for decimals, points only grouping thousands; never a
//! guess) and the writers the form, the messages and the figures share, in
//! the language spoken (`crate::lang`).

use std::borrow::Cow;

use crate::lang::{self, Lang};

/// `text` with the language's marks swapped for English's (or back: the
/// swap is its own inverse): `1.234,5` ↔ `1,234.5` in Portuguese; English
/// text is returned as it is.
pub fn english_marks(text: &str) -> Cow<'_, str> {
    match lang::current() {
        Lang::En => Cow::Borrowed(text),
        Lang::PtBr => Cow::Owned(
            text.chars()
                .map(|c| match c {
                    '.' => ',',
                    ',' => '.',
                    c => c,
                })
                .collect(),
        ),
    }
}

/// Text written with English marks, in the language's (`1,234.5` →
/// `1.234,5` in Portuguese).
pub fn language_marks(text: &str) -> Cow<'_, str> {
    english_marks(text)
}

/// A number as a person reads it in an error message: no exponent for
/// ordinary magnitudes, no trailing `.0`.
pub fn plain(x: f64) -> String {
    if x.is_nan() {
        "NaN".to_owned()
    } else if x.is_infinite() {
        if x > 0.0 { "infinity" } else { "-infinity" }.to_owned()
    } else if x != 0.0 && (x.abs() >= 1e15 || x.abs() < 1e-6) {
        format!("{x:e}")
    } else {
        // Round away binary noise such as 0.30000000000000004.
        let s = format!("{:.9}", x);
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".to_owned()
        } else {
            s.to_owned()
        }
    }
}

/// A run of ASCII digits with the language's thousands mark before each
/// group of three from the right (`1234567` → `1,234,567`, `1.234.567` in
/// Portuguese); shorter runs are returned as they are.
pub fn group_digits(digits: &str) -> String {
    let mark = lang::current().marks().group;
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(mark);
        }
        out.push(ch);
    }
    out
}

/// A number as the form shows it, in the syntax [`read_number`] reads: from
/// 1,000 on with thousands separators (`4,000`, `7,000,000`, `12,345.5`; in
/// Portuguese `12.345,5`), a plain `-` for negatives (`-10`), an exponent
/// from 1e15 on (`1e20`).
pub fn form_number(x: f64) -> String {
    let plain = plain(x);
    if !plain
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        // An exponent, NaN or an infinity.
        return plain;
    }
    let (sign, digits) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::from(sign);
    out.push_str(&group_digits(int));
    if !frac.is_empty() {
        out.push(lang::current().marks().decimal);
        out.push_str(frac);
    }
    out
}

pub(crate) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Why a text does not read as one number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberSyntax {
    /// Nothing but spaces, `$`, `%` or `_`.
    Empty,
    /// Whitespace between the characters of the number (`5 5`, `1 000`).
    Space,
    /// A comma that does not group thousands (`45,5`, `1,00`, `1.000,5`).
    Comma,
    /// Anything else that is not a number (`12abc`, `-`, `1..2`).
    Other,
}

/// Reads one number as people type it into the form, in the language
/// spoken: in Portuguese the marks' roles swap (`1.234,5`, `45,5`; `45.5`
/// refused as a point that does not group thousands). In English:
///
/// - spaces around it, a `$` before it (`$45`, `-$5`, `$-5`, `$ 45`) and a
///   `%` after it (`12%`, `95 %`) are allowed;
/// - `−` (U+2212) reads as `-`; `_` is ignored (`1_000`);
/// - a comma only groups thousands, in groups of three after a first group
///   of one to three digits that does not start with 0 (`7,000,000`,
///   `1,234.5`, `-1,000`); any other comma is refused (`45,5`, `1,00`,
///   `1,0000`, `,5`, `1,,000`, `1.000,5`, `0,500`), as is whitespace inside
///   the number (`5 5`, `1 000`);
/// - the rest is Rust's decimal syntax (`1.`, `.5`, `1e3`, `+2`; `inf` and
///   `NaN` read and are refused later as not finite).
pub fn read_number(text: &str) -> Result<f64, NumberSyntax> {
    read_english(&english_marks(text))
}

/// Reads one number written with English marks ([`read_number`]'s rules in
/// English, whatever the language spoken).
pub(crate) fn read_english(text: &str) -> Result<f64, NumberSyntax> {
    let body = number_body(text)?;
    if body.chars().any(char::is_whitespace) {
        return Err(NumberSyntax::Space);
    }
    let body: String = body
        .chars()
        .filter(|&c| c != '_')
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    if body.is_empty() {
        return Err(NumberSyntax::Empty);
    }
    let plain = if body.contains(',') {
        if !commas_group_thousands(&body) {
            let number_like = body
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | 'e' | 'E'));
            return Err(if number_like {
                NumberSyntax::Comma
            } else {
                NumberSyntax::Other
            });
        }
        body.replace(',', "")
    } else {
        body
    };
    crate::numeral::read(&plain).ok_or(NumberSyntax::Other)
}

/// The number's own characters: `text` without the spaces around it, a
/// leading `$` (after an optional sign: `-$5`) and a trailing `%`; the sign
/// before a `$` is kept.
fn number_body(text: &str) -> Result<String, NumberSyntax> {
    let t = text.trim();
    let mut sign = "";
    let mut rest = t;
    for s in ["-", "+", "\u{2212}"] {
        if let Some(r) = t.strip_prefix(s).filter(|r| r.starts_with('$')) {
            sign = s;
            rest = r;
        }
    }
    let rest = rest.trim_start_matches('$').trim_start();
    let rest = rest.trim_end_matches('%').trim_end();
    if rest.is_empty() || rest.chars().all(|c| c == '_') {
        return Err(NumberSyntax::Empty);
    }
    Ok(format!("{sign}{rest}"))
}

/// Whether every comma in `body` (sign, digits, point, exponent) separates
/// thousands: only in the whole part, which is then `d{1,3}(,ddd)+` with a
/// first digit other than 0.
fn commas_group_thousands(body: &str) -> bool {
    let mantissa = body.split(['e', 'E']).next().unwrap_or("");
    if body.len() > mantissa.len() && body[mantissa.len()..].contains(',') {
        return false;
    }
    let unsigned = mantissa.trim_start_matches(['-', '+']);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if frac.contains(',') {
        return false;
    }
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&first.len())
        && digits(first)
        && !first.starts_with('0')
        && groups.all(|g| g.len() == 3 && digits(g))
}

/// The number a text with the other language's decimal mark probably
/// means, written with the language's (in English `45,5` → `45.5`,
/// `1.000,5` → `1000.5`, `,5` → `0.5`; in Portuguese `45.5` → `45,5`);
/// `None` when it is not that simple (`1,,000`).
pub(crate) fn decimal_hint(text: &str) -> Option<String> {
    english_hint(&english_marks(text)).map(|hint| language_marks(&hint).into_owned())
}

fn english_hint(text: &str) -> Option<String> {
    let body = number_body(text).ok()?.replace('\u{2212}', "-");
    let (sign, unsigned) = match body.strip_prefix(['-', '+']) {
        Some(rest) => (&body[..body.len() - rest.len()], rest),
        None => ("", body.as_str()),
    };
    let (int, frac) = unsigned.split_once(',')?;
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    if frac.is_empty() || !digits(frac) || !int.split('.').all(digits) {
        return None;
    }
    let int = int.replace('.', "");
    let int = if int.is_empty() { "0" } else { &int };
    Some(format!("{sign}{int}.{frac}"))
}

/// Whether a list has a comma that reads like a thousands separator: one
/// between a digit and exactly three digits (`1,000`, `36,120`).
pub(crate) fn looks_grouped(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b',' && i > 0 && b[i - 1].is_ascii_digit() && {
            let run = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
            run == 3
        }
    })
}

/// The text of an on/off field as the form reads it: `true`, `on`, `yes`,
/// `1` (any case) are on; `false`, `off`, `no`, `0` and empty are off;
/// anything else is not read (`None`).
pub fn reads_on(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" => Some(true),
        "false" | "off" | "no" | "0" | "" => Some(false),
        _ => None,
    }
}
