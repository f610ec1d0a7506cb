//! A small mutational fuzzer for the parsers that read outside text: deep-link parameters, host
//! configuration (`mode`, `theme`, `hide`, `origin`, `idle`, `store`), the host's JSON channel list,
//! numbers, dates and the stored state. There is no nightly toolchain here (cargo-fuzz needs one),
//! so this is coverage-free: it mutates a corpus of real links and configs (bit flips, byte edits,
//! token splices, crossovers, percent-encoding) and keeps inputs that produce a new combination of
//! notice codes as a cheap stand-in for coverage.
//!
//! Run: `cargo test --release --test fuzz_parsers -- --ignored --nocapture`
//! (`HX_FUZZ_SECONDS`, default 60; `HX_FUZZ_SEED` to replay a run). A panic writes the input to
//! `target/fuzz-crashes/` and fails the test.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use huanxin::domain::category::Category;
use huanxin::domain::date::Date;
use huanxin::domain::evaluate::evaluate;
use huanxin::domain::guide::{guide, parse_channel_override};
use huanxin::domain::host_config::{parse_origin, HostConfig, Rgb};
use huanxin::domain::locale::Locale;
use huanxin::domain::number::parse_number;
use huanxin::domain::query::{parse_deep_link, percent_encode};
use huanxin::ui::state::{AppState, Start, STORAGE_FORMAT};

/// Real deep links, kiosk and embed configurations and channel lists, as retailers write them.
const SEEDS: &[&str] = &[
    "?lang=en&cat=fridge&region=bj&date=2026-05-01&grade=1&price=5999&trade_in=200&old_kwh_year=450&new_kwh_year=200&tariff=0.4883",
    "cat=fridge&date=2026-05-01&grade=1&price=5999&trade_in=200&old_year=2012&volume_l=400",
    "?cat=washer&date=2025-06-01&grade=2&old_kwh_year=100&new_kwh_year=60&old_water_m3_year=30&new_water_m3_year=15&tariff=0%2C6&water_price=4&price=%EF%BC%90.%EF%BC%93%E4%B8%87",
    "?cat=gas_water_heater&date=2025-03-01&old_gas_m3_year=100&new_gas_m3_year=80&gas_price=3&price=4000",
    "?cat=ac&old_cooling_kwh=900&old_heating_kwh=600&price=4599&region=SH&lang=en",
    "?cat=fridge&price=%E4%B8&foo=1&grade=7&date=2026-13-45&region=ZZ&old_kwh_year=abc&lang=fr",
    "?cat=toaster&%%%=1",
    "?mode=kiosk&store=%E6%9F%90%E6%9F%90%E7%94%B5%E5%99%A8%20%E5%8D%97%E4%BA%AC%E8%B7%AF%E5%BA%97&idle=120&cat=ac&region=sh",
    "?embed=1&origin=https%3A%2F%2Fshop.example.cn&theme=brand%3A%23c8102e%2Ctext%3A%23111111&hide=chart,guide&cat=tv&price=3999",
    "?mode=embed&origin=http://localhost:8080&theme=brand:#0a5,accent:#c2410c;bg:#fff,surface:#ffffff&hide=header,footer",
    "?elder=1&lang=zh&cat=water_purifier&price=2999",
    "?channels=%7B%22mode%22%3A%22prepend%22%2C%22channels%22%3A%5B%7B%22name_zh%22%3A%22%E6%9C%AC%E5%BA%97%22%2C%22url%22%3A%22https%3A%2F%2Fshop.example.com%2F%22%7D%5D%7D&cat=fridge",
    r#"{"mode":"prepend","channels":[{"name_zh":"某某电器 以旧换新","name_en":"Acme trade-in","desc_zh":"到店或上门回收旧机","desc_en":"In store or at your door","url":"https://acme.example.cn/trade-in?src=huanxin","categories":["fridge","AC"],"regions":["gd","CN-SH"]},{"name_en":"Acme everywhere","url":"https://acme.example.cn/"}]}"#,
    r#"{"mode":"replace","channels":[{"name_zh":"本店","url":"https://shop.example.com/"}]}"#,
    "brand:#000,accent:#fff;bg:#123456,surface:#abc,text:#FFFFFF",
    "https://shop.example.cn:8443",
    "５９９９元",
    "1.2万",
    "2026-05-01",
];

/// Pieces that mean something to one of the parsers.
const TOKENS: &[&str] = &[
    "&",
    "=",
    "?",
    "%",
    "%25",
    "%00",
    "%E4%B8",
    "%FF",
    "+",
    "#",
    "cat=",
    "lang=",
    "mode=kiosk",
    "embed=1",
    "origin=",
    "theme=",
    "hide=",
    "idle=",
    "store=",
    "channels=",
    "elder=1",
    "price=",
    "region=",
    "date=",
    "grade=",
    "tariff=",
    "old_year=",
    "fridge",
    "ac",
    "washer",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    ":",
    ",",
    ";",
    "#",
    "null",
    "true",
    "1e999",
    "-0",
    "NaN",
    "Infinity",
    "万",
    "千",
    "元",
    "０",
    "．",
    "，",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
    "\u{0}",
    "😀",
    "١٢٣",
    "½",
    "e",
    "E",
    "-",
    ".",
    "..",
    "0x",
    "https://",
    "http://localhost",
    "javascript:",
    "<script>",
    "<img src=x onerror=alert(1)>",
    "[::1]",
    "@",
    "\r\n",
    "\t",
    " ",
];

/// Longest input tried: above the query limit, so truncation is exercised too.
const MAX_INPUT: usize = 24 * 1024;

/// xorshift64*: reproducible from the seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let len = out.len();
        let at = rng.below(len + 1);
        match rng.below(11) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                out[i] = [0u8, b'%', b'&', b'=', 0x7f, 0x80, 0xc3, 0xe4, 0xff, b'9'][rng.below(10)];
            }
            2 => out.insert(at, rng.next() as u8),
            3 if len > 0 => {
                let end = (at + 1 + rng.below(16)).min(len);
                out.drain(at.min(len - 1)..end);
            }
            4 | 5 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            6 if len > 0 => {
                // Repeat a chunk, sometimes many times (long values, many parameters).
                let start = rng.below(len);
                let end = (start + 1 + rng.below(32)).min(len);
                let chunk = out[start..end].to_vec();
                let times = if rng.below(8) == 0 {
                    1 + rng.below(2000)
                } else {
                    1 + rng.below(4)
                };
                for _ in 0..times {
                    if out.len() + chunk.len() > MAX_INPUT {
                        break;
                    }
                    out.splice(at..at, chunk.iter().copied());
                }
            }
            7 => {
                // Crossover: our head, another entry's tail.
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                out.truncate(at);
                out.extend_from_slice(&other[from..]);
            }
            8 if len > 0 => {
                // Percent-encode a stretch (decoded again by the query parser).
                let start = rng.below(len);
                let end = (start + 1 + rng.below(24)).min(len);
                let text = String::from_utf8_lossy(&out[start..end]).into_owned();
                out.splice(start..end, percent_encode(&text).into_bytes());
            }
            9 => out.truncate(at),
            _ => {
                let digits = "0123456789".repeat(1 + rng.below(40));
                out.splice(at..at, digits.bytes());
            }
        }
    }
    out.truncate(MAX_INPUT);
    out
}

fn today() -> Date {
    Date::new(2026, 11, 30).unwrap_or(Date::MIN)
}

/// Runs one input through every parser. Returns what the parsers said (notice, warning and error
/// codes, each with the input's length class) as hashed features; an input with a new feature is
/// kept in the corpus.
fn run_one(text: &str) -> Vec<u64> {
    let mut features = Vec::new();
    let size = usize::BITS - text.len().leading_zeros();
    let mut mix = |s: &str| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(size);
        for b in s.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        features.push(h);
    };

    let parsed = parse_deep_link(text);
    for n in &parsed.notices {
        mix(n.code);
        assert!(!n.message(Locale::Zh).is_empty());
    }
    let mut form = parsed.form.clone();
    let mut config = HostConfig::parse(&parsed.ui);
    config.drop_bad_defaults(&mut form, today());
    for w in &config.warnings {
        mix(&format!("{:?}", w.code));
        assert!(!w.message(Locale::En).is_empty());
    }
    for (_, value) in config
        .css_properties(true)
        .into_iter()
        .chain(config.css_properties(false))
    {
        assert!(value.len() == 7 && value.starts_with('#'), "css {value:?}");
    }
    let evaluation = evaluate(&form, today());
    for e in &evaluation.errors {
        mix(e.code);
    }
    for n in &evaluation.notices {
        mix(n.code);
    }
    if let Some(o) = &evaluation.outcome {
        for g in &o.grades {
            assert!(
                g.saved.kwh.is_finite() && g.co2_kg.is_finite(),
                "non-finite result"
            );
        }
    }
    if let Some((_, json)) = parsed.ui.iter().find(|(k, _)| k == "channels") {
        channel_list(json, &mut mix);
    }

    // The same text as a raw channel list, a stored state and the single values.
    channel_list(text, &mut mix);
    let state = AppState::start(&Start {
        browser_locale: Locale::Zh,
        query: String::new(),
        stored: Some(format!("{STORAGE_FORMAT}{text}")),
        today: today(),
    });
    mix(if state.storage_notice.is_some() {
        "corrupt"
    } else {
        "stored"
    });
    let _ = AppState::start(&Start {
        browser_locale: Locale::En,
        query: text.to_string(),
        stored: Some(text.to_string()),
        today: today(),
    });
    let short: String = text.chars().take(200).collect();
    mix(if parse_number(&short).is_ok() {
        "number"
    } else {
        "nan"
    });
    mix(if Date::parse(&short).is_ok() {
        "date"
    } else {
        "nodate"
    });
    mix(if parse_origin(&short).is_some() {
        "origin"
    } else {
        "noorigin"
    });
    mix(if Rgb::parse(&short).is_some() {
        "rgb"
    } else {
        "norgb"
    });
    features
}

fn channel_list(json: &str, mix: &mut impl FnMut(&str)) {
    match parse_channel_override(json) {
        Ok(list) => {
            mix("override");
            let g = guide(
                Category::Fridge,
                Some("GD"),
                today(),
                Some(12.0),
                Some(&list),
            );
            mix(&g.channels.len().to_string());
        }
        Err(e) => {
            // The kind without its offsets: one feature per kind of mistake, not per position.
            let kind: String = format!("{:?}", e.kind)
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect();
            mix(&kind);
        }
    }
}

#[test]
#[ignore = "a minute of fuzzing: cargo test --release --test fuzz_parsers -- --ignored"]
fn fuzz_parameter_and_config_parsers() {
    let seconds: u64 = std::env::var("HX_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed: u64 = std::env::var("HX_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
        | 1;
    let mut rng = Rng(seed);
    let mut corpus: Vec<Vec<u8>> = SEEDS.iter().map(|s| s.as_bytes().to_vec()).collect();
    let mut seen: HashSet<u64> = HashSet::new();
    for s in SEEDS {
        seen.extend(run_one(s));
    }
    // Keep the default hook quiet: a crash is reported once, with its input, below.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));

    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut executions: u64 = 0;
    let mut crashes: Vec<(String, String)> = Vec::new();
    while Instant::now() < deadline && crashes.len() < 5 {
        for _ in 0..64 {
            let parent = &corpus[rng.below(corpus.len())];
            let bytes = mutate(&mut rng, parent, &corpus);
            // The parsers take text: invalid UTF-8 arrives as replacement characters, as from a URL.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            executions += 1;
            match catch_unwind(AssertUnwindSafe(|| run_one(&text))) {
                Ok(features) => {
                    let mut new = false;
                    for f in features {
                        new |= seen.insert(f);
                    }
                    if new && corpus.len() < 4096 {
                        corpus.push(bytes);
                    }
                }
                Err(payload) => {
                    let message = payload
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    crashes.push((text, message));
                }
            }
        }
    }
    std::panic::set_hook(hook);

    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "fuzz_parsers: {executions} executions in {elapsed:.0} s ({:.0}/s, {:.0}/min), seed {seed}, corpus {} (+{} kept), {} distinct features",
        executions as f64 / elapsed.max(1.0),
        executions as f64 * 60.0 / elapsed.max(1.0),
        corpus.len(),
        corpus.len() - SEEDS.len(),
        seen.len()
    );
    if !crashes.is_empty() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
        let _ = std::fs::create_dir_all(&dir);
        for (i, (text, message)) in crashes.iter().enumerate() {
            let _ = std::fs::write(dir.join(format!("crash-{seed}-{i}.txt")), text);
            let shown: String = text.chars().take(300).collect();
            eprintln!("panic: {message}\n  input: {shown:?}");
        }
        panic!(
            "{} inputs panicked (seed {seed}); inputs in {}",
            crashes.len(),
            dir.display()
        );
    }
}
