//! Ordering the page's short lists (a chart's markers or steps, the form's
//! fields) with one small stable sort (pure).
//!
//! The standard library's sorts are fast on long lists but each comparator
//! instantiates several kilobytes of code, which the page downloads; the
//! lists sorted here hold at most a few dozen items, for which an insertion
//! sort is as quick. Ties keep their order, as with `sort_by`.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (insertion sort: for short lists only).
pub fn sort_small_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && cmp(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        let mut seed = 7_u64;
        for len in 0..40 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            let mut std = items;
            sort_small_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "length {len}");
        }
    }
}
