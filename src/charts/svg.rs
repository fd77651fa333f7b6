//! The finishing touches on the SVG text plotters writes: the root element
//! made accessible and scalable, font sizes tidied, and the dash patterns
//! the backend cannot draw added to the lines that have them. Also the
//! drawing as a file of its own ([`standalone`]) and its size ([`size`]).

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
        match crate::numeral::read(value) {
            Some(v) if v.is_finite() => out.push_str(&format!("{}", (v * 100.0).round() / 100.0)),
            _ => out.push_str(value),
        }
        rest = &tail[len..];
    }
    out.push_str(rest);
    out
}

/// The SVG namespace, which a file of its own must name.
const XMLNS: &str = "http://www.w3.org/2000/svg";

/// The drawing as a file of its own, as the page shows it: opened in a
/// browser, Inkscape or PowerPoint it needs nothing of the page. The
/// drawing already carries its colours (the theme it was drawn in, with its
/// background), fonts and sizes; of the page's stylesheet it takes the one
/// rule that reaches inside it, tabular figures, as a `style` on its root.
/// The root keeps its name (`aria-label`), `width`, `height` and `viewBox`
/// (added from the size when missing) and names the SVG namespace; no XML
/// declaration. Text that is not an SVG drawing is returned as it is.
pub fn standalone(svg: &str) -> String {
    let root_end = match svg.find('>') {
        Some(i) if svg.starts_with("<svg") && !svg[..i].ends_with('/') => i,
        _ => return svg.to_owned(),
    };
    let root = &svg[..root_end];
    let mut out = String::with_capacity(svg.len() + 160);
    out.push_str("<svg");
    if attribute(root, "xmlns").is_none() {
        out.push_str(" xmlns=\"");
        out.push_str(XMLNS);
        out.push('"');
    }
    out.push_str(&root[4..]);
    if let (None, Some(w), Some(h)) = (
        attribute(root, "viewBox"),
        attribute(root, "width"),
        attribute(root, "height"),
    ) {
        for part in [" viewBox=\"0 0 ", w, " ", h, "\""] {
            out.push_str(part);
        }
    }
    out.push_str(" style=\"font-variant-numeric:tabular-nums\"");
    out.push_str(&svg[root_end..]);
    out
}

/// The size of a drawing in CSS pixels, from its root's `width` and
/// `height` (positive, as the charts draw them).
pub fn size(svg: &str) -> Option<(f64, f64)> {
    let root = svg.get(..svg.find('>')?)?.strip_prefix("<svg")?;
    let width = crate::numeral::read(attribute(root, "width")?)?;
    let height = crate::numeral::read(attribute(root, "height")?)?;
    (width > 0.0 && height > 0.0 && (width * height).is_finite()).then_some((width, height))
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

    /// The tags of `svg` balance (every element opened is closed, in
    /// order) and its attributes are quoted: enough of well-formed XML for
    /// the charts' plain markup.
    fn balanced(svg: &str) -> Result<(), String> {
        let mut open: Vec<&str> = Vec::new();
        for piece in svg.split('<').skip(1) {
            let tag = piece.split('>').next().unwrap_or("");
            if piece.find('>').is_none() {
                return Err(format!("unclosed tag <{tag}"));
            }
            if let Some(name) = tag.strip_prefix('/') {
                match open.pop() {
                    Some(o) if o == name.trim() => {}
                    o => return Err(format!("</{name}> closes {o:?}")),
                }
            } else if !tag.ends_with('/') {
                open.push(tag.split_whitespace().next().unwrap_or(""));
            }
            if tag.matches('"').count() % 2 != 0 {
                return Err(format!("unquoted attribute in <{tag}>"));
            }
        }
        if open.is_empty() {
            Ok(())
        } else {
            Err(format!("unclosed: {open:?}"))
        }
    }

    #[test]
    fn a_drawing_stands_alone() -> crate::charts::testing::TestResult {
        use crate::charts::{testing, Chart, RiskChart, Theme};
        let mut drawings = Vec::new();
        for (name, r) in testing::scenarios()? {
            for theme in [Theme::light(), Theme::dark()] {
                for chart in Chart::ALL {
                    let svg = chart.draw(&r, &theme, testing::SIZE)?;
                    drawings.push((format!("{name} {}", chart.id()), svg));
                }
            }
        }
        // The risk view's three, of a small simulation.
        let mut scenario = crate::model::Scenario::default();
        scenario.risk.paths = 200;
        let risk = crate::model::risk::risk(&scenario).map_err(|e| format!("{e:?}"))?;
        for theme in [Theme::light(), Theme::dark()] {
            for chart in RiskChart::ALL {
                let svg = chart.draw(&risk, &theme, testing::SIZE)?;
                drawings.push((format!("risk {}", chart.id()), svg));
            }
        }
        assert_eq!(drawings.len(), 30);
        for (what, svg) in drawings {
            let file = standalone(&svg);
            let root = &file[..file.find('>').ok_or("no root")?];
            assert!(
                file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" ")
                    || root.contains(" xmlns=\"http://www.w3.org/2000/svg\""),
                "{what}: {root}"
            );
            assert_eq!(root.matches(" xmlns=").count(), 1, "{what}: {root}");
            for name in ["width", "height", "viewBox", "role", "aria-label"] {
                assert_eq!(
                    attribute(root, name),
                    attribute(&svg[..svg.find('>').ok_or("no root")?], name),
                    "{what}: {name}"
                );
            }
            let (w, h) = size(&file).ok_or("no size")?;
            assert_eq!(
                attribute(root, "viewBox"),
                Some(format!("0 0 {w} {h}").as_str()),
                "{what}"
            );
            assert!(file.trim_end().ends_with("</svg>"), "{what}");
            assert!(!file.starts_with("<?xml"), "{what}");
            // Nothing left for a stylesheet to supply: no classes, no CSS
            // variables, no colour taken from the surroundings; every text
            // names its font, size and colour, every shape its colour.
            for absent in ["class=", "var(", "currentColor", "href="] {
                assert!(!file.contains(absent), "{what}: {absent}");
            }
            assert_eq!(file.matches("style=").count(), 1, "{what}");
            for text in file.split("<text ").skip(1) {
                let tag = &text[..text.find('>').ok_or("open text")?];
                for name in ["font-family", "font-size", "fill"] {
                    assert!(
                        attribute(&format!(" {tag}"), name).is_some(),
                        "{what}: text without {name}: {tag}"
                    );
                }
            }
            for shape in ["<rect ", "<polyline ", "<polygon ", "<circle "] {
                for piece in file.split(shape).skip(1) {
                    let tag = &piece[..piece.find('>').ok_or("open shape")?];
                    assert!(tag.contains("fill=\""), "{what}: {shape}{tag}");
                }
            }
            balanced(&file).map_err(|e| format!("{what}: {e}"))?;
            // The background is the drawing's own: its first shape covers it.
            let first = file.split("<rect ").nth(1).ok_or("no background")?;
            assert!(
                first.starts_with(&format!("x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\"")),
                "{what}: {first}"
            );
        }
        Ok(())
    }

    #[test]
    fn a_bare_drawing_gains_its_namespace_and_view_box() {
        let file = standalone("<svg width=\"10\" height=\"5\">\n<rect/>\n</svg>\n");
        assert_eq!(
            file,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"5\" viewBox=\"0 0 10 5\" \
             style=\"font-variant-numeric:tabular-nums\">\n<rect/>\n</svg>\n"
        );
        assert_eq!(size(&file), Some((10.0, 5.0)));
        // Not a drawing: as it is.
        for text in ["", "drawing failed", "<svg/>", "<svg"] {
            assert_eq!(standalone(text), text);
        }
        assert_eq!(size("<svg width=\"0\" height=\"5\">"), None);
        assert_eq!(size("<svg width=\"1.5\" height=\"5\">"), Some((1.5, 5.0)));
        assert_eq!(size("<svg width=\"inf\" height=\"5\">"), None);
        assert_eq!(size("<svg width=\"NaN\" height=\"5\">"), None);
        assert_eq!(size("<rect width=\"1\" height=\"5\">"), None);
        assert_eq!(size("<svg height=\"5\">"), None);
    }
}
