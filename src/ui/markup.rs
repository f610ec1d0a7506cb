//! Markup written as text, for the views that have no events: the chart, the tables, the label
//! drawing. Yew's `html!` turns every element and attribute into code that builds it at run time;
//! written as text, most of a view is one string constant, and yew inserts the result as one raw
//! node. That is safe by construction: fixed markup can only be a `&'static str` (our literals), and
//! everything else goes through `text` or `attr`, which escape it. This file is the only raw-HTML
//! sink in `src/` (`tests/e2e/delivery-source.test.mjs` checks both).

use yew::{AttrValue, Html};

/// A piece of HTML (or SVG) being written. Its text is private: only the methods below add to it.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup(String::with_capacity(2048))
    }

    /// Escaped text on its own (a table cell's content, say), to `append` later.
    pub fn of_text(text: &str) -> Markup {
        let mut m = Markup(String::with_capacity(text.len()));
        m.text(text);
        m
    }

    /// Our own fixed markup: tags, attribute names, fixed values. `'static`: never data.
    pub fn raw(&mut self, markup: &'static str) -> &mut Markup {
        self.0.push_str(markup);
        self
    }

    /// Text content, escaped.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape_into(&mut self.0, text);
        self
    }

    /// A whole number (a drawing coordinate, say): digits and a sign only, so written as is.
    pub fn number(&mut self, n: i32) -> &mut Markup {
        self.0.push_str(&n.to_string());
        self
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Markup {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        escape_into(&mut self.0, value);
        self.0.push('"');
        self
    }

    /// `<tag attributes>text</tag>` with fixed `start` (`<td class="x">`) and `end` (`</td>`).
    pub fn element(&mut self, start: &'static str, text: &str, end: &'static str) -> &mut Markup {
        self.raw(start).text(text).raw(end)
    }

    /// Another piece written the same way.
    pub fn append(&mut self, other: &Markup) -> &mut Markup {
        self.0.push_str(&other.0);
        self
    }

    /// The markup as yew's raw-HTML node.
    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}

/// Escapes the five characters that could end a text or an attribute value.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::new();
        m.raw("<p")
            .attr("title", "a\"b<c>&'")
            .raw(">")
            .text("<script>alert(1)</script> & \"x\"")
            .append(&Markup::of_text("<b>"))
            .raw("</p>");
        assert_eq!(
            m.0,
            "<p title=\"a&quot;b&lt;c&gt;&amp;&#39;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;&lt;b&gt;</p>"
        );
    }
}
