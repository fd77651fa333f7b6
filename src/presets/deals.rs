//! Scenarios built from public mining-to-HPC deals (version 2).

use super::Preset;

/// The deal presets, in the picker's order.
pub fn all() -> Vec<Preset> {
    Vec::new()
}
