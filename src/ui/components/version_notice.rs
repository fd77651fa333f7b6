//! The notice over a scenario made under version 1 of the model: what its
//! figures leave out, and the one way to recompute it with version 2.

use yew::prelude::*;

use crate::ui::messages;

#[derive(Properties, PartialEq)]
pub struct VersionNoticeProps {
    /// Recompute the scenario with version 2 (Undo takes it back).
    pub on_upgrade: Callback<()>,
}

#[function_component(VersionNotice)]
pub fn version_notice(props: &VersionNoticeProps) -> Html {
    let onclick = {
        let on_upgrade = props.on_upgrade.clone();
        Callback::from(move |_: MouseEvent| on_upgrade.emit(()))
    };
    html! {
        <div class="notice version-notice" role="region" aria-label={t!("Model version")}>
            <p>{ messages::made_under_v1() }</p>
            <button type="button" class="upgrade" {onclick}>{ t!("Recompute with version 2") }</button>
        </div>
    }
}
