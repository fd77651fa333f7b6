//! The page prerendered: `www/prerender.json` holds the default page as the
//! app first draws it, written by Yew's server renderer from the same `App`
//! (natively, with the browser's parts absent), so the first paint needs no
//! WebAssembly. `www/postbuild.mjs` puts it in `index.html`; the app, once
//! started, replaces it in place (`web::take_root`), keeping what was typed
//! into it.
//!
//! It keeps what the first paint shows: the masthead, the headline figures,
//! the form and the first chart. It leaves out what is hidden or far below
//! (the help texts, the charts' tables, the other charts, the risk view, the
//! cash flows, the sources, the tooltips), for the first visit's download.
//! The first chart is drawn at a phone's and at a laptop's width in the
//! light theme: the stylesheet shows the one for the window (scaled to its
//! frame), and in the dark theme keeps its room empty until the app draws it.
//!
//! With it: the saved form of a first visit (the defaults), which the page's
//! first script compares with what this browser holds, to hide the
//! prerendered figures from anyone with inputs of their own.
//!
//! `UPDATE_GOLDEN=1 cargo test --test prerender` writes the file anew; the
//! test fails when the page has changed and the file has not.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use repower::charts::Chart;
use repower::lang::Lang;
use repower::share;
use repower::ui::app::App;
use repower::ui::derive;
use repower::ui::drawings::{chart_id, Drawings, Round, Sight};
use repower::ui::layout::{chart_frame_width, PHONE_MAX};
use repower::ui::state::State;

/// The window widths the first chart is drawn for: a phone (390 px) and a
/// laptop (1366 px); the stylesheet switches at `layout::PHONE_MAX`.
const PHONE: u32 = 390;
const LAPTOP: u32 = 1366;

fn render_app() -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        yew::LocalServerRenderer::<App>::new()
            .hydratable(false)
            .render()
            .await
    })
}

/// Where the element whose start tag is at `from` ends: the index just past
/// its end tag. Elements of the same name nest.
fn element_at(html: &str, from: usize) -> usize {
    let name: String = html[from + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut at = from;
    loop {
        let next_open = html[at + 1..].find(&open).map(|i| i + at + 1);
        let next_close = html[at..].find(&close).map(|i| i + at).expect("an end tag");
        match next_open {
            Some(o) if o < next_close && !is_longer_name(html, o, &name) => {
                depth += 1;
                at = o;
            }
            Some(o) if o < next_close => at = o,
            _ if depth == 0 => return next_close + close.len(),
            _ => {
                depth -= 1;
                at = next_close + close.len() - 1;
            }
        }
    }
}

/// Whether the tag at `at` has a longer name than `name` (`<details` for `<d`).
fn is_longer_name(html: &str, at: usize, name: &str) -> bool {
    html[at + 1 + name.len()..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// `html` without each element whose start tag begins with `start`.
fn without(html: &str, start: &str) -> String {
    let mut out = html.to_owned();
    let mut removed = 0;
    while let Some(from) = out.find(start) {
        let end = element_at(&out, from);
        out.replace_range(from..end, "");
        removed += 1;
    }
    assert!(removed > 0, "nothing begins with {start}");
    out
}

/// `html` with each element whose start tag begins with `start` keeping only
/// its first child (a `<details>`'s summary).
fn only_first_child(html: &str, start: &str) -> String {
    let mut out = html.to_owned();
    let mut at = 0;
    let mut kept = 0;
    while let Some(i) = out[at..].find(start) {
        let from = at + i;
        let end = element_at(&out, from);
        let inner = out[from..end].find('>').expect("a start tag") + from + 1;
        let child_end = element_at(&out, inner);
        let close = out[..end].rfind("</").expect("an end tag");
        out.replace_range(child_end..close, "");
        at = from + 1;
        kept += 1;
    }
    assert!(kept > 0, "nothing begins with {start}");
    out
}

/// The first chart of the default page drawn for a window `window` pixels
/// wide, as the app draws it (`ui::drawings`), in the light theme, with the
/// stylesheet's class for that width.
fn first_chart(window: u32) -> String {
    let width = chart_frame_width(window) / 10 * 10;
    let outcome = derive::evaluation(&State::default().scenario);
    // The app's first paint: before the page says where the charts are.
    let first_paint = Sight {
        near: None,
        in_view: None,
        round: Round::default(),
    };
    let views = Drawings::default().views(&outcome, false, width, first_paint);
    let view = views.first().expect("a chart");
    assert_eq!(view.id, chart_id(Chart::ALL[0]));
    let svg = view.svg.as_ref().expect("a drawing").to_string();
    let class = if window <= PHONE_MAX {
        "pre-chart pre-phone"
    } else {
        "pre-chart pre-wide"
    };
    svg.replacen("<svg ", &format!("<svg class=\"{class}\" "), 1)
}

/// `html` without the attribute `name` (given as ` name="`) anywhere.
fn without_attribute(html: &str, name: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(name) {
        out.push_str(&rest[..i]);
        let value = &rest[i + name.len()..];
        rest = &value[value.find('"').expect("the value's end") + 1..];
    }
    out.push_str(rest);
    out
}

/// The prerendered page.
fn prerender() -> String {
    let mut html = render_app();
    // Far below, or hidden until asked for.
    for start in [
        "<section id=\"chart-build-time\"",
        "<section id=\"chart-energy\"",
        "<section id=\"chart-bridge\"",
        "<details id=\"risk\"",
        "<details id=\"cash-flows\"",
        "<footer",
        "<div class=\"help-pop\"",
        "<span id=\"kpi-exact-",
    ] {
        html = without(&html, start);
    }
    for start in ["<details class=\"help\"", "<details class=\"numbers\""] {
        html = only_first_child(&html, start);
    }
    // Tooltips, shown on hover; what only the app's own inputs do (the
    // keyboard's "?", the help and messages they point to), and the
    // default of `aria-invalid`.
    for name in [" title=\"", " aria-keyshortcuts=\"", " aria-describedby=\""] {
        html = without_attribute(&html, name);
    }
    html = html.replace(" aria-invalid=\"false\"", "");
    // The first chart, at a phone's and at a laptop's width.
    let from = html.find("<svg ").expect("the first chart");
    let end = element_at(&html, from);
    html.replace_range(from..end, &(first_chart(PHONE) + &first_chart(LAPTOP)));
    html
}

/// The form a first visit saves: the defaults, as `web::Saver` writes them.
fn default_form() -> String {
    let state = State::open(None, "").state;
    share::encode_saved(
        state.texts(),
        state.preset.as_deref(),
        state.version(),
        None,
    )
}

/// Each language's code with what the loader says in it before the app
/// starts (the prerendered page is English: a visitor who speaks another
/// language sees "Loading…" in it instead).
fn says() -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for lang in Lang::ALL {
        repower::lang::set(lang);
        out.insert(
            lang.code().to_owned(),
            serde_json::json!({
                "loading": repower::web::loading_text(),
                "failed": repower::web::failed_text(),
            }),
        );
    }
    repower::lang::set(Lang::En);
    serde_json::Value::Object(out)
}

fn file() -> String {
    let value = serde_json::json!({
        "about": "The default page, prerendered: written by `UPDATE_GOLDEN=1 cargo test --test prerender` (tests/prerender.rs), put in index.html by www/postbuild.mjs.",
        "key": repower::web::STORAGE_KEY,
        "display_key": repower::web::DISPLAY_KEY,
        "lang_key": repower::web::LANG_KEY,
        "langs": says(),
        "form": default_form(),
        "html": prerender(),
    });
    serde_json::to_string_pretty(&value).expect("JSON") + "\n"
}

#[test]
fn the_prerendered_page_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/prerender.json");
    let now = file();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &now).unwrap();
        eprintln!("wrote {}", path.display());
        return;
    }
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        before == now,
        "www/prerender.json is not the page as it now draws: run \
         `UPDATE_GOLDEN=1 cargo test --test prerender` and look at the change"
    );
}

#[test]
fn the_prerendered_page_shows_the_default_figures_and_no_hidden_parts() {
    let html = prerender();
    let outcome = derive::evaluation(&State::default().scenario);
    let result = outcome.as_ref().as_ref().expect("the defaults evaluate");
    // The headline figure, as its card writes it.
    let npv = repower::format::money(result.incremental_npv_usd);
    assert!(html.contains(&npv), "no {npv} in the prerendered page");
    assert!(html.contains("id=\"site-grid-capacity-mw\""));
    assert_eq!(html.matches("<svg ").count(), 2, "the first chart, twice");
    for gone in [
        "chart-energy",
        "help-pop",
        "<footer",
        "<table",
        "NaN",
        "Infinity",
    ] {
        assert!(!html.contains(gone), "{gone} in the prerendered page");
    }
}

#[test]
fn elements_are_found_with_their_nested_namesakes() {
    let html = "<div a><div><p>x</p></div><details>y</details></div><div>z</div>";
    assert_eq!(element_at(html, 0), html.find("<div>z").unwrap());
    assert_eq!(
        without_attribute("<a title=\"t\" b><c title=\"\">", " title=\""),
        "<a b><c>"
    );
    assert_eq!(without(html, "<div a"), "<div>z</div>");
    assert_eq!(
        only_first_child(
            "<details c><summary>s</summary><p>t</p></details>",
            "<details c"
        ),
        "<details c><summary>s</summary></details>"
    );
}
