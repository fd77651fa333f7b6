//! With the feature `baked-pt-br` (the page's Brazilian Portuguese build,
//! `repower-web-pt`; see `src/lang.rs`), writes the Portuguese catalogue
//! (`www/lang/pt-BR.json`) as a Rust table for `lang::baked`: each English
//! text's key (`lang::key`: FNV-1a, 32 bits) and its translation, sorted by
//! key. Without the feature it writes nothing.

use std::fmt::Write as _;
use std::path::PathBuf;

const CATALOGUE: &str = "www/lang/pt-BR.json";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed={CATALOGUE}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/lang_key.rs");
    if std::env::var_os("CARGO_FEATURE_BAKED_PT_BR").is_none() {
        return Ok(());
    }
    let text = std::fs::read_to_string(CATALOGUE)?;
    let texts: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&text).map_err(|e| format!("{CATALOGUE} does not read: {e}"))?;
    let mut rows: Vec<(u32, &str)> = texts
        .iter()
        .map(|(en, pt)| (key(en), pt.as_str()))
        .collect();
    rows.sort_unstable_by_key(|r| r.0);
    if let Some(w) = rows.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(format!("{CATALOGUE}: two texts with the key {:#010x}", w[0].0).into());
    }
    let mut out = String::from(
        "/// The Portuguese catalogue, by English text's key (written by build.rs).\n",
    );
    out.push_str("pub(crate) const PT_BR: &[(u32, &str)] = &[\n");
    for (k, pt) in rows {
        writeln!(out, "    ({k:#010x}, {pt:?}),")?;
    }
    out.push_str("];\n");
    let path = PathBuf::from(std::env::var("OUT_DIR")?).join("pt_br.rs");
    std::fs::write(path, out)?;
    Ok(())
}

#[path = "src/lang_key.rs"]
mod lang_key;
use lang_key::key;
