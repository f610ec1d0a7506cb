//! The deep-link parameters are a public API: every parameter the engine accepts must be documented
//! in README.md. `cargo test --test docs_params -- --ignored --nocapture` prints the table.
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::evaluate::{fields, FieldGroup};
use huanxin::domain::locale::Locale;

fn all_params() -> Vec<(&'static str, Vec<Category>)> {
    let mut out: Vec<(&'static str, Vec<Category>)> = Vec::new();
    for c in Category::ALL {
        for f in fields(c) {
            match out.iter_mut().find(|(p, _)| *p == f.param) {
                Some((_, cats)) => cats.push(c),
                None => out.push((f.param, vec![c])),
            }
        }
    }
    out
}

#[test]
fn every_parameter_is_documented_in_the_readme() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (param, _) in all_params() {
        assert!(
            readme.contains(&format!("`{param}`")),
            "README.md does not document `{param}`"
        );
    }
    for c in Category::ALL {
        assert!(
            readme.contains(&format!("`{}`", c.slug())),
            "README.md does not list `{}`",
            c.slug()
        );
    }
}

#[test]
#[ignore]
fn print_parameter_table() {
    println!("| parameter | categories | meaning | unit | range |");
    println!("|---|---|---|---|---|");
    for (param, cats) in all_params() {
        let c = cats[0];
        let f = fields(c).iter().find(|f| f.param == param).unwrap();
        let cats = if cats.len() == Category::ALL.len() {
            "all".to_string()
        } else {
            cats.iter()
                .map(|c| format!("`{}`", c.slug()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let range = if f.max > f.min {
            format!("{}–{}", f.min, f.max)
        } else {
            String::new()
        };
        let group = match f.group {
            FieldGroup::Purchase => "",
            FieldGroup::Old => "old unit: ",
            FieldGroup::New => "new unit: ",
            FieldGroup::Usage => "usage: ",
            FieldGroup::Prices => "",
        };
        println!(
            "| `{param}` | {cats} | {group}{} ({}) | {} | {range} |",
            f.label_en,
            f.label_zh,
            Locale::En.pick(f.unit_zh, f.unit_en)
        );
    }
}
