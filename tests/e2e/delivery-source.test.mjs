// Outside data (link parameters, host config, stored state, anything typed) is rendered by Yew as text
// and attributes, or escaped by src/ui/markup.rs, never as HTML. This fails if the Rust code (or the boot scripts) gains a raw-HTML or
// eval-like path. Needs no build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

/** Raw HTML sinks in web-sys / yew / js-sys and the DOM, and eval-like calls. */
const FORBIDDEN = [
  [/\b(set_)?inner_html\b/, 'inner_html'],
  [/\b(set_)?outer_html\b/, 'outer_html'],
  [/\binsert_adjacent_html\b/, 'insert_adjacent_html'],
  [/\bcreate_contextual_fragment\b/, 'create_contextual_fragment'],
  [/\bparse_from_string\b/, 'DOMParser::parse_from_string'],
  [/\bfrom_html_unchecked\b/, 'Html::from_html_unchecked'],
  [/\bVRaw\b/, 'VRaw'],
  [/dangerously/i, 'dangerously…'],
  [/\bwrite(ln)?_with_str\b|\bdocument\(\)[^;]*\.write(ln)?\(/, 'document.write'],
  [/\bset_srcdoc\b|\bsrcdoc\b/, 'srcdoc'],
  [/\bjs_sys::eval\b|\beval\(/, 'eval'],
  [/\bFunction::new_(no_)?args\b|\bnew Function\b/, 'new Function'],
  [/\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/, 'innerHTML (JS)'],
];

function* files(dir, ext) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p, ext);
    else if (ext.test(e.name)) yield p;
  }
}

/** Code without comments (so a comment may name what is forbidden). */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map(line => line.replace(/^\s*\/\/.*$/, '').replace(/\s\/\/\s.*$/, ''))
    .join('\n');
}

function offences(file) {
  const found = [];
  code(fs.readFileSync(file, 'utf8')).split('\n').forEach((line, i) => {
    for (const [re, name] of FORBIDDEN) if (re.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${name}: ${line.trim()}`);
  });
  return found;
}

test('the patterns catch what they are meant to', () => {
  for (const sample of ['el.set_inner_html(&text);', 'Html::from_html_unchecked(s.into())', 'node.innerHTML = x;', 'js_sys::eval(&s)']) {
    const dir = fs.mkdtempSync(path.join(ROOT, 'target', 'hx-grep-'));
    try {
      const f = path.join(dir, 'sample.rs');
      fs.writeFileSync(f, `fn f() {\n    ${sample}\n}\n// inner_html in a comment is fine\n`);
      assert.equal(offences(f).length, 1, sample);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('no raw HTML or eval on outside data in src/ or the boot scripts', () => {
  const found = [];
  // The one sink: src/ui/markup.rs turns its text into yew's raw node. It can hold only fixed
  // markup (`&'static str`), escaped text and whole numbers: its text is private, and `raw` takes
  // only `'static` strings.
  const markup = path.join(ROOT, 'src', 'ui', 'markup.rs');
  const sinks = offences(markup);
  assert.equal(sinks.length, 1, sinks.join('\n'));
  assert.match(sinks[0], /Html::from_html_unchecked\(AttrValue::from\(self\.0\)\)/);
  const markupCode = code(fs.readFileSync(markup, 'utf8'));
  assert.match(markupCode, /pub struct Markup\(String\);/, 'the text is a private field');
  assert.match(markupCode, /pub fn raw\(&mut self, markup: &'static str\)/, 'raw takes fixed markup only');
  assert.match(markupCode, /pub fn element\(&mut self, start: &'static str, text: &str, end: &'static str\)/);
  assert.match(markupCode, /pub fn attr\(&mut self, name: &'static str, value: &str\)/);
  for (const f of files(path.join(ROOT, 'src'), /\.rs$/)) if (f !== markup) found.push(...offences(f));
  for (const name of fs.readdirSync(path.join(ROOT, 'tools'))) {
    if (/^boot.*\.js$/.test(name)) found.push(...offences(path.join(ROOT, 'tools', name)));
  }
  assert.deepEqual(found, [], `raw HTML sinks:\n${found.join('\n')}`);
});
