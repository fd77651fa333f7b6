//! Text as the page lays it out: a minus sign never wraps away from its
//! number (`ui::messages::minus_runs`), nor a `%` (`percent_kept`); and
//! static parts written as escaped HTML text.

use yew::prelude::*;

use crate::charts::svg::escape;
use crate::ui::messages::{minus_runs, percent_kept, Piece};

/// `text`, each minus sign and each `%` kept on one line with its number.
pub fn keep_minus(text: &str) -> Html {
    let text = percent_kept(text);
    minus_runs(&text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => html! { { t.to_owned() } },
            Piece::Together(t) => html! { <span class="nw">{ t.to_owned() }</span> },
        })
        .collect()
}

/// A help's opening tags and its "?": out of the Tab order (the field or
/// figure it explains is the keyboard stop; `?` there opens it), named
/// "About …" for screen readers, `title` on hover.
pub fn help_open(class: &str, label: &str, title: &str) -> String {
    format!(
        "<details class=\"{class}\"><summary tabindex=\"-1\" aria-label=\"About {label}\" \
         title=\"{title}\">?</summary>",
        class = escape(class),
        label = escape(label),
        title = escape(title),
    )
}

/// Appends `<tag>text</tag>` to `h`, the text escaped.
pub fn push_element(h: &mut String, tag: &str, text: &str) {
    h.push('<');
    h.push_str(tag);
    h.push('>');
    h.push_str(&escape(text));
    h.push_str("</");
    h.push_str(tag);
    h.push('>');
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_element_holds_its_text_escaped() {
        let mut h = String::from("<ul>");
        super::push_element(&mut h, "li", "A & <B>");
        assert_eq!(h, "<ul><li>A &amp; &lt;B&gt;</li>");
    }
}
