//! What the charts' unit tests share: the size the golden SVGs are drawn
//! at, the sizes the page draws at, and the scenarios drawn at each.

use super::Size;
use crate::model::{evaluate, Evaluation, Scenario};

pub(crate) type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The size of the golden SVGs.
pub(crate) const SIZE: Size = Size {
    width: 720,
    height: 360,
};

/// The sizes the page draws at: the narrowest, phone, tablet, projector
/// column, laptop, and [`SIZE`].
pub(crate) fn page_sizes() -> Vec<Size> {
    let mut sizes: Vec<Size> = [240, 320, 440, 640, 920, 1366]
        .into_iter()
        .map(Size::for_container)
        .collect();
    sizes.push(SIZE);
    sizes
}

/// The preset `id`, evaluated.
pub(crate) fn preset(id: &str) -> Result<Evaluation, Box<dyn std::error::Error>> {
    let p = crate::presets::by_id(id).ok_or_else(|| format!("no preset {id}"))?;
    Ok(evaluate(&p.scenario)?)
}

/// The default scenario and two presets unlike it: TeraWulf–Core42, where
/// the host pays the power and the lines cross inside the sweep, and Core
/// Scientific–CoreWeave.
pub(crate) fn scenarios() -> Result<Vec<(&'static str, Evaluation)>, Box<dyn std::error::Error>> {
    Ok(vec![
        ("default", evaluate(&Scenario::default())?),
        ("terawulf-core42", preset("terawulf-core42")?),
        (
            "core-scientific-coreweave",
            preset("core-scientific-coreweave")?,
        ),
    ])
}
