//! The monthly cash flows as an analyst checks them: the evaluator's
//! `monthly` rows, their totals per period (the build, then each contract
//! year), and both as CSV files.
//!
//! Pure: the page lays out what is here and offers the files; nothing here
//! knows the browser. One table, [`COLUMNS`], names every column with its
//! unit and reads its value, for the page's table and both files alike.
//!
//! The CSV opens as it is in Excel and LibreOffice set to the page's
//! language: UTF-8 with a byte-order mark, a header row naming each column
//! with its unit, CRLF line ends, fields quoted per RFC 4180 where they need
//! it, and every number as Rust's shortest text that reads back to the same
//! `f64` (no grouping, no currency sign). In English, commas separate the
//! fields and a point marks the decimals; in Portuguese, as spreadsheets set
//! to Portuguese read them, semicolons and a decimal comma
//! (`lang::Lang::csv_separator`).

use std::fmt::Write;
use std::ops::Range;

use crate::format;
use crate::model::{Evaluation, MonthRow};

/// A column's unit, as its header says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Usd,
    Mw,
}

impl Unit {
    /// As a header says it: `USD`, or the display currency with its rate
    /// and date (`BRL at 5.3 per USD on 2026-12-01`); `MW`.
    pub fn label(self) -> String {
        match (self, crate::currency::shown()) {
            (Unit::Usd, Some(c)) => c.unit(),
            (Unit::Usd, None) => "USD".to_owned(),
            (Unit::Mw, _) => "MW".to_owned(),
        }
    }

    /// A figure in this unit as a file holds it: money in the display
    /// currency.
    pub fn in_file(self, x: f64) -> f64 {
        match self {
            Unit::Usd => x * crate::currency::shown().map_or(1.0, |c| c.per_usd),
            Unit::Mw => x,
        }
    }

    /// A figure in this unit as the page's table shows it, without the
    /// unit its header gives (`$1,234,567`, `18.52`).
    pub fn show(self, x: f64) -> String {
        match self {
            Unit::Usd => format::money_exact(x),
            Unit::Mw => format::decimal(x, 2),
        }
    }
}

/// How a column's months make a period's figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    /// The sum of the months (a flow).
    Sum,
    /// The mean of the months (a level, such as MW leased).
    Mean,
    /// The last month's (a running total).
    End,
}

/// One column of the cash flows: its name, its unit, how a period totals
/// it, and where a month's row holds it.
pub struct Column {
    /// As the code writes it, in English ([`Column::label`] in the language
    /// spoken).
    pub name: &'static str,
    pub unit: Unit,
    pub over: Over,
    pub value: fn(&MonthRow) -> f64,
}

impl Column {
    /// Its name in the language spoken.
    pub fn label(&self) -> &'static str {
        crate::lang::tr(self.name)
    }

    /// The header of the monthly table and file (`Contract revenue (USD)`).
    pub fn header(&self) -> String {
        format!("{} ({})", self.label(), self.unit.label())
    }

    /// The header of a period's figure (`Leased critical IT, average (MW)`).
    pub fn period_header(&self) -> String {
        let (name, unit) = (self.label(), self.unit.label());
        match self.over {
            Over::Sum => format!("{name} ({unit})"),
            Over::Mean => t!("{name}, average ({unit})", name = name, unit = unit),
            Over::End => t!(
                "{name}, at the period's end ({unit})",
                name = name,
                unit = unit
            ),
        }
    }
}

/// Every column of the evaluator's monthly rows after `month`, in its order
/// (docs/MODEL.md, "Monthly rows").
pub static COLUMNS: [Column; 13] = [
    Column {
        name: en!("Leased critical IT"),
        unit: Unit::Mw,
        over: Over::Mean,
        value: |r| r.leased_critical_mw,
    },
    Column {
        name: en!("Contract revenue"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.contract_revenue_usd,
    },
    Column {
        name: en!("Keep mining: cash after tax"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.keep_mining_cash_usd,
    },
    Column {
        name: en!("Convert: cash after tax, unlevered"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.convert_cash_usd,
    },
    Column {
        name: en!("Keep mining: tax"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.keep_mining_tax_usd,
    },
    Column {
        name: en!("Convert: tax"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.convert_tax_usd,
    },
    Column {
        name: en!("Convert: debt service"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.debt_service_usd,
    },
    Column {
        name: en!("Convert: equity cash"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.convert_equity_cash_usd,
    },
    Column {
        name: en!("Convert: mining cash before tax"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.convert_mining_cash_usd,
    },
    Column {
        name: en!("Capex"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.capex_usd,
    },
    Column {
        name: en!("HPC energy"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.hpc_energy_usd,
    },
    Column {
        name: en!("HPC opex"),
        unit: Unit::Usd,
        over: Over::Sum,
        value: |r| r.hpc_opex_usd,
    },
    Column {
        name: en!("Cumulative advantage of converting"),
        unit: Unit::Usd,
        over: Over::End,
        value: |r| r.cumulative_advantage_usd,
    },
];

/// The header of the month's own column, as the code writes it
/// ([`month_header`] in the language spoken).
pub const MONTH: &str = en!("Month (from 0)");
/// The headers of a period's own columns, as the code writes them
/// ([`period_headers`] in the language spoken).
pub const PERIOD: [&str; 3] = [en!("Period"), en!("First month"), en!("Last month")];

/// The header of the month's own column in the language spoken.
pub fn month_header() -> &'static str {
    crate::lang::tr(MONTH)
}

/// The headers of a period's own columns in the language spoken.
pub fn period_headers() -> [&'static str; 3] {
    PERIOD.map(crate::lang::tr)
}

/// A stretch of months the totals are given for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stretch {
    /// The months before the contract starts (`c` of them).
    Build,
    /// A contract year, from 1 (the last one may be partial).
    ContractYear(u32),
}

impl Stretch {
    pub fn name(self) -> String {
        match self {
            Stretch::Build => t!("Build").to_owned(),
            Stretch::ContractYear(y) => t!("Contract year {year}", year = y),
        }
    }
}

/// A period's totals, one per column of [`COLUMNS`].
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub stretch: Stretch,
    pub first_month: u32,
    pub last_month: u32,
    pub values: [f64; COLUMNS.len()],
}

/// The months of each period: the build (when there is one), then 12 months
/// a contract year from month `conversion_months`, as `contract_annual_revenue_usd`
/// counts them.
fn stretches(len: usize, conversion_months: usize) -> Vec<(Stretch, Range<usize>)> {
    let c = conversion_months.min(len);
    let mut out = Vec::new();
    if c > 0 {
        out.push((Stretch::Build, 0..c));
    }
    let mut year = 1;
    let mut start = c;
    while start < len {
        let end = (start + 12).min(len);
        out.push((Stretch::ContractYear(year), start..end));
        year += 1;
        start = end;
    }
    out
}

fn period(stretch: Stretch, months: &[MonthRow]) -> Period {
    let values = std::array::from_fn(|i| {
        let column = &COLUMNS[i];
        let sum = || months.iter().map(column.value).sum::<f64>();
        match column.over {
            Over::Sum => sum(),
            Over::Mean => sum() / months.len().max(1) as f64,
            Over::End => months.last().map_or(0.0, column.value),
        }
    });
    Period {
        stretch,
        first_month: months.first().map_or(0, |r| r.month),
        last_month: months.last().map_or(0, |r| r.month),
        values,
    }
}

/// The totals of each period of `result`'s months.
pub fn periods(result: &Evaluation) -> Vec<Period> {
    let rows = &result.monthly;
    stretches(rows.len(), result.derived.conversion_months as usize)
        .into_iter()
        .map(|(stretch, range)| period(stretch, &rows[range]))
        .collect()
}

/// The two files the cash flows are offered as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Csv {
    /// One row per month.
    Monthly,
    /// One row per period: the build, then each contract year.
    Annual,
}

impl Csv {
    pub const ALL: [Csv; 2] = [Csv::Monthly, Csv::Annual];

    /// The button's and the messages' name for it.
    pub fn label(self) -> &'static str {
        match self {
            Csv::Monthly => t!("Monthly CSV"),
            Csv::Annual => t!("Annual CSV"),
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Csv::Monthly => "repower-monthly.csv",
            Csv::Annual => "repower-annual.csv",
        }
    }

    /// The file's text.
    pub fn write(self, result: &Evaluation) -> String {
        match self {
            Csv::Monthly => monthly_csv(result),
            Csv::Annual => annual_csv(result),
        }
    }
}

/// The byte-order mark that tells spreadsheets the file is UTF-8.
pub const BOM: char = '\u{feff}';

/// A CSV text being written: fields separated by the language's separator,
/// rows ended by CRLF.
struct Writer {
    text: String,
    fresh_row: bool,
    separator: char,
    decimal: char,
}

impl Writer {
    fn new() -> Self {
        let lang = crate::lang::current();
        Writer {
            text: BOM.to_string(),
            fresh_row: true,
            separator: lang.csv_separator(),
            decimal: lang.marks().decimal,
        }
    }

    fn separate(&mut self) {
        if !self.fresh_row {
            self.text.push(self.separator);
        }
        self.fresh_row = false;
    }

    /// A text field, quoted (its quotes doubled) when it holds a separator,
    /// a quote or a line break.
    fn text(&mut self, field: &str) {
        self.separate();
        if field.contains([self.separator, '"', '\r', '\n']) {
            self.text.push('"');
            self.text.push_str(&field.replace('"', "\"\""));
            self.text.push('"');
        } else {
            self.text.push_str(field);
        }
    }

    /// A number as the shortest text that reads back to it; empty if it is
    /// not finite (the model's outputs always are).
    fn number(&mut self, x: f64) {
        self.separate();
        if x.is_finite() {
            let from = self.text.len();
            let _ = write!(self.text, "{x}");
            if self.decimal != '.' {
                let number = self
                    .text
                    .split_off(from)
                    .replace('.', &self.decimal.to_string());
                self.text.push_str(&number);
            }
        }
    }

    fn end_row(&mut self) {
        self.text.push_str("\r\n");
        self.fresh_row = true;
    }
}

/// The monthly rows as CSV: the month, then every column of [`COLUMNS`].
pub fn monthly_csv(result: &Evaluation) -> String {
    let mut w = Writer::new();
    w.text(month_header());
    for column in &COLUMNS {
        w.text(&column.header());
    }
    w.end_row();
    for row in &result.monthly {
        w.number(f64::from(row.month));
        for column in &COLUMNS {
            w.number(column.unit.in_file((column.value)(row)));
        }
        w.end_row();
    }
    w.text
}

/// The periods' totals as CSV: the period, its months, then every column of
/// [`COLUMNS`] as the period totals it.
pub fn annual_csv(result: &Evaluation) -> String {
    let mut w = Writer::new();
    for header in period_headers() {
        w.text(header);
    }
    for column in &COLUMNS {
        w.text(&column.period_header());
    }
    w.end_row();
    for p in periods(result) {
        w.text(&p.stretch.name());
        w.number(f64::from(p.first_month));
        w.number(f64::from(p.last_month));
        for (column, x) in COLUMNS.iter().zip(p.values) {
            w.number(column.unit.in_file(x));
        }
        w.end_row();
    }
    w.text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_are_the_build_then_contract_years() {
        let s = stretches(30, 5);
        assert_eq!(
            s,
            vec![
                (Stretch::Build, 0..5),
                (Stretch::ContractYear(1), 5..17),
                (Stretch::ContractYear(2), 17..29),
                (Stretch::ContractYear(3), 29..30),
            ]
        );
        assert_eq!(stretches(24, 0).len(), 2);
        assert_eq!(stretches(0, 12), vec![]);
    }

    #[test]
    fn fields_are_quoted_only_when_they_need_it() {
        let mut w = Writer::new();
        w.text("plain");
        w.text("a, b");
        w.text("say \"hi\"");
        w.number(-0.5);
        w.number(f64::NAN);
        w.number(1e21);
        w.end_row();
        assert_eq!(
            w.text,
            "\u{feff}plain,\"a, b\",\"say \"\"hi\"\"\",-0.5,,1000000000000000000000\r\n"
        );
    }

    #[test]
    fn money_in_a_display_currency_says_its_rate_and_date_in_each_header(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let r = crate::model::evaluate(&crate::model::Scenario::default())?;
        let dollars = monthly_csv(&r);
        crate::currency::set_shown(Some(crate::currency::Currency {
            code: crate::currency::Code::read("EUR").ok_or("code")?,
            per_usd: 0.5,
            date: (2026, 12, 1),
        }));
        let (monthly, annual) = (monthly_csv(&r), annual_csv(&r));
        crate::currency::set_shown(None);
        let header = |csv: &str| csv.lines().next().unwrap_or("").to_owned();
        let unit = "(EUR at 0.5 per USD on 2026-12-01)";
        let money = COLUMNS.iter().filter(|c| c.unit == Unit::Usd).count();
        assert_eq!(header(&monthly).matches(unit).count(), money);
        assert_eq!(header(&annual).matches(unit).count(), money);
        assert!(header(&monthly).contains("(MW)") && !header(&monthly).contains("USD)"));
        // Each month's money halved; months and megawatts as they were.
        let cells = |csv: &str, line: usize| -> Vec<String> {
            csv.lines()
                .nth(line)
                .unwrap_or("")
                .split(',')
                .map(str::to_owned)
                .collect()
        };
        let (usd, eur) = (cells(&dollars, 30), cells(&monthly, 30));
        for (i, column) in COLUMNS.iter().enumerate() {
            let (a, b): (f64, f64) = (usd[i + 1].parse()?, eur[i + 1].parse()?);
            let want = if column.unit == Unit::Usd { a * 0.5 } else { a };
            assert_eq!(b, want, "{}", column.name);
        }
        assert_eq!(usd[0], eur[0]);
        Ok(())
    }
}
