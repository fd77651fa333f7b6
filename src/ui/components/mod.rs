//! Small components, each with its own props.

pub mod cash_flows;
pub mod chart_card;
pub mod display_currency;
pub mod drivers;
pub mod extra;
pub mod field_input;
pub mod file_notice;
pub mod input_group;
pub mod kpi_cards;
pub mod language;
pub mod report_head;
pub mod result_bar;
pub mod risk_section;
pub mod saved_list;
pub mod skip_link;
pub mod sources;
pub mod stage;
pub mod text;
pub mod toolbar;
pub mod version_notice;
