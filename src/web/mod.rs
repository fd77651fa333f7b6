//! The only place that touches the browser: storage, the URL, the colour
//! scheme, downloads (a drawing as a PNG in `image`), timers, the
//! JavaScript API and the panic banner.
//!
//! A leaf: it knows the browser and the model's API, never the page built on
//! them (`crate::ui` calls in here; the entry point, `src/main.rs`, mounts
//! the page). Every call here degrades quietly: storage may be disabled
//! (private mode, `file://`), the clipboard may be refused; the page keeps
//! working.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::Field;

pub mod api;
pub mod extra;
pub mod image;
pub mod worker;

/// Where the form is kept across reloads (the prerendered page's first
/// script reads it too: `tests/prerender.rs`).
pub const STORAGE_KEY: &str = "repower.form.v1";

fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// Sets up what the page needs before it is mounted: `window.repower`.
pub fn install() {
    api::install();
}

/// The element with id `id`, emptied (of its "Loading…" text, or of the
/// prerendered page, which the page's loader carries over: see
/// `tests/prerender.rs`) for the page to be mounted in; `None` where there is
/// no such element.
pub fn take_root(id: &str) -> Option<web_sys::Element> {
    let document = window()?.document()?;
    let root = document.get_element_by_id(id)?;
    TYPED.with(|t| *t.borrow_mut() = typed_on(&document, &root));
    root.set_inner_html("");
    Some(root)
}

thread_local! {
    /// What [`take_root`] found typed into the prerendered page.
    static TYPED: std::cell::RefCell<Vec<(Field, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What was typed into the prerendered page's text boxes before the app
/// started (each box's field and text, where it differs from the box's
/// first text), as [`take_root`] found it, for the app's first render
/// to show its figures; given once. None when no prerendered page was
/// shown, or a preset was chosen on it (the loader then chooses it again on
/// the app, then types each input).
pub fn typed_before_start() -> Vec<(Field, String)> {
    TYPED.with(|t| std::mem::take(&mut *t.borrow_mut()))
}

/// The URL fragment without `#` (empty when none).
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// Removes the scenario from the address once the page has read it, so a
/// reload shows what was typed since (saved locally) rather than the link's
/// values again. The development switch `dev` stays.
pub fn clear_scenario_fragment() {
    let Some(w) = window() else { return };
    let hash = w.location().hash().unwrap_or_default();
    let kept = hash.trim_start_matches('#').split('&').any(|p| p == "dev");
    replace_fragment(&w, if kept { "dev" } else { "" });
}

/// Puts `fragment` in the address in place of the one there, without a
/// new entry in the history or a reload.
fn replace_fragment(w: &web_sys::Window, fragment: &str) {
    let href = w.location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    let url = if fragment.is_empty() {
        base.to_owned()
    } else {
        format!("{base}#{fragment}")
    };
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The storage item of the language chosen on the page (the prerendered
/// page's first script reads it: `tests/prerender.rs`).
pub const LANG_KEY: &str = "repower.lang";

/// Speaks the language the page's first script chose (`<html lang>`: from a
/// link's `lang`, the language chosen here before, or the browser's), with
/// the catalogue the loader fetched for it (`window.repowerTexts`). Should
/// that catalogue be missing or not read, the page speaks English (and
/// `<html lang>` says so), and the reason is returned. The page's builds
/// (`lang::BAKED`: the loader starts the one of the language the first
/// script chose) speak their own language with no catalogue.
pub fn speak() -> Result<crate::lang::Lang, String> {
    use crate::lang::{self, Lang};
    if let Some(own) = lang::BAKED {
        return Ok(own);
    }
    let Some(w) = window() else {
        return Ok(Lang::En);
    };
    let root = w.document().and_then(|d| d.document_element());
    let chosen = root
        .as_ref()
        .and_then(|r| r.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::En);
    if chosen == Lang::En {
        return Ok(Lang::En);
    }
    let outcome = match catalogue_text() {
        Some(text) => lang::load(chosen, &text).map_err(|e| e.to_string()),
        None => Err(format!("the {} texts could not be fetched", chosen.name())),
    };
    match outcome {
        Ok(()) => Ok(chosen),
        Err(why) => {
            if let Some(r) = root {
                let _ = r.set_attribute("lang", Lang::En.code());
            }
            UNSPOKEN.with(|u| u.set(Some(chosen)));
            Err(why)
        }
    }
}

thread_local! {
    static UNSPOKEN: std::cell::Cell<Option<crate::lang::Lang>> = const { std::cell::Cell::new(None) };
}

/// The language chosen that [`speak`] could not speak (its catalogue was not
/// there), for the page to say so.
pub fn unspoken() -> Option<crate::lang::Lang> {
    UNSPOKEN.with(std::cell::Cell::get)
}

/// What the page says while the app is on its way (`www/index.html` says
/// it in English; the loader in the language chosen).
pub fn loading_text() -> &'static str {
    t!("Loading the calculator…")
}

/// What the page says when the app cannot start; `{why}` is the browser's
/// reason (filled by the loader).
pub fn failed_text() -> &'static str {
    t!("The calculator could not start in this browser ({why}). It needs WebAssembly.")
}

/// Writes `message` to the browser's console as a warning.
pub fn warn(message: &str) {
    if window().is_some() {
        web_sys::console::warn_1(&JsValue::from_str(message));
    }
}

/// The catalogue of the language chosen, as the loader fetched it
/// (`window.repowerTexts`), for whoever speaks it here from a catalogue (the
/// extra module, the risk view's worker; the page's own builds have their
/// texts in place).
pub fn catalogue_text() -> Option<String> {
    let w = window()?;
    js_sys::Reflect::get(&w, &JsValue::from_str("repowerTexts"))
        .ok()?
        .as_string()
}

/// Speaks `lang` from now on: kept in this browser (or, where storage is
/// unavailable, in the address), then the page is loaded again in it (the form is saved as the page is left, in the language it
/// was typed in, and read back in the new one: `share::decode_saved`).
pub fn switch_language(lang: crate::lang::Lang) {
    let Some(w) = window() else { return };
    let kept = w
        .local_storage()
        .ok()
        .flatten()
        .is_some_and(|storage| storage.set_item(LANG_KEY, lang.code()).is_ok());
    // A language in the address would win over the one kept: it goes, or,
    // where storage is unavailable, carries the new one (the first script
    // reads a link's `lang`).
    let hash = w.location().hash().unwrap_or_default();
    let mut parts: Vec<String> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .map(str::to_owned)
        .collect();
    if !kept {
        parts.push(format!("lang={}", lang.code()));
    }
    replace_fragment(&w, &parts.join("&"));
    let _ = w.location().reload();
}

/// The prerendered page's text boxes typed into (see [`typed_before_start`]),
/// `root` being the page's root as it comes.
fn typed_on(document: &web_sys::Document, root: &web_sys::Element) -> Vec<(Field, String)> {
    // A preset chosen: the option shown is not the one the page came with
    // (marked `selected`; unmarked, the start types the boxes as before).
    let preset_chosen = root
        .query_selector("select[data-tool=\"picker\"] option:checked")
        .ok()
        .flatten()
        .is_some_and(|o| !o.has_attribute("selected"));
    if !root.has_attribute("data-pre") || preset_chosen {
        return Vec::new();
    }
    Field::ALL
        .iter()
        .copied()
        .filter_map(|f| {
            let input = document
                .get_element_by_id(&f.html_id())?
                .dyn_into::<web_sys::HtmlInputElement>()
                .ok()?;
            let text = input.value();
            let boxed = input.get_attribute("type").as_deref() == Some("text");
            (boxed && text != input.default_value()).then_some((f, text))
        })
        .collect()
}

/// The saved form, if any.
pub fn load_saved() -> Option<String> {
    window()?
        .local_storage()
        .ok()??
        .get_item(STORAGE_KEY)
        .ok()?
}

/// The storage item of the display currency (`ui::display`).
pub const DISPLAY_KEY: &str = "repower.display";

/// The display currency as stored, if any.
pub fn load_display() -> Option<String> {
    window()?
        .local_storage()
        .ok()??
        .get_item(DISPLAY_KEY)
        .ok()?
}

/// Keeps the display currency (`None`: dollars, the item removed); ignored
/// where storage is unavailable.
pub fn save_display(text: Option<&str>) {
    if let Some(storage) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = match text {
            Some(text) => storage.set_item(DISPLAY_KEY, text),
            None => storage.remove_item(DISPLAY_KEY),
        };
    }
}

/// Saves the form (ignored where storage is unavailable).
pub fn save(text: &str) {
    if let Some(storage) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(STORAGE_KEY, text);
    }
}

/// Why the browser's storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No storage here (private mode, storage turned off, no window).
    Unavailable,
    /// The storage is full (`QuotaExceededError` on a write).
    Full,
    /// The browser refused for another reason.
    Refused,
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Every stored item whose key starts with `prefix`, as `(key, text)`.
pub fn stored_items(prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
    let storage = storage()?;
    let n = storage.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some((key, text))
        })
        .collect())
}

/// Whether anything is stored under a key starting with `prefix` (false
/// where there is no storage).
pub fn has_stored(prefix: &str) -> bool {
    let Ok(storage) = storage() else {
        return false;
    };
    let n = storage.length().unwrap_or(0);
    (0..n).any(|i| {
        storage
            .key(i)
            .ok()
            .flatten()
            .is_some_and(|k| k.starts_with(prefix))
    })
}

/// Stores `text` under `key`; says why not where the browser refuses.
pub fn store(key: &str, text: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StorageError::Full
        } else {
            StorageError::Refused
        }
    })
}

/// Removes the item under `key`.
pub fn unstore(key: &str) -> Result<(), StorageError> {
    storage()?
        .remove_item(key)
        .map_err(|_| StorageError::Refused)
}

/// Now, in milliseconds since 1970 (UTC).
pub fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

/// The local time at `ms` (UTC milliseconds since 1970), in milliseconds
/// since 1970 on the local clock.
pub fn local_ms(ms: u64) -> i64 {
    let utc = i64::try_from(ms).unwrap_or(i64::MAX);
    let offset = js_sys::Date::new(&JsValue::from_f64(ms as f64)).get_timezone_offset();
    if offset.is_finite() {
        utc.saturating_sub((offset * 60_000.0) as i64)
    } else {
        utc
    }
}

/// How long after the last edit the form is saved.
pub const SAVE_AFTER_MS: u32 = 250;

/// The form waiting to be saved, written when asked for.
type Pending = std::rc::Rc<std::cell::RefCell<Option<Box<dyn FnOnce() -> String>>>>;

/// Saves the form as opened at once (in the format this release writes),
/// then [`SAVE_AFTER_MS`] after the last edit, so no keystroke waits on
/// storage, and at once when the page is hidden or left (`pagehide`,
/// `visibilitychange`), so nothing typed is lost.
pub struct Saver {
    pending: Pending,
    timer: Option<Timer>,
    saved_once: bool,
    _listeners: [Listener; 2],
}

fn flush(pending: &Pending) {
    let job = pending.borrow_mut().take();
    if let Some(text) = job {
        save(&text());
    }
}

impl Saver {
    /// Listens for the page being hidden or left.
    pub fn start() -> Saver {
        let pending: Pending = Default::default();
        let left = {
            let pending = pending.clone();
            move |_: web_sys::Event| flush(&pending)
        };
        let hidden = {
            let pending = pending.clone();
            move |_: web_sys::Event| {
                let gone = window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| d.hidden());
                if gone {
                    flush(&pending);
                }
            }
        };
        let win = window().map(web_sys::EventTarget::from);
        let doc = window()
            .and_then(|w| w.document())
            .map(web_sys::EventTarget::from);
        Saver {
            _listeners: [
                listen(win, "pagehide", left),
                listen(doc, "visibilitychange", hidden),
            ],
            pending,
            timer: None,
            saved_once: false,
        }
    }

    /// Saves what `text()` gives, [`SAVE_AFTER_MS`] from now unless a later
    /// call replaces it first (the first call: now).
    pub fn later(&mut self, text: impl FnOnce() -> String + 'static) {
        if !self.saved_once {
            self.saved_once = true;
            save(&text());
            return;
        }
        *self.pending.borrow_mut() = Some(Box::new(text));
        let pending = self.pending.clone();
        self.timer = Some(Timer::after(SAVE_AFTER_MS, move || flush(&pending)));
    }
}

/// A media query the page follows: the system's dark mode.
pub const DARK: &str = "(prefers-color-scheme: dark)";

/// Whether a media query matches now.
pub fn matches(query: &str) -> bool {
    window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Keeps an event listener alive; dropping it stops listening.
pub struct Listener {
    /// Where it listens (`None` with no target, as when the page is
    /// rendered ahead of time, outside a browser).
    heard: Option<Heard>,
    phase: Phase,
}

struct Heard {
    target: web_sys::EventTarget,
    event: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

/// When a listener hears its event: on the way down to the element it is
/// for (before the page's own handlers), or as it bubbles back up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Capture,
    Bubble,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(h) = &self.heard {
            let _ = h.target.remove_event_listener_with_callback_and_bool(
                h.event,
                h.closure.as_ref().unchecked_ref(),
                self.phase == Phase::Capture,
            );
        }
    }
}

/// Calls `f` on each `event` at `target` (as it bubbles).
pub fn on_event(
    target: &web_sys::EventTarget,
    event: &'static str,
    f: impl FnMut(web_sys::Event) + 'static,
) -> Listener {
    listen(Some(target.clone()), event, f)
}

fn listen(
    target: Option<web_sys::EventTarget>,
    event: &'static str,
    f: impl FnMut(web_sys::Event) + 'static,
) -> Listener {
    listen_in(target, event, Phase::Bubble, f)
}

fn listen_in(
    target: Option<web_sys::EventTarget>,
    event: &'static str,
    phase: Phase,
    f: impl FnMut(web_sys::Event) + 'static,
) -> Listener {
    let heard = target.map(|target| {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = target.add_event_listener_with_callback_and_bool(
            event,
            closure.as_ref().unchecked_ref(),
            phase == Phase::Capture,
        );
        Heard {
            target,
            event,
            closure,
        }
    });
    Listener { heard, phase }
}

/// Calls `f()` whenever the user starts something on the page (a key, a
/// press of the pointer, a value changed), before the page handles it.
pub fn on_user_input(f: impl Fn() + 'static) -> Vec<Listener> {
    let f = std::rc::Rc::new(f);
    let target = window()
        .and_then(|w| w.document())
        .map(web_sys::EventTarget::from);
    ["keydown", "pointerdown", "input"]
        .into_iter()
        .map(|event| {
            let f = f.clone();
            listen_in(target.clone(), event, Phase::Capture, move |_| f())
        })
        .collect()
}

/// Calls `f(matches)` whenever the media query starts or stops matching.
pub fn on_media_change(query: &str, f: impl Fn(bool) + 'static) -> Listener {
    let target = window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .map(web_sys::EventTarget::from);
    listen(target, "change", move |e: web_sys::Event| {
        let now = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::MediaQueryList>().ok())
            .is_some_and(|m| m.matches());
        f(now);
    })
}

/// Calls `f()` whenever the window changes size.
pub fn on_resize(f: impl Fn() + 'static) -> Listener {
    let target = window().map(web_sys::EventTarget::from);
    listen(target, "resize", move |_| f())
}

/// How close to the window an element must be for [`on_reach`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Within a screen's height of it.
    Near,
    /// In it.
    InView,
}

impl Reach {
    /// The `IntersectionObserver`'s `rootMargin`.
    fn root_margin(self) -> &'static str {
        match self {
            Reach::Near => "100% 0px",
            Reach::InView => "0px",
        }
    }
}

/// Watches elements by id and reports, as they move, which are within
/// `reach` of the window (`(id, within)` pairs; every watched element once
/// at the start). Dropping it stops watching. `None` where the browser has
/// no `IntersectionObserver`: treat every element as within reach.
pub fn on_reach(
    ids: &[String],
    reach: Reach,
    f: impl Fn(Vec<(String, bool)>) + 'static,
) -> Option<ReachWatch> {
    use js_sys::{Array, Function, Object, Reflect};
    let w = window()?;
    let doc = w.document()?;
    let ctor: Function = Reflect::get(&w, &"IntersectionObserver".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let closure = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
        let changes = entries
            .iter()
            .filter_map(|e| {
                let near = Reflect::get(&e, &"isIntersecting".into()).ok()?.as_bool()?;
                let target = Reflect::get(&e, &"target".into()).ok()?;
                let id = Reflect::get(&target, &"id".into()).ok()?.as_string()?;
                Some((id, near))
            })
            .collect();
        f(changes);
    });
    let options = Object::new();
    Reflect::set(&options, &"rootMargin".into(), &reach.root_margin().into()).ok()?;
    let observer = Reflect::construct(&ctor, &Array::of2(closure.as_ref(), &options)).ok()?;
    let observe: Function = Reflect::get(&observer, &"observe".into())
        .ok()?
        .dyn_into()
        .ok()?;
    for id in ids {
        if let Some(el) = doc.get_element_by_id(id) {
            let _ = observe.call1(&observer, &el);
        }
    }
    Some(ReachWatch {
        observer,
        _closure: closure,
    })
}

/// An element watch started by [`on_reach`].
pub struct ReachWatch {
    observer: JsValue,
    _closure: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for ReachWatch {
    fn drop(&mut self) {
        if let Ok(disconnect) = js_sys::Reflect::get(&self.observer, &"disconnect".into()) {
            if let Some(disconnect) = disconnect.dyn_ref::<js_sys::Function>() {
                let _ = disconnect.call0(&self.observer);
            }
        }
    }
}

/// A key pressed on the page, as shortcuts read it.
pub struct KeyPress {
    /// `KeyboardEvent.key`.
    pub key: String,
    /// Ctrl, Alt or Meta held.
    pub modified: bool,
    /// Pressed in a box, a list, a slider or a text area (which read keys
    /// themselves).
    pub in_control: bool,
    /// A handler on the page already used it (`defaultPrevented`).
    pub used: bool,
}

/// Calls `f(press)` for every key pressed on the page, after the page's own
/// handlers; when `f` returns true the key's default action is prevented.
pub fn on_key(f: impl Fn(&KeyPress) -> bool + 'static) -> Listener {
    let target = window()
        .and_then(|w| w.document())
        .map(web_sys::EventTarget::from);
    listen(target, "keydown", move |e: web_sys::Event| {
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let tag = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.tag_name())
            .unwrap_or_default();
        let press = KeyPress {
            key: k.key(),
            modified: k.ctrl_key() || k.alt_key() || k.meta_key(),
            in_control: matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA"),
            used: k.default_prevented(),
        };
        if f(&press) {
            e.prevent_default();
        }
    })
}

/// How far the page is scrolled down, in CSS pixels.
pub fn scroll_y() -> f64 {
    window()
        .and_then(|w| w.scroll_y().ok())
        .filter(|y| y.is_finite())
        .unwrap_or(0.0)
}

/// Scrolls the page to `y` CSS pixels from its top.
pub fn scroll_to_y(y: f64) {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Moves the keyboard focus to the element with this id.
pub fn focus_id(id: &str) {
    let el = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// This page's address with `fragment` (without `#`) after it.
pub fn page_url(fragment: &str) -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    if fragment.is_empty() {
        base.to_owned()
    } else {
        format!("{base}#{fragment}")
    }
}

/// Today's date on this computer: year, month (from 1), day.
pub fn today() -> (i32, u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Calls `f()` after the page is printed (or printing is cancelled).
pub fn on_after_print(f: impl Fn() + 'static) -> Listener {
    let target = window().map(web_sys::EventTarget::from);
    listen(target, "afterprint", move |_| f())
}

/// Calls `f()` before the page is printed.
pub fn on_before_print(f: impl Fn() + 'static) -> Listener {
    let target = window().map(web_sys::EventTarget::from);
    listen(target, "beforeprint", move |_| f())
}

/// The window's width in CSS pixels (read without forcing a layout; 1024
/// where there is no window).
pub fn viewport_width() -> u32 {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .filter(|x| x.is_finite() && *x > 0.0)
        .map_or(1024, |x| x as u32)
}

/// A callback that runs once, later, unless dropped first.
pub struct Timer {
    /// The timeout to clear on drop.
    timeout: Option<i32>,
    _closure: Closure<dyn FnMut()>,
}

impl Timer {
    /// Runs `f` after `ms` milliseconds (`setTimeout`).
    pub fn after(ms: u32, f: impl FnOnce() + 'static) -> Timer {
        let closure = once(f);
        let id = window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                i32::try_from(ms).unwrap_or(i32::MAX),
            )
            .ok()
        });
        Timer {
            timeout: id,
            _closure: closure,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.timeout, window()) {
            w.clear_timeout_with_handle(id);
        }
    }
}

/// `f` as a closure the browser may call (once; later calls do nothing).
fn once(f: impl FnOnce() + 'static) -> Closure<dyn FnMut()> {
    let mut f = Some(f);
    Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            f();
        }
    })
}

/// Calls `f()` whenever the address's fragment changes (a link pasted into
/// the address bar of an open page).
pub fn on_hash_change(f: impl Fn() + 'static) -> Listener {
    let target = window().map(web_sys::EventTarget::from);
    listen(target, "hashchange", move |_| f())
}

/// Runs `f` once the renders asked for so far have reached the DOM: Yew
/// renders in a microtask, and this one is queued after it.
pub fn after_renders(f: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move { f() });
}

/// Lays out the page now (reads an element's height), rather than at the
/// next frame or in the next task that reads a size.
pub fn lay_out(el: &web_sys::Element) {
    let _ = el.client_height();
}

/// Dispatches `repower:rendered` on the document after a render reached the DOM.
pub fn announce_render() {
    if let Some(doc) = window().and_then(|w| w.document()) {
        if let Ok(event) = web_sys::Event::new("repower:rendered") {
            let _ = doc.dispatch_event(&event);
        }
    }
}

/// Whether the page was opened from a file (`file://`, the single file): a
/// link to it leads to this computer's disk, so it is no way to share.
pub fn is_file_page() -> bool {
    window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// Copies a link to the page with `fragment` to the clipboard and calls
/// `done` with what happened. Where the browser refuses, the message holds
/// the link to copy by hand. The address bar is left alone: a link there would
/// bring its values back on a reload, over what was typed since.
pub fn share_link(fragment: &str, done: impl FnOnce(String) + 'static) {
    let Some(w) = window() else {
        return done("No window to share from".to_owned());
    };
    let url = page_url(fragment);
    let by_hand = format!("Copy this link to share the scenario:\n{url}");
    let navigator = w.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return done(by_hand);
    }
    let promise = navigator.clipboard().write_text(&url);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done("Link to this scenario copied".to_owned()),
            Err(_) => done(by_hand),
        }
    });
}

/// Offers `text` as a file download; says what happened.
pub fn download(filename: &str, mime: &str, text: &str) -> String {
    match blob(text, mime) {
        Some(blob) => save_blob(filename, &blob),
        None => refused(filename),
    }
}

/// `text` as a blob of type `mime`.
fn blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Offers `blob` as the file download `filename`; says what happened.
fn save_blob(filename: &str, blob: &web_sys::Blob) -> String {
    match try_save(filename, blob) {
        Some(()) => format!("Saved {filename}"),
        None => refused(filename),
    }
}

fn refused(filename: &str) -> String {
    format!("{filename}: this browser refused the download")
}

fn try_save(filename: &str, blob: &web_sys::Blob) -> Option<()> {
    let doc = window()?.document()?;
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// Reads the file chosen in an `<input type=file>` and calls `done(name, text)`.
pub fn read_chosen_file(
    e: web_sys::Event,
    done: impl FnOnce(String, Result<String, String>) + 'static,
) {
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    if file.size() > 1_000_000.0 {
        done(
            name,
            Err(t!("larger than 1 MB; not a scenario file").to_owned()),
        );
        return;
    }
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise).await;
        let text = match text {
            Ok(v) => v.as_string().ok_or_else(|| t!("not text").to_owned()),
            Err(_) => Err(t!("could not be read").to_owned()),
        };
        done(name, text);
    });
}

/// What the page does if a panic ever happens: says so on the console and
/// replaces the frozen page with a clear banner. The entry point installs it
/// as the panic hook.
pub fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&JsValue::from_str(&format!("Repower stopped: {info}")));
    show_panic_banner();
}

/// Puts the "something went wrong" banner at the top of the page, once. It
/// works without the (stopped) WebAssembly: its reload link is a plain link
/// to the page's address without the fragment (a fragment-only link would not
/// reload); the inputs come back from storage.
pub fn show_panic_banner() {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("panic-banner").is_some() {
        return;
    }
    let Ok(banner) = doc.create_element("div") else {
        return;
    };
    banner.set_id("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let Ok(text) = doc.create_element("p") else {
        return;
    };
    text.set_text_content(Some(
        "Something went wrong and the calculator stopped. Reload the page: your inputs are saved.",
    ));
    let _ = banner.append_child(&text);
    if let Ok(link) = doc.create_element("a") {
        let href = window()
            .and_then(|w| w.location().href().ok())
            .map(|h| h.split('#').next().unwrap_or_default().to_owned())
            .unwrap_or_default();
        let _ = link.set_attribute("href", &href);
        link.set_text_content(Some("Reload"));
        let _ = banner.append_child(&link);
    }
    let _ = body.prepend_with_node_1(&banner);
}
