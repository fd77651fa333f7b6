//! The printed report's head (shown only while printing): which scenario,
//! when, under which model version, a link that reopens it, and the inputs
//! that differ from the scenario it started from, grouped as on the page.
//! The page's figures, charts and sources follow it on paper.
//!
//! Written as HTML text in one piece (every outside text escaped): it is
//! drawn once per printout, and text costs the page's download far less
//! than as many virtual nodes.

use std::fmt::Write;

use yew::prelude::*;

use crate::charts::escape;
use crate::model::Group;
use crate::ui::report::Changed;

/// What the head says.
pub struct ReportHead<'a> {
    pub title: &'a str,
    /// `1 December 2026`.
    pub date: &'a str,
    pub version: &'a str,
    /// The address that reopens the scenario.
    pub link: &'a str,
    /// "Inputs that differ from …".
    pub starting_point: &'a str,
    pub changed: &'a [(Group, Vec<Changed>)],
}

/// The head as HTML text.
pub fn report_html(r: &ReportHead<'_>) -> String {
    let mut h = String::new();
    let link = escape(r.link);
    let _ = write!(
        h,
        "<section class=\"report-head\" aria-label=\"Report\"><p class=\"report-kind\">Repower report</p>\
         <h2>{}</h2><p>{}. {}.</p><p class=\"report-link\">Reopen this scenario: <a href=\"{link}\">{link}</a></p><h3>{}</h3>",
        escape(r.title),
        escape(r.date),
        escape(r.version),
        escape(r.starting_point),
    );
    if r.changed.is_empty() {
        h.push_str("<p>None: every input is the scenario's own.</p>");
    } else {
        h.push_str("<div class=\"report-tables\">");
        for (group, rows) in r.changed {
            let _ = write!(
                h,
                "<table class=\"report-inputs\"><caption>{}</caption><thead><tr><th scope=\"col\">Input</th>\
                 <th scope=\"col\">Value</th><th scope=\"col\">Was</th></tr></thead><tbody>",
                escape(group.title())
            );
            for c in rows {
                let spec = c.field.spec();
                let unit = escape(spec.unit);
                let _ = write!(
                    h,
                    "<tr><th scope=\"row\">{}</th><td>{} {unit}</td><td>{} {unit}</td></tr>",
                    escape(spec.label),
                    escape(c.given.trim()),
                    escape(&c.was),
                );
            }
            h.push_str("</tbody></table>");
        }
        h.push_str("</div>");
    }
    h.push_str("</section>");
    h
}

/// The head, for the page.
pub fn report_head(r: &ReportHead<'_>) -> Html {
    Html::from_html_unchecked(report_html(r).into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;

    #[test]
    fn outside_text_is_escaped() {
        let changed = [(
            Group::Site,
            vec![Changed {
                field: Field::SiteGridCapacity,
                given: "<b>1&2</b>".to_owned(),
                was: "100".to_owned(),
            }],
        )];
        let h = report_html(&ReportHead {
            title: "A \"name\"",
            date: "1 December 2026",
            version: "Model version 2",
            link: "https://example.test/#a=1&b=<x>",
            starting_point: "Inputs that differ",
            changed: &changed,
        });
        assert!(h.contains("&lt;b&gt;1&amp;2&lt;/b&gt; MW"), "{h}");
        assert!(
            h.contains("href=\"https://example.test/#a=1&amp;b=&lt;x&gt;\""),
            "{h}"
        );
        assert!(h.contains("<h2>A &quot;name&quot;</h2>"), "{h}");
        assert!(!h.contains("<b>"), "{h}");
        let none = report_html(&ReportHead {
            changed: &[],
            ..ReportHead {
                title: "",
                date: "",
                version: "",
                link: "",
                starting_point: "",
                changed: &[],
            }
        });
        assert!(none.contains("None: every input"), "{none}");
    }
}
