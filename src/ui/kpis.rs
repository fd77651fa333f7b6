//! The headline numbers as the KPI cards show them: pure, so the cards'
//! wording is tested natively and the view only lays them out.
//!
//! Three rows, in the order a finance director asks: should we convert
//! (incremental NPV, project and equity IRR, payback), how robust is it (the
//! break-evens, the value created, the rent against the deals), and the
//! speed, energy and contract behind it. Every comparison a card states (a
//! break-even as a multiple of today's value) is worked out here, from the
//! evaluation and the scenario it came from, never in the view.
//!
//! Every text is in the language spoken now (`crate::lang`): each sentence
//! one template with its figures as named placeholders.

use crate::format::{
    dollars, lead_in_words, megawatts, money, money_exact, multiple, percent, percent_exact,
    price_per_mwh, price_per_mwh_exact, rate_per_kw_month, years_months,
};
use crate::lang::tr;
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

/// The names of the two NPVs the cards show, so that neither is taken for
/// the other: the project's (converting against mining, every cash flow)
/// and the rent's (revenue only). In English: show them with [`tr`].
pub const PROJECT_NPV: &str = en!("Project NPV of converting");
pub const RENT_NPV: &str = en!("Rent NPV");

/// The implied average rates of the public mining-site deals, $/kW-month
/// (docs/MODEL.md, "Sources").
const DEALS_IMPLIED_RATE: (f64, f64) = (102.0, 159.0);
/// The ends of the break-even searches (docs/MODEL.md, "Break-evens").
const HASHPRICE_SEARCH_MAX: f64 = crate::model::breakeven::HASHPRICE.hi;
const RATE_SEARCH_MAX: f64 = crate::model::breakeven::RATE.hi;
const CAPEX_SEARCH_MAX: f64 = crate::model::breakeven::CAPEX.hi;

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

/// Where `x` lies against `of`: below it or not, and by how much, as a
/// percentage of `of` (`28.0 %`); `None` when there is nothing to compare
/// with.
fn above_below(x: f64, of: f64) -> Option<(bool, String)> {
    ratio(x, of).map(|r| {
        let pct = (r - 1.0) * 100.0;
        (pct < 0.0, percent(pct.abs()))
    })
}

/// An amount per PH/s a day (`$171/PH/day`).
fn per_ph_day(amount: String) -> String {
    t!("{amount}/PH/day", amount = amount)
}

/// An amount per kW a month (`$149/kW-month`).
fn per_kw_month(amount: String) -> String {
    t!("{amount}/kW-month", amount = amount)
}

/// The unit after a count of months: `month` for 1, else `months`.
fn months_unit(months: u32) -> &'static str {
    if months == 1 {
        t!("month")
    } else {
        t!("months")
    }
}

/// The cards whose figures come from the model's searches (the three
/// break-evens and the crossover: `Searches`): shown from an evaluation
/// that ran them only ([`keep_searched`]).
pub const SEARCHED: [&str; 4] = [
    "breakeven-hashprice",
    "breakeven-rate",
    "breakeven-capex",
    "crossover",
];

/// A card's element id: `kpi-` and the card's.
pub fn card_id(id: &str) -> String {
    format!("kpi-{id}")
}

/// The [`SEARCHED`] cards of `rows`.
pub fn searched_cards(rows: &[KpiRow]) -> Vec<Kpi> {
    let cards = rows.iter().flat_map(|row| &row.cards);
    cards
        .filter(|k| SEARCHED.contains(&k.id))
        .cloned()
        .collect()
}

/// `rows`, made from an evaluation whose searches were left for later,
/// with its [`SEARCHED`] cards as `searched` (those of the last evaluation
/// that ran them, [`searched_cards`]) shows them.
pub fn keep_searched(rows: &mut [KpiRow], searched: &[Kpi]) {
    let cards = rows.iter_mut().flat_map(|row| row.cards.iter_mut());
    for card in cards.filter(|k| SEARCHED.contains(&k.id)) {
        if let Some(then) = searched.iter().find(|k| k.id == card.id) {
            card.clone_from(then);
        }
    }
}

/// The cards, in rows, in the order the page shows them.
pub fn kpis(r: &Evaluation, s: &Scenario) -> Vec<KpiRow> {
    vec![
        KpiRow {
            id: "decision",
            title: t!("Should we convert?"),
            cards: vec![
                incremental_npv(r, s),
                project_irr(r, s),
                equity_irr(r, s),
                payback(r),
            ],
        },
        KpiRow {
            id: "robustness",
            title: t!("How robust is it?"),
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
            title: t!("The contract, the head start and energy"),
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

/// Whether the scenario's figures are after tax (a tax rate above zero).
fn after_tax(s: &Scenario) -> bool {
    s.tax.rate_pct > 0.0
}

fn incremental_npv(r: &Evaluation, s: &Scenario) -> Kpi {
    let (convert, mining) = (money(r.convert_npv_usd), money(r.keep_mining_npv_usd));
    Kpi {
        id: "incremental-npv",
        label: tr(PROJECT_NPV).to_owned(),
        value: money(r.incremental_npv_usd),
        unit: None,
        exact: Some(money_exact(r.incremental_npv_usd)),
        note: if after_tax(s) {
            t!(
                "after tax: convert {convert} vs keep mining {mining}",
                convert = convert,
                mining = mining
            )
        } else {
            t!(
                "before tax: convert {convert} vs keep mining {mining}",
                convert = convert,
                mining = mining
            )
        },
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
            exact: Some(t!("{rate} a year", rate = percent_exact(irr))),
            note,
            tone: Tone::Neutral,
        },
        None => Kpi {
            id,
            label: label.to_owned(),
            value: t!("not defined").to_owned(),
            unit: None,
            exact: None,
            note: why_not
                .unwrap_or_else(|| t!("no single rate makes the advantage's NPV zero"))
                .to_owned(),
            tone: Tone::Neutral,
        },
    }
}

fn project_irr(r: &Evaluation, s: &Scenario) -> Kpi {
    irr_card(
        "incremental-irr",
        t!("Project IRR"),
        r.incremental_irr_pct,
        r.incremental_irr_note.as_deref(),
        if after_tax(s) {
            t!("yearly, unlevered, after tax, on converting instead of mining")
        } else {
            t!("yearly, unlevered, before tax, on converting instead of mining")
        }
        .to_owned(),
    )
}

fn equity_irr(r: &Evaluation, s: &Scenario) -> Kpi {
    let Some(debt) = r.debt_usd else {
        return Kpi {
            id: "equity-irr",
            label: t!("Equity IRR").to_owned(),
            value: t!("no debt").to_owned(),
            unit: None,
            exact: None,
            note: t!(
                "nothing borrowed: the project IRR is the equity's (set a debt share under Finance)"
            )
            .to_owned(),
            tone: Tone::Neutral,
        };
    };
    let mut card = irr_card(
        "equity-irr",
        t!("Equity IRR"),
        r.equity_irr_pct,
        r.equity_irr_note.as_deref(),
        t!(
            "with {share} of the capex borrowed at {rate}",
            share = percent(s.finance.debt_pct_of_capex),
            rate = percent(s.finance.debt_rate_pct)
        ),
    );
    let debt = money_exact(debt);
    let dscr = r.min_dscr.map(|d| crate::format::decimal(d, 2));
    card.exact = Some(match (r.equity_irr_pct.map(percent_exact), dscr) {
        (Some(irr), Some(dscr)) => t!(
            "{rate} a year; {debt} borrowed, lowest DSCR {dscr}\u{d7}",
            rate = irr,
            debt = debt,
            dscr = dscr
        ),
        (Some(irr), None) => t!(
            "{rate} a year; {debt} borrowed, no level payment within the horizon",
            rate = irr,
            debt = debt
        ),
        (None, Some(dscr)) => t!(
            "{debt} borrowed, lowest DSCR {dscr}\u{d7}",
            debt = debt,
            dscr = dscr
        ),
        (None, None) => t!(
            "{debt} borrowed, no level payment within the horizon",
            debt = debt
        ),
    });
    card
}

fn payback(r: &Evaluation) -> Kpi {
    match r.payback_month {
        Some(m) => {
            let horizon = r.derived.horizon_months;
            Kpi {
                id: "payback",
                label: t!("Payback").to_owned(),
                value: years_months(m),
                unit: None,
                exact: Some(match r.discounted_payback_month {
                    Some(d) => t!(
                        "month {month} of {horizon}; discounted: month {discounted}",
                        month = m,
                        horizon = horizon,
                        discounted = d
                    ),
                    None => t!(
                        "month {month} of {horizon}; discounted: not within the horizon",
                        month = m,
                        horizon = horizon
                    ),
                }),
                note: t!("from the decision, against keeping mining").to_owned(),
                tone: Tone::Neutral,
            }
        }
        None => Kpi {
            id: "payback",
            label: t!("Payback").to_owned(),
            value: t!("does not pay back").to_owned(),
            unit: None,
            exact: None,
            note: t!("the cumulative advantage is still negative at the end").to_owned(),
            tone: Tone::Bad,
        },
    }
}

fn breakeven_hashprice(r: &Evaluation, s: &Scenario) -> Kpi {
    let today = s.mining.hashprice_usd_per_ph_day;
    let ahead = r.incremental_npv_usd >= 0.0;
    let label = t!("Break-even hashprice").to_owned();
    match r.breakeven_hashprice_usd_per_ph_day {
        Some(b) => {
            let times = ratio(b, today).map(multiple);
            let at = per_ph_day(dollars(b, 0));
            Kpi {
                id: "breakeven-hashprice",
                label,
                value: dollars(b, 0),
                unit: Some(t!("/PH/day").to_owned()),
                exact: Some(t!(
                    "{price}, to within $0.01",
                    price = per_ph_day(dollars(b, 2))
                )),
                note: match (ahead, times) {
                    (true, Some(times)) => t!(
                        "mining would need {price} to match converting, {times} today",
                        price = at,
                        times = times
                    ),
                    (true, None) => t!("mining would need {price} to match converting", price = at),
                    (false, Some(times)) => t!(
                        "converting leads only if hashprice falls to {price}, {times} today",
                        price = at,
                        times = times
                    ),
                    (false, None) => t!(
                        "converting leads only if hashprice falls to {price}",
                        price = at
                    ),
                },
                tone: Tone::Neutral,
            }
        }
        None => Kpi {
            id: "breakeven-hashprice",
            label,
            value: t!("none").to_owned(),
            unit: None,
            exact: None,
            note: if ahead {
                t!(
                    "converting stays ahead at any hashprice up to {price}",
                    price = per_ph_day(dollars(HASHPRICE_SEARCH_MAX, 0))
                )
            } else {
                t!("mining stays ahead even at a hashprice of $0").to_owned()
            },
            tone: sign_tone(r.incremental_npv_usd),
        },
    }
}

fn breakeven_rate(r: &Evaluation, s: &Scenario) -> Kpi {
    let rate = s.contract.rate_usd_per_kw_month;
    let ahead = r.incremental_npv_usd >= 0.0;
    let label = t!("Break-even lease rate").to_owned();
    match r.breakeven_rate_usd_per_kw_month {
        Some(b) => {
            let at = per_kw_month(dollars(b, 0));
            let assumed = dollars(rate, 0);
            Kpi {
                id: "breakeven-rate",
                label,
                value: dollars(b, 0),
                unit: Some(t!("/kW-month").to_owned()),
                exact: Some(t!(
                    "{rate} in year 1, to within $0.01",
                    rate = rate_per_kw_month(b)
                )),
                note: match (ahead, above_below(b, rate)) {
                    (true, Some((true, pct))) => t!(
                        "converting still matches mining at {rate}, {pct} below the {assumed} assumed",
                        rate = at,
                        pct = pct,
                        assumed = assumed
                    ),
                    (true, Some((false, pct))) => t!(
                        "converting still matches mining at {rate}, {pct} above the {assumed} assumed",
                        rate = at,
                        pct = pct,
                        assumed = assumed
                    ),
                    (true, None) => t!("converting still matches mining at {rate}", rate = at),
                    (false, Some((true, pct))) => t!(
                        "converting needs {rate} to match mining, {pct} below the {assumed} assumed",
                        rate = at,
                        pct = pct,
                        assumed = assumed
                    ),
                    (false, Some((false, pct))) => t!(
                        "converting needs {rate} to match mining, {pct} above the {assumed} assumed",
                        rate = at,
                        pct = pct,
                        assumed = assumed
                    ),
                    (false, None) => t!("converting needs {rate} to match mining", rate = at),
                },
                tone: Tone::Neutral,
            }
        }
        None => {
            let max = per_kw_month(dollars(RATE_SEARCH_MAX, 0));
            Kpi {
                id: "breakeven-rate",
                label,
                value: t!("none").to_owned(),
                unit: None,
                exact: None,
                note: if ahead {
                    t!(
                        "no rate from $0 to {max} makes the paths equal: converting leads throughout",
                        max = max
                    )
                } else {
                    t!(
                        "no rate from $0 to {max} makes the paths equal: mining leads throughout",
                        max = max
                    )
                },
                tone: sign_tone(r.incremental_npv_usd),
            }
        }
    }
}

fn breakeven_capex(r: &Evaluation, s: &Scenario) -> Kpi {
    let capex = s.hpc.capex_usd_per_mw;
    let ahead = r.incremental_npv_usd >= 0.0;
    let label = t!("Break-even capex").to_owned();
    match r.breakeven_capex_usd_per_mw {
        Some(b) => {
            let times = ratio(b, capex).map(multiple);
            let (at, assumed) = (money(b), money(capex));
            Kpi {
                id: "breakeven-capex",
                label,
                value: money(b),
                unit: Some("/MW".to_owned()),
                exact: Some(t!(
                    "{capex} per MW of critical IT, before contingency, to within $1",
                    capex = money_exact(b)
                )),
                note: match (ahead, times) {
                    (true, Some(times)) => t!(
                        "converting still matches mining at {capex}/MW, {times} the {assumed} assumed",
                        capex = at,
                        times = times,
                        assumed = assumed
                    ),
                    (true, None) => {
                        t!("converting still matches mining at {capex}/MW", capex = at)
                    }
                    (false, Some(times)) => t!(
                        "capex would have to fall to {capex}/MW, {times} the {assumed} assumed",
                        capex = at,
                        times = times,
                        assumed = assumed
                    ),
                    (false, None) => t!("capex would have to fall to {capex}/MW", capex = at),
                },
                tone: Tone::Neutral,
            }
        }
        None => Kpi {
            id: "breakeven-capex",
            label,
            value: t!("none").to_owned(),
            unit: None,
            exact: None,
            note: if ahead {
                t!(
                    "converting stays ahead at any capex up to {capex}/MW",
                    capex = money(CAPEX_SEARCH_MAX)
                )
            } else {
                t!("mining stays ahead even with a conversion that costs nothing").to_owned()
            },
            tone: sign_tone(r.incremental_npv_usd),
        },
    }
}

fn value_per_mw(r: &Evaluation, s: &Scenario) -> Kpi {
    let label = t!("Value created per MW").to_owned();
    match (r.value_created_per_mw_usd, s.terminal.exit_cap_rate_pct) {
        (Some(v), Some(cap)) => {
            let (value, cap) = (money_exact(v), percent(cap));
            Kpi {
                id: "value-per-mw",
                label,
                value: money(v),
                unit: Some("/MW".to_owned()),
                exact: Some(match r.value_created_usd {
                    Some(total) => t!(
                        "{value} per MW of critical IT; {total} for the whole site",
                        value = value,
                        total = money_exact(total)
                    ),
                    None => t!("{value} per MW of critical IT", value = value),
                }),
                note: match r.yield_on_cost_pct {
                    Some(y) => t!(
                        "the halls valued at a {cap} cap rate, less their cost; yield on cost {on_cost}",
                        cap = cap,
                        on_cost = percent(y)
                    ),
                    None => t!(
                        "the halls valued at a {cap} cap rate, less their cost",
                        cap = cap
                    ),
                },
                tone: sign_tone(v),
            }
        }
        _ => Kpi {
            id: "value-per-mw",
            label,
            value: t!("not valued").to_owned(),
            unit: None,
            exact: None,
            note: t!("no exit cap rate: give one under Terminal value to value the halls")
                .to_owned(),
            tone: Tone::Neutral,
        },
    }
}

fn levelized_rent(r: &Evaluation) -> Kpi {
    let x = r.levelized_rent_usd_per_kw_month;
    let (lo, hi) = DEALS_IMPLIED_RATE;
    // The range's top without its symbol: `$102–159`.
    let hi = dollars(hi, 0);
    let hi = hi
        .strip_prefix(crate::lang::current().dollar_symbol())
        .unwrap_or(&hi);
    Kpi {
        id: "levelized-rent",
        label: t!("Levelized rent").to_owned(),
        value: dollars(x, 0),
        unit: Some(t!("/kW-month").to_owned()),
        exact: Some(t!(
            "{rent}: all rent ÷ kW-months leased",
            rent = per_kw_month(dollars(x, 4))
        )),
        note: t!(
            "over the contract, escalators included; the deals imply {low}–{high}",
            low = dollars(lo, 0),
            high = hi
        ),
        tone: Tone::Neutral,
    }
}

fn contract_revenue(r: &Evaluation) -> Kpi {
    let years = r.contract_annual_revenue_usd.len();
    Kpi {
        id: "contract-revenue",
        label: if years == 1 {
            t!("1-year contract revenue").to_owned()
        } else {
            t!("{years}-year contract revenue", years = years)
        },
        value: money(r.contract_total_revenue_usd),
        unit: None,
        exact: Some(money_exact(r.contract_total_revenue_usd)),
        note: t!(
            "Rent NPV {npv}: the rent alone, before any cost",
            npv = money(r.contract_revenue_npv_usd)
        ),
        tone: Tone::Neutral,
    }
}

/// Months saved against the base baseline: the shortest greenfield build,
/// the one that is hardest to beat.
fn months_saved(r: &Evaluation) -> Option<Kpi> {
    let b = r.base_build_time()?;
    let baseline = b.baseline_months;
    Some(Kpi {
        id: "months-saved",
        label: t!("Months saved").to_owned(),
        value: b.months_saved.to_string(),
        unit: Some(months_unit(b.months_saved).to_owned()),
        exact: Some(t!(
            "{mw_months} MW-months sooner; tenant value {value}",
            mw_months = crate::format::grouped(b.mw_months_gained),
            value = money(b.tenant_value_gained_usd)
        )),
        note: if b.months_saved == 0 && baseline < r.derived.conversion_months {
            let sooner = years_months(r.derived.conversion_months - baseline);
            if baseline == 1 {
                t!(
                    "a 1-month greenfield build would deliver {time} sooner",
                    time = sooner
                )
            } else {
                t!(
                    "a {months}-month greenfield build would deliver {time} sooner",
                    months = baseline,
                    time = sooner
                )
            }
        } else if baseline == 1 {
            t!("against a 1-month greenfield build").to_owned()
        } else {
            t!(
                "against a {months}-month greenfield build",
                months = baseline
            )
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
        label: t!("Mining break-even energy price").to_owned(),
        value: dollars(r.mining_breakeven_usd_per_mwh, 2),
        unit: Some("/MWh".to_owned()),
        exact: Some(price_per_mwh_exact(r.mining_breakeven_usd_per_mwh)),
        note: t!(
            "today's hashprice against energy alone, before opex and halvings; power costs {price}",
            price = price_per_mwh(r.derived.energy_price_usd_per_mwh)
        ),
        tone: Tone::Neutral,
    }
}

/// Where the lead changes hands across energy prices. With one path ahead
/// at every price there is no crossover, and the card says which path.
fn crossover(r: &Evaluation) -> Kpi {
    let regimes = r.price_regimes();
    let label = t!("Crossover energy price").to_owned();
    let note = lead_in_words(&regimes);
    match regimes
        .first()
        .and_then(|first| first.to.map(|to| (first, to)))
    {
        Some((first, to)) => {
            let price = price_per_mwh_exact(to);
            Kpi {
                id: "crossover",
                label,
                value: dollars(to, 2),
                unit: Some("/MWh".to_owned()),
                exact: Some(if first.converting_ahead {
                    t!(
                        "{price}, to within $0.01: converting ahead below, mining above",
                        price = price
                    )
                } else {
                    t!(
                        "{price}, to within $0.01: mining ahead below, converting above",
                        price = price
                    )
                }),
                note,
                tone: Tone::Neutral,
            }
        }
        None => {
            let converting = regimes.first().is_some_and(|only| only.converting_ahead);
            Kpi {
                id: "crossover",
                label,
                value: t!("none").to_owned(),
                unit: None,
                exact: None,
                note: if note.is_empty() {
                    t!(
                        "no price up to {price} where the lead changes hands",
                        price = price_per_mwh(CROSSOVER_MAX)
                    )
                } else {
                    note
                },
                tone: if converting { Tone::Good } else { Tone::Bad },
            }
        }
    }
}

/// What a card's "?" says: what the figure is, how it is computed (one
/// line), and what it leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Help {
    pub what: &'static str,
    pub how: &'static str,
    pub leaves_out: &'static str,
}

/// The "?" of the card `id` (docs/MODEL.md, "Outputs"); `None` for an
/// unknown id.
pub fn help(id: &str) -> Option<Help> {
    let h = |what, how, leaves_out| {
        Some(Help {
            what,
            how,
            leaves_out,
        })
    };
    match id {
        "incremental-npv" => h(
            t!("What converting adds over keeping the whole site mining, in today's money."),
            t!("The convert path's NPV minus the keep-mining path's: each path's monthly cash after tax, discounted at the discount rate, the halls' value after the contract included."),
            t!("Debt (the project is valued unlevered: see Equity IRR) and outcomes other than the inputs: other prices, a delay, a tenant's default."),
        ),
        "incremental-irr" => h(
            t!("The yearly return on converting instead of mining."),
            t!("The rate at which the monthly difference between the two paths' after-tax cash has an NPV of zero, as a yearly rate."),
            t!("Debt (see Equity IRR); not defined when no rate, or more than one, makes that NPV zero."),
        ),
        "equity-irr" => h(
            t!("The yearly return on the owners' own money once part of the capex is borrowed."),
            t!("The same rate on the convert path's cash after debt draws and debt service, against keeping mining."),
            t!("Fees, covenants and refinancing; the lowest debt service cover is in the exact figure."),
        ),
        "payback" => h(
            t!("When converting has made up for what it gives up."),
            t!("The first month from which the running total of the two paths' difference in after-tax cash stays at or above zero."),
            t!("The time value of money (the discounted payback is in the exact figure)."),
        ),
        "breakeven-hashprice" => h(
            t!("The hashprice at which keeping the site mining would be worth as much as converting."),
            t!("Today's hashprice searched from $0 to $100,000/PH/day until the project NPV is zero; drift and halvings apply from it."),
            t!("Every other input stays as given, the energy price and the fleet included."),
        ),
        "breakeven-rate" => h(
            t!("The year-1 lease rate at which converting and mining are worth the same."),
            t!("The lease rate searched from $0 to $10,000/kW-month until the project NPV is zero; the escalator applies from it."),
            t!("Every other input stays as given; whether a tenant would pay it."),
        ),
        "breakeven-capex" => h(
            t!("The conversion cost per MW of critical IT at which converting and mining are worth the same."),
            t!("Capex per MW, before contingency, searched from $0 to $100M until the project NPV is zero."),
            t!("One-off site costs, the contingency and the tenant's share stay as given."),
        ),
        "value-per-mw" => h(
            t!("What the finished halls are worth above their cost, per MW of critical IT."),
            t!("A full year's NOI once leased divided by the exit cap rate, less the project cost (capex with contingency and site costs), per MW."),
            t!("Timing and tax: a value at completion, not an NPV; nothing without an exit cap rate."),
        ),
        "levelized-rent" => h(
            t!("The average rent per kW a month over the whole contract."),
            t!("All rent divided by all kW-months leased, escalators included: how the deals' implied rates are worked out."),
            t!("Discounting: a plain average, not a present value."),
        ),
        "contract-revenue" => h(
            t!("The rent the contract brings in, in total and in today's money (the rent NPV)."),
            t!("Rent per leased kW each month, escalated each contract year, summed; the rent NPV discounts it at the discount rate."),
            t!("Every cost, tax and energy: the rent NPV is revenue only, not the project NPV."),
        ),
        "months-saved" => h(
            t!("How much sooner the conversion delivers than a new data center would."),
            t!("The shortest greenfield build time minus the conversion time, in months (none when the conversion is slower)."),
            t!("Grid queues and permits beyond the build times given."),
        ),
        "mining-breakeven" => h(
            t!("The energy price at which today's hashprice just pays the fleet's power."),
            t!("Hashprice after the pool fee divided by the energy a PH/s uses in a day, at the fleet's efficiency and mining PUE."),
            t!("Opex, halvings, hashprice drift and uptime."),
        ),
        "crossover" => h(
            t!("The energy price at which the lead between converting and mining changes hands."),
            t!("Both paths recomputed at every $5 from $0 to $2,000/MWh, each change of lead narrowed to $0.01."),
            t!("Only the year-1 energy price moves; its escalator and every other input stay as given."),
        ),
        _ => None,
    }
}

/// One figure of the compact result bar (phones and upright tablets).
#[derive(Clone, Debug, PartialEq)]
pub struct BarFigure {
    /// The card it repeats.
    pub id: &'static str,
    pub label: &'static str,
    pub value: String,
    pub tone: Tone,
}

/// The result bar: the project NPV, IRR and payback, short enough to sit
/// side by side on a phone.
pub fn bar(r: &Evaluation, s: &Scenario) -> Vec<BarFigure> {
    let npv = incremental_npv(r, s);
    let irr = project_irr(r, s);
    let payback = match r.payback_month {
        Some(m) => match (m / 12, m % 12) {
            (0, m) => t!("{months} mo", months = m),
            (y, 0) => t!("{years} yr", years = y),
            (y, m) => t!("{years} yr {months} mo", years = y, months = m),
        },
        None => t!("none").to_owned(),
    };
    vec![
        BarFigure {
            id: npv.id,
            label: t!("Project NPV"),
            value: npv.value,
            tone: npv.tone,
        },
        BarFigure {
            id: irr.id,
            label: t!("IRR"),
            value: match r.incremental_irr_pct {
                Some(_) => irr.value,
                None => t!("none").to_owned(),
            },
            tone: irr.tone,
        },
        BarFigure {
            id: "payback",
            label: t!("Payback"),
            value: payback,
            tone: if r.payback_month.is_some() {
                Tone::Neutral
            } else {
                Tone::Bad
            },
        },
    ]
}

/// "What drives this": the assumptions that move the answer most and are
/// not among the inputs in view (the next halving and the hashprice drift,
/// the host's capex in dollars, the critical IT leased in MW), then what the
/// figures include. One short phrase each.
pub fn drivers(r: &Evaluation, s: &Scenario) -> Vec<String> {
    let halving = match s.mining.months_to_next_halving {
        Some(1) => t!("next halving in 1 month").to_owned(),
        Some(m) => t!("next halving in {months} months", months = m),
        None => t!("no halvings").to_owned(),
    };
    // What the figures take in, and what they leave out, as the model now
    // computes them: each as it is named when taken in, and when left out.
    let parts = [
        (
            s.tax.rate_pct > 0.0,
            t!("{rate} tax", rate = percent(s.tax.rate_pct)),
            t!("tax"),
        ),
        (
            s.terminal.exit_cap_rate_pct.is_some(),
            t!("value after the contract").to_owned(),
            t!("value after the contract"),
        ),
        (
            r.debt_usd.is_some(),
            t!("{share} debt", share = percent(s.finance.debt_pct_of_capex)),
            t!("debt"),
        ),
    ];
    let taken: Vec<&str> = parts.iter().filter(|p| p.0).map(|p| p.1.as_str()).collect();
    let left: Vec<&str> = parts.iter().filter(|p| !p.0).map(|p| p.2).collect();
    let includes = match (taken.is_empty(), left.is_empty()) {
        (false, true) => t!("includes {taken}", taken = taken.join(", ")),
        (true, _) => t!("leaves out {left}", left = left.join(", ")),
        (false, false) => t!(
            "includes {taken}; leaves out {left}",
            taken = taken.join(", "),
            left = left.join(", ")
        ),
    };
    vec![
        halving,
        t!(
            "hashprice drift {drift}/yr",
            drift = percent(s.mining.hashprice_drift_pct_per_year)
        ),
        t!(
            "host capex {capex}",
            capex = money(r.derived.host_capex_usd)
        ),
        t!(
            "{mw} of IT leased",
            mw = megawatts(r.derived.critical_it_mw)
        ),
        includes,
    ]
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

    #[test]
    fn every_card_explains_itself() -> TestResult {
        let mut scenarios: Vec<Scenario> = vec![Scenario::default(), v1_defaults()];
        scenarios.extend(crate::presets::all().into_iter().map(|p| p.scenario));
        for s in &scenarios {
            for k in cards(s)? {
                let h = help(k.id).ok_or(format!("{}: no help", k.id))?;
                for text in [h.what, h.how, h.leaves_out] {
                    assert!(text.len() > 20 && text.ends_with('.'), "{}: {text}", k.id);
                }
            }
        }
        assert_eq!(help("nothing"), None);
        Ok(())
    }

    #[test]
    fn the_two_npvs_have_their_own_names() -> TestResult {
        let s = Scenario::default();
        let project = card(&s, "incremental-npv")?;
        assert_eq!(project.label, PROJECT_NPV);
        let rent = card(&s, "contract-revenue")?;
        assert!(rent.note.starts_with("Rent NPV $"), "{}", rent.note);
        assert!(!rent.note.contains(PROJECT_NPV));
        for k in cards(&s)? {
            if k.id != "incremental-npv" && k.id != "contract-revenue" {
                assert!(!k.label.contains("NPV"), "{}", k.label);
            }
        }
        Ok(())
    }

    #[test]
    fn the_bar_repeats_the_cards_shortly() -> TestResult {
        let s = Scenario::default();
        let r = evaluate(&s)?;
        let b = bar(&r, &s);
        let ids: Vec<&str> = b.iter().map(|f| f.id).collect();
        assert_eq!(ids, ["incremental-npv", "incremental-irr", "payback"]);
        assert_eq!(b[0].value, card(&s, "incremental-npv")?.value);
        assert_eq!(b[1].value, card(&s, "incremental-irr")?.value);
        assert_eq!(b[2].value, "9 yr 10 mo");
        for f in &b {
            assert!(f.value.chars().count() <= 10, "{}", f.value);
        }
        let mut none = Scenario::default();
        none.contract.rate_usd_per_kw_month = 0.0;
        let r = evaluate(&none)?;
        let b = bar(&r, &none);
        assert_eq!((b[2].value.as_str(), b[2].tone), ("none", Tone::Bad));
        Ok(())
    }

    #[test]
    fn the_cards_speak_the_language_spoken() -> TestResult {
        use crate::lang::{load, Lang};
        load(
            Lang::PtBr,
            r#"{
                "/kW-month": "/kW-mês",
                "How robust is it?": "Quão robusto é?",
                "converting is ahead at every price from {low} to {high}": "a conversão está à frente a qualquer preço, de {low} a {high}",
                "next halving in {months} months": "próximo halving em {months} meses",
                "{amount}/PH/day": "{amount}/PH/dia"
            }"#,
        )
        .map_err(|e| e.to_string())?;
        let s = Scenario::default();
        let r = evaluate(&s)?;
        let rows = kpis(&r, &s);
        let all: Vec<&Kpi> = rows.iter().flat_map(|row| &row.cards).collect();
        let find = |id: &str| all.iter().find(|k| k.id == id).copied();
        let rate = find("breakeven-rate").ok_or("no rate card")?.clone();
        let hashprice = find("breakeven-hashprice")
            .ok_or("no hashprice card")?
            .clone();
        let crossover = find("crossover").ok_or("no crossover card")?.clone();
        let title = rows[1].title;
        let halving = drivers(&r, &s)[0].clone();
        load(Lang::En, "").map_err(|e| e.to_string())?;
        assert_eq!(title, "Quão robusto é?");
        assert_eq!(rate.unit.as_deref(), Some("/kW-mês"));
        assert!(
            hashprice.note.contains("/PH/dia") && hashprice.note.contains("US$\u{a0}"),
            "{}",
            hashprice.note
        );
        if r.energy_advantage_changes.is_empty() {
            assert_eq!(
                crossover.note,
                "a conversão está à frente a qualquer preço, de US$\u{a0}0 a US$\u{a0}2.000/MWh"
            );
        }
        assert_eq!(halving, "próximo halving em 16 meses");
        // English again.
        assert_eq!(kpis(&r, &s)[1].title, "How robust is it?");
        Ok(())
    }

    #[test]
    fn what_drives_this_names_what_is_out_of_view() -> TestResult {
        let s = Scenario::default();
        let r = evaluate(&s)?;
        let d = drivers(&r, &s);
        assert_eq!(d[0], "next halving in 16 months");
        assert_eq!(d[1], "hashprice drift \u{2212}10.0 %/yr");
        assert_eq!(
            d[2],
            format!("host capex {}", money(r.derived.host_capex_usd))
        );
        assert_eq!(d[3], "74.1 MW of IT leased");
        assert_eq!(
            d[4],
            "includes 25.0 % tax, value after the contract, 60.0 % debt"
        );
        let v1 = v1_defaults();
        let r = evaluate(&v1)?;
        let d = drivers(&r, &v1);
        assert_eq!(d[4], "leaves out tax, value after the contract, debt");
        let mut some = Scenario::default();
        some.finance.debt_pct_of_capex = 0.0;
        let r = evaluate(&some)?;
        assert_eq!(
            drivers(&r, &some)[4],
            "includes 25.0 % tax, value after the contract; leaves out debt"
        );
        let mut s = Scenario::default();
        s.mining.months_to_next_halving = None;
        s.hpc.critical_it_mw = Some(60.0);
        let r = evaluate(&s)?;
        let d = drivers(&r, &s);
        assert_eq!(
            (d[0].as_str(), d[3].as_str()),
            ("no halvings", "60 MW of IT leased")
        );
        Ok(())
    }
}
