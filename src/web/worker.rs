//! Workers, both sides: the page's [`Link`] to a worker it starts, and
//! [`serve`], which a worker's entry point calls to answer the page.
//!
//! Messages are text both ways. A worker speaks first (once it has
//! started): what the page posts before that is held and sent then, so
//! nothing is lost while the worker's code loads.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The risk view's worker script when the page names none (a development
/// build, as Trunk writes it; the release build names its hashed copy in
/// `<meta name="repower-risk-worker">`, see `www/postbuild.mjs`).
const RISK_WORKER_DEV: &str = "./repower-risk_loader.js";

/// The address of the risk view's worker script.
pub fn risk_worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=\"repower-risk-worker\"]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| RISK_WORKER_DEV.to_owned())
}

/// The page's side of a worker: posts text to it, hands its messages to a
/// callback. The worker stops when the link is dropped.
pub struct Link {
    worker: web_sys::Worker,
    /// What was posted before the worker first spoke (`None` once it has).
    held: Rc<RefCell<Option<Vec<String>>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Link {
    /// Starts the worker at `url`. `on_message` gets each message's text;
    /// `on_failure` is called once if the worker cannot start or stops with
    /// an error. `Err` (the browser's reason) when it cannot even be made.
    pub fn start(
        url: &str,
        on_message: impl Fn(String) + 'static,
        on_failure: impl Fn(String) + 'static,
    ) -> Result<Link, String> {
        let worker = web_sys::Worker::new(url).map_err(|e| describe(&e))?;
        let held: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let held = held.clone();
            let worker = worker.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let waiting = held.borrow_mut().take();
                for text in waiting.into_iter().flatten() {
                    let _ = worker.post_message(&JsValue::from_str(&text));
                }
                if let Some(text) = e.data().as_string() {
                    on_message(text);
                }
            })
        };
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            let message = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(web_sys::ErrorEvent::message)
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "its script could not be loaded".to_owned());
            on_failure(message);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Link {
            worker,
            held,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Posts `text` to the worker (held until the worker has started).
    pub fn post(&self, text: String) {
        if let Some(waiting) = self.held.borrow_mut().as_mut() {
            waiting.push(text);
            return;
        }
        let _ = self.worker.post_message(&JsValue::from_str(&text));
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// What a worker does with the page's messages.
pub trait Service {
    /// Handles one message at `now_ms`; returns the messages to send.
    fn handle(&mut self, text: &str, now_ms: f64) -> Vec<String>;
    /// Whether there is work in hand ([`Service::work`] is called again,
    /// in a task of its own, so messages are read in between).
    fn busy(&self) -> bool;
    /// Works a slice; `clock` reads the time in ms. Returns the messages
    /// to send.
    fn work(&mut self, clock: &mut dyn FnMut() -> f64) -> Vec<String>;
    /// How long to wait, from `now_ms`, before the next slice (0: at once).
    fn wait_ms(&self, now_ms: f64) -> f64;
}

/// The worker's side: says `hello`, then answers each message of the page
/// with `service`, and works its slices in tasks of their own while it is
/// busy. Call it once, from the worker's entry point.
pub fn serve<S: Service + 'static>(service: S, hello: &str) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let performance = scope.performance();
    let now = move || performance.as_ref().map_or(0.0, web_sys::Performance::now);
    let service = Rc::new(RefCell::new(service));
    // Slices are scheduled by a message to itself (a chain of
    // `setTimeout(0)` would wait 4 ms each time).
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let (wake, ring) = (channel.port1(), channel.port2());
    let send = {
        let scope = scope.clone();
        move |messages: Vec<String>| {
            for m in messages {
                let _ = scope.post_message(&JsValue::from_str(&m));
            }
        }
    };
    let scheduled = Rc::new(RefCell::new(false));
    // The slice, set below: it asks for the next one itself.
    let slice_fn: Rc<RefCell<Option<js_sys::Function>>> = Rc::new(RefCell::new(None));
    // Asks for a slice, at once or after `wait_ms`, when there is work and
    // none is asked for yet.
    let schedule = {
        let scheduled = scheduled.clone();
        let scope = scope.clone();
        let slice_fn = slice_fn.clone();
        Rc::new(move |busy: bool, wait_ms: f64| {
            if !busy || scheduled.replace(true) {
                return;
            }
            match slice_fn.borrow().as_ref().filter(|_| wait_ms > 0.0) {
                Some(f) => {
                    let ms = wait_ms.ceil().min(1000.0) as i32;
                    let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(f, ms);
                }
                None => {
                    let _ = ring.post_message(&JsValue::NULL);
                }
            }
        })
    };
    let slice = {
        let service = service.clone();
        let scheduled = scheduled.clone();
        let send = send.clone();
        let schedule = schedule.clone();
        let now = now.clone();
        Closure::<dyn FnMut()>::new(move || {
            scheduled.replace(false);
            let out = service.borrow_mut().work(&mut || now());
            send(out);
            let s = service.borrow();
            schedule(s.busy(), s.wait_ms(now()));
        })
    };
    let f: &js_sys::Function = slice.as_ref().unchecked_ref();
    slice_fn.replace(Some(f.clone()));
    wake.set_onmessage(Some(f));
    let on_message = {
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let Some(text) = e.data().as_string() {
                let out = service.borrow_mut().handle(&text, now());
                send(out);
                let s = service.borrow();
                schedule(s.busy(), s.wait_ms(now()));
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Both live as long as the worker.
    slice.forget();
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(hello));
}

/// A thrown value as text.
fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "the browser refused".to_owned())
}
