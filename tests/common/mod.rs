//! What the golden-SVG tests share: where the goldens live, how a drawing is
//! compared with its golden (or, with `UPDATE_GOLDEN=1`, written over it),
//! and how a difference is reported.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use repower::charts::Size;

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
