//! Presentation of inputs beyond the model's catalogue: which get a slider,
//! and over what range (the text box always accepts the full valid range).

use crate::model::Field;

/// The slider range of a field, for the inputs a person is likely to sweep.
pub fn slider(field: Field) -> Option<(f64, f64)> {
    Some(match field {
        Field::SiteGridCapacity => (10.0, 1000.0),
        Field::SiteEnergyPrice => (0.0, 150.0),
        Field::MiningHashprice => (0.0, 100.0),
        Field::MiningEfficiency => (10.0, 40.0),
        Field::HpcConversionMonths => (0.0, 48.0),
        Field::HpcCapex => (0.0, 15_000_000.0),
        Field::ContractRate => (50.0, 250.0),
        Field::ContractEscalator => (0.0, 6.0),
        Field::ContractTerm => (1.0, 30.0),
        Field::FinanceDiscountRate => (0.0, 25.0),
        _ => return None,
    })
}
