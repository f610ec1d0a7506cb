// Placeholder: the data code generator replaces this (see src/domain/data).
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
}
