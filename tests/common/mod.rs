//! What the golden-SVG tests share: where the goldens live, how a drawing is
//! compared with its golden (or, with `UPDATE_GOLDEN=1`, written over it),
//! and how a difference is reported.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use repower::charts::{Size, Table};

/// `tests/golden/`.
pub fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

/// The first line where two texts differ, for a readable failure.
pub fn first_difference(want: &str, got: &str) -> String {
    for (i, (a, b)) in want.lines().zip(got.lines()).enumerate() {
        if a != b {
            return format!("line {}:\n  golden: {a}\n  drawn:  {b}", i + 1);
        }
    }
    format!(
        "lengths differ: golden {} lines, drawn {} lines",
        want.lines().count(),
        got.lines().count()
    )
}

/// Drawings compared with their goldens, one test's worth.
pub struct Goldens {
    /// The test file, for the message saying how to update.
    test: &'static str,
    update: bool,
    failures: Vec<String>,
    rewritten: Vec<String>,
}

impl Goldens {
    pub fn new(test: &'static str) -> Self {
        Self {
            test,
            update: std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1"),
            failures: Vec::new(),
            rewritten: Vec::new(),
        }
    }

    /// Compares `svg` with the golden `file` (or writes it when updating).
    pub fn check(&mut self, file: &str, svg: &str) {
        let dir = golden_dir();
        let path = dir.join(file);
        let golden = std::fs::read_to_string(&path);
        if self.update {
            if golden.as_deref().ok() != Some(svg) {
                std::fs::create_dir_all(&dir).expect("create tests/golden");
                std::fs::write(&path, svg).expect("write golden");
                self.rewritten.push(path.display().to_string());
            }
            return;
        }
        match golden {
            Ok(want) if want == svg => {}
            Ok(want) => self.failures.push(format!(
                "{} differs, {}",
                path.display(),
                first_difference(&want, svg)
            )),
            Err(e) => self
                .failures
                .push(format!("{} unreadable: {e}", path.display())),
        }
    }

    /// Says what was rewritten, and fails naming every difference.
    pub fn finish(self) {
        if self.update {
            if self.rewritten.is_empty() {
                println!("UPDATE_GOLDEN=1: every golden SVG already matched");
            }
            for path in &self.rewritten {
                println!("UPDATE_GOLDEN=1: rewrote {path}");
            }
        }
        assert!(
            self.failures.is_empty(),
            "{}\n(if the change is intended: UPDATE_GOLDEN=1 cargo test --test {})",
            self.failures.join("\n"),
            self.test
        );
    }
}

/// The sizes every chart is drawn at in the odd-case tests: the golden size,
/// nothing laid out yet, small and large boxes, a phone's column, the page's
/// size for narrow screens and a laptop's column.
pub fn odd_sizes(golden: Size) -> [Size; 7] {
    [
        golden,
        Size {
            width: 0,
            height: 0,
        },
        Size {
            width: 320,
            height: 240,
        },
        Size {
            width: 1600,
            height: 900,
        },
        Size::for_container(337),
        Size {
            width: 440,
            height: 340,
        },
        Size::for_container(1000),
    ]
}

/// `name` as part of a file name: letters and digits, `_` for the rest.
pub fn file_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// What a chart says in words: a summary that is a sentence, with no NaN
/// and no dash for a missing value, and its table (`check_table`).
pub fn check_words(what: &str, summary: &str, t: &Table) {
    assert!(
        summary.len() > 20 && summary.ends_with('.'),
        "{what}: summary {summary:?}"
    );
    assert!(
        !summary.contains("NaN") && !summary.contains('\u{2014}'),
        "{what}: summary {summary:?}"
    );
    check_table(what, t);
}

/// A chart's "show the numbers" table: a caption and headers, every row
/// as long as the headers, no cell empty or a dash.
pub fn check_table(what: &str, t: &Table) {
    assert!(
        !t.caption.is_empty() && !t.headers.is_empty(),
        "{what}: caption and headers"
    );
    assert!(!t.caption.contains("NaN"), "{what}: {}", t.caption);
    for row in &t.rows {
        assert_eq!(row.len(), t.headers.len(), "{what}: row {row:?}");
        assert!(
            row.iter()
                .all(|cell| !cell.is_empty() && cell != "\u{2014}"),
            "{what}: row {row:?}"
        );
    }
}

/// Writes a chart's title, summary and table (its first 40 rows) to `path`,
/// to look at.
pub fn dump_words(path: &Path, title: &str, summary: &str, table: &Table) {
    let mut text = format!(
        "{title}\n\n{summary}\n\n{}\n{}\n",
        table.caption,
        table.headers.join(" | ")
    );
    for row in table.rows.iter().take(40) {
        text.push_str(&row.join(" | "));
        text.push('\n');
    }
    std::fs::write(path, text).expect("write dump");
}
