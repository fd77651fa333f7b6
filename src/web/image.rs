//! A drawing saved as a PNG: the SVG text loaded as an image from a `blob:`
//! URL, drawn on a canvas at a multiple of its size and encoded by the
//! browser (`canvas.toBlob`). The page's Content-Security-Policy allows
//! images from `blob:` for this (www/postbuild.mjs).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement, Url};

/// Saves `svg` (a drawing of its own, `width` × `height` CSS pixels, which
/// paints its own background) as the PNG `filename`, `scale` times that
/// size (in whole pixels), and calls `done` with what happened: `Saved …`, or that the
/// browser would not read the drawing as an image, draw it on a canvas or
/// encode the canvas (a canvas it deems unsafe to read, say).
pub fn save_png(
    svg: &str,
    (width, height): (f64, f64),
    scale: f64,
    filename: &str,
    done: impl FnOnce(String) + 'static,
) {
    let image = HtmlImageElement::new().ok();
    let url = super::blob(svg, "image/svg+xml")
        .and_then(|blob| Url::create_object_url_with_blob(&blob).ok());
    let filename = filename.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let mut png = None;
        if let (Some(image), Some(url)) = (image, url) {
            image.set_src(&url);
            let read = JsFuture::from(image.decode()).await.is_ok();
            let _ = Url::revoke_object_url(&url);
            if let Some(encoded) = read
                .then(|| encode(&image, (width * scale) as u32, (height * scale) as u32))
                .flatten()
            {
                png = encoded.await.ok().filter(|b| !b.is_null());
            }
        }
        done(match png {
            Some(png) => super::save_blob(&filename, png.unchecked_ref::<Blob>()),
            None => format!("{filename}: this browser could not draw the chart as a PNG"),
        });
    });
}

/// The image drawn on a canvas of `width` × `height` pixels, and the
/// canvas's PNG to come (a `Blob`, or `null` where the browser declines).
fn encode(image: &HtmlImageElement, width: u32, height: u32) -> Option<JsFuture> {
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            image,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .ok()?;
    // toBlob calls back once, with the PNG or null; a canvas the browser
    // deems unsafe to read throws instead.
    let mut refused = false;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        refused = canvas.to_blob_with_type(&resolve, "image/png").is_err();
    });
    (!refused).then(|| JsFuture::from(promise))
}
