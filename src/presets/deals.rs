//! Scenarios built from public mining-to-HPC deals (version 2).
//!
//! Each starts from the generic site ([`Scenario::default`]) and changes
//! only what its deal disclosed, or what follows from it; `note` says what
//! was assumed, and states the modelled contract total so the page and the
//! note never seem to disagree.
//!
//! Rates: where a source gives only a total (an "implied" average over the
//! term, escalators included) and the generic 3 % escalator is kept, year 1
//! is the average divided by that escalator's mean over the term,
//! `((1.03)^years - 1) / (0.03 × years)`: 1.146 over 10 years, 1.183 over 12,
//! 1.240 over 15. The model steps the rate by contract year from the first
//! delivery, so tranches delivered during a ramp start at a later year's
//! rate: a 12-month ramp adds about 1.4 % to the total; each preset's
//! tolerance allows for it.

use super::{Kind, Preset};
use crate::model::scenario::Scenario;

/// The deal presets, in the picker's order.
pub fn all() -> Vec<Preset> {
    vec![
        core_scientific_coreweave(),
        terawulf_core42(),
        terawulf_fluidstack(),
        cipher_fluidstack(),
        hut8_fluidstack(),
        galaxy_helios_coreweave(),
        riot_amd(),
    ]
}

/// A powered site has no fleet: nothing hashes, nothing is sold, nothing is
/// retired and no mining opex is paid. "Keep mining" is then the site left
/// as it is, earning nothing, and the incremental figures are those of the
/// hosting project alone.
fn without_fleet(s: &mut Scenario) {
    s.mining.uptime_pct = 0.0;
    s.mining.fleet_resale_usd_per_th = 0.0;
    s.mining.opex_usd_per_mw_month = 0.0;
    s.mining.retire_when_unprofitable = false;
}

fn core_scientific_coreweave() -> Preset {
    let mut s = Scenario::default();
    let it = 270.0;
    s.hpc.critical_it_mw = Some(it);
    s.hpc.design_pue = 1.43;
    s.site.grid_capacity_mw = it * 1.43;
    s.hpc.conversion_months = 12;
    s.hpc.tenant_capex_share_pct = 80.0;
    s.contract.term_years = 12;
    s.contract.rate_usd_per_kw_month = 102.0;
    s.contract.power_pass_through = true;
    Preset {
        id: "core-scientific-coreweave",
        name: "Core Scientific–CoreWeave",
        source: t!(
            "Investing.com, \"Core Scientific secures $4.7 billion in HPC hosting deals\" \
                 (June 2024); Core Scientific SEC 8-K exhibit (22 October 2024); Core Scientific \
                 10-Q filings (Q2 and Q3 2025); CNBC (2025)"
        ),
        date: t!("June 2024"),
        note: t!(
            "The June 2024 tranche: 200 MW of critical IT plus a 70 MW option, 270 MW leased \
               for 12 years (renewal options 2 × 5 years) for about $4.7B ($3.5B + $1.2B), \
               ≈$121/kW-month on average; power passed through, take-or-pay. No escalator is \
               disclosed: the generic 3 % a year is kept and year 1 set at $102, the average ÷ \
               1.183. Grid-to-IT ratio 1.43 as at Muskogee (100 MW gross for 70 MW of IT), so \
               386.1 MW of grid. CoreWeave paid most of the build ($90M of $121M in Q2 2025, \
               $196M of $245M in Q3 2025): the tenant's share of capex is set at 80 %; capex \
               per MW is not disclosed, the generic $9.5M plus 10 % contingency is kept. About 12 \
               months to the first 8 MW (Denton, May 2025). Deliveries are staged and their \
               schedule not disclosed: the generic 12-month ramp, each tranche leased 12 years \
               from its delivery (155 contract months). Modelled: $4.75B of contract revenue, \
               1.2 % above the reported total (tolerance 3 %: the total is rounded to $0.1B and \
               the ramp adds ≈1.4 %). With every option CoreWeave went on to lease ≈590 MW over \
               six sites for ≈$10.2B (≈$120 implied; ≈500 MW and ≈$8.7B by October 2024). \
               CoreWeave's $9B all-stock takeover offer (July 2025) was rejected by Core \
               Scientific's shareholders on 30 October 2025; the leases continue."
        ),
        kind: Kind::Retrofit,
        scenario: s,
        reported_total_usd: Some(4.7e9),
        total_tolerance_pct: 3.0,
    }
}

fn terawulf_core42() -> Preset {
    let mut s = Scenario::default();
    let it = 60.0;
    s.hpc.critical_it_mw = Some(it);
    s.hpc.design_pue = 1.21;
    s.site.grid_capacity_mw = it * 1.21;
    s.hpc.operating_pue = 1.25;
    s.hpc.conversion_months = 7;
    s.hpc.capex_usd_per_mw = 7_000_000.0;
    s.contract.term_years = 10;
    s.contract.rate_usd_per_kw_month = 125.0;
    s.contract.escalator_pct_per_year = 3.0;
    s.contract.power_pass_through = false;
    Preset {
        id: "terawulf-core42",
        name: "TeraWulf–Core42, Lake Mariner",
        source: t!("Newprojectmedia.com; theminermag.com (23 December 2024)"),
        date: t!("December 2024"),
        note: t!("60 MW of critical IT on 72.5 MW gross (grid-to-IT 1.21: the site modelled as 60 × 1.21 = 72.6 MW), \
               operating PUE 1.25; the host pays the power (no pass-through). $1.5M per MW-year, \
               i.e. $125/kW-month in year 1, rising 3 % a year, for 10 years (renewal options \
               2 × 5 years). Capex $6–8M per MW: $7M taken, plus the generic 10 % contingency. \
               First revenue about 7 months after signing (July 2025). Delivery schedule not \
               disclosed: the generic 12-month ramp, each tranche leased 10 years from its \
               delivery. The sources give the rate, not a contract total, so there is no \
               reported total to compare with (tolerance 0). Modelled: $1.05B of contract \
               revenue."),
        kind: Kind::Retrofit,
        scenario: s,
        reported_total_usd: None,
        total_tolerance_pct: 0.0,
    }
}

fn terawulf_fluidstack() -> Preset {
    let mut s = Scenario::default();
    let it = 200.0;
    s.hpc.critical_it_mw = Some(it);
    s.site.grid_capacity_mw = it * s.hpc.design_pue;
    s.hpc.conversion_months = 10;
    s.hpc.capex_usd_per_mw = 9_000_000.0;
    s.contract.term_years = 10;
    s.contract.rate_usd_per_kw_month = 134.0;
    s.contract.escalator_pct_per_year = 3.0;
    s.contract.power_pass_through = true;
    Preset {
        id: "terawulf-fluidstack",
        name: "TeraWulf–Fluidstack, Lake Mariner",
        source: t!("Blockspace.media (August 2025)"),
        date: t!("August 2025"),
        note: t!(
            "Lake Mariner buildings CB-3, CB-4 and CB-5: over 200 MW of critical IT (200 \
               taken), 10 years (renewal options 2 × 5 years), $3.7B, ≈$155/kW-month on \
               average; later extended to ≈360 MW and ≈$6.7B. Modified gross with yearly \
               escalators whose rate is not disclosed: 3 % assumed, year 1 derived from the \
               average as $134 (the average ÷ 1.146); power modelled as passed through; a Google \
               backstop of ≈$3.2B. Capex $8–10M per MW: $9M taken, \
               plus the generic 10 % contingency. 40 MW in the first half of 2026: about 10 \
               months from signing to the first delivery, then the generic 12-month ramp, each \
               tranche leased 10 years from its delivery. Grid-to-IT ratio not disclosed: the \
               generic 1.35, so 270 MW of grid. Modelled: $3.74B of contract revenue, 1.0 % \
               above the reported total (tolerance 3 %: the total is rounded to $0.1B, the ramp \
               adds ≈1.4 % and the figures are worked on 200 MW where the deal says over 200)."
        ),
        kind: Kind::Retrofit,
        scenario: s,
        reported_total_usd: Some(3.7e9),
        total_tolerance_pct: 3.0,
    }
}

fn cipher_fluidstack() -> Preset {
    let mut s = Scenario::default();
    let it = 168.0;
    s.hpc.critical_it_mw = Some(it);
    s.hpc.design_pue = 1.45;
    s.site.grid_capacity_mw = it * 1.45;
    s.hpc.conversion_months = 12;
    s.hpc.capex_usd_per_mw = 10_000_000.0;
    s.contract.term_years = 10;
    s.contract.rate_usd_per_kw_month = 130.0;
    s.contract.escalator_pct_per_year = 3.0;
    s.contract.power_pass_through = true;
    without_fleet(&mut s);
    Preset {
        id: "cipher-fluidstack",
        name: "Cipher–Fluidstack, Barber Lake",
        source: t!("Blockworks.co (September 2025)"),
        date: t!("September 2025"),
        note: t!("A powered site, not yet mining: 168 MW of critical IT on 244 MW gross \
               (grid-to-IT 1.45: the site modelled as 168 × 1.45 = 243.6 MW), 10 years (renewal options 2 × 5 years), \
               ≈$3B, ≈$149/kW-month on average. Modified gross with yearly escalators whose \
               rate is not disclosed: 3 % assumed, year 1 derived from the average as $130 (the \
               average ÷ 1.146); power modelled as passed through; a Google backstop of $1.4B. \
               Capex $9–11M per MW: $10M taken, plus the generic 10 % contingency. About 12 \
               months to delivery (September 2026), then the generic 12-month ramp, each tranche \
               leased 10 years from its delivery. The site has no fleet to give up: nothing \
               hashes (uptime 0 %), there are no machines to sell ($0/TH), no mining opex and \
               nothing to retire, so keeping mining means leaving the site as it is, earning \
               nothing, and the incremental figures are those of the hosting project alone. \
               Modelled: $3.05B of contract revenue, 1.5 % above the reported total (tolerance \
               5 %: \"≈$3B\" is a round figure, the escalator is assumed and the ramp adds \
               ≈1.4 %)."),
        kind: Kind::PoweredSite,
        scenario: s,
        reported_total_usd: Some(3.0e9),
        total_tolerance_pct: 5.0,
    }
}

fn hut8_fluidstack() -> Preset {
    let mut s = Scenario::default();
    let it = 245.0;
    s.hpc.critical_it_mw = Some(it);
    s.hpc.design_pue = 1.35;
    s.site.grid_capacity_mw = it * 1.35;
    s.hpc.conversion_months = 18;
    s.hpc.capex_usd_per_mw = 10_000_000.0;
    s.contract.term_years = 15;
    s.contract.rate_usd_per_kw_month = 128.0;
    s.contract.escalator_pct_per_year = 3.0;
    s.contract.power_pass_through = true;
    without_fleet(&mut s);
    Preset {
        id: "hut8-fluidstack",
        name: "Hut 8–Fluidstack, River Bend",
        source: t!("Dcpulse.com; newprojectmedia.com (17 December 2025)"),
        date: t!("December 2025"),
        note:
            t!("A powered site, a new build, leased to Fluidstack for Anthropic: 245 MW of critical \
               IT on about 330 MW gross (grid-to-IT 1.35: the site modelled as 245 × 1.35 = 330.75 MW), 15 years, $7.0B \
               (≈$159/kW-month on average): ≈$128 in year 1 rising 3 % a year. Triple net with a \
               Google backstop, modelled as power passed through; the host's other opex keeps the \
               generic $24,000 per MW-month, a cautious choice since a triple-net tenant bears \
               more of it. Capex $9–11M per MW: $10M taken, plus the generic 10 % contingency. \
               About 18 months to the first delivery (Q2 2027), then the generic 12-month ramp, \
               each tranche leased 15 years from its delivery. The site has no fleet to give up: \
               nothing hashes (uptime 0 %), there are no machines to sell ($0/TH), no mining opex \
               and nothing to retire, so keeping mining means leaving the site as it is, earning \
               nothing, and the incremental figures are those of the hosting project alone. \
               Modelled: $7.10B of contract revenue, 1.4 % above the reported total (tolerance 3 \
               %: the ramp adds ≈1.4 % and the total is rounded to $0.1B)."),
        kind: Kind::PoweredSite,
        scenario: s,
        reported_total_usd: Some(7.0e9),
        total_tolerance_pct: 3.0,
    }
}

fn galaxy_helios_coreweave() -> Preset {
    let mut s = Scenario::default();
    let it = 526.0;
    s.hpc.critical_it_mw = Some(it);
    s.hpc.design_pue = 1.52;
    s.site.grid_capacity_mw = it * 1.52;
    s.contract.term_years = 15;
    s.contract.rate_usd_per_kw_month = 128.0;
    s.contract.escalator_pct_per_year = 3.0;
    s.contract.power_pass_through = true;
    s.finance.debt_pct_of_capex = 80.0;
    Preset {
        id: "galaxy-helios-coreweave",
        name: "Galaxy Helios–CoreWeave",
        source: t!("Stocktitan.net (August 2025)"),
        date: "2025",
        note: t!("About 526 MW of critical IT on 800 MW gross (grid-to-IT 1.52: the site modelled as \
               526 × 1.52 = 799.52 MW), 15 years, ≈$15B (over $1B a year), ≈$158/kW-month on average; a powered \
               shell, modelled with power passed through; how much of the fit-out the tenant pays \
               is not disclosed, so the host is taken to fund it all. No escalator is disclosed: \
               the generic 3 % a year is kept and year 1 set at $128, the average ÷ 1.240. Phase I \
               was funded by a $1.4B loan, 80 % of its cost, plus $350M of equity: debt is set at \
               80 % of capex, at the generic 8 % over 10 years. Capex per MW is not disclosed: the \
               generic $9.5M plus 10 % contingency is kept. The first 133 MW in the first half of \
               2026; signing-to-delivery and the ramp are not disclosed: the generic 12 months \
               each, each tranche leased 15 years from its delivery. The keep-mining path mines \
               all 800 MW with the generic fleet; the source does not say how much of that power \
               Helios mined with. Modelled: $15.2B of contract revenue, 1.6 % above the reported \
               total (tolerance 5 %: the total is rounded to $1B, the escalator is assumed and the \
               ramp adds ≈1.4 %)."),
        kind: Kind::Retrofit,
        scenario: s,
        reported_total_usd: Some(15.0e9),
        total_tolerance_pct: 5.0,
    }
}

fn riot_amd() -> Preset {
    let mut s = Scenario::default();
    let it = 25.0;
    s.hpc.critical_it_mw = Some(it);
    s.site.grid_capacity_mw = it * s.hpc.design_pue;
    s.hpc.conversion_months = 0;
    s.hpc.ramp_months = 5;
    s.hpc.capex_usd_per_mw = 3_600_000.0;
    s.contract.term_years = 10;
    s.contract.rate_usd_per_kw_month = 90.0;
    s.contract.escalator_pct_per_year = 3.0;
    s.contract.power_pass_through = true;
    Preset {
        id: "riot-amd-rockdale",
        name: "Riot–AMD, Rockdale",
        source: t!("Riot Platforms Form 8-K (16 January 2026)"),
        date: t!("January 2026"),
        note: t!(
            "Existing mining buildings at Rockdale converted for AMD: 25 MW of critical IT \
               (option to 200 MW), 10 years, $311M, ≈$104/kW-month on average. Neither an \
               escalator nor the power terms are disclosed: the generic 3 % a year and power \
               passed through are kept, and year 1 set at $90, the average ÷ 1.146. Capex $3.6M \
               per MW (the buildings exist), plus the generic 10 % contingency. Delivered 0–4 \
               months after signing: the first tranche at signing (0 months of conversion) and \
               the last in month 4 (a 5-month ramp), each tranche leased 10 years from its \
               delivery. Grid-to-IT ratio not disclosed: the generic 1.35, so 33.75 MW of grid, \
               the part of Rockdale converted; the rest of the site mines the same on both paths \
               and is left out. Modelled: $311M of contract revenue, within 0.1 % of the \
               reported total (tolerance 1 %: the total is reported to the million and the rate \
               rounded to a whole dollar)."
        ),
        kind: Kind::Retrofit,
        scenario: s,
        reported_total_usd: Some(311e6),
        total_tolerance_pct: 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::money;
    use crate::model::evaluate;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn every_preset_validates_and_evaluates() -> TestResult {
        for p in crate::presets::all() {
            p.scenario
                .validate()
                .map_err(|e| format!("{}: {e:?}", p.id))?;
            evaluate(&p.scenario).map_err(|e| format!("{}: {e:?}", p.id))?;
        }
        Ok(())
    }

    #[test]
    fn ids_are_unique_and_in_the_pickers_order() {
        let presets = crate::presets::all();
        for p in &presets {
            assert_eq!(
                presets.iter().filter(|q| q.id == p.id).count(),
                1,
                "{}",
                p.id
            );
        }
        let ids: Vec<&str> = all().iter().map(|p| p.id).collect();
        assert_eq!(
            ids,
            [
                "core-scientific-coreweave",
                "terawulf-core42",
                "terawulf-fluidstack",
                "cipher-fluidstack",
                "hut8-fluidstack",
                "galaxy-helios-coreweave",
                "riot-amd-rockdale",
            ]
        );
    }

    #[test]
    fn every_deal_is_a_retrofit_or_a_powered_site() {
        for p in all() {
            assert!(
                matches!(p.kind, Kind::Retrofit | Kind::PoweredSite),
                "{}: {:?}",
                p.id,
                p.kind
            );
        }
    }

    #[test]
    fn every_modelled_total_is_within_its_tolerance_of_the_reported_total() -> TestResult {
        for p in all() {
            let total = evaluate(&p.scenario)?.contract_total_revenue_usd;
            match p.reported_total_usd {
                Some(reported) => {
                    assert!(p.total_tolerance_pct > 0.0, "{}", p.id);
                    let off = (total / reported - 1.0).abs() * 100.0;
                    assert!(
                        off <= p.total_tolerance_pct,
                        "{}: modelled {}, reported {}, {off:.2} % off, tolerance {} %",
                        p.id,
                        money(total),
                        money(reported),
                        p.total_tolerance_pct
                    );
                }
                None => assert_eq!(p.total_tolerance_pct, 0.0, "{}", p.id),
            }
        }
        Ok(())
    }

    /// The page shows the modelled total; the note must give the same.
    #[test]
    fn every_deal_note_states_the_modelled_total() -> TestResult {
        for p in all() {
            let total = evaluate(&p.scenario)?.contract_total_revenue_usd;
            let said = format!("{} of contract revenue", money(total));
            assert!(p.note.contains(&said), "{}: {said}; note: {}", p.id, p.note);
        }
        Ok(())
    }

    /// The note gives how far the model is from the reported total, and the
    /// tolerance it is held to.
    #[test]
    fn every_deal_note_states_the_gap_and_the_tolerance() -> TestResult {
        for p in all() {
            let total = evaluate(&p.scenario)?.contract_total_revenue_usd;
            let Some(reported) = p.reported_total_usd else {
                assert!(p.note.contains("(tolerance 0)"), "{}", p.id);
                continue;
            };
            let off = (total / reported - 1.0) * 100.0;
            let said = if off.abs() < 0.05 {
                "within 0.1 % of the reported total".to_owned()
            } else if off > 0.0 {
                format!("{off:.1} % above the reported total")
            } else {
                format!("{:.1} % below the reported total", -off)
            };
            assert!(p.note.contains(&said), "{}: {said}", p.id);
            let tolerance = format!("(tolerance {} %", p.total_tolerance_pct);
            assert!(p.note.contains(&tolerance), "{}: {tolerance}", p.id);
        }
        Ok(())
    }

    /// Where year 1 is derived from an implied average, it is that average
    /// divided by the escalator's mean over the term, to the dollar.
    #[test]
    fn derived_year_one_rates_match_the_implied_averages() -> TestResult {
        for p in all() {
            let Some(reported) = p.reported_total_usd else {
                continue;
            };
            let c = &p.scenario.contract;
            let it_kw = p.scenario.critical_it_mw() * 1000.0;
            let months = f64::from(c.term_years) * 12.0;
            let average = reported / it_kw / months;
            let g = c.escalator_pct_per_year / 100.0;
            let years = f64::from(c.term_years);
            let mean = ((1.0 + g).powf(years) - 1.0) / (g * years);
            let year_one = average / mean;
            assert!(
                (c.rate_usd_per_kw_month - year_one).abs() <= 0.5,
                "{}: year 1 {} for {year_one:.2}",
                p.id,
                c.rate_usd_per_kw_month
            );
        }
        Ok(())
    }

    #[test]
    fn terawulf_core42_bills_one_and_a_half_million_per_mw_year() -> TestResult {
        let p = all()
            .into_iter()
            .find(|p| p.id == "terawulf-core42")
            .ok_or("no preset")?;
        let per_mw_year = p.scenario.contract.rate_usd_per_kw_month * 1000.0 * 12.0;
        assert_eq!(per_mw_year, 1_500_000.0);
        assert!(!p.scenario.contract.power_pass_through);
        Ok(())
    }

    /// The modelled site is the halls' reservation: grid = IT × design PUE.
    #[test]
    fn every_deal_site_is_its_halls_reservation() {
        for p in all() {
            let s = &p.scenario;
            let reserved = s.critical_it_mw() * s.hpc.design_pue;
            assert!(
                (reserved / s.site.grid_capacity_mw - 1.0).abs() < 1e-12,
                "{}: {reserved} of {}",
                p.id,
                s.site.grid_capacity_mw
            );
        }
    }

    /// A powered site has no fleet: keeping mining earns nothing and retires
    /// nothing. A retrofit gives up a fleet that mines and sells.
    #[test]
    fn only_retrofits_have_a_fleet_to_give_up() -> TestResult {
        for p in all() {
            let r = evaluate(&p.scenario)?;
            match p.kind {
                Kind::PoweredSite => {
                    assert_eq!(r.keep_mining_npv_usd, 0.0, "{}", p.id);
                    assert_eq!(r.mining_retirement_month, None, "{}", p.id);
                    assert!(p.note.contains("no fleet to give up"), "{}", p.id);
                }
                _ => {
                    assert!(r.keep_mining_npv_usd > 0.0, "{}", p.id);
                    assert!(p.scenario.mining.fleet_resale_usd_per_th > 0.0, "{}", p.id);
                }
            }
        }
        Ok(())
    }
}
