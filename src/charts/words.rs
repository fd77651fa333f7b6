//! Small pieces of the charts' sentences: lists joined with `and` (`e` in
//! Portuguese), and a label's first letter set for the start or the middle
//! of a sentence, in either language.

/// `x`, `x and y`, `x, y and z`; in Portuguese `x, y e z`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => t!("{list} and {last}", list = init.join(", "), last = last),
    }
}

/// `Converting …`: the first letter upper case.
pub(crate) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => std::iter::once(upper(c)).chain(chars).collect(),
        None => String::new(),
    }
}

/// `value after the contract`, but `HPC opex`: the first letter lower case
/// unless the label starts with an abbreviation.
pub(crate) fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if is_lower(second) => std::iter::once(lower(first))
            .chain(label.chars().skip(1))
            .collect(),
        _ => label.to_owned(),
    }
}

// The page's text is English and Portuguese: letters of Latin-1 are enough,
// and these keep Unicode's case tables (several kilobytes) out of the page.

/// A Latin-1 letter: `À`–`Þ` and `à`–`þ` but not `×` and `÷`.
fn latin1_letter(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{fe}') && c != '\u{d7}' && c != '\u{f7}'
}

/// Whether `c` is a lower-case letter of ASCII or Latin-1 (`ß` and `ÿ`
/// included).
pub fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || (latin1_letter(c) && c >= '\u{df}') || c == '\u{ff}'
}

/// Whether `c` is an upper-case letter of ASCII or Latin-1.
pub fn is_upper(c: char) -> bool {
    c.is_ascii_uppercase() || (latin1_letter(c) && c < '\u{df}')
}

/// `c` in upper case, for ASCII and Latin-1 letters (others as they are;
/// `ß` and `ÿ` too, whose capitals are not one Latin-1 letter).
pub fn upper(c: char) -> char {
    if is_lower(c) && c != '\u{df}' && c != '\u{ff}' {
        char::from_u32(c as u32 - 0x20).unwrap_or(c)
    } else {
        c
    }
}

/// `c` in lower case, for ASCII and Latin-1 letters (others as they are).
pub fn lower(c: char) -> char {
    if is_upper(c) {
        char::from_u32(c as u32 + 0x20).unwrap_or(c)
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_of_latin1_letters_match_unicodes() {
        // ASCII and Latin-1's letters (ª, µ and º aside: no word starts
        // with them).
        for c in (0u32..0x80).chain(0xc0..0x100).filter_map(char::from_u32) {
            let unicode_upper: Vec<char> = c.to_uppercase().collect();
            let unicode_lower: Vec<char> = c.to_lowercase().collect();
            if unicode_upper.len() == 1 && unicode_upper[0] as u32 <= 0xff {
                assert_eq!(upper(c), unicode_upper[0], "{c:?}");
            } else {
                assert_eq!(upper(c), c, "{c:?}");
            }
            assert_eq!(lower(c), unicode_lower[0], "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase() && c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
        assert_eq!(sentence("área"), "Área");
        assert_eq!(in_sentence("Énergie"), "énergie");
    }

    #[test]
    fn lists_read_as_english() {
        let list = |xs: &[&str]| and_list(&xs.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b"]), "a and b");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn lists_and_sentences_read_as_portuguese() {
        let list = |xs: &[&str]| and_list(&xs.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        crate::lang::load(
            crate::lang::Lang::PtBr,
            r#"{"{list} and {last}": "{list} e {last}"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let (two, three) = (list(&["a", "b"]), list(&["a", "b", "c"]));
        let sentences = (
            sentence("água e energia"),
            in_sentence("Opex de HPC"),
            in_sentence("TIR"),
        );
        crate::lang::load(crate::lang::Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((two.as_str(), three.as_str()), ("a e b", "a, b e c"));
        assert_eq!(
            sentences,
            ("Água e energia".into(), "opex de HPC".into(), "TIR".into())
        );
    }

    #[test]
    fn first_letters_follow_the_place_in_the_sentence() {
        assert_eq!(sentence("converting is ahead"), "Converting is ahead");
        assert_eq!(sentence("élan"), "Élan");
        assert_eq!(sentence(""), "");
        assert_eq!(
            in_sentence("Value after the contract"),
            "value after the contract"
        );
        assert_eq!(in_sentence("HPC opex"), "HPC opex");
        assert_eq!(in_sentence("A"), "A");
        assert_eq!(in_sentence(""), "");
    }
}
