//! The finishing touches on the SVG text plotters writes: the root element
//! made accessible and scalable, font sizes tidied, and the dash patterns
//! the backend cannot draw added to the lines that have them.

/// The finished SVG: the root element gains `role="img"`, the
/// `aria-label`, a `viewBox` if plotters left it out, rounded joins (the
/// page's stylesheet sets tabular figures); the dashed polylines gain their
/// `stroke-dasharray`.
pub(crate) fn finish(svg: &str, label: &str, paths: usize, dashes: &[(usize, &str)]) -> String {
    let mut out = String::with_capacity(svg.len() + 256);
    let root_end = match svg.find('>') {
        Some(i) if svg.starts_with("<svg") => i,
        _ => return svg.to_owned(),
    };
    let root = &svg[..root_end];
    out.push_str("<svg role=\"img\" aria-label=\"");
    out.push_str(&escape(label));
    out.push('"');
    out.push_str(&root[4..]);
    if !root.contains("viewBox") {
        if let (Some(w), Some(h)) = (attribute(root, "width"), attribute(root, "height")) {
            out.push_str(&format!(" viewBox=\"0 0 {w} {h}\""));
        }
    }
    out.push_str(" stroke-linejoin=\"round\"");

    let rest = tidy_font_sizes(&svg[root_end..]);
    let rest = rest.as_str();
    let found = rest.matches("<polyline ").count();
    if dashes.is_empty() || found != paths {
        // Each line drawn is one <polyline>; if that ever stops holding,
        // solid lines beat dashes on the wrong ones.
        out.push_str(rest);
        return out;
    }
    let mut index = 0;
    for (i, piece) in rest.split("<polyline ").enumerate() {
        if i > 0 {
            out.push_str("<polyline ");
            if let Some((_, pattern)) = dashes.iter().find(|(n, _)| *n == index) {
                out.push_str(&format!("stroke-dasharray=\"{pattern}\" "));
            }
            index += 1;
        }
        out.push_str(piece);
    }
    out
}

/// `font-size="13.000000000000002"` (plotters divides the size it is given
/// by 1.24) as `font-size="13"`: every font size to two decimals at most.
fn tidy_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        let (head, tail) = rest.split_at(i + KEY.len());
        out.push_str(head);
        let len = tail.find('"').unwrap_or(tail.len());
        let value = &tail[..len];
        match value.parse::<f64>() {
            Ok(v) if v.is_finite() => out.push_str(&format!("{}", (v * 100.0).round() / 100.0)),
            _ => out.push_str(value),
        }
        rest = &tail[len..];
    }
    out.push_str(rest);
    out
}

fn attribute<'s>(tag: &'s str, name: &str) -> Option<&'s str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// `text` escaped for XML and HTML (its five special characters).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::canvas::DASH;

    #[test]
    fn font_sizes_are_tidied() {
        let svg = "<svg width=\"1\" height=\"1\">\n<text font-size=\"13.000000000000002\" x=\"1\">a</text>\n<text font-size=\"11.5\">b</text>\n</svg>\n";
        let out = finish(svg, "t", 0, &[]);
        assert!(
            out.contains("<text font-size=\"13\" x=\"1\">a</text>"),
            "{out}"
        );
        assert!(out.contains("font-size=\"11.5\">b"), "{out}");
    }

    #[test]
    fn finish_marks_up_the_root_and_dashes() {
        let svg =
            "<svg width=\"10\" height=\"5\" xmlns=\"x\">\n<polyline a/>\n<polyline b/>\n</svg>\n";
        let out = finish(svg, "A & B", 2, &[(1, DASH)]);
        assert!(out.starts_with("<svg role=\"img\" aria-label=\"A &amp; B\" width=\"10\""));
        assert!(out.contains("viewBox=\"0 0 10 5\""));
        assert!(out.contains("<polyline a/>"));
        assert!(out.contains("<polyline stroke-dasharray=\"6 4\" b/>"));
        // A count that does not match leaves the lines solid.
        let out = finish(svg, "t", 3, &[(1, DASH)]);
        assert!(!out.contains("stroke-dasharray"));
    }
}
