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
use crate::ui::components::text::text_html;
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
    // The sentence with the link in it: its words escaped, then the link.
    let reopen = crate::lang::fill(
        &text_html(t!("Reopen this scenario: {link}")),
        &["link"],
        &[&format_args!("<a href=\"{link}\">{link}</a>")],
    );
    let _ = write!(
        h,
        "<section class=\"report-head\" aria-label=\"{}\"><p class=\"report-kind\">{}</p>\
         <h2>{}</h2><p>{}. {}.</p><p class=\"report-link\">{reopen}</p><h3>{}</h3>",
        escape(t!("Report")),
        text_html(t!("Repower report")),
        escape(r.title),
        escape(r.date),
        escape(r.version),
        escape(r.starting_point),
    );
    if r.changed.is_empty() {
        let _ = write!(
            h,
            "<p>{}</p>",
            text_html(t!("None: every input is the scenario's own."))
        );
    } else {
        h.push_str("<div class=\"report-tables\">");
        let (input, value, was) = (
            text_html(t!("Input")),
            text_html(t!("Value")),
            text_html(t!("Was")),
        );
        for (group, rows) in r.changed {
            let _ = write!(
                h,
                "<table class=\"report-inputs\"><caption>{}</caption><thead><tr><th scope=\"col\">{input}</th>\
                 <th scope=\"col\">{value}</th><th scope=\"col\">{was}</th></tr></thead><tbody>",
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

    #[test]
    fn the_head_speaks_the_language_set() {
        crate::lang::load(
            crate::lang::Lang::PtBr,
            r#"{"Input": "Entrada", "Reopen this scenario: {link}": "Reabrir <este> cenário: {link}",
                "Repower report": "Relatório Repower", "Was": "Antes"}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let changed = [(
            Group::Site,
            vec![Changed {
                field: Field::SiteGridCapacity,
                given: "120".to_owned(),
                was: "100".to_owned(),
            }],
        )];
        let h = report_html(&ReportHead {
            title: "",
            date: "",
            version: "",
            link: "https://example.test/#a=1",
            starting_point: "",
            changed: &changed,
        });
        crate::lang::load(crate::lang::Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert!(
            h.contains("<p class=\"report-kind\">Relatório Repower</p>"),
            "{h}"
        );
        assert!(
            h.contains("Reabrir &lt;este&gt; cenário: <a href=\"https://example.test/#a=1\">"),
            "{h}"
        );
        assert!(
            h.contains(">Entrada</th>") && h.contains(">Antes</th>"),
            "{h}"
        );
    }
}
