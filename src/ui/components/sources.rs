//! "Sources and assumptions": where the defaults and the presets come from,
//! and where the full model document is.

use yew::prelude::*;

use crate::charts::svg::escape;
use crate::presets;
use crate::ui::components::text::push_element;

/// The public figures behind the defaults (docs/MODEL.md, "Sources"), in
/// English (shown through `lang::tr`).
const INDUSTRY: &[&str] = &[
    en!("Greenfield HPC data center: 3 to 5 years from decision to power (JP Morgan analysts, as quoted in the Financial Times); about 50 months to secure 1 GW of grid (Bernstein, May 2026); build cost $9.3–15.0M per MW of critical IT (Cushman & Wakefield, 2025)."),
    en!("Rent: the mining-site deals imply $102–159 per kW-month on average over their terms, escalators included; CBRE's $184–195 for 250–500 kW requirements is not a benchmark for 100 MW leases."),
    en!("HPC NOI margins of 80–85 % (Cipher), 84 % with opex rising 3 % a year (TeraWulf–Fluidstack joint venture); company presentations, 2025."),
    en!("Stabilised data centers trade at exit cap rates of 6–7.5 % (industry reports, 2025)."),
    en!("Project debt: TeraWulf's and Cipher's notes backstopped by Google at 7.75–8 %; Galaxy Helios phase I at 80 % loan-to-cost (press, 2025)."),
    en!("Tax: US federal 21 % plus state; 100 % bonus depreciation restored for property with lives of 20 years or less; buildings over 39 years (the 2025 US tax act, as reported)."),
    en!("ASIC resale about $3–15 per TH by efficiency (Luxor ASIC price index, Hashrate Index, 2025)."),
    en!("PUE: immersion mining 1.03–1.10, air-cooled 1.10–1.50; liquid-cooled AI halls 1.18–1.25 (vendor figures; Applied Digital; TeraWulf)."),
    en!("Hashprice $39.82 per PH/day on average in November 2025, $39.53 on 12 January 2026 (Luxor Hashrate Index); the next halving at block 1,050,000, about April 2028."),
    en!("Miners' median power price about $45/MWh; fleet efficiency about 28 J/TH across the network, 16–24 for the best fleets (Cambridge Centre for Alternative Finance; company reports)."),
    en!("The tenant's margin: IREN–Microsoft's GPU cloud, about $0.8M of revenue per MW-month against about $0.48M of GPU cost (Dcpulse, November 2025)."),
];

/// The section's content as escaped HTML text (static words, built once).
pub fn sources_html() -> String {
    let mut h = String::new();
    push_element(&mut h, "h2", t!("Sources and assumptions"));
    push_element(
        &mut h,
        "p",
        t!("Everything is computed in this page; nothing you type leaves your browser. Model version 2: \
         monthly steps with cash at month end (months of 730 hours); both paths after tax, with losses \
         carried forward; the halls valued after the contract at the exit cap rate; project debt for the \
         equity view. Deal figures are as reported in the press and filings, not promises of this model: \
         check a figure against its source before quoting it."),
    );
    // The document's path is code, set in its words.
    h.push_str("<p class=\"model-document\">");
    h.push_str(&crate::lang::fill(
        &escape(t!("The full model document ships with the project as {document}: every input with \
         its unit, range, default and source, every output, the exact arithmetic, the choices made \
         where the arithmetic needed one, and how scenarios made under version 1 keep their figures.")),
        &["document"],
        &[&"<code>docs/MODEL.md</code>"],
    ));
    h.push_str("</p>");
    push_element(&mut h, "h3", t!("Deals behind the presets"));
    h.push_str("<ul>");
    for p in presets::all()
        .iter()
        .filter(|p| p.kind != presets::Kind::Generic)
    {
        h.push_str("<li>");
        push_element(&mut h, "strong", p.name);
        h.push_str(&escape(&format!(
            " ({}; {}): {}.",
            p.kind.label(),
            p.date,
            p.source
        )));
        h.push_str("</li>");
    }
    h.push_str("</ul>");
    push_element(&mut h, "h3", t!("Industry figures behind the defaults"));
    h.push_str("<ul>");
    for s in INDUSTRY {
        push_element(&mut h, "li", crate::lang::tr(s));
    }
    h.push_str("</ul>");
    h
}

#[function_component(Sources)]
pub fn sources() -> Html {
    html! {
        <footer class="sources">{ Html::from_html_unchecked(sources_html().into()) }</footer>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_deal_and_industry_figure_is_listed_escaped() {
        let h = sources_html();
        for p in presets::all()
            .iter()
            .filter(|p| p.kind != presets::Kind::Generic)
        {
            assert!(h.contains(&escape(p.name)), "{}", p.name);
            assert!(h.contains(&escape(p.source)), "{}", p.id);
        }
        for s in INDUSTRY {
            assert!(h.contains(&escape(s)), "{s}");
        }
        assert!(h.contains("Cushman &amp; Wakefield"));
        assert_eq!(h.matches("<li>").count(), h.matches("</li>").count());
    }

    #[test]
    fn the_sources_speak_the_language_set() {
        let rent = INDUSTRY[1];
        let catalogue = format!(
            r#"{{{rent:?}: "Aluguel & mais", "The full model document ships with the project as {{document}}: every input with its unit, range, default and source, every output, the exact arithmetic, the choices made where the arithmetic needed one, and how scenarios made under version 1 keep their figures.": "O documento está em {{document}}."}}"#
        );
        crate::lang::load(crate::lang::Lang::PtBr, &catalogue).unwrap_or_else(|e| panic!("{e}"));
        let h = sources_html();
        crate::lang::load(crate::lang::Lang::En, "").unwrap_or_else(|e| panic!("{e}"));
        assert!(h.contains("<li>Aluguel &amp; mais</li>"), "{h}");
        assert!(
            h.contains("O documento está em <code>docs/MODEL.md</code>."),
            "{h}"
        );
    }
}
