//! An English text's key in a catalogue: the 32-bit FNV-1a hash of its
//! UTF-8 bytes. One file for the crate (`lang::key`) and its build script
//! (build.rs, which writes the Portuguese table the page's Portuguese build
//! looks texts up in at compile time); `www/postbuild.mjs` writes the same.

/// The key of `text`; a `const fn`, so a text's key can be a constant.
pub const fn key(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}
