//! The browser entry point, built for wasm32 by Trunk (see `www/index.html`):
//! the panic banner, the language and `window.repower` first, then the page, mounted in
//! `#repower` (or the body, should the element be missing).

#[cfg(target_arch = "wasm32")]
pub(crate) fn main() {
    use repower::ui::app::App;
    use repower::web;

    yew::set_custom_panic_hook(Box::new(web::on_panic));
    if let Err(why) = web::speak() {
        web::warn(&format!("Repower speaks English here: {why}"));
    }
    web::install();
    match web::take_root("repower") {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn main() -> std::process::ExitCode {
    eprintln!(
        "repower-web runs in a browser: build it with `trunk build --release` \
         (see README.md); the native tool is `repower`."
    );
    std::process::ExitCode::from(2)
}
