//! Small components, each with its own props.

pub mod chart_card;
pub mod field_input;
pub mod input_group;
pub mod kpi_cards;
pub mod sources;
pub mod toolbar;
pub mod version_notice;
