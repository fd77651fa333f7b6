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
        "<details class=\"{class}\"><summary tabindex=\"-1\" aria-label=\"{about}\" \
         title=\"{title}\">?</summary>",
        class = escape(class),
        about = escape(&t!("About {label}", label = label)),
        title = escape(title),
    )
}

/// `text` as an element's content in HTML text: `&`, `<` and `>` escaped,
/// quotes kept as they are (they need no escaping there).
pub fn text_html(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '<', '>']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
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
        assert_eq!(
            super::text_html("it's \"a\" <b> & c"),
            "it's \"a\" &lt;b&gt; &amp; c"
        );
    }
}
