//! `repower`: the conversion-economics model on the command line.
//!
//! ```text
//! repower evaluate FILE            result as JSON on stdout
//! repower evaluate --summary FILE  the headline numbers, for people
//! repower defaults                 the default scenario as JSON
//! repower migrate FILE             a version-1 scenario as version 2 (same figures)
//! repower risk FILE                the tornado and the Monte Carlo simulation as JSON
//! repower risk --summary FILE      the same, for people
//! ```
//! `FILE` may be `-` for standard input. A scenario with problems prints
//! nothing on stdout and one `field.path: message` line per problem on
//! stderr, and exits 1; a usage error exits 2.

use std::io::{Read, Write};
use std::process::ExitCode;

use repower::model::{evaluate, Scenario};
use repower::summary::summary;

const USAGE: &str = "usage:
  repower evaluate [--summary] FILE   evaluate a scenario (JSON; FILE may be - for stdin)
  repower defaults                    print the default scenario as JSON
  repower migrate FILE                print a version-1 scenario as the equivalent version-2 scenario
  repower risk [--summary] FILE       the tornado and the Monte Carlo simulation (risk.* settings)
  repower --help | --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["defaults"] => print_out(&Scenario::default().to_json_pretty()),
        ["defaults", ..] => usage_error("defaults takes no arguments"),
        ["evaluate", rest @ ..] => {
            let summary_wanted = rest.contains(&"--summary");
            let files: Vec<&&str> = rest.iter().filter(|a| **a != "--summary").collect();
            match files.as_slice() {
                [file] if !file.starts_with("--") || **file == "-" => run(file, summary_wanted),
                _ => usage_error("evaluate takes one FILE (or - for standard input)"),
            }
        }
        ["risk", rest @ ..] => {
            let summary_wanted = rest.contains(&"--summary");
            let files: Vec<&&str> = rest.iter().filter(|a| **a != "--summary").collect();
            match files.as_slice() {
                [file] if !file.starts_with("--") || **file == "-" => risk(file, summary_wanted),
                _ => usage_error("risk takes one FILE (or - for standard input)"),
            }
        }
        ["migrate", file] if !file.starts_with("--") || *file == "-" => migrate(file),
        ["migrate", ..] => usage_error("migrate takes one FILE (or - for standard input)"),
        ["--help" | "-h" | "help"] => print_out(USAGE),
        ["--version" | "-V"] => print_out(concat!("repower ", env!("CARGO_PKG_VERSION"))),
        [] => usage_error("no command given"),
        [other, ..] => usage_error(&format!("unknown command {other:?}")),
    }
}

/// What a command prints for people (`--summary`) or as JSON.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Summary,
    Json,
}

impl Form {
    fn of(summary_wanted: bool) -> Self {
        if summary_wanted {
            Form::Summary
        } else {
            Form::Json
        }
    }
}

/// The scenario in `file`, or the exit code after saying on stderr why
/// there is none (a file that cannot be read; one line per problem).
fn scenario_in(file: &str) -> Result<Scenario, ExitCode> {
    let text = read_input(file).map_err(|e| {
        eprintln!("{file}: cannot read: {e}");
        ExitCode::from(1)
    })?;
    Scenario::from_json(&text).map_err(|errors| print_errors(&errors))
}

fn print_errors(errors: &repower::model::ScenarioErrors) -> ExitCode {
    for e in errors.iter() {
        eprintln!("{e}");
    }
    ExitCode::from(1)
}

/// Prints a result as its summary or as JSON.
fn print_result<T: serde::Serialize>(
    result: &T,
    form: Form,
    summary: impl Fn(&T) -> String,
) -> ExitCode {
    match form {
        Form::Summary => print_out(&summary(result)),
        Form::Json => match serde_json::to_string_pretty(result) {
            Ok(json) => print_out(&json),
            Err(e) => {
                eprintln!("result: cannot write JSON: {e}");
                ExitCode::from(1)
            }
        },
    }
}

fn run(file: &str, summary_wanted: bool) -> ExitCode {
    let scenario = match scenario_in(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match evaluate(&scenario) {
        Ok(result) => print_result(&result, Form::of(summary_wanted), summary),
        Err(errors) => print_errors(&errors),
    }
}

/// Prints the risk view of a scenario: JSON, or a summary for people.
fn risk(file: &str, summary_wanted: bool) -> ExitCode {
    let scenario = match scenario_in(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match repower::model::risk::risk(&scenario) {
        Ok(r) => print_result(&r, Form::of(summary_wanted), repower::summary::risk_summary),
        Err(errors) => print_errors(&errors),
    }
}

/// Prints a version-1 scenario as version 2: every version-1 value kept,
/// every version-2 field at the value that switches its feature off, so the
/// figures stay the same. The IRR follows version 2's rule in a version-2
/// file; where that changes it, a note on stderr says so.
fn migrate(file: &str) -> ExitCode {
    let old = match scenario_in(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if old.schema_version != 1 {
        eprintln!(
            "{file}: already version {}; printed unchanged",
            old.schema_version
        );
        return print_out(&old.to_json_pretty());
    }
    let new = Scenario {
        schema_version: repower::model::scenario::SCHEMA_VERSION,
        ..old.clone()
    };
    if let (Ok(a), Ok(b)) = (evaluate(&old), evaluate(&new)) {
        let same = match (a.incremental_irr_pct, b.incremental_irr_pct) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * (1.0 + x.abs()),
            (x, y) => x == y,
        };
        if !same {
            let say = |r: &repower::model::Evaluation| match (
                r.incremental_irr_pct,
                &r.incremental_irr_note,
            ) {
                (Some(x), _) => repower::format::percent(x),
                (None, Some(why)) => format!("none ({why})"),
                (None, None) => "none".to_owned(),
            };
            eprintln!(
                "note: the incremental IRR follows version 2's rule in the migrated file: {} (version 1: {}); every other figure is the same",
                say(&b),
                say(&a)
            );
        }
    }
    print_out(&new.to_json_pretty())
}

fn read_input(file: &str) -> std::io::Result<String> {
    let mut text = String::new();
    if file == "-" {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(file)?;
    }
    Ok(text)
}

fn print_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`repower ... | head`) is not an error worth a message.
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("repower: {message}\n{USAGE}");
    ExitCode::from(2)
}
