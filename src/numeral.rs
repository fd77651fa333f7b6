//! Reading a decimal numeral (`-12.5e3`) as an `f64`: the one place the
//! program does, so the page's wasm carries no float parser of its own.
//!
//! The syntax is Rust's (`f64::from_str`): an optional sign, then digits
//! with at most one point and at least one digit (`1.`, `.5`), then an
//! optional exponent (`e3`, `E-7`); or `inf`, `infinity` or `nan` in any
//! case. It is checked here, in Rust, so every build accepts and refuses
//! the same texts.
//!
//! The value is the numeral rounded to the nearest `f64`, ties to even:
//!
//! - natively, by Rust's parser;
//! - in the browser, by the browser's own (`parseFloat`), which ECMAScript
//!   requires to round this way for up to 20 significant digits, and which
//!   every current engine rounds this way beyond. Rust's parser and its
//!   tables would add about 14 KB gzip to the page's first download.
//!
//! Both give the same bits (`tests/web.rs` compares them in Chromium over
//! the hard cases and 20,000 random numerals). This module is the pure
//! core's one door to the browser: the model and the charts call it and
//! name no browser crate themselves (`tests/purity.rs`).

/// The value of `text`, a number in Rust's syntax (above), or `None` when
/// `text` is not one: nothing around it, no `_`, no thousands marks.
pub fn read(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if let Some(special) = special(body) {
        return Some(if negative { -special } else { special });
    }
    if !is_decimal(body.as_bytes()) {
        return None;
    }
    Some(value(text))
}

/// `inf`, `infinity` and `nan`, in any case.
fn special(body: &str) -> Option<f64> {
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// Digits with at most one point and at least one digit, then an optional
/// exponent: `e` or `E`, an optional sign, at least one digit.
fn is_decimal(body: &[u8]) -> bool {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let whole = digits(body);
    let mut rest = &body[whole..];
    let mut fraction = 0;
    if let Some((b'.', after)) = rest.split_first() {
        fraction = digits(after);
        rest = &after[fraction..];
    }
    if whole + fraction == 0 {
        return false;
    }
    match rest.split_first() {
        None => true,
        Some((b'e' | b'E', after)) => {
            let after = match after.split_first() {
                Some((b'+' | b'-', signed)) => signed,
                _ => after,
            };
            !after.is_empty() && digits(after) == after.len()
        }
        Some(_) => false,
    }
}

/// The value of a numeral [`is_decimal`] accepted (with its sign).
#[cfg(not(target_arch = "wasm32"))]
fn value(numeral: &str) -> f64 {
    // Accepted above, so it reads; NaN would be refused as not finite.
    numeral.parse().unwrap_or(f64::NAN)
}

/// The value of a numeral [`is_decimal`] accepted (with its sign): the
/// browser's `parseFloat`, which reads all of it.
#[cfg(target_arch = "wasm32")]
fn value(numeral: &str) -> f64 {
    js_sys::Number::parse_float(numeral)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            (None, None) => true,
            _ => false,
        }
    }

    #[test]
    fn reads_what_rust_reads_and_refuses_what_it_refuses() {
        let cases = [
            "0",
            "-0",
            "+0",
            "1",
            "1.",
            ".5",
            "-.5",
            "+.5",
            "1.5e3",
            "1.5E-3",
            "1e+3",
            "12",
            "007",
            "1e400",
            "-1e400",
            "1e-400",
            "2.2250738585072011e-308",
            "9007199254740993",
            "0.1",
            "0.30000000000000004",
            "1e23",
            "inf",
            "-inf",
            "+INF",
            "Infinity",
            "-infinity",
            "nan",
            "NaN",
            "-nan",
            "",
            "-",
            "+",
            ".",
            "-.",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1e-",
            "1.2.3",
            "1..2",
            "1e5.5",
            "1e5e5",
            " 1",
            "1 ",
            "1_000",
            "1,000",
            "0x10",
            "infinit",
            "in",
            "nana",
            "--1",
            "+-1",
            "1-",
            "١",
            "1e٣",
            "12abc",
        ];
        for text in cases {
            assert!(same(read(text), text.parse().ok()), "{text:?}");
        }
    }

    #[test]
    fn the_syntax_is_rusts() {
        use proptest::prelude::*;
        let alphabet = prop::sample::select(vec![
            '0', '1', '5', '9', '.', 'e', 'E', '+', '-', 'i', 'n', 'f', 'a', ' ', '_', ',',
        ]);
        let texts = prop::collection::vec(alphabet, 0..9).prop_map(|c| c.into_iter().collect());
        proptest!(ProptestConfig::with_cases(20_000), |(text in texts)| {
            let text: String = text;
            prop_assert!(same(read(&text), text.parse().ok()), "{:?}", text);
        });
    }
}
