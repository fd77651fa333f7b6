//! Presentation mode, for a screen shared in a call: the headline figures
//! and the charts large, the six inputs that decide a conversation as big
//! steppers and sliders, the rest of the form hidden, presets one key away
//! (pure: which inputs, which keys).
//!
//! The mode is the page's, not the scenario's: entering or leaving it
//! changes no input, and leaving returns the page as it was (its scroll
//! position and the focus on the button that entered).

use crate::model::Field;

/// The inputs a conversation turns on, in the order they are shown.
pub const STAGE_FIELDS: [Field; 6] = [
    Field::SiteGridCapacity,
    Field::SiteEnergyPrice,
    Field::MiningHashprice,
    Field::ContractRate,
    Field::HpcCapex,
    Field::HpcConversionMonths,
];

/// The key that enters and leaves presentation mode, as
/// `aria-keyshortcuts` and the button's title name it.
pub const SHORTCUT: &str = "P";

/// How many presets have a key (`1` to `9`) in presentation mode.
pub const PRESET_KEYS: usize = 9;

/// How the page is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Every input, the figures and the charts, the risk view, the sources.
    #[default]
    Edit,
    /// For a shared screen: see the module's documentation.
    Present,
}

impl Mode {
    /// The other mode.
    pub fn toggled(self) -> Mode {
        match self {
            Mode::Edit => Mode::Present,
            Mode::Present => Mode::Edit,
        }
    }
}

/// Where a key was pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// In a box, a list or another control that reads keys itself.
    InControl,
    /// Anywhere else on the page.
    Page,
}

/// A key as the shortcuts read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Press<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// Ctrl, Alt or Meta held: the browser's or the system's shortcut.
    pub modified: bool,
    pub focus: Focus,
    /// A handler on the page has already used the key (a help closed by
    /// Escape, say).
    pub used: bool,
}

/// What a key does to the mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageKey {
    /// Enter or leave presentation mode.
    Toggle,
    /// Leave presentation mode.
    Leave,
    /// Load the preset of this index in the picker's list (the key `1` is
    /// index 0).
    Preset(usize),
}

/// The shortcut a key is, in `mode`, with `presets` presets in the list.
/// Keys typed into a control are the control's; so are keys another
/// handler used, and the system's shortcuts.
pub fn stage_key(press: &Press<'_>, mode: Mode, presets: usize) -> Option<StageKey> {
    if press.modified || press.used || press.focus == Focus::InControl {
        return None;
    }
    match (press.key, mode) {
        (key, _) if key.eq_ignore_ascii_case(SHORTCUT) => Some(StageKey::Toggle),
        ("Escape", Mode::Present) => Some(StageKey::Leave),
        (key, Mode::Present) => {
            let digit = key
                .parse::<usize>()
                .ok()
                .filter(|d| key.len() == 1 && *d >= 1)?;
            (digit <= presets).then(|| StageKey::Preset(digit - 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> Press<'_> {
        Press {
            key,
            modified: false,
            focus: Focus::Page,
            used: false,
        }
    }

    #[test]
    fn keys_in_each_mode() {
        use Mode::{Edit, Present};
        let table: &[(&str, Mode, Option<StageKey>)] = &[
            ("p", Edit, Some(StageKey::Toggle)),
            ("P", Present, Some(StageKey::Toggle)),
            ("Escape", Present, Some(StageKey::Leave)),
            ("Escape", Edit, None),
            ("1", Present, Some(StageKey::Preset(0))),
            ("5", Present, Some(StageKey::Preset(4))),
            ("6", Present, None),
            ("0", Present, None),
            ("1", Edit, None),
            ("q", Present, None),
            ("12", Present, None),
        ];
        for (key, mode, want) in table {
            assert_eq!(stage_key(&press(key), *mode, 5), *want, "{key} in {mode:?}");
        }
    }

    #[test]
    fn keys_of_controls_and_the_system_are_left_alone() {
        for p in [
            Press {
                focus: Focus::InControl,
                ..press("p")
            },
            Press {
                modified: true,
                ..press("p")
            },
            Press {
                used: true,
                ..press("Escape")
            },
            Press {
                focus: Focus::InControl,
                ..press("1")
            },
        ] {
            assert_eq!(stage_key(&p, Mode::Present, 5), None, "{p:?}");
        }
    }

    #[test]
    fn the_stage_shows_six_different_inputs_that_read_numbers() {
        for (i, f) in STAGE_FIELDS.iter().enumerate() {
            assert!(!STAGE_FIELDS[..i].contains(f), "{f:?} twice");
            assert!(
                crate::ui::catalog::slider(*f).is_some(),
                "{f:?} has no slider"
            );
        }
    }
}
