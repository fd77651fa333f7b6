//! The one reader of JSON text: scenario files, saved forms, the risk
//! view's replies. Strict JSON (RFC 8259) into a `serde_json::Value`.
//!
//! Numbers are read exactly: a whole number that fits 64 bits stays whole,
//! every other number is read by Rust's own float parser, which rounds
//! correctly, so a number written by [`serde_json`]'s shortest form reads
//! back to the same bits. A key given twice in one object is refused
//! (named), never silently overwritten. Nesting deeper than
//! [`MAX_DEPTH`] is refused, so no input exhausts the stack.
//!
//! The reader is ours rather than serde_json's deserializer because the
//! page downloads every byte of its code: this reader and the decoders
//! built on it (`Scenario`'s field table, the saved form, the worker's
//! replies) cost a fraction of a generic deserializer and its exact-float
//! tables. serde_json still writes JSON and holds the values.

use std::fmt;

use serde_json::{Map, Number, Value};

use crate::lang;

/// How deep objects and lists may nest.
pub const MAX_DEPTH: usize = 128;

/// Text that is not JSON: what was wrong and where: in which value
/// (`site.grid_capacity_mw`, `greenfield.build_months[2]`; empty at the
/// top) and at which 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub what: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!(
            "{what} at line {line} column {column}",
            what = self.what,
            line = self.line,
            column = self.column
        ))
    }
}

impl std::error::Error for SyntaxError {}

/// Reads `text` as one JSON value (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut r = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        path: Vec::new(),
    };
    r.skip_space();
    let value = r.value()?;
    r.skip_space();
    if r.pos < r.bytes.len() {
        return Err(r.error(t!("trailing characters")));
    }
    Ok(value)
}

/// How a value is named in a message ("the text \"abc\"", "a list"), in
/// the language spoken.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => t!("boolean `{value}`", value = b),
        Value::Number(n) => t!("the number `{value}`", value = n),
        Value::String(s) => t!("the text \"{text}\"", text = quoted(s)),
        Value::Array(_) => t!("a list").to_owned(),
        Value::Object(_) => t!("an object").to_owned(),
    }
}

/// How many characters of a text a message quotes.
const QUOTED_CHARS: usize = 60;

/// A text as a message quotes it: on one line (escapes for quotes,
/// backslashes and control characters) and cut to [`QUOTED_CHARS`]; a
/// document's keys are named so in the paths of its errors too.
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == QUOTED_CHARS {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:04x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// "invalid type: {what v is}, expected {expected}": the wording every
/// decoder built on this reader uses for a value of the wrong type, in the
/// language spoken (`expected`, marked with `en!`, is translated too).
pub fn invalid_type(v: &Value, expected: &'static str) -> String {
    lang::fill(
        lang::tr(INVALID_TYPE),
        &["got", "expected"],
        &[&describe(v), &lang::tr(expected)],
    )
}

/// The template of [`invalid_type`].
const INVALID_TYPE: &str = en!("invalid type: {got}, expected {expected}");

/// Whether `text` could be `template` filled: it starts with the words
/// before the first placeholder, holds the words between them in order and
/// ends with the words after the last.
pub(crate) fn fits_template(template: &str, text: &str) -> bool {
    let mut words: Vec<&str> = Vec::new();
    let mut rest = template;
    for name in lang::placeholders(template) {
        let mark = format!("{{{name}}}");
        if let Some(at) = rest.find(&mark) {
            words.push(&rest[..at]);
            rest = &rest[at + mark.len()..];
        }
    }
    words.push(rest);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let Some(mut left) = text.strip_prefix(first) else {
        return false;
    };
    if words.len() == 1 {
        return left.is_empty();
    }
    for middle in &words[1..words.len() - 1] {
        match left.find(middle) {
            Some(at) => left = &left[at + middle.len()..],
            None => return false,
        }
    }
    left.ends_with(last)
}

/// What follows an item of a list or an object.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    Item,
    Closed,
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Where the reader is: `.key` and `[index]` parts.
    path: Vec<String>,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> SyntaxError {
        let before = &self.text.as_bytes()[..self.pos.min(self.bytes.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        // Characters, not bytes: count the bytes that start one.
        let column = 1 + before[line_start..]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        let path = self.path.concat();
        SyntaxError {
            what: what.to_owned(),
            path: path.strip_prefix('.').unwrap_or(&path).to_owned(),
            line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        match self.peek() {
            None => Err(self.error(t!("EOF while parsing a value"))),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::list),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(_) => Err(self.error(t!("expected value"))),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, SyntaxError>,
    ) -> Result<Value, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(t!("recursion limit exceeded")));
        }
        self.depth += 1;
        self.pos += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for &b in word.as_bytes() {
            match self.peek() {
                Some(got) if got == b => self.pos += 1,
                Some(_) => return Err(self.error(t!("expected ident"))),
                None => return Err(self.error(t!("EOF while parsing a value"))),
            }
        }
        Ok(value)
    }

    /// After `[`.
    fn list(&mut self) -> Result<Value, SyntaxError> {
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            self.path.push(format!("[{}]", items.len()));
            items.push(self.value()?);
            self.path.pop();
            if self.after_item(
                b']',
                en!("EOF while parsing a list"),
                en!("expected `,` or `]`"),
            )? == Next::Closed
            {
                return Ok(Value::Array(items));
            }
        }
    }

    /// After an item of a list or an object closed by `close`: a comma and
    /// another item, or the end (`eof` and `expected`: what to say when
    /// the text ends there or holds something else, translated only then).
    fn after_item(
        &mut self,
        close: u8,
        eof: &'static str,
        expected: &'static str,
    ) -> Result<Next, SyntaxError> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.skip_space();
                if self.peek() == Some(close) {
                    return Err(self.error(t!("trailing comma")));
                }
                Ok(Next::Item)
            }
            Some(c) if c == close => {
                self.pos += 1;
                Ok(Next::Closed)
            }
            None => Err(self.error(lang::tr(eof))),
            Some(_) => Err(self.error(lang::tr(expected))),
        }
    }

    /// After `{`.
    fn object(&mut self) -> Result<Value, SyntaxError> {
        let mut map = Map::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error(t!("EOF while parsing an object"))),
                Some(_) => return Err(self.error(t!("key must be a string"))),
            }
            let at = self.pos;
            let key = self.string()?;
            self.skip_space();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error(t!("EOF while parsing an object"))),
                Some(_) => return Err(self.error(t!("expected `:`"))),
            }
            self.skip_space();
            self.path.push(format!(".{}", quoted(&key)));
            let value = self.value()?;
            self.path.pop();
            if map.contains_key(&key) {
                self.pos = at;
                return Err(self.error(&t!("duplicate field `{key}`", key = quoted(&key))));
            }
            map.insert(key, value);
            if self.after_item(
                b'}',
                en!("EOF while parsing an object"),
                en!("expected `,` or `}`"),
            )? == Next::Closed
            {
                return Ok(Value::Object(map));
            }
        }
    }

    /// At `"`.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error(t!("EOF while parsing a string"))),
                Some(b'"') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    out.push(self.escape()?);
                    run = self.pos;
                }
                Some(0..=0x1F) => {
                    return Err(self.error(t!(
                        "control character (\\u0000-\\u001F) found while parsing a string"
                    )))
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// After `\`.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error(t!("EOF while parsing a string")));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A leading surrogate: its trailing half must follow.
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.error(t!("lone leading surrogate in hex escape")));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error(t!("lone leading surrogate in hex escape")));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return Err(self.error(t!("invalid unicode code point"))),
                }
            }
            _ => {
                self.pos -= 1;
                return Err(self.error(t!("invalid escape")));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.error(t!("EOF while parsing a string"))),
                Some(b) => match char::from(b).to_digit(16) {
                    Some(d) => d,
                    None => return Err(self.error(t!("invalid escape"))),
                },
            };
            n = n * 16 + d;
            self.pos += 1;
        }
        Ok(n)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// At `-` or a digit: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error(t!("invalid number")));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            None => return Err(self.error(t!("EOF while parsing a value"))),
            Some(_) => return Err(self.error(t!("invalid number"))),
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            whole = false;
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error(t!("invalid number")));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            whole = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(t!("invalid number")));
            }
        }
        let text = &self.text[start..self.pos];
        if whole {
            if let Ok(n) = text.parse::<u64>() {
                return Ok(Value::Number(n.into()));
            }
            // `-0` stays a float, as serde_json reads it: minus zero.
            if let Ok(n @ (i64::MIN..=-1)) = text.parse::<i64>() {
                return Ok(Value::Number(n.into()));
            }
        }
        match crate::numeral::read(text).and_then(Number::from_f64) {
            Some(n) => Ok(Value::Number(n)),
            None => {
                self.pos = start;
                Err(self.error(t!("number out of range")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        match parse(text) {
            Ok(v) => panic!("{text:?} read as {v}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let texts = [
            r#"{"a": [1, -2, 3.5, 1e3, -0.0, 18446744073709551615, 18446744073709551616], "b": {"c": null, "d": true, "e": false}}"#,
            r#""tab\t quote\" slash\/ back\\ \u00e9 \ud83d\ude00 \b\f\n\r""#,
            " [ ] ",
            "{}",
            "0.1",
            "0.30000000000000004",
            "2.2250738585072014e-308",
            "1.7976931348623157e308",
            "-9223372036854775808",
            "123456789012345678901234567890",
            "4.9e-324",
            "\"é ü 中\"",
        ];
        for t in texts {
            let ours = parse(t).unwrap_or_else(|e| panic!("{t}: {e}"));
            let theirs: Value = serde_json::from_str(t).unwrap_or_else(|e| panic!("{t}: {e}"));
            assert_eq!(ours, theirs, "{t}");
        }
    }

    #[test]
    fn numbers_read_to_the_bit() {
        for x in [
            0.1_f64,
            1.0 / 3.0,
            125.0,
            9.5e6,
            0.030000000000000002,
            1e-310,
            123.456,
        ] {
            let text = serde_json::to_string(&x).unwrap_or_default();
            let back = parse(&text).ok().and_then(|v| v.as_f64());
            assert_eq!(back.map(f64::to_bits), Some(x.to_bits()), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_json_saying_where() {
        let cases = [
            ("", "EOF while parsing a value at line 1 column 1"),
            ("{", "EOF while parsing an object at line 1 column 2"),
            ("[1", "EOF while parsing a list at line 1 column 3"),
            ("[1,]", "trailing comma at line 1 column 4"),
            ("{\"a\":1,}", "trailing comma at line 1 column 8"),
            ("{\"a\" 1}", "expected `:` at line 1 column 6"),
            ("{a:1}", "key must be a string at line 1 column 2"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("{\"a\":1 \"b\":2}", "expected `,` or `}` at line 1 column 8"),
            ("tru", "EOF while parsing a value at line 1 column 4"),
            ("trux", "expected ident at line 1 column 4"),
            ("nope", "expected ident at line 1 column 2"),
            ("01", "invalid number at line 1 column 2"),
            ("1.", "invalid number at line 1 column 3"),
            ("1e", "invalid number at line 1 column 3"),
            ("-", "EOF while parsing a value at line 1 column 2"),
            ("-x", "invalid number at line 1 column 2"),
            ("1e999", "number out of range at line 1 column 1"),
            ("\"a", "EOF while parsing a string at line 1 column 3"),
            ("\"\\x\"", "invalid escape at line 1 column 3"),
            ("\"\\u12\"", "invalid escape at line 1 column 6"),
            ("\"\\ud800\"", "lone leading surrogate in hex escape at line 1 column 8"),
            ("\"a\nb\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"),
            ("1 2", "trailing characters at line 1 column 3"),
            ("{\n  \"a\": 1,\n  \"a\": 2\n}", "duplicate field `a` at line 3 column 3"),
            // A key is quoted as a message quotes a text: on one line.
            ("{\"a\\nb\": 1, \"a\\nb\": 2}", "duplicate field `a\\nb` at line 1 column 13"),
            ("x", "expected value at line 1 column 1"),
            ("\"é\" x", "trailing characters at line 1 column 5"),
        ];
        for (text, want) in cases {
            assert_eq!(error(text), want, "{text:?}");
        }
    }

    #[test]
    fn says_in_which_value_it_broke() {
        let path = |text: &str| parse(text).err().map(|e| e.path);
        assert_eq!(path("{\"site\": ").as_deref(), Some("site"));
        assert_eq!(path("{\"site\": {\"a\": tru}}").as_deref(), Some("site.a"));
        assert_eq!(
            path("{\"g\": {\"b\": [1, 2, -]}}").as_deref(),
            Some("g.b[2]")
        );
        assert_eq!(path("{\"a\": 1,, }").as_deref(), Some(""));
        assert_eq!(path("[1] x").as_deref(), Some(""));
        assert_eq!(path("{\"a\\nb\": x}").as_deref(), Some("a\\nb"));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        assert!(error(&deep).starts_with("recursion limit exceeded"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let over = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&over).is_err());
    }

    #[test]
    fn describes_values_as_people_read_them() {
        let v = |t: &str| parse(t).unwrap_or(Value::Null);
        assert_eq!(
            invalid_type(&v("\"abc\""), "a number"),
            "invalid type: the text \"abc\", expected a number"
        );
        assert_eq!(describe(&v("5")), "the number `5`");
        assert_eq!(describe(&v("2.5")), "the number `2.5`");
        assert_eq!(describe(&v("[1]")), "a list");
        assert_eq!(describe(&v("{}")), "an object");
        assert_eq!(describe(&v("true")), "boolean `true`");
        assert_eq!(describe(&v("null")), "null");
        assert_eq!(
            describe(&v(r#""a\nb \"c\" \\ \u0007""#)),
            r#"the text "a\nb \"c\" \\ \u{0007}""#
        );
        let long = Value::String("x".repeat(100));
        assert_eq!(
            describe(&long),
            format!("the text \"{}…\"", "x".repeat(QUOTED_CHARS))
        );
    }
}
