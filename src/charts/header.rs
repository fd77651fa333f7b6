//! The header above each chart's plot: legend entries, figures and notes
//! as [`Item`]s, laid out in rows across the chart's width (long items
//! broken between words, the least needed left out on a small chart), and
//! drawn on the [`Canvas`].

use plotters::style::text_anchor::{HPos, VPos};

use super::axis::text_width;
use super::canvas::{Canvas, Metrics, TextStyleSpec, MARGIN};
use super::{ChartError, Rgb, Size};

/// Gap between header items, px.
const ITEM_GAP: i32 = 16;
/// Width of a legend swatch and the gap after it, px.
const SWATCH_W: i32 = 16;
const SWATCH_GAP: i32 = 5;

/// What a header item shows before its text.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    /// Text only.
    Plain,
    /// A filled block, as of a bar.
    Bar(Rgb),
    /// A short solid line, with a dot when `dot`.
    Line(Rgb, bool),
    /// A short line dashed with the given `stroke-dasharray`.
    Dashed(Rgb, &'static str),
    /// A translucent block, as of a shaded area.
    Area(Rgb, f64),
}

/// One entry of a chart's header: a legend entry, a figure or a note.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub swatch: Swatch,
    pub text: String,
    pub bold: bool,
    pub muted: bool,
    /// Starts a new row.
    pub new_row: bool,
    /// 0 for what must show; when the header would crowd a small chart,
    /// the items of the highest rank go first.
    pub rank: u8,
}

impl Item {
    pub fn legend(swatch: Swatch, text: impl Into<String>) -> Self {
        Self {
            swatch,
            text: text.into(),
            bold: false,
            muted: false,
            new_row: false,
            rank: 0,
        }
    }

    pub fn figure(text: impl Into<String>) -> Self {
        Self {
            bold: true,
            ..Self::legend(Swatch::Plain, text)
        }
    }

    pub fn note(text: impl Into<String>) -> Self {
        Self {
            muted: true,
            ..Self::legend(Swatch::Plain, text)
        }
    }

    pub fn rank(self, rank: u8) -> Self {
        Self { rank, ..self }
    }

    pub fn new_row(self) -> Self {
        Self {
            new_row: true,
            ..self
        }
    }

    fn width(&self, px: f64) -> i32 {
        let swatch = match self.swatch {
            Swatch::Plain => 0,
            _ => SWATCH_W + SWATCH_GAP,
        };
        swatch + text_width(&self.text, px, self.bold)
    }
}

/// The items, set at `px`, in rows no wider than `width`, each with its x
/// offset.
fn flow<'i>(items: &[&'i Item], px: f64, width: i32) -> Vec<Vec<(i32, &'i Item)>> {
    let mut rows: Vec<Vec<(i32, &Item)>> = Vec::new();
    let mut row: Vec<(i32, &Item)> = Vec::new();
    let mut x = 0;
    for item in items {
        let w = item.width(px);
        if !row.is_empty() && (item.new_row || x + w > width) {
            rows.push(std::mem::take(&mut row));
            x = 0;
        }
        row.push((x, *item));
        x += w + ITEM_GAP;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

/// The items, an item wider than `width` broken between words into pieces
/// that each start a row (the first keeps the swatch, all keep the style
/// and rank), so no text runs past the edge.
fn wrap(items: &[Item], px: f64, width: i32) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if item.width(px) <= width {
            out.push(item.clone());
            continue;
        }
        let mut piece = Item {
            text: String::new(),
            new_row: true,
            ..item.clone()
        };
        for word in item.text.split(' ') {
            let joined = if piece.text.is_empty() {
                word.to_owned()
            } else {
                format!("{} {word}", piece.text)
            };
            let longer = Item {
                text: joined.clone(),
                ..piece.clone()
            };
            if piece.text.is_empty() || longer.width(px) <= width {
                piece.text = joined;
            } else {
                let next = Item {
                    swatch: Swatch::Plain,
                    text: word.to_owned(),
                    ..piece.clone()
                };
                out.push(std::mem::replace(&mut piece, next));
            }
        }
        out.push(piece);
    }
    out
}

/// The rows of the items that fit in `max_rows`: the items of the highest
/// rank are left out until the rest fit (those of rank 0 always stay).
fn fit(items: &[Item], px: f64, width: i32, max_rows: usize) -> Vec<Vec<(i32, &Item)>> {
    let mut worst = items.iter().map(|i| i.rank).max().unwrap_or(0);
    loop {
        let kept: Vec<&Item> = items.iter().filter(|i| i.rank <= worst).collect();
        let rows = flow(&kept, px, width);
        if rows.len() <= max_rows || worst == 0 {
            return rows;
        }
        worst -= 1;
    }
}

/// The header's rows as [`Canvas::header`] draws them at `size`: the items
/// wrapped to the chart's width, in at most a quarter of its height when
/// they can be, each with its x offset from the margin.
///
/// Money shown in another currency than the dollar is labelled in every
/// chart: a last row says which, at what rate and of when.
pub(crate) fn header_rows(size: Size, items: &[Item]) -> Vec<Vec<(i32, Item)>> {
    let Metrics { header, row_h, .. } = Metrics::of(size.clamped());
    let max_rows = (size.clamped().height as i32 / 4 / row_h).max(1) as usize;
    let width = size.clamped().width as i32 - 2 * MARGIN;
    let labelled;
    let items = match crate::currency::shown() {
        Some(c) => {
            labelled = [items, &[Item::note(c.chart_note()).new_row()]].concat();
            wrap(&labelled, header, width)
        }
        None => wrap(items, header, width),
    };
    fit(&items, header, width, max_rows)
        .into_iter()
        .map(|row| row.into_iter().map(|(x, i)| (x, i.clone())).collect())
        .collect()
}

impl Canvas<'_> {
    /// Draws the header `items` from the top margin down, in at most a
    /// quarter of the chart's height when they can be; returns the y below
    /// the last row.
    pub fn header(&mut self, items: &[Item]) -> Result<i32, ChartError> {
        let Metrics { header, row_h, .. } = self.metrics;
        let rows = header_rows(self.size, items);
        let mut y = MARGIN;
        for row in &rows {
            let mid = y + row_h / 2;
            for (dx, item) in row {
                let mut x = MARGIN + dx;
                if !matches!(item.swatch, Swatch::Plain) {
                    self.swatch(item.swatch, x, mid)?;
                    x += SWATCH_W + SWATCH_GAP;
                }
                let c = if item.muted {
                    self.theme.muted
                } else {
                    self.theme.text
                };
                let mut spec = TextStyleSpec::new(header, c, HPos::Left, VPos::Center);
                if item.bold {
                    spec = spec.bold();
                }
                self.text(&item.text, (x, mid), spec)?;
            }
            y += row_h;
        }
        Ok(y)
    }

    fn swatch(&mut self, swatch: Swatch, x: i32, mid: i32) -> Result<(), ChartError> {
        match swatch {
            Swatch::Plain => Ok(()),
            Swatch::Bar(c) => self.rect((x + 2, mid - 5), (x + SWATCH_W - 2, mid + 5), c, 1.0),
            Swatch::Area(c, opacity) => {
                self.rect((x, mid - 5), (x + SWATCH_W, mid + 5), c, opacity)
            }
            Swatch::Line(c, dot) => {
                self.line(&[(x, mid), (x + SWATCH_W, mid)], c, 2, None)?;
                if dot {
                    self.dot((x + SWATCH_W / 2, mid), 3, c)?;
                }
                Ok(())
            }
            Swatch::Dashed(c, dash) => {
                self.line(&[(x, mid), (x + SWATCH_W, mid)], c, 2, Some(dash))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str) -> Item {
        Item::legend(Swatch::Plain, text)
    }

    #[test]
    fn flow_wraps_and_breaks() {
        let items = [item("aaaa"), item("bbbb"), item("cccc").new_row()];
        let all: Vec<&Item> = items.iter().collect();
        let rows = flow(&all, 12.0, 1000);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].len(), 1);
        assert_eq!(rows[1][0].0, 0);
        assert_eq!(flow(&all[..2], 12.0, 1000).len(), 1);
        assert_eq!(
            flow(&all, 12.0, 10).len(),
            3,
            "an item wider than the row still gets a row"
        );
    }

    #[test]
    fn wrap_breaks_long_items_between_words() {
        let items = [
            item("short"),
            Item::note("converting is ahead below $30.94/MWh, mining above").rank(1),
        ];
        let width = text_width("converting is ahead below", 12.0, false).max(text_width(
            "$30.94/MWh, mining above",
            12.0,
            false,
        ));
        let out = wrap(&items, 12.0, width);
        let texts: Vec<&str> = out.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "short",
                "converting is ahead below",
                "$30.94/MWh, mining above"
            ]
        );
        assert!(out[1..].iter().all(|i| i.muted && i.rank == 1 && i.new_row));
        assert!(out.iter().all(|i| i.width(12.0) <= width));
        // A single word wider than the row stays whole.
        assert_eq!(wrap(&[item("abcdefgh")], 12.0, 5).len(), 1);
    }

    #[test]
    fn fit_leaves_out_the_highest_ranks_first() {
        let items = [
            item("essential"),
            item("useful").rank(1),
            item("extra").rank(2),
        ];
        let texts = |rows: Vec<Vec<(i32, &Item)>>| -> Vec<String> {
            rows.iter().flatten().map(|(_, i)| i.text.clone()).collect()
        };
        assert_eq!(
            texts(fit(&items, 12.0, 1000, 1)),
            vec!["essential", "useful", "extra"]
        );
        assert_eq!(texts(fit(&items, 12.0, 10, 2)), vec!["essential", "useful"]);
        assert_eq!(texts(fit(&items, 12.0, 10, 1)), vec!["essential"]);
        assert_eq!(
            texts(fit(&items[..1], 12.0, 1, 0)),
            vec!["essential"],
            "rank 0 always stays"
        );
    }
}
