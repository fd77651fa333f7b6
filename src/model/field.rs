//! The catalogue of inputs: one [`Field`] per value a person can set, with
//! its dotted path, valid range, unit, plain name and help text.
//!
//! This is the one place that knows how a field is read from text (a form
//! input, a URL) and written back, and which rule it must meet. The web form,
//! the validation and the error messages all come from it, so they cannot
//! disagree.

use super::error::ScenarioError;
use super::number::{
    decimal_hint, english_marks, is_blank, language_marks, looks_grouped, read_english,
};
pub use super::number::{form_number, read_number, reads_on, NumberSyntax};
use super::scenario::Scenario;

// The catalogue's one table: each field's variant, the kind of value it
// holds and where that value lives in a [`Scenario`]. The enum, `ALL`, the
// kind and the typed `get`/`set` are generated from it, so they cannot
// disagree; `spec` (label, unit, help, rule) is an exhaustive match beside it.
macro_rules! fields {
    ($($variant:ident: $value:ident => $($part:ident).+;)+) => {
        /// One input of the model.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($variant,)+
        }

        impl Field {
            /// Every field, in the order of the scenario format.
            pub const ALL: &'static [Field] = &[$(Field::$variant,)+];

            /// How the field is typed in a form.
            pub fn kind(self) -> Kind {
                match self {
                    $(Field::$variant => Value::$value(Default::default()).kind(),)+
                }
            }

            pub(crate) fn get(self, s: &Scenario) -> Value {
                match self {
                    $(Field::$variant => Value::$value(s.$($part).+.clone()),)+
                }
            }

            /// Stores `v`; a value of another kind than the field's is refused.
            pub(crate) fn set(self, s: &mut Scenario, v: Value) -> Result<(), KindMismatch> {
                match (self, v) {
                    $((Field::$variant, Value::$value(x)) => s.$($part).+ = x,)+
                    (field, _) => return Err(KindMismatch(field)),
                }
                Ok(())
            }
        }
    };
}

fields! {
    SiteGridCapacity: Number => site.grid_capacity_mw;
    SiteEnergyPrice: Number => site.energy_price_usd_per_mwh;
    SiteEnergyEscalator: Number => site.energy_escalator_pct_per_year;
    MiningEfficiency: Number => mining.efficiency_j_per_th;
    MiningPue: Number => mining.pue;
    MiningUptime: Number => mining.uptime_pct;
    MiningHashprice: Number => mining.hashprice_usd_per_ph_day;
    MiningHashpriceDrift: Number => mining.hashprice_drift_pct_per_year;
    MiningHalving: OptWhole => mining.months_to_next_halving;
    MiningPoolFee: Number => mining.pool_fee_pct;
    MiningOpex: Number => mining.opex_usd_per_mw_month;
    MiningOpexEscalator: Number => mining.opex_escalator_pct_per_year;
    MiningCurtail: Bool => mining.curtail_when_unprofitable;
    MiningRetire: Bool => mining.retire_when_unprofitable;
    MiningFleetResale: Number => mining.fleet_resale_usd_per_th;
    MiningFleetResaleDecline: Number => mining.fleet_resale_decline_pct_per_year;
    HpcCriticalIt: OptNumber => hpc.critical_it_mw;
    HpcDesignPue: Number => hpc.design_pue;
    HpcOperatingPue: Number => hpc.operating_pue;
    HpcConversionMonths: Whole => hpc.conversion_months;
    HpcRampMonths: Whole => hpc.ramp_months;
    HpcCapex: Number => hpc.capex_usd_per_mw;
    HpcCapexContingency: Number => hpc.capex_contingency_pct;
    HpcSiteCapex: Number => hpc.site_capex_usd;
    HpcTenantCapexShare: Number => hpc.tenant_capex_share_pct;
    HpcOpex: Number => hpc.opex_usd_per_mw_month;
    HpcOpexEscalator: Number => hpc.opex_escalator_pct_per_year;
    HpcUtilization: Number => hpc.utilization_pct;
    ContractTerm: Whole => contract.term_years;
    ContractRate: Number => contract.rate_usd_per_kw_month;
    ContractEscalator: Number => contract.escalator_pct_per_year;
    ContractPassThrough: Bool => contract.power_pass_through;
    ContractTermPerTranche: Bool => contract.term_per_tranche;
    TerminalExitCap: OptNumber => terminal.exit_cap_rate_pct;
    TerminalRenewal: Number => terminal.renewal_probability_pct;
    TerminalDowntime: Whole => terminal.downtime_months;
    TerminalRefit: Number => terminal.refit_pct_of_capex;
    TerminalSiteValue: Number => terminal.keep_mining_site_value_usd_per_mw;
    TaxRate: Number => tax.rate_pct;
    TaxBonus: Number => tax.bonus_depreciation_pct;
    TaxLife: Whole => tax.depreciation_years;
    GreenfieldBuildMonths: List => greenfield.build_months;
    TenantComputeValue: Number => tenant.compute_value_usd_per_mw_month;
    FinanceDiscountRate: Number => finance.discount_rate_pct;
    FinanceDebtShare: Number => finance.debt_pct_of_capex;
    FinanceDebtRate: Number => finance.debt_rate_pct;
    FinanceDebtTenor: Whole => finance.debt_tenor_years;
    SweepMin: Number => sensitivity.energy_usd_per_mwh.min;
    SweepMax: Number => sensitivity.energy_usd_per_mwh.max;
    SweepSteps: Whole => sensitivity.energy_usd_per_mwh.steps;
    RiskSwing: Number => risk.swing_pct;
    RiskSwingMonths: Whole => risk.swing_months;
    RiskSwingPoints: Number => risk.swing_rate_points;
    RiskHashVol: Number => risk.hashprice_volatility_pct;
    RiskEnergyVol: Number => risk.energy_volatility_pct;
    RiskCorrelation: Number => risk.correlation_pct;
    RiskSlipMin: Whole => risk.slip_min_months;
    RiskSlipMax: Whole => risk.slip_max_months;
    RiskDefault: Number => risk.tenant_default_pct_per_year;
    RiskPaths: Whole => risk.paths;
    RiskSeed: Whole => risk.seed;
}

/// The range of an input seen in public figures, and where they come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Typical {
    pub lo: f64,
    pub hi: f64,
    pub source: &'static str,
}

/// `1.000`, `$12.500`: a point followed by exactly three digits and nothing
/// more, which a reader used to a comma for decimals means as thousands.
fn point_then_three_digits(text: &str) -> bool {
    let body = text.trim().trim_start_matches('$').trim();
    match body.split_once('.') {
        Some((int, frac)) => {
            (1..=3).contains(&int.len())
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.len() == 3
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// A value given to a field of another kind (a bug of the caller).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindMismatch(pub Field);

/// How a field is typed in a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A number.
    Number,
    /// A number, or empty for "not set" (the field's `empty_means` says what that means).
    OptionalNumber,
    /// A whole number.
    Whole,
    /// A whole number, or empty for "not set".
    OptionalWhole,
    /// On or off.
    Bool,
    /// Whole numbers separated by commas, semicolons or spaces (a bare comma
    /// before three digits is refused: it could group thousands).
    WholeList,
}

/// The input groups, in the order docs/MODEL.md lists them and the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Site,
    Mining,
    Hpc,
    Contract,
    Terminal,
    Tax,
    Greenfield,
    Tenant,
    Finance,
    Sensitivity,
    Risk,
}

impl Group {
    pub const ALL: &'static [Group] = &[
        Group::Site,
        Group::Mining,
        Group::Hpc,
        Group::Contract,
        Group::Terminal,
        Group::Tax,
        Group::Greenfield,
        Group::Tenant,
        Group::Finance,
        Group::Sensitivity,
        Group::Risk,
    ];

    /// The heading shown over the group, in the language spoken.
    pub fn title(self) -> &'static str {
        crate::lang::tr(self.key())
    }

    /// The group's heading as the code writes it, in English whatever the
    /// language spoken: a stable name for keys and `data-*` attributes.
    pub fn key(self) -> &'static str {
        match self {
            Group::Site => en!("Site"),
            Group::Mining => en!("Mining"),
            Group::Hpc => en!("HPC conversion"),
            Group::Contract => en!("Contract"),
            Group::Terminal => en!("Terminal value"),
            Group::Tax => en!("Tax"),
            Group::Tenant => en!("Tenant"),
            Group::Greenfield => en!("Greenfield baseline"),
            Group::Finance => en!("Finance"),
            Group::Sensitivity => en!("Energy price sweep"),
            Group::Risk => en!("Risk"),
        }
    }

    /// The fields of this group, in form order.
    pub fn fields(self) -> impl Iterator<Item = Field> {
        Field::ALL
            .iter()
            .copied()
            .filter(move |f| f.group() == self)
    }
}

/// One end of a valid range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    /// No limit on this side (the value must still be finite).
    Open,
    /// The value may equal this end.
    Incl(f64),
    /// The value must lie strictly beyond this end.
    Excl(f64),
}

/// A field's valid range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub min: Bound,
    pub max: Bound,
}

impl Rule {
    const fn new(min: Bound, max: Bound) -> Self {
        Self { min, max }
    }

    /// Whether `x` meets the rule (NaN never does).
    pub fn contains(&self, x: f64) -> bool {
        let lo = match self.min {
            Bound::Open => x.is_finite(),
            Bound::Incl(a) => x >= a,
            Bound::Excl(a) => x > a,
        };
        let hi = match self.max {
            Bound::Open => x.is_finite(),
            Bound::Incl(b) => x <= b,
            Bound::Excl(b) => x < b,
        };
        lo && hi
    }

    /// The rule in words: "between 1 and 3", "greater than -100 and at most 100".
    pub fn phrase(&self) -> String {
        let n = form_number;
        match (self.min, self.max) {
            (Bound::Incl(a), Bound::Incl(b)) => t!("between {lo} and {hi}", lo = n(a), hi = n(b)),
            (Bound::Excl(a), Bound::Incl(b)) => {
                t!("greater than {lo} and at most {hi}", lo = n(a), hi = n(b))
            }
            (Bound::Incl(a), Bound::Excl(b)) => {
                t!("at least {lo} and less than {hi}", lo = n(a), hi = n(b))
            }
            (Bound::Excl(a), Bound::Excl(b)) => {
                t!("greater than {lo} and less than {hi}", lo = n(a), hi = n(b))
            }
            (Bound::Incl(a), Bound::Open) => t!("at least {lo}", lo = n(a)),
            (Bound::Excl(a), Bound::Open) => t!("greater than {lo}", lo = n(a)),
            (Bound::Open, Bound::Incl(b)) => t!("at most {hi}", hi = n(b)),
            (Bound::Open, Bound::Excl(b)) => t!("less than {hi}", hi = n(b)),
            (Bound::Open, Bound::Open) => t!("a finite number").to_owned(),
        }
    }

    /// The lowest valid value, for a form's `min` attribute.
    pub fn lowest(&self) -> Option<f64> {
        match self.min {
            Bound::Incl(a) | Bound::Excl(a) => Some(a),
            Bound::Open => None,
        }
    }

    /// The highest valid value, for a form's `max` attribute.
    pub fn highest(&self) -> Option<f64> {
        match self.max {
            Bound::Incl(b) | Bound::Excl(b) => Some(b),
            Bound::Open => None,
        }
    }
}

use Bound::{Excl, Incl, Open};

/// What the form shows for a field, besides its value.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// Dotted path in the scenario format, e.g. `hpc.pue`.
    pub path: &'static str,
    /// Plain name, e.g. "Grid capacity".
    pub label: &'static str,
    /// Unit shown after the input, e.g. "MW".
    pub unit: &'static str,
    /// A sensible step for arrow keys and sliders.
    pub step: f64,
    /// What it means and where the default comes from.
    pub help: &'static str,
    pub group: Group,
    /// Shown at once (`true`) or inside the group's "advanced" section.
    pub primary: bool,
    pub rule: Rule,
    /// For optional fields: what leaving it empty means.
    pub empty_means: &'static str,
}

// One positional call per field keeps the catalogue a readable table.
#[allow(clippy::too_many_arguments)]
const fn spec(
    path: &'static str,
    label: &'static str,
    unit: &'static str,
    step: f64,
    group: Group,
    primary: bool,
    rule: Rule,
    help: &'static str,
) -> Spec {
    Spec {
        path,
        label,
        unit,
        step,
        help,
        group,
        primary,
        rule,
        empty_means: "",
    }
}

const PCT: Rule = Rule::new(Incl(0.0), Incl(100.0));
const PCT_CHANGE: Rule = Rule::new(Excl(-100.0), Incl(100.0));
const PUE: Rule = Rule::new(Incl(1.0), Incl(3.0));
const NON_NEG: Rule = Rule::new(Incl(0.0), Open);
const MONTHS_120: Rule = Rule::new(Incl(0.0), Incl(120.0));

impl Field {
    /// Everything the form needs to show this field, its words (label,
    /// unit, help, what empty means) in the language spoken.
    pub fn spec(self) -> Spec {
        let raw = self.spec_en();
        let tr = |text: &'static str| {
            if text.is_empty() {
                text
            } else {
                crate::lang::tr(text)
            }
        };
        Spec {
            label: tr(raw.label),
            unit: tr(raw.unit),
            help: tr(raw.help),
            empty_means: tr(raw.empty_means),
            ..raw
        }
    }

    /// The field's table row as the code writes it: its words in English,
    /// untranslated (paths, rules and groups are read from here, with no
    /// lookup).
    fn spec_en(self) -> Spec {
        use Group as G;
        match self {
            Field::SiteGridCapacity => spec(
                "site.grid_capacity_mw", en!("Grid capacity"), "MW", 10.0, G::Site, true,
                Rule::new(Excl(0.0), Incl(10_000.0)),
                en!("Utility power the site can draw: its interconnect, the scarce thing AI needs. \
                 Default: a generic 100 MW site. New requests over 75 MW wait 2-5 years for the grid (Crucible Capital)."),
            ),
            Field::SiteEnergyPrice => spec(
                "site.energy_price_usd_per_mwh", en!("Energy price"), en!("$/MWh"), 1.0, G::Site, true,
                Rule::new(Incl(0.0), Incl(2_000.0)),
                en!("All-in delivered power price in year 1. Default $45/MWh, the miners' median \
                 (Cambridge Centre for Alternative Finance)."),
            ),
            Field::SiteEnergyEscalator => spec(
                "site.energy_escalator_pct_per_year", en!("Energy price escalator"), en!("%/yr"), 0.5, G::Site, false,
                PCT_CHANGE,
                en!("Yearly change of the power price, stepping up every 12 months. Default 2 %/yr."),
            ),
            Field::MiningEfficiency => spec(
                "mining.efficiency_j_per_th", en!("Fleet efficiency"), "J/TH", 1.0, G::Mining, true,
                Rule::new(Excl(0.0), Incl(500.0)),
                en!("Energy per terahash at the machines. Default 22 J/TH; the network averages about 28, \
                 the best fleets 16-24 (Cambridge Centre for Alternative Finance, company reports)."),
            ),
            Field::MiningPue => spec(
                "mining.pue", en!("Mining PUE"), "×", 0.01, G::Mining, false, PUE,
                en!("Grid MW per MW at the machines (cooling, losses). Default 1.10; immersion 1.03-1.10, \
                 air-cooled 1.10-1.50 (vendor figures)."),
            ),
            Field::MiningUptime => spec(
                "mining.uptime_pct", en!("Fleet uptime"), "%", 1.0, G::Mining, false, PCT,
                en!("Share of hours the fleet hashes when it runs. Default 95 %."),
            ),
            Field::MiningHashprice => spec(
                "mining.hashprice_usd_per_ph_day", en!("Hashprice"), en!("$/PH/day"), 1.0, G::Mining, true,
                Rule::new(Incl(0.0), Incl(100_000.0)),
                en!("Mining revenue per PH/s per day today. Default $40; about $38 in late 2025, \
                 below $50 since the April 2024 halving (industry reports)."),
            ),
            Field::MiningHashpriceDrift => spec(
                "mining.hashprice_drift_pct_per_year", en!("Hashprice drift"), en!("%/yr"), 1.0, G::Mining, false,
                Rule::new(Excl(-100.0), Incl(1_000.0)),
                en!("Yearly change of hashprice apart from halvings (network growth against the bitcoin price). \
                 Default -10 %/yr."),
            ),
            Field::MiningHalving => Spec {
                empty_means: en!("no halvings"),
                ..spec(
                    "mining.months_to_next_halving", en!("Months to next halving"), en!("months"), 1.0, G::Mining, false, Rule::new(Incl(0.0), Incl(600.0)),
                    en!("Months until the next halving of the block reward, then every 48 months; each halves \
                     hashprice. Default 16 (block 1,050,000, about April 2028). Leave empty to ignore halvings."),
                )
            },
            Field::MiningPoolFee => spec(
                "mining.pool_fee_pct", en!("Pool fee"), "%", 0.5, G::Mining, false, PCT,
                en!("Share of mining revenue the pool keeps. Default 2 %."),
            ),
            Field::MiningOpex => spec(
                "mining.opex_usd_per_mw_month", en!("Mining opex"), en!("$/MW-month"), 500.0, G::Mining, false, NON_NEG,
                en!("Non-energy mining cost per grid MW that mines (staff, repairs, site), paid even in a \
                 curtailed month. Default $4,000."),
            ),
            Field::MiningOpexEscalator => spec(
                "mining.opex_escalator_pct_per_year", en!("Mining opex escalator"), en!("%/yr"), 0.5, G::Mining, false,
                PCT_CHANGE,
                en!("Yearly step-up of mining opex, every 12 months. Default 3 %/yr, with inflation."),
            ),
            Field::MiningCurtail => spec(
                "mining.curtail_when_unprofitable", en!("Curtail when unprofitable"), "", 1.0, G::Mining, false,
                Rule::new(Open, Open),
                en!("Switch the fleet off in months where its revenue is below its energy cost. Default on."),
            ),
            Field::MiningRetire => spec(
                "mining.retire_when_unprofitable", en!("Retire and sell the fleet"), "", 1.0, G::Mining, false,
                Rule::new(Open, Open),
                en!("Sell the machines at the month that is best for the owner (mining cash to date plus the \
                 resale value then) instead of running them to the horizon. Default on."),
            ),
            Field::MiningFleetResale => spec(
                "mining.fleet_resale_usd_per_th", en!("Fleet resale price"), en!("$/TH"), 0.5, G::Mining, false,
                Rule::new(Incl(0.0), Incl(1_000.0)),
                en!("What the machines sell for today per TH/s; the machines on the power the halls take are \
                 sold at once. Default $5/TH, a mid-generation machine ($3-15/TH by efficiency, Hashrate \
                 Index ASIC price index, 2025)."),
            ),
            Field::MiningFleetResaleDecline => spec(
                "mining.fleet_resale_decline_pct_per_year", en!("Resale price decline"), en!("%/yr"), 5.0, G::Mining, false,
                PCT,
                en!("Yearly fall of that resale price as newer machines arrive. Default 30 %/yr."),
            ),
            Field::HpcCriticalIt => Spec {
                empty_means: en!("the whole site"),
                ..spec(
                    "hpc.critical_it_mw", en!("Critical IT leased"), "MW", 5.0, G::Hpc, true,
                    Rule::new(Excl(0.0), Open),
                    en!("Billable critical IT capacity leased to the tenant. Empty: the whole site, grid capacity \
                     ÷ HPC design PUE. At Core Scientific's Muskogee site 100 MW of grid power gives about 70 MW of IT."),
                )
            },
            Field::HpcDesignPue => spec(
                "hpc.design_pue", en!("HPC design PUE"), "×", 0.01, G::Hpc, false, PUE,
                en!("Grid MW reserved per MW of critical IT, at peak: sizes the halls. Default 1.35; the deals' \
                 grid-to-IT ratios run 1.21 (TeraWulf-Core42) to 1.45 (Cipher-Fluidstack); Core Scientific \
                 gets about 70 MW of IT from 100 MW of grid (1.43)."),
            ),
            Field::HpcOperatingPue => spec(
                "hpc.operating_pue", en!("HPC operating PUE"), "×", 0.01, G::Hpc, false, PUE,
                en!("Average grid energy per unit of IT energy: bills the halls' power when the host pays it. \
                 Default 1.20; AI halls as designed run 1.18-1.30 (Applied Digital 1.18, TeraWulf-Core42 1.25)."),
            ),
            Field::HpcConversionMonths => spec(
                "hpc.conversion_months", en!("Conversion time"), en!("months"), 1.0, G::Hpc, true, MONTHS_120,
                en!("Months from decision to the first delivered capacity; the contract starts then. Default 12: \
                 Core Scientific's first 8 MW and Cipher's Barber Lake took about 12 months."),
            ),
            Field::HpcRampMonths => spec(
                "hpc.ramp_months", en!("Ramp to full capacity"), en!("months"), 1.0, G::Hpc, false, MONTHS_120,
                en!("Contract months until the full capacity is delivered, rising in equal monthly steps; \
                 0 delivers it all at once. Default 12."),
            ),
            Field::HpcCapex => spec(
                "hpc.capex_usd_per_mw", en!("Conversion capex"), en!("$/MW"), 100_000.0, G::Hpc, true, NON_NEG,
                en!("Conversion cost per MW of critical IT, before contingency. Default $9.5M: Cipher and Hut 8 \
                 disclosed $9-11M, TeraWulf $8-10M (2025); a greenfield data center costs $9.3-15M \
                 (Cushman & Wakefield 2025)."),
            ),
            Field::HpcCapexContingency => spec(
                "hpc.capex_contingency_pct", en!("Capex contingency"), "%", 5.0, G::Hpc, false,
                Rule::new(Incl(0.0), Incl(200.0)),
                en!("Overrun allowance on the conversion capex. Default 10 %."),
            ),
            Field::HpcSiteCapex => spec(
                "hpc.site_capex_usd", en!("One-off site costs"), en!("$"), 1_000_000.0, G::Hpc, false, NON_NEG,
                en!("Host costs beside the halls: interconnect upgrade, land, permits; spent with the capex, \
                 never paid by the tenant. Default $0 (a site whose interconnect is already in place)."),
            ),
            Field::HpcTenantCapexShare => spec(
                "hpc.tenant_capex_share_pct", en!("Capex paid by tenant"), "%", 5.0, G::Hpc, false, PCT,
                en!("Share of the conversion capex the tenant funds. Default 0 %; CoreWeave funded much of \
                 Core Scientific's build-out."),
            ),
            Field::HpcOpex => spec(
                "hpc.opex_usd_per_mw_month", en!("HPC opex"), en!("$/MW-month"), 1_000.0, G::Hpc, false, NON_NEG,
                en!("Non-energy operating cost per leased critical MW per month in contract year 1. Default \
                 $24,000: the 80-85 % NOI margins Cipher and TeraWulf disclose (2025)."),
            ),
            Field::HpcOpexEscalator => spec(
                "hpc.opex_escalator_pct_per_year", en!("HPC opex escalator"), en!("%/yr"), 0.5, G::Hpc, false, PCT_CHANGE,
                en!("Yearly step-up of HPC opex at each contract year. Default 3 %/yr (TeraWulf-Fluidstack's \
                 84 % margin assumes opex rising 3 %/yr)."),
            ),
            Field::HpcUtilization => spec(
                "hpc.utilization_pct", en!("HPC utilization"), "%", 5.0, G::Hpc, false, PCT,
                en!("Average IT draw as a share of delivered critical IT; counts only when the host pays \
                 the HPC power. Default 80 %."),
            ),
            Field::ContractTerm => spec(
                "contract.term_years", en!("Contract term"), en!("years"), 1.0, G::Contract, true,
                Rule::new(Incl(1.0), Incl(30.0)),
                en!("Length of the hosting contract. Default 12 years (Core Scientific-CoreWeave); \
                 recent deals run 10-15 years."),
            ),
            Field::ContractRate => spec(
                "contract.rate_usd_per_kw_month", en!("Lease rate"), en!("$/kW-month"), 1.0, G::Contract, true,
                Rule::new(Incl(0.0), Incl(10_000.0)),
                en!("Rent per kW of leased critical IT per month in contract year 1. Default $125, TeraWulf-Core42's \
                 year 1 (Dec 2024); mining-site deals imply $102-159 on average over their terms."),
            ),
            Field::ContractEscalator => spec(
                "contract.escalator_pct_per_year", en!("Rate escalator"), en!("%/yr"), 0.5, G::Contract, true,
                PCT_CHANGE,
                en!("Yearly step-up of the rate at each contract year. Default 3 % (TeraWulf-Core42)."),
            ),
            Field::ContractPassThrough => spec(
                "contract.power_pass_through", en!("Power passed through"), "", 1.0, G::Contract, true,
                Rule::new(Open, Open),
                en!("On: the tenant pays the HPC halls' energy at cost, as in most wholesale leases. \
                 Off: the host pays it out of the rent."),
            ),
            Field::ContractTermPerTranche => spec(
                "contract.term_per_tranche", en!("Term per tranche"), "", 1.0, G::Contract, false,
                Rule::new(Open, Open),
                en!("On: each tranche delivered during the ramp is leased for the full term from its own \
                 delivery, so the contract runs past the term by the ramp. Off: the whole lease ends \
                 with the term. Default on, as multi-tranche leases are written."),
            ),
            Field::TerminalExitCap => Spec {
                empty_means: en!("no value after the contract"),
                ..spec(
                    "terminal.exit_cap_rate_pct", en!("Exit cap rate"), "%", 0.25, G::Terminal, true,
                    Rule::new(Excl(0.0), Incl(100.0)),
                    en!("Cap rate that values the halls after the contract: the next year's NOI ÷ this rate. \
                     Default 7.5 %; stabilised data centers trade at 6-7.5 % (industry reports, 2025). \
                     Leave empty for no value after the contract."),
                )
            },
            Field::TerminalRenewal => spec(
                "terminal.renewal_probability_pct", en!("Renewal probability"), "%", 5.0, G::Terminal, false, PCT,
                en!("Chance the tenant renews at the end of the term; otherwise the halls stand empty while \
                 they are re-let. Default 75 % (the deals carry renewal options, 2 × 5 years)."),
            ),
            Field::TerminalDowntime => spec(
                "terminal.downtime_months", en!("Re-letting downtime"), en!("months"), 1.0, G::Terminal, false, MONTHS_120,
                en!("Months to re-let the halls if the tenant does not renew. Default 12."),
            ),
            Field::TerminalRefit => spec(
                "terminal.refit_pct_of_capex", en!("Refit before the next lease"), en!("% of capex"), 5.0, G::Terminal,
                false, Rule::new(Incl(0.0), Incl(200.0)),
                en!("Cost of refitting the halls for the next lease, as a share of the conversion capex with \
                 contingency. Default 25 %."),
            ),
            Field::TerminalSiteValue => spec(
                "terminal.keep_mining_site_value_usd_per_mw", en!("Mining site value at the end"), en!("$/MW"),
                10_000.0, G::Terminal, false, NON_NEG,
                en!("What the site is worth at the horizon if it keeps mining, per grid MW. Default $0; a \
                 mining facility costs $0.2-0.5M per MW to build (company reports)."),
            ),
            Field::TaxRate => spec(
                "tax.rate_pct", en!("Income tax rate"), "%", 1.0, G::Tax, true, PCT,
                en!("Tax on each path's income, with losses carried forward. Default 25 %: 21 % US federal \
                 plus state. 0 gives the pre-tax figures."),
            ),
            Field::TaxBonus => spec(
                "tax.bonus_depreciation_pct", en!("Bonus depreciation"), "%", 5.0, G::Tax, false, PCT,
                en!("Share of the host's capex deducted in the month it is spent. Default 60 %; 100 % is \
                 restored for property with lives up to 20 years (2025 US tax act)."),
            ),
            Field::TaxLife => spec(
                "tax.depreciation_years", en!("Depreciation life"), en!("years"), 1.0, G::Tax, false,
                Rule::new(Incl(1.0), Incl(50.0)),
                en!("Straight-line life of the rest of the capex, from the first delivery. Default 39 years, \
                 US buildings."),
            ),
            Field::GreenfieldBuildMonths => spec(
                "greenfield.build_months", en!("Greenfield build times"), en!("months"), 1.0, G::Greenfield, true, Rule::new(Incl(0.0), Incl(240.0)),
                en!("How long a greenfield HPC data center would take, 1 to 5 baselines separated by commas. \
                 Default 36, 48, 60: 3 to 5 years (JP Morgan analysts)."),
            ),
            Field::TenantComputeValue => spec(
                "tenant.compute_value_usd_per_mw_month", en!("Tenant value of capacity"), en!("$/MW-month"), 10_000.0,
                G::Tenant, true, NON_NEG,
                en!("The tenant's margin from one MW of online capacity per month. Default $250,000: GPU-cloud \
                 revenue of about $800,000 per MW-month (IREN-Microsoft, Nov 2025) less GPU depreciation \
                 of about $480,000, power and opex."),
            ),
            Field::FinanceDiscountRate => spec(
                "finance.discount_rate_pct", en!("Discount rate"), en!("%/yr"), 0.5, G::Finance, true,
                Rule::new(Excl(-100.0), Incl(1_000.0)),
                en!("Yearly discount rate (cost of capital) for every present value. Default 10 %."),
            ),
            Field::FinanceDebtShare => spec(
                "finance.debt_pct_of_capex", en!("Debt share of capex"), "%", 5.0, G::Finance, true, PCT,
                en!("Share of the host's capex borrowed (the equity view; the project's NPV is unlevered). \
                 Default 60 %; Galaxy borrowed 80 % of Helios phase I (2025)."),
            ),
            Field::FinanceDebtRate => spec(
                "finance.debt_rate_pct", en!("Debt interest rate"), en!("%/yr"), 0.25, G::Finance, false, PCT,
                en!("Yearly interest on that debt. Default 8 %; TeraWulf's and Cipher's notes backstopped by \
                 Google paid 7.75-8 % (2025)."),
            ),
            Field::FinanceDebtTenor => spec(
                "finance.debt_tenor_years", en!("Debt tenor"), en!("years"), 1.0, G::Finance, false,
                Rule::new(Incl(1.0), Incl(30.0)),
                en!("Years of level monthly payments after the ramp. Default 10."),
            ),
            Field::SweepMin => spec(
                "sensitivity.energy_usd_per_mwh[0]", en!("Lowest price"), en!("$/MWh"), 5.0, G::Sensitivity, false, Rule::new(Incl(0.0), Incl(2_000.0)),
                en!("Where the energy-price chart starts. Default $20/MWh."),
            ),
            Field::SweepMax => spec(
                "sensitivity.energy_usd_per_mwh[1]", en!("Highest price"), en!("$/MWh"), 5.0, G::Sensitivity, false, Rule::new(Incl(0.0), Incl(2_000.0)),
                en!("Where the energy-price chart ends; above the lowest. Default $120/MWh."),
            ),
            Field::SweepSteps => spec(
                "sensitivity.energy_usd_per_mwh[2]", en!("Price points"), en!("points"), 1.0, G::Sensitivity, false, Rule::new(Incl(2.0), Incl(1_001.0)),
                en!("How many evenly spaced prices the chart evaluates, ends included. Default 21."),
            ),
            Field::RiskSwing => spec(
                "risk.swing_pct", en!("Tornado swing"), "%", 5.0, G::Risk, true,
                Rule::new(Excl(0.0), Incl(90.0)),
                en!("How far the tornado moves each input measured in levels (prices, rates per kW, capex, \
                 opex, PUE, renewal chance), down and up, the others held. Default ±20 %."),
            ),
            Field::RiskSwingMonths => spec(
                "risk.swing_months", en!("Tornado swing of the build"), en!("months"), 1.0, G::Risk, false,
                Rule::new(Incl(1.0), Incl(60.0)),
                en!("How far the tornado moves the conversion time, down (not below 0) and up. Default ±6 months."),
            ),
            Field::RiskSwingPoints => spec(
                "risk.swing_rate_points", en!("Tornado swing of rates"), en!("points"), 0.5, G::Risk, false,
                Rule::new(Excl(0.0), Incl(20.0)),
                en!("How far the tornado moves the inputs that are yearly rates (hashprice drift, rate \
                 escalator, exit cap rate, tax rate, discount rate), in percentage points. Default ±2."),
            ),
            Field::RiskHashVol => spec(
                "risk.hashprice_volatility_pct", en!("Hashprice volatility"), en!("%/yr"), 5.0, G::Risk, true,
                Rule::new(Incl(0.0), Incl(200.0)),
                en!("Yearly volatility of hashprice around its trend in the simulation. Default 50 %: \
                 hashprice swung from about $55 (Q3 2025) to $35 (November 2025) and back to $40 \
                 within months (Luxor Hashrate Index)."),
            ),
            Field::RiskEnergyVol => spec(
                "risk.energy_volatility_pct", en!("Energy price volatility"), en!("%/yr"), 5.0, G::Risk, false,
                Rule::new(Incl(0.0), Incl(200.0)),
                en!("Yearly volatility of the delivered power price around its trend. Default 25 %, a \
                 site on an indexed contract; spot exposure in ERCOT runs far higher, a fixed-price \
                 contract near 0."),
            ),
            Field::RiskCorrelation => spec(
                "risk.correlation_pct", en!("Price correlation"), "%", 10.0, G::Risk, false,
                Rule::new(Incl(-100.0), Incl(100.0)),
                en!("Correlation of the monthly shocks to hashprice and to the power price. Default 0."),
            ),
            Field::RiskSlipMin => spec(
                "risk.slip_min_months", en!("Shortest slip"), en!("months"), 1.0, G::Risk, false, MONTHS_120,
                en!("The conversion may finish late by a whole number of months, drawn evenly between the \
                 shortest and the longest slip. Default 0."),
            ),
            Field::RiskSlipMax => spec(
                "risk.slip_max_months", en!("Longest slip"), en!("months"), 1.0, G::Risk, false, MONTHS_120,
                en!("The longest slip of the conversion. Default 6 months."),
            ),
            Field::RiskDefault => spec(
                "risk.tenant_default_pct_per_year", en!("Tenant default"), en!("%/yr"), 0.5, G::Risk, false, PCT,
                en!("Yearly probability that the tenant stops paying; the halls are then re-let after the \
                 re-letting downtime at the contract's rate then current. Default 0."),
            ),
            Field::RiskPaths => spec(
                "risk.paths", en!("Simulated paths"), en!("paths"), 500.0, G::Risk, false,
                Rule::new(Incl(10.0), Incl(20_000.0)),
                en!("How many random paths the simulation runs. Default 2,000."),
            ),
            Field::RiskSeed => spec(
                "risk.seed", en!("Random seed"), "", 1.0, G::Risk, false,
                Rule::new(Incl(0.0), Incl(4_294_967_295.0)),
                en!("The same seed gives the same paths, here and in the evaluator. Default 1."),
            ),
        }
    }

    pub fn path(self) -> &'static str {
        self.spec_en().path
    }
    /// The field's name in the language spoken.
    pub fn label(self) -> &'static str {
        crate::lang::tr(self.spec_en().label)
    }
    /// The field's unit in the language spoken (`US$/MWh`), empty for none.
    pub fn unit(self) -> &'static str {
        match self.spec_en().unit {
            "" => "",
            unit => crate::lang::tr(unit),
        }
    }
    /// The field's unit as the code writes it, in English whatever the
    /// language spoken (`$/kW-month`): for code that reads units.
    pub fn unit_key(self) -> &'static str {
        self.spec_en().unit
    }
    pub fn rule(self) -> Rule {
        self.spec_en().rule
    }
    pub fn group(self) -> Group {
        self.spec_en().group
    }
    pub fn is_whole(self) -> bool {
        matches!(
            self.kind(),
            Kind::Whole | Kind::OptionalWhole | Kind::WholeList
        )
    }

    /// The field whose path is `path` (list indices of a baseline are
    /// accepted: `greenfield.build_months[2]`).
    pub fn from_path(path: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| {
            let p = f.path();
            path == p
                || (*f == Field::GreenfieldBuildMonths
                    && path
                        .strip_prefix(p)
                        .is_some_and(|rest| rest.starts_with('[')))
        })
    }

    /// A short machine-friendly id for HTML (`site-grid-capacity-mw`).
    pub fn html_id(self) -> String {
        self.path()
            .chars()
            .filter_map(|c| match c {
                '.' | '_' | '[' => Some('-'),
                ']' => None,
                c => Some(c),
            })
            .collect()
    }

    /// The field's current value written as a person would type it.
    pub fn text(self, s: &Scenario) -> String {
        match self.get(s) {
            Value::Number(x) => form_number(x),
            Value::OptNumber(x) => x.map(form_number).unwrap_or_default(),
            Value::Whole(n) => form_number(f64::from(n)),
            Value::OptWhole(n) => n.map(|n| form_number(f64::from(n))).unwrap_or_default(),
            Value::Bool(b) => b.to_string(),
            Value::List(v) => v.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
        }
    }

    /// The field's value as a number (`None` for an empty optional field, a
    /// switch or a list).
    pub fn number(self, s: &Scenario) -> Option<f64> {
        match self.get(s) {
            Value::Number(x) | Value::OptNumber(Some(x)) => Some(x),
            Value::Whole(n) | Value::OptWhole(Some(n)) => Some(f64::from(n)),
            _ => None,
        }
    }

    /// Reads `text` as this field's value and stores it in `s`. The range is
    /// not checked here (see [`Scenario::validate`]); the form of the text is.
    pub fn set_text(self, s: &mut Scenario, text: &str) -> Result<(), ScenarioError> {
        let value = match self.kind() {
            Kind::Number => Value::Number(self.parse_number(text)?),
            Kind::OptionalNumber => Value::OptNumber(if is_blank(text) {
                None
            } else {
                Some(self.parse_number(text)?)
            }),
            Kind::Whole => Value::Whole(self.parse_whole(text)?),
            Kind::OptionalWhole => Value::OptWhole(if is_blank(text) {
                None
            } else {
                Some(self.parse_whole(text)?)
            }),
            Kind::Bool => match reads_on(text) {
                Some(b) => Value::Bool(b),
                None => {
                    return Err(self.unreadable(t!(
                        "must be on or off: true/false, on/off, yes/no or 1/0 \
                         (empty means off), got \"{text}\"",
                        text = text
                    )))
                }
            },
            Kind::WholeList => Value::List(self.parse_list(text)?),
        };
        self.set(s, value).map_err(|KindMismatch(field)| {
            field.unreadable("internal: value of another kind".to_owned())
        })
    }

    /// Checks this field's rule against the scenario.
    pub fn check(self, s: &Scenario) -> Result<(), ScenarioError> {
        let rule = self.rule();
        let test = |x: f64| -> Result<(), ScenarioError> {
            if !x.is_finite() {
                Err(ScenarioError::NotFinite { field: self })
            } else if !rule.contains(x) {
                Err(ScenarioError::OutOfRange {
                    field: self,
                    rule,
                    got: x,
                })
            } else {
                Ok(())
            }
        };
        match self.get(s) {
            Value::Number(x) | Value::OptNumber(Some(x)) => test(x),
            Value::Whole(n) | Value::OptWhole(Some(n)) => test(f64::from(n)),
            Value::OptNumber(None) | Value::OptWhole(None) | Value::Bool(_) => Ok(()),
            Value::List(v) => {
                if v.is_empty() || v.len() > 5 {
                    return Err(ScenarioError::BaselineCount { count: v.len() });
                }
                match v.iter().position(|&n| !rule.contains(f64::from(n))) {
                    Some(index) => Err(ScenarioError::BaselineOutOfRange {
                        index,
                        got: f64::from(v[index]),
                    }),
                    None => Ok(()),
                }
            }
        }
    }

    fn parse_number(self, text: &str) -> Result<f64, ScenarioError> {
        // The rules read English marks; the messages quote what was typed
        // and write their suggestions in the language's marks.
        let english = english_marks(text);
        if self.runs_to_thousands() && point_then_three_digits(&english) {
            let body = english.trim().trim_start_matches('$');
            return Err(self.unreadable(t!(
                "\"{text}\" is ambiguous here: did you mean {thousands} (a comma groups \
                 thousands)? For a decimal, write it without the last zero ({decimal})",
                text = text,
                thousands = language_marks(&body.replace('.', ",")),
                decimal = language_marks(body.trim_end_matches('0'))
            )));
        }
        let x = read_english(&english).map_err(|problem| match problem {
            NumberSyntax::Empty => ScenarioError::Empty { field: self },
            NumberSyntax::Other => ScenarioError::NotANumber {
                field: self,
                text: text.to_owned(),
            },
            NumberSyntax::Space => self.unreadable(t!(
                "\"{text}\" is not a number here: remove the space inside it; \
                 commas may group thousands (7,000,000)",
                text = text
            )),
            NumberSyntax::Comma => self.unreadable(t!(
                "\"{text}\" is not a number here: use a point for decimals ({example}); \
                 commas may only group thousands (7,000,000)",
                text = text,
                example = decimal_hint(text).unwrap_or_else(|| language_marks("2.5").into_owned())
            )),
        })?;
        if x.is_finite() {
            Ok(x)
        } else {
            Err(ScenarioError::NotFinite { field: self })
        }
    }

    /// Whether the field's values run to thousands (capacities, money per MW,
    /// site costs), where "1.000" more likely means one thousand written the
    /// continental way than one.
    pub fn runs_to_thousands(self) -> bool {
        matches!(
            self,
            Field::SiteGridCapacity
                | Field::MiningOpex
                | Field::HpcCriticalIt
                | Field::HpcCapex
                | Field::HpcSiteCapex
                | Field::HpcOpex
                | Field::TerminalSiteValue
                | Field::TenantComputeValue
        )
    }

    /// The range seen in public deals and industry figures, with its source
    /// (in the language spoken), for the inputs where a valid value can
    /// still be implausible.
    pub fn typical(self) -> Option<Typical> {
        let t = |lo: f64, hi: f64, source: &'static str| {
            Some(Typical {
                lo,
                hi,
                source: crate::lang::tr(source),
            })
        };
        match self {
            Field::SiteEnergyPrice => t(15.0, 120.0, en!("miners pay about $45/MWh at the median (Cambridge Centre for Alternative Finance)")),
            Field::MiningEfficiency => t(12.0, 40.0, en!("the best fleets run 16-24 J/TH, the network about 28 (Cambridge Centre for Alternative Finance)")),
            Field::MiningPue => t(1.02, 1.5, en!("immersion 1.03-1.10, air-cooled 1.10-1.50 (vendor figures)")),
            Field::MiningHashprice => t(20.0, 120.0, en!("about $35-55/PH/day through 2025 (Luxor Hashrate Index)")),
            Field::MiningHashpriceDrift => t(-40.0, 20.0, en!("hashprice has fallen most years between halvings as the network grows")),
            Field::HpcDesignPue => t(1.1, 1.6, en!("the deals' grid-to-IT ratios run 1.21-1.45")),
            Field::HpcOperatingPue => t(1.05, 1.5, en!("AI halls run 1.18-1.30 (Applied Digital, TeraWulf)")),
            Field::HpcConversionMonths => t(0.0, 36.0, en!("conversions have delivered in 0-18 months (Riot-AMD to Hut 8-Fluidstack)")),
            Field::HpcCapex => t(2_000_000.0, 20_000_000.0, en!("conversions disclose $3.6-11M per MW, greenfield builds $9.3-15M (company filings, Cushman & Wakefield 2025)")),
            Field::HpcOpex => t(5_000.0, 60_000.0, en!("hosting NOI margins of 80-85 % (Cipher, TeraWulf)")),
            Field::ContractTerm => t(5.0, 20.0, en!("mining-site leases run 10-15 years")),
            Field::ContractRate => t(80.0, 250.0, en!("deals imply $102-159/kW-month on average; small retail leases about $195 (CBRE)")),
            Field::ContractEscalator => t(0.0, 5.0, en!("deals escalate about 3 % a year")),
            Field::TerminalExitCap => t(4.0, 12.0, en!("stabilised data centers trade at 6-7.5 % (industry reports, 2025)")),
            Field::TaxRate => t(0.0, 40.0, en!("21 % US federal plus state")),
            Field::TenantComputeValue => t(50_000.0, 600_000.0, en!("GPU cloud earns about $800,000 per MW-month before GPU depreciation of about $480,000 (IREN-Microsoft)")),
            Field::FinanceDiscountRate => t(0.0, 30.0, en!("project discount rates run about 8-15 %")),
            Field::FinanceDebtShare => t(0.0, 85.0, en!("Galaxy borrowed 80 % of Helios phase I")),
            Field::FinanceDebtRate => t(4.0, 15.0, en!("notes backstopped by Google paid 7.75-8 % (2025)")),
            _ => None,
        }
    }

    /// A quiet word when a valid value lies outside the typical range: the
    /// range and its source. The figures still compute.
    pub fn caution(self, s: &Scenario) -> Option<String> {
        let typical = self.typical()?;
        let x = self.number(s)?;
        if x >= typical.lo && x <= typical.hi {
            return None;
        }
        Some(t!(
            "{value} is unusual: typically {lo} to {hi} {unit} ({source})",
            value = form_number(x),
            lo = form_number(typical.lo),
            hi = form_number(typical.hi),
            unit = self.unit(),
            source = typical.source
        ))
    }

    /// A text this field cannot read, with `message` saying why and what to
    /// type instead (shown as `field.path: message`).
    fn unreadable(self, message: String) -> ScenarioError {
        ScenarioError::Decode {
            path: self.path().to_owned(),
            message,
        }
    }

    fn parse_whole(self, text: &str) -> Result<u32, ScenarioError> {
        let x = self.parse_number(text)?;
        if x.fract() != 0.0 {
            return Err(ScenarioError::NotWhole {
                field: self,
                got: x,
            });
        }
        if x < 0.0 || x > f64::from(u32::MAX) {
            return Err(ScenarioError::OutOfRange {
                field: self,
                rule: self.rule(),
                got: x,
            });
        }
        Ok(x as u32)
    }

    fn parse_list(self, text: &str) -> Result<Vec<u32>, ScenarioError> {
        let bad = || ScenarioError::NotANumber {
            field: self,
            text: text.to_owned(),
        };
        if looks_grouped(text) {
            return Err(self.unreadable(t!(
                "\"{text}\" is ambiguous: a comma before three digits could group \
                 thousands; separate baselines with a comma and a space (36, 48, 60) \
                 or with spaces (36 48 60)",
                text = text
            )));
        }
        let mut out = Vec::new();
        for (index, part) in text
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            let x = crate::numeral::read(part).ok_or_else(bad)?;
            if !x.is_finite() || x.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&x) {
                return Err(ScenarioError::BaselineOutOfRange { index, got: x });
            }
            out.push(x as u32);
        }
        Ok(out)
    }
}

/// A field's value, typed by its [`Kind`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Number(f64),
    OptNumber(Option<f64>),
    Whole(u32),
    OptWhole(Option<u32>),
    Bool(bool),
    List(Vec<u32>),
}

impl Value {
    fn kind(&self) -> Kind {
        match self {
            Value::Number(_) => Kind::Number,
            Value::OptNumber(_) => Kind::OptionalNumber,
            Value::Whole(_) => Kind::Whole,
            Value::OptWhole(_) => Kind::OptionalWhole,
            Value::Bool(_) => Kind::Bool,
            Value::List(_) => Kind::WholeList,
        }
    }
}

/// Builds a scenario from the text of every field (as a form holds it).
/// Returns the scenario when every field reads and every rule holds, or one
/// error per broken field.
pub fn scenario_from_texts<'a>(
    text_of: impl Fn(Field) -> &'a str,
) -> Result<Scenario, Vec<ScenarioError>> {
    let mut s = Scenario::default();
    let mut errors = Vec::new();
    for &field in Field::ALL {
        if let Err(e) = field.set_text(&mut s, text_of(field)) {
            errors.push(e);
        }
    }
    match s.validate() {
        Ok(()) if errors.is_empty() => Ok(s),
        Ok(()) => Err(errors),
        Err(more) => {
            // A field that failed to read kept its default; do not also blame
            // that default.
            for e in more.0 {
                let dup = e.field().is_some() && errors.iter().any(|x| x.field() == e.field());
                if !dup {
                    errors.push(e);
                }
            }
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(field: Field, text: &str) -> Result<Scenario, String> {
        let mut s = Scenario::default();
        field
            .set_text(&mut s, text)
            .map(|()| s)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn numbers_show_grouped_from_one_thousand_and_read_back() {
        for (x, shown) in [
            (7_000_000.0, "7,000,000"),
            (10_000.0, "10,000"),
            (4_000.0, "4,000"),
            (1_000.0, "1,000"),
            (9_999.0, "9,999"),
            (999.0, "999"),
            (-12_345.0, "-12,345"),
            (-1_000.0, "-1,000"),
            (-10.0, "-10"),
            (0.5, "0.5"),
            (0.0, "0"),
            (12_345.5, "12,345.5"),
            (1_234.567_8, "1,234.5678"),
            (999_999_999_999_999.0, "999,999,999,999,999"),
            (1e20, "1e20"),
            (1e-7, "1e-7"),
        ] {
            assert_eq!(form_number(x), shown, "{x}");
            let s = read(Field::HpcCapex, shown).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(s.hpc.capex_usd_per_mw, x, "{shown}");
        }
    }

    #[test]
    fn every_field_text_groups_thousands_the_same_way() {
        let d = Scenario::default();
        for (field, shown) in [
            (Field::MiningOpex, "4,000"),
            (Field::HpcOpex, "24,000"),
            (Field::HpcCapex, "9,500,000"),
            (Field::TenantComputeValue, "250,000"),
            (Field::TerminalExitCap, "7.5"),
            (Field::HpcSiteCapex, "0"),
            (Field::SiteEnergyPrice, "45"),
            (Field::MiningHashpriceDrift, "-10"),
            (Field::GreenfieldBuildMonths, "36, 48, 60"),
            (Field::MiningCurtail, "true"),
        ] {
            assert_eq!(field.text(&d), shown, "{}", field.path());
        }
        // Whole numbers too.
        let mut s = Scenario::default();
        s.sensitivity.energy_usd_per_mwh.steps = 1_001;
        assert_eq!(Field::SweepSteps.text(&s), "1,001");
        // No text of the defaults or of a preset shows four digits in a row
        // before its point.
        let mut scenarios = vec![d];
        scenarios.extend(crate::presets::all().into_iter().map(|p| p.scenario));
        for s in &scenarios {
            for &field in Field::ALL {
                let text = field.text(s);
                let int = text.split('.').next().unwrap_or("");
                let run = int
                    .split(|c: char| !c.is_ascii_digit())
                    .map(str::len)
                    .max()
                    .unwrap_or(0);
                assert!(run <= 3, "{}: {text}", field.path());
            }
        }
    }

    #[test]
    fn accepted_number_syntax() {
        for (text, want) in [
            ("7,000,000", 7_000_000.0),
            ("1,234.5", 1_234.5),
            ("-1,000", -1_000.0),
            ("$1,000", 1_000.0),
            ("\u{2212}1,000", -1_000.0),
            ("999,999.25", 999_999.25),
            ("1,000e3", 1e6),
            ("$45", 45.0),
            ("$ 45", 45.0),
            ("-$5", -5.0),
            ("\u{2212}$5", -5.0),
            ("$-5", -5.0),
            ("1.", 1.0),
            (".5", 0.5),
            ("+2", 2.0),
            ("012", 12.0),
            ("1e3", 1_000.0),
            ("12%", 12.0),
            (" 95 % ", 95.0),
            ("\u{2212}5", -5.0),
            ("1_000", 1_000.0),
            ("\u{a0}5\u{202f}", 5.0),
            ("\t45\n", 45.0),
        ] {
            assert_eq!(read_number(text), Ok(want), "{text:?}");
        }
    }

    #[test]
    fn ambiguous_commas_are_refused() {
        for text in [
            "45,5",
            "1,00",
            "1,0000",
            ",5",
            "1,,000",
            "1.000,5",
            "0,500",
            "00,500",
            "1,000,00",
            "1,000.5,5",
            "1e1,000",
            "1,",
            "-45,5",
            "$45,5",
            ",",
            "1,000,0000",
        ] {
            assert_eq!(read_number(text), Err(NumberSyntax::Comma), "{text:?}");
            assert!(read(Field::SiteEnergyPrice, text).is_err(), "{text:?}");
        }
        assert_eq!(read_number("1,000abc"), Err(NumberSyntax::Other));
    }

    #[test]
    fn whitespace_inside_a_number_is_refused() {
        for text in [
            "5 5",
            "1 000",
            "1\u{a0}000",
            "1\u{202f}000",
            "- 5",
            "1 .5",
            "7,000, 000",
            " 1 2 ",
            "$4 5",
        ] {
            assert_eq!(read_number(text), Err(NumberSyntax::Space), "{text:?}");
        }
    }

    #[test]
    fn refusals_name_the_field_and_say_what_to_type() {
        for (field, text, want) in [
            (
                Field::SiteEnergyPrice,
                "45,5",
                "site.energy_price_usd_per_mwh: \"45,5\" is not a number here: use a point \
                 for decimals (45.5); commas may only group thousands (7,000,000)",
            ),
            (
                Field::HpcCapex,
                "1.000,5",
                "hpc.capex_usd_per_mw: \"1.000,5\" is not a number here: use a point for \
                 decimals (1000.5); commas may only group thousands (7,000,000)",
            ),
            (
                Field::HpcDesignPue,
                ",5",
                "hpc.design_pue: \",5\" is not a number here: use a point for decimals (0.5); \
                 commas may only group thousands (7,000,000)",
            ),
            (
                Field::FinanceDiscountRate,
                "\u{2212}2,5 %",
                "finance.discount_rate_pct: \"\u{2212}2,5 %\" is not a number here: use a \
                 point for decimals (-2.5); commas may only group thousands (7,000,000)",
            ),
            (
                Field::SiteGridCapacity,
                "1,,000",
                "site.grid_capacity_mw: \"1,,000\" is not a number here: use a point for \
                 decimals (2.5); commas may only group thousands (7,000,000)",
            ),
            (
                Field::SiteEnergyPrice,
                "5 5",
                "site.energy_price_usd_per_mwh: \"5 5\" is not a number here: remove the \
                 space inside it; commas may group thousands (7,000,000)",
            ),
            (
                Field::HpcConversionMonths,
                "1 2",
                "hpc.conversion_months: \"1 2\" is not a number here: remove the space \
                 inside it; commas may group thousands (7,000,000)",
            ),
        ] {
            let mut s = Scenario::default();
            let e = field.set_text(&mut s, text).err();
            assert_eq!(e.as_ref().map(ToString::to_string).as_deref(), Some(want));
            assert_eq!(e.and_then(|e| e.field()), Some(field), "{text:?}");
            assert_eq!(s, Scenario::default(), "a refused text changes nothing");
        }
        // Optional fields read the same way once not empty.
        assert!(read(Field::HpcCriticalIt, "7,5").is_err());
        assert!(read(Field::MiningHalving, "1 7").is_err());
        assert_eq!(
            read(Field::HpcCriticalIt, "1,200").map(|s| s.hpc.critical_it_mw),
            Ok(Some(1_200.0))
        );
    }

    #[test]
    fn a_point_before_three_digits_is_asked_about_where_values_run_to_thousands() {
        for (field, text, meant) in [
            (Field::SiteGridCapacity, "1.000", "1,000"),
            (Field::HpcCapex, "9.500", "9,500"),
            (Field::HpcOpex, "$24.000", "24,000"),
        ] {
            let e = read(field, text).err().unwrap_or_default();
            assert!(e.contains("is ambiguous here: did you mean"), "{e}");
            assert!(e.contains(meant), "{e}");
        }
        // Elsewhere, and with other digit counts, a point is a decimal point.
        assert_eq!(
            read(Field::HpcDesignPue, "1.350").map(|s| s.hpc.design_pue),
            Ok(1.35)
        );
        assert_eq!(
            read(Field::SiteGridCapacity, "1.5").map(|s| s.site.grid_capacity_mw),
            Ok(1.5)
        );
        assert_eq!(
            read(Field::SiteGridCapacity, "1.0000").map(|s| s.site.grid_capacity_mw),
            Ok(1.0)
        );
        assert_eq!(
            read(Field::SiteGridCapacity, "1,000").map(|s| s.site.grid_capacity_mw),
            Ok(1_000.0)
        );
    }

    #[test]
    fn unusual_but_valid_values_get_a_caution_with_the_typical_range() {
        let mut s = Scenario::default();
        assert_eq!(Field::ContractRate.caution(&s), None);
        s.contract.rate_usd_per_kw_month = 400.0;
        let c = Field::ContractRate.caution(&s).unwrap_or_default();
        assert!(
            c.starts_with("400 is unusual: typically 80 to 250 $/kW-month ("),
            "{c}"
        );
        assert!(s.validate().is_ok(), "still valid");
        s.finance.discount_rate_pct = 45.0;
        assert!(Field::FinanceDiscountRate.caution(&s).is_some());
        s.hpc.capex_usd_per_mw = 1_000_000.0;
        assert!(Field::HpcCapex.caution(&s).is_some());
        // Every default and every preset is typical.
        let mut all = vec![Scenario::default()];
        all.extend(crate::presets::all().into_iter().map(|p| p.scenario));
        for s in &all {
            for &f in Field::ALL {
                assert_eq!(f.caution(s), None, "{}", f.path());
            }
        }
    }

    #[test]
    fn switches_say_what_they_accept() {
        for (field, text) in [
            (Field::ContractPassThrough, "maybe"),
            (Field::MiningCurtail, "2"),
            (Field::MiningCurtail, "onn"),
        ] {
            let mut s = Scenario::default();
            let e = field.set_text(&mut s, text).err();
            assert_eq!(
                e.as_ref().map(ToString::to_string),
                Some(format!(
                    "{}: must be on or off: true/false, on/off, yes/no or 1/0 (empty means \
                     off), got \"{text}\"",
                    field.path()
                ))
            );
            assert_eq!(e.and_then(|e| e.field()), Some(field));
            assert_eq!(reads_on(text), None, "{text}");
        }
        for (text, on) in [
            ("ON", true),
            (" yes ", true),
            ("1", true),
            ("No", false),
            ("", false),
        ] {
            assert_eq!(reads_on(text), Some(on), "{text:?}");
        }
        for (text, want) in [
            ("true", true),
            (" ON ", true),
            ("Yes", true),
            ("1", true),
            ("false", false),
            ("off", false),
            ("no", false),
            ("0", false),
            ("", false),
        ] {
            let s = read(Field::ContractPassThrough, text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(s.contract.power_pass_through, want, "{text:?}");
        }
    }

    #[test]
    fn baseline_lists_split_on_commas_and_spaces_but_not_thousands() {
        for text in [
            "36, 48, 60",
            "36 48 60",
            "36,48,60",
            "36;48 60",
            " 36 ,  48 ,60 ",
            "36,\u{a0}48, 60",
        ] {
            let s = read(Field::GreenfieldBuildMonths, text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(s.greenfield.build_months, vec![36, 48, 60], "{text:?}");
        }
        let s = read(Field::GreenfieldBuildMonths, "120, 180, 240").unwrap_or_default();
        assert_eq!(s.greenfield.build_months, vec![120, 180, 240]);
        for text in [
            "1,000",
            "36,120",
            "36, 1,000",
            "120,180,240",
            "2,000, 36",
            "1,000.5",
        ] {
            assert_eq!(
                read(Field::GreenfieldBuildMonths, text).err(),
                Some(format!(
                    "greenfield.build_months: \"{text}\" is ambiguous: a comma before three \
                     digits could group thousands; separate baselines with a comma and a \
                     space (36, 48, 60) or with spaces (36 48 60)"
                )),
                "{text:?}"
            );
        }
    }
}

#[cfg(test)]
mod portuguese {
    use super::*;
    use crate::lang::{set, Lang};

    #[test]
    fn numbers_read_and_write_with_a_decimal_comma() {
        set(Lang::PtBr);
        for (text, want) in [
            ("1.234,5", Ok(1234.5)),
            ("45,5", Ok(45.5)),
            ("7.000.000", Ok(7e6)),
            ("-1.000", Ok(-1000.0)),
            ("$45", Ok(45.0)),
            ("12 %", Ok(12.0)),
            ("1e3", Ok(1000.0)),
            ("45.5", Err(NumberSyntax::Comma)),
            ("1,234.5", Err(NumberSyntax::Comma)),
            ("1.00", Err(NumberSyntax::Comma)),
            ("5 5", Err(NumberSyntax::Space)),
        ] {
            assert_eq!(read_number(text), want, "{text:?}");
        }
        for (x, shown) in [
            (7e6, "7.000.000"),
            (12_345.5, "12.345,5"),
            (0.25, "0,25"),
            (-10.0, "-10"),
        ] {
            assert_eq!(form_number(x), shown);
            assert_eq!(read_number(shown), Ok(x));
        }
        assert_eq!(decimal_hint("45.5").as_deref(), Some("45,5"));
        set(Lang::En);
        assert_eq!(read_number("1,234.5"), Ok(1234.5));
        assert_eq!(read_number("1.234,5"), Err(NumberSyntax::Comma));
    }
}

#[cfg(test)]
mod translated {
    use super::*;
    use crate::lang::{load, Lang};

    const CATALOGUE: &str = r#"{
  "\"{text}\" is not a number here: use a point for decimals ({example}); commas may only group thousands (7,000,000)": "\"{text}\" não é um número aqui: use vírgula para decimais ({example}); pontos só separam milhares (7.000.000)",
  "$/MWh": "US$/MWh",
  "Energy price": "Preço da energia",
  "Grid capacity": "Capacidade de rede",
  "Site": "Local",
  "between {lo} and {hi}": "entre {lo} e {hi}",
  "must be {rule}, got {got}": "deve ser {rule}; valor informado: {got}"
}"#;

    fn speak(lang: Lang, catalogue: &str) {
        load(lang, catalogue).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn words_follow_the_language_and_paths_do_not() {
        speak(Lang::PtBr, CATALOGUE);
        let spec = Field::SiteEnergyPrice.spec();
        assert_eq!(
            (spec.label, spec.unit, spec.path),
            (
                "Preço da energia",
                "US$/MWh",
                "site.energy_price_usd_per_mwh"
            )
        );
        assert_eq!(Field::SiteEnergyPrice.unit_key(), "$/MWh");
        assert_eq!(Field::SiteGridCapacity.label(), "Capacidade de rede");
        assert_eq!((Group::Site.title(), Group::Site.key()), ("Local", "Site"));
        assert_eq!(
            Field::from_path("site.grid_capacity_mw"),
            Some(Field::SiteGridCapacity)
        );
        // A point for decimals is refused in Portuguese, and the message
        // says the Portuguese rule after the field's path.
        let mut s = Scenario::default();
        let e = Field::SiteEnergyPrice.set_text(&mut s, "45.5").err();
        assert_eq!(
            e.map(|e| e.to_string()).as_deref(),
            Some(
                "site.energy_price_usd_per_mwh: \"45.5\" não é um número aqui: use vírgula \
                 para decimais (45,5); pontos só separam milhares (7.000.000)"
            )
        );
        s.hpc.design_pue = 0.8;
        let errors = s.validate().err().map(|e| e.to_string());
        assert_eq!(
            errors.as_deref(),
            Some("hpc.design_pue: deve ser entre 1 e 3; valor informado: 0,8")
        );
        speak(Lang::En, "");
        assert_eq!(Field::SiteEnergyPrice.spec().label, "Energy price");
        assert_eq!(Group::Site.title(), "Site");
        assert_eq!(
            s.validate().err().map(|e| e.to_string()).as_deref(),
            Some("hpc.design_pue: must be between 1 and 3, got 0.8")
        );
    }
}
