//! Labels set in rows so that none overlaps another: the one rule the
//! charts place their labels by. Two labels share a row only with at least
//! [`GAP`] px between them; a label takes the lowest row, from the one it
//! may start at, where that holds.
//!
//! The energy chart sets its marker labels above the plot by it, the
//! build-time chart its curves' names above the plateau.

/// The least space between two labels in one row, px.
pub(crate) const GAP: i32 = 6;

/// Where a label lies across a row, px, from left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub from: i32,
    pub to: i32,
}

impl Span {
    /// `width` px centred on `x`.
    pub fn centred(x: i32, width: i32) -> Self {
        Self {
            from: x - width / 2,
            to: x + width / 2,
        }
    }

    /// Whether the two can share a row: at least [`GAP`] px apart.
    pub fn apart(self, other: Span) -> bool {
        self.to + GAP <= other.from || other.to + GAP <= self.from
    }
}

/// The labels placed so far, each with its row (0 the first).
#[derive(Clone, Debug, Default)]
pub(crate) struct Rows {
    placed: Vec<(i32, Span)>,
}

impl Rows {
    /// The lowest row from `lowest` up where `span` stands apart from every
    /// label in that row.
    pub fn free(&self, span: Span, lowest: i32) -> i32 {
        (lowest..)
            .find(|row| self.placed.iter().all(|&(r, s)| r != *row || s.apart(span)))
            .unwrap_or(lowest)
    }

    /// Places `span` in [`Rows::free`]'s row and returns it.
    pub fn place(&mut self, span: Span, lowest: i32) -> i32 {
        let row = self.free(span, lowest);
        self.placed.push((row, span));
        row
    }

    /// The row of the label placed last.
    pub fn last(&self) -> Option<i32> {
        self.placed.last().map(|&(row, _)| row)
    }
}

/// A label set in a row (0 nearest the plot) over the marker lines that
/// rise from the plot to it, from x `lo` to `hi` (one line: `lo = hi`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Raised {
    pub span: Span,
    pub row: i32,
    pub lo: i32,
    pub hi: i32,
}

impl Raised {
    /// Whether the two can stand together: apart when in one row
    /// ([`Span::apart`]); else no line of the higher label rises through
    /// the lower one.
    pub fn clear_of(&self, other: &Raised) -> bool {
        if self.row == other.row {
            return self.span.apart(other.span);
        }
        let (low, high) = if self.row < other.row {
            (self, other)
        } else {
            (other, self)
        };
        let Span { from, to } = low.span;
        !(from - 3 < high.hi && high.lo < to + 3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(from: i32, to: i32) -> Span {
        Span { from, to }
    }

    #[test]
    fn labels_share_a_row_only_six_px_apart() {
        // 6 px between them: apart, either way round.
        assert!(span(0, 10).apart(span(16, 30)));
        assert!(span(16, 30).apart(span(0, 10)));
        // 5 px: too close; overlapping or one inside the other: too.
        assert!(!span(0, 10).apart(span(15, 30)));
        assert!(!span(15, 30).apart(span(0, 10)));
        assert!(!span(0, 10).apart(span(5, 8)));
        assert_eq!(Span::centred(50, 21), span(40, 60));
    }

    #[test]
    fn each_label_takes_the_lowest_free_row() {
        let mut rows = Rows::default();
        assert_eq!(rows.last(), None);
        assert_eq!(rows.place(span(0, 40), 0), 0);
        // Too close to the first: up a row.
        assert_eq!(rows.place(span(44, 80), 0), 1);
        // Clear of the first: back down to row 0, beside it.
        assert_eq!(rows.place(span(46, 90), 0), 0);
        assert_eq!(rows.last(), Some(0));
        // Close to both labels of row 0 and to the one in row 1: row 2.
        assert_eq!(rows.place(span(30, 50), 0), 2);
        // Never below the row asked for, even where row 0 is free.
        assert_eq!(rows.free(span(200, 220), 0), 0);
        assert_eq!(rows.free(span(200, 220), 3), 3);
    }
}
