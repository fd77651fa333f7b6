//! Small pieces of the charts' sentences: lists joined with `and`, and a
//! label's first letter set for the start or the middle of a sentence.

/// `x`, `x and y`, `x, y and z`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `Converting …`: the first letter upper case.
pub(crate) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `value after the contract`, but `HPC opex`: the first letter lower case
/// unless the label starts with an abbreviation.
pub(crate) fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_english() {
        let list = |xs: &[&str]| and_list(&xs.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b"]), "a and b");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
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
