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
//! - first, in every build, by the exact short way ([`exact`]) that Rust's
//!   parser takes first too: what people type and the form's own texts (no
//!   exponent, up to 15 digits) read there, in Rust, with no call out to
//!   the browser;
//! - otherwise natively by Rust's parser;
//! - otherwise in the browser by the browser's own (`parseFloat`), which
//!   ECMAScript requires to round this way for up to 20 significant digits,
//!   and which every current engine rounds this way beyond. Rust's parser
//!   and its tables would add about 14 KB gzip to the page's first download.
//!
//! All give the same bits (`tests/web.rs` compares them in Chromium over
//! the hard cases and 40,000 random numerals). This module is the pure
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
fn value(numeral: &str) -> f64 {
    exact(numeral).unwrap_or_else(|| in_full(numeral))
}

/// The powers of ten an `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a numeral [`is_decimal`] accepted, when it has no exponent
/// and its digits (without the point) make a whole number `m` below 2^53
/// with at most 22 of them after the point: `m` and `10^k` are then exact
/// as `f64`, so `m / 10^k` rounds once, to the nearest `f64`, ties to even,
/// which is the numeral's correctly rounded value (Clinger's fast path, the
/// one `f64::from_str` takes first). `None` for any other numeral.
fn exact(numeral: &str) -> Option<f64> {
    let (negative, body) = match numeral.as_bytes().split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, numeral.as_bytes()),
    };
    let (mut m, mut k, mut after_point) = (0_u64, 0_usize, false);
    for &b in body {
        if b == b'.' {
            after_point = true;
            continue;
        }
        let digit = b.wrapping_sub(b'0');
        // An exponent's `e`, or a digit too many: below 2^49 here, so
        // `m` stays below 2^53.
        if digit > 9 || m >= 1 << 49 {
            return None;
        }
        m = m * 10 + u64::from(digit);
        k += usize::from(after_point);
    }
    // `m` < 2^53, so `as` is exact.
    let magnitude = m as f64 / EXACT_POWERS_OF_TEN.get(k)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// [`value`] of a numeral [`exact`] does not read: natively, Rust's parser.
#[cfg(not(target_arch = "wasm32"))]
fn in_full(numeral: &str) -> f64 {
    // Accepted above, so it reads; NaN would be refused as not finite.
    numeral.parse().unwrap_or(f64::NAN)
}

/// [`value`] of a numeral [`exact`] does not read: the browser's
/// `parseFloat`, which reads all of it.
#[cfg(target_arch = "wasm32")]
fn in_full(numeral: &str) -> f64 {
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
    fn the_short_way_reads_what_rusts_parser_reads() {
        use proptest::prelude::*;
        // Up to 17 digits (beyond 2^49 × 10 the short way declines), a point
        // anywhere; now and then an exponent (declined).
        let numerals = (
            prop::collection::vec(0_u8..10, 1..18),
            0_usize..18,
            prop::option::weighted(0.1, -30_i32..30),
            any::<bool>(),
        )
            .prop_map(|(digits, point, exponent, negative)| {
                let digits: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
                let point = point.min(digits.len());
                let sign = if negative { "-" } else { "" };
                let exponent = exponent.map(|e| format!("e{e}")).unwrap_or_default();
                format!("{sign}{}.{}{exponent}", &digits[..point], &digits[point..])
            });
        let (taken, ran) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
        proptest!(ProptestConfig::with_cases(20_000), |(text in numerals)| {
            ran.set(ran.get() + 1);
            let want: f64 = text.parse().unwrap_or(f64::NAN);
            if let Some(got) = exact(&text) {
                taken.set(taken.get() + 1);
                prop_assert_eq!(got.to_bits(), want.to_bits(), "{}", text);
            }
        });
        // The cases do reach the short way (most of them, however many
        // PROPTEST_CASES asks for).
        assert!(
            2 * taken.get() > ran.get(),
            "{} of {}",
            taken.get(),
            ran.get()
        );
    }

    #[test]
    fn the_short_way_declines_what_it_cannot_read_exactly() {
        for (text, taken) in [
            ("45", Some(45.0)),
            ("-0", Some(-0.0)),
            ("+.5", Some(0.5)),
            ("1.", Some(1.0)),
            ("9500000", Some(9_500_000.0)),
            ("0.1", Some(0.1)),
            ("-45.5", Some(-45.5)),
            ("0.0000000000000000000001", Some(1e-22)),
            ("5629499534213119", Some(5_629_499_534_213_119.0)),
            // An exponent, more digits, or a power of ten an f64 does not
            // hold exactly.
            ("7.1e6", None),
            ("0e0", None),
            ("9007199254740993", None),
            ("13.000000000000002", None),
            ("0.00000000000000000000001", None),
        ] {
            let got = exact(text);
            assert_eq!(got.map(f64::to_bits), taken.map(f64::to_bits), "{text}");
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
