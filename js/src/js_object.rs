//! Building plain JS objects and arrays without serde (keeps the wasm small), and rounding numbers
//! exactly as the app writes them into `data-value`.

use huanxin::domain::money::{plain_fen, plain_number, Fen};
use huanxin::domain::number::parse_decimal;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// A plain object under construction.
pub struct Obj(Object);

impl Obj {
    /// An empty `{}`.
    pub fn new() -> Obj {
        Obj(Object::new())
    }

    /// Sets `key` to any JS value.
    pub fn set(&self, key: &str, value: &JsValue) -> &Obj {
        // Defining a property on a fresh ordinary object cannot fail, so the result is not needed.
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), value);
        self
    }

    /// Sets a number (non-finite values become `null`, so no NaN or Infinity ever leaves).
    pub fn num(&self, key: &str, value: f64) -> &Obj {
        self.opt_num(key, Some(value))
    }

    /// Sets a number, or `null` for `None`.
    pub fn opt_num(&self, key: &str, value: Option<f64>) -> &Obj {
        let value = value
            .filter(|v| v.is_finite())
            .map_or(JsValue::NULL, JsValue::from_f64);
        self.set(key, &value)
    }

    /// Sets a string.
    pub fn str(&self, key: &str, value: &str) -> &Obj {
        self.set(key, &JsValue::from_str(value))
    }

    /// Sets a string, or `null` for `None`.
    pub fn opt_str(&self, key: &str, value: Option<&str>) -> &Obj {
        self.set(key, &value.map_or(JsValue::NULL, JsValue::from_str))
    }

    /// Sets a boolean.
    pub fn bool(&self, key: &str, value: bool) -> &Obj {
        self.set(key, &JsValue::from_bool(value))
    }

    /// Sets a nested object.
    pub fn obj(&self, key: &str, value: Obj) -> &Obj {
        self.set(key, &value.into_js())
    }

    /// The finished object.
    pub fn into_js(self) -> JsValue {
        self.0.into()
    }
}

/// An array of already built values.
pub fn array(items: impl IntoIterator<Item = JsValue>) -> JsValue {
    let out = Array::new();
    for item in items {
        out.push(&item);
    }
    out.into()
}

/// An array of strings.
pub fn string_array<'a>(items: impl IntoIterator<Item = &'a str>) -> JsValue {
    array(items.into_iter().map(JsValue::from_str))
}

/// Fen as yuan, rounded to 0.01 exactly like the app's `data-value` (`plain_fen`, then parsed).
pub fn yuan(fen: Fen) -> f64 {
    // The domain's decimal reader, not `str::parse::<f64>` (its tables cost 12 KiB brotli).
    parse_decimal(&plain_fen(fen)).unwrap_or(0.0)
}

/// A quantity rounded to 0.01 exactly like the app's `data-value` (`plain_number`, then parsed).
pub fn round2(value: f64) -> f64 {
    parse_decimal(&plain_number(value)).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn rounding_matches_the_plain_text() {
        assert_eq!(yuan(89_985), 899.85);
        assert_eq!(yuan(-30), -0.3);
        assert_eq!(yuan(0), 0.0);
        assert_eq!(round2(1.005), 1.01);
        assert_eq!(round2(f64::NAN), 0.0);
        assert_eq!(round2(f64::INFINITY), 0.0);
        assert!(yuan(Fen::MAX).is_finite());
        assert!(round2(-0.0001).is_sign_positive());
    }
}
