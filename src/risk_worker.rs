//! The risk view's worker, built for wasm32 by Trunk (see `www/index.html`)
//! and started by the page when the risk view is first opened: it answers
//! the page's requests with the engine of `repower::ui::risk_engine`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use repower::ui::risk_engine::{Engine, Reply, SLICE_MS};
    use repower::web::worker::{serve, Service};

    /// The engine, speaking text.
    struct Worker(Engine);

    impl Service for Worker {
        fn handle(&mut self, text: &str, now_ms: f64) -> Vec<String> {
            texts(self.0.handle(text, now_ms))
        }
        fn busy(&self) -> bool {
            self.0.busy()
        }
        fn work(&mut self, clock: &mut dyn FnMut() -> f64) -> Vec<String> {
            texts(self.0.work(SLICE_MS, clock))
        }
        fn wait_ms(&self, now_ms: f64) -> f64 {
            self.0.wait_ms(now_ms)
        }
    }

    fn texts(replies: Vec<Reply>) -> Vec<String> {
        replies.iter().map(Reply::to_text).collect()
    }

    serve(Worker(Engine::new()), &Reply::Ready.to_text());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "repower-risk is the risk view's worker and runs in a browser: build it \
         with `trunk build --release` (see README.md); the native tool is `repower risk`."
    );
    std::process::ExitCode::from(2)
}
