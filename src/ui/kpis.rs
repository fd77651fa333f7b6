//! The headline numbers as the KPI cards show them: pure, so the cards'
//! wording is tested natively and the view only lays them out.

use crate::format::{
    money, money_exact, percent, percent_exact, price_per_mwh, price_per_mwh_exact, years_months,
};
use crate::model::Evaluation;

/// One KPI card.
#[derive(Clone, Debug, PartialEq)]
pub struct Kpi {
    /// Stable id for tests and styling.
    pub id: &'static str,
    pub label: String,
    /// The value as read at a glance (`$1.85B`, `$67.49`).
    pub value: String,
    /// A unit shown smaller after the value (`/MWh`, `months`), if any.
    pub unit: Option<String>,
    /// The exact figure, shown on hover and focus (`$1,845,123,456`).
    pub exact: Option<String>,
    /// One short line under the value.
    pub note: String,
    /// Whether the value is good news for converting, bad news, or neutral.
    pub tone: Tone,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Neutral,
}

/// A price without its unit: `$67.49` (the card shows `/MWh` beside it).
fn dollars(x: f64) -> String {
    price_per_mwh(x).trim_end_matches("/MWh").to_owned()
}

/// What the crossover means for this scenario, with every later price at
/// which the lead changes hands (the advantage need not be monotonic: when
/// the host pays the HPC power, converting can lead with cheap power only).
fn crossover_note(r: &Evaluation, q: f64) -> String {
    let mut later = r
        .energy_advantage_changes
        .iter()
        .filter(|c| c.energy_usd_per_mwh > q)
        .peekable();
    let mut parts = Vec::new();
    if q == 0.0 {
        match later.peek() {
            None => return "converting is ahead at every price from $0 to $2,000/MWh".to_owned(),
            Some(c) if !c.converting_ahead_above => {
                parts.push(format!(
                    "converting is ahead from $0 up to {}, mining above",
                    price_per_mwh(c.energy_usd_per_mwh)
                ));
                later.next();
            }
            Some(_) => parts.push("converting is ahead even with free power".to_owned()),
        }
    } else {
        parts.push("lowest price where converting is worth at least mining".to_owned());
    }
    parts.extend(later.map(|c| {
        format!(
            "{} ahead again from {}",
            if c.converting_ahead_above {
                "converting"
            } else {
                "mining"
            },
            price_per_mwh(c.energy_usd_per_mwh)
        )
    }));
    parts.join("; ")
}

fn sign_tone(x: f64) -> Tone {
    if x > 0.0 {
        Tone::Good
    } else if x < 0.0 {
        Tone::Bad
    } else {
        Tone::Neutral
    }
}

/// The cards, in the order the page shows them.
pub fn kpis(r: &Evaluation) -> Vec<Kpi> {
    let years = r.contract_annual_revenue_usd.len();
    let mut cards = vec![
        Kpi {
            id: "contract-revenue",
            label: format!("{years}-year contract revenue"),
            value: money(r.contract_total_revenue_usd),
            unit: None,
            exact: Some(money_exact(r.contract_total_revenue_usd)),
            note: format!("NPV {}", money(r.contract_revenue_npv_usd)),
            tone: Tone::Neutral,
        },
        Kpi {
            id: "incremental-npv",
            label: "Incremental NPV of converting".to_owned(),
            value: money(r.incremental_npv_usd),
            unit: None,
            exact: Some(money_exact(r.incremental_npv_usd)),
            note: format!(
                "convert {} vs keep mining {}",
                money(r.convert_npv_usd),
                money(r.keep_mining_npv_usd)
            ),
            tone: sign_tone(r.incremental_npv_usd),
        },
        match r.incremental_irr_pct {
            Some(irr) => Kpi {
                id: "incremental-irr",
                label: "Incremental IRR".to_owned(),
                value: percent(irr),
                unit: None,
                exact: Some(format!("{} a year", percent_exact(irr))),
                note: "yearly, on converting instead of mining".to_owned(),
                tone: Tone::Neutral,
            },
            None => Kpi {
                id: "incremental-irr",
                label: "Incremental IRR".to_owned(),
                value: "not defined".to_owned(),
                unit: None,
                exact: None,
                note: r
                    .incremental_irr_note
                    .clone()
                    .unwrap_or_else(|| "no single rate makes the advantage's NPV zero".to_owned()),
                tone: Tone::Neutral,
            },
        },
        match r.payback_month {
            Some(m) => Kpi {
                id: "payback",
                label: "Payback".to_owned(),
                value: years_months(m),
                unit: None,
                exact: Some(format!("month {m} of {}", r.derived.horizon_months)),
                note: "from the decision, against keeping mining".to_owned(),
                tone: Tone::Neutral,
            },
            None => Kpi {
                id: "payback",
                label: "Payback".to_owned(),
                value: "does not pay back".to_owned(),
                unit: None,
                exact: None,
                note: "the cumulative advantage is still negative at the end".to_owned(),
                tone: Tone::Bad,
            },
        },
    ];
    // The base baseline: the shortest greenfield build, the one that is
    // hardest to beat.
    if let Some(b) = r.base_build_time() {
        cards.push(Kpi {
            id: "months-saved",
            label: "Months saved".to_owned(),
            value: b.months_saved.to_string(),
            unit: Some(
                if b.months_saved == 1 {
                    "month"
                } else {
                    "months"
                }
                .to_owned(),
            ),
            exact: Some(format!(
                "{} MW-months sooner; tenant value {}",
                crate::format::grouped(b.mw_months_gained),
                money(b.tenant_value_gained_usd)
            )),
            note: if b.months_saved == 0 && b.baseline_months < r.derived.conversion_months {
                format!(
                    "a {}-month greenfield build would deliver {} sooner",
                    b.baseline_months,
                    years_months(r.derived.conversion_months - b.baseline_months)
                )
            } else {
                format!("against a {}-month greenfield build", b.baseline_months)
            },
            tone: if b.months_saved > 0 {
                Tone::Good
            } else {
                Tone::Neutral
            },
        });
    }
    cards.push(Kpi {
        id: "mining-breakeven",
        label: "Mining break-even".to_owned(),
        value: dollars(r.mining_breakeven_usd_per_mwh),
        unit: Some("/MWh".to_owned()),
        exact: Some(price_per_mwh_exact(r.mining_breakeven_usd_per_mwh)),
        note: format!(
            "today's price {}",
            price_per_mwh(r.derived.energy_price_usd_per_mwh)
        ),
        tone: Tone::Neutral,
    });
    cards.push(match r.energy_crossover_usd_per_mwh {
        Some(q) => Kpi {
            id: "crossover",
            label: "Crossover energy price".to_owned(),
            value: dollars(q),
            unit: Some("/MWh".to_owned()),
            exact: Some(format!("{}, to within $0.01", price_per_mwh(q))),
            note: crossover_note(r, q),
            tone: Tone::Neutral,
        },
        None => Kpi {
            id: "crossover",
            label: "Crossover energy price".to_owned(),
            value: "none".to_owned(),
            unit: None,
            exact: None,
            note: "mining stays ahead at every price up to $2,000/MWh".to_owned(),
            tone: Tone::Bad,
        },
    });
    cards
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, Scenario};

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn card(cards: Vec<Kpi>, id: &str) -> Result<Kpi, String> {
        cards
            .into_iter()
            .find(|k| k.id == id)
            .ok_or(format!("no {id} card"))
    }

    #[test]
    fn default_cards_read_as_the_model_says() -> TestResult {
        let r = evaluate(&Scenario::default())?;
        let cards = kpis(&r);
        let ids: Vec<_> = cards.iter().map(|k| k.id).collect();
        assert_eq!(
            ids,
            [
                "contract-revenue",
                "incremental-npv",
                "incremental-irr",
                "payback",
                "months-saved",
                "mining-breakeven",
                "crossover"
            ]
        );
        assert_eq!(cards[0].label, "12-year contract revenue");
        assert_eq!(
            cards[0].value,
            crate::format::money(r.contract_total_revenue_usd)
        );
        assert_eq!(cards[4].value, "24");
        assert_eq!(cards[4].unit.as_deref(), Some("months"));
        assert_eq!(cards[5].value, "$67.49");
        assert_eq!(cards[5].unit.as_deref(), Some("/MWh"));
        assert!(cards.iter().all(|k| !k.value.contains("NaN")));
        Ok(())
    }

    #[test]
    fn undefined_irr_and_no_payback_say_so() -> TestResult {
        let mut s = Scenario::default();
        s.contract.rate_usd_per_kw_month = 0.0;
        let r = evaluate(&s)?;
        assert_eq!(card(kpis(&r), "payback")?.value, "does not pay back");
        let irr = card(kpis(&r), "incremental-irr")?;
        assert_eq!(irr.value, "not defined");
        assert!(!irr.note.is_empty());
        Ok(())
    }

    #[test]
    fn a_crossover_at_zero_does_not_claim_a_win_at_todays_price() -> TestResult {
        // TeraWulf: the host pays the HPC power, so converting is ahead at $0
        // and behind at $45.
        let p = crate::presets::by_id("terawulf-core42").ok_or("no preset")?;
        let r = evaluate(&p.scenario)?;
        assert_eq!(r.energy_crossover_usd_per_mwh, Some(0.0));
        assert!(r.incremental_npv_usd < 0.0);
        let note = card(kpis(&r), "crossover")?.note;
        assert_eq!(
            note,
            "converting is ahead from $0 up to $31.23/MWh, mining above"
        );
        // The default: ahead at every price.
        let r = evaluate(&Scenario::default())?;
        let note = card(kpis(&r), "crossover")?.note;
        assert_eq!(
            note,
            "converting is ahead at every price from $0 to $2,000/MWh"
        );
        Ok(())
    }

    #[test]
    fn months_saved_are_counted_against_the_shortest_build() -> TestResult {
        let mut s = Scenario::default();
        s.greenfield.build_months = vec![60, 36];
        let c = card(kpis(&evaluate(&s)?), "months-saved")?;
        assert_eq!(
            (c.value.as_str(), c.note.as_str()),
            ("24", "against a 36-month greenfield build")
        );
        // Slower than the build: say by how much rather than only "0".
        s.hpc.conversion_months = 120;
        let c = card(kpis(&evaluate(&s)?), "months-saved")?;
        assert_eq!(c.value, "0");
        assert_eq!(
            c.note,
            "a 36-month greenfield build would deliver 7 years sooner"
        );
        Ok(())
    }
}
