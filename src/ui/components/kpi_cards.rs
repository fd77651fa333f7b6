//! The headline numbers: one card each, in rows under the question they
//! answer, each with a "?" saying what the figure is, how it is computed and
//! what it leaves out.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::charts::svg::escape;
use crate::ui::components::result_bar::Figures;
use crate::ui::components::text::{help_open, keep_minus};
use crate::ui::kpis::{self, Kpi, KpiRow, Tone};

#[derive(Properties, PartialEq)]
pub struct KpiCardsProps {
    pub rows: Rc<Vec<KpiRow>>,
    /// The numbers belong to the last valid inputs, not the current text.
    pub stale: bool,
    /// Whether the cards of the model's searches (`kpis::SEARCHED`) are of
    /// the inputs shown, or of earlier ones until the searches' own pass:
    /// then dimmed and busy for screen readers.
    pub searched: Figures,
}

fn undismiss(e: Event) {
    let el: web_sys::Element = e.target_unchecked_into();
    let _ = el.class_list().remove_1("dismissed");
}

/// The help of the card the event happened in.
fn card_help(e: &KeyboardEvent) -> Option<HtmlDetailsElement> {
    let el: web_sys::Element = e.target_unchecked_into();
    el.closest("li.kpi")
        .ok()??
        .query_selector("details.kpi-help")
        .ok()??
        .dyn_into::<HtmlDetailsElement>()
        .ok()
}

/// Escape hides a shown exact figure until the value is left (WCAG
/// 1.4.13: content shown on focus can be dismissed without moving focus)
/// and closes the help; `?` opens and closes the help.
fn on_value_key(e: KeyboardEvent) {
    match e.key().as_str() {
        "Escape" => {
            let el: web_sys::Element = e.target_unchecked_into();
            let _ = el.class_list().add_1("dismissed");
            if let Some(d) = card_help(&e) {
                d.set_open(false);
            }
        }
        "?" => {
            if let Some(d) = card_help(&e) {
                e.prevent_default();
                d.set_open(!d.open());
            }
        }
        _ => {}
    }
}

/// A card's "?" and its help, as escaped HTML text (static words, no
/// handlers: the browser builds it far faster than node by node). The
/// figure is the card's keyboard stop (`?` on it opens this).
pub fn help_html(label: &str, id: &str, h: &kpis::Help) -> String {
    format!(
        "{open}<div class=\"help-pop\" id=\"{id}\">\
         <p><strong>{what_it_is}</strong>{what}</p>\
         <p><strong>{how_it_is}</strong>{how}</p>\
         <p><strong>{leaves_out}</strong>{out}</p></div></details>",
        open = help_open(
            "help kpi-help",
            label,
            t!("What this figure is (press ? on the figure)")
        ),
        id = escape(id),
        what_it_is = escape(t!("What it is: ")),
        how_it_is = escape(t!("How: ")),
        leaves_out = escape(t!("Leaves out: ")),
        what = escape(h.what),
        how = escape(h.how),
        out = escape(h.leaves_out),
    )
}

/// One card of `rows`: the `card`-th of the `row`-th row. A card whose
/// figures did not change is not made again (its help and listeners
/// included), so an edit costs only the cards it changes.
#[derive(Properties)]
struct KpiCardProps {
    rows: Rc<Vec<KpiRow>>,
    row: usize,
    card: usize,
    /// Out of date: a search's card, its search left for later.
    figures: Figures,
}

impl KpiCardProps {
    fn kpi(&self) -> Option<&Kpi> {
        self.rows.get(self.row)?.cards.get(self.card)
    }
}

impl PartialEq for KpiCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.figures == other.figures && self.kpi() == other.kpi()
    }
}

#[function_component(KpiCard)]
fn kpi_card_view(props: &KpiCardProps) -> Html {
    props
        .kpi()
        .map_or_else(Html::default, |k| kpi_card(k, props.figures))
}

/// One card: label and "?", the value (its exact figure on hover and
/// focus), a note. The value is the card's one keyboard stop: `?` on it
/// opens the help, Escape hides what it shows. A plain function of the
/// card (the help keeps its own open state in the DOM).
fn kpi_card(k: &Kpi, figures: Figures) -> Html {
    let behind = figures == Figures::OutOfDate;
    let tone = match k.tone {
        Tone::Good => "good",
        Tone::Bad => "bad",
        Tone::Neutral => "neutral",
    };
    let exact_id = format!("kpi-exact-{}", k.id);
    let help_id = format!("kpi-help-{}", k.id);
    let help = kpis::help(k.id);
    let described = [
        k.exact.as_ref().map(|_| exact_id.clone()),
        help.map(|_| help_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let value_class = classes!("kpi-value", (k.value.chars().count() > 8).then_some("long"));
    html! {
        <li class={classes!("kpi", tone, behind.then_some("stale"))} id={kpis::card_id(k.id)}
            data-kpi={k.id} key={k.id} aria-busy={behind.then_some("true")}>
            <div class="kpi-head">
                <span class="kpi-label">{ k.label.clone() }</span>
                if let Some(h) = help {
                    { Html::from_html_unchecked(help_html(&k.label, &help_id, &h).into()) }
                }
            </div>
            <span class="kpi-figure">
                <span class={value_class} onkeydown={Callback::from(on_value_key)}
                    onblur={Callback::from(|e: FocusEvent| undismiss(e.into()))}
                    onmouseleave={Callback::from(|e: MouseEvent| undismiss(e.into()))}
                    tabindex="0" aria-keyshortcuts={help.map(|_| "?")}
                    aria-describedby={(!described.is_empty()).then_some(described)}>
                    { keep_minus(&k.value) }
                    if let Some(unit) = &k.unit { { " " }<span class="kpi-unit">{ unit.clone() }</span> }
                </span>
                if let Some(exact) = &k.exact {
                    <span class="kpi-exact" id={exact_id} role="tooltip">{ keep_minus(exact) }</span>
                }
            </span>
            <span class="kpi-note">{ keep_minus(&k.note) }</span>
        </li>
    }
}

#[function_component(KpiCards)]
pub fn kpi_cards(props: &KpiCardsProps) -> Html {
    let figures = |k: &Kpi| {
        if props.searched == Figures::OutOfDate && kpis::SEARCHED.contains(&k.id) {
            Figures::OutOfDate
        } else {
            Figures::Current
        }
    };
    let row = |(r, row): (usize, &KpiRow)| {
        let heading = format!("kpi-row-{}", row.id);
        let cards = row.cards.iter().enumerate().map(|(c, k)| {
            html! {
                <KpiCard key={k.id} rows={props.rows.clone()} row={r} card={c} figures={figures(k)} />
            }
        });
        html! {
            <div class="kpi-row" data-kpi-row={row.id} role="group" aria-labelledby={heading.clone()}>
                <h2 class="kpi-row-title" id={heading}>{ row.title }</h2>
                <ul>{ for cards }</ul>
            </div>
        }
    };
    html! {
        <section class={classes!("kpis", props.stale.then_some("stale"))} aria-label={t!("Headline numbers")}>
            if props.stale {
                <p class="stale-note">{ t!("Showing the last valid inputs: fix the marked field to update.") }</p>
            }
            { for props.rows.iter().enumerate().map(row) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_help_is_escaped_html_with_its_three_parts() {
        let h = kpis::Help {
            what: "NPV <after> tax",
            how: "Discounted & summed",
            leaves_out: "\"quotes\"",
        };
        assert_eq!(
            help_html("Project IRR", "kpi-help-irr", &h),
            "<details class=\"help kpi-help\"><summary tabindex=\"-1\" aria-label=\"About Project IRR\" \
             title=\"What this figure is (press ? on the figure)\">?</summary>\
             <div class=\"help-pop\" id=\"kpi-help-irr\">\
             <p><strong>What it is: </strong>NPV &lt;after&gt; tax</p>\
             <p><strong>How: </strong>Discounted &amp; summed</p>\
             <p><strong>Leaves out: </strong>&quot;quotes&quot;</p></div></details>"
        );
    }

    #[test]
    fn a_card_is_made_again_exactly_when_its_figures_or_their_state_change() {
        let r = crate::model::evaluate(&crate::model::Scenario::default());
        let Ok(r) = r else {
            panic!("the defaults evaluate")
        };
        let rows = kpis::kpis(&r, &crate::model::Scenario::default());
        let props = |rows: &Vec<KpiRow>, figures| KpiCardProps {
            rows: Rc::new(rows.clone()),
            row: 0,
            card: 0,
            figures,
        };
        let first = props(&rows, Figures::Current);
        // The same figures in another list: the same card.
        assert!(first == props(&rows, Figures::Current));
        // Its figures waiting for their search: made again.
        assert!(first != props(&rows, Figures::OutOfDate));
        // Another value, another note: made again.
        let mut other = rows.clone();
        other[0].cards[0].value.push('0');
        assert!(first != props(&other, Figures::Current));
        let mut other = rows.clone();
        other[0].cards[0].note.push('.');
        assert!(first != props(&other, Figures::Current));
        // Another card changed: this one is not made again.
        let mut other = rows.clone();
        other[0].cards[1].value.push('0');
        assert!(first == props(&other, Figures::Current));
    }
}
