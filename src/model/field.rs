//! The catalogue of inputs: one [`Field`] per value a person can set, with
//! its dotted path, valid range, unit, plain name and help text.
//!
//! This is the one place that knows how a field is read from text (a form
//! input, a URL) and written back, and which rule it must meet. The web form,
//! the validation and the error messages all come from it, so they cannot
//! disagree.

use super::error::ScenarioError;
use super::scenario::Scenario;

/// One input of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    SiteGridCapacity,
    SiteEnergyPrice,
    SiteEnergyEscalator,
    MiningEfficiency,
    MiningPue,
    MiningUptime,
    MiningHashprice,
    MiningHashpriceDrift,
    MiningHalving,
    MiningPoolFee,
    MiningOpex,
    MiningCurtail,
    HpcCriticalIt,
    HpcPue,
    HpcConversionMonths,
    HpcRampMonths,
    HpcCapex,
    HpcTenantCapexShare,
    HpcOpex,
    HpcUtilization,
    ContractTerm,
    ContractRate,
    ContractEscalator,
    ContractPassThrough,
    GreenfieldBuildMonths,
    TenantComputeValue,
    FinanceDiscountRate,
    SweepMin,
    SweepMax,
    SweepSteps,
}

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
    /// Whole numbers separated by commas.
    WholeList,
}

/// The input groups, in the order the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Site,
    Mining,
    Hpc,
    Contract,
    Tenant,
    Greenfield,
    Finance,
    Sensitivity,
}

impl Group {
    pub const ALL: &'static [Group] = &[
        Group::Site,
        Group::Contract,
        Group::Hpc,
        Group::Mining,
        Group::Tenant,
        Group::Greenfield,
        Group::Finance,
        Group::Sensitivity,
    ];

    /// The heading shown over the group.
    pub fn title(self) -> &'static str {
        match self {
            Group::Site => "Site",
            Group::Mining => "Mining",
            Group::Hpc => "HPC conversion",
            Group::Contract => "Contract",
            Group::Tenant => "Tenant",
            Group::Greenfield => "Greenfield baseline",
            Group::Finance => "Finance",
            Group::Sensitivity => "Energy price sweep",
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
        use super::error::num;
        match (self.min, self.max) {
            (Bound::Incl(a), Bound::Incl(b)) => format!("between {} and {}", num(a), num(b)),
            (Bound::Excl(a), Bound::Incl(b)) => {
                format!("greater than {} and at most {}", num(a), num(b))
            }
            (Bound::Incl(a), Bound::Excl(b)) => {
                format!("at least {} and less than {}", num(a), num(b))
            }
            (Bound::Excl(a), Bound::Excl(b)) => {
                format!("greater than {} and less than {}", num(a), num(b))
            }
            (Bound::Incl(a), Bound::Open) => format!("at least {}", num(a)),
            (Bound::Excl(a), Bound::Open) => format!("greater than {}", num(a)),
            (Bound::Open, Bound::Incl(b)) => format!("at most {}", num(b)),
            (Bound::Open, Bound::Excl(b)) => format!("less than {}", num(b)),
            (Bound::Open, Bound::Open) => "a finite number".to_owned(),
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
    pub kind: Kind,
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
    kind: Kind,
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
        kind,
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
    /// Every field, in the order of the scenario format.
    pub const ALL: &'static [Field] = &[
        Field::SiteGridCapacity,
        Field::SiteEnergyPrice,
        Field::SiteEnergyEscalator,
        Field::MiningEfficiency,
        Field::MiningPue,
        Field::MiningUptime,
        Field::MiningHashprice,
        Field::MiningHashpriceDrift,
        Field::MiningHalving,
        Field::MiningPoolFee,
        Field::MiningOpex,
        Field::MiningCurtail,
        Field::HpcCriticalIt,
        Field::HpcPue,
        Field::HpcConversionMonths,
        Field::HpcRampMonths,
        Field::HpcCapex,
        Field::HpcTenantCapexShare,
        Field::HpcOpex,
        Field::HpcUtilization,
        Field::ContractTerm,
        Field::ContractRate,
        Field::ContractEscalator,
        Field::ContractPassThrough,
        Field::GreenfieldBuildMonths,
        Field::TenantComputeValue,
        Field::FinanceDiscountRate,
        Field::SweepMin,
        Field::SweepMax,
        Field::SweepSteps,
    ];

    /// Everything the form needs to show this field.
    pub fn spec(self) -> Spec {
        use Group as G;
        use Kind as K;
        match self {
            Field::SiteGridCapacity => spec(
                "site.grid_capacity_mw", "Grid capacity", "MW", 10.0, G::Site, true, K::Number,
                Rule::new(Excl(0.0), Incl(10_000.0)),
                "Utility power the site can draw: its interconnect, the scarce thing AI needs. \
                 Default: a generic 100 MW site. New requests over 75 MW wait 2-5 years for the grid (Crucible Capital).",
            ),
            Field::SiteEnergyPrice => spec(
                "site.energy_price_usd_per_mwh", "Energy price", "$/MWh", 1.0, G::Site, true, K::Number,
                Rule::new(Incl(0.0), Incl(2_000.0)),
                "All-in delivered power price in year 1. Default $45/MWh, the miners' median \
                 (Cambridge Centre for Alternative Finance).",
            ),
            Field::SiteEnergyEscalator => spec(
                "site.energy_escalator_pct_per_year", "Energy price escalator", "%/yr", 0.5, G::Site, false, K::Number,
                PCT_CHANGE,
                "Yearly change of the power price, stepping up every 12 months. Default 2 %/yr.",
            ),
            Field::MiningEfficiency => spec(
                "mining.efficiency_j_per_th", "Fleet efficiency", "J/TH", 1.0, G::Mining, true, K::Number,
                Rule::new(Excl(0.0), Incl(500.0)),
                "Energy per terahash at the machines. Default 22 J/TH; the network averages about 28, \
                 the best fleets 16-24 (Cambridge Centre for Alternative Finance, company reports).",
            ),
            Field::MiningPue => spec(
                "mining.pue", "Mining PUE", "×", 0.01, G::Mining, false, K::Number, PUE,
                "Grid MW per MW at the machines (cooling, losses). Default 1.10; immersion 1.03-1.10, \
                 air-cooled 1.10-1.50 (vendor figures).",
            ),
            Field::MiningUptime => spec(
                "mining.uptime_pct", "Fleet uptime", "%", 1.0, G::Mining, false, K::Number, PCT,
                "Share of hours the fleet hashes when it runs. Default 95 %.",
            ),
            Field::MiningHashprice => spec(
                "mining.hashprice_usd_per_ph_day", "Hashprice", "$/PH/day", 1.0, G::Mining, true, K::Number,
                Rule::new(Incl(0.0), Incl(100_000.0)),
                "Mining revenue per PH/s per day today. Default $40; about $38 in late 2025, \
                 below $50 since the April 2024 halving (industry reports).",
            ),
            Field::MiningHashpriceDrift => spec(
                "mining.hashprice_drift_pct_per_year", "Hashprice drift", "%/yr", 1.0, G::Mining, false, K::Number,
                Rule::new(Excl(-100.0), Incl(1_000.0)),
                "Yearly change of hashprice apart from halvings (network growth against the bitcoin price). \
                 Default -10 %/yr.",
            ),
            Field::MiningHalving => Spec {
                empty_means: "no halvings",
                ..spec(
                    "mining.months_to_next_halving", "Months to next halving", "months", 1.0, G::Mining, false,
                    K::OptionalWhole, Rule::new(Incl(0.0), Incl(600.0)),
                    "Months until the next halving of the block reward, then every 48 months; each halves \
                     hashprice. Default 17 (about April 2028). Leave empty to ignore halvings.",
                )
            },
            Field::MiningPoolFee => spec(
                "mining.pool_fee_pct", "Pool fee", "%", 0.5, G::Mining, false, K::Number, PCT,
                "Share of mining revenue the pool keeps. Default 2 %.",
            ),
            Field::MiningOpex => spec(
                "mining.opex_usd_per_mw_month", "Mining opex", "$/MW-month", 500.0, G::Mining, false, K::Number, NON_NEG,
                "Non-energy mining cost per grid MW that mines (staff, repairs, site), paid even in a \
                 curtailed month. Default $4,000.",
            ),
            Field::MiningCurtail => spec(
                "mining.curtail_when_unprofitable", "Curtail when unprofitable", "", 1.0, G::Mining, false, K::Bool,
                Rule::new(Open, Open),
                "Switch the fleet off in months where its revenue is below its energy cost. Default on.",
            ),
            Field::HpcCriticalIt => Spec {
                empty_means: "the whole site",
                ..spec(
                    "hpc.critical_it_mw", "Critical IT leased", "MW", 5.0, G::Hpc, true, K::OptionalNumber,
                    Rule::new(Excl(0.0), Open),
                    "Billable critical IT capacity leased to the tenant. Empty: the whole site, grid capacity \
                     ÷ HPC PUE. At Core Scientific's Muskogee site 100 MW of grid power gives about 70 MW of IT.",
                )
            },
            Field::HpcPue => spec(
                "hpc.pue", "HPC PUE", "×", 0.01, G::Hpc, false, K::Number, PUE,
                "Grid MW per MW of critical IT in the HPC halls. Default 1.25; liquid-cooled AI halls \
                 run 1.18-1.25 (Applied Digital, TeraWulf). Whole-site ratios run higher: Core Scientific \
                 gets about 70 MW of IT from 100 MW of grid (1.43).",
            ),
            Field::HpcConversionMonths => spec(
                "hpc.conversion_months", "Conversion time", "months", 1.0, G::Hpc, true, K::Whole, MONTHS_120,
                "Months from decision to the first delivered capacity; the contract starts then. Default 12: \
                 Core Scientific's first 8 MW and Cipher's Barber Lake took about 12 months.",
            ),
            Field::HpcRampMonths => spec(
                "hpc.ramp_months", "Ramp to full capacity", "months", 1.0, G::Hpc, false, K::Whole, MONTHS_120,
                "Contract months until the full capacity is delivered, rising in equal monthly steps; \
                 0 delivers it all at once. Default 12.",
            ),
            Field::HpcCapex => spec(
                "hpc.capex_usd_per_mw", "Conversion capex", "$/MW", 100_000.0, G::Hpc, true, K::Number, NON_NEG,
                "Conversion cost per MW of critical IT. Default $7M: TeraWulf $6-8M, Cipher $9-11M; \
                 a greenfield data center costs $9.3-15M (Cushman & Wakefield 2025).",
            ),
            Field::HpcTenantCapexShare => spec(
                "hpc.tenant_capex_share_pct", "Capex paid by tenant", "%", 5.0, G::Hpc, false, K::Number, PCT,
                "Share of the conversion capex the tenant funds. Default 0 %; CoreWeave funded much of \
                 Core Scientific's build-out.",
            ),
            Field::HpcOpex => spec(
                "hpc.opex_usd_per_mw_month", "HPC opex", "$/MW-month", 1_000.0, G::Hpc, false, K::Number, NON_NEG,
                "Non-energy operating cost per delivered critical MW per month. Default $15,000.",
            ),
            Field::HpcUtilization => spec(
                "hpc.utilization_pct", "HPC utilization", "%", 5.0, G::Hpc, false, K::Number, PCT,
                "Average IT draw as a share of delivered critical IT; counts only when the host pays \
                 the HPC power. Default 80 %.",
            ),
            Field::ContractTerm => spec(
                "contract.term_years", "Contract term", "years", 1.0, G::Contract, true, K::Whole,
                Rule::new(Incl(1.0), Incl(30.0)),
                "Length of the hosting contract. Default 12 years (Core Scientific-CoreWeave); \
                 recent deals run 10-15 years.",
            ),
            Field::ContractRate => spec(
                "contract.rate_usd_per_kw_month", "Lease rate", "$/kW-month", 1.0, G::Contract, true, K::Number,
                Rule::new(Incl(0.0), Incl(10_000.0)),
                "Rent per kW of delivered critical IT per month in contract year 1. Default $140; \
                 mining-site deals imply $121-159, wholesale leases $120-160.",
            ),
            Field::ContractEscalator => spec(
                "contract.escalator_pct_per_year", "Rate escalator", "%/yr", 0.5, G::Contract, true, K::Number,
                PCT_CHANGE,
                "Yearly step-up of the rate at each contract year. Default 3 % (TeraWulf-Core42).",
            ),
            Field::ContractPassThrough => spec(
                "contract.power_pass_through", "Power passed through", "", 1.0, G::Contract, true, K::Bool,
                Rule::new(Open, Open),
                "On: the tenant pays the HPC halls' energy at cost, as in most wholesale leases. \
                 Off: the host pays it out of the rent.",
            ),
            Field::GreenfieldBuildMonths => spec(
                "greenfield.build_months", "Greenfield build times", "months", 1.0, G::Greenfield, true,
                K::WholeList, Rule::new(Incl(0.0), Incl(240.0)),
                "How long a greenfield HPC data center would take, 1 to 5 baselines separated by commas. \
                 Default 36, 48, 60: 3 to 5 years (JP Morgan analysts).",
            ),
            Field::TenantComputeValue => spec(
                "tenant.compute_value_usd_per_mw_month", "Tenant value of capacity", "$/MW-month", 10_000.0,
                G::Tenant, false, K::Number, NON_NEG,
                "What one MW of online capacity earns the tenant per month. Default $700,000 \
                 (IREN-Microsoft: $9.7B over 5 years for 200 MW).",
            ),
            Field::FinanceDiscountRate => spec(
                "finance.discount_rate_pct", "Discount rate", "%/yr", 0.5, G::Finance, true, K::Number,
                Rule::new(Excl(-100.0), Incl(1_000.0)),
                "Yearly discount rate (cost of capital) for every present value. Default 10 %.",
            ),
            Field::SweepMin => spec(
                "sensitivity.energy_usd_per_mwh[0]", "Lowest price", "$/MWh", 5.0, G::Sensitivity, false,
                K::Number, Rule::new(Incl(0.0), Incl(2_000.0)),
                "Where the energy-price chart starts. Default $20/MWh.",
            ),
            Field::SweepMax => spec(
                "sensitivity.energy_usd_per_mwh[1]", "Highest price", "$/MWh", 5.0, G::Sensitivity, false,
                K::Number, Rule::new(Incl(0.0), Incl(2_000.0)),
                "Where the energy-price chart ends; above the lowest. Default $120/MWh.",
            ),
            Field::SweepSteps => spec(
                "sensitivity.energy_usd_per_mwh[2]", "Price points", "points", 1.0, G::Sensitivity, false,
                K::Whole, Rule::new(Incl(2.0), Incl(1_001.0)),
                "How many evenly spaced prices the chart evaluates, ends included. Default 21.",
            ),
        }
    }

    pub fn path(self) -> &'static str {
        self.spec().path
    }
    pub fn label(self) -> &'static str {
        self.spec().label
    }
    pub fn kind(self) -> Kind {
        self.spec().kind
    }
    pub fn rule(self) -> Rule {
        self.spec().rule
    }
    pub fn group(self) -> Group {
        self.spec().group
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
            Value::Whole(n) => n.to_string(),
            Value::OptWhole(n) => n.map(|n| n.to_string()).unwrap_or_default(),
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
            Kind::Bool => match text.trim().to_ascii_lowercase().as_str() {
                "true" | "on" | "yes" | "1" => Value::Bool(true),
                "false" | "off" | "no" | "0" | "" => Value::Bool(false),
                _ => {
                    return Err(ScenarioError::NotANumber {
                        field: self,
                        text: text.to_owned(),
                    })
                }
            },
            Kind::WholeList => Value::List(self.parse_list(text)?),
        };
        self.set(s, value);
        Ok(())
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
        let cleaned = clean_number(text);
        if cleaned.is_empty() {
            return Err(ScenarioError::Empty { field: self });
        }
        let x: f64 = cleaned.parse().map_err(|_| ScenarioError::NotANumber {
            field: self,
            text: text.to_owned(),
        })?;
        if x.is_finite() {
            Ok(x)
        } else {
            Err(ScenarioError::NotFinite { field: self })
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
        let mut out = Vec::new();
        for (index, part) in text
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            let x: f64 = part.parse().map_err(|_| bad())?;
            if !x.is_finite() || x.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&x) {
                return Err(ScenarioError::BaselineOutOfRange { index, got: x });
            }
            out.push(x as u32);
        }
        Ok(out)
    }

    fn get(self, s: &Scenario) -> Value {
        use Value as V;
        match self {
            Field::SiteGridCapacity => V::Number(s.site.grid_capacity_mw),
            Field::SiteEnergyPrice => V::Number(s.site.energy_price_usd_per_mwh),
            Field::SiteEnergyEscalator => V::Number(s.site.energy_escalator_pct_per_year),
            Field::MiningEfficiency => V::Number(s.mining.efficiency_j_per_th),
            Field::MiningPue => V::Number(s.mining.pue),
            Field::MiningUptime => V::Number(s.mining.uptime_pct),
            Field::MiningHashprice => V::Number(s.mining.hashprice_usd_per_ph_day),
            Field::MiningHashpriceDrift => V::Number(s.mining.hashprice_drift_pct_per_year),
            Field::MiningHalving => V::OptWhole(s.mining.months_to_next_halving),
            Field::MiningPoolFee => V::Number(s.mining.pool_fee_pct),
            Field::MiningOpex => V::Number(s.mining.opex_usd_per_mw_month),
            Field::MiningCurtail => V::Bool(s.mining.curtail_when_unprofitable),
            Field::HpcCriticalIt => V::OptNumber(s.hpc.critical_it_mw),
            Field::HpcPue => V::Number(s.hpc.pue),
            Field::HpcConversionMonths => V::Whole(s.hpc.conversion_months),
            Field::HpcRampMonths => V::Whole(s.hpc.ramp_months),
            Field::HpcCapex => V::Number(s.hpc.capex_usd_per_mw),
            Field::HpcTenantCapexShare => V::Number(s.hpc.tenant_capex_share_pct),
            Field::HpcOpex => V::Number(s.hpc.opex_usd_per_mw_month),
            Field::HpcUtilization => V::Number(s.hpc.utilization_pct),
            Field::ContractTerm => V::Whole(s.contract.term_years),
            Field::ContractRate => V::Number(s.contract.rate_usd_per_kw_month),
            Field::ContractEscalator => V::Number(s.contract.escalator_pct_per_year),
            Field::ContractPassThrough => V::Bool(s.contract.power_pass_through),
            Field::GreenfieldBuildMonths => V::List(s.greenfield.build_months.clone()),
            Field::TenantComputeValue => V::Number(s.tenant.compute_value_usd_per_mw_month),
            Field::FinanceDiscountRate => V::Number(s.finance.discount_rate_pct),
            Field::SweepMin => V::Number(s.sensitivity.energy_usd_per_mwh.min),
            Field::SweepMax => V::Number(s.sensitivity.energy_usd_per_mwh.max),
            Field::SweepSteps => V::Whole(s.sensitivity.energy_usd_per_mwh.steps),
        }
    }

    fn set(self, s: &mut Scenario, v: Value) {
        use Value as V;
        match (self, v) {
            (Field::SiteGridCapacity, V::Number(x)) => s.site.grid_capacity_mw = x,
            (Field::SiteEnergyPrice, V::Number(x)) => s.site.energy_price_usd_per_mwh = x,
            (Field::SiteEnergyEscalator, V::Number(x)) => s.site.energy_escalator_pct_per_year = x,
            (Field::MiningEfficiency, V::Number(x)) => s.mining.efficiency_j_per_th = x,
            (Field::MiningPue, V::Number(x)) => s.mining.pue = x,
            (Field::MiningUptime, V::Number(x)) => s.mining.uptime_pct = x,
            (Field::MiningHashprice, V::Number(x)) => s.mining.hashprice_usd_per_ph_day = x,
            (Field::MiningHashpriceDrift, V::Number(x)) => {
                s.mining.hashprice_drift_pct_per_year = x
            }
            (Field::MiningHalving, V::OptWhole(n)) => s.mining.months_to_next_halving = n,
            (Field::MiningPoolFee, V::Number(x)) => s.mining.pool_fee_pct = x,
            (Field::MiningOpex, V::Number(x)) => s.mining.opex_usd_per_mw_month = x,
            (Field::MiningCurtail, V::Bool(b)) => s.mining.curtail_when_unprofitable = b,
            (Field::HpcCriticalIt, V::OptNumber(x)) => s.hpc.critical_it_mw = x,
            (Field::HpcPue, V::Number(x)) => s.hpc.pue = x,
            (Field::HpcConversionMonths, V::Whole(n)) => s.hpc.conversion_months = n,
            (Field::HpcRampMonths, V::Whole(n)) => s.hpc.ramp_months = n,
            (Field::HpcCapex, V::Number(x)) => s.hpc.capex_usd_per_mw = x,
            (Field::HpcTenantCapexShare, V::Number(x)) => s.hpc.tenant_capex_share_pct = x,
            (Field::HpcOpex, V::Number(x)) => s.hpc.opex_usd_per_mw_month = x,
            (Field::HpcUtilization, V::Number(x)) => s.hpc.utilization_pct = x,
            (Field::ContractTerm, V::Whole(n)) => s.contract.term_years = n,
            (Field::ContractRate, V::Number(x)) => s.contract.rate_usd_per_kw_month = x,
            (Field::ContractEscalator, V::Number(x)) => s.contract.escalator_pct_per_year = x,
            (Field::ContractPassThrough, V::Bool(b)) => s.contract.power_pass_through = b,
            (Field::GreenfieldBuildMonths, V::List(v)) => s.greenfield.build_months = v,
            (Field::TenantComputeValue, V::Number(x)) => {
                s.tenant.compute_value_usd_per_mw_month = x
            }
            (Field::FinanceDiscountRate, V::Number(x)) => s.finance.discount_rate_pct = x,
            (Field::SweepMin, V::Number(x)) => s.sensitivity.energy_usd_per_mwh.min = x,
            (Field::SweepMax, V::Number(x)) => s.sensitivity.energy_usd_per_mwh.max = x,
            (Field::SweepSteps, V::Whole(n)) => s.sensitivity.energy_usd_per_mwh.steps = n,
            // `set_text` builds the value from `kind()`, which matches `get`.
            _ => {}
        }
    }
}

/// A field's value, typed by its [`Kind`].
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Number(f64),
    OptNumber(Option<f64>),
    Whole(u32),
    OptWhole(Option<u32>),
    Bool(bool),
    List(Vec<u32>),
}

/// A number as the form shows it: large whole numbers with thousands
/// separators (`7,000,000`), which the form reads back as typed.
pub fn form_number(x: f64) -> String {
    let plain = super::error::num(x);
    if x.fract() != 0.0 || x.abs() < 10_000.0 || plain.contains('e') {
        return plain;
    }
    let (sign, digits) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |d| ("-", d));
    let mut out = String::from(sign);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Drops what people type around numbers: spaces, thousands commas,
/// underscores, a leading `$`, a trailing `%`; `−` (U+2212) reads as `-`.
pub fn clean_number(text: &str) -> String {
    text.trim()
        .trim_start_matches('$')
        .trim_end_matches('%')
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect()
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

    #[test]
    fn large_whole_numbers_show_with_separators_and_read_back() {
        for (x, shown) in [
            (7_000_000.0, "7,000,000"),
            (10_000.0, "10,000"),
            (-12_345.0, "-12,345"),
            (9_999.0, "9999"),
            (0.5, "0.5"),
            (12_345.5, "12345.5"),
            (1e20, "1e20"),
        ] {
            assert_eq!(form_number(x), shown);
            let mut s = Scenario::default();
            assert!(Field::HpcCapex.set_text(&mut s, shown).is_ok(), "{shown}");
            assert_eq!(s.hpc.capex_usd_per_mw, x, "{shown}");
        }
    }
}
