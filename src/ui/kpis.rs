//! The headline numbers as the KPI cards show them: pure, so the cards'
//! wording is tested natively and the view only lays them out.
//!
//! Three rows, in the order a finance director asks: should we convert
//! (incremental NPV, project and equity IRR, payback), how robust is it (the
//! break-evens, the value created, the rent against the deals), and the
//! speed, energy and contract behind it. Every comparison a card states (a
//! break-even as a multiple of today's value) is worked out here, from the
//! evaluation and the scenario it came from, never in the view.

use crate::format::{
    dollars, lead_in_words, money, money_exact, multiple, percent, percent_exact, price_per_mwh,
    price_per_mwh_exact, rate_per_kw_month, years_months,
};
use crate::model::sweep::CROSSOVER_MAX;
use crate::model::{Evaluation, Scenario};

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

/// A row of cards under a question.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiRow {
    /// Stable id for tests and styling.
    pub id: &'static str,
    /// The question the row answers.
    pub title: &'static str,
    pub cards: Vec<Kpi>,
}

/// The implied average rates of the public mining-site deals, $/kW-month
/// (docs/MODEL.md, "Sources").
const DEALS_IMPLIED_RATE: (f64, f64) = (102.0, 159.0);
/// The ends of the break-even searches (docs/MODEL.md, "Break-evens").
const HASHPRICE_SEARCH_MAX: f64 = 100_000.0;
const RATE_SEARCH_MAX: f64 = 10_000.0;
const CAPEX_SEARCH_MAX: f64 = 100_000_000.0;

fn sign_tone(x: f64) -> Tone {
    if x > 0.0 {
        Tone::Good
    } else if x < 0.0 {
        Tone::Bad
    } else {
        Tone::Neutral
    }
}

/// `x / of`, when `of` is a positive number to compare with.
fn ratio(x: f64, of: f64) -> Option<f64> {
    (of > 0.0 && of.is_finite()).then(|| x / of)
}

/// How far `x` lies above or below `of`, in words: "28 % below the $125
/// assumed" (empty when there is nothing to compare with).
fn above_below(x: f64, of: f64, of_text: &str) -> String {
    match ratio(x, of) {
        Some(r) => {
            let pct = (r - 1.0) * 100.0;
            let side = if pct < 0.0 { "below" } else { "above" };
            format!(", {} {side} the {of_text} assumed", percent(pct.abs()))
        }
        None => String::new(),
    }
}

/// The cards, in rows, in the order the page shows them.
pub fn kpis(r: &Evaluation, s: &Scenario) -> Vec<KpiRow> {
    vec![
        KpiRow {
            id: "decision",
            title: "Should we convert?",
            cards: vec![
                incremental_npv(r, s),
                project_irr(r, s),
                equity_irr(r, s),
                payback(r),
            ],
        },
        KpiRow {
            id: "robustness",
            title: "How robust is it?",
            cards: vec![
                breakeven_hashprice(r, s),
                breakeven_rate(r, s),
                breakeven_capex(r, s),
                value_per_mw(r, s),
                levelized_rent(r),
            ],
        },
        KpiRow {
            id: "context",
            title: "The contract, the head start and energy",
            cards: [
                Some(contract_revenue(r)),
                months_saved(r),
                Some(mining_breakeven(r)),
                Some(crossover(r)),
            ]
            .into_iter()
            .flatten()
            .collect(),
        },
    ]
}

/// "after tax" or "before tax", as the scenario computes.
fn tax_words(s: &Scenario) -> &'static str {
    if s.tax.rate_pct > 0.0 {
        "after tax"
    } else {
        "before tax"
    }
}

fn incremental_npv(r: &Evaluation, s: &Scenario) -> Kpi {
    Kpi {
        id: "incremental-npv",
        label: "Incremental NPV of converting".to_owned(),
        value: money(r.incremental_npv_usd),
        unit: None,
        exact: Some(money_exact(r.incremental_npv_usd)),
        note: format!(
            "{}: convert {} vs keep mining {}",
            tax_words(s),
            money(r.convert_npv_usd),
            money(r.keep_mining_npv_usd)
        ),
        tone: sign_tone(r.incremental_npv_usd),
    }
}

/// An IRR card: the rate, or why there is none.
fn irr_card(
    id: &'static str,
    label: &str,
    irr: Option<f64>,
    why_not: Option<&str>,
    note: String,
) -> Kpi {
    match irr {
        Some(irr) => Kpi {
            id,
            label: label.to_owned(),
            value: percent(irr),
            unit: None,
            exact: Some(format!("{} a year", percent_exact(irr))),
            note,
            tone: Tone::Neutral,
        },
        None => Kpi {
            id,
            label: label.to_owned(),
            value: "not defined".to_owned(),
            unit: None,
            exact: None,
            note: why_not
                .map_or("no single rate makes the advantage's NPV zero", |w| w)
                .to_owned(),
            tone: Tone::Neutral,
        },
    }
}

fn project_irr(r: &Evaluation, s: &Scenario) -> Kpi {
    irr_card(
        "incremental-irr",
        "Project IRR",
        r.incremental_irr_pct,
        r.incremental_irr_note.as_deref(),
        format!(
            "yearly, unlevered, {}, on converting instead of mining",
            tax_words(s)
        ),
    )
}

fn equity_irr(r: &Evaluation, s: &Scenario) -> Kpi {
    let Some(debt) = r.debt_usd else {
        return Kpi {
            id: "equity-irr",
            label: "Equity IRR".to_owned(),
            value: "no debt".to_owned(),
            unit: None,
            exact: None,
            note:
                "nothing borrowed: the project IRR is the equity's (set a debt share under Finance)"
                    .to_owned(),
            tone: Tone::Neutral,
        };
    };
    let mut card = irr_card(
        "equity-irr",
        "Equity IRR",
        r.equity_irr_pct,
        r.equity_irr_note.as_deref(),
        format!(
            "with {} of the capex borrowed at {}",
            percent(s.finance.debt_pct_of_capex),
            percent(s.finance.debt_rate_pct)
        ),
    );
    let dscr = r
        .min_dscr
        .map_or("no level payment within the horizon".to_owned(), |d| {
            let x = format!("{d:.2}").replace('-', "\u{2212}");
            format!("lowest DSCR {x}\u{d7}")
        });
    card.exact = Some(match r.equity_irr_pct {
        Some(irr) => format!(
            "{} a year; {} borrowed, {dscr}",
            percent_exact(irr),
            money_exact(debt)
        ),
        None => format!("{} borrowed, {dscr}", money_exact(debt)),
    });
    card
}

fn payback(r: &Evaluation) -> Kpi {
    let discounted = match r.discounted_payback_month {
        Some(d) => format!("discounted: month {d}"),
        None => "discounted: not within the horizon".to_owned(),
    };
    match r.payback_month {
        Some(m) => Kpi {
            id: "payback",
            label: "Payback".to_owned(),
            value: years_months(m),
            unit: None,
            exact: Some(format!(
                "month {m} of {}; {discounted}",
                r.derived.horizon_months
            )),
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
    }
}

fn breakeven_hashprice(r: &Evaluation, s: &Scenario) -> Kpi {
    let today = s.mining.hashprice_usd_per_ph_day;
    let ahead = r.incremental_npv_usd >= 0.0;
    let label = "Break-even hashprice".to_owned();
    match r.breakeven_hashprice_usd_per_ph_day {
        Some(b) => {
            let times =
                ratio(b, today).map_or(String::new(), |x| format!(", {} today", multiple(x)));
            let at = format!("{}/PH/day", dollars(b, 0));
            Kpi {
                id: "breakeven-hashprice",
                label,
                value: dollars(b, 0),
                unit: Some("/PH/day".to_owned()),
                exact: Some(format!("{}/PH/day, to within $0.01", dollars(b, 2))),
                note: if ahead {
                    format!("mining would need {at} to match converting{times}")
                } else {
                    format!("converting leads only if hashprice falls to {at}{times}")
                },
                tone: Tone::Neutral,
            }
        }
        None => Kpi {
            id: "breakeven-hashprice",
            label,
            value: "none".to_owned(),
            unit: None,
            exact: None,
            note: if ahead {
                format!(
                    "converting stays ahead at any hashprice up to {}/PH/day",
                    dollars(HASHPRICE_SEARCH_MAX, 0)
                )
            } else {
                "mining stays ahead even at a hashprice of $0".to_owned()
            },
            tone: sign_tone(r.incremental_npv_usd),
        },
    }
}

fn breakeven_rate(r: &Evaluation, s: &Scenario) -> Kpi {
    let rate = s.contract.rate_usd_per_kw_month;
    let ahead = r.incremental_npv_usd >= 0.0;
    let label = "Break-even lease rate".to_owned();
    match r.breakeven_rate_usd_per_kw_month {
        Some(b) => {
            let versus = above_below(b, rate, &dollars(rate, 0));
            let at = format!("{}/kW-month", dollars(b, 0));
            Kpi {
                id: "breakeven-rate",
                label,
                value: dollars(b, 0),
                unit: Some("/kW-month".to_owned()),
                exact: Some(format!(
                    "{} in year 1, to within $0.01",
                    rate_per_kw_month(b)
                )),
                note: if ahead {
                    format!("converting still matches mining at {at}{versus}")
                } else {
                    format!("converting needs {at} to match mining{versus}")
                },
                tone: Tone::Neutral,
            }
        }
        None => Kpi {
            id: "breakeven-rate",
            label,
            value: "none".to_owned(),
            unit: None,
            exact: None,
            note: format!(
                "no rate from $0 to {}/kW-month makes the paths equal: {} leads throughout",
                dollars(RATE_SEARCH_MAX, 0),
                if ahead { "converting" } else { "mining" }
            ),
            tone: sign_tone(r.incremental_npv_usd),
        },
    }
}

fn breakeven_capex(r: &Evaluation, s: &Scenario) -> Kpi {
    let capex = s.hpc.capex_usd_per_mw;
    let ahead = r.incremental_npv_usd >= 0.0;
    let label = "Break-even capex".to_owned();
    match r.breakeven_capex_usd_per_mw {
        Some(b) => {
            let times = ratio(b, capex).map_or(String::new(), |x| {
                format!(", {} the {} assumed", multiple(x), money(capex))
            });
            Kpi {
                id: "breakeven-capex",
                label,
                value: money(b),
                unit: Some("/MW".to_owned()),
                exact: Some(format!(
                    "{} per MW of critical IT, before contingency, to within $1",
                    money_exact(b)
                )),
                note: if ahead {
                    format!("converting still matches mining at {}/MW{times}", money(b))
                } else {
                    format!("capex would have to fall to {}/MW{times}", money(b))
                },
                tone: Tone::Neutral,
            }
        }
        None => Kpi {
            id: "breakeven-capex",
            label,
            value: "none".to_owned(),
            unit: None,
            exact: None,
            note: if ahead {
                format!(
                    "converting stays ahead at any capex up to {}/MW",
                    money(CAPEX_SEARCH_MAX)
                )
            } else {
                "mining stays ahead even with a conversion that costs nothing".to_owned()
            },
            tone: sign_tone(r.incremental_npv_usd),
        },
    }
}

fn value_per_mw(r: &Evaluation, s: &Scenario) -> Kpi {
    let label = "Value created per MW".to_owned();
    match (r.value_created_per_mw_usd, s.terminal.exit_cap_rate_pct) {
        (Some(v), Some(cap)) => {
            let total = r.value_created_usd.map_or(String::new(), |t| {
                format!("; {} for the whole site", money_exact(t))
            });
            let yield_on_cost = r
                .yield_on_cost_pct
                .map_or(String::new(), |y| format!("; yield on cost {}", percent(y)));
            Kpi {
                id: "value-per-mw",
                label,
                value: money(v),
                unit: Some("/MW".to_owned()),
                exact: Some(format!("{} per MW of critical IT{total}", money_exact(v))),
                note: format!(
                    "the halls valued at a {} cap rate, less their cost{yield_on_cost}",
                    percent(cap)
                ),
                tone: sign_tone(v),
            }
        }
        _ => Kpi {
            id: "value-per-mw",
            label,
            value: "not valued".to_owned(),
            unit: None,
            exact: None,
            note: "no exit cap rate: give one under Terminal value to value the halls".to_owned(),
            tone: Tone::Neutral,
        },
    }
}

fn levelized_rent(r: &Evaluation) -> Kpi {
    let x = r.levelized_rent_usd_per_kw_month;
    let (lo, hi) = DEALS_IMPLIED_RATE;
    Kpi {
        id: "levelized-rent",
        label: "Levelized rent".to_owned(),
        value: dollars(x, 0),
        unit: Some("/kW-month".to_owned()),
        exact: Some(format!(
            "{}/kW-month: all rent ÷ kW-months leased",
            dollars(x, 4)
        )),
        note: format!(
            "over the contract, escalators included; the deals imply {}–{}",
            dollars(lo, 0),
            dollars(hi, 0).trim_start_matches('$')
        ),
        tone: Tone::Neutral,
    }
}

fn contract_revenue(r: &Evaluation) -> Kpi {
    let years = r.contract_annual_revenue_usd.len();
    Kpi {
        id: "contract-revenue",
        label: format!("{years}-year contract revenue"),
        value: money(r.contract_total_revenue_usd),
        unit: None,
        exact: Some(money_exact(r.contract_total_revenue_usd)),
        note: format!("NPV {}", money(r.contract_revenue_npv_usd)),
        tone: Tone::Neutral,
    }
}

/// Months saved against the base baseline: the shortest greenfield build,
/// the one that is hardest to beat.
fn months_saved(r: &Evaluation) -> Option<Kpi> {
    let b = r.base_build_time()?;
    Some(Kpi {
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
    })
}

fn mining_breakeven(r: &Evaluation) -> Kpi {
    Kpi {
        id: "mining-breakeven",
        label: "Mining break-even energy price".to_owned(),
        value: dollars(r.mining_breakeven_usd_per_mwh, 2),
        unit: Some("/MWh".to_owned()),
        exact: Some(price_per_mwh_exact(r.mining_breakeven_usd_per_mwh)),
        note: format!(
            "today's hashprice against energy alone, before opex and halvings; power costs {}",
            price_per_mwh(r.derived.energy_price_usd_per_mwh)
        ),
        tone: Tone::Neutral,
    }
}

/// Where the lead changes hands across energy prices. With one path ahead
/// at every price there is no crossover, and the card says which path.
fn crossover(r: &Evaluation) -> Kpi {
    let regimes = r.price_regimes();
    let label = "Crossover energy price".to_owned();
    let note = lead_in_words(&regimes);
    match regimes
        .first()
        .and_then(|first| first.to.map(|to| (first, to)))
    {
        Some((first, to)) => Kpi {
            id: "crossover",
            label,
            value: dollars(to, 2),
            unit: Some("/MWh".to_owned()),
            exact: Some(format!(
                "{}, to within $0.01: {} ahead below, {} above",
                price_per_mwh_exact(to),
                if first.converting_ahead {
                    "converting"
                } else {
                    "mining"
                },
                if first.converting_ahead {
                    "mining"
                } else {
                    "converting"
                }
            )),
            note,
            tone: Tone::Neutral,
        },
        None => {
            let converting = regimes.first().is_some_and(|only| only.converting_ahead);
            Kpi {
                id: "crossover",
                label,
                value: "none".to_owned(),
                unit: None,
                exact: None,
                note: if note.is_empty() {
                    format!(
                        "no price up to {} where the lead changes hands",
                        price_per_mwh(CROSSOVER_MAX)
                    )
                } else {
                    note
                },
                tone: if converting { Tone::Good } else { Tone::Bad },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;
    use crate::model::version::v1_defaults;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn cards(s: &Scenario) -> Result<Vec<Kpi>, Box<dyn std::error::Error>> {
        let r = evaluate(s)?;
        Ok(kpis(&r, s).into_iter().flat_map(|row| row.cards).collect())
    }

    fn card(s: &Scenario, id: &str) -> Result<Kpi, Box<dyn std::error::Error>> {
        cards(s)?
            .into_iter()
            .find(|k| k.id == id)
            .ok_or_else(|| format!("no {id} card").into())
    }

    #[test]
    fn rows_answer_the_decision_first_then_robustness() -> TestResult {
        let s = Scenario::default();
        let r = evaluate(&s)?;
        let rows = kpis(&r, &s);
        let ids: Vec<Vec<&str>> = rows
            .iter()
            .map(|row| row.cards.iter().map(|k| k.id).collect())
            .collect();
        assert_eq!(
            ids,
            [
                vec![
                    "incremental-npv",
                    "incremental-irr",
                    "equity-irr",
                    "payback"
                ],
                vec![
                    "breakeven-hashprice",
                    "breakeven-rate",
                    "breakeven-capex",
                    "value-per-mw",
                    "levelized-rent"
                ],
                vec![
                    "contract-revenue",
                    "months-saved",
                    "mining-breakeven",
                    "crossover"
                ],
            ]
        );
        assert_eq!(rows[0].title, "Should we convert?");
        assert_eq!(rows[1].title, "How robust is it?");
        Ok(())
    }

    #[test]
    fn default_cards_read_as_the_model_says() -> TestResult {
        let s = Scenario::default();
        let r = evaluate(&s)?;
        let all = cards(&s)?;
        for k in &all {
            for text in [&k.value, &k.note, k.exact.as_deref().unwrap_or_default()] {
                assert!(
                    !text.contains("NaN") && !text.contains("inf"),
                    "{}: {text}",
                    k.id
                );
            }
            assert!(!k.value.is_empty() && !k.note.is_empty(), "{}", k.id);
        }
        let npv = card(&s, "incremental-npv")?;
        assert_eq!(npv.value, money(r.incremental_npv_usd));
        assert!(npv.note.starts_with("after tax: "), "{}", npv.note);
        assert_eq!(
            card(&s, "contract-revenue")?.label,
            "13-year contract revenue"
        );
        let saved = card(&s, "months-saved")?;
        assert_eq!(
            (saved.value.as_str(), saved.unit.as_deref()),
            ("24", Some("months"))
        );
        let mining = card(&s, "mining-breakeven")?;
        assert_eq!(mining.value, "$67.49");
        assert_eq!(mining.unit.as_deref(), Some("/MWh"));
        assert!(
            mining.note.contains("before opex and halvings"),
            "{}",
            mining.note
        );
        let equity = card(&s, "equity-irr")?;
        assert!(equity
            .exact
            .as_deref()
            .is_some_and(|e| e.contains("borrowed")));
        assert!(equity.note.contains("60.0 %"), "{}", equity.note);
        let rent = card(&s, "levelized-rent")?;
        assert_eq!(rent.unit.as_deref(), Some("/kW-month"));
        assert!(
            rent.note.ends_with("the deals imply $102–159"),
            "{}",
            rent.note
        );
        Ok(())
    }

    #[test]
    fn the_hashprice_break_even_is_a_multiple_of_today() -> TestResult {
        let s = Scenario::default();
        let r = evaluate(&s)?;
        let b = r
            .breakeven_hashprice_usd_per_ph_day
            .ok_or("no break-even")?;
        let k = card(&s, "breakeven-hashprice")?;
        assert_eq!(k.value, dollars(b, 0));
        assert_eq!(
            k.note,
            format!(
                "mining would need {}/PH/day to match converting, {} today",
                dollars(b, 0),
                multiple(b / 40.0)
            )
        );
        // Halve today's hashprice: the same break-even is twice the multiple.
        let mut half = s.clone();
        half.mining.hashprice_usd_per_ph_day = 20.0;
        let k = card(&half, "breakeven-hashprice")?;
        assert!(k.note.ends_with(" today"), "{}", k.note);
        Ok(())
    }

    #[test]
    fn break_evens_compare_with_what_is_assumed() -> TestResult {
        let s = Scenario::default();
        let rate = card(&s, "breakeven-rate")?;
        assert!(
            rate.note.contains("below the $125 assumed"),
            "{}",
            rate.note
        );
        let capex = card(&s, "breakeven-capex")?;
        assert!(capex.note.contains("the $9.50M assumed"), "{}", capex.note);
        assert!(capex.note.contains('\u{d7}'), "{}", capex.note);
        Ok(())
    }

    #[test]
    fn missing_values_say_why() -> TestResult {
        // Version 1's scenario: no debt, no exit cap rate, no tax.
        let s = v1_defaults();
        let equity = card(&s, "equity-irr")?;
        assert_eq!(equity.value, "no debt");
        assert!(equity.exact.is_none());
        let value = card(&s, "value-per-mw")?;
        assert_eq!(value.value, "not valued");
        assert!(value.note.contains("Terminal value"), "{}", value.note);
        assert!(card(&s, "incremental-npv")?
            .note
            .starts_with("before tax: "));

        let mut s = Scenario::default();
        s.contract.rate_usd_per_kw_month = 0.0;
        assert_eq!(card(&s, "payback")?.value, "does not pay back");
        let irr = card(&s, "incremental-irr")?;
        assert!(irr.value == "not defined" || irr.value.ends_with('%'));
        if irr.value == "not defined" {
            assert!(!irr.note.is_empty());
        }
        Ok(())
    }

    #[test]
    fn the_crossover_card_never_shows_a_crossover_that_is_not_there() -> TestResult {
        // The default: converting ahead at every price.
        let s = Scenario::default();
        let r = evaluate(&s)?;
        let k = card(&s, "crossover")?;
        if r.energy_advantage_changes.is_empty() {
            assert_eq!(k.value, "none");
            assert_eq!(k.note, lead_in_words(&r.price_regimes()));
        }
        assert!(!k.value.contains("$0.00"), "{}", k.value);
        // Version 1's TeraWulf: the host pays the HPC power, so converting
        // leads with cheap power only; the card gives the price where the
        // lead changes hands, in the words the chart and the summary use.
        let p = crate::presets::v1::by_id("terawulf-core42").ok_or("no preset")?;
        let r = evaluate(&p.scenario)?;
        assert_eq!(r.energy_crossover_usd_per_mwh, Some(0.0));
        let k = card(&p.scenario, "crossover")?;
        assert_eq!(k.value, "$31.23");
        assert_eq!(k.note, lead_in_words(&r.price_regimes()));
        assert_eq!(
            k.note,
            "converting is ahead below $31.23/MWh, mining from $31.23/MWh up"
        );
        // Mining ahead everywhere: "none", on the mining side.
        let mut s = Scenario::default();
        s.contract.rate_usd_per_kw_month = 0.0;
        let r = evaluate(&s)?;
        if r.energy_crossover_usd_per_mwh.is_none() {
            let k = card(&s, "crossover")?;
            assert_eq!((k.value.as_str(), k.tone), ("none", Tone::Bad));
            assert!(
                k.note.starts_with("mining is ahead at every price"),
                "{}",
                k.note
            );
        }
        Ok(())
    }

    #[test]
    fn months_saved_are_counted_against_the_shortest_build() -> TestResult {
        let mut s = Scenario::default();
        s.greenfield.build_months = vec![60, 36];
        let c = card(&s, "months-saved")?;
        assert_eq!(
            (c.value.as_str(), c.note.as_str()),
            ("24", "against a 36-month greenfield build")
        );
        // Slower than the build: say by how much rather than only "0".
        s.hpc.conversion_months = 120;
        let c = card(&s, "months-saved")?;
        assert_eq!(c.value, "0");
        assert_eq!(
            c.note,
            "a 36-month greenfield build would deliver 7 years sooner"
        );
        Ok(())
    }

    #[test]
    fn every_preset_of_both_versions_gives_cards_without_nan() -> TestResult {
        let mut scenarios: Vec<Scenario> = crate::presets::all()
            .into_iter()
            .map(|p| p.scenario)
            .collect();
        scenarios.extend(crate::presets::v1::all().into_iter().map(|p| p.scenario));
        for s in &scenarios {
            for k in cards(s)? {
                let all = format!("{} {} {:?}", k.value, k.note, k.exact);
                assert!(
                    !all.contains("NaN") && !all.contains("inf"),
                    "{}: {all}",
                    k.id
                );
                assert!(!(k.id == "crossover" && k.value == "$0.00"), "{all}");
            }
        }
        Ok(())
    }
}
