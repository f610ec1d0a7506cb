#!/usr/bin/env node
// Renders the PNG app icons the web app manifest needs for installability from assets/icon.svg, in
// headless Chromium (playwright-core): icon-192.png, icon-512.png, and icon-maskable-512.png (full-bleed
// background, the glyph inside the 80 % safe zone). Run by hand when the icon changes; the PNGs are
// committed. Usage: node tools/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const require = createRequire(path.join(ROOT, 'tools/node/package.json'));
const { chromium } = require('playwright-core');

const svg = fs.readFileSync(path.join(ROOT, 'assets/icon.svg'), 'utf8');
const glyph = (svg.match(/<path[^>]*\/>/) || [])[0];
const bg = (svg.match(/<rect[^>]*fill="(#[0-9a-fA-F]+)"/) || [])[1];
if (!glyph || !bg) throw new Error('assets/icon.svg: expected one <rect fill> and one <path>');
// Maskable: square background; the 64-unit glyph scaled to 70 % and centred.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${bg}"/>`
  + `<g transform="translate(9.6 9.6) scale(0.7)">${glyph}</g></svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, size, source] of [['icon-192.png', 192, svg], ['icon-512.png', 512, svg], ['icon-maskable-512.png', 512, maskable]]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const url = `data:image/svg+xml,${encodeURIComponent(source)}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="${url}">`);
    await page.waitForFunction(() => document.querySelector('img').complete);
    await page.screenshot({ path: path.join(ROOT, 'assets', name), omitBackground: true });
    await page.close();
    console.log(`assets/${name}: ${fs.statSync(path.join(ROOT, 'assets', name)).size} bytes`);
  }
} finally {
  await browser.close();
}
