//! The cash-flow files read back: every number of the monthly CSV is the
//! evaluator's `monthly` figure to the last bit, the header names each column
//! with its unit, the file is UTF-8 with a byte-order mark and CRLF line
//! ends; each period's totals are its months' totals, and the annual file's
//! add up to the months' (src/export.rs).

use repower::export::{self, Over, COLUMNS};
use repower::model::{evaluate, Evaluation, Scenario};
use repower::presets;

/// The records of a CSV text per RFC 4180: fields separated by commas,
/// records ended by CRLF, a field in double quotes may hold commas, CRLF and
/// doubled quotes. Refuses a bare CR or LF, a quote inside an unquoted field
/// and text after a closing quote, and a last record without its CRLF.
fn read_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    read_csv_by(text, ',')
}

/// [`read_csv`] with `sep` separating the fields (`;` in Portuguese).
fn read_csv_by(text: &str, sep: char) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    if !matches!(chars.peek(), Some(&c) if c == sep || c == '\r')
                        && chars.peek().is_some()
                    {
                        return Err(format!("text after a closing quote in {field:?}"));
                    }
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => return Err(format!("a quote inside an unquoted field: {field:?}")),
            c if c == sep => {
                record.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                if chars.next() != Some('\n') {
                    return Err("a CR without its LF".to_owned());
                }
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_start = true;
            }
            '\n' => return Err("a LF without a CR before it".to_owned()),
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err("a quote left open".to_owned());
    }
    if !field.is_empty() || !record.is_empty() {
        return Err("the last record has no CRLF".to_owned());
    }
    Ok(records)
}

/// A cell as a number: the plain decimal form only (digits, one dot, a
/// leading minus), read back to an `f64`.
fn number(cell: &str) -> f64 {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    assert!(
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.matches('.').count() <= 1,
        "not a plain decimal number: {cell:?}"
    );
    cell.parse()
        .unwrap_or_else(|e| panic!("{cell:?} does not read: {e}"))
}

/// The records of a file the writer made, after its byte-order mark.
fn records(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("no byte-order mark: {:?}", &text[..text.len().min(20)]));
    assert!(
        !body.contains('\u{feff}'),
        "a second byte-order mark inside the file"
    );
    assert!(text.ends_with("\r\n"), "the last line has no CRLF");
    read_csv(body).unwrap_or_else(|e| panic!("not RFC 4180: {e}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The defaults, every preset (version 2 and version 1), and a few builds
/// that do not fill a year or that start leasing at once.
fn scenarios() -> Vec<(String, Scenario)> {
    let mut out = vec![("defaults".to_owned(), Scenario::default())];
    for p in presets::all() {
        out.push((p.id.to_owned(), p.scenario));
    }
    for p in presets::v1::all() {
        out.push((format!("v1 {}", p.id), p.scenario));
    }
    for months in [0, 7, 30] {
        let mut s = Scenario::default();
        s.hpc.conversion_months = months;
        out.push((format!("conversion in {months} months"), s));
    }
    out
}

fn evaluated() -> Vec<(String, Evaluation)> {
    let all: Vec<_> = scenarios()
        .into_iter()
        .map(|(name, s)| {
            let r = evaluate(&s).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, r)
        })
        .collect();
    assert!(all.len() >= 8, "only {} scenarios", all.len());
    all
}

#[test]
fn the_monthly_file_reads_back_to_the_evaluators_rows_bit_for_bit() {
    for (name, r) in evaluated() {
        let text = export::monthly_csv(&r);
        let rows = records(&text);
        let header: Vec<String> = std::iter::once(export::MONTH.to_owned())
            .chain(COLUMNS.iter().map(|c| c.header()))
            .collect();
        assert_eq!(rows[0], header, "{name}: header");
        assert_eq!(rows[0][2], "Contract revenue (USD)", "{name}");
        assert!(rows[0][1..]
            .iter()
            .all(|h| h.ends_with(" (USD)") || h.ends_with(" (MW)")));
        assert_eq!(rows.len(), r.monthly.len() + 1, "{name}: one row a month");
        assert_eq!(
            text.matches("\r\n").count(),
            text.matches('\n').count(),
            "{name}: a line end that is not CRLF"
        );
        for (row, month) in rows[1..].iter().zip(&r.monthly) {
            assert_eq!(
                row.len(),
                COLUMNS.len() + 1,
                "{name}: month {}",
                month.month
            );
            assert_eq!(row[0], month.month.to_string(), "{name}");
            for (cell, column) in row[1..].iter().zip(&COLUMNS) {
                let want = (column.value)(month);
                let got = number(cell);
                assert_eq!(
                    got.to_bits(),
                    want.to_bits(),
                    "{name}: month {}, {}: {cell} read back as {got}, the model has {want}",
                    month.month,
                    column.name
                );
            }
        }
        // The evaluator's JSON says the same: every field of a row is a column.
        let json = serde_json::to_value(&r.monthly[0]).unwrap();
        assert_eq!(
            json.as_object().unwrap().len(),
            COLUMNS.len() + 1,
            "{name}: a field of the monthly rows has no column"
        );
    }
}

#[test]
fn each_period_totals_its_months_and_the_annual_file_adds_up() {
    for (name, r) in evaluated() {
        let periods = export::periods(&r);
        let c = r.derived.conversion_months as usize;
        // The build, then the contract years as the model counts them.
        let years = periods.len() - usize::from(c > 0);
        assert_eq!(years, r.contract_annual_revenue_usd.len(), "{name}");
        let mut next = 0;
        for p in &periods {
            assert_eq!(p.first_month as usize, next, "{name}: a gap before {p:?}");
            assert!(
                p.last_month - p.first_month < 12.max(c as u32),
                "{name}: {p:?}"
            );
            let months = &r.monthly[p.first_month as usize..=p.last_month as usize];
            next = p.last_month as usize + 1;
            for (i, column) in COLUMNS.iter().enumerate() {
                let each: Vec<f64> = months.iter().map(column.value).collect();
                let want = match column.over {
                    Over::Sum => each.iter().sum::<f64>(),
                    Over::Mean => each.iter().sum::<f64>() / each.len() as f64,
                    Over::End => each[each.len() - 1],
                };
                assert!(
                    close(p.values[i], want),
                    "{name}: {} of {}: {} ≠ {want}",
                    column.name,
                    p.stretch.name(),
                    p.values[i]
                );
            }
        }
        assert_eq!(next, r.monthly.len(), "{name}: months left out");

        // The annual file: its totals add up to the months' totals, its rent
        // to the model's rent per contract year.
        let text = export::annual_csv(&r);
        assert!(
            text.contains(",\"Leased critical IT, average (MW)\","),
            "{name}: a header with a comma is not quoted"
        );
        let rows = records(&text);
        assert_eq!(rows.len(), periods.len() + 1, "{name}");
        let header = &rows[0];
        assert_eq!(&header[..3], &export::PERIOD, "{name}");
        assert_eq!(header.len(), 3 + COLUMNS.len(), "{name}");
        assert_eq!(header[3], "Leased critical IT, average (MW)");
        for (i, column) in COLUMNS.iter().enumerate() {
            let cells: Vec<f64> = rows[1..].iter().map(|row| number(&row[3 + i])).collect();
            let monthly: Vec<f64> = r.monthly.iter().map(column.value).collect();
            match column.over {
                Over::Sum => {
                    let (a, m) = (cells.iter().sum::<f64>(), monthly.iter().sum::<f64>());
                    assert!(
                        close(a, m),
                        "{name}: {}: years {a}, months {m}",
                        column.name
                    );
                }
                Over::End => assert_eq!(cells.last(), monthly.last(), "{name}"),
                Over::Mean => {
                    let weighted: f64 = rows[1..]
                        .iter()
                        .zip(&cells)
                        .map(|(row, x)| x * (number(&row[2]) - number(&row[1]) + 1.0))
                        .sum();
                    let m = monthly.iter().sum::<f64>();
                    assert!(close(weighted, m), "{name}: {}", column.name);
                }
            }
        }
        let rent: Vec<f64> = rows[1 + usize::from(c > 0)..]
            .iter()
            .map(|row| number(&row[4]))
            .collect();
        assert_eq!(header[4], "Contract revenue (USD)");
        assert_eq!(rent, r.contract_annual_revenue_usd, "{name}: rent per year");
        assert_eq!(rows[1][0], if c > 0 { "Build" } else { "Contract year 1" });
    }
}

#[test]
fn the_reader_and_the_checks_can_fail() {
    assert_eq!(
        read_csv("a,\"b,\"\"c\"\"\"\r\n1,2\r\n").unwrap(),
        vec![vec!["a", "b,\"c\""], vec!["1", "2"]]
    );
    assert!(read_csv("a,b\n").is_err());
    assert!(read_csv("a,b").is_err());
    assert!(read_csv("a\"b\r\n").is_err());
    assert!(std::panic::catch_unwind(|| number("1,234.5")).is_err());
    assert!(std::panic::catch_unwind(|| number("$12")).is_err());
    assert!(std::panic::catch_unwind(|| number("NaN")).is_err());
    assert!(std::panic::catch_unwind(|| records("Month\r\n")).is_err());
    // A figure changed by one bit no longer matches.
    let r = evaluate(&Scenario::default()).unwrap();
    let x = r.monthly[20].contract_revenue_usd;
    let nudged = f64::from_bits(x.to_bits() + 1);
    assert_ne!(number(&format!("{nudged}")).to_bits(), x.to_bits());
    assert!(!close(1.0, 1.0 + 1e-6));
}

#[test]
fn in_portuguese_semicolons_and_a_decimal_comma_read_back_bit_for_bit() {
    use repower::lang::{set, Lang};
    let r = evaluate(&Scenario::default()).unwrap_or_else(|e| panic!("{e}"));
    set(Lang::PtBr);
    let text = export::monthly_csv(&r);
    let header = export::month_header();
    set(Lang::En);
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("no byte-order mark"));
    let rows =
        read_csv_by(body, ';').unwrap_or_else(|e| panic!("not RFC 4180 with semicolons: {e}"));
    assert_eq!(rows[0][0], header);
    assert_ne!(header, export::MONTH, "the header is not translated");
    assert_eq!(rows.len(), r.monthly.len() + 1);
    let mut decimals = 0;
    for (row, month) in rows[1..].iter().zip(&r.monthly) {
        assert_eq!(row.len(), COLUMNS.len() + 1);
        for (cell, column) in row[1..].iter().zip(&COLUMNS) {
            assert!(
                !cell.contains('.'),
                "a point in {cell:?}: one number format, a decimal comma"
            );
            decimals += usize::from(cell.contains(','));
            let got = number(&cell.replace(',', "."));
            assert_eq!(
                got.to_bits(),
                (column.value)(month).to_bits(),
                "{}: {cell}",
                column.name
            );
        }
    }
    assert!(decimals > 0, "no decimal comma at all");
}
