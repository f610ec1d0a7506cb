// Accessibility helpers shared by the a11y and hostile-input tests: axe-core injection, target sizes,
// focus visibility and WCAG contrast computed from the page's own styles.
import path from 'node:path';
import { ROOT } from './harness.mjs';

export const AXE = path.join(ROOT, 'tools/node/node_modules/axe-core/axe.min.js');

/** WCAG 2.2 AA, with `target-size` (2.5.8, off by default in axe) switched on. */
export const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
  resultTypes: ['violations', 'incomplete'],
};

/**
 * Runs axe on the whole document. The page must come from a context with `bypassCSP: true`: the
 * strict CSP (rightly) refuses the injected axe script.
 */
export async function axeScan(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(opts => window.axe.run(document, opts).then(r => ({
    violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => `${n.target.join(' ')} :: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 240)}`),
    })),
    incomplete: r.incomplete.map(v => `${v.id}:${v.nodes.length}`),
  })), AXE_OPTIONS);
}

export function describeViolations(violations) {
  return violations.map(v => `${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 8).join('\n    ')}`).join('\n  ');
}

/** What counts as an interactive target for the size check. */
export const TARGETS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';

/**
 * Defines `window.__hxInlineLink(el)` in the page: true for a link laid out inline whose nearest
 * block container holds other text too, i.e. a link inside a sentence (WCAG 2.5.8 "inline").
 */
export async function installTargetHelpers(page) {
  await page.evaluate(() => {
    window.__hxInlineLink = el => {
      if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      const own = (el.textContent || '').trim().length;
      return Boolean(block) && (block.textContent || '').trim().length > own;
    };
  });
}

/**
 * Every visible interactive target smaller than `min`×`min` CSS px (or only less than `min` high
 * with `heightOnly`). Links inside a sentence are exempt when `inlineLinksExempt`. Visually hidden
 * elements (1×1 px, e.g. a skip link before it is focused) are not on screen and are skipped.
 */
export async function smallTargets(page, min, { inlineLinksExempt, heightOnly = false, selector = TARGETS }) {
  await installTargetHelpers(page);
  return page.evaluate(({ selector, min, inlineLinksExempt, heightOnly }) => {
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[hidden],[inert]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) continue;
      if (inlineLinksExempt && window.__hxInlineLink(el)) continue;
      if ((!heightOnly && r.width + 0.01 < min) || r.height + 0.01 < min) {
        const id = el.getAttribute('data-testid') || el.id || String(el.className) || el.tagName;
        out.push(`${el.tagName.toLowerCase()}[${id}] ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
      }
    }
    return out;
  }, { selector, min, inlineLinksExempt, heightOnly });
}

/** The focused element and whether its focus is visible (outline or box-shadow drawn). */
export async function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', visible: false };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
    const shadow = s.boxShadow && s.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      testid: el.getAttribute('data-testid') || '',
      id: el.id,
      visible: Boolean(outline || shadow),
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
    };
  });
}

/**
 * For every visible element with its own text: font size, colour and the colour behind it (the
 * first opaque background up the tree, composited over white), with the WCAG contrast ratio.
 */
export async function textSamples(page, root = '[data-testid="app-ready"]') {
  return page.evaluate(rootSel => {
    const parse = c => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const lum = ({ r, g, b }) => {
      const ch = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const over = (top, under) => ({
      r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a), a: 1,
    });
    const background = el => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
      }
      return layers.reverse().reduce((acc, l) => over(l, acc), { r: 255, g: 255, b: 255, a: 1 });
    };
    const out = [];
    const root = document.querySelector(rootSel) || document.body;
    for (const el of root.querySelectorAll('*')) {
      if (el.closest('svg, [hidden], .hx-visually-hidden, [aria-hidden="true"]')) continue;
      const own = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ');
      const isControl = ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
      if (!own && !isControl) continue;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (s.visibility === 'hidden' || s.display === 'none' || r.width === 0 || r.height === 0) continue;
      const fg = parse(s.color);
      if (!fg) continue;
      const bg = background(el);
      const fgSolid = over(fg, bg);
      const [hi, lo] = [lum(fgSolid), lum(bg)].sort((a, b) => b - a);
      out.push({
        text: (own || el.value || el.tagName).slice(0, 40),
        where: `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`,
        fontSize: parseFloat(s.fontSize),
        contrast: (hi + 0.05) / (lo + 0.05),
        color: s.color,
      });
    }
    return out;
  }, root);
}
