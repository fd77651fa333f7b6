//! The model's named outputs as a type: each output's name in the JSON the
//! evaluator prints and how a reader says it. One table; a test keeps it in
//! step with [`super::Evaluation`]'s fields.

macro_rules! outputs {
    ($($variant:ident => $key:literal, $words:expr;)+) => {
        /// One top-level output of an evaluation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Output {
            $($variant,)+
        }

        impl Output {
            /// Every output, in the order the evaluator prints them.
            pub const ALL: &'static [Output] = &[$(Output::$variant,)+];

            /// The output's name in the evaluator's JSON.
            pub fn key(self) -> &'static str {
                match self {
                    $(Output::$variant => $key,)+
                }
            }

            /// The output as a reader says it, in a message, in the
            /// language spoken.
            pub fn words(self) -> &'static str {
                crate::lang::tr(match self {
                    $(Output::$variant => $words,)+
                })
            }

            /// The output of a JSON name (the boundary with serde).
            pub fn from_key(key: &str) -> Option<Output> {
                Output::ALL.iter().copied().find(|o| o.key() == key)
            }
        }
    };
}

outputs! {
    SchemaVersion => "schema_version", en!("the model version");
    InputSchemaVersion => "input_schema_version", en!("the scenario's version");
    ContractAnnualRevenue => "contract_annual_revenue_usd", en!("the contract revenue by year");
    ContractTotalRevenue => "contract_total_revenue_usd", en!("the contract revenue");
    ContractRevenueNpv => "contract_revenue_npv_usd", en!("the contract revenue's NPV");
    LevelizedRent => "levelized_rent_usd_per_kw_month", en!("the levelized rent");
    HpcNoiMargin => "hpc_noi_margin_pct", en!("the NOI margin");
    StabilizedNoi => "stabilized_noi_usd", en!("the stabilised NOI");
    ProjectCost => "project_cost_usd", en!("the project cost");
    YieldOnCost => "yield_on_cost_pct", en!("the yield on cost");
    ValueCreated => "value_created_usd", en!("the value created");
    ValueCreatedPerMw => "value_created_per_mw_usd", en!("the value created per MW");
    KeepMiningNpv => "keep_mining_npv_usd", en!("the NPV of keeping mining");
    ConvertNpv => "convert_npv_usd", en!("the NPV of converting");
    IncrementalNpv => "incremental_npv_usd", en!("the incremental NPV");
    IncrementalIrr => "incremental_irr_pct", en!("the project IRR");
    IncrementalIrrNote => "incremental_irr_note", en!("the project IRR");
    Payback => "payback_month", en!("the payback");
    DiscountedPayback => "discounted_payback_month", en!("the discounted payback");
    TerminalValue => "terminal_value_usd", en!("the value after the contract");
    MiningRetirement => "mining_retirement_month", en!("the retirement month");
    KeepMiningTax => "keep_mining_tax_usd", en!("the taxes of keeping mining");
    ConvertTax => "convert_tax_usd", en!("the taxes of converting");
    NpvBridge => "npv_bridge", en!("the NPV bridge");
    Debt => "debt_usd", en!("the debt");
    EquityIrr => "equity_irr_pct", en!("the equity IRR");
    EquityIrrNote => "equity_irr_note", en!("the equity IRR");
    MinDscr => "min_dscr", en!("the debt service cover");
    BreakevenHashprice => "breakeven_hashprice_usd_per_ph_day", en!("the break-even hashprice");
    BreakevenRate => "breakeven_rate_usd_per_kw_month", en!("the break-even lease rate");
    BreakevenCapex => "breakeven_capex_usd_per_mw", en!("the break-even capex");
    MiningBreakeven => "mining_breakeven_usd_per_mwh", en!("the mining break-even");
    EnergySensitivity => "energy_sensitivity", en!("the energy-price sweep");
    EnergyCrossover => "energy_crossover_usd_per_mwh", en!("the crossover price");
    EnergyAdvantageChanges => "energy_advantage_changes", en!("the changes of lead");
    BuildTime => "build_time", en!("the build-time figures");
    Derived => "derived", en!("the derived quantities");
    Monthly => "monthly", en!("the monthly cash flows");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every top-level field of an evaluation is in the table, in order, and
    /// nothing else is.
    #[test]
    fn the_table_lists_every_output_of_an_evaluation() -> Result<(), Box<dyn std::error::Error>> {
        let r = crate::model::evaluate(&crate::model::Scenario::default())?;
        let serde_json::Value::Object(map) = serde_json::to_value(&r)? else {
            return Err("not an object".into());
        };
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        let mut table: Vec<&str> = Output::ALL.iter().map(|o| o.key()).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        table.sort_unstable();
        assert_eq!(sorted, table);
        assert_eq!(Output::from_key("monthly"), Some(Output::Monthly));
        assert_eq!(Output::from_key("nope"), None);
        Ok(())
    }
}
