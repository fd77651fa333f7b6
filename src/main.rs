//! The browser entry point, built for wasm32 by Trunk (see `www/index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    repower::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "repower-web runs in a browser: build it with `trunk build --release` \
         (see README.md); the native tool is `repower`."
    );
    std::process::ExitCode::from(2)
}
