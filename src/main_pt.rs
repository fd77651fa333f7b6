//! The page's entry point in its Brazilian Portuguese build (`repower-web-pt`,
//! feature `baked-pt-br`: every text is its translation, looked up at
//! compile time, `src/lang.rs`): the same start as `repower-web`'s. The
//! first script starts it for a page it made Portuguese (`www/postbuild.mjs`).

#[path = "main.rs"]
mod page;

fn main() -> impl std::process::Termination {
    page::main()
}
