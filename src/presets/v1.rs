//! The presets as version 1 had them, frozen: a version-1 link or saved
//! form that names a preset opens it as it was then, with version 1's
//! figures (docs/MODEL.md, "Versions and old files"). Never edit them.

use super::{Kind, Preset};
use crate::model::version::{set_v1_pue, v1_defaults};

/// Every preset, the generic site first.
pub fn all() -> Vec<Preset> {
    vec![generic(), core_scientific(), terawulf(), cipher(), hut8()]
}

/// The preset with this id.
pub fn by_id(id: &str) -> Option<Preset> {
    all().into_iter().find(|p| p.id == id)
}

fn generic() -> Preset {
    Preset {
        id: "generic",
        name: t!("Generic 100 MW site"),
        source: t!("Repower defaults, from the industry figures in the help texts"),
        date: "2025",
        note: t!(
            "100 MW of grid power, $45/MWh, $140/kW-month for 12 years, power passed through."
        ),
        kind: Kind::Generic,
        scenario: v1_defaults(),
        reported_total_usd: None,
        total_tolerance_pct: 0.0,
    }
}

fn core_scientific() -> Preset {
    let mut s = v1_defaults();
    s.site.grid_capacity_mw = 390.0;
    s.hpc.critical_it_mw = Some(270.0);
    set_v1_pue(&mut s, 1.43);
    s.hpc.conversion_months = 12;
    s.hpc.ramp_months = 0;
    s.hpc.capex_usd_per_mw = 1_500_000.0;
    s.contract.term_years = 12;
    s.contract.rate_usd_per_kw_month = 121.0;
    s.contract.escalator_pct_per_year = 0.0;
    s.contract.power_pass_through = true;
    Preset {
        id: "core-scientific-coreweave",
        name: "Core Scientific–CoreWeave",
        source: t!("Core Scientific / CoreWeave announcement, investing.com; SEC 8-K exhibit (Oct 2024)"),
        date: t!("June 2024"),
        note: t!("270 MW of critical IT (200 MW + 70 MW option), about $4.7B over 12 years (≈$121/kW-month), \
               power passed through; 100 MW of grid gives ≈70 MW of IT (ratio 1.43). Host capex ≈$1.5M/MW \
               (tenant-funded build, secondary source). Billed in full from first delivery, as the $4.7B total implies: $4.70B of contract revenue."),
        kind: Kind::Retrofit,
        scenario: s,
        reported_total_usd: None,
        total_tolerance_pct: 0.0,
    }
}

fn terawulf() -> Preset {
    let mut s = v1_defaults();
    s.site.grid_capacity_mw = 72.5;
    s.hpc.critical_it_mw = Some(60.0);
    set_v1_pue(&mut s, 1.2);
    s.hpc.conversion_months = 11;
    s.hpc.capex_usd_per_mw = 7_000_000.0;
    s.contract.term_years = 10;
    s.contract.rate_usd_per_kw_month = 125.0;
    s.contract.escalator_pct_per_year = 3.0;
    s.contract.power_pass_through = false;
    Preset {
        id: "terawulf-core42",
        name: "TeraWulf–Core42, Lake Mariner",
        source: t!("TeraWulf investor materials, as reported by newprojectmedia.com"),
        date: "2024",
        note: t!("60 MW of critical IT on 72.5 MW gross, $1.5M per MW-year (≈$125/kW-month) with a 3 % \
               escalator, 10 years, capex $6-8M per MW; the host pays the power; revenue from about 11 \
               months after signing. With the default 12-month ramp to full capacity: $990M of contract revenue."),
        kind: Kind::Retrofit,
        scenario: s,
        reported_total_usd: None,
        total_tolerance_pct: 0.0,
    }
}

fn cipher() -> Preset {
    let mut s = v1_defaults();
    s.site.grid_capacity_mw = 244.0;
    s.hpc.critical_it_mw = Some(168.0);
    set_v1_pue(&mut s, 1.45);
    s.hpc.conversion_months = 12;
    s.hpc.capex_usd_per_mw = 10_000_000.0;
    s.contract.term_years = 10;
    s.contract.rate_usd_per_kw_month = 149.0;
    s.contract.escalator_pct_per_year = 0.0;
    s.contract.power_pass_through = true;
    Preset {
        id: "cipher-fluidstack",
        name: "Cipher–Fluidstack, Barber Lake",
        source: "blockworks.co",
        date: t!("September 2025"),
        note: t!("168 MW of critical IT on 244 MW gross, about $3B over 10 years (≈$149/kW-month, flat), \
               capex $9-11M per MW, about 12 months from signing to delivery; modified-gross lease \
               modelled as power passed through. With the default 12-month ramp to full capacity: \
               $2.87B of contract revenue."),
        kind: Kind::PoweredSite,
        scenario: s,
        reported_total_usd: None,
        total_tolerance_pct: 0.0,
    }
}

fn hut8() -> Preset {
    let mut s = v1_defaults();
    s.site.grid_capacity_mw = 330.0;
    s.hpc.critical_it_mw = Some(245.0);
    set_v1_pue(&mut s, 1.34);
    s.hpc.conversion_months = 17;
    s.hpc.capex_usd_per_mw = 10_000_000.0;
    s.contract.term_years = 15;
    s.contract.rate_usd_per_kw_month = 159.0;
    s.contract.escalator_pct_per_year = 0.0;
    s.contract.power_pass_through = true;
    Preset {
        id: "hut8-fluidstack",
        name: "Hut 8–Fluidstack, River Bend",
        source: "dcpulse.com",
        date: t!("December 2025"),
        note: t!(
            "245 MW of critical IT on about 330 MW gross, $7.0B over 15 years (≈$159/kW-month), \
               triple net (power passed through), about 17 months to first delivery; capex not \
               disclosed, $10M per MW assumed. With the default 12-month ramp to full capacity: \
               $6.80B of contract revenue."
        ),
        kind: Kind::PoweredSite,
        scenario: s,
        reported_total_usd: None,
        total_tolerance_pct: 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_scientific_reproduces_the_reported_contract_value(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let p = by_id("core-scientific-coreweave").ok_or("no preset")?;
        let r = crate::model::evaluate(&p.scenario)?;
        // 270 MW × $121/kW-month × 144 months ≈ $4.70B, as reported.
        assert!(
            (r.contract_total_revenue_usd - 4.7e9).abs() < 0.01e9,
            "{}",
            r.contract_total_revenue_usd
        );
        Ok(())
    }

    /// A deal's reported value and the modelled total differ when the preset
    /// assumes a ramp; the note must give the modelled total, so the card
    /// and the note never seem to disagree.
    #[test]
    fn every_deal_note_states_the_modelled_total() -> Result<(), Box<dyn std::error::Error>> {
        for p in all().iter().skip(1) {
            let r = crate::model::evaluate(&p.scenario)?;
            let total = crate::format::money(r.contract_total_revenue_usd);
            assert!(
                p.note.contains(&format!("{total} of contract revenue")),
                "{}: modelled {total}; note: {}",
                p.id,
                p.note
            );
        }
        Ok(())
    }

    #[test]
    fn every_preset_is_valid_and_ids_are_unique() {
        let presets = all();
        for p in &presets {
            assert!(
                p.scenario.validate().is_ok(),
                "{}: {:?}",
                p.id,
                p.scenario.validate()
            );
            assert_eq!(presets.iter().filter(|q| q.id == p.id).count(), 1);
        }
        assert_eq!(presets[0].scenario, v1_defaults());
    }
}
